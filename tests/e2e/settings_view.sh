#!/bin/sh
# The team settings view (S, :settings): a lead changes a setting in a form
# checked as typed, and the change is saved, audited and seen by `okr
# settings`; a change made elsewhere shows on the open view without a key;
# a bad value is refused with the reason and saves nothing; a prefilled form
# saved unchanged writes nothing; a member sees the list read-only and is
# told who changes it before any form opens.
. "$(dirname "$0")/lib.sh"
E2E_USER=sarah        # a lead of the demo
e2e_start 100 30

show() { okr_as sarah settings show; }
trail() { okr_as root log --limit 1; }
keys S
check "S lists the team settings" wait_for 'Team settings, the same for everyone · e change · Esc back' 5
check "… each with its value and default" wait_for 'status\.at_risk +0\.15 +0\.15 +default'
keys j Enter
check "Enter opens the value in a form" wait_for 'Change week_start for the whole team' 5
check "… prefilled as typed, with the default" wait_for 'default: monday'
before=$(trail)
keys Enter
check "saved unchanged, it writes nothing" wait_for 'nothing changed — nothing was saved' 5
check "… nothing" test "$(trail)" = "$before"
keys e C-u someday
check "a bad value is refused as typed, saying what it takes" wait_for 'must be one of: monday, tuesday' 5
keys Enter
check "… Enter does not save it" wait_for 'fix the fields marked above first'
keys C-u sunday
check "… a good one clears the message" wait_gone 'must be one of'
keys Enter
check "the change is saved for the whole team" wait_for 'week_start = "sunday", for the whole team' 5
check "… the row shows it and who set it" wait_for 'week_start +sunday +monday +@sarah'
check "… okr settings shows it" sh -c "OKR_USER=tuan '$OKR_BIN' --db '$E2E_DB' settings show | grep -Eq 'week_start +\"sunday\" +set by @sarah'"
check "… and it is audited" sh -c "OKR_USER=root '$OKR_BIN' --db '$E2E_DB' log --limit 1 | grep -q 'week_start'"
keys j j Enter C-u 0.5 Enter
check "a value the other settings refuse saves nothing, saying why" \
	wait_for "'status.at_risk' \\(0\\.5\\) must not be greater than 'status.off_track' \\(0\\.3\\)" 5
check "… and saying nothing was changed" wait_for 'nothing was changed'
check "… nothing" sh -c "OKR_USER=sarah '$OKR_BIN' --db '$E2E_DB' settings show | grep -Eq 'status.at_risk +0.15 +default'"
keys Escape
check "Esc closes the form, nothing saved" wait_for 'cancelled — nothing was saved' 5
okr_as lan settings set status.off_track 0.4 >/dev/null
check "a change made elsewhere shows on the open view without a key press" wait_for 'status\.off_track +0\.4 +0\.3 +@lan' 5
keys k Enter C-u sideways
check "the form says what a value takes in its own words: as typed, no libconfig quotes" \
	wait_for "'rollup' must be one of: krs, children, both, not sideways" 5
keys Escape

e2e_as tuan 100 30    # a member
wait_for 'Objectives' 5
keys : settings Enter
check ":settings opens the view, read-only for a member" wait_for 'leads and admins change these · Esc back' 5
check "… with the team's values" wait_for 'week_start +sunday +monday +@sarah'
keys Enter
check "Enter tells a member who changes them" wait_for "leads and admins change the team's settings — ask one to change timezone" 5
check "… and opens no form" wait_gone 'for the whole team'
keys S
check "S again closes the view" wait_for 'Objectives' 5
e2e_done
