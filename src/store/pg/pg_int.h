/*
 * pg_int.h — what the PostgreSQL engine's files share (src/store/pg/):
 * conn_pg.c (libpq: statements, transactions, notifications), engine_pg.c
 * (the store's side: opening, identity, the schema number) and
 * schema_pg.c (the migrations).
 */
#ifndef OKR_STORE_PG_INT_H
#define OKR_STORE_PG_INT_H

#include <stdbool.h>
#include <stdint.h>

#include <libpq-fe.h>

#include "../engine.h"

typedef struct pg_stmt pg_stmt;

typedef struct {
	db_conn base;
	PGconn *pg;
	int err;                 /* class of the last error */
	char msg[512];
	int64_t changes;
	int mode;                /* of the open transaction: DB_READ, DB_WRITE */
	bool locked;             /* holds the writers' advisory lock */
	bool changed;            /* the open write changed a row: its COMMIT notifies */
	bool listening;          /* LISTEN okr was sent on this session */
	int64_t notes;           /* commits of others seen (the data version) */
	int64_t generation;      /* sessions so far: a reconnect changes the data version */
	int backoff_ms;          /* between reconnection attempts */
	int64_t retry_at;        /* monotonic ms of the next attempt */
	int (*busy)(void *, int);
	void *busy_ctx;
} pg_conn;


/* schema_pg.c: step N takes the schema from N-1 to N, as on SQLite. */
extern const char *const pg_migrations[];
extern const int pg_nmigrations;
/* The grants, groups and row policies, after the last step (roles_pg.c). */
extern const char pg_roles_sql[];

/* conn_pg.c */
bool pg_claims(const char *target);
char *pg_rewrite(const char *sql, int *nparams);
bool pg_alive(pg_conn *c);
int pg_connect(const char *target, int flags, db_conn **out);
void pg_close(db_conn *c);
const char *pg_errmsg(db_conn *c);
int pg_errcode(db_conn *c);
int pg_exec(db_conn *c, const char *sql);
int pg_begin(db_conn *c, int mode);
int pg_commit(db_conn *c);
int pg_rollback(db_conn *c);
int64_t pg_changes(db_conn *c);
void pg_busy_handler(db_conn *c, int (*fn)(void *, int), void *ctx);
void pg_nothing(db_conn *c);
int64_t pg_data_version(db_conn *c);
int pg_wait_fd(db_conn *c);
bool pg_wait_ack(db_conn *c);
int pg_prepare(db_conn *c, const char *sql, bool persistent, db_stmt **out);
int pg_step(db_stmt *st);
int pg_reset(db_stmt *st);
void pg_clear_bindings(db_stmt *st);
void pg_finalize(db_stmt *st);
int pg_bind_int64(db_stmt *st, int i, int64_t v);
int pg_bind_double(db_stmt *st, int i, double v);
int pg_bind_text(db_stmt *st, int i, const char *v, int len, bool copy);
int pg_bind_blob_free(db_stmt *st, int i, void *v, size_t len);
int pg_bind_null(db_stmt *st, int i);
int pg_column_count(db_stmt *st);
int pg_column_type(db_stmt *st, int col);
int64_t pg_column_int64(db_stmt *st, int col);
double pg_column_double(db_stmt *st, int col);
const char *pg_column_text(db_stmt *st, int col);
const void *pg_column_blob(db_stmt *st, int col);
int pg_column_bytes(db_stmt *st, int col);
const char *pg_column_name(db_stmt *st, int col);

#endif
