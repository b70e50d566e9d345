/*
 * load.c — see dump.h: a dump written into the database in one transaction.
 *
 * Records are inserted with plain SQL rather than through the public write
 * functions, because an import restores what happened — who checked in what
 * and when, a cycle that is already closed — which those functions rightly
 * refuse to fake.  That is why only an admin may run it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/dump.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/util.h"
#include "store_int.h"
#include "load_int.h"

static int cmp_pair(const void *a, const void *b)
{
	const id_pair *x = a, *y = b;
	return x->from < y->from ? -1 : x->from > y->from;
}

static void map_build(id_map *m, size_t n, const okr_load_item *items, int64_t (*key)(const void *, size_t),
		      const void *arr)
{
	m->v = okr_xcalloc(n ? n : 1, sizeof *m->v);
	m->n = n;
	for (size_t i = 0; i < n; i++)
		m->v[i] = (id_pair){ key(arr, i), items[i].id };
	qsort(m->v, n, sizeof *m->v, cmp_pair);
}

int64_t load_map_get(const id_map *m, int64_t from)
{
	id_pair k = { from, 0 };
	const id_pair *p = m->n ? bsearch(&k, m->v, m->n, sizeof *m->v, cmp_pair) : NULL;
	return p ? p->to : 0;
}

static int64_t key_cycle(const void *a, size_t i) { return ((const okr_cycle *)a)[i].id; }
static int64_t key_team(const void *a, size_t i) { return ((const okr_team *)a)[i].id; }
static int64_t key_kpi(const void *a, size_t i) { return ((const okr_kpi *)a)[i].id; }
static int64_t key_obj(const void *a, size_t i) { return ((const okr_objective *)a)[i].id; }
static int64_t key_kr(const void *a, size_t i) { return ((const okr_kr *)a)[i].id; }


okr_result load_at_fault(load_ctx *c, okr_load_kind kind, size_t i, okr_result r)
{
	c->rep->fail_kind = kind;
	c->rep->fail_index = (long)i;
	return r;
}

void load_mark(load_ctx *c, okr_load_kind kind, size_t i, bool created, int64_t id)
{
	c->rep->items[kind][i] = (okr_load_item){ created, id };
	if (created)
		c->rep->created[kind]++;
	else
		c->rep->kept[kind]++;
}

/* The inserts that may keep the file's ids (?1 NULL: a new one).  SQLite
 * gives a NULL id the next rowid; PostgreSQL must be asked its sequence. */
#define NEW_ID_PG(table) "COALESCE(?1, nextval(pg_get_serial_sequence('" table "', 'id')))"
#define KPI_INSERT(id) \
	"INSERT INTO kpi(id, name, unit, target, direction, timeframe, source, frequency, owner_id, " \
	"created_at) VALUES(" id ", ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULLIF(?9, 0), ?10) RETURNING id"
#define OBJ_INSERT(id) \
	"INSERT INTO objective(id, cycle_id, title, description, owner_id, team_id, kind, state, weight, " \
	"archived, created_at) VALUES(" id ", ?2, ?3, ?4, NULLIF(?5, 0), NULLIF(?6, 0), ?7, ?8, ?9, ?10, ?11) " \
	"RETURNING id"
#define KR_INSERT(id) \
	"INSERT INTO key_result(id, objective_id, title, owner_id, weight, due_day, type, start_value, " \
	"target_value, direction, unit, decimals, frequency, kpi_id, archived, created_at) " \
	"VALUES(" id ", ?2, ?3, NULLIF(?4, 0), ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, NULLIF(?14, 0), ?15, ?16) " \
	"RETURNING id"
static const db_sql_pair kpi_insert = { KPI_INSERT("?1"), KPI_INSERT(NEW_ID_PG("kpi")) };
static const db_sql_pair obj_insert = { OBJ_INSERT("?1"), OBJ_INSERT(NEW_ID_PG("objective")) };
static const db_sql_pair kr_insert = { KR_INSERT("?1"), KR_INSERT(NEW_ID_PG("key_result")) };

