/*
 * concur.c — SPEC §9 "8 writers × 2,000 check-ins at once, 4 live readers".
 *
 *   concur PATH LOGIN [WRITERS [PER_WRITER [READERS]]]
 *
 * Forks WRITERS processes (default 8) that each make PER_WRITER (2,000)
 * okr_store_checkin calls as LOGIN (a lead, who may check in any key result),
 * spread over the current cycle's key results, each with its own client id
 * "cc-W-N"; and READERS processes (4) that take okr_store_snapshot in a loop
 * until the writers are done — like a live screen, a reader takes a snapshot
 * whenever PRAGMA data_version moved, then pauses $CONCUR_READER_PAUSE_MS
 * (default 5; 0: no pause at all).  Then it counts the rows that arrived and runs
 * PRAGMA integrity_check.  One summary line goes to stdout:
 *
 *   rows=16000 expected=16000 errors=0 integrity=ok wall_s=… per_s=… p50_ms=… p99_ms=… max_ms=…
 *   snapshots=… snapshot_max_ms=… reader_errors=… failed_procs=0
 */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "okr/store.h"
#include "server.h"

struct shared {
	volatile int stop;
	volatile long snapshots, reader_errors;
	volatile long errors;
	volatile double snapshot_max_ms;
	double lat_ms[];   /* writers × per */
};

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int writer(const char *path, const char *login, int w, int per, const int64_t *krs, size_t nkrs,
		  struct shared *sh)
{
	char err[1024];
	okr_store *s;
	if (okr_store_open(path, 0, login, &s, err, sizeof err) != OKR_OK) {
		fprintf(stderr, "concur: writer %d: %s\n", w, err);
		__atomic_add_fetch(&sh->errors, per, __ATOMIC_SEQ_CST);
		return 1;
	}
	unsigned seed = 12345u + (unsigned)w;
	for (int i = 0; i < per; i++) {
		char uid[40];
		snprintf(uid, sizeof uid, "cc-%d-%d", w, i);
		int64_t kr = krs[(size_t)rand_r(&seed) % nkrs];
		double t0 = now_ms();
		okr_result r = okr_store_checkin(s, kr, (double)(rand_r(&seed) % 1000), rand_r(&seed) % 11,
						 "concurrency bench", uid, 0, NULL);
		sh->lat_ms[(size_t)w * (size_t)per + (size_t)i] = now_ms() - t0;
		if (r != OKR_OK) {
			if (__atomic_add_fetch(&sh->errors, 1, __ATOMIC_SEQ_CST) <= 3)
				fprintf(stderr, "concur: writer %d: K%lld: %s\n", w, (long long)kr, okr_store_error(s));
		}
	}
	okr_store_close(s);
	return 0;
}

