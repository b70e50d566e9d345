/*
 * board.c — okr_board_load (see okr/board.h): the snapshot a board names
 * people and teams from, and the scores brought up to date.
 */
#include <string.h>

#include "okr/board.h"

/* A cycle id no row has: the snapshot then holds no objectives or key
 * results, only the people, teams and cycles a board names. */
#define NO_CYCLE INT64_MIN

okr_result okr_board_names(okr_store *s, okr_snapshot *out)
{
	okr_result r = okr_store_snapshot(s, NO_CYCLE, false, out);
	if (r)
		return r;
	/* The current cycle, as a snapshot of cycle 0 would have chosen it. */
	out->cycle_id = out->ncycles ? out->cycles[out->ncycles - 1].id : 0;
	for (size_t i = 0; i < out->ncycles; i++)
		if (out->cycles[i].current)
			out->cycle_id = out->cycles[i].id;
	return OKR_OK;
}

okr_result okr_board_load(okr_store *s, const okr_config *cfg, const char *login, int64_t explain,
			  okr_board_reads reads, okr_board *out)
{
	memset(out, 0, sizeof *out);
	out->now = okr_now();
	okr_result r = reads == OKR_BOARD_EVERYTHING ? okr_store_snapshot(s, 0, false, &out->snap)
						     : okr_board_names(s, &out->snap);
	if (r)
		return r;
	/* A board ranks and names: the ledger's board part will do. */
	r = reads != OKR_BOARD_EVERYTHING
		    ? okr_store_score_board(s, &cfg->game, cfg->week_offset_minutes, &out->st)
		    : okr_store_score_refresh(s, &cfg->game, cfg->week_offset_minutes, explain, &out->st, NULL);
	if (r) {
		okr_snapshot_free(&out->snap);
		return r;
	}
	const okr_person *me = okr_board_login(&out->snap, login);
	out->me = me ? me->id : 0;
	return OKR_OK;
}

void okr_board_free(okr_board *b)
{
	score_free(b->st);
	okr_snapshot_free(&b->snap);
	memset(b, 0, sizeof *b);
}
