/*
 * history.c — the append-only records (check-ins, KPI samples), comments,
 * kudos, grades and the audit trail, read back as copies.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/util.h"
#include "store_int.h"

/* Step a prepared statement and grow *out row by row. */
#define COLLECT_ROWS(st, T, out, n, body) do { \
	size_t cap_ = 0; int rc_; \
	*(out) = NULL; *(n) = 0; \
	while ((rc_ = db_step(st)) == DB_ROW) { \
		okr_xgrow((out), &cap_, *(n) + 1, sizeof(T)); \
		T *e = &(*(out))[(*(n))++]; \
		memset(e, 0, sizeof *e); \
		body; \
	} \
	store_done(s, st); \
	if (rc_ != DB_DONE) return store_sqlerr(s, rc_, _("reading history")); \
} while (0)

/* No limit is the largest one: PostgreSQL refuses SQLite's LIMIT -1. */
static int64_t limit_of(size_t limit)
{
	return limit ? (int64_t)limit : INT64_MAX;
}

okr_result okr_store_checkins(okr_store *s, int64_t kr_id, size_t limit, okr_checkin **out, size_t *n)
{
	db_stmt *st = store_prepare(s,
		"SELECT c.id, c.kr_id, p.login, c.value, COALESCE(c.confidence, -1), c.note, c.at "
		"FROM checkin c JOIN person p ON p.id = c.author_id WHERE c.kr_id = ?1 "
		"ORDER BY c.at DESC, c.id DESC LIMIT ?2");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, kr_id);
	db_bind_int64(st, 2, limit_of(limit));
	COLLECT_ROWS(st, okr_checkin, out, n, {
		e->id = db_column_int64(st, 0);
		e->kr_id = db_column_int64(st, 1);
		e->author = store_col_text(st, 2);
		e->value = db_column_double(st, 3);
		e->confidence = db_column_int(st, 4);
		e->note = store_col_text(st, 5);
		e->at = db_column_int64(st, 6);
	});
	return OKR_OK;
}

okr_result okr_store_samples(okr_store *s, int64_t kpi_id, size_t limit, okr_sample **out, size_t *n)
{
	db_stmt *st = store_prepare(s,
		"SELECT x.id, x.kpi_id, p.login, x.value, x.note, x.at "
		"FROM kpi_sample x JOIN person p ON p.id = x.author_id WHERE x.kpi_id = ?1 "
		"ORDER BY x.at DESC, x.id DESC LIMIT ?2");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, kpi_id);
	db_bind_int64(st, 2, limit_of(limit));
	COLLECT_ROWS(st, okr_sample, out, n, {
		e->id = db_column_int64(st, 0);
		e->kpi_id = db_column_int64(st, 1);
		e->author = store_col_text(st, 2);
		e->value = db_column_double(st, 3);
		e->note = store_col_text(st, 4);
		e->at = db_column_int64(st, 5);
	});
	return OKR_OK;
}

okr_result okr_store_comments(okr_store *s, char kind, int64_t id, okr_comment **out, size_t *n)
{
	db_stmt *st = store_prepare(s,
		"SELECT c.id, c.target_kind, c.target_id, p.login, c.text, c.at "
		"FROM comment c JOIN person p ON p.id = c.author_id "
		"WHERE c.target_kind = ?1 AND c.target_id = ?2 ORDER BY c.at, c.id");
	if (!st)
		return OKR_E_FAIL;
	char k[2] = { kind, 0 };
	db_bind_text(st, 1, k, 1);
	db_bind_int64(st, 2, id);
	COLLECT_ROWS(st, okr_comment, out, n, {
		e->id = db_column_int64(st, 0);
		const char *tk = db_column_text(st, 1);
		e->target_kind = tk ? (char)tk[0] : 'K';
		e->target_id = db_column_int64(st, 2);
		e->author = store_col_text(st, 3);
		e->text = store_col_text(st, 4);
		e->at = db_column_int64(st, 5);
	});
	return OKR_OK;
}

okr_result okr_store_kudos_list(okr_store *s, okr_time since, size_t limit, okr_kudos **out, size_t *n)
{
	db_stmt *st = store_prepare(s,
		"SELECT k.id, f.login, t.login, k.text, COALESCE(k.kr_id, 0), k.at "
		"FROM kudos k JOIN person f ON f.id = k.from_id JOIN person t ON t.id = k.to_id "
		"WHERE k.at >= ?1 ORDER BY k.at DESC, k.id DESC LIMIT ?2");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, since);
	db_bind_int64(st, 2, limit_of(limit));
	COLLECT_ROWS(st, okr_kudos, out, n, {
		e->id = db_column_int64(st, 0);
		e->from = store_col_text(st, 1);
		e->to = store_col_text(st, 2);
		e->text = store_col_text(st, 3);
		e->kr_id = db_column_int64(st, 4);
		e->at = db_column_int64(st, 5);
	});
	return OKR_OK;
}

