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

void okr_grade_objectives(const okr_snapshot *snap, const double *kr_scores, double *out)
{
	size_t n = snap->nkrs ? snap->nkrs : 1;
	double *vals = okr_xcalloc(n, sizeof *vals), *wts = okr_xcalloc(n, sizeof *wts);
	for (size_t o = 0; o < snap->nobjs; o++) {
		size_t m = 0;
		/* key results are few per objective: a scan keeps this obvious */
		for (size_t k = 0; k < snap->nkrs; k++) {
			const okr_kr *kr = &snap->krs[k];
			if (kr->objective_id != snap->objs[o].id || kr->archived || isnan(kr_scores[k]))
				continue;
			vals[m] = kr_scores[k];
			wts[m++] = kr->weight;
		}
		out[o] = m ? okr_weighted_mean(vals, wts, m) : NAN;
	}
	free(vals);
	free(wts);
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
