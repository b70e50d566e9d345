/*
 * model.c — the model's words (model.h), looked up both ways.
 *
 * The tables are made from the X-lists in model.h, so a word's C name, wire
 * name and label cannot fall out of step; every reader and writer of the
 * database, the JSON and CSV files and the command line goes through them.
 */
#include <stdio.h>
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
