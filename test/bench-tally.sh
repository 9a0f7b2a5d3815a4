#!/bin/bash
# Benchmark of the bounce.tally aggregate (not a test; test/run.sh does not
# run it).
#
# Loads BENCH_ROWS (default 10,000,000) outcome rows, one per message sent
# (a bounce.kind column: NULL for the ~97 % delivered, then a realistic mix
# of hard, soft, block, undetermined and none), into a throwaway cluster and
# times, in one session with JIT off:
#   tally   bounce.tally(kind), then its rate, hard rate and tier
#   hand    the same numbers hand-written: count(*) FILTER (...) for sent
#           and each bouncing kind, the rates, the tier through a CASE
#   hand3   the leanest hand-written form: only sent, hard and bounced
# over the whole table and grouped by campaign (100 groups), serially
# (max_parallel_workers_per_gather = 0) and with 2 parallel workers.  The
# BENCH_REPS rounds (default 7) each run every query once, round robin, so
# the noise of a shared machine falls on all alike; it prints the best and
# median times and their ratios.  Bars: tally / hand at most 1.3 serially;
# parallel faster than serial.
#
#   sudo bash test/bench-tally.sh
set -eu
. "$(dirname "$0")/lib.sh"
cd "$BOUNCE_ROOT"

ROWS=${BENCH_ROWS:-10000000}
REPS=${BENCH_REPS:-7}

ensure_deps
build_install
BOUNCE_PGOPTS=${BOUNCE_PGOPTS:-"-c shared_buffers=1GB -c max_worker_processes=8 -c max_parallel_workers=8"}
start_cluster
PSQL="psql -Xq -v ON_ERROR_STOP=1"

$PSQL -c "CREATE EXTENSION bounce"
echo "bounce $(psql -XAtc "SELECT extversion FROM pg_extension WHERE extname = 'bounce'") on PostgreSQL $(psql -XAtc 'SHOW server_version'), $(nproc) CPUs"

echo "loading $ROWS outcome rows ..."
$PSQL -v rows="$ROWS" <<'EOF'
SELECT setseed(0.5) \gset
CREATE TABLE bench_outcome (campaign int NOT NULL, kind bounce.kind);
INSERT INTO bench_outcome
SELECT (i % 100)::int,
	   CASE WHEN r < 0.0120 THEN 'hard'
			WHEN r < 0.0200 THEN 'soft'
			WHEN r < 0.0250 THEN 'block'
			WHEN r < 0.0260 THEN 'undetermined'
			WHEN r < 0.0300 THEN 'none'
	   END::bounce.kind
FROM (SELECT i, random() AS r FROM generate_series(1, :rows) i) s;
VACUUM (FREEZE, ANALYZE) bench_outcome;
EOF
psql -XAtc "SELECT 'table: ' || pg_size_pretty(pg_table_size('bench_outcome')) || ', ' || count(*) || ' rows, ' || count(kind) || ' with a kind' FROM bench_outcome"

echo "timing ($REPS rounds) ..."
$PSQL -P footer=off -v reps="$REPS" <<'EOF'
SET jit = off;
SET bench.reps = :reps;

CREATE TEMP TABLE query (what text, grouped boolean, q text);
INSERT INTO query VALUES
('tally', false, $q$
SELECT bounce.sent(t), bounce.rate(t), bounce.rate(t, 'hard'), bounce.tier(t)
FROM (SELECT bounce.tally(kind) AS t FROM bench_outcome) s
$q$),
('hand', false, $q$
SELECT sent, 100.0 * (hard + soft + block + undetermined) / NULLIF(sent, 0), 100.0 * hard / NULLIF(sent, 0),
	   CASE WHEN sent = 0 THEN NULL
			WHEN hard * 100 < sent THEN 'excellent'
			WHEN hard * 100 <= sent * 2 THEN 'acceptable'
			WHEN hard * 100 <= sent * 5 THEN 'concerning'
			WHEN hard * 100 <= sent * 10 THEN 'poor'
			ELSE 'critical' END
FROM (SELECT count(*) AS sent,
			 count(*) FILTER (WHERE kind = 'hard') AS hard,
			 count(*) FILTER (WHERE kind = 'soft') AS soft,
			 count(*) FILTER (WHERE kind = 'block') AS block,
			 count(*) FILTER (WHERE kind = 'undetermined') AS undetermined
	  FROM bench_outcome) s
$q$),
('hand3', false, $q$
SELECT sent, 100.0 * bounced / NULLIF(sent, 0), 100.0 * hard / NULLIF(sent, 0),
	   CASE WHEN sent = 0 THEN NULL
			WHEN hard * 100 < sent THEN 'excellent'
			WHEN hard * 100 <= sent * 2 THEN 'acceptable'
			WHEN hard * 100 <= sent * 5 THEN 'concerning'
			WHEN hard * 100 <= sent * 10 THEN 'poor'
			ELSE 'critical' END
FROM (SELECT count(*) AS sent,
			 count(*) FILTER (WHERE kind = 'hard') AS hard,
			 count(*) FILTER (WHERE kind <> 'none') AS bounced
	  FROM bench_outcome) s
$q$),
('tally', true, $q$
SELECT campaign, bounce.sent(t), bounce.rate(t), bounce.rate(t, 'hard'), bounce.tier(t)
FROM (SELECT campaign, bounce.tally(kind) AS t FROM bench_outcome GROUP BY campaign) s
$q$),
('hand', true, $q$
SELECT campaign, sent, 100.0 * (hard + soft + block + undetermined) / NULLIF(sent, 0), 100.0 * hard / NULLIF(sent, 0),
	   CASE WHEN sent = 0 THEN NULL
			WHEN hard * 100 < sent THEN 'excellent'
			WHEN hard * 100 <= sent * 2 THEN 'acceptable'
			WHEN hard * 100 <= sent * 5 THEN 'concerning'
			WHEN hard * 100 <= sent * 10 THEN 'poor'
			ELSE 'critical' END
FROM (SELECT campaign, count(*) AS sent,
			 count(*) FILTER (WHERE kind = 'hard') AS hard,
			 count(*) FILTER (WHERE kind = 'soft') AS soft,
			 count(*) FILTER (WHERE kind = 'block') AS block,
			 count(*) FILTER (WHERE kind = 'undetermined') AS undetermined
	  FROM bench_outcome GROUP BY campaign) s
$q$),
('hand3', true, $q$
SELECT campaign, sent, 100.0 * bounced / NULLIF(sent, 0), 100.0 * hard / NULLIF(sent, 0),
	   CASE WHEN sent = 0 THEN NULL
			WHEN hard * 100 < sent THEN 'excellent'
			WHEN hard * 100 <= sent * 2 THEN 'acceptable'
			WHEN hard * 100 <= sent * 5 THEN 'concerning'
			WHEN hard * 100 <= sent * 10 THEN 'poor'
			ELSE 'critical' END
FROM (SELECT campaign, count(*) AS sent,
			 count(*) FILTER (WHERE kind = 'hard') AS hard,
			 count(*) FILTER (WHERE kind <> 'none') AS bounced
	  FROM bench_outcome GROUP BY campaign) s
$q$);

