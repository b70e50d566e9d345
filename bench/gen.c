/*
 * gen.c — the "large" data set of SPEC §9, made through the store's own API.
 *
 *   gen PATH [--checkins-per-kr N]     (PATH must not exist yet)
 *
 * 200 people in 20 teams (a company, 3 departments, 16 teams), one current
 * cycle, 1,000 objectives aligned in a tree (company → department → team),
 * 5,000 key results, 1,000,000 check-ins spread over the cycle so far and
 * 50,000 kudos.  --checkins-per-kr 800 makes the 4M set of the ledger
 * targets (4,000,000 check-ins, the same people, key results and kudos).  Every person writes their own records through their own
 * handle, inside okr_store_batch, so each person's work is one transaction.
 *
 * Deterministic: a fixed seed, client ids made from counters, and $OKR_NOW
 * set to GEN_NOW unless the caller set it.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "okr/parse.h"
#include "okr/store.h"

#define GEN_NOW "1795435200"   /* 2026-11-23 12:00 UTC, inside the cycle */

enum {
	NPEOPLE = 200, NTEAMS = 20, NDEPTS = 3, NOBJ = 1000, KR_PER_OBJ = 5,
	NKR = NOBJ * KR_PER_OBJ, KUDOS_PER_PERSON = 250,
	OBJ_COMPANY = 10, OBJ_DEPT = 90,   /* the first two levels of the tree */
};

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static int checkins_per_kr = 200;

