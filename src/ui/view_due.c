/*
 * view_due.c — "what needs me" (action `due`, key D): what the viewer owes
 * now — key results gone quiet past their frequency, KPI values overdue,
 * grades to give once the cycle has ended — from the same core as `okr due`
 * (core/due.c), for the cycle on screen and every KPI.  Enter goes to the
 * item: a key result is selected in the main panes, a KPI in the KPI view;
 * c checks in the selected key result right here.
 *
 * The list is computed from the snapshot each time it is drawn or counted
 * (it is a linear pass); only the IDs of graded key results, which need a
 * query and matter only after the cycle's end, are kept, per data version.
 * The list borrows titles from the snapshot, so it never outlives a frame.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/due.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/util.h"
#include "views.h"

struct view_due {
	okr_due_kind sel_kind;   /* the selection by kind and ID, kept across reloads */
	int64_t sel_id;
	size_t sel;
	int top;
	int64_t graded_version, graded_cycle;
	int64_t *graded;
	size_t ngraded;
};

void view_due_free(struct view_due *dv)
{
	if (!dv)
		return;
	free(dv->graded);
	free(dv);
}

/* Grades are owed only after the cycle's last day; before that no query. */
static void load_graded(ui *u)
{
	struct view_due *dv = u->views->due;
	const okr_cycle *cy = okr_snapshot_cycle(&u->d.snap);
	if (dv->graded_version == u->data_version && dv->graded_cycle == u->d.snap.cycle_id)
		return;
	free(dv->graded);
	dv->graded = NULL;
	dv->ngraded = 0;
	dv->graded_version = u->data_version;
	dv->graded_cycle = u->d.snap.cycle_id;
	if (!cy || cy->state == CYCLE_CLOSED || okr_now() < okr_day_start(cy->end) + 86400)
		return;
	okr_grade *g;
	size_t n;
	if (okr_store_grades(u->store, cy->id, &g, &n) != OKR_OK)
		return;
	dv->graded = okr_xmalloc((n + 1) * sizeof *dv->graded);
	for (size_t i = 0; i < n; i++)
		dv->graded[i] = g[i].kr_id;
	dv->ngraded = n;
	okr_grades_free(g, n);
}

void view_due_prepare(ui *u)
{
	if (u->d.loaded)
		load_graded(u);
}

/* From the snapshot and the grades read by view_due_prepare: the header
 * counts what is due on every frame without asking the store. */
static void compute(ui *u, okr_due_list *out)
{
	struct view_due *dv = u->views->due;
	okr_due_opts o = { .person_id = okr_store_me(u->store)->id, .now = okr_now(), .graded = dv->graded,
			   .ngraded = dv->ngraded, .kpis = true };
	okr_due_compute(&u->d.snap, &o, out);
}

size_t view_due_count(ui *u)
{
	if (!u->d.loaded)
		return 0;
	okr_due_list l;
	compute(u, &l);
	size_t n = l.n;
	okr_due_free(&l);
	return n;
}

void view_due_banner(ui *u)
{
	if (!u->d.loaded)
		return;
	load_graded(u);
	okr_due_list l;
	compute(u, &l);
	if (l.n) {
		char what[256];
		okr_due_summary(&l, what, sizeof what);
		app_message(u, false, _("You owe %s this week — %s lists them"), what, UI_KEY(u, ACT_DUE));
	}
	okr_due_free(&l);
}

/* The selection by kind and ID; an item that is no longer due leaves the
 * one at its place. */
static void resolve(struct view_due *dv, const okr_due_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].kind == dv->sel_kind && l->items[i].id == dv->sel_id)
			dv->sel = i;
	if (dv->sel >= l->n)
		dv->sel = l->n ? l->n - 1 : 0;
	if (l->n) {
		dv->sel_kind = l->items[dv->sel].kind;
		dv->sel_id = l->items[dv->sel].id;
	}
}

/* "3 days", "5 hours": how long, in the largest whole unit. */
static void span(okr_time secs, char *buf, size_t len)
{
	if (secs >= 2 * 86400)
		snprintf(buf, len, ngettext("%lld day", "%lld days", (unsigned long)(secs / 86400)), (long long)(secs / 86400));
	else if (secs >= 86400)
		snprintf(buf, len, "%s", _("1 day"));
	else if (secs >= 2 * 3600)
		snprintf(buf, len, ngettext("%lld hour", "%lld hours", (unsigned long)(secs / 3600)), (long long)(secs / 3600));
	else
		snprintf(buf, len, "%s", _("less than 2 hours"));
}

static void why(const okr_due_item *it, char *buf, size_t len)
{
	char day[11], how[48];
	span(it->overdue, how, sizeof how);
	if (it->since)   /* a grade's "since" is the first moment after the cycle's last day */
		okr_format_date(okr_day_of(it->kind == DUE_GRADE ? it->since - 1 : it->since), day);
	if (it->kind == DUE_GRADE)
		snprintf(buf, len, _("cycle ended %s, %s ago"), day, how);
	else if (it->since)
		snprintf(buf, len, _("last %s, overdue by %s"), day, how);
	else if (it->kind == DUE_KPI)
		snprintf(buf, len, "%s", _("no value yet"));
	else
		snprintf(buf, len, _("never checked in, overdue by %s"), how);
}

