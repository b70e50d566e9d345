/*
 * term_check.c — whether the terminal type in $TERM can be used, asked
 * before curses starts.
 *
 * newterm() answers the same question, but when it fails it leaves behind
 * memory it allocated (ncurses' "prescreen", seen by LeakSanitizer on every
 * run with an unknown TERM).  setupterm() on a failure allocates nothing,
 * and on success its description is freed at once.  Kept apart from app.c
 * because term.h defines macros (lines, columns, …) that clash with names in
 * ui_int.h.
 */
#include <stdbool.h>
#include <curses.h>
#include <term.h>
#include <unistd.h>

/* Declared in ui_int.h, which cannot be included after term.h. */
bool ui_term_known(void);

bool ui_term_known(void)
{
	int err = 0;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return false;
	del_curterm(cur_term);
	cur_term = NULL;
	return true;
}
