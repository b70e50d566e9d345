/*
 * store.h — the team's database (SPEC §2, §8): a shared SQLite file, or a
 * PostgreSQL server.  The only module that speaks SQL; everything it hands
 * out is a copy in the structs of model.h, and nothing here says which
 * engine serves the database (src/store/engine.h does, inside the store).
 *
 * Guarantees every caller may rely on:
 *  - every write is one transaction that takes the write lock first,
 *    retried whole while the database is busy; callers never see
 *    "database is locked";
 *  - nothing is written when a function returns an error;
 *  - every committed write leaves an audit row and tells the other
 *    processes (okr_store_wait_fd) so that watchers wake at once;
 *  - no statement is left un-reset after a call returns (no read transaction
 *    is held open between calls).
 */
#ifndef OKR_STORE_H
#define OKR_STORE_H

#include <stddef.h>
#include "okr/archive.h"
#include "okr/audit.h"
#include "okr/model.h"
#include "okr/progress.h"
#include "okr/score.h"

/* Results, which are also the documented exit codes of the command line. */
typedef enum {
	OKR_OK = 0,
	OKR_E_FAIL = 1,       /* anything unexpected (a bug or the system) */
	OKR_E_USAGE = 2,      /* bad input: values, options, arguments */
	OKR_E_NOTFOUND = 3,   /* no such ID, name or person */
	OKR_E_CONFLICT = 4,   /* stale edit: someone changed it meanwhile */
	OKR_E_DB = 5,         /* missing, unreadable, read-only, corrupt, newer database */
	OKR_E_DENIED = 6,     /* your role does not allow this */
	OKR_E_REUSED = 7,     /* a client id (--id) already names a different write */
	OKR_E_CLOSED = 8,     /* the cycle is closed: read-only, grades final */
} okr_result;

typedef struct okr_store okr_store;

enum {
	OKR_OPEN_CREATE   = 1 << 0,  /* create the file if missing */
	OKR_OPEN_SHARED   = 1 << 1,  /* with CREATE: group-writable (okr init --shared) */
	OKR_OPEN_READONLY = 1 << 2,  /* viewers: never write, not even the person row */
	OKR_OPEN_SCRATCH  = 1 << 3,  /* a private, empty database that vanishes on close
				      * (a dry run of an import into a database not there yet) */
	OKR_OPEN_BARE     = 1 << 4,  /* the schema only: register nobody (okr migrate's target) */
};

/* Open (and migrate) the database at path — a file path, or a PostgreSQL
 * connection string or URI — as the person `login`, who is registered on
 * first use.  On failure *out is NULL and err says what is wrong and how to
 * fix it. */
okr_result okr_store_open(const char *path, int flags, const char *login,
			  okr_store **out, char *err, size_t errlen);
void okr_store_close(okr_store *s);
/* Is there a database at path already (a server always counts as there)? */
bool okr_store_exists(const char *path);
/* Before the first database at a default place: make what it needs (for a
 * file, its missing parent directories). */
void okr_store_make_room(const char *path);
/* As soon as the path is known, well before okr_store_open: an engine with
 * a library of its own to load (PostgreSQL's libpq, 5 ms) starts loading it
 * in the background, while the caller reads its configuration. */
void okr_store_preload(const char *path);
/* Close s and remove the database its OKR_OPEN_CREATE made (a failed import
 * into a new file leaves nothing behind). */
void okr_store_discard(okr_store *s);
/* The engine serving s: "sqlite" or "postgresql" (for --version-like
 * reports and tests; nothing should behave differently by it). */
const char *okr_store_engine(const okr_store *s);

/* The message of the last error on this handle ("" when none). */
const char *okr_store_error(const okr_store *s);
const char *okr_store_path(const okr_store *s);
/* A problem found on open that does not stop work but needs fixing, such as
 * -wal/-shm files the group cannot write ("" when none). */
const char *okr_store_warning(const okr_store *s);
/* Waiting for other processes' commits: a descriptor to poll() for input
 * beside the keyboard (-1: none; the caller's slow timer still notices),
 * and, once it is readable, okr_store_wait_ack to take in what arrived —
 * true when it was news, after which okr_store_data_version tells whether
 * the data changed.  Ask for the descriptor again before every poll: it
 * changes when the handle is reopened or the engine watches anew. */
int okr_store_wait_fd(okr_store *s);
bool okr_store_wait_ack(okr_store *s);

