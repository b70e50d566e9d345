/*
 * test_score.c — the gamification rules of SPEC §4: every rule, cap and
 * badge, the ways people could game the numbers, and the leaderboards.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "okr/config.h"
#include "okr/score.h"

#define MON 1794787200LL        /* Monday 2026-11-16 00:00 UTC */
#define DAY 86400LL
#define WEEK (7 * DAY)

enum { ANN = 1, BOB = 2, CAT = 3, DAN = 4 };

/* A small world: Ann and Bob in team 10, Cat in team 20, Dan in no team.
 * K1 metric 0→100 owned by Ann (objective 1, Ann's, team 10, aspirational),
 * K2 milestone owned by Ann (objective 1), K3 metric 0→10 owned by Bob
 * (objective 2, Cat's), K4 threshold ≥ 85 owned by Cat. */
typedef struct {
	okr_game_rules rules;
	int offset;
	score_person people[4];
	score_member members[3];
	score_kr krs[4];
	score_checkin ck[128];
	score_kudos kd[64];
	score_comment cm[64];
	size_t nck, nkd, ncm;
	int64_t next_id;
} fx;

static fx F;

static void setup_world(void)
{
	memset(&F, 0, sizeof F);
	okr_config cfg;
	okr_config_defaults_apply(&cfg);
	F.rules = cfg.game;
	F.next_id = 1;
	for (int i = 0; i < 4; i++)
		F.people[i] = (score_person){ i + 1, false };
	F.members[0] = (score_member){ 10, ANN };
	F.members[1] = (score_member){ 10, BOB };
	F.members[2] = (score_member){ 20, CAT };
	okr_time from = MON - 4 * WEEK, due = MON + 8 * WEEK;
	F.krs[0] = (score_kr){ .id = 1, .objective_id = 1, .owner_id = ANN, .obj_owner_id = ANN, .team_id = 10,
			       .type = KR_METRIC, .start = 0, .target = 100, .weight = 1, .aspirational = true,
			       .from = from, .due = due, .grade = NAN };
	F.krs[1] = (score_kr){ .id = 2, .objective_id = 1, .owner_id = ANN, .obj_owner_id = ANN, .team_id = 10,
			       .type = KR_MILESTONE, .weight = 1, .aspirational = true,
			       .from = from, .due = due, .grade = NAN };
	F.krs[2] = (score_kr){ .id = 3, .objective_id = 2, .owner_id = BOB, .obj_owner_id = CAT,
			       .type = KR_METRIC, .start = 0, .target = 10, .weight = 2,
			       .from = from, .due = due, .grade = NAN };
	F.krs[3] = (score_kr){ .id = 4, .objective_id = 3, .owner_id = CAT, .obj_owner_id = CAT, .team_id = 20,
			       .type = KR_THRESHOLD, .dir = DIR_AT_LEAST, .target = 85, .weight = 1,
			       .from = from, .due = due, .grade = NAN };
}

static int setup(void **state)
{
	(void)state;
	setup_world();
	return 0;
}

static void ck(int64_t kr, int64_t who, double v, const char *note, okr_time at, int conf)
{
	F.ck[F.nck++] = (score_checkin){ F.next_id++, kr, who, v, at, (int8_t)conf, note && *note };
}

static void kudos(int64_t from, int64_t to, okr_time at)
{
	F.kd[F.nkd++] = (score_kudos){ F.next_id++, from, to, 0, at };
}

static void comment(int64_t who, int64_t kr, int chars, okr_time at)
{
	F.cm[F.ncm++] = (score_comment){ F.next_id++, who, kr, chars, at };
}

static score_state *run(void)
{
	score_world w = { F.people, 4, F.members, 3, F.krs, 4 };
	score_state *s = score_new(&F.rules, F.offset, &w);
	score_explain(s, -1);
	score_events ev = { F.ck, F.nck, F.kd, F.nkd, F.cm, F.ncm };
	assert_true(score_fold(s, &ev));
	return s;
}

static int64_t xp(score_state *s, int64_t who)
{
	score_person_result r;
	assert_true(score_person_get(s, who, MON + 30 * WEEK, &r));
	return r.xp;
}

