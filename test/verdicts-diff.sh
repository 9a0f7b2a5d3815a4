#!/bin/bash
# Verdict equivalence of the plain-C core (no server): builds test/verdicts.c
# against the core of a base revision and against the working tree, runs
# both over every string the project has (test/strings/*.tsv, the corpus
# diagnostics and messages when present, the string literals of sql/*.sql,
# the messages under test/) and over N random and mutated inputs, and
# compares the outputs byte for byte.  For changes that must not change a
# verdict (speed-ups).  Exits non-zero on any difference.  A developer's
# tool, not part of test/run.sh: on a clean checkout HEAD equals the tree.
#
#   bash test/verdicts-diff.sh [BASE-REV [N-RANDOM [SEED]]]
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
base=${1:-HEAD}
count=${2:-300000}
seed=${3:-1}
corpus="$root/../shared/corpus/sisimai-dev"
cc=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir "$tmp/base"
git -C "$root" archive "$base" src/core | tar -x -C "$tmp/base" || exit 2
# Each side with its own driver when the base has one: the core's API for
# the driver (rule tables, keys) may differ between them.
git -C "$root" archive "$base" test/verdicts.c 2>/dev/null | tar -x -C "$tmp/base" 2>/dev/null
for side in base new; do
	src=$root/src/core
	driver=$here/verdicts.c
	if [ $side = base ]; then
		src=$tmp/base/src/core
		[ -f "$tmp/base/test/verdicts.c" ] && driver=$tmp/base/test/verdicts.c
	fi
	$cc -O2 -w -I"$src" -o "$tmp/v_$side" "$driver" "$src"/*.c || exit 2
done

# String literals of the SQL tests, one per row ('' unescaped; \n, \t, \\
# escaped for the TSV).
python3 - "$root"/sql/*.sql >"$tmp/sql.tsv" <<'PY'
import re, sys
print("text_esc")
for path in sys.argv[1:]:
    s = open(path, encoding="utf-8", errors="surrogateescape").read()
    for m in re.finditer(r"'((?:[^']|'')*)'", s):
        t = m.group(1).replace("''", "'")
        t = t.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
        sys.stdout.write(t.encode("utf-8", "surrogateescape").decode("utf-8", "replace") + "\n")
PY

tsvs=("$here"/strings/*.tsv "$tmp/sql.tsv")
[ -f "$corpus/diagnostics.tsv" ] && tsvs+=("$corpus/diagnostics.tsv")
mapfile -t emls < <(find "$corpus" "$here" -name '*.eml' 2>/dev/null | sort)

status=0
for side in base new; do
	"$tmp/v_$side" "${tsvs[@]}" >"$tmp/rows_$side" &&
	"$tmp/v_$side" -m "${emls[@]}" >"$tmp/msgs_$side" &&
	"$tmp/v_$side" -r "$count" "$seed" "${tsvs[@]}" >"$tmp/rand_$side" || exit 2
done
for part in rows msgs rand; do
	n=$(wc -l <"$tmp/${part}_base")
	if cmp -s "$tmp/${part}_base" "$tmp/${part}_new"; then
		echo "$part: $n lines, identical"
	else
		echo "$part: $n lines, DIFFERENT:"
		diff "$tmp/${part}_base" "$tmp/${part}_new" | head -20
		status=1
	fi
done
exit $status
