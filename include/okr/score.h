/*
 * score.h — gamification (SPEC §4): XP, levels, badges, streaks and the
 * leaderboards of a time window, as a pure function of the recorded events
 * and the rules in okr.conf.  No clock, no I/O: the caller passes "now".
 *
 * How it is used: describe the world once (people, team memberships, key
 * results with their objective, cycle and grade) with score_new(), then fold
 * in the events — check-ins, kudos, comments — with score_fold(), oldest
 * first.  A viewer keeps the state and folds in only the rows newer than
 * score_marks() on each refresh, so one new check-in costs a few
 * microseconds.  When the world changes (a key result edited, a grade, a
 * team change) or an event arrives older than one already folded, the
 * caller starts again from scratch; the result is then the same as if the
 * events had always been there, which is what makes the scores a pure
 * function of the events.
 *
 * All points are whole numbers.  Progress XP is paid so that the total a key
 * result ever paid is round(progress_xp × high-water mark × weight): each
 * climb pays the difference of the rounded totals, so many small steps add
 * up to exactly what one big step pays.
 *
 * Weeks start at 00:00 of the team's first day of the week (rules.week_start,
 * Monday by default) in its fixed time zone (week_offset_minutes east of
 * UTC); windows are ranges of days in that zone.
 */
#ifndef OKR_SCORE_H
#define OKR_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "okr/config.h"
#include "okr/model.h"

/* ---- the world: fixed for the life of a score_state ---- */

typedef struct {
	int64_t id;
	bool opt_out;           /* hidden from the public ranking */
} score_person;

typedef struct {
	int64_t team_id, person_id;
} score_member;

typedef struct {
	int64_t id;
	int64_t objective_id;
	int64_t owner_id;       /* 0: none (progress XP then goes to the author) */
	int64_t obj_owner_id;   /* the objective's owner, 0: none */
	int64_t team_id;        /* the objective's team, 0: none */
	okr_kr_type type;
	okr_direction dir;      /* threshold only */
	double start, target, weight;
	bool aspirational;      /* of an aspirational objective */
	bool archived;
	okr_time from, due;     /* its period: cycle start .. end of the due day */
	double grade;           /* NaN: not graded */
	okr_time graded_at;
	/* Set by nobody but its owner (never added, edited or approved by
	 * someone else): it pays no XP and earns no badge — nobody raises
	 * their own score by shaping their own key results.  start, target
	 * and weight are the terms last set by someone other than the owner. */
	bool self_set;
} score_kr;

typedef struct {
	const score_person *people;  size_t npeople;
	const score_member *members; size_t nmembers;
	const score_kr *krs;         size_t nkrs;
} score_world;

/* ---- the events, each kind sorted by (at, id) ---- */

typedef struct {
	int64_t id, kr_id, author_id;
	double value;
	okr_time at;
	int8_t confidence;      /* 0–10, -1: not given */
	bool has_note;          /* a note that is not just blanks */
} score_checkin;

typedef struct {
	int64_t id, from_id, to_id, kr_id;
	okr_time at;
} score_kudos;

typedef struct {
	int64_t id, author_id;
	int64_t kr_id;          /* 0: on an objective (earns nothing) */
	int32_t chars;          /* length in characters, blanks trimmed */
	okr_time at;
} score_comment;

typedef struct {
	const score_checkin *checkins; size_t ncheckins;
	const score_kudos *kudos;      size_t nkudos;
	const score_comment *comments; size_t ncomments;
} score_events;

/* The highest row id folded in, per kind: load only rows above these. */
typedef struct {
	int64_t checkin, kudos, comment;
} score_marks;

/* ---- badges ---- */

#ifndef N_
#define N_(s) s
#endif

