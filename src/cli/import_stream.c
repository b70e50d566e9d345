/*
 * import_stream.c — see import.h: an export read a record at a time,
 * so that an import holds one buffer, one part of at most IMPORT_SLICE
 * history records and the first part (the objectives and key results the
 * history names), whatever the size of the file.  Every problem carries
 * the line; none is ever taken for the end of the file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "okr/i18n.h"
#include "okr/util.h"

static size_t source_read(void *vst, char *buf, size_t len)
{
	import_stream *st = vst;
	if (st->ppre < st->npre) {
		size_t n = st->npre - st->ppre < len ? st->npre - st->ppre : len;
		memcpy(buf, st->pre + st->ppre, n);
		st->ppre += n;
		return n;
	}
	size_t n = fread(buf, 1, len, st->in);
	if (!n && ferror(st->in)) {
		st->read_error = true;
		st->read_errno = errno;
	}
	return n;
}

bool import_stream_open(import_stream *st, const char *path, import_errors *e, bool *is_json, char *err,
			size_t errlen)
{
	memset(st, 0, sizeof *st);
	st->path = path;
	st->e = e;
	st->kind = -1;
	x_file_init(&st->first);
	x_file_init(&st->part);
	st->in = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!st->in) {
		snprintf(err, errlen, _("cannot open %s: %s"), path, strerror(errno));
		return false;
	}
	st->npre = fread(st->pre, 1, sizeof st->pre, st->in);
	if (ferror(st->in)) {
		snprintf(err, errlen, _("cannot read %s: %s"), path, strerror(errno));
		return false;
	}
	size_t i = st->npre >= 3 && !memcmp(st->pre, "\xef\xbb\xbf", 3) ? 3 : 0;
	while (i < st->npre && strchr(" \t\r\n", st->pre[i]))
		i++;
	*is_json = i < st->npre && (st->pre[i] == '{' || st->pre[i] == '[');
	st->csv = !*is_json;
	okr_buf_init(&st->buf);
	jsonp_stream_init(&st->js, source_read, st);
	return true;
}

/* ---- CSV: whole records from a buffer refilled as it empties ---- */

enum { CSV_CHUNK = 1 << 20 };

/* The end of the last whole record in buf[from, len): just after a newline
 * outside quotes (a quote opens or closes a quoted field, and a doubled one
 * inside it does both, so the count's parity tells), or 0 when there is
 * none yet.  okr's writer quotes every field that holds a quote; a file
 * with a stray one in a plain field only makes the window grow until the
 * end, where csv_read reports it as before. */
static size_t whole_records(const char *buf, size_t from, size_t len)
{
	bool inside = false;
	size_t cut = 0;
	for (size_t i = from; i < len; i++) {
		if (buf[i] == '"')
			inside = !inside;
		else if (buf[i] == '\n' && !inside)
			cut = i + 1;
	}
	return cut;
}

/* Open the next window of whole records: false at the end of the file or
 * when it cannot be read (a problem then). */
static bool csv_window(import_stream *st)
{
	okr_buf *b = &st->buf;
	if (st->rd_open) {
		/* Drop what was parsed, keep the start of the next record. */
		st->line = st->rd.line;
		size_t rest = b->len - st->used;
		memmove(b->s, b->s + st->used, rest);
		b->len = rest;
		b->s[rest] = '\0';
		st->used = 0;
		st->rd_open = false;
	}
	size_t cut = 0;
	while (!st->eof && !(cut = whole_records(b->s ? b->s : "", 0, b->len))) {
		char chunk[65536];
		size_t got = 0, n;
		while (got < CSV_CHUNK && (n = source_read(st, chunk, sizeof chunk)) > 0) {
			okr_buf_addn(b, chunk, n);
			got += n;
		}
		if (st->read_error) {
			import_problem(st->e, _("cannot read %s: %s (line %d)"), st->path, strerror(st->read_errno),
				       st->line);
			return false;
		}
		st->eof = got < CSV_CHUNK;
	}
	if (st->eof && !cut)
		cut = b->len;
	if (!cut)
		return false;
	bool first = st->line == 0;
	csv_reader_init(&st->rd, b->s, cut);
	if (!first)
		st->rd = (csv_reader){ b->s, b->s + cut, st->line };   /* a BOM only begins the file */
	st->used = cut;
	st->rd_open = true;
	return true;
}

/* The next CSV record into f: as step below. */
static int csv_step(import_stream *st, x_file *f)
{
	char err[IMPORT_MSG];
	int got;
	while (!st->ended) {
		if (st->rd_open && (got = csv_read(&st->rd, &st->rec, err, sizeof err)) != 0) {
			if (got < 0) {
				import_problem(st->e, "%s", err);
				return -1;
			}
			return import_csv_record(&st->cs, &st->rec, f, f == &st->part, st->e);
		}
		if (!csv_window(st)) {
			if (st->read_error)
				return -1;
			st->ended = true;
			import_csv_end(&st->cs, st->e);
		}
	}
	return 0;
}

void import_stream_close(import_stream *st)
{
	if (st->in && st->in != stdin)
		fclose(st->in);
	st->in = NULL;
	jsonp_stream_free(&st->js);
	okr_buf_free(&st->buf);
	csv_record_free(&st->rec);
	x_file_free(&st->first);
	x_file_free(&st->part);
}

