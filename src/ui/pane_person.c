/*
 * pane_person.c — a person's page inside the leaderboard pane (Enter on a
 * person): level and the XP bar to the next one, streak and the check-in
 * multiplier it gives, points by window, badges with when they were earned,
 * and "what earned it" event by event, newest first, in the same words as
 * `okr show PERSON --points` (score_line_text).
 *
 * The explanation can be long (a year of check-ins), so only the lines on
 * screen are put into words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/util.h"
#include "board_int.h"

enum { HEAD_MAX = 10 + SCORE_NBADGES + BOARD_PERSON_KUDOS };

typedef struct {
	char text[512];
	theme_slot slot;
	int bar;              /* > 0: an XP bar of this many cells follows the text */
	double fill;
} head_line;

static const char *when(okr_time t, int off, char *buf, size_t len)
{
	char d[11];
	okr_time l = t + (okr_time)off * 60;
	okr_format_date(score_day_of(t, off), d);
	long s = (long)(((l % 86400) + 86400) % 86400);
	snprintf(buf, len, "%s %02ld:%02ld", d, s / 3600, s / 60 % 60);
	return buf;
}

/* The latest kudos received, with their words: recognition is the point. */
static size_t head_kudos(ui *u, head_line *hl, size_t n)
{
	const ui_board *g = u->board;
	if (!g->npkudos)
		return n;   /* no heading over nothing: the explanation matters more */
	snprintf(hl[n].text, sizeof hl[n].text, _("Kudos received (latest %zu)"), g->npkudos);
	hl[n++].slot = THEME_HELP_SECTION;
	for (size_t i = 0; i < g->npkudos; i++) {
		char w[32];
		const okr_kudos *k = &g->pkudos[i];
		snprintf(hl[n].text, sizeof hl[n].text, "  %s  @%s: %s", when(k->at, u->cfg->week_offset_minutes, w,
			 sizeof w), k->from, k->text);
		hl[n++].slot = THEME_NORMAL;
	}
	return n;
}

/* Everything above the explanation. */
static size_t head(ui *u, const okr_person *p, head_line *hl)
{
	const ui_board *g = u->board;
	size_t n = 0;
	score_person_result r;
	if (!score_person_get(g->explain, p->id, g->now, &r))
		return 0;
	snprintf(hl[n].text, sizeof hl[n].text, "%s (@%s)%s%s", p->name, p->login, p->teams[0] ? " · " : "",
		 p->teams);
	hl[n++].slot = THEME_TITLE;
	snprintf(hl[n].text, sizeof hl[n].text, _("level %d "), r.level);
	hl[n].slot = THEME_BADGE;
	hl[n].bar = 12;
	hl[n++].fill = r.level_span ? (double)r.into_level / (double)r.level_span : 0;
	snprintf(hl[n].text, sizeof hl[n].text, _("%lld / %lld XP to level %d (%lld XP in all)"),
		 (long long)r.into_level, (long long)r.level_span, r.level + 1, (long long)r.xp);
	hl[n++].slot = THEME_DIM;
	int cap = u->cfg->game.streak_cap, weeks = r.streak < cap ? r.streak : cap;
	int pct = weeks * u->cfg->game.streak_percent;
	char cis[64];
	snprintf(cis, sizeof cis, ngettext("%lld check-in", "%lld check-ins", (unsigned long)r.checkins),
		 (long long)r.checkins);
	snprintf(hl[n].text, sizeof hl[n].text, ngettext("streak %d week (best %d) · check-in XP ×%d.%02d · %s",
							 "streak %d weeks (best %d) · check-in XP ×%d.%02d · %s",
							 (unsigned long)r.streak),
		 r.streak, r.best_streak, 1 + pct / 100, pct % 100, cis);
	hl[n++].slot = THEME_NORMAL;
	int64_t pts[3];
	for (int w = 0; w < 3; w++) {
		score_span cur, prev;
		score_window_spans(g->now, u->cfg->week_offset_minutes, u->cfg->game.week_start, (score_window)w,
				   okr_snapshot_cycle(&u->d.snap), &cur, &prev);
		pts[w] = score_points(g->explain, p->id, cur);
	}
	snprintf(hl[n].text, sizeof hl[n].text, _("points %lld this week · %lld this cycle · %lld in all"),
		 (long long)pts[0], (long long)pts[1], (long long)pts[2]);
	hl[n++].slot = THEME_NORMAL;
	snprintf(hl[n].text, sizeof hl[n].text, _("Badges (%d of %d)"), r.nbadges, (int)SCORE_NBADGES);
	hl[n++].slot = THEME_HELP_SECTION;
	for (int b = 0; b < SCORE_NBADGES; b++) {
		char d[11];
		if (!r.has[b])
			continue;
		okr_format_date(score_day_of(r.badge_at[b], u->cfg->week_offset_minutes), d);
		snprintf(hl[n].text, sizeof hl[n].text, "  ★ %s  %s  %s", _(score_badge_title((score_badge)b)), d,
			 _(score_badge_why((score_badge)b)));
		hl[n++].slot = THEME_BADGE;
	}
	if (!r.nbadges) {
		snprintf(hl[n].text, sizeof hl[n].text, "  %s", _("none yet — a first check-in earns one"));
		hl[n++].slot = THEME_DIM;
	}
	n = head_kudos(u, hl, n);
	snprintf(hl[n].text, sizeof hl[n].text, _("What earned it (%zu, newest first)"), g->nplines);
	hl[n++].slot = THEME_HELP_SECTION;
	return n;
}