void view_due_draw(ui *u, WINDOW *w, int h, int width)
{
	struct view_due *dv = u->views->due;
	okr_due_list l;
	compute(u, &l);
	resolve(dv, &l);
	char title[256];
	snprintf(title, sizeof title, _("What needs me · @%s · %zu due · %s: go to it · %s: check in · %s: back"),
		 u->ctx->login, l.n, UI_KEY(u, ACT_OPEN), UI_KEY(u, ACT_CHECKIN), UI_KEY(u, ACT_CLOSE));
	draw_pane_title(u, w, title, width, true);
	if (!l.n) {
		draw_text(u, w, 2, 2, _("Nothing due — every key result, KPI and grade is up to date."), width - 2,
			  THEME_STATUS_DONE, TEXT_ALIGN_LEFT);
		okr_due_free(&l);
		return;
	}
	static const char *const heads[] = { N_("Check-ins"), N_("KPI values"), N_("Grades to give") };
	/* Rows: a heading before each kind, then its items.  The row of the
	 * selection decides the scroll. */
	int sel_row = 0, row = 0;
	for (size_t i = 0; i < l.n; i++) {
		row += !i || l.items[i].kind != l.items[i - 1].kind;
		if (i == dv->sel)
			sel_row = row;
		row++;
	}
	int rows = h - 1;
	if (sel_row - 1 < dv->top)   /* keep the heading above the first item in view */
		dv->top = sel_row - 1 > 0 ? sel_row - 1 : 0;
	if (rows > 0 && sel_row >= dv->top + rows)
		dv->top = sel_row - rows + 1;
	int rw = width / 2 > 44 ? 44 : width / 2;
	row = 0;
	for (size_t i = 0; i < l.n; i++) {
		const okr_due_item *it = &l.items[i];
		if (!i || it->kind != l.items[i - 1].kind) {
			int y = 1 + row - dv->top;
			if (y >= 1 && y < h)
				draw_text(u, w, y, 1, _(heads[it->kind]), width - 1, THEME_HELP_SECTION, TEXT_ALIGN_LEFT);
			row++;
		}
		int y = 1 + row - dv->top;
		row++;
		if (y < 1 || y >= h)
			continue;
		char id[24], buf[160];
		okr_format_id(it->kind == DUE_KPI ? ID_KPI : ID_KR, it->id, id, sizeof id);
		draw_text(u, w, y, 3, id, 6, THEME_ID, TEXT_ALIGN_LEFT);
		draw_text(u, w, y, 9, it->title, width - 9 - rw - 1, THEME_TITLE, TEXT_ALIGN_LEFT);
		why(it, buf, sizeof buf);
		draw_text(u, w, y, width - rw, buf, rw, it->kind == DUE_GRADE ? THEME_NORMAL : THEME_STATUS_OUTDATED,
			  TEXT_ALIGN_LEFT);
		if (i == dv->sel)
			draw_row_attr(u, w, y, THEME_SELECTED);
	}
	okr_due_free(&l);
}

/* Select key result kr_id in the main panes: its objective shown (the
 * filter widened and its ancestors opened if need be), the key result
 * selected and its pane focused. */
unsigned view_due_select_kr(ui *u, int64_t kr_id)
{
	const okr_snapshot *s = &u->d.snap;
	long ki = data_kr_index(u, kr_id);
	long oi = ki >= 0 ? okr_snapshot_objective_index(s, s->krs[ki].objective_id) : -1;
	if (oi < 0) {
		app_message(u, true, "%s", _("that key result is no longer in this cycle"));
		return DIRTY_FOOTER;
	}
	if (!data_shown(u, &s->objs[oi]))
		u->filter = FILTER_ALL;
	int64_t pid = s->objs[oi].parent_id;
	for (int guard = 0; pid && guard < 1000; guard++) {
		if (data_is_collapsed(u, pid))
			data_toggle_collapsed(u, pid);
		long pi = okr_snapshot_objective_index(s, pid);
		pid = pi >= 0 ? s->objs[pi].parent_id : 0;
	}
	u->d.obj_id = s->objs[oi].id;
	u->d.kr_id = kr_id;
	data_rebuild_rows(u);
	u->panes[PANE_DETAIL].top = 0;
	return layout_focus(u, PANE_KRS) | DIRTY_ALL;
}

static unsigned go(ui *u, const okr_due_item *it)
{
	if (it->kind == DUE_KPI) {
		view_kpis_select(u, it->id);
		return views_open(u, VIEW_KPIS);
	}
	unsigned d = view_due_select_kr(u, it->id);
	return d & DIRTY_FOOTER && !(d & DIRTY_PANES) ? d : views_close(u) | d;
}

unsigned view_due_key(ui *u, int key, okr_action a)
{
	struct view_due *dv = u->views->due;
	okr_due_list l;
	compute(u, &l);
	resolve(dv, &l);
	unsigned d = VIEWS_PASS;
	if (views_list_key(a, &dv->sel, l.n) != VIEWS_PASS) {
		if (l.n) {
			dv->sel_kind = l.items[dv->sel].kind;
			dv->sel_id = l.items[dv->sel].id;
		}
		d = DIRTY_ALL;
	} else if ((a == ACT_OPEN || a == ACT_EXPAND || key == '\n' || key == '\r') && l.n) {
		d = go(u, &l.items[dv->sel]);
	} else if (a == ACT_CHECKIN && l.n) {
		const okr_due_item *it = &l.items[dv->sel];
		if (it->kind == DUE_KPI) {
			d = DIRTY_FOOTER;
			for (size_t i = 0; i < u->d.snap.nkpis; i++)
				if (u->d.snap.kpis[i].id == it->id)
					d = form_open_kpi_push(u, &u->d.snap.kpis[i]) | DIRTY_ALL;
		} else {
			/* The form works on the selection of the main panes: select
			 * the key result there, stay in this view. */
			view_due_select_kr(u, it->id);
			d = form_open(u, FORM_CHECKIN) | DIRTY_ALL;
		}
	}
	okr_due_free(&l);
	return d;
}

struct view_due *view_due_new(void)
{
	struct view_due *v = okr_xcalloc(1, sizeof *v);
	v->graded_version = -1;
	return v;
}
