/*
 * test_chart.c — the layout of the history chart (chart.h): where the bars,
 * the target row, the expected line, the value labels and the dates go,
 * and the objective's progress series from its key results' check-ins.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "okr/chart.h"
#include "okr/parse.h"
#include "okr/progress.h"

#define DAY ((okr_time)86400)
enum { S = 20727 };   /* 2026-10-01 */

/* One row of the chart as text. */
static char *row(const okr_chart *c, int y)
{
	static char buf[1024];
	buf[0] = '\0';
	for (int x = 0; x < c->width; x++)
		strcat(buf, okr_chart_at(c, y, x)->glyph);
	return buf;
}

static int count(const okr_chart *c, okr_chart_kind k)
{
	int n = 0;
	for (int y = 0; y < c->height; y++)
		for (int x = 0; x < c->width; x++)
			n += okr_chart_at(c, y, x)->kind == k;
	return n;
}

/* 0 → 100 over a 40-day cycle, checked in at 50 on day 10; today day 20. */
static okr_chart_in metric_in(const okr_chart_point *pts, size_t n, int w, int h)
{
	okr_chart_in in = { .v = pts, .n = n, .start = 0, .target = 100, .expected = true, .from = S, .to = S + 39,
			    .now = okr_day_start(S) + 20 * DAY, .width = w, .height = h };
	return in;
}

static void test_too_small(void **state)
{
	(void)state;
	okr_chart c;
	okr_chart_in in = metric_in(NULL, 0, OKR_CHART_MIN_W - 1, 10);
	assert_false(okr_chart_layout(&in, &c));
	in.width = 40;
	in.height = OKR_CHART_MIN_H - 1;
	assert_false(okr_chart_layout(&in, &c));
	in.height = OKR_CHART_MIN_H;
	in.to = S - 1;
	assert_false(okr_chart_layout(&in, &c));
}

static void test_axes_and_dates(void **state)
{
	(void)state;
	okr_chart c;
	okr_chart_in in = metric_in(NULL, 0, 44, 8);
	assert_true(okr_chart_layout(&in, &c));
	assert_int_equal(c.width, 44);
	assert_int_equal(c.height, 8);
	/* Labels "100" and "0": a margin of 4, the axis in column 4. */
	assert_string_equal(okr_chart_at(&c, 0, 4)->glyph, "┤");
	assert_true(strncmp(row(&c, 0), "100 ┤", strlen("100 ┤")) == 0);
	assert_true(strncmp(row(&c, 5), "  0 ┤", strlen("  0 ┤")) == 0);
	assert_string_equal(okr_chart_at(&c, 6, 4)->glyph, "└");
	/* The first day under the first column, the last day ending at the edge. */
	assert_true(strncmp(row(&c, 7), "     10-01", 10) == 0);
	const char *last = row(&c, 7);
	assert_string_equal(last + strlen(last) - 5, "11-09");
	/* Today (day 20 of 40) is marked half way along the axis. */
	int today = -1;
	for (int x = 0; x < c.width; x++)
		if (okr_chart_at(&c, 6, x)->kind == CHART_TODAY)
			today = x;
	assert_int_equal(today, 5 + 39 * 20 / 40);
	okr_chart_free(&c);
}

static void test_target_and_expected(void **state)
{
	(void)state;
	okr_chart c;
	okr_chart_in in = metric_in(NULL, 0, 44, 8);
	assert_true(okr_chart_layout(&in, &c));
	/* The target is the top row; the expected line rises from the bottom
	 * left to it at the right. */
	assert_int_equal(okr_chart_at(&c, 0, 5)->kind, CHART_TARGET);
	assert_int_equal(okr_chart_at(&c, 5, 5)->kind, CHART_EXPECTED);
	assert_int_equal(okr_chart_at(&c, 0, 43)->kind, CHART_EXPECTED);
	assert_int_equal(count(&c, CHART_VALUE), 0);
	okr_chart_free(&c);
	in.expected = false;   /* a threshold: no expected line */
	assert_true(okr_chart_layout(&in, &c));
	assert_int_equal(count(&c, CHART_EXPECTED), 0);
	okr_chart_free(&c);
}

static void test_bars_until_now(void **state)
{
	(void)state;
	okr_chart_point pts[] = { { okr_day_start(S) + 10 * DAY, 50 } };
	okr_chart c;
	okr_chart_in in = metric_in(pts, 1, 44, 8);
	assert_true(okr_chart_layout(&in, &c));
	/* 39 columns for 40 days: nothing before day 10, nothing after day
	 * 20, 50 % of six rows (three full cells) between. */
	assert_int_equal(okr_chart_at(&c, 5, 5 + 5)->kind, CHART_EXPECTED);   /* day 5: no value yet */
	assert_int_equal(okr_chart_at(&c, 5, 5 + 15)->kind, CHART_VALUE);
	assert_string_equal(okr_chart_at(&c, 3, 5 + 15)->glyph, "█");
	assert_int_not_equal(okr_chart_at(&c, 2, 5 + 15)->kind, CHART_VALUE);
	assert_int_not_equal(okr_chart_at(&c, 5, 5 + 30)->kind, CHART_VALUE);   /* the future */
	okr_chart_free(&c);
}

