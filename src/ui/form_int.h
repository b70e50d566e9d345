/*
 * form_int.h — the form's fields, shared by form.c (the editor, drawing,
 * saving) and the files that build one kind of form (form_objective.c) or
 * check one kind of field (form_pick.c).
 */
#ifndef OKR_UI_FORM_INT_H
#define OKR_UI_FORM_INT_H

#include "ui_int.h"

typedef enum {
	FIELD_TEXT, FIELD_NUMBER, FIELD_CONFIDENCE, FIELD_OBJECTIVE_ID, FIELD_CHOICE,
	FIELD_PERSON, FIELD_TEAM, FIELD_WEIGHT, FIELD_DATE, FIELD_KPI   /* checked by form_pick_check */
} field_type;

enum { MAX_FIELDS = 10, LABEL_W = 13 };

typedef struct {
	const char *label;
	field_type type;
	bool required, hidden;
	bool new_ok;          /* a team field: a name no team has is a new team, made on save */
	editor ed;
	int first;
	const char *const *choices;
	int nchoices, choice;
	char error[320];
	const char *hint;
	char hint_copy[128];  /* hint text from the snapshot, which a live reload frees */
	char *initial;        /* the value it was opened with: an unchanged field is not saved */
	int initial_choice;
} field;

/* A form is a screen (an overlay on the stack): its base comes first. */
struct ui_form {
	ui_screen base;
	ui_form_kind kind;
	char title[512];
	field f[MAX_FIELDS];
	int n, cur;
	char target;          /* 'O', 'K', 'P' (KPI), 'C' (cycle), 'U' (person) */
	char login[256];      /* the person a person form is about; a setting form's key */
	int64_t id, version;
	int kr_type;
	bool prefilled;       /* check-in or edit of an item that had values */
	char error[1024];
	int cy, cx;           /* where the cursor goes */
	const okr_snapshot *snap;   /* people and teams the pickers match (u->d.snap, kept current) */
};

/* form.c: show fm (okr_xcalloc'd, fields added) as the open form, on top */
unsigned form_show(ui *u, ui_form *fm);
/* Close the open form, if any, saving nothing. */
void form_free(ui *u);
field *form_add_field(ui_form *fm, const char *label, field_type t, bool required, const char *value);
field *form_add_choice(ui_form *fm, const char *label, const char *const *choices, int n, int choice);
char *form_text(ui_form *fm, int i);              /* malloc'd */
bool form_changed(ui_form *fm, int i);            /* differs from what it was opened with */

/* Check every field as typed (its error or hint), as after each key. */
void form_validate(ui_form *fm);
bool form_valid(const ui_form *fm);
int form_visible_count(const ui_form *fm);

/* form_draw.c: the screen's size, draw, cursor and mouse ops */
void form_size(ui *u, ui_screen *s, int *h, int *w);
void form_draw(ui *u, ui_screen *s);
bool form_cursor(ui *u, ui_screen *s);
unsigned form_mouse(ui *u, ui_screen *s, int button, int x, int y, bool dbl);

/* form_pick.c: a person, team or weight field as typed: f->error when it
 * does not resolve, else the match in f->hint */
void form_pick_check(const ui_form *fm, field *f, const char *text);
/* form-pick on the current field: a list of what matches the text typed,
 * a screen over the form; Enter puts the selected one in.  Nothing for a
 * field that names nobody and nothing. */
unsigned form_pick_open(ui *u, ui_form *fm);
bool form_pick_field(const field *f);
/* The login or team name the text stands for ("" for empty); NULL when it
 * matches nobody or several. */
const char *form_pick_person(const okr_snapshot *s, const char *text);
const char *form_pick_team(const okr_snapshot *s, const char *text);
/* The objective text names (O3, or the start of one title); 0: none. */
int64_t form_pick_objective(const okr_snapshot *s, const char *text);
/* The KPI text names (KPI3, or the start of one name); 0: none or empty. */
int64_t form_pick_kpi(const okr_snapshot *s, const char *text);

/* form_objective.c: add and edit an objective with every field */
void form_objective_fields(ui *u, ui_form *fm, const okr_objective *o);
okr_result form_objective_save(ui *u, ui_form *fm, char *done, size_t len);

/* form_kpi.c: a value for a KPI, a new KPI */
okr_result form_kpi_save(ui *u, ui_form *fm, char *done, size_t len);

/* form_kr.c: edit a key result with every field, and its KPI link */
extern const char *const form_kr_frequencies[3];
void form_kr_edit_fields(ui *u, ui_form *fm, const okr_kr *k);
okr_result form_kr_edit_save(ui *u, ui_form *fm, char *done, size_t len);

/* form_cycle.c: add a cycle, change its name and dates */
void form_cycle_check(ui_form *fm);
okr_result form_cycle_save(ui *u, ui_form *fm, char *done, size_t len);

/* form_person.c: add a person; a person's name, role, leaderboard choice */
okr_result form_person_save(ui *u, ui_form *fm, char *done, size_t len);

/* view_settings.c: one team setting, checked as typed as `okr settings set`
 * checks it (f->error), saved by the store call that command makes */
void form_setting_check(ui_form *fm, field *f, const char *text);
okr_result form_setting_save(ui *u, ui_form *fm, char *done, size_t len);

#endif
