/*
 * form.c — the forms: check-in, add objective, add key result, edit, comment,
 * kudos.  A form is a box over the panes with one field per line.
 *
 * Each field is an editor (editor.h) checked as it is typed: a number that
 * does not parse shows its error under the field and Enter refuses to save.
 * Esc closes the form and writes nothing.  Saving calls the store once; an
 * error (a stale edit refused by its version, a permission, a full disk) is
 * shown in the form, which stays open with everything typed kept.  Data
 * arriving from other people meanwhile redraws the panes beneath and never
 * touches the form: it keeps the version it was opened with, so a stale save
 * is refused rather than silently overwriting.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/assess.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/util.h"
#include "form_int.h"

static const char *const milestone_choices[] = { N_("done"), N_("not done") };
static const char *const type_choices[] = { N_("metric"), N_("threshold"), N_("milestone") };
static const char *const dir_choices[] = { N_("at least"), N_("at most") };

field *form_add_field(ui_form *fm, const char *label, field_type t, bool required, const char *value)
{
	field *f = &fm->f[fm->n++];
	memset(f, 0, sizeof *f);
	f->label = label;
	f->type = t;
	f->required = required;
	editor_init(&f->ed, 500);
	editor_set(&f->ed, value ? value : "");
	f->initial = editor_get(&f->ed);
	return f;
}

field *form_add_choice(ui_form *fm, const char *label, const char *const *choices, int n, int choice)
{
	field *f = form_add_field(fm, label, FIELD_CHOICE, false, "");
	f->choices = choices;
	f->nchoices = n;
	f->choice = choice;
	f->initial_choice = choice;
	return f;
}

/* Field indices of the add-key-result form, whose fields depend on the type. */
enum { KR_TITLE, KR_TYPE, KR_TARGET, KR_START, KR_DIR, KR_UNIT, KR_OWNER, KR_WEIGHT, KR_DUE, KR_EVERY };

void form_validate(ui_form *fm)
{
	if (fm->kind == FORM_ADD_KR) {
		int t = fm->f[KR_TYPE].choice;
		fm->f[KR_TARGET].hidden = t == KR_MILESTONE;
		fm->f[KR_START].hidden = t != KR_METRIC;
		fm->f[KR_DIR].hidden = t != KR_THRESHOLD;
		fm->f[KR_UNIT].hidden = t == KR_MILESTONE;
	}
	for (int i = 0; i < fm->n; i++) {
		field *f = &fm->f[i];
		f->error[0] = '\0';
		if (f->hidden || f->type == FIELD_CHOICE)
			continue;
		char *s = editor_get(&f->ed);
		const char *p = s + strspn(s, " ");
		double d;
		long l;
		if (!*p) {
			if (f->required)
				snprintf(f->error, sizeof f->error, "%s", _("required"));
		} else if (f->type == FIELD_NUMBER && !okr_parse_number(s, &d)) {
			snprintf(f->error, sizeof f->error, "%s", okr_number_has_decimal_comma(s)
				 ? _("use a decimal point: 3.5, not 3,5")
				 : _("not a number: write e.g. 42, 3.5 or -1e3"));
		} else if (f->type == FIELD_CONFIDENCE && !okr_parse_int(s, 0, 10, &l)) {
			snprintf(f->error, sizeof f->error, "%s", _("a whole number from 0 to 10, or empty"));
		} else if (f->type >= FIELD_PERSON || f->type == FIELD_OBJECTIVE_ID) {
			form_pick_check(fm, f, p);
		} else if (fm->kind == FORM_SETTING) {
			form_setting_check(fm, f, s);
		}
		free(s);
	}
	if (fm->kind == FORM_CYCLE_ADD || fm->kind == FORM_CYCLE_EDIT)
		form_cycle_check(fm);
}

bool form_valid(const ui_form *fm)
{
	for (int i = 0; i < fm->n; i++)
		if (!fm->f[i].hidden && fm->f[i].error[0])
			return false;
	return true;
}

int form_visible_count(const ui_form *fm)
{
	int n = 0;
	for (int i = 0; i < fm->n; i++)
		n += !fm->f[i].hidden;
	return n;
}

static void destroy(ui_form *fm)
{
	for (int i = 0; i < fm->n; i++) {
		editor_free(&fm->f[i].ed);
		free(fm->f[i].initial);
	}
	free(fm);
}

static const ui_screen_ops form_ops;

ui_form *form_current(const ui *u)
{
	return (ui_form *)screen_find(u, &form_ops);
}

void form_free(ui *u)
{
	ui_form *fm = form_current(u);
	if (fm)
		screen_close(u, &fm->base);
}

