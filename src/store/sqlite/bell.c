/*
 * bell.c — the doorbell: how one okr process tells the others it committed.
 *
 * SQLite's update and commit hooks fire only on the connection that wrote,
 * and the -wal changes before the commit is visible, so every okr writer
 * touches DB-bell after a successful COMMIT (open with O_TRUNC, close),
 * which inotify reports to watchers as IN_CLOSE_WRITE.  If the bell cannot
 * be watched (it cannot be created in a read-only directory, or the file is
 * replaced), the directory is watched for its name instead.  Writers that do
 * not ring (the sqlite3 shell) are caught by the viewers' slow timer, so a
 * failure here only costs latency.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "okr/util.h"
#include "sqlite_int.h"

bool okr_bell_touch(const char *bell, bool ring)
{
	int fl = O_WRONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY;
	int fd = open(bell, fl | O_CREAT | O_EXCL, 0660);
	if (fd >= 0) {
		/* Made here: whatever this writer's umask, the group rings it too. */
		(void)fchmod(fd, 0660);
		close(fd);
		return true;
	}
	if (errno != EEXIST || (fd = open(bell, fl)) < 0)
		return false;
	struct stat st;
	bool regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	/* The ring is the close after a write open, which watchers see
	 * (IN_CLOSE_WRITE); the truncate keeps the file empty and its failure
	 * changes nothing (glibc's fortified headers insist it be looked at). */
	if (regular && ring && ftruncate(fd, 0) != 0)
		errno = 0;
	close(fd);
	return regular;
}

void sq_bell_ring(sq_conn *c)
{
	if (c->bell)
		okr_bell_touch(c->bell, true);
}

static void watch_add(sq_watch *w, const char *bell)
{
	w->wd = inotify_add_watch(w->fd, bell, IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF);
	w->dir_watch = false;
	if (w->wd >= 0)
		return;
	/* The directory, for the bell's name: creating it there also rings. */
	char dir[4096];
	okr_strlcpy(dir, bell, sizeof dir);
	char *slash = strrchr(dir, '/');
	if (slash == dir)
		dir[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		okr_strlcpy(dir, ".", sizeof dir);
	w->wd = inotify_add_watch(w->fd, dir, IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO);
	w->dir_watch = w->wd >= 0;
}

/* Watching starts when someone first asks for the descriptor: only viewers
 * wait, and a command that writes once has no use for inotify. */
int sq_watch_fd(sq_conn *c)
{
	sq_watch *w = &c->watch;
	if (w->opened || !c->bell)
		return w->fd;
	w->opened = true;
	w->wd = -1;
	const char *base = strrchr(c->bell, '/');
	okr_strlcpy(w->name, base ? base + 1 : c->bell, sizeof w->name);
	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->fd < 0)
		return -1;
	/* A database made before the doorbell existed has none yet: make it,
	 * without truncating one that is there (that would ring for nothing). */
	okr_bell_touch(c->bell, false);
	watch_add(w, c->bell);
	if (w->wd < 0) {
		close(w->fd);
		w->fd = -1;
	}
	return w->fd;
}

/* Events are only a reason to look at data_version, so their number does not
 * matter: read them all and say whether any was ours.  A bell that was
 * deleted or replaced is watched again (through the directory if need be). */
bool sq_watch_ack(sq_conn *c)
{
	sq_watch *w = &c->watch;
	if (w->fd < 0)
		return false;
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool rang = false, lost = false;
	for (;;) {
		ssize_t n = read(w->fd, buf, sizeof buf);
		if (n <= 0)
			break;
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *ev = (const struct inotify_event *)p;
			if (w->dir_watch)
				rang |= ev->len && strcmp(ev->name, w->name) == 0;
			else
				rang = true;
			if (ev->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF))
				lost = !w->dir_watch;
			p += sizeof *ev + ev->len;
		}
	}
	if (lost) {
		inotify_rm_watch(w->fd, w->wd);
		watch_add(w, c->bell);
		rang = true;
	}
	return rang;
}

void sq_watch_close(sq_conn *c)
{
	if (c->watch.fd >= 0)
		close(c->watch.fd);
	c->watch.fd = -1;
}
