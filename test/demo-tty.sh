#!/bin/bash
# The demo as a person sees it: run test/demo.sh in an 80x24 pseudo-terminal
# (script(1)) with no input at all, so a pager or a prompt would hang it
# (stopped after 10 minutes).  Saves what the terminal showed, carriage
# returns removed, to test/out/demo-tty.txt (or $1), and says how long it
# took, whether it finished on its own and the widest line.
#
#   bash test/demo-tty.sh [OUTPUT]
#
# Not part of the test run.  Variables (PG_CONFIG, BOUNCE_PGPORT) pass through.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/test/out/demo-tty.txt}
mkdir -p "$(dirname "$out")"
raw=$(mktemp "${TMPDIR:-/tmp}/bounce-tty.XXXXXX")
trap 'rm -f "$raw"' EXIT

start=$SECONDS
# TERM as a terminal has it; PAGER set as a user's shell might: the demo must
# not use it.
TERM=xterm-256color PAGER=less timeout 600 \
	script -q -e -c "stty rows 24 cols 80; bash '$here/test/demo.sh'" "$raw" </dev/null >/dev/null
rc=$?
tr -d '\r' <"$raw" | sed '1{/^Script started/d}; ${/^Script done/d}' >"$out"
echo "demo in an 80x24 pty: exit $rc after $((SECONDS - start)) s" \
	"($([ $rc -eq 124 ] && echo 'stopped: it waited for input' || echo 'finished without input'))"
echo "widest line: $(awk '{ if (length > w) w = length } END { print w + 0 }' "$out") columns;" \
	"$(wc -l <"$out") lines in $out"
exit $rc
