#!/bin/sh
# test_raw_output.sh — nothing raw reaches a terminal or a parser: an
# argument okr echoes (a cycle name carrying an OSC 52 clipboard write, a
# database path with an escape sequence) is sanitised; invalid UTF-8 put into the database with sqlite3 comes out of
# --json and the JSON export as U+FFFD, so the output is valid JSON and okr's
# import takes its own export; `okr status` doubles tmux's '#' in a team name
# so that `#[fg=red]` is shown, not obeyed.
. "$(dirname "$0")/lib.sh"
ESC=$(printf '\033')
BEL=$(printf '\007')

fresh_db
run okr cycle add "$(printf 'Q\033]52;c;aGVsbG8=\007X')" --start 2027-01-01 --end 2027-03-31
check "$([ "$rc" = 0 ] && ! grep -q "$ESC" "$OUT" && ! grep -q "$BEL" "$OUT" && grep -q '^Q.*X$' "$OUT"; echo $?)" \
	"okr cycle add echoes a name with an OSC 52 sequence sanitised" "exit $rc"
run okr cycle list
check "$([ "$rc" = 0 ] && ! grep -q "$ESC" "$OUT"; echo $?)" "and cycle list shows it sanitised"

# A database path with an escape sequence, echoed by init and demo.
EVIL="$T/$(printf 'e\033[2Jvil').db"
run "$OKR_BIN" --db "$EVIL" init
check "$([ "$rc" = 0 ] && ! grep -q "$ESC" "$OUT" && grep -q 'is ready' "$OUT"; echo $?)" \
	"okr init echoes a path with an escape sequence sanitised" "exit $rc"
run "$OKR_BIN" --db "$EVIL.demo" demo
check "$([ "$rc" = 0 ] && ! grep -q "$ESC" "$OUT"; echo $?)" "okr demo too" "exit $rc"

if [ -n "$PG_DB" ]; then
	skip "invalid UTF-8 in the database" "sqlite only: a PostgreSQL server refuses text that is not UTF-8"
elif [ -z "$HAVE_SQLITE3" ] || [ -z "$HAVE_PYTHON3" ]; then
	skip "invalid UTF-8 in the database" "needs sqlite3 and python3"
else
	# A title and a note that are not UTF-8 (a lone 0xC3, a 0xFF).
	sqlite3 "$DB" "UPDATE objective SET title = CAST(X'4272C3FF6B656E' AS TEXT) WHERE id = 1;
		INSERT INTO checkin(uid, kr_id, author_id, value, note, at)
		SELECT 'raw-1', 1, id, 5, CAST(X'6E6F7465C328' AS TEXT), $OKR_NOW FROM person WHERE login = 'alice';"
	run okr list --json
	expect_json "okr list --json over invalid UTF-8"
	check "$(grep -qF 'Br\ufffd\ufffdken' "$OUT"; echo $?)" "the bad bytes are shown as U+FFFD, visibly"
	run okr show K1 --json
	expect_json "okr show K1 --json with an invalid note"
	run okr export --format json
	expect_json "the JSON export over invalid UTF-8"
	cp "$OUT" "$T/export.json"
	run "$OKR_BIN" --db "$T/copy.db" import "$T/export.json"
	check "$([ "$rc" = 0 ]; echo $?)" "okr's import accepts its own export" "exit $rc"
	run "$OKR_BIN" --db "$T/copy.db" list
	check "$(grep -qF 'Br��ken' "$OUT"; echo $?)" "the imported title shows the replacement characters"
fi

# tmux format characters in a team name.
okr team add '#[bold]T#(id)' >/dev/null
okr team join '#[bold]T#(id)' alice >/dev/null
okr objective add "Ops goal" --team '#[bold]T#(id)' >/dev/null
run okr status
check "$([ "$rc" = 0 ] && grep -qF '##[bold]T##(id)' "$OUT" && ! grep -q '[^#]#\[' "$OUT" && ! grep -q '[^#]#(' "$OUT"; echo $?)" \
	"okr status doubles every # of a team name for tmux" "exit $rc"
if command -v tmux >/dev/null 2>&1; then
	# What tmux itself makes of it: the text, not a style or a command.
	shown=$(tmux -L "okr-raw-$$" -f /dev/null new-session -d -x 100 -y 5 \; \
		display-message -p "$(cat "$OUT")" \; kill-server 2>/dev/null)
	check "$(printf '%s' "$shown" | grep -qF '#[bold]T#(id)'; echo $?)" \
		"tmux shows the team's #(...) as text instead of running it" "tmux shows: $shown"
fi
finish
