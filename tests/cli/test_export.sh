#!/bin/sh
# test_export.sh — okr export: the Markdown review report (compared with a
# checked-in file), CSV and JSON that are deterministic, quoted and escaped,
# and database text that never reaches the output raw.
set -u
. "$(dirname "$0")/lib.sh"
export OKR_USER=root
# Files of their own, whatever the engine: several databases, compared byte for byte.
DB=$T/demo.db

demo_db

okr export --format md >"$T/report.md"
if diff -u "$CLI_DIR/expected/demo-report.md" "$T/report.md" >"$T/diff"; then
	ok "the Markdown report of the demo matches expected/demo-report.md"
else
	not_ok "the Markdown report of the demo matches expected/demo-report.md"
	sed 's/^/# /' "$T/diff" | head -40
fi
check_that "the report names the cycle and its dates" grep -q '^# OKR review — 2026-Q4$' "$T/report.md"
check_that "it has an at-risk list, a KPI table and kudos" \
	sh -c "grep -q '^## At risk' '$T/report.md' && grep -q '^| KPI | Target | Timeframe | Data source | Frequency' '$T/report.md' && grep -q '^## Kudos' '$T/report.md'"
check_that "exporting twice gives the same bytes (md)" sh -c "'$OKR_BIN' --db '$T/demo.db' export --format md | cmp -s - '$T/report.md'"
okr export --format json >"$T/a.json"
okr export --format csv >"$T/a.csv"
check_that "exporting twice gives the same bytes (json)" sh -c "'$OKR_BIN' --db '$T/demo.db' export --format json | cmp -s - '$T/a.json'"
check_that "exporting twice gives the same bytes (csv)" sh -c "'$OKR_BIN' --db '$T/demo.db' export --format csv | cmp -s - '$T/a.csv'"
check_that "CSV records end in CRLF (RFC 4180)" sh -c "head -1 '$T/a.csv' | od -c | grep -q '\\\\r  \\\\n'"
check_that "CSV rows start with their record type" sh -c "grep -q '^checkin,' '$T/a.csv' && grep -q '^#key_result,id,objective,' '$T/a.csv'"
check_that "JSON carries every part" sh -c "for k in cycles teams people members kpis objectives key_results checkins samples comments kudos grades; do grep -q \"\\\"\$k\\\": \\[\" '$T/a.json' || exit 1; done"
check_that "check-ins keep their uid" sh -c "grep -A1 '\"uid\"' '$T/a.json' | grep -q '\"kr\": \"K'"
if command -v python3 >/dev/null 2>&1; then
	check_that "the JSON parses" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$T/a.json"
fi

# Hostile text: escape sequences, control characters, Markdown and CSV syntax.
esc=$(printf '\033')
nasty=$(printf 'Evil \033[31mred\033[0m | *bold* [x](y) <b>, "quoted"\001 end')
okr objective add "$nasty" >/dev/null
okr kr add O5 "$(printf 'line one\nline two, with comma')" --target 10 >/dev/null
okr export --format md >"$T/n.md"
okr export --format json >"$T/n.json"
okr export --format csv >"$T/n.csv"
check_that "no ESC byte in the Markdown" sh -c "! grep -q '$esc' '$T/n.md'"
check_that "no control byte other than newline in the Markdown" \
	sh -c "! LC_ALL=C tr -d '\\n' <'$T/n.md' | LC_ALL=C grep -q '[[:cntrl:]]'"
check_that "controls are shown as visible pictures" grep -qF '␛\[31mred␛\[0m' "$T/n.md"
check_that "Markdown punctuation is escaped" grep -qF '\| \*bold\* \[x\](y) \<b\>' "$T/n.md"
check_that "JSON escapes control characters" sh -c "grep -q 'Evil \\\\u001b\\[31mred' '$T/n.json' && ! grep -q '$esc' '$T/n.json'"
check_that "CSV quotes fields with commas, quotes and newlines" \
	sh -c "grep -q '<b>, \"\"quoted\"\"' '$T/n.csv' && grep -q '\"line one' '$T/n.csv'"

# Filters and errors.
okr export --format md --team Product >"$T/p.md"
check_that "--team keeps that team's objectives only" sh -c "grep -q 'O3 打造高性能网站' '$T/p.md' && ! grep -q '\\*\\*O1 ' '$T/p.md'"
okr export --format json --team Product >"$T/p.json"
check_that "a --team JSON export drops the alignment outside the team" sh -c "grep -A6 '\"id\": \"O3\"' '$T/p.json' | grep -q '\"parent\": null'"
check_that "… and imports on its own" test "$(code "$OKR_BIN" --db "$T/p.db" import "$T/p.json")" = 0
check_that "an unknown format: exit 2" test "$(code okr export --format xml)" = 2
check_that "no format: exit 2" test "$(code okr export)" = 2
check_that "an unknown cycle: exit 3" test "$(code okr export --format md --cycle 1999-Q1)" = 3
check_that "the next cycle's report says it has no objectives" \
	sh -c "'$OKR_BIN' --db '$T/demo.db' export --format md --cycle 2026-next | grep -q 'No objectives in this cycle'"

# The leaderboard of the report (issue 5): the cycle's points from the score
# core, the top people and the teams; never anyone who opted out.
check_that "the report has a leaderboard before the kudos" \
	sh -c "grep -n '^## ' '$T/report.md' | tail -2 | tr '\n' ' ' | grep -q '## Leaderboard .*## Kudos'"
check_that "… with the top person and their cycle points" grep -qxF '| 1 | Sarah Miller (@sarah) | Sales | 260 |' "$T/report.md"
check_that "… as many as leaderboard.top (5)" test "$(sed -n '/^## Leaderboard/,/^By team/p' "$T/report.md" | grep -c '^| [0-9]')" = 5
check_that "… and the teams by points per member" grep -qxF '| 1 | Product | 178.0 | 2 |' "$T/report.md"
check_that "the points agree with okr board --window cycle" \
	sh -c "'$OKR_BIN' --db '$T/demo.db' board --window cycle | grep -q 'Sarah Miller (@sarah) *260 '"
okr export --format md --team Product >"$T/p.md"
check_that "--team: the leaderboard lists that team's people only" \
	sh -c "sed -n '/^## Leaderboard/,/^## Kudos/p' '$T/p.md' | grep '^| [0-9]' | cut -d'|' -f4 | sort -u | tr -d ' \n' | grep -qx 'Product'"
okr person name wei '*Wei* | [x](y)' >/dev/null
okr export --format md >"$T/w.md"
check_that "a name's Markdown is escaped in the leaderboard" grep -qF '| 2 | \*Wei\* \| \[x\](y) (@wei) | Product | 202 |' "$T/w.md"
okr settings set leaderboard.bands true >/dev/null
okr settings set leaderboard.top 2 >/dev/null
okr export --format md >"$T/b.md"
okr settings set leaderboard.bands false >/dev/null
check_that "with leaderboard.bands: the top 2, then the bands counted" \
	sh -c "test \"\$(sed -n '/^## Leaderboard/,/^By team/p' '$T/b.md' | grep -c '^| [0-9]')\" = 2 &&
		grep -qx 'Below the top: [0-9]* on track, [0-9]* need support.' '$T/b.md'"
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$T/demo.db" "UPDATE person SET opt_out = 1 WHERE login = 'sarah'"
	okr export --format md >"$T/o.md"
	check_that "someone who opted out is not in the report's leaderboard" \
		sh -c "! sed -n '/^## Leaderboard/,/^## Kudos/p' '$T/o.md' | grep -q '@sarah' &&
			grep -q '^| 1 | ' '$T/o.md'"
fi

finish
