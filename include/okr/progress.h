/*
 * progress.h — the arithmetic of SPEC §3: how far a key result has come, how
 * far it should have come by now, what that gap means, and how objectives roll
 * up.  Pure functions of their arguments: no clock, no I/O.
 */
#ifndef OKR_PROGRESS_H
#define OKR_PROGRESS_H

#include <stddef.h>
#include "okr/model.h"

typedef enum {
	ROLLUP_KRS,        /* an objective is the weighted mean of its key results */
	ROLLUP_CHILDREN,   /* ... of its aligned child objectives (its KRs if it has none) */
	ROLLUP_BOTH        /* ... of both, each child objective counted like one KR */
} okr_rollup_mode;

typedef struct {
	double at_risk;    /* expected − actual above this: at risk  (default 0.15) */
	double off_track;  /* expected − actual above this: off track (default 0.30) */
} okr_status_rules;

/* Raw progress, not clamped: 1.2 for 120 %.  Metric: signed fraction of the way
 * from start to target (start = target: 1 once reached, else 0).  Threshold and
 * milestone: 0 or 1.  No value yet: 0. */
double okr_kr_progress_raw(const okr_kr *kr);

/* Progress clamped to [0, 1], as rollups and grades use it. */
double okr_kr_progress(const okr_kr *kr);

/* Expected progress at `now`: linear from the start of `start` to the end of
 * `due` (both day numbers, due inclusive), clamped to [0, 1]. */
double okr_expected(okr_day start, okr_day due, okr_time now);

/* Seconds after which silence makes a key result outdated. */
okr_time okr_frequency_seconds(okr_frequency f);

/* Status of one key result at `now`.  Done wins; then outdated (no check-in
 * within its frequency once the period has begun: silence is never green);
 * then the gap between expected and actual progress. */
okr_status okr_kr_status(const okr_kr *kr, okr_day start, okr_day due,
			 okr_time now, const okr_status_rules *rules);

/* When a key result's own period began: the later of the start day and the
 * moment it was added. */
okr_time okr_kr_began(const okr_kr *kr, okr_day start);

/* Status for an objective from its rolled-up progress. */
okr_status okr_progress_status(double progress, double expected,
			       const okr_status_rules *rules);

/* Weighted mean of values: a weight that is NaN or negative counts as 1 (the
 * default), zero weights drop out, and if every weight is zero the plain mean
 * is used.  n = 0 gives 0. */
double okr_weighted_mean(const double *values, const double *weights, size_t n);

/* Progress of every objective, written to out[i] for objs[i]: the weighted
 * mean of its (non-archived) key results and/or aligned children by `mode`.
 * Cycles in the parent links are cut, never followed forever. */
void okr_rollup(const okr_objective *objs, size_t nobj,
		const okr_kr *krs, size_t nkr,
		okr_rollup_mode mode, double *out);
/* The same, and filled[i] (when not NULL) tells whether objs[i] has a key
 * result of its own or below it.  An objective without one is "no key
 * results yet": its 0 means nothing, and it does not count in its parent. */
void okr_rollup_filled(const okr_objective *objs, size_t nobj,
		       const okr_kr *krs, size_t nkr,
		       okr_rollup_mode mode, double *out, bool *filled);

/* A rollup kept up to date while key results change one at a time (an
 * objective's progress over its history): _new rolls up into out as
 * okr_rollup does and keeps what it needs; after the caller changed krs[k]
 * (the array it passed, still its own), _kr(k) brings out up to date by
 * recomputing only the objectives krs[k] counts in — the same numbers as a
 * whole new okr_rollup.  The objectives and out must outlive it. */
typedef struct okr_rollup_live okr_rollup_live;
okr_rollup_live *okr_rollup_live_new(const okr_objective *objs, size_t nobj, const okr_kr *krs, size_t nkr,
				     okr_rollup_mode mode, double *out);
void okr_rollup_live_kr(okr_rollup_live *r, size_t k);
void okr_rollup_live_free(okr_rollup_live *r);

/* A team's progress: the weighted mean (objective weights) of the rolled-up
 * progress of its own objectives, rolled[i] being okr_rollup_filled's for
 * objs[i] over the whole cycle.  Returns how many objectives it has; with
 * none *out is 0 and means nothing. */
size_t okr_team_progress(const okr_objective *objs, size_t nobj, const double *rolled, int64_t team,
			 double *out);

/* The default grade of a key result at close: its clamped progress, rounded
 * to two decimals. */
double okr_default_grade(const okr_kr *kr);

/* Google's convention: 1.0 is expected of committed objectives, 0.7 is
 * success for aspirational ones. */
bool okr_grade_success(okr_obj_kind kind, double grade);

const char *okr_status_name(okr_status s);   /* "on track", … (not translated) */

#endif
