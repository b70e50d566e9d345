/*
 * cmd_board.c — okr board: the leaderboard of a time window (SPEC §4, §5),
 * people or teams.  The top of the board and the viewer's own neighbourhood
 * are shown; with leaderboard.bands the ranks below the top become two bands
 * so that nobody is shown as last.  People who opted out are left out of the
 * ranking and see their own row only.  On a terminal, without --once, the
 * board is the live full-screen one of src/ui/board_view.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "okr/i18n.h"
#include "okr/level.h"
#include "okr/text.h"
#include "okr/board.h"
#include "okr/cli.h"
#include "okr/ui.h"

static const cli_opt opts[] = {
	{ "window", 'w', true }, { "teams", 't', false }, { "once", 0, false }, { "all", 'a', false },
	{ "json", 0, false }, { 0 }
};

static const char usage[] = "[--window week|cycle|all] [--teams] [--all] [--json] [--once]";

typedef struct {
	cli_ctx *ctx;
	okr_board sc;
	score_board b;
	bool teams, all, bands;
	score_window window;
	int top;
} board_view;

static const char *band_name(score_band b)
{
	return b == SCORE_BAND_ON_TRACK ? _("on track") : _("needs support");
}

static bool is_mine(const board_view *v, const score_row *r)
{
	return v->teams ? okr_board_is_mine(&v->sc, true, r->id) : r->id == v->sc.me;
}

static void print_row(const board_view *v, const score_row *r)
{
	char buf[64], mv[16];
	bool mine = is_mine(v, r);
	printf("%s", mine ? "▶" : " ");
	if (r->hidden)
		printf("    –       ");   /* the width of " %4d  %-4s "; i18n: not user-visible */
	else if (v->bands && r->band != SCORE_BAND_RANKED)
		printf("    ·       ");
	else {
		char *m = text_pad(score_move_text(r, mv, sizeof mv), 4, TEXT_ALIGN_LEFT);
		printf(" %4d  %s ", r->rank, m);
		free(m);
	}
	if (v->teams) {
		cli_put(stdout, okr_board_team(&v->sc.snap, r->id), 24);
		printf(" %8.1f  ", r->score);
		printf(ngettext("%2d member\n", "%2d members\n", (unsigned long)r->members), r->members);
		return;
	}
	const okr_person *p = okr_board_person(&v->sc.snap, r->id);
	snprintf(buf, sizeof buf, "%s (@%s)", p ? p->name : "?", p ? p->login : "?");
	cli_put(stdout, buf, 30);
	score_person_result pr;
	score_person_get(v->sc.st, r->id, v->sc.now, &pr);
	printf(" %6.0f  L%-3d %3dw", r->score, pr.level, pr.streak);
	if (r->hidden)
		printf(_("  (opted out: only you see this row)"));
	else if (v->bands && r->band != SCORE_BAND_RANKED)
		printf("  (%s)", band_name(r->band));
	putchar('\n');
}

/* The top, then the viewer's neighbourhood, with "…" for what is left out. */
static void print_human(board_view *v)
{
	char label[96];
	okr_board_window_label(&v->sc, v->ctx->cfg.week_offset_minutes, v->window, label, sizeof label);
	printf(_("Leaderboard — %s — %s\n"), v->teams ? _("teams") : _("people"), label);
	/* The header uses the widths of print_row. */
	char *who = text_pad(v->teams ? _("team") : _("person"), v->teams ? 24 : 30, TEXT_ALIGN_LEFT);
	fputs("  ", stdout);
	cli_cell(stdout, _("rank"), 4, TEXT_ALIGN_RIGHT);
	fputs("  ", stdout);
	cli_cell(stdout, _("move"), 4, TEXT_ALIGN_LEFT);
	printf(" %s ", who);
	free(who);
	cli_cell(stdout, v->teams ? _("average") : _("points"), v->teams ? 8 : 6, TEXT_ALIGN_RIGHT);
	fputs("  ", stdout);
	if (v->teams) {
		printf("%s\n", _("size"));
	} else {
		cli_cell(stdout, _("lvl"), 4, TEXT_ALIGN_LEFT);
		printf(" %s\n", _("streak"));
	}
	long mine = -1;
	size_t nranked = 0, on = 0, need = 0;
	for (size_t i = 0; i < v->b.n; i++) {
		if (is_mine(v, &v->b.rows[i]) && mine < 0)
			mine = (long)i;
		if (v->b.rows[i].rank > 0) {
			nranked++;
			on += v->b.rows[i].band == SCORE_BAND_ON_TRACK;
			need += v->b.rows[i].band == SCORE_BAND_NEEDS_SUPPORT;
		}
	}
	bool gap = false;
	for (size_t i = 0; i < v->b.n; i++) {
		const score_row *r = &v->b.rows[i];
		bool near = mine >= 0 && !v->bands && (long)i >= mine - 1 && (long)i <= mine + 1 && !r->hidden;
		bool show = is_mine(v, r) || (!r->hidden && (v->all || (long)r->rank <= v->top || near));
		if (v->bands && !r->hidden && r->band != SCORE_BAND_RANKED && !is_mine(v, r))
			show = false;
		if (!show) {
			gap = true;
			continue;
		}
		if (gap && !v->bands)
			printf("   …\n");
		gap = false;
		print_row(v, r);
	}
	if (gap && !v->bands)
		printf(_("   … %zu ranked in all\n"), nranked);
	if (v->bands && (on || need))
		printf(_("   below the top: %zu on track, %zu need support\n"), on, need);
	if (!v->b.n)
		printf(_("   nobody yet — check in a key result or give kudos to get on the board\n"));
}

