/*
 * cmd_tui.c — okr with no command: the full-screen view (src/ui/).
 */
#include "okr/cli.h"
#include "okr/ui.h"

int cmd_tui(cli_ctx *ctx, int argc, char **argv)
{
	okr_ctx core = cli_core_ctx(ctx);
	return ui_main(&core, argc, argv);
}
