/*
 * cycles.c — the cycle list (action `cycle`, C): a small overlay over the
 * panes that switches the cycle shown.
 */
#include <stdio.h>
#include <stdlib.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/util.h"
#include "ui_int.h"

typedef struct {
	ui_screen base;
	size_t sel;
} cycles_screen;

static void cycles_draw(ui *u, ui_screen *s)
{
	cycles_screen *c = (cycles_screen *)s;
	WINDOW *w = s->win;
	int h = getmaxy(w), wd = getmaxx(w);
	char title[256], none[256];
	snprintf(title, sizeof title, _(" Cycle — %s picks · %s add · %s edit · %s closes "), UI_KEY(u, ACT_OPEN),
		 UI_KEY(u, ACT_ADD_KR), UI_KEY(u, ACT_EDIT), UI_KEY(u, ACT_CLOSE));
	draw_frame(u, w, title, THEME_HELP_SECTION);
	snprintf(none, sizeof none, _("No cycle yet — %s adds the first one"), UI_KEY(u, ACT_ADD_KR));
	if (!u->d.snap.ncycles)
		draw_text(u, w, 1, 2, none, wd - 4, THEME_DIM, TEXT_ALIGN_LEFT);
	const okr_snapshot *sn = &u->d.snap;
	for (size_t i = 0; i < sn->ncycles && (int)i + 1 < h - 1; i++) {
		const okr_cycle *cy = &sn->cycles[i];
		static const char *const states[] = { N_("planning"), N_("active"), N_("closed") };
		char buf[256], from[11], to[11];
		char *name = text_pad(cy->name, 20, TEXT_ALIGN_LEFT);
		okr_format_date(cy->start, from);
		okr_format_date(cy->end, to);
		snprintf(buf, sizeof buf, "%s %s %s → %s  %s%s", cy->id == u->cycle_id ? "•" : " ", name, from, to,
			 _(states[cy->state]), cy->current ? _(" (current)") : "");
		free(name);
		draw_text(u, w, (int)i + 1, 1, buf, wd - 2, THEME_NORMAL, TEXT_ALIGN_LEFT);
		if (i == c->sel)
			mvwchgat(w, (int)i + 1, 1, wd - 2, (attr_t)(theme_attr(u->paint, THEME_SELECTED) & ~A_COLOR),
				 theme_pair(u->paint, THEME_SELECTED), NULL);
	}
}

static void cycles_size(ui *u, ui_screen *s, int *h, int *w)
{
	(void)s;
	*h = (int)u->d.snap.ncycles + 3;
	*w = 66;
}

static unsigned cycles_key(ui *u, ui_screen *s, int key, okr_action a)
{
	cycles_screen *c = (cycles_screen *)s;
	size_t n = u->d.snap.ncycles;
	(void)key;
	if (a == ACT_DOWN && c->sel + 1 < n)
		c->sel++;
	else if (a == ACT_UP && c->sel > 0)
		c->sel--;
	else if (a == ACT_ADD_KR || a == ACT_ADD_OBJECTIVE) {
		unsigned d = screen_close(u, s);
		return form_open_cycle(u, NULL) | d;
	} else if (a == ACT_EDIT && n) {
		okr_cycle *cy = &u->d.snap.cycles[c->sel];
		screen_close(u, s);
		return form_open_cycle(u, cy) | DIRTY_ALL;
	} else if (a == ACT_OPEN) {
		int64_t id = n ? u->d.snap.cycles[c->sel].id : 0;
		unsigned d = screen_close(u, s);
		return n ? cmdline_switch_cycle(u, id) | d : d;
	} else if (a == ACT_CLOSE || a == ACT_QUIT || a == ACT_CYCLE) {
		return screen_close(u, s);
	}
	return DIRTY_OVERLAY;
}

/* A click selects a cycle, a double click switches to it, the wheel moves. */
static unsigned cycles_mouse(ui *u, ui_screen *s, int button, int x, int y, bool dbl)
{
	cycles_screen *c = (cycles_screen *)s;
	if (button == 64 || button == 65)
		return cycles_key(u, s, 0, button == 65 ? ACT_DOWN : ACT_UP);
	if (!mouse_in_window(s->win, &y, &x))
		return 0;
	size_t i = (size_t)(y - 1);
	if (y < 1 || i >= u->d.snap.ncycles)
		return 0;
	c->sel = i;
	return dbl ? cycles_key(u, s, 0, ACT_OPEN) : DIRTY_OVERLAY;
}

/* A reload may drop a cycle: the selection stays inside the list. */
static void cycles_data_changed(ui *u, ui_screen *s, bool live)
{
	cycles_screen *c = (cycles_screen *)s;
	(void)live;
	if (c->sel >= u->d.snap.ncycles)
		c->sel = u->d.snap.ncycles ? u->d.snap.ncycles - 1 : 0;
}

static const ui_screen_ops cycles_ops = {
	.name = "cycles",
	.scope = OKR_SCOPE_MAIN,
	.modal = true,
	.key = cycles_key,
	.mouse = cycles_mouse,
	.size = cycles_size,
	.draw = cycles_draw,
	.data_changed = cycles_data_changed,
	.close = screen_free,
};

unsigned cmdline_cycles_open(ui *u)
{
	cycles_screen *c = okr_xcalloc(1, sizeof *c);
	c->base.ops = &cycles_ops;
	for (size_t i = 0; i < u->d.snap.ncycles; i++)
		if (u->d.snap.cycles[i].id == u->cycle_id)
			c->sel = i;
	screen_push(u, &c->base);
	return DIRTY_OVERLAY;
}