/* The SQLite engine's doorbell file (DB-bell), for the tests of the file
 * faults; a server has none. */
const char *okr_store_bell_path(const okr_store *s);
/* Create the doorbell (mode 0660 whatever the umask) or, if ring, touch it.
 * Never blocks and never follows a link: false when it is not a regular file
 * (a FIFO or a link a member put there), and then nothing was opened. */
bool okr_bell_touch(const char *bell, bool ring);

/* Whether the file at the database's path is still the one this handle has
 * open (a viewer checks it on its slow timer; every write checks it before
 * and after).  Anything but OKR_FILE_OK: close the handle and open the path
 * again, after okr_store_rescue for a deleted -wal. */
typedef enum {
	OKR_FILE_OK = 0,
	OKR_FILE_DELETED,     /* nothing at the path */
	OKR_FILE_REPLACED,    /* another file at the path (a restore) */
	OKR_FILE_WAL_GONE,    /* the -wal was deleted or replaced under us */
	OKR_FILE_DISCONNECTED,   /* the server's connection is lost; asking again reconnects (with back-off) */
} okr_file_state;
okr_file_state okr_store_file_state(okr_store *s);
/* After OKR_FILE_WAL_GONE: copy what this connection can still read of the
 * deleted -wal into the database file (unless a new -wal is already there)
 * and close the connection, so that the path can be opened afresh.  The
 * handle stays valid: every call fails with a message until
 * okr_store_reopen replaces it. */
void okr_store_release(okr_store *s);
/* Open the file now at the handle's path (same flags and person) and, on
 * success, close the old handle and put the new one in *s. */
okr_result okr_store_reopen(okr_store **s, char *err, size_t errlen);

/* SQLite's quick_check: OKR_E_DB with the damage and its fix in the error
 * message when the file is damaged.  Reads the whole file: viewers run it
 * once, after their first frame. */
okr_result okr_store_health(okr_store *s);
/* Whether any query on this handle met a damaged page. */
bool okr_store_damaged(const okr_store *s);

/* The schema version this binary writes. */
int okr_store_schema_version(void);

/* Called (from inside a write) when it has waited about a second for another
 * writer, so that a person sees "waiting for the database…". */
void okr_store_on_wait(okr_store *s, void (*cb)(void *ctx), void *ctx);

/* Changes whenever anyone (this handle included) commits. Cheap: a prepared
 * PRAGMA data_version plus this handle's own commit count. */
int64_t okr_store_data_version(okr_store *s);

/* The current time for records: the system clock, unless okr_clock_fix gave
 * a fixed time (t > 0; 0 goes back to the clock).  Only test builds and the
 * test and benchmark programs call okr_clock_fix (see main.c). */
okr_time okr_now(void);
void okr_clock_fix(okr_time t);
/* On a server the person is the role it authenticated, whatever login
 * okr_store_open is given; after this call the given login is the person
 * there too.  Like okr_clock_fix, only test builds and test programs call
 * it, so that one role can stand in for the people of a test. */
void okr_store_trust_login(void);

/* ---- people and teams ---------------------------------------------------- */

/* The person using okr.  Their teams are read the first time this is
 * called: a command that never asks (a check-in) does not pay for them. */
const okr_person *okr_store_me(okr_store *s);
/* Who s acts for, without reading anything: the login okr_store_open was
 * given, or on a server the role it connected as.  The front ends take this
 * as "me" once the store is open. */
const char *okr_store_login(const okr_store *s);
okr_result okr_store_person(okr_store *s, const char *login, okr_person *out);
/* A person as someone typed them: a login (with or without @) or a display
 * name, compared folded (fold.h); ambiguous names fail listing the
 * candidates (OKR_E_USAGE).  Every command that takes a person uses this. */
okr_result okr_store_person_find(okr_store *s, const char *who, okr_person *out);
okr_result okr_store_person_add(okr_store *s, const char *login, const char *name);
/* okr migrate: copy everything s holds (people, teams, cycles, objectives,
 * key results, check-ins, KPIs and samples, comments, kudos, grades, the
 * audit trail, team settings) with its ids into the empty database on the
 * server at target, in one transaction.  *copied counts the rows. */
okr_result okr_store_copy_to(okr_store *s, const char *target, long long *copied, char *err, size_t errlen);
/* The same with a role.  On PostgreSQL the server also makes the login role
 * when it has none and grants it okr's group for the role (roles_pg.c). */
