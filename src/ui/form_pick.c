/*
 * form_pick.c — the fields that name someone or something: a person (by
 * login, @login or display name), a team, a weight.  Matched as typed
 * against the snapshot: one match is shown beside the field and is what
 * will be saved; none or several is an error that says which, so the form
 * cannot be saved with a name the store would refuse.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_int.h"
#include "views.h"
#include "okr/fold.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/util.h"

/* Names are matched folded (fold.h), as the `/` search and the commands
 * match them: "nguyen" finds "Nguyễn Thị Lan", "cong ty" the team "Công ty". */
static bool starts(const char *s, const char *prefix)
{
	return okr_fold_starts(s, prefix);
}

/* The person text stands for: an exact login or name first, else the one
 * whose login or name begins with it.  *count: how many begin with it. */
static const okr_person *person_of(const okr_snapshot *s, const char *text, size_t *count)
{
	if (*text == '@')
		text++;
	const okr_person *hit = NULL;
	*count = 0;
	for (size_t i = 0; i < s->npeople; i++) {
		const okr_person *p = &s->people[i];
		if (!strcmp(p->login, text) || okr_fold_equal(p->name, text)) {
			*count = 1;
			return p;
		}
		if (starts(p->login, text) || starts(p->name, text)) {
			hit = p;
			(*count)++;
		}
	}
	return *count == 1 ? hit : NULL;
}

static const okr_team *team_of(const okr_snapshot *s, const char *text, size_t *count)
{
	const okr_team *hit = NULL;
	*count = 0;
	for (size_t i = 0; i < s->nteams; i++) {
		if (okr_fold_equal(s->teams[i].name, text)) {
			*count = 1;
			return &s->teams[i];
		}
		if (starts(s->teams[i].name, text)) {
			hit = &s->teams[i];
			(*count)++;
		}
	}
	return *count == 1 ? hit : NULL;
}

const char *form_pick_person(const okr_snapshot *s, const char *text)
{
	size_t n;
	text += strspn(text, " ");
	if (!*text)
		return "";
	const okr_person *p = person_of(s, text, &n);
	return p ? p->login : NULL;
}

const char *form_pick_team(const okr_snapshot *s, const char *text)
{
	size_t n;
	text += strspn(text, " ");
	if (!*text)
		return "";
	const okr_team *t = team_of(s, text, &n);
	return t ? t->name : NULL;
}

/* "2 match: @lan, @hoa — type more": the first few of several. */
static void matches(const okr_snapshot *s, field_type t, const char *text, size_t n, char *buf, size_t len)
{
	char names[100] = "";
	size_t used = 0, shown = 0;
	const char *who = *text == '@' ? text + 1 : text;
	size_t count = t == FIELD_PERSON ? s->npeople : s->nteams;
	for (size_t i = 0; i < count && shown < 3; i++) {
		const char *a = t == FIELD_PERSON ? s->people[i].login : s->teams[i].name;
		const char *b = t == FIELD_PERSON ? s->people[i].name : a;
		if (!starts(a, who) && !starts(b, who))
			continue;
		int k = snprintf(names + used, sizeof names - used, "%s%s%s", shown ? ", " : "",
				 t == FIELD_PERSON ? "@" : "", a);
		if (k < 0 || (size_t)k >= sizeof names - used)
			break;
		used += (size_t)k;
		shown++;
	}
	snprintf(buf, len, ngettext("%zu match: %s%s — type more of it", "%zu match: %s%s — type more of it", n), n,
		 names, n > shown ? ", …" : "");
}

static const okr_kpi *kpi_of(const okr_snapshot *s, const char *text, size_t *count)
{
	int64_t id;
	const okr_kpi *hit = NULL;
	*count = 0;
	bool by_id = okr_parse_id(text, &id) == ID_KPI;
	for (size_t i = 0; i < s->nkpis; i++) {
		if (by_id ? s->kpis[i].id == id : okr_fold_equal(s->kpis[i].name, text)) {
			*count = 1;
			return &s->kpis[i];
		}
		if (!by_id && starts(s->kpis[i].name, text)) {
			hit = &s->kpis[i];
			(*count)++;
		}
	}
	return *count == 1 ? hit : NULL;
}

int64_t form_pick_kpi(const okr_snapshot *s, const char *text)
{
	size_t n;
	text += strspn(text, " ");
	const okr_kpi *k = *text ? kpi_of(s, text, &n) : NULL;
	return k ? k->id : 0;
}

