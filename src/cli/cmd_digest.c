/*
 * cmd_digest.c — okr digest [--week DATE] [--team T] [--format md|text|json]:
 * what moved in one week, for cron to mail or post (SPEC §12): check-ins,
 * progress and status changes, what turned at risk, kudos, new badges,
 * leaderboard movers and what is due next.  The week is the team's week
 * (Monday 00:00 at its time zone) that holds DATE, by default the current
 * one; key results are those the team's members own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/assess.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/rhythm.h"
#include "okr/util.h"
#include "digest.h"

static const char usage[] = "[--week DATE] [--team T] [--format md|text|json]";

bool digest_member(const digest *d, size_t p)
{
	return !d->team || okr_rhythm_in_team(d->snap->people[p].teams, d->team);
}

long digest_person(const digest *d, int64_t id)
{
	for (size_t i = 0; i < d->snap->npeople; i++)
		if (d->snap->people[i].id == id)
			return (long)i;
	return -1;
}

static bool owned_by_member(const digest *d, int64_t owner)
{
	long p = digest_person(d, owner);
	return p >= 0 && digest_member(d, (size_t)p);
}

/* The cycle that holds the week's first day, else the current one. */
static int pick_cycle(cli_ctx *ctx, digest *d)
{
	okr_day day = okr_day_of(d->from);
	d->snap = &d->sc.snap;
	for (size_t i = 0; i < d->sc.snap.ncycles; i++) {
		const okr_cycle *c = &d->sc.snap.cycles[i];
		if (c->start <= day && day <= c->end && c->id != d->sc.snap.cycle_id) {
			okr_result r = okr_store_snapshot(ctx->store, c->id, false, &d->other);
			if (r)
				return cli_store_fail(ctx, r);
			d->snap = &d->other;
			break;
		}
	}
	return 0;
}

static int gather_krs(cli_ctx *ctx, digest *d)
{
	const okr_snapshot *s = d->snap;
	const okr_cycle *cy = okr_snapshot_cycle(s);
	d->krs = okr_xcalloc(s->nkrs ? s->nkrs : 1, sizeof *d->krs);
	for (size_t i = 0; i < s->nkrs; i++) {
		const okr_kr *k = &s->krs[i];
		long o = okr_snapshot_objective_index(s, k->objective_id);
		if (k->archived || o < 0 || s->objs[o].archived || !owned_by_member(d, k->owner_id))
			continue;
		digest_kr *dk = &d->krs[d->nkrs];
		okr_result r = okr_store_kr_values(ctx->store, k, 0, &dk->hist, &dk->nhist);
		if (r)
			return cli_store_fail(ctx, r);
		dk->kr = i;
		okr_day due = k->due > 0 ? k->due : cy ? cy->end : okr_day_of(d->to);
		okr_digest_kr(k, dk->hist, dk->nhist, cy ? cy->start : okr_day_of(d->from), due, d->from, d->to,
			      &ctx->cfg.status, &dk->mv);
		d->nkrs++;
	}
	return 0;
}

static int gather_kudos(cli_ctx *ctx, digest *d)
{
	okr_kudos *all;
	size_t n;
	okr_result r = okr_store_kudos_list(ctx->store, d->from, 0, &all, &n);
	if (r)
		return cli_store_fail(ctx, r);
	d->kudos = okr_xcalloc(n ? n : 1, sizeof *d->kudos);
	for (size_t i = n; i-- > 0;) {   /* newest first: turn it round */
		const okr_person *to = okr_board_login(&d->sc.snap, all[i].to), *from = okr_board_login(&d->sc.snap, all[i].from);
		bool touches = (to && owned_by_member(d, to->id)) || (from && owned_by_member(d, from->id));
		if (all[i].at < d->to && touches) {
			d->kudos[d->nkudos++] = all[i];
			memset(&all[i], 0, sizeof all[i]);
		}
	}
	okr_kudos_free(all, n);
	return 0;
}

