/*
 * test_keymap.c — key names, the default bindings from the action table,
 * rebinding from okr.conf, and the help screen's key lists.
 */
#include <curses.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "okr/keymap.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static void test_parse_names(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		int key;
	} t[] = {
		{ "j", 'j' }, { "G", 'G' }, { "?", '?' }, { "/", '/' }, { ":", ':' },
		{ "1", '1' }, { "~", '~' }, { "F", 'F' },
		{ "\xc6\xa1", 0x1A1 },        /* ơ */
		{ "\xc4\x83", 0x103 },        /* ă, the same number as KEY_UP */
		{ "\xe4\xb8\xad", 0x4E2D },   /* 中 */
		{ "C-a", 1 }, { "C-f", 6 }, { "C-z", 26 }, { "C-F", 6 }, { "c-l", 12 },
		{ "Enter", '\n' }, { "Tab", '\t' }, { "Esc", 27 }, { "Space", ' ' },
		{ "BTab", KEYMAP_KEY(KEY_BTAB) }, { "Backspace", KEYMAP_KEY(KEY_BACKSPACE) },
		{ "Up", KEYMAP_KEY(KEY_UP) }, { "Down", KEYMAP_KEY(KEY_DOWN) },
		{ "Left", KEYMAP_KEY(KEY_LEFT) }, { "Right", KEYMAP_KEY(KEY_RIGHT) },
		{ "Home", KEYMAP_KEY(KEY_HOME) }, { "End", KEYMAP_KEY(KEY_END) },
		{ "PgUp", KEYMAP_KEY(KEY_PPAGE) }, { "PgDn", KEYMAP_KEY(KEY_NPAGE) },
		{ "Ins", KEYMAP_KEY(KEY_IC) }, { "Del", KEYMAP_KEY(KEY_DC) },
		{ "F1", KEYMAP_KEY(KEY_F(1)) }, { "F9", KEYMAP_KEY(KEY_F(9)) },
		{ "F10", KEYMAP_KEY(KEY_F(10)) }, { "F12", KEYMAP_KEY(KEY_F(12)) },
		{ "enter", '\n' }, { "pgdn", KEYMAP_KEY(KEY_NPAGE) },
		{ "Return", '\n' }, { "Escape", 27 }, { "PageDown", KEYMAP_KEY(KEY_NPAGE) },
		{ "S-Tab", KEYMAP_KEY(KEY_BTAB) }, { "Delete", KEYMAP_KEY(KEY_DC) },
	};
	for (size_t i = 0; i < NELEM(t); i++)
		if (keymap_parse_key(t[i].name) != t[i].key)
			fail_msg("\"%s\" gave %d, want %d", t[i].name,
			         keymap_parse_key(t[i].name), t[i].key);
	/* special keys never collide with characters */
	assert_int_not_equal(keymap_parse_key("Up"), keymap_parse_key("\xc4\x83"));
}

static void test_parse_invalid(void **state)
{
	(void)state;
	static const char *bad[] = {
		"", "jj", "C-", "C-1", "C-ab", "C--", "F0", "F13", "F1x", "F01", " ",
		"\t", "\x1b", "\x7f", "\xc2\x85", "\xcc\x81", "\xff", "\xe4\xb8",
		"\xe2\x80\xae", "Ctrl-x", "Upp", "<Up>", "j k",
	};
	for (size_t i = 0; i < NELEM(bad); i++)
		if (keymap_parse_key(bad[i]) != -1)
			fail_msg("\"%s\" accepted as %d", bad[i], keymap_parse_key(bad[i]));
	assert_int_equal(keymap_parse_key(NULL), -1);
}

