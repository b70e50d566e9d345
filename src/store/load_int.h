/*
 * load_int.h — what load.c (the first part of an import: cycles to key
 * results, and the maps from file IDs) shares with load_history.c (the
 * history, which a streamed import writes part by part).
 */
#ifndef OKR_LOAD_INT_H
#define OKR_LOAD_INT_H

#include "okr/dump.h"
#include "store_int.h"

/* File ID → database ID, sorted by file ID for binary search. */
typedef struct {
	int64_t from, to;
} id_pair;

typedef struct {
	id_pair *v;
	size_t n;
} id_map;

typedef struct {
	const okr_dump *d;
	okr_load_report *rep;
	bool dry_run, dry_done;
	id_map cycles, teams, kpis, objs, krs;
	int64_t max_obj, max_kr;        /* the largest IDs before the import: only these can match */
	int64_t max_checkin, max_sample; /* likewise: a uid matched above these is the file's own twice */
	int64_t *used;                  /* existing objectives and key results matched so far */
	size_t nused, capused;
	okr_load_next next;             /* streamed: where the later parts come from */
	void *next_ctx;
	bool started;                   /* streamed: a part was taken, the body cannot run again */
} load_ctx;

int64_t load_map_get(const id_map *m, int64_t from);
okr_result load_at_fault(load_ctx *c, okr_load_kind kind, size_t i, okr_result r);
void load_mark(load_ctx *c, okr_load_kind kind, size_t i, bool created, int64_t id);
/* Step st, a write for record i of kind, once (store_step_done); an error
 * is that record's fault.  load_insert: the same for an INSERT … RETURNING
 * id, *id the new row's (0: none made). */
okr_result load_step(load_ctx *c, okr_store *s, db_stmt *st, okr_load_kind kind, size_t i, const char *doing);
okr_result load_insert(load_ctx *c, okr_store *s, db_stmt *st, okr_load_kind kind, size_t i, const char *doing,
		       int64_t *id);
/* load_step for an insert that adds nothing when the row is already there:
 * record i is marked made or kept by what it did. */
okr_result load_add(load_ctx *c, okr_store *s, db_stmt *st, okr_load_kind kind, size_t i, const char *doing);
/* A person by login, or a failure naming the record. */
okr_result load_person(load_ctx *c, okr_store *s, const char *login, bool optional, okr_load_kind kind, size_t i,
		       int64_t *id);

/* load_history.c: check-ins and KPI values; comments, kudos and grades. */
okr_result load_history_values(load_ctx *c, okr_store *s);
okr_result load_history_feedback(load_ctx *c, okr_store *s);

#endif
