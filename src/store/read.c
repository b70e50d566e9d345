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

#define CYCLE_SELECT "SELECT id, name, start_day, end_day, state, is_current FROM cycle"

static void cycle_row(db_stmt *st, okr_cycle *c)
{
	c->id = db_column_int64(st, 0);
	c->name = store_col_text(st, 1);
	c->start = db_column_int(st, 2);
	c->end = db_column_int(st, 3);
	c->state = okr_cycle_state_on(store_col_word(st, 4, &okr_cycle_states, CYCLE_ACTIVE), c->start,
				      okr_day_of(okr_now()));
	c->current = db_column_int(st, 5) != 0;   /* the stored choice; see mark_current */
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

/* ---- objectives ---- */

#define OBJ_SELECT \
	"SELECT o.id, o.cycle_id, o.title, o.description, COALESCE(o.owner_id, 0), " \
	"COALESCE(p.login, ''), COALESCE(o.team_id, 0), COALESCE(t.name, ''), COALESCE(o.parent_id, 0), " \
	"o.kind, o.state, o.weight, o.version, o.archived " \
	"FROM objective o LEFT JOIN person p ON p.id = o.owner_id LEFT JOIN team t ON t.id = o.team_id"

static void obj_row(db_stmt *st, okr_objective *o)
{
	o->id = db_column_int64(st, 0);
	o->cycle_id = db_column_int64(st, 1);
	o->title = store_col_text(st, 2);
	o->description = store_col_text(st, 3);
	o->owner_id = db_column_int64(st, 4);
	o->owner = store_col_text(st, 5);
	o->team_id = db_column_int64(st, 6);
	o->team = store_col_text(st, 7);
	o->parent_id = db_column_int64(st, 8);
	o->kind = store_col_word(st, 9, &okr_obj_kinds, OBJ_COMMITTED);
	o->state = store_col_word(st, 10, &okr_obj_states, OBJ_ACTIVE);
	o->weight = db_column_double(st, 11);
	o->version = db_column_int64(st, 12);
	o->archived = db_column_int(st, 13) != 0;
}

/* ---- key results, with their current value ---- */

/* The latest check-in comes from checkin_latest (schema 4: one row per key
 * result, kept by a trigger); a KR that tracks a KPI takes the KPI's latest
 * sample through the (kpi_id, at) index: one seek per such key result. */
#define KPI_LATEST_ID(kpi) "(SELECT id FROM kpi_sample WHERE kpi_id = " kpi " ORDER BY at DESC, id DESC LIMIT 1)"
#define KR_LATEST \
	"LEFT JOIN checkin_latest c ON c.kr_id = k.id " \
	"LEFT JOIN kpi_sample s ON s.id = " KPI_LATEST_ID("k.kpi_id")
#define KR_VALUE "CASE WHEN k.kpi_id IS NULL THEN c.value ELSE s.value END"
#define KR_SELECT \
	"SELECT k.id, k.objective_id, k.title, COALESCE(k.owner_id, 0), COALESCE(p.login, ''), k.weight, " \
	"k.due_day, k.type, k.start_value, k.target_value, k.direction, k.unit, k.decimals, k.frequency, " \
	"COALESCE(k.kpi_id, 0), k.version, k.archived, " \
	KR_VALUE ", " \
	"COALESCE(c.confidence, -1), " \
	"CASE WHEN k.kpi_id IS NULL THEN c.at ELSE s.at END, k.created_at, " \
	"k.terms_by IS NULL OR k.terms_by IS NOT DISTINCT FROM k.owner_id " \
	"FROM key_result k LEFT JOIN person p ON p.id = k.owner_id " KR_LATEST
/* Only what progress is made of (okr_kr_progress, okr_rollup): for
 * read_team.c, which may need every key result of a large cycle. */
#define KR_PROGRESS_SELECT \
	"SELECT k.id, k.objective_id, k.weight, k.type, k.start_value, k.target_value, k.direction, " \
	"CASE WHEN k.kpi_id IS NULL THEN c.value " \
	"ELSE (SELECT value FROM kpi_sample WHERE id = " KPI_LATEST_ID("k.kpi_id") ") END " \
	"FROM key_result k LEFT JOIN checkin_latest c ON c.kr_id = k.id"

static void kr_row(db_stmt *st, okr_kr *k)
{
	k->id = db_column_int64(st, 0);
	k->objective_id = db_column_int64(st, 1);
	k->title = store_col_text(st, 2);
	k->owner_id = db_column_int64(st, 3);
	k->owner = store_col_text(st, 4);
	k->weight = db_column_double(st, 5);
	k->due = db_column_int(st, 6);
	k->type = store_col_word(st, 7, &okr_kr_types, KR_METRIC);
	k->start = db_column_double(st, 8);
	k->target = db_column_double(st, 9);
	k->dir = store_col_word(st, 10, &okr_directions, DIR_AT_LEAST);
	k->unit = store_col_text(st, 11);
	k->decimals = db_column_int(st, 12);
	k->every = store_col_word(st, 13, &okr_frequencies, FREQ_WEEKLY);
	k->kpi_id = db_column_int64(st, 14);
	k->version = db_column_int64(st, 15);
	k->archived = db_column_int(st, 16) != 0;
	k->has_value = db_column_type(st, 17) != DB_NULL;
	k->current = k->has_value ? db_column_double(st, 17) : 0;
	k->confidence = db_column_int(st, 18);
	k->last_at = db_column_int64(st, 19);
	k->created_at = db_column_int64(st, 20);
	k->self_set = db_column_int(st, 21) != 0;
}

/* ---- KPIs ---- */

#define KPI_SELECT \
	"SELECT k.id, k.name, k.unit, k.target, k.direction, k.timeframe, k.source, k.frequency, " \
	"COALESCE(k.owner_id, 0), COALESCE(p.login, ''), k.version, s.value, s.at " \
	"FROM kpi k LEFT JOIN person p ON p.id = k.owner_id " \
	"LEFT JOIN kpi_sample s ON s.id = " KPI_LATEST_ID("k.id")

static void kpi_row(db_stmt *st, okr_kpi *k)
{
	k->id = db_column_int64(st, 0);
	k->name = store_col_text(st, 1);
	k->unit = store_col_text(st, 2);
	k->target = db_column_double(st, 3);
	k->dir = store_col_word(st, 4, &okr_directions, DIR_AT_LEAST);
	k->timeframe = store_col_text(st, 5);
	k->source = store_col_text(st, 6);
	k->every = store_col_word(st, 7, &okr_frequencies, FREQ_WEEKLY);
	k->owner_id = db_column_int64(st, 8);
	k->owner = store_col_text(st, 9);
	k->version = db_column_int64(st, 10);
	k->has_value = db_column_type(st, 11) != DB_NULL;
	k->latest = k->has_value ? db_column_double(st, 11) : 0;
	k->last_at = db_column_int64(st, 12);
}

/*
 * Run a query and collect its rows into a growing array: one loop for every
 * list the store hands out.
 */
typedef void (*row_fn)(db_stmt *st, void *elem);

static okr_result collect(okr_store *s, db_stmt *st, row_fn fn, size_t size,
			  void **out, size_t *n)
{
	size_t cap = 0, len = 0;
	char *v = NULL;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		okr_xgrow(&v, &cap, len + 1, size);
		memset(v + len * size, 0, size);
		fn(st, v + len * size);
		len++;
	}
	store_done(s, st);
	*out = v;
	*n = len;
	if (rc != DB_DONE)
		return store_sqlerr(s, rc, _("reading"));
	return OKR_OK;
}

