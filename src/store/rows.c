/*
 * rows.c — one reader per entity (store_int.h): the SELECT of each and the
 * function that turns its row into the model's struct, so that the screens,
 * the history, the export and the import's matching all read a check-in (or
 * a key result, or a grade) the same way.
 */
#include <stddef.h>
#include <string.h>

#include "okr/audit.h"
#include "okr/util.h"
#include "store_int.h"

/* One loop for every list the store hands out.  out points at a T *, set
 * through memcpy since its type is the caller's. */
okr_result store_collect(okr_store *s, db_stmt *st, store_row_fn fn, size_t size, void *out, size_t *n,
			 const char *doing)
{
	size_t cap = 0, len = 0;
	char *v = NULL;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		okr_xgrow(&v, &cap, len + 1, size);
		memset(v + len * size, 0, size);
		fn(st, v + len * size);
		len++;
	}
	store_done(s, st);
	memcpy(out, &v, sizeof v);
	*n = len;
	if (rc != DB_DONE)
		return store_sqlerr(s, rc, doing);
	return OKR_OK;
}

/*
 * Each reader is a list of its columns in SELECT order: where the value goes
 * in the struct and what it is.  A column of kind VALUE is a number or NULL,
 * with the struct's has_value flag at `flag`.
 */
typedef enum { INT64, INT, DOUBLE, TEXT, BOOL, WORD, VALUE, KIND, LETTER } col_kind;

typedef struct {
	col_kind kind;
	size_t off;
	const okr_vocab *words;   /* WORD */
	int fallback;             /* WORD, LETTER (for NULL) */
	size_t flag;              /* VALUE: offsetof its bool */
} column;

#define C(T, m, kind) { kind, offsetof(T, m), NULL, 0, 0 }
#define W(T, m, words, fallback) { WORD, offsetof(T, m), &words, fallback, 0 }
#define L(T, m, fallback) { LETTER, offsetof(T, m), NULL, fallback, 0 }
#define V(T, m, flag) { VALUE, offsetof(T, m), NULL, 0, offsetof(T, flag) }
#define NCOL(a) (sizeof(a) / sizeof((a)[0]))

static void read_columns(db_stmt *st, void *row, const column *c, size_t n)
{
	char *e = row;
	for (int i = 0; i < (int)n; i++) {
		void *m = e + c[i].off;
		bool has;
		switch (c[i].kind) {
		case INT64: *(int64_t *)m = db_column_int64(st, i); break;
		case INT: *(int *)m = db_column_int(st, i); break;
		case DOUBLE: *(double *)m = db_column_double(st, i); break;
		case TEXT: *(char **)m = store_col_text(st, i); break;
		case BOOL: *(bool *)m = db_column_int(st, i) != 0; break;
		case WORD: *(int *)m = store_col_word(st, i, c[i].words, c[i].fallback); break;
		case VALUE:
			has = db_column_type(st, i) != DB_NULL;
			*(bool *)(void *)(e + c[i].flag) = has;
			*(double *)m = has ? db_column_double(st, i) : 0;
			break;
		case LETTER: {
			const char *t = db_column_text(st, i);
			*(char *)m = t ? t[0] : (char)c[i].fallback;
			break;
		}
		case KIND: {
			/* A comment's target: 'O' for an objective, else a key result. */
			const char *on = db_column_text(st, i);
			*(char *)m = on && on[0] == 'O' ? 'O' : 'K';
			break;
		}
		}
	}
}

