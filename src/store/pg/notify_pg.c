/*
 * notify_pg.c — notification on a server (docs/storage.md): every okr
 * write commits with NOTIFY okr inside it and statement triggers notify for
 * everyone else; a viewer's session says LISTEN once, its socket is the
 * descriptor the screens wait on, and the commits of others it has been
 * told of are its data version.
 */
#include <stdint.h>

#include <libpq-fe.h>

#include "pg_int.h"

/* Take what has arrived; count the commits of other connections. */
bool pg_drain(pg_conn *c)
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
	pg_drain(c);
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
	return pg_drain(c);
}