/* The item a form is about: the selected key result unless the objectives
 * pane has the focus (or the objective has none). */
static bool on_kr(const ui *u)
{
	return u->focus != PANE_OBJECTIVES && data_sel_kr(u);
}

static bool open_checkin(ui *u, ui_form *fm)
{
	const okr_kr *k = data_sel_kr(u);
	if (!k) {
		app_message(u, true, "%s", _("select a key result to check in"));
		return false;
	}
	char id[24], val[64] = "", conf[16] = "";
	fm->target = 'K';
	fm->id = k->id;
	fm->kr_type = k->type;
	fm->prefilled = k->has_value;
	snprintf(fm->title, sizeof fm->title, _("Check in %s %s"), okr_format_id(ID_KR, k->id, id, sizeof id), k->title);
	if (k->type == KR_MILESTONE) {
		form_add_choice(fm, _("Status"), milestone_choices, 2, k->has_value && k->current >= 1 ? 0 : 1);
	} else {
		if (k->has_value)
			okr_format_value(k->current, k->decimals, val, sizeof val);
		field *f = form_add_field(fm, _("Value"), FIELD_NUMBER, true, val);
		okr_strlcpy(f->hint_copy, k->unit, sizeof f->hint_copy);
		f->hint = f->hint_copy[0] ? f->hint_copy : NULL;
	}
	if (k->confidence >= 0)
		snprintf(conf, sizeof conf, "%d", k->confidence);
	form_add_field(fm, _("Confidence"), FIELD_CONFIDENCE, false, conf)->hint = _("0–10: how likely you reach the target");
	form_add_field(fm, _("Note"), FIELD_TEXT, false, "");
	return true;
}

static bool open_edit(ui *u, ui_form *fm)
{
	char id[24];
	if (on_kr(u)) {
		const okr_kr *k = data_sel_kr(u);
		fm->target = 'K';
		fm->id = k->id;
		fm->version = k->version;
		fm->kr_type = k->type;
		fm->prefilled = true;
		snprintf(fm->title, sizeof fm->title, _("Edit %s"), okr_format_id(ID_KR, k->id, id, sizeof id));
		form_kr_edit_fields(u, fm, k);
		return true;
	}
	const okr_objective *o = data_sel_objective(u);
	if (!o) {
		app_message(u, true, "%s", _("nothing selected to edit"));
		return false;
	}
	fm->target = 'O';
	fm->id = o->id;
	fm->version = o->version;
	fm->prefilled = true;
	snprintf(fm->title, sizeof fm->title, _("Edit %s"), okr_format_id(ID_OBJECTIVE, o->id, id, sizeof id));
	form_objective_fields(u, fm, o);
	return true;
}

static bool open_other(ui *u, ui_form *fm)
{
	const okr_objective *o = data_sel_objective(u);
	const okr_kr *k = on_kr(u) ? data_sel_kr(u) : NULL;
	char id[24];
	switch (fm->kind) {
	case FORM_ADD_OBJECTIVE:
		snprintf(fm->title, sizeof fm->title, "%s", _("Add an objective"));
		form_objective_fields(u, fm, NULL);
		return true;
	case FORM_ADD_KR:
		if (!o) {
			app_message(u, true, "%s", _("select an objective first"));
			return false;
		}
		fm->id = o->id;
		snprintf(fm->title, sizeof fm->title, _("Add a key result to %s"),
			 okr_format_id(ID_OBJECTIVE, o->id, id, sizeof id));
		form_add_field(fm, _("Title"), FIELD_TEXT, true, "");
		form_add_choice(fm, _("Type"), type_choices, 3, 0);
		form_add_field(fm, _("Target"), FIELD_NUMBER, true, "");
		form_add_field(fm, _("Start"), FIELD_NUMBER, false, "0");
		form_add_choice(fm, _("Direction"), dir_choices, 2, 0);
		form_add_field(fm, _("Unit"), FIELD_TEXT, false, "");
		form_add_field(fm, _("Owner"), FIELD_PERSON, true, okr_store_me(u->store)->login);
		form_add_field(fm, _("Weight"), FIELD_WEIGHT, true, "1");
		form_add_field(fm, _("Due"), FIELD_DATE, false, "")->hint = _("YYYY-MM-DD; empty: the cycle's end");
		form_add_choice(fm, _("Check-ins"), form_kr_frequencies, 3, FREQ_WEEKLY);
		return true;
	case FORM_COMMENT:
	case FORM_KUDOS:
		if (!o) {
			app_message(u, true, "%s", _("select an objective or key result first"));
			return false;
		}
		fm->target = k ? 'K' : 'O';
		fm->id = k ? k->id : o->id;
		okr_format_id(k ? ID_KR : ID_OBJECTIVE, fm->id, id, sizeof id);
		if (fm->kind == FORM_COMMENT) {
			snprintf(fm->title, sizeof fm->title, _("Comment on %s"), id);
			form_add_field(fm, _("Comment"), FIELD_TEXT, true, "");
		} else {
			snprintf(fm->title, sizeof fm->title, _("Kudos for the work on %s"), id);
			const char *to = k ? k->owner : o->owner;
			form_add_field(fm, _("To"), FIELD_TEXT, true, to)->hint = _("a login or a name");
			form_add_field(fm, _("Message"), FIELD_TEXT, true, "");
			/* The recipient comes from the selection: start where the
			 * typing goes, or the message is appended to the login. */
			if (to && *to)
				fm->cur = 1;
		}
		return true;
	default:
		return false;
	}
}

