/*
 * cli.h — the command line (SPEC §6).  One command, one file in src/cli/, one
 * entry in the table of src/cli/commands.c (the way tmux's cmd-*.c work).
 */
#ifndef OKR_CLI_H
#define OKR_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include "okr/config.h"
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
} cli_ctx;

typedef struct cli_command {
	const char *name;
	const char *args;          /* usage after the name */
	const char *summary;       /* one line for `okr help` */
	cli_db_need db;
	int (*run)(cli_ctx *ctx, int argc, char **argv);
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

int cli_number(const char *what, const char *s, double *out);
int cli_confidence(const char *s, int *out);
int cli_date(const char *what, const char *s, okr_day *out);
int cli_frequency(const char *s, int *out);
/* Parse a typed ID of the given kind (ID_NONE: any); names the kind wanted. */
int cli_id(const char *s, okr_id_kind want, okr_id_kind *kind, int64_t *id);
/* A cycle by name, or the current one when name is NULL. */
int cli_cycle(cli_ctx *ctx, const char *name, okr_cycle *out);

/* Text from the database for a person's terminal: sanitised, fitted and
 * padded to cols display columns (cols < 0: sanitised only). */
void cli_put(FILE *f, const char *s, int cols);
/* A text progress bar of width cols: "██████░░░░". */
void cli_bar(FILE *f, double progress, int cols);

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

/* ---- src/cli/theme_check.c ---- */

/* A theme in okr.conf that cannot be loaded, said on stderr as a warning by
 * commands that do not draw (the TUI refuses to start instead). */
void cli_theme_warn(const cli_ctx *ctx);

/* okr CMD --help: each form of c's usage and its summary (cmd_help.c). */
int cli_command_help(const cli_command *c);
/* A subcommand missing or unknown: says so and prints the forms on stderr;
 * returns OKR_E_USAGE. */
int cli_usage_fail(const char *name, const char *sub);

#endif