bool load_step_ok(okr_store *s, db_stmt *st, int *rc)
{
	*rc = db_step(st);
	store_done(s, st);
	return *rc == DB_DONE;
}

bool load_insert_ok(okr_store *s, db_stmt *st, int *rc, int64_t *id)
{
	*rc = db_step_id(st, id);
	store_done(s, st);
	return *rc == DB_DONE;
}

/* A person by login, or a failure naming the record. */
okr_result load_person(load_ctx *c, okr_store *s, const char *login, bool optional, okr_load_kind kind,
			 size_t i, int64_t *id)
{
	*id = 0;
	if (optional && (!login || !*login))
		return OKR_OK;
	*id = store_person_id(s, login ? login : "");
	if (*id)
		return OKR_OK;
	return load_at_fault(c, kind, i, store_fail(s, OKR_E_USAGE, _("no person '%s' in the file or the database — "
								 "add a person row for them"), login ? login : ""));
}

static okr_result load_cycles(load_ctx *c, okr_store *s)
{
	bool had_current = store_id_by_text(s, "SELECT id FROM cycle WHERE is_current <> 0 AND ?1 = ''", "") != 0;
	for (size_t i = 0; i < c->d->ncycles; i++) {
		const okr_cycle *cy = &c->d->cycles[i];
		int64_t id = store_id_by_text(s, "SELECT id FROM cycle WHERE name = ?1", cy->name);
		if (id) {
			load_mark(c, LOAD_CYCLE, i, false, id);
			continue;
		}
		db_stmt *st = store_prepare(s,
			"INSERT INTO cycle(name, start_day, end_day, state, is_current) VALUES(?1, ?2, ?3, ?4, ?5) "
			"RETURNING id");
		if (!st)
			return OKR_E_FAIL;
		db_bind_text(st, 1, cy->name, -1);
		db_bind_int64(st, 2, cy->start);
		db_bind_int64(st, 3, cy->end);
		db_bind_text_static(st, 4, okr_wire(&okr_cycle_states, cy->state), -1);
		db_bind_int64(st, 5, cy->current && !had_current);
		int rc;
		int64_t nid;
		if (!load_insert_ok(s, st, &rc, &nid))
			return load_at_fault(c, LOAD_CYCLE, i, store_sqlerr(s, rc, _("adding a cycle")));
		okr_result r = store_cycle_overlap_check(s, nid, cy->name, cy->start, cy->end);
		if (r)
			return load_at_fault(c, LOAD_CYCLE, i, r);
		load_mark(c, LOAD_CYCLE, i, true, nid);
	}
	map_build(&c->cycles, c->d->ncycles, c->rep->items[LOAD_CYCLE], key_cycle, c->d->cycles);
	return OKR_OK;
}

static okr_result load_teams(load_ctx *c, okr_store *s)
{
	const okr_dump *d = c->d;
	for (size_t i = 0; i < d->nteams; i++) {
		int64_t id = store_id_by_text(s, "SELECT id FROM team WHERE name = ?1", d->teams[i].name);
		if (id) {
			load_mark(c, LOAD_TEAM, i, false, id);
			continue;
		}
		db_stmt *st = store_prepare(s, "INSERT INTO team(name) VALUES(?1) RETURNING id");
		if (!st)
			return OKR_E_FAIL;
		db_bind_text(st, 1, d->teams[i].name, -1);
		int rc;
		int64_t nid;
		if (!load_insert_ok(s, st, &rc, &nid))
			return load_at_fault(c, LOAD_TEAM, i, store_sqlerr(s, rc, _("adding a team")));
		load_mark(c, LOAD_TEAM, i, true, nid);
	}
	map_build(&c->teams, d->nteams, c->rep->items[LOAD_TEAM], key_team, d->teams);
	/* Parents once every team exists: a file may list a child first. */
	for (size_t i = 0; i < d->nteams; i++) {
		if (!c->rep->items[LOAD_TEAM][i].created || !d->teams[i].parent_id)
			continue;
		db_stmt *st = store_prepare(s, "UPDATE team SET parent_id = ?2 WHERE id = ?1");
		if (!st)
			return OKR_E_FAIL;
		db_bind_int64(st, 1, c->rep->items[LOAD_TEAM][i].id);
		db_bind_int64(st, 2, load_map_get(&c->teams, d->teams[i].parent_id));
		int rc;
		if (!load_step_ok(s, st, &rc))
			return load_at_fault(c, LOAD_TEAM, i, store_sqlerr(s, rc, _("linking a team to its parent")));
	}
	return OKR_OK;
}

