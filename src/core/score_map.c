/*
 * score_map.c — the open-addressing map of score_int.h: ids and pairs of
 * indices to values, so that the scoring state grows with the people and
 * key results, never with the events.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/util.h"
#include "score_int.h"

static size_t slot_of(uint64_t key, size_t cap)
{
	key ^= key >> 33;
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	return (size_t)key & (cap - 1);
}

int64_t *score_map_get(const score_map *m, uint64_t key)
{
	if (!m->cap)
		return NULL;
	for (size_t i = slot_of(key, m->cap);; i = (i + 1) & (m->cap - 1)) {
		if (m->keys[i] == key)
			return &m->vals[i];
		if (m->keys[i] == 0)
			return NULL;
	}
}

static void map_grow(score_map *m)
{
	score_map g = { okr_xcalloc(m->cap ? m->cap * 2 : 64, sizeof *g.keys),
			okr_xcalloc(m->cap ? m->cap * 2 : 64, sizeof *g.vals), m->cap ? m->cap * 2 : 64, m->n };
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		size_t j = slot_of(m->keys[i], g.cap);
		while (g.keys[j])
			j = (j + 1) & (g.cap - 1);
		g.keys[j] = m->keys[i];
		g.vals[j] = m->vals[i];
	}
	score_map_free(m);
	*m = g;
}

int64_t *score_map_put(score_map *m, uint64_t key, int64_t init, bool *fresh)
{
	if ((m->n + 1) * 4 >= m->cap * 3)
		map_grow(m);
	size_t i = slot_of(key, m->cap);
	for (; m->keys[i]; i = (i + 1) & (m->cap - 1))
		if (m->keys[i] == key) {
			if (fresh)
				*fresh = false;
			return &m->vals[i];
		}
	m->keys[i] = key;
	m->vals[i] = init;
	m->n++;
	if (fresh)
		*fresh = true;
	return &m->vals[i];
}

void score_map_free(score_map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

