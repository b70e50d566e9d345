/*
 * audit.h — the audit trail read back (`okr log`, `L` and `:log` in the
 * full-screen view): who changed what and when.  Every committed write leaves
 * one row (store.h); the store reads them (okr_store_audit_list), this module
 * says in words what each one was, the same way for the TUI and the CLI.
 */
#ifndef OKR_AUDIT_H
#define OKR_AUDIT_H

#include <stddef.h>
#include "okr/model.h"

/* One row of the trail, copied out of the store. */
typedef struct {
	int64_t id;
	okr_time at;
	char *who;          /* the login of the person who did it; "?" when unknown */
	char *action;       /* "checkin", "edit", "archive", … as the store wrote it */
	char kind;          /* the item: 'O', 'K', 'P' (KPI), 'C' (cycle), 'U' (person),
			       'T' (team), 'D' (kudos), 'S' (the whole database) */
	int64_t entity_id;
	char *title;        /* the item's title or name today; "" when it has none */
	char *detail;       /* what the store recorded with it (a value, a name) */
} okr_audit_entry;

/* Which rows: newest first. */
typedef struct {
	char kind;          /* 0: every item; 'O' also takes its key results' rows */
	int64_t id;
	const char *person; /* a login, or NULL: anyone */
	okr_time since;     /* 0: from the beginning */
	size_t limit;       /* 0: all */
} okr_audit_query;

/* The item as people say it: "O3", "K12", "KPI2", the cycle's or team's
 * name, "@login"; "" for the whole database.  buf: at least 24 bytes. */
const char *okr_audit_ref(const okr_audit_entry *e, char *buf, size_t len);
/* What was done, in words: "checked in 640", "archived", "linked to KPI3". */
const char *okr_audit_what(const okr_audit_entry *e, char *buf, size_t len);
/* The JSON/CLI name of an item kind: "objective", "kr", "kpi", … */
const char *okr_audit_kind_name(char kind);

void okr_audit_free(okr_audit_entry *v, size_t n);

#endif
