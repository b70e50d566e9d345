/*
 * screen.c — the stack of screens (see ui_int.h): who gets a key, what is
 * drawn in which order, and who hears of a new snapshot or a new size.
 *
 * The bottom screen is the application's first one: the panes for `okr`,
 * the same panes under the review for `okr review`, the live board for
 * `okr board`.  Everything else is pushed on top and closes itself.
 */
#include <stdlib.h>

#include "ui_int.h"

void screen_push(ui *u, ui_screen *s)
{
	if (u->nstack == UI_STACK_MAX) {
		/* Deeper than any path through the screens goes: refuse the
		 * newest rather than lose one the person is in. */
		s->ops->close(u, s);
		return;
	}
	u->stack[u->nstack++] = s;
	u->dirty |= DIRTY_ALL;
}

ui_screen *screen_top(const ui *u)
{
	return u->nstack ? u->stack[u->nstack - 1] : NULL;
}

ui_screen *screen_find(const ui *u, const ui_screen_ops *ops)
{
	for (int i = u->nstack - 1; i >= 0; i--)
		if (u->stack[i]->ops == ops)
			return u->stack[i];
	return NULL;
}

/* What was beneath is drawn whole again: its windows hold the cells the
 * closed screen covered.  A body screen's windows are made again too. */
unsigned screen_close(ui *u, ui_screen *s)
{
	int at = -1;
	for (int i = 0; i < u->nstack; i++)
		if (u->stack[i] == s)
			at = i;
	if (at < 0)
		return 0;
	for (int i = at; i + 1 < u->nstack; i++)
		u->stack[i] = u->stack[i + 1];
	u->nstack--;
	unsigned d = DIRTY_ALL | (s->ops->covers ? DIRTY_LAYOUT : 0);
	if (s->win)
		delwin(s->win);
	s->win = NULL;
	s->ops->close(u, s);
	u->dirty |= d;
	return d;
}

void screen_free(ui *u, ui_screen *s)
{
	(void)u;
	free(s);
}

void screen_close_all(ui *u)
{
	while (u->nstack)
		screen_close(u, u->stack[u->nstack - 1]);
}

bool screen_active(const ui *u, const ui_screen *s)
{
	int p = s->ops->pane - 1;
	return p < 0 || (u->focus == p && u->panes[p].shown);
}

ui_screen *screen_keys_top(const ui *u)
{
	for (int i = u->nstack - 1; i >= 0; i--)
		if (screen_active(u, u->stack[i]))
			return u->stack[i];
	return NULL;
}

bool screen_pane_taken(const ui *u, int pane)
{
	for (int i = 0; i < u->nstack; i++)
		if (u->stack[i]->ops->pane == pane + 1)
			return true;
	return false;
}

/* The key goes to the top screen in its own keymap (falling back to the
 * generic one unless it types text); UI_PASS hands it down the stack.  A
 * screen living in a pane without the focus is passed over. */
unsigned screen_key(ui *u, int key)
{
	ui_screen *top = screen_top(u);
	if (top && !top->ops->modal && u->msg[0]) {
		u->msg[0] = '\0';
		u->dirty |= DIRTY_FOOTER;
	}
	for (int i = u->nstack - 1; i >= 0; i--) {
		ui_screen *s = u->stack[i];
		if (!screen_active(u, s))
			continue;
		okr_action a = keymap_lookup_in(&u->keys, s->ops->scope, !s->ops->own_keys_only, key);
		unsigned d = s->ops->key(u, s, key, a);
		if (d != UI_PASS)
			return d;
	}
	return 0;
}

unsigned screen_action(ui *u, okr_action a)
{
	for (int i = u->nstack - 1; i >= 0; i--) {
		ui_screen *s = u->stack[i];
		if (!screen_active(u, s))
			continue;
		unsigned d = s->ops->key(u, s, 0, a);
		if (d != UI_PASS)
			return d;
	}
	return 0;
}

