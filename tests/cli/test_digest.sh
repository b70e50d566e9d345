#!/bin/sh
# test_digest.sh — okr digest: what moved in a week, compared with an
# expected file for the demo's week before OKR_NOW (fixed by lib.sh), and
# the other formats, a team, and bad input.
set -u
. "$(dirname "$0")/lib.sh"

demo_db

run okr digest --week 2026-11-16
[ "$rc" = 0 ]; check $? "okr digest --week 2026-11-16 exits 0"
if diff -u "$CLI_DIR/expected/digest-2026-11-16.md" "$OUT" >"$T/diff"; then
	ok "the digest of the demo's last week matches expected/digest-2026-11-16.md"
else
	not_ok "the digest of the demo's last week matches expected/digest-2026-11-16.md" "$(head -40 "$T/diff")"
fi
run okr digest --week 2026-11-22
cmp -s "$CLI_DIR/expected/digest-2026-11-16.md" "$OUT"; check $? "any day of the week gives that week (Sunday 2026-11-22)"

run okr digest --week 2026-11-16 --format text
[ "$rc" = 0 ] && ! grep -q '^#' "$OUT" && grep -q '^Turned at risk (2)$' "$OUT" &&
	grep -q '^  K7 Tỷ lệ sử dụng công suất ≥ 85 % — @jing: on track → off track$' "$OUT"
check $? "--format text: the same sections without Markdown"

run okr digest --week 2026-11-16 --format json
expect_json "okr digest --format json"
if [ -n "$HAVE_PYTHON3" ]; then
	[ "$(json_get 'd["week"], [k["id"] for k in d["key_results"] if k["turned_at_risk"]], [(k["from"], k["to"]) for k in d["kudos"]]')" = \
		"2026-11-16 ['K7', 'K8'] [('sarah', 'tuan')]" ]
	check $? "  … with the week, what turned at risk and the kudos"
fi

run okr digest --week 2026-11-16 --team Sales
[ "$rc" = 0 ] && grep -q '^# okr digest — week of 2026-11-16 to 2026-11-22 · Sales$' "$OUT" &&
	grep -q '^- K9 ' "$OUT" && ! grep -q '@jing' "$OUT"
check $? "--team Sales shows only what the team's members own"

run okr digest --week 2026-10-19
grep -q '^## New badges (4)$' "$OUT" && grep -q '^- @sarah: Four in a row — checked in 4 weeks in a row$' "$OUT"
check $? "a week in which badges were earned lists them (four in a row, 2026-10-23)"

expect_err_contains 2 "not a digest format" okr digest --format pdf
expect_err_contains 2 "--week" okr digest --week 2026-13-40
expect_err_contains 3 "no team 'Nope'" okr digest --team Nope
finish
