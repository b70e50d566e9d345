/*
 * test_config.c — okr.conf: defaults, the example file, every kind of error
 * with its line, key bindings and where the file is looked for.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "okr/config.h"

static okr_config cfg;
static char err[512];

static bool load(const char *text)
{
	err[0] = '\0';
	return okr_config_load_string(&cfg, text, "t.conf", err, sizeof err);
}

/* The load must fail with a message that contains want. */
static void expect_error(const char *text, const char *want)
{
	bool ok = load(text);
	if (ok || !strstr(err, want))
		fail_msg("for <%s>\nwanted error containing <%s>\ngot ok=%d <%s>",
			 text, want, ok, err);
}

static void test_defaults(void **state)
{
	(void)state;
	okr_config_defaults_apply(&cfg);
	assert_string_equal(cfg.database, "");
	assert_string_equal(cfg.theme, "default");
	assert_int_equal(cfg.refresh_ms, 200);
	assert_int_equal(cfg.flash_ms, 600);
	assert_false(cfg.reduced_motion);
	assert_false(cfg.mouse);
	assert_int_equal(cfg.week_offset_minutes, 0);
	assert_int_equal(cfg.rollup, ROLLUP_BOTH);
	assert_true(cfg.status.at_risk == 0.15);
	assert_true(cfg.status.off_track == 0.30);
	assert_int_equal(cfg.game.checkin_xp, 10);
	assert_int_equal(cfg.game.progress_xp, 100);
	assert_int_equal(cfg.game.reach_07_xp, 50);
	assert_int_equal(cfg.game.reach_10_xp, 25);
	assert_int_equal(cfg.game.kudos_given_xp, 2);
	assert_int_equal(cfg.game.kudos_allowance, 5);
	assert_int_equal(cfg.game.kudos_received_xp, 5);
	assert_int_equal(cfg.game.comment_xp, 3);
	assert_int_equal(cfg.game.comment_min_chars, 20);
	assert_int_equal(cfg.game.comment_weekly_cap, 10);
	assert_int_equal(cfg.game.streak_cap, 20);
	assert_int_equal(cfg.game.streak_percent, 1);
	assert_string_equal(cfg.board_window, "week");
	assert_false(cfg.board_bands);
	assert_int_equal(cfg.board_top, 5);
	assert_int_equal(cfg.nbindings, 0);
}

static void test_empty_file_is_defaults(void **state)
{
	(void)state;
	okr_config def;
	okr_config_defaults_apply(&def);
	assert_true(load(""));
	assert_memory_equal(&cfg, &def, sizeof cfg);
	assert_true(load("# only a comment\n"));
	assert_memory_equal(&cfg, &def, sizeof cfg);
}

/* okr.conf.example documents exactly the defaults: same struct, byte for
 * byte, and it shows no active key binding. */
static void test_example_matches_defaults(void **state)
{
	(void)state;
	const char *dir = getenv("OKR_SOURCE_DIR");
	char path[4096];
	snprintf(path, sizeof path, "%s%sokr.conf.example",
		 dir && *dir ? dir : "", dir && *dir ? "/" : "");
	okr_config def, ex;
	okr_config_defaults_apply(&def);
	memset(&ex, 0xAA, sizeof ex);
	if (!okr_config_load(&ex, path, true, err, sizeof err))
		fail_msg("%s", err);
	assert_memory_equal(&ex, &def, sizeof ex);
	assert_int_equal(ex.nbindings, 0);
}

