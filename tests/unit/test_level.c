/*
 * test_level.c — the level curve of SPEC §4.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "okr/level.h"

static void test_first_levels(void **state)
{
	(void)state;
	/* L1: (0.25 + 10 + 139.75)/10 = 15 → 150.
	 * L2: (1 + 20 + 139.75)/10 = 16.075 → 160.
	 * L3: (2.25 + 30 + 139.75)/10 = 17.2 → 170.
	 * L10: (25 + 100 + 139.75)/10 = 26.475 → 260. */
	assert_int_equal(level_xp_to_next(1), 150);
	assert_int_equal(level_xp_to_next(2), 160);
	assert_int_equal(level_xp_to_next(3), 170);
	assert_int_equal(level_xp_to_next(10), 260);
	assert_int_equal(level_xp_to_next(0), 150);
	assert_int_equal(level_xp_to_next(-7), 150);
}

/* The integer form agrees with the formula as written, and grows. */
static void test_formula_and_monotonic(void **state)
{
	(void)state;
	int64_t prev = 0;
	for (int l = 1; l <= LEVEL_MAX; l++) {
		double f = (0.25 * l * l + 10.0 * l + 139.75) / 10;
		int64_t want = 10 * (int64_t)llround(f);
		int64_t got = level_xp_to_next(l);
		if (got != want)
			fail_msg("level %d: %lld, want %lld", l, (long long)got, (long long)want);
		assert_true(got > prev);
		prev = got;
	}
}

static void test_level_for_xp(void **state)
{
	(void)state;
	int64_t into = -1, span = -1;
	assert_int_equal(level_for_xp(0, &into, &span), 1);
	assert_int_equal(into, 0);
	assert_int_equal(span, 150);
	assert_int_equal(level_for_xp(149, &into, &span), 1);
	assert_int_equal(into, 149);
	assert_int_equal(level_for_xp(150, &into, &span), 2);
	assert_int_equal(into, 0);
	assert_int_equal(span, 160);
	assert_int_equal(level_for_xp(309, &into, &span), 2);
	assert_int_equal(into, 159);
	assert_int_equal(level_for_xp(310, &into, &span), 3);
	assert_int_equal(into, 0);
	assert_int_equal(span, 170);
	assert_int_equal(level_for_xp(-50, &into, &span), 1);
	assert_int_equal(into, 0);
	/* Steps 150, 160, 170, 180, 200 (19.6 rounds up) reach level 6 at 860. */
	assert_int_equal(level_for_xp(1000, &into, &span), 6);
	assert_int_equal(into, 140);
	assert_int_equal(span, 210);
	assert_int_equal(level_for_xp(1000, NULL, NULL), 6);
}

/* More XP never means a lower level, and every level is reached exactly at
 * the sum of the steps before it. */
static void test_cumulative(void **state)
{
	(void)state;
	int64_t total = 0;
	for (int l = 1; l < LEVEL_MAX; l++) {
		int64_t into, span;
		assert_int_equal(level_for_xp(total, &into, &span), l);
		assert_int_equal(into, 0);
		assert_int_equal(span, level_xp_to_next(l));
		total += level_xp_to_next(l);
		assert_int_equal(level_for_xp(total - 1, &into, &span), l);
		assert_int_equal(into, span - 1);
	}
	int64_t into, span;
	assert_int_equal(level_for_xp(total, &into, &span), LEVEL_MAX);
	assert_int_equal(into, 0);
	assert_int_equal(span, level_xp_to_next(LEVEL_MAX));
}

static void test_huge_xp(void **state)
{
	(void)state;
	int64_t into, span;
	assert_int_equal(level_for_xp(INT64_MAX, &into, &span), LEVEL_MAX);
	assert_int_equal(span, level_xp_to_next(LEVEL_MAX));
	assert_int_equal(into, span);   /* a full bar, not a number past it */
	assert_true(level_xp_to_next(INT32_MAX) > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_levels),
		cmocka_unit_test(test_formula_and_monotonic),
		cmocka_unit_test(test_level_for_xp),
		cmocka_unit_test(test_cumulative),
		cmocka_unit_test(test_huge_xp),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
