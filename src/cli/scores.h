/*
 * scores.h — what okr board, okr status and okr show PERSON share: the
 * scores computed from the database, the names to show them with, and the
 * time windows of the leaderboard.  Internal to src/cli.
 */
#ifndef OKR_CLI_SCORES_H
#define OKR_CLI_SCORES_H

#include "okr/cli.h"
#include "okr/score.h"

typedef enum { WINDOW_WEEK, WINDOW_CYCLE, WINDOW_ALL } cli_window;

typedef struct {
	okr_snapshot snap;        /* people and teams (names), the current cycle */
	score_state *st;
	okr_time now;
	int64_t me;               /* the viewer's person id, 0 when not registered */
} cli_scores;

/* Compute the scores (explaining `explain`: a person id, 0 none). */
int cli_scores_load(cli_ctx *ctx, int64_t explain, cli_scores *out);
/* The same for a board, which names people, teams and the cycle only: the
 * snapshot holds no objectives or key results (much cheaper on a large
 * database) — except, given a team, that team's objectives and everything
 * aligned below them, for its progress (okr status). */
int cli_scores_load_board(cli_ctx *ctx, const char *team, cli_scores *out);
/* Such a snapshot: people, teams and cycles, with the current cycle chosen. */
okr_result cli_scores_names(okr_store *s, okr_snapshot *out);
void cli_scores_free(cli_scores *sc);

/* "week", "cycle", "all" → the window; -1 with a message for anything else. */
int cli_window_parse(const char *s);
/* The days of window w and of the window its movement is measured against:
 * the week before for `week`; for `cycle` and `all`, the same window as it
 * stood when this week began (a rank change "since Monday"). */
void cli_window_spans(const cli_scores *sc, int offset, cli_window w, score_span *cur, score_span *prev);
const char *cli_window_label(const cli_scores *sc, int offset, cli_window w, char *buf, size_t len);

const okr_person *cli_scores_person(const cli_scores *sc, int64_t id);
const okr_person *cli_scores_login(const cli_scores *sc, const char *login);
const char *cli_scores_team(const cli_scores *sc, int64_t id);
/* Whether the viewer belongs to the team with this id. */
bool cli_scores_my_team(const cli_scores *sc, int64_t team);

#endif
