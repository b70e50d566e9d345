/*
 * review.c — the review screen's state and keys: `okr review`, the `r` key
 * and `:close-cycle` (with review_grade.c).
 *
 * A review is a mode of the one application loop, not a loop of its own: it
 * waits on the same poll(), takes the same new snapshots when the doorbell
 * rings, and opens the same check-in, comment and kudos forms.  So a
 * teammate's write shows on the key result under discussion while a form
 * stays open, and everything entered is committed the moment it is saved:
 * quitting halfway loses nothing.  Each run starts at the first key result
 * (a session is one meeting; the summary says what was left unvisited).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/util.h"
#include "review_int.h"

const okr_kr *review_kr(ui *u, size_t *index)
{
	ui_review *rv = review_current(u);
	if (!rv || rv->r.at >= rv->r.n)
		return NULL;
	long i = data_kr_index(u, rv->r.ids[rv->r.at]);
	if (i < 0)
		return NULL;
	if (index)
		*index = (size_t)i;
	return &u->d.snap.krs[i];
}

/* New check-ins since the last look, ours and everyone else's: each key
 * result whose latest value moved gets its newest check-in's author. */
static void sync(ui *u)
{
	ui_review *rv = review_current(u);
	bool first = !rv->seen_once;
	for (size_t i = 0; i < rv->r.n; i++) {
		long ki = data_kr_index(u, rv->r.ids[i]);
		if (ki < 0)
			continue;
		const okr_kr *k = &u->d.snap.krs[ki];
		if (!first && k->has_value == rv->has[i] && k->current == rv->cur[i] && k->last_at == rv->last_at[i])
			continue;
		if (!first && k->has_value) {
			okr_checkin *ci = NULL;
			size_t n = 0;
			bool own = !k->kpi_id && okr_store_checkins(u->store, k->id, 1, &ci, &n) == OKR_OK && n;
			okr_review_add(&rv->r, REVIEW_CHECKIN, k->id, own ? ci->author : "", k->current);
			okr_checkins_free(ci, n);
		}
		rv->has[i] = k->has_value;
		rv->cur[i] = k->current;
		rv->last_at[i] = k->last_at;
	}
	rv->synced = u->data_version;
	rv->seen_once = true;
}

void review_load_detail(ui *u)
{
	ui_review *rv = review_current(u);
	if (!rv->seen_once || rv->synced != u->data_version)
		sync(u);
	const okr_kr *k = review_kr(u, NULL);
	int64_t id = k ? k->id : 0;
	if (rv->det_id == id && rv->det_version == u->data_version)
		return;
	okr_checkins_free(rv->cis, rv->ncis);
	okr_comments_free(rv->comments, rv->ncomments);
	if (rv->has_grade)
		okr_grade_free(&rv->grade);
	rv->cis = NULL;
	rv->comments = NULL;
	rv->ncis = rv->ncomments = 0;
	rv->has_grade = false;
	rv->det_id = id;
	rv->det_version = u->data_version;
	if (!k)
		return;
	okr_store_checkins(u->store, id, 50, &rv->cis, &rv->ncis);
	okr_store_comments(u->store, 'K', id, &rv->comments, &rv->ncomments);
	rv->has_grade = okr_store_grade_get(u->store, id, &rv->grade) == OKR_OK;
}

static const ui_screen_ops review_ops;

ui_review *review_current(const ui *u)
{
	return (ui_review *)screen_find(u, &review_ops);
}

static ui_review *create(ui *u, const okr_review_scope *sc, bool grading)
{
	const okr_snapshot *s = &u->d.snap;
	int64_t *ids = okr_xmalloc((s->nkrs + 1) * sizeof *ids);
	size_t n = okr_review_order(s, sc, ids);
	if (!n) {
		free(ids);
		return NULL;
	}
	ui_review *rv = okr_xcalloc(1, sizeof *rv);
	okr_review_init(&rv->r, s, ids, n);
	okr_review_show(&rv->r, 0);   /* the first key result is on screen at once */
	free(ids);
	rv->grading = grading;
	rv->cycle_id = s->cycle_id;
	const okr_cycle *cy = okr_snapshot_cycle(s);
	okr_strlcpy(rv->cycle_name, cy ? cy->name : "", sizeof rv->cycle_name);
	rv->started = okr_now();
	rv->has = okr_xcalloc(n, sizeof *rv->has);
	rv->cur = okr_xcalloc(n, sizeof *rv->cur);
	rv->last_at = okr_xcalloc(n, sizeof *rv->last_at);
	rv->base.ops = &review_ops;
	screen_push(u, &rv->base);
	sync(u);
	return rv;
}

