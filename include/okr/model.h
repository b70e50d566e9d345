/*
 * model.h — the entities of SPEC §2 as plain C structs.
 *
 * These are the copies that the store hands out and the panes and commands
 * draw from: no SQLite handle, no curses, no open cursor behind them.  Strings
 * are owned by the struct (heap, NUL-terminated UTF-8, never NULL once loaded)
 * and released by the matching *_free functions below (src/core/model.c).
 *
 * Times are Unix seconds (UTC).  Dates (cycle start/end, due dates) are day
 * numbers: days since 1970-01-01, so that arithmetic on them is exact.
 */
#ifndef OKR_MODEL_H
#define OKR_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int64_t okr_time;   /* Unix seconds */
typedef int32_t okr_day;    /* days since 1970-01-01 */

/*
 * The model's words, each declared once as X(C name, wire name, label):
 *   the C name is the enum constant below (its value is the row's place);
 *   the wire name is what the database stores and what scripts read and
 *     write (--json, CSV, export and import): never translated;
 *   the label is what a person reads, marked for translation: okr_label()
 *     gives it in the language shown.
 * okr_wire/okr_wire_find/okr_label (src/core/model.c) look them up both ways,
 * so adding a word is adding a row.
 */
#define OKR_ROLE_WORDS(X) \
	X(ROLE_MEMBER, "member", N_("member")) \
	X(ROLE_LEAD,   "lead",   N_("lead")) \
	X(ROLE_ADMIN,  "admin",  N_("admin"))
#define OKR_CYCLE_STATE_WORDS(X) \
	X(CYCLE_PLANNING, "planning", N_("planning")) \
	X(CYCLE_ACTIVE,   "active",   N_("active")) \
	X(CYCLE_CLOSED,   "closed",   N_("closed"))
#define OKR_OBJ_KIND_WORDS(X) \
	X(OBJ_COMMITTED,    "committed",    N_("committed")) \
	X(OBJ_ASPIRATIONAL, "aspirational", N_("aspirational"))
#define OKR_OBJ_STATE_WORDS(X) \
	X(OBJ_DRAFT,  "draft",  N_("draft")) \
	X(OBJ_ACTIVE, "active", N_("active")) \
	X(OBJ_CLOSED, "closed", N_("closed"))
#define OKR_KR_TYPE_WORDS(X) \
	X(KR_METRIC,    "metric",    N_("metric")) \
	X(KR_THRESHOLD, "threshold", N_("threshold")) \
	X(KR_MILESTONE, "milestone", N_("milestone"))
/* Threshold key results and KPIs: which side of the target is good. */
#define OKR_DIRECTION_WORDS(X) \
	X(DIR_AT_LEAST, "at_least", N_("at least")) \
	X(DIR_AT_MOST,  "at_most",  N_("at most"))
#define OKR_FREQUENCY_WORDS(X) \
	X(FREQ_DAILY,   "daily",   N_("daily")) \
	X(FREQ_WEEKLY,  "weekly",  N_("weekly")) \
	X(FREQ_MONTHLY, "monthly", N_("monthly"))
/* A status travels in --json as its (English) label; STATUS_NONE is "—". */
#define OKR_STATUS_WORDS(X) \
	X(STATUS_NONE,      "\xe2\x80\x94",          "\xe2\x80\x94") /* nothing to judge yet (planning, no data) */ \
	X(STATUS_ON_TRACK,  "on track",           N_("on track")) \
	X(STATUS_AT_RISK,   "at risk",            N_("at risk")) \
	X(STATUS_OFF_TRACK, "off track",          N_("off track")) \
	X(STATUS_DONE,      "done",               N_("done")) \
	X(STATUS_OUTDATED,  "outdated",           N_("outdated")) /* no check-in within the tracking frequency */ \
	X(STATUS_NEW,       "new",                N_("new")) /* no check-in yet, and the first is not due yet */ \
	X(STATUS_EMPTY,     "no key results yet", N_("no key results yet")) /* an objective without key results */

