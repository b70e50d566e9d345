/*
 * view_rhythm.c — a lead's view of the weekly rhythm (action `rhythm`, key
 * W): for one team, who has not checked in since the team's Monday and
 * which key results are quiet or at risk, from core/rhythm.c — the same
 * list as `okr due --team T`.  t steps through the teams (and everyone);
 * K gives kudos to the selected person (for their work on a key result) or
 * the owner of the selected key result; m comments on the selected key
 * result (for a person: their first flagged one); Enter goes to it.
 *
 * Rows are recomputed from the snapshot on each draw (a linear pass); the
 * selection is kept by what it is (a person or a key result, by ID).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/rhythm.h"
#include "okr/text.h"
#include "okr/util.h"
#include "views.h"

typedef struct {
	char kind;        /* 'H' heading, 'P' person, 'K' key result */
	const char *head;
	size_t i;         /* into okr_rhythm.people or .krs */
} row;

struct view_rhythm {
	long team;        /* index into snap.teams; -1: everyone; -2: not chosen yet */
	char sel_kind;
	int64_t sel_id;
	int top;
};

void view_rhythm_free(struct view_rhythm *rv)
{
	free(rv);
}

/* The viewer's first team, else everyone. */
static void choose_team(ui *u)
{
	struct view_rhythm *rv = u->views->rhythm;
	const okr_snapshot *s = &u->d.snap;
	const char *mine = okr_store_me(u->store)->teams;
	if (rv->team >= (long)s->nteams)
		rv->team = -2;
	if (rv->team != -2)
		return;
	rv->team = -1;
	for (size_t i = 0; i < s->nteams && mine; i++)
		if (okr_rhythm_in_team(mine, s->teams[i].name)) {
			rv->team = (long)i;
			return;
		}
}

static const char *team_name(ui *u)
{
	struct view_rhythm *rv = u->views->rhythm;
	return rv->team >= 0 ? u->d.snap.teams[rv->team].name : NULL;
}

static void compute(ui *u, okr_rhythm *r)
{
	choose_team(u);
	okr_rhythm_compute(&u->d.snap, &u->d.as, team_name(u), okr_rhythm_week_start(okr_now(), u->cfg->week_offset_minutes, u->cfg->game.week_start), r);
}

/* Headings and items in the order drawn; returns the count. */
static size_t make_rows(const okr_rhythm *r, row *out)
{
	static const char *const heads[] = { N_("Not checked in this week"), N_("Checked in"), N_("No open key results") };
	size_t n = 0;
	int section = -1;
	for (size_t i = 0; i < r->npeople; i++) {
		const okr_rhythm_person *p = &r->people[i];
		int now = p->nkrs && !p->checked_in ? 0 : p->nkrs ? 1 : 2;
		if (now != section) {
			out[n++] = (row){ 'H', heads[now], 0 };
			section = now;
		}
		out[n++] = (row){ 'P', NULL, i };
	}
	if (r->nkrs)
		out[n++] = (row){ 'H', N_("Key results quiet or at risk"), 0 };
	for (size_t i = 0; i < r->nkrs; i++)
		out[n++] = (row){ 'K', NULL, i };
	return n;
}

static int64_t row_id(const ui *u, const okr_rhythm *r, const row *w)
{
	return w->kind == 'P' ? u->d.snap.people[r->people[w->i].person].id
	     : w->kind == 'K' ? u->d.snap.krs[r->krs[w->i].kr].id : 0;
}

/* The selected row: the one with the remembered kind and ID, else the first item. */
static size_t selected(const ui *u, const okr_rhythm *r, const row *rows, size_t n)
{
	const struct view_rhythm *rv = u->views->rhythm;
	size_t first = n;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].kind == 'H')
			continue;
		if (first == n)
			first = i;
		if (rows[i].kind == rv->sel_kind && row_id(u, r, &rows[i]) == rv->sel_id)
			return i;
	}
	return first;
}

static const char *status_word(okr_status s)
{
	return s == STATUS_OUTDATED ? _("quiet") : s == STATUS_OFF_TRACK ? _("off track") : _("at risk");
}

