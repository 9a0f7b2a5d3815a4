-- bounce.tally counts deliveries and complaints (1.1): complaint rates and
-- tiers, the aggregate giving bounce and complaint standing in one pass,
-- and values written by 1.0 (text and binary) read as they were.

-- The SQLSTATE and detail of a statement's error, or 'ok'.
CREATE FUNCTION pg_temp.error_of(statement text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	state text;
	detail text;
BEGIN
	EXECUTE statement;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, detail = PG_EXCEPTION_DETAIL;
	RETURN state || ' ' || detail;
END $$;

-- Text form: 1.0's form is read and written as before; the long form when
-- deliveries or complaints are counted.
SELECT '(sent=1000,hard=12,soft=3,block=5,undetermined=1)'::bounce.tally AS v10;
SELECT '(sent=1000,hard=12,soft=3,block=5,undetermined=1,delivered=975,complaints=2)'::bounce.tally AS v11;
SELECT '(sent=1000,hard=12,soft=3,block=5,undetermined=1,delivered=0,complaints=0)'::bounce.tally AS zeros_print_short;
SELECT '(sent=1000,hard=0,soft=0,block=0,undetermined=0,delivered=0,complaints=1)'::bounce.tally AS complaint_only;
SELECT t::text::bounce.tally OPERATOR(bounce.=) t AS round_trip
FROM (VALUES ('(sent=1000,hard=12,soft=3,block=5,undetermined=1,delivered=975,complaints=2)'::bounce.tally),
			 ('(sent=35184372088831,hard=1,soft=2,block=3,undetermined=4,delivered=35184372088831,complaints=35184372088831)'),
			 ('(sent=9223372036854775807,hard=0,soft=0,block=0,undetermined=0)')) v(t);

-- Bad input.
SELECT '(sent=10,hard=0,soft=0,block=0,undetermined=0,delivered=11,complaints=0)'::bounce.tally;
SELECT '(sent=10,hard=0,soft=0,block=0,undetermined=0,delivered=1,complaints=11)'::bounce.tally;
SELECT input, pg_temp.error_of(format('SELECT %L::bounce.tally', input)) AS error
FROM unnest(ARRAY[
	'(sent=10,hard=0,soft=0,block=0,undetermined=0,delivered=1)',
	'(sent=10,hard=0,soft=0,block=0,undetermined=0,complaints=1,delivered=1)',
	'(sent=10,hard=0,soft=0,block=0,undetermined=0,)',
	'(sent=10,hard=0,soft=0,block=0,undetermined=0,delivered=1,complaints=1,x=1)',
	'(sent=10,hard=0,soft=0,block=0,undetermined=0,delivered=-1,complaints=0)',
	'(sent=10,hard=0,soft=0,block=0,undetermined=0,delivered=1,complaints=9223372036854775808)'
]) AS input;
-- Deliveries or complaints beside a count past 45 bits: out of range.
SELECT '(sent=35184372088832,hard=0,soft=0,block=0,undetermined=0,delivered=0,complaints=1)'::bounce.tally;
-- Without them, 1.0's range.
SELECT '(sent=35184372088832,hard=0,soft=0,block=0,undetermined=0)'::bounce.tally;
-- A sum that leaves the range is an error, never a wrong count.
SELECT bounce.tally(35184372088831, 0, 0, 0, 0, 0, 1) OPERATOR(bounce.+) bounce.tally(1);

-- The constructor: 1.0's five counts with defaults, or all seven.
SELECT bounce.tally(100) AS five, bounce.tally(100, 2, 1, 0, 0, 95, 1) AS seven;
SELECT pg_temp.error_of('SELECT bounce.tally(100, 0, 0, 0, 0, 101, 0)') AS too_many_delivered,
	   pg_temp.error_of('SELECT bounce.tally(100, 0, 0, 0, 0, 0, 101)') AS too_many_complaints,
	   pg_temp.error_of('SELECT bounce.tally(100, 0, 0, 0, 0, -1, 0)') AS negative;

-- Counts and the complaint rate: over delivered, or over sent when no
-- delivery is counted; a complaint is not a bounce.
SELECT t, bounce.sent(t), bounce.delivered(t), bounce.complaints(t),
	   bounce.bounced(t), bounce.rate(t) AS bounce_pct,
	   bounce.complaint_rate(t) AS complaint_pct, bounce.complaint_tier(t)
FROM (VALUES (bounce.tally(1000, 10, 0, 0, 0, 990, 2)),
			 (bounce.tally(1000, 10, 0, 0, 0, 0, 2)),
			 (bounce.tally(1000, 0, 0, 0, 0, 0, 0)),
			 (bounce.tally(0))) v(t);

-- Tiers at their boundaries, exactly: below 0.1 %, 0.1 % up to below 0.3 %,
-- 0.3 % up to below 0.5 %, 0.5 % and above.
SELECT complaints, delivered,
	   bounce.complaint_tier(bounce.tally(1000000, 0, 0, 0, 0, delivered, complaints))
FROM (VALUES (0, 1000000), (999, 1000000), (1000, 1000000), (2999, 1000000),
			 (3000, 1000000), (4999, 1000000), (5000, 1000000), (1000000, 1000000),
			 (1, 3000), (3, 3000), (1, 999)) v(complaints, delivered);
SELECT r, bounce.complaint_tier(r) AS from_numeric, bounce.complaint_tier(r::float8) AS from_float8
FROM unnest(ARRAY[0, 0.0999, 0.1, 0.2999, 0.3, 0.4999, 0.5, 100]::numeric[]) r;
SELECT pg_temp.error_of('SELECT bounce.complaint_tier(100.5)') AS over_100,
	   pg_temp.error_of('SELECT bounce.complaint_tier(-0.1::float8)') AS negative,
	   pg_temp.error_of('SELECT bounce.complaint_tier(''NaN''::float8)') AS nan;

-- One aggregate gives the bounce tier and the complaint standing: one row
-- per message sent (outcome, known delivered, complained).
CREATE TABLE sent_message (campaign int, outcome bounce.kind, delivered boolean, complained boolean);
INSERT INTO sent_message
SELECT i % 3,
	   CASE WHEN i % 50 = 0 THEN 'hard' WHEN i % 70 = 0 THEN 'block' END::bounce.kind,
	   CASE WHEN i % 50 = 0 OR i % 70 = 0 THEN false WHEN campaign_counts_deliveries THEN true END,
	   i % 3 = 1 AND i % 400 = 1 OR i % 3 = 2 AND i % 150 = 2
FROM generate_series(1, 30000) i, LATERAL (SELECT i % 3 <> 0 AS campaign_counts_deliveries) d;
SELECT campaign, t, bounce.tier(t), bounce.health(t),
	   round(bounce.complaint_rate(t)::numeric, 4) AS complaint_pct, bounce.complaint_tier(t)
FROM (SELECT campaign, bounce.tally(outcome, delivered, complained) AS t
	  FROM sent_message GROUP BY campaign) s
ORDER BY campaign;
-- Rolled up, and added: the counts add, the rates follow.
SELECT bounce.tally(t) AS account, bounce.complaint_tier(bounce.tally(t))
FROM (SELECT campaign, bounce.tally(outcome, delivered, complained) AS t
	  FROM sent_message GROUP BY campaign) s;
SELECT bounce.tally(100, 1, 0, 0, 0, 99, 1) OPERATOR(bounce.+) bounce.tally(50) AS sum;
-- The 1.0 aggregate over the same rows: no deliveries, no complaints.
SELECT bounce.tally(outcome) FROM sent_message;
-- NULLs: a message that did not bounce, not known delivered, no complaint.
SELECT bounce.tally(k, d, c)
FROM (VALUES (NULL::bounce.kind, NULL::boolean, NULL::boolean),
			 ('none', true, NULL), ('soft', NULL, false)) v(k, d, c);
SELECT bounce.tally_count(NULL, 'hard', true, true) AS direct_call;

-- In parallel: partial states combine into the serial result.
CREATE TEMP TABLE serial_result AS
	SELECT campaign, bounce.tally(outcome, delivered, complained) AS t
	FROM sent_message GROUP BY campaign;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF)
