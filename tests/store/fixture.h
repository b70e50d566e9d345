/*
 * fixture.h — the store tests' fixture: a fresh temporary directory with a
 * database path in it, and the store's clock fixed, made before each test
 * and removed after it.  Included by the store tests that need nothing more.
 *
 * With OKR_TEST_ENGINE=pg (tests/run.sh, OKR_ENGINES=pg) the database is a
 * fresh one on the private PostgreSQL server instead (PGHOST and friends
 * say where), made before each test and dropped after it: path is then its
 * connection string.  The directory is made all the same, for the files a
 * test writes beside the database.  A test that is about SQLite's files
 * says so with fx_sqlite_only, which skips it on PostgreSQL with its reason.
 */
#ifndef OKR_TEST_FIXTURE_H
#define OKR_TEST_FIXTURE_H

#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "okr/store.h"

typedef struct {
	char dir[256];
	char path[300];   /* dir/okr.db, not made yet; or dbname=… on PostgreSQL */
	char pgdb[64];    /* the database made for this test, "" on SQLite */
} fx;

static inline bool fx_pg(void)
{
	const char *e = getenv("OKR_TEST_ENGINE");
	return e && !strcmp(e, "pg");
}

/* One statement on the server's maintenance database; false on failure. */
static inline bool fx_pg_admin(const char *sql)
{
	PGconn *c = PQconnectdb("dbname=postgres");
	bool ok = PQstatus(c) == CONNECTION_OK;
	if (ok) {
		PGresult *r = PQexec(c, sql);
		ok = PQresultStatus(r) == PGRES_COMMAND_OK;
		if (!ok)
			fprintf(stderr, "fixture: %s: %s", sql, PQerrorMessage(c));
		PQclear(r);
	} else {
		fprintf(stderr, "fixture: no PostgreSQL server: %s", PQerrorMessage(c));
	}
	PQfinish(c);
	return ok;
}

/* Skip this test on PostgreSQL, saying why: it is about SQLite's files. */
#define fx_sqlite_only(why) \
	do { \
		if (fx_pg()) { \
			print_message("skip (sqlite only: %s)\n", why); \
			skip(); \
		} \
	} while (0)

static int fx_rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	return remove(p);
}

/* tag names the directory (okr-TAG-XXXXXX under $TMPDIR or /tmp). */
static inline int fx_setup(void **state, const char *tag, okr_time now)
{
	fx *f = calloc(1, sizeof *f);
	const char *tmp = getenv("TMPDIR");
	if (!f)
		return -1;
	snprintf(f->dir, sizeof f->dir, "%s/okr-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", tag);
	if (!mkdtemp(f->dir)) {
		free(f);
		return -1;
	}
	snprintf(f->path, sizeof f->path, "%s/okr.db", f->dir);
	if (fx_pg()) {
		static int n;
		char sql[128];
		snprintf(f->pgdb, sizeof f->pgdb, "okr_t%ld_%d", (long)getpid(), ++n);
		snprintf(sql, sizeof sql, "CREATE DATABASE %s", f->pgdb);
		if (!fx_pg_admin(sql))
			return -1;
		snprintf(f->path, sizeof f->path, "dbname=%s", f->pgdb);
		okr_store_trust_login();
	}
	okr_clock_fix(now);
	*state = f;
	return 0;
}

static inline int fx_teardown(void **state)
{
	fx *f = *state;
	if (f->pgdb[0]) {
		char sql[128];
		snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", f->pgdb);
		fx_pg_admin(sql);
	}
	nftw(f->dir, fx_rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

#endif