static void person_fn(db_stmt *st, void *e) { store_person_row(st, e); }
static void cycle_fn(db_stmt *st, void *e) { cycle_row(st, e); }
static void obj_fn(db_stmt *st, void *e) { obj_row(st, e); }
static void kr_fn(db_stmt *st, void *e) { kr_row(st, e); }
static void kpi_fn(db_stmt *st, void *e) { kpi_row(st, e); }
static void team_fn(db_stmt *st, void *e)
{
	okr_team *t = e;
	t->id = db_column_int64(st, 0);
	t->name = store_col_text(st, 1);
	t->parent_id = db_column_int64(st, 2);
}

struct snap_ctx {
	int64_t cycle_id;
	bool archived;
	int64_t owner;            /* not 0: only the key results this person owns (-1: nobody) */
	okr_snapshot *snap;
};

#define COLLECT(s, sql, fn, arr, n) \
	((st = store_prepare((s), (sql))) ? collect((s), st, (fn), sizeof *(arr), (void **)&(arr), &(n)) : OKR_E_FAIL)

/* The rest of a snapshot for one owner: the live key results of the cycle
 * they own, the objectives those belong to, and every KPI (an owner's list
 * of what is due reads no more; a key result scan, not the whole tree). */
static okr_result owned_txn(okr_store *s, struct snap_ctx *c)
{
	okr_snapshot *sn = c->snap;
	db_stmt *st = store_prepare(s, OBJ_SELECT " WHERE o.cycle_id = ?1 AND o.archived = 0 AND o.id IN "
				"(SELECT objective_id FROM key_result WHERE owner_id = ?2 AND archived = 0) ORDER BY o.id");
	okr_result r;
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, sn->cycle_id);
	db_bind_int64(st, 2, c->owner);
	if ((r = collect(s, st, obj_fn, sizeof *sn->objs, (void **)&sn->objs, &sn->nobjs)))
		return r;
	/* The owner's key results (a few in thousands) by a scan, each one's
	 * objective looked up by id, rather than every key result of the cycle
	 * walked through key_result_objective, which a join invites. */
	st = store_prepare(s, KR_SELECT " WHERE k.owner_id = ?2 AND k.archived = 0 AND (SELECT o.cycle_id FROM "
			   "objective o WHERE o.id = k.objective_id AND o.archived = 0) = ?1 ORDER BY k.objective_id, k.id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, sn->cycle_id);
	db_bind_int64(st, 2, c->owner);
	if ((r = collect(s, st, kr_fn, sizeof *sn->krs, (void **)&sn->krs, &sn->nkrs)))
		return r;
	return COLLECT(s, KPI_SELECT " ORDER BY k.id", kpi_fn, sn->kpis, sn->nkpis);
}

