/*
 * open.c — the SQLite engine's side of opening: finding, creating and
 * checking the database file and its neighbours before SQLite sees them,
 * and what only a file has (its schema number in PRAGMA user_version, its
 * directory, its removal).
 *
 * Most of what can go wrong with a shared file goes wrong here, before any
 * SQL runs, so each check turns the system's terse answer into a message
 * that says what to do.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "okr/i18n.h"
#include "okr/util.h"
#include "sqlite_int.h"

static char *dir_of(const char *path)
{
	char *copy = okr_xstrdup(path);
	char *d = okr_xstrdup(dirname(copy));
	free(copy);
	return d;
}

/* Make a new file mode 0660 whatever the umask, so the group can write. */
static int create_group_file(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
	if (fd < 0)
		return errno == EEXIST ? 0 : -1;
	int rc = fchmod(fd, 0660);
	close(fd);
	return rc;
}

/*
 * okr init --shared changes only what it makes.  A directory that does not
 * exist yet is made setgid and group-writable (mode 2770, whatever the
 * umask), so every file made in it — the -wal, -shm and doorbell too —
 * belongs to the team's group.  An existing directory that is not already so
 * is refused rather than loosened: it may be someone's home, where
 * group-write would also make sshd refuse their keys.  The database is then
 * created 0660 before anyone uses it.
 */
static okr_result prepare_shared(okr_store *s)
{
	char *dir = dir_of(s->path);
	struct stat st;
	okr_result r = OKR_OK;
	if (stat(dir, &st) != 0 && errno == ENOENT) {
		if (mkdir(dir, 02770) != 0 || chmod(dir, 02770) != 0)
			r = store_fail(s, OKR_E_DB, _("cannot make directory %s: %s — create its parent "
						      "first, or choose a directory you can write"),
				       dir, strerror(errno));
	} else if (stat(dir, &st) != 0) {
		r = store_fail(s, OKR_E_DB, _("cannot use directory %s: %s"), dir, strerror(errno));
	} else if ((st.st_mode & 02070) != 02070) {
		r = store_fail(s, OKR_E_DB,
			_("%s is not a shared directory (mode %04o) and `okr init --shared` does not loosen a "
			  "directory it did not make — give a new directory, e.g. `--db %s/okr/team.db`, "
			  "which okr makes setgid for the group, or have the owner run "
			  "`chgrp TEAMGROUP %s && chmod 2770 %s` if the whole directory is the team's"),
			dir, (unsigned)(st.st_mode & 07777), dir, dir, dir);
	}
	if (r == OKR_OK && (create_group_file(s->path) != 0 || create_group_file(s->bell) != 0))
		r = store_fail(s, OKR_E_DB, _("cannot create %s: %s"), s->path, strerror(errno));
	free(dir);
	return r;
}

/* Checks on the file before SQLite sees it: existence, kind, permissions. */
static okr_result check_file(okr_store *s)
{
	struct stat st;
	if (stat(s->path, &st) != 0) {
		if (errno == ENOENT && (s->flags & OKR_OPEN_CREATE) && (s->flags & OKR_OPEN_SHARED))
			return prepare_shared(s);
		if (errno == ENOENT && (s->flags & OKR_OPEN_CREATE)) {
			char *dir = dir_of(s->path);
			bool ok = access(dir, W_OK) == 0;
			okr_result r = OKR_OK;
			if (!ok)
				r = store_fail(s, OKR_E_DB, _("cannot create %s: %s — choose a directory you can write, "
							      "or ask its owner for access"), s->path,
					       errno == ENOENT ? _("the directory does not exist") : strerror(errno));
			free(dir);
			return r;
		}
		if (errno == ENOENT)
			return store_fail(s, OKR_E_DB,
				_("no okr database at %s — create one with `okr init`, try `okr demo` for a sample, "
				  "or point --db or $OKR_DB at your team's file"), s->path);
		return store_fail(s, OKR_E_DB, _("cannot open %s: %s"), s->path, strerror(errno));
	}
	if (S_ISDIR(st.st_mode))
		return store_fail(s, OKR_E_DB, _("%s is a directory, not a database — give the path of the file"),
				  s->path);
	if (access(s->path, R_OK) != 0)
		return store_fail(s, OKR_E_DB,
			_("cannot read %s: permission denied — ask your admin to add you to the file's group, "
			  "or to run `okr init --shared` for the team"), s->path);
	if (!(s->flags & OKR_OPEN_READONLY)) {
		char *dir = dir_of(s->path);
		bool writable = access(s->path, W_OK) == 0 && access(dir, W_OK) == 0;
		free(dir);
		if (!writable)
			return store_fail(s, OKR_E_DB,
				_("cannot write %s: the file or its directory is read-only for you — "
				  "ask your admin to add you to the file's group, or to run `okr init --shared`"),
				s->path);
	}
	okr_result r = store_side_check(s);
	if (r == OKR_OK)
		r = store_wal_orphan_check(s);
	if (r == OKR_OK && (s->flags & OKR_OPEN_SHARED) && (s->flags & OKR_OPEN_CREATE))
		r = prepare_shared(s);
	return r;
}

/*
 * A group-writable database whose -wal or -shm the group cannot write locks
 * out everyone but their owner (a member's umask made them): say so.
 */
static void check_sharing(okr_store *s)
{
	struct stat st;
	if (stat(s->path, &st) != 0 || !(st.st_mode & S_IWGRP))
		return;
	const char *suffix[] = { "-wal", "-shm" };
	for (int i = 0; i < 2; i++) {
		char p[4200];
		snprintf(p, sizeof p, "%s%s", s->path, suffix[i]);
		struct stat side;
		if (stat(p, &side) == 0 && !(side.st_mode & S_IWGRP)) {
			snprintf(s->warning, sizeof s->warning,
				 _("%s is not writable by the group, so teammates cannot write — "
				   "fix it with `chmod g+w %s`"), p, p);
			return;
		}
	}
}