static bool badge(score_state *s, int64_t who, score_badge b)
{
	score_person_result r;
	assert_true(score_person_get(s, who, MON, &r));
	return r.has[b];
}

static int64_t sum_reason(score_state *s, int64_t who, score_reason why, int *count)
{
	size_t n;
	const score_line *l = score_lines(s, &n);
	int64_t sum = 0;
	int c = 0;
	for (size_t i = 0; i < n; i++)
		if (l[i].person_id == who && l[i].reason == why) {
			sum += l[i].points;
			c++;
		}
	if (count)
		*count = c;
	return sum;
}

/* ---- check-in XP ---- */

static void test_checkin_note_once_per_kr_week(void **st)
{
	(void)st;
	ck(3, BOB, 0, "started", MON + DAY, -1);
	ck(3, BOB, 0, "again", MON + 2 * DAY, -1);      /* same KR, same week: 0 */
	ck(3, BOB, 0, "", MON + 3 * DAY, -1);           /* no note: 0 */
	ck(3, BOB, 0, "next week", MON + WEEK, -1);     /* a new week pays again */
	score_state *s = run();
	int n;
	/* First: streak 1 → 10 × 1.01 = 10.1 → 10; next week streak 2 → 10.2 → 10. */
	assert_int_equal(sum_reason(s, BOB, SCORE_R_CHECKIN, &n), 20);
	assert_int_equal(n, 2);
	sum_reason(s, BOB, SCORE_R_CHECKIN_AGAIN, &n);
	assert_int_equal(n, 1);
	sum_reason(s, BOB, SCORE_R_CHECKIN_NO_NOTE, &n);
	assert_int_equal(n, 1);
	assert_int_equal(xp(s, BOB), 20);
	score_free(s);
}

static void test_streak_multiplier_and_cap(void **st)
{
	(void)st;
	F.rules.streak_percent = 10;     /* make the bonus visible */
	F.rules.streak_cap = 3;
	for (int w = 0; w < 5; w++)
		ck(3, BOB, 0, "n", MON + w * WEEK, -1);
	score_state *s = run();
	/* Streaks 1,2,3,4,5 capped at 3: 11, 12, 13, 13, 13. */
	assert_int_equal(sum_reason(s, BOB, SCORE_R_CHECKIN, NULL), 11 + 12 + 13 + 13 + 13);
	score_person_result r;
	score_person_get(s, BOB, MON + 4 * WEEK + DAY, &r);
	assert_int_equal(r.streak, 5);
	/* A week without a check-in does not break it yet; two do. */
	score_person_get(s, BOB, MON + 5 * WEEK + DAY, &r);
	assert_int_equal(r.streak, 5);
	score_person_get(s, BOB, MON + 6 * WEEK + DAY, &r);
	assert_int_equal(r.streak, 0);
	assert_int_equal(r.best_streak, 5);
	score_free(s);
}

static void test_streak_resets_after_gap(void **st)
{
	(void)st;
	F.rules.streak_percent = 10;
	ck(3, BOB, 0, "n", MON, -1);
	ck(3, BOB, 0, "n", MON + WEEK, -1);
	ck(3, BOB, 0, "n", MON + 3 * WEEK, -1);   /* a week missed: back to 1 */
	score_state *s = run();
	assert_int_equal(sum_reason(s, BOB, SCORE_R_CHECKIN, NULL), 11 + 12 + 11);
	score_free(s);
}

/* ---- progress ---- */

static void test_progress_weight_and_milestones(void **st)
{
	(void)st;
	/* K3's weight 2 is alone in its objective: weights count against
	 * their siblings (score_fair.c), so it pays as weight 1. */
	ck(3, BOB, 5, "", MON, -1);    /* 0.5 × 100 × 1 = 50 */
	ck(3, BOB, 7, "", MON + 1, -1);   /* +0.2 → 20, reaches 0.7: +50 */
	ck(3, BOB, 10, "", MON + 2, -1);  /* +0.3 → 30, reaches 1.0: +25 */
	score_state *s = run();
	assert_int_equal(sum_reason(s, BOB, SCORE_R_PROGRESS, NULL), 100);
	assert_int_equal(sum_reason(s, BOB, SCORE_R_REACH_07, NULL), 50);
	assert_int_equal(sum_reason(s, BOB, SCORE_R_REACH_10, NULL), 25);
	assert_int_equal(xp(s, BOB), 175);
	score_free(s);
}

