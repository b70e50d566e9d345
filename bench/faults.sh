#!/bin/sh
# bench/faults.sh — what a shared host does to a team's database, and
# whether anything okr acknowledged is lost (issue 12).  Three runs on a demo
# database, each with M live full-screen views open in tmux the whole time:
#
#   kill     N `okr checkin` processes killed with SIGKILL mid-write
#            (bench/crash: random moments over 1.5× a check-in's life);
#   wal      W writers checking in while the -wal is deleted under the views
#            halfway through (a cleanup script's `rm team.db-wal`);
#   full     writers on a 4 MB tmpfs until the disk is full, then space
#            freed and one more check-in (root only; skipped otherwise).
#
# For each: acknowledged (exit 0) against present afterwards, and
# PRAGMA integrity_check.  One line per run; exit 1 if anything
# acknowledged is missing or the file is damaged.
#
#   OKR_BIN=$PWD/okr BUILD=build/rel sh bench/faults.sh   (FAULT_KILLS, FAULT_VIEWERS, FAULT_WRITES)
set -u
BUILD=${BUILD:-build/rel}
OKR_BIN=${OKR_BIN:-$(pwd)/okr}
N=${FAULT_KILLS:-100}
M=${FAULT_VIEWERS:-4}
WRITES=${FAULT_WRITES:-200}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/okr-faults.XXXXXX")
SOCK=okr-faults-$$
cleanup() {
	tmux -L "$SOCK" kill-server 2>/dev/null
	# The views exit on the hangup a moment later; then the tmpfs is free.
	k=0
	while [ -d "$WORK/small" ] && ! umount "$WORK/small" 2>/dev/null && [ "$k" -lt 50 ]; do
		sleep 0.1; k=$((k + 1))
	done
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset OKR_NOW OKR_DB OKR_CONFIG
[ -x "$BUILD/bench/crash" ] || { echo "faults: $BUILD/bench/crash is missing — run \`make bench\`" >&2; exit 1; }
bad=0

demo() { rm -f "$1"*; OKR_USER=root "$OKR_BIN" --db "$1" demo >/dev/null; }
# viewers DB: M full-screen views of DB as sarah, in one tmux server.
viewers() {
	tmux -L "$SOCK" kill-server 2>/dev/null   # the last run's views
	SOCK=okr-faults-$$-${1##*/}   # a server of its own per run
	i=0
	while [ "$i" -lt "$M" ]; do
		tmux -L "$SOCK" -f /dev/null new-session -d -x 120 -y 40 -s "v$i" \
			env TERM=tmux-256color OKR_USER=sarah "$OKR_BIN" --db "$1"
		i=$((i + 1))
	done
}
integrity() { sqlite3 "$1" "PRAGMA integrity_check" 2>&1 | head -1; }
present() { sqlite3 "$1" "SELECT count(*) FROM checkin WHERE note LIKE '$2%'"; }

# writer DB TAG COUNT: COUNT check-ins with notes "TAG <n>"; the notes of the
# acknowledged ones are appended to $WORK/TAG.acked.
writer() {
	j=0
	while [ "$j" -lt "$3" ]; do
		OKR_USER=sarah "$OKR_BIN" --db "$1" checkin K2 $((600 + j % 300)) -m "$2 $j" -q \
			>/dev/null 2>>"$WORK/$2.err" && echo "$2 $j" >>"$WORK/$2.acked"
		j=$((j + 1))
	done
}

# 1. Killed writers under live views.
DB=$WORK/kill.db
demo "$DB"
viewers "$DB"
out=$("$BUILD/bench/crash" "$OKR_BIN" "$DB" sarah K2 "$N")
echo "kill: $M views open; $out"
case $out in *acked_missing=0*integrity=ok*) ;; *) bad=1 ;; esac

# 2. The -wal deleted under the views while 4 writers check in.
DB=$WORK/wal.db
demo "$DB"
viewers "$DB"
for w in 1 2 3 4; do writer "$DB" "wal$w" "$((WRITES / 4))" & done
while [ "$(cat "$WORK"/wal*.acked 2>/dev/null | wc -l)" -lt $((WRITES / 4)) ]; do sleep 0.05; done
rm -f "$DB-wal"
wait
sleep 1   # the views' slow timer (200 ms) notices, rescues and reopens
tmux -L "$SOCK" kill-server 2>/dev/null
acked=$(cat "$WORK"/wal*.acked 2>/dev/null | wc -l)
missing=0
for n in $(cat "$WORK"/wal*.acked | tr ' ' '_'); do
	note=$(echo "$n" | tr '_' ' ')
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM checkin WHERE note = '$note'")" = 1 ] || missing=$((missing + 1))
done
refused=$(cat "$WORK"/wal*.err 2>/dev/null | grep -c '^okr:')
sort "$WORK"/wal*.err 2>/dev/null | sed 's/K2 [0-9]*/K2 …/' | uniq -c | head -3 >&2
echo "wal: $M views open, 4 writers × $((WRITES / 4)), -wal deleted after $((WRITES / 4)) acks:" \
	"acked=$acked refused=$refused acked_missing=$missing integrity=$(integrity "$DB")"
[ "$missing" = 0 ] && [ "$(integrity "$DB")" = ok ] || bad=1

# 3. A full disk.
if [ "$(id -u)" = 0 ] && mkdir -p "$WORK/small" && mount -t tmpfs -o size=4m tmpfs "$WORK/small" 2>/dev/null; then
	DB=$WORK/small/full.db
	demo "$DB"
	viewers "$DB"
	# Full to the brim, then 256 kB given back: the check-ins (3 kB notes)
	# fill that and then meet the full disk.
	dd if=/dev/zero of="$WORK/small/filler" bs=64k 2>/dev/null
	truncate -s -256K "$WORK/small/filler"
	note=$(head -c 3000 /dev/zero | tr '\0' x)
	j=0
	while [ "$j" -lt 400 ]; do
		OKR_USER=sarah "$OKR_BIN" --db "$DB" checkin K2 $((600 + j % 300)) -m "full $j $note" -q \
			>/dev/null 2>>"$WORK/full.err" && echo "full $j" >>"$WORK/full.acked"
		j=$((j + 1))
	done
	full_msgs=$(grep -c 'is full' "$WORK/full.err" 2>/dev/null)
	io_msgs=$(grep -ci 'input/output' "$WORK/full.err" 2>/dev/null)
	rm -f "$WORK/small/filler"
	OKR_USER=sarah "$OKR_BIN" --db "$DB" checkin K2 1 -m "full after" -q && echo "full after" >>"$WORK/full.acked"
	tmux -L "$SOCK" kill-server 2>/dev/null
	acked=$(wc -l <"$WORK/full.acked")
	got=$(present "$DB" full)
	echo "full: $M views open, 400 writes of 3 kB into the last 256 kB of a disk: acked=$acked present=$got" \
		"'disk full' messages=$full_msgs 'input/output' messages=$io_msgs integrity=$(integrity "$DB")"
	[ "$got" = "$acked" ] && [ "$(integrity "$DB")" = ok ] || bad=1
else
	echo "full: skipped (needs root to mount a tmpfs)"
fi
exit $bad