/* Is this an okr file (or an empty one we may make into one)? */
static okr_result check_identity(okr_store *s)
{
	db_stmt *st = NULL;
	int rc = db_prepare(s->db, "SELECT (SELECT count(*) FROM sqlite_master), application_id, user_version "
		"FROM pragma_application_id, pragma_user_version", &st);
	if (rc == DB_OK)
		rc = db_step(st);
	if (rc != DB_ROW) {
		db_finalize(st);
		return store_sqlerr(s, rc == DB_DONE ? DB_E_CORRUPT : rc, _("opening"));
	}
	int64_t tables = db_column_int64(st, 0);
	int app = db_column_int(st, 1);
	int version = db_column_int(st, 2);
	db_finalize(st);
	/* Before anything writes to it, even the switch to WAL: a newer file is
	 * left byte for byte as it was. */
	if (version > store_nmigrations)
		return store_too_new(s, version);
	if (tables > 0 && app != STORE_APPLICATION_ID)
		return store_fail(s, OKR_E_DB,
			_("%s is an SQLite database, but not an okr one — point --db at your okr file, "
			  "or make a new one with `okr --db NEWFILE init`"), s->path);
	return OKR_OK;
}

okr_result sq_open(okr_store *s)
{
	bool scratch = s->flags & OKR_OPEN_SCRATCH;
	okr_result r = scratch ? OKR_OK : check_file(s);
	if (r != OKR_OK)
		return r;
	int cflags = (s->flags & OKR_OPEN_READONLY) ? DB_CONNECT_READONLY
		: (s->flags & OKR_OPEN_CREATE) ? DB_CONNECT_CREATE : 0;
	int rc = db_connect(s->path, cflags | (scratch ? DB_CONNECT_MEMORY : 0), &s->db);
	if (rc != DB_OK)
		return store_sqlerr(s, rc, _("opening"));
	if (!scratch)
		store_file_remember(s);
	/* The busy handler must be in place before the first read: a reader
	 * meets SQLITE_BUSY while another process recovers or checkpoints the
	 * WAL as it opens or closes (seen with many `okr kpi push` jobs at
	 * once), and journal_mode below takes a lock too. */
	db_busy_handler(s->db, store_busy_handler, s);
	r = check_identity(s);
	if (r != OKR_OK)
		return r;
	if (!(s->flags & OKR_OPEN_READONLY) && !scratch) {
		rc = db_exec(s->db, "PRAGMA journal_mode=WAL");
		if (rc != DB_OK)
			return store_sqlerr(s, rc, _("switching to WAL mode"));
	}
	rc = db_exec(s->db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON");
	if (rc != DB_OK)
		return store_sqlerr(s, rc, _("setting up"));
	return OKR_OK;
}

void sq_opened(okr_store *s)
{
	if (s->flags & OKR_OPEN_SCRATCH)
		return;
	check_sharing(s);
	store_bell_check(s);
	store_file_remember_wal(s);
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
okr_result sq_cause(okr_store *s, int rc)
{
	if (rc != DB_E_IO && rc != DB_E_SHORT_READ && rc != DB_E_READONLY && rc != DB_E_MOVED &&
	    rc != DB_E_CANTOPEN)
		return OKR_OK;
	if (s->flags & OKR_OPEN_SCRATCH)
		return OKR_OK;
	okr_file_state fs = s->db ? sq_file_state(s) : OKR_FILE_OK;
	if (fs != OKR_FILE_OK || rc == DB_E_MOVED)
		return store_file_lost(s, fs != OKR_FILE_OK ? fs : OKR_FILE_REPLACED, false);
	okr_result r = store_side_check(s);
	if (r != OKR_OK)
		return r;
	if (rc == DB_E_SHORT_READ)
		return store_fail(s, OKR_E_DB,
			_("a file of %s was cut short under running programs (was %s-wal deleted by hand?) — "
			  "nothing was saved; try again in a moment (open okr screens repair it), and never "
			  "delete -wal or -shm while anyone has the database open"), s->path, s->path);
	if (disk_full(s))
		return store_fail(s, OKR_E_DB, _("the disk holding %s is full — nothing was saved; "
						 "free some space and try again"), s->path);
	return OKR_OK;
}

int sq_schema_version(okr_store *s)
{
	db_stmt *st = store_prepare(s, "PRAGMA user_version");
	int v = -1;
	if (st && db_step(st) == DB_ROW)
		v = db_column_int(st, 0);
	store_done(s, st);
	return v;
}

/* The first step also marks the file as okr's (application_id), so that a
 * stray SQLite file is never taken for one. */
int sq_set_schema_version(okr_store *s, int v)
{
	char sql[96];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
	int rc = db_exec(s->db, sql);
	if (rc == DB_OK && v == 1) {
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d", STORE_APPLICATION_ID);
		db_exec(s->db, sql);
	}
	return rc;
}

bool sq_exists(const char *target)
{
	struct stat st;
	return stat(target, &st) == 0 || errno != ENOENT;
}

/* The default database directory may not exist yet on a first `okr init`. */
void sq_make_room(const char *target)
{
	char buf[4096];
	okr_strlcpy(buf, target, sizeof buf);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(buf, 0775);
		*p = '/';
	}
}

void sq_discard(okr_store *s)
{
	if (s->flags & OKR_OPEN_SCRATCH)
		return;
	static const char *const ext[] = { "", "-wal", "-shm", "-bell" };
	char p[4200];
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		snprintf(p, sizeof p, "%s%s", s->path, ext[i]);
		unlink(p);
	}
}
