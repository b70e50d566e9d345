/*
 * dump.c — see dump.h: every table read back as copies for an export.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/dump.h"
#include "okr/i18n.h"
#include "okr/util.h"
#include "store_int.h"

/* Step st to the end, growing *arr by one element per row filled by fill. */
#define ROWS(arr, n, fill) do { \
	size_t cap_ = 0; int rc_; \
	if (!st) return OKR_E_FAIL; \
	while ((rc_ = db_step(st)) == DB_ROW) { \
		okr_xgrow(&(arr), &cap_, (n) + 1, sizeof *(arr)); \
		memset(&(arr)[n], 0, sizeof *(arr)); \
		__typeof__(&(arr)[0]) e = &(arr)[(n)++]; \
		fill; \
	} \
	store_done(s, st); \
	if (rc_ != DB_DONE) return store_sqlerr(s, rc_, _("reading for the export")); \
} while (0)

static okr_result dump_people(okr_store *s, okr_dump *d)
{
	db_stmt *st = store_prepare(s,
		"SELECT id, name, start_day, end_day, state, is_current FROM cycle ORDER BY id");
	ROWS(d->cycles, d->ncycles, {
		e->id = db_column_int64(st, 0);
		e->name = store_col_text(st, 1);
		e->start = db_column_int(st, 2);
		e->end = db_column_int(st, 3);
		e->state = store_col_word(st, 4, &okr_cycle_states, CYCLE_PLANNING);
		e->current = db_column_int(st, 5) != 0;
	});
	st = store_prepare(s, "SELECT id, name, COALESCE(parent_id, 0) FROM team ORDER BY name");
	ROWS(d->teams, d->nteams, {
		e->id = db_column_int64(st, 0);
		e->name = store_col_text(st, 1);
		e->parent_id = db_column_int64(st, 2);
	});
	st = store_prepare(s, "SELECT id, login, name, role, opt_out FROM person ORDER BY login");
	ROWS(d->people, d->npeople, {
		e->id = db_column_int64(st, 0);
		e->login = store_col_text(st, 1);
		e->name = store_col_text(st, 2);
		e->role = store_col_word(st, 3, &okr_roles, ROLE_MEMBER);
		e->opt_out = db_column_int(st, 4) != 0;
		e->teams = okr_xstrdup("");
	});
	st = store_prepare(s, "SELECT t.name, p.login FROM team_member m JOIN team t ON t.id = m.team_id "
			      "JOIN person p ON p.id = m.person_id ORDER BY t.name, p.login");
	ROWS(d->members, d->nmembers, {
		e->team = store_col_text(st, 0);
		e->login = store_col_text(st, 1);
	});
	return OKR_OK;
}

static okr_result dump_okrs(okr_store *s, okr_dump *d)
{
	db_stmt *st = store_prepare(s,
		"SELECT k.id, k.name, k.unit, k.target, k.direction, k.timeframe, k.source, k.frequency, "
		"COALESCE(p.login, '') FROM kpi k LEFT JOIN person p ON p.id = k.owner_id ORDER BY k.id");
	ROWS(d->kpis, d->nkpis, {
		e->id = db_column_int64(st, 0);
		e->name = store_col_text(st, 1);
		e->unit = store_col_text(st, 2);
		e->target = db_column_double(st, 3);
		e->dir = store_col_word(st, 4, &okr_directions, DIR_AT_LEAST);
		e->timeframe = store_col_text(st, 5);
		e->source = store_col_text(st, 6);
		e->every = store_col_word(st, 7, &okr_frequencies, FREQ_WEEKLY);
		e->owner = store_col_text(st, 8);
	});
	st = store_prepare(s,
		"SELECT o.id, o.cycle_id, o.title, o.description, COALESCE(p.login, ''), COALESCE(t.name, ''), "
		"COALESCE(o.parent_id, 0), o.kind, o.state, o.weight, o.archived FROM objective o "
		"LEFT JOIN person p ON p.id = o.owner_id LEFT JOIN team t ON t.id = o.team_id ORDER BY o.id");
	ROWS(d->objs, d->nobjs, {
		e->id = db_column_int64(st, 0);
		e->cycle_id = db_column_int64(st, 1);
		e->title = store_col_text(st, 2);
		e->description = store_col_text(st, 3);
		e->owner = store_col_text(st, 4);
		e->team = store_col_text(st, 5);
		e->parent_id = db_column_int64(st, 6);
		e->kind = store_col_word(st, 7, &okr_obj_kinds, OBJ_COMMITTED);
		e->state = store_col_word(st, 8, &okr_obj_states, OBJ_ACTIVE);
		e->weight = db_column_double(st, 9);
		e->archived = db_column_int(st, 10) != 0;
	});
	st = store_prepare(s,
		"SELECT k.id, k.objective_id, k.title, COALESCE(p.login, ''), k.weight, k.due_day, k.type, "
		"k.start_value, k.target_value, k.direction, k.unit, k.decimals, k.frequency, "
		"COALESCE(k.kpi_id, 0), k.archived FROM key_result k LEFT JOIN person p ON p.id = k.owner_id "
		"ORDER BY k.id");
	ROWS(d->krs, d->nkrs, {
		e->id = db_column_int64(st, 0);
		e->objective_id = db_column_int64(st, 1);
		e->title = store_col_text(st, 2);
		e->owner = store_col_text(st, 3);
		e->weight = db_column_double(st, 4);
		e->due = db_column_int(st, 5);
		e->type = store_col_word(st, 6, &okr_kr_types, KR_METRIC);
		e->start = db_column_double(st, 7);
		e->target = db_column_double(st, 8);
		e->dir = store_col_word(st, 9, &okr_directions, DIR_AT_LEAST);
		e->unit = store_col_text(st, 10);
		e->decimals = db_column_int(st, 11);
		e->every = store_col_word(st, 12, &okr_frequencies, FREQ_WEEKLY);
		e->kpi_id = db_column_int64(st, 13);
		e->archived = db_column_int(st, 14) != 0;
		e->confidence = -1;
	});
	return OKR_OK;
}

