/*
 * kudos.c — what a kudos earned, for telling the giver at once.
 *
 * The points are the ledger's business (core/score.c); re-folding the whole
 * history to answer one question would cost seconds on a large database.
 * Whether a kudos pays depends only on the giver's kudos of the same week,
 * so this reads those few rows and asks the same rule the ledger uses
 * (score_kudos_verdict).
 */
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/util.h"
#include "store_int.h"

okr_result okr_store_kudos_verdict(okr_store *s, int64_t kudos_id, const okr_game_rules *rules,
				   int week_offset_minutes, score_reason *why, char *to_login, size_t len)
{
	*why = SCORE_R_KUDOS_GIVEN;
	if (len)
		to_login[0] = '\0';
	db_stmt *st = store_prepare(s, "SELECT k.from_id, k.at, p.login FROM kudos k "
					    "JOIN person p ON p.id = k.to_id WHERE k.id = ?1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, kudos_id);
	int rc = db_step(st);
	int64_t from = 0;
	okr_time at = 0;
	if (rc == DB_ROW) {
		from = db_column_int64(st, 0);
		at = db_column_int64(st, 1);
		okr_strlcpy(to_login, db_column_text(st, 2), len);
	}
	store_done(s, st);
	if (rc != DB_ROW)
		return rc == DB_DONE ? store_fail(s, OKR_E_NOTFOUND, _("no such kudos"))
					 : store_sqlerr(s, rc, _("reading kudos"));

	/* The giver's week in the team's zone, as the ledger counts it. */
	okr_day d0 = score_week_first_day(score_week_of(at, week_offset_minutes, rules->week_start), rules->week_start);
	okr_time t0 = (okr_time)d0 * 86400 - (okr_time)week_offset_minutes * 60;
	st = store_prepare(s, "SELECT to_id FROM kudos WHERE from_id = ?1 AND at >= ?2 AND "
			      "(at < ?3 OR (at = ?3 AND id <= ?4)) ORDER BY at, id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, from);
	db_bind_int64(st, 2, t0);
	db_bind_int64(st, 3, at);
	db_bind_int64(st, 4, kudos_id);
	int64_t *to = NULL;
	size_t n = 0;
	okr_result r = store_collect(s, st, store_int64_row, sizeof *to, &to, &n, _("reading kudos"));
	if (r == OKR_OK)
		*why = score_kudos_verdict(rules, from, to, n);
	free(to);
	return r;
}
