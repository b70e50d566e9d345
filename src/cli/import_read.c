/*
 * import_read.c — the two file formats of exchange.h read into an x_file,
 * every problem reported with where it is: "line 12" for CSV, a JSON path
 * such as "$.key_results[3] (line 120)" for JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "exchange.h"
#include "import.h"
#include "okr/csv.h"
#include "okr/jsonp.h"
#include "okr/util.h"

void import_problem(import_errors *e, const char *fmt, ...)
{
	if (e->n < IMPORT_MAX_ERRORS) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(e->msg[e->n], sizeof e->msg[e->n], fmt, ap);
		va_end(ap);
	}
	e->n++;
}

#define problem import_problem

int import_kind_by(const char *name, bool plural)
{
	for (int k = 0; k < LOAD_NKINDS; k++)
		if (!strcmp(plural ? x_records[k].plural : x_records[k].name, name))
			return k;
	return -1;
}

static int field_by(const x_record *r, const char *name)
{
	for (int f = 0; f < r->nfields; f++)
		if (!strcmp(r->fields[f].name, name))
			return f;
	return -1;
}

static void add(x_file *f, int kind, char **v, const char *where, import_errors *e)
{
	char err[IMPORT_MSG];
	if (!x_add(f, (okr_load_kind)kind, v, where, err, sizeof err))
		problem(e, "%s", err);
}

/* ---- JSON ---- */

void import_json_record(x_file *f, int kind, const jsonp_value *o, const char *where, import_errors *e)
{
	const x_record *r = &x_records[kind];
	if (o->type != JSONP_OBJECT) {
		problem(e, _("%s: a %s must be an object {…}, not %s"), where, r->name, jsonp_type_name(o->type));
		return;
	}
	for (size_t i = 0; i < o->n; i++)
		if (field_by(r, o->keys[i]) < 0) {
			problem(e, _("%s: a %s has no field \"%.60s\""), where, r->name, o->keys[i]);
			return;
		}
	char *v[X_MAX_FIELDS] = { 0 };
	for (int fi = 0; fi < r->nfields; fi++) {
		const jsonp_value *m = jsonp_get(o, r->fields[fi].name);
		char t = r->fields[fi].type;
		if (!m || m->type == JSONP_NULL) {
			if (!x_nullable(t)) {
				problem(e, _("%s: %s `%s` is missing"), where, r->name, r->fields[fi].name);
				x_row_free(v, r->nfields);
				return;
			}
			continue;
		}
		jsonp_type want = x_is_number(t) ? JSONP_NUMBER : t == 'b' ? JSONP_BOOL : JSONP_STRING;
		if (m->type != want) {
			problem(e, _("%s: %s `%s` must be a %s, not a %s"), where, r->name, r->fields[fi].name,
				jsonp_type_name(want), jsonp_type_name(m->type));
			x_row_free(v, r->nfields);
			return;
		}
		v[fi] = okr_xstrdup(m->type == JSONP_BOOL ? (m->b ? "true" : "false") : m->str);
	}
	add(f, kind, v, where, e);
	x_row_free(v, r->nfields);
}

static void read_json(const char *text, size_t len, x_file *f, import_errors *e)
{
	jsonp_value root;
	char err[IMPORT_MSG];
	if (!jsonp_parse(text, len, &root, err, sizeof err)) {
		problem(e, "%s", err);
		return;
	}
	const jsonp_value *fmt = jsonp_get(&root, "format"), *ver = jsonp_get(&root, "version");
	if (root.type != JSONP_OBJECT || !fmt || fmt->type != JSONP_STRING || strcmp(fmt->str, "okr") != 0) {
		problem(e, _("$: not an okr export (it should start {\"format\": \"okr\", \"version\": %d, …})"),
			X_FORMAT_VERSION);
		jsonp_free(&root);
		return;
	}
	if (!ver || ver->type != JSONP_NUMBER || ver->num != X_FORMAT_VERSION) {
		problem(e, _("$.version: this okr reads version %d of the format — export again with a matching okr"),
			X_FORMAT_VERSION);
		jsonp_free(&root);
		return;
	}
	/* Records in the order of the table, whatever the order of the keys. */
	for (size_t i = 0; i < root.n; i++)
		if (strcmp(root.keys[i], "format") && strcmp(root.keys[i], "version") &&
		    import_kind_by(root.keys[i], true) < 0)
			problem(e, _("$.%.60s (line %d): not a part of an okr export"), root.keys[i], root.items[i].line);
	for (int k = 0; k < LOAD_NKINDS && e->n < IMPORT_MAX_ERRORS; k++) {
		const jsonp_value *arr = jsonp_get(&root, x_records[k].plural);
		if (!arr)
			continue;
		if (arr->type != JSONP_ARRAY) {
			problem(e, _("$.%s (line %d): must be an array [...]"), x_records[k].plural, arr->line);
			continue;
		}
		for (size_t i = 0; i < arr->n && e->n < IMPORT_MAX_ERRORS; i++) {
			char where[96];
			snprintf(where, sizeof where, "$.%s[%zu] (line %d)", x_records[k].plural, i, arr->items[i].line);
			import_json_record(f, k, &arr->items[i], where, e);
		}
	}
	jsonp_free(&root);
}

