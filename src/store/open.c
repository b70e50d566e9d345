/*
 * open.c — finding, creating, checking and upgrading the database file, and
 * registering the person who opens it.
 *
 * Most of what can go wrong with a shared file goes wrong here, before any
 * SQL runs, so each check turns the system's terse answer into a message
 * that says what to do.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "okr/i18n.h"
#include "okr/util.h"
#include "store_int.h"

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
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db,
		"SELECT (SELECT count(*) FROM sqlite_master), application_id, user_version "
		"FROM pragma_application_id, pragma_user_version", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return store_sqlerr(s, rc == SQLITE_DONE ? SQLITE_NOTADB : rc, _("opening"));
	}
	int64_t tables = sqlite3_column_int64(st, 0);
	int app = sqlite3_column_int(st, 1);
	int version = sqlite3_column_int(st, 2);
	sqlite3_finalize(st);
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

static void display_name(const char *login, char *out, size_t len)
{
	struct passwd *pw = getpwnam(login);
	out[0] = '\0';
	if (pw && pw->pw_gecos && *pw->pw_gecos) {
		okr_strlcpy(out, pw->pw_gecos, len);
		char *comma = strchr(out, ',');
		if (comma)
			*comma = '\0';
	}
	if (!out[0])
		okr_strlcpy(out, login, len);
}

static okr_result load_me(okr_store *s)
{
	okr_person p;
	okr_result r = okr_store_person(s, s->me.login, &p);
	if (r != OKR_OK)
		return r;
	okr_person_free(&s->me);   /* the placeholder login, name and teams */
	s->me = p;
	return OKR_OK;
}

/* Register the person on first use; the first person of a database is its admin. */
static okr_result register_txn(okr_store *s, void *ctx)
{
	(void)ctx;
	if (store_person_id(s, s->me.login))
		return OKR_OK;
	char name[256];
	display_name(s->me.login, name, sizeof name);
	sqlite3_stmt *st = store_prepare(s,
		"INSERT INTO person(login, name, role, created_at) VALUES(?1, ?2, "
		"CASE WHEN EXISTS(SELECT 1 FROM person) THEN 'member' ELSE 'admin' END, ?3)");
	if (!st)
		return OKR_E_FAIL;
	sqlite3_bind_text(st, 1, s->me.login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, okr_now());
	int rc = sqlite3_step(st);
	store_done(s, st);
	if (rc != SQLITE_DONE)
		return store_sqlerr(s, rc, _("registering you"));
	return store_audit(s, "register", 'U', sqlite3_last_insert_rowid(s->db), s->me.login);
}

static okr_result setup(okr_store *s)
{
	okr_result r = check_file(s);
	if (r != OKR_OK)
		return r;
	int oflags = (s->flags & OKR_OPEN_READONLY) ? SQLITE_OPEN_READONLY
		: SQLITE_OPEN_READWRITE | ((s->flags & OKR_OPEN_CREATE) ? SQLITE_OPEN_CREATE : 0);
	int rc = sqlite3_open_v2(s->path, &s->db, oflags | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc != SQLITE_OK)
		return store_sqlerr(s, rc, _("opening"));
	sqlite3_extended_result_codes(s->db, 1);
	store_file_remember(s);
	/* The busy handler must be in place before the first read: a reader
	 * meets SQLITE_BUSY while another process recovers or checkpoints the
	 * WAL as it opens or closes (seen with many `okr kpi push` jobs at
	 * once), and journal_mode below takes a lock too. */
	sqlite3_busy_handler(s->db, store_busy_handler, s);
	r = check_identity(s);
	if (r != OKR_OK)
		return r;
	if (!(s->flags & OKR_OPEN_READONLY)) {
		rc = sqlite3_exec(s->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			return store_sqlerr(s, rc, _("switching to WAL mode"));
	}
	rc = sqlite3_exec(s->db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_sqlerr(s, rc, _("setting up"));
	r = store_migrate(s, store_nmigrations);
	if (r != OKR_OK)
		return r;
	s->data_version = store_prepare(s, "PRAGMA data_version");
	if (!s->data_version)
		return OKR_E_FAIL;
	if (!(s->flags & OKR_OPEN_READONLY)) {
		r = store_write(s, register_txn, NULL);
		if (r != OKR_OK)
			return r;
	}
	if (store_person_id(s, s->me.login))
		r = load_me(s);
	check_sharing(s);
	store_bell_check(s);
	store_file_remember_wal(s);
	return r;
}

okr_result okr_store_open(const char *path, int flags, const char *login,
			  okr_store **out, char *err, size_t errlen)
{
	*out = NULL;
	okr_store *s = okr_xcalloc(1, sizeof *s);
	s->flags = flags;
	s->path = okr_xstrdup(path);
	size_t n = strlen(path) + 6;
	s->bell = okr_xmalloc(n);
	snprintf(s->bell, n, "%s-bell", path);
	s->me.login = okr_xstrdup(login);
	s->me.name = okr_xstrdup(login);
	s->me.teams = okr_xstrdup("");
	if (!path[0]) {
		okr_strlcpy(err, _("no database path given — use --db PATH or set $OKR_DB"), errlen);
		okr_store_close(s);
		return OKR_E_USAGE;
	}
	okr_result r = setup(s);
	if (r != OKR_OK) {
		okr_strlcpy(err, s->err, errlen);
		okr_store_close(s);
		return r;
	}
	*out = s;
	return OKR_OK;
}

void okr_store_close(okr_store *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->data_version);
	store_events_drop(s);
	free(s->events);
	store_cache_clear(s);
	if (s->db)
		sqlite3_close_v2(s->db);
	okr_person_free(&s->me);
	free(s->path);
	free(s->bell);
	free(s);
}