static int reader(const char *path, const char *login, int n, struct shared *sh)
{
	char err[1024];
	okr_store *s;
	if (okr_store_open(path, OKR_OPEN_READONLY, login, &s, err, sizeof err) != OKR_OK) {
		fprintf(stderr, "concur: reader %d: %s\n", n, err);
		__atomic_add_fetch(&sh->reader_errors, 1, __ATOMIC_SEQ_CST);
		return 1;
	}
	const char *p = getenv("CONCUR_READER_PAUSE_MS");
	long pause_ms = p && *p ? atol(p) : 5;
	int64_t seen = -1;
	while (!sh->stop) {
		/* Like a live screen: refresh when the data changed, look again
		 * after a short pause. */
		int64_t v = okr_store_data_version(s);
		if (v == seen && pause_ms > 0) {
			struct timespec ts = { 0, pause_ms * 1000000L };
			nanosleep(&ts, NULL);
			continue;
		}
		seen = v;
		okr_snapshot snap;
		double t0 = now_ms();
		if (okr_store_snapshot(s, 0, false, &snap) != OKR_OK) {
			if (__atomic_add_fetch(&sh->reader_errors, 1, __ATOMIC_SEQ_CST) <= 3)
				fprintf(stderr, "concur: reader %d: %s\n", n, okr_store_error(s));
			continue;
		}
		okr_snapshot_free(&snap);
		double ms = now_ms() - t0;
		__atomic_add_fetch(&sh->snapshots, 1, __ATOMIC_SEQ_CST);
		if (ms > sh->snapshot_max_ms)
			sh->snapshot_max_ms = ms;   /* a race here only loses a maximum */
		if (pause_ms > 0) {
			struct timespec ts = { 0, pause_ms * 1000000L };
			nanosleep(&ts, NULL);
		}
	}
	okr_store_close(s);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: concur PATH LOGIN [WRITERS [PER_WRITER [READERS]]]\n");
		return 2;
	}
	const char *path = argv[1], *login = argv[2];
	int writers = argc > 3 ? atoi(argv[3]) : 8;
	int per = argc > 4 ? atoi(argv[4]) : 2000;
	int readers = argc > 5 ? atoi(argv[5]) : 4;

	/* On a server one role stands in for LOGIN, as in the tests. */
	okr_store_trust_login();
	/* The key results to write to: those of the current cycle. */
	char err[1024];
	okr_store *s;
	if (okr_store_open(path, 0, login, &s, err, sizeof err) != OKR_OK) {
		fprintf(stderr, "concur: %s\n", err);
		return 1;
	}
	okr_snapshot snap;
	if (okr_store_snapshot(s, 0, false, &snap) != OKR_OK || snap.nkrs == 0) {
		fprintf(stderr, "concur: no key results in the current cycle: %s\n", okr_store_error(s));
		return 1;
	}
	size_t nkrs = 0;
	int64_t *krs = calloc(snap.nkrs, sizeof *krs);
	for (size_t i = 0; i < snap.nkrs; i++)
		if (snap.krs[i].type != KR_MILESTONE && !snap.krs[i].kpi_id)
			krs[nkrs++] = snap.krs[i].id;
	okr_snapshot_free(&snap);
	okr_store_close(s);
	if (!nkrs) {
		fprintf(stderr, "concur: no numeric key results to check in\n");
		return 1;
	}

	size_t total = (size_t)writers * (size_t)per;
	size_t size = sizeof(struct shared) + total * sizeof(double);
	struct shared *sh = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED) {
		perror("concur: mmap");
		return 1;
	}

	pid_t rpid[64], wpid[64];
	for (int i = 0; i < readers && i < 64; i++)
		if ((rpid[i] = fork()) == 0)
			_exit(reader(path, login, i, sh));
	double t0 = now_ms();
	for (int i = 0; i < writers && i < 64; i++)
		if ((wpid[i] = fork()) == 0)
			_exit(writer(path, login, i, per, krs, nkrs, sh));
	int failed_procs = 0;
	for (int i = 0; i < writers && i < 64; i++) {
		int st;
		waitpid(wpid[i], &st, 0);
		failed_procs += !(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	double wall = (now_ms() - t0) / 1e3;
	sh->stop = 1;
	for (int i = 0; i < readers && i < 64; i++) {
		int st;
		waitpid(rpid[i], &st, 0);
		failed_procs += !(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}

	/* Count and check independently of the store: plain SQLite, or psql
	 * on a server (which has no integrity check to run: "n/a"). */
	sqlite3 *db = NULL;
	long long rows = -1;
	char integrity[256] = "?";
	if (bench_on_server(path)) {
		char *out = bench_psql(path, "SELECT count(*) FROM checkin WHERE note = 'concurrency bench'");
		if (out) {
			rows = atoll(out);
			snprintf(integrity, sizeof integrity, "n/a");
		}
		free(out);
	} else if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db, "SELECT count(*) FROM checkin WHERE note = 'concurrency bench'", -1, &st,
				       NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
			rows = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
			integrity[0] = '\0';
			while (sqlite3_step(st) == SQLITE_ROW) {
				const char *t = (const char *)sqlite3_column_text(st, 0);
				size_t used = strlen(integrity);
				/* a long report is cut: the first problem is what matters */
				snprintf(integrity + used, sizeof integrity - used, "%s%s", used ? ";" : "", t);
			}
			for (char *p = integrity; *p; p++)
				if (*p == ' ')
					*p = '_';
		}
		sqlite3_finalize(st);
	}
	sqlite3_close(db);

	qsort(sh->lat_ms, total, sizeof(double), cmp_double);
	printf("rows=%lld expected=%zu errors=%ld integrity=%s wall_s=%.2f per_s=%.0f p50_ms=%.2f p99_ms=%.2f "
	       "max_ms=%.1f snapshots=%ld snapshot_max_ms=%.1f reader_errors=%ld failed_procs=%d\n",
	       rows, total, sh->errors, integrity, wall, (double)total / wall, sh->lat_ms[total / 2],
	       sh->lat_ms[total * 99 / 100], sh->lat_ms[total - 1], sh->snapshots, sh->snapshot_max_ms, sh->reader_errors,
	       failed_procs);
	free(krs);
	bool sound = !strcmp(integrity, "ok") || (bench_on_server(path) && !strcmp(integrity, "n/a"));
	return rows == (long long)total && sh->errors == 0 && sound && !failed_procs ? 0 : 1;
}
