/*
 * read_team.c — okr_store_snapshot_team: a snapshot of the current cycle
 * that holds only one team's objectives and everything aligned below them,
 * with their key results, and of those only what the team's progress is
 * made of (ids, alignment, team, weights; a key result's kind, direction,
 * start, target and current value).  `okr status` runs every few seconds in
 * a tmux status line: on a company of 1,000 objectives and 5,000 key
 * results, titles, owners and histories it never shows were most of its
 * cost.
 *
 * The tree is walked here from one narrow query (id, parent, team, weight),
 * which is also all an objective's row needs; the key results are read per
 * chosen objective when the tree is small, else with one scan of them all,
 * keeping those of the tree (SQLite would need an index on
 * parent_id to walk the tree as fast itself).
 */
#include <stdlib.h>
#include <string.h>

#include "okr/util.h"
#include "store_int.h"

typedef struct {
	int64_t id, parent, team;
	double weight;
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
	db_stmt *st = store_prepare(s, "SELECT id, COALESCE(parent_id, 0), COALESCE(team_id, 0), weight "
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
					 db_column_int64(st, 2), db_column_double(st, 3), false };
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

/* Whether objective id (of v, in id order) is in the tree. */
static bool kept(const node *v, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].id == id && v[lo].keep;
}

/* The key results of st's rows that belong to the tree, appended. */
static okr_result take_krs(okr_store *s, db_stmt *st, const node *v, size_t n, okr_snapshot *sn,
			   size_t *cap)
{
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		okr_kr k = { 0 };
		store_kr_progress_row(st, &k);
		if (!kept(v, n, k.objective_id))
			continue;
		okr_xgrow(&sn->krs, cap, sn->nkrs + 1, sizeof *sn->krs);
		sn->krs[sn->nkrs++] = k;
	}
	store_done(s, st);
	return rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, "reading key results");
}

static okr_result read_tree(okr_store *s, const node *v, size_t n, size_t nkept, okr_snapshot *sn)
{
	sn->objs = okr_xcalloc(nkept ? nkept : 1, sizeof *sn->objs);
	for (size_t i = 0; i < n; i++)
		if (v[i].keep)
			sn->objs[sn->nobjs++] = (okr_objective){ .id = v[i].id, .cycle_id = sn->cycle_id,
								 .team_id = v[i].team, .parent_id = v[i].parent,
								 .weight = v[i].weight };
	size_t cap = 0;
	okr_result r = OKR_OK;
	/* Most of the cycle (a company-wide team): one scan of every key
	 * result, keeping the tree's, beats one query per objective.  In id
	 * order each objective's key results come in the order the rollup
	 * takes them in a full snapshot. */
	if (nkept * 2 > n) {
		db_stmt *st = store_prepare(s, store_kr_progress_of_cycle);
		if (!st)
			return OKR_E_FAIL;
		db_bind_int64(st, 1, sn->cycle_id);
		return take_krs(s, st, v, n, sn, &cap);
	}
	for (size_t i = 0; i < n && !r; i++) {
		if (!v[i].keep)
			continue;
		db_stmt *st = store_prepare(s, store_kr_progress_of_obj);
		if (!st)
			return OKR_E_FAIL;
		db_bind_int64(st, 1, v[i].id);
		r = take_krs(s, st, v, n, sn, &cap);
	}
	return r;
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
	size_t n;
	if (!team || (r = nodes_of(s, sn->cycle_id, &v, &n)))
		return r;
	mark_tree(v, n, team);
	size_t nkept = 0;
	for (size_t i = 0; i < n; i++)
		nkept += v[i].keep;
	r = read_tree(s, v, n, nkept, sn);
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
