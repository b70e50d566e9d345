/*
 * rows.c — one reader per entity (store_int.h): the SELECT of each and the
 * function that turns its row into the model's struct, so that the screens,
 * the history, the export and the import's matching all read a check-in (or
 * a key result, or a grade) the same way.
 */
#include <string.h>

#include "okr/util.h"
#include "store_int.h"

/* One loop for every list the store hands out.  out points at a T *, set
 * through memcpy since its type is the caller's. */
okr_result store_collect(okr_store *s, db_stmt *st, store_row_fn fn, size_t size, void *out, size_t *n,
			 const char *doing)
{
	size_t cap = 0, len = 0;
	char *v = NULL;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		okr_xgrow(&v, &cap, len + 1, size);
		memset(v + len * size, 0, size);
		fn(st, v + len * size);
		len++;
	}
	store_done(s, st);
	memcpy(out, &v, sizeof v);
	*n = len;
	if (rc != DB_DONE)
		return store_sqlerr(s, rc, doing);
	return OKR_OK;
}

void store_cycle_row(db_stmt *st, void *row)
{
	okr_cycle *c = row;
	c->id = db_column_int64(st, 0);
	c->name = store_col_text(st, 1);
	c->start = db_column_int(st, 2);
	c->end = db_column_int(st, 3);
	c->state = store_col_word(st, 4, &okr_cycle_states, CYCLE_PLANNING);
	c->current = db_column_int(st, 5) != 0;
}

void store_team_row(db_stmt *st, void *row)
{
	okr_team *t = row;
	t->id = db_column_int64(st, 0);
	t->name = store_col_text(st, 1);
	t->parent_id = db_column_int64(st, 2);
}

void store_objective_row(db_stmt *st, void *row)
{
	okr_objective *o = row;
	o->id = db_column_int64(st, 0);
	o->cycle_id = db_column_int64(st, 1);
	o->title = store_col_text(st, 2);
	o->description = store_col_text(st, 3);
	o->owner_id = db_column_int64(st, 4);
	o->owner = store_col_text(st, 5);
	o->team_id = db_column_int64(st, 6);
	o->team = store_col_text(st, 7);
	o->parent_id = db_column_int64(st, 8);
	o->kind = store_col_word(st, 9, &okr_obj_kinds, OBJ_COMMITTED);
	o->state = store_col_word(st, 10, &okr_obj_states, OBJ_ACTIVE);
	o->weight = db_column_double(st, 11);
	o->version = db_column_int64(st, 12);
	o->archived = db_column_int(st, 13) != 0;
}

void store_kr_row(db_stmt *st, void *row)
{
	okr_kr *k = row;
	k->id = db_column_int64(st, 0);
	k->objective_id = db_column_int64(st, 1);
	k->title = store_col_text(st, 2);
	k->owner_id = db_column_int64(st, 3);
	k->owner = store_col_text(st, 4);
	k->weight = db_column_double(st, 5);
	k->due = db_column_int(st, 6);
	k->type = store_col_word(st, 7, &okr_kr_types, KR_METRIC);
	k->start = db_column_double(st, 8);
	k->target = db_column_double(st, 9);
	k->dir = store_col_word(st, 10, &okr_directions, DIR_AT_LEAST);
	k->unit = store_col_text(st, 11);
	k->decimals = db_column_int(st, 12);
	k->every = store_col_word(st, 13, &okr_frequencies, FREQ_WEEKLY);
	k->kpi_id = db_column_int64(st, 14);
	k->version = db_column_int64(st, 15);
	k->archived = db_column_int(st, 16) != 0;
	k->has_value = db_column_type(st, 17) != DB_NULL;
	k->current = k->has_value ? db_column_double(st, 17) : 0;
	k->confidence = db_column_int(st, 18);
	k->last_at = db_column_int64(st, 19);
	k->created_at = db_column_int64(st, 20);
	k->self_set = db_column_int(st, 21) != 0;
}

void store_kpi_row(db_stmt *st, void *row)
{
	okr_kpi *k = row;
	k->id = db_column_int64(st, 0);
	k->name = store_col_text(st, 1);
	k->unit = store_col_text(st, 2);
	k->target = db_column_double(st, 3);
	k->dir = store_col_word(st, 4, &okr_directions, DIR_AT_LEAST);
	k->timeframe = store_col_text(st, 5);
	k->source = store_col_text(st, 6);
	k->every = store_col_word(st, 7, &okr_frequencies, FREQ_WEEKLY);
	k->owner_id = db_column_int64(st, 8);
	k->owner = store_col_text(st, 9);
	k->version = db_column_int64(st, 10);
	k->has_value = db_column_type(st, 11) != DB_NULL;
	k->latest = k->has_value ? db_column_double(st, 11) : 0;
	k->last_at = db_column_int64(st, 12);
}

void store_checkin_row(db_stmt *st, void *row)
{
	okr_checkin *e = row;
	e->id = db_column_int64(st, 0);
	e->kr_id = db_column_int64(st, 1);
	e->author = store_col_text(st, 2);
	e->value = db_column_double(st, 3);
	e->confidence = db_column_int(st, 4);
	e->note = store_col_text(st, 5);
	e->at = db_column_int64(st, 6);
	e->uid = store_col_text(st, 7);
}

void store_sample_row(db_stmt *st, void *row)
{
	okr_sample *e = row;
	e->id = db_column_int64(st, 0);
	e->kpi_id = db_column_int64(st, 1);
	e->author = store_col_text(st, 2);
	e->value = db_column_double(st, 3);
	e->note = store_col_text(st, 4);
	e->at = db_column_int64(st, 5);
	e->uid = store_col_text(st, 6);
}

void store_comment_row(db_stmt *st, void *row)
{
	okr_comment *e = row;
	const char *on = db_column_text(st, 1);
	e->id = db_column_int64(st, 0);
	e->target_kind = on && on[0] == 'O' ? 'O' : 'K';
	e->target_id = db_column_int64(st, 2);
	e->author = store_col_text(st, 3);
	e->text = store_col_text(st, 4);
	e->at = db_column_int64(st, 5);
}

void store_kudos_row(db_stmt *st, void *row)
{
	okr_kudos *e = row;
	e->id = db_column_int64(st, 0);
	e->from = store_col_text(st, 1);
	e->to = store_col_text(st, 2);
	e->text = store_col_text(st, 3);
	e->kr_id = db_column_int64(st, 4);
	e->at = db_column_int64(st, 5);
}

void store_grade_row(db_stmt *st, void *row)
{
	okr_grade *g = row;
	g->kr_id = db_column_int64(st, 0);
	g->score = db_column_double(st, 1);
	g->note = store_col_text(st, 2);
	g->author = store_col_text(st, 3);
	g->at = db_column_int64(st, 4);
}
