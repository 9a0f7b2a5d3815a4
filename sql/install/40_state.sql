
-- ---------------------------------------------------------------------------
-- Address state (SPEC sections 2, 3 and 5).
--
-- bounce.track() is a C trigger the sender attaches to their own events
-- table, naming their columns; it keeps bounce.address_state (one row per
-- tenant and lower-cased address) with the state machine of src/core/state.c
-- and puts suppressed addresses on bounce.suppression.  bounce.rebuild()
-- replays an events table through the same C function.  The policy
-- (thresholds, what resets a streak) is bounce.policy, per tenant with a
-- default row.
--
-- The trigger writes bounce.address_state directly through the table and
-- index access methods (no SQL, no privilege check), so a role that may only
-- INSERT into the events table keeps the state current without any
-- privilege on the state tables; the rarer writes (suppression list, audit)
-- run as the extension's owner.  No function here is SECURITY DEFINER.
-- ---------------------------------------------------------------------------

-- The same-time order of SPEC 2 rule 10 is the order of the labels.
CREATE TYPE bounce.event_type AS ENUM (
	'sent', 'delivered', 'bounce', 'open', 'click', 'complaint', 'unsubscribe'
);
COMMENT ON TYPE bounce.event_type IS
	'what happened to a message for an address; events with the same time are taken in this order: sent, delivered, bounce, open, click, complaint, unsubscribe';

CREATE TYPE bounce.address_status AS ENUM ('active', 'confirmed', 'suppressed');
COMMENT ON TYPE bounce.address_status IS
	'active: may be emailed; confirmed: a confirmed bounce, never emailed; suppressed: on the suppression list, never emailed';

CREATE TYPE bounce.suppression_reason AS ENUM (
	'hard_bounce', 'soft_bounce', 'complaint', 'unsubscribe', 'manual', 'invalid'
);
COMMENT ON TYPE bounce.suppression_reason IS
	'why an address is on the suppression list';

-- ---------------------------------------------------------------------------
-- Policy
-- ---------------------------------------------------------------------------

CREATE TABLE bounce.policy (
	tenant text PRIMARY KEY,
	hard_threshold integer NOT NULL DEFAULT 3,
	soft_threshold integer NOT NULL DEFAULT 5,
	reset_on bounce.event_type[] NOT NULL DEFAULT '{open,click}',
	reset_on_delivered boolean NOT NULL DEFAULT true,
	recent_send_window interval NOT NULL DEFAULT '7 days',
	CONSTRAINT policy_hard_threshold_range CHECK (hard_threshold BETWEEN 1 AND 100),
	CONSTRAINT policy_soft_threshold_range CHECK (soft_threshold BETWEEN 1 AND 100),
	CONSTRAINT policy_reset_on_engagement
		CHECK (reset_on OPERATOR(pg_catalog.<@) '{open,click}'::bounce.event_type[]),
	CONSTRAINT policy_recent_send_window_positive
		CHECK (recent_send_window >= '0'::interval)
);
COMMENT ON TABLE bounce.policy IS
	'the address-state policy, one row per tenant; the row of tenant '''' is the default, used by every tenant without a row of its own (and, if it is deleted, the built-in defaults: 3, 5, {open,click}, true, 7 days)';
COMMENT ON COLUMN bounce.policy.tenant IS 'the tenant; '''' for the default row';
COMMENT ON COLUMN bounce.policy.hard_threshold IS
	'hard bounces in consecutive campaigns that make a confirmed bounce (1 to 100)';
COMMENT ON COLUMN bounce.policy.soft_threshold IS
	'soft bounces in consecutive campaigns that put the address on the suppression list (1 to 100)';
COMMENT ON COLUMN bounce.policy.reset_on IS
	'engagement events that end both streaks while the address is active: open, click, both or neither (opens can be machine opens)';
COMMENT ON COLUMN bounce.policy.reset_on_delivered IS
	'a delivered event ends both streaks while the address is active';
COMMENT ON COLUMN bounce.policy.recent_send_window IS
	'an address emailed within this window may not be removed from the confirmed list';

INSERT INTO bounce.policy (tenant) VALUES ('');

