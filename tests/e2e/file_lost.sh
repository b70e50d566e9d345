#!/bin/sh
# The database file changing under an open screen: its -wal deleted by a
# cleanup script, the file deleted, a backup restored in its place.  The
# screen stops saying "live" and says what happened, a check-in made
# meanwhile is reported as not saved (never confirmed into a file that is
# gone), and the screen reopens the file at the path when one is there.
# Every check-in that was confirmed is in the file afterwards.
. "$(dirname "$0")/lib.sh"
e2e_sqlite_only "the database file deleted or replaced under a screen"
e2e_start 120 30

db_has() { "$OKR_BIN" --db "$E2E_DB" show K2 --json 2>/dev/null | grep -q "\"current\": $1"; }

check "the view starts live" wait_for '● live'
keys Tab j c C-u 701 Enter
check "a check-in from the screen is confirmed" wait_for 'checked in K2: 701'

# 1. The -wal deleted under the open screen.
rm -f "$E2E_DB-wal"
check "the header stops saying live and names the lost -wal, or reopens" \
	wait_for "(-wal file was deleted|reopened the file)" 3
check "the screen reopens the file and is live again" wait_for 'reopened the file now at that path; live again' 3
check "the confirmed check-in survived the deleted -wal" db_has 701
keys c C-u 702 Enter
check "a check-in after the reopen is confirmed" wait_for 'checked in K2: 702'
check "and is in the file" db_has 702

# 2. A backup restored in place of the file (a new inode at the path).
cp "$E2E_DB" "$E2E_DIR/backup.db"
okr_as sarah checkin K2 650 >/dev/null
check "another process's check-in shows" wait_for '650 / 1000' 3
mv "$E2E_DIR/backup.db" "$E2E_DB"
rm -f "$E2E_DB-wal" "$E2E_DB-shm"
check "the restored file is noticed and reopened" wait_for 'database file was replaced — reopened' 3
check "the screen shows the restored file's value" wait_for '702 / 1000' 3
keys c C-u 703 Enter
check "a check-in into the restored file is confirmed" wait_for 'checked in K2: 703'
check "and is in the restored file" db_has 703

# 3. The file deleted: nothing may be confirmed until a file is back.
mv "$E2E_DB" "$E2E_DIR/away.db"
[ -e "$E2E_DB-wal" ] && mv "$E2E_DB-wal" "$E2E_DIR/away.db-wal"
check "the header says the file was deleted, not live" wait_for '✖ the database file was deleted' 3
check "and no longer claims live" wait_gone '● live' 1
keys c C-u 704 Enter
check "a check-in into the deleted file is reported as not saved" wait_for 'was deleted while okr had it open' 3
check "and never confirmed" wait_gone 'checked in K2: 704' 1
keys Escape
mv "$E2E_DIR/away.db" "$E2E_DB"
[ -e "$E2E_DIR/away.db-wal" ] && mv "$E2E_DIR/away.db-wal" "$E2E_DB-wal"
check "the file back at its path is reopened" wait_for 'reopened the file now at that path' 3
check "live again" wait_for '● live' 3
check "nothing confirmed is missing: 703 is the latest" db_has 703
check "the screen still works" pane_alive

# 4. okr board, a viewer too: it says the file is gone, then shows it again.
e2e_run 60 14 board
check "okr board starts" wait_for 'Leaderboard' 5
mv "$E2E_DB" "$E2E_DIR/away.db"
[ -e "$E2E_DB-wal" ] && mv "$E2E_DB-wal" "$E2E_DIR/away.db-wal"
check "okr board says the file was deleted" wait_for 'database file was deleted' 3
mv "$E2E_DIR/away.db" "$E2E_DB"
[ -e "$E2E_DIR/away.db-wal" ] && mv "$E2E_DIR/away.db-wal" "$E2E_DB-wal"
check "and drops the message once the file is back" wait_gone 'database file was deleted' 3
check "okr board still runs" pane_alive
e2e_done
