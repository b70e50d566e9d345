/*
 * dump.h — the whole database as copies, for `okr export`, and the way back
 * in, for `okr import` (src/store/dump.c, src/store/load.c).
 *
 * A dump is self-consistent: objectives name their cycle by cycle ID, key
 * results their objective by ID, and so on, all IDs of the dump itself.  An
 * export reads one with okr_store_dump (the database's IDs); an import builds
 * one from a file (the file's IDs) and hands it to okr_store_load, which
 * gives every record a new ID of the database it goes into.
 */
#ifndef OKR_DUMP_H
#define OKR_DUMP_H

#include "okr/store.h"

typedef struct {
	char *team, *login;
} okr_membership;

typedef struct {
	okr_cycle *cycles;        size_t ncycles;     /* by ID */
	okr_team *teams;          size_t nteams;      /* by name; parent_id: a team's ID in this dump */
	okr_person *people;       size_t npeople;     /* by login (teams: unused) */
	okr_membership *members;  size_t nmembers;    /* by team name, login */
	okr_kpi *kpis;            size_t nkpis;       /* by ID (owner: login, "" none) */
	okr_objective *objs;      size_t nobjs;       /* by ID, archived ones too */
	okr_kr *krs;              size_t nkrs;        /* by ID, archived ones too */
	okr_checkin *checkins;    size_t ncheckins;   /* by key result, time, ID; with uid */
	okr_sample *samples;      size_t nsamples;    /* by KPI, time, ID; with uid */
	okr_comment *comments;    size_t ncomments;   /* by time, ID */
	okr_kudos *kudos;         size_t nkudos;      /* by time, ID */
	okr_grade *grades;        size_t ngrades;     /* by key result */
} okr_dump;

typedef enum {
	LOAD_CYCLE, LOAD_TEAM, LOAD_PERSON, LOAD_MEMBER, LOAD_KPI, LOAD_OBJECTIVE, LOAD_KR,
	LOAD_CHECKIN, LOAD_SAMPLE, LOAD_COMMENT, LOAD_KUDOS, LOAD_GRADE, LOAD_NKINDS
} okr_load_kind;

/* Everything, in one read transaction, in the orders above (which do not
 * depend on when or in which order things were written, so that an export of
 * an import of an export is the same file). */
okr_result okr_store_dump(okr_store *s, okr_dump *out);
void okr_dump_free(okr_dump *d);

/* The same read without holding the history: in one read transaction the
 * head (every table but check-ins, KPI values, comments and kudos, which
 * stay empty) is read into *head and given to begin; then each row of those
 * four tables, in that order and the orders above, is given to row (an
 * okr_checkin, okr_sample, okr_comment or okr_kudos, freed when row
 * returns).  Memory does not grow with the history.  begin or row returning
 * false stops the read early (not an error).  *head is the caller's to free. */
typedef struct {
	bool (*begin)(void *ctx, okr_dump *head);
	bool (*row)(void *ctx, okr_load_kind kind, const void *row);
} okr_dump_sink;
okr_result okr_store_dump_each(okr_store *s, okr_dump *head, const okr_dump_sink *sink, void *ctx);


typedef struct {
	bool created;      /* false: it was already there (matched) and kept */
	int64_t id;        /* its ID in the database (0 for records without one) */
} okr_load_item;

typedef struct {
	okr_load_item *items[LOAD_NKINDS];   /* parallel to the dump's arrays */
	size_t created[LOAD_NKINDS], kept[LOAD_NKINDS];
	okr_load_kind fail_kind;             /* on error: the record at fault, */
	long fail_index;                     /* -1 when it was no one record */
} okr_load_report;

/* Write the dump into the database as one transaction; with dry_run roll it
 * back at the end, so the report says exactly what a real run would do and
 * nothing is written either way.  Only an admin may import.
 *
 * Matching, so that importing the same file twice adds nothing: cycles,
 * teams, KPIs by name, people by login (existing people keep their name and
 * role), check-ins and samples by uid, comments and kudos by all their
 * fields, grades by key result (an existing grade is kept).  Objectives and
 * key results match an existing one with the same cycle, title, owner and team
 * (objectives) or objective and title (key results) — otherwise they are new.
 * New objectives, key results and KPIs keep their IDs when their table was
 * empty, and are numbered on otherwise. */
okr_result okr_store_load(okr_store *s, const okr_dump *d, bool dry_run, okr_load_report *rep);

/* The same for a file too large to hold: first is its first part (every
 * cycle, team, person, KPI, objective and key result, and the history read
 * before them), loaded as okr_store_load would; then, inside the same
 * transaction, next is called for each later part (check-ins, KPI values,
 * comments, kudos, grades: records that name the first part's records by
 * their IDs in the file) until it returns 0, or -1 for a reading error,
 * which rolls everything back.  A part stays valid until the next call.
 * The report lists the first part's records one by one (items) and counts
 * all of them; on an error fail_index is a record of the last part given.
 * A busy database cannot restart the transaction here: it fails instead. */
typedef int (*okr_load_next)(void *ctx, const okr_dump **part);
okr_result okr_store_load_stream(okr_store *s, const okr_dump *first, okr_load_next next, void *ctx, bool dry_run,
				 okr_load_report *rep);
void okr_load_report_free(okr_load_report *rep);

const char *okr_load_kind_name(okr_load_kind k);   /* "cycle", "key result", … */

#endif
