/*
 * util.c — see util.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/util.h"

static void out_of_memory(size_t n)
{
	fprintf(stderr, _("okr: out of memory (wanted %zu bytes)\n"), n);
	abort();
}

void *okr_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void *okr_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory(n * size);
	return p;
}

void *okr_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory(n);
	return q;
}

void okr_xgrow(void *v, size_t *cap, size_t need, size_t size)
{
	void **vp = v;
	if (need <= *cap)
		return;
	size_t c = *cap ? *cap : 8;
	while (c < need) {
		if (c > SIZE_MAX / 2 / size)
			out_of_memory(SIZE_MAX);
		c *= 2;
	}
	*vp = okr_xrealloc(*vp, c * size);
	*cap = c;
}

char *okr_xstrdup(const char *s)
{
	if (!s)
		s = "";
	size_t n = strlen(s) + 1;
	char *d = okr_xmalloc(n);
	memcpy(d, s, n);
	return d;
}

void okr_buf_init(okr_buf *b)
{
	b->cap = 64;
	b->len = 0;
	b->s = okr_xmalloc(b->cap);
	b->s[0] = '\0';
}

void okr_buf_free(okr_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

void okr_buf_addn(okr_buf *b, const char *s, size_t n)
{
	okr_xgrow(&b->s, &b->cap, b->len + n + 1, 1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void okr_buf_add(okr_buf *b, const char *s)
{
	okr_buf_addn(b, s, strlen(s));
}

void okr_buf_addc(okr_buf *b, char c)
{
	okr_buf_addn(b, &c, 1);
}

void okr_buf_vprintf(okr_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	okr_xgrow(&b->s, &b->cap, b->len + (size_t)n + 1, 1);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void okr_buf_printf(okr_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	okr_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *okr_buf_take(okr_buf *b)
{
	char *s = b->s;
	okr_buf_init(b);
	return s;
}

void okr_strlcpy(char *dst, const char *src, size_t len)
{
	if (!len)
		return;
	size_t n = strlen(src);
	if (n >= len) {
		n = len - 1;
		/* back off to the start of a UTF-8 sequence */
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

bool okr_utf8_valid(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	while (*s) {
		unsigned c = *s;
		int n;
		unsigned min;
		if (c < 0x80) {
			s++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 1; min = 0x80; c &= 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2; min = 0x800; c &= 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3; min = 0x10000; c &= 0x07;
		} else {
			return false;
		}
		for (int i = 1; i <= n; i++) {
			if ((s[i] & 0xC0) != 0x80)
				return false;
			c = (c << 6) | (s[i] & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return false;
		s += n + 1;
	}
	return true;
}

size_t okr_lower_bound(const void *base, size_t n, size_t size, size_t off, int64_t key)
{
	const char *b = base;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t v;
		memcpy(&v, b + mid * size + off, sizeof v);
		if (v < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
