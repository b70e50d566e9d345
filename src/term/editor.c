/*
 * editor.c — see editor.h.
 *
 * Invariant: cp[0] is never a zero-width code point, so every cluster has a
 * base of width 1 or 2. Marks that would have no base (typed or pasted at
 * the start) are refused rather than stored, because a terminal would draw
 * them on top of whatever lies left of the field.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/editor.h"
#include "okr/text.h"
#include "okr/util.h"

void editor_init(editor *e, size_t max)
{
	e->cp = NULL;
	e->len = e->cap = 0;
	e->cursor = 0;
	e->max = max;
}

void editor_free(editor *e)
{
	free(e->cp);
	e->cp = NULL;
	e->len = e->cap = e->cursor = 0;
}

static bool zero_width(uint32_t cp)
{
	return text_cp_width(cp) == 0;
}

/* The end of the cluster that starts at i. */
static size_t next_of(const uint32_t *cp, size_t len, size_t i)
{
	if (i >= len)
		return len;
	i++;
	while (i < len && zero_width(cp[i]))
		i++;
	return i;
}

/* The start of the cluster that ends at i. */
static size_t prev_of(const uint32_t *cp, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && zero_width(cp[i]))
		i--;
	return i;
}

static size_t next(const editor *e, size_t i)
{
	return next_of(e->cp, e->len, i);
}

static size_t prev(const editor *e, size_t i)
{
	return prev_of(e->cp, i);
}

static bool room_for(const editor *e, size_t n)
{
	return e->max == 0 || e->len + n <= e->max;
}

static void insert_at_cursor(editor *e, const uint32_t *cps, size_t n)
{
	okr_xgrow(&e->cp, &e->cap, e->len + n, sizeof(uint32_t));
	memmove(e->cp + e->cursor + n, e->cp + e->cursor,
	        (e->len - e->cursor) * sizeof(uint32_t));
	memcpy(e->cp + e->cursor, cps, n * sizeof(uint32_t));
	e->len += n;
	e->cursor += n;
}

static void remove_range(editor *e, size_t from, size_t to)
{
	memmove(e->cp + from, e->cp + to, (e->len - to) * sizeof(uint32_t));
	e->len -= to - from;
	if (e->cursor >= to)
		e->cursor -= to - from;
	else if (e->cursor > from)
		e->cursor = from;
}

bool editor_insert(editor *e, uint32_t cp)
{
	if (text_cp_is_unsafe(cp) || !room_for(e, 1))
		return false;
	if (zero_width(cp) && e->cursor == 0)
		return false;
	insert_at_cursor(e, &cp, 1);
	return true;
}

/* Code points a paste would insert, with the cleaning editor.h promises. */
static size_t paste_filter(const char *s, uint32_t **out)
{
	size_t len = s ? strlen(s) : 0, n = 0, cap = 0, i = 0;

	*out = NULL;
	while (i < len) {
		uint32_t cp;
		size_t used = text_decode(s + i, len - i, &cp);
		bool invalid = cp == TEXT_REPLACEMENT && used == 1;
		i += used;
		if (cp == '\r' && i < len && s[i] == '\n')
			continue;   /* the '\n' gives the space */
		if (cp == '\t' || cp == '\n' || cp == '\r')
			cp = ' ';
		else if (invalid || text_cp_is_unsafe(cp))
			continue;
		okr_xgrow(out, &cap, n + 1, sizeof(uint32_t));
		(*out)[n++] = cp;
	}
	return n;
}

size_t editor_insert_str(editor *e, const char *utf8)
{
	uint32_t *cps;
	size_t n = paste_filter(utf8, &cps), i = 0, done = 0;

	if (e->cursor == 0)
		while (i < n && zero_width(cps[i]))
			i++;
	while (i < n) {
		size_t end = next_of(cps, n, i);
		if (!room_for(e, end - i))
			break;
		insert_at_cursor(e, cps + i, end - i);
		done += end - i;
		i = end;
	}
	free(cps);
	return done;
}

void editor_set(editor *e, const char *utf8)
{
	e->len = e->cursor = 0;
	editor_insert_str(e, utf8);
}

/* okr_buf_take leaves b as a fresh empty buffer, which is freed here. */
static char *buf_finish(okr_buf *b)
{
	char *s = okr_buf_take(b);
	okr_buf_free(b);
	return s;
}

char *editor_get(const editor *e)
{
	okr_buf b;
	char tmp[4];

	okr_buf_init(&b);
	for (size_t i = 0; i < e->len; i++)
		okr_buf_addn(&b, tmp, text_encode(e->cp[i], tmp));
	return buf_finish(&b);
}

