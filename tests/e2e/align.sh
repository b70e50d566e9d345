#!/bin/sh
# Chinese and Vietnamese titles keep the columns: the progress bar starts at
# the same display column on a CJK row as on a Latin row.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "1..0 # SKIP python3 is needed to measure display columns"; exit 0; }
e2e_start 100 30

wait_for 'O3 +打造高性能网站'
bar_cjk=$(column_of 'O3 +打造' '█')
bar_latin=$(column_of 'O4 +Improve' '█')
check "objectives: bar column of the CJK row ($bar_cjk) = Latin row ($bar_latin)" [ "$bar_cjk" -eq "$bar_latin" -a "$bar_cjk" -gt 0 ]
keys j j
wait_for 'Key results of O3'
pct_cjk=$(column_of 'K5 +利用' '%')
pct_vi=$(column_of 'K7 +Tỷ lệ' '%')
check "key results: % column of the CJK row ($pct_cjk) = Vietnamese row ($pct_vi)" [ "$pct_cjk" -eq "$pct_vi" -a "$pct_cjk" -gt 0 ]
check "a cut CJK title ends in … without splitting a character" wait_for 'K5 +利用产品待办列表修复现有网… '
e2e_done
