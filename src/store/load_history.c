/*
 * load_history.c — the history of an import (check-ins, KPI values,
 * comments, kudos, grades), written for the whole dump or, streamed, one
 * part at a time inside the same transaction (load.c).  Each record names
 * key results, objectives and KPIs by their IDs in the file, which the maps
 * of the first part turn into the database's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/util.h"
#include "load_int.h"

/* A later part of a streamed file names a record of the first part only by
 * its ID in the file; one the maps do not know is not in the file. */
static okr_result missing(load_ctx *c, okr_store *s, okr_load_kind kind, size_t i, const char *what)
{
	return load_at_fault(c, kind, i, store_fail(s, OKR_E_USAGE, "%s", what));
}

/* A uid already there is a match (importing twice adds nothing) unless this
 * import wrote it: then the file has it twice. */
static bool own_twice(okr_store *s, const char *sql, const char *uid, int64_t max)
{
	int64_t id = store_id_by_text(s, sql, uid);
	return id > max;
}

/* A check-in and a KPI value are written alike: the record's author and its
 * key result or KPI (by its ID in the file) looked up, the row inserted
 * unless its uid is already there. */
typedef struct {
	okr_load_kind kind;
	const char *insert;     /* ?1 uid, ?2 key result or KPI, ?3 author, ?4 value, ?5 note, ?6 time, ?7 confidence */
	const char *by_uid;
	const char *no_target, *twice, *doing;
} value_rec;

static const value_rec checkin_rec = {
	LOAD_CHECKIN,
	"INSERT INTO checkin(uid, kr_id, author_id, value, confidence, note, at) "
	"VALUES(?1, ?2, ?3, ?4, NULLIF(?7, -1), ?5, ?6) ON CONFLICT(uid) DO NOTHING RETURNING id",
	"SELECT id FROM checkin WHERE uid = ?1",
	N_("check-in `kr`: no key result with that ID in the file"),
	N_("check-in: a second check-in with this uid"), N_("adding a check-in"),
};
static const value_rec sample_rec = {
	LOAD_SAMPLE,
	"INSERT INTO kpi_sample(uid, kpi_id, author_id, value, note, at) VALUES(?1, ?2, ?3, ?4, ?5, ?6) "
	"ON CONFLICT(uid) DO NOTHING RETURNING id",
	"SELECT id FROM kpi_sample WHERE uid = ?1",
	N_("sample `kpi`: no KPI with that ID in the file"),
	N_("sample: a second KPI value with this uid"), N_("adding a KPI value"),
};

/* Record i as rec says; target is the database's ID (0: not in the file),
 * max the largest ID of the table before the import. */
static okr_result load_value(load_ctx *c, okr_store *s, const value_rec *rec, size_t i, const char *author_login,
			     int64_t target, int64_t max, const char *uid, double value, const char *note, okr_time at,
			     int confidence)
{
	int64_t author;
	okr_result r = load_person(c, s, author_login, false, rec->kind, i, &author);
	if (r)
		return r;
	if (!target)
		return missing(c, s, rec->kind, i, _(rec->no_target));
	db_stmt *st = store_prepare(s, rec->insert);
	if (!st)
		return OKR_E_FAIL;
	db_bind_text(st, 1, uid, -1);
	db_bind_int64(st, 2, target);
	db_bind_int64(st, 3, author);
	db_bind_double(st, 4, value);
	db_bind_text(st, 5, note, -1);
	db_bind_int64(st, 6, at);
	if (rec->kind == LOAD_CHECKIN)
		db_bind_int64(st, 7, confidence);
	int64_t nid;
	if ((r = load_insert(c, s, st, rec->kind, i, _(rec->doing), &nid)))
		return r;
	bool made = nid != 0;
	if (!made && own_twice(s, rec->by_uid, uid, max))
		return missing(c, s, rec->kind, i, _(rec->twice));
	load_mark(c, rec->kind, i, made, nid);
	return OKR_OK;
}

okr_result load_history_values(load_ctx *c, okr_store *s)
{
	const okr_dump *d = c->d;
	okr_result r;
	for (size_t i = 0; i < d->ncheckins; i++) {
		const okr_checkin *x = &d->checkins[i];
		if ((r = load_value(c, s, &checkin_rec, i, x->author, load_map_get(&c->krs, x->kr_id), c->max_checkin,
				    x->uid, x->value, x->note, x->at, x->confidence)))
			return r;
	}
	for (size_t i = 0; i < d->nsamples; i++) {
		const okr_sample *x = &d->samples[i];
		if ((r = load_value(c, s, &sample_rec, i, x->author, load_map_get(&c->kpis, x->kpi_id), c->max_sample,
				    x->uid, x->value, x->note, x->at, -1)))
			return r;
	}
	return OKR_OK;
}

