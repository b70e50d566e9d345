/*
 * test_cycle.c — the current cycle contains today; early closing; states.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "okr/cycle.h"

/* 2026-10-01 is day 20727. */
enum { Q4_START = 20727, Q4_END = 20727 + 91, Q1_START = Q4_END + 1, Q1_END = Q1_START + 89 };

static void test_current_contains_today(void **state)
{
	(void)state;
	okr_cycle v[] = { { .start = Q4_START, .end = Q4_END }, { .start = Q1_START, .end = Q1_END } };
	assert_int_equal(okr_cycle_pick_current(v, 2, Q4_START + 50), 0);
	assert_int_equal(okr_cycle_pick_current(v, 2, Q1_START), 1);
	assert_int_equal(okr_cycle_pick_current(v, 2, Q4_END), 0);
	/* A lead's pin does not beat the dates. */
	v[1].current = true;
	assert_int_equal(okr_cycle_pick_current(v, 2, Q4_START + 50), 0);
}

static void test_future_only_is_not_current(void **state)
{
	(void)state;
	okr_cycle v[] = { { .start = Q1_START, .end = Q1_END, .current = true } };
	assert_int_equal(okr_cycle_pick_current(v, 1, Q4_START), -1);
	assert_int_equal(okr_cycle_pick_current(NULL, 0, Q4_START), -1);
}

static void test_between_cycles(void **state)
{
	(void)state;
	okr_cycle v[] = { { .start = 100, .end = 190 }, { .start = 200, .end = 290 }, { .start = 400, .end = 490 } };
	assert_int_equal(okr_cycle_pick_current(v, 3, 300), 1);    /* the one that began last */
	v[0].current = true;
	assert_int_equal(okr_cycle_pick_current(v, 3, 300), 0);    /* unless a lead chose another */
	v[0].current = false;
	v[2].current = true;
	assert_int_equal(okr_cycle_pick_current(v, 3, 300), 1);    /* a future pin never counts */
}

static void test_overlap_early_state(void **state)
{
	(void)state;
	okr_cycle q4 = { .start = Q4_START, .end = Q4_END };
	assert_true(okr_cycle_overlaps(&q4, Q4_END, Q4_END + 10));
	assert_true(okr_cycle_overlaps(&q4, Q4_START - 10, Q4_START));
	assert_false(okr_cycle_overlaps(&q4, Q1_START, Q1_END));
	assert_false(okr_cycle_overlaps(&q4, 0, Q4_START - 1));
	assert_int_equal(okr_cycle_days_early(&q4, Q4_END - 38), 38);
	assert_int_equal(okr_cycle_days_early(&q4, Q4_END), 0);
	assert_int_equal(okr_cycle_days_early(&q4, Q4_END + 5), 0);
	assert_int_equal(okr_cycle_state_on(CYCLE_ACTIVE, Q1_START, Q4_END), CYCLE_PLANNING);
	assert_int_equal(okr_cycle_state_on(CYCLE_PLANNING, Q4_START, Q4_START), CYCLE_ACTIVE);
	assert_int_equal(okr_cycle_state_on(CYCLE_CLOSED, Q1_START, Q4_START), CYCLE_CLOSED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_current_contains_today),
		cmocka_unit_test(test_future_only_is_not_current),
		cmocka_unit_test(test_between_cycles),
		cmocka_unit_test(test_overlap_early_state),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
