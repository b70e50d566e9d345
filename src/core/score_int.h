/*
 * score_int.h — what score.c and score_board.c share: the state behind
 * score_state.  Not part of the public face.
 */
#ifndef OKR_SCORE_INT_H
#define OKR_SCORE_INT_H

#include "okr/score.h"

/* Open addressing from a 64-bit key to a 64-bit value; key 0 is never used
 * by callers (ids start at 1, pair keys are offset by one). */
typedef struct {
	uint64_t *keys;
	int64_t *vals;
	size_t cap, n;      /* cap is a power of two */
} score_map;

int64_t *score_map_get(const score_map *m, uint64_t key);
/* The value slot of key, made with value init when missing; *fresh says which. */
int64_t *score_map_put(score_map *m, uint64_t key, int64_t init, bool *fresh);
void score_map_free(score_map *m);

typedef struct {
	okr_day day;
	int64_t pts;
} score_day;

#define SCORE_NO_WEEK INT64_MIN

typedef struct {
	int64_t id;
	bool opt_out;
	int64_t xp, checkins;
	int64_t last_week;      /* of the latest check-in */
	int run, best;          /* streak weeks */
	int64_t kudos_week, comment_week, pw_week;
	int kudos_count, comment_count, pw_count, pw_need;
	int distinct_to, distinct_from;
	bool has[SCORE_NBADGES];
	okr_time badge_at[SCORE_NBADGES];
	int64_t badge_kr[SCORE_NBADGES];
	score_day *days;        /* points by day, days ascending */
	size_t ndays, capdays;
	size_t team_first, nteams;   /* in score_state.person_teams */
	size_t own_first, nown;      /* in score_state.owned (kr indices) */
} score_pstate;

typedef struct {
	score_kr k;
	int owner, obj_owner;   /* person indices, -1: none */
	double hwm;             /* best progress ever checked in */
	int64_t paid;           /* progress XP paid so far */
	bool r07, r10, low_conf;
	int last_conf;
	size_t obj_first, nobj; /* siblings in score_state.by_objective */
} score_kstate;

typedef struct {
	int64_t id;
	size_t first, n;        /* members in score_state.team_people */
} score_team;

struct score_state {
	okr_game_rules rules;
	int offset;
	uint64_t tag;
	score_pstate *people;  size_t npeople;
	score_kstate *krs;     size_t nkrs;
	score_team *teams;     size_t nteams;
	int *team_people;      /* person indices grouped by team */
	int64_t *person_teams; /* team ids grouped by person */
	int *owned;            /* kr indices grouped by owner */
	int *by_objective;     /* kr indices grouped by objective */
	score_map person_ix, kr_ix;
	score_map pair_ck;     /* (kr, author) → last week with a check-in (hi) / a paid note (lo) */
	score_map pair_kudos;  /* (giver, receiver) → last week counted */
	score_marks marks;
	okr_time last_at;
	int last_kind;
	int64_t last_id;
	int64_t explain;       /* 0 none, -1 all, else a person id */
	score_line *lines;     size_t nlines, caplines;
	int64_t seq;           /* the store's commit sequence folded up to (score_save.c) */
	bool partial;          /* only the board part was loaded: ranks, folds nothing */
};

int score_person_index(const score_state *s, int64_t id);

/* score_fair.c: each key result's weight for points, normalised within its
 * objective (after by_objective is built). */
void score_fair_weights(score_state *s);

#endif
