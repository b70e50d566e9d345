/*
 * cmd_status.c — okr status: one short line for tmux's status-right (SPEC
 * §5): your rank and its movement in the configured window, your points and
 * level, your team's progress in the current cycle, and what you owe
 * ("2 due", the same count as `okr due`) when you owe something.  Plain text
 * with no colour codes, so tmux shows it as it is; a '#' from the data is
 * doubled so that tmux never takes a team name for a format (#[...], #(...)).
 *
 *   #2 ▲1 · 45 pts this week · L3 · Product 47% · 2 due
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/text.h"
#include "okr/board.h"
#include "okr/cli.h"

/* Progress of the viewer's first team in the current cycle, rolled up as
 * everywhere: kept in the database (okr_store_team_progress), so a line
 * refreshed every few seconds reads one row.  false when it has no
 * objectives or cannot be read (the line goes on without it). */
static bool team_progress(cli_ctx *ctx, const okr_board *sc, const okr_person *me, char *team, size_t len,
			  double *out)
{
	if (!me || !me->teams[0])
		return false;
	size_t n = strcspn(me->teams, ",");
	if (n >= len)
		n = len - 1;
	memcpy(team, me->teams, n);
	team[n] = '\0';
	int64_t id = 0;
	for (size_t i = 0; i < sc->snap.nteams; i++)
		if (strcmp(sc->snap.teams[i].name, team) == 0)
			id = sc->snap.teams[i].id;
	okr_progress_kept tp;
	if (!id || okr_store_team_progress(ctx->store, sc->snap.cycle_id, id, ctx->cfg.rollup, &tp))
		return false;
	*out = tp.progress;
	return tp.objectives > 0;
}

/* tmux expands '#' in status-right (#[fg=red], #(cmd), #S): a team name
 * is text, so each '#' is doubled, which tmux shows as one. */
static void put_tmux_literal(const char *s)
{
	fputs(" · ", stdout);
	for (; *s; s++) {
		if (*s == '#')
			putchar('#');
		putchar(*s);
	}
}

int cmd_status(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "window", 'w', true }, { 0 } };
	cli_args a;
	int rc = cli_parse("status", "[--window week|cycle|all]", opts, argc, argv, 0, 0, &a);
	if (rc)
		return rc;
	const char *wname = cli_opt_get(opts, &a, "window");
	int wi = cli_window_parse(wname ? wname : ctx->cfg.board_window);
	if (wi < 0)
		return OKR_E_USAGE;
	okr_board sc;
	if ((rc = cli_board_load(ctx, OKR_BOARD_NAMES, &sc)))
		return rc;
	const okr_person *me = okr_board_person(&sc.snap, sc.me);
	if (!me) {
		printf(_("okr: not on the board yet\n"));
		okr_board_free(&sc);
		return 0;
	}
	score_span cur, prev;
	okr_board_spans(&sc, ctx->cfg.week_offset_minutes, (score_window)wi, &cur, &prev);
	score_board b;
	score_board_people(sc.st, cur, prev, &b);
	if (ctx->cfg.board_bands)
		score_board_bands(&b, ctx->cfg.board_top);
	const score_row *r = score_board_find(&b, sc.me);
	score_person_result pr;
	score_person_get(sc.st, sc.me, sc.now, &pr);
	static const char *const in[] = { N_("this week"), N_("this cycle"), N_("in all") };
	char mv[16];
	if (!r || r->hidden)
		printf(_("hidden"));
	else if (ctx->cfg.board_bands && r->band != SCORE_BAND_RANKED)
		printf("%s", r->band == SCORE_BAND_ON_TRACK ? _("on track") : _("needs support"));
	else
		printf("#%d%s%s", r->rank, r->move == SCORE_MOVE_NONE ? "" : " ", score_move_text(r, mv, sizeof mv));
	printf(_(" · %.0f pts %s · L%d"), r ? r->score : 0.0, _(in[wi]), pr.level);
	if (pr.streak > 1)
		printf(_(" · %dw streak"), pr.streak);
	char team[128];
	double tp;
	if (team_progress(ctx, &sc, me, team, sizeof team, &tp)) {
		char *t = text_fit(team, 16, NULL);
		put_tmux_literal(t);
		printf(" %.0f%%", tp * 100);
		free(t);
	}
	cli_due due = { 0 };
	if (cli_due_gather(ctx, sc.me, &due) == 0 && due.due.n)
		printf(_(" · %zu due"), due.due.n);
	cli_due_free(&due);
	putchar('\n');
	score_board_free(&b);
	okr_board_free(&sc);
	return 0;
}
