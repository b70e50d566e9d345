/*
 * cmd_help.c — okr help, okr help CMD and okr CMD --help: the commands, from
 * the table in commands.c, so the list and each command's own help can never
 * say different things.
 *
 * A command with subcommands writes its forms in one usage string separated
 * by " | " outside brackets ("add NAME ... | list"); each form gets a line of
 * its own here, as git's synopses do, so a long form stays readable.
 */
#include <stdio.h>
#include <string.h>

#include "okr/cli.h"
#include "okr/i18n.h"

/* Each form of c's usage as "<lead>okr NAME FORM", one a line. */
static void print_forms(FILE *f, const cli_command *c, const char *first_lead, const char *lead)
{
	const char *u = c->args;
	bool first = true;
	do {
		size_t n = cli_usage_form_len(u);
		fprintf(f, "%sokr %s%s%.*s\n", first ? first_lead : lead, c->name, n ? " " : "", (int)n, u);
		first = false;
		u += n;
		if (*u)
			u += 3;
	} while (*u);
}

int cli_command_help(const cli_command *c)
{
	print_forms(stdout, c, _("usage: "), "       ");
	printf("\n%s\n", _(c->summary));
	return 0;
}

int cli_usage_fail(const char *name, const char *sub)
{
	const cli_command *c = cli_find(name);
	if (sub && *sub)
		fprintf(stderr, _("okr %s: '%s' is not one of its subcommands\n"), name, sub);
	else
		fprintf(stderr, _("okr %s: say what to do\n"), name);
	if (c)
		print_forms(stderr, c, _("usage: "), "       ");
	return OKR_E_USAGE;
}

int cmd_help(cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	if (argc > 0) {
		const cli_command *c = cli_find(argv[0]);
		if (!c || argc > 1)
			return cli_fail(OKR_E_USAGE, _("'%s' is not an okr command — `okr help` lists them"),
					argv[argc > 1 && c ? 1 : 0]);
		return cli_command_help(c);
	}
	printf(_("usage: okr [--db PATH] [--config PATH] [COMMAND [ARGS]]\n"
		 "       okr help COMMAND   or   okr COMMAND --help   for one command\n\nCommands:\n"));
	for (const cli_command *c = cli_commands; c->name; c++) {
		if (CLI_HIDDEN(c))
			continue;
		print_forms(stdout, c, "  ", "  ");
		printf("        %s\n", _(c->summary));
	}
	printf(_("\nExit codes: 0 ok, 1 unexpected failure, 2 bad input, 3 not found, 4 changed by someone\n"
		 "else meanwhile, 5 database missing/unreadable/read-only/damaged/newer, 6 not allowed,\n"
		 "7 the --id was already used for a different check-in or value,\n"
		 "8 the cycle is closed.\n"));
	printf("%s", _("`okr kpi push NAME VALUE` (cron, CI) prints nothing on success: exit 0 stored, 2 bad value\n"
		       "or arguments, 3 no such KPI, 5 database problem; safe from many jobs at once, and\n"
		       "--id UID makes a retried job count once (\"already recorded\", exit 0); an id is scoped to\n"
		       "the KPI or key result and the person, so one job's id serves all its values.\n"));
	printf("%s", _("Every command that writes also takes --json and prints the item it made or changed.\n"));
	return 0;
}
