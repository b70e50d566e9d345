/*
 * theme.h — colours by meaning (SPEC §5, STYLE habit 9).
 *
 * Panes never name a colour: they ask for a semantic slot (`status.at_risk`,
 * `rank.up`) and the theme says what it looks like.  Themes are libconfig
 * files in themes/ (the format is described at the top of
 * themes/default.theme); a slot a theme leaves out keeps the built-in default
 * theme's style, so a theme can be three lines long.
 *
 * Two halves: loading and finding themes is plain C that unit tests drive
 * (src/term/theme.c, theme_palette.c); theme_apply/theme_attr/theme_pair
 * turn a theme into curses attributes and are the only functions here that
 * touch the terminal (src/ui/theme_color.c).
 */
#ifndef OKR_THEME_H
#define OKR_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include "okr/model.h"

/* Text attributes, independent of curses. */
enum {
	THEME_A_BOLD = 1 << 0,
	THEME_A_DIM = 1 << 1,
	THEME_A_UNDERLINE = 1 << 2,
	THEME_A_REVERSE = 1 << 3,
	THEME_A_ITALIC = 1 << 4,
	THEME_A_STANDOUT = 1 << 5
};

#define THEME_MONO_B THEME_A_BOLD
#define THEME_MONO_D THEME_A_DIM
#define THEME_MONO_U THEME_A_UNDERLINE
#define THEME_MONO_R THEME_A_REVERSE

/*
 * X(ID, name, monochrome attributes)
 *
 * The third column is what a slot looks like without colour (NO_COLOR, a
 * monochrome terminal, or themes/monochrome.theme, which must agree with it):
 * selection stays visible by reverse video, and statuses stay apart by
 * emphasis on top of the status word the panes always print.
 */
#define THEME_SLOTS(X) \
	X(NORMAL,             "normal",             0) \
	X(TITLE,              "title",              THEME_MONO_B) \
	X(BORDER,             "border",             0) \
	X(BORDER_FOCUS,       "border.focus",       THEME_MONO_B) \
	X(SELECTED,           "selected",           THEME_MONO_R) \
	X(SELECTED_UNFOCUSED, "selected.unfocused", THEME_MONO_U) \
	X(HEADER,             "header",             THEME_MONO_B | THEME_MONO_U) \
	X(DIM,                "dim",                THEME_MONO_D) \
	X(ID,                 "id",                 THEME_MONO_D) \
	X(TREE,               "tree",               THEME_MONO_D) \
	X(STATUS_ON_TRACK,    "status.on_track",    0) \
	X(STATUS_AT_RISK,     "status.at_risk",     THEME_MONO_U) \
	X(STATUS_OFF_TRACK,   "status.off_track",   THEME_MONO_B) \
	X(STATUS_DONE,        "status.done",        0) \
	X(STATUS_OUTDATED,    "status.outdated",    THEME_MONO_D) \
	X(STATUS_NONE,        "status.none",        THEME_MONO_D) \
	X(PROGRESS_FILL,      "progress.fill",      0) \
	X(PROGRESS_EMPTY,     "progress.empty",     THEME_MONO_D) \
	X(PROGRESS_DONE,      "progress.done",      THEME_MONO_B) \
	X(SPARKLINE,          "sparkline",          0) \
	X(CONFIDENCE_LOW,     "confidence.low",     THEME_MONO_B) \
	X(STATUSBAR,          "statusbar",          THEME_MONO_R) \
	X(STATUSBAR_LIVE,     "statusbar.live",     THEME_MONO_R | THEME_MONO_B) \
	X(MESSAGE,            "message",            THEME_MONO_B) \
	X(MESSAGE_ERROR,      "message.error",      THEME_MONO_B | THEME_MONO_U) \
	X(SEARCH_MATCH,       "search.match",       THEME_MONO_B | THEME_MONO_U) \
	X(FLASH,              "flash",              THEME_MONO_B) \
	X(RANK_UP,            "rank.up",            THEME_MONO_B) \
	X(RANK_DOWN,          "rank.down",          THEME_MONO_D) \
	X(RANK_ME,            "rank.me",            THEME_MONO_B | THEME_MONO_U) \
	X(BADGE,              "badge",              THEME_MONO_B) \
	X(BANNER,             "banner",             THEME_MONO_R | THEME_MONO_B) \
	X(HELP_KEY,           "help.key",           THEME_MONO_B) \
	X(HELP_SECTION,       "help.section",       THEME_MONO_B | THEME_MONO_U) \
	X(FORM_LABEL,         "form.label",         THEME_MONO_B) \
	X(FORM_INPUT,         "form.input",         THEME_MONO_U) \
	X(FORM_ERROR,         "form.error",         THEME_MONO_B) \
	X(FORM_HINT,          "form.hint",          THEME_MONO_D) \
	X(KPI_MEETS,          "kpi.meets",          0) \
	X(KPI_MISSES,         "kpi.misses",         THEME_MONO_B)

