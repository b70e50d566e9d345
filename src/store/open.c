/*
 * open.c — opening the database with the engine that serves its path,
 * bringing its schema up to date, and registering the person who opens it.
 * What is particular to an engine (the checks of a shared file, a server's
 * connection) is in its folder: sqlite/open.c.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/util.h"
#include "store_int.h"

static void display_name(const char *login, char *out, size_t len)
{
	struct passwd *pw = getpwnam(login);
	out[0] = '\0';
	if (pw && pw->pw_gecos && *pw->pw_gecos) {
		okr_strlcpy(out, pw->pw_gecos, len);
		char *comma = strchr(out, ',');
		if (comma)
			*comma = '\0';
	}
	if (!out[0])
		okr_strlcpy(out, login, len);
}

/* The person's own row, if they are registered (*found), without their
 * teams: okr_store_me reads those when they are first wanted. */
static okr_result load_me(okr_store *s, bool *found)
{
	okr_person p;
	okr_result r = store_me_row(s, &p);
	*found = r == OKR_OK;
	if (r == OKR_E_NOTFOUND)   /* not yet: not an error of opening */
		return OKR_OK;
	if (r != OKR_OK)
		return r;
	okr_person_free(&s->me);   /* the placeholder login, name and teams */
	s->me = p;
	s->me_teams = false;
	return OKR_OK;
}

/* Register the person on first use; the first person of a database is its admin. */
static okr_result register_txn(okr_store *s, void *ctx)
{
	(void)ctx;
	if (store_person_id(s, s->me.login))
		return OKR_OK;
	char name[256];
	display_name(s->me.login, name, sizeof name);
	db_stmt *st = store_prepare(s,
		"INSERT INTO person(login, name, role, created_at) VALUES(?1, ?2, "
		"CASE WHEN EXISTS(SELECT 1 FROM person) THEN 'member' ELSE 'admin' END, ?3) RETURNING id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_text(st, 1, s->me.login, -1);
	db_bind_text(st, 2, name, -1);
	db_bind_int64(st, 3, okr_now());
	int64_t id;
	int rc = db_step_id(st, &id);
	store_done(s, st);
	if (rc != DB_DONE)
		return store_sqlerr(s, rc, _("registering you"));
	return store_audit(s, "register", 'U', id, s->me.login);
}

static okr_result setup(okr_store *s)
{
	okr_result r = s->eng->open(s);
	if (r != OKR_OK)
		return r;
	r = store_migrate(s, store_nmigrations);
	if (r != OKR_OK)
		return r;
	/* Someone already registered opens without a write (a server's round
	 * trips, SQLite's write lock) and with one read, of their own row;
	 * register_txn asks again inside its own. */
	bool found;
	if ((r = load_me(s, &found)))
		return r;
	if (!found && !(s->flags & (OKR_OPEN_READONLY | OKR_OPEN_BARE))) {
		if ((r = store_write(s, register_txn, NULL)) || (r = load_me(s, &found)))
			return r;
	}
	s->eng->opened(s);
	return r;
}

okr_result okr_store_open(const char *path, int flags, const char *login,
			  okr_store **out, char *err, size_t errlen)
{
	*out = NULL;
	okr_store *s = okr_xcalloc(1, sizeof *s);
	s->flags = flags;
	s->eng = db_engine_for(path);
	s->path = okr_xstrdup(path);
	size_t n = strlen(path) + 6;
	s->bell = okr_xmalloc(n);
	snprintf(s->bell, n, "%s-bell", path);
	s->me.login = okr_xstrdup(login);
	s->me.name = okr_xstrdup(login);
	s->me.teams = okr_xstrdup("");
	if (!path[0]) {
		okr_strlcpy(err, _("no database path given — use --db PATH or set $OKR_DB"), errlen);
		okr_store_close(s);
		return OKR_E_USAGE;
	}
	okr_result r = setup(s);
	if (r != OKR_OK) {
		okr_strlcpy(err, s->err, errlen);
		okr_store_close(s);
		return r;
	}
	*out = s;
	return OKR_OK;
}

void okr_store_close(okr_store *s)
{
	if (!s)
		return;
	store_events_drop(s);
	free(s->events);
	store_cache_clear(s);
	if (s->db)
		db_close(s->db);
	okr_person_free(&s->me);
	free(s->path);
	free(s->bell);
	free(s);
}

bool okr_store_exists(const char *path)
{
	return db_engine_for(path)->exists(path);
}

void okr_store_make_room(const char *path)
{
	db_engine_for(path)->make_room(path);
}

void okr_store_preload(const char *path)
{
	const db_engine *e = db_engine_for(path);
	if (e->preload)
		e->preload();
}

void okr_store_discard(okr_store *s)
{
	if (!s)
		return;
	store_cache_clear(s);
	db_close(s->db);
	s->db = NULL;
	s->eng->discard(s);
	okr_store_close(s);
}

okr_result okr_store_reopen(okr_store **sp, char *err, size_t errlen)
{
	okr_store *old = *sp, *fresh = NULL;
	if (!old->eng->exists(old->path)) {
		snprintf(err, errlen, _("no database at %s yet"), old->path);
		return OKR_E_DB;
	}
	okr_result r = okr_store_open(old->path, old->flags & ~(OKR_OPEN_CREATE | OKR_OPEN_SHARED),
				      old->me.login, &fresh, err, errlen);
	if (r != OKR_OK)
		return r;
	fresh->on_wait = old->on_wait;
	fresh->on_wait_ctx = old->on_wait_ctx;
	okr_store_close(old);
	*sp = fresh;
	return OKR_OK;
}

okr_result store_closed(okr_store *s)
{
	return store_fail(s, OKR_E_DB, _("%s is closed here while its -wal is repaired — nothing was saved; "
					 "okr opens it again in a moment"), s->path);
}
