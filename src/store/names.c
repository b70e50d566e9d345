/*
 * names.c — finding a person or a KPI by what someone typed.
 *
 * One rule for every command that takes a person (kudos, --owner, okr show)
 * and for KPI names: an exact login or name wins; otherwise the text is
 * compared folded (okr_fold: case, accents, Unicode normal form), so
 * `okr kudos "王伟"`, `okr kudos "wang wei"` and `okr kpi push "khach hang…"`
 * find what a person means.  When the folded text fits more than one, the
 * refusal lists the candidates by login so the person can pick one.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/fold.h"
#include "okr/i18n.h"
#include "okr/util.h"
#include "store_int.h"

enum { CANDIDATES_SHOWN = 8 };

/* Rows (id, key, shown[, key2]) of sql whose folded key or key2 equals the
 * folded text: the unique id, or 0 with *count and the candidates listed. */
static int64_t folded_match(okr_store *s, const char *sql, const char *text, int *count, okr_buf *list)
{
	db_stmt *st = store_prepare(s, sql);
	int64_t found = 0;
	*count = 0;
	if (!st)
		return 0;
	char *want = okr_fold(text);
	while (db_step(st) == DB_ROW) {
		bool hit = false;
		for (int col = 1; col < db_column_count(st) && !hit; col += 2) {
			char *f = okr_fold(db_column_text(st, col));
			hit = *want && strcmp(f, want) == 0;
			free(f);
		}
		if (!hit)
			continue;
		found = db_column_int64(st, 0);
		if (++*count <= CANDIDATES_SHOWN)
			okr_buf_printf(list, "%s%s", *count > 1 ? ", " : "",
				       db_column_text(st, 2));
	}
	store_done(s, st);
	free(want);
	return *count == 1 ? found : 0;
}

okr_result store_person_ref(okr_store *s, const char *who, int64_t *id)
{
	if (!who)
		who = "";
	if (who[0] == '@')
		who++;
	*id = store_person_id(s, who);
	if (*id)
		return OKR_OK;
	int n;
	okr_buf list;
	okr_buf_init(&list);
	*id = folded_match(s, "SELECT id, login, '@' || login || CASE WHEN name <> '' AND name <> login "
			   "THEN ' (' || name || ')' ELSE '' END, name FROM person ORDER BY login", who, &n, &list);
	okr_result r = OKR_OK;
	if (n == 0)
		r = store_fail_no_person(s, who);
	else if (n > 1)
		r = store_fail(s, OKR_E_USAGE, ngettext("'%s' could be any of %d person: %s%s — name one by login",
							"'%s' could be any of %d people: %s%s — name one by login",
							(unsigned long)n),
			       who, n, list.s, n > CANDIDATES_SHOWN ? ", …" : "");
	okr_buf_free(&list);
	return r;
}

okr_result okr_store_person_find(okr_store *s, const char *who, okr_person *out)
{
	memset(out, 0, sizeof *out);
	const char *login = who ? who : "";
	int64_t id;
	okr_result r = store_person_ref(s, login, &id);
	if (r)
		return r;
	db_stmt *st = store_prepare(s, "SELECT login FROM person WHERE id = ?1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, id);
	char *found = db_step(st) == DB_ROW ? store_col_text(st, 0) : okr_xstrdup(login + (login[0] == '@'));
	store_done(s, st);
	r = okr_store_person(s, found, out);
	free(found);
	return r;
}

int64_t store_kpi_ref(okr_store *s, const char *name, okr_result *r)
{
	int n;
	okr_buf list;
	okr_buf_init(&list);
	int64_t id = folded_match(s, "SELECT id, name, 'KPI' || id || ' ' || name FROM kpi ORDER BY id",
				  name, &n, &list);
	*r = OKR_OK;
	if (n > 1)
		*r = store_fail(s, OKR_E_USAGE, ngettext("'%s' could be any of %d KPI: %s%s — give its ID or its "
							 "exact name", "'%s' could be any of %d KPIs: %s%s — give its ID "
							 "or its exact name", (unsigned long)n),
				name, n, list.s, n > CANDIDATES_SHOWN ? ", …" : "");
	okr_buf_free(&list);
	return id;
}

/* The one row of sql (id, name, shown) whose name folds like name, or 0. */
static int64_t unique_folded(okr_store *s, const char *sql, const char *name)
{
	int n;
	okr_buf list;
	okr_buf_init(&list);
	int64_t id = folded_match(s, sql, name, &n, &list);
	okr_buf_free(&list);
	return id;
}

int64_t store_team_ref(okr_store *s, const char *name)
{
	return unique_folded(s, "SELECT id, name, name FROM team ORDER BY name", name);
}

int64_t store_cycle_ref(okr_store *s, const char *name)
{
	return unique_folded(s, "SELECT id, name, name FROM cycle ORDER BY start_day", name);
}
