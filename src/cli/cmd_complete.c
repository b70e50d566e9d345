/*
 * cmd_complete.c — okr __complete WORD...: the candidates for the last word
 * of a command line, one a line ("K3<TAB>Users"), for the bash, zsh and fish
 * scripts in completions/.  Commands, subcommands and options come from the
 * command table's usage strings (usage.c), so a command someone adds is
 * completed without touching a script; IDs, people, teams, cycles and KPI
 * names come from the database, read-only.  It never prints an error: a
 * shell waiting for candidates must not show one.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "okr/cli.h"
#include "okr/i18n.h"
#include "okr/parse.h"

typedef struct {
	cli_ctx *ctx;
	const char *cur;             /* the word being completed */
	const cli_command *cmd;
	cli_form forms[8];           /* the command's forms that still apply */
	int nforms;
	okr_snapshot snap;
	bool have_snap;
} completion;

static void offer(const completion *c, const char *word, const char *desc)
{
	if (strncasecmp(word, c->cur, strlen(c->cur)) != 0)
		return;
	fputs(word, stdout);
	if (desc && *desc) {
		putchar('\t');
		cli_put(stdout, desc, -1);
	}
	putchar('\n');
}

static bool snapshot(completion *c)
{
	if (c->have_snap)
		return true;
	char err[512];
	okr_store *s = NULL;
	if (okr_store_open(c->ctx->db_path, OKR_OPEN_READONLY, c->ctx->login, &s, err, sizeof err) != OKR_OK)
		return false;
	c->have_snap = okr_store_snapshot(s, 0, false, &c->snap) == OKR_OK;
	okr_store_close(s);
	return c->have_snap;
}

/* What a placeholder word of the usage stands for. */
static void offer_data(completion *c, const char *what)
{
	if (!strcmp(what, "COMMAND")) {
		for (const cli_command *k = cli_commands; k->name; k++)
			if (!CLI_HIDDEN(k))
				offer(c, k->name, _(k->summary));
		return;
	}
	bool objs = !strcmp(what, "OBJECTIVE") || !strcmp(what, "O1") || !strcmp(what, "ID");
	bool krs = !strcmp(what, "KR") || !strcmp(what, "ID");
	bool kpi_ids = !strcmp(what, "ID");
	bool kpis = !strcmp(what, "KPI");
	bool people = !strcmp(what, "PERSON") || !strcmp(what, "LOGIN") || !strcmp(what, "P");
	bool teams = !strcmp(what, "TEAM") || !strcmp(what, "T");
	bool cycles = !strcmp(what, "CYCLE") || !strcmp(what, "C");
	if (!(objs || krs || kpis || people || teams || cycles) || !snapshot(c))
		return;
	const okr_snapshot *s = &c->snap;
	char id[32];
	for (size_t i = 0; objs && i < s->nobjs; i++)
		offer(c, okr_format_id(ID_OBJECTIVE, s->objs[i].id, id, sizeof id), s->objs[i].title);
	for (size_t i = 0; krs && i < s->nkrs; i++)
		offer(c, okr_format_id(ID_KR, s->krs[i].id, id, sizeof id), s->krs[i].title);
	for (size_t i = 0; kpi_ids && i < s->nkpis; i++)
		offer(c, okr_format_id(ID_KPI, s->kpis[i].id, id, sizeof id), s->kpis[i].name);
	for (size_t i = 0; kpis && i < s->nkpis; i++)
		offer(c, s->kpis[i].name, NULL);
	for (size_t i = 0; people && i < s->npeople; i++)
		offer(c, s->people[i].login, s->people[i].name);
	for (size_t i = 0; teams && i < s->nteams; i++)
		offer(c, s->teams[i].name, NULL);
	for (size_t i = 0; cycles && i < s->ncycles; i++)
		offer(c, s->cycles[i].name, NULL);
}

/* A placeholder, or alternatives of them: "ID|PERSON", "daily|weekly|monthly". */
static void offer_word(completion *c, const char *sub, const char *what)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%s", what);
	for (char *save = NULL, *w = strtok_r(buf, "|", &save); w; w = strtok_r(NULL, "|", &save)) {
		if (w[0] >= 'a' && w[0] <= 'z')
			offer(c, w, NULL);
		else if (!strcmp(w, "NAME") && !strcmp(c->cmd->name, "kpi") && strcmp(sub, "add"))
			offer_data(c, "KPI");
		else if (!strcmp(w, "NAME") && !strcmp(c->cmd->name, "cycle") && !strcmp(sub, "current"))
			offer_data(c, "CYCLE");
		else
			offer_data(c, w);
	}
}

