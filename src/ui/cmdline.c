/*
 * cmdline.c — the prompts on the footer line and the cycle list.
 *
 *   `:`  every action by its name in actions.h, plus `:theme NAME`,
 *        `:cycle NAME` and `:q`;
 *   `/`  search titles of objectives and key results as you type
 *        (folded by okr_fold: case, accents, NFC — "khach" finds
 *        "khách hàng"), then n / N;
 *   the cycle switcher (action `cycle`), a small list over the panes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/fold.h"
#include "okr/i18n.h"
#include "okr/text.h"
#include "okr/util.h"
#include "okr/parse.h"
#include "ui_int.h"
#include "views.h"

/* The prompt on the footer line: what is typed, and the selection before a
 * search began (Esc goes back to it). */
typedef struct {
	ui_screen base;
	ui_prompt kind;
	editor e;
	int first;
	int64_t search_obj, search_kr;
	char shown[512];   /* Tab's candidates, beside the prompt until the next key */
} prompt_screen;

static const ui_screen_ops prompt_ops;

typedef struct {
	size_t obj;   /* into snap.objs */
	long kr;      /* into snap.krs, -1: the objective itself */
} hit;

/* Every searchable item in screen order: each objective, then its KRs. */
static hit *items(ui *u, size_t *n)
{
	const okr_snapshot *s = &u->d.snap;
	hit *v = okr_xmalloc((s->nobjs + s->nkrs + 1) * sizeof *v);
	*n = 0;
	for (size_t i = 0; i < s->nobjs; i++) {
		size_t oi = u->d.order[i];
		v[(*n)++] = (hit){ oi, -1 };
		for (size_t k = 0; k < s->nkrs; k++)
			if (s->krs[k].objective_id == s->objs[oi].id)
				v[(*n)++] = (hit){ oi, (long)k };
	}
	return v;
}

/* Show the item: open its collapsed ancestors, select it, focus its pane. */
static unsigned reveal(ui *u, hit h)
{
	const okr_snapshot *s = &u->d.snap;
	int64_t pid = s->objs[h.obj].parent_id;
	for (int guard = 0; pid && guard < 1000; guard++) {
		if (data_is_collapsed(u, pid))
			data_toggle_collapsed(u, pid);
		long pi = okr_snapshot_objective_index(s, pid);
		pid = pi >= 0 ? s->objs[pi].parent_id : 0;
	}
	u->d.obj_id = s->objs[h.obj].id;
	u->d.kr_id = h.kr >= 0 ? s->krs[h.kr].id : 0;
	data_rebuild_rows(u);
	unsigned dirty = DIRTY_PANES | DIRTY_FOOTER;
	/* From the board (or a person's card, in its slot) the key result
	 * pane may not be on screen at all: go to it, as from the tree. */
	if (h.kr >= 0 && (u->focus == PANE_OBJECTIVES || u->focus == PANE_BOARD))
		dirty |= layout_focus(u, PANE_KRS);
	else if (h.kr < 0)
		u->focus = PANE_OBJECTIVES;
	return dirty;
}

/* Find the next match from the given selection (inclusive unless next). */
static unsigned search_from(ui *u, const char *needle, int64_t obj_id, int64_t kr_id, int dir, bool next)
{
	size_t n;
	hit *v = items(u, &n);
	const okr_snapshot *s = &u->d.snap;
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		bool is_kr = v[i].kr >= 0;
		if (s->objs[v[i].obj].id == obj_id && (kr_id ? is_kr && s->krs[v[i].kr].id == kr_id : !is_kr))
			at = i;
	}
	unsigned dirty = 0;
	bool found = false;
	char *folded = okr_fold(needle);
	for (size_t step = next ? 1 : 0; step <= n && n; step++) {
		long li = ((long)at + (long)step * dir) % (long)n;
		size_t i = (size_t)(li < 0 ? li + (long)n : li);
		const char *title = v[i].kr >= 0 ? s->krs[v[i].kr].title : s->objs[v[i].obj].title;
		bool hidden = !data_shown(u, &s->objs[v[i].obj]);
		if (!hidden && okr_fold_contains_folded(title, folded)) {
			dirty = reveal(u, v[i]);
			found = true;
			break;
		}
	}
	free(v);
	free(folded);
	if (!found)
		app_message(u, true, _("no match for '%s'"), needle);
	return dirty | DIRTY_FOOTER;
}

