/*
 * data.c — from a snapshot to the rows the panes show.
 *
 * The panes never see the store: they draw from the copy made here.  A new
 * snapshot replaces the old one whole; the selection is carried over by ID
 * (never by position, which another person's new objective would shift),
 * and the rows whose value or version moved are remembered to flash.
 *
 * A flash lights the row's ID cell, not the whole row (SPEC §5: a one-value
 * change repaints only what changed).  Recolouring a whole row sends every
 * cell of it twice — lit, then back to its own colours, which is the most
 * expensive repaint a row has (one colour change per column) — for a 600 ms
 * hint; the ID marks the row as well and costs a few bytes each way.  The
 * new value itself is sent either way.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "okr/forecast.h"
#include "okr/grade.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/progress.h"
#include "okr/scope.h"
#include "okr/util.h"
#include "board_int.h"
#include "ui_int.h"
#include "views.h"

bool data_is_collapsed(const ui *u, int64_t id)
{
	for (size_t i = 0; i < u->d.ncollapsed; i++)
		if (u->d.collapsed[i] == id)
			return true;
	return false;
}

void data_toggle_collapsed(ui *u, int64_t id)
{
	ui_data *d = &u->d;
	for (size_t i = 0; i < d->ncollapsed; i++)
		if (d->collapsed[i] == id) {
			d->collapsed[i] = d->collapsed[--d->ncollapsed];
			return;
		}
	okr_xgrow(&d->collapsed, &d->capcollapsed, d->ncollapsed + 1, sizeof *d->collapsed);
	d->collapsed[d->ncollapsed++] = id;
}

bool data_is_mine(const ui *u, const okr_objective *o)
{
	return okr_objective_mine(&u->d.snap, o, u->ctx->login);
}

bool data_shown(const ui *u, const okr_objective *o)
{
	switch (u->filter) {
	case FILTER_MINE: return data_is_mine(u, o);
	case FILTER_TEAM: return okr_objective_my_team(&u->d.snap, o, u->ctx->login, okr_store_me(u->store)->teams);
	default: return true;
	}
}

static void rebuild_krs(ui *u)
{
	ui_data *d = &u->d;
	d->nkrs = 0;
	const okr_objective *o = data_sel_objective(u);
	if (o)
		for (size_t i = 0; i < d->snap.nkrs; i++)
			if (d->snap.krs[i].objective_id == o->id)
				d->krs[d->nkrs++] = i;
	d->kr_sel = 0;
	for (size_t i = 0; i < d->nkrs; i++)
		if (d->snap.krs[d->krs[i]].id == d->kr_id)
			d->kr_sel = i;
	d->kr_id = d->nkrs ? d->snap.krs[d->krs[d->kr_sel]].id : 0;
}

/* The visible rows: tree order, minus what the filter hides, minus the
 * descendants of collapsed objectives.  The selection follows its ID. */
void data_rebuild_rows(ui *u)
{
	ui_data *d = &u->d;
	d->nrows = 0;
	int hide_below = -1;
	for (size_t i = 0; i < d->snap.nobjs; i++) {
		const okr_objective *o = &d->snap.objs[d->order[i]];
		int depth = d->depth[i];
		if (hide_below >= 0 && depth > hide_below)
			continue;
		hide_below = -1;
		if (!data_shown(u, o))
			continue;
		bool parent = i + 1 < d->snap.nobjs && d->depth[i + 1] > depth;
		d->rows[d->nrows] = d->order[i];
		d->rdepth[d->nrows] = depth;
		d->rparent[d->nrows] = parent;
		d->nrows++;
		if (parent && data_is_collapsed(u, o->id))
			hide_below = depth;
	}
	d->obj_sel = 0;
	for (size_t r = 0; r < d->nrows; r++)
		if (d->snap.objs[d->rows[r]].id == d->obj_id)
			d->obj_sel = r;
	d->obj_id = d->nrows ? d->snap.objs[d->rows[d->obj_sel]].id : 0;
	rebuild_krs(u);
}

void data_select_objective_row(ui *u, size_t row)
{
	ui_data *d = &u->d;
	if (!d->nrows)
		return;
	if (row >= d->nrows)
		row = d->nrows - 1;
	if (d->obj_id != d->snap.objs[d->rows[row]].id)
		d->kr_id = 0;
	d->obj_sel = row;
	d->obj_id = d->snap.objs[d->rows[row]].id;
	rebuild_krs(u);
}

void data_select_kr_row(ui *u, size_t row)
{
	ui_data *d = &u->d;
	if (!d->nkrs)
		return;
	if (row >= d->nkrs)
		row = d->nkrs - 1;
	d->kr_sel = row;
	d->kr_id = d->snap.krs[d->krs[row]].id;
}