static okr_result load_people(load_ctx *c, okr_store *s)
{
	const okr_dump *d = c->d;
	for (size_t i = 0; i < d->npeople; i++) {
		const okr_person *p = &d->people[i];
		int64_t id = store_person_id(s, p->login);
		if (id) {
			load_mark(c, LOAD_PERSON, i, false, id);
			continue;
		}
		db_stmt *st = store_prepare(s,
			"INSERT INTO person(login, name, role, opt_out, created_at) VALUES(?1, ?2, ?3, ?4, ?5) "
			"RETURNING id");
		if (!st)
			return OKR_E_FAIL;
		db_bind_text(st, 1, p->login, -1);
		db_bind_text(st, 2, p->name, -1);
		db_bind_text_static(st, 3, okr_wire(&okr_roles, p->role), -1);
		db_bind_int64(st, 4, p->opt_out);
		db_bind_int64(st, 5, okr_now());
		int rc;
		int64_t nid;
		if (!load_insert_ok(s, st, &rc, &nid))
			return load_at_fault(c, LOAD_PERSON, i, store_sqlerr(s, rc, _("adding a person")));
		load_mark(c, LOAD_PERSON, i, true, nid);
	}
	for (size_t i = 0; i < d->nmembers; i++) {
		int64_t team = store_id_by_text(s, "SELECT id FROM team WHERE name = ?1", d->members[i].team), who;
		okr_result r = load_person(c, s, d->members[i].login, false, LOAD_MEMBER, i, &who);
		if (r)
			return r;
		if (!team)
			return load_at_fault(c, LOAD_MEMBER, i, store_fail(s, OKR_E_USAGE, _("no team '%s' in the file "
				"or the database — add a team row for it"), d->members[i].team));
		db_stmt *st = store_prepare(s, "INSERT INTO team_member(team_id, person_id) VALUES(?1, ?2) "
						    "ON CONFLICT DO NOTHING");
		if (!st)
			return OKR_E_FAIL;
		db_bind_int64(st, 1, team);
		db_bind_int64(st, 2, who);
		int rc;
		if (!load_step_ok(s, st, &rc))
			return load_at_fault(c, LOAD_MEMBER, i, store_sqlerr(s, rc, _("adding a team member")));
		load_mark(c, LOAD_MEMBER, i, db_changes(s->db) > 0, 0);
	}
	return OKR_OK;
}

static okr_result load_kpis(load_ctx *c, okr_store *s, bool keep_ids)
{
	const okr_dump *d = c->d;
	for (size_t i = 0; i < d->nkpis; i++) {
		const okr_kpi *k = &d->kpis[i];
		int64_t id = store_id_by_text(s, "SELECT id FROM kpi WHERE name = ?1", k->name), owner;
		if (id) {
			load_mark(c, LOAD_KPI, i, false, id);
			continue;
		}
		okr_result r = load_person(c, s, k->owner, true, LOAD_KPI, i, &owner);
		if (r)
			return r;
		db_stmt *st = store_prepare(s, db_sql_pick(s->db, &kpi_insert));
		if (!st)
			return OKR_E_FAIL;
		if (keep_ids)
			db_bind_int64(st, 1, k->id);
		db_bind_text(st, 2, k->name, -1);
		db_bind_text(st, 3, k->unit, -1);
		db_bind_double(st, 4, k->target);
		db_bind_text_static(st, 5, okr_wire(&okr_directions, k->dir), -1);
		db_bind_text(st, 6, k->timeframe, -1);
		db_bind_text(st, 7, k->source, -1);
		db_bind_text_static(st, 8, okr_wire(&okr_frequencies, k->every), -1);
		db_bind_int64(st, 9, owner);
		db_bind_int64(st, 10, okr_now());
		int rc;
		int64_t nid;
		if (!load_insert_ok(s, st, &rc, &nid))
			return load_at_fault(c, LOAD_KPI, i, store_sqlerr(s, rc, _("adding a KPI")));
		load_mark(c, LOAD_KPI, i, true, nid);
	}
	map_build(&c->kpis, d->nkpis, c->rep->items[LOAD_KPI], key_kpi, d->kpis);
	return OKR_OK;
}

