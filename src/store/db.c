/*
 * db.c — opening the shared file, transactions, errors and the doorbell.
 *
 * The rules of SPEC §8 live here, in one place: WAL with synchronous=FULL, a
 * busy handler that waits (and says so) rather than failing, BEGIN IMMEDIATE
 * for every write with the whole transaction retried, and a doorbell file
 * touched after each commit so that watchers need not poll.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
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

/* Is the filesystem holding the database out of space?  SQLite reports a
 * full disk as SQLITE_FULL only from some writes; others (the -shm growing,
 * an fsync) come back as an I/O error. */
static bool disk_full(const okr_store *s)
{
	char dir[4200];
	snprintf(dir, sizeof dir, "%s", s->path);
	char *slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir] = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	struct statvfs v;
	return statvfs(dir, &v) == 0 && (v.f_bavail == 0 || v.f_favail == 0);
}

/* The cause behind a generic I/O or read-only error that names a file of
 * its own: the database or -wal gone, a -wal/-shm the person cannot write,
 * a full disk.  OKR_OK when none of these. */
static okr_result real_cause(okr_store *s, int rc)
{
	okr_file_state fs = s->db ? okr_store_file_state(s) : OKR_FILE_OK;
	if (fs != OKR_FILE_OK || rc == SQLITE_READONLY_DBMOVED)
		return store_file_lost(s, fs != OKR_FILE_OK ? fs : OKR_FILE_REPLACED, false);
	okr_result r = store_side_check(s);
	if (r != OKR_OK)
		return r;
	if (rc == SQLITE_IOERR_SHORT_READ)
		return store_fail(s, OKR_E_DB,
			_("a file of %s was cut short under running programs (was %s-wal deleted by hand?) — "
			  "nothing was saved; try again in a moment (open okr screens repair it), and never "
			  "delete -wal or -shm while anyone has the database open"), s->path, s->path);
	if (disk_full(s))
		return store_fail(s, OKR_E_DB, _("the disk holding %s is full — nothing was saved; "
						 "free some space and try again"), s->path);
	return OKR_OK;
}

okr_result store_sqlerr(okr_store *s, int rc, const char *doing)
{
	int base = rc & 0xff;
	okr_result cause;
	if ((base == SQLITE_IOERR || base == SQLITE_READONLY || base == SQLITE_CANTOPEN) &&
	    (cause = real_cause(s, rc)) != OKR_OK)
		return cause;
	switch (base) {
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		s->damaged = true;
		return store_fail(s, OKR_E_DB,
			_("%s is damaged or not an okr database (%s) — restore it from a backup; "
			  "`sqlite3 %s .recover` can save what is left"),
			s->path, sqlite3_errstr(rc), s->path);
	case SQLITE_READONLY:
		return store_fail(s, OKR_E_DB,
			_("cannot write %s: the file or its directory is read-only for you — "
			  "ask the team's admin to run `okr init --shared` there or add you to its group"),
			s->path);
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return store_fail(s, OKR_E_DB,
			_("cannot open %s: %s — check that the file and its directory are readable "
			  "and writable for you"), s->path, strerror(errno ? errno : EACCES));
	case SQLITE_FULL:
		return store_fail(s, OKR_E_DB, _("the disk holding %s is full — nothing was saved; "
						 "free some space and try again"), s->path);
	case SQLITE_IOERR:
		return store_fail(s, OKR_E_DB, _("input/output error on %s while %s — nothing was saved; "
						 "check the disk"), s->path, doing);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return store_fail(s, OKR_E_DB,
			_("%s stayed busy for too long while %s: another program holds it — "
			  "nothing was saved; try again, or find the stuck process with `fuser %s`"),
			s->path, doing, s->path);
	default:
		return store_fail(s, OKR_E_FAIL, _("unexpected database error while %s: %s"),
				  doing, s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
	}
}

sqlite3_stmt *store_prepare(okr_store *s, const char *sql)
{
	if (!s->db) {
		store_closed(s);
		return NULL;
	}
	int slot = -1;
	for (int i = 0; i < s->ncache; i++)
		if (s->cache[i].sql == sql) {
			if (s->cache[i].st) {
				sqlite3_stmt *st = s->cache[i].st;
				s->cache[i].st = NULL;
				s->cache[i].out = st;   /* in use until store_done */
				return st;
			}
			slot = i;   /* in use (a nested call): this one is not kept */
		}
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK) {
		store_sqlerr(s, rc, _("preparing a query"));
		sqlite3_finalize(st);
		return NULL;
	}
	if (slot < 0 && s->ncache < STORE_CACHE) {
		/* Keyed by the caller's pointer: sqlite3_sql() returns SQLite's own
		 * copy of the text, which would never match it. */
		s->cache[s->ncache].sql = sql;
		s->cache[s->ncache].st = NULL;
		s->cache[s->ncache++].out = st;
	}
	return st;
}

