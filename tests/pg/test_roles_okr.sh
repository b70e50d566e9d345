#!/bin/sh
# Roles enforced by the server (PostgreSQL only), through okr itself: people
# are database roles that log in as themselves; what okr refuses a member the
# server refuses too, what okr allows still works under the policies, an
# admin's promotion takes effect on the server, and `okr person add --role`
# makes the login role when the database's owner may (test_roles.sh tries
# each refusal with psql).
. "$(dirname "$0")/../cli/lib.sh"

if [ -z "$PG_DB" ]; then
	skip "roles enforced by the server" "pg only"
	finish
	exit
fi
unset OKR_USER   # the person is the role that connects, as with the shipped okr

# Roles are the server's, not the database's: names of their own per run.
A=okr_ann_$$ B=okr_ben_$$ C=okr_cat_$$
pg_admin "CREATE ROLE $A LOGIN CREATEROLE" && pg_admin "CREATE ROLE $B LOGIN" &&
	pg_admin "GRANT CREATE ON DATABASE $PG_DB TO $A" &&
	psql -X -q -d "$PG_DB" -c "GRANT CREATE ON SCHEMA public TO $A" </dev/null >/dev/null ||
	{ echo "Bail out! cannot make the roles"; exit 1; }
trap 'pg_admin "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" 2>/dev/null; pg_admin "DROP ROLE IF EXISTS $A" 2>/dev/null;
	pg_admin "DROP ROLE IF EXISTS $B" 2>/dev/null; pg_admin "DROP ROLE IF EXISTS $C" 2>/dev/null; rm -rf "$T"' EXIT

as_ann() { "$OKR_BIN" --db "dbname=$PG_DB user=$A" "$@"; }
as_ben() { "$OKR_BIN" --db "dbname=$PG_DB user=$B" "$@"; }
# psql as ben: the first line of what the server answers (an error or rows)
psql_ben() { printf '%s\n' "$1" | psql -X -A -t -q -v ON_ERROR_STOP=1 -d "dbname=$PG_DB user=$B" 2>&1 | head -1; }
super() { sqlite3 "$DB" "$1"; }

expect_exit 0 as_ann init
run super "SELECT role FROM person WHERE login = '$A'"
check "$([ "$(cat "$OUT")" = admin ]; echo $?)" "the role that made the database is its admin" "$(cat "$OUT")"
as_ann cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 >/dev/null
as_ann objective add "Grow" >/dev/null
as_ann kr add O1 "Users" --target 100 >/dev/null
as_ann checkin K1 10 >/dev/null
# a role the admin has not added may not use the database at all
expect_err_contains 6 "the server refused this" as_ben list
expect_exit 0 as_ann person add "$B"
run super "SELECT role FROM person WHERE login = '$B'"
check "$([ "$(cat "$OUT")" = member ]; echo $?)" "the admin adds an existing role as a member" "$(cat "$OUT")"

# What okr refuses a member, the server refuses too.
expect_exit 6 as_ben objective edit O1 --title "Mine now"
psql_ben "UPDATE objective SET title = 'Mine now' WHERE id = 1" >/dev/null
run super "SELECT title FROM objective WHERE id = 1"
check "$([ "$(cat "$OUT")" = Grow ]; echo $?)" "psql as a member cannot edit someone else's objective" "$(cat "$OUT")"

