/*
 * draw.c — the few ways anything reaches a pane: text fitted to a column
 * count, progress bars, sparklines, a row's highlight.  Every string passes
 * text_pad() here, so a title full of escape sequences or CJK cannot move
 * the cursor or push a column out of line, and no caller can forget it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "okr/i18n.h"
#include "okr/progress.h"
#include "okr/text.h"
#include "ui_int.h"

void draw_set(const ui *u, WINDOW *w, theme_slot s)
{
	unsigned long a = theme_attr(u->paint, s);
	wattr_set(w, (attr_t)(a & ~A_COLOR), theme_pair(u->paint, s), NULL);
}

/* When the locale's character set is not UTF-8 (u->ascii) everything drawn
 * is turned into ASCII of the same width (text_ascii.c) instead of mojibake. */

void draw_glyph(const ui *u, WINDOW *w, int y, int x, const char *glyph)
{
	if (u->ascii) {
		char *a = text_ascii(glyph);
		mvwaddstr(w, y, x, a);
		free(a);
	} else {
		mvwaddstr(w, y, x, glyph);
	}
}

void draw_text(const ui *u, WINDOW *w, int y, int x, const char *s, int cols, theme_slot slot, int align)
{
	int maxy = getmaxy(w), maxx = getmaxx(w);
	if (y < 0 || y >= maxy || x < 0 || x >= maxx || cols <= 0)
		return;
	if (cols > maxx - x)
		cols = maxx - x;
	char *t = text_pad(s ? s : "", cols, align);
	if (u->ascii) {
		char *a = text_ascii(t);
		free(t);
		t = a;
	}
	draw_set(u, w, slot);
	/* The last cell of the last line would scroll a window that allows
	 * it; ours do not, and curses returns ERR there, which is harmless. */
	mvwaddstr(w, y, x, t);
	free(t);
}

/* Eighths give a 10-cell bar 80 steps, so a small check-in still moves it. */
void draw_bar(const ui *u, WINDOW *w, int y, int x, int cols, double progress, bool done)
{
	static const char *const part[] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	if (cols <= 0)
		return;
	if (!(progress >= 0))
		progress = 0;
	if (progress > 1)
		progress = 1;
	int eighths = (int)lround(progress * cols * 8);
	int full = eighths / 8, rest = eighths % 8;
	char buf[512];
	size_t n = 0;
	for (int i = 0; i < full && n + 4 < sizeof buf; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "█");
	if (rest && full < cols && n + 4 < sizeof buf)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", part[rest]);
	buf[n] = '\0';
	int used = full + (rest && full < cols);
	draw_text(u, w, y, x, buf, used, done ? THEME_PROGRESS_DONE : THEME_PROGRESS_FILL, TEXT_ALIGN_LEFT);
	n = 0;
	for (int i = used; i < cols && n + 4 < sizeof buf; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "░");
	buf[n] = '\0';
	draw_text(u, w, y, x + used, buf, cols - used, THEME_PROGRESS_EMPTY, TEXT_ALIGN_LEFT);
}

/* Scaled between the lowest and highest value shown, so the shape of a
 * series reads even when it moves little against its target. */
void draw_spark(const ui *u, WINDOW *w, int y, int x, int cols, const double *v, size_t n)
{
	static const char *const bars[] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	if (cols <= 0)
		return;
	size_t first = n > (size_t)cols ? n - (size_t)cols : 0;
	double lo = INFINITY, hi = -INFINITY;
	for (size_t i = first; i < n; i++) {
		lo = fmin(lo, v[i]);
		hi = fmax(hi, v[i]);
	}
	char buf[256];
	size_t len = 0;
	for (size_t i = first; i < n && len + 4 < sizeof buf; i++) {
		int k = hi > lo ? (int)lround((v[i] - lo) / (hi - lo) * 7) : 3;
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", bars[k < 0 ? 0 : k > 7 ? 7 : k]);
	}
	buf[len] = '\0';
	draw_text(u, w, y, x, buf, cols, THEME_SPARKLINE, TEXT_ALIGN_RIGHT);
}

/* Recolour a whole row (selection, flash) after it was drawn: chgat keeps
 * the characters, so wide ones are not split. */
void draw_row_attr(const ui *u, WINDOW *w, int y, theme_slot slot)
{
	if (y < 0 || y >= getmaxy(w))
		return;
	unsigned long a = theme_attr(u->paint, slot);
	mvwchgat(w, y, 0, -1, (attr_t)(a & ~A_COLOR), theme_pair(u->paint, slot), NULL);
}

/* Recolour n cells of a row from column x: a flash or highlight that marks a
 * row by one cell (its ID, its rank) instead of the whole row, so that
 * lighting it and putting it out cost a few bytes each, not two repaints of
 * the row.  extra adds attributes (A_REVERSE: a lit block). */
void draw_cells_attr(const ui *u, WINDOW *w, int y, int x, int n, theme_slot slot, attr_t extra)
{
	if (y < 0 || y >= getmaxy(w) || x < 0 || x >= getmaxx(w) || n <= 0)
		return;
	if (n > getmaxx(w) - x)
		n = getmaxx(w) - x;
	unsigned long a = theme_attr(u->paint, slot);
	mvwchgat(w, y, x, n, (attr_t)(a & ~A_COLOR) | extra, theme_pair(u->paint, slot), NULL);
}

void draw_frame(const ui *u, WINDOW *w, const char *title, theme_slot slot)
{
	int wd = getmaxx(w), tw = text_width(title);
	draw_set(u, w, THEME_BORDER_FOCUS);
	box(w, 0, 0);
	/* The border stays on either side of the title. */
	draw_text(u, w, 0, 2, title, tw < wd - 4 ? tw : wd - 4, slot, TEXT_ALIGN_LEFT);
}

void draw_pane_title(const ui *u, WINDOW *w, const char *title, int width, bool focused)
{
	theme_slot s = focused ? THEME_BORDER_FOCUS : THEME_BORDER;
	char buf[512];
	snprintf(buf, sizeof buf, "%s %s ", focused ? "▶" : "─", title);
	draw_text(u, w, 0, 0, buf, width, s, TEXT_ALIGN_LEFT);
	int tw = text_width(buf);
	draw_set(u, w, s);
	for (int x = tw; x < width; x++)
		draw_glyph(u, w, 0, x, "─");
}

void draw_when(okr_time t, char *buf, size_t len)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm) || !strftime(buf, len, "%Y-%m-%d %H:%M", &tm))
		snprintf(buf, len, "?");
}

theme_slot draw_status_slot(okr_status s)
{
	return theme_status_slot(s);
}

const char *draw_status_word(okr_status s)
{
	return s == STATUS_NONE ? "—" : _(okr_status_name(s));
}