unsigned cmdline_search_step(ui *u, int dir, bool next)
{
	if (!u->search[0]) {
		app_message(u, false, _("no search yet — press %s to search"), UI_KEY(u, ACT_SEARCH));
		return DIRTY_FOOTER;
	}
	int64_t kr = u->focus == PANE_OBJECTIVES ? 0 : u->d.kr_id;
	return search_from(u, u->search, u->d.obj_id, kr, dir, next);
}

unsigned cmdline_switch_cycle(ui *u, int64_t cycle_id)
{
	u->cycle_id = cycle_id;
	u->d.obj_id = u->d.kr_id = 0;
	u->d.ncollapsed = 0;
	u->focus = PANE_OBJECTIVES;
	data_load(u, false);
	return DIRTY_ALL;
}

/* :cycle NAME with no such cycle: the cycles there are, to pick from. */
static unsigned no_such_cycle(ui *u, const char *name)
{
	char *shown = text_sanitize(name);
	if (!u->d.snap.ncycles) {
		app_message(u, true, _("no cycle '%s': there is no cycle yet"), shown);
		free(shown);
		return DIRTY_FOOTER;
	}
	app_message(u, true, ngettext("no cycle '%s' — there is %zu: pick it with Enter",
				      "no cycle '%s' — there are %zu: pick one with Enter", u->d.snap.ncycles),
		    shown, u->d.snap.ncycles);
	free(shown);
	return app_action(u, ACT_CYCLE) | DIRTY_FOOTER;
}

/* :log — everything; :log O3, K12, KPI2 — one item. */
static unsigned log_command(ui *u, const char *arg)
{
	if (!*arg)
		return view_log_open(u, 0, 0);
	int64_t id;
	okr_id_kind k = okr_parse_id(arg, &id);
	if (k == ID_NONE) {
		char *shown = text_sanitize(arg);
		app_message(u, true, _("':log %s' — give an ID such as O3, K12 or KPI2, or nothing for every change"),
			    shown);
		free(shown);
		return DIRTY_FOOTER;
	}
	return view_log_open(u, k == ID_OBJECTIVE ? 'O' : k == ID_KR ? 'K' : 'P', id);
}

unsigned cmdline_run(ui *u, const char *line)
{
	char cmd[256];
	okr_strlcpy(cmd, line, sizeof cmd);
	char *word = cmd + strspn(cmd, " ");
	char *arg = word + strcspn(word, " ");
	if (*arg)
		*arg++ = '\0';
	arg += strspn(arg, " ");
	for (char *e = arg + strlen(arg); e > arg && e[-1] == ' '; e--)
		e[-1] = '\0';
	if (!*word)
		return 0;
	if (!strcmp(word, "q") || !strcmp(word, "q!") || !strcmp(word, "quit")) {
		u->quit = true;
		return 0;
	}
	if (!strcmp(word, "theme") && *arg)
		return app_set_theme(u, arg);
	if (!strcmp(word, "cycle") && *arg) {
		okr_cycle c;
		if (okr_store_cycle_by_name(u->store, arg, &c) != OKR_OK)
			return no_such_cycle(u, arg);
		unsigned d = cmdline_switch_cycle(u, c.id);
		okr_cycle_free(&c);
		return d;
	}
	if (!strcmp(word, "log"))
		return log_command(u, arg);
	if (!strcmp(word, "unarchive") && *arg)
		return archive_unarchive_command(u, arg);
	okr_action a = okr_action_by_name(word);
	if (a != ACT_NONE && okr_action_table[a].scope != OKR_SCOPE_MAIN)
		a = ACT_NONE;   /* a screen's own key, not a command */
	if (a == ACT_NONE) {
		const char *near = cmdline_suggest(word);
		char *w = text_sanitize(word);
		if (near)
			app_message(u, true, _("unknown command ':%s' — did you mean :%s?  (%s completes, %s lists them)"),
				    w, near, UI_KEY(u, ACT_PROMPT_COMPLETE), UI_KEY(u, ACT_HELP));
		else
			app_message(u, true, _("unknown command ':%s' — %s completes a name, %s lists them"), w,
				    UI_KEY(u, ACT_PROMPT_COMPLETE), UI_KEY(u, ACT_HELP));
		free(w);
		return DIRTY_FOOTER;
	}
	if (a == ACT_THEME && *arg)
		return app_set_theme(u, arg);
	return app_action(u, a);
}

