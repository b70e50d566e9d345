/*
 * scores.c — the leaderboard's costs on a data set (SPEC §9).
 *
 *   scores PATH LOGIN KR [REFRESHES]
 *
 * 1. From scratch: okr_store_score_refresh on an empty state (every event
 *    folded) and the boards of the three windows (week, cycle, all), people
 *    and teams — what `okr board` does when it starts.  Wall and CPU time.
 * 2. A board refresh after one new check-in, REFRESHES times (default 30):
 *    a second handle checks in KR as LOGIN (as a teammate's `okr checkin`
 *    would), then the viewer's handle refreshes the same state and makes the
 *    three boards again.  Only the viewer's CPU time is counted (the
 *    writer's is `okr checkin`'s figure).  Every refresh must be
 *    incremental; a rebuild is reported as an error.
 *
 * PATH is written to: give it a copy.  One summary line goes to stdout:
 *
 *   rebuild_ms=… rebuild_cpu_ms=… boards_ms=… refresh_cpu_p50_ms=… refresh_cpu_p95_ms=…
 *   refresh_cpu_max_ms=… rebuilds=0 max_rss_kb=…
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "okr/config.h"
#include "okr/store.h"

static double ms_of(clockid_t clk)
{
	struct timespec t;
	clock_gettime(clk, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The three windows of the board, as okr board computes them. */
static void boards(const score_state *st, const okr_cycle *cy, int offset)
{
	okr_day monday = score_week_first_day(score_week_of(okr_now(), offset, 0), 0);
	score_span cur[3] = { { monday, monday + 7 }, { cy->start, cy->end + 1 }, SCORE_SPAN_ALL };
	score_span prev[3] = { { monday - 7, monday }, { cy->start, monday > cy->start ? monday : cy->start },
			       { INT32_MIN, monday } };
	for (int w = 0; w < 3; w++) {
		score_board b;
		score_board_people(st, cur[w], prev[w], &b);
		score_board_free(&b);
		score_board_teams(st, cur[w], prev[w], &b);
		score_board_free(&b);
	}
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: scores PATH LOGIN KR [REFRESHES]\n");
		return 2;
	}
	const char *path = argv[1], *login = argv[2];
	int64_t kr = strtoll(argv[3][0] == 'K' ? argv[3] + 1 : argv[3], NULL, 10);
	int runs = argc > 4 ? atoi(argv[4]) : 30;
	if (runs < 1)
		runs = 1;
	okr_config cfg;
	okr_config_defaults_apply(&cfg);
	char err[1024];
	okr_store *view, *writer;
	if (okr_store_open(path, OKR_OPEN_READONLY, login, &view, err, sizeof err) != OKR_OK ||
	    okr_store_open(path, 0, login, &writer, err, sizeof err) != OKR_OK) {
		fprintf(stderr, "scores: %s\n", err);
		return 1;
	}
	okr_cycle cy;
	if (okr_store_current_cycle(view, &cy) != OKR_OK) {
		fprintf(stderr, "scores: no current cycle: %s\n", okr_store_error(view));
		return 1;
	}

	score_state *st = NULL;
	bool rebuilt = false;
	double w0 = ms_of(CLOCK_MONOTONIC), c0 = ms_of(CLOCK_PROCESS_CPUTIME_ID);
	if (okr_store_score_refresh(view, &cfg.game, cfg.week_offset_minutes, 0, &st, &rebuilt) != OKR_OK) {
		fprintf(stderr, "scores: %s\n", okr_store_error(view));
		return 1;
	}
	double w1 = ms_of(CLOCK_MONOTONIC), c1 = ms_of(CLOCK_PROCESS_CPUTIME_ID);
	boards(st, &cy, cfg.week_offset_minutes);
	double w2 = ms_of(CLOCK_MONOTONIC);

	double *cpu = calloc((size_t)runs, sizeof *cpu);
	int rebuilds = 0, errors = 0;
	for (int i = 0; i < runs; i++) {
		char uid[64];
		snprintf(uid, sizeof uid, "bench-scores-%ld-%d", (long)time(NULL), i);
		if (okr_store_checkin(writer, kr, 40 + i, 7, "bench: one more", uid, 0, NULL) != OKR_OK) {
			fprintf(stderr, "scores: check-in: %s\n", okr_store_error(writer));
			errors++;
			continue;
		}
		double t0 = ms_of(CLOCK_PROCESS_CPUTIME_ID);
		if (okr_store_score_refresh(view, &cfg.game, cfg.week_offset_minutes, 0, &st, &rebuilt) != OKR_OK) {
			fprintf(stderr, "scores: refresh: %s\n", okr_store_error(view));
			errors++;
			continue;
		}
		boards(st, &cy, cfg.week_offset_minutes);
		cpu[i] = ms_of(CLOCK_PROCESS_CPUTIME_ID) - t0;
		rebuilds += rebuilt;
	}
	qsort(cpu, (size_t)runs, sizeof *cpu, cmp_double);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("rebuild_ms=%.0f rebuild_cpu_ms=%.0f boards_ms=%.2f refresh_cpu_p50_ms=%.2f "
	       "refresh_cpu_p95_ms=%.2f refresh_cpu_max_ms=%.2f rebuilds=%d errors=%d max_rss_kb=%ld\n",
	       w1 - w0, c1 - c0, w2 - w1, cpu[runs / 2], cpu[(runs * 95 + 99) / 100 - 1], cpu[runs - 1], rebuilds,
	       errors, ru.ru_maxrss);
	free(cpu);
	score_free(st);
	okr_cycle_free(&cy);
	okr_store_close(writer);
	okr_store_close(view);
	return rebuilds || errors ? 1 : 0;
}
