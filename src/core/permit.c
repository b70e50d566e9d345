/*
 * permit.c — see permit.h.
 */
#include "okr/permit.h"

bool okr_may_checkin(okr_role role, int64_t me, int64_t kr_owner)
{
	return kr_owner == me || role != ROLE_MEMBER;
}

bool okr_may_manage_cycles(okr_role role)
{
	return role == ROLE_LEAD || role == ROLE_ADMIN;
}

bool okr_may_change_settings(okr_role role)
{
	return role == ROLE_LEAD || role == ROLE_ADMIN;
}

bool okr_may_manage_people(okr_role role)
{
	return role == ROLE_ADMIN;
}

bool okr_may_set_opt_out(int64_t me, int64_t person)
{
	return me == person;
}

bool okr_may_join_team(okr_role role, bool self)
{
	return self || role != ROLE_MEMBER;
}
