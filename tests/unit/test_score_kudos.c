/*
 * test_score_kudos.c — the one rule for whether a kudos pays, as the giver
 * is told it (score_kudos_verdict) and as the ledger folds it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "okr/score.h"

static okr_game_rules rules(int allowance)
{
	okr_game_rules r;
	memset(&r, 0, sizeof r);
	r.kudos_allowance = allowance;
	r.kudos_given_xp = 2;
	return r;
}

static void test_decide(void **state)
{
	(void)state;
	assert_int_equal(score_kudos_decide(true, false, 0, 5), SCORE_R_KUDOS_SELF);
	assert_int_equal(score_kudos_decide(false, true, 0, 5), SCORE_R_KUDOS_REPEAT);
	assert_int_equal(score_kudos_decide(false, false, 5, 5), SCORE_R_KUDOS_ALLOWANCE);
	assert_int_equal(score_kudos_decide(false, false, 4, 5), SCORE_R_KUDOS_GIVEN);
}

static void test_verdict_replays_the_week(void **state)
{
	(void)state;
	okr_game_rules r = rules(2);
	const int64_t one[] = { 7 };
	assert_int_equal(score_kudos_verdict(&r, 1, one, 1), SCORE_R_KUDOS_GIVEN);
	const int64_t again[] = { 7, 7 };
	assert_int_equal(score_kudos_verdict(&r, 1, again, 2), SCORE_R_KUDOS_REPEAT);
	const int64_t three[] = { 7, 8, 9 };
	assert_int_equal(score_kudos_verdict(&r, 1, three, 3), SCORE_R_KUDOS_ALLOWANCE);
	/* A repeat earns nothing and does not use up the allowance. */
	const int64_t rep_then_new[] = { 7, 7, 8 };
	assert_int_equal(score_kudos_verdict(&r, 1, rep_then_new, 3), SCORE_R_KUDOS_GIVEN);
	/* Refused for the allowance, the pair was never paid: still beyond it. */
	const int64_t after_cap[] = { 7, 8, 9, 9 };
	assert_int_equal(score_kudos_verdict(&r, 1, after_cap, 4), SCORE_R_KUDOS_ALLOWANCE);
	const int64_t self[] = { 1 };
	assert_int_equal(score_kudos_verdict(&r, 1, self, 1), SCORE_R_KUDOS_SELF);
}

static void test_note(void **state)
{
	(void)state;
	char buf[300];
	score_kudos_note(SCORE_R_KUDOS_GIVEN, "wei", 5, 2, buf, sizeof buf);
	assert_string_equal(buf, "kudos sent to @wei (+2 XP for you)");
	score_kudos_note(SCORE_R_KUDOS_REPEAT, "wei", 5, 2, buf, sizeof buf);
	assert_non_null(strstr(buf, "it earns no points: you already gave @wei kudos this week"));
	score_kudos_note(SCORE_R_KUDOS_ALLOWANCE, "wei", 1, 2, buf, sizeof buf);
	assert_non_null(strstr(buf, "only 1 kudos a week counts and you have given it"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decide),
		cmocka_unit_test(test_verdict_replays_the_week),
		cmocka_unit_test(test_note),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
