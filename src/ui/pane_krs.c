/*
 * pane_krs.c — the key results of the selected objective: ID, title, owner,
 * progress bar, raw percentage (120 % shows as 120 %), value / target with
 * unit, status, confidence, and a sparkline of the latest check-ins.
 *
 * Columns give way in a fixed order when the pane is narrow (owner first,
 * then confidence, the sparkline, a shorter bar and value) so that the title
 * keeps a readable width; what is shown is laid out from the right edge.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "ui_int.h"

/* The title's room on an 80-column terminal: columns give way until the
 * title has it, so no wider pane gives a title less. */
enum { MIN_TITLE = 24 };

static int right_width(const ui_krs_cols *col)
{
	int w = 0;
	const int c[] = { col->owner, col->bar, col->pct, col->value, col->status, col->conf, col->spark };
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		w += c[i] ? c[i] + 1 : 0;
	return w;
}

static void pane_krs_layout(ui *u, int width)
{
	ui_krs_cols *col = &u->panes[PANE_KRS].col.krs;
	col->owner = 10;
	col->bar = 10;
	col->pct = 5;
	col->value = 22;
	col->status = okr_i18n_status_cols();
	col->conf = 2;
	col->spark = UI_SPARK_POINTS;
	int *drop[] = { &col->owner, &col->conf, &col->spark, NULL, NULL, &col->bar, &col->status, &col->value };
	for (size_t i = 0; i < sizeof drop / sizeof drop[0] && width - 5 - right_width(col) < MIN_TITLE; i++) {
		if (i == 3)
			col->bar = 6;
		else if (i == 4)
			col->value = 16;
		else
			*drop[i] = 0;
	}
}

static void draw_header(const ui *u, WINDOW *w, int y, int width)
{
	const ui_krs_cols *col = &u->panes[PANE_KRS].col.krs;
	int x = width - right_width(col);
	draw_text(u, w, y, 0, "", width, THEME_HEADER, TEXT_ALIGN_LEFT);
	draw_text(u, w, y, 0, _("ID"), 5, THEME_HEADER, TEXT_ALIGN_LEFT);
	draw_text(u, w, y, 5, _("Key result"), x - 5, THEME_HEADER, TEXT_ALIGN_LEFT);
	struct { int w; const char *name; int align; } h[] = {
		{ col->owner, _("Owner"), TEXT_ALIGN_LEFT }, { col->bar, _("Progress"), TEXT_ALIGN_LEFT },
		{ col->pct, "%", TEXT_ALIGN_RIGHT }, { col->value, _("Value / target"), TEXT_ALIGN_LEFT },
		{ col->status, _("Status"), TEXT_ALIGN_LEFT }, { col->conf, _("C"), TEXT_ALIGN_RIGHT },
		{ col->spark, _("Trend"), TEXT_ALIGN_RIGHT },
	};
	size_t n = sizeof h / sizeof h[0];
	int borrowed = 0;   /* cells at the start of this column the header before took */
	for (size_t i = 0; i < n; i++) {
		if (!h[i].w)
			continue;
		/* A left-aligned header may run on into the blank start of a
		 * right-aligned neighbour ("Progress" over "    %"), so that a
		 * translated word longer than its column ("Tiến độ" over a
		 * six-cell bar) is not cut. */
		int room = h[i].w - borrowed, need = text_width(h[i].name);
		size_t k = i + 1;
		while (k < n && !h[k].w)
			k++;
		int extra = 0;      /* the gap after the column, then the neighbour's blank start */
		if (h[i].align == TEXT_ALIGN_LEFT && need > room && k < n && h[k].align == TEXT_ALIGN_RIGHT) {
			int spare = 1 + h[k].w - text_width(h[k].name) - 1;
			extra = need - room < spare ? need - room : spare;
		}
		draw_text(u, w, y, x + 1 + borrowed, h[i].name, room + extra, THEME_HEADER, h[i].align);
		borrowed = extra > 1 ? extra - 1 : 0;
		x += h[i].w + 1;
	}
}

