/*
 * tuipty.c — drive the full-screen okr on a pseudo-terminal and measure what
 * a person at that terminal gets (SPEC §9): the first complete frame, commit
 * to screen latency, idle CPU, bytes per one-value change and peak memory.
 *
 *   tuipty [options] OKR_BIN DB
 *     -s COLSxROWS  terminal size (default 120x40)
 *     -u LOGIN      the person the view and the writers run as (OKR_USER)
 *     -k KR         the key result the writers check in (a metric on screen)
 *     -i SECONDS    measure idle CPU over this long (0: skip)
 *     -b N          check-ins whose bytes are counted (quiet 1 s each)
 *     -v N          then changes of one value only whose bytes are counted
 *     -l N          latency samples with `okr checkin` as the writer
 *     -L N          latency samples with the sqlite3 shell as the writer
 *     -o FILE       also write everything the view sent to FILE
 *     -c COMMAND    start `okr --db DB COMMAND` (board) instead of the main view
 *
 * Prints key=value lines on stdout; exit 1 when the view did not start or
 * a change never reached the screen.
 *
 * Definitions (the numbers mean exactly this):
 *
 * First complete frame: the time from just before fork() to the last byte of
 * the first burst of output after which the screen shows a whole frame with
 * the leaderboard's scores in it.  A burst ends when the terminal has been
 * silent for 100 ms; the time of a byte is when this driver read it from
 * the pty master.  What the screen shows is what a terminal would show:
 * the driver keeps the text of every row from the bytes (bench/vt.h).  A
 * frame is whole when the top row has text (the header: " okr · @LOGIN ·
 * …" in the main view, "Leaderboard — …" in `okr board`) and so has the
 * bottom row (the footer, which doupdate() sends last, whatever it says:
 * key hints, "You owe 16 check-ins…", a message); the scores are in it when
 * no row shows the leaderboard's placeholder "computing the scores…".
 * (Until 2026-12-01 the driver waited for the footer's last hint, "quit",
 * which a footer that says something else never shows.)
 *
 * Commit to screen: a writer checks in a new value on the key result shown
 * in the key-result pane; the clock starts when the writer's commit is known
 * and stops when the value's digits have been read from the pty.  For
 * `okr checkin` the commit is known exactly: okr rings the doorbell right
 * after COMMIT, so the bell's modification time (read once the value is
 * on screen) is the commit time, rounded down to the kernel's clock tick;
 * the time the value was read is taken from the same realtime clock.  The
 * sqlite3 shell rings nothing, so its clock starts when the shell is
 * started, which overstates its latency by the shell's own start-up.  Values
 * are four digits that differ from the previous value in every position and
 * have no two equal neighbours, so curses must send all four digits in one
 * run (no cursor jump over an unchanged digit, no repeat-character code).
 * Samples are spaced by a pseudo-random 0-199 ms so that the view's 200 ms
 * safety timer is met at every phase.
 *
 * Quiet after start-up: the first frame shows "computing the scores…" in
 * the leaderboard, which the view computes right after it (about a second on
 * a million check-ins) and then draws.  The view has gone quiet when, over a
 * whole second, it has sent no byte and used less than 0.5 % of a CPU
 * (schedstat); settle_ms is the time from the first frame to the start of
 * that second, settle_bytes what it sent meanwhile.  The idle window starts
 * there, so it measures watching, not start-up.
 *
 * Bytes for a check-in (-b): everything the view sent from the writer's
 * start until 1 s of silence, which includes the flash of the changed rows
 * and its end (flash_ms defaults to 600 ms); a rank highlight (3 s) or a
 * banner (4 s) that it starts ends in a later change's count.  The bytes up
 * to the first 100 ms of silence (the change itself) are reported
 * separately, and so is the first check-in, which on the demo set takes the
 * key result from 61 % over 100 %: its value, bar, percentage and status,
 * the objective's rollup and detail, the board's scores, ranks and
 * movements (rows re-ordered) and a celebration banner all change — several
 * visible values, not one.
 *
 * Bytes for one value (-v): after the check-ins, the driver waits until the
 * view has been silent for 5 s (longer than any banner or highlight, so
 * whatever the check-ins started has ended), then counts each further
 * change as above.  The values (1111-9999) lie past the target of the demo
 * set's K2 (1000) and short of the start of the large set's K1 (400 ->
 * -175), so progress stays clamped at 100 % / 0 %: the visible effect is
 * the one value, with the raw percentage printed next to it (SPEC §3) and
 * the header's "changed" time.
 *
 * Idle CPU: utime + stime from /proc/PID/stat over the idle period, while no
 * one writes (and the same from /proc/PID/schedstat, in nanoseconds where
 * stat counts 10 ms ticks), from the time the view went quiet after
 * start-up.  Refresh CPU: the view's schedstat time over one whole check-in.
 * Peak memory: VmHWM from /proc/PID/status at the end.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "okr/store.h"
#include "server.h"
#include "vt.h"

enum { BURST_MS = 100, CHANGE_QUIET_MS = 1000, SEEN_TIMEOUT_MS = 5000, START_TIMEOUT_MS = 20000,
       SETTLE_MS = 1000, SETTLE_TIMEOUT_MS = 120000, VALUE_QUIET_MS = 5000 };

static int master = -1, bell_fd = -1;
static char bell_path[4096];
/* On a PostgreSQL server there is no doorbell: the driver listens itself,
 * through the store, and a notification's arrival stands for the commit. */
