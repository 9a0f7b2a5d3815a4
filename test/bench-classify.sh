#!/bin/bash
# Benchmark of the classifier (not a test; test/run.sh does not run it).
#
# Loads BENCH_ROWS (default 1,000,000) diagnostics into a throwaway cluster
# and times, side by side in one session with parallel query and JIT off:
#   floor       SELECT count(length(d))                 the per-row floor
#   scalar      SELECT count(bounce.reason_for(d))      rule-aware scalar
#   builtin     SELECT count(bounce.reason_builtin(d))  built-in scalar
#   composite   SELECT count((bounce.classify(d)).reason)
#   peer        SELECT count(peer.reason(d))            ../shared/peers/handwritten.sql
# each BENCH_REPS times (default 5; the peer BENCH_PEER_REPS, default 3),
# and prints the best and median times and the ratios scalar/floor (bar:
# at most 2) and peer/scalar (bar: at least 20).
#
#   sudo bash test/bench-classify.sh
set -eu
. "$(dirname "$0")/lib.sh"
cd "$BOUNCE_ROOT"

ROWS=${BENCH_ROWS:-1000000}
REPS=${BENCH_REPS:-5}
PEER_REPS=${BENCH_PEER_REPS:-3}

ensure_deps
build_install
BOUNCE_PGOPTS=${BOUNCE_PGOPTS:-"-c shared_buffers=512MB"}
start_cluster
PSQL="psql -Xq -v ON_ERROR_STOP=1"

$PSQL -c "CREATE EXTENSION bounce"
echo "bounce $(psql -XAtc "SELECT extversion FROM pg_extension WHERE extname = 'bounce'") on PostgreSQL $(psql -XAtc 'SHOW server_version'), $(nproc) CPUs"

echo "loading $ROWS diagnostics ..."
$PSQL -v rows="$ROWS" -f test/bench/classify-data.sql
psql -XAtc "SELECT 'table: ' || pg_size_pretty(pg_table_size('bench_diag')) || ', average diagnostic ' || round(avg(octet_length(d))) || ' bytes' FROM bench_diag"

have_peer=false
shared=$(shared_dir)
if [ -n "$shared" ] && [ -f "$shared/peers/handwritten.sql" ]; then
	$PSQL -f "$shared/peers/handwritten.sql" >/dev/null
	have_peer=true
else
	echo "note: ../shared/peers/handwritten.sql not found: the peer is skipped"
fi

echo "timing ($REPS runs each, peer $PEER_REPS) ..."
$PSQL -P footer=off -v reps="$REPS" -v peer_reps="$PEER_REPS" -v have_peer="$have_peer" \
	-f test/bench/classify-run.sql