static void test_name_round_trip(void **state)
{
	(void)state;
	static const char *names[] = {
		"j", "G", "?", "\xc6\xa1", "\xe4\xb8\xad", "C-a", "C-f", "C-z", "Enter",
		"Tab", "BTab", "Esc", "Space", "Backspace", "Up", "Down", "Left",
		"Right", "Home", "End", "PgUp", "PgDn", "Ins", "Del", "F1", "F10", "F12",
	};
	char buf[KEYMAP_NAME_MAX];
	for (size_t i = 0; i < NELEM(names); i++) {
		int key = keymap_parse_key(names[i]);
		assert_int_not_equal(key, -1);
		assert_string_equal(keymap_key_name(key, buf, sizeof buf), names[i]);
	}
	/* aliases come back in their canonical spelling */
	assert_string_equal(keymap_key_name(keymap_parse_key("PageDown"), buf, sizeof buf), "PgDn");
	assert_string_equal(keymap_key_name(keymap_parse_key("C-F"), buf, sizeof buf), "C-f");
	assert_string_equal(keymap_key_name(127, buf, sizeof buf), "Backspace");
	assert_string_equal(keymap_key_name(KEYMAP_KEY(KEY_RESIZE), buf, sizeof buf),
	                    "<0x100019A>");
	assert_string_equal(keymap_key_name(0x202E, buf, sizeof buf), "<0x202E>");
	assert_string_equal(keymap_key_name(KEYMAP_KEY(KEY_BACKSPACE), buf, 5), "Back");
	assert_string_equal(keymap_key_name('j', buf, 0), "");
}

static void test_from_wch(void **state)
{
	(void)state;
	assert_int_equal(keymap_key_from_wch(KEY_CODE_YES, KEY_UP), KEYMAP_KEY(KEY_UP));
	assert_int_equal(keymap_key_from_wch(OK, 0x103), 0x103);
	assert_int_equal(keymap_key_from_wch(OK, 'j'), 'j');
	assert_int_equal(keymap_key_from_wch(ERR, 0), -1);
}

static void test_defaults(void **state)
{
	(void)state;
	keymap m;
	keymap_init(&m);
	assert_int_equal(keymap_lookup(&m, 'j'), ACT_DOWN);
	assert_int_equal(keymap_lookup(&m, KEYMAP_KEY(KEY_DOWN)), ACT_DOWN);
	assert_int_equal(keymap_lookup(&m, 'k'), ACT_UP);
	assert_int_equal(keymap_lookup(&m, '?'), ACT_HELP);
	assert_int_equal(keymap_lookup(&m, 'q'), ACT_QUIT);
	assert_int_equal(keymap_lookup(&m, '\n'), ACT_OPEN);
	assert_int_equal(keymap_lookup(&m, '\r'), ACT_OPEN);
	assert_int_equal(keymap_lookup(&m, KEYMAP_KEY(KEY_ENTER)), ACT_OPEN);
	assert_int_equal(keymap_lookup(&m, 6), ACT_PAGE_DOWN);
	assert_int_equal(keymap_lookup(&m, '\t'), ACT_NEXT_PANE);
	assert_int_equal(keymap_lookup(&m, KEYMAP_KEY(KEY_BTAB)), ACT_PREV_PANE);
	assert_int_equal(keymap_lookup(&m, 'x'), ACT_NONE);
	assert_int_equal(keymap_lookup(&m, 0x103), ACT_NONE);   /* ă is not Up */
	assert_int_equal(keymap_lookup(&m, -1), ACT_NONE);

	/* every default key parses and reaches its own action: no two defaults
	 * of one screen claim the same key */
	for (int a = 0; a < ACT_COUNT; a++) {
		char keys[64];
		snprintf(keys, sizeof keys, "%s", okr_action_table[a].keys);
		for (char *tok = strtok(keys, " "); tok; tok = strtok(NULL, " ")) {
			int key = keymap_parse_key(tok);
			if (key < 0 || keymap_lookup_in(&m, okr_action_table[a].scope, false, key) != (okr_action)a)
				fail_msg("default key \"%s\" of %s", tok, okr_action_table[a].name);
		}
	}
}

