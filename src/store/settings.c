/*
 * settings.c — the team settings (SPEC §7) as rows of team_setting: a key
 * (a dotted okr.conf path such as "gamification.checkin_xp") and its value
 * as libconfig text.  A key without a row has the built-in default.  What a
 * value may be is checked by src/config (the same loader as okr.conf); the
 * store decides who may change one and records every change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/permit.h"
#include "okr/util.h"
#include "store_int.h"

struct list_ctx {
	okr_setting *v;
	size_t n;
};

static okr_result list_txn(okr_store *s, void *vctx)
{
	struct list_ctx *c = vctx;
	db_stmt *st = store_prepare(s, STORE_SETTING_SELECT " ORDER BY t.key");
	if (!st)
		return OKR_E_FAIL;
	return store_collect(s, st, store_setting_row, sizeof *c->v, &c->v, &c->n, _("reading the team settings"));
}

okr_result okr_store_settings(okr_store *s, okr_setting **out, size_t *n)
{
	/* One statement is consistent by itself: a transaction around it
	 * would only cost a server two more round trips, at every start. */
	struct list_ctx c = { NULL, 0 };
	okr_result r = list_txn(s, &c);
	if (r) {
		okr_settings_free(c.v, c.n);
		c.v = NULL;
		c.n = 0;
	}
	*out = c.v;
	*n = c.n;
	return r;
}

void okr_settings_free(okr_setting *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].value);
		free(v[i].by);
	}
	free(v);
}

struct set_ctx {
	const char *key, *value;
};

static okr_result set_txn(okr_store *s, void *vctx)
{
	struct set_ctx *c = vctx;
	if (!okr_may_change_settings(s->me.role))
		return store_fail(s, OKR_E_DENIED, _("only a lead or an admin can change the team's settings — "
						     "ask one to run `okr settings set %s %s`"), c->key, c->value);
	db_stmt *st = store_prepare(s, "SELECT value FROM team_setting WHERE key = ?1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_text_static(st, 1, c->key, -1);
	char *old = db_step(st) == DB_ROW ? store_col_text(st, 0) : NULL;
	store_done(s, st);
	bool same = old && !strcmp(old, c->value);
	char detail[512];
	snprintf(detail, sizeof detail, "%s: %s → %s", c->key, old ? old : "(default)", c->value);
	free(old);
	if (same)
		return OKR_OK;
	st = store_prepare(s, "INSERT INTO team_setting(key, value, by_id, at) VALUES(?1, ?2, ?3, ?4) "
			      "ON CONFLICT(key) DO UPDATE SET value = excluded.value, by_id = excluded.by_id, "
			      "at = excluded.at");
	if (!st)
		return OKR_E_FAIL;
	db_bind_text_static(st, 1, c->key, -1);
	db_bind_text_static(st, 2, c->value, -1);
	db_bind_int64(st, 3, s->me.id);
	db_bind_int64(st, 4, okr_now());
	okr_result r = store_step_done(s, st, _("saving the team settings"));
	if (r)
		return r;
	return store_audit(s, "setting", 'S', 0, detail);
}

okr_result okr_store_setting_set(okr_store *s, const char *key, const char *value)
{
	struct set_ctx c = { key, value };
	return store_write(s, set_txn, &c);
}

okr_result okr_store_team_settings_apply(okr_store *s, okr_config *cfg, char *err, size_t errlen)
{
	okr_setting *v;
	size_t n;
	okr_result r = okr_store_settings(s, &v, &n);
	if (r) {
		snprintf(err, errlen, "%s", okr_store_error(s));
		return r;
	}
	const char **keys = okr_xcalloc(n + 1, sizeof *keys), **vals = okr_xcalloc(n + 1, sizeof *vals);
	for (size_t i = 0; i < n; i++) {
		keys[i] = v[i].key;
		vals[i] = v[i].value;
	}
	bool ok = okr_config_team_apply(cfg, keys, vals, n, err, errlen);
	free(keys);
	free(vals);
	okr_settings_free(v, n);
	return ok ? OKR_OK : OKR_E_DB;
}

typedef struct {
	okr_config *cfg;
	const char *const *keys, *const *literals;
	size_t n;
	char *err;
	size_t errlen;
} change_ctx;

/* Inside one write: the rows, then the whole set checked together (the
 * thresholds' order), then the ledger rebuilt under the new rules, so no
 * one ever sees the new rules with the old scores and the rebuild is done
 * once, by the one who changed them, instead of by every viewer. */
static okr_result change_txn(okr_store *s, void *vctx)
{
	change_ctx *c = vctx;
	okr_result r;
	for (size_t i = 0; i < c->n; i++)
		if ((r = okr_store_setting_set(s, c->keys[i], c->literals[i])))
			return r;
	okr_config cfg = *c->cfg;
	if (okr_store_team_settings_apply(s, &cfg, c->err, c->errlen))
		return OKR_E_USAGE;
	if ((r = okr_store_ledger_rebuild(s, &cfg.game, cfg.week_offset_minutes)))
		return r;
	*c->cfg = cfg;
	return OKR_OK;
}

okr_result okr_store_settings_change(okr_store *s, okr_config *cfg, const char *const *keys,
				     const char *const *literals, size_t n, char *err, size_t errlen)
{
	change_ctx c = { cfg, keys, literals, n, err, errlen };
	err[0] = '\0';
	return okr_store_batch(s, change_txn, &c);
}
