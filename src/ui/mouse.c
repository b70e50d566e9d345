/*
 * mouse.c — the mouse, when okr.conf says `mouse = true;`: a click selects
 * the row under it and focuses its pane, a double click opens (as Enter),
 * the wheel scrolls the pane under the pointer (or the full-body view).
 *
 * The terminal is asked for SGR reports (modes 1000 and 1006) and the
 * reports are read here, not by curses: the terminfo entries of tmux and
 * screen describe the old X10 encoding, which cannot say a column past 223,
 * and curses would not recognise "ESC [ <".  define_key turns the report's
 * start into one key code; the rest ("b;x;yM") is already in the input.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ui_int.h"
#include "views.h"

enum { MOUSE_CODE = KEY_MAX + 1, DOUBLE_MS = 400, WHEEL_STEP = 3 };

int mouse_key(const ui *u)
{
	return u->mouse.on ? KEYMAP_KEY(MOUSE_CODE) : -2;
}

void mouse_start(ui *u)
{
	if (!u->cfg->mouse)
		return;
	define_key("\033[<", MOUSE_CODE);
	fputs("\033[?1000h\033[?1006h", stdout);
	fflush(stdout);
	u->mouse.on = true;
}

void mouse_stop(ui *u)
{
	if (!u->mouse.on)
		return;
	fputs("\033[?1006l\033[?1000l", stdout);
	fflush(stdout);
	u->mouse.on = false;
}

/* The rest of a report: "b;x;y" and M (press) or m (release).  False
 * when it is not one (then what was read is dropped: it was no key). */
bool mouse_read_report(WINDOW *in, int *b, int *x, int *y, bool *press)
{
	int v[3] = { 0, 0, 0 }, n = 0;
	bool digits = false;
	for (int i = 0; i < 24; i++) {
		wint_t ch;
		if (wget_wch(in, &ch) != OK)
			return false;
		if (ch >= '0' && ch <= '9' && v[n] < 100000) {
			v[n] = v[n] * 10 + (int)(ch - '0');
			digits = true;
		} else if (ch == ';' && n < 2 && digits) {
			n++;
			digits = false;
		} else if ((ch == 'M' || ch == 'm') && n == 2 && digits) {
			*b = v[0];
			*x = v[1] - 1;
			*y = v[2] - 1;
			*press = ch == 'M';
			return true;
		} else {
			return false;
		}
	}
	return false;
}

static int pane_at(ui *u, int x, int y)
{
	for (int i = 0; i < PANE_COUNT; i++) {
		const ui_pane *p = &u->panes[i];
		if (p->shown && y >= p->y && y < p->y + p->h && x >= p->x && x < p->x + p->w)
			return i;
	}
	return -1;
}

/* Select the row at window row wy of pane i (the lists; other panes are
 * only focused). */
static void select_at(ui *u, int i, int wy)
{
	const ui_pane *p = &u->panes[i];
	if (i == PANE_OBJECTIVES && wy >= 1 && (size_t)(p->top + wy - 1) < u->d.nrows) {
		data_select_objective_row(u, (size_t)(p->top + wy - 1));
	} else if (i == PANE_KRS) {
		int first = p->h >= 6 ? 2 : 1;
		if (wy >= first && (size_t)(p->top + wy - first) < u->d.nkrs) {
			data_select_kr_row(u, (size_t)(p->top + wy - first));
			u->panes[PANE_DETAIL].top = 0;
		}
	}
}

/* A left press at x, y: the second of a double click? */
bool mouse_second_click(ui *u, int x, int y)
{
	long long now = app_ms();
	bool dbl = now - u->mouse.last_ms <= DOUBLE_MS && x == u->mouse.last_x && y == u->mouse.last_y;
	u->mouse.last_ms = dbl ? 0 : now;
	u->mouse.last_x = x;
	u->mouse.last_y = y;
	return dbl;
}

static unsigned click(ui *u, int x, int y, bool dbl)
{
	int i = pane_at(u, x, y);
	if (i < 0)
		return 0;
	select_at(u, i, y - u->panes[i].y);
	unsigned d = layout_focus(u, i) | DIRTY_PANES;
	if (dbl)
		d |= screen_action(u, ACT_OPEN);
	return d;
}

static unsigned wheel(ui *u, int x, int y, bool down)
{
	okr_action a = down ? ACT_DOWN : ACT_UP;
	unsigned d = 0;
	if (views_top(u)) {
		for (int k = 0; k < WHEEL_STEP; k++)
			d |= views_action(u, a);
		return d;
	}
	int i = pane_at(u, x, y);
	if (i < 0)
		return 0;
	d = layout_focus(u, i);
	for (int k = 0; k < WHEEL_STEP; k++)
		d |= screen_action(u, a);
	return d;
}

unsigned mouse_event(ui *u, WINDOW *in)
{
	int b, x, y;
	bool press;
	if (!mouse_read_report(in, &b, &x, &y, &press) || !press)
		return 0;
	/* The `:` and `/` prompts keep the keyboard's rules. */
	ui_screen *top = screen_top(u);
	if (!top || cmdline_open_kind(u) != PROMPT_NONE || u->too_small)
		return 0;
	int button = b & ~(4 | 8 | 16 | 32);   /* without shift, meta, ctrl, motion */
	int notch = button == 64 ? -1 : button == 65 ? 1 : 0;
	bool left = button == 0 && !(b & 32);
	if (!notch && !left)
		return 0;
	bool dbl = left && mouse_second_click(u, x, y);
	if (top->ops->mouse)   /* a screen with rules of its own (okr board) */
		return top->ops->mouse(u, top, button, x, y, dbl);
	if (top->ops->modal)   /* help and confirmations keep the keyboard's rules */
		return 0;
	if (u->msg[0]) {
		u->msg[0] = '\0';
		u->dirty |= DIRTY_FOOTER;
	}
	if (review_current(u))
		return mouse_review(u, dbl, notch);
	if (notch)
		return wheel(u, x, y, notch > 0);
	return views_top(u) ? mouse_view_click(u, y, dbl) : click(u, x, y, dbl);
}