SELECT campaign, bounce.tally(outcome, delivered, complained) FROM sent_message GROUP BY campaign;
SELECT count(*) AS campaigns, count(*) FILTER (WHERE p.t OPERATOR(bounce.=) s.t) AS equal
FROM (SELECT campaign, bounce.tally(outcome, delivered, complained) AS t
	  FROM sent_message GROUP BY campaign) p
	 JOIN serial_result s USING (campaign);
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
RESET enable_hashagg;

-- Binary form: format version 2 adds delivered and complaints.
SELECT bounce.tally_send(bounce.tally(1000, 12, 3, 5, 1, 975, 2)) AS v2;
SELECT bounce.tally_send(bounce.tally(1000, 12, 3, 5, 1)) AS v2_without_complaints;

-- A binary value written by 1.0 (format version 1) and one by 1.1 (version
-- 2) are read; an unknown version is refused.  COPY (FORMAT binary) of a
-- bytea writes just its bytes, which COPY FROM hands to tally_recv.
CREATE TABLE binary_in (t bounce.tally);
CREATE FUNCTION pg_temp.copy_binary(value bytea) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	f text := current_setting('data_directory') || '/bounce_tally_complaints.bin';
BEGIN
	EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', value, f);
	EXECUTE format('COPY binary_in FROM %L (FORMAT binary)', f);
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ' ' || SQLERRM;
END $$;
-- version 1: sent 1000, hard 12, soft 3, block 5, undetermined 1
SELECT pg_temp.copy_binary('\x01' || int8send(1000) || int8send(12) || int8send(3)
						   || int8send(5) || int8send(1)) AS version_1;
