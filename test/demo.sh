#!/bin/bash
# The main job: install what is missing, build and install bounce, start a
# throwaway cluster, create a sample sender's database and print what the
# extension tells about it.  The cluster is removed afterwards.  Not root:
# it runs itself again through sudo.
#
#   bash test/demo.sh          # as root
#   sudo bash test/demo.sh     # as a user who may sudo (or plain bash: it asks)
#
# Output: plain text at most 100 columns wide, no pager, progress lines with
# the time so far during the long steps; test/demo-tty.sh records it in an
# 80x24 terminal.
set -eu
. "$(dirname "$0")/lib.sh"
ensure_root "$0" "$@"
cd "$BOUNCE_ROOT"

echo "bounce demo: a sample sender's database and what bounce tells about it"
ensure_deps
build_install_progress
start_cluster

# No pager, no psqlrc, stop at the first error; tables wider than 100
# columns (none should be) would wrap.
export PAGER= PSQL_PAGER=
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -P pager=off -P footer=off -P columns=100)
"${PSQL[@]}" -c "CREATE DATABASE demo" >/dev/null
export PGDATABASE=demo
"${PSQL[@]}" -c "CREATE EXTENSION bounce" >/dev/null
echo "bounce $("${PSQL[@]}" -Atc "SELECT extversion FROM pg_extension WHERE extname = 'bounce'")" \
	"on PostgreSQL $("${PSQL[@]}" -Atc "SELECT split_part(current_setting('server_version'), ' ', 1)")," \
	"a throwaway cluster in $PGHOST"

"${PSQL[@]}" -f test/demo/10-classify.sql

log=$PGTMP/sample.log
echo
with_progress "loading the sample sender: 27,000 contacts, 36 campaigns, 336,575 events" \
	"$log" "${PSQL[@]}" -f test/demo/20-sender-data.sql
"${PSQL[@]}" -f test/demo/21-sender.sql
"${PSQL[@]}" -f test/demo/30-state.sql
"${PSQL[@]}" -f test/demo/40-summary.sql
echo
echo "demo finished in $SECONDS s; the cluster is removed.  The SQL is in test/demo/."
