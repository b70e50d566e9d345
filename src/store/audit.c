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

#define AUDIT_FILTER " AND (CAST(?3 AS TEXT) IS NULL OR p.login = ?3) AND a.at >= ?4 ORDER BY a.id DESC LIMIT ?5"

/* Everything: newest first by row id, so a limited read stops early. */
static const char audit_all[] = STORE_AUDIT_SELECT " WHERE ?1 = ''" AUDIT_FILTER;

/* One item (an objective with its key results): its rows found through
 * the (entity, entity_id) index, each part of the union on its own, not by
 * scanning the whole trail for them. */
static const char audit_item[] = STORE_AUDIT_SELECT
	" WHERE a.id IN (SELECT id FROM audit WHERE entity = ?1 AND entity_id = ?2"
	"  UNION ALL SELECT au.id FROM audit au WHERE ?1 = 'O' AND au.entity = 'K'"
	"   AND au.entity_id IN (SELECT id FROM key_result WHERE objective_id = ?2))"
	AUDIT_FILTER;

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
	okr_result r = store_collect(s, st, store_audit_row, sizeof **out, out, n, _("reading the history of changes"));
	if (r) {
		okr_audit_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return r;
}
