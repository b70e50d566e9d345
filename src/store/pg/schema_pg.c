/*
 * schema_pg.c — the numbered migrations on PostgreSQL.
 *
 * Step N here does what step N of src/store/schema.c does on SQLite, so a
 * schema number means the same on both engines (okr migrate copies between
 * them, and a newer okr refuses the same way).  What SQLite does with
 * RAISE(ABORT) triggers is done with PL/pgSQL trigger functions; the
 * append-only rule also refuses TRUNCATE, which SQLite does not have.  The
 * number itself lives in okr_schema (engine_pg.c), not in a pragma.
 *
 * The SQLite aggregates the store's SQL uses (group_concat with a
 * separator, total) are defined here with their SQLite meaning, so that
 * the store writes those statements once.
 *
 * Ids are identity columns "by default", because import and okr migrate
 * write rows with the ids they had; okr_bump_id keeps the sequence past
 * such an id so that the next row okr makes does not collide with it.
 */
#include <stddef.h>

#include "pg_int.h"

/* The roles, enforced by the server (README "On a PostgreSQL server").  The
 * person is the role that connected (current_user); their okr role is the
 * one in their person row.  Every role that may connect to the database may
 * read and write okr's tables, and row-level security then allows what okr
 * allows — to psql as much as to okr:
 *  - objectives: changed by their owner or a lead (write_okr.c);
 *  - key results: by their owner, their objective's owner or a lead (write_kr.c);
 *  - check-ins: written as oneself, on one's own key result unless a lead
 *    (okr_may_checkin); KPI samples, comments and kudos as oneself;
 *  - people: a role registers itself as a member (the very first as the
 *    admin); only an admin adds others or changes anyone's role (people.c);
 *  - grades: leads (close.c); the audit trail: as oneself, never rewritten.
 * Superusers and the owner of the tables (who ran okr init) are not held by
 * the policies: they are the database's administrators already. */
