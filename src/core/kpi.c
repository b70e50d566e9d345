/*
 * kpi.c — see kpi.h.
 */
#include "okr/kpi.h"
#include "okr/progress.h"

bool okr_kpi_value_meets(const okr_kpi *k, double value)
{
	return k->dir == DIR_AT_MOST ? value <= k->target : value >= k->target;
}

okr_kpi_health okr_kpi_health_of(const okr_kpi *k)
{
	if (!k->has_value)
		return KPI_HEALTH_NONE;
	return okr_kpi_value_meets(k, k->latest) ? KPI_HEALTH_MEETS : KPI_HEALTH_MISSES;
}

okr_time okr_kpi_next_due(const okr_kpi *k)
{
	return k->has_value ? k->last_at + okr_frequency_seconds(k->every) : 0;
}

bool okr_kpi_outdated(const okr_kpi *k, okr_time now)
{
	return !k->has_value || now > okr_kpi_next_due(k);
}
