/*
 * engine.h — the seam between the store and a database engine.
 *
 * Everything in src/store/ above this line speaks SQL through these calls
 * and nothing else; an engine (src/store/sqlite/, src/store/pg/) supplies one
 * db_engine table.  The calls have the shape of SQLite's C API, so that code
 * written against sqlite3_* converts mechanically (tools/engine-convert.sh):
 *
 *     db_bind_int64(st, 1, v)   →  db_bind_int64(st, 1, v)
 *     db_step(st) == DB_ROW →  db_step(st) == DB_ROW
 *
 * Conventions every engine keeps:
 *  - SQL is written once, with `?` or `?N` placeholders (1-based); an engine
 *    whose server wants `$n` rewrites the text in its prepare.  Where the two
 *    dialects cannot share a text, both live side by side in one table
 *    (db_sql_pick) rather than behind an `if` at the call site.
 *  - A statement is prepared once and reused: step until DB_DONE or an
 *    error, then db_reset (bindings stay until db_clear_bindings).
 *  - Results are small ints: DB_OK, DB_ROW, DB_DONE, or a DB_E_* class.
 *    The class is all the store switches on to choose a message or to run a
 *    transaction again; db_errmsg has the engine's own words for a log.
 *  - Text is UTF-8; a NULL column reads as 0, 0.0 or a NULL pointer.
 *  - An insert that needs the new row's id says `RETURNING id` and reads it
 *    as a row (db_step_id), which both engines accept.
 */
#ifndef OKR_STORE_ENGINE_H
#define OKR_STORE_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "okr/store.h"

typedef struct db_engine db_engine;
typedef struct db_conn db_conn;
typedef struct db_stmt db_stmt;

/* Results.  Errors are classes, not an engine's own numbers. */
enum {
	DB_OK = 0,
	DB_E_ERROR,          /* anything not below (a bug: bad SQL, misuse) */
	DB_E_BUSY,           /* another writer held the lock past our wait (SQLite BUSY/LOCKED) */
	DB_E_RETRY,          /* run the whole transaction again: serialization failure, deadlock */
	DB_E_UNIQUE,         /* a UNIQUE or PRIMARY KEY constraint */
	DB_E_CHECK,          /* a CHECK constraint */
	DB_E_FOREIGN_KEY,    /* a FOREIGN KEY constraint */
	DB_E_NOT_NULL,       /* a NOT NULL constraint */
	DB_E_REFUSED,        /* a trigger refused the change (append-only rows) */
	DB_E_DENIED,         /* the server's grants or row policies refuse it */
	DB_E_FULL,           /* the disk (or the server's) is full */
	DB_E_READONLY,       /* the database cannot be written by us */
	DB_E_MOVED,          /* the file was moved or replaced under us */
	DB_E_CORRUPT,        /* damaged, or not a database at all */
	DB_E_IO,             /* an input/output error */
	DB_E_SHORT_READ,     /* a file cut short under us (a -wal deleted by hand) */
	DB_E_CANTOPEN,       /* cannot open the database (missing, permissions) */
	DB_E_PERM,           /* the system refused access */
	DB_E_CONNLOST,       /* the connection to the server is gone: reconnect */
	DB_E_NOMEM,
	DB_ROW = 100,        /* db_step: a row is ready */
	DB_DONE = 101,       /* db_step: the statement has finished */
};

/* Column types, as db_column_type reports them. */
enum { DB_INTEGER = 1, DB_FLOAT = 2, DB_TEXT = 3, DB_BLOB = 4, DB_NULL = 5 };

/* db_begin */
enum {
	DB_READ = 0,
	DB_WRITE = 1,
	DB_WRITE_QUIET = 2,   /* a write no watcher needs to hear of (the score ledger, a cache) */
};

/* db_connect: how a raw connection is opened. */
enum {
	DB_CONNECT_READONLY = 1 << 0,
	DB_CONNECT_CREATE   = 1 << 1,   /* SQLite: make the file */
	DB_CONNECT_MEMORY   = 1 << 2,   /* a private, empty database that vanishes on close */
};

/* ---- connections ------------------------------------------------------- */

/* A raw connection to target (a path, a conninfo) with the engine that
 * claims it.  *out is set even on failure (for db_errmsg), except NULL when
 * the engine could not even allocate; always db_close it. */
int db_connect(const char *target, int flags, db_conn **out);
void db_close(db_conn *c);
const char *db_engine_name(const db_conn *c);   /* "sqlite", "postgresql" */
/* The engine's own words for the last error on c (for "unexpected" messages). */
const char *db_errmsg(db_conn *c);
/* The class of the last error on c (DB_OK when the last call succeeded). */
int db_errcode(db_conn *c);
/* Words for a class, when there is no connection to ask. */
const char *db_errstr(int rc);

