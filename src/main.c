/*
 * main.c — read the global options, load the configuration, pick the
 * command, open the database the way the command needs it; nothing else.
 */
#include <errno.h>
#include <locale.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "okr/cli.h"
#include "okr/hooks.h"
#include "okr/i18n.h"
#include "okr/util.h"

#ifndef OKR_VERSION
#define OKR_VERSION "0.1.0"   /* the Makefile's VERSION */
#endif

/* The person is the operating-system account and the time is the system
 * clock.  Roles and scores rest on both, so the binary people run has no way
 * around them.  The test suite and the benchmarks run okr-test, this file
 * built with -DOKR_TEST_HOOKS, where $OKR_USER stands in for the account and
 * $OKR_NOW (Unix seconds) for the clock; the shipped okr ignores both
 * variables (tests/cli/test_identity.sh checks that). */
static void find_login(cli_ctx *ctx)
{
	const char *u = NULL;
#ifdef OKR_TEST_HOOKS
	u = getenv("OKR_USER");
	if (u && *u)
		okr_store_trust_login();
	const char *now = getenv("OKR_NOW");
	if (now && *now) {
		char *end;
		long long v = strtoll(now, &end, 10);
		if (*end == '\0' && v > 0)
			okr_clock_fix((okr_time)v);
	}
#endif
	if (!u || !*u) {
		struct passwd *pw = getpwuid(geteuid());
		u = pw ? pw->pw_name : NULL;
	}
	okr_strlcpy(ctx->login, u && *u ? u : "unknown", sizeof ctx->login);
}

/* --db, then $OKR_DB, then the configuration, then the XDG data directory. */
static void find_db(cli_ctx *ctx, const char *opt)
{
	const char *env = getenv("OKR_DB");
	if (opt)
		okr_strlcpy(ctx->db_path, opt, sizeof ctx->db_path);
	else if (env && *env)
		okr_strlcpy(ctx->db_path, env, sizeof ctx->db_path);
	else if (ctx->cfg.database[0])
		okr_strlcpy(ctx->db_path, ctx->cfg.database, sizeof ctx->db_path);
	else {
		const char *xdg = getenv("XDG_DATA_HOME");
		const char *home = getenv("HOME");
		char dir[4096];
		if (xdg && *xdg)
			snprintf(dir, sizeof dir, "%s/okr", xdg);
		else
			snprintf(dir, sizeof dir, "%s/.local/share/okr", home ? home : ".");
		snprintf(ctx->db_path, sizeof ctx->db_path, "%.4000s/okr.db", dir);
	}
}

static void print_wait(void *ctx)
{
	(void)ctx;
	fprintf(stderr, "%s\n", _("okr: waiting for the database (another writer is busy)…"));
}

/* The options before the command: --db, --config, --help, --version.
 * Returns -1 to go on (*next is the command's index), else the exit code. */
