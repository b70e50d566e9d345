/*
 * board.h — the leaderboard's model, one for every front end: `okr board`
 * (live and --once), the TUI's leaderboard pane, `okr status`, `okr show
 * PERSON` and the Markdown report all name people and teams, pick the
 * viewer's row and label a time window through these functions.
 *
 * The model is pure (src/core/board.c); filling it reads the database, so
 * okr_board_load lives with the other readers in src/store/board.c.
 */
#ifndef OKR_BOARD_H
#define OKR_BOARD_H

#include <stdbool.h>
#include <stddef.h>

#include "okr/model.h"
#include "okr/score.h"
#include "okr/store.h"

typedef struct {
	okr_snapshot snap;        /* people and teams (names), the current cycle */
	score_state *st;
	okr_time now;
	int64_t me;               /* the viewer's person id, 0 when not registered */
} okr_board;

/* What okr_board_load reads besides the scores. */
typedef enum {
	OKR_BOARD_EVERYTHING,     /* the whole current cycle (okr show PERSON, the report) */
	OKR_BOARD_NAMES           /* people, teams and cycles only: cheap on a large database */
} okr_board_reads;

/* ---- src/store/board.c ---- */
/* Compute the scores (explaining `explain`: a person id, 0 none) for the
 * viewer `login`. */
okr_result okr_board_load(okr_store *s, const okr_config *cfg, const char *login, int64_t explain,
			  okr_board_reads reads, okr_board *out);
/* A snapshot of the names only, with the current cycle chosen. */
okr_result okr_board_names(okr_store *s, okr_snapshot *out);
void okr_board_free(okr_board *b);

/* ---- src/core/board.c ---- */
/* "week", "cycle", "all" → the window; -1 for anything else. */
int okr_board_window_parse(const char *s);
const char *okr_board_window_word(score_window w);   /* "week", … for JSON */
/* "this week, 2026-11-30 → 2026-12-06", "cycle Q4, … → …", "all time". */
const char *okr_board_window_label(const okr_board *b, int offset, score_window w, char *buf, size_t len);
/* The first day of the week the scores were kept with (the team's). */
int okr_board_week_start(const okr_board *b);
void okr_board_spans(const okr_board *b, int offset, score_window w, score_span *cur, score_span *prev);

const okr_person *okr_board_person(const okr_snapshot *snap, int64_t id);
const okr_person *okr_board_login(const okr_snapshot *snap, const char *login);
const char *okr_board_team(const okr_snapshot *snap, int64_t id);
/* Whether `teams` (a person's "A, B" list) names the team with this id:
 * whole names only. */
bool okr_board_in_team(const okr_snapshot *snap, const char *teams, int64_t team);
/* The viewer's row: their own (people) or one of their teams' (teams). */
bool okr_board_is_mine(const okr_board *b, bool teams, int64_t row_id);

#endif