static void test_lower_then_raise_pays_nothing_new(void **st)
{
	(void)st;
	ck(1, ANN, 60, "", MON, -1);   /* 60 */
	ck(1, ANN, 20, "", MON + 1, -1);   /* drop: costs nothing */
	ck(1, ANN, 60, "", MON + 2, -1);   /* back to the mark: nothing */
	ck(1, ANN, 65, "", MON + 3, -1);   /* above it: only 5 */
	score_state *s = run();
	assert_int_equal(sum_reason(s, ANN, SCORE_R_PROGRESS, NULL), 65);
	int n;
	sum_reason(s, ANN, SCORE_R_PROGRESS_NONE, &n);
	assert_int_equal(n, 2);
	score_free(s);
}

static void test_tick_untick_milestone(void **st)
{
	(void)st;
	for (int i = 0; i < 6; i++)
		ck(2, ANN, i % 2 == 0, "", MON + i, -1);
	score_state *s = run();
	int n;
	assert_int_equal(sum_reason(s, ANN, SCORE_R_PROGRESS, &n), 100);
	assert_int_equal(n, 1);
	assert_int_equal(sum_reason(s, ANN, SCORE_R_REACH_07, &n), 50);
	assert_int_equal(n, 1);
	assert_int_equal(sum_reason(s, ANN, SCORE_R_REACH_10, &n), 25);
	assert_int_equal(n, 1);
	score_free(s);
}

static void test_small_steps_add_up(void **st)
{
	(void)st;
	/* Thirty steps of 1/3 % each would round to 0 one by one. */
	for (int i = 1; i <= 30; i++)
		ck(1, ANN, i / 3.0, "", MON + i, -1);
	score_state *s = run();
	assert_int_equal(sum_reason(s, ANN, SCORE_R_PROGRESS, NULL), 10);
	score_free(s);
}

static void test_progress_goes_to_owner(void **st)
{
	(void)st;
	ck(3, CAT, 5, "lead's note", MON, -1);   /* Cat (a lead) checks in Bob's KR */
	score_state *s = run();
	assert_int_equal(sum_reason(s, BOB, SCORE_R_PROGRESS, NULL), 50);
	assert_int_equal(sum_reason(s, CAT, SCORE_R_CHECKIN, NULL), 10);
	assert_int_equal(xp(s, CAT), 10);
	score_free(s);
}

static void test_threshold(void **st)
{
	(void)st;
	ck(4, CAT, 80, "", MON, -1);
	ck(4, CAT, 90, "", MON + 1, -1);
	score_state *s = run();
	assert_int_equal(xp(s, CAT), 100 + 50 + 25);
	score_free(s);
}

/* ---- kudos ---- */

static void test_kudos_basic_and_self(void **st)
{
	(void)st;
	kudos(ANN, BOB, MON);
	kudos(ANN, ANN, MON + 1);
	score_state *s = run();
	assert_int_equal(xp(s, ANN), 2);
	assert_int_equal(xp(s, BOB), 5);
	int n;
	sum_reason(s, ANN, SCORE_R_KUDOS_SELF, &n);
	assert_int_equal(n, 1);
	score_free(s);
}

static void test_kudos_pair_once_a_week(void **st)
{
	(void)st;
	kudos(ANN, BOB, MON);
	kudos(ANN, BOB, MON + DAY);        /* same pair, same week: nothing */
	kudos(ANN, BOB, MON + WEEK);       /* next week: counts */
	kudos(BOB, ANN, MON + DAY);        /* the other way is another pair */
	score_state *s = run();
	assert_int_equal(xp(s, BOB), 5 + 5 + 2);
	assert_int_equal(xp(s, ANN), 2 + 2 + 5);
	int n;
	sum_reason(s, ANN, SCORE_R_KUDOS_REPEAT, &n);
	assert_int_equal(n, 1);
	score_free(s);
}

