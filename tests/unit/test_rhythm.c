/*
 * test_rhythm.c — the pure parts of the weekly rhythm: who is behind
 * (core/rhythm.c), what a plan copies (core/plan.c) and a key result's week
 * (core/digest.c).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "okr/assess.h"
#include "okr/digest.h"
#include "okr/parse.h"
#include "okr/plan.h"
#include "okr/rhythm.h"

enum { DAY = 86400 };

static okr_cycle cycle;
static okr_person people[3];
static okr_team teams[2];
static okr_objective objs[3];
static okr_kr krs[4];
static okr_snapshot snap;
static const okr_status_rules rules = { 0.15, 0.30 };

static okr_time at(const char *ymd)
{
	okr_day d;
	okr_parse_date(ymd, &d);
	return okr_day_start(d) + 12 * 3600;
}

/* Q4 with O1 ← O2 (aligned) and O3; an (Ann, Sales), bo (Bo, Sales,Ops), cy (no team). */
static int setup(void **state)
{
	(void)state;
	okr_day start, end;
	okr_parse_date("2026-10-01", &start);
	okr_parse_date("2026-12-31", &end);
	cycle = (okr_cycle){ .id = 1, .name = "Q4", .start = start, .end = end, .state = CYCLE_ACTIVE };
	people[0] = (okr_person){ .id = 1, .login = "an", .name = "Ann", .teams = "Sales" };
	people[1] = (okr_person){ .id = 2, .login = "bo", .name = "Bo", .teams = "Sales,Ops" };
	people[2] = (okr_person){ .id = 3, .login = "cy", .name = "Cy", .teams = "" };
	teams[0] = (okr_team){ .id = 1, .name = "Sales" };
	teams[1] = (okr_team){ .id = 2, .name = "Ops" };
	for (int i = 0; i < 3; i++)
		objs[i] = (okr_objective){ .id = i + 1, .cycle_id = 1, .title = "o", .description = "", .owner = "",
					   .team = "", .weight = 1 };
	objs[1].parent_id = 1;
	for (int i = 0; i < 4; i++)
		krs[i] = (okr_kr){ .id = i + 1, .objective_id = 1, .title = "k", .owner = "", .unit = "",
				   .weight = 1, .type = KR_METRIC, .start = 0, .target = 100, .every = FREQ_WEEKLY,
				   .confidence = -1 };
	krs[0].owner_id = 1;   /* an: checked in this week */
	krs[0].has_value = true, krs[0].current = 60, krs[0].last_at = at("2026-11-24");
	krs[1].owner_id = 2, krs[1].objective_id = 2;   /* bo: quiet for a month */
	krs[1].has_value = true, krs[1].current = 10, krs[1].last_at = at("2026-10-20");
	krs[2].owner_id = 2, krs[2].objective_id = 3;   /* bo: far behind but recent */
	krs[2].has_value = true, krs[2].current = 5, krs[2].last_at = at("2026-11-20");
	krs[3].owner_id = 3, krs[3].objective_id = 3;
	snap = (okr_snapshot){ .cycles = &cycle, .ncycles = 1, .people = people, .npeople = 3, .teams = teams,
			       .nteams = 2, .objs = objs, .nobjs = 3, .krs = krs, .nkrs = 4, .cycle_id = 1 };
	return 0;
}

static void test_in_team(void **state)
{
	(void)state;
	assert_true(okr_rhythm_in_team("Sales,Ops", "Ops"));
	assert_true(okr_rhythm_in_team("Sales,Ops", "Sales"));
	assert_false(okr_rhythm_in_team("Sales,Ops", "Sale"));
	assert_false(okr_rhythm_in_team("", "Sales"));
}

