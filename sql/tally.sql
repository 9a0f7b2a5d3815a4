-- bounce.tally: the type, its aggregates, rates, tiers, health and spikes.

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

-- Text form: the output, and input of exactly what the output writes.
SELECT '(sent=1000,hard=12,soft=3,block=5,undetermined=1)'::bounce.tally;
SELECT '  (sent=0,hard=0,soft=0,block=0,undetermined=0)  '::bounce.tally;
SELECT '(sent=9223372036854775807,hard=9223372036854775807,soft=0,block=0,undetermined=0)'::bounce.tally;
SELECT t::text::bounce.tally OPERATOR(bounce.=) t AS round_trip
FROM (VALUES ('(sent=1000,hard=12,soft=3,block=5,undetermined=1)'::bounce.tally),
			 ('(sent=7,hard=0,soft=0,block=0,undetermined=7)'),
			 ('(sent=0,hard=0,soft=0,block=0,undetermined=0)')) v(t);

-- Bad input: the type and the value named, what was expected, the form.
SELECT '(sent=1000, hard=12,soft=3,block=5,undetermined=1)'::bounce.tally;
SELECT '(sent=1000,hard=-12,soft=3,block=5,undetermined=1)'::bounce.tally;
SELECT '(sent=10,hard=6,soft=5,block=0,undetermined=0)'::bounce.tally;
SELECT '(sent=9223372036854775808,hard=0,soft=0,block=0,undetermined=0)'::bounce.tally;
SELECT input, pg_temp.error_of(format('SELECT %L::bounce.tally', input)) AS error
FROM unnest(ARRAY[
	'',
	'()',
	'sent=1,hard=0,soft=0,block=0,undetermined=0',
	'(sent=1000,hard=12,soft=3,block=5)',
	'(hard=12,sent=1000,soft=3,block=5,undetermined=1)',
	'(sent=,hard=0,soft=0,block=0,undetermined=0)',
	'(sent=+1,hard=0,soft=0,block=0,undetermined=0)',
	'(sent=1,hard=0,soft=0,block=0,undetermined=0) x',
	'(sent=1,hard=0,soft=0,block=0,undetermined=0',
	'(sent=1000,hard=1.5,soft=3,block=5,undetermined=1)',
	'(SENT=1,hard=0,soft=0,block=0,undetermined=0)',
	'(sent=1,hard=0,soft=0,block=0,undetermined=0,complaint=0)',
	'(sent=1,hard=-0,soft=0,block=0,undetermined=0)',
	'(sent=-1,hard=0,soft=0,block=0,undetermined=0)',
	'(sent=3,hard=1,soft=1,block=1,undetermined=1)',
	'(sent=1,hard=0,soft=0,block=0,undetermined=99999999999999999999)'
]) input;

-- From counts made elsewhere.
SELECT bounce.tally(1000, 12, 3, 5, 1);
SELECT bounce.tally(sent => 250, block => 40);
SELECT bounce.tally(0);
SELECT bounce.tally(10, hard => -1);
SELECT bounce.tally(10, hard => 6, soft => 5);
SELECT bounce.tally(NULL, 1) IS NULL AS strict;

-- Binary form: a format version byte, then the counts as int8 (version 2,
-- from 1.1: seven; tally_complaints reads version 1 too).
SELECT bounce.tally_send('(sent=1000,hard=12,soft=3,block=5,undetermined=1)');
-- Binary input is reached through COPY (FORMAT binary): a file written from
-- a bytea column holds just those bytes, which COPY FROM hands to tally_recv.
CREATE TEMP TABLE tally_binary (t bounce.tally);
CREATE FUNCTION pg_temp.tally_from_binary(b bytea) RETURNS bounce.tally
LANGUAGE plpgsql AS $$
DECLARE
	f text := current_setting('data_directory') || '/bounce_tally_regress.bin';
	r bounce.tally;
BEGIN
	EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', b, f);
	TRUNCATE tally_binary;
	EXECUTE format('COPY tally_binary FROM %L (FORMAT binary)', f);
	SELECT t INTO r FROM tally_binary;
	RETURN r;
END $$;
SELECT t, pg_temp.tally_from_binary(bounce.tally_send(t)) OPERATOR(bounce.=) t AS round_trip
FROM (VALUES ('(sent=1000,hard=12,soft=3,block=5,undetermined=1)'::bounce.tally),
			 ('(sent=9223372036854775807,hard=1,soft=2,block=3,undetermined=4)'),
			 ('(sent=0,hard=0,soft=0,block=0,undetermined=0)')) v(t);
\set SHOW_CONTEXT never
-- version 3
SELECT pg_temp.tally_from_binary('\x030000000000000001000000000000000000000000000000000000000000000000000000000000000000'::bytea);
-- negative sent
SELECT pg_temp.tally_from_binary('\x01ffffffffffffffff0000000000000000000000000000000000000000000000000000000000000000'::bytea);
-- more bounces than sent
SELECT pg_temp.tally_from_binary('\x0100000000000000010000000000000001000000000000000100000000000000000000000000000000'::bytea);
-- too short
SELECT pg_temp.tally_from_binary('\x01000000000000000100'::bytea);
-- too long
SELECT pg_temp.tally_from_binary('\x010000000000000001000000000000000000000000000000000000000000000000000000000000000000'::bytea);
\set SHOW_CONTEXT errors

