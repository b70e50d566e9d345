#!/bin/sh
# test_shared_files.sh — the shared directory as a team really uses it, with
# two real accounts of one group: `init --shared` as a member, not root,
# in a directory root prepared (the README's set-up), and in one it makes
# itself; never loosening an existing directory such as a home; a doorbell a
# member replaced with a FIFO cannot hang a writer, and one a writer
# recreates is group-writable whatever its umask; -wal/-shm that are links,
# FIFOs or read-only leftovers are reported by their own names with the fix,
# exit 5, and nothing acknowledged is lost.
. "$(dirname "$0")/lib.sh"
sqlite_only "okr init --shared and the modes of the database's files"
. "$(dirname "$0")/lib_users.sh"

if [ -z "$HAVE_USERS" ]; then
	skip "shared directory with two accounts" "needs root with useradd and runuser"
	finish
	exit
fi
unset OKR_USER
SRV="$T/srv"
install -d -m 2770 -g okrteam "$SRV"
SDB="$SRV/team.db"
sokr() {
	who=$1; shift
	case $1 in 0[0-7][0-7]) m=$1; shift ;; *) m=022 ;; esac
	as_account "$who" "$m" "$OKR_BIN" --db "$SDB" "$@"
}

# The README's set-up: root made the directory; a member runs init --shared.
sokr okrtest1 077 init --shared
check "$([ "$rc" = 0 ] && [ "$(mode_of "$SDB")" = 660 ] && [ "$(stat -c %G "$SDB")" = okrteam ]; echo $?)" \
	"a member (umask 077) runs init --shared in the prepared directory: database 0660, group okrteam" \
	"exit $rc, mode $(mode_of "$SDB"), group $(stat -c %G "$SDB")"
check "$([ "$(mode_of "$SRV")" = 2770 ]; echo $?)" "the prepared directory is left as it was"
sokr okrtest1 cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31
sokr okrtest1 objective add "Shared goal"
sokr okrtest1 kr add O1 "Shared KR" --target 100
sokr okrtest1 person add okrtest2
sokr okrtest1 person role okrtest2 lead
sokr okrtest2 077 checkin K1 5
check "$([ "$rc" = 0 ]; echo $?)" "the teammate (umask 077) checks in" "exit $rc"
sokr okrtest1 077 checkin K1 6
check "$([ "$rc" = 0 ]; echo $?)" "and the first member still can after the teammate's write" "exit $rc"
bad=
for f in "$SDB-wal" "$SDB-shm" "$SDB-bell"; do
	[ -e "$f" ] && [ "$(($(stat -c '0%a' "$f") & 020))" = 0 ] && bad="$bad ${f##*/}:$(mode_of "$f")"
done
check "$([ -z "$bad" ]; echo $?)" "-wal, -shm and the doorbell stay group-writable" "$bad"

# A doorbell recreated by a writer with umask 077 is still ringable by the group.
rm -f "$SDB-bell"
sokr okrtest2 077 checkin K1 7
check "$([ "$rc" = 0 ] && [ "$(mode_of "$SDB-bell")" = 660 ]; echo $?)" \
	"a doorbell recreated by a writer with umask 077 is mode 0660" "mode $(mode_of "$SDB-bell" 2>&1)"

# A member replaces the doorbell with a FIFO: writers must not hang.
rm -f "$SDB-bell"
runuser -u okrtest2 -- mkfifo -m 666 "$SDB-bell"
( sokr okrtest1 checkin K1 8; echo "$rc" >"$T/fifo.rc" ) &
pid=$!
i=0
while [ ! -s "$T/fifo.rc" ] && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
if [ -s "$T/fifo.rc" ]; then
	check "$([ "$(cat "$T/fifo.rc")" = 0 ]; echo $?)" "a writer does not block on a FIFO doorbell (and saves)"
else
	kill "$pid" 2>/dev/null
	not_ok "a writer does not block on a FIFO doorbell (and saves)" "still waiting after 10 s"
fi
sokr okrtest1 list
check "$([ "$rc" = 0 ] && grep -qF 'team.db-bell is not a regular file' "$ERR"; echo $?)" \
	"a FIFO doorbell is reported, with the fix" "exit $rc"
rm -f "$SDB-bell"

