/*
 * statusbar.c — the header (who, which database, which cycle, the filter,
 * whether the view is live and when the data last changed, read-only) and
 * the footer (messages, the `:` and `/` prompts, "waiting for the
 * database…", else a reminder of the main keys taken from the live key map).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "okr/i18n.h"
#include "okr/text.h"
#include "okr/util.h"
#include "ui_int.h"
#include "views.h"

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* The right end of the header: live or polling, when the data last changed,
 * read-only.  Shared with the celebration banner, which leaves it in place. */
void statusbar_header_right(ui *u, char *right, size_t len)
{
	right[0] = '\0';
	const char *lost = reopen_header_text(u);
	if (lost) {
		/* Never "live" over a file that is gone: say what happened. */
		snprintf(right, len, "✖ %s ", lost);
	} else if (u->last_change) {
		time_t t = (time_t)u->last_change;
		struct tm tm;
		char hm[16] = "";
		if (localtime_r(&t, &tm))
			strftime(hm, sizeof hm, "%H:%M:%S", &tm);
		snprintf(right, len, _("%s %s · changed %s "), u->live ? "●" : "○",
			 u->live ? _("live") : _("polling"), hm);
	} else {
		snprintf(right, len, "%s %s ", u->live ? "●" : "○", u->live ? _("live") : _("polling"));
	}
	if (u->readonly) {
		char ro[160];
		snprintf(ro, sizeof ro, _("read-only · %s"), right);
		okr_strlcpy(right, ro, len);
	}
	size_t due = view_due_count(u);   /* what the viewer owes: D lists it */
	if (due) {
		char with[256];
		snprintf(with, sizeof with, _("%zu due · %s"), due, right);
		okr_strlcpy(right, with, len);
	}
}

void statusbar_draw_header(ui *u)
{
	WINDOW *w = u->header;
	if (!w)
		return;
	int width = getmaxx(w);
	const okr_cycle *cy = okr_snapshot_cycle(&u->d.snap);
	const char *filter = u->filter == FILTER_MINE ? _("mine") : u->filter == FILTER_TEAM ? _("my team") : _("all");
	char left[1024];
	snprintf(left, sizeof left, " okr · @%s · %s · %s · %s", u->ctx->login, base_name(okr_store_path(u->store)),
		 cy ? cy->name : _("no cycle"), filter);
	char right[256];
	statusbar_header_right(u, right, sizeof right);
	int rw = text_width(right);
	if (rw > width)
		rw = width;
	/* A cut left part ends one column short of the right part, so "2026-…"
	 * and "1 due" never run together on a narrow terminal. */
	int lw = width - rw > 1 ? width - rw - 1 : width - rw;
	draw_text(u, w, 0, 0, left, lw, THEME_STATUSBAR, TEXT_ALIGN_LEFT);
	draw_text(u, w, 0, lw, " ", width - rw - lw, THEME_STATUSBAR, TEXT_ALIGN_LEFT);
	draw_text(u, w, 0, width - rw, right, rw, THEME_STATUSBAR_LIVE, TEXT_ALIGN_RIGHT);
	wnoutrefresh(w);
}

/* y and Y, n and N: a letter's other case is not named again. */
static bool other_case_named(const ui *u, okr_action a, size_t upto, int key)
{
	if (key > 127 || !((key | 32) >= 'a' && (key | 32) <= 'z'))
		return false;
	for (size_t i = 0; i < upto; i++)
		if (u->keys.b[i].action == a && u->keys.b[i].key == (key ^ 32))
			return true;
	return false;
}

const char *statusbar_keys(const ui *u, okr_action a, int most, char *buf, size_t len)
{
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < u->keys.n && most > 0 && n < len; i++) {
		char name[KEYMAP_NAME_MAX];
		if (u->keys.b[i].action != a || other_case_named(u, a, i, u->keys.b[i].key))
			continue;
		keymap_key_name(u->keys.b[i].key, name, sizeof name);
		n += (size_t)snprintf(buf + n, len - n, n ? _(" or %s") : "%s", name);
		most--;
	}
	if (!buf[0])
		snprintf(buf, len, "—");
	return buf;
}

