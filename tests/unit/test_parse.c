/*
 * test_parse.c — numbers, dates and typed IDs as people type them.
 */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "okr/parse.h"

static void test_number_accepts(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		double v;
	} ok[] = {
		{ "0", 0 }, { "1", 1 }, { "-1", -1 }, { "+2", 2 },
		{ "0.1", 0.1 }, { "1e-5", 1e-5 }, { "1E5", 1e5 }, { "1e+5", 1e5 },
		{ "123456789.125", 123456789.125 }, { "2.5e3", 2500 },
		{ ".5", 0.5 }, { "5.", 5 }, { "-.25", -0.25 },
		{ "  42  ", 42 }, { "\t7\n", 7 }, { "007", 7 },
		{ "0.30000000000000004", 0.30000000000000004 },
		{ "1.7976931348623157e308", 1.7976931348623157e308 },
		{ "4.9e-324", 4.9e-324 },
		{ "1e-400", 0 },   /* underflow: the nearest value is zero */
		{ "9007199254740993", 9007199254740992.0 },   /* ties to even */
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		double v = -99;
		if (!okr_parse_number(ok[i].s, &v))
			fail_msg("refused \"%s\"", ok[i].s);
		if (v != ok[i].v)
			fail_msg("\"%s\" gave %.17g, want %.17g", ok[i].s, v, ok[i].v);
	}
}

static void test_number_minus_zero_is_zero(void **state)
{
	(void)state;
	double v = 1;
	assert_true(okr_parse_number("-0", &v));
	assert_true(v == 0);
	assert_false(signbit(v));
	assert_true(okr_parse_number("-0.0e5", &v));
	assert_false(signbit(v));
}

static void test_number_refuses(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "  ", "\t", "12abc", "1.2.3", "0x10", "0X1p3", "1,5", "+", "-",
		".", "1e", "e5", "1e+", "1e-", "NaN", "nan", "inf", "-inf",
		"infinity", "Infinity", "1e999", "-1e999", "1e400", "--1", "+-1",
		"1 2", "1e5.5", ". 5", "1_000", "١", "1\xc2\xa0", "1e5x",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		double v = 12345;
		if (okr_parse_number(bad[i], &v))
			fail_msg("accepted \"%s\" as %g", bad[i], v);
		assert_true(v == 12345);   /* untouched on failure */
	}
	assert_false(okr_parse_number(NULL, NULL));
}

static void test_number_too_long(void **state)
{
	(void)state;
	char s[700];
	memset(s, '1', sizeof s - 1);
	s[sizeof s - 1] = '\0';
	assert_false(okr_parse_number(s, NULL));
}

static void test_int(void **state)
{
	(void)state;
	long v = 0;
	assert_true(okr_parse_int("10", 0, 10, &v));
	assert_int_equal(v, 10);
	assert_true(okr_parse_int(" -3 ", -5, 5, &v));
	assert_int_equal(v, -3);
	assert_true(okr_parse_int("+0", 0, 0, &v));
	assert_int_equal(v, 0);
	char edge[32];
	snprintf(edge, sizeof edge, "%ld", LONG_MIN);
	assert_true(okr_parse_int(edge, LONG_MIN, LONG_MAX, &v));
	assert_true(v == LONG_MIN);
	snprintf(edge, sizeof edge, "%ld", LONG_MAX);
	assert_true(okr_parse_int(edge, LONG_MIN, LONG_MAX, &v));
	assert_true(v == LONG_MAX);
	/* One digit more overflows either way. */
	snprintf(edge, sizeof edge, "%ld0", LONG_MAX);
	assert_false(okr_parse_int(edge, LONG_MIN, LONG_MAX, &v));
	snprintf(edge, sizeof edge, "%ld0", LONG_MIN);
	assert_false(okr_parse_int(edge, LONG_MIN, LONG_MAX, &v));

	v = 77;
	static const char *const bad[] = {
		"11", "-1", "", " ", "+", "-", "1.0", "1e2", "0x1", "5a", "1 0",
		"99999999999999999999", "-99999999999999999999",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (okr_parse_int(bad[i], 0, 10, &v))
			fail_msg("accepted \"%s\"", bad[i]);
	assert_int_equal(v, 77);
	assert_false(okr_parse_int(NULL, 0, 1, &v));
}

static void test_date_known(void **state)
{
	(void)state;
	okr_day d = -1;
	assert_true(okr_parse_date("1970-01-01", &d));
	assert_int_equal(d, 0);
	assert_true(okr_parse_date("2000-02-29", &d));
	assert_int_equal(d, 11016);
	assert_true(okr_parse_date("2026-10-01", &d));
	assert_int_equal(d, 20727);
	assert_true(okr_parse_date("9999-12-31", &d));
	assert_int_equal(d, 2932896);
	assert_true(okr_parse_date("2024-02-29", &d));
	assert_true(okr_parse_date("2400-02-29", &d));
}

static void test_date_refuses(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "1969-12-31", "2023-02-29", "1900-02-29", "2100-02-29",
		"2026-13-01", "2026-00-10", "2026-01-00", "2026-04-31", "2026-01-32",
		"2026-1-01", "2026-01-1", "26-01-01", "2026/01/01", " 2026-01-01",
		"2026-01-01 ", "2026-01-01x", "+026-01-01", "2026-0a-01", "10000-01-01",
		"0000-01-01",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		okr_day d = 42;
		if (okr_parse_date(bad[i], &d))
			fail_msg("accepted \"%s\"", bad[i]);
		assert_int_equal(d, 42);
	}
	assert_false(okr_parse_date(NULL, NULL));
}

