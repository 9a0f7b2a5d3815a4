
-- ---------------------------------------------------------------------------
-- Guards (SPEC sections 3 and 4): the delete restriction, the clean list,
-- the suppression guard and double opt-in, the invalid-address list.
-- C in src/guards.c, src/guards_suppression.c, src/guards_invalid.c.
--
-- Refusals raise their own SQLSTATEs, all in class 23 (integrity
-- constraint violation):
--   23B01  an address emailed within its tenant's policy recent_send_window
--          may not be removed: a confirmed bounce from bounce.address_state,
--          a contact from a table guarded by bounce.protect_recent(), a row
--          through bounce.remove_confirmed()
--   23B02  an address on bounce.suppression may not be added to a list
--          table guarded by bounce.refuse_suppressed()
--   23B03  a complaint on bounce.suppression is lifted only by
--          bounce.confirm_opt_in()
--
-- "Emailed within the window" means last_sent_at > now() - window, where
-- last_sent_at is bounce.address_state's for (tenant, lower(address)) and
-- window the tenant's bounce.policy.recent_send_window (its own row, else
-- the default row '', else 7 days).
--
-- The guard triggers read the bounce tables through their primary keys
-- without a privilege check, so the roles whose deletes and inserts they
-- judge need no privilege on them.  Attaching a guard to a table is a
-- privilege: EXECUTE on its function, which PUBLIC does not have.
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Delete restriction
-- ---------------------------------------------------------------------------

