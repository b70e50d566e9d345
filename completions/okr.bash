# bash completion for okr.  The candidates come from the program itself
# (`okr __complete WORDS...`), which reads its command table and, for IDs,
# people, teams, cycles and KPI names, the database: a command added to okr
# is completed without a change here.

_okr() {
	local IFS=$'\n' line
	local -a cands=()
	while IFS= read -r line; do
		cands+=("$(printf '%q' "${line%%$'\t'*}")")
	done < <("${COMP_WORDS[0]}" __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
	if [ ${#cands[@]} -eq 0 ]; then
		# A path (--db, --config, import FILE): let bash complete files.
		compopt -o default 2>/dev/null
		COMPREPLY=()
		return 0
	fi
	COMPREPLY=("${cands[@]}")
}
complete -F _okr okr
