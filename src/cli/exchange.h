/*
 * exchange.h — the file format of `okr export --format json|csv` and
 * `okr import`, declared once (docs/import-export.md describes it for people).
 *
 * Every record type is a flat list of named fields; the same table drives the
 * CSV writer and reader (one header row per type, `#type,field,…`, then rows
 * `type,value,…`) and the JSON writer and reader (an array of objects per
 * type).  Values travel as text: the writers give each field its JSON type
 * from the table, the readers check it, and one function turns the text of a
 * record back into the dump — so the two formats cannot drift apart.
 */
#ifndef OKR_EXCHANGE_H
#define OKR_EXCHANGE_H

#include "okr/dump.h"

enum { X_FORMAT_VERSION = 1, X_MAX_FIELDS = 16 };

/* Field types, as the files carry them: s text, e one of a fixed set of
 * words, r text or null, n number, i whole number, I whole number or null,
 * b true/false, d date YYYY-MM-DD, D date or null, t time
 * YYYY-MM-DDTHH:MM:SSZ (UTC). */

/* Where a field lives in its model struct, and so how the reader and the
 * writer turn it into text and back. */
typedef enum {
	X_TEXT,      /* char *, required unless the type is 'r' (null: "") */
	X_BODY,      /* char *, may be empty (null: "") */
	X_WORD,      /* an enum of model.h, by its wire name */
	X_NUM,       /* double within lo..hi */
	X_INT,       /* int within lo..hi (null: -1) */
	X_BOOL,      /* bool */
	X_DATE,      /* okr_day (null: 0) */
	X_TIME,      /* okr_time */
	X_ID,        /* int64_t, written as a typed ID of kind `id` (null: 0) */
	X_CYCLE,     /* an objective's cycle, by name (x_file.obj_cycle) */
	X_PARENT,    /* a team's parent team, by name or null (x_file.team_parent) */
	X_TARGET     /* a comment's objective or key result, by typed ID */
} x_codec;

typedef struct {
	const char *name;
	char type;
	x_codec codec;
	size_t off;               /* offsetof the member in the record's struct */
	double lo, hi;            /* X_NUM, X_INT; X_TEXT, X_BODY: hi is the most bytes */
	const okr_vocab *words;   /* X_WORD */
	okr_id_kind id;           /* X_ID */
} x_field;

typedef struct {
	const char *name;       /* CSV record name: "key_result" */
	const char *plural;     /* JSON key: "key_results" */
	const x_field *fields;
	int nfields;
	size_t size;            /* of the model struct */
	size_t array, count;    /* offsetof its array and count in okr_dump */
} x_record;

extern const x_record x_records[LOAD_NKINDS];

/* Is a null (empty in CSV) allowed for this field type? */
bool x_nullable(char type);
/* Is the field written as a JSON number / boolean rather than a string? */
bool x_is_number(char type);

/* The text of record i of `kind` in d: vals[f] malloc'd, NULL for null. */
void x_row(const okr_dump *d, okr_load_kind kind, size_t i, char **vals);
/* Record i of `kind` in d. */
void *x_elem(const okr_dump *d, okr_load_kind kind, size_t i);
size_t x_count(const okr_dump *d, okr_load_kind kind);
/* The same for one history row (an okr_checkin, okr_sample, okr_comment or
 * okr_kudos, as okr_store_dump_each hands them out). */
void x_log_row(okr_load_kind kind, const void *row, char **vals);
void x_row_free(char **vals, int n);

/* A dump being built from a file, with where each record came from. */
typedef struct {
	okr_dump d;
	char **where[LOAD_NKINDS];      /* "line 12" or "$.key_results[3]" per record */
	size_t cap[LOAD_NKINDS], wcap[LOAD_NKINDS];
	char **obj_cycle;               /* per objective: its cycle's name, until x_check */
	char **team_parent;             /* per team: its parent's name or NULL, until x_check */
} x_file;

void x_file_init(x_file *f);
void x_file_free(x_file *f);

/* Add one record from its field texts (vals[f], NULL for null) found at
 * `where`.  On a bad value returns false with err saying "<where>: field
 * `name`: what is wrong". */
bool x_add(x_file *f, okr_load_kind kind, char **vals, const char *where, char *err, size_t errlen);

/* After the last record: every reference points at a record of the file,
 * no name or ID is there twice.  On error false with err. */
bool x_check(x_file *f, char *err, size_t errlen);

/* A field's text for a CSV file (csv_text.c): control, C1 and bidi
 * characters and stray bytes escaped behind a leading "'\\", malloc'd (NULL
 * stays NULL); and the reverse, in place, for the import. */
char *csv_text_encode(const char *s);
void csv_text_decode(char *s);

/* A time as every okr file and --json output writes it, in UTC:
 * "2026-11-23T12:00:00Z" (ISO 8601). */
const char *x_time(okr_time t, char buf[static 32]);

/* Numbers as the shortest text that reads back as the same double. */
const char *x_num(double v, char buf[static 32]);
/* v in decimal, as "%lld" writes it. */
const char *x_int(long long v, char buf[static 24]);

#endif
