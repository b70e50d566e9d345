/*
 * jsonp.c — see jsonp.h.  A recursive-descent reader over a byte range; the
 * recursion is bounded by JSONP_MAX_DEPTH.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/jsonp.h"
#include "okr/util.h"

typedef struct {
	const char *p, *end;
	int line;
	int depth;
	char *err;
	size_t errlen;
	bool failed;
} reader;

static bool fail(reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool fail(reader *r, const char *fmt, ...)
{
	if (r->failed)
		return false;
	r->failed = true;
	int n = snprintf(r->err, r->errlen, "line %d: ", r->line);
	va_list ap;
	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < r->errlen)
		vsnprintf(r->err + n, r->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return false;
}

static void skip_ws(reader *r)
{
	while (r->p < r->end) {
		char c = *r->p;
		if (c == '\n')
			r->line++;
		else if (c != ' ' && c != '\t' && c != '\r')
			return;
		r->p++;
	}
}

static bool literal(reader *r, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
		return fail(r, _("unexpected text (a value must be a string, number, object, array, true, false "
			       "or null)"));
	r->p += n;
	return true;
}

static int hex4(const char *p)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

static void put_utf8(okr_buf *b, unsigned cp)
{
	char u[4];
	size_t n;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	okr_buf_addn(b, u, n);
}

/* An escape after the backslash; *r->p is the letter. */
static bool escape(reader *r, okr_buf *b)
{
	char c = *r->p++;
	switch (c) {
	case '"': okr_buf_addc(b, '"'); return true;
	case '\\': okr_buf_addc(b, '\\'); return true;
	case '/': okr_buf_addc(b, '/'); return true;
	case 'b': okr_buf_addc(b, '\b'); return true;
	case 'f': okr_buf_addc(b, '\f'); return true;
	case 'n': okr_buf_addc(b, '\n'); return true;
	case 'r': okr_buf_addc(b, '\r'); return true;
	case 't': okr_buf_addc(b, '\t'); return true;
	case 'u': break;
	default: return fail(r, _("unknown escape \\%c in a string"), c >= 0x20 && c < 0x7f ? c : '?');
	}
	if (r->end - r->p < 4 || hex4(r->p) < 0)
		return fail(r, _("\\u must be followed by four hex digits"));
	unsigned cp = (unsigned)hex4(r->p);
	r->p += 4;
	if (cp >= 0xdc00 && cp <= 0xdfff)
		return fail(r, _("\\u%04X is a lone low surrogate"), cp);
	if (cp >= 0xd800 && cp <= 0xdbff) {
		if (r->end - r->p < 6 || r->p[0] != '\\' || r->p[1] != 'u' || hex4(r->p + 2) < 0xdc00 ||
		    hex4(r->p + 2) > 0xdfff)
			return fail(r, _("\\u%04X is a high surrogate without its low half"), cp);
		cp = 0x10000 + ((cp - 0xd800) << 10) + ((unsigned)hex4(r->p + 2) - 0xdc00);
		r->p += 6;
	}
	if (cp == 0)
		return fail(r, _("\\u0000 (a NUL character) cannot be stored"));
	put_utf8(b, cp);
	return true;
}

static bool string(reader *r, char **out)
{
	okr_buf b;
	okr_buf_init(&b);
	r->p++;   /* the opening quote */
	while (true) {
		if (r->p >= r->end) {
			okr_buf_free(&b);
			return fail(r, _("a string is not closed (missing \")"));
		}
		unsigned char c = (unsigned char)*r->p;
		if (c == '"') {
			r->p++;
			break;
		}
		if (c < 0x20) {
			okr_buf_free(&b);
			return fail(r, _("raw control character 0x%02X in a string (write it as \\u%04X)"), c, c);
		}
		if (c == '\\') {
			r->p++;
			if (r->p >= r->end || !escape(r, &b)) {
				okr_buf_free(&b);
				return fail(r, _("a string ends inside an escape"));
			}
			continue;
		}
		okr_buf_addc(&b, (char)c);
		r->p++;
	}
	if (!okr_utf8_valid(b.s)) {
		okr_buf_free(&b);
		return fail(r, _("a string is not valid UTF-8"));
	}
	*out = okr_buf_take(&b);
	okr_buf_free(&b);
	return true;
}

/* The grammar of RFC 8259 §6, checked before strtod sees it. */
static bool number(reader *r, jsonp_value *v)
{
	const char *s = r->p, *p = s;
	if (p < r->end && *p == '-')
		p++;
	if (p >= r->end || *p < '0' || *p > '9')
		return fail(r, _("a number needs digits"));
	if (*p == '0' && p + 1 < r->end && p[1] >= '0' && p[1] <= '9')
		return fail(r, _("a number may not have leading zeros"));
	while (p < r->end && *p >= '0' && *p <= '9')
		p++;
	if (p < r->end && *p == '.') {
		p++;
		if (p >= r->end || *p < '0' || *p > '9')
			return fail(r, _("a number needs digits after the decimal point"));
		while (p < r->end && *p >= '0' && *p <= '9')
			p++;
	}
	if (p < r->end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < r->end && (*p == '+' || *p == '-'))
			p++;
		if (p >= r->end || *p < '0' || *p > '9')
			return fail(r, _("a number needs digits in its exponent"));
		while (p < r->end && *p >= '0' && *p <= '9')
			p++;
	}
	size_t n = (size_t)(p - s);
	v->str = okr_xmalloc(n + 1);
	memcpy(v->str, s, n);
	v->str[n] = '\0';
	errno = 0;
	v->num = strtod(v->str, NULL);
	if (errno == ERANGE && fabs(v->num) > 1)
		return fail(r, _("the number %.40s is too large"), v->str);
	r->p = p;
	return true;
}

