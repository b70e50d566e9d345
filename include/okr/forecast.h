/*
 * forecast.h — where a key result is heading: a least-squares line through
 * its recent check-ins, projected to the due date (SPEC §3).
 */
#ifndef OKR_FORECAST_H
#define OKR_FORECAST_H

#include <stddef.h>
#include "okr/model.h"

enum { OKR_FORECAST_POINTS = 8 };   /* the most recent check-ins used */

typedef struct {
	bool ok;            /* false: not enough data to say */
	double value;       /* projected value at the due date */
	double progress;    /* that value as raw progress */
	double grade;       /* projected grade: progress clamped, two decimals */
	double per_week;    /* slope, in units per week */
} okr_forecast;

/* Forecast for a metric or threshold key result from its check-ins (any order).
 * With one check-in the line is anchored at (start_t, kr->start) for metrics.
 * Milestones and no check-ins give ok = false. */
okr_forecast okr_forecast_kr(const okr_kr *kr, const okr_checkin *cis, size_t n,
			     okr_time start_t, okr_time due_t);

#endif