got=$(psql_ben "UPDATE checkin SET value = 99")
check "$(echo "$got" | grep -q 'append-only\|permission denied'; echo $?)" "… nor rewrite a check-in" "$got"
got=$(psql_ben "DELETE FROM checkin")
check "$(echo "$got" | grep -q 'append-only\|permission denied'; echo $?)" "… nor delete one" "$got"
got=$(psql_ben "INSERT INTO checkin(uid, kr_id, author_id, value, note, at)
	SELECT 'forged', 1, id, 99, '', 0 FROM person WHERE login = '$A'")
check "$(echo "$got" | grep -q 'row-level security'; echo $?)" "… nor check in as someone else" "$got"
got=$(psql_ben "INSERT INTO checkin(uid, kr_id, author_id, value, note, at)
	SELECT 'mine', 1, id, 99, '', 0 FROM person WHERE login = '$B'")
check "$(echo "$got" | grep -q 'row-level security'; echo $?)" "… nor on someone else's key result" "$got"
expect_exit 6 as_ben person role "$B" admin
got=$(psql_ben "UPDATE person SET role = 'admin' WHERE login = '$B'")
check "$(echo "$got" | grep -q 'row-level security'; echo $?)" "… nor promote themselves" "$got"
got=$(psql_ben "UPDATE okr_schema SET version = 99")
check "$(echo "$got" | grep -q 'permission denied'; echo $?)" "… nor touch the schema number" "$got"
run super "SELECT count(*) || ' ' || max(value) || ' ' || (SELECT role FROM person WHERE login = '$B') FROM checkin"
check "$([ "$(cat "$OUT")" = "1 10 member" ]; echo $?)" "… and nothing of that was written" "$(cat "$OUT")"

# What okr allows a member still works under the policies.
expect_exit 0 as_ben objective add "Ben's own"
expect_exit 0 as_ben kr add O2 "Calls" --target 10
expect_exit 0 as_ben checkin K2 3 -m "first calls"
expect_exit 0 as_ben kudos "$A" "thanks for the help"
# "Mine" is the role's, not the account's that runs okr (the shipped okr took
# the account for itself: its list --mine and status were nobody's).
run as_ben list --mine
check "$(grep -q "Ben's own" "$OUT" && ! grep -q "Grow" "$OUT"; echo $?)" "okr list --mine as a role lists that role's objectives"
run as_ben status
check "$(grep -q '^#[0-9]* · [0-9]* pts' "$OUT" && [ "$rc" = 0 ]; echo $?)" "… and okr status shows that role on the board" \
	"exit $rc"
# … and an admin gives the member more.
expect_exit 0 as_ann person role "$B" lead
expect_exit 0 as_ben objective edit O1 --title "Grow faster"
run super "SELECT title FROM objective WHERE id = 1"
check "$([ "$(cat "$OUT")" = "Grow faster" ]; echo $?)" "a lead may edit it" "$(cat "$OUT")"

# A member keeps the score cache as any reader does: their okr status saves
# the ledger up to the last commit (its save, pruning the journal, was once
# refused and rolled back, so every member folded everything at every look),
# while the journal itself stays out of their hands.
expect_exit 0 as_ben checkin K2 4
expect_exit 0 as_ben status
run super "SELECT (SELECT seq FROM score_ledger WHERE id = 1) = (SELECT seq FROM score_clock WHERE id = 1)"
check "$([ "$(cat "$OUT")" = t ]; echo $?)" "a member's okr status saves the score ledger up to the last commit" \
	"$(super "SELECT seq FROM score_ledger") / $(super "SELECT seq FROM score_clock")"
got=$(psql_ben "DELETE FROM score_journal")
check "$(echo "$got" | grep -q 'permission denied'; echo $?)" "… while psql as a member cannot empty the score journal" "$got"
expect_exit 0 as_ben checkin K2 5   # one entry the saved ledger has not folded
psql_ben "SELECT okr_journal_prune(1000000, 1000000)" >/dev/null
run super "SELECT count(*) FROM score_journal WHERE seq > (SELECT seq FROM score_ledger WHERE id = 1)"
check "$([ "$(cat "$OUT")" = 1 ]; echo $?)" "… and its pruning takes nothing the saved ledger has not folded" "$(cat "$OUT")"

# … and so is the full-screen view's: its status line names the role.
if command -v tmux >/dev/null 2>&1; then
	S=okr_roles_$$
	tmux -L "$S" new-session -d -x 110 -y 30 -s "$S" \
		"env TERM=xterm-256color LANG=C.UTF-8 '$OKR_BIN' --db 'dbname=$PG_DB user=$B'" 2>/dev/null
	i=0
	while ! tmux -L "$S" capture-pane -p -t "$S" 2>/dev/null | grep -q "@$B"; do
		i=$((i + 1)); [ $i -lt 250 ] || break; sleep 0.02
	done
	got=$(tmux -L "$S" capture-pane -p -t "$S" 2>/dev/null | grep "okr ·" | head -1)
	tmux -L "$S" kill-server 2>/dev/null
	check "$(echo "$got" | grep -q "@$B"; echo $?)" "the full-screen view run as the role shows @$B" "$got"
else
	skip "the full-screen view as a role" "no tmux"
fi

# An admin adds a person with a role; on a server that makes their login
# role, as the database's owner (here the admin, who ran okr init).
pg_admin "ALTER ROLE $A NOCREATEROLE"
refused 6 "CREATE ROLE $C LOGIN" as_ann person add "$C" --role lead
pg_admin "ALTER ROLE $A CREATEROLE"
expect_exit 0 as_ann person add "$C" --name "Cat" --role lead
"$OKR_BIN" --db "dbname=$PG_DB user=$C" objective edit O2 --title "Cat was here" >"$OUT" 2>"$ERR"
check $? "the new role logs in as a lead and edits what a lead may"
run super "SELECT role || ' ' || (SELECT title FROM objective WHERE id = 2) FROM person WHERE login = '$C'"
check "$([ "$(cat "$OUT")" = "lead Cat was here" ]; echo $?)" "… with the role they were given" "$(cat "$OUT")"

finish
