/*
 * celebrate.h — what deserves a celebration (SPEC §4: "crossing 0.7 or 1.0
 * shows a short celebration to everyone watching"), found by comparing two
 * snapshots of the facts that matter: each key result's progress, each
 * person's badges, each row's rank on the board being watched.
 *
 * Pure: no clock, no I/O, no curses.  The TUI takes a snapshot after every
 * data reload and turns the difference into banners and highlighted rows;
 * the same function answers a unit test.
 */
#ifndef OKR_CELEBRATE_H
#define OKR_CELEBRATE_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	int64_t id;
	int64_t owner_id;       /* 0: none */
	double progress;        /* clamped to [0, 1] */
} celebrate_kr;

typedef struct {
	int64_t id;
	uint32_t badges;        /* bit b: has badge b (score_badge) */
} celebrate_person;

typedef struct {
	int64_t id;             /* a person or a team */
	int rank;               /* 0: not ranked */
} celebrate_rank;

/* Each array in any order; celebrate_diff sorts copies as it needs. */
typedef struct {
	celebrate_kr *krs;         size_t nkrs;
	celebrate_person *people;  size_t npeople;
	celebrate_rank *ranks;     size_t nranks;
} celebrate_snap;

typedef enum {
	CELEBRATE_KR_07,        /* a key result crossed 0.7 (and not 1.0 at once) */
	CELEBRATE_KR_10,        /* a key result crossed 1.0 */
	CELEBRATE_BADGE,        /* a person earned a badge */
	CELEBRATE_RANK          /* a row's rank changed (a highlight, not a banner) */
} celebrate_kind;

typedef struct {
	celebrate_kind kind;
	int64_t id;             /* KR: the key result; badge: the person; rank: the row */
	int64_t person_id;      /* KR: its owner (0: none); badge: the person */
	int badge;              /* badge: the score_badge */
	int from, to;           /* rank: before and after */
} celebrate_event;

/* The events from old to cur: key results, people and rows that exist in
 * both (something new is not a change), in the order key results, badges,
 * ranks, each by id.  A key result that drops and climbs back counts again:
 * the caller remembers what it already showed if that matters.  Returns the
 * count; *out is malloc'd (NULL when none). */
size_t celebrate_diff(const celebrate_snap *old, const celebrate_snap *cur, celebrate_event **out);

void celebrate_snap_free(celebrate_snap *s);

#endif
