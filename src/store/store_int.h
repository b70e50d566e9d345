/*
 * store_int.h — what the store's own files share.  Not part of the public
 * face: callers see store.h only.
 */
#ifndef OKR_STORE_INT_H
#define OKR_STORE_INT_H

#include <sys/types.h>

#include "engine.h"
#include "okr/store.h"

/* "okr!" in the file header: tells an okr database from any other SQLite file. */
#define STORE_APPLICATION_ID 0x6f6b7221

enum { STORE_CACHE = 96 };

struct okr_store {
	const db_engine *eng;     /* the engine that serves path (engine.c) */
	db_conn *db;
	char *path;
	char *bell;
	okr_person me;            /* its teams are read when first asked for (okr_store_me) */
	bool me_teams;            /* me.teams has been read */
	int flags;
	char err[1024];
	char warning[1024];
	int64_t own_commits;
	void (*on_wait)(void *);
	void *on_wait_ctx;
	int waited_ms;            /* in the current write */
	bool told_wait;
	/* The SQLite engine's, for the file under the path (sqlite/fileid.c, side.c). */
	dev_t file_dev, wal_dev;  /* what the path held at open */
	ino_t file_ino, wal_ino;  /* wal_ino 0: no -wal seen yet */
	uid_t side_uid;           /* owner of a read-only -wal/-shm */
	bool damaged;             /* a query met a damaged page (DB_E_CORRUPT) */
	bool repeat;              /* the last check-in or KPI value was a retry (client_id.c) */
	bool in_txn;              /* inside store_write/store_read: nested writes join it */
	/* Prepared statements kept for reuse, keyed by the address of their SQL
	 * text (always a string literal): a check-in prepares nothing twice.
	 * Each slot holds one statement, either idle (st) or handed out (out). */
	struct { const char *sql; db_stmt *st, *out; } cache[STORE_CACHE];
	int ncache;
	/* Events of the open write, delivered after it commits (notify.c). */
	void (*on_event)(void *, const okr_event *);
	void *on_event_ctx;
	okr_event *events;
	size_t nevents, cap_events;
};

/* Events for okr_store_on_event (notify.c): queued inside a write, dropped
 * when it rolls back or is retried, delivered (then freed) after COMMIT.
 * store_event_add takes ownership of ev's strings. */
void store_event_add(okr_store *s, okr_event *ev);
void store_events_drop(okr_store *s);
void store_events_deliver(okr_store *s);

/* Migrations: schema.c */
extern const char *const store_migrations[];
extern const int store_nmigrations;
okr_result store_migrate(okr_store *s, int upto);
/* The refusal of a file whose schema is newer than this binary knows. */
okr_result store_too_new(okr_store *s, int version);
/* The row triggers a bulk load sets aside and puts back (schema.c). */
extern const db_sql_pair store_bulk_pause, store_bulk_resume;

/* A bulk load — okr import, okr migrate — inside its one write
 * (ledger_bulk.c): store_bulk_begin sets the row triggers of the event
 * tables aside where it may (*paused says whether it did): always on
 * SQLite; on a server only when target_new (a new, empty database nobody
 * reads yet: switching triggers locks the tables) and the tables are ours.
 * store_bulk_end, after the rows and only when paused, puts them back and
 * does once what they would have done row by row.  events: whether the
 * load added check-ins, samples, kudos or comments. */
okr_result store_bulk_begin(okr_store *s, bool target_new, bool *paused);
okr_result store_bulk_end(okr_store *s, bool events);

