-- The bounce.tally aggregates run in parallel (and push down on Citus):
-- a combine function, a concrete state type, PARALLEL SAFE.

SELECT a.aggfnoid::regprocedure AS aggregate,
	   a.aggtransfn::regproc AS transfn,
	   a.aggcombinefn::regproc AS combinefn,
	   a.aggtranstype::regtype AS state_type,
	   t.typtype = 'p' AS state_is_pseudo_type,
	   a.agginitval,
	   p.proparallel
FROM pg_aggregate a
	 JOIN pg_proc p ON p.oid = a.aggfnoid
	 JOIN pg_type t ON t.oid = a.aggtranstype
WHERE p.pronamespace = 'bounce'::regnamespace
  AND p.proname = 'tally'
ORDER BY 1::text;

-- Every function of the tally family is parallel safe; all but the
-- table-reading bounce.provider are immutable.
SELECT p.oid::regprocedure, p.provolatile, p.proisstrict, p.proparallel
FROM pg_proc p
WHERE p.pronamespace = 'bounce'::regnamespace
  AND p.proname IN ('tally', 'tally_in', 'tally_out', 'tally_recv', 'tally_send',
					'tally_count', 'tally_add', 'tally_eq', 'tally_ne', 'sent', 'bounced',
					'rate', 'tier', 'health', 'spike', 'spike_z')
ORDER BY 1::text;

CREATE TABLE outcome (campaign int, kind bounce.kind);
INSERT INTO outcome
SELECT i % 40,
	   CASE WHEN i % 53 = 0 THEN 'hard'
			WHEN i % 41 = 0 THEN 'soft'
			WHEN i % 89 = 0 THEN 'block'
			WHEN i % 997 = 0 THEN 'undetermined'
			WHEN i % 17 = 0 THEN 'none'
	   END::bounce.kind
FROM generate_series(1, 20000) i;
ANALYZE outcome;

-- Serial.
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_total AS SELECT bounce.tally(kind) AS t FROM outcome;
CREATE TEMP TABLE serial_per AS
	SELECT campaign, bounce.tally(kind) AS t FROM outcome GROUP BY campaign;
CREATE TABLE per_campaign AS
	SELECT campaign, bounce.tally(kind) AS t FROM outcome, generate_series(1, 50) g
	GROUP BY campaign, g;
ANALYZE per_campaign;
CREATE TEMP TABLE serial_rollup AS
	SELECT bounce.tally(t) AS t FROM per_campaign;

-- Parallel.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;

EXPLAIN (COSTS OFF) SELECT bounce.tally(kind) FROM outcome;
SELECT bounce.tally(kind) AS t, (SELECT t FROM serial_total) AS serial,
	   bounce.tally(kind) OPERATOR(bounce.=) (SELECT t FROM serial_total) AS equal
FROM outcome;

EXPLAIN (COSTS OFF)
SELECT bounce.tier(bounce.tally(kind)), bounce.rate(bounce.tally(kind)) FROM outcome;
SELECT bounce.tier(bounce.tally(kind)), round(bounce.rate(bounce.tally(kind))::numeric, 4) AS rate
FROM outcome;

-- Per group: partial aggregates per worker, combined per campaign.
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT campaign, bounce.tally(kind) FROM outcome GROUP BY campaign;
SELECT count(*) AS campaigns,
	   count(*) FILTER (WHERE p.t OPERATOR(bounce.=) s.t) AS equal
FROM (SELECT campaign, bounce.tally(kind) AS t FROM outcome GROUP BY campaign) p
	 JOIN serial_per s USING (campaign);
RESET enable_hashagg;

-- The rollup aggregate in parallel.
EXPLAIN (COSTS OFF) SELECT bounce.tally(t) FROM per_campaign;
SELECT bounce.tally(t) AS t, (SELECT t FROM serial_rollup) AS serial,
	   bounce.tally(t) OPERATOR(bounce.=) (SELECT t FROM serial_rollup) AS equal
FROM per_campaign;

RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
DROP TABLE outcome, per_campaign;
