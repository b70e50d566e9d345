/*
 * db.c — transactions, errors, the statement cache and waking watchers,
 * the same on every engine.
 *
 * The rules of SPEC §8 live here, in one place: a busy handler that waits
 * (and says so) rather than failing, every write taking the write lock
 * first (engine.h's DB_WRITE) with the whole transaction retried on a busy
 * database, a serialization failure or a deadlock, and the other processes
 * told after each commit (the doorbell, NOTIFY) so that watchers need not
 * poll.  What an engine does differently is behind engine.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "okr/i18n.h"
#include "okr/util.h"
#include "store_int.h"

enum {
	BUSY_GIVE_UP_MS = 30000,   /* one attempt waits this long at most */
	BUSY_TELL_MS = 1000,       /* then the person is told we are waiting */
	WRITE_ATTEMPTS = 4,        /* whole-transaction retries */
};

/* 0: the system clock.  Only a test build's main (OKR_TEST_HOOKS) and the
 * test and benchmark programs set it; the shipped okr never does, so nobody
 * can date a record other than now. */
static okr_time fixed_now;

void okr_clock_fix(okr_time t)
{
	fixed_now = t;
}

okr_time okr_now(void)
{
	return fixed_now ? fixed_now : (okr_time)time(NULL);
}

okr_result store_fail(okr_store *s, okr_result code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->err, sizeof s->err, fmt, ap);
	va_end(ap);
	return code;
}

okr_result store_sqlerr(okr_store *s, int rc, const char *doing)
{
	okr_result cause = s->eng->cause(s, rc);
	if (cause != OKR_OK)
		return cause;
	switch (rc) {
	case DB_E_CORRUPT:
		s->damaged = true;
		return store_fail(s, OKR_E_DB,
			_("%s is damaged or not an okr database (%s) — restore it from a backup; "
			  "`sqlite3 %s .recover` can save what is left"),
			s->path, db_errstr(rc), s->path);
	case DB_E_READONLY:
	case DB_E_MOVED:
		return store_fail(s, OKR_E_DB,
			_("cannot write %s: the file or its directory is read-only for you — "
			  "ask the team's admin to run `okr init --shared` there or add you to its group"),
			s->path);
	case DB_E_CANTOPEN:
	case DB_E_PERM:
		return store_fail(s, OKR_E_DB,
			_("cannot open %s: %s — check that the file and its directory are readable "
			  "and writable for you"), s->path, strerror(errno ? errno : EACCES));
	case DB_E_FULL:
		return store_fail(s, OKR_E_DB, _("the disk holding %s is full — nothing was saved; "
						 "free some space and try again"), s->path);
	case DB_E_IO:
	case DB_E_SHORT_READ:
		return store_fail(s, OKR_E_DB, _("input/output error on %s while %s — nothing was saved; "
						 "check the disk"), s->path, doing);
	case DB_E_DENIED:
		return store_fail(s, OKR_E_DENIED,
			_("the server refused this while %s: your database role may not do it (%s) — ask an okr "
			  "admin, see `okr list --people`"), doing, s->db ? db_errmsg(s->db) : db_errstr(rc));
	case DB_E_BUSY:
	case DB_E_RETRY:
		return store_fail(s, OKR_E_DB,
			_("%s stayed busy for too long while %s: another program holds it — "
			  "nothing was saved; try again, or find the stuck process with `fuser %s`"),
			s->path, doing, s->path);
	default:
		return store_fail(s, OKR_E_FAIL, _("unexpected database error while %s: %s"),
				  doing, s->db ? db_errmsg(s->db) : db_errstr(rc));
	}
}

db_stmt *store_prepare(okr_store *s, const char *sql)
{
	if (!s->db) {
		store_closed(s);
		return NULL;
	}
	int slot = -1;
	for (int i = 0; i < s->ncache; i++)
		if (s->cache[i].sql == sql) {
			if (s->cache[i].st) {
				db_stmt *st = s->cache[i].st;
				s->cache[i].st = NULL;
				s->cache[i].out = st;   /* in use until store_done */
				return st;
			}
			slot = i;   /* in use (a nested call): this one is not kept */
		}
	db_stmt *st = NULL;
	int rc = db_prepare_persistent(s->db, sql, &st);
	if (rc != DB_OK) {
		store_sqlerr(s, rc, _("preparing a query"));
		db_finalize(st);
		return NULL;
	}
	if (slot < 0 && s->ncache < STORE_CACHE) {
		/* Keyed by the caller's pointer: an engine keeps its own copy of
		 * the text (or a rewritten one), which would never match it. */
		s->cache[s->ncache].sql = sql;
		s->cache[s->ncache].st = NULL;
		s->cache[s->ncache++].out = st;
	}
	return st;
}

