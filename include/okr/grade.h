/*
 * grade.h — grades at cycle close (SPEC §2, §3): an objective's grade is the
 * weighted mean of its key results' grades, judged against Google's bar
 * (okr_grade_success: 1.0 for committed, 0.7 for aspirational objectives).
 * Pure.
 */
#ifndef OKR_GRADE_H
#define OKR_GRADE_H

#include <stddef.h>
#include "okr/model.h"

/* kr_scores[i] is the grade of snap->krs[i], NaN when it has none.  Writes
 * out[i] for snap->objs[i]: the weighted mean (key-result weights) of its
 * graded, non-archived key results — NaN unless every one of them is graded
 * (or, with `closed`, at least one is): before that an objective has
 * progress and a projected grade, not a grade. */
void okr_grade_objectives(const okr_snapshot *snap, const double *kr_scores, bool closed, double *out);

/* The same for snap->objs[oi] alone (what a screen showing one objective
 * needs). */
double okr_grade_objective(const okr_snapshot *snap, const double *kr_scores, bool closed, size_t oi);

/* How many of snap->objs[oi]'s non-archived key results are graded, of
 * *total. */
size_t okr_grade_count(const okr_snapshot *snap, const double *kr_scores, size_t oi, size_t *total);

/* The grade snap->objs[oi] is heading for: the weighted mean of each key
 * result's grade, else its projected grade (kr_projected[k], NaN when its
 * forecast has not enough history), a milestone as it stands; NaN when any
 * part cannot be projected or there are none.  Two decimals. */
double okr_grade_projected(const okr_snapshot *snap, const double *kr_scores, const double *kr_projected,
			   size_t oi);

/* kr_scores parallel to snap->krs from a list of grades (NaN: ungraded).
 * The caller frees the result. */
double *okr_grade_scores(const okr_snapshot *snap, const okr_grade *grades, size_t n);

/* Parse a grade as people type it: a plain decimal number from 0 to 1 with
 * at most two decimals ("0.7", "1", ".85" is refused: write 0.85). */
bool okr_grade_parse(const char *s, double *out);

#endif
