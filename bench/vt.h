/*
 * vt.h — just enough of a terminal for bench/tuipty to know what the screen
 * shows: the text of every row, kept from the bytes okr sends to the pty.
 *
 * It follows what curses sends to an xterm-256color on a full-screen
 * redraw — printable UTF-8 (one cell a character: the benchmarks run in
 * English, whose text has no double-width characters), CR, LF, BS, TAB,
 * and the CSI sequences that move the cursor (H f d G ` A B C D E F),
 * erase (K J X) or repeat the last character (b); other escape sequences
 * (modes, colours, charsets, OSC titles) are read and ignored.  Scrolling
 * regions and inserted or deleted lines are not followed: the driver asks
 * about a frame drawn on a cleared screen, never after a scroll.
 */
#ifndef OKR_BENCH_VT_H
#define OKR_BENCH_VT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { VT_MAX_ROWS = 200, VT_MAX_COLS = 400 };

typedef struct {
	int rows, cols, y, x;
	uint32_t cell[VT_MAX_ROWS][VT_MAX_COLS];   /* code points; 0 is blank */
	uint32_t last;                              /* the last printed, for REP */
	/* the parser: 0 text, 1 after ESC, 2 in CSI, 3 in OSC, 4 one more byte */
	int state, np, param[16];
	uint32_t cp;                                /* a UTF-8 sequence being read */
	int more;
} vt;

static inline void vt_init(vt *t, int rows, int cols)
{
	memset(t, 0, sizeof *t);
	t->rows = rows < VT_MAX_ROWS ? rows : VT_MAX_ROWS;
	t->cols = cols < VT_MAX_COLS ? cols : VT_MAX_COLS;
}

static inline int vt_clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static inline void vt_erase(vt *t, int y, int x0, int x1)
{
	for (int x = vt_clamp(x0, 0, t->cols); x < vt_clamp(x1, 0, t->cols); x++)
		t->cell[y][x] = 0;
}

static inline void vt_put(vt *t, uint32_t cp)
{
	if (t->x >= t->cols) {   /* pending wrap, as xterm's autowrap */
		t->x = 0;
		t->y = vt_clamp(t->y + 1, 0, t->rows - 1);
	}
	t->cell[t->y][t->x++] = cp;
	t->last = cp;
}

static inline int vt_arg(const vt *t, int i, int dflt)
{
	return i < t->np && t->param[i] > 0 ? t->param[i] : dflt;
}

static inline void vt_csi(vt *t, unsigned char f)
{
	int n = vt_arg(t, 0, 1);
	switch (f) {
	case 'H': case 'f': t->y = vt_arg(t, 0, 1) - 1; t->x = vt_arg(t, 1, 1) - 1; break;
	case 'd': t->y = n - 1; break;
	case 'G': case '`': t->x = n - 1; break;
	case 'A': t->y -= n; break;
	case 'B': t->y += n; break;
	case 'C': t->x += n; break;
	case 'D': t->x -= n; break;
	case 'E': t->y += n; t->x = 0; break;
	case 'F': t->y -= n; t->x = 0; break;
	case 'X': vt_erase(t, t->y, t->x, t->x + n); break;
	case 'b': for (int i = 0; i < n && i < VT_MAX_COLS; i++) vt_put(t, t->last); break;
	case 'K': {
		int m = t->np ? t->param[0] : 0;
		vt_erase(t, t->y, m == 0 ? t->x : 0, m == 1 ? t->x + 1 : t->cols);
		break;
	}
	case 'J': {
		int m = t->np ? t->param[0] : 0;
		for (int y = 0; y < t->rows; y++)
			if (m == 2 || m == 3 || (m == 0 && y > t->y) || (m == 1 && y < t->y))
				vt_erase(t, y, 0, t->cols);
		if (m == 0)
			vt_erase(t, t->y, t->x, t->cols);
		else if (m == 1)
			vt_erase(t, t->y, 0, t->x + 1);
		break;
	}
	default: break;   /* modes, colours, scrolling regions: no text */
	}
	t->y = vt_clamp(t->y, 0, t->rows - 1);
	t->x = vt_clamp(t->x, 0, t->cols);
}

