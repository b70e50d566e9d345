/*
 * test_progress.c — key-result progress, expected progress, status and the
 * objective rollup of SPEC §3.  All times are fixed numbers, never the clock.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "okr/parse.h"
#include "okr/progress.h"

#define DAY ((okr_time)86400)
#define EPS 1e-9

/* cmocka 1.1 has no assert_double_equal. */
#define assert_near(got, want, eps) do { \
		double g_ = (got), w_ = (want); \
		if (!(fabs(g_ - w_) <= (eps))) \
			fail_msg("%s = %.17g, want %.17g", #got, g_, w_); \
	} while (0)

enum { S = 20727 };   /* 2026-10-01, the cycle start in these tests */

static okr_kr metric(double start, double target, double current)
{
	okr_kr k = { .type = KR_METRIC, .start = start, .target = target,
		     .weight = 1, .every = FREQ_WEEKLY, .has_value = true,
		     .current = current };
	return k;
}

static okr_kr threshold(okr_direction dir, double target, double current)
{
	okr_kr k = { .type = KR_THRESHOLD, .dir = dir, .target = target,
		     .weight = 1, .every = FREQ_WEEKLY, .has_value = true,
		     .current = current };
	return k;
}

static okr_kr milestone(double current)
{
	okr_kr k = { .type = KR_MILESTONE, .target = 1, .weight = 1,
		     .every = FREQ_WEEKLY, .has_value = true, .current = current };
	return k;
}

/* Time `days` (may be fractional) after 00:00 of day S. */
static okr_time at(double days)
{
	return okr_day_start(S) + (okr_time)(days * (double)DAY);
}

static void test_metric_up(void **state)
{
	(void)state;
	okr_kr k = metric(0, 100, 50);
	assert_near(okr_kr_progress_raw(&k), 0.5, EPS);
	k.current = 120;   /* overshoot: shown raw, clamped for rollups */
	assert_near(okr_kr_progress_raw(&k), 1.2, EPS);
	assert_near(okr_kr_progress(&k), 1, EPS);
	k.current = -10;
	assert_near(okr_kr_progress_raw(&k), -0.1, EPS);
	assert_near(okr_kr_progress(&k), 0, EPS);
	k = metric(20, 40, 25);
	assert_near(okr_kr_progress_raw(&k), 0.25, EPS);
}

/* 120 bugs down to 0: fewer is better. */
static void test_metric_down(void **state)
{
	(void)state;
	okr_kr k = metric(120, 0, 60);
	assert_near(okr_kr_progress_raw(&k), 0.5, EPS);
	k.current = 0;
	assert_near(okr_kr_progress_raw(&k), 1, EPS);
	k.current = -12;
	assert_near(okr_kr_progress_raw(&k), 1.1, EPS);
	assert_near(okr_kr_progress(&k), 1, EPS);
	k.current = 130;   /* worse than the start */
	assert_near(okr_kr_progress_raw(&k), -10.0 / 120, EPS);
	assert_near(okr_kr_progress(&k), 0, EPS);
	k.current = 120;
	assert_near(okr_kr_progress_raw(&k), 0, EPS);
}

/* No distance to cover and no direction: exactly the target or nothing. */
static void test_metric_start_equals_target(void **state)
{
	(void)state;
	okr_kr k = metric(5, 5, 5);
	assert_near(okr_kr_progress_raw(&k), 1, EPS);
	k.current = 6;
	assert_near(okr_kr_progress_raw(&k), 0, EPS);
	k.current = 4;
	assert_near(okr_kr_progress_raw(&k), 0, EPS);
	k.has_value = false;
	k.current = 5;
	assert_near(okr_kr_progress_raw(&k), 0, EPS);
}

static void test_no_value(void **state)
{
	(void)state;
	okr_kr ks[] = { metric(0, 10, 10), threshold(DIR_AT_LEAST, 1, 5),
			threshold(DIR_AT_MOST, 9, 5), milestone(1) };
	for (size_t i = 0; i < sizeof ks / sizeof ks[0]; i++) {
		ks[i].has_value = false;
		assert_near(okr_kr_progress_raw(&ks[i]), 0, EPS);
		assert_near(okr_kr_progress(&ks[i]), 0, EPS);
	}
	okr_kr k = metric(0, 10, NAN);
	assert_near(okr_kr_progress_raw(&k), 0, EPS);
	assert_near(okr_kr_progress_raw(NULL), 0, EPS);
}

