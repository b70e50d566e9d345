/*
 * theme_palette.c — a theme colour fitted to the terminal's palette (see
 * theme.h). Pure arithmetic on xterm's palette, so the unit tests check it
 * without a terminal; src/ui/theme_color.c uses it when it makes pairs.
 */
#include <stdbool.h>

#include "okr/theme.h"

/* xterm's palette: the 16 system colours as xterm draws them by default, the
 * 6×6×6 cube, then 24 greys. */
static void color_rgb(int c, int rgb[3])
{
	static const unsigned char sys[16][3] = {
		{ 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 },
		{ 0, 0, 238 }, { 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 },
		{ 127, 127, 127 }, { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 },
		{ 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 },
	};
	static const unsigned char level[6] = { 0, 95, 135, 175, 215, 255 };
	if (c < 16) {
		for (int i = 0; i < 3; i++)
			rgb[i] = sys[c][i];
	} else if (c < 232) {
		c -= 16;
		rgb[0] = level[c / 36];
		rgb[1] = level[c / 6 % 6];
		rgb[2] = level[c % 6];
	} else {
		rgb[0] = rgb[1] = rgb[2] = 8 + 10 * (c - 232);
	}
}

int theme_color_degrade(int color, int colors)
{
	if (color < 0 || color > 255 || colors < 8)
		return THEME_COLOR_DEFAULT;
	int have = colors >= 256 ? 256 : colors >= 16 ? 16 : 8;
	if (color < have)
		return color;
	int rgb[3], best = 0;
	long best_d = -1;
	color_rgb(color, rgb);
	/* A grey goes to a grey (black, white, and on 16 colours the two
	 * in between): plain distance would turn mid-grey into yellow. */
	bool grey = rgb[0] == rgb[1] && rgb[1] == rgb[2];
	for (int i = 0; i < have; i++) {
		int p[3];
		color_rgb(i, p);
		if (grey && (p[0] != p[1] || p[1] != p[2]))
			continue;
		long d = 0;
		for (int k = 0; k < 3; k++)
			d += (long)(rgb[k] - p[k]) * (rgb[k] - p[k]);
		if (best_d < 0 || d < best_d) {
			best_d = d;
			best = i;
		}
	}
	return best;
}

int theme_color_contrast(int bg)
{
	int rgb[3];

	color_rgb(bg < 0 || bg > 255 ? 0 : bg, rgb);
	return rgb[0] * 299 + rgb[1] * 587 + rgb[2] * 114 > 128000 ? 0 : 7;
}