#define SCORE_BADGES(X) \
	X(FIRST_CHECKIN, "first-checkin", N_("First check-in"), N_("made a first check-in")) \
	X(STREAK_4, "streak-4", N_("Four in a row"), N_("checked in 4 weeks in a row")) \
	X(STREAK_12, "streak-12", N_("Twelve in a row"), N_("checked in 12 weeks in a row")) \
	X(STREAK_26, "streak-26", N_("Half a year"), N_("checked in 26 weeks in a row")) \
	X(PERFECT_WEEK, "perfect-week", N_("Perfect week"), N_("checked in every key result you own in one week")) \
	X(SWEET_SPOT, "sweet-spot", N_("Sweet spot"), N_("a key result you own was graded 0.7 or more")) \
	X(MOONSHOT, "moonshot", N_("Moonshot"), N_("an aspirational key result you own reached 1.0")) \
	X(CLEAN_SWEEP, "clean-sweep", N_("Clean sweep"), N_("every key result of an objective you own reached 1.0")) \
	X(COMEBACK, "comeback", N_("Comeback"), N_("a key result checked in at confidence 3 or less later reached 0.7")) \
	X(HONEST_SIGNAL, "honest-signal", N_("Honest signal"), N_("lowered a key result's confidence in the first half of its time")) \
	X(CHEERLEADER, "cheerleader", N_("Cheerleader"), N_("gave kudos to 5 different people")) \
	X(BRIDGE_BUILDER, "bridge-builder", N_("Bridge builder"), N_("gave kudos to someone outside your teams")) \
	X(TEAM_RAID, "team-raid", N_("Team raid"), N_("a key result of your team's objective reached 1.0")) \
	X(CENTURION, "centurion", N_("Centurion"), N_("made 100 check-ins")) \
	X(APPRECIATED, "appreciated", N_("Appreciated"), N_("received kudos from 3 different people"))

typedef enum {
#define SCORE_BADGE_ENUM(name, slug, title, why) SCORE_BADGE_##name,
	SCORE_BADGES(SCORE_BADGE_ENUM)
#undef SCORE_BADGE_ENUM
	SCORE_NBADGES
} score_badge;

const char *score_badge_slug(score_badge b);    /* "first-checkin" */
const char *score_badge_title(score_badge b);   /* "First check-in" */
const char *score_badge_why(score_badge b);     /* what earns it */

/* ---- the explanation: one line per thing that earned (or did not earn) ---- */

typedef enum {
	SCORE_R_CHECKIN,          /* check-in with a note; streak, percent */
	SCORE_R_CHECKIN_NO_NOTE,  /* 0: no note */
	SCORE_R_CHECKIN_AGAIN,    /* 0: a note on this KR was paid this week */
	SCORE_R_PROGRESS,         /* from → to (high-water marks), weight */
	SCORE_R_PROGRESS_NONE,    /* 0: not above the previous best */
	SCORE_R_REACH_07,
	SCORE_R_REACH_10,
	SCORE_R_KUDOS_GIVEN,      /* other: the receiver */
	SCORE_R_KUDOS_RECEIVED,   /* other: the giver */
	SCORE_R_KUDOS_REPEAT,     /* 0: same giver → receiver this week */
	SCORE_R_KUDOS_ALLOWANCE,  /* 0: beyond the giver's weekly allowance */
	SCORE_R_KUDOS_SELF,       /* 0: to yourself */
	SCORE_R_COMMENT,
	SCORE_R_COMMENT_SHORT,    /* 0: shorter than comment_min_chars */
	SCORE_R_COMMENT_CAP,      /* 0: beyond the weekly cap */
	SCORE_R_BADGE,            /* 0: a badge earned (badge) */
	SCORE_R_SELF_SET,         /* 0: a key result its owner set alone (not approved) */
} score_reason;

typedef struct {
	okr_time at;
	int64_t person_id;
	score_reason reason;
	int64_t points;
	int64_t kr_id;            /* 0: none */
	int64_t other_id;         /* the other person of a kudos */
	double from, to, weight;  /* progress */
	int streak, percent;      /* check-in: streak weeks and bonus percent */
	score_badge badge;
} score_line;

/* ---- the state ---- */

typedef struct score_state score_state;

/* A state for this world and these rules; the world is copied. */
score_state *score_new(const okr_game_rules *rules, int week_offset_minutes, const score_world *w);
void score_free(score_state *s);

