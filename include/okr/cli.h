/*
 * cli.h — the command line (SPEC §6).  One command, one file in src/cli/, one
 * entry in the table of src/cli/commands.c (the way tmux's cmd-*.c work).
 */
#ifndef OKR_CLI_H
#define OKR_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include "okr/board.h"
#include "okr/config.h"
#include "okr/ctx.h"
#include "okr/due.h"
#include "okr/store.h"

/* How a command needs the database. */
typedef enum {
	CLI_DB_NONE,      /* does not touch it (help) */
	CLI_DB_READ,      /* reads only: opened read-only, works on a read-only file */
	CLI_DB_WRITE,     /* writes: the file must exist and be writable */
	CLI_DB_CREATE,    /* creates it when missing (init, demo) */
	CLI_DB_SELF       /* opens it itself (the TUI and board, which fall back to read-only) */
} cli_db_need;

typedef struct {
	okr_config cfg;
	char config_path[4096];
	char db_path[4096];
	char login[256];
	okr_store *store;
	const char *prog;          /* "okr" */
	/* What a write command made or changed, for --json (write_json.c):
	 * an objective, key result or KPI by ID, or a person, cycle or team
	 * ('P', 'C', 'T') by name, or the database itself ('D': okr init,
	 * okr demo). */
	okr_id_kind made_kind;
	int64_t made_id;
	char made_what;
	char made_name[256];
	bool made_shared;          /* 'D': made for a Unix group (init --shared) */
} cli_ctx;

typedef struct cli_command {
	const char *name;
	const char *args;          /* usage after the name */
	const char *summary;       /* one line for `okr help` */
	cli_db_need db;
	int (*run)(cli_ctx *ctx, int argc, char **argv);
	/* When main cannot open the database the command needs: NULL, or a
	 * function that returns an exit code to end with instead of the
	 * store's error (okr due --brief: a nudge never fails a login), or -1
	 * for the store's error after all. */
	int (*without_db)(cli_ctx *ctx, int argc, char **argv);
} cli_command;

/* The table, ended by a zero entry. */
extern const cli_command cli_commands[];
const cli_command *cli_find(const char *name);

/* ---- options: src/cli/args.c ---- */

enum { CLI_MAX_OPTS = 24, CLI_MAX_POS = 8 };

typedef struct {
	const char *name;          /* long name without "--" */
	char shrt;                 /* short letter or 0 */
	bool has_arg;
} cli_opt;

typedef struct {
	const char *val[CLI_MAX_OPTS];   /* the argument, or "" for a flag given */
	const char *pos[CLI_MAX_POS];
	int npos;
} cli_args;

/* Parse argv (after the command name) by opts; a word that reads as a
 * negative number is a positional argument, not an option.  Checks the count
 * of positionals against [min_pos, max_pos].  On error prints the problem
 * and the usage line and returns OKR_E_USAGE. */
int cli_parse(const char *cmd, const char *usage, const cli_opt *opts, int argc, char **argv,
	      int min_pos, int max_pos, cli_args *out);
/* The value of option `name`, or NULL when not given. */
const char *cli_opt_get(const cli_opt *opts, const cli_args *a, const char *name);

/* ---- shared helpers: src/cli/common.c ---- */

/* "okr: <message>" on stderr; returns code so a command can `return cli_fail(...)`. */
int cli_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Report the store's last error with its code. */
int cli_store_fail(cli_ctx *ctx, int code);

/* A command's subcommands, a table ending in { NULL }: the one argv[0]
 * names runs with the words after it; none or another word is
 * cli_usage_fail. */
typedef struct {
	const char *name;
	int (*run)(cli_ctx *ctx, int argc, char **argv);
} cli_sub;
int cli_run_sub(cli_ctx *ctx, const char *command, const cli_sub *subs, int argc, char **argv);
/* --if-version N of an edit or archive: *version, 0 when it is not given. */
int cli_if_version(const cli_opt *opts, const cli_args *a, int64_t *version);
/* A new item: recorded for --json, its ID printed. */
int cli_added(cli_ctx *ctx, okr_id_kind kind, int64_t id);
/* `okr CMD SUB ID` where the whole command is one store write on the item:
 * parsed by usage and opts, the ID of kind given to write. */
