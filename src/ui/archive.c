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
#include "ui_int.h"

static struct {
	char kind;              /* the item waiting for y or n */
	int64_t id, version;
	char text[1024];
	char undo_kind;         /* the last item archived here; 0: none */
	int64_t undo_id;
} ar;

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
	ar.kind = k ? 'K' : 'O';
	ar.id = k ? k->id : o->id;
	ar.version = k ? k->version : o->version;
	okr_archive_effect e;
	if (okr_store_archive_effect(u->store, ar.kind, ar.id, &e) != OKR_OK) {
		app_message(u, true, "%s", okr_store_error(u->store));
		return DIRTY_FOOTER;
	}
	okr_archive_effect_text(&e, ar.text, sizeof ar.text);
	u->overlay = OVERLAY_CONFIRM;
	return DIRTY_OVERLAY;
}

static unsigned do_archive(ui *u)
{
	char id[24];
	okr_result r = ar.kind == 'O' ? okr_store_objective_archive(u->store, ar.id, ar.version)
				      : okr_store_kr_archive(u->store, ar.id, ar.version);
	ref(ar.kind, ar.id, id, sizeof id);
	if (r) {
		app_message(u, true, "%s", okr_store_error(u->store));
		return DIRTY_ALL;
	}
	ar.undo_kind = ar.kind;
	ar.undo_id = ar.id;
	app_message(u, false, _("archived %s — u brings it back"), id);
	return DIRTY_ALL;
}

unsigned archive_key(ui *u, int key)
{
	char id[24];
	if (key == 'y' || key == 'Y') {
		u->overlay = OVERLAY_NONE;
		return do_archive(u);
	}
	if (key == 'n' || key == 'N' || key == 27 || key == 'q') {
		u->overlay = OVERLAY_NONE;
		app_message(u, false, _("kept %s — nothing was archived"), ref(ar.kind, ar.id, id, sizeof id));
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
	if (kind == ar.undo_kind && id == ar.undo_id)
		ar.undo_kind = 0;
	if (kind == 'O')
		u->d.obj_id = id;
	app_message(u, false, _("%s is back from the archive"), ref(kind, id, buf, sizeof buf));
	return DIRTY_ALL;
}

bool archive_last(char *kind, int64_t *id)
{
	*kind = ar.undo_kind;
	*id = ar.undo_id;
	return ar.undo_kind != 0;
}

unsigned archive_undo(ui *u)
{
	if (!ar.undo_kind) {
		app_message(u, false, "%s", _("nothing to undo: nothing was archived since okr was opened"));
		return DIRTY_FOOTER;
	}
	if (app_refuse_readonly(u))
		return DIRTY_FOOTER;
	return bring_back(u, ar.undo_kind, ar.undo_id);
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
void archive_size(const ui *u, int *h, int *w)
{
	(void)u;
	*w = COLS - 4 < 68 ? COLS - 4 : 68;
	char **lines;
	size_t n = text_wrap(ar.text, *w - 4, &lines);
	text_lines_free(lines, n);
	*h = (int)n + 4;
}

void archive_draw(ui *u, WINDOW *w, int h, int wd)
{
	(void)u;
	char title[64], id[24];
	snprintf(title, sizeof title, _(" Archive %s "), ref(ar.kind, ar.id, id, sizeof id));
	draw_set(w, THEME_BORDER_FOCUS);
	box(w, 0, 0);
	int tw = text_width(title);
	draw_text(w, 0, 2, title, tw < wd - 4 ? tw : wd - 4, THEME_HELP_SECTION, TEXT_ALIGN_LEFT);
	char **lines;
	size_t n = text_wrap(ar.text, wd - 4, &lines);
	for (size_t i = 0; i < n && (int)i + 2 < h - 2; i++)
		draw_text(w, (int)i + 1, 2, lines[i], wd - 4, THEME_NORMAL, TEXT_ALIGN_LEFT);
	text_lines_free(lines, n);
	draw_text(w, h - 2, 2, _("y: archive   n or Esc: keep it   (u undoes it afterwards)"), wd - 4, THEME_FORM_HINT,
		  TEXT_ALIGN_LEFT);
}
