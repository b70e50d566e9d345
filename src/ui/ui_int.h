/*
 * ui_int.h — what the files of src/ui/ share: the application state, the pane
 * objects and their ops tables, and the small drawing helpers.
 *
 * Data flows one way (STYLE.md): the store hands out a snapshot, data.c
 * turns it into the rows the panes show, the panes draw those rows.  A key
 * becomes an action (keymap.h); a pane's key handler changes the selection
 * and returns which parts of the screen are now dirty; it never draws.  The
 * one loop in app.c redraws the dirty parts and calls doupdate() once.
 */
#ifndef OKR_UI_INT_H
#define OKR_UI_INT_H

#include <curses.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "okr/assess.h"
#include "okr/chart.h"
#include "okr/editor.h"
#include "okr/keymap.h"
#include "okr/store.h"
#include "okr/theme.h"
#include "okr/ui.h"

/* Below this the screen shows one "terminal too small" message: the
 * objectives and key results need about 40 columns to be readable, and ten
 * lines leave a header, a footer and four rows for each of two panes. */
enum { UI_MIN_COLS = 40, UI_MIN_LINES = 10 };
/* From this width on every pane is shown at once. */
enum { UI_WIDE_COLS = 120, UI_WIDE_LINES = 24 };
/* From this width on the objectives and the key results sit side by side:
 * the key results get the 80 columns they have on an 80-column terminal and
 * the objectives the 69 that keep their titles as wide (layout.c). */
enum { UI_SIDE_COLS = 150, UI_KRS_COLS = 80, UI_OBJS_COLS = 69 };
enum { UI_SPARK_POINTS = 12 };   /* check-ins a sparkline shows */
enum { UI_SPARK_MAX = 16 };      /* the most any sparkline keeps (the KPI view's) */

typedef enum { PANE_OBJECTIVES, PANE_KRS, PANE_DETAIL, PANE_BOARD, PANE_COUNT } ui_pane_id;

/* What must be redrawn: one bit per pane plus the bars and the overlay. */
enum {
	DIRTY_OBJECTIVES = 1u << PANE_OBJECTIVES,
	DIRTY_KRS = 1u << PANE_KRS,
	DIRTY_DETAIL = 1u << PANE_DETAIL,
	DIRTY_BOARD = 1u << PANE_BOARD,
	DIRTY_HEADER = 1u << 4,
	DIRTY_FOOTER = 1u << 5,
	DIRTY_OVERLAY = 1u << 6,
	DIRTY_LAYOUT = 1u << 7,    /* windows must be made again (resize, toggles) */
	DIRTY_PANES = 0x0fu,
	DIRTY_ALL = 0xffu
};

typedef struct ui ui;

/* A pane object (htop's Panel): layout computes its columns for a width,
 * draw paints its window from the data, key handles an action while it has
 * the focus and returns DIRTY_* bits (0: not handled here). */
typedef struct {
	const char *title;
	void (*layout)(ui *u, int width);
	void (*draw)(ui *u, WINDOW *w, int height, int width, bool focused);
	unsigned (*key)(ui *u, okr_action a);
} ui_pane_ops;

/* The columns a pane's layout gave each part of a row (0: not shown). */
typedef struct {
	int owner, bar, pct, value, status, conf, spark;
} ui_krs_cols;
typedef struct {
	int bar, pct, status;
} ui_objs_cols;

typedef struct {
	const ui_pane_ops *ops;
	WINDOW *win;
	int y, x, h, w;
	bool shown;
	int top;     /* first row shown (scrolling) */
	union {
		ui_krs_cols krs;
		ui_objs_cols objs;
	} col;       /* what its layout op made for its width */
} ui_pane;

typedef enum { FILTER_ALL, FILTER_MINE, FILTER_TEAM } ui_filter;
typedef enum { PROMPT_NONE, PROMPT_COMMAND, PROMPT_SEARCH } ui_prompt;
/* At 80×24 one slot below the objectives shows one of these. */
typedef enum { SLOT_KRS, SLOT_DETAIL, SLOT_BOARD } ui_slot;

