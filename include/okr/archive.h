/*
 * archive.h — what archiving takes with it, said before it is done: the
 * TUI's confirmation (X) and `okr objective|kr archive` say the same words.
 * Archiving hides; it deletes nothing (check-ins are append-only), and
 * unarchive brings the item back as it was.
 */
#ifndef OKR_ARCHIVE_H
#define OKR_ARCHIVE_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	char kind;              /* 'O' or 'K' */
	int64_t id;
	int64_t objective_id;   /* K: the objective it belongs to */
	size_t krs;             /* O: its key results, not archived */
	size_t checkins;        /* of those key results, or of the key result */
	size_t comments;        /* on it (and, for O, on its key results) */
	size_t children;        /* O: objectives aligned to it, which move to the top level */
} okr_archive_effect;

/* "Archive O3? Its 2 key results go with it; …" — one paragraph, translated. */
const char *okr_archive_effect_text(const okr_archive_effect *e, char *buf, size_t len);

#endif
