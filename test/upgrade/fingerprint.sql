-- The catalog fingerprint of extension bounce: one line per fact about its
-- objects, with names, never OIDs, sorted.  Databases with the same
-- extension objects print the same lines, whatever the user's own objects
-- and data.  Generic: it walks pg_depend's members of the extension and the
-- objects hanging off them, so objects added to 1.1 by anyone are covered.
-- Used by test/check-upgrade.sh (psql -XAt -f).
SET search_path = pg_catalog, pg_temp;
SET extra_float_digits = 0;

WITH ext AS (
	SELECT * FROM pg_extension WHERE extname = 'bounce'
), member AS (
	SELECT d.classid, d.objid, d.objsubid
	FROM pg_depend d, ext
	WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'
), rel AS (			-- member relations (tables, views, sequences, composite types)
	SELECT c.* , c.oid AS reloid FROM pg_class c JOIN member m ON m.classid = 'pg_class'::regclass AND m.objid = c.oid
), fn AS (
	SELECT p.*, p.oid AS fnoid FROM pg_proc p JOIN member m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
), typ AS (
	SELECT t.*, t.oid AS typoid FROM pg_type t JOIN member m ON m.classid = 'pg_type'::regclass AND m.objid = t.oid
), nsp AS (			-- the extension's schema, and member schemas
	SELECT n.oid AS nspoid, n.* FROM pg_namespace n, ext
	WHERE n.oid = ext.extnamespace
	   OR EXISTS (SELECT FROM member m WHERE m.classid = 'pg_namespace'::regclass AND m.objid = n.oid)
), facts(section, line) AS (
	SELECT 'extension', format('%s version=%s relocatable=%s schema=%s owner=%s',
			extname, extversion, extrelocatable, extnamespace::regnamespace, extowner::regrole)
	FROM ext
	UNION ALL
	SELECT 'config', format('%s condition=%L', c.rel::regclass, c.cond)
	FROM ext, unnest(ext.extconfig, ext.extcondition) AS c(rel, cond)
	UNION ALL
	SELECT 'member', format('%s %s', o.type, o.identity)
	FROM member m, pg_identify_object(m.classid, m.objid, m.objsubid) o
	UNION ALL
	-- objects in the extension's schemas that are not members (forgotten
	-- by an upgrade script, or added by hand)
	SELECT 'not a member', format('%s %s', o.type, o.identity)
	FROM (SELECT 'pg_class'::regclass AS classid, c.oid AS objid FROM pg_class c JOIN nsp ON c.relnamespace = nsp.nspoid
		  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c')
			-- not what comes with another object: the relation of a
			-- composite type, a sequence owned by a column
			AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
							AND d.deptype IN ('i', 'a'))
		  UNION ALL
		  SELECT 'pg_proc', p.oid FROM pg_proc p JOIN nsp ON p.pronamespace = nsp.nspoid
		  UNION ALL
		  SELECT 'pg_type', t.oid FROM pg_type t JOIN nsp ON t.typnamespace = nsp.nspoid
		  WHERE t.typrelid = 0 AND NOT EXISTS (SELECT FROM pg_type e WHERE e.typarray = t.oid)
		  UNION ALL
		  SELECT 'pg_operator', o.oid FROM pg_operator o JOIN nsp ON o.oprnamespace = nsp.nspoid) x,
		 pg_identify_object(x.classid, x.objid, 0) o
	WHERE NOT EXISTS (SELECT FROM member m WHERE m.classid = x.classid AND m.objid = x.objid)
	UNION ALL
	SELECT 'comment', format('%s: %s', pg_describe_object(d.classoid, d.objoid, d.objsubid), d.description)
	FROM pg_description d
	WHERE EXISTS (SELECT FROM member m WHERE m.classid = d.classoid AND m.objid = d.objoid)
	   OR d.classoid = 'pg_constraint'::regclass
		  AND EXISTS (SELECT FROM pg_constraint c WHERE c.oid = d.objoid
					  AND (c.conrelid IN (SELECT reloid FROM rel) OR c.contypid IN (SELECT typoid FROM typ)))
	   OR d.classoid = 'pg_trigger'::regclass
		  AND EXISTS (SELECT FROM pg_trigger t WHERE t.oid = d.objoid AND t.tgrelid IN (SELECT reloid FROM rel))
	   OR d.classoid = 'pg_class'::regclass
		  AND EXISTS (SELECT FROM pg_index i WHERE i.indexrelid = d.objoid AND i.indrelid IN (SELECT reloid FROM rel))
	UNION ALL
	SELECT 'function', format('%s kind=%s lang=%s volatile=%s parallel=%s strict=%s secdef=%s leakproof=%s'
			' retset=%s cost=%s rows=%s support=%s config=%s args=(%s) returns=%s owner=%s acl=%s bin=%s src=%s',
			fnoid::regprocedure, prokind, l.lanname, provolatile, proparallel, proisstrict, prosecdef,
			proleakproof, proretset, procost, prorows, prosupport::regproc, proconfig,
			pg_get_function_arguments(fnoid), pg_get_function_result(fnoid), proowner::regrole,
			proacl, probin, prosrc)
	FROM fn JOIN pg_language l ON l.oid = fn.prolang
	UNION ALL
	SELECT 'aggregate', format('%s kind=%s direct=%s sfunc=%s stype=%s space=%s init=%s final=%s'
			' extra=%s modify=%s combine=%s serial=%s deserial=%s msfunc=%s minv=%s mstype=%s'
			' minit=%s mfinal=%s sortop=%s',
			a.aggfnoid::regprocedure, aggkind, aggnumdirectargs, aggtransfn::regprocedure,
			aggtranstype::regtype, aggtransspace, agginitval, aggfinalfn::regprocedure, aggfinalextra,
			aggfinalmodify, aggcombinefn::regprocedure, aggserialfn::regprocedure,
			aggdeserialfn::regprocedure, aggmtransfn::regprocedure, aggminvtransfn::regprocedure,
			aggmtranstype::regtype, aggminitval, aggmfinalfn::regprocedure, aggsortop::regoperator)
	FROM pg_aggregate a JOIN fn ON fn.fnoid = a.aggfnoid
	UNION ALL
	SELECT 'type', format('%s type=%s len=%s byval=%s align=%s storage=%s category=%s preferred=%s'
			' delim=%s in=%s out=%s recv=%s send=%s modin=%s modout=%s analyze=%s subscript=%s'
			' elem=%s array=%s base=%s typmod=%s notnull=%s default=%L collation=%s owner=%s acl=%s labels=%s',
			format_type(typoid, NULL), typtype, typlen, typbyval, typalign, typstorage, typcategory,
			typispreferred, typdelim, typinput::regproc, typoutput::regproc, typreceive::regproc,
			typsend::regproc, typmodin::regproc, typmodout::regproc, typanalyze::regproc,
			typsubscript::regproc, typelem::regtype, typarray::regtype, typbasetype::regtype, typtypmod,
			typnotnull, typdefault, typcollation::regcollation, typowner::regrole, typacl,
			(SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = typoid))
	FROM typ
	UNION ALL
	SELECT 'relation', format('%s kind=%s persistence=%s options=%s rls=%s force_rls=%s replident=%s'
			' partition=%s partkey=%s bound=%s of=%s owner=%s acl=%s',
			reloid::regclass, relkind, relpersistence, reloptions, relrowsecurity, relforcerowsecurity,
			relreplident, relispartition, CASE WHEN relkind = 'p' THEN pg_get_partkeydef(reloid) END,
			pg_get_expr(relpartbound, reloid), reloftype::regtype, relowner::regrole, relacl)
	FROM rel
	UNION ALL
	SELECT 'view', format('%s: %s', reloid::regclass, pg_get_viewdef(reloid))
	FROM rel WHERE relkind IN ('v', 'm')
	UNION ALL
	SELECT 'sequence', format('%s type=%s start=%s inc=%s min=%s max=%s cache=%s cycle=%s owned_by=%s',
			s.seqrelid::regclass, seqtypid::regtype, seqstart, seqincrement, seqmin, seqmax, seqcache, seqcycle,
			(SELECT string_agg(pg_describe_object(d.refclassid, d.refobjid, d.refobjsubid) || ' ' || d.deptype::text, ', ')
			 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid
			   AND d.refclassid = 'pg_class'::regclass))
	FROM pg_sequence s
	WHERE s.seqrelid IN (SELECT reloid FROM rel)
	   OR EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid
				  AND d.refclassid = 'pg_class'::regclass AND d.refobjid IN (SELECT reloid FROM rel))
	UNION ALL
	SELECT 'column', format('%s %s %s %s notnull=%s default=%s identity=%s generated=%s collation=%s'
			' options=%s acl=%s',
			a.attrelid::regclass, a.attnum, quote_ident(a.attname), format_type(a.atttypid, a.atttypmod),
			a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated,
			CASE WHEN a.attcollation <> 0 THEN a.attcollation::regcollation END,
			-- this server stamps every column with pg_attver, which differs
			-- between databases; it is not part of the extension's objects
			(SELECT array_agg(o ORDER BY o) FROM unnest(a.attoptions) o WHERE o NOT LIKE 'pg\_attver=%'),
			a.attacl)
	FROM pg_attribute a
	LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
	WHERE a.attrelid IN (SELECT reloid FROM rel) AND a.attnum > 0 AND NOT a.attisdropped
	UNION ALL
	SELECT 'constraint', format('%s %s %s: %s deferrable=%s deferred=%s validated=%s',
			coalesce(c.conrelid::regclass::text, format_type(c.contypid, NULL)), quote_ident(c.conname),
			c.contype, pg_get_constraintdef(c.oid), c.condeferrable, c.condeferred, c.convalidated)
	FROM pg_constraint c
	WHERE c.conrelid IN (SELECT reloid FROM rel) OR c.contypid IN (SELECT typoid FROM typ)
	UNION ALL
	SELECT 'index', format('%s primary=%s clustered=%s replident=%s valid=%s',
			pg_get_indexdef(i.indexrelid), i.indisprimary, i.indisclustered, i.indisreplident, i.indisvalid)
	FROM pg_index i WHERE i.indrelid IN (SELECT reloid FROM rel)
	UNION ALL
	SELECT 'trigger', format('%s enabled=%s', pg_get_triggerdef(t.oid), t.tgenabled)
	FROM pg_trigger t WHERE t.tgrelid IN (SELECT reloid FROM rel) AND NOT t.tgisinternal
	UNION ALL
	SELECT 'policy', format('%s %s cmd=%s permissive=%s roles=%s using=%s check=%s',
			p.polrelid::regclass, quote_ident(p.polname), p.polcmd, p.polpermissive,
			(SELECT string_agg(CASE WHEN r = 0 THEN 'public' ELSE r::regrole::text END, ',' ORDER BY 1)
			 FROM unnest(p.polroles) r),
			pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid))
	FROM pg_policy p WHERE p.polrelid IN (SELECT reloid FROM rel)
	UNION ALL
	SELECT 'rule', pg_get_ruledef(r.oid)
	FROM pg_rewrite r WHERE r.ev_class IN (SELECT reloid FROM rel) AND r.rulename <> '_RETURN'
	UNION ALL
	SELECT 'operator', format('%s kind=%s code=%s result=%s commutator=%s negator=%s restrict=%s join=%s'
			' merges=%s hashes=%s owner=%s',
			o.oid::regoperator, o.oprkind, o.oprcode::regprocedure, o.oprresult::regtype,
			o.oprcom::regoperator, o.oprnegate::regoperator, o.oprrest::regproc, o.oprjoin::regproc,
			o.oprcanmerge, o.oprcanhash, o.oprowner::regrole)
	FROM pg_operator o JOIN member m ON m.classid = 'pg_operator'::regclass AND m.objid = o.oid
	UNION ALL
	SELECT 'opclass', format('%s default=%s intype=%s keytype=%s family=%s',
			pg_describe_object('pg_opclass'::regclass, c.oid, 0), c.opcdefault, c.opcintype::regtype,
			c.opckeytype::regtype, pg_describe_object('pg_opfamily'::regclass, c.opcfamily, 0))
	FROM pg_opclass c JOIN member m ON m.classid = 'pg_opclass'::regclass AND m.objid = c.oid
	UNION ALL
	SELECT 'opfamily member', format('%s: %s', pg_describe_object('pg_opfamily'::regclass, x.fam, 0),
			pg_describe_object(x.classid, x.objid, 0))
	FROM (SELECT 'pg_amop'::regclass AS classid, a.oid AS objid, a.amopfamily AS fam FROM pg_amop a
		  UNION ALL
		  SELECT 'pg_amproc', p.oid, p.amprocfamily FROM pg_amproc p) x
	WHERE x.fam IN (SELECT objid FROM member WHERE classid = 'pg_opfamily'::regclass)
	   OR x.fam IN (SELECT c.opcfamily FROM pg_opclass c JOIN member m
					ON m.classid = 'pg_opclass'::regclass AND m.objid = c.oid)
	UNION ALL
	SELECT 'cast', format('%s -> %s function=%s context=%s method=%s', c.castsource::regtype,
			c.casttarget::regtype, c.castfunc::regprocedure, c.castcontext, c.castmethod)
	FROM pg_cast c JOIN member m ON m.classid = 'pg_cast'::regclass AND m.objid = c.oid
	UNION ALL
	SELECT 'event trigger', format('%s on %s function=%s enabled=%s tags=%s', e.evtname, e.evtevent,
			e.evtfoid::regproc, e.evtenabled, e.evttags)
	FROM pg_event_trigger e JOIN member m ON m.classid = 'pg_event_trigger'::regclass AND m.objid = e.oid
	UNION ALL
	SELECT 'schema', format('%s owner=%s acl=%s', nspname, nspowner::regrole, nspacl)
	FROM nsp
	UNION ALL
	SELECT 'default acl', format('%s %s for=%s acl=%s', d.defaclnamespace::regnamespace, d.defaclobjtype,
			d.defaclrole::regrole, d.defaclacl)
	FROM pg_default_acl d WHERE d.defaclnamespace IN (SELECT nspoid FROM nsp)
	UNION ALL
	SELECT 'init privs', format('%s %s %s', pg_describe_object(i.classoid, i.objoid, i.objsubid),
			i.privtype, i.initprivs)
	FROM pg_init_privs i
	WHERE EXISTS (SELECT FROM member m WHERE m.classid = i.classoid AND m.objid = i.objoid)
	   OR i.classoid = 'pg_namespace'::regclass AND i.objoid IN (SELECT nspoid FROM nsp)
)
-- One fact a line: the newlines of function bodies and view definitions
-- are written \n.
SELECT section || ' | ' || replace(replace(line, '\', '\\'), E'\n', '\n')
FROM facts ORDER BY section COLLATE "C", line COLLATE "C";
