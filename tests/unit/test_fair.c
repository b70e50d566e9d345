/*
 * test_fair.c — numbers a team can trust (issue 9): nobody raises their own
 * score by shaping their own key results, badges need something to have
 * happened, movement compares like with like, grades exist only when they
 * do; and properties over random event sequences (fixed seed): XP never
 * falls, rollups stay in [0, 1], a forecast stays inside its bound.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "okr/config.h"
#include "okr/forecast.h"
#include "okr/grade.h"
#include "okr/progress.h"
#include "okr/score.h"

#define MON 1794787200LL        /* Monday 2026-11-16 00:00 UTC */
#define DAY 86400LL
#define WEEK (7 * DAY)

enum { ANN = 1, BOB = 2, MAXK = 8, MAXE = 512 };

static okr_game_rules rules(void)
{
	okr_config cfg;
	okr_config_defaults_apply(&cfg);
	return cfg.game;
}

static score_person people[] = { { ANN, false }, { BOB, false } };
static score_member members[] = { { 10, ANN }, { 10, BOB } };

static score_kr kr(int64_t id, int64_t obj, int64_t owner, double target, double weight)
{
	return (score_kr){ .id = id, .objective_id = obj, .owner_id = owner, .obj_owner_id = owner, .team_id = 10,
			   .type = KR_METRIC, .start = 0, .target = target, .weight = weight, .aspirational = true,
			   .from = MON - 4 * WEEK, .due = MON + 8 * WEEK, .grade = NAN };
}

static score_checkin ck(int64_t id, int64_t k, int64_t who, double v, okr_time at, int conf)
{
	return (score_checkin){ id, k, who, v, at, (int8_t)conf, true };
}

static score_state *fold(const score_kr *k, size_t nk, const score_checkin *c, size_t nc)
{
	okr_game_rules r = rules();
	score_world w = { people, 2, members, 2, k, nk };
	score_state *s = score_new(&r, 0, &w);
	score_explain(s, -1);
	score_events ev = { c, nc, NULL, 0, NULL, 0 };
	assert_true(score_fold(s, &ev));
	return s;
}

static score_person_result who(score_state *s, int64_t id)
{
	score_person_result r;
	assert_true(score_person_get(s, id, MON + 30 * WEEK, &r));
	return r;
}

/* ---- fair points ---- */

/* Ann's own trivial key result, done at once: the --target 1 exploit. */
static void test_self_set_pays_nothing(void **st)
{
	(void)st;
	score_kr k = kr(1, 1, ANN, 1, 1);
	k.self_set = true;
	score_checkin c = ck(1, 1, ANN, 1, MON, 9);
	score_state *s = fold(&k, 1, &c, 1);
	score_person_result r = who(s, ANN);
	assert_int_equal(r.xp, 0);
	assert_false(r.has[SCORE_BADGE_MOONSHOT]);
	assert_false(r.has[SCORE_BADGE_TEAM_RAID]);
	assert_false(r.has[SCORE_BADGE_CLEAN_SWEEP]);
	assert_false(r.has[SCORE_BADGE_PERFECT_WEEK]);
	assert_false(who(s, BOB).has[SCORE_BADGE_TEAM_RAID]);
	size_t n;
	const score_line *l = score_lines(s, &n);
	bool said = false;
	for (size_t i = 0; i < n; i++)
		said = said || (l[i].reason == SCORE_R_SELF_SET && l[i].kr_id == 1);
	assert_true(said);
	score_free(s);
	/* The same key result set by someone else pays. */
	k.self_set = false;
	s = fold(&k, 1, &c, 1);
	assert_true(who(s, ANN).xp > 100);
	score_free(s);
}

/* --weight 100 alone in an objective pays what weight 1 pays; two weights
 * share 100 × their number. */
static void test_weights_normalised(void **st)
{
	(void)st;
	score_kr one = kr(1, 1, ANN, 100, 1), heavy = kr(1, 1, ANN, 100, 100);
	score_checkin c = ck(1, 1, ANN, 50, MON, -1);
	score_state *a = fold(&one, 1, &c, 1), *b = fold(&heavy, 1, &c, 1);
	assert_int_equal(who(a, ANN).xp, who(b, ANN).xp);
	score_free(a);
	score_free(b);
	score_kr pair[] = { kr(1, 1, ANN, 100, 3), kr(2, 1, ANN, 100, 1) };
	score_checkin both[] = { ck(1, 1, ANN, 100, MON, -1), ck(2, 2, ANN, 100, MON + 1, -1) };
	score_state *s = fold(pair, 2, both, 2);
	size_t n;
	const score_line *l = score_lines(s, &n);
	int64_t prog = 0;
	for (size_t i = 0; i < n; i++)
		if (l[i].reason == SCORE_R_PROGRESS)
			prog += l[i].points;
	assert_int_equal(prog, 200);   /* 150 + 50, not 300 + 100 */
	score_free(s);
}

