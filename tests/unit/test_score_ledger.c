/*
 * test_score_ledger.c — the score ledger's core (src/core/score_save.c): a
 * random stream of events folded in random batches, with the state saved to
 * bytes and loaded back between batches as the ledger does, gives the same
 * scores as folding the stream in one go; and damaged or foreign bytes are
 * refused rather than read as a wrong ledger.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "okr/config.h"
#include "okr/score.h"

#define MON 1794787200LL        /* Monday 2026-11-16 00:00 UTC */
#define DAY 86400LL

enum { NPEOPLE = 7, NKRS = 9, NCK = 900, NKD = 150, NCM = 150, ROUNDS = 40 };

static score_person people[NPEOPLE];
static score_member members[6];
static score_kr krs[NKRS];
static score_checkin ck[NCK];
static score_kudos kd[NKD];
static score_comment cm[NCM];
static okr_game_rules rules;
static uint64_t rng;

/* A fixed generator, so a failure can be reproduced from its round. */
static uint32_t rnd(uint32_t n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(rng >> 33) % n;
}

static const score_world world = { people, NPEOPLE, members, 6, krs, NKRS };

static void make_world(void)
{
	okr_config cfg;
	okr_config_defaults_apply(&cfg);
	rules = cfg.game;
	for (int i = 0; i < NPEOPLE; i++)
		people[i] = (score_person){ i + 1, i == 6 };
	for (int i = 0; i < 6; i++)
		members[i] = (score_member){ 10 + i % 3, i + 1 };
	okr_time from = MON - 10 * 7 * DAY, due = MON + 6 * 7 * DAY;
	for (int i = 0; i < NKRS; i++)
		krs[i] = (score_kr){ .id = i + 1, .objective_id = 1 + i / 3, .owner_id = 1 + i % NPEOPLE,
				     .obj_owner_id = 1 + (i / 3) % NPEOPLE, .team_id = 10 + i % 3,
				     .type = i % 3 == 0 ? KR_MILESTONE : KR_METRIC, .start = 0, .target = 10,
				     .weight = 1 + i % 2, .aspirational = i % 2, .from = from, .due = due,
				     .grade = i == 4 ? 0.8 : NAN, .graded_at = MON };
}

/* Times ascending (with repeats, so the (time, kind, id) order matters), ids
 * ascending within a kind as the store's are. */
static void make_events(void)
{
	okr_time t = MON - 10 * 7 * DAY;
	for (int i = 0; i < NCK; i++) {
		t += rnd(4) == 0 ? 0 : rnd(20000);
		ck[i] = (score_checkin){ i + 1, 1 + rnd(NKRS), 1 + rnd(NPEOPLE), (double)rnd(12), t,
					 (int8_t)(rnd(12) - 1), rnd(3) != 0 };
	}
	okr_time end = t;
	for (int i = 0; i < NKD; i++)
		kd[i] = (score_kudos){ i + 1, 1 + rnd(NPEOPLE), 1 + rnd(NPEOPLE), rnd(2) ? 1 + rnd(NKRS) : 0,
				       MON - 10 * 7 * DAY + (okr_time)i * (end - (MON - 10 * 7 * DAY)) / NKD };
	for (int i = 0; i < NCM; i++)
		cm[i] = (score_comment){ i + 1, 1 + rnd(NPEOPLE), rnd(4) ? 1 + rnd(NKRS) : 0, (int32_t)rnd(40),
					 kd[i].at + (rnd(2) ? 0 : 1) };
}

/* Fold the events with (time) below `until` that were not folded yet. */
static void fold_until(score_state *s, size_t *i, size_t *j, size_t *k, okr_time until)
{
	size_t a = *i, b = *j, c = *k;
	while (*i < NCK && ck[*i].at < until)
		(*i)++;
	while (*j < NKD && kd[*j].at < until)
		(*j)++;
	while (*k < NCM && cm[*k].at < until)
		(*k)++;
	score_events ev = { ck + a, *i - a, kd + b, *j - b, cm + c, *k - c };
	assert_true(score_fold(s, &ev));
}

static score_state *round_trip(score_state *s)
{
	size_t len;
	unsigned char *b = score_save(s, &len);
	score_state *back = score_load(b, len);
	free(b);
	assert_non_null(back);
	score_free(s);
	return back;
}

