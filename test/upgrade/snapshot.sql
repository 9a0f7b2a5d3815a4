-- The user's data and objects, as text: the rows of every table and view
-- of schema shop and of every configuration table of the extension (the
-- state, suppression list and audit, rules, policy...), sequences, and the
-- definitions of the user's view, triggers, functions and indexes.  Printed
-- when the old library wrote them, when the new library reads them under
-- the old version's SQL, after the update, and after a dump and restore:
-- all must be the same.  Used by test/check-upgrade.sh
-- (psql -qXAt -v columns=... -f).
SET client_min_messages = warning;
SET timezone = 'UTC';
SET extra_float_digits = 0;
SET search_path = pg_catalog, pg_temp;

-- The tables and columns compared: the variable columns, a JSON object
-- {table: [column, ...]} that the first snapshot (before the update) prints
-- and the later ones are given, so a table or column a new version adds to
-- the extension is not a difference; an empty variable means every table
-- and column there is now.
SELECT coalesce(nullif(:'columns', ''), (
	SELECT jsonb_object_agg(c.oid::regclass::text,
			(SELECT jsonb_agg(a.attname ORDER BY a.attnum) FROM pg_attribute a
			 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped))
	FROM pg_class c
	WHERE c.relkind IN ('r', 'v', 'm', 'p')
	  AND (c.relnamespace = 'shop'::regnamespace
		   OR c.oid IN (SELECT unnest(extconfig) FROM pg_extension WHERE extname = 'bounce')))::text) AS columns
\gset
SELECT 'columns ' || :'columns';

CREATE FUNCTION pg_temp.rows_of(rel text, cols jsonb) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format('SELECT %L || '' '' || ROW(%s)::text FROM %s r',
		rel, (SELECT string_agg(format('r.%I', c), ', ') FROM jsonb_array_elements_text(cols) c), rel);
END $$;

SELECT fact FROM (
	SELECT 'rows ' || line AS fact
	FROM jsonb_each(:'columns'::jsonb) AS t(rel, cols), pg_temp.rows_of(t.rel, t.cols) AS line) f
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
