/*
 * csv.c — see csv.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/csv.h"

void csv_reader_init(csv_reader *r, const char *text, size_t len)
{
	r->p = text;
	r->end = text + len;
	r->line = 1;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		r->p += 3;
}

static void record_clear(csv_record *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		free(rec->f[i]);
	rec->n = 0;
}

void csv_record_free(csv_record *rec)
{
	record_clear(rec);
	free(rec->f);
	memset(rec, 0, sizeof *rec);
}

bool csv_formula_like(const char *s)
{
	/* A leading quote is guarded too, so that the one added can be told from
	 * one typed — except before a backslash, which marks text that okr's CSV
	 * writer escaped (src/cli/csv_text.c) and is already safe. */
	if (s[0] == '\'')
		return s[1] != '\\';
	if (!s[0] || !strchr("=+-@\t\r", s[0]))
		return false;
	char *end;
	strtod(s, &end);
	return !(end > s && *end == '\0');
}

static void add_field(csv_record *rec, okr_buf *b)
{
	okr_xgrow(&rec->f, &rec->cap, rec->n + 1, sizeof *rec->f);
	char *f = okr_buf_take(b);
	/* Undo csv_put's guard: exactly one quote, and only where it put one. */
	if (f[0] == '\'' && csv_formula_like(f + 1))
		memmove(f, f + 1, strlen(f));
	rec->f[rec->n++] = f;
}

/* A record ends at an unquoted LF or CRLF, or at the end of the text. */
int csv_read(csv_reader *r, csv_record *rec, char *err, size_t errlen)
{
	record_clear(rec);
	if (r->p >= r->end)
		return 0;
	rec->line = r->line;
	okr_buf b;
	okr_buf_init(&b);
	while (true) {
		bool quoted = r->p < r->end && *r->p == '"';
		if (quoted) {
			int start = r->line;
			r->p++;
			while (true) {
				if (r->p >= r->end) {
					okr_buf_free(&b);
					snprintf(err, errlen, _("line %d: a quoted field is not closed (missing \")"), start);
					return -1;
				}
				char c = *r->p++;
				if (c == '"') {
					if (r->p < r->end && *r->p == '"') {
						okr_buf_addc(&b, '"');
						r->p++;
						continue;
					}
					break;
				}
				if (c == '\n')
					r->line++;
				okr_buf_addc(&b, c);
			}
		} else {
			while (r->p < r->end && *r->p != ',' && *r->p != '\n' &&
			       !(*r->p == '\r' && r->p + 1 < r->end && r->p[1] == '\n')) {
				if (*r->p == '"') {
					okr_buf_free(&b);
					snprintf(err, errlen, _("line %d: a quote inside an unquoted field (quote the whole "
						 "field and double the quote: \"say \"\"hi\"\"\")"), r->line);
					return -1;
				}
				okr_buf_addc(&b, *r->p++);
			}
		}
		add_field(rec, &b);
		if (r->p >= r->end)
			break;
		if (*r->p == ',') {
			r->p++;
			continue;
		}
		if (*r->p == '\r' && r->p + 1 < r->end && r->p[1] == '\n')
			r->p += 2;
		else if (*r->p == '\n')
			r->p++;
		else {
			okr_buf_free(&b);
			snprintf(err, errlen, _("line %d: text after a closing quote (expected a comma or the end of the "
				 "line)"), r->line);
			return -1;
		}
		r->line++;
		break;
	}
	okr_buf_free(&b);
	return 1;
}

void csv_put(okr_buf *line, const char *field, bool first)
{
	if (!first)
		okr_buf_addc(line, ',');
	if (!field)
		return;
	const char *guard = csv_formula_like(field) ? "'" : "";
	if (!field[strcspn(field, ",\"\r\n")]) {
		okr_buf_add(line, guard);
		okr_buf_add(line, field);
		return;
	}
	okr_buf_addc(line, '"');
	okr_buf_add(line, guard);
	for (const char *p = field; *p; p++) {
		if (*p == '"')
			okr_buf_addc(line, '"');
		okr_buf_addc(line, *p);
	}
	okr_buf_addc(line, '"');
}
