/*
 * ledger.c — the score ledger (docs/storage.md, "The score ledger"): the
 * fold of every event saved in the database with the rules, the world and
 * the commit sequence it reflects, so that a reader starts from it instead
 * of from the whole history.
 *
 * Events are numbered by the commit sequence (score_clock, score_journal,
 * filled by triggers inside the writer's transaction), not by their ids: a
 * reader asks for "seq above my cursor", which stays right on an engine
 * where ids are handed out before commit and rows appear out of id order.
 *
 * Writers do not touch the ledger (a check-in stays one small insert);
 * readers catch up from its cursor, which costs only the rows since, and
 * save it back when it has fallen LEDGER_LAG events behind or had to be
 * rebuilt.  The save is one transaction, tried without waiting: if another
 * process holds the write lock the save is simply left to a later reader.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/util.h"
#include "store_int.h"

/* How far behind the saved ledger may fall before a reader saves its own. */
enum { LEDGER_LAG = 32 };

/* The journal is pruned when the ledger is saved: rows this many events
 * older than the saved fold go, at most JOURNAL_PRUNE_STEP of them per save
 * (the first save of a big old journal stays short; later ones finish).
 * A viewer whose fold is further behind than that starts again from the
 * saved ledger, which is past every pruned row. */
enum { JOURNAL_KEEP = 8192, JOURNAL_PRUNE_STEP = 16384 };

okr_result store_journal_holds(okr_store *s, int64_t cursor, int64_t head, bool *whole)
{
	db_stmt *st = store_prepare(s, "SELECT min(seq) FROM score_journal");
	if (!st)
		return OKR_E_FAIL;
	int rc = db_step(st);
	/* Sequence numbers are handed out one by one inside the writers'
	 * transactions, so the journal holds an unbroken run from its oldest
	 * row to the head; an empty one holds nothing after the head. */
	if (rc == DB_ROW)
		*whole = db_column_is_null(st, 0) ? cursor >= head : db_column_int64(st, 0) <= cursor + 1;
	store_done(s, st);
	return rc == DB_ROW ? OKR_OK : store_sqlerr(s, rc, "reading the score journal");
}

okr_result store_ledger_head(okr_store *s, int64_t *seq)
{
	db_stmt *st = store_prepare(s, "SELECT seq FROM score_clock WHERE id = 1");
	if (!st)
		return OKR_E_FAIL;
	int rc = db_step(st);
	*seq = rc == DB_ROW ? db_column_int64(st, 0) : 0;
	store_done(s, st);
	return rc == DB_ROW || rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, "reading the score ledger");
}

okr_result store_ledger_meta(okr_store *s, store_ledger_info *out)
{
	memset(out, 0, sizeof *out);
	db_stmt *st = store_prepare(s, "SELECT rules, world, seq FROM score_ledger WHERE id = 1");
	if (!st)
		return OKR_E_FAIL;
	int rc = db_step(st);
	if (rc == DB_ROW) {
		out->present = true;
		out->rules = (uint64_t)db_column_int64(st, 0);
		out->world = (uint64_t)db_column_int64(st, 1);
		out->seq = db_column_int64(st, 2);
	}
	store_done(s, st);
	return rc == DB_ROW || rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, "reading the score ledger");
}

/* The saved state when it was made with these rules from this world and
 * agrees with its own row; NULL otherwise (the caller rebuilds). */
score_state *store_ledger_load(okr_store *s, uint64_t rules, uint64_t world)
{
	db_stmt *st = store_prepare(s, "SELECT seq, state FROM score_ledger "
					    "WHERE id = 1 AND rules = ?1 AND world = ?2");
	if (!st)
		return NULL;
	db_bind_int64(st, 1, (int64_t)rules);
	db_bind_int64(st, 2, (int64_t)world);
	score_state *state = NULL;
	if (db_step(st) == DB_ROW) {
		int64_t seq = db_column_int64(st, 0);
		const unsigned char *blob = db_column_blob(st, 1);
		state = score_load(blob, (size_t)db_column_bytes(st, 1));
		/* A row whose columns disagree with the state inside was edited
		 * or half-written by something other than okr: do not trust it. */
		if (state && (score_seq(state) != seq || score_tag(state) != world ||
			      score_state_rules_hash(state) != rules)) {
			score_free(state);
			state = NULL;
		}
	}
	store_done(s, st);
	return state;
}

/* Only the board part of the saved state (score_load_board), from the
 * row's `board` column, which holds a copy of the first part of `state`:
 * the pages of the rest are never read.  NULL when the row is not there,
 * or does not agree with its columns. */
score_state *store_ledger_load_board(okr_store *s, const store_ledger_info *saved)
{
	db_stmt *st = store_prepare(s, "SELECT board FROM score_ledger WHERE id = 1");
	if (!st)
		return NULL;
	score_state *state = NULL;
	if (db_step(st) == DB_ROW)
		state = score_load_board(db_column_blob(st, 0), (size_t)db_column_bytes(st, 0));
	store_done(s, st);
	if (state && (score_seq(state) != saved->seq || score_tag(state) != saved->world ||
		      score_state_rules_hash(state) != saved->rules)) {
		score_free(state);
		state = NULL;
	}
	return state;
}

/* Inside a write on db: replace the saved row with state, unless
 * (without force) the row already holds the same fold or a later one. */