/* The recent values of one key result (or KPI), fetched before its row is
 * first drawn and kept until its latest check-in changes. */
typedef struct {
	int64_t id;
	okr_time last_at;
	double current;
	size_t n;
	double v[UI_SPARK_MAX];   /* oldest first */
} ui_spark;

/* A cache of sparklines by ID (the key results', the KPI view's). */
typedef struct {
	ui_spark *v;
	size_t n, cap;
} ui_sparks;

typedef struct {
	char kind;     /* 'O' or 'K' */
	int64_t id;
} ui_ref;

/* The snapshot and the rows made from it (data.c). */
typedef struct {
	okr_snapshot snap;
	okr_assessments as;
	bool loaded;
	size_t *order;          /* tree order: indices into snap.objs */
	int *depth;
	size_t *rows;           /* objective rows shown: indices into snap.objs */
	int *rdepth;
	bool *rparent;          /* the row has children */
	size_t nrows;
	size_t *krs;            /* key results of the selected objective: into snap.krs */
	size_t nkrs;
	size_t obj_sel, kr_sel; /* row positions */
	int64_t obj_id, kr_id;  /* the selection by ID, kept across reloads */
	int64_t *collapsed;
	size_t ncollapsed, capcollapsed;
	ui_sparks sparks;
} ui_data;

typedef struct ui_form ui_form;

/* The detail of the selected item, loaded when the selection or the data
 * changes (not on every frame). */
typedef struct {
	char kind;
	int64_t id;
	int64_t data_version;
	okr_checkin *cis;
	size_t ncis;
	okr_comment *comments;
	size_t ncomments;
	okr_kudos *kudos;       /* for the work on a key result */
	size_t nkudos;
	okr_kpi kpi;
	bool has_kpi;
	/* For an objective: its grade (NaN until its key results are graded
	 * or its cycle is closed), else the grade it is heading for (NaN
	 * without a forecast), and how many of its key results are graded. */
	double grade, projected;
	size_t ngraded, ngradable;
	/* For an objective: its progress after each check-in of its key
	 * results, for the chart (okr_chart_objective_series), read only
	 * when the chart comes into view (series_due until then): at the top
	 * of a large tree that is 100,000 values, and the chart is usually
	 * below the list of parts. */
	okr_chart_point *series;
	size_t nseries, series_oi;
	bool series_due;
} ui_detail;

/*
 * A screen (tig's views, htop's Panel): the main panes, a full-body view,
 * the review, the live board, an overlay (help, a form, the cycle list, a
 * confirmation) or the `:` prompt.  They sit on one stack in struct ui; the
 * one loop gives a key to the top screen, which returns the dirty bits or
 * UI_PASS to hand it to the screen below, and draws the stack from the top
 * screen that covers the body upwards.  Each screen owns its state in the
 * struct that begins with its ui_screen; close frees it.
 */
typedef struct ui_screen ui_screen;

#define UI_PASS (~0u)   /* a key result: not mine, ask the screen below */

enum {
	UI_COVER_BODY = 1u,     /* draws the whole body: nothing below is drawn */
	UI_COVER_HEADER = 2u,   /* ... and the header line */
	UI_COVER_FOOTER = 4u    /* ... and the footer line */
};

