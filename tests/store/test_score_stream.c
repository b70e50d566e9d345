/*
 * test_score_stream.c — a rebuild of the scores from scratch streams the
 * check-ins in slices (src/store/events.c) instead of loading them all; it
 * must give exactly what folding every event at once gives, also when the
 * rows are stored out of time order, when kudos fall on the same second as
 * check-ins, and across slice boundaries (more check-ins than one slice).
 */
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "okr/config.h"
#include "okr/parse.h"
#include "okr/store.h"
#include "fixture.h"

enum { NOW = 1795435200, NCHECKINS = 40000, NKUDOS = 300 };
/* Check-ins share their second in groups of 40, so a slice of 16384 rows
 * ends inside a group (the 410th, then the 820th); kudos land on the
 * seconds around those ends. */
enum { GROUPS = 1000 };

static okr_time moment(long g)
{
	return NOW - 60 * 86400 + (okr_time)(g % GROUPS) * 3600;
}

static char dir[256], path[300];

static okr_store *open_as(const char *login, int flags)
{
	okr_store *s = NULL;
	char err[1024] = "";
	if (okr_store_open(path, flags, login, &s, err, sizeof err) != OKR_OK)
		fail_msg("open as %s: %s", login, err);
	return s;
}

typedef struct {
	int64_t krs[3];
} fill_ctx;

/* Times are a shuffle of the groups' seconds, so id order is not time
 * order; every kudos shares its second with check-ins. */
static okr_result fill(okr_store *s, void *vctx)
{
	fill_ctx *c = vctx;
	char uid[64];
	for (int i = 0; i < NCHECKINS; i++) {
		okr_time at = moment(i * 7919L);
		snprintf(uid, sizeof uid, "t-%d", i);
		okr_result r = okr_store_checkin(s, c->krs[i % 3], (i % 97) + (i / 500), i % 11,
						 i % 4 ? "note" : "", uid, at, NULL);
		if (r)
			return r;
	}
	return OKR_OK;
}

static void test_stream_equals_all_at_once(void **state)
{
	(void)state;
	okr_store *s = open_as("ana", OKR_OPEN_CREATE);
	int64_t cy, obj;
	okr_day d0 = okr_day_of(NOW) - 90, d1 = okr_day_of(NOW) + 30;
	assert_int_equal(okr_store_cycle_add(s, "T", d0, d1, &cy), OKR_OK);
	assert_int_equal(okr_store_cycle_set_current(s, cy), OKR_OK);
	assert_int_equal(okr_store_person_add(s, "bob", "Bob"), OKR_OK);
	assert_int_equal(okr_store_person_add(s, "cat", "Cat"), OKR_OK);
	okr_objective_in oi = okr_objective_in_none();
	oi.title = "Stream";
	assert_int_equal(okr_store_objective_add(s, &oi, &obj), OKR_OK);
	fill_ctx fc;
	for (int k = 0; k < 3; k++) {
		okr_kr_in ki = okr_kr_in_none();
		ki.objective_id = obj;
		ki.title = k == 0 ? "a" : k == 1 ? "b" : "c";
		ki.type = KR_METRIC;
		ki.start = 0;
		ki.target = 200;
		assert_int_equal(okr_store_kr_add(s, &ki, &fc.krs[k]), OKR_OK);
	}
	assert_int_equal(okr_store_batch(s, fill, &fc), OKR_OK);
	for (int i = 0; i < NKUDOS; i++) {
		long g = i < 100 ? 360 + i : i < 200 ? 770 + i - 100 : i * 37L;
		assert_int_equal(okr_store_kudos(s, i % 2 ? "bob" : "cat", "thanks", 0, moment(g), NULL), OKR_OK);
	}

	okr_config cfg;
	okr_config_defaults_apply(&cfg);
	/* Streamed: a refresh of an empty state rebuilds. */
	score_state *a = NULL;
	bool rebuilt = false;
	assert_int_equal(okr_store_score_refresh(s, &cfg.game, 0, -1, &a, &rebuilt), OKR_OK);
	assert_true(rebuilt);
	/* All at once: every event in memory, one fold. */
	score_world w;
	score_events ev;
	assert_int_equal(okr_store_score_world(s, 0, &w), OKR_OK);
	assert_int_equal(okr_store_score_events(s, NULL, &ev), OKR_OK);
	assert_int_equal(ev.ncheckins, NCHECKINS);
	score_state *b = score_new(&cfg.game, 0, &w);
	score_explain(b, -1);
	assert_true(score_fold(b, &ev));

	score_marks ma = score_get_marks(a), mb = score_get_marks(b);
	assert_memory_equal(&ma, &mb, sizeof ma);
	for (size_t i = 0; i < w.npeople; i++) {
		score_person_result pa, pb;
		assert_true(score_person_get(a, w.people[i].id, NOW, &pa));
		assert_true(score_person_get(b, w.people[i].id, NOW, &pb));
		assert_true(pa.xp > 0);
		assert_int_equal(pa.xp, pb.xp);
		assert_int_equal(pa.checkins, pb.checkins);
		assert_int_equal(pa.best_streak, pb.best_streak);
		assert_memory_equal(pa.has, pb.has, sizeof pa.has);
		okr_day day0 = okr_day_of(NOW) - 70;
		for (okr_day d = day0; d < day0 + 80; d += 7) {
			score_span sp = { d, d + 7 };
			assert_int_equal(score_points(a, w.people[i].id, sp), score_points(b, w.people[i].id, sp));
		}
	}
	size_t na, nb;
	const score_line *la = score_lines(a, &na), *lb = score_lines(b, &nb);
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++) {
		assert_int_equal(la[i].at, lb[i].at);
		assert_int_equal(la[i].person_id, lb[i].person_id);
		assert_int_equal(la[i].points, lb[i].points);
		assert_int_equal(la[i].reason, lb[i].reason);
	}

	/* One more check-in is folded in without a rebuild. */
	assert_int_equal(okr_store_checkin(s, fc.krs[0], 199, 9, "nearly", "t-last", NOW, NULL), OKR_OK);
	assert_int_equal(okr_store_score_refresh(s, &cfg.game, 0, -1, &a, &rebuilt), OKR_OK);
	assert_false(rebuilt);
	assert_int_equal(score_get_marks(a).checkin, ma.checkin + 1);

	score_free(a);
	score_free(b);
	okr_score_world_free(&w);
	okr_score_events_free(&ev);
	okr_store_close(s);
}

/* The shared fixture (a SQLite path or a fresh PostgreSQL database); the
 * tests here name it by the globals dir and path. */
static int setup(void **state)
{
	if (fx_setup(state, "stream", NOW) != 0)
		return -1;
	fx *f = *state;
	snprintf(dir, sizeof dir, "%s", f->dir);
	snprintf(path, sizeof path, "%s", f->path);
	okr_clock_fix(NOW);
	return 0;
}

static int teardown(void **state)
{
	return fx_teardown(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_stream_equals_all_at_once, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
