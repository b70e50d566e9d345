/*
 * test_theme.c — theme files: the built-in default and the shipped themes,
 * fallback of missing slots, every error with its line, finding and listing
 * themes, colour degradation and what curses gets without colour.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include <curses.h>
#include <libconfig.h>

#include "okr/theme.h"

static char err[512];

static const char *const shipped[] = {
	"default", "light", "high-contrast", "monochrome", "solarized-dark",
};

static void source_path(char *out, size_t len, const char *rel)
{
	const char *dir = getenv("OKR_SOURCE_DIR");
	snprintf(out, len, "%s%s%s", dir && *dir ? dir : "", dir && *dir ? "/" : "", rel);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open %s (run from the repository root or set OKR_SOURCE_DIR)", path);
	char *buf = malloc(1 << 16);
	size_t n = fread(buf, 1, (1 << 16) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static bool load(theme *t, const char *text)
{
	err[0] = '\0';
	return theme_load_string(t, text, "t.theme", err, sizeof err);
}

static void expect_error(const char *text, const char *want)
{
	theme t;
	bool ok = load(&t, text);
	if (ok || !strstr(err, want))
		fail_msg("for <%s>\nwanted <%s>\ngot ok=%d <%s>", text, want, ok, err);
	theme def;
	theme_default(&def);
	assert_memory_equal(&t, &def, sizeof t);   /* a broken theme leaves the default */
}

static void test_slot_table(void **state)
{
	(void)state;
	assert_string_equal(theme_slot_name(THEME_STATUS_AT_RISK), "status.at_risk");
	assert_int_equal(theme_slot_by_name("border.focus"), THEME_BORDER_FOCUS);
	assert_int_equal(theme_slot_by_name("status"), THEME_SLOT_NONE);
	assert_int_equal(theme_slot_by_name("nope"), THEME_SLOT_NONE);
	assert_string_equal(theme_slot_name(THEME_SLOT_NONE), "");
	assert_int_equal(theme_status_slot(STATUS_OFF_TRACK), THEME_STATUS_OFF_TRACK);
	assert_int_equal(theme_status_slot(STATUS_NONE), THEME_STATUS_NONE);
	assert_int_equal(theme_status_slot(STATUS_OUTDATED), THEME_STATUS_OUTDATED);
	assert_true(theme_slot_mono(THEME_SELECTED) & THEME_A_REVERSE);
	for (int i = 0; i < THEME_SLOT_COUNT; i++)
		for (int j = i + 1; j < THEME_SLOT_COUNT; j++)
			assert_string_not_equal(theme_slot_name(i), theme_slot_name(j));
}

static void test_default_file_is_builtin(void **state)
{
	(void)state;
	char path[4096];
	source_path(path, sizeof path, "themes/default.theme");
	char *text = slurp(path);
	assert_string_equal(text, theme_default_text);
	free(text);
}

/* The default theme is the reference: it styles every slot explicitly. */
static void test_default_styles_every_slot(void **state)
{
	(void)state;
	theme def, bare;
	theme_default(&def);
	assert_string_equal(def.name, "Default");
	config_t lc;
	config_init(&lc);
	assert_true(config_read_string(&lc, theme_default_text));
	for (int i = 0; i < THEME_SLOT_COUNT; i++) {
		char path[128];
		snprintf(path, sizeof path, "slots.%s", theme_slot_name(i));
		config_setting_t *g = config_lookup(&lc, path);
		if (!g || !(config_setting_get_member(g, "fg") || config_setting_get_member(g, "bg") ||
			    config_setting_get_member(g, "attrs")))
			fail_msg("default.theme does not style '%s'", theme_slot_name(i));
	}
	config_destroy(&lc);
	assert_true(load(&bare, ""));
	memset(def.name, 0, sizeof def.name);
	memset(bare.name, 0, sizeof bare.name);
	assert_memory_equal(&bare, &def, sizeof def);
	assert_int_equal(def.slot[THEME_SELECTED].fg, 0);
	assert_int_equal(def.slot[THEME_SELECTED].bg, 6);
	assert_int_equal(def.slot[THEME_STATUS_AT_RISK].fg, 3);
	assert_int_equal(def.slot[THEME_STATUS_AT_RISK].attrs, THEME_A_BOLD);
	assert_int_equal(def.slot[THEME_SEARCH_MATCH].attrs, THEME_A_BOLD | THEME_A_UNDERLINE);
	assert_int_equal(def.slot[THEME_NORMAL].fg, THEME_COLOR_DEFAULT);
	assert_int_equal(def.slot[THEME_TITLE].fg, THEME_COLOR_INHERIT);
}

