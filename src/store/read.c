/*
 * read.c — copies of the data for screens and commands.
 *
 * A snapshot is read in one transaction so that a screen never shows half of
 * a teammate's change, and every statement is finalised before returning so
 * no read transaction outlives the call (it would starve checkpoints).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/cycle.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/util.h"
#include "store_int.h"

/* ---- cycles ---- */

/* A cycle as the screens see it: planning or active by today's date (only
 * "closed" is a stored decision); `current` is the stored choice, see
 * mark_current. */
static void cycle_fn(db_stmt *st, void *row)
{
	okr_cycle *c = row;
	store_cycle_row(st, c);
	c->state = okr_cycle_state_on(c->state, c->start, okr_day_of(okr_now()));
}

/* Which of the cycles is current today (okr_cycle_pick_current): the flag
 * read from the row is only a lead's choice for the days between cycles. */
static long mark_current(okr_cycle *v, size_t n)
{
	long cur = okr_cycle_pick_current(v, n, okr_day_of(okr_now()));
	for (size_t i = 0; i < n; i++)
		v[i].current = (long)i == cur;
	return cur;
}

/* Only what progress is made of (okr_kr_progress, okr_rollup): for
 * read_team.c, which may need every key result of a large cycle. */
#define KR_PROGRESS_SELECT \
	"SELECT k.id, k.objective_id, k.weight, k.type, k.start_value, k.target_value, k.direction, " \
	"CASE WHEN k.kpi_id IS NULL THEN c.value " \
	"ELSE (SELECT value FROM kpi_sample WHERE id = " STORE_KPI_LATEST_ID("k.kpi_id") ") END " \
	"FROM key_result k LEFT JOIN checkin_latest c ON c.kr_id = k.id"
struct snap_ctx {
	int64_t cycle_id;
	bool archived;
	int64_t owner;            /* not 0: only the key results this person owns (-1: nobody) */
	okr_snapshot *snap;
};

/* Read the rows of sql into arr (n of them). */
#define COLLECT(s, sql, fn, arr, n) \
	((st = store_prepare((s), (sql))) ? store_collect((s), st, (fn), sizeof *(arr), &(arr), &(n), _("reading")) \
					  : OKR_E_FAIL)

/* The rest of a snapshot for one owner: the live key results of the cycle
 * they own, the objectives those belong to, and every KPI (an owner's list
 * of what is due reads no more; a key result scan, not the whole tree). */
static okr_result owned_txn(okr_store *s, struct snap_ctx *c)
{
	okr_snapshot *sn = c->snap;
	db_stmt *st = store_prepare(s, STORE_OBJ_SELECT " WHERE o.cycle_id = ?1 AND o.archived = 0 AND o.id IN "
				"(SELECT objective_id FROM key_result WHERE owner_id = ?2 AND archived = 0) ORDER BY o.id");
	okr_result r;
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, sn->cycle_id);
	db_bind_int64(st, 2, c->owner);
	if ((r = store_collect(s, st, store_objective_row, sizeof *sn->objs, &sn->objs, &sn->nobjs, _("reading"))))
		return r;
	/* The owner's key results (a few in thousands) by a scan, each one's
	 * objective looked up by id, rather than every key result of the cycle
	 * walked through key_result_objective, which a join invites. */
	st = store_prepare(s, STORE_KR_SELECT " WHERE k.owner_id = ?2 AND k.archived = 0 AND (SELECT o.cycle_id FROM "
			   "objective o WHERE o.id = k.objective_id AND o.archived = 0) = ?1 ORDER BY k.objective_id, k.id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, sn->cycle_id);
	db_bind_int64(st, 2, c->owner);
	if ((r = store_collect(s, st, store_kr_row, sizeof *sn->krs, &sn->krs, &sn->nkrs, _("reading"))))
		return r;
	return COLLECT(s, STORE_KPI_SELECT " ORDER BY k.id", store_kpi_row, sn->kpis, sn->nkpis);
}