-- The answers agree (tier as text on both sides).
SELECT 'tally and hand-written agree: ' ||
	   ((SELECT row(bounce.sent(t), bounce.rate(t), bounce.rate(t, 'hard'), bounce.tier(t)::text)::text
		 FROM (SELECT bounce.tally(kind) AS t FROM bench_outcome) s)
		= (SELECT row(sent, 100.0::float8 * bounced / sent, 100.0::float8 * hard / sent,
				  CASE WHEN hard * 100 < sent THEN 'excellent' WHEN hard * 100 <= sent * 2 THEN 'acceptable'
					   WHEN hard * 100 <= sent * 5 THEN 'concerning' WHEN hard * 100 <= sent * 10 THEN 'poor'
					   ELSE 'critical' END)::text
		   FROM (SELECT count(*) AS sent, count(*) FILTER (WHERE kind = 'hard') AS hard,
						count(*) FILTER (WHERE kind <> 'none') AS bounced FROM bench_outcome) s)) AS check;

SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT bounce.tally(kind) FROM bench_outcome;
RESET max_parallel_workers_per_gather;

-- Warm the cache.
SELECT count(*) AS warm_rows, count(kind) AS warm_kinds FROM bench_outcome \gset

-- Round robin: every repetition times every query, serial and parallel, so
-- that the noise of a shared machine falls on all of them alike.
CREATE TEMP TABLE timing (what text, grouped boolean, workers int, ms float8);
DO $$
DECLARE
	q record;
	t0 timestamptz;
BEGIN
	FOR rep IN 1 .. current_setting('bench.reps')::int LOOP
		FOR q IN SELECT * FROM query, (VALUES (0), (2)) w(workers) ORDER BY grouped, what, workers LOOP
			PERFORM set_config('max_parallel_workers_per_gather', q.workers::text, false);
			t0 := clock_timestamp();
			EXECUTE q.q;
			INSERT INTO timing VALUES (q.what, q.grouped, q.workers,
									   extract(epoch FROM clock_timestamp() - t0) * 1000);
		END LOOP;
	END LOOP;
END $$;
RESET max_parallel_workers_per_gather;
CREATE TEMP TABLE result AS
SELECT what, grouped, workers, round(min(ms)::numeric, 1) AS best_ms,
	   round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ms))::numeric, 1) AS median_ms
FROM timing GROUP BY what, grouped, workers;

\echo
SELECT CASE WHEN grouped THEN 'per campaign' ELSE 'whole table' END AS query, what, workers,
	   best_ms, median_ms,
	   round(median_ms * 1000000 / (SELECT count(*) FROM bench_outcome), 1) AS ns_per_row
FROM result ORDER BY grouped, workers, what DESC;

\echo
SELECT CASE WHEN t.grouped THEN 'per campaign' ELSE 'whole table' END AS query,
	   'tally / ' || h.what || ', serial' AS ratio,
	   round(t.best_ms / h.best_ms, 2) AS best, round(t.median_ms / h.median_ms, 2) AS median,
	   CASE WHEN h.what = 'hand' THEN 'bar <= 1.3' ELSE '' END AS bar,
	   CASE WHEN h.what <> 'hand' THEN '' WHEN t.median_ms / h.median_ms <= 1.3 THEN 'met' ELSE 'MISSED' END AS verdict
FROM result t JOIN result h USING (grouped, workers)
WHERE t.what = 'tally' AND h.what <> 'tally' AND workers = 0
UNION ALL
SELECT CASE WHEN s.grouped THEN 'per campaign' ELSE 'whole table' END,
	   'tally, 2 workers / serial',
	   round(p.best_ms / s.best_ms, 2), round(p.median_ms / s.median_ms, 2),
	   'bar < 1', CASE WHEN p.median_ms < s.median_ms THEN 'met' ELSE 'MISSED' END
FROM result s JOIN result p USING (what, grouped)
WHERE s.what = 'tally' AND s.workers = 0 AND p.workers = 2
ORDER BY 1 DESC, 2;
EOF
