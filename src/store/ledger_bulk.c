/*
 * ledger_bulk.c — what an import of a whole history does instead of the
 * per-row triggers (okr import, load.c).
 *
 * Every check-in, kudos, comment and KPI sample written by okr or anyone
 * else goes through triggers that keep what it implies: the key result's
 * latest check-in (checkin_latest), its number in the score journal (the
 * ledger's cursor, ledger.c) and the samples counter (read_team.c).  For a
 * million imported rows those triggers were a fifth of the import's time.
 * On SQLite, where DDL is part of the transaction, the import drops them
 * inside its own write and, after the rows, creates them again from the
 * same text as their migration steps (schema.c) and does their work once:
 *  - the latest check-in of every key result, chosen as the trigger
 *    chooses it (the greatest time, then the greatest id);
 *  - instead of numbering the imported events in the journal, the world
 *    counter moves on, so that every saved ledger and every state in
 *    memory is stale and the next reader rebuilds from the check-ins
 *    themselves — the same rebuild that any change of the world causes,
 *    and what an import of people and key results caused anyway; the
 *    journal stays an unbroken run;
 *  - the samples counter moves on, so the kept team progress is read again.
 * Nobody sees the triggers missing: the write holds the lock until COMMIT,
 * and a rollback (a failure, a dry run) brings them back with everything
 * else.  A server runs its triggers as they are: DROP TRIGGER there would
 * lock every reader out of the tables for the whole import.
 */
#include "okr/i18n.h"
#include "store_int.h"

okr_result store_bulk_begin(okr_store *s, bool *paused)
{
	const char *sql = db_sql_pick(s->db, &store_bulk_pause);
	*paused = sql[0] != '\0';
	int rc = *paused ? db_exec(s->db, sql) : DB_OK;
	return rc == DB_OK ? OKR_OK : store_sqlerr(s, rc, _("importing"));
}

okr_result store_bulk_end(okr_store *s, bool events)
{
	int rc = db_exec(s->db, db_sql_pick(s->db, &store_bulk_resume));
	if (rc == DB_OK)
		rc = db_exec(s->db,
			"INSERT INTO checkin_latest(kr_id, checkin_id, value, confidence, at)"
			" SELECT c.kr_id, c.id, c.value, c.confidence, c.at FROM key_result k"
			" JOIN checkin c ON c.id = (SELECT id FROM checkin WHERE kr_id = k.id ORDER BY at DESC, id DESC LIMIT 1)"
			" WHERE true ON CONFLICT(kr_id) DO UPDATE SET checkin_id = excluded.checkin_id,"
			" value = excluded.value, confidence = excluded.confidence, at = excluded.at;");
	if (rc == DB_OK && events)
		rc = db_exec(s->db, "UPDATE score_clock SET world = world + 1, samples = samples + 1 WHERE id = 1;");
	return rc == DB_OK ? OKR_OK : store_sqlerr(s, rc, _("importing"));
}
