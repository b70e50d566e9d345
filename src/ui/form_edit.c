/*
 * form_edit.c — the keys of a line being edited and how it is drawn, shared
 * by the form fields and the `:` and `/` prompts.  The editing itself is the
 * pure editor module (editor.h); this file only maps keys onto it and draws
 * the part of the line that fits, cluster by cluster.
 */
#include <stdlib.h>

#include "okr/text.h"
#include "okr/util.h"
#include "ui_int.h"

#define CTRL(c) ((c) - 'a' + 1)

bool form_edit_key(editor *e, int key)
{
	switch (key) {
	case KEYMAP_KEY(KEY_BACKSPACE):
	case 127:
	case 8: editor_backspace(e); return true;
	case KEYMAP_KEY(KEY_DC):
	case CTRL('d'): editor_delete(e); return true;
	case KEYMAP_KEY(KEY_LEFT):
	case CTRL('b'): editor_left(e); return true;
	case KEYMAP_KEY(KEY_RIGHT):
	case CTRL('f'): editor_right(e); return true;
	case KEYMAP_KEY(KEY_HOME):
	case CTRL('a'): editor_home(e); return true;
	case KEYMAP_KEY(KEY_END):
	case CTRL('e'): editor_end(e); return true;
	case CTRL('w'): editor_kill_word(e); return true;
	case CTRL('k'): editor_kill_end(e); return true;
	case CTRL('u'): editor_kill_start(e); return true;
	default: break;
	}
	if (key >= ' ' && key < KEYMAP_SPECIAL && key != 127)
		return editor_insert(e, (uint32_t)key), true;
	return false;
}

int form_draw_editor(const ui *u, WINDOW *w, int y, int x, int cols, const editor *e, int *first, theme_slot slot)
{
	if (cols <= 0)
		return 0;
	int cursor = 0;
	editor_view(e, cols, first, &cursor);
	okr_buf b;
	okr_buf_init(&b);
	int used = 0;
	for (size_t i = (size_t)*first; i < e->len; i++) {
		int cw = text_cp_width(e->cp[i]);
		if (cw > 0 && used + cw > cols)
			break;
		used += cw;
		char enc[4];
		okr_buf_addn(&b, enc, text_encode(e->cp[i], enc));
	}
	draw_text(u, w, y, x, b.s, cols, slot, TEXT_ALIGN_LEFT);
	okr_buf_free(&b);
	return cursor;
}