unsigned form_open(ui *u, ui_form_kind kind)
{
	if (app_refuse_readonly(u))
		return DIRTY_FOOTER;
	if (kind == FORM_CHECKIN && !permit_checkin(u))
		return DIRTY_FOOTER;
	if (kind != FORM_COMMENT && kind != FORM_KUDOS && review_refuse_closed(u))
		return DIRTY_FOOTER;
	form_free(u);
	ui_form *fm = okr_xcalloc(1, sizeof *fm);
	fm->kind = kind;
	fm->snap = &u->d.snap;
	bool ok = kind == FORM_CHECKIN ? open_checkin(u, fm) : kind == FORM_EDIT ? open_edit(u, fm) : open_other(u, fm);
	if (!ok) {
		destroy(fm);
		return DIRTY_FOOTER;
	}
	return form_show(u, fm);
}

/* Kudos to a person with no key result to name (K on someone in the team
 * rhythm who owns none): the same form, for the person alone. */
unsigned form_open_kudos_to(ui *u, const char *login)
{
	if (app_refuse_readonly(u))
		return DIRTY_FOOTER;
	form_free(u);
	ui_form *fm = okr_xcalloc(1, sizeof *fm);
	fm->kind = FORM_KUDOS;
	snprintf(fm->title, sizeof fm->title, _("Kudos for @%s"), login);
	form_add_field(fm, _("To"), FIELD_TEXT, true, login)->hint = _("a login");
	form_add_field(fm, _("Message"), FIELD_TEXT, true, "");
	fm->cur = 1;
	return form_show(u, fm);
}

char *form_text(ui_form *fm, int i)
{
	return editor_get(&fm->f[i].ed);
}

static double number_of(ui_form *fm, int i)
{
	char *s = form_text(fm, i);
	double d = NAN;
	if (!okr_parse_number(s, &d))
		d = NAN;
	free(s);
	return d;
}

/* The CLI's confirmation, "K2 725 / 1000 users  72%", from the stored row. */
static void checked_in_text(okr_store *s, int64_t id, char *done, size_t len)
{
	okr_kr k;
	char val[256];
	if (okr_store_kr(s, id, &k) != OKR_OK) {
		snprintf(done, len, _("checked in K%lld"), (long long)id);
		return;
	}
	snprintf(done, len, _("checked in K%lld: %s"), (long long)id, okr_kr_summary_text(&k, val, sizeof val));
	okr_kr_free(&k);
}

/* A check-in or edit form saved exactly as it was prefilled would store what
 * is already there (a second identical check-in, a new version): nothing a
 * person meant to change, so nothing is written. */
static bool unchanged(ui_form *fm)
{
	if (!fm->prefilled)
		return false;
	for (int i = 0; i < fm->n; i++)
		if (form_changed(fm, i))
			return false;
	return true;
}

/* What the giver reads after a kudos: what it earned, or why nothing (the
 * ledger's own rule, score_kudos_verdict). */
static void kudos_done(ui *u, int64_t id, const char *typed, char *done, size_t len)
{
	score_reason why;
	char to[128];
	if (okr_store_kudos_verdict(u->store, id, &u->cfg->game, u->cfg->week_offset_minutes, &why, to,
				    sizeof to) != OKR_OK) {
		okr_strlcpy(to, typed, sizeof to);
		why = SCORE_R_KUDOS_GIVEN;
	}
	score_kudos_note(why, to, u->cfg->game.kudos_allowance, u->cfg->game.kudos_given_xp, done, len);
}

