-- Operators outside the search_path: the operators of bounce.smtp_status
-- live in schema bounce.  Without it on the search_path a comparison needs
-- OPERATOR(bounce.<).  There is no implicit cast to int4 on purpose: with
-- one, `status = '5.1.1'` would resolve to int4 = int4 and fail on the
-- literal, and indexes on status columns would not be used.
SET search_path = public;
SELECT '5.1.2'::bounce.smtp_status < '5.1.10'::bounce.smtp_status AS lt;
SELECT '5.1.2'::bounce.smtp_status OPERATOR(bounce.<) '5.1.10' AS lt,
	   '5.1.1'::bounce.smtp_status OPERATOR(bounce.=) '5.1.1' AS eq;
SELECT count(*) AS casts FROM pg_cast
WHERE castsource = 'bounce.smtp_status'::regtype OR casttarget = 'bounce.smtp_status'::regtype;

-- With bounce on the search_path: the natural order, not the text order.
SET search_path = "$user", public, bounce;
SELECT '5.1.2'::bounce.smtp_status < '5.1.10' AS lt, '5.1.10'::bounce.smtp_status > '5.1.9' AS gt,
	   '4.7.1'::bounce.smtp_status < '5.0.0' AS class_first;
SELECT s FROM unnest('{5.1.10,5.1.2,4.7.1,5.1.1,2.0.0}'::bounce.smtp_status[]) s ORDER BY s;
RESET search_path;


-- An index on a status column serves OPERATOR(bounce.=) without the
-- search_path.
CREATE TABLE status_indexed (s bounce.smtp_status);
INSERT INTO status_indexed
SELECT (ARRAY['5.1.1', '5.1.10', '4.2.2', '5.7.1', '2.0.0'])[1 + g % 5]::bounce.smtp_status
FROM generate_series(1, 5000) g;
CREATE INDEX ON status_indexed (s);
ANALYZE status_indexed;
SET search_path = public;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM status_indexed WHERE s OPERATOR(bounce.=) '5.1.10';
SELECT count(*) FROM status_indexed WHERE s OPERATOR(bounce.=) '5.1.10';
RESET enable_seqscan;
RESET search_path;
DROP TABLE status_indexed;