/* Enter: the prompt closes first, so that what the command opens (a form,
 * the cycle list) goes on top of the panes, not under the prompt. */
static unsigned accept(ui *u, prompt_screen *p)
{
	char *text = editor_get(&p->e);
	ui_prompt kind = p->kind;
	unsigned d = screen_close(u, &p->base) | DIRTY_FOOTER;
	if (kind == PROMPT_COMMAND)
		d |= cmdline_run(u, text);
	else if (text[0])
		okr_strlcpy(u->search, text, sizeof u->search);
	free(text);
	return d;
}

static unsigned prompt_key(ui *u, ui_screen *s, int key, okr_action a)
{
	prompt_screen *p = (prompt_screen *)s;
	if (p->kind == PROMPT_COMMAND && a == ACT_PROMPT_COMPLETE)
		return cmdline_complete(u, &p->e, p->shown, sizeof p->shown);
	p->shown[0] = '\0';
	if (a == ACT_PROMPT_CANCEL) {
		if (p->kind == PROMPT_SEARCH) {
			u->d.obj_id = p->search_obj;
			u->d.kr_id = p->search_kr;
			data_rebuild_rows(u);
		}
		return screen_close(u, s);
	}
	if (a == ACT_PROMPT_ACCEPT)
		return accept(u, p);
	if (!form_edit_key(&p->e, key))
		return 0;
	if (p->kind == PROMPT_SEARCH) {
		char *text = editor_get(&p->e);
		unsigned d = DIRTY_FOOTER;
		if (text[0])
			d |= search_from(u, text, p->search_obj, p->search_kr, 1, false);
		free(text);
		return d;
	}
	return DIRTY_FOOTER;
}

/* The footer line is the prompt's: ":" or "/", what is typed, and Tab's
 * candidates at the right in at most half the line. */
static void prompt_draw(ui *u, ui_screen *s)
{
	prompt_screen *p = (prompt_screen *)s;
	WINDOW *w = u->footer;
	if (!w || !(u->dirty & DIRTY_FOOTER))
		return;
	int width = getmaxx(w);
	wbkgdset(w, ' ' | (chtype)theme_attr(u->paint, THEME_NORMAL));
	werase(w);
	leaveok(w, FALSE);
	draw_text(u, w, 0, 0, p->kind == PROMPT_COMMAND ? ":" : "/", 1, THEME_MESSAGE, TEXT_ALIGN_LEFT);
	int hw = p->shown[0] ? text_width(p->shown) + 2 : 0;
	if (hw > width / 2)
		hw = width / 2;
	if (hw > 2)
		draw_text(u, w, 0, width - hw + 2, p->shown, hw - 2, THEME_DIM, TEXT_ALIGN_LEFT);
	int cx = form_draw_editor(u, w, 0, 1, width - 1 - hw, &p->e, &p->first, THEME_NORMAL);
	wmove(w, 0, 1 + cx < width ? 1 + cx : width - 1);
	wnoutrefresh(w);
}

/* The footer window is refreshed last, so that the cursor is its. */
static bool prompt_cursor(ui *u, ui_screen *s)
{
	(void)s;
	if (u->footer)
		wnoutrefresh(u->footer);
	return true;
}

static void prompt_close(ui *u, ui_screen *s)
{
	(void)u;
	editor_free(&((prompt_screen *)s)->e);
	free(s);
}

static const ui_screen_ops prompt_ops = {
	.name = "prompt",
	.scope = OKR_SCOPE_PROMPT,
	.own_keys_only = true,
	.modal = true,
	.covers = UI_COVER_FOOTER,
	.key = prompt_key,
	.draw = prompt_draw,
	.cursor = prompt_cursor,
	.close = prompt_close,
};

unsigned cmdline_open(ui *u, ui_prompt kind)
{
	prompt_screen *p = okr_xcalloc(1, sizeof *p);
	p->base.ops = &prompt_ops;
	p->kind = kind;
	editor_init(&p->e, 200);
	p->search_obj = u->d.obj_id;
	p->search_kr = u->focus == PANE_OBJECTIVES ? 0 : u->d.kr_id;
	screen_push(u, &p->base);
	return DIRTY_FOOTER;
}

ui_prompt cmdline_open_kind(const ui *u)
{
	const prompt_screen *p = (const prompt_screen *)screen_find(u, &prompt_ops);
	return p ? p->kind : PROMPT_NONE;
}

