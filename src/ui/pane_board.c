/*
 * pane_board.c — the leaderboard's slot.  Until points and badges arrive
 * (SPEC §4) it shows what is already true and useful: this week's activity
 * per person — how many of their key results in this cycle have a check-in
 * since Monday, and the kudos they received and gave — most active first,
 * with the viewer's own row marked.
 *
 * Check-in activity comes from the snapshot (each key result's latest
 * check-in time), so the board costs one query (this week's kudos), made
 * again only when the data changes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/util.h"
#include "ui_int.h"

typedef struct {
	const char *login;
	int owned, checked, kudos_in, kudos_out;
} board_row;

static struct {
	bool valid;
	board_row *rows;
	size_t n;
	okr_time week_start;
} board;

void pane_board_invalidate(void)
{
	board.valid = false;
}

void pane_board_free(void)
{
	free(board.rows);
	memset(&board, 0, sizeof board);
}

/* Monday 00:00 of this week, in the team's time zone (okr.conf timezone). */
static okr_time week_start(const ui *u)
{
	okr_time off = (okr_time)u->cfg->week_offset_minutes * 60, local = okr_now() + off;
	okr_time day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
	okr_time monday = day - ((day + 3) % 7 + 7) % 7;   /* 1970-01-01 was a Thursday */
	return monday * 86400 - off;
}

static int cmp_rows(const void *a, const void *b)
{
	const board_row *x = a, *y = b;
	if (x->checked != y->checked)
		return y->checked - x->checked;
	if (x->kudos_in != y->kudos_in)
		return y->kudos_in - x->kudos_in;
	return strcmp(x->login, y->login);
}

static int cmp_login(const void *a, const void *b)
{
	return strcmp(((const board_row *)a)->login, ((const board_row *)b)->login);
}

/* Rows are in login order while they are counted: a binary search, not a
 * scan per key result (5,000 × 200 string compares on a large file). */
static board_row *row_of(const char *login)
{
	board_row key = { .login = login };
	return board.n ? bsearch(&key, board.rows, board.n, sizeof *board.rows, cmp_login) : NULL;
}

static void compute(ui *u)
{
	const okr_snapshot *s = &u->d.snap;
	board.week_start = week_start(u);
	board.rows = okr_xrealloc(board.rows, (s->npeople + 1) * sizeof *board.rows);
	board.n = s->npeople;
	for (size_t i = 0; i < s->npeople; i++)
		board.rows[i] = (board_row){ .login = s->people[i].login };
	qsort(board.rows, board.n, sizeof *board.rows, cmp_login);
	for (size_t i = 0; i < s->nkrs; i++) {
		board_row *r = row_of(s->krs[i].owner);
		if (!r)
			continue;
		r->owned++;
		r->checked += s->krs[i].last_at >= board.week_start;
	}
	okr_kudos *k;
	size_t nk;
	if (okr_store_kudos_list(u->store, board.week_start, 0, &k, &nk) == OKR_OK) {
		for (size_t i = 0; i < nk; i++) {
			board_row *r = row_of(k[i].to);
			if (r)
				r->kudos_in++;
			if ((r = row_of(k[i].from)))
				r->kudos_out++;
		}
		okr_kudos_free(k, nk);
	}
	/* People with nothing in this cycle and no kudos would only be noise. */
	size_t kept = 0;
	for (size_t i = 0; i < board.n; i++)
		if (board.rows[i].owned || board.rows[i].kudos_in || board.rows[i].kudos_out)
			board.rows[kept++] = board.rows[i];
	board.n = kept;
	qsort(board.rows, board.n, sizeof *board.rows, cmp_rows);
	board.valid = true;
}

static void pane_board_draw(ui *u, WINDOW *w, int h, int width, bool focused)
{
	if (!board.valid)
		compute(u);
	char title[128], day[11];
	okr_format_date(okr_day_of(board.week_start + (okr_time)u->cfg->week_offset_minutes * 60), day);
	snprintf(title, sizeof title, _("This week · since %s"), day);
	draw_pane_title(w, title, width, focused);
	if (h < 3)
		return;
	int name_w = width - 24 > 8 ? width - 24 : 8;
	draw_text(w, 1, 0, "", width, THEME_HEADER, TEXT_ALIGN_LEFT);
	draw_text(w, 1, 1, _("#"), 3, THEME_HEADER, TEXT_ALIGN_RIGHT);
	draw_text(w, 1, 5, _("Person"), name_w, THEME_HEADER, TEXT_ALIGN_LEFT);
	draw_text(w, 1, 5 + name_w, _("KRs in"), 8, THEME_HEADER, TEXT_ALIGN_RIGHT);
	draw_text(w, 1, 13 + name_w, _("Kudos"), 8, THEME_HEADER, TEXT_ALIGN_RIGHT);
	if (!board.n) {
		draw_text(w, 2, 2, _("No activity yet this week"), width - 2, THEME_DIM, TEXT_ALIGN_LEFT);
		return;
	}
	ui_pane *p = &u->panes[PANE_BOARD];
	if (p->top > (int)board.n - (h - 2))
		p->top = (int)board.n - (h - 2);
	if (p->top < 0)
		p->top = 0;
	int rank = 0;
	for (size_t i = 0; i < board.n; i++) {
		/* Ties share a rank. */
		const board_row *a = &board.rows[i], *b = i ? &board.rows[i - 1] : NULL;
		if (!b || a->checked != b->checked || a->kudos_in != b->kudos_in)
			rank = (int)i + 1;
		int y = 2 + (int)i - p->top;
		if (y < 2 || y >= h)
			continue;
		const board_row *r = &board.rows[i];
		bool me = strcmp(r->login, u->ctx->login) == 0;
		char buf[64];
		snprintf(buf, sizeof buf, "%d", rank);
		draw_text(w, y, 1, buf, 3, THEME_DIM, TEXT_ALIGN_RIGHT);
		char who[300];
		snprintf(who, sizeof who, "@%s", r->login);
		draw_text(w, y, 5, who, name_w, me ? THEME_RANK_ME : THEME_NORMAL, TEXT_ALIGN_LEFT);
		snprintf(buf, sizeof buf, "%d/%d", r->checked, r->owned);
		draw_text(w, y, 5 + name_w, buf, 8, r->owned && r->checked == r->owned ? THEME_STATUS_DONE
			  : THEME_NORMAL, TEXT_ALIGN_RIGHT);
		snprintf(buf, sizeof buf, "♥ %d", r->kudos_in);
		draw_text(w, y, 13 + name_w, buf, 8, r->kudos_in ? THEME_BADGE : THEME_DIM, TEXT_ALIGN_RIGHT);
	}
}

static unsigned pane_board_key(ui *u, okr_action a)
{
	ui_pane *p = &u->panes[PANE_BOARD];
	switch (a) {
	case ACT_DOWN: p->top++; break;
	case ACT_UP: p->top = p->top > 0 ? p->top - 1 : 0; break;
	case ACT_TOP: p->top = 0; break;
	case ACT_BOTTOM: p->top = 1 << 20; break;
	case ACT_COLLAPSE: return layout_focus(u, PANE_OBJECTIVES);
	default: return 0;
	}
	return DIRTY_BOARD;
}

const ui_pane_ops pane_board_ops = {
	.title = N_("This week"),
	.layout = NULL,
	.draw = pane_board_draw,
	.key = pane_board_key,
};
