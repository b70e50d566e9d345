/*
 * test_look.c — what a person last saw on a leaderboard (src/store/look.c)
 * on a real SQLite file: nothing before the first look, the ranks back as
 * they were saved, per person and per board, replaced whole, and refused
 * (with nothing written) for a read-only handle or a bad board name.
 */
#include <ftw.h>
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

#include "okr/store.h"
#include "fixture.h"


static int setup(void **state)
{
	return fx_setup(state, "look", 1795435200);
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

static void saved_and_read_back(void **state)
{
	fx *f = *state;
	okr_store *ann = open_as(f->path, "ann", OKR_OPEN_CREATE);
	okr_store *bob = open_as(f->path, "bob", 0);
	okr_look_row *rows;
	size_t n;
	okr_time at;
	assert_int_equal(okr_store_look_get(ann, "people/week", &rows, &n, &at), OKR_OK);
	assert_int_equal(n, 0);
	assert_int_equal(at, 0);
	free(rows);

	okr_look_row seen[] = { { 3, 2 }, { 1, 1 }, { 2, 2 } };
	int64_t v0 = okr_store_data_version(bob);
	assert_int_equal(okr_store_look_set(ann, "people/week", seen, 3, 1795435200), OKR_OK);
	/* A commit like any other: the other screen hears of it. */
	assert_true(okr_store_data_version(bob) != v0);
	assert_int_equal(okr_store_look_get(ann, "people/week", &rows, &n, &at), OKR_OK);
	assert_int_equal(n, 3);
	assert_int_equal(at, 1795435200);
	/* Ordered by id, for lookups by halving. */
	assert_int_equal(rows[0].id, 1);
	assert_int_equal(rows[0].rank, 1);
	assert_int_equal(rows[2].id, 3);
	assert_int_equal(rows[2].rank, 2);
	free(rows);

	/* Another person and another board see nothing of it. */
	assert_int_equal(okr_store_look_get(bob, "people/week", &rows, &n, &at), OKR_OK);
	assert_int_equal(n, 0);
	free(rows);
	assert_int_equal(okr_store_look_get(ann, "teams/week", &rows, &n, &at), OKR_OK);
	assert_int_equal(n, 0);
	free(rows);

	/* Replaced whole, not merged. */
	okr_look_row again[] = { { 2, 1 } };
	assert_int_equal(okr_store_look_set(ann, "people/week", again, 1, 1795435300), OKR_OK);
	assert_int_equal(okr_store_look_get(ann, "people/week", &rows, &n, &at), OKR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, 2);
	assert_int_equal(at, 1795435300);
	free(rows);
	okr_store_close(ann);
	okr_store_close(bob);
}

static void refusals_write_nothing(void **state)
{
	fx *f = *state;
	okr_store *ann = open_as(f->path, "ann", OKR_OPEN_CREATE);
	okr_store *ro = open_as(f->path, "ann", OKR_OPEN_READONLY);
	okr_look_row seen[] = { { 1, 1 } };
	assert_int_equal(okr_store_look_set(ro, "people/week", seen, 1, 1), OKR_E_DB);
	assert_int_equal(okr_store_look_set(ann, "", seen, 1, 1), OKR_E_USAGE);
	assert_non_null(strstr(okr_store_error(ann), "not a board name"));
	okr_look_row *rows;
	size_t n;
	okr_time at;
	assert_int_equal(okr_store_look_get(ann, "people/week", &rows, &n, &at), OKR_OK);
	assert_int_equal(n, 0);
	free(rows);
	okr_store_close(ro);
	okr_store_close(ann);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(saved_and_read_back, setup, teardown),
		cmocka_unit_test_setup_teardown(refusals_write_nothing, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