static void gather_people(cli_ctx *ctx, digest *d)
{
	size_t cap = 0;
	const okr_snapshot *s = d->snap;
	d->due = okr_xcalloc(s->npeople ? s->npeople : 1, sizeof *d->due);
	for (size_t p = 0; p < s->npeople; p++) {
		if (!digest_member(d, p))
			continue;
		score_person_result pr;
		if (score_person_get(d->sc.st, s->people[p].id, d->to, &pr))
			for (int b = 0; b < SCORE_NBADGES; b++)
				if (pr.has[b] && pr.badge_at[b] >= d->from && pr.badge_at[b] < d->to) {
					okr_xgrow(&d->badges, &cap, d->nbadges + 1, sizeof *d->badges);
					d->badges[d->nbadges++] = (digest_badge){ p, (score_badge)b, pr.badge_at[b] };
				}
		okr_due_opts o = { .person_id = s->people[p].id, .now = d->to < d->sc.now ? d->to : d->sc.now,
				   .kpis = true };
		okr_due_compute(s, &o, &d->due[d->ndue].due);
		if (d->due[d->ndue].due.n)
			d->due[d->ndue++].person = p;
		else
			okr_due_free(&d->due[d->ndue].due);
	}
	int off = ctx->cfg.week_offset_minutes;
	int ws = ctx->cfg.game.week_start;
	okr_day monday = score_week_first_day(score_week_of(d->from, off, ws), ws);
	score_board_people(d->sc.st, (score_span){ monday, monday + 7 }, (score_span){ monday - 7, monday },
			   &d->board);
}

static void digest_free(digest *d)
{
	for (size_t i = 0; i < d->nkrs; i++)
		okr_checkins_free(d->krs[i].hist, d->krs[i].nhist);
	free(d->krs);
	okr_kudos_free(d->kudos, d->nkudos);
	free(d->badges);
	for (size_t i = 0; i < d->ndue; i++)
		okr_due_free(&d->due[i].due);
	free(d->due);
	score_board_free(&d->board);
	if (d->snap == &d->other)
		okr_snapshot_free(&d->other);
	okr_board_free(&d->sc);
}

static int parse_format(const char *s, digest_format *out)
{
	static const char *const names[] = { "md", "text", "json" };
	for (int i = 0; i < 3; i++)
		if (!strcmp(s, names[i])) {
			*out = (digest_format)i;
			return 0;
		}
	return cli_fail(OKR_E_USAGE, _("'%s' is not a digest format — use md, text or json"), s);
}

static int check_team(const digest *d, const char *team)
{
	for (size_t i = 0; i < d->sc.snap.nteams; i++)
		if (!strcmp(d->sc.snap.teams[i].name, team))
			return 0;
	return cli_fail(OKR_E_NOTFOUND, _("no team '%s' — `okr list --teams` shows them"), team);
}

int cmd_digest(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "week", 'w', true }, { "team", 't', true }, { "format", 'f', true },
					{ 0 } };
	cli_args a;
	int rc = cli_parse("digest", usage, opts, argc, argv, 0, 0, &a);
	if (rc)
		return rc;
	const char *week = cli_opt_get(opts, &a, "week"), *fmt = cli_opt_get(opts, &a, "format");
	digest_format f = DIGEST_MD;
	okr_day day = 0;
	if ((fmt && (rc = parse_format(fmt, &f))) || (week && (rc = cli_date("--week", week, &day))))
		return rc;
	digest d = { 0 };
	if ((rc = cli_board_load(ctx, OKR_BOARD_EVERYTHING, &d.sc)))
		return rc;
	d.team = cli_opt_get(opts, &a, "team");
	okr_time at = week ? (okr_time)day * 86400 + 43200 - (okr_time)ctx->cfg.week_offset_minutes * 60 : d.sc.now;
	d.from = okr_rhythm_week_start(at, ctx->cfg.week_offset_minutes, ctx->cfg.game.week_start);
	/* A week still under way ends now: its statuses are judged as they stand. */
	d.to = d.from + 7 * 86400 < d.sc.now + 1 ? d.from + 7 * 86400 : d.sc.now + 1;
	if (!(d.team && (rc = check_team(&d, d.team))) && !(rc = pick_cycle(ctx, &d)) && !(rc = gather_krs(ctx, &d)) &&
	    !(rc = gather_kudos(ctx, &d))) {
		gather_people(ctx, &d);
		digest_print(&d, f, stdout);
	}
	digest_free(&d);
	return rc;
}