static void test_shipped_themes_load(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
		char rel[128], path[4096];
		snprintf(rel, sizeof rel, "themes/%s.theme", shipped[i]);
		source_path(path, sizeof path, rel);
		theme t;
		if (!theme_load(&t, path, err, sizeof err))
			fail_msg("%s", err);
		assert_true(t.name[0] != '\0');
	}
}

/* monochrome.theme is the third column of THEME_SLOTS written out. */
static void test_monochrome_matches_table(void **state)
{
	(void)state;
	char path[4096];
	source_path(path, sizeof path, "themes/monochrome.theme");
	theme t;
	if (!theme_load(&t, path, err, sizeof err))
		fail_msg("%s", err);
	for (int i = 0; i < THEME_SLOT_COUNT; i++) {
		if (t.slot[i].attrs != theme_slot_mono(i))
			fail_msg("monochrome.theme: %s has attrs %u, table says %u",
				 theme_slot_name(i), t.slot[i].attrs, theme_slot_mono(i));
		assert_int_equal(t.slot[i].fg, THEME_COLOR_DEFAULT);
		assert_int_equal(t.slot[i].bg, THEME_COLOR_DEFAULT);
	}
}

static void test_override_and_fallback(void **state)
{
	(void)state;
	theme t, def;
	theme_default(&def);
	assert_true(load(&t, "name = \"Mine\";\n"
			     "slots = {\n"
			     "\tstatus = { at_risk = { fg = \"bright-magenta\"; }; };\n"
			     "\tborder = { focus = { bg = 17; attrs = \"italic standout\"; }; };\n"
			     "\tselected = { fg = \"214\"; bg = \"default\"; attrs = \"none\"; };\n"
			     "};\n"));
	assert_string_equal(t.name, "Mine");
	/* a styled slot is replaced whole: the default's bold does not leak in */
	assert_int_equal(t.slot[THEME_STATUS_AT_RISK].fg, 13);
	assert_int_equal(t.slot[THEME_STATUS_AT_RISK].bg, THEME_COLOR_INHERIT);
	assert_int_equal(t.slot[THEME_STATUS_AT_RISK].attrs, 0);
	assert_int_equal(t.slot[THEME_BORDER_FOCUS].fg, THEME_COLOR_INHERIT);
	assert_int_equal(t.slot[THEME_BORDER_FOCUS].bg, 17);
	assert_int_equal(t.slot[THEME_BORDER_FOCUS].attrs, THEME_A_ITALIC | THEME_A_STANDOUT);
	assert_int_equal(t.slot[THEME_SELECTED].fg, 214);
	assert_int_equal(t.slot[THEME_SELECTED].bg, THEME_COLOR_DEFAULT);
	/* "border" itself was only a container here: it keeps the default */
	assert_memory_equal(&t.slot[THEME_BORDER], &def.slot[THEME_BORDER], sizeof(theme_style));
	for (int i = 0; i < THEME_SLOT_COUNT; i++) {
		if (i == THEME_STATUS_AT_RISK || i == THEME_BORDER_FOCUS || i == THEME_SELECTED)
			continue;
		assert_memory_equal(&t.slot[i], &def.slot[i], sizeof(theme_style));
	}
	/* no name: the file's name stands in */
	assert_true(theme_load_string(&t, "slots = { };", "/x/y/ocean.theme", err, sizeof err));
	assert_string_equal(t.name, "ocean");
}