/* ---- CSV ---- */

static void csv_head(const csv_record *rec, int kind, import_csv_header *h, import_errors *e)
{
	const x_record *r = &x_records[kind];
	h->seen = true;
	h->ncols = rec->n;
	for (int f = 0; f < r->nfields; f++)
		h->col[f] = -1;
	for (size_t c = 1; c < rec->n; c++) {
		int f = field_by(r, rec->f[c]);
		if (f < 0) {
			problem(e, _("line %d: a %s has no column \"%.60s\""), rec->line, r->name, rec->f[c]);
			continue;
		}
		if (h->col[f] >= 0)
			problem(e, _("line %d: the column \"%s\" appears twice"), rec->line, rec->f[c]);
		h->col[f] = (int)c;
	}
	for (int f = 0; f < r->nfields; f++)
		if (h->col[f] < 0 && !x_nullable(r->fields[f].type))
			problem(e, _("line %d: the %s header lacks the column \"%s\""), rec->line, r->name, r->fields[f].name);
}

int import_csv_record(import_csv *c, csv_record *rec, x_file *f, bool history_only, import_errors *e)
{
	if (rec->n == 1 && !rec->f[0][0])
		return 1;   /* a blank line */
	for (size_t i = 0; i < rec->n; i++)
		csv_text_decode(rec->f[i]);
	const char *name = rec->f[0];
	if (!strcmp(name, "#okr"))
		return 1;
	if (!strcmp(name, "okr")) {
		if (rec->n != 2 || strcmp(rec->f[1], "1") != 0) {
			problem(e, _("line %d: this okr reads version %d of the format"), rec->line, X_FORMAT_VERSION);
			return -1;
		}
		c->versioned = true;
		return 1;
	}
	if (!c->versioned) {
		problem(e, _("line %d: not an okr export (it should begin with the lines #okr,version and okr,%d)"),
			rec->line, X_FORMAT_VERSION);
		return -1;
	}
	int kind = import_kind_by(name[0] == '#' ? name + 1 : name, false);
	if (kind < 0) {
		problem(e, _("line %d: \"%.60s\" is not a record type of an okr export"), rec->line, name);
		return 1;
	}
	char where[32];
	snprintf(where, sizeof where, "line %d", rec->line);
	if (history_only && kind < LOAD_CHECKIN) {
		problem(e, _("%s: in a file this large the %s must come before the check-ins, KPI values, comments, "
			     "kudos and grades (as okr export writes them)"), where, x_records[kind].plural);
		return -1;
	}
	if (name[0] == '#') {
		csv_head(rec, kind, &c->heads[kind], e);
		return 1;
	}
	import_csv_header *h = &c->heads[kind];
	if (!h->seen) {
		problem(e, _("line %d: a %s row before its header row (#%s,…)"), rec->line, name, name);
		return 1;
	}
	if (rec->n != h->ncols) {
		problem(e, ngettext("line %d: %zu field, but the %s header has %zu",
				    "line %d: %zu fields, but the %s header has %zu", rec->n),
			rec->line, rec->n, name, h->ncols);
		return 1;
	}
	char *v[X_MAX_FIELDS] = { 0 };
	const x_record *r = &x_records[kind];
	for (int fi = 0; fi < r->nfields; fi++) {
		const char *fs = h->col[fi] >= 0 ? rec->f[h->col[fi]] : NULL;
		v[fi] = fs && !(x_nullable(r->fields[fi].type) && !*fs) ? (char *)fs : NULL;
	}
	add(f, kind, v, where, e);
	return kind >= LOAD_CHECKIN ? 2 : 1;
}

void import_csv_end(const import_csv *c, import_errors *e)
{
	if (!c->versioned && e->n == 0)
		problem(e, _("line 1: not an okr export (it should begin with the lines #okr,version and okr,%d)"),
			X_FORMAT_VERSION);
}

static void read_csv(const char *text, size_t len, x_file *f, import_errors *e)
{
	csv_reader rd;
	csv_record rec = { 0 };
	import_csv c = { 0 };
	char err[IMPORT_MSG];
	int got;
	csv_reader_init(&rd, text, len);
	while (e->n < IMPORT_MAX_ERRORS && (got = csv_read(&rd, &rec, err, sizeof err)) != 0) {
		if (got < 0) {
			problem(e, "%s", err);
			break;
		}
		if (import_csv_record(&c, &rec, f, false, e) < 0)
			break;
	}
	import_csv_end(&c, e);
	csv_record_free(&rec);
}

void import_read(const char *text, size_t len, x_file *f, import_errors *e)
{
	size_t i = 0;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && strchr(" \t\r\n", text[i]))
		i++;
	if (i < len && (text[i] == '{' || text[i] == '['))
		read_json(text, len, f, e);
	else
		read_csv(text, len, f, e);
	if (!e->n) {
		char err[IMPORT_MSG];
		if (!x_check(f, err, sizeof err))
			problem(e, "%s", err);
	}
}
