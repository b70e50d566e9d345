/*
 * json.c — a small streaming JSON writer for --json output.  Strings are
 * escaped completely (every control character as \u00XX, bytes that are not
 * UTF-8 as \ufffd), so data from the database can never break the document
 * or a terminal it is printed to.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

/* One process writes each document: stdio's per-call locking was a fifth of
 * a whole export's time, so the glibc unlocked forms where they exist. */
#ifdef __GLIBC__
#define put_bytes fwrite_unlocked
#else
#define put_bytes fwrite
#endif
#define put_char putc_unlocked

static void put_text(const char *s, FILE *f)
{
	put_bytes(s, 1, strlen(s), f);
}

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
	put_bytes(spaces, 1, n < sizeof spaces - 1 ? n : sizeof spaces - 1, j->f);
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
		put_text("\\ufffd", f);
	else if (text_cp_is_unsafe(cp) || cp == 0x2028 || cp == 0x2029)
		fprintf(f, "\\u%04x", (unsigned)cp);
	else
		put_bytes(p, 1, n, f);
	return n;
}

static void put_string(FILE *f, const char *s)
{
	put_char('"', f);
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		/* Plain ASCII goes out as one run: an export is mostly that. */
		size_t run = 0;
		while (p[run] >= 0x20 && p[run] < 0x7f && p[run] != '"' && p[run] != '\\')
			run++;
		if (run) {
			put_bytes(p, 1, run, f);
			p += run - 1;
			continue;
		}
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			put_text("\\n", f);
		else if (*p == '\t')
			put_text("\\t", f);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\u%04x", *p);
		else if (*p >= 0x80)
			p += put_cp(f, p) - 1;
		else
			put_char(*p, f);
	}
	put_char('"', f);
}

/* The comma, newline and key before any value. */
static void key(json_out *j, const char *k)
{
	if (j->depth > 0) {
		if (!j->first[j->depth])
			put_char(',', j->f);
		indent(j);
	}
	j->first[j->depth] = false;
	if (k) {
		put_string(j->f, k);
		put_text(j->pretty ? ": " : ":", j->f);
	}
}

static void open_(json_out *j, const char *k, char c)
{
	key(j, k);
	put_char(c, j->f);
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
	put_char(c, j->f);
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
	char b[32];
	key(j, k);
	if (!isfinite(v))
		put_text("null", j->f);
	else if (fabs(v) < 1e15 && v == (double)(long long)v)   /* range first: the cast of a larger value is undefined */
		put_text(x_int((long long)v, b), j->f);
	else
		fprintf(j->f, "%.10g", v);
}

void json_int(json_out *j, const char *k, int64_t v)
{
	char b[32];
	key(j, k);
	put_text(x_int(v, b), j->f);
}

void json_bool(json_out *j, const char *k, bool v)
{
	key(j, k);
	put_text(v ? "true" : "false", j->f);
}

void json_null(json_out *j, const char *k)
{
	key(j, k);
	put_text("null", j->f);
}

void json_raw(json_out *j, const char *k, const char *literal)
{
	key(j, k);
	put_text(literal, j->f);
}

void json_finish(json_out *j)
{
	put_char('\n', j->f);
}

void json_time(json_out *j, const char *key, okr_time t)
{
	char b[32];
	if (t)
		json_str(j, key, x_time(t, b));
	else
		json_null(j, key);
}

void json_num_or_null(json_out *j, const char *key, double v, bool have)
{
	if (have)
		json_num(j, key, v);
	else
		json_null(j, key);
}

void json_confidence(json_out *j, const char *key, int confidence)
{
	if (confidence >= 0)
		json_int(j, key, confidence);
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
