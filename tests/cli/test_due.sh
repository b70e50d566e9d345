#!/bin/sh
# test_due.sh — okr due: a person's quiet key results, overdue KPI values and
# grades to give, as text and --json; always exit 0.
set -u
. "$(dirname "$0")/lib.sh"
export OKR_USER=root
# Files of their own, whatever the engine: several databases, compared byte for byte.
DB=$T/demo.db

demo_db

check_that "okr due exits 0 when something is due" test "$(code as tuan due)" = 0
check_that "it lists the silent key result with ID, title and how late" \
	has 'K10    Win 40 qualified leads a month                last 2026-10-23, overdue by 24 days'
check_that "it lists the overdue KPI (daily, last value two days ago)" \
	has 'KPI2   Thời gian phản hồi khách hàng tiềm năng       last 2026-11-20, overdue by 2 days'
check_that "a key result checked in this week is not listed" sh -c "! grep -q K8 '$OUT'"
check_that "the header counts the items" has 'Due for @tuan: 2'
check_that "okr due exits 0 when nothing is due" test "$(code as jing due)" = 0
check_that "… and says so" has 'Nothing due for @jing'
check_that "--json gives the count" sh -c "OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due --json | grep -q '\"count\": 2'"
check_that "--json names kind, id and overdue seconds" \
	sh -c "OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due --json | grep -A4 '\"kind\": \"checkin\"' | grep -q '\"id\": \"K10\"'"
as tuan checkin K10 14 -m 'back on it' >/dev/null
check_that "after a check-in the key result is no longer due" sh -c "OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep -q 'Due for @tuan: 1'"
as lan kr add O4 'Call every churned customer' --target 20 --owner tuan >/dev/null
check_that "a key result added today is not due yet (it is new)" \
	sh -c "! OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep -q 'K11'"
check_that "… and is due a period after it was added, counted from then" \
	sh -c "OKR_NOW=$((OKR_NOW + 9 * 86400)) OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep 'K11' |
		grep -q 'never checked in, overdue by 2 days'"
as tuan kpi push 'Thời gian phản hồi khách hàng tiềm năng' 1.4 >/dev/null
check_that "after a KPI value the KPI is no longer due" sh -c "! OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep -q KPI2"
late=1798848000   # 2027-01-02: the cycle has ended, not closed
check_that "after the end, grades are due" \
	sh -c "OKR_NOW=$late OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep -A4 'Grades to give' | grep -q 'K10 .*cycle ended 2026-12-24'"
check_that "… and check-ins of the ended cycle are not" \
	sh -c "! OKR_NOW=$late OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep -q '^Check-ins'"
as tuan grade K10 0.4 >/dev/null
check_that "a graded key result is not due" sh -c "! OKR_NOW=$late OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep -q 'K10 '"
check_that "someone who has never used okr owes nothing" test "$(code as stranger due)" = 0
check_that "an unknown option: exit 2" test "$(code as tuan due --bogus)" = 2

finish
