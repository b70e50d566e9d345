/*
 * cycle.c — the current cycle is the one that contains today (cycle.h).
 *
 * A stored "current" flag alone went stale: the first cycle added stayed
 * current for ever, even one that started next quarter.  The dates decide;
 * the flag only breaks the tie between cycles, where no cycle contains today.
 */
#include "okr/cycle.h"

long okr_cycle_pick_current(const okr_cycle *v, size_t n, okr_day today)
{
	long chosen = -1, latest = -1;
	for (size_t i = 0; i < n; i++) {
		if (v[i].start <= today && today <= v[i].end)
			return (long)i;
		if (v[i].start > today)
			continue;
		if (v[i].current)
			chosen = (long)i;
		if (latest < 0 || v[i].start > v[latest].start)
			latest = (long)i;
	}
	return chosen >= 0 ? chosen : latest;
}

bool okr_cycle_overlaps(const okr_cycle *c, okr_day start, okr_day end)
{
	return c->start <= end && start <= c->end;
}

int okr_cycle_days_early(const okr_cycle *c, okr_day today)
{
	return today < c->end ? (int)(c->end - today) : 0;
}

okr_cycle_state okr_cycle_state_on(okr_cycle_state stored, okr_day start, okr_day today)
{
	if (stored == CYCLE_CLOSED)
		return CYCLE_CLOSED;
	return start > today ? CYCLE_PLANNING : CYCLE_ACTIVE;
}

bool okr_cycle_dates_ok(okr_day start, okr_day end)
{
	return end >= start;
}