/* "? help  c check-in  …" from the key map, so a rebinding shows here. */
static void hints(ui *u, char *buf, size_t len)
{
	static const struct { okr_action a; const char *label; } h[] = {
		{ ACT_HELP, N_("help") }, { ACT_CHECKIN, N_("check in") }, { ACT_SEARCH, N_("search") },
		{ ACT_NEXT_PANE, N_("pane") }, { ACT_DETAIL, N_("detail") }, { ACT_COMMAND, N_("command") },
		{ ACT_QUIT, N_("quit") },
	};
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof h / sizeof h[0] && n + 1 < len; i++) {
		const char *keys = UI_KEY(u, h[i].a);
		if (!strcmp(keys, "—"))
			continue;
		n += (size_t)snprintf(buf + n, len - n, " %s %s ", keys, _(h[i].label));
		if (n >= len)
			n = len - 1;
	}
}

/* A line of key hints wider than the footer (translated words are often
 * longer than English ones) loses the second space between its items
 * before it loses items at the end. */
static void fit_hints(char *h, int width)
{
	if (text_width(h) <= width)
		return;
	char *o = h;
	for (const char *p = h; *p; p++)
		if (!(p[0] == ' ' && p[1] == ' ' && p != h))
			*o++ = *p;
	*o = '\0';
}

void statusbar_draw_footer(ui *u)
{
	WINDOW *w = u->footer;
	if (!w)
		return;
	int width = getmaxx(w);
	wbkgdset(w, ' ' | (chtype)theme_attr(u->paint, THEME_NORMAL));
	werase(w);
	leaveok(w, TRUE);
	if (u->waiting) {
		draw_text(u, w, 0, 0, _(" waiting for the database… (another writer is busy)"), width, THEME_MESSAGE,
			  TEXT_ALIGN_LEFT);
	} else if (u->msg[0]) {
		char m[1100];
		snprintf(m, sizeof m, " %s", u->msg);
		draw_text(u, w, 0, 0, m, width, u->msg_error ? THEME_MESSAGE_ERROR : THEME_MESSAGE, TEXT_ALIGN_LEFT);
	} else if (review_current(u)) {
		char h[512];
		review_hints(u, h, sizeof h);
		fit_hints(h, width);
		draw_text(u, w, 0, 0, h, width, THEME_DIM, TEXT_ALIGN_LEFT);
	} else {
		char h[512];
		hints(u, h, sizeof h);
		fit_hints(h, width);
		draw_text(u, w, 0, 0, h, width, THEME_DIM, TEXT_ALIGN_LEFT);
	}
	wnoutrefresh(w);
}

/*
 * Called from inside a write that has waited about a second for another
 * writer.  Nothing is drawn here: the footer is marked dirty and the frame is
 * made by app_frame, the loop's own frame function, with the same stack and
 * the same one doupdate().
 *
 * Why the frame runs now and not at the loop's next turn: the loop is the
 * caller of this write, so it is blocked until the write ends.  A flag or a
 * byte on a self-pipe would be seen only after the wait is over, when the
 * message is no longer true; a thread that draws would need the screen
 * locked against the loop.  The write may wait for seconds, and the person
 * must see why okr does not answer while it waits, so the frame is made
 * once, here, and the message stays until the write returns (the form or
 * action that wrote clears u->waiting and draws again).  Drawing is pure
 * (no screen's draw calls the store), so a frame made from inside a write
 * cannot start another one.
 */
void statusbar_on_wait(void *ctx)
{
	ui *u = ctx;
	if (u->waiting || !u->footer)
		return;
	u->waiting = true;
	u->dirty |= DIRTY_FOOTER;
	app_frame(u);
}
