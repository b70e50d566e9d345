/*
 * txn_pg.c — transactions on a server: the writers' turn, BEGIN, COMMIT and
 * ROLLBACK, and what a write changed.
 *
 * Writers are serialised the way BEGIN IMMEDIATE serialises them on SQLite:
 * a write holds a session advisory lock from before its BEGIN until after
 * its COMMIT, so its snapshot is taken after the previous writer committed
 * and a read-then-write never meets a concurrent update.  The transaction
 * is REPEATABLE READ; a serialization failure or deadlock from a writer
 * that bypasses okr (psql) is DB_E_RETRY and the store runs the whole
 * transaction again.  Every write that changed a row commits with NOTIFY
 * okr inside it.
 *
 * The wait for the lock is the server's own (pg_advisory_lock), which
 * queues the writers and grants the lock in the order they asked.  Trying
 * (pg_try_advisory_lock) and sleeping between tries, as this engine did at
 * first, let whoever tried at the right moment in first: with 8 writers on
 * a loaded machine some waited 2 s while others went through.  Waiting in
 * slices of lock_timeout would send a writer to the back of the queue at
 * every slice, so the wait is one query that stays queued: sent with
 * PQsendQuery, and while it waits the store's busy handler is asked after
 * every ASK_BUSY_MS of silence.  The handler counts its own short sleeps
 * as the wait (1 ms growing to 20 ms: on SQLite the sleeps are the wait),
 * so here it tells the person "waiting for the database…" after about two
 * seconds rather than one, and gives up after about a minute rather than
 * thirty seconds; giving up cancels the query.
 * The lock is a statement of its own, outside the transaction: its
 * snapshot must be taken after the lock is granted, by the first statement
 * after BEGIN.  (Sending "lock; COMMIT; BEGIN" as one query, as this engine
 * did, cost the same round trip and put a warning, "there is no transaction
 * in progress", in the server's log at every write.)  A write whose caller
 * will not wait (no busy handler: the score ledger's save) only tries.  No
 * BEGIN is sent alone: it goes with the transaction's first statement in
 * one pipeline (stmt_pg.c), and a transaction that ran nothing sends
 * nothing.  COMMIT and the unlock travel together: a write's own round
 * trips are two, the lock and the commit.
 */
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>

#include <libpq-fe.h>

#include "pg_int.h"

enum { ASK_BUSY_MS = 20 };

/* A read may still save what only readers keep (the score ledger), as a
 * SQLite read transaction may become a write: not READ ONLY. */
const char pg_begin_sql[] = "BEGIN ISOLATION LEVEL REPEATABLE READ";

static const char lock_sql[] = "SELECT pg_advisory_lock(" PG_WRITE_LOCK ")";

static void unlock(pg_conn *c)
{
	if (!c->locked)
		return;
	PGresult *res = PQexec(c->pg, "SELECT pg_advisory_unlock(" PG_WRITE_LOCK ")");
	PQclear(res);
	c->locked = false;
}

/* The lock, without waiting. */
static int try_lock(pg_conn *c)
{
	PGresult *res = PQexec(c->pg, "SELECT pg_try_advisory_lock(" PG_WRITE_LOCK ")");
	int rc = pg_check(c, res);
	bool got = rc == DB_OK && PQntuples(res) == 1 && PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	if (rc != DB_OK)
		return rc;
	if (!got) {
		pg_set_err(c, DB_E_BUSY, "another okr kept the database busy");
		return DB_E_BUSY;
	}
	c->locked = true;
	return DB_OK;
}

/* Give up a query that waits on the server (the lock). */
static void cancel(pg_conn *c)
{
	char err[256];
	PGcancel *k = PQgetCancel(c->pg);
	if (k) {
		PQcancel(k, err, sizeof err);
		PQfreeCancel(k);
	}
}

static bool failed(const PGresult *r)
{
	ExecStatusType t = PQresultStatus(r);
	return t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK && t != PGRES_EMPTY_QUERY;
}

/* The results of the query sent: the first failure, else the last. */
static PGresult *results(pg_conn *c)
{
	PGresult *keep = NULL, *r;
	while ((r = PQgetResult(c->pg))) {
		if (keep && failed(keep)) {
			PQclear(r);
			continue;
		}
		PQclear(keep);
		keep = r;
	}
	return keep;
}