/* Go to position i; in grading mode the grade input opens by itself. */
unsigned review_go(ui *u, size_t i)
{
	ui_review *rv = review_current(u);
	okr_review_show(&rv->r, i);
	rv->summary = false;
	review_input_close(u);
	if (rv->grading && !rv->closed)
		review_grade_open(u);
	return DIRTY_ALL;
}

static unsigned show_summary(ui *u)
{
	ui_review *rv = review_current(u);
	rv->summary = true;
	review_input_close(u);
	rv->sum_top = 0;
	return DIRTY_ALL;
}

static unsigned advance(ui *u, unsigned char mark)
{
	ui_review *rv = review_current(u);
	unsigned char *m = &rv->r.mark[rv->r.at];
	if (mark == REVIEW_SKIPPED && (*m & REVIEW_SEEN))
		mark = REVIEW_SEEN;   /* something was entered: it was reviewed */
	*m = (unsigned char)(mark | (*m & REVIEW_SHOWN));
	if (rv->r.at + 1 < rv->r.n)
		return review_go(u, rv->r.at + 1);
	return show_summary(u);
}

unsigned review_open(ui *u, bool grading)
{
	if (review_current(u)) {
		app_message(u, true, _("a review is already open — %s ends it"), UI_KEY(u, ACT_QUIT));
		return DIRTY_FOOTER;
	}
	const okr_cycle *cy = okr_snapshot_cycle(&u->d.snap);
	if (grading) {
		if (app_refuse_readonly(u))
			return DIRTY_FOOTER;
		if (!cy || cy->state == CYCLE_CLOSED) {
			app_message(u, true, _("cycle %s is already closed — its grades are final"), cy ? cy->name : "?");
			return DIRTY_FOOTER;
		}
		if (okr_store_me(u->store)->role == ROLE_MEMBER) {
			app_message(u, true, "%s", _("only a lead or admin can close a cycle — ask one of them "
						     "(`okr list --people` shows roles)"));
			return DIRTY_FOOTER;
		}
	}
	bool *shown = okr_xcalloc(u->d.snap.nobjs + 1, sizeof *shown);
	for (size_t i = 0; i < u->d.snap.nobjs; i++)
		shown[i] = grading || data_shown(u, &u->d.snap.objs[i]);
	okr_review_scope sc = { .obj_shown = shown };
	ui_review *rv = create(u, &sc, grading);
	free(shown);
	if (!rv) {
		app_message(u, true, _("nothing to review: no key results here — press %s to show more, "
				       "or %s for another cycle"), UI_KEY(u, ACT_FILTER), UI_KEY(u, ACT_CYCLE));
		return DIRTY_FOOTER;
	}
	static const char *const filters[] = { N_("all"), N_("mine"), N_("my team") };
	snprintf(rv->scope, sizeof rv->scope, "%s", grading ? _("every key result") : _(filters[u->filter]));
	unsigned d = review_go(u, 0) | DIRTY_LAYOUT;
	char end[11];
	int early = grading ? review_days_early(u, end) : 0;
	if (early)   /* said before any grade is given, asked again before closing */
		app_message(u, true, ngettext("%s ends %s, %d day left: grade now; closing early asks again",
					      "%s ends %s, %d days left: grade now; closing early asks again",
					      (unsigned long)early), rv->cycle_name, end, early);
	return d | DIRTY_FOOTER;
}

bool review_start(ui *u, const ui_review_request *rq)
{
	okr_review_scope sc = { .team = rq->team, .owner = rq->mine ? u->ctx->login : NULL };
	ui_review *rv = create(u, &sc, false);
	if (!rv)
		return false;
	rv->standalone = true;
	if (rq->team)
		snprintf(rv->scope, sizeof rv->scope, _("team %s"), rq->team);
	else
		snprintf(rv->scope, sizeof rv->scope, "%s", rq->mine ? _("mine") : _("all"));
	review_go(u, 0);
	return true;
}