/* The state as stored: the screens decide planning or active by the date. */
static const column cycle_cols[] = {
	C(okr_cycle, id, INT64), C(okr_cycle, name, TEXT), C(okr_cycle, start, INT), C(okr_cycle, end, INT),
	W(okr_cycle, state, okr_cycle_states, CYCLE_PLANNING), C(okr_cycle, current, BOOL),
};
static const column team_cols[] = {
	C(okr_team, id, INT64), C(okr_team, name, TEXT), C(okr_team, parent_id, INT64),
};
static const column obj_cols[] = {
	C(okr_objective, id, INT64), C(okr_objective, cycle_id, INT64), C(okr_objective, title, TEXT),
	C(okr_objective, description, TEXT), C(okr_objective, owner_id, INT64), C(okr_objective, owner, TEXT),
	C(okr_objective, team_id, INT64), C(okr_objective, team, TEXT), C(okr_objective, parent_id, INT64),
	W(okr_objective, kind, okr_obj_kinds, OBJ_COMMITTED), W(okr_objective, state, okr_obj_states, OBJ_ACTIVE),
	C(okr_objective, weight, DOUBLE), C(okr_objective, version, INT64), C(okr_objective, archived, BOOL),
};
static const column kr_cols[] = {
	C(okr_kr, id, INT64), C(okr_kr, objective_id, INT64), C(okr_kr, title, TEXT), C(okr_kr, owner_id, INT64),
	C(okr_kr, owner, TEXT), C(okr_kr, weight, DOUBLE), C(okr_kr, due, INT),
	W(okr_kr, type, okr_kr_types, KR_METRIC), C(okr_kr, start, DOUBLE), C(okr_kr, target, DOUBLE),
	W(okr_kr, dir, okr_directions, DIR_AT_LEAST), C(okr_kr, unit, TEXT), C(okr_kr, decimals, INT),
	W(okr_kr, every, okr_frequencies, FREQ_WEEKLY), C(okr_kr, kpi_id, INT64), C(okr_kr, version, INT64),
	C(okr_kr, archived, BOOL), V(okr_kr, current, has_value), C(okr_kr, confidence, INT),
	C(okr_kr, last_at, INT64), C(okr_kr, created_at, INT64), C(okr_kr, self_set, BOOL),
};
static const column kpi_cols[] = {
	C(okr_kpi, id, INT64), C(okr_kpi, name, TEXT), C(okr_kpi, unit, TEXT), C(okr_kpi, target, DOUBLE),
	W(okr_kpi, dir, okr_directions, DIR_AT_LEAST), C(okr_kpi, timeframe, TEXT), C(okr_kpi, source, TEXT),
	W(okr_kpi, every, okr_frequencies, FREQ_WEEKLY), C(okr_kpi, owner_id, INT64), C(okr_kpi, owner, TEXT),
	C(okr_kpi, version, INT64), V(okr_kpi, latest, has_value), C(okr_kpi, last_at, INT64),
};
static const column checkin_cols[] = {
	C(okr_checkin, id, INT64), C(okr_checkin, kr_id, INT64), C(okr_checkin, author, TEXT),
	C(okr_checkin, value, DOUBLE), C(okr_checkin, confidence, INT), C(okr_checkin, note, TEXT),
	C(okr_checkin, at, INT64), C(okr_checkin, uid, TEXT),
};
static const column sample_cols[] = {
	C(okr_sample, id, INT64), C(okr_sample, kpi_id, INT64), C(okr_sample, author, TEXT),
	C(okr_sample, value, DOUBLE), C(okr_sample, note, TEXT), C(okr_sample, at, INT64), C(okr_sample, uid, TEXT),
};
static const column comment_cols[] = {
	C(okr_comment, id, INT64), C(okr_comment, target_kind, KIND), C(okr_comment, target_id, INT64),
	C(okr_comment, author, TEXT), C(okr_comment, text, TEXT), C(okr_comment, at, INT64),
};
static const column kudos_cols[] = {
	C(okr_kudos, id, INT64), C(okr_kudos, from, TEXT), C(okr_kudos, to, TEXT), C(okr_kudos, text, TEXT),
	C(okr_kudos, kr_id, INT64), C(okr_kudos, at, INT64),
};
static const column grade_cols[] = {
	C(okr_grade, kr_id, INT64), C(okr_grade, score, DOUBLE), C(okr_grade, note, TEXT),
	C(okr_grade, author, TEXT), C(okr_grade, at, INT64),
};
static const column audit_cols[] = {
	C(okr_audit_entry, id, INT64), C(okr_audit_entry, at, INT64), C(okr_audit_entry, who, TEXT),
	C(okr_audit_entry, action, TEXT), L(okr_audit_entry, kind, 'S'), C(okr_audit_entry, entity_id, INT64),
	C(okr_audit_entry, detail, TEXT), C(okr_audit_entry, title, TEXT),
};
static const column setting_cols[] = {
	C(okr_setting, key, TEXT), C(okr_setting, value, TEXT), C(okr_setting, by, TEXT), C(okr_setting, at, INT64),
};

#define READER(name, cols) \
	void name(db_stmt *st, void *row) { read_columns(st, row, cols, NCOL(cols)); }

READER(store_cycle_row, cycle_cols)
READER(store_team_row, team_cols)
READER(store_objective_row, obj_cols)
READER(store_kr_row, kr_cols)
READER(store_kpi_row, kpi_cols)
READER(store_checkin_row, checkin_cols)
READER(store_sample_row, sample_cols)
READER(store_comment_row, comment_cols)
READER(store_kudos_row, kudos_cols)
READER(store_grade_row, grade_cols)
READER(store_audit_row, audit_cols)
READER(store_setting_row, setting_cols)

void store_int64_row(db_stmt *st, void *id)
{
	*(int64_t *)id = db_column_int64(st, 0);
}

/* The enums of model.h are read as int. */
_Static_assert(sizeof(okr_cycle_state) == sizeof(int) && sizeof(okr_frequency) == sizeof(int), "enums are ints");