static bool used(load_ctx *c, int64_t id)
{
	for (size_t i = 0; i < c->nused; i++)
		if (c->used[i] == id)
			return true;
	return false;
}

/* The first row of st (an existing ID up to max) not matched before.
 * Objectives and key results share the list: key results as negative IDs. */
static int64_t first_unused(load_ctx *c, okr_store *s, db_stmt *st, int sign)
{
	int64_t id = 0;
	while (db_step(st) == DB_ROW) {
		int64_t cand = db_column_int64(st, 0);
		if (!used(c, sign * cand)) {
			id = cand;
			break;
		}
	}
	store_done(s, st);
	if (id) {
		okr_xgrow(&c->used, &c->capused, c->nused + 1, sizeof *c->used);
		c->used[c->nused++] = sign * id;
	}
	return id;
}

static okr_result load_objectives(load_ctx *c, okr_store *s, bool keep_ids)
{
	const okr_dump *d = c->d;
	for (size_t i = 0; i < d->nobjs; i++) {
		const okr_objective *o = &d->objs[i];
		int64_t cycle = load_map_get(&c->cycles, o->cycle_id), owner, team = 0;
		okr_result r = load_person(c, s, o->owner, true, LOAD_OBJECTIVE, i, &owner);
		if (r)
			return r;
		if (o->team[0] && !(team = store_id_by_text(s, "SELECT id FROM team WHERE name = ?1", o->team)))
			return load_at_fault(c, LOAD_OBJECTIVE, i, store_fail(s, OKR_E_USAGE, _("no team '%s' in the file "
				"or the database"), o->team));
		db_stmt *st = store_prepare(s,
			"SELECT id FROM objective WHERE cycle_id = ?1 AND title = ?2 "
			"AND owner_id IS NOT DISTINCT FROM NULLIF(?3, 0) "
			"AND team_id IS NOT DISTINCT FROM NULLIF(?4, 0) AND id <= ?5 ORDER BY id");
		if (!st)
			return OKR_E_FAIL;
		db_bind_int64(st, 1, cycle);
		db_bind_text(st, 2, o->title, -1);
		db_bind_int64(st, 3, owner);
		db_bind_int64(st, 4, team);
		db_bind_int64(st, 5, c->max_obj);
		int64_t id = first_unused(c, s, st, 1);
		if (id) {
			load_mark(c, LOAD_OBJECTIVE, i, false, id);
			continue;
		}
		st = store_prepare(s, db_sql_pick(s->db, &obj_insert));
		if (!st)
			return OKR_E_FAIL;
		if (keep_ids)
			db_bind_int64(st, 1, o->id);
		db_bind_int64(st, 2, cycle);
		db_bind_text(st, 3, o->title, -1);
		db_bind_text(st, 4, o->description, -1);
		db_bind_int64(st, 5, owner);
		db_bind_int64(st, 6, team);
		db_bind_text_static(st, 7, okr_wire(&okr_obj_kinds, o->kind), -1);
		db_bind_text_static(st, 8, okr_wire(&okr_obj_states, o->state), -1);
		db_bind_double(st, 9, o->weight);
		db_bind_int64(st, 10, o->archived);
		db_bind_int64(st, 11, okr_now());
		int rc;
		int64_t nid;
		if (!load_insert_ok(s, st, &rc, &nid))
			return load_at_fault(c, LOAD_OBJECTIVE, i, store_sqlerr(s, rc, _("adding an objective")));
		load_mark(c, LOAD_OBJECTIVE, i, true, nid);
	}
	map_build(&c->objs, d->nobjs, c->rep->items[LOAD_OBJECTIVE], key_obj, d->objs);
	for (size_t i = 0; i < d->nobjs; i++) {
		if (!c->rep->items[LOAD_OBJECTIVE][i].created || !d->objs[i].parent_id)
			continue;
		db_stmt *st = store_prepare(s, "UPDATE objective SET parent_id = ?2 WHERE id = ?1");
		if (!st)
			return OKR_E_FAIL;
		db_bind_int64(st, 1, c->rep->items[LOAD_OBJECTIVE][i].id);
		db_bind_int64(st, 2, load_map_get(&c->objs, d->objs[i].parent_id));
		int rc;
		if (!load_step_ok(s, st, &rc))
			return load_at_fault(c, LOAD_OBJECTIVE, i, store_sqlerr(s, rc, _("aligning an objective")));
	}
	return OKR_OK;
}