static void review_close(ui *u, ui_screen *s)
{
	ui_review *rv = (ui_review *)s;
	(void)u;
	okr_review_free(&rv->r);
	free(rv->has);
	free(rv->cur);
	free(rv->last_at);
	okr_checkins_free(rv->cis, rv->ncis);
	okr_comments_free(rv->comments, rv->ncomments);
	if (rv->has_grade)
		okr_grade_free(&rv->grade);
	if (rv->win)
		delwin(rv->win);
	free(rv);
}

static unsigned leave(ui *u)
{
	if (review_current(u)->standalone) {
		u->quit = true;
		return 0;
	}
	okr_review_summary s;
	okr_review_summarize(&review_current(u)->r, &u->d.snap, &u->d.as, &s);
	app_message(u, false, ngettext("review done: %zu of %zu reviewed, %zu skipped, %zu check-in",
				 "review done: %zu of %zu reviewed, %zu skipped, %zu check-ins", s.checkins), s.seen, s.total,
		    s.skipped, s.checkins);
	okr_review_summary_free(&s);
	return screen_close(u, &review_current(u)->base);
}

void review_on_saved(ui *u, ui_form_kind kind, char target, int64_t id)
{
	ui_review *rv = review_current(u);
	if (!rv)
		return;
	if (rv->r.at < rv->r.n)
		rv->r.mark[rv->r.at] |= REVIEW_SEEN;
	if (kind == FORM_COMMENT)
		okr_review_add(&rv->r, REVIEW_COMMENT, target == 'K' ? id : 0, u->ctx->login, 0);
	else if (kind == FORM_KUDOS)
		okr_review_add(&rv->r, REVIEW_KUDOS, target == 'K' ? id : 0, u->ctx->login, 0);
}

bool review_refuse_closed(ui *u)
{
	const okr_cycle *cy = okr_snapshot_cycle(&u->d.snap);
	if (!cy || cy->state != CYCLE_CLOSED)
		return false;
	app_message(u, true, _("cycle %s is closed and read-only — pick an open cycle with %s"), cy->name,
		    UI_KEY(u, ACT_CYCLE));
	return true;
}

/* The main view's selection follows the review, so that the forms (which
 * act on the selection) act on the key result shown. */
static bool select_shown(ui *u)
{
	const okr_kr *k = review_kr(u, NULL);
	if (!k) {
		app_message(u, true, _("this key result is no longer in the data — press %s for the next"),
			    UI_KEY(u, ACT_REVIEW_NEXT));
		return false;
	}
	const okr_snapshot *s = &u->d.snap;
	int64_t pid = k->objective_id;
	for (int guard = 0; pid && guard < 1000; guard++) {
		long pi = okr_snapshot_objective_index(s, pid);
		if (pi < 0)
			break;
		if (pid != k->objective_id && data_is_collapsed(u, pid))
			data_toggle_collapsed(u, pid);
		pid = s->objs[pi].parent_id;
	}
	u->filter = data_shown(u, &s->objs[okr_snapshot_objective_index(s, k->objective_id)]) ? u->filter
		    : FILTER_ALL;
	u->d.obj_id = k->objective_id;
	u->d.kr_id = k->id;
	data_rebuild_rows(u);
	u->focus = PANE_KRS;
	return data_sel_kr(u) && data_sel_kr(u)->id == k->id;
}

static unsigned open_form(ui *u, ui_form_kind kind)
{
	if (!select_shown(u))
		return DIRTY_FOOTER;
	return form_open(u, kind);
}

