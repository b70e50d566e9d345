/*
 * roles_pg.c — okr's rules about who may write what, kept by the server.
 *
 * On SQLite okr's own checks (src/core/permit.c and the store's write
 * path) are all there is; anyone who can write the file can write anything
 * with the sqlite3 shell.  On PostgreSQL the person is the role the server
 * authenticated, and the same rules are grants and row-level security
 * policies, so that a member connected with psql can do no more than okr
 * lets them do.
 *
 *  - Three group roles, okr_member ⊂ okr_lead ⊂ okr_admin (cluster-wide,
 *    made here when missing).  okr_member holds the table privileges, no
 *    more than okr needs: no DELETE or TRUNCATE anywhere, no UPDATE of
 *    check-ins, samples, comments, kudos or the audit trail, no writes to
 *    what triggers keep (the latest check-ins, the score journal), whose
 *    folded entries go only through okr_journal_prune.
 *  - The policies ask the person table who the connected role is
 *    (okr_id, okr_rank: -1 unknown, 0 member, 1 lead, 2 admin), so the
 *    database's own rows decide, per database, as okr's checks do.
 *  - A trigger on person keeps the group membership in step with the role
 *    column and makes the login role of someone added (okr person add,
 *    okr migrate) when the server has none yet, so an admin adds people
 *    without writing SQL.  It runs as the database's owner, who therefore
 *    needs CREATEROLE (README: what the server's administrator does once).
 *
 * The owner of the tables and superusers are not subject to the policies
 * (PostgreSQL's rule): they are the server's administrators.  The script is
 * idempotent and is run after the last migration step, so a later step's
 * tables are covered once it lists them here.
 */
#include "pg_int.h"

