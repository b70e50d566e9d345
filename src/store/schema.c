/*
 * schema.c — the numbered migrations of the SQLite engine (another engine
 * has its own list of as many steps).  Step N takes a database from schema
 * version N-1 to N (PRAGMA user_version on SQLite); steps are never edited
 * once released, only added, so that a file made by any earlier okr can be
 * brought forward.
 */
#include <stdio.h>

#include "okr/i18n.h"
#include "store_int.h"

/* Step 12: every insert, update and delete on table t counts in score_clock.world. */
#define WORLD_TRIGGER(t, ev, tag) \
	"CREATE TRIGGER score_world_" t "_" tag " AFTER " ev " ON " t \
	" BEGIN UPDATE score_clock SET world = world + 1 WHERE id = 1; END;"
#define WORLD_TRIGGERS(t) WORLD_TRIGGER(t, "INSERT", "i") WORLD_TRIGGER(t, "UPDATE", "u") WORLD_TRIGGER(t, "DELETE", "d")

/* The triggers that keep what each new check-in, kudos, comment and KPI
 * sample implies — the latest check-in of its key result (step 4), its
 * number in the score journal (step 8), the samples counter (step 13) —
 * one text each, for their migration steps and for a bulk import, which
 * sets them aside for its transaction and computes what they keep once at
 * its end (ledger_bulk.c). */
#define TRIGGER_CHECKIN_LATEST \
	"CREATE TRIGGER checkin_latest_i AFTER INSERT ON checkin BEGIN" \
	"  INSERT INTO checkin_latest(kr_id, checkin_id, value, confidence, at)" \
	"  VALUES(NEW.kr_id, NEW.id, NEW.value, NEW.confidence, NEW.at)" \
	"  ON CONFLICT(kr_id) DO UPDATE SET checkin_id = excluded.checkin_id, value = excluded.value," \
	"  confidence = excluded.confidence, at = excluded.at" \
	"  WHERE excluded.at > checkin_latest.at" \
	"  OR (excluded.at = checkin_latest.at AND excluded.checkin_id > checkin_latest.checkin_id);" \
	"END;"
#define TRIGGER_JOURNAL(t, kind) \
	"CREATE TRIGGER score_journal_" t " AFTER INSERT ON " t " BEGIN" \
	"  UPDATE score_clock SET seq = seq + 1 WHERE id = 1;" \
	"  INSERT INTO score_journal(seq, kind, event_id) SELECT seq, " kind ", NEW.id FROM score_clock WHERE id = 1;" \
	"END;"
#define TRIGGER_SAMPLES \
	"CREATE TRIGGER score_samples AFTER INSERT ON kpi_sample" \
	" BEGIN UPDATE score_clock SET samples = samples + 1 WHERE id = 1; END;"

/* What a bulk load does to those triggers (ledger_bulk.c): on SQLite the
 * DDL is private to the write until COMMIT, so they are dropped and made
 * again from the same text; a server switches its row triggers off and on
 * (the tables' owner only), and its statement triggers stay. */
const db_sql_pair store_bulk_pause = {
	.sqlite = "DROP TRIGGER checkin_latest_i; DROP TRIGGER score_journal_checkin; DROP TRIGGER score_journal_kudos;"
		  "DROP TRIGGER score_journal_comment; DROP TRIGGER score_samples;",
	.postgresql = "ALTER TABLE checkin DISABLE TRIGGER checkin_latest_i;"
		      "ALTER TABLE checkin DISABLE TRIGGER score_journal_checkin;"
		      "ALTER TABLE comment DISABLE TRIGGER score_journal_comment;"
		      "ALTER TABLE kudos DISABLE TRIGGER score_journal_kudos;",
};
const db_sql_pair store_bulk_resume = {
	.sqlite = TRIGGER_CHECKIN_LATEST TRIGGER_JOURNAL("checkin", "0") TRIGGER_JOURNAL("kudos", "1")
		  TRIGGER_JOURNAL("comment", "2") TRIGGER_SAMPLES,
	.postgresql = "ALTER TABLE checkin ENABLE TRIGGER checkin_latest_i;"
		      "ALTER TABLE checkin ENABLE TRIGGER score_journal_checkin;"
		      "ALTER TABLE comment ENABLE TRIGGER score_journal_comment;"
		      "ALTER TABLE kudos ENABLE TRIGGER score_journal_kudos;",
};

