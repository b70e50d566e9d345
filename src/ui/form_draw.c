/*
 * form_draw.c — how a form looks: its box sized to the fields shown, each
 * field with its hint or error, the form's error, and a footer naming the
 * keys bound to save, cancel and move on; and where the mouse lands in it.
 */
#include <stdio.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/text.h"
#include "form_int.h"

void form_size(ui *u, ui_screen *s, int *h, int *w)
{
	const ui_form *fm = (const ui_form *)s;
	(void)u;
	*w = COLS - 4 < 76 ? COLS - 4 : 76;
	int err = 0;
	if (fm && fm->error[0]) {
		char **lines;
		size_t n = text_wrap(fm->error, *w - 4, &lines);
		text_lines_free(lines, n);
		err = (int)n;
	}
	int n = form_visible_count(fm);
	*h = 3 + 2 * n + err + 2;
	if (*h > LINES - 2)   /* compact: one row a field, the current one's hint below it */
		*h = 3 + n + 1 + err + 2;
}

/* Whether a form drawn h rows high is compact (see form_size). */
static bool compact(const ui_form *fm, int h)
{
	return h < 3 + 2 * form_visible_count(fm) + 2;
}

int form_field_at(const ui_form *fm, int h, int wy)
{
	bool small = compact(fm, h);
	int y = 2;
	for (int i = 0; i < fm->n; i++) {
		if (fm->f[i].hidden)
			continue;
		int rows = small && i != fm->cur ? 1 : 2;
		if (wy >= y && wy < y + rows)
			return i;
		y += rows;
	}
	return -1;
}

/* "Enter save · Esc cancel · Tab next field", in the keys that work now,
 * and on a field that names someone or something the key of its list. */
static void form_hint(const ui *u, const ui_form *fm, char *buf, size_t len)
{
	char save[64], cancel[64], next[64], pick[64];
	statusbar_keys(u, ACT_FORM_CANCEL, 1, cancel, sizeof cancel);
	statusbar_keys(u, ACT_FORM_NEXT, 1, next, sizeof next);
	if (form_valid(fm))
		snprintf(buf, len, _("%s save · %s cancel · %s next field"),
			 statusbar_keys(u, ACT_FORM_SAVE, 1, save, sizeof save), cancel, next);
	else
		snprintf(buf, len, _("%s cancel · %s next field · fix the errors to save"), cancel, next);
	size_t n = strlen(buf);
	if (form_pick_field(&fm->f[fm->cur]) && n < len)
		snprintf(buf + n, len - n, _(" · %s list"), statusbar_keys(u, ACT_FORM_PICK, 1, pick, sizeof pick));
}

void form_draw(ui *u, ui_screen *s)
{
	ui_form *fm = (ui_form *)s;
	WINDOW *w = s->win;
	int h = getmaxy(w), wd = getmaxx(w);
	leaveok(w, FALSE);
	draw_frame(u, w, fm->title, THEME_TITLE);
	int y = 2, in_w = wd - 4 - LABEL_W;
	bool small = compact(fm, h);
	fm->cy = fm->cx = 1;
	for (int i = 0; i < fm->n && y < h - 3; i++) {
		field *f = &fm->f[i];
		if (f->hidden)
			continue;
		draw_text(u, w, y, 2, f->label, LABEL_W, THEME_FORM_LABEL, TEXT_ALIGN_LEFT);
		if (f->type == FIELD_CHOICE) {
			char buf[128];
			snprintf(buf, sizeof buf, "◂ %s ▸", _(f->choices[f->choice]));
			draw_text(u, w, y, 2 + LABEL_W, buf, in_w, THEME_FORM_INPUT, TEXT_ALIGN_LEFT);
			if (i == fm->cur) {
				fm->cy = y;
				fm->cx = 2 + LABEL_W;
			}
		} else {
			int cx = form_draw_editor(u, w, y, 2 + LABEL_W, in_w, &f->ed, &f->first, THEME_FORM_INPUT);
			if (i == fm->cur) {
				fm->cy = y;
				fm->cx = 2 + LABEL_W + cx;
			}
		}
		if (small && i != fm->cur) {
			y++;
			continue;
		}
		if (f->error[0])
			draw_text(u, w, y + 1, 2 + LABEL_W, f->error, in_w, THEME_FORM_ERROR, TEXT_ALIGN_LEFT);
		else if (f->hint)
			draw_text(u, w, y + 1, 2 + LABEL_W, f->hint, in_w, THEME_FORM_HINT, TEXT_ALIGN_LEFT);
		y += 2;
	}
	if (fm->error[0]) {
		char **lines;
		size_t n = text_wrap(fm->error, wd - 4, &lines);
		for (size_t i = 0; i < n && y < h - 2; i++)
			draw_text(u, w, y++, 2, lines[i], wd - 4, THEME_MESSAGE_ERROR, TEXT_ALIGN_LEFT);
		text_lines_free(lines, n);
	}
	char hint[256];
	form_hint(u, fm, hint, sizeof hint);
	draw_text(u, w, h - 2, 2, hint, wd - 4, THEME_FORM_HINT, TEXT_ALIGN_LEFT);
}

bool form_cursor(ui *u, ui_screen *s)
{
	ui_form *fm = (ui_form *)s;
	(void)u;
	if (!s->win)
		return true;
	wmove(s->win, fm->cy, fm->cx);
	wnoutrefresh(s->win);
	return true;
}

/* A click goes to the field under it, a double click on a choice turns it. */
unsigned form_mouse(ui *u, ui_screen *s, int button, int x, int y, bool dbl)
{
	ui_form *fm = (ui_form *)s;
	if (button != 0 || !mouse_in_window(s->win, &y, &x))
		return 0;
	int i = form_field_at(fm, getmaxy(s->win), y);
	if (i < 0)
		return 0;
	fm->cur = i;
	if (dbl && fm->f[i].type == FIELD_CHOICE)
		return s->ops->key(u, s, ' ', ACT_FORM_CHOICE_NEXT);
	return DIRTY_ALL;   /* a compact form changes its rows with the field */
}
