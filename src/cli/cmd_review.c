/*
 * cmd_review.c — okr review [--team T] [--cycle C] [--mine]: the review
 * screen alone (src/ui/review*.c), for a meeting around one terminal.
 *
 * The names are checked here, before the terminal, so that a typo gets its
 * message and exit code in a script too; the screen then opens the database
 * itself, read-write, like the full view.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/cli.h"
#include "okr/i18n.h"
#include "okr/util.h"
#include "okr/review.h"
#include "okr/ui.h"

int cmd_review(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "team", 't', true }, { "cycle", 'c', true }, { "mine", 0, false }, { 0 } };
	static const char usage[] = "[--team T] [--cycle C] [--mine]";
	cli_args a;
	int rc = cli_parse("review", usage, opts, argc, argv, 0, 0, &a);
	if (rc)
		return rc;
	ui_review_request rq = { .team = cli_opt_get(opts, &a, "team"), .mine = cli_opt_get(opts, &a, "mine") != NULL };
	okr_cycle cy;
	if ((rc = cli_cycle(ctx, cli_opt_get(opts, &a, "cycle"), &cy)))
		return rc;
	rq.cycle_id = cy.id;
	okr_snapshot snap;
	okr_result r = okr_store_snapshot(ctx->store, cy.id, false, &snap);
	if (r) {
		okr_cycle_free(&cy);
		return cli_store_fail(ctx, r);
	}
	bool found = !rq.team;
	char team[256];
	const char *picked = rq.team ? cli_team_pick(&snap, rq.team) : NULL;
	if (picked) {
		okr_strlcpy(team, picked, sizeof team);   /* outlives the snapshot */
		rq.team = team;
		found = true;
	}
	int64_t *ids = malloc((snap.nkrs + 1) * sizeof *ids);
	okr_review_scope sc = { .team = rq.team, .owner = rq.mine ? ctx->login : NULL };
	size_t n = found && ids ? okr_review_order(&snap, &sc, ids) : 0;
	free(ids);
	okr_snapshot_free(&snap);
	if (!found)
		rc = cli_fail(OKR_E_NOTFOUND, _("no team '%s' — `okr list --teams` shows them"), rq.team);
	else if (!n)
		rc = cli_fail(OKR_E_NOTFOUND, _("nothing to review: cycle %s has no key results%s%s%s — "
						"`okr list --cycle %s` shows what there is"), cy.name,
			      rq.team ? _(" for team ") : "", rq.team ? rq.team : "", rq.mine ? _(" of yours") : "",
			      cy.name);
	okr_cycle_free(&cy);
	if (rc)
		return rc;
	/* The screen opens its own read-write connection. */
	okr_store_close(ctx->store);
	ctx->store = NULL;
	okr_ctx core = cli_core_ctx(ctx);
	return ui_review_main(&core, &rq);
}