/* Run a script of statements without parameters (schema steps, pragmas). */
int db_exec(db_conn *c, const char *sql);

/* Transactions.  DB_WRITE takes the write lock at once (SQLite BEGIN
 * IMMEDIATE; PostgreSQL a serializable or read-committed write with the
 * store's own retry), so that a read-then-write never fails half way on a
 * stale snapshot.  DB_READ gives one consistent view for the reads inside.
 * A commit of a write makes waiters on other connections wake (PostgreSQL:
 * NOTIFY inside the transaction; SQLite: db_announce after it). */
int db_begin(db_conn *c, int mode);
int db_commit(db_conn *c);
int db_rollback(db_conn *c);

/* Rows changed by the last INSERT, UPDATE or DELETE on c. */
int64_t db_changes(db_conn *c);

/* Called by the engine while it waits for a lock (count: how many times so
 * far); return nonzero to keep waiting.  Same contract as sqlite3's busy
 * handler; an engine that waits on the server may call it between tries or
 * never.  fn NULL: do not wait at all. */
void db_busy_handler(db_conn *c, int (*fn)(void *ctx, int count), void *ctx);

/* Housekeeping after a successful commit of a write (SQLite: a passive
 * checkpoint, so the write reaches the main file at once). */
void db_after_commit(db_conn *c);
/* Tell the other processes that this connection committed (SQLite: ring the
 * doorbell file; PostgreSQL: nothing, the NOTIFY went with the COMMIT). */
void db_announce(db_conn *c);
/* A number that changes when another connection commits (SQLite: PRAGMA
 * data_version; PostgreSQL: what LISTEN has seen).  Cheap: polled. */
int64_t db_data_version(db_conn *c);

/* Waiting for other processes' commits.  A descriptor to poll() for input
 * (-1: none; then only the caller's slow timer notices); after it polls
 * readable, db_wait_ack reads what is pending and says whether it was a
 * commit (true) or noise.  The descriptor may change after an ack (a
 * doorbell file replaced is watched again), so ask for it before each poll. */
int db_wait_fd(db_conn *c);
bool db_wait_ack(db_conn *c);

/* ---- statements --------------------------------------------------------- */

int db_prepare(db_conn *c, const char *sql, db_stmt **out);
/* Kept for many uses (SQLite: SQLITE_PREPARE_PERSISTENT; PostgreSQL: a named
 * server-side statement). */
int db_prepare_persistent(db_conn *c, const char *sql, db_stmt **out);
int db_step(db_stmt *st);
int db_reset(db_stmt *st);
void db_clear_bindings(db_stmt *st);
void db_finalize(db_stmt *st);   /* NULL is fine */

int db_bind_int64(db_stmt *st, int i, int64_t v);
int db_bind_double(db_stmt *st, int i, double v);
/* len -1: up to the NUL.  The text is copied. */
int db_bind_text(db_stmt *st, int i, const char *v, int len);
/* The same, but v must stay valid until the statement is stepped to its end
 * or reset (no copy: for long loops over the caller's own strings). */
int db_bind_text_static(db_stmt *st, int i, const char *v, int len);
/* Takes ownership of v (freed with free() once the engine is done with it). */
int db_bind_blob_free(db_stmt *st, int i, void *v, size_t len);
int db_bind_null(db_stmt *st, int i);

int db_column_count(db_stmt *st);
int db_column_type(db_stmt *st, int col);
int64_t db_column_int64(db_stmt *st, int col);
double db_column_double(db_stmt *st, int col);
/* NULL for a NULL column; valid until the next step or reset. */
const char *db_column_text(db_stmt *st, int col);
const void *db_column_blob(db_stmt *st, int col);
int db_column_bytes(db_stmt *st, int col);
/* The name of a result column (valid while the statement is). */
const char *db_column_name(db_stmt *st, int col);

static inline int db_column_int(db_stmt *st, int col)
{
	return (int)db_column_int64(st, col);
}

static inline bool db_column_is_null(db_stmt *st, int col)
{
	return db_column_type(st, col) == DB_NULL;
}

/* Step an INSERT … RETURNING id (or any statement whose first row's first
 * column is wanted): DB_DONE with *id set, or an error.  No row (an
 * ON CONFLICT DO NOTHING that did nothing) is DB_DONE with *id = 0. */
int db_step_id(db_stmt *st, int64_t *id);

/* Is this class worth running the whole transaction again? */
static inline bool db_retryable(int rc)
{
	return rc == DB_E_BUSY || rc == DB_E_RETRY;
}

/* ---- what the store asks of an engine beyond SQL -------------------------
 *
 * The store's own behaviour around the connection also differs: SQLite
 * checks the file and its -wal/-shm/doorbell neighbours before opening and
 * after each write, keeps its schema number in PRAGMA user_version and takes
 * migrations under BEGIN IMMEDIATE; a server keeps a version table under an
 * advisory lock.  These take the okr_store (store_int.h) so that they can
 * put their message in it with store_fail.
 */