static int member(import_stream *st)
{
	const char *k = st->js.key;
	const jsonp_value *v = &st->js.value;
	if (!strcmp(k, "format")) {
		if (v->type != JSONP_STRING || strcmp(v->str, "okr"))
			return import_problem(st->e, _("$: not an okr export (it should start {\"format\": \"okr\", "
				"\"version\": %d, …})"), X_FORMAT_VERSION), -1;
		st->format = true;
	} else if (!strcmp(k, "version")) {
		if (v->type != JSONP_NUMBER || v->num != X_FORMAT_VERSION)
			return import_problem(st->e, _("$.version: this okr reads version %d of the format — export "
				"again with a matching okr"), X_FORMAT_VERSION), -1;
		st->version = true;
	} else if (import_kind_by(k, true) >= 0) {
		import_problem(st->e, _("$.%s (line %d): must be an array [...]"), k, st->js.value_line);
	} else {
		import_problem(st->e, _("$.%.60s (line %d): not a part of an okr export"), k, st->js.value_line);
	}
	return 1;
}

static int array(import_stream *st)
{
	if (!st->format)
		return import_problem(st->e, _("$: not an okr export (it should start {\"format\": \"okr\", "
			"\"version\": %d, …})"), X_FORMAT_VERSION), -1;
	if (!st->version)
		return import_problem(st->e, _("$.version: this okr reads version %d of the format — export again "
			"with a matching okr"), X_FORMAT_VERSION), -1;
	st->kind = import_kind_by(st->js.key, true);
	st->index = 0;
	if (st->kind < 0)
		import_problem(st->e, _("$.%.60s (line %d): not a part of an okr export"), st->js.key, st->js.value_line);
	else if (st->seen[st->kind])
		return import_problem(st->e, _("line %d: the key \"%.60s\" appears twice in one object"),
				      st->js.value_line, st->js.key), -1;
	else
		st->seen[st->kind] = true;
	return 1;
}

/* One item into f; a part after the first takes only history. */
static int item(import_stream *st, x_file *f)
{
	if (st->kind < 0)
		return 1;
	char where[96];
	snprintf(where, sizeof where, "$.%s[%zu] (line %d)", x_records[st->kind].plural, st->index++,
		 st->js.value_line);
	if (f == &st->part && st->kind < LOAD_CHECKIN)
		return import_problem(st->e, _("%s: in a file this large the %s must come before the check-ins, KPI "
			"values, comments, kudos and grades (as okr export writes them)"), where,
			x_records[st->kind].plural), -1;
	import_json_record(f, st->kind, &st->js.value, where, st->e);
	return st->kind >= LOAD_CHECKIN ? 2 : 1;
}

/* The next event into f: 2 a history record, 1 anything else, 0 the end,
 * -1 the file cannot be read on. */
static int step(import_stream *st, x_file *f)
{
	if (st->csv)
		return csv_step(st, f);
	if (st->ended)
		return 0;
	jsonp_event ev = jsonp_stream_next(&st->js);
	if (st->read_error) {
		import_problem(st->e, _("cannot read %s: %s (line %d)"), st->path, strerror(st->read_errno),
			       st->js.line);
		return -1;
	}
	switch (ev) {
	case JSONP_EV_ERROR: import_problem(st->e, "%s", st->js.err); return -1;
	case JSONP_EV_MEMBER: return member(st);
	case JSONP_EV_ARRAY: return array(st);
	case JSONP_EV_ITEM: return item(st, f);
	case JSONP_EV_ARRAY_END: st->kind = -1; return 1;
	case JSONP_EV_END: break;
	}
	st->ended = true;
	if (!st->format)
		import_problem(st->e, _("$: not an okr export (it should start {\"format\": \"okr\", \"version\": %d, …})"),
			       X_FORMAT_VERSION);
	return 0;
}

/* Up to IMPORT_SLICE history records into f, or to the end.  Once a
 * problem is found the rest is only read for more problems (up to
 * IMPORT_MAX_ERRORS), each part dropped as it fills. */
static int fill(import_stream *st, x_file *f)
{
	size_t n = 0;
	int got;
	while ((got = step(st, f)) > 0) {
		if (got == 2 && ++n >= IMPORT_SLICE) {
			if (!st->e->n)
				return 1;
			if (st->e->n >= IMPORT_MAX_ERRORS)
				return -1;
			x_file_free(&st->part);
			x_file_init(&st->part);
			f = &st->part;
			n = 0;
		}
	}
	return got < 0 || st->e->n ? -1 : n > 0;
}

void import_stream_first(import_stream *st)
{
	if (fill(st, &st->first) < 0)
		return;
	char err[IMPORT_MSG];
	if (!x_check(&st->first, err, sizeof err))
		import_problem(st->e, "%s", err);
}

int import_stream_next(void *vst, const okr_dump **part)
{
	import_stream *st = vst;
	x_file_free(&st->part);
	x_file_init(&st->part);
	st->in_parts = true;
	int got = fill(st, &st->part);
	*part = &st->part.d;
	return got;
}
