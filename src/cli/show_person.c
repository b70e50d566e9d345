/*
 * show_person.c — okr show PERSON [--points]: a person's level and XP bar,
 * streak, badges and points by window, and with --points every event that
 * earned (or did not earn) points, so that "why do I have 340 points?" has
 * an answer line by line (SPEC §4).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/board.h"
#include "okr/cli.h"

static const char *login_of(const okr_board *sc, int64_t id)
{
	const okr_person *p = okr_board_person(&sc->snap, id);
	return p ? p->login : "?";
}

/* What one line says, in words: the same words as the TUI's person view. */
static void line_text(const okr_board *sc, const score_line *l, char *buf, size_t len)
{
	score_line_text(l, login_of(sc, l->other_id), buf, len);
}

/* The latest kudos received, with their words (as on the TUI person page). */
static void print_kudos(cli_ctx *ctx, const char *login)
{
	okr_kudos *k;
	size_t n;
	if (okr_store_kudos_about(ctx->store, 0, login, 5, &k, &n) || !n)
		return;
	printf(_("\nKudos received (latest %zu)\n"), n);
	for (size_t i = 0; i < n; i++) {
		char w[32];
		printf("  %s  @", score_local_time(k[i].at, ctx->cfg.week_offset_minutes, w, sizeof w));
		cli_put(stdout, k[i].from, -1);
		printf(": ");
		cli_put(stdout, k[i].text, -1);
		putchar('\n');
	}
	okr_kudos_free(k, n);
}

static void print_points(cli_ctx *ctx, const okr_board *sc, int64_t id)
{
	size_t n;
	const score_line *l = score_lines(sc->st, &n);
	printf(_("\nPoints, event by event\n"));
	for (size_t i = 0; i < n; i++) {
		char w[32], text[256];
		if (l[i].person_id != id)
			continue;
		line_text(sc, &l[i], text, sizeof text);
		printf("  %s  %+5lld  ", score_local_time(l[i].at, ctx->cfg.week_offset_minutes, w, sizeof w),
		       (long long)l[i].points);
		cli_put(stdout, text, -1);
		putchar('\n');
	}
}

static void print_json(cli_ctx *ctx, const okr_board *sc, const okr_person *p, const score_person_result *r,
		       const int64_t pts[3], bool points)
{
	json_out j;
	json_begin(&j, stdout);
	json_obj(&j, NULL);
	json_str(&j, "login", p->login);
	json_str(&j, "name", p->name);
	json_int(&j, "xp", r->xp);
	json_int(&j, "level", r->level);
	json_int(&j, "into_level", r->into_level);
	json_int(&j, "level_span", r->level_span);
	json_int(&j, "streak", r->streak);
	json_int(&j, "best_streak", r->best_streak);
	json_int(&j, "points_week", pts[0]);
	json_int(&j, "points_cycle", pts[1]);
	json_int(&j, "points_all", pts[2]);
	json_arr(&j, "badges");
	for (int b = 0; b < SCORE_NBADGES; b++)
		if (r->has[b]) {
			json_obj(&j, NULL);
			json_str(&j, "badge", score_badge_slug((score_badge)b));
			json_time(&j, "at", r->badge_at[b]);
			json_end_obj(&j);
		}
	json_end_arr(&j);
	if (points) {
		size_t n;
		const score_line *l = score_lines(sc->st, &n);
		json_arr(&j, "points");
		for (size_t i = 0; i < n; i++) {
			char text[256];
			if (l[i].person_id != p->id)
				continue;
			line_text(sc, &l[i], text, sizeof text);
			json_obj(&j, NULL);
			json_time(&j, "at", l[i].at);
			json_int(&j, "points", l[i].points);
			json_str(&j, "why", text);
			json_end_obj(&j);
		}
		json_end_arr(&j);
	}
	(void)ctx;
	json_end_obj(&j);
	json_finish(&j);
}

