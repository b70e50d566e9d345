/*
 * cmdline_complete.c — Tab on the `:` line: a command name from the action
 * table, then its argument (a cycle's name, a theme, an ID for :log, the
 * item archived here for :unarchive).  One match is filled in; several fill
 * in what they share and are listed beside the prompt until the next key.
 * An unknown command is answered with the nearest name (core/complete.c
 * does the matching).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/complete.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/util.h"
#include "ui_int.h"

enum { SHOW_MAX = 8 };

typedef struct {
	char **v;
	size_t n, cap;
} names;

static void add(names *ns, const char *s)
{
	okr_xgrow(&ns->v, &ns->cap, ns->n + 1, sizeof *ns->v);
	ns->v[ns->n++] = okr_xstrdup(s);
}

static void names_free(names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i]);
	free(ns->v);
}

/* The words that may follow cmd; false when cmd takes none. */
static bool args_of(ui *u, const char *cmd, names *ns)
{
	const okr_snapshot *s = &u->d.snap;
	char id[24];
	if (!strcmp(cmd, "cycle")) {
		for (size_t i = 0; i < s->ncycles; i++)
			add(ns, s->cycles[i].name);
	} else if (!strcmp(cmd, "theme")) {
		char **t = theme_list(NULL);
		for (size_t i = 0; t && t[i]; i++)
			add(ns, t[i]);
		theme_list_free(t);
	} else if (!strcmp(cmd, "unarchive")) {
		/* The snapshot holds no archived item: offer the one archived here. */
		char kind;
		int64_t aid;
		if (archive_last(u, &kind, &aid))
			add(ns, okr_format_id(kind == 'O' ? ID_OBJECTIVE : ID_KR, aid, id, sizeof id));
	} else if (!strcmp(cmd, "log")) {
		for (size_t i = 0; i < s->nobjs; i++)
			add(ns, okr_format_id(ID_OBJECTIVE, s->objs[i].id, id, sizeof id));
		for (size_t i = 0; i < s->nkrs; i++)
			add(ns, okr_format_id(ID_KR, s->krs[i].id, id, sizeof id));
		for (size_t i = 0; i < s->nkpis; i++)
			add(ns, okr_format_id(ID_KPI, s->kpis[i].id, id, sizeof id));
	} else {
		return false;
	}
	return true;
}

static void commands(names *ns)
{
	for (int i = 0; i < ACT_COUNT; i++)
		if (okr_action_table[i].scope == OKR_SCOPE_MAIN)
			add(ns, okr_action_table[i].name);
}

/* Complete word (the part after `head`) among ns; writes the new line. */
typedef struct {
	editor *e;
	char *shown;
	size_t len;
} target;

static void complete_in(const target *t, const names *ns, const char *head, const char *word, bool space)
{
	char *shown = t->shown;
	size_t cap = t->len;
	char common[256];
	size_t at[SHOW_MAX];
	size_t n = okr_complete((const char *const *)ns->v, ns->n, word, common, sizeof common, at, SHOW_MAX);
	if (!n) {
		char *w = text_sanitize(word);
		snprintf(shown, cap, _("nothing starts with '%s'"), w);
		free(w);
		return;
	}
	char line[600];
	snprintf(line, sizeof line, "%s%s%s", head, common, n == 1 && space ? " " : "");
	editor_set(t->e, line);
	if (n == 1)
		return;
	size_t len = 0;
	for (size_t i = 0; i < n && i < SHOW_MAX && len < cap; i++)
		len += (size_t)snprintf(shown + len, len < cap ? cap - len : 0, "%s%s", i ? "  " : "", ns->v[at[i]]);
	if (n > SHOW_MAX && len < cap)
		snprintf(shown + len, cap - len, _("  … %zu in all"), n);
}

unsigned cmdline_complete(ui *u, editor *e, char *shown, size_t cap)
{
	char *text = editor_get(e);
	char *sp = strchr(text, ' ');
	names ns = { 0 };
	target t = { e, shown, cap };
	shown[0] = '\0';
	if (!sp) {
		commands(&ns);
		names args = { 0 };
		bool takes = false;
		char common[256];
		if (okr_complete((const char *const *)ns.v, ns.n, text, common, sizeof common, NULL, 0) == 1)
			takes = args_of(u, common, &args);
		names_free(&args);
		complete_in(&t, &ns, "", text, takes);
	} else {
		*sp = '\0';
		const char *word = sp + 1 + strspn(sp + 1, " ");
		char head[300];
		snprintf(head, sizeof head, "%s ", text);
		if (args_of(u, text, &ns))
			complete_in(&t, &ns, head, word, false);
		else
			snprintf(shown, cap, _(":%s takes nothing after it"), text);
	}
	names_free(&ns);
	free(text);
	return DIRTY_FOOTER;
}

const char *cmdline_suggest(const char *word)
{
	const char *v[ACT_COUNT];
	size_t n = 0;
	for (int i = 0; i < ACT_COUNT; i++)
		if (okr_action_table[i].scope == OKR_SCOPE_MAIN)
			v[n++] = okr_action_table[i].name;
	return okr_nearest(v, n, word, strlen(word) > 4 ? 2 : 1);
}