static void test_values_override(void **state)
{
	(void)state;
	assert_true(load("database = \"/srv/okr/team.db\";\n"
			 "theme = \"light\";\n"
			 "refresh_ms = 20; flash_ms = 0;\n"
			 "reduced_motion = true; mouse = true;\n"
			 "rollup = \"krs\";\n"
			 "status = { off_track = 0.5; };\n"
			 "gamification = { checkin_xp = 0; streak_cap = 100000; };\n"
			 "leaderboard = { window = \"all\"; bands = true; top = 100; };\n"));
	assert_string_equal(cfg.database, "/srv/okr/team.db");
	assert_string_equal(cfg.theme, "light");
	assert_int_equal(cfg.refresh_ms, 20);
	assert_int_equal(cfg.flash_ms, 0);
	assert_true(cfg.reduced_motion);
	assert_true(cfg.mouse);
	assert_int_equal(cfg.rollup, ROLLUP_KRS);
	assert_true(cfg.status.at_risk == 0.15);   /* untouched sibling keeps its default */
	assert_true(cfg.status.off_track == 0.5);
	assert_int_equal(cfg.game.checkin_xp, 0);
	assert_int_equal(cfg.game.streak_cap, 100000);
	assert_int_equal(cfg.game.progress_xp, 100);
	assert_string_equal(cfg.board_window, "all");
	assert_true(cfg.board_bands);
	assert_int_equal(cfg.board_top, 100);
	assert_true(load("rollup = \"children\"; leaderboard = { window = \"cycle\"; };"));
	assert_int_equal(cfg.rollup, ROLLUP_CHILDREN);
	assert_string_equal(cfg.board_window, "cycle");
}

static void test_syntax_error_line(void **state)
{
	(void)state;
	/* the line is quoted, and the message says what to look for */
	expect_error("theme = \"x\";\n\nrefresh_ms = ;\n",
		     "t.conf:3: syntax error near 'refresh_ms = ;' — check this line and the end of the "
		     "one before for a missing ';', '=' or quote");
	expect_error("a = 1;\na = 2;\n", "t.conf:2: duplicate setting name near 'a = 2;' — a setting may "
		     "appear only once");
	/* on error the caller is left with the defaults, not a half-read file */
	assert_int_equal(cfg.refresh_ms, 200);
	expect_error("theme = \"light\";\nmouse = maybe;\n", "t.conf:2: syntax error near 'mouse = maybe;'");
	assert_string_equal(cfg.theme, "default");
	/* something left open is reported where it was opened, not past the end */
	expect_error("# keys\nkeys = {\n  quit = \"q\";\n", "t.conf:2: the group opened here with '{' is "
		     "never closed — add '};' after its last entry");
	expect_error("theme = \"light;\nmouse = true;\n", "t.conf:1: the text in double quotes that starts "
		     "here is never closed — add the closing '\"'");
	expect_error("a = [1, 2;\n", "t.conf:1: syntax error near 'a = [1, 2;'");
	expect_error("x = {\n y = (1,\n", "t.conf:2: the list opened here with '(' is never closed");
	/* text from the file is quoted without its control bytes, and cut short */
	expect_error("mouse = \x1b[2J;\n", "t.conf:1: syntax error near 'mouse = ?[2J;'");
	expect_error("mouse = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx;\n",
		     "near 'mouse = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' —");
}

static void test_unknown_settings(void **state)
{
	(void)state;
	expect_error("theme = \"x\";\nthemes = \"y\";\n",
		     "t.conf:2: unknown setting 'themes' — did you mean 'theme'? (see okr.conf.example)");
	expect_error("status = {\n\tat_risk = 0.1;\n\toff = 0.2;\n};\n",
		     "t.conf:3: unknown setting 'status.off' — did you mean 'status.off_track'?");
	expect_error("gamification = {\n  checkin = 1;\n};\n",
		     "t.conf:2: unknown setting 'gamification.checkin' — did you mean 'gamification.checkin_xp'?");
	expect_error("refresh_sm = 200;\n", "unknown setting 'refresh_sm' — did you mean 'refresh_ms'?");
	/* a group's setting written at the top is pointed at its group */
	expect_error("\ncheckin_xp = 5;\n", "t.conf:2: unknown setting 'checkin_xp' — did you mean "
		     "'gamification.checkin_xp'? Put it inside gamification = { ... };");
	/* nothing near: no guess */
	expect_error("\nleaderboard = { teams = true; };\n",
		     "t.conf:2: unknown setting 'leaderboard.teams' (see okr.conf.example)");
	expect_error("frobnicate = 1;\n", "t.conf:1: unknown setting 'frobnicate' (see okr.conf.example)");
}

