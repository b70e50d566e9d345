/*
 * cmd_help.c — okr help: the commands, from the table.
 */
#include "okr/cli.h"
#include "okr/i18n.h"

int cmd_help(cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	printf(_("usage: okr [--db PATH] [--config PATH] [COMMAND [ARGS]]\n\nCommands:\n"));
	for (const cli_command *c = cli_commands; c->name; c++)
		printf("  okr %-9s %s\n  %13s %s\n", c->name, c->args, "", _(c->summary));
	printf(_("\nExit codes: 0 ok, 1 unexpected failure, 2 bad input, 3 not found, 4 changed by someone\n"
		 "else meanwhile, 5 database missing/unreadable/read-only/damaged/newer, 6 not allowed.\n"));
	return 0;
}