static void assert_same(const score_state *a, const score_state *b)
{
	okr_time now = ck[NCK - 1].at;
	int64_t total = 0;
	score_span spans[] = { SCORE_SPAN_ALL, { score_day_of(MON, 0) - 7, score_day_of(MON, 0) },
			       { score_day_of(MON, 0) - 40, score_day_of(MON, 0) + 3 } };
	for (int p = 1; p <= NPEOPLE; p++) {
		score_person_result x, y;
		assert_true(score_person_get(a, p, now, &x));
		assert_true(score_person_get(b, p, now, &y));
		assert_int_equal(x.xp, y.xp);
		total += x.xp + x.nbadges;
		assert_int_equal(x.level, y.level);
		assert_int_equal(x.streak, y.streak);
		assert_int_equal(x.best_streak, y.best_streak);
		assert_int_equal(x.checkins, y.checkins);
		assert_int_equal(x.nbadges, y.nbadges);
		for (int g = 0; g < SCORE_NBADGES; g++) {
			assert_int_equal(x.has[g], y.has[g]);
			assert_int_equal(x.badge_at[g], y.badge_at[g]);
		}
		for (size_t w = 0; w < sizeof spans / sizeof spans[0]; w++)
			assert_int_equal(score_points(a, p, spans[w]), score_points(b, p, spans[w]));
	}
	assert_true(total > 0);
	score_board ba, bb;
	score_board_teams(a, spans[0], spans[1], &ba);
	score_board_teams(b, spans[0], spans[1], &bb);
	assert_int_equal(ba.n, bb.n);
	for (size_t i = 0; i < ba.n; i++) {
		assert_int_equal(ba.rows[i].id, bb.rows[i].id);
		assert_int_equal(ba.rows[i].rank, bb.rows[i].rank);
	}
	score_board_free(&ba);
	score_board_free(&bb);
	score_marks ma = score_get_marks(a), mb = score_get_marks(b);
	assert_int_equal(ma.checkin, mb.checkin);
	assert_int_equal(ma.kudos, mb.kudos);
	assert_int_equal(ma.comment, mb.comment);
}

static void test_batches_equal_one_fold(void **state)
{
	(void)state;
	for (int round = 0; round < ROUNDS; round++) {
		rng = 0x9e3779b97f4a7c15ULL + (uint64_t)round;
		make_world();
		make_events();
		score_state *one = score_new(&rules, 420, &world);
		score_events all = { ck, NCK, kd, NKD, cm, NCM };
		assert_true(score_fold(one, &all));

		score_state *inc = round_trip(score_new(&rules, 420, &world));
		size_t i = 0, j = 0, k = 0;
		while (i < NCK) {
			/* A batch ends at the time of a random later check-in, so
			 * batches vary from nothing to hundreds of events. */
			size_t to = i + rnd(120);
			okr_time until = to < NCK ? ck[to].at : INT64_MAX;
			fold_until(inc, &i, &j, &k, until);
			if (rnd(2))
				inc = round_trip(inc);
		}
		fold_until(inc, &i, &j, &k, INT64_MAX);
		inc = round_trip(inc);
		assert_same(one, inc);
		score_free(inc);
		score_free(one);
	}
}

/* A saved ledger continues exactly where it stopped: an event older than
 * what it reflects is refused (the store then rebuilds), a newer one folds. */
static void test_loaded_state_keeps_its_place(void **state)
{
	(void)state;
	rng = 7;
	make_world();
	make_events();
	score_state *s = score_new(&rules, 0, &world);
	score_events half = { ck, NCK / 2, NULL, 0, NULL, 0 };
	assert_true(score_fold(s, &half));
	score_set_seq(s, 1234);
	score_set_tag(s, 99);
	s = round_trip(s);
	assert_int_equal(score_seq(s), 1234);
	assert_int_equal(score_tag(s), 99);
	score_events old = { ck + 10, 1, NULL, 0, NULL, 0 };
	assert_false(score_fold(s, &old));
	score_events rest = { ck + NCK / 2, NCK - NCK / 2, NULL, 0, NULL, 0 };
	assert_true(score_fold(s, &rest));
	score_state *one = score_new(&rules, 0, &world);
	score_events all = { ck, NCK, NULL, 0, NULL, 0 };
	assert_true(score_fold(one, &all));
	assert_same(one, s);
	score_free(one);
	score_free(s);
}

/* Every truncation and every flipped byte is refused, never read. */
static void test_damaged_bytes_refused(void **state)
{
	(void)state;
	rng = 11;
	make_world();
	make_events();
	score_state *s = score_new(&rules, 0, &world);
	score_events all = { ck, NCK, kd, NKD, cm, NCM };
	assert_true(score_fold(s, &all));
	size_t len;
	unsigned char *b = score_save(s, &len);
	for (size_t cut = 0; cut < len; cut += 1 + cut / 7)
		assert_null(score_load(b, cut));
	for (size_t at = 0; at < len; at += 1 + at / 5) {
		b[at] ^= 0x5a;
		assert_null(score_load(b, len));
		b[at] ^= 0x5a;
	}
	score_state *back = score_load(b, len);
	assert_non_null(back);
	assert_same(s, back);
	assert_null(score_load(NULL, 0));
	free(b);
	score_free(back);
	score_free(s);
}

/* The ledger records its rules: any change of a rule or of the zone gives
 * another hash, the same rules the same one. */
static void test_rules_hash(void **state)
{
	(void)state;
	make_world();
	okr_game_rules r = rules;
	uint64_t h = score_rules_hash(&r, 0);
	assert_true(h == score_rules_hash(&rules, 0));
	assert_true(h != score_rules_hash(&r, 60));
	r.checkin_xp++;
	assert_true(h != score_rules_hash(&r, 0));
	score_state *s = score_new(&rules, 60, &world);
	assert_true(score_state_rules_hash(s) == score_rules_hash(&rules, 60));
	score_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_batches_equal_one_fold),
		cmocka_unit_test(test_loaded_state_keeps_its_place),
		cmocka_unit_test(test_damaged_bytes_refused),
		cmocka_unit_test(test_rules_hash),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
