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

unsigned cmdline_open(ui *u, ui_prompt kind)
{
	u->prompt = kind;
	cmdline_completions_clear();
	editor_set(&u->pe, "");
	u->pe_first = 0;
	u->search_obj = u->d.obj_id;
	u->search_kr = u->focus == PANE_OBJECTIVES ? 0 : u->d.kr_id;
	return DIRTY_FOOTER;
}

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
		app_message(u, false, _("no search yet — press / to search"));
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
	if (a == ACT_NONE) {
		const char *near = cmdline_suggest(word);
		char *w = text_sanitize(word);
		if (near)
			app_message(u, true, _("unknown command ':%s' — did you mean :%s?  (Tab completes, ? lists them)"),
				    w, near);
		else
			app_message(u, true, _("unknown command ':%s' — Tab completes a name, ? lists them"), w);
		free(w);
		return DIRTY_FOOTER;
	}
	if (a == ACT_THEME && *arg)
		return app_set_theme(u, arg);
	return app_action(u, a);
}

unsigned cmdline_key(ui *u, int key)
{
	ui_prompt kind = u->prompt;
	if (kind == PROMPT_COMMAND && key == '\t')
		return cmdline_complete(u);
	cmdline_completions_clear();
	if (key == 27) {
		u->prompt = PROMPT_NONE;
		if (kind == PROMPT_SEARCH) {
			u->d.obj_id = u->search_obj;
			u->d.kr_id = u->search_kr;
			data_rebuild_rows(u);
			return DIRTY_ALL;
		}
		return DIRTY_FOOTER;
	}
	if (key == '\n' || key == '\r' || key == KEYMAP_KEY(KEY_ENTER)) {
		char *text = editor_get(&u->pe);
		u->prompt = PROMPT_NONE;
		unsigned d = DIRTY_FOOTER;
		if (kind == PROMPT_COMMAND)
			d |= cmdline_run(u, text);
		else if (text[0])
			okr_strlcpy(u->search, text, sizeof u->search);
		free(text);
		return d;
	}
	if (!form_edit_key(&u->pe, key))
		return 0;
	if (kind == PROMPT_SEARCH) {
		char *text = editor_get(&u->pe);
		unsigned d = DIRTY_FOOTER;
		if (text[0])
			d |= search_from(u, text, u->search_obj, u->search_kr, 1, false);
		free(text);
		return d;
	}
	return DIRTY_FOOTER;
}

void cmdline_draw_cycles(ui *u, WINDOW *w, int h, int wd)
{
	draw_set(w, THEME_BORDER_FOCUS);
	box(w, 0, 0);
	const char *title = _(" Cycle — Enter picks · a add · e edit · Esc closes ");
	int tw = text_width(title);
	draw_text(w, 0, 2, title, tw < wd - 4 ? tw : wd - 4, THEME_HELP_SECTION, TEXT_ALIGN_LEFT);
	if (!u->d.snap.ncycles)
		draw_text(w, 1, 2, _("No cycle yet — a adds the first one"), wd - 4, THEME_DIM, TEXT_ALIGN_LEFT);
	const okr_snapshot *s = &u->d.snap;
	for (size_t i = 0; i < s->ncycles && (int)i + 1 < h - 1; i++) {
		const okr_cycle *c = &s->cycles[i];
		static const char *const states[] = { N_("planning"), N_("active"), N_("closed") };
		char buf[256], from[11], to[11];
		char *name = text_pad(c->name, 20, TEXT_ALIGN_LEFT);
		okr_format_date(c->start, from);
		okr_format_date(c->end, to);
		snprintf(buf, sizeof buf, "%s %s %s → %s  %s%s", c->id == u->cycle_id ? "•" : " ", name, from, to,
			 _(states[c->state]), c->current ? _(" (current)") : "");
		free(name);
		draw_text(w, (int)i + 1, 1, buf, wd - 2, THEME_NORMAL, TEXT_ALIGN_LEFT);
		if (i == u->cycle_sel)
			mvwchgat(w, (int)i + 1, 1, wd - 2, (attr_t)(theme_attr(THEME_SELECTED) & ~A_COLOR),
				 theme_pair(THEME_SELECTED), NULL);
	}
}

unsigned cmdline_cycles_key(ui *u, int key, okr_action a)
{
	size_t n = u->d.snap.ncycles;
	if (a == ACT_DOWN && u->cycle_sel + 1 < n)
		u->cycle_sel++;
	else if (a == ACT_UP && u->cycle_sel > 0)
		u->cycle_sel--;
	else if (a == ACT_ADD_KR || a == ACT_ADD_OBJECTIVE) {
		u->overlay = OVERLAY_NONE;
		return form_open_cycle(u, NULL) | DIRTY_ALL;
	} else if (a == ACT_EDIT && n) {
		u->overlay = OVERLAY_NONE;
		return form_open_cycle(u, &u->d.snap.cycles[u->cycle_sel]) | DIRTY_ALL;
	} else if (key == '\n' || key == '\r' || a == ACT_OPEN) {
		u->overlay = OVERLAY_NONE;
		return n ? cmdline_switch_cycle(u, u->d.snap.cycles[u->cycle_sel].id) : DIRTY_ALL;
	} else if (key == 27 || a == ACT_QUIT || a == ACT_CYCLE) {
		u->overlay = OVERLAY_NONE;
		return DIRTY_ALL;
	}
	return DIRTY_OVERLAY;
}
