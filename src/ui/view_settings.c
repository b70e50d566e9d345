/*
 * view_settings.c — the team's settings (S, :settings): every setting that
 * is the same for everyone (SPEC §7) with its value, its default and who set
 * it when, as `okr settings show` lists them.  e or Enter on one opens a
 * one-field form with the value, checked as typed by the check `okr settings
 * set` makes and saved by the same store call, which decides who may change
 * settings and records the change; a member is told so before a form opens.
 * Another person's change shows at the next data version, like everything.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "okr/config.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/permit.h"
#include "okr/text.h"
#include "okr/util.h"
#include "views.h"

struct view_settings {
	size_t sel;
	int top;
	int64_t version;        /* the data version the rows were read at; -1: never */
	okr_setting *rows;      /* the settings set in the database (the others have the default) */
	size_t nrows;
	okr_config *defaults;
};

static const okr_setting *row_of(const struct view_settings *sv, const char *key)
{
	for (size_t i = 0; i < sv->nrows; i++)
		if (!strcmp(sv->rows[i].key, key))
			return &sv->rows[i];
	return NULL;
}

void view_settings_prepare(ui *u)
{
	struct view_settings *sv = u->views->settings;
	if (sv->version == u->data_version)
		return;
	okr_settings_free(sv->rows, sv->nrows);
	sv->rows = NULL;
	sv->nrows = 0;
	if (okr_store_settings(u->store, &sv->rows, &sv->nrows) != OKR_OK)
		app_message(u, true, "%s", okr_store_error(u->store));
	sv->version = u->data_version;
}

/* A value as a person types it: a string without libconfig's quotes. */
static void typed_value(const char *lit, char *out, size_t len)
{
	size_t n = strlen(lit), o = 0;
	if (n < 2 || lit[0] != '"') {
		okr_strlcpy(out, lit, len);
		return;
	}
	for (size_t i = 1; i + 1 < n && o + 1 < len; i++) {
		if (lit[i] == '\\' && i + 2 < n)
			i++;
		out[o++] = lit[i];
	}
	out[o] = '\0';
}

static bool may_change(ui *u)
{
	return okr_may_change_settings(okr_store_me(u->store)->role);
}

void view_settings_draw(ui *u, WINDOW *w, int h, int width)
{
	struct view_settings *sv = u->views->settings;
	size_t n = okr_config_team_count();
	char title[512];
	snprintf(title, sizeof title, "%s · %s", _("Team settings, the same for everyone"),
		 may_change(u) ? _("e change · Esc back") : _("leads and admins change these · Esc back"));
	draw_pane_title(w, title, width, true);
	int kw = 32, vw = 12, dw = 12, x = 1;
	int bw = width - 2 - kw - vw - dw - 3;
	draw_text(w, 1, x, _("Setting"), kw, THEME_DIM, TEXT_ALIGN_LEFT);
	draw_text(w, 1, x + kw + 1, _("Value"), vw, THEME_DIM, TEXT_ALIGN_LEFT);
	draw_text(w, 1, x + kw + vw + 2, _("Default"), dw, THEME_DIM, TEXT_ALIGN_LEFT);
	if (bw > 0)
		draw_text(w, 1, x + kw + vw + dw + 3, _("Set by"), bw, THEME_DIM, TEXT_ALIGN_LEFT);
	int rows = h - 2;
	if (sv->sel >= n)
		sv->sel = n ? n - 1 : 0;
	if ((int)sv->sel < sv->top)
		sv->top = (int)sv->sel;
	if (rows > 0 && (int)sv->sel >= sv->top + rows)
		sv->top = (int)sv->sel - rows + 1;
	for (int r = 0; r < rows && (size_t)(sv->top + r) < n; r++) {
		size_t i = (size_t)(sv->top + r);
		const char *key = okr_config_team_key(i);
		const okr_setting *row = row_of(sv, key);
		char lit[64], val[64], def[64], who[320] = "", when[32];
		int y = 2 + r;
		okr_config_team_format(u->cfg, key, lit, sizeof lit);
		typed_value(lit, val, sizeof val);
		okr_config_team_format(sv->defaults, key, lit, sizeof lit);
		typed_value(lit, def, sizeof def);
		if (row) {
			draw_when(row->at, when, sizeof when);
			snprintf(who, sizeof who, _("@%s, %s"), row->by[0] ? row->by : "?", when);
		}
		draw_text(w, y, x, key, kw, THEME_NORMAL, TEXT_ALIGN_LEFT);
		draw_text(w, y, x + kw + 1, val, vw, row ? THEME_TITLE : THEME_NORMAL, TEXT_ALIGN_LEFT);
		draw_text(w, y, x + kw + vw + 2, def, dw, THEME_DIM, TEXT_ALIGN_LEFT);
		if (bw > 0)
			draw_text(w, y, x + kw + vw + dw + 3, row ? who : _("default"), bw, THEME_DIM,
				  TEXT_ALIGN_LEFT);
		if (i == sv->sel)
			draw_row_attr(w, y, THEME_SELECTED);
	}
}

