/*
 * test_text.c — widths, sanitising, truncation and wrapping of the text our
 * users actually write: Vietnamese (precomposed and decomposed), Chinese,
 * emoji, and hostile bytes from the database.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "okr/text.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Precomposed (NFC) and decomposed (NFD) spellings of the same words. */
#define VI_NFC "Tr\xe1\xbb\x9f th\xc3\xa0nh c\xc3\xb4ng ty h\xc3\xa0ng \xc4\x91\xe1\xba\xa7u"
#define VI_NFD "Tro\xcc\x9b\xcc\x89 tha\xcc\x80nh co\xcc\x82ng ty ha\xcc\x80ng \xc4\x91" \
               "a\xcc\x82\xcc\x80u"
#define TV_NFC "Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t"
#define TV_NFD "Tie\xcc\x82\xcc\x81ng Vie\xcc\xa3\xcc\x82t"
#define ZH "\xe6\x88\x90\xe4\xb8\xba" "SaaS" \
           "\xe8\xa1\x8c\xe4\xb8\x9a\xe7\x9a\x84\xe5\xb8\x82\xe5\x9c\xba" \
           "\xe9\xa2\x86\xe5\xaf\xbc\xe8\x80\x85"
#define PARTY "\xf0\x9f\x8e\x89"

/* Strict validity: every sequence decodes without a replacement that the
 * input did not spell out as EF BF BD. */
static void assert_valid_utf8(const char *s)
{
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		if (cp == TEXT_REPLACEMENT && n == 1)
			fail_msg("invalid UTF-8 at byte %zu of \"%s\"", i, s);
		i += n;
	}
}

static void assert_no_controls(const char *s)
{
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		assert_false(text_cp_is_unsafe(cp));
		i += n;
	}
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		assert_true(*p >= 0x20 && *p != 0x7F);
}

static void test_decode_valid(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		size_t n;
		uint32_t cp;
	} ok[] = {
		{ "A", 1, 'A' }, { "\x7f", 1, 0x7F }, { "\xc2\x80", 2, 0x80 },
		{ "\xc3\xa0", 2, 0xE0 }, { "\xdf\xbf", 2, 0x7FF },
		{ "\xe0\xa0\x80", 3, 0x800 }, { "\xe1\xbb\x9f", 3, 0x1EDF },
		{ "\xed\x9f\xbf", 3, 0xD7FF }, { "\xee\x80\x80", 3, 0xE000 },
		{ "\xef\xbf\xbd", 3, 0xFFFD }, { "\xf0\x90\x80\x80", 4, 0x10000 },
		{ PARTY, 4, 0x1F389 }, { "\xf4\x8f\xbf\xbf", 4, 0x10FFFF },
	};
	for (size_t i = 0; i < NELEM(ok); i++) {
		uint32_t cp = 0;
		assert_int_equal(text_decode(ok[i].s, strlen(ok[i].s), &cp), ok[i].n);
		assert_int_equal(cp, ok[i].cp);
	}
	uint32_t cp = 7;
	assert_int_equal(text_decode("", 0, &cp), 0);
}

static void test_decode_invalid(void **state)
{
	(void)state;
	static const char *bad[] = {
		"\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf",
		"\xed\xa0\x80", "\xed\xbf\xbf", "\xf0\x80\x80\x80", "\xf0\x8f\xbf\xbf",
		"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xfe", "\xe4\xb8",
		"\xf0\x9f\x8e", "\xc3", "\xc3\x28", "\xe1\x80\x28",
	};
	for (size_t i = 0; i < NELEM(bad); i++) {
		uint32_t cp = 0;
		assert_int_equal(text_decode(bad[i], strlen(bad[i]), &cp), 1);
		assert_int_equal(cp, TEXT_REPLACEMENT);
	}
	/* A length shorter than the sequence is a truncation too. */
	uint32_t cp;
	assert_int_equal(text_decode("\xe6\x88\x90", 2, &cp), 1);
	assert_int_equal(cp, TEXT_REPLACEMENT);
}

