/*
 * lines.c — a list of styled text lines, for everything that shows a scrolling
 * page of text: the detail pane, a KPI's values, the review's summary (which
 * also goes to stdout).  Text is wrapped to the list's width by the text
 * module (which sanitises it); a width of 0 keeps each line whole.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "okr/text.h"
#include "okr/util.h"
#include "ui_int.h"

static ui_line *push(ui_lines *ls, char *text, theme_slot slot, int indent)
{
	okr_xgrow(&ls->v, &ls->cap, ls->n + 1, sizeof *ls->v);
	ui_line *l = &ls->v[ls->n++];
	*l = (ui_line){ text, slot, indent, false };
	return l;
}

ui_line *lines_add(ui_lines *ls, int indent, theme_slot slot, const char *text)
{
	if (ls->width <= 0)
		return push(ls, okr_xstrdup(text), slot, indent);
	char **wrapped;
	size_t n = text_wrap(text, ls->width - indent, &wrapped);
	ui_line *l = NULL;
	for (size_t i = 0; i < n; i++)
		l = push(ls, okr_xstrdup(wrapped[i]), slot, indent);
	if (!n)
		l = push(ls, okr_xstrdup(""), slot, indent);
	text_lines_free(wrapped, n);
	return l;
}

char *lines_vformat(const char *fmt, va_list ap)
{
	okr_buf b;
	okr_buf_init(&b);
	okr_buf_vprintf(&b, fmt, ap);
	return b.s;
}

/* The *f forms: formatted, then added whole or by parts. */
static ui_line *vadd(ui_lines *ls, int indent, theme_slot slot, bool parts, const char *fmt, va_list ap)
{
	char *t = lines_vformat(fmt, ap);
	ui_line *l = parts ? lines_add_parts(ls, indent, slot, t) : lines_add(ls, indent, slot, t);
	free(t);
	return l;
}

ui_line *lines_addf(ui_lines *ls, int indent, theme_slot slot, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ui_line *l = vadd(ls, indent, slot, false, fmt, ap);
	va_end(ap);
	return l;
}

static void buf_clear(okr_buf *b)
{
	b->len = 0;
	b->s[0] = '\0';
}

/* Parts joined by " · " are kept whole: a line breaks between two parts,
 * never inside one ("· version 3" does not begin a line of its own while
 * the owner's name ends the one above).  A part wider than the list is
 * wrapped as lines_add would. */
ui_line *lines_add_parts(ui_lines *ls, int indent, theme_slot slot, const char *text)
{
	static const char sep[] = " · ";
	int room = ls->width - indent;
	if (ls->width <= 0 || text_width(text) <= room)
		return lines_add(ls, indent, slot, text);
	okr_buf line, next;
	okr_buf_init(&line);
	okr_buf_init(&next);
	ui_line *l = NULL;
	for (const char *p = text; *p;) {
		const char *end = strstr(p, sep);
		size_t len = end ? (size_t)(end - p) : strlen(p);
		buf_clear(&next);
		okr_buf_add(&next, line.s);
		if (line.len)
			okr_buf_add(&next, sep);
		okr_buf_addn(&next, p, len);
		if (line.len && text_width(next.s) > room) {
			l = lines_add(ls, indent, slot, line.s);
			buf_clear(&line);
			okr_buf_addn(&line, p, len);
		} else {
			buf_clear(&line);
			okr_buf_add(&line, next.s);
		}
		p = end ? end + strlen(sep) : p + len;
	}
	if (line.len)
		l = lines_add(ls, indent, slot, line.s);
	okr_buf_free(&line);
	okr_buf_free(&next);
	return l;
}

ui_line *lines_addf_parts(ui_lines *ls, int indent, theme_slot slot, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ui_line *l = vadd(ls, indent, slot, true, fmt, ap);
	va_end(ap);
	return l;
}

int lines_clamp_top(const ui_lines *ls, int top, int rows)
{
	if (top > (int)ls->n - rows)
		top = (int)ls->n - rows;
	return top < 0 ? 0 : top;
}

void lines_free(ui_lines *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		free(ls->v[i].text);
	free(ls->v);
	memset(ls, 0, sizeof *ls);
}
