#!/bin/bash
# Benchmark of the message parser (not a test; test/run.sh does not run it).
#
# Loads every ../shared/corpus/sisimai-dev/emails/*.eml into a table,
# BENCH_COPIES times over (default 64, about 20,000 messages), in a
# throwaway cluster, and times in one session, parallel query and JIT off,
# side by side:
#   floor    SELECT count(length(m)) FROM bench_msg       reading the rows
#   parse    SELECT count(*) FROM bench_msg, bounce.parse_message(m)
# each BENCH_REPS times (default 3).  The rates are messages per second on
# one core: by wall time, and by the backend's own CPU time (read from
# /proc, so that a busy shared machine does not count against us).
# Then the core alone (test/bench/messages_core.c) on the same files.
# Bar: 20,000 messages per second per core.
#
#   bash test/bench-messages.sh
set -eu
. "$(dirname "$0")/lib.sh"
cd "$BOUNCE_ROOT"

COPIES=${BENCH_COPIES:-64}
REPS=${BENCH_REPS:-3}
shared=$(shared_dir || true)
emails="${shared:-/nonexistent}/corpus/sisimai-dev/emails"
if [ ! -d "$emails" ]; then
	echo "skipped: ../shared/corpus not present"
	exit 77
fi

ensure_deps
build_install
start_cluster
PSQL="psql -Xq -v ON_ERROR_STOP=1"
$PSQL -c "CREATE EXTENSION bounce"
echo "bounce on PostgreSQL $(psql -XAtc 'SHOW server_version'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"

$PSQL -c "CREATE TABLE bench_raw (name text, b64 text)"
for f in "$emails"/*.eml; do
	printf '%s\t%s\n' "$(basename "$f")" "$(base64 -w0 "$f")"
done | $PSQL -c "\\copy bench_raw FROM stdin"
$PSQL -c "CREATE TABLE bench_msg AS
	SELECT r.name, decode(r.b64, 'base64') AS m
	FROM bench_raw r, generate_series(1, $COPIES) AS g
	ORDER BY g, r.name" -c "VACUUM ANALYZE bench_msg"
psql -XAtc "SELECT 'messages: ' || count(*) || ', average ' || round(avg(octet_length(m))) || ' bytes, ' || pg_size_pretty(pg_table_size('bench_msg')) FROM bench_msg"

# one session; its CPU time from /proc/<pid>/stat (utime + stime, ticks)
coproc PSQLS { psql -XAtq -v ON_ERROR_STOP=1 2>&1; }
ask() {	# ask SQL: one line of output
	echo "$1" >&"${PSQLS[1]}"
	read -r line <&"${PSQLS[0]}"
	echo "$line"
}
pid=$(ask "SELECT pg_backend_pid();")
ask "SET max_parallel_workers_per_gather = 0; SET jit = off; SELECT 1;" >/dev/null
tck=$(getconf CLK_TCK)
cpu() { awk -v t="$tck" '{ printf "%.3f", ($14 + $15) / t }' "/proc/$pid/stat"; }
n=$(ask "SELECT count(*) FROM bench_msg;")
ask "SELECT count(*) FROM bench_msg, bounce.parse_message(m);" >/dev/null	# warm

run() {	# run NAME SQL: best wall and CPU seconds of REPS runs
	local best_w="" best_c="" w c t0 c0 i
	for i in $(seq "$REPS"); do
		c0=$(cpu)
		t0=$(date +%s.%N)
		rows=$(ask "$2")
		w=$(echo "$(date +%s.%N) - $t0" | bc -l)
		c=$(echo "$(cpu) - $c0" | bc -l)
		if [ -z "$best_w" ] || [ "$(echo "$w < $best_w" | bc -l)" = 1 ]; then best_w=$w; fi
		if [ -z "$best_c" ] || [ "$(echo "$c < $best_c" | bc -l)" = 1 ]; then best_c=$c; fi
	done
	printf '%-6s %8.3f s wall %8.3f s CPU  (%s rows)\n' "$1" "$best_w" "$best_c" "$rows"
	eval "${1}_w=$best_w ${1}_c=$best_c"
}
run floor "SELECT count(length(m)) FROM bench_msg;"
run parse "SELECT count(*) FROM bench_msg, bounce.parse_message(m);"
echo "\\q" >&"${PSQLS[1]}"

# shellcheck disable=SC2154
{
	wall_rate=$(echo "$n / $parse_w" | bc -l)
	cpu_rate=$(echo "$n / ($parse_c + 0.0005)" | bc -l)
	printf 'parse_message in the database: %.0f messages/s per core by wall time, %.0f by CPU time (%s messages); floor/parse %.1f %%\n' \
		"$wall_rate" "$cpu_rate" "$n" "$(echo "100 * $floor_w / $parse_w" | bc -l)"
}

tmp=$(mktemp -d)
cc -O2 -I"$BOUNCE_ROOT/src/core" -o "$tmp/messages_core" test/bench/messages_core.c src/core/*.c
"$tmp/messages_core" 3 "$emails"/*.eml
rm -rf "$tmp"
