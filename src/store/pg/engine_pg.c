/*
 * engine_pg.c — the store's side of the PostgreSQL engine: which targets
 * it serves, opening with the person the server authenticated, the schema
 * number in a table of its own, and the engine's table for engine.h.
 *
 * A server has no files next to it, no doorbell and nothing to repair: the
 * file checks of the SQLite engine are nothing here, and a connection that
 * is lost is found again by conn_pg.c (pg_alive).
 */
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/util.h"
#include "../store_int.h"
#include "pg_int.h"

/* The lock migrations are taken under ("okr" then 'm'). */
#define PG_MIGRATE_LOCK "7302002"

/* Does a conninfo give this keyword (at its start or after a space, then
 * "=" perhaps after spaces)? */
static bool has_key(const char *t, const char *key)
{
	size_t n = strlen(key);
	for (const char *p = t; (p = strstr(p, key)); p += n) {
		if (p != t && p[-1] != ' ' && p[-1] != '\t')
			continue;
		const char *q = p + n;
		while (*q == ' ' || *q == '\t')
			q++;
		if (*q == '=')
			return true;
	}
	return false;
}

/* A URI of libpq, or a conninfo naming a host, database or service: a file
 * path that happens to contain "host=" would still need a space or the
 * start before it, and nobody names a database file "dbname=x". */
bool pg_claims(const char *t)
{
	if (!strncmp(t, "postgresql://", 13) || !strncmp(t, "postgres://", 11))
		return true;
	return has_key(t, "host") || has_key(t, "hostaddr") || has_key(t, "dbname") || has_key(t, "service");
}

/* Tests stand in for people with the login they pass (okr-test's $OKR_USER,
 * the store tests' "alice"); okr as people run it never calls this, and
 * there the person is the role the server authenticated. */
static bool login_given;

void okr_store_trust_login(void)
{
	login_given = true;
}

static int pg_schema_version(okr_store *s);

static okr_result pg_open(okr_store *s)
{
	/* No libpq is no fault of the connection string or the server. */
	char why[256];
	if (!pq_load(why, sizeof why))
		return store_fail(s, OKR_E_DB, _("cannot open %s: %s"), s->path, why);
	int rc = db_connect(s->path, 0, &s->db);
	if (rc != DB_OK)
		return store_fail(s, OKR_E_DB,
			_("cannot connect to the PostgreSQL server of %s: %s — check the connection string, "
			  "that the server runs and that your role may log in (see `okr help` and the README)"),
			s->path, s->db ? db_errmsg(s->db) : db_errstr(rc));
	db_busy_handler(s->db, store_busy_handler, s);
	/* An empty database is made an okr one by okr init only, as a missing
	 * file is on SQLite. */
	if (!(s->flags & OKR_OPEN_CREATE)) {
		int v = pg_schema_version(s);
		if (v < 0)
			return store_sqlerr(s, db_errcode(s->db), _("reading the schema version"));
		((pg_conn *)s->db)->schema_seen = v;   /* the migration's first ask, next */
		if (v == 0)
			return store_fail(s, OKR_E_DB,
				_("no okr database at %s — create one with `okr init`, try `okr demo` for a sample, "
				  "or point --db or $OKR_DB at your team's file"), s->path);
	}
	if (login_given)
		return OKR_OK;
	pg_conn *c = (pg_conn *)s->db;
	if (c->role[0]) {   /* read with the schema version */
		free(s->me.login);
		free(s->me.name);
		s->me.login = okr_xstrdup(c->role);
		s->me.name = okr_xstrdup(c->role);
		return OKR_OK;
	}
	db_stmt *st;
	if (db_prepare(s->db, "SELECT current_user", &st) != DB_OK)
		return store_sqlerr(s, db_errcode(s->db), _("asking the server who you are"));
	rc = db_step(st);
	if (rc == DB_ROW && db_column_text(st, 0)) {
		free(s->me.login);
		free(s->me.name);
		s->me.login = okr_xstrdup(db_column_text(st, 0));
		s->me.name = okr_xstrdup(s->me.login);
	}
	db_finalize(st);
	if (rc != DB_ROW)
		return store_sqlerr(s, db_errcode(s->db), _("asking the server who you are"));
	return OKR_OK;
}

static void pg_opened(okr_store *s)
{
	(void)s;
}

/* A server has no file to lose, but its connection can drop: asking is
 * what reconnects (conn_pg.c, pg_alive, with back-off), so a screen that
 * asks on its slow timer comes back by itself once the server is there. */
static okr_file_state pg_file_state(okr_store *s)
{
	if (!s->db)
		return OKR_FILE_OK;
	return pg_alive((pg_conn *)s->db) ? OKR_FILE_OK : OKR_FILE_DISCONNECTED;
}

/* A lost connection: a DB problem with what to do, not "unexpected". */
static okr_result pg_cause(okr_store *s, int rc)
{
	if (rc != DB_E_CONNLOST)
		return OKR_OK;
	return store_fail(s, OKR_E_DB, _("the connection to the server of %s was lost — %s; okr reconnects "
					 "by itself, try again in a moment"), s->path, _("nothing was saved"));
}

static void pg_release(okr_store *s)
{
	(void)s;
}

static okr_result pg_health(okr_store *s)
{
	(void)s;
	return OKR_OK;
}

/* One value of a query without parameters, or -1 (the error is on c). */
static int one_int(db_conn *c, const char *sql)
{
	db_stmt *st;
	if (db_prepare(c, sql, &st) != DB_OK)
		return -1;
	int v = db_step(st) == DB_ROW ? db_column_int(st, 0) : -1;
	db_finalize(st);
	return v;
}

