/*
 * model.h — the entities of SPEC §2 as plain C structs.
 *
 * These are the copies that the store hands out and the panes and commands
 * draw from: no SQLite handle, no curses, no open cursor behind them.  Strings
 * are owned by the struct (heap, NUL-terminated UTF-8, never NULL once loaded)
 * and released by the matching *_free functions in store.h.
 *
 * Times are Unix seconds (UTC).  Dates (cycle start/end, due dates) are day
 * numbers: days since 1970-01-01, so that arithmetic on them is exact.
 */
#ifndef OKR_MODEL_H
#define OKR_MODEL_H

#include <stdint.h>
#include <stdbool.h>

typedef int64_t okr_time;   /* Unix seconds */
typedef int32_t okr_day;    /* days since 1970-01-01 */

typedef enum { ROLE_MEMBER, ROLE_LEAD, ROLE_ADMIN } okr_role;
typedef enum { CYCLE_PLANNING, CYCLE_ACTIVE, CYCLE_CLOSED } okr_cycle_state;
typedef enum { OBJ_COMMITTED, OBJ_ASPIRATIONAL } okr_obj_kind;
typedef enum { OBJ_DRAFT, OBJ_ACTIVE, OBJ_CLOSED } okr_obj_state;
typedef enum { KR_METRIC, KR_THRESHOLD, KR_MILESTONE } okr_kr_type;
/* Threshold key results and KPIs: which side of the target is good. */
typedef enum { DIR_AT_LEAST, DIR_AT_MOST } okr_direction;
typedef enum { FREQ_DAILY, FREQ_WEEKLY, FREQ_MONTHLY } okr_frequency;

typedef enum {
	STATUS_NONE,        /* nothing to judge yet (planning, no data) */
	STATUS_ON_TRACK,
	STATUS_AT_RISK,
	STATUS_OFF_TRACK,
	STATUS_DONE,
	STATUS_OUTDATED,    /* no check-in within the tracking frequency */
	STATUS_NEW,         /* no check-in yet, and the first is not due yet */
	STATUS_EMPTY        /* an objective without key results */
} okr_status;

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
	char *uid;          /* the client-made unique id; NULL unless read for an export */
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
	char *uid;          /* the client-made unique id; NULL unless read for an export */
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

#endif
