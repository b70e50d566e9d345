#!/bin/sh
# man.sh — write a man page from its template, filling in what must never
# drift from the program: the commands and options (from the built okr's
# command table, `okr __describe`), the settings of okr.conf (from
# okr.conf.example, which a unit test holds equal to the compiled-in
# defaults) and the directories the Makefile compiled in.
#
#   sh tools/man.sh OKR_BIN TEMPLATE VERSION SYSCONFDIR DATADIR > PAGE
set -eu
okr=$1 template=$2 version=$3 sysconfdir=$4 datadir=$5
root=$(dirname "$0")/..
export LC_ALL=C LANGUAGE=

# Roff-safe text: backslashes doubled, hyphens as \-, a leading . or ' kept
# from being read as a request.
esc() {
	sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
}

commands() {
	"$okr" __describe commands | while IFS='	' read -r name summary; do
		printf '.SS %s\n' "$name"
		"$okr" __describe forms | awk -F '\t' -v n="$name" '$1 == n { print $2 }' |
		while IFS= read -r form; do
			printf '.PP\n.B okr %s\n' "$name"
			[ -z "$form" ] || printf '%s\n' "$form" | esc
		done
		printf '.PP\n.RS\n%s.\n.RE\n' "$(printf '%s' "$summary" | esc)"
		opts=$("$okr" __describe options | awk -F '\t' -v n="$name" '$1 == n')
		if [ -n "$opts" ]; then
			printf '.RS\nOptions:\n'
			printf '%s\n' "$opts" | while IFS='	' read -r _ opt value; do
				if [ -n "$value" ]; then
					printf '\\fB%s\\fP \\fI%s\\fP' "$(printf '%s' "$opt" | esc)" "$(printf '%s' "$value" | esc)"
				else
					printf '\\fB%s\\fP' "$(printf '%s' "$opt" | esc)"
				fi
				printf ',\n'
			done | sed '$ s/,$/./'
			printf '.RE\n'
		fi
	done
}

# okr.conf.example: the comment above a setting describes it; a group's
# comment introduces its settings, written group.name.
settings() {
	awk '
	function flush_text(   i) { for (i = 1; i <= n; i++) print text[i]; n = 0 }
	/^#/ && !started { next }
	/^$/ { started = 1; if (!ingroup) n = 0; next }
	# A team setting is shown commented out ("#rollup = ...;"): the same
	# entry, marked as living in the database.
	{ team = 0 }
	ingroup != "keys" && /^[ \t]*#[ \t]*([a-z_0-9]+ = |\};)/ { sub(/#/, ""); team = 1 }
	/^[ \t]*#/ {
		sub(/^[ \t]*# ?/, "")
		if (ingroup == "keys") { ex[++nex] = $0; next }
		text[++n] = $0; next
	}
	/^[ \t]*[a-z_]+ = \{/ {
		ingroup = $1
		printf ".SS %s\n", ingroup
		flush_text()
		next
	}
	/^[ \t]*\};/ {
		if (nex) { print ".PP\nFor example:\n.PP\n.RS\n.nf"; for (i = 1; i <= nex; i++) print ex[i]; print ".fi\n.RE" }
		ingroup = ""; nex = 0; next
	}
	/^[ \t]*[a-z_0-9]+ = / {
		key = $1; val = $0
		sub(/^[^=]*= /, "", val); sub(/;[ \t]*$/, "", val)
		printf ".TP\n.B %s%s\n", ingroup ? ingroup "." : "", key
		flush_text()
		printf ".br\nDefault: %s\n", val
		if (team)
			printf ".br\nA team setting, kept in the database: `okr settings set %s%s VALUE` (leads and admins).\n", ingroup ? ingroup "." : "", key
	}' "$root/okr.conf.example" | esc_settings
}

# Hyphens and backslashes in the settings text, leaving requests alone.
esc_settings() {
	sed -e '/^\./!s/\\/\\e/g' -e '/^\./!s/-/\\-/g' -e '/^\.[BS]/s/_/_/g'
}

# The date of the release, not of the build, so that builds are reproducible.
today=$(sed -n 's/^## \([0-9.]*\) — \([0-9-]*\).*/\2/p' "$root/CHANGELOG.md" 2>/dev/null | head -1)

# The template's OPTIONS OF THE COMMANDS explains options by name; an entry
# for an option no command has (yet) is left out, so the page never speaks of
# one that does not exist.
OKR_MAN_OPTIONS=" $("$okr" __describe options | cut -f2 | sort -u | tr '\n' ' ')"
export OKR_MAN_OPTIONS

# Through the environment: awk -v would read the roff backslashes as escapes.
OKR_MAN_COMMANDS=$(commands) OKR_MAN_SETTINGS=$(settings) OKR_MAN_VERSION=$version \
OKR_MAN_ETC=$sysconfdir OKR_MAN_SHARE=$datadir OKR_MAN_DATE=${today:-2026-12-01} awk '
	/^\.SH / { glossary = ($0 ~ /^\.SH OPTIONS OF THE COMMANDS/); drop = 0 }
	glossary && /^\.TP$/ { held = 1; next }
	glossary && held {
		held = 0; name = $2; gsub(/\\-/, "-", name)
		drop = index(ENVIRON["OKR_MAN_OPTIONS"], " " name " ") == 0
		if (!drop) print ".TP"
	}
	glossary && drop { next }
	/^@COMMANDS@$/ { print ENVIRON["OKR_MAN_COMMANDS"]; next }
	/^@SETTINGS@$/ { print ENVIRON["OKR_MAN_SETTINGS"]; next }
	{
		gsub(/@VERSION@/, ENVIRON["OKR_MAN_VERSION"]); gsub(/@SYSCONFDIR@/, ENVIRON["OKR_MAN_ETC"])
		gsub(/@DATADIR@/, ENVIRON["OKR_MAN_SHARE"]); gsub(/@DATE@/, ENVIRON["OKR_MAN_DATE"]); print
	}
' "$template"
