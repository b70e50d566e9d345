/*
 * json.c — a small streaming JSON writer for --json output.  Strings are
 * escaped completely (every control character as \u00XX), so data from the
 * database can never break the document or a terminal it is printed to.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "exchange.h"
#include "okr/cli.h"
#include "okr/text.h"

void json_begin(json_out *j, FILE *f)
{
	j->f = f;
	j->depth = 0;
	j->first[0] = true;
	j->pretty = true;
}

static void indent(json_out *j)
{
	if (!j->pretty)
		return;
	fputc('\n', j->f);
	for (int i = 0; i < j->depth; i++)
		fputs("  ", j->f);
}

/* Whether the UTF-8 sequence at p is a code point a terminal could act on
 * (C1 control, bidi control, line/paragraph separator); *n gets its bytes. */
static bool unsafe_cp(const unsigned char *p, size_t *n)
{
	uint32_t cp;
	size_t len = strnlen((const char *)p, 4);
	*n = text_decode((const char *)p, len, &cp);
	return *n > 1 && (text_cp_is_unsafe(cp) || cp == 0x2028 || cp == 0x2029);
}

static void put_string(FILE *f, const char *s)
{
	size_t n;
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p == '\t')
			fputs("\\t", f);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\u%04x", *p);
		else if (*p >= 0xc2 && unsafe_cp(p, &n)) {
			/* C1 and bidi controls are valid JSON as they are, but a
			 * terminal may act on them: escaped, the text is the same. */
			uint32_t cp;
			text_decode((const char *)p, n, &cp);
			fprintf(f, "\\u%04x", (unsigned)cp);
			p += n - 1;
		}
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

/* The comma, newline and key before any value. */
static void key(json_out *j, const char *k)
{
	if (j->depth > 0) {
		if (!j->first[j->depth])
			fputc(',', j->f);
		indent(j);
	}
	j->first[j->depth] = false;
	if (k) {
		put_string(j->f, k);
		fputs(j->pretty ? ": " : ":", j->f);
	}
}

static void open_(json_out *j, const char *k, char c)
{
	key(j, k);
	fputc(c, j->f);
	if (j->depth < 31)
		j->depth++;
	j->first[j->depth] = true;
}

static void close_(json_out *j, char c)
{
	bool empty = j->first[j->depth];
	if (j->depth > 0)
		j->depth--;
	if (!empty)
		indent(j);
	fputc(c, j->f);
}

void json_obj(json_out *j, const char *k) { open_(j, k, '{'); }
void json_arr(json_out *j, const char *k) { open_(j, k, '['); }
void json_end_obj(json_out *j) { close_(j, '}'); }
void json_end_arr(json_out *j) { close_(j, ']'); }

void json_str(json_out *j, const char *k, const char *v)
{
	key(j, k);
	put_string(j->f, v);
}

void json_num(json_out *j, const char *k, double v)
{
	key(j, k);
	if (!isfinite(v))
		fputs("null", j->f);
	else if (fabs(v) < 1e15 && v == (double)(long long)v)   /* range first: the cast of a larger value is undefined */
		fprintf(j->f, "%lld", (long long)v);
	else
		fprintf(j->f, "%.10g", v);
}

void json_int(json_out *j, const char *k, int64_t v)
{
	key(j, k);
	fprintf(j->f, "%lld", (long long)v);
}

void json_bool(json_out *j, const char *k, bool v)
{
	key(j, k);
	fputs(v ? "true" : "false", j->f);
}

void json_null(json_out *j, const char *k)
{
	key(j, k);
	fputs("null", j->f);
}

void json_raw(json_out *j, const char *k, const char *literal)
{
	key(j, k);
	fputs(literal, j->f);
}

void json_finish(json_out *j)
{
	fputc('\n', j->f);
}

void json_time(json_out *j, const char *key, okr_time t)
{
	char b[32];
	if (t)
		json_str(j, key, x_time(t, b));
	else
		json_null(j, key);
}

void json_str_list(json_out *j, const char *key, const char *list)
{
	json_arr(j, key);
	for (const char *p = list ? list : ""; *p;) {
		size_t n = strcspn(p, ",");
		char item[256];
		snprintf(item, sizeof item, "%.*s", (int)n, p);
		json_str(j, NULL, item);
		p += n;
		p += strspn(p, ", ");
	}
	json_end_arr(j);
}