typedef struct {
	const char *name;
	okr_scope scope;        /* its keymap, tried before the generic one */
	bool own_keys_only;     /* no generic fallback: other keys are typed text */
	bool modal;             /* an overlay or prompt: the message line stays */
	unsigned covers;        /* UI_COVER_* */
	/* 1 + the pane it lives in (a person's page: the leaderboard's), 0:
	 * none.  It takes keys and `?` only while that pane has the focus, and
	 * draws into the pane's window instead of the pane. */
	int pane;
	/* The actions its `?` lists, ended by ACT_NONE; NULL: the whole table. */
	const okr_action *help;
	unsigned (*key)(ui *u, ui_screen *s, int key, okr_action a);
	/* A left press (button 0; dbl: the second of a double click) or a
	 * wheel notch (64 up, 65 down) at screen cell x, y; NULL: mouse.c's
	 * rules for the panes, views, review and overlays. */
	unsigned (*mouse)(ui *u, ui_screen *s, int button, int x, int y, bool dbl);
	/* An overlay's box, centred; NULL for a screen that places itself. */
	void (*size)(ui *u, ui_screen *s, int *h, int *w);
	/* Draw what u->dirty says (into s->win for an overlay): from the
	 * snapshot and the screen's own state only, never the store. */
	void (*draw)(ui *u, ui_screen *s);
	/* After the frame, on the top screen: place the cursor; true shows it. */
	bool (*cursor)(ui *u, ui_screen *s);
	/* Before a frame: fetch what it will show (the store is read here,
	 * once per selection and data version, not while drawing). */
	void (*prepare)(ui *u, ui_screen *s);
	/* A new snapshot is in u->d (another writer, or our own write). */
	void (*data_changed)(ui *u, ui_screen *s, bool live);
	void (*resize)(ui *u, ui_screen *s);
	/* On the slow timer and each doorbell: what changed with the clock. */
	unsigned (*check)(ui *u, ui_screen *s);
	void (*close)(ui *u, ui_screen *s);
} ui_screen_ops;

struct ui_screen {
	const ui_screen_ops *ops;
	WINDOW *win;            /* an overlay's box or a view's body; NULL when none */
};

enum { UI_STACK_MAX = 16 };

struct ui {
	okr_ctx *ctx;
	okr_config *cfg;
	okr_store *store;
	bool readonly;
	char ro_reason[512];
	char login[256];          /* whom the store acts for; ctx->login points here once it is open */
	const char *ctx_login;    /* what ctx->login was, put back when the ui goes */
	keymap keys;
	theme theme;
	int colors;
	/* The theme's curses attributes and colour pairs, made as slots are
	 * first drawn: through a pointer, so that drawing from a const ui
	 * (draw.c) can still fill the cache. */
	theme_colors *paint;
	bool ascii;                /* not a UTF-8 terminal: everything is drawn as ASCII */

	ui_data d;
	ui_detail det;
	int64_t cycle_id;          /* 0: the current cycle */
	ui_filter filter;
	int64_t data_version;
	okr_time last_change;
	bool live;                 /* the watcher works */
	okr_file_state file_lost;  /* the file at the path is no longer ours (reopen.c) */
	bool health_pending;       /* quick_check after the first frame (reopen.c) */
	bool damaged;              /* it found damage: the header says so */

	ui_pane panes[PANE_COUNT];
	int focus;                 /* a ui_pane_id */
	WINDOW *header, *footer;
	bool too_small, wide;
	ui_slot slot;              /* compact layout: what the lower slot shows */
	bool show_detail, show_board;   /* wide layout */
	unsigned dirty;

	char msg[1024];
	bool msg_error;
	bool waiting;              /* "waiting for the database…" */

	char search[256];          /* the last search, for n and N */
	char undo_kind;            /* the last item archived here (u undoes it); 0: none */
	int64_t undo_id;

	ui_ref *flash;
	size_t nflash, capflash;
	long long flash_until;     /* monotonic ms; 0: nothing flashing */

	struct ui_views *views;    /* the full-body views' states (views.h) */
	struct ui_board *board;    /* the leaderboard pane's scores, person page, banners (board_int.h) */
	struct {
		bool on;               /* the terminal sends reports */
		long long last_ms;     /* the last left press, for double clicks */
		int last_x, last_y;
	} mouse;
	bool quit;
	bool no_panes;             /* okr board: no objectives, no panes, no header */
	ui_screen main_screen;     /* the panes' screen: their state is this struct's */
	ui_screen *stack[UI_STACK_MAX];
	int nstack;
};

