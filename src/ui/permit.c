/*
 * permit.c — what the viewer may do, said before a form opens: the rules
 * are core/permit.c's, which the store enforces on every write; here a
 * refusal comes with what the person may do instead.
 */
#include <stdio.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/permit.h"
#include "ui_int.h"

/* Known before the form opens (permit.h, the rule the store enforces): a
 * member does not check in someone else's key result, and is offered what
 * they may do instead. */
bool permit_checkin(ui *u)
{
	const okr_kr *k = data_sel_kr(u);
	const okr_person *me = okr_store_me(u->store);
	if (!k || okr_may_checkin(me->role, me->id, k->owner_id))
		return true;
	char id[24];
	okr_format_id(ID_KR, k->id, id, sizeof id);
	if (k->owner[0])
		app_message(u, true, _("%s is @%s's: only they or a lead can check it in — press %s to comment, "
				       "or %s to give @%s kudos"), id, k->owner, UI_KEY(u, ACT_COMMENT), UI_KEY(u, ACT_KUDOS),
			    k->owner);
	else
		app_message(u, true, _("%s has no owner: only a lead can check it in — press %s to comment"), id,
			    UI_KEY(u, ACT_COMMENT));
	return false;
}