/* The lock, waiting in the server's queue as long as the busy handler
 * allows. */
static int lock(pg_conn *c)
{
	if (!c->busy)
		return try_lock(c);
	if (!PQsendQuery(c->pg, lock_sql)) {
		pg_set_err(c, PQstatus(c->pg) == CONNECTION_BAD ? DB_E_CONNLOST : DB_E_ERROR, NULL);
		return c->err;
	}
	bool gave_up = false;
	for (int count = 0; PQisBusy(c->pg);) {
		struct pollfd p = { .fd = PQsocket(c->pg), .events = POLLIN };
		int n = poll(&p, 1, ASK_BUSY_MS);
		if (n > 0 && !PQconsumeInput(c->pg))
			break;   /* the connection went: its error is the result */
		if (n == 0 && !gave_up && !c->busy(c->busy_ctx, count++)) {
			cancel(c);
			gave_up = true;
		}
	}
	PGresult *res = results(c);
	int rc = pg_check(c, res);
	PQclear(res);
	if (rc == DB_OK) {
		c->locked = true;
		return DB_OK;
	}
	if (gave_up && rc == DB_E_ERROR)   /* 57014, the cancelled wait */
		pg_set_err(c, rc = DB_E_BUSY, "another okr kept the database busy");
	return rc;
}

int pg_begin(db_conn *dc, int mode)
{
	pg_conn *c = (pg_conn *)dc;
	if (!pg_alive(c))
		return DB_E_CONNLOST;
	c->begin_pending = false;
	int rc = DB_OK;
	if (mode == DB_WRITE)
		rc = lock(c);
	if (rc == DB_OK && (mode == DB_WRITE || mode == DB_READ)) {
		/* sent with the first statement (stmt_pg.c), or never */
		c->begin_pending = true;
	} else if (rc == DB_OK) {
		PGresult *res = PQexec(c->pg, pg_begin_sql);
		rc = pg_check(c, res);
		PQclear(res);
	}
	if (rc != DB_OK) {
		if (PQtransactionStatus(c->pg) != PQTRANS_IDLE)
			PQclear(PQexec(c->pg, "ROLLBACK"));
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
	if (c->begin_pending) {   /* a transaction that ran nothing: nothing began */
		c->begin_pending = false;
		unlock(c);
		return DB_OK;
	}
	if (PQtransactionStatus(c->pg) == PQTRANS_INERROR) {
		/* COMMIT would say ROLLBACK without an error */
		pg_rollback(dc);
		pg_set_err(c, DB_E_ERROR, "the transaction had failed");
		return DB_E_ERROR;
	}
	/* Only a write that changed something wakes the screens: opening okr
	 * (which registers nobody new) commits an empty write every time.  A
	 * failed COMMIT skips the unlock after it, which is then sent alone. */
	bool notify = c->mode == DB_WRITE && c->changed;
	const char *sql = c->locked ? (notify ? "NOTIFY okr, ''; COMMIT; SELECT pg_advisory_unlock(" PG_WRITE_LOCK ")"
					      : "COMMIT; SELECT pg_advisory_unlock(" PG_WRITE_LOCK ")")
				    : notify ? "NOTIFY okr, ''; COMMIT" : "COMMIT";
	PGresult *res = PQexec(c->pg, sql);
	int rc = pg_check(c, res);
	PQclear(res);
	if (rc == DB_OK) {
		c->locked = false;
	} else if (PQtransactionStatus(c->pg) != PQTRANS_IDLE) {
		res = PQexec(c->pg, "ROLLBACK");
		PQclear(res);
	}
	unlock(c);
	pg_drain(c);
	return rc;
}

int pg_rollback(db_conn *dc)
{
	pg_conn *c = (pg_conn *)dc;
	int rc = DB_OK;
	c->begin_pending = false;
	if (PQstatus(c->pg) == CONNECTION_OK && PQtransactionStatus(c->pg) != PQTRANS_IDLE) {
		PGresult *res = PQexec(c->pg, "ROLLBACK");
		rc = pg_check(c, res);
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
