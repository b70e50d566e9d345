/*
 * board_int.h — what the leaderboard's files share (board_data.c,
 * pane_board.c, pane_person.c, celebrate.c): one score state kept up to date
 * at the cost of the new rows, the board being shown and the celebrations
 * waiting to be shown.  A person's page is a screen with its own state.
 *
 * Its state is u->board, made by board_new with the application's struct.
 */
#ifndef OKR_UI_BOARD_INT_H
#define OKR_UI_BOARD_INT_H

#include "okr/celebrate.h"
#include "okr/score.h"
#include "ui_int.h"

enum {
	BOARD_BANNER_MS = 4000,     /* how long each banner stays */
	BOARD_HIGHLIGHT_MS = 3000,  /* how long a row whose rank moved stays lit */
	BOARD_QUEUE_MAX = 16        /* banners waiting; older ones give way */
};

typedef enum { ENTRY_ROW, ENTRY_GAP, ENTRY_BANDS } board_entry_kind;

typedef struct {
	board_entry_kind kind;
	size_t row;                 /* ENTRY_ROW: index into b.rows */
} board_entry;

typedef struct {
	int64_t id;
	int dir;                    /* +1 moved up, -1 down */
} board_highlight;

typedef struct ui_board {
	bool started;               /* the scores have been computed once */
	bool pending;               /* ... and are due right after the first frame */
	score_state *st;            /* NULL until the first refresh succeeds */
	okr_time now;
	score_window window;
	bool teams;
	score_board b;
	bool valid;                 /* b and the entries match st, window and teams */
	board_entry *entries;
	size_t nentries, capentries;
	size_t on_track, need_support;   /* bands: below the top */

	/* What the viewer saw when this board (window, kind) was first shown
	 * in this session: movement "since you last looked". */
	unsigned looked;            /* bit window*2+teams: read and recorded */
	okr_look_row *seen[6];      /* by window*2+teams, ordered by id */
	size_t nseen[6];
	okr_time seen_at[6];

	int64_t sel_id;             /* the selected row's id, kept across reloads */
	int top;

	/* Celebrations. */
	celebrate_snap last;
	bool have_last;
	unsigned last_key;          /* window*2+teams of last.ranks */
	int64_t *shown;             /* kr_id*2 + (1.0 ? 1 : 0) already celebrated */
	size_t nshown, capshown;
	char *queue[BOARD_QUEUE_MAX];
	size_t nqueue;
	char banner[1024];
	long long banner_until;     /* monotonic ms; 0: no banner */
	board_highlight *hl;
	size_t nhl, caphl;
	long long hl_until;
} ui_board;

/* The leaderboard pane's state is u->board, made by board_new. */
ui_board *board_new(const okr_config *cfg);
void board_delete(ui_board *g);

/* board_data.c */
void board_compute(ui *u);
const okr_person *board_person(const ui *u, int64_t id);
const char *board_team_name(const ui *u, int64_t id);
const char *board_window_name(score_window w);
/* Movement since the viewer last looked; false when it cannot be told. */
bool board_seen_movement(const ui *u, int64_t id, int rank, int *movement);
/* Kudos texts shown on a person's page, newest first. */
enum { BOARD_PERSON_KUDOS = 3 };

/* The viewer's row on the board being shown, or -1. */
long board_my_row(const ui *u);

/* celebrate.c */
void celebrate_events(ui *u, const celebrate_event *ev, size_t n);
int board_highlight_of(const ui *u, int64_t id);
void celebrate_free(ui *u);

/* pane_person.c: push the page of person id (their explanation read
 * now), in the leaderboard pane; close the one open, if any. */
unsigned pane_person_open(ui *u, int64_t id);
void pane_person_close(ui *u);

#endif
