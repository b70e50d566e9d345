/*
 * cycle.h — which cycle is current, and what a cycle's dates mean today.
 * Pure: the store and both front ends ask these, with today's date, so that
 * `okr cycle list`, the TUI and every write agree.
 */
#ifndef OKR_CYCLE_H
#define OKR_CYCLE_H

#include <stdbool.h>
#include <stddef.h>
#include "okr/model.h"

/* The current cycle among v[0..n): the one whose days contain today (cycles
 * never overlap, so there is at most one).  Between cycles: the one a lead
 * chose (`okr cycle current`, okr_cycle.current as stored) if it has
 * started, else the one that began most recently.  -1 when every cycle
 * starts in the future (or there is none): a cycle planned ahead is never
 * current before its first day. */
long okr_cycle_pick_current(const okr_cycle *v, size_t n, okr_day today);

/* A cycle's dates make sense: it does not end before it starts. */
bool okr_cycle_dates_ok(okr_day start, okr_day end);

/* Whether [start, end] shares a day with c. */
bool okr_cycle_overlaps(const okr_cycle *c, okr_day start, okr_day end);

/* Days from today to the cycle's last day when closing today would be
 * early (today before its last day), else 0. */
int okr_cycle_days_early(const okr_cycle *c, okr_day today);

/* The state as people read it: closed when closed, planning before its
 * first day, active from then on. */
okr_cycle_state okr_cycle_state_on(okr_cycle_state stored, okr_day start, okr_day today);

#endif
