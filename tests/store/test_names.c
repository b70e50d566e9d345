/*
 * test_names.c — the store's rules for names and cycles on a real SQLite
 * file: a person by login or display name (folded), refused with the
 * candidates when ambiguous; KPIs by folded name; overlapping cycles
 * refused; the current cycle from the dates; early close only when asked;
 * closed cycles refuse writes with their own code.  Nothing is written when
 * a call fails.
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


enum { NOW = 1795435200 };   /* 2026-11-23 12:00 UTC; 2026-10-01 is day 20727 */

static int setup(void **state)
{
	return fx_setup(state, "names", NOW);
}

static int teardown(void **state)
{
	return fx_teardown(state);
}

static okr_store *admin(fx *f)
{
	okr_store *s = NULL;
	char err[1024] = "";
	if (okr_store_open(f->path, OKR_OPEN_CREATE, "ann", &s, err, sizeof err) != OKR_OK)
		fail_msg("open: %s", err);
	return s;
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("'%s' does not contain '%s'", hay, needle);
}

static void people_by_name(void **state)
{
	okr_store *s = admin(*state);
	assert_int_equal(okr_store_person_add(s, "wei", "王伟"), OKR_OK);
	assert_int_equal(okr_store_person_add(s, "lan", "Nguyễn Thị Lan"), OKR_OK);
	okr_person p;
	assert_int_equal(okr_store_person_find(s, "nguyen thi lan", &p), OKR_OK);
	assert_string_equal(p.login, "lan");
	okr_person_free(&p);
	assert_int_equal(okr_store_person_find(s, "@wei", &p), OKR_OK);
	assert_string_equal(p.login, "wei");
	okr_person_free(&p);
	assert_int_equal(okr_store_person_add(s, "wei2", "王伟"), OKR_OK);
	assert_int_equal(okr_store_person_find(s, "王伟", &p), OKR_E_USAGE);
	assert_contains(okr_store_error(s), "@wei (王伟), @wei2 (王伟)");
	/* A login is never ambiguous, even when it is someone's display name. */
	assert_int_equal(okr_store_person_find(s, "wei", &p), OKR_OK);
	assert_string_equal(p.login, "wei");
	okr_person_free(&p);
	assert_int_equal(okr_store_person_find(s, "Nobody", &p), OKR_E_NOTFOUND);
	okr_store_close(s);
}

static void cycles_by_dates(void **state)
{
	okr_store *s = admin(*state);
	int64_t q1, q4, id;
	assert_int_equal(okr_store_cycle_add(s, "2027-Q1", 20727 + 92, 20727 + 181, &q1), OKR_OK);
	okr_cycle c;
	/* Only a future cycle: none is current. */
	assert_int_equal(okr_store_current_cycle(s, &c), OKR_E_NOTFOUND);
	assert_contains(okr_store_error(s), "no cycle has started yet");
	assert_int_equal(okr_store_cycle_add(s, "2026-Q4", 20727, 20727 + 91, &q4), OKR_OK);
	assert_int_equal(okr_store_current_cycle(s, &c), OKR_OK);
	assert_int_equal(c.id, q4);
	assert_int_equal(c.state, CYCLE_ACTIVE);
	okr_cycle_free(&c);
	/* Overlaps refused, on either side; adjacent cycles are fine. */
	assert_int_equal(okr_store_cycle_add(s, "X", 20727 + 91, 20727 + 100, &id), OKR_E_USAGE);
	assert_contains(okr_store_error(s), "overlaps cycle 2026-Q4");
	assert_int_equal(okr_store_cycle_add(s, "Y", 20727 - 10, 20727, &id), OKR_E_USAGE);
	assert_int_equal(okr_store_cycle_by_name(s, "X", &c), OKR_E_NOTFOUND);
	assert_int_equal(okr_store_cycle_add(s, "2026-Q3", 20727 - 92, 20727 - 1, &id), OKR_OK);
	/* A lead's pin cannot move "current" off the cycle containing today. */
	assert_int_equal(okr_store_cycle_set_current(s, q1), OKR_E_USAGE);
	/* Folded names. */
	assert_int_equal(okr_store_cycle_by_name(s, "2026-q4", &c), OKR_OK);
	assert_int_equal(c.id, q4);
	okr_cycle_free(&c);
	okr_store_close(s);
}

static void early_close_and_closed(void **state)
{
	okr_store *s = admin(*state);
	int64_t q4, o, k;
	assert_int_equal(okr_store_cycle_add(s, "2026-Q4", 20727, 20727 + 91, &q4), OKR_OK);
	okr_objective_in oi = okr_objective_in_none();
	oi.title = "Grow";
	assert_int_equal(okr_store_objective_add(s, &oi, &o), OKR_OK);
	okr_kr_in ki = okr_kr_in_none();
	ki.objective_id = o;
	ki.title = "Users";
	ki.target = 10;
	assert_int_equal(okr_store_kr_add(s, &ki, &k), OKR_OK);
	assert_int_equal(okr_store_grade_set(s, k, 0.5, ""), OKR_OK);
	assert_int_equal(okr_store_cycle_close(s, q4, false), OKR_E_USAGE);
	assert_contains(okr_store_error(s), "runs until 2026-12-31, 38 days from today");
	okr_cycle c;
	assert_int_equal(okr_store_cycle_by_name(s, "2026-Q4", &c), OKR_OK);
	assert_int_equal(c.state, CYCLE_ACTIVE);
	okr_cycle_free(&c);
	assert_int_equal(okr_store_cycle_close(s, q4, true), OKR_OK);
	assert_int_equal(okr_store_checkin(s, k, 3, 5, NULL, NULL, 0, NULL), OKR_E_CLOSED);
	okr_store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(people_by_name, setup, teardown),
		cmocka_unit_test_setup_teardown(cycles_by_dates, setup, teardown),
		cmocka_unit_test_setup_teardown(early_close_and_closed, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