typedef enum {
#define THEME_SLOT_ENUM(id, name, mono) THEME_##id,
	THEME_SLOTS(THEME_SLOT_ENUM)
#undef THEME_SLOT_ENUM
	THEME_SLOT_COUNT,
	THEME_SLOT_NONE = -1
} theme_slot;

/* Colours: 0..255 (0..7 the basic eight, 8..15 their bright forms), the
 * terminal's own default, or "as the normal slot" for a value a theme left
 * out of a slot it styles. */
enum { THEME_COLOR_DEFAULT = -1, THEME_COLOR_INHERIT = -2 };

typedef struct {
	short fg, bg;
	unsigned attrs;   /* THEME_A_* */
} theme_style;

typedef struct {
	char name[64];    /* the theme's `name`, else its file name without .theme */
	theme_style slot[THEME_SLOT_COUNT];
} theme;

/* The built-in default theme, as libconfig text identical to
 * themes/default.theme (a test checks). */
extern const char theme_default_text[];

const char *theme_slot_name(theme_slot s);            /* "status.at_risk" */
theme_slot theme_slot_by_name(const char *name);      /* or THEME_SLOT_NONE */
unsigned theme_slot_mono(theme_slot s);               /* the third column */
theme_slot theme_status_slot(okr_status s);

/* The built-in default theme.  Never fails. */
void theme_default(theme *t);

/* Start from the built-in default, then apply the theme text over it: each
 * slot the text styles replaces that slot as a whole.  On error t holds the
 * default theme and err one line naming the source and line. */
bool theme_load_string(theme *t, const char *text, const char *source,
		       char *err, size_t len);
bool theme_load(theme *t, const char *path, char *err, size_t len);

/* The file NAME.theme in, by order: $OKR_THEME_DIR, $XDG_CONFIG_HOME/okr/themes
 * (~/.config/okr/themes), then each directory of OKR_THEME_DIRS.  A name with
 * '/' or a leading '.' is never looked up. */
bool theme_find(const char *name, char *path, size_t len);

/* theme_find + theme_load; "default" needs no file (the built-in one is used
 * when none is found). */
bool theme_load_named(theme *t, const char *name, char *err, size_t len);

/* Names of every theme found in those directories plus "default", sorted, no
 * duplicates, NULL-terminated; count may be NULL.  Free with theme_list_free. */
char **theme_list(size_t *count);
void theme_list_free(char **names);

/* The colour to use for `color` (0..255) on a terminal with `colors` colours:
 * itself when it exists there, else the nearest (by RGB distance in the xterm
 * palette) of the first 16 or 8.  colors < 8 gives THEME_COLOR_DEFAULT, as do
 * negative colours. */
int theme_color_degrade(int color, int colors);

/* Black (0) or white (7), whichever reads better on the colour bg (0..255),
 * for text whose own colour a smaller palette merged into bg. */
int theme_color_contrast(int bg);

/* ---- curses side (src/ui/theme_color.c) ---- */

/* The theme in use on a terminal and the colour pairs made for it so far:
 * one per application (the full-screen view's struct ui holds it), as a
 * terminal has one table of pairs.  Zeroed, it is the built-in theme
 * without colour. */
typedef struct {
	bool applied;
	bool default_colors;   /* use_default_colors() worked: -1 is usable */
	int colors;
	theme t;
	bool resolved[THEME_SLOT_COUNT];
	unsigned long attr[THEME_SLOT_COUNT];
	short pair[THEME_SLOT_COUNT];
	short pairs[256][2];
	int npairs;
} theme_colors;

/* Make t the theme of c.  colors is the terminal's colour count after
 * start_color() (COLORS), or 0 for none; NO_COLOR in the environment forces 0.
 * Without colour every slot uses its attributes plus its monochrome column.
 * Colour pairs are made on first use of a slot by theme_attr/theme_pair. */
void theme_apply(theme_colors *c, const theme *t, int colors);

/* The curses attributes for a slot, COLOR_PAIR included: an attr_t kept as
 * unsigned long so that this header needs no curses.  Before any
 * theme_apply, the built-in theme without colour. */
unsigned long theme_attr(theme_colors *c, theme_slot s);

/* The slot's colour pair number alone (0 without colour), for setcchar() and
 * wattr_set(). */
short theme_pair(theme_colors *c, theme_slot s);

#endif
