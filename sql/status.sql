-- bounce.smtp_status: RFC 3463 enhanced status codes
SET search_path = bounce, public;

-- Operator classes are complete and valid (as contrib/isn checks).
SELECT amname, opcname
FROM pg_opclass opc JOIN pg_am am ON am.oid = opc.opcmethod
WHERE opc.opcnamespace = 'bounce'::regnamespace
ORDER BY 1, 2;
SELECT opcname FROM pg_opclass
WHERE opcnamespace = 'bounce'::regnamespace AND NOT amvalidate(oid);

-- Valid input round-trips; subject and detail may have up to three digits.
SELECT s::smtp_status AS status,
       status_class(s::smtp_status) AS class,
       status_subject(s::smtp_status) AS subject,
       status_detail(s::smtp_status) AS detail
FROM unnest(ARRAY['2.0.0', '4.7.1', '5.1.1', '5.1.10', '5.7.606', '4.999.999', '5.01.001']) AS s;

-- Bad input is refused with 22P02, naming the type and the value.
\set VERBOSITY default
SELECT '6.1.1'::smtp_status;
SELECT '5.1'::smtp_status;
SELECT '5.1.1000'::smtp_status;
SELECT '5.1.1x'::smtp_status;
SELECT ''::smtp_status;
SELECT ' 5.1.1'::smtp_status;
SELECT '+5.1.1'::smtp_status;
SELECT '5..1'::smtp_status;
SELECT '55.1.1'::smtp_status;
SELECT '5.1.1.1'::smtp_status;
\set VERBOSITY terse
DO $$
DECLARE
	bad text;
BEGIN
	FOREACH bad IN ARRAY ARRAY['6.1.1', '5.1', '5.1.1000', '5.1.1x', '', '3.1.1', '5.1.', '.1.1', '5.-1.1']
	LOOP
		BEGIN
			PERFORM bad::bounce.smtp_status;
			RAISE NOTICE '% accepted', bad;
		EXCEPTION WHEN invalid_text_representation THEN
			RAISE NOTICE '% refused with 22P02', quote_literal(bad);
		END;
	END LOOP;
END $$;
\set VERBOSITY default

-- Integer order is the natural order, not the text order.
SELECT s FROM unnest(ARRAY['5.1.10', '5.1.2', '4.7.1', '5.10.0', '2.0.0', '5.1.1']::smtp_status[]) AS s
ORDER BY s;
SELECT '5.1.2'::smtp_status < '5.1.10'::smtp_status AS lt,
       '5.1.1'::smtp_status = '5.01.001'::smtp_status AS eq,
       '4.7.1'::smtp_status <> '5.7.1'::smtp_status AS ne,
       '5.7.1'::smtp_status >= '5.7.1'::smtp_status AS ge,
       '5.0.0'::smtp_status > '4.999.999'::smtp_status AS gt,
       '2.0.0'::smtp_status <= '2.0.0'::smtp_status AS le;

-- Both operator classes are used: btree index scans, hash joins and hash aggregation.
CREATE TABLE status_sample (s smtp_status);
INSERT INTO status_sample
SELECT format('%s.%s.%s', (ARRAY[2, 4, 5])[1 + i % 3], i % 8, i % 31)::smtp_status
FROM generate_series(1, 3000) AS i;
CREATE INDEX ON status_sample (s);
ANALYZE status_sample;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM status_sample WHERE s = '5.1.1';
SELECT count(*) FROM status_sample WHERE s = '5.1.1';
SELECT count(*) FROM status_sample WHERE s BETWEEN '5.1.0' AND '5.1.999';
RESET enable_seqscan;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT s, count(*) FROM status_sample GROUP BY s;
SELECT count(*) FROM (SELECT s, count(*) FROM status_sample GROUP BY s) g;
RESET enable_sort;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM status_sample a JOIN status_sample b USING (s) WHERE a.s < '2.1.0';
SELECT count(*) FROM status_sample a JOIN status_sample b USING (s) WHERE a.s < '2.1.0';
RESET enable_mergejoin;
RESET enable_nestloop;
DROP TABLE status_sample;

-- Binary output is the packed int4; COPY BINARY round-trips through receive.
SELECT smtp_status_send('5.7.26') AS sent, int4send(5007026) = smtp_status_send('5.7.26') AS packed;
CREATE TEMP TABLE status_copy (s smtp_status);
INSERT INTO status_copy VALUES ('5.1.1'), ('4.7.650'), (NULL);
-- the file lives in this cluster's data directory, named by the backend,
-- and is removed afterwards: no fixed path shared with anyone
SELECT current_setting('data_directory') || '/bounce_status_copy.' || pg_backend_pid() || '.bin' AS copy_file \gset
\set copy_rm 'rm -f ' :copy_file
COPY status_copy TO :'copy_file' WITH (FORMAT binary);
CREATE TEMP TABLE status_copy_back (s smtp_status);
COPY status_copy_back FROM :'copy_file' WITH (FORMAT binary);
COPY (SELECT) TO PROGRAM :'copy_rm';
SELECT * FROM status_copy_back;

-- describe(): the registry's meaning, or the subject's for unregistered codes.
SELECT s, describe(s::smtp_status)
FROM unnest(ARRAY['2.0.0', '5.1.1', '5.1.10', '4.2.2', '5.4.7', '5.7.1', '5.7.26', '5.7.27', '5.7.30',
                  '5.7.606', '4.4.316', '5.9.1']) AS s;
-- every registered code from X.0.0 to X.7.30 has its own meaning
SELECT count(*) AS registered
FROM generate_series(0, 9) AS sub, generate_series(0, 40) AS det
WHERE describe(format('5.%s.%s', sub, det)::smtp_status) NOT LIKE '%(detail not in the registry)';

-- Markings of every function of the type.
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel
FROM pg_proc p
WHERE p.pronamespace = 'bounce'::regnamespace
  AND (p.proname LIKE 'smtp\_status\_%'
       OR p.proname IN ('status_class', 'status_subject', 'status_detail', 'describe'))
ORDER BY 1;
