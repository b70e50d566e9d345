/*
 * board_view.c — `okr board` on a terminal (SPEC §4, §5): the compact,
 * live, read-only leaderboard for a tmux pane.  It fits whatever space it
 * is given (from 30×8 up; below that one "too small" line) and never writes.
 *
 * Data flows store → core → view, as in the full-screen view: the score
 * state is kept between refreshes and okr_store_score_refresh folds in only
 * the rows added since, so a teammate's check-in costs a fingerprint query
 * and a few rows, not a rescan of every event.  The names (people, teams,
 * the cycle) come from a snapshot that is read again only when the scoring
 * world changed.
 *
 * What is shown depends on the space: the title and the rows always; the
 * column names from 10 lines, the key hints from 12; movement from 36
 * columns, full names from 40, the level from 46, the streak from 56 and the
 * teams from 72.  When the rows do not fit, the top comes first and the
 * viewer's own row (with its neighbours when there is room) last, after a
 * "…" line, so the viewer is never scrolled away.
 *
 * It is a screen of the full-screen view's application (app.c): the same
 * loop, keymap (w, t, ?, q rebindable in okr.conf), generated help, watcher
 * and reopening of a lost file; only its first screen differs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/board.h"
#include "okr/ui.h"
#include "okr/i18n.h"
#include "okr/text.h"
#include "okr/util.h"
#include "ui_int.h"

/* Below this the board shows one line saying the pane is too small. */
enum { BOARD_MIN_COLS = 30, BOARD_MIN_LINES = 8 };

typedef struct {
	int64_t id;
	int rank;
} seen_rank;

/* The live board: the first and only body screen of `okr board`.  The
 * application around it is the full-screen view's (loop, keymap, help,
 * watcher, reopening a lost file); the board owns what it shows. */
typedef struct {
	ui_screen base;
	ui *u;
	okr_board sc;
	bool have_snap;
	score_board b;
	score_window window;
	bool teams;
	char err[512];
	/* Ranks as last shown, to highlight a change as it happens. */
	seen_rank *seen;
	size_t nseen;
	int64_t *up, *down;   /* ids highlighted until u->flash_until */
	size_t nup, ndown;
	/* The mouse (mouse = true;): the wheel scrolls past the top rows, a
	 * click selects a row (lit, named in the footer). */
	int skip;
	int64_t sel;          /* 0: none */
	int y0, nshown;       /* where the rows were drawn, for a click */
	long shown[256];
} board_state;

static bool is_mine(const board_state *v, const score_row *r)
{
	return okr_board_is_mine(&v->sc, v->teams, r->id);
}

