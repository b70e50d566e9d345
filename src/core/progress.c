/*
 * progress.c — see progress.h.
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/progress.h"
#include "okr/util.h"

static const okr_status_rules default_rules = { 0.15, 0.30 };

static double clamp01(double v)
{
	if (isnan(v) || v < 0)
		return 0;
	return v > 1 ? 1 : v;
}

/* A metric whose start equals its target has no way to measure a fraction
 * of the way, and no direction to say which side is "past": it counts as
 * reached only when the value is exactly the target. */
double okr_kr_progress_raw(const okr_kr *kr)
{
	if (!kr || !kr->has_value || isnan(kr->current))
		return 0;
	switch (kr->type) {
	case KR_METRIC: {
		if (kr->start == kr->target)
			return kr->current == kr->target ? 1 : 0;
		/* One formula serves both directions: going down, numerator and
		 * denominator are both negative. */
		double p = (kr->current - kr->start) / (kr->target - kr->start);
		return isnan(p) ? 0 : p;
	}
	case KR_THRESHOLD:
		if (kr->dir == DIR_AT_MOST)
			return kr->current <= kr->target ? 1 : 0;
		return kr->current >= kr->target ? 1 : 0;
	case KR_MILESTONE:
		return kr->current >= 0.5 ? 1 : 0;
	}
	return 0;
}

double okr_kr_progress(const okr_kr *kr)
{
	return clamp01(okr_kr_progress_raw(kr));
}

/* Due is inclusive: a key result due on the 30th has all of the 30th, so the
 * line ends at 00:00 of the 31st.  A due date before the start is a data
 * error; treating the whole span as over once it has begun errs toward
 * showing the key result as late rather than hiding it. */
double okr_expected(okr_day start, okr_day due, okr_time now)
{
	okr_time t0 = okr_day_start(start);
	if (now < t0)
		return 0;
	if (due < start)
		return 1;
	okr_time t1 = okr_day_start(due) + 86400;
	if (now >= t1)
		return 1;
	return clamp01((double)(now - t0) / (double)(t1 - t0));
}

okr_time okr_frequency_seconds(okr_frequency f)
{
	switch (f) {
	case FREQ_DAILY:
		return 86400;
	case FREQ_WEEKLY:
		return 7 * 86400;
	case FREQ_MONTHLY:
		return 31 * 86400;
	}
	return 7 * 86400;
}

static okr_status status_from_gap(double gap, const okr_status_rules *r)
{
	if (gap > r->off_track)
		return STATUS_OFF_TRACK;
	if (gap > r->at_risk)
		return STATUS_AT_RISK;
	return STATUS_ON_TRACK;
}

/* The order of the tests is the meaning:
 *  - done wins over everything (a finished key result needs no check-ins);
 *  - outdated only while there is still time to act: after the due date a
 *    key result is judged by where it ended, with expected progress 1;
 *  - a key result with no value yet, inside its first tracking period, has
 *    nothing to judge (STATUS_NONE) rather than a green "on track" that
 *    silence has not earned;
 *  - a threshold is a condition, not a journey: on track while it holds,
 *    off track when it breaks;
 *  - otherwise the gap between expected and (clamped) actual progress.
 * `start` and `due` are the key result's own period, resolved by the caller
 * (a due of 0 in the model means the cycle's end).  A key result without a
 * check-in is "new" until its first one falls due, one period after it
 * began (okr_kr_began): added on day 61, it is not late on day 61. */
okr_status okr_kr_status(const okr_kr *kr, okr_day start, okr_day due,
			 okr_time now, const okr_status_rules *rules)
{
	if (!kr)
		return STATUS_NONE;
	const okr_status_rules *r = rules ? rules : &default_rules;
	double raw = okr_kr_progress_raw(kr);
	if (kr->type != KR_THRESHOLD && kr->has_value && raw >= 1)
		return STATUS_DONE;

	okr_time t0 = okr_day_start(start);
	okr_time end = okr_day_start(due) + 86400;
	okr_time freq = okr_frequency_seconds(kr->every);
	okr_time began = okr_kr_began(kr, start);
	bool before_end = now < end;
	if (before_end && kr->last_at == 0 && !kr->has_value) {
		if (now < t0)
			return STATUS_NONE;
		return now - began > freq ? STATUS_OUTDATED : STATUS_NEW;
	}
	if (before_end && now - t0 > freq && (kr->last_at == 0 || now - kr->last_at > freq))
		return STATUS_OUTDATED;
	if (before_end && !kr->has_value)
		return STATUS_NONE;

	if (kr->type == KR_THRESHOLD && kr->has_value)
		return raw >= 1 ? STATUS_ON_TRACK : STATUS_OFF_TRACK;

	double expected = before_end ? okr_expected(start, due, now) : 1;
	return status_from_gap(expected - clamp01(raw), r);
}

