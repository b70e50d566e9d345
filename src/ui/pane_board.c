/*
 * pane_board.c — the leaderboard pane (SPEC §4): rank (ties share), name,
 * level, score, and two movements — against the previous window ("move")
 * and since the viewer last looked ("seen") — for this week, this cycle or
 * all time (w), people or teams (t).  The viewer's own row is always on
 * screen: when the list scrolls past it, it is pinned to the last line.
 * With leaderboard.bands the rows below the top become two counted bands,
 * and people who opted out are seen only by themselves.  Enter on a person
 * opens their page (pane_person.c), a screen drawn in this pane.
 *
 * Drawing reads the board that board_data.c made after the last reload; a
 * frame computes nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/text.h"
#include "okr/util.h"
#include "board_int.h"

void pane_board_invalidate(ui *u)
{
	u->board->valid = false;
}

static const char *movement(int m, bool known, char *buf, size_t len)
{
	if (!known)
		snprintf(buf, len, " ");
	else if (m > 0)
		snprintf(buf, len, "▲%d", m);
	else if (m < 0)
		snprintf(buf, len, "▼%d", -m);
	else
		snprintf(buf, len, "–");
	return buf;
}

static theme_slot movement_slot(int m)
{
	return m > 0 ? THEME_RANK_UP : m < 0 ? THEME_RANK_DOWN : THEME_DIM;
}

/* Columns: rank, move, seen, name (what is left), level or size, score. */
typedef struct {
	int name_x, name_w, lvl_x, score_x;
} cols;

static cols columns(int width)
{
	cols c;
	c.name_x = 15;
	c.name_w = width - c.name_x - 13;
	if (c.name_w < 6)
		c.name_w = 6;
	c.lvl_x = c.name_x + c.name_w + 1;
	c.score_x = c.lvl_x + 5;
	return c;
}

static void draw_header(ui *u, WINDOW *w, int width, const cols *c)
{
	draw_text(u, w, 1, 0, "", width, THEME_HEADER, TEXT_ALIGN_LEFT);
	draw_text(u, w, 1, 1, _("#"), 3, THEME_HEADER, TEXT_ALIGN_RIGHT);
	draw_text(u, w, 1, 5, _("move"), 4, THEME_HEADER, TEXT_ALIGN_LEFT);
	draw_text(u, w, 1, 10, _("seen"), 4, THEME_HEADER, TEXT_ALIGN_LEFT);
	draw_text(u, w, 1, c->name_x, u->board->teams ? _("Team") : _("Person"), c->name_w, THEME_HEADER,
		  TEXT_ALIGN_LEFT);
	draw_text(u, w, 1, c->lvl_x, u->board->teams ? _("size") : _("lvl"), 4, THEME_HEADER, TEXT_ALIGN_RIGHT);
	draw_text(u, w, 1, c->score_x, _("score"), 7, THEME_HEADER, TEXT_ALIGN_RIGHT);
	(void)u;
}

