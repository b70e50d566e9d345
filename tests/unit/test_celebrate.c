/*
 * test_celebrate.c — what deserves a celebration: a key result crossing 0.7
 * or 1.0, a new badge, a rank that moved; and what does not: a drop, a
 * value that stays above the mark, something that was not there before.
 * Also the words of the explanation and the windows the screens share.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "okr/celebrate.h"
#include "okr/score.h"

static celebrate_kr old_krs[4], cur_krs[4];
static celebrate_person old_people[2], cur_people[2];
static celebrate_rank old_ranks[3], cur_ranks[3];

static void snaps(celebrate_snap *o, celebrate_snap *c)
{
	*o = (celebrate_snap){ old_krs, 4, old_people, 2, old_ranks, 3 };
	*c = (celebrate_snap){ cur_krs, 4, cur_people, 2, cur_ranks, 3 };
}

static int setup(void **state)
{
	(void)state;
	/* K1 0.61 → 0.70 (crosses 0.7), K2 0.5 → 1.0 (crosses both: one event,
	 * 1.0), K3 0.8 → 0.9 (already above), K4 1.0 → 0.6 (a drop).  The new
	 * snapshot lists them in another order: lookups are by id. */
	old_krs[0] = (celebrate_kr){ 1, 7, 0.61 };
	old_krs[1] = (celebrate_kr){ 2, 8, 0.5 };
	old_krs[2] = (celebrate_kr){ 3, 7, 0.8 };
	old_krs[3] = (celebrate_kr){ 4, 8, 1.0 };
	cur_krs[0] = (celebrate_kr){ 4, 8, 0.6 };
	cur_krs[1] = (celebrate_kr){ 3, 7, 0.9 };
	cur_krs[2] = (celebrate_kr){ 2, 8, 1.0 };
	cur_krs[3] = (celebrate_kr){ 1, 7, 7.0 / 10.0 };
	old_people[0] = (celebrate_person){ 7, 1u << SCORE_BADGE_FIRST_CHECKIN };
	old_people[1] = (celebrate_person){ 8, 0 };
	cur_people[0] = (celebrate_person){ 7, (1u << SCORE_BADGE_FIRST_CHECKIN) | (1u << SCORE_BADGE_COMEBACK) };
	cur_people[1] = (celebrate_person){ 8, 0 };
	old_ranks[0] = (celebrate_rank){ 7, 1 };
	old_ranks[1] = (celebrate_rank){ 8, 2 };
	old_ranks[2] = (celebrate_rank){ 9, 3 };
	cur_ranks[0] = (celebrate_rank){ 8, 1 };
	cur_ranks[1] = (celebrate_rank){ 7, 2 };
	cur_ranks[2] = (celebrate_rank){ 9, 3 };
	return 0;
}

static void crossings_badges_and_ranks(void **state)
{
	(void)state;
	celebrate_snap o, c;
	snaps(&o, &c);
	celebrate_event *ev;
	size_t n = celebrate_diff(&o, &c, &ev);
	assert_int_equal(n, 5);
	assert_int_equal(ev[0].kind, CELEBRATE_KR_07);
	assert_int_equal(ev[0].id, 1);
	assert_int_equal(ev[0].person_id, 7);
	assert_int_equal(ev[1].kind, CELEBRATE_KR_10);
	assert_int_equal(ev[1].id, 2);
	assert_int_equal(ev[1].person_id, 8);
	assert_int_equal(ev[2].kind, CELEBRATE_BADGE);
	assert_int_equal(ev[2].person_id, 7);
	assert_int_equal(ev[2].badge, SCORE_BADGE_COMEBACK);
	assert_int_equal(ev[3].kind, CELEBRATE_RANK);
	assert_int_equal(ev[3].id, 7);
	assert_int_equal(ev[3].from, 1);
	assert_int_equal(ev[3].to, 2);
	assert_int_equal(ev[4].kind, CELEBRATE_RANK);
	assert_int_equal(ev[4].id, 8);
	assert_int_equal(ev[4].to, 1);
	free(ev);
}