CREATE FUNCTION bounce.protected_until(address text, tenant text DEFAULT '')
	RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'bounce_protected_until'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION bounce.protected_until(text, text) IS
	'when the delete restriction stops protecting the address (any case) of the tenant (NULL: ''''): its last send plus the tenant''s recent_send_window, if that is still ahead; NULL when it is not protected; needs SELECT on bounce.address_state';

CREATE FUNCTION bounce.restrict_confirmed_removal() RETURNS trigger
	AS 'MODULE_PATHNAME', 'bounce_restrict_confirmed_removal'
	LANGUAGE C;
COMMENT ON FUNCTION bounce.restrict_confirmed_removal() IS
	'constraint trigger on bounce.address_state: removing a confirmed bounce (DELETE, or UPDATE of its status or key) is refused with SQLSTATE 23B01 while it was emailed within the recent_send_window; judged on the state when the check runs';
REVOKE ALL ON FUNCTION bounce.restrict_confirmed_removal() FROM PUBLIC;

CREATE CONSTRAINT TRIGGER address_state_recent_send
	AFTER UPDATE OF status, tenant, address OR DELETE ON bounce.address_state
	DEFERRABLE INITIALLY IMMEDIATE
	FOR EACH ROW EXECUTE FUNCTION bounce.restrict_confirmed_removal();
COMMENT ON TRIGGER address_state_recent_send ON bounce.address_state IS
	'a confirmed bounce emailed within the recent_send_window may not be removed (SQLSTATE 23B01); SET CONSTRAINTS bounce.address_state_recent_send DEFERRED judges at commit';

CREATE FUNCTION bounce.protect_recent() RETURNS trigger
	AS 'MODULE_PATHNAME', 'bounce_protect_recent'
	LANGUAGE C;
COMMENT ON FUNCTION bounce.protect_recent() IS
	'trigger for the sender''s contact tables, AFTER DELETE OR UPDATE FOR EACH ROW (best a DEFERRABLE constraint trigger): refuses (SQLSTATE 23B01) deleting a contact emailed within the recent_send_window, or changing its address, tenant or list, unless the same contact is back in the table when the check runs; arguments key=column: address (required), tenant, list';
-- Attaching it reads the state for the table's deletes: a privilege.
REVOKE ALL ON FUNCTION bounce.protect_recent() FROM PUBLIC;

CREATE FUNCTION bounce.remove_confirmed(address text, tenant text DEFAULT '')
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'bounce_remove_confirmed'
	LANGUAGE C VOLATILE;
COMMENT ON FUNCTION bounce.remove_confirmed(text, text) IS
	'removes a confirmed bounce from the confirmed list by hand: its state is cleared (active, streaks and history forgotten, its events up to now counting only as sends, also in bounce.rebuild()); refused with SQLSTATE 23B01 while it was emailed within the recent_send_window; false when the address is not confirmed';
REVOKE ALL ON FUNCTION bounce.remove_confirmed(text, text) FROM PUBLIC;

-- ---------------------------------------------------------------------------
-- Suppression guard and double opt-in
-- ---------------------------------------------------------------------------

CREATE FUNCTION bounce.refuse_suppressed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'bounce_refuse_suppressed'
	LANGUAGE C;
COMMENT ON FUNCTION bounce.refuse_suppressed() IS
	'trigger for the sender''s list tables, BEFORE INSERT OR UPDATE OF the address column FOR EACH ROW: a row whose address is on bounce.suppression is refused (SQLSTATE 23B02), or skipped with the argument on_suppressed=skip; an update keeping the address and tenant passes; arguments key=column: address (required), tenant';
REVOKE ALL ON FUNCTION bounce.refuse_suppressed() FROM PUBLIC;

CREATE FUNCTION bounce.keep_complaints() RETURNS trigger
	AS 'MODULE_PATHNAME', 'bounce_keep_complaints'
	LANGUAGE C;
COMMENT ON FUNCTION bounce.keep_complaints() IS
	'trigger on bounce.suppression: a complaint may not be deleted, changed to another reason or address, or truncated (SQLSTATE 23B03) except by bounce.confirm_opt_in()';
REVOKE ALL ON FUNCTION bounce.keep_complaints() FROM PUBLIC;

CREATE TRIGGER suppression_keep_complaints
	BEFORE UPDATE OR DELETE ON bounce.suppression
	FOR EACH ROW EXECUTE FUNCTION bounce.keep_complaints();
COMMENT ON TRIGGER suppression_keep_complaints ON bounce.suppression IS
	'a complaint is lifted only by bounce.confirm_opt_in()';

CREATE TRIGGER suppression_keep_complaints_truncate
	BEFORE TRUNCATE ON bounce.suppression
	FOR EACH STATEMENT EXECUTE FUNCTION bounce.keep_complaints();
COMMENT ON TRIGGER suppression_keep_complaints_truncate ON bounce.suppression IS
	'the suppression list may not be truncated while it holds complaints';

CREATE FUNCTION bounce.confirm_opt_in(address text, evidence jsonb,
		tenant text DEFAULT '', who text DEFAULT NULL)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'bounce_confirm_opt_in'
	LANGUAGE C VOLATILE;
COMMENT ON FUNCTION bounce.confirm_opt_in(text, jsonb, text, text) IS
	'the subscriber of the address (any case) confirmed by double opt-in: removes its suppression (any reason, complaints included), clears its state (active, streaks and history forgotten, its events up to now counting only as sends, also in bounce.rebuild()) and records in bounce.suppression_audit who (default the current role), when and the evidence (required); false when there was nothing to lift';
REVOKE ALL ON FUNCTION bounce.confirm_opt_in(text, jsonb, text, text) FROM PUBLIC;

-- ---------------------------------------------------------------------------
-- Invalid addresses
--
-- The list is data the extension builds from the events (and from
-- bounce.note_invalid()), not configuration, but it is dumped all the
-- same: pg_dump leaves out the rows of an extension's tables unless they
-- are marked, and these cannot be derived again -- when and where each
-- address was first seen -- so a restore without them would lose the
-- list, as it would bounce.address_state and bounce.suppression.
-- ---------------------------------------------------------------------------

CREATE TABLE bounce.invalid_address (
	tenant text NOT NULL DEFAULT '',
	address text NOT NULL,
	problem text NOT NULL,
	suggestion text,
	first_seen timestamptz NOT NULL DEFAULT pg_catalog.now(),
	source text,
	PRIMARY KEY (tenant, address),
	CONSTRAINT invalid_address_problem CHECK (problem IN ('syntax', 'typo'))
);
COMMENT ON TABLE bounce.invalid_address IS
	'addresses seen that cannot receive mail: no RFC 5321 mailbox (syntax) or on a mistyped provider domain (typo); each is also on bounce.suppression with reason invalid';
COMMENT ON COLUMN bounce.invalid_address.tenant IS 'the sender''s account; '''' for none';
COMMENT ON COLUMN bounce.invalid_address.address IS 'the address, lower-cased';
COMMENT ON COLUMN bounce.invalid_address.problem IS
	'syntax or typo, as bounce.address_problem() says';
