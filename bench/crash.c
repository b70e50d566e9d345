/*
 * crash.c — SPEC §9 "kill -9 during writes, 100 times".
 *
 *   crash OKR_BIN PATH LOGIN KR [KILLS]
 *
 * Runs the real `okr checkin KR VALUE --id crash-N` as LOGIN ($OKR_USER), one
 * after another, and sends each SIGKILL at a random moment of its life (a
 * fixed seed; uniform over 0…1.5× the time a check-in takes when left alone,
 * measured first), until KILLS (100) of them really died by the signal.  A
 * check-in whose process exited 0 was acknowledged: afterwards every one of
 * those must be in the checkin table, and PRAGMA integrity_check must say ok.
 * A last, unhurried `okr checkin` must still succeed.  One line to stdout:
 *
 *   kills=100 runs=… acked=… acked_missing=0 killed_but_stored=… failed_exits=0 integrity=ok after=ok
 */
#include <signal.h>
#include <sqlite3.h>

#include "server.h"
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { MAX_RUNS = 5000 };

static const char *bin, *path, *kr;

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static pid_t start(const char *uid, int value)
{
	char v[32];
	snprintf(v, sizeof v, "%d", value);
	pid_t pid = fork();
	if (pid == 0) {
		/* The note names the run: a row's uid is a digest of the --id and
		 * its scope (src/store/client_id.c), not the id itself. */
		char note[64];
		snprintf(note, sizeof note, "crash bench %s", uid);
		execl(bin, "okr", "--db", path, "checkin", kr, v, "--id", uid, "-m", note, "-q",
		      (char *)NULL);
		_exit(127);
	}
	return pid;
}

static void sleep_ms(double ms)
{
	struct timespec ts = { (time_t)(ms / 1e3), (long)((ms - (double)(long)(ms / 1e3) * 1e3) * 1e6) };
	nanosleep(&ts, NULL);
}

/* On a server: every crash-bench note, one a line, read once after the runs. */
static char *server_notes;

static bool stored(sqlite3_stmt *q, const char *uid)
{
	if (server_notes) {
		char line[64];
		snprintf(line, sizeof line, "\ncrash bench %s\n", uid);
		return strstr(server_notes, line) != NULL;
	}
	sqlite3_bind_text(q, 1, uid, -1, SQLITE_STATIC);
	bool found = sqlite3_step(q) == SQLITE_ROW;
	sqlite3_reset(q);
	return found;
}

int main(int argc, char **argv)
{
	if (argc < 5) {
		fprintf(stderr, "usage: crash OKR_BIN PATH LOGIN KR [KILLS]\n");
		return 2;
	}
	bin = argv[1];
	path = argv[2];
	kr = argv[4];
	int want = argc > 5 ? atoi(argv[5]) : 100;
	setenv("OKR_USER", argv[3], 1);
	unsetenv("OKR_NOW");

	/* How long does a check-in take when nobody interrupts it? */
	double total = 0;
	int calib = 10;
	for (int i = 0; i < calib; i++) {
		char uid[32];
		snprintf(uid, sizeof uid, "crash-cal-%d", i);
		double t0 = now_ms();
		int st;
		waitpid(start(uid, 100 + i), &st, 0);
		total += now_ms() - t0;
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			fprintf(stderr, "crash: `okr checkin %s` fails even without a kill (status %d)\n", kr, st);
			return 1;
		}
	}
	double life = total / calib;

	static char acked[MAX_RUNS][32], killed[MAX_RUNS][32];
	int nacked = 0, nkilled = 0, failed = 0, runs = 0;
	unsigned seed = 20261123u;
	while (nkilled < want && runs < MAX_RUNS) {
		char uid[32];
		snprintf(uid, sizeof uid, "crash-%d", runs);
		pid_t pid = start(uid, runs % 1000);
		sleep_ms(life * 1.5 * (double)rand_r(&seed) / RAND_MAX);
		kill(pid, SIGKILL);
		int st;
		waitpid(pid, &st, 0);
		if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
			memcpy(acked[nacked++], uid, sizeof uid);
		else if (WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL)
			memcpy(killed[nkilled++], uid, sizeof uid);
		else
			failed++;
		runs++;
	}

	/* A last check-in, left alone, must work on what the kills left. */
	int st;
	waitpid(start("crash-after", 7), &st, 0);
	bool after = WIFEXITED(st) && WEXITSTATUS(st) == 0;

	if (bench_on_server(path)) {
		/* psql, independently of the store; a server has no integrity check to run */
		char *out = bench_psql(path, "SELECT note FROM checkin WHERE note LIKE 'crash bench %'");
		if (!out) {
			fprintf(stderr, "crash: psql cannot read %s\n", path);
			return 1;
		}
		size_t n = strlen(out);
		server_notes = malloc(n + 2);
		server_notes[0] = '\n';
		memcpy(server_notes + 1, out, n + 1);
		free(out);
		int missing = 0, late = 0;
		for (int i = 0; i < nacked; i++)
			if (!stored(NULL, acked[i]) && ++missing <= 5)
				fprintf(stderr, "crash: acknowledged check-in %s is missing\n", acked[i]);
		for (int i = 0; i < nkilled; i++)
			late += stored(NULL, killed[i]);
		after = after && stored(NULL, "crash-after");
		printf("kills=%d runs=%d acked=%d acked_missing=%d killed_but_stored=%d failed_exits=%d "
		       "integrity=n/a after=%s life_ms=%.1f\n", nkilled, runs, nacked, missing, late, failed,
		       after ? "ok" : "FAILED", life);
		free(server_notes);
		return nkilled == want && !missing && !failed && after ? 0 : 1;
	}
	sqlite3 *db;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		fprintf(stderr, "crash: cannot open %s: %s\n", path, sqlite3_errmsg(db));
		return 1;
	}
	sqlite3_stmt *q;
	sqlite3_prepare_v2(db, "SELECT 1 FROM checkin WHERE note = 'crash bench ' || ?1", -1, &q, NULL);
	int missing = 0, late = 0;
	for (int i = 0; i < nacked; i++)
		if (!stored(q, acked[i])) {
			if (++missing <= 5)
				fprintf(stderr, "crash: acknowledged check-in %s is missing\n", acked[i]);
		}
	for (int i = 0; i < nkilled; i++)
		late += stored(q, killed[i]);
	after = after && stored(q, "crash-after");
	sqlite3_finalize(q);
	char integrity[256] = "";
	sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, NULL);
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(q, 0);
		size_t used = strlen(integrity);
		/* a long report is cut: the first problem is what matters */
		snprintf(integrity + used, sizeof integrity - used, "%s%s", used ? ";" : "", t);
	}
	sqlite3_finalize(q);
	sqlite3_close(db);
	for (char *p = integrity; *p; p++)
		if (*p == ' ')
			*p = '_';

	printf("kills=%d runs=%d acked=%d acked_missing=%d killed_but_stored=%d failed_exits=%d "
	       "integrity=%s after=%s life_ms=%.1f\n", nkilled, runs, nacked, missing, late, failed,
	       integrity[0] ? integrity : "?", after ? "ok" : "FAILED", life);
	return nkilled == want && !missing && !failed && !strcmp(integrity, "ok") && after ? 0 : 1;
}
