/*
 * scores.c — see scores.h.
 */
#include <stdio.h>
#include <string.h>

#include "okr/assess.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "scores.h"

/* A cycle id no row has: the snapshot then holds no objectives or key
 * results, only the people, teams and cycles a board names. */
#define NO_CYCLE INT64_MIN

okr_result cli_scores_names(okr_store *s, okr_snapshot *out)
{
	okr_result r = okr_store_snapshot(s, NO_CYCLE, false, out);
	if (r)
		return r;
	/* The current cycle, as a snapshot of cycle 0 would have chosen it. */
	out->cycle_id = out->ncycles ? out->cycles[out->ncycles - 1].id : 0;
	for (size_t i = 0; i < out->ncycles; i++)
		if (out->cycles[i].current)
			out->cycle_id = out->cycles[i].id;
	return OKR_OK;
}

/* team: "" for names only, NULL for everything, else that team's tree. */
static int load(cli_ctx *ctx, int64_t explain, const char *team, cli_scores *out)
{
	memset(out, 0, sizeof *out);
	out->now = okr_now();
	okr_result r = !team ? okr_store_snapshot(ctx->store, 0, false, &out->snap)
		     : !team[0] ? cli_scores_names(ctx->store, &out->snap)
				: okr_store_snapshot_team(ctx->store, team, &out->snap);
	if (r)
		return cli_store_fail(ctx, r);
	/* A board ranks and names: the ledger's board part will do. */
	r = team ? okr_store_score_board(ctx->store, &ctx->cfg.game, ctx->cfg.week_offset_minutes, &out->st)
		 : okr_store_score_refresh(ctx->store, &ctx->cfg.game, ctx->cfg.week_offset_minutes, explain,
					   &out->st, NULL);
	if (r) {
		okr_snapshot_free(&out->snap);
		return cli_store_fail(ctx, r);
	}
	const okr_person *me = cli_scores_login(out, ctx->login);
	out->me = me ? me->id : 0;
	return OKR_OK;
}

int cli_scores_load(cli_ctx *ctx, int64_t explain, cli_scores *out)
{
	return load(ctx, explain, NULL, out);
}

int cli_scores_load_board(cli_ctx *ctx, const char *team, cli_scores *out)
{
	return load(ctx, 0, team ? team : "", out);
}

void cli_scores_free(cli_scores *sc)
{
	score_free(sc->st);
	okr_snapshot_free(&sc->snap);
	memset(sc, 0, sizeof *sc);
}

int cli_window_parse(const char *s)
{
	static const char *const names[] = { "week", "cycle", "all" };
	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	cli_fail(OKR_E_USAGE, _("'%s' is not a leaderboard window — use week, cycle or all"), s);
	return -1;
}

/* The first day of the week the scores were kept with (the team's). */
static int week_start(const cli_scores *sc)
{
	return sc->st ? score_week_start(sc->st) : 0;
}

void cli_window_spans(const cli_scores *sc, int offset, cli_window w, score_span *cur, score_span *prev)
{
	int ws = week_start(sc);
	okr_day monday = score_week_first_day(score_week_of(sc->now, offset, ws), ws);
	const okr_cycle *cy = okr_snapshot_cycle(&sc->snap);
	switch (w) {
	case WINDOW_WEEK:
		*cur = (score_span){ monday, monday + 7 };
		*prev = (score_span){ monday - 7, monday };
		return;
	case WINDOW_CYCLE:
		if (cy) {
			*cur = (score_span){ cy->start, cy->end + 1 };
			*prev = (score_span){ cy->start, monday > cy->start ? monday : cy->start };
			return;
		}
		break;
	case WINDOW_ALL:
		break;
	}
	*cur = SCORE_SPAN_ALL;
	*prev = (score_span){ INT32_MIN, monday };
}

const char *cli_window_label(const cli_scores *sc, int offset, cli_window w, char *buf, size_t len)
{
	char a[11], b[11];
	int ws = week_start(sc);
	okr_day monday = score_week_first_day(score_week_of(sc->now, offset, ws), ws);
	const okr_cycle *cy = okr_snapshot_cycle(&sc->snap);
	if (w == WINDOW_WEEK) {
		okr_format_date(monday, a);
		okr_format_date(monday + 6, b);
		snprintf(buf, len, _("this week, %s → %s"), a, b);
	} else if (w == WINDOW_CYCLE && cy) {
		okr_format_date(cy->start, a);
		okr_format_date(cy->end, b);
		snprintf(buf, len, _("cycle %.40s, %s → %s"), cy->name, a, b);
	} else {
		snprintf(buf, len, "%s", _("all time"));
	}
	return buf;
}

const okr_person *cli_scores_person(const cli_scores *sc, int64_t id)
{
	for (size_t i = 0; i < sc->snap.npeople; i++)
		if (sc->snap.people[i].id == id)
			return &sc->snap.people[i];
	return NULL;
}

const okr_person *cli_scores_login(const cli_scores *sc, const char *login)
{
	if (login[0] == '@')
		login++;
	for (size_t i = 0; i < sc->snap.npeople; i++)
		if (strcmp(sc->snap.people[i].login, login) == 0)
			return &sc->snap.people[i];
	return NULL;
}

const char *cli_scores_team(const cli_scores *sc, int64_t id)
{
	for (size_t i = 0; i < sc->snap.nteams; i++)
		if (sc->snap.teams[i].id == id)
			return sc->snap.teams[i].name;
	return "?";
}

bool cli_scores_my_team(const cli_scores *sc, int64_t team)
{
	const okr_person *me = cli_scores_person(sc, sc->me);
	if (!me || !me->teams)
		return false;
	/* me->teams is "A, B": match whole names only. */
	const char *name = cli_scores_team(sc, team);
	size_t n = strlen(name);
	for (const char *t = me->teams; n && (t = strstr(t, name)) != NULL; t += n)
		if ((t == me->teams || t[-1] == ' ') && (t[n] == '\0' || t[n] == ','))
			return true;
	return false;
}
