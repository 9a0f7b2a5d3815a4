#!/bin/bash
# Concurrency of bounce.track(): 8 pgbench clients insert random events from
# a pool (sends, bounces of every kind, opens, clicks, delivered, complaints,
# unsubscribes; duplicates and late arrivals by construction) for 300 hot
# addresses over 30 campaigns, through a statement trigger (also under
# REPEATABLE READ) and a row trigger.  Then the state the triggers built
# must equal bounce.rebuild() of the same events, with no failed
# transaction and no deadlock.
#
# Run by test/run.sh (PGHOST, PGPORT, PGUSER set); alone:
#   sudo bash test/check-concurrency.sh      # starts its own cluster
# Exit 0 pass, 1 fail, 77 skipped.
set -u
. "$(dirname "$0")/lib.sh"
cd "$BOUNCE_ROOT"
DIR=test/concurrency
SECONDS_RUN=${CONCURRENCY_SECONDS:-15}

if [ -z "${PGPORT:-}" ] || [ -z "${PGHOST:-}" ]; then
	ensure_deps
	build_install || { echo "build failed"; exit 1; }
	start_cluster
else
	ensure_deps
fi
command -v pgbench >/dev/null || [ -x "$PGBIN/pgbench" ] || { echo "pgbench not found"; exit 77; }
PGBENCH=$(command -v pgbench || echo "$PGBIN/pgbench")

DB=bounce_concurrency
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
psql -X -q -d postgres -c "SET client_min_messages TO warning" \
	-c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" || exit 1
q -f "$DIR/setup.sql" >/dev/null || { echo "setup failed"; exit 1; }
npool=$(q -At -c "SELECT count(*) FROM pool")

out=$("$PGBENCH" -n -c 8 -j 2 -T "$SECONDS_RUN" -D npool="$npool" \
	-f "$DIR/stmt.sql@5" -f "$DIR/stmt_rr.sql@2" -f "$DIR/row.sql@3" "$DB" 2>&1)
rc=$?
processed=$(echo "$out" | sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p')
failed=$(echo "$out" | sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p')
aborted=$(echo "$out" | grep -c "aborted\|ERROR")
echo "pgbench: ${processed:-?} transactions in ${SECONDS_RUN}s, ${failed:-?} failed, exit $rc"
if [ "$rc" -ne 0 ] || [ "${failed:-1}" -ne 0 ] || [ "$aborted" -ne 0 ] || [ -z "$processed" ]; then
	echo "$out" | grep -v "^progress" | tail -20
	ok=0
else
	ok=1
fi

res=$(q -At -F ' ' -f "$DIR/compare.sql" 2>&1) || { echo "$res"; exit 1; }
echo "$res" | sed 's/^/  /'
last=$(echo "$res" | tail -1)
set -- $last
state_diff=${1:-x}; supp_diff=${2:-x}; events=${3:-0}; deadlocks=${7:-x}
echo "events $events; state differences $state_diff, suppression differences $supp_diff, deadlocks $deadlocks"
if [ "$state_diff" != 0 ] || [ "$supp_diff" != 0 ] || [ "$deadlocks" != 0 ] || [ "$events" -lt 1000 ]; then
	ok=0
fi
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB"
if [ "$ok" = 1 ]; then
	echo "concurrency: triggers and rebuild agree"
	exit 0
fi
echo "concurrency: FAILED"
exit 1
