#!/bin/sh
# test_board.sh — okr board, okr status and okr show PERSON --points on the
# demo database, as a person at a terminal or a script would see them.
# TAP output through lib.sh; exits non-zero when any test fails.

. "$(dirname "$0")/lib.sh"
export OKR_USER=tuan
DB="$T/demo.db"   # a file of its own, whatever the engine
hasnt() { ! grep -q -- "$1" "$OUT"; }
# The rank shown on a person's row of the last board.
rank_of() { awk -v who="(@$1)" 'index($0, who) { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) { print $i; exit } }' "$OUT"; }
first_row() { sed -n 3p "$OUT"; }

demo_db admin   # as someone outside the demo team
check_that "demo database made" test -f "$DB"

okr board --once >"$OUT" 2>&1
check_that "board --once exits 0" test $? -eq 0
check_that "board has its title and window" has "Leaderboard — people — this week, 2026-11-23 → 2026-11-29"
check_that "board marks the viewer's own row" sh -c "grep '^▶' '$OUT' | grep -q '(@tuan)'"
check_that "board uses no escape sequences" sh -c "! grep -q \"$(printf '\033')\" '$OUT'"

okr board --once --window cycle >"$OUT"
check_that "cycle window: Sarah leads the demo" sh -c "sed -n 3p '$OUT' | grep -q '1 .*Sarah Miller (@sarah) *260'"
check_that "cycle window: the viewer's neighbourhood is shown" has "(@tuan)"

# Without --once and without a terminal the board is printed once.
okr board </dev/null >"$OUT" 2>&1
check_that "board without --once on a pipe prints once" has "Leaderboard — people"

# Another person's check-in changes the ranks.
OKR_USER=jing okr checkin K5 40 --confidence 8 -m "fixed five more bugs" >/dev/null 2>&1
check_that "jing's check-in is accepted" test $? -eq 0
okr board --once >"$OUT"
check_that "after jing's check-in she is first this week" sh -c "sed -n 3p '$OUT' | grep -q '^ *1 .*(@jing)'"
check_that "and the others are ranked below her" test "$(rank_of sarah)" = 2
check_that "jing moved up" sh -c "sed -n 3p '$OUT' | grep -q '▲'"

# Kudos arrive and change the board.
OKR_USER=sarah okr kudos hoa "great campaign work" >/dev/null 2>&1
check_that "sarah's kudos is accepted" test $? -eq 0
okr board --once --all >"$OUT"
check_that "hoa is second after kudos (5 points)" test "$(rank_of hoa)" = 2
check_that "sarah is third for giving (2 points)" test "$(rank_of sarah)" = 3
check_that "hoa's row shows 5 points" sh -c "grep '(@hoa)' '$OUT' | grep -q ' 5  L'"
# The same pair again this week counts once.
OKR_USER=sarah okr kudos hoa "and again" >/dev/null 2>&1
okr board --once --all >"$OUT"
check_that "a second kudos from the same person this week adds nothing" sh -c "grep '(@hoa)' '$OUT' | grep -q ' 5  L'"

# Teams.
okr board --once --teams >"$OUT"
check_that "teams board lists teams with members" sh -c "grep -q 'Product' '$OUT' && grep -q 'members' '$OUT'"
check_that "teams board marks the viewer's team" sh -c "grep '^▶' '$OUT' | grep -q Sales"

# JSON for scripts.
okr board --json >"$OUT"
check_that "board --json has rows with ranks" sh -c "grep -q '\"rows\"' '$OUT' && grep -q '\"rank\": 1' '$OUT'"

# Bad window.
okr board --window month >"$OUT" 2>&1
check_that "an unknown window is a usage error (exit 2)" test $? -eq 2
check_that "and says which windows exist" has "use week, cycle or all"

