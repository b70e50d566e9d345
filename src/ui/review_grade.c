/*
 * review_grade.c — grading in the review, and closing a cycle from the TUI
 * (`:close-cycle`, the equivalent of `okr cycle close`).
 *
 * The grade input sits at the foot of the review screen: a score prefilled
 * with the key result's grade, or its progress (the default at close), and a
 * note.  It is checked as it is typed; Enter saves through the store at once.
 * Closing writes the missing default grades and closes the cycle in one
 * store batch, as the command does, so a cycle is never left half closed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/cycle.h"
#include "okr/grade.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/progress.h"
#include "okr/util.h"
#include "review_int.h"

static bool check_score(ui_review *rv, double *score)
{
	char *t = editor_get(&rv->score);
	bool ok = okr_grade_parse(t + strspn(t, " "), score);
	free(t);
	if (!ok)
		snprintf(rv->input_error, sizeof rv->input_error, "%s",
			 _("a grade is 0.0 to 1.0 with at most two decimals, e.g. 0.7"));
	else
		rv->input_error[0] = '\0';
	return ok;
}

unsigned review_grade_open(ui *u)
{
	ui_review *rv = review_current(u);
	const okr_kr *k = review_kr(u, NULL);
	if (!k)
		return DIRTY_FOOTER;
	if (app_refuse_readonly(u) || review_refuse_closed(u))
		return DIRTY_FOOTER;
	review_load_detail(u);
	char buf[16];
	snprintf(buf, sizeof buf, "%.2f", rv->has_grade ? rv->grade.score : okr_default_grade(k));
	editor_set(&rv->score, buf);
	editor_set(&rv->note, rv->has_grade ? rv->grade.note : "");
	rv->score_first = rv->note_first = 0;
	rv->field = 0;
	rv->input = INPUT_GRADE;
	rv->input_error[0] = '\0';
	return DIRTY_ALL;
}

static unsigned save(ui *u)
{
	ui_review *rv = review_current(u);
	const okr_kr *k = review_kr(u, NULL);
	double score;
	if (!k || !check_score(rv, &score))
		return DIRTY_ALL;
	int64_t id = k->id;
	char *note = editor_get(&rv->note);
	okr_result r = okr_store_grade_set(u->store, id, score, note);
	free(note);
	u->waiting = false;
	if (r != OKR_OK) {
		snprintf(rv->input_error, sizeof rv->input_error, "%s", okr_store_error(u->store));
		return DIRTY_ALL | DIRTY_FOOTER;
	}
	okr_review_add(&rv->r, REVIEW_GRADE, id, u->ctx->login, score);
	rv->r.mark[rv->r.at] |= REVIEW_SEEN;
	rv->input = INPUT_NONE;
	rv->det_version = -1;   /* show the new grade */
	if (data_load(u, true))
		u->last_change = okr_now();
	app_message(u, false, _("K%lld graded %.2f"), (long long)id, score);
	if (rv->grading)   /* grading walks on by itself */
		return review_key(u, 0, ACT_REVIEW_NEXT) | DIRTY_FOOTER;
	return DIRTY_ALL;
}

unsigned review_grade_key(ui *u, int key)
{
	ui_review *rv = review_current(u);
	okr_action a = review_input_action(u, key);
	if (a == ACT_FORM_CANCEL) {
		rv->input = INPUT_NONE;
		rv->input_error[0] = '\0';
		return DIRTY_ALL;
	}
	if (a == ACT_FORM_SAVE)
		return save(u);
	if (a == ACT_FORM_NEXT || a == ACT_FORM_PREV) {
		rv->field = !rv->field;
		return DIRTY_ALL;
	}
	if (!form_edit_key(rv->field ? &rv->note : &rv->score, key))
		return 0;
	double score;
	if (rv->field == 0)
		check_score(rv, &score);
	return DIRTY_ALL;
}

size_t review_ungraded(ui *u)
{
	okr_grade *g = NULL;
	size_t ng = 0, missing = 0;
	const okr_snapshot *s = &u->d.snap;
	if (okr_store_grades(u->store, s->cycle_id, &g, &ng) != OKR_OK)
		return 0;
	for (size_t k = 0; k < s->nkrs; k++) {
		bool graded = false;
		for (size_t i = 0; i < ng && !graded; i++)
			graded = g[i].kr_id == s->krs[k].id;
		missing += !graded && !s->krs[k].archived;
	}
	okr_grades_free(g, ng);
	return missing;
}

/* Inside one transaction: the snapshot and grades are read again there, so
 * a grade a teammate gave a moment ago is kept, not overwritten. */
static okr_result close_txn(okr_store *s, void *ctx)
{
	int64_t cycle = *(int64_t *)ctx;
	okr_snapshot snap;
	okr_result r = okr_store_snapshot(s, cycle, false, &snap);
	if (r)
		return r;
	okr_grade *g;
	size_t ng;
	if ((r = okr_store_grades(s, cycle, &g, &ng))) {
		okr_snapshot_free(&snap);
		return r;
	}
	for (size_t k = 0; k < snap.nkrs && !r; k++) {
		const okr_kr *kr = &snap.krs[k];
		bool graded = false;
		for (size_t i = 0; i < ng && !graded; i++)
			graded = g[i].kr_id == kr->id;
		if (!graded && okr_snapshot_objective_index(&snap, kr->objective_id) >= 0)
			r = okr_store_grade_set(s, kr->id, okr_default_grade(kr), "");
	}
	if (!r)
		r = okr_store_cycle_close(s, cycle, true);   /* confirmed on the summary */
	okr_grades_free(g, ng);
	okr_snapshot_free(&snap);
	return r;
}

int review_days_early(ui *u, char end[static 11])
{
	const okr_snapshot *s = &u->d.snap;
	for (size_t i = 0; i < s->ncycles; i++)
		if (s->cycles[i].id == review_current(u)->cycle_id) {
			okr_format_date(s->cycles[i].end, end);
			return okr_cycle_days_early(&s->cycles[i], okr_day_of(okr_now()));
		}
	end[0] = '\0';
	return 0;
}

unsigned review_close_cycle(ui *u)
{
	ui_review *rv = review_current(u);
	if (app_refuse_readonly(u))
		return DIRTY_FOOTER;
	int64_t cycle = rv->cycle_id;
	okr_result r = okr_store_batch(u->store, close_txn, &cycle);
	u->waiting = false;
	if (r != OKR_OK) {
		app_message(u, true, _("%s — nothing was closed"), okr_store_error(u->store));
		return DIRTY_ALL;
	}
	rv->closed = true;
	if (data_load(u, true))
		u->last_change = okr_now();
	app_message(u, false, _("closed %s: every key result is graded and the cycle is read-only"), rv->cycle_name);
	return DIRTY_ALL;
}