/* An objective by ID (O3, of this cycle or not: the store checks) or by
 * the start of a title of this cycle. */
static int64_t objective_of(const okr_snapshot *s, const char *text, size_t *count, const char **title)
{
	int64_t id, hit = 0;
	*count = 0;
	*title = NULL;
	if (okr_parse_id(text, &id) == ID_OBJECTIVE) {
		*count = 1;
		long i = okr_snapshot_objective_index(s, id);
		*title = i >= 0 ? s->objs[i].title : "";
		return id;
	}
	for (size_t i = 0; i < s->nobjs; i++)
		if (starts(s->objs[i].title, text)) {
			hit = s->objs[i].id;
			*title = s->objs[i].title;
			(*count)++;
		}
	return *count == 1 ? hit : 0;
}

int64_t form_pick_objective(const okr_snapshot *s, const char *text)
{
	size_t n;
	const char *title;
	text += strspn(text, " ");
	return *text ? objective_of(s, text, &n, &title) : 0;
}

/* A due date or a KPI, as typed. */
static void check_other(const ui_form *fm, field *f, const char *text)
{
	okr_day d;
	size_t n;
	if (f->type == FIELD_DATE) {
		if (!okr_parse_date(text, &d))
			snprintf(f->error, sizeof f->error, "%s", _("a date as YYYY-MM-DD, e.g. 2026-12-15, or empty"));
		return;
	}
	const okr_kpi *k = kpi_of(fm->snap, text, &n);
	char id[24];
	if (k)
		snprintf(f->hint_copy, sizeof f->hint_copy, "→ %s %s", okr_format_id(ID_KPI, k->id, id, sizeof id),
			 k->name);
	else if (!n)
		snprintf(f->error, sizeof f->error, "%s", _("no KPI has that ID or a name that begins so"));
	else
		snprintf(f->error, sizeof f->error, ngettext("%zu match — type more of its name",
							     "%zu match — type more of its name", n), n);
}

void form_pick_check(const ui_form *fm, field *f, const char *text)
{
	size_t n = 0;
	if (f->type == FIELD_DATE) {   /* a date keeps its hint: there is no match to show */
		check_other(fm, f, text);
		return;
	}
	f->hint = f->hint_copy;
	f->hint_copy[0] = '\0';
	if (f->type == FIELD_KPI) {
		check_other(fm, f, text);
		return;
	}
	if (f->type == FIELD_OBJECTIVE_ID) {
		const char *title;
		int64_t id = objective_of(fm->snap, text, &n, &title);
		char ref[24];
		if (id)
			snprintf(f->hint_copy, sizeof f->hint_copy, "→ %s %s",
				 okr_format_id(ID_OBJECTIVE, id, ref, sizeof ref), title);
		else if (n)
			snprintf(f->error, sizeof f->error, ngettext("%zu title begins so — type more, or an ID such as O3",
								     "%zu titles begin so — type more, or an ID such as O3",
								     n), n);
		else
			snprintf(f->error, sizeof f->error, "%s",
				 _("an objective ID such as O3 or the start of a title, or empty"));
		return;
	}
	if (f->type == FIELD_WEIGHT) {
		double w;
		if (!okr_parse_number(text, &w) || !(w > 0))
			snprintf(f->error, sizeof f->error, "%s", _("a weight above 0, such as 1 or 2.5"));
		return;
	}
	if (f->type == FIELD_PERSON) {
		const okr_person *p = person_of(fm->snap, text, &n);
		if (p)
			snprintf(f->hint_copy, sizeof f->hint_copy, "→ @%s %s", p->login, p->name);
	} else {
		const okr_team *t = team_of(fm->snap, text, &n);
		if (t)
			snprintf(f->hint_copy, sizeof f->hint_copy, "→ %s", t->name);
	}
	if (n == 0 && f->new_ok)
		snprintf(f->hint_copy, sizeof f->hint_copy, "%s", _("a new team: it is made when you save"));
	else if (n == 0)
		snprintf(f->error, sizeof f->error, f->type == FIELD_PERSON
			 ? _("nobody's login or name begins so — type a login, @login or a name")
			 : _("no team's name begins so — type a team's name, or leave it empty"));
	else if (n > 1)
		matches(fm->snap, f->type, text, n, f->error, sizeof f->error);
}

