/*
 * board_data.c — the leaderboard's data in the full-screen view: one
 * score_state kept up to date by okr_store_score_refresh after every data
 * reload (a new check-in costs its own rows, not a recount), the board of the
 * window being shown, and the facts celebrations are found in.
 *
 * The board is a pure function of the score state, the window and the kind
 * (people or teams); it is made again only when one of those changes, never
 * while drawing a frame.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/board.h"
#include "okr/i18n.h"
#include "okr/util.h"
#include "board_int.h"

const char *board_window_name(score_window w)
{
	return w == SCORE_WINDOW_WEEK ? _("this week") : w == SCORE_WINDOW_CYCLE ? _("this cycle") : _("all time");
}

const okr_person *board_person(const ui *u, int64_t id)
{
	return okr_board_person(&u->d.snap, id);
}

const char *board_team_name(const ui *u, int64_t id)
{
	return okr_board_team(&u->d.snap, id);
}

static int64_t my_id(const ui *u)
{
	return okr_store_me(u->store)->id;
}

static bool my_team(const ui *u, int64_t id)
{
	return okr_board_in_team(&u->d.snap, okr_store_me(u->store)->teams, id);
}

static bool is_mine(const ui *u, const score_row *r)
{
	return u->board->teams ? my_team(u, r->id) : r->id == my_id(u);
}

long board_my_row(const ui *u)
{
	for (size_t i = 0; i < u->board->b.n; i++)
		if (is_mine(u, &u->board->b.rows[i]))
			return (long)i;
	return -1;
}

static const char *board_name(score_window w, bool teams)
{
	static const char *const names[6] = { "people/week", "teams/week", "people/cycle", "teams/cycle",
					      "people/all", "teams/all" };
	return names[w * 2 + teams];
}

static void add_entry(ui_board *g, board_entry_kind kind, size_t row)
{
	okr_xgrow(&g->entries, &g->capentries, g->nentries + 1, sizeof *g->entries);
	g->entries[g->nentries++] = (board_entry){ kind, row };
}

/* The rows the pane lists: every ranked row and the viewer's own (even when
 * opted out, which only they see); with bands, the top, then the viewer's
 * row if below it, then one line counting the two bands. */
static void make_entries(ui *u)
{
	ui_board *g = u->board;
	g->nentries = 0;
	g->on_track = g->need_support = 0;
	bool bands = u->cfg->board_bands;
	long mine = board_my_row(u);
	for (size_t i = 0; i < g->b.n; i++) {
		const score_row *r = &g->b.rows[i];
		bool below = bands && r->rank > 0 && r->band != SCORE_BAND_RANKED;
		if (below) {
			g->on_track += r->band == SCORE_BAND_ON_TRACK;
			g->need_support += r->band == SCORE_BAND_NEEDS_SUPPORT;
		}
		if ((long)i == mine || (!r->hidden && !below))
			add_entry(g, ENTRY_ROW, i);
	}
	if (bands && (g->on_track || g->need_support))
		add_entry(g, ENTRY_BANDS, 0);
}

/* The selection stays on the same row by id; when that row is gone, it
 * goes to the viewer's own row, else the first. */
static void fix_selection(ui *u)
{
	ui_board *g = u->board;
	long mine = board_my_row(u), first = -1, at_mine = -1;
	for (size_t i = 0; i < g->nentries; i++) {
		if (g->entries[i].kind != ENTRY_ROW)
			continue;
		const score_row *r = &g->b.rows[g->entries[i].row];
		if (r->id == g->sel_id)
			return;
		if (first < 0)
			first = (long)i;
		if ((long)g->entries[i].row == mine)
			at_mine = (long)i;
	}
	long pick = at_mine >= 0 ? at_mine : first;
	g->sel_id = pick >= 0 ? g->b.rows[g->entries[pick].row].id : 0;
}

