/*
 * cmd_feedback.c — okr comment ID TEXT and okr kudos PERSON TEXT: the two-way
 * feedback and recognition of SPEC §4.
 */
#include <stdio.h>

#include "okr/cli.h"
#include "okr/i18n.h"

int cmd_comment(cli_ctx *ctx, int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse("comment", "ID TEXT", NULL, argc, argv, 2, 2, &a);
	if (rc)
		return rc;
	okr_id_kind kind;
	int64_t id;
	if ((rc = cli_id(a.pos[0], ID_NONE, &kind, &id)))
		return rc;
	if (kind == ID_KPI)
		return cli_fail(OKR_E_USAGE, _("comments go on an objective (O12) or a key result (K34)"));
	okr_result r = okr_store_comment(ctx->store, kind == ID_OBJECTIVE ? 'O' : 'K', id, a.pos[1], 0, NULL);
	cli_made(ctx, kind, id);
	return r ? cli_store_fail(ctx, r) : 0;
}

int cmd_kudos(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "kr", 0, true }, { 0 } };
	cli_args a;
	int rc = cli_parse("kudos", "PERSON TEXT [--kr ID]", opts, argc, argv, 2, 2, &a);
	if (rc)
		return rc;
	int64_t kr = 0;
	const char *k = cli_opt_get(opts, &a, "kr");
	if (k && (rc = cli_id(k, ID_KR, NULL, &kr)))
		return rc;
	int64_t id;
	okr_result r = okr_store_kudos(ctx->store, a.pos[0], a.pos[1], kr, 0, &id);
	if (r)
		return cli_store_fail(ctx, r);
	cli_made_named(ctx, 'P', a.pos[0]);
	/* The kudos is saved; say what it earned, or why nothing. */
	score_reason why;
	char to[128], note[512];
	if (okr_store_kudos_verdict(ctx->store, id, &ctx->cfg.game, ctx->cfg.week_offset_minutes, &why,
				    to, sizeof to) == OKR_OK) {
		score_kudos_note(why, to, ctx->cfg.game.kudos_allowance, ctx->cfg.game.kudos_given_xp, note,
				 sizeof note);
		cli_put(stdout, note, -1);
		putchar('\n');
	}
	return 0;
}