static void test_kudos_allowance(void **st)
{
	(void)st;
	F.rules.kudos_allowance = 2;
	kudos(ANN, BOB, MON);
	kudos(ANN, CAT, MON + 1);
	kudos(ANN, DAN, MON + 2);          /* third this week: counts for nobody */
	kudos(ANN, DAN, MON + WEEK);       /* a new week, a new allowance */
	score_state *s = run();
	assert_int_equal(xp(s, ANN), 2 + 2 + 2);
	assert_int_equal(xp(s, DAN), 5);
	int n;
	sum_reason(s, ANN, SCORE_R_KUDOS_ALLOWANCE, &n);
	assert_int_equal(n, 1);
	score_free(s);
}

/* Vietnam (UTC+7): the week starts on Sunday 17:00 UTC. */
static void test_week_boundary_at_offset(void **st)
{
	(void)st;
	F.offset = 7 * 60;
	kudos(ANN, BOB, MON - 7 * 3600 - 1);  /* Sunday 23:59:59 local: the old week */
	kudos(ANN, BOB, MON - 7 * 3600);      /* Monday 00:00 local: a new week */
	score_state *s = run();
	assert_int_equal(xp(s, BOB), 10);
	score_free(s);
	/* The same two in UTC are in one week: the second is a repeat. */
	setup_world();
	kudos(ANN, BOB, MON - 7 * 3600 - 1);
	kudos(ANN, BOB, MON - 7 * 3600);
	s = run();
	assert_int_equal(xp(s, BOB), 5);
	score_free(s);
	assert_int_equal(score_week_of(MON, 0, 0) + 0, score_week_of(MON - 7 * 3600, 7 * 60, 0));
	assert_int_equal(score_week_of(MON - 1, 0, 0), score_week_of(MON, 0, 0) - 1);
	assert_int_equal(score_week_first_day(score_week_of(MON, 0, 0), 0), (okr_day)(MON / DAY));
}

/* The team's first day of the week moves every weekly limit with it: with
 * weeks from Sunday, a Sunday and the Monday after are one week (a second
 * kudos is a repeat), a Saturday and that Sunday two. */
static void test_week_start_sunday(void **st)
{
	(void)st;
	F.rules.week_start = 6;
	kudos(ANN, BOB, MON - DAY);       /* Sunday */
	kudos(ANN, BOB, MON);             /* Monday: the same week */
	score_state *s = run();
	assert_int_equal(xp(s, BOB), 5);
	score_free(s);
	setup_world();
	F.rules.week_start = 6;
	kudos(ANN, BOB, MON - DAY - 1);   /* Saturday 23:59:59 */
	kudos(ANN, BOB, MON - DAY);       /* Sunday 00:00: a new week */
	s = run();
	assert_int_equal(xp(s, BOB), 10);
	score_free(s);
	for (int ws = 0; ws < 7; ws++) {
		okr_day first = score_week_first_day(score_week_of(MON + 3 * DAY, 0, ws), ws);
		/* The week holding Thursday begins on the last day `ws` on or before it. */
		assert_true(first <= (okr_day)(MON / DAY) + 3 && first > (okr_day)(MON / DAY) + 3 - 7);
		assert_int_equal(((first - 4) % 7 + 7) % 7, ws);
		assert_int_equal(score_week_of(MON + 3 * DAY, 0, ws), score_week_of((okr_time)first * DAY, 0, ws));
		assert_int_equal(score_week_of((okr_time)first * DAY - 1, 0, ws), score_week_of(MON + 3 * DAY, 0, ws) - 1);
	}
}

/* ---- comments ---- */

static void test_comments(void **st)
{
	(void)st;
	F.rules.comment_weekly_cap = 2;
	comment(ANN, 3, 30, MON);          /* on Bob's KR: 3 */
	comment(ANN, 3, 5, MON + 1);       /* too short: 0 */
	comment(ANN, 1, 30, MON + 2);      /* on her own KR: nothing */
	comment(ANN, 0, 30, MON + 3);      /* on an objective: nothing */
	comment(ANN, 4, 30, MON + 4);      /* 3 */
	comment(ANN, 4, 30, MON + 5);      /* over the cap: 0 */
	comment(ANN, 4, 30, MON + WEEK);   /* next week: 3 */
	score_state *s = run();
	assert_int_equal(xp(s, ANN), 9);
	int n;
	sum_reason(s, ANN, SCORE_R_COMMENT_SHORT, &n);
	assert_int_equal(n, 1);
	sum_reason(s, ANN, SCORE_R_COMMENT_CAP, &n);
	assert_int_equal(n, 1);
	score_free(s);
}