static void test_threshold(void **state)
{
	(void)state;
	okr_kr k = threshold(DIR_AT_LEAST, 85, 85);
	assert_near(okr_kr_progress_raw(&k), 1, EPS);
	k.current = 99;
	assert_near(okr_kr_progress_raw(&k), 1, EPS);
	k.current = 84.99;
	assert_near(okr_kr_progress_raw(&k), 0, EPS);
	k = threshold(DIR_AT_MOST, 5, 5);
	assert_near(okr_kr_progress_raw(&k), 1, EPS);
	k.current = -1;
	assert_near(okr_kr_progress_raw(&k), 1, EPS);
	k.current = 5.01;
	assert_near(okr_kr_progress_raw(&k), 0, EPS);
}

static void test_milestone(void **state)
{
	(void)state;
	okr_kr k = milestone(0);
	assert_near(okr_kr_progress_raw(&k), 0, EPS);
	k.current = 1;
	assert_near(okr_kr_progress_raw(&k), 1, EPS);
	k.current = 0.5;
	assert_near(okr_kr_progress_raw(&k), 1, EPS);
	k.current = 0.49;
	assert_near(okr_kr_progress_raw(&k), 0, EPS);
}

static void test_expected(void **state)
{
	(void)state;
	/* 100 days, S .. S+99 inclusive. */
	assert_near(okr_expected(S, S + 99, at(-1)), 0, EPS);
	assert_near(okr_expected(S, S + 99, at(0)), 0, EPS);
	assert_near(okr_expected(S, S + 99, at(25)), 0.25, EPS);
	assert_near(okr_expected(S, S + 99, at(99.5)), 0.995, EPS);
	assert_near(okr_expected(S, S + 99, at(100)), 1, EPS);
	assert_near(okr_expected(S, S + 99, at(5000)), 1, EPS);
	/* A cycle of one day has all of that day. */
	assert_near(okr_expected(S, S, at(0)), 0, EPS);
	assert_near(okr_expected(S, S, at(0.5)), 0.5, EPS);
	assert_near(okr_expected(S, S, at(1)), 1, EPS);
	/* Due before start: nothing expected before the start, all after. */
	assert_near(okr_expected(S, S - 3, at(-0.5)), 0, EPS);
	assert_near(okr_expected(S, S - 3, at(0)), 1, EPS);
	/* The extremes of the day range do not overflow. */
	assert_near(okr_expected(0, INT32_MAX, at(0)), (double)S / ((double)INT32_MAX + 1), 1e-6);
}

static void test_frequency(void **state)
{
	(void)state;
	assert_true(okr_frequency_seconds(FREQ_DAILY) == DAY);
	assert_true(okr_frequency_seconds(FREQ_WEEKLY) == 7 * DAY);
	assert_true(okr_frequency_seconds(FREQ_MONTHLY) == 31 * DAY);
}

/* The standard period for status tests: 100 days, checked in recently. */
static okr_status st(okr_kr k, double now_days)
{
	return okr_kr_status(&k, S, S + 99, at(now_days), NULL);
}

static okr_kr fresh(okr_kr k, double last_days)
{
	k.last_at = at(last_days);
	return k;
}

