# lib_locale.sh — the vi_VN.UTF-8 and zh_CN.UTF-8 locales for the language
# tests, sourced after lib.sh (tests/cli) or lib.sh (tests/e2e).
#
# CI machines often have no locales installed, so they are compiled once
# with localedef from the glibc locale sources (package `locales`, which
# `make deps` installs) into build/test-locales, and used through LOCPATH:
# nothing on the machine is changed and nothing depends on its own locales.
#
#   need_locales      exports LOCPATH, or bails out saying what is missing

need_locales() {
	root=$(cd "$(dirname "$0")/../.." && pwd)
	LOCPATH=$root/build/test-locales
	for l in vi_VN zh_CN en_US; do
		[ -d "$LOCPATH/$l.UTF-8" ] && continue
		command -v localedef >/dev/null 2>&1 || { echo "Bail out! localedef is missing (make deps installs it)"; exit 1; }
		mkdir -p "$LOCPATH"
		# Compiled beside its final name and moved, so a test interrupted
		# halfway never leaves half a locale behind.
		tmp=$(mktemp -d "$LOCPATH/.new.XXXXXX")
		if ! localedef -i "$l" -f UTF-8 "$tmp/$l.UTF-8" >"$tmp/log" 2>&1 && [ ! -d "$tmp/$l.UTF-8" ]; then
			echo "Bail out! cannot build the $l.UTF-8 locale (install the 'locales' package):"
			sed 's/^/# /' "$tmp/log"
			rm -rf "$tmp"
			exit 1
		fi
		mv "$tmp/$l.UTF-8" "$LOCPATH/" 2>/dev/null
		rm -rf "$tmp"
	done
	export LOCPATH
}

# in_lang LOCALE cmd...: run a command with every locale variable at LOCALE.
in_lang() {
	l=$1
	shift
	LANG=$l LC_ALL=$l LANGUAGE= "$@"
}
