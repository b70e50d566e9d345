/*
 * ui.h — the full-screen view (SPEC §5): `okr` with no command.
 */
#ifndef OKR_UI_H
#define OKR_UI_H

#include "okr/cli.h"

/* Run the TUI on ctx->db_path until the person quits; returns an exit code. */
int ui_main(cli_ctx *ctx, int argc, char **argv);

/* okr review: what it covers (src/cli/cmd_review.c checks the names). */
typedef struct {
	int64_t cycle_id;      /* 0: the current cycle */
	const char *team;      /* NULL: every team */
	bool mine;
} ui_review_request;

/* The review screen alone: leaving it ends okr and prints the summary. */
int ui_review_main(cli_ctx *ctx, const ui_review_request *rq);

#endif
