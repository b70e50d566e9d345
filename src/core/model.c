/*
 * model.c — the model's words (model.h), looked up both ways, and the
 * functions that free the model's structs, next to their definitions.
 *
 * The tables are made from the X-lists in model.h, so a word's C name, wire
 * name and label cannot fall out of step; every reader and writer of the
 * database, the JSON and CSV files and the command line goes through them.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/model.h"

#define WORD_ROW(c, wire, label) { wire, label },
#define VOCAB(name, list) \
	static const okr_word name##_words[] = { list(WORD_ROW) }; \
	const okr_vocab name = { name##_words, (int)(sizeof name##_words / sizeof name##_words[0]) };

VOCAB(okr_roles, OKR_ROLE_WORDS)
VOCAB(okr_cycle_states, OKR_CYCLE_STATE_WORDS)
VOCAB(okr_obj_kinds, OKR_OBJ_KIND_WORDS)
VOCAB(okr_obj_states, OKR_OBJ_STATE_WORDS)
VOCAB(okr_kr_types, OKR_KR_TYPE_WORDS)
VOCAB(okr_directions, OKR_DIRECTION_WORDS)
VOCAB(okr_frequencies, OKR_FREQUENCY_WORDS)
VOCAB(okr_statuses, OKR_STATUS_WORDS)

static const okr_word *word(const okr_vocab *v, int value)
{
	return &v->words[value >= 0 && value < v->n ? value : 0];
}

const char *okr_wire(const okr_vocab *v, int value)
{
	return word(v, value)->wire;
}

bool okr_wire_find(const okr_vocab *v, const char *wire, int *value)
{
	for (int i = 0; wire && i < v->n; i++)
		if (!strcmp(wire, v->words[i].wire)) {
			*value = i;
			return true;
		}
	return false;
}

int okr_wire_or(const okr_vocab *v, const char *wire, int fallback)
{
	int value = fallback;
	okr_wire_find(v, wire, &value);
	return value;
}

const char *okr_wire_list(const okr_vocab *v, const char *sep, const char *last, char *buf, size_t len)
{
	size_t used = 0;

	if (!len)
		return buf;
	buf[0] = '\0';
	for (int i = 0; i < v->n && used < len; i++) {
		const char *between = i == 0 ? "" : i == v->n - 1 ? last : sep;
		int n = snprintf(buf + used, len - used, "%s%s", between, v->words[i].wire);
		used += n > 0 ? (size_t)n : 0;
	}
	return buf;
}

const char *okr_label(const okr_vocab *v, int value)
{
	return _(word(v, value)->label);
}

const char *okr_label_msgid(const okr_vocab *v, int value)
{
	return word(v, value)->label;
}

const char *okr_direction_sign(okr_direction d)
{
	return d == DIR_AT_MOST ? "\xe2\x89\xa4" : "\xe2\x89\xa5";   /* ≤ ≥ */
}

/* ---- freeing ---- */

/* A struct's own strings, by their offsets, then the struct zeroed. */
static void free_strings(void *row, size_t size, const size_t *off, size_t n)
{
	char *e = row;
	for (size_t i = 0; i < n; i++) {
		char *p;
		memcpy(&p, e + off[i], sizeof p);
		free(p);
	}
	memset(row, 0, size);
}

#define S(T, m) offsetof(T, m)
#define FREE_ONE(name, T, ...) \
	void name(T *v) \
	{ \
		static const size_t off[] = { __VA_ARGS__ }; \
		free_strings(v, sizeof *v, off, sizeof off / sizeof off[0]); \
	}

FREE_ONE(okr_person_free, okr_person, S(okr_person, login), S(okr_person, name), S(okr_person, teams))
FREE_ONE(okr_team_free, okr_team, S(okr_team, name))
FREE_ONE(okr_cycle_free, okr_cycle, S(okr_cycle, name))
FREE_ONE(okr_objective_free, okr_objective, S(okr_objective, title), S(okr_objective, description),
	 S(okr_objective, owner), S(okr_objective, team))
FREE_ONE(okr_kr_free, okr_kr, S(okr_kr, title), S(okr_kr, owner), S(okr_kr, unit))
FREE_ONE(okr_kpi_free, okr_kpi, S(okr_kpi, name), S(okr_kpi, unit), S(okr_kpi, timeframe), S(okr_kpi, source),
	 S(okr_kpi, owner))
FREE_ONE(okr_checkin_free, okr_checkin, S(okr_checkin, author), S(okr_checkin, note), S(okr_checkin, uid))
FREE_ONE(okr_sample_free, okr_sample, S(okr_sample, author), S(okr_sample, note), S(okr_sample, uid))
FREE_ONE(okr_comment_free, okr_comment, S(okr_comment, author), S(okr_comment, text))
FREE_ONE(okr_kudos_one_free, okr_kudos, S(okr_kudos, from), S(okr_kudos, to), S(okr_kudos, text))
FREE_ONE(okr_grade_free, okr_grade, S(okr_grade, note), S(okr_grade, author))

#define LIST_FREE(name, T, one) \
	void name(T *v, size_t n) \
	{ \
		for (size_t i = 0; i < n; i++) \
			one(&v[i]); \
		free(v); \
	}

LIST_FREE(okr_people_free, okr_person, okr_person_free)
LIST_FREE(okr_teams_free, okr_team, okr_team_free)
LIST_FREE(okr_cycles_free, okr_cycle, okr_cycle_free)
LIST_FREE(okr_objectives_free, okr_objective, okr_objective_free)
LIST_FREE(okr_krs_free, okr_kr, okr_kr_free)
LIST_FREE(okr_kpis_free, okr_kpi, okr_kpi_free)
LIST_FREE(okr_checkins_free, okr_checkin, okr_checkin_free)
LIST_FREE(okr_samples_free, okr_sample, okr_sample_free)
LIST_FREE(okr_comments_free, okr_comment, okr_comment_free)
LIST_FREE(okr_kudos_free, okr_kudos, okr_kudos_one_free)
LIST_FREE(okr_grades_free, okr_grade, okr_grade_free)

void okr_snapshot_free(okr_snapshot *sn)
{
	okr_cycles_free(sn->cycles, sn->ncycles);
	okr_people_free(sn->people, sn->npeople);
	okr_teams_free(sn->teams, sn->nteams);
	okr_objectives_free(sn->objs, sn->nobjs);
	okr_krs_free(sn->krs, sn->nkrs);
	okr_kpis_free(sn->kpis, sn->nkpis);
	memset(sn, 0, sizeof *sn);
}