/* Errors: db.c.  store_fail formats the message and returns code. */
okr_result store_fail(okr_store *s, okr_result code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Turn an engine's result class (engine.h) into a message that says what
 * to do. */
okr_result store_sqlerr(okr_store *s, int rc, const char *doing);

/* Prepare (or take from the cache), or record the error and return NULL.
 * sql must be a string literal or otherwise outlive the store.  Every
 * statement is given back with store_done, which resets it so that no read
 * transaction outlives the call. */
db_stmt *store_prepare(okr_store *s, const char *sql);
void store_done(okr_store *s, db_stmt *st);
void store_cache_clear(okr_store *s);

/* Run fn inside BEGIN IMMEDIATE … COMMIT, retrying the whole transaction while
 * the database is busy; fn's error rolls everything back. */
typedef okr_result (*store_txn_fn)(okr_store *s, void *ctx);
okr_result store_write(okr_store *s, store_txn_fn fn, void *ctx);
/* The same with a read transaction, so a reader sees one consistent state. */
okr_result store_read(okr_store *s, store_txn_fn fn, void *ctx);

/* Inside a write: one audit row. kind: 'O','K','P','C' (cycle),'U' (person),
 * 'T' (team), 'X' (comment), 'D' (kudos), 'G' (grade), 'I' (check-in), 'S'. */
okr_result store_audit(okr_store *s, const char *action, char kind, int64_t id,
		       const char *detail);

/* A fresh client-made unique id (32 hex digits). */
void store_make_uid(char out[33]);

/* Client-made ids, scoped to the key result ('K') or KPI ('P') and the
 * person writing: client_id.c. */
typedef struct {
	char kind;
	int64_t target;
	const char *client, *uid, *note;
	double value;
	int confidence;
} store_client_write;
void store_client_uid(char kind, int64_t target, int64_t author, const char *client, char out[33]);
okr_result store_client_check(okr_store *s, const store_client_write *w, int64_t *id);

/* The files next to the database: sqlite/side.c.  store_side_check refuses a -wal
 * or -shm that is a link, not a regular file, or (for a writer) read-only,
 * naming that file; store_bell_check warns of a doorbell that is no file. */
okr_result store_side_check(okr_store *s);
/* A -shm in use by another process with no -wal beside it: the -wal was
 * deleted under them, and a new one must not share their -shm.  Refused
 * (OKR_E_DB) until they have let go. */
okr_result store_wal_orphan_check(okr_store *s);
void store_bell_check(okr_store *s);

/* sqlite/fileid.c: remember the files at open; the refusal of a write whose file
 * is gone (committed: it was found gone only after COMMIT). */
void store_file_remember(okr_store *s);
void store_file_remember_wal(okr_store *s);
/* The refusal of any call on a handle whose connection was released. */
okr_result store_closed(okr_store *s);
okr_result store_file_lost(okr_store *s, okr_file_state state, bool committed);

/* The engine's busy handler (db_busy_handler): waits in short steps and
 * tells the person. */
int store_busy_handler(void *ctx, int count);

/* Text that people typed: required or not, at most max bytes, valid UTF-8. */
okr_result store_check_text(okr_store *s, const char *what, const char *text, size_t max, bool required);

/* What the store needs to know about a key result before changing it. */
typedef struct {
	int64_t owner, obj_owner, cycle, version;
	okr_kr_type type;
	int64_t kpi;        /* 0: none; else the value comes from this KPI */
	bool closed;        /* its cycle is closed */
} kr_meta;
okr_result store_kr_meta(okr_store *s, int64_t id, kr_meta *m);
/* Inside a write: the key result's current terms become the ones it is
 * scored by, set by the writer — unless the writer owns it.  write_kr.c */
okr_result store_kr_set_terms(okr_store *s, int64_t id);

/* Inside a transaction: refuse a cycle (other than id) sharing a day with
 * [start, end] (write_okr.c; cycle add and import). */
okr_result store_cycle_overlap_check(okr_store *s, int64_t id, const char *name, okr_day start, okr_day end);
/* The same for an archived key result (archived true) or a live one. */
okr_result store_kr_meta_of(okr_store *s, int64_t id, bool archived, kr_meta *m);

/* Inside a transaction: is this cycle closed (read-only)?  close.c */
bool store_cycle_closed(okr_store *s, int64_t cycle_id);

/* ---- one row reader per entity: rows.c ----
 * STORE_*_SELECT is the SELECT … FROM … that the matching store_*_row reads
 * (a query adds its WHERE and ORDER BY), so every query that reads an entity
 * reads it the same way.  The readers take the entity as void * so that
 * store_collect can fill an array of any of them. */
typedef void (*store_row_fn)(db_stmt *st, void *row);
/* Step st to the end, one zeroed element of `size` bytes per row filled by
 * fn, into *(T **)out and *n; then store_done.  On an error the rows read so
 * far stay in *out for the caller to free, and the result says `doing`. */
okr_result store_collect(okr_store *s, db_stmt *st, store_row_fn fn, size_t size, void *out, size_t *n,
			 const char *doing);

#define STORE_CYCLE_SELECT "SELECT id, name, start_day, end_day, state, is_current FROM cycle"
#define STORE_PERSON_TEAMS \
	"SELECT group_concat(t.name, ', ') FROM team_member m JOIN team t ON t.id = m.team_id"
#define STORE_PERSON_COLS "SELECT p.id, p.login, p.name, p.role, p.opt_out, "
#define STORE_PERSON_SELECT \
	STORE_PERSON_COLS "COALESCE((" STORE_PERSON_TEAMS " WHERE m.person_id = p.id), '') FROM person p"
/* The same columns without the teams (''), for the person opening okr. */
#define STORE_ME_SELECT STORE_PERSON_COLS "'' FROM person p"
#define STORE_TEAM_SELECT "SELECT id, name, COALESCE(parent_id, 0) FROM team"
#define STORE_OBJ_SELECT \
	"SELECT o.id, o.cycle_id, o.title, o.description, COALESCE(o.owner_id, 0), " \
	"COALESCE(p.login, ''), COALESCE(o.team_id, 0), COALESCE(t.name, ''), COALESCE(o.parent_id, 0), " \
	"o.kind, o.state, o.weight, o.version, o.archived " \
	"FROM objective o LEFT JOIN person p ON p.id = o.owner_id LEFT JOIN team t ON t.id = o.team_id"

/* The latest check-in comes from checkin_latest (schema 4: one row per key
 * result, kept by a trigger); a KR that tracks a KPI takes the KPI's latest
 * sample through the (kpi_id, at) index: one seek per such key result. */
#define STORE_KPI_LATEST_ID(kpi) "(SELECT id FROM kpi_sample WHERE kpi_id = " kpi " ORDER BY at DESC, id DESC LIMIT 1)"
#define STORE_KR_LATEST \
	"LEFT JOIN checkin_latest c ON c.kr_id = k.id " \
	"LEFT JOIN kpi_sample s ON s.id = " STORE_KPI_LATEST_ID("k.kpi_id")
#define STORE_KR_SELECT \
	"SELECT k.id, k.objective_id, k.title, COALESCE(k.owner_id, 0), COALESCE(p.login, ''), k.weight, " \
	"k.due_day, k.type, k.start_value, k.target_value, k.direction, k.unit, k.decimals, k.frequency, " \
	"COALESCE(k.kpi_id, 0), k.version, k.archived, " \
	"CASE WHEN k.kpi_id IS NULL THEN c.value ELSE s.value END, " \
	"COALESCE(c.confidence, -1), " \
	"CASE WHEN k.kpi_id IS NULL THEN c.at ELSE s.at END, k.created_at, " \
	"k.terms_by IS NULL OR k.terms_by IS NOT DISTINCT FROM k.owner_id " \
	"FROM key_result k LEFT JOIN person p ON p.id = k.owner_id " STORE_KR_LATEST
#define STORE_KPI_SELECT \
	"SELECT k.id, k.name, k.unit, k.target, k.direction, k.timeframe, k.source, k.frequency, " \
	"COALESCE(k.owner_id, 0), COALESCE(p.login, ''), k.version, s.value, s.at " \
	"FROM kpi k LEFT JOIN person p ON p.id = k.owner_id " \
	"LEFT JOIN kpi_sample s ON s.id = " STORE_KPI_LATEST_ID("k.id")

#define STORE_CHECKIN_SELECT \
	"SELECT c.id, c.kr_id, p.login, c.value, COALESCE(c.confidence, -1), c.note, c.at, c.uid " \
	"FROM checkin c JOIN person p ON p.id = c.author_id"
#define STORE_SAMPLE_SELECT \
	"SELECT x.id, x.kpi_id, p.login, x.value, x.note, x.at, x.uid " \
	"FROM kpi_sample x JOIN person p ON p.id = x.author_id"
#define STORE_COMMENT_SELECT \
	"SELECT c.id, c.target_kind, c.target_id, p.login, c.text, c.at " \
	"FROM comment c JOIN person p ON p.id = c.author_id"
#define STORE_KUDOS_SELECT \
	"SELECT k.id, f.login, t.login, k.text, COALESCE(k.kr_id, 0), k.at " \
	"FROM kudos k JOIN person f ON f.id = k.from_id JOIN person t ON t.id = k.to_id"
#define STORE_GRADE_SELECT \
	"SELECT g.kr_id, g.score, g.note, p.login, g.at FROM grade g JOIN person p ON p.id = g.author_id"
#define STORE_SETTING_SELECT \
	"SELECT t.key, t.value, COALESCE(p.login, ''), t.at FROM team_setting t LEFT JOIN person p ON p.id = t.by_id"
/* The item's title or name as it is now, so a row says what it was about
 * even when the detail holds only a value. */
#define STORE_AUDIT_SELECT \
	"SELECT a.id, a.at, COALESCE(p.login, '?'), a.action, a.entity, COALESCE(a.entity_id, 0), a.detail," \
	" COALESCE(CASE a.entity" \
	"  WHEN 'O' THEN (SELECT title FROM objective WHERE id = a.entity_id)" \
	"  WHEN 'K' THEN (SELECT title FROM key_result WHERE id = a.entity_id)" \
	"  WHEN 'P' THEN (SELECT name FROM kpi WHERE id = a.entity_id)" \
	"  WHEN 'C' THEN (SELECT name FROM cycle WHERE id = a.entity_id)" \
	"  WHEN 'T' THEN (SELECT name FROM team WHERE id = a.entity_id)" \
	"  WHEN 'U' THEN (SELECT login FROM person WHERE id = a.entity_id)" \
	" END, '')" \
	" FROM audit a LEFT JOIN person p ON p.id = a.person_id"

void store_cycle_row(db_stmt *st, void *cycle);        /* okr_cycle, its state as stored */
void store_team_row(db_stmt *st, void *team);          /* okr_team */
void store_objective_row(db_stmt *st, void *objective); /* okr_objective */
void store_kr_row(db_stmt *st, void *kr);              /* okr_kr, with its current value */
void store_kpi_row(db_stmt *st, void *kpi);            /* okr_kpi, with its latest value */
void store_checkin_row(db_stmt *st, void *checkin);    /* okr_checkin */
void store_sample_row(db_stmt *st, void *sample);      /* okr_sample */
void store_comment_row(db_stmt *st, void *comment);    /* okr_comment */
void store_kudos_row(db_stmt *st, void *kudos);        /* okr_kudos */
void store_grade_row(db_stmt *st, void *grade);        /* okr_grade */
void store_audit_row(db_stmt *st, void *entry);        /* okr_audit_entry */
void store_setting_row(db_stmt *st, void *setting);    /* okr_setting */
void store_int64_row(db_stmt *st, void *id);           /* int64_t: the first column */

/* Key results with only what their progress is made of (read_team.c): the
 * live ones of one objective (?1), or in id order every live one from the
 * first of cycle ?1 on (with some of later cycles: the caller keeps its own). */
extern const char store_kr_progress_of_obj[], store_kr_progress_of_cycle[];
void store_kr_progress_row(db_stmt *st, okr_kr *k);

/* The score ledger: ledger.c.  What the saved row says it reflects. */
typedef struct {
	bool present;
	bool broken;             /* matched but could not be read: replace it */
	uint64_t rules, world;
	int64_t seq;
} store_ledger_info;
/* Whether the score journal still holds every event after cursor (rows
 * older than the saved ledger are pruned when it is saved); head is
 * store_ledger_head's. */
okr_result store_journal_holds(okr_store *s, int64_t cursor, int64_t head, bool *whole);
/* The last commit sequence number handed to an event (0: none yet). */
okr_result store_ledger_head(okr_store *s, int64_t *seq);
okr_result store_ledger_meta(okr_store *s, store_ledger_info *out);
/* The saved fold if it matches these rules and this world, else NULL. */
score_state *store_ledger_load(okr_store *s, uint64_t rules, uint64_t world);
/* Its board part alone (score_load_board), when the row is still the one
 * saved describes; else NULL. */
score_state *store_ledger_load_board(okr_store *s, const store_ledger_info *saved);
/* Outside a transaction: save state when the saved row (as read with it) is
 * missing, made with other rules or world, or LEDGER_LAG events behind —
 * eager: any event behind (a one-shot reader, whose successors would each
 * fold the same events again).  A board-only state is never saved. */
void store_ledger_keep(okr_store *s, const score_state *state, const store_ledger_info *saved, bool eager);
/* Save state whatever the row holds, waiting for the write lock. */
okr_result store_ledger_save(okr_store *s, const score_state *state);
/* A cache's write (the score ledger, the teams' progress): body inside one
 * quiet write transaction, tried once without waiting — through a
 * connection of its own when s is open read-only — and given up when the
 * file is busy or not writable: a later reader saves.  ledger.c */
void store_cache_write(okr_store *s, int (*body)(db_conn *db, void *arg), void *arg);

/* Column helpers. */
char *store_col_text(db_stmt *st, int col);  /* malloc'd, never NULL */
/* A column that holds a word of the model's vocabulary (model.h): its value,
 * or fallback for NULL or a word the vocabulary does not have. */
int store_col_word(db_stmt *st, int col, const okr_vocab *v, int fallback);
/* The id in the first row of sql with ?1 bound to name, or 0. */
int64_t store_id_by_text(okr_store *s, const char *sql, const char *name);
/* Step an INSERT … RETURNING id once into *id, then store_done; an error
 * says `doing`. */
okr_result store_insert_id(okr_store *s, db_stmt *st, int64_t *id, const char *doing);
/* Step a statement that returns no rows (UPDATE, DELETE, INSERT) once, then
 * store_done; an error says `doing`. */
okr_result store_step_done(okr_store *s, db_stmt *st, const char *doing);
/* The first column of the first row of sql with ?1 bound to id, or 0 (no
 * row, or an error). */
int64_t store_int_by_id(okr_store *s, const char *sql, int64_t id);
/* Step st once: a row is read by fn into out; no row is OKR_E_NOTFOUND with
 * no message (the caller says what is missing); then store_done. */
okr_result store_one_row(okr_store *s, db_stmt *st, store_row_fn fn, void *out, const char *doing);
/* The row of an objective or key result, archived or live as asked, read
 * by fn into out: sql binds ?1 to id and ?2 to archived.  None is
 * OKR_E_NOTFOUND with no message (the caller names the item). */
okr_result store_item_row(okr_store *s, const char *sql, int64_t id, bool archived, store_row_fn fn, void *out);
/* Bind a one-letter kind ('O', 'K', …) as text. */
void store_bind_kind(db_stmt *st, int i, char kind);
int64_t store_person_id(okr_store *s, const char *login);  /* 0: unknown */
/* A person by login or display name, folded (names.c); fails with a message
 * that lists the candidates when the name is ambiguous. */
okr_result store_person_ref(okr_store *s, const char *who, int64_t *id);
/* A KPI by folded name: its id, or 0 (*r says whether it was ambiguous). */
int64_t store_kpi_ref(okr_store *s, const char *name, okr_result *r);
int64_t store_team_ref(okr_store *s, const char *name);   /* 0: none or ambiguous */
int64_t store_cycle_ref(okr_store *s, const char *name);  /* 0: none or ambiguous */
/* The one refusal for a login the database does not know, with its fix. */
okr_result store_fail_no_person(okr_store *s, const char *login);

int64_t store_team_id(okr_store *s, const char *name);    /* 0: unknown */
void store_person_row(db_stmt *st, void *person);   /* okr_person, with its teams (people.c) */
/* The opening person's own row (s->me.login) without their teams, or
 * OKR_E_NOTFOUND when they are not registered yet (people.c). */
okr_result store_me_row(okr_store *s, okr_person *out);

#endif