/* ---- screen.c: the stack ---- */
/* Put s on top (it is the one that gets the keys now). */
void screen_push(ui *u, ui_screen *s);
/* Take s off the stack wherever it is and free it; returns the dirty bits. */
unsigned screen_close(ui *u, ui_screen *s);
void screen_close_all(ui *u);
/* The close op of a screen that owns nothing but its struct. */
void screen_free(ui *u, ui_screen *s);
ui_screen *screen_top(const ui *u);
/* The topmost screen made by ops, or NULL. */
ui_screen *screen_find(const ui *u, const ui_screen_ops *ops);
unsigned screen_key(ui *u, int key);
/* An action without a key (a click, the wheel) for the screens, top first. */
unsigned screen_action(ui *u, okr_action a);
/* s takes keys now: it lives in no pane, or its pane is shown and focused. */
bool screen_active(const ui *u, const ui_screen *s);
/* The topmost screen that takes keys (what `?` explains). */
ui_screen *screen_keys_top(const ui *u);
/* A screen on the stack draws into pane i's window: the pane does not. */
bool screen_pane_taken(const ui *u, int pane);
void screen_prepare(ui *u);
void screen_data_changed(ui *u, bool live);
void screen_resize(ui *u);
unsigned screen_check(ui *u);
bool screen_render(ui *u);