const char *const store_migrations[] = {
	/* 1: people, teams, cycles, objectives, key results, check-ins, audit */
	"CREATE TABLE person("
	"  id INTEGER PRIMARY KEY,"
	"  login TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  role TEXT NOT NULL DEFAULT 'member' CHECK(role IN ('member','lead','admin')),"
	"  opt_out INTEGER NOT NULL DEFAULT 0,"
	"  created_at INTEGER NOT NULL);"
	"CREATE TABLE team("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  parent_id INTEGER REFERENCES team(id));"
	"CREATE TABLE team_member("
	"  team_id INTEGER NOT NULL REFERENCES team(id),"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  PRIMARY KEY(team_id, person_id)) WITHOUT ROWID;"
	"CREATE INDEX team_member_person ON team_member(person_id);"
	"CREATE TABLE cycle("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  start_day INTEGER NOT NULL,"
	"  end_day INTEGER NOT NULL CHECK(end_day >= start_day),"
	"  state TEXT NOT NULL DEFAULT 'planning' CHECK(state IN ('planning','active','closed')),"
	"  is_current INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE objective("
	"  id INTEGER PRIMARY KEY,"
	"  cycle_id INTEGER NOT NULL REFERENCES cycle(id),"
	"  title TEXT NOT NULL,"
	"  description TEXT NOT NULL DEFAULT '',"
	"  owner_id INTEGER REFERENCES person(id),"
	"  team_id INTEGER REFERENCES team(id),"
	"  parent_id INTEGER REFERENCES objective(id),"
	"  kind TEXT NOT NULL DEFAULT 'committed' CHECK(kind IN ('committed','aspirational')),"
	"  state TEXT NOT NULL DEFAULT 'active' CHECK(state IN ('draft','active','closed')),"
	"  weight REAL NOT NULL DEFAULT 1 CHECK(weight >= 0),"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  archived INTEGER NOT NULL DEFAULT 0,"
	"  created_at INTEGER NOT NULL);"
	"CREATE INDEX objective_cycle ON objective(cycle_id);"
	"CREATE TABLE key_result("
	"  id INTEGER PRIMARY KEY,"
	"  objective_id INTEGER NOT NULL REFERENCES objective(id),"
	"  title TEXT NOT NULL,"
	"  owner_id INTEGER REFERENCES person(id),"
	"  weight REAL NOT NULL DEFAULT 1 CHECK(weight >= 0),"
	"  due_day INTEGER NOT NULL DEFAULT 0,"
	"  type TEXT NOT NULL CHECK(type IN ('metric','threshold','milestone')),"
	"  start_value REAL NOT NULL DEFAULT 0,"
	"  target_value REAL NOT NULL DEFAULT 1,"
	"  direction TEXT NOT NULL DEFAULT 'at_least' CHECK(direction IN ('at_least','at_most')),"
	"  unit TEXT NOT NULL DEFAULT '',"
	"  decimals INTEGER NOT NULL DEFAULT 0,"
	"  frequency TEXT NOT NULL DEFAULT 'weekly' CHECK(frequency IN ('daily','weekly','monthly')),"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  archived INTEGER NOT NULL DEFAULT 0,"
	"  created_at INTEGER NOT NULL);"
	"CREATE INDEX key_result_objective ON key_result(objective_id);"
	"CREATE TABLE checkin("
	"  id INTEGER PRIMARY KEY,"
	"  uid TEXT NOT NULL UNIQUE,"
	"  kr_id INTEGER NOT NULL REFERENCES key_result(id),"
	"  author_id INTEGER NOT NULL REFERENCES person(id),"
	"  value REAL NOT NULL,"
	"  confidence INTEGER CHECK(confidence BETWEEN 0 AND 10),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  at INTEGER NOT NULL);"
	"CREATE INDEX checkin_kr ON checkin(kr_id, at);"
	"CREATE INDEX checkin_author ON checkin(author_id, at);"
	"CREATE TRIGGER checkin_append_only_u BEFORE UPDATE ON checkin"
	"  BEGIN SELECT RAISE(ABORT, 'check-ins are append-only'); END;"
	"CREATE TRIGGER checkin_append_only_d BEFORE DELETE ON checkin"
	"  BEGIN SELECT RAISE(ABORT, 'check-ins are append-only'); END;"
	"CREATE TABLE audit("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  person_id INTEGER REFERENCES person(id),"
	"  action TEXT NOT NULL,"
	"  entity TEXT NOT NULL,"
	"  entity_id INTEGER,"
	"  detail TEXT NOT NULL DEFAULT '');"
	"CREATE INDEX audit_entity ON audit(entity, entity_id);",

	/* 2: KPIs with their four parts, their samples, and key results that track one */
	"CREATE TABLE kpi("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  unit TEXT NOT NULL DEFAULT '',"
	"  target REAL NOT NULL,"
	"  direction TEXT NOT NULL CHECK(direction IN ('at_least','at_most')),"
	"  timeframe TEXT NOT NULL DEFAULT '',"
	"  source TEXT NOT NULL DEFAULT '',"
	"  frequency TEXT NOT NULL CHECK(frequency IN ('daily','weekly','monthly')),"
	"  owner_id INTEGER REFERENCES person(id),"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  created_at INTEGER NOT NULL);"
	"CREATE TABLE kpi_sample("
	"  id INTEGER PRIMARY KEY,"
	"  uid TEXT NOT NULL UNIQUE,"
	"  kpi_id INTEGER NOT NULL REFERENCES kpi(id),"
	"  author_id INTEGER NOT NULL REFERENCES person(id),"
	"  value REAL NOT NULL,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  at INTEGER NOT NULL);"
	"CREATE INDEX kpi_sample_kpi ON kpi_sample(kpi_id, at);"
	"CREATE TRIGGER kpi_sample_append_only_u BEFORE UPDATE ON kpi_sample"
	"  BEGIN SELECT RAISE(ABORT, 'KPI samples are append-only'); END;"
	"CREATE TRIGGER kpi_sample_append_only_d BEFORE DELETE ON kpi_sample"
	"  BEGIN SELECT RAISE(ABORT, 'KPI samples are append-only'); END;"
	"ALTER TABLE key_result ADD COLUMN kpi_id INTEGER REFERENCES kpi(id);",

	/* 3: two-way feedback, recognition and grades */
	"CREATE TABLE comment("
	"  id INTEGER PRIMARY KEY,"
	"  target_kind TEXT NOT NULL CHECK(target_kind IN ('O','K')),"
	"  target_id INTEGER NOT NULL,"
	"  author_id INTEGER NOT NULL REFERENCES person(id),"
	"  text TEXT NOT NULL,"
	"  at INTEGER NOT NULL);"
	"CREATE INDEX comment_target ON comment(target_kind, target_id, at);"
	"CREATE TABLE kudos("
	"  id INTEGER PRIMARY KEY,"
	"  from_id INTEGER NOT NULL REFERENCES person(id),"
	"  to_id INTEGER NOT NULL REFERENCES person(id) CHECK(to_id <> from_id),"
	"  text TEXT NOT NULL,"
	"  kr_id INTEGER REFERENCES key_result(id),"
	"  at INTEGER NOT NULL);"
	"CREATE INDEX kudos_at ON kudos(at);"
	"CREATE TABLE grade("
	"  kr_id INTEGER PRIMARY KEY REFERENCES key_result(id),"
	"  score REAL NOT NULL CHECK(score >= 0 AND score <= 1),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  author_id INTEGER NOT NULL REFERENCES person(id),"
	"  at INTEGER NOT NULL);",

	/* 4: the latest check-in of each key result, kept by a trigger, so that
	 * a snapshot reads one small row per key result instead of seeking the
	 * check-in index and then the check-in table (two scattered pages per
	 * key result: half the first frame on a large file).  Check-ins are
	 * append-only, so an insert is the only event that can change it; the
	 * trigger sees writers that bypass okr (the sqlite3 shell) as well. */
	"CREATE TABLE checkin_latest("
	"  kr_id INTEGER PRIMARY KEY,"
	"  checkin_id INTEGER NOT NULL,"
	"  value REAL NOT NULL,"
	"  confidence INTEGER,"
	"  at INTEGER NOT NULL);"
	"INSERT INTO checkin_latest(kr_id, checkin_id, value, confidence, at)"
	"  SELECT c.kr_id, c.id, c.value, c.confidence, c.at FROM key_result k"
	"  JOIN checkin c ON c.id = (SELECT id FROM checkin WHERE kr_id = k.id ORDER BY at DESC, id DESC LIMIT 1);"
	TRIGGER_CHECKIN_LATEST,

	/* 5: what each person last saw on each leaderboard (movement "since you looked") */
	"CREATE TABLE board_look("
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  board TEXT NOT NULL,"
	"  item_id INTEGER NOT NULL,"
	"  rank INTEGER NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  PRIMARY KEY(person_id, board, item_id)) WITHOUT ROWID;",

	/* Fair points: the terms a key result is scored by (start, target,
	 * weight, direction) and who set them, someone other than its owner.
	 * NULL terms_by: set by its owner alone, which pays no points (README
	 * "Fair points").  Existing key results in an objective owned by
	 * someone else were set by that person and keep their terms. */
	"ALTER TABLE key_result ADD COLUMN terms_by INTEGER;"
	"ALTER TABLE key_result ADD COLUMN terms_start REAL;"
	"ALTER TABLE key_result ADD COLUMN terms_target REAL;"
	"ALTER TABLE key_result ADD COLUMN terms_weight REAL;"
	"ALTER TABLE key_result ADD COLUMN terms_direction TEXT;"
	"UPDATE key_result SET terms_by = (SELECT o.owner_id FROM objective o WHERE o.id = key_result.objective_id),"
	"  terms_start = start_value, terms_target = target_value, terms_weight = weight, terms_direction = direction"
	"  WHERE owner_id IS NOT (SELECT o.owner_id FROM objective o WHERE o.id = key_result.objective_id);",

	/* 7: kudos shown with their key result and on the receiver's page, read
	 * on every refresh of the detail pane: without these, a scan of all kudos */
	"CREATE INDEX kudos_kr ON kudos(kr_id, at) WHERE kr_id IS NOT NULL;"
	"CREATE INDEX kudos_to ON kudos(to_id, at);",

	/* the score ledger (ledger.c): a commit sequence for every event, taken
	 * inside the writer's transaction by triggers (so every writer, the
	 * sqlite3 shell included, numbers its events), and the saved fold */
	"CREATE TABLE score_clock(id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL);"
	"INSERT INTO score_clock(id, seq) VALUES(1, 0);"
	"CREATE TABLE score_journal(seq INTEGER PRIMARY KEY, kind INTEGER NOT NULL, event_id INTEGER NOT NULL);"
	TRIGGER_JOURNAL("checkin", "0") TRIGGER_JOURNAL("kudos", "1") TRIGGER_JOURNAL("comment", "2")
	"CREATE TABLE score_ledger("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  rules INTEGER NOT NULL,"
	"  world INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  state BLOB NOT NULL);",

	/* the team settings (settings.c): one row per key set by a lead; a key
	 * without a row has the built-in default */
	"CREATE TABLE team_setting("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL,"
	"  by_id INTEGER REFERENCES person(id),"
	"  at INTEGER NOT NULL) WITHOUT ROWID;",

	/* a rebuild of the score ledger reads every check-in in time order
	 * (events.c, fold_all): this index hands them over in that order with
	 * every column the fold reads, so SQLite does not sort a million rows */
	"CREATE INDEX checkin_fold ON checkin(at, id, kr_id, author_id, value, COALESCE(confidence, -1),"
	"  note <> '' AND trim(note) <> '');",

	/* the score ledger's board part apart (ledger.c): the people's points
	 * and the teams, all that okr status and okr board --once read, a tenth
	 * of the whole state, so that they do not read the rest */
	"ALTER TABLE score_ledger ADD COLUMN board BLOB;",

	/* a counter of every change to what scoring reads (people, teams, key
	 * results, objectives, cycles, grades), kept by triggers for every
	 * writer, so that a viewer knows whether the world changed from one
	 * row instead of aggregates over those tables at every refresh
	 * (events.c) */
	"ALTER TABLE score_clock ADD COLUMN world INTEGER NOT NULL DEFAULT 0;"
	WORLD_TRIGGERS("person") WORLD_TRIGGERS("team_member") WORLD_TRIGGERS("key_result")
	WORLD_TRIGGERS("objective") WORLD_TRIGGERS("cycle") WORLD_TRIGGERS("grade"),

	/* each team's progress in the current cycle kept for okr status
	 * (read_team.c) with what it was computed from: the world and the
	 * commit sequence as above, the rollup mode, and a counter of KPI
	 * samples, whose latest value a key result tracking a KPI shows */
	"ALTER TABLE score_clock ADD COLUMN samples INTEGER NOT NULL DEFAULT 0;"
	TRIGGER_SAMPLES
	"CREATE TABLE team_progress("
	"  team_id INTEGER PRIMARY KEY,"
	"  cycle_id INTEGER NOT NULL,"
	"  world INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  samples INTEGER NOT NULL,"
	"  rollup INTEGER NOT NULL,"
	"  objectives INTEGER NOT NULL,"
	"  progress REAL NOT NULL);",

	/* nothing on SQLite: the server's step 14 brings its rules up to date
	 * (a member may prune the score journal, roles_pg.c) */
	"",
};

