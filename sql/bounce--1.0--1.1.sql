-- bounce--1.0--1.1.sql: everything 1.1 adds to or changes in 1.0.
-- 1.0's install script is frozen; CREATE EXTENSION bounce (1.1) runs it and
-- then this script, so a fresh install and an update of 1.0 are one path
-- (test/check-upgrade.sh proves they give the same objects).
-- One section per feature; each keeps to its own section.

\echo Use "ALTER EXTENSION bounce UPDATE TO '1.1'" to load this file. \quit

-- ---------------------------------------------------------------------------
-- Security and tenancy
-- ---------------------------------------------------------------------------

-- A schema "bounce" that existed before CREATE EXTENSION is adopted by it
-- (PostgreSQL 15 checks nothing): its owner could then drop the extension
-- with DROP SCHEMA bounce CASCADE, or plant objects its functions find.  A
-- fresh install runs 1.0's script and then this one in one transaction, so
-- refusing here undoes the whole CREATE EXTENSION (and ALTER EXTENSION
-- UPDATE of an install in such a schema).
DO $$
DECLARE
	schema_owner pg_catalog.oid;
	ext_owner pg_catalog.oid;
BEGIN
	SELECT n.nspowner INTO schema_owner FROM pg_catalog.pg_namespace n
	WHERE n.nspname OPERATOR(pg_catalog.=) 'bounce';
	SELECT e.extowner INTO ext_owner FROM pg_catalog.pg_extension e
	WHERE e.extname OPERATOR(pg_catalog.=) 'bounce';
	IF schema_owner OPERATOR(pg_catalog.<>) ext_owner THEN
		RAISE EXCEPTION 'schema "bounce" is owned by role "%", not by role "%" that installs the extension',
			pg_catalog.pg_get_userbyid(schema_owner), pg_catalog.pg_get_userbyid(ext_owner)
			USING ERRCODE = 'insufficient_privilege',
			DETAIL = 'The owner of the schema could drop or replace the extension''s objects.',
			HINT = 'Drop or rename that schema (or, after checking what it holds, ALTER SCHEMA bounce OWNER TO the installing role) and run CREATE EXTENSION bounce again.';
	END IF;
END
$$;

-- The trigger functions that only make sense on the extension's own
-- tables are not PUBLIC's to attach (firing a trigger needs no privilege).
-- Each also checks where it fires (src/trigger_check.c).
REVOKE ALL ON FUNCTION bounce.rules_changed() FROM PUBLIC;
REVOKE ALL ON FUNCTION bounce.suppression_audited() FROM PUBLIC;
REVOKE ALL ON FUNCTION bounce.policy_replace_default() FROM PUBLIC;