void screen_prepare(ui *u)
{
	for (int i = 0; i < u->nstack; i++)
		if (u->stack[i]->ops->prepare)
			u->stack[i]->ops->prepare(u, u->stack[i]);
}

/* Bottom first: the panes' snapshot is what the screens above read. */
void screen_data_changed(ui *u, bool live)
{
	for (int i = 0; i < u->nstack; i++)
		if (u->stack[i]->ops->data_changed)
			u->stack[i]->ops->data_changed(u, u->stack[i], live);
	u->dirty |= DIRTY_ALL;
}

void screen_resize(ui *u)
{
	for (int i = 0; i < u->nstack; i++) {
		ui_screen *s = u->stack[i];
		if (s->win && !s->ops->size) {
			delwin(s->win);
			s->win = NULL;
		}
		if (s->ops->resize)
			s->ops->resize(u, s);
	}
}

unsigned screen_check(ui *u)
{
	unsigned d = 0;
	for (int i = 0; i < u->nstack; i++)
		if (u->stack[i]->ops->check)
			d |= u->stack[i]->ops->check(u, u->stack[i]);
	return d;
}

static void overlay_size(ui *u, ui_screen *s, int *hp, int *wp)
{
	int h = LINES - 2, w = COLS - 4;
	s->ops->size(u, s, &h, &w);
	*hp = h > LINES - 2 ? LINES - 2 : h;
	*wp = w > COLS ? COLS : w;
}

/* An overlay that changes size (a form's error line comes or goes, a key
 * result's type hides fields) would leave its old border on the cells it no
 * longer covers: everything beneath is drawn again in that frame. */
static void overlays_resized(ui *u)
{
	for (int i = 0; i < u->nstack && u->dirty; i++) {
		ui_screen *s = u->stack[i];
		int h, w;
		if (!s->ops->size || !s->win)
			continue;
		overlay_size(u, s, &h, &w);
		if (h != getmaxy(s->win) || w != getmaxx(s->win))
			u->dirty |= DIRTY_ALL;
	}
}

static void draw_overlay(ui *u, ui_screen *s)
{
	int h, w;
	overlay_size(u, s, &h, &w);
	if (s->win)
		delwin(s->win);
	s->win = NULL;
	if (h < 1 || w < 1)
		return;
	s->win = newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
	if (!s->win)
		return;
	wbkgdset(s->win, ' ' | (chtype)theme_attr(u->paint, THEME_NORMAL));
	werase(s->win);
	s->ops->draw(u, s);
	wnoutrefresh(s->win);
}

/* The top screen that covers the body: nothing beneath it is drawn. */
static int first_drawn(const ui *u, unsigned *covered)
{
	int base = 0;
	for (int i = u->nstack - 1; i >= 0; i--)
		if (u->stack[i]->ops->covers & UI_COVER_BODY) {
			base = i;
			break;
		}
	*covered = 0;
	for (int i = base; i < u->nstack; i++)
		*covered |= u->stack[i]->ops->covers;
	return base;
}

/* One frame of the stack: each screen draws what is dirty into its own
 * windows, the bars theirs, and the caller's one doupdate() sends it.
 * Returns whether the top screen shows the cursor. */
bool screen_render(ui *u)
{
	overlays_resized(u);
	unsigned covered;
	int base = first_drawn(u, &covered);
	for (int i = base; i < u->nstack; i++) {
		ui_screen *s = u->stack[i];
		if (s->ops->size) {
			if (u->dirty)
				draw_overlay(u, s);
		} else if (s->ops->draw) {
			s->ops->draw(u, s);
		}
	}
	if ((u->dirty & DIRTY_HEADER) && !(covered & UI_COVER_HEADER)) {
		statusbar_draw_header(u);
		celebrate_draw(u);
	}
	if ((u->dirty & DIRTY_FOOTER) && !(covered & UI_COVER_FOOTER))
		statusbar_draw_footer(u);
	ui_screen *top = screen_top(u);
	return top && top->ops->cursor && top->ops->cursor(u, top);
}