#ifndef N_
#define N_(s) s
#endif
#define OKR_WORD_ENUM(c, wire, label) c,
typedef enum { OKR_ROLE_WORDS(OKR_WORD_ENUM) } okr_role;
typedef enum { OKR_CYCLE_STATE_WORDS(OKR_WORD_ENUM) } okr_cycle_state;
typedef enum { OKR_OBJ_KIND_WORDS(OKR_WORD_ENUM) } okr_obj_kind;
typedef enum { OKR_OBJ_STATE_WORDS(OKR_WORD_ENUM) } okr_obj_state;
typedef enum { OKR_KR_TYPE_WORDS(OKR_WORD_ENUM) } okr_kr_type;
typedef enum { OKR_DIRECTION_WORDS(OKR_WORD_ENUM) } okr_direction;
typedef enum { OKR_FREQUENCY_WORDS(OKR_WORD_ENUM) } okr_frequency;
typedef enum { OKR_STATUS_WORDS(OKR_WORD_ENUM) } okr_status;

typedef struct {
	const char *wire;
	const char *label;   /* untranslated; okr_label translates */
} okr_word;

/* One enum's words, in the order of its values. */
typedef struct {
	const okr_word *words;
	int n;
} okr_vocab;

extern const okr_vocab okr_roles, okr_cycle_states, okr_obj_kinds, okr_obj_states, okr_kr_types,
	okr_directions, okr_frequencies, okr_statuses;

/* The wire name of value (the first word's when value is out of range). */
const char *okr_wire(const okr_vocab *v, int value);
/* The value whose wire name is `wire` (exact, case-sensitive): false, and
 * *value untouched, when it is none of them (or NULL). */
bool okr_wire_find(const okr_vocab *v, const char *wire, int *value);
/* okr_wire_find, or fallback. */
int okr_wire_or(const okr_vocab *v, const char *wire, int fallback);
/* "member, lead or admin"-style list of the wire names, into buf. */
const char *okr_wire_list(const okr_vocab *v, const char *sep, const char *last, char *buf, size_t len);
/* The label of value in the language shown (the first word's when out of
 * range), and the untranslated one, for a table of N_() strings. */
const char *okr_label(const okr_vocab *v, int value);
const char *okr_label_msgid(const okr_vocab *v, int value);
/* "≥" or "≤", before a target. */
const char *okr_direction_sign(okr_direction d);

typedef struct {
	int64_t id;
	char *login;
	char *name;
	okr_role role;
	char *teams;        /* comma-separated team names, for display */
	bool opt_out;       /* hidden from public ranking */
} okr_person;

typedef struct {
	int64_t id;
	char *name;
	int64_t parent_id;  /* 0: none */
} okr_team;

typedef struct {
	int64_t id;
	char *name;
	okr_day start, end;
	okr_cycle_state state;
	bool current;
} okr_cycle;

typedef struct {
	int64_t id;
	int64_t cycle_id;
	char *title;
	char *description;
	int64_t owner_id;   /* 0: none */
	char *owner;        /* login, "" when none */
	int64_t team_id;    /* 0: none */
	char *team;         /* name, "" when none */
	int64_t parent_id;  /* 0: top level */
	okr_obj_kind kind;
	okr_obj_state state;
	double weight;
	int64_t version;
	bool archived;
} okr_objective;

typedef struct {
	int64_t id;
	int64_t objective_id;
	char *title;
	int64_t owner_id;
	char *owner;        /* login */
	double weight;
	okr_day due;        /* 0: the cycle's end */
	okr_kr_type type;
	double start, target;   /* metric: start → target; threshold: target */
	okr_direction dir;      /* threshold only */
	char *unit;
	int decimals;
	okr_frequency every;    /* expected check-in frequency */
	int64_t kpi_id;         /* 0: none; else the value comes from the KPI */
	int64_t version;
	bool archived;
	/* Filled by the store from the check-ins (or the KPI's samples). */
	bool has_value;
	double current;
	int confidence;         /* of the latest check-in, -1 when none */
	okr_time last_at;       /* time of the latest check-in, 0 when none */
	okr_time created_at;    /* when it was added (0: unknown) */
	bool self_set;          /* set by its owner alone: earns no points until approved */
} okr_kr;