/* A team setting typed in a form (the TUI) or on the command line: the
 * same rule, told in the words of where it was typed. */
static void test_team_value_messages(void **state)
{
	(void)state;
	char lit[128], msg[512];
	assert_false(okr_config_team_typed("rollup", "sideways", lit, sizeof lit, msg, sizeof msg));
	assert_string_equal(msg, "'rollup' must be one of: krs, children, both, not sideways");
	assert_false(okr_config_team_literal("rollup", "sideways", lit, sizeof lit, msg, sizeof msg));
	assert_string_equal(msg, "'rollup' must be one of: krs, children, both (in double quotes), not \"sideways\"");
	assert_false(okr_config_team_typed("leaderboard.bands", "yes", lit, sizeof lit, msg, sizeof msg));
	assert_string_equal(msg, "'leaderboard.bands' must be true or false, not yes");
	assert_false(okr_config_team_typed("timezone", "Asia/Hanoi", lit, sizeof lit, msg, sizeof msg));
	assert_non_null(strstr(msg, "such as +07:00 or -05:30, from -14:00 to +14:00, not Asia/Hanoi"));
	assert_false(okr_config_team_typed("gamification.checkin_xp", "ten", lit, sizeof lit, msg, sizeof msg));
	assert_non_null(strstr(msg, "must be an integer from"));
	assert_non_null(strstr(msg, ", not ten"));
	assert_true(okr_config_team_typed("rollup", "krs", lit, sizeof lit, msg, sizeof msg));
	assert_string_equal(lit, "\"krs\"");
}

static void test_wrong_types(void **state)
{
	(void)state;
	expect_error("\nrefresh_ms = \"fast\";\n",
		     "t.conf:2: 'refresh_ms' must be an integer from 20 to 10000, not \"fast\"");
	expect_error("mouse = \"yes\";\n", "'mouse' must be true or false (no quotes), not \"yes\"");
	expect_error("status = { at_risk = 2; };\n", "'status.at_risk' must be a number from 0 to 1, not 2");
	expect_error("leaderboard = { window = [1]; };\n", "'leaderboard.window' must be one of: week, cycle, "
		     "all (in double quotes), not a list");
	expect_error("mouse = 1;\n", "t.conf:1: 'mouse' must be true or false");
	expect_error("theme = 3;\n", "t.conf:1: 'theme' must be the name of a theme");
	expect_error("database = true;\n", "t.conf:1: 'database' must be a string");
	expect_error("status = 0.2;\n", "t.conf:1: 'status' must be a group");
	expect_error("gamification = [ 1, 2 ];\n", "'gamification' must be a group");
	expect_error("keys = \"c\";\n", "t.conf:1: 'keys' must be a group");
	expect_error("rollup = \"all\";\n",
		     "t.conf:1: 'rollup' must be one of: krs, children, both");
	expect_error("leaderboard = {\n window = \"month\";\n};\n",
		     "t.conf:2: 'leaderboard.window' must be one of: week, cycle, all");
	expect_error("theme = \"../../etc/passwd\";\n", "'theme' must be the name of a theme");
	expect_error("theme = \"\";\n", "'theme' must be the name of a theme");
}

/* libconfig keeps 1 and 1.0 apart: a fraction accepts both, a count refuses a
 * float even when it is whole. */
