#!/bin/sh
# lang.sh — the full-screen view in Vietnamese and Chinese (SPEC §10): the
# main view, help, a check-in form with a validation error, the board at
# 40×12, the review and its summary, each with its columns in line; and a
# terminal that cannot show them: LC_ALL=C (ASCII, with a warning) and
# TERM=dumb (refused, naming what works).  The locales are built privately
# (tests/cli/lib_locale.sh), so the machine needs none installed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../cli/lib_locale.sh"
need_locales
command -v python3 >/dev/null || { echo "1..0 # SKIP python3 is needed to measure display columns"; exit 0; }
okr_as root demo >/dev/null || { echo "Bail out! okr demo failed"; exit 1; }
tmux_cmd -f /dev/null new-session -d -s base -x 80 -y 24

# lang_tui LOCALE COLS ROWS [VAR=VALUE...] -- ARGS...: okr ARGS in the pane
# "e2e" under LOCALE; when it exits, its status stays on screen.
lang_tui() {
	loc=$1 cols=$2 rows=$3
	shift 3
	vars=
	while [ "$1" != "--" ]; do vars="$vars $1"; shift; done
	shift
	tmux_cmd kill-session -t e2e 2>/dev/null
	# shellcheck disable=SC2086
	tmux_cmd new-session -d -s e2e -x "$cols" -y "$rows" \
		env LOCPATH="$LOCPATH" LANG="$loc" LC_ALL="$loc" LANGUAGE= TERM=tmux-256color OKR_NOW=$E2E_NOW \
		OKR_USER=sarah OKR_CONFIG="$OKR_CONFIG" $vars \
		sh -c '"$@"; echo "EXIT=$?"; exec cat' sh "$OKR_BIN" --db "$E2E_DB" "$@"
}

# same_column LINE1 LINE2 TEXT: TEXT starts at the same display column on
# the first lines matching LINE1 and LINE2, and is on both.
same_column() {
	a=$(column_of "$1" "$3")
	b=$(column_of "$2" "$3")
	[ "$a" -ge 0 ] && [ "$a" = "$b" ] || { echo "# '$3' at column $a on /$1/ but $b on /$2/"; return 1; }
}

# col_eq LINE1 TEXT1 LINE2 TEXT2: TEXT1 on LINE1 and TEXT2 on LINE2 start at
# the same display column (a header over its column).
col_eq() {
	a=$(column_of "$1" "$2")
	b=$(column_of "$3" "$4")
	[ "$a" -ge 0 ] && [ "$a" = "$b" ] || { echo "# '$2' at column $a but '$4' at $b"; return 1; }
}

# shown PATTERN: the screen, wrapped lines joined, matches (polled, 10 s).
shown() {
	end=$(( $(date +%s%N) / 1000000 + 10000 ))
	while :; do
		tmux_cmd capture-pane -p -J -t e2e | grep -Eq -- "$1" && return 0
		[ "$(( $(date +%s%N) / 1000000 ))" -ge "$end" ] && return 1
		sleep 0.02
	done
}
shown_exit() { shown "^EXIT=$1\$"; }

# ---- Vietnamese ----
lang_tui vi_VN.UTF-8 80 24 --
check "vi: the main view opens in Vietnamese" wait_for '^▶ Mục tiêu · 2026-Q4 · 4 ─' 10
check "vi: the status bar says what is due and live" wait_for '1 đến hạn · ● trực tiếp'
keys C-l   # the opening "you owe" line holds the footer until the first key
check "vi: the footer's keys are in Vietnamese" wait_for '\? trợ giúp  c check-in  / tìm'
check "vi: whole status words in the objectives" wait_for 'O2 .* 33% chậm tiến độ$'
check "vi: the % column holds on a Vietnamese and a Chinese row" same_column 'O2 ' 'O3 ' '%'
check "vi: … and on a Chinese and an English row" same_column 'O3 ' 'O4 ' '%'
check "vi: key result columns are headed in Vietnamese" wait_for '^ID +Kết quả then chốt +Tiến độ +% Giá trị / chỉ tiêu +Trạng thái'
check "vi: the Status header is over the status words" col_eq '^ID ' 'Trạng thái' '^K2 ' 'đúng tiến độ'
check "vi: 'đúng tiến độ' is whole, in its column" wait_for '^K2 .*đúng tiến độ$'