struct db_engine {
	const char *name;
	/* Does this engine take target?  The SQLite engine takes anything no
	 * other engine claims, so it is tried last. */
	bool (*claims)(const char *target);

	/* -- the store's side (okr_store is store_int.h's) -- */
	/* Check, connect, set up: on success s->db is open and the schema is
	 * known to be one this binary may use (not newer).  Messages through
	 * store_fail. */
	okr_result (*open)(okr_store *s);
	/* After migrations and registration: warnings (okr_store_warning). */
	void (*opened)(okr_store *s);
	/* The cause behind an I/O, read-only or cannot-open error that the
	 * engine can name better (a deleted file, a full disk): its message,
	 * or OKR_OK when it knows nothing more. */
	okr_result (*cause)(okr_store *s, int rc);
	okr_file_state (*file_state)(okr_store *s);
	void (*release)(okr_store *s);
	okr_result (*health)(okr_store *s);
	/* The schema number (-1: could not read it, the error is on s->db) and,
	 * inside the migration's write, setting it. */
	int (*schema_version)(okr_store *s);
	int (*set_schema_version)(okr_store *s, int v);
	/* Migration i takes the schema from i to i+1.  Both engines have the
	 * same number of steps, so a schema number means the same on both. */
	const char *const *migrations;
	/* Is something at target already (a file; a server is assumed to be)? */
	bool (*exists)(const char *target);
	/* Before a first `okr init` at the default place: make its directories. */
	void (*make_room)(const char *target);
	/* Start loading what connect will need, on a thread of its own
	 * (okr_store_preload); NULL: nothing to load. */
	void (*preload)(void);
	/* Remove what an open with OKR_OPEN_CREATE made (a failed import into a
	 * new database leaves nothing behind); s is closed after. */
	void (*discard)(okr_store *s);

	/* -- the connection's side -- */
	int (*connect)(const char *target, int flags, db_conn **out);
	void (*close)(db_conn *c);
	const char *(*errmsg)(db_conn *c);
	int (*errcode)(db_conn *c);
	int (*exec)(db_conn *c, const char *sql);
	int (*begin)(db_conn *c, int mode);
	int (*commit)(db_conn *c);
	int (*rollback)(db_conn *c);
	int64_t (*changes)(db_conn *c);
	void (*busy_handler)(db_conn *c, int (*fn)(void *, int), void *ctx);
	void (*after_commit)(db_conn *c);
	void (*announce)(db_conn *c);
	int64_t (*data_version)(db_conn *c);
	int (*wait_fd)(db_conn *c);
	bool (*wait_ack)(db_conn *c);

	int (*prepare)(db_conn *c, const char *sql, bool persistent, db_stmt **out);
	int (*step)(db_stmt *st);
	int (*reset)(db_stmt *st);
	void (*clear_bindings)(db_stmt *st);
	void (*finalize)(db_stmt *st);
	int (*bind_int64)(db_stmt *st, int i, int64_t v);
	int (*bind_double)(db_stmt *st, int i, double v);
	int (*bind_text)(db_stmt *st, int i, const char *v, int len, bool copy);
	int (*bind_blob_free)(db_stmt *st, int i, void *v, size_t len);
	int (*bind_null)(db_stmt *st, int i);
	int (*column_count)(db_stmt *st);
	int (*column_type)(db_stmt *st, int col);
	int64_t (*column_int64)(db_stmt *st, int col);
	double (*column_double)(db_stmt *st, int col);
	const char *(*column_text)(db_stmt *st, int col);
	const void *(*column_blob)(db_stmt *st, int col);
	int (*column_bytes)(db_stmt *st, int col);
	const char *(*column_name)(db_stmt *st, int col);
};

/* Every engine's connection and statement start with these, so the calls
 * above can find their engine; nothing else looks inside. */
struct db_conn { const db_engine *eng; };
struct db_stmt { const db_engine *eng; };

/* The engine for a target: the first in engine.c's list that claims it. */
const db_engine *db_engine_for(const char *target);

extern const db_engine db_engine_sqlite;
extern const db_engine db_engine_pg;   /* src/store/pg/: conninfo and postgres(ql):// URIs */

/* Statements whose text differs by engine: one row per statement, both
 * texts side by side (engine.c picks by db_engine_name).  A NULL text is
 * the SQLite one (not written yet for that engine); "" means there is
 * nothing to run on that engine (a tuning pragma). */
typedef struct {
	const char *sqlite, *postgresql;
} db_sql_pair;
const char *db_sql_pick(const db_conn *c, const db_sql_pair *p);

#endif