static void test_rhythm_of_a_team(void **state)
{
	(void)state;
	okr_time now = at("2026-11-25");
	okr_assessments as;
	okr_assess(&snap, ROLLUP_BOTH, &rules, now, &as);
	okr_rhythm r;
	okr_rhythm_compute(&snap, &as, "Sales", at("2026-11-23") - 12 * 3600, &r);
	assert_int_equal(r.npeople, 2);
	assert_int_equal(r.behind, 1);
	assert_string_equal(snap.people[r.people[0].person].login, "bo");   /* behind first */
	assert_false(r.people[0].checked_in);
	assert_int_equal(r.people[0].nkrs, 2);
	assert_int_equal(r.people[0].nflagged, 2);
	assert_true(r.people[1].checked_in);
	assert_int_equal(r.nkrs, 2);
	assert_int_equal(snap.krs[r.krs[0].kr].id, 2);                 /* quiet before off track */
	assert_int_equal(r.krs[0].status, STATUS_OUTDATED);
	assert_int_equal(r.krs[1].status, STATUS_OFF_TRACK);
	assert_int_equal(r.krs[1].owner, 0);                            /* bo's row after sorting */
	okr_rhythm_free(&r);
	okr_rhythm_compute(&snap, &as, NULL, at("2026-11-23") - 12 * 3600, &r);
	assert_int_equal(r.npeople, 3);
	okr_rhythm_free(&r);
	okr_assessments_free(&as);
}

static void test_plan_everything_and_picks(void **state)
{
	(void)state;
	okr_plan p;
	assert_int_equal(okr_plan_make(&snap, NULL, 0, &p), -1);
	assert_int_equal(p.nobjs, 3);
	assert_int_equal(p.nkrs, 4);
	assert_int_equal(snap.objs[p.objs[0].obj].id, 1);
	assert_int_equal(snap.objs[p.objs[1].obj].id, 2);
	assert_int_equal(p.objs[1].parent, 0);                          /* O2 under O1's copy */
	okr_plan_free(&p);
	okr_plan_pick picks[] = { { ID_KR, 2 }, { ID_OBJECTIVE, 3 } };
	assert_int_equal(okr_plan_make(&snap, picks, 2, &p), -1);
	assert_int_equal(p.nobjs, 2);                                   /* O2 (for K2) and O3 */
	assert_int_equal(p.objs[0].parent, -1);
	assert_true(p.objs[0].parent_dropped);                          /* O1 not copied */
	assert_int_equal(p.nkrs, 3);
	okr_plan_free(&p);
	okr_plan_pick bad[] = { { ID_OBJECTIVE, 3 }, { ID_KR, 99 } };
	assert_int_equal(okr_plan_make(&snap, bad, 2, &p), 1);
	assert_int_equal(p.nobjs, 0);
}

static void test_plan_start(void **state)
{
	(void)state;
	assert_true(okr_plan_start(&krs[0]) == 60);                     /* from its last value */
	krs[0].current = 100;
	assert_true(okr_plan_start(&krs[0]) == 0);                      /* done: a fresh start */
	assert_true(okr_plan_start(&krs[3]) == 0);                      /* never checked in */
}

static void test_digest_week(void **state)
{
	(void)state;
	okr_checkin hist[3] = {   /* newest first */
		{ .value = 80, .at = at("2026-11-26"), .note = "b", .confidence = -1 },
		{ .value = 70, .at = at("2026-11-24"), .note = "a", .confidence = -1 },
		{ .value = 50, .at = at("2026-11-10"), .note = "", .confidence = -1 },
	};
	okr_digest_move m;
	okr_time from = at("2026-11-23") - 12 * 3600;
	okr_digest_kr(&krs[0], hist, 3, cycle.start, cycle.end, from, from + 7 * DAY, &rules, &m);
	assert_true(m.had_value);
	assert_true(m.value_from == 50 && m.value_to == 80);
	assert_true(fabs(m.from - 0.5) < 1e-9 && fabs(m.to - 0.8) < 1e-9);
	assert_int_equal(m.checkins, 2);
	assert_string_equal(m.last->note, "b");
	assert_int_equal(m.status_from, STATUS_OUTDATED);   /* 13 days silent at the week's start */
	assert_int_equal(m.status_to, STATUS_ON_TRACK);
	assert_false(okr_digest_turned_risky(&m));
	okr_digest_kr(&krs[0], hist + 2, 1, cycle.start, cycle.end, from, from + 7 * DAY, &rules, &m);
	assert_int_equal(m.checkins, 0);
	assert_null(m.last);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_in_team, setup),
		cmocka_unit_test_setup(test_rhythm_of_a_team, setup),
		cmocka_unit_test_setup(test_plan_everything_and_picks, setup),
		cmocka_unit_test_setup(test_plan_start, setup),
		cmocka_unit_test_setup(test_digest_week, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
