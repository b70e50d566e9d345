/*
 * actions.h — every action of the full-screen UI, declared once.
 *
 * The key map, the `?` help screen and the `:` command names are all generated
 * from this one list (the way tig's request table works), so a new action is
 * one line here plus its handler, and okr.conf can rebind any of them by name.
 *
 * X(ID, name, default keys, help)
 *   name          what `:name` and `keys { name = "..." }` in okr.conf use
 *   default keys  space-separated key names (see keymap.h for the spelling)
 *   help          one line for the help screen, marked for translation
 */
#ifndef OKR_ACTIONS_H
#define OKR_ACTIONS_H

#ifndef N_
#define N_(s) s
#endif

#define OKR_ACTIONS(X) \
	X(QUIT,          "quit",          "q",            N_("Quit okr")) \
	X(HELP,          "help",          "?",            N_("Show this help")) \
	X(DOWN,          "down",          "j Down",       N_("Move down")) \
	X(UP,            "up",            "k Up",         N_("Move up")) \
	X(TOP,           "top",           "g Home",       N_("Go to the first item")) \
	X(BOTTOM,        "bottom",        "G End",        N_("Go to the last item")) \
	X(PAGE_DOWN,     "page-down",     "PgDn C-f",     N_("Page down")) \
	X(PAGE_UP,       "page-up",       "PgUp C-b",     N_("Page up")) \
	X(NEXT_PANE,     "next-pane",     "Tab",          N_("Focus the next pane")) \
	X(PREV_PANE,     "prev-pane",     "BTab",         N_("Focus the previous pane")) \
	X(EXPAND,        "expand",        "l Right",      N_("Expand the objective, or go to its key results")) \
	X(COLLAPSE,      "collapse",      "h Left",       N_("Collapse the objective, or go back")) \
	X(OPEN,          "open",          "Enter",        N_("Open: toggle an objective, show a key result's detail")) \
	X(SEARCH,        "search",        "/",            N_("Search titles as you type")) \
	X(SEARCH_NEXT,   "search-next",   "n",            N_("Next search match")) \
	X(SEARCH_PREV,   "search-prev",   "N",            N_("Previous search match")) \
	X(COMMAND,       "command",       ":",            N_("Type a command by name")) \
	X(CHECKIN,       "checkin",       "c",            N_("Check in the selected key result")) \
	X(ADD_OBJECTIVE, "add-objective", "O",            N_("Add an objective")) \
	X(ADD_KR,        "add-kr",        "a",            N_("Add a key result to the selected objective")) \
	X(EDIT,          "edit",          "e",            N_("Edit the selected item")) \
	X(COMMENT,       "comment",       "m",            N_("Comment on the selected item")) \
	X(KUDOS,         "kudos",         "K",            N_("Give kudos to the owner of the selected item")) \
	X(CYCLE,         "cycle",         "C",            N_("Switch to another cycle")) \
	X(FILTER,        "filter",        "f",            N_("Filter: mine, my team, all")) \
	X(DETAIL,        "detail",        "d",            N_("Show or hide the detail pane")) \
	X(BOARD,         "board",         "b",            N_("Show or hide the leaderboard")) \
	X(REFRESH,       "refresh",       "C-l",          N_("Redraw the whole screen")) \
	X(THEME,         "theme",         "T",            N_("Switch to the next theme")) \
	X(BOARD_WINDOW,  "board-window",  "w",            N_("Leaderboard: this week, this cycle or all time")) \
	X(BOARD_TEAMS,   "board-teams",   "t",            N_("Leaderboard: people or teams")) \
	X(KPIS,          "kpis",          "i",            N_("KPIs: target, timeframe, source, frequency, health; Enter: values")) \
	X(DUE,           "due",           "D",            N_("What needs me: check-ins, KPI values and grades I owe")) \
	X(REVIEW,        "review",        "r",            N_("Review what is shown, one key result at a time")) \
	X(RHYTHM,        "rhythm",        "W",            N_("Team rhythm: who has not checked in this week, what is quiet or at risk")) \
	X(PLAN_CYCLE,    "plan-cycle",    "P",            N_("Plan the next cycle: copy chosen objectives and key results into it")) \
	X(CLOSE_CYCLE,   "close-cycle",   "",             N_("Grade every key result of the cycle, then close it")) \
	X(APPROVE,       "approve",       "",             N_("Approve the selected key result's terms: it earns points (leads)")) \
	X(LOG,           "log",           "L",            N_("History: who changed the selected item, and when (:log for everything)")) \
	X(ARCHIVE,       "archive",       "X",            N_("Archive the selected item (asks first, says what goes with it)")) \
	X(UNDO,          "undo",          "u",            N_("Undo the last archive made since okr was opened")) \
	X(UNARCHIVE,     "unarchive",     "",             N_("Bring an archived item back: :unarchive O3")) \
	X(PEOPLE,        "people",        "p",            N_("People: add one, change a name, a role (admins), leave the leaderboard"))

typedef enum {
#define OKR_ACTION_ENUM(id, name, keys, help) ACT_##id,
	OKR_ACTIONS(OKR_ACTION_ENUM)
#undef OKR_ACTION_ENUM
	ACT_COUNT,
	ACT_NONE = -1
} okr_action;

typedef struct {
	const char *name;
	const char *keys;
	const char *help;
} okr_action_info;

extern const okr_action_info okr_action_table[ACT_COUNT];

/* The action called name, or ACT_NONE. */
okr_action okr_action_by_name(const char *name);

#endif
