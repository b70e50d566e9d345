#!/bin/sh
# readme-keys.sh — the README's table of every key of the full-screen view,
# made from the action table (include/okr/actions.h), the same list the key
# map, `?` and the `:` names come from.  tests/cli/test_readme_keys.sh
# checks the README against it; after adding an action, paste its output
# between the README's <!-- keys --> markers.
set -f   # keys such as ? are words, not patterns
src=${1:-$(dirname "$0")/../include/okr/actions.h}
echo '| keys | `:` name | what |'
echo '|---|---|---|'
sed -n 's/^[[:space:]]*X([A-Z_]*, *"\([^"]*\)", *"\([^"]*\)", *N_("\(.*\)"))[[:space:]\\]*$/\1	\2	\3/p' "$src" |
while IFS='	' read -r name keys help; do
	k=""
	for key in $keys; do k="${k:+$k, }\`$key\`"; done
	printf '| %s | `:%s` | %s |\n' "${k:-—}" "$name" "$help"
done