/* A new key result from the add form's fields. */
static okr_result add_kr(ui *u, ui_form *fm, const char *title, char *done, size_t len)
{
	okr_kr_in in = okr_kr_in_none();
	char *unit = form_text(fm, KR_UNIT), *owner = form_text(fm, KR_OWNER), *due = form_text(fm, KR_DUE), id[24];
	in.objective_id = fm->id;
	in.title = title;
	in.type = fm->f[KR_TYPE].choice;
	if (in.type != KR_MILESTONE) {
		in.target = number_of(fm, KR_TARGET);
		in.unit = unit;
	}
	if (in.type == KR_METRIC)
		in.start = isnan(number_of(fm, KR_START)) ? 0 : number_of(fm, KR_START);
	if (in.type == KR_THRESHOLD)
		in.dir = fm->f[KR_DIR].choice == 1 ? DIR_AT_MOST : DIR_AT_LEAST;
	in.owner = form_pick_person(fm->snap, owner);
	in.weight = number_of(fm, KR_WEIGHT);
	okr_day day;
	if (okr_parse_date(due, &day))
		in.due = day;
	in.every = fm->f[KR_EVERY].choice;
	int64_t nid = 0;
	okr_result r = okr_store_kr_add(u->store, &in, &nid);
	free(owner);
	free(due);
	free(unit);
	snprintf(done, len, _("added %s"), okr_format_id(ID_KR, nid, id, sizeof id));
	return r;
}

/* One store call; returns OKR_OK or the store's error code. */
static okr_result save(ui *u, ui_form *fm, char *done, size_t len)
{
	okr_store *s = u->store;
	int64_t nid = 0;
	okr_result r = OKR_E_FAIL;
	char *a = form_text(fm, 0), *b = fm->n > 1 ? form_text(fm, 1) : okr_xstrdup(""),
	     *c = fm->n > 2 ? form_text(fm, 2) : okr_xstrdup("");
	switch (fm->kind) {
	case FORM_CHECKIN: {
		double v = fm->kr_type == KR_MILESTONE ? (fm->f[0].choice == 0 ? 1 : 0) : number_of(fm, 0);
		long conf = -1;
		if (b[strspn(b, " ")])
			okr_parse_int(b, 0, 10, &conf);
		r = okr_store_checkin(s, fm->id, v, (int)conf, c, NULL, 0, &nid);
		if (r == OKR_OK)
			checked_in_text(s, fm->id, done, len);
		break;
	}
	case FORM_ADD_OBJECTIVE:
		r = form_objective_save(u, fm, done, len);
		break;
	case FORM_ADD_KR:
		r = add_kr(u, fm, a, done, len);
		break;
	case FORM_EDIT:
		r = fm->target == 'O' ? form_objective_save(u, fm, done, len) : form_kr_edit_save(u, fm, done, len);
		break;
	case FORM_COMMENT:
		r = okr_store_comment(s, fm->target, fm->id, a, 0, &nid);
		snprintf(done, len, "%s", _("comment added"));
		break;
	case FORM_KPI_PUSH:
	case FORM_KPI_ADD:
		r = form_kpi_save(u, fm, done, len);
		break;
	case FORM_CYCLE_ADD:
	case FORM_CYCLE_EDIT:
		r = form_cycle_save(u, fm, done, len);
		break;
	case FORM_PERSON_ADD:
	case FORM_PERSON_EDIT:
		r = form_person_save(u, fm, done, len);
		break;
	case FORM_SETTING:
		r = form_setting_save(u, fm, done, len);
		break;
	case FORM_KUDOS:
		r = okr_store_kudos(s, a + strspn(a, " @"), b, fm->target == 'K' ? fm->id : 0, 0, &nid);
		if (r == OKR_OK)
			kudos_done(u, nid, a + strspn(a, " @"), done, len);
		break;
	}
	free(a);
	free(b);
	free(c);
	return r;
}

/* A stale edit: the form keeps what was typed and says what the other
 * person's version is; it now holds that version, so Enter saves over it
 * knowingly (refused again if it changes once more) and Esc drops ours. */
static void explain_stale(ui *u, ui_form *fm)
{
	char id[24], who[128] = "?", theirs[600] = "";
	okr_time at = 0;
	int64_t version = 0;
	okr_format_id(fm->target == 'O' ? ID_OBJECTIVE : ID_KR, fm->id, id, sizeof id);
	okr_store_last_change(u->store, fm->target, fm->id, who, sizeof who, &at);
	if (fm->target == 'O') {
		okr_objective o;
		if (okr_store_objective(u->store, fm->id, &o) != OKR_OK)
			return;
		snprintf(theirs, sizeof theirs, _("their title is “%s”"), o.title);
		version = o.version;
		okr_objective_free(&o);
	} else {
		okr_kr k;
		if (okr_store_kr(u->store, fm->id, &k) != OKR_OK)
			return;
		char t[64];
		okr_format_value(k.target, k.decimals, t, sizeof t);
		if (k.type == KR_MILESTONE)
			snprintf(theirs, sizeof theirs, _("their title is “%s”"), k.title);
		else
			snprintf(theirs, sizeof theirs, _("their title is “%s”, target %s"), k.title, t);
		version = k.version;
		okr_kr_free(&k);
	}
	char when[32];
	draw_when(at, when, sizeof when);
	fm->version = version;
	snprintf(fm->error, sizeof fm->error, _("@%s changed %s at %s while you were editing: %s. Yours is kept "
						"above — Enter saves yours over theirs, Esc drops yours."),
		 who, id, when, theirs);
}

