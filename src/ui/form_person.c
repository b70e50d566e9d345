/*
 * form_person.c — people from the people view (p): a adds one (login, name,
 * role, a team to join or to make), as `okr person add`, `person role`,
 * `team add` and `team join` do; e changes a person's name, role and leaderboard choice, each field
 * shown only to whom core/permit.c lets change it (a name: the person or an
 * admin; a role: an admin; the leaderboard: the person alone).  Nothing
 * allowed: the view says so and offers kudos instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "okr/i18n.h"
#include "okr/permit.h"
#include "okr/util.h"
#include "views.h"

enum { PA_LOGIN, PA_NAME, PA_ROLE, PA_TEAM };
enum { PE_NAME, PE_ROLE, PE_BOARD, PE_TEAM };

static const char *const roles[] = { N_("member"), N_("lead"), N_("admin") };
static const char *const boards[] = { N_("shown"), N_("hidden") };

static unsigned open_add(ui *u, ui_form *fm)
{
	fm->kind = FORM_PERSON_ADD;
	snprintf(fm->title, sizeof fm->title, "%s", _("Add a person"));
	form_add_field(fm, _("Login"), FIELD_TEXT, true, "")->hint = _("their account name, such as lan");
	form_add_field(fm, _("Name"), FIELD_TEXT, false, "")->hint = _("as the team writes it: Nguyễn Thị Lan, 王芳");
	form_add_choice(fm, _("Role"), roles, 3, ROLE_MEMBER);
	field *t = form_add_field(fm, _("Team"), FIELD_TEAM, false, "");
	t->hint = _("a team to join (a new name makes the team), or empty");
	t->new_ok = true;
	return form_show(u, fm);
}

unsigned form_open_person(ui *u, const okr_person *p)
{
	if (app_refuse_readonly(u))
		return DIRTY_FOOTER;
	const okr_person *me = okr_store_me(u->store);
	bool admin = okr_may_manage_people(me->role);
	if (!p && !admin) {
		app_message(u, true, "%s", _("only an admin adds people — they are also added when they first use okr"));
		return DIRTY_FOOTER;
	}
	bool self = p && okr_may_set_opt_out(me->id, p->id);
	bool join = p && okr_may_join_team(me->role, self);
	if (p && !admin && !self && !join) {
		app_message(u, true, _("only @%s, leads and admins change @%s — %s gives them kudos"), p->login, p->login,
			    UI_KEY(u, ACT_KUDOS));
		return DIRTY_FOOTER;
	}
	form_free(u);
	ui_form *fm = okr_xcalloc(1, sizeof *fm);
	fm->snap = &u->d.snap;
	fm->target = 'U';
	if (!p)
		return open_add(u, fm);
	fm->kind = FORM_PERSON_EDIT;
	fm->id = p->id;
	fm->prefilled = true;
	snprintf(fm->title, sizeof fm->title, _("Change @%s"), p->login);
	okr_strlcpy(fm->login, p->login, sizeof fm->login);
	form_add_field(fm, _("Name"), FIELD_TEXT, true, p->name)->hidden = !admin && !self;
	form_add_choice(fm, _("Role"), roles, 3, (int)p->role)->hidden = !admin;
	field *b = form_add_choice(fm, _("Leaderboard"), boards, 2, p->opt_out ? 1 : 0);
	b->hidden = !self;
	b->hint = _("hidden: the public ranking leaves you out");
	field *t = form_add_field(fm, _("Join team"), FIELD_TEAM, false, "");
	t->hint = admin ? _("a team to join (a new name makes the team), or empty") : _("a team to join, or empty");
	t->new_ok = admin;
	t->hidden = !join;
	if (!admin && !self)   /* a lead on someone else: only the team */
		fm->cur = PE_TEAM;
	return form_show(u, fm);
}

/* The team typed in field i joined by login; a name no team has is made
 * first (the field said so: it allows new names only for admins). */
static okr_result join(ui *u, ui_form *fm, int i, const char *login)
{
	char *team = form_text(fm, i);
	const char *t = form_pick_team(fm->snap, team), *typed = team + strspn(team, " ");
	okr_result r = OKR_OK;
	if (!t && *typed)
		r = okr_store_team_add(u->store, typed, NULL);
	if (!r && (t ? *t : *typed))
		r = okr_store_team_join(u->store, t ? t : typed, login);
	free(team);
	return r;
}

static okr_result save_add(ui *u, ui_form *fm, char *done, size_t len)
{
	char *login = form_text(fm, PA_LOGIN), *name = form_text(fm, PA_NAME);
	const char *l = login + strspn(login, " @");
	okr_result r = okr_store_person_add(u->store, l, name);
	if (!r && fm->f[PA_ROLE].choice != ROLE_MEMBER)
		r = okr_store_person_set_role(u->store, l, (okr_role)fm->f[PA_ROLE].choice);
	if (!r)
		r = join(u, fm, PA_TEAM, l);
	snprintf(done, len, _("added @%s as %s"), l, _(roles[fm->f[PA_ROLE].choice]));
	if (!r)
		view_people_select(u, l);
	free(login);
	free(name);
	return r;
}

/* Only what changed is written, each by its own store call. */
okr_result form_person_save(ui *u, ui_form *fm, char *done, size_t len)
{
	if (fm->kind == FORM_PERSON_ADD)
		return save_add(u, fm, done, len);
	okr_result r = OKR_OK;
	if (form_changed(fm, PE_NAME)) {
		char *name = form_text(fm, PE_NAME);
		r = okr_store_person_set_name(u->store, fm->login, name);
		free(name);
	}
	if (!r && form_changed(fm, PE_ROLE))
		r = okr_store_person_set_role(u->store, fm->login, (okr_role)fm->f[PE_ROLE].choice);
	if (!r && form_changed(fm, PE_BOARD))
		r = okr_store_person_set_opt_out(u->store, fm->login, fm->f[PE_BOARD].choice == 1);
	if (!r && form_changed(fm, PE_TEAM))
		r = join(u, fm, PE_TEAM, fm->login);
	snprintf(done, len, _("saved @%s"), fm->login);
	return r;
}
