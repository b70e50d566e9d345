/*
 * text.h — display width and safe rendering of UTF-8 text.
 *
 * Every string from the database or the user is UTF-8 and may hold anything:
 * Vietnamese with precomposed or combining accents, CJK, emoji, or bytes that
 * would move the terminal's cursor or retitle its window. This module is the
 * one place that knows how wide a string is on screen and turns it into
 * something safe to print. Widths come from our own Unicode tables, never
 * from the C library's locale, so a test gives the same answer everywhere.
 *
 * A "cluster" here is a code point of non-zero width followed by every
 * zero-width code point after it (combining marks, joiners, variation
 * selectors). Clusters are never split by truncation, wrapping or the editor.
 */
#ifndef OKR_TEXT_H
#define OKR_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEXT_REPLACEMENT 0xFFFDu   /* � for invalid bytes, C1 and bidi controls */
#define TEXT_DOTTED_CIRCLE 0x25CCu /* ◌, the base given to an orphan combining mark */
#define TEXT_ELLIPSIS 0x2026u      /* …, width 1 */

/* text_sanitize_flags() flags */
#define TEXT_KEEP_NEWLINES 0x1u    /* '\n' (and "\r\n") stay a real newline */
#define TEXT_TABS_TO_SPACE 0x2u    /* '\t' becomes one space instead of ␉ */

/* text_pad() alignment */
enum { TEXT_ALIGN_LEFT, TEXT_ALIGN_RIGHT, TEXT_ALIGN_CENTER };

/* Columns a code point takes in a terminal: 0, 1 or 2. A control character
 * counts as 1, the width of the replacement text_sanitize shows for it. */
int text_cp_width(uint32_t cp);

/* Decode one code point from s (len bytes, len > 0), store it in *cp and
 * return the bytes used. Malformed input (overlong, surrogate, > U+10FFFF,
 * truncated, stray continuation) gives U+FFFD and consumes one byte, so the
 * caller always makes progress. len == 0 returns 0. */
size_t text_decode(const char *s, size_t len, uint32_t *cp);

/* Encode cp (a valid scalar value) into out; returns 1..4 bytes, no NUL. */
size_t text_encode(uint32_t cp, char out[4]);

/* True if cp is one that text_sanitize would replace (controls, DEL, C1,
 * bidi embeddings/overrides/isolates, surrogates, out of range). */
bool text_cp_is_unsafe(uint32_t cp);

/* A visible, terminal-safe copy of s (NULL is ""), malloc'd:
 *   C0 controls → Control Pictures (ESC → ␛, '\n' → ␤), DEL → ␡,
 *   C1, invalid UTF-8 and bidi controls → �,
 *   a zero-width code point with no base before it gets a ◌ base. */
char *text_sanitize(const char *s);
char *text_sanitize_flags(const char *s, unsigned flags);

/* Display columns of text_sanitize(s), computed without allocating. */
int text_width(const char *s);

/* Display columns of n bytes of already-sanitised text (no controls). */
int text_width_n(const char *s, size_t n);

/* Sanitise s, then cut it to at most cols columns, ending in "…" when
 * anything was cut. Never splits a code point or a cluster and never leaves
 * half a wide character, so the result may be one column short of cols.
 * cols <= 0 gives "". *width_out (if not NULL) gets the result's width. */
char *text_fit(const char *s, int cols, int *width_out);

/* text_fit, then pad with spaces to exactly cols columns. */
char *text_pad(const char *s, int cols, int align);

/* The end of the cluster (a character and the marks drawn on it) that
 * starts at p, before end; its width in columns and, if base is not NULL,
 * its first code point. */
const char *text_cluster_end(const char *p, const char *end, int *width, uint32_t *base);

/* Wrap sanitised s into lines of at most cols columns: at spaces where it
 * can, between any two CJK characters, hard-breaking words longer than a
 * line, and at every newline. Tabs become spaces. A line never exceeds cols:
 * a wide character that cannot fit in a line of one column is shown as "…".
 * *lines gets a malloc'd array of the line strings followed by a NULL; the
 * return value is the number of lines (0 for "" or cols <= 0). A trailing
 * newline ends the last line rather than starting an empty one. */
size_t text_wrap(const char *s, int cols, char ***lines);

/* For a terminal that is not UTF-8 (text_ascii.c): s with every character
 * replaced by ASCII of the same width — a look-alike for lines, bars and
 * marks ('─' → '-', '█' → '#'), '?' per column for the rest.  malloc'd. */
char *text_ascii(const char *s);
char text_ascii_char(uint32_t cp);
void text_lines_free(char **lines, size_t n);

#endif
