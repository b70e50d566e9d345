/*
 * sqlite_int.h — what the SQLite engine's files share.  Only src/store/sqlite/
 * includes sqlite3.h; the rest of the store sees engine.h.
 */
#ifndef OKR_STORE_SQLITE_INT_H
#define OKR_STORE_SQLITE_INT_H

#include <sqlite3.h>

#include "../engine.h"
#include "../store_int.h"

/* The doorbell watcher (bell.c): inotify on DB-bell, or on its directory
 * for the bell's name when the bell itself cannot be watched. */
typedef struct {
	int fd, wd;        /* fd -1: not watching */
	bool dir_watch;
	bool opened;       /* tried once: a failure is not retried on every poll */
	char name[256];    /* the bell's file name, for the directory watch */
} sq_watch;

typedef struct {
	db_conn base;
	sqlite3 *db;
	char *bell;               /* NULL: no doorbell (an in-memory database) */
	sqlite3_stmt *data_version;
	sq_watch watch;
} sq_conn;

typedef struct {
	db_stmt base;
	sqlite3_stmt *st;
	sq_conn *conn;
} sq_stmt;

static inline sqlite3 *sq_db(db_conn *c)
{
	return ((sq_conn *)c)->db;
}

/* An SQLite result code as a class of engine.h. */
int sq_class(int rc);

/* bell.c */
void sq_bell_ring(sq_conn *c);
int sq_watch_fd(sq_conn *c);
bool sq_watch_ack(sq_conn *c);
void sq_watch_close(sq_conn *c);

/* The store's side of the engine (open.c, fileid.c, side.c). */
okr_result sq_open(okr_store *s);
void sq_opened(okr_store *s);
okr_result sq_cause(okr_store *s, int rc);
okr_file_state sq_file_state(okr_store *s);
void sq_release(okr_store *s);
okr_result sq_health(okr_store *s);
int sq_schema_version(okr_store *s);
int sq_set_schema_version(okr_store *s, int v);
bool sq_exists(const char *target);
void sq_make_room(const char *target);
void sq_discard(okr_store *s);

#endif