keys '?'
check "vi: help is in Vietnamese" wait_for 'Phím — Esc hoặc q để đóng, j/k để cuộn'
check "vi: help keeps the command names" wait_for ':checkin +Check-in kết quả then chốt đang chọn'
check "vi: help's descriptions start in one column" col_eq ':quit ' 'Thoát okr' ':checkin ' 'Check-in kết'
keys Escape
check "vi: Esc closes help" wait_gone 'Phím — Esc'

keys Tab j c
check "vi: the check-in form opens in Vietnamese" wait_for '┌─Check-in K2 '
keys C-u 3,5 Tab
check "vi: a decimal comma is refused in the form, in Vietnamese" wait_for 'hãy dùng dấu chấm thập phân: 3.5, không phải 3,5'
check "vi: the message is under the field it is about" col_eq 'Giá trị +3,5' '3,5' 'dấu chấm thập phân' 'hãy dùng'
check "vi: the form's footer says how to go on" wait_for 'Esc hủy · Tab ô kế tiếp · sửa lỗi để lưu'
keys Escape
check "vi: Esc cancels, nothing saved" wait_for 'đã hủy — chưa lưu gì'

lang_tui vi_VN.UTF-8 40 12 -- board
check "vi: the board at 40×12 is in Vietnamese" wait_for '^Bảng xếp hạng · cá nhân · tuần' 10
check "vi: its header is over its columns" col_eq 'đổi +người' 'người' 'Sarah Miller' 'Sarah'
check "vi: points line up on Vietnamese and Chinese names" same_column 'Nguyễn Thị Lan' '王伟' ' 0'
check "vi: the board's footer fits 40 columns" wait_for '^w khung · t nhóm · \? trợ giúp · q thoát$'
tmux_cmd resize-window -t e2e -x 80 -y 12
check "vi: at 80 columns every header word is whole" wait_for '# đổi +người +điểm cấp liền +nhóm$'
tmux_cmd resize-window -t e2e -x 40 -y 12
keys t
check "vi: teams view headers are whole" wait_for 'đổi +nhóm +điểm TB +SL$'
keys q
check "vi: q quits the board" shown_exit 0

lang_tui vi_VN.UTF-8 80 24 -- review
check "vi: the review opens in Vietnamese" wait_for '^ Rà soát · 2026-Q4 · tất cả · @sarah' 10
check "vi: the review's keys fit the footer" wait_for 'J nhảy q xong$'
check "vi: the frequency reads in Vietnamese word order" wait_for 'check-in hằng tuần · trọng số 1'
keys q
check "vi: the summary is in Vietnamese" wait_for '^ Tổng kết rà soát · 2026-Q4 · tất cả'
check "vi: the summary counts" wait_for '0 check-in · 0 điểm · 0 bình luận · 0 ghi nhận'
check "vi: at-risk lines name the status" wait_for 'K7 .*: chậm tiến độ, chậm 65 điểm · @jing'

# ---- Chinese ----
lang_tui zh_CN.UTF-8 80 24 --
check "zh: the main view opens in Chinese" wait_for '^▶ 目标 · 2026-Q4 · 4 ─' 10
keys C-l
check "zh: the footer's keys are in Chinese" wait_for '\? 帮助  c 更新  / 搜索'
check "zh: the % column holds" same_column 'O2 ' 'O3 ' '%'
check "zh: key result columns are headed in Chinese" wait_for '^ID +关键结果 +进度 +% 数值 / 目标值 +状态'
check "zh: status words in their column" col_eq '^ID ' '状态' '^K2 ' '进展顺利'
keys '?'
check "zh: help is in Chinese" wait_for '按键 — Esc 或 q 关闭，j/k 滚动'
keys Escape
wait_gone '按键 — Esc'
keys Tab j c
check "zh: the check-in form opens in Chinese" wait_for '┌─更新进展 K2 '
keys C-u 3,5 Tab
check "zh: a decimal comma is refused in Chinese" wait_for '请用小数点：3.5，而不是 3,5'
check "zh: the message is under its field" col_eq '数值 +3,5' '3,5' '请用小数点' '请用'
keys Escape

