/*
 * csv.h — reading and writing RFC 4180 CSV for `okr export` / `okr import`.
 *
 * Fields that hold a comma, a quote, CR or LF are quoted, quotes doubled;
 * records end in CRLF when written, and CRLF or LF is accepted when read.
 * Text inside a quoted field is kept byte for byte (a note's newline stays a
 * newline).  Pure: works on memory, never on files.
 *
 * Spreadsheets run a cell that starts with = + - @, a tab or a CR as a
 * formula (=HYPERLINK("http://evil","x")).  csv_put writes such a field with
 * a leading ' (which spreadsheets show as text), and also a field that starts
 * with ' itself; csv_read takes exactly that quote away again, so okr's own
 * round trip is exact.  A field that is a plain number ("-5") is not one.
 */
#ifndef OKR_CSV_H
#define OKR_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include "okr/util.h"

typedef struct {
	char **f;      /* fields, NUL-terminated */
	size_t n, cap;
	int line;      /* the line the record starts on (1-based) */
} csv_record;

typedef struct {
	const char *p, *end;
	int line;
} csv_reader;

void csv_reader_init(csv_reader *r, const char *text, size_t len);

/* Read the next record into rec (its old fields are freed).  Returns 1 for a
 * record, 0 at the end, -1 on an error (err says what, with the line). */
int csv_read(csv_reader *r, csv_record *rec, char *err, size_t errlen);
void csv_record_free(csv_record *rec);

/* Whether csv_put guards s with a leading quote. */
bool csv_formula_like(const char *s);

/* Append one field to a line being built: quoted when needed, guarded
 * against formulas, preceded by a comma unless first. */
void csv_put(okr_buf *line, const char *field, bool first);

#endif
