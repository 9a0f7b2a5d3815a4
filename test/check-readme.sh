#!/bin/bash
# The README's SQL examples run as written: every ```sql block of README.md,
# in order, in a fresh database with bounce installed and the default
# search_path; the block under "The sender's tables" creates the tables the
# others use.  Markers (an HTML comment alone on the line before a block):
#   <!-- norun -->           not run;
#   <!-- error SQLSTATE -->  must fail with that SQLSTATE.
# The convention is also written at the top of README.md.
set -u
. "$(dirname "$0")/lib.sh"
use_or_start_cluster

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bounce-readme.XXXXXX")
chmod 755 "$tmp"
cleanup() {
	rm -rf "$tmp"
	psql -Xq -d postgres -c "DROP DATABASE IF EXISTS bounce_readme" >/dev/null 2>&1 || true
	stop_cluster	# the cluster use_or_start_cluster started, if it did
}
trap cleanup EXIT

# Split the README into $tmp/NNN.sql, one per ```sql block, and an index
# line per block: "NNN LINE MARKER" (MARKER: run, norun or error:SQLSTATE).
awk -v dir="$tmp" '
	function marker(l) {
		if (l ~ /^<!-- *norun *-->$/) return "norun"
		if (l ~ /^<!-- *error +[0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z] *-->$/) {
			sub(/^<!-- *error +/, "", l); sub(/ *-->$/, "", l); return "error:" l
		}
		return "run"
	}
	inblock && /^```/ { inblock = 0; close(file); next }
	inblock { print > file; next }
	/^```sql[ \t]*$/ {
		n++; file = sprintf("%s/%03d.sql", dir, n); printf "" > file
		printf "%03d %d %s\n", n, NR, marker(prev) > (dir "/index")
		inblock = 1; next
	}
	/^```/ { fence = !fence }
	{ prev = $0 }
' "$BOUNCE_ROOT/README.md"

[ -s "$tmp/index" ] || { echo "no \`\`\`sql block found in README.md"; exit 1; }

create_bounce_db bounce_readme
while read -r n line mark; do
	name="README.md block $n (line $line)"
	case $mark in
		norun)
			echo "skip    $name: marked norun"
			;;
		run)
			if out=$(psql -X -q -d bounce_readme -v ON_ERROR_STOP=1 -f "$tmp/$n.sql" 2>&1 >/dev/null); then
				expect "$name" ok ok
			else
				expect "$name" "$(echo "$out" | head -3 | tr '\n' ' ')" "no error"
			fi
			;;
		error:*)
			want=${mark#error:}
			out=$(psql -X -q -d bounce_readme -v ON_ERROR_STOP=1 -v VERBOSITY=verbose \
				-f "$tmp/$n.sql" 2>&1 >/dev/null)
			got=$(echo "$out" | sed -n 's/^.*ERROR:  \([0-9A-Z]\{5\}\): .*/\1/p' | head -1)
			expect "$name fails with $want" "${got:-no error}" "$want"
			;;
	esac
done < "$tmp/index"
expect_summary