# -wal or -shm replaced by a link: named, with the fix, and nothing written.
sokr okrtest1 list
sokr okrtest1 show K1 --json
n_before=$(grep -c '"value"' "$OUT")
for side in wal shm; do
	[ -e "$SDB-$side" ] && mv "$SDB-$side" "$T/kept-$side"
	ln -s /tmp/elsewhere "$SDB-$side"
	sokr okrtest2 checkin K1 9
	check "$([ "$rc" = 5 ] && grep -qF "team.db-$side is a symbolic link" "$ERR" && grep -qF "rm $SDB-$side" "$ERR"; echo $?)" \
		"a symbolic link in place of -$side is named, with the fix (exit 5)" "exit $rc"
	rm -f "$SDB-$side"
	[ -e "$T/kept-$side" ] && mv "$T/kept-$side" "$SDB-$side"
done
mkfifo "$SDB-shm.tmp" && mv "$SDB-shm" "$T/kept-shm" 2>/dev/null; mv "$SDB-shm.tmp" "$SDB-shm"
sokr okrtest2 checkin K1 9
check "$([ "$rc" = 5 ] && grep -qF "team.db-shm is not a regular file" "$ERR"; echo $?)" \
	"a FIFO in place of -shm is named (exit 5)" "exit $rc"
rm -f "$SDB-shm"
sokr okrtest1 show K1 --json
n_after=$(grep -c '"value"' "$OUT")
check "$([ "$n_before" = "$n_after" ] && grep -q '"value": 8' "$OUT"; echo $?)" \
	"every acknowledged check-in is still there after the links are removed" "before $n_before, after $n_after"

# A read-only -shm left by a reader of a read-only database.
PDB="$T/priv/own.db"
install -d -m 755 -o okrtest1 "$T/priv"
as_account okrtest1 "$OKR_BIN" --db "$PDB" init
as_account okrtest1 sh -c "chmod 444 '$PDB' && '$OKR_BIN' --db '$PDB' list >/dev/null 2>&1; chmod 644 '$PDB'"
for f in "$PDB-wal" "$PDB-shm"; do
	[ -e "$f" ] || as_account okrtest1 sh -c "touch '$f' && chmod 444 '$f'"
done
as_account okrtest1 "$OKR_BIN" --db "$PDB" cycle add 2027-Q1 --start 2027-01-01 --end 2027-03-31
check "$([ "$rc" = 5 ] && grep -qF "own.db-wal and $PDB-shm are read-only for you" "$ERR" &&
	grep -qF "chmod 660 $PDB-wal $PDB-shm" "$ERR" && ! grep -qF "init --shared" "$ERR"; echo $?)" \
	"read-only -wal/-shm leftovers are named, with their chmod (not init --shared)" "exit $rc"
as_account okrtest1 chmod 660 "$PDB-wal" "$PDB-shm"
as_account okrtest1 "$OKR_BIN" --db "$PDB" cycle add 2027-Q1 --start 2027-01-01 --end 2027-03-31
check "$([ "$rc" = 0 ]; echo $?)" "after the chmod it says, the write succeeds" "exit $rc"

# init --shared never loosens a directory it did not make (a home directory).
HOMEDIR="$T/home1"
install -d -m 755 -o okrtest1 "$HOMEDIR"
as_account okrtest1 "$OKR_BIN" --db "$HOMEDIR/mine.db" init --shared
check "$([ "$rc" = 5 ] && [ "$(mode_of "$HOMEDIR")" = 755 ] && [ ! -e "$HOMEDIR/mine.db" ] &&
	grep -qF "does not loosen a directory it did not make" "$ERR"; echo $?)" \
	"init --shared in an existing 0755 directory refuses, leaves it 0755 and creates nothing" \
	"exit $rc, mode $(mode_of "$HOMEDIR")"
# … and makes a directory of its own setgid and group-writable.
as_account okrtest1 077 "$OKR_BIN" --db "$HOMEDIR/okr/team.db" init --shared
check "$([ "$rc" = 0 ] && [ "$(mode_of "$HOMEDIR/okr")" = 2770 ] && [ "$(mode_of "$HOMEDIR/okr/team.db")" = 660 ] &&
	[ "$(mode_of "$HOMEDIR")" = 755 ]; echo $?)" \
	"init --shared makes a new directory 2770 (umask 077) and leaves its parent alone" \
	"exit $rc, $(mode_of "$HOMEDIR/okr" 2>&1)"
finish
