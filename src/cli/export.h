/*
 * export.h — the writers behind `okr export` (src/cli/export_*.c).
 */
#ifndef OKR_CLI_EXPORT_H
#define OKR_CLI_EXPORT_H

#include <stdio.h>
#include "okr/cli.h"
#include "okr/dump.h"

size_t export_count(const okr_dump *d, okr_load_kind k);

/* Every record i of kind k with keep[k][i], as JSON or CSV (exchange.h). */
void export_json(FILE *out, const okr_dump *d, bool *const keep[LOAD_NKINDS]);
/* table >= 0: only that record type, as a plain table with one header row
 * (for sorting and filtering in a spreadsheet); -1: the whole okr stream. */
void export_csv(FILE *out, const okr_dump *d, bool *const keep[LOAD_NKINDS], int table);
/* The record type named name ("key_results" or "key_result"), or -1; and the
 * names, for a message. */
int export_table(const char *name);
void export_table_names(char *out, size_t len);

/* The review report of one cycle (team NULL: all) in Markdown. */
int export_md(cli_ctx *ctx, FILE *out, const okr_cycle *cycle, const char *team);
/* Its leaderboard section (export_md_board.c), and the escaping of database
 * text for Markdown that every section uses. */
int export_md_board(cli_ctx *ctx, FILE *out, const okr_cycle *cycle, const char *team);
void export_md_escape(FILE *f, const char *s);

#endif
