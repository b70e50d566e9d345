/*
 * form_pick.c — the fields that name someone or something: a person (by
 * login, @login or display name), a team, a weight.  Matched as typed
 * against the snapshot: one match is shown beside the field and is what
 * will be saved; none or several is an error that says which, so the form
 * cannot be saved with a name the store would refuse.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "okr/fold.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/util.h"

/* Names are matched folded (fold.h), as the `/` search and the commands
 * match them: "nguyen" finds "Nguyễn Thị Lan", "cong ty" the team "Công ty". */
static bool starts(const char *s, const char *prefix)
{
	return okr_fold_starts(s, prefix);
}

/* The person text stands for: an exact login or name first, else the one
 * whose login or name begins with it.  *count: how many begin with it. */
static const okr_person *person_of(const okr_snapshot *s, const char *text, size_t *count)
{
	if (*text == '@')
		text++;
	const okr_person *hit = NULL;
	*count = 0;
	for (size_t i = 0; i < s->npeople; i++) {
		const okr_person *p = &s->people[i];
		if (!strcmp(p->login, text) || okr_fold_equal(p->name, text)) {
			*count = 1;
			return p;
		}
		if (starts(p->login, text) || starts(p->name, text)) {
			hit = p;
			(*count)++;
		}
	}
	return *count == 1 ? hit : NULL;
}

static const okr_team *team_of(const okr_snapshot *s, const char *text, size_t *count)
{
	const okr_team *hit = NULL;
	*count = 0;
	for (size_t i = 0; i < s->nteams; i++) {
		if (okr_fold_equal(s->teams[i].name, text)) {
			*count = 1;
			return &s->teams[i];
		}
		if (starts(s->teams[i].name, text)) {
			hit = &s->teams[i];
			(*count)++;
		}
	}
	return *count == 1 ? hit : NULL;
}

const char *form_pick_person(const okr_snapshot *s, const char *text)
{
	size_t n;
	text += strspn(text, " ");
	if (!*text)
		return "";
	const okr_person *p = person_of(s, text, &n);
	return p ? p->login : NULL;
}

const char *form_pick_team(const okr_snapshot *s, const char *text)
{
	size_t n;
	text += strspn(text, " ");
	if (!*text)
		return "";
	const okr_team *t = team_of(s, text, &n);
	return t ? t->name : NULL;
}

/* "2 match: @lan, @hoa — type more": the first few of several. */
static void matches(const okr_snapshot *s, field_type t, const char *text, size_t n, char *buf, size_t len)
{
	char names[100] = "";
	size_t used = 0, shown = 0;
	const char *who = *text == '@' ? text + 1 : text;
	size_t count = t == FIELD_PERSON ? s->npeople : s->nteams;
	for (size_t i = 0; i < count && shown < 3; i++) {
		const char *a = t == FIELD_PERSON ? s->people[i].login : s->teams[i].name;
		const char *b = t == FIELD_PERSON ? s->people[i].name : a;
		if (!starts(a, who) && !starts(b, who))
			continue;
		int k = snprintf(names + used, sizeof names - used, "%s%s%s", shown ? ", " : "",
				 t == FIELD_PERSON ? "@" : "", a);
		if (k < 0 || (size_t)k >= sizeof names - used)
			break;
		used += (size_t)k;
		shown++;
	}
	snprintf(buf, len, ngettext("%zu match: %s%s — type more of it", "%zu match: %s%s — type more of it", n), n,
		 names, n > shown ? ", …" : "");
}

static const okr_kpi *kpi_of(const okr_snapshot *s, const char *text, size_t *count)
{
	int64_t id;
	const okr_kpi *hit = NULL;
	*count = 0;
	bool by_id = okr_parse_id(text, &id) == ID_KPI;
	for (size_t i = 0; i < s->nkpis; i++) {
		if (by_id ? s->kpis[i].id == id : okr_fold_equal(s->kpis[i].name, text)) {
			*count = 1;
			return &s->kpis[i];
		}
		if (!by_id && starts(s->kpis[i].name, text)) {
			hit = &s->kpis[i];
			(*count)++;
		}
	}
	return *count == 1 ? hit : NULL;
}

int64_t form_pick_kpi(const okr_snapshot *s, const char *text)
{
	size_t n;
	text += strspn(text, " ");
	const okr_kpi *k = *text ? kpi_of(s, text, &n) : NULL;
	return k ? k->id : 0;
}

