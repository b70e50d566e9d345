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

	/* The key result began after its reading (history older than its
	 * record, as after an import): no start to anchor to. */
	c = ci(1, 10, 10);
	assert_false(okr_forecast_kr(&k, &c, 1, day(20), day(100)).ok);
	/* Added on day 60 and checked in a minute later: no history yet. */
	c.at = day(60) + 60;
	assert_false(okr_forecast_kr(&k, &c, 1, day(60), day(100)).ok);
}

static void test_two_points_any_order(void **state)
{
	(void)state;
	okr_kr k = metric(0, 100);
	okr_checkin c[] = { ci(2, 21, 30), ci(1, 7, 10) };
	okr_forecast f = okr_forecast_kr(&k, c, 2, day(0), day(70));
	assert_true(f.ok);
	assert_near(f.value, 100, 1e-6);
	assert_near(f.per_week, 10, 1e-9);
	assert_near(f.grade, 1, 1e-12);
	/* The start value plays no part once there are two readings. */
	k.start = 50;
	f = okr_forecast_kr(&k, c, 2, day(0), day(70));
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

/* Least squares by hand: points (0,0) (1,1) (2,1) (3,3) in weeks have slope
 * 0.9 a week through the mean (1.5, 1.25); at week 10 that is 8.9. */
static void test_least_squares(void **state)
{
	(void)state;
	okr_kr k = metric(0, 10);
	okr_checkin c[] = { ci(1, 14, 1), ci(2, 0, 0), ci(3, 21, 3), ci(4, 7, 1) };
	okr_forecast f = okr_forecast_kr(&k, c, 4, day(0), day(70));
	assert_true(f.ok);
	assert_near(f.value, 8.9, 1e-6);
	assert_near(f.per_week, 0.9, 1e-9);
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

	/* Past zero: no count of bugs goes negative, so the line is bounded
	 * at 0 (nothing observed was below it). */
	f = okr_forecast_kr(&k, c, 2, day(0), day(70));
	assert_near(f.value, 0, 1e-6);
	assert_near(f.lo, 0, 1e-12);
	assert_near(f.progress, 1, 1e-8);
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
	okr_checkin c[] = { ci(1, 0, 90), ci(2, 14, 88) };
	okr_forecast f = okr_forecast_kr(&t, c, 2, day(0), day(70));
	assert_true(f.ok);
	assert_near(f.value, 80, 1e-6);
	assert_near(f.progress, 0, 1e-12);
	assert_near(f.grade, 0, 1e-12);
	f = okr_forecast_kr(&t, c, 2, day(0), day(28));
	assert_near(f.value, 86, 1e-6);
	assert_near(f.grade, 1, 1e-12);
}

/* The cases: readings minutes apart are no history.  640, 700 and
 * then 900 a minute later forecast nothing rather than millions. */
static void test_burst_is_not_history(void **state)
{
	(void)state;
	okr_kr k = metric(0, 1000);
	okr_checkin c[] = { ci(1, 60, 640), ci(2, 60, 700), ci(3, 60, 900) };
	c[1].at += 30;
	c[2].at += 90;
	okr_forecast f = okr_forecast_kr(&k, c, 3, day(0), day(92));
	assert_false(f.ok);
	assert_near(f.grade, 0, 0);
	/* An at-most key result at 350 then 280 ms a minute later. */
	okr_kr t = { .type = KR_THRESHOLD, .dir = DIR_AT_MOST, .target = 200 };
	okr_checkin d[] = { ci(1, 60, 350), ci(2, 60, 280) };
	d[1].at += 60;
	assert_false(okr_forecast_kr(&t, d, 2, day(0), day(92)).ok);
	/* Six days apart is still short of a week; seven is enough. */
	d[1].at = day(66);
	assert_false(okr_forecast_kr(&t, d, 2, day(0), day(92)).ok);
	d[1].at = day(67);
	f = okr_forecast_kr(&t, d, 2, day(0), day(120));
	assert_true(f.ok);
	/* −10 a day for 53 more days would be −250 ms: bounded to the
	 * plausible range (200…350 spans 150, so 50 at the least), never a
	 * negative response time. */
	assert_near(f.lo, 50, 1e-9);
	assert_near(f.value, 50, 1e-9);
	assert_true(f.value >= f.lo && f.value <= f.hi);
}

/* A steep but real trend is bounded to the plausible range: as far again
 * beyond what was seen as start, target and readings span. */
static void test_bounded(void **state)
{
	(void)state;
	okr_kr k = metric(500, 1000);
	okr_checkin c[] = { ci(1, 7, 500), ci(2, 14, 900) };
	okr_forecast f = okr_forecast_kr(&k, c, 2, day(0), day(92));
	assert_true(f.ok);
	assert_near(f.hi, 1500, 1e-9);
	assert_near(f.lo, 0, 1e-9);
	assert_near(f.value, 1500, 1e-9);
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
		cmocka_unit_test(test_burst_is_not_history),
		cmocka_unit_test(test_bounded),
		cmocka_unit_test(test_bad_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
