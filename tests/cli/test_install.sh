#!/bin/sh
# test_install.sh — okr as a packager and an admin install it: built with a
# command-line CFLAGS, installed under a non-default PREFIX (and staged under a
# DESTDIR), the installed binary finds its themes there; both man pages render
# without a warning; each shell's completion (bash, and zsh and fish when
# installed) completes a partial command; uninstall leaves nothing behind.
. "$(dirname "$0")/lib.sh"
once "installing and the man pages"

SRC=$(cd "$CLI_DIR/../.." && pwd)
if ! command -v make >/dev/null 2>&1 || ! command -v cc >/dev/null 2>&1; then
	skip "install" "no make or cc"; finish; exit
fi
unset MAKEFLAGS MFLAGS MAKELEVEL SAN BUILDDIR   # make check SAN=1 exports SAN
PREFIX="$T/opt/team"
M="make -s -C $SRC -j2 BUILDDIR=$T/build PREFIX=$PREFIX CFLAGS=-O0"

run $M all
check $? "make CFLAGS=-O0 PREFIX=… builds (the project's own flags kept)" "$(tail -5 "$ERR")"
run $M install
check $? "make install PREFIX=$PREFIX" "$(tail -5 "$ERR")"
run $M install DESTDIR="$T/stage"
check $? "make install DESTDIR=…" "$(tail -5 "$ERR")"
(cd "$PREFIX" && find . | sort) >"$T/prefix.list"
(cd "$T/stage$PREFIX" && find . | sort) >"$T/stage.list"
cmp -s "$T/prefix.list" "$T/stage.list"
check $? "DESTDIR stages exactly the files of the real install" "$(diff "$T/prefix.list" "$T/stage.list")"
for f in bin/okr share/man/man1/okr.1 share/man/man5/okr.conf.5 share/okr/themes/solarized-dark.theme \
	 share/bash-completion/completions/okr share/zsh/vendor-completions/_okr \
	 share/fish/vendor_completions.d/okr.fish share/doc/okr/okr.conf.example; do
	[ -f "$PREFIX/$f" ]; check $? "installed $f"
done

# The installed binary, from a directory without themes/, with a shipped theme.
BIN="$PREFIX/bin/okr"
mkdir -p "$T/elsewhere" "$XDG_CONFIG_HOME/okr"
echo 'theme = "solarized-dark";' >"$XDG_CONFIG_HOME/okr/okr.conf"
(cd "$T/elsewhere" && "$BIN" --db "$DB" init >"$OUT" 2>"$ERR")
check $? "the installed okr runs"
(cd "$T/elsewhere" && "$BIN" --db "$DB" list >"$OUT" 2>"$ERR")
if [ $? = 0 ] && [ ! -s "$ERR" ]; then ok "it finds the theme under $PREFIX/share/okr/themes"
else not_ok "it finds the theme under $PREFIX/share/okr/themes"; fi
echo 'theme = "no-such-theme";' >"$XDG_CONFIG_HOME/okr/okr.conf"
(cd "$T/elsewhere" && "$BIN" --db "$DB" list >"$OUT" 2>"$ERR")
grep -q "no-such-theme" "$ERR"; check $? "… and says so when a theme is not there (the check can fail)"
rm "$XDG_CONFIG_HOME/okr/okr.conf"

# … and its translations under $PREFIX/share/locale (once po/ has catalogues).
if ls "$SRC"/po/vi.po >/dev/null 2>&1 && grep -q '^language' "$SRC/okr.conf.example"; then
	[ -f "$PREFIX/share/locale/vi/LC_MESSAGES/okr.mo" ]; check $? "installed share/locale/vi/LC_MESSAGES/okr.mo"
	echo 'language = "vi";' >"$XDG_CONFIG_HOME/okr/okr.conf"
	(cd "$T/elsewhere" && "$BIN" help >"$OUT" 2>"$ERR")
	english=$(cd "$T/elsewhere" && OKR_CONFIG=/dev/null "$BIN" help 2>/dev/null | grep -c 'the full-screen view')
	if ! grep -q 'the full-screen view' "$OUT" && [ "$english" = 1 ]; then
		ok "with language = \"vi\" the installed okr speaks Vietnamese from $PREFIX/share/locale"
	else not_ok "with language = \"vi\" the installed okr speaks Vietnamese from $PREFIX/share/locale"; fi
	rm "$XDG_CONFIG_HOME/okr/okr.conf"