static bool in_list(const int64_t *ids, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/* Remember the ranks shown now; with `flash`, mark the rows whose rank
 * differs from what was shown before. */
static void note_ranks(board_state *v, bool flash)
{
	okr_config *cfg = v->u->cfg;
	flash = flash && !cfg->reduced_motion && cfg->flash_ms > 0;
	if (flash) {
		v->nup = v->ndown = 0;
		v->up = okr_xrealloc(v->up, (v->b.n + 1) * sizeof *v->up);
		v->down = okr_xrealloc(v->down, (v->b.n + 1) * sizeof *v->down);
		for (size_t i = 0; i < v->b.n; i++) {
			const score_row *r = &v->b.rows[i];
			for (size_t k = 0; r->rank > 0 && k < v->nseen; k++) {
				if (v->seen[k].id != r->id || v->seen[k].rank <= 0 || v->seen[k].rank == r->rank)
					continue;
				if (r->rank < v->seen[k].rank)
					v->up[v->nup++] = r->id;
				else
					v->down[v->ndown++] = r->id;
			}
		}
		if (v->nup || v->ndown)
			v->u->flash_until = app_ms() + cfg->flash_ms;
	}
	v->seen = okr_xrealloc(v->seen, (v->b.n + 1) * sizeof *v->seen);
	v->nseen = v->b.n;
	for (size_t i = 0; i < v->b.n; i++)
		v->seen[i] = (seen_rank){ v->b.rows[i].id, v->b.rows[i].rank };
}

/* The board of the current window and kind from the score state. */
static void compute(board_state *v, bool flash)
{
	okr_config *cfg = v->u->cfg;
	score_span cur, prev;
	okr_board_spans(&v->sc, cfg->week_offset_minutes, v->window, &cur, &prev);
	score_board_free(&v->b);
	if (v->teams)
		score_board_teams(v->sc.st, cur, prev, &v->b);
	else
		score_board_people(v->sc.st, cur, prev, &v->b);
	if (cfg->board_bands)
		score_board_bands(&v->b, cfg->board_top);
	note_ranks(v, flash);
	v->u->dirty |= DIRTY_ALL;
}

/* Bring the scores up to date; on error keep what is shown and say why. */
static void load(board_state *v, bool flash)
{
	okr_store *s = v->u->store;
	v->u->data_version = okr_store_data_version(s);
	bool rebuilt = false;
	/* A lead's change of the team settings shows here at the next change of
	 * the data, like any other commit. */
	char serr[512];
	if (okr_store_team_settings_apply(s, v->u->cfg, serr, sizeof serr) != OKR_OK)
		snprintf(v->err, sizeof v->err, "%s", serr);
	okr_result r = okr_store_score_refresh(s, &v->u->cfg->game, v->u->cfg->week_offset_minutes, 0,
					       &v->sc.st, &rebuilt);
	if (r == OKR_OK && (rebuilt || !v->have_snap)) {
		okr_snapshot snap;
		r = okr_board_names(s, &snap);
		if (r == OKR_OK) {
			if (v->have_snap)
				okr_snapshot_free(&v->sc.snap);
			v->sc.snap = snap;
			v->have_snap = true;
			const okr_person *me = okr_board_login(&v->sc.snap, v->u->ctx->login);
			v->sc.me = me ? me->id : 0;
		}
	}
	if (r != OKR_OK) {
		snprintf(v->err, sizeof v->err, "%s", okr_store_error(s));
		v->u->dirty |= DIRTY_ALL;
		return;
	}
	v->err[0] = '\0';
	v->sc.now = okr_now();
	compute(v, flash);
}

/* ---- drawing ---- */

typedef struct {
	int cols;
	int name_x, name_w;
	bool move, full, level, streak, teams;
	int score_x, level_x, streak_x, teams_x, teams_w;
} board_cols;

/* Left to right: mark, rank, movement, name, then the numbers right after
 * the name (a name gets at most 34 columns, so that on a wide pane the
 * numbers stay next to whom they belong to) and the teams last. */
static board_cols columns(const board_state *v, int cols)
{
	board_cols c = { .cols = cols, .move = cols >= 36, .full = cols >= 40 };
	c.level = !v->teams && cols >= 46;
	c.streak = !v->teams && cols >= 56;
	c.teams = !v->teams && cols >= 72;
	c.name_x = c.move ? 10 : 5;
	int fixed = (v->teams ? 13 : 7) + (c.level ? 5 : 0) + (c.streak ? 5 : 0) + (c.teams ? 17 : 0);
	c.name_w = cols - c.name_x - 1 - fixed;
	if (c.name_w > 34)
		c.name_w = 34;
	if (c.name_w < 1)
		c.name_w = 1;
	int x = c.name_x + c.name_w + 1;
	c.score_x = x;
	x += v->teams ? 13 : 7;
	if (c.level) {
		c.level_x = x;
		x += 5;
	}
	if (c.streak) {
		c.streak_x = x;
		x += 5;
	}
	if (c.teams) {
		c.teams_x = x + 1;
		c.teams_w = cols - c.teams_x;
	}
	return c;
}

static void draw_header(const board_state *v, const board_cols *c, int y)
{
	const ui *u = v->u;
	draw_text(u, stdscr, y, 0, "", c->cols, THEME_HEADER, TEXT_ALIGN_LEFT);
	draw_text(u, stdscr, y, 1, "#", 3, THEME_HEADER, TEXT_ALIGN_RIGHT);
	if (c->move)
		draw_text(u, stdscr, y, 5, _("move"), 4, THEME_HEADER, TEXT_ALIGN_LEFT);
	draw_text(u, stdscr, y, c->name_x, v->teams ? _("team") : _("person"), c->name_w, THEME_HEADER,
		  TEXT_ALIGN_LEFT);
	if (v->teams) {
		draw_text(u, stdscr, y, c->score_x, _("average"), 8, THEME_HEADER, TEXT_ALIGN_RIGHT);
		draw_text(u, stdscr, y, c->score_x + 9, _("size"), 4, THEME_HEADER, TEXT_ALIGN_RIGHT);
		return;
	}
	draw_text(u, stdscr, y, c->score_x, _("points"), 7, THEME_HEADER, TEXT_ALIGN_RIGHT);
	if (c->level)
		draw_text(u, stdscr, y, c->level_x, _("lvl"), 4, THEME_HEADER, TEXT_ALIGN_RIGHT);
	if (c->streak)
		draw_text(u, stdscr, y, c->streak_x, _("strk"), 4, THEME_HEADER, TEXT_ALIGN_RIGHT);
	if (c->teams)
		draw_text(u, stdscr, y, c->teams_x, _("teams"), c->teams_w, THEME_HEADER, TEXT_ALIGN_LEFT);
}

static void draw_row(const board_state *v, const board_cols *c, int y, const score_row *r)
{
	const ui *u = v->u;
	bool mine = is_mine(v, r);
	theme_slot base = mine ? THEME_RANK_ME : THEME_NORMAL;
	char buf[128], mv[16];
	bool banded = v->u->cfg->board_bands && r->band != SCORE_BAND_RANKED;
	draw_text(u, stdscr, y, 0, mine ? "▶" : " ", 1, base, TEXT_ALIGN_LEFT);
	if (r->hidden || banded)
		snprintf(buf, sizeof buf, "%s", r->hidden ? "–" : "·");
	else
		snprintf(buf, sizeof buf, "%d", r->rank);
	draw_text(u, stdscr, y, 1, buf, 3, base, TEXT_ALIGN_RIGHT);
	if (c->move && !r->hidden && !banded)
		draw_text(u, stdscr, y, 5, score_move_text(r, mv, sizeof mv), 4,
			  r->movement > 0 || r->move == SCORE_MOVE_NEW ? THEME_RANK_UP
			  : r->movement < 0 ? THEME_RANK_DOWN : THEME_DIM,
			  TEXT_ALIGN_LEFT);
	if (v->teams) {
		draw_text(u, stdscr, y, c->name_x, okr_board_team(&v->sc.snap, r->id), c->name_w, base, TEXT_ALIGN_LEFT);
		snprintf(buf, sizeof buf, "%.1f", r->score);
		draw_text(u, stdscr, y, c->score_x, buf, 8, base, TEXT_ALIGN_RIGHT);
		snprintf(buf, sizeof buf, "%d", r->members);
		draw_text(u, stdscr, y, c->score_x + 9, buf, 4, THEME_DIM, TEXT_ALIGN_RIGHT);
	} else {
		const okr_person *p = okr_board_person(&v->sc.snap, r->id);
		char who[600];
		if (!p)
			snprintf(who, sizeof who, "?");
		else if (c->full)
			snprintf(who, sizeof who, "%.300s (@%.200s)", p->name, p->login);
		else
			snprintf(who, sizeof who, "@%.200s", p->login);
		if (banded && mine)
			snprintf(who + strlen(who), sizeof who - strlen(who), " (%s)",
				 r->band == SCORE_BAND_ON_TRACK ? _("on track") : _("needs support"));
		draw_text(u, stdscr, y, c->name_x, who, c->name_w, base, TEXT_ALIGN_LEFT);
		snprintf(buf, sizeof buf, "%.0f", r->score);
		draw_text(u, stdscr, y, c->score_x, buf, 7, base, TEXT_ALIGN_RIGHT);
		score_person_result pr;
		score_person_get(v->sc.st, r->id, v->sc.now, &pr);
		if (c->level) {
			snprintf(buf, sizeof buf, "L%d", pr.level);
			draw_text(u, stdscr, y, c->level_x, buf, 4, THEME_DIM, TEXT_ALIGN_RIGHT);
		}
		if (c->streak) {
			snprintf(buf, sizeof buf, "%dw", pr.streak);
			draw_text(u, stdscr, y, c->streak_x, buf, 4, pr.streak > 1 ? THEME_BADGE : THEME_DIM,
				  TEXT_ALIGN_RIGHT);
		}
		if (c->teams && p)
			draw_text(u, stdscr, y, c->teams_x, p->teams, c->teams_w, THEME_DIM, TEXT_ALIGN_LEFT);
	}
	if (v->u->flash_until && in_list(v->up, v->nup, r->id))
		draw_row_attr(u, stdscr, y, THEME_RANK_UP);
	else if (v->u->flash_until && in_list(v->down, v->ndown, r->id))
		draw_row_attr(u, stdscr, y, THEME_RANK_DOWN);
}

/* Which rows fit in `room` lines: the top, then "…" (-1) and the viewer's
 * neighbourhood when the viewer would not fit otherwise.  Returns the count
 * of entries written to out (at most room). */
static int pick_rows(const board_state *v, int room, long *out)
{
	long *cand = okr_xmalloc((v->b.n + 1) * sizeof *cand);
	long n = 0, mine = -1;
	bool bands = v->u->cfg->board_bands;
	for (size_t i = 0; i < v->b.n; i++) {
		const score_row *r = &v->b.rows[i];
		bool me = is_mine(v, r);
		if ((r->hidden || (bands && r->band != SCORE_BAND_RANKED)) && !me)
			continue;
		if (me && mine < 0)
			mine = n;
		cand[n++] = (long)i;
	}
	int k = 0;
	long skip = v->skip < n - room ? v->skip : n - room > 0 ? n - room : 0;
	if (skip > 0) {   /* scrolled with the wheel: a plain window on the list */
		for (long i = skip; i < n && k < room; i++)
			out[k++] = cand[i];
	} else if (n <= room || mine < room) {
		for (long i = 0; i < n && k < room; i++)
			out[k++] = cand[i];
	} else {
		/* Neighbours on both sides when there is room for a real top. */
		long nb = room >= 10 ? 1 : 0;
		long from = mine - nb, to = mine + nb < n - 1 ? mine + nb : n - 1;
		long top = room - 1 - (to - from + 1);
		for (long i = 0; i < top; i++)
			out[k++] = cand[i];
		out[k++] = -1;
		for (long i = from; i <= to; i++)
			out[k++] = cand[i];
	}
	free(cand);
	return k;
}

static void draw_title(const board_state *v, int cols)
{
	const ui *u = v->u;
	static const char *const short_names[] = { N_("week"), N_("cycle"), N_("all") };
	char label[128], title[256];
	const char *kind = v->teams ? _("teams") : _("people");
	if (cols >= 64)
		snprintf(title, sizeof title, _("Leaderboard — %s — %s"), kind,
			 okr_board_window_label(&v->sc, v->u->cfg->week_offset_minutes, v->window, label, sizeof label));
	else
		snprintf(title, sizeof title, _("Leaderboard · %s · %s"), kind, _(short_names[v->window]));
	draw_text(u, stdscr, 0, 0, title, cols, THEME_TITLE, TEXT_ALIGN_LEFT);
}

/* The footer for the row a click selected: who, rank and score. */
static void draw_selected(const board_state *v, int y, int cols)
{
	const ui *u = v->u;
	for (size_t i = 0; i < v->b.n; i++) {
		const score_row *r = &v->b.rows[i];
		if (r->id != v->sel)
			continue;
		const okr_person *p = v->teams ? NULL : okr_board_person(&v->sc.snap, r->id);
		char m[800];
		snprintf(m, sizeof m, _("#%d %s — %.0f points · double-click the title for the next window"),
			 r->rank, v->teams ? okr_board_team(&v->sc.snap, r->id) : p ? p->name : "?", r->score);
		draw_text(u, stdscr, y, 0, m, cols, THEME_MESSAGE, TEXT_ALIGN_LEFT);
		return;
	}
}

/* "w window · t teams · ? help · q quit", in the keys that work now. */
static void hints(const ui *u, char *buf, size_t len)
{
	snprintf(buf, len, _("%s window · %s teams · %s help · %s quit"), UI_KEY(u, ACT_BOARD_WINDOW),
		 UI_KEY(u, ACT_BOARD_TEAMS), UI_KEY(u, ACT_HELP), UI_KEY(u, ACT_QUIT));
}

static void board_draw(ui *u, ui_screen *s)
{
	board_state *v = (board_state *)s;
	int lines = LINES, cols = COLS;
	if (!u->dirty)
		return;
	werase(stdscr);
	if (cols < BOARD_MIN_COLS || lines < BOARD_MIN_LINES) {
		char msg[64];
		snprintf(msg, sizeof msg, _("too small: need %d×%d"), BOARD_MIN_COLS, BOARD_MIN_LINES);
		int w = text_width(msg), x = cols > w ? (cols - w) / 2 : 0;
		draw_text(u, stdscr, lines / 2, x, msg, cols - x, THEME_MESSAGE, TEXT_ALIGN_LEFT);
	} else {
		draw_title(v, cols);
		bool header = lines >= 10, footer = lines >= 12 || v->err[0] || u->file_lost;
		board_cols c = columns(v, cols);
		if (header)
			draw_header(v, &c, 1);
		int y0 = header ? 2 : 1, room = lines - y0 - (footer ? 1 : 0);
		long *pick = okr_xmalloc(((size_t)room + 1) * sizeof *pick);
		int k = pick_rows(v, room, pick);
		v->y0 = y0;
		v->nshown = 0;
		for (int i = 0; i < k; i++) {
			if (i < (int)(sizeof v->shown / sizeof v->shown[0]))
				v->shown[v->nshown++] = pick[i];
			if (pick[i] < 0)
				draw_text(u, stdscr, y0 + i, 1, "…", 3, THEME_DIM, TEXT_ALIGN_RIGHT);
			else
				draw_row(v, &c, y0 + i, &v->b.rows[pick[i]]);
			if (pick[i] >= 0 && v->sel && v->b.rows[pick[i]].id == v->sel)
				draw_row_attr(u, stdscr, y0 + i, THEME_SELECTED);
		}
		free(pick);
		if (!v->b.n)
			draw_text(u, stdscr, y0, 2, _("nobody yet — check in or give kudos"), cols - 2, THEME_DIM,
				  TEXT_ALIGN_LEFT);
		if (u->file_lost) {
			char m[256];
			snprintf(m, sizeof m, _("%s — the board shows it again when it is back"),
				 reopen_lost_text(u->file_lost));
			draw_text(u, stdscr, lines - 1, 0, m, cols, THEME_MESSAGE_ERROR, TEXT_ALIGN_LEFT);
		} else if (v->err[0])
			draw_text(u, stdscr, lines - 1, 0, v->err, cols, THEME_MESSAGE_ERROR, TEXT_ALIGN_LEFT);
		else if (footer && !okr_i18n_utf8())
			/* the TUI's words: a board left open all day keeps saying it */
			draw_text(u, stdscr, lines - 1, 0, _("not a UTF-8 locale: drawn in ASCII, other text shows as ? — "
							  "set LANG=C.UTF-8"), cols, THEME_MESSAGE_ERROR, TEXT_ALIGN_LEFT);
		else if (footer && v->sel)
			draw_selected(v, lines - 1, cols);
		else if (footer) {
			char h[256];
			hints(u, h, sizeof h);
			draw_text(u, stdscr, lines - 1, 0, h, cols, THEME_DIM, TEXT_ALIGN_LEFT);
		}
	}
	wnoutrefresh(stdscr);
}

/* ---- the screen ---- */

static unsigned board_key(ui *u, ui_screen *s, int key, okr_action a)
{
	board_state *v = (board_state *)s;
	(void)key;
	switch (a) {
	case ACT_QUIT: u->quit = true; return 0;
	case ACT_HELP: return help_open(u);
	case ACT_REFRESH: clearok(curscr, TRUE); return DIRTY_ALL;
	case ACT_BOARD_WINDOW:
		v->window = (score_window)((v->window + 1) % 3);
		compute(v, false);
		return DIRTY_ALL;
	case ACT_BOARD_TEAMS:
		v->teams = !v->teams;
		compute(v, false);
		return DIRTY_ALL;
	default: return 0;
	}
}

/* The wheel scrolls the rows, a click selects one, a double click on the
 * title goes to the next window (as board-window). */
static unsigned board_mouse(ui *u, ui_screen *s, int button, int x, int y, bool dbl)
{
	board_state *v = (board_state *)s;
	(void)x;
	if (button == 64 || button == 65) {
		v->skip += button == 65 ? 3 : -3;
		if (v->skip < 0)
			v->skip = 0;
		if (v->skip > (int)v->b.n)
			v->skip = (int)v->b.n;
		return DIRTY_ALL;
	}
	if (y == 0)
		return dbl ? board_key(u, s, 0, ACT_BOARD_WINDOW) : 0;
	int i = y - v->y0;
	if (i >= 0 && i < v->nshown && v->shown[i] >= 0)
		v->sel = v->b.rows[v->shown[i]].id;
	return DIRTY_ALL;
}

static void board_data_changed(ui *u, ui_screen *s, bool live)
{
	(void)u;
	load((board_state *)s, live);
}

/* A new week began with no new data: the windows move on. */
static unsigned board_check(ui *u, ui_screen *s)
{
	board_state *v = (board_state *)s;
	int off = u->cfg->week_offset_minutes;
	int ws = u->cfg->game.week_start;
	if (score_week_of(okr_now(), off, ws) == score_week_of(v->sc.now, off, ws))
		return 0;
	v->sc.now = okr_now();
	compute(v, false);
	return DIRTY_ALL;
}

static void board_close(ui *u, ui_screen *s)
{
	board_state *v = (board_state *)s;
	(void)u;
	score_board_free(&v->b);
	score_free(v->sc.st);
	if (v->have_snap)
		okr_snapshot_free(&v->sc.snap);
	free(v->seen);
	free(v->up);
	free(v->down);
	free(v);
}

static const okr_action board_help[] = { ACT_BOARD_WINDOW, ACT_BOARD_TEAMS, ACT_REFRESH, ACT_HELP, ACT_QUIT,
					 ACT_NONE };

static const ui_screen_ops board_ops = {
	.name = "board",
	.scope = OKR_SCOPE_MAIN,
	.covers = UI_COVER_BODY | UI_COVER_HEADER | UI_COVER_FOOTER,
	.help = board_help,
	.key = board_key,
	.mouse = board_mouse,
	.draw = board_draw,
	.data_changed = board_data_changed,
	.check = board_check,
	.close = board_close,
};

/* The first board is computed before curses starts, so that a database
 * error is an ordinary message on stderr with its exit code. */
ui_screen *board_view_open(ui *u, int window, bool teams)
{
	board_state *v = okr_xcalloc(1, sizeof *v);
	v->base.ops = &board_ops;
	v->u = u;
	v->window = (score_window)window;
	v->teams = teams;
	load(v, false);
	if (v->err[0]) {
		fprintf(stderr, "okr: %s\n", v->err);
		board_close(u, &v->base);
		return NULL;
	}
	return &v->base;
}
