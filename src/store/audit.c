/*
 * audit.c — the audit trail read back (see audit.h).  Rows come newest
 * first by row id: every row is written with the time of its own commit, so
 * id order is time order, and the primary key lets a limited read stop early
 * instead of sorting a trail of a million check-ins.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/util.h"
#include "store_int.h"

/* The item's title or name as it is now, so a row says what it was about
 * even when the detail holds only a value. */
#define AUDIT_SELECT \
	"SELECT a.id, a.at, COALESCE(p.login, '?'), a.action, a.entity, COALESCE(a.entity_id, 0), a.detail," \
	" COALESCE(CASE a.entity" \
	"  WHEN 'O' THEN (SELECT title FROM objective WHERE id = a.entity_id)" \
	"  WHEN 'K' THEN (SELECT title FROM key_result WHERE id = a.entity_id)" \
	"  WHEN 'P' THEN (SELECT name FROM kpi WHERE id = a.entity_id)" \
	"  WHEN 'C' THEN (SELECT name FROM cycle WHERE id = a.entity_id)" \
	"  WHEN 'T' THEN (SELECT name FROM team WHERE id = a.entity_id)" \
	"  WHEN 'U' THEN (SELECT login FROM person WHERE id = a.entity_id)" \
	" END, '')" \
	" FROM audit a LEFT JOIN person p ON p.id = a.person_id"
#define AUDIT_FILTER " AND (CAST(?3 AS TEXT) IS NULL OR p.login = ?3) AND a.at >= ?4 ORDER BY a.id DESC LIMIT ?5"

/* Everything: newest first by row id, so a limited read stops early. */
static const char audit_all[] = AUDIT_SELECT " WHERE ?1 = ''" AUDIT_FILTER;

/* One item (an objective with its key results): its rows found through
 * the (entity, entity_id) index, each part of the union on its own, not by
 * scanning the whole trail for them. */
static const char audit_item[] = AUDIT_SELECT
	" WHERE a.id IN (SELECT id FROM audit WHERE entity = ?1 AND entity_id = ?2"
	"  UNION ALL SELECT au.id FROM audit au WHERE ?1 = 'O' AND au.entity = 'K'"
	"   AND au.entity_id IN (SELECT id FROM key_result WHERE objective_id = ?2))"
	AUDIT_FILTER;

static void audit_row(db_stmt *st, void *row)
{
	okr_audit_entry *e = row;
	e->id = db_column_int64(st, 0);
	e->at = db_column_int64(st, 1);
	e->who = store_col_text(st, 2);
	e->action = store_col_text(st, 3);
	const char *kind = db_column_text(st, 4);
	e->kind = kind ? (char)kind[0] : 'S';
	e->entity_id = db_column_int64(st, 5);
	e->detail = store_col_text(st, 6);
	e->title = store_col_text(st, 7);
}

okr_result okr_store_audit_list(okr_store *s, const okr_audit_query *q, okr_audit_entry **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = store_prepare(s, q->kind ? audit_item : audit_all);
	if (!st)
		return OKR_E_FAIL;
	store_bind_kind(st, 1, q->kind);
	db_bind_int64(st, 2, q->id);
	if (q->person)
		db_bind_text(st, 3, q->person, -1);
	db_bind_int64(st, 4, q->since);
	db_bind_int64(st, 5, q->limit ? (int64_t)q->limit : INT64_MAX);   /* PostgreSQL has no LIMIT -1 */
	okr_result r = store_collect(s, st, audit_row, sizeof **out, out, n, _("reading the history of changes"));
	if (r) {
		okr_audit_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return r;
}