static uint64_t next(void)
{
	/* splitmix64 */
	uint64_t z = (rng += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static double unit(void) { return (double)(next() >> 11) / 9007199254740992.0; }
static int pick(int n) { return (int)(next() % (uint64_t)n); }

static const char *const words[] = {
	"Grow", "Reduce", "Launch", "Improve", "Ship", "Win", "Delight", "Scale", "Automate", "Simplify",
	"revenue", "churn", "onboarding", "latency", "NPS", "pipeline", "adoption", "coverage", "uptime",
	"retention", "the mobile app", "self-serve", "partners", "support load", "activation",
};
enum { NWORDS = sizeof words / sizeof words[0] };

static char login[NPEOPLE][16];
static char team[NTEAMS][32];
static int team_of[NPEOPLE];
/* Key results in id order: owner, objective, type, start, target. */
static struct { int owner; okr_kr_type type; double start, target; } krs[NKR];
static int64_t kr_id[NKR];
static okr_time cycle_start, now;
static long long uid_seq;

static void die(okr_store *s, const char *what)
{
	fprintf(stderr, "gen: %s: %s\n", what, s ? okr_store_error(s) : "");
	exit(1);
}

#define TRY(s, call) do { if ((call) != OKR_OK) die((s), #call); } while (0)

/* ---- phase 1: the admin makes people, teams, the cycle, objectives, KRs ---- */

static okr_result setup(okr_store *s, void *ctx)
{
	(void)ctx;
	snprintf(team[0], sizeof team[0], "Company");
	TRY(s, okr_store_team_add(s, team[0], NULL));
	for (int d = 1; d <= NDEPTS; d++) {
		snprintf(team[d], sizeof team[d], "Dept %d", d);
		TRY(s, okr_store_team_add(s, team[d], team[0]));
	}
	for (int t = NDEPTS + 1; t < NTEAMS; t++) {
		snprintf(team[t], sizeof team[t], "Team %02d", t);
		TRY(s, okr_store_team_add(s, team[t], team[1 + (t - NDEPTS - 1) % NDEPTS]));
	}
	for (int p = 0; p < NPEOPLE; p++) {
		team_of[p] = p * NTEAMS / NPEOPLE;   /* 10 people per team */
		if (p > 0) {
			char name[64];
			snprintf(name, sizeof name, "%s %s %d", words[p % 10], words[10 + p % 15], p);
			TRY(s, okr_store_person_add(s, login[p], name));
		}
		TRY(s, okr_store_team_join(s, team[team_of[p]], login[p]));
		if (p > 0 && p % (NPEOPLE / NTEAMS) == 0)   /* the first of each team leads it */
			TRY(s, okr_store_person_set_role(s, login[p], ROLE_LEAD));
	}

	okr_day start, end;
	okr_parse_date("2026-10-01", &start);
	okr_parse_date("2026-12-31", &end);
	cycle_start = okr_day_start(start);
	int64_t old, cyc;
	TRY(s, okr_store_cycle_add(s, "2026-Q3", start - 92, start - 1, &old));
	TRY(s, okr_store_cycle_add(s, "2026-Q4", start, end, &cyc));
	TRY(s, okr_store_cycle_set_current(s, cyc));

	/* The tree: 10 company objectives, 90 department ones under them, 900
	 * team ones under those.  Objective j belongs to person j % 200. */
	static int64_t obj[NOBJ];
	int k = 0;
	for (int j = 0; j < NOBJ; j++) {
		int owner = j < OBJ_COMPANY ? 0 : j % NPEOPLE;
		char title[160];
		snprintf(title, sizeof title, "%s %s (%d)", words[pick(10)], words[10 + pick(15)], j + 1);
		okr_objective_in in = okr_objective_in_none();
		in.title = title;
		in.description = j % 3 ? "" : "Why this matters: our customers asked for it, twice.";
		in.owner = login[owner];
		in.team = team[j < OBJ_COMPANY ? 0 : j < OBJ_COMPANY + OBJ_DEPT ? 1 + j % NDEPTS : team_of[owner]];
		in.parent_id = j < OBJ_COMPANY ? 0 : j < OBJ_COMPANY + OBJ_DEPT ? obj[pick(OBJ_COMPANY)]
			: obj[OBJ_COMPANY + pick(OBJ_DEPT)];
		in.kind = pick(5) == 0 ? OBJ_ASPIRATIONAL : OBJ_COMMITTED;
		TRY(s, okr_store_objective_add(s, &in, &obj[j]));
		for (int i = 0; i < KR_PER_OBJ; i++, k++) {
			/* Owners are the objective's owner's teammates, 25 key results each. */
			static int team_krs[NTEAMS];
			int t = team_of[owner];
			int o = t * (NPEOPLE / NTEAMS) + team_krs[t]++ % (NPEOPLE / NTEAMS);
			if (j < OBJ_COMPANY)   /* company key results: one each for the leads and more */
				o = (j * KR_PER_OBJ + i) * (NPEOPLE / (OBJ_COMPANY * KR_PER_OBJ)) % NPEOPLE;
			krs[k].owner = o;
			int r = pick(10);
			krs[k].type = r < 8 ? KR_METRIC : r < 9 ? KR_THRESHOLD : KR_MILESTONE;
			krs[k].start = (double)(pick(50) * 10);
			krs[k].target = krs[k].start + (double)(10 + pick(200) * 5) * (pick(4) ? 1 : -1);
			okr_kr_in kin = okr_kr_in_none();
			char kt[160];
			snprintf(kt, sizeof kt, "%s %s to %g", words[pick(10)], words[10 + pick(15)], krs[k].target);
			kin.objective_id = obj[j];
			kin.title = kt;
			kin.owner = login[o];
			kin.type = krs[k].type;
			if (krs[k].type == KR_METRIC) {
				kin.start = krs[k].start;
				kin.target = krs[k].target;
				kin.unit = pick(3) ? "" : "%";
			} else if (krs[k].type == KR_THRESHOLD) {
				kin.dir = DIR_AT_LEAST;
				kin.target = 85;
				kin.unit = "%";
			}
			kin.every = pick(3) ? FREQ_WEEKLY : FREQ_DAILY;
			TRY(s, okr_store_kr_add(s, &kin, &kr_id[k]));
		}
	}
	return OKR_OK;
}

/* ---- phase 2: each person checks in their key results and gives kudos ---- */

struct person_work {
	int p;
	long long checkins, kudos;
};

static okr_result person_txn(okr_store *s, void *vctx)
{
	struct person_work *w = vctx;
	okr_time span = now - cycle_start;
	static const char *const notes[] = {
		"", "", "", "on track", "blocked by the release freeze", "big customer signed",
		"Đã hoàn thành phần lớn", "进展顺利", "slipped a week — see the comment",
	};
	for (int k = 0; k < NKR; k++) {
		if (krs[k].owner != w->p)
			continue;
		double pace = 0.3 + unit() * 0.9;   /* how far this one gets by the end */
		for (int i = 0; i < checkins_per_kr; i++) {
			double f = (i + 1.0) / checkins_per_kr;
			okr_time at = cycle_start + (okr_time)(f * (double)span) - pick(3600);
			double v;
			if (krs[k].type == KR_MILESTONE)
				v = f * pace > 0.6 ? 1 : 0;
			else if (krs[k].type == KR_THRESHOLD)
				v = round((80 + unit() * 15) * 10) / 10;
			else
				v = round(krs[k].start + (krs[k].target - krs[k].start) * f * pace *
					  (0.9 + unit() * 0.2));
			int conf = i % 7 == 0 ? (int)(3 + pace * 5) + pick(3) : -1;
			char uid[32];
			snprintf(uid, sizeof uid, "gen-%08llx", ++uid_seq);
			TRY(s, okr_store_checkin(s, kr_id[k], v, conf > 10 ? 10 : conf,
						 notes[pick(sizeof notes / sizeof notes[0])], uid, at, NULL));
			w->checkins++;
		}
	}
	for (int i = 0; i < KUDOS_PER_PERSON; i++) {
		int to = pick(NPEOPLE - 1);
		if (to >= w->p)
			to++;
		int k = pick(4) ? -1 : pick(NKR);
		okr_time at = cycle_start + (okr_time)(unit() * (double)(now - cycle_start));
		TRY(s, okr_store_kudos(s, login[to], i % 2 ? "thanks for the help!" : "great demo 🎉",
				       k < 0 ? 0 : kr_id[k], at, NULL));
		w->kudos++;
	}
	return OKR_OK;
}

static double secs(const struct timespec *a)
{
	struct timespec b;
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (double)(b.tv_sec - a->tv_sec) + (double)(b.tv_nsec - a->tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[2], "--checkins-per-kr"))
		checkins_per_kr = atoi(argv[3]);
	if ((argc != 2 && argc != 4) || checkins_per_kr < 1 || checkins_per_kr > 100000) {
		fprintf(stderr, "usage: gen PATH [--checkins-per-kr N]   (makes the SPEC §9 large data set, "
			"200 check-ins per key result unless told; PATH must not exist)\n");
		return 2;
	}
	const char *path = argv[1];
	struct stat st;
	if (stat(path, &st) == 0) {
		fprintf(stderr, "gen: %s exists — remove it first\n", path);
		return 2;
	}
	/* The generator links the store directly, so it fixes the clock itself:
	 * $OKR_NOW if given, else GEN_NOW. */
	const char *fixed = getenv("OKR_NOW");
	okr_clock_fix(strtoll(fixed && *fixed ? fixed : GEN_NOW, NULL, 10));
	now = okr_now();
	for (int p = 0; p < NPEOPLE; p++)
		snprintf(login[p], sizeof login[p], "u%03d", p);

	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	char err[1024];
	okr_store *admin;
	if (okr_store_open(path, OKR_OPEN_CREATE, login[0], &admin, err, sizeof err) != OKR_OK) {
		fprintf(stderr, "gen: %s\n", err);
		return 1;
	}
	TRY(admin, okr_store_batch(admin, setup, NULL));
	okr_store_close(admin);
	fprintf(stderr, "gen: people, teams, %d objectives, %d key results: %.1f s\n", NOBJ, NKR, secs(&t0));

	long long checkins = 0, kudos = 0;
	for (int p = 0; p < NPEOPLE; p++) {
		okr_store *s;
		if (okr_store_open(path, 0, login[p], &s, err, sizeof err) != OKR_OK) {
			fprintf(stderr, "gen: %s\n", err);
			return 1;
		}
		struct person_work w = { p, 0, 0 };
		TRY(s, okr_store_batch(s, person_txn, &w));
		okr_store_close(s);
		checkins += w.checkins;
		kudos += w.kudos;
		if ((p + 1) % 50 == 0)
			fprintf(stderr, "gen: %d people done, %lld check-ins, %.1f s\n", p + 1, checkins, secs(&t0));
	}
	printf("gen: %s: %d people, %d teams, %d objectives, %d key results, %lld check-ins, "
	       "%lld kudos in %.1f s\n", path, NPEOPLE, NTEAMS, NOBJ, NKR, checkins, kudos, secs(&t0));
	return 0;
}