/* Record explanation lines for person_id (0: nobody, the default; -1:
 * everybody).  Call before folding. */
void score_explain(score_state *s, int64_t person_id);

/* Fold in events newer than everything folded so far.  Returns false (and
 * folds nothing) when some event is not newer: (at, kind, id) must be above
 * the last folded one; the caller then starts from scratch. */
bool score_fold(score_state *s, const score_events *ev);

score_marks score_get_marks(const score_state *s);

/* Caller's tag, e.g. a fingerprint of the world the state was made from. */
void score_set_tag(score_state *s, uint64_t tag);
uint64_t score_tag(const score_state *s);

/* ---- per person ---- */

typedef struct {
	int64_t person_id;
	int64_t xp;
	int level;
	int64_t into_level, level_span;
	int streak;               /* weeks in a row with a check-in, as of now */
	int best_streak;
	int64_t checkins;
	bool has[SCORE_NBADGES];
	okr_time badge_at[SCORE_NBADGES];
	int64_t badge_kr[SCORE_NBADGES];   /* the key result that earned it, 0: none */
	int nbadges;
} score_person_result;

/* false when person_id is not in the world. */
bool score_person_get(const score_state *s, int64_t person_id, okr_time now, score_person_result *out);

/* The explanation lines recorded so far, oldest first (see score_explain). */
const score_line *score_lines(const score_state *s, size_t *n);

/* ---- kudos: src/core/score_kudos.c ---- */

/* Whether one kudos pays: SCORE_R_KUDOS_GIVEN, or the reason it does not
 * (to yourself, the same person already paid this week, the giver's weekly
 * allowance used up).  The ledger and the giver's feedback both use it. */
score_reason score_kudos_decide(bool to_self, bool pair_paid_this_week, int paid_this_week, int allowance);
/* The decision for the last of a giver's kudos of one week, given the
 * receivers of all of them in (time, id) order. */
score_reason score_kudos_verdict(const okr_game_rules *rules, int64_t from_id, const int64_t *to_ids, size_t n);
/* What the giver is told: "kudos sent to @x (+2 XP …)" or why it earns nothing. */
void score_kudos_note(score_reason why, const char *to_login, int allowance, int given_xp, char *buf, size_t len);

/* ---- time ---- */

/* The week of t: weeks since the first week_start day (0 Monday … 6
 * Sunday: the team's first day of the week) on or after Monday 1970-01-05,
 * in the team's zone. */
int64_t score_week_of(okr_time t, int week_offset_minutes, int week_start);
/* The team's local day of t (days since 1970-01-01 in that zone). */
okr_day score_day_of(okr_time t, int week_offset_minutes);
/* t as the team's clock shows it, "YYYY-MM-DD HH:MM" (what the person page
 * and `okr show --points` print next to each line). */
const char *score_local_time(okr_time t, int week_offset_minutes, char *buf, size_t len);
/* The local day on which week w starts (a week_start day). */
okr_day score_week_first_day(int64_t w, int week_start);
/* The first day of the week of the rules a state was made with. */
int score_week_start(const score_state *s);

/* ---- leaderboards ---- */

/* Days [from, to) in the team's zone. */
typedef struct {
	okr_day from, to;
} score_span;

#define SCORE_SPAN_ALL ((score_span){ INT32_MIN, INT32_MAX })

typedef enum { SCORE_BAND_RANKED, SCORE_BAND_ON_TRACK, SCORE_BAND_NEEDS_SUPPORT } score_band;

/* What the movement of a row means (score_board.c says why):
 *  NONE  no arrow: no points in this window, or nobody had any in the last;
 *  NEW   points now, none in the previous window: a first entry;
 *  RANK  `movement` compares the ranks (0: the same place, "–"). */
typedef enum { SCORE_MOVE_NONE, SCORE_MOVE_NEW, SCORE_MOVE_RANK } score_move;

