/*
 * mouse_more.c — the mouse beyond the main panes (mouse.c routes here): in
 * the cycle list a click selects a cycle, a double click switches to it and
 * the wheel moves; in a form a click goes to the field under it and a
 * double click on a choice turns it; in the people view a click selects a
 * person and a double click opens their form; in the review the wheel goes
 * to the next or previous key result (or scrolls the summary) and a double
 * click opens the grade.  Each does what the key would, through the same
 * handlers.
 */
#include "form_int.h"
#include "review_int.h"
#include "views.h"

/* y, x relative to the overlay window; false when outside it. */
static bool in_overlay(const ui *u, int *y, int *x)
{
	if (!u->overlay_win)
		return false;
	int by, bx, h, w;
	getbegyx(u->overlay_win, by, bx);
	getmaxyx(u->overlay_win, h, w);
	*y -= by;
	*x -= bx;
	return *y >= 0 && *y < h && *x >= 0 && *x < w;
}

static unsigned cycles_click(ui *u, int wy, bool dbl)
{
	size_t i = (size_t)(wy - 1);
	if (wy < 1 || i >= u->d.snap.ncycles)
		return 0;
	u->cycle_sel = i;
	return dbl ? cmdline_cycles_key(u, '\n', ACT_OPEN) : DIRTY_OVERLAY;
}

static unsigned form_click(ui *u, int wy, bool dbl)
{
	ui_form *fm = u->form;
	int i = form_field_at(fm, getmaxy(u->overlay_win), wy);
	if (i < 0)
		return 0;
	fm->cur = i;
	if (dbl && fm->f[i].type == FIELD_CHOICE)
		return form_key(u, ' ');
	return DIRTY_ALL;   /* a compact form changes its rows with the field */
}

unsigned mouse_overlay(ui *u, int x, int y, bool dbl, int wheel)
{
	if (wheel)
		return u->overlay == OVERLAY_CYCLES ? cmdline_cycles_key(u, 0, wheel > 0 ? ACT_DOWN : ACT_UP) : 0;
	if (!in_overlay(u, &y, &x))
		return 0;
	if (u->overlay == OVERLAY_CYCLES)
		return cycles_click(u, y, dbl);
	if (u->overlay == OVERLAY_FORM && u->form)
		return form_click(u, y, dbl);
	return 0;
}

unsigned mouse_view_click(ui *u, int y, bool dbl)
{
	if (views_current() != VIEW_PEOPLE)
		return 0;
	long i = view_people_row_at(u, y - 1);   /* the view's window starts below the header */
	if (i < 0)
		return 0;
	view_people_select(u->d.snap.people[i].login);
	return dbl ? views_key(u, '\n', ACT_OPEN) : DIRTY_ALL;
}

unsigned mouse_review(ui *u, bool dbl, int wheel)
{
	ui_review *rv = u->review;
	if (rv->input != INPUT_NONE)
		return 0;
	if (wheel)
		return review_key(u, 0, wheel > 0 ? ACT_DOWN : ACT_UP);
	if (dbl && !rv->summary)
		return review_key(u, 'g', ACT_NONE);
	return 0;
}
