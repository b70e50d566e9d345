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

ui_line *lines_addf(ui_lines *ls, int indent, theme_slot slot, const char *fmt, ...)
{
	okr_buf b;
	okr_buf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	okr_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	ui_line *l = lines_add(ls, indent, slot, b.s);
	okr_buf_free(&b);
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