static inline void vt_byte(vt *t, unsigned char c)
{
	switch (t->state) {
	case 1:   /* after ESC */
		t->state = c == '[' ? 2 : c == ']' ? 3 : (c == '(' || c == ')' || c == '#') ? 4 : 0;
		t->np = 0;
		memset(t->param, 0, sizeof t->param);
		return;
	case 2:   /* CSI: parameters, intermediates, one final byte */
		if (c >= '0' && c <= '9') {
			if (!t->np)
				t->np = 1;
			t->param[t->np - 1] = t->param[t->np - 1] * 10 + (c - '0');
		} else if (c == ';' || c == ':') {
			if (!t->np)
				t->np = 1;
			if (t->np < 16)
				t->np++;
		} else if (c >= 0x40 && c <= 0x7e) {
			t->state = 0;
			vt_csi(t, c);
		} else if (c < 0x20 || c > 0x7e) {
			t->state = 0;   /* not a CSI after all */
		}
		return;
	case 3:   /* OSC ends at BEL or ST (ESC \) */
		if (c == 7)
			t->state = 0;
		else if (c == 0x1b)
			t->state = 4;
		return;
	case 4:
		t->state = 0;
		return;
	default: break;
	}
	if (t->more) {   /* inside a UTF-8 sequence */
		t->cp = (t->cp << 6) | (c & 0x3f);
		if (--t->more == 0)
			vt_put(t, t->cp);
		return;
	}
	if (c == 0x1b)
		t->state = 1;
	else if (c == '\r')
		t->x = 0;
	else if (c == '\n')
		t->y = vt_clamp(t->y + 1, 0, t->rows - 1);
	else if (c == '\b')
		t->x = vt_clamp(t->x - 1, 0, t->cols);
	else if (c == '\t')
		t->x = vt_clamp((t->x / 8 + 1) * 8, 0, t->cols - 1);
	else if (c >= 0xc0) {
		t->more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
		t->cp = c & (c >= 0xf0 ? 0x07 : c >= 0xe0 ? 0x0f : 0x1f);
	} else if (c >= 0x20 && c < 0x7f)
		vt_put(t, c);
}

static inline void vt_feed(vt *t, const char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		vt_byte(t, (unsigned char)buf[i]);
}

/* Row y as UTF-8, blanks as spaces, into out (at least 4 * cols + 1). */
static inline void vt_row(const vt *t, int y, char *out)
{
	char *o = out;
	for (int x = 0; x < t->cols; x++) {
		uint32_t c = t->cell[y][x] ? t->cell[y][x] : ' ';
		if (c < 0x80) {
			*o++ = (char)c;
		} else if (c < 0x800) {
			*o++ = (char)(0xc0 | (c >> 6));
			*o++ = (char)(0x80 | (c & 0x3f));
		} else if (c < 0x10000) {
			*o++ = (char)(0xe0 | (c >> 12));
			*o++ = (char)(0x80 | ((c >> 6) & 0x3f));
			*o++ = (char)(0x80 | (c & 0x3f));
		} else {
			*o++ = (char)(0xf0 | (c >> 18));
			*o++ = (char)(0x80 | ((c >> 12) & 0x3f));
			*o++ = (char)(0x80 | ((c >> 6) & 0x3f));
			*o++ = (char)(0x80 | (c & 0x3f));
		}
	}
	*o = '\0';
}

/* Whether row y shows text (anything but blanks). */
static inline bool vt_row_drawn(const vt *t, int y)
{
	for (int x = 0; x < t->cols; x++)
		if (t->cell[y][x] && t->cell[y][x] != ' ')
			return true;
	return false;
}

/* Whether any row shows s. */
static inline bool vt_shows(const vt *t, const char *s)
{
	static char row[4 * VT_MAX_COLS + 1];
	for (int y = 0; y < t->rows; y++) {
		vt_row(t, y, row);
		if (strstr(row, s))
			return true;
	}
	return false;
}

#endif
