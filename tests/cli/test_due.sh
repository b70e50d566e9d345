#!/bin/sh
# test_due.sh — okr due: a person's quiet key results, overdue KPI values and
# grades to give, as text and --json; always exit 0.
set -u
OKR_BIN=${OKR_BIN:-./build/rel/okr-test}
case $OKR_BIN in /*) ;; *) OKR_BIN=$(pwd)/$OKR_BIN ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/okr-due.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" XDG_CACHE_HOME="$T/cache"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 OKR_NOW=1795435200 OKR_USER=root
unset OKR_DB OKR_CONFIG 2>/dev/null || true
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check() { d=$1; shift; if "$@"; then ok "$d"; else nok "$d"; fi; }
as() { u=$1; shift; OKR_USER=$u "$OKR_BIN" --db "$T/demo.db" "$@"; }
code() { "$@" >"$T/out" 2>"$T/err"; echo $?; }
has() { grep -q -- "$1" "$T/out"; }

"$OKR_BIN" --db "$T/demo.db" demo >/dev/null || { echo "Bail out! okr demo failed"; exit 1; }

check "okr due exits 0 when something is due" test "$(code as tuan due)" = 0
check "it lists the silent key result with ID, title and how late" \
	has 'K10    Win 40 qualified leads a month                last 2026-10-23, overdue by 24 days'
check "it lists the overdue KPI (daily, last value two days ago)" \
	has 'KPI2   Thời gian phản hồi khách hàng tiềm năng       last 2026-11-20, overdue by 2 days'
check "a key result checked in this week is not listed" sh -c "! grep -q K8 '$T/out'"
check "the header counts the items" has 'Due for @tuan: 2'
check "okr due exits 0 when nothing is due" test "$(code as jing due)" = 0
check "… and says so" has 'Nothing due for @jing'
check "--json gives the count" sh -c "OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due --json | grep -q '\"count\": 2'"
check "--json names kind, id and overdue seconds" \
	sh -c "OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due --json | grep -A4 '\"kind\": \"checkin\"' | grep -q '\"id\": \"K10\"'"
as tuan checkin K10 14 -m 'back on it' >/dev/null
check "after a check-in the key result is no longer due" sh -c "OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep -q 'Due for @tuan: 1'"
as lan kr add O4 'Call every churned customer' --target 20 --owner tuan >/dev/null
check "a key result added today is not due yet (it is new)" \
	sh -c "! OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep -q 'K11'"
check "… and is due a period after it was added, counted from then" \
	sh -c "OKR_NOW=$((OKR_NOW + 9 * 86400)) OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep 'K11' |
		grep -q 'never checked in, overdue by 2 days'"
as tuan kpi push 'Thời gian phản hồi khách hàng tiềm năng' 1.4 >/dev/null
check "after a KPI value the KPI is no longer due" sh -c "! OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep -q KPI2"
late=1798848000   # 2027-01-02: the cycle has ended, not closed
check "after the end, grades are due" \
	sh -c "OKR_NOW=$late OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep -A4 'Grades to give' | grep -q 'K10 .*cycle ended 2026-12-24'"
check "… and check-ins of the ended cycle are not" \
	sh -c "! OKR_NOW=$late OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep -q '^Check-ins'"
as tuan grade K10 0.4 >/dev/null
check "a graded key result is not due" sh -c "! OKR_NOW=$late OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep -q 'K10 '"
check "someone who has never used okr owes nothing" test "$(code as stranger due)" = 0
check "an unknown option: exit 2" test "$(code as tuan due --bogus)" = 2

echo "1..$n"
[ "$failed" -eq 0 ]
