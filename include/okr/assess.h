/*
 * assess.h — progress and status of every item of a snapshot at one moment,
 * computed once so that the list, the detail, the TUI and the exports all
 * agree.  Pure: the caller supplies `now` and the rules.
 */
#ifndef OKR_ASSESS_H
#define OKR_ASSESS_H

#include "okr/model.h"
#include "okr/progress.h"

typedef struct {
	double raw;          /* progress, not clamped (1.2 = 120 %) */
	double progress;     /* clamped to [0, 1] */
	double expected;     /* where it should be by now */
	okr_status status;
	okr_day due;         /* the due day in force (KR: its own, else the cycle end) */
} okr_assessment;

typedef struct {
	okr_assessment *objs;    /* parallel to snap->objs */
	okr_assessment *krs;     /* parallel to snap->krs */
} okr_assessments;

/* The cycle of the snapshot (NULL when it has none). */
const okr_cycle *okr_snapshot_cycle(const okr_snapshot *snap);

/* Position of objective id in snap->objs (sorted by ID), or -1. */
long okr_snapshot_objective_index(const okr_snapshot *snap, int64_t id);

/* The objectives in tree order (depth first by alignment, IDs ascending among
 * siblings; an objective whose parent is missing or loops counts as a root):
 * order[i] is an index into snap->objs, depth[i] its depth.  Both arrays
 * have snap->nobjs entries. */
void okr_tree_order(const okr_snapshot *snap, size_t *order, int *depth);

void okr_assess(const okr_snapshot *snap, okr_rollup_mode mode, const okr_status_rules *rules,
		okr_time now, okr_assessments *out);
/* "640 / 1000", "87 (≥ 85)", "done" / "not done"; "— / 1000" before any
 * check-in.  The unit is not included (it is database text: the caller
 * sanitises it). */
const char *okr_kr_value_text(const okr_kr *kr, char *buf, size_t len);
/* What a check-in is confirmed with, in the CLI and the TUI alike:
 * "725 / 1000 users  72%".  The unit is database text: sanitise the result. */
const char *okr_kr_summary_text(const okr_kr *kr, char *buf, size_t len);

/* One part of an objective's rollup, for showing how its progress is made. */
typedef struct {
	char kind;            /* 'K' a key result, 'O' an aligned child */
	int64_t id;
	const char *title;    /* borrowed from the snapshot */
	double progress;      /* clamped, as the rollup counts it */
	double weight;
} okr_rollup_part;

/* The parts that make snap->objs[oi]'s progress under `mode` (children
 * first, then key results); *out is malloc'd, NULL when there are none. */
size_t okr_rollup_parts(const okr_snapshot *snap, const okr_assessments *as, okr_rollup_mode mode,
			size_t oi, okr_rollup_part **out);

void okr_assessments_free(okr_assessments *a);

#endif