static okr_store *listener;
static pid_t view = -1;
static const char *command;   /* -c: a subcommand instead of the main view (NULL) */
static FILE *dump;
static unsigned long long total_bytes;
static bool quitting;   /* the view may go away now */

/* Output since a mark: the text searched for a value. */
static char *seen;
static size_t nseen, capseen;
/* What the screen shows (the first frame). */
static vt screen;

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double real_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void die(const char *what)
{
	fprintf(stderr, "tuipty: %s: %s\n", what, errno ? strerror(errno) : "failed");
	if (view > 0)
		kill(view, SIGTERM);
	exit(1);
}

static void seen_reset(void)
{
	nseen = 0;
}

static bool seen_has(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i + n <= nseen; i++)
		if (memcmp(seen + i, s, n) == 0)
			return true;
	return false;
}

/*
 * Wait up to timeout ms for output (or a bell).  Returns the bytes read, 0
 * on timeout; *last is the time of the last read and *bell of the last bell.
 */
static long pump(int timeout, double *last, double *bell)
{
	struct pollfd p[2] = { { .fd = master, .events = POLLIN }, { .fd = bell_fd, .events = POLLIN } };
	int n = poll(p, bell_fd >= 0 ? 2 : 1, timeout);
	if (n < 0 && errno != EINTR)
		die("poll");
	if (n <= 0)
		return 0;
	double t = now_ms();
	if (bell_fd >= 0 && (p[1].revents & POLLIN)) {
		char ev[4096];
		bool rang = true;
		if (listener)
			rang = okr_store_wait_ack(listener);
		else
			while (read(bell_fd, ev, sizeof ev) > 0)
				;
		if (bell && rang)
			*bell = t;
	}
	if (!(p[0].revents & (POLLIN | POLLHUP | POLLERR)))
		return 0;
	char buf[65536];
	ssize_t r = read(master, buf, sizeof buf);
	if (r <= 0) {
		if (quitting)
			return -1;
		errno = 0;
		die("the view went away");
	}
	if (nseen + (size_t)r > capseen) {
		capseen = (nseen + (size_t)r) * 2;
		seen = realloc(seen, capseen);
		if (!seen)
			die("memory");
	}
	memcpy(seen + nseen, buf, (size_t)r);
	nseen += (size_t)r;
	vt_feed(&screen, buf, (size_t)r);
	total_bytes += (unsigned long long)r;
	if (dump)
		fwrite(buf, 1, (size_t)r, dump);
	if (last)
		*last = t;
	return r;
}

/* Read until quiet_ms of silence; returns the bytes read meanwhile. */
static unsigned long long drain(int quiet_ms, double *last)
{
	unsigned long long before = total_bytes;
	double end = now_ms() + quiet_ms;
	for (;;) {
		int left = (int)(end - now_ms());
		if (left <= 0)
			break;
		if (pump(left, last, NULL) > 0)
			end = now_ms() + quiet_ms;
	}
	return total_bytes - before;
}