okr_result load_history_feedback(load_ctx *c, okr_store *s)
{
	const okr_dump *d = c->d;
	for (size_t i = 0; i < d->ncomments; i++) {
		const okr_comment *x = &d->comments[i];
		int64_t author, target = load_map_get(x->target_kind == 'O' ? &c->objs : &c->krs, x->target_id);
		okr_result r = load_person(c, s, x->author, false, LOAD_COMMENT, i, &author);
		if (r)
			return r;
		if (!target)
			return missing(c, s, LOAD_COMMENT, i, _("comment `on`: no such objective or key result in the file"));
		db_stmt *st = store_prepare(s,
			"INSERT INTO comment(target_kind, target_id, author_id, text, at) SELECT ?1, ?2, ?3, ?4, ?5 "
			"WHERE NOT EXISTS(SELECT 1 FROM comment WHERE target_kind = ?1 AND target_id = ?2 "
			"AND author_id = ?3 AND text = ?4 AND at = ?5)");
		if (!st)
			return OKR_E_FAIL;
		store_bind_kind(st, 1, x->target_kind);
		db_bind_int64(st, 2, target);
		db_bind_int64(st, 3, author);
		db_bind_text(st, 4, x->text, -1);
		db_bind_int64(st, 5, x->at);
		if ((r = load_add(c, s, st, LOAD_COMMENT, i, _("adding a comment"))))
			return r;
	}
	for (size_t i = 0; i < d->nkudos; i++) {
		const okr_kudos *x = &d->kudos[i];
		int64_t from, to;
		okr_result r;
		if ((r = load_person(c, s, x->from, false, LOAD_KUDOS, i, &from)) ||
		    (r = load_person(c, s, x->to, false, LOAD_KUDOS, i, &to)))
			return r;
		if (x->kr_id && !load_map_get(&c->krs, x->kr_id))
			return missing(c, s, LOAD_KUDOS, i, _("kudos `kr`: no key result with that ID in the file"));
		db_stmt *st = store_prepare(s,
			"INSERT INTO kudos(from_id, to_id, text, kr_id, at) SELECT ?1, ?2, ?3, NULLIF(?4, 0), ?5 "
			"WHERE NOT EXISTS(SELECT 1 FROM kudos WHERE from_id = ?1 AND to_id = ?2 AND text = ?3 "
			"AND at = ?5)");
		if (!st)
			return OKR_E_FAIL;
		db_bind_int64(st, 1, from);
		db_bind_int64(st, 2, to);
		db_bind_text(st, 3, x->text, -1);
		db_bind_int64(st, 4, x->kr_id ? load_map_get(&c->krs, x->kr_id) : 0);
		db_bind_int64(st, 5, x->at);
		if ((r = load_add(c, s, st, LOAD_KUDOS, i, _("adding kudos"))))
			return r;
	}
	for (size_t i = 0; i < d->ngrades; i++) {
		const okr_grade *g = &d->grades[i];
		int64_t author;
		okr_result r = load_person(c, s, g->author, false, LOAD_GRADE, i, &author);
		if (r)
			return r;
		if (!load_map_get(&c->krs, g->kr_id))
			return missing(c, s, LOAD_GRADE, i, _("grade `kr`: no key result with that ID in the file"));
		db_stmt *st = store_prepare(s,
			"INSERT INTO grade(kr_id, score, note, author_id, at) VALUES(?1, ?2, ?3, ?4, ?5) "
			"ON CONFLICT(kr_id) DO NOTHING");
		if (!st)
			return OKR_E_FAIL;
		db_bind_int64(st, 1, load_map_get(&c->krs, g->kr_id));
		db_bind_double(st, 2, g->score);
		db_bind_text(st, 3, g->note, -1);
		db_bind_int64(st, 4, author);
		db_bind_int64(st, 5, g->at);
		if ((r = load_add(c, s, st, LOAD_GRADE, i, _("adding a grade"))))
			return r;
	}
	return OKR_OK;
}

