/*
 * board_view.h — `okr board` on a terminal (SPEC §4, §5): the compact, live,
 * read-only leaderboard for a tmux pane.  It fits whatever space it gets
 * (from 30×8 up; below that one "too small" line), follows other processes'
 * writes through the same watcher as the full-screen view, and never writes.
 */
#ifndef OKR_UI_BOARD_VIEW_H
#define OKR_UI_BOARD_VIEW_H

#include <stdbool.h>
#include "okr/cli.h"

/* Below this the board shows one line saying the pane is too small. */
enum { BOARD_MIN_COLS = 30, BOARD_MIN_LINES = 8 };

/* Run the live board on ctx->store (opened by main) until q; window is a
 * cli_window (0 week, 1 cycle, 2 all).  Returns an exit code. */
int board_view_run(cli_ctx *ctx, int window, bool teams);

#endif