static void test_rebind_replaces(void **state)
{
	(void)state;
	keymap m;
	char err[200], buf[64];
	keymap_init(&m);
	assert_true(keymap_bind(&m, "down", "J C-n", err, sizeof err));
	assert_int_equal(keymap_lookup(&m, 'j'), ACT_NONE);
	assert_int_equal(keymap_lookup(&m, KEYMAP_KEY(KEY_DOWN)), ACT_NONE);
	assert_int_equal(keymap_lookup(&m, 'J'), ACT_DOWN);
	assert_int_equal(keymap_lookup(&m, 14), ACT_DOWN);
	assert_string_equal(keymap_keys_for(&m, ACT_DOWN, buf, sizeof buf), "J, C-n");
	/* untouched actions keep their defaults */
	assert_int_equal(keymap_lookup(&m, 'k'), ACT_UP);
	/* repeated names and extra blanks */
	assert_true(keymap_bind(&m, "up", "  k\tk Up  ", err, sizeof err));
	assert_string_equal(keymap_keys_for(&m, ACT_UP, buf, sizeof buf), "k, Up");
	/* "" leaves the action without keys */
	assert_true(keymap_bind(&m, "quit", "", err, sizeof err));
	assert_int_equal(keymap_lookup(&m, 'q'), ACT_NONE);
	assert_string_equal(keymap_keys_for(&m, ACT_QUIT, buf, sizeof buf), "");
}

/* okr.conf's reader hands over one entry per key: `quit = "q F10";` is two
 * entries and must bind both keys, not only the last. */
static void test_apply_config_lists(void **state)
{
	(void)state;
	keymap m;
	char err[200], buf[64];
	const okr_binding *bad = NULL;
	const okr_binding conf[] = {
		{ "quit", "q" }, { "down", "J" }, { "quit", "F10" }, { "down", "C-n" },
	};
	keymap_init(&m);
	assert_true(keymap_apply(&m, conf, NELEM(conf), &bad, err, sizeof err));
	assert_int_equal(keymap_lookup(&m, 'q'), ACT_QUIT);
	assert_int_equal(keymap_lookup(&m, KEYMAP_KEY(KEY_F(10))), ACT_QUIT);
	assert_string_equal(keymap_keys_for(&m, ACT_QUIT, buf, sizeof buf), "q, F10");
	assert_string_equal(keymap_keys_for(&m, ACT_DOWN, buf, sizeof buf), "J, C-n");
	assert_int_equal(keymap_lookup(&m, 'j'), ACT_NONE);

	/* a bad entry changes nothing and names itself */
	const okr_binding worse[] = { { "quit", "x" }, { "nosuch", "y" } };
	assert_false(keymap_apply(&m, worse, NELEM(worse), &bad, err, sizeof err));
	assert_ptr_equal(bad, &worse[1]);
	assert_int_equal(keymap_lookup(&m, 'q'), ACT_QUIT);
	assert_int_equal(keymap_lookup(&m, 'x'), ACT_NONE);
}

static void test_key_stolen(void **state)
{
	(void)state;
	keymap m;
	char err[200], buf[64];
	keymap_init(&m);
	assert_true(keymap_bind(&m, "quit", "q j", err, sizeof err));
	assert_int_equal(keymap_lookup(&m, 'j'), ACT_QUIT);
	assert_string_equal(keymap_keys_for(&m, ACT_DOWN, buf, sizeof buf), "Down");
	assert_string_equal(keymap_keys_for(&m, ACT_QUIT, buf, sizeof buf), "q, j");
	/* and back: the later binding wins again */
	assert_true(keymap_bind(&m, "down", "j", err, sizeof err));
	assert_int_equal(keymap_lookup(&m, 'j'), ACT_DOWN);
	assert_string_equal(keymap_keys_for(&m, ACT_QUIT, buf, sizeof buf), "q");
}

