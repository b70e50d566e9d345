/*
 * form_kpi.c — the KPI forms of the KPI view: c takes a new value (as `okr
 * kpi push`), a adds a KPI with its four parts (target with direction,
 * timeframe, data source, frequency), a unit and an owner, as `okr kpi add`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/util.h"
#include "views.h"

enum { KA_NAME, KA_TARGET, KA_DIR, KA_UNIT, KA_SOURCE, KA_EVERY, KA_TIMEFRAME, KA_OWNER, KA_COUNT };

static const char *const dirs[] = { N_("at least"), N_("at most") };
static const char *const freqs[] = { N_("daily"), N_("weekly"), N_("monthly") };

static ui_form *start(ui *u, ui_form_kind kind)
{
	form_free(u);
	ui_form *fm = okr_xcalloc(1, sizeof *fm);
	fm->kind = kind;
	fm->snap = &u->d.snap;
	return fm;
}

/* The value is not prefilled: saving a form unchanged must write nothing,
 * and a second sample of the same value would count as a new reading.  The
 * latest value is in the title instead. */
unsigned form_open_kpi_push(ui *u, const okr_kpi *k)
{
	if (app_refuse_readonly(u))
		return DIRTY_FOOTER;
	ui_form *fm = start(u, FORM_KPI_PUSH);
	char id[24], latest[64];
	fm->target = 'P';
	fm->id = k->id;
	okr_format_id(ID_KPI, k->id, id, sizeof id);
	if (k->has_value)
		snprintf(fm->title, sizeof fm->title, _("A value for %s (latest %s %s) %s"), id,
			 view_number(k->latest, latest, sizeof latest), k->unit, k->name);
	else
		snprintf(fm->title, sizeof fm->title, _("A first value for %s %s"), id, k->name);
	form_add_field(fm, _("Value"), FIELD_NUMBER, true, "");
	form_add_field(fm, _("Note"), FIELD_TEXT, false, "");
	return form_show(u, fm);
}

unsigned form_open_kpi_add(ui *u)
{
	if (app_refuse_readonly(u))
		return DIRTY_FOOTER;
	ui_form *fm = start(u, FORM_KPI_ADD);
	fm->target = 'P';
	snprintf(fm->title, sizeof fm->title, "%s", _("Add a KPI"));
	form_add_field(fm, _("Name"), FIELD_TEXT, true, "");
	form_add_field(fm, _("Target"), FIELD_NUMBER, true, "");
	form_add_choice(fm, _("Direction"), dirs, 2, 0);
	form_add_field(fm, _("Unit"), FIELD_TEXT, false, "");
	form_add_field(fm, _("Source"), FIELD_TEXT, true, "")->hint = _("where the values come from: CRM, a report…");
	form_add_choice(fm, _("Frequency"), freqs, 3, 1);
	form_add_field(fm, _("Timeframe"), FIELD_TEXT, false, "")->hint = _("e.g. by end of Q4, per month");
	form_add_field(fm, _("Owner"), FIELD_PERSON, true, okr_store_me(u->store)->login);
	return form_show(u, fm);
}

okr_result form_kpi_save(ui *u, ui_form *fm, char *done, size_t len)
{
	char *t[KA_COUNT] = { 0 }, id[24];
	int64_t nid = 0;
	okr_result r;
	for (int i = 0; i < fm->n && i < KA_COUNT; i++)
		t[i] = form_text(fm, i);
	if (fm->kind == FORM_KPI_PUSH) {
		double v = 0;
		okr_parse_number(t[0], &v);
		r = okr_store_kpi_push(u->store, fm->id, v, t[1], NULL, 0, &nid);
		snprintf(done, len, _("%s: the value %s is in"), okr_format_id(ID_KPI, fm->id, id, sizeof id), t[0]);
	} else {
		okr_kpi_in in = { .name = t[KA_NAME], .unit = t[KA_UNIT], .timeframe = t[KA_TIMEFRAME],
				  .source = t[KA_SOURCE], .owner = form_pick_person(fm->snap, t[KA_OWNER]),
				  .dir = fm->f[KA_DIR].choice ? DIR_AT_MOST : DIR_AT_LEAST,
				  .every = (okr_frequency)fm->f[KA_EVERY].choice };
		okr_parse_number(t[KA_TARGET], &in.target);
		r = okr_store_kpi_add(u->store, &in, &nid);
		snprintf(done, len, _("added %s — e on a key result links it (KPI field)"),
			 okr_format_id(ID_KPI, nid, id, sizeof id));
		if (!r)
			view_kpis_select(u, nid);
	}
	for (int i = 0; i < KA_COUNT; i++)
		free(t[i]);
	return r;
}