static void test_status_gap(void **state)
{
	(void)state;
	/* Half way through, expected 0.5; default rules 0.15 / 0.30. */
	assert_int_equal(st(fresh(metric(0, 100, 50), 49), 50), STATUS_ON_TRACK);
	assert_int_equal(st(fresh(metric(0, 100, 36), 49), 50), STATUS_ON_TRACK);
	assert_int_equal(st(fresh(metric(0, 100, 34), 49), 50), STATUS_AT_RISK);
	assert_int_equal(st(fresh(metric(0, 100, 21), 49), 50), STATUS_AT_RISK);
	assert_int_equal(st(fresh(metric(0, 100, 19), 49), 50), STATUS_OFF_TRACK);
	/* Ahead of the line is on track, and worse than the start is off. */
	assert_int_equal(st(fresh(metric(0, 100, 90), 49), 50), STATUS_ON_TRACK);
	assert_int_equal(st(fresh(metric(0, 100, -50), 49), 50), STATUS_OFF_TRACK);
	/* Decreasing: 120 → 0 bugs, 70 left is 5/12 of the way at 0.5. */
	assert_int_equal(st(fresh(metric(120, 0, 70), 49), 50), STATUS_ON_TRACK);
	assert_int_equal(st(fresh(metric(120, 0, 100), 49), 50), STATUS_OFF_TRACK);

	okr_status_rules strict = { 0.01, 0.05 };
	okr_kr k = fresh(metric(0, 100, 47), 49);
	assert_int_equal(okr_kr_status(&k, S, S + 99, at(50), &strict), STATUS_AT_RISK);
	k.current = 40;
	assert_int_equal(okr_kr_status(&k, S, S + 99, at(50), &strict), STATUS_OFF_TRACK);
	assert_int_equal(okr_kr_status(NULL, S, S + 99, at(50), NULL), STATUS_NONE);
}

static void test_status_done(void **state)
{
	(void)state;
	okr_kr k = metric(0, 100, 120);   /* overshoot, and never checked in */
	assert_int_equal(st(k, 50), STATUS_DONE);
	assert_int_equal(st(k, 500), STATUS_DONE);
	assert_int_equal(st(metric(120, 0, 0), 50), STATUS_DONE);
	assert_int_equal(st(metric(7, 7, 7), 50), STATUS_DONE);
	assert_int_equal(st(milestone(1), 50), STATUS_DONE);
	assert_int_equal(st(fresh(milestone(0), 49), 50), STATUS_OFF_TRACK);
	assert_int_equal(st(fresh(milestone(0), 9), 10), STATUS_ON_TRACK);
}

/* A threshold is a condition: on track while it holds, off track when it
 * breaks, whatever the date, and never done. */
static void test_status_threshold(void **state)
{
	(void)state;
	okr_kr k = fresh(threshold(DIR_AT_LEAST, 85, 90), 1);
	assert_int_equal(st(k, 2), STATUS_ON_TRACK);
	k.last_at = at(95);
	assert_int_equal(st(k, 96), STATUS_ON_TRACK);
	assert_int_equal(st(k, 300), STATUS_ON_TRACK);   /* after due, still holds */
	k.current = 80;
	assert_int_equal(st(k, 96), STATUS_OFF_TRACK);
	k.last_at = at(1);
	k.current = 80;
	assert_int_equal(st(k, 2), STATUS_OFF_TRACK);
	k = fresh(threshold(DIR_AT_MOST, 2, 1), 49);
	assert_int_equal(st(k, 50), STATUS_ON_TRACK);
	k.current = 3;
	assert_int_equal(st(k, 50), STATUS_OFF_TRACK);
}

static void test_status_outdated(void **state)
{
	(void)state;
	/* Weekly: 8 days of silence is outdated, 6 is not. */
	okr_kr k = fresh(metric(0, 100, 50), 42);
	assert_int_equal(st(k, 50), STATUS_OUTDATED);
	k.last_at = at(44);
	assert_int_equal(st(k, 50), STATUS_ON_TRACK);
	/* Daily. */
	k.every = FREQ_DAILY;
	k.last_at = at(48.9);
	assert_int_equal(st(k, 50), STATUS_OUTDATED);
	k.last_at = at(49.5);
	assert_int_equal(st(k, 50), STATUS_ON_TRACK);
	/* Monthly is 31 days. */
	k.every = FREQ_MONTHLY;
	k.last_at = at(20);
	assert_int_equal(st(k, 50), STATUS_ON_TRACK);
	k.last_at = at(18);
	assert_int_equal(st(k, 50), STATUS_OUTDATED);
	/* A value never checked in (last_at 0) is outdated once a period passed. */
	k = metric(0, 100, 50);
	assert_int_equal(st(k, 8), STATUS_OUTDATED);
	/* Outdated beats the gap, and threshold holding is no excuse either. */
	assert_int_equal(st(fresh(metric(0, 100, 0), 1), 60), STATUS_OUTDATED);
	assert_int_equal(st(fresh(threshold(DIR_AT_LEAST, 1, 5), 1), 60), STATUS_OUTDATED);
}

