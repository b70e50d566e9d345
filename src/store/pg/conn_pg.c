/*
 * conn_pg.c — the connection half of the PostgreSQL engine (engine.h) on
 * libpq: statements, parameters, rows, transactions, errors, notifications.
 *
 * Statements are sent with PQexecParams: the SQL the store writes with `?N`
 * (or bare `?`) is rewritten once at prepare into `$N`, and each execution
 * sends the parameters as text with the type they were bound as (int8,
 * float8; text and NULL as "unknown", so the server gives them the type of
 * the column they meet).  The whole result arrives at the first step and
 * later steps walk its rows: the store reads small results and resets every
 * statement when it is done, so nothing stays open on the server.
 *
 * Writers are serialised the way BEGIN IMMEDIATE serialises them on SQLite:
 * a write takes a session advisory lock before BEGIN (trying, and calling
 * the store's busy handler between tries, which says "waiting for the
 * database…"), so its snapshot is taken after the previous writer
 * committed and a read-then-write never meets a concurrent update.  The
 * transaction is REPEATABLE READ; a serialization failure or deadlock from
 * a writer that bypasses okr (psql) is DB_E_RETRY and the store runs the
 * whole transaction again.  Every write that changed a row commits with
 * NOTIFY okr inside it.
 */
#include <ctype.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libpq-fe.h>

#include "okr/util.h"
#include "pg_int.h"

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

struct pg_stmt {
	db_stmt base;
	pg_conn *c;
	char *sql;          /* with $n */
	int nparams;
	pg_param *p;
	PGresult *res;
	int row;            /* current row; -1 before the first step */
	int nrows;
	bool ran;
	unsigned char **blob;  /* unescaped bytea of the current row, per column */
	size_t *blob_len;
	int nblob;
};

static void set_err(pg_conn *c, int code, const char *msg)
{
	c->err = code;
	if (!msg || !*msg)
		msg = PQerrorMessage(c->pg);
	okr_strlcpy(c->msg, msg, sizeof c->msg);
	size_t n = strlen(c->msg);
	while (n && (c->msg[n - 1] == '\n' || c->msg[n - 1] == ' '))
		c->msg[--n] = '\0';
}

/* The class of a failed result, from its SQLSTATE. */
static int classify(pg_conn *c, const PGresult *res)
{
	if (PQstatus(c->pg) == CONNECTION_BAD)
		return DB_E_CONNLOST;
	const char *st = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	if (!st)
		return DB_E_CONNLOST;
	static const struct { const char *code; int cls; } map[] = {
		{ "23505", DB_E_UNIQUE }, { "23514", DB_E_CHECK }, { "23503", DB_E_FOREIGN_KEY },
		{ "23502", DB_E_NOT_NULL }, { "40001", DB_E_RETRY }, { "40P01", DB_E_RETRY },
		{ "P0001", DB_E_REFUSED }, { "42501", DB_E_DENIED }, { "53100", DB_E_FULL },
		{ "25006", DB_E_READONLY }, { "XX001", DB_E_CORRUPT }, { "XX002", DB_E_CORRUPT },
		{ "58030", DB_E_IO }, { "55P03", DB_E_BUSY }, { "53200", DB_E_NOMEM },
		{ "57P01", DB_E_CONNLOST }, { "57P02", DB_E_CONNLOST }, { "57P03", DB_E_CONNLOST },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(st, map[i].code))
			return map[i].cls;
	if (!strncmp(st, "08", 2))
		return DB_E_CONNLOST;
	if (!strncmp(st, "28", 2) || !strcmp(st, "3D000"))
		return DB_E_CANTOPEN;
	return DB_E_ERROR;
}

/* Record a result's failure on c (and return its class), or DB_OK. */
static int check(pg_conn *c, PGresult *res)
{
	ExecStatusType t = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	if (t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK || t == PGRES_EMPTY_QUERY) {
		c->err = DB_OK;
		return DB_OK;
	}
	int cls = classify(c, res);
	const char *m = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	set_err(c, cls, m);
	return cls;
}

