/*
 * test_review.c — the review's order, scope and summary (review.h).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "okr/review.h"

/* A small world: company → sales; O1 (company, lan) ← O2 (sales, sarah),
 * O3 (no team, owned by tuan of sales), O4 archived.  KRs listed out of ID
 * order on purpose. */
static okr_team teams[] = {
	{ 1, "Company", 0 }, { 2, "Sales", 1 }, { 3, "Product", 1 },
};
static okr_person people[] = {
	{ 1, "lan", "Lan", ROLE_LEAD, "Company", false },
	{ 2, "sarah", "Sarah", ROLE_LEAD, "Sales", false },
	{ 3, "tuan", "Tuan", ROLE_MEMBER, "Product, Sales", false },
};
static okr_objective objs[] = {
	{ .id = 1, .title = "Lead", .description = "", .owner = "lan", .team = "Company" },
	{ .id = 2, .title = "Sell", .description = "", .owner = "sarah", .team = "Sales", .parent_id = 1 },
	{ .id = 3, .title = "Leads", .description = "", .owner = "tuan", .team = "" },
	{ .id = 4, .title = "Old", .description = "", .owner = "lan", .team = "Company", .archived = true },
};
static okr_kr krs[] = {
	{ .id = 5, .objective_id = 1, .title = "b", .owner = "lan", .unit = "", .type = KR_METRIC, .start = 0,
	  .target = 100, .has_value = true, .current = 50 },
	{ .id = 2, .objective_id = 1, .title = "a", .owner = "sarah", .unit = "", .type = KR_METRIC, .start = 0,
	  .target = 10, .has_value = false },
	{ .id = 3, .objective_id = 2, .title = "c", .owner = "tuan", .unit = "", .type = KR_MILESTONE,
	  .target = 1, .has_value = true, .current = 0 },
	{ .id = 7, .objective_id = 2, .title = "d", .owner = "sarah", .unit = "", .type = KR_METRIC,
	  .start = 0, .target = 10, .archived = true },
	{ .id = 4, .objective_id = 3, .title = "e", .owner = "tuan", .unit = "", .type = KR_METRIC, .start = 0,
	  .target = 40, .has_value = true, .current = 12 },
	{ .id = 6, .objective_id = 4, .title = "f", .owner = "lan", .unit = "", .type = KR_METRIC },
};

static okr_snapshot world(void)
{
	okr_snapshot s = { .teams = teams, .nteams = 3, .people = people, .npeople = 3, .objs = objs, .nobjs = 4,
			   .krs = krs, .nkrs = 6 };
	return s;
}

static void test_order_tree_then_id(void **state)
{
	(void)state;
	okr_snapshot s = world();
	int64_t ids[6];
	size_t n = okr_review_order(&s, NULL, ids);
	/* O1's KRs by ID, then its child O2 (archived K7 left out), then O3;
	 * archived O4 left out. */
	assert_int_equal(n, 4);
	assert_int_equal(ids[0], 2);
	assert_int_equal(ids[1], 5);
	assert_int_equal(ids[2], 3);
	assert_int_equal(ids[3], 4);
}

static void test_scope_team_and_owner(void **state)
{
	(void)state;
	okr_snapshot s = world();
	int64_t ids[6];
	okr_review_scope sales = { .team = "Sales" };
	size_t n = okr_review_order(&s, &sales, ids);
	/* O2 is Sales's; O3 has no team but its owner is in Sales. */
	assert_int_equal(n, 2);
	assert_int_equal(ids[0], 3);
	assert_int_equal(ids[1], 4);
	okr_review_scope company = { .team = "Company" };
	assert_int_equal(okr_review_order(&s, &company, ids), 4);   /* sub-teams count */
	okr_review_scope product = { .team = "Product" };
	assert_int_equal(okr_review_order(&s, &product, ids), 1);   /* tuan is in Product too */
	okr_review_scope none = { .team = "Nobody" };
	assert_int_equal(okr_review_order(&s, &none, ids), 0);
	okr_review_scope mine = { .owner = "sarah" };
	n = okr_review_order(&s, &mine, ids);
	/* K2 (hers) and all of O2 (her objective) except the archived K7 */
	assert_int_equal(n, 2);
	assert_int_equal(ids[0], 2);
	assert_int_equal(ids[1], 3);
	bool shown[4] = { false, true, true, true };
	okr_review_scope filtered = { .obj_shown = shown };
	assert_int_equal(okr_review_order(&s, &filtered, ids), 2);
}

static void test_next_open(void **state)
{
	(void)state;
	okr_snapshot s = world();
	int64_t ids[] = { 2, 5, 3 };
	okr_review r;
	okr_review_init(&r, &s, ids, 3);
	assert_int_equal(okr_review_find(&r, 3), 2);
	assert_int_equal(okr_review_find(&r, 9), -1);
	r.mark[1] = REVIEW_SEEN;
	assert_int_equal(okr_review_next_open(&r, 0), 2);
	r.mark[2] = REVIEW_SKIPPED;
	assert_int_equal(okr_review_next_open(&r, 0), 0);   /* wraps to the only one left */
	r.mark[0] = REVIEW_SEEN;
	assert_int_equal(okr_review_next_open(&r, 0), -1);
	okr_review_free(&r);
}

