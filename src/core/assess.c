/*
 * assess.c — see assess.h.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "okr/assess.h"
#include "okr/parse.h"
#include "okr/i18n.h"
#include "okr/util.h"

const okr_cycle *okr_snapshot_cycle(const okr_snapshot *snap)
{
	for (size_t i = 0; i < snap->ncycles; i++)
		if (snap->cycles[i].id == snap->cycle_id)
			return &snap->cycles[i];
	return NULL;
}

long okr_snapshot_objective_index(const okr_snapshot *snap, int64_t id)
{
	size_t i = okr_lower_bound(snap->objs, snap->nobjs, sizeof *snap->objs, offsetof(okr_objective, id), id);
	return i < snap->nobjs && snap->objs[i].id == id ? (long)i : -1;
}

void okr_assess(const okr_snapshot *snap, okr_rollup_mode mode, const okr_status_rules *rules,
		okr_time now, okr_assessments *out)
{
	const okr_cycle *cy = okr_snapshot_cycle(snap);
	okr_day start = cy ? cy->start : okr_day_of(now);
	okr_day end = cy ? cy->end : okr_day_of(now);
	out->objs = okr_xcalloc(snap->nobjs ? snap->nobjs : 1, sizeof *out->objs);
	out->krs = okr_xcalloc(snap->nkrs ? snap->nkrs : 1, sizeof *out->krs);

	for (size_t i = 0; i < snap->nkrs; i++) {
		const okr_kr *k = &snap->krs[i];
		okr_assessment *a = &out->krs[i];
		a->due = k->due > 0 ? k->due : end;
		a->raw = okr_kr_progress_raw(k);
		a->progress = okr_kr_progress(k);
		a->expected = okr_expected(start, a->due, now);
		a->status = okr_kr_status(k, start, a->due, now, rules);
	}
	double *prog = okr_xcalloc(snap->nobjs ? snap->nobjs : 1, sizeof *prog);
	bool *filled = okr_xcalloc(snap->nobjs ? snap->nobjs : 1, sizeof *filled);
	okr_rollup_filled(snap->objs, snap->nobjs, snap->krs, snap->nkrs, mode, prog, filled);
	/* An objective none of whose key results has news is outdated too:
	 * count, per objective, its KRs and its outdated KRs. */
	int *nkr = okr_xcalloc(snap->nobjs ? snap->nobjs : 1, sizeof *nkr);
	int *nold = okr_xcalloc(snap->nobjs ? snap->nobjs : 1, sizeof *nold);
	int *nnew = okr_xcalloc(snap->nobjs ? snap->nobjs : 1, sizeof *nnew);
	for (size_t k = 0; k < snap->nkrs; k++) {
		long o = okr_snapshot_objective_index(snap, snap->krs[k].objective_id);
		if (o < 0)
			continue;
		nkr[o]++;
		nold[o] += out->krs[k].status == STATUS_OUTDATED;
		nnew[o] += out->krs[k].status == STATUS_NEW;
	}
	double expected = okr_expected(start, end, now);
	for (size_t i = 0; i < snap->nobjs; i++) {
		okr_assessment *a = &out->objs[i];
		a->raw = a->progress = prog[i];
		a->expected = expected;
		a->due = end;
		a->status = okr_progress_status(prog[i], expected, rules);
		if (nkr[i] && nkr[i] == nold[i])
			a->status = STATUS_OUTDATED;
		if (nkr[i] && nkr[i] == nnew[i])
			a->status = STATUS_NEW;
		if (!filled[i])
			a->status = STATUS_EMPTY;
	}
	free(filled);
	free(nkr);
	free(nold);
	free(nnew);
	free(prog);
}

void okr_assessments_free(okr_assessments *a)
{
	free(a->objs);
	free(a->krs);
	a->objs = a->krs = NULL;
}

/*
 * Depth-first walk with an explicit stack.  Children are found by scanning
 * for their parent's position once (first-child / next-sibling links), so the
 * walk is linear in the number of objectives.
 */
