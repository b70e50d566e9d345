/*
 * util.h — allocation that cannot fail quietly, and a growable string buffer.
 * Running out of memory is reported and ends the process: every caller would
 * otherwise need an error path it could not test.
 */
#ifndef OKR_UTIL_H
#define OKR_UTIL_H

#include <stddef.h>
#include <stdarg.h>

void *okr_xmalloc(size_t n);
void *okr_xcalloc(size_t n, size_t size);
void *okr_xrealloc(void *p, size_t n);
/* Grow *v (of *cap elements of size each) to hold at least need elements. */
void okr_xgrow(void *v, size_t *cap, size_t need, size_t size);
char *okr_xstrdup(const char *s);   /* NULL gives "" */

typedef struct {
	char *s;       /* NUL-terminated, never NULL after okr_buf_init */
	size_t len, cap;
} okr_buf;

void okr_buf_init(okr_buf *b);
void okr_buf_free(okr_buf *b);
void okr_buf_add(okr_buf *b, const char *s);
void okr_buf_addn(okr_buf *b, const char *s, size_t n);
void okr_buf_addc(okr_buf *b, char c);
void okr_buf_printf(okr_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void okr_buf_vprintf(okr_buf *b, const char *fmt, va_list ap);
/* Hand the string to the caller, who frees it; b is left empty. */
char *okr_buf_take(okr_buf *b);

/* Copy at most len-1 bytes and terminate; never splits a UTF-8 sequence. */
void okr_strlcpy(char *dst, const char *src, size_t len);

/* Halving through n elements of `size` bytes sorted by the int64_t member
 * at byte offset `off` (an id): the index of the first whose member is not
 * below key, n when there is none. */
#include <stdint.h>
size_t okr_lower_bound(const void *base, size_t n, size_t size, size_t off, int64_t key);

/* Whether s is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF). */
#include <stdbool.h>
bool okr_utf8_valid(const char *s);

#endif