#define ROLES_SQL \
	"CREATE FUNCTION okr_me() RETURNS bigint LANGUAGE sql STABLE AS" \
	"  $f$SELECT id FROM person WHERE login = current_user$f$;" \
	"CREATE FUNCTION okr_is_lead() RETURNS boolean LANGUAGE sql STABLE AS" \
	"  $f$SELECT EXISTS(SELECT 1 FROM person WHERE login = current_user AND role IN ('lead', 'admin'))$f$;" \
	"CREATE FUNCTION okr_is_admin() RETURNS boolean LANGUAGE sql STABLE AS" \
	"  $f$SELECT EXISTS(SELECT 1 FROM person WHERE login = current_user AND role = 'admin')$f$;" \
	"CREATE FUNCTION okr_role_guard() RETURNS trigger LANGUAGE plpgsql AS $f$" \
	" BEGIN" \
	"  IF NEW.role IS DISTINCT FROM OLD.role AND NOT okr_is_admin()" \
	"     AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)" \
	"     AND NOT pg_has_role((SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN" \
	"   RAISE EXCEPTION 'only an admin changes roles' USING ERRCODE = '42501';" \
	"  END IF;" \
	"  RETURN NEW;" \
	" END $f$;" \
	"CREATE TRIGGER person_role_guard BEFORE UPDATE ON person FOR EACH ROW EXECUTE FUNCTION okr_role_guard();" \
	"CREATE FUNCTION okr_login_role(login text) RETURNS void LANGUAGE plpgsql AS $f$" \
	" BEGIN" \
	"  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN" \
	"   EXECUTE format('CREATE ROLE %I LOGIN', login);" \
	"  END IF;" \
	" END $f$;" \
	"DO $d$ BEGIN" \
	"  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO PUBLIC', current_schema());" \
	"  EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO PUBLIC', current_schema());" \
	"  EXECUTE format('GRANT USAGE ON SCHEMA %I TO PUBLIC', current_schema());" \
	" END $d$;" \
	"REVOKE UPDATE, DELETE, TRUNCATE ON checkin, kpi_sample FROM PUBLIC;" \
	"REVOKE UPDATE, DELETE ON audit FROM PUBLIC;" \
	"REVOKE INSERT, UPDATE, DELETE ON okr_schema FROM PUBLIC;" \
	"DO $d$ DECLARE t text; BEGIN" \
	"  FOREACH t IN ARRAY ARRAY['person','objective','key_result','checkin','kpi_sample','comment','kudos'," \
	"                           'grade','audit'] LOOP" \
	"   EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);" \
	"   EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (true)', t || '_read', t);" \
	"  END LOOP;" \
	" END $d$;" \
	"CREATE POLICY person_join ON person FOR INSERT WITH CHECK (okr_is_admin()" \
	"  OR (login = current_user AND (role = 'member' OR NOT EXISTS (SELECT 1 FROM person))));" \
	"CREATE POLICY person_edit ON person FOR UPDATE USING (login = current_user OR okr_is_admin());" \
	"CREATE POLICY person_drop ON person FOR DELETE USING (okr_is_admin());" \
	"CREATE POLICY objective_add ON objective FOR INSERT WITH CHECK (owner_id = okr_me() OR okr_is_lead());" \
	"CREATE POLICY objective_edit ON objective FOR UPDATE USING (owner_id = okr_me() OR okr_is_lead());" \
	"CREATE POLICY objective_drop ON objective FOR DELETE USING (okr_is_lead());" \
	"CREATE POLICY key_result_add ON key_result FOR INSERT WITH CHECK (okr_is_lead()" \
	"  OR (SELECT owner_id FROM objective WHERE id = objective_id) = okr_me());" \
	"CREATE POLICY key_result_edit ON key_result FOR UPDATE USING (owner_id = okr_me() OR okr_is_lead()" \
	"  OR (SELECT owner_id FROM objective WHERE id = objective_id) = okr_me());" \
	"CREATE POLICY key_result_drop ON key_result FOR DELETE USING (okr_is_lead());" \
	"CREATE POLICY checkin_add ON checkin FOR INSERT WITH CHECK (author_id = okr_me()" \
	"  AND (okr_is_lead() OR (SELECT owner_id FROM key_result WHERE id = kr_id) = okr_me()));" \
	"CREATE POLICY kpi_sample_add ON kpi_sample FOR INSERT WITH CHECK (author_id = okr_me());" \
	"CREATE POLICY comment_add ON comment FOR INSERT WITH CHECK (author_id = okr_me());" \
	"CREATE POLICY kudos_add ON kudos FOR INSERT WITH CHECK (from_id = okr_me());" \
	"CREATE POLICY grade_set ON grade FOR ALL USING (okr_is_lead()) WITH CHECK (okr_is_lead());" \
	"CREATE POLICY audit_add ON audit FOR INSERT WITH CHECK (person_id = okr_me() OR person_id IS NULL);"

/* Step 12: every change to table t counts in score_clock.world. */
#define PG_WORLD_TRIGGER(t) \
	"CREATE TRIGGER score_world_" t " AFTER INSERT OR UPDATE OR DELETE ON " t \
	" FOR EACH STATEMENT EXECUTE FUNCTION okr_score_world();"