/* No check-in yet: nothing to judge in the first period, outdated after it,
 * and judged by the gap (off track) once the due date has passed. */
static void test_status_no_checkins(void **state)
{
	(void)state;
	okr_kr k = metric(0, 100, 0);
	k.has_value = false;
	assert_int_equal(st(k, -3), STATUS_NONE);
	assert_int_equal(st(k, 0), STATUS_NEW);
	assert_int_equal(st(k, 6), STATUS_NEW);
	assert_int_equal(st(k, 8), STATUS_OUTDATED);
	assert_int_equal(st(k, 99.9), STATUS_OUTDATED);
	assert_int_equal(st(k, 100), STATUS_OFF_TRACK);
	okr_kr t = threshold(DIR_AT_LEAST, 85, 0);
	t.has_value = false;
	assert_int_equal(st(t, 3), STATUS_NEW);
	assert_int_equal(st(t, 30), STATUS_OUTDATED);
	assert_int_equal(st(t, 300), STATUS_OFF_TRACK);
	/* Added on day 61 of the cycle: new that day and for a week, not
	 * outdated seconds after it was added. */
	k.created_at = at(61);
	assert_int_equal(st(k, 61), STATUS_NEW);
	assert_int_equal(st(k, 67.9), STATUS_NEW);
	assert_int_equal(st(k, 68.1), STATUS_OUTDATED);
	assert_true(okr_kr_began(&k, S) == at(61));
	k.created_at = at(-5);   /* added before the cycle began: the cycle's start */
	assert_true(okr_kr_began(&k, S) == at(0));
}

/* After the due day a stale key result is judged by where it ended. */
static void test_status_after_due(void **state)
{
	(void)state;
	okr_kr k = fresh(metric(0, 100, 90), 10);
	assert_int_equal(st(k, 99.99), STATUS_OUTDATED);
	assert_int_equal(st(k, 100), STATUS_ON_TRACK);
	k.current = 80;
	assert_int_equal(st(k, 100), STATUS_AT_RISK);
	k.current = 65;
	assert_int_equal(st(k, 400), STATUS_OFF_TRACK);
	k.current = 100;
	assert_int_equal(st(k, 400), STATUS_DONE);
}

/* A cycle of one day: half way through the day, half way is on track. */
static void test_status_one_day_cycle(void **state)
{
	(void)state;
	okr_kr k = fresh(metric(0, 10, 5), 0.25);
	k.every = FREQ_DAILY;
	assert_int_equal(okr_kr_status(&k, S, S, at(0.5), NULL), STATUS_ON_TRACK);
	k.current = 1;
	assert_int_equal(okr_kr_status(&k, S, S, at(0.5), NULL), STATUS_OFF_TRACK);
	k.current = 10;
	assert_int_equal(okr_kr_status(&k, S, S, at(0.5), NULL), STATUS_DONE);
	k.current = 9;
	assert_int_equal(okr_kr_status(&k, S, S, at(1), NULL), STATUS_ON_TRACK);
	k.current = 8;
	assert_int_equal(okr_kr_status(&k, S, S, at(1), NULL), STATUS_AT_RISK);
}

static void test_progress_status(void **state)
{
	(void)state;
	assert_int_equal(okr_progress_status(1, 0.5, NULL), STATUS_DONE);
	assert_int_equal(okr_progress_status(1.3, 1, NULL), STATUS_DONE);
	assert_int_equal(okr_progress_status(0.45, 0.5, NULL), STATUS_ON_TRACK);
	assert_int_equal(okr_progress_status(0.3, 0.5, NULL), STATUS_AT_RISK);
	assert_int_equal(okr_progress_status(0.1, 0.5, NULL), STATUS_OFF_TRACK);
	assert_int_equal(okr_progress_status(NAN, 0.5, NULL), STATUS_NONE);
	okr_status_rules r = { 0.5, 0.9 };
	assert_int_equal(okr_progress_status(0.1, 0.5, &r), STATUS_ON_TRACK);
}

