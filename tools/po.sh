#!/bin/sh
# po.sh — the translation catalogues (docs/translation.md), from the repo root:
#
#   sh tools/po.sh pot      extract every marked string into po/okr.pot
#   sh tools/po.sh update   pot, then merge it into each po/LANG.po (new
#                           strings arrive untranslated or fuzzy)
#   sh tools/po.sh todo     list, per language, the messages still to do
#   sh tools/po.sh check    fail if any message of the sources is missing,
#                           untranslated or fuzzy in a catalogue, a catalogue
#                           does not pass msgfmt --check, or a string a
#                           person reads is not marked for translation
#
# PO_DIR and SOURCES (directories) stand in for po and "src include" in the
# tests of this script.
set -u
cd "$(dirname "$0")/.." || exit 1
PO_DIR=${PO_DIR:-po}
SOURCES=${SOURCES:-src include}

KEYWORDS="--keyword=_ --keyword=N_ --keyword=NP_:1,2 --keyword=ngettext:1,2"

# shellcheck disable=SC2086
sources() { find $SOURCES -name '*.[ch]' | LC_ALL=C sort; }

# extract OUT: the messages of the sources.
extract() {
	# shellcheck disable=SC2046,SC2086
	xgettext --from-code=UTF-8 --language=C $KEYWORDS --add-comments=TRANSLATORS: \
		--package-name=okr --msgid-bugs-address="the okr issue tracker" --sort-by-file -o "$1" $(sources)
}

# todo PO: the msgids still untranslated or fuzzy, one per line.
todo() {
	msgattrib --only-fuzzy --no-obsolete --no-wrap "$1" 2>/dev/null | sed -n 's/^msgid "\(..*\)"$/fuzzy: \1/p'
	msgattrib --untranslated --no-obsolete --no-wrap "$1" 2>/dev/null | sed -n 's/^msgid "\(..*\)"$/untranslated: \1/p'
}

# unmarked: string literals of two or more words that a person reads but
# that are not in _(): what is handed to the functions that report, print
# or draw.  A line that is right to stay English (SQL, the audit log) says
# "i18n: not user-visible".
SINKS='(cli_fail|fail|store_fail|bad|problem|snprintf|fprintf|printf|app_message|lines_addf?|draw_text|putf?)'
unmarked() {
	# shellcheck disable=SC2046
	grep -nE "$SINKS\\(.*\"[^\"]*[A-Za-z]{2,} [a-z]{2,}[^\"]*\"" $(sources) |
		grep -vE '_\("|N_\("|ngettext\(|i18n: not user-visible|PRAGMA '
}

case ${1:-} in
pot)
	extract "$PO_DIR/okr.pot" && echo "$PO_DIR/okr.pot: $(grep -c '^msgid ' "$PO_DIR/okr.pot") messages"
	;;
update)
	extract "$PO_DIR/okr.pot" || exit 1
	for po in "$PO_DIR"/*.po; do
		msgmerge --quiet --update --backup=none --no-wrap "$po" "$PO_DIR/okr.pot" || exit 1
		printf '%s: ' "$po"
		msgfmt --statistics -o /dev/null "$po"
	done
	;;
todo)
	for po in "$PO_DIR"/*.po; do
		n=$(todo "$po" | wc -l)
		echo "== $po: $n to do"
		todo "$po"
	done
	;;
check)
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/okr-po.XXXXXX") || exit 1
	trap 'rm -rf "$tmp"' EXIT
	extract "$tmp/okr.pot" || exit 1
	bad=0
	for po in "$PO_DIR"/*.po; do
		msgfmt --check -o /dev/null "$po" || { echo "$po: msgfmt --check fails"; bad=1; }
		# The catalogue brought up to date with the sources, as po-update would.
		msgmerge --quiet --no-wrap -o "$tmp/merged.po" "$po" "$tmp/okr.pot" || { bad=1; continue; }
		todo "$tmp/merged.po" >"$tmp/todo"
		if [ -s "$tmp/todo" ]; then
			echo "$po: $(wc -l <"$tmp/todo") messages to translate (make po-update, then make po-todo):"
			head -20 "$tmp/todo" | sed 's/^/  /'
			bad=1
		fi
	done
	unmarked >"$tmp/unmarked"
	if [ -s "$tmp/unmarked" ]; then
		echo "strings a person reads that are not marked with _():"
		sed 's/^/  /' "$tmp/unmarked"
		bad=1
	fi
	exit $bad
	;;
*)
	echo "usage: sh tools/po.sh pot|update|todo|check" >&2
	exit 2
	;;
esac