bool editor_backspace(editor *e)
{
	if (e->cursor == 0)
		return false;
	remove_range(e, prev(e, e->cursor), e->cursor);
	return true;
}

bool editor_delete(editor *e)
{
	if (e->cursor >= e->len)
		return false;
	remove_range(e, e->cursor, next(e, e->cursor));
	return true;
}

static bool move_to(editor *e, size_t to)
{
	if (to == e->cursor)
		return false;
	e->cursor = to;
	return true;
}

bool editor_left(editor *e)
{
	return move_to(e, prev(e, e->cursor));
}

bool editor_right(editor *e)
{
	return move_to(e, next(e, e->cursor));
}

bool editor_home(editor *e)
{
	return move_to(e, 0);
}

bool editor_end(editor *e)
{
	return move_to(e, e->len);
}

/*
 * Words are runs of non-space clusters, except that a wide (CJK) character
 * is a word by itself: Chinese and Japanese put no spaces between words, and
 * one character at a time is what a person expects from C-w there.
 */
enum kind { K_SPACE, K_WIDE, K_WORD };

static enum kind kind_at(const editor *e, size_t i)
{
	uint32_t c = e->cp[i];
	if (c == ' ' || c == 0xA0 || c == 0x3000)
		return K_SPACE;
	return text_cp_width(c) == 2 ? K_WIDE : K_WORD;
}

static size_t word_start(const editor *e, size_t i)
{
	while (i > 0 && kind_at(e, prev(e, i)) == K_SPACE)
		i = prev(e, i);
	if (i > 0 && kind_at(e, prev(e, i)) == K_WIDE)
		return prev(e, i);
	while (i > 0 && kind_at(e, prev(e, i)) == K_WORD)
		i = prev(e, i);
	return i;
}

static size_t word_end(const editor *e, size_t i)
{
	while (i < e->len && kind_at(e, i) == K_SPACE)
		i = next(e, i);
	if (i < e->len && kind_at(e, i) == K_WIDE)
		return next(e, i);
	while (i < e->len && kind_at(e, i) == K_WORD)
		i = next(e, i);
	return i;
}

bool editor_word_left(editor *e)
{
	return move_to(e, word_start(e, e->cursor));
}

bool editor_word_right(editor *e)
{
	return move_to(e, word_end(e, e->cursor));
}

bool editor_kill_word(editor *e)
{
	size_t from = word_start(e, e->cursor);
	if (from == e->cursor)
		return false;
	remove_range(e, from, e->cursor);
	return true;
}

bool editor_kill_end(editor *e)
{
	if (e->cursor >= e->len)
		return false;
	e->len = e->cursor;
	return true;
}

bool editor_kill_start(editor *e)
{
	if (e->cursor == 0)
		return false;
	remove_range(e, 0, e->cursor);
	return true;
}

static int width_of(const editor *e, size_t from, size_t to)
{
	int w = 0;
	for (size_t i = from; i < to; i++)
		w += text_cp_width(e->cp[i]);
	return w;
}

int editor_width(const editor *e)
{
	return width_of(e, 0, e->len);
}

/*
 * Two moves, each by whole clusters: first scroll right just enough for the
 * cursor's cell (one column at the end, two on a wide character) to fit,
 * then scroll back left while everything from there to the end still fits,
 * so that deleting at the end of a long line pulls text back into view
 * instead of leaving the field half empty.
 */
void editor_view(const editor *e, int cols, int *first, int *cursor_col)
{
	size_t f = *first > 0 ? (size_t)*first : 0;
	int cur_w, w;

	if (f > e->len)
		f = e->len;
	while (f > 0 && f < e->len && zero_width(e->cp[f]))
		f--;
	if (f > e->cursor)
		f = e->cursor;
	if (cols <= 0) {
		*first = (int)e->cursor;
		*cursor_col = 0;
		return;
	}
	cur_w = e->cursor < e->len ? width_of(e, e->cursor, next(e, e->cursor)) : 1;

	w = width_of(e, f, e->cursor);
	while (f < e->cursor && w + cur_w > cols) {
		size_t n = next(e, f);
		w -= width_of(e, f, n);
		f = n;
	}

	int tail = width_of(e, f, e->len) + (e->cursor == e->len ? 1 : 0);
	while (f > 0) {
		size_t p = prev(e, f);
		int pw = width_of(e, p, f);
		if (tail + pw > cols)
			break;
		tail += pw;
		w += pw;
		f = p;
	}
	*first = (int)f;
	*cursor_col = w;
}
