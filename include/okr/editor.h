/*
 * editor.h — the one-line text editor behind every prompt and form field.
 *
 * Pure: a buffer of Unicode code points, a cursor and a length limit, with
 * the editing operations of a readline-style prompt. Nothing here touches
 * the terminal, so the unit tests drive it directly, CJK and Vietnamese
 * included. Code points rather than wchar_t keep it independent of the
 * locale (and of wchar_t being 16 bits on some systems).
 *
 * The cursor is an index into cp[] and always sits on a cluster boundary
 * (see text.h): motions, backspace and delete move over or remove a base
 * character together with its combining marks.
 */
#ifndef OKR_EDITOR_H
#define OKR_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
	uint32_t *cp;   /* len code points, not terminated */
	size_t len, cap;
	size_t cursor;  /* 0..len */
	size_t max;     /* most code points allowed; 0 means no limit */
} editor;

void editor_init(editor *e, size_t max);
void editor_free(editor *e);

/* Replace the content with utf8 (as a paste would clean it, cut at max
 * on a cluster boundary) and put the cursor at the end. */
void editor_set(editor *e, const char *utf8);

/* The content as a malloc'd UTF-8 string. */
char *editor_get(const editor *e);

/* Insert one code point at the cursor. Refused (false) for control and bidi
 * characters, invalid scalar values, or when the editor is full. A combining
 * mark joins the cluster before the cursor. */
bool editor_insert(editor *e, uint32_t cp);

/* Insert pasted UTF-8 at the cursor: tabs and newlines become spaces (a
 * "\r\n" one space), other controls and invalid bytes are dropped, and
 * insertion stops before the first cluster that would exceed max. Returns
 * the number of code points inserted. */
size_t editor_insert_str(editor *e, const char *utf8);

/* Each returns false when there was nothing to do. */
bool editor_backspace(editor *e);   /* remove the cluster before the cursor */
bool editor_delete(editor *e);      /* remove the cluster under the cursor */
bool editor_left(editor *e);
bool editor_right(editor *e);
bool editor_home(editor *e);
bool editor_end(editor *e);
bool editor_word_left(editor *e);   /* to the start of this or the previous word */
bool editor_word_right(editor *e);  /* to the end of this or the next word */
bool editor_kill_word(editor *e);   /* C-w: from the start of the word to the cursor */
bool editor_kill_end(editor *e);    /* C-k */
bool editor_kill_start(editor *e);  /* C-u */

/* Display columns of the whole content. */
int editor_width(const editor *e);

/*
 * Which part of the content to draw in a field cols columns wide so that the
 * cursor stays visible. *first is in/out: pass the value from the previous
 * frame (0 the first time) and it is moved as little as possible, so the text
 * does not jump while the cursor moves inside the field; it is a cp[] index
 * on a cluster boundary. *cursor_col gets the cursor's column in the field.
 * Draw clusters from cp[*first] while they fit in cols columns.
 */
void editor_view(const editor *e, int cols, int *first, int *cursor_col);

#endif
