#!/bin/sh
# Search without diacritics: `/` folds case and accents (đ → d) and
# normalises Unicode, so Vietnamese typed on a plain keyboard finds its titles.
. "$(dirname "$0")/lib.sh"
e2e_start 100 30

check "starts on O1" wait_for 'Key results of O1' 5
keys / 'ty le su dung cong suat'
check "/ty le su dung cong suat finds 'Tỷ lệ sử dụng công suất' in O3" wait_for 'Key results of O3' 5
keys Enter
keys / 'DAT DUOC 1.000 KHACH' Enter
check "upper case without accents (Đ typed as D) finds 'Đạt được 1.000 khách hàng' in O1" \
	wait_for 'Key results of O1' 5
keys Enter
check "… and that key result is the one selected" wait_for 'K2  Đạt được 1\.000 khách hàng' 5
keys Escape Escape / 'khach hang moi zz' Enter
check "a folded search that matches nothing still says so" wait_for "no match for 'khach hang moi zz'" 5
keys Escape q
e2e_done
