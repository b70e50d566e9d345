/*
 * test_engine.c — the seam between the store and its engine
 * (src/store/engine.h), on the SQLite engine: the classes an engine's
 * errors come back as (the store's messages and retries switch on them),
 * ids from RETURNING, the per-engine SQL pairs, and what the store offers in
 * place of what used to leak above it — a descriptor that wakes when
 * another process commits, a scratch database for dry runs, the removal of
 * a database a failed import made, and the directories of a first one.
 */
#include <dirent.h>
#include <ftw.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../src/store/engine.h"
#include "fixture.h"

static int setup(void **state)
{
	return fx_setup(state, "engine", 1795435200);
}

static int teardown(void **state)
{
	return fx_teardown(state);
}

static okr_store *open_as(const char *path, const char *login, int flags)
{
	okr_store *s = NULL;
	char err[1024] = "";
	if (okr_store_open(path, flags, login, &s, err, sizeof err) != OKR_OK)
		fail_msg("open %s as %s: %s", path, login, err);
	return s;
}

static int insert(db_conn *c, const char *sql)
{
	db_stmt *st = NULL;
	int rc = db_prepare(c, sql, &st);
	if (rc == DB_OK)
		rc = db_step(st);
	db_finalize(st);
	return rc;
}

/* Each kind of refusal comes back as its class, whatever SQLite's number. */
static void errors_come_back_as_classes(void **state)
{
	(void)state;
	db_conn *c = NULL;
	assert_int_equal(db_connect("", DB_CONNECT_MEMORY, &c), DB_OK);
	assert_string_equal(db_engine_name(c), "sqlite");
	assert_int_equal(db_exec(c, "PRAGMA foreign_keys=ON;"
				 "CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, n INTEGER CHECK(n >= 0));"
				 "CREATE TABLE q(p_id INTEGER REFERENCES p(id));"
				 "CREATE TRIGGER q_no_delete BEFORE DELETE ON q BEGIN SELECT RAISE(ABORT, 'append-only'); END;"
				 "INSERT INTO p(name, n) VALUES('a', 1); INSERT INTO q VALUES(1);"), DB_OK);
	assert_int_equal(insert(c, "INSERT INTO p(name, n) VALUES('a', 2)"), DB_E_UNIQUE);
	assert_int_equal(db_errcode(c), DB_E_UNIQUE);
	assert_int_equal(insert(c, "INSERT INTO p(name, n) VALUES('b', -1)"), DB_E_CHECK);
	assert_int_equal(insert(c, "INSERT INTO p(name, n) VALUES(NULL, 1)"), DB_E_NOT_NULL);
	assert_int_equal(insert(c, "INSERT INTO q VALUES(99)"), DB_E_FOREIGN_KEY);
	assert_int_equal(insert(c, "DELETE FROM q"), DB_E_REFUSED);
	assert_int_equal(insert(c, "SELECT x FROM nowhere"), DB_E_ERROR);
	assert_non_null(strstr(db_errmsg(c), "nowhere"));
	assert_false(db_retryable(DB_E_UNIQUE));
	assert_true(db_retryable(DB_E_BUSY) && db_retryable(DB_E_RETRY));
	db_close(c);
}

/* A writer that holds the write lock makes another's DB_WRITE busy, not
 * locked forever: with no busy handler it is DB_E_BUSY at once. */
static void a_held_write_lock_is_busy(void **state)
{
	fx *f = *state;
	db_conn *a = NULL, *b = NULL;
	assert_int_equal(db_connect(f->path, DB_CONNECT_CREATE, &a), DB_OK);
	assert_int_equal(db_exec(a, "PRAGMA journal_mode=WAL; CREATE TABLE t(x)"), DB_OK);
	assert_int_equal(db_connect(f->path, 0, &b), DB_OK);
	db_busy_handler(b, NULL, NULL);
	assert_int_equal(db_begin(a, DB_WRITE), DB_OK);
	assert_int_equal(db_begin(b, DB_WRITE), DB_E_BUSY);
	assert_int_equal(db_begin(b, DB_READ), DB_OK);   /* readers never wait */
	assert_int_equal(db_commit(b), DB_OK);
	assert_int_equal(db_commit(a), DB_OK);
	assert_int_equal(db_begin(b, DB_WRITE), DB_OK);
	assert_int_equal(db_rollback(b), DB_OK);
	db_close(a);
	db_close(b);
}