/* Read for exactly ms; returns the bytes read meanwhile. */
static unsigned long long soak(int ms)
{
	unsigned long long before = total_bytes;
	double end = now_ms() + ms;
	for (int left; (left = (int)(end - now_ms())) > 0;)
		pump(left, NULL, NULL);
	return total_bytes - before;
}

static double cpu_ms(void);

/* Wait until the view has gone quiet (see "Quiet after start-up"); returns
 * the time from now to the start of the quiet second. */
static double settle(unsigned long long *bytes)
{
	double t0 = now_ms();
	unsigned long long b0 = total_bytes;
	for (;;) {
		double w0 = now_ms(), c0 = cpu_ms();
		unsigned long long got = soak(SETTLE_MS);
		double c1 = cpu_ms();
		if (!got && c1 - c0 < SETTLE_MS * 0.005) {
			*bytes = total_bytes - b0;
			return w0 - t0;
		}
		if (now_ms() - t0 > SETTLE_TIMEOUT_MS) {
			errno = 0;
			die("the view did not go quiet after start-up");
		}
	}
}

static pid_t spawn_view(const char *okr, const char *db, int cols, int rows, const char *login)
{
	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) || unlockpt(master))
		die("posix_openpt");
	const char *slave = ptsname(master);
	if (!slave)
		die("ptsname");
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
	if (ioctl(master, TIOCSWINSZ, &ws))
		die("TIOCSWINSZ");
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		setsid();
		int s = open(slave, O_RDWR);
		if (s < 0)
			_exit(126);
		ioctl(s, TIOCSCTTY, 0);
		dup2(s, 0);
		dup2(s, 1);
		dup2(s, 2);
		if (s > 2)
			close(s);
		close(master);
		setenv("OKR_USER", login, 1);
		execl(okr, okr, "--db", db, command, (char *)NULL);
		_exit(127);
	}
	return pid;
}

/* utime + stime of the view in clock ticks. */
static long long cpu_ticks(void)
{
	char path[64], buf[2048];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)view);
	FILE *f = fopen(path, "r");
	if (!f)
		die(path);
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* Fields after the command name, which may hold spaces: 3 is state. */
	char *p = strrchr(buf, ')');
	if (!p)
		die("/proc/PID/stat");
	long long ut = 0, st = 0;
	int field = 2;
	for (char *tok = strtok(p + 1, " "); tok; tok = strtok(NULL, " ")) {
		field++;
		if (field == 14)
			ut = atoll(tok);
		else if (field == 15) {
			st = atoll(tok);
			break;
		}
	}
	return ut + st;
}

/* Time the view has spent on a CPU, in ms, from /proc/PID/schedstat
 * (nanoseconds, where /proc/PID/stat counts 10 ms ticks). */
static double cpu_ms(void)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/schedstat", (int)view);
	FILE *f = fopen(path, "r");
	unsigned long long ns = 0;
	if (!f)
		return -1;
	if (fscanf(f, "%llu", &ns) != 1)
		ns = 0;
	fclose(f);
	return (double)ns / 1e6;
}

static long vm_hwm_kb(void)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)view);
	FILE *f = fopen(path, "r");
	long kb = -1;
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (strncmp(line, "VmHWM:", 6) == 0)
			kb = atol(line + 6);
	fclose(f);
	return kb;
}

/* The i-th value: see "Commit to screen" above. */
static void value_of(unsigned i, char out[5])
{
	for (int j = 0; j < 4; j++)
		out[j] = (char)('1' + (i + 2u * (unsigned)j) % 9);
	out[4] = '\0';
}