static void test_eighths_and_decreasing(void **state)
{
	(void)state;
	/* 120 → 0 open bugs: the scale runs 0 … 120 and 75 is 3.75 of 6 rows. */
	okr_chart_point pts[] = { { okr_day_start(S), 75 } };
	okr_chart c;
	okr_chart_in in = metric_in(pts, 1, 44, 8);
	in.start = 120;
	in.target = 0;
	assert_true(okr_chart_layout(&in, &c));
	assert_true(strncmp(row(&c, 0), "120 ┤", strlen("120 ┤")) == 0);
	assert_true(strncmp(row(&c, 5), "  0 ┤", strlen("  0 ┤")) == 0);
	assert_int_equal(okr_chart_at(&c, 5, 6)->kind, CHART_VALUE);
	assert_string_equal(okr_chart_at(&c, 3, 6)->glyph, "█");
	assert_string_equal(okr_chart_at(&c, 2, 6)->glyph, "▆");   /* 0.75 of a cell */
	/* The target (0) is the bottom row, where the bars stand: it shows
	 * only right of them. */
	assert_int_equal(okr_chart_at(&c, 5, 30)->kind, CHART_TARGET);
	okr_chart_free(&c);
}

static void test_percent_labels(void **state)
{
	(void)state;
	okr_chart_point pts[] = { { okr_day_start(S) + DAY, 0.25 } };
	okr_chart c;
	okr_chart_in in = metric_in(pts, 1, 40, 6);
	in.start = 0;
	in.target = 1;
	in.percent = true;
	assert_true(okr_chart_layout(&in, &c));
	assert_true(strncmp(row(&c, 0), "100% ┤", strlen("100% ┤")) == 0);
	assert_true(strncmp(row(&c, 3), "  0% ┤", strlen("  0% ┤")) == 0);
	okr_chart_free(&c);
}

static void test_objective_series(void **state)
{
	(void)state;
	okr_objective objs[2] = { { .id = 1, .weight = 1 }, { .id = 2, .parent_id = 1, .weight = 1 } };
	okr_kr krs[3] = { { .id = 1, .objective_id = 1, .type = KR_METRIC, .start = 0, .target = 100, .weight = 1 },
			  { .id = 2, .objective_id = 1, .type = KR_MILESTONE, .weight = 3 },
			  { .id = 3, .objective_id = 2, .type = KR_MILESTONE, .weight = 1, .has_value = true,
			    .current = 1 } };
	okr_time t = okr_day_start(S);
	/* Newest first, as the store returns them. */
	okr_checkin h1[] = { { .value = 100, .at = t + 3 * DAY }, { .value = 50, .at = t + DAY } };
	okr_checkin h2[] = { { .value = 1, .at = t + 2 * DAY } };
	const okr_checkin *hist[] = { h1, h2, NULL };
	size_t nh[] = { 2, 1, 0 };
	okr_chart_point *pts;
	size_t n;
	okr_chart_objective_series(objs, 2, krs, 3, ROLLUP_KRS, 0, hist, nh, &pts, &n);
	assert_int_equal(n, 3);
	assert_true(pts[0].at == t + DAY && pts[0].value == 0.5 / 4);          /* 0.5·1 + 0·3 */
	assert_true(pts[1].at == t + 2 * DAY && pts[1].value == (0.5 + 3) / 4);
	assert_true(pts[2].at == t + 3 * DAY && pts[2].value == 1);
	free(pts);
	/* Counting the child (done: K3 was not read, its value stands) as
	 * one more part: the mean of 0.125 and 1 at the first moment. */
	okr_chart_objective_series(objs, 2, krs, 3, ROLLUP_BOTH, 0, hist, nh, &pts, &n);
	assert_int_equal(n, 3);
	assert_true(pts[0].value > 0.125 && pts[0].value < 1);
	free(pts);
	okr_chart_objective_series(objs, 0, krs, 0, ROLLUP_KRS, 0, hist, nh, &pts, &n);
	assert_int_equal(n, 0);
	free(pts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_axes_and_dates),
		cmocka_unit_test(test_target_and_expected),
		cmocka_unit_test(test_bars_until_now),
		cmocka_unit_test(test_eighths_and_decreasing),
		cmocka_unit_test(test_percent_labels),
		cmocka_unit_test(test_objective_series),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
