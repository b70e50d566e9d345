/*
 * theme_color.c — parsed theme styles to curses attributes (see theme.h).
 *
 * src/term/theme.c reads and finds theme files without touching the
 * terminal, and src/term/theme_palette.c fits a colour to what a terminal has
 * (256, 16, 8 or none); this file is the curses half: it makes colour pairs
 * lazily, only for the slots that get drawn, so a theme never uses up a small
 * terminal's pairs.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "okr/theme.h"

void theme_apply(theme_colors *cur, const theme *t, int colors)
{
	const char *nc = getenv("NO_COLOR");
	if ((nc && *nc) || colors < 8)
		colors = 0;
	cur->t = *t;
	cur->colors = colors;
	cur->applied = true;
	cur->npairs = 0;
	memset(cur->resolved, 0, sizeof cur->resolved);
	if (colors)
		cur->default_colors = use_default_colors() == OK;
}

static unsigned long curses_attrs(unsigned a)
{
	unsigned long r = A_NORMAL;
	if (a & THEME_A_BOLD) r |= A_BOLD;
	if (a & THEME_A_DIM) r |= A_DIM;
	if (a & THEME_A_UNDERLINE) r |= A_UNDERLINE;
	if (a & THEME_A_REVERSE) r |= A_REVERSE;
#ifdef A_ITALIC
	if (a & THEME_A_ITALIC) r |= A_ITALIC;
#endif
	if (a & THEME_A_STANDOUT) r |= A_STANDOUT;
	return r;
}

static int resolve_color(short c, short normal)
{
	if (c == THEME_COLOR_INHERIT)
		c = normal == THEME_COLOR_INHERIT ? THEME_COLOR_DEFAULT : normal;
	return c;
}

/* The pair for fg on bg, made now if no slot has needed it yet; 0 when the
 * terminal has run out of pairs (the slot then goes without colour). */
static short pair_for(theme_colors *cur, int fg, int bg)
{
	for (int i = 0; i < cur->npairs; i++)
		if (cur->pairs[i][0] == fg && cur->pairs[i][1] == bg)
			return (short)(i + 1);
	int limit = COLOR_PAIRS - 1 < 255 ? COLOR_PAIRS - 1 : 255;
	if (cur->npairs >= limit || init_pair((short)(cur->npairs + 1), (short)fg, (short)bg) != OK)
		return 0;
	cur->pairs[cur->npairs][0] = (short)fg;
	cur->pairs[cur->npairs][1] = (short)bg;
	return (short)++cur->npairs;
}

static void resolve(theme_colors *cur, theme_slot s)
{
	const theme_style *st = &cur->t.slot[s], *normal = &cur->t.slot[THEME_NORMAL];
	unsigned a = st->attrs;
	short pair = 0;
	if (cur->colors) {
		int ofg = resolve_color(st->fg, normal->fg), obg = resolve_color(st->bg, normal->bg);
		int fg = theme_color_degrade(ofg, cur->colors), bg = theme_color_degrade(obg, cur->colors);
		if (!cur->default_colors) {
			fg = fg < 0 ? COLOR_WHITE : fg;
			bg = bg < 0 ? COLOR_BLACK : bg;
		}
		/* Two colours that fewer colours merged into one would hide the
		 * text: fall back to black or white, whichever reads on bg. */
		if (fg >= 0 && fg == bg && ofg != obg)
			fg = theme_color_contrast(bg);
		if (fg >= 0 || bg >= 0)
			pair = pair_for(cur, fg, bg);
		if (!pair && (fg >= 0 || bg >= 0))
			a |= theme_slot_mono(s);
	} else {
		a |= theme_slot_mono(s);
	}
	cur->attr[s] = curses_attrs(a) | (pair ? (unsigned long)COLOR_PAIR(pair) : 0);
	cur->pair[s] = pair;
	cur->resolved[s] = true;
}

static bool ready(theme_colors *cur, theme_slot s)
{
	if (s < 0 || s >= THEME_SLOT_COUNT)
		return false;
	if (!cur->applied) {
		theme t;
		theme_default(&t);
		theme_apply(cur, &t, 0);
	}
	if (!cur->resolved[s])
		resolve(cur, s);
	return true;
}

unsigned long theme_attr(theme_colors *cur, theme_slot s)
{
	return ready(cur, s) ? cur->attr[s] : A_NORMAL;
}

short theme_pair(theme_colors *cur, theme_slot s)
{
	return ready(cur, s) ? cur->pair[s] : 0;
}
