/*
 * form_kr.c — edit a key result with the fields the command line offers:
 * title, owner, target, start, unit, weight, due date, the KPI it takes
 * its value from, and how often it expects a check-in.  Prefilled; only what was changed is saved, the edit and
 * the KPI link in one transaction (okr_store_batch), so saved unchanged it
 * writes nothing and a refusal leaves nothing half done.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "okr/i18n.h"
#include "okr/parse.h"

enum { KE_TITLE, KE_OWNER, KE_TARGET, KE_START, KE_UNIT, KE_WEIGHT, KE_DUE, KE_KPI, KE_EVERY, KE_COUNT };

/* As okr_frequency counts them; the CLI's --every. */
const char *const form_kr_frequencies[3] = { N_("daily"), N_("weekly"), N_("monthly") };

void form_kr_edit_fields(ui *u, ui_form *fm, const okr_kr *k)
{
	(void)u;
	char target[64], start[64], weight[32], due[11] = "", kpi[24] = "";
	okr_format_value(k->target, k->decimals, target, sizeof target);
	okr_format_value(k->start, k->decimals, start, sizeof start);
	snprintf(weight, sizeof weight, "%g", k->weight);
	if (k->due)
		okr_format_date(k->due, due);
	if (k->kpi_id)
		okr_format_id(ID_KPI, k->kpi_id, kpi, sizeof kpi);
	form_add_field(fm, _("Title"), FIELD_TEXT, true, k->title);
	form_add_field(fm, _("Owner"), FIELD_PERSON, true, k->owner);
	form_add_field(fm, _("Target"), FIELD_NUMBER, true, target)->hidden = k->type == KR_MILESTONE;
	form_add_field(fm, _("Start"), FIELD_NUMBER, false, start)->hidden = k->type != KR_METRIC;
	form_add_field(fm, _("Unit"), FIELD_TEXT, false, k->unit)->hidden = k->type == KR_MILESTONE;
	form_add_field(fm, _("Weight"), FIELD_WEIGHT, true, weight);
	form_add_field(fm, _("Due"), FIELD_DATE, false, due)->hint = _("YYYY-MM-DD; empty: the cycle's end");
	form_add_field(fm, _("KPI"), FIELD_KPI, false, kpi)->hint = _("its value comes from this KPI; empty: none");
	form_add_choice(fm, _("Check-ins"), form_kr_frequencies, 3, (int)k->every)->hint =
		_("how often it expects one: silence past that is outdated");
}

struct kr_save {
	int64_t id, version, kpi;
	const okr_kr_in *in;
	bool edit, link;
};

static okr_result kr_save_txn(okr_store *s, void *vctx)
{
	struct kr_save *c = vctx;
	okr_result r = OKR_OK;
	if (c->edit)
		r = okr_store_kr_edit(s, c->id, c->version, c->in);
	if (!r && c->link)
		r = okr_store_kr_link_kpi(s, c->id, c->kpi);
	return r;
}

okr_result form_kr_edit_save(ui *u, ui_form *fm, char *done, size_t len)
{
	okr_kr_in in = okr_kr_in_none();
	char *t[KE_COUNT] = { 0 }, id[24];
	struct kr_save c = { fm->id, fm->version, 0, &in, false, false };
	for (int i = 0; i < KE_COUNT; i++) {
		if (fm->f[i].hidden || !form_changed(fm, i))
			continue;
		char *v = t[i] = form_text(fm, i);
		okr_day d = 0;
		c.edit |= i != KE_KPI;
		switch (i) {
		case KE_TITLE: in.title = v; break;
		case KE_OWNER: in.owner = form_pick_person(fm->snap, v); break;
		case KE_TARGET: okr_parse_number(v, &in.target); break;
		case KE_START: okr_parse_number(v, &in.start); break;
		case KE_UNIT: in.unit = v; break;
		case KE_WEIGHT: okr_parse_number(v, &in.weight); break;
		case KE_DUE: in.due = okr_parse_date(v, &d) ? d : 0; break;
		case KE_KPI: c.link = true; c.kpi = form_pick_kpi(fm->snap, v); break;
		case KE_EVERY: in.every = fm->f[i].choice; break;
		}
	}
	okr_result r = OKR_OK;
	okr_format_id(ID_KR, fm->id, id, sizeof id);
	if (!c.edit && !c.link)
		snprintf(done, len, "%s", _("nothing changed — nothing was saved"));
	else if ((r = okr_store_batch(u->store, kr_save_txn, &c)) == OKR_OK)
		snprintf(done, len, _("saved %s"), id);
	for (int i = 0; i < KE_COUNT; i++)
		free(t[i]);
	return r;
}
