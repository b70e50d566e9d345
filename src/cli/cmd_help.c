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
	printf("%s", _("`okr kpi push NAME VALUE` (cron, CI) prints nothing on success: exit 0 stored, 2 bad value\n"
		       "or arguments, 3 no such KPI, 5 database problem; safe from many jobs at once, and\n"
		       "--id UID makes a retried job count once.\n"));
	return 0;
}
