/*
 * model.c — the model's words (model.h), looked up both ways, and the
 * functions that free the model's structs, next to their definitions.
 *
 * The tables are made from the X-lists in model.h, so a word's C name, wire
 * name and label cannot fall out of step; every reader and writer of the
 * database, the JSON and CSV files and the command line goes through them.
 */
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

void okr_person_free(okr_person *p)
{
	free(p->login);
	free(p->name);
	free(p->teams);
	memset(p, 0, sizeof *p);
}

void okr_team_free(okr_team *t)
{
	free(t->name);
	memset(t, 0, sizeof *t);
}

void okr_cycle_free(okr_cycle *c)
{
	free(c->name);
	memset(c, 0, sizeof *c);
}

void okr_objective_free(okr_objective *o)
{
	free(o->title);
	free(o->description);
	free(o->owner);
	free(o->team);
	memset(o, 0, sizeof *o);
}

void okr_kr_free(okr_kr *k)
{
	free(k->title);
	free(k->owner);
	free(k->unit);
	memset(k, 0, sizeof *k);
}

void okr_kpi_free(okr_kpi *k)
{
	free(k->name);
	free(k->unit);
	free(k->timeframe);
	free(k->source);
	free(k->owner);
	memset(k, 0, sizeof *k);
}

void okr_checkin_free(okr_checkin *c)
{
	free(c->author);
	free(c->note);
	free(c->uid);
	memset(c, 0, sizeof *c);
}

void okr_sample_free(okr_sample *x)
{
	free(x->author);
	free(x->note);
	free(x->uid);
	memset(x, 0, sizeof *x);
}

void okr_comment_free(okr_comment *c)
{
	free(c->author);
	free(c->text);
	memset(c, 0, sizeof *c);
}

void okr_kudos_one_free(okr_kudos *k)
{
	free(k->from);
	free(k->to);
	free(k->text);
	memset(k, 0, sizeof *k);
}

void okr_grade_free(okr_grade *g)
{
	free(g->note);
	free(g->author);
	memset(g, 0, sizeof *g);
}

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