else
	skip "the installed okr speaks Vietnamese" "no po/vi.po in this tree"
fi

for page in man1/okr.1 man5/okr.conf.5; do
	if command -v man >/dev/null 2>&1; then
		MANWIDTH=80 man --warnings -E UTF-8 -l "$PREFIX/share/man/$page" >"$OUT" 2>"$ERR"
		if [ $? = 0 ] && [ ! -s "$ERR" ] && [ -s "$OUT" ]; then ok "man --warnings -l $page: clean"
		else not_ok "man --warnings -l $page: clean"; fi
	else
		skip "man $page" "no man"
	fi
done
MANWIDTH=80 man -l "$PREFIX/share/man/man5/okr.conf.5" 2>/dev/null | grep -q "$PREFIX/etc/okr/okr.conf"
check $? "okr.conf(5) names this install's host-wide file"

# Completion of "okr chec" and "okr checkin " (live IDs) in each shell.
"$BIN" --db "$DB" cycle add Q4 --start 2026-10-01 --end 2026-12-31 >/dev/null
"$BIN" --db "$DB" objective add "Grow" >/dev/null
"$BIN" --db "$DB" kr add O1 "Users" --target 10 >/dev/null
export OKR_DB="$DB" PATH="$PREFIX/bin:$PATH"
if command -v bash >/dev/null 2>&1; then
	run bash -c '. "$1"; COMP_WORDS=(okr chec); COMP_CWORD=1; _okr; printf "%s\n" "${COMPREPLY[@]}";
		COMP_WORDS=(okr checkin ""); COMP_CWORD=2; _okr; printf "%s\n" "${COMPREPLY[@]}"' \
		_ "$PREFIX/share/bash-completion/completions/okr"
	[ "$(cat "$OUT")" = "checkin
K1" ]; check $? "bash completes 'okr chec' to checkin and 'okr checkin ' to K1"
else
	skip "bash completion" "no bash"
fi
if command -v zsh >/dev/null 2>&1; then
	# compsys needs a terminal; its two entry points are stubbed to print.
	run zsh -fc 'compdef() { :; }; _describe() { print -l -- ${(P)${@[-1]}}; }; _files() { print FILES; }
		. "$1"; words=(okr chec); CURRENT=2; _okr; words=(okr checkin ""); CURRENT=3; _okr' \
		_ "$PREFIX/share/zsh/vendor-completions/_okr"
	[ "$(cat "$OUT")" = "checkin:check in a key result
K1:Users" ]; check $? "zsh completes 'okr chec' and 'okr checkin ' with descriptions"
else
	skip "zsh completion" "no zsh"
fi
if command -v fish >/dev/null 2>&1; then
	run fish --no-config -c 'source $argv[1]; complete -C "okr chec"; complete -C "okr checkin "' \
		"$PREFIX/share/fish/vendor_completions.d/okr.fish"
	[ "$(cut -f1 "$OUT")" = "checkin
K1" ]; check $? "fish completes 'okr chec' and 'okr checkin '"
else
	skip "fish completion" "no fish"
fi
unset OKR_DB

run $M uninstall
check $? "make uninstall"
left=$(find "$PREFIX" -type f -o -type l)
[ -z "$left" ]; check $? "uninstall leaves no file behind" "$left"
left=$(find "$PREFIX" -depth -type d -name okr)
[ -z "$left" ]; check $? "… nor a directory of okr's own" "$left"
run $M uninstall DESTDIR="$T/stage"
left=$(find "$T/stage" -type f)
[ -z "$left" ]; check $? "uninstall DESTDIR=… too" "$left"

finish