static void draw_row(ui *u, WINDOW *w, int y, int width, const okr_rhythm *r, const row *rw)
{
	char buf[200], day[11] = "", id[24];
	const okr_snapshot *s = &u->d.snap;
	if (rw->kind == 'H') {
		draw_text(u, w, y, 1, _(rw->head), width - 1, THEME_HELP_SECTION, TEXT_ALIGN_LEFT);
		return;
	}
	if (rw->kind == 'P') {
		const okr_rhythm_person *p = &r->people[rw->i];
		const okr_person *pp = &s->people[p->person];
		snprintf(buf, sizeof buf, "@%s", pp->login);
		draw_text(u, w, y, 3, buf, 14, THEME_TITLE, TEXT_ALIGN_LEFT);
		draw_text(u, w, y, 18, pp->name, width / 3 - 18 > 8 ? width / 3 - 18 : 8, THEME_NORMAL, TEXT_ALIGN_LEFT);
		if (p->last)
			okr_format_date(okr_day_of(p->last), day);
		int n = snprintf(buf, sizeof buf, p->last ? _("last check-in %s") : _("no check-in yet"), day);
		if (n > 0 && (size_t)n < sizeof buf)
			snprintf(buf + n, sizeof buf - (size_t)n,
				 ngettext(" · %zu key result, %zu flagged", " · %zu key results, %zu flagged", p->nkrs),
				 p->nkrs, p->nflagged);
		int x = width / 3 + 1;
		draw_text(u, w, y, x, buf, width - x, p->nkrs && !p->checked_in ? THEME_STATUS_OUTDATED : THEME_DIM,
			  TEXT_ALIGN_LEFT);
		return;
	}
	const okr_rhythm_kr *rk = &r->krs[rw->i];
	const okr_kr *k = &s->krs[rk->kr];
	draw_text(u, w, y, 3, okr_format_id(ID_KR, k->id, id, sizeof id), 6, THEME_ID, TEXT_ALIGN_LEFT);
	/* The status column takes the widest of its three words, so a
	 * translated one ("chậm tiến độ") is never cut. */
	int sw = 10;
	for (int st = 0; st < 3; st++) {
		static const okr_status all[] = { STATUS_OUTDATED, STATUS_OFF_TRACK, STATUS_AT_RISK };
		int wd = text_width(status_word(all[st]));
		sw = wd > sw ? wd : sw;
	}
	int ox = 9 + sw + 1, kx = ox + 13;
	draw_text(u, w, y, 9, status_word(rk->status), sw,
		  rk->status == STATUS_OUTDATED ? THEME_STATUS_OUTDATED
		  : rk->status == STATUS_OFF_TRACK ? THEME_STATUS_OFF_TRACK : THEME_STATUS_AT_RISK, TEXT_ALIGN_LEFT);
	snprintf(buf, sizeof buf, "@%s", k->owner);
	draw_text(u, w, y, ox, buf, 12, THEME_NORMAL, TEXT_ALIGN_LEFT);
	/* The date keeps the last 18 columns, but never starts left of the
	 * title's column: on a narrow screen the title goes, not the owner. */
	int tail = 18, tx = width - tail < kx ? kx : width - tail;
	draw_text(u, w, y, kx, k->title, tx - kx - 1, THEME_TITLE, TEXT_ALIGN_LEFT);
	if (k->last_at)
		okr_format_date(okr_day_of(k->last_at), day);
	snprintf(buf, sizeof buf, k->last_at ? _("last %s") : _("never checked in"), day);
	draw_text(u, w, y, tx, buf, width - tx, THEME_DIM, TEXT_ALIGN_LEFT);
}

void view_rhythm_draw(ui *u, WINDOW *w, int h, int width)
{
	struct view_rhythm *rv = u->views->rhythm;
	okr_rhythm r;
	compute(u, &r);
	row *rows = calloc(r.npeople + r.nkrs + 4, sizeof *rows);
	size_t n = rows ? make_rows(&r, rows) : 0, sel = selected(u, &r, rows, n);
	char title[300], day[11];
	okr_time week = okr_rhythm_week_start(okr_now(), u->cfg->week_offset_minutes, u->cfg->game.week_start);
	okr_format_date(okr_day_of(week + (okr_time)u->cfg->week_offset_minutes * 60), day);
	const char *team = team_name(u);
	snprintf(title, sizeof title, _("Team rhythm · %s · week of %s · %zu of %zu behind · %s: team · %s: kudos · "
					"%s: comment · %s: go · %s: back"),
		 team ? team : _("everyone"), day, r.behind, r.npeople, UI_KEY(u, ACT_BOARD_TEAMS), UI_KEY(u, ACT_KUDOS),
		 UI_KEY(u, ACT_COMMENT), UI_KEY(u, ACT_OPEN), UI_KEY(u, ACT_CLOSE));
	draw_pane_title(u, w, title, width, true);
	int rows_shown = h - 1;
	if ((int)sel - 1 < rv->top)
		rv->top = (int)sel - 1 > 0 ? (int)sel - 1 : 0;
	if (rows_shown > 0 && (int)sel >= rv->top + rows_shown)
		rv->top = (int)sel - rows_shown + 1;
	for (size_t i = 0; i < n; i++) {
		int y = 1 + (int)i - rv->top;
		if (y < 1 || y >= h)
			continue;
		draw_row(u, w, y, width, &r, &rows[i]);
		if (i == sel)
			draw_row_attr(u, w, y, THEME_SELECTED);
	}
	if (!n)
		draw_text(u, w, 2, 2, _("Nobody in this team yet."), width - 2, THEME_DIM, TEXT_ALIGN_LEFT);
	free(rows);
	okr_rhythm_free(&r);
}