static int global_options(int argc, char **argv, cli_ctx *ctx, const char **db_opt, const char **config_opt,
			  int *next)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--db") || !strcmp(a, "--config")) {
			if (i + 1 >= argc)
				return cli_fail(OKR_E_USAGE, _("%s needs a path"), a);
			*(a[2] == 'd' ? db_opt : config_opt) = argv[++i];
		} else if (!strncmp(a, "--db=", 5)) {
			*db_opt = a + 5;
		} else if (!strncmp(a, "--config=", 9)) {
			*config_opt = a + 9;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			return cli_find("help")->run(ctx, 0, NULL);
		} else if (!strcmp(a, "--version")) {
			printf("okr %s\n", OKR_VERSION);
			return 0;
		} else {
			return cli_fail(OKR_E_USAGE, _("unknown option '%s' — see `okr --help`"), a);
		}
	}
	*next = i;
	return -1;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* Numbers are read and written with '.', whatever the person's locale. */
	setlocale(LC_NUMERIC, "C");
	okr_i18n_init();

	cli_ctx ctx = { .prog = "okr" };
	const char *db_opt = NULL, *config_opt = NULL;
	int i = 1, done = global_options(argc, argv, &ctx, &db_opt, &config_opt, &i);
	if (done >= 0)
		return done;

	/* A server's client library loads while the configuration is read:
	 * --db and $OKR_DB come before it (find_db), so the target is known.
	 * A command that opens no database never loads it. */
	const char *early = db_opt ? db_opt : getenv("OKR_DB");
	const cli_command *early_cmd = cli_find(i < argc ? argv[i] : "tui");
	if (early && *early && early_cmd && early_cmd->db != CLI_DB_NONE)
		okr_store_preload(early);

	char err[1024];
	bool must = okr_config_locate(config_opt, ctx.config_path, sizeof ctx.config_path);
	if (!okr_config_load_all(&ctx.cfg, ctx.config_path, must, err, sizeof err))
		return cli_fail(OKR_E_USAGE, "%s", err);
	okr_i18n_set_language(ctx.cfg.language);
	find_login(&ctx);
	find_db(&ctx, db_opt);

	const char *name = i < argc ? argv[i] : "tui";
	const cli_command *cmd = cli_find(name);
	if (!cmd)
		return cli_fail(OKR_E_USAGE, _("'%s' is not an okr command — see `okr --help`"), name);
	/* okr CMD --help (or -h) anywhere before "--": the usage, from the same
	 * table as `okr help`, without opening the database. */
	for (int k = i + 1; k < argc && strcmp(argv[k], "--") != 0; k++)
		if (!strcmp(argv[k], "--help") || !strcmp(argv[k], "-h"))
			return cli_command_help(cmd);
	/* The screens (the TUI, okr review, the live okr board) report a theme
	 * they cannot load themselves, and stop: see theme_check.c for why the
	 * other commands only warn.  okr board warns itself when it prints. */
	if (strcmp(cmd->name, "tui") != 0 && strcmp(cmd->name, "review") != 0 && strcmp(cmd->name, "board") != 0)
		cli_theme_warn(&ctx);
	int rest = i < argc ? argc - i - 1 : 0;
	char **rest_argv = argv + (i < argc ? i + 1 : argc);

	/* init and demo open the database themselves, and on a first run the
	 * default directory ($XDG_DATA_HOME/okr) does not exist yet. */
	bool creates = cmd->db == CLI_DB_CREATE || !strcmp(cmd->name, "init") || !strcmp(cmd->name, "demo");
	if (creates && !db_opt && !getenv("OKR_DB"))
		okr_store_make_room(ctx.db_path);
	if (cmd->db == CLI_DB_READ || cmd->db == CLI_DB_WRITE || cmd->db == CLI_DB_CREATE) {
		int flags = cmd->db == CLI_DB_READ ? OKR_OPEN_READONLY
			  : cmd->db == CLI_DB_CREATE ? OKR_OPEN_CREATE : 0;
		okr_result r = cli_open(&ctx, flags, err, sizeof err);
		int instead = r != OKR_OK && cmd->without_db ? cmd->without_db(&ctx, rest, rest_argv) : -1;
		if (instead >= 0)
			return instead;
		if (r != OKR_OK)
			return cli_fail(r, "%s", err);
		okr_store_on_wait(ctx.store, print_wait, NULL);
		hooks_attach(&ctx.cfg, ctx.store);
		if (okr_store_warning(ctx.store)[0])
			fprintf(stderr, "okr: %s\n", okr_store_warning(ctx.store));
		if ((r = cli_team_settings(&ctx))) {
			okr_store_close(ctx.store);
			return r;
		}
	}
	if (cmd->db != CLI_DB_NONE)
		cli_team_conf_warn(&ctx);
	int rc = cli_write_json_wanted(cmd, &rest, rest_argv) ? cli_write_json_run(&ctx, cmd, rest, rest_argv)
								: cmd->run(&ctx, rest, rest_argv);
	okr_store_close(ctx.store);
	if (fflush(stdout) != 0 && rc == 0)
		rc = cli_fail(OKR_E_FAIL, _("cannot write the output: %s"), strerror(errno));
	return rc;
}
