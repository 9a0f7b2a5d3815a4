-- Timings for test/bench-classify.sh: each query :reps times (the peer
-- :peer_reps times), best and median wall time measured with
-- clock_timestamp() around EXECUTE, in one session, parallelism off.

SET max_parallel_workers_per_gather = 0;
SET jit = off;

CREATE FUNCTION pg_temp.bench(q text, reps int, OUT best_ms numeric, OUT median_ms numeric)
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	t0 timestamptz;
	ms float8[] := '{}';
BEGIN
	FOR i IN 1 .. reps LOOP
		t0 := clock_timestamp();
		EXECUTE q;
		ms := ms || (extract(epoch FROM clock_timestamp() - t0) * 1000)::float8;
	END LOOP;
	SELECT round(min(x)::numeric, 1), round((percentile_cont(0.5) WITHIN GROUP (ORDER BY x))::numeric, 1)
	  INTO best_ms, median_ms FROM unnest(ms) AS x;
END $$;

-- Warm the cache (table pages, enum OIDs, rule cache, core tables).
\o /dev/null
SELECT count(length(d)), count(bounce.reason_for(d)), count((bounce.classify(d)).reason)
FROM bench_diag;
\o

CREATE TEMP TABLE result (n int, what text, query text, best_ms numeric, median_ms numeric);
INSERT INTO result SELECT 1, 'floor', q, b.* FROM (VALUES ('SELECT count(length(d)) FROM bench_diag')) AS v(q), pg_temp.bench(q, :reps) b;
INSERT INTO result SELECT 2, 'scalar', q, b.* FROM (VALUES ('SELECT count(bounce.reason_for(d)) FROM bench_diag')) AS v(q), pg_temp.bench(q, :reps) b;
INSERT INTO result SELECT 3, 'scalar builtin', q, b.* FROM (VALUES ('SELECT count(bounce.reason_builtin(d)) FROM bench_diag')) AS v(q), pg_temp.bench(q, :reps) b;
INSERT INTO result SELECT 4, 'composite', q, b.* FROM (VALUES ('SELECT count((bounce.classify(d)).reason) FROM bench_diag')) AS v(q), pg_temp.bench(q, :reps) b;
\if :have_peer
INSERT INTO result SELECT 5, 'peer', q, b.* FROM (VALUES ('SELECT count(peer.reason(d)) FROM bench_diag')) AS v(q), pg_temp.bench(q, :peer_reps) b;
\endif

\echo
SELECT what, query, best_ms, median_ms,
	   round(best_ms * 1000000 / (SELECT count(*) FROM bench_diag), 0) AS ns_per_row
FROM result ORDER BY n;

\echo
SELECT 'scalar / floor' AS ratio, round(s.best_ms / f.best_ms, 2) AS best, round(s.median_ms / f.median_ms, 2) AS median,
	   'bar <= 2' AS bar, CASE WHEN s.median_ms / f.median_ms <= 2 THEN 'met' ELSE 'MISSED' END AS verdict
FROM result s, result f WHERE s.what = 'scalar' AND f.what = 'floor'
UNION ALL
SELECT 'composite / floor', round(c.best_ms / f.best_ms, 2), round(c.median_ms / f.median_ms, 2), '', ''
FROM result c, result f WHERE c.what = 'composite' AND f.what = 'floor'
UNION ALL
SELECT 'peer / scalar', round(p.best_ms / s.best_ms, 1), round(p.median_ms / s.median_ms, 1),
	   'bar >= 20', CASE WHEN p.median_ms / s.median_ms >= 20 THEN 'met' ELSE 'MISSED' END
FROM result p, result s WHERE p.what = 'peer' AND s.what = 'scalar';
