/*
 * pg_int.h — what the PostgreSQL engine's files share (src/store/pg/):
 * conn_pg.c (connecting, errors, reconnecting, scripts), txn_pg.c
 * (transactions and the writers' turn), stmt_pg.c (statements and their
 * parameters), cols_pg.c (the columns of a row), notify_pg.c (LISTEN and
 * the data version), engine_pg.c (the store's side: opening, identity, the
 * schema number), schema_pg.c (the migrations) and roles_pg.c (the roles).
 */
#ifndef OKR_STORE_PG_INT_H
#define OKR_STORE_PG_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "pq_load.h"

#include "../engine.h"

/* The advisory lock every okr writer takes ("okr!" in its bytes). */
#define PG_WRITE_LOCK "1869312545"

enum { OID_BOOL = 16, OID_BYTEA = 17, OID_INT8 = 20, OID_INT2 = 21, OID_INT4 = 23, OID_OID = 26,
       OID_FLOAT4 = 700, OID_FLOAT8 = 701, OID_NUMERIC = 1700 };

typedef struct {
	unsigned type;      /* OID; 0: let the server decide */
	char *val;          /* NULL: SQL NULL */
	int len;
	bool own;
	bool binary;
	char num[32];       /* the text of a number, val points here */
} pg_param;

typedef struct pg_conn pg_conn;

typedef struct pg_stmt {
	db_stmt base;
	pg_conn *c;
	char *sql;          /* with $n */
	int nparams;
	pg_param *p;
	PGresult *res;
	bool binary;        /* its results come in binary (stmt_pg.c: pg_prepare) */
	int row;            /* current row; -1 before the first step */
	int nrows;
	bool ran;
	unsigned char **blob;  /* unescaped bytea of the current row, per column */
	size_t *blob_len;
	char (*num)[32];       /* a binary number of the current row as text, per column */
	int nblob;
} pg_stmt;

struct pg_conn {
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
	int schema_seen;         /* the schema number just read on opening, for the next ask; -1 */
	bool begin_pending;      /* the BEGIN, sent with the transaction's first statement (stmt_pg.c) */
	char role[64];           /* current_user, read with the schema version on opening; "" not yet */
};


/* schema_pg.c: step N takes the schema from N-1 to N, as on SQLite. */
extern const char *const pg_migrations[];
extern const int pg_nmigrations;
/* The grants, groups and row policies, after the last step (roles_pg.c). */
extern const char pg_roles_sql[];

/* engine_pg.c */
bool pg_claims(const char *target);

/* conn_pg.c */
void pg_set_err(pg_conn *c, int code, const char *msg);
/* Record a result's failure on c (and return its class), or DB_OK. */
int pg_check(pg_conn *c, PGresult *res);
bool pg_alive(pg_conn *c);
int pg_connect(const char *target, int flags, db_conn **out);
void pg_close(db_conn *c);
const char *pg_errmsg(db_conn *c);
int pg_errcode(db_conn *c);
int pg_exec(db_conn *c, const char *sql);
void pg_nothing(db_conn *c);

/* txn_pg.c */
extern const char pg_begin_sql[];
int pg_begin(db_conn *c, int mode);
int pg_commit(db_conn *c);
int pg_rollback(db_conn *c);
int64_t pg_changes(db_conn *c);
void pg_busy_handler(db_conn *c, int (*fn)(void *, int), void *ctx);

/* notify_pg.c */
/* Take the notifications that arrived; true if another session committed. */
bool pg_drain(pg_conn *c);
int64_t pg_data_version(db_conn *c);
int pg_wait_fd(db_conn *c);
bool pg_wait_ack(db_conn *c);

/* stmt_pg.c */
char *pg_rewrite(const char *sql, int *nparams);
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

/* cols_pg.c */
int pg_column_count(db_stmt *st);
int pg_column_type(db_stmt *st, int col);
int64_t pg_column_int64(db_stmt *st, int col);
double pg_column_double(db_stmt *st, int col);
const char *pg_column_text(db_stmt *st, int col);
const void *pg_column_blob(db_stmt *st, int col);
int pg_column_bytes(db_stmt *st, int col);
const char *pg_column_name(db_stmt *st, int col);

#endif
