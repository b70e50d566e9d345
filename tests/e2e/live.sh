#!/bin/sh
# Live view: another okr process's check-in (doorbell) and a plain sqlite3
# insert (no doorbell: the safety timer) appear without a key press.
. "$(dirname "$0")/lib.sh"
e2e_start 100 30

check "K2 shows 610 at start" wait_for '610 / 1000'
okr_as sarah checkin K2 700 >/dev/null
check "another process's check-in appears without a key press" wait_for '700 / 1000' 2
check "the header says when the data changed" wait_for 'changed [0-9]{2}:[0-9]{2}'
keys j
check "the selection stays usable" wait_for 'Key results of O2'
keys k
command -v sqlite3 >/dev/null || { echo "ok 5 # SKIP no sqlite3"; e2e_done; }
sqlite3 "$E2E_DB" "INSERT INTO checkin(uid, kr_id, author_id, value, confidence, note, at)
  VALUES('e2e-sql-1', 2, (SELECT id FROM person WHERE login = 'sarah'), 812, 6, 'from sqlite3', $((E2E_NOW + 60)));"
check "a sqlite3 shell write appears within the safety timer" wait_for '812 / 1000' 2
e2e_done