const okr_objective *data_sel_objective(const ui *u)
{
	const ui_data *d = &u->d;
	return d->nrows ? &d->snap.objs[d->rows[d->obj_sel]] : NULL;
}

const okr_kr *data_sel_kr(const ui *u)
{
	const ui_data *d = &u->d;
	return d->nkrs ? &d->snap.krs[d->krs[d->kr_sel]] : NULL;
}

long data_kr_index(const ui *u, int64_t id)
{
	for (size_t i = 0; i < u->d.snap.nkrs; i++)
		if (u->d.snap.krs[i].id == id)
			return (long)i;
	return -1;
}

static int cmp_kr_id(const void *a, const void *b)
{
	const okr_kr *x = *(const okr_kr *const *)a, *y = *(const okr_kr *const *)b;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void add_flash(ui *u, char kind, int64_t id)
{
	okr_xgrow(&u->flash, &u->capflash, u->nflash + 1, sizeof *u->flash);
	u->flash[u->nflash++] = (ui_ref){ kind, id };
}

/* Rows whose numbers or versions differ between the two snapshots.  The old
 * key results are indexed by ID once (they come ordered by objective), so a
 * large cycle costs n log n, not n². */
static void note_changes(ui *u, const okr_snapshot *old, const okr_snapshot *cur)
{
	u->nflash = 0;
	const okr_kr **idx = okr_xmalloc((old->nkrs + 1) * sizeof *idx);
	for (size_t j = 0; j < old->nkrs; j++)
		idx[j] = &old->krs[j];
	qsort(idx, old->nkrs, sizeof *idx, cmp_kr_id);
	for (size_t i = 0; i < cur->nkrs; i++) {
		const okr_kr *k = &cur->krs[i], *key = k;
		const okr_kr **hit = old->nkrs ? bsearch(&key, idx, old->nkrs, sizeof *idx, cmp_kr_id) : NULL;
		const okr_kr *o = hit ? *hit : NULL;
		if (o && o->version == k->version && o->has_value == k->has_value &&
		    o->current == k->current && o->last_at == k->last_at)
			continue;
		add_flash(u, 'K', k->id);
		add_flash(u, 'O', k->objective_id);
	}
	free(idx);
	for (size_t i = 0; i < cur->nobjs; i++) {
		const okr_objective *ob = &cur->objs[i];
		long j = okr_snapshot_objective_index(old, ob->id);
		if (j < 0 || old->objs[j].version != ob->version)
			add_flash(u, 'O', ob->id);
	}
	u->flash_until = u->nflash ? app_ms() + u->cfg->flash_ms : 0;
}

bool data_flashing(const ui *u, char kind, int64_t id)
{
	if (!u->flash_until)
		return false;
	for (size_t i = 0; i < u->nflash; i++)
		if (u->flash[i].kind == kind && u->flash[i].id == id)
			return true;
	return false;
}

/* Take a new snapshot and rebuild everything from it; the old one stays in
 * place if the store fails (the screen keeps showing the last good data). */
bool data_load(ui *u, bool flash)
{
	okr_snapshot snap;
	char serr[512];
	/* The team settings first: a lead's change shows with the data. */
	if (okr_store_team_settings_apply(u->store, u->cfg, serr, sizeof serr) != OKR_OK)
		app_message(u, true, "%s", serr);
	/* Who I am with my teams (the team filter, the board's own rows) is
	 * read on first asking: here, with the data, not while drawing. */
	(void)okr_store_me(u->store);
	okr_result r = okr_store_snapshot(u->store, u->cycle_id, false, &snap);
	if (r) {
		app_message(u, true, "%s", okr_store_error(u->store));
		return false;
	}
	ui_data *d = &u->d;
	if (d->loaded && flash && !u->cfg->reduced_motion && u->cfg->flash_ms > 0)
		note_changes(u, &d->snap, &snap);
	if (d->loaded) {
		okr_assessments_free(&d->as);
		okr_snapshot_free(&d->snap);
	}
	d->snap = snap;
	d->loaded = true;
	u->cycle_id = snap.cycle_id;
	okr_assess(&d->snap, u->cfg->rollup, &u->cfg->status, okr_now(), &d->as);
	size_t n = d->snap.nobjs + 1, nk = d->snap.nkrs + 1;
	d->order = okr_xrealloc(d->order, n * sizeof *d->order);
	d->depth = okr_xrealloc(d->depth, n * sizeof *d->depth);
	d->rows = okr_xrealloc(d->rows, n * sizeof *d->rows);
	d->rdepth = okr_xrealloc(d->rdepth, n * sizeof *d->rdepth);
	d->rparent = okr_xrealloc(d->rparent, n * sizeof *d->rparent);
	d->krs = okr_xrealloc(d->krs, nk * sizeof *d->krs);
	okr_tree_order(&d->snap, d->order, d->depth);
	data_rebuild_rows(u);
	u->data_version = d->snap.data_version;
	pane_board_invalidate(u);
	/* The first load takes the scores from the ledger, so that they are in
	 * the first frame; only when the ledger must be rebuilt (new rules, a
	 * changed world) are they left to the loop, after the first frame:
	 * scoring a long history from scratch would hold the screen back. */
	if (u->board->started) {
		board_reload(u, flash);
	} else if (board_from_ledger(u)) {
		u->board->started = true;
		board_reload(u, false);
	} else {
		u->board->pending = true;
	}
	u->det.data_version = -1;
	screen_data_changed(u, flash);
	return true;
}

ui_spark *data_spark_find(const ui_sparks *c, int64_t id)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].id == id)
			return &c->v[i];
	return NULL;
}

