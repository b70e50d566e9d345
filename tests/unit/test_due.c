/*
 * test_due.c — what a person owes (core/due.c): quiet key results, overdue
 * KPIs, grades after the end of an unclosed cycle.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "okr/due.h"
#include "okr/parse.h"

enum { DAY = 86400, ME = 7, OTHER = 8 };

static okr_cycle cycle;
static okr_objective obj;
static okr_kr krs[4];
static okr_kpi kpis[2];
static okr_snapshot snap;

/* A cycle of 2026-10-01 … 2026-12-31 with one objective, key results of
 * mine and someone else's, and two KPIs. */
static int setup(void **state)
{
	(void)state;
	okr_day start, end;
	okr_parse_date("2026-10-01", &start);
	okr_parse_date("2026-12-31", &end);
	cycle = (okr_cycle){ .id = 1, .name = "Q4", .start = start, .end = end, .state = CYCLE_ACTIVE };
	obj = (okr_objective){ .id = 1, .cycle_id = 1, .title = "O", .owner_id = ME, .weight = 1 };
	for (int i = 0; i < 4; i++)
		krs[i] = (okr_kr){ .id = i + 1, .objective_id = 1, .title = "k", .owner_id = ME, .weight = 1,
				   .type = KR_METRIC, .start = 0, .target = 100, .every = FREQ_WEEKLY,
				   .confidence = -1 };
	krs[3].owner_id = OTHER;
	kpis[0] = (okr_kpi){ .id = 1, .name = "daily", .every = FREQ_DAILY, .owner_id = ME };
	kpis[1] = (okr_kpi){ .id = 2, .name = "other", .every = FREQ_DAILY, .owner_id = OTHER };
	snap = (okr_snapshot){ .cycles = &cycle, .ncycles = 1, .objs = &obj, .nobjs = 1, .krs = krs, .nkrs = 4,
			       .kpis = kpis, .nkpis = 2, .cycle_id = 1 };
	return 0;
}

static okr_time at(const char *ymd)
{
	okr_day d;
	okr_parse_date(ymd, &d);
	return okr_day_start(d) + 12 * 3600;
}

static void test_quiet_and_never(void **state)
{
	(void)state;
	okr_time now = at("2026-11-20");
	krs[0].has_value = true, krs[0].current = 40, krs[0].last_at = now - 10 * DAY;   /* 3 days late */
	krs[1].has_value = true, krs[1].current = 40, krs[1].last_at = now - 2 * DAY;    /* fine */
	/* krs[2]: never checked in */
	okr_due_opts o = { .person_id = ME, .now = now };
	okr_due_list l;
	okr_due_compute(&snap, &o, &l);
	assert_int_equal(l.n, 2);
	/* most overdue first: never checked in is due a period after the start */
	assert_int_equal(l.items[0].kind, DUE_CHECKIN);
	assert_int_equal(l.items[0].id, 3);
	assert_int_equal(l.items[0].since, 0);
	assert_int_equal(l.items[0].overdue, now - okr_day_start(cycle.start) - 7 * DAY);
	assert_int_equal(l.items[1].id, 1);
	assert_int_equal(l.items[1].overdue, 3 * DAY);
	okr_due_free(&l);
}

static void test_done_kpi_linked_and_others_skipped(void **state)
{
	(void)state;
	okr_time now = at("2026-11-20");
	krs[0].has_value = true, krs[0].current = 100, krs[0].last_at = now - 30 * DAY;   /* done */
	krs[1].has_value = true, krs[1].last_at = now - 30 * DAY, krs[1].kpi_id = 1;      /* from a KPI */
	krs[2].has_value = true, krs[2].current = 1, krs[2].last_at = now - DAY;
	krs[3].last_at = 0;                                                               /* not mine */
	okr_due_opts o = { .person_id = ME, .now = now };
	okr_due_list l;
	okr_due_compute(&snap, &o, &l);
	assert_int_equal(l.n, 0);
	okr_due_free(&l);
	krs[1].kpi_id = 0;
}

static void test_kpis(void **state)
{
	(void)state;
	okr_time now = at("2026-11-20");
	okr_due_opts o = { .person_id = ME, .now = now, .kpis = true };
	okr_due_list l;
	kpis[0].has_value = false;
	okr_due_compute(&snap, &o, &l);
	size_t found = 0;
	for (size_t i = 0; i < l.n; i++)
		if (l.items[i].kind == DUE_KPI) {
			assert_int_equal(l.items[i].id, 1);   /* never "other"'s KPI */
			assert_int_equal(l.items[i].since, 0);
			found++;
		}
	assert_int_equal(found, 1);
	okr_due_free(&l);
	kpis[0].has_value = true, kpis[0].last_at = now - 3 * DAY;
	okr_due_compute(&snap, &o, &l);
	assert_int_equal(l.items[l.n - 1].kind, DUE_KPI);
	assert_int_equal(l.items[l.n - 1].overdue, 2 * DAY);
	okr_due_free(&l);
	kpis[0].last_at = now - DAY / 2;
	o.kpis = false;
	kpis[0].last_at = now - 5 * DAY;
	okr_due_compute(&snap, &o, &l);
	for (size_t i = 0; i < l.n; i++)
		assert_int_not_equal(l.items[i].kind, DUE_KPI);   /* kpis = false: not asked */
	okr_due_free(&l);
}

static void test_grades_after_end(void **state)
{
	(void)state;
	okr_time now = at("2027-01-03");
	for (int i = 0; i < 3; i++)
		krs[i].has_value = true, krs[i].current = 10, krs[i].last_at = at("2026-11-01");
	int64_t graded[] = { 2 };
	okr_due_opts o = { .person_id = ME, .now = now, .graded = graded, .ngraded = 1 };
	okr_due_list l;
	okr_due_compute(&snap, &o, &l);
	assert_int_equal(l.n, 2);     /* K1 and K3: K2 graded, K4 not mine, no check-ins after the end */
	for (size_t i = 0; i < l.n; i++) {
		assert_int_equal(l.items[i].kind, DUE_GRADE);
		assert_int_equal(l.items[i].since, okr_day_start(cycle.end) + DAY);
		assert_int_not_equal(l.items[i].id, 2);
	}
	okr_due_free(&l);
	cycle.state = CYCLE_CLOSED;
	okr_due_compute(&snap, &o, &l);
	assert_int_equal(l.n, 0);     /* a closed cycle owes nothing */
	okr_due_free(&l);
	cycle.state = CYCLE_ACTIVE;
}

static void test_before_start_and_nobody(void **state)
{
	(void)state;
	okr_due_opts o = { .person_id = ME, .now = at("2026-09-20") };
	okr_due_list l;
	for (int i = 0; i < 4; i++)
		krs[i].has_value = false, krs[i].last_at = 0;
	okr_due_compute(&snap, &o, &l);
	assert_int_equal(l.n, 0);     /* the period has not begun */
	okr_due_free(&l);
	okr_due_opts nobody = { .person_id = 0, .now = at("2026-11-20"), .kpis = true };
	krs[0].owner_id = 0;
	okr_due_compute(&snap, &nobody, &l);
	assert_int_equal(l.n, 0);     /* an unregistered person does not own the ownerless */
	okr_due_free(&l);
	krs[0].owner_id = ME;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_quiet_and_never, setup),
		cmocka_unit_test_setup(test_done_kpi_linked_and_others_skipped, setup),
		cmocka_unit_test_setup(test_kpis, setup),
		cmocka_unit_test_setup(test_grades_after_end, setup),
		cmocka_unit_test_setup(test_before_start_and_nobody, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
