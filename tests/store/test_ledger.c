/*
 * test_ledger.c — the score ledger on a real database (src/store/ledger.c):
 * a reader starts from the saved fold and gets exactly what a fold from
 * scratch gives, after a change of rules, after two writers committed at
 * once, and after every way a saved row can go wrong (a rolled-back write,
 * a row made stale or damaged by hand).
 */
#include <ftw.h>
#include <signal.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "okr/config.h"
#include "okr/parse.h"
#include "okr/score.h"
#include "okr/store.h"
#include "fixture.h"
#include "../../src/store/engine.h"

enum { NOW = 1795435200, PER_WRITER = 40 };

static char dir[256], path[300];
static int64_t krs[2];
static okr_config cfg;

static okr_store *open_as(const char *login, int flags)
{
	okr_store *s = NULL;
	char err[1024] = "";
	if (okr_store_open(path, flags, login, &s, err, sizeof err) != OKR_OK)
		fail_msg("open as %s: %s", login, err);
	return s;
}

/* Raw SQL, as someone with the sqlite3 shell or psql would: through the
 * engine seam, with none of okr's rules. */
static void shell(const char *sql)
{
	db_conn *c = NULL;
	if (db_connect(path, 0, &c) != DB_OK || db_exec(c, sql) != DB_OK)
		fail_msg("%s: %s", sql, db_errmsg(c));
	db_close(c);
}

static int64_t shell_int(const char *sql)
{
	db_conn *c = NULL;
	db_stmt *st = NULL;
	if (db_connect(path, 0, &c) != DB_OK || db_prepare(c, sql, &st) != DB_OK)
		fail_msg("%s: %s", sql, db_errmsg(c));
	int64_t v = db_step(st) == DB_ROW ? db_column_int64(st, 0) : -1;
	db_finalize(st);
	db_close(c);
	return v;
}

static void checkins(okr_store *s, const char *tag, int n, okr_time from)
{
	char uid[64];
	for (int i = 0; i < n; i++) {
		snprintf(uid, sizeof uid, "%s-%d", tag, i);
		assert_int_equal(okr_store_checkin(s, krs[i % 2], 5 + i, 7, i % 3 ? "a note" : "", uid,
						   from + i * 3600, NULL), OKR_OK);
	}
}

/* The scores from the ledger (a fresh reader) against a fold of every event
 * from scratch (explaining forces that), person by person. */
static void assert_ledger_right(okr_store *s, const okr_game_rules *rules, bool *from_ledger)
{
	score_state *led = NULL, *all = NULL;
	bool rebuilt = true;
	assert_int_equal(okr_store_score_refresh(s, rules, 0, 0, &led, &rebuilt), OKR_OK);
	assert_int_equal(okr_store_score_refresh(s, rules, 0, -1, &all, NULL), OKR_OK);
	const char *logins[] = { "ana", "bob" };
	int64_t total = 0;
	for (int i = 0; i < 2; i++) {
		okr_person p;
		assert_int_equal(okr_store_person(s, logins[i], &p), OKR_OK);
		score_person_result a, b;
		assert_true(score_person_get(led, p.id, NOW, &a));
		assert_true(score_person_get(all, p.id, NOW, &b));
		assert_int_equal(a.xp, b.xp);
		assert_int_equal(a.checkins, b.checkins);
		assert_memory_equal(a.has, b.has, sizeof a.has);
		assert_int_equal(score_points(led, p.id, SCORE_SPAN_ALL), score_points(all, p.id, SCORE_SPAN_ALL));
		total += a.xp;
		okr_person_free(&p);
	}
	assert_true(total > 0);
	if (from_ledger)
		*from_ledger = !rebuilt;
	score_free(led);
	score_free(all);
}

