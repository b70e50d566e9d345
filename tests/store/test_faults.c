/*
 * test_faults.c — the store when the shared host misbehaves (issue 12):
 * client ids scoped to the key result or KPI and the person, the database
 * file deleted or replaced and its -wal removed under an open handle, the
 * prompt checkpoint that keeps a deleted -wal from holding okr's writes,
 * and files in the shared directory that are links or FIFOs.
 */
#include <fcntl.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "okr/store.h"
#include "fixture.h"
#include "../../src/store/store_int.h"

static int setup(void **state)
{
	return fx_setup(state, "faults", 1795435200);
}

static int teardown(void **state)
{
	return fx_teardown(state);
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!hay || !strstr(hay, needle))
		fail_msg("expected \"%s\" in \"%s\"", needle, hay ? hay : "(null)");
}

static okr_store *open_as(const char *path, const char *login, int flags)
{
	okr_store *s = NULL;
	char err[1024] = "";
	if (okr_store_open(path, flags, login, &s, err, sizeof err) != OKR_OK)
		fail_msg("open %s as %s: %s", path, login, err);
	return s;
}

/* alice (admin) with a cycle, O1 and key results K1, K2; bob a lead. */
static okr_store *new_team(fx *f)
{
	okr_store *s = open_as(f->path, "alice", OKR_OPEN_CREATE);
	int64_t id;
	assert_int_equal(okr_store_cycle_add(s, "2026-Q4", 20362, 20453, &id), OKR_OK);
	okr_objective_in o = okr_objective_in_none();
	o.title = "Grow";
	assert_int_equal(okr_store_objective_add(s, &o, &id), OKR_OK);
	for (int i = 0; i < 2; i++) {
		okr_kr_in k = okr_kr_in_none();
		k.objective_id = 1;
		k.title = i ? "Bugs" : "Users";
		k.target = 100;
		assert_int_equal(okr_store_kr_add(s, &k, &id), OKR_OK);
	}
	assert_int_equal(okr_store_person_add(s, "bob", "Bob"), OKR_OK);
	assert_int_equal(okr_store_person_set_role(s, "bob", ROLE_LEAD), OKR_OK);
	return s;
}

static size_t ncheckins(okr_store *s, int64_t kr)
{
	okr_checkin *v = NULL;
	size_t n = 0;
	assert_int_equal(okr_store_checkins(s, kr, 0, &v, &n), OKR_OK);
	okr_checkins_free(v, n);
	return n;
}

static void test_client_id_scoped(void **state)
{
	fx *f = *state;
	okr_store *s = new_team(f);
	int64_t a = 0, b = 0;
	assert_int_equal(okr_store_checkin(s, 1, 10, 5, NULL, "JOB42", 0, &a), OKR_OK);
	assert_false(okr_store_last_was_repeat(s));
	assert_int_equal(okr_store_checkin(s, 2, 20, 5, NULL, "JOB42", 0, &b), OKR_OK);
	assert_false(okr_store_last_was_repeat(s));
	assert_true(a > 0 && b > 0 && a != b);
	assert_int_equal(ncheckins(s, 1), 1);
	assert_int_equal(ncheckins(s, 2), 1);

	int64_t again = 0;
	assert_int_equal(okr_store_checkin(s, 1, 10, 5, NULL, "JOB42", 0, &again), OKR_OK);
	assert_true(okr_store_last_was_repeat(s));
	assert_int_equal(again, a);
	assert_int_equal(okr_store_checkin(s, 1, 11, 5, NULL, "JOB42", 0, NULL), OKR_E_REUSED);
	assert_contains(okr_store_error(s), "--id JOB42 was already used by you for another check-in of K1");
	assert_int_equal(okr_store_checkin(s, 1, 10, 5, "a note", "JOB42", 0, NULL), OKR_E_REUSED);
	assert_int_equal(ncheckins(s, 1), 1);

	okr_store *t = open_as(f->path, "bob", 0);
	assert_int_equal(okr_store_checkin(t, 1, 10, 5, NULL, "JOB42", 0, NULL), OKR_OK);
	assert_false(okr_store_last_was_repeat(t));
	okr_store_close(t);
	assert_int_equal(ncheckins(s, 1), 2);

	okr_kpi_in kin = { .name = "MRR", .source = "CRM", .target = 1000, .every = FREQ_DAILY };
	okr_kpi_in kin2 = { .name = "Churn", .source = "CRM", .target = 3, .every = FREQ_DAILY };
	int64_t k1, k2;
	assert_int_equal(okr_store_kpi_add(s, &kin, &k1), OKR_OK);
	assert_int_equal(okr_store_kpi_add(s, &kin2, &k2), OKR_OK);
	assert_int_equal(okr_store_kpi_push(s, k1, 5, NULL, "JOB42", 0, NULL), OKR_OK);
	assert_int_equal(okr_store_kpi_push(s, k2, 6, NULL, "JOB42", 0, NULL), OKR_OK);
	assert_false(okr_store_last_was_repeat(s));
	assert_int_equal(okr_store_kpi_push(s, k2, 6, NULL, "JOB42", 0, NULL), OKR_OK);
	assert_true(okr_store_last_was_repeat(s));
	assert_int_equal(okr_store_kpi_push(s, k2, 7, NULL, "JOB42", 0, NULL), OKR_E_REUSED);
	okr_sample *v;
	size_t n;
	assert_int_equal(okr_store_samples(s, k2, 0, &v, &n), OKR_OK);
	assert_int_equal(n, 1);
	okr_samples_free(v, n);
	okr_store_close(s);
}