static void test_encode_round_trip(void **state)
{
	(void)state;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		char buf[4];
		uint32_t back;
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		size_t n = text_encode(cp, buf);
		if (text_decode(buf, n, &back) != n || back != cp)
			fail_msg("U+%04X does not round-trip", (unsigned)cp);
	}
}

static void test_cp_width(void **state)
{
	(void)state;
	static const struct {
		uint32_t cp;
		int w;
	} t[] = {
		{ 'a', 1 }, { 0xE0, 1 }, { 0x1EDF, 1 }, { 0x0111, 1 },
		{ 0x0300, 0 }, { 0x0301, 0 }, { 0x0303, 0 }, { 0x0309, 0 },
		{ 0x031B, 0 }, { 0x0323, 0 }, { 0x036F, 0 }, { 0x0370, 1 },
		{ 0x1AB0, 0 }, { 0x1DC0, 0 }, { 0x20D0, 0 }, { 0x20FF, 0 },
		{ 0xFE20, 0 }, { 0xFE2F, 0 }, { 0x200B, 0 }, { 0x200D, 0 },
		{ 0x200F, 0 }, { 0xFE0F, 0 }, { 0xE0100, 0 }, { 0xE01EF, 0 },
		{ 0x3099, 0 }, { 0x1F3FB, 0 },
		{ 0x1100, 2 }, { 0x115F, 2 }, { 0x2E80, 2 }, { 0x3000, 2 },
		{ 0x3041, 2 }, { 0x30A2, 2 }, { 0x3400, 2 }, { 0x4E00, 2 },
		{ 0x6210, 2 }, { 0x9FFF, 2 }, { 0xA000, 2 }, { 0xAC00, 2 },
		{ 0xD7A3, 2 }, { 0xF900, 2 }, { 0xFE30, 2 }, { 0xFF01, 2 },
		{ 0xFF60, 2 }, { 0xFF61, 1 }, { 0xFFE0, 2 }, { 0xFFE6, 2 },
		{ 0x1F389, 2 }, { 0x1F600, 2 }, { 0x1F64F, 2 }, { 0x1F680, 2 },
		{ 0x1F914, 2 }, { 0x1FAE0, 2 }, { 0x20000, 2 }, { 0x2FFFD, 2 },
		{ 0x30000, 2 }, { 0x2705, 2 }, { 0x2B50, 2 },
		{ 0x2026, 1 }, { 0x25CC, 1 }, { 0xFFFD, 1 }, { 0x2424, 1 },
		{ 0x10FFFF, 1 },
	};
	for (size_t i = 0; i < NELEM(t); i++)
		if (text_cp_width(t[i].cp) != t[i].w)
			fail_msg("U+%04X: width %d, want %d", (unsigned)t[i].cp,
			         text_cp_width(t[i].cp), t[i].w);
}

static void test_width_real_text(void **state)
{
	(void)state;
	assert_int_equal(text_width(VI_NFC), 26);
	assert_int_equal(text_width(VI_NFD), 26);
	assert_int_equal(text_width(TV_NFC), 10);
	assert_int_equal(text_width(TV_NFD), 10);
	assert_int_equal(text_width(ZH), 2 * 10 + 4);
	assert_int_equal(text_width(PARTY), 2);
	assert_int_equal(text_width("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"), 2);  /* 👍🏽 */
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width(NULL), 0);
	/* Sanitised rendering: each control is one visible cell. */
	assert_int_equal(text_width("a\tb\n"), 4);
	assert_int_equal(text_width("\xff\xfe"), 2);
}

static void test_sanitize_escape_sequences(void **state)
{
	(void)state;
	char *s = text_sanitize("\x1b]0;pwned\x07" "a\x1b[2J\x7f\xc2\x9b" "1m\x9b" "b");
	assert_valid_utf8(s);
	assert_no_controls(s);
	assert_string_equal(s, "\xe2\x90\x9b]0;pwned\xe2\x90\x87" "a\xe2\x90\x9b[2J"
	                       "\xe2\x90\xa1\xef\xbf\xbd" "1m\xef\xbf\xbd" "b");
	free(s);
}

