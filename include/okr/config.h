/*
 * config.h — okr.conf (SPEC §7): libconfig syntax, compiled-in defaults in the
 * same syntax, every key checked.  The defaults text is parsed by the same
 * parser as a user's file, and okr.conf.example must agree with it (a test
 * checks), so the documentation cannot drift from the program.
 */
#ifndef OKR_CONFIG_H
#define OKR_CONFIG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include "okr/progress.h"

enum { OKR_MAX_BINDINGS = 128 };

typedef struct {
	char action[32];   /* an action name from actions.h, e.g. "checkin" */
	char key[16];      /* "c", "C-l", "Enter", "F5", "Up", "PgDn", … */
} okr_binding;

typedef struct {
	int checkin_xp;            /* check-in with a note, once per KR per week */
	int progress_xp;           /* × Δprogress × weight above the high-water mark */
	int reach_07_xp;           /* KR reaches 0.7 */
	int reach_10_xp;           /* KR reaches 1.0 (on top of the 0.7 bonus) */
	int kudos_given_xp;
	int kudos_allowance;       /* kudos a person may give per week that count */
	int kudos_received_xp;
	int comment_xp;            /* substantive comment on someone else's KR */
	int comment_min_chars;     /* "substantive": at least this many characters */
	int comment_weekly_cap;    /* comments that count per week */
	int streak_cap;            /* streak weeks counted at most */
	int streak_percent;        /* check-in XP bonus per streak week, percent */
	int week_start;            /* the team's first day of the week: 0 Monday … 6 Sunday (the
				      okr.conf key is week_start; here so that the ledger's
				      rules, and their hash, carry it) */
} okr_game_rules;

typedef struct {
	char database[4096];       /* "" : $OKR_DB, else $XDG_DATA_HOME/okr/okr.db */
	char theme[64];
	char language[8];          /* "" : the locale's; else en, vi or zh_CN */
	int refresh_ms;            /* safety-net poll of data_version */
	int flash_ms;              /* how long changed rows stay highlighted */
	bool reduced_motion;       /* no flashing and no animated banners */
	bool mouse;
	int week_offset_minutes;   /* the team's fixed time zone for week boundaries */
	okr_status_rules status;
	okr_rollup_mode rollup;
	okr_game_rules game;
	char board_window[8];      /* week | cycle | all */
	bool board_bands;          /* show bands instead of bottom ranks */
	int board_top;             /* rows of the top shown above the viewer */
	struct {                   /* commands run after an event commits (hooks.h) */
		char checkin[1024], celebration[1024], cycle_closed[1024];
		int timeout;               /* seconds before a hook is killed */
		char log[4096];            /* "": $XDG_STATE_HOME/okr/hooks.log */
	} hooks;
	okr_binding bindings[OKR_MAX_BINDINGS];
	size_t nbindings;          /* only those set in the file; defaults live in actions.h */
} okr_config;

/* The compiled-in defaults, as libconfig text. */
extern const char okr_config_defaults[];

/* Fill cfg with the defaults.  Never fails. */
void okr_config_defaults_apply(okr_config *cfg);

/* Where the configuration file is: explicit (from --config), else
 * $OKR_CONFIG, else $XDG_CONFIG_HOME/okr/okr.conf (~/.config when unset).
 * Writes the path to out; returns whether a file must exist there (true for
 * --config and $OKR_CONFIG, false for the XDG default). */
bool okr_config_locate(const char *explicit_path, char *out, size_t len);

/* Load the defaults, then the file at path over them.  A missing file is fine
 * unless must_exist.  On error returns false and writes one line to err that
 * names the file and line and says what to change. */
bool okr_config_load(okr_config *cfg, const char *path, bool must_exist,
		     char *err, size_t errlen);

/* The host-wide files, in the order they are read: $OKR_SYSTEM_CONFIG (empty:
 * none) or SYSCONFDIR/okr/okr.conf, then okr/okr.conf under each directory of
 * $XDG_CONFIG_DIRS (default /etc/xdg), the first-listed read last so that it
 * wins.  Returns how many paths were written to out (at most max). */
size_t okr_config_host_files(char (*out)[4096], size_t max);

/* The defaults, then every host-wide file that exists, then the personal file
 * at path (missing is fine unless must_exist), each over the one before.  On
 * error cfg holds the defaults and err names the file and line. */
