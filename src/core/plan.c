/*
 * plan.c — see plan.h.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/assess.h"
#include "okr/plan.h"
#include "okr/util.h"

double okr_plan_start(const okr_kr *k)
{
	if (k->type != KR_METRIC || !k->has_value || k->current == k->target)
		return k->start;
	return k->current;
}

static long kr_index(const okr_snapshot *snap, int64_t id)
{
	for (size_t i = 0; i < snap->nkrs; i++)
		if (snap->krs[i].id == id && !snap->krs[i].archived)
			return (long)i;
	return -1;
}

/* Which objectives and key results the picks choose: want_obj[i] for
 * snap->objs[i]; want_kr[k] for snap->krs[k]. */
static long choose(const okr_snapshot *snap, const okr_plan_pick *picks, size_t npicks, bool *want_obj,
		   bool *want_kr)
{
	for (size_t p = 0; p < npicks; p++) {
		if (picks[p].kind == ID_OBJECTIVE) {
			long o = okr_snapshot_objective_index(snap, picks[p].id);
			if (o < 0 || snap->objs[o].archived)
				return (long)p;
			want_obj[o] = true;
			for (size_t k = 0; k < snap->nkrs; k++)
				if (snap->krs[k].objective_id == picks[p].id && !snap->krs[k].archived)
					want_kr[k] = true;
		} else if (picks[p].kind == ID_KR) {
			long k = kr_index(snap, picks[p].id);
			long o = k < 0 ? -1 : okr_snapshot_objective_index(snap, snap->krs[k].objective_id);
			if (o < 0 || snap->objs[o].archived)
				return (long)p;
			want_kr[k] = true;
			want_obj[o] = true;
		} else {
			return (long)p;
		}
	}
	return -1;
}

long okr_plan_make(const okr_snapshot *snap, const okr_plan_pick *picks, size_t npicks, okr_plan *out)
{
	memset(out, 0, sizeof *out);
	size_t n = snap->nobjs ? snap->nobjs : 1;
	bool *want_obj = okr_xcalloc(n, sizeof *want_obj);
	bool *want_kr = okr_xcalloc(snap->nkrs ? snap->nkrs : 1, sizeof *want_kr);
	long *copy_of = okr_xcalloc(n, sizeof *copy_of);
	size_t *order = okr_xcalloc(n, sizeof *order);
	int *depth = okr_xcalloc(n, sizeof *depth);
	long bad = -1;
	if (npicks) {
		bad = choose(snap, picks, npicks, want_obj, want_kr);
	} else {
		for (size_t i = 0; i < snap->nobjs; i++)
			want_obj[i] = !snap->objs[i].archived;
		for (size_t k = 0; k < snap->nkrs; k++)
			want_kr[k] = !snap->krs[k].archived;
	}
	if (bad < 0) {
		out->objs = okr_xcalloc(n, sizeof *out->objs);
		okr_tree_order(snap, order, depth);
		for (size_t i = 0; i < snap->nobjs; i++)
			copy_of[i] = -1;
		for (size_t t = 0; t < snap->nobjs; t++) {
			size_t o = order[t];
			if (!want_obj[o])
				continue;
			okr_plan_obj *po = &out->objs[out->nobjs];
			po->obj = o;
			long parent = snap->objs[o].parent_id ? okr_snapshot_objective_index(snap, snap->objs[o].parent_id) : -1;
			po->parent = parent >= 0 ? copy_of[parent] : -1;
			po->parent_dropped = snap->objs[o].parent_id && po->parent < 0;
			po->krs = okr_xcalloc(snap->nkrs ? snap->nkrs : 1, sizeof *po->krs);
			for (size_t k = 0; k < snap->nkrs; k++)
				if (want_kr[k] && snap->krs[k].objective_id == snap->objs[o].id)
					po->krs[po->nkrs++] = k;
			out->nkrs += po->nkrs;
			copy_of[o] = (long)out->nobjs++;
		}
	}
	free(want_obj);
	free(want_kr);
	free(copy_of);
	free(order);
	free(depth);
	return bad;
}

void okr_plan_free(okr_plan *p)
{
	for (size_t i = 0; i < p->nobjs; i++)
		free(p->objs[i].krs);
	free(p->objs);
	memset(p, 0, sizeof *p);
}
