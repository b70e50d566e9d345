/*
 * celebrate.c — celebrations on every open screen (SPEC §4): when a reload
 * shows that a key result crossed 0.7 or 1.0, or someone earned a badge, a
 * one-line banner takes the header's place for a few seconds, one after
 * another; rows whose rank moved are lit for a moment.
 *
 * Nothing here waits: each banner and highlight has an end time that the
 * main loop folds into its one poll() timeout (celebrate_deadline), and
 * celebrate_tick moves on when it has passed.  The header is its own
 * window, so a banner never touches an open form, prompt or pane.  With
 * reduced_motion nothing is lit and each celebration is a plain message
 * in the footer instead, at the same pace.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/text.h"
#include "okr/util.h"
#include "board_int.h"

static const char *person_name(const ui *u, int64_t id)
{
	const okr_person *p = board_person(u, id);
	return p ? (p->name[0] ? p->name : p->login) : NULL;
}

/* Each key result and level is celebrated once per session: a value that
 * dips and climbs back is not news twice. */
static bool first_time(ui_board *g, int64_t kr, bool full)
{
	int64_t key = kr * 2 + full;
	for (size_t i = 0; i < g->nshown; i++)
		if (g->shown[i] == key)
			return false;
	okr_xgrow(&g->shown, &g->capshown, g->nshown + 1, sizeof *g->shown);
	g->shown[g->nshown++] = key;
	return true;
}

static void enqueue(ui *u, const char *text)
{
	ui_board *g = u->board;
	if (g->nqueue == BOARD_QUEUE_MAX) {
		free(g->queue[0]);
		memmove(g->queue, g->queue + 1, (BOARD_QUEUE_MAX - 1) * sizeof *g->queue);
		g->nqueue--;
	}
	g->queue[g->nqueue++] = okr_xstrdup(text);
}

static void kr_text(ui *u, const celebrate_event *e, char *buf, size_t len)
{
	long ki = data_kr_index(u, e->id);
	const char *title = ki >= 0 ? u->d.snap.krs[ki].title : "";
	const char *who = person_name(u, e->person_id);
	const char *mark = u->cfg->reduced_motion ? "" : "🎉 ";
	int pct = e->kind == CELEBRATE_KR_10 ? 100 : 70;
	if (who)
		snprintf(buf, len, _("%s%s's K%lld reached %d %% — %s"), mark, who, (long long)e->id, pct, title);
	else
		snprintf(buf, len, _("%sK%lld reached %d %% — %s"), mark, (long long)e->id, pct, title);
}

static void add_highlight(ui_board *g, int64_t id, int dir)
{
	for (size_t i = 0; i < g->nhl; i++)
		if (g->hl[i].id == id) {
			g->hl[i].dir = dir;
			return;
		}
	okr_xgrow(&g->hl, &g->caphl, g->nhl + 1, sizeof *g->hl);
	g->hl[g->nhl++] = (board_highlight){ id, dir };
}

void celebrate_events(ui *u, const celebrate_event *ev, size_t n)
{
	ui_board *g = u->board;
	char buf[1024];
	bool ranks = false;
	for (size_t i = 0; i < n; i++) {
		const celebrate_event *e = &ev[i];
		switch (e->kind) {
		case CELEBRATE_KR_07:
		case CELEBRATE_KR_10:
			if (!first_time(g, e->id, e->kind == CELEBRATE_KR_10))
				break;
			kr_text(u, e, buf, sizeof buf);
			enqueue(u, buf);
			break;
		case CELEBRATE_BADGE: {
			const char *who = person_name(u, e->person_id);
			snprintf(buf, sizeof buf, _("%s%s earned the badge “%s” — %s"),
				 u->cfg->reduced_motion ? "" : "🏅 ", who ? who : "?",
				 _(score_badge_title((score_badge)e->badge)), _(score_badge_why((score_badge)e->badge)));
			enqueue(u, buf);
			break;
		}
		case CELEBRATE_RANK:
			if (u->cfg->reduced_motion)
				break;
			add_highlight(g, e->id, e->to < e->from ? 1 : -1);
			ranks = true;
			break;
		}
	}
	if (ranks)
		g->hl_until = app_ms() + BOARD_HIGHLIGHT_MS;
	/* Start the first banner now rather than at the next tick. */
	u->dirty |= celebrate_tick(u, app_ms());
}

int board_highlight_of(const ui *u, int64_t id)
{
	const ui_board *g = u->board;
	if (!g->hl_until)
		return 0;
	for (size_t i = 0; i < g->nhl; i++)
		if (g->hl[i].id == id)
			return g->hl[i].dir;
	return 0;
}

long long celebrate_deadline(const ui *u)
{
	const ui_board *g = u->board;
	long long d = g->banner_until;
	if (g->hl_until && (!d || g->hl_until < d))
		d = g->hl_until;
	return d;
}

unsigned celebrate_tick(ui *u, long long now)
{
	ui_board *g = u->board;
	unsigned dirty = 0;
	if (g->banner_until && now >= g->banner_until) {
		g->banner_until = 0;
		g->banner[0] = '\0';
		dirty |= DIRTY_HEADER;
	}
	if (!g->banner_until && g->nqueue) {
		okr_strlcpy(g->banner, g->queue[0], sizeof g->banner);
		free(g->queue[0]);
		memmove(g->queue, g->queue + 1, (g->nqueue - 1) * sizeof *g->queue);
		g->nqueue--;
		g->banner_until = now + BOARD_BANNER_MS;
		dirty |= DIRTY_HEADER;
		/* Reduced motion: the same pace, as a plain message line that
		 * stays until the next key or the next news. */
		if (u->cfg->reduced_motion)
			app_message(u, false, "%s", g->banner);
	}
	if (g->hl_until && now >= g->hl_until) {
		g->hl_until = 0;
		g->nhl = 0;
		dirty |= DIRTY_BOARD;
	}
	return dirty;
}

void celebrate_draw(ui *u)
{
	const ui_board *g = u->board;
	if (!g->banner_until || !u->header || u->cfg->reduced_motion)
		return;
	int width = getmaxx(u->header);
	char line[1100], right[256];
	statusbar_header_right(u, right, sizeof right);
	int rw = text_width(right);
	if (rw > width / 2)
		rw = 0;   /* narrow: the news matters more than the live mark */
	snprintf(line, sizeof line, " %s ", g->banner);
	draw_text(u, u->header, 0, 0, line, width - rw, THEME_BANNER, TEXT_ALIGN_CENTER);
	wnoutrefresh(u->header);
}

void celebrate_free(ui *u)
{
	ui_board *g = u->board;
	for (size_t i = 0; i < g->nqueue; i++)
		free(g->queue[i]);
	g->nqueue = 0;
	free(g->hl);
	g->hl = NULL;
	g->nhl = g->caphl = 0;
}