/* Inside the migration's write, the migration lock first: two okr
 * starting on a new database at once take turns, and the second reads the
 * number the first left. */
static int pg_schema_version(okr_store *s)
{
	pg_conn *c = (pg_conn *)s->db;
	bool in_write = c->mode == DB_WRITE && (c->begin_pending || PQtransactionStatus(c->pg) == PQTRANS_INTRANS);
	if (in_write && one_int(s->db, "SELECT 0 FROM pg_advisory_xact_lock(" PG_MIGRATE_LOCK ")") < 0)
		return -1;
	/* Opening asks twice in a row (an okr database? a current one?): the
	 * second takes the answer to the first, once, saving two round trips. */
	int seen = c->schema_seen;
	c->schema_seen = -1;
	if (!in_write && seen >= 0)
		return seen;
	/* Outside a transaction the number is asked for at once, and a
	 * database without okr's tables answers 42P01 (no such table), which
	 * is 0: one statement on a backend's cold caches, where a look in
	 * pg_tables first cost 2 ms of planning a catalog view.  (The server
	 * logs that error, so its log shows one at `okr init` and whenever okr
	 * is pointed at a database it did not make.)  Inside a transaction an
	 * error would end it: the table is looked up first. */
	if (!in_write && !c->begin_pending && PQtransactionStatus(c->pg) == PQTRANS_IDLE) {
		PGresult *res = PQexec(c->pg, "SELECT COALESCE(max(version), 0), current_user FROM okr_schema");
		const char *st = PQresultStatus(res) == PGRES_FATAL_ERROR
			? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
		int v = st && !strcmp(st, "42P01") ? 0 : pg_check(c, res) != DB_OK ? -1
			: PQntuples(res) == 1 ? atoi(PQgetvalue(res, 0, 0)) : -1;
		if (v > 0)   /* who the server takes us for, for pg_open, in the same trip */
			okr_strlcpy(c->role, PQgetvalue(res, 0, 1), sizeof c->role);
		PQclear(res);
		return v;
	}
	int have = one_int(s->db, "SELECT count(*) FROM (SELECT to_regclass('okr_schema')) t(r) WHERE r IS NOT NULL");
	if (have <= 0)
		return have;
	return one_int(s->db, "SELECT COALESCE(max(version), 0) FROM okr_schema");
}

static int pg_set_schema_version(okr_store *s, int v)
{
	int rc = db_exec(s->db, "CREATE TABLE IF NOT EXISTS okr_schema("
				"id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)");
	if (rc != DB_OK)
		return rc;
	db_stmt *st;
	rc = db_prepare(s->db, "INSERT INTO okr_schema(id, version) VALUES(1, ?1) "
			       "ON CONFLICT(id) DO UPDATE SET version = excluded.version", &st);
	if (rc != DB_OK)
		return rc;
	db_bind_int64(st, 1, v);
	rc = db_step(st);
	db_finalize(st);
	if (rc != DB_DONE)
		return rc;
	if (v != pg_nmigrations)
		return DB_OK;
	/* The score ledger's bytes uncompressed: every screen that starts reads
	 * them whole and every save writes them whole, and pglz on 2.4 MB cost
	 * 10-20 ms a read for the 1.9 MB of disk it saved.  Then okr's rules as
	 * the server's, once the tables are all there. */
	rc = db_exec(s->db, "ALTER TABLE score_ledger ALTER COLUMN state SET STORAGE EXTERNAL,"
			    " ALTER COLUMN board SET STORAGE EXTERNAL");
	return rc == DB_OK ? db_exec(s->db, pg_roles_sql) : rc;
}

/* A server is always there; whether the database is is for connect to say. */
static bool pg_exists(const char *target)
{
	(void)target;
	return true;
}

static void pg_make_room(const char *target)
{
	(void)target;
}

static void pg_discard(okr_store *s)
{
	(void)s;
}

const db_engine db_engine_pg = {
	.name = "postgresql",
	.claims = pg_claims,
	.open = pg_open,
	.opened = pg_opened,
	.cause = pg_cause,
	.file_state = pg_file_state,
	.release = pg_release,
	.health = pg_health,
	.schema_version = pg_schema_version,
	.set_schema_version = pg_set_schema_version,
	.migrations = pg_migrations,
	.exists = pg_exists,
	.make_room = pg_make_room,
	.preload = pq_preload,
	.discard = pg_discard,
	.connect = pg_connect,
	.close = pg_close,
	.errmsg = pg_errmsg,
	.errcode = pg_errcode,
	.exec = pg_exec,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.changes = pg_changes,
	.busy_handler = pg_busy_handler,
	.after_commit = pg_nothing,
	.announce = pg_nothing,
	.data_version = pg_data_version,
	.wait_fd = pg_wait_fd,
	.wait_ack = pg_wait_ack,
	.prepare = pg_prepare,
	.step = pg_step,
	.reset = pg_reset,
	.clear_bindings = pg_clear_bindings,
	.finalize = pg_finalize,
	.bind_int64 = pg_bind_int64,
	.bind_double = pg_bind_double,
	.bind_text = pg_bind_text,
	.bind_blob_free = pg_bind_blob_free,
	.bind_null = pg_bind_null,
	.column_count = pg_column_count,
	.column_type = pg_column_type,
	.column_int64 = pg_column_int64,
	.column_double = pg_column_double,
	.column_text = pg_column_text,
	.column_blob = pg_column_blob,
	.column_bytes = pg_column_bytes,
	.column_name = pg_column_name,
};
