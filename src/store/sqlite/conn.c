/*
 * conn.c — the SQLite engine's connections and statements: engine.h's
 * calls on top of sqlite3's, and SQLite's result codes sorted into the
 * classes the store switches on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/util.h"
#include "sqlite_int.h"

int sq_class(int rc)
{
	switch (rc) {
	case SQLITE_OK: return DB_OK;
	case SQLITE_ROW: return DB_ROW;
	case SQLITE_DONE: return DB_DONE;
	case SQLITE_BUSY_SNAPSHOT: return DB_E_RETRY;
	case SQLITE_READONLY_DBMOVED: return DB_E_MOVED;
	case SQLITE_IOERR_SHORT_READ: return DB_E_SHORT_READ;
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY: return DB_E_UNIQUE;
	case SQLITE_CONSTRAINT_FOREIGNKEY: return DB_E_FOREIGN_KEY;
	case SQLITE_CONSTRAINT_NOTNULL: return DB_E_NOT_NULL;
	case SQLITE_CONSTRAINT_TRIGGER: return DB_E_REFUSED;
	default: break;
	}
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return DB_E_BUSY;
	case SQLITE_CONSTRAINT: return DB_E_CHECK;
	case SQLITE_FULL: return DB_E_FULL;
	case SQLITE_READONLY: return DB_E_READONLY;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB: return DB_E_CORRUPT;
	case SQLITE_IOERR: return DB_E_IO;
	case SQLITE_CANTOPEN: return DB_E_CANTOPEN;
	case SQLITE_PERM:
	case SQLITE_AUTH: return DB_E_PERM;
	case SQLITE_NOMEM: return DB_E_NOMEM;
	default: return DB_E_ERROR;
	}
}

static int sq_connect(const char *target, int flags, db_conn **out)
{
	sq_conn *c = okr_xcalloc(1, sizeof *c);
	c->base.eng = &db_engine_sqlite;
	c->watch.fd = -1;
	*out = &c->base;
	int oflags = (flags & DB_CONNECT_READONLY) ? SQLITE_OPEN_READONLY
		: SQLITE_OPEN_READWRITE | ((flags & (DB_CONNECT_CREATE | DB_CONNECT_MEMORY)) ? SQLITE_OPEN_CREATE : 0);
	const char *path = (flags & DB_CONNECT_MEMORY) ? ":memory:" : target;
	if (!(flags & DB_CONNECT_MEMORY)) {
		size_t n = strlen(target) + 6;
		c->bell = okr_xmalloc(n);
		snprintf(c->bell, n, "%s-bell", target);
	}
	int rc = sqlite3_open_v2(path, &c->db, oflags | SQLITE_OPEN_NOFOLLOW, NULL);
	if (c->db)
		sqlite3_extended_result_codes(c->db, 1);
	return sq_class(rc);
}

static void sq_close(db_conn *base)
{
	sq_conn *c = (sq_conn *)base;
	sq_watch_close(c);
	sqlite3_finalize(c->data_version);
	sqlite3_close_v2(c->db);
	free(c->bell);
	free(c);
}

static const char *sq_errmsg(db_conn *c)
{
	return sq_db(c) ? sqlite3_errmsg(sq_db(c)) : sqlite3_errstr(SQLITE_NOMEM);
}

static int sq_errcode(db_conn *c)
{
	return sq_db(c) ? sq_class(sqlite3_extended_errcode(sq_db(c))) : DB_E_NOMEM;
}

static int sq_exec(db_conn *c, const char *sql)
{
	return sq_class(sqlite3_exec(sq_db(c), sql, NULL, NULL, NULL));
}

/* A write takes the write lock at once (IMMEDIATE): a read that later
 * writes could otherwise fail on a stale snapshot however long it waited. */
static int sq_begin(db_conn *c, int mode)
{
	return sq_exec(c, mode == DB_READ ? "BEGIN" : "BEGIN IMMEDIATE");
}

static int sq_commit(db_conn *c)
{
	return sq_exec(c, "COMMIT");
}

static int sq_rollback(db_conn *c)
{
	return sq_exec(c, "ROLLBACK");
}

static int64_t sq_changes(db_conn *c)
{
	return sqlite3_changes64(sq_db(c));
}

static void sq_busy_handler(db_conn *c, int (*fn)(void *, int), void *ctx)
{
	sqlite3_busy_handler(sq_db(c), fn, ctx);
}

/* A passive checkpoint never waits for readers: okr's own writes reach the
 * database file at once rather than when the -wal fills. */
