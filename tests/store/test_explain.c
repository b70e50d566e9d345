/*
 * test_explain.c — a person's "what earned it" (okr show PERSON --points,
 * the TUI's person page) folds only the events that bear on that person
 * (src/store/events.c, fold_from_scratch): on a random history of check-ins
 * by owners and leads, kudos past the weekly allowance and comments past
 * their cap, every person's lines and figures are exactly those of a fold
 * of every event.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "okr/config.h"
#include "okr/parse.h"
#include "okr/score.h"
#include "okr/store.h"
#include "fixture.h"

enum { NOW = 1795435200, NPEOPLE = 6, NOBJ = 8, NKR = 20, NEVENTS = 900 };

static const char *const logins[NPEOPLE] = { "ana", "bo", "cy", "di", "ed", "fay" };

typedef struct {
	okr_store *as[NPEOPLE];
	int64_t krs[NKR];
	int kr_owner[NKR];
	uint64_t rng;
} world;

static uint32_t next(world *w)
{
	w->rng ^= w->rng << 13;
	w->rng ^= w->rng >> 7;
	w->rng ^= w->rng << 17;
	return (uint32_t)(w->rng >> 16);
}

static okr_store *open_as(const char *path, const char *login, int flags)
{
	okr_store *s = NULL;
	char err[1024] = "";
	if (okr_store_open(path, flags, login, &s, err, sizeof err) != OKR_OK)
		fail_msg("open as %s: %s", login, err);
	return s;
}

/* Teams of two and three, a company team with the first person, objectives
 * owned by various people and teams, key results owned by others (set by
 * the admin, so that they pay) or by nobody. */
static void make_world(world *w, const char *path)
{
	memset(w, 0, sizeof *w);
	w->rng = 0x2545f4914f6cdd1dull;
	okr_store *a = w->as[0] = open_as(path, logins[0], OKR_OPEN_CREATE);
	int64_t cy;
	assert_int_equal(okr_store_cycle_add(a, "Q", okr_day_of(NOW) - 120, okr_day_of(NOW) + 30, &cy), OKR_OK);
	assert_int_equal(okr_store_cycle_set_current(a, cy), OKR_OK);
	for (int p = 1; p < NPEOPLE; p++)
		assert_int_equal(okr_store_person_add(a, logins[p], logins[p]), OKR_OK);
	assert_int_equal(okr_store_person_set_role(a, "bo", ROLE_LEAD), OKR_OK);
	static const char *const teams[] = { "All", "North", "South" };
	assert_int_equal(okr_store_team_add(a, "All", NULL), OKR_OK);
	assert_int_equal(okr_store_team_add(a, "North", "All"), OKR_OK);
	assert_int_equal(okr_store_team_add(a, "South", "All"), OKR_OK);
	assert_int_equal(okr_store_team_join(a, "All", "ana"), OKR_OK);
	for (int p = 1; p < NPEOPLE; p++)
		assert_int_equal(okr_store_team_join(a, p < 4 ? "North" : "South", logins[p]), OKR_OK);
	int64_t objs[NOBJ];
	for (int o = 0; o < NOBJ; o++) {
		okr_objective_in in = okr_objective_in_none();
		char title[16];
		snprintf(title, sizeof title, "O%d", o);
		in.title = title;
		in.owner = logins[next(w) % NPEOPLE];
		in.team = teams[next(w) % 3];
		in.kind = o % 3 == 0 ? OBJ_ASPIRATIONAL : OBJ_COMMITTED;
		assert_int_equal(okr_store_objective_add(a, &in, &objs[o]), OKR_OK);
	}
	for (int k = 0; k < NKR; k++) {
		okr_kr_in in = okr_kr_in_none();
		in.objective_id = objs[next(w) % NOBJ];
		in.title = "kr";
		in.type = k % 5 == 4 ? KR_MILESTONE : KR_METRIC;
		in.start = 0;
		in.target = in.type == KR_METRIC ? 10 : NAN;
		w->kr_owner[k] = k % 7 == 6 ? -1 : (int)(next(w) % NPEOPLE);
		in.owner = w->kr_owner[k] < 0 ? "" : logins[w->kr_owner[k]];
		in.weight = 1 + next(w) % 3;
		assert_int_equal(okr_store_kr_add(a, &in, &w->krs[k]), OKR_OK);
	}
	for (int p = 1; p < NPEOPLE; p++)
		w->as[p] = open_as(path, logins[p], 0);
}

