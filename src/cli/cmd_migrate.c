/*
 * cmd_migrate.c — okr migrate --to CONNINFO: the team's SQLite database
 * copied to an empty database on a PostgreSQL server (src/store/copy.c).
 */
#include <stdio.h>

#include "okr/cli.h"
#include "okr/i18n.h"

int cmd_migrate(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "to", 't', true }, { 0 } };
	cli_args a;
	int rc = cli_parse("migrate", "--to postgresql://HOST/DB", opts, argc, argv, 0, 0, &a);
	if (rc)
		return rc;
	const char *to = cli_opt_get(opts, &a, "to");
	if (!to || !*to)
		return cli_fail(OKR_E_USAGE, _("say where to copy the database: okr migrate --to postgresql://HOST/DB"));
	char err[1024];
	long long rows;
	okr_result r = okr_store_copy_to(ctx->store, to, &rows, err, sizeof err);
	if (r != OKR_OK)
		return cli_fail(r, "%s", err);
	printf(_("copied %lld rows to %s — point okr at it with --db, $OKR_DB or `database = \"…\";`\n"), rows, to);
	return 0;
}