/* The word an option takes: the option's meaning first (--team T is a team,
 * --title T is not), then its placeholder. */
static void offer_value(completion *c, const char *sub, const char *opt, const char *value)
{
	static const char *const by_name[][2] = {
		{ "--cycle", "CYCLE" }, { "--team", "TEAM" }, { "--owner", "PERSON" }, { "--kr", "KR" },
	};
	for (size_t i = 0; i < sizeof by_name / sizeof by_name[0]; i++)
		if (!strcmp(opt, by_name[i][0])) {
			offer_data(c, by_name[i][1]);
			return;
		}
	if (!strcmp(opt, "--parent") || strchr(value, '|'))
		offer_word(c, sub, value);
}

static const char *option_value(const completion *c, const char *word)
{
	for (int f = 0; f < c->nforms; f++)
		for (int i = 0; i < c->forms[f].nopts; i++)
			if (!strcmp(c->forms[f].opts[i].name, word))
				return c->forms[f].opts[i].value;
	return NULL;
}

static void offer_options(const completion *c)
{
	char seen[2048] = " ";
	for (int f = 0; f < c->nforms; f++)
		for (int i = 0; i < c->forms[f].nopts; i++)
			if (cli_word_once(seen, sizeof seen, c->forms[f].opts[i].name))
				offer(c, c->forms[f].opts[i].name, NULL);
	if (!strstr(seen, " --help "))
		offer(c, "--help", NULL);
	/* Every write takes --json (write_json.c), whatever its usage says. */
	if (cli_command_writes(c->cmd) && !strstr(seen, " --json "))
		offer(c, "--json", NULL);
}

/* The forms of the command; with a subcommand typed, only its own. */
static void pick_forms(completion *c, const char *sub)
{
	cli_form f;
	c->nforms = 0;
	for (int i = 0; c->nforms < 8 && cli_usage_form(c->cmd->args, i, &f); i++)
		if (!sub || !strcmp(f.sub, sub))
			c->forms[c->nforms++] = f;
}

/* words[0..n-1] follow the command name; the last is the one completed. */
static void complete_args(completion *c, char **words, int n)
{
	pick_forms(c, NULL);
	bool has_subs = c->nforms > 0 && c->forms[0].sub[0];
	int k = 0;
	const char *sub = "";
	if (has_subs && n == 1 && c->cur[0] != '-') {
		for (int f = 0; f < c->nforms; f++)
			if (f == 0 || strcmp(c->forms[f].sub, c->forms[f - 1].sub))
				offer(c, c->forms[f].sub, NULL);
		return;
	}
	if (has_subs) {
		sub = words[k++];
		pick_forms(c, sub);
	}
	int npos = 0;
	for (; k < n - 1; k++) {
		const char *v = words[k][0] == '-' ? option_value(c, words[k]) : NULL;
		if (v && *v && k + 1 == n - 1) {
			offer_value(c, sub, words[k], v);
			return;
		}
		if (v)
			k += *v != '\0';
		else
			npos++;
	}
	if (c->cur[0] == '-') {
		offer_options(c);
		return;
	}
	for (int f = 0; f < c->nforms; f++)
		if (npos < c->forms[f].npos) {
			offer_word(c, sub, c->forms[f].pos[npos]);
			return;
		}
}

int cmd_complete(cli_ctx *ctx, int argc, char **argv)
{
	static const char *const globals[] = { "--db", "--config", "--help", "--version" };
	static char *empty[] = { "" };
	if (argc == 0) {
		argc = 1;
		argv = empty;
	}
	completion c = { .ctx = ctx, .cur = argv[argc - 1] };
	int i = 0;
	/* The shell passes the whole line: its global options come first. */
	while (i < argc - 1 && argv[i][0] == '-') {
		bool takes = !strcmp(argv[i], "--db") || !strcmp(argv[i], "--config");
		if (takes && i + 1 == argc - 1)
			return 0;           /* a path: the shell completes files */
		if (!strcmp(argv[i], "--db"))
			snprintf(ctx->db_path, sizeof ctx->db_path, "%s", argv[i + 1]);
		i += takes ? 2 : 1;
	}
	if (i == argc - 1) {
		for (size_t g = 0; c.cur[0] == '-' && g < sizeof globals / sizeof globals[0]; g++)
			offer(&c, globals[g], NULL);
		if (c.cur[0] != '-')
			offer_data(&c, "COMMAND");
		return 0;
	}
	c.cmd = cli_find(argv[i]);
	if (c.cmd && !CLI_HIDDEN(c.cmd))
		complete_args(&c, argv + i + 1, argc - i - 1);
	if (c.have_snap)
		okr_snapshot_free(&c.snap);
	return 0;
}
