/*
 * test_forecast.c — the least-squares projection of SPEC §3.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "okr/forecast.h"
#include "okr/parse.h"

#define DAY ((okr_time)86400)

/* cmocka 1.1 has no assert_double_equal. */
#define assert_near(got, want, eps) do { \
		double g_ = (got), w_ = (want); \
		if (!(fabs(g_ - w_) <= (eps))) \
			fail_msg("%s = %.17g, want %.17g", #got, g_, w_); \
	} while (0)

enum { S = 20727 };   /* 2026-10-01: real Unix times, large enough to matter */

static okr_time day(double d)
{
	return okr_day_start(S) + (okr_time)(d * (double)DAY);
}

static okr_kr metric(double start, double target)
{
	okr_kr k = { .type = KR_METRIC, .start = start, .target = target, .weight = 1 };
	return k;
}

static okr_checkin ci(int64_t id, double d, double value)
{
	okr_checkin c = { .id = id, .value = value, .at = day(d), .confidence = -1 };
	return c;
}

static void test_no_points(void **state)
{
	(void)state;
	okr_kr k = metric(0, 100);
	okr_checkin c = ci(1, 5, 10);
	assert_false(okr_forecast_kr(&k, NULL, 0, day(0), day(100)).ok);
	assert_false(okr_forecast_kr(&k, &c, 0, day(0), day(100)).ok);
	assert_false(okr_forecast_kr(NULL, &c, 1, day(0), day(100)).ok);
}

static void test_milestone_never(void **state)
{
	(void)state;
	okr_kr k = { .type = KR_MILESTONE, .target = 1 };
	okr_checkin c[] = { ci(1, 1, 0), ci(2, 2, 1) };
	assert_false(okr_forecast_kr(&k, c, 2, day(0), day(100)).ok);
}

/* One check-in: the line runs from (start, start value) through it. */
static void test_one_point_metric(void **state)
{
	(void)state;
	okr_kr k = metric(0, 100);
	okr_checkin c = ci(1, 10, 10);
	okr_forecast f = okr_forecast_kr(&k, &c, 1, day(0), day(100));
	assert_true(f.ok);
	assert_near(f.value, 100, 1e-6);
	assert_near(f.progress, 1, 1e-8);
	assert_near(f.grade, 1, 1e-12);
	assert_near(f.per_week, 7, 1e-9);

	/* Behind: 5 after 10 days projects to 50 at day 100. */
	c.value = 5;
	f = okr_forecast_kr(&k, &c, 1, day(0), day(100));
	assert_true(f.ok);
	assert_near(f.value, 50, 1e-6);
	assert_near(f.grade, 0.5, 1e-12);
}

static void test_one_point_edge_cases(void **state)
{
	(void)state;
	okr_kr k = metric(0, 100);
	okr_checkin c = ci(1, 0, 10);   /* at the start time: no slope to find */
	assert_false(okr_forecast_kr(&k, &c, 1, day(0), day(100)).ok);

	okr_kr t = { .type = KR_THRESHOLD, .dir = DIR_AT_LEAST, .target = 85 };
	c = ci(1, 10, 90);   /* a threshold has no start value to anchor to */
	assert_false(okr_forecast_kr(&t, &c, 1, day(0), day(100)).ok);
}

static void test_two_points_any_order(void **state)
{
	(void)state;
	okr_kr k = metric(0, 100);
	okr_checkin c[] = { ci(2, 3, 30), ci(1, 1, 10) };
	okr_forecast f = okr_forecast_kr(&k, c, 2, day(0), day(10));
	assert_true(f.ok);
	assert_near(f.value, 100, 1e-6);
	assert_near(f.per_week, 70, 1e-9);
	assert_near(f.grade, 1, 1e-12);
	/* The start value plays no part once there are two readings. */
	k.start = 50;
	f = okr_forecast_kr(&k, c, 2, day(0), day(10));
	assert_near(f.value, 100, 1e-6);
	assert_near(f.progress, 1, 1e-8);
}

static void test_same_time(void **state)
{
	(void)state;
	okr_kr k = metric(0, 100);
	okr_checkin c[] = { ci(1, 4, 10), ci(2, 4, 20), ci(3, 4, 30) };
	assert_false(okr_forecast_kr(&k, c, 3, day(0), day(10)).ok);
}

/* Least squares by hand: points (0,0) (1,1) (2,1) (3,3) in days have slope
 * 0.9 a day through the mean (1.5, 1.25); at day 10 that is 8.9. */
