/*
 * ctx.h — what a front end runs with, below both of them: the open store,
 * the configuration, who is using okr and the clock.  The command line keeps
 * more (src/cli's cli_ctx: what a write made, for --json); the full-screen
 * view and `okr board` need only this.
 */
#ifndef OKR_CTX_H
#define OKR_CTX_H

#include "okr/config.h"
#include "okr/store.h"

typedef struct {
	okr_store *store;          /* may be NULL: the full-screen view opens its own */
	okr_config *cfg;
	const char *config_path;   /* for messages about okr.conf */
	const char *db_path;
	const char *login;
	okr_time (*now)(void);     /* okr_now: OKR_NOW in the test build */
} okr_ctx;

#endif
