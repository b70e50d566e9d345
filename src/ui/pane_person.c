/*
 * pane_person.c — a person's page (Enter on a person in the leaderboard): a
 * screen on the stack that lives in the leaderboard pane's window, with its
 * own state.  Level and the XP bar to the next one, streak and the check-in
 * multiplier it gives, points by window, badges with when they were earned,
 * and "what earned it" event by event, newest first, in the same words as
 * `okr show PERSON --points` (score_line_text).
 *
 * It takes keys while the leaderboard pane has the focus (its own keymap,
 * person-back, then the generic one: j/k scroll); Tab goes to another pane
 * and the page stays.  The explanation can be long (a year of check-ins),
 * so only the lines on screen are put into words.
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

/* One person's page: who, their explanation and kudos, the scroll. */
typedef struct {
	ui_screen base;
	int64_t person;
	score_state *explain;       /* that person's explanation lines */
	size_t *plines;             /* their lines in score_lines(explain), oldest first */
	size_t nplines;
	okr_kudos *pkudos;          /* the latest kudos they received, newest first */
	size_t npkudos;
	int top;
} person_screen;

/* The page's data, read when it opens and after every reload (the
 * leaderboard's scores are current by then). */
static void load(ui *u, person_screen *g)
{
	if (okr_store_score_refresh(u->store, &u->cfg->game, u->cfg->week_offset_minutes, g->person, &g->explain,
				    NULL) != OKR_OK)
		return;
	size_t n;
	const score_line *l = score_lines(g->explain, &n);
	g->plines = okr_xrealloc(g->plines, (n + 1) * sizeof *g->plines);
	g->nplines = 0;
	for (size_t i = 0; i < n; i++)
		if (l[i].person_id == g->person)
			g->plines[g->nplines++] = i;
	okr_kudos_free(g->pkudos, g->npkudos);
	g->pkudos = NULL;
	g->npkudos = 0;
	const okr_person *p = board_person(u, g->person);
	if (p)
		okr_store_kudos_about(u->store, 0, p->login, BOARD_PERSON_KUDOS, &g->pkudos, &g->npkudos);
}

/* The latest kudos received, with their words: recognition is the point. */
static size_t head_kudos(ui *u, const person_screen *g, head_line *hl, size_t n)
{
	if (!g->npkudos)
		return n;   /* no heading over nothing: the explanation matters more */
	snprintf(hl[n].text, sizeof hl[n].text, _("Kudos received (latest %zu)"), g->npkudos);
	hl[n++].slot = THEME_HELP_SECTION;
	for (size_t i = 0; i < g->npkudos; i++) {
		char w[32];
		const okr_kudos *k = &g->pkudos[i];
		snprintf(hl[n].text, sizeof hl[n].text, "  %s  @%s: %s", score_local_time(k->at, u->cfg->week_offset_minutes, w,
			 sizeof w), k->from, k->text);
		hl[n++].slot = THEME_NORMAL;
	}
	return n;
}

