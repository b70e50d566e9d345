/*
 * pane_objectives.c — the objectives of the cycle as a tree by alignment:
 * expander, ID, title, progress bar, percentage, status word.
 *
 * The columns right of the title are laid out from the right edge, so the
 * bar starts at the same display column on every row whatever the title's
 * script or the row's depth: the title is padded to its column in display
 * columns by text_pad (a CJK title is half as many characters).
 */
#include <stdio.h>
#include <stdlib.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "ui_int.h"

/* The room a top-level title has on an 80-column terminal: the bar takes
 * only what is left over, so a wider pane never gives a title less. */
enum { TITLE_AT_80 = 45 };

static void pane_objectives_layout(ui *u, int width)
{
	ui_objs_cols *col = &u->panes[PANE_OBJECTIVES].col.objs;
	col->pct = width >= 46 ? 5 : 0;
	col->status = width >= 50 ? okr_i18n_status_cols() : 0;
	int spare = width - 7 - (col->pct ? col->pct + 1 : 0) - (col->status ? col->status + 1 : 0) - TITLE_AT_80;
	col->bar = spare >= 11 ? 10 : spare >= 7 ? 6 : 0;
}

/* Keep the selected row inside the window, scrolling as little as possible. */
static void scroll_to(int *top, int sel, int rows)
{
	if (rows < 1)
		rows = 1;
	if (sel < *top)
		*top = sel;
	if (sel >= *top + rows)
		*top = sel - rows + 1;
	if (*top < 0)
		*top = 0;
}

/* Returns the column of the row's ID (after the indent and the tree mark). */
static int draw_row(ui *u, WINDOW *w, int y, size_t r, int width)
{
	const ui_objs_cols *col = &u->panes[PANE_OBJECTIVES].col.objs;
	const ui_data *d = &u->d;
	const okr_objective *o = &d->snap.objs[d->rows[r]];
	const okr_assessment *a = &d->as.objs[d->rows[r]];
	int indent = d->rdepth[r] * 2;
	int right = (col->bar ? col->bar + 1 : 0) + (col->pct ? col->pct + 1 : 0) + (col->status ? col->status + 1 : 0);
	int x = 0;
	if (indent > width / 3)
		indent = width / 3;
	draw_text(u, w, y, x, "", indent, THEME_NORMAL, TEXT_ALIGN_LEFT);
	x += indent;
	const char *exp = d->rparent[r] ? (data_is_collapsed(u, o->id) ? "▸ " : "▾ ") : "  ";
	draw_text(u, w, y, x, exp, 2, THEME_TREE, TEXT_ALIGN_LEFT);
	x += 2;
	char id[24];
	okr_format_id(ID_OBJECTIVE, o->id, id, sizeof id);
	draw_text(u, w, y, x, id, 5, THEME_ID, TEXT_ALIGN_LEFT);
	int id_x = x;
	x += 5;
	int title = width - x - right;
	draw_text(u, w, y, x, o->title, title, THEME_TITLE, TEXT_ALIGN_LEFT);
	x = width - right;
	if (a->status == STATUS_EMPTY) {
		/* Neither a bar nor "0 %": an objective without key results has
		 * nothing to measure yet. */
		int span = (col->bar ? col->bar + 1 : 0) + (col->pct ? col->pct + 1 : 0) + (col->status ? col->status : 0);
		draw_text(u, w, y, x + 1, draw_status_word(a->status), span, THEME_STATUS_NONE, TEXT_ALIGN_LEFT);
		return id_x;
	}
	if (col->bar) {
		draw_bar(u, w, y, x + 1, col->bar, a->progress, a->status == STATUS_DONE);
		x += col->bar + 1;
	}
	if (col->pct) {
		char pct[16];
		snprintf(pct, sizeof pct, "%.0f%%", a->progress * 100);
		draw_text(u, w, y, x + 1, pct, col->pct, THEME_NORMAL, TEXT_ALIGN_RIGHT);
		x += col->pct + 1;
	}
	if (col->status)
		draw_text(u, w, y, x + 1, draw_status_word(a->status), col->status, draw_status_slot(a->status),
			  TEXT_ALIGN_LEFT);
	return id_x;
}

