/*
 * ledger_bulk.c — what a load of a whole history does instead of the row
 * triggers: okr import (load.c) and okr migrate's copy into a new database
 * (copy.c), on both engines, through this one pair of calls.
 *
 * Every check-in, kudos, comment and KPI sample, whoever writes it, goes
 * through triggers that keep what it implies: the key result's latest
 * check-in (checkin_latest), its number in the score journal (the ledger's
 * cursor, ledger.c) and the samples counter (read_team.c).  For a million
 * rows they were a fifth of an import's time on SQLite, and on a server the
 * journal's million updates of the one score_clock row kept a copy running
 * for hours.  So a bulk load sets them aside inside its own write and, after
 * the rows, puts them back and does their work once:
 *  - the latest check-in of every key result, chosen as the trigger chooses
 *    it: the greatest time, then the greatest id;
 *  - the world counter moves on instead of numbering the loaded events in
 *    the journal.  Every saved ledger and every state in memory is then
 *    stale, and the next reader rebuilds from the check-ins themselves, by
 *    the same rebuild any change of people or key results causes (and that
 *    a load of them caused anyway).  Numbering a million rows would cost as
 *    many inserts, a reader still holding a ledger would read all of them
 *    back at once before finding them older than its fold and rebuilding,
 *    and the pruning (at most 16,384 rows a save) would take sixty saves to
 *    shed them.  The journal stays an unbroken run; what it lacks the world
 *    counter covers.
 *  - the samples counter moves on, so the kept team progress is computed
 *    again.
 * Nobody sees the triggers missing: the write holds the lock until COMMIT,
 * and a rollback (a failure, a dry run) brings them back with everything
 * else.  On SQLite DDL is private to the transaction, so any load may do
 * it.  On a server DISABLE TRIGGER holds the tables against every other
 * writer until COMMIT (readers go on) and only the tables' owner may run
 * it: there it is done only for a target that holds no history yet, by its
 * owner; otherwise its triggers work row by row as before.
 */
#include "okr/i18n.h"
#include "store_int.h"

/* Whether the event tables are this role's to switch triggers on (all three
 * owned by a role it is a member of); SQLite has no owners. */
static const db_sql_pair owner = {
	.sqlite = "",
	.postgresql = "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
		      " AND tablename IN ('checkin', 'comment', 'kudos') AND pg_has_role(tableowner, 'MEMBER')",
};

/* The work of the triggers, once; the same text on both engines. */
static const char catch_up[] =
	"INSERT INTO checkin_latest(kr_id, checkin_id, value, confidence, at)"
	" SELECT c.kr_id, c.id, c.value, c.confidence, c.at FROM key_result k"
	" JOIN checkin c ON c.id = (SELECT id FROM checkin WHERE kr_id = k.id ORDER BY at DESC, id DESC LIMIT 1)"
	" WHERE true ON CONFLICT(kr_id) DO UPDATE SET checkin_id = excluded.checkin_id,"
	" value = excluded.value, confidence = excluded.confidence, at = excluded.at;";

/* A server plans the next queries over the loaded tables from fresh statistics. */
static const db_sql_pair analyse = { .sqlite = "", .postgresql = "ANALYZE;" };

static bool ours(okr_store *s)
{
	const char *q = db_sql_pick(s->db, &owner);
	if (!q[0])
		return true;
	db_stmt *st = NULL;
	bool ok = false;
	if (db_prepare(s->db, q, &st) == DB_OK) {
		ok = db_step(st) == DB_ROW && db_column_int64(st, 0) == 3;
		db_finalize(st);
	}
	return ok;
}

okr_result store_bulk_begin(okr_store *s, bool target_new, bool *paused)
{
	bool server = db_sql_pick(s->db, &owner)[0] != '\0';
	*paused = (!server || target_new) && ours(s);
	int rc = *paused ? db_exec(s->db, db_sql_pick(s->db, &store_bulk_pause)) : DB_OK;
	return rc == DB_OK ? OKR_OK : store_sqlerr(s, rc, _("importing"));
}

okr_result store_bulk_end(okr_store *s, bool events)
{
	int rc = db_exec(s->db, db_sql_pick(s->db, &store_bulk_resume));
	if (rc == DB_OK)
		rc = db_exec(s->db, catch_up);
	if (rc == DB_OK && events)
		rc = db_exec(s->db, "UPDATE score_clock SET world = world + 1, samples = samples + 1 WHERE id = 1;");
	const char *an = db_sql_pick(s->db, &analyse);
	if (rc == DB_OK && an[0])
		rc = db_exec(s->db, an);
	return rc == DB_OK ? OKR_OK : store_sqlerr(s, rc, _("importing"));
}