static void nothing_changed_nothing_shown(void **state)
{
	(void)state;
	celebrate_snap o, c;
	snaps(&o, &c);
	celebrate_event *ev;
	assert_int_equal(celebrate_diff(&o, &o, &ev), 0);
	assert_null(ev);
	/* The other way round: drops, lost ranks and "lost" badges are no news,
	 * except the ranks, which move both ways. */
	size_t n = celebrate_diff(&c, &o, &ev);
	for (size_t i = 0; i < n; i++)
		assert_true(ev[i].kind == CELEBRATE_KR_07 || ev[i].kind == CELEBRATE_KR_10 ||
			    ev[i].kind == CELEBRATE_RANK);
	/* K4 climbing back 0.6 → 1.0 is a crossing; K3 0.9 → 0.8 is not. */
	assert_int_equal(n, 3);
	assert_int_equal(ev[0].id, 4);
	assert_int_equal(ev[0].kind, CELEBRATE_KR_10);
	free(ev);
}

static void new_things_are_not_changes(void **state)
{
	(void)state;
	celebrate_snap o = { 0 }, c;
	celebrate_snap unused;
	snaps(&unused, &c);
	celebrate_event *ev;
	/* A first snapshot, or a cycle switch: everything is new, nothing crossed. */
	assert_int_equal(celebrate_diff(&o, &c, &ev), 0);
	/* Unranked rows (opted out) never count as moving. */
	celebrate_rank a = { 5, 0 }, b = { 5, 3 };
	celebrate_snap x = { .ranks = &a, .nranks = 1 }, y = { .ranks = &b, .nranks = 1 };
	assert_int_equal(celebrate_diff(&x, &y, &ev), 0);
}

static void explanation_words(void **state)
{
	(void)state;
	char buf[256];
	score_line l = { .reason = SCORE_R_REACH_07, .kr_id = 12 };
	score_line_text(&l, NULL, buf, sizeof buf);
	assert_string_equal(buf, "K12 reached 0.7");
	l = (score_line){ .reason = SCORE_R_KUDOS_RECEIVED, .other_id = 3 };
	score_line_text(&l, "lan", buf, sizeof buf);
	assert_string_equal(buf, "kudos from @lan");
	l = (score_line){ .reason = SCORE_R_PROGRESS, .kr_id = 2, .from = 0.61, .to = 0.7, .weight = 1 };
	score_line_text(&l, NULL, buf, sizeof buf);
	assert_string_equal(buf, "progress on K2: best 61% → 70% × weight 1");
}

static void windows(void **state)
{
	(void)state;
	/* Wednesday 2026-11-25 12:00 UTC; the week began Monday 2026-11-23. */
	okr_time now = 1795608000;
	okr_day monday = score_week_first_day(score_week_of(now, 0, 0), 0);
	score_span cur, prev;
	score_window_spans(now, 0, 0, SCORE_WINDOW_WEEK, NULL, &cur, &prev);
	assert_int_equal(cur.from, monday);
	assert_int_equal(cur.to, monday + 7);
	assert_int_equal(prev.from, monday - 7);
	okr_cycle cy = { .start = monday - 30, .end = monday + 30 };
	score_window_spans(now, 0, 0, SCORE_WINDOW_CYCLE, &cy, &cur, &prev);
	assert_int_equal(cur.from, cy.start);
	assert_int_equal(cur.to, cy.end + 1);
	assert_int_equal(prev.to, monday);
	/* No cycle: the cycle window is all time. */
	score_window_spans(now, 0, 0, SCORE_WINDOW_CYCLE, NULL, &cur, &prev);
	assert_int_equal(cur.from, INT32_MIN);
	assert_int_equal(cur.to, INT32_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(crossings_badges_and_ranks, setup),
		cmocka_unit_test_setup(nothing_changed_nothing_shown, setup),
		cmocka_unit_test_setup(new_things_are_not_changes, setup),
		cmocka_unit_test(explanation_words),
		cmocka_unit_test(windows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