static okr_result load_krs(load_ctx *c, okr_store *s, bool keep_ids)
{
	const okr_dump *d = c->d;
	for (size_t i = 0; i < d->nkrs; i++) {
		const okr_kr *k = &d->krs[i];
		int64_t obj = load_map_get(&c->objs, k->objective_id), owner, id = 0;
		okr_result r = load_person(c, s, k->owner, true, LOAD_KR, i, &owner);
		if (r)
			return r;
		db_stmt *st = store_prepare(s,
			"SELECT id FROM key_result WHERE objective_id = ?1 AND title = ?2 AND id <= ?3 ORDER BY id");
		if (!st)
			return OKR_E_FAIL;
		db_bind_int64(st, 1, obj);
		db_bind_text(st, 2, k->title, -1);
		db_bind_int64(st, 3, c->max_kr);
		if ((id = first_unused(c, s, st, -1))) {
			load_mark(c, LOAD_KR, i, false, id);
			continue;
		}
		st = store_prepare(s, db_sql_pick(s->db, &kr_insert));
		if (!st)
			return OKR_E_FAIL;
		if (keep_ids)
			db_bind_int64(st, 1, k->id);
		db_bind_int64(st, 2, obj);
		db_bind_text(st, 3, k->title, -1);
		db_bind_int64(st, 4, owner);
		db_bind_double(st, 5, k->weight);
		db_bind_int64(st, 6, k->due);
		db_bind_text_static(st, 7, okr_wire(&okr_kr_types, k->type), -1);
		db_bind_double(st, 8, k->start);
		db_bind_double(st, 9, k->target);
		db_bind_text_static(st, 10, okr_wire(&okr_directions, k->dir), -1);
		db_bind_text(st, 11, k->unit, -1);
		db_bind_int64(st, 12, k->decimals);
		db_bind_text_static(st, 13, okr_wire(&okr_frequencies, k->every), -1);
		db_bind_int64(st, 14, k->kpi_id ? load_map_get(&c->kpis, k->kpi_id) : 0);
		db_bind_int64(st, 15, k->archived);
		db_bind_int64(st, 16, okr_now());
		int rc;
		int64_t nid;
		if (!load_insert_ok(s, st, &rc, &nid))
			return load_at_fault(c, LOAD_KR, i, store_sqlerr(s, rc, _("adding a key result")));
		load_mark(c, LOAD_KR, i, true, nid);
		/* Importing is adding: the same rule for who set it. */
		okr_result tr = store_kr_set_terms(s, nid);
		if (tr)
			return load_at_fault(c, LOAD_KR, i, tr);
	}
	map_build(&c->krs, d->nkrs, c->rep->items[LOAD_KR], key_kr, d->krs);
	return OKR_OK;
}

