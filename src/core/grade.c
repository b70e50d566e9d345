/*
 * grade.c — see grade.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "okr/assess.h"
#include "okr/grade.h"
#include "okr/parse.h"
#include "okr/progress.h"
#include "okr/util.h"

/* Mid-cycle, one key result graded 0.9 beside two ungraded ones is not an
 * objective at 0.90: a grade of the whole exists only once every part has
 * one (or the cycle is closed, when the missing ones no longer come). */
double okr_grade_objective(const okr_snapshot *snap, const double *kr_scores, bool closed, size_t oi)
{
	size_t n = 0;
	for (size_t k = 0; k < snap->nkrs; k++)
		n += snap->krs[k].objective_id == snap->objs[oi].id;
	double *vals = okr_xcalloc(n ? n : 1, sizeof *vals), *wts = okr_xcalloc(n ? n : 1, sizeof *wts);
	size_t m = 0, missing = 0;
	/* key results are few per objective: a scan keeps this obvious */
	for (size_t k = 0; k < snap->nkrs; k++) {
		const okr_kr *kr = &snap->krs[k];
		if (kr->objective_id != snap->objs[oi].id || kr->archived)
			continue;
		if (isnan(kr_scores[k])) {
			missing++;
			continue;
		}
		vals[m] = kr_scores[k];
		wts[m++] = kr->weight;
	}
	double g = m && (closed || !missing) ? okr_weighted_mean(vals, wts, m) : NAN;
	free(vals);
	free(wts);
	return g;
}

void okr_grade_objectives(const okr_snapshot *snap, const double *kr_scores, bool closed, double *out)
{
	for (size_t o = 0; o < snap->nobjs; o++)
		out[o] = okr_grade_objective(snap, kr_scores, closed, o);
}

size_t okr_grade_count(const okr_snapshot *snap, const double *kr_scores, size_t oi, size_t *total)
{
	size_t graded = 0;
	*total = 0;
	for (size_t k = 0; k < snap->nkrs; k++) {
		const okr_kr *kr = &snap->krs[k];
		if (kr->objective_id != snap->objs[oi].id || kr->archived)
			continue;
		(*total)++;
		graded += !isnan(kr_scores[k]);
	}
	return graded;
}

/* Each part as it will most likely end: its grade when it has one, else its
 * forecast's projected grade; a milestone has no trend and counts as it
 * stands.  One part that cannot be projected leaves the whole unprojected,
 * the same rule as for a single key result. */
double okr_grade_projected(const okr_snapshot *snap, const double *kr_scores, const double *kr_projected,
			   size_t oi)
{
	double sum = 0, wsum = 0;
	size_t n = 0;
	for (size_t k = 0; k < snap->nkrs; k++) {
		const okr_kr *kr = &snap->krs[k];
		if (kr->objective_id != snap->objs[oi].id || kr->archived)
			continue;
		double g = !isnan(kr_scores[k]) ? kr_scores[k]
			 : kr->type == KR_MILESTONE ? okr_default_grade(kr) : kr_projected[k];
		if (isnan(g))
			return NAN;
		double w = isfinite(kr->weight) && kr->weight >= 0 ? kr->weight : 1;
		sum += w * g;
		wsum += w;
		n++;
	}
	if (!n)
		return NAN;
	return round((wsum > 0 ? sum / wsum : 0) * 100) / 100;
}

double *okr_grade_scores(const okr_snapshot *snap, const okr_grade *grades, size_t n)
{
	double *s = okr_xcalloc(snap->nkrs ? snap->nkrs : 1, sizeof *s);
	for (size_t k = 0; k < snap->nkrs; k++) {
		s[k] = NAN;
		for (size_t g = 0; g < n; g++)
			if (grades[g].kr_id == snap->krs[k].id)
				s[k] = grades[g].score;
	}
	return s;
}

/* Grades are kept to two decimals everywhere (the default is rounded so), so
 * a third decimal is a typo rather than precision. */
bool okr_grade_parse(const char *s, double *out)
{
	if (!s)
		return false;
	size_t i = 0, len = strlen(s);
	if (len == 0 || len > 4 || s[0] < '0' || s[0] > '9')
		return false;
	while (s[i] >= '0' && s[i] <= '9')
		i++;
	if (s[i] == '.') {
		size_t d = ++i;
		while (s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == d || i - d > 2)
			return false;
	}
	double v;
	if (s[i] != '\0' || !okr_parse_number(s, &v) || v < 0 || v > 1)
		return false;
	*out = v;
	return true;
}