typedef struct {
	int64_t id;               /* person or team */
	double score;             /* points in the window; a team: per-member average */
	int rank;                 /* 1 = best, ties share; 0: not ranked (opted out) */
	int prev_rank;            /* in the previous window; 0: not ranked there */
	int movement;             /* places moved up (negative: down); 0 unless move is RANK */
	score_move move;
	int members;              /* a team's members */
	bool hidden;              /* opted out: only its owner sees it */
	score_band band;
} score_row;

typedef struct {
	score_row *rows;          /* ranked rows by rank (then id), then hidden ones */
	size_t n;
} score_board;

/* Places moved from a previous place that a tie spread over [best, worst]
 * to `rank` now: 0 within that range, else the distance to it (positive:
 * up).  Leaving a shared first place for second is not a fall. */
int score_move_between(int rank, int best, int worst);

/* Points earned by person_id in the window. */
int64_t score_points(const score_state *s, int64_t person_id, score_span w);

/* Every person of the world ranked by points in cur, with movement against
 * prev.  Opted-out people are not ranked and come last, marked hidden. */
void score_board_people(const score_state *s, score_span cur, score_span prev, score_board *out);
/* Every team with members, by the average points of its members (opted-out
 * members count: an average does not single them out). */
void score_board_teams(const score_state *s, score_span cur, score_span prev, score_board *out);
/* Leave the first `top` ranks as they are and put everyone below them in a
 * band: on track when at or above the median score of the ranked rows and
 * above zero, needs support otherwise. */
void score_board_bands(score_board *b, int top);
/* The row of id, or NULL. */
const score_row *score_board_find(const score_board *b, int64_t id);
void score_board_free(score_board *b);

/* ---- for screens: src/core/score_text.c ---- */

typedef enum { SCORE_WINDOW_WEEK, SCORE_WINDOW_CYCLE, SCORE_WINDOW_ALL } score_window;

/* The days of window w at `now`, and of the window its movement is measured
 * against: the week before for a week; for the cycle (cy, NULL: none, then
 * like all) and all time, the same window as it stood when this week began. */
void score_window_spans(okr_time now, int week_offset_minutes, int week_start, score_window w,
			const okr_cycle *cy, score_span *cur, score_span *prev);

/* A row's movement as every screen shows it: "▲2", "▼1", "–", "new", or ""
 * when there is nothing to compare. */
const char *score_move_text(const score_row *r, char *buf, size_t len);

/* One explanation line in words, as `okr show PERSON --points` prints it;
 * other: the login of l->other_id (NULL: unknown). */
void score_line_text(const score_line *l, const char *other, char *buf, size_t len);

/* ---- the ledger: src/core/score_save.c ---- */

/* The commit sequence of the store that the state reflects (0: none); the
 * store's cursor, kept with the state so a viewer and the saved ledger agree. */
void score_set_seq(score_state *s, int64_t seq);
int64_t score_seq(const score_state *s);

/* A number that changes whenever the rules, the zone or the layout of the
 * state change: what a saved ledger records as "made with these rules". */
uint64_t score_rules_hash(const okr_game_rules *rules, int week_offset_minutes);
/* The same for the rules a state was made with. */
uint64_t score_state_rules_hash(const score_state *s);

/* The whole state as bytes (malloc'd, *len set), without explanation lines. */
unsigned char *score_save(const score_state *s, size_t *len);
/* Back from score_save's bytes; NULL when they are damaged, truncated or
 * from a different build of the rules (the caller then folds from scratch). */
score_state *score_load(const unsigned char *buf, size_t len);
/* Only the first part of those bytes, which holds the people (points by
 * day, XP, streaks, badges) and the teams: a state that ranks
 * (score_board_*, score_points) and tells a person's results, but that
 * score_fold refuses (false) and that must not be saved.  buf may end after
 * the board part: score_board_prefix() bytes of header tell its length
 * (score_board_len, 0 when the header is not this build's). */
score_state *score_load_board(const unsigned char *buf, size_t len);
size_t score_board_prefix(void);
size_t score_board_len(const unsigned char *buf, size_t len);
bool score_is_partial(const score_state *s);
/* Make s such a state (after folding): one folded from only some of the
 * events, whose other people's figures are not whole. */
void score_set_partial(score_state *s);

#endif
