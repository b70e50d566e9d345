/*
 * plan.h — the next cycle planned from this one (SPEC §12, okr cycle plan):
 * which objectives and key results of a cycle are copied, in what order,
 * and what each copy starts from.  Pure: the store applies a plan in one
 * transaction (okr_store_cycle_plan) through its own add functions, so a
 * copy obeys every rule a new objective or key result does.
 *
 * What is copied: titles, descriptions, owners, teams, kinds, weights,
 * alignment (to the copy of the parent when the parent is copied too, else
 * none), key results' type, target, unit, decimals, frequency and KPI link.
 * A metric key result starts from its last value (its start when it has
 * none, or when the last value already meets the target).  Nothing of the
 * history — check-ins, comments, kudos, grades — is copied; due dates fall
 * to the new cycle's end.
 */
#ifndef OKR_PLAN_H
#define OKR_PLAN_H

#include <stddef.h>
#include "okr/model.h"

typedef struct {
	size_t obj;           /* index into snap->objs */
	long parent;          /* index into okr_plan.objs of the parent's copy, -1: none */
	bool parent_dropped;  /* it had a parent that is not copied: the copy is top level */
	size_t *krs;          /* indices into snap->krs */
	size_t nkrs;
} okr_plan_obj;

typedef struct okr_plan {
	okr_plan_obj *objs;   /* parents before their children */
	size_t nobjs, nkrs;
} okr_plan;

typedef struct {
	okr_id_kind kind;     /* ID_OBJECTIVE (with all its key results) or ID_KR (with its objective) */
	int64_t id;
} okr_plan_pick;

/* The plan for snap's cycle: every open objective with its open key results,
 * or only the picks (none: everything).  Returns -1, or the index of the
 * first pick that is not an open item of this cycle (out is then empty). */
long okr_plan_make(const okr_snapshot *snap, const okr_plan_pick *picks, size_t npicks, okr_plan *out);
/* The start value of k's copy (metric key results; others: k->start). */
double okr_plan_start(const okr_kr *k);
void okr_plan_free(okr_plan *p);

#endif