/* ---- badges need something to have happened ---- */

static void test_no_krs_no_checkins_no_badges(void **st)
{
	(void)st;
	score_state *s = fold(NULL, 0, NULL, 0);
	for (int64_t p = ANN; p <= BOB; p++) {
		score_person_result r = who(s, p);
		assert_int_equal(r.nbadges, 0);
		assert_int_equal(r.xp, 0);
	}
	score_free(s);
	/* Key results but no check-ins: nothing either (no perfect week of
	 * zero check-ins, no sweep of nothing). */
	score_kr k[] = { kr(1, 1, ANN, 10, 1), kr(2, 2, BOB, 10, 1) };
	s = fold(k, 2, NULL, 0);
	assert_int_equal(who(s, ANN).nbadges, 0);
	assert_int_equal(who(s, BOB).nbadges, 0);
	score_free(s);
}

/* An objective whose only key result is archived has no key results: its
 * old check-in reaching 1.0 sweeps nothing. */
static void test_clean_sweep_needs_a_key_result(void **st)
{
	(void)st;
	score_kr k = kr(1, 1, ANN, 10, 1);
	k.archived = true;
	score_checkin c = ck(1, 1, ANN, 10, MON, -1);
	score_state *s = fold(&k, 1, &c, 1);
	assert_false(who(s, ANN).has[SCORE_BADGE_CLEAN_SWEEP]);
	score_free(s);
	k.archived = false;
	s = fold(&k, 1, &c, 1);
	assert_true(who(s, ANN).has[SCORE_BADGE_CLEAN_SWEEP]);
	score_free(s);
}

/* A comeback needs a low confidence before the value that reaches 0.7, and
 * a one-day key result with one check-in is no honest signal. */
static void test_comeback_and_one_day(void **st)
{
	(void)st;
	score_kr k = kr(1, 1, ANN, 10, 1);
	k.from = MON;
	k.due = MON + DAY;
	score_checkin c = ck(1, 1, ANN, 10, MON + 3600, 2);
	score_state *s = fold(&k, 1, &c, 1);
	score_person_result r = who(s, ANN);
	assert_false(r.has[SCORE_BADGE_COMEBACK]);
	assert_false(r.has[SCORE_BADGE_HONEST_SIGNAL]);
	assert_false(r.has[SCORE_BADGE_STREAK_4]);
	score_free(s);
	score_checkin two[] = { ck(1, 1, ANN, 1, MON + 60, 2), ck(2, 1, ANN, 10, MON + 120, 8) };
	s = fold(&k, 1, two, 2);
	assert_true(who(s, ANN).has[SCORE_BADGE_COMEBACK]);
	score_free(s);
}

/* ---- movement ---- */

static score_row *row(score_board *b, int64_t id)
{
	return (score_row *)score_board_find(b, id);
}

static void test_movement_like_with_like(void **st)
{
	(void)st;
	score_kr k[] = { kr(1, 1, ANN, 100, 1), kr(2, 2, BOB, 100, 1) };
	okr_day w0 = score_week_first_day(score_week_of(MON, 0, 0), 0);
	score_span last = { w0 - 7, w0 }, now = { w0, w0 + 7 }, next = { w0 + 7, w0 + 14 };
	/* Nothing last week, Ann this week: no ranking to move from. */
	score_checkin c[] = { ck(1, 1, ANN, 10, MON + DAY, -1), ck(2, 2, BOB, 10, MON + WEEK + DAY, -1),
			      ck(3, 1, ANN, 20, MON + WEEK + 2 * DAY, -1) };
	score_state *s = fold(k, 2, c, 3);
	score_board b;
	score_board_people(s, now, last, &b);
	assert_int_equal(row(&b, ANN)->move, SCORE_MOVE_NONE);
	assert_int_equal(row(&b, BOB)->move, SCORE_MOVE_NONE);   /* no points now */
	char buf[16];
	assert_string_equal(score_move_text(row(&b, BOB), buf, sizeof buf), "");
	score_board_free(&b);
	/* Next week Bob enters: "new"; Ann was alone at #1 and still leads. */
	score_board_people(s, next, now, &b);
	assert_int_equal(row(&b, BOB)->move, SCORE_MOVE_NEW);
	assert_string_equal(score_move_text(row(&b, BOB), buf, sizeof buf), "new");
	assert_int_equal(row(&b, ANN)->move, SCORE_MOVE_RANK);
	assert_int_equal(row(&b, ANN)->movement, 0);
	score_board_free(&b);
	score_free(s);
	/* A shared first place: now second is no fall. */
	assert_int_equal(score_move_between(2, 1, 2), 0);
	assert_int_equal(score_move_between(1, 3, 5), 2);
	assert_int_equal(score_move_between(6, 3, 5), -1);
}

