-- bounce--1.0--1.1.sql: everything 1.1 adds to or changes in 1.0.
-- 1.0's install script is frozen; CREATE EXTENSION bounce (1.1) runs it and
-- then this script, so a fresh install and an update of 1.0 are one path
-- (test/check-upgrade.sh proves they give the same objects).
-- One section per feature; each keeps to its own section.

\echo Use "ALTER EXTENSION bounce UPDATE TO '1.1'" to load this file. \quit

-- ---------------------------------------------------------------------------
-- Security and tenancy
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Address state: address key, partitions, several tables, retention
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Classification
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Bounce and feedback messages
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Tallies: complaints and complaint rates
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Citus
-- ---------------------------------------------------------------------------

-- The default-row trigger deletes from the relation it fires on, not from
-- bounce.policy: on Citus that relation is a placement of the reference
-- table, and a DELETE on bounce.policy from inside create_reference_table's
-- copy waited for the lock the copy itself held.
CREATE OR REPLACE FUNCTION bounce.policy_replace_default() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF NEW.tenant OPERATOR(pg_catalog.=) '' THEN
		EXECUTE pg_catalog.format('DELETE FROM %I.%I p'
			' WHERE p.tenant OPERATOR(pg_catalog.=) '''''
			' AND bounce.policy_is_builtin(ROW(p.*)::bounce.policy)',
			TG_TABLE_SCHEMA, TG_TABLE_NAME);
	END IF;
	RETURN NEW;
END
$$;

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
