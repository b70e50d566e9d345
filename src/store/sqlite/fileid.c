/*
 * fileid.c — is the file at the database's path still the one this handle
 * has open?
 *
 * A cleanup script that removes DB-wal, a careless `rm`, or a restore that
 * puts a backup in place all leave running processes holding the old inode:
 * SQLite carries on writing into a file nobody will ever read again, and in
 * WAL mode it does not notice.  So the handle remembers the device and inode
 * of the database and of its -wal, and every write compares them with what
 * is at the path now, before it starts and after it commits: a write into a
 * file that is gone is never confirmed.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "okr/i18n.h"
#include "sqlite_int.h"

static bool wal_stat(const okr_store *s, struct stat *st)
{
	char p[4200];
	snprintf(p, sizeof p, "%s-wal", s->path);
	return stat(p, st) == 0;
}

void store_file_remember(okr_store *s)
{
	struct stat st;
	if (stat(s->path, &st) == 0) {
		s->file_dev = st.st_dev;
		s->file_ino = st.st_ino;
	}
	s->wal_ino = 0;
}

/* At the end of the open, once this connection has read (and so holds the
 * -shm, which keeps the last other connection from removing the -wal as it
 * closes): the -wal to watch from now on.  One that appears later (a
 * read-only first opener makes none) is remembered when first seen. */
void store_file_remember_wal(okr_store *s)
{
	struct stat st;
	if (wal_stat(s, &st)) {
		s->wal_dev = st.st_dev;
		s->wal_ino = st.st_ino;
	}
}

okr_file_state sq_file_state(okr_store *s)
{
	struct stat st;
	if (s->flags & OKR_OPEN_SCRATCH)
		return OKR_FILE_OK;
	if (stat(s->path, &st) != 0)
		return errno == ENOENT ? OKR_FILE_DELETED : OKR_FILE_OK;
	if (st.st_dev != s->file_dev || st.st_ino != s->file_ino || st.st_nlink == 0)
		return OKR_FILE_REPLACED;
	/* While this handle is open no other process deletes the -wal (only
	 * the last connection to close does), so a -wal seen once and gone or
	 * different now was removed by hand. */
	if (!wal_stat(s, &st))
		return s->wal_ino ? OKR_FILE_WAL_GONE : OKR_FILE_OK;
	if (!s->wal_ino) {
		s->wal_dev = st.st_dev;
		s->wal_ino = st.st_ino;
	} else if (st.st_dev != s->wal_dev || st.st_ino != s->wal_ino) {
		return OKR_FILE_WAL_GONE;
	}
	return OKR_FILE_OK;
}

/* What happened to the database, each said with its path and whether the
 * write was saved. */
static const struct {
	okr_file_state state;
	const char *what;
} lost_words[] = {
	{ OKR_FILE_DELETED, N_("%s was deleted while okr had it open — %s; restore it from "
			       "a backup (or make a new one with `okr init`)") },
	{ OKR_FILE_REPLACED, N_("%s was replaced by another file while okr had it open — %s; "
				"okr reopens the new file") },
	{ OKR_FILE_WAL_GONE, N_("%s-wal was deleted while okr had the database open — %s; "
				"okr saves what it still holds and reopens the file") },
	{ OKR_FILE_DISCONNECTED, N_("the connection to the server of %s was lost — %s; okr reconnects "
				    "by itself, try again in a moment") },
};

okr_result store_file_lost(okr_store *s, okr_file_state state, bool committed)
{
	/* Found only after COMMIT: the write went into the old file, whose
	 * checkpoint may or may not have reached the one at the path — so it
	 * is never confirmed, and the person is told to look before retrying. */
	const char *saved = committed ? _("the write is NOT confirmed: it went into the old file and may be "
					  "lost (look with `okr show` before entering it again)")
				      : _("nothing was saved");
	for (size_t i = 0; i < sizeof lost_words / sizeof lost_words[0]; i++)
		if (lost_words[i].state == state)
			return store_fail(s, OKR_E_DB, _(lost_words[i].what), s->path, saved);
	return OKR_OK;
}

/*
 * The -wal deleted under this handle.  While no other -wal is at the path,
 * the frames this connection can still read through its open descriptor
 * are copied into the database file and the log is reset (TRUNCATE, else
 * as much as readers allow); once a new -wal exists that would copy stale
 * frames over newer pages, so it is not done.  Then the connection is
 * closed: it holds the -shm that a new -wal must not share with the old one
 * (side.c refuses to open while someone still does).  The handle stays
 * valid; everything on it fails with "closed" until okr_store_reopen.
 */
void sq_release(okr_store *s)
{
	if (!s->db)
		return;
	sqlite3 *db = sq_db(s->db);
	char wal[4200];
	struct stat st;
	snprintf(wal, sizeof wal, "%s-wal", s->path);
	if (lstat(wal, &st) != 0 &&
	    sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL) != SQLITE_OK)
		sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	store_cache_clear(s);
	db_close(s->db);
	s->db = NULL;
}

/*
 * A damaged page is found only by the query that reads it, and a screen's
 * snapshot reads few tables (the latest check-ins, not the check-ins), so a
 * damaged table could go unnoticed until someone's check-in fails.  Viewers
 * run SQLite's quick_check once, after their first frame.
 */
okr_result sq_health(okr_store *s)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(sq_db(s->db), "PRAGMA quick_check(1)", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	bool ok = rc == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(st, 0), "ok");
	char what[256] = "";
	if (rc == SQLITE_ROW && !ok) {
		/* "*** in database main ***\nPage 14: …": the page is what matters. */
		const char *t = (const char *)sqlite3_column_text(st, 0);
		const char *nl = strchr(t, '\n');
		snprintf(what, sizeof what, "%s", nl ? nl + 1 : t);
	}
	sqlite3_finalize(st);
	if (ok)
		return OKR_OK;
	if (rc != SQLITE_ROW && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB)
		return store_sqlerr(s, sq_class(rc), _("checking the database"));
	s->damaged = true;
	return store_fail(s, OKR_E_DB,
		_("%s is damaged — restore a backup, or save what is left: `sqlite3 %s .recover | sqlite3 NEW.db`; "
		  "until then what you see may be incomplete and saving may fail (%s)"),
		s->path, s->path, what[0] ? what : sqlite3_errstr(rc));
}
