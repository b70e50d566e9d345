/*
 * help.c — the `?` screen, generated from the action table (actions.h) and
 * the live key map, so it always shows the keys that work now, rebindings
 * from okr.conf included, and the `:` name of every command.
 *
 * It lists the keys of the screen it was opened over first (the review's,
 * or only the few the live board has), then the generic ones, then those of
 * the forms, prompts and confirmations, which cannot show a help of their
 * own because `?` is text there.
 */
#include <stdio.h>
#include <stdlib.h>

#include "okr/i18n.h"
#include "okr/text.h"
#include "okr/util.h"
#include "ui_int.h"

enum { KEYS_W = 16, NAME_W = 15 };

typedef enum { ROW_SECTION, ROW_ACTION, ROW_TEXT, ROW_BLANK } row_kind;

typedef struct {
	row_kind kind;
	okr_action a;
	const char *text;   /* untranslated */
} help_row;

typedef struct {
	ui_screen base;
	const ui_screen_ops *of;   /* the screen it explains */
	help_row *rows;
	int n, top;
	int keys_w;                /* the keys column */
} help_screen;

static const char *const scope_titles[OKR_SCOPE_COUNT] = {
	[OKR_SCOPE_MAIN] = N_("On the main screen"),
	[OKR_SCOPE_REVIEW] = N_("In the review"),
	[OKR_SCOPE_PERSON] = N_("On a person's page"),
	[OKR_SCOPE_FORM] = N_("In a form"),
	[OKR_SCOPE_PICK] = N_("In a form's list to pick from"),
	[OKR_SCOPE_PROMPT] = N_("At the : and / prompts"),
	[OKR_SCOPE_CONFIRM] = N_("When asked to confirm"),
};

static void add(help_screen *h, row_kind kind, okr_action a, const char *text)
{
	h->rows[h->n++] = (help_row){ kind, a, text };
}

static void add_scope(help_screen *h, okr_scope sc, bool title)
{
	if (title)
		add(h, ROW_SECTION, ACT_NONE, scope_titles[sc]);
	for (int a = 0; a < ACT_COUNT; a++)
		if (okr_action_table[a].scope == sc)
			add(h, ROW_ACTION, (okr_action)a, NULL);
}

static void build(help_screen *h)
{
	h->rows = okr_xcalloc(ACT_COUNT + 2 * OKR_SCOPE_COUNT + 4, sizeof *h->rows);
	if (h->of->help) {
		for (const okr_action *a = h->of->help; *a != ACT_NONE; a++)
			add(h, ROW_ACTION, *a, NULL);
		return;
	}
	okr_scope own = h->of->scope;
	if (own != OKR_SCOPE_MAIN)
		add_scope(h, own, true);
	add_scope(h, OKR_SCOPE_MAIN, own != OKR_SCOPE_MAIN);
	add(h, ROW_BLANK, ACT_NONE, NULL);
	add(h, ROW_TEXT, ACT_NONE, N_(":theme NAME  switch theme    :cycle NAME  show another cycle    :q  quit"));
	add(h, ROW_TEXT, ACT_NONE, N_("Keys are set in okr.conf: keys { checkin = \"c\"; }"));
	for (int sc = OKR_SCOPE_REVIEW; sc < OKR_SCOPE_COUNT; sc++)
		if (sc != (int)own) {
			add(h, ROW_BLANK, ACT_NONE, NULL);
			add_scope(h, (okr_scope)sc, true);
		}
}

/* The ":name" column, or none when it would leave the description less
 * than 16 columns (a 40-column terminal): what a key does comes first. */
static int name_cols(int inner, int keys_w)
{
	return inner - 2 - keys_w - NAME_W >= 16 ? NAME_W : 0;
}

/* A short list (the live board's) gets a keys column as wide as its
 * widest keys, so that its words fit a small pane. */
static int keys_width(const ui *u, const help_screen *h)
{
	if (!h->of->help)
		return KEYS_W;
	int w = 4;
	for (int i = 0; i < h->n; i++) {
		char keys[128];
		keymap_keys_for(&u->keys, h->rows[i].a, keys, sizeof keys);
		int kw = text_width(keys) + 2;
		w = kw > w ? kw : w;
	}
	return w < KEYS_W ? w : KEYS_W;
}