/* Everything above the explanation. */
static size_t head(ui *u, const person_screen *g, const okr_person *p, head_line *hl)
{
	okr_time now = u->board->now;
	size_t n = 0;
	score_person_result r;
	if (!score_person_get(g->explain, p->id, now, &r))
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
		score_window_spans(now, u->cfg->week_offset_minutes, u->cfg->game.week_start, (score_window)w,
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
	n = head_kudos(u, g, hl, n);
	snprintf(hl[n].text, sizeof hl[n].text, _("What earned it (%zu, newest first)"), g->nplines);
	hl[n++].slot = THEME_HELP_SECTION;
	return n;
}

static void explain_line(ui *u, const person_screen *g, size_t i, char *buf, size_t len)
{
	size_t n;
	const score_line *l = &score_lines(g->explain, &n)[g->plines[g->nplines - 1 - i]];
	const okr_person *o = l->other_id ? board_person(u, l->other_id) : NULL;
	char w[32], text[400];
	score_line_text(l, o ? o->login : NULL, text, sizeof text);
	snprintf(buf, len, "  %s  %+5lld  %s", score_local_time(l->at, u->cfg->week_offset_minutes, w, sizeof w),
		 (long long)l->points, text);
}

static void person_draw(ui *u, ui_screen *s)
{
	person_screen *g = (person_screen *)s;
	ui_pane *pn = &u->panes[PANE_BOARD];
	if (!pn->shown || !pn->win || !(u->dirty & DIRTY_BOARD))
		return;
	WINDOW *w = pn->win;
	int h = pn->h, width = pn->w;
	wbkgdset(w, ' ' | (chtype)theme_attr(u->paint, THEME_NORMAL));
	werase(w);
	const okr_person *p = board_person(u, g->person);
	char title[300], back[KEYMAP_NAME_MAX * 4];
	snprintf(title, sizeof title, _("@%s · %s: back to the board"), p ? p->login : "?",
		 statusbar_keys(u, ACT_PERSON_BACK, 2, back, sizeof back));
	draw_pane_title(u, w, title, width, u->focus == PANE_BOARD);
	if (p && g->explain) {
		head_line hl[HEAD_MAX];
		memset(hl, 0, sizeof hl);
		size_t nh = head(u, g, p, hl);
		int total = (int)(nh + g->nplines), rows = h - 1;
		if (g->top > total - rows)
			g->top = total - rows;
		if (g->top < 0)
			g->top = 0;
		for (int y = 1; y < h && g->top + y - 1 < total; y++) {
			size_t i = (size_t)(g->top + y - 1);
			if (i < nh) {
				draw_text(u, w, y, 1, hl[i].text, width - 1, hl[i].slot, TEXT_ALIGN_LEFT);
				if (hl[i].bar) {
					int x = 1 + text_width(hl[i].text);
					draw_bar(u, w, y, x, hl[i].bar < width - x ? hl[i].bar : width - x, hl[i].fill, false);
				}
			} else {
				char buf[600];
				explain_line(u, g, i - nh, buf, sizeof buf);
				draw_text(u, w, y, 1, buf, width - 1, THEME_NORMAL, TEXT_ALIGN_LEFT);
			}
		}
	}
	wnoutrefresh(w);
}

/* Scrolling is the generic keys'; what the leaderboard beneath would do
 * with open, expand and collapse (open someone) is not for this page. */
static unsigned person_key(ui *u, ui_screen *s, int key, okr_action a)
{
	person_screen *g = (person_screen *)s;
	int page = u->panes[PANE_BOARD].h - 2 > 1 ? u->panes[PANE_BOARD].h - 2 : 1;
	(void)key;
	switch (a) {
	case ACT_PERSON_BACK:
	case ACT_CLOSE: return screen_close(u, s);
	case ACT_DOWN: g->top++; break;
	case ACT_UP: g->top = g->top > 0 ? g->top - 1 : 0; break;
	case ACT_PAGE_DOWN: g->top += page; break;
	case ACT_PAGE_UP: g->top = g->top > page ? g->top - page : 0; break;
	case ACT_TOP: g->top = 0; break;
	case ACT_BOTTOM: g->top = 1 << 20; break;   /* clamped when drawn */
	case ACT_OPEN:
	case ACT_EXPAND:
	case ACT_COLLAPSE: return 0;
	default: return UI_PASS;
	}
	return DIRTY_BOARD;
}

static void person_data_changed(ui *u, ui_screen *s, bool live)
{
	(void)live;
	load(u, (person_screen *)s);
}

static void person_close(ui *u, ui_screen *s)
{
	person_screen *g = (person_screen *)s;
	(void)u;
	score_free(g->explain);
	free(g->plines);
	okr_kudos_free(g->pkudos, g->npkudos);
	free(g);
}

static const ui_screen_ops person_ops = {
	.name = "person",
	.scope = OKR_SCOPE_PERSON,
	.pane = 1 + PANE_BOARD,
	.key = person_key,
	.draw = person_draw,
	.data_changed = person_data_changed,
	.close = person_close,
};

unsigned pane_person_open(ui *u, int64_t id)
{
	pane_person_close(u);
	person_screen *g = okr_xcalloc(1, sizeof *g);
	g->base.ops = &person_ops;
	g->person = id;
	load(u, g);
	if (!g->explain) {
		app_message(u, true, "%s", okr_store_error(u->store));
		person_close(u, &g->base);
		return DIRTY_FOOTER;
	}
	screen_push(u, &g->base);
	return DIRTY_BOARD;
}

void pane_person_close(ui *u)
{
	ui_screen *s = screen_find(u, &person_ops);
	if (s)
		screen_close(u, s);
}
