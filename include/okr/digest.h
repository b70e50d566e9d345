/*
 * digest.h — what moved in one week (SPEC §12, okr digest): for each key
 * result, its value, progress and status as the week began and as it ended,
 * and the check-ins in between.  Pure: the caller supplies the history; the
 * command line gathers kudos, badges and the leaderboard around it.
 */
#ifndef OKR_DIGEST_H
#define OKR_DIGEST_H

#include <stddef.h>
#include "okr/progress.h"

typedef struct {
	bool had_value;           /* a value before the week began */
	double value_from, value_to;
	double from, to;          /* raw progress at the week's start and end */
	okr_status status_from, status_to;
	size_t checkins;          /* check-ins within the week */
	const okr_checkin *last;  /* the newest of them (in hist), NULL: none */
} okr_digest_move;

/* The week [from, to) of key result k (its current fields are ignored:
 * values come from hist, newest first, as okr_store_kr_values gives them).
 * cycle_start and due (day numbers) frame the expected progress. */
void okr_digest_kr(const okr_kr *k, const okr_checkin *hist, size_t n, okr_day cycle_start, okr_day due,
		   okr_time from, okr_time to, const okr_status_rules *rules, okr_digest_move *out);

/* Whether a move turned the key result at risk or off track this week. */
bool okr_digest_turned_risky(const okr_digest_move *m);

#endif