static void test_float_vs_int(void **state)
{
	(void)state;
	assert_true(load("status = { at_risk = 0; off_track = 1; };"));
	assert_true(cfg.status.at_risk == 0.0);
	assert_true(cfg.status.off_track == 1.0);
	assert_true(load("status = { at_risk = 0.25; off_track = 1.0; };"));
	assert_true(cfg.status.at_risk == 0.25);
	expect_error("refresh_ms = 200.0;\n",
		     "t.conf:1: 'refresh_ms' must be an integer from 20 to 10000");
	expect_error("gamification = { checkin_xp = 10.5; };",
		     "'gamification.checkin_xp' must be an integer from 0 to 100000");
	expect_error("status = { at_risk = \"0.1\"; };",
		     "'status.at_risk' must be a number from 0 to 1");
	assert_true(load("refresh_ms = 0x64;"));   /* libconfig's hex is an integer */
	assert_int_equal(cfg.refresh_ms, 100);
}

static void test_ranges(void **state)
{
	(void)state;
	assert_true(load("refresh_ms = 10000; flash_ms = 5000;"));
	expect_error("refresh_ms = 19;", "'refresh_ms' must be an integer from 20 to 10000");
	expect_error("refresh_ms = 10001;", "'refresh_ms' must be an integer from 20 to 10000");
	expect_error("flash_ms = -1;", "'flash_ms' must be an integer from 0 to 5000");
	expect_error("refresh_ms = 5000000000;", "'refresh_ms' must be an integer");
	expect_error("refresh_ms = 5000000000L;", "'refresh_ms' must be an integer");
	expect_error("leaderboard = { top = 0; };", "'leaderboard.top' must be an integer from 1 to 100");
	expect_error("gamification = { comment_xp = 100001; };",
		     "'gamification.comment_xp' must be an integer from 0 to 100000");
	expect_error("gamification = { comment_xp = -1; };", "from 0 to 100000");
	expect_error("status = { off_track = 1.01; };", "'status.off_track' must be a number from 0 to 1");
	expect_error("status = { at_risk = -0.1; };", "'status.at_risk' must be a number from 0 to 1");
	/* at_risk above the default off_track, reported where it was written */
	expect_error("\n\nstatus = {\n at_risk = 0.4;\n};\n",
		     "t.conf:4: 'status.at_risk' (0.4) must not be greater than 'status.off_track' (0.3)");
	expect_error("status = {\n at_risk = 0.2;\n off_track = 0.1;\n};\n", "t.conf:3:");
	assert_true(load("status = { at_risk = 0.3; off_track = 0.3; };"));
	char big[5000];
	memset(big, 'x', sizeof big);
	memcpy(big, "database = \"", 12);
	memcpy(big + sizeof big - 3, "\";", 3);
	expect_error(big, "'database' is too long (at most 4095 bytes)");
}

static void test_timezone(void **state)
{
	(void)state;
	static const struct { const char *tz; int minutes; } good[] = {
		{ "+00:00", 0 }, { "-00:00", 0 }, { "+07:00", 420 }, { "-05:30", -330 },
		{ "+05:45", 345 }, { "+14:00", 840 }, { "-14:00", -840 }, { "+09:59", 599 },
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		char text[64];
		snprintf(text, sizeof text, "timezone = \"%s\";", good[i].tz);
		if (!load(text))
			fail_msg("%s: %s", good[i].tz, err);
		assert_int_equal(cfg.week_offset_minutes, good[i].minutes);
	}
	static const char *const bad[] = {
		"+14:01", "-15:00", "07:00", "+7:00", "+07:60", "+0700", "UTC", "+07:00 ",
		"", "+07:0a", "Z",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char text[64];
		snprintf(text, sizeof text, "\ntimezone = \"%s\";", bad[i]);
		expect_error(text, "t.conf:2: 'timezone' must be a UTC offset such as \"+07:00\"");
	}
	expect_error("timezone = 7;", "'timezone' must be a UTC offset");
}

