/*
 * forecast.h — where a key result is heading: a least-squares line through
 * its recent check-ins, projected to the due date (SPEC §3).
 */
#ifndef OKR_FORECAST_H
#define OKR_FORECAST_H

#include <stddef.h>
#include "okr/model.h"

enum {
	OKR_FORECAST_POINTS = 8,               /* the most recent check-ins used */
	OKR_FORECAST_MIN_SPAN = 7 * 86400      /* the points must span a week */
};

typedef struct {
	bool ok;            /* false: not enough history to say */
	double value;       /* projected value at the due date, inside [lo, hi] */
	double progress;    /* that value as raw progress */
	double grade;       /* projected grade: progress clamped, two decimals */
	double per_week;    /* slope, in units per week */
	double lo, hi;      /* the plausible range the value was bounded to */
} okr_forecast;

/* Forecast for a metric or threshold key result from its check-ins (any order).
 * With one check-in the line is anchored at (start_t, kr->start) for metrics
 * (start_t: when the key result began, okr_kr_began; after the check-in: no
 * anchor).
 * ok only when the points span at least OKR_FORECAST_MIN_SPAN; the value is
 * then bounded to [lo, hi] (see forecast.c).  Milestones, no check-ins and a
 * history too short to carry a line give ok = false: "not enough history
 * yet", and no projected grade either. */
okr_forecast okr_forecast_kr(const okr_kr *kr, const okr_checkin *cis, size_t n,
			     okr_time start_t, okr_time due_t);

#endif
