/*
 * test_team_progress.c — the teams' progress kept for okr status
 * (src/store/read_team.c) on a real database: after every one of a few
 * hundred random writes (objectives and key results added, aligned,
 * reweighted, retargeted, archived and brought back, check-ins, KPI samples,
 * a key result linked to a KPI, objectives in another cycle) and after a
 * change of the team's rollup mode, every team's kept progress is exactly
 * what a whole snapshot of the cycle rolled up gives, and the next reader
 * takes it from the kept row.
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
#include "okr/progress.h"
#include "okr/store.h"
#include "fixture.h"

enum { NOW = 1795435200, NTEAMS = 4, NOPS = 300 };

static const char *const team_names[NTEAMS] = { "Company", "Sales", "Build", "Empty" };

typedef struct {
	okr_store *s;
	okr_config cfg;
	int64_t cycle, other_cycle, kpi;
	int64_t teams[NTEAMS];
	int64_t objs[128], krs[512];
	size_t nobjs, nkrs;
	uint64_t rng;
} world;

static uint32_t next(world *w)
{
	w->rng ^= w->rng << 13;
	w->rng ^= w->rng >> 7;
	w->rng ^= w->rng << 17;
	return (uint32_t)(w->rng >> 16);
}

static double pick(world *w, double lo, double hi)
{
	return lo + (hi - lo) * (next(w) % 1000) / 1000.0;
}

/* The computation the kept rows must equal: a whole snapshot of the
 * current cycle (everything a screen reads), rolled up, averaged. */
static size_t computed(world *w, int64_t team, double *out)
{
	okr_snapshot sn;
	assert_int_equal(okr_store_snapshot(w->s, 0, false, &sn), OKR_OK);
	assert_true(sn.cycle_id == w->cycle);
	double *rolled = calloc(sn.nobjs + 1, sizeof *rolled);
	okr_rollup_filled(sn.objs, sn.nobjs, sn.krs, sn.nkrs, w->cfg.rollup, rolled, NULL);
	size_t n = okr_team_progress(sn.objs, sn.nobjs, rolled, team, out);
	free(rolled);
	okr_snapshot_free(&sn);
	return n;
}

/* Every team: the kept progress (computed again if anything changed) is
 * the computed one to the last bit, and a second reader finds it kept. */
static void assert_kept_right(world *w, int *recomputed)
{
	for (int t = 0; t < NTEAMS; t++) {
		double want;
		size_t n = computed(w, w->teams[t], &want);
		okr_progress_kept a, b;
		assert_int_equal(okr_store_team_progress(w->s, w->cycle, w->teams[t], w->cfg.rollup, &a), OKR_OK);
		assert_int_equal(okr_store_team_progress(w->s, w->cycle, w->teams[t], w->cfg.rollup, &b), OKR_OK);
		assert_int_equal(a.objectives, n);
		assert_int_equal(b.objectives, n);
		assert_memory_equal(&a.progress, &want, sizeof want);
		assert_memory_equal(&b.progress, &want, sizeof want);
		assert_true(b.kept);
		if (recomputed && !a.kept)
			(*recomputed)++;
	}
}

static void add_objective(world *w)
{
	okr_objective_in in = okr_objective_in_none();
	char title[32];
	snprintf(title, sizeof title, "O%zu", w->nobjs);
	in.title = title;
	int t = (int)(next(w) % (NTEAMS + 1));
	in.team = t < NTEAMS - 1 ? team_names[t] : NULL;   /* "Empty" never gets one */
	in.weight = next(w) % 4 ? pick(w, 0.5, 3) : 1;
	in.parent_id = w->nobjs && next(w) % 2 ? w->objs[next(w) % w->nobjs] : 0;
	in.cycle_id = next(w) % 8 ? w->cycle : w->other_cycle;
	if (in.cycle_id == w->other_cycle)
		in.parent_id = 0;
	int64_t id;
	if (okr_store_objective_add(w->s, &in, &id) == OKR_OK && w->nobjs < 128)
		w->objs[w->nobjs++] = id;
}

static void add_kr(world *w)
{
	if (!w->nobjs || w->nkrs >= 512)
		return;
	okr_kr_in in = okr_kr_in_none();
	in.objective_id = w->objs[next(w) % w->nobjs];
	in.title = "a key result";
	in.type = (int)(next(w) % 3) == 0 ? KR_MILESTONE : next(w) % 3 ? KR_METRIC : KR_THRESHOLD;
	if (in.type == KR_METRIC) {
		in.start = next(w) % 2 ? 0 : 100;
		in.target = in.start ? 20 : 80;
	} else if (in.type == KR_THRESHOLD) {
		in.target = 50;
		in.dir = next(w) % 2 ? DIR_AT_MOST : DIR_AT_LEAST;
	}
	in.weight = next(w) % 3 ? pick(w, 0, 4) : 1;
	int64_t id;
	if (okr_store_kr_add(w->s, &in, &id) == OKR_OK)
		w->krs[w->nkrs++] = id;
}

