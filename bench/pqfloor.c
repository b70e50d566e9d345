/*
 * pqfloor.c — the floor under `okr checkin` on a server, for bench/pg.sh:
 * what any libpq client pays to connect, run `SELECT 1` and go, with libpq
 * linked as clients usually have it.  psql is a floor too, but a high one
 * (its start reads its own files and sets up line editing).
 *
 *   pqfloor CONNINFO
 */
#include <stdio.h>

#include <libpq-fe.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: pqfloor CONNINFO\n");
		return 2;
	}
	PGconn *c = PQconnectdb(argv[1]);
	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "pqfloor: %s", PQerrorMessage(c));
		PQfinish(c);
		return 1;
	}
	PGresult *r = PQexec(c, "SELECT 1");
	int ok = PQresultStatus(r) == PGRES_TUPLES_OK;
	PQclear(r);
	PQfinish(c);
	return ok ? 0 : 1;
}