/* Every day from 1970 to 2100 survives format → parse, and consecutive days
 * have consecutive numbers (no gap or repeat at month and year ends). */
static void test_date_round_trip(void **state)
{
	(void)state;
	okr_day last;
	assert_true(okr_parse_date("2100-12-31", &last));
	int feb29 = 0;
	for (okr_day d = 0; d <= last; d++) {
		char buf[11];
		okr_format_date(d, buf);
		okr_day back = -1;
		if (!okr_parse_date(buf, &back) || back != d)
			fail_msg("day %d formatted as %s came back as %d", d, buf, back);
		if (strcmp(buf + 4, "-02-29") == 0)
			feb29++;
	}
	/* Leap years 1972..2096 (2000 is one, 2100 is not). */
	assert_int_equal(feb29, 32);
}

static void test_date_format_edges(void **state)
{
	(void)state;
	char buf[11];
	okr_format_date(-1, buf);
	assert_string_equal(buf, "1969-12-31");
	okr_format_date(2932896, buf);
	assert_string_equal(buf, "9999-12-31");
	okr_format_date(2932897, buf);
	assert_string_equal(buf, "\?\?\?\?-\?\?-\?\?");
	okr_format_date(INT32_MIN, buf);
	assert_int_equal(strlen(buf), 10);
	okr_format_date(INT32_MAX, buf);
	assert_int_equal(strlen(buf), 10);
}

static void test_day_of(void **state)
{
	(void)state;
	assert_int_equal(okr_day_of(0), 0);
	assert_int_equal(okr_day_of(86399), 0);
	assert_int_equal(okr_day_of(86400), 1);
	assert_int_equal(okr_day_of(-1), -1);
	assert_int_equal(okr_day_of(-86400), -1);
	assert_int_equal(okr_day_of(-86401), -2);
	assert_true(okr_day_start(20727) == (okr_time)20727 * 86400);
	assert_true(okr_day_start(-1) == -86400);
	assert_int_equal(okr_day_of(okr_day_start(12345) + 43200), 12345);
}

static void test_id_parse(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		okr_id_kind kind;
		int64_t id;
	} ok[] = {
		{ "O12", ID_OBJECTIVE, 12 }, { "o12", ID_OBJECTIVE, 12 },
		{ "K34", ID_KR, 34 }, { "k1", ID_KR, 1 },
		{ "KPI3", ID_KPI, 3 }, { "kpi3", ID_KPI, 3 }, { "Kpi07", ID_KPI, 7 },
		{ "O9223372036854775807", ID_OBJECTIVE, INT64_MAX },
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		int64_t id = -1;
		okr_id_kind k = okr_parse_id(ok[i].s, &id);
		if (k != ok[i].kind || id != ok[i].id)
			fail_msg("\"%s\" gave kind %d id %lld", ok[i].s, (int)k, (long long)id);
	}
	static const char *const bad[] = {
		"", "O", "K", "KPI", "O0", "K00", "O-1", "O+1", "O12x", "O 12", " O12",
		"O12 ", "X12", "12", "KP3", "KPIX3", "O1.5", "O9223372036854775808",
		"O99999999999999999999", "\303\22612",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int64_t id = -1;
		if (okr_parse_id(bad[i], &id) != ID_NONE)
			fail_msg("accepted \"%s\"", bad[i]);
		assert_true(id == 0);
	}
	assert_int_equal(okr_parse_id(NULL, NULL), ID_NONE);
	assert_int_equal(okr_parse_id("K5", NULL), ID_KR);
}

static void test_id_format(void **state)
{
	(void)state;
	char buf[24];
	assert_string_equal(okr_format_id(ID_OBJECTIVE, 12, buf, sizeof buf), "O12");
	assert_string_equal(okr_format_id(ID_KR, 34, buf, sizeof buf), "K34");
	assert_string_equal(okr_format_id(ID_KPI, 3, buf, sizeof buf), "KPI3");
	assert_string_equal(okr_format_id(ID_NONE, 3, buf, sizeof buf), "");
	okr_format_id(ID_KPI, INT64_MAX, buf, sizeof buf);
	int64_t id;
	assert_int_equal(okr_parse_id(buf, &id), ID_KPI);
	assert_true(id == INT64_MAX);
	char small[3];
	assert_string_equal(okr_format_id(ID_KPI, 3, small, sizeof small), "KP");
}

