/*
 * score_save.c — a score_state as bytes and back, for the score ledger that
 * the store keeps (docs/storage.md, "The score ledger").
 *
 * The bytes are a cache of the fold, never an exchange format: they are the
 * state's own arrays written as they are in memory, behind a header with a
 * layout stamp and a checksum.  Anything that does not match exactly — a
 * different build of the structs, a different rules version, a truncated or
 * damaged row — makes score_load return NULL, and the caller folds the
 * events from scratch, which gives the same state.  So a saved ledger can be
 * stale or missing, but never silently wrong.
 *
 * Writing the structs whole (rather than field by field) means a field that
 * a later change of the rules adds to the per-person or per-key-result state
 * is saved without anyone remembering to list it here; its size changes the
 * layout stamp, so older ledgers are rebuilt.  A change of the arithmetic
 * that keeps the same structs must bump SCORE_LEDGER_VERSION.
 *
 * The bytes come in two parts, each with its own checksum: first what a
 * leaderboard and a person's level read (the people with their points by
 * day, the teams), then what only folding more events needs (the key
 * results, the pairs already paid this week).  A reader that only ranks —
 * okr status in a tmux status line — reads the header and the first part,
 * a tenth of the whole on the large data set (score_load_board).
 */
#include <stdlib.h>
#include <string.h>

#include "okr/util.h"
#include "score_int.h"

/* Bump when score.c pays, awards or remembers differently with the same
 * structs: every saved ledger is then rebuilt once. */
#define SCORE_LEDGER_VERSION 3   /* 2: fair points (terms set by someone else); 3: the board part first */

static const char magic[8] = { 'o', 'k', 'r', 'l', 'e', 'd', 'g', '1' };

void score_set_seq(score_state *s, int64_t seq) { s->seq = seq; }
int64_t score_seq(const score_state *s) { return s->seq; }

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* The checksum of the saved bytes: four FNV-1a-like lanes over 64-bit
 * words (so the multiplications do not wait on each other), folded into
 * one, then the tail byte by byte.  A cache check, not a defence against
 * someone forging a ledger: whoever can write the file can write events. */
static uint64_t checksum(const unsigned char *p, size_t n)
{
	uint64_t h[4] = { 1469598103934665603ULL, 0x9e3779b97f4a7c15ULL, 0xbf58476d1ce4e5b9ULL,
			  0x94d049bb133111ebULL };
	uint64_t w[4];
	size_t i = 0;
	for (; i + 32 <= n; i += 32) {
		memcpy(w, p + i, sizeof w);
		for (int k = 0; k < 4; k++) {
			h[k] = (h[k] ^ w[k]) * 1099511628211ULL;
			h[k] ^= h[k] >> 29;
		}
	}
	uint64_t all = fnv(h[0], h + 1, 3 * sizeof *h);
	return fnv(all, p + i, n - i);
}

static uint64_t layout_stamp(void)
{
	uint64_t v[] = { SCORE_LEDGER_VERSION, sizeof(struct score_state), sizeof(score_pstate),
			 sizeof(score_kstate), sizeof(score_team), sizeof(score_day), sizeof(okr_game_rules),
			 SCORE_NBADGES };
	return fnv(1469598103934665603ULL, v, sizeof v);
}

uint64_t score_rules_hash(const okr_game_rules *rules, int week_offset_minutes)
{
	/* okr_game_rules is all ints: no padding to make equal rules differ. */
	uint64_t h = fnv(layout_stamp(), rules, sizeof *rules);
	int64_t off = week_offset_minutes;
	return fnv(h, &off, sizeof off);
}

uint64_t score_state_rules_hash(const score_state *s)
{
	return score_rules_hash(&s->rules, s->offset);
}

/* ---- writing ---- */

typedef struct {
	unsigned char *p;
	size_t n, cap;
} wbuf;

static void put(wbuf *b, const void *src, size_t n)
{
	okr_xgrow(&b->p, &b->cap, b->n + n, 1);
	if (n)
		memcpy(b->p + b->n, src, n);
	b->n += n;
}

static void put_u64(wbuf *b, uint64_t v) { put(b, &v, sizeof v); }

static void put_map(wbuf *b, const score_map *m)
{
	put_u64(b, m->cap);
	put_u64(b, m->n);
	put(b, m->keys, m->cap * sizeof *m->keys);
	put(b, m->vals, m->cap * sizeof *m->vals);
}

/* How many entries of team_people and person_teams are in use. */
static size_t team_people_len(const score_state *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->nteams; i++)
		if (s->teams[i].first + s->teams[i].n > n)
			n = s->teams[i].first + s->teams[i].n;
	return n;
}

static size_t person_teams_len(const score_state *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->npeople; i++)
		if (s->people[i].nteams && s->people[i].team_first + s->people[i].nteams > n)
			n = s->people[i].team_first + s->people[i].nteams;
	return n;
}

/* The header: magic, layout stamp, the length of the board part, and the
 * checksums of the two parts. */
enum { HEAD_LEN = 40 };

