#!/bin/sh
# test_database.sh — every kind of bad database file (SPEC §8, §9): missing,
# unreadable, read-only, corrupt, not okr's, newer than this okr.  Each is
# refused with exit 5 and a message that says what to do, and the file is
# left exactly as it was.
. "$(dirname "$0")/lib.sh"
sqlite_only "damaged, unreadable and foreign database files"

# cksum of a file, or "none".
sum() { if [ -e "$1" ]; then cksum <"$1"; else echo none; fi; }

# untouched CODE TEXT FILE cmd...: refused with CODE and TEXT; FILE unchanged.
untouched() {
	code=$1 text=$2 file=$3; shift 3
	before=$(sum "$file")
	expect_err_contains "$code" "$text" "$@"
	if [ "$(sum "$file")" = "$before" ]; then ok "  … and $(basename "$file") is unchanged"
	else not_ok "  … and $(basename "$file") is unchanged"; fi
}

# As an ordinary user, even when the tests run as root (root reads and writes
# any file, so permission refusals can only be seen by someone else).
NOBODY=
if [ -n "$IS_ROOT" ] && command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
	NOBODY="setpriv --reuid=$(id -u nobody) --regid=$(id -g nobody) --clear-groups"
	chmod 755 "$T"
fi
as_user() { $NOBODY "$@"; }

M="$T/missing.db"
untouched 5 "no okr database at $M — create one with \`okr init\`" "$M" "$OKR_BIN" --db "$M" list
untouched 5 "okr init" "$M" "$OKR_BIN" --db "$M" checkin K1 5
untouched 5 "okr init" "$M" "$OKR_BIN" --db "$M" show O1
[ ! -e "$M" ]; check $? "a missing database is not created by list, checkin or show"
expect_err_contains 5 "the directory does not exist" "$OKR_BIN" --db "$T/no/such/dir/okr.db" init
mkdir "$T/adir"
expect_err_contains 5 "is a directory" "$OKR_BIN" --db "$T/adir" list

# ---- permissions ----
fresh_db
okr checkin K1 10 >/dev/null
sqlite3 "$DB" 'PRAGMA journal_mode=DELETE' >/dev/null 2>&1 || :   # no -wal/-shm left to confuse modes
if [ -n "$IS_ROOT" ] && [ -z "$NOBODY" ]; then
	skip "unreadable database" "running as root without setpriv"
	skip "read-only database" "running as root without setpriv"
else
	chmod 000 "$DB"
	untouched 5 "cannot read $DB: permission denied" "$DB" as_user "$OKR_BIN" --db "$DB" list
	untouched 5 "permission denied" "$DB" as_user "$OKR_BIN" --db "$DB" checkin K1 20
	chmod 644 "$DB"
	untouched 5 "read-only for you" "$DB" as_user "$OKR_BIN" --db "$DB" checkin K1 20
	chmod 444 "$DB"
	untouched 5 "read-only for you" "$DB" as_user "$OKR_BIN" --db "$DB" checkin K1 20
	untouched 5 "ask your admin" "$DB" as_user "$OKR_BIN" --db "$DB" objective add "Nope"
	as_user "$OKR_BIN" --db "$DB" list >"$OUT" 2>"$ERR"
	rc=$?
	[ "$rc" = 0 ] && grep -q "Grow the user base" "$OUT"; check $? "a read-only database can still be listed" "exit $rc"
	chmod 644 "$DB"
fi

# ---- not a database, or not ours ----
R="$T/random.db"
awk 'BEGIN { srand(42); for (i = 0; i < 8192; i++) printf "%c", int(rand() * 255) + 1 }' >"$R"
untouched 5 "is damaged or not an okr database" "$R" "$OKR_BIN" --db "$R" list
untouched 5 "restore it from a backup" "$R" "$OKR_BIN" --db "$R" checkin K1 5
untouched 5 "not an okr database" "$R" "$OKR_BIN" --db "$R" init
printf 'just some notes\n' >"$T/notes.txt"
untouched 5 "not an okr database" "$T/notes.txt" "$OKR_BIN" --db "$T/notes.txt" list
if [ -n "$HAVE_SQLITE3" ]; then
	O="$T/other.db"
	sqlite3 "$O" 'CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES(1, 9.5);'
	untouched 5 "is an SQLite database, but not an okr one" "$O" "$OKR_BIN" --db "$O" list
	untouched 5 "but not an okr one" "$O" "$OKR_BIN" --db "$O" checkin K1 5
	untouched 5 "but not an okr one" "$O" "$OKR_BIN" --db "$O" init

	# A schema newer than this okr: refused, and left byte for byte.
	fresh_db
	sqlite3 "$DB" 'PRAGMA user_version=99' >/dev/null
	untouched 5 "was made by a newer okr (schema 99" "$DB" okr list
	untouched 5 "upgrade okr; the file was left untouched" "$DB" okr checkin K1 5
	untouched 5 "newer okr" "$DB" okr init
	[ "$(sqlite3 "$DB" 'PRAGMA user_version')" = 99 ]; check $? "user_version is still 99"
	N="$T/newer-rollback.db"
	cp "$DB" "$N"
	sqlite3 "$N" 'PRAGMA journal_mode=DELETE' >/dev/null
	untouched 5 "newer okr" "$N" "$OKR_BIN" --db "$N" checkin K1 5
	[ "$(sqlite3 "$N" 'PRAGMA journal_mode')" = delete ]; check $? "a newer file is not even switched to WAL"
else
	skip "not-okr and newer-schema databases" "no sqlite3 shell"
fi

# ---- demo and init on existing files ----
fresh_db
untouched 2 "already exists — okr demo makes a new database and never touches an existing one" "$DB" okr demo
expect_exit 0 okr init

finish
