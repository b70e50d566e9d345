/*
 * form_objective.c — add and edit an objective with every field the command
 * line offers: title, description, alignment, team, owner, kind, weight.
 * Editing is prefilled, and only the fields that were changed are saved: a
 * form saved unchanged writes nothing (no new version, no audit row).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "okr/i18n.h"
#include "okr/parse.h"

enum { OB_TITLE, OB_DESC, OB_PARENT, OB_TEAM, OB_OWNER, OB_KIND, OB_WEIGHT };

static const char *const kinds[] = { N_("committed"), N_("aspirational") };

void form_objective_fields(ui *u, ui_form *fm, const okr_objective *o)
{
	const okr_objective *sel = data_sel_objective(u);
	char parent[24] = "", weight[32];
	if (o && o->parent_id)
		okr_format_id(ID_OBJECTIVE, o->parent_id, parent, sizeof parent);
	else if (!o && sel)
		okr_format_id(ID_OBJECTIVE, sel->id, parent, sizeof parent);
	snprintf(weight, sizeof weight, "%g", o ? o->weight : 1.0);
	form_add_field(fm, _("Title"), FIELD_TEXT, true, o ? o->title : "");
	form_add_field(fm, _("Description"), FIELD_TEXT, false, o ? o->description : "");
	form_add_field(fm, _("Aligned to"), FIELD_OBJECTIVE_ID, false, parent);
	form_add_field(fm, _("Team"), FIELD_TEAM, false, o ? o->team : "");
	form_add_field(fm, _("Owner"), FIELD_PERSON, false, o ? o->owner : okr_store_me(u->store)->login);
	form_add_choice(fm, _("Kind"), kinds, 2, o && o->kind == OBJ_ASPIRATIONAL ? 1 : 0);
	form_add_field(fm, _("Weight"), FIELD_WEIGHT, true, weight);
}

/* The values of the form into in: every field on add, the changed ones on
 * edit.  strs keeps the strings alive until the store call. */
static bool fill(ui_form *fm, okr_objective_in *in, bool adding, char **strs)
{
	bool any = false;
	for (int i = OB_TITLE; i <= OB_WEIGHT; i++) {
		if (!adding && !form_changed(fm, i))
			continue;
		any = true;
		char *t = strs[i] = form_text(fm, i);
		switch (i) {
		case OB_TITLE: in->title = t; break;
		case OB_DESC: in->description = t; break;
		case OB_PARENT: in->parent_id = form_pick_objective(fm->snap, t); break;
		case OB_TEAM: in->team = form_pick_team(fm->snap, t); break;
		case OB_OWNER: in->owner = form_pick_person(fm->snap, t); break;
		case OB_KIND: in->kind = fm->f[OB_KIND].choice ? OBJ_ASPIRATIONAL : OBJ_COMMITTED; break;
		case OB_WEIGHT: okr_parse_number(t, &in->weight); break;
		}
	}
	if (adding && in->team && !*in->team)
		in->team = NULL;
	return any;
}

okr_result form_objective_save(ui *u, ui_form *fm, char *done, size_t len)
{
	bool adding = fm->kind == FORM_ADD_OBJECTIVE;
	okr_objective_in in = okr_objective_in_none();
	char *strs[OB_WEIGHT + 1] = { 0 }, id[24];
	okr_result r = OKR_OK;
	int64_t nid = fm->id;
	if (!fill(fm, &in, adding, strs)) {
		snprintf(done, len, "%s", _("nothing changed — nothing was saved"));
	} else if (adding) {
		in.cycle_id = u->cycle_id;
		r = okr_store_objective_add(u->store, &in, &nid);
		snprintf(done, len, _("added %s"), okr_format_id(ID_OBJECTIVE, nid, id, sizeof id));
	} else {
		r = okr_store_objective_edit(u->store, fm->id, fm->version, &in);
		snprintf(done, len, _("saved %s"), okr_format_id(ID_OBJECTIVE, fm->id, id, sizeof id));
	}
	for (int i = 0; i <= OB_WEIGHT; i++)
		free(strs[i]);
	return r;
}
