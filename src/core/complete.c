/*
 * complete.c — see complete.h.  Byte-wise: the names completed are command
 * names, IDs, cycle and theme names; a shared prefix is cut back to a whole
 * UTF-8 character so that it can be shown and edited.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/complete.h"

static size_t shared(const char *a, const char *b)
{
	size_t i = 0;
	while (a[i] && a[i] == b[i])
		i++;
	return i;
}

size_t okr_complete(const char *const *cands, size_t n, const char *prefix, char *common, size_t len,
		    size_t *first, size_t nfirst)
{
	size_t plen = strlen(prefix), count = 0, clen = 0;
	const char *base = NULL;
	for (size_t i = 0; i < n; i++) {
		if (strncmp(cands[i], prefix, plen))
			continue;
		if (count < nfirst && first)
			first[count] = i;
		if (!base) {
			base = cands[i];
			clen = strlen(base);
		} else {
			size_t s = shared(base, cands[i]);
			clen = s < clen ? s : clen;
		}
		count++;
	}
	if (!base)
		clen = 0;
	while (clen > 0 && ((unsigned char)base[clen] & 0xc0) == 0x80)
		clen--;
	if (len) {
		if (clen >= len)
			clen = len - 1;
		memcpy(common, base ? base : "", clen);
		common[clen] = '\0';
	}
	return count;
}

/* Levenshtein distance with one row of memory; long words are capped (a
 * command name is short, and a "suggestion" for a paragraph is noise). */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return (size_t)-1;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

const char *okr_nearest(const char *const *cands, size_t n, const char *word, size_t max_dist)
{
	const char *best = NULL;
	size_t bd = max_dist + 1;
	for (size_t i = 0; i < n; i++) {
		size_t d = distance(word, cands[i]);
		if (d < bd) {
			bd = d;
			best = cands[i];
		}
	}
	return best;
}