static void test_bind_errors(void **state)
{
	(void)state;
	keymap m, before;
	char err[200];
	keymap_init(&m);
	before = m;
	assert_false(keymap_bind(&m, "down", "J Ctrl-x", err, sizeof err));
	assert_non_null(strstr(err, "\"Ctrl-x\""));
	assert_non_null(strstr(err, "down"));
	assert_memory_equal(&m, &before, sizeof m);   /* nothing half-done */
	assert_int_equal(keymap_lookup(&m, 'j'), ACT_DOWN);

	assert_false(keymap_bind(&m, "nope", "x", err, sizeof err));
	assert_non_null(strstr(err, "\"nope\""));
	assert_false(keymap_bind(&m, NULL, "x", err, sizeof err));
	assert_memory_equal(&m, &before, sizeof m);

	/* more keys than the map holds: refused whole */
	char many[KEYMAP_MAX_BINDINGS * 4 * 2], tmp[4];
	size_t used = 0;
	for (uint32_t cp = 0x4E00; cp < 0x4E00 + KEYMAP_MAX_BINDINGS; cp++) {
		tmp[0] = (char)(0xE0 | (cp >> 12));
		tmp[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		tmp[2] = (char)(0x80 | (cp & 0x3F));
		memcpy(many + used, tmp, 3);
		many[used + 3] = ' ';
		used += 4;
	}
	many[used] = '\0';
	assert_false(keymap_bind(&m, "help", many, err, sizeof err));
	assert_non_null(strstr(err, "too many"));
	assert_memory_equal(&m, &before, sizeof m);

	/* a tiny error buffer is still terminated */
	char small[8];
	assert_false(keymap_bind(&m, "down", "bad-key", small, sizeof small));
	assert_true(strlen(small) < sizeof small);
}

static void test_enter_backspace_aliases(void **state)
{
	(void)state;
	keymap m;
	char err[200];
	keymap_init(&m);
	assert_int_equal(keymap_lookup(&m, 127), ACT_NONE);
	assert_true(keymap_bind(&m, "collapse", "h Backspace", err, sizeof err));
	assert_int_equal(keymap_lookup(&m, KEYMAP_KEY(KEY_BACKSPACE)), ACT_COLLAPSE);
	assert_int_equal(keymap_lookup(&m, 127), ACT_COLLAPSE);
	assert_int_equal(keymap_lookup(&m, 8), ACT_COLLAPSE);
	/* bound directly, C-h (8) is its own key */
	assert_true(keymap_bind(&m, "help", "? C-h", err, sizeof err));
	assert_int_equal(keymap_lookup(&m, 8), ACT_HELP);
	assert_int_equal(keymap_lookup(&m, 127), ACT_COLLAPSE);
	/* and C-m (13) likewise */
	assert_true(keymap_bind(&m, "search", "/ C-m", err, sizeof err));
	assert_int_equal(keymap_lookup(&m, '\r'), ACT_SEARCH);
	assert_int_equal(keymap_lookup(&m, '\n'), ACT_OPEN);
}

static void test_help_strings(void **state)
{
	(void)state;
	keymap m;
	char buf[64];
	keymap_init(&m);
	assert_string_equal(keymap_keys_for(&m, ACT_DOWN, buf, sizeof buf), "j, Down");
	assert_string_equal(keymap_keys_for(&m, ACT_PAGE_DOWN, buf, sizeof buf), "PgDn, C-f");
	assert_string_equal(keymap_keys_for(&m, ACT_OPEN, buf, sizeof buf), "Enter");
	assert_string_equal(keymap_keys_for(&m, ACT_REFRESH, buf, sizeof buf), "C-l");
	/* cut at a whole name, never mid-name */
	assert_string_equal(keymap_keys_for(&m, ACT_DOWN, buf, 7), "j");
	assert_string_equal(keymap_keys_for(&m, ACT_DOWN, buf, 8), "j, Down");
	assert_string_equal(keymap_keys_for(&m, ACT_DOWN, buf, 1), "");
	assert_string_equal(keymap_keys_for(&m, ACT_DOWN, buf, 0), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_names),
		cmocka_unit_test(test_parse_invalid),
		cmocka_unit_test(test_name_round_trip),
		cmocka_unit_test(test_from_wch),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_rebind_replaces),
		cmocka_unit_test(test_apply_config_lists),
		cmocka_unit_test(test_key_stolen),
		cmocka_unit_test(test_bind_errors),
		cmocka_unit_test(test_enter_backspace_aliases),
		cmocka_unit_test(test_help_strings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