void okr_tree_order(const okr_snapshot *snap, size_t *order, int *depth)
{
	size_t n = snap->nobjs;
	if (!n)
		return;
	long *parent = okr_xmalloc(n * sizeof *parent);
	long *first = okr_xmalloc(n * sizeof *first);
	long *next = okr_xmalloc(n * sizeof *next);
	long *last = okr_xmalloc(n * sizeof *last);
	bool *seen = okr_xcalloc(n, sizeof *seen);
	for (size_t i = 0; i < n; i++) {
		first[i] = next[i] = last[i] = -1;
		parent[i] = snap->objs[i].parent_id ? okr_snapshot_objective_index(snap, snap->objs[i].parent_id) : -1;
	}
	/* A parent chain that returns to its start is a loop: cut it there. */
	for (size_t i = 0; i < n; i++) {
		long p = parent[i];
		size_t steps = 0;
		while (p >= 0 && (size_t)p != i && steps++ < n)
			p = parent[p];
		if (p >= 0 && (size_t)p == i)
			parent[i] = -1;
	}
	for (size_t i = 0; i < n; i++) {
		long p = parent[i];
		if (p < 0)
			continue;
		if (last[p] < 0)
			first[p] = (long)i;
		else
			next[last[p]] = (long)i;
		last[p] = (long)i;
	}
	long *stack = okr_xmalloc(n * sizeof *stack);
	int *sdepth = okr_xmalloc(n * sizeof *sdepth);
	size_t out = 0;
	for (size_t root = 0; root < n; root++) {
		if (parent[root] >= 0 || seen[root])
			continue;
		size_t sp = 0;
		stack[sp] = (long)root;
		sdepth[sp++] = 0;
		while (sp) {
			long cur = stack[--sp];
			int d = sdepth[sp];
			if (seen[cur])
				continue;
			seen[cur] = true;
			order[out] = (size_t)cur;
			depth[out++] = d;
			/* push children in reverse so the lowest ID comes out first */
			size_t mark = sp;
			for (long c = first[cur]; c >= 0 && sp < n; c = next[c]) {
				stack[sp] = c;
				sdepth[sp++] = d + 1;
			}
			for (size_t a = mark, b = sp ? sp - 1 : 0; a < b; a++, b--) {
				long t = stack[a];
				stack[a] = stack[b];
				stack[b] = t;
			}
		}
	}
	/* Anything unreached (inside a cut loop) still appears, at the end. */
	for (size_t i = 0; i < n && out < n; i++)
		if (!seen[i]) {
			order[out] = i;
			depth[out++] = 0;
		}
	free(parent);
	free(first);
	free(next);
	free(last);
	free(seen);
	free(stack);
	free(sdepth);
}

const char *okr_kr_value_text(const okr_kr *kr, char *buf, size_t len)
{
	char cur[48], tgt[48];
	if (kr->type == KR_MILESTONE) {
		snprintf(buf, len, "%s", kr->has_value && kr->current >= 0.5 ? _("done") : _("not done"));
		return buf;
	}
	if (kr->has_value)
		okr_format_value(kr->current, kr->decimals, cur, sizeof cur);
	else
		snprintf(cur, sizeof cur, "—");
	okr_format_value(kr->target, kr->decimals, tgt, sizeof tgt);
	if (kr->type == KR_THRESHOLD)
		snprintf(buf, len, "%s (%s %s)", cur, kr->dir == DIR_AT_MOST ? "≤" : "≥", tgt);
	else
		snprintf(buf, len, "%s / %s", cur, tgt);
	return buf;
}

const char *okr_kr_summary_text(const okr_kr *kr, char *buf, size_t len)
{
	char val[128];
	okr_kr_value_text(kr, val, sizeof val);
	bool unit = kr->unit[0] && kr->type != KR_MILESTONE;
	snprintf(buf, len, "%s%s%s  %.0f%%", val, unit ? " " : "", unit ? kr->unit : "",
		 okr_kr_progress_raw(kr) * 100);
	return buf;
}

/* The same choice of parts as the rollup itself (progress.c node_value):
 * aligned children that have key results unless the mode counts key results
 * only, and the objective's own key results unless the mode counts children
 * only and there are some. */
size_t okr_rollup_parts(const okr_snapshot *snap, const okr_assessments *as, okr_rollup_mode mode,
			size_t oi, okr_rollup_part **out)
{
	const okr_objective *o = &snap->objs[oi];
	okr_rollup_part *v = NULL;
	size_t n = 0, cap = 0, nchild = 0;
	for (size_t i = 0; mode != ROLLUP_KRS && i < snap->nobjs; i++) {
		const okr_objective *c = &snap->objs[i];
		if (i == oi || c->parent_id != o->id || c->archived || as->objs[i].status == STATUS_EMPTY)
			continue;
		okr_xgrow(&v, &cap, n + 1, sizeof *v);
		v[n++] = (okr_rollup_part){ 'O', c->id, c->title, as->objs[i].progress, c->weight };
		nchild++;
	}
	for (size_t k = 0; (mode != ROLLUP_CHILDREN || !nchild) && k < snap->nkrs; k++) {
		const okr_kr *kr = &snap->krs[k];
		if (kr->objective_id != o->id || kr->archived)
			continue;
		okr_xgrow(&v, &cap, n + 1, sizeof *v);
		v[n++] = (okr_rollup_part){ 'K', kr->id, kr->title, as->krs[k].progress, kr->weight };
	}
	*out = v;
	return n;
}
