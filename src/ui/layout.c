/*
 * layout.c — where each pane goes for the terminal's size.
 *
 *   side by side         objectives | key results       all four panes
 *   (≥ 150×24)           board      | detail
 *   stacked              objectives                     all four panes, the
 *   (120–149 × ≥ 24)     key results                    lists at full width
 *                        board      | detail
 *   compact (80×24 …)    objectives                     the lower slot shows
 *                        key results / detail / board   one of three (d, b)
 *
 * Why stacked below 150 columns: side by side, each list would be narrower
 * than it is on an 80-column terminal, and titles would be cut shorter on a
 * bigger screen.  At every width from 80 up, each list is at least 80
 * columns wide (the key results) or keeps the title room it has at 80 (the
 * objectives, which need 69 without their bar).
 *   < 40×10              "terminal too small (need 40×10)"
 *
 * Row 0 is the header, the last row the footer.  Windows are made again on
 * every change of layout; any size (1×1 included) is a state, not a crash:
 * every height and width is clamped, and no window of size 0 is ever made
 * (newwin would read 0 as "to the edge of the screen").
 */
#include "ui_int.h"

static void place(ui *u, int id, int y, int x, int h, int w)
{
	ui_pane *p = &u->panes[id];
	p->shown = h >= 2 && w >= 1;
	if (!p->shown)
		return;
	p->y = y;
	p->x = x;
	p->h = h;
	p->w = w;
	p->win = newwin(h, w, y, x);
	if (!p->win) {
		p->shown = false;
		return;
	}
	leaveok(p->win, TRUE);
	if (p->ops->layout)
		p->ops->layout(u, w);
}

void layout_free(ui *u)
{
	for (int i = 0; i < PANE_COUNT; i++) {
		if (u->panes[i].win)
			delwin(u->panes[i].win);
		u->panes[i].win = NULL;
		u->panes[i].shown = false;
	}
	if (u->header)
		delwin(u->header);
	if (u->footer)
		delwin(u->footer);
	u->header = u->footer = NULL;
}

static void border_column(const ui *u, int y, int h, int x)
{
	draw_set(u, stdscr, THEME_BORDER);
	for (int i = 0; i < h; i++)
		draw_glyph(u, stdscr, y + i, x, "│");   /* "|" where the terminal is not UTF-8 */
}

static void side_by_side(ui *u, int body)
{
	int lw = COLS * 45 / 100;
	if (lw < UI_OBJS_COLS)
		lw = UI_OBJS_COLS;
	if (COLS - lw - 1 < UI_KRS_COLS)
		lw = COLS - 1 - UI_KRS_COLS;
	int board = u->show_board ? body * 2 / 5 : 0;
	int detail = u->show_detail ? body / 2 : 0;
	place(u, PANE_OBJECTIVES, 1, 0, body - board, lw);
	place(u, PANE_BOARD, 1 + body - board, 0, board, lw);
	place(u, PANE_KRS, 1, lw + 1, body - detail, COLS - lw - 1);
	place(u, PANE_DETAIL, 1 + body - detail, lw + 1, detail, COLS - lw - 1);
	border_column(u, 1, body, lw);
}

/* The two lists at full width, one above the other; the board and the
 * detail share the rows below them (or one takes them all). */
static void stacked(ui *u, int body)
{
	int low = u->show_board || u->show_detail ? body * 2 / 5 : 0;
	int lists = body - low, oh = lists / 2;
	place(u, PANE_OBJECTIVES, 1, 0, oh, COLS);
	place(u, PANE_KRS, 1 + oh, 0, lists - oh, COLS);
	if (u->show_board && u->show_detail) {
		int lw = COLS * 45 / 100;
		place(u, PANE_BOARD, 1 + lists, 0, low, lw);
		place(u, PANE_DETAIL, 1 + lists, lw + 1, low, COLS - lw - 1);
		border_column(u, 1 + lists, low, lw);
	} else if (low) {
		place(u, u->show_board ? PANE_BOARD : PANE_DETAIL, 1 + lists, 0, low, COLS);
	}
}

void layout_apply(ui *u)
{
	static const ui_pane_ops *const ops[PANE_COUNT] = {
		&pane_objectives_ops, &pane_krs_ops, &pane_detail_ops, &pane_board_ops
	};
	layout_free(u);
	if (u->no_panes) {   /* okr board: its screen draws on stdscr */
		u->too_small = false;
		return;
	}
	for (int i = 0; i < PANE_COUNT; i++)
		u->panes[i].ops = ops[i];
	u->too_small = COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
	if (u->too_small)
		return;
	/* Whatever the windows below leave uncovered must be blank, not the
	 * remains of an earlier layout. */
	werase(stdscr);
	u->wide = COLS >= UI_WIDE_COLS && LINES >= UI_WIDE_LINES;
	u->header = newwin(1, COLS, 0, 0);
	u->footer = newwin(1, COLS, LINES - 1, 0);
	if (u->header)
		leaveok(u->header, TRUE);
	int body = LINES - 2;
	if (u->wide && COLS >= UI_SIDE_COLS) {
		side_by_side(u, body);
	} else if (u->wide) {
		stacked(u, body);
	} else {
		int top = body / 2;
		int slot = u->slot == SLOT_DETAIL ? PANE_DETAIL : u->slot == SLOT_BOARD ? PANE_BOARD : PANE_KRS;
		place(u, PANE_OBJECTIVES, 1, 0, top, COLS);
		place(u, slot, 1 + top, 0, body - top, COLS);
	}
	wnoutrefresh(stdscr);
	if (!u->panes[u->focus].shown)
		u->focus = PANE_OBJECTIVES;
}

void layout_cycle_focus(ui *u, int dir)
{
	for (int i = 1; i <= PANE_COUNT; i++) {
		int p = ((u->focus + dir * i) % PANE_COUNT + PANE_COUNT) % PANE_COUNT;
		if (u->panes[p].shown) {
			u->focus = p;
			return;
		}
	}
}

/* Focus a pane, bringing it into the lower slot (or back into the wide
 * layout) when it is not on screen. */
unsigned layout_focus(ui *u, int pane)
{
	u->focus = pane;
	if (u->panes[pane].shown)
		return DIRTY_PANES;
	if (u->wide) {
		if (pane == PANE_DETAIL)
			u->show_detail = true;
		if (pane == PANE_BOARD)
			u->show_board = true;
	} else {
		u->slot = pane == PANE_DETAIL ? SLOT_DETAIL : pane == PANE_BOARD ? SLOT_BOARD : SLOT_KRS;
	}
	return DIRTY_ALL | DIRTY_LAYOUT;
}

long layout_list_move(okr_action a, long sel, long n, long page)
{
	long last = n - 1, step = page > 1 ? page : 1;
	long to = a == ACT_DOWN ? sel + 1 : a == ACT_UP ? sel - 1 : a == ACT_TOP ? 0 : a == ACT_BOTTOM ? last
		: a == ACT_PAGE_DOWN ? sel + step : a == ACT_PAGE_UP ? sel - step : -2;
	if (to == -2)
		return -1;
	if (to > last)
		to = last;
	return to < 0 ? 0 : to;
}