/* ---- badges ---- */

static void test_badges_checkin_streaks(void **st)
{
	(void)st;
	for (int w = 0; w < 26; w++)
		for (int i = 0; i < 4; i++)
			ck(3, BOB, w, "", MON + w * WEEK + i, -1);
	score_state *s = run();
	assert_true(badge(s, BOB, SCORE_BADGE_FIRST_CHECKIN));
	assert_true(badge(s, BOB, SCORE_BADGE_STREAK_4));
	assert_true(badge(s, BOB, SCORE_BADGE_STREAK_12));
	assert_true(badge(s, BOB, SCORE_BADGE_STREAK_26));
	assert_true(badge(s, BOB, SCORE_BADGE_CENTURION));   /* 104 check-ins */
	assert_false(badge(s, ANN, SCORE_BADGE_FIRST_CHECKIN));
	score_free(s);
	setup_world();
	for (int w = 0; w < 3; w++)
		ck(3, BOB, 0, "", MON + w * WEEK, -1);
	s = run();
	assert_false(badge(s, BOB, SCORE_BADGE_STREAK_4));
	assert_false(badge(s, BOB, SCORE_BADGE_CENTURION));
	score_free(s);
}

static void test_badge_perfect_week(void **st)
{
	(void)st;
	ck(1, ANN, 10, "", MON, -1);
	ck(1, ANN, 20, "", MON + WEEK, -1);   /* K2 missed in both weeks so far */
	score_state *s = run();
	assert_false(badge(s, ANN, SCORE_BADGE_PERFECT_WEEK));
	score_free(s);
	setup_world();
	ck(1, ANN, 10, "", MON, -1);
	ck(2, ANN, 0, "", MON + DAY, -1);
	s = run();
	assert_true(badge(s, ANN, SCORE_BADGE_PERFECT_WEEK));
	score_free(s);
}

static void test_badges_reaching_one(void **st)
{
	(void)st;
	ck(1, ANN, 100, "", MON, -1);    /* aspirational: moonshot; team 10: raid */
	score_state *s = run();
	assert_true(badge(s, ANN, SCORE_BADGE_MOONSHOT));
	assert_true(badge(s, ANN, SCORE_BADGE_TEAM_RAID));
	assert_true(badge(s, BOB, SCORE_BADGE_TEAM_RAID));   /* a teammate too */
	assert_false(badge(s, CAT, SCORE_BADGE_TEAM_RAID));
	assert_false(badge(s, ANN, SCORE_BADGE_CLEAN_SWEEP));  /* K2 not done */
	score_free(s);
	setup_world();
	ck(1, ANN, 100, "", MON, -1);
	ck(2, ANN, 1, "", MON + 1, -1);
	ck(2, ANN, 0, "", MON + 2, -1);   /* undone later: the sweep stays earned */
	s = run();
	assert_true(badge(s, ANN, SCORE_BADGE_CLEAN_SWEEP));
	score_free(s);
}

static void test_badge_sweet_spot(void **st)
{
	(void)st;
	F.krs[2].grade = 0.7;
	F.krs[2].graded_at = MON;
	F.krs[3].grade = 0.69;
	score_state *s = run();
	assert_true(badge(s, BOB, SCORE_BADGE_SWEET_SPOT));
	assert_false(badge(s, CAT, SCORE_BADGE_SWEET_SPOT));
	score_free(s);
}

static void test_badge_comeback(void **st)
{
	(void)st;
	ck(3, BOB, 1, "", MON, 2);      /* looked lost */
	ck(3, BOB, 8, "", MON + 1, 8);  /* pulled it back */
	ck(1, ANN, 80, "", MON + 2, 7); /* never in doubt */
	score_state *s = run();
	assert_true(badge(s, BOB, SCORE_BADGE_COMEBACK));
	assert_false(badge(s, ANN, SCORE_BADGE_COMEBACK));
	score_free(s);
}