static okr_result snapshot_txn(okr_store *s, void *vctx)
{
	struct snap_ctx *c = vctx;
	okr_snapshot *sn = c->snap;
	db_stmt *st;
	okr_result r;

	if ((r = COLLECT(s, CYCLE_SELECT " ORDER BY start_day, id", cycle_fn, sn->cycles, sn->ncycles)))
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
	if ((r = COLLECT(s, "SELECT " "p.id, p.login, p.name, p.role, p.opt_out, "
			 "COALESCE((SELECT group_concat(t.name, ', ') FROM team_member m JOIN team t "
			 "ON t.id = m.team_id WHERE m.person_id = p.id), '') FROM person p ORDER BY p.login",
			 person_fn, sn->people, sn->npeople)))
		return r;
	if ((r = COLLECT(s, "SELECT id, name, COALESCE(parent_id, 0) FROM team ORDER BY name",
			 team_fn, sn->teams, sn->nteams)))
		return r;

	st = store_prepare(s, OBJ_SELECT " WHERE o.cycle_id = ?1 AND (o.archived = 0 OR ?2 <> 0) ORDER BY o.id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, sn->cycle_id);
	db_bind_int64(st, 2, c->archived);
	if ((r = collect(s, st, obj_fn, sizeof *sn->objs, (void **)&sn->objs, &sn->nobjs)))
		return r;

	st = store_prepare(s, KR_SELECT " WHERE k.objective_id IN (SELECT id FROM objective WHERE cycle_id = ?1) "
			   "AND (k.archived = 0 OR ?2 <> 0) ORDER BY k.objective_id, k.id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, sn->cycle_id);
	db_bind_int64(st, 2, c->archived);
	if ((r = collect(s, st, kr_fn, sizeof *sn->krs, (void **)&sn->krs, &sn->nkrs)))
		return r;
	return COLLECT(s, KPI_SELECT " ORDER BY k.id", kpi_fn, sn->kpis, sn->nkpis);
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
		      row_fn fn, void *out, const char *what, const char *shown)
{
	db_stmt *st = store_prepare(s, sql);
	if (!st)
		return OKR_E_FAIL;
	if (name)
		db_bind_text(st, 1, name, -1);
	else
		db_bind_int64(st, 1, id);
	int rc = db_step(st);
	okr_result r = OKR_OK;
	if (rc == DB_ROW)
		fn(st, out);
	else if (rc == DB_DONE)
		r = store_fail(s, OKR_E_NOTFOUND, _("no %s %s — `okr list` shows what there is"), what, shown);
	else
		r = store_sqlerr(s, rc, _("reading"));
	store_done(s, st);
	return r;
}

okr_result okr_store_cycle_by_name(okr_store *s, const char *name, okr_cycle *out)
{
	memset(out, 0, sizeof *out);
	okr_result r = one(s, CYCLE_SELECT " WHERE name = ?1", 0, name, cycle_fn, out, _("cycle"), name);
	int64_t id;
	if (r == OKR_E_NOTFOUND && (id = store_cycle_ref(s, name)))   /* "2026-q4" for "2026-Q4" */
		return one(s, CYCLE_SELECT " WHERE id = ?1", id, NULL, cycle_fn, out, _("cycle"), name);
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
	db_stmt *st = store_prepare(s, CYCLE_SELECT " ORDER BY start_day, id");
	okr_result r = st ? collect(s, st, cycle_fn, sizeof *v, (void **)&v, &n) : OKR_E_FAIL;
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
	return one(s, OBJ_SELECT " WHERE o.id = ?1", id, NULL, obj_fn, out, _("objective"), shown);
}

okr_result okr_store_kr(okr_store *s, int64_t id, okr_kr *out)
{
	char shown[32];
	snprintf(shown, sizeof shown, "K%lld", (long long)id);
	memset(out, 0, sizeof *out);
	return one(s, KR_SELECT " WHERE k.id = ?1", id, NULL, kr_fn, out, _("key result"), shown);
}

okr_result okr_store_kpi(okr_store *s, int64_t id, okr_kpi *out)
{
	char shown[32];
	snprintf(shown, sizeof shown, "KPI%lld", (long long)id);
	memset(out, 0, sizeof *out);
	return one(s, KPI_SELECT " WHERE k.id = ?1", id, NULL, kpi_fn, out, _("KPI"), shown);
}

okr_result okr_store_kpi_by_name(okr_store *s, const char *name, okr_kpi *out)
{
	memset(out, 0, sizeof *out);
	okr_result r = one(s, KPI_SELECT " WHERE k.name = ?1", 0, name, kpi_fn, out, _("KPI"), name);
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