static void draw_row(ui *u, WINDOW *w, int y, const score_row *r, const cols *c, bool mine)
{
	const ui_board *g = u->board;
	char buf[64], name[600];
	bool banded = u->cfg->board_bands && r->rank > 0 && r->band != SCORE_BAND_RANKED;
	if (r->rank > 0 && !banded)
		snprintf(buf, sizeof buf, "%d", r->rank);
	else
		snprintf(buf, sizeof buf, "–");
	draw_text(u, w, y, 1, buf, 3, THEME_DIM, TEXT_ALIGN_RIGHT);
	if (banded) {
		draw_text(u, w, y, 5, r->band == SCORE_BAND_ON_TRACK ? _("on track") : _("needs support"), 9,
			  THEME_DIM, TEXT_ALIGN_LEFT);
	} else if (r->rank > 0) {
		draw_text(u, w, y, 5, score_move_text(r, buf, sizeof buf), 4,
			  r->move == SCORE_MOVE_NEW ? THEME_RANK_UP : movement_slot(r->movement), TEXT_ALIGN_LEFT);
		int m = 0;
		/* Like the movement: without points now there is no place to
		 * have moved to since you looked. */
		bool known = r->score > 0 && board_seen_movement(u, r->id, r->rank, &m);
		draw_text(u, w, y, 10, movement(m, known, buf, sizeof buf), 4, movement_slot(m), TEXT_ALIGN_LEFT);
	}
	theme_slot ns = mine ? THEME_RANK_ME : THEME_NORMAL;
	if (g->teams) {
		snprintf(name, sizeof name, "%s", board_team_name(u, r->id));
		snprintf(buf, sizeof buf, "%d", r->members);
		draw_text(u, w, y, c->lvl_x, buf, 4, THEME_DIM, TEXT_ALIGN_RIGHT);
		snprintf(buf, sizeof buf, "%.1f", r->score);
	} else {
		const okr_person *p = board_person(u, r->id);
		if (r->hidden)
			snprintf(name, sizeof name, _("%s · opted out, only you see this"), p ? p->name : "?");
		else
			snprintf(name, sizeof name, "%s", p ? (p->name[0] ? p->name : p->login) : "?");
		score_person_result pr;
		if (g->st && score_person_get(g->st, r->id, g->now, &pr)) {
			snprintf(buf, sizeof buf, "L%d", pr.level);
			draw_text(u, w, y, c->lvl_x, buf, 4, THEME_BADGE, TEXT_ALIGN_RIGHT);
		}
		snprintf(buf, sizeof buf, "%.0f", r->score);
	}
	draw_text(u, w, y, c->name_x, name, c->name_w, ns, TEXT_ALIGN_LEFT);
	draw_text(u, w, y, c->score_x, buf, 7, THEME_NORMAL, TEXT_ALIGN_RIGHT);
	/* A moved row is lit at its rank only, as a block in the colour of
	 * the move: lighting the whole row would repaint every column of it
	 * twice (lit, then back) for a 3 s hint, where the rank is what moved. */
	int hl = board_highlight_of(u, r->id);
	if (hl)
		draw_cells_attr(u, w, y, 0, 4, hl > 0 ? THEME_RANK_UP : THEME_RANK_DOWN, A_REVERSE);
}

static long selected_entry(const ui_board *g)
{
	for (size_t i = 0; i < g->nentries; i++)
		if (g->entries[i].kind == ENTRY_ROW && g->b.rows[g->entries[i].row].id == g->sel_id)
			return (long)i;
	return -1;
}

static long my_entry(const ui *u)
{
	const ui_board *g = u->board;
	long mine = board_my_row(u);
	for (size_t i = 0; i < g->nentries && mine >= 0; i++)
		if (g->entries[i].kind == ENTRY_ROW && (long)g->entries[i].row == mine)
			return (long)i;
	return -1;
}

static void draw_entry(ui *u, WINDOW *w, int y, const board_entry *e, const cols *c, int width)
{
	const ui_board *g = u->board;
	if (e->kind == ENTRY_ROW) {
		draw_row(u, w, y, &g->b.rows[e->row], c, (long)e->row == board_my_row(u));
		return;
	}
	char buf[256];
	if (e->kind == ENTRY_BANDS)
		snprintf(buf, sizeof buf, _("below the top: %zu on track, %zu need support"), g->on_track,
			 g->need_support);
	else
		snprintf(buf, sizeof buf, "…");
	draw_text(u, w, y, 5, buf, width - 5, THEME_DIM, TEXT_ALIGN_LEFT);
}

