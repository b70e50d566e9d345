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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <curses.h>
#include <term.h>
#include <unistd.h>

#include "okr/i18n.h"

/* Declared in ui_int.h. */
const char *ui_term_problem(const char *cmd, char *msg, size_t len);

/* A terminal that cannot put the cursor where it wants (dumb, an emacs
 * shell buffer, a printer) would get a blank or garbled screen: say so, and
 * name what works there. */
const char *ui_term_problem(const char *cmd, char *msg, size_t len)
{
	const char *t = getenv("TERM");
	int err = 0;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		if (!strcmp(cmd, "board"))
			snprintf(msg, len, _("okr: cannot use the terminal type '%s' — set TERM to one this "
						    "system knows, e.g. TERM=xterm-256color, or use `okr board --once`"),
				 t ? t : "");
		else
			snprintf(msg, len, _("okr: cannot use the terminal type '%s' — set TERM to one this "
						    "system knows, e.g. TERM=xterm-256color"), t ? t : "");
		return msg;
	}
	char *cup = tigetstr("cup");
	bool moves = cup && cup != (char *)-1;
	del_curterm(cur_term);
	cur_term = NULL;
	if (moves)
		return NULL;
	if (!strcmp(cmd, "board"))
		snprintf(msg, len, _("okr: the terminal type '%s' cannot move the cursor, which the full-screen "
					    "board needs — run it in a terminal such as xterm, tmux or screen "
					    "(TERM=xterm-256color), or print it once with `okr board --once`"), t ? t : "");
	else
		snprintf(msg, len, _("okr: the terminal type '%s' cannot move the cursor, which the full-screen "
					    "view needs — run it in a terminal such as xterm, tmux or screen "
					    "(TERM=xterm-256color), or use the commands: `okr status`, `okr list`, "
					    "`okr checkin`"), t ? t : "");
	return msg;
}
