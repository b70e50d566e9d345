#!/bin/sh
# fnlen.sh — the C functions longer than a reader can see whole, and the
# files longer than one sitting: `sh tools/fnlen.sh [MAX_FN [MAX_FILE [DIR]]]`
# (defaults 80 lines, 600 lines, src).  Prints "fn LINES file:line name" and
# "file LINES path", longest first, then a count of each; exits 0 either way.
#
# A function is counted from the first line of its signature to its closing
# brace, as the code is laid out here (STYLE.md): the signature starts in
# column 0 and the body's braces stand alone in column 0.
max_fn=${1:-80}
max_file=${2:-600}
dir=${3:-src}

files=$(find "$dir" -name '*.c' -o -name '*.h' | LC_ALL=C sort)
[ -n "$files" ] || { echo "fnlen.sh: no C files under $dir" >&2; exit 2; }

# shellcheck disable=SC2086
fns=$(awk -v max="$max_fn" '
FNR == 1 { cand = 0; infn = 0 }
/^[A-Za-z_]/ {
	if (!infn && index($0, "(") && $0 !~ /;[ \t]*$/ && $0 !~ /=/) {
		cand = FNR; name = $0
		sub(/\(.*/, "", name); sub(/.*[ *]/, "", name)
	} else if (!infn) {
		cand = 0
	}
}
/^\{/ && !infn && cand { infn = 1; start = cand }
/^\}/ && infn {
	n = FNR - start + 1
	if (n > max)
		printf "fn %d %s:%d %s\n", n, FILENAME, start, name
	infn = 0; cand = 0
}' $files | sort -k2,2nr)

# shellcheck disable=SC2086
big=$(wc -l $files | awk -v max="$max_file" '$2 != "total" && $1 > max { printf "file %d %s\n", $1, $2 }' |
      sort -k2,2nr)

[ -n "$fns" ] && printf '%s\n' "$fns"
[ -n "$big" ] && printf '%s\n' "$big"
printf 'functions over %d lines: %d\n' "$max_fn" "$(printf '%s' "$fns" | grep -c '^fn' || true)"
printf 'files over %d lines: %d\n' "$max_file" "$(printf '%s' "$big" | grep -c '^file' || true)"