typedef struct {
	int64_t id;
	int64_t kr_id;
	char *author;
	double value;
	int confidence;     /* 0–10, -1: not given */
	char *note;
	okr_time at;
	char *uid;          /* the client-made unique id (NULL in a struct not read from the store) */
} okr_checkin;

typedef struct {
	int64_t id;
	char *name;
	char *unit;
	double target;
	okr_direction dir;
	char *timeframe;
	char *source;
	okr_frequency every;
	int64_t owner_id;
	char *owner;
	int64_t version;
	/* Filled by the store from the samples. */
	bool has_value;
	double latest;
	okr_time last_at;
} okr_kpi;

typedef struct {
	int64_t id;
	int64_t kpi_id;
	char *author;
	double value;
	char *note;
	okr_time at;
	char *uid;          /* the client-made unique id (NULL in a struct not read from the store) */
} okr_sample;

typedef struct {
	int64_t id;
	char target_kind;   /* 'O' or 'K' */
	int64_t target_id;
	char *author;
	char *text;
	okr_time at;
} okr_comment;

typedef struct {
	int64_t id;
	char *from, *to;    /* logins */
	char *text;
	int64_t kr_id;      /* 0: none */
	okr_time at;
} okr_kudos;

typedef struct {
	int64_t kr_id;
	double score;
	char *note;
	char *author;
	okr_time at;
} okr_grade;

/* Everything one screen of one cycle shows, copied out of the store. */
typedef struct {
	okr_cycle *cycles;      size_t ncycles;
	okr_person *people;     size_t npeople;
	okr_team *teams;        size_t nteams;
	okr_objective *objs;    size_t nobjs;    /* of the chosen cycle, by ID */
	okr_kr *krs;            size_t nkrs;     /* of those objectives */
	okr_kpi *kpis;          size_t nkpis;
	int64_t cycle_id;       /* the cycle shown */
	int64_t data_version;
} okr_snapshot;

/* A typed short ID as people say it aloud: O12, K34, KPI3. */
typedef enum { ID_NONE, ID_OBJECTIVE, ID_KR, ID_KPI } okr_id_kind;

/* ---- freeing copies (src/core/model.c) ----
 * Each frees what the struct owns and zeroes it; the plural forms free an
 * array of n and the array itself.  NULL with n == 0 is fine. */
void okr_person_free(okr_person *p);
void okr_team_free(okr_team *t);
void okr_cycle_free(okr_cycle *c);
void okr_objective_free(okr_objective *o);
void okr_kr_free(okr_kr *k);
void okr_kpi_free(okr_kpi *k);
void okr_checkin_free(okr_checkin *c);
void okr_sample_free(okr_sample *x);
void okr_comment_free(okr_comment *c);
void okr_kudos_one_free(okr_kudos *k);
void okr_grade_free(okr_grade *g);
void okr_people_free(okr_person *v, size_t n);
void okr_teams_free(okr_team *v, size_t n);
void okr_cycles_free(okr_cycle *v, size_t n);
void okr_objectives_free(okr_objective *v, size_t n);
void okr_krs_free(okr_kr *v, size_t n);
void okr_kpis_free(okr_kpi *v, size_t n);
void okr_checkins_free(okr_checkin *v, size_t n);
void okr_samples_free(okr_sample *v, size_t n);
void okr_comments_free(okr_comment *v, size_t n);
void okr_kudos_free(okr_kudos *v, size_t n);
void okr_grades_free(okr_grade *v, size_t n);
void okr_snapshot_free(okr_snapshot *snap);

#endif
