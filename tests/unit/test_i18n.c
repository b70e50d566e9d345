/*
 * test_i18n.c — the pure parts of speaking other languages: ASCII of the
 * same width for a terminal that is not UTF-8, the decimal comma told apart
 * from other bad numbers, and a status column as wide as its widest word.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"

static void expect_ascii(const char *in, const char *want)
{
	char *got = text_ascii(in);
	assert_string_equal(got, want);
	/* Same width as the original: a layout measured in columns holds. */
	assert_int_equal(text_width(got), text_width(in));
	free(got);
}

static void test_ascii_lines_and_bars(void **state)
{
	(void)state;
	expect_ascii("─ Objectives ─", "- Objectives -");
	expect_ascii("│", "|");
	expect_ascii("████▊░░░░░", "#####.....");
	expect_ascii("▶ O1 ▾", "> O1 v");
	expect_ascii("47% · at risk …", "47% . at risk .");
	expect_ascii("✓ met ✗ below ★", "v met x below *");
}

static void test_ascii_text_keeps_width(void **state)
{
	(void)state;
	/* Chinese: two columns each, two question marks each. */
	expect_ascii("打造网站", "????????");
	/* Vietnamese: a precomposed letter is one '?'. */
	expect_ascii("Mục tiêu", "M?c ti?u");
	/* A base with a combining mark keeps its base and drops the mark. */
	expect_ascii("e\xcc\x81t", "et");
	expect_ascii("", "");
	expect_ascii("plain ASCII stays", "plain ASCII stays");
}

static void test_ascii_char(void **state)
{
	(void)state;
	assert_int_equal(text_ascii_char('a'), 'a');
	assert_int_equal(text_ascii_char(0x2500), '-');
	assert_int_equal(text_ascii_char(0x2588), '#');
	assert_int_equal(text_ascii_char(0x4E2D), '?');
}

static void test_decimal_comma(void **state)
{
	(void)state;
	assert_true(okr_number_has_decimal_comma("3,5"));
	assert_true(okr_number_has_decimal_comma("-0,75"));
	assert_true(okr_number_has_decimal_comma("1000,25"));
	assert_false(okr_number_has_decimal_comma("3.5"));
	assert_false(okr_number_has_decimal_comma("1,000,000"));
	assert_false(okr_number_has_decimal_comma(",5"));
	assert_false(okr_number_has_decimal_comma("5,"));
	assert_false(okr_number_has_decimal_comma("a,b"));
	assert_false(okr_number_has_decimal_comma("3,5.1"));
	assert_false(okr_number_has_decimal_comma(""));
	assert_false(okr_number_has_decimal_comma(NULL));
	/* Still refused as a number: the comma only changes the message. */
	double v;
	assert_false(okr_parse_number("3,5", &v));
}

static void test_status_cols_english(void **state)
{
	(void)state;
	/* No catalogue is bound here, so the words are English: 10 columns,
	 * as the layout always had. */
	assert_int_equal(okr_i18n_status_cols(), 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii_lines_and_bars),
		cmocka_unit_test(test_ascii_text_keeps_width),
		cmocka_unit_test(test_ascii_char),
		cmocka_unit_test(test_decimal_comma),
		cmocka_unit_test(test_status_cols_english),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
