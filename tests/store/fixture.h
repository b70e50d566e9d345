/*
 * fixture.h — the store tests' fixture: a fresh temporary directory with a
 * database path in it, and the store's clock fixed, made before each test
 * and removed after it.  Included by the store tests that need nothing more.
 */
#ifndef OKR_TEST_FIXTURE_H
#define OKR_TEST_FIXTURE_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "okr/store.h"

typedef struct {
	char dir[256];
	char path[300];   /* dir/okr.db, not made yet */
} fx;

static int fx_rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	return remove(p);
}

/* tag names the directory (okr-TAG-XXXXXX under $TMPDIR or /tmp). */
static inline int fx_setup(void **state, const char *tag, okr_time now)
{
	fx *f = calloc(1, sizeof *f);
	const char *tmp = getenv("TMPDIR");
	if (!f)
		return -1;
	snprintf(f->dir, sizeof f->dir, "%s/okr-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", tag);
	if (!mkdtemp(f->dir)) {
		free(f);
		return -1;
	}
	snprintf(f->path, sizeof f->path, "%s/okr.db", f->dir);
	okr_clock_fix(now);
	*state = f;
	return 0;
}

static inline int fx_teardown(void **state)
{
	fx *f = *state;
	nftw(f->dir, fx_rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

#endif