/* One random write; a refusal (a closed loop of alignment, say) is as good
 * as any other outcome: the kept rows must follow what is there. */
static void random_write(world *w, int i)
{
	char uid[32];
	int64_t o = w->nobjs ? w->objs[next(w) % w->nobjs] : 0, k = w->nkrs ? w->krs[next(w) % w->nkrs] : 0;
	switch (next(w) % 16) {
	case 0: case 12: case 13: add_objective(w); break;
	case 1: case 2: case 14: case 15: add_kr(w); break;
	case 3: case 4: case 5:
		for (int n = 0; k && n < 3; n++, k = w->krs[next(w) % w->nkrs]) {
			snprintf(uid, sizeof uid, "c%d-%d", i, n);
			okr_store_checkin(w->s, k, floor(pick(w, -10, 120)), 5, "", uid, 0, NULL);
		}
		break;
	case 6:
		snprintf(uid, sizeof uid, "s%d", i);
		okr_store_kpi_push(w->s, w->kpi, floor(pick(w, 0, 100)), "", uid, 0, NULL);
		break;
	case 7:
		if (k)
			okr_store_kr_link_kpi(w->s, k, next(w) % 3 ? w->kpi : 0);
		break;
	case 8:
		if (o) {
			okr_objective_in in = okr_objective_in_none();
			if (next(w) % 2)
				in.weight = pick(w, 0, 3);
			else
				in.parent_id = next(w) % 3 && w->nobjs ? w->objs[next(w) % w->nobjs] : 0;
			okr_store_objective_edit(w->s, o, 0, &in);
		}
		break;
	case 9:
		if (k) {
			okr_kr_in in = okr_kr_in_none();
			in.weight = pick(w, 0, 3);
			okr_store_kr_edit(w->s, k, 0, &in);
		}
		break;
	case 10:
		if (o && next(w) % 3 == 0)
			okr_store_objective_archive(w->s, o, 0);
		else if (o)
			okr_store_objective_unarchive(w->s, o);
		break;
	case 11:
		if (k && next(w) % 3 == 0)
			okr_store_kr_archive(w->s, k, 0);
		else if (k)
			okr_store_kr_unarchive(w->s, k);
		break;
	}
}

static void make_world(world *w, const char *path)
{
	char err[1024] = "";
	memset(w, 0, sizeof *w);
	w->rng = 0x9e3779b97f4a7c15ull;
	assert_int_equal(okr_store_open(path, OKR_OPEN_CREATE, "ana", &w->s, err, sizeof err), OKR_OK);
	okr_config_defaults_apply(&w->cfg);
	assert_int_equal(okr_store_team_settings_apply(w->s, &w->cfg, err, sizeof err), OKR_OK);
	assert_int_equal(okr_store_cycle_add(w->s, "Now", okr_day_of(NOW) - 30, okr_day_of(NOW) + 60, &w->cycle),
			 OKR_OK);
	assert_int_equal(okr_store_cycle_add(w->s, "Next", okr_day_of(NOW) + 61, okr_day_of(NOW) + 150,
					     &w->other_cycle), OKR_OK);
	assert_int_equal(okr_store_cycle_set_current(w->s, w->cycle), OKR_OK);
	for (int t = 0; t < NTEAMS; t++)
		assert_int_equal(okr_store_team_add(w->s, team_names[t], t ? "Company" : NULL), OKR_OK);
	okr_snapshot sn;
	assert_int_equal(okr_store_snapshot(w->s, 0, false, &sn), OKR_OK);
	for (size_t i = 0; i < sn.nteams; i++)
		for (int t = 0; t < NTEAMS; t++)
			if (!strcmp(sn.teams[i].name, team_names[t]))
				w->teams[t] = sn.teams[i].id;
	okr_snapshot_free(&sn);
	okr_kpi_in kin = { .name = "latency", .unit = "ms", .timeframe = "", .source = "CI", .target = 50,
			   .dir = DIR_AT_MOST, .every = FREQ_WEEKLY };
	assert_int_equal(okr_store_kpi_add(w->s, &kin, &w->kpi), OKR_OK);
}

