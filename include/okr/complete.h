/*
 * complete.h — completion and "did you mean" for the `:` line, pure so a
 * unit test drives them: which candidates a typed prefix could become, the
 * longest prefix they share, and the nearest name to a word typed wrong.
 */
#ifndef OKR_COMPLETE_H
#define OKR_COMPLETE_H

#include <stddef.h>

/* How many of the n candidates start with prefix.  *common receives the
 * longest prefix those share (never ending inside a UTF-8 character);
 * first[i] the index of each match, up to nfirst of them. */
size_t okr_complete(const char *const *cands, size_t n, const char *prefix, char *common, size_t len,
		    size_t *first, size_t nfirst);

/* The candidate nearest to word in edit distance, if at most max_dist
 * edits away (ties: the first); NULL when none is that near. */
const char *okr_nearest(const char *const *cands, size_t n, const char *word, size_t max_dist);

#endif
