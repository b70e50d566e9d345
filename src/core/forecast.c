/*
 * forecast.c — see forecast.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "okr/forecast.h"
#include "okr/progress.h"
#include "okr/util.h"

typedef struct {
	double t, v;
} point;

/* Oldest first; equal times by id so that the choice of the most recent
 * points does not depend on qsort's whims. */
static int cmp_checkin(const void *a, const void *b)
{
	const okr_checkin *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Least squares through pts, evaluated at t.  Times are taken relative to
 * their mean: Unix seconds squared would lose the digits that matter. */
static bool fit_line(const point *pts, size_t n, double t, double *value,
		     double *slope)
{
	double mt = 0, mv = 0;
	for (size_t i = 0; i < n; i++) {
		mt += pts[i].t;
		mv += pts[i].v;
	}
	mt /= (double)n;
	mv /= (double)n;
	double sxx = 0, sxy = 0;
	for (size_t i = 0; i < n; i++) {
		double dt = pts[i].t - mt;
		sxx += dt * dt;
		sxy += dt * (pts[i].v - mv);
	}
	if (!(sxx > 0))
		return false;
	*slope = sxy / sxx;
	*value = mv + *slope * (t - mt);
	return isfinite(*value) && isfinite(*slope);
}

okr_forecast okr_forecast_kr(const okr_kr *kr, const okr_checkin *cis, size_t n,
			     okr_time start_t, okr_time due_t)
{
	okr_forecast f = { .ok = false };
	if (!kr || !cis || n == 0 || kr->type == KR_MILESTONE)
		return f;

	okr_checkin *sorted = okr_xcalloc(n, sizeof *sorted);
	memcpy(sorted, cis, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp_checkin);
	size_t from = n > OKR_FORECAST_POINTS ? n - OKR_FORECAST_POINTS : 0;

	point pts[OKR_FORECAST_POINTS + 1];
	size_t np = 0;
	/* A single reading says nothing about a trend by itself; for a metric
	 * the start value at the start time is the other known point.  A
	 * threshold's start value means nothing, so it has no second point. */
	if (n - from == 1) {
		if (kr->type != KR_METRIC) {
			free(sorted);
			return f;
		}
		pts[np++] = (point){ (double)start_t, kr->start };
	}
	for (size_t i = from; i < n; i++)
		pts[np++] = (point){ (double)sorted[i].at, sorted[i].value };
	free(sorted);

	double value, slope;
	if (!fit_line(pts, np, (double)due_t, &value, &slope))
		return f;

	okr_kr at_due = *kr;
	at_due.has_value = true;
	at_due.current = value;
	f.ok = true;
	f.value = value;
	f.progress = okr_kr_progress_raw(&at_due);
	f.grade = okr_default_grade(&at_due);
	f.per_week = slope * 7 * 86400;
	return f;
}
