/*
 * close.c — grades of a cycle and closing it (SPEC §2 grade, §6 cycle close).
 *
 * Closing is the last write a cycle takes: the write paths for check-ins,
 * edits and grades all refuse a closed cycle.  A cycle is only closed with
 * every key result graded, so a closed cycle's report is complete.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/cycle.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/util.h"
#include "store_int.h"

okr_result okr_store_grades(okr_store *s, int64_t cycle_id, okr_grade **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = store_prepare(s,
		STORE_GRADE_SELECT " JOIN key_result k ON k.id = g.kr_id JOIN objective o ON o.id = k.objective_id "
		"WHERE o.cycle_id = ?1 ORDER BY g.kr_id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, cycle_id);
	okr_result r = store_collect(s, st, store_grade_row, sizeof **out, out, n, _("reading grades"));
	if (r) {
		okr_grades_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return r;
}

bool store_cycle_closed(okr_store *s, int64_t cycle_id)
{
	return store_int_by_id(s, "SELECT state = 'closed' FROM cycle WHERE id = ?1", cycle_id) != 0;
}

struct close_ctx {
	int64_t id;
	bool early_ok;
};

static okr_result close_txn(okr_store *s, void *vctx)
{
	const struct close_ctx *c = vctx;
	int64_t id = c->id;
	db_stmt *st = store_prepare(s, "SELECT name, state, end_day FROM cycle WHERE id = ?1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, id);
	char name[128] = "", state[16] = "";
	okr_cycle cy = { .id = id };
	if (db_step(st) == DB_ROW) {
		okr_strlcpy(name, db_column_text(st, 0), sizeof name);
		okr_strlcpy(state, db_column_text(st, 1), sizeof state);
		cy.end = db_column_int(st, 2);
	}
	store_done(s, st);
	if (!name[0])
		return store_fail(s, OKR_E_NOTFOUND, _("no such cycle — `okr cycle list` shows them"));
	if (!strcmp(state, okr_wire(&okr_cycle_states, CYCLE_CLOSED)))
		return store_fail(s, OKR_E_USAGE, _("cycle %s is already closed"), name);
	/* Closing is final: before the last day it takes a second, explicit yes. */
	int early = okr_cycle_days_early(&cy, okr_day_of(okr_now()));
	if (early && !c->early_ok) {
		char end[11];
		okr_format_date(cy.end, end);
		return store_fail(s, OKR_E_USAGE, ngettext(
			"cycle %s runs until %s, %d day from today: closing it now makes it read-only early — "
			"nothing was graded or closed; add --force to close it anyway",
			"cycle %s runs until %s, %d days from today: closing it now makes it read-only early — "
			"nothing was graded or closed; add --force to close it anyway", (unsigned long)early),
			name, end, early);
	}
	st = store_prepare(s,
		"SELECT k.id FROM key_result k JOIN objective o ON o.id = k.objective_id "
		"WHERE o.cycle_id = ?1 AND k.archived = 0 AND o.archived = 0 "
		"AND NOT EXISTS(SELECT 1 FROM grade g WHERE g.kr_id = k.id) ORDER BY k.id LIMIT 1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, id);
	int64_t ungraded = db_step(st) == DB_ROW ? db_column_int64(st, 0) : 0;
	store_done(s, st);
	if (ungraded)
		return store_fail(s, OKR_E_USAGE, _("K%lld of cycle %s has no grade yet — grade it with "
						    "`okr grade K%lld SCORE`, or let `okr cycle close` give the defaults"),
				  (long long)ungraded, name, (long long)ungraded);
	st = store_prepare(s, "UPDATE cycle SET state = 'closed' WHERE id = ?1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, id);
	okr_result r = store_step_done(s, st, _("closing the cycle"));
	if (r)
		return r;
	r = store_audit(s, "close", 'C', id, name);
	if (!r && s->on_event) {
		okr_event ev = { .kind = OKR_EVENT_CYCLE_CLOSED, .at = okr_now(), .who = okr_xstrdup(s->me.login),
				 .objective = okr_xstrdup(""), .note = okr_xstrdup(""), .cycle = okr_xstrdup(name),
				 .cycle_id = id, .confidence = -1 };
		store_event_add(s, &ev);
	}
	return r;
}

okr_result okr_store_cycle_close(okr_store *s, int64_t cycle_id, bool early_ok)
{
	struct close_ctx c = { cycle_id, early_ok };
	if (s->me.role != ROLE_LEAD && s->me.role != ROLE_ADMIN)
		return store_fail(s, OKR_E_DENIED, _("only a lead or admin can close a cycle — ask one of them "
						     "(`okr list --people` shows roles)"));
	return store_write(s, close_txn, &c);
}