static void pane_objectives_draw(ui *u, WINDOW *w, int h, int width, bool focused)
{
	const ui_data *d = &u->d;
	char title[256];
	const okr_cycle *cy = okr_snapshot_cycle(&d->snap);
	char *cname = text_fit(cy ? cy->name : "", 24, NULL);
	snprintf(title, sizeof title, _("Objectives · %s · %zu"), cname, d->nrows);
	free(cname);
	draw_pane_title(u, w, title, width, focused);
	ui_pane *p = &u->panes[PANE_OBJECTIVES];
	if (!d->nrows) {
		char m[256];
		if (!d->snap.ncycles)
			snprintf(m, sizeof m, _("No cycle yet — press %s, then %s, to add the first one"),
				 UI_KEY(u, ACT_CYCLE), UI_KEY(u, ACT_ADD_KR));
		else if (u->filter != FILTER_ALL)
			snprintf(m, sizeof m, _("Nothing matches the filter — press %s to widen it"), UI_KEY(u, ACT_FILTER));
		else
			snprintf(m, sizeof m, _("No objectives in this cycle yet — press %s to add one"),
				 UI_KEY(u, ACT_ADD_OBJECTIVE));
		draw_text(u, w, 2, 2, m, width - 2, THEME_DIM, TEXT_ALIGN_LEFT);
		return;
	}
	scroll_to(&p->top, (int)d->obj_sel, h - 1);
	for (int y = 1; y < h; y++) {
		size_t r = (size_t)(p->top + y - 1);
		if (r >= d->nrows)
			break;
		int id_x = draw_row(u, w, y, r, width);
		const okr_objective *o = &d->snap.objs[d->rows[r]];
		if (r == d->obj_sel)
			draw_row_attr(u, w, y, focused ? THEME_SELECTED : THEME_SELECTED_UNFOCUSED);
		else if (data_flashing(u, 'O', o->id))
			draw_cells_attr(u, w, y, id_x, 5, THEME_FLASH, 0);   /* the ID: see data.c */
	}
}

/* Moving the selection changes what the key result and detail panes show. */
static unsigned move_to(ui *u, long row)
{
	ui_data *d = &u->d;
	if (!d->nrows)
		return 0;
	if (row < 0)
		row = 0;
	if (row >= (long)d->nrows)
		row = (long)d->nrows - 1;
	if ((size_t)row == d->obj_sel)
		return 0;
	data_select_objective_row(u, (size_t)row);
	u->panes[PANE_KRS].top = 0;
	u->panes[PANE_DETAIL].top = 0;
	return DIRTY_OBJECTIVES | DIRTY_KRS | DIRTY_DETAIL;
}

static long parent_row(const ui *u)
{
	const okr_objective *o = data_sel_objective(u);
	for (size_t r = 0; o && r < u->d.nrows; r++)
		if (u->d.snap.objs[u->d.rows[r]].id == o->parent_id)
			return (long)r;
	return -1;
}

static unsigned pane_objectives_key(ui *u, okr_action a)
{
	ui_data *d = &u->d;
	const okr_objective *o = data_sel_objective(u);
	bool parent = d->nrows && d->rparent[d->obj_sel];
	long to = layout_list_move(a, (long)d->obj_sel, (long)d->nrows, u->panes[PANE_OBJECTIVES].h - 2);
	if (to >= 0)
		return move_to(u, to);
	switch (a) {
	case ACT_EXPAND:
		if (o && parent && data_is_collapsed(u, o->id)) {
			data_toggle_collapsed(u, o->id);
			data_rebuild_rows(u);
			return DIRTY_OBJECTIVES;
		}
		return layout_focus(u, PANE_KRS);
	case ACT_COLLAPSE:
		if (o && parent && !data_is_collapsed(u, o->id)) {
			data_toggle_collapsed(u, o->id);
			data_rebuild_rows(u);
			return DIRTY_OBJECTIVES;
		}
		return move_to(u, parent_row(u));
	case ACT_OPEN:
		if (o && parent) {
			data_toggle_collapsed(u, o->id);
			data_rebuild_rows(u);
			return DIRTY_OBJECTIVES | DIRTY_KRS | DIRTY_DETAIL;
		}
		return layout_focus(u, PANE_KRS);
	default:
		return 0;
	}
}

const ui_pane_ops pane_objectives_ops = {
	.title = N_("Objectives"),
	.layout = pane_objectives_layout,
	.draw = pane_objectives_draw,
	.key = pane_objectives_key,
};