static void test_key_names(void **state)
{
	(void)state;
	static const char *const good[] = {
		"c", "K", "?", "/", ":", "-", "C", "F", "~", "é", "ạ", "中", "😀",
		"C-a", "C-z", "C-K", "Enter", "Tab", "BTab", "Esc", "Space",
		"Backspace", "Up", "Down", "Left", "Right", "Home", "End", "PgUp",
		"PgDn", "Ins", "Del", "F1", "F9", "F10", "F12",
	};
	static const char *const bad[] = {
		"", " ", "ab", "C-", "C-1", "C-ab", "c-a", "Ctrl-a", "enter", "ENTER",
		"F0", "F13", "F01", "F1x", "PageUp", "\t", "\x7f", "\x1b", "\xc2\x85",
		"\xc3", "\xe4\xb8", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		"éé", "\x80",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (!okr_key_name_valid(good[i]))
			fail_msg("'%s' should be a key name", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (okr_key_name_valid(bad[i]))
			fail_msg("bad[%zu] should not be a key name", i);
	assert_false(okr_key_name_valid(NULL));
}

static void test_key_bindings(void **state)
{
	(void)state;
	assert_true(load("keys = {\n"
			 "\tcheckin = \"c C-k\";\n"
			 "\tnext-pane = \"  Tab\tF5 \";\n"
			 "\tquit = \"q q\";\n"
			 "};\n"));
	assert_int_equal(cfg.nbindings, 5);
	static const char *const want[][2] = {
		{ "checkin", "c" }, { "checkin", "C-k" }, { "next-pane", "Tab" },
		{ "next-pane", "F5" }, { "quit", "q" },
	};
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(cfg.bindings[i].action, want[i][0]);
		assert_string_equal(cfg.bindings[i].key, want[i][1]);
	}
	assert_true(load("keys = { };"));
	assert_int_equal(cfg.nbindings, 0);
}

static void test_key_binding_errors(void **state)
{
	(void)state;
	expect_error("keys = {\n\tcheck-in = \"c\";\n};\n",
		     "t.conf:2: unknown action 'check-in' in keys — did you mean 'checkin'? (actions: quit, help,");
	expect_error("keys = {\n\tzzzzzz = \"c\";\n};\n",
		     "t.conf:2: unknown action 'zzzzzz' in keys (actions: quit, help,");
	assert_non_null(strstr(err, "checkin"));
	assert_int_equal(cfg.nbindings, 0);
	expect_error("keys = {\n quit = \"q Ctrl-q\";\n};\n",
		     "t.conf:2: 'keys.quit': 'Ctrl-q' is not a key name (use one character");
	expect_error("keys = { quit = \"averyveryverylongkeyname\"; };",
		     "'keys.quit': 'averyveryverylongkeyname' is not a key name");
	expect_error("keys = { quit = 1; };", "'keys.quit' must be a string of key names");
	expect_error("keys = {\n quit = \"  \";\n};", "t.conf:2: 'keys.quit' names no key");
	expect_error("keys = {\n quit = \"x\";\n help = \"y x\";\n};",
		     "t.conf:3: key 'x' is bound to both 'quit' and 'help'");
}

static void test_too_many_bindings(void **state)
{
	(void)state;
	/* 26 lower + 26 upper + 26 C- + 12 F + 15 named + 25 more = over 128 */
	char text[4096];
	size_t n = (size_t)snprintf(text, sizeof text, "keys = {\n down = \"");
	const char *more = "0 1 2 3 4 5 6 7 8 9 ! @ # $ % ^ & * ( ) [ ] { } < > , . ; '";
	for (char ch = 'a'; ch <= 'z'; ch++)
		n += (size_t)snprintf(text + n, sizeof text - n, "%c %c C-%c ", ch, ch - 'a' + 'A', ch);
	for (int f = 1; f <= 12; f++)
		n += (size_t)snprintf(text + n, sizeof text - n, "F%d ", f);
	snprintf(text + n, sizeof text - n, "%s%s\";\n};\n",
		 "Enter Tab BTab Esc Space Backspace Up Down Left Right Home End PgUp PgDn Ins Del ", more);
	expect_error(text, "t.conf:2: too many key bindings (at most 128)");
}

static void test_load_file_errors(void **state)
{
	(void)state;
	/* a missing file is fine where okr merely looks, fatal where it was named */
	okr_config def;
	okr_config_defaults_apply(&def);
	memset(&cfg, 0x55, sizeof cfg);
	assert_true(okr_config_load(&cfg, "/nonexistent/okr/okr.conf", false, err, sizeof err));
	assert_memory_equal(&cfg, &def, sizeof cfg);
	assert_false(okr_config_load(&cfg, "/nonexistent/okr/okr.conf", true, err, sizeof err));
	assert_non_null(strstr(err, "cannot read /nonexistent/okr/okr.conf: "));
	assert_non_null(strstr(err, "— check the path given to --config or $OKR_CONFIG"));

	char path[] = "/tmp/okr-test-config-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *text = "theme = \"light\";\n\nflash_ms = 99999;\n";
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	assert_false(okr_config_load(&cfg, path, false, err, sizeof err));
	char want[128];
	snprintf(want, sizeof want, "%s:3: 'flash_ms' must be an integer from 0 to 5000, not 99999", path);
	assert_string_equal(err, want);
	unlink(path);

	/* a directory cannot be read, and that is an error even when optional */
	assert_false(okr_config_load(&cfg, "/", false, err, sizeof err));
	assert_non_null(strstr(err, "cannot read /: "));
}

static void test_tiny_error_buffer(void **state)
{
	(void)state;
	char small[8];
	assert_false(okr_config_load_string(&cfg, "refresh_ms = 1;", "a-long-name.conf",
					    small, sizeof small));
	assert_string_equal(small, "a-long-");
	assert_false(okr_config_load_string(&cfg, "refresh_ms = 1;", "x", small, 0));
}

static void test_locate(void **state)
{
	(void)state;
	char out[256];
	setenv("OKR_CONFIG", "/env/okr.conf", 1);
	setenv("XDG_CONFIG_HOME", "/xdg", 1);
	setenv("HOME", "/home/u", 1);
	assert_true(okr_config_locate("/explicit.conf", out, sizeof out));
	assert_string_equal(out, "/explicit.conf");
	assert_true(okr_config_locate(NULL, out, sizeof out));
	assert_string_equal(out, "/env/okr.conf");
	assert_true(okr_config_locate("", out, sizeof out));
	assert_string_equal(out, "/env/okr.conf");
	setenv("OKR_CONFIG", "", 1);
	assert_false(okr_config_locate(NULL, out, sizeof out));
	assert_string_equal(out, "/xdg/okr/okr.conf");
	unsetenv("OKR_CONFIG");
	assert_false(okr_config_locate(NULL, out, sizeof out));
	assert_string_equal(out, "/xdg/okr/okr.conf");
	setenv("XDG_CONFIG_HOME", "relative/dir", 1);   /* invalid by the XDG spec */
	assert_false(okr_config_locate(NULL, out, sizeof out));
	assert_string_equal(out, "/home/u/.config/okr/okr.conf");
	unsetenv("XDG_CONFIG_HOME");
	assert_false(okr_config_locate(NULL, out, sizeof out));
	assert_string_equal(out, "/home/u/.config/okr/okr.conf");
	char tiny[6];
	assert_true(okr_config_locate("/a/long/path", tiny, sizeof tiny));
	assert_string_equal(tiny, "/a/lo");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_empty_file_is_defaults),
		cmocka_unit_test(test_example_matches_defaults),
		cmocka_unit_test(test_values_override),
		cmocka_unit_test(test_syntax_error_line),
		cmocka_unit_test(test_unknown_settings),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_float_vs_int),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_timezone),
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_key_bindings),
		cmocka_unit_test(test_key_binding_errors),
		cmocka_unit_test(test_too_many_bindings),
		cmocka_unit_test(test_load_file_errors),
		cmocka_unit_test(test_tiny_error_buffer),
		cmocka_unit_test(test_locate),
		cmocka_unit_test(test_team_value_messages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
