/*
 * jsonp.h — a small strict JSON reader (RFC 8259) for `okr import`.
 *
 * Strict, because an import that guesses loses data quietly: no comments,
 * no trailing commas, no duplicate keys, no NaN/Infinity, no leading zeros,
 * strings must be valid UTF-8 and may not contain raw control characters or
 * \u0000 (which no okr text can hold), numbers must fit a double.  Nesting is
 * limited (JSONP_MAX_DEPTH) so hostile input cannot exhaust the stack.  Each
 * value remembers the line it started on, for error messages.  Pure.
 */
#ifndef OKR_JSONP_H
#define OKR_JSONP_H

#include <stdbool.h>
#include <stddef.h>

enum { JSONP_MAX_DEPTH = 64 };

typedef enum { JSONP_NULL, JSONP_BOOL, JSONP_NUMBER, JSONP_STRING, JSONP_ARRAY, JSONP_OBJECT } jsonp_type;

typedef struct jsonp_value jsonp_value;

struct jsonp_value {
	jsonp_type type;
	int line;
	bool b;
	double num;
	char *str;              /* STRING: NUL-terminated UTF-8; NUMBER: the literal as written */
	size_t n;               /* ARRAY, OBJECT: number of items */
	jsonp_value *items;     /* ARRAY, OBJECT */
	char **keys;            /* OBJECT: keys[i] names items[i] */
};

/* Parse text (len bytes; a NUL inside is an error) into *out.  On error
 * returns false and writes "line N: what is wrong" into err. */
bool jsonp_parse(const char *text, size_t len, jsonp_value *out, char *err, size_t errlen);
/* The same for text that starts on line `line` of a larger file. */
bool jsonp_parse_at(const char *text, size_t len, int line, jsonp_value *out, char *err, size_t errlen);
void jsonp_free(jsonp_value *v);

/* The member `key` of an object, or NULL. */
const jsonp_value *jsonp_get(const jsonp_value *obj, const char *key);

const char *jsonp_type_name(jsonp_type t);   /* "string", "array", … */

/*
 * A pull reader for a file too large to hold (jsonp_stream.c): an object
 * whose members are read one at a time, and whose array members are read
 * one item at a time, each item parsed strictly by jsonp_parse_at.  Memory
 * is one buffer and one item.  The bytes come from read (0: the end, or an
 * error the caller remembers), so the reader itself stays pure.
 */
typedef size_t (*jsonp_read_fn)(void *ctx, char *buf, size_t len);

typedef enum {
	JSONP_EV_MEMBER,      /* key: a member that is not an array, value: its value */
	JSONP_EV_ARRAY,       /* key: a member whose value is an array; its items follow */
	JSONP_EV_ITEM,        /* value: the next item of that array */
	JSONP_EV_ARRAY_END,
	JSONP_EV_END,         /* the closing } and nothing after it but blanks */
	JSONP_EV_ERROR        /* err holds "line N: what is wrong" */
} jsonp_event;

enum { JSONP_ITEM_MAX = 16 * 1024 * 1024 };

typedef struct {
	jsonp_read_fn read;
	void *ctx;
	char buf[65536];
	size_t pos, len;
	bool eof;
	int line;
	int state;            /* where in the object we are */
	char *key;            /* the current member's name */
	jsonp_value value;    /* the current member's value or item */
	int value_line;
	char *raw;            /* one item's text */
	size_t nraw, capraw;
	char err[512];
} jsonp_stream;

void jsonp_stream_init(jsonp_stream *js, jsonp_read_fn read, void *ctx);
/* The next event; key and value stay valid until the next call. */
jsonp_event jsonp_stream_next(jsonp_stream *js);
void jsonp_stream_free(jsonp_stream *js);

#endif