static void test_deleted_file_refuses_writes(void **state)
{
	fx *f = *state;
	okr_store *s = new_team(f);
	assert_int_equal(okr_store_file_state(s), OKR_FILE_OK);
	char away[320];
	snprintf(away, sizeof away, "%s.away", f->path);
	assert_int_equal(rename(f->path, away), 0);
	assert_int_equal(okr_store_file_state(s), OKR_FILE_DELETED);
	assert_int_equal(okr_store_checkin(s, 1, 10, -1, NULL, NULL, 0, NULL), OKR_E_DB);
	assert_contains(okr_store_error(s), "was deleted while okr had it open — nothing was saved");
	okr_store_close(s);
	/* Nothing went into the file that was moved away. */
	rename(away, f->path);
	s = open_as(f->path, "alice", 0);
	assert_int_equal(ncheckins(s, 1), 0);
	okr_store_close(s);
}

static void test_replaced_file_refuses_writes(void **state)
{
	fx *f = *state;
	okr_store *s = new_team(f);
	char copy[1400];
	snprintf(copy, sizeof copy, "cp '%s' '%s.new' && mv '%s.new' '%s'", f->path, f->path, f->path, f->path);
	assert_int_equal(system(copy), 0);
	assert_int_equal(okr_store_file_state(s), OKR_FILE_REPLACED);
	assert_int_equal(okr_store_checkin(s, 1, 10, -1, NULL, NULL, 0, NULL), OKR_E_DB);
	assert_contains(okr_store_error(s), "was replaced by another file");
	okr_store_close(s);
}

/* Each commit is checkpointed at once: with another handle open (so no
 * checkpoint on close), the database file alone holds the check-in, and a
 * -wal deleted afterwards loses nothing. */
static void test_prompt_checkpoint(void **state)
{
	fx *f = *state;
	okr_store *s = new_team(f);
	okr_store *viewer = open_as(f->path, "bob", OKR_OPEN_READONLY);
	assert_int_equal(okr_store_checkin(s, 1, 42, -1, NULL, NULL, 0, NULL), OKR_OK);
	/* The database file by itself, copied while both handles are open. */
	char cmd[1400], copy[320];
	snprintf(copy, sizeof copy, "%s/copy.db", f->dir);
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", f->path, copy);
	assert_int_equal(system(cmd), 0);
	okr_store *c = open_as(copy, "alice", 0);
	okr_kr ck;
	assert_int_equal(okr_store_kr(c, 1, &ck), OKR_OK);
	assert_true(ck.has_value && ck.current == 42);
	okr_kr_free(&ck);
	okr_store_close(c);
	char wal[320];
	snprintf(wal, sizeof wal, "%s-wal", f->path);
	assert_int_equal(unlink(wal), 0);
	assert_int_equal(okr_store_file_state(s), OKR_FILE_WAL_GONE);
	assert_int_equal(okr_store_checkin(s, 1, 43, -1, NULL, NULL, 0, NULL), OKR_E_DB);
	assert_contains(okr_store_error(s), "-wal was deleted while okr had the database open");
	/* Another process opening now would share the viewers' -shm with a
	 * new -wal: refused until they let go. */
	pid_t pid = fork();
	if (pid == 0) {
		okr_store *o = NULL;
		char e[1024];
		okr_result r = okr_store_open(f->path, 0, "alice", &o, e, sizeof e);
		_exit(r == OKR_E_DB && strstr(e, "was deleted while other programs") ? 0 : 1);
	}
	int status;
	waitpid(pid, &status, 0);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	okr_store_release(s);
	assert_int_equal(okr_store_checkin(s, 1, 44, -1, NULL, NULL, 0, NULL), OKR_E_DB);
	assert_contains(okr_store_error(s), "is closed here while its -wal is repaired");
	okr_store_release(viewer);
	char err[1024];
	assert_int_equal(okr_store_reopen(&s, err, sizeof err), OKR_OK);
	assert_int_equal(okr_store_checkin(s, 1, 45, -1, NULL, NULL, 0, NULL), OKR_OK);
	okr_store_close(viewer);
	okr_store_close(s);
	s = open_as(f->path, "alice", 0);
	okr_kr kr;
	assert_int_equal(okr_store_kr(s, 1, &kr), OKR_OK);
	assert_true(kr.has_value);
	assert_true(kr.current == 45);
	okr_kr_free(&kr);
	okr_store_close(s);
}

static void test_side_files(void **state)
{
	fx *f = *state;
	okr_store_close(new_team(f));
	char side[320], err[1024];
	snprintf(side, sizeof side, "%s-shm", f->path);
	unlink(side);
	assert_int_equal(symlink("/tmp/elsewhere", side), 0);
	okr_store *s = NULL;
	assert_int_equal(okr_store_open(f->path, 0, "alice", &s, err, sizeof err), OKR_E_DB);
	assert_contains(err, "okr.db-shm is a symbolic link");
	unlink(side);

	snprintf(side, sizeof side, "%s-bell", f->path);
	unlink(side);
	assert_int_equal(mkfifo(side, 0666), 0);
	assert_false(okr_bell_touch(side, true));   /* returns at once: no reader */
	s = open_as(f->path, "alice", 0);
	assert_contains(okr_store_warning(s), "okr.db-bell is not a regular file");
	assert_int_equal(okr_store_checkin(s, 1, 10, -1, NULL, NULL, 0, NULL), OKR_OK);
	okr_store_close(s);
	unlink(side);
	mode_t old = umask(077);
	assert_true(okr_bell_touch(side, true));
	umask(old);
	struct stat st;
	assert_int_equal(stat(side, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0660);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_client_id_scoped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deleted_file_refuses_writes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replaced_file_refuses_writes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_prompt_checkpoint, setup, teardown),
		cmocka_unit_test_setup_teardown(test_side_files, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
