/*
 * permit.c — see permit.h.
 */
#include "okr/permit.h"

bool okr_may_checkin(okr_role role, int64_t me, int64_t kr_owner)
{
	return kr_owner == me || role != ROLE_MEMBER;
}
