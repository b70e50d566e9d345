/*
 * ui.h — the full-screen view (SPEC §5): `okr` with no command.
 */
#ifndef OKR_UI_H
#define OKR_UI_H

#include "okr/cli.h"

/* Run the TUI on ctx->db_path until the person quits; returns an exit code. */
int ui_main(cli_ctx *ctx, int argc, char **argv);

#endif