okr_result okr_store_kudos_about(okr_store *s, int64_t kr_id, const char *to, size_t limit,
				 okr_kudos **out, size_t *n)
{
	/* One statement per case, so that each uses its index (schema 6). */
	db_stmt *st = store_prepare(s, kr_id
		? "SELECT k.id, f.login, t.login, k.text, COALESCE(k.kr_id, 0), k.at "
		  "FROM kudos k JOIN person f ON f.id = k.from_id JOIN person t ON t.id = k.to_id "
		  "WHERE k.kr_id = ?1 AND (CAST(?2 AS TEXT) IS NULL OR t.login = ?2) ORDER BY k.at DESC, k.id DESC LIMIT ?3"
		: "SELECT k.id, f.login, t.login, k.text, COALESCE(k.kr_id, 0), k.at "
		  "FROM kudos k JOIN person f ON f.id = k.from_id JOIN person t ON t.id = k.to_id "
		  "WHERE k.to_id = (SELECT id FROM person WHERE login = ?2) AND ?1 = 0 "
		  "ORDER BY k.at DESC, k.id DESC LIMIT ?3");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, kr_id);
	if (to)
		db_bind_text(st, 2, to, -1);
	else
		db_bind_null(st, 2);
	db_bind_int64(st, 3, limit_of(limit));
	COLLECT_ROWS(st, okr_kudos, out, n, {
		e->id = db_column_int64(st, 0);
		e->from = store_col_text(st, 1);
		e->to = store_col_text(st, 2);
		e->text = store_col_text(st, 3);
		e->kr_id = db_column_int64(st, 4);
		e->at = db_column_int64(st, 5);
	});
	return OKR_OK;
}

okr_result okr_store_grade_get(okr_store *s, int64_t kr_id, okr_grade *out)
{
	memset(out, 0, sizeof *out);
	db_stmt *st = store_prepare(s,
		"SELECT g.kr_id, g.score, g.note, p.login, g.at FROM grade g "
		"JOIN person p ON p.id = g.author_id WHERE g.kr_id = ?1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, kr_id);
	int rc = db_step(st);
	okr_result r = OKR_OK;
	if (rc == DB_ROW) {
		out->kr_id = db_column_int64(st, 0);
		out->score = db_column_double(st, 1);
		out->note = store_col_text(st, 2);
		out->author = store_col_text(st, 3);
		out->at = db_column_int64(st, 4);
	} else if (rc == DB_DONE) {
		r = store_fail(s, OKR_E_NOTFOUND, _("K%lld has no grade yet"), (long long)kr_id);
	} else {
		r = store_sqlerr(s, rc, _("reading a grade"));
	}
	store_done(s, st);
	return r;
}

okr_result okr_store_last_change(okr_store *s, char kind, int64_t id, char *who, size_t wholen,
				 okr_time *at)
{
	db_stmt *st = store_prepare(s,
		"SELECT COALESCE(p.login, '?'), a.at FROM audit a LEFT JOIN person p ON p.id = a.person_id "
		"WHERE a.entity = ?1 AND a.entity_id = ?2 ORDER BY a.id DESC LIMIT 1");
	if (!st)
		return OKR_E_FAIL;
	char k[2] = { kind, 0 };
	db_bind_text(st, 1, k, 1);
	db_bind_int64(st, 2, id);
	okr_result r = OKR_E_NOTFOUND;
	if (db_step(st) == DB_ROW) {
		okr_strlcpy(who, db_column_text(st, 0), wholen);
		*at = db_column_int64(st, 1);
		r = OKR_OK;
	}
	store_done(s, st);
	return r;
}

okr_result store_audit(okr_store *s, const char *action, char kind, int64_t id, const char *detail)
{
	db_stmt *st = store_prepare(s,
		"INSERT INTO audit(at, person_id, action, entity, entity_id, detail) "
		"VALUES(?1, (SELECT id FROM person WHERE login = ?2), ?3, ?4, ?5, ?6)");
	if (!st)
		return OKR_E_FAIL;
	char k[2] = { kind, 0 };
	db_bind_int64(st, 1, okr_now());
	db_bind_text(st, 2, s->me.login, -1);
	db_bind_text_static(st, 3, action, -1);
	db_bind_text(st, 4, k, 1);
	db_bind_int64(st, 5, id);
	db_bind_text(st, 6, detail ? detail : "", -1);
	int rc = db_step(st);
	store_done(s, st);
	return rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, _("recording the change"));
}