static void test_sanitize_controls(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} t[] = {
		{ "", "" },
		{ "plain", "plain" },
		{ "a\nb", "a\xe2\x90\xa4" "b" },
		{ "\t", "\xe2\x90\x89" },
		{ "\r\n", "\xe2\x90\x8d\xe2\x90\xa4" },
		{ "\x01", "\xe2\x90\x81" },
		{ "\x1f", "\xe2\x90\x9f" },
		{ "\x7f", "\xe2\x90\xa1" },
		{ "\xc2\x80\xc2\x85\xc2\x9f", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
		{ "\xff\xfe", "\xef\xbf\xbd\xef\xbf\xbd" },
		{ "a\xe2\x80\xae" "b", "a\xef\xbf\xbd" "b" },           /* RLO */
		{ "\xe2\x81\xa6x\xe2\x81\xa9", "\xef\xbf\xbdx\xef\xbf\xbd" },   /* LRI, PDI */
		{ "\xcc\x81" "a", "\xe2\x97\x8c\xcc\x81" "a" },          /* orphan mark */
		{ "a\xcc\x81", "a\xcc\x81" },
		{ ZH, ZH }, { VI_NFD, VI_NFD },
	};
	for (size_t i = 0; i < NELEM(t); i++) {
		char *s = text_sanitize(t[i].in);
		assert_string_equal(s, t[i].out);
		assert_valid_utf8(s);
		free(s);
	}
	char *s = text_sanitize(NULL);
	assert_string_equal(s, "");
	free(s);
}

static void test_sanitize_flags(void **state)
{
	(void)state;
	char *s = text_sanitize_flags("one\r\ntwo\n\xcc\x80x\tend\r", TEXT_KEEP_NEWLINES);
	assert_string_equal(s, "one\ntwo\n\xe2\x97\x8c\xcc\x80x\xe2\x90\x89" "end\xe2\x90\x8d");
	free(s);
	s = text_sanitize_flags("a\tb\nc", TEXT_TABS_TO_SPACE);
	assert_string_equal(s, "a b\xe2\x90\xa4" "c");
	free(s);
}

/* The prefix of the sanitised input that a fitted string kept, or NULL if
 * it is not a prefix. */
static void check_fit(const char *in, int cols)
{
	char *clean = text_sanitize(in);
	int full = text_width(in), w = -1;
	char *out = text_fit(in, cols, &w);
	size_t n = strlen(out);

	assert_valid_utf8(out);
	assert_no_controls(out);
	assert_int_equal(w, text_width(out));
	if (cols <= 0) {
		assert_string_equal(out, "");
	} else if (full <= cols) {
		assert_string_equal(out, clean);
	} else {
		const char *ell = "\xe2\x80\xa6";
		assert_true(n >= 3 && strcmp(out + n - 3, ell) == 0);
		assert_true(w <= cols);
		assert_true(w >= cols - 1 - 1);   /* at most a wide char short */
		size_t keep = n - 3;
		assert_memory_equal(out, clean, keep);
		/* the cut is not inside a cluster: what follows has width */
		uint32_t cp;
		text_decode(clean + keep, strlen(clean + keep), &cp);
		assert_true(text_cp_width(cp) > 0);
		if (cols == 1)
			assert_string_equal(out, ell);
	}
	free(out);
	free(clean);
}

static void test_fit_every_cut(void **state)
{
	(void)state;
	static const char *inputs[] = {
		"ab" ZH "c" TV_NFD "\xe4\xb8\xad" PARTY "x\xcc\x81\xcc\xa3z",
		VI_NFD, VI_NFC, ZH, PARTY PARTY "a",
		"\x1b[31mred\x1b[0m\xcc\x81",
	};
	for (size_t i = 0; i < NELEM(inputs); i++) {
		int full = text_width(inputs[i]);
		for (int cols = -1; cols <= full + 2; cols++)
			check_fit(inputs[i], cols);
	}
}

