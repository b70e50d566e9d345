/*
 * due.h — what a person owes now (SPEC §3 "silence is never green", §5
 * review): check-ins of their key results that have gone quiet for longer
 * than the tracking frequency, values of the KPIs they own that are overdue,
 * and grades to give once a cycle has ended but is not yet closed.
 *
 * Pure: the caller supplies the snapshot, the grades already given and `now`,
 * so the command line, the TUI's status bar and the tests agree on one list.
 */
#ifndef OKR_DUE_H
#define OKR_DUE_H

#include <stddef.h>
#include "okr/model.h"

typedef enum {
	DUE_CHECKIN,    /* a key result without a check-in within its frequency */
	DUE_KPI,        /* a KPI whose latest sample is older than its frequency */
	DUE_GRADE       /* a key result of an ended, unclosed cycle, not graded yet */
} okr_due_kind;

typedef struct {
	okr_due_kind kind;
	int64_t id;           /* key result or KPI */
	const char *title;    /* borrowed from the snapshot */
	okr_time since;       /* last check-in / sample; for grades the cycle's end; 0: never */
	okr_time overdue;     /* seconds past the moment it fell due (0: due right now) */
} okr_due_item;

typedef struct {
	okr_due_item *items;  /* most overdue first within each kind; kinds in enum order */
	size_t n;
} okr_due_list;

typedef struct {
	int64_t person_id;          /* whose list */
	okr_time now;
	const int64_t *graded;      /* IDs of key results that have a grade (any order) */
	size_t ngraded;
	bool kpis;                  /* include snap->kpis (KPIs are not per cycle: ask once) */
} okr_due_opts;

/* Items of the snapshot's cycle (and, with opts->kpis, its KPIs) that
 * opts->person_id owes at opts->now.
 *  - check-in: the person owns the key result, it is not archived, not done,
 *    does not take its value from a KPI, the cycle is not closed, its period
 *    has begun and not ended, and it has no check-in within its frequency
 *    (never checked in: due one period after the key result began —
 *    the later of the cycle's start and the moment it was added);
 *  - KPI: the person owns it and its latest sample is older than its
 *    frequency, or it has none;
 *  - grade: the cycle has ended (after its last day) but is not closed, the
 *    person owns the key result and it has no grade. */
void okr_due_compute(const okr_snapshot *snap, const okr_due_opts *opts, okr_due_list *out);

/* Append the items of `more` to `list` (the CLI gathers several cycles). */
void okr_due_append(okr_due_list *list, const okr_due_list *more);
void okr_due_free(okr_due_list *list);
/* "2 check-ins, 1 KPI value": what is due, by kind, in words. */
void okr_due_summary(const okr_due_list *due, char *buf, size_t len);

#endif
