/*
 * views.h — full-body views that replace the panes until closed: the KPI
 * view (action `kpis`, view_kpis.c) and "what needs me" (action `due`,
 * view_due.c).  views.c owns the one window they draw into and routes keys.
 *
 * Why full-body, not an overlay or the lower slot: at 80×24 a KPI needs two
 * or three lines (its four parts, health, sparkline, the key results that
 * track it) and its values need room of their own; the lower slot leaves
 * ten rows, an overlay loses its frame and margins.  The header stays (who,
 * which cycle, live, the due count) and so does the footer (messages, `:`).
 *
 * The views keep their state in struct ui_views (below), one struct per
 * view, so struct ui holds one pointer for all of them.
 */
#ifndef OKR_UI_VIEWS_H
#define OKR_UI_VIEWS_H

#include "ui_int.h"

typedef enum { VIEW_NONE, VIEW_KPIS, VIEW_DUE, VIEW_RHYTHM, VIEW_PLAN, VIEW_LOG, VIEW_PEOPLE,
	       VIEW_SETTINGS } ui_view_id;

/* A views_key result meaning "not mine: let the app handle the action". */
#define VIEWS_PASS (~0u)

/* A view is the top screen (it has the keys). */
bool views_top(const ui *u);
/* The view on the stack, VIEW_NONE when none. */
ui_view_id views_current(const ui *u);
/* Open view v, or close it when it is the one open.  Returns dirty bits. */
unsigned views_toggle(ui *u, ui_view_id v);
unsigned views_open(ui *u, ui_view_id v);
unsigned views_close(ui *u);
/* An action for the top view without a key (the mouse wheel): dirty bits. */
unsigned views_action(ui *u, okr_action a);
/* Each view's state (selection by ID, scroll, caches keyed by the data
 * version), kept while okr runs so that a view opened again is as it was
 * left; the due view's is read by the header too.  Each type is defined in
 * its own file. */
struct ui_views {
	struct view_kpis *kpis;
	struct view_due *due;
	struct view_rhythm *rhythm;
	struct view_plan *plan;
	struct view_log *log;
	struct view_people *people;
	struct view_settings *settings;
};
struct ui_views *views_new(void);
void views_free(struct ui_views *v);

/* ---- view_kpis.c ---- */
void view_kpis_draw(ui *u, WINDOW *w, int h, int width);
unsigned view_kpis_key(ui *u, int key, okr_action a);
/* Select a KPI (from the due view) and show its values. */
void view_kpis_select(ui *u, int64_t kpi_id);
struct view_kpis *view_kpis_new(void);
void view_kpis_free(struct view_kpis *v);
/* Before a frame: the samples of the KPIs shown, read when they changed. */
void view_kpis_prepare(ui *u);

/* ---- view_due.c ---- */
void view_due_draw(ui *u, WINDOW *w, int h, int width);
unsigned view_due_key(ui *u, int key, okr_action a);
/* How many items the viewer owes now: the status bar's "3 due". */
size_t view_due_count(ui *u);
/* Before a frame: the grades given in the cycle, read when the data changed. */
void view_due_prepare(ui *u);
/* The one line the TUI opens with when the viewer owes something this
 * week, in the message line, which the next key clears (it never waits). */
void view_due_banner(ui *u);
/* Select key result kr_id in the main panes (its objective shown, the
 * filter widened if need be) and focus its pane; returns dirty bits. */
unsigned view_due_select_kr(ui *u, int64_t kr_id);
struct view_due *view_due_new(void);
void view_due_free(struct view_due *v);

/* ---- view_rhythm.c ---- */
void view_rhythm_draw(ui *u, WINDOW *w, int h, int width);
unsigned view_rhythm_key(ui *u, int key, okr_action a);
struct view_rhythm *view_rhythm_new(void);
void view_rhythm_free(struct view_rhythm *v);

/* ---- view_plan.c ---- */
void view_plan_draw(ui *u, WINDOW *w, int h, int width);
unsigned view_plan_key(ui *u, int key, okr_action a);
struct view_plan *view_plan_new(void);
void view_plan_free(struct view_plan *v);

/* ---- view_log.c: the history of changes (L, :log [ID]) ---- */
void view_log_draw(ui *u, WINDOW *w, int h, int width);
unsigned view_log_key(ui *u, int key, okr_action a);
/* Open the history of one item (kind 'O', 'K', 'P') or, kind 0, of everything. */
unsigned view_log_open(ui *u, char kind, int64_t id);
/* L: the history of the selected key result or objective. */
unsigned view_log_open_selected(ui *u);
/* After a new snapshot: read the history again if it is open. */
void view_log_reload(ui *u);
struct view_log *view_log_new(void);
void view_log_free(struct view_log *v);

/* ---- view_people.c: the people, their roles, the leaderboard choice (p) ---- */
void view_people_draw(ui *u, WINDOW *w, int h, int width);
unsigned view_people_key(ui *u, int key, okr_action a);
void view_people_select(ui *u, const char *login);
long view_people_row_at(ui *u, int y);
struct view_people *view_people_new(void);
void view_people_free(struct view_people *v);

/* ---- view_settings.c: the team's settings, changed by leads (S) ---- */
void view_settings_draw(ui *u, WINDOW *w, int h, int width);
unsigned view_settings_key(ui *u, int key, okr_action a);
/* Before a frame: who set what and when, read again when the data changed. */
void view_settings_prepare(ui *u);
struct view_settings *view_settings_new(void);
void view_settings_free(struct view_settings *v);

/* ---- shared by the views: a list of rows with a selection ---- */
/* Where a movement action takes the selection sel of a list of n rows
 * (clamped to it); -1 when a is not one. */
long views_list_move(okr_action a, long sel, long n);
/* A movement action on *sel: DIRTY_ALL when it was one, else VIEWS_PASS. */
unsigned views_list_key(okr_action a, size_t *sel, size_t n);
/* Cells side by side from column x with a blank between; a cell of width
 * 0 or less is left out (a narrow terminal's last column). */
typedef struct {
	const char *text;
	int width;
	theme_slot slot;
} views_cell;
void views_draw_cells(ui *u, WINDOW *w, int y, int x, const views_cell *c, size_t n);
/* Draw row i of a list at window row y, width columns (ctx: the view's). */
typedef void (*views_row_fn)(ui *u, WINDOW *w, int y, int width, size_t i, const void *ctx);
/* Rows of a list of n from window row y0 to h - 1: *top scrolled so that
 * sel is shown, each row drawn by row, the selected one lit. */
void views_draw_rows(ui *u, WINDOW *w, int y0, int h, int width, size_t n, size_t sel, int *top, views_row_fn row,
		     const void *ctx);
/* A number as people write it: up to 4 decimals, no trailing zeros. */
const char *view_number(double v, char *buf, size_t len);

#endif
