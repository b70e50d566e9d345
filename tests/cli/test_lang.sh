#!/bin/sh
# test_lang.sh — the interface in Vietnamese and Chinese (SPEC §10): every
# message of the sources is translated in po/vi.po and po/zh_CN.po (and the
# check that says so can fail), errors, help and plurals read in the
# person's language, okr.conf's `language` chooses one whatever the locale,
# and what scripts read (--json, CSV, JSON exports, exit codes) is the same
# byte for byte in every language.
. "$(dirname "$0")/lib.sh"
once "the catalogues and the languages"
. "$CLI_DIR/lib_locale.sh"
need_locales
ROOT=$(cd "$CLI_DIR/../.." && pwd)

# ---- the catalogues ----
if command -v xgettext >/dev/null 2>&1 && command -v msgmerge >/dev/null 2>&1; then
	run sh "$ROOT/tools/po.sh" check
	[ "$rc" = 0 ]; check $? "every message is translated in both catalogues and every string is marked"

	# The check itself fails on each kind of gap.
	mkdir -p "$T/po" "$T/src"
	cp "$ROOT"/po/*.po "$T/po/"
	# An untranslated message: the msgstr of "Move down" emptied.
	awk '/^msgid "Move down"$/ { print; getline; print "msgstr \"\""; next } { print }' \
		"$ROOT/po/vi.po" >"$T/po/vi.po"
	PO_DIR="$T/po" run sh "$ROOT/tools/po.sh" check
	[ "$rc" != 0 ] && grep -q 'untranslated: Move down' "$OUT"
	check $? "the check fails on an untranslated message and names it" "exit $rc"
	# A fuzzy one.
	cp "$ROOT/po/vi.po" "$T/po/vi.po"
	awk '/^msgid "Move up"$/ { print "#, fuzzy" } { print }' "$ROOT/po/zh_CN.po" >"$T/po/zh_CN.po"
	PO_DIR="$T/po" run sh "$ROOT/tools/po.sh" check
	[ "$rc" != 0 ] && grep -q 'fuzzy: Move up' "$OUT"
	check $? "the check fails on a fuzzy message and names it" "exit $rc"
	# A new string in the sources that no catalogue has yet.
	cp "$ROOT"/po/*.po "$T/po/"
	printf 'static const char *s = _("A brand new message");\n' >"$T/src/new.c"
	PO_DIR="$T/po" SOURCES="src include $T/src" run sh "$ROOT/tools/po.sh" check
	[ "$rc" != 0 ] && grep -q 'untranslated: A brand new message' "$OUT"
	check $? "the check fails on a new message until it is translated" "exit $rc"
	# A message a person reads that is not marked at all.
	printf 'int f(void) { return cli_fail(2, "this says something in English"); }\n' >"$T/src/new.c"
	PO_DIR="$T/po" SOURCES="src include $T/src" run sh "$ROOT/tools/po.sh" check
	[ "$rc" != 0 ] && grep -q 'new.c:1:.*this says something' "$OUT"
	check $? "the check fails on a user-visible string not marked with _()" "exit $rc"
	PO_DIR="$T/po" run sh "$ROOT/tools/po.sh" todo
	[ "$rc" = 0 ] && grep -q '^== .*vi.po: 0 to do' "$OUT" && grep -q '^== .*zh_CN.po: 0 to do' "$OUT"
	check $? "po.sh todo lists nothing to do for either language"
else
	skip "the catalogue check" "xgettext/msgmerge missing (make deps installs gettext)"
fi

# ---- errors, help and plurals in the person's language ----
fresh_db
vi() { in_lang vi_VN.UTF-8 "$@"; }
zh() { in_lang zh_CN.UTF-8 "$@"; }

run vi okr frobnicate
[ "$rc" = 2 ] && grep -qF "'frobnicate' không phải lệnh của okr — xem \`okr --help\`" "$ERR"
check $? "vi: an unknown command is explained in Vietnamese, exit 2" "exit $rc"
run zh okr frobnicate
[ "$rc" = 2 ] && grep -qF '“frobnicate”不是 okr 命令 — 见 `okr --help`' "$ERR"
check $? "zh: an unknown command is explained in Chinese, exit 2" "exit $rc"

run vi okr checkin K1 3,5
[ "$rc" = 2 ] && grep -qF "'3,5' không phải số dùng được cho giá trị — hãy viết số thập phân bằng dấu chấm: 3.5, không phải 3,5" "$ERR"
check $? "vi: a decimal comma is refused, with the number to write instead" "exit $rc"
run zh okr checkin K1 3,5
[ "$rc" = 2 ] && grep -qF '请用小数点书写十进制数：3.5，而不是 3,5' "$ERR"
check $? "zh: a decimal comma is refused in Chinese" "exit $rc"
run okr checkin K1 3,5
[ "$rc" = 2 ] && grep -qF "with a decimal point: 3.5, not 3,5" "$ERR"
check $? "en: a decimal comma is refused in English" "exit $rc"
run vi okr checkin K1 3.5
[ "$rc" = 0 ]; check $? "vi: a decimal point is read as always" "exit $rc"

run vi okr help
[ "$rc" = 0 ] && grep -q '^        quản lý chu kỳ' "$OUT" && grep -qx '  okr cycle list' "$OUT" && grep -q '^Mã thoát: 0 ổn' "$OUT"
check $? "vi: okr help explains in Vietnamese and keeps the command names"
run zh okr help checkin
[ "$rc" = 0 ] && grep -q '^用法：okr checkin ' "$OUT"
check $? "zh: okr help checkin starts with 用法 and the command as typed"
run zh okr kr add
[ "$rc" = 2 ] && grep -qF '缺少参数' "$ERR"
check $? "zh: a missing argument is reported in Chinese, exit 2" "exit $rc"

# Plurals: "1 cycle", never "1 cycles", in every language.
okr export --format json >"$T/x.json"
run okr --db "$T/en.db" import "$T/x.json"
grep -qx 'Added 1 cycle, 0 people (1 already there), 1 objective, 1 key result, 1 check-in.' "$OUT"
check $? "en: import counts in the singular for one" "$(cat "$OUT")"
run vi okr --db "$T/vi.db" import "$T/x.json"
grep -qx 'Đã thêm 1 chu kỳ, 0 người (1 đã có sẵn), 1 mục tiêu, 1 kết quả then chốt, 1 check-in.' "$OUT"
check $? "vi: import counts in Vietnamese" "$(cat "$OUT")"
run zh okr --db "$T/zh.db" import "$T/x.json"
grep -qx '已添加 1 个周期、0 名成员（1 个已存在）、1 个目标、1 个关键结果、1 次进展更新。' "$OUT"
check $? "zh: import counts in Chinese, with Chinese punctuation" "$(cat "$OUT")"

# Status words are measured in columns: the value after the status lines up.
okr kr add O1 "Churn" --at-most 5 >/dev/null
run vi okr list
grep -q 'đúng tiến độ\|chậm tiến độ\|cần cập nhật' "$OUT" && ! grep -q 'tiến…\|cập n…' "$OUT"
check $? "vi: okr list shows whole status words, none cut"

# ---- language = "…" in okr.conf ----
printf 'language = "vi";\n' >"$T/vi.conf"
run in_lang en_US.UTF-8 okr --config "$T/vi.conf" frobnicate
grep -qF "không phải lệnh của okr" "$ERR"
check $? "language = \"vi\" speaks Vietnamese to a person whose locale is English"
printf 'language = "zh_CN";\n' >"$T/zh.conf"
run in_lang C.UTF-8 okr --config "$T/zh.conf" frobnicate
grep -qF "不是 okr 命令" "$ERR"
check $? "language = \"zh_CN\" works from the C.UTF-8 locale too"
printf 'language = "en";\n' >"$T/en.conf"
run vi okr --config "$T/en.conf" frobnicate
grep -qF "is not an okr command" "$ERR"
check $? "language = \"en\" keeps English under a Vietnamese locale"
printf 'language = "fr";\n' >"$T/fr.conf"
run okr --config "$T/fr.conf" list
[ "$rc" = 2 ] && grep -qF "'language' must be one of: \"\", en, vi, zh_CN (in double quotes), not \"fr\"" "$ERR"
check $? "an unknown language is refused with the ones there are" "exit $rc"
run env LANG=vi_VN.UTF-8 LC_ALL= LC_MESSAGES= LANGUAGE=zh_CN "$OKR_BIN" --db "$DB" frobnicate
grep -qF "不是 okr 命令" "$ERR"
check $? "LANGUAGE comes before LANG, as gettext documents"
run env LANG=C.UTF-8 LC_ALL= LC_MESSAGES=vi_VN.UTF-8 LANGUAGE= "$OKR_BIN" --db "$DB" frobnicate
grep -qF "không phải lệnh của okr" "$ERR"
check $? "LC_MESSAGES alone chooses the language"

# ---- what scripts read does not change ----
okr comment K1 "Đạt tiến độ tốt" >/dev/null
for cmd in "list --json" "show K1 --json" "export --format csv" "export --format json" "due --json" "board --once --json"; do
	# shellcheck disable=SC2086
	in_lang C.UTF-8 "$OKR_BIN" --db "$DB" $cmd >"$T/c.out" 2>&1; c=$?
	# shellcheck disable=SC2086
	vi "$OKR_BIN" --db "$DB" $cmd >"$T/v.out" 2>&1; v=$?
	# shellcheck disable=SC2086
	zh "$OKR_BIN" --db "$DB" $cmd >"$T/z.out" 2>&1; z=$?
	[ "$c" = "$v" ] && [ "$c" = "$z" ] && cmp -s "$T/c.out" "$T/v.out" && cmp -s "$T/c.out" "$T/z.out"
	check $? "okr $cmd is byte for byte the same in English, Vietnamese and Chinese (exit $c $v $z)"
done
for cmd in "show K99" "checkin K1 abc" "list --cycle nosuch" "frobnicate"; do
	# shellcheck disable=SC2086
	in_lang C.UTF-8 "$OKR_BIN" --db "$DB" $cmd >/dev/null 2>&1; c=$?
	# shellcheck disable=SC2086
	vi "$OKR_BIN" --db "$DB" $cmd >/dev/null 2>&1; v=$?
	# shellcheck disable=SC2086
	zh "$OKR_BIN" --db "$DB" $cmd >/dev/null 2>&1; z=$?
	[ "$c" != 0 ] && [ "$c" = "$v" ] && [ "$c" = "$z" ]
	check $? "okr $cmd exits $c in every language ($c $v $z)"
done

# ---- a locale that is not UTF-8 ----
run env LC_ALL=C LANG=C "$OKR_BIN" --db "$DB" frobnicate
[ "$rc" = 2 ] && grep -q "is not an okr command" "$ERR"
check $? "LC_ALL=C: messages in English, same exit code"
finish