static void test_fit_cases(void **state)
{
	(void)state;
	int w;
	char *s = text_fit("hello", 5, &w);
	assert_string_equal(s, "hello");
	assert_int_equal(w, 5);
	free(s);
	s = text_fit("hello!", 5, &w);
	assert_string_equal(s, "hell\xe2\x80\xa6");
	assert_int_equal(w, 5);
	free(s);
	/* 成为SaaS: the wide 为 cannot take half of the last two columns */
	s = text_fit(ZH, 3, &w);
	assert_string_equal(s, "\xe6\x88\x90\xe2\x80\xa6");
	assert_int_equal(w, 3);
	free(s);
	s = text_fit(ZH, 4, &w);
	assert_string_equal(s, "\xe6\x88\x90\xe2\x80\xa6");
	assert_int_equal(w, 3);
	free(s);
	/* the marks stay with their base, never cut off it */
	s = text_fit(TV_NFD, 5, &w);
	assert_string_equal(s, "Tie\xcc\x82\xcc\x81n\xe2\x80\xa6");
	assert_int_equal(w, 5);
	free(s);
	s = text_fit("ab", 1, &w);
	assert_string_equal(s, "\xe2\x80\xa6");
	assert_int_equal(w, 1);
	free(s);
	s = text_fit("ab", 0, &w);
	assert_string_equal(s, "");
	assert_int_equal(w, 0);
	free(s);
	s = text_fit("ab", -3, NULL);
	assert_string_equal(s, "");
	free(s);
}

static void test_pad(void **state)
{
	(void)state;
	char *s = text_pad("ab", 5, TEXT_ALIGN_LEFT);
	assert_string_equal(s, "ab   ");
	free(s);
	s = text_pad("ab", 5, TEXT_ALIGN_RIGHT);
	assert_string_equal(s, "   ab");
	free(s);
	s = text_pad("ab", 5, TEXT_ALIGN_CENTER);
	assert_string_equal(s, " ab  ");
	free(s);
	/* a wide char that does not fit leaves a column, which padding fills */
	s = text_pad(ZH, 4, TEXT_ALIGN_LEFT);
	assert_string_equal(s, "\xe6\x88\x90\xe2\x80\xa6 ");
	assert_int_equal(text_width(s), 4);
	free(s);
	s = text_pad(TV_NFD, 12, TEXT_ALIGN_RIGHT);
	assert_int_equal(text_width(s), 12);
	assert_string_equal(s, "  " TV_NFD);
	free(s);
	s = text_pad("x", 0, TEXT_ALIGN_LEFT);
	assert_string_equal(s, "");
	free(s);
}

static void expect_wrap(const char *in, int cols, const char **want, size_t nwant)
{
	char **lines;
	size_t n = text_wrap(in, cols, &lines);
	if (n != nwant) {
		for (size_t i = 0; i < n; i++)
			print_message("line %zu: \"%s\"\n", i, lines[i]);
		fail_msg("\"%s\" at %d columns: %zu lines, want %zu", in, cols, n, nwant);
	}
	for (size_t i = 0; i < n; i++)
		assert_string_equal(lines[i], want[i]);
	if (n)
		assert_null(lines[n]);
	text_lines_free(lines, n);
}

