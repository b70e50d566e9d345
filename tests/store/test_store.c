/*
 * test_store.c — the store on a real SQLite file (STYLE habit 14): opening,
 * migrations from every earlier schema, refusals that leave the file alone,
 * optimistic locking, append-only check-ins, idempotent retries, concurrent
 * writers in separate processes, roles, audit, doorbell and snapshots.
 *
 * Every test gets its own mkdtemp directory, removed afterwards.  The clock
 * is fixed with okr_clock_fix so nothing depends on the day the tests run.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <math.h>
#include <pwd.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "okr/assess.h"
#include "okr/store.h"
#include "fixture.h"
#include "../../src/store/store_int.h"

enum { NOW = 1795435200 };   /* 2026-11-23 12:00 UTC */

/* ---- fixture and helpers ---------------------------------------------------- */

static int setup(void **state)
{
	return fx_setup(state, "store", NOW);
}

static int teardown(void **state)
{
	fx *f = *state;
	chmod(f->dir, 0700);
	chmod(f->path, 0600);
	return fx_teardown(state);
}

static okr_store *open_as(const char *path, const char *login, int flags)
{
	okr_store *s = NULL;
	char err[1024] = "";
	okr_result r = okr_store_open(path, flags, login, &s, err, sizeof err);
	if (r != OKR_OK)
		fail_msg("open %s as %s: %d %s", path, login, r, err);
	return s;
}

/* Open expecting a refusal; returns the code and copies the message. */
static okr_result open_fails(const char *path, int flags, char *err, size_t len)
{
	okr_store *s = NULL;
	err[0] = '\0';
	okr_result r = okr_store_open(path, flags, "alice", &s, err, len);
	assert_null(s);
	return r;
}

/* A raw connection, the way the sqlite3 shell, psql or another program
 * sees the database: through the engine seam, with no okr rules. */
static db_conn *raw_conn(const char *path)
{
	db_conn *c = NULL;
	if (db_connect(path, DB_CONNECT_CREATE, &c) != DB_OK)
		fail_msg("connect %s: %s", path, db_errmsg(c));
	return c;
}

/* A raw SQLite connection, for what only SQLite has. */
static sqlite3 *raw(const char *path)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 10000);
	return db;
}

static void raw_exec(const char *path, const char *sql)
{
	db_conn *c = raw_conn(path);
	if (db_exec(c, sql) != DB_OK)
		fail_msg("%s: %s", sql, db_errmsg(c));
	db_close(c);
}

static char *raw_text(const char *path, const char *sql)
{
	db_conn *c = raw_conn(path);
	db_stmt *st = NULL;
	char *v = NULL;
	if (db_prepare(c, sql, &st) != DB_OK)
		fail_msg("%s: %s", sql, db_errmsg(c));
	int rc = db_step(st);
	if (rc == DB_ROW && db_column_text(st, 0))
		v = strdup(db_column_text(st, 0));
	else if (rc != DB_ROW && rc != DB_DONE)
		fail_msg("%s: %s", sql, db_errmsg(c));
	db_finalize(st);
	db_close(c);
	return v;
}

static int64_t raw_int(const char *path, const char *sql)
{
	char *t = raw_text(path, sql);
	int64_t v = t ? strtoll(t, NULL, 10) : -1;
	free(t);
	return v;
}

static unsigned char *slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	long len = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	unsigned char *b = malloc((size_t)len + 1);
	assert_int_equal(fread(b, 1, (size_t)len, fp), (size_t)len);
	fclose(fp);
	*n = (size_t)len;
	return b;
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!hay || !strstr(hay, needle))
		fail_msg("expected \"%s\" in \"%s\"", needle, hay ? hay : "(null)");
}

static okr_day day(int y, int m, int d)
{
	/* days from civil (Howard Hinnant) */
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (okr_day)(era * 146097 + doe - 719468);
}

/* A database owned by alice (admin): cycle 2026-Q4, O1 with K1 (0 → 100 users). */
static okr_store *new_team(fx *f)
{
	okr_store *s = open_as(f->path, "alice", OKR_OPEN_CREATE);
	int64_t id;
	assert_int_equal(okr_store_cycle_add(s, "2026-Q4", day(2026, 10, 1), day(2026, 12, 31), &id), OKR_OK);
	okr_objective_in o = okr_objective_in_none();
	o.title = "Grow the user base";
	assert_int_equal(okr_store_objective_add(s, &o, &id), OKR_OK);
	assert_int_equal(id, 1);
	okr_kr_in k = okr_kr_in_none();
	k.objective_id = 1;
	k.title = "Users";
	k.target = 100;
	k.unit = "users";
	assert_int_equal(okr_store_kr_add(s, &k, &id), OKR_OK);
	assert_int_equal(id, 1);
	return s;
}

static int64_t count(const char *path, const char *table)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	return raw_int(path, sql);
}

/* ---- opening ------------------------------------------------------------------ */

