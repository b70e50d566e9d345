#!/bin/sh
# test_latest.sh — a key result's current value is its latest check-in, also
# now that schema 4 keeps the latest row in checkin_latest by a trigger:
# backdated rows do not win, writers that bypass okr (the sqlite3 shell)
# count, ties in time go to the later row, and a schema-3 file is filled in
# when it is upgraded.
. "$(dirname "$0")/lib.sh"


run okr demo
[ "$rc" = 0 ]
check $? "okr demo makes a database"
expect_out_contains "value      610 / 1000" okr show K2

if [ -z "$HAVE_SQLITE3" ]; then
	skip "writes from the sqlite3 shell" "no sqlite3 shell"
	finish
fi
lan_id=$(sqlite3 "$DB" "SELECT id FROM person WHERE login = 'lan'")
sql_checkin() {   # UID VALUE AT
	sqlite3 "$DB" "INSERT INTO checkin(uid, kr_id, author_id, value, confidence, note, at)
		VALUES('$1', 2, $lan_id, $2, 5, '', $3)"
}
sql_checkin old-1 111 $((OKR_NOW - 86400 * 30))
expect_out_contains "value      610 / 1000" okr show K2
sql_checkin new-1 812 $((OKR_NOW + 60))
expect_out_contains "value      812 / 1000" okr show K2

# Same second: the row written later is the latest.
sql_checkin tie-1 820 $((OKR_NOW + 120))
sql_checkin tie-2 830 $((OKR_NOW + 120))
expect_out_contains "value      830 / 1000" okr show K2

# A file from before schema 4: upgraded by the first command that writes,
# with the latest values filled in from the check-ins already there.
newest=$(sqlite3 "$DB" 'PRAGMA user_version')
# Schema 12's triggers count changes in score_clock, which a schema-3 file lacks.
world=""
for t in person team_member key_result objective cycle grade; do
	for e in i u d; do world="$world DROP TRIGGER IF EXISTS score_world_${t}_$e;"; done
done
sqlite3 "$DB" "$world"
sqlite3 "$DB" "DROP INDEX kudos_kr; DROP INDEX kudos_to; DROP TABLE board_look; DROP TRIGGER checkin_latest_i; DROP TABLE checkin_latest;
	ALTER TABLE key_result DROP COLUMN terms_by; ALTER TABLE key_result DROP COLUMN terms_start;
	ALTER TABLE key_result DROP COLUMN terms_target; ALTER TABLE key_result DROP COLUMN terms_weight;
	ALTER TABLE key_result DROP COLUMN terms_direction; DROP TABLE IF EXISTS team_setting; DROP TABLE IF EXISTS score_ledger; DROP TABLE IF EXISTS score_journal;
	DROP TABLE IF EXISTS score_clock; DROP TRIGGER IF EXISTS score_journal_checkin;
	DROP TRIGGER IF EXISTS score_journal_kudos; DROP TRIGGER IF EXISTS score_journal_comment;
	DROP INDEX IF EXISTS checkin_fold; DROP TRIGGER IF EXISTS score_samples; DROP TABLE IF EXISTS team_progress;
	PRAGMA user_version = 3"
run okr cycle list
check $? "okr cycle list upgrades a schema-3 file" "exit $rc"
[ "$(sqlite3 "$DB" 'PRAGMA user_version')" = "$newest" ]; check $? "the file is at the newest schema ($newest)"
expect_out_contains "value      830 / 1000" okr show K2
expect_out_contains "830 / 1000" okr list
OKR_USER=sarah OKR_NOW=$((OKR_NOW + 300)) run okr checkin K2 845 -q
expect_out_contains "value      845 / 1000" okr show K2
finish
