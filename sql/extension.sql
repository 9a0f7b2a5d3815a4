-- Catalog checks over every member of the extension: what a DBA reviewing
-- an install script looks for.  Each query lists violations: expect none.

-- Every member lives in schema bounce (functions, types, tables, operators);
-- an event trigger belongs to no schema.
SELECT pg_describe_object(d.classid, d.objid, 0) AS outside_schema
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'bounce'
WHERE d.deptype = 'e' AND d.classid <> 'pg_event_trigger'::regclass
  AND (pg_identify_object(d.classid, d.objid, 0)).schema IS DISTINCT FROM 'bounce'
ORDER BY 1;

-- SQL and PL/pgSQL functions pin search_path; no SECURITY DEFINER without it.
SELECT p.oid::regprocedure AS unpinned
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'bounce'
JOIN pg_language l ON l.oid = p.prolang
WHERE (l.lanname IN ('sql', 'plpgsql') OR p.prosecdef)
  AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search\_path=%')
ORDER BY 1;

-- Functions, types, tables and views have a comment.
SELECT pg_describe_object(d.classid, d.objid, 0) AS uncommented
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'bounce'
WHERE d.deptype = 'e'
  AND d.classid IN ('pg_proc'::regclass, 'pg_type'::regclass, 'pg_class'::regclass)
  AND obj_description(d.objid, d.classid::regclass::text) IS NULL
  -- support functions of types and operator classes speak for themselves
  AND NOT EXISTS (SELECT 1 FROM pg_type t WHERE d.classid = 'pg_proc'::regclass
                  AND d.objid IN (t.typinput, t.typoutput, t.typreceive, t.typsend))
  AND NOT EXISTS (SELECT 1 FROM pg_amproc a WHERE d.classid = 'pg_proc'::regclass AND a.amproc = d.objid)
  AND NOT EXISTS (SELECT 1 FROM pg_operator o WHERE d.classid = 'pg_proc'::regclass AND o.oprcode = d.objid)
  AND NOT EXISTS (SELECT 1 FROM pg_aggregate a WHERE d.classid = 'pg_proc'::regclass
                  AND d.objid IN (a.aggtransfn, a.aggcombinefn, a.aggfinalfn))
  -- array types, composite row types of tables and sequences are implicit
  AND NOT EXISTS (SELECT 1 FROM pg_type t WHERE d.classid = 'pg_type'::regclass AND t.oid = d.objid
                  AND (t.typelem <> 0 OR t.typrelid <> 0))
  AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE d.classid = 'pg_class'::regclass AND c.oid = d.objid
                  AND c.relkind IN ('S', 'i'))
  AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE d.classid = 'pg_proc'::regclass
                  AND t.tgfoid = d.objid AND t.tgrelid IN (SELECT objid FROM pg_depend x
                      WHERE x.refobjid = e.oid AND x.classid = 'pg_class'::regclass))
ORDER BY 1;

-- Aggregates: a combine function, a concrete state type, parallel safe.
SELECT a.aggfnoid::regprocedure AS aggregate_not_parallel
FROM pg_aggregate a
JOIN pg_proc p ON p.oid = a.aggfnoid
WHERE p.pronamespace = 'bounce'::regnamespace
  AND (a.aggcombinefn = 0 OR a.aggtranstype = 'internal'::regtype OR p.proparallel <> 's')
ORDER BY 1;

-- C functions declared IMMUTABLE or STABLE are also PARALLEL SAFE, unless
-- they are trigger functions or write.
SELECT p.oid::regprocedure AS not_parallel_safe
FROM pg_proc p
WHERE p.pronamespace = 'bounce'::regnamespace
  AND p.provolatile IN ('i', 's') AND p.proparallel <> 's'
  AND p.prorettype <> 'trigger'::regtype
ORDER BY 1;

-- Tables holding user configuration are dumped with the database.
SELECT c.oid::regclass AS config_table
FROM pg_extension e, unnest(e.extconfig) AS c(oid)
WHERE e.extname = 'bounce'
ORDER BY 1;