static void test_weighted_mean(void **state)
{
	(void)state;
	double v[] = { 1, 0, 0.5 };
	double w1[] = { 1, 1, 2 };
	assert_near(okr_weighted_mean(v, w1, 3), 0.5, EPS);
	double w2[] = { 3, 1, 0 };   /* zero drops out */
	assert_near(okr_weighted_mean(v, w2, 3), 0.75, EPS);
	double w3[] = { NAN, 1, 2 };   /* missing weight is the default 1 */
	assert_near(okr_weighted_mean(v, w3, 3), 0.5, EPS);
	double w4[] = { -5, 1, 2 };
	assert_near(okr_weighted_mean(v, w4, 3), 0.5, EPS);
	double w5[] = { 0, 0, 0 };   /* all zero: plain mean */
	assert_near(okr_weighted_mean(v, w5, 3), 0.5, EPS);
	double w6[] = { INFINITY, 1, 2 };
	assert_near(okr_weighted_mean(v, w6, 3), 0.5, EPS);
	assert_near(okr_weighted_mean(v, NULL, 3), 0.5, EPS);
	assert_near(okr_weighted_mean(v, w1, 0), 0, EPS);
	assert_near(okr_weighted_mean(NULL, NULL, 0), 0, EPS);
	double vn[] = { NAN, 1 };
	assert_near(okr_weighted_mean(vn, NULL, 2), 1, EPS);
	double vnn[] = { NAN };
	assert_near(okr_weighted_mean(vnn, NULL, 1), 0, EPS);
}

static okr_objective obj(int64_t id, int64_t parent, double weight)
{
	okr_objective o = { .id = id, .parent_id = parent, .weight = weight };
	return o;
}

static okr_kr kr_on(int64_t objective, double progress, double weight)
{
	okr_kr k = metric(0, 1, progress);
	k.objective_id = objective;
	k.weight = weight;
	return k;
}

/*
 * O1 (top)       KR 1.0, archived KR 0.0
 *  ├─ O2 (w 1)   KRs 0.5 (w 1) and 1.2 → 1 (w 3)
 *  │   └─ O3 (w 2)   KR 0.2
 *  ├─ O4 (w 1)   nothing at all
 *  └─ O5 archived, KR 1.0
 * plus a KR whose objective is not in the list.
 */
static void tree(okr_objective *o, okr_kr *k)
{
	o[0] = obj(3, 2, 2);
	o[1] = obj(1, 0, 1);
	o[2] = obj(5, 1, 1);
	o[2].archived = true;
	o[3] = obj(2, 1, 1);
	o[4] = obj(4, 1, 1);
	k[0] = kr_on(1, 1.0, 1);
	k[1] = kr_on(1, 0.0, 1);
	k[1].archived = true;
	k[2] = kr_on(2, 0.5, 1);
	k[3] = kr_on(2, 1.2, 3);
	k[4] = kr_on(3, 0.2, 1);
	k[5] = kr_on(5, 1.0, 1);
	k[6] = kr_on(99, 0.0, 1);
}

/* out is in the order of tree(): O3, O1, O5, O2, O4. */
static void check_tree(okr_rollup_mode mode, const double want[5])
{
	okr_objective o[5];
	okr_kr k[7];
	tree(o, k);
	double out[5];
	okr_rollup(o, 5, k, 7, mode, out);
	for (int i = 0; i < 5; i++)
		if (fabs(out[i] - want[i]) > EPS)
			fail_msg("mode %d O%lld: %g, want %g", (int)mode,
				 (long long)o[i].id, out[i], want[i]);

	/* The answer must not depend on the order of the arrays. */
	okr_objective ro[5];
	okr_kr rk[7];
	for (int i = 0; i < 5; i++)
		ro[i] = o[4 - i];
	for (int i = 0; i < 7; i++)
		rk[i] = k[6 - i];
	okr_rollup(ro, 5, rk, 7, mode, out);
	for (int i = 0; i < 5; i++)
		assert_near(out[4 - i], want[i], EPS);
}

static void test_rollup_krs(void **state)
{
	(void)state;
	const double want[5] = { 0.2, 1.0, 1.0, 0.875, 0 };
	check_tree(ROLLUP_KRS, want);
}

