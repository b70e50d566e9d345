#!/bin/sh
# test_kudos.sh — okr kudos: people (and teams) named by login or display name (folded),
# a clear refusal listing the candidates when a name is ambiguous, the giver
# told when a kudos earns nothing, and kudos shown with the key result.
. "$(dirname "$0")/lib.sh"

fresh_db
okr person add wei --name "王伟" >/dev/null
okr person add lan --name "Nguyễn Thị Lan" >/dev/null
okr person add tuan --name "Phạm Anh Tuấn" >/dev/null
okr person add minh --name "Trần Văn Minh" >/dev/null
okr person add hoa --name "Lê Thu Hoa" >/dev/null
okr person add jing --name "李静" >/dev/null

expect_out "kudos sent to @wei (+2 XP for you)" okr kudos "王伟" "cảm ơn anh" --kr K1
expect_out "kudos sent to @lan (+2 XP for you)" okr kudos "nguyen thi lan" "thanks"
expect_out "kudos sent to @tuan (+2 XP for you)" okr kudos "@tuan" "great work"
expect_out "kudos sent to @wei — it earns no points: you already gave @wei kudos this week (one a week per person counts)" \
	okr kudos wei "again"
expect_out "kudos sent to @minh (+2 XP for you)" okr kudos "TRẦN VĂN MINH" "x"
expect_out "kudos sent to @hoa (+2 XP for you)" okr kudos hoa "x"
expect_out "kudos sent to @jing — it earns no points: only 5 kudos a week count and you have given them" \
	okr kudos "李静" "x"

# What the giver was told is what the ledger counts.
run okr show alice --points
check "$(grep -c 'kudos to @wei again this week' "$OUT" | grep -qx 1; echo $?)" \
	"the ledger also counts the second kudos to wei as nothing"
check "$(grep -q "kudos to @jing beyond this week's allowance" "$OUT"; echo $?)" \
	"… and the sixth as beyond the allowance"

okr person add wei2 --name "王伟" >/dev/null
refused 2 "'王伟' could be any of 2 people: @wei (王伟), @wei2 (王伟) — name one by login" \
	okr kudos "王伟" "who?"
refused 3 "no person 'nobody-here'" okr kudos nobody-here "hi"
refused 3 "name them by login or display name" okr kudos "Nguyen Van Nobody" "hi"
refused 2 "you cannot give them to yourself" okr kudos alice "me"

# Shown with the key result.
expect_out_contains "Kudos" okr show K1
expect_out_contains "@alice → @wei  cảm ơn anh" okr show K1
run okr show K1 --json
expect_json "okr show K1 --json"
if [ -n "$HAVE_PYTHON3" ]; then
	check "$([ "$(json_get 'd["kudos"][0]["text"]')" = "cảm ơn anh" ]; echo $?)" "--json lists the kudos text"
fi

expect_out_contains "@alice: cảm ơn anh" okr show wei

# The same lookup for --owner and okr show PERSON.
expect_out "K2" okr kr add O1 "Docs" --target 5 --owner "pham anh tuan"
expect_out_contains "owner @tuan" okr show K2
expect_out_contains "@lan" okr show "Nguyễn Thị Lan"
refused 2 "could be any of 2 people" okr kr add O1 "Ambiguous" --target 5 --owner "王伟"

# KPI names are matched folded too.
okr kpi add "Khách hàng tiềm năng" --target 20 --at-least --source CRM --every weekly >/dev/null
expect_exit 0 okr kpi push "khach hang tiem nang" 7
expect_out_contains "7" okr show KPI1

# Teams and people in admin commands, by name folded.
okr team add "Công ty" >/dev/null
expect_out "O2" okr objective add "Company-wide" --team "cong ty"
expect_out_contains "[Công ty]" okr list --team "CONG TY"
expect_exit 0 okr team join "Cong Ty" "nguyen thi lan"
expect_out_contains "[Công ty]" okr show lan
expect_exit 0 okr person role "Nguyễn Thị Lan" lead
finish
