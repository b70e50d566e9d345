/*
 * cmd_checkin.c — okr checkin KR VALUE [--confidence N] [-m NOTE] [--id UID].
 *
 * Made for a person at a prompt and for scripts alike: quiet on success
 * unless asked, exit codes as documented, and --id makes a retried command
 * count once.
 */
#include <stdio.h>
#include <string.h>

#include "okr/assess.h"
#include "okr/cli.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/progress.h"

static const char usage[] = "KR VALUE [--confidence 0-10] [-m NOTE] [--id UID] [--quiet]";

int cmd_checkin(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = {
		{ "confidence", 'c', true }, { "message", 'm', true }, { "id", 0, true }, { "quiet", 'q', false },
		{ 0 }
	};
	cli_args a;
	int rc = cli_parse("checkin", usage, opts, argc, argv, 2, 2, &a);
	if (rc)
		return rc;
	int64_t id;
	if ((rc = cli_id(a.pos[0], ID_KR, NULL, &id)))
		return rc;
	/* A number goes straight to the store, whose write path refuses one a
	 * milestone cannot take; only done/undone need the key result's type
	 * first.  The key result is read once either way, for the summary,
	 * and not at all with --quiet: a script's check-in is one write. */
	okr_kr kr = { 0 };   /* kr.id: read */
	double value;
	const char *v = a.pos[1];
	bool word = !strcmp(v, "done") || !strcmp(v, "undone");
	okr_result r;
	if (word) {
		if ((r = okr_store_kr(ctx->store, id, &kr)))
			return cli_store_fail(ctx, r);
		value = !strcmp(v, "done");
		if (kr.type != KR_MILESTONE)
			rc = cli_fail(OKR_E_USAGE, _("K%lld is measured by a number, not done/undone — give its "
						     "current value, e.g. `okr checkin K%lld 42`"), (long long)id, (long long)id);
	} else {
		rc = cli_number(_("the value"), v, &value);
	}
	int confidence = -1;
	const char *c = cli_opt_get(opts, &a, "confidence");
	if (!rc && c)
		rc = cli_confidence(c, &confidence);
	if (rc) {
		okr_kr_free(&kr);
		return rc;
	}
	r = okr_store_checkin(ctx->store, id, value, confidence, cli_opt_get(opts, &a, "message"),
			      cli_opt_get(opts, &a, "id"), 0, NULL);
	if (r) {
		okr_kr_free(&kr);
		return cli_store_fail(ctx, r);
	}
	bool repeat = okr_store_last_was_repeat(ctx->store);
	if (repeat)
		cli_already_recorded(cli_opt_get(opts, &a, "id"));
	cli_made(ctx, ID_KR, id);
	if (!cli_opt_get(opts, &a, "quiet") && !repeat && (kr.id || okr_store_kr(ctx->store, id, &kr) == OKR_OK)) {
		kr.current = value;
		kr.has_value = true;
		/* The same words as `okr list` and the TUI's confirmation. */
		char vb[256];
		printf("K%lld ", (long long)id);
		cli_put(stdout, okr_kr_summary_text(&kr, vb, sizeof vb), -1);
		putchar('\n');
	}
	okr_kr_free(&kr);
	return 0;
}