static okr_result snapshot_txn(okr_store *s, void *vctx)
{
	struct snap_ctx *c = vctx;
	okr_snapshot *sn = c->snap;
	db_stmt *st;
	okr_result r;

	if ((r = COLLECT(s, STORE_CYCLE_SELECT " ORDER BY start_day, id", cycle_fn, sn->cycles, sn->ncycles)))
		return r;
	mark_current(sn->cycles, sn->ncycles);
	sn->cycle_id = c->cycle_id;
	if (!sn->cycle_id) {
		for (size_t i = 0; i < sn->ncycles; i++)
			if (sn->cycles[i].current)
				sn->cycle_id = sn->cycles[i].id;
		if (!sn->cycle_id && sn->ncycles)
			sn->cycle_id = sn->cycles[sn->ncycles - 1].id;
	}
	if (c->owner)
		return owned_txn(s, c);
	if ((r = COLLECT(s, STORE_PERSON_SELECT " ORDER BY p.login", store_person_row, sn->people, sn->npeople)))
		return r;
	if ((r = COLLECT(s, STORE_TEAM_SELECT " ORDER BY name",
			 store_team_row, sn->teams, sn->nteams)))
		return r;

	st = store_prepare(s, STORE_OBJ_SELECT " WHERE o.cycle_id = ?1 AND (o.archived = 0 OR ?2 <> 0) ORDER BY o.id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, sn->cycle_id);
	db_bind_int64(st, 2, c->archived);
	if ((r = store_collect(s, st, store_objective_row, sizeof *sn->objs, &sn->objs, &sn->nobjs, _("reading"))))
		return r;

	st = store_prepare(s, STORE_KR_SELECT " WHERE k.objective_id IN (SELECT id FROM objective WHERE cycle_id = ?1) "
			   "AND (k.archived = 0 OR ?2 <> 0) ORDER BY k.objective_id, k.id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, sn->cycle_id);
	db_bind_int64(st, 2, c->archived);
	if ((r = store_collect(s, st, store_kr_row, sizeof *sn->krs, &sn->krs, &sn->nkrs, _("reading"))))
		return r;
	return COLLECT(s, STORE_KPI_SELECT " ORDER BY k.id", store_kpi_row, sn->kpis, sn->nkpis);
}

okr_result okr_store_snapshot(okr_store *s, int64_t cycle_id, bool with_archived, okr_snapshot *out)
{
	memset(out, 0, sizeof *out);
	out->data_version = okr_store_data_version(s);
	struct snap_ctx c = { cycle_id, with_archived, 0, out };
	okr_result r = store_read(s, snapshot_txn, &c);
	if (r != OKR_OK)
		okr_snapshot_free(out);
	return r;
}

okr_result okr_store_snapshot_owned(okr_store *s, int64_t cycle_id, int64_t person_id, okr_snapshot *out)
{
	memset(out, 0, sizeof *out);
	out->data_version = okr_store_data_version(s);
	struct snap_ctx c = { cycle_id, false, person_id > 0 ? person_id : -1, out };
	okr_result r = store_read(s, snapshot_txn, &c);
	if (r != OKR_OK)
		okr_snapshot_free(out);
	return r;
}

/*
 * Fetch exactly one row by a bound key: the shape of every "get by ID/name".
 */
static okr_result one(okr_store *s, const char *sql, int64_t id, const char *name,
		      store_row_fn fn, void *out, const char *what, const char *shown)
{
	db_stmt *st = store_prepare(s, sql);
	if (!st)
		return OKR_E_FAIL;
	if (name)
		db_bind_text(st, 1, name, -1);
	else
		db_bind_int64(st, 1, id);
	okr_result r = store_one_row(s, st, fn, out, _("reading"));
	if (r == OKR_E_NOTFOUND)
		r = store_fail(s, OKR_E_NOTFOUND, _("no %s %s — `okr list` shows what there is"), what, shown);
	return r;
}

okr_result okr_store_cycle_by_name(okr_store *s, const char *name, okr_cycle *out)
{
	memset(out, 0, sizeof *out);
	okr_result r = one(s, STORE_CYCLE_SELECT " WHERE name = ?1", 0, name, cycle_fn, out, _("cycle"), name);
	int64_t id;
	if (r == OKR_E_NOTFOUND && (id = store_cycle_ref(s, name)))   /* "2026-q4" for "2026-Q4" */
		return one(s, STORE_CYCLE_SELECT " WHERE id = ?1", id, NULL, cycle_fn, out, _("cycle"), name);
	/* `okr list` shows one cycle's objectives, not the cycles' names. */
	if (r == OKR_E_NOTFOUND)
		return store_fail(s, OKR_E_NOTFOUND, _("no cycle %s — `okr cycle list` shows every cycle"), name);
	return r;
}

okr_result okr_store_current_cycle(okr_store *s, okr_cycle *out)
{
	memset(out, 0, sizeof *out);
	okr_cycle *v = NULL;
	size_t n = 0;
	db_stmt *st = store_prepare(s, STORE_CYCLE_SELECT " ORDER BY start_day, id");
	okr_result r = st ? store_collect(s, st, cycle_fn, sizeof *v, &v, &n, _("reading")) : OKR_E_FAIL;
	if (r)
		return r;
	long cur = mark_current(v, n);
	if (cur >= 0) {
		*out = v[cur];
		memset(&v[cur], 0, sizeof v[cur]);
	} else if (n) {
		char today[11], start[11];
		okr_format_date(okr_day_of(okr_now()), today);
		okr_format_date(v[0].start, start);
		r = store_fail(s, OKR_E_NOTFOUND, _("no cycle has started yet: today is %s and %s starts on %s — "
			"name it with --cycle %s to plan ahead, or add a cycle that contains today"),
			today, v[0].name, start, v[0].name);
	} else {
		r = store_fail(s, OKR_E_NOTFOUND, _("there is no cycle yet — add one with "
			"`okr cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31`"));
	}
	okr_cycles_free(v, n);
	return r;
}

okr_result okr_store_objective(okr_store *s, int64_t id, okr_objective *out)
{
	char shown[32];
	snprintf(shown, sizeof shown, "O%lld", (long long)id);
	memset(out, 0, sizeof *out);
	return one(s, STORE_OBJ_SELECT " WHERE o.id = ?1", id, NULL, store_objective_row, out, _("objective"), shown);
}

okr_result okr_store_kr(okr_store *s, int64_t id, okr_kr *out)
{
	char shown[32];
	snprintf(shown, sizeof shown, "K%lld", (long long)id);
	memset(out, 0, sizeof *out);
	return one(s, STORE_KR_SELECT " WHERE k.id = ?1", id, NULL, store_kr_row, out, _("key result"), shown);
}

okr_result okr_store_kpi(okr_store *s, int64_t id, okr_kpi *out)
{
	char shown[32];
	snprintf(shown, sizeof shown, "KPI%lld", (long long)id);
	memset(out, 0, sizeof *out);
	return one(s, STORE_KPI_SELECT " WHERE k.id = ?1", id, NULL, store_kpi_row, out, _("KPI"), shown);
}

okr_result okr_store_kpi_by_name(okr_store *s, const char *name, okr_kpi *out)
{
	memset(out, 0, sizeof *out);
	okr_result r = one(s, STORE_KPI_SELECT " WHERE k.name = ?1", 0, name, store_kpi_row, out, _("KPI"), name);
	if (r == OKR_E_NOTFOUND) {
		/* Not the exact name: the same name folded (names.c). */
		okr_result amb;
		int64_t id = store_kpi_ref(s, name, &amb);
		if (amb)
			return amb;
		if (id)
			return okr_store_kpi(s, id, out);
	}
	if (r == OKR_E_NOTFOUND)
		return store_fail(s, r, _("no KPI named '%s' — `okr list --kpis` shows them, "
					  "`okr kpi add` makes one"), name);
	return r;
}

/* ---- for read_team.c: key results as their progress needs them ---- */

const char store_kr_progress_of_obj[] =
	KR_PROGRESS_SELECT " WHERE k.objective_id = ?1 AND k.archived = 0 ORDER BY k.id";
/* A scan from the cycle's first key result on (older cycles' are skipped,
 * later ones' filtered out by the caller): a sequential read of the table
 * beats a seek per key result through key_result_objective. */
const char store_kr_progress_of_cycle[] = KR_PROGRESS_SELECT " WHERE k.id >= (SELECT min(k2.id) FROM objective o "
	"JOIN key_result k2 ON k2.objective_id = o.id WHERE o.cycle_id = ?1) AND k.archived = 0 ORDER BY k.id";

void store_kr_progress_row(db_stmt *st, okr_kr *k)
{
	k->id = db_column_int64(st, 0);
	k->objective_id = db_column_int64(st, 1);
	k->weight = db_column_double(st, 2);
	k->type = store_col_word(st, 3, &okr_kr_types, KR_METRIC);
	k->start = db_column_double(st, 4);
	k->target = db_column_double(st, 5);
	k->dir = store_col_word(st, 6, &okr_directions, DIR_AT_LEAST);
	k->has_value = db_column_type(st, 7) != DB_NULL;
	k->current = k->has_value ? db_column_double(st, 7) : 0;
}
