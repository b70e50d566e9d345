/*
 * kpi.h — how a KPI stands (SPEC §2, §3): whether its latest value meets the
 * target, and whether a value is overdue by its tracking frequency ("silence
 * is never green" holds for KPIs as for key results).
 *
 * Pure: the caller supplies `now`, so the TUI's KPI view, `okr due`, the
 * command line and the tests agree on one answer.
 */
#ifndef OKR_KPI_H
#define OKR_KPI_H

#include <stdbool.h>
#include <stddef.h>
#include "okr/model.h"

typedef enum {
	KPI_HEALTH_NONE,     /* no value yet: nothing to judge */
	KPI_HEALTH_MEETS,    /* the latest value is on the good side of the target (the target itself counts) */
	KPI_HEALTH_MISSES
} okr_kpi_health;

/* value judged against k's target and direction. */
bool okr_kpi_value_meets(const okr_kpi *k, double value);

/* The latest value judged against the target; NONE before the first value. */
okr_kpi_health okr_kpi_health_of(const okr_kpi *k);

/* When the next value falls due: the latest value's time plus the tracking
 * frequency; 0 when there is no value yet (due at once). */
okr_time okr_kpi_next_due(const okr_kpi *k);

/* A value is overdue at `now`: none yet, or the latest is older than the
 * tracking frequency (exactly one period old is still on time). */
bool okr_kpi_outdated(const okr_kpi *k, okr_time now);

#endif