CREATE FUNCTION bounce.policy_is_builtin(p bounce.policy) RETURNS boolean
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN p.tenant OPERATOR(pg_catalog.=) ''
		AND p.hard_threshold OPERATOR(pg_catalog.=) 3
		AND p.soft_threshold OPERATOR(pg_catalog.=) 5
		AND p.reset_on OPERATOR(pg_catalog.@>) '{open,click}'::bounce.event_type[]
		AND p.reset_on OPERATOR(pg_catalog.<@) '{open,click}'::bounce.event_type[]
		AND p.reset_on_delivered
		AND p.recent_send_window OPERATOR(pg_catalog.=) '7 days'::interval;
COMMENT ON FUNCTION bounce.policy_is_builtin(bounce.policy) IS
	'true for the default row as the extension created it: pg_dump leaves that row out, a restore re-creates it';

-- pg_dump dumps the tenants' rows, and the default row once it differs from
-- the built-in one; on restore that row replaces the one CREATE EXTENSION
-- made (see bounce.policy_replace_default).
SELECT pg_catalog.pg_extension_config_dump('bounce.policy',
	'WHERE NOT bounce.policy_is_builtin(policy)');

CREATE FUNCTION bounce.policy_replace_default() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF NEW.tenant OPERATOR(pg_catalog.=) '' THEN
		DELETE FROM bounce.policy p
		WHERE p.tenant OPERATOR(pg_catalog.=) '' AND bounce.policy_is_builtin(p);
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION bounce.policy_replace_default() IS
	'before inserting a default row (tenant ''''), removes the built-in one if it is unchanged, so that a dump of a changed default restores';

CREATE TRIGGER policy_replace_default
	BEFORE INSERT ON bounce.policy
	FOR EACH ROW EXECUTE FUNCTION bounce.policy_replace_default();
COMMENT ON TRIGGER policy_replace_default ON bounce.policy IS
	'an inserted default row replaces the unchanged built-in one';

CREATE TRIGGER policy_changed
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bounce.policy
	FOR EACH STATEMENT EXECUTE FUNCTION bounce.rules_changed();
COMMENT ON TRIGGER policy_changed ON bounce.policy IS
	'invalidates the cached policies of every session';

-- ---------------------------------------------------------------------------
-- State
-- ---------------------------------------------------------------------------

CREATE TABLE bounce.address_state (
	tenant text NOT NULL DEFAULT '',
	address text NOT NULL,
	status bounce.address_status NOT NULL DEFAULT 'active',
	suppression_reason bounce.suppression_reason,
	status_since timestamptz,
	hard_streak integer NOT NULL DEFAULT 0,
	soft_streak integer NOT NULL DEFAULT 0,
	hard_campaigns text[] NOT NULL DEFAULT '{}',
	soft_campaigns text[] NOT NULL DEFAULT '{}',
	last_counted_at timestamptz,
	last_sent_at timestamptz,
	last_bounce_at timestamptz,
	last_reason bounce.reason,
	last_kind bounce.kind,
	cleared_at timestamptz,
	last_event_at timestamptz,
	last_event bounce.event_type,
	PRIMARY KEY (tenant, address),
	CONSTRAINT address_state_streaks CHECK (hard_streak >= 0 AND soft_streak >= 0),
	CONSTRAINT address_state_suppression_reason
		CHECK ((status OPERATOR(pg_catalog.=) 'suppressed') = (suppression_reason IS NOT NULL))
) WITH (fillfactor = 50);
COMMENT ON TABLE bounce.address_state IS
	'deliverability state per tenant and address, kept by bounce.track() triggers and recomputed by bounce.rebuild(); one row per address seen in an event';
COMMENT ON COLUMN bounce.address_state.tenant IS 'the sender''s account; '''' when the events have no tenant';
COMMENT ON COLUMN bounce.address_state.address IS 'the address, lower-cased';
COMMENT ON COLUMN bounce.address_state.status IS 'active, confirmed (a confirmed bounce) or suppressed';
COMMENT ON COLUMN bounce.address_state.suppression_reason IS
	'why the events suppressed it (soft_bounce, complaint, unsubscribe; a complaint outranks an unsubscribe, which outranks soft_bounce); NULL unless suppressed';