static void sq_after_commit(db_conn *c)
{
	sqlite3_wal_checkpoint_v2(sq_db(c), NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

static void sq_announce(db_conn *c)
{
	sq_bell_ring((sq_conn *)c);
}

/* PRAGMA data_version moves when another connection commits (never for
 * this one's own commits: the store counts those). */
static int64_t sq_data_version(db_conn *base)
{
	sq_conn *c = (sq_conn *)base;
	if (!c->data_version &&
	    sqlite3_prepare_v3(c->db, "PRAGMA data_version", -1, SQLITE_PREPARE_PERSISTENT, &c->data_version,
			       NULL) != SQLITE_OK)
		return 0;
	int64_t v = 0;
	if (sqlite3_step(c->data_version) == SQLITE_ROW)
		v = sqlite3_column_int64(c->data_version, 0);
	sqlite3_reset(c->data_version);
	return v;
}

static int sq_wait_fd(db_conn *c) { return sq_watch_fd((sq_conn *)c); }
static bool sq_wait_ack(db_conn *c) { return sq_watch_ack((sq_conn *)c); }

static int sq_prepare(db_conn *base, const char *sql, bool persistent, db_stmt **out)
{
	sq_conn *c = (sq_conn *)base;
	sqlite3_stmt *raw = NULL;
	*out = NULL;
	int rc = sqlite3_prepare_v3(c->db, sql, -1, persistent ? SQLITE_PREPARE_PERSISTENT : 0, &raw, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(raw);
		return sq_class(rc);
	}
	sq_stmt *st = okr_xmalloc(sizeof *st);
	st->base.eng = &db_engine_sqlite;
	st->st = raw;
	st->conn = c;
	*out = &st->base;
	return DB_OK;
}

static inline sqlite3_stmt *raw(db_stmt *st)
{
	return ((sq_stmt *)st)->st;
}

static int sq_step(db_stmt *st) { return sq_class(sqlite3_step(raw(st))); }
static int sq_reset(db_stmt *st) { return sq_class(sqlite3_reset(raw(st))); }
static void sq_clear_bindings(db_stmt *st) { sqlite3_clear_bindings(raw(st)); }

static void sq_finalize(db_stmt *st)
{
	sqlite3_finalize(raw(st));
	free(st);
}

static int sq_bind_int64(db_stmt *st, int i, int64_t v) { return sq_class(sqlite3_bind_int64(raw(st), i, v)); }
static int sq_bind_double(db_stmt *st, int i, double v) { return sq_class(sqlite3_bind_double(raw(st), i, v)); }
static int sq_bind_null(db_stmt *st, int i) { return sq_class(sqlite3_bind_null(raw(st), i)); }

static int sq_bind_text(db_stmt *st, int i, const char *v, int len, bool copy)
{
	return sq_class(sqlite3_bind_text(raw(st), i, v, len, copy ? SQLITE_TRANSIENT : SQLITE_STATIC));
}

static int sq_bind_blob_free(db_stmt *st, int i, void *v, size_t len)
{
	return sq_class(sqlite3_bind_blob64(raw(st), i, v, len, free));
}

static int sq_column_count(db_stmt *st) { return sqlite3_column_count(raw(st)); }
static int64_t sq_column_int64(db_stmt *st, int col) { return sqlite3_column_int64(raw(st), col); }
static double sq_column_double(db_stmt *st, int col) { return sqlite3_column_double(raw(st), col); }
static const void *sq_column_blob(db_stmt *st, int col) { return sqlite3_column_blob(raw(st), col); }
static int sq_column_bytes(db_stmt *st, int col) { return sqlite3_column_bytes(raw(st), col); }
static const char *sq_column_name(db_stmt *st, int col) { return sqlite3_column_name(raw(st), col); }

static int sq_column_type(db_stmt *st, int col)
{
	switch (sqlite3_column_type(raw(st), col)) {
	case SQLITE_INTEGER: return DB_INTEGER;
	case SQLITE_FLOAT: return DB_FLOAT;
	case SQLITE_TEXT: return DB_TEXT;
	case SQLITE_BLOB: return DB_BLOB;
	default: return DB_NULL;
	}
}

static const char *sq_column_text(db_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(raw(st), col);
}

/* Anything no other engine claims is a file path. */
static bool sq_claims(const char *target)
{
	(void)target;
	return true;
}

extern const char *const store_migrations[];

const db_engine db_engine_sqlite = {
	.name = "sqlite",
	.claims = sq_claims,
	.open = sq_open,
	.opened = sq_opened,
	.cause = sq_cause,
	.file_state = sq_file_state,
	.release = sq_release,
	.health = sq_health,
	.schema_version = sq_schema_version,
	.set_schema_version = sq_set_schema_version,
	.migrations = store_migrations,
	.exists = sq_exists,
	.make_room = sq_make_room,
	.discard = sq_discard,
	.connect = sq_connect,
	.close = sq_close,
	.errmsg = sq_errmsg,
	.errcode = sq_errcode,
	.exec = sq_exec,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.changes = sq_changes,
	.busy_handler = sq_busy_handler,
	.after_commit = sq_after_commit,
	.announce = sq_announce,
	.data_version = sq_data_version,
	.wait_fd = sq_wait_fd,
	.wait_ack = sq_wait_ack,
	.prepare = sq_prepare,
	.step = sq_step,
	.reset = sq_reset,
	.clear_bindings = sq_clear_bindings,
	.finalize = sq_finalize,
	.bind_int64 = sq_bind_int64,
	.bind_double = sq_bind_double,
	.bind_text = sq_bind_text,
	.bind_blob_free = sq_bind_blob_free,
	.bind_null = sq_bind_null,
	.column_count = sq_column_count,
	.column_type = sq_column_type,
	.column_int64 = sq_column_int64,
	.column_double = sq_column_double,
	.column_text = sq_column_text,
	.column_blob = sq_column_blob,
	.column_bytes = sq_column_bytes,
	.column_name = sq_column_name,
};
