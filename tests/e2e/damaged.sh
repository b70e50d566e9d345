#!/bin/sh
# A damaged check-in table (a page overwritten, as a failing disk or a stray
# `dd` would): the full-screen view warns as soon as its first frame is up —
# in the message line with the fix, and in the header instead of "live" —
# as the command line does; and a table damaged while the view is open is
# named in the header once a write meets it, nothing confirmed.
. "$(dirname "$0")/lib.sh"
e2e_sqlite_only "a damaged database file"
command -v sqlite3 >/dev/null || { echo "ok 1 # SKIP no sqlite3"; echo "1..1"; exit 0; }

# damage DB: overwrite the first bytes of the check-in table's root page.
damage() {
	root=$(sqlite3 "$1" "SELECT rootpage FROM sqlite_master WHERE name = 'checkin'")
	size=$(sqlite3 "$1" "PRAGMA page_size")
	sqlite3 "$1" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	head -c 2000 /dev/urandom | dd of="$1" bs=1 seek=$(( (root - 1) * size )) conv=notrunc 2>/dev/null
}

okr_as root demo >/dev/null || { echo "Bail out! okr demo failed"; exit 1; }
damage "$E2E_DB"
e2e_run 170 30
check "the view opens on a damaged file" wait_for 'Objectives' 5
check "and says it is damaged, with the fix" wait_for 'is damaged' 5
check "the message offers the recovery command" wait_for 'recover' 3
check "the header says damaged, not live" wait_for '✖ the database is damaged' 3
check "and never claims live" wait_gone '● live' 1

# A fresh file, opened healthy, damaged under the open view.  The first
# view goes first: it would open the new file while the demo is being made.
tmux_cmd kill-session -t e2e 2>/dev/null
rm -f "$E2E_DB" "$E2E_DB-wal" "$E2E_DB-shm" "$E2E_DB-bell"
okr_as root demo >/dev/null || { echo "Bail out! okr demo failed"; exit 1; }
e2e_run 170 50
check "a healthy file opens live" wait_for '● live' 5
damage "$E2E_DB"
# The view reads the file again once someone else commits (its cache of
# the pages is stale then): a comment, which does not touch check-ins.  The
# pane is tall enough for the comments under O1's rollup.
okr_as root comment O1 "after the damage" >/dev/null
check "the view sees the other process's commit" wait_for 'Comments \(1\)' 5
keys Tab j c C-u 777 Enter
check "a check-in into the damaged table is refused with the cause" wait_for 'is damaged or not an okr database' 5
check "never confirmed" wait_gone 'checked in K2: 777' 1
check "the header now says damaged" wait_for '✖ the database is damaged' 3
check "the view keeps running" pane_alive
e2e_done