/* A history over 16 weeks, written in random order of time. */
static void make_history(world *w)
{
	for (int i = 0; i < NEVENTS; i++) {
		okr_time at = NOW - 110 * 86400 + (okr_time)(next(w) % (110 * 24)) * 3600;
		int p = (int)(next(w) % NPEOPLE), k = (int)(next(w) % NKR);
		char uid[32], text[64];
		snprintf(uid, sizeof uid, "e%d", i);
		switch (next(w) % 8) {
		case 0: case 1: case 2: case 3: case 4: {
			/* the owner, or a lead or admin for them */
			int by = w->kr_owner[k] >= 0 && next(w) % 4 ? w->kr_owner[k] : (int)(next(w) % 2);
			double v = (double)(next(w) % 12);
			okr_store_checkin(w->as[by], w->krs[k], v, (int)(next(w) % 11), next(w) % 3 ? "a note" : "",
					  uid, at, NULL);
			break;
		}
		case 5: case 6:
			snprintf(text, sizeof text, "thanks %d", i);
			okr_store_kudos(w->as[p], logins[next(w) % NPEOPLE], text, next(w) % 2 ? w->krs[k] : 0, at, NULL);
			break;
		case 7:
			snprintf(text, sizeof text, next(w) % 3 ? "a longer comment about it, %d" : "ok %d", i);
			okr_store_comment(w->as[p], 'K', w->krs[k], text, at, NULL);
			break;
		}
	}
	/* one week of many kudos: past every giver's allowance */
	for (int i = 0; i < 10 * NPEOPLE; i++) {
		char text[32];
		snprintf(text, sizeof text, "burst %d", i);
		okr_store_kudos(w->as[i % NPEOPLE], logins[next(w) % NPEOPLE], text, 0,
				NOW - 20 * 86400 + (okr_time)i * 3600, NULL);
	}
}

static void assert_line_equal(const score_line *a, const score_line *b)
{
	assert_int_equal(a->at, b->at);
	assert_int_equal(a->person_id, b->person_id);
	assert_int_equal(a->reason, b->reason);
	assert_int_equal(a->points, b->points);
	assert_int_equal(a->kr_id, b->kr_id);
	assert_int_equal(a->other_id, b->other_id);
	assert_memory_equal(&a->from, &b->from, sizeof a->from);
	assert_memory_equal(&a->to, &b->to, sizeof a->to);
	assert_memory_equal(&a->weight, &b->weight, sizeof a->weight);
	assert_int_equal(a->streak, b->streak);
	assert_int_equal(a->percent, b->percent);
	if (a->reason == SCORE_R_BADGE)
		assert_int_equal(a->badge, b->badge);
}

static void test_person_lines_as_from_everything(void **state)
{
	fx *f = *state;
	world w;
	make_world(&w, f->path);
	make_history(&w);
	okr_config cfg;
	okr_config_defaults_apply(&cfg);
	cfg.game.kudos_allowance = 2;   /* so that givers run out of it */
	okr_store *s = w.as[0];
	score_state *all = NULL;
	assert_int_equal(okr_store_score_refresh(s, &cfg.game, 0, -1, &all, NULL), OKR_OK);
	size_t nall, total = 0, kinds = 0;
	const score_line *la = score_lines(all, &nall);
	bool seen[64] = { false };
	for (int p = 0; p < NPEOPLE; p++) {
		okr_person who;
		assert_int_equal(okr_store_person(s, logins[p], &who), OKR_OK);
		score_state *one = NULL;
		assert_int_equal(okr_store_score_refresh(s, &cfg.game, 0, who.id, &one, NULL), OKR_OK);
		size_t n1;
		const score_line *l1 = score_lines(one, &n1);
		size_t j = 0;
		for (size_t i = 0; i < nall; i++) {
			if (la[i].person_id != who.id)
				continue;
			assert_true(j < n1);
			assert_line_equal(&la[i], &l1[j++]);
			if (la[i].reason < 64 && !seen[la[i].reason])
				seen[la[i].reason] = true, kinds++;
		}
		assert_int_equal(j, n1);
		total += n1;
		score_person_result ra, r1;
		assert_true(score_person_get(all, who.id, NOW, &ra));
		assert_true(score_person_get(one, who.id, NOW, &r1));
		assert_int_equal(ra.xp, r1.xp);
		assert_int_equal(ra.best_streak, r1.best_streak);
		assert_int_equal(ra.checkins, r1.checkins);
		assert_memory_equal(ra.has, r1.has, sizeof ra.has);
		assert_memory_equal(ra.badge_at, r1.badge_at, sizeof ra.badge_at);
		/* it says less than everything, and is never kept as the ledger */
		assert_true(score_is_partial(one));
		score_free(one);
		okr_person_free(&who);
	}
	print_message("%zu lines of %zu reasons\n", total, kinds);
	assert_true(total > NEVENTS);
	assert_true(kinds >= 10);   /* kudos over the allowance, comments over the cap, badges… */
	score_free(all);
	for (int p = 0; p < NPEOPLE; p++)
		okr_store_close(w.as[p]);
}

static int setup(void **state)
{
	return fx_setup(state, "explain", NOW);
}

static int teardown(void **state)
{
	return fx_teardown(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_person_lines_as_from_everything, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