static void test_errors(void **state)
{
	(void)state;
	expect_error("name = \"x\";\nslots = {\n\tnormal = { fg = ; };\n};\n",
		     "t.theme:3: syntax error near 'normal = { fg = ; };' — check this line");
	expect_error("slots = {\n\tnormal = { fg = \"red\"; };\n", "t.theme:1: the group opened here with '{' "
		     "is never closed");
	expect_error("slots = {\n\tstatus = {\n\t\tat_rsk = { fg = \"red\"; };\n\t};\n};\n",
		     "t.theme:3: unknown slot 'status.at_rsk' (the slots are listed in themes/default.theme)");
	expect_error("slots = {\n  sidebar = { fg = 1; };\n};",
		     "t.theme:2: unknown slot 'sidebar'");
	expect_error("slots = {\n status = { fg = \"red\"; };\n};",
		     "t.theme:2: 'status' is not a slot and cannot have 'fg'");
	expect_error("slots = {\n\n title = { fg = \"purple\"; };\n};",
		     "t.theme:3: unknown colour 'purple' for title.fg (use default, black");
	expect_error("slots = { title = { bg = 256; }; };", "unknown colour '256' for title.bg");
	expect_error("slots = { title = { bg = -1; }; };", "unknown colour '-1' for title.bg");
	expect_error("slots = { title = { fg = \"bright-default\"; }; };",
		     "unknown colour 'bright-default'");
	expect_error("slots = { title = { fg = \"1000\"; }; };", "unknown colour '1000'");
	expect_error("slots = { title = { fg = 1.5; }; };", "unknown colour '' for title.fg");
	expect_error("slots = {\n title = { attrs = \"bold blink\"; };\n};",
		     "t.theme:2: unknown attribute 'blink' for title (use bold, dim");
	expect_error("slots = { title = { attrs = 1; }; };", "title.attrs must be a string");
	expect_error("slots = { title = \"red\"; };", "'title' must be a group such as");
	expect_error("name = \"x\";\ncolors = { };", "t.theme:2: unknown setting 'colors'");
	expect_error("slots = 1;", "'slots' must be a group");
	expect_error("name = 3;", "'name' must be a string");
	expect_error("slots = { fg = \"red\"; };", "'slots' is not a slot and cannot have 'fg'");

	theme t;
	assert_false(theme_load(&t, "/nonexistent/x.theme", err, sizeof err));
	assert_non_null(strstr(err, "cannot read /nonexistent/x.theme: "));
}

static void test_color_degrade(void **state)
{
	(void)state;
	static const int to8[][2] = {
		{ 0, 0 }, { 3, 3 }, { 7, 7 }, { 9, 1 }, { 10, 2 }, { 12, 4 }, { 15, 7 },
		{ 8, 7 }, { 244, 7 }, { 59, 0 }, { 102, 7 }, { 240, 0 },   /* greys stay grey */
		{ 16, 0 }, { 196, 1 }, { 46, 2 }, { 226, 3 }, { 21, 4 }, { 201, 5 },
		{ 51, 6 }, { 231, 7 }, { 232, 0 }, { 255, 7 }, { 208, 3 }, { 33, 6 },
		{ 234, 0 }, { 244, 7 }, { 64, 2 }, { 160, 1 }, { 61, 4 },
	};
	for (size_t i = 0; i < sizeof to8 / sizeof to8[0]; i++)
		if (theme_color_degrade(to8[i][0], 8) != to8[i][1])
			fail_msg("%d → %d, want %d", to8[i][0],
				 theme_color_degrade(to8[i][0], 8), to8[i][1]);
	assert_int_equal(theme_color_degrade(196, 256), 196);
	assert_int_equal(theme_color_degrade(255, 88), 7);
	assert_int_equal(theme_color_degrade(196, 16), 9);
	assert_int_equal(theme_color_degrade(244, 16), 8);
	assert_int_equal(theme_color_degrade(12, 16), 12);
	assert_int_equal(theme_color_degrade(5, 0), THEME_COLOR_DEFAULT);
	assert_int_equal(theme_color_degrade(THEME_COLOR_DEFAULT, 256), THEME_COLOR_DEFAULT);
	assert_int_equal(theme_color_degrade(256, 256), THEME_COLOR_DEFAULT);
	for (int c = 0; c < 256; c++) {
		assert_in_range(theme_color_degrade(c, 8), 0, 7);
		assert_in_range(theme_color_degrade(c, 16), 0, 15);
	}
}

static char tmpdir[64];

static int make_tree(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/okr-test-theme-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	char p[256];
	snprintf(p, sizeof p, "%s/env", tmpdir);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/xdg", tmpdir);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/xdg/okr", tmpdir);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/xdg/okr/themes", tmpdir);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/env/ocean.theme", tmpdir);
	write_file(p, "name = \"Ocean (env)\";\n");
	snprintf(p, sizeof p, "%s/xdg/okr/themes/ocean.theme", tmpdir);
	write_file(p, "name = \"Ocean (xdg)\";\n");
	snprintf(p, sizeof p, "%s/xdg/okr/themes/zz-mine.theme", tmpdir);
	write_file(p, "slots = { title = { fg = 2; }; };\n");
	snprintf(p, sizeof p, "%s/xdg/okr/themes/broken.theme", tmpdir);
	write_file(p, "slots = {\n\ttitle = { fg = ; };\n};\n");
	snprintf(p, sizeof p, "%s/xdg/okr/themes/notes.txt", tmpdir);
	write_file(p, "");
	snprintf(p, sizeof p, "%s/xdg/okr/themes/.hidden.theme", tmpdir);
	write_file(p, "");
	snprintf(p, sizeof p, "%s/env", tmpdir);
	setenv("OKR_THEME_DIR", p, 1);
	snprintf(p, sizeof p, "%s/xdg", tmpdir);
	setenv("XDG_CONFIG_HOME", p, 1);
	return 0;
}

