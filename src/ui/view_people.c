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

enum { LOGIN_W = 14, ROLE_W = 8, BOARD_W = 12 };

/* The columns: login, name (a third), role, leaderboard, teams (the rest). */
static void widths(int width, int *nw, int *tw)
{
	*nw = width / 3 > 12 ? width / 3 : 12;
	*tw = width - 2 - LOGIN_W - *nw - ROLE_W - BOARD_W - 4;
}

static void draw_row(ui *u, WINDOW *w, int y, int width, size_t i, const void *ctx)
{
	const okr_person *p = &((const okr_snapshot *)ctx)->people[i];
	char login[260];
	int nw, tw;
	widths(width, &nw, &tw);
	snprintf(login, sizeof login, "@%s", p->login);
	views_draw_cells(u, w, y, 1, (views_cell[]){ { login, LOGIN_W, THEME_NORMAL }, { p->name, nw, THEME_TITLE },
						     { _(role_words[p->role]), ROLE_W, THEME_NORMAL },
						     { p->opt_out ? _("hidden") : _("shown"), BOARD_W,
						       p->opt_out ? THEME_DIM : THEME_NORMAL },
						     { p->teams ? p->teams : "", tw, THEME_DIM } }, 5);
}

void view_people_draw(ui *u, WINDOW *w, int h, int width)
{
	struct view_people *pv = u->views->people;
	const okr_snapshot *s = &u->d.snap;
	char title[256];
	snprintf(title, sizeof title, ngettext("People · %zu · %s add · %s change · %s kudos · %s back",
					       "People · %zu · %s add · %s change · %s kudos · %s back", s->npeople),
		 s->npeople, UI_KEY(u, ACT_ADD_KR), UI_KEY(u, ACT_EDIT), UI_KEY(u, ACT_KUDOS), UI_KEY(u, ACT_CLOSE));
	draw_pane_title(u, w, title, width, true);
	int nw, tw;
	widths(width, &nw, &tw);
	views_draw_cells(u, w, 1, 1, (views_cell[]){ { _("Login"), LOGIN_W, THEME_DIM }, { _("Name"), nw, THEME_DIM },
						     { _("Role"), ROLE_W, THEME_DIM },
						     { _("Leaderboard"), BOARD_W, THEME_DIM },
						     { _("Teams"), tw, THEME_DIM } }, 5);
	views_draw_rows(u, w, 2, h, width, s->npeople, selected(u), &pv->top, draw_row, s);
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
	unsigned d = views_list_key(a, &sel, s->npeople);   /* p and :people close it in views.c */
	if (d != VIEWS_PASS)
		select_row(u->views->people, s, sel);
	return d;
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