okr_result okr_store_person_add_as(okr_store *s, const char *login, const char *name, okr_role role);
okr_result okr_store_person_set_role(okr_store *s, const char *login, okr_role role);
okr_result okr_store_person_set_name(okr_store *s, const char *login, const char *name);
/* Hide oneself from the public leaderboard, or show again; only oneself
 * (okr_may_set_opt_out). */
okr_result okr_store_person_set_opt_out(okr_store *s, const char *login, bool opt_out);
okr_result okr_store_team_add(okr_store *s, const char *name, const char *parent);
okr_result okr_store_team_join(okr_store *s, const char *team, const char *login);

/* ---- reading --------------------------------------------------------------- */


/* Everything a screen shows for cycle_id (0: the current cycle), in one read
 * transaction.  Archived items are left out unless with_archived. */
okr_result okr_store_snapshot(okr_store *s, int64_t cycle_id, bool with_archived,
			      okr_snapshot *out);
/* A team's progress in cycle_id (the current one), rolled up by mode: what
 * okr_team_progress gives over a whole snapshot of the cycle, exactly.  Kept
 * in the database for every team with what it was computed from, so that
 * okr status reads one row; computed again, and saved, after any change it
 * depends on.  src/store/read_team.c */
typedef struct {
	double progress;
	size_t objectives;        /* the team's own live objectives; 0: nothing to show */
	bool kept;                /* read from the kept row, not computed */
} okr_progress_kept;
okr_result okr_store_team_progress(okr_store *s, int64_t cycle_id, int64_t team_id, okr_rollup_mode mode,
				   okr_progress_kept *out);
/* The cycles and KPIs, and of cycle_id (0: the current cycle) only the live
 * key results person_id owns with their objectives; no people or teams:
 * what the person's list of what is due is made of (okr due, okr status). */
okr_result okr_store_snapshot_owned(okr_store *s, int64_t cycle_id, int64_t person_id, okr_snapshot *out);

okr_result okr_store_cycle_by_name(okr_store *s, const char *name, okr_cycle *out);
okr_result okr_store_current_cycle(okr_store *s, okr_cycle *out);
okr_result okr_store_objective(okr_store *s, int64_t id, okr_objective *out);
okr_result okr_store_kr(okr_store *s, int64_t id, okr_kr *out);
okr_result okr_store_kpi_by_name(okr_store *s, const char *name, okr_kpi *out);
okr_result okr_store_kpi(okr_store *s, int64_t id, okr_kpi *out);

/* Newest first, at most limit (0: all). */
okr_result okr_store_checkins(okr_store *s, int64_t kr_id, size_t limit,
			      okr_checkin **out, size_t *n);
okr_result okr_store_samples(okr_store *s, int64_t kpi_id, size_t limit,
			     okr_sample **out, size_t *n);
/* The history of a key result's value, newest first, at most limit (0: all):
 * its check-ins, or for one that tracks a KPI (kr->kpi_id) the KPI's samples
 * as check-ins without confidence — the values its current value came from,
 * so sparklines, history and forecasts agree with it. */
okr_result okr_store_kr_values(okr_store *s, const okr_kr *kr, size_t limit,
			       okr_checkin **out, size_t *n);
/* Oldest first. kind 'O' or 'K'. */
okr_result okr_store_comments(okr_store *s, char kind, int64_t id,
			      okr_comment **out, size_t *n);
okr_result okr_store_kudos_list(okr_store *s, okr_time since, size_t limit,
				okr_kudos **out, size_t *n);
/* Kudos for key result kr_id (and, if `to` is not NULL, to that login), or
 * with kr_id 0 every kudos to the login `to`; newest first, at most limit
 * (0: all). */
okr_result okr_store_kudos_about(okr_store *s, int64_t kr_id, const char *to, size_t limit,
				 okr_kudos **out, size_t *n);
okr_result okr_store_grade_get(okr_store *s, int64_t kr_id, okr_grade *out);

/* The person and time of the latest change to an entity ('O', 'K', 'P' KPI). */
okr_result okr_store_last_change(okr_store *s, char kind, int64_t id,
				 char *who, size_t wholen, okr_time *at);

/* The audit trail, newest first (see audit.h): src/store/audit.c. */
okr_result okr_store_audit_list(okr_store *s, const okr_audit_query *q,
				okr_audit_entry **out, size_t *n);

/* ---- writing --------------------------------------------------------------- */

