/*
 * app_main.c — the panes as a screen: the bottom of the stack in `okr` and
 * `okr review`, and what every action of the generic keymap does there.
 *
 * A key that no screen above took ends here: an action runs (it may push a
 * screen: help, a form, a view), a key bound to nothing says so.  Drawing
 * paints each dirty pane from the rows data.c made; the detail of the
 * selection is fetched before the frame (prepare), never while drawing.
 */
#include <stdio.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/util.h"
#include "ui_int.h"
#include "views.h"

static unsigned next_theme(ui *u)
{
	size_t n;
	char **names = theme_list(&n);
	size_t at = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], u->cfg->theme) == 0)
			at = (i + 1) % n;
	char name[64];
	okr_strlcpy(name, n ? names[at] : "default", sizeof name);
	theme_list_free(names);
	return app_set_theme(u, name);
}

static unsigned toggle_slot(ui *u, ui_slot which, int pane)
{
	if (u->wide) {
		bool *shown = which == SLOT_DETAIL ? &u->show_detail : &u->show_board;
		*shown = !*shown;
		if (*shown)
			u->focus = pane;
		else if (u->focus == pane)
			u->focus = PANE_KRS;
	} else {
		u->slot = u->slot == which ? SLOT_KRS : which;
		if (u->slot == SLOT_KRS && u->focus == pane)
			u->focus = PANE_KRS;
		else if (u->slot == which)
			u->focus = pane;
	}
	return DIRTY_ALL | DIRTY_LAYOUT;
}

static const char *filter_name(ui_filter f)
{
	return f == FILTER_MINE ? _("mine") : f == FILTER_TEAM ? _("my team") : _("all");
}

/* The store decides who may approve; the TUI says what it said. */
static unsigned approve(ui *u)
{
	const okr_kr *k = data_sel_kr(u);
	if (!k) {
		app_message(u, true, "%s", _("select a key result to approve"));
		return DIRTY_FOOTER;
	}
	if (app_refuse_readonly(u))
		return DIRTY_FOOTER;
	int64_t id = k->id;
	if (okr_store_kr_approve(u->store, id) != OKR_OK) {
		app_message(u, true, "%s", okr_store_error(u->store));
		return DIRTY_FOOTER;
	}
	if (data_load(u, true))
		u->last_change = okr_now();
	app_message(u, false, _("K%lld approved: its progress now earns points"), (long long)id);
	return DIRTY_ALL;
}

unsigned app_action(ui *u, okr_action a)
{
	switch (a) {
	case ACT_QUIT: u->quit = true; return 0;
	case ACT_HELP: return help_open(u);
	case ACT_CLOSE: return DIRTY_FOOTER;   /* Esc with nothing open: nothing to close */
	case ACT_NEXT_PANE: layout_cycle_focus(u, 1); return DIRTY_ALL;
	case ACT_PREV_PANE: layout_cycle_focus(u, -1); return DIRTY_ALL;
	case ACT_SEARCH: return cmdline_open(u, PROMPT_SEARCH);
	case ACT_SEARCH_NEXT: return cmdline_search_step(u, 1, true);
	case ACT_SEARCH_PREV: return cmdline_search_step(u, -1, true);
	case ACT_COMMAND: return cmdline_open(u, PROMPT_COMMAND);
	case ACT_CHECKIN: return form_open(u, FORM_CHECKIN);
	case ACT_ADD_OBJECTIVE: return form_open(u, FORM_ADD_OBJECTIVE);
	case ACT_ADD_KR: return form_open(u, FORM_ADD_KR);
	case ACT_EDIT: return form_open(u, FORM_EDIT);
	case ACT_COMMENT: return form_open(u, FORM_COMMENT);
	case ACT_KUDOS: return form_open(u, FORM_KUDOS);
	case ACT_CYCLE: return cmdline_cycles_open(u);
	case ACT_FILTER:
		u->filter = (u->filter + 1) % 3;
		data_rebuild_rows(u);
		app_message(u, false, _("showing: %s"), filter_name(u->filter));
		return DIRTY_ALL;
	case ACT_DETAIL: return toggle_slot(u, SLOT_DETAIL, PANE_DETAIL);
	case ACT_BOARD: return toggle_slot(u, SLOT_BOARD, PANE_BOARD);
	case ACT_REFRESH: clearok(curscr, TRUE); return DIRTY_ALL;
	case ACT_THEME: return next_theme(u);
	case ACT_BOARD_WINDOW:
	case ACT_BOARD_TEAMS: return board_action(u, a);
	case ACT_KPIS: return views_toggle(u, VIEW_KPIS);
	case ACT_DUE: return views_toggle(u, VIEW_DUE);
	case ACT_RHYTHM: return views_toggle(u, VIEW_RHYTHM);
	case ACT_PLAN_CYCLE: return views_toggle(u, VIEW_PLAN);
	case ACT_LOG: return view_log_open_selected(u);
	case ACT_PEOPLE: return views_toggle(u, VIEW_PEOPLE);
	case ACT_SETTINGS: return views_toggle(u, VIEW_SETTINGS);
	case ACT_ARCHIVE: return archive_open(u);
	case ACT_UNDO: return archive_undo(u);
	case ACT_UNARCHIVE:
		app_message(u, false, "%s", _("give the ID of what to bring back: :unarchive O3"));
		return DIRTY_FOOTER;
	case ACT_REVIEW: return review_open(u, false);
	case ACT_CLOSE_CYCLE: return review_open(u, true);
	case ACT_APPROVE: return approve(u);
	default: break;
	}
	ui_pane *p = &u->panes[u->focus];
	return p->ops->key ? p->ops->key(u, a) : 0;
}

static unsigned main_key(ui *u, ui_screen *s, int key, okr_action a)
{
	(void)s;
	if (a == ACT_NONE) {
		char name[KEYMAP_NAME_MAX];
		app_message(u, false, _("%s does nothing here — press ? for help"),
			    keymap_key_name(key, name, sizeof name));
		return DIRTY_FOOTER;
	}
	return app_action(u, a);
}

static void main_draw(ui *u, ui_screen *s)
{
	(void)s;
	for (int i = 0; i < PANE_COUNT; i++) {
		ui_pane *p = &u->panes[i];
		if (!p->shown || !p->win || !(u->dirty & (1u << i)) || screen_pane_taken(u, i))
			continue;
		wbkgdset(p->win, ' ' | (chtype)theme_attr(u->paint, THEME_NORMAL));
		werase(p->win);
		p->ops->draw(u, p->win, p->h, p->w, u->focus == i);
		wnoutrefresh(p->win);
	}
}

static void main_prepare(ui *u, ui_screen *s)
{
	(void)s;
	data_prepare(u);
}

static void main_data_changed(ui *u, ui_screen *s, bool live)
{
	(void)s;
	(void)live;
	data_detail_load(u);
}

static void main_close(ui *u, ui_screen *s)
{
	(void)u;
	(void)s;
}

const ui_screen_ops app_main_ops = {
	.name = "main",
	.scope = OKR_SCOPE_MAIN,
	.covers = UI_COVER_BODY,
	.key = main_key,
	.draw = main_draw,
	.prepare = main_prepare,
	.data_changed = main_data_changed,
	.close = main_close,
};

ui_screen *app_main_screen(ui *u)
{
	/* The panes' state is struct ui's own (the application is the panes),
	 * so this screen is a member of it that holds nothing more. */
	u->main_screen = (ui_screen){ &app_main_ops, NULL };
	return &u->main_screen;
}
