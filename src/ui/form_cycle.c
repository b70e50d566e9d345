/*
 * form_cycle.c — add a cycle and change one's name and dates, from the cycle
 * list (C, then a or e), as `okr cycle add` and `okr cycle edit` do.  Who may
 * (leads and admins) is asked of core/permit.c before the form opens; the
 * rest (a taken name, an overlap, a closed cycle) is the store's to refuse,
 * and its message stays in the form with what was typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "okr/cycle.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/permit.h"
#include "okr/util.h"

enum { CY_NAME, CY_START, CY_END };

static bool refused(ui *u)
{
	if (app_refuse_readonly(u))
		return true;
	if (okr_may_manage_cycles(okr_store_me(u->store)->role))
		return false;
	app_message(u, true, "%s", _("only a lead or admin adds and changes cycles — p lists who they are"));
	return true;
}

/* A new cycle starts the day after the last one ends (or today when there
 * is none) and runs 13 weeks: a quarter, which the name can then say. */
static void suggest(const okr_snapshot *s, char start[11], char end[11])
{
	okr_day from = okr_day_of(okr_now());
	for (size_t i = 0; i < s->ncycles; i++)
		if (s->cycles[i].end >= from)
			from = s->cycles[i].end + 1;
	okr_format_date(from, start);
	okr_format_date(from + 7 * 13 - 1, end);
}

unsigned form_open_cycle(ui *u, const okr_cycle *c)
{
	if (refused(u))
		return DIRTY_FOOTER;
	if (c && c->state == CYCLE_CLOSED) {
		app_message(u, true, "%s", _("that cycle is closed: its name and dates stay as they were graded"));
		return DIRTY_FOOTER;
	}
	form_free(u);
	ui_form *fm = okr_xcalloc(1, sizeof *fm);
	fm->snap = &u->d.snap;
	fm->target = 'C';
	char start[11], end[11];
	if (c) {
		fm->kind = FORM_CYCLE_EDIT;
		fm->id = c->id;
		fm->prefilled = true;
		okr_format_date(c->start, start);
		okr_format_date(c->end, end);
		snprintf(fm->title, sizeof fm->title, _("Edit the cycle %s"), c->name);
	} else {
		fm->kind = FORM_CYCLE_ADD;
		suggest(&u->d.snap, start, end);
		snprintf(fm->title, sizeof fm->title, "%s", _("Add a cycle"));
	}
	form_add_field(fm, _("Name"), FIELD_TEXT, true, c ? c->name : "")->hint = _("e.g. 2027-Q1");
	form_add_field(fm, _("Start"), FIELD_DATE, true, start)->hint = _("its first day, YYYY-MM-DD");
	form_add_field(fm, _("End"), FIELD_DATE, true, end)->hint = _("its last day, YYYY-MM-DD");
	return form_show(u, fm);
}

/* As typed: the end after the start (both dates parse: form_pick_check). */
void form_cycle_check(ui_form *fm)
{
	char *a = form_text(fm, CY_START), *b = form_text(fm, CY_END);
	okr_day s, e;
	if (!fm->f[CY_END].error[0] && okr_parse_date(a, &s) && okr_parse_date(b, &e) && !okr_cycle_dates_ok(s, e))
		snprintf(fm->f[CY_END].error, sizeof fm->f[CY_END].error, "%s",
			 _("the cycle ends before it starts — give a later end"));
	free(a);
	free(b);
}

okr_result form_cycle_save(ui *u, ui_form *fm, char *done, size_t len)
{
	char *name = form_text(fm, CY_NAME), *a = form_text(fm, CY_START), *b = form_text(fm, CY_END);
	okr_day s = 0, e = 0;
	okr_parse_date(a, &s);
	okr_parse_date(b, &e);
	int64_t id = fm->id;
	okr_result r = fm->kind == FORM_CYCLE_ADD ? okr_store_cycle_add(u->store, name, s, e, &id)
		     : okr_store_cycle_edit(u->store, fm->id, name, s, e);
	if (fm->kind == FORM_CYCLE_ADD)
		snprintf(done, len, _("added the cycle %s (%s → %s) — C lists the cycles"), name, a, b);
	else
		snprintf(done, len, _("saved the cycle %s (%s → %s)"), name, a, b);
	free(name);
	free(a);
	free(b);
	return r;
}