okr_result okr_store_cycle_add(okr_store *s, const char *name, okr_day start,
			       okr_day end, int64_t *id);
/* A cycle's new name and dates (all three given: what the editor saw,
 * changed or not).  Leads and admins; a closed cycle is refused
 * (OKR_E_CLOSED), and so are a taken name and an overlap. */
okr_result okr_store_cycle_edit(okr_store *s, int64_t id, const char *name, okr_day start, okr_day end);
/* Make a cycle the current one (and active if it was planning). */
okr_result okr_store_cycle_set_current(okr_store *s, int64_t id);

typedef struct {
	const char *title;        /* required on add; NULL on edit: unchanged */
	const char *description;  /* NULL: unchanged / empty */
	const char *owner;        /* login; NULL: unchanged (add: me); "": none */
	const char *team;         /* name; NULL: unchanged / none; "": none */
	int64_t cycle_id;         /* add: 0 = current */
	int64_t parent_id;        /* -1: unchanged (add: none); 0: none */
	int kind;                 /* -1: unchanged (add: committed) */
	double weight;            /* NaN: unchanged (add: 1) */
} okr_objective_in;

/* An okr_objective_in with nothing set. */
okr_objective_in okr_objective_in_none(void);

okr_result okr_store_objective_add(okr_store *s, const okr_objective_in *in, int64_t *id);
/* Refused with OKR_E_CONFLICT, naming who changed it, unless the stored
 * version is expect_version (0: do not check). */
okr_result okr_store_objective_edit(okr_store *s, int64_t id, int64_t expect_version,
				    const okr_objective_in *in);
okr_result okr_store_objective_archive(okr_store *s, int64_t id, int64_t expect_version);
/* Bring an archived objective back (the same people may as archive it). */
okr_result okr_store_objective_unarchive(okr_store *s, int64_t id);

typedef struct {
	int64_t objective_id;     /* add only */
	const char *title;        /* NULL: unchanged */
	const char *owner;        /* login; NULL: unchanged (add: me) */
	const char *unit;         /* NULL: unchanged (add: "") */
	int type;                 /* add only: okr_kr_type */
	int dir;                  /* threshold: okr_direction; -1 unchanged */
	double start, target;     /* NaN: unchanged (add metric: start 0) */
	double weight;            /* NaN: unchanged (add: 1) */
	int decimals;             /* -1: unchanged (add: from the numbers typed) */
	okr_day due;              /* -1: unchanged; 0: the cycle's end */
	int every;                /* -1: unchanged (add: weekly) */
} okr_kr_in;

okr_kr_in okr_kr_in_none(void);

okr_result okr_store_kr_add(okr_store *s, const okr_kr_in *in, int64_t *id);
okr_result okr_store_kr_edit(okr_store *s, int64_t id, int64_t expect_version,
			     const okr_kr_in *in);
okr_result okr_store_kr_archive(okr_store *s, int64_t id, int64_t expect_version);
/* A lead or admin other than its owner approves a key result's terms
 * (start, target, weight) as the ones it is scored by (README "Fair
 * points").  Adding or editing someone else's key result does the same. */
okr_result okr_store_kr_approve(okr_store *s, int64_t id);
okr_result okr_store_kr_unarchive(okr_store *s, int64_t id);
/* What archiving an objective ('O') or key result ('K') takes with it, for
 * the confirmation (archive.h says it in words): src/store/archive.c. */
okr_result okr_store_archive_effect(okr_store *s, char kind, int64_t id, okr_archive_effect *out);
/* Make a key result take its value from a KPI (kpi_id 0: stop). */
okr_result okr_store_kr_link_kpi(okr_store *s, int64_t kr_id, int64_t kpi_id);

/* Append a check-in.  uid is the client-made id (NULL: made here), scoped to
 * the key result and the person writing: a retry of the same check-in (same
 * value, confidence and note) is not added again and the call succeeds with
 * okr_store_last_was_repeat true, so a retried command never counts twice;
 * the same id with anything else is OKR_E_REUSED.  confidence -1: keep none.
 * at 0: now.  Milestones take 1 (done) or 0 (not done). */
okr_result okr_store_checkin(okr_store *s, int64_t kr_id, double value, int confidence,
			     const char *note, const char *uid, okr_time at, int64_t *id);

typedef struct {
	const char *name, *unit, *timeframe, *source, *owner;
	double target;
	okr_direction dir;
	okr_frequency every;
} okr_kpi_in;