const int store_nmigrations = (int)(sizeof store_migrations / sizeof store_migrations[0]);

struct migrate_ctx {
	int upto;
};

/* Inside the migration's write: read the version again (another process
 * may have migrated meanwhile), apply the missing steps, bump it after each. */
static okr_result migrate_txn(okr_store *s, void *vctx)
{
	struct migrate_ctx *ctx = vctx;
	int v = s->eng->schema_version(s);
	if (v < 0)
		return store_sqlerr(s, db_errcode(s->db), _("reading the schema version"));
	for (int step = v; step < ctx->upto; step++) {
		const char *sql = s->eng->migrations[step];
		int rc = sql[0] ? db_exec(s->db, sql) : DB_OK;
		if (rc == DB_OK)
			rc = s->eng->set_schema_version(s, step + 1);
		if (rc != DB_OK)
			return store_sqlerr(s, rc, _("upgrading the database"));
	}
	return OKR_OK;
}

okr_result store_too_new(okr_store *s, int version)
{
	return store_fail(s, OKR_E_DB,
		_("%s was made by a newer okr (schema %d; this okr knows up to %d) — "
		  "upgrade okr; the file was left untouched"), s->path, version, store_nmigrations);
}

okr_result store_migrate(okr_store *s, int upto)
{
	int v = s->eng->schema_version(s);
	if (v < 0)
		return store_sqlerr(s, db_errcode(s->db), _("reading the schema version"));
	if (v > store_nmigrations)
		return store_too_new(s, v);
	if (v >= upto)
		return OKR_OK;
	if (s->flags & OKR_OPEN_READONLY)
		return store_fail(s, OKR_E_DB,
			_("%s needs an upgrade (schema %d → %d) and is open read-only — "
			  "run a command that writes, such as `okr cycle list`, as someone who can write the file "
			  "(on a server: the database's owner)"),
			s->path, v, upto);
	struct migrate_ctx ctx = { upto };
	return store_write(s, migrate_txn, &ctx);
}