int cli_on_id(cli_ctx *ctx, const char *cmd, const char *usage, const cli_opt *opts, okr_id_kind kind,
	      okr_result (*write)(okr_store *s, int64_t id), int argc, char **argv);
/* The context the full-screen view and the live board run with. */
okr_ctx cli_core_ctx(cli_ctx *ctx);
/* Open ctx->db_path into ctx->store; from then on ctx->login is whom the
 * store acts for (on a server, the role it connected as).  The message of
 * a failure is in err. */
okr_result cli_open(cli_ctx *ctx, int flags, char *err, size_t errlen);
/* okr_board_load for the viewer; on error says why and returns the code. */
int cli_board_load(cli_ctx *ctx, okr_board_reads reads, okr_board *out);
/* "week", "cycle", "all" → a score_window; -1 with a message otherwise. */
int cli_window_parse(const char *s);

int cli_number(const char *what, const char *s, double *out);
int cli_confidence(const char *s, int *out);
int cli_date(const char *what, const char *s, okr_day *out);
int cli_frequency(const char *s, int *out);
/* Parse a typed ID of the given kind (ID_NONE: any); names the kind wanted. */
int cli_id(const char *s, okr_id_kind want, okr_id_kind *kind, int64_t *id);
/* A cycle by name, or the current one when name is NULL. */
int cli_cycle(cli_ctx *ctx, const char *name, okr_cycle *out);
/* The team of snap that `typed` names: the exact name, else the one team
 * whose name folds the same (okr_fold: "cong ty" for "Công ty"); NULL when
 * none or more than one. */
const char *cli_team_pick(const okr_snapshot *snap, const char *typed);

/* Text from the database for a person's terminal: sanitised, fitted and
 * padded to cols display columns (cols < 0: sanitised only). */
void cli_put(FILE *f, const char *s, int cols);
/* printf to stdout, the whole text made safe for the terminal (newlines
 * kept): for lines that quote a path or an argument. */
void cli_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "already recorded (--id ID): nothing added" on stdout: a recognised retry. */
void cli_already_recorded(const char *id);
/* A word of a table (a header, a status) padded to cols display columns —
 * printf's %-10s counts bytes, which puts translated words out of line —
 * or left whole when it is wider.  align: TEXT_ALIGN_LEFT or _RIGHT. */
void cli_cell(FILE *f, const char *s, int cols, int align);
/* A text progress bar of width cols: "██████░░░░". */
void cli_bar(FILE *f, double progress, int cols);

/* ---- team settings: src/cli/settings.c ---- */

/* okr_store_team_settings_apply for ctx->store over ctx->cfg, reporting an error as cli_fail does. */
int cli_team_settings(cli_ctx *ctx);
/* A warning on stderr when ctx's okr.conf still sets a team setting. */
void cli_team_conf_warn(const cli_ctx *ctx);

/* Before archiving kind 'O' or 'K': go ahead with yes (--yes); on a
 * terminal say what goes with it and ask; otherwise refuse, naming --yes
 * (archive_confirm.c).  0: go ahead. */
int cli_confirm_archive(cli_ctx *ctx, char kind, int64_t id, bool yes);

/* ---- JSON output: src/cli/json.c ---- */

typedef struct {
	FILE *f;
	int depth;
	bool first[32];
	bool pretty;
} json_out;

