/*
 * view_plan.c — plan the next cycle (action `plan-cycle`, key P): the
 * objectives and key results of the cycle on screen, each picked or not,
 * and the cycle they go into.  What is listed is what `okr cycle plan
 * --dry-run` would make — the same core (core/plan.c) decides — and Enter
 * makes it with the store's one transaction.  Space picks or drops the
 * selected item (an objective with all its key results), n chooses another
 * target cycle.
 *
 * Picks are kept as the set of IDs left out, so everything starts picked and
 * items another person adds meanwhile are picked too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/plan.h"
#include "okr/text.h"
#include "okr/util.h"
#include "views.h"

typedef struct {
	char kind;       /* 'O' or 'K' */
	size_t i;        /* into snap.objs / snap.krs */
	int depth;
} row;

struct view_plan {
	int64_t target;          /* cycle id; 0: not chosen yet */
	ui_ref *out;             /* left out */
	size_t nout, capout;
	char sel_kind;
	int64_t sel_id;
	int top;
};

void view_plan_free(struct view_plan *pv)
{
	if (!pv)
		return;
	free(pv->out);
	free(pv);
}

static bool left_out(const struct view_plan *pv, char kind, int64_t id)
{
	for (size_t i = 0; i < pv->nout; i++)
		if (pv->out[i].kind == kind && pv->out[i].id == id)
			return true;
	return false;
}

static void set_out(struct view_plan *pv, char kind, int64_t id, bool out)
{
	for (size_t i = 0; i < pv->nout; i++)
		if (pv->out[i].kind == kind && pv->out[i].id == id) {
			if (!out)
				pv->out[i] = pv->out[--pv->nout];
			return;
		}
	if (out) {
		okr_xgrow(&pv->out, &pv->capout, pv->nout + 1, sizeof *pv->out);
		pv->out[pv->nout++] = (ui_ref){ kind, id };
	}
}

/* A cycle to plan into: not the one shown, not closed; the first that
 * starts after the shown one, else any.  step moves to the next one. */
static const okr_cycle *target(ui *u, int step)
{
	struct view_plan *pv = u->views->plan;
	const okr_snapshot *s = &u->d.snap;
	const okr_cycle *cur = okr_snapshot_cycle(s), *first = NULL, *later = NULL, *found = NULL;
	long at = -1;
	size_t n = 0;
	const okr_cycle *ok[64];
	for (size_t i = 0; i < s->ncycles && n < 64; i++) {
		const okr_cycle *c = &s->cycles[i];
		if (c->id == s->cycle_id || c->state == CYCLE_CLOSED)
			continue;
		if (c->id == pv->target)
			at = (long)n;
		ok[n++] = c;
		if (!first)
			first = c;
		if (!later && cur && c->start > cur->start)
			later = c;
	}
	if (!n)
		return NULL;
	if (at < 0)
		found = later ? later : first;
	else
		found = ok[((size_t)at + (size_t)step) % n];
	pv->target = found->id;
	return found;
}

static size_t make_rows(const ui *u, row *out)
{
	const okr_snapshot *s = &u->d.snap;
	size_t n = 0;
	for (size_t t = 0; t < s->nobjs; t++) {
		size_t o = u->d.order[t];
		if (s->objs[o].archived)
			continue;
		out[n++] = (row){ 'O', o, u->d.depth[t] };
		for (size_t k = 0; k < s->nkrs; k++)
			if (s->krs[k].objective_id == s->objs[o].id && !s->krs[k].archived)
				out[n++] = (row){ 'K', k, u->d.depth[t] + 1 };
	}
	return n;
}

static int64_t row_id(const ui *u, const row *r)
{
	return r->kind == 'O' ? u->d.snap.objs[r->i].id : u->d.snap.krs[r->i].id;
}

static bool picked(const ui *u, const row *r)
{
	const struct view_plan *pv = u->views->plan;
	if (r->kind == 'O')
		return !left_out(pv, 'O', row_id(u, r));
	return !left_out(pv, 'K', row_id(u, r)) && !left_out(pv, 'O', u->d.snap.krs[r->i].objective_id);
}

/* The picks for core/plan.c: a whole objective when all of it is picked,
 * else its picked key results one by one. */
