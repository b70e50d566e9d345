/*
 * review_input.c — the review's two inputs as screens of their own, pushed
 * over the review at its foot: the grade (a score prefilled with the key
 * result's grade, or its progress, and a note; g, and by itself in
 * :close-cycle) and the jump to a key result by ID (J).
 *
 * Each owns its line editors and error; it takes the form keymap's save,
 * cancel and next-field keys and gives every other key to the editor, so
 * form-save and form-cancel rebind them too.  Esc closes just the input.
 * The review beneath leaves the input's rows free while one is open.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/grade.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/util.h"
#include "review_int.h"

enum { LABEL_W = 14 };

typedef struct {
	ui_screen base;
	bool grade;              /* else the jump */
	editor ed[2];            /* grade: score, note; jump: the ID */
	int first[2];
	int field;               /* grade: 0 score, 1 note */
	char error[256];
	int cy, cx;
} input_screen;

static const ui_screen_ops input_ops;

static input_screen *input_of(const ui *u)
{
	return (input_screen *)screen_find(u, &input_ops);
}

int review_input_rows(const ui *u)
{
	const input_screen *in = input_of(u);
	return !in ? 0 : in->grade ? 3 : 2;
}

void review_input_close(ui *u)
{
	input_screen *in = input_of(u);
	if (in)
		screen_close(u, &in->base);
}

static input_screen *push(ui *u, bool grade)
{
	review_input_close(u);
	input_screen *in = okr_xcalloc(1, sizeof *in);
	in->base.ops = &input_ops;
	in->grade = grade;
	editor_init(&in->ed[0], grade ? 16 : 32);
	editor_init(&in->ed[1], 500);
	screen_push(u, &in->base);
	return in;
}

unsigned review_jump_open(ui *u)
{
	push(u, false);
	return DIRTY_ALL;
}

static bool check_score(input_screen *in, double *score)
{
	char *t = editor_get(&in->ed[0]);
	bool ok = okr_grade_parse(t + strspn(t, " "), score);
	free(t);
	if (!ok)
		snprintf(in->error, sizeof in->error, "%s", _("a grade is 0.0 to 1.0 with at most two decimals, e.g. 0.7"));
	else
		in->error[0] = '\0';
	return ok;
}

unsigned review_grade_open(ui *u)
{
	ui_review *rv = review_current(u);
	const okr_kr *k = review_kr(u, NULL);
	if (!k)
		return DIRTY_FOOTER;
	if (app_refuse_readonly(u) || review_refuse_closed(u))
		return DIRTY_FOOTER;
	review_load_detail(u);
	input_screen *in = push(u, true);
	char buf[16];
	snprintf(buf, sizeof buf, "%.2f", rv->has_grade ? rv->grade.score : okr_default_grade(k));
	editor_set(&in->ed[0], buf);
	editor_set(&in->ed[1], rv->has_grade ? rv->grade.note : "");
	return DIRTY_ALL;
}

/* Enter on the grade: saved through the store at once; a refusal stays
 * in the input.  The input closes before the review walks on (grading
 * opens the next key result's). */
static unsigned grade_save(ui *u, input_screen *in)
{
	double score;
	if (!review_kr(u, NULL) || !check_score(in, &score))
		return DIRTY_ALL;
	char *note = editor_get(&in->ed[1]);
	char err[sizeof in->error];
	bool ok = review_grade_save(u, score, note, err, sizeof err);
	free(note);
	if (!ok) {
		snprintf(in->error, sizeof in->error, "%s", err);
		return DIRTY_ALL | DIRTY_FOOTER;
	}
	screen_close(u, &in->base);
	if (review_current(u)->grading)   /* grading walks on by itself */
		return review_key(u, 0, ACT_REVIEW_NEXT) | DIRTY_FOOTER;
	return DIRTY_ALL;
}

static unsigned jump_go(ui *u, input_screen *in)
{
	ui_review *rv = review_current(u);
	char *t = editor_get(&in->ed[0]);
	char *p = t + strspn(t, " ");
	char buf[40];
	if (*p >= '0' && *p <= '9') {
		snprintf(buf, sizeof buf, "K%s", p);
		p = buf;
	}
	int64_t id = 0;
	okr_id_kind kind = okr_parse_id(p, &id);
	free(t);
	long at = kind == ID_KR ? okr_review_find(&rv->r, id) : -1;
	if (kind != ID_KR)
		snprintf(in->error, sizeof in->error, "%s", _("a key result ID such as K12"));
	else if (at < 0 && data_kr_index(u, id) >= 0)
		snprintf(in->error, sizeof in->error, _("K%lld is not part of this review"), (long long)id);
	else if (at < 0)
		snprintf(in->error, sizeof in->error, _("no key result K%lld here"), (long long)id);
	else
		return review_go(u, (size_t)at);   /* closes this input */
	return DIRTY_ALL;
}