size_t score_board_prefix(void) { return HEAD_LEN; }

unsigned char *score_save(const score_state *s, size_t *len)
{
	wbuf b = { 0 };
	put(&b, magic, sizeof magic);
	put_u64(&b, layout_stamp());
	put_u64(&b, 0);  /* the board part's length, filled in below */
	put_u64(&b, 0);  /* the checksums, filled in below */
	put_u64(&b, 0);
	struct score_state head = *s;
	head.explain = 0;
	head.lines = NULL;
	head.nlines = head.caplines = 0;
	put(&b, &head, sizeof head);
	put(&b, s->people, s->npeople * sizeof *s->people);
	for (size_t i = 0; i < s->npeople; i++)
		put(&b, s->people[i].days, s->people[i].ndays * sizeof *s->people[i].days);
	put(&b, s->teams, s->nteams * sizeof *s->teams);
	size_t ntp = team_people_len(s), npt = person_teams_len(s);
	put_u64(&b, ntp);
	put(&b, s->team_people, ntp * sizeof *s->team_people);
	put_u64(&b, npt);
	put(&b, s->person_teams, npt * sizeof *s->person_teams);
	put_map(&b, &s->person_ix);
	size_t board = b.n - HEAD_LEN;
	put(&b, s->krs, s->nkrs * sizeof *s->krs);
	put(&b, s->owned, s->nkrs * sizeof *s->owned);
	put(&b, s->by_objective, s->nkrs * sizeof *s->by_objective);
	put_map(&b, &s->kr_ix);
	put_map(&b, &s->pair_ck);
	put_map(&b, &s->pair_kudos);
	uint64_t v[3] = { board, checksum(b.p + HEAD_LEN, board),
			  checksum(b.p + HEAD_LEN + board, b.n - HEAD_LEN - board) };
	memcpy(b.p + 16, v, sizeof v);
	*len = b.n;
	return b.p;
}

/* ---- reading ---- */

typedef struct {
	const unsigned char *p;
	size_t left;
	bool bad;
} rbuf;

/* A copy of the next n × size bytes (NULL for none), or bad. */
static void *take(rbuf *r, size_t count, size_t size)
{
	if (r->bad || (size && count > r->left / size)) {
		r->bad = true;
		return NULL;
	}
	size_t n = count * size;
	void *v = okr_xmalloc(n ? n : 1);
	memcpy(v, r->p, n);
	r->p += n;
	r->left -= n;
	return v;
}

static uint64_t take_u64(rbuf *r)
{
	uint64_t v = 0;
	if (r->bad || r->left < sizeof v) {
		r->bad = true;
		return 0;
	}
	memcpy(&v, r->p, sizeof v);
	r->p += sizeof v;
	r->left -= sizeof v;
	return v;
}

static void take_map(rbuf *r, score_map *m)
{
	m->cap = take_u64(r);
	m->n = take_u64(r);
	/* Open addressing needs a power of two with room to spare. */
	if ((m->cap & (m->cap - 1)) || (m->cap ? m->n >= m->cap : m->n != 0))
		r->bad = true;
	m->keys = take(r, m->cap, sizeof *m->keys);
	m->vals = take(r, m->cap, sizeof *m->vals);
	if (!m->cap) {
		free(m->keys);
		free(m->vals);
		m->keys = NULL;
		m->vals = NULL;
	}
}

/* The length of the board part, or 0 when the header is not this build's. */
size_t score_board_len(const unsigned char *buf, size_t len)
{
	uint64_t stamp, board;
	if (!buf || len < HEAD_LEN || memcmp(buf, magic, sizeof magic))
		return 0;
	memcpy(&stamp, buf + 8, sizeof stamp);
	memcpy(&board, buf + 16, sizeof board);
	if (stamp != layout_stamp() || board < sizeof(struct score_state) || board > SIZE_MAX - HEAD_LEN)
		return 0;
	return (size_t)board;
}

/* The board part is there whole and matches its checksum; with rest, the
 * other part too (and nothing after it). */
static bool parts_ok(const unsigned char *buf, size_t len, bool rest)
{
	size_t board = score_board_len(buf, len);
	if (!board || len - HEAD_LEN < board)
		return false;
	uint64_t sum[2];
	memcpy(sum, buf + 24, sizeof sum);
	if (sum[0] != checksum(buf + HEAD_LEN, board))
		return false;
	return !rest || sum[1] == checksum(buf + HEAD_LEN + board, len - HEAD_LEN - board);
}

/* The pointers of s as read from the bytes mean nothing: clear them so that
 * score_free can run at any point of a failed load. */
static score_state *blank_copy(rbuf *r)
{
	score_state *s = take(r, 1, sizeof *s);
	s->people = NULL;
	s->krs = NULL;
	s->teams = NULL;
	s->team_people = NULL;
	s->person_teams = NULL;
	s->owned = s->by_objective = NULL;
	memset(&s->person_ix, 0, sizeof s->person_ix);
	memset(&s->kr_ix, 0, sizeof s->kr_ix);
	memset(&s->pair_ck, 0, sizeof s->pair_ck);
	memset(&s->pair_kudos, 0, sizeof s->pair_kudos);
	s->lines = NULL;
	s->nlines = s->caplines = 0;
	s->explain = 0;
	s->partial = false;
	return s;
}