void store_done(okr_store *s, sqlite3_stmt *st)
{
	if (!st)
		return;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	for (int i = 0; i < s->ncache; i++)
		if (s->cache[i].out == st) {
			s->cache[i].out = NULL;
			s->cache[i].st = st;
			return;
		}
	sqlite3_finalize(st);
}

void store_cache_clear(okr_store *s)
{
	for (int i = 0; i < s->ncache; i++)
		sqlite3_finalize(s->cache[i].st);
	s->ncache = 0;
}

char *store_col_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return okr_xstrdup(t ? (const char *)t : "");
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

static int exec(okr_store *s, const char *sql)
{
	return sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

/* Touch the doorbell: watchers wait for IN_CLOSE_WRITE on it. */
static void ring_bell(okr_store *s)
{
	okr_bell_touch(s->bell, true);
}

/*
 * After a write commits: copy it into the database file at once (a passive
 * checkpoint never waits for readers), so that a -wal deleted by hand later
 * loses as little as possible; then make sure the file we wrote is still the
 * one at the path — a write into a deleted file is not confirmed — and ring.
 */
static okr_result after_commit(okr_store *s)
{
	s->own_commits++;
	sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	okr_file_state fs = okr_store_file_state(s);
	if (fs != OKR_FILE_OK) {
		store_events_drop(s);   /* not saved: no hook may say it was */
		return store_file_lost(s, fs, true);
	}
	ring_bell(s);
	store_events_deliver(s);
	return OKR_OK;
}

static okr_result run_txn(okr_store *s, const char *begin, store_txn_fn fn, void *ctx,
			  bool is_write)
{
	if (!s->db)
		return store_closed(s);
	s->waited_ms = 0;
	s->told_wait = false;
	okr_file_state fs = is_write ? okr_store_file_state(s) : OKR_FILE_OK;
	if (fs != OKR_FILE_OK)
		return store_file_lost(s, fs, false);
	int rc = SQLITE_OK;
	for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
		s->err[0] = '\0';
		store_events_drop(s);
		rc = exec(s, begin);
		if ((rc & 0xff) == SQLITE_BUSY) {
			s->waited_ms = 0;
			continue;
		}
		if (rc != SQLITE_OK)
			return store_sqlerr(s, rc, is_write ? _("starting a write") : _("reading"));
		s->in_txn = true;
		okr_result r = fn(s, ctx);
		s->in_txn = false;
		int ext = sqlite3_extended_errcode(s->db);
		if (r != OKR_OK) {
			exec(s, "ROLLBACK");
			store_events_drop(s);
			/* A busy error inside the body: run the whole body again. */
			if ((ext & 0xff) == SQLITE_BUSY) {
				s->waited_ms = 0;
				rc = ext;
				continue;
			}
			return r;
		}
		rc = exec(s, "COMMIT");
		if (rc == SQLITE_OK) {
			if (is_write)
				return after_commit(s);
			return OKR_OK;
		}
		exec(s, "ROLLBACK");
		store_events_drop(s);
		if ((rc & 0xff) != SQLITE_BUSY)
			return store_sqlerr(s, rc, _("saving"));
		s->waited_ms = 0;
	}
	return store_sqlerr(s, rc ? rc : SQLITE_BUSY, is_write ? _("writing") : _("reading"));
}

okr_result store_write(okr_store *s, store_txn_fn fn, void *ctx)
{
	if (s->in_txn)
		return fn(s, ctx);
	if (s->flags & OKR_OPEN_READONLY)
		return store_fail(s, OKR_E_DB, _("%s is open read-only here; nothing was saved"), s->path);
	return run_txn(s, "BEGIN IMMEDIATE", fn, ctx, true);
}

okr_result store_read(okr_store *s, store_txn_fn fn, void *ctx)
{
	if (s->in_txn)
		return fn(s, ctx);
	return run_txn(s, "BEGIN", fn, ctx, false);
}

okr_result okr_store_batch(okr_store *s, okr_result (*fn)(okr_store *, void *), void *ctx)
{
	return store_write(s, fn, ctx);
}

int64_t okr_store_data_version(okr_store *s)
{
	int64_t v = 0;
	if (s->db && s->data_version && sqlite3_step(s->data_version) == SQLITE_ROW)
		v = sqlite3_column_int64(s->data_version, 0);
	if (s->data_version)
		sqlite3_reset(s->data_version);
	/* data_version does not move for this connection's own commits. */
	return v * 1000003 + s->own_commits;
}

const char *okr_store_error(const okr_store *s) { return s ? s->err : ""; }
const char *okr_store_path(const okr_store *s) { return s->path; }
const char *okr_store_bell_path(const okr_store *s) { return s->bell; }
const char *okr_store_warning(const okr_store *s) { return s->warning; }
bool okr_store_damaged(const okr_store *s) { return s->damaged; }
const okr_person *okr_store_me(const okr_store *s) { return &s->me; }
int okr_store_schema_version(void) { return store_nmigrations; }
