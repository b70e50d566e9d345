/*
 * side.c — the files next to the database: DB-wal, DB-shm and the doorbell.
 *
 * Every member of the team can write the shared directory, so each of these
 * may be a leftover with the wrong mode, a symbolic link to somewhere else,
 * or a FIFO that would block whoever opens it.  They are looked at with
 * lstat before SQLite opens them, and opened only in ways that cannot hang
 * (O_NONBLOCK, O_NOFOLLOW, then fstat for a regular file).  A problem is
 * named by the file that has it, with the command that fixes it: SQLite's own
 * error would name only the database.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "okr/i18n.h"
#include "sqlite_int.h"

static const char *owner_name(uid_t uid, char *buf, size_t len)
{
	struct passwd *pw = getpwuid(uid);
	if (pw)
		snprintf(buf, len, "%s", pw->pw_name);
	else
		snprintf(buf, len, "uid %u", (unsigned)uid);
	return buf;
}

/* One side file: a link or not a regular file is refused at once (OKR_E_DB,
 * message in s->err); *readonly says whether a writer cannot write it. */
static okr_result side_one(okr_store *s, const char *suffix, bool writing, bool *readonly)
{
	char p[4200];
	snprintf(p, sizeof p, "%s%s", s->path, suffix);
	struct stat st;
	*readonly = false;
	if (lstat(p, &st) != 0)
		return OKR_OK;
	if (S_ISLNK(st.st_mode))
		return store_fail(s, OKR_E_DB,
			_("%s is a symbolic link, not the database's own file, so okr will not use it — "
			  "remove the link with `rm %s` (the data is in %s) and run the command again"),
			p, p, s->path);
	if (!S_ISREG(st.st_mode))
		return store_fail(s, OKR_E_DB,
			_("%s is not a regular file (someone put a %s there) — remove it with `rm %s` "
			  "and run the command again"),
			p, S_ISFIFO(st.st_mode) ? _("FIFO") : S_ISDIR(st.st_mode) ? _("directory") : _("special file"),
			p);
	*readonly = writing && access(p, R_OK | W_OK) != 0;
	if (*readonly)
		s->side_uid = st.st_uid;
	return OKR_OK;
}

/* Both files read-only (what a reader of a 0444 database leaves) are named
 * together, so that one chmod fixes it. */
okr_result store_side_check(okr_store *s)
{
	bool writing = !(s->flags & OKR_OPEN_READONLY), wal_ro, shm_ro;
	okr_result r = side_one(s, "-wal", writing, &wal_ro);
	if (r || (r = side_one(s, "-shm", writing, &shm_ro)))
		return r;
	if (!wal_ro && !shm_ro)
		return OKR_OK;
	char names[8500], who[64];
	if (wal_ro && shm_ro)
		snprintf(names, sizeof names, "%s-wal %s-shm", s->path, s->path);
	else
		snprintf(names, sizeof names, "%s%s", s->path, wal_ro ? "-wal" : "-shm");
	char listed[8600];
	if (wal_ro && shm_ro)
		snprintf(listed, sizeof listed, _("%s-wal and %s-shm are"), s->path, s->path);
	else
		snprintf(listed, sizeof listed, _("%s is"), names);
	return store_fail(s, OKR_E_DB,
		_("%s read-only for you (owned by %s), so nothing can be saved — probably left by "
		  "someone who opened a read-only database; the owner or an admin can fix it with `chmod 660 %s`"),
		listed, owner_name(s->side_uid, who, sizeof who), names);
}

/* A doorbell that is not a regular file only costs latency (the slow timer
 * still sees every commit), so it is a warning, not a refusal. */
void store_bell_check(okr_store *s)
{
	struct stat st;
	if (lstat(s->bell, &st) == 0 && !S_ISREG(st.st_mode))
		snprintf(s->warning, sizeof s->warning,
			 _("%s is not a regular file, so screens update only every 200 ms — "
			   "remove it with `rm %s`; okr makes a new one"), s->bell, s->bell);
}

/* SQLite holds a shared lock on this byte of -shm for as long as a
 * connection has the database open (UNIX_SHM_DMS in its os_unix.c). */
enum { SHM_DMS_BYTE = 128 };

okr_result store_wal_orphan_check(okr_store *s)
{
	char wal[4200], shm[4200];
	snprintf(wal, sizeof wal, "%s-wal", s->path);
	snprintf(shm, sizeof shm, "%s-shm", s->path);
	struct stat st;
	if (lstat(wal, &st) == 0 || lstat(shm, &st) != 0 || !S_ISREG(st.st_mode))
		return OKR_OK;
	int fd = open(shm, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0)
		return OKR_OK;
	struct flock lk = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = SHM_DMS_BYTE, .l_len = 1 };
	bool in_use = fcntl(fd, F_GETLK, &lk) == 0 && lk.l_type != F_UNLCK;
	close(fd);
	if (!in_use)
		return OKR_OK;
	return store_fail(s, OKR_E_DB,
		_("%s was deleted while other programs (process %ld) had the database open — nothing was "
		  "saved; okr screens let go within a second, so try again in a moment; if this stays, "
		  "close the program that holds %s (`fuser %s`)"),
		wal, (long)lk.l_pid, s->path, shm);
}