static int by_look_id(const void *a, const void *b)
{
	const okr_look_row *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Someone looking at a board for the first time has nothing to compare
 * with: what they see now becomes the mark, so that a rank that changes
 * while they watch shows in the "seen" column instead of leaving it blank. */
static void first_look(ui_board *g, unsigned k)
{
	okr_look_row *v = okr_xmalloc((g->b.n + 1) * sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < g->b.n; i++)
		if (g->b.rows[i].rank > 0)
			v[n++] = (okr_look_row){ g->b.rows[i].id, g->b.rows[i].rank };
	qsort(v, n, sizeof *v, by_look_id);
	free(g->seen[k]);
	g->seen[k] = v;
	g->nseen[k] = n;
}

/* Read what the viewer saw when they last looked at this board, then record
 * what they see now: once per board and session, so that the movement
 * "since you last looked" stays put while they watch.  With `again` (on
 * leaving) only the recording. */
static void look(ui *u, bool again)
{
	ui_board *g = u->board;
	unsigned k = g->window * 2 + g->teams;
	bool fresh = false;
	if (!again) {
		if (g->looked & (1u << k))
			return;
		g->looked |= 1u << k;
		okr_store_look_get(u->store, board_name(g->window, g->teams), &g->seen[k], &g->nseen[k],
				   &g->seen_at[k]);
		fresh = !g->nseen[k];
		if (fresh)
			first_look(g, k);
	}
	if (u->readonly || !my_id(u))
		return;
	okr_look_row *now = okr_xmalloc((g->b.n + 1) * sizeof *now);
	size_t n = 0;
	bool same = true;
	for (size_t i = 0; i < g->b.n; i++)
		if (g->b.rows[i].rank > 0) {
			now[n] = (okr_look_row){ g->b.rows[i].id, g->b.rows[i].rank };
			int m;
			same = same && board_seen_movement(u, now[n].id, now[n].rank, &m) && m == 0;
			n++;
		}
	/* Nothing moved since the last record: no write, so no doorbell for
	 * everyone else. */
	if (fresh || !same || n != g->nseen[k])
		okr_store_look_set(u->store, board_name(g->window, g->teams), now, n, okr_now());
	free(now);
}

bool board_seen_movement(const ui *u, int64_t id, int rank, int *movement)
{
	const ui_board *g = u->board;
	unsigned k = g->window * 2 + g->teams;
	const okr_look_row *seen = g->seen[k];
	size_t lo = 0, hi = g->nseen[k];   /* seen rows come ordered by id */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (seen[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= g->nseen[k] || seen[lo].id != id || rank <= 0)
		return false;
	/* The place seen may have been shared: it covered as many places as
	 * rows held that rank. */
	int best = seen[lo].rank, worst = best - 1;
	for (size_t i = 0; i < g->nseen[k]; i++)
		worst += seen[i].rank == best;
	*movement = score_move_between(rank, best, worst);
	return true;
}

static void compute(ui *u)
{
	ui_board *g = u->board;
	score_board_free(&g->b);
	score_span cur, prev;
	score_window_spans(g->now, u->cfg->week_offset_minutes, u->cfg->game.week_start, g->window,
			   okr_snapshot_cycle(&u->d.snap), &cur, &prev);
	if (g->teams)
		score_board_teams(g->st, cur, prev, &g->b);
	else
		score_board_people(g->st, cur, prev, &g->b);
	if (u->cfg->board_bands)
		score_board_bands(&g->b, u->cfg->board_top);
	make_entries(u);
	fix_selection(u);
	g->valid = true;
}

void board_compute(ui *u)
{
	ui_board *g = u->board;
	if (!g->st)
		return;
	if (!g->valid)
		compute(u);
	look(u, false);
}

/* The facts celebrations are found in: key results of the cycle shown,
 * everyone's badges, the ranks of the board shown. */
static void take_snap(ui *u, celebrate_snap *s)
{
	ui_board *g = u->board;
	const okr_snapshot *sn = &u->d.snap;
	memset(s, 0, sizeof *s);
	s->krs = okr_xmalloc((sn->nkrs + 1) * sizeof *s->krs);
	for (size_t i = 0; i < sn->nkrs; i++)
		s->krs[s->nkrs++] = (celebrate_kr){ sn->krs[i].id, sn->krs[i].owner_id, u->d.as.krs[i].progress };
	s->people = okr_xmalloc((sn->npeople + 1) * sizeof *s->people);
	for (size_t i = 0; i < sn->npeople; i++) {
		score_person_result r;
		if (!score_person_get(g->st, sn->people[i].id, g->now, &r))
			continue;
		uint32_t bits = 0;
		for (int b = 0; b < SCORE_NBADGES && b < 32; b++)
			if (r.has[b])
				bits |= 1u << b;
		s->people[s->npeople++] = (celebrate_person){ sn->people[i].id, bits };
	}
	s->ranks = okr_xmalloc((g->b.n + 1) * sizeof *s->ranks);
	for (size_t i = 0; i < g->b.n; i++)
		s->ranks[s->nranks++] = (celebrate_rank){ g->b.rows[i].id, g->b.rows[i].rank };
}

bool board_from_ledger(ui *u)
{
	return okr_store_score_ledger(u->store, &u->cfg->game, u->cfg->week_offset_minutes, &u->board->st) == OKR_OK;
}

void board_reload(ui *u, bool live)
{
	ui_board *g = u->board;
	g->now = okr_now();
	if (okr_store_score_refresh(u->store, &u->cfg->game, u->cfg->week_offset_minutes, 0, &g->st, NULL) != OKR_OK) {
		app_message(u, true, "%s", okr_store_error(u->store));
		return;
	}
	/* The board is needed now even when hidden: its ranks are compared. */
	compute(u);
	celebrate_snap s;
	take_snap(u, &s);
	unsigned key = g->window * 2 + g->teams;
	if (g->have_last && live) {
		if (g->last_key != key) {
			free(g->last.ranks);
			g->last.ranks = NULL;
			g->last.nranks = 0;
		}
		celebrate_event *ev;
		size_t n = celebrate_diff(&g->last, &s, &ev);
		celebrate_events(u, ev, n);
		free(ev);
	}
	celebrate_snap_free(&g->last);
	g->last = s;
	g->last_key = key;
	g->have_last = true;
}

unsigned board_action(ui *u, okr_action a)
{
	ui_board *g = u->board;
	if (a == ACT_BOARD_WINDOW)
		g->window = (score_window)((g->window + 1) % 3);
	else
		g->teams = !g->teams;
	pane_person_close(u);
	g->valid = false;
	g->top = 0;
	g->sel_id = 0;
	app_message(u, false, _("leaderboard: %s, %s"), g->teams ? _("teams") : _("people"),
		    board_window_name(g->window));
	board_compute(u);   /* the keys typed next act on the new rows */
	unsigned d = DIRTY_BOARD | DIRTY_FOOTER;
	if (u->focus != PANE_BOARD || !u->panes[PANE_BOARD].shown)
		d |= layout_focus(u, PANE_BOARD);
	return d;
}

void board_leave(ui *u)
{
	ui_board *g = u->board;
	/* What the viewer saw last, so that next time the board shows what
	 * moved since: only the boards shown in this session. */
	if (g->st && !u->readonly && my_id(u)) {
		score_window w0 = g->window;
		bool t0 = g->teams;
		for (unsigned k = 0; k < 6; k++) {
			if (!(g->looked & (1u << k)))
				continue;
			g->window = (score_window)(k / 2);
			g->teams = k % 2;
			compute(u);
			look(u, true);
		}
		g->window = w0;
		g->teams = t0;
	}
	score_board_free(&g->b);
	score_free(g->st);
	free(g->entries);
	for (int k = 0; k < 6; k++)
		free(g->seen[k]);
	free(g->shown);
	celebrate_snap_free(&g->last);
	celebrate_free(u);
	memset(g, 0, sizeof *g);
}

/* The pane starts on the window okr.conf names (leaderboard.window). */
ui_board *board_new(const okr_config *cfg)
{
	ui_board *g = okr_xcalloc(1, sizeof *g);
	const char *w = cfg->board_window;
	g->window = !strcmp(w, "cycle") ? SCORE_WINDOW_CYCLE : !strcmp(w, "all") ? SCORE_WINDOW_ALL : SCORE_WINDOW_WEEK;
	return g;
}

void board_delete(ui_board *g)
{
	free(g);
}