static size_t picks_of(const ui *u, const row *rows, size_t n, okr_plan_pick *out)
{
	size_t np = 0;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].kind != 'O' || !picked(u, &rows[i]))
			continue;
		size_t j = i + 1, all = 0, some = 0;
		for (; j < n && rows[j].kind == 'K'; j++, all++)
			some += picked(u, &rows[j]);
		if (some == all)
			out[np++] = (okr_plan_pick){ ID_OBJECTIVE, row_id(u, &rows[i]) };
		else
			for (size_t k = i + 1; k < j; k++)
				if (picked(u, &rows[k]))
					out[np++] = (okr_plan_pick){ ID_KR, row_id(u, &rows[k]) };
	}
	return np;
}

static size_t selected(const ui *u, const row *rows, size_t n)
{
	const struct view_plan *pv = u->views->plan;
	for (size_t i = 0; i < n; i++)
		if (rows[i].kind == pv->sel_kind && row_id(u, &rows[i]) == pv->sel_id)
			return i;
	return 0;
}

static void draw_row(ui *u, WINDOW *w, int y, int width, size_t i, const void *ctx)
{
	const row *r = &((const row *)ctx)[i];
	char id[24], val[96], a[48], b[48];
	int x = 2 + 2 * r->depth;
	bool on = picked(u, r);
	draw_text(u, w, y, x, on ? "[x]" : "[ ]", 3, on ? THEME_TITLE : THEME_DIM, TEXT_ALIGN_LEFT);
	x += 4;
	if (r->kind == 'O') {
		const okr_objective *o = &u->d.snap.objs[r->i];
		draw_text(u, w, y, x, okr_format_id(ID_OBJECTIVE, o->id, id, sizeof id), 5, THEME_ID, TEXT_ALIGN_LEFT);
		draw_text(u, w, y, x + 6, o->title, width - x - 6 - 1, on ? THEME_TITLE : THEME_DIM, TEXT_ALIGN_LEFT);
		return;
	}
	const okr_kr *k = &u->d.snap.krs[r->i];
	if (k->type == KR_METRIC)
		snprintf(val, sizeof val, _("from %s to %s"), okr_format_value(okr_plan_start(k), k->decimals, a, sizeof a),
			 okr_format_value(k->target, k->decimals, b, sizeof b));
	else if (k->type == KR_THRESHOLD)
		snprintf(val, sizeof val, "%s %s", k->dir == DIR_AT_LEAST ? "≥" : "≤",
			 okr_format_value(k->target, k->decimals, a, sizeof a));
	else
		snprintf(val, sizeof val, "%s", _("milestone"));
	/* At most a third of the line: on a narrow screen the title, not the
	 * target, is what says which key result this is. */
	int vw = width / 3 < 24 ? width / 3 : 24;
	draw_text(u, w, y, x, okr_format_id(ID_KR, k->id, id, sizeof id), 5, THEME_ID, TEXT_ALIGN_LEFT);
	draw_text(u, w, y, x + 6, k->title, width - x - 6 - vw - 2, on ? THEME_NORMAL : THEME_DIM, TEXT_ALIGN_LEFT);
	draw_text(u, w, y, width - vw - 1, val, vw, THEME_DIM, TEXT_ALIGN_LEFT);
}

void view_plan_draw(ui *u, WINDOW *w, int h, int width)
{
	struct view_plan *pv = u->views->plan;
	const okr_snapshot *s = &u->d.snap;
	const okr_cycle *cur = okr_snapshot_cycle(s), *to = target(u, 0);
	row *rows = okr_xcalloc(s->nobjs + s->nkrs + 1, sizeof *rows);
	size_t n = make_rows(u, rows), sel = selected(u, rows, n);
	size_t no = 0, nk = 0;
	for (size_t i = 0; i < n; i++)
		if (picked(u, &rows[i]))
			*(rows[i].kind == 'O' ? &no : &nk) += 1;
	char title[300];
	snprintf(title, sizeof title, _("Plan the next cycle · %s → %s · %zu objectives, %zu key results · "
					"Space: pick · %s: other cycle · %s: make them · %s: back"),
		 cur ? cur->name : "", to ? to->name : _("(no cycle to plan into)"), no, nk, UI_KEY(u, ACT_SEARCH_NEXT),
		 UI_KEY(u, ACT_OPEN), UI_KEY(u, ACT_CLOSE));
	draw_pane_title(u, w, title, width, true);
	if (!to)
		draw_text(u, w, 2, 2, _("No open cycle to plan into — add one with `okr cycle add NAME --start ... --end ...`"),
			  width - 2, THEME_MESSAGE_ERROR, TEXT_ALIGN_LEFT);
	views_draw_rows(u, w, to ? 1 : 3, h, width, n, sel, &pv->top, draw_row, rows);
	free(rows);
}