void store_done(okr_store *s, db_stmt *st)
{
	if (!st)
		return;
	db_reset(st);
	db_clear_bindings(st);
	for (int i = 0; i < s->ncache; i++)
		if (s->cache[i].out == st) {
			s->cache[i].out = NULL;
			s->cache[i].st = st;
			return;
		}
	db_finalize(st);
}

void store_cache_clear(okr_store *s)
{
	for (int i = 0; i < s->ncache; i++)
		db_finalize(s->cache[i].st);
	s->ncache = 0;
}

char *store_col_text(db_stmt *st, int col)
{
	const char *t = db_column_text(st, col);
	return okr_xstrdup(t ? t : "");
}

int store_col_word(db_stmt *st, int col, const okr_vocab *v, int fallback)
{
	return okr_wire_or(v, db_column_text(st, col), fallback);
}

int64_t store_id_by_text(okr_store *s, const char *sql, const char *name)
{
	db_stmt *st = store_prepare(s, sql);
	int64_t id = 0;
	if (!st)
		return 0;
	db_bind_text(st, 1, name, -1);
	if (db_step(st) == DB_ROW)
		id = db_column_int64(st, 0);
	store_done(s, st);
	return id;
}

okr_result store_insert_id(okr_store *s, db_stmt *st, int64_t *id, const char *doing)
{
	int rc = db_step_id(st, id);
	store_done(s, st);
	return rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, doing);
}

okr_result store_step_done(okr_store *s, db_stmt *st, const char *doing)
{
	int rc = db_step(st);
	store_done(s, st);
	return rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, doing);
}

int64_t store_int_by_id(okr_store *s, const char *sql, int64_t id)
{
	db_stmt *st = store_prepare(s, sql);
	int64_t v = 0;
	if (!st)
		return 0;
	db_bind_int64(st, 1, id);
	if (db_step(st) == DB_ROW)
		v = db_column_int64(st, 0);
	store_done(s, st);
	return v;
}

okr_result store_one_row(okr_store *s, db_stmt *st, store_row_fn fn, void *out, const char *doing)
{
	int rc = db_step(st);
	okr_result r = OKR_OK;
	if (rc == DB_ROW)
		fn(st, out);
	else
		r = rc == DB_DONE ? OKR_E_NOTFOUND : store_sqlerr(s, rc, doing);
	store_done(s, st);
	return r;
}

okr_result store_item_row(okr_store *s, const char *sql, int64_t id, bool archived, store_row_fn fn, void *out)
{
	db_stmt *st = store_prepare(s, sql);
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, archived);
	return store_one_row(s, st, fn, out, _("reading"));
}

void store_bind_kind(db_stmt *st, int i, char kind)
{
	char k[2] = { kind, 0 };
	db_bind_text(st, i, k, -1);
}

void store_make_uid(char out[33])
{
	unsigned char r[16];
	size_t got = 0;
	while (got < sizeof r) {
		ssize_t n = getrandom(r + got, sizeof r - got, 0);
		if (n <= 0) {
			/* No entropy source: time, pid and a counter are still unique
			 * enough for one host's check-ins. */
			static unsigned counter;
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			snprintf((char *)out, 33, "%08lx%08lx%08x%08x", (unsigned long)ts.tv_sec,
				 (unsigned long)ts.tv_nsec, (unsigned)getpid(), ++counter);
			return;
		}
		got += (size_t)n;
	}
	for (int i = 0; i < 16; i++)
		snprintf(out + 2 * i, 3, "%02x", r[i]);
}

/*
 * Waiting for another writer.  SQLite's built-in timeout sleeps in coarse steps
 * when it lacks usleep; this handler sleeps 1 ms growing to 20 ms so that eight
 * writers take turns quickly, and tells the person once after a second.
 */
int store_busy_handler(void *ctx, int count)
{
	okr_store *s = ctx;
	int step = count < 5 ? 1 : count < 20 ? 5 : 20;
	if (s->waited_ms >= BUSY_GIVE_UP_MS)
		return 0;
	struct timespec ts = { 0, (long)step * 1000000L };
	nanosleep(&ts, NULL);
	s->waited_ms += step;
	if (s->waited_ms >= BUSY_TELL_MS && !s->told_wait) {
		s->told_wait = true;
		if (s->on_wait)
			s->on_wait(s->on_wait_ctx);
	}
	return 1;
}

