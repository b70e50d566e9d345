/*
 * fold.h — the one way okr compares what people type with what is stored:
 * the TUI's `/` search and every command that takes a name (a person, a KPI)
 * go through here, so both front ends find the same things.
 *
 * Folding normalises to NFC, folds case (Unicode case folding, not the
 * locale's) and strips accents and other marks, so "KHÁCH", "khach" and the
 * NFD spelling of "khách" are all "khach".  Letters with a stroke that
 * Unicode does not decompose (đ Đ ł Ł ø Ø) are folded explicitly: Vietnamese
 * users type "d" for "đ".  Pure: no I/O, no locale.
 */
#ifndef OKR_FOLD_H
#define OKR_FOLD_H

#include <stdbool.h>

/* The folded form of s, to be freed by the caller.  Text that is not valid
 * UTF-8 is folded byte by byte (ASCII letters lowered), never refused. */
char *okr_fold(const char *s);

/* Whether the folded needle occurs in the folded haystack ("" never does). */
bool okr_fold_contains(const char *haystack, const char *needle);

/* The same, with the needle already folded (okr_fold): for a search that
 * tries one needle against many titles. */
bool okr_fold_contains_folded(const char *haystack, const char *folded_needle);

/* Whether a and b fold to the same text. */
bool okr_fold_equal(const char *a, const char *b);

/* Whether s, folded, begins with prefix, folded ("" always does): the
 * type-ahead of the form pickers, "nguy" for "Nguyễn Thị Lan". */
bool okr_fold_starts(const char *s, const char *prefix);

#endif