static pid_t spawn_writer(bool sql, const char *okr, const char *db, const char *login, const char *kr,
			  const char *value, unsigned i)
{
	char q[1024];
	if (sql)
		snprintf(q, sizeof q,
			 "INSERT INTO checkin(uid, kr_id, author_id, value, confidence, note, at) VALUES("
			 "'tuipty-%d-%u', %s, (SELECT id FROM person WHERE login = '%s'), %s, 7, 'bench', "
			 "CAST(strftime('%%s', 'now') AS INTEGER));", (int)getpid(), i, kr + 1, login, value);
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 1);
		}
		close(master);
		setenv("OKR_USER", login, 1);
		if (sql)
			execlp("sqlite3", "sqlite3", "-cmd", ".timeout 30000", db, q, (char *)NULL);
		else
			execl(okr, okr, "--db", db, "checkin", kr, value, "-q", (char *)NULL);
		_exit(127);
	}
	return pid;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double pct(double *v, size_t n, double p)
{
	if (!n)
		return -1;
	qsort(v, n, sizeof *v, cmp_double);
	size_t k = (size_t)(p * (double)n + 0.999999);
	if (k < 1)
		k = 1;
	if (k > n)
		k = n;
	return v[k - 1];
}

static unsigned counter;
static unsigned rng = 12345;

/*
 * One check-in by a writer; returns the commit-to-screen time in ms (< 0:
 * never seen).  quiet: silence to wait for after it is seen; *bytes and
 * *frame: what the view sent from the writer's start until that silence
 * and until the first 100 ms of silence.
 */
static double one_change(bool sql, const char *okr, const char *db, const char *login, const char *kr,
			 int quiet, unsigned long long *bytes, unsigned long long *frame)
{
	char value[5];
	value_of(counter++, value);
	seen_reset();
	unsigned long long before = total_bytes;
	if (dump)   /* where this change starts in the dump (-o), for decoding */
		fprintf(stderr, "tuipty: change %u (%s) at byte %llu of the dump\n", counter, value, before);
	double t_spawn = now_ms(), bell = 0, last = 0, t_seen = 0, t_seen_real = 0;
	pid_t w = spawn_writer(sql, okr, db, login, kr, value, counter);
	while (!seen_has(value)) {
		if (now_ms() - t_spawn > SEEN_TIMEOUT_MS)
			break;
		pump(50, &last, &bell);
	}
	if (seen_has(value)) {
		t_seen = last;
		t_seen_real = real_ms() - (now_ms() - last);
	}
	int st;
	waitpid(w, &st, 0);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "tuipty: the %s writer failed (status %d)\n", sql ? "sqlite3" : "okr", st);
		exit(1);
	}
	drain(BURST_MS, NULL);
	if (frame)
		*frame = total_bytes - before;
	if (quiet > BURST_MS)
		drain(quiet - BURST_MS, NULL);
	if (bytes)
		*bytes = total_bytes - before;
	if (!t_seen)
		return -1;
	if (sql || !bell)
		return t_seen - t_spawn;   /* no bell (cannot watch it): the safe side */
	/* A server's notification reached this driver when it reached the view:
	 * from then on, what the view took to show it.  Its delivery after the
	 * commit (a local socket) is not counted. */
	if (listener)
		return t_seen > bell ? t_seen - bell : 0;
	/* The bell's mtime is the commit time, rounded down to the kernel's
	 * clock tick: measured from it, a latency is never understated. */
	struct stat sb;
	if (stat(bell_path, &sb) != 0)
		return t_seen - t_spawn;
	double commit = (double)sb.st_mtim.tv_sec * 1e3 + (double)sb.st_mtim.tv_nsec / 1e6;
	double ms = t_seen_real - commit;
	return ms > 0 ? ms : 0;
}

static void latency(bool sql, int n, const char *okr, const char *db, const char *login, const char *kr)
{
	double *v = calloc((size_t)n + 1, sizeof *v);
	size_t got = 0;
	int missed = 0;
	for (int i = 0; i < n; i++) {
		rng = rng * 1103515245u + 12345u;
		drain((int)((rng >> 16) % 200), NULL);
		double ms = one_change(sql, okr, db, login, kr, 0, NULL, NULL);
		if (ms < 0)
			missed++;
		else
			v[got++] = ms;
	}
	const char *k = sql ? "sql" : "okr";
	printf("latency_%s_n=%zu\nlatency_%s_missed=%d\n", k, got, k, missed);
	printf("latency_%s_p50_ms=%.1f\n", k, pct(v, got, 0.50));
	printf("latency_%s_p95_ms=%.1f\n", k, pct(v, got, 0.95));
	printf("latency_%s_max_ms=%.1f\n", k, pct(v, got, 1.0));
	free(v);
	if (missed) {
		fprintf(stderr, "tuipty: %d %s change(s) never reached the screen\n", missed, k);
		exit(1);
	}
}

