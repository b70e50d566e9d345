/*
 * export.h — the writers behind `okr export` (src/cli/export_*.c).
 */
#ifndef OKR_CLI_EXPORT_H
#define OKR_CLI_EXPORT_H

#include <stdio.h>
#include "okr/cli.h"
#include "okr/dump.h"
#include "okr/util.h"

size_t export_count(const okr_dump *d, okr_load_kind k);

/* The JSON or CSV writer, fed as the store reads (okr_store_dump_each):
 * export_start with the head and which of its records to keep (keep[k][i]
 * for every kind but the four history ones), export_row for each history
 * row that is kept, export_finish.  table >= 0: only that record type, as a
 * plain table with one header row (for sorting and filtering in a
 * spreadsheet); -1: the whole okr stream. */
typedef struct {
	FILE *out;
	const okr_dump *d;
	bool *const *keep;
	bool json;
	int table, cur;       /* cur: the kind being written, -1 before the first */
	json_out j;
	okr_buf line;
} export_writer;
void export_start(export_writer *w, FILE *out, const okr_dump *head, bool *const keep[LOAD_NKINDS], bool json,
		  int table);
void export_row(export_writer *w, okr_load_kind kind, const void *row);
void export_finish(export_writer *w);
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