okr_time okr_kr_began(const okr_kr *kr, okr_day start)
{
	okr_time t0 = okr_day_start(start);
	return kr && kr->created_at > t0 ? kr->created_at : t0;
}

okr_status okr_progress_status(double progress, double expected,
			       const okr_status_rules *rules)
{
	const okr_status_rules *r = rules ? rules : &default_rules;
	if (isnan(progress) || isnan(expected))
		return STATUS_NONE;
	if (progress >= 1)
		return STATUS_DONE;
	return status_from_gap(clamp01(expected) - clamp01(progress), r);
}

/* A value that is NaN is no value at all and is left out with its weight. */
double okr_weighted_mean(const double *values, const double *weights, size_t n)
{
	double sum = 0, wsum = 0, plain = 0;
	size_t count = 0;
	for (size_t i = 0; i < n; i++) {
		if (isnan(values[i]))
			continue;
		double w = weights ? weights[i] : 1;
		if (!isfinite(w) || w < 0)
			w = 1;
		sum += w * values[i];
		wsum += w;
		plain += values[i];
		count++;
	}
	if (count == 0)
		return 0;
	if (wsum > 0)
		return sum / wsum;
	return plain / (double)count;
}

/* Objective ids and their positions, sorted by id, for the parent look-ups
 * of okr_rollup. */
typedef struct {
	int64_t id;
	size_t at;
} id_pos;

