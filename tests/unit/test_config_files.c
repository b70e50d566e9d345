/*
 * test_config_files.c — the host-wide okr.conf files and the personal one:
 * which are read, in what order, and that a later one wins setting by setting
 * (key bindings included) while an error still names its own file and line.
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

#include "okr/config.h"

static char dir[256];
static okr_config cfg;
static char err[1024];

static void write_file(const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	for (char *p = path + strlen(dir) + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0755);
			*p = '/';
		}
	}
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static char *at(const char *rel)
{
	static char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	return path;
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "%s/okr-cfgfiles.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(dir));
	char sys[512], xdg[1100];
	snprintf(sys, sizeof sys, "%s/etc/okr/okr.conf", dir);
	snprintf(xdg, sizeof xdg, "%s/xdg-a:relative/ignored:%s/xdg-b", dir, dir);
	setenv("OKR_SYSTEM_CONFIG", sys, 1);
	setenv("XDG_CONFIG_DIRS", xdg, 1);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_host_files_in_order(void **state)
{
	(void)state;
	char paths[8][4096];
	size_t n = okr_config_host_files(paths, 8);
	assert_int_equal(n, 3);
	assert_string_equal(paths[0], at("etc/okr/okr.conf"));
	/* The first-listed XDG directory is the most important: read last. */
	assert_string_equal(paths[1], at("xdg-b/okr/okr.conf"));
	assert_string_equal(paths[2], at("xdg-a/okr/okr.conf"));

	setenv("OKR_SYSTEM_CONFIG", "", 1);
	unsetenv("XDG_CONFIG_DIRS");
	n = okr_config_host_files(paths, 8);
	assert_int_equal(n, 1);
	assert_string_equal(paths[0], "/etc/xdg/okr/okr.conf");
	setup(NULL);
}

static void test_personal_wins_setting_by_setting(void **state)
{
	(void)state;
	write_file("etc/okr/okr.conf", "database = \"/srv/okr/team.db\";\ntheme = \"light\";\n"
				       "flash_ms = 100;\nkeys = { checkin = \"C-k\"; quit = \"x\"; };\n");
	write_file("xdg-a/okr/okr.conf", "flash_ms = 300;\n");
	write_file("home/okr.conf", "theme = \"monochrome\";\nkeys = { checkin = \"x\"; };\n");
	assert_true(okr_config_load_all(&cfg, at("home/okr.conf"), false, err, sizeof err));
	assert_string_equal(cfg.database, "/srv/okr/team.db");
	assert_string_equal(cfg.theme, "monochrome");
	assert_int_equal(cfg.flash_ms, 300);
	/* checkin's keys are the personal file's; x moved from quit to checkin,
	 * so quit keeps no binding from the host file. */
	assert_int_equal(cfg.nbindings, 1);
	assert_string_equal(cfg.bindings[0].action, "checkin");
	assert_string_equal(cfg.bindings[0].key, "x");
}

static void test_no_personal_file(void **state)
{
	(void)state;
	write_file("etc/okr/okr.conf", "database = \"/srv/okr/team.db\";\n");
	assert_true(okr_config_load_all(&cfg, at("missing/okr.conf"), false, err, sizeof err));
	assert_string_equal(cfg.database, "/srv/okr/team.db");
	assert_false(okr_config_load_all(&cfg, at("missing/okr.conf"), true, err, sizeof err));
	assert_non_null(strstr(err, "missing/okr.conf"));
}

static void test_host_error_names_its_file(void **state)
{
	(void)state;
	write_file("etc/okr/okr.conf", "theme = \"light\";\nrefresh_ms = 1;\n");
	assert_false(okr_config_load_all(&cfg, at("home/none.conf"), false, err, sizeof err));
	assert_non_null(strstr(err, "etc/okr/okr.conf:2"));
	/* The caller still gets the defaults, not half of a file. */
	assert_string_equal(cfg.theme, "default");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_host_files_in_order),
		cmocka_unit_test(test_personal_wins_setting_by_setting),
		cmocka_unit_test(test_no_personal_file),
		cmocka_unit_test(test_host_error_names_its_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