static void test_create_open_reopen(void **state)
{
	fx *f = *state;
	char err[1024];
	assert_int_equal(open_fails(f->path, 0, err, sizeof err), OKR_E_DB);
	assert_contains(err, "okr init");
	if (!fx_pg())
		assert_int_equal(access(f->path, F_OK), -1);   /* nothing made */

	okr_store *s = open_as(f->path, "alice", OKR_OPEN_CREATE);
	assert_string_equal(okr_store_me(s)->login, "alice");
	assert_int_equal(okr_store_me(s)->role, ROLE_ADMIN);   /* the first person */
	okr_store_close(s);
	if (fx_pg()) {
		assert_int_equal(raw_int(f->path, "SELECT version FROM okr_schema"), okr_store_schema_version());
	} else {
		assert_int_equal(raw_int(f->path, "PRAGMA user_version"), okr_store_schema_version());
		assert_int_equal(raw_int(f->path, "PRAGMA application_id"), STORE_APPLICATION_ID);
	}
	assert_true(okr_store_schema_version() >= 3);

	s = open_as(f->path, "alice", 0);
	assert_int_equal(okr_store_me(s)->role, ROLE_ADMIN);
	okr_store_close(s);
	s = open_as(f->path, "bob", 0);
	assert_int_equal(okr_store_me(s)->role, ROLE_MEMBER);
	okr_store_close(s);
	assert_int_equal(count(f->path, "person"), 2);
	/* A read-only viewer is not registered. */
	s = open_as(f->path, "carol", OKR_OPEN_READONLY);
	okr_store_close(s);
	assert_int_equal(count(f->path, "person"), 2);
	if (fx_pg())
		return;
	char *mode = raw_text(f->path, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
}

/* A file as an earlier okr left it: only the first `version` steps, with data. */
static void make_old(const char *path, int version)
{
	fx_sqlite_only("files made by earlier okr versions");
	sqlite3 *db = raw(path);
	char sql[256];
	assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL), SQLITE_OK);
	for (int step = 0; step < version; step++) {
		char *msg = NULL;
		if (sqlite3_exec(db, store_migrations[step], NULL, NULL, &msg) != SQLITE_OK)
			fail_msg("step %d: %s", step + 1, msg);
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d", version,
		 STORE_APPLICATION_ID);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	const char *data =
		"INSERT INTO person(id, login, name, role, created_at) VALUES(1, 'alice', 'Alice', 'admin', 1);"
		"INSERT INTO person(id, login, name, role, created_at) VALUES(2, 'bob', 'Bob', 'member', 1);"
		"INSERT INTO team(id, name) VALUES(1, 'Core');"
		"INSERT INTO team_member VALUES(1, 2);"
		"INSERT INTO cycle(id, name, start_day, end_day, state, is_current) "
		"  VALUES(1, '2026-Q4', 20727, 20818, 'active', 1);"
		"INSERT INTO objective(id, cycle_id, title, owner_id, created_at) VALUES(1, 1, 'Old objective', 1, 1);"
		"INSERT INTO key_result(id, objective_id, title, owner_id, type, start_value, target_value, created_at)"
		"  VALUES(1, 1, 'Old KR', 2, 'metric', 0, 10, 1);"
		"INSERT INTO checkin(uid, kr_id, author_id, value, confidence, at) VALUES('u1', 1, 2, 4, 6, 100);"
		"INSERT INTO audit(at, person_id, action, entity, entity_id) VALUES(1, 1, 'add', 'O', 1);";
	char *msg = NULL;
	if (sqlite3_exec(db, data, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("data at version %d: %s", version, msg);
	if (version >= 2 && sqlite3_exec(db,
		"INSERT INTO kpi(id, name, target, direction, frequency, created_at) "
		"  VALUES(1, 'MRR', 1000, 'at_least', 'weekly', 1);"
		"INSERT INTO kpi_sample(uid, kpi_id, author_id, value, at) VALUES('s1', 1, 1, 900, 50);",
		NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("kpi data: %s", msg);
	sqlite3_close(db);
}

static void migrate_from(fx *f, int version)
{
	make_old(f->path, version);
	assert_int_equal(raw_int(f->path, "PRAGMA user_version"), version);
	okr_store *s = open_as(f->path, "bob", 0);
	assert_int_equal(okr_store_me(s)->role, ROLE_MEMBER);
	assert_string_equal(okr_store_me(s)->teams, "Core");
	okr_kr k;
	assert_int_equal(okr_store_kr(s, 1, &k), OKR_OK);
	assert_string_equal(k.title, "Old KR");
	assert_true(k.has_value);
	assert_true(k.current == 4);
	assert_int_equal(k.confidence, 6);
	okr_kr_free(&k);
	/* The new tables work on the migrated file. */
	assert_int_equal(okr_store_checkin(s, 1, 5, 7, "after the upgrade", NULL, 0, NULL), OKR_OK);
	assert_int_equal(okr_store_comment(s, 'K', 1, "migrated fine", 0, NULL), OKR_OK);
	if (version >= 2) {
		okr_kpi p;
		assert_int_equal(okr_store_kpi_by_name(s, "MRR", &p), OKR_OK);
		assert_true(p.has_value && p.latest == 900);
		okr_kpi_free(&p);
	}
	okr_store_close(s);
	assert_int_equal(raw_int(f->path, "PRAGMA user_version"), okr_store_schema_version());
	assert_int_equal(count(f->path, "checkin"), 2);
	assert_int_equal(count(f->path, "objective"), 1);
	assert_int_equal(count(f->path, "person"), 2);
	char *ok = raw_text(f->path, "PRAGMA integrity_check");
	assert_string_equal(ok, "ok");
	free(ok);
}

static void test_migrate_from_1(void **state) { migrate_from(*state, 1); }
static void test_migrate_from_2(void **state) { migrate_from(*state, 2); }

/* Every earlier version, whatever the current one is, in a fresh directory each. */
static void test_migrate_from_every_version(void **state)
{
	(void)state;
	fx_sqlite_only("files made by earlier okr versions");
	for (int v = 1; v < okr_store_schema_version(); v++) {
		void *st = NULL;
		assert_int_equal(setup(&st), 0);
		migrate_from(st, v);
		teardown(&st);
	}
}

/* A read-only viewer does not upgrade: it says how to. */
static void test_migrate_readonly_viewer_refused(void **state)
{
	fx *f = *state;
	make_old(f->path, 1);
	char err[1024];
	assert_int_equal(open_fails(f->path, OKR_OPEN_READONLY, err, sizeof err), OKR_E_DB);
	assert_contains(err, "upgrade");
	assert_int_equal(raw_int(f->path, "PRAGMA user_version"), 1);
}

/* On PostgreSQL: the version table says 99, and okr says the same. */
static void newer_schema_pg(fx *f)
{
	raw_exec(f->path, "UPDATE okr_schema SET version = 99");
	char err[1024];
	assert_int_equal(open_fails(f->path, 0, err, sizeof err), OKR_E_DB);
	assert_contains(err, "newer okr");
	assert_contains(err, "upgrade okr");
	assert_int_equal(open_fails(f->path, OKR_OPEN_READONLY, err, sizeof err), OKR_E_DB);
	assert_contains(err, "newer okr");
	assert_int_equal(raw_int(f->path, "SELECT version FROM okr_schema"), 99);
	assert_int_equal(count(f->path, "objective"), 1);
}

static void newer_schema(fx *f, const char *journal)
{
	okr_store_close(new_team(f));
	if (fx_pg()) {
		newer_schema_pg(f);
		return;
	}
	char sql[128];
	snprintf(sql, sizeof sql, "PRAGMA journal_mode=%s; PRAGMA user_version = 99", journal);
	raw_exec(f->path, sql);
	size_t n1, n2;
	unsigned char *before = slurp(f->path, &n1);
	char err[1024];
	assert_int_equal(open_fails(f->path, 0, err, sizeof err), OKR_E_DB);
	assert_contains(err, "newer okr");
	assert_contains(err, "upgrade okr");
	assert_int_equal(open_fails(f->path, OKR_OPEN_READONLY, err, sizeof err), OKR_E_DB);
	unsigned char *after = slurp(f->path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);
	assert_int_equal(raw_int(f->path, "PRAGMA user_version"), 99);
}

static void test_newer_schema_wal(void **state) { newer_schema(*state, "WAL"); }
static void test_newer_schema_rollback(void **state) { newer_schema(*state, "DELETE"); }

static void test_not_okr_files(void **state)
{
	fx_sqlite_only("files that are not okr databases");
	fx *f = *state;
	char err[1024];
	raw_exec(f->path, "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES(1, 2)");
	size_t n1, n2;
	unsigned char *before = slurp(f->path, &n1);
	assert_int_equal(open_fails(f->path, 0, err, sizeof err), OKR_E_DB);
	assert_contains(err, "not an okr");
	unsigned char *after = slurp(f->path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);

	/* Random bytes (a fixed seed: the same "random" file every run). */
	unlink(f->path);
	FILE *fp = fopen(f->path, "wb");
	unsigned x = 12345;
	for (int i = 0; i < 8192; i++) {
		x = x * 1103515245u + 12345u;
		fputc((int)(x >> 16) & 0xff, fp);
	}
	fclose(fp);
	assert_int_equal(open_fails(f->path, 0, err, sizeof err), OKR_E_DB);
	assert_contains(err, "not an okr database");
	assert_int_equal(open_fails(f->path, OKR_OPEN_READONLY, err, sizeof err), OKR_E_DB);
	assert_int_equal(open_fails(f->path, OKR_OPEN_CREATE, err, sizeof err), OKR_E_DB);

	/* A directory where the file should be. */
	char dir[400];
	snprintf(dir, sizeof dir, "%s/sub", f->dir);
	mkdir(dir, 0700);
	assert_int_equal(open_fails(dir, 0, err, sizeof err), OKR_E_DB);
	assert_contains(err, "directory");
	rmdir(dir);

	okr_store *s = NULL;
	assert_int_equal(okr_store_open("", 0, "alice", &s, err, sizeof err), OKR_E_USAGE);
	assert_contains(err, "--db");
}

/*
 * The read-only check in the calling process; under root (whose access()
 * ignores modes) it runs in a child that has become nobody.
 */
static int readonly_check(const char *path)
{
	char err[1024] = "";
	okr_store *s = NULL;
	okr_result r = okr_store_open(path, 0, "alice", &s, err, sizeof err);
	if (r != OKR_E_DB || s || !strstr(err, "read-only"))
		return 1;
	/* A viewer can still read it. */
	r = okr_store_open(path, OKR_OPEN_READONLY, "alice", &s, err, sizeof err);
	if (r != OKR_OK)
		return 2;
	okr_kr k;
	r = okr_store_kr(s, 1, &k);
	if (r == OKR_OK)
		okr_kr_free(&k);
	okr_store_close(s);
	return r == OKR_OK ? 0 : 3;
}

static void test_readonly_file(void **state)
{
	fx_sqlite_only("file permissions");
	fx *f = *state;
	okr_store_close(new_team(f));
	raw_exec(f->path, "PRAGMA journal_mode=DELETE");   /* no -wal/-shm left behind */
	assert_int_equal(chmod(f->path, 0444), 0);
	if (geteuid() != 0) {
		assert_int_equal(readonly_check(f->path), 0);
		return;
	}
	struct passwd *pw = getpwnam("nobody");
	if (!pw)
		skip();
	chmod(f->dir, 0755);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0)
			_exit(77);
		_exit(readonly_check(f->path));
	}
	int status = 0;
	waitpid(pid, &status, 0);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77)
		skip();
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* ---- optimistic locking ---------------------------------------------------- */

static void test_stale_edit(void **state)
{
	fx *f = *state;
	okr_store *a = new_team(f);
	okr_store *b = open_as(f->path, "bob", 0);
	assert_int_equal(okr_store_person_set_role(a, "bob", ROLE_LEAD), OKR_OK);
	okr_store_close(b);
	b = open_as(f->path, "bob", 0);

	okr_objective oa, ob;
	assert_int_equal(okr_store_objective(a, 1, &oa), OKR_OK);
	assert_int_equal(okr_store_objective(b, 1, &ob), OKR_OK);
	assert_int_equal(oa.version, ob.version);

	okr_objective_in in = okr_objective_in_none();
	in.title = "Alice's title";
	assert_int_equal(okr_store_objective_edit(a, 1, oa.version, &in), OKR_OK);
	int64_t audits = count(f->path, "audit");
	in.title = "Bob's title";
	assert_int_equal(okr_store_objective_edit(b, 1, ob.version, &in), OKR_E_CONFLICT);
	assert_contains(okr_store_error(b), "alice");
	assert_contains(okr_store_error(b), "O1");
	assert_int_equal(count(f->path, "audit"), audits);
	assert_int_equal(okr_store_objective_archive(b, 1, ob.version), OKR_E_CONFLICT);
	okr_objective now;
	assert_int_equal(okr_store_objective(b, 1, &now), OKR_OK);
	assert_string_equal(now.title, "Alice's title");
	assert_int_equal(now.version, oa.version + 1);
	assert_false(now.archived);
	okr_objective_free(&now);

	/* The same for a key result. */
	okr_kr ka;
	assert_int_equal(okr_store_kr(a, 1, &ka), OKR_OK);
	okr_kr_in k = okr_kr_in_none();
	k.target = 200;
	assert_int_equal(okr_store_kr_edit(a, 1, ka.version, &k), OKR_OK);
	k.target = 300;
	assert_int_equal(okr_store_kr_edit(b, 1, ka.version, &k), OKR_E_CONFLICT);
	assert_contains(okr_store_error(b), "alice");
	okr_kr kn;
	assert_int_equal(okr_store_kr(b, 1, &kn), OKR_OK);
	assert_true(kn.target == 200);
	okr_kr_free(&kn);
	okr_kr_free(&ka);

	/* With the fresh version, bob's edit goes through. */
	assert_int_equal(okr_store_objective_edit(b, 1, oa.version + 1, &in), OKR_OK);
	okr_objective_free(&oa);
	okr_objective_free(&ob);
	okr_store_close(a);
	okr_store_close(b);
}

/* ---- check-ins --------------------------------------------------------------- */

static void test_checkins_append_only(void **state)
{
	fx *f = *state;
	okr_store *s = new_team(f);
	assert_int_equal(okr_store_checkin(s, 1, 10, 5, "first", NULL, 0, NULL), OKR_OK);
	okr_kpi_in kin = { .name = "MRR", .source = "CRM", .target = 1000, .dir = DIR_AT_LEAST, .every = FREQ_WEEKLY };
	int64_t kpi;
	assert_int_equal(okr_store_kpi_add(s, &kin, &kpi), OKR_OK);
	assert_int_equal(okr_store_kpi_push(s, kpi, 500, NULL, NULL, 0, NULL), OKR_OK);
	okr_store_close(s);

	db_conn *db = raw_conn(f->path);
	const char *bad[] = { "UPDATE checkin SET value = 99", "DELETE FROM checkin",
			      "UPDATE kpi_sample SET value = 99", "DELETE FROM kpi_sample" };
	for (int i = 0; i < 4; i++) {
		assert_int_not_equal(db_exec(db, bad[i]), DB_OK);
		assert_contains(db_errmsg(db), "append-only");
	}
	if (fx_pg()) {
		/* a server has one more way to rewrite history */
		assert_int_not_equal(db_exec(db, "TRUNCATE checkin CASCADE"), DB_OK);
		assert_contains(db_errmsg(db), "append-only");
	}
	db_close(db);
	assert_int_equal(count(f->path, "checkin"), 1);
	assert_int_equal(raw_int(f->path, "SELECT value FROM checkin"), 10);
	assert_int_equal(raw_int(f->path, "SELECT value FROM kpi_sample"), 500);
}

static void test_uid_idempotent(void **state)
{
	fx *f = *state;
	okr_store *s = new_team(f);
	int64_t id1 = 0, id2 = 0;
	assert_int_equal(okr_store_checkin(s, 1, 10, 5, "retry me", "job-42", 0, &id1), OKR_OK);
	int64_t audits = count(f->path, "audit");
	assert_int_equal(okr_store_checkin(s, 1, 10, 5, "retry me", "job-42", 0, &id2), OKR_OK);
	assert_true(id1 > 0);
	assert_int_equal(id1, id2);
	assert_int_equal(count(f->path, "checkin"), 1);
	assert_int_equal(count(f->path, "audit"), audits);
	/* The same through a second handle (another process retrying). */
	okr_store *t = open_as(f->path, "alice", 0);
	assert_int_equal(okr_store_checkin(t, 1, 10, 5, "retry me", "job-42", 0, NULL), OKR_OK);
	okr_store_close(t);
	assert_int_equal(count(f->path, "checkin"), 1);

	okr_kpi_in kin = { .name = "MRR", .source = "CRM", .target = 1000, .every = FREQ_DAILY };
	int64_t kpi;
	assert_int_equal(okr_store_kpi_add(s, &kin, &kpi), OKR_OK);
	assert_int_equal(okr_store_kpi_push(s, kpi, 5, NULL, "cron-1", 0, NULL), OKR_OK);
	assert_int_equal(okr_store_kpi_push(s, kpi, 5, NULL, "cron-1", 0, NULL), OKR_OK);
	assert_int_equal(count(f->path, "kpi_sample"), 1);

	assert_int_equal(okr_store_checkin(s, 1, 10, 5, NULL, "", 0, NULL), OKR_E_USAGE);
	okr_store_close(s);
}

/* Each child process writes its own check-ins through its own connection. */
static void concurrent_writers(fx *f, int procs, int each)
{
	okr_store_close(new_team(f));
	pid_t pids[16];
	for (int p = 0; p < procs; p++) {
		pids[p] = fork();
		assert_true(pids[p] >= 0);
		if (pids[p] == 0) {
			char err[1024];
			okr_store *s = NULL;
			if (okr_store_open(f->path, 0, "alice", &s, err, sizeof err) != OKR_OK) {
				fprintf(stderr, "child %d: %s\n", p, err);
				_exit(10);
			}
			for (int i = 0; i < each; i++) {
				char note[64];
				snprintf(note, sizeof note, "process %d, check-in %d", p, i);
				if (okr_store_checkin(s, 1, i, 5, note, NULL, NOW + i, NULL) != OKR_OK) {
					fprintf(stderr, "child %d: %s\n", p, okr_store_error(s));
					_exit(11);
				}
			}
			okr_store_close(s);
			_exit(0);
		}
	}
	for (int p = 0; p < procs; p++) {
		int status = 0;
		assert_int_equal(waitpid(pids[p], &status, 0), pids[p]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	assert_int_equal(count(f->path, "checkin"), procs * each);
	assert_int_equal(raw_int(f->path, "SELECT count(DISTINCT uid) FROM checkin"), procs * each);
	if (fx_pg())
		return;
	char *ok = raw_text(f->path, "PRAGMA integrity_check");
	assert_string_equal(ok, "ok");
	free(ok);
}

static void test_two_writers(void **state) { concurrent_writers(*state, 2, 300); }
static void test_four_writers(void **state) { concurrent_writers(*state, 4, 300); }

/* ---- rules ---------------------------------------------------------------------- */

static void test_roles(void **state)
{
	fx *f = *state;
	okr_store *a = new_team(f);
	okr_store *b = open_as(f->path, "bob", 0);
	okr_store *c = open_as(f->path, "carol", 0);
	assert_int_equal(okr_store_person_set_role(a, "carol", ROLE_LEAD), OKR_OK);
	okr_store_close(c);
	c = open_as(f->path, "carol", 0);

	assert_int_equal(okr_store_checkin(b, 1, 50, 5, NULL, NULL, 0, NULL), OKR_E_DENIED);
	assert_contains(okr_store_error(b), "K1");
	assert_contains(okr_store_error(b), "comment");
	assert_int_equal(count(f->path, "checkin"), 0);
	assert_int_equal(okr_store_checkin(c, 1, 50, 5, NULL, NULL, 0, NULL), OKR_OK);
	assert_int_equal(count(f->path, "checkin"), 1);

	/* A member edits neither someone else's objective nor the people. */
	okr_objective_in in = okr_objective_in_none();
	in.title = "Bob was here";
	assert_int_equal(okr_store_objective_edit(b, 1, 0, &in), OKR_E_DENIED);
	assert_int_equal(okr_store_person_set_role(b, "bob", ROLE_ADMIN), OKR_E_DENIED);
	assert_int_equal(okr_store_cycle_add(b, "2027-Q1", day(2027, 1, 1), day(2027, 3, 31), NULL), OKR_E_DENIED);
	okr_kr_in k = okr_kr_in_none();
	k.objective_id = 1;
	k.title = "Sneaky";
	k.target = 3;
	assert_int_equal(okr_store_kr_add(b, &k, NULL), OKR_E_DENIED);
	/* A member owns and checks in their own key result. */
	in.title = "Bob's own";
	int64_t oid, kid;
	assert_int_equal(okr_store_objective_add(b, &in, &oid), OKR_OK);
	k.objective_id = oid;
	assert_int_equal(okr_store_kr_add(b, &k, &kid), OKR_OK);
	assert_int_equal(okr_store_checkin(b, kid, 1, 9, NULL, NULL, 0, NULL), OKR_OK);

	/* Kudos: never to yourself; to someone else, fine. */
	int64_t kudos = count(f->path, "kudos");
	assert_int_equal(okr_store_kudos(b, "bob", "me me me", 0, 0, NULL), OKR_E_USAGE);
	assert_contains(okr_store_error(b), "yourself");
	assert_int_equal(count(f->path, "kudos"), kudos);
	assert_int_equal(okr_store_kudos(b, "alice", "thanks!", 1, 0, NULL), OKR_OK);
	assert_int_equal(okr_store_kudos(b, "nobody-here", "x", 0, 0, NULL), OKR_E_NOTFOUND);
	okr_store_close(a);
	okr_store_close(b);
	okr_store_close(c);
}

static void test_audit_rows(void **state)
{
	fx *f = *state;
	okr_store *s = new_team(f);
	okr_store *b = open_as(f->path, "bob", 0);
	int64_t n = count(f->path, "audit");
	int64_t id;
#define CHANGED(call, action) do { \
		assert_int_equal((call), OKR_OK); \
		assert_int_equal(count(f->path, "audit"), ++n); \
		char *a_ = raw_text(f->path, "SELECT action FROM audit ORDER BY id DESC LIMIT 1"); \
		assert_string_equal(a_, action); \
		free(a_); \
	} while (0)
	CHANGED(okr_store_checkin(s, 1, 20, 6, "note", NULL, 0, NULL), "checkin");
	okr_objective_in o = okr_objective_in_none();
	o.title = "Second";
	CHANGED(okr_store_objective_add(s, &o, &id), "add");
	o.title = "Second, renamed";
	CHANGED(okr_store_objective_edit(s, id, 0, &o), "edit");
	okr_kr_in k = okr_kr_in_none();
	k.objective_id = id;
	k.title = "Ship it";
	k.type = KR_MILESTONE;
	CHANGED(okr_store_kr_add(s, &k, &id), "add");
	k = okr_kr_in_none();
	k.title = "Ship it now";
	CHANGED(okr_store_kr_edit(s, id, 0, &k), "edit");
	CHANGED(okr_store_comment(s, 'K', 1, "good", 0, NULL), "comment");
	CHANGED(okr_store_kudos(s, "bob", "thanks", 0, 0, NULL), "kudos");
	CHANGED(okr_store_grade_set(s, 1, 0.5, "half"), "grade");
	okr_kpi_in kin = { .name = "NPS", .source = "survey", .target = 40, .every = FREQ_MONTHLY };
	CHANGED(okr_store_kpi_add(s, &kin, &id), "add");
	CHANGED(okr_store_kpi_push(s, id, 35, NULL, NULL, 0, NULL), "push");
	CHANGED(okr_store_kr_link_kpi(s, 1, id), "link");
	CHANGED(okr_store_team_add(s, "Core", NULL), "add");
	CHANGED(okr_store_team_join(s, "Core", "bob"), "join");
	CHANGED(okr_store_person_set_role(s, "bob", ROLE_LEAD), "role");
	CHANGED(okr_store_kr_archive(s, 2, 0), "archive");
	CHANGED(okr_store_objective_archive(s, 2, 0), "archive");
#undef CHANGED
	/* Every row names its author and the fixed time. */
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM audit WHERE person_id IS NULL OR at <> 1795435200"), 0);
	okr_store_close(b);
	okr_store_close(s);
}

static void test_doorbell(void **state)
{
	fx *f = *state;
	okr_store *s = new_team(f);
	if (fx_pg())
		goto others;   /* no doorbell file: the server notifies */
	const char *bell = okr_store_bell_path(s);
	char want[400];
	snprintf(want, sizeof want, "%s-bell", f->path);
	assert_string_equal(bell, want);
	assert_int_equal(access(bell, F_OK), 0);
	/* Gone, then back after a commit. */
	assert_int_equal(unlink(bell), 0);
	int64_t v1 = okr_store_data_version(s);
	assert_int_equal(okr_store_checkin(s, 1, 1, -1, NULL, NULL, 0, NULL), OKR_OK);
	assert_int_equal(access(bell, F_OK), 0);
	assert_true(okr_store_data_version(s) != v1);
	/* An old mtime moves on with the next commit. */
	struct timespec old[2] = { { 1000, 0 }, { 1000, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, bell, old, 0), 0);
	assert_int_equal(okr_store_checkin(s, 1, 2, -1, NULL, NULL, 0, NULL), OKR_OK);
	struct stat st;
	assert_int_equal(stat(bell, &st), 0);
	assert_true(st.st_mtime > 1000);
	/* A refused write does not ring. */
	assert_int_equal(utimensat(AT_FDCWD, bell, old, 0), 0);
	assert_int_equal(okr_store_checkin(s, 999, 2, -1, NULL, NULL, 0, NULL), OKR_E_NOTFOUND);
	assert_int_equal(stat(bell, &st), 0);
	assert_int_equal(st.st_mtime, 1000);
others:;
	/* Another connection's commit changes what this one sees. */
	int64_t v2 = okr_store_data_version(s);
	okr_store *t = open_as(f->path, "alice", 0);
	assert_int_equal(okr_store_checkin(t, 1, 3, -1, NULL, NULL, 0, NULL), OKR_OK);
	okr_store_close(t);
	assert_true(okr_store_data_version(s) != v2);
	okr_store_close(s);
}

static void test_bad_values_refused(void **state)
{
	fx *f = *state;
	okr_store *s = new_team(f);
	okr_kr_in k = okr_kr_in_none();
	int64_t ms;
	k.objective_id = 1;
	k.title = "Launch";
	k.type = KR_MILESTONE;
	assert_int_equal(okr_store_kr_add(s, &k, &ms), OKR_OK);
	int64_t audits = count(f->path, "audit");
	const double bad_ms[] = { 0.5, 2, 42, -1 };
	for (int i = 0; i < 4; i++) {
		assert_int_equal(okr_store_checkin(s, ms, bad_ms[i], -1, NULL, NULL, 0, NULL), OKR_E_USAGE);
		assert_contains(okr_store_error(s), "milestone");
	}
	const double bad[] = { NAN, INFINITY, -INFINITY, 1e16 };
	for (int i = 0; i < 4; i++)
		assert_int_equal(okr_store_checkin(s, 1, bad[i], -1, NULL, NULL, 0, NULL), OKR_E_USAGE);
	assert_int_equal(okr_store_checkin(s, 1, 5, 11, NULL, NULL, 0, NULL), OKR_E_USAGE);
	assert_int_equal(okr_store_checkin(s, 1, 5, -2, NULL, NULL, 0, NULL), OKR_E_USAGE);
	assert_int_equal(okr_store_checkin(s, 999, 5, 5, NULL, NULL, 0, NULL), OKR_E_NOTFOUND);
	assert_int_equal(okr_store_grade_set(s, 1, 1.5, NULL), OKR_E_USAGE);
	assert_int_equal(count(f->path, "checkin"), 0);
	assert_int_equal(count(f->path, "audit"), audits);
	assert_int_equal(okr_store_checkin(s, ms, 1, -1, NULL, NULL, 0, NULL), OKR_OK);
	assert_int_equal(okr_store_checkin(s, ms, 0, -1, NULL, NULL, 0, NULL), OKR_OK);

	/* Text: invalid UTF-8, empty, too long — nothing written. */
	okr_objective_in o = okr_objective_in_none();
	int64_t objs = count(f->path, "objective");
	o.title = "bad \xff\xfe bytes";
	assert_int_equal(okr_store_objective_add(s, &o, NULL), OKR_E_USAGE);
	assert_contains(okr_store_error(s), "UTF-8");
	o.title = "\xe1\xba";   /* a cut-off Vietnamese letter */
	assert_int_equal(okr_store_objective_add(s, &o, NULL), OKR_E_USAGE);
	o.title = "   ";
	assert_int_equal(okr_store_objective_add(s, &o, NULL), OKR_E_USAGE);
	char *huge = malloc(1 << 20);
	memset(huge, 'x', (1 << 20) - 1);
	huge[(1 << 20) - 1] = '\0';
	o.title = huge;
	assert_int_equal(okr_store_objective_add(s, &o, NULL), OKR_E_USAGE);
	assert_int_equal(okr_store_checkin(s, 1, 5, 5, huge, NULL, 0, NULL), OKR_E_USAGE);
	free(huge);
	okr_objective_in e = okr_objective_in_none();
	e.title = "\xc3\x28";
	assert_int_equal(okr_store_objective_edit(s, 1, 0, &e), OKR_E_USAGE);
	assert_int_equal(okr_store_comment(s, 'O', 1, "\xed\xa0\x80", 0, NULL), OKR_E_USAGE);  /* a surrogate */
	assert_int_equal(count(f->path, "objective"), objs);
	/* Escape sequences and other languages are text like any other. */
	o.title = "Tiếng Việt 中文 \x1b[31mred\x1b[0m";
	assert_int_equal(okr_store_objective_add(s, &o, NULL), OKR_OK);

	/* A metric must measure a change; loops in alignment are refused. */
	k = okr_kr_in_none();
	k.objective_id = 1;
	k.title = "Flat";
	k.start = 5;
	k.target = 5;
	assert_int_equal(okr_store_kr_add(s, &k, NULL), OKR_E_USAGE);
	okr_objective_in child = okr_objective_in_none();
	int64_t cid;
	child.title = "Child";
	child.parent_id = 1;
	assert_int_equal(okr_store_objective_add(s, &child, &cid), OKR_OK);
	e = okr_objective_in_none();
	e.parent_id = cid;
	assert_int_equal(okr_store_objective_edit(s, 1, 0, &e), OKR_E_USAGE);
	okr_store_close(s);
}

static void test_closed_cycle(void **state)
{
	fx *f = *state;
	okr_store *s = new_team(f);
	assert_int_equal(okr_store_checkin(s, 1, 10, 5, NULL, NULL, 0, NULL), OKR_OK);
	raw_exec(f->path, "UPDATE cycle SET state = 'closed'");
	int64_t audits = count(f->path, "audit");
	assert_int_equal(okr_store_checkin(s, 1, 20, 5, NULL, NULL, 0, NULL), OKR_E_CLOSED);
	assert_contains(okr_store_error(s), "closed");
	assert_int_equal(okr_store_grade_set(s, 1, 0.3, NULL), OKR_E_CLOSED);
	okr_objective_in o = okr_objective_in_none();
	o.title = "Too late";
	assert_int_equal(okr_store_objective_add(s, &o, NULL), OKR_E_CLOSED);
	assert_int_equal(okr_store_objective_edit(s, 1, 0, &o), OKR_E_CLOSED);
	okr_kr_in k = okr_kr_in_none();
	k.objective_id = 1;
	k.title = "Too late";
	k.target = 2;
	assert_int_equal(okr_store_kr_add(s, &k, NULL), OKR_E_CLOSED);
	assert_int_equal(count(f->path, "checkin"), 1);
	assert_int_equal(count(f->path, "audit"), audits);
	okr_store_close(s);
}

static void test_snapshot(void **state)
{
	fx *f = *state;
	okr_store *s = new_team(f);
	okr_store *b = open_as(f->path, "bob", 0);
	assert_int_equal(okr_store_team_add(s, "Core", NULL), OKR_OK);
	assert_int_equal(okr_store_team_join(s, "Core", "bob"), OKR_OK);
	okr_kr_in k = okr_kr_in_none();
	k.objective_id = 1;
	k.title = "Launch";
	k.type = KR_MILESTONE;
	k.owner = "bob";
	int64_t k2, k3, k4, o2;
	assert_int_equal(okr_store_kr_add(s, &k, &k2), OKR_OK);
	okr_objective_in o = okr_objective_in_none();
	o.title = "Keep it up";
	o.parent_id = 1;
	o.team = "Core";
	o.kind = OBJ_ASPIRATIONAL;
	assert_int_equal(okr_store_objective_add(s, &o, &o2), OKR_OK);
	k = okr_kr_in_none();
	k.objective_id = o2;
	k.title = "Uptime";
	k.type = KR_THRESHOLD;
	k.dir = DIR_AT_LEAST;
	k.target = 99.5;
	k.unit = "%";
	assert_int_equal(okr_store_kr_add(s, &k, &k3), OKR_OK);
	k.title = "Archived one";
	assert_int_equal(okr_store_kr_add(s, &k, &k4), OKR_OK);
	assert_int_equal(okr_store_kr_archive(s, k4, 0), OKR_OK);

	assert_int_equal(okr_store_checkin(s, 1, 30, 4, NULL, NULL, NOW - 86400, NULL), OKR_OK);
	assert_int_equal(okr_store_checkin(s, 1, 50, 6, "later", NULL, NOW, NULL), OKR_OK);
	assert_int_equal(okr_store_checkin(b, k2, 1, 9, NULL, NULL, NOW, NULL), OKR_OK);
	assert_int_equal(okr_store_checkin(s, k3, 99.9, -1, NULL, NULL, NOW, NULL), OKR_OK);

	okr_snapshot sn;
	assert_int_equal(okr_store_snapshot(b, 0, false, &sn), OKR_OK);
	assert_int_equal(sn.ncycles, 1);
	assert_string_equal(sn.cycles[0].name, "2026-Q4");
	assert_true(sn.cycles[0].current);
	assert_int_equal(sn.cycles[0].state, CYCLE_ACTIVE);
	assert_int_equal(sn.cycle_id, sn.cycles[0].id);
	assert_int_equal(sn.npeople, 2);
	assert_string_equal(sn.people[0].login, "alice");
	assert_string_equal(sn.people[1].teams, "Core");
	assert_int_equal(sn.nteams, 1);
	assert_int_equal(sn.nobjs, 2);
	assert_int_equal(sn.objs[1].parent_id, 1);
	assert_string_equal(sn.objs[1].team, "Core");
	assert_int_equal(sn.objs[1].kind, OBJ_ASPIRATIONAL);
	assert_int_equal(sn.nkrs, 3);   /* the archived one left out */
	assert_int_equal(sn.krs[0].id, 1);
	assert_true(sn.krs[0].current == 50);
	assert_int_equal(sn.krs[0].confidence, 6);
	assert_int_equal(sn.krs[0].last_at, NOW);
	assert_string_equal(sn.krs[1].owner, "bob");
	assert_int_equal(sn.krs[1].type, KR_MILESTONE);
	assert_int_equal(sn.krs[2].type, KR_THRESHOLD);
	assert_int_equal(sn.krs[2].decimals, 1);
	assert_int_equal(sn.krs[2].confidence, -1);

	okr_status_rules rules = { 0.15, 0.30 };
	okr_assessments as;
	okr_assess(&sn, ROLLUP_KRS, &rules, NOW, &as);
	assert_float_equal(as.krs[0].progress, 0.5, 1e-9);
	assert_float_equal(as.krs[1].progress, 1.0, 1e-9);
	assert_int_equal(as.krs[1].status, STATUS_DONE);
	assert_float_equal(as.krs[2].progress, 1.0, 1e-9);
	assert_float_equal(as.objs[0].progress, 0.75, 1e-9);
	assert_float_equal(as.objs[1].progress, 1.0, 1e-9);
	assert_int_equal(as.krs[0].due, day(2026, 12, 31));
	okr_assessments_free(&as);
	okr_assess(&sn, ROLLUP_BOTH, &rules, NOW, &as);
	assert_float_equal(as.objs[0].progress, (0.5 + 1.0 + 1.0) / 3, 1e-9);
	okr_assessments_free(&as);
	okr_snapshot_free(&sn);

	assert_int_equal(okr_store_snapshot(b, 0, true, &sn), OKR_OK);
	assert_int_equal(sn.nkrs, 4);
	okr_snapshot_free(&sn);

	okr_checkin *ci;
	size_t n;
	assert_int_equal(okr_store_checkins(b, 1, 0, &ci, &n), OKR_OK);
	assert_int_equal(n, 2);
	assert_true(ci[0].value == 50);   /* newest first */
	assert_string_equal(ci[0].note, "later");
	assert_string_equal(ci[0].author, "alice");
	okr_checkins_free(ci, n);
	okr_store_close(b);
	okr_store_close(s);
}

int main(void)
{
	okr_clock_fix(1795435200);
	setenv("TZ", "UTC", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_open_reopen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrate_from_1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrate_from_2, setup, teardown),
		cmocka_unit_test(test_migrate_from_every_version),
		cmocka_unit_test_setup_teardown(test_migrate_readonly_viewer_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_wal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_rollback, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_okr_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale_edit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_checkins_append_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_uid_idempotent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_writers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_four_writers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_doorbell, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_values_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_closed_cycle, setup, teardown),
		cmocka_unit_test_setup_teardown(test_snapshot, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
