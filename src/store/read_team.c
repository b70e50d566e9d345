/*
 * read_team.c — okr_store_snapshot_team: a snapshot of the current cycle
 * that holds only one team's objectives and everything aligned below them,
 * with their key results — all that the team's progress is made of.  On a
 * company of 1,000 objectives a team of 50 reads a twentieth of them, which
 * is most of what `okr status` costs.
 *
 * The tree is walked here from one narrow query (id, parent, team), then
 * each chosen objective and its key results are read by id (SQLite would
 * need an index on parent_id to walk it as fast itself).  A tree that is
 * most of the cycle is read whole instead, as okr_store_snapshot does.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/util.h"
#include "store_int.h"

typedef struct {
	int64_t id, parent, team;
	bool keep;
} node;

static int by_parent(const void *a, const void *b)
{
	const node *x = *(node *const *)a, *y = *(node *const *)b;
	return x->parent != y->parent ? (x->parent < y->parent ? -1 : 1) : (x->id > y->id) - (x->id < y->id);
}

/* The live objectives of cycle, in id order (the query's). */
static okr_result nodes_of(okr_store *s, int64_t cycle, node **out, size_t *n)
{
	db_stmt *st = store_prepare(s, "SELECT id, COALESCE(parent_id, 0), COALESCE(team_id, 0) "
					    "FROM objective WHERE cycle_id = ?1 AND archived = 0 ORDER BY id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, cycle);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = db_step(st)) == DB_ROW) {
		okr_xgrow(out, &cap, *n + 1, sizeof **out);
		(*out)[(*n)++] = (node){ db_column_int64(st, 0), db_column_int64(st, 1),
					 db_column_int64(st, 2), false };
	}
	store_done(s, st);
	return rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, "reading objectives");
}

/* Mark the team's objectives and, level by level, their children. */
static void mark_tree(node *v, size_t n, int64_t team)
{
	node **kids = okr_xmalloc((n + 1) * sizeof *kids);
	for (size_t i = 0; i < n; i++)
		kids[i] = &v[i];
	qsort(kids, n, sizeof *kids, by_parent);
	node **queue = okr_xmalloc((n + 1) * sizeof *queue);
	size_t head = 0, tail = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i].team == team) {
			v[i].keep = true;
			queue[tail++] = &v[i];
		}
	while (head < tail) {
		int64_t id = queue[head++]->id;
		size_t lo = 0, hi = n;
		while (lo < hi) {   /* the first child of id */
			size_t mid = lo + (hi - lo) / 2;
			if (kids[mid]->parent < id)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < n && kids[lo]->parent == id; lo++)
			if (!kids[lo]->keep) {
				kids[lo]->keep = true;
				queue[tail++] = kids[lo];
			}
	}
	free(queue);
	free(kids);
}

static okr_result read_one(okr_store *s, int64_t id, okr_snapshot *sn, size_t *capo, size_t *capk)
{
	db_stmt *st = store_prepare(s, store_obj_by_id);
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, id);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		okr_xgrow(&sn->objs, capo, sn->nobjs + 1, sizeof *sn->objs);
		memset(&sn->objs[sn->nobjs], 0, sizeof *sn->objs);
		store_objective_row(st, &sn->objs[sn->nobjs++]);
	}
	store_done(s, st);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_sqlerr(s, rc, "reading an objective");
	if (!(st = store_prepare(s, store_krs_of_obj)))
		return OKR_E_FAIL;
	db_bind_int64(st, 1, id);
	while ((rc = db_step(st)) == DB_ROW) {
		okr_xgrow(&sn->krs, capk, sn->nkrs + 1, sizeof *sn->krs);
		memset(&sn->krs[sn->nkrs], 0, sizeof *sn->krs);
		store_kr_row(st, &sn->krs[sn->nkrs++]);
	}
	store_done(s, st);
	return rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, "reading key results");
}

struct team_ctx {
	const char *team;
	okr_snapshot *sn;
};

static okr_result team_txn(okr_store *s, void *vctx)
{
	struct team_ctx *c = vctx;
	okr_snapshot *sn = c->sn;
	/* People, teams, cycles and KPIs as usual; no objectives yet. */
	okr_result r = okr_store_snapshot(s, INT64_MIN, false, sn);
	if (r)
		return r;
	sn->cycle_id = sn->ncycles ? sn->cycles[sn->ncycles - 1].id : 0;
	for (size_t i = 0; i < sn->ncycles; i++)
		if (sn->cycles[i].current)
			sn->cycle_id = sn->cycles[i].id;
	int64_t team = store_team_id(s, c->team);
	node *v;
	size_t n, capo = 0, capk = 0;
	if (!team || (r = nodes_of(s, sn->cycle_id, &v, &n)))
		return r;
	mark_tree(v, n, team);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		kept += v[i].keep;
	/* Most of the cycle (a company-wide team): two queries for all of it
	 * beat two per objective. */
	if (kept * 2 > n) {
		free(v);
		okr_snapshot_free(sn);
		return okr_store_snapshot(s, 0, false, sn);
	}
	for (size_t i = 0; i < n && !r; i++)
		if (v[i].keep)
			r = read_one(s, v[i].id, sn, &capo, &capk);
	free(v);
	return r;
}

okr_result okr_store_snapshot_team(okr_store *s, const char *team, okr_snapshot *out)
{
	memset(out, 0, sizeof *out);
	struct team_ctx c = { team, out };
	okr_result r = store_read(s, team_txn, &c);
	if (r != OKR_OK)
		okr_snapshot_free(out);
	return r;
}
