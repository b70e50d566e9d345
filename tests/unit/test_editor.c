/*
 * test_editor.c — the prompt's line editor driven without a terminal:
 * clusters, CJK widths, word motions, kills, the length limit and scrolling.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "okr/editor.h"
#include "okr/text.h"

#define TV_NFD "Tie\xcc\x82\xcc\x81ng Vie\xcc\xa3\xcc\x82t"   /* Tiếng Việt, decomposed */
#define ZH10 "\xe6\x88\x90\xe4\xb8\xba\xe8\xa1\x8c\xe4\xb8\x9a\xe7\x9a\x84" \
             "\xe5\xb8\x82\xe5\x9c\xba\xe9\xa2\x86\xe5\xaf\xbc\xe8\x80\x85"   /* 成为行业的市场领导者 */

static void assert_text(const editor *e, const char *want)
{
	char *s = editor_get(e);
	assert_string_equal(s, want);
	free(s);
}

/* The cursor's column in a field wide enough to need no scrolling. */
static int col(const editor *e)
{
	int first = 0, c = -1;
	editor_view(e, 1000, &first, &c);
	assert_int_equal(first, 0);
	return c;
}

static void test_set_get(void **state)
{
	(void)state;
	editor e;
	editor_init(&e, 0);
	assert_text(&e, "");
	assert_int_equal(col(&e), 0);
	editor_set(&e, TV_NFD);
	assert_text(&e, TV_NFD);
	assert_int_equal(e.cursor, e.len);
	assert_int_equal(editor_width(&e), 10);
	editor_set(&e, ZH10);
	assert_text(&e, ZH10);
	assert_int_equal(editor_width(&e), 20);
	assert_int_equal(col(&e), 20);
	editor_set(&e, NULL);
	assert_text(&e, "");
	editor_free(&e);
}

static void test_insert_cjk(void **state)
{
	(void)state;
	editor e;
	editor_init(&e, 0);
	assert_true(editor_insert(&e, 'a'));
	assert_int_equal(col(&e), 1);
	assert_true(editor_insert(&e, 0x4E2D));   /* 中 */
	assert_int_equal(col(&e), 3);
	assert_true(editor_insert(&e, 0x6587));   /* 文 */
	assert_int_equal(col(&e), 5);
	assert_true(editor_left(&e));
	assert_int_equal(col(&e), 3);
	assert_true(editor_insert(&e, 'b'));
	assert_text(&e, "a\xe4\xb8\xad" "b\xe6\x96\x87");
	assert_int_equal(col(&e), 4);
	assert_true(editor_backspace(&e));
	assert_true(editor_backspace(&e));
	assert_text(&e, "a\xe6\x96\x87");
	assert_int_equal(col(&e), 1);
	assert_true(editor_delete(&e));
	assert_text(&e, "a");
	assert_false(editor_delete(&e));
	editor_free(&e);
}

static void test_refuses_controls(void **state)
{
	(void)state;
	static const uint32_t bad[] = {
		0, '\t', '\n', '\r', 0x1B, 0x7F, 0x80, 0x85, 0x9B,
		0x202E, 0x2066, 0xD800, 0xDFFF, 0x110000,
	};
	editor e;
	editor_init(&e, 0);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(editor_insert(&e, bad[i]));
	/* a combining mark with no base to sit on */
	assert_false(editor_insert(&e, 0x0301));
	assert_int_equal(e.len, 0);
	assert_true(editor_insert(&e, 'e'));
	assert_true(editor_insert(&e, 0x0301));
	assert_text(&e, "e\xcc\x81");
	assert_int_equal(col(&e), 1);
	editor_free(&e);
}

static void test_clusters(void **state)
{
	(void)state;
	editor e;
	editor_init(&e, 0);
	editor_set(&e, TV_NFD);
	editor_home(&e);
	assert_true(editor_right(&e));
	assert_true(editor_right(&e));
	assert_int_equal(e.cursor, 2);
	assert_true(editor_right(&e));   /* over e + U+0302 + U+0301 */
	assert_int_equal(e.cursor, 5);
	assert_int_equal(col(&e), 3);
	assert_true(editor_left(&e));
	assert_int_equal(e.cursor, 2);
	assert_true(editor_right(&e));
	assert_true(editor_backspace(&e));   /* ế goes whole */
	assert_text(&e, "Ting Vie\xcc\xa3\xcc\x82t");
	assert_int_equal(e.cursor, 2);
	editor_end(&e);
	assert_true(editor_left(&e));
	assert_true(editor_left(&e));
	assert_true(editor_delete(&e));      /* ệ goes whole */
	assert_text(&e, "Ting Vit");
	editor_free(&e);
}

