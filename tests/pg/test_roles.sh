#!/bin/sh
# Roles enforced by the server (src/store/pg/roles_pg.c): people connect as
# their own database roles, and a member connected with psql can do no more
# than okr lets them — each refusal below is the server's.  okr itself, run
# as the member, gives its usual message and exit 6.
. "$(dirname "$0")/../cli/lib.sh"

if [ -z "${PGHOST:-}" ]; then
	skip "roles enforced by the server" "OKR_ENGINES does not include pg"
	finish
	exit
fi

# Names of this run's own, so that nothing clashes with the roles other
# tests leave in the private cluster.
A=anh_$$ B=binh_$$ C=chi_$$ D=dung_$$ X=stranger_$$
TEAM=okr_roles_$$
su_sql() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "${2:-postgres}" -c "$1" </dev/null 2>&1; }
cleanup_roles() {
	su_sql "DROP DATABASE IF EXISTS $TEAM WITH (FORCE)" >/dev/null
	for r in $A $B $C $D $X; do su_sql "DROP ROLE IF EXISTS $r" >/dev/null; done
}
trap 'cleanup_roles; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT

# What the server's administrator does once: a role for the team's first
# admin that may make roles, and a database it owns.
su_sql "CREATE ROLE $A LOGIN CREATEROLE" >/dev/null
su_sql "CREATE ROLE $D LOGIN" >/dev/null
su_sql "CREATE ROLE $X LOGIN" >/dev/null
su_sql "CREATE DATABASE $TEAM OWNER $A" >/dev/null
TDB="dbname=$TEAM"

# okr as a role: the person is current_user, not $OKR_USER.
as() { who=$1; shift; env -u OKR_USER PGUSER="$who" "$OKR_BIN" --db "$TDB" "$@"; }
# psql as a role: the output, errors included, on one line.
psql_as() { env PGUSER="$1" psql -X -q -A -t -d "$TEAM" -c "$2" </dev/null 2>&1 | tr '\n' ' '; }
val() { su_sql "$1" "$TEAM"; }

expect_exit 0 as $A init
expect_exit 0 as $A person add $B
expect_exit 0 as $A person add $C --role lead
expect_exit 0 as $A person add $D
got=$(su_sql "SELECT pg_has_role('$B', 'okr_member', 'MEMBER')::text || pg_has_role('$B', 'okr_lead', 'MEMBER')::text
	|| pg_has_role('$C', 'okr_lead', 'MEMBER')::text || pg_has_role('$D', 'okr_member', 'MEMBER')::text
	|| pg_has_role('$A', 'okr_admin', 'MEMBER')::text")
check "$([ "$got" = truefalsetruetruetrue ]; echo $?)" \
	"person add makes the login role (or grants an existing one) in the group of its okr role" "got: $got"

as $A cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 >/dev/null
as $A objective add "Anh's goal" >/dev/null
as $A kr add O1 "Anh's users" --target 100 >/dev/null
as $B objective add "Binh's goal" >/dev/null
as $B kr add O2 "Binh's pages" --target 10 >/dev/null
expect_out_contains "K2 3 / 10" as $B checkin K2 3
BID=$(val "SELECT id FROM person WHERE login = '$B'")
AID=$(val "SELECT id FROM person WHERE login = '$A'")

# refused_sql DESC EXPECTED-TEXT SQL: the server refuses SQL from the member.
refused_sql() {
	got=$(psql_as $B "$3")
	case $got in
	*"$2"*) ok "psql as a member: $1 — the server says '$2'" ;;
	*) not_ok "psql as a member: $1 — the server says '$2'" "got: $got" ;;
	esac
}
# untouched_sql DESC SQL CHECK-QUERY: the statement changes no row.
untouched_sql() {
	before=$(val "$3")
	got=$(psql_as $B "$2")
	after=$(val "$3")
	if [ "$before" = "$after" ] && [ "$got" = "" ]; then ok "psql as a member: $1 — no row changes"
	else not_ok "psql as a member: $1 — no row changes" "psql: $got" "before: $before" "after: $after"; fi
}

untouched_sql "editing someone else's objective" "UPDATE objective SET title = 'mine' WHERE id = 1" \
	"SELECT title || version FROM objective WHERE id = 1"
refused_sql "rewriting a check-in" "permission denied for table checkin" "UPDATE checkin SET value = 9"
refused_sql "deleting a check-in" "permission denied for table checkin" "DELETE FROM checkin"
refused_sql "promoting oneself" 'row-level security policy for table "person"' \
	"UPDATE person SET role = 'admin' WHERE login = current_user"
refused_sql "joining the admins' group" "must have admin option" "GRANT okr_admin TO $B"
refused_sql "acting as the admins' group" "permission denied to set role" "SET ROLE okr_admin"
refused_sql "adding an admin" 'row-level security policy for table "person"' \
	"INSERT INTO person(login, name, role, created_at) VALUES('mallory', 'M', 'admin', 1)"
refused_sql "checking in on someone else's key result" 'row-level security policy for table "checkin"' \
	"INSERT INTO checkin(uid, kr_id, author_id, value, at) VALUES('u1', 1, $BID, 50, 1)"
refused_sql "checking in in someone else's name" 'row-level security policy for table "checkin"' \
	"INSERT INTO checkin(uid, kr_id, author_id, value, at) VALUES('u2', 2, $AID, 5, 1)"
refused_sql "adding a cycle" 'row-level security policy for table "cycle"' \
	"INSERT INTO cycle(name, start_day, end_day) VALUES('2027-Q1', 1, 2)"
untouched_sql "closing the cycle" "UPDATE cycle SET state = 'closed'" "SELECT state FROM cycle"
refused_sql "changing the team's settings" 'row-level security policy for table "team_setting"' \
	"INSERT INTO team_setting(key, value, at) VALUES('week_start', 'sunday', 1)"
refused_sql "adding a team" 'row-level security policy for table "team"' "INSERT INTO team(name) VALUES('x')"
refused_sql "setting the terms of one's own key result" "nobody sets the terms of their own key result" \
	"UPDATE key_result SET terms_by = $BID, terms_target = 1 WHERE id = 2"
refused_sql "writing the audit trail in someone else's name" 'row-level security policy for table "audit"' \
	"INSERT INTO audit(at, person_id, action, entity) VALUES(1, $AID, 'edit', 'O')"
refused_sql "erasing the audit trail" "permission denied for table audit" "DELETE FROM audit"
refused_sql "rewriting the latest check-ins" "permission denied for table checkin_latest" \
	"UPDATE checkin_latest SET value = 10"
got=$(val "SELECT role FROM person WHERE login = '$B'")
check "$([ "$got" = member ]; echo $?)" "… and the member is still a member" "role: $got"

# What okr lets a member do, the server lets them do too.
got=$(psql_as $B "UPDATE objective SET title = 'Binh''s better goal' WHERE id = 2 RETURNING title")
check "$([ "$got" = "Binh's better goal " ]; echo $?)" "psql as a member: editing one's own objective works" "got: $got"

# okr as the member: okr's own message and exit 6, nothing written.
expect_err_contains 6 "only its owner or a lead" as $B checkin K1 50
expect_err_contains 6 "only a lead or admin can add cycles" as $B cycle add 2027-Q1 --start 2027-01-01 --end 2027-03-31
expect_err_contains 6 "only an admin can manage people" as $B person role $B admin
# a lead may do what a lead does, on the server too
expect_exit 0 as $C checkin K1 40
# a role the admin never added is refused by the server, which okr reports as not allowed
expect_err_contains 6 "the server refused this" as $X list

finish
