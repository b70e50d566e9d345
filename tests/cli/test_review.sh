#!/bin/sh
# test_review.sh — okr review outside a terminal: names are checked first
# (exit 3 for an unknown team or cycle, 2 for a bad option), then the
# screen needs a terminal (exit 2) and nothing is written.
. "$(dirname "$0")/lib.sh"

demo_db
before=$(okr export --format json | cksum)

expect_exit 2 okr review </dev/null
grep -q 'the review needs a terminal' "$ERR"; check $? "without a terminal: says it needs one" "stderr: $(cat "$ERR")"
grep -q 'okr export --format md' "$ERR"; check $? "… and what to use in a script"
expect_exit 3 okr review --team Nosuch </dev/null
grep -q "no team 'Nosuch'" "$ERR"; check $? "an unknown team is named" "stderr: $(cat "$ERR")"
grep -q 'okr list --teams' "$ERR"; check $? "… with where to find the teams"
expect_exit 3 okr review --cycle 2031-Q1 </dev/null
grep -q '2031-Q1' "$ERR"; check $? "an unknown cycle is named" "stderr: $(cat "$ERR")"
expect_exit 3 okr review --cycle 2026-next </dev/null
grep -q 'nothing to review' "$ERR"; check $? "a cycle without key results: nothing to review" "stderr: $(cat "$ERR")"
expect_exit 2 okr review --bogus </dev/null
expect_exit 2 okr review extra </dev/null
expect_exit 2 okr review --team Sales </dev/null
expect_exit 3 okr review --mine </dev/null
grep -q 'no key results of yours' "$ERR"; check $? "--mine with none of yours says so" "stderr: $(cat "$ERR")"
expect_exit 2 env OKR_USER=sarah "$OKR_BIN" --db "$DB" review --mine </dev/null
test ! -s "$OUT"; check $? "nothing on stdout"
test "$(okr export --format json | cksum)" = "$before"; check $? "nothing was written"
okr help >"$OUT" 2>&1
grep -q '^ *review' "$OUT"; check $? "okr help lists review" "$(cat "$OUT")"

finish