static void draw_row(ui *u, WINDOW *w, int y, const help_row *r, int inner, int keys_w)
{
	if (r->kind == ROW_SECTION || r->kind == ROW_TEXT) {
		draw_text(u, w, y, 2, _(r->text), inner - 2, r->kind == ROW_SECTION ? THEME_HELP_SECTION : THEME_DIM,
			  TEXT_ALIGN_LEFT);
		return;
	}
	if (r->kind != ROW_ACTION)
		return;
	const okr_action_info *in = &okr_action_table[r->a];
	char keys[128], name[48] = "";
	keymap_keys_for(&u->keys, r->a, keys, sizeof keys);
	draw_text(u, w, y, 2, keys[0] ? keys : "—", keys_w, THEME_HELP_KEY, TEXT_ALIGN_LEFT);
	if (in->scope == OKR_SCOPE_MAIN)
		snprintf(name, sizeof name, ":%s", in->name);
	int nw = name_cols(inner, keys_w);
	draw_text(u, w, y, 2 + keys_w, name, nw, THEME_DIM, TEXT_ALIGN_LEFT);
	draw_text(u, w, y, 2 + keys_w + nw, _(in->help), inner - 2 - keys_w - nw, THEME_NORMAL, TEXT_ALIGN_LEFT);
}

static void help_draw(ui *u, ui_screen *s)
{
	help_screen *h = (help_screen *)s;
	WINDOW *w = s->win;
	int hh = getmaxy(w), wd = getmaxx(w);
	char title[256];
	if (h->of->help)
		snprintf(title, sizeof title, "%s", _(" Keys — any key closes "));
	else
		snprintf(title, sizeof title, _(" Keys — %s or %s closes, %s/%s scroll "), UI_KEY(u, ACT_CLOSE),
			 UI_KEY(u, ACT_QUIT), UI_KEY(u, ACT_DOWN), UI_KEY(u, ACT_UP));
	draw_frame(u, w, title, THEME_HELP_SECTION);
	int rows = hh - 2;
	if (h->top > h->n - rows)
		h->top = h->n - rows;
	if (h->top < 0)
		h->top = 0;
	for (int y = 1; y <= rows && h->top + y - 1 < h->n; y++)
		draw_row(u, w, y, &h->rows[h->top + y - 1], wd - 2, h->keys_w);
}

static void help_size(ui *u, ui_screen *s, int *h, int *w)
{
	help_screen *hs = (help_screen *)s;
	(void)u;
	if (hs->of->help) {   /* a few keys: a small box, as on the live board */
		*h = hs->n + 2;
		*w = COLS - 4 < 80 ? COLS - 4 : 80;
	}
}

static unsigned help_key(ui *u, ui_screen *s, int key, okr_action a)
{
	help_screen *h = (help_screen *)s;
	if (h->of->help)
		return screen_close(u, s);
	switch (a) {
	case ACT_DOWN: h->top++; return DIRTY_OVERLAY;
	case ACT_UP: h->top--; return DIRTY_OVERLAY;
	case ACT_PAGE_DOWN: h->top += 10; return DIRTY_OVERLAY;
	case ACT_PAGE_UP: h->top -= 10; return DIRTY_OVERLAY;
	case ACT_TOP: h->top = 0; return DIRTY_OVERLAY;
	case ACT_BOTTOM: h->top = h->n; return DIRTY_OVERLAY;
	case ACT_CLOSE:
	case ACT_QUIT:
	case ACT_HELP:
	case ACT_OPEN: return screen_close(u, s);
	default: break;
	}
	(void)key;
	return 0;
}

static void help_close(ui *u, ui_screen *s)
{
	(void)u;
	free(((help_screen *)s)->rows);
	free(s);
}

static const ui_screen_ops help_ops = {
	.name = "help",
	.scope = OKR_SCOPE_MAIN,
	.modal = true,
	.key = help_key,
	.size = help_size,
	.draw = help_draw,
	.close = help_close,
};

unsigned help_open(ui *u)
{
	ui_screen *top = screen_keys_top(u);
	help_screen *h = okr_xcalloc(1, sizeof *h);
	h->base.ops = &help_ops;
	h->of = top ? top->ops : &app_main_ops;
	build(h);
	h->keys_w = keys_width(u, h);
	screen_push(u, &h->base);
	return DIRTY_OVERLAY;
}
