#!/bin/sh
# Column widths grow with the terminal: at every common size from 80 columns
# up, a title (Chinese and Vietnamese, objectives and key results) is shown
# at least as wide as at 80×24, no column header is cut, and the detail
# pane's "owner · … · version" line never breaks inside a part.
. "$(dirname "$0")/lib.sh"
e2e_start 80 24
okr_as lan objective add '在所有市场中成为中小企业首选的客户关系管理平台并保持领先地位' >/dev/null
okr_as lan kr add O5 '将网站首页的平均加载时间从三秒降低到一秒以内并保持稳定' --target 1 >/dev/null
okr_as lan kr add O5 'Tăng tỷ lệ chuyển đổi của trang đăng ký dùng thử miễn phí lên gấp đôi trong quý' --target 2 >/dev/null
wait_for ' O5 ' 5 || { screen; echo "Bail out! O5 did not appear"; exit 1; }
keys G Tab
wait_for 'Key results of O5' 5 || { screen; echo "Bail out! O5 not selected"; exit 1; }

# shown_width ID: the display columns of the title shown after ID (its
# ellipsis included), up to the padding, a bar or a pane border.
shown_width() {
	screen | python3 -c '
import sys, re, unicodedata
tok = sys.argv[1]
for line in sys.stdin:
    m = re.search(r"(^|[ │])" + re.escape(tok) + r" +", line)
    if not m: continue
    rest = line[m.end():]
    cut = re.search(r"…|  | [█▏▎▍▌▋▊▉░]|│", rest)
    t = rest[:cut.start() + (1 if cut.group() == "…" else 0)] if cut else rest.rstrip()
    print(sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in t))
    sys.exit(0)
print(-1)' "$1"
}

# base: the widths at 80×24 (key results in the lower slot, as started).
B_O5=$(shown_width O5)
B_O2=$(shown_width O2)
B_K11=$(shown_width K11)
B_K12=$(shown_width K12)
check "at 80×24 the Chinese objective title has its room ($B_O5 columns)" test "$B_O5" -ge 40
check "at 80×24 the Vietnamese objective title has its room ($B_O2 columns)" test "$B_O2" -ge 40
check "at 80×24 the Chinese key result title has its room ($B_K11 columns)" test "$B_K11" -ge 20
check "at 80×24 the Vietnamese key result title has its room ($B_K12 columns)" test "$B_K12" -ge 20

# The key results' header, from its first column (a pane on its left may
# share the terminal line).
krs_header() { screen | grep -Eo 'ID +Key result.*'; }
header_whole() {
	krs_header | grep -q 'Progress' && krs_header | grep -q 'Value / target' &&
	krs_header | grep -q 'Status' && ! krs_header | grep -q '…'
}

for size in 100x30 120x40 132x43 160x50 200x60; do
	tmux_cmd resize-window -t e2e -x "${size%x*}" -y "${size#*x}"
	wait_for "Key results of O5" 5
	# the layout settles when the header line has the new width
	end=$(( $(date +%s%N) / 1000000 + 3000 ))
	while [ "$(screen | head -1 | python3 -c 'import sys; print(len(sys.stdin.readline().rstrip("\n")))')" -lt $(( ${size%x*} - 2 )) ] &&
		[ "$(( $(date +%s%N) / 1000000 ))" -lt "$end" ]; do sleep 0.02; done
	check "$size: the Chinese objective title is as wide as at 80 or wider" test "$(shown_width O5)" -ge "$B_O5"
	check "$size: the Vietnamese objective title is as wide as at 80 or wider" test "$(shown_width O2)" -ge "$B_O2"
	check "$size: the Chinese key result title is as wide as at 80 or wider" test "$(shown_width K11)" -ge "$B_K11"
	check "$size: the Vietnamese key result title is as wide as at 80 or wider" test "$(shown_width K12)" -ge "$B_K12"
	check "$size: the key results' header is whole" header_whole
done

# The detail pane at the sizes where it shares the screen (stacked at 120
# and 132, side by side at 160): "· version" never begins a line.
for size in 120x40 132x43 160x50; do
	tmux_cmd resize-window -t e2e -x "${size%x*}" -y "${size#*x}"
	wait_for "owner @lan" 5
	check "$size: the detail's owner line keeps its parts whole" \
		sh -c "! tmux -L '$E2E_SOCK' capture-pane -p -t e2e | grep -Eq '(^|│) +· '"
	check "$size: … and shows the version" wait_for 'version [0-9]'
done
e2e_done
