#!/bin/sh
# readme-keys.sh — the README's table of every key of the full-screen view,
# made from the action table (include/okr/actions.h), the same list the key
# maps of every screen, `?` and the `:` names come from; the generic actions
# are `:name` commands, a screen's own are names for okr.conf's keys { }.  tests/cli/test_readme_keys.sh
# checks the README against it; after adding an action, paste its output
# between the README's <!-- keys --> markers.
set -f   # keys such as ? are words, not patterns
src=${1:-$(dirname "$0")/../include/okr/actions.h}
echo '| keys | name | where | what |'
echo '|---|---|---|---|'
sed -n 's/^[[:space:]]*X([A-Z_]*, *\([A-Z]*\), *"\([^"]*\)", *"\([^"]*\)", *N_("\(.*\)"))[[:space:]\\]*$/\1	\2	\3	\4/p' "$src" |
while IFS='	' read -r scope name keys help; do
	k=""
	for key in $keys; do k="${k:+$k, }\`$key\`"; done
	case $scope in
	MAIN) n="\`:$name\`" where="everywhere" ;;
	REVIEW) n="\`$name\`" where="the review" ;;
	PERSON) n="\`$name\`" where="a person's page" ;;
	PICK) n="\`$name\`" where="a form's list to pick from" ;;
	FORM) n="\`$name\`" where="forms" ;;
	PROMPT) n="\`$name\`" where="the \`:\` and \`/\` prompts" ;;
	*) n="\`$name\`" where="confirmations" ;;
	esac
	printf '| %s | %s | %s | %s |\n' "${k:-—}" "$n" "$where" "$help"
done
