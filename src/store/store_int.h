/*
 * store_int.h — what the store's own files share.  Not part of the public
 * face: callers see store.h only.
 */
#ifndef OKR_STORE_INT_H
#define OKR_STORE_INT_H

#include <sqlite3.h>
#include "okr/store.h"

/* "okr!" in the file header: tells an okr database from any other SQLite file. */
#define STORE_APPLICATION_ID 0x6f6b7221

enum { STORE_CACHE = 96 };

struct okr_store {
	sqlite3 *db;
	char *path;
	char *bell;
	okr_person me;
	int flags;
	char err[1024];
	char warning[1024];
	sqlite3_stmt *data_version;
	int64_t own_commits;
	void (*on_wait)(void *);
	void *on_wait_ctx;
	int waited_ms;            /* in the current write */
	bool told_wait;
	bool in_txn;              /* inside store_write/store_read: nested writes join it */
	/* Prepared statements kept for reuse, keyed by the address of their SQL
	 * text (always a string literal): a check-in prepares nothing twice.
	 * Each slot holds one statement, either idle (st) or handed out (out). */
	struct { const char *sql; sqlite3_stmt *st, *out; } cache[STORE_CACHE];
	int ncache;
};

/* Migrations: schema.c */
extern const char *const store_migrations[];
extern const int store_nmigrations;
okr_result store_migrate(okr_store *s, int upto);
/* The refusal of a file whose schema is newer than this binary knows. */
okr_result store_too_new(okr_store *s, int version);

/* Errors: db.c.  store_fail formats the message and returns code. */
okr_result store_fail(okr_store *s, okr_result code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Map an SQLite result to a message that says what to do. */
okr_result store_sqlerr(okr_store *s, int rc, const char *doing);

/* Prepare (or take from the cache), or record the error and return NULL.
 * sql must be a string literal or otherwise outlive the store.  Every
 * statement is given back with store_done, which resets it so that no read
 * transaction outlives the call. */
sqlite3_stmt *store_prepare(okr_store *s, const char *sql);
void store_done(okr_store *s, sqlite3_stmt *st);
void store_cache_clear(okr_store *s);

/* Run fn inside BEGIN IMMEDIATE … COMMIT, retrying the whole transaction while
 * the database is busy; fn's error rolls everything back. */
typedef okr_result (*store_txn_fn)(okr_store *s, void *ctx);
okr_result store_write(okr_store *s, store_txn_fn fn, void *ctx);
/* The same with a read transaction, so a reader sees one consistent state. */
okr_result store_read(okr_store *s, store_txn_fn fn, void *ctx);

/* Inside a write: one audit row. kind: 'O','K','P','C' (cycle),'U' (person),
 * 'T' (team), 'X' (comment), 'D' (kudos), 'G' (grade), 'I' (check-in), 'S'. */
okr_result store_audit(okr_store *s, const char *action, char kind, int64_t id,
		       const char *detail);

/* A fresh client-made unique id (32 hex digits). */
void store_make_uid(char out[33]);

/* SQLite's busy handler: waits in short steps and tells the person. */
int store_busy_handler(void *ctx, int count);

/* Text that people typed: required or not, at most max bytes, valid UTF-8. */
okr_result store_check_text(okr_store *s, const char *what, const char *text, size_t max, bool required);

/* What the store needs to know about a key result before changing it. */
typedef struct {
	int64_t owner, obj_owner, cycle, version;
	okr_kr_type type;
} kr_meta;
okr_result store_kr_meta(okr_store *s, int64_t id, kr_meta *m);
/* The same for an archived key result (archived true) or a live one. */
okr_result store_kr_meta_of(okr_store *s, int64_t id, bool archived, kr_meta *m);

/* Inside a transaction: is this cycle closed (read-only)?  close.c */
bool store_cycle_closed(okr_store *s, int64_t cycle_id);

/* Column helpers. */
char *store_col_text(sqlite3_stmt *st, int col);  /* malloc'd, never NULL */
int64_t store_person_id(okr_store *s, const char *login);  /* 0: unknown */

const char *store_role_name(okr_role r);
int64_t store_team_id(okr_store *s, const char *name);    /* 0: unknown */
void store_person_row(sqlite3_stmt *st, okr_person *p);
extern const char store_person_select[];
const char *store_freq_name(okr_frequency f);
int store_freq_parse(const char *s);   /* -1 unknown */

#endif