static unsigned input_key(ui *u, ui_screen *s, int key, okr_action a)
{
	input_screen *in = (input_screen *)s;
	if (a == ACT_FORM_CANCEL)
		return screen_close(u, s);
	if (a == ACT_FORM_SAVE)
		return in->grade ? grade_save(u, in) : jump_go(u, in);
	if (in->grade && (a == ACT_FORM_NEXT || a == ACT_FORM_PREV)) {
		in->field = !in->field;
		return DIRTY_ALL;
	}
	if (!form_edit_key(&in->ed[in->field], key))
		return 0;
	double score;
	if (in->grade && in->field == 0)
		check_score(in, &score);
	return DIRTY_ALL;
}

/* "Enter save · Tab score/note · Esc cancel", in the keys bound now. */
static const char *hint(const ui *u, const input_screen *in, char *buf, size_t len)
{
	char save[64], next[64], cancel[64];
	statusbar_keys(u, ACT_FORM_SAVE, 1, save, sizeof save);
	statusbar_keys(u, ACT_FORM_NEXT, 1, next, sizeof next);
	statusbar_keys(u, ACT_FORM_CANCEL, 1, cancel, sizeof cancel);
	if (in->grade)
		snprintf(buf, len, _("%s save · %s score/note · %s cancel"), save, next, cancel);
	else
		snprintf(buf, len, _("a key result ID such as K12 · %s go · %s cancel"), save, cancel);
	return buf;
}

static void draw_grade(ui *u, input_screen *in, WINDOW *w, int width)
{
	const okr_kr *k = review_kr(u, NULL);
	char label[64];
	snprintf(label, sizeof label, _("Grade K%lld"), k ? (long long)k->id : 0LL);
	draw_text(u, w, 0, 1, label, LABEL_W, THEME_FORM_LABEL, TEXT_ALIGN_LEFT);
	int sx = form_draw_editor(u, w, 0, 1 + LABEL_W, 8, &in->ed[0], &in->first[0], THEME_FORM_INPUT);
	draw_text(u, w, 0, 2 + LABEL_W + 8, k ? _("0.0–1.0 · prefilled: its grade, else its progress") : "",
		  width - LABEL_W - 11, THEME_FORM_HINT, TEXT_ALIGN_LEFT);
	draw_text(u, w, 1, 1, _("Note"), LABEL_W, THEME_FORM_LABEL, TEXT_ALIGN_LEFT);
	int nx = form_draw_editor(u, w, 1, 1 + LABEL_W, width - LABEL_W - 2, &in->ed[1], &in->first[1],
				  THEME_FORM_INPUT);
	in->cy = in->field;
	in->cx = 1 + LABEL_W + (in->field ? nx : sx);
}

/* Drawn whenever the review is (its window covers these rows too). */
static void input_draw(ui *u, ui_screen *s)
{
	input_screen *in = (input_screen *)s;
	int rows = in->grade ? 3 : 2, width = COLS, y = LINES - 1 - rows;
	if (!u->dirty || y < 1 || width < 1)
		return;
	if (s->win && (getmaxy(s->win) != rows || getmaxx(s->win) != width)) {
		delwin(s->win);
		s->win = NULL;
	}
	if (!s->win && !(s->win = newwin(rows, width, y, 0)))
		return;
	WINDOW *w = s->win;
	wbkgdset(w, ' ' | (chtype)theme_attr(u->paint, THEME_NORMAL));
	werase(w);
	if (in->grade) {
		draw_grade(u, in, w, width);
	} else {
		draw_text(u, w, 0, 1, _("Jump to"), LABEL_W, THEME_FORM_LABEL, TEXT_ALIGN_LEFT);
		int cx = form_draw_editor(u, w, 0, 1 + LABEL_W, 12, &in->ed[0], &in->first[0], THEME_FORM_INPUT);
		in->cy = 0;
		in->cx = 1 + LABEL_W + cx;
	}
	char h[512];
	draw_text(u, w, rows - 1, 1, in->error[0] ? in->error : hint(u, in, h, sizeof h), width - 2,
		  in->error[0] ? THEME_FORM_ERROR : THEME_FORM_HINT, TEXT_ALIGN_LEFT);
	touchwin(w);
	wnoutrefresh(w);
}

static bool input_cursor(ui *u, ui_screen *s)
{
	input_screen *in = (input_screen *)s;
	(void)u;
	if (!s->win)
		return false;
	wmove(s->win, in->cy, in->cx);
	wnoutrefresh(s->win);
	return true;
}

/* The mouse keeps the keyboard's rules while an input is open. */
static unsigned input_mouse(ui *u, ui_screen *s, int button, int x, int y, bool dbl)
{
	(void)u, (void)s, (void)button, (void)x, (void)y, (void)dbl;
	return 0;
}

static void input_close(ui *u, ui_screen *s)
{
	input_screen *in = (input_screen *)s;
	(void)u;
	editor_free(&in->ed[0]);
	editor_free(&in->ed[1]);
	free(in);
}

static const ui_screen_ops input_ops = {
	.name = "review-input",
	.scope = OKR_SCOPE_FORM,
	.own_keys_only = true,
	.key = input_key,
	.mouse = input_mouse,
	.draw = input_draw,
	.cursor = input_cursor,
	.close = input_close,
};
