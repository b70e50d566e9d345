/*
 * look.c — what a person last saw on a leaderboard: the rank of every row
 * of one board ("people/week", "teams/cycle", …) when they last looked, so
 * that the board can show movement "since you last looked" (SPEC §4).
 *
 * A look is the viewer's own state, not team data: it is written through
 * the same safe write path as everything else (BEGIN IMMEDIATE, retried,
 * the doorbell rung) but leaves no audit row, and the TUI writes it only
 * when a board is first shown and when it quits, never on a refresh, so
 * open screens cannot set each other off.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/util.h"
#include "store_int.h"

enum { BOARD_NAME_MAX = 64 };

struct look_ctx {
	const char *board;
	const okr_look_row *rows;
	size_t n;
	okr_time at;
	okr_look_row **out;
	size_t *nout;
	okr_time *at_out;
};

/* A statement about the viewer's own rows of one board: ?1 the viewer,
 * ?2 the board. */
static db_stmt *look_stmt(okr_store *s, const struct look_ctx *c, const char *sql)
{
	db_stmt *st = store_prepare(s, sql);
	if (st) {
		db_bind_int64(st, 1, s->me.id);
		db_bind_text(st, 2, c->board, -1);
	}
	return st;
}

static okr_result get_txn(okr_store *s, void *vctx)
{
	struct look_ctx *c = vctx;
	db_stmt *st = look_stmt(s, c,
		"SELECT item_id, rank, at FROM board_look WHERE person_id = ?1 AND board = ?2 ORDER BY item_id");
	if (!st)
		return OKR_E_FAIL;
	size_t cap = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		okr_xgrow(c->out, &cap, *c->nout + 1, sizeof **c->out);
		(*c->out)[(*c->nout)++] = (okr_look_row){ db_column_int64(st, 0), db_column_int(st, 1) };
		*c->at_out = db_column_int64(st, 2);
	}
	store_done(s, st);
	return rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, _("reading what you last saw on the board"));
}

okr_result okr_store_look_get(okr_store *s, const char *board, okr_look_row **out, size_t *n, okr_time *at)
{
	*out = NULL;
	*n = 0;
	*at = 0;
	struct look_ctx c = { .board = board, .out = out, .nout = n, .at_out = at };
	okr_result r = store_read(s, get_txn, &c);
	if (r) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return r;
}

static okr_result set_txn(okr_store *s, void *vctx)
{
	struct look_ctx *c = vctx;
	const char *doing = _("saving what you saw on the board");
	db_stmt *st = look_stmt(s, c, "DELETE FROM board_look WHERE person_id = ?1 AND board = ?2");
	okr_result r = st ? store_step_done(s, st, doing) : OKR_E_FAIL;
	for (size_t i = 0; !r && i < c->n; i++) {
		st = look_stmt(s, c, "INSERT INTO board_look(person_id, board, item_id, rank, at) "
				     "VALUES(?1, ?2, ?3, ?4, ?5)");
		if (!st)
			return OKR_E_FAIL;
		db_bind_int64(st, 3, c->rows[i].id);
		db_bind_int64(st, 4, c->rows[i].rank);
		db_bind_int64(st, 5, c->at);
		r = store_step_done(s, st, doing);
	}
	return r;
}

okr_result okr_store_look_set(okr_store *s, const char *board, const okr_look_row *rows, size_t n, okr_time at)
{
	if (!board[0] || strlen(board) > BOARD_NAME_MAX)
		return store_fail(s, OKR_E_USAGE, _("'%.80s' is not a board name"), board);
	if (!s->me.id)
		return store_fail(s, OKR_E_NOTFOUND, "%s", _("you are not registered in this database yet"));
	struct look_ctx c = { .board = board, .rows = rows, .n = n, .at = at };
	return store_write(s, set_txn, &c);
}
