/*
 * history.c — the append-only records (check-ins, KPI samples), comments,
 * kudos, grades and the audit trail, read back as copies.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/util.h"
#include "store_int.h"

/* No limit is the largest one: PostgreSQL refuses SQLite's LIMIT -1. */
static int64_t limit_of(size_t limit)
{
	return limit ? (int64_t)limit : INT64_MAX;
}

/* The newest rows first of a query keyed by ?1 and cut at ?2 rows. */
static okr_result newest(okr_store *s, const char *sql, int64_t key, size_t limit, store_row_fn fn, size_t size,
			 void *out, size_t *n)
{
	db_stmt *st = store_prepare(s, sql);
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, key);
	db_bind_int64(st, 2, limit_of(limit));
	return store_collect(s, st, fn, size, out, n, _("reading history"));
}

okr_result okr_store_checkins(okr_store *s, int64_t kr_id, size_t limit, okr_checkin **out, size_t *n)
{
	return newest(s, STORE_CHECKIN_SELECT " WHERE c.kr_id = ?1 ORDER BY c.at DESC, c.id DESC LIMIT ?2", kr_id,
		      limit, store_checkin_row, sizeof **out, out, n);
}

okr_result okr_store_samples(okr_store *s, int64_t kpi_id, size_t limit, okr_sample **out, size_t *n)
{
	return newest(s, STORE_SAMPLE_SELECT " WHERE x.kpi_id = ?1 ORDER BY x.at DESC, x.id DESC LIMIT ?2", kpi_id,
		      limit, store_sample_row, sizeof **out, out, n);
}

okr_result okr_store_comments(okr_store *s, char kind, int64_t id, okr_comment **out, size_t *n)
{
	db_stmt *st = store_prepare(s,
		STORE_COMMENT_SELECT " WHERE c.target_kind = ?1 AND c.target_id = ?2 ORDER BY c.at, c.id");
	if (!st)
		return OKR_E_FAIL;
	store_bind_kind(st, 1, kind);
	db_bind_int64(st, 2, id);
	return store_collect(s, st, store_comment_row, sizeof **out, out, n, _("reading history"));
}

okr_result okr_store_kudos_list(okr_store *s, okr_time since, size_t limit, okr_kudos **out, size_t *n)
{
	return newest(s, STORE_KUDOS_SELECT " WHERE k.at >= ?1 ORDER BY k.at DESC, k.id DESC LIMIT ?2", since,
		      limit, store_kudos_row, sizeof **out, out, n);
}

okr_result okr_store_kudos_about(okr_store *s, int64_t kr_id, const char *to, size_t limit,
				 okr_kudos **out, size_t *n)
{
	/* One statement per case, so that each uses its index (schema 6). */
	db_stmt *st = store_prepare(s, kr_id
		? STORE_KUDOS_SELECT " WHERE k.kr_id = ?1 AND (CAST(?2 AS TEXT) IS NULL OR t.login = ?2) ORDER BY k.at DESC, k.id DESC LIMIT ?3"
		: STORE_KUDOS_SELECT " WHERE k.to_id = (SELECT id FROM person WHERE login = ?2) AND ?1 = 0 "
		  "ORDER BY k.at DESC, k.id DESC LIMIT ?3");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, kr_id);
	if (to)
		db_bind_text(st, 2, to, -1);
	else
		db_bind_null(st, 2);
	db_bind_int64(st, 3, limit_of(limit));
	return store_collect(s, st, store_kudos_row, sizeof **out, out, n, _("reading history"));
}

okr_result okr_store_grade_get(okr_store *s, int64_t kr_id, okr_grade *out)
{
	memset(out, 0, sizeof *out);
	db_stmt *st = store_prepare(s,
		STORE_GRADE_SELECT " WHERE g.kr_id = ?1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, kr_id);
	okr_result r = store_one_row(s, st, store_grade_row, out, _("reading a grade"));
	if (r == OKR_E_NOTFOUND)
		r = store_fail(s, OKR_E_NOTFOUND, _("K%lld has no grade yet"), (long long)kr_id);
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
	store_bind_kind(st, 1, kind);
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
	db_bind_int64(st, 1, okr_now());
	db_bind_text(st, 2, s->me.login, -1);
	db_bind_text_static(st, 3, action, -1);
	store_bind_kind(st, 4, kind);
	db_bind_int64(st, 5, id);
	db_bind_text(st, 6, detail ? detail : "", -1);
	return store_step_done(s, st, _("recording the change"));
}

