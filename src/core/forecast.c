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

/* Enough history: a line fitted to readings taken within minutes of each
 * other turns noise into a slope (640, 700, 900 in a minute is +1 million a
 * week).  The points must span a week, the default check-in period: two
 * readings a period apart are the least that say where a key result is
 * heading.  Checked on the points actually used, so a burst of corrections
 * on one day does not count as history. */
static bool enough_history(const point *pts, size_t n)
{
	if (n < 2)
		return false;
	double lo = pts[0].t, hi = pts[0].t;
	for (size_t i = 1; i < n; i++) {
		lo = fmin(lo, pts[i].t);
		hi = fmax(hi, pts[i].t);
	}
	return hi - lo >= OKR_FORECAST_MIN_SPAN;
}

/* A plausible range: as far again beyond the readings, start and target as
 * they span themselves, and never across zero when nothing observed was on
 * the other side (a response time or a count of customers does not go
 * negative).  Even a sound line is only a guess this far out; the bound
 * keeps one odd reading from projecting an absurd number. */
static void plausible(const okr_kr *kr, const point *pts, size_t n, double *lo, double *hi)
{
	double a = kr->target, b = kr->target;
	if (kr->type == KR_METRIC) {
		a = fmin(a, kr->start);
		b = fmax(b, kr->start);
	}
	for (size_t i = 0; i < n; i++) {
		a = fmin(a, pts[i].v);
		b = fmax(b, pts[i].v);
	}
	double span = b - a > 0 ? b - a : fmax(fabs(b), 1);
	*lo = a - span;
	*hi = b + span;
	if (a >= 0 && *lo < 0)
		*lo = 0;
	if (b <= 0 && *hi > 0)
		*hi = 0;
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
		/* A start "after" the reading means the history predates the
		 * key result's record (an import, the demo): no known start. */
		if (kr->type != KR_METRIC || (double)start_t >= (double)sorted[from].at) {
			free(sorted);
			return f;
		}
		pts[np++] = (point){ (double)start_t, kr->start };
	}
	for (size_t i = from; i < n; i++)
		pts[np++] = (point){ (double)sorted[i].at, sorted[i].value };
	free(sorted);

	double value, slope;
	if (!enough_history(pts, np) || !fit_line(pts, np, (double)due_t, &value, &slope))
		return f;
	plausible(kr, pts, np, &f.lo, &f.hi);
	value = fmin(fmax(value, f.lo), f.hi);

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
