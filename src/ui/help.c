/*
 * help.c — the `?` screen, generated from the action table (actions.h) and
 * the live key map, so it always shows the keys that work now, rebindings
 * from okr.conf included, and the `:` name of every action.
 */
#include <stdio.h>

#include "okr/i18n.h"
#include "okr/text.h"
#include "ui_int.h"

enum { KEYS_W = 16, NAME_W = 15 };

/* The review's own keys (review.c reads them directly, not through the key
 * map, because g, n, p and s mean something else on the main screen); the
 * check-in, comment and kudos keys are the main screen's, rebindings and all. */
static const struct { const char *keys; okr_action act; const char *help; } review_keys[] = {
	{ NULL, ACT_CHECKIN, N_("Check in this key result: value, confidence, note") },
	{ "g", ACT_NONE, N_("Grade it, 0.0–1.0 (at the end of the cycle), with a note") },
	{ NULL, ACT_COMMENT, N_("Comment on it") },
	{ NULL, ACT_KUDOS, N_("Give its owner kudos") },
	{ "n Space", ACT_NONE, N_("Next key result") },
	{ "p", ACT_NONE, N_("Previous key result") },
	{ "s", ACT_NONE, N_("Skip: next, marked as skipped in the summary") },
	{ "J", ACT_NONE, N_("Jump to a key result by its ID (K12)") },
	{ "q", ACT_NONE, N_("End the review: everything entered is already saved") },
};
enum { NREVIEW = (int)(sizeof review_keys / sizeof review_keys[0]) };

/* The ":name" column, or none when it would leave the description less
 * than 16 columns (a 40-column terminal): what a key does comes first. */
static int name_cols(int inner)
{
	return inner - 2 - KEYS_W - NAME_W >= 16 ? NAME_W : 0;
}

static void draw_review_line(ui *u, WINDOW *w, int y, int i, int inner)
{
	char keys[128];
	if (i == 0) {
		draw_text(w, y, 2, _("In the review"), inner - 2, THEME_HELP_SECTION, TEXT_ALIGN_LEFT);
		return;
	}
	if (i > NREVIEW) {
		draw_text(w, y, 2, _("On the main screen"), inner - 2, THEME_HELP_SECTION, TEXT_ALIGN_LEFT);
		return;
	}
	i--;
	if (review_keys[i].keys)
		snprintf(keys, sizeof keys, "%s", review_keys[i].keys);
	else
		keymap_keys_for(&u->keys, review_keys[i].act, keys, sizeof keys);
	draw_text(w, y, 2, keys[0] ? keys : "—", KEYS_W, THEME_HELP_KEY, TEXT_ALIGN_LEFT);
	int nw = name_cols(inner);
	draw_text(w, y, 2 + KEYS_W + nw, _(review_keys[i].help), inner - 2 - KEYS_W - nw, THEME_NORMAL,
		  TEXT_ALIGN_LEFT);
}

/* Lines before the action table: a heading, the review's keys, a heading. */
static int lead_lines(const ui *u)
{
	return u->review ? NREVIEW + 2 : 0;
}

void help_draw(ui *u, WINDOW *w, int h, int wd)
{
	draw_set(w, THEME_BORDER_FOCUS);
	box(w, 0, 0);
	draw_text(w, 0, 2, _(" Keys — Esc or q closes, j/k scroll "), wd - 4, THEME_HELP_SECTION, TEXT_ALIGN_LEFT);
	int lead = lead_lines(u);
	int rows = h - 2, total = lead + ACT_COUNT + 3;
	if (u->help_top > total - rows)
		u->help_top = total - rows;
	if (u->help_top < 0)
		u->help_top = 0;
	int inner = wd - 2;
	for (int y = 1; y <= rows; y++) {
		int i = u->help_top + y - 1;
		if (i < lead) {
			draw_review_line(u, w, y, i, inner);
			continue;
		}
		i -= lead;
		if (i < ACT_COUNT) {
			char keys[128];
			keymap_keys_for(&u->keys, (okr_action)i, keys, sizeof keys);
			draw_text(w, y, 2, keys[0] ? keys : "—", KEYS_W, THEME_HELP_KEY, TEXT_ALIGN_LEFT);
			char name[48];
			snprintf(name, sizeof name, ":%s", okr_action_table[i].name);
			int nw = name_cols(inner);
			draw_text(w, y, 2 + KEYS_W, name, nw, THEME_DIM, TEXT_ALIGN_LEFT);
			draw_text(w, y, 2 + KEYS_W + nw, _(okr_action_table[i].help), inner - 2 - KEYS_W - nw,
				  THEME_NORMAL, TEXT_ALIGN_LEFT);
		} else if (i == ACT_COUNT + 1) {
			draw_text(w, y, 2, _(":theme NAME  switch theme    :cycle NAME  show another cycle    :q  quit"),
				  inner - 2, THEME_DIM, TEXT_ALIGN_LEFT);
		} else if (i == ACT_COUNT + 2) {
			draw_text(w, y, 2, _("Keys are set in okr.conf: keys { checkin = \"c\"; }"), inner - 2, THEME_DIM,
				  TEXT_ALIGN_LEFT);
		}
	}
}

unsigned help_key(ui *u, int key, okr_action a)
{
	switch (a) {
	case ACT_DOWN: u->help_top++; return DIRTY_OVERLAY;
	case ACT_UP: u->help_top--; return DIRTY_OVERLAY;
	case ACT_PAGE_DOWN: u->help_top += 10; return DIRTY_OVERLAY;
	case ACT_PAGE_UP: u->help_top -= 10; return DIRTY_OVERLAY;
	case ACT_TOP: u->help_top = 0; return DIRTY_OVERLAY;
	case ACT_BOTTOM: u->help_top = lead_lines(u) + ACT_COUNT; return DIRTY_OVERLAY;
	default: break;
	}
	if (key == 27 || a == ACT_QUIT || a == ACT_HELP || key == '\n' || key == '\r') {
		u->overlay = OVERLAY_NONE;
		return DIRTY_ALL;
	}
	return 0;
}
