/*
 * text_ascii.c — text for a terminal whose character set is not UTF-8
 * (LC_ALL=C, a Latin-1 locale): each character becomes ASCII of the same
 * display width, so a layout measured in columns stays aligned.
 *
 * Lines, bars, arrows and marks get a look-alike ('─' '-', '█' '#',
 * '→' '>'); anything else becomes '?' for each column it would fill — a
 * title in Vietnamese or Chinese cannot be shown in such a locale, and a
 * row of question marks of the right width says so without mojibake.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/text.h"
#include "okr/util.h"

typedef struct { uint32_t cp; char ascii; } look_alike;

/* Sorted by code point for bsearch. */
static const look_alike table[] = {
	{ 0x00A0, ' ' }, { 0x00B7, '.' }, { 0x00D7, 'x' }, { 0x2013, '-' }, { 0x2014, '-' },
	{ 0x2018, '\'' }, { 0x2019, '\'' }, { 0x201C, '"' }, { 0x201D, '"' }, { 0x2022, '*' },
	{ 0x2026, '.' }, { 0x203A, '>' }, { 0x2190, '<' }, { 0x2191, '^' }, { 0x2192, '>' },
	{ 0x2193, 'v' }, { 0x2212, '-' }, { 0x2264, '<' }, { 0x2265, '>' }, { 0x2500, '-' },
	{ 0x2501, '-' }, { 0x2502, '|' }, { 0x2503, '|' }, { 0x2508, '-' }, { 0x250C, '+' }, { 0x2510, '+' },
	{ 0x2514, '+' }, { 0x2518, '+' }, { 0x251C, '+' }, { 0x2524, '+' }, { 0x252C, '+' },
	{ 0x2534, '+' }, { 0x253C, '+' }, { 0x2550, '=' }, { 0x2551, '|' }, { 0x2581, '_' },
	{ 0x2582, '_' }, { 0x2583, '-' }, { 0x2584, '-' }, { 0x2585, '=' }, { 0x2586, '=' },
	{ 0x2587, '#' }, { 0x2588, '#' }, { 0x2589, '#' }, { 0x258A, '#' }, { 0x258B, '#' },
	{ 0x258C, '#' }, { 0x258D, '#' }, { 0x258E, '#' }, { 0x258F, '#' }, { 0x2591, '.' },
	{ 0x2592, ':' }, { 0x2593, '#' }, { 0x25B2, '^' }, { 0x25B6, '>' }, { 0x25B8, '>' },
	{ 0x25BC, 'v' }, { 0x25BE, 'v' }, { 0x25C0, '<' }, { 0x25C2, '<' }, { 0x25CB, 'o' },
	{ 0x25CF, '*' }, { 0x2605, '*' }, { 0x2606, '*' }, { 0x2691, '!' }, { 0x26A0, '!' },
	{ 0x2713, 'v' }, { 0x2714, 'v' }, { 0x2717, 'x' }, { 0x2718, 'x' }, { 0x1F389, '*' },
	{ 0x1F3C5, '*' },
};

static int by_cp(const void *key, const void *elem)
{
	uint32_t a = *(const uint32_t *)key, b = ((const look_alike *)elem)->cp;
	return a < b ? -1 : a > b;
}

char text_ascii_char(uint32_t cp)
{
	if (cp < 0x80)
		return (char)cp;
	const look_alike *l = bsearch(&cp, table, sizeof table / sizeof table[0], sizeof table[0], by_cp);
	return l ? l->ascii : '?';
}

char *text_ascii(const char *s)
{
	size_t len = strlen(s);
	/* A character is at least one byte and at most two columns. */
	char *out = okr_xmalloc(2 * len + 1);
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = text_decode(s + i, len - i, &cp);
		i += k ? k : 1;
		int w = text_cp_width(cp);
		if (w <= 0 && cp >= 0x80)
			continue;     /* a combining mark stays with its '?' */
		char c = text_ascii_char(cp);
		out[n++] = c;
		if (w == 2)
			out[n++] = c == '?' ? '?' : ' ';
	}
	out[n] = '\0';
	return out;
}