/* ---- notifications ------------------------------------------------------ */

/* Take what has arrived; count the commits of other connections. */
static bool drain(pg_conn *c)
{
	bool seen = false;
	PGnotify *n;
	while ((n = PQnotifies(c->pg))) {
		if (n->be_pid != PQbackendPID(c->pg)) {
			c->notes++;
			seen = true;
		}
		PQfreemem(n);
	}
	return seen;
}

static void listen_once(pg_conn *c)
{
	if (c->listening || PQstatus(c->pg) != CONNECTION_OK)
		return;
	PGresult *res = PQexec(c->pg, "LISTEN okr");
	c->listening = PQresultStatus(res) == PGRES_COMMAND_OK;
	PQclear(res);
}

/* Between transactions, one empty round trip first: the server hands over
 * the notifications of every commit that finished before it, so a commit
 * that returned elsewhere is always seen here, as on SQLite. */
int64_t pg_data_version(db_conn *dc)
{
	pg_conn *c = (pg_conn *)dc;
	listen_once(c);
	if (c->listening && PQtransactionStatus(c->pg) == PQTRANS_IDLE) {
		PGresult *res = PQexec(c->pg, "");
		PQclear(res);
	}
	drain(c);
	return c->notes + c->generation * 1000000000LL;
}

int pg_wait_fd(db_conn *dc)
{
	pg_conn *c = (pg_conn *)dc;
	listen_once(c);
	return c->listening ? PQsocket(c->pg) : -1;
}

/* True for a commit elsewhere — and for a connection that has gone, so that
 * the viewer reads again, meets the loss and reconnects. */
bool pg_wait_ack(db_conn *dc)
{
	pg_conn *c = (pg_conn *)dc;
	if (!PQconsumeInput(c->pg) || PQstatus(c->pg) != CONNECTION_OK)
		return true;
	return drain(c);
}

/* ---- connections -------------------------------------------------------- */

/* A connection that has gone is tried again, but not more often than the
 * back-off allows (100 ms doubling to 5 s): every call in between fails at
 * once with DB_E_CONNLOST, so a screen stays responsive while the server is
 * away.  A successful reset starts listening again, and a new generation
 * makes the data version change so that the viewer reads everything. */
static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

bool pg_alive(pg_conn *c)
{
	if (PQstatus(c->pg) == CONNECTION_OK)
		return true;
	int64_t now = mono_ms();
	if (now < c->retry_at) {
		set_err(c, DB_E_CONNLOST, c->msg[0] ? c->msg : "the connection to the server was lost");
		return false;
	}
	PQreset(c->pg);
	if (PQstatus(c->pg) == CONNECTION_OK) {
		c->backoff_ms = 0;
		c->listening = false;
		c->locked = false;
		c->generation++;
		c->err = DB_OK;
		return true;
	}
	c->backoff_ms = c->backoff_ms ? c->backoff_ms * 2 : 100;
	if (c->backoff_ms > 5000)
		c->backoff_ms = 5000;
	c->retry_at = now + c->backoff_ms;
	set_err(c, DB_E_CONNLOST, NULL);
	return false;
}