-- It deletes from the relation it fires on, not from bounce.policy: on
-- Citus that relation is a placement of the reference table (policy_<shard
-- id> in schema bounce), and a DELETE on bounce.policy from inside
-- create_reference_table's copy waited for the lock the copy itself held.
CREATE OR REPLACE FUNCTION bounce.policy_replace_default() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF TG_RELID OPERATOR(pg_catalog.<>) 'bounce.policy'::pg_catalog.regclass
	   AND NOT (TG_TABLE_SCHEMA OPERATOR(pg_catalog.=) 'bounce'
				AND TG_TABLE_NAME OPERATOR(pg_catalog.~) '^policy_[0-9]+$'
				AND pg_catalog.to_regclass('pg_catalog.pg_dist_shard') IS NOT NULL) THEN
		RAISE EXCEPTION 'trigger "%" on % executes bounce.policy_replace_default(), which works only on bounce.policy',
			TG_NAME, TG_RELID::pg_catalog.regclass
			USING ERRCODE = 'wrong_object_type',
			HINT = 'It is the trigger policy_replace_default of bounce.policy, BEFORE INSERT FOR EACH ROW; it is not meant for other tables.';
	END IF;
	IF TG_WHEN OPERATOR(pg_catalog.<>) 'BEFORE' OR TG_LEVEL OPERATOR(pg_catalog.<>) 'ROW'
	   OR TG_OP OPERATOR(pg_catalog.<>) 'INSERT' THEN
		RAISE EXCEPTION 'trigger "%" on % fires % % FOR EACH %, which bounce.policy_replace_default() does not handle',
			TG_NAME, TG_RELID::pg_catalog.regclass, TG_WHEN, TG_OP, TG_LEVEL
			USING ERRCODE = 'trigger_protocol_violated',
			HINT = 'It is the trigger policy_replace_default of bounce.policy, BEFORE INSERT FOR EACH ROW.';
	END IF;
	IF NEW.tenant OPERATOR(pg_catalog.=) '' THEN
		EXECUTE pg_catalog.format('DELETE FROM %I.%I p'
			' WHERE p.tenant OPERATOR(pg_catalog.=) '''''
			' AND bounce.policy_is_builtin(ROW(p.*)::bounce.policy)',
			TG_TABLE_SCHEMA, TG_TABLE_NAME);
	END IF;
	RETURN NEW;
END
$$;

-- The constraint errors moved from the subclass 23B, which the SQL standard
-- reserves, to the implementation-defined 23Q (README, upgrade notes).
COMMENT ON FUNCTION bounce.restrict_confirmed_removal() IS
	'constraint trigger on bounce.address_state: removing a confirmed bounce (DELETE, or UPDATE of its status or key) is refused with SQLSTATE 23Q01 while it was emailed within the recent_send_window; judged on the state when the check runs';
COMMENT ON TRIGGER address_state_recent_send ON bounce.address_state IS
	'a confirmed bounce emailed within the recent_send_window may not be removed (SQLSTATE 23Q01); SET CONSTRAINTS bounce.address_state_recent_send DEFERRED judges at commit';
COMMENT ON FUNCTION bounce.protect_recent() IS
	'trigger for the sender''s contact tables, AFTER DELETE OR UPDATE FOR EACH ROW (best a DEFERRABLE constraint trigger): refuses (SQLSTATE 23Q01) deleting a contact emailed within the recent_send_window, or changing its address, tenant or list, unless the same contact is back in the table when the check runs; arguments key=column: address (required), tenant, list';
COMMENT ON FUNCTION bounce.remove_confirmed(text, text) IS
	'removes a confirmed bounce from the confirmed list by hand: its state is cleared (active, streaks and history forgotten, its events up to now counting only as sends, also in bounce.rebuild()); refused with SQLSTATE 23Q01 while it was emailed within the recent_send_window; false when the address is not confirmed';
COMMENT ON FUNCTION bounce.refuse_suppressed() IS
	'trigger for the sender''s list tables, BEFORE INSERT OR UPDATE OF the address column FOR EACH ROW: a row whose address is on bounce.suppression is refused (SQLSTATE 23Q02), or skipped with the argument on_suppressed=skip; an update keeping the address and tenant passes; arguments key=column: address (required), tenant';
COMMENT ON FUNCTION bounce.keep_complaints() IS
	'trigger on bounce.suppression: a complaint may not be deleted, changed to another reason or address, or truncated (SQLSTATE 23Q03) except by bounce.confirm_opt_in()';

-- The views read the tables with the caller's privileges and row-level
-- security (as README says: SELECT on address_state and suppression), not
-- the owner's, which would show every tenant's rows.
ALTER VIEW bounce.active_addresses SET (security_invoker = true);
ALTER VIEW bounce.confirmed_addresses SET (security_invoker = true);
ALTER VIEW bounce.suppressed_addresses SET (security_invoker = true);
ALTER VIEW bounce.unsendable_addresses SET (security_invoker = true);

-- Tenant isolation (README "Security and tenancy"): row-level security on
-- the tables that hold per-tenant rows, keyed by a setting the application
-- sets per session or transaction (SET app.tenant = 'acme').  The triggers,
-- rebuild() and the other maintenance run as the extension's owner, which
-- owns the tables and so bypasses the policies.  The C functions that take
-- a tenant argument read this row to tell which tenant the caller is.
CREATE TABLE bounce.tenant_isolation (
	setting text NOT NULL,
	all_tenants regrole,
	enabled_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	one_row boolean PRIMARY KEY DEFAULT true,
	CONSTRAINT tenant_isolation_one_row CHECK (one_row),
	CONSTRAINT tenant_isolation_setting_name
		CHECK (setting OPERATOR(pg_catalog.~) '^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)+$')
);
COMMENT ON TABLE bounce.tenant_isolation IS
	'set by bounce.enable_tenant_isolation(): the setting that names the current tenant and the role that sees every tenant; no row: no isolation';
COMMENT ON COLUMN bounce.tenant_isolation.setting IS
	'the customized option naming the caller''s tenant, as app.tenant';
COMMENT ON COLUMN bounce.tenant_isolation.all_tenants IS
	'members of this role see and change every tenant''s rows (DBA, support, analysts across tenants); NULL for none';
SELECT pg_catalog.pg_extension_config_dump('bounce.tenant_isolation', '');

-- The policies follow the row of bounce.tenant_isolation: pg_dump does not
-- dump policies on an extension's tables, but it dumps this row, and its
-- insert on restore makes them again.
CREATE FUNCTION bounce.tenant_isolation_apply() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	SET client_min_messages = warning
	AS $fn$
DECLARE
	t text;
	p text;
	mine text;
BEGIN
	IF TG_RELID OPERATOR(pg_catalog.<>) 'bounce.tenant_isolation'::pg_catalog.regclass THEN
		RAISE EXCEPTION 'trigger "%" on % executes bounce.tenant_isolation_apply(), which works only on bounce.tenant_isolation',
			TG_NAME, TG_RELID::pg_catalog.regclass
			USING ERRCODE = 'wrong_object_type',
			HINT = 'Call bounce.enable_tenant_isolation() instead.';
	END IF;
	IF TG_WHEN OPERATOR(pg_catalog.<>) 'AFTER' OR TG_LEVEL OPERATOR(pg_catalog.<>) 'ROW'
	   OR TG_OP OPERATOR(pg_catalog.<>) 'INSERT' THEN
		RAISE EXCEPTION 'trigger "%" on % fires % % FOR EACH %, which bounce.tenant_isolation_apply() does not handle',
			TG_NAME, TG_RELID::pg_catalog.regclass, TG_WHEN, TG_OP, TG_LEVEL
			USING ERRCODE = 'trigger_protocol_violated';
	END IF;
	-- the caller's tenant: NULL when the setting is unset or empty, or
	-- names a tenant that bounce.tenant_member does not bind the role to
	mine := '(SELECT bounce.current_tenant())';
	FOREACH t IN ARRAY ARRAY['address_state', 'suppression', 'suppression_audit', 'invalid_address',
							 'event_archive', 'rule', 'reason_kind', 'policy'] LOOP
		FOREACH p IN ARRAY ARRAY['bounce_tenant', 'bounce_tenant_read', 'bounce_all_tenants'] LOOP
			EXECUTE format('DROP POLICY IF EXISTS %I ON bounce.%I', p, t);
		END LOOP;
	END LOOP;
	FOREACH t IN ARRAY ARRAY['address_state', 'suppression', 'suppression_audit', 'invalid_address',
							 'event_archive'] LOOP
		EXECUTE format('CREATE POLICY bounce_tenant ON bounce.%I USING (tenant OPERATOR(pg_catalog.=) %s)'
					   ' WITH CHECK (tenant OPERATOR(pg_catalog.=) %s)', t, mine, mine);
	END LOOP;
	-- rules and kinds: a tenant reads the rows for all tenants and its own,
	-- and changes its own
	FOREACH t IN ARRAY ARRAY['rule', 'reason_kind'] LOOP
		EXECUTE format('CREATE POLICY bounce_tenant_read ON bounce.%I FOR SELECT'
					   ' USING (tenant IS NULL OR tenant OPERATOR(pg_catalog.=) %s)', t, mine);
		EXECUTE format('CREATE POLICY bounce_tenant ON bounce.%I USING (tenant OPERATOR(pg_catalog.=) %s)'
					   ' WITH CHECK (tenant OPERATOR(pg_catalog.=) %s)', t, mine, mine);
	END LOOP;
	-- the policy: a tenant reads its own row and the default row
	EXECUTE format('CREATE POLICY bounce_tenant_read ON bounce.policy FOR SELECT'
				   ' USING (tenant OPERATOR(pg_catalog.=) %L OR tenant OPERATOR(pg_catalog.=) %s)', '', mine);
	FOREACH t IN ARRAY ARRAY['address_state', 'suppression', 'suppression_audit', 'invalid_address',
							 'event_archive', 'rule', 'reason_kind', 'policy'] LOOP
		IF NEW.all_tenants IS NOT NULL THEN
			EXECUTE format('CREATE POLICY bounce_all_tenants ON bounce.%I TO %s USING (true) WITH CHECK (true)',
						   t, NEW.all_tenants);
		END IF;
		EXECUTE format('ALTER TABLE bounce.%I ENABLE ROW LEVEL SECURITY', t);
	END LOOP;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION bounce.tenant_isolation_apply() IS
	'trigger on bounce.tenant_isolation: makes the row-level security policies the inserted row describes (bounce.enable_tenant_isolation(), or a restore of a dump)';
REVOKE ALL ON FUNCTION bounce.tenant_isolation_apply() FROM PUBLIC;
CREATE TRIGGER tenant_isolation_apply
	AFTER INSERT ON bounce.tenant_isolation
	FOR EACH ROW EXECUTE FUNCTION bounce.tenant_isolation_apply();
COMMENT ON TRIGGER tenant_isolation_apply ON bounce.tenant_isolation IS
	'the policies follow the row, also when a restore inserts it';

CREATE FUNCTION bounce.enable_tenant_isolation(setting text, all_tenants regrole DEFAULT NULL)
	RETURNS void
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $fn$
BEGIN
	IF setting IS NULL OR setting !~ '^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)+$' THEN
		RAISE EXCEPTION 'invalid setting name: %', coalesce(quote_literal(setting), 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
			HINT = 'Name a customized option with a prefix, as app.tenant.';
	END IF;
	PERFORM bounce.disable_tenant_isolation();
	INSERT INTO bounce.tenant_isolation (setting, all_tenants)
		VALUES (enable_tenant_isolation.setting, enable_tenant_isolation.all_tenants);
END
$fn$;
COMMENT ON FUNCTION bounce.enable_tenant_isolation(text, regrole) IS
	'row-level security on bounce.address_state, suppression, suppression_audit, invalid_address, event_archive, rule, reason_kind and policy: a role sees and changes only the rows of the tenant the setting names (current_setting(setting)), plus the rules, kinds and policy for all tenants; members of all_tenants see every row; the extension''s triggers and maintenance are not affected; replaces an earlier call''s policies';
REVOKE ALL ON FUNCTION bounce.enable_tenant_isolation(text, regrole) FROM PUBLIC;

CREATE FUNCTION bounce.disable_tenant_isolation()
	RETURNS boolean
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	SET client_min_messages = warning
	AS $fn$
DECLARE
	t text;
	p text;
	was boolean;
BEGIN
	was := EXISTS (SELECT FROM bounce.tenant_isolation);
	FOREACH t IN ARRAY ARRAY['address_state', 'suppression', 'suppression_audit', 'invalid_address',
							 'event_archive', 'rule', 'reason_kind', 'policy'] LOOP
		FOREACH p IN ARRAY ARRAY['bounce_tenant', 'bounce_tenant_read', 'bounce_all_tenants'] LOOP
			EXECUTE format('DROP POLICY IF EXISTS %I ON bounce.%I', p, t);
		END LOOP;
		EXECUTE format('ALTER TABLE bounce.%I DISABLE ROW LEVEL SECURITY', t);
	END LOOP;
	DELETE FROM bounce.tenant_isolation;
	RETURN was;
END
$fn$;
COMMENT ON FUNCTION bounce.disable_tenant_isolation() IS
	'removes the policies of bounce.enable_tenant_isolation() and turns row-level security off on its tables; false when it was not on';
REVOKE ALL ON FUNCTION bounce.disable_tenant_isolation() FROM PUBLIC;

-- Any role may SET the isolation setting, so a tenant's own login could
-- name another tenant.  bounce.tenant_member binds roles to tenants: a role
-- that is a member of a role listed there acts only as the tenants listed
-- for it (the setting naming another gives it no rows, and the functions
-- taking a tenant refuse).  A role bound to none (the application's pooled
-- login, whose SQL is the application's) acts as the setting says.
CREATE TABLE bounce.tenant_member (
	member regrole NOT NULL,
	tenant text NOT NULL CONSTRAINT tenant_member_tenant_not_empty
		CHECK (tenant OPERATOR(pg_catalog.<>) ''),
	PRIMARY KEY (member, tenant)
);
COMMENT ON TABLE bounce.tenant_member IS
	'binds roles to tenants under bounce.enable_tenant_isolation(): a member of member acts only as the tenants listed for it, whatever the setting names; a role listed nowhere acts as the setting says';
SELECT pg_catalog.pg_extension_config_dump('bounce.tenant_member', '');

CREATE FUNCTION bounce.current_tenant() RETURNS text
	AS 'MODULE_PATHNAME', 'bounce_current_tenant'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION bounce.current_tenant() IS
	'the tenant whose rows the policies of bounce.enable_tenant_isolation() show the caller: the setting''s value when bounce.tenant_member binds the caller to it or to no tenant; NULL for none';

-- A tenant that writes its own rules (README) could add millions: every
-- backend keeps every tenant's rules in memory and reloads them after each
-- change, so one tenant could exhaust the server's memory.  A role other
-- than a superuser or the extension's owner (a restore, the DBA) keeps at
-- most 1000 rules per tenant.  Counted as the writer, who sees its own
-- tenant's rules (writing rules needs SELECT on bounce.rule too).
CREATE FUNCTION bounce.rule_limit() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $fn$
DECLARE
	over text;
BEGIN
	-- On Citus the trigger fires on the placements of the reference table
	-- (rule_<shard id> in schema bounce, which only the owner can create).
	IF TG_RELID OPERATOR(pg_catalog.<>) 'bounce.rule'::pg_catalog.regclass
	   AND NOT (TG_TABLE_SCHEMA OPERATOR(pg_catalog.=) 'bounce'
				AND TG_TABLE_NAME OPERATOR(pg_catalog.~) '^rule_[0-9]+$'
				AND pg_catalog.to_regclass('pg_catalog.pg_dist_shard') IS NOT NULL) THEN
		RAISE EXCEPTION 'trigger "%" on % executes bounce.rule_limit(), which works only on bounce.rule',
			TG_NAME, TG_RELID::pg_catalog.regclass
			USING ERRCODE = 'wrong_object_type';
	END IF;
	IF TG_WHEN OPERATOR(pg_catalog.<>) 'AFTER' OR TG_LEVEL OPERATOR(pg_catalog.<>) 'STATEMENT'
	   OR TG_OP NOT IN ('INSERT', 'UPDATE') THEN
		RAISE EXCEPTION 'trigger "%" on % fires % % FOR EACH %, which bounce.rule_limit() does not handle',
			TG_NAME, TG_RELID::pg_catalog.regclass, TG_WHEN, TG_OP, TG_LEVEL
			USING ERRCODE = 'trigger_protocol_violated';
	END IF;
	IF EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) current_user AND r.rolsuper)
	   OR EXISTS (SELECT FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'bounce'
				  AND pg_catalog.pg_has_role(current_user, e.extowner, 'MEMBER')) THEN
		RETURN NULL;
	END IF;
	EXECUTE pg_catalog.format('SELECT r.tenant FROM %I.%I r'
		' WHERE r.tenant IN (SELECT n.tenant FROM bounce_new_rules n)'
		' GROUP BY r.tenant HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 1000 LIMIT 1',
		TG_TABLE_SCHEMA, TG_TABLE_NAME) INTO over;
	IF over IS NOT NULL THEN
		RAISE EXCEPTION 'tenant "%" would have more than 1000 rules', over
			USING ERRCODE = 'program_limit_exceeded',
			DETAIL = 'Every backend keeps every tenant''s rules in memory.',
			HINT = 'Delete rules that no longer decide anything, or ask the database owner to add more.';
	END IF;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION bounce.rule_limit() IS
	'trigger on bounce.rule: a role other than a superuser or the extension''s owner keeps at most 1000 rules per tenant (SQLSTATE 54000)';
REVOKE ALL ON FUNCTION bounce.rule_limit() FROM PUBLIC;
CREATE TRIGGER rule_limit_insert AFTER INSERT ON bounce.rule
	REFERENCING NEW TABLE AS bounce_new_rules
	FOR EACH STATEMENT EXECUTE FUNCTION bounce.rule_limit();
CREATE TRIGGER rule_limit_update AFTER UPDATE ON bounce.rule
	REFERENCING NEW TABLE AS bounce_new_rules
	FOR EACH STATEMENT EXECUTE FUNCTION bounce.rule_limit();

-- ---------------------------------------------------------------------------
-- Address state: address key, partitions, several tables, retention
-- ---------------------------------------------------------------------------

-- One address key (SPEC 2, rule 12): ASCII lower case plus Unicode simple
-- case folding, never a locale (src/core/addrkey.h).  The trigger, the
-- guards, sendable(), clean_list(), the suppression list's CHECK, rebuild()
-- and the index the README recommends all use it.
CREATE FUNCTION bounce.address_key(address text) RETURNS text
	AS 'MODULE_PATHNAME', 'bounce_address_key'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.address_key(text) IS
	'the key an address is compared by everywhere: ASCII letters lower-cased, other characters by Unicode simple case folding, whatever the locale or collation; index your events on (tenant column, bounce.address_key(address column))';

-- Rows keyed by 1.0's lower() take the key (rare: characters lower() keeps
-- but folding changes, such as final sigma); a row whose key is already
-- taken is left for rebuild().
UPDATE bounce.address_state s SET address = bounce.address_key(s.address)
WHERE s.address OPERATOR(pg_catalog.<>) bounce.address_key(s.address)
  AND NOT EXISTS (SELECT FROM bounce.address_state o
				  WHERE o.tenant OPERATOR(pg_catalog.=) s.tenant
					AND o.address OPERATOR(pg_catalog.=) bounce.address_key(s.address));
UPDATE bounce.suppression s SET address = bounce.address_key(s.address)
WHERE s.address OPERATOR(pg_catalog.<>) bounce.address_key(s.address)
  AND NOT EXISTS (SELECT FROM bounce.suppression o
				  WHERE o.tenant OPERATOR(pg_catalog.=) s.tenant
					AND o.address OPERATOR(pg_catalog.=) bounce.address_key(s.address));
ALTER TABLE bounce.suppression DROP CONSTRAINT suppression_address_lower;
ALTER TABLE bounce.suppression ADD CONSTRAINT suppression_address_key
	CHECK (address OPERATOR(pg_catalog.=) bounce.address_key(address));
COMMENT ON COLUMN bounce.suppression.address IS 'the address''s key: bounce.address_key()';
COMMENT ON COLUMN bounce.address_state.address IS 'the address''s key: bounce.address_key()';

-- On a Citus worker the state tables are empty (the state is kept on the
-- coordinator): sendable() refuses to run there rather than call every
-- address sendable inside a query Citus pushed down.
CREATE FUNCTION bounce.check_state_node()
	RETURNS boolean
	LANGUAGE c STABLE PARALLEL SAFE
	AS 'MODULE_PATHNAME', 'bounce_check_state_node';
COMMENT ON FUNCTION bounce.check_state_node() IS
	'true where the address state is kept; an error on a Citus worker (sendable() asks it first)';

CREATE OR REPLACE FUNCTION bounce.sendable(address text, tenant text DEFAULT '')
	RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN CASE WHEN address IS NULL THEN NULL ELSE
		bounce.check_state_node()
		AND NOT EXISTS (SELECT FROM bounce.address_state s
					WHERE s.tenant OPERATOR(pg_catalog.=) coalesce(sendable.tenant, '')
					  AND s.address OPERATOR(pg_catalog.=) bounce.address_key(sendable.address)
					  AND s.status OPERATOR(pg_catalog.<>) 'active')
		AND NOT EXISTS (SELECT FROM bounce.suppression p
						WHERE p.tenant OPERATOR(pg_catalog.=) coalesce(sendable.tenant, '')
						  AND p.address OPERATOR(pg_catalog.=) bounce.address_key(sendable.address))
	END;
COMMENT ON FUNCTION bounce.sendable(text, text) IS
	'true when the address (any case) may be emailed: not a confirmed bounce, not suppressed, not on the suppression list';

CREATE OR REPLACE FUNCTION bounce.clean_list(
		list regclass,
		address_column name,
		tenant_column name DEFAULT NULL,
		remove text[] DEFAULT '{confirmed,hard,soft}',
		dry_run boolean DEFAULT false)
	RETURNS TABLE (action text, category text, reason text, count bigint)
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $fn$
#variable_conflict use_column
DECLARE
	known CONSTANT text[] := '{confirmed,hard,soft,suppressed,invalid}';
	chosen text[];
	unknown_names text;
	list_kind "char";
	col_type oid;
	base_type oid;
	tenant_expr text;
	stmt text;
	distributed boolean := false;
BEGIN
	IF list IS NULL OR address_column IS NULL THEN
		RAISE EXCEPTION 'list and address_column must not be null'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF dry_run IS NULL THEN
		RAISE EXCEPTION 'dry_run must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	SELECT string_agg(coalesce(quote_literal(r), 'NULL'), ', ') INTO unknown_names
	FROM unnest(remove) AS r
	WHERE r IS NULL OR NOT (r = ANY (known));
	IF remove IS NULL OR cardinality(remove) = 0 THEN
		RAISE EXCEPTION 'remove must name at least one category'
			USING ERRCODE = 'invalid_parameter_value',
			HINT = 'Categories: confirmed, hard, soft, suppressed, invalid.';
	END IF;
	IF unknown_names IS NOT NULL THEN
		RAISE EXCEPTION 'unknown categories to remove: %', unknown_names
			USING ERRCODE = 'invalid_parameter_value',
			HINT = 'Categories: confirmed, hard, soft, suppressed, invalid.';
	END IF;
	chosen := ARRAY(SELECT u.k FROM unnest(known) WITH ORDINALITY AS u(k, o)
					WHERE u.k = ANY (remove) ORDER BY u.o);

	SELECT c.relkind INTO list_kind FROM pg_class c WHERE c.oid = list;
	IF list_kind IS NULL OR list_kind NOT IN ('r', 'p') THEN
		RAISE EXCEPTION '"%" is not a table', list USING ERRCODE = 'wrong_object_type';
	END IF;

	SELECT a.atttypid INTO col_type FROM pg_attribute a
	WHERE a.attrelid = list AND a.attname = address_column AND a.attnum > 0 AND NOT a.attisdropped;
	IF col_type IS NULL THEN
		RAISE EXCEPTION 'column "%" of relation % does not exist', address_column, list
			USING ERRCODE = 'undefined_column';
	END IF;
	base_type := col_type;
	WHILE (SELECT t.typtype FROM pg_type t WHERE t.oid = base_type) = 'd' LOOP
		base_type := (SELECT t.typbasetype FROM pg_type t WHERE t.oid = base_type);
	END LOOP;
	IF base_type NOT IN ('text'::regtype, 'varchar'::regtype)
	   AND (SELECT t.typname FROM pg_type t WHERE t.oid = base_type) <> 'citext' THEN
		RAISE EXCEPTION 'column "%" of relation % has type %, which is no address',
			address_column, list, format_type(col_type, NULL)
			USING ERRCODE = 'datatype_mismatch',
			HINT = 'The address column must be text, varchar or citext.';
	END IF;

	IF tenant_column IS NULL THEN
		tenant_expr := '''''';
	ELSE
		IF NOT EXISTS (SELECT FROM pg_attribute a
					   WHERE a.attrelid = list AND a.attname = tenant_column
						 AND a.attnum > 0 AND NOT a.attisdropped) THEN
			RAISE EXCEPTION 'column "%" of relation % does not exist', tenant_column, list
				USING ERRCODE = 'undefined_column';
		END IF;
		-- the tenant's text as the triggers read it: its output form
		tenant_expr := format('coalesce(pg_catalog.textin(%s(l.%I)), '''')',
							  (SELECT t.typoutput::regproc FROM pg_attribute a
							   JOIN pg_type t ON t.oid = a.atttypid
							   WHERE a.attrelid = list AND a.attname = tenant_column),
							  tenant_column);
	END IF;

	IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		EXECUTE 'SELECT EXISTS (SELECT FROM pg_catalog.pg_dist_partition
								WHERE logicalrelid OPERATOR(pg_catalog.=) $1)'
			INTO distributed USING list;
	END IF;

	-- One statement, one snapshot: the matches, the delete of those not
	-- protected, and the counts.  The search_path is pinned, so the
	-- operators below are pg_catalog's.
	IF NOT distributed THEN
		stmt := format($q$
WITH m AS MATERIALIZED (
	SELECT l.tableoid AS rel, l.ctid AS tid, c.category,
		   CASE WHEN c.category IS NOT NULL
				THEN bounce.protected_until(k.address, k.tenant) END AS protected_until
	FROM %1$s AS l
	CROSS JOIN LATERAL (SELECT %2$s AS tenant,
							   bounce.address_key(l.%3$I::pg_catalog.text) AS address) AS k
	LEFT JOIN bounce.address_state AS s
		   ON s.tenant = k.tenant AND s.address = k.address
	CROSS JOIN LATERAL (SELECT CASE
		WHEN 'confirmed' = ANY ($1) AND s.status = 'confirmed' THEN 'confirmed'
		WHEN 'hard' = ANY ($1) AND s.hard_streak > 0 THEN 'hard'
		WHEN 'soft' = ANY ($1)
			 AND (s.soft_streak > 0 OR s.suppression_reason = 'soft_bounce') THEN 'soft'
		WHEN 'suppressed' = ANY ($1)
			 AND (s.status = 'suppressed'
				  OR EXISTS (SELECT FROM bounce.suppression AS p
							 WHERE p.tenant = k.tenant AND p.address = k.address))
			 THEN 'suppressed'
		WHEN 'invalid' = ANY ($1)
			 AND bounce.address_problem(l.%3$I::pg_catalog.text) IS NOT NULL THEN 'invalid'
		END AS category) AS c
	WHERE c.category IS NOT NULL
),
d AS (
	DELETE FROM %1$s AS l
	USING m
	WHERE NOT $2 AND m.protected_until IS NULL
	  AND l.tableoid = m.rel AND l.ctid = m.tid
	RETURNING m.category
),
r AS (
	SELECT 'removed' AS action, d.category, count(*) AS n FROM d GROUP BY d.category
	UNION ALL
	SELECT 'would_remove', m.category, count(*) FROM m
	WHERE $2 AND m.protected_until IS NULL GROUP BY m.category
	UNION ALL
	SELECT 'kept', m.category, count(*) FROM m
	WHERE m.protected_until IS NOT NULL GROUP BY m.category
)
$q$, list, tenant_expr, address_column);
	ELSE
		-- A Citus table.  Its rows are on the workers and the state on the
		-- coordinator, where protected_until() must run: the state side
		-- (each address's category and protection) is computed first, on
		-- the coordinator, and Citus ships it to the workers as an
		-- intermediate result; the list's rows are matched there by their
		-- keys (a shard's ctid means nothing on the coordinator).  The same
		-- categories and precedence as above; the delete may run before the
		-- counts of the kept rows, which it does not touch.
		stmt := format($q$
WITH c AS MATERIALIZED (
	SELECT k.tenant, k.address, k.category,
		   bounce.protected_until(k.address, k.tenant) AS protected_until
	FROM (SELECT coalesce(s.tenant, p.tenant) AS tenant,
				 coalesce(s.address, p.address) AS address,
				 CASE
				 WHEN 'confirmed' = ANY ($1) AND s.status = 'confirmed' THEN 'confirmed'
				 WHEN 'hard' = ANY ($1) AND s.hard_streak > 0 THEN 'hard'
				 WHEN 'soft' = ANY ($1)
					  AND (s.soft_streak > 0 OR s.suppression_reason = 'soft_bounce') THEN 'soft'
				 WHEN 'suppressed' = ANY ($1)
					  AND (s.status = 'suppressed' OR p.address IS NOT NULL) THEN 'suppressed'
				 END AS category,
				 s.last_sent_at
		  FROM bounce.address_state AS s
		  FULL JOIN bounce.suppression AS p
				 ON p.tenant = s.tenant AND p.address = s.address) AS k
	-- an invalid address may be protected without a category of its own
	WHERE k.category IS NOT NULL
	   OR ('invalid' = ANY ($1) AND k.last_sent_at IS NOT NULL)
),
d AS (
	DELETE FROM %1$s AS l
	WHERE NOT $2
	  AND (EXISTS (SELECT FROM c
				   WHERE c.tenant = %2$s
					 AND c.address = bounce.address_key(l.%3$I::pg_catalog.text)
					 AND c.category IS NOT NULL AND c.protected_until IS NULL)
		   OR ('invalid' = ANY ($1)
			   AND bounce.address_problem(l.%3$I::pg_catalog.text) IS NOT NULL
			   AND NOT EXISTS (SELECT FROM c
							   WHERE c.tenant = %2$s
								 AND c.address = bounce.address_key(l.%3$I::pg_catalog.text)
								 AND (c.category IS NOT NULL
									  OR c.protected_until IS NOT NULL))))
	RETURNING %2$s AS tenant, bounce.address_key(l.%3$I::pg_catalog.text) AS address
),
removed AS (
	SELECT coalesce(c.category, 'invalid') AS category, count(*) AS n
	FROM d LEFT JOIN c
		 ON c.tenant = d.tenant AND c.address = d.address AND c.category IS NOT NULL
	GROUP BY 1
),
m AS (
	SELECT coalesce(c.category, 'invalid') AS category,
		   c.protected_until IS NOT NULL AS protected, count(*) AS n
	FROM %1$s AS l
	LEFT JOIN c ON c.tenant = %2$s
			   AND c.address = bounce.address_key(l.%3$I::pg_catalog.text)
	WHERE c.category IS NOT NULL
	   OR ('invalid' = ANY ($1)
		   AND bounce.address_problem(l.%3$I::pg_catalog.text) IS NOT NULL)
	GROUP BY 1, 2
),
r AS (
	SELECT 'removed' AS action, removed.category, removed.n FROM removed
	UNION ALL
	SELECT 'would_remove', m.category, m.n FROM m WHERE $2 AND NOT m.protected
	UNION ALL
	SELECT 'kept', m.category, m.n FROM m WHERE m.protected
)
$q$, list, tenant_expr, address_column);
	END IF;

	-- the report, from r (action, category, n): every chosen category, zeros too
	stmt := stmt || $q$
SELECT a.action, c.category,
	   CASE WHEN a.action = 'kept' THEN 'recently_sent' END,
	   coalesce(r.n, 0)
FROM unnest($1) WITH ORDINALITY AS c(category, o)
CROSS JOIN (VALUES (1, CASE WHEN $2 THEN 'would_remove' ELSE 'removed' END),
				   (2, 'kept')) AS a(o, action)
LEFT JOIN r ON r.action = a.action AND r.category = c.category
ORDER BY a.o, c.o
$q$;

	RETURN QUERY EXECUTE stmt USING chosen, dry_run;
END
$fn$;
COMMENT ON FUNCTION bounce.clean_list(regclass, name, name, text[], boolean) IS
	'removes from a list table the rows whose address (by bounce.address_key(), per tenant: the tenant column''s text, '''' without one) is in a chosen category -- confirmed: a confirmed bounce; hard: a hard bounce counted since the last reset (hard_streak > 0, so confirmed ones too); soft: a soft bounce counted since the last reset, or suppressed for soft bounces; suppressed: on the suppression list for any reason; invalid: bounce.address_problem() finds it invalid -- skipping those emailed within the recent_send_window; returns per category the rows removed (would_remove with dry_run) and kept (reason recently_sent), zeros included; one statement in the caller''s transaction, with the caller''s privileges (DELETE and SELECT on the list, SELECT on bounce.address_state and bounce.suppression)';

-- Retention (SPEC 2, rule 11): events deleted or truncated from a tracked
-- table are kept here, compactly, by bounce.track_purge(), and every replay
-- and rebuild() reads them with the tracked tables.  Only what the state
-- machine reads is kept; a bounce keeps the reason and kind it had when it
-- was purged.
CREATE TABLE bounce.event_archive (
	tenant text NOT NULL,
	address text NOT NULL,
	event bounce.event_type NOT NULL,
	at timestamptz NOT NULL,
	campaign text,
	reason bounce.reason,
	kind bounce.kind,
	CONSTRAINT event_archive_address_key
		CHECK (address OPERATOR(pg_catalog.=) bounce.address_key(address))
);
CREATE INDEX event_archive_address ON bounce.event_archive (tenant, address);
COMMENT ON TABLE bounce.event_archive IS
	'events purged (DELETE, TRUNCATE) from tracked tables: they keep counting in the state of their address (replays, rebuild()); delete rows here only to make the state forget them, then run bounce.rebuild()';
SELECT pg_catalog.pg_extension_config_dump('bounce.event_archive', '');

CREATE FUNCTION bounce.track_purge() RETURNS trigger
	AS 'MODULE_PATHNAME', 'bounce_track_purge'
	LANGUAGE C;
COMMENT ON FUNCTION bounce.track_purge() IS
	'trigger on a tracked events table, AFTER DELETE FOR EACH STATEMENT REFERENCING OLD TABLE or BEFORE TRUNCATE, with the arguments of its bounce.track() trigger: keeps the purged events in bounce.event_archive';
-- Attaching it is granted with bounce.track()'s EXECUTE; it also refuses to
-- archive for a table that bounce.track() does not track.
REVOKE ALL ON FUNCTION bounce.track_purge() FROM PUBLIC;

-- A retention purge by time.  On one node it is the DELETE (the trigger
-- above archives); on Citus the trigger would fire on the workers' shards
-- and refuses there, so this is the way to purge a distributed events
-- table: it archives on the coordinator.  It checks the caller's DELETE
-- privilege on the table; on Citus it switches the table's archiving
-- triggers off for its own DELETE, as the table's owner.
CREATE FUNCTION bounce.purge_events(events regclass, older_than timestamptz)
	RETURNS bigint
	AS 'MODULE_PATHNAME', 'bounce_purge_events'
	LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION bounce.purge_events(regclass, timestamptz) IS
	'deletes the events of a tracked table older than older_than (by its time column) and keeps them in bounce.event_archive, so that they still count in every replay; returns the number purged; needs DELETE on the table; on Citus, run it on the coordinator (a DELETE on a distributed events table is refused on the shards)';
REVOKE ALL ON FUNCTION bounce.purge_events(regclass, timestamptz) FROM PUBLIC;

-- Citus: the tracking trigger on the shards of a distributed events table
-- queues the rows next to them (bounce.track_events() creates the queue);
-- this takes them through Citus, as the caller (who needs SELECT on the
-- events and DELETE on the queue), and applies them to the state on the
-- coordinator as the trigger would.  It writes the state as bounce.rebuild()
-- does: not for PUBLIC.
CREATE FUNCTION bounce.apply_queued(events regclass)
	RETURNS bigint
	AS 'MODULE_PATHNAME', 'bounce_apply_queued'
	LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION bounce.apply_queued(regclass) IS
	'Citus coordinator: takes the events queued on the shards of a distributed events table (<events>_bounce_queue, made by bounce.track_events()) and applies them to bounce.address_state as its tracking trigger would on one node; returns their number; run it often (pg_cron), the state is as fresh as its last run';
REVOKE ALL ON FUNCTION bounce.apply_queued(regclass) FROM PUBLIC;

CREATE FUNCTION bounce.rebuild(
		OUT addresses bigint, OUT events_replayed bigint, OUT active bigint,
		OUT confirmed bigint, OUT suppressed bigint, OUT untouched bigint)
	RETURNS record
	AS 'MODULE_PATHNAME', 'bounce_rebuild_all'
	LANGUAGE C VOLATILE;
COMMENT ON FUNCTION bounce.rebuild() IS
	'recomputes bounce.address_state (and the derived rows of bounce.suppression, complaints excepted) of every address from all its events: every tracked table (partitions included) and bounce.event_archive; manual clearances (cleared_at) are kept';
REVOKE ALL ON FUNCTION bounce.rebuild() FROM PUBLIC;
COMMENT ON FUNCTION bounce.rebuild(regclass) IS
	'recomputes bounce.address_state (and the derived rows of bounce.suppression, complaints excepted) of the addresses that have events in this table, each from all its events (every tracked table and bounce.event_archive), so that it never contradicts the other tables; manual clearances (cleared_at) are kept; other addresses are left alone and counted as untouched';

-- Partitions: PostgreSQL clones row triggers to partitions, not statement
-- triggers.  bounce.track_partitions() gives every partition of a tracked
-- partitioned table the table's statement triggers (bounce.track(),
-- bounce.track_purge()), so rows written straight into a partition are
-- tracked; an event trigger does it for partitions created or attached
-- later.  A detached partition keeps its triggers: it stays tracked, as a
-- table of its own.
CREATE FUNCTION bounce.track_partitions(events regclass) RETURNS integer
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	t record;
	p record;
	args text[];
	b bytea;
	pos integer;
	ddl text;
	made integer := 0;
BEGIN
	FOR t IN
		SELECT g.oid, g.tgname, g.tgtype, g.tgnargs, g.tgargs, g.tgoldtable, g.tgnewtable,
			   g.tgfoid::regproc::text AS fn
		FROM pg_trigger g
		WHERE g.tgrelid OPERATOR(pg_catalog.=) events
		  AND g.tgfoid IN ('bounce.track()'::regprocedure, 'bounce.track_purge()'::regprocedure)
		  AND (g.tgtype::integer OPERATOR(pg_catalog.&) 1) OPERATOR(pg_catalog.=) 0	-- statement
	LOOP
		args := '{}';
		b := t.tgargs;
		FOR i IN 1 .. t.tgnargs LOOP
			pos := pg_catalog.position(b, '\x00'::bytea);
			args := args OPERATOR(pg_catalog.||)
				pg_catalog.convert_from(pg_catalog.substr(b, 1, pos OPERATOR(pg_catalog.-) 1),
										pg_catalog.getdatabaseencoding());
			b := pg_catalog.substr(b, pos OPERATOR(pg_catalog.+) 1);
		END LOOP;
		FOR p IN
			SELECT r.relid FROM pg_catalog.pg_partition_tree(events) r
			WHERE r.relid OPERATOR(pg_catalog.<>) events
			  AND NOT EXISTS (SELECT FROM pg_trigger x
							  WHERE x.tgrelid OPERATOR(pg_catalog.=) r.relid
								AND x.tgname OPERATOR(pg_catalog.=) t.tgname)
		LOOP
			ddl := pg_catalog.format('CREATE TRIGGER %I %s %s ON %s %sFOR EACH STATEMENT EXECUTE FUNCTION %s(%s)',
				t.tgname,
				CASE WHEN (t.tgtype::integer OPERATOR(pg_catalog.&) 2) OPERATOR(pg_catalog.<>) 0
					 THEN 'BEFORE' ELSE 'AFTER' END,
				pg_catalog.concat_ws(' OR ',
					CASE WHEN (t.tgtype::integer OPERATOR(pg_catalog.&) 4) OPERATOR(pg_catalog.<>) 0 THEN 'INSERT' END,
					CASE WHEN (t.tgtype::integer OPERATOR(pg_catalog.&) 8) OPERATOR(pg_catalog.<>) 0 THEN 'DELETE' END,
					CASE WHEN (t.tgtype::integer OPERATOR(pg_catalog.&) 32) OPERATOR(pg_catalog.<>) 0 THEN 'TRUNCATE' END),
				p.relid::regclass,
				CASE WHEN t.tgnewtable IS NOT NULL
					 THEN pg_catalog.format('REFERENCING NEW TABLE AS %I ', t.tgnewtable)
					 WHEN t.tgoldtable IS NOT NULL
					 THEN pg_catalog.format('REFERENCING OLD TABLE AS %I ', t.tgoldtable)
					 ELSE '' END,
				CASE t.fn WHEN 'bounce.track' THEN 'bounce.track' ELSE 'bounce.track_purge' END,
				(SELECT pg_catalog.string_agg(pg_catalog.quote_literal(a), ', ') FROM pg_catalog.unnest(args) AS a));
			EXECUTE ddl;
			made := made OPERATOR(pg_catalog.+) 1;
		END LOOP;
	END LOOP;
	RETURN made;
END
$$;
COMMENT ON FUNCTION bounce.track_partitions(regclass) IS
	'gives every partition of a partitioned events table the table''s bounce.track() and bounce.track_purge() statement triggers (PostgreSQL clones only row triggers), so that rows written straight into a partition are tracked; returns the number of triggers created; bounce.track_events() and an event trigger (for partitions created or attached later) call it';

-- It runs in the session of whoever creates or alters any table: it reads
-- the catalogs only (no name lookup of schema bounce, which needs USAGE on
-- it), so roles without grants on bounce keep their DDL.
CREATE FUNCTION bounce.track_new_partitions() RETURNS event_trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	r record;
BEGIN
	FOR r IN
		SELECT DISTINCT a.relid
		FROM pg_catalog.pg_event_trigger_ddl_commands() c
		CROSS JOIN LATERAL pg_catalog.pg_partition_ancestors(c.objid) a
		JOIN pg_class k ON k.oid OPERATOR(pg_catalog.=) a.relid
		WHERE c.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::regclass
		  AND k.relkind OPERATOR(pg_catalog.=) 'p'
		  AND EXISTS (SELECT FROM pg_trigger g
					  JOIN pg_proc p ON p.oid OPERATOR(pg_catalog.=) g.tgfoid
					  JOIN pg_namespace n ON n.oid OPERATOR(pg_catalog.=) p.pronamespace
					  WHERE g.tgrelid OPERATOR(pg_catalog.=) a.relid
						AND n.nspname OPERATOR(pg_catalog.=) 'bounce'
						AND p.proname IN ('track', 'track_purge')
						AND p.pronargs OPERATOR(pg_catalog.=) 0
						AND (g.tgtype::integer OPERATOR(pg_catalog.&) 1) OPERATOR(pg_catalog.=) 0)
	LOOP
		PERFORM bounce.track_partitions(r.relid);
	END LOOP;
END
$$;
COMMENT ON FUNCTION bounce.track_new_partitions() IS
	'event trigger: a partition created in or attached to a tracked partitioned table gets its statement triggers (bounce.track_partitions())';
REVOKE ALL ON FUNCTION bounce.track_new_partitions() FROM PUBLIC;

CREATE EVENT TRIGGER bounce_track_new_partitions ON ddl_command_end
	WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')
	EXECUTE FUNCTION bounce.track_new_partitions();

CREATE OR REPLACE FUNCTION bounce.track_events(
		events regclass,
		address name,
		event name,
		campaign name,
		occurred_at name,
		diagnostic name DEFAULT NULL,
		status name DEFAULT NULL,
		reply_code name DEFAULT NULL,
		reason name DEFAULT NULL,
		kind name DEFAULT NULL,
		command name DEFAULT NULL,
		remote name DEFAULT NULL,
		tenant name DEFAULT NULL,
		unknown_event text DEFAULT 'error',
		for_each text DEFAULT 'statement',
		trigger_name name DEFAULT 'bounce_track')
	RETURNS text
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	args text[] := ARRAY[]::text[];
	ddl text;
	citus_table boolean := false;
	dist_column text;
	queue_schema name;
	queue_name text;
	queue_columns text;
	unsafe_triggers text;
BEGIN
	IF events IS NULL OR address IS NULL OR event IS NULL OR occurred_at IS NULL THEN
		RAISE EXCEPTION 'events, address, event and occurred_at must not be null'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF for_each IS NULL OR for_each NOT IN ('statement', 'row') THEN
		RAISE EXCEPTION 'for_each must be ''statement'' or ''row''' USING ERRCODE = 'invalid_parameter_value',
			HINT = 'statement: one trigger call per statement sees all its rows (faster for batches); row: one call per row.';
	END IF;
	args := args || ('address=' || address) || ('event=' || event) || ('time=' || occurred_at);
	IF campaign IS NOT NULL THEN args := args || ('campaign=' || campaign); END IF;
	IF tenant IS NOT NULL THEN args := args || ('tenant=' || tenant); END IF;
	IF diagnostic IS NOT NULL THEN args := args || ('diagnostic=' || diagnostic); END IF;
	IF status IS NOT NULL THEN args := args || ('status=' || status); END IF;
	IF reply_code IS NOT NULL THEN args := args || ('reply_code=' || reply_code); END IF;
	IF reason IS NOT NULL THEN args := args || ('reason=' || reason); END IF;
	IF kind IS NOT NULL THEN args := args || ('kind=' || kind); END IF;
	IF command IS NOT NULL THEN args := args || ('command=' || command); END IF;
	IF remote IS NOT NULL THEN args := args || ('remote=' || remote); END IF;
	IF unknown_event IS DISTINCT FROM 'error' THEN
		args := args || ('unknown_event=' || coalesce(unknown_event, 'null'));
	END IF;

	-- A Citus table: Citus creates the triggers on every shard, once told
	-- so for this call.  A hash-distributed table gets an event queue,
	-- <events>_bounce_queue, of the mapped columns, co-located with it: the
	-- tracking trigger on a shard appends its rows to the queue's shard next
	-- to it, and bounce.apply_queued() on the coordinator applies them to
	-- the state kept there.  Another Citus table (reference, local) has its
	-- tracking trigger switched off, its state kept by bounce.rebuild().
	IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		EXECUTE 'SELECT EXISTS (SELECT FROM pg_catalog.pg_dist_partition
								WHERE logicalrelid OPERATOR(pg_catalog.=) $1),
						(SELECT pg_catalog.column_to_column_name(logicalrelid, partkey)
						 FROM pg_catalog.pg_dist_partition
						 WHERE logicalrelid OPERATOR(pg_catalog.=) $1
						   AND partmethod OPERATOR(pg_catalog.=) ''h'')'
			INTO citus_table, dist_column USING events;
	END IF;
	IF citus_table THEN
		unsafe_triggers := pg_catalog.current_setting('citus.enable_unsafe_triggers', true);
		PERFORM pg_catalog.set_config('citus.enable_unsafe_triggers', 'on', true);
	END IF;
	IF dist_column IS NOT NULL THEN
		SELECT n.nspname, c.relname || '_bounce_queue' INTO queue_schema, queue_name
		FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
		WHERE c.oid OPERATOR(pg_catalog.=) events;
		IF pg_catalog.octet_length(queue_name) > 63 THEN
			RAISE EXCEPTION 'the name of % is too long for its event queue', events
				USING ERRCODE = 'name_too_long',
					  DETAIL = format('The queue is named %s, over 63 bytes.', queue_name),
					  HINT = 'Rename the events table to 50 bytes or fewer.';
		END IF;
		IF pg_catalog.to_regclass(format('%I.%I', queue_schema, queue_name)) IS NULL THEN
			SELECT string_agg(format('%I %s', a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)),
							  ', ' ORDER BY a.attnum)
			INTO queue_columns
			FROM pg_catalog.pg_attribute a
			WHERE a.attrelid OPERATOR(pg_catalog.=) events AND a.attnum > 0 AND NOT a.attisdropped
			  AND a.attname IN (dist_column, address, event, campaign, occurred_at, diagnostic, status,
								reply_code, reason, kind, command, remote, tenant);
			EXECUTE format('CREATE TABLE %I.%I (%s)', queue_schema, queue_name, queue_columns);
			EXECUTE format('COMMENT ON TABLE %I.%I IS %L', queue_schema, queue_name,
						   format('events of %s queued on the shards for bounce.apply_queued() (bounce.track_events())', events));
			PERFORM pg_catalog.create_distributed_table(format('%I.%I', queue_schema, queue_name)::regclass,
														dist_column, colocate_with => events::text);
		END IF;
	END IF;

	ddl := format('CREATE TRIGGER %I AFTER INSERT ON %s ', trigger_name, events)
		|| CASE for_each WHEN 'statement'
			THEN 'REFERENCING NEW TABLE AS bounce_new_events FOR EACH STATEMENT '
			ELSE 'FOR EACH ROW ' END
		|| 'EXECUTE FUNCTION bounce.track('
		|| (SELECT string_agg(quote_literal(a), ', ') FROM unnest(args) AS a) || ')';
	EXECUTE ddl;
	-- retention: purged events go to bounce.event_archive
	EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %s REFERENCING OLD TABLE AS bounce_old_events '
				   'FOR EACH STATEMENT EXECUTE FUNCTION bounce.track_purge(%s)',
				   trigger_name || '_purge', events,
				   (SELECT string_agg(quote_literal(a), ', ') FROM unnest(args) AS a));
	EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %s '
				   'FOR EACH STATEMENT EXECUTE FUNCTION bounce.track_purge(%s)',
				   trigger_name || '_truncate', events,
				   (SELECT string_agg(quote_literal(a), ', ') FROM unnest(args) AS a));
	-- partitions: the statement triggers on every partition, now and later
	PERFORM bounce.track_partitions(events);
	PERFORM bounce.track_check(events);
	IF dist_column IS NOT NULL THEN
		PERFORM pg_catalog.set_config('citus.enable_unsafe_triggers',
									  coalesce(unsafe_triggers, 'off'), true);
		RAISE NOTICE 'the events of % are queued on its shards in %.%', events, queue_schema, queue_name
			USING DETAIL = 'The address state is kept on the coordinator.',
				  HINT = format('Run SELECT bounce.apply_queued(%L) on the coordinator, often (it takes what is queued); events already in the table are not queued: replay them once with bounce.rebuild(%L); purge with bounce.purge_events(); see "Running on Citus" in the README.', events::text, events::text);
	ELSIF citus_table THEN
		EXECUTE format('ALTER TABLE %s DISABLE TRIGGER %I', events, trigger_name);
		PERFORM pg_catalog.set_config('citus.enable_unsafe_triggers',
									  coalesce(unsafe_triggers, 'off'), true);
		RAISE NOTICE '% is a Citus table: its address state is kept by bounce.rebuild() on the coordinator', events
			USING DETAIL = format('Trigger %I is created disabled: on the shards it would keep the state on the workers.', trigger_name),
				  HINT = format('Run SELECT * FROM bounce.rebuild(%L) on the coordinator after loading events, and purge with bounce.purge_events(); see "Running on Citus" in the README.', events::text);
	ELSIF EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) events AND c.reltuples > 0)
	THEN
		RAISE NOTICE 'events already in % are not in the state yet', events
			USING HINT = format('Run SELECT * FROM bounce.rebuild(%L) to replay them.', events::text);
	END IF;
	RETURN ddl;