static unsigned open_form(ui *u, const char *key)
{
	if (app_refuse_readonly(u))
		return DIRTY_FOOTER;
	if (!may_change(u)) {
		app_message(u, true, _("leads and admins change the team's settings — ask one to change %s"), key);
		return DIRTY_FOOTER;
	}
	struct view_settings *sv = u->views->settings;
	char lit[64], val[64], def[64];
	okr_config_team_format(u->cfg, key, lit, sizeof lit);
	typed_value(lit, val, sizeof val);
	okr_config_team_format(sv->defaults, key, lit, sizeof lit);
	typed_value(lit, def, sizeof def);
	form_free(u);
	ui_form *fm = okr_xcalloc(1, sizeof *fm);
	fm->snap = &u->d.snap;
	fm->kind = FORM_SETTING;
	fm->target = 'S';
	fm->prefilled = true;
	okr_strlcpy(fm->login, key, sizeof fm->login);
	snprintf(fm->title, sizeof fm->title, _("Change %s for the whole team"), key);
	field *f = form_add_field(fm, _("Value"), FIELD_TEXT, true, val);
	snprintf(f->hint_copy, sizeof f->hint_copy, _("default: %s"), def);
	f->hint = f->hint_copy;
	return form_show(u, fm);
}

void form_setting_check(ui_form *fm, field *f, const char *text)
{
	char lit[256];
	okr_config_team_typed(fm->login, text, lit, sizeof lit, f->error, sizeof f->error);
}

okr_result form_setting_save(ui *u, ui_form *fm, char *done, size_t len)
{
	char *text = form_text(fm, 0);
	char lit[256], err[512];
	okr_result r = OKR_E_USAGE;
	if (okr_config_team_typed(fm->login, text, lit, sizeof lit, err, sizeof err)) {
		const char *keys[] = { fm->login }, *lits[] = { lit };
		r = okr_store_settings_change(u->store, u->cfg, keys, lits, 1, err, sizeof err);
	}
	if (r && err[0])
		snprintf(fm->error, sizeof fm->error, _("%s — nothing was changed"), err);
	okr_config_team_format(u->cfg, fm->login, lit, sizeof lit);
	snprintf(done, len, _("%s = %s, for the whole team"), fm->login, lit);
	free(text);
	return r;
}

unsigned view_settings_key(ui *u, int key, okr_action a)
{
	struct view_settings *sv = u->views->settings;
	size_t n = okr_config_team_count();
	if ((a == ACT_EDIT || a == ACT_OPEN || key == '\n' || key == '\r') && sv->sel < n)
		return open_form(u, okr_config_team_key(sv->sel));
	long to = views_list_move(a, (long)sv->sel, (long)n);
	if (to < 0)
		return a == ACT_SETTINGS ? views_close(u) : VIEWS_PASS;
	sv->sel = (size_t)to;
	return DIRTY_ALL;
}

struct view_settings *view_settings_new(void)
{
	struct view_settings *v = okr_xcalloc(1, sizeof *v);
	v->version = -1;
	v->defaults = okr_xmalloc(sizeof *v->defaults);
	okr_config_defaults_apply(v->defaults);
	return v;
}

void view_settings_free(struct view_settings *v)
{
	if (!v)
		return;
	okr_settings_free(v->rows, v->nrows);
	free(v->defaults);
	free(v);
}
