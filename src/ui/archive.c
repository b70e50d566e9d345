/*
 * archive.c — archiving from the full-screen view (X: a capital, as it hides things), with a confirmation
 * that says what goes with the item (core/archive.c, the words `okr
 * objective|kr archive` print), `u` to undo the last archive made since okr
 * was opened, and `:unarchive ID` for anything archived earlier.
 *
 * The confirmation is an overlay: y archives, n or Esc keeps the item and
 * writes nothing.  The store decides who may (its message is shown as it is)
 * and refuses a stale archive: the version is the one on screen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/util.h"
#include "ui_int.h"

/* The confirmation: the item waiting for y or n, and what goes with it. */
typedef struct {
	ui_screen base;
	char kind;
	int64_t id, version;
	char text[1024];
} confirm_screen;

static const ui_screen_ops confirm_ops;

static const char *ref(char kind, int64_t id, char *buf, size_t len)
{
	return okr_format_id(kind == 'O' ? ID_OBJECTIVE : ID_KR, id, buf, len);
}

unsigned archive_open(ui *u)
{
	if (app_refuse_readonly(u) || review_refuse_closed(u))
		return DIRTY_FOOTER;
	const okr_kr *k = u->focus != PANE_OBJECTIVES ? data_sel_kr(u) : NULL;
	const okr_objective *o = data_sel_objective(u);
	if (!k && !o) {
		app_message(u, true, "%s", _("nothing selected to archive"));
		return DIRTY_FOOTER;
	}
	confirm_screen *c = okr_xcalloc(1, sizeof *c);
	c->base.ops = &confirm_ops;
	c->kind = k ? 'K' : 'O';
	c->id = k ? k->id : o->id;
	c->version = k ? k->version : o->version;
	okr_archive_effect e;
	if (okr_store_archive_effect(u->store, c->kind, c->id, &e) != OKR_OK) {
		app_message(u, true, "%s", okr_store_error(u->store));
		free(c);
		return DIRTY_FOOTER;
	}
	okr_archive_effect_text(&e, c->text, sizeof c->text);
	screen_push(u, &c->base);
	return DIRTY_OVERLAY;
}

static unsigned do_archive(ui *u, char kind, int64_t item, int64_t version)
{
	char id[24];
	okr_result r = kind == 'O' ? okr_store_objective_archive(u->store, item, version)
				   : okr_store_kr_archive(u->store, item, version);
	ref(kind, item, id, sizeof id);
	if (r) {
		app_message(u, true, "%s", okr_store_error(u->store));
		return DIRTY_ALL;
	}
	u->undo_kind = kind;
	u->undo_id = item;
	char keys[64];
	keymap_keys_for(&u->keys, ACT_UNDO, keys, sizeof keys);
	keys[strcspn(keys, ",")] = '\0';
	app_message(u, false, _("archived %s — %s brings it back"), id, keys[0] ? keys : ":undo");
	return DIRTY_ALL;
}

static unsigned confirm_key(ui *u, ui_screen *s, int key, okr_action a)
{
	confirm_screen *c = (confirm_screen *)s;
	char kind = c->kind, id[24];
	int64_t item = c->id, version = c->version;
	(void)key;
	if (a == ACT_CONFIRM_YES) {
		screen_close(u, s);
		return do_archive(u, kind, item, version);
	}
	if (a == ACT_CONFIRM_NO) {
		screen_close(u, s);
		app_message(u, false, _("kept %s — nothing was archived"), ref(kind, item, id, sizeof id));
		return DIRTY_ALL;
	}
	return DIRTY_OVERLAY;
}

static unsigned bring_back(ui *u, char kind, int64_t id)
{
	char buf[24];
	okr_result r = kind == 'O' ? okr_store_objective_unarchive(u->store, id)
				   : okr_store_kr_unarchive(u->store, id);
	if (r) {
		app_message(u, true, "%s", okr_store_error(u->store));
		return DIRTY_FOOTER;
	}
	if (kind == u->undo_kind && id == u->undo_id)
		u->undo_kind = 0;
	if (kind == 'O')
		u->d.obj_id = id;
	app_message(u, false, _("%s is back from the archive"), ref(kind, id, buf, sizeof buf));
	return DIRTY_ALL;
}

bool archive_last(const ui *u, char *kind, int64_t *id)
{
	*kind = u->undo_kind;
	*id = u->undo_id;
	return u->undo_kind != 0;
}

unsigned archive_undo(ui *u)
{
	if (!u->undo_kind) {
		app_message(u, false, "%s", _("nothing to undo: nothing was archived since okr was opened"));
		return DIRTY_FOOTER;
	}
	if (app_refuse_readonly(u))
		return DIRTY_FOOTER;
	return bring_back(u, u->undo_kind, u->undo_id);
}

unsigned archive_unarchive_command(ui *u, const char *arg)
{
	int64_t id;
	okr_id_kind k = okr_parse_id(arg, &id);
	if (k != ID_OBJECTIVE && k != ID_KR) {
		char *shown = text_sanitize(arg);
		app_message(u, true, _("':unarchive %s' — give an objective or key result ID, such as O3 or K12 "
				       "(`okr list --archived` shows them)"), shown);
		free(shown);
		return DIRTY_FOOTER;
	}
	if (app_refuse_readonly(u))
		return DIRTY_FOOTER;
	return bring_back(u, k == ID_OBJECTIVE ? 'O' : 'K', id);
}

/* The confirmation's size: its text wrapped to at most 64 columns, a blank
 * line and the keys, inside the border. */
static void confirm_size(ui *u, ui_screen *s, int *h, int *w)
{
	confirm_screen *c = (confirm_screen *)s;
	(void)u;
	*w = COLS - 4 < 68 ? COLS - 4 : 68;
	char **lines;
	size_t n = text_wrap(c->text, *w - 4, &lines);
	text_lines_free(lines, n);
	*h = (int)n + 4;
}

static void confirm_draw(ui *u, ui_screen *s)
{
	confirm_screen *c = (confirm_screen *)s;
	WINDOW *w = s->win;
	int h = getmaxy(w), wd = getmaxx(w);
	(void)u;
	char title[64], id[24];
	snprintf(title, sizeof title, _(" Archive %s "), ref(c->kind, c->id, id, sizeof id));
	draw_set(u, w, THEME_BORDER_FOCUS);
	box(w, 0, 0);
	int tw = text_width(title);
	draw_text(u, w, 0, 2, title, tw < wd - 4 ? tw : wd - 4, THEME_HELP_SECTION, TEXT_ALIGN_LEFT);
	char **lines;
	size_t n = text_wrap(c->text, wd - 4, &lines);
	for (size_t i = 0; i < n && (int)i + 2 < h - 2; i++)
		draw_text(u, w, (int)i + 1, 2, lines[i], wd - 4, THEME_NORMAL, TEXT_ALIGN_LEFT);
	text_lines_free(lines, n);
	char hint[256];
	snprintf(hint, sizeof hint, _("%s: archive   %s: keep it   (%s undoes it afterwards)"),
		 UI_KEY(u, ACT_CONFIRM_YES), UI_KEYS2(u, ACT_CONFIRM_NO), UI_KEY(u, ACT_UNDO));
	draw_text(u, w, h - 2, 2, hint, wd - 4, THEME_FORM_HINT, TEXT_ALIGN_LEFT);
}

static const ui_screen_ops confirm_ops = {
	.name = "confirm",
	.scope = OKR_SCOPE_CONFIRM,
	.own_keys_only = true,
	.modal = true,
	.key = confirm_key,
	.size = confirm_size,
	.draw = confirm_draw,
	.close = screen_free,
};