static void make_world(void)
{
	okr_store *s = open_as("ana", OKR_OPEN_CREATE);
	int64_t cy, obj;
	assert_int_equal(okr_store_cycle_add(s, "T", okr_day_of(NOW) - 90, okr_day_of(NOW) + 30, &cy), OKR_OK);
	assert_int_equal(okr_store_cycle_set_current(s, cy), OKR_OK);
	assert_int_equal(okr_store_person_add(s, "bob", "Bob"), OKR_OK);
	okr_objective_in oi = okr_objective_in_none();
	oi.title = "Ledger";
	assert_int_equal(okr_store_objective_add(s, &oi, &obj), OKR_OK);
	for (int k = 0; k < 2; k++) {
		okr_kr_in ki = okr_kr_in_none();
		ki.objective_id = obj;
		ki.title = k ? "b" : "a";
		ki.type = KR_METRIC;
		ki.start = 0;
		ki.target = 100;
		/* set by the admin for bob: terms someone else set, so they pay
		 * (README, "Fair points") */
		ki.owner = "bob";
		assert_int_equal(okr_store_kr_add(s, &ki, &krs[k]), OKR_OK);
	}
	checkins(s, "w", 30, NOW - 40 * 86400);
	okr_store_close(s);
}

/* A reader saves the fold; the next one starts from it. */
static void test_reader_starts_from_ledger(void **state)
{
	(void)state;
	okr_store *s = open_as("ana", 0);
	bool from_ledger;
	assert_ledger_right(s, &cfg.game, &from_ledger);
	assert_true(shell_int("SELECT count(*) FROM score_ledger") == 1);
	assert_ledger_right(s, &cfg.game, &from_ledger);
	assert_true(from_ledger);
	okr_store_close(s);
}

/* Other rules: the saved fold is not used, and a rebuild replaces it once. */
static void test_rules_change_rebuilds(void **state)
{
	(void)state;
	okr_store *s = open_as("ana", 0);
	assert_ledger_right(s, &cfg.game, NULL);
	int64_t before = shell_int("SELECT rules FROM score_ledger");
	okr_game_rules other = cfg.game;
	other.checkin_xp = 40;
	bool from_ledger;
	assert_ledger_right(s, &other, &from_ledger);
	assert_false(from_ledger);
	assert_true(shell_int("SELECT rules FROM score_ledger") != before);
	assert_ledger_right(s, &other, &from_ledger);
	assert_true(from_ledger);
	/* A change of the world by any writer (here the sqlite3 shell, which
	 * okr's triggers count as well): the saved fold is not used. */
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE key_result SET target_value = 200 WHERE id = %lld", (long long)krs[0]);
	shell(sql);
	assert_ledger_right(s, &other, &from_ledger);
	assert_false(from_ledger);
	snprintf(sql, sizeof sql, "UPDATE key_result SET target_value = 100 WHERE id = %lld", (long long)krs[0]);
	shell(sql);
	shell("UPDATE person SET opt_out = 1 WHERE login = 'ana'");
	assert_ledger_right(s, &other, &from_ledger);
	assert_false(from_ledger);
	shell("UPDATE person SET opt_out = 0 WHERE login = 'ana'");
	/* okr settings set: the rebuild is saved for everyone. */
	assert_int_equal(okr_store_ledger_rebuild(s, &cfg.game, 0), OKR_OK);
	assert_true(shell_int("SELECT rules FROM score_ledger") == before);
	okr_store_close(s);
}

/* The team's first day of the week is one of the rules: changing it
 * rebuilds the ledger once, and its weeks are those of a fold from scratch
 * with the same first day. */
static void test_week_start_rebuilds(void **state)
{
	(void)state;
	okr_store *s = open_as("ana", 0);
	assert_ledger_right(s, &cfg.game, NULL);
	int64_t before = shell_int("SELECT rules FROM score_ledger");
	okr_game_rules sunday = cfg.game;
	sunday.week_start = 6;
	bool from_ledger;
	assert_ledger_right(s, &sunday, &from_ledger);
	assert_false(from_ledger);
	assert_true(shell_int("SELECT rules FROM score_ledger") != before);
	assert_ledger_right(s, &sunday, &from_ledger);
	assert_true(from_ledger);
	score_state *led = NULL, *mon = NULL;
	assert_int_equal(okr_store_score_refresh(s, &sunday, 0, 0, &led, NULL), OKR_OK);
	assert_int_equal(okr_store_score_refresh(s, &cfg.game, 0, -1, &mon, NULL), OKR_OK);
	assert_int_equal(score_week_start(led), 6);
	score_span cur, prev, mcur, mprev;
	score_window_spans(NOW, 0, 6, SCORE_WINDOW_WEEK, NULL, &cur, &prev);
	score_window_spans(NOW, 0, 0, SCORE_WINDOW_WEEK, NULL, &mcur, &mprev);
	assert_int_equal(cur.to - cur.from, 7);
	assert_int_equal(((cur.from - 4) % 7 + 7) % 7, 6);
	assert_true(cur.from != mcur.from);
	score_free(led);
	score_free(mon);
	assert_int_equal(okr_store_ledger_rebuild(s, &cfg.game, 0), OKR_OK);
	okr_store_close(s);
}