static void test_badge_honest_signal(void **st)
{
	(void)st;
	/* K1 runs from MON − 4 weeks to MON + 8 weeks: the middle is MON + 2 weeks. */
	ck(1, ANN, 10, "", MON, 8);
	ck(1, ANN, 10, "", MON + DAY, 5);   /* lowered, early */
	ck(3, BOB, 1, "", MON + 3 * WEEK, 8);
	ck(3, BOB, 1, "", MON + 3 * WEEK + 1, 4);   /* lowered, but late */
	score_state *s = run();
	assert_true(badge(s, ANN, SCORE_BADGE_HONEST_SIGNAL));
	assert_false(badge(s, BOB, SCORE_BADGE_HONEST_SIGNAL));
	score_free(s);
}

static void test_badges_kudos(void **st)
{
	(void)st;
	kudos(ANN, CAT, MON);            /* across teams */
	kudos(BOB, ANN, MON);            /* same team: no bridge */
	kudos(BOB, DAN, MON + 1);        /* Dan has no team: no bridge */
	kudos(CAT, ANN, MON + 2);
	kudos(DAN, ANN, MON + 3);        /* Ann heard from 3 people */
	for (int64_t to = 1; to <= 4; to++)
		kudos(DAN, to, MON + WEEK + to);   /* to Dan himself does not count */
	score_state *s = run();
	assert_true(badge(s, ANN, SCORE_BADGE_BRIDGE_BUILDER));
	assert_false(badge(s, BOB, SCORE_BADGE_BRIDGE_BUILDER));
	assert_true(badge(s, ANN, SCORE_BADGE_APPRECIATED));
	assert_false(badge(s, DAN, SCORE_BADGE_CHEERLEADER));   /* only 3 others */
	score_free(s);
	/* Five different people: a bigger world. */
	setup_world();
	score_person people[7];
	for (int i = 0; i < 7; i++)
		people[i] = (score_person){ i + 1, false };
	for (int64_t to = 2; to <= 6; to++)
		kudos(1, to, MON + to);
	score_world w = { people, 7, F.members, 3, F.krs, 4 };
	s = score_new(&F.rules, 0, &w);
	score_events ev = { NULL, 0, F.kd, F.nkd, NULL, 0 };
	assert_true(score_fold(s, &ev));
	assert_true(badge(s, 1, SCORE_BADGE_CHEERLEADER));
	score_free(s);
}

static void test_badge_names(void **st)
{
	(void)st;
	assert_true(SCORE_NBADGES >= 12);
	for (int b = 0; b < SCORE_NBADGES; b++) {
		assert_true(strlen(score_badge_slug((score_badge)b)) > 0);
		assert_true(strlen(score_badge_title((score_badge)b)) > 0);
		assert_true(strlen(score_badge_why((score_badge)b)) > 0);
	}
	assert_string_equal(score_badge_slug(SCORE_BADGE_FIRST_CHECKIN), "first-checkin");
}

/* ---- folding and replay ---- */

static void test_incremental_equals_whole(void **st)
{
	(void)st;
	for (int i = 0; i < 20; i++) {
		ck(1 + i % 4, 1 + i % 3, i * 7 % 100, i % 2 ? "n" : "", MON + i * DAY, i % 11);
		kudos(1 + i % 4, 1 + (i + 1) % 4, MON + i * DAY + 1);
		comment(1 + i % 4, 1 + (i + 2) % 4, 25, MON + i * DAY + 2);
	}
	score_state *whole = run();
	score_world w = { F.people, 4, F.members, 3, F.krs, 4 };
	score_state *inc = score_new(&F.rules, 0, &w);
	for (int i = 0; i < 20; i++) {
		score_events ev = { &F.ck[i], 1, &F.kd[i], 1, &F.cm[i], 1 };
		assert_true(score_fold(inc, &ev));
	}
	for (int64_t p = 1; p <= 4; p++) {
		score_person_result a, b;
		score_person_get(whole, p, MON, &a);
		score_person_get(inc, p, MON, &b);
		assert_int_equal(a.xp, b.xp);
		assert_int_equal(a.nbadges, b.nbadges);
	}
	/* An event older than what was folded is refused: start again. */
	score_events old = { &F.ck[0], 1, NULL, 0, NULL, 0 };
	assert_false(score_fold(inc, &old));
	score_marks m = score_get_marks(inc);
	assert_int_equal(m.comment, F.cm[19].id);
	score_free(whole);
	score_free(inc);
}