static int cmp_id_pos(const void *a, const void *b)
{
	const id_pos *x = a, *y = b;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* Position of the objective with this id, or nobj.  With duplicate ids the
 * first in the array wins, so the answer does not depend on qsort. */
static size_t find_obj(const id_pos *ix, size_t nobj, int64_t id)
{
	size_t i = okr_lower_bound(ix, nobj, sizeof *ix, offsetof(id_pos, id), id);
	return i < nobj && ix[i].id == id ? ix[i].at : nobj;
}

/* Adjacency in compressed rows: the items of row i are list[off[i]..off[i+1]). */
typedef struct {
	size_t *off, *list;
} rows;

static void rows_build(rows *r, size_t nrow, const size_t *row_of, size_t n)
{
	r->off = okr_xcalloc(nrow + 1, sizeof *r->off);
	r->list = okr_xcalloc(n, sizeof *r->list);
	for (size_t i = 0; i < n; i++)
		if (row_of[i] < nrow)
			r->off[row_of[i] + 1]++;
	for (size_t i = 0; i < nrow; i++)
		r->off[i + 1] += r->off[i];
	size_t *fill = okr_xcalloc(nrow + 1, sizeof *fill);
	for (size_t i = 0; i < n; i++)
		if (row_of[i] < nrow)
			r->list[r->off[row_of[i]] + fill[row_of[i]]++] = i;
	free(fill);
}

static void rows_free(rows *r)
{
	free(r->off);
	free(r->list);
}

enum { UNSEEN, OPEN, FINISHED };

typedef struct {
	const okr_objective *objs;
	const okr_kr *krs;
	okr_rollup_mode mode;
	rows kr_rows, child_rows;
	unsigned char *state;
	double *vals, *wts;     /* scratch, nkr + nobj long */
	double *out;
	bool *filled;           /* has a key result, itself or below */
	/* Which child links counted (per entry of child_rows.list): written
	 * by the walk, read instead of the walk's state once it is over. */
	unsigned char *used;
	bool walked;
} rollup_ctx;

/* A child still OPEN when its parent is finished is one of the parent's own
 * ancestors: that link closes a cycle and is the one left out. */
static double node_value(rollup_ctx *c, size_t i)
{
	size_t n = 0, nchild = 0;
	if (c->mode != ROLLUP_KRS) {
		for (size_t k = c->child_rows.off[i]; k < c->child_rows.off[i + 1]; k++) {
			size_t ch = c->child_rows.list[k];
			/* An empty child has nothing to say about its parent:
			 * counting it as 0 % would drag the parent down. */
			if (c->walked ? !c->used[k] : c->state[ch] != FINISHED || !c->filled[ch])
				continue;
			c->used[k] = 1;
			c->vals[n] = c->out[ch];
			c->wts[n++] = c->objs[ch].weight;
			nchild++;
		}
	}
	if (c->mode != ROLLUP_CHILDREN || nchild == 0) {
		for (size_t k = c->kr_rows.off[i]; k < c->kr_rows.off[i + 1]; k++) {
			const okr_kr *kr = &c->krs[c->kr_rows.list[k]];
			c->vals[n] = okr_kr_progress(kr);
			c->wts[n++] = kr->weight;
		}
	}
	c->filled[i] = n > 0;
	return okr_weighted_mean(c->vals, c->wts, n);
}

/* Depth first with an explicit stack, so that a deep alignment chain cannot
 * exhaust the C stack; each objective is finished exactly once. */
static void rollup_walk(rollup_ctx *c, size_t nobj)
{
	size_t *stack = okr_xcalloc(nobj, sizeof *stack);
	size_t *cursor = okr_xcalloc(nobj, sizeof *cursor);
	for (size_t root = 0; root < nobj; root++) {
		if (c->state[root] != UNSEEN)
			continue;
		size_t sp = 0;
		stack[sp++] = root;
		c->state[root] = OPEN;
		cursor[root] = c->child_rows.off[root];
		while (sp > 0) {
			size_t v = stack[sp - 1];
			if (cursor[v] < c->child_rows.off[v + 1]) {
				size_t ch = c->child_rows.list[cursor[v]++];
				if (c->state[ch] == UNSEEN) {
					c->state[ch] = OPEN;
					cursor[ch] = c->child_rows.off[ch];
					stack[sp++] = ch;
				}
				continue;
			}
			c->out[v] = node_value(c, v);
			c->state[v] = FINISHED;
			sp--;
		}
	}
	free(stack);
	free(cursor);
}

/* An archived objective still gets its own progress (it may be displayed),
 * but never counts toward its parent; archived key results count nowhere. */
void okr_rollup(const okr_objective *objs, size_t nobj,
		const okr_kr *krs, size_t nkr,
		okr_rollup_mode mode, double *out)
{
	okr_rollup_filled(objs, nobj, krs, nkr, mode, out, NULL);
}

/* The context of one rollup: objectives' key results and children as rows,
 * scratch for node_value; rollup_done frees it. */
static void rollup_setup(rollup_ctx *c, const okr_objective *objs, size_t nobj, const okr_kr *krs, size_t nkr,
			 okr_rollup_mode mode, double *out, size_t *kr_obj)
{
	id_pos *ix = okr_xcalloc(nobj, sizeof *ix);
	for (size_t i = 0; i < nobj; i++)
		ix[i] = (id_pos){ objs[i].id, i };
	qsort(ix, nobj, sizeof *ix, cmp_id_pos);

	size_t *row_of = okr_xcalloc(nkr + nobj, sizeof *row_of);
	for (size_t k = 0; k < nkr; k++)
		row_of[k] = krs[k].archived ? nobj : find_obj(ix, nobj, krs[k].objective_id);
	if (kr_obj)
		memcpy(kr_obj, row_of, nkr * sizeof *kr_obj);
	*c = (rollup_ctx){ .objs = objs, .krs = krs, .mode = mode, .out = out };
	rows_build(&c->kr_rows, nobj, row_of, nkr);
	for (size_t j = 0; j < nobj; j++) {
		size_t p = nobj;
		if (!objs[j].archived && objs[j].parent_id != 0)
			p = find_obj(ix, nobj, objs[j].parent_id);
		row_of[j] = p == j ? nobj : p;
	}
	rows_build(&c->child_rows, nobj, row_of, nobj);
	free(row_of);
	free(ix);

	c->state = okr_xcalloc(nobj, 1);
	c->filled = okr_xcalloc(nobj, sizeof *c->filled);
	c->used = okr_xcalloc(nobj ? nobj : 1, 1);
	c->vals = okr_xcalloc(nkr + nobj, sizeof *c->vals);
	c->wts = okr_xcalloc(nkr + nobj, sizeof *c->wts);
}

static void rollup_done(rollup_ctx *c)
{
	free(c->filled);
	free(c->state);
	free(c->used);
	free(c->vals);
	free(c->wts);
	rows_free(&c->kr_rows);
	rows_free(&c->child_rows);
}

void okr_rollup_filled(const okr_objective *objs, size_t nobj,
		       const okr_kr *krs, size_t nkr,
		       okr_rollup_mode mode, double *out, bool *filled)
{
	if (nobj == 0 || !objs || !out)
		return;
	if (!krs)
		nkr = 0;
	rollup_ctx c;
	rollup_setup(&c, objs, nobj, krs, nkr, mode, out, NULL);
	rollup_walk(&c, nobj);
	if (filled)
		memcpy(filled, c.filled, nobj * sizeof *filled);
	rollup_done(&c);
}

/* The walk fixed which links count (a link that closes a cycle does not),
 * and that depends only on the structure, never on values: so after one
 * key result's value changed, recomputing its objective and then each
 * objective it counts in, upwards, gives what a whole new walk would. */
struct okr_rollup_live {
	rollup_ctx c;
	size_t nobj, *kr_obj, *up;   /* up[i]: the objective objs[i] counts in, or nobj */
};

okr_rollup_live *okr_rollup_live_new(const okr_objective *objs, size_t nobj, const okr_kr *krs, size_t nkr,
				     okr_rollup_mode mode, double *out)
{
	okr_rollup_live *r = okr_xcalloc(1, sizeof *r);
	r->nobj = objs && out ? nobj : 0;
	r->kr_obj = okr_xcalloc(nkr ? nkr : 1, sizeof *r->kr_obj);
	r->up = okr_xcalloc(nobj ? nobj : 1, sizeof *r->up);
	if (!r->nobj)
		return r;
	rollup_setup(&r->c, objs, nobj, krs, nkr, mode, out, r->kr_obj);
	rollup_walk(&r->c, nobj);
	r->c.walked = true;
	for (size_t i = 0; i < nobj; i++)
		r->up[i] = nobj;
	for (size_t i = 0; i < nobj; i++)
		for (size_t k = r->c.child_rows.off[i]; k < r->c.child_rows.off[i + 1]; k++)
			if (r->c.used[k])
				r->up[r->c.child_rows.list[k]] = i;
	return r;
}

void okr_rollup_live_kr(okr_rollup_live *r, size_t k)
{
	if (!r->nobj)
		return;
	/* Links that count form a forest (each objective has one parent and
	 * the walk cut every cycle), so this climb ends; the bound is a guard. */
	size_t i = r->kr_obj[k];
	for (size_t hops = 0; i < r->nobj && hops < r->nobj; hops++, i = r->up[i])
		r->c.out[i] = node_value(&r->c, i);
}

void okr_rollup_live_free(okr_rollup_live *r)
{
	if (!r)
		return;
	if (r->nobj)
		rollup_done(&r->c);
	free(r->kr_obj);
	free(r->up);
	free(r);
}

size_t okr_team_progress(const okr_objective *objs, size_t nobj, const double *rolled, int64_t team,
			 double *out)
{
	double *v = okr_xcalloc(nobj + 1, sizeof *v), *w = okr_xcalloc(nobj + 1, sizeof *w);
	size_t k = 0;
	for (size_t i = 0; i < nobj; i++)
		if (team && objs[i].team_id == team) {
			v[k] = rolled[i];
			w[k++] = objs[i].weight;
		}
	*out = k ? okr_weighted_mean(v, w, k) : 0;
	free(v);
	free(w);
	return k;
}

double okr_default_grade(const okr_kr *kr)
{
	return round(okr_kr_progress(kr) * 100) / 100;
}

/* Grades are kept to two decimals; the small allowance keeps 0.7 computed
 * as 0.69999999… on the successful side. */
bool okr_grade_success(okr_obj_kind kind, double grade)
{
	double bar = kind == OBJ_ASPIRATIONAL ? 0.7 : 1.0;
	return grade >= bar - 1e-9;
}

const char *okr_status_name(okr_status s)
{
	return okr_label_msgid(&okr_statuses, s);
}
