/*
 * review.h — the weekly or end-of-cycle review (SPEC §1, §5 `okr review`):
 * which key results it walks and in what order, what happened to each during
 * the session, and the summary at the end.  Pure: the caller hands in
 * snapshots and the events it saw; nothing here reads a clock or a database.
 */
#ifndef OKR_REVIEW_H
#define OKR_REVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include "okr/assess.h"
#include "okr/model.h"

/* What a review covers.  Every member may be NULL (no restriction). */
typedef struct {
	const char *team;        /* objectives of this team, as okr_objective_in_team (scope.h) says */
	const char *owner;       /* key results this login owns, or whose objective it owns */
	const bool *obj_shown;   /* parallel to snap->objs: false leaves an objective out */
} okr_review_scope;

/* The key results to review, as IDs into out (room for snap->nkrs): the
 * objectives in tree order (as the TUI shows them), each objective's key
 * results by ID; archived ones are left out.  Returns how many. */
size_t okr_review_order(const okr_snapshot *snap, const okr_review_scope *scope, int64_t *out);

typedef enum { REVIEW_CHECKIN, REVIEW_GRADE, REVIEW_COMMENT, REVIEW_KUDOS } okr_review_event_kind;

/* Something recorded during the session: a check-in (by anyone: the shown
 * values come from the same data a teammate writes to), or a grade, comment
 * or kudos entered in the review. */
typedef struct {
	okr_review_event_kind kind;
	int64_t kr_id;
	char author[64];     /* login; "" when unknown (a value pushed to a KPI) */
	double value;        /* check-in: the new value; grade: the score */
} okr_review_event;

/* SEEN: reviewed (moved on with n/Enter, or something entered); SKIPPED:
 * passed over with s and nothing entered; SHOWN: it was on screen (the
 * meeting looked at it), which counts as reviewed unless it was skipped. */
enum { REVIEW_SEEN = 1, REVIEW_SKIPPED = 2, REVIEW_SHOWN = 4 };

typedef struct {
	int64_t *ids;        /* the order */
	size_t n;
	unsigned char *mark; /* REVIEW_SEEN / REVIEW_SKIPPED per position */
	bool *had;           /* the value of each when the review began */
	double *before;
	okr_review_event *ev;
	size_t nev, capev;
	size_t at;           /* the position shown */
} okr_review;

/* Start a review of ids (copied), remembering their values in snap. */
void okr_review_init(okr_review *r, const okr_snapshot *snap, const int64_t *ids, size_t n);
void okr_review_free(okr_review *r);
/* Position of kr_id in the review, or -1. */
long okr_review_find(const okr_review *r, int64_t kr_id);
/* Show position at: it becomes the current one and is marked SHOWN. */
void okr_review_show(okr_review *r, size_t at);
void okr_review_add(okr_review *r, okr_review_event_kind kind, int64_t kr_id, const char *author, double value);
/* The first position after `from` (wrapping) not yet seen or skipped, or -1
 * when every key result has been. */
long okr_review_next_open(const okr_review *r, size_t from);

typedef struct {
	int64_t kr_id;
	bool had;
	double before, after;            /* values */
	double p_before, p_after;        /* raw progress */
} okr_review_change;

typedef struct {
	char login[64];
	size_t n;                        /* check-ins */
} okr_review_person;

typedef struct {
	int64_t kr_id;
	okr_status status;
	double gap;                      /* expected − progress */
} okr_review_risk;

/* seen: SEEN, or SHOWN and not skipped; skipped: SKIPPED with nothing
 * entered; unvisited ("not reached"): never on screen. */
typedef struct {
	size_t total, seen, skipped, unvisited;
	size_t checkins, grades, comments, kudos;
	okr_review_change *changes;      /* in review order */
	size_t nchanges;
	okr_review_person *people;       /* who checked in: most first, then by login */
	size_t npeople;
	okr_review_risk *risks;          /* off track, then at risk, then outdated; biggest gap first */
	size_t nrisks;
	int64_t *skipped_ids;
	size_t nskipped;
} okr_review_summary;

/* The summary of r against the data as it is now (snap, as). */
void okr_review_summarize(const okr_review *r, const okr_snapshot *snap, const okr_assessments *as,
			  okr_review_summary *out);
void okr_review_summary_free(okr_review_summary *s);

#endif