/* ---- grades ---- */

static void test_grades_only_when_all_graded(void **st)
{
	(void)st;
	okr_objective o = { .id = 1, .weight = 1 };
	okr_kr k[] = { { .id = 1, .objective_id = 1, .weight = 1, .type = KR_METRIC, .target = 10 },
		       { .id = 2, .objective_id = 1, .weight = 1, .type = KR_METRIC, .target = 10 } };
	okr_snapshot snap = { .objs = &o, .nobjs = 1, .krs = k, .nkrs = 2 };
	double scores[] = { 0.9, NAN }, out;
	okr_grade_objectives(&snap, scores, false, &out);
	assert_true(isnan(out));                   /* mid-cycle: no grade, no success mark */
	okr_grade_objectives(&snap, scores, true, &out);
	assert_true(fabs(out - 0.9) < 1e-9);       /* closed: what was graded */
	size_t total;
	assert_int_equal(okr_grade_count(&snap, scores, 0, &total), 1);
	assert_int_equal(total, 2);
	double proj[] = { NAN, 0.5 };
	assert_true(fabs(okr_grade_projected(&snap, scores, proj, 0) - 0.7) < 1e-9);
	proj[1] = NAN;                              /* one part has not enough history */
	assert_true(isnan(okr_grade_projected(&snap, scores, proj, 0)));
	scores[1] = 0.3;
	okr_grade_objectives(&snap, scores, false, &out);
	assert_true(fabs(out - 0.6) < 1e-9);
}

/* One objective graded alone (the TUI's detail) counts only its own key
 * results, archived ones aside, with the same rule as the whole cycle. */
static void test_grade_one_objective(void **st)
{
	(void)st;
	okr_objective o[] = { { .id = 1, .weight = 1 }, { .id = 2, .weight = 1 } };
	okr_kr k[] = { { .id = 1, .objective_id = 1, .weight = 3, .type = KR_METRIC, .target = 10 },
		       { .id = 2, .objective_id = 2, .weight = 1, .type = KR_METRIC, .target = 10 },
		       { .id = 3, .objective_id = 1, .weight = 1, .type = KR_METRIC, .target = 10 },
		       { .id = 4, .objective_id = 1, .weight = 1, .type = KR_METRIC, .target = 10, .archived = true } };
	okr_snapshot snap = { .objs = o, .nobjs = 2, .krs = k, .nkrs = 4 };
	double scores[] = { 1.0, NAN, 0.6, NAN }, all[2];
	assert_true(fabs(okr_grade_objective(&snap, scores, false, 0) - 0.9) < 1e-9);
	assert_true(isnan(okr_grade_objective(&snap, scores, false, 1)));
	assert_true(isnan(okr_grade_objective(&snap, scores, true, 1)));   /* nothing graded: no grade */
	okr_grade_objectives(&snap, scores, false, all);
	assert_true(fabs(all[0] - 0.9) < 1e-9 && isnan(all[1]));
}

/* ---- properties over random sequences (fixed seed) ---- */

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static double uniform(double lo, double hi)
{
	return lo + (hi - lo) * (double)(next() >> 11) / 9007199254740992.0;
}

/* Events folded one at a time: nobody's XP ever goes down, and the end is
 * the same as folding them all at once. */
static void test_property_xp_never_falls(void **st)
{
	(void)st;
	okr_game_rules r = rules();
	int64_t earned = 0;
	for (int round = 0; round < 40; round++) {
		score_kr k[MAXK];
		size_t nk = 1 + next() % MAXK;
		for (size_t i = 0; i < nk; i++) {
			k[i] = kr((int64_t)i + 1, 1 + (int64_t)(next() % 3), 1 + (int64_t)(next() % 2),
				  uniform(-50, 200), uniform(0, 1000));
			k[i].type = (okr_kr_type)(next() % 3);
			k[i].self_set = next() % 4 == 0;
			k[i].archived = next() % 8 == 0;
		}
		static score_checkin c[MAXE];
		size_t nc = next() % MAXE;
		okr_time at = MON - 3 * WEEK;
		for (size_t i = 0; i < nc; i++) {
			at += (okr_time)(next() % (2 * DAY));
			c[i] = ck((int64_t)i + 1, 1 + (int64_t)(next() % nk), 1 + (int64_t)(next() % 2),
				  uniform(-100, 300), at, (int)(next() % 12) - 1);
			c[i].has_note = next() % 2;
		}
		score_world w = { people, 2, members, 2, k, nk };
		score_state *inc = score_new(&r, 0, &w), *whole = score_new(&r, 0, &w);
		int64_t last[3] = { 0, 0, 0 };
		for (size_t i = 0; i < nc; i++) {
			score_events one = { &c[i], 1, NULL, 0, NULL, 0 };
			assert_true(score_fold(inc, &one));
			for (int64_t p = ANN; p <= BOB; p++) {
				int64_t xp = who(inc, p).xp;
				if (xp < last[p])
					fail_msg("round %d event %zu: XP of %lld fell %lld → %lld", round, i,
						 (long long)p, (long long)last[p], (long long)xp);
				last[p] = xp;
			}
		}
		score_events all = { c, nc, NULL, 0, NULL, 0 };
		assert_true(score_fold(whole, &all));
		for (int64_t p = ANN; p <= BOB; p++) {
			assert_int_equal(who(inc, p).xp, who(whole, p).xp);
			earned += who(whole, p).xp;
		}
		score_free(inc);
		score_free(whole);
	}
	assert_true(earned > 1000);   /* the sequences did pay: the property was tested */
}