static void ids_come_from_returning(void **state)
{
	(void)state;
	db_conn *c = NULL;
	assert_int_equal(db_connect("", DB_CONNECT_MEMORY, &c), DB_OK);
	assert_int_equal(db_exec(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, uid TEXT UNIQUE, v REAL, b BLOB)"), DB_OK);
	db_stmt *st = NULL;
	assert_int_equal(db_prepare_persistent(c, "INSERT INTO t(uid, v) VALUES(?1, ?2) "
					       "ON CONFLICT(uid) DO NOTHING RETURNING id", &st), DB_OK);
	int64_t id = -1;
	for (int i = 1; i <= 2; i++) {
		db_bind_text(st, 1, i == 1 ? "one" : "two", -1);
		db_bind_double(st, 2, 0.5 * i);
		assert_int_equal(db_step_id(st, &id), DB_DONE);
		assert_int_equal(id, i);
		assert_int_equal(db_changes(c), 1);
		db_reset(st);
	}
	/* A conflict that did nothing: done, and no id. */
	db_bind_text_static(st, 1, "one", -1);
	assert_int_equal(db_step_id(st, &id), DB_DONE);
	assert_int_equal(id, 0);
	db_finalize(st);

	assert_int_equal(db_prepare(c, "UPDATE t SET b = ?1 WHERE id = ?2", &st), DB_OK);
	char *blob = malloc(3);
	memcpy(blob, "a\0b", 3);
	db_bind_blob_free(st, 1, blob, 3);
	db_bind_int64(st, 2, 2);
	assert_int_equal(db_step(st), DB_DONE);
	db_finalize(st);
	assert_int_equal(db_prepare(c, "SELECT uid, v, b, NULL FROM t WHERE id = ?", &st), DB_OK);
	db_bind_int64(st, 1, 2);
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_column_count(st), 4);
	assert_string_equal(db_column_text(st, 0), "two");
	assert_true(db_column_double(st, 1) == 1.0);
	assert_int_equal(db_column_type(st, 1), DB_FLOAT);
	assert_int_equal(db_column_bytes(st, 2), 3);
	assert_memory_equal(db_column_blob(st, 2), "a\0b", 3);
	assert_true(db_column_is_null(st, 3));
	assert_null(db_column_text(st, 3));
	assert_int_equal(db_step(st), DB_DONE);
	db_finalize(st);
	db_close(c);
}

static void pairs_pick_the_engine_s_text(void **state)
{
	(void)state;
	db_conn *c = NULL;
	assert_int_equal(db_connect("", DB_CONNECT_MEMORY, &c), DB_OK);
	static const db_sql_pair both = { "SELECT 1", "SELECT 2" }, unwritten = { "SELECT 3", NULL };
	assert_ptr_equal(db_sql_pick(c, &both), both.sqlite);
	assert_ptr_equal(db_sql_pick(c, &unwritten), unwritten.sqlite);
	db_close(c);
}

/* What the screens wait on: readable when another process commits, and
 * acknowledged once; then the data version says the data moved. */
static void the_wait_descriptor_wakes_on_another_commit(void **state)
{
	fx *f = *state;
	okr_store *writer = open_as(f->path, "ann", OKR_OPEN_CREATE);
	okr_store *viewer = open_as(f->path, "bob", OKR_OPEN_READONLY);
	int fd = okr_store_wait_fd(viewer);
	assert_true(fd >= 0);
	assert_false(okr_store_wait_ack(viewer));   /* nothing yet */
	int64_t v0 = okr_store_data_version(viewer);
	assert_int_equal(okr_store_team_add(writer, "Platform", NULL), OKR_OK);
	struct pollfd p = { .fd = okr_store_wait_fd(viewer), .events = POLLIN };
	assert_int_equal(poll(&p, 1, 10000), 1);
	assert_true(okr_store_wait_ack(viewer));
	assert_false(okr_store_wait_ack(viewer));   /* taken in once */
	assert_true(okr_store_data_version(viewer) != v0);
	assert_string_equal(okr_store_engine(viewer), "sqlite");
	okr_store_close(writer);
	okr_store_close(viewer);
}

static bool dir_empty(const char *dir)
{
	DIR *d = opendir(dir);
	bool empty = true;
	for (struct dirent *e; d && (e = readdir(d));)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			empty = false;
	if (d)
		closedir(d);
	return empty;
}

/* A dry run's database: it takes writes like any other and leaves nothing. */
static void a_scratch_database_leaves_nothing(void **state)
{
	fx *f = *state;
	assert_false(okr_store_exists(f->path));
	okr_store *s = open_as(f->path, "ann", OKR_OPEN_SCRATCH);
	assert_int_equal(okr_store_team_add(s, "Platform", NULL), OKR_OK);
	assert_int_equal(okr_store_file_state(s), OKR_FILE_OK);
	assert_int_equal(okr_store_wait_fd(s), -1);   /* nobody else can commit to it */
	okr_store_close(s);
	assert_true(dir_empty(f->dir));
}

static void a_discarded_database_is_gone(void **state)
{
	fx *f = *state;
	okr_store *s = open_as(f->path, "ann", OKR_OPEN_CREATE);
	okr_store_wait_fd(s);   /* makes the doorbell too */
	assert_true(okr_store_exists(f->path));
	assert_false(dir_empty(f->dir));
	okr_store_discard(s);
	assert_true(dir_empty(f->dir));
	assert_false(okr_store_exists(f->path));
}

static void room_is_made_for_a_first_database(void **state)
{
	fx *f = *state;
	char path[400], dir[400];
	snprintf(path, sizeof path, "%s/a/b/okr.db", f->dir);
	okr_store_make_room(path);
	snprintf(dir, sizeof dir, "%s/a/b", f->dir);
	struct stat st;
	assert_int_equal(stat(dir, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	okr_store *s = open_as(path, "ann", OKR_OPEN_CREATE);
	okr_store_close(s);
	assert_true(okr_store_exists(path));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(errors_come_back_as_classes),
		cmocka_unit_test_setup_teardown(a_held_write_lock_is_busy, setup, teardown),
		cmocka_unit_test(ids_come_from_returning),
		cmocka_unit_test(pairs_pick_the_engine_s_text),
		cmocka_unit_test_setup_teardown(the_wait_descriptor_wakes_on_another_commit, setup, teardown),
		cmocka_unit_test_setup_teardown(a_scratch_database_leaves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(a_discarded_database_is_gone, setup, teardown),
		cmocka_unit_test_setup_teardown(room_is_made_for_a_first_database, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
