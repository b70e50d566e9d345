/*
 * permit.h — who may do what, as pure functions of the person and the item,
 * so that the store's write path (which enforces them) and the full-screen
 * view (which says so before a form opens, and offers what the person may do
 * instead) give the same answer.
 */
#ifndef OKR_PERMIT_H
#define OKR_PERMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "okr/model.h"

/* A key result is checked in by its owner, or by a lead or an admin. */
bool okr_may_checkin(okr_role role, int64_t me, int64_t kr_owner);

/* Cycles (add, edit their name and dates, choose the current one) are the
 * team's calendar: leads and admins keep it. */
bool okr_may_manage_cycles(okr_role role);

/* The team settings (the scoring rules, status thresholds, rollup, time
 * zone, week start, leaderboard bands) are the same for everyone: leads and
 * admins change them. */
bool okr_may_change_settings(okr_role role);

/* People and teams (add a person, change a role) are an admin's. */
bool okr_may_manage_people(okr_role role);

/* Joining a team: anyone joins one themselves; leads and admins add others. */
bool okr_may_join_team(okr_role role, bool self);

/* Whether someone shows on the public leaderboard is their own choice:
 * nobody hides, or unhides, another person. */
bool okr_may_set_opt_out(int64_t me, int64_t person);

#endif
