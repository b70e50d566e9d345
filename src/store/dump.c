/*
 * dump.c — see dump.h: every table read back as copies for an export.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "okr/dump.h"
#include "okr/i18n.h"
#include "okr/util.h"
#include "store_int.h"

/* What an export reads of each table, in the orders dump.h promises, with
 * the row readers every other query of the store uses (rows.c). */
static void member_row(db_stmt *st, void *row)
{
	okr_membership *m = row;
	m->team = store_col_text(st, 0);
	m->login = store_col_text(st, 1);
}

#define READ(kind, sql, fn, arr, n, T) [kind] = { sql, fn, offsetof(okr_dump, arr), offsetof(okr_dump, n), sizeof(T) }

static const struct {
	const char *sql;
	store_row_fn fn;
	size_t array, count, size;   /* where the rows go in okr_dump */
} reads[LOAD_NKINDS] = {
	READ(LOAD_CYCLE, STORE_CYCLE_SELECT " ORDER BY id", store_cycle_row, cycles, ncycles, okr_cycle),
	READ(LOAD_TEAM, STORE_TEAM_SELECT " ORDER BY name", store_team_row, teams, nteams, okr_team),
	READ(LOAD_PERSON, STORE_PERSON_SELECT " ORDER BY p.login", store_person_row, people, npeople, okr_person),
	READ(LOAD_MEMBER, "SELECT t.name, p.login FROM team_member m JOIN team t ON t.id = m.team_id "
	     "JOIN person p ON p.id = m.person_id ORDER BY t.name, p.login", member_row, members, nmembers,
	     okr_membership),
	READ(LOAD_KPI, STORE_KPI_SELECT " ORDER BY k.id", store_kpi_row, kpis, nkpis, okr_kpi),
	READ(LOAD_OBJECTIVE, STORE_OBJ_SELECT " ORDER BY o.id", store_objective_row, objs, nobjs, okr_objective),
	READ(LOAD_KR, STORE_KR_SELECT " ORDER BY k.id", store_kr_row, krs, nkrs, okr_kr),
	READ(LOAD_CHECKIN, STORE_CHECKIN_SELECT " ORDER BY c.kr_id, c.at, c.id", store_checkin_row, checkins,
	     ncheckins, okr_checkin),
	READ(LOAD_SAMPLE, STORE_SAMPLE_SELECT " ORDER BY x.kpi_id, x.at, x.id", store_sample_row, samples,
	     nsamples, okr_sample),
	READ(LOAD_COMMENT, STORE_COMMENT_SELECT " ORDER BY c.at, c.id", store_comment_row, comments, ncomments,
	     okr_comment),
	READ(LOAD_KUDOS, STORE_KUDOS_SELECT " ORDER BY k.at, k.id", store_kudos_row, kudos, nkudos, okr_kudos),
	READ(LOAD_GRADE, STORE_GRADE_SELECT " ORDER BY g.kr_id", store_grade_row, grades, ngrades, okr_grade),
};

/* The history tables, which the streamed dump reads one row at a time. */
static bool is_log(int kind)
{
	return kind >= LOAD_CHECKIN && kind <= LOAD_KUDOS;
}

static okr_result dump_kind(okr_store *s, okr_dump *d, int kind)
{
	db_stmt *st = store_prepare(s, reads[kind].sql);
	if (!st)
		return OKR_E_FAIL;
	return store_collect(s, st, reads[kind].fn, reads[kind].size, (char *)d + reads[kind].array,
			     (size_t *)(void *)((char *)d + reads[kind].count), _("reading for the export"));
}

/* Every table, or (logs false) all but the history ones. */
static okr_result dump_tables(okr_store *s, okr_dump *d, bool logs)
{
	okr_result r = OKR_OK;
	for (int k = 0; k < LOAD_NKINDS && !r; k++)
		if (logs || !is_log(k))
			r = dump_kind(s, d, k);
	return r;
}

static okr_result dump_txn(okr_store *s, void *vctx)
{
	return dump_tables(s, vctx, true);
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
	db_stmt *st = store_prepare(s, reads[kind].sql);
	int rc = DB_DONE;
	if (!st)
		return OKR_E_FAIL;
	bool go = true;
	while (go && (rc = db_step(st)) == DB_ROW) {
		void *row = okr_xcalloc(1, reads[kind].size);
		reads[kind].fn(st, row);
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
	if ((r = dump_tables(s, c->head, false)))
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
