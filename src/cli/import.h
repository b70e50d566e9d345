/*
 * import.h — reading an export back (src/cli/import_read.c).
 */
#ifndef OKR_CLI_IMPORT_H
#define OKR_CLI_IMPORT_H

#include <stdarg.h>
#include <stdio.h>
#include "exchange.h"
#include "okr/csv.h"
#include "okr/jsonp.h"
#include "okr/util.h"

enum { IMPORT_MAX_ERRORS = 20, IMPORT_MSG = 512 };

typedef struct {
	char msg[IMPORT_MAX_ERRORS][IMPORT_MSG];
	size_t n;          /* all problems found (only the first IMPORT_MAX_ERRORS kept) */
} import_errors;

/* JSON when the text starts with '{', CSV otherwise; then the references
 * are checked.  The problems found are in e (none: f is ready to load). */
void import_read(const char *text, size_t len, x_file *f, import_errors *e);

/* Pieces of it that the streamed reader shares: one problem, the record type
 * of a JSON key (plural) or CSV name, and one JSON record added to f. */
void import_problem(import_errors *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int import_kind_by(const char *name, bool plural);
void import_json_record(x_file *f, int kind, const jsonp_value *o, const char *where, import_errors *e);

/* What a CSV export's reader carries from record to record: the header of
 * each record type, and whether the version line was seen. */
typedef struct {
	bool seen;
	int col[X_MAX_FIELDS];   /* the CSV column of each field, -1: absent */
	size_t ncols;
} import_csv_header;

typedef struct {
	import_csv_header heads[LOAD_NKINDS];
	bool versioned;
} import_csv;

/* One CSV record (its fields decoded here) into f: 2 a history record, 1
 * anything else, -1 stop reading (a problem is in e).  history_only: a
 * later part of a streamed file, where only history may come. */
int import_csv_record(import_csv *c, csv_record *rec, x_file *f, bool history_only, import_errors *e);
/* At the end of the file: the problem of one that never said it was an export. */
void import_csv_end(const import_csv *c, import_errors *e);

/*
 * An export read as a stream (import_stream.c), for files of any size —
 * JSON a value at a time, CSV a buffer of whole records at a time:
 * import_stream_first reads up to the first part — every record up to the
 * point where IMPORT_SLICE history records (check-ins, KPI values,
 * comments, kudos, grades) have been read, or the whole file — into first
 * and checks it like import_read; import_stream_next, the store's
 * okr_load_next, reads each later part of at most IMPORT_SLICE history
 * records.  Cycles, teams, people, KPIs, objectives and key results must
 * all come before that point (they do in okr's own exports).  Problems go
 * to e, with the line; reading then stops the import.
 */
enum { IMPORT_SLICE = 4096 };

typedef struct {
	const char *path;
	FILE *in;
	char pre[4096];            /* the bytes read to tell JSON from CSV */
	size_t npre, ppre;
	bool read_error;
	int read_errno;
	jsonp_stream js;
	x_file first, part;
	bool in_parts;             /* a later part was handed out: failures name its records */
	bool format, version, ended;
	bool seen[LOAD_NKINDS];
	int kind;                  /* the array being read, -1: none or not ours */
	size_t index;
	import_errors *e;
	/* CSV: the bytes read and not yet parsed, and where its records stand. */
	bool csv;
	okr_buf buf;
	size_t used;               /* bytes of buf already parsed */
	csv_reader rd;             /* over buf[used, cut): whole records only */
	bool rd_open, eof;
	int line;                  /* the line the next window starts on */
	csv_record rec;
	import_csv cs;
} import_stream;

/* Open path ("-": stdin) and read its first bytes: *is_json says whether it
 * is a JSON file (else CSV).  false: err says why it cannot be read. */
bool import_stream_open(import_stream *st, const char *path, import_errors *e, bool *is_json, char *err,
			size_t errlen);
void import_stream_first(import_stream *st);
int import_stream_next(void *st, const okr_dump **part);
void import_stream_close(import_stream *st);

#endif