/* See "First complete frame" above. */
static bool frame_complete(void)
{
	return vt_row_drawn(&screen, 0) && vt_row_drawn(&screen, screen.rows - 1) &&
	       !vt_shows(&screen, "computing the scores");
}

static void usage(void)
{
	fprintf(stderr, "usage: tuipty [-s COLSxROWS] [-u LOGIN] [-k KR] [-i SECONDS] [-b N] [-v N] [-l N] "
			"[-L N] [-o FILE] [-c COMMAND] OKR_BIN DB\n");
	exit(2);
}

int main(int argc, char **argv)
{
	int cols = 120, rows = 40, idle_s = 0, nbytes = 0, nvalue = 0, nlat = 0, nsql = 0, c;
	const char *login = getenv("OKR_USER") ? getenv("OKR_USER") : "bench", *kr = NULL;
	while ((c = getopt(argc, argv, "s:u:k:i:b:v:l:L:o:c:")) != -1) {
		switch (c) {
		case 's': if (sscanf(optarg, "%dx%d", &cols, &rows) != 2) usage(); break;
		case 'u': login = optarg; break;
		case 'k': kr = optarg; break;
		case 'i': idle_s = atoi(optarg); break;
		case 'b': nbytes = atoi(optarg); break;
		case 'v': nvalue = atoi(optarg); break;
		case 'l': nlat = atoi(optarg); break;
		case 'L': nsql = atoi(optarg); break;
		case 'o': if (!(dump = fopen(optarg, "w"))) die(optarg); break;
		case 'c': command = optarg; break;
		default: usage();
		}
	}
	if (argc - optind != 2 || ((nbytes || nvalue || nlat || nsql) && (!kr || kr[0] != 'K')))
		usage();
	const char *okr = argv[optind], *db = argv[optind + 1];
	setenv("TERM", getenv("TERM") ? getenv("TERM") : "xterm-256color", 0);
	signal(SIGPIPE, SIG_IGN);

	snprintf(bell_path, sizeof bell_path, "%s-bell", db);

	/* ---- first complete frame ---- */
	vt_init(&screen, rows, cols);
	double t_start = now_ms(), last = 0;
	view = spawn_view(okr, db, cols, rows, login);
	for (;;) {
		if (now_ms() - t_start > START_TIMEOUT_MS) {
			fprintf(stderr, "tuipty: no complete frame after %d s; the screen shows:\n",
				START_TIMEOUT_MS / 1000);
			static char row[4 * VT_MAX_COLS + 1];
			for (int y = 0; y < screen.rows; y++) {
				vt_row(&screen, y, row);
				fprintf(stderr, "%s\n", row);
			}
			kill(view, SIGTERM);
			return 1;
		}
		if (pump(BURST_MS, &last, NULL) == 0 && last > 0 && frame_complete())
			break;   /* a burst ended with the frame whole */
	}
	printf("first_frame_ms=%.1f\nfirst_frame_bytes=%llu\n", last - t_start, total_bytes);
	fflush(stdout);

	/* The view made the bell at start: watch it from now on. */
	if (bench_on_server(db)) {
		char err[1024];
		okr_store_trust_login();
		if (okr_store_open(db, OKR_OPEN_READONLY, login ? login : "tuipty", &listener, err, sizeof err) !=
		    OKR_OK) {
			fprintf(stderr, "tuipty: %s\n", err);
			return 1;
		}
		bell_fd = okr_store_wait_fd(listener);
	} else if ((bell_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) >= 0 &&
		   inotify_add_watch(bell_fd, bell_path, IN_CLOSE_WRITE) < 0) {
		close(bell_fd);
		bell_fd = -1;
	}

	/* ---- quiet after start-up ---- */
	unsigned long long settle_bytes;
	double settle_ms = settle(&settle_bytes);
	printf("settle_ms=%.0f\nsettle_bytes=%llu\n", settle_ms, settle_bytes);
	fflush(stdout);

	/* ---- idle CPU ---- */
	if (idle_s > 0) {
		long hz = sysconf(_SC_CLK_TCK);
		long long t0 = cpu_ticks();
		double w0 = now_ms(), c0 = cpu_ms();
		unsigned long long b = drain(idle_s * 1000, NULL);
		double secs = (now_ms() - w0) / 1e3, c1 = cpu_ms();
		long long t1 = cpu_ticks();
		printf("idle_seconds=%.1f\nidle_cpu_pct=%.3f\nidle_cpu_ns_pct=%.4f\nidle_bytes=%llu\n", secs,
		       (double)(t1 - t0) / (double)hz / secs * 100.0, (c1 - c0) / 10.0 / secs, b);
		fflush(stdout);
	}

	/* ---- bytes for one value change ---- */
	if (nbytes > 0) {
		double *all = calloc((size_t)nbytes, sizeof *all), *fr = calloc((size_t)nbytes, sizeof *fr);
		double *cpu = calloc((size_t)nbytes, sizeof *cpu);
		for (int i = 0; i < nbytes; i++) {
			unsigned long long b, f;
			double c0 = cpu_ms();
			if (one_change(false, okr, db, login, kr, CHANGE_QUIET_MS, &b, &f) < 0) {
				fprintf(stderr, "tuipty: a change never reached the screen\n");
				return 1;
			}
			cpu[i] = cpu_ms() - c0;
			all[i] = (double)b;
			fr[i] = (double)f;
		}
		/* CPU of the view for the whole change: the doorbell, the
		 * data_version check, the new snapshot, both frames (flash and
		 * its end); 1 s of waiting costs nothing. */
		printf("change_first_bytes=%.0f\n", all[0]);   /* before pct() sorts */
		printf("refresh_cpu_ms_p50=%.1f\nrefresh_cpu_ms_max=%.1f\n", pct(cpu, (size_t)nbytes, 0.5),
		       pct(cpu, (size_t)nbytes, 1.0));
		free(cpu);
		printf("change_n=%d\nchange_bytes_p50=%.0f\nchange_bytes_max=%.0f\n", nbytes, pct(all, (size_t)nbytes, 0.5),
		       pct(all, (size_t)nbytes, 1.0));
		printf("change_frame_bytes_p50=%.0f\n", pct(fr, (size_t)nbytes, 0.5));
		free(all);
		free(fr);
		fflush(stdout);
	}

	/* ---- bytes for one value ---- */
	if (nvalue > 0) {
		double *all = calloc((size_t)nvalue, sizeof *all);
		drain(VALUE_QUIET_MS, NULL);
		for (int i = 0; i < nvalue; i++) {
			unsigned long long b;
			if (one_change(false, okr, db, login, kr, CHANGE_QUIET_MS, &b, NULL) < 0) {
				fprintf(stderr, "tuipty: a change never reached the screen\n");
				return 1;
			}
			all[i] = (double)b;
		}
		printf("value_n=%d\nvalue_bytes_p50=%.0f\nvalue_bytes_max=%.0f\n", nvalue,
		       pct(all, (size_t)nvalue, 0.5), pct(all, (size_t)nvalue, 1.0));
		free(all);
		fflush(stdout);
	}

	if (nlat > 0)
		latency(false, nlat, okr, db, login, kr);
	if (nsql > 0)
		latency(true, nsql, okr, db, login, kr);

	printf("rss_peak_kb=%ld\n", vm_hwm_kb());
	fflush(stdout);

	/* Leave the way a person does, then make sure. */
	quitting = true;
	if (write(master, "q", 1) != 1)
		kill(view, SIGTERM);
	double end = now_ms() + 5000;
	int st;
	while (waitpid(view, &st, WNOHANG) == 0) {
		if (now_ms() > end) {
			kill(view, SIGKILL);
			waitpid(view, &st, 0);
			break;
		}
		if (pump(50, NULL, NULL) < 0)
			usleep(10000);   /* the pty is closed; the child is about to be reaped */
	}
	if (dump)
		fclose(dump);
	free(seen);
	return 0;
}