COMMENT ON COLUMN bounce.invalid_address.suggestion IS
	'the corrected address for a typo (bounce.suggest()); NULL when there is none';
COMMENT ON COLUMN bounce.invalid_address.first_seen IS
	'time of the first event naming it (of the call, for bounce.note_invalid())';
COMMENT ON COLUMN bounce.invalid_address.source IS
	'the events table it was seen in, or the source given to bounce.note_invalid()';

SELECT pg_catalog.pg_extension_config_dump('bounce.invalid_address', '');

CREATE FUNCTION bounce.note_invalid(address text, tenant text DEFAULT '',
		source text DEFAULT 'manual')
	RETURNS text
	AS 'MODULE_PATHNAME', 'bounce_note_invalid_sql'
	LANGUAGE C VOLATILE;
COMMENT ON FUNCTION bounce.note_invalid(text, text, text) IS
	'checks an address as bounce.track() does: when it is invalid, records it (lower-cased) on bounce.invalid_address and bounce.suppression (reason invalid) unless already there, and returns the problem (syntax or typo); NULL for a valid address';
REVOKE ALL ON FUNCTION bounce.note_invalid(text, text, text) FROM PUBLIC;

-- ---------------------------------------------------------------------------
-- Clean list
-- ---------------------------------------------------------------------------

CREATE FUNCTION bounce.clean_list(
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

	-- One statement, one snapshot: the matches, the delete of those not
	-- protected, and the counts.  The search_path is pinned, so the
	-- operators below are pg_catalog's.
	stmt := format($q$
WITH m AS MATERIALIZED (
	SELECT l.tableoid AS rel, l.ctid AS tid, c.category,
		   CASE WHEN c.category IS NOT NULL
				THEN bounce.protected_until(k.address, k.tenant) END AS protected_until
	FROM %1$s AS l
	CROSS JOIN LATERAL (SELECT %2$s AS tenant,
							   pg_catalog.lower(l.%3$I::pg_catalog.text) AS address) AS k
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
SELECT a.action, c.category,
	   CASE WHEN a.action = 'kept' THEN 'recently_sent' END,
	   coalesce(r.n, 0)
FROM unnest($1) WITH ORDINALITY AS c(category, o)
CROSS JOIN (VALUES (1, CASE WHEN $2 THEN 'would_remove' ELSE 'removed' END),
				   (2, 'kept')) AS a(o, action)
LEFT JOIN r ON r.action = a.action AND r.category = c.category
ORDER BY a.o, c.o
$q$, list, tenant_expr, address_column);

	RETURN QUERY EXECUTE stmt USING chosen, dry_run;
END
$fn$;
COMMENT ON FUNCTION bounce.clean_list(regclass, name, name, text[], boolean) IS
	'removes from a list table the rows whose address (lower-cased, per tenant: the tenant column''s text, '''' without one) is in a chosen category -- confirmed: a confirmed bounce; hard: a hard bounce counted since the last reset (hard_streak > 0, so confirmed ones too); soft: a soft bounce counted since the last reset, or suppressed for soft bounces; suppressed: on the suppression list for any reason; invalid: bounce.address_problem() finds it invalid -- skipping those emailed within the recent_send_window; returns per category the rows removed (would_remove with dry_run) and kept (reason recently_sent), zeros included; one statement in the caller''s transaction, with the caller''s privileges (DELETE and SELECT on the list, SELECT on bounce.address_state and bounce.suppression)';
