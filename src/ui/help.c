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

void help_draw(ui *u, WINDOW *w, int h, int wd)
{
	draw_set(w, THEME_BORDER_FOCUS);
	box(w, 0, 0);
	draw_text(w, 0, 2, _(" Keys — Esc or q closes, j/k scroll "), wd - 4, THEME_HELP_SECTION, TEXT_ALIGN_LEFT);
	int rows = h - 2, total = ACT_COUNT + 3;
	if (u->help_top > total - rows)
		u->help_top = total - rows;
	if (u->help_top < 0)
		u->help_top = 0;
	int inner = wd - 2;
	for (int y = 1; y <= rows; y++) {
		int i = u->help_top + y - 1;
		if (i < ACT_COUNT) {
			char keys[128];
			keymap_keys_for(&u->keys, (okr_action)i, keys, sizeof keys);
			draw_text(w, y, 2, keys[0] ? keys : "—", KEYS_W, THEME_HELP_KEY, TEXT_ALIGN_LEFT);
			char name[48];
			snprintf(name, sizeof name, ":%s", okr_action_table[i].name);
			draw_text(w, y, 2 + KEYS_W, name, NAME_W, THEME_DIM, TEXT_ALIGN_LEFT);
			draw_text(w, y, 2 + KEYS_W + NAME_W, _(okr_action_table[i].help), inner - 2 - KEYS_W - NAME_W,
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
	case ACT_BOTTOM: u->help_top = ACT_COUNT; return DIRTY_OVERLAY;
	default: break;
	}
	if (key == 27 || a == ACT_QUIT || a == ACT_HELP || key == '\n' || key == '\r') {
		u->overlay = OVERLAY_NONE;
		return DIRTY_ALL;
	}
	return 0;
}
