/*
 * cmd_describe.c — okr __describe commands|forms|options|config: the command
 * table and the compiled-in configuration as tab-separated lines, for the
 * tools that write the man pages (tools/man.sh) and for the tests that check
 * the man pages and completions against the table.  The summaries are the
 * table's own English, never translated: a man page is built once.
 */
#include <stdio.h>
#include <string.h>

#include "okr/cli.h"
#include "okr/i18n.h"

static void forms(const cli_command *c)
{
	const char *u = c->args;
	do {
		size_t n = cli_usage_form_len(u);
		printf("%s\t%.*s\n", c->name, (int)n, u);
		u += n;
		if (*u)
			u += 3;
	} while (*u);
}

static void options(const cli_command *c)
{
	cli_form f;
	char seen[2048] = " ";
	for (int i = 0; cli_usage_form(c->args, i, &f); i++)
		for (int k = 0; k < f.nopts; k++)
			if (cli_word_once(seen, sizeof seen, f.opts[k].name))
				printf("%s\t%s\t%s\n", c->name, f.opts[k].name, f.opts[k].value);
}

int cmd_describe(cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	const char *what = argc == 1 ? argv[0] : "";
	if (!strcmp(what, "config")) {
		fputs(okr_config_defaults, stdout);
		return 0;
	}
	if (strcmp(what, "commands") && strcmp(what, "forms") && strcmp(what, "options"))
		return cli_fail(OKR_E_USAGE, _("okr __describe: say commands, forms, options or config"));
	for (const cli_command *c = cli_commands; c->name; c++) {
		if (CLI_HIDDEN(c))
			continue;
		if (!strcmp(what, "commands"))
			printf("%s\t%s\n", c->name, c->summary);
		else if (!strcmp(what, "forms"))
			forms(c);
		else
			options(c);
	}
	return 0;
}
