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

okr_result load_history_values(load_ctx *c, okr_store *s)
{
	const okr_dump *d = c->d;
	int rc;
	for (size_t i = 0; i < d->ncheckins; i++) {
		const okr_checkin *ci = &d->checkins[i];
		int64_t author;
		okr_result r = load_person(c, s, ci->author, false, LOAD_CHECKIN, i, &author);
		if (r)
			return r;
		db_stmt *st = store_prepare(s,
			"INSERT INTO checkin(uid, kr_id, author_id, value, confidence, note, at) "
			"VALUES(?1, ?2, ?3, ?4, NULLIF(?5, -1), ?6, ?7) ON CONFLICT(uid) DO NOTHING RETURNING id");
		if (!st)
			return OKR_E_FAIL;
		int64_t kr = load_map_get(&c->krs, ci->kr_id);
		if (!kr) {
			store_done(s, st);
			return missing(c, s, LOAD_CHECKIN, i, _("check-in `kr`: no key result with that ID in the file"));
		}
		db_bind_text(st, 1, ci->uid, -1);
		db_bind_int64(st, 2, kr);
		db_bind_int64(st, 3, author);
		db_bind_double(st, 4, ci->value);
		db_bind_int64(st, 5, ci->confidence);
		db_bind_text(st, 6, ci->note, -1);
		db_bind_int64(st, 7, ci->at);
		int64_t nid;
		if (!load_insert_ok(s, st, &rc, &nid))
			return load_at_fault(c, LOAD_CHECKIN, i, store_sqlerr(s, rc, _("adding a check-in")));
		bool made = nid != 0;
		if (!made && own_twice(s, "SELECT id FROM checkin WHERE uid = ?1", ci->uid, c->max_checkin))
			return missing(c, s, LOAD_CHECKIN, i, _("check-in: a second check-in with this uid"));
		load_mark(c, LOAD_CHECKIN, i, made, nid);
	}
	for (size_t i = 0; i < d->nsamples; i++) {
		const okr_sample *x = &d->samples[i];
		int64_t author;
		okr_result r = load_person(c, s, x->author, false, LOAD_SAMPLE, i, &author);
		if (r)
			return r;
		db_stmt *st = store_prepare(s,
			"INSERT INTO kpi_sample(uid, kpi_id, author_id, value, note, at) VALUES(?1, ?2, ?3, ?4, ?5, ?6) "
			"ON CONFLICT(uid) DO NOTHING RETURNING id");
		if (!st)
			return OKR_E_FAIL;
		int64_t kpi = load_map_get(&c->kpis, x->kpi_id);
		if (!kpi) {
			store_done(s, st);
			return missing(c, s, LOAD_SAMPLE, i, _("sample `kpi`: no KPI with that ID in the file"));
		}
		db_bind_text(st, 1, x->uid, -1);
		db_bind_int64(st, 2, kpi);
		db_bind_int64(st, 3, author);
		db_bind_double(st, 4, x->value);
		db_bind_text(st, 5, x->note, -1);
		db_bind_int64(st, 6, x->at);
		int64_t nid;
		if (!load_insert_ok(s, st, &rc, &nid))
			return load_at_fault(c, LOAD_SAMPLE, i, store_sqlerr(s, rc, _("adding a KPI value")));
		bool made = nid != 0;
		if (!made && own_twice(s, "SELECT id FROM kpi_sample WHERE uid = ?1", x->uid, c->max_sample))
			return missing(c, s, LOAD_SAMPLE, i, _("sample: a second KPI value with this uid"));
		load_mark(c, LOAD_SAMPLE, i, made, nid);
	}
	return OKR_OK;
}

okr_result load_history_feedback(load_ctx *c, okr_store *s)
{
	const okr_dump *d = c->d;
	int rc;
	for (size_t i = 0; i < d->ncomments; i++) {
		const okr_comment *x = &d->comments[i];
		int64_t author, target = load_map_get(x->target_kind == 'O' ? &c->objs : &c->krs, x->target_id);
		okr_result r = load_person(c, s, x->author, false, LOAD_COMMENT, i, &author);
		if (r)
			return r;
		if (!target)
			return missing(c, s, LOAD_COMMENT, i, _("comment `on`: no such objective or key result in the file"));
		char kind[2] = { x->target_kind, 0 };
		db_stmt *st = store_prepare(s,
			"INSERT INTO comment(target_kind, target_id, author_id, text, at) SELECT ?1, ?2, ?3, ?4, ?5 "
			"WHERE NOT EXISTS(SELECT 1 FROM comment WHERE target_kind = ?1 AND target_id = ?2 "
			"AND author_id = ?3 AND text = ?4 AND at = ?5)");
		if (!st)
			return OKR_E_FAIL;
		db_bind_text(st, 1, kind, 1);
		db_bind_int64(st, 2, target);
		db_bind_int64(st, 3, author);
		db_bind_text(st, 4, x->text, -1);
		db_bind_int64(st, 5, x->at);
		if (!load_step_ok(s, st, &rc))
			return load_at_fault(c, LOAD_COMMENT, i, store_sqlerr(s, rc, _("adding a comment")));
		load_mark(c, LOAD_COMMENT, i, db_changes(s->db) > 0, 0);
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
		if (!load_step_ok(s, st, &rc))
			return load_at_fault(c, LOAD_KUDOS, i, store_sqlerr(s, rc, _("adding kudos")));
		load_mark(c, LOAD_KUDOS, i, db_changes(s->db) > 0, 0);
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
		if (!load_step_ok(s, st, &rc))
			return load_at_fault(c, LOAD_GRADE, i, store_sqlerr(s, rc, _("adding a grade")));
		load_mark(c, LOAD_GRADE, i, db_changes(s->db) > 0, 0);
	}
	return OKR_OK;
}

