/*
 * conn_pg.c — the PostgreSQL engine's connection (engine.h) on libpq:
 * connecting, the classes of the server's errors, a lost connection tried
 * again with back-off, and scripts.  The rest of the connection half is in
 * txn_pg.c (transactions and the writers' turn), stmt_pg.c (statements and
 * parameters), cols_pg.c (the columns of a row) and notify_pg.c (LISTEN).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libpq-fe.h>

#include "okr/util.h"
#include "pg_int.h"

void pg_set_err(pg_conn *c, int code, const char *msg)
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
int pg_check(pg_conn *c, PGresult *res)
{
	ExecStatusType t = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	if (t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK || t == PGRES_EMPTY_QUERY) {
		c->err = DB_OK;
		return DB_OK;
	}
	int cls = classify(c, res);
	const char *m = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	pg_set_err(c, cls, m);
	return cls;
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
		pg_set_err(c, DB_E_CONNLOST, c->msg[0] ? c->msg : "the connection to the server was lost");
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
	pg_set_err(c, DB_E_CONNLOST, NULL);
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
	char why[256];
	if (!pq_load(why, sizeof why)) {
		pg_set_err(c, DB_E_CANTOPEN, why);
		return DB_E_CANTOPEN;
	}
	/* the target's own settings win over these (they come after); the
	 * server's notices are not wanted (a notice processor drops any that
	 * come), and saying so at the start costs no round trip of its own */
	const char *keys[] = { "connect_timeout", "fallback_application_name", "client_encoding", "options",
			       "dbname", NULL };
	const char *vals[] = { "10", "okr", "UTF8", "-c client_min_messages=warning", target, NULL };
	c->pg = PQconnectdbParams(keys, vals, 1);
	if (!c->pg) {
		pg_set_err(c, DB_E_NOMEM, "out of memory");
		return DB_E_NOMEM;
	}
	if (PQstatus(c->pg) != CONNECTION_OK) {
		pg_set_err(c, DB_E_CANTOPEN, NULL);
		return DB_E_CANTOPEN;
	}
	PQsetNoticeProcessor(c->pg, quiet_notice, NULL);
	c->schema_seen = -1;
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
	if (c->begin_pending) {   /* the BEGIN (txn_pg.c) before its script */
		c->begin_pending = false;
		PGresult *b = PQexec(c->pg, pg_begin_sql);
		int brc = pg_check(c, b);
		PQclear(b);
		if (brc != DB_OK)
			return brc;
	}
	PGresult *res = PQexec(c->pg, sql);
	int rc = pg_check(c, res);
	if (rc == DB_OK && PQresultStatus(res) == PGRES_COMMAND_OK)
		c->changes = strtoll(PQcmdTuples(res), NULL, 10);
	if (rc == DB_OK)
		c->changed = true;   /* a script (a migration) changes what it likes */
	PQclear(res);
	return rc;
}

void pg_nothing(db_conn *dc)
{
	(void)dc;
}