/* Who, level, streak and points: the first lines of `okr show @login`. */
static void print_head(const okr_person *p, const score_person_result *r, const int64_t pts[3])
{
	printf("@");
	cli_put(stdout, p->login, -1);
	printf("  ");
	cli_put(stdout, p->name, -1);
	if (p->teams[0]) {
		printf("  [");
		cli_put(stdout, p->teams, -1);
		printf("]");
	}
	printf(_("\n  level %-3d  "), r->level);
	cli_bar(stdout, r->level_span ? (double)r->into_level / (double)r->level_span : 0, 20);
	printf(_(" %lld / %lld XP to level %d   (%lld XP in all)\n"), (long long)r->into_level,
	       (long long)r->level_span, r->level + 1, (long long)r->xp);
	printf(ngettext("  streak     %d week in a row (best %d), ", "  streak     %d weeks in a row (best %d), ",
			(unsigned long)r->streak), r->streak, r->best_streak);
	printf(ngettext("%lld check-in\n", "%lld check-ins\n", (unsigned long)r->checkins), (long long)r->checkins);
	printf(_("  points     %lld this week · %lld this cycle · %lld in all\n"), (long long)pts[0],
	       (long long)pts[1], (long long)pts[2]);
}

static void print_badges(cli_ctx *ctx, const score_person_result *r)
{
	printf(_("\nBadges (%d of %d)\n"), r->nbadges, (int)SCORE_NBADGES);
	/* The dates in one column, however long the badge names are in the
	 * language shown. */
	int cols = 16;
	for (int b = 0; b < SCORE_NBADGES; b++)
		if (r->has[b] && text_width(_(score_badge_title((score_badge)b))) > cols)
			cols = text_width(_(score_badge_title((score_badge)b)));
	for (int b = 0; b < SCORE_NBADGES; b++) {
		char d[11];
		if (!r->has[b])
			continue;
		okr_format_date(score_day_of(r->badge_at[b], ctx->cfg.week_offset_minutes), d);
		fputs("  ★ ", stdout);
		cli_cell(stdout, _(score_badge_title((score_badge)b)), cols, TEXT_ALIGN_LEFT);
		printf(" %s  %s\n", d, _(score_badge_why((score_badge)b)));
	}
	if (!r->nbadges)
		printf(_("  none yet — a first check-in earns one\n"));
}

int cli_show_person(cli_ctx *ctx, const char *who, bool points, bool json)
{
	/* A login or a display name, the same lookup as every command's. */
	okr_person found;
	okr_result fr = okr_store_person_find(ctx->store, who, &found);
	if (fr && fr != OKR_E_NOTFOUND)
		return cli_store_fail(ctx, fr);
	okr_board sc;
	int rc = cli_board_load(ctx, OKR_BOARD_EVERYTHING, &sc);
	if (rc) {
		okr_person_free(&found);
		return rc;
	}
	const okr_person *p = fr ? NULL : okr_board_login(&sc.snap, found.login);
	okr_person_free(&found);
	if (!p) {
		okr_board_free(&sc);
		char *q = text_fit(who, 40, NULL);
		rc = cli_fail(OKR_E_NOTFOUND, _("'%s' is neither an ID nor a person — `okr list --people` shows "
						"the people, `okr list` the IDs"), q);
		free(q);
		return rc;
	}
	if (p->opt_out && p->id != sc.me) {
		printf(_("@%s has opted out of the leaderboard: their points are theirs to see\n"), p->login);
		okr_board_free(&sc);
		return 0;
	}
	int64_t id = p->id;
	if (points) {
		/* The explanation is recorded while folding: compute again for this person. */
		score_free(sc.st);
		sc.st = NULL;
		okr_result r = okr_store_score_refresh(ctx->store, &ctx->cfg.game, ctx->cfg.week_offset_minutes,
						       id, &sc.st, NULL);
		if (r) {
			okr_board_free(&sc);
			return cli_store_fail(ctx, r);
		}
		p = okr_board_person(&sc.snap, id);
	}
	score_person_result r;
	score_person_get(sc.st, id, sc.now, &r);
	int64_t pts[3];
	for (int w = 0; w < 3; w++) {
		score_span cur, prev;
		okr_board_spans(&sc, ctx->cfg.week_offset_minutes, (score_window)w, &cur, &prev);
		pts[w] = score_points(sc.st, id, cur);
	}
	if (json) {
		print_json(ctx, &sc, p, &r, pts, points);
		okr_board_free(&sc);
		return 0;
	}
	print_head(p, &r, pts);
	print_badges(ctx, &r);
	print_kudos(ctx, p->login);
	if (points)
		print_points(ctx, &sc, id);
	okr_board_free(&sc);
	return 0;
}