COMMENT ON COLUMN bounce.address_state.status_since IS
	'time of the event that last changed the status; NULL while it never changed';
COMMENT ON COLUMN bounce.address_state.hard_streak IS
	'hard bounces in consecutive campaigns since the last reset';
COMMENT ON COLUMN bounce.address_state.soft_streak IS
	'soft bounces in consecutive campaigns since the last reset';
COMMENT ON COLUMN bounce.address_state.hard_campaigns IS
	'the campaigns whose hard bounce was last counted, oldest first, at most hard_threshold of them: a campaign counts once; an event without campaign is named by its time, as @2024-05-01T10:00:00.000000Z (UTC)';
COMMENT ON COLUMN bounce.address_state.soft_campaigns IS
	'the campaigns whose soft bounce was last counted, as hard_campaigns';
COMMENT ON COLUMN bounce.address_state.last_counted_at IS
	'time of the last bounce that added to a streak';
COMMENT ON COLUMN bounce.address_state.last_sent_at IS 'time of the newest sent event';
COMMENT ON COLUMN bounce.address_state.last_bounce_at IS
	'time of the last bounce of kind hard, soft, block or undetermined';
COMMENT ON COLUMN bounce.address_state.last_reason IS 'reason of that bounce';
COMMENT ON COLUMN bounce.address_state.last_kind IS 'kind of that bounce';
COMMENT ON COLUMN bounce.address_state.cleared_at IS
	'time of a manual clearance (double opt-in, removal from the confirmed list): events up to then count only as sends, also in bounce.rebuild()';
COMMENT ON COLUMN bounce.address_state.last_event_at IS
	'time of the newest event applied: an event older than this makes the trigger replay the address from the events table';
COMMENT ON COLUMN bounce.address_state.last_event IS 'type of that event';

SELECT pg_catalog.pg_extension_config_dump('bounce.address_state', '');

-- ---------------------------------------------------------------------------
-- Suppression list
-- ---------------------------------------------------------------------------

CREATE TABLE bounce.suppression (
	tenant text NOT NULL DEFAULT '',
	address text NOT NULL,
	reason bounce.suppression_reason NOT NULL,
	suppressed_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	source text NOT NULL DEFAULT 'manual',
	derived boolean NOT NULL DEFAULT false,
	PRIMARY KEY (tenant, address),
	CONSTRAINT suppression_address_lower
		CHECK (address OPERATOR(pg_catalog.=) pg_catalog.lower(address))
);
COMMENT ON TABLE bounce.suppression IS
	'the suppression list: addresses that must not be emailed, one row per tenant and address; every change is recorded in bounce.suppression_audit';