lang_tui zh_CN.UTF-8 40 12 -- board
check "zh: the board at 40×12 is in Chinese" wait_for '^排行榜 · 个人 · 周' 10
check "zh: points line up on Chinese and Latin names" same_column '王伟' 'Sarah Miller' ' 0'
check "zh: the board's footer" wait_for '^w 时间 · t 团队 · \? 帮助 · q 退出$'

lang_tui zh_CN.UTF-8 80 24 -- review
check "zh: the review opens in Chinese" wait_for '^ 复盘 · 2026-Q4 · 全部 · @sarah' 10
check "zh: the review's keys" wait_for 'n 下一个  p 上一个  s 跳过  J 跳转  q 结束$'
keys q
check "zh: the summary is in Chinese" wait_for '^ 复盘总结 · 2026-Q4 · 全部'
check "zh: the summary counts" wait_for '0 次进展更新 · 0 个评分 · 0 条评论 · 0 个点赞'

# ---- language = "vi" for a person whose locale is English ----
printf 'language = "vi";\n' >"$OKR_CONFIG"
lang_tui en_US.UTF-8 80 24 --
check "language = \"vi\" in okr.conf: the view in Vietnamese under en_US" wait_for '^▶ Mục tiêu · 2026-Q4' 10
: >"$OKR_CONFIG"

# ---- terminals that cannot show it ----
lang_tui C 80 24 LANG=C --
check "LC_ALL=C: a warning that says what to set" \
	wait_for "not a UTF-8 locale: drawn in ASCII, other text shows as \\? - set LANG=C.UTF-8$" 10
check "LC_ALL=C: bars are ASCII" wait_for 'O4 +Improve customer retention +##\.+ +20% off track'
check "LC_ALL=C: the pane title line is ASCII" wait_for '^> Objectives \. 2026-Q4 \. 4 -+$'
check "LC_ALL=C: no UTF-8 byte reaches the screen" sh -c "! tmux -L '$E2E_SOCK' capture-pane -p -t e2e | LC_ALL=C grep -q '[^ -~]'"
check "LC_ALL=C: a Chinese title keeps its width, as question marks" col_eq 'O3 +\?\?\?\?' '#' 'O4 ' '#'

lang_tui C 60 14 LANG=C -- board
check "LC_ALL=C okr board: the same warning in its footer" \
	wait_for "not a UTF-8 locale: drawn in ASCII" 10
check "… and no UTF-8 byte reaches the screen" sh -c "! tmux -L '$E2E_SOCK' capture-pane -p -t e2e | LC_ALL=C grep -q '[^ -~]'"

lang_tui C 100 24 LANG=C -- list
check "LC_ALL=C okr list in a terminal: bars and titles in ASCII of the same width" \
	shown '^ +O3 +\?{14} +##\.{8} +21%'
check "… and no UTF-8 byte from the data" sh -c "! tmux -L '$E2E_SOCK' capture-pane -p -t e2e | grep '^ *O3' | LC_ALL=C grep -q '[^ -~]'"

lang_tui vi_VN.UTF-8 80 24 TERM=dumb --
check "TERM=dumb: refused, in the person's language, naming what works" \
	shown "okr: loại terminal 'dumb' không di chuyển được con trỏ.*TERM=xterm-256color.*okr status"
check "… exits 2" shown_exit 2
lang_tui C.UTF-8 80 24 TERM=dumb -- board
check "TERM=dumb okr board: refused, pointing at --once" shown "cannot move the cursor.*okr board --once"
check "… exits 2" shown_exit 2
e2e_done