static void quiet_notice(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

int pg_connect(const char *target, int flags, db_conn **out)
{
	(void)flags;
	pg_conn *c = calloc(1, sizeof *c);
	*out = (db_conn *)c;
	if (!c)
		return DB_E_NOMEM;
	c->base.eng = &db_engine_pg;
	/* the target's own settings win over these (they come after) */
	const char *keys[] = { "connect_timeout", "fallback_application_name", "client_encoding", "dbname", NULL };
	const char *vals[] = { "10", "okr", "UTF8", target, NULL };
	c->pg = PQconnectdbParams(keys, vals, 1);
	if (!c->pg) {
		set_err(c, DB_E_NOMEM, "out of memory");
		return DB_E_NOMEM;
	}
	if (PQstatus(c->pg) != CONNECTION_OK) {
		set_err(c, DB_E_CANTOPEN, NULL);
		return DB_E_CANTOPEN;
	}
	PQsetNoticeProcessor(c->pg, quiet_notice, NULL);
	PGresult *res = PQexec(c->pg, "SET client_min_messages = warning");
	PQclear(res);
	return DB_OK;
}

void pg_close(db_conn *dc)
{
	pg_conn *c = (pg_conn *)dc;
	if (c->pg)
		PQfinish(c->pg);
	free(c);
}

const char *pg_errmsg(db_conn *dc)
{
	return ((pg_conn *)dc)->msg;
}

int pg_errcode(db_conn *dc)
{
	return ((pg_conn *)dc)->err;
}

/* A simple query (several statements, no parameters). */
int pg_exec(db_conn *dc, const char *sql)
{
	pg_conn *c = (pg_conn *)dc;
	if (!pg_alive(c))
		return DB_E_CONNLOST;
	PGresult *res = PQexec(c->pg, sql);
	int rc = check(c, res);
	if (rc == DB_OK && PQresultStatus(res) == PGRES_COMMAND_OK)
		c->changes = strtoll(PQcmdTuples(res), NULL, 10);
	if (rc == DB_OK)
		c->changed = true;   /* a script (a migration) changes what it likes */
	PQclear(res);
	return rc;
}

static void unlock(pg_conn *c)
{
	if (!c->locked)
		return;
	PGresult *res = PQexec(c->pg, "SELECT pg_advisory_unlock(" PG_WRITE_LOCK ")");
	PQclear(res);
	c->locked = false;
}

/* The write lock, waiting as the store's busy handler says. */
static int lock(pg_conn *c)
{
	for (int count = 0;; count++) {
		PGresult *res = PQexec(c->pg, "SELECT pg_try_advisory_lock(" PG_WRITE_LOCK ")");
		int rc = check(c, res);
		bool got = rc == DB_OK && PQntuples(res) == 1 && PQgetvalue(res, 0, 0)[0] == 't';
		PQclear(res);
		if (rc != DB_OK)
			return rc;
		if (got) {
			c->locked = true;
			return DB_OK;
		}
		if (!c->busy || !c->busy(c->busy_ctx, count)) {
			set_err(c, DB_E_BUSY, "another okr kept the database busy");
			return DB_E_BUSY;
		}
	}
}

int pg_begin(db_conn *dc, int mode)
{
	pg_conn *c = (pg_conn *)dc;
	if (!pg_alive(c))
		return DB_E_CONNLOST;
	if (mode == DB_WRITE) {
		int rc = lock(c);
		if (rc != DB_OK)
			return rc;
	}
	/* A read may still save what only readers keep (the score ledger),
	 * as a SQLite read transaction may become a write: not READ ONLY. */
	PGresult *res = PQexec(c->pg, "BEGIN ISOLATION LEVEL REPEATABLE READ");
	int rc = check(c, res);
	PQclear(res);
	if (rc != DB_OK) {
		unlock(c);
		return rc;
	}
	c->mode = mode;
	c->changed = false;
	return DB_OK;
}

int pg_commit(db_conn *dc)
{
	pg_conn *c = (pg_conn *)dc;
	if (PQtransactionStatus(c->pg) == PQTRANS_INERROR) {
		/* COMMIT would say ROLLBACK without an error */
		pg_rollback(dc);
		set_err(c, DB_E_ERROR, "the transaction had failed");
		return DB_E_ERROR;
	}
	/* Only a write that changed something wakes the screens: opening okr
	 * (which registers nobody new) commits an empty write every time. */
	PGresult *res = PQexec(c->pg, c->mode == DB_WRITE && c->changed ? "NOTIFY okr, ''; COMMIT" : "COMMIT");
	int rc = check(c, res);
	PQclear(res);
	if (rc != DB_OK && PQtransactionStatus(c->pg) != PQTRANS_IDLE) {
		res = PQexec(c->pg, "ROLLBACK");
		PQclear(res);
	}
	unlock(c);
	drain(c);
	return rc;
}

int pg_rollback(db_conn *dc)
{
	pg_conn *c = (pg_conn *)dc;
	int rc = DB_OK;
	if (PQstatus(c->pg) == CONNECTION_OK && PQtransactionStatus(c->pg) != PQTRANS_IDLE) {
		PGresult *res = PQexec(c->pg, "ROLLBACK");
		rc = check(c, res);
		PQclear(res);
	}
	unlock(c);
	return rc;
}

int64_t pg_changes(db_conn *dc)
{
	return ((pg_conn *)dc)->changes;
}

void pg_busy_handler(db_conn *dc, int (*fn)(void *, int), void *ctx)
{
	pg_conn *c = (pg_conn *)dc;
	c->busy = fn;
	c->busy_ctx = ctx;
}

void pg_nothing(db_conn *dc)
{
	(void)dc;
}

/* ---- statements --------------------------------------------------------- */

/* `?N` → `$N`, `?` → `$k` (one past the highest so far, as SQLite numbers
 * them), outside string literals, quoted names and comments.  *nparams:
 * the highest number used. */
char *pg_rewrite(const char *sql, int *nparams)
{
	/* Every input byte gives at most one output byte except `?`, which
	 * becomes `$` and its number: four bytes a byte is room for any query. */
	size_t cap = strlen(sql) * 4 + 16;
	char *out = malloc(cap);
	if (!out)
		return NULL;
	char *o = out;
	int high = 0;
	for (const char *p = sql; *p;) {
		if (*p == '\'' || *p == '"') {
			char q = *p;
			*o++ = *p++;
			while (*p) {
				if (*p == q && p[1] == q) {
					*o++ = *p++;
					*o++ = *p++;
				} else if (*p == q) {
					*o++ = *p++;
					break;
				} else {
					*o++ = *p++;
				}
			}
		} else if (p[0] == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				*o++ = *p++;
		} else if (p[0] == '/' && p[1] == '*') {
			const char *end = strstr(p + 2, "*/");
			size_t len = end ? (size_t)(end + 2 - p) : strlen(p);
			memcpy(o, p, len);
			o += len;
			p += len;
		} else if (*p == '?') {
			p++;
			int num;
			if (isdigit((unsigned char)*p)) {
				num = 0;
				while (isdigit((unsigned char)*p))
					num = num * 10 + (*p++ - '0');
			} else {
				num = high + 1;
			}
			if (num > high)
				high = num;
			int w = snprintf(o, cap - (size_t)(o - out), "$%d", num);
			if (w < 0 || (size_t)w >= cap - (size_t)(o - out)) {
				free(out);
				return NULL;
			}
			o += w;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	*nparams = high;
	return out;
}

int pg_prepare(db_conn *dc, const char *sql, bool persistent, db_stmt **out)
{
	(void)persistent;
	pg_conn *c = (pg_conn *)dc;
	*out = NULL;
	pg_stmt *st = calloc(1, sizeof *st);
	if (!st) {
		set_err(c, DB_E_NOMEM, "out of memory");
		return DB_E_NOMEM;
	}
	st->base.eng = &db_engine_pg;
	st->c = c;
	st->row = -1;
	st->sql = pg_rewrite(sql, &st->nparams);
	st->p = calloc((size_t)st->nparams + 1, sizeof *st->p);
	if (!st->sql || !st->p) {
		free(st->sql);
		free(st->p);
		free(st);
		set_err(c, DB_E_NOMEM, "out of memory");
		return DB_E_NOMEM;
	}
	*out = (db_stmt *)st;
	c->err = DB_OK;
	return DB_OK;
}

static void free_blobs(pg_stmt *st)
{
	for (int i = 0; i < st->nblob; i++) {
		if (st->blob[i])
			PQfreemem(st->blob[i]);
		st->blob[i] = NULL;
	}
}

static void drop_result(pg_stmt *st)
{
	free_blobs(st);
	if (st->res)
		PQclear(st->res);
	st->res = NULL;
	st->row = -1;
	st->nrows = 0;
	st->ran = false;
}

int pg_step(db_stmt *s)
{
	pg_stmt *st = (pg_stmt *)s;
	pg_conn *c = st->c;
	if (st->ran) {
		free_blobs(st);
		if (st->row + 1 < st->nrows) {
			st->row++;
			return DB_ROW;
		}
		st->row = st->nrows;
		return DB_DONE;
	}
	if (!pg_alive(c))
		return DB_E_CONNLOST;
	const char *vals[st->nparams + 1];
	int lens[st->nparams + 1], fmts[st->nparams + 1];
	unsigned types[st->nparams + 1];
	for (int i = 0; i < st->nparams; i++) {
		vals[i] = st->p[i].val;
		lens[i] = st->p[i].len;
		fmts[i] = st->p[i].binary;
		types[i] = st->p[i].type;
	}
	st->res = PQexecParams(c->pg, st->sql, st->nparams, types, vals, lens, fmts, 0);
	st->ran = true;
	int rc = check(c, st->res);
	if (rc != DB_OK) {
		PQclear(st->res);
		st->res = NULL;
		return rc;
	}
	const char *ct = PQcmdTuples(st->res);
	c->changes = *ct ? strtoll(ct, NULL, 10) : 0;
	if (c->changes > 0 && strncmp(PQcmdStatus(st->res), "SELECT", 6) != 0)
		c->changed = true;
	st->nrows = PQresultStatus(st->res) == PGRES_TUPLES_OK ? PQntuples(st->res) : 0;
	int ncol = PQnfields(st->res);
	if (ncol > st->nblob) {
		free(st->blob);
		free(st->blob_len);
		st->blob = calloc((size_t)ncol, sizeof *st->blob);
		st->blob_len = calloc((size_t)ncol, sizeof *st->blob_len);
		st->nblob = st->blob && st->blob_len ? ncol : 0;
	}
	if (st->nrows > 0) {
		st->row = 0;
		return DB_ROW;
	}
	return DB_DONE;
}

int pg_reset(db_stmt *s)
{
	drop_result((pg_stmt *)s);
	return DB_OK;
}

static void clear_param(pg_param *p)
{
	if (p->own)
		free(p->val);
	memset(p, 0, sizeof *p);
}

void pg_clear_bindings(db_stmt *s)
{
	pg_stmt *st = (pg_stmt *)s;
	for (int i = 0; i < st->nparams; i++)
		clear_param(&st->p[i]);
}

void pg_finalize(db_stmt *s)
{
	pg_stmt *st = (pg_stmt *)s;
	drop_result(st);
	pg_clear_bindings(s);
	free(st->blob);
	free(st->blob_len);
	free(st->p);
	free(st->sql);
	free(st);
}

/* The parameter slot i (1-based), emptied; NULL if out of range. */
static pg_param *slot(pg_stmt *st, int i)
{
	if (i < 1 || i > st->nparams)
		return NULL;
	pg_param *p = &st->p[i - 1];
	clear_param(p);
	return p;
}

int pg_bind_int64(db_stmt *s, int i, int64_t v)
{
	pg_param *p = slot((pg_stmt *)s, i);
	if (!p)
		return DB_E_ERROR;
	snprintf(p->num, sizeof p->num, "%" PRId64, v);
	p->val = p->num;
	p->type = OID_INT8;
	return DB_OK;
}

int pg_bind_double(db_stmt *s, int i, double v)
{
	pg_param *p = slot((pg_stmt *)s, i);
	if (!p)
		return DB_E_ERROR;
	snprintf(p->num, sizeof p->num, "%.17g", v);
	p->val = p->num;
	p->type = OID_FLOAT8;
	return DB_OK;
}

int pg_bind_text(db_stmt *s, int i, const char *v, int len, bool copy)
{
	pg_param *p = slot((pg_stmt *)s, i);
	if (!p)
		return DB_E_ERROR;
	if (!v)
		return DB_OK;
	size_t n = len < 0 ? strlen(v) : (size_t)len;
	if (copy || len >= 0) {
		/* a length means the text may not end there: copy it to add the NUL */
		p->val = malloc(n + 1);
		if (!p->val)
			return DB_E_NOMEM;
		memcpy(p->val, v, n);
		p->val[n] = '\0';
		p->own = true;
	} else {
		p->val = (char *)v;
	}
	p->len = (int)n;
	return DB_OK;
}

int pg_bind_blob_free(db_stmt *s, int i, void *v, size_t len)
{
	pg_param *p = slot((pg_stmt *)s, i);
	if (!p) {
		free(v);
		return DB_E_ERROR;
	}
	p->val = v ? v : calloc(1, 1);
	p->len = (int)len;
	p->own = true;
	p->binary = true;
	p->type = OID_BYTEA;
	return DB_OK;
}

int pg_bind_null(db_stmt *s, int i)
{
	return slot((pg_stmt *)s, i) ? DB_OK : DB_E_ERROR;
}

/* ---- columns ------------------------------------------------------------ */

static const char *cell(pg_stmt *st, int col)
{
	if (!st->res || st->row < 0 || st->row >= st->nrows || col < 0 || col >= PQnfields(st->res) ||
	    PQgetisnull(st->res, st->row, col))
		return NULL;
	return PQgetvalue(st->res, st->row, col);
}

int pg_column_count(db_stmt *s)
{
	pg_stmt *st = (pg_stmt *)s;
	return st->res ? PQnfields(st->res) : 0;
}

int pg_column_type(db_stmt *s, int col)
{
	pg_stmt *st = (pg_stmt *)s;
	const char *v = cell(st, col);
	if (!v)
		return DB_NULL;
	switch (PQftype(st->res, col)) {
	case OID_BOOL: case OID_INT2: case OID_INT4: case OID_INT8: case OID_OID:
		return DB_INTEGER;
	case OID_NUMERIC:
		return strpbrk(v, ".eEN") ? DB_FLOAT : DB_INTEGER;
	case OID_FLOAT4: case OID_FLOAT8:
		return DB_FLOAT;
	case OID_BYTEA:
		return DB_BLOB;
	default:
		return DB_TEXT;
	}
}

int64_t pg_column_int64(db_stmt *s, int col)
{
	const char *v = cell((pg_stmt *)s, col);
	if (!v)
		return 0;
	if (v[0] == 't' && !v[1])
		return 1;
	if (v[0] == 'f' && !v[1])
		return 0;
	char *end;
	long long n = strtoll(v, &end, 10);
	if (*end == '.' || *end == 'e' || *end == 'E')
		return (int64_t)strtod(v, NULL);
	return n;
}

double pg_column_double(db_stmt *s, int col)
{
	const char *v = cell((pg_stmt *)s, col);
	if (!v)
		return 0.0;
	if (v[0] == 't' && !v[1])
		return 1.0;
	if (v[0] == 'f' && !v[1])
		return 0.0;
	return strtod(v, NULL);
}

const char *pg_column_text(db_stmt *s, int col)
{
	return cell((pg_stmt *)s, col);
}

const void *pg_column_blob(db_stmt *s, int col)
{
	pg_stmt *st = (pg_stmt *)s;
	const char *v = cell(st, col);
	if (!v)
		return NULL;
	if (PQftype(st->res, col) != OID_BYTEA)
		return v;
	if (col >= st->nblob)
		return NULL;
	if (!st->blob[col])
		st->blob[col] = PQunescapeBytea((const unsigned char *)v, &st->blob_len[col]);
	return st->blob[col];
}

int pg_column_bytes(db_stmt *s, int col)
{
	pg_stmt *st = (pg_stmt *)s;
	const char *v = cell(st, col);
	if (!v)
		return 0;
	if (PQftype(st->res, col) != OID_BYTEA)
		return PQgetlength(st->res, st->row, col);
	return pg_column_blob(s, col) ? (int)st->blob_len[col] : 0;
}

const char *pg_column_name(db_stmt *s, int col)
{
	pg_stmt *st = (pg_stmt *)s;
	return st->res ? PQfname(st->res, col) : NULL;
}