static void set_rollup(world *w, const char *mode)
{
	char err[1024] = "", lit[32];
	snprintf(lit, sizeof lit, "\"%s\"", mode);
	assert_int_equal(okr_store_setting_set(w->s, "rollup", lit), OKR_OK);
	assert_int_equal(okr_store_team_settings_apply(w->s, &w->cfg, err, sizeof err), OKR_OK);
}

/* Random writes, each followed by every team's kept progress against the
 * computed one. */
static void test_kept_equals_computed(void **state)
{
	fx *f = *state;
	world w;
	make_world(&w, f->path);
	int recomputed = 0;
	for (int i = 0; i < NOPS; i++) {
		random_write(&w, i);
		assert_kept_right(&w, &recomputed);
	}
	print_message("%zu objectives, %zu key results, %d recomputed\n", w.nobjs, w.nkrs, recomputed);
	assert_true(w.nobjs > 10 && w.nkrs > 30);
	assert_true(recomputed > NOPS / 2);   /* the writes did change what it is made of */
	okr_store_close(w.s);
}

/* A change of the rollup mode in the team's settings: the kept rows of the
 * old mode are not read, the new mode's are exactly the computed ones. */
static void test_rules_change(void **state)
{
	fx *f = *state;
	world w;
	make_world(&w, f->path);
	for (int i = 0; i < 120; i++)
		random_write(&w, i);
	/* and one alignment whose figures the modes surely tell apart: the
	 * company's objective at 0 % of its own, its child at 100 % */
	okr_objective_in oi = okr_objective_in_none();
	int64_t parent, child, kr;
	oi.title = "parent";
	oi.team = "Company";
	assert_int_equal(okr_store_objective_add(w.s, &oi, &parent), OKR_OK);
	oi.title = "child";
	oi.team = "Sales";
	oi.parent_id = parent;
	assert_int_equal(okr_store_objective_add(w.s, &oi, &child), OKR_OK);
	okr_kr_in ki = okr_kr_in_none();
	ki.title = "done";
	ki.type = KR_MILESTONE;
	ki.objective_id = parent;
	assert_int_equal(okr_store_kr_add(w.s, &ki, &kr), OKR_OK);
	ki.objective_id = child;
	assert_int_equal(okr_store_kr_add(w.s, &ki, &kr), OKR_OK);
	assert_int_equal(okr_store_checkin(w.s, kr, 1, 5, "", NULL, 0, NULL), OKR_OK);
	assert_kept_right(&w, NULL);
	static const char *const modes[] = { "krs", "children", "both", "krs" };
	double before[NTEAMS];
	for (int t = 0; t < NTEAMS; t++)
		computed(&w, w.teams[t], &before[t]);
	bool differs = false;
	for (size_t m = 0; m < sizeof modes / sizeof *modes; m++) {
		set_rollup(&w, modes[m]);
		int recomputed = 0;
		assert_kept_right(&w, &recomputed);
		assert_int_equal(recomputed, 1);   /* the first reader computes every team's */
		for (int t = 0; t < NTEAMS; t++) {
			double now;
			computed(&w, w.teams[t], &now);
			differs |= now != before[t];
		}
	}
	assert_true(differs);   /* the modes do give other figures on this world */
	okr_store_close(w.s);
}

/* okr status opens the file read-only: it computes, saves through a
 * connection of its own, and the next one reads the row. */
static void test_read_only_reader_keeps_it(void **state)
{
	fx *f = *state;
	world w;
	make_world(&w, f->path);
	for (int i = 0; i < 60; i++)
		random_write(&w, i);
	okr_store *ro = NULL;
	char err[1024] = "";
	assert_int_equal(okr_store_open(f->path, OKR_OPEN_READONLY, "ana", &ro, err, sizeof err), OKR_OK);
	okr_progress_kept a, b;
	assert_int_equal(okr_store_team_progress(ro, w.cycle, w.teams[0], w.cfg.rollup, &a), OKR_OK);
	assert_int_equal(okr_store_team_progress(ro, w.cycle, w.teams[0], w.cfg.rollup, &b), OKR_OK);
	assert_false(a.kept);
	assert_true(b.kept);
	assert_memory_equal(&a.progress, &b.progress, sizeof a.progress);
	/* a KPI sample is seen: it may be the value of a key result */
	okr_store_kpi_push(w.s, w.kpi, 7, "", "last", 0, NULL);
	assert_int_equal(okr_store_team_progress(ro, w.cycle, w.teams[0], w.cfg.rollup, &a), OKR_OK);
	assert_false(a.kept);
	okr_store_close(ro);
	okr_store_close(w.s);
}

static int setup(void **state)
{
	return fx_setup(state, "teamprog", NOW);
}

static int teardown(void **state)
{
	return fx_teardown(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_kept_equals_computed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rules_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_only_reader_keeps_it, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
