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
 * The views keep their state in this module (selection by ID, scroll, small
 * caches keyed by the data version), like the board pane, so struct ui and
 * the shared files need only a few hook lines.
 */
#ifndef OKR_UI_VIEWS_H
#define OKR_UI_VIEWS_H

#include "ui_int.h"

typedef enum { VIEW_NONE, VIEW_KPIS, VIEW_DUE, VIEW_RHYTHM, VIEW_PLAN, VIEW_LOG, VIEW_PEOPLE } ui_view_id;

/* A views_key result meaning "not mine: let the app handle the action". */
#define VIEWS_PASS (~0u)

bool views_active(void);
ui_view_id views_current(void);
/* Open view v, or close it when it is the one open.  Returns dirty bits. */
unsigned views_toggle(ui *u, ui_view_id v);
unsigned views_open(ui *u, ui_view_id v);
unsigned views_close(ui *u);
/* A key while a view is open and nothing modal is: dirty bits or VIEWS_PASS. */
unsigned views_key(ui *u, int key, okr_action a);
/* When a view is open: draw it over the body if anything is dirty and return
 * true (the panes are then not drawn).  False when no view is open. */
bool views_draw(ui *u);
void views_free(void);

/* ---- view_kpis.c ---- */
void view_kpis_draw(ui *u, WINDOW *w, int h, int width);
unsigned view_kpis_key(ui *u, int key, okr_action a);
/* Select a KPI (from the due view) and show its values. */
void view_kpis_select(int64_t kpi_id);
void view_kpis_free(void);

/* ---- view_due.c ---- */
void view_due_draw(ui *u, WINDOW *w, int h, int width);
unsigned view_due_key(ui *u, int key, okr_action a);
/* How many items the viewer owes now: the status bar's "3 due". */
size_t view_due_count(ui *u);
/* The one line the TUI opens with when the viewer owes something this
 * week, in the message line, which the next key clears (it never waits). */
void view_due_banner(ui *u);
/* Select key result kr_id in the main panes (its objective shown, the
 * filter widened if need be) and focus its pane; returns dirty bits. */
unsigned view_due_select_kr(ui *u, int64_t kr_id);
void view_due_free(void);

/* ---- view_rhythm.c ---- */
void view_rhythm_draw(ui *u, WINDOW *w, int h, int width);
unsigned view_rhythm_key(ui *u, int key, okr_action a);
void view_rhythm_free(void);

/* ---- view_plan.c ---- */
void view_plan_draw(ui *u, WINDOW *w, int h, int width);
unsigned view_plan_key(ui *u, int key, okr_action a);
void view_plan_free(void);

/* ---- view_log.c: the history of changes (L, :log [ID]) ---- */
void view_log_draw(ui *u, WINDOW *w, int h, int width);
unsigned view_log_key(ui *u, int key, okr_action a);
/* Open the history of one item (kind 'O', 'K', 'P') or, kind 0, of everything. */
unsigned view_log_open(ui *u, char kind, int64_t id);
/* L: the history of the selected key result or objective. */
unsigned view_log_open_selected(ui *u);
/* After a new snapshot: read the history again if it is open. */
void view_log_reload(ui *u);
void view_log_free(void);

/* ---- view_people.c: the people, their roles, the leaderboard choice (p) ---- */
void view_people_draw(ui *u, WINDOW *w, int h, int width);
unsigned view_people_key(ui *u, int key, okr_action a);
void view_people_select(const char *login);
long view_people_row_at(ui *u, int y);
void view_people_free(void);

/* ---- shared by the views ---- */
/* Where a movement action takes the selection sel of a list of n rows
 * (clamped to it); -1 when a is not one. */
long views_list_move(okr_action a, long sel, long n);
/* A number as people write it: up to 4 decimals, no trailing zeros. */
const char *view_number(double v, char *buf, size_t len);

#endif
