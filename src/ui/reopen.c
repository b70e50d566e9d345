/*
 * reopen.c — a screen whose database file was deleted, replaced or lost
 * its -wal under it (a cleanup script, a restore from backup).
 *
 * Checked on the slow timer and after every doorbell: the moment the file
 * at the path is no longer the one the handle has open, the header stops
 * saying "live" and says what happened, the store refuses every write with
 * "nothing was saved" (fileid.c), and the path is opened again as soon as a
 * database is there — after a deleted -wal, once what the old connection
 * still holds has been copied into the file and the connection let go of
 * the shared -shm (okr_store_release).
 */
#include "okr/i18n.h"
#include "ui_int.h"

const char *reopen_lost_text(okr_file_state st)
{
	switch (st) {
	case OKR_FILE_DELETED: return _("the database file was deleted");
	case OKR_FILE_REPLACED: return _("the database file was replaced");
	case OKR_FILE_WAL_GONE: return _("the database's -wal file was deleted");
	case OKR_FILE_DISCONNECTED: return _("reconnecting…");
	default: return "";
	}
}

const char *reopen_header_text(const ui *u)
{
	if (u->file_lost)
		return reopen_lost_text(u->file_lost);
	return u->damaged || okr_store_damaged(u->store) ? _("the database is damaged") : NULL;
}

/* Once, after the first frame (and after a reopen): a damaged file is said
 * at once, with its fix, rather than when someone's check-in fails. */
unsigned reopen_health(ui *u)
{
	u->health_pending = false;
	u->damaged = okr_store_health(u->store) != OKR_OK;
	if (u->damaged)
		app_message(u, true, "%s", okr_store_error(u->store));
	return u->damaged ? DIRTY_ALL : 0;
}

/* Open the path again; on success the new handle replaces the old one. */
static bool reopen_store(ui *u)
{
	char err[1024];
	return okr_store_reopen(&u->store, err, sizeof err) == OKR_OK;
}

/* A server's connection that dropped: the same handle reconnects by itself
 * when asked (okr_store_file_state, with back-off), and the usual reload
 * then keeps the selection. */
static unsigned reconnect_check(ui *u, okr_file_state st)
{
	if (st == OKR_FILE_DISCONNECTED) {
		if (u->file_lost == OKR_FILE_DISCONNECTED)
			return 0;
		u->file_lost = st;
		u->live = false;
		app_message(u, true, _("%s: the connection to the server was lost — reconnecting…"), u->ctx->db_path);
		return DIRTY_ALL;
	}
	u->file_lost = OKR_FILE_OK;
	u->live = okr_store_wait_fd(u->store) >= 0;
	u->data_version = -1;   /* read everything again */
	app_message(u, false, _("%s: reconnected to the server; live again"), u->ctx->db_path);
	return DIRTY_ALL;
}

unsigned reopen_check(ui *u)
{
	okr_file_state st = okr_store_file_state(u->store);
	if (st == OKR_FILE_OK && !u->file_lost)
		return 0;
	if (st == OKR_FILE_DISCONNECTED || u->file_lost == OKR_FILE_DISCONNECTED)
		return reconnect_check(u, st);
	unsigned dirty = 0;
	if (!u->file_lost) {
		u->file_lost = st;
		u->live = false;
		if (st == OKR_FILE_WAL_GONE)
			okr_store_release(u->store);
		app_message(u, true, _("%s: %s — not live; nothing you enter is saved until okr reopens it"),
			    u->ctx->db_path, reopen_lost_text(st));
		dirty = DIRTY_ALL;
	}
	if (!reopen_store(u))
		return dirty;
	okr_file_state was = u->file_lost;
	u->file_lost = OKR_FILE_OK;
	u->live = okr_store_wait_fd(u->store) >= 0;
	u->health_pending = !u->no_panes;
	app_reload(u, false);
	app_message(u, false, _("%s: %s — reopened the file now at that path; live again"),
		    u->ctx->db_path, reopen_lost_text(was));
	return DIRTY_ALL | DIRTY_LAYOUT;
}
