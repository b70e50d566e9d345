/*
 * views.c — the full-body views (see views.h): which one is open, its
 * window, and the keys every view treats alike (Esc, q and the view's own
 * key close it; help, `:`, theme, redraw and the cycle list keep working).
 */
#include <math.h>
#include <stdio.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "views.h"

static ui_view_id open_view;
static WINDOW *win;

bool views_active(void)
{
	return open_view != VIEW_NONE;
}

ui_view_id views_current(void)
{
	return open_view;
}

static void drop_window(void)
{
	if (win)
		delwin(win);
	win = NULL;
}

unsigned views_open(ui *u, ui_view_id v)
{
	(void)u;
	open_view = v;
	return DIRTY_ALL;
}

/* The panes come back: their windows are made again and drawn whole, which
 * also covers every cell the view used. */
unsigned views_close(ui *u)
{
	(void)u;
	open_view = VIEW_NONE;
	drop_window();
	return DIRTY_ALL | DIRTY_LAYOUT;
}

unsigned views_toggle(ui *u, ui_view_id v)
{
	return open_view == v ? views_close(u) : views_open(u, v);
}

unsigned views_key(ui *u, int key, okr_action a)
{
	if (!open_view)
		return VIEWS_PASS;
	switch (a) {
	case ACT_HELP:
	case ACT_COMMAND:
	case ACT_THEME:
	case ACT_REFRESH:
	case ACT_CYCLE:
	case ACT_KPIS:
	case ACT_DUE:
	case ACT_RHYTHM:
	case ACT_PLAN_CYCLE:
	case ACT_PEOPLE:
		return VIEWS_PASS;
	default:
		break;
	}
	unsigned d = open_view == VIEW_KPIS ? view_kpis_key(u, key, a)
		   : open_view == VIEW_RHYTHM ? view_rhythm_key(u, key, a)
		   : open_view == VIEW_PLAN ? view_plan_key(u, key, a)
		   : open_view == VIEW_LOG ? view_log_key(u, key, a)
		   : open_view == VIEW_PEOPLE ? view_people_key(u, key, a) : view_due_key(u, key, a);
	if (d != VIEWS_PASS)
		return d;
	if (key == 27 || a == ACT_QUIT)
		return views_close(u);
	if (a == ACT_NONE)
		return VIEWS_PASS;
	char name[KEYMAP_NAME_MAX];
	app_message(u, false, _("%s does nothing in this view — Esc goes back"),
		    keymap_key_name(key, name, sizeof name));
	return DIRTY_FOOTER;
}

bool views_draw(ui *u)
{
	if (!open_view)
		return false;
	if (!u->dirty)
		return true;
	int h = LINES - 2, w = COLS;
	if (h < 1 || w < 1)
		return true;
	if (win && (getmaxy(win) != h || getmaxx(win) != w))
		drop_window();
	if (!win && !(win = newwin(h, w, 1, 0)))
		return true;
	leaveok(win, TRUE);
	wbkgdset(win, ' ' | (chtype)theme_attr(THEME_NORMAL));
	werase(win);
	if (open_view == VIEW_KPIS)
		view_kpis_draw(u, win, h, w);
	else if (open_view == VIEW_RHYTHM)
		view_rhythm_draw(u, win, h, w);
	else if (open_view == VIEW_PLAN)
		view_plan_draw(u, win, h, w);
	else if (open_view == VIEW_LOG)
		view_log_draw(u, win, h, w);
	else if (open_view == VIEW_PEOPLE)
		view_people_draw(u, win, h, w);
	else
		view_due_draw(u, win, h, w);
	/* The panes' windows may have been refreshed this frame (a reload
	 * marks them dirty): touching ours makes it win in the virtual screen. */
	touchwin(win);
	wnoutrefresh(win);
	return true;
}

void views_free(void)
{
	drop_window();
	open_view = VIEW_NONE;
	view_kpis_free();
	view_due_free();
	view_rhythm_free();
	view_plan_free();
	view_log_free();
	view_people_free();
}

long views_list_move(okr_action a, long sel, long n)
{
	long last = n - 1;
	long to = a == ACT_DOWN ? sel + 1 : a == ACT_UP ? sel - 1 : a == ACT_TOP ? 0 : a == ACT_BOTTOM ? last
		: a == ACT_PAGE_DOWN ? sel + 10 : a == ACT_PAGE_UP ? sel - 10 : -2;
	if (to == -2)
		return -1;
	if (to > last)
		to = last;
	return to < 0 ? 0 : to;
}

const char *view_number(double v, char *buf, size_t len)
{
	return okr_format_value(v, 0, buf, len);
}