static void test_replay_with_changed_rules(void **st)
{
	(void)st;
	ck(3, BOB, 5, "n", MON, -1);
	kudos(ANN, BOB, MON + 1);
	score_state *s = run();
	assert_int_equal(xp(s, BOB), 10 + 50 + 5);
	score_free(s);
	F.rules.progress_xp = 10;
	F.rules.kudos_received_xp = 50;
	F.rules.checkin_xp = 0;
	s = run();
	assert_int_equal(xp(s, BOB), 0 + 5 + 50);
	score_board b;
	score_board_people(s, SCORE_SPAN_ALL, SCORE_SPAN_ALL, &b);
	assert_int_equal(b.rows[0].id, BOB);
	assert_int_equal(b.rows[0].score, 55);
	score_board_free(&b);
	score_free(s);
}

/* ---- leaderboards ---- */

static score_span week_span(int w)
{
	okr_day d = score_week_first_day(score_week_of(MON, 0, 0), 0) + 7 * w;
	return (score_span){ d, d + 7 };
}

static void test_board_ties_and_movement(void **st)
{
	(void)st;
	/* Last week: Ann 5, Bob 5, Cat 2 (given).  This week: Cat 10, Ann 10, Bob 0. */
	kudos(CAT, ANN, MON - WEEK);
	kudos(DAN, BOB, MON - WEEK);
	ck(4, CAT, 0, "n", MON + 1, -1);
	ck(1, ANN, 0, "n", MON + 2, -1);
	score_state *s = run();
	score_board b;
	score_board_people(s, week_span(0), week_span(-1), &b);
	assert_int_equal(b.n, 4);
	const score_row *ann = score_board_find(&b, ANN), *cat = score_board_find(&b, CAT),
			*bob = score_board_find(&b, BOB), *dan = score_board_find(&b, DAN);
	assert_int_equal(ann->rank, 1);
	assert_int_equal(cat->rank, 1);                /* a tie shares the rank */
	assert_int_equal(bob->rank, 3);
	assert_int_equal(dan->rank, 3);
	assert_int_equal(cat->prev_rank, 3);           /* last week: 2 points, third */
	assert_int_equal(cat->movement, 2);
	assert_int_equal(cat->move, SCORE_MOVE_RANK);
	assert_int_equal(ann->movement, 0);            /* tied first, now first */
	assert_int_equal(ann->move, SCORE_MOVE_RANK);
	assert_int_equal(bob->move, SCORE_MOVE_NONE);  /* no points now: no place to move to */
	assert_int_equal(bob->movement, 0);
	assert_int_equal(dan->move, SCORE_MOVE_NONE);
	assert_int_equal(b.rows[0].id, ANN);           /* a tie is listed by id */
	score_board_free(&b);
	score_free(s);
}

static void test_board_opt_out(void **st)
{
	(void)st;
	F.people[0].opt_out = true;
	kudos(BOB, ANN, MON);
	score_state *s = run();
	score_board b;
	score_board_people(s, week_span(0), week_span(-1), &b);
	const score_row *ann = score_board_find(&b, ANN);
	assert_true(ann->hidden);
	assert_int_equal(ann->rank, 0);
	assert_int_equal(ann->score, 5);
	assert_int_equal(b.rows[b.n - 1].id, ANN);
	assert_int_equal(score_board_find(&b, BOB)->rank, 1);
	score_board_free(&b);
	score_free(s);
}

static void test_board_teams_average(void **st)
{
	(void)st;
	kudos(CAT, ANN, MON);    /* Ann 5, Cat 2 */
	kudos(DAN, BOB, MON);    /* Bob 5 */
	kudos(DAN, CAT, MON);    /* Cat 7 */
	score_state *s = run();
	score_board b;
	score_board_teams(s, week_span(0), week_span(-1), &b);
	assert_int_equal(b.n, 2);
	assert_int_equal(b.rows[0].id, 20);         /* Cat alone: 7 */
	assert_true(fabs(b.rows[0].score - 7) < 1e-9);
	assert_int_equal(b.rows[1].id, 10);         /* (5 + 5) / 2 */
	assert_true(fabs(b.rows[1].score - 5) < 1e-9);
	assert_int_equal(b.rows[1].members, 2);
	score_board_free(&b);
	score_free(s);
}