ui_spark *data_spark_add(ui_sparks *c, int64_t id)
{
	okr_xgrow(&c->v, &c->cap, c->n + 1, sizeof *c->v);
	ui_spark *sp = &c->v[c->n++];
	memset(sp, 0, sizeof *sp);
	sp->id = id;
	return sp;
}

void data_spark_fill(ui_spark *sp, const double *newest_first, size_t n, size_t stride)
{
	if (n > UI_SPARK_MAX)
		n = UI_SPARK_MAX;
	for (size_t i = 0; i < n; i++)
		sp->v[n - 1 - i] = *(const double *)(const void *)((const char *)newest_first + i * stride);
	sp->n = n;
}

const ui_spark *data_spark(const ui *u, size_t ki)
{
	const okr_kr *k = &u->d.snap.krs[ki];
	const ui_spark *sp = data_spark_find(&u->d.sparks, k->id);
	return sp && sp->last_at == k->last_at && sp->current == k->current ? sp : NULL;
}

/* Fetched before the frame that shows it, and again only when the key
 * result's latest value has changed since. */
static void spark_fetch(ui *u, size_t ki)
{
	const okr_kr *k = &u->d.snap.krs[ki];
	if (data_spark(u, ki))
		return;
	ui_spark *sp = data_spark_find(&u->d.sparks, k->id);
	if (!sp)
		sp = data_spark_add(&u->d.sparks, k->id);
	sp->last_at = k->last_at;
	sp->current = k->current;
	sp->n = 0;
	okr_checkin *cis;
	size_t n;
	if (okr_store_kr_values(u->store, k, UI_SPARK_POINTS, &cis, &n) == OKR_OK) {
		data_spark_fill(sp, n ? &cis->value : NULL, n, sizeof *cis);
		okr_checkins_free(cis, n);
	}
}

void data_detail_free(ui_detail *det)
{
	okr_checkins_free(det->cis, det->ncis);
	okr_comments_free(det->comments, det->ncomments);
	okr_kudos_free(det->kudos, det->nkudos);
	free(det->series);
	if (det->has_kpi)
		okr_kpi_free(&det->kpi);
	memset(det, 0, sizeof *det);
	det->data_version = -1;
}

/* An objective's grade, or the grade it is heading for, with the same core
 * functions as the report (export_md.c): the cycle's grades and each of its
 * key results' recent values are read here, once per data version and
 * selection, so that drawing never asks the store. */
static void detail_grade(ui *u, ui_detail *det, size_t oi)
{
	const okr_snapshot *s = &u->d.snap;
	const okr_cycle *cy = okr_snapshot_cycle(s);
	det->grade = det->projected = NAN;
	okr_grade *g;
	size_t ng;
	if (!cy || okr_store_grades(u->store, cy->id, &g, &ng) != OKR_OK)
		return;
	double *scores = okr_grade_scores(s, g, ng);
	okr_grades_free(g, ng);
	det->ngraded = okr_grade_count(s, scores, oi, &det->ngradable);
	det->grade = okr_grade_objective(s, scores, cy->state == CYCLE_CLOSED, oi);
	if (isnan(det->grade)) {
		double *proj = okr_xcalloc(s->nkrs ? s->nkrs : 1, sizeof *proj);
		for (size_t k = 0; k < s->nkrs; k++) {
			const okr_kr *kr = &s->krs[k];
			proj[k] = NAN;
			if (kr->objective_id != s->objs[oi].id || kr->archived || kr->type == KR_MILESTONE ||
			    !isnan(scores[k]))
				continue;
			okr_checkin *cis;
			size_t n;
			if (okr_store_kr_values(u->store, kr, OKR_FORECAST_POINTS, &cis, &n) != OKR_OK)
				continue;
			okr_forecast f = okr_forecast_kr(kr, cis, n, okr_kr_began(kr, cy->start),
							 okr_day_start(u->d.as.krs[k].due + 1));
			if (f.ok)
				proj[k] = f.grade;
			okr_checkins_free(cis, n);
		}
		det->projected = okr_grade_projected(s, scores, proj, oi);
		free(proj);
	}
	free(scores);
}