/* Any tree, any weights (NaN, negative, huge), any values: every rollup is
 * a progress in [0, 1]. */
static void test_property_rollups_in_range(void **st)
{
	(void)st;
	static const okr_rollup_mode modes[] = { ROLLUP_KRS, ROLLUP_CHILDREN, ROLLUP_BOTH };
	for (int round = 0; round < 200; round++) {
		okr_objective o[12];
		okr_kr k[24];
		size_t no = 1 + next() % 12, nk = next() % 24;
		for (size_t i = 0; i < no; i++)
			o[i] = (okr_objective){ .id = (int64_t)i + 1, .parent_id = (int64_t)(next() % (no + 1)),
						.weight = next() % 5 == 0 ? NAN : uniform(-1, 1e6),
						.archived = next() % 7 == 0 };
		for (size_t i = 0; i < nk; i++)
			k[i] = (okr_kr){ .id = (int64_t)i + 1, .objective_id = 1 + (int64_t)(next() % (no + 2)),
					 .type = (okr_kr_type)(next() % 3), .start = uniform(-10, 10),
					 .target = uniform(-100, 100), .weight = next() % 5 == 0 ? NAN : uniform(-1, 1e6),
					 .has_value = next() % 4 != 0, .current = uniform(-1e3, 1e3),
					 .archived = next() % 9 == 0 };
		double out[12];
		bool filled[12];
		okr_rollup_filled(o, no, k, nk, modes[round % 3], out, filled);
		for (size_t i = 0; i < no; i++)
			if (!(out[i] >= 0 && out[i] <= 1))
				fail_msg("round %d O%zu: rollup %g outside [0, 1]", round, i + 1, out[i]);
	}
}

/* Any history: a forecast is either "not enough history" or a finite value
 * inside its bound, with a grade in [0, 1]. */
static void test_property_forecast_bounded(void **st)
{
	(void)st;
	int made = 0, clamped = 0;
	for (int round = 0; round < 2000; round++) {
		okr_kr k = { .type = next() % 2 ? KR_METRIC : KR_THRESHOLD, .dir = (okr_direction)(next() % 2),
			     .start = uniform(-1e3, 1e3), .target = uniform(-1e3, 1e3) };
		okr_checkin c[12];
		size_t n = next() % 12;
		okr_time at = MON;
		for (size_t i = 0; i < n; i++) {
			/* Bursts of seconds and gaps of weeks, values that jump. */
			at += next() % 2 ? (okr_time)(next() % 120) : (okr_time)(next() % (3 * WEEK));
			c[i] = (okr_checkin){ .id = (int64_t)i + 1, .value = uniform(-1e4, 1e4), .at = at };
		}
		okr_forecast f = okr_forecast_kr(&k, c, n, MON - 2 * WEEK, MON + 12 * WEEK);
		if (!f.ok)
			continue;
		made++;
		clamped += f.value == f.lo || f.value == f.hi;
		if (!(isfinite(f.value) && f.value >= f.lo && f.value <= f.hi && f.grade >= 0 && f.grade <= 1))
			fail_msg("round %d: forecast %g outside [%g, %g] (grade %g)", round, f.value, f.lo, f.hi,
				 f.grade);
	}
	/* Both kinds happened: forecasts made, and some held to their bound. */
	assert_true(made > 100);
	assert_true(clamped > 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_self_set_pays_nothing),
		cmocka_unit_test(test_weights_normalised),
		cmocka_unit_test(test_no_krs_no_checkins_no_badges),
		cmocka_unit_test(test_clean_sweep_needs_a_key_result),
		cmocka_unit_test(test_comeback_and_one_day),
		cmocka_unit_test(test_movement_like_with_like),
		cmocka_unit_test(test_grades_only_when_all_graded),
		cmocka_unit_test(test_grade_one_objective),
		cmocka_unit_test(test_property_xp_never_falls),
		cmocka_unit_test(test_property_rollups_in_range),
		cmocka_unit_test(test_property_forecast_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