/* One row of each history table: the four statements and fills are shared by
 * the whole dump and the streamed one (okr_store_dump_each). */
static const char *const log_sql[] = {
	"SELECT c.id, c.kr_id, p.login, c.value, COALESCE(c.confidence, -1), c.note, c.at, c.uid "
	"FROM checkin c JOIN person p ON p.id = c.author_id ORDER BY c.kr_id, c.at, c.id",
	"SELECT x.id, x.kpi_id, p.login, x.value, x.note, x.at, x.uid "
	"FROM kpi_sample x JOIN person p ON p.id = x.author_id ORDER BY x.kpi_id, x.at, x.id",
	"SELECT c.id, c.target_kind, c.target_id, p.login, c.text, c.at "
	"FROM comment c JOIN person p ON p.id = c.author_id ORDER BY c.at, c.id",
	"SELECT k.id, f.login, t.login, k.text, COALESCE(k.kr_id, 0), k.at FROM kudos k "
	"JOIN person f ON f.id = k.from_id JOIN person t ON t.id = k.to_id ORDER BY k.at, k.id",
};

static void fill_checkin(db_stmt *st, okr_checkin *e)
{
	e->id = db_column_int64(st, 0);
	e->kr_id = db_column_int64(st, 1);
	e->author = store_col_text(st, 2);
	e->value = db_column_double(st, 3);
	e->confidence = db_column_int(st, 4);
	e->note = store_col_text(st, 5);
	e->at = db_column_int64(st, 6);
	e->uid = store_col_text(st, 7);
}

static void fill_sample(db_stmt *st, okr_sample *e)
{
	e->id = db_column_int64(st, 0);
	e->kpi_id = db_column_int64(st, 1);
	e->author = store_col_text(st, 2);
	e->value = db_column_double(st, 3);
	e->note = store_col_text(st, 4);
	e->at = db_column_int64(st, 5);
	e->uid = store_col_text(st, 6);
}

static void fill_comment(db_stmt *st, okr_comment *e)
{
	e->id = db_column_int64(st, 0);
	const char *on = db_column_text(st, 1);
	e->target_kind = on && !strcmp(on, "O") ? 'O' : 'K';
	e->target_id = db_column_int64(st, 2);
	e->author = store_col_text(st, 3);
	e->text = store_col_text(st, 4);
	e->at = db_column_int64(st, 5);
}

static void fill_kudos(db_stmt *st, okr_kudos *e)
{
	e->id = db_column_int64(st, 0);
	e->from = store_col_text(st, 1);
	e->to = store_col_text(st, 2);
	e->text = store_col_text(st, 3);
	e->kr_id = db_column_int64(st, 4);
	e->at = db_column_int64(st, 5);
}

static okr_result dump_grades(okr_store *s, okr_dump *d)
{
	db_stmt *st = store_prepare(s,
		"SELECT g.kr_id, g.score, g.note, p.login, g.at FROM grade g JOIN person p ON p.id = g.author_id "
		"ORDER BY g.kr_id");
	ROWS(d->grades, d->ngrades, {
		e->kr_id = db_column_int64(st, 0);
		e->score = db_column_double(st, 1);
		e->note = store_col_text(st, 2);
		e->author = store_col_text(st, 3);
		e->at = db_column_int64(st, 4);
	});
	return OKR_OK;
}