const char *const pg_migrations[] = {
	/* 1: people, teams, cycles, objectives, key results, check-ins, audit */
	"CREATE FUNCTION okr_bump_id() RETURNS trigger LANGUAGE plpgsql AS $f$"
	" DECLARE seq text := pg_get_serial_sequence(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, 'id');"
	" BEGIN"
	"  IF NEW.id > coalesce(pg_sequence_last_value(seq::regclass), 0) THEN"
	"   PERFORM setval(seq::regclass, NEW.id);"
	"  END IF;"
	"  RETURN NULL;"
	" END $f$;"
	/* the two aggregates of SQLite's the store's SQL uses */
	"CREATE FUNCTION okr_concat_step(acc text, v text, sep text) RETURNS text LANGUAGE sql IMMUTABLE AS"
	"  $f$SELECT CASE WHEN v IS NULL THEN acc WHEN acc IS NULL THEN v ELSE acc || sep || v END$f$;"
	"CREATE AGGREGATE group_concat(text, text) (SFUNC = okr_concat_step, STYPE = text);"
	"CREATE AGGREGATE total(double precision) (SFUNC = float8pl, STYPE = float8, INITCOND = '0');"
	"CREATE FUNCTION okr_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$"
	" BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'P0001'; END $f$;"
	"CREATE TABLE person("
	"  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	"  login TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  role TEXT NOT NULL DEFAULT 'member' CHECK(role IN ('member','lead','admin')),"
	"  opt_out INTEGER NOT NULL DEFAULT 0,"
	"  created_at BIGINT NOT NULL);"
	"CREATE TABLE team("
	"  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  parent_id BIGINT REFERENCES team(id));"
	"CREATE TABLE team_member("
	"  team_id BIGINT NOT NULL REFERENCES team(id),"
	"  person_id BIGINT NOT NULL REFERENCES person(id),"
	"  PRIMARY KEY(team_id, person_id));"
	"CREATE INDEX team_member_person ON team_member(person_id);"
	"CREATE TABLE cycle("
	"  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  start_day BIGINT NOT NULL,"
	"  end_day BIGINT NOT NULL CHECK(end_day >= start_day),"
	"  state TEXT NOT NULL DEFAULT 'planning' CHECK(state IN ('planning','active','closed')),"
	"  is_current INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE objective("
	"  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	"  cycle_id BIGINT NOT NULL REFERENCES cycle(id),"
	"  title TEXT NOT NULL,"
	"  description TEXT NOT NULL DEFAULT '',"
	"  owner_id BIGINT REFERENCES person(id),"
	"  team_id BIGINT REFERENCES team(id),"
	"  parent_id BIGINT REFERENCES objective(id),"
	"  kind TEXT NOT NULL DEFAULT 'committed' CHECK(kind IN ('committed','aspirational')),"
	"  state TEXT NOT NULL DEFAULT 'active' CHECK(state IN ('draft','active','closed')),"
	"  weight DOUBLE PRECISION NOT NULL DEFAULT 1 CHECK(weight >= 0),"
	"  version BIGINT NOT NULL DEFAULT 1,"
	"  archived INTEGER NOT NULL DEFAULT 0,"
	"  created_at BIGINT NOT NULL);"
	"CREATE INDEX objective_cycle ON objective(cycle_id);"
	"CREATE TABLE key_result("
	"  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	"  objective_id BIGINT NOT NULL REFERENCES objective(id),"
	"  title TEXT NOT NULL,"
	"  owner_id BIGINT REFERENCES person(id),"
	"  weight DOUBLE PRECISION NOT NULL DEFAULT 1 CHECK(weight >= 0),"
	"  due_day BIGINT NOT NULL DEFAULT 0,"
	"  type TEXT NOT NULL CHECK(type IN ('metric','threshold','milestone')),"
	"  start_value DOUBLE PRECISION NOT NULL DEFAULT 0,"
	"  target_value DOUBLE PRECISION NOT NULL DEFAULT 1,"
	"  direction TEXT NOT NULL DEFAULT 'at_least' CHECK(direction IN ('at_least','at_most')),"
	"  unit TEXT NOT NULL DEFAULT '',"
	"  decimals INTEGER NOT NULL DEFAULT 0,"
	"  frequency TEXT NOT NULL DEFAULT 'weekly' CHECK(frequency IN ('daily','weekly','monthly')),"
	"  version BIGINT NOT NULL DEFAULT 1,"
	"  archived INTEGER NOT NULL DEFAULT 0,"
	"  created_at BIGINT NOT NULL);"
	"CREATE INDEX key_result_objective ON key_result(objective_id);"
	"CREATE TABLE checkin("
	"  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	"  uid TEXT NOT NULL UNIQUE,"
	"  kr_id BIGINT NOT NULL REFERENCES key_result(id),"
	"  author_id BIGINT NOT NULL REFERENCES person(id),"
	"  value DOUBLE PRECISION NOT NULL,"
	"  confidence INTEGER CHECK(confidence BETWEEN 0 AND 10),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  at BIGINT NOT NULL);"
	"CREATE INDEX checkin_kr ON checkin(kr_id, at);"
	"CREATE INDEX checkin_author ON checkin(author_id, at);"
	"CREATE TRIGGER checkin_append_only BEFORE UPDATE OR DELETE ON checkin"
	"  FOR EACH ROW EXECUTE FUNCTION okr_append_only('check-ins are append-only');"
	"CREATE TRIGGER checkin_append_only_t BEFORE TRUNCATE ON checkin"
	"  FOR EACH STATEMENT EXECUTE FUNCTION okr_append_only('check-ins are append-only');"
	"CREATE TABLE audit("
	"  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	"  at BIGINT NOT NULL,"
	"  person_id BIGINT REFERENCES person(id),"
	"  action TEXT NOT NULL,"
	"  entity TEXT NOT NULL,"
	"  entity_id BIGINT,"
	"  detail TEXT NOT NULL DEFAULT '');"
	"CREATE INDEX audit_entity ON audit(entity, entity_id);"
	"CREATE TRIGGER person_bump_id AFTER INSERT ON person FOR EACH ROW EXECUTE FUNCTION okr_bump_id();"
	"CREATE TRIGGER team_bump_id AFTER INSERT ON team FOR EACH ROW EXECUTE FUNCTION okr_bump_id();"
	"CREATE TRIGGER cycle_bump_id AFTER INSERT ON cycle FOR EACH ROW EXECUTE FUNCTION okr_bump_id();"
	"CREATE TRIGGER objective_bump_id AFTER INSERT ON objective FOR EACH ROW EXECUTE FUNCTION okr_bump_id();"
	"CREATE TRIGGER key_result_bump_id AFTER INSERT ON key_result FOR EACH ROW EXECUTE FUNCTION okr_bump_id();"
	/* the store never rewrites history; nobody else may either */
	"REVOKE UPDATE, DELETE, TRUNCATE ON checkin FROM PUBLIC;",

	/* 2: KPIs with their four parts, their samples, and key results that track one */
	"CREATE TABLE kpi("
	"  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  unit TEXT NOT NULL DEFAULT '',"
	"  target DOUBLE PRECISION NOT NULL,"
	"  direction TEXT NOT NULL CHECK(direction IN ('at_least','at_most')),"
	"  timeframe TEXT NOT NULL DEFAULT '',"
	"  source TEXT NOT NULL DEFAULT '',"
	"  frequency TEXT NOT NULL CHECK(frequency IN ('daily','weekly','monthly')),"
	"  owner_id BIGINT REFERENCES person(id),"
	"  version BIGINT NOT NULL DEFAULT 1,"
	"  created_at BIGINT NOT NULL);"
	"CREATE TRIGGER kpi_bump_id AFTER INSERT ON kpi FOR EACH ROW EXECUTE FUNCTION okr_bump_id();"
	"CREATE TABLE kpi_sample("
	"  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	"  uid TEXT NOT NULL UNIQUE,"
	"  kpi_id BIGINT NOT NULL REFERENCES kpi(id),"
	"  author_id BIGINT NOT NULL REFERENCES person(id),"
	"  value DOUBLE PRECISION NOT NULL,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  at BIGINT NOT NULL);"
	"CREATE INDEX kpi_sample_kpi ON kpi_sample(kpi_id, at);"
	"CREATE TRIGGER kpi_sample_append_only BEFORE UPDATE OR DELETE ON kpi_sample"
	"  FOR EACH ROW EXECUTE FUNCTION okr_append_only('KPI samples are append-only');"
	"CREATE TRIGGER kpi_sample_append_only_t BEFORE TRUNCATE ON kpi_sample"
	"  FOR EACH STATEMENT EXECUTE FUNCTION okr_append_only('KPI samples are append-only');"
	"REVOKE UPDATE, DELETE, TRUNCATE ON kpi_sample FROM PUBLIC;"
	"ALTER TABLE key_result ADD COLUMN kpi_id BIGINT REFERENCES kpi(id);",

	/* 3: two-way feedback, recognition and grades */
	"CREATE TABLE comment("
	"  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	"  target_kind TEXT NOT NULL CHECK(target_kind IN ('O','K')),"
	"  target_id BIGINT NOT NULL,"
	"  author_id BIGINT NOT NULL REFERENCES person(id),"
	"  text TEXT NOT NULL,"
	"  at BIGINT NOT NULL);"
	"CREATE INDEX comment_target ON comment(target_kind, target_id, at);"
	"CREATE TABLE kudos("
	"  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	"  from_id BIGINT NOT NULL REFERENCES person(id),"
	"  to_id BIGINT NOT NULL REFERENCES person(id),"
	"  text TEXT NOT NULL,"
	"  kr_id BIGINT REFERENCES key_result(id),"
	"  at BIGINT NOT NULL,"
	"  CHECK(to_id <> from_id));"
	"CREATE INDEX kudos_at ON kudos(at);"
	"CREATE TABLE grade("
	"  kr_id BIGINT PRIMARY KEY REFERENCES key_result(id),"
	"  score DOUBLE PRECISION NOT NULL CHECK(score >= 0 AND score <= 1),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  author_id BIGINT NOT NULL REFERENCES person(id),"
	"  at BIGINT NOT NULL);",

	/* 4: the latest check-in of each key result, kept by a trigger (see
	 * schema.c's step 4 for why) */
	"CREATE TABLE checkin_latest("
	"  kr_id BIGINT PRIMARY KEY,"
	"  checkin_id BIGINT NOT NULL,"
	"  value DOUBLE PRECISION NOT NULL,"
	"  confidence INTEGER,"
	"  at BIGINT NOT NULL);"
	"INSERT INTO checkin_latest(kr_id, checkin_id, value, confidence, at)"
	"  SELECT DISTINCT ON (kr_id) kr_id, id, value, confidence, at FROM checkin"
	"  ORDER BY kr_id, at DESC, id DESC;"
	"CREATE FUNCTION okr_checkin_latest() RETURNS trigger LANGUAGE plpgsql AS $f$"
	" BEGIN"
	"  INSERT INTO checkin_latest AS l(kr_id, checkin_id, value, confidence, at)"
	"  VALUES(NEW.kr_id, NEW.id, NEW.value, NEW.confidence, NEW.at)"
	"  ON CONFLICT(kr_id) DO UPDATE SET checkin_id = excluded.checkin_id, value = excluded.value,"
	"  confidence = excluded.confidence, at = excluded.at"
	"  WHERE excluded.at > l.at OR (excluded.at = l.at AND excluded.checkin_id > l.checkin_id);"
	"  RETURN NULL;"
	" END $f$;"
	"CREATE TRIGGER checkin_latest_i AFTER INSERT ON checkin"
	"  FOR EACH ROW EXECUTE FUNCTION okr_checkin_latest();",

	/* 5: what each person last saw on each leaderboard */
	"CREATE TABLE board_look("
	"  person_id BIGINT NOT NULL REFERENCES person(id),"
	"  board TEXT NOT NULL,"
	"  item_id BIGINT NOT NULL,"
	"  rank BIGINT NOT NULL,"
	"  at BIGINT NOT NULL,"
	"  PRIMARY KEY(person_id, board, item_id));",

	/* 6: fair points: the terms a key result is scored by, and who set them */
	"ALTER TABLE key_result ADD COLUMN terms_by BIGINT;"
	"ALTER TABLE key_result ADD COLUMN terms_start DOUBLE PRECISION;"
	"ALTER TABLE key_result ADD COLUMN terms_target DOUBLE PRECISION;"
	"ALTER TABLE key_result ADD COLUMN terms_weight DOUBLE PRECISION;"
	"ALTER TABLE key_result ADD COLUMN terms_direction TEXT;"
	"UPDATE key_result SET terms_by = (SELECT o.owner_id FROM objective o WHERE o.id = key_result.objective_id),"
	"  terms_start = start_value, terms_target = target_value, terms_weight = weight, terms_direction = direction"
	"  WHERE owner_id IS DISTINCT FROM (SELECT o.owner_id FROM objective o WHERE o.id = key_result.objective_id);",

	/* 7: kudos by key result and by receiver */
	"CREATE INDEX kudos_kr ON kudos(kr_id, at) WHERE kr_id IS NOT NULL;"
	"CREATE INDEX kudos_to ON kudos(to_id, at);",

	/* 8: the score ledger's commit sequence and saved fold (ledger.c).  The
	 * counter row is updated inside the writer's transaction and keeps its
	 * row lock until COMMIT, so sequence order is commit order. */
	"CREATE TABLE score_clock(id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL);"
	"INSERT INTO score_clock(id, seq) VALUES(1, 0);"
	"CREATE TABLE score_journal(seq BIGINT PRIMARY KEY, kind INTEGER NOT NULL, event_id BIGINT NOT NULL);"
	"CREATE FUNCTION okr_score_journal() RETURNS trigger LANGUAGE plpgsql AS $f$"
	" DECLARE n bigint;"
	" BEGIN"
	"  UPDATE score_clock SET seq = seq + 1 WHERE id = 1 RETURNING seq INTO n;"
	"  INSERT INTO score_journal(seq, kind, event_id) VALUES(n, TG_ARGV[0]::integer, NEW.id);"
	"  RETURN NULL;"
	" END $f$;"
	"CREATE TRIGGER score_journal_checkin AFTER INSERT ON checkin"
	"  FOR EACH ROW EXECUTE FUNCTION okr_score_journal('0');"
	"CREATE TRIGGER score_journal_kudos AFTER INSERT ON kudos"
	"  FOR EACH ROW EXECUTE FUNCTION okr_score_journal('1');"
	"CREATE TRIGGER score_journal_comment AFTER INSERT ON comment"
	"  FOR EACH ROW EXECUTE FUNCTION okr_score_journal('2');"
	"CREATE TABLE score_ledger("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  rules BIGINT NOT NULL,"
	"  world BIGINT NOT NULL,"
	"  seq BIGINT NOT NULL,"
	"  state BYTEA NOT NULL);",

	/* 9: the team settings (settings.c) */
	"CREATE TABLE team_setting("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL,"
	"  by_id BIGINT REFERENCES person(id),"
	"  at BIGINT NOT NULL);",

	/* 10: a rebuild of the score ledger reads every check-in in time order.
	 * And every table says when it changed, whoever changes it: a
	 * statement trigger notifies okr's channel, so that a write by psql or
	 * another program shows on the screens as okr's own do (the server
	 * folds the notifications of one transaction into one). */
	"CREATE INDEX checkin_fold ON checkin(at, id);"
	"CREATE FUNCTION okr_notify() RETURNS trigger LANGUAGE plpgsql AS $f$"
	" BEGIN PERFORM pg_notify('okr', ''); RETURN NULL; END $f$;"
	"DO $d$ DECLARE t text; BEGIN"
	"  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
	"    AND tablename NOT IN ('okr_schema', 'score_ledger') LOOP"
	"   EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I"
	"     FOR EACH STATEMENT EXECUTE FUNCTION okr_notify()', t || '_notify', t);"
	"  END LOOP;"
	" END $d$;"
	ROLES_SQL,

	/* 11: the score ledger's board part apart (ledger.c), as on SQLite */
	"ALTER TABLE score_ledger ADD COLUMN board BYTEA;",

	/* 12: a counter of every change to what scoring reads (events.c), as on
	 * SQLite; a statement that changed nothing counts too, which only
	 * costs a rebuild */
	"ALTER TABLE score_clock ADD COLUMN world BIGINT NOT NULL DEFAULT 0;"
	"CREATE FUNCTION okr_score_world() RETURNS trigger LANGUAGE plpgsql AS $f$"
	" BEGIN UPDATE score_clock SET world = world + 1 WHERE id = 1; RETURN NULL; END $f$;"
	PG_WORLD_TRIGGER("person") PG_WORLD_TRIGGER("team_member") PG_WORLD_TRIGGER("key_result")
	PG_WORLD_TRIGGER("objective") PG_WORLD_TRIGGER("cycle") PG_WORLD_TRIGGER("grade"),
};

const int pg_nmigrations = (int)(sizeof pg_migrations / sizeof pg_migrations[0]);
