/*
 * keymap.h — which key runs which action.
 *
 * Defaults come from the action table (actions.h) written in the same key
 * names a user writes in okr.conf, and go through the same parser.
 *
 * Key names:
 *   a single printable character, any script   j  G  ?  /  ơ  中
 *   a control key                              C-f  C-l  (C-a .. C-z)
 *   Enter Tab BTab Esc Space Backspace Up Down Left Right Home End PgUp PgDn
 *   Ins Del F1 .. F12
 *
 * Key codes (int): a character is its Unicode code point; Enter is '\n', Tab
 * 9, Esc 27, C-a..C-z 1..26; a special key is its curses KEY_* code with
 * KEYMAP_SPECIAL added (KEYMAP_K_* below spell those codes without curses,
 * so that the CLI and the tests can parse key names; src/ui/keymap_curses.c
 * checks at compile time that they are curses' own numbers). The flag is needed because curses' codes overlap
 * real characters that our users type: KEY_UP (0403) is also U+0103 'ă',
 * KEY_DOWN U+0102 'Ă', and 'ơ' U+01A1 is inside the same range. Turn what
 * get_wch() returned into a key code with keymap_key_from_wch().
 */
#ifndef OKR_KEYMAP_H
#define OKR_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "okr/actions.h"
#include "okr/config.h"

#define KEYMAP_SPECIAL 0x1000000      /* above every Unicode code point */
#define KEYMAP_KEY(curses_key) ((curses_key) + KEYMAP_SPECIAL)
#define KEYMAP_MAX_BINDINGS 256
#define KEYMAP_NAME_MAX 16            /* enough for any name from keymap_key_name */

/* The special keys that have names, as ncurses numbers them (KEY_DOWN is
 * 0402 and so on), already flagged with KEYMAP_SPECIAL. */
#define KEYMAP_K_DOWN      KEYMAP_KEY(0402)
#define KEYMAP_K_UP        KEYMAP_KEY(0403)
#define KEYMAP_K_LEFT      KEYMAP_KEY(0404)
#define KEYMAP_K_RIGHT     KEYMAP_KEY(0405)
#define KEYMAP_K_HOME      KEYMAP_KEY(0406)
#define KEYMAP_K_BACKSPACE KEYMAP_KEY(0407)
#define KEYMAP_K_F(n)      KEYMAP_KEY(0410 + (n))
#define KEYMAP_K_DC        KEYMAP_KEY(0512)
#define KEYMAP_K_IC        KEYMAP_KEY(0513)
#define KEYMAP_K_NPAGE     KEYMAP_KEY(0522)
#define KEYMAP_K_PPAGE     KEYMAP_KEY(0523)
#define KEYMAP_K_ENTER     KEYMAP_KEY(0527)
#define KEYMAP_K_BTAB      KEYMAP_KEY(0541)
#define KEYMAP_K_END       KEYMAP_KEY(0550)

typedef struct {
	int key;
	okr_action action;
} keymap_binding;

/* Bindings in the order they were made, so the help screen lists an
 * action's keys in the order the user (or the default) wrote them. */
typedef struct {
	keymap_binding b[KEYMAP_MAX_BINDINGS];
	size_t n;
} keymap;

/* The key code for a name, or -1 if it is not a key name. */
int keymap_parse_key(const char *name);

/* The canonical name of a key code, written into buf (len >= KEYMAP_NAME_MAX
 * always suffices); unknown codes are shown as <0x...>. Returns buf. */
const char *keymap_key_name(int key, char *buf, size_t len);

/* The default bindings of every action. */
void keymap_init(keymap *m);

/*
 * Bind action to keys (space-separated names; "" leaves the action unbound),
 * replacing the action's previous keys. A key that another action of the
 * same screen (scope) had moves to this one. On an error (unknown action, bad key name, too many bindings)
 * nothing changes and err gets a message saying what to write instead.
 */
bool keymap_bind(keymap *m, const char *action, const char *keys, char *err, size_t len);

/*
 * Apply okr.conf's bindings (one key per entry, as the config reader splits
 * them): every action the file names gets exactly the keys the file lists for
 * it, in order, so `quit = "q F10";` binds both q and F10. On an error nothing
 * changes, *bad is set to the offending entry and err says what to write.
 */
bool keymap_apply(keymap *m, const okr_binding *b, size_t n, const okr_binding **bad,
                  char *err, size_t len);

/* The action bound to key, or ACT_NONE. '\r' and KEY_ENTER find Enter's
 * action, 127 and 8 Backspace's, unless they are bound themselves. */
okr_action keymap_lookup(const keymap *m, int key);
/* The same in screen sc's keymap, then (fallback) in the generic MAIN one:
 * a key the review binds is the review's there, any other is the main
 * screen's.  A form does not fall back: its other keys are typed text. */
okr_action keymap_lookup_in(const keymap *m, okr_scope sc, bool fallback, int key);

/* The keys of action a for the help screen, e.g. "j, Down" ("" if none).
 * Cut at a whole name if buf is too small. Returns buf. */
const char *keymap_keys_for(const keymap *m, okr_action a, char *buf, size_t len);

/* ---- curses side (src/ui/keymap_curses.c) ---- */

/* A key code from get_wch(): rc is its return value (KEY_CODE_YES for a
 * special key, OK for a character), ch what it stored. -1 for ERR. */
int keymap_key_from_wch(int rc, uint32_t ch);

#endif