okr_result okr_store_kpi_add(okr_store *s, const okr_kpi_in *in, int64_t *id);
/* The same for a KPI value: uid scoped to the KPI and the person. */
okr_result okr_store_kpi_push(okr_store *s, int64_t kpi_id, double value, const char *note,
			      const char *uid, okr_time at, int64_t *id);
/* Whether the last okr_store_checkin or okr_store_kpi_push on this handle
 * found its client id already recorded (and so added nothing). */
bool okr_store_last_was_repeat(const okr_store *s);

okr_result okr_store_comment(okr_store *s, char kind, int64_t target_id, const char *text,
			     okr_time at, int64_t *id);
okr_result okr_store_kudos(okr_store *s, const char *to_login, const char *text,
			   int64_t kr_id, okr_time at, int64_t *id);
/* Whether kudos kudos_id earned its giver points, by the ledger's rule
 * (score_kudos_verdict), and to whom it went (kudos.c). */
okr_result okr_store_kudos_verdict(okr_store *s, int64_t kudos_id, const okr_game_rules *rules,
				   int week_offset_minutes, score_reason *why, char *to_login, size_t len);
okr_result okr_store_grade_set(okr_store *s, int64_t kr_id, double score, const char *note);

/* ---- grades and closing a cycle: src/store/close.c ---- */

/* The grades of a cycle's key results (archived ones included), by KR ID. */
okr_result okr_store_grades(okr_store *s, int64_t cycle_id, okr_grade **out, size_t *n);
/* Mark a cycle closed: read-only from then on (no check-ins, edits or new
 * grades).  Only a lead or admin may; refused while any of its key results
 * (not archived) has no grade, so run it in an okr_store_batch after writing
 * the missing grades (okr cycle close does) to make both one transaction.
 * Before the cycle's last day it is refused (OKR_E_USAGE) unless early_ok:
 * the person confirmed (--force, or y twice in the TUI). */
okr_result okr_store_cycle_close(okr_store *s, int64_t cycle_id, bool early_ok);

/* Copy plan (made by okr_plan_make from `from`, a snapshot of another
 * cycle) into cycle to_cycle in one transaction, through the same checks as
 * okr_store_objective_add / okr_store_kr_add / okr_store_kr_link_kpi:
 * all of it or, on any refusal, nothing.  new_objs[i] (plan->nobjs) and
 * new_krs (plan->nkrs, in plan order) get the new IDs; both may be NULL.
 * src/store/write_plan.c */
struct okr_plan;
okr_result okr_store_cycle_plan(okr_store *s, const okr_snapshot *from, const struct okr_plan *plan,
				int64_t to_cycle, int64_t *new_objs, int64_t *new_krs);

/* Run fn as one transaction: the writes it makes through this API all commit
 * together or not at all (imports, the large benchmark data set). */
okr_result okr_store_batch(okr_store *s, okr_result (*fn)(okr_store *s, void *ctx), void *ctx);

/* ---- what just happened, for hooks: src/store/notify.c ---- */

typedef enum {
	OKR_EVENT_CHECKIN,        /* a new check-in (not a retried one) */
	OKR_EVENT_CELEBRATION,    /* that check-in took its key result over 0.7 or 1.0 */
	OKR_EVENT_CYCLE_CLOSED
} okr_event_kind;

typedef struct {
	okr_event_kind kind;
	okr_time at;
	char *who;                /* login of the person who did it */
	okr_kr kr;                /* checkin, celebration: the key result after the check-in */
	char *objective;          /* its objective's title */
	int64_t checkin_id;
	double value;
	int confidence;           /* -1: none */
	char *note;
	double before, progress;  /* raw progress before and after the check-in */
	double mark;              /* celebration: 0.7 or 1.0 */
	char *cycle;              /* cycle_closed: its name */
	int64_t cycle_id;
} okr_event;

/* Call fn for each event after the transaction that made it has committed
 * (never for one rolled back or retried), on the thread that wrote.  With
 * no listener (the default) the store does none of the extra reads. */
okr_result okr_store_on_event(okr_store *s, void (*fn)(void *ctx, const okr_event *ev), void *ctx);

/* ---- gamification: src/store/events.c ---- */

/* The world of scoring (people, team memberships, key results with their
 * objective, cycle period and grade), read in one transaction.  Cycle days
 * begin at 00:00 in the team's zone, week_offset_minutes east of UTC. */
