/*
 * scope.c — see scope.h.
 *
 * Teams nest (company → department → team), so "team T" takes in the teams
 * below T: a department lead's review or list covers its teams.  The walk up
 * the parent links stops after nteams steps, so a loop in them cannot hang.
 */
#include <string.h>

#include "okr/scope.h"

bool okr_list_has(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;
	while (n && *p) {
		p += strspn(p, ", ");
		size_t len = strcspn(p, ",");
		while (len && p[len - 1] == ' ')
			len--;
		if (len == n && !strncmp(p, name, n))
			return true;
		p += strcspn(p, ",");
	}
	return false;
}

bool okr_objective_mine(const okr_snapshot *snap, const okr_objective *o, const char *login)
{
	if (!strcmp(o->owner, login))
		return true;
	for (size_t i = 0; i < snap->nkrs; i++)
		if (snap->krs[i].objective_id == o->id && !strcmp(snap->krs[i].owner, login))
			return true;
	return false;
}

static const okr_team *team_named(const okr_snapshot *snap, const char *name)
{
	for (size_t i = 0; i < snap->nteams; i++)
		if (!strcmp(snap->teams[i].name, name))
			return &snap->teams[i];
	return NULL;
}

static bool under(const okr_snapshot *snap, const okr_team *t, const okr_team *top)
{
	for (size_t guard = 0; t && guard <= snap->nteams; guard++) {
		if (t == top)
			return true;
		const okr_team *up = NULL;
		for (size_t i = 0; i < snap->nteams && t->parent_id; i++)
			if (snap->teams[i].id == t->parent_id)
				up = &snap->teams[i];
		t = up;
	}
	return false;
}

bool okr_objective_in_team(const okr_snapshot *snap, const char *team, const okr_objective *o)
{
	const okr_team *top = team_named(snap, team);
	if (!top)
		return false;
	if (o->team[0] && under(snap, team_named(snap, o->team), top))
		return true;
	for (size_t i = 0; i < snap->npeople; i++) {
		const okr_person *p = &snap->people[i];
		if (strcmp(p->login, o->owner) != 0)
			continue;
		for (size_t t = 0; t < snap->nteams; t++)
			if (okr_list_has(p->teams, snap->teams[t].name) && under(snap, &snap->teams[t], top))
				return true;
	}
	return false;
}

bool okr_objective_my_team(const okr_snapshot *snap, const okr_objective *o, const char *login,
			   const char *my_teams)
{
	for (size_t t = 0; t < snap->nteams; t++)
		if (okr_list_has(my_teams, snap->teams[t].name) && okr_objective_in_team(snap, snap->teams[t].name, o))
			return true;
	return okr_objective_mine(snap, o, login);
}
