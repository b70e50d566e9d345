/*
 * actions.h — every action of the full-screen UI, declared once.
 *
 * The key map, the `?` help screen and the `:` command names are all generated
 * from this one list (the way tig's request table works), so a new action is
 * one line here plus its handler, and okr.conf can rebind any of them by name.
 *
 * X(ID, scope, name, default keys, help)
 *   scope         the screen whose keymap holds it (okr_scope): MAIN is the
 *                 generic map every screen falls back to; the others are
 *                 tried first on their own screen, so `n` can mean "next key
 *                 result" in the review and "next match" everywhere else
 *   name          what `keys { name = "..." }` in okr.conf uses, and `:name`
 *                 for the MAIN actions
 *   default keys  space-separated key names (see keymap.h for the spelling)
 *   help          one line for the help screen, marked for translation
 */
#ifndef OKR_ACTIONS_H
#define OKR_ACTIONS_H

#ifndef N_
#define N_(s) s
#endif

#define OKR_ACTIONS(X) \
	X(QUIT,          MAIN,    "quit",          "q",            N_("Quit okr")) \
	X(HELP,          MAIN,    "help",          "?",            N_("Show this help")) \
	X(DOWN,          MAIN,    "down",          "j Down",       N_("Move down")) \
	X(UP,            MAIN,    "up",            "k Up",         N_("Move up")) \
	X(TOP,           MAIN,    "top",           "g Home",       N_("Go to the first item")) \
	X(BOTTOM,        MAIN,    "bottom",        "G End",        N_("Go to the last item")) \
	X(PAGE_DOWN,     MAIN,    "page-down",     "PgDn C-f",     N_("Page down")) \
	X(PAGE_UP,       MAIN,    "page-up",       "PgUp C-b",     N_("Page up")) \
	X(NEXT_PANE,     MAIN,    "next-pane",     "Tab",          N_("Focus the next pane")) \
	X(PREV_PANE,     MAIN,    "prev-pane",     "BTab",         N_("Focus the previous pane")) \
	X(EXPAND,        MAIN,    "expand",        "l Right",      N_("Expand the objective, or go to its key results")) \
	X(COLLAPSE,      MAIN,    "collapse",      "h Left",       N_("Collapse the objective, or go back")) \
	X(OPEN,          MAIN,    "open",          "Enter",        N_("Open: toggle an objective, show a key result's detail")) \
	X(SEARCH,        MAIN,    "search",        "/",            N_("Search titles as you type")) \
	X(SEARCH_NEXT,   MAIN,    "search-next",   "n",            N_("Next search match")) \
	X(SEARCH_PREV,   MAIN,    "search-prev",   "N",            N_("Previous search match")) \
	X(COMMAND,       MAIN,    "command",       ":",            N_("Type a command by name")) \
	X(CHECKIN,       MAIN,    "checkin",       "c",            N_("Check in the selected key result")) \
	X(ADD_OBJECTIVE, MAIN,    "add-objective", "O",            N_("Add an objective")) \
	X(ADD_KR,        MAIN,    "add-kr",        "a",            N_("Add a key result to the selected objective")) \
	X(EDIT,          MAIN,    "edit",          "e",            N_("Edit the selected item")) \
	X(COMMENT,       MAIN,    "comment",       "m",            N_("Comment on the selected item")) \
	X(KUDOS,         MAIN,    "kudos",         "K",            N_("Give kudos to the owner of the selected item")) \
	X(CYCLE,         MAIN,    "cycle",         "C",            N_("Switch to another cycle")) \
	X(FILTER,        MAIN,    "filter",        "f",            N_("Filter: mine, my team, all")) \
	X(DETAIL,        MAIN,    "detail",        "d",            N_("Show or hide the detail pane")) \
	X(BOARD,         MAIN,    "board",         "b",            N_("Show or hide the leaderboard")) \
	X(REFRESH,       MAIN,    "refresh",       "C-l",          N_("Redraw the whole screen")) \
	X(THEME,         MAIN,    "theme",         "T",            N_("Switch to the next theme")) \
	X(BOARD_WINDOW,  MAIN,    "board-window",  "w",            N_("Leaderboard: this week, this cycle or all time")) \
	X(BOARD_TEAMS,   MAIN,    "board-teams",   "t",            N_("Leaderboard: people or teams")) \
	X(KPIS,          MAIN,    "kpis",          "i",            N_("KPIs: target, timeframe, source, frequency, health; Enter: values")) \
	X(DUE,           MAIN,    "due",           "D",            N_("What needs me: check-ins, KPI values and grades I owe")) \
	X(REVIEW,        MAIN,    "review",        "r",            N_("Review what is shown, one key result at a time")) \
	X(RHYTHM,        MAIN,    "rhythm",        "W",            N_("Team rhythm: who has not checked in this week, what is quiet or at risk")) \
	X(PLAN_CYCLE,    MAIN,    "plan-cycle",    "P",            N_("Plan the next cycle: copy chosen objectives and key results into it")) \
	X(CLOSE_CYCLE,   MAIN,    "close-cycle",   "",             N_("Grade every key result of the cycle, then close it")) \
	X(APPROVE,       MAIN,    "approve",       "",             N_("Approve the selected key result's terms: it earns points (leads)")) \
	X(LOG,           MAIN,    "log",           "L",            N_("History: who changed the selected item, and when (:log for everything)")) \
	X(ARCHIVE,       MAIN,    "archive",       "X",            N_("Archive the selected item (asks first, says what goes with it)")) \
	X(UNDO,          MAIN,    "undo",          "u",            N_("Undo the last archive made since okr was opened")) \
	X(UNARCHIVE,     MAIN,    "unarchive",     "",             N_("Bring an archived item back: :unarchive O3")) \
	X(PEOPLE,        MAIN,    "people",        "p",            N_("People: add one, change a name, a role (admins), leave the leaderboard")) \
	X(SETTINGS,      MAIN,    "settings",      "S",            N_("Team settings: scoring, status thresholds, rollup, time zone, week start (leads change them)")) \
	X(CLOSE,         MAIN,    "close",         "Esc",          N_("Close this view, list or help and go back")) \
	X(REVIEW_NEXT,   REVIEW,  "review-next",   "n Space",      N_("Next key result")) \
	X(REVIEW_PREV,   REVIEW,  "review-prev",   "p",            N_("Previous key result")) \
	X(REVIEW_SKIP,   REVIEW,  "review-skip",   "s",            N_("Skip: next, marked as skipped in the summary")) \
	X(REVIEW_GRADE,  REVIEW,  "review-grade",  "g",            N_("Grade it, 0.0–1.0 (at the end of the cycle), with a note")) \
	X(REVIEW_JUMP,   REVIEW,  "review-jump",   "J",            N_("Jump to a key result by its ID (K12)")) \
	X(REVIEW_CLOSE,  REVIEW,  "review-close",  "y",            N_("On the summary of :close-cycle: close the cycle")) \
	X(PERSON_BACK,   PERSON,  "person-back",   "Enter h Left", N_("Back from a person's page to the leaderboard")) \
	X(FORM_SAVE,     FORM,    "form-save",     "Enter",        N_("Save the form")) \
	X(FORM_CANCEL,   FORM,    "form-cancel",   "Esc",          N_("Cancel: nothing is saved")) \
	X(FORM_NEXT,     FORM,    "form-next",     "Tab Down",     N_("Next field")) \
	X(FORM_PREV,     FORM,    "form-prev",     "BTab Up",      N_("Previous field")) \
	X(FORM_CHOICE_NEXT, FORM, "form-choice-next", "Space Right l", N_("In a choice: the next one")) \
	X(FORM_CHOICE_PREV, FORM, "form-choice-prev", "Left h",     N_("In a choice: the previous one")) \
	X(FORM_PICK,     FORM,    "form-pick",     "C-o",          N_("In a person, team, KPI or objective field: list what matches to pick one")) \
	X(PICK_CHOOSE,   PICK,    "pick-choose",   "Enter",        N_("Put the selected one into the field")) \
	X(PICK_CANCEL,   PICK,    "pick-cancel",   "Esc q",        N_("Close the list: the field stays as typed")) \
	X(PROMPT_ACCEPT, PROMPT,  "prompt-accept", "Enter",        N_("Run the command, or keep the search")) \
	X(PROMPT_CANCEL, PROMPT,  "prompt-cancel", "Esc",          N_("Leave the prompt (a search goes back to where it began)")) \
	X(PROMPT_COMPLETE, PROMPT, "prompt-complete", "Tab",       N_("Complete the command's name or argument")) \
	X(CONFIRM_YES,   CONFIRM, "confirm-yes",   "y Y",          N_("Yes: do it")) \
	X(CONFIRM_NO,    CONFIRM, "confirm-no",    "n N Esc q",    N_("No: leave everything as it is"))

/* The keymaps: each screen looks a key up in its own, then in MAIN's. */
typedef enum { OKR_SCOPE_MAIN, OKR_SCOPE_REVIEW, OKR_SCOPE_PERSON, OKR_SCOPE_FORM, OKR_SCOPE_PICK,
	       OKR_SCOPE_PROMPT, OKR_SCOPE_CONFIRM, OKR_SCOPE_COUNT } okr_scope;

typedef enum {
#define OKR_ACTION_ENUM(id, scope, name, keys, help) ACT_##id,
	OKR_ACTIONS(OKR_ACTION_ENUM)
#undef OKR_ACTION_ENUM
	ACT_COUNT,
	ACT_NONE = -1
} okr_action;

typedef struct {
	okr_scope scope;
	const char *name;
	const char *keys;
	const char *help;
} okr_action_info;

extern const okr_action_info okr_action_table[ACT_COUNT];

/* The action called name, or ACT_NONE. */
okr_action okr_action_by_name(const char *name);

#endif