/* okr status and okr board --once rank from the ledger's board part alone
 * when nothing was committed since it was saved; it ranks and tells
 * results exactly as the whole state does, folds nothing, and a board part
 * that is missing or damaged is never read: the reader takes the whole
 * ledger and saves it back with a good one. */
static void test_board_part(void **state)
{
	(void)state;
	okr_store *s = open_as("ana", 0);
	assert_ledger_right(s, &cfg.game, NULL);
	score_state *b = NULL, *all = NULL;
	assert_int_equal(okr_store_score_board(s, &cfg.game, 0, &b), OKR_OK);
	assert_true(score_is_partial(b));
	score_events none = { 0 };
	assert_false(score_fold(b, &none));
	assert_int_equal(okr_store_score_refresh(s, &cfg.game, 0, -1, &all, NULL), OKR_OK);
	score_board x, y;
	score_board_people(b, SCORE_SPAN_ALL, (score_span){ INT32_MIN, okr_day_of(NOW) - 7 }, &x);
	score_board_people(all, SCORE_SPAN_ALL, (score_span){ INT32_MIN, okr_day_of(NOW) - 7 }, &y);
	assert_int_equal(x.n, y.n);
	for (size_t i = 0; i < x.n; i++) {
		assert_int_equal(x.rows[i].id, y.rows[i].id);
		assert_true(x.rows[i].score == y.rows[i].score);
		assert_int_equal(x.rows[i].rank, y.rows[i].rank);
		assert_int_equal(x.rows[i].movement, y.rows[i].movement);
		score_person_result pa, pb;
		assert_true(score_person_get(b, x.rows[i].id, NOW, &pa));
		assert_true(score_person_get(all, x.rows[i].id, NOW, &pb));
		assert_memory_equal(&pa, &pb, sizeof pa);
	}
	score_board_free(&x);
	score_board_free(&y);
	/* One event behind: the whole ledger, folded, and saved at once. */
	checkins(s, "lag", 1, NOW - 60);
	assert_int_equal(okr_store_score_board(s, &cfg.game, 0, &b), OKR_OK);
	assert_false(score_is_partial(b));
	assert_true(shell_int("SELECT seq FROM score_ledger") == shell_int("SELECT seq FROM score_clock"));
	/* A damaged or missing board part: the whole ledger, then repaired. */
	const char *damage[] = { fx_pg() ? "UPDATE score_ledger SET board = overlay(board placing '\\xff'::bytea from 101 for 1)"
					 : "UPDATE score_ledger SET board = substr(board, 1, 100) || x'ff' || substr(board, 102)",
				 fx_pg() ? "UPDATE score_ledger SET board = substring(board from 1 for 300)"
					 : "UPDATE score_ledger SET board = substr(board, 1, 300)",
				 "UPDATE score_ledger SET board = NULL" };
	for (int d = 0; d < 3; d++) {
		shell(damage[d]);
		assert_int_equal(okr_store_score_board(s, &cfg.game, 0, &b), OKR_OK);
		assert_false(score_is_partial(b));
		assert_ledger_right(s, &cfg.game, NULL);
		assert_int_equal(okr_store_score_board(s, &cfg.game, 0, &b), OKR_OK);
		assert_true(score_is_partial(b));
	}
	score_free(b);
	score_free(all);
	okr_store_close(s);
}

/* A process killed in the middle of saving the ledger (its transaction
 * written in part to the -wal, never committed) leaves the ledger as it
 * was: the next reader starts from it and gets what a fold from scratch
 * gives. */
