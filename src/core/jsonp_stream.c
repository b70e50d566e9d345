/*
 * jsonp_stream.c — see jsonp.h: the pull reader for one large object of
 * arrays, the shape of an okr export.  Only the object's own punctuation
 * is read here; every member value and array item is cut out as text
 * (strings and nesting followed, so a `]` inside a note does not end
 * anything) and handed to jsonp_parse_at, so an item is held to exactly the
 * rules of the whole-text reader and its errors name the line in the file.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/jsonp.h"
#include "okr/util.h"

enum { ST_START, ST_FIRST_MEMBER, ST_MEMBER, ST_FIRST_ITEM, ST_ITEM, ST_END, ST_ERROR };

void jsonp_stream_init(jsonp_stream *js, jsonp_read_fn read, void *ctx)
{
	memset(js, 0, sizeof *js);
	js->read = read;
	js->ctx = ctx;
	js->line = 1;
}

void jsonp_stream_free(jsonp_stream *js)
{
	jsonp_free(&js->value);
	free(js->key);
	free(js->raw);
	js->key = js->raw = NULL;
}

static int peek(jsonp_stream *js)
{
	if (js->pos == js->len && !js->eof) {
		js->len = js->read(js->ctx, js->buf, sizeof js->buf);
		js->pos = 0;
		js->eof = js->len == 0;
	}
	return js->pos < js->len ? (unsigned char)js->buf[js->pos] : -1;
}

static int get(jsonp_stream *js)
{
	int c = peek(js);
	if (c >= 0) {
		js->pos++;
		js->line += c == '\n';
	}
	return c;
}

static void skip_ws(jsonp_stream *js)
{
	int c;
	while ((c = peek(js)) == ' ' || c == '\t' || c == '\r' || c == '\n')
		get(js);
}

static jsonp_event fail(jsonp_stream *js, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static jsonp_event fail(jsonp_stream *js, const char *fmt, ...)
{
	if (js->state != ST_ERROR) {
		int n = snprintf(js->err, sizeof js->err, "line %d: ", js->line);
		va_list ap;
		va_start(ap, fmt);
		if (n >= 0 && (size_t)n < sizeof js->err)
			vsnprintf(js->err + n, sizeof js->err - (size_t)n, fmt, ap);
		va_end(ap);
	}
	js->state = ST_ERROR;
	return JSONP_EV_ERROR;
}

static bool keep(jsonp_stream *js, int c)
{
	if (js->nraw >= JSONP_ITEM_MAX)
		return false;
	okr_xgrow(&js->raw, &js->capraw, js->nraw + 1, 1);
	js->raw[js->nraw++] = (char)c;
	return true;
}

/* Cut out one value's text: a string to its closing quote, an object or
 * array to its matching bracket, anything else up to the next , ] } or
 * blank.  Whether it is well formed is jsonp_parse_at's to say. */
static bool cut(jsonp_stream *js)
{
	int c = peek(js), depth = 0;
	bool in_str = false, esc = false;
	js->nraw = 0;
	js->value_line = js->line;
	if (c != '"' && c != '{' && c != '[') {
		while ((c = peek(js)) >= 0 && !strchr(",]} \t\r\n", c))
			if (!keep(js, get(js)))
				return false;
		return true;
	}
	while ((c = get(js)) >= 0) {
		if (!keep(js, c))
			return false;
		if (esc)
			esc = false;
		else if (in_str)
			esc = c == '\\', in_str = c != '"';
		else if (c == '"')
			in_str = true;
		else if (c == '{' || c == '[')
			depth++;
		else if (c == '}' || c == ']')
			depth--;
		if (!in_str && depth <= 0)
			return true;
	}
	return true;   /* the end of the file inside it: the parse says so */
}

/* Cut and parse one value into js->value. */
static bool parse_value(jsonp_stream *js)
{
	jsonp_free(&js->value);
	if (!cut(js)) {
		fail(js, _("one item is larger than %d MB — is this an okr export?"), JSONP_ITEM_MAX >> 20);
		return false;
	}
	char err[sizeof js->err];
	if (jsonp_parse_at(js->raw ? js->raw : "", js->nraw, js->value_line, &js->value, err, sizeof err))
		return true;
	snprintf(js->err, sizeof js->err, "%s", err);
	js->state = ST_ERROR;
	return false;
}

static jsonp_event finish(jsonp_stream *js)
{
	skip_ws(js);
	if (peek(js) >= 0)
		return fail(js, _("text after the end of the JSON value"));
	js->state = ST_END;
	return JSONP_EV_END;
}

static jsonp_event start(jsonp_stream *js)
{
	if (peek(js) == 0xef) {
		get(js);
		if (get(js) != 0xbb || get(js) != 0xbf)
			return fail(js, _("the file does not start with { (an okr export is one JSON object)"));
	}
	skip_ws(js);
	if (get(js) != '{')
		return fail(js, _("the file does not start with { (an okr export is one JSON object)"));
	js->state = ST_FIRST_MEMBER;
	return JSONP_EV_MEMBER;   /* not returned: the caller goes on to the first member */
}

static jsonp_event member(jsonp_stream *js)
{
	skip_ws(js);
	int c = peek(js);
	if (js->state == ST_MEMBER) {
		if (c == '}')
			return get(js), finish(js);
		if (c != ',')
			return fail(js, _("expected , or } in an object"));
		get(js);
		skip_ws(js);
		if ((c = peek(js)) == '}')
			return fail(js, _("a comma before } (trailing commas are not JSON)"));
	} else if (c == '}') {
		return get(js), finish(js);
	}
	if (c != '"')
		return fail(js, _("expected a \"key\" in an object"));
	if (!parse_value(js))
		return JSONP_EV_ERROR;
	free(js->key);
	js->key = js->value.str;
	js->value.str = NULL;
	jsonp_free(&js->value);
	skip_ws(js);
	if (get(js) != ':')
		return fail(js, _("expected : after a key"));
	skip_ws(js);
	if (peek(js) == '[') {
		js->value_line = js->line;
		get(js);
		js->state = ST_FIRST_ITEM;
		return JSONP_EV_ARRAY;
	}
	if (!parse_value(js))
		return JSONP_EV_ERROR;
	js->state = ST_MEMBER;
	return JSONP_EV_MEMBER;
}

static jsonp_event item(jsonp_stream *js)
{
	skip_ws(js);
	int c = peek(js);
	if (js->state == ST_ITEM && c != ']') {
		if (c != ',')
			return fail(js, _("expected , or ] in an array"));
		get(js);
		skip_ws(js);
		if (peek(js) == ']')
			return fail(js, _("a comma before ] (trailing commas are not JSON)"));
	} else if (c == ']') {
		get(js);
		js->state = ST_MEMBER;
		return JSONP_EV_ARRAY_END;
	}
	if (!parse_value(js))
		return JSONP_EV_ERROR;
	js->state = ST_ITEM;
	return JSONP_EV_ITEM;
}

jsonp_event jsonp_stream_next(jsonp_stream *js)
{
	switch (js->state) {
	case ST_START:
		if (start(js) == JSONP_EV_ERROR)
			return JSONP_EV_ERROR;
		return member(js);
	case ST_FIRST_MEMBER:
	case ST_MEMBER:
		return member(js);
	case ST_FIRST_ITEM:
	case ST_ITEM:
		return item(js);
	case ST_END:
		return JSONP_EV_END;
	default:
		return JSONP_EV_ERROR;
	}
}
