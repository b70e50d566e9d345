/*
 * rhythm.h — a lead's view of the weekly rhythm (SPEC §12): for one team,
 * who has not checked in this week, and which of its key results are quiet
 * (outdated: silence past their frequency) or at risk / off track.
 *
 * Pure: the caller gives the snapshot, its assessment, the moment the week
 * began and now, so `okr due --team`, the TUI's rhythm view and the digest
 * read the same list.
 */
#ifndef OKR_RHYTHM_H
#define OKR_RHYTHM_H

#include <stddef.h>
#include "okr/assess.h"

typedef struct {
	size_t person;        /* index into snap->people */
	bool checked_in;      /* one of their key results has a check-in this week */
	okr_time last;        /* their latest check-in of this cycle, 0: none */
	size_t nkrs;          /* open key results they own in the cycle */
	size_t nflagged;      /* of those, quiet or at risk / off track */
} okr_rhythm_person;

typedef struct {
	size_t kr;            /* index into snap->krs */
	size_t owner;         /* index into okr_rhythm.people */
	okr_status status;    /* STATUS_OUTDATED, STATUS_OFF_TRACK or STATUS_AT_RISK */
} okr_rhythm_kr;

typedef struct {
	okr_rhythm_person *people;   /* not checked in first, then by login */
	size_t npeople, behind;      /* behind: how many have not checked in */
	okr_rhythm_kr *krs;          /* quiet first, then off track, at risk; by ID */
	size_t nkrs;
} okr_rhythm;

/* Whether the comma-separated list `teams` (okr_person.teams) names team. */
bool okr_rhythm_in_team(const char *teams, const char *team);

/* The rhythm of the members of `team` (NULL or "": everyone) in snap's
 * cycle.  A key result counts when it is open: not archived, not in an
 * archived objective, not done.  People who own no open key result are
 * listed too (a lead wants to see them), never as behind. */
void okr_rhythm_compute(const okr_snapshot *snap, const okr_assessments *as, const char *team,
			okr_time week_start, okr_rhythm *out);
void okr_rhythm_free(okr_rhythm *r);
/* When the team's week that holds now began (00:00 of its first day of the
 * week, week_start, in the team's zone, offset minutes east), as Unix seconds. */
okr_time okr_rhythm_week_start(okr_time now, int week_offset_minutes, int week_start);

#endif