static void print_json(board_view *v)
{
	json_out j;
	json_begin(&j, stdout);
	json_obj(&j, NULL);
	json_str(&j, "window", okr_board_window_word(v->window));
	json_str(&j, "kind", v->teams ? "teams" : "people");
	json_arr(&j, "rows");
	for (size_t i = 0; i < v->b.n; i++) {
		const score_row *r = &v->b.rows[i];
		if (r->hidden && !is_mine(v, r))
			continue;
		json_obj(&j, NULL);
		if (r->rank && (!v->bands || r->band == SCORE_BAND_RANKED)) {
			json_int(&j, "rank", r->rank);
			json_int(&j, "movement", r->movement);
			static const char *const moves[] = { "none", "new", "rank" };
			json_str(&j, "move", moves[r->move]);
		} else {
			json_null(&j, "rank");
			if (v->bands && !r->hidden)
				json_str(&j, "band", r->band == SCORE_BAND_ON_TRACK ? "on track" : "needs support");
		}
		if (v->teams) {
			json_str(&j, "team", okr_board_team(&v->sc.snap, r->id));
			json_int(&j, "members", r->members);
		} else {
			const okr_person *p = okr_board_person(&v->sc.snap, r->id);
			score_person_result pr;
			score_person_get(v->sc.st, r->id, v->sc.now, &pr);
			json_str(&j, "login", p ? p->login : "");
			json_str(&j, "name", p ? p->name : "");
			json_int(&j, "level", pr.level);
			json_int(&j, "xp", pr.xp);
			json_int(&j, "streak", pr.streak);
		}
		json_num(&j, "score", r->score);
		json_bool(&j, "you", is_mine(v, r));
		json_end_obj(&j);
	}
	json_end_arr(&j);
	json_end_obj(&j);
	json_finish(&j);
}

int cmd_board(cli_ctx *ctx, int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse("board", usage, opts, argc, argv, 0, 0, &a);
	if (rc)
		return rc;
	board_view v = { .ctx = ctx, .teams = cli_opt_get(opts, &a, "teams") != NULL,
			 .all = cli_opt_get(opts, &a, "all") != NULL, .bands = ctx->cfg.board_bands,
			 .top = ctx->cfg.board_top };
	const char *w = cli_opt_get(opts, &a, "window");
	int wi = cli_window_parse(w ? w : ctx->cfg.board_window);
	if (wi < 0)
		return OKR_E_USAGE;
	v.window = (score_window)wi;
	/* Without --once (and --json) on a terminal this is the live board;
	 * on a pipe or in a script it is printed once, as with --once. */
	if (!cli_opt_get(opts, &a, "once") && !cli_opt_get(opts, &a, "json") && !v.all &&
	    isatty(STDOUT_FILENO) && isatty(STDIN_FILENO)) {
		okr_ctx core = cli_core_ctx(ctx);
		rc = ui_board_main(&core, wi, v.teams);
		ctx->store = core.store;   /* the board may have opened the path again */
		return rc;
	}
	cli_theme_warn(ctx);
	if ((rc = cli_board_load(ctx, OKR_BOARD_NAMES, &v.sc)))
		return rc;
	score_span cur, prev;
	okr_board_spans(&v.sc, ctx->cfg.week_offset_minutes, v.window, &cur, &prev);
	if (v.teams)
		score_board_teams(v.sc.st, cur, prev, &v.b);
	else
		score_board_people(v.sc.st, cur, prev, &v.b);
	if (v.bands)
		score_board_bands(&v.b, v.top);
	if (cli_opt_get(opts, &a, "json"))
		print_json(&v);
	else
		print_human(&v);
	score_board_free(&v.b);
	okr_board_free(&v.sc);
	return 0;
}
