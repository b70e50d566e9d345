/*
 * views.c — the full-body views (see views.h) as one kind of screen: which
 * one is open, its window, and the keys every view treats alike (Esc, q and
 * the view's own key close it; help, `:`, theme, redraw and the cycle list
 * are the main screen's, beneath).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/util.h"
#include "views.h"

/* One full-body view on the stack: which one, in the window of its base. */
typedef struct {
	ui_screen base;
	ui_view_id id;
} view_screen;

static const ui_screen_ops view_ops;

static view_screen *top_view(const ui *u)
{
	ui_screen *top = screen_top(u);
	return top && top->ops == &view_ops ? (view_screen *)top : NULL;
}

bool views_top(const ui *u)
{
	return top_view(u) != NULL;
}

ui_view_id views_current(const ui *u)
{
	const view_screen *v = (const view_screen *)screen_find(u, &view_ops);
	return v ? v->id : VIEW_NONE;
}

/* A view opened from a view takes its place: Esc goes back to the panes,
 * not through every view looked at. */
unsigned views_open(ui *u, ui_view_id id)
{
	view_screen *v = top_view(u);
	if (v) {
		v->id = id;
		return DIRTY_ALL;
	}
	v = okr_xcalloc(1, sizeof *v);
	v->base.ops = &view_ops;
	v->id = id;
	screen_push(u, &v->base);
	return DIRTY_ALL;
}

/* The panes come back: their windows are made again and drawn whole, which
 * also covers every cell the view used. */
unsigned views_close(ui *u)
{
	view_screen *v = (view_screen *)screen_find(u, &view_ops);
	return v ? screen_close(u, &v->base) : 0;
}

unsigned views_toggle(ui *u, ui_view_id id)
{
	view_screen *v = top_view(u);
	return v && v->id == id ? views_close(u) : views_open(u, id);
}

/* What each view does itself: everything else about a view is this file's. */
static const struct {
	void (*draw)(ui *u, WINDOW *w, int h, int width);
	unsigned (*key)(ui *u, int key, okr_action a);
	void (*prepare)(ui *u);   /* before a frame: what it reads from the store; NULL: nothing */
} views[] = {
	[VIEW_KPIS] = { view_kpis_draw, view_kpis_key, view_kpis_prepare },
	[VIEW_DUE] = { view_due_draw, view_due_key, NULL },
	[VIEW_RHYTHM] = { view_rhythm_draw, view_rhythm_key, NULL },
	[VIEW_PLAN] = { view_plan_draw, view_plan_key, NULL },
	[VIEW_LOG] = { view_log_draw, view_log_key, view_log_reload },
	[VIEW_PEOPLE] = { view_people_draw, view_people_key, NULL },
	[VIEW_SETTINGS] = { view_settings_draw, view_settings_key, view_settings_prepare },
};

static unsigned view_own_key(ui *u, ui_view_id id, int key, okr_action a)
{
	return views[id].key(u, key, a);
}

static unsigned view_key(ui *u, ui_screen *s, int key, okr_action a)
{
	view_screen *v = (view_screen *)s;
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
	case ACT_SETTINGS:
		return UI_PASS;
	default:
		break;
	}
	unsigned d = view_own_key(u, v->id, key, a);
	if (d != VIEWS_PASS)
		return d;
	if (a == ACT_CLOSE || a == ACT_QUIT)
		return views_close(u);
	if (a == ACT_NONE)
		return UI_PASS;
	char name[KEYMAP_NAME_MAX];
	app_message(u, false, _("%s does nothing in this view — %s goes back"),
		    keymap_key_name(key, name, sizeof name), UI_KEY(u, ACT_CLOSE));
	return DIRTY_FOOTER;
}

unsigned views_action(ui *u, okr_action a)
{
	view_screen *v = top_view(u);
	unsigned d = v ? view_own_key(u, v->id, 0, a) : VIEWS_PASS;
	return d == VIEWS_PASS ? 0 : d;
}

static void view_draw(ui *u, ui_screen *s)
{
	view_screen *v = (view_screen *)s;
	if (!u->dirty)
		return;
	int h = LINES - 2, w = COLS;
	if (h < 1 || w < 1)
		return;
	if (s->win && (getmaxy(s->win) != h || getmaxx(s->win) != w)) {
		delwin(s->win);
		s->win = NULL;
	}
	if (!s->win && !(s->win = newwin(h, w, 1, 0)))
		return;
	WINDOW *win = s->win;
	leaveok(win, TRUE);
	wbkgdset(win, ' ' | (chtype)theme_attr(u->paint, THEME_NORMAL));
	werase(win);
	views[v->id].draw(u, win, h, w);
	/* The panes' windows may have been refreshed this frame (a reload
	 * marks them dirty): touching ours makes it win in the virtual screen. */
	touchwin(win);
	wnoutrefresh(win);
}

static void view_prepare(ui *u, ui_screen *s)
{
	view_screen *v = (view_screen *)s;
	if (views[v->id].prepare)
		views[v->id].prepare(u);
}

static const ui_screen_ops view_ops = {
	.name = "view",
	.scope = OKR_SCOPE_MAIN,
	.covers = UI_COVER_BODY,
	.key = view_key,
	.draw = view_draw,
	.prepare = view_prepare,
	.close = screen_free,
};

struct ui_views *views_new(void)
{
	struct ui_views *v = okr_xcalloc(1, sizeof *v);
	v->kpis = view_kpis_new();
	v->due = view_due_new();
	v->rhythm = view_rhythm_new();
	v->plan = view_plan_new();
	v->log = view_log_new();
	v->people = view_people_new();
	v->settings = view_settings_new();
	return v;
}

void views_free(struct ui_views *v)
{
	if (!v)
		return;
	view_kpis_free(v->kpis);
	view_due_free(v->due);
	view_rhythm_free(v->rhythm);
	view_plan_free(v->plan);
	view_log_free(v->log);
	view_people_free(v->people);
	view_settings_free(v->settings);
	free(v);
}

long views_list_move(okr_action a, long sel, long n)
{
	return layout_list_move(a, sel, n, 10);
}

unsigned views_list_key(okr_action a, size_t *sel, size_t n)
{
	long to = views_list_move(a, (long)*sel, (long)n);
	if (to < 0)
		return VIEWS_PASS;
	*sel = (size_t)to;
	return DIRTY_ALL;
}

void views_draw_cells(ui *u, WINDOW *w, int y, int x, const views_cell *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (c[i].width <= 0)
			continue;
		draw_text(u, w, y, x, c[i].text, c[i].width, c[i].slot, TEXT_ALIGN_LEFT);
		x += c[i].width + 1;
	}
}

void views_draw_rows(ui *u, WINDOW *w, int y0, int h, int width, size_t n, size_t sel, int *top, views_row_fn row,
		     const void *ctx)
{
	int rows = h - y0;
	if ((int)sel < *top)
		*top = (int)sel;
	if (rows > 0 && (int)sel >= *top + rows)
		*top = (int)sel - rows + 1;
	if (*top < 0)
		*top = 0;
	for (int r = 0; r < rows && (size_t)(*top + r) < n; r++) {
		size_t i = (size_t)(*top + r);
		row(u, w, y0 + r, width, i, ctx);
		if (i == sel)
			draw_row_attr(u, w, y0 + r, THEME_SELECTED);
	}
}

const char *view_number(double v, char *buf, size_t len)
{
	return okr_format_value(v, 0, buf, len);
}