/* A teardown, so that a failed assertion leaves no files behind. */
static int remove_tree(void **state)
{
	(void)state;
	static const char *const files[] = {
		"env/ocean.theme", "xdg/okr/themes/ocean.theme", "xdg/okr/themes/zz-mine.theme",
		"xdg/okr/themes/broken.theme", "xdg/okr/themes/notes.txt",
		"xdg/okr/themes/.hidden.theme", "xdg/okr/themes", "xdg/okr", "xdg", "env", "",
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char p[256];
		snprintf(p, sizeof p, "%s/%s", tmpdir, files[i]);
		remove(p);
	}
	unsetenv("OKR_THEME_DIR");
	unsetenv("XDG_CONFIG_HOME");
	return 0;
}

static void test_find_and_list(void **state)
{
	(void)state;
	char path[4096], want[256];
	assert_true(theme_find("ocean", path, sizeof path));
	snprintf(want, sizeof want, "%s/env/ocean.theme", tmpdir);
	assert_string_equal(path, want);   /* $OKR_THEME_DIR wins */
	assert_true(theme_find("zz-mine", path, sizeof path));
	snprintf(want, sizeof want, "%s/xdg/okr/themes/zz-mine.theme", tmpdir);
	assert_string_equal(path, want);
	assert_false(theme_find("no-such-theme", path, sizeof path));
	assert_false(theme_find("../env/ocean", path, sizeof path));
	assert_false(theme_find(".hidden", path, sizeof path));
	assert_false(theme_find("", path, sizeof path));
	char tiny[8];
	assert_false(theme_find("ocean", tiny, sizeof tiny));

	theme t;
	assert_true(theme_load_named(&t, "ocean", err, sizeof err));
	assert_string_equal(t.name, "Ocean (env)");
	assert_true(theme_load_named(&t, "zz-mine", err, sizeof err));
	assert_string_equal(t.name, "zz-mine");
	assert_int_equal(t.slot[THEME_TITLE].fg, 2);
	assert_false(theme_load_named(&t, "broken", err, sizeof err));
	assert_non_null(strstr(err, "broken.theme:2: syntax error"));
	assert_false(theme_load_named(&t, "nope", err, sizeof err));
	assert_non_null(strstr(err, "no theme 'nope': set 'theme' in okr.conf to one of: "));
	assert_non_null(strstr(err, "ocean"));

	size_t n;
	char **names = theme_list(&n);
	assert_non_null(names);
	assert_null(names[n]);
	bool has_default = false, has_ocean = false, has_mine = false;
	for (size_t i = 0; i < n; i++) {
		has_default |= !strcmp(names[i], "default");
		has_ocean |= !strcmp(names[i], "ocean");
		has_mine |= !strcmp(names[i], "zz-mine");
		assert_null(strstr(names[i], "hidden"));
		assert_null(strstr(names[i], "notes"));
		if (i)
			assert_true(strcmp(names[i - 1], names[i]) < 0);   /* sorted, unique */
	}
	assert_true(has_default && has_ocean && has_mine);
	theme_list_free(names);
}

/* "default" works with no file anywhere; any other name needs its file. */
static void test_default_needs_no_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/okr-test-theme-empty-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char cwd[4096];
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(dir), 0);   /* no ./themes here */
	setenv("OKR_THEME_DIR", dir, 1);
	setenv("XDG_CONFIG_HOME", dir, 1);
	theme t, def;
	theme_default(&def);
	char path[4096];
	if (!theme_find("default", path, sizeof path)) {
		assert_true(theme_load_named(&t, "default", err, sizeof err));
		assert_memory_equal(&t, &def, sizeof t);
	}
	assert_int_equal(chdir(cwd), 0);
	rmdir(dir);
	unsetenv("OKR_THEME_DIR");
	unsetenv("XDG_CONFIG_HOME");
}