# The status line.
OKR_USER=jing okr status >"$OUT"
check_that "status is one line" test "$(wc -l <"$OUT")" -eq 1
check_that "status format: rank, movement, points, level, team" \
	grep -Eq '^#1 (▲[0-9]+|▼[0-9]+|–) · [0-9]+ pts this week · L[0-9]+( · [0-9]+w streak)? · Product [0-9]+%$' "$OUT"
okr status >"$OUT"
check_that "status for the viewer tuan" grep -Eq '^#[0-9]+ .* pts this week · L[0-9]+.* · Sales [0-9]+%( · [0-9]+ due)?$' "$OUT"
okr status --window cycle >"$OUT"
check_that "status with --window cycle" has "pts this cycle"

# The team's progress on the status line (which reads only the team's tree of
# objectives) is the weighted mean of the team's objectives as okr list shows them.
team_pct() {   # TEAM: the percentage from okr list --json
	okr list --team "$1" --json | python3 -c 'import json, sys
t = sys.argv[1]; o = [x for x in json.load(sys.stdin)["objectives"] if x["team"] == t]
w = sum(x["weight"] for x in o)
print("%.0f" % (100 * sum(x["progress"] * x["weight"] for x in o) / w if w else 0))' "$1"
}
if command -v python3 >/dev/null 2>&1; then
	for who in tuan lan hoa wei; do
		# what is owed (" · 2 due") ends the line when there is any
		OKR_USER=$who okr status | sed 's/ · [0-9]* due$//' >"$OUT"
		team=$(sed 's/.* · \(.*\) [0-9]*%$/\1/' "$OUT")
		check_that "status of $who: $team's progress as okr list computes it" has " · $team $(team_pct "$team")%\$"
	done
fi

# show PERSON --points.
okr show jing --points >"$OUT"
check_that "show PERSON --points exits 0" test $? -eq 0
check_that "it shows the level and an XP bar" grep -Eq 'level [0-9]+ +[█░]+ [0-9]+ / [0-9]+ XP to level' "$OUT"
check_that "it lists badges" has "First check-in"
check_that "it explains today's check-in" has "2026-11-23 12:00    +[0-9]*  check-in with a note on K5"
check_that "it explains the progress paid" has "progress on K5"
okr show @hoa --points >"$OUT"
check_that "kudos appear in the receiver's explanation" has "kudos from @sarah"
check_that "the repeat is explained in the giver's list" sh -c "'$OKR_BIN' --db '$DB' show sarah --points | grep -q 'again this week'"
okr show nobody >"$OUT" 2>&1
check_that "an unknown person is 'not found' (exit 3)" test $? -eq 3

# Bands instead of bottom ranks: a team setting, so a lead's change shows on
# everyone's board.
OKR_USER=admin okr settings set leaderboard.bands true >/dev/null
OKR_USER=admin okr settings set leaderboard.top 1 >/dev/null
okr board --once --all >"$OUT"
check_that "bands: the viewer sees a band, not a bottom rank" \
	sh -c "grep '^▶' '$OUT' | grep -Eq '\\((on track|needs support)\\)'"
check_that "bands: a summary of the bands" has "below the top:"
OKR_USER=admin okr settings set leaderboard.bands false >/dev/null
OKR_USER=admin okr settings set leaderboard.top 5 >/dev/null

# Opting out: hidden from others, visible to oneself.
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$DB" "UPDATE person SET opt_out = 1 WHERE login = 'jing'"
	okr board --once --all >"$OUT"
	check_that "an opted-out person is not on others' board" hasnt "(@jing)"
	OKR_USER=jing okr board --once --all >"$OUT"
	check_that "but sees her own row, unranked" sh -c "grep '^▶' '$OUT' | grep -q 'opted out'"
	OKR_USER=jing okr status >"$OUT"
	check_that "her status says hidden" grep -q '^hidden · ' "$OUT"
	okr show jing >"$OUT"
	check_that "others cannot see her points" has "opted out"
else
	for d in 1 2 3 4; do skip "opting out, seen on the board ($d)" "sqlite3 not installed"; done
fi

finish