/* ---- the list to pick from (form-pick): a screen over the form ---- */

typedef struct {
	ui_screen base;
	ui_form *fm;             /* the form beneath, which outlives this list */
	int field;
	char typed[256];         /* what the field held when the list opened */
	bool all;                /* nothing began so: everything is listed */
	char **label, **value;
	size_t n, cap, sel;
	int top;
} pick_screen;

enum { PICK_ROWS = 12, PICK_W = 64 };

bool form_pick_field(const field *f)
{
	return f->type == FIELD_PERSON || f->type == FIELD_TEAM || f->type == FIELD_KPI ||
	       f->type == FIELD_OBJECTIVE_ID;
}

static void pick_free_items(pick_screen *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->label[i]);
		free(p->value[i]);
	}
	p->n = 0;
}

static void pick_add(pick_screen *p, const char *label, const char *value)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 16;
		p->label = okr_xrealloc(p->label, p->cap * sizeof *p->label);
		p->value = okr_xrealloc(p->value, p->cap * sizeof *p->value);
	}
	p->label[p->n] = okr_xstrdup(label);
	p->value[p->n++] = okr_xstrdup(value);
}

/* "KPI3  Monthly active users", picked as KPI3. */
static void pick_add_id(pick_screen *p, okr_id_kind kind, int64_t id, const char *name)
{
	char ref[24], label[600];
	okr_format_id(kind, id, ref, sizeof ref);
	snprintf(label, sizeof label, "%s  %s", ref, name);
	pick_add(p, label, ref);
}

/* Everything of the field's kind whose name begins with what was typed
 * (folded, as the matching above), copied: a reload frees the snapshot. */
static void pick_collect(pick_screen *p, const char *who)
{
	const okr_snapshot *s = p->fm->snap;
	char label[600];
	switch (p->fm->f[p->field].type) {
	case FIELD_PERSON:
		for (size_t i = 0; i < s->npeople; i++)
			if (starts(s->people[i].login, who) || starts(s->people[i].name, who)) {
				snprintf(label, sizeof label, "@%s  %s", s->people[i].login, s->people[i].name);
				pick_add(p, label, s->people[i].login);
			}
		break;
	case FIELD_TEAM:
		for (size_t i = 0; i < s->nteams; i++)
			if (starts(s->teams[i].name, who))
				pick_add(p, s->teams[i].name, s->teams[i].name);
		break;
	case FIELD_KPI:
		for (size_t i = 0; i < s->nkpis; i++)
			if (starts(s->kpis[i].name, who))
				pick_add_id(p, ID_KPI, s->kpis[i].id, s->kpis[i].name);
		break;
	default:
		for (size_t i = 0; i < s->nobjs; i++)
			if (starts(s->objs[i].title, who))
				pick_add_id(p, ID_OBJECTIVE, s->objs[i].id, s->objs[i].title);
		break;
	}
}

static void pick_build(pick_screen *p)
{
	pick_free_items(p);
	const char *who = p->typed + strspn(p->typed, " ");
	if (*who == '@' && p->fm->f[p->field].type == FIELD_PERSON)
		who++;
	pick_collect(p, who);
	p->all = !p->n && *who;
	if (p->all)
		pick_collect(p, "");
	if (p->sel >= p->n)
		p->sel = p->n ? p->n - 1 : 0;
}

static unsigned pick_choose(ui *u, pick_screen *p)
{
	ui_form *fm = p->fm;
	if (p->n) {
		editor_set(&fm->f[p->field].ed, p->value[p->sel]);
		fm->f[p->field].first = 0;
		fm->error[0] = '\0';
		form_validate(fm);
	}
	return screen_close(u, &p->base);
}

static unsigned pick_key(ui *u, ui_screen *s, int key, okr_action a)
{
	pick_screen *p = (pick_screen *)s;
	(void)key;
	long to = views_list_move(a, (long)p->sel, (long)p->n);
	if (to >= 0) {
		p->sel = (size_t)to;
		return DIRTY_OVERLAY;
	}
	if (a == ACT_PICK_CHOOSE)
		return pick_choose(u, p);
	if (a == ACT_PICK_CANCEL || a == ACT_CLOSE)
		return screen_close(u, s);
	if (a == ACT_HELP)
		return help_open(u);
	return 0;
}