/* An objective by ID (O3, of this cycle or not: the store checks) or by
 * the start of a title of this cycle. */
static int64_t objective_of(const okr_snapshot *s, const char *text, size_t *count, const char **title)
{
	int64_t id, hit = 0;
	*count = 0;
	*title = NULL;
	if (okr_parse_id(text, &id) == ID_OBJECTIVE) {
		*count = 1;
		long i = okr_snapshot_objective_index(s, id);
		*title = i >= 0 ? s->objs[i].title : "";
		return id;
	}
	for (size_t i = 0; i < s->nobjs; i++)
		if (starts(s->objs[i].title, text)) {
			hit = s->objs[i].id;
			*title = s->objs[i].title;
			(*count)++;
		}
	return *count == 1 ? hit : 0;
}

int64_t form_pick_objective(const okr_snapshot *s, const char *text)
{
	size_t n;
	const char *title;
	text += strspn(text, " ");
	return *text ? objective_of(s, text, &n, &title) : 0;
}

/* A due date or a KPI, as typed. */
static void check_other(const ui_form *fm, field *f, const char *text)
{
	okr_day d;
	size_t n;
	if (f->type == FIELD_DATE) {
		if (!okr_parse_date(text, &d))
			snprintf(f->error, sizeof f->error, "%s", _("a date as YYYY-MM-DD, e.g. 2026-12-15, or empty"));
		return;
	}
	const okr_kpi *k = kpi_of(fm->snap, text, &n);
	char id[24];
	if (k)
		snprintf(f->hint_copy, sizeof f->hint_copy, "→ %s %s", okr_format_id(ID_KPI, k->id, id, sizeof id),
			 k->name);
	else if (!n)
		snprintf(f->error, sizeof f->error, "%s", _("no KPI has that ID or a name that begins so"));
	else
		snprintf(f->error, sizeof f->error, ngettext("%zu match — type more of its name",
							     "%zu match — type more of its name", n), n);
}

void form_pick_check(const ui_form *fm, field *f, const char *text)
{
	size_t n = 0;
	if (f->type == FIELD_DATE) {   /* a date keeps its hint: there is no match to show */
		check_other(fm, f, text);
		return;
	}
	f->hint = f->hint_copy;
	f->hint_copy[0] = '\0';
	if (f->type == FIELD_KPI) {
		check_other(fm, f, text);
		return;
	}
	if (f->type == FIELD_OBJECTIVE_ID) {
		const char *title;
		int64_t id = objective_of(fm->snap, text, &n, &title);
		char ref[24];
		if (id)
			snprintf(f->hint_copy, sizeof f->hint_copy, "→ %s %s",
				 okr_format_id(ID_OBJECTIVE, id, ref, sizeof ref), title);
		else if (n)
			snprintf(f->error, sizeof f->error, ngettext("%zu title begins so — type more, or an ID such as O3",
								     "%zu titles begin so — type more, or an ID such as O3",
								     n), n);
		else
			snprintf(f->error, sizeof f->error, "%s",
				 _("an objective ID such as O3 or the start of a title, or empty"));
		return;
	}
	if (f->type == FIELD_WEIGHT) {
		double w;
		if (!okr_parse_number(text, &w) || !(w > 0))
			snprintf(f->error, sizeof f->error, "%s", _("a weight above 0, such as 1 or 2.5"));
		return;
	}
	if (f->type == FIELD_PERSON) {
		const okr_person *p = person_of(fm->snap, text, &n);
		if (p)
			snprintf(f->hint_copy, sizeof f->hint_copy, "→ @%s %s", p->login, p->name);
	} else {
		const okr_team *t = team_of(fm->snap, text, &n);
		if (t)
			snprintf(f->hint_copy, sizeof f->hint_copy, "→ %s", t->name);
	}
	if (n == 0 && f->new_ok)
		snprintf(f->hint_copy, sizeof f->hint_copy, "%s", _("a new team: it is made when you save"));
	else if (n == 0)
		snprintf(f->error, sizeof f->error, f->type == FIELD_PERSON
			 ? _("nobody's login or name begins so — type a login, @login or a name")
			 : _("no team's name begins so — type a team's name, or leave it empty"));
	else if (n > 1)
		matches(fm->snap, f->type, text, n, f->error, sizeof f->error);
}
