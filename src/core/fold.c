/*
 * fold.c — search folding with utf8proc (see fold.h for what and why).
 *
 * utf8proc does the Unicode work from its own tables, so the answer is the
 * same in every locale and on every machine: COMPOSE gives NFC, CASEFOLD the
 * full case folding ("ß" → "ss"), STRIPMARK drops the combining marks that
 * decomposition separates from their letters.  A custom mapping runs first,
 * for the few letters whose stroke is part of the letter rather than a mark.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "okr/fold.h"
#include "okr/util.h"

static utf8proc_int32_t stroke_fold(utf8proc_int32_t c, void *data)
{
	(void)data;
	switch (c) {
	case 0x0110: case 0x0111: return 'd';   /* Đ đ (Vietnamese) */
	case 0x0141: case 0x0142: return 'l';   /* Ł ł */
	case 0x00D8: case 0x00F8: return 'o';   /* Ø ø */
	default: return c;
	}
}

/* Invalid UTF-8 is still searchable by its ASCII letters. */
static char *fold_bytes(const char *s)
{
	char *out = okr_xstrdup(s);
	for (char *p = out; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return out;
}

char *okr_fold(const char *s)
{
	if (!s)
		return okr_xstrdup("");
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map_custom((const utf8proc_uint8_t *)s, 0, &out,
		UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK,
		stroke_fold, NULL);
	if (n < 0 || !out) {
		free(out);
		return fold_bytes(s);
	}
	/* utf8proc allocates with malloc; hand it on as ours. */
	return (char *)out;
}

bool okr_fold_contains_folded(const char *haystack, const char *folded_needle)
{
	if (!folded_needle || !*folded_needle)
		return false;
	char *h = okr_fold(haystack);
	bool found = strstr(h, folded_needle) != NULL;
	free(h);
	return found;
}

bool okr_fold_contains(const char *haystack, const char *needle)
{
	if (!needle || !*needle)
		return false;
	char *n = okr_fold(needle);
	bool found = okr_fold_contains_folded(haystack, n);
	free(n);
	return found;
}

bool okr_fold_equal(const char *a, const char *b)
{
	char *fa = okr_fold(a), *fb = okr_fold(b);
	bool same = strcmp(fa, fb) == 0;
	free(fa);
	free(fb);
	return same;
}

bool okr_fold_starts(const char *s, const char *prefix)
{
	char *fs = okr_fold(s), *fp = okr_fold(prefix);
	bool yes = strncmp(fs, fp, strlen(fp)) == 0;
	free(fs);
	free(fp);
	return yes;
}
