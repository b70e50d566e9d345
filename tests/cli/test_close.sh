#!/bin/sh
# test_close.sh — okr grade and okr cycle close: strict grades, defaults from
# progress, overrides with notes, one transaction, lead/admin only, late
# check-ins until close, a closed cycle is read-only.
set -u
OKR_BIN=${OKR_BIN:-./build/rel/okr-test}
case $OKR_BIN in /*) ;; *) OKR_BIN=$(pwd)/$OKR_BIN ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/okr-close.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" XDG_CACHE_HOME="$T/cache"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 OKR_NOW=1795435200 OKR_USER=root
unset OKR_DB OKR_CONFIG 2>/dev/null || true
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check() { d=$1; shift; if "$@"; then ok "$d"; else nok "$d"; fi; }
okr() { "$OKR_BIN" --db "$T/demo.db" "$@"; }
as() { u=$1; shift; OKR_USER=$u "$OKR_BIN" --db "$T/demo.db" "$@"; }
code() { "$@" >"$T/out" 2>"$T/err"; echo $?; }
has() { grep -q -- "$1" "$T/out"; }
err_has() { grep -q -- "$1" "$T/err"; }
grades() { okr export --format json | grep -c '"score"'; }

okr demo >/dev/null || { echo "Bail out! okr demo failed"; exit 1; }

check "a member may not close a cycle (exit 6)" test "$(code as tuan cycle close 2026-Q4)" = 6
check "… and nothing was graded" test "$(grades)" = 0
for bad in 1.5 0.755 abc -0.1 NaN ""; do
	check "grade '$bad' is refused (exit 2)" test "$(code as lan grade K5 "$bad")" = 2
done
check "a bad --grade at close is refused (exit 2)" test "$(code as lan cycle close 2026-Q4 --grade K2=1.2)" = 2
check "--grade for a key result outside the cycle: exit 3" \
	test "$(code as lan cycle close 2026-Q4 --grade K8=0.3 --grade K99=0.5)" = 3
check "… names it" err_has "K99"
check "… and writes nothing (one transaction)" test "$(grades)" = 0
check "the cycle is still active" sh -c "'$OKR_BIN' --db '$T/demo.db' cycle list | grep 2026-Q4 | grep -q active"

# After the end date, before close: late check-ins are allowed and grades are due.
late=1798848000   # 2027-01-02, after the cycle's end on 2026-12-24
check "a late check-in after the end date is allowed until close" \
	test "$(OKR_NOW=$late code as tuan checkin K10 15 -m late)" = 0
check "okr due lists the grades owed after the end" \
	sh -c "OKR_NOW=$late OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep -q 'Grades to give'"
check "the owner grades a key result with a note" test "$(code as jing grade K5 0.7 -m 'close enough')" = 0

check "a lead closes the cycle with an override" \
	test "$(OKR_NOW=$late code as lan cycle close 2026-Q4 --grade 'K8=0.3:vendor slipped')" = 0
check "the summary names the cycle" has "Closed 2026-Q4"
check "the override is marked given" sh -c "grep K8 '$T/out' | grep -q '0.30  given'"
check "the earlier grade is kept" sh -c "grep K5 '$T/out' | grep -q '0.70  earlier'"
check "defaults come from progress (K2 at 61 %)" sh -c "grep K2 '$T/out' | grep -q '0.61  default'"
check "the late check-in counted (K10 15/40 = 0.38)" sh -c "grep K10 '$T/out' | grep -q '0.38  default'"
check "an aspirational objective at 0.80 meets the 0.7 bar" sh -c "grep '^O1' '$T/out' | grep -q '0.80.*met'"
check "a committed objective below 1.0 does not" sh -c "grep '^O2' '$T/out' | grep -q 'below'"
check "O4 is the weighted mean of its grades (0.30, 0.29, 0.38 → 0.32)" sh -c "grep '^O4' '$T/out' | grep -q '0.32'"
check "every key result has a grade" test "$(grades)" = 10
check "the note of an override is stored" sh -c "'$OKR_BIN' --db '$T/demo.db' export --format json | grep -q 'vendor slipped'"
check "the cycle is closed" sh -c "'$OKR_BIN' --db '$T/demo.db' cycle list | grep 2026-Q4 | grep -q closed"
check "no check-in in a closed cycle (exit 8)" test "$(code as tuan checkin K10 16)" = 8
check "no grade change in a closed cycle (exit 8)" test "$(code as lan grade K1 0.5)" = 8
check "no key result edit in a closed cycle (exit 8)" test "$(code as lan kr edit K1 --title x)" = 8
check "no objective edit in a closed cycle (exit 8)" test "$(code as lan objective edit O1 --title x)" = 8
check "closing twice is refused (exit 2)" test "$(code as lan cycle close 2026-Q4)" = 2
check "nothing is due once the cycle is closed" \
	sh -c "! OKR_NOW=$late OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep -q 'Grades to give'"
check "the report shows the grades against the bar" \
	sh -c "'$OKR_BIN' --db '$T/demo.db' export --format md | grep -q 'O1 .* 0.80 against 0.7 (aspirational): success ✓'"

echo "1..$n"
[ "$failed" -eq 0 ]
