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

void export_json(FILE *out, const okr_dump *d, bool *const keep[LOAD_NKINDS])
{
	json_out j;
	json_begin(&j, out);
	json_obj(&j, NULL);
	json_str(&j, "format", "okr");
	json_int(&j, "version", X_FORMAT_VERSION);
	char *v[X_MAX_FIELDS] = { 0 };
	for (int k = 0; k < LOAD_NKINDS; k++) {
		const x_record *r = &x_records[k];
		json_arr(&j, r->plural);
		for (size_t i = 0; i < count(d, k); i++) {
			if (!keep[k][i])
				continue;
			x_row(d, k, i, v);
			json_obj(&j, NULL);
			for (int f = 0; f < r->nfields; f++) {
				char t = r->fields[f].type;
				if (!v[f])
					json_null(&j, r->fields[f].name);
				else if (x_is_number(t) || t == 'b')
					json_raw(&j, r->fields[f].name, v[f]);
				else
					json_str(&j, r->fields[f].name, v[f]);
			}
			json_end_obj(&j);
			x_row_free(v, r->nfields);
		}
		json_end_arr(&j);
	}
	json_end_obj(&j);
	json_finish(&j);
}

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

/* One record type as a table of its own: one header row, then the rows. */
static void csv_table(FILE *out, const okr_dump *d, bool *const keep[LOAD_NKINDS], int k, okr_buf *line)
{
	const x_record *r = &x_records[k];
	char *v[X_MAX_FIELDS] = { 0 };
	for (int f = 0; f < r->nfields; f++)
		csv_put(line, r->fields[f].name, f == 0);
	put_line(out, line);
	for (size_t i = 0; i < count(d, k); i++) {
		if (!keep[k][i])
			continue;
		x_row(d, k, i, v);
		for (int f = 0; f < r->nfields; f++)
			put_field(line, v[f], f == 0);
		put_line(out, line);
		x_row_free(v, r->nfields);
	}
}

void export_csv(FILE *out, const okr_dump *d, bool *const keep[LOAD_NKINDS], int table)
{
	okr_buf line;
	okr_buf_init(&line);
	if (table >= 0) {
		csv_table(out, d, keep, table, &line);
		okr_buf_free(&line);
		return;
	}
	char *v[X_MAX_FIELDS] = { 0 };
	char head[40];
	csv_put(&line, "#okr", true);
	csv_put(&line, "version", false);
	put_line(out, &line);
	snprintf(head, sizeof head, "%d", X_FORMAT_VERSION);
	csv_put(&line, "okr", true);
	csv_put(&line, head, false);
	put_line(out, &line);
	for (int k = 0; k < LOAD_NKINDS; k++) {
		const x_record *r = &x_records[k];
		snprintf(head, sizeof head, "#%s", r->name);
		csv_put(&line, head, true);
		for (int f = 0; f < r->nfields; f++)
			csv_put(&line, r->fields[f].name, false);
		put_line(out, &line);
		for (size_t i = 0; i < count(d, k); i++) {
			if (!keep[k][i])
				continue;
			x_row(d, k, i, v);
			csv_put(&line, r->name, true);
			for (int f = 0; f < r->nfields; f++)
				put_field(&line, v[f], false);
			put_line(out, &line);
			x_row_free(v, r->nfields);
		}
	}
	okr_buf_free(&line);
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