/* ---- app.c, app_action.c ---- */
void app_message(ui *u, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
long long app_ms(void);
unsigned app_action(ui *u, okr_action a);
unsigned app_set_theme(ui *u, const char *name);
/* Refuse a write in a read-only session; true when refused. */
bool app_refuse_readonly(ui *u);
/* The panes: the bottom screen of `okr` and `okr review`. */
extern const ui_screen_ops app_main_ops;
ui_screen *app_main_screen(ui *u);
/* A new data version: the panes' snapshot, or (okr board) the screens'
 * own reads.  False when the store failed (what is shown stays). */
bool app_reload(ui *u, bool live);
/* The one frame function: draw what is dirty, one doupdate(). */
void app_frame(ui *u);

/* ---- data.c ---- */
bool data_load(ui *u, bool flash);
void data_free(ui_data *d);
void data_rebuild_rows(ui *u);
void data_select_objective_row(ui *u, size_t row);
void data_select_kr_row(ui *u, size_t row);
const okr_objective *data_sel_objective(const ui *u);
const okr_kr *data_sel_kr(const ui *u);
long data_kr_index(const ui *u, int64_t id);
bool data_is_collapsed(const ui *u, int64_t id);
void data_toggle_collapsed(ui *u, int64_t id);
/* The sparkline of id in c, or NULL; data_spark_add: a new one, zeroed, to
 * fill from n values newest first (as the store reads them), the value
 * field of rows stride bytes apart (a check-in's, a KPI sample's). */
ui_spark *data_spark_find(const ui_sparks *c, int64_t id);
ui_spark *data_spark_add(ui_sparks *c, int64_t id);
void data_spark_fill(ui_spark *sp, const double *newest_first, size_t n, size_t stride);
/* The sparkline fetched for a key result; NULL when not (yet) fetched. */
const ui_spark *data_spark(const ui *u, size_t kr_index);
bool data_flashing(const ui *u, char kind, int64_t id);
bool data_is_mine(const ui *u, const okr_objective *o);
/* The filter (mine / my team / all) lets the objective through. */
bool data_shown(const ui *u, const okr_objective *o);
void data_detail_free(ui_detail *det);
void data_detail_load(ui *u);
/* The objective's series, if it is due (see ui_detail). */
void data_detail_series(ui *u);
/* Before a frame: the detail of the selection and the sparklines of the key
 * results shown, read from the store when they changed (not while drawing). */
void data_prepare(ui *u);

/* ---- layout.c ---- */
void layout_apply(ui *u);
void layout_free(ui *u);
void layout_cycle_focus(ui *u, int dir);
unsigned layout_focus(ui *u, int pane);
/* Where a movement action (down, up, a page of `page` rows, top, bottom)
 * takes the selection sel of a list of n rows, clamped to it; -1 when a is
 * not one.  Every list's keys go through it. */
long layout_list_move(okr_action a, long sel, long n, long page);

/* ---- draw.c: helpers every pane uses ---- */
void draw_set(const ui *u, WINDOW *w, theme_slot s);
/* Database (or any) text at y,x padded or cut to exactly cols columns, drawn
 * in slot s: always sanitised, never past the window's edge. */
void draw_text(const ui *u, WINDOW *w, int y, int x, const char *s, int cols, theme_slot slot, int align);
/* One line-drawing character ("│") at y, x, as ASCII when u->ascii. */
void draw_glyph(const ui *u, WINDOW *w, int y, int x, const char *glyph);
void draw_bar(const ui *u, WINDOW *w, int y, int x, int cols, double progress, bool done);
void draw_spark(const ui *u, WINDOW *w, int y, int x, int cols, const double *v, size_t n);
void draw_row_attr(const ui *u, WINDOW *w, int y, theme_slot slot);
void draw_cells_attr(const ui *u, WINDOW *w, int y, int x, int n, theme_slot slot, attr_t extra);
void draw_pane_title(const ui *u, WINDOW *w, const char *title, int width, bool focused);
/* An overlay's border with its title at the top left, in slot. */
void draw_frame(const ui *u, WINDOW *w, const char *title, theme_slot slot);
void draw_when(okr_time t, char *buf, size_t len);
theme_slot draw_status_slot(okr_status s);
const char *draw_status_word(okr_status s);

/* ---- panes ---- */
extern const ui_pane_ops pane_objectives_ops, pane_krs_ops, pane_detail_ops, pane_board_ops;
void pane_board_invalidate(ui *u);

/* ---- statusbar.c ---- */
void statusbar_draw_header(ui *u);
void statusbar_draw_footer(ui *u);
void statusbar_on_wait(void *ctx);
/* The first `most` keys bound to a, "Enter or h", for a hint that names
 * them as bound ("—" when none is). */
const char *statusbar_keys(const ui *u, okr_action a, int most, char *buf, size_t len);
/* The first key of a, for a hint's format: a buffer of the enclosing block. */
#define UI_KEY(u, a) statusbar_keys((u), (a), 1, (char[KEYMAP_NAME_MAX * 2]){ 0 }, KEYMAP_NAME_MAX * 2)
/* The same, naming its second key too ("n or Esc"). */
#define UI_KEYS2(u, a) statusbar_keys((u), (a), 2, (char[KEYMAP_NAME_MAX * 4]){ 0 }, KEYMAP_NAME_MAX * 4)

/* reopen.c: notice a database file deleted, replaced or without its -wal,
 * say so, and open the path again when a database is there.  Returns what
 * to redraw; the header's words for the loss (NULL: none). */
unsigned reopen_check(ui *u);
unsigned reopen_health(ui *u);
const char *reopen_header_text(const ui *u);
/* "the database file was deleted", … for a file state other than OK. */
const char *reopen_lost_text(okr_file_state st);

/* ---- board_view.c: the live board, `okr board`'s first screen; NULL
 * (said on stderr) when the scores cannot be read ---- */
ui_screen *board_view_open(ui *u, int window, bool teams);

/* ---- help.c: `?` for the screen on top, from the action table ---- */
unsigned help_open(ui *u);

/* ---- cmdline.c: the `:` and `/` prompts and the cycle list ---- */
unsigned cmdline_open(ui *u, ui_prompt kind);
/* The prompt being typed in, PROMPT_NONE when none is open. */
ui_prompt cmdline_open_kind(const ui *u);
unsigned cmdline_search_step(ui *u, int dir, bool from_next);
unsigned cmdline_run(ui *u, const char *line);
/* C: the list of cycles (cycles.c). */
unsigned cmdline_cycles_open(ui *u);
unsigned cmdline_switch_cycle(ui *u, int64_t cycle_id);
/* cmdline_complete.c: Tab on the `:` line (in e), and "did you mean";
 * shown gets the candidates listed beside the prompt ("" when none). */
unsigned cmdline_complete(ui *u, editor *e, char *shown, size_t len);
const char *cmdline_suggest(const char *word);   /* the nearest command name, or NULL */

/* ---- form.c ---- */
typedef enum { FORM_CHECKIN, FORM_ADD_OBJECTIVE, FORM_ADD_KR, FORM_EDIT, FORM_COMMENT, FORM_KUDOS,
	       FORM_KPI_PUSH, FORM_KPI_ADD, FORM_CYCLE_ADD, FORM_CYCLE_EDIT, FORM_PERSON_ADD,
	       FORM_PERSON_EDIT, FORM_SETTING } ui_form_kind;
unsigned form_open(ui *u, ui_form_kind kind);
/* c in the KPI view: a new value for the KPI, as `okr kpi push` takes it. */
unsigned form_open_kpi_push(ui *u, const okr_kpi *k);
/* a in the KPI view: a new KPI, as `okr kpi add` takes it (form_kpi.c). */
unsigned form_open_kpi_add(ui *u);
unsigned form_open_kudos_to(ui *u, const char *login);
/* The open form, NULL when none. */
ui_form *form_current(const ui *u);
/* a and e in the cycle list: a new cycle (c NULL), or c's name and dates. */
unsigned form_open_cycle(ui *u, const okr_cycle *c);
/* a and e in the people view: a new person (p NULL), or p's name, role and
 * leaderboard choice, as far as the viewer may change them. */
unsigned form_open_person(ui *u, const okr_person *p);
/* The field drawn at window row wy of a form h rows high; -1: none. */
int form_field_at(const ui_form *fm, int h, int wy);

/* ---- mouse.c: click, double click, wheel (mouse = true;) ---- */
void mouse_start(ui *u);
void mouse_stop(ui *u);
/* The rest of an SGR report after mouse_key(): button, 0-based cell, press
 * or release; false when it was none.  mouse_second_click: a left press
 * there completes a double click. */
bool mouse_read_report(WINDOW *in, int *b, int *x, int *y, bool *press);
bool mouse_second_click(ui *u, int x, int y);
/* The key code that starts a mouse report (-2 when the mouse is off). */
int mouse_key(const ui *u);
/* Read the rest of the report from in and act on it: dirty bits. */
unsigned mouse_event(ui *u, WINDOW *in);
/* mouse_more.c: the full-body views, the review (notch: the wheel, -1 up,
 * 1 down, 0 a left click); y, x made relative to w, false outside it. */
bool mouse_in_window(WINDOW *w, int *y, int *x);
unsigned mouse_view_click(ui *u, int y, bool dbl);
unsigned mouse_review(ui *u, bool dbl, int notch);

/* ---- permit.c: before a form opens ---- */
/* The selected key result may be checked in by the viewer; otherwise says
 * who may and offers m and K. */
bool permit_checkin(ui *u);

/* ---- archive.c: X (with a confirmation), u, :unarchive ID ---- */
unsigned archive_open(ui *u);
unsigned archive_undo(ui *u);
/* The last item archived here that u would bring back; false: none. */
bool archive_last(const ui *u, char *kind, int64_t *id);
unsigned archive_unarchive_command(ui *u, const char *arg);

/* ---- chart_draw.c: a history chart (core/chart.c) in a window ---- */
void chart_draw(const ui *u, WINDOW *w, int y, int x, const okr_chart *c);
void chart_draw_row(const ui *u, WINDOW *w, int y, int x, const okr_chart *c, int row);
/* A key result's values (cis newest first, as loaded) over its cycle up
 * to due; an objective's progress (series oldest first).  False: no room. */
bool chart_of_kr(const ui *u, const okr_kr *k, okr_day due, const okr_checkin *cis, size_t n, int width,
		 int height, okr_chart *out);
bool chart_of_objective(const ui *u, const okr_chart_point *pts, size_t n, int width, int height, okr_chart *out);

/* ---- lines.c: a page of styled lines for the views that scroll text ---- */
typedef struct {
	char *text;
	theme_slot slot;
	int indent;
	bool spark;    /* the KPI view draws a sparkline on this line */
	int chart;     /* 1 + the row of the detail pane's chart drawn here; 0: text */
} ui_line;

typedef struct {
	ui_line *v;
	size_t n, cap;
	int width;     /* wrap to this many columns; 0: keep lines whole */
} ui_lines;

/* Add text (wrapped); returns the last line added. */
ui_line *lines_add(ui_lines *ls, int indent, theme_slot slot, const char *text);
ui_line *lines_addf(ui_lines *ls, int indent, theme_slot slot, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The same, breaking only between parts joined by " · ". */
ui_line *lines_add_parts(ui_lines *ls, int indent, theme_slot slot, const char *text);
ui_line *lines_addf_parts(ui_lines *ls, int indent, theme_slot slot, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* fmt with ap as a malloc'd string (the formatting of every *f above). */
char *lines_vformat(const char *fmt, va_list ap);
/* The first line to show so that rows lines fit: top clamped to the list. */
int lines_clamp_top(const ui_lines *ls, int top, int rows);
void lines_free(ui_lines *ls);

/* ---- editing keys shared by forms and prompts ---- */
/* Apply an editing key to e; true when it was one. */
bool form_edit_key(editor *e, int key);
/* Draw e in cols columns at y,x; returns the cursor's column. */
int form_draw_editor(const ui *u, WINDOW *w, int y, int x, int cols, const editor *e, int *first, theme_slot slot);

/* ---- the leaderboard's data and celebrations: board_data.c, celebrate.c ---- */
/* After every data load: bring the scores up to date at the cost of the new
 * rows and, when live (another reload, not a cycle switch), turn what
 * changed into banners and highlighted rows. */
void board_reload(ui *u, bool live);
/* The scores from the saved ledger when it needs no rebuild (then the first
 * frame shows them); false leaves them to board_reload after the frame. */
bool board_from_ledger(ui *u);
/* Record what the viewer last saw on the board and free everything. */
void board_leave(ui *u);
/* The leaderboard's keys (w, t) from any pane. */
unsigned board_action(ui *u, okr_action a);
/* When the next banner or highlight ends (monotonic ms, 0: nothing). */
long long celebrate_deadline(const ui *u);
/* Advance banners and highlights at `now`; returns what became dirty. */
unsigned celebrate_tick(ui *u, long long now);
/* Draw the current banner over the header (nothing when none). */
void celebrate_draw(ui *u);
/* statusbar.c: the header's right end, which a banner leaves in place. */
void statusbar_header_right(ui *u, char *right, size_t len);
/* ---- review.c, review_draw.c, review_grade.c: okr review, r, :close-cycle ---- */
unsigned review_open(ui *u, bool grading);
bool review_start(ui *u, const ui_review_request *rq);
/* The review on the stack, NULL when not reviewing. */
struct ui_review *review_current(const ui *u);
/* okr review: the summary on stdout once the screen is gone. */
void review_print_summary(ui *u);
/* A form saved an entry (forms call this; a no-op outside a review). */
void review_on_saved(ui *u, ui_form_kind kind, char target, int64_t id);
/* The shown cycle is closed: refuse a write with a message; true when refused. */
bool review_refuse_closed(ui *u);
/* The footer's reminder of the review's keys. */
void review_hints(ui *u, char *buf, size_t len);
/* term_check.c, kept apart because term.h's macros clash with names here. */
/* Why the full-screen view cannot run on this terminal (an unknown TERM,
 * or one that cannot move the cursor, like TERM=dumb), translated; NULL
 * when it can.  cmd names the command, for the alternatives it suggests. */
const char *ui_term_problem(const char *cmd, char *msg, size_t len);

#endif