/* Without colour, curses gets attributes only: reverse selection, bold
 * titles, and no colour pair anywhere.  No terminal is needed for this. */
static void test_apply_without_color(void **state)
{
	(void)state;
	theme t;
	theme_colors c = { 0 };
	theme_default(&t);
	theme_apply(&c, &t, 0);
	assert_true(theme_attr(&c, THEME_SELECTED) & A_REVERSE);
	assert_true(theme_attr(&c, THEME_TITLE) & A_BOLD);
	assert_true(theme_attr(&c, THEME_STATUS_AT_RISK) & A_UNDERLINE);
	assert_true(theme_attr(&c, THEME_STATUS_AT_RISK) & A_BOLD);   /* the theme's own */
	assert_int_equal(theme_attr(&c, THEME_NORMAL), A_NORMAL);
	for (int i = 0; i < THEME_SLOT_COUNT; i++) {
		assert_int_equal(theme_pair(&c, i), 0);
		assert_int_equal(theme_attr(&c, i) & A_COLOR, 0);
	}
	assert_int_equal(theme_attr(&c, THEME_SLOT_NONE), A_NORMAL);
	assert_int_equal(theme_attr(&c, THEME_SLOT_COUNT), A_NORMAL);

	/* NO_COLOR wins over a colour terminal, before any curses call */
	setenv("NO_COLOR", "1", 1);
	theme_apply(&c, &t, 256);
	assert_int_equal(theme_pair(&c, THEME_SELECTED), 0);
	assert_true(theme_attr(&c, THEME_SELECTED) & A_REVERSE);
	unsetenv("NO_COLOR");
}

/* With a real (virtual) terminal: pairs are made lazily, shared between
 * slots of the same colours, and degraded on an 8-colour terminal.  Skipped
 * where the terminfo entries are missing. */
static void test_apply_with_color(void **state)
{
	(void)state;
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *scr = newterm("xterm-256color", out, in);
	if (!scr || !has_colors()) {
		if (scr) {
			endwin();
			delscreen(scr);
		}
		fclose(out);
		fclose(in);
		skip();
	}
	start_color();
	theme t;
	theme_colors c = { 0 };
	assert_true(load(&t, "slots = {\n"
			     "\tnormal = { fg = 244; bg = 234; };\n"
			     "\ttitle = { attrs = \"bold\"; };\n"
			     "\tselected = { fg = 234; bg = 37; };\n"
			     "\tdim = { fg = 240; };\n"
			     "};\n"));
	theme_apply(&c, &t, COLORS);
	short sel = theme_pair(&c, THEME_SELECTED);
	assert_int_equal(sel, 1);   /* the first slot asked for gets the first pair */
	short f, b;
	pair_content(sel, &f, &b);
	assert_int_equal(f, 234);
	assert_int_equal(b, 37);
	short title = theme_pair(&c, THEME_TITLE);
	assert_int_equal(title, 2);
	pair_content(title, &f, &b);   /* inherits normal's colours */
	assert_int_equal(f, 244);
	assert_int_equal(b, 234);
	assert_int_equal(theme_pair(&c, THEME_NORMAL), title);   /* same colours, same pair */
	assert_true(theme_attr(&c, THEME_TITLE) & A_BOLD);
	assert_int_equal(PAIR_NUMBER(theme_attr(&c, THEME_SELECTED)), sel);

	/* 8 colours: 240 on 234 both become black, so the text turns white */
	theme_apply(&c, &t, 8);
	pair_content(theme_pair(&c, THEME_DIM), &f, &b);
	assert_int_equal(b, COLOR_BLACK);
	assert_int_equal(f, COLOR_WHITE);
	pair_content(theme_pair(&c, THEME_SELECTED), &f, &b);
	assert_int_equal(f, COLOR_BLACK);
	assert_int_equal(b, COLOR_CYAN);

	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slot_table),
		cmocka_unit_test(test_default_file_is_builtin),
		cmocka_unit_test(test_default_styles_every_slot),
		cmocka_unit_test(test_shipped_themes_load),
		cmocka_unit_test(test_monochrome_matches_table),
		cmocka_unit_test(test_override_and_fallback),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_color_degrade),
		cmocka_unit_test_setup_teardown(test_find_and_list, make_tree, remove_tree),
		cmocka_unit_test(test_default_needs_no_file),
		cmocka_unit_test(test_apply_without_color),
		cmocka_unit_test(test_apply_with_color),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
