/*
 * export_data.c — `okr export --format json|csv`: every record of the dump
 * that the filters keep, in the dump's order, through the one table of
 * exchange.c.  Nothing volatile (no export time, no database path, no
 * versions) goes in, so exporting an import of an export gives the same file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exchange.h"
#include "export.h"
#include "okr/cli.h"
#include "okr/csv.h"
#include "okr/util.h"

static size_t count(const okr_dump *d, okr_load_kind k)
{
	size_t n[LOAD_NKINDS] = { d->ncycles, d->nteams, d->npeople, d->nmembers, d->nkpis, d->nobjs, d->nkrs,
				  d->ncheckins, d->nsamples, d->ncomments, d->nkudos, d->ngrades };
	return n[k];
}

size_t export_count(const okr_dump *d, okr_load_kind k)
{
	return count(d, k);
}

/* Head kinds are written from the dump when their array opens; the four
 * history kinds come one row at a time through export_row. */
static bool streamed(int k) { return k >= LOAD_CHECKIN && k <= LOAD_KUDOS; }

static void put_line(FILE *out, okr_buf *line)
{
	okr_buf_add(line, "\r\n");
	fwrite(line->s, 1, line->len, out);
	line->len = 0;
	line->s[0] = '\0';
}

static void put_field(okr_buf *line, const char *v, bool first)
{
	char *safe = csv_text_encode(v);
	csv_put(line, safe, first);
	free(safe);
}

static void put_json(export_writer *w, const x_record *r, char **v)
{
	json_obj(&w->j, NULL);
	for (int f = 0; f < r->nfields; f++) {
		char t = r->fields[f].type;
		if (!v[f])
			json_null(&w->j, r->fields[f].name);
		else if (x_is_number(t) || t == 'b')
			json_raw(&w->j, r->fields[f].name, v[f]);
		else
			json_str(&w->j, r->fields[f].name, v[f]);
	}
	json_end_obj(&w->j);
}

/* One record's text (v, freed here) in the writer's format. */
static void put_row(export_writer *w, int k, char **v)
{
	const x_record *r = &x_records[k];
	if (w->json)
		put_json(w, r, v);
	else if (w->table < 0 || w->table == k) {
		if (w->table < 0)
			csv_put(&w->line, r->name, true);
		for (int f = 0; f < r->nfields; f++)
			put_field(&w->line, v[f], w->table >= 0 && f == 0);
		put_line(w->out, &w->line);
	}
	x_row_free(v, r->nfields);
}

static void open_kind(export_writer *w, int k)
{
	const x_record *r = &x_records[k];
	char head[40];
	if (w->json) {
		json_arr(&w->j, r->plural);
	} else if (w->table == k) {
		for (int f = 0; f < r->nfields; f++)
			csv_put(&w->line, r->fields[f].name, f == 0);
		put_line(w->out, &w->line);
	} else if (w->table < 0) {
		snprintf(head, sizeof head, "#%s", r->name);
		csv_put(&w->line, head, true);
		for (int f = 0; f < r->nfields; f++)
			csv_put(&w->line, r->fields[f].name, false);
		put_line(w->out, &w->line);
	}
	if (streamed(k))
		return;
	char *v[X_MAX_FIELDS] = { 0 };
	for (size_t i = 0; i < count(w->d, k); i++)
		if (w->keep[k][i]) {
			x_row(w->d, k, i, v);
			put_row(w, k, v);
		}
}

/* Close the arrays before kind k and open every one up to it. */
static void advance(export_writer *w, int k)
{
	while (w->cur < k) {
		if (w->cur >= 0 && w->json)
			json_end_arr(&w->j);
		open_kind(w, ++w->cur);
	}
}

void export_start(export_writer *w, FILE *out, const okr_dump *head, bool *const keep[LOAD_NKINDS], bool json,
		  int table)
{
	memset(w, 0, sizeof *w);
	w->out = out;
	w->d = head;
	w->keep = keep;
	w->json = json;
	w->table = table;
	w->cur = -1;
	okr_buf_init(&w->line);
	if (json) {
		json_begin(&w->j, out);
		json_obj(&w->j, NULL);
		json_str(&w->j, "format", "okr");
		json_int(&w->j, "version", X_FORMAT_VERSION);
	} else if (table < 0) {
		char ver[16];
		snprintf(ver, sizeof ver, "%d", X_FORMAT_VERSION);
		csv_put(&w->line, "#okr", true);
		csv_put(&w->line, "version", false);
		put_line(out, &w->line);
		csv_put(&w->line, "okr", true);
		csv_put(&w->line, ver, false);
		put_line(out, &w->line);
	}
}

void export_row(export_writer *w, okr_load_kind k, const void *row)
{
	char *v[X_MAX_FIELDS] = { 0 };
	advance(w, k);
	x_log_row(k, row, v);
	put_row(w, k, v);
}

void export_finish(export_writer *w)
{
	advance(w, LOAD_NKINDS - 1);
	if (w->json) {
		json_end_arr(&w->j);
		json_end_obj(&w->j);
		json_finish(&w->j);
	}
	okr_buf_free(&w->line);
}

int export_table(const char *name)
{
	for (int k = 0; k < LOAD_NKINDS; k++)
		if (!strcmp(name, x_records[k].name) || !strcmp(name, x_records[k].plural))
			return k;
	return -1;
}

void export_table_names(char *out, size_t len)
{
	out[0] = '\0';
	for (int k = 0; k < LOAD_NKINDS; k++)
		snprintf(out + strlen(out), len - strlen(out), "%s%s", k ? ", " : "", x_records[k].plural);
}
