/*
 * view_people.c — the people of the database (p): login, name, role, teams
 * and whether they show on the leaderboard.  a adds a person (admins),
 * e or Enter changes what the viewer may change of the selected one (their
 * own name and leaderboard choice; an admin also names and roles), K gives
 * them kudos.  The selection is kept by login across reloads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/text.h"
#include "okr/util.h"
#include "views.h"

struct view_people {
	char login[256];   /* the selected person */
	int top;
};

static const char *const role_words[] = { N_("member"), N_("lead"), N_("admin") };

/* The selected row: the person chosen last, else the viewer, whose own
 * name and leaderboard choice are what most people come here to change. */
static size_t selected(ui *u)
{
	struct view_people *pv = u->views->people;
	const okr_snapshot *s = &u->d.snap;
	const char *want = pv->login[0] ? pv->login : okr_store_me(u->store)->login;
	for (size_t i = 0; i < s->npeople; i++)
		if (!strcmp(s->people[i].login, want))
			return i;
	return 0;
}

static void select_row(struct view_people *pv, const okr_snapshot *s, size_t i)
{
	if (i < s->npeople)
		okr_strlcpy(pv->login, s->people[i].login, sizeof pv->login);
}

void view_people_select(ui *u, const char *login)
{
	struct view_people *pv = u->views->people;
	okr_strlcpy(pv->login, login, sizeof pv->login);
}

/* Which row of the view is at window line y (1 is the first row): the
 * mouse's question.  -1: none. */
long view_people_row_at(ui *u, int y)
{
	struct view_people *pv = u->views->people;
	long i = (long)pv->top + y - 2;
	return y >= 2 && i >= 0 && (size_t)i < u->d.snap.npeople ? i : -1;
}

void view_people_draw(ui *u, WINDOW *w, int h, int width)
{
	struct view_people *pv = u->views->people;
	const okr_snapshot *s = &u->d.snap;
	char title[256];
	snprintf(title, sizeof title, ngettext("People · %zu · a add · e change · K kudos · Esc back",
					       "People · %zu · a add · e change · K kudos · Esc back", s->npeople),
		 s->npeople);
	draw_pane_title(u, w, title, width, true);
	int lw = 14, nw = width / 3 > 12 ? width / 3 : 12, rw = 8, bw = 12;
	int tw = width - 2 - lw - nw - rw - bw - 4;
	int x = 1;
	draw_text(u, w, 1, x, _("Login"), lw, THEME_DIM, TEXT_ALIGN_LEFT);
	draw_text(u, w, 1, x + lw + 1, _("Name"), nw, THEME_DIM, TEXT_ALIGN_LEFT);
	draw_text(u, w, 1, x + lw + nw + 2, _("Role"), rw, THEME_DIM, TEXT_ALIGN_LEFT);
	draw_text(u, w, 1, x + lw + nw + rw + 3, _("Leaderboard"), bw, THEME_DIM, TEXT_ALIGN_LEFT);
	if (tw > 0)
		draw_text(u, w, 1, x + lw + nw + rw + bw + 4, _("Teams"), tw, THEME_DIM, TEXT_ALIGN_LEFT);
	int rows = h - 2;
	size_t sel = selected(u);
	if ((int)sel < pv->top)
		pv->top = (int)sel;
	if (rows > 0 && (int)sel >= pv->top + rows)
		pv->top = (int)sel - rows + 1;
	for (int r = 0; r < rows && (size_t)(pv->top + r) < s->npeople; r++) {
		const okr_person *p = &s->people[pv->top + r];
		char login[260];
		int y = 2 + r;
		snprintf(login, sizeof login, "@%s", p->login);
		draw_text(u, w, y, x, login, lw, THEME_NORMAL, TEXT_ALIGN_LEFT);
		draw_text(u, w, y, x + lw + 1, p->name, nw, THEME_TITLE, TEXT_ALIGN_LEFT);
		draw_text(u, w, y, x + lw + nw + 2, _(role_words[p->role]), rw, THEME_NORMAL, TEXT_ALIGN_LEFT);
		draw_text(u, w, y, x + lw + nw + rw + 3, p->opt_out ? _("hidden") : _("shown"), bw,
			  p->opt_out ? THEME_DIM : THEME_NORMAL, TEXT_ALIGN_LEFT);
		if (tw > 0)
			draw_text(u, w, y, x + lw + nw + rw + bw + 4, p->teams ? p->teams : "", tw, THEME_DIM,
				  TEXT_ALIGN_LEFT);
		if ((size_t)(pv->top + r) == sel)
			draw_row_attr(u, w, y, THEME_SELECTED);
	}
}

unsigned view_people_key(ui *u, int key, okr_action a)
{
	const okr_snapshot *s = &u->d.snap;
	size_t sel = selected(u);
	const okr_person *p = s->npeople ? &s->people[sel] : NULL;
	if (a == ACT_ADD_KR || a == ACT_ADD_OBJECTIVE)
		return form_open_person(u, NULL);
	if ((a == ACT_EDIT || a == ACT_OPEN || key == '\n' || key == '\r') && p)
		return form_open_person(u, p);
	if (a == ACT_KUDOS && p)
		return form_open_kudos_to(u, p->login);
	long to = views_list_move(a, (long)sel, (long)s->npeople);
	if (to < 0)
		return a == ACT_PEOPLE ? views_close(u) : VIEWS_PASS;
	select_row(u->views->people, s, (size_t)to);
	return DIRTY_ALL;
}

void view_people_free(struct view_people *pv)
{
	free(pv);
}

struct view_people *view_people_new(void)
{
	struct view_people *v = okr_xcalloc(1, sizeof *v);
	return v;
}