static unsigned summary_key(ui *u, okr_action a)
{
	ui_review *rv = review_current(u);
	switch (a) {
	case ACT_DOWN: rv->sum_top++; return DIRTY_ALL;
	case ACT_UP: rv->sum_top = rv->sum_top > 0 ? rv->sum_top - 1 : 0; return DIRTY_ALL;
	case ACT_PAGE_DOWN: rv->sum_top += 10; return DIRTY_ALL;
	case ACT_PAGE_UP: rv->sum_top = rv->sum_top > 10 ? rv->sum_top - 10 : 0; return DIRTY_ALL;
	default: break;
	}
	if (a == ACT_REVIEW_CLOSE && rv->grading && !rv->closed) {
		/* Before the cycle's last day, closing takes a second y. */
		char end[11];
		int early = review_days_early(u, end);
		if (early && !rv->early_asked) {
			rv->early_asked = true;
			app_message(u, true, ngettext("%s ends %s, %d day left: %s again closes it early, "
						      "any other key keeps it open",
						      "%s ends %s, %d days left: %s again closes it early, "
						      "any other key keeps it open", (unsigned long)early),
				    rv->cycle_name, end, early, UI_KEY(u, ACT_REVIEW_CLOSE));
			return DIRTY_ALL | DIRTY_FOOTER;
		}
		return review_close_cycle(u);
	}
	rv->early_asked = false;
	if (a == ACT_REVIEW_PREV || a == ACT_COLLAPSE)
		return review_go(u, rv->r.n - 1);
	if (a == ACT_CLOSE || a == ACT_QUIT || a == ACT_OPEN)
		return leave(u);
	if (a == ACT_HELP || a == ACT_COMMAND || a == ACT_REFRESH || a == ACT_THEME)
		return UI_PASS;
	return 0;
}

unsigned review_key(ui *u, int key, okr_action a)
{
	ui_review *rv = review_current(u);
	if (rv->summary)
		return summary_key(u, a);
	switch (a) {
	case ACT_REVIEW_NEXT: return advance(u, REVIEW_SEEN);
	case ACT_REVIEW_SKIP: return advance(u, REVIEW_SKIPPED);
	case ACT_REVIEW_PREV: return rv->r.at ? review_go(u, rv->r.at - 1) : DIRTY_ALL;
	case ACT_REVIEW_GRADE: return review_grade_open(u);
	case ACT_REVIEW_JUMP: return review_jump_open(u);
	case ACT_CHECKIN: return open_form(u, FORM_CHECKIN);
	case ACT_COMMENT: return open_form(u, FORM_COMMENT);
	case ACT_KUDOS: return open_form(u, FORM_KUDOS);
	case ACT_DOWN:
	case ACT_EXPAND:
	case ACT_OPEN: return advance(u, REVIEW_SEEN);
	case ACT_UP:
	case ACT_COLLAPSE: return rv->r.at ? review_go(u, rv->r.at - 1) : DIRTY_ALL;
	case ACT_TOP: return review_go(u, 0);
	case ACT_BOTTOM: return review_go(u, rv->r.n - 1);
	case ACT_QUIT: return show_summary(u);
	case ACT_HELP:
	case ACT_COMMAND:
	case ACT_REFRESH:
	case ACT_THEME: return UI_PASS;   /* the main screen's, beneath */
	default: break;
	}
	if (a != ACT_CLOSE) {
		char name[KEYMAP_NAME_MAX];
		app_message(u, false, _("%s does nothing in the review — the keys are on the line above"),
			    keymap_key_name(key, name, sizeof name));
	}
	return DIRTY_FOOTER;
}

static unsigned review_screen_key(ui *u, ui_screen *s, int key, okr_action a)
{
	(void)s;
	return review_key(u, key, a);
}

static void review_screen_draw(ui *u, ui_screen *s)
{
	(void)s;
	review_draw(u);
}

/* The shown key result's history, and the check-ins that came in since the
 * last look, read before the frame that shows them. */
static void review_prepare(ui *u, ui_screen *s)
{
	ui_review *rv = (ui_review *)s;
	review_load_detail(u);
	if (rv->summary && rv->grading && !rv->closed)
		rv->ungraded = review_ungraded(u);
}

static const ui_screen_ops review_ops = {
	.name = "review",
	.scope = OKR_SCOPE_REVIEW,
	.covers = UI_COVER_BODY | UI_COVER_HEADER,
	.key = review_screen_key,
	.draw = review_screen_draw,
	.prepare = review_prepare,
	.close = review_close,
};
