/*
 * json.c — a small streaming JSON writer for --json output.  Strings are
 * escaped completely (every control character as \u00XX, bytes that are not
 * UTF-8 as \ufffd), so data from the database can never break the document
 * or a terminal it is printed to.
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
	static const char spaces[] = "\n                                                                ";
	size_t n = 1 + 2 * (size_t)j->depth;
	fwrite(spaces, 1, n < sizeof spaces - 1 ? n : sizeof spaces - 1, j->f);
}

/* One code point at p (at least one byte, NUL-terminated): written as it
 * is, or escaped when a terminal could act on it (C1 and bidi controls,
 * line/paragraph separators — valid JSON as they are, the same text
 * escaped), or as U+FFFD when the bytes are not UTF-8 at all (a row written
 * with the sqlite3 shell): the document stays valid, so okr's import takes
 * its own export, and the damage stays visible.  Returns the bytes used. */
static size_t put_cp(FILE *f, const unsigned char *p)
{
	uint32_t cp;
	size_t n = text_decode((const char *)p, strnlen((const char *)p, 4), &cp);
	if (n == 1 && cp == 0xFFFD)
		fputs("\\ufffd", f);
	else if (text_cp_is_unsafe(cp) || cp == 0x2028 || cp == 0x2029)
		fprintf(f, "\\u%04x", (unsigned)cp);
	else
		fwrite(p, 1, n, f);
	return n;
}

static void put_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		/* Plain ASCII goes out as one run: an export is mostly that. */
		size_t run = 0;
		while (p[run] >= 0x20 && p[run] < 0x7f && p[run] != '"' && p[run] != '\\')
			run++;
		if (run) {
			fwrite(p, 1, run, f);
			p += run - 1;
			continue;
		}
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p == '\t')
			fputs("\\t", f);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\u%04x", *p);
		else if (*p >= 0x80)
			p += put_cp(f, p) - 1;
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
