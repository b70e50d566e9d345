/*
 * ui.h — the full-screen view (SPEC §5): `okr` with no command.
 */
#ifndef OKR_UI_H
#define OKR_UI_H

#include "okr/ctx.h"

/* Run the TUI on ctx->db_path until the person quits; returns an exit code. */
int ui_main(okr_ctx *ctx, int argc, char **argv);

/* okr board on a terminal: the live leaderboard (window: a score_window)
 * on ctx->store, until q. */
int ui_board_main(okr_ctx *ctx, int window, bool teams);

/* okr review: what it covers (src/cli/cmd_review.c checks the names). */
typedef struct {
	int64_t cycle_id;      /* 0: the current cycle */
	const char *team;      /* NULL: every team */
	bool mine;
} ui_review_request;

/* The review screen alone: leaving it ends okr and prints the summary. */
int ui_review_main(okr_ctx *ctx, const ui_review_request *rq);

#endif
