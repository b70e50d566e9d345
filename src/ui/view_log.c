/*
 * view_log.c — the history (action `log`, key L, `:log [ID]`): who changed
 * what and when, newest first, from the audit trail — for the selected
 * objective (with its key results) or key result, or for everything.  The
 * words are core/audit.c's, the same as `okr log`.
 *
 * The rows are read when the view opens and again when the data version
 * changes (views_reload, from the main loop), never while drawing.  At most
 * UI_LOG_ROWS are kept: a screen's worth many times over; `okr log` has all.
 * Enter goes to the row's item.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/audit.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/util.h"
#include "views.h"

enum { UI_LOG_ROWS = 1000 };

struct view_log {
	char kind;              /* 0: everything */
	int64_t id;
	int64_t version;        /* the data version the rows were read at */
	okr_audit_entry *v;
	size_t n;
	size_t sel;
	int top;
};

void view_log_free(struct view_log *lv)
{
	if (!lv)
		return;
	okr_audit_free(lv->v, lv->n);
	free(lv);
}

static void load(ui *u)
{
	struct view_log *lv = u->views->log;
	okr_audit_query q = { .kind = lv->kind, .id = lv->id, .limit = UI_LOG_ROWS };
	okr_audit_entry *v;
	size_t n;
	if (okr_store_audit_list(u->store, &q, &v, &n) != OKR_OK) {
		app_message(u, true, "%s", okr_store_error(u->store));
		return;
	}
	/* Keep the selection on the same row as new ones arrive on top. */
	int64_t sel_id = lv->n ? lv->v[lv->sel].id : 0;
	okr_audit_free(lv->v, lv->n);
	lv->v = v;
	lv->n = n;
	lv->sel = 0;
	for (size_t i = 0; sel_id && i < n; i++)
		if (v[i].id == sel_id)
			lv->sel = i;
	lv->version = u->data_version;
}

unsigned view_log_open(ui *u, char kind, int64_t id)
{
	struct view_log *lv = u->views->log;
	okr_audit_free(lv->v, lv->n);
	memset(lv, 0, sizeof *lv);
	lv->kind = kind;
	lv->id = id;
	load(u);
	return views_open(u, VIEW_LOG);
}

/* L: the item the other keys act on — the key result unless the objectives
 * pane has the focus, else the objective; nothing selected: everything. */
unsigned view_log_open_selected(ui *u)
{
	const okr_kr *k = data_sel_kr(u);
	if (k && u->focus != PANE_OBJECTIVES)
		return view_log_open(u, 'K', k->id);
	const okr_objective *o = data_sel_objective(u);
	return o ? view_log_open(u, 'O', o->id) : view_log_open(u, 0, 0);
}

void view_log_reload(ui *u)
{
	struct view_log *lv = u->views->log;
	if (views_current(u) == VIEW_LOG && lv->version != u->data_version)
		load(u);
}

/* The item's title as the store read it with the rows (it may be in
 * another cycle than the one on screen). */
static const char *item_title(const struct view_log *lv)
{
	for (size_t i = 0; i < lv->n; i++)
		if (lv->v[i].kind == lv->kind && lv->v[i].entity_id == lv->id)
			return lv->v[i].title;
	return "";
}

static void heading(const struct view_log *lv, char *buf, size_t len)
{
	char id[24];
	if (!lv->kind) {
		snprintf(buf, len, ngettext("History · everything · %zu change · Esc: back",
					    "History · everything · %zu changes · Esc: back", lv->n), lv->n);
		return;
	}
	okr_format_id(lv->kind == 'O' ? ID_OBJECTIVE : lv->kind == 'K' ? ID_KR : ID_KPI, lv->id, id, sizeof id);
	snprintf(buf, len, ngettext("History of %s %s · %zu change · Esc: back",
				    "History of %s %s · %zu changes · Esc: back", lv->n), id, item_title(lv), lv->n);
}

static void draw_row(ui *u, WINDOW *w, int y, int width, size_t i, const void *ctx)
{
	const okr_audit_entry *e = &((const struct view_log *)ctx)->v[i];
	char at[32], who[300], ref[256], what[512];
	draw_when(e->at, at, sizeof at);
	snprintf(who, sizeof who, "@%s", e->who);
	okr_audit_ref(e, ref, sizeof ref);
	okr_audit_what(e, what, sizeof what);
	int x = 1;
	draw_text(u, w, y, x, at, 16, THEME_DIM, TEXT_ALIGN_LEFT);
	x += 18;
	int ww = width - x > 12 ? 12 : width - x;
	draw_text(u, w, y, x, who, ww, THEME_NORMAL, TEXT_ALIGN_LEFT);
	x += ww + 1;
	int rw = width - x > 8 ? 8 : width - x;
	draw_text(u, w, y, x, ref, rw, THEME_ID, TEXT_ALIGN_LEFT);
	x += rw + 1;
	int left = width - x;
	if (left > 0) {
		int qw = text_width(what);
		bool titled = *e->title && strchr("OKP", e->kind);
		int aw = !titled || qw + 2 > left ? left : qw + 2;
		draw_text(u, w, y, x, what, aw, THEME_NORMAL, TEXT_ALIGN_LEFT);
		if (titled && left - aw > 0)
			draw_text(u, w, y, x + aw, e->title, left - aw, THEME_TITLE, TEXT_ALIGN_LEFT);
	}
}

void view_log_draw(ui *u, WINDOW *w, int h, int width)
{
	struct view_log *lv = u->views->log;
	(void)u;
	char title[1024];
	heading(lv, title, sizeof title);
	draw_pane_title(u, w, title, width, true);
	if (!lv->n) {
		draw_text(u, w, 2, 2, _("No changes recorded for this yet."), width - 2, THEME_DIM, TEXT_ALIGN_LEFT);
		return;
	}
	views_draw_rows(u, w, 1, h, width - 1, lv->n, lv->sel, &lv->top, draw_row, lv);
}

/* Enter: the row's item in the main panes (a KPI in the KPI view). */
static unsigned go(ui *u, const okr_audit_entry *e)
{
	const okr_snapshot *s = &u->d.snap;
	if (e->kind == 'P') {
		view_kpis_select(u, e->entity_id);
		return views_open(u, VIEW_KPIS);
	}
	long ki = e->kind == 'K' ? data_kr_index(u, e->entity_id) : -1;
	int64_t obj = ki >= 0 ? s->krs[ki].objective_id : e->kind == 'O' ? e->entity_id : 0;
	if (!obj || okr_snapshot_objective_index(s, obj) < 0) {
		app_message(u, false, "%s", _("that item is not in the cycle on screen (or is archived)"));
		return DIRTY_FOOTER;
	}
	u->filter = FILTER_ALL;
	u->d.obj_id = obj;
	u->d.kr_id = ki >= 0 ? e->entity_id : 0;
	data_rebuild_rows(u);
	unsigned d = views_close(u);
	return d | layout_focus(u, ki >= 0 ? PANE_KRS : PANE_OBJECTIVES) | DIRTY_ALL;
}

unsigned view_log_key(ui *u, int key, okr_action a)
{
	struct view_log *lv = u->views->log;
	if ((a == ACT_OPEN || key == '\n' || key == '\r') && lv->n)
		return go(u, &lv->v[lv->sel]);
	unsigned d = views_list_key(a, &lv->sel, lv->n);
	return d == VIEWS_PASS && a == ACT_LOG ? views_close(u) : d;
}

struct view_log *view_log_new(void)
{
	struct view_log *v = okr_xcalloc(1, sizeof *v);
	return v;
}
