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
void jsonp_free(jsonp_value *v);

/* The member `key` of an object, or NULL. */
const jsonp_value *jsonp_get(const jsonp_value *obj, const char *key);

const char *jsonp_type_name(jsonp_type t);   /* "string", "array", … */

#endif