static void test_word_motions(void **state)
{
	(void)state;
	editor e;
	editor_init(&e, 0);
	editor_set(&e, "foo bar  baz");
	assert_true(editor_word_left(&e));
	assert_int_equal(e.cursor, 9);
	assert_true(editor_word_left(&e));
	assert_int_equal(e.cursor, 4);
	editor_left(&e);
	assert_int_equal(e.cursor, 3);
	assert_true(editor_word_left(&e));   /* from a space: the word before */
	assert_int_equal(e.cursor, 0);
	assert_false(editor_word_left(&e));
	assert_true(editor_word_right(&e));
	assert_int_equal(e.cursor, 3);
	assert_true(editor_word_right(&e));
	assert_int_equal(e.cursor, 7);
	assert_true(editor_word_right(&e));
	assert_int_equal(e.cursor, 12);
	assert_false(editor_word_right(&e));

	/* each CJK character is a word; Latin in between is one */
	editor_set(&e, "\xe6\x88\x90\xe4\xb8\xba" "SaaS\xe8\xa1\x8c");
	assert_true(editor_word_left(&e));
	assert_int_equal(e.cursor, 6);
	assert_true(editor_word_left(&e));
	assert_int_equal(e.cursor, 2);
	assert_true(editor_word_left(&e));
	assert_int_equal(e.cursor, 1);
	assert_true(editor_word_right(&e));
	assert_int_equal(e.cursor, 2);
	assert_true(editor_word_right(&e));
	assert_int_equal(e.cursor, 6);

	/* marks do not break a word */
	editor_set(&e, "x " TV_NFD);
	assert_true(editor_word_left(&e));
	assert_true(editor_word_left(&e));
	assert_int_equal(e.cursor, 2);
	editor_free(&e);
}

static void test_kills(void **state)
{
	(void)state;
	editor e;
	editor_init(&e, 0);
	editor_set(&e, "hello big world  ");
	assert_true(editor_kill_word(&e));
	assert_text(&e, "hello big ");
	assert_true(editor_kill_word(&e));
	assert_text(&e, "hello ");
	editor_set(&e, "one two three");
	editor_word_left(&e);
	assert_true(editor_kill_word(&e));   /* the word before, and its space stays */
	assert_text(&e, "one three");
	assert_int_equal(e.cursor, 4);
	assert_true(editor_kill_end(&e));
	assert_text(&e, "one ");
	assert_false(editor_kill_end(&e));
	editor_left(&e);
	assert_true(editor_kill_start(&e));
	assert_text(&e, " ");
	assert_int_equal(e.cursor, 0);
	assert_false(editor_kill_start(&e));
	assert_false(editor_kill_word(&e));
	editor_set(&e, ZH10);
	assert_true(editor_kill_word(&e));
	assert_int_equal(editor_width(&e), 18);
	editor_free(&e);
}

static void test_paste(void **state)
{
	(void)state;
	editor e;
	editor_init(&e, 0);
	assert_int_equal(editor_insert_str(&e, "a\tb\r\nc\x1b" "d\xff" "e\xc2\x85" "f"), 8);
	assert_text(&e, "a b c" "def");
	editor_home(&e);
	/* leading marks cannot go at the start */
	assert_int_equal(editor_insert_str(&e, "\xcc\x81" "x"), 1);
	assert_text(&e, "xa b cdef");
	assert_int_equal(editor_insert_str(&e, "\xe2\x80\xae"), 0);
	assert_int_equal(editor_insert_str(&e, NULL), 0);
	editor_free(&e);
}

static void test_max_length(void **state)
{
	(void)state;
	editor e;
	editor_init(&e, 5);
	for (int i = 0; i < 5; i++)
		assert_true(editor_insert(&e, 'a' + i));
	assert_false(editor_insert(&e, 'z'));
	assert_false(editor_insert(&e, 0x0301));
	assert_text(&e, "abcde");
	editor_backspace(&e);
	editor_backspace(&e);
	editor_backspace(&e);
	/* the cluster e + two marks needs 3: it fits, the x after it does not */
	assert_int_equal(editor_insert_str(&e, "e\xcc\x82\xcc\x81x"), 3);
	assert_text(&e, "abe\xcc\x82\xcc\x81");
	editor_backspace(&e);
	editor_backspace(&e);
	assert_int_equal(editor_insert_str(&e, "xy" "e\xcc\x82\xcc\x81"), 2);
	assert_text(&e, "axy");
	/* set cuts on a cluster boundary too */
	editor_set(&e, "abcde\xcc\x81");
	assert_text(&e, "abcd");
	editor_set(&e, ZH10);
	assert_int_equal(e.len, 5);
	assert_int_equal(editor_width(&e), 10);
	editor_free(&e);
}