static void test_format_value(void **state)
{
	(void)state;
	char buf[64];
	/* Computed numbers: exactly the decimals asked for. */
	assert_string_equal(okr_format_rounded(1.5, 1, buf, sizeof buf), "1.5");
	assert_string_equal(okr_format_rounded(1.5, 0, buf, sizeof buf), "2");
	assert_string_equal(okr_format_rounded(2.5, 0, buf, sizeof buf), "2");   /* to even */
	assert_string_equal(okr_format_rounded(85, 2, buf, sizeof buf), "85.00");
	assert_string_equal(okr_format_rounded(-0.0, 2, buf, sizeof buf), "0.00");
	assert_string_equal(okr_format_rounded(-0.001, 2, buf, sizeof buf), "0.00");
	assert_string_equal(okr_format_rounded(-0.4, 0, buf, sizeof buf), "0");
	assert_string_equal(okr_format_rounded(-0.6, 0, buf, sizeof buf), "-1");
	assert_string_equal(okr_format_rounded(0.1234567, 9, buf, sizeof buf), "0.123457");
	assert_string_equal(okr_format_rounded(3.7, -2, buf, sizeof buf), "4");
	assert_string_equal(okr_format_rounded(NAN, 2, buf, sizeof buf), "\xe2\x80\x94");
	/* Values as entered: never fewer digits than the value has (up to six),
	 * never fewer than the key result's own decimals. */
	assert_string_equal(okr_format_value(0.8, 0, buf, sizeof buf), "0.8");
	assert_string_equal(okr_format_value(3.75, 1, buf, sizeof buf), "3.75");
	assert_string_equal(okr_format_value(1.5, 0, buf, sizeof buf), "1.5");
	assert_string_equal(okr_format_value(85, 2, buf, sizeof buf), "85.00");
	assert_string_equal(okr_format_value(85, 0, buf, sizeof buf), "85");
	assert_string_equal(okr_format_value(0.1 + 0.2, 0, buf, sizeof buf), "0.3");
	assert_string_equal(okr_format_value(-0.0, 0, buf, sizeof buf), "0");
	assert_string_equal(okr_format_value(-0.0, 2, buf, sizeof buf), "0.00");
	assert_string_equal(okr_format_value(-0.0000001, 0, buf, sizeof buf), "0");
	assert_string_equal(okr_format_value(-120, 1, buf, sizeof buf), "-120.0");
	assert_string_equal(okr_format_value(-2.125, 0, buf, sizeof buf), "-2.125");
	assert_string_equal(okr_format_value(0.1234567, 9, buf, sizeof buf), "0.123457");
	assert_string_equal(okr_format_value(3.7, -2, buf, sizeof buf), "3.7");
	assert_string_equal(okr_format_value(123456789012.34, 0, buf, sizeof buf), "123456789012.34");
	assert_string_equal(okr_format_value(1e15 + 0.125, 0, buf, sizeof buf), "1000000000000000");
	assert_string_equal(okr_format_value(NAN, 2, buf, sizeof buf), "\xe2\x80\x94");
	assert_string_equal(okr_format_value(INFINITY, 2, buf, sizeof buf), "\xe2\x80\x94");
	assert_string_equal(okr_format_value(1e20, 0, buf, sizeof buf), "100000000000000000000");
	char small[4];
	assert_string_equal(okr_format_value(12345, 0, small, sizeof small), "123");
}

/* Where the machine has a locale with a decimal comma, neither direction
 * may follow it.  Machines without one skip the test rather than pass it. */
static void test_locale_proof(void **state)
{
	(void)state;
	static const char *const comma[] = {
		"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8",
		"vi_VN.UTF-8", "vi_VN.utf8", "ru_RU.UTF-8", "ru_RU.utf8",
	};
	const char *got = NULL;
	for (size_t i = 0; i < sizeof comma / sizeof comma[0] && !got; i++)
		got = setlocale(LC_NUMERIC, comma[i]);
	if (!got)
		skip();
	double v = 0;
	char buf[32];
	bool parsed = okr_parse_number("1.5", &v);
	bool comma_refused = !okr_parse_number("1,5", NULL);
	okr_format_value(1.25, 2, buf, sizeof buf);
	setlocale(LC_NUMERIC, "C");
	assert_true(parsed);
	assert_true(v == 1.5);
	assert_true(comma_refused);
	assert_string_equal(buf, "1.25");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number_accepts),
		cmocka_unit_test(test_number_minus_zero_is_zero),
		cmocka_unit_test(test_number_refuses),
		cmocka_unit_test(test_number_too_long),
		cmocka_unit_test(test_int),
		cmocka_unit_test(test_date_known),
		cmocka_unit_test(test_date_refuses),
		cmocka_unit_test(test_date_round_trip),
		cmocka_unit_test(test_date_format_edges),
		cmocka_unit_test(test_day_of),
		cmocka_unit_test(test_id_parse),
		cmocka_unit_test(test_id_format),
		cmocka_unit_test(test_format_value),
		cmocka_unit_test(test_locale_proof),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