-- The aggregate over outcomes: NULL and none are sent, not bounced.
SELECT bounce.tally(k)
FROM (VALUES ('hard'::bounce.kind), ('hard'), ('soft'), ('block'), ('undetermined'),
			 ('none'), (NULL), (NULL)) v(k);
-- over no rows: the zero tally, like count()
SELECT bounce.tally(k) FROM (SELECT 'hard'::bounce.kind WHERE false) v(k);
SELECT bounce.tally(t) FROM (SELECT NULL::bounce.tally WHERE false) v(t);

-- Per group and rolled up: the sum of the parts is the whole.
CREATE TEMP TABLE outcome AS
SELECT i, i % 7 AS campaign,
	   CASE WHEN i % 50 = 0 THEN 'hard'
			WHEN i % 31 = 0 THEN 'soft'
			WHEN i % 97 = 0 THEN 'block'
			WHEN i % 499 = 0 THEN 'undetermined'
			WHEN i % 13 = 0 THEN 'none'
	   END::bounce.kind AS kind
FROM generate_series(1, 10000) i;
SELECT campaign, bounce.tally(kind) FROM outcome GROUP BY campaign ORDER BY campaign;
SELECT (SELECT bounce.tally(t) FROM (SELECT bounce.tally(kind) t FROM outcome GROUP BY campaign) c)
	   OPERATOR(bounce.=) (SELECT bounce.tally(kind) FROM outcome) AS rollup_equal;
SELECT bounce.tally(kind) OPERATOR(bounce.=) bounce.tally(
		   count(*), count(*) FILTER (WHERE kind = 'hard'), count(*) FILTER (WHERE kind = 'soft'),
		   count(*) FILTER (WHERE kind = 'block'), count(*) FILTER (WHERE kind = 'undetermined'))
	   AS same_as_count
FROM outcome;
-- NULL tallies are skipped by the rollup
SELECT bounce.tally(t)
FROM (VALUES ('(sent=10,hard=1,soft=0,block=0,undetermined=0)'::bounce.tally), (NULL),
			 ('(sent=5,hard=0,soft=0,block=5,undetermined=0)')) v(t);
-- hashed and sorted grouping agree
SET enable_hashagg = off;
SELECT campaign, bounce.tally(kind) FROM outcome GROUP BY campaign ORDER BY campaign LIMIT 2;
RESET enable_hashagg;
-- as a window function: a running tally
SELECT i, kind, bounce.tally(kind) OVER (ORDER BY i) FROM outcome WHERE i BETWEEN 46 AND 52;
-- called directly, the transition functions leave their argument alone
SELECT t, bounce.tally_count(t, 'hard') AS counted, bounce.tally_count(t, NULL) AS sent_only,
	   bounce.tally_count(NULL, 'soft') AS from_null, t OPERATOR(bounce.+) t AS doubled, t
FROM (SELECT '(sent=10,hard=1,soft=2,block=3,undetermined=4)'::bounce.tally t) s;

-- + and =
SELECT '(sent=10,hard=1,soft=0,block=0,undetermined=0)'::bounce.tally
	   OPERATOR(bounce.+) '(sent=5,hard=0,soft=1,block=2,undetermined=0)';
SELECT '(sent=9223372036854775807,hard=0,soft=0,block=0,undetermined=0)'::bounce.tally
	   OPERATOR(bounce.+) '(sent=1,hard=0,soft=0,block=0,undetermined=0)';
SELECT bounce.tally(t)
FROM (VALUES ('(sent=9223372036854775807,hard=0,soft=0,block=0,undetermined=0)'::bounce.tally),
			 ('(sent=1,hard=0,soft=0,block=0,undetermined=0)')) v(t);
SELECT bounce.tally(10, 1) OPERATOR(bounce.=) bounce.tally(10, 1) AS eq,
	   bounce.tally(10, 1) OPERATOR(bounce.=) bounce.tally(10, 0, 1) AS eq_other,
	   bounce.tally(10, 1) OPERATOR(bounce.<>) bounce.tally(10, 0, 1) AS ne;
-- the operators are found through the search path too
SET search_path = bounce, public;
SELECT tally(10, 1) + tally(5, 0, 1) = tally(15, 1, 1) AS unqualified;
RESET search_path;

-- Counts and rates (double precision percentages).
SELECT bounce.sent(t), bounce.bounced(t), bounce.bounced(t, 'hard') AS hard,
	   bounce.bounced(t, 'soft') AS soft, bounce.bounced(t, 'block') AS block,
	   bounce.bounced(t, 'undetermined') AS undetermined,
	   bounce.rate(t), bounce.rate(t, 'hard') AS hard_rate, bounce.rate(t, 'soft') AS soft_rate,
	   bounce.rate(t, 'block') AS block_rate, bounce.rate(t, 'undetermined') AS undetermined_rate
