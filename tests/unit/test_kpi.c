/*
 * test_kpi.c — how a KPI stands (core/kpi.c): meets or misses its target in
 * either direction, the target itself counting as met, and "outdated" once a
 * value is overdue by the tracking frequency.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "okr/assess.h"
#include "okr/kpi.h"

enum { DAY = 86400, T0 = 1795435200 };

static okr_kpi kpi(okr_direction dir, double target, okr_frequency every)
{
	return (okr_kpi){ .id = 1, .name = "k", .target = target, .dir = dir, .every = every };
}

static okr_kpi with_value(okr_kpi k, double v, okr_time at)
{
	k.has_value = true;
	k.latest = v;
	k.last_at = at;
	return k;
}

static void at_least_meets_at_and_above_target(void **state)
{
	(void)state;
	okr_kpi k = kpi(DIR_AT_LEAST, 85, FREQ_WEEKLY);
	assert_true(okr_kpi_value_meets(&k, 85));
	assert_true(okr_kpi_value_meets(&k, 91.5));
	assert_false(okr_kpi_value_meets(&k, 84.99));
	assert_int_equal(okr_kpi_health_of(&k), KPI_HEALTH_NONE);
	k = with_value(k, 83, T0);
	assert_int_equal(okr_kpi_health_of(&k), KPI_HEALTH_MISSES);
	k.latest = 85;
	assert_int_equal(okr_kpi_health_of(&k), KPI_HEALTH_MEETS);
}

static void at_most_meets_at_and_below_target(void **state)
{
	(void)state;
	okr_kpi k = with_value(kpi(DIR_AT_MOST, 0.5, FREQ_MONTHLY), 0.65, T0);
	assert_int_equal(okr_kpi_health_of(&k), KPI_HEALTH_MISSES);
	k.latest = 0.5;
	assert_int_equal(okr_kpi_health_of(&k), KPI_HEALTH_MEETS);
	k.latest = -3;
	assert_int_equal(okr_kpi_health_of(&k), KPI_HEALTH_MEETS);
}

static void no_value_is_outdated_at_once(void **state)
{
	(void)state;
	okr_kpi k = kpi(DIR_AT_LEAST, 20, FREQ_WEEKLY);
	assert_true(okr_kpi_outdated(&k, T0));
	assert_int_equal(okr_kpi_next_due(&k), 0);
}

static void outdated_after_one_period(void **state)
{
	(void)state;
	static const struct { okr_frequency f; okr_time period; } c[] = {
		{ FREQ_DAILY, DAY }, { FREQ_WEEKLY, 7 * DAY }, { FREQ_MONTHLY, 31 * DAY },
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		okr_kpi k = with_value(kpi(DIR_AT_LEAST, 1, c[i].f), 1, T0);
		assert_int_equal(okr_kpi_next_due(&k), T0 + c[i].period);
		assert_false(okr_kpi_outdated(&k, T0));
		assert_false(okr_kpi_outdated(&k, T0 + c[i].period));      /* exactly one period: on time */
		assert_true(okr_kpi_outdated(&k, T0 + c[i].period + 1));
	}
}

static void health_and_outdated_are_independent(void **state)
{
	(void)state;
	/* A value that met the target long ago is still overdue: silence is never green. */
	okr_kpi k = with_value(kpi(DIR_AT_LEAST, 10, FREQ_MONTHLY), 11, T0 - 45 * DAY);
	assert_int_equal(okr_kpi_health_of(&k), KPI_HEALTH_MEETS);
	assert_true(okr_kpi_outdated(&k, T0));
}

/* A key result that tracks a KPI shows the KPI's value as pushed, not
 * rounded to the decimals its own target was typed with. */
static void kr_tracking_a_kpi_shows_the_value_as_pushed(void **state)
{
	(void)state;
	char buf[64];
	okr_kr k = { .id = 7, .title = "cap", .unit = "%", .type = KR_THRESHOLD, .target = 85, .dir = DIR_AT_LEAST,
		     .decimals = 0, .has_value = true, .current = 91.5, .kpi_id = 5 };
	assert_string_equal(okr_kr_value_text(&k, buf, sizeof buf), "91.5 (≥ 85)");
	k.current = 83;
	assert_string_equal(okr_kr_value_text(&k, buf, sizeof buf), "83 (≥ 85)");
	k.current = 91.5;
	k.kpi_id = 0;   /* its own check-ins show as entered too */
	assert_string_equal(okr_kr_value_text(&k, buf, sizeof buf), "91.5 (≥ 85)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(at_least_meets_at_and_above_target),
		cmocka_unit_test(at_most_meets_at_and_below_target),
		cmocka_unit_test(no_value_is_outdated_at_once),
		cmocka_unit_test(outdated_after_one_period),
		cmocka_unit_test(health_and_outdated_are_independent),
		cmocka_unit_test(kr_tracking_a_kpi_shows_the_value_as_pushed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
