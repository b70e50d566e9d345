/*
 * actions.c — the table behind actions.h, expanded from the one X-macro list
 * so that names, default keys and help can never drift apart.
 */
#include <string.h>

#include "okr/actions.h"

const okr_action_info okr_action_table[ACT_COUNT] = {
#define OKR_ACTION_INFO(id, scope, name, keys, help) [ACT_##id] = { OKR_SCOPE_##scope, name, keys, help },
	OKR_ACTIONS(OKR_ACTION_INFO)
#undef OKR_ACTION_INFO
};

/* Exact match: these are the spellings okr.conf and `:` document, and a
 * linear scan over a few dozen names costs nothing next to a key press. */
okr_action okr_action_by_name(const char *name)
{
	if (!name)
		return ACT_NONE;
	for (int i = 0; i < ACT_COUNT; i++)
		if (strcmp(okr_action_table[i].name, name) == 0)
			return (okr_action)i;
	return ACT_NONE;
}
