/*
 * level.h — the level curve of SPEC §4: XP only grows, and each level asks a
 * little more than the one before, 10·round((0.25L² + 10L + 139.75)/10) XP
 * to go from level L to L+1 (150 for level 1, 160 for level 2, …).
 */
#ifndef OKR_LEVEL_H
#define OKR_LEVEL_H

#include <stdint.h>

enum { LEVEL_MAX = 999 };   /* the curve stops here; XP beyond it still counts */

/* XP needed to go from `level` to level + 1 (levels below 1 count as 1). */
int64_t level_xp_to_next(int level);

/* The level reached with `xp` in total (level 1 at 0 XP, negative XP counts
 * as 0).  into_level: XP earned inside that level; level_span: XP the level
 * asks for; both may be NULL.  0 <= *into_level < *level_span below
 * LEVEL_MAX; at LEVEL_MAX *into_level is capped at *level_span (a full bar). */
int level_for_xp(int64_t xp, int64_t *into_level, int64_t *level_span);

#endif