static int64_t max_id(okr_store *s, const char *sql)
{
	db_stmt *st = store_prepare(s, sql);
	int64_t v = 0;
	if (st && db_step(st) == DB_ROW)
		v = db_column_int64(st, 0);
	store_done(s, st);
	return v;
}

static void maps_free(load_ctx *c)
{
	free(c->cycles.v);
	free(c->teams.v);
	free(c->kpis.v);
	free(c->objs.v);
	free(c->krs.v);
	memset(&c->cycles, 0, sizeof c->cycles);
	memset(&c->teams, 0, sizeof c->teams);
	memset(&c->kpis, 0, sizeof c->kpis);
	memset(&c->objs, 0, sizeof c->objs);
	memset(&c->krs, 0, sizeof c->krs);
}

static void ctx_reset(load_ctx *c)
{
	maps_free(c);
	c->nused = 0;
	memset(c->rep->created, 0, sizeof c->rep->created);
	memset(c->rep->kept, 0, sizeof c->rep->kept);
	c->rep->fail_index = -1;
}

/* Report slots for every record of a part (a later part reuses them: only
 * the first part's records are listed one by one). */
static void items_fit(okr_load_report *rep, const okr_dump *d, size_t *cap)
{
	size_t counts[LOAD_NKINDS] = { d->ncycles, d->nteams, d->npeople, d->nmembers, d->nkpis, d->nobjs,
				       d->nkrs, d->ncheckins, d->nsamples, d->ncomments, d->nkudos, d->ngrades };
	for (int k = 0; k < LOAD_NKINDS; k++)
		if (!rep->items[k] || counts[k] > cap[k]) {
			cap[k] = counts[k] ? counts[k] : 1;
			rep->items[k] = okr_xrealloc(rep->items[k], cap[k] * sizeof *rep->items[k]);
		}
}

static okr_result load_first(load_ctx *c, okr_store *s)
{
	ctx_reset(c);   /* a busy retry runs the whole body again */
	c->max_obj = max_id(s, "SELECT COALESCE(max(id), 0) FROM objective");
	c->max_kr = max_id(s, "SELECT COALESCE(max(id), 0) FROM key_result");
	c->max_checkin = max_id(s, "SELECT COALESCE(max(id), 0) FROM checkin");
	c->max_sample = max_id(s, "SELECT COALESCE(max(id), 0) FROM kpi_sample");
	bool kpi_ids = max_id(s, "SELECT COALESCE(max(id), 0) FROM kpi") == 0;
	okr_result r;
	if ((r = load_cycles(c, s)) || (r = load_teams(c, s)) || (r = load_people(c, s)) ||
	    (r = load_kpis(c, s, kpi_ids)) || (r = load_objectives(c, s, c->max_obj == 0)) ||
	    (r = load_krs(c, s, c->max_kr == 0)) || (r = load_history_values(c, s)) || (r = load_history_feedback(c, s)))
		return r;
	return OKR_OK;
}

/* Streamed: the later parts, each written as it comes; the reader's error
 * (next < 0) rolls everything back like any other. */
static okr_result load_rest(load_ctx *c, okr_store *s)
{
	size_t cap[LOAD_NKINDS] = { 0 };
	const okr_dump *part;
	int got;
	while ((got = c->next(c->next_ctx, &part)) > 0) {
		c->d = part;
		items_fit(c->rep, part, cap);
		okr_result r;
		if ((r = load_history_values(c, s)) || (r = load_history_feedback(c, s)))
			return r;
	}
	c->d = NULL;
	if (got < 0)
		return store_fail(s, OKR_E_USAGE, "%s", _("the file could not be read to the end"));
	return OKR_OK;
}