FROM (SELECT '(sent=1000,hard=12,soft=3,block=5,undetermined=1)'::bounce.tally t) s;
SELECT bounce.rate(bounce.tally(3, 1)), bounce.rate(bounce.tally(100, 2), 'hard');
-- nothing sent: no rate, no tier, no health
SELECT bounce.rate(t), bounce.rate(t, 'hard'), bounce.tier(t), bounce.health(t)
FROM (SELECT bounce.tally(0) t) s;
SELECT bounce.rate(NULL::bounce.tally), bounce.tier(NULL::bounce.tally);
-- none is not a bounce
SELECT bounce.rate(bounce.tally(10), 'none');
SELECT bounce.bounced(bounce.tally(10), 'none');

-- Tiers and health on the hard-bounce rate: SPEC section 6, exactly.
SELECT hard, sent, bounce.rate(t, 'hard') AS hard_rate, bounce.tier(t), bounce.health(t)
FROM (VALUES (0, 100), (99, 10000), (1, 100), (2, 100), (3, 150), (7, 350), (7, 349),
			 (201, 10000), (5, 100), (501, 10000), (10, 100), (1001, 10000),
			 (1, 3), (100, 100)) v(hard, sent),
	 LATERAL (SELECT bounce.tally(sent, hard)) s(t);
-- only hard bounces set the tier: many soft and block bounces do not
SELECT bounce.tier(bounce.tally(1000, 5, 300, 300, 100)), bounce.health(bounce.tally(1000, 5, 300, 300, 100));
-- huge counts, far beyond double precision, still compare exactly
SELECT bounce.tier(bounce.tally(9223372036854775807, 184467440737095516)) AS at_2,
	   bounce.tier(bounce.tally(9223372036854775807, 184467440737095517)) AS above_2;
-- bare rates, numeric and double precision
SELECT r, bounce.tier(r) AS tier, bounce.health(r) AS health,
	   bounce.tier(r::double precision) AS tier_float, bounce.health(r::double precision) AS health_float
FROM unnest(ARRAY[0, 0.99, 1, 1.5, 2, 2.000001, 2.01, 5, 5.01, 10, 10.01, 100]::numeric[]) r;
SELECT bounce.tier(2), bounce.health(2), bounce.tier(3), bounce.tier(2.0000000000000000000001);
SELECT bounce.tier(bounce.rate(bounce.tally(100, 2), 'hard'));
SELECT bounce.tier(-0.5);
SELECT bounce.tier(100.5::double precision);
SELECT bounce.health('NaN'::numeric);
SELECT bounce.tier('Infinity'::double precision);

-- Spikes: a rate against its own baseline (one-sided two-proportion z test).
SELECT round(bounce.spike_z(cur, base)::numeric, 3) AS z_all,
	   round(bounce.spike_z(cur, base, 'hard')::numeric, 3) AS z_hard,
	   round(bounce.spike_z(cur, base, 'block')::numeric, 3) AS z_block,
	   bounce.spike(cur, base) AS spike_all,
	   bounce.spike(cur, base, 'hard') AS spike_hard,
	   bounce.spike(cur, base, 'block') AS spike_block,
	   bounce.spike(base, cur, 'block') AS reversed
FROM (SELECT bounce.tally(1000, 10, 5, 300, 0) cur, bounce.tally(10000, 100, 50, 20, 0) base) s;
-- 3 % against 1 %: z = 5.58
SELECT round(bounce.spike_z(bounce.tally(1000, 30), bounce.tally(10000, 100), 'hard')::numeric, 2) AS z,
	   bounce.spike(bounce.tally(1000, 30), bounce.tally(10000, 100), 'hard') AS at_3,
	   bounce.spike(bounce.tally(1000, 30), bounce.tally(10000, 100), 'hard', z => 6) AS at_6;
-- volume: too little on either side gives no verdict
SELECT bounce.spike(bounce.tally(50, 40), bounce.tally(10000, 100), 'hard') AS small_current,
	   bounce.spike(bounce.tally(1000, 30), bounce.tally(99, 1), 'hard') AS small_baseline,
	   bounce.spike(bounce.tally(50, 40), bounce.tally(10000, 100), 'hard', min_sent => 50) AS lower_minimum,
	   bounce.spike_z(bounce.tally(0), bounce.tally(100, 1)) AS nothing_sent,
	   bounce.spike(bounce.tally(1000), bounce.tally(1000)) AS no_bounces,
	   bounce.spike_z(bounce.tally(1000), bounce.tally(1000)) AS z_no_bounces,
	   bounce.spike(NULL, bounce.tally(1000)) AS null_current;
SELECT bounce.spike(bounce.tally(1000), bounce.tally(1000), min_sent => -1);
SELECT bounce.spike(bounce.tally(1000), bounce.tally(1000), z => 'NaN');
SELECT bounce.spike(bounce.tally(1000), bounce.tally(1000), 'none');
