/*
 * mouse_more.c — the mouse beyond the main panes (mouse.c routes here): in
 * the people view a click selects a person and a double click opens their
 * form; in the review the wheel goes to the next or previous key result (or
 * scrolls the summary) and a double click opens the grade.  The cycle list,
 * the forms and okr board take the mouse in their screen's mouse op.  Each
 * does what the key would, through the same handlers.
 */
#include "review_int.h"
#include "views.h"

bool mouse_in_window(WINDOW *w, int *y, int *x)
{
	if (!w)
		return false;
	int by, bx, h, wd;
	getbegyx(w, by, bx);
	getmaxyx(w, h, wd);
	*y -= by;
	*x -= bx;
	return *y >= 0 && *y < h && *x >= 0 && *x < wd;
}

unsigned mouse_view_click(ui *u, int y, bool dbl)
{
	if (views_current(u) != VIEW_PEOPLE)
		return 0;
	long i = view_people_row_at(u, y - 1);   /* the view's window starts below the header */
	if (i < 0)
		return 0;
	view_people_select(u, u->d.snap.people[i].login);
	return dbl ? views_action(u, ACT_OPEN) : DIRTY_ALL;
}

unsigned mouse_review(ui *u, bool dbl, int wheel)
{
	ui_review *rv = review_current(u);
	if (wheel)
		return review_key(u, 0, wheel > 0 ? ACT_DOWN : ACT_UP);
	if (dbl && !rv->summary)
		return review_key(u, 0, ACT_REVIEW_GRADE);
	return 0;
}
