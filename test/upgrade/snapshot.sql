-- The user's data and objects, as text: the rows of every table and view
-- of schema shop and of every configuration table of the extension (the
-- state, suppression list and audit, rules, policy...), sequences, and the
-- definitions of the user's view, triggers, functions and indexes.  Printed
-- before the update, after it, and after a dump and restore: the three must
-- be the same.  Used by test/check-upgrade.sh (psql -qXAt -f).
SET client_min_messages = warning;
SET timezone = 'UTC';
SET extra_float_digits = 0;
SET search_path = pg_catalog, pg_temp;

CREATE FUNCTION pg_temp.rows_of(rel regclass) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format(
		'SELECT %L || '' '' || r::text FROM %s r ORDER BY r::text COLLATE "C"', rel::text, rel);
END $$;

SELECT fact FROM (
	SELECT 'rows ' || line AS fact
	FROM (SELECT c.oid::regclass AS rel
		  FROM pg_class c
		  WHERE c.relnamespace = 'shop'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'p')
		  UNION
		  SELECT unnest(extconfig)::regclass FROM pg_extension WHERE extname = 'bounce') r,
		 pg_temp.rows_of(r.rel) AS line
	WHERE (SELECT relkind FROM pg_class WHERE oid = r.rel) <> 'S') f
ORDER BY fact COLLATE "C";

SELECT 'sequence ' || c.oid::regclass || ' ' || s.last_value
FROM pg_class c, LATERAL (SELECT (pg_sequence_last_value(c.oid)) AS last_value) s
WHERE c.relnamespace = 'shop'::regnamespace AND c.relkind = 'S'
ORDER BY 1;

SELECT 'view ' || c.oid::regclass || ': ' || pg_get_viewdef(c.oid)
FROM pg_class c WHERE c.relnamespace = 'shop'::regnamespace AND c.relkind IN ('v', 'm')
ORDER BY 1;
SELECT 'trigger ' || pg_get_triggerdef(t.oid)
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE c.relnamespace = 'shop'::regnamespace AND NOT t.tgisinternal
ORDER BY 1;
SELECT 'function ' || p.oid::regprocedure || ' ' || pg_get_functiondef(p.oid)
FROM pg_proc p WHERE p.pronamespace = 'shop'::regnamespace
ORDER BY 1;
SELECT 'index ' || pg_get_indexdef(i.indexrelid)
FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
WHERE c.relnamespace = 'shop'::regnamespace
ORDER BY 1;
SELECT 'column ' || a.attrelid::regclass || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
WHERE c.relnamespace = 'shop'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY 1;