static okr_result load_txn(okr_store *s, void *vctx)
{
	load_ctx *c = vctx;
	okr_result r;
	if (c->next) {
		if (c->started)
			return store_fail(s, OKR_E_DB, "%s", _("the database was busy in the middle of the "
				"import, which cannot start again — nothing was imported; run it again"));
		c->started = true;
	}
	/* A target without history yet may have its triggers set aside on
	 * either engine (ledger_bulk.c). */
	bool paused, fresh = max_id(s, "SELECT COALESCE(max(id), 0) FROM checkin") == 0 &&
			     max_id(s, "SELECT COALESCE(max(id), 0) FROM kpi_sample") == 0 &&
			     max_id(s, "SELECT COALESCE(max(id), 0) FROM kudos") == 0 &&
			     max_id(s, "SELECT COALESCE(max(id), 0) FROM comment") == 0;
	if ((r = store_bulk_begin(s, fresh, &paused)) || (r = load_first(c, s)) || (c->next && (r = load_rest(c, s))))
		return r;
	const size_t *made = c->rep->created;
	if (paused && (r = store_bulk_end(s, made[LOAD_CHECKIN] || made[LOAD_SAMPLE] || made[LOAD_KUDOS] ||
					     made[LOAD_COMMENT])))
		return r;
	char detail[160];
	snprintf(detail, sizeof detail, "%zu objectives, %zu key results, %zu check-ins",   /* i18n: not user-visible */
		 c->rep->created[LOAD_OBJECTIVE], c->rep->created[LOAD_KR], c->rep->created[LOAD_CHECKIN]);
	if ((r = store_audit(s, "import", 'S', 0, detail)))
		return r;
	if (c->dry_run) {
		/* Roll everything back: the report is complete, nothing is kept. */
		c->dry_done = true;
		return store_fail(s, OKR_E_FAIL, "dry run");   /* i18n: not user-visible */
	}
	return OKR_OK;
}

static okr_result load_run(okr_store *s, load_ctx *c)
{
	okr_load_report *rep = c->rep;
	if (s->me.role != ROLE_ADMIN)
		return store_fail(s, OKR_E_DENIED, _("only an admin can import (it adds people and teams) — "
						     "import into a new database, where you are the admin, or ask one"));
	size_t cap[LOAD_NKINDS] = { 0 };
	items_fit(rep, c->d, cap);
	/* One transaction of a million rows: a page cache of 32 MB (not the
	 * default 2 MB) keeps SQLite from spilling the same pages to the WAL
	 * again and again; memory stays bounded by it. */
	static const db_sql_pair big_cache = { "PRAGMA cache_size = -32768", "" };
	if (c->next && *db_sql_pick(s->db, &big_cache))
		db_exec(s->db, db_sql_pick(s->db, &big_cache));
	okr_result r = store_write(s, load_txn, c);
	maps_free(c);
	free(c->used);
	if (c->dry_done && r == OKR_E_FAIL) {
		s->err[0] = '\0';
		return OKR_OK;
	}
	return r;
}

okr_result okr_store_load(okr_store *s, const okr_dump *d, bool dry_run, okr_load_report *rep)
{
	memset(rep, 0, sizeof *rep);
	rep->fail_index = -1;
	load_ctx c = { .d = d, .rep = rep, .dry_run = dry_run };
	return load_run(s, &c);
}

okr_result okr_store_load_stream(okr_store *s, const okr_dump *first, okr_load_next next, void *ctx, bool dry_run,
				 okr_load_report *rep)
{
	memset(rep, 0, sizeof *rep);
	rep->fail_index = -1;
	load_ctx c = { .d = first, .rep = rep, .dry_run = dry_run, .next = next, .next_ctx = ctx };
	return load_run(s, &c);
}

void okr_load_report_free(okr_load_report *rep)
{
	for (int k = 0; k < LOAD_NKINDS; k++)
		free(rep->items[k]);
	memset(rep, 0, sizeof *rep);
}

const char *okr_load_kind_name(okr_load_kind k)
{
	static const char *const names[LOAD_NKINDS] = {
		N_("cycle"), N_("team"), N_("person"), N_("team member"), N_("KPI"), N_("objective"),
		N_("key result"), N_("check-in"), N_("KPI value"), N_("comment"), N_("kudos"), N_("grade")
	};
	return k < LOAD_NKINDS ? names[k] : "record";
}