static unsigned make(ui *u, const row *rows, size_t n)
{
	const okr_cycle *to = target(u, 0);
	if (app_refuse_readonly(u))
		return DIRTY_FOOTER;
	if (!to) {
		app_message(u, true, "%s", _("no open cycle to plan into — `okr cycle add` makes one"));
		return DIRTY_FOOTER;
	}
	okr_plan_pick *picks = okr_xcalloc(n + 1, sizeof *picks);
	size_t np = picks_of(u, rows, n, picks);
	okr_plan plan;
	unsigned d = DIRTY_FOOTER;
	if (!np) {
		app_message(u, true, "%s", _("nothing is picked — Space picks the selected item"));
	} else if (okr_plan_make(&u->d.snap, picks, np, &plan) < 0) {
		char name[128];
		okr_strlcpy(name, to->name, sizeof name);
		if (okr_store_cycle_plan(u->store, &u->d.snap, &plan, to->id, NULL, NULL) == OKR_OK) {
			app_message(u, false, _("planned %s: %zu objectives, %zu key results — %s switches to it"), name,
				    plan.nobjs, plan.nkrs, UI_KEY(u, ACT_CYCLE));
			d = views_close(u) | DIRTY_FOOTER;
		} else {
			app_message(u, true, "%s", okr_store_error(u->store));
		}
		okr_plan_free(&plan);
	}
	free(picks);
	return d;
}

unsigned view_plan_key(ui *u, int key, okr_action a)
{
	struct view_plan *pv = u->views->plan;
	const okr_snapshot *s = &u->d.snap;
	row *rows = okr_xcalloc(s->nobjs + s->nkrs + 1, sizeof *rows);
	size_t n = make_rows(u, rows);
	long sel = (long)selected(u, rows, n), last = (long)n - 1;
	unsigned d = VIEWS_PASS;
	long to = views_list_move(a, sel, (long)n);
	if (to >= 0 && n) {
		pv->sel_kind = rows[to].kind;
		pv->sel_id = row_id(u, &rows[to]);
		d = DIRTY_ALL;
	} else if (key == ' ' && n) {
		const row *r = &rows[sel];
		bool on = picked(u, r);
		if (r->kind == 'K' && left_out(pv, 'O', u->d.snap.krs[r->i].objective_id)) {
			/* Picking a key result of a dropped objective brings the
			 * objective back with just this key result. */
			set_out(pv, 'O', u->d.snap.krs[r->i].objective_id, false);
			for (long j = sel - 1; j >= 0 && rows[j].kind == 'K'; j--)
				set_out(pv, 'K', row_id(u, &rows[j]), true);
			for (long j = sel + 1; j <= last && rows[j].kind == 'K'; j++)
				set_out(pv, 'K', row_id(u, &rows[j]), true);
		}
		set_out(pv, r->kind, row_id(u, r), on);
		if (r->kind == 'O')
			for (long j = sel + 1; j <= last && rows[j].kind == 'K'; j++)
				set_out(pv, 'K', row_id(u, &rows[j]), false);
		pv->sel_kind = r->kind;
		pv->sel_id = row_id(u, r);
		d = DIRTY_ALL;
	} else if (a == ACT_SEARCH_NEXT) {
		target(u, 1);
		d = DIRTY_ALL;
	} else if (a == ACT_OPEN || key == '\n' || key == '\r') {
		d = make(u, rows, n);
	}
	free(rows);
	return d;
}

struct view_plan *view_plan_new(void)
{
	struct view_plan *v = okr_xcalloc(1, sizeof *v);
	return v;
}
