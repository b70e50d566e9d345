/*
 * keymap_curses.c — the curses side of keymap.h: get_wch()'s result as a key
 * code, and the compile-time proof that keymap.h's KEYMAP_K_* numbers are
 * curses' own, so a name parsed without curses matches the key pressed.
 */
#include <curses.h>

#include "okr/keymap.h"

#define SAME(k) (KEYMAP_K_##k == KEYMAP_KEY(KEY_##k))
_Static_assert(SAME(DOWN) && SAME(UP) && SAME(LEFT) && SAME(RIGHT) && SAME(HOME) &&
               SAME(BACKSPACE) && SAME(DC) && SAME(IC) && SAME(NPAGE) && SAME(PPAGE) &&
               SAME(ENTER) && SAME(BTAB) && SAME(END) &&
               KEYMAP_K_F(0) == KEYMAP_KEY(KEY_F(0)) && KEYMAP_K_F(12) == KEYMAP_KEY(KEY_F(12)),
               "keymap.h's KEYMAP_K_* must be curses' KEY_* codes");
#undef SAME

int keymap_key_from_wch(int rc, uint32_t ch)
{
	if (rc == KEY_CODE_YES)
		return KEYMAP_KEY((int)ch);
	if (rc == OK && ch <= 0x10FFFF)
		return (int)ch;
	return -1;
}
