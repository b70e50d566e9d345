/*
 * read_team.c — okr_store_team_progress: a team's progress in the current
 * cycle, for okr status, which runs every few seconds in a tmux status line.
 *
 * Every team's progress is kept in team_progress with what it was computed
 * from: the cycle, the rollup mode and the three counters of score_clock
 * that triggers bump for every writer (the sqlite3 shell included) — world
 * (objectives, key results, cycles, people, grades), seq (every check-in,
 * kudos and comment) and samples (every KPI sample, whose latest value a key
 * result tracking a KPI shows).  When they all agree, the row is the answer:
 * one indexed read instead of a scan of the cycle's key results.
 *
 * When any differs, the reader computes every team's progress again from one
 * narrow read of the cycle — an objective's id, parent, team and weight; a
 * key result's objective, weight, kind, direction, start, target and value;
 * no titles, owners or histories — through the same okr_rollup_filled and
 * okr_team_progress that a whole snapshot goes through, over the same
 * objectives and key results in the same order, so the kept value is
 * exactly the computed one.  It saves them as a cache (store_cache_write:
 * one quiet attempt), stamped with the counters read in the same read
 * transaction as the rows: a commit in between leaves a stamp that no
 * longer agrees, and the next reader computes again.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/progress.h"
#include "okr/util.h"
#include "store_int.h"

/* What the kept rows were computed from. */
typedef struct {
	int64_t cycle, world, seq, samples;
	int rollup;
} stamp;

typedef struct {
	int64_t id;
	size_t objectives;
	double progress;
} team_row;

struct team_ctx {
	stamp at;
	int64_t team;
	okr_progress_kept *out;
	team_row *rows;           /* computed: every team's */
	size_t nrows;
};

/* The counters now, and the team's kept row when it agrees with them. */
static okr_result look(okr_store *s, struct team_ctx *c, bool *fresh)
{
	*fresh = false;
	db_stmt *st = store_prepare(s, "SELECT c.world, c.seq, c.samples, p.objectives, p.progress "
		"FROM score_clock c LEFT JOIN team_progress p ON p.team_id = ?1 AND p.cycle_id = ?2 "
		"AND p.rollup = ?3 AND p.world = c.world AND p.seq = c.seq AND p.samples = c.samples WHERE c.id = 1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, c->team);
	db_bind_int64(st, 2, c->at.cycle);
	db_bind_int64(st, 3, c->at.rollup);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		c->at.world = db_column_int64(st, 0);
		c->at.seq = db_column_int64(st, 1);
		c->at.samples = db_column_int64(st, 2);
		if (db_column_type(st, 3) != DB_NULL) {
			*fresh = true;
			c->out->objectives = (size_t)db_column_int64(st, 3);
			c->out->progress = db_column_double(st, 4);
		}
	}
	store_done(s, st);
	return rc == DB_ROW || rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, "reading the teams' progress");
}

/* The cycle's live objectives, in id order, with what progress reads. */
static okr_result objectives_of(okr_store *s, int64_t cycle, okr_snapshot *sn)
{
	db_stmt *st = store_prepare(s, "SELECT id, COALESCE(parent_id, 0), COALESCE(team_id, 0), weight "
					    "FROM objective WHERE cycle_id = ?1 AND archived = 0 ORDER BY id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, cycle);
	size_t cap = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		okr_xgrow(&sn->objs, &cap, sn->nobjs + 1, sizeof *sn->objs);
		sn->objs[sn->nobjs++] = (okr_objective){ .id = db_column_int64(st, 0), .cycle_id = cycle,
							 .parent_id = db_column_int64(st, 1),
							 .team_id = db_column_int64(st, 2),
							 .weight = db_column_double(st, 3) };
	}
	store_done(s, st);
	return rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, "reading objectives");
}