static void test_crash_mid_save(void **state)
{
	(void)state;
	okr_store *s = open_as("ana", 0);
	assert_ledger_right(s, &cfg.game, NULL);
	int64_t seq = shell_int("SELECT seq FROM score_ledger");
	pid_t kid = fork();
	assert_true(kid >= 0);
	if (kid == 0) {
		db_conn *c = NULL;
		if (db_connect(path, 0, &c) != DB_OK)
			_exit(1);
		/* SQLite: a one-page cache, so the new row spills into the -wal
		 * before the commit that never comes. */
		if (!fx_pg())
			db_exec(c, "PRAGMA cache_size = 1");
		if (db_begin(c, DB_WRITE) != DB_OK ||
		    db_exec(c, "UPDATE score_ledger SET seq = seq + 1000, state = board || board || board, "
			       "board = state") != DB_OK)
			_exit(1);
		raise(SIGKILL);
		_exit(1);
	}
	int st;
	assert_int_equal(waitpid(kid, &st, 0), kid);
	assert_true(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	assert_true(shell_int("SELECT seq FROM score_ledger") == seq);
	bool from_ledger = false;
	assert_ledger_right(s, &cfg.game, &from_ledger);
	assert_true(from_ledger);
	score_state *b = NULL;
	assert_int_equal(okr_store_score_board(s, &cfg.game, 0, &b), OKR_OK);
	assert_true(score_is_partial(b));
	score_free(b);
	okr_store_close(s);
}

/* The journal is pruned as the ledger is saved, never past what a reader
 * can do without: a viewer whose fold is older than the pruning starts
 * again from the saved ledger and still gets what a fold from scratch
 * gives, and a rebuild from scratch does not need the journal at all. */
static void test_journal_pruned(void **state)
{
	(void)state;
	okr_store *s = open_as("ana", 0);
	assert_ledger_right(s, &cfg.game, NULL);
	score_state *held = NULL;
	assert_int_equal(okr_store_score_refresh(s, &cfg.game, 0, 0, &held, NULL), OKR_OK);
	int64_t cursor = shell_int("SELECT seq FROM score_clock");
	okr_person bob;
	assert_int_equal(okr_store_person(s, "bob", &bob), OKR_OK);
	int64_t xp0 = 0;
	score_person_result a, b;
	assert_true(score_person_get(held, bob.id, NOW, &a));
	xp0 = a.xp;
	/* 20,000 check-ins by someone with the sqlite3 shell, in time order
	 * after everything so far: the triggers number them all. */
	char sql[1024];
	snprintf(sql, sizeof sql,
		 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
		 "INSERT INTO checkin(uid, kr_id, author_id, value, confidence, note, at) "
		 "SELECT 'bulk-' || i, %lld + i %% 2, (SELECT id FROM person WHERE login = 'bob'), i %% 90, 5, "
		 "CASE WHEN i %% 7 = 0 THEN 'a note' ELSE '' END, %d + i * 60 FROM n",
		 (long long)krs[0], NOW - 20 * 86400);
	shell(sql);
	assert_true(shell_int("SELECT min(seq) FROM score_journal") <= cursor);
	/* Each save prunes a step; a few saves prune all that may go. */
	int64_t before = shell_int("SELECT count(*) FROM score_journal");
	for (int i = 0; i < 4; i++) {
		assert_int_equal(okr_store_ledger_rebuild(s, &cfg.game, 0), OKR_OK);
		assert_ledger_right(s, &cfg.game, NULL);
	}
	int64_t head = shell_int("SELECT seq FROM score_clock");
	int64_t oldest = shell_int("SELECT min(seq) FROM score_journal");
	assert_true(shell_int("SELECT count(*) FROM score_journal") < before);
	assert_true(oldest > cursor + 1);
	assert_true(oldest <= head);
	assert_true(shell_int("SELECT count(*) FROM score_journal") == head - oldest + 1);
	/* The held fold is behind the pruning: it is replaced, not fed half. */
	bool rebuilt = false;
	assert_int_equal(okr_store_score_refresh(s, &cfg.game, 0, 0, &held, &rebuilt), OKR_OK);
	assert_true(rebuilt);
	score_state *all = NULL;
	assert_int_equal(okr_store_score_refresh(s, &cfg.game, 0, -1, &all, NULL), OKR_OK);
	assert_true(score_person_get(held, bob.id, NOW, &a));
	assert_true(score_person_get(all, bob.id, NOW, &b));
	assert_int_equal(a.checkins, b.checkins);
	assert_true(a.xp > xp0);
	assert_int_equal(a.xp, b.xp);
	assert_int_equal(score_points(held, bob.id, SCORE_SPAN_ALL), score_points(all, bob.id, SCORE_SPAN_ALL));
	okr_person_free(&bob);
	score_free(held);
	score_free(all);
	okr_store_close(s);
}

/* Two processes check in at the same time; a reader holding an older fold
 * reaches every one of their events through the commit sequence. */
static void test_two_writers_both_reach_ledger(void **state)
{
	(void)state;
	okr_store *s = open_as("ana", 0);
	assert_ledger_right(s, &cfg.game, NULL);
	score_state *held = NULL;
	assert_int_equal(okr_store_score_refresh(s, &cfg.game, 0, 0, &held, NULL), OKR_OK);
	int64_t seq0 = shell_int("SELECT seq FROM score_clock");
	pid_t kids[2];
	for (int k = 0; k < 2; k++) {
		kids[k] = fork();
		assert_true(kids[k] >= 0);
		if (kids[k] == 0) {
			okr_store *w = NULL;
			char err[1024];
			if (okr_store_open(path, 0, "ana", &w, err, sizeof err) != OKR_OK)
				_exit(1);
			char uid[64];
			for (int i = 0; i < PER_WRITER; i++) {
				snprintf(uid, sizeof uid, "kid%d-%d", k, i);
				if (okr_store_checkin(w, krs[k], 50 + i, 6, "busy", uid, NOW - 86400 + i * 60, NULL))
					_exit(1);
			}
			okr_store_close(w);
			_exit(0);
		}
	}
	for (int k = 0; k < 2; k++) {
		int st;
		assert_int_equal(waitpid(kids[k], &st, 0), kids[k]);
		assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	assert_true(shell_int("SELECT seq FROM score_clock") == seq0 + 2 * PER_WRITER);
	assert_true(shell_int("SELECT count(*) FROM score_journal") ==
		    shell_int("SELECT max(seq) - min(seq) + 1 FROM score_journal"));
	bool rebuilt = true;
	assert_int_equal(okr_store_score_refresh(s, &cfg.game, 0, 0, &held, &rebuilt), OKR_OK);
	assert_false(rebuilt);
	score_state *all = NULL;
	assert_int_equal(okr_store_score_refresh(s, &cfg.game, 0, -1, &all, NULL), OKR_OK);
	okr_person ana;
	assert_int_equal(okr_store_person(s, "ana", &ana), OKR_OK);
	score_person_result a, b;
	assert_true(score_person_get(held, ana.id, NOW, &a));
	assert_true(score_person_get(all, ana.id, NOW, &b));
	assert_true(a.checkins >= 30 + 2 * PER_WRITER);
	assert_int_equal(a.checkins, b.checkins);
	assert_int_equal(a.xp, b.xp);
	okr_person_free(&ana);
	assert_ledger_right(s, &cfg.game, NULL);
	score_free(held);
	score_free(all);
	okr_store_close(s);
}

static okr_result checkin_then_fail(okr_store *s, void *vctx)
{
	(void)vctx;
	okr_result r = okr_store_checkin(s, krs[0], 99, 9, "never kept", "rolled-back", NOW - 3600, NULL);
	return r ? r : OKR_E_CONFLICT;
}

/* A write that rolls back leaves neither an event nor a sequence number. */
static void test_rolled_back_write(void **state)
{
	(void)state;
	okr_store *s = open_as("ana", 0);
	assert_ledger_right(s, &cfg.game, NULL);
	int64_t seq0 = shell_int("SELECT seq FROM score_clock");
	assert_int_equal(okr_store_batch(s, checkin_then_fail, NULL), OKR_E_CONFLICT);
	assert_true(shell_int("SELECT seq FROM score_clock") == seq0);
	assert_true(shell_int("SELECT count(*) FROM checkin WHERE uid = 'rolled-back'") == 0);
	assert_ledger_right(s, &cfg.game, NULL);
	okr_store_close(s);
}

/* Rows edited or damaged behind okr's back are never read as a right ledger. */
static void test_stale_or_damaged_row(void **state)
{
	(void)state;
	okr_store *s = open_as("ana", 0);
	assert_ledger_right(s, &cfg.game, NULL);
	bool from_ledger = true;
	/* A cursor moved back would count events twice if it were believed. */
	shell("UPDATE score_ledger SET seq = seq - 5");
	assert_ledger_right(s, &cfg.game, &from_ledger);
	assert_false(from_ledger);
	assert_ledger_right(s, &cfg.game, &from_ledger);
	assert_true(from_ledger);
	/* Cut short, and one byte changed: both refused, then repaired. */
	shell("UPDATE score_ledger SET state = substr(state, 1, 200)");
	assert_ledger_right(s, &cfg.game, &from_ledger);
	assert_false(from_ledger);
	shell(fx_pg() ? "UPDATE score_ledger SET state = overlay(state placing '\\xff'::bytea from 101 for 1)"
		      : "UPDATE score_ledger SET state = substr(state, 1, 100) || x'ff' || substr(state, 102)");
	assert_ledger_right(s, &cfg.game, &from_ledger);
	assert_false(from_ledger);
	assert_ledger_right(s, &cfg.game, &from_ledger);
	assert_true(from_ledger);
	/* Deleted: rebuilt and saved again. */
	shell("DELETE FROM score_ledger");
	assert_ledger_right(s, &cfg.game, NULL);
	assert_true(shell_int("SELECT count(*) FROM score_ledger") == 1);
	okr_store_close(s);
}

/* A new week (and a new day of the cycle) is only a different range of the
 * saved points by day: the ledger is used as it is, and its week's points
 * are those of a fold from scratch. */
static void test_week_rolls_over_without_rebuild(void **state)
{
	(void)state;
	okr_store *s = open_as("ana", 0);
	assert_ledger_right(s, &cfg.game, NULL);
	char later[32];
	snprintf(later, sizeof later, "%d", NOW + 8 * 86400);
	setenv("OKR_NOW", later, 1);
	bool from_ledger = false;
	assert_ledger_right(s, &cfg.game, &from_ledger);
	assert_true(from_ledger);
	score_state *led = NULL, *all = NULL;
	assert_int_equal(okr_store_score_refresh(s, &cfg.game, 0, 0, &led, NULL), OKR_OK);
	assert_int_equal(okr_store_score_refresh(s, &cfg.game, 0, -1, &all, NULL), OKR_OK);
	okr_person ana;
	assert_int_equal(okr_store_person(s, "ana", &ana), OKR_OK);
	okr_day today = okr_day_of(NOW + 8 * 86400);
	for (okr_day d = today - 70; d <= today; d += 7) {
		score_span w = { d, d + 7 };
		assert_int_equal(score_points(led, ana.id, w), score_points(all, ana.id, w));
	}
	okr_person_free(&ana);
	score_free(led);
	score_free(all);
	snprintf(later, sizeof later, "%d", NOW);
	setenv("OKR_NOW", later, 1);
	okr_store_close(s);
}

/* A reader that opened the file read-only still keeps the ledger. */
static void test_read_only_reader_saves(void **state)
{
	(void)state;
	shell("DELETE FROM score_ledger");
	okr_store *s = open_as("ana", OKR_OPEN_READONLY);
	assert_ledger_right(s, &cfg.game, NULL);
	assert_true(shell_int("SELECT count(*) FROM score_ledger") == 1);
	okr_store_close(s);
}

/* The shared fixture (a SQLite path or a fresh PostgreSQL database); the
 * tests here name it by the globals dir and path. */
static int setup(void **state)
{
	if (fx_setup(state, "ledger", 0) != 0)
		return -1;
	fx *f = *state;
	snprintf(dir, sizeof dir, "%s", f->dir);
	snprintf(path, sizeof path, "%s", f->path);
	char now[32];
	snprintf(now, sizeof now, "%d", NOW);
	setenv("OKR_NOW", now, 1);
	okr_config_defaults_apply(&cfg);
	make_world();
	return 0;
}

static int teardown(void **state)
{
	return fx_teardown(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reader_starts_from_ledger),
		cmocka_unit_test(test_rules_change_rebuilds),
		cmocka_unit_test(test_two_writers_both_reach_ledger),
		cmocka_unit_test(test_week_start_rebuilds),
		cmocka_unit_test(test_board_part),
		cmocka_unit_test(test_crash_mid_save),
		cmocka_unit_test(test_journal_pruned),
		cmocka_unit_test(test_rolled_back_write),
		cmocka_unit_test(test_stale_or_damaged_row),
		cmocka_unit_test(test_week_rolls_over_without_rebuild),
		cmocka_unit_test(test_read_only_reader_saves),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
