/*
 * digest.h — okr digest's data (cmd_digest.c gathers it) and its writers
 * (digest_print.c: Markdown, text, JSON).  Internal to src/cli.
 */
#ifndef OKR_CLI_DIGEST_H
#define OKR_CLI_DIGEST_H

#include "okr/digest.h"
#include "okr/due.h"
#include "okr/board.h"
#include "okr/cli.h"

typedef struct {
	size_t kr;                /* index into snap->krs */
	okr_digest_move mv;
	okr_checkin *hist;        /* newest first */
	size_t nhist;
} digest_kr;

typedef struct {
	size_t person;            /* index into snap->people */
	score_badge badge;
	okr_time at;
} digest_badge;

typedef struct {
	size_t person;
	okr_due_list due;         /* borrows titles from snap */
} digest_due;

typedef struct {
	okr_board sc;            /* people, the current cycle, the scores */
	const okr_snapshot *snap; /* the cycle that holds the week (== &sc.snap or &other) */
	okr_snapshot other;
	const char *team;         /* NULL: everyone */
	okr_time from, to;        /* the week [from, to); to is now + 1 s while it lasts */
	digest_kr *krs;           /* key results of the team, by ID */
	size_t nkrs;
	okr_kudos *kudos;         /* of the week, touching the team, oldest first */
	size_t nkudos;
	digest_badge *badges;
	size_t nbadges;
	score_board board;        /* people of the week, with movement against the week before */
	digest_due *due;          /* what each member owes as the week ends, members who owe */
	size_t ndue;
} digest;

typedef enum { DIGEST_MD, DIGEST_TEXT, DIGEST_JSON } digest_format;

void digest_print(const digest *d, digest_format fmt, FILE *f);
/* Whether person index p of snap belongs to d's team (always without one). */
bool digest_member(const digest *d, size_t p);
/* Index of person id in snap->people, -1: none. */
long digest_person(const digest *d, int64_t id);

#endif