/* The key result a form should work on for this row, 0: none. */
static int64_t row_kr(const ui *u, const okr_rhythm *r, const row *rw)
{
	if (rw->kind == 'K')
		return u->d.snap.krs[r->krs[rw->i].kr].id;
	if (rw->kind != 'P')
		return 0;
	for (size_t k = 0; k < r->nkrs; k++)
		if (r->krs[k].owner == rw->i)
			return u->d.snap.krs[r->krs[k].kr].id;
	int64_t pid = u->d.snap.people[r->people[rw->i].person].id;
	for (size_t k = 0; k < u->d.snap.nkrs; k++)
		if (u->d.snap.krs[k].owner_id == pid && !u->d.snap.krs[k].archived)
			return u->d.snap.krs[k].id;
	return 0;
}

/* The item |step| items away from sel (headings do not count), or the last
 * one there is on the way. */
static long step_to(const row *rows, long n, long sel, int step)
{
	long to = sel;
	int dir = step > 0 ? 1 : -1, left = abs(step);
	for (long i = sel + dir; i >= 0 && i < n && left > 0; i += dir)
		if (rows[i].kind != 'H') {
			to = i;
			left--;
		}
	return to;
}

static unsigned act(ui *u, const okr_rhythm *r, const row *rw, okr_action a)
{
	int64_t kr = row_kr(u, r, rw);
	if (!kr && a == ACT_KUDOS && rw->kind == 'P')
		return form_open_kudos_to(u, u->d.snap.people[r->people[rw->i].person].login) | DIRTY_ALL;
	if (!kr) {
		app_message(u, true, _("no key result of theirs in this cycle — %s still gives them kudos"),
			    UI_KEY(u, ACT_KUDOS));
		return DIRTY_FOOTER;
	}
	unsigned d = view_due_select_kr(u, kr);
	if (a == ACT_OPEN)
		return views_close(u) | d;
	return form_open(u, a == ACT_KUDOS ? FORM_KUDOS : FORM_COMMENT) | DIRTY_ALL;
}

unsigned view_rhythm_key(ui *u, int key, okr_action a)
{
	struct view_rhythm *rv = u->views->rhythm;
	okr_rhythm r;
	compute(u, &r);
	row *rows = calloc(r.npeople + r.nkrs + 4, sizeof *rows);
	size_t n = rows ? make_rows(&r, rows) : 0;
	long sel = (long)selected(u, &r, rows, n);
	unsigned d = VIEWS_PASS;
	if (key == '\n' || key == '\r')
		a = ACT_OPEN;
	if (a == ACT_DOWN || a == ACT_UP || a == ACT_TOP || a == ACT_BOTTOM || a == ACT_PAGE_DOWN || a == ACT_PAGE_UP) {
		int step = a == ACT_DOWN ? 1 : a == ACT_UP ? -1 : a == ACT_PAGE_DOWN ? 10 : a == ACT_PAGE_UP ? -10
			 : a == ACT_TOP ? -(int)n : (int)n;
		long to = step_to(rows, (long)n, sel, step);
		if (to >= 0 && to < (long)n) {
			rv->sel_kind = rows[to].kind;
			rv->sel_id = row_id(u, &r, &rows[to]);
		}
		d = DIRTY_ALL;
	} else if (a == ACT_BOARD_TEAMS) {
		rv->team = rv->team + 1 >= (long)u->d.snap.nteams ? -1 : rv->team + 1;
		rv->top = 0;
		d = DIRTY_ALL;
	} else if ((a == ACT_KUDOS || a == ACT_COMMENT || a == ACT_OPEN) && sel < (long)n) {
		d = act(u, &r, &rows[sel], a);
	}
	free(rows);
	okr_rhythm_free(&r);
	return d;
}

struct view_rhythm *view_rhythm_new(void)
{
	struct view_rhythm *v = okr_xcalloc(1, sizeof *v);
	v->team = -2;
	return v;
}