okr_result okr_store_score_world(okr_store *s, int week_offset_minutes, score_world *out);
void okr_score_world_free(score_world *w);

/* Check-ins, kudos and comments with ids above *after (NULL: all), each kind
 * sorted by (time, id), read in one transaction. */
okr_result okr_store_score_events(okr_store *s, const score_marks *after, score_events *out);
void okr_score_events_free(score_events *ev);

/* Bring *state up to date.  *state NULL, or a changed world (a key result,
 * objective, cycle, grade, team or person changed), or a new event older
 * than one already folded, or other rules than *state's: a new state is built
 * from all events (explaining `explain`, see score_explain) and replaces *state.  Otherwise only the rows
 * added since the last call are read and folded in.  *rebuilt (may be NULL)
 * says which happened.  On error *state is left as it was. */
okr_result okr_store_score_refresh(okr_store *s, const okr_game_rules *rules, int week_offset_minutes,
				   int64_t explain, score_state **state, bool *rebuilt);

/* The score ledger (docs/storage.md): okr_store_score_refresh starts a NULL
 * *state (explain 0) from the fold saved in the database when it was made
 * with these rules from the same world, folds in what was committed since,
 * and saves the fold back when it had to rebuild or the saved one lagged.
 * okr_store_ledger_rebuild folds everything from scratch and saves it. */
okr_result okr_store_ledger_rebuild(okr_store *s, const okr_game_rules *rules, int week_offset_minutes);
/* The saved fold brought up to date, into *state (replacing it), only when
 * that needs no rebuild: OKR_E_NOTFOUND when the ledger is missing or made
 * with other rules or from another world.  For a first frame that must not
 * wait for a rebuild. */
okr_result okr_store_score_ledger(okr_store *s, const okr_game_rules *rules, int week_offset_minutes,
				  score_state **state);
/* For a one-shot reader that only ranks and shows people's results (okr
 * status, okr board --once): when nothing was committed since the ledger
 * was saved, only its board part (score_load_board, a tenth of it);
 * otherwise as okr_store_score_refresh from NULL, saving the ledger back
 * when it lagged by even one event, so that the next such reader finds it
 * current.  Replaces *state. */
okr_result okr_store_score_board(okr_store *s, const okr_game_rules *rules, int week_offset_minutes,
				 score_state **state);

/* ---- team settings: src/store/settings.c ---- */

typedef struct {
	char *key;            /* "gamification.checkin_xp" */
	char *value;          /* libconfig text: 10, 0.15, true, "both" */
	char *by;             /* login of who set it last ("" unknown) */
	okr_time at;
} okr_setting;

/* The team settings set in the database, by key (keys without a row have
 * the built-in default). */
okr_result okr_store_settings(okr_store *s, okr_setting **out, size_t *n);
/* The team settings applied over cfg (the personal okr.conf), so that every
 * command, screen and viewer sees the same statuses, progress and scores. */
okr_result okr_store_team_settings_apply(okr_store *s, okr_config *cfg, char *err, size_t errlen);
void okr_settings_free(okr_setting *v, size_t n);
/* Set key to value (already checked by okr_config_team_literal), audited;
 * leads and admins only.  Joins a batch (okr_store_batch). */
okr_result okr_store_setting_set(okr_store *s, const char *key, const char *value);
/* `okr settings set` and `import`, and the TUI's settings view: set n keys
 * to their literals (each checked by okr_config_team_literal), check the
 * whole set and rebuild the score ledger under it, all in one write; on
 * success *cfg holds the new team settings.  A set that does not hold
 * together (the thresholds' order): OKR_E_USAGE with the reason in err,
 * nothing changed. */
okr_result okr_store_settings_change(okr_store *s, okr_config *cfg, const char *const *keys,
				     const char *const *literals, size_t n, char *err, size_t errlen);

/* ---- what a person last saw on a leaderboard: src/store/look.c ---- */

typedef struct {
	int64_t id;       /* a person or a team */
	int rank;
} okr_look_row;

/* The ranks this store's person saw when they last looked at `board` (a
 * name such as "people/week"), by id; *at is when (0: never, *n 0). */
okr_result okr_store_look_get(okr_store *s, const char *board, okr_look_row **out, size_t *n, okr_time *at);
/* Replace them with rows, seen at `at`.  The viewer's own state: no audit row. */
okr_result okr_store_look_set(okr_store *s, const char *board, const okr_look_row *rows, size_t n, okr_time at);

#endif
