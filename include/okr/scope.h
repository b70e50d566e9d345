/*
 * scope.h — whose objectives: "mine", "my team", "team T".  One answer for
 * the TUI's filter (f), `okr list --mine/--team`, `okr review --team` and
 * `okr review --mine`, so that the same person sees the same objectives in
 * every front end.  Pure: it reads only the snapshot it is handed.
 */
#ifndef OKR_SCOPE_H
#define OKR_SCOPE_H

#include <stdbool.h>
#include "okr/model.h"

/* name is one of the entries of a "a, b, c" list (a person's teams). */
bool okr_list_has(const char *list, const char *name);

/* Mine: I own the objective or one of its key results. */
bool okr_objective_mine(const okr_snapshot *snap, const okr_objective *o, const char *login);

/* Team T: the objective's team is T or a team below it (by parent links), or
 * its owner belongs to such a team.  An unknown T has no objectives. */
bool okr_objective_in_team(const okr_snapshot *snap, const char *team, const okr_objective *o);

/* My team: in one of my teams (my_teams, a "a, b" list) as above, or mine. */
bool okr_objective_my_team(const okr_snapshot *snap, const okr_objective *o, const char *login,
			   const char *my_teams);

#endif