static void draw_row(ui *u, WINDOW *w, int y, size_t ki, int width)
{
	const ui_krs_cols *col = &u->panes[PANE_KRS].col.krs;
	const okr_kr *k = &u->d.snap.krs[ki];
	const okr_assessment *a = &u->d.as.krs[ki];
	char buf[256], val[160];
	okr_format_id(ID_KR, k->id, buf, sizeof buf);
	draw_text(u, w, y, 0, buf, 5, THEME_ID, TEXT_ALIGN_LEFT);
	int x = width - right_width(col);
	draw_text(u, w, y, 5, k->title, x - 5, THEME_TITLE, TEXT_ALIGN_LEFT);
	if (col->owner) {
		snprintf(buf, sizeof buf, "@%s", k->owner);
		draw_text(u, w, y, x + 1, buf, col->owner, THEME_DIM, TEXT_ALIGN_LEFT);
		x += col->owner + 1;
	}
	if (col->bar) {
		draw_bar(u, w, y, x + 1, col->bar, a->progress, a->status == STATUS_DONE);
		x += col->bar + 1;
	}
	snprintf(buf, sizeof buf, "%.0f%%", a->raw * 100);
	draw_text(u, w, y, x + 1, buf, col->pct, THEME_NORMAL, TEXT_ALIGN_RIGHT);
	x += col->pct + 1;
	if (col->value) {
		okr_kr_value_text(k, val, sizeof val);
		/* The unit is database text: it joins the value before the one
		 * sanitising pass in draw_text. */
		snprintf(buf, sizeof buf, "%s%s%s", val, k->unit[0] && k->type != KR_MILESTONE ? " " : "",
			 k->type != KR_MILESTONE ? k->unit : "");
		draw_text(u, w, y, x + 1, buf, col->value, THEME_NORMAL, TEXT_ALIGN_LEFT);
		x += col->value + 1;
	}
	if (col->status) {
		draw_text(u, w, y, x + 1, draw_status_word(a->status), col->status, draw_status_slot(a->status),
			  TEXT_ALIGN_LEFT);
		x += col->status + 1;
	}
	if (col->conf) {
		if (k->confidence >= 0)
			snprintf(buf, sizeof buf, "%d", k->confidence);
		else
			snprintf(buf, sizeof buf, "—");
		draw_text(u, w, y, x + 1, buf, col->conf, k->confidence >= 0 && k->confidence <= 3
			  ? THEME_CONFIDENCE_LOW : THEME_NORMAL, TEXT_ALIGN_RIGHT);
		x += col->conf + 1;
	}
	if (col->spark) {
		const ui_spark *sp = data_spark(u, ki);
		if (sp)
			draw_spark(u, w, y, x + 1, col->spark, sp->v, sp->n);
	}
}

static void pane_krs_draw(ui *u, WINDOW *w, int h, int width, bool focused)
{
	const ui_data *d = &u->d;
	const okr_objective *o = data_sel_objective(u);
	char title[512], id[24];
	snprintf(title, sizeof title, _("Key results of %s"), o ? okr_format_id(ID_OBJECTIVE, o->id, id, sizeof id) : "—");
	draw_pane_title(u, w, title, width, focused);
	if (!o)
		return;
	if (!d->nkrs) {
		char m[160];
		snprintf(m, sizeof m, _("No key results yet — press %s to add one"), UI_KEY(u, ACT_ADD_KR));
		draw_text(u, w, 2, 2, m, width - 2, THEME_DIM, TEXT_ALIGN_LEFT);
		return;
	}
	int first = 1;
	if (h >= 6) {
		draw_header(u, w, 1, width);
		first = 2;
	}
	ui_pane *p = &u->panes[PANE_KRS];
	int rows = h - first, sel = (int)d->kr_sel;
	if (sel < p->top)
		p->top = sel;
	if (rows > 0 && sel >= p->top + rows)
		p->top = sel - rows + 1;
	for (int y = first; y < h; y++) {
		size_t r = (size_t)(p->top + y - first);
		if (r >= d->nkrs)
			break;
		draw_row(u, w, y, d->krs[r], width);
		if (r == d->kr_sel && u->focus != PANE_OBJECTIVES)
			draw_row_attr(u, w, y, focused ? THEME_SELECTED : THEME_SELECTED_UNFOCUSED);
		else if (data_flashing(u, 'K', d->snap.krs[d->krs[r]].id))
			draw_cells_attr(u, w, y, 0, 5, THEME_FLASH, 0);   /* the ID: see data.c */
	}
}

static unsigned move_to(ui *u, long row)
{
	ui_data *d = &u->d;
	if (!d->nkrs)
		return 0;
	if (row < 0)
		row = 0;
	if (row >= (long)d->nkrs)
		row = (long)d->nkrs - 1;
	if ((size_t)row == d->kr_sel)
		return 0;
	data_select_kr_row(u, (size_t)row);
	u->panes[PANE_DETAIL].top = 0;
	return DIRTY_KRS | DIRTY_DETAIL;
}

static unsigned pane_krs_key(ui *u, okr_action a)
{
	long to = layout_list_move(a, (long)u->d.kr_sel, (long)u->d.nkrs, u->panes[PANE_KRS].h - 3);
	if (to >= 0)
		return move_to(u, to);
	switch (a) {
	case ACT_COLLAPSE: return layout_focus(u, PANE_OBJECTIVES);
	case ACT_EXPAND:
	case ACT_OPEN: return u->d.nkrs ? layout_focus(u, PANE_DETAIL) : 0;
	default: return 0;
	}
}

const ui_pane_ops pane_krs_ops = {
	.title = N_("Key results"),
	.layout = pane_krs_layout,
	.draw = pane_krs_draw,
	.key = pane_krs_key,
};
