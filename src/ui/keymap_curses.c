/*
 * keymap_curses.c — the curses side of keymap.h: get_wch()'s result as a key
 * code, and the compile-time proof that keymap.h's KEYMAP_K_* numbers are
 * curses' own, so a name parsed without curses matches the key pressed.
 */
#include <curses.h>

#include "okr/keymap.h"

_Static_assert(KEYMAP_K_DOWN == KEYMAP_KEY(KEY_DOWN), "KEY_DOWN");
_Static_assert(KEYMAP_K_UP == KEYMAP_KEY(KEY_UP), "KEY_UP");
_Static_assert(KEYMAP_K_LEFT == KEYMAP_KEY(KEY_LEFT), "KEY_LEFT");
_Static_assert(KEYMAP_K_RIGHT == KEYMAP_KEY(KEY_RIGHT), "KEY_RIGHT");
_Static_assert(KEYMAP_K_HOME == KEYMAP_KEY(KEY_HOME), "KEY_HOME");
_Static_assert(KEYMAP_K_BACKSPACE == KEYMAP_KEY(KEY_BACKSPACE), "KEY_BACKSPACE");
_Static_assert(KEYMAP_K_F(0) == KEYMAP_KEY(KEY_F(0)), "KEY_F0");
_Static_assert(KEYMAP_K_F(12) == KEYMAP_KEY(KEY_F(12)), "KEY_F(12)");
_Static_assert(KEYMAP_K_DC == KEYMAP_KEY(KEY_DC), "KEY_DC");
_Static_assert(KEYMAP_K_IC == KEYMAP_KEY(KEY_IC), "KEY_IC");
_Static_assert(KEYMAP_K_NPAGE == KEYMAP_KEY(KEY_NPAGE), "KEY_NPAGE");
_Static_assert(KEYMAP_K_PPAGE == KEYMAP_KEY(KEY_PPAGE), "KEY_PPAGE");
_Static_assert(KEYMAP_K_ENTER == KEYMAP_KEY(KEY_ENTER), "KEY_ENTER");
_Static_assert(KEYMAP_K_BTAB == KEYMAP_KEY(KEY_BTAB), "KEY_BTAB");
_Static_assert(KEYMAP_K_END == KEYMAP_KEY(KEY_END), "KEY_END");

int keymap_key_from_wch(int rc, uint32_t ch)
{
	if (rc == KEY_CODE_YES)
		return KEYMAP_KEY((int)ch);
	if (rc == OK && ch <= 0x10FFFF)
		return (int)ch;
	return -1;
}