COMMENT ON COLUMN bounce.suppression.tenant IS 'the sender''s account; '''' for none';
COMMENT ON COLUMN bounce.suppression.address IS 'the address, lower-cased';
COMMENT ON COLUMN bounce.suppression.reason IS
	'hard_bounce, soft_bounce, complaint, unsubscribe, manual or invalid';
COMMENT ON COLUMN bounce.suppression.suppressed_at IS
	'when the address was suppressed: the event''s time for a derived row';
COMMENT ON COLUMN bounce.suppression.source IS
	'where the suppression came from: the events table for a derived row, free text otherwise';
COMMENT ON COLUMN bounce.suppression.derived IS
	'true when the row follows from the events (bounce.address_state says suppressed): the trigger and bounce.rebuild() keep it in step; false for rows added by hand or imported, which they never touch';

SELECT pg_catalog.pg_extension_config_dump('bounce.suppression', '');

CREATE TABLE bounce.suppression_audit (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	tenant text NOT NULL,
	address text NOT NULL,
	action text NOT NULL,
	reason bounce.suppression_reason,
	at timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
	who name NOT NULL,
	evidence jsonb,
	CONSTRAINT suppression_audit_action CHECK (action IN ('suppress', 'change', 'unsuppress'))
);
CREATE INDEX suppression_audit_address ON bounce.suppression_audit (tenant, address);
COMMENT ON TABLE bounce.suppression_audit IS
	'every change of bounce.suppression: who, when, what, and the evidence';
COMMENT ON COLUMN bounce.suppression_audit.id IS 'order of the changes';
COMMENT ON COLUMN bounce.suppression_audit.tenant IS 'the tenant of the row changed';
COMMENT ON COLUMN bounce.suppression_audit.address IS 'the address of the row changed';
COMMENT ON COLUMN bounce.suppression_audit.action IS
	'suppress (row added), change (row updated), unsuppress (row removed)';
COMMENT ON COLUMN bounce.suppression_audit.reason IS 'the reason after the change; before it for unsuppress';
COMMENT ON COLUMN bounce.suppression_audit.at IS 'when the change was made (wall clock)';
COMMENT ON COLUMN bounce.suppression_audit.who IS
	'the role that made it: for a derived row, the role whose insert into the events table caused it';
COMMENT ON COLUMN bounce.suppression_audit.evidence IS
	'for a derived row, the events table and the event that decided; otherwise the row as it was';

SELECT pg_catalog.pg_extension_config_dump('bounce.suppression_audit', '');
SELECT pg_catalog.pg_extension_config_dump('bounce.suppression_audit_id_seq', '');

CREATE FUNCTION bounce.suppression_audited() RETURNS trigger
	AS 'MODULE_PATHNAME', 'bounce_suppression_audited'
	LANGUAGE C;
COMMENT ON FUNCTION bounce.suppression_audited() IS
	'row trigger on bounce.suppression: records the change in bounce.suppression_audit, as the extension''s owner';

CREATE TRIGGER suppression_audited
	AFTER INSERT OR UPDATE OR DELETE ON bounce.suppression
	FOR EACH ROW EXECUTE FUNCTION bounce.suppression_audited();
COMMENT ON TRIGGER suppression_audited ON bounce.suppression IS
	'records every change in bounce.suppression_audit';

-- ---------------------------------------------------------------------------
-- The trigger and the replay
-- ---------------------------------------------------------------------------

CREATE FUNCTION bounce.track() RETURNS trigger
	AS 'MODULE_PATHNAME', 'bounce_track'
	LANGUAGE C;
COMMENT ON FUNCTION bounce.track() IS
	'trigger on the sender''s events table, AFTER INSERT, FOR EACH ROW or FOR EACH STATEMENT REFERENCING NEW TABLE; arguments key=column name the columns: address, event, time (required), campaign, tenant, diagnostic, status, reply_code, reason, kind, command, remote, and unknown_event=error|ignore';
-- Attaching it lets a table's inserts write the state: only roles granted
-- EXECUTE may create such a trigger (firing it needs no privilege).
REVOKE ALL ON FUNCTION bounce.track() FROM PUBLIC;

CREATE FUNCTION bounce.track_check(events regclass) RETURNS text
	AS 'MODULE_PATHNAME', 'bounce_track_check'
	LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION bounce.track_check(regclass) IS
	'checks the bounce.track() triggers of an events table as their first insert would, and describes the column mapping and the replay query';

CREATE FUNCTION bounce.track_events(
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

	ddl := format('CREATE TRIGGER %I AFTER INSERT ON %s ', trigger_name, events)
		|| CASE for_each WHEN 'statement'
			THEN 'REFERENCING NEW TABLE AS bounce_new_events FOR EACH STATEMENT '
			ELSE 'FOR EACH ROW ' END
		|| 'EXECUTE FUNCTION bounce.track('
		|| (SELECT string_agg(quote_literal(a), ', ') FROM unnest(args) AS a) || ')';
	EXECUTE ddl;
	PERFORM bounce.track_check(events);
	IF EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) events AND c.reltuples > 0)
	THEN
		RAISE NOTICE 'events already in % are not in the state yet', events
			USING HINT = format('Run SELECT * FROM bounce.rebuild(%L) to replay them.', events::text);
	END IF;
	RETURN ddl;
END
$$;
COMMENT ON FUNCTION bounce.track_events(regclass, name, name, name, name, name, name, name, name, name, name, name, name, text, text, name) IS
	'attaches bounce.track() to an events table with named columns (campaign may be NULL) and returns the CREATE TRIGGER run; for_each statement (default) sees each statement''s rows at once, row one at a time; replaying the address needs an index on the events table: (tenant column, lower(address column)), or the address column itself when it is citext';

CREATE FUNCTION bounce.rebuild(events regclass,
		OUT addresses bigint, OUT events_replayed bigint, OUT active bigint,
		OUT confirmed bigint, OUT suppressed bigint, OUT untouched bigint)
	RETURNS record
	AS 'MODULE_PATHNAME', 'bounce_rebuild'
	LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION bounce.rebuild(regclass) IS
	'recomputes bounce.address_state (and the derived rows of bounce.suppression, complaints excepted) from an events table, replaying every address''s events in time order through the same function as its bounce.track() trigger; manual clearances (cleared_at) are kept; state rows of addresses without events there are left alone and counted as untouched';
REVOKE ALL ON FUNCTION bounce.rebuild(regclass) FROM PUBLIC;

-- ---------------------------------------------------------------------------
-- What may be emailed
-- ---------------------------------------------------------------------------

CREATE FUNCTION bounce.sendable(address text, tenant text DEFAULT '')
	RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN CASE WHEN address IS NULL THEN NULL ELSE
		NOT EXISTS (SELECT FROM bounce.address_state s
					WHERE s.tenant OPERATOR(pg_catalog.=) coalesce(sendable.tenant, '')
					  AND s.address OPERATOR(pg_catalog.=) lower(sendable.address)
					  AND s.status OPERATOR(pg_catalog.<>) 'active')
		AND NOT EXISTS (SELECT FROM bounce.suppression p
						WHERE p.tenant OPERATOR(pg_catalog.=) coalesce(sendable.tenant, '')
						  AND p.address OPERATOR(pg_catalog.=) lower(sendable.address))
	END;
COMMENT ON FUNCTION bounce.sendable(text, text) IS
	'true when the address (any case) may be emailed: not a confirmed bounce, not suppressed, not on the suppression list';

CREATE VIEW bounce.active_addresses AS
	SELECT s.tenant, s.address, s.hard_streak, s.soft_streak, s.last_sent_at,
		   s.last_bounce_at, s.last_reason, s.last_kind
	FROM bounce.address_state s
	WHERE s.status OPERATOR(pg_catalog.=) 'active'
	  AND NOT EXISTS (SELECT FROM bounce.suppression p
					  WHERE p.tenant OPERATOR(pg_catalog.=) s.tenant
						AND p.address OPERATOR(pg_catalog.=) s.address);
COMMENT ON VIEW bounce.active_addresses IS
	'addresses seen in events that may be emailed';

CREATE VIEW bounce.confirmed_addresses AS
	SELECT s.tenant, s.address, s.status_since AS confirmed_at, s.hard_streak,
		   s.hard_campaigns, s.last_bounce_at, s.last_reason, s.last_sent_at
	FROM bounce.address_state s
	WHERE s.status OPERATOR(pg_catalog.=) 'confirmed';
COMMENT ON VIEW bounce.confirmed_addresses IS
	'confirmed bounces: never emailed until removed by hand';

CREATE VIEW bounce.suppressed_addresses AS
	SELECT p.tenant, p.address, p.reason, p.suppressed_at, p.source, p.derived
	FROM bounce.suppression p;
COMMENT ON VIEW bounce.suppressed_addresses IS
	'the suppression list: never emailed';

CREATE VIEW bounce.unsendable_addresses AS
	SELECT s.tenant, s.address, s.status::text AS why
	FROM bounce.address_state s
	WHERE s.status OPERATOR(pg_catalog.<>) 'active'
	UNION ALL
	SELECT p.tenant, p.address, p.reason::text
	FROM bounce.suppression p;
COMMENT ON VIEW bounce.unsendable_addresses IS
	'every address that must not be emailed, for one anti-join in a send query: WHERE NOT EXISTS (SELECT FROM bounce.unsendable_addresses u WHERE u.tenant = ... AND u.address = lower(c.email)); an address may appear twice';
