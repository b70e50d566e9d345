/*
 * test_jsonp_stream.c — the pull reader of a large import (core/jsonp_stream.c):
 * the events of an export's shape, fed one byte at a time so every buffer
 * boundary falls inside a string, an escape or a number; errors with the line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "okr/jsonp.h"

typedef struct {
	const char *s;
	size_t pos, chunk;
} src;

static size_t rd(void *ctx, char *buf, size_t len)
{
	src *x = ctx;
	size_t left = strlen(x->s) - x->pos, n = x->chunk < len ? x->chunk : len;
	n = n < left ? n : left;
	memcpy(buf, x->s + x->pos, n);
	x->pos += n;
	return n;
}

/* The events as letters (M member, A array, I item, ] end of array, E end,
 * ! error), each item's first string field after it. */
static void events(const char *text, size_t chunk, char *out, size_t len, char *err, size_t errlen)
{
	src x = { text, 0, chunk };
	jsonp_stream js;
	jsonp_stream_init(&js, rd, &x);
	out[0] = '\0';
	for (;;) {
		jsonp_event ev = jsonp_stream_next(&js);
		static const char letters[] = "MAI]E!";
		size_t n = strlen(out);
		if (n + 40 >= len)
			break;
		out[n] = letters[ev];
		out[n + 1] = '\0';
		if (ev == JSONP_EV_ITEM && js.value.type == JSONP_OBJECT && js.value.n &&
		    js.value.items[0].type == JSONP_STRING)
			snprintf(out + n + 1, len - n - 1, "(%s)", js.value.items[0].str);
		if (ev == JSONP_EV_ERROR)
			snprintf(err, errlen, "%s", js.err);
		if (ev == JSONP_EV_END || ev == JSONP_EV_ERROR)
			break;
	}
	jsonp_stream_free(&js);
}

static void test_shape(void **state)
{
	(void)state;
	const char *doc = "\xef\xbb\xbf{\"format\": \"okr\", \"version\": 1,\n \"checkins\": [\n"
			  "  {\"uid\": \"a ] } [ {\\\" \\u00e9\", \"v\": -1.5e3},\n  {\"uid\": \"b\"}\n ],\n"
			  " \"kudos\": []\n}\n";
	char out[256], err[512] = "";
	for (size_t chunk = 1; chunk <= 7; chunk += 3) {
		events(doc, chunk, out, sizeof out, err, sizeof err);
		assert_string_equal(out, "MMAI(a ] } [ {\" \xc3\xa9)I(b)]A]E");
	}
}

static void test_errors(void **state)
{
	(void)state;
	static const struct { const char *doc, *err; } cases[] = {
		{ "{\"a\": [\n{\"x\": 1}\n{\"x\": 2}]}", "line 3: expected , or ] in an array" },
		{ "{\"a\": [1,]}", "line 1: a comma before ] (trailing commas are not JSON)" },
		{ "{\"a\": [\n\"open", "line 2: a string is not closed (missing \")" },
		{ "{\"a\": 1} x", "line 1: text after the end of the JSON value" },
		{ "[1]", "line 1: the file does not start with { (an okr export is one JSON object)" },
		{ "{\"a\": [\n{\"x\": 01}]}", "line 2: a number may not have leading zeros" },
		{ "{\"a\": [1", "line 1: expected , or ] in an array" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[256], err[512] = "";
		events(cases[i].doc, 2, out, sizeof out, err, sizeof err);
		assert_int_equal(out[strlen(out) - 1], '!');
		assert_string_equal(err, cases[i].err);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shape),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
