/*
 * cmd_init.c — okr init [--shared]: create (or upgrade) the database.
 */
#include <stdio.h>

#include "okr/cli.h"
#include "okr/i18n.h"

int cmd_init(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "shared", 0, false }, { 0 } };
	cli_args a;
	int rc = cli_parse("init", "[--shared]", opts, argc, argv, 0, 0, &a);
	if (rc)
		return rc;
	bool shared = cli_opt_get(opts, &a, "shared") != NULL;
	char err[1024];
	int flags = OKR_OPEN_CREATE | (shared ? OKR_OPEN_SHARED : 0);
	okr_result r = cli_open(ctx, flags, err, sizeof err);
	if (r)
		return cli_fail(r, "%s", err);
	cli_made_named(ctx, 'D', ctx->db_path);
	ctx->made_shared = shared;
	cli_say(_("%s is ready (schema %d)%s.\n"), ctx->db_path, okr_store_schema_version(),
	       shared ? _(", shared with the directory's group") : "");
	printf(_("Next: okr cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31\n"));
	return 0;
}