static void test_rollup_children(void **state)
{
	(void)state;
	/* O3 has no children: its KRs.  O2: only O3.  O1: O2 (O5 is archived,
	 * O4 has no key results and does not count).  O4 has nothing: 0. */
	const double want[5] = { 0.2, 0.2, 1.0, 0.2, 0 };
	check_tree(ROLLUP_CHILDREN, want);
}

static void test_rollup_both(void **state)
{
	(void)state;
	/* O2 = (0.5·1 + 1·3 + 0.2·2) / 6 = 0.65; O1 = (1 + 0.65) / 2: the
	 * empty O4 is left out rather than counted as 0. */
	const double want[5] = { 0.2, 0.825, 1.0, 0.65, 0 };
	check_tree(ROLLUP_BOTH, want);
}

/* O10 ⇄ O11, O12 its own parent, O13 under O10, O14 with a missing parent. */
static void test_rollup_cycle(void **state)
{
	(void)state;
	okr_objective o[] = { obj(10, 11, 1), obj(11, 10, 1), obj(12, 12, 1),
			      obj(13, 10, 1), obj(14, 77, 1) };
	okr_kr k[] = { kr_on(10, 1.0, 1), kr_on(11, 0.0, 1), kr_on(12, 0.4, 1),
		       kr_on(13, 0.5, 1), kr_on(14, 0.3, 1) };
	double out[5];
	okr_rollup(o, 5, k, 5, ROLLUP_BOTH, out);
	for (int i = 0; i < 5; i++)
		assert_true(out[i] >= 0 && out[i] <= 1);
	/* The walk starts at O10, so the link O11 → O10 closes the cycle and
	 * is cut: O11 is its KR alone, O10 averages its KR, O11 and O13. */
	assert_near(out[1], 0.0, EPS);
	assert_near(out[0], (1.0 + 0.0 + 0.5) / 3, EPS);
	assert_near(out[2], 0.4, EPS);
	assert_near(out[3], 0.5, EPS);
	assert_near(out[4], 0.3, EPS);

	okr_rollup(o, 5, k, 5, ROLLUP_CHILDREN, out);
	assert_near(out[1], 0.0, EPS);   /* no usable child: its KRs */
	assert_near(out[0], 0.25, EPS);
	assert_near(out[2], 0.4, EPS);
}

/* A long alignment chain neither overflows the stack nor loses the leaf's
 * progress on the way up. */
static void test_rollup_deep_chain(void **state)
{
	(void)state;
	enum { N = 200000 };
	okr_objective *o = calloc(N, sizeof *o);
	double *out = calloc(N, sizeof *out);
	assert_non_null(o);
	assert_non_null(out);
	for (int i = 0; i < N; i++)
		o[i] = obj(i + 1, i, 1);   /* O1 top, O(i+1) under O(i) */
	okr_kr leaf = kr_on(N, 0.75, 1);
	okr_rollup(o, N, &leaf, 1, ROLLUP_CHILDREN, out);
	assert_near(out[0], 0.75, EPS);
	assert_near(out[N - 1], 0.75, EPS);
	o[0].parent_id = N;   /* close the chain into a ring */
	okr_rollup(o, N, &leaf, 1, ROLLUP_CHILDREN, out);
	for (int i = 0; i < N; i++)
		assert_near(out[i], 0.75, EPS);
	free(o);
	free(out);
}

static void test_rollup_empty(void **state)
{
	(void)state;
	okr_objective o = obj(1, 0, 1);
	double out = -1;
	okr_rollup(NULL, 0, NULL, 0, ROLLUP_BOTH, NULL);
	okr_rollup(&o, 1, NULL, 0, ROLLUP_BOTH, &out);
	assert_near(out, 0, EPS);
}

/* A live rollup, told of one key result's change at a time, has exactly
 * the numbers a whole new rollup has, cycles and archived items included. */