/* Whether objective id is obj or aligned below it (cycle-safe: a chain
 * longer than the objectives is cut). */
static bool below(const okr_snapshot *s, int64_t id, int64_t obj)
{
	for (size_t hops = 0; id && hops <= s->nobjs; hops++) {
		if (id == obj)
			return true;
		long i = okr_snapshot_objective_index(s, id);
		id = i >= 0 ? s->objs[i].parent_id : 0;
	}
	return false;
}

/* The objective's progress over time, for its chart: the values of every
 * key result at or below it (a few hundred each), rolled up by core as
 * the progress shown beside it is. */
static void detail_series(ui *u, ui_detail *det, size_t oi)
{
	const okr_snapshot *s = &u->d.snap;
	size_t one = 1;
	okr_checkin **hist = okr_xcalloc(s->nkrs ? s->nkrs : one, sizeof *hist);
	size_t *nh = okr_xcalloc(s->nkrs ? s->nkrs : one, sizeof *nh);
	for (size_t k = 0; k < s->nkrs; k++)
		if (!s->krs[k].archived && below(s, s->krs[k].objective_id, s->objs[oi].id) &&
		    okr_store_kr_values(u->store, &s->krs[k], 500, &hist[k], &nh[k]) != OKR_OK)
			hist[k] = NULL, nh[k] = 0;
	okr_chart_objective_series(s->objs, s->nobjs, s->krs, s->nkrs, u->cfg->rollup, oi,
				   (const okr_checkin *const *)hist, nh, &det->series, &det->nseries);
	for (size_t k = 0; k < s->nkrs; k++)
		okr_checkins_free(hist[k], nh[k]);
	free(hist);
	free(nh);
}

/* The history of the selected item, for the detail pane. */
void data_detail_load(ui *u)
{
	ui_detail *det = &u->det;
	const okr_kr *k = u->focus == PANE_OBJECTIVES ? NULL : data_sel_kr(u);
	const okr_objective *o = data_sel_objective(u);
	char kind = k ? 'K' : o ? 'O' : 0;
	int64_t id = k ? k->id : o ? o->id : 0;
	if (det->kind == kind && det->id == id && det->data_version == u->data_version)
		return;
	data_detail_free(det);
	det->kind = kind;
	det->id = id;
	det->data_version = u->data_version;
	if (!kind)
		return;
	if (k) {
		okr_store_kr_values(u->store, k, 50, &det->cis, &det->ncis);
		okr_store_kudos_about(u->store, k->id, NULL, 50, &det->kudos, &det->nkudos);
		if (k->kpi_id && okr_store_kpi(u->store, k->kpi_id, &det->kpi) == OKR_OK)
			det->has_kpi = true;
	} else {
		long oi = okr_snapshot_objective_index(&u->d.snap, o->id);
		if (oi >= 0)
			detail_grade(u, det, (size_t)oi);
		if (oi >= 0) {
			det->series_due = true;
			det->series_oi = (size_t)oi;
		}
	}
	okr_store_comments(u->store, kind, id, &det->comments, &det->ncomments);
}

void data_detail_series(ui *u)
{
	ui_detail *det = &u->det;
	if (!det->series_due || det->series_oi >= u->d.snap.nobjs)
		return;
	det->series_due = false;
	detail_series(u, det, det->series_oi);
}

void data_prepare(ui *u)
{
	if (!u->d.loaded)
		return;
	data_detail_load(u);
	view_due_prepare(u);   /* the header's "3 due" */
	for (size_t i = 0; i < u->d.nkrs; i++)
		spark_fetch(u, u->d.krs[i]);
}

void data_free(ui_data *d)
{
	if (d->loaded) {
		okr_assessments_free(&d->as);
		okr_snapshot_free(&d->snap);
	}
	free(d->order);
	free(d->depth);
	free(d->rows);
	free(d->rdepth);
	free(d->rparent);
	free(d->krs);
	free(d->collapsed);
	free(d->sparks.v);
	memset(d, 0, sizeof *d);
}