const char pg_roles_sql[] =
	/* the groups */
	"DO $d$ BEGIN"
	"  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'okr_member') THEN"
	"   CREATE ROLE okr_member NOLOGIN; END IF;"
	"  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'okr_lead') THEN"
	"   CREATE ROLE okr_lead NOLOGIN IN ROLE okr_member; END IF;"
	"  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'okr_admin') THEN"
	"   CREATE ROLE okr_admin NOLOGIN IN ROLE okr_lead; END IF;"
	" END $d$;"
	/* who the connected role is, asked past the policies (as the owner) */
	"CREATE OR REPLACE FUNCTION okr_id(who name) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER"
	"  SET search_path FROM CURRENT AS $f$SELECT id FROM person WHERE login = who::text$f$;"
	"CREATE OR REPLACE FUNCTION okr_rank(who name) RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER"
	"  SET search_path FROM CURRENT AS $f$SELECT COALESCE((SELECT CASE role WHEN 'admin' THEN 2"
	"  WHEN 'lead' THEN 1 ELSE 0 END FROM person WHERE login = who::text), -1)$f$;"
	"CREATE OR REPLACE FUNCTION okr_role_of(who name) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER"
	"  SET search_path FROM CURRENT AS $f$SELECT role FROM person WHERE login = who::text$f$;"
	"CREATE OR REPLACE FUNCTION okr_nobody() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER"
	"  SET search_path FROM CURRENT AS $f$SELECT NOT EXISTS (SELECT 1 FROM person)$f$;"
	"CREATE OR REPLACE FUNCTION okr_obj_owner(o bigint) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER"
	"  SET search_path FROM CURRENT AS $f$SELECT owner_id FROM objective WHERE id = o$f$;"
	/* a key result's owner, then its objective's */
	"CREATE OR REPLACE FUNCTION okr_kr_owners(k bigint) RETURNS bigint[] LANGUAGE sql STABLE SECURITY DEFINER"
	"  SET search_path FROM CURRENT AS $f$SELECT ARRAY[kr.owner_id, o.owner_id] FROM key_result kr"
	"  JOIN objective o ON o.id = kr.objective_id WHERE kr.id = k$f$;"
	/* The journal's entries that the saved ledger has folded may go, by
	 * whoever saved it (a member's okr status keeps the cache too, and a
	 * save without its pruning was refused and rolled back); never one the
	 * saved ledger has not folded, and nothing else of the journal. */
	"CREATE OR REPLACE FUNCTION okr_journal_prune(upto bigint, step bigint) RETURNS void LANGUAGE sql"
	"  SECURITY DEFINER SET search_path FROM CURRENT AS $f$DELETE FROM score_journal WHERE seq <= LEAST(upto,"
	"  COALESCE((SELECT seq FROM score_ledger WHERE id = 1), 0), (SELECT min(seq) FROM score_journal) + step - 1)$f$;"
	"REVOKE ALL ON FUNCTION okr_journal_prune(bigint, bigint) FROM PUBLIC;"
	"GRANT EXECUTE ON FUNCTION okr_journal_prune(bigint, bigint) TO okr_member;"
	/* what triggers keep is written as the owner: a member writes none of it by hand */
	"ALTER FUNCTION okr_bump_id() SECURITY DEFINER SET search_path FROM CURRENT;"
	"ALTER FUNCTION okr_checkin_latest() SECURITY DEFINER SET search_path FROM CURRENT;"
	"ALTER FUNCTION okr_score_journal() SECURITY DEFINER SET search_path FROM CURRENT;"
	"ALTER FUNCTION okr_score_world() SECURITY DEFINER SET search_path FROM CURRENT;"
	"ALTER FUNCTION okr_score_samples() SECURITY DEFINER SET search_path FROM CURRENT;"
	/* the person's group follows the role column; a login role is made for someone new */
	"CREATE OR REPLACE FUNCTION okr_sync_role() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
	"  SET search_path FROM CURRENT AS $f$"
	" DECLARE grp text := 'okr_' || NEW.role; r record;"
	" BEGIN"
	"  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = NEW.login) THEN"
	"   BEGIN EXECUTE format('CREATE ROLE %I LOGIN', NEW.login);"
	"   EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;"
	"  END IF;"
	"  FOR r IN SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
	"    JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = NEW.login"
	"    AND g.rolname IN ('okr_member', 'okr_lead', 'okr_admin') AND g.rolname <> grp LOOP"
	"   EXECUTE format('REVOKE %I FROM %I', r.rolname, NEW.login);"
	"  END LOOP;"
	"  IF NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
	"    JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = NEW.login AND g.rolname = grp) THEN"
	"   EXECUTE format('GRANT %I TO %I', grp, NEW.login);"
	"  END IF;"
	"  RETURN NULL;"
	" END $f$;"
	"DROP TRIGGER IF EXISTS person_role ON person;"
	"CREATE TRIGGER person_role AFTER INSERT OR UPDATE OF role ON person"
	"  FOR EACH ROW EXECUTE FUNCTION okr_sync_role();"
	/* nobody sets the scoring terms of their own key result (write_kr.c) */
	"CREATE OR REPLACE FUNCTION okr_own_terms() RETURNS trigger LANGUAGE plpgsql AS $f$"
	" BEGIN"
	"  IF row_security_active('key_result') AND NEW.terms_by IS NOT NULL"
	"    AND (TG_OP = 'INSERT' OR (NEW.terms_by, NEW.terms_start, NEW.terms_target, NEW.terms_weight,"
	"      NEW.terms_direction) IS DISTINCT FROM (OLD.terms_by, OLD.terms_start, OLD.terms_target,"
	"      OLD.terms_weight, OLD.terms_direction))"
	"    AND (NEW.owner_id IS NOT DISTINCT FROM okr_id(current_user)"
	"      OR NEW.terms_by IS DISTINCT FROM okr_id(current_user)) THEN"
	"   RAISE EXCEPTION 'nobody sets the terms of their own key result' USING ERRCODE = '42501';"
	"  END IF;"
	"  RETURN NEW;"
	" END $f$;"
	"DROP TRIGGER IF EXISTS key_result_terms ON key_result;"
	"CREATE TRIGGER key_result_terms BEFORE INSERT OR UPDATE ON key_result"
	"  FOR EACH ROW EXECUTE FUNCTION okr_own_terms();"
	/* every table: read by every member, row security on, the old policies gone */
	"DO $d$ DECLARE t text; p record; BEGIN"
	"  EXECUTE format('GRANT USAGE ON SCHEMA %I TO okr_member', current_schema());"
	"  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO okr_member', current_schema());"
	"  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP"
	"   FOR p IN SELECT policyname FROM pg_policies WHERE schemaname = current_schema()"
	"     AND tablename = t AND policyname LIKE 'okr\\_%' LOOP"
	"    EXECUTE format('DROP POLICY %I ON %I', p.policyname, t);"
	"   END LOOP;"
	"   EXECUTE format('REVOKE ALL ON %I FROM okr_member', t);"
	"   EXECUTE format('GRANT SELECT ON %I TO okr_member', t);"
	"   EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);"
	"   EXECUTE format('CREATE POLICY okr_read ON %I FOR SELECT USING (true)', t);"
	"  END LOOP;"
	" END $d$;"
	/* people and teams: admins; oneself as a member on first use (the
	 * first person of a database is its admin); one's own name */
	"GRANT INSERT, UPDATE (name, role, opt_out) ON person TO okr_member;"
	"CREATE POLICY okr_add ON person FOR INSERT WITH CHECK (okr_rank(current_user) = 2"
	"  OR (login = current_user::text AND (role = 'member' OR okr_nobody())));"
	"CREATE POLICY okr_edit ON person FOR UPDATE USING (okr_rank(current_user) = 2 OR login = current_user::text)"
	"  WITH CHECK (okr_rank(current_user) = 2 OR (login = current_user::text AND role = okr_role_of(current_user)));"
	"GRANT INSERT ON team TO okr_member;"
	"CREATE POLICY okr_add ON team FOR INSERT WITH CHECK (okr_rank(current_user) = 2);"
	"GRANT INSERT ON team_member TO okr_member;"
	"CREATE POLICY okr_add ON team_member FOR INSERT WITH CHECK (okr_rank(current_user) >= 1"
	"  OR person_id = okr_id(current_user));"
	/* cycles and the team's settings: leads and admins */
	"GRANT INSERT, UPDATE ON cycle, team_setting TO okr_member;"
	"CREATE POLICY okr_add ON cycle FOR INSERT WITH CHECK (okr_rank(current_user) >= 1);"
	"CREATE POLICY okr_edit ON cycle FOR UPDATE USING (okr_rank(current_user) >= 1)"
	"  WITH CHECK (okr_rank(current_user) >= 1);"
	"CREATE POLICY okr_add ON team_setting FOR INSERT WITH CHECK (okr_rank(current_user) >= 1);"
	"CREATE POLICY okr_edit ON team_setting FOR UPDATE USING (okr_rank(current_user) >= 1)"
	"  WITH CHECK (okr_rank(current_user) >= 1);"
	/* objectives: one's own, or a lead's; key results: their owner, their
	 * objective's owner, or a lead (write_okr.c, write_kr.c) */
	"GRANT INSERT, UPDATE ON objective, key_result TO okr_member;"
	"CREATE POLICY okr_add ON objective FOR INSERT WITH CHECK (okr_rank(current_user) >= 1"
	"  OR owner_id = okr_id(current_user));"
	"CREATE POLICY okr_edit ON objective FOR UPDATE USING (okr_rank(current_user) >= 1"
	"  OR owner_id = okr_id(current_user)) WITH CHECK (okr_rank(current_user) >= 1 OR owner_id = okr_id(current_user));"
	"CREATE POLICY okr_add ON key_result FOR INSERT WITH CHECK (okr_rank(current_user) >= 1"
	"  OR okr_obj_owner(objective_id) = okr_id(current_user));"
	"CREATE POLICY okr_edit ON key_result FOR UPDATE USING (okr_rank(current_user) >= 1"
	"  OR okr_id(current_user) = ANY(okr_kr_owners(id))) WITH CHECK (okr_rank(current_user) >= 1"
	"  OR owner_id = okr_id(current_user) OR okr_obj_owner(objective_id) = okr_id(current_user));"
	/* check-ins: on one's own key results, or as a lead (permit.c); in one's own name */
	"GRANT INSERT ON checkin TO okr_member;"
	"CREATE POLICY okr_add ON checkin FOR INSERT WITH CHECK (author_id = okr_id(current_user)"
	"  AND (okr_rank(current_user) >= 1 OR (okr_kr_owners(kr_id))[1] = okr_id(current_user)));"
	/* grades: a key result's owner, its objective's owner or a lead */
	"GRANT INSERT, UPDATE ON grade TO okr_member;"
	"CREATE POLICY okr_add ON grade FOR INSERT WITH CHECK (author_id = okr_id(current_user)"
	"  AND (okr_rank(current_user) >= 1 OR okr_id(current_user) = ANY(okr_kr_owners(kr_id))));"
	"CREATE POLICY okr_edit ON grade FOR UPDATE USING (okr_rank(current_user) >= 1"
	"  OR okr_id(current_user) = ANY(okr_kr_owners(kr_id))) WITH CHECK (author_id = okr_id(current_user));"
	/* what anyone writes in their own name, once */
	"GRANT INSERT ON kpi, kpi_sample, comment, kudos, audit TO okr_member;"
	"CREATE POLICY okr_add ON kpi FOR INSERT WITH CHECK (okr_rank(current_user) >= 0);"
	"CREATE POLICY okr_add ON kpi_sample FOR INSERT WITH CHECK (author_id = okr_id(current_user));"
	"CREATE POLICY okr_add ON comment FOR INSERT WITH CHECK (author_id = okr_id(current_user));"
	"CREATE POLICY okr_add ON kudos FOR INSERT WITH CHECK (from_id = okr_id(current_user));"
	"CREATE POLICY okr_add ON audit FOR INSERT WITH CHECK (person_id = okr_id(current_user));"
	/* one's own board marks; the score cache anyone who reads may keep */
	"GRANT INSERT, UPDATE, DELETE ON board_look TO okr_member;"
	"CREATE POLICY okr_own ON board_look FOR ALL USING (person_id = okr_id(current_user))"
	"  WITH CHECK (person_id = okr_id(current_user));"
	"GRANT INSERT, UPDATE ON score_ledger, team_progress TO okr_member;"
	"CREATE POLICY okr_keep ON score_ledger FOR ALL USING (okr_rank(current_user) >= 0)"
	"  WITH CHECK (okr_rank(current_user) >= 0);"
	"CREATE POLICY okr_keep ON team_progress FOR ALL USING (okr_rank(current_user) >= 0)"
	"  WITH CHECK (okr_rank(current_user) >= 0);";