static void live_matches(okr_objective *o, size_t no, okr_kr *k, size_t nk, okr_rollup_mode mode)
{
	double live[8], whole[8];
	okr_rollup_live *r = okr_rollup_live_new(o, no, k, nk, mode, live);
	unsigned seed = 7;
	for (int step = 0; step < 200; step++) {
		seed = seed * 1103515245u + 12345u;
		size_t i = (seed >> 16) % nk;
		k[i].has_value = true;
		k[i].current = (double)((seed >> 8) % 13) / 10.0;
		okr_rollup_live_kr(r, i);
		okr_rollup(o, no, k, nk, mode, whole);
		for (size_t j = 0; j < no; j++)
			if (live[j] != whole[j])
				fail_msg("mode %d step %d O%lld: live %g, whole %g", (int)mode, step,
					 (long long)o[j].id, live[j], whole[j]);
	}
	okr_rollup_live_free(r);
}

static void test_rollup_live(void **state)
{
	(void)state;
	for (int mode = ROLLUP_KRS; mode <= ROLLUP_BOTH; mode++) {
		okr_objective o[5];
		okr_kr k[7];
		tree(o, k);
		live_matches(o, 5, k, 7, (okr_rollup_mode)mode);
		okr_objective c[] = { obj(10, 11, 1), obj(11, 10, 1), obj(12, 12, 1),
				      obj(13, 10, 1), obj(14, 77, 1) };
		okr_kr ck[] = { kr_on(10, 1.0, 1), kr_on(11, 0.0, 1), kr_on(12, 0.4, 1),
				kr_on(13, 0.5, 1), kr_on(14, 0.3, 1) };
		live_matches(c, 5, ck, 5, (okr_rollup_mode)mode);
	}
	okr_rollup_live_free(okr_rollup_live_new(NULL, 0, NULL, 0, ROLLUP_BOTH, NULL));
}

static void test_grades(void **state)
{
	(void)state;
	okr_kr k = metric(0, 1000, 876);
	assert_near(okr_default_grade(&k), 0.88, EPS);
	k.current = 1200;
	assert_near(okr_default_grade(&k), 1, EPS);
	k.current = -5;
	assert_near(okr_default_grade(&k), 0, EPS);
	k.current = 700;
	assert_true(okr_grade_success(OBJ_ASPIRATIONAL, okr_default_grade(&k)));
	assert_false(okr_grade_success(OBJ_COMMITTED, okr_default_grade(&k)));
	assert_false(okr_grade_success(OBJ_ASPIRATIONAL, 0.69));
	assert_true(okr_grade_success(OBJ_COMMITTED, 1.0));
	assert_false(okr_grade_success(OBJ_COMMITTED, 0.99));
}

static void test_status_names(void **state)
{
	(void)state;
	assert_string_equal(okr_status_name(STATUS_ON_TRACK), "on track");
	assert_string_equal(okr_status_name(STATUS_AT_RISK), "at risk");
	assert_string_equal(okr_status_name(STATUS_OFF_TRACK), "off track");
	assert_string_equal(okr_status_name(STATUS_DONE), "done");
	assert_string_equal(okr_status_name(STATUS_OUTDATED), "outdated");
	assert_string_equal(okr_status_name(STATUS_NONE), "\xe2\x80\x94");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_metric_up),
		cmocka_unit_test(test_metric_down),
		cmocka_unit_test(test_metric_start_equals_target),
		cmocka_unit_test(test_no_value),
		cmocka_unit_test(test_threshold),
		cmocka_unit_test(test_milestone),
		cmocka_unit_test(test_expected),
		cmocka_unit_test(test_frequency),
		cmocka_unit_test(test_status_gap),
		cmocka_unit_test(test_status_done),
		cmocka_unit_test(test_status_threshold),
		cmocka_unit_test(test_status_outdated),
		cmocka_unit_test(test_status_no_checkins),
		cmocka_unit_test(test_status_after_due),
		cmocka_unit_test(test_status_one_day_cycle),
		cmocka_unit_test(test_progress_status),
		cmocka_unit_test(test_weighted_mean),
		cmocka_unit_test(test_rollup_krs),
		cmocka_unit_test(test_rollup_children),
		cmocka_unit_test(test_rollup_both),
		cmocka_unit_test(test_rollup_cycle),
		cmocka_unit_test(test_rollup_deep_chain),
		cmocka_unit_test(test_rollup_empty),
		cmocka_unit_test(test_rollup_live),
		cmocka_unit_test(test_grades),
		cmocka_unit_test(test_status_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