END
$$;
COMMENT ON FUNCTION bounce.track_events(regclass, name, name, name, name, name, name, name, name, name, name, name, name, text, text, name) IS
	'attaches bounce.track() to an events table with named columns (campaign may be NULL) and returns the CREATE TRIGGER run; for_each statement (default) sees each statement''s rows at once, row one at a time; replaying the address needs an index on the events table: (tenant column, bounce.address_key(address column)); it also attaches bounce.track_purge() (DELETE and TRUNCATE keep the purged events in bounce.event_archive) and, on a partitioned table, the statement triggers to every partition';

-- ---------------------------------------------------------------------------
-- Classification
-- ---------------------------------------------------------------------------

-- bounce.explain() also says what decided the reason (issue 8): the C entry
-- point fills this eighth column when the type has it, so 1.0's seven-column
-- type keeps working with the same library.
ALTER TYPE bounce.explanation ADD ATTRIBUTE evidence text;
COMMENT ON COLUMN bounce.explanation.evidence IS
	'what decided the reason: the sender rule, or the built-in evidence (phrase and its group with its source, provider, enhanced status, reply code) and what the SMTP command or status then changed';

-- ---------------------------------------------------------------------------
-- Bounce and feedback messages
-- ---------------------------------------------------------------------------

-- bounce.parse_message: a whole bounce, feedback report (RFC 5965) or
-- auto-reply (RFC 3834) as received, one row per recipient, classified
-- with the built-in rules (the sender's rules apply when the rows are
-- classified again with bounce.classify(), see the README).  The text and
-- bytea forms read the same bytes; bytea is for messages whose bytes are
-- not valid in the database encoding.  Zero rows for anything else.
CREATE FUNCTION bounce.parse_message(message text,
		OUT recipient text, OUT action text, OUT status bounce.smtp_status,
		OUT reply_code integer, OUT diagnostic text, OUT remote text,
		OUT command text, OUT arrived_at timestamp with time zone,
		OUT feedback_type text, OUT message_id text, OUT feedback_id text,
		OUT reason bounce.reason, OUT kind bounce.kind, OUT format text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'bounce_parse_message'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1;
COMMENT ON FUNCTION bounce.parse_message(text) IS
	'the recipients of a bounce message (RFC 3464 DSN, MTA text formats), feedback report (RFC 5965) or auto-reply (RFC 3834): one row each, classified with the built-in rules; zero rows for any other message';

CREATE FUNCTION bounce.parse_message(message bytea,
		OUT recipient text, OUT action text, OUT status bounce.smtp_status,
		OUT reply_code integer, OUT diagnostic text, OUT remote text,
		OUT command text, OUT arrived_at timestamp with time zone,
		OUT feedback_type text, OUT message_id text, OUT feedback_id text,
		OUT reason bounce.reason, OUT kind bounce.kind, OUT format text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'bounce_parse_message'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1;
COMMENT ON FUNCTION bounce.parse_message(bytea) IS
	'bounce.parse_message(text) for a message kept as bytes';

-- ---------------------------------------------------------------------------
-- Tallies: complaints and complaint rates
-- ---------------------------------------------------------------------------

-- bounce.tally also counts messages known delivered and complaints (a
-- complaint is not a bounce: it counts in its own rate).  The type keeps
-- 1.0's 40 bytes: a value without deliveries and complaints keeps 1.0's
-- layout and bytes, one with them is packed (src/core/tally.h), so every
-- stored 1.0 value reads as it was.  Text: 1.0's form is read and written
-- as before; ",delivered=N,complaints=N" is added when either is non-zero.
-- Binary: format version 2 adds the two counts; versions 1 and 2 are read.

CREATE TYPE bounce.complaint_tier AS ENUM ('good', 'elevated', 'too_high', 'critical');
COMMENT ON TYPE bounce.complaint_tier IS
	'tier of a complaint rate, from the mailbox providers'' thresholds for bulk senders: good below 0.1 %, elevated from 0.1 % to below 0.3 % (Google and Yahoo: keep below 0.1 %; Amazon SES reviews at 0.1 %), too_high from 0.3 % to below 0.5 % (Google and Yahoo: never reach 0.3 %), critical at 0.5 % and above (Amazon SES may pause sending)';

-- 1.0's entry point keeps sending format version 1 until this update runs.
CREATE OR REPLACE FUNCTION bounce.tally_send(bounce.tally) RETURNS bytea
	AS 'MODULE_PATHNAME', 'bounce_tally_send_v2'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tally_send(bounce.tally) IS
	'binary output function of bounce.tally: a format version byte (2), then sent, hard, soft, block, undetermined, delivered and complaints as int8';
COMMENT ON FUNCTION bounce.tally_recv(internal) IS
	'binary input function of bounce.tally: a format version byte, then sent, hard, soft, block and undetermined as int8 (version 1, 1.0''s), then also delivered and complaints (version 2)';
COMMENT ON FUNCTION bounce.tally_in(cstring) IS
	'input function of bounce.tally: (sent=N,hard=N,soft=N,block=N,undetermined=N), optionally with ,delivered=N,complaints=N before the closing parenthesis';
COMMENT ON FUNCTION bounce.tally_out(bounce.tally) IS
	'output function of bounce.tally: (sent=N,hard=N,soft=N,block=N,undetermined=N), with ,delivered=N,complaints=N before the closing parenthesis when either is non-zero';
COMMENT ON TYPE bounce.tally IS
	'messages sent and, of those, bounced by kind (hard, soft, block, undetermined), known delivered, and complained about; written (sent=N,hard=N,soft=N,block=N,undetermined=N[,delivered=N,complaints=N]); never more bounces, deliveries or complaints than sent';

-- No defaults: bounce.tally(sent, ...) with five or fewer arguments stays
-- 1.0's function.
CREATE FUNCTION bounce.tally(sent bigint, hard bigint, soft bigint,
		block bigint, undetermined bigint, delivered bigint, complaints bigint)
	RETURNS bounce.tally
	AS 'MODULE_PATHNAME', 'bounce_tally_make'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tally(bigint, bigint, bigint, bigint, bigint, bigint, bigint) IS
	'a tally from counts made elsewhere, with deliveries (0: not counted) and complaints; counts cannot be negative, and bounces, deliveries and complaints each cannot outnumber sent';

-- Not STRICT, as bounce.tally_count(bounce.tally, bounce.kind).
CREATE FUNCTION bounce.tally_count(bounce.tally, bounce.kind, boolean, boolean)
	RETURNS bounce.tally
	AS 'MODULE_PATHNAME', 'bounce_tally_count_message'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tally_count(bounce.tally, bounce.kind, boolean, boolean) IS
	'the tally plus one message sent with this outcome (NULL or none: it did not bounce), known delivered when the first boolean is true, complained about when the second is: the transition function of bounce.tally(bounce.kind, boolean, boolean)';

CREATE AGGREGATE bounce.tally(outcome bounce.kind, delivered boolean, complained boolean) (
	SFUNC = bounce.tally_count,
	STYPE = bounce.tally,
	COMBINEFUNC = bounce.tally_add,
	INITCOND = '(sent=0,hard=0,soft=0,block=0,undetermined=0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE bounce.tally(bounce.kind, boolean, boolean) IS
	'tally of one row per message sent: its outcome kind (NULL or none: did not bounce), whether it is known delivered, whether its recipient complained (NULL: no); gives the bounce rate and tier and the complaint rate and tier in one pass';

CREATE FUNCTION bounce.delivered(bounce.tally) RETURNS bigint
	AS 'MODULE_PATHNAME', 'bounce_tally_delivered'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.delivered(bounce.tally) IS
	'messages known delivered; 0 when the tally counts no delivery';

CREATE FUNCTION bounce.complaints(bounce.tally) RETURNS bigint
	AS 'MODULE_PATHNAME', 'bounce_tally_complaints'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.complaints(bounce.tally) IS
	'complaints (feedback-loop reports, "this is spam"); not bounces';

CREATE FUNCTION bounce.complaint_rate(bounce.tally) RETURNS double precision
	AS 'MODULE_PATHNAME', 'bounce_tally_complaint_rate'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.complaint_rate(bounce.tally) IS
	'complaint rate in percent: complaints * 100 / delivered, or complaints * 100 / sent when the tally counts no delivery; NULL when nothing was sent';

CREATE FUNCTION bounce.complaint_tier(bounce.tally) RETURNS bounce.complaint_tier
	AS 'MODULE_PATHNAME', 'bounce_tally_complaint_tier'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.complaint_tier(bounce.tally) IS
	'tier of the complaint rate, compared exactly with the boundaries of bounce.complaint_tier; NULL when nothing was sent';

CREATE FUNCTION bounce.complaint_tier(complaint_rate double precision) RETURNS bounce.complaint_tier
	AS 'MODULE_PATHNAME', 'bounce_complaint_tier_float8'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.complaint_tier(double precision) IS
	'tier of a complaint rate in percent (0 to 100), such as the spam rate of Google Postmaster Tools';

CREATE FUNCTION bounce.complaint_tier(complaint_rate numeric) RETURNS bounce.complaint_tier
	AS 'MODULE_PATHNAME', 'bounce_complaint_tier_numeric'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.complaint_tier(numeric) IS
	'tier of a complaint rate in percent (0 to 100), compared exactly';

-- ---------------------------------------------------------------------------
-- Citus
-- ---------------------------------------------------------------------------

-- The default-row trigger of bounce.policy deletes from the relation it
-- fires on (a placement of the reference table on Citus): its one
-- definition, with its attach checks, is in the security section above.

-- Configuration on every node: the sender's rules, the reason -> kind map,
-- the policy and the MX map as Citus reference tables.  The C caches read
-- each table's placement on their own node (src/citus.c).
CREATE FUNCTION bounce.distribute_config() RETURNS text[]
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	t text;
	done text[] := '{}';
	unsafe text;
BEGIN
	IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
		RAISE EXCEPTION 'extension citus is not installed in this database'
			USING ERRCODE = 'feature_not_supported',
				  HINT = 'bounce.distribute_config() is for a Citus coordinator: CREATE EXTENSION citus first.';
	END IF;
	-- Citus distributes no table with triggers unless told to.  These
	-- triggers are safe on every placement: they only invalidate the
	-- caches of their own node, and the policy's deletes from the
	-- placement it fires on.  The setting is restored below.
	unsafe := pg_catalog.current_setting('citus.enable_unsafe_triggers', true);
	PERFORM pg_catalog.set_config('citus.enable_unsafe_triggers', 'on', true);
	FOREACH t IN ARRAY ARRAY['rule', 'reason_kind', 'policy', 'domain_mx'] LOOP
		IF NOT EXISTS (SELECT FROM pg_catalog.pg_dist_partition d
					   WHERE d.logicalrelid OPERATOR(pg_catalog.=)
							 pg_catalog.format('bounce.%I', t)::pg_catalog.regclass) THEN
			EXECUTE pg_catalog.format('SELECT pg_catalog.create_reference_table(%L)',
									  'bounce.' OPERATOR(pg_catalog.||) t);
			done := done OPERATOR(pg_catalog.||) t;
		END IF;
	END LOOP;
	PERFORM pg_catalog.set_config('citus.enable_unsafe_triggers', coalesce(unsafe, 'off'), true);
	RETURN done;
END
$$;
COMMENT ON FUNCTION bounce.distribute_config() IS
	'on a Citus coordinator: makes bounce.rule, bounce.reason_kind, bounce.policy and bounce.domain_mx reference tables, so that a change made on the coordinator applies on every node; returns the tables it distributed (none when all already were)';
REVOKE ALL ON FUNCTION bounce.distribute_config() FROM PUBLIC;

-- ---------------------------------------------------------------------------
-- Usability: operators reachable without the search_path
-- ---------------------------------------------------------------------------

-- Nothing here, on purpose.  The operators of bounce.smtp_status and
-- bounce.tally stay in schema bounce: `status < '5.1.10'` needs bounce on
-- the search_path (ALTER DATABASE ... SET search_path = "$user", public,
-- bounce) or OPERATOR(bounce.<), as README "Status codes" says.  Tried and
-- rejected: an implicit binary-coercible cast to int4, so that pg_catalog's
-- int4 operators apply (then `status = '5.1.1'` resolves to int4 = int4 and
-- fails on the literal, `status = 5001001` passes silently, and no index on
-- a status column is used: a Seq Scan where OPERATOR(bounce.=) gives an
-- Index Only Scan); and a NOTICE from the install (CREATE EXTENSION raises
-- client_min_messages to WARNING while the script runs, so a NOTICE is never
-- seen, and a WARNING on every correct install is wrong).  sql/search_path.sql
-- shows the behaviour.
