/*
 * watch.c — wake up when another process commits (SPEC §8).
 *
 * Every okr writer touches the doorbell file next to the database after it
 * commits (open with O_TRUNC, close), which inotify reports as
 * IN_CLOSE_WRITE.  The -wal file is no use for this: it changes before the
 * commit is visible.  If the bell cannot be watched (it cannot be created in
 * a read-only directory, or the file is replaced), the directory is watched
 * for its name instead.  Writers that do not ring (the sqlite3 shell) are
 * caught by the slow timer in app.c, so a failure here only costs latency.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "okr/util.h"
#include "ui_int.h"

static void watch_add(ui_watch *w, const char *bell)
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

void watch_open(ui_watch *w, const char *bell)
{
	memset(w, 0, sizeof *w);
	w->wd = -1;
	const char *base = strrchr(bell, '/');
	okr_strlcpy(w->name, base ? base + 1 : bell, sizeof w->name);
	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->fd < 0)
		return;
	/* A database made before the doorbell existed has none yet: make it,
	 * without truncating one that is there (that would ring for nothing). */
	okr_bell_touch(bell, false);
	watch_add(w, bell);
	if (w->wd < 0) {
		close(w->fd);
		w->fd = -1;
	}
}

/* Events are only a reason to look at data_version, so their number does not
 * matter: read them all and say whether any was ours.  A bell that was
 * deleted or replaced is watched again (through the directory if need be). */
bool watch_drain(ui_watch *w, const char *bell)
{
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
		/* Watched again (through the directory if need be). */
		inotify_rm_watch(w->fd, w->wd);
		watch_add(w, bell);
		rang = true;
	}
	return rang;
}

void watch_close(ui_watch *w)
{
	if (w->fd >= 0)
		close(w->fd);
	w->fd = -1;
}