bool okr_config_load_all(okr_config *cfg, const char *path, bool must_exist,
			 char *err, size_t errlen);

/* text over *cfg as it is (a later file over an earlier one); a key the text
 * binds replaces the earlier binding.  On error cfg is unchanged. */
bool okr_config_apply_string(okr_config *cfg, const char *text, const char *name,
			     char *err, size_t errlen);

/* The same from a string (tests, the example check); `name` appears in errors. */
bool okr_config_load_string(okr_config *cfg, const char *text, const char *name,
			    char *err, size_t errlen);

/* Parse text over *cfg as it is (no defaults first), with every check of a
 * file; on error cfg may be partly written, so callers work on a copy. */
bool okr_config_apply(okr_config *cfg, const char *text, const char *name, char *err, size_t errlen);
/* The same for text made from one value a person typed in a form: the
 * messages name what it takes without libconfig's syntax. */
bool okr_config_apply_typed(okr_config *cfg, const char *text, const char *name, char *err, size_t errlen);

/* ---- team settings (SPEC §7): src/config/config_team.c ----
 * The settings that must be the same for everyone — the gamification rules,
 * status thresholds, rollup mode, the team's time zone and first day of the
 * week, and leaderboard bands
 * — live in the database; these name them and turn them into okr_config
 * fields with the same checks as okr.conf.  Keys are dotted paths, e.g.
 * "gamification.checkin_xp". */
size_t okr_config_team_count(void);
const char *okr_config_team_key(size_t i);
bool okr_config_is_team_key(const char *key);
/* What a person typed for key as a libconfig value, checked: false with a
 * message that says what the key takes. */
bool okr_config_team_literal(const char *key, const char *value, char *out, size_t len,
			     char *err, size_t errlen);
/* The same for a value typed alone in a form (the TUI's settings view): the
 * same checks, and a message in the words of the form, without libconfig's
 * quotes. */
bool okr_config_team_typed(const char *key, const char *value, char *out, size_t len, char *err, size_t errlen);
/* Put the team settings of cfg back to the defaults, then apply n (key,
 * literal) pairs; false with a message (cfg then holds the defaults). */
bool okr_config_team_apply(okr_config *cfg, const char *const *keys, const char *const *literals, size_t n,
			   char *err, size_t errlen);
/* The value of key in cfg as a libconfig literal (7, 0.15, true, "both"). */
void okr_config_team_format(const okr_config *cfg, const char *key, char *out, size_t len);
/* The first team setting that the file text sets, with its line; false when
 * it sets none (or does not parse: the loader reports that). */
bool okr_config_team_in_text(const char *text, char *key, size_t len, unsigned *line);
/* The team settings a libconfig file sets, as (key, literal) pairs in *keys
 * and *literals (malloc'd, free with okr_config_team_pairs_free).  false with
 * a message naming the file and line for a syntax error, a bad value, or a
 * personal setting (which belongs in okr.conf). */
bool okr_config_team_read(const char *path, char ***keys, char ***literals, size_t *n, char *err, size_t errlen);
void okr_config_team_pairs_free(char **keys, char **literals, size_t n);

/* Whether name is a key name okr.conf accepts: one printable character (any
 * single UTF-8 code point), "C-x" with x a letter, Enter, Tab, BTab, Esc,
 * Space, Backspace, Up, Down, Left, Right, Home, End, PgUp, PgDn, Ins, Del or
 * F1..F12.  Spelling is exact (case matters), so the key map and the config
 * check agree on one rule. */
bool okr_key_name_valid(const char *name);

/* The message (without "file:line: ") for a libconfig parse failure of text
 * that libconfig placed at *line with its own words `what`: the line quoted
 * and what to look for, or, when something was left open at the end, where
 * it was opened (*line moves there).  Shared by okr.conf and theme files. */
void okr_config_syntax_message(char *out, size_t len, const char *text, unsigned *line,
			       const char *what);

/* The whole file at path as a string (malloc'd), or NULL with errno set:
 * okr.conf, team files and themes are read the same way. */
char *okr_config_read_file(const char *path);

/* "SOURCE:LINE: " and the message, into err (len > 0), for the parsers of
 * okr.conf and of themes.  Always false, so a parser can return it. */
bool okr_config_error_at(char *err, size_t len, const char *source, unsigned line, const char *fmt, va_list ap);

#endif