/* A click selects, a double click picks, the wheel moves. */
static unsigned pick_mouse(ui *u, ui_screen *s, int button, int x, int y, bool dbl)
{
	pick_screen *p = (pick_screen *)s;
	if (button == 64 || button == 65)
		return pick_key(u, s, 0, button == 65 ? ACT_DOWN : ACT_UP);
	if (button != 0 || !mouse_in_window(s->win, &y, &x) || y < 1)
		return 0;
	size_t i = (size_t)(p->top + y - 1);
	if (i >= p->n || y > getmaxy(s->win) - 3)
		return 0;
	p->sel = i;
	return dbl ? pick_choose(u, p) : DIRTY_OVERLAY;
}

static void pick_size(ui *u, ui_screen *s, int *h, int *w)
{
	const pick_screen *p = (const pick_screen *)s;
	(void)u;
	int rows = p->n < PICK_ROWS ? (int)p->n : PICK_ROWS;
	*h = (rows ? rows : 1) + 3;
	*w = PICK_W;
}

static void pick_draw(ui *u, ui_screen *s)
{
	pick_screen *p = (pick_screen *)s;
	WINDOW *w = s->win;
	int h = getmaxy(w), wd = getmaxx(w), rows = h - 3;
	char title[160], choose[64], cancel[64], hint[256];
	snprintf(title, sizeof title, _(" %s — pick one "), p->fm->f[p->field].label);
	draw_frame(u, w, title, THEME_HELP_SECTION);
	if (!p->n)
		draw_text(u, w, 1, 2, _("nothing to pick here yet"), wd - 4, THEME_DIM, TEXT_ALIGN_LEFT);
	if ((int)p->sel < p->top)
		p->top = (int)p->sel;
	if ((int)p->sel >= p->top + rows)
		p->top = (int)p->sel - rows + 1;
	for (int y = 0; y < rows && (size_t)(p->top + y) < p->n; y++) {
		draw_text(u, w, y + 1, 2, p->label[p->top + y], wd - 4, THEME_NORMAL, TEXT_ALIGN_LEFT);
		if ((size_t)(p->top + y) == p->sel)
			draw_cells_attr(u, w, y + 1, 1, wd - 2, THEME_SELECTED, 0);
	}
	statusbar_keys(u, ACT_PICK_CHOOSE, 1, choose, sizeof choose);
	statusbar_keys(u, ACT_PICK_CANCEL, 1, cancel, sizeof cancel);
	if (p->all)
		snprintf(hint, sizeof hint, _("nothing begins so, all shown · %s picks · %s closes"), choose, cancel);
	else
		snprintf(hint, sizeof hint, _("%s picks · %s closes"), choose, cancel);
	draw_text(u, w, h - 2, 2, hint, wd - 4, THEME_FORM_HINT, TEXT_ALIGN_LEFT);
}

/* A live reload: the list again from the new snapshot, as first typed. */
static void pick_data_changed(ui *u, ui_screen *s, bool live)
{
	(void)u, (void)live;
	pick_build((pick_screen *)s);
}

static void pick_close(ui *u, ui_screen *s)
{
	pick_screen *p = (pick_screen *)s;
	(void)u;
	pick_free_items(p);
	free(p->label);
	free(p->value);
	free(p);
}

static const okr_action pick_help[] = { ACT_PICK_CHOOSE, ACT_PICK_CANCEL, ACT_DOWN, ACT_UP, ACT_PAGE_DOWN,
					ACT_PAGE_UP, ACT_TOP, ACT_BOTTOM, ACT_NONE };

static const ui_screen_ops pick_ops = {
	.name = "pick",
	.scope = OKR_SCOPE_PICK,
	.modal = true,
	.help = pick_help,
	.key = pick_key,
	.mouse = pick_mouse,
	.size = pick_size,
	.draw = pick_draw,
	.data_changed = pick_data_changed,
	.close = pick_close,
};

unsigned form_pick_open(ui *u, ui_form *fm)
{
	field *f = &fm->f[fm->cur];
	if (!form_pick_field(f))
		return 0;
	pick_screen *p = okr_xcalloc(1, sizeof *p);
	p->base.ops = &pick_ops;
	p->fm = fm;
	p->field = fm->cur;
	char *t = editor_get(&f->ed);
	okr_strlcpy(p->typed, t, sizeof p->typed);
	free(t);
	pick_build(p);
	screen_push(u, &p->base);
	return DIRTY_OVERLAY;
}