static bool value(reader *r, jsonp_value *v);

/* After a member of an array or an object: a comma and another member
 * (1), or the closing bracket (0), or a failure naming what was expected
 * (-1); a comma just before the bracket is not JSON. */
static int after_member(reader *r, char close, const char *trailing, const char *expected)
{
	skip_ws(r);
	if (r->p < r->end && *r->p == ',') {
		r->p++;
		skip_ws(r);
		if (r->p < r->end && *r->p == close) {
			fail(r, "%s", trailing);
			return -1;
		}
		return 1;
	}
	if (r->p < r->end && *r->p == close) {
		r->p++;
		return 0;
	}
	fail(r, "%s", expected);
	return -1;
}

static bool array(reader *r, jsonp_value *v)
{
	size_t cap = 0;
	r->p++;
	skip_ws(r);
	if (r->p < r->end && *r->p == ']') {
		r->p++;
		return true;
	}
	while (true) {
		okr_xgrow(&v->items, &cap, v->n + 1, sizeof *v->items);
		memset(&v->items[v->n], 0, sizeof v->items[0]);
		v->n++;
		if (!value(r, &v->items[v->n - 1]))
			return false;
		int more = after_member(r, ']', _("a comma before ] (trailing commas are not JSON)"),
					_("expected , or ] in an array"));
		if (more <= 0)
			return more == 0;
	}
}

static bool object(reader *r, jsonp_value *v)
{
	size_t cap = 0, kcap = 0;
	r->p++;
	skip_ws(r);
	if (r->p < r->end && *r->p == '}') {
		r->p++;
		return true;
	}
	while (true) {
		if (r->p >= r->end || *r->p != '"')
			return fail(r, _("expected a \"key\" in an object"));
		char *key;
		if (!string(r, &key))
			return false;
		for (size_t i = 0; i < v->n; i++)
			if (strcmp(v->keys[i], key) == 0) {
				fail(r, _("the key \"%.60s\" appears twice in one object"), key);
				free(key);
				return false;
			}
		okr_xgrow(&v->keys, &kcap, v->n + 1, sizeof *v->keys);
		okr_xgrow(&v->items, &cap, v->n + 1, sizeof *v->items);
		memset(&v->items[v->n], 0, sizeof v->items[0]);
		v->keys[v->n++] = key;
		skip_ws(r);
		if (r->p >= r->end || *r->p != ':')
			return fail(r, _("expected : after a key"));
		r->p++;
		if (!value(r, &v->items[v->n - 1]))
			return false;
		int more = after_member(r, '}', _("a comma before } (trailing commas are not JSON)"),
					_("expected , or } in an object"));
		if (more <= 0)
			return more == 0;
	}
}

static bool value(reader *r, jsonp_value *v)
{
	skip_ws(r);
	v->line = r->line;
	if (r->p >= r->end)
		return fail(r, _("the text ends where a value was expected"));
	switch (*r->p) {
	case '{':
	case '[':
		if (++r->depth > JSONP_MAX_DEPTH)
			return fail(r, _("nested deeper than %d levels"), JSONP_MAX_DEPTH);
		v->type = *r->p == '{' ? JSONP_OBJECT : JSONP_ARRAY;
		bool ok = v->type == JSONP_OBJECT ? object(r, v) : array(r, v);
		r->depth--;
		return ok;
	case '"':
		v->type = JSONP_STRING;
		return string(r, &v->str);
	case 't':
		v->type = JSONP_BOOL;
		v->b = true;
		return literal(r, "true");
	case 'f':
		v->type = JSONP_BOOL;
		return literal(r, "false");
	case 'n':
		v->type = JSONP_NULL;
		return literal(r, "null");
	default:
		v->type = JSONP_NUMBER;
		return number(r, v);
	}
}

bool jsonp_parse(const char *text, size_t len, jsonp_value *out, char *err, size_t errlen)
{
	return jsonp_parse_at(text, len, 1, out, err, errlen);
}

bool jsonp_parse_at(const char *text, size_t len, int line, jsonp_value *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	reader r = { .p = text, .end = text + len, .line = line, .err = err, .errlen = errlen };
	if (errlen)
		err[0] = '\0';
	if (memchr(text, '\0', len)) {
		/* count the lines up to the NUL for the message */
		for (const char *p = text; *p; p++)
			r.line += *p == '\n';
		fail(&r, _("a NUL byte (this is not a text file)"));
		return false;
	}
	/* A UTF-8 byte order mark is tolerated: editors add it. */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		r.p += 3;
	if (value(&r, out)) {
		skip_ws(&r);
		if (r.p == r.end)
			return true;
		fail(&r, _("text after the end of the JSON value"));
	}
	jsonp_free(out);
	return false;
}

void jsonp_free(jsonp_value *v)
{
	for (size_t i = 0; i < v->n; i++) {
		jsonp_free(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->str);
	memset(v, 0, sizeof *v);
}

const jsonp_value *jsonp_get(const jsonp_value *obj, const char *key)
{
	if (!obj || obj->type != JSONP_OBJECT)
		return NULL;
	for (size_t i = 0; i < obj->n; i++)
		if (strcmp(obj->keys[i], key) == 0)
			return &obj->items[i];
	return NULL;
}

const char *jsonp_type_name(jsonp_type t)
{
	static const char *const names[] = { "null", "true/false", "number", "string", "array", "object" };
	return names[t];
}
