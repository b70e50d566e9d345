#!/bin/sh
# An objective's detail shows its grade once its key results are graded, and
# before that the grade it is heading for, never a success mark (issue 9):
# the same numbers as the report (okr export --format md).
. "$(dirname "$0")/lib.sh"
e2e_start 170 40

check "O1 mid-cycle: a projected grade" wait_for 'projected grade 0\.99$'
keys j
check "O2 mid-cycle: a projected grade" wait_for 'projected grade 0\.50$'
okr_as minh grade K3 0.8 >/dev/null
check "one of two graded: the projection counts it" wait_for 'projected grade 0\.40 · 1 of 2 graded'
check "… and no grade yet" wait_gone '  grade 0\.[0-9]+ \('
okr_as minh grade K4 0.6 >/dev/null
check "all graded: the grade against the committed bar" wait_for 'grade 0\.70 \(committed: 1\.0 expected\)'
check "… and no projection any more" wait_gone 'projected grade'
e2e_done
