/*
 * engine.c — which engine serves a target, and the calls of engine.h
 * passed on to it.
 *
 * The calls are thin on purpose: one indirect call each, so that the store
 * pays nothing measurable for not knowing its engine.  What is the same for
 * every engine (db_step_id, the words of a class) is written here once.
 */
#include <string.h>

#include "engine.h"

/* Tried in order; SQLite claims whatever no other engine does. */
static const db_engine *const engines[] = {
	&db_engine_pg,
	&db_engine_sqlite,
};

const db_engine *db_engine_for(const char *target)
{
	size_t n = sizeof engines / sizeof engines[0];
	for (size_t i = 0; i + 1 < n; i++)
		if (engines[i]->claims(target))
			return engines[i];
	return engines[n - 1];
}

int db_connect(const char *target, int flags, db_conn **out)
{
	return db_engine_for(target)->connect(target, flags, out);
}

void db_close(db_conn *c)
{
	if (c)
		c->eng->close(c);
}

const char *db_engine_name(const db_conn *c) { return c->eng->name; }
const char *db_errmsg(db_conn *c) { return c ? c->eng->errmsg(c) : ""; }
int db_errcode(db_conn *c) { return c ? c->eng->errcode(c) : DB_E_ERROR; }
int db_exec(db_conn *c, const char *sql) { return c->eng->exec(c, sql); }
int db_begin(db_conn *c, int mode) { return c->eng->begin(c, mode); }
int db_commit(db_conn *c) { return c->eng->commit(c); }
int db_rollback(db_conn *c) { return c->eng->rollback(c); }
int64_t db_changes(db_conn *c) { return c->eng->changes(c); }
void db_after_commit(db_conn *c) { c->eng->after_commit(c); }
void db_announce(db_conn *c) { c->eng->announce(c); }
int64_t db_data_version(db_conn *c) { return c->eng->data_version(c); }
int db_wait_fd(db_conn *c) { return c ? c->eng->wait_fd(c) : -1; }
bool db_wait_ack(db_conn *c) { return c && c->eng->wait_ack(c); }

void db_busy_handler(db_conn *c, int (*fn)(void *, int), void *ctx)
{
	c->eng->busy_handler(c, fn, ctx);
}

int db_prepare(db_conn *c, const char *sql, db_stmt **out)
{
	return c->eng->prepare(c, sql, false, out);
}

int db_prepare_persistent(db_conn *c, const char *sql, db_stmt **out)
{
	return c->eng->prepare(c, sql, true, out);
}

int db_step(db_stmt *st) { return st->eng->step(st); }
int db_reset(db_stmt *st) { return st->eng->reset(st); }
void db_clear_bindings(db_stmt *st) { st->eng->clear_bindings(st); }

void db_finalize(db_stmt *st)
{
	if (st)
		st->eng->finalize(st);
}

int db_bind_int64(db_stmt *st, int i, int64_t v) { return st->eng->bind_int64(st, i, v); }
int db_bind_double(db_stmt *st, int i, double v) { return st->eng->bind_double(st, i, v); }
int db_bind_text(db_stmt *st, int i, const char *v, int len) { return st->eng->bind_text(st, i, v, len, true); }
int db_bind_null(db_stmt *st, int i) { return st->eng->bind_null(st, i); }

int db_bind_text_static(db_stmt *st, int i, const char *v, int len)
{
	return st->eng->bind_text(st, i, v, len, false);
}

int db_bind_blob_free(db_stmt *st, int i, void *v, size_t len)
{
	return st->eng->bind_blob_free(st, i, v, len);
}

int db_column_count(db_stmt *st) { return st->eng->column_count(st); }
int db_column_type(db_stmt *st, int col) { return st->eng->column_type(st, col); }
int64_t db_column_int64(db_stmt *st, int col) { return st->eng->column_int64(st, col); }
double db_column_double(db_stmt *st, int col) { return st->eng->column_double(st, col); }
const char *db_column_text(db_stmt *st, int col) { return st->eng->column_text(st, col); }
const void *db_column_blob(db_stmt *st, int col) { return st->eng->column_blob(st, col); }
int db_column_bytes(db_stmt *st, int col) { return st->eng->column_bytes(st, col); }
const char *db_column_name(db_stmt *st, int col) { return st->eng->column_name(st, col); }

int db_step_id(db_stmt *st, int64_t *id)
{
	int rc = db_step(st);
	*id = 0;
	if (rc == DB_ROW) {
		*id = db_column_int64(st, 0);
		/* The change is made by the first step; the rest is only rows. */
		while ((rc = db_step(st)) == DB_ROW)
			;
	}
	return rc;
}

const char *db_sql_pick(const db_conn *c, const db_sql_pair *p)
{
	return strcmp(c->eng->name, "sqlite") == 0 || !p->postgresql ? p->sqlite : p->postgresql;
}

const char *db_errstr(int rc)
{
	switch (rc) {
	case DB_OK: return "not an error";
	case DB_ROW: return "another row available";
	case DB_DONE: return "no more rows available";
	case DB_E_BUSY: return "database is busy";
	case DB_E_RETRY: return "the transaction must be tried again";
	case DB_E_UNIQUE: return "UNIQUE constraint failed";
	case DB_E_CHECK: return "CHECK constraint failed";
	case DB_E_FOREIGN_KEY: return "FOREIGN KEY constraint failed";
	case DB_E_NOT_NULL: return "NOT NULL constraint failed";
	case DB_E_REFUSED: return "refused by a trigger";
	case DB_E_DENIED: return "permission denied";
	case DB_E_FULL: return "database or disk is full";
	case DB_E_READONLY: return "attempt to write a readonly database";
	case DB_E_MOVED: return "the database file was moved";
	case DB_E_CORRUPT: return "database disk image is malformed";
	case DB_E_IO: return "disk I/O error";
	case DB_E_SHORT_READ: return "a file was cut short";
	case DB_E_CANTOPEN: return "unable to open database file";
	case DB_E_PERM: return "access permission denied";
	case DB_E_CONNLOST: return "the connection to the server was lost";
	case DB_E_NOMEM: return "out of memory";
	default: return "unknown error";
	}
}
