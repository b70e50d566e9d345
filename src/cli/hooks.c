/*
 * hooks.c — see hooks.h.
 *
 * Why a double fork and a supervisor: the check-in (or the screen) forks
 * once and reaps that child at once; the child starts a new session and
 * forks the supervisor, which is then nobody's terminal job and is
 * re-parented to init.  The supervisor gives the hook its event from an
 * unlinked temporary file (a hook that never reads stdin cannot block it),
 * collects its output through a pipe so that a flood is cut at
 * HOOKS_OUTPUT_MAX instead of filling the disk, and kills it when the time
 * limit passes.  It closes every descriptor it inherited, so a caller whose
 * output goes to a pipe ($(okr checkin ...)) sees end of file at once.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "okr/cli.h"
#include "okr/hooks.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/util.h"

void hooks_log_path(const okr_config *cfg, char *out, size_t len)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	if (cfg->hooks.log[0])
		okr_strlcpy(out, cfg->hooks.log, len);
	else if (xdg && *xdg)
		snprintf(out, len, "%s/okr/hooks.log", xdg);
	else
		snprintf(out, len, "%s/.local/state/okr/hooks.log", home && *home ? home : ".");
}

static void mkdir_parents(const char *path)
{
	char buf[4096];
	okr_strlcpy(buf, path, sizeof buf);
	for (char *p = buf + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(buf, 0700);
			*p = '/';
		}
}

/* Append-only, private; rotated to LOG.1 once past HOOKS_LOG_ROTATE. */
static int log_open(const char *path)
{
	struct stat st;
	mkdir_parents(path);
	if (stat(path, &st) == 0 && st.st_size > HOOKS_LOG_ROTATE) {
		char old[4200];
		snprintf(old, sizeof old, "%s.1", path);
		rename(path, old);
	}
	return open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
}

static void log_line(int fd, const char *event, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void log_line(int fd, const char *event, const char *fmt, ...)
{
	char line[1400], when[32];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	int n = snprintf(line, sizeof line, "%s [%ld] %s: ", when, (long)getpid(), event);
	va_list ap;
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < sizeof line)
		n += vsnprintf(line + n, sizeof line - (size_t)n, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof line - 1)
		n = (int)sizeof line - 2;
	line[n++] = '\n';
	if (write(fd, line, (size_t)n) < 0)
		return;
}

static long long ms_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void close_inherited(void)
{
	long max = sysconf(_SC_OPEN_MAX);
	if (max < 0 || max > 65536)
		max = 65536;
	for (int fd = 3; fd < max; fd++)
		close(fd);
	int null = open("/dev/null", O_RDWR);
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
		if (null > 2)
			close(null);
	}
}

/* The hook's end: exited (its status) or still running at the deadline. */
static void reap(int logfd, const char *event, pid_t pid, long long deadline, int timeout, size_t dropped)
{
	int status = 0;
	bool killed = false;
	for (;;) {
		pid_t w = waitpid(pid, &status, WNOHANG);
		if (w == pid || (w < 0 && errno != EINTR))
			break;
		if (ms_now() >= deadline && !killed) {
			kill(-pid, SIGKILL);
			killed = true;
			continue;
		}
		struct timespec pause = { 0, 20 * 1000000L };
		nanosleep(&pause, NULL);
	}
	if (dropped)
		log_line(logfd, event, _("output cut after %d bytes; %zu more were dropped"), HOOKS_OUTPUT_MAX, dropped);
	if (killed)
		log_line(logfd, event, _("killed: still running after %d s (hooks.timeout)"), timeout);
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		log_line(logfd, event, _("done"));
	else if (WIFEXITED(status))
		log_line(logfd, event, _("failed: exit status %d"), WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		log_line(logfd, event, _("failed: ended by signal %d"), WTERMSIG(status));
}

/* Copy the hook's output into the log until it closes it or time is up. */
static size_t collect(int logfd, int out, long long deadline)
{
	size_t kept = 0, dropped = 0;
	char buf[8192];
	for (;;) {
		long long left = deadline - ms_now();
		if (left <= 0)
			break;   /* reap() kills it */
		struct pollfd p = { .fd = out, .events = POLLIN };
		int r = poll(&p, 1, (int)(left > 60000 ? 60000 : left));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			continue;
		ssize_t n = read(out, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		size_t room = HOOKS_OUTPUT_MAX - kept, take = (size_t)n < room ? (size_t)n : room;
		if (take && write(logfd, buf, take) < 0)
			take = 0;
		kept += take;
		dropped += (size_t)n - take;
	}
	return dropped;
}

static void supervise(const okr_config *cfg, const char *event, const char *cmd, const char *json)
{
	char path[4096];
	hooks_log_path(cfg, path, sizeof path);
	/* A log that cannot be written does not stop the hook: its output
	 * then goes nowhere, as it would without okr. */
	int logfd = log_open(path);
	if (logfd < 0 && (logfd = open("/dev/null", O_WRONLY)) < 0)
		return;
	signal(SIGCHLD, SIG_DFL);
	signal(SIGPIPE, SIG_IGN);
	FILE *in = tmpfile();
	int out[2];
	if (!in || fputs(json, in) == EOF || fflush(in) != 0 || fseek(in, 0, SEEK_SET) != 0 || pipe(out) != 0) {
		log_line(logfd, event, _("cannot start `%s`: %s"), cmd, strerror(errno));
		return;
	}
	long long deadline = ms_now() + (long long)cfg->hooks.timeout * 1000;
	pid_t pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		signal(SIGPIPE, SIG_DFL);
		setenv("OKR_HOOK_EVENT", event, 1);
		dup2(fileno(in), 0);
		dup2(out[1], 1);
		dup2(out[1], 2);
		close(out[0]);
		close(out[1]);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(out[1]);
	if (pid < 0) {
		log_line(logfd, event, _("cannot start `%s`: %s"), cmd, strerror(errno));
		return;
	}
	setpgid(pid, pid);
	log_line(logfd, event, _("running `%s` (pid %ld)"), cmd, (long)pid);
	size_t dropped = collect(logfd, out[0], deadline);
	/* Keep the pipe open until the hook is gone: closing it first would
	 * end a flooding hook by SIGPIPE and hide that it ran out of time. */
	reap(logfd, event, pid, deadline, cfg->hooks.timeout, dropped);
	close(out[0]);
}

bool hooks_spawn(const okr_config *cfg, const char *event, const char *cmd, const char *json)
{
	pid_t first = fork();
	if (first < 0) {
		char path[4096];
		hooks_log_path(cfg, path, sizeof path);
		int fd = log_open(path);
		if (fd >= 0) {
			log_line(fd, event, _("cannot start `%s`: %s"), cmd, strerror(errno));
			close(fd);
		}
		return false;
	}
	if (first == 0) {
		setsid();
		pid_t second = fork();
		if (second != 0)
			_exit(second < 0);
		close_inherited();
		supervise(cfg, event, cmd, json);
		_exit(0);
	}
	int status;
	while (waitpid(first, &status, 0) < 0 && errno == EINTR)
		;
	return true;
}