static int save_body(db_conn *db, const score_state *state, bool force)
{
	uint64_t rules = score_state_rules_hash(state), world = score_tag(state);
	db_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT rules, world, seq FROM score_ledger WHERE id = 1", &st);
	if (rc != DB_OK)
		return rc;
	rc = db_step(st);
	bool same = rc == DB_ROW && (uint64_t)db_column_int64(st, 0) == rules &&
		    (uint64_t)db_column_int64(st, 1) == world && db_column_int64(st, 2) >= score_seq(state);
	db_finalize(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return rc;
	if (same && !force)
		return DB_OK;
	rc = db_prepare(db, "INSERT INTO score_ledger(id, rules, world, seq, state, board) "
		"VALUES(1, ?1, ?2, ?3, ?4, ?5) ON CONFLICT(id) DO UPDATE SET rules = excluded.rules, "
		"world = excluded.world, seq = excluded.seq, state = excluded.state, board = excluded.board", &st);
	if (rc != DB_OK)
		return rc;
	size_t len;
	unsigned char *blob = score_save(state, &len);
	/* The header and the board part again, for readers that only rank. */
	size_t blen = score_board_prefix() + score_board_len(blob, len);
	unsigned char *board = okr_xmalloc(blen);
	memcpy(board, blob, blen);
	db_bind_int64(st, 1, (int64_t)rules);
	db_bind_int64(st, 2, (int64_t)world);
	db_bind_int64(st, 3, score_seq(state));
	db_bind_blob_free(st, 4, blob, len);
	db_bind_blob_free(st, 5, board, blen);
	rc = db_step(st);
	db_finalize(st);
	if (rc != DB_DONE)
		return rc;
	/* One bound, so that the engine walks the rows to delete and no others. */
	static const db_sql_pair prune = {
		"DELETE FROM score_journal WHERE seq <= min(?1, (SELECT min(seq) FROM score_journal) + ?2 - 1)",
		/* as the owner, who alone may delete there (roles_pg.c) */
		"SELECT okr_journal_prune(?1::bigint, ?2::bigint)",
	};
	rc = db_prepare(db, db_sql_pick(db, &prune), &st);
	if (rc != DB_OK)
		return rc;
	db_bind_int64(st, 1, score_seq(state) - JOURNAL_KEEP);
	db_bind_int64(st, 2, JOURNAL_PRUNE_STEP);
	rc = db_step(st);
	db_finalize(st);
	return rc == DB_DONE || rc == DB_ROW ? DB_OK : rc;
}

/* One transaction on db: body's rows are replaced whole or not at all. */
static int cache_on(db_conn *db, int (*body)(db_conn *db, void *arg), void *arg)
{
	int rc = db_begin(db, DB_WRITE_QUIET);
	if (rc != DB_OK)
		return rc;
	rc = body(db, arg);
	if (rc == DB_OK)
		rc = db_commit(db);
	if (rc != DB_OK)
		db_rollback(db);
	return rc;
}

/* One attempt, no waiting, no doorbell: a cache (the ledger, the teams'
 * progress) changes nothing a person sees when it is saved.  A reader that
 * opened the file read-only (okr status, okr board) saves through a
 * connection of its own when the file is writable for it, so the cache is
 * kept by whoever looks; when nobody who looks may write, readers still
 * start from the last saved one and do the rest in memory. */
void store_cache_write(okr_store *s, int (*body)(db_conn *db, void *arg), void *arg)
{
	if (s->in_txn)
		return;
	if (!(s->flags & OKR_OPEN_READONLY)) {
		db_busy_handler(s->db, NULL, NULL);
		cache_on(s->db, body, arg);
		db_busy_handler(s->db, store_busy_handler, s);
		return;
	}
	db_conn *db = NULL;
	if (db_connect(s->path, 0, &db) == DB_OK)
		cache_on(db, body, arg);
	db_close(db);
}

struct save_arg {
	const score_state *state;
	bool force;
};

static int save_cb(db_conn *db, void *arg)
{
	const struct save_arg *a = arg;
	return save_body(db, a->state, a->force);
}

void store_ledger_keep(okr_store *s, const score_state *state, const store_ledger_info *saved, bool eager)
{
	if (score_is_partial(state))
		return;
	if (!saved->broken && saved->present && saved->rules == score_state_rules_hash(state) &&
	    saved->world == score_tag(state) && score_seq(state) - saved->seq < (eager ? 1 : LEDGER_LAG))
		return;
	struct save_arg a = { state, saved->broken };
	store_cache_write(s, save_cb, &a);
}

okr_result store_ledger_save(okr_store *s, const score_state *state)
{
	if (score_is_partial(state))
		return store_fail(s, OKR_E_FAIL, "a board-only ledger cannot be saved");   /* i18n: not user-visible (a bug) */
	if (s->flags & OKR_OPEN_READONLY)
		return store_fail(s, OKR_E_DB, _("%s is open read-only here; nothing was saved"), s->path);
	s->waited_ms = 0;
	struct save_arg a = { state, true };
	int rc = s->in_txn ? save_body(s->db, state, true) : cache_on(s->db, save_cb, &a);
	return rc == DB_OK ? OKR_OK : store_sqlerr(s, rc, _("saving the score ledger"));
}