static okr_result dump_logs(okr_store *s, okr_dump *d)
{
	db_stmt *st = store_prepare(s, log_sql[0]);
	ROWS(d->checkins, d->ncheckins, fill_checkin(st, e));
	st = store_prepare(s, log_sql[1]);
	ROWS(d->samples, d->nsamples, fill_sample(st, e));
	st = store_prepare(s, log_sql[2]);
	ROWS(d->comments, d->ncomments, fill_comment(st, e));
	st = store_prepare(s, log_sql[3]);
	ROWS(d->kudos, d->nkudos, fill_kudos(st, e));
	return dump_grades(s, d);
}

static okr_result dump_txn(okr_store *s, void *vctx)
{
	okr_dump *d = vctx;
	okr_result r;
	if ((r = dump_people(s, d)) || (r = dump_okrs(s, d)) || (r = dump_logs(s, d)))
		return r;
	return OKR_OK;
}

okr_result okr_store_dump(okr_store *s, okr_dump *out)
{
	memset(out, 0, sizeof *out);
	okr_result r = store_read(s, dump_txn, out);
	if (r)
		okr_dump_free(out);
	return r;
}

/* ---- streamed: the history tables one row at a time ---- */

typedef struct {
	okr_dump *head;
	const okr_dump_sink *sink;
	void *ctx;
	bool stopped;          /* the sink said enough */
} each_ctx;

static void log_row_free(okr_load_kind kind, void *row)
{
	switch (kind) {
	case LOAD_CHECKIN: okr_checkins_free(row, 1); break;
	case LOAD_SAMPLE: okr_samples_free(row, 1); break;
	case LOAD_COMMENT: okr_comments_free(row, 1); break;
	default: okr_kudos_free(row, 1); break;
	}
}

/* One history table, row by row: each row is filled into one heap copy,
 * handed to the sink and freed, so memory does not grow with the table. */
static okr_result each_log(okr_store *s, each_ctx *c, okr_load_kind kind)
{
	static const size_t size[] = { sizeof(okr_checkin), sizeof(okr_sample), sizeof(okr_comment),
				       sizeof(okr_kudos) };
	int k = kind - LOAD_CHECKIN, rc;
	db_stmt *st = store_prepare(s, log_sql[k]);
	if (!st)
		return OKR_E_FAIL;
	bool go = true;
	while (go && (rc = db_step(st)) == DB_ROW) {
		void *row = okr_xcalloc(1, size[k]);
		switch (kind) {
		case LOAD_CHECKIN: fill_checkin(st, row); break;
		case LOAD_SAMPLE: fill_sample(st, row); break;
		case LOAD_COMMENT: fill_comment(st, row); break;
		default: fill_kudos(st, row); break;
		}
		go = c->sink->row(c->ctx, kind, row);
		log_row_free(kind, row);
	}
	store_done(s, st);
	c->stopped = !go;
	if (go && rc != DB_DONE)
		return store_sqlerr(s, rc, _("reading for the export"));
	return OKR_OK;
}

static okr_result each_txn(okr_store *s, void *vctx)
{
	each_ctx *c = vctx;
	okr_dump_free(c->head);
	okr_result r;
	if ((r = dump_people(s, c->head)) || (r = dump_okrs(s, c->head)) || (r = dump_grades(s, c->head)))
		return r;
	if (!c->sink->begin(c->ctx, c->head))
		return OKR_OK;
	for (int k = LOAD_CHECKIN; k <= LOAD_KUDOS && !c->stopped; k++)
		if ((r = each_log(s, c, (okr_load_kind)k)))
			return r;
	return OKR_OK;
}

okr_result okr_store_dump_each(okr_store *s, okr_dump *head, const okr_dump_sink *sink, void *ctx)
{
	memset(head, 0, sizeof *head);
	each_ctx c = { head, sink, ctx };
	okr_result r = store_read(s, each_txn, &c);
	if (r)
		okr_dump_free(head);
	return r;
}

void okr_dump_free(okr_dump *d)
{
	okr_cycles_free(d->cycles, d->ncycles);
	okr_teams_free(d->teams, d->nteams);
	okr_people_free(d->people, d->npeople);
	for (size_t i = 0; i < d->nmembers; i++) {
		free(d->members[i].team);
		free(d->members[i].login);
	}
	free(d->members);
	okr_kpis_free(d->kpis, d->nkpis);
	okr_objectives_free(d->objs, d->nobjs);
	okr_krs_free(d->krs, d->nkrs);
	okr_checkins_free(d->checkins, d->ncheckins);
	okr_samples_free(d->samples, d->nsamples);
	okr_comments_free(d->comments, d->ncomments);
	okr_kudos_free(d->kudos, d->nkudos);
	okr_grades_free(d->grades, d->ngrades);
	memset(d, 0, sizeof *d);
}