/* Whether objective id is one of sn's (which are in id order). */
static bool has_objective(const okr_snapshot *sn, int64_t id)
{
	size_t lo = 0, hi = sn->nobjs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sn->objs[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sn->nobjs && sn->objs[lo].id == id;
}

/* The live key results of those objectives: one scan from the cycle's first
 * key result on, which beats a seek per objective when the cycle is large.
 * In id order each objective's key results come in the order a whole
 * snapshot hands them to the rollup. */
static okr_result krs_of(okr_store *s, okr_snapshot *sn)
{
	db_stmt *st = store_prepare(s, store_kr_progress_of_cycle);
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, sn->cycle_id);
	size_t cap = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		okr_kr k = { 0 };
		store_kr_progress_row(st, &k);
		if (!has_objective(sn, k.objective_id))
			continue;
		okr_xgrow(&sn->krs, &cap, sn->nkrs + 1, sizeof *sn->krs);
		sn->krs[sn->nkrs++] = k;
	}
	store_done(s, st);
	return rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, "reading key results");
}

/* Every team's progress from the rolled-up objectives. */
static okr_result teams_of(okr_store *s, struct team_ctx *c, const okr_snapshot *sn, const double *rolled)
{
	db_stmt *st = store_prepare(s, "SELECT id FROM team ORDER BY id");
	if (!st)
		return OKR_E_FAIL;
	size_t cap = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		okr_xgrow(&c->rows, &cap, c->nrows + 1, sizeof *c->rows);
		team_row *t = &c->rows[c->nrows++];
		t->id = db_column_int64(st, 0);
		t->objectives = okr_team_progress(sn->objs, sn->nobjs, rolled, t->id, &t->progress);
		if (t->id == c->team) {
			c->out->objectives = t->objectives;
			c->out->progress = t->progress;
		}
	}
	store_done(s, st);
	return rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, "reading teams");
}

static okr_result compute(okr_store *s, struct team_ctx *c)
{
	okr_snapshot sn = { .cycle_id = c->at.cycle };
	okr_result r = objectives_of(s, c->at.cycle, &sn);
	if (!r)
		r = krs_of(s, &sn);
	if (!r) {
		double *rolled = okr_xcalloc(sn.nobjs + 1, sizeof *rolled);
		okr_rollup_filled(sn.objs, sn.nobjs, sn.krs, sn.nkrs, (okr_rollup_mode)c->at.rollup, rolled, NULL);
		r = teams_of(s, c, &sn, rolled);
		free(rolled);
	}
	okr_snapshot_free(&sn);
	return r;
}

static okr_result team_txn(okr_store *s, void *vctx)
{
	struct team_ctx *c = vctx;
	bool fresh;
	okr_result r = look(s, c, &fresh);
	if (r || fresh) {
		c->out->kept = fresh;
		return r;
	}
	return compute(s, c);
}

/* Inside the cache's write: every team's row, with the stamp it was
 * computed under. */
static int save_body(db_conn *db, void *arg)
{
	const struct team_ctx *c = arg;
	db_stmt *st = NULL;
	int rc = db_prepare(db, "INSERT INTO team_progress(team_id, cycle_id, world, seq, samples, rollup, objectives, "
		"progress) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(team_id) DO UPDATE SET "
		"cycle_id = excluded.cycle_id, world = excluded.world, seq = excluded.seq, samples = excluded.samples, "
		"rollup = excluded.rollup, objectives = excluded.objectives, progress = excluded.progress", &st);
	for (size_t i = 0; rc == DB_OK && i < c->nrows; i++) {
		db_bind_int64(st, 1, c->rows[i].id);
		db_bind_int64(st, 2, c->at.cycle);
		db_bind_int64(st, 3, c->at.world);
		db_bind_int64(st, 4, c->at.seq);
		db_bind_int64(st, 5, c->at.samples);
		db_bind_int64(st, 6, c->at.rollup);
		db_bind_int64(st, 7, (int64_t)c->rows[i].objectives);
		db_bind_double(st, 8, c->rows[i].progress);
		rc = db_step(st);
		rc = rc == DB_DONE ? db_reset(st) : rc;
	}
	db_finalize(st);
	return rc;
}

okr_result okr_store_team_progress(okr_store *s, int64_t cycle_id, int64_t team_id, okr_rollup_mode mode,
				   okr_progress_kept *out)
{
	memset(out, 0, sizeof *out);
	struct team_ctx c = { .at = { .cycle = cycle_id, .rollup = (int)mode }, .team = team_id, .out = out };
	okr_result r = team_id ? store_read(s, team_txn, &c) : OKR_OK;
	if (!r && c.nrows)
		store_cache_write(s, save_body, &c);
	free(c.rows);
	return r;
}
