/*
 * review_grade.c — grading in the review, and closing a cycle from the TUI
 * (`:close-cycle`, the equivalent of `okr cycle close`).
 *
 * The grade input (review_input.c) sits at the foot of the review screen;
 * its Enter saves through the store here, at once.
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

bool review_grade_save(ui *u, double score, const char *note, char *err, size_t len)
{
	ui_review *rv = review_current(u);
	int64_t id = review_kr(u, NULL)->id;
	okr_result r = okr_store_grade_set(u->store, id, score, note);
	u->waiting = false;
	if (r != OKR_OK) {
		snprintf(err, len, "%s", okr_store_error(u->store));
		return false;
	}
	okr_review_add(&rv->r, REVIEW_GRADE, id, u->ctx->login, score);
	rv->r.mark[rv->r.at] |= REVIEW_SEEN;
	rv->det_version = -1;   /* show the new grade */
	if (data_load(u, true))
		u->last_change = okr_now();
	app_message(u, false, _("K%lld graded %.2f"), (long long)id, score);
	return true;
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