static void test_summary(void **state)
{
	(void)state;
	okr_snapshot s = world();
	int64_t ids[] = { 2, 5, 3, 4 };
	okr_review r;
	okr_review_init(&r, &s, ids, 4);
	r.mark[0] = REVIEW_SEEN;
	r.mark[1] = REVIEW_SEEN;
	r.mark[2] = REVIEW_SKIPPED;
	/* During the review: K5 checked in by lan and by sarah (a teammate's
	 * live write), K2 gets its first value, a grade and a comment. */
	okr_kr now_krs[6];
	memcpy(now_krs, krs, sizeof krs);
	now_krs[0].current = 70;
	now_krs[1].has_value = true;
	now_krs[1].current = 5;
	okr_review_add(&r, REVIEW_CHECKIN, 5, "lan", 60);
	okr_review_add(&r, REVIEW_CHECKIN, 5, "sarah", 70);
	okr_review_add(&r, REVIEW_CHECKIN, 2, "sarah", 5);
	okr_review_add(&r, REVIEW_CHECKIN, 4, "", 12);
	okr_review_add(&r, REVIEW_GRADE, 5, "lan", 0.7);
	okr_review_add(&r, REVIEW_COMMENT, 3, "lan", 0);
	okr_snapshot now = s;
	now.krs = now_krs;
	okr_assessment a[6] = { { 0 } };
	a[0].status = STATUS_AT_RISK;    /* K5 */
	a[0].expected = 0.9;
	a[0].progress = 0.7;
	a[2].status = STATUS_OFF_TRACK;  /* K3 */
	a[2].expected = 0.5;
	a[4].status = STATUS_OUTDATED;   /* K4 */
	a[4].expected = 0.8;
	a[4].progress = 0.3;
	a[5].status = STATUS_OFF_TRACK;  /* K6: not in the review */
	okr_assessments as = { .objs = NULL, .krs = a };

	okr_review_summary sum;
	okr_review_summarize(&r, &now, &as, &sum);
	assert_int_equal(sum.total, 4);
	assert_int_equal(sum.seen, 2);
	assert_int_equal(sum.skipped, 1);
	assert_int_equal(sum.unvisited, 1);
	assert_int_equal(sum.nskipped, 1);
	assert_int_equal(sum.skipped_ids[0], 3);
	assert_int_equal(sum.checkins, 4);
	assert_int_equal(sum.grades, 1);
	assert_int_equal(sum.comments, 1);
	assert_int_equal(sum.kudos, 0);
	/* what changed, in review order, with progress before and after */
	assert_int_equal(sum.nchanges, 2);
	assert_int_equal(sum.changes[0].kr_id, 2);
	assert_false(sum.changes[0].had);
	assert_true(fabs(sum.changes[0].p_after - 0.5) < 1e-9);
	assert_int_equal(sum.changes[1].kr_id, 5);
	assert_true(sum.changes[1].before == 50 && sum.changes[1].after == 70);
	assert_true(fabs(sum.changes[1].p_before - 0.5) < 1e-9 && fabs(sum.changes[1].p_after - 0.7) < 1e-9);
	/* who checked in: sarah twice, lan once; the KPI push has no author */
	assert_int_equal(sum.npeople, 2);
	assert_string_equal(sum.people[0].login, "sarah");
	assert_int_equal(sum.people[0].n, 2);
	assert_string_equal(sum.people[1].login, "lan");
	/* at risk: off track first, then at risk, then outdated; K6 is not ours */
	assert_int_equal(sum.nrisks, 3);
	assert_int_equal(sum.risks[0].kr_id, 3);
	assert_int_equal(sum.risks[1].kr_id, 5);
	assert_int_equal(sum.risks[2].kr_id, 4);
	assert_true(fabs(sum.risks[1].gap - 0.2) < 1e-9);
	okr_review_summary_free(&sum);
	okr_review_free(&r);
}

/* What the meeting did with each key result, as the summary counts it. */
static void test_summary_counts_marks(void **state)
{
	(void)state;
	okr_snapshot s = world();
	int64_t ids[] = { 2, 5, 3, 4 };
	okr_review r;
	okr_review_init(&r, &s, ids, 4);
	okr_review_show(&r, 0);                        /* K2 on screen, then q: reviewed */
	okr_review_show(&r, 1);
	r.mark[1] |= REVIEW_SKIPPED;                   /* K5 skipped */
	okr_review_show(&r, 1);                        /* … and shown again: still skipped */
	r.mark[2] = REVIEW_SKIPPED | REVIEW_SEEN;      /* K3 skipped, then commented on: reviewed */
	okr_review_summary sum;
	okr_assessment a[6] = { { 0 } };
	okr_assessments as = { .objs = NULL, .krs = a };
	okr_review_summarize(&r, &s, &as, &sum);
	assert_int_equal(sum.seen, 2);
	assert_int_equal(sum.skipped, 1);
	assert_int_equal(sum.nskipped, 1);
	assert_int_equal(sum.skipped_ids[0], 5);
	assert_int_equal(sum.unvisited, 1);            /* only K4 was never on screen */
	assert_int_equal(r.at, 1);
	/* Shown is not done: the next open one may be a shown one. */
	assert_int_equal(okr_review_next_open(&r, 2), 3);
	assert_int_equal(okr_review_next_open(&r, 3), 0);
	okr_review_summary_free(&sum);
	okr_review_free(&r);
}

static void test_summary_empty(void **state)
{
	(void)state;
	okr_snapshot s = world();
	okr_review r;
	okr_review_init(&r, &s, NULL, 0);
	okr_assessments as = { 0 };
	okr_review_summary sum;
	okr_review_summarize(&r, &s, &as, &sum);
	assert_int_equal(sum.total, 0);
	assert_int_equal(sum.nchanges + sum.npeople + sum.nrisks, 0);
	assert_int_equal(okr_review_next_open(&r, 0), -1);
	okr_review_summary_free(&sum);
	okr_review_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_tree_then_id),
		cmocka_unit_test(test_scope_team_and_owner),
		cmocka_unit_test(test_next_open),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_summary_counts_marks),
		cmocka_unit_test(test_summary_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