static void pane_board_draw(ui *u, WINDOW *w, int h, int width, bool focused)
{
	ui_board *g = u->board;
	board_compute(u);
	char title[160];
	snprintf(title, sizeof title, _("Leaderboard · %s · %s"), g->teams ? _("teams") : _("people"),
		 board_window_name(g->window));
	draw_pane_title(u, w, title, width, focused);
	if (h < 3)
		return;
	cols c = columns(width);
	draw_header(u, w, width, &c);
	if (!g->nentries) {
		draw_text(u, w, 2, 2, g->st ? _("nobody yet — check in or give kudos to get on the board")
					 : _("computing the scores…"), width - 2, THEME_DIM, TEXT_ALIGN_LEFT);
		return;
	}
	long sel = selected_entry(g);
	if (sel < 0)
		sel = 0;
	long mine = my_entry(u);
	int rows = h - 2;
	/* The selection in view; then, if the viewer's own row is not, it
	 * takes the last line and the selection must fit above it. */
	for (int pass = 0; pass < 2; pass++) {
		if (sel < g->top)
			g->top = (int)sel;
		if (sel >= g->top + rows)
			g->top = (int)sel - rows + 1;
		if (g->top > (int)g->nentries - rows)
			g->top = (int)g->nentries - rows;
		if (g->top < 0)
			g->top = 0;
		if (mine < 0 || (mine >= g->top && mine < g->top + rows) || rows < 2 || pass)
			break;
		rows--;
	}
	bool pinned = mine >= 0 && !(mine >= g->top && mine < g->top + rows);
	for (int i = 0; i < rows && g->top + i < (int)g->nentries; i++) {
		draw_entry(u, w, 2 + i, &g->entries[g->top + i], &c, width);
		if (g->top + i == sel)
			draw_row_attr(u, w, 2 + i, focused ? THEME_SELECTED : THEME_SELECTED_UNFOCUSED);
	}
	if (pinned) {
		draw_entry(u, w, 2 + rows, &g->entries[mine], &c, width);
		if (mine == sel)
			draw_row_attr(u, w, 2 + rows, focused ? THEME_SELECTED : THEME_SELECTED_UNFOCUSED);
	}
}

/* Move the selection by d rows (entries that are not rows are skipped). */
static void move_sel(ui_board *g, int d)
{
	if (!g->nentries)
		return;
	long i = selected_entry(g);
	if (i < 0)
		i = 0;
	long step = d > 0 ? 1 : -1;
	for (int n = d > 0 ? d : -d; n > 0; n--) {
		long j = i + step;
		while (j >= 0 && j < (long)g->nentries && g->entries[j].kind != ENTRY_ROW)
			j += step;
		if (j < 0 || j >= (long)g->nentries)
			break;
		i = j;
	}
	if (g->entries[i].kind == ENTRY_ROW)
		g->sel_id = g->b.rows[g->entries[i].row].id;
}

static unsigned pane_board_key(ui *u, okr_action a)
{
	ui_board *g = u->board;
	int page = u->panes[PANE_BOARD].h - 3 > 1 ? u->panes[PANE_BOARD].h - 3 : 1;
	switch (a) {
	case ACT_DOWN: move_sel(g, 1); break;
	case ACT_UP: move_sel(g, -1); break;
	case ACT_PAGE_DOWN: move_sel(g, page); break;
	case ACT_PAGE_UP: move_sel(g, -page); break;
	case ACT_TOP: move_sel(g, -(1 << 20)); break;
	case ACT_BOTTOM: move_sel(g, 1 << 20); break;
	case ACT_COLLAPSE: return layout_focus(u, PANE_OBJECTIVES);
	case ACT_OPEN:
	case ACT_EXPAND: {
		if (g->teams) {
			app_message(u, false, _("a team has no page of its own — press %s for people"),
				    UI_KEY(u, ACT_BOARD_TEAMS));
			return DIRTY_FOOTER;
		}
		long i = selected_entry(g);
		if (i < 0)
			return 0;
		return pane_person_open(u, g->sel_id);
	}
	default: return 0;
	}
	return DIRTY_BOARD;
}

const ui_pane_ops pane_board_ops = {
	.title = N_("Leaderboard"),
	.layout = NULL,
	.draw = pane_board_draw,
	.key = pane_board_key,
};