static void test_wrap_cases(void **state)
{
	(void)state;
	const char *a[] = { "hello world", "foo" };
	expect_wrap("hello world foo", 11, a, 2);
	const char *b[] = { "hello", "world foo" };
	expect_wrap("hello   world foo", 10, b, 2);
	const char *c[] = { "abcd", "efgh", "ij" };
	expect_wrap("abcdefghij", 4, c, 3);
	const char *d[] = { "a", "", "b" };
	expect_wrap("a\n\nb\n", 10, d, 3);
	const char *e[] = { "\xe6\x88\x90\xe4\xb8\xba" "SaaS",
	                    "\xe8\xa1\x8c\xe4\xb8\x9a\xe7\x9a\x84\xe5\xb8\x82",
	                    "\xe5\x9c\xba\xe9\xa2\x86\xe5\xaf\xbc\xe8\x80\x85" };
	expect_wrap(ZH, 8, e, 3);
	const char *f[] = { "  indented", "text" };
	expect_wrap("  indented text", 10, f, 2);
	const char *g[] = { "\xe2\x80\xa6", "a" };
	expect_wrap("\xe6\x88\x90" "a", 1, g, 2);
	const char *h[] = { "tab the", "\xe2\x90\x9b" "x" };
	expect_wrap("tab\tthe \x1bx", 7, h, 2);
	const char *i[] = { "Tie\xcc\x82\xcc\x81ng", "Vie\xcc\xa3\xcc\x82t" };
	expect_wrap(TV_NFD, 6, i, 2);
	expect_wrap("", 10, NULL, 0);
	expect_wrap("abc", 0, NULL, 0);
}

static void test_wrap_never_overflows(void **state)
{
	(void)state;
	const char *in = "Tr\xe1\xbb\x9f th\xc3\xa0nh " ZH " " PARTY PARTY " "
	                 TV_NFD "\nsupercalifragilistic x\xcc\x81y " ZH;
	for (int cols = 1; cols <= 40; cols++) {
		char **lines;
		size_t n = text_wrap(in, cols, &lines);
		assert_true(n >= 2);
		for (size_t k = 0; k < n; k++) {
			assert_true(text_width(lines[k]) <= cols);
			assert_valid_utf8(lines[k]);
			assert_no_controls(lines[k]);
		}
		text_lines_free(lines, n);
	}
	text_lines_free(NULL, 0);
}

/* Arbitrary bytes from a fixed-seed generator (the same every run): whatever
 * the database holds, the output is valid, control-free and within width. */
static void test_arbitrary_bytes(void **state)
{
	(void)state;
	static const char *pieces[] = {
		"a", " ", "\n", "\t", "\x1b", "\x7f", "\xc2\x9b", "\xcc\x81", "\xcc\xa3",
		"\xe4\xb8\xad", "\xe3\x82\x99", PARTY, "\xf0\x9f\x8f\xbd", "\xe2\x80\x8d",
		"\xef\xb8\x8f", "\xe2\x80\xae", "\xe1\xbb\x9f",
	};
	uint32_t x = 0x2545F491u;
	char in[48];
	for (int round = 0; round < 3000; round++) {
		size_t n = 0;
		while (n < sizeof in - 5) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			/* half the time a whole character that matters here */
			if (x & 0x100) {
				const char *f = pieces[(x >> 9) % NELEM(pieces)];
				memcpy(in + n, f, strlen(f));
				n += strlen(f);
			} else if (x & 0xFF) {
				in[n++] = (char)(x & 0xFF);
			}
		}
		in[n] = '\0';
		char *s = text_sanitize(in);
		assert_valid_utf8(s);
		assert_no_controls(s);
		assert_int_equal(text_width(in), text_width(s));
		free(s);
		check_fit(in, (int)(x % 30));
		char **lines;
		int cols = 1 + (int)((x >> 8) % 20);
		size_t k = text_wrap(in, cols, &lines);
		for (size_t i = 0; i < k; i++) {
			assert_true(text_width(lines[i]) <= cols);
			assert_valid_utf8(lines[i]);
			assert_no_controls(lines[i]);
		}
		text_lines_free(lines, k);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid),
		cmocka_unit_test(test_decode_invalid),
		cmocka_unit_test(test_encode_round_trip),
		cmocka_unit_test(test_cp_width),
		cmocka_unit_test(test_width_real_text),
		cmocka_unit_test(test_sanitize_escape_sequences),
		cmocka_unit_test(test_sanitize_controls),
		cmocka_unit_test(test_sanitize_flags),
		cmocka_unit_test(test_fit_every_cut),
		cmocka_unit_test(test_fit_cases),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_wrap_cases),
		cmocka_unit_test(test_wrap_never_overflows),
		cmocka_unit_test(test_arbitrary_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