static void explain_line(ui *u, size_t i, char *buf, size_t len)
{
	const ui_board *g = u->board;
	size_t n;
	const score_line *l = &score_lines(g->explain, &n)[g->plines[g->nplines - 1 - i]];
	const okr_person *o = l->other_id ? board_person(u, l->other_id) : NULL;
	char w[32], text[400];
	score_line_text(l, o ? o->login : NULL, text, sizeof text);
	snprintf(buf, len, "  %s  %+5lld  %s", when(l->at, u->cfg->week_offset_minutes, w, sizeof w),
		 (long long)l->points, text);
}

void pane_person_draw(ui *u, WINDOW *w, int h, int width, bool focused)
{
	ui_board *g = u->board;
	const okr_person *p = board_person(u, g->person);
	char title[300];
	snprintf(title, sizeof title, _("@%s · Enter or h: back to the board"), p ? p->login : "?");
	draw_pane_title(w, title, width, focused);
	if (!p || !g->explain)
		return;
	head_line hl[HEAD_MAX];
	memset(hl, 0, sizeof hl);
	size_t nh = head(u, p, hl);
	int total = (int)(nh + g->nplines), rows = h - 1;
	if (g->ptop > total - rows)
		g->ptop = total - rows;
	if (g->ptop < 0)
		g->ptop = 0;
	for (int y = 1; y < h && g->ptop + y - 1 < total; y++) {
		size_t i = (size_t)(g->ptop + y - 1);
		if (i < nh) {
			draw_text(w, y, 1, hl[i].text, width - 1, hl[i].slot, TEXT_ALIGN_LEFT);
			if (hl[i].bar) {
				int x = 1 + text_width(hl[i].text);
				draw_bar(w, y, x, hl[i].bar < width - x ? hl[i].bar : width - x, hl[i].fill, false);
			}
		} else {
			char buf[600];
			explain_line(u, i - nh, buf, sizeof buf);
			draw_text(w, y, 1, buf, width - 1, THEME_NORMAL, TEXT_ALIGN_LEFT);
		}
	}
}

unsigned pane_person_key(ui *u, okr_action a)
{
	ui_board *g = u->board;
	int page = u->panes[PANE_BOARD].h - 2 > 1 ? u->panes[PANE_BOARD].h - 2 : 1;
	switch (a) {
	case ACT_DOWN: g->ptop++; break;
	case ACT_UP: g->ptop = g->ptop > 0 ? g->ptop - 1 : 0; break;
	case ACT_PAGE_DOWN: g->ptop += page; break;
	case ACT_PAGE_UP: g->ptop = g->ptop > page ? g->ptop - page : 0; break;
	case ACT_TOP: g->ptop = 0; break;
	case ACT_BOTTOM: g->ptop = 1 << 20; break;   /* clamped when drawn */
	case ACT_OPEN:
	case ACT_COLLAPSE: board_close_person(u); break;
	default: return 0;
	}
	return DIRTY_BOARD;
}
