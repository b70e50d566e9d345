/*
 * export_md_board.c — the leaderboard section of the review report
 * (`okr export --format md`): who earned the most points in the cycle, and
 * how the teams did, from the same score core as `okr board` (SPEC §4).
 *
 * A report is pasted into a wiki and read later, so it shows the points of
 * the reported cycle only, no rank movement (it means "since Monday" on a
 * live board, nothing on a page), and never anyone who opted out of the
 * ranking.  With leaderboard.bands the top is named and everyone else is
 * counted in the two bands, as `okr board` shows them; people who earned
 * nothing are left off rather than listed as last.
 */
#include <stdio.h>
#include <string.h>

#include "export.h"
#include "okr/i18n.h"
#include "okr/board.h"
#include "okr/cli.h"

/* Whether the comma-separated team list of a person holds team. */
static bool in_team(const char *teams, const char *team)
{
	size_t n = strlen(team);
	for (const char *t = teams; t && (t = strstr(t, team)) != NULL; t += n)
		if ((t == teams || t[-1] == ' ' || t[-1] == ',') && (t[n] == '\0' || t[n] == ','))
			return true;
	return false;
}

static void people(FILE *f, const okr_board *sc, const score_board *b, int top, bool bands,
		   const char *team)
{
	size_t shown = 0, on = 0, need = 0;
	for (size_t i = 0; i < b->n; i++) {
		const score_row *r = &b->rows[i];
		const okr_person *p = okr_board_person(&sc->snap, r->id);
		if (r->hidden || !p || r->score <= 0 || (team && !in_team(p->teams, team)))
			continue;
		if (bands && r->band != SCORE_BAND_RANKED) {
			on += r->band == SCORE_BAND_ON_TRACK;
			need += r->band == SCORE_BAND_NEEDS_SUPPORT;
			continue;
		}
		if (r->rank > top)
			continue;
		if (!shown++)
			fprintf(f, _("| Rank | Person | Team | Points |\n|---:|---|---|---:|\n"));
		fprintf(f, "| %d | ", r->rank);
		export_md_escape(f, p->name);
		fputs(" (@", f);
		export_md_escape(f, p->login);
		fputs(") | ", f);
		export_md_escape(f, p->teams && p->teams[0] ? p->teams : "—");
		fprintf(f, " | %.0f |\n", r->score);
	}
	if (!shown)
		fprintf(f, _("Nobody has earned points in this cycle yet.\n"));
	if (on || need)
		fprintf(f, _("\nBelow the top: %zu on track, %zu need support.\n"), on, need);
	fputc('\n', f);
}

static void teams(FILE *f, const okr_board *sc, const score_board *b)
{
	size_t shown = 0;
	for (size_t i = 0; i < b->n; i++) {
		const score_row *r = &b->rows[i];
		if (r->hidden || r->members <= 0)
			continue;
		if (!shown++)
			fprintf(f, _("By team, the average of its members:\n\n"
				     "| Rank | Team | Points per member | Members |\n|---:|---|---:|---:|\n"));
		fprintf(f, "| %d | ", r->rank);
		export_md_escape(f, okr_board_team(&sc->snap, r->id));
		fprintf(f, " | %.1f | %d |\n", r->score, r->members);
	}
	if (shown)
		fputc('\n', f);
}

int export_md_board(cli_ctx *ctx, FILE *f, const okr_cycle *cy, const char *team)
{
	okr_board sc;
	int rc = cli_board_load(ctx, OKR_BOARD_EVERYTHING, &sc);
	if (rc)
		return rc;
	int top = ctx->cfg.board_top;
	bool bands = ctx->cfg.board_bands;
	fprintf(f, _("## Leaderboard\n\n"));
	fprintf(f, _("Points earned in this cycle; the top %d. `okr show PERSON --points` explains anyone's "
		     "points.\n\n"), top);
	score_span span = { cy->start, cy->end + 1 }, none = { cy->start, cy->start };
	score_board b;
	score_board_people(sc.st, span, none, &b);
	if (bands)
		score_board_bands(&b, top);
	people(f, &sc, &b, top, bands, team);
	score_board_free(&b);
	if (!team) {
		score_board_teams(sc.st, span, none, &b);
		teams(f, &sc, &b);
		score_board_free(&b);
	}
	okr_board_free(&sc);
	return 0;
}