void json_begin(json_out *j, FILE *f);
void json_obj(json_out *j, const char *key);     /* key NULL inside an array */
void json_arr(json_out *j, const char *key);
void json_end_obj(json_out *j);
void json_end_arr(json_out *j);
void json_str(json_out *j, const char *key, const char *v);
void json_num(json_out *j, const char *key, double v);    /* non-finite → null */
void json_int(json_out *j, const char *key, int64_t v);
void json_bool(json_out *j, const char *key, bool v);
void json_null(json_out *j, const char *key);
/* A value already in JSON form (a number as x_num writes it, true, false). */
void json_raw(json_out *j, const char *key, const char *literal);
void json_finish(json_out *j);
/* A time as ISO 8601 UTC ("2026-11-23T12:00:00Z"), the export's form; 0 is null. */
void json_time(json_out *j, const char *key, okr_time t);
/* v, or null when the value is not there (have false). */
void json_num_or_null(json_out *j, const char *key, double v, bool have);
/* A confidence from 0 to 10, or null for none (-1). */
void json_confidence(json_out *j, const char *key, int confidence);
/* "Sales, Support" as the array ["Sales", "Support"]. */
void json_str_list(json_out *j, const char *key, const char *list);

/* ---- src/cli/theme_check.c ---- */

/* A theme in okr.conf that cannot be loaded, said on stderr as a warning by
 * commands that do not draw (the TUI refuses to start instead). */
void cli_theme_warn(const cli_ctx *ctx);

/* ---- the usage strings as data: src/cli/usage.c ---- */

enum { CLI_FORM_MAX = 24 };

/* One form of a usage string: "add NAME --start YYYY-MM-DD ...". */
typedef struct {
	char sub[24];                        /* "add"; "" when the form has none */
	struct { char name[32]; char value[48]; } opts[CLI_FORM_MAX];   /* value "": a flag */
	int nopts;
	char pos[CLI_FORM_MAX][48];          /* positional words: "KR", "member|lead|admin" */
	int npos;
} cli_form;

/* The length of usage's first form: up to a " | " at bracket depth 0. */
size_t cli_usage_form_len(const char *usage);
/* Form number index of usage; false past the last. */
bool cli_usage_form(const char *usage, int index, cli_form *out);
/* Whether word is new to seen (a " a b " list in a buffer of len bytes,
 * started as " "); a new word is added.  The option lists of okr(1) and of
 * Tab completion name each option once across a command's forms. */
bool cli_word_once(char *seen, size_t len, const char *word);
/* Commands named "__…" are for the shells' completion scripts, not people:
 * help, the man page and the completions leave them out. */
#define CLI_HIDDEN(c) ((c)->name[0] == '_')

/* ---- --json on every write command: src/cli/write_json.c ---- */

/* A write command says what it made or changed; with --json that item is
 * printed, in the words of `okr show --json`, instead of the human text. */
void cli_made(cli_ctx *ctx, okr_id_kind kind, int64_t id);
void cli_made_named(cli_ctx *ctx, char what, const char *name);
/* The fields every --json says a cycle (name, start, end) and an objective
 * (id, title, description, owner, team) with. */
void cli_json_cycle(json_out *j, const okr_cycle *c);
void cli_json_objective_head(json_out *j, const okr_objective *o);
/* The command writes, so it takes --json (write_json.c): every CLI_DB_WRITE
 * command, and init and demo, which open the database themselves. */
bool cli_command_writes(const cli_command *c);
/* Whether argv (after the command name) asks --json of a write command whose
 * usage has no --json of its own; if so the word is taken out of argv. */
bool cli_write_json_wanted(const cli_command *c, int *argc, char **argv);
/* Run c with its human output silenced, then print what it made as JSON. */
int cli_write_json_run(cli_ctx *ctx, const cli_command *c, int argc, char **argv);

/* ---- what a person owes: src/cli/cmd_due.c ---- */

/* okr due's list: the current cycle's snapshot first, then each ended,
 * unclosed cycle (grades are owed there); due borrows their titles. */
typedef struct {
	okr_snapshot *snaps;
	size_t n;
	okr_due_list due;
} cli_due;

int cli_due_gather(cli_ctx *ctx, int64_t me, cli_due *v);
void cli_due_free(cli_due *v);

/* okr CMD --help: each form of c's usage and its summary (cmd_help.c). */
int cli_command_help(const cli_command *c);
/* A subcommand missing or unknown: says so and prints the forms on stderr;
 * returns OKR_E_USAGE. */
int cli_usage_fail(const char *name, const char *sub);

#endif