static unsigned submit(ui *u, ui_form *fm)
{
	form_validate(fm);
	if (!form_valid(fm)) {
		snprintf(fm->error, sizeof fm->error, "%s", _("fix the fields marked above first"));
		return DIRTY_OVERLAY;
	}
	if (unchanged(fm)) {
		screen_close(u, &fm->base);
		app_message(u, false, "%s", _("nothing changed — nothing was saved"));
		return DIRTY_ALL;
	}
	char done[512];
	fm->error[0] = '\0';
	okr_result r = save(u, fm, done, sizeof done);
	u->waiting = false;
	if (r != OKR_OK) {
		if (!fm->error[0])   /* a save that says more than the store did */
			snprintf(fm->error, sizeof fm->error, "%s", okr_store_error(u->store));
		if (r == OKR_E_CONFLICT && fm->kind == FORM_EDIT)
			explain_stale(u, fm);
		return DIRTY_OVERLAY | DIRTY_FOOTER;
	}
	review_on_saved(u, fm->kind, fm->target, fm->id);
	screen_close(u, &fm->base);
	if (data_load(u, true))
		u->last_change = okr_now();
	app_message(u, false, "%s", done);
	return DIRTY_ALL;
}

static void move_field(ui_form *fm, int dir)
{
	for (int i = 1; i <= fm->n; i++) {
		int j = ((fm->cur + dir * i) % fm->n + fm->n) % fm->n;
		if (!fm->f[j].hidden) {
			fm->cur = j;
			return;
		}
	}
}

/* The form's keys come from its own keymap only (form-save, form-next, …):
 * any other key is text for the field.  The choice keys count on a choice
 * field only, so that l and h can be typed in a title. */
static unsigned form_key(ui *u, ui_screen *s, int key, okr_action a)
{
	ui_form *fm = (ui_form *)s;
	field *f = &fm->f[fm->cur];
	if (a == ACT_FORM_CANCEL) {
		screen_close(u, s);
		app_message(u, false, "%s", _("cancelled — nothing was saved"));
		return DIRTY_ALL;
	}
	if (a == ACT_FORM_SAVE)
		return submit(u, fm);
	if (a == ACT_FORM_PICK)
		return form_pick_open(u, fm);
	if (a == ACT_FORM_NEXT)
		move_field(fm, 1);
	else if (a == ACT_FORM_PREV)
		move_field(fm, -1);
	else if (f->type == FIELD_CHOICE) {
		if (a == ACT_FORM_CHOICE_NEXT)
			f->choice = (f->choice + 1) % f->nchoices;
		else if (a == ACT_FORM_CHOICE_PREV)
			f->choice = (f->choice + f->nchoices - 1) % f->nchoices;
		else
			return 0;
	} else if (!form_edit_key(&f->ed, key)) {
		return 0;
	}
	fm->error[0] = '\0';
	form_validate(fm);
	return DIRTY_OVERLAY;
}

static void form_close(ui *u, ui_screen *s)
{
	(void)u;
	destroy((ui_form *)s);
}

static const ui_screen_ops form_ops = {
	.name = "form",
	.scope = OKR_SCOPE_FORM,
	.own_keys_only = true,
	.modal = true,
	.key = form_key,
	.mouse = form_mouse,
	.size = form_size,
	.draw = form_draw,
	.cursor = form_cursor,
	.close = form_close,
};

bool form_changed(ui_form *fm, int i)
{
	const field *f = &fm->f[i];
	if (f->type == FIELD_CHOICE)
		return f->choice != f->initial_choice;
	char *now = form_text(fm, i);
	bool changed = strcmp(now, f->initial ? f->initial : "") != 0;
	free(now);
	return changed;
}

unsigned form_show(ui *u, ui_form *fm)
{
	fm->base.ops = &form_ops;
	form_validate(fm);
	screen_push(u, &fm->base);
	return DIRTY_OVERLAY;
}