static void test_least_squares(void **state)
{
	(void)state;
	okr_kr k = metric(0, 10);
	okr_checkin c[] = { ci(1, 2, 1), ci(2, 0, 0), ci(3, 3, 3), ci(4, 1, 1) };
	okr_forecast f = okr_forecast_kr(&k, c, 4, day(0), day(10));
	assert_true(f.ok);
	assert_near(f.value, 8.9, 1e-6);
	assert_near(f.per_week, 6.3, 1e-9);
	assert_near(f.progress, 0.89, 1e-7);
	assert_near(f.grade, 0.89, 1e-12);
}

/* Only the most recent OKR_FORECAST_POINTS count: twelve old readings far off
 * the line change nothing. */
static void test_many_points_recent_only(void **state)
{
	(void)state;
	okr_kr k = metric(0, 100);
	okr_checkin c[20];
	for (int i = 0; i < 12; i++)
		c[i] = ci(i + 1, i, 1000);
	for (int i = 12; i < 20; i++)
		c[i] = ci(i + 1, 2 * i, 2.0 * (2 * i));   /* v = 2 per day */
	/* Shuffle a little: the input order must not matter. */
	okr_checkin tmp = c[0];
	c[0] = c[19];
	c[19] = tmp;
	tmp = c[5];
	c[5] = c[14];
	c[14] = tmp;
	okr_forecast f = okr_forecast_kr(&k, c, 20, day(0), day(45));
	assert_true(f.ok);
	assert_near(f.value, 90, 1e-6);
	assert_near(f.per_week, 14, 1e-9);
	assert_near(f.grade, 0.9, 1e-12);
}

/* 120 bugs down to 0: 100 at day 10, 80 at day 20 is 2 fewer a day. */
static void test_decreasing(void **state)
{
	(void)state;
	okr_kr k = metric(120, 0);
	okr_checkin c[] = { ci(1, 10, 100), ci(2, 20, 80) };
	okr_forecast f = okr_forecast_kr(&k, c, 2, day(0), day(60));
	assert_true(f.ok);
	assert_near(f.value, 0, 1e-6);
	assert_near(f.progress, 1, 1e-8);
	assert_near(f.per_week, -14, 1e-9);

	/* Overshoot: raw progress above 1, grade clamped to 1. */
	f = okr_forecast_kr(&k, c, 2, day(0), day(70));
	assert_near(f.value, -20, 1e-6);
	assert_near(f.progress, 140.0 / 120, 1e-8);
	assert_near(f.grade, 1, 1e-12);

	/* Going the wrong way: grade 0, raw progress below 0. */
	okr_checkin up[] = { ci(1, 10, 100), ci(2, 20, 110) };
	f = okr_forecast_kr(&k, up, 2, day(0), day(60));
	assert_near(f.value, 150, 1e-6);
	assert_near(f.progress, -0.25, 1e-8);
	assert_near(f.grade, 0, 1e-12);

	/* One reading anchors to the start: 120 at day 0, 100 at day 10. */
	f = okr_forecast_kr(&k, c, 1, day(0), day(40));
	assert_true(f.ok);
	assert_near(f.value, 40, 1e-6);
	assert_near(f.grade, 0.67, 1e-12);
}

static void test_threshold_two_points(void **state)
{
	(void)state;
	okr_kr t = { .type = KR_THRESHOLD, .dir = DIR_AT_LEAST, .target = 85 };
	okr_checkin c[] = { ci(1, 0, 90), ci(2, 2, 88) };
	okr_forecast f = okr_forecast_kr(&t, c, 2, day(0), day(10));
	assert_true(f.ok);
	assert_near(f.value, 80, 1e-6);
	assert_near(f.progress, 0, 1e-12);
	assert_near(f.grade, 0, 1e-12);
	f = okr_forecast_kr(&t, c, 2, day(0), day(4));
	assert_near(f.value, 86, 1e-6);
	assert_near(f.grade, 1, 1e-12);
}

static void test_bad_values(void **state)
{
	(void)state;
	okr_kr k = metric(0, 100);
	okr_checkin c[] = { ci(1, 1, 10), ci(2, 2, NAN) };
	assert_false(okr_forecast_kr(&k, c, 2, day(0), day(10)).ok);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_points),
		cmocka_unit_test(test_milestone_never),
		cmocka_unit_test(test_one_point_metric),
		cmocka_unit_test(test_one_point_edge_cases),
		cmocka_unit_test(test_two_points_any_order),
		cmocka_unit_test(test_same_time),
		cmocka_unit_test(test_least_squares),
		cmocka_unit_test(test_many_points_recent_only),
		cmocka_unit_test(test_decreasing),
		cmocka_unit_test(test_threshold_two_points),
		cmocka_unit_test(test_bad_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
