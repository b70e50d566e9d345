/*
 * level.c — see level.h.
 */
#include "okr/level.h"

/* (0.25L² + 10L + 139.75)/10 = (L² + 40L + 559)/40, so rounding half up is
 * an integer division after adding 20.  No L makes the fraction exactly one
 * half (that would need L² ≡ 21 mod 40, and no square is 5 mod 8), so the
 * rounding rule chosen cannot change any answer. */
int64_t level_xp_to_next(int level)
{
	int64_t l = level < 1 ? 1 : level;   /* INT_MAX² still fits */
	return 10 * ((l * l + 40 * l + 559 + 20) / 40);
}

/* At most LEVEL_MAX steps, whatever xp is: the loop is bounded by the cap,
 * not by the size of the number. */
int level_for_xp(int64_t xp, int64_t *into_level, int64_t *level_span)
{
	int level = 1;
	int64_t rest = xp < 0 ? 0 : xp;
	int64_t need = level_xp_to_next(level);
	while (level < LEVEL_MAX && rest >= need) {
		rest -= need;
		level++;
		need = level_xp_to_next(level);
	}
	if (rest > need)
		rest = need;
	if (into_level)
		*into_level = rest;
	if (level_span)
		*level_span = need;
	return level;
}