static void take_people(rbuf *r, score_state *s)
{
	size_t np = s->npeople;
	s->npeople = 0;
	s->people = take(r, np, sizeof *s->people);
	if (r->bad)
		return;
	for (size_t i = 0; i < np; i++)
		s->people[i].days = NULL;
	s->npeople = np;
	for (size_t i = 0; i < np && !r->bad; i++) {
		score_pstate *p = &s->people[i];
		size_t nd = p->ndays;
		p->ndays = p->capdays = 0;
		p->days = take(r, nd, sizeof *p->days);
		if (!r->bad)
			p->ndays = p->capdays = nd;
	}
}

static bool index_ok(int64_t i, size_t n) { return i >= 0 && (uint64_t)i < n; }

/* Every index the fold follows points inside its array, so that bytes which
 * pass the checksum by chance (or by intent: anyone who can write the file)
 * can make wrong scores at worst, never a wild read or write.  A board-only
 * state has no key results: the people's own ranges into them are not
 * followed by anything it is used for. */
static bool indices_ok(const score_state *s, size_t ntp, size_t npt)
{
	for (size_t i = 0; i < s->npeople; i++) {
		const score_pstate *p = &s->people[i];
		if (p->team_first + p->nteams > npt || p->team_first + p->nteams < p->team_first)
			return false;
		if (!s->partial && (p->own_first + p->nown > s->nkrs || p->own_first + p->nown < p->own_first))
			return false;
	}
	for (size_t i = 0; i < s->nkrs; i++) {
		const score_kstate *k = &s->krs[i];
		if ((k->owner != -1 && !index_ok(k->owner, s->npeople)) ||
		    (k->obj_owner != -1 && !index_ok(k->obj_owner, s->npeople)) ||
		    k->obj_first + k->nobj > s->nkrs || k->obj_first + k->nobj < k->obj_first ||
		    !index_ok(s->owned[i], s->nkrs) || !index_ok(s->by_objective[i], s->nkrs))
			return false;
	}
	for (size_t i = 0; i < s->nteams; i++)
		if (s->teams[i].first + s->teams[i].n > ntp || s->teams[i].first + s->teams[i].n < s->teams[i].first)
			return false;
	for (size_t i = 0; i < ntp; i++)
		if (!index_ok(s->team_people[i], s->npeople))
			return false;
	const score_map *ix[] = { &s->person_ix, &s->kr_ix };
	size_t lim[] = { s->npeople, s->nkrs };
	for (int m = 0; m < 2; m++)
		for (size_t i = 0; i < ix[m]->cap; i++)
			if (ix[m]->keys[i] && !index_ok(ix[m]->vals[i], lim[m]))
				return false;
	return true;
}

/* Both parts, or (board) the first only, which leaves a state that ranks
 * and tells a person's level but folds nothing. */
static score_state *load(const unsigned char *buf, size_t len, bool board)
{
	if (!parts_ok(buf, len, !board))
		return NULL;
	size_t blen = score_board_len(buf, len);
	rbuf r = { buf + HEAD_LEN, blen, false };
	score_state *s = blank_copy(&r);
	size_t nkrs = s->nkrs, nteams = s->nteams;
	s->nkrs = s->nteams = 0;
	s->partial = board;
	take_people(&r, s);
	s->teams = take(&r, nteams, sizeof *s->teams);
	if (!r.bad)
		s->nteams = nteams;
	uint64_t ntp = take_u64(&r);
	s->team_people = take(&r, ntp, sizeof *s->team_people);
	uint64_t npt = take_u64(&r);
	s->person_teams = take(&r, npt, sizeof *s->person_teams);
	take_map(&r, &s->person_ix);
	if (!r.bad && r.left)
		r.bad = true;
	if (!board && !r.bad) {
		r = (rbuf){ buf + HEAD_LEN + blen, len - HEAD_LEN - blen, false };
		s->krs = take(&r, nkrs, sizeof *s->krs);
		if (!r.bad)
			s->nkrs = nkrs;
		s->owned = take(&r, nkrs, sizeof *s->owned);
		s->by_objective = take(&r, nkrs, sizeof *s->by_objective);
		take_map(&r, &s->kr_ix);
		take_map(&r, &s->pair_ck);
		take_map(&r, &s->pair_kudos);
	}
	if (r.bad || r.left || !indices_ok(s, ntp, npt)) {
		score_free(s);
		return NULL;
	}
	return s;
}

score_state *score_load(const unsigned char *buf, size_t len)
{
	return load(buf, len, false);
}

score_state *score_load_board(const unsigned char *buf, size_t len)
{
	return load(buf, len, true);
}

bool score_is_partial(const score_state *s) { return s->partial; }
void score_set_partial(score_state *s) { s->partial = true; }