static void test_view_scrolls_cjk(void **state)
{
	(void)state;
	editor e;
	int first = 0, c = -1;
	editor_init(&e, 0);
	editor_set(&e, ZH10);

	/* at the end: the last two characters and the cursor cell */
	editor_view(&e, 5, &first, &c);
	assert_int_equal(first, 8);
	assert_int_equal(c, 4);
	/* moving left inside the field does not scroll */
	editor_left(&e);
	editor_view(&e, 5, &first, &c);
	assert_int_equal(first, 8);
	assert_int_equal(c, 2);
	editor_left(&e);
	editor_view(&e, 5, &first, &c);
	assert_int_equal(first, 8);
	assert_int_equal(c, 0);
	/* past the left edge: scroll by one character */
	editor_left(&e);
	editor_view(&e, 5, &first, &c);
	assert_int_equal(first, 7);
	assert_int_equal(c, 0);
	editor_home(&e);
	editor_view(&e, 5, &first, &c);
	assert_int_equal(first, 0);
	assert_int_equal(c, 0);
	editor_right(&e);
	editor_view(&e, 5, &first, &c);
	assert_int_equal(first, 0);
	assert_int_equal(c, 2);
	/* the third character (2 columns at column 4) would not fit whole */
	editor_right(&e);
	editor_view(&e, 5, &first, &c);
	assert_int_equal(first, 1);
	assert_int_equal(c, 2);
	/* every position: the cursor cell is always inside the field */
	first = 0;
	editor_home(&e);
	for (size_t i = 0; i <= e.len; i++) {
		editor_view(&e, 5, &first, &c);
		assert_true(first >= 0 && (size_t)first <= e.cursor);
		assert_true(c >= 0 && c + (e.cursor < e.len ? 2 : 1) <= 5);
		editor_right(&e);
	}
	editor_free(&e);
}

static void test_view_edges(void **state)
{
	(void)state;
	editor e;
	int first = 0, c = -1;
	editor_init(&e, 0);
	editor_set(&e, "abcdefghij");
	editor_view(&e, 5, &first, &c);
	assert_int_equal(first, 6);
	assert_int_equal(c, 4);
	/* deleting at the end pulls text back into the field */
	editor_backspace(&e);
	editor_backspace(&e);
	editor_backspace(&e);
	editor_view(&e, 5, &first, &c);
	assert_int_equal(first, 3);
	assert_int_equal(c, 4);
	editor_set(&e, "abc");
	first = 2;
	editor_view(&e, 5, &first, &c);
	assert_int_equal(first, 0);
	assert_int_equal(c, 3);
	/* a field narrower than a wide character shows the cursor at 0 */
	editor_set(&e, ZH10);
	editor_left(&e);
	editor_view(&e, 1, &first, &c);
	assert_int_equal(first, 9);
	assert_int_equal(c, 0);
	editor_view(&e, 0, &first, &c);
	assert_int_equal(c, 0);
	/* a stale first past the end or inside a cluster is repaired */
	editor_set(&e, "e\xcc\x81xyz");
	first = 99;
	editor_view(&e, 10, &first, &c);
	assert_int_equal(first, 0);
	assert_int_equal(c, 4);
	editor_home(&e);
	first = 1;
	editor_view(&e, 10, &first, &c);
	assert_int_equal(first, 0);
	assert_int_equal(c, 0);
	editor_free(&e);
}

/* Random edits from a fixed seed: the invariants hold after every one. */
static void test_random_edits(void **state)
{
	(void)state;
	static const uint32_t cps[] = { 'a', ' ', 0x4E2D, 0x0301, 0x0323, 0x200D, 0x1F389, 0x1B };
	static const char *pastes[] = { "x\xcc\x81 y", "\xe4\xb8\xad\xe6\x96\x87", "\xcc\x81\xcc\x81", "a\nb" };
	uint32_t x = 12345;
	editor e;
	int first = 0, c;
	editor_init(&e, 24);
	for (int step = 0; step < 20000; step++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		switch (x % 15) {
		case 0: editor_insert(&e, cps[(x >> 4) % 8]); break;
		case 1: editor_insert_str(&e, pastes[(x >> 4) % 4]); break;
		case 2: editor_backspace(&e); break;
		case 3: editor_delete(&e); break;
		case 4: editor_left(&e); break;
		case 5: editor_right(&e); break;
		case 6: editor_home(&e); break;
		case 7: editor_end(&e); break;
		case 8: editor_word_left(&e); break;
		case 9: editor_word_right(&e); break;
		case 10: editor_kill_word(&e); break;
		case 11: if ((x >> 4) % 8 == 0) editor_kill_end(&e); break;
		case 12: if ((x >> 4) % 8 == 0) editor_kill_start(&e); break;
		default: editor_insert(&e, cps[(x >> 4) % 3]); break;
		}
		assert_true(e.len <= 24 && e.cursor <= e.len);
		if (e.len)
			assert_int_not_equal(text_cp_width(e.cp[0]), 0);
		if (e.cursor < e.len)
			assert_int_not_equal(text_cp_width(e.cp[e.cursor]), 0);
		int cols = 1 + (int)((x >> 8) % 8);
		editor_view(&e, cols, &first, &c);
		assert_true(first >= 0 && (size_t)first <= e.cursor);
		assert_true(c >= 0 && c < (cols > 1 ? cols : 1));
		char *s = editor_get(&e);
		free(s);
	}
	editor_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_get),
		cmocka_unit_test(test_insert_cjk),
		cmocka_unit_test(test_refuses_controls),
		cmocka_unit_test(test_clusters),
		cmocka_unit_test(test_word_motions),
		cmocka_unit_test(test_kills),
		cmocka_unit_test(test_paste),
		cmocka_unit_test(test_max_length),
		cmocka_unit_test(test_view_scrolls_cjk),
		cmocka_unit_test(test_view_edges),
		cmocka_unit_test(test_random_edits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
