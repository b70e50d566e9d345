# fish completion for okr.  The candidates ("word<TAB>description") come from
# the program itself (`okr __complete WORDS...`): its command table and, for
# IDs, people, teams, cycles and KPI names, the database.

function __okr_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    $words[1] __complete $words[2..-1] "$cur" 2>/dev/null
end

function __okr_wants_path
    test (count (__okr_complete)) -eq 0
end

complete -c okr -f -a '(__okr_complete)'
complete -c okr -n __okr_wants_path -F
