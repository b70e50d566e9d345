/*
 * review_draw.c — the review screen: one key result filling the terminal, or
 * the summary.
 *
 * The screen is one window above the footer, drawn whole when anything but
 * the footer is dirty (curses sends only the cells that differ).  It scales
 * with the terminal: at 80×24 one column whose lower sections give way when
 * space runs out; from 150 columns two (the numbers left, notes and comments
 * right); from 45 lines a three-row bar and a chart of the check-ins that a
 * projector's audience can read.  Everything from the database goes through
 * draw_text, sanitised and measured in display columns.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/forecast.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/util.h"
#include "review_int.h"

enum { TWO_COLS = 150, BIG_LINES = 45, CHART_ROWS = 6 };

typedef struct {
	const ui *u;
	WINDOW *w;
	int x, width, y, limit;   /* the column being filled and its last row + 1 */
	int keep;                 /* rows the chart leaves for what follows in the same column */
} pen;

static void put(pen *p, int indent, theme_slot slot, const char *text)
{
	const ui *u = p->u;
	if (p->y < p->limit)
		draw_text(u, p->w, p->y, p->x + indent, text, p->width - indent, slot, TEXT_ALIGN_LEFT);
	p->y++;
}

static void putf(pen *p, int indent, theme_slot slot, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void putf(pen *p, int indent, theme_slot slot, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *t = lines_vformat(fmt, ap);
	va_end(ap);
	put(p, indent, slot, t);
	free(t);
}

/* Wrapped to the column, at most max lines (the last one cut with "…"). */
static void put_wrapped(pen *p, int indent, theme_slot slot, const char *text, int max)
{
	char **lines;
	size_t n = text_wrap(text, p->width - indent, &lines);
	for (size_t i = 0; i < n && (int)i < max; i++) {
		if ((int)i == max - 1 && i + 1 < n) {
			okr_buf b;
			okr_buf_init(&b);
			okr_buf_printf(&b, "%s %s", lines[i], lines[i + 1]);
			put(p, indent, slot, b.s);   /* draw_text ends it with "…" */
			okr_buf_free(&b);
		} else {
			put(p, indent, slot, lines[i]);
		}
	}
	text_lines_free(lines, n);
}

static void header(ui *u, WINDOW *w, int width)
{
	ui_review *rv = review_current(u);
	char left[512], right[128];
	if (rv->grading)
		snprintf(left, sizeof left, _(" Grading %s for close · @%s"), rv->cycle_name, u->ctx->login);
	else
		snprintf(left, sizeof left, _(" Review · %s · %s · @%s"), rv->cycle_name, rv->scope, u->ctx->login);
	if (rv->summary)
		/* TRANSLATORS: %s is the dot that says whether the screen is live. */
		snprintf(right, sizeof right, _("%s summary "), u->live ? "●" : "○");
	else
		snprintf(right, sizeof right, "%s %zu / %zu ", u->live ? "●" : "○", rv->r.at + 1, rv->r.n);
	int rw = text_width(right);
	draw_text(u, w, 0, 0, left, width - rw, THEME_STATUSBAR, TEXT_ALIGN_LEFT);
	draw_text(u, w, 0, width - rw, right, rw, THEME_STATUSBAR_LIVE, TEXT_ALIGN_RIGHT);
}

/* "O1 Company goal › O4 Team goal": the objective and what it is aligned to. */
static void chain(ui *u, const okr_kr *k, okr_buf *b)
{
	const okr_snapshot *s = &u->d.snap;
	long at[16];
	int n = 0;
	for (long i = okr_snapshot_objective_index(s, k->objective_id); i >= 0 && n < 16;
	     i = s->objs[i].parent_id ? okr_snapshot_objective_index(s, s->objs[i].parent_id) : -1)
		at[n++] = i;
	for (int i = n - 1; i >= 0; i--) {
		const okr_objective *o = &s->objs[at[i]];
		char *t = text_fit(o->title, i ? 30 : 60, NULL);
		okr_buf_printf(b, "%sO%lld %s", i == n - 1 ? "" : " › ", (long long)o->id, t);
		free(t);
	}
}

/* The key result's history: a chart of its values over the cycle (dates,
 * target, expected line) wherever one fits above the forecast and grade
 * lines, else a sparkline on one line. */
static void history(ui *u, pen *p, const okr_kr *k, okr_day due, bool big)
{
	ui_review *rv = review_current(u);
	if (!rv->ncis) {
		put(p, 0, THEME_DIM, _("history  no check-ins yet"));
		return;
	}
	int room = p->limit - p->y - 4 - p->keep;   /* less the heading, the forecast and the grade */
	int rows = room > (big ? 5 * CHART_ROWS : 2 * CHART_ROWS) ? (big ? 5 * CHART_ROWS : 2 * CHART_ROWS) : room;
	okr_chart c;
	if (rows >= OKR_CHART_MIN_H && chart_of_kr(u, k, due, rv->cis, rv->ncis, p->width, rows, &c)) {
		putf(p, 0, THEME_HELP_SECTION, ngettext("History (%zu check-in)", "History (%zu check-ins)", rv->ncis),
		     rv->ncis);
		chart_draw(u, p->w, p->y, p->x, &c);
		p->y += c.height;
		okr_chart_free(&c);
		return;
	}
	size_t room1 = (size_t)(p->width > 24 ? p->width - 20 : 4), n = rv->ncis < room1 ? rv->ncis : room1;
	double v[64];
	if (n > 64)
		n = 64;
	for (size_t i = 0; i < n; i++)
		v[n - 1 - i] = rv->cis[i].value;
	if (p->y < p->limit) {
		draw_text(u, p->w, p->y, p->x, _("history"), 9, THEME_DIM, TEXT_ALIGN_LEFT);
		draw_spark(u, p->w, p->y, p->x + 9, (int)n, v, n);
		char cnt[64];
		snprintf(cnt, sizeof cnt, ngettext("  %zu check-in", "  %zu check-ins", rv->ncis), rv->ncis);
		draw_text(u, p->w, p->y, p->x + 9 + (int)n, cnt, p->width - 9 - (int)n, THEME_DIM, TEXT_ALIGN_LEFT);
	}
	p->y++;
}

static void numbers(ui *u, pen *p, const okr_kr *k, const okr_assessment *a, bool big)
{
	ui_review *rv = review_current(u);
	char val[160], due[11];
	okr_format_date(a->due, due);
	okr_kr_value_text(k, val, sizeof val);
	putf(p, 0, THEME_TITLE, _("%s %s   %.0f%%  (expected %.0f%%)"), val, k->type == KR_MILESTONE ? "" : k->unit,
	     a->raw * 100, a->expected * 100);
	for (int r = 0; r < (big ? (p->limit >= 55 ? 5 : 3) : 1); r++) {
		if (p->y < p->limit)
			draw_bar(u, p->w, p->y, p->x, p->width, a->progress, a->status == STATUS_DONE);
		p->y++;
	}
	if (k->confidence >= 0)
		putf(p, 0, draw_status_slot(a->status), _("%s · confidence %d/10"), draw_status_word(a->status),
		     k->confidence);
	else
		put(p, 0, draw_status_slot(a->status), draw_status_word(a->status));
	history(u, p, k, a->due, big);
	const okr_cycle *cy = okr_snapshot_cycle(&u->d.snap);
	okr_forecast fc = okr_forecast_kr(k, rv->cis, rv->ncis, cy ? okr_kr_began(k, cy->start) : 0,
					  okr_day_start(a->due + 1));
	if (fc.ok) {
		char v[64];
		okr_format_rounded(fc.value, k->decimals, v, sizeof v);
		putf(p, 0, THEME_NORMAL, _("forecast %s %s by %s → projected grade %.2f"), v, k->unit, due, fc.grade);
	} else if (k->type != KR_MILESTONE) {
		put(p, 0, THEME_DIM, _("forecast: not enough history yet"));
	}
	if (rv->has_grade)
		putf(p, 0, THEME_MESSAGE, _("graded %.2f by @%s%s%s"), rv->grade.score, rv->grade.author,
		     rv->grade.note[0] ? ": " : "", rv->grade.note);
}

static void notes(ui *u, pen *p)
{
	ui_review *rv = review_current(u);
	put(p, 0, THEME_HELP_SECTION, _("Latest check-ins"));
	if (!rv->ncis)
		putf(p, 2, THEME_DIM, _("none yet — press %s to check in"), UI_KEY(u, ACT_CHECKIN));
	/* Leave room for the comments below: half of what is left. */
	int room = (p->limit - p->y) / 2;
	size_t most = room >= 24 ? 12 : room >= 12 ? 6 : room >= 6 ? (size_t)room / 2 : 1;
	size_t shown = 0;
	for (size_t i = 0; i < rv->ncis && shown < most && p->y < p->limit - 1; i++, shown++) {
		const okr_checkin *c = &rv->cis[i];
		const okr_kr *k = review_kr(u, NULL);
		okr_kr one = *k;
		one.current = c->value;
		one.has_value = true;
		char w[32], val[160];
		draw_when(c->at, w, sizeof w);
		okr_kr_value_text(&one, val, sizeof val);
		putf(p, 2, THEME_DIM, "%s  @%s  %s", w, c->author, val);
		if (c->note[0])
			put_wrapped(p, 6, THEME_NORMAL, c->note, 2);
	}
	p->y++;
	putf(p, 0, THEME_HELP_SECTION, _("Comments (%zu)"), rv->ncomments);
	if (!rv->ncomments)
		putf(p, 2, THEME_DIM, _("none yet — press %s to comment"), UI_KEY(u, ACT_COMMENT));
	size_t first = rv->ncomments > 4 ? rv->ncomments - 4 : 0;
	for (size_t i = first; i < rv->ncomments && p->y < p->limit - 1; i++) {
		char w[32];
		draw_when(rv->comments[i].at, w, sizeof w);
		putf(p, 2, THEME_DIM, "%s  @%s", w, rv->comments[i].author);
		put_wrapped(p, 6, THEME_NORMAL, rv->comments[i].text, 3);
	}
}

/* The keys, from the live key map where an action has them. */
void review_hints(ui *u, char *buf, size_t len)
{
	ui_review *rv = review_current(u);
	const char *prev = UI_KEY(u, ACT_REVIEW_PREV), *quit = UI_KEY(u, ACT_QUIT);
	if (rv->summary && rv->grading && !rv->closed)
		snprintf(buf, len, _(" %s close %s now · %s back · %s leave without closing"),
			 UI_KEY(u, ACT_REVIEW_CLOSE), rv->cycle_name, prev, quit);
	else if (rv->summary)
		snprintf(buf, len, _(" %s or %s ends the review · %s back · %s/%s scroll"), quit, UI_KEY(u, ACT_OPEN),
			 prev, UI_KEY(u, ACT_DOWN), UI_KEY(u, ACT_UP));
	else
		snprintf(buf, len, _(" %s check-in  %s grade  %s comment  %s kudos  %s next  %s prev  %s skip  %s jump  "
				     "%s end"), UI_KEY(u, ACT_CHECKIN), UI_KEY(u, ACT_REVIEW_GRADE), UI_KEY(u, ACT_COMMENT),
			 UI_KEY(u, ACT_KUDOS), UI_KEY(u, ACT_REVIEW_NEXT), prev, UI_KEY(u, ACT_REVIEW_SKIP),
			 UI_KEY(u, ACT_REVIEW_JUMP), quit);
}

static void draw_kr(ui *u, WINDOW *w, int h, int width)
{
	ui_review *rv = review_current(u);
	size_t ki;
	const okr_kr *k = review_kr(u, &ki);
	int bottom = review_input_rows(u);
	bool two = width >= TWO_COLS, big = h >= BIG_LINES && width >= 100;
	int mx = width >= 120 ? 4 : 1;
	pen p = { u, w, mx, width - 2 * mx, 2, h - bottom - (bottom ? 1 : 0), two ? 0 : 8 };
	if (two)
		p.width = (width - 2 * mx) * 3 / 5;
	if (!k) {
		putf(&p, 0, THEME_DIM, _("K%lld is no longer in this cycle's data (archived or moved) — %s for the next"),
		     (long long)rv->r.ids[rv->r.at], UI_KEY(u, ACT_REVIEW_NEXT));
	} else {
		okr_buf b;
		okr_buf_init(&b);
		chain(u, k, &b);
		put(&p, 0, THEME_DIM, b.s);
		okr_buf_free(&b);
		okr_buf_init(&b);
		okr_buf_printf(&b, "K%lld  %s", (long long)k->id, k->title);
		put_wrapped(&p, 0, THEME_TITLE, b.s, 2);
		okr_buf_free(&b);
		char due[11];
		okr_format_date(u->d.as.krs[ki].due, due);
		putf(&p, 0, THEME_DIM, _("owner @%s · due %s · %s check-ins · weight %g"), k->owner, due,
		     _(okr_frequency_name(k->every)), k->weight);
		p.y++;
		if (big)
			p.y++;
		numbers(u, &p, k, &u->d.as.krs[ki], big);
		if (two) {
			p.x = mx + p.width + 3;
			p.width = width - p.x - mx;
			p.y = 2;
		} else {
			p.y++;
		}
		notes(u, &p);
	}
}

static void draw_summary(ui *u, WINDOW *w, int h, int width)
{
	ui_review *rv = review_current(u);
	ui_lines ls = { 0 };
	review_summary_lines(u, &ls);
	int rows = h - 2;
	rv->sum_top = lines_clamp_top(&ls, rv->sum_top, rows);
	int mx = width >= 120 ? 4 : 1;
	for (int y = 0; y < rows && (size_t)(rv->sum_top + y) < ls.n; y++) {
		const ui_line *l = &ls.v[rv->sum_top + y];
		draw_text(u, w, 2 + y, mx + l->indent, l->text, width - 2 * mx - l->indent, l->slot, TEXT_ALIGN_LEFT);
	}
	lines_free(&ls);
}

void review_draw(ui *u)
{
	ui_review *rv = review_current(u);
	int h = LINES - 1, width = COLS;
	if (rv->win && !(u->dirty & ~(unsigned)DIRTY_FOOTER))
		return;
	if (!rv->win || getmaxy(rv->win) != h || getmaxx(rv->win) != width) {
		if (rv->win)
			delwin(rv->win);
		rv->win = h > 0 && width > 0 ? newwin(h, width, 0, 0) : NULL;
		if (!rv->win)
			return;
	}
	WINDOW *w = rv->win;
	wbkgdset(w, ' ' | (chtype)theme_attr(u->paint, THEME_NORMAL));
	werase(w);
	header(u, w, width);
	if (rv->summary)
		draw_summary(u, w, h, width);
	else
		draw_kr(u, w, h, width);
	leaveok(w, TRUE);   /* the cursor is an input's, on its own window */
	wnoutrefresh(w);
}

/* ---- the summary, for the screen and for stdout ---- */

static const okr_kr *kr_of(ui *u, int64_t id)
{
	long i = data_kr_index(u, id);
	return i >= 0 ? &u->d.snap.krs[i] : NULL;
}

/* :close-cycle's summary ends with the question, from the count of key
 * results without a grade read before the frame (review.c). */
static void closing_lines(ui *u, ui_review *rv, ui_lines *ls)
{
	lines_addf(ls, 0, THEME_NORMAL, "%s", "");
	if (rv->closed) {
		lines_addf(ls, 0, THEME_MESSAGE, _("%s is closed: every key result is graded."), rv->cycle_name);
		return;
	}
	size_t left = rv->ungraded;
	const char *y = UI_KEY(u, ACT_REVIEW_CLOSE);
	lines_addf(ls, 0, THEME_MESSAGE, ngettext("Close %s now? %s closes it: %zu key result without a grade",
						  "Close %s now? %s closes it: %zu key results without a grade",
						  left), rv->cycle_name, y, left);
	lines_addf(ls, 0, THEME_MESSAGE, "%s", _("get their progress as grade, and the cycle becomes read-only."));
	char end[11];
	int early = review_days_early(u, end);
	if (early)
		lines_addf(ls, 0, THEME_MESSAGE_ERROR, ngettext(
			"⚠ %s ends %s, %d day left: closing now is early (%s asks again).",
			"⚠ %s ends %s, %d days left: closing now is early (%s asks again).",
			(unsigned long)early), rv->cycle_name, end, early, y);
}

void review_summary_lines(ui *u, ui_lines *ls)
{
	ui_review *rv = review_current(u);
	okr_review_summary s;
	okr_review_summarize(&rv->r, &u->d.snap, &u->d.as, &s);
	lines_addf(ls, 0, THEME_TITLE, _("Review summary · %s · %s"), rv->cycle_name, rv->scope);
	lines_addf(ls, 0, THEME_NORMAL, ngettext("%zu of %zu key result reviewed · %zu skipped · %zu not reached",
	    "%zu of %zu key results reviewed · %zu skipped · %zu not reached", s.total), s.seen, s.total,
	    s.skipped, s.unvisited);
	char tally[4][64];
	snprintf(tally[0], sizeof tally[0], ngettext("%zu check-in", "%zu check-ins", s.checkins), s.checkins);
	snprintf(tally[1], sizeof tally[1], ngettext("%zu grade", "%zu grades", s.grades), s.grades);
	snprintf(tally[2], sizeof tally[2], ngettext("%zu comment", "%zu comments", s.comments), s.comments);
	snprintf(tally[3], sizeof tally[3], ngettext("%zu kudos", "%zu kudos", s.kudos), s.kudos);
	lines_addf(ls, 0, THEME_NORMAL, "%s · %s · %s · %s", tally[0], tally[1], tally[2], tally[3]);
	lines_addf(ls, 0, THEME_NORMAL, "%s", "");
	lines_addf(ls, 0, THEME_HELP_SECTION, _("What changed (%zu)"), s.nchanges);
	if (!s.nchanges)
		lines_addf(ls, 2, THEME_DIM, "%s", _("no values moved"));
	for (size_t i = 0; i < s.nchanges; i++) {
		const okr_review_change *c = &s.changes[i];
		const okr_kr *k = kr_of(u, c->kr_id);
		if (!k)
			continue;
		char a[64] = "—", b[64];
		if (c->had)
			okr_format_value(c->before, k->decimals, a, sizeof a);
		okr_format_value(c->after, k->decimals, b, sizeof b);
		char *t = text_fit(k->title, 40, NULL);
		lines_addf(ls, 2, THEME_NORMAL, _("K%lld %s: %s → %s %s (%.0f%% → %.0f%%)"), (long long)k->id, t, a, b,
		    k->type == KR_MILESTONE ? "" : k->unit, c->p_before * 100, c->p_after * 100);
		free(t);
	}
	okr_buf who;
	okr_buf_init(&who);
	for (size_t i = 0; i < s.npeople; i++)
		okr_buf_printf(&who, "%s@%s (%zu)", i ? ", " : "", s.people[i].login, s.people[i].n);
	lines_addf(ls, 0, THEME_HELP_SECTION, "%s", _("Who checked in"));
	lines_addf(ls, 2, s.npeople ? THEME_NORMAL : THEME_DIM, "%s", s.npeople ? who.s : _("nobody during this review"));
	okr_buf_free(&who);
	lines_addf(ls, 0, THEME_HELP_SECTION, _("At risk (%zu)"), s.nrisks);
	if (!s.nrisks)
		lines_addf(ls, 2, THEME_DIM, "%s", _("nothing: every key result is on track or done"));
	for (size_t i = 0; i < s.nrisks; i++) {
		const okr_kr *k = kr_of(u, s.risks[i].kr_id);
		if (!k)
			continue;
		char *t = text_fit(k->title, 40, NULL);
		lines_addf(ls, 2, draw_status_slot(s.risks[i].status), _("K%lld %s: %s, %.0f points behind · @%s"),
		    (long long)k->id, t, draw_status_word(s.risks[i].status), s.risks[i].gap * 100, k->owner);
		free(t);
	}
	if (s.nskipped) {
		okr_buf sk;
		okr_buf_init(&sk);
		for (size_t i = 0; i < s.nskipped; i++)
			okr_buf_printf(&sk, "%sK%lld", i ? ", " : "", (long long)s.skipped_ids[i]);
		lines_addf(ls, 0, THEME_HELP_SECTION, _("Skipped: %s"), sk.s);
		okr_buf_free(&sk);
	}
	if (rv->grading)
		closing_lines(u, rv, ls);
	okr_review_summary_free(&s);
}

void review_print_summary(ui *u)
{
	if (!review_current(u))
		return;
	ui_lines ls = { 0 };
	review_summary_lines(u, &ls);
	for (size_t i = 0; i < ls.n; i++) {
		printf("%*s", ls.v[i].indent, "");
		char *safe = text_sanitize(ls.v[i].text);
		fputs(safe, stdout);
		free(safe);
		putchar('\n');
	}
	lines_free(&ls);
}