void okr_store_on_wait(okr_store *s, void (*cb)(void *), void *ctx)
{
	s->on_wait = cb;
	s->on_wait_ctx = ctx;
}

/*
 * After a write commits: the engine's housekeeping (SQLite copies the write
 * into the database file at once with a passive checkpoint, so that a -wal
 * deleted by hand later loses as little as possible); then make sure the
 * file we wrote is still the one at the path — a write into a deleted file
 * is not confirmed — and tell the other processes.
 */
static okr_result after_commit(okr_store *s)
{
	s->own_commits++;
	db_after_commit(s->db);
	okr_file_state fs = okr_store_file_state(s);
	if (fs != OKR_FILE_OK) {
		store_events_drop(s);   /* not saved: no hook may say it was */
		return store_file_lost(s, fs, true);
	}
	db_announce(s->db);
	store_events_deliver(s);
	return OKR_OK;
}

static okr_result run_txn(okr_store *s, int mode, store_txn_fn fn, void *ctx)
{
	bool is_write = mode != DB_READ;
	if (!s->db)
		return store_closed(s);
	s->waited_ms = 0;
	s->told_wait = false;
	okr_file_state fs = is_write ? okr_store_file_state(s) : OKR_FILE_OK;
	if (fs != OKR_FILE_OK)
		return store_file_lost(s, fs, false);
	int rc = DB_OK;
	for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
		s->err[0] = '\0';
		store_events_drop(s);
		rc = db_begin(s->db, mode);
		if (db_retryable(rc)) {
			s->waited_ms = 0;
			continue;
		}
		if (rc != DB_OK)
			return store_sqlerr(s, rc, is_write ? _("starting a write") : _("reading"));
		s->in_txn = true;
		okr_result r = fn(s, ctx);
		s->in_txn = false;
		int ext = db_errcode(s->db);
		if (r != OKR_OK) {
			db_rollback(s->db);
			store_events_drop(s);
			/* A busy error (or, on a server, a serialization failure or
			 * a deadlock) inside the body: run the whole body again. */
			if (db_retryable(ext)) {
				s->waited_ms = 0;
				rc = ext;
				continue;
			}
			return r;
		}
		rc = db_commit(s->db);
		if (rc == DB_OK) {
			if (is_write)
				return after_commit(s);
			return OKR_OK;
		}
		db_rollback(s->db);
		store_events_drop(s);
		if (!db_retryable(rc))
			return store_sqlerr(s, rc, _("saving"));
		s->waited_ms = 0;
	}
	return store_sqlerr(s, rc ? rc : DB_E_BUSY, is_write ? _("writing") : _("reading"));
}

okr_result store_write(okr_store *s, store_txn_fn fn, void *ctx)
{
	if (s->in_txn)
		return fn(s, ctx);
	if (s->flags & OKR_OPEN_READONLY)
		return store_fail(s, OKR_E_DB, _("%s is open read-only here; nothing was saved"), s->path);
	return run_txn(s, DB_WRITE, fn, ctx);
}

okr_result store_read(okr_store *s, store_txn_fn fn, void *ctx)
{
	if (s->in_txn)
		return fn(s, ctx);
	return run_txn(s, DB_READ, fn, ctx);
}

okr_result okr_store_batch(okr_store *s, okr_result (*fn)(okr_store *, void *), void *ctx)
{
	return store_write(s, fn, ctx);
}

int64_t okr_store_data_version(okr_store *s)
{
	int64_t v = s->db ? db_data_version(s->db) : 0;
	/* data_version does not move for this connection's own commits. */
	return v * 1000003 + s->own_commits;
}

int okr_store_wait_fd(okr_store *s)
{
	return s->db ? db_wait_fd(s->db) : -1;
}

bool okr_store_wait_ack(okr_store *s)
{
	return s->db && db_wait_ack(s->db);
}

okr_file_state okr_store_file_state(okr_store *s)
{
	return s->eng->file_state(s);
}

void okr_store_release(okr_store *s)
{
	if (s->db)
		s->eng->release(s);
}

okr_result okr_store_health(okr_store *s)
{
	if (!s->db)
		return store_closed(s);
	return s->eng->health(s);
}

const char *okr_store_engine(const okr_store *s) { return s->eng->name; }

const char *okr_store_error(const okr_store *s) { return s ? s->err : ""; }
const char *okr_store_path(const okr_store *s) { return s->path; }
const char *okr_store_bell_path(const okr_store *s) { return s->bell; }
const char *okr_store_warning(const okr_store *s) { return s->warning; }
bool okr_store_damaged(const okr_store *s) { return s->damaged; }
int okr_store_schema_version(void) { return store_nmigrations; }
