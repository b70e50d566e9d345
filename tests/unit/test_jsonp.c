/*
 * test_jsonp.c — the strict JSON reader of `okr import` (core/jsonp.c), with
 * the CSV reader (core/csv.c) and grade parsing (core/grade.c) it sits beside.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "okr/csv.h"
#include "okr/grade.h"
#include "okr/jsonp.h"

static bool parses(const char *s)
{
	jsonp_value v;
	char err[256];
	bool ok = jsonp_parse(s, strlen(s), &v, err, sizeof err);
	if (ok)
		jsonp_free(&v);
	return ok;
}

static void test_values(void **state)
{
	(void)state;
	const char *s = "{\"a\": [1, -2.5e3, true, false, null], \"b\": \"x\\u00e9\\ud83d\\ude00\\n\", \"c\": {}}";
	jsonp_value v;
	char err[256];
	assert_true(jsonp_parse(s, strlen(s), &v, err, sizeof err));
	assert_int_equal(v.type, JSONP_OBJECT);
	const jsonp_value *a = jsonp_get(&v, "a");
	assert_non_null(a);
	assert_int_equal(a->n, 5);
	assert_true(a->items[1].num == -2500);
	assert_string_equal(a->items[1].str, "-2.5e3");      /* the literal is kept for exact round trips */
	assert_true(a->items[2].b);
	assert_int_equal(a->items[4].type, JSONP_NULL);
	assert_string_equal(jsonp_get(&v, "b")->str, "x\xc3\xa9\xf0\x9f\x98\x80\n");
	assert_null(jsonp_get(&v, "nope"));
	jsonp_free(&v);
}

static void test_strictness(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "{", "[1,]", "{\"a\":1,}", "{'a':1}", "{\"a\":1 \"b\":2}", "[01]", "[1.]", "[.5]", "[1e]",
		"[NaN]", "[Infinity]", "[-]", "[+1]", "[1e999]", "[\"a\tb\"]", "[\"\\x\"]", "[\"\\u12\"]",
		"[\"\\ud800\"]", "[\"\\udc00\"]", "[\"\\u0000\"]", "[\"\xff\"]", "[true false]", "[tru]", "{} {}",
		"{\"a\":1,\"a\":2}", "// c\n{}", "[\"unterminated",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (parses(bad[i]))
			fail_msg("accepted: %s", bad[i]);
	assert_true(parses(" \n[1, 0, -0.5, 1E+2, \"\\/\"]\n "));
	assert_true(parses("\xef\xbb\xbf{}"));   /* a BOM from an editor */
}

static void test_lines_and_depth(void **state)
{
	(void)state;
	jsonp_value v;
	char err[256];
	const char *s = "{\n  \"a\": [\n    1,\n    x\n  ]\n}";
	assert_false(jsonp_parse(s, strlen(s), &v, err, sizeof err));
	assert_non_null(strstr(err, "line 4"));
	char deep[200];
	memset(deep, '[', sizeof deep);
	assert_false(jsonp_parse(deep, sizeof deep, &v, err, sizeof err));
	assert_non_null(strstr(err, "nested deeper"));
	const char nul[] = "[1,\0 2]";
	assert_false(jsonp_parse(nul, sizeof nul - 1, &v, err, sizeof err));
	const char *ok = "{\n\"k\":\n[\n{\"x\": 1}]}";
	assert_true(jsonp_parse(ok, strlen(ok), &v, err, sizeof err));
	assert_int_equal(jsonp_get(&v, "k")->items[0].line, 4);
	jsonp_free(&v);
}

static void test_csv(void **state)
{
	(void)state;
	const char *s = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",,x\nlast";
	csv_reader r;
	csv_record rec = { 0 };
	char err[256];
	csv_reader_init(&r, s, strlen(s));
	assert_int_equal(csv_read(&r, &rec, err, sizeof err), 1);
	assert_int_equal(rec.n, 3);
	assert_string_equal(rec.f[1], "b,c");
	assert_string_equal(rec.f[2], "say \"hi\"");
	assert_int_equal(csv_read(&r, &rec, err, sizeof err), 1);
	assert_int_equal(rec.line, 2);
	assert_string_equal(rec.f[0], "multi\nline");
	assert_string_equal(rec.f[1], "");
	assert_int_equal(csv_read(&r, &rec, err, sizeof err), 1);
	assert_int_equal(rec.line, 4);
	assert_string_equal(rec.f[0], "last");
	assert_int_equal(csv_read(&r, &rec, err, sizeof err), 0);
	const char *bad = "ok\n\"open,\n";
	csv_reader_init(&r, bad, strlen(bad));
	assert_int_equal(csv_read(&r, &rec, err, sizeof err), 1);
	assert_int_equal(csv_read(&r, &rec, err, sizeof err), -1);
	assert_non_null(strstr(err, "line 2"));
	const char *stray = "a\"b,c\n";
	csv_reader_init(&r, stray, strlen(stray));
	assert_int_equal(csv_read(&r, &rec, err, sizeof err), -1);
	csv_record_free(&rec);

	okr_buf line;
	okr_buf_init(&line);
	csv_put(&line, "plain", true);
	csv_put(&line, "a,b", false);
	csv_put(&line, "q\"q", false);
	csv_put(&line, "n\nl", false);
	csv_put(&line, NULL, false);
	assert_string_equal(line.s, "plain,\"a,b\",\"q\"\"q\",\"n\nl\",");
	okr_buf_free(&line);
}

static void test_grade_parse(void **state)
{
	(void)state;
	double g;
	assert_true(okr_grade_parse("0.7", &g) && g == 0.7);
	assert_true(okr_grade_parse("1", &g) && g == 1);
	assert_true(okr_grade_parse("0", &g) && g == 0);
	assert_true(okr_grade_parse("1.00", &g) && g == 1);
	static const char *const bad[] = { "", "1.5", "0.755", "-0", ".5", "0.", "abc", "0.7x", "NaN", "inf",
					   " 0.5", "1e0", "2" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (okr_grade_parse(bad[i], &g))
			fail_msg("accepted grade '%s'", bad[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_strictness),
		cmocka_unit_test(test_lines_and_depth),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_grade_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