static void test_board_windows_and_bands(void **st)
{
	(void)st;
	kudos(ANN, BOB, MON - 2 * WEEK);   /* not in this week's window */
	kudos(CAT, DAN, MON);
	kudos(ANN, CAT, MON + 1);
	score_state *s = run();
	assert_int_equal(score_points(s, BOB, week_span(0)), 0);
	assert_int_equal(score_points(s, BOB, SCORE_SPAN_ALL), 5);
	assert_int_equal(score_points(s, CAT, week_span(0)), 7);
	score_board b;
	score_board_people(s, week_span(0), week_span(-1), &b);
	score_board_bands(&b, 1);
	/* Cat 7 (top), Dan 5, Ann 2, Bob 0: median 3.5. */
	assert_int_equal(score_board_find(&b, CAT)->band, SCORE_BAND_RANKED);
	assert_int_equal(score_board_find(&b, DAN)->band, SCORE_BAND_ON_TRACK);
	assert_int_equal(score_board_find(&b, ANN)->band, SCORE_BAND_NEEDS_SUPPORT);
	assert_int_equal(score_board_find(&b, BOB)->band, SCORE_BAND_NEEDS_SUPPORT);
	score_board_free(&b);
	score_free(s);
}

static void test_unknown_ids_ignored(void **st)
{
	(void)st;
	ck(99, ANN, 5, "n", MON, -1);
	ck(1, 99, 5, "n", MON + 1, -1);
	kudos(99, ANN, MON + 2);
	comment(ANN, 99, 40, MON + 3);
	score_state *s = run();
	assert_int_equal(xp(s, ANN), 0);
	score_person_result r;
	assert_false(score_person_get(s, 99, MON, &r));
	score_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_checkin_note_once_per_kr_week, setup),
		cmocka_unit_test_setup(test_streak_multiplier_and_cap, setup),
		cmocka_unit_test_setup(test_streak_resets_after_gap, setup),
		cmocka_unit_test_setup(test_progress_weight_and_milestones, setup),
		cmocka_unit_test_setup(test_lower_then_raise_pays_nothing_new, setup),
		cmocka_unit_test_setup(test_tick_untick_milestone, setup),
		cmocka_unit_test_setup(test_small_steps_add_up, setup),
		cmocka_unit_test_setup(test_progress_goes_to_owner, setup),
		cmocka_unit_test_setup(test_threshold, setup),
		cmocka_unit_test_setup(test_kudos_basic_and_self, setup),
		cmocka_unit_test_setup(test_kudos_pair_once_a_week, setup),
		cmocka_unit_test_setup(test_kudos_allowance, setup),
		cmocka_unit_test_setup(test_week_start_sunday, setup),
		cmocka_unit_test_setup(test_week_boundary_at_offset, setup),
		cmocka_unit_test_setup(test_comments, setup),
		cmocka_unit_test_setup(test_badges_checkin_streaks, setup),
		cmocka_unit_test_setup(test_badge_perfect_week, setup),
		cmocka_unit_test_setup(test_badges_reaching_one, setup),
		cmocka_unit_test_setup(test_badge_sweet_spot, setup),
		cmocka_unit_test_setup(test_badge_comeback, setup),
		cmocka_unit_test_setup(test_badge_honest_signal, setup),
		cmocka_unit_test_setup(test_badges_kudos, setup),
		cmocka_unit_test_setup(test_badge_names, setup),
		cmocka_unit_test_setup(test_incremental_equals_whole, setup),
		cmocka_unit_test_setup(test_replay_with_changed_rules, setup),
		cmocka_unit_test_setup(test_board_ties_and_movement, setup),
		cmocka_unit_test_setup(test_board_opt_out, setup),
		cmocka_unit_test_setup(test_board_teams_average, setup),
		cmocka_unit_test_setup(test_board_windows_and_bands, setup),
		cmocka_unit_test_setup(test_unknown_ids_ignored, setup),
	};
	return cmocka_run_group_tests_name("score", tests, NULL, NULL);
}