-- version 2: the same with 975 delivered and 2 complaints
SELECT pg_temp.copy_binary('\x02' || int8send(1000) || int8send(12) || int8send(3)
						   || int8send(5) || int8send(1) || int8send(975) || int8send(2)) AS version_2;
SELECT pg_temp.copy_binary(bounce.tally_send(bounce.tally(7, 1, 0, 0, 0, 6, 1))) AS send_output;
SELECT pg_temp.copy_binary('\x03' || int8send(1)) AS version_3;
SELECT pg_temp.copy_binary('\x01' || int8send(1) || int8send(2) || int8send(0)
						   || int8send(0) || int8send(0)) AS too_many_bounces;
SELECT pg_temp.copy_binary('\x02' || int8send(1) || int8send(0) || int8send(0)
						   || int8send(0) || int8send(0) || int8send(0) || int8send(2)) AS too_many_complaints;
SELECT t, bounce.complaint_rate(t) FROM binary_in;

-- The objects 1.1 adds to the tally family: volatility, strictness,
-- parallel safety; the new aggregate keeps the rules of the others.
SELECT p.oid::regprocedure, p.provolatile, p.proisstrict, p.proparallel, p.prosrc
FROM pg_proc p
WHERE p.pronamespace = 'bounce'::regnamespace
  AND p.proname IN ('tally', 'tally_send', 'tally_count', 'delivered', 'complaints',
					'complaint_rate', 'complaint_tier')
ORDER BY 1::text;
SELECT a.aggfnoid::regprocedure, a.aggcombinefn::regproc, a.aggtranstype::regtype, p.proparallel
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
WHERE a.aggfnoid = 'bounce.tally(bounce.kind, boolean, boolean)'::regprocedure;

DROP TABLE sent_message, binary_in;
