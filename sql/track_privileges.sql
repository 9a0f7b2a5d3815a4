-- Privileges: a role that may only INSERT into the events table keeps the
-- state current, without any privilege on the state tables; attaching the
-- trigger takes EXECUTE on bounce.track().
SET timezone TO 'UTC';
SET client_min_messages TO warning;

CREATE ROLE regress_bounce_owner;
CREATE ROLE regress_bounce_writer;
GRANT CREATE, USAGE ON SCHEMA public TO regress_bounce_owner;
GRANT USAGE ON SCHEMA bounce TO regress_bounce_owner;

-- The owner of an events table may not attach bounce.track() without
-- EXECUTE on it.
SET ROLE regress_bounce_owner;
CREATE TABLE priv_events (id bigserial, email text, type text, campaign int,
	reason text, at timestamptz);
CREATE INDEX ON priv_events (lower(email));
SELECT bounce.track_events('priv_events', 'email', 'type', 'campaign', 'at', reason => 'reason') IS NOT NULL;
RESET ROLE;
GRANT EXECUTE ON FUNCTION bounce.track(), bounce.track_purge() TO regress_bounce_owner;
SET ROLE regress_bounce_owner;
SELECT bounce.track_events('priv_events', 'email', 'type', 'campaign', 'at', reason => 'reason') IS NOT NULL;
GRANT INSERT ON priv_events TO regress_bounce_writer;
GRANT USAGE ON SEQUENCE priv_events_id_seq TO regress_bounce_writer;
RESET ROLE;

-- The writer, with no privilege on schema bounce at all, inserts events;
-- the state follows: hard bounces confirm, a late open is replayed (reading
-- the events table as its owner, though the writer may not read it), a
-- complaint suppresses and is audited.
SET ROLE regress_bounce_writer;
INSERT INTO priv_events (email, type, campaign, reason, at) VALUES
	('w@priv.test', 'bounce', 1, 'user_unknown', '2024-05-01 10:00'),
	('w@priv.test', 'bounce', 2, 'user_unknown', '2024-05-02 10:00'),
	('w@priv.test', 'bounce', 3, 'user_unknown', '2024-05-03 10:00');
INSERT INTO priv_events (email, type, campaign, at) VALUES
	('w@priv.test', 'open', 2, '2024-05-02 12:00');
INSERT INTO priv_events (email, type, campaign, at) VALUES
	('c@priv.test', 'complaint', 1, '2024-05-01 12:00');
SELECT * FROM priv_events;
GRANT USAGE ON SCHEMA bounce TO regress_bounce_writer;  -- not its to grant
RESET ROLE;
GRANT USAGE ON SCHEMA bounce TO regress_bounce_writer;
SET ROLE regress_bounce_writer;
SELECT * FROM bounce.address_state;
\set VERBOSITY sqlstate
UPDATE bounce.address_state SET status = 'active';
\set VERBOSITY default
DELETE FROM bounce.suppression;
INSERT INTO bounce.suppression (address, reason) VALUES ('x@priv.test', 'manual');
SELECT * FROM bounce.rebuild('priv_events');
SELECT bounce.sendable('w@priv.test');
RESET ROLE;

SELECT address, status, hard_streak, hard_campaigns FROM bounce.address_state
WHERE address LIKE '%@priv.test' ORDER BY 1;
SELECT tenant, address, reason, derived FROM bounce.suppression
WHERE address LIKE '%@priv.test' ORDER BY 1, 2;
SELECT address, action, reason, who FROM bounce.suppression_audit
WHERE address LIKE '%@priv.test' ORDER BY id;

-- Reading can be granted; the views and bounce.sendable() then work.
GRANT SELECT ON bounce.address_state, bounce.suppression TO regress_bounce_writer;
SET ROLE regress_bounce_writer;
SELECT bounce.sendable('W@priv.test'), bounce.sendable('c@priv.test'), bounce.sendable('new@priv.test');
RESET ROLE;

-- bounce.track_check() describes a table's columns: only to who may read it.
SET ROLE regress_bounce_writer;
SELECT bounce.track_check('priv_events');
RESET ROLE;
GRANT SELECT ON priv_events TO regress_bounce_writer;
SET ROLE regress_bounce_writer;
SELECT bounce.track_check('priv_events') LIKE 'trigger %' AS described;
RESET ROLE;
REVOKE SELECT ON priv_events FROM regress_bounce_writer;

-- No function of the extension is SECURITY DEFINER.
SELECT p.oid::regprocedure FROM pg_proc p
WHERE p.pronamespace = 'bounce'::regnamespace AND p.prosecdef;

-- The suppression list is written as the extension's owner: the inserting
-- role's search_path must not pick an operator that then runs as the
-- owner.  An operator = on bounce.suppression_reason in a schema the role
-- controls is never called (an unsubscribe strengthened to a complaint
-- updates the row).
SET ROLE regress_bounce_owner;
CREATE FUNCTION public.regress_hijack_eq(a bounce.suppression_reason,
	b bounce.suppression_reason) RETURNS boolean LANGUAGE plpgsql
	AS $$ BEGIN RAISE WARNING 'operator run as %', current_user; RETURN a::text = b::text; END $$;
CREATE OPERATOR public.= (LEFTARG = bounce.suppression_reason,
	RIGHTARG = bounce.suppression_reason, FUNCTION = public.regress_hijack_eq);
CREATE FUNCTION public.regress_hijack_ts(a timestamptz, b timestamptz)
	RETURNS boolean LANGUAGE plpgsql
	AS $$ BEGIN RAISE WARNING 'operator run as %', current_user; RETURN a::text = b::text; END $$;
CREATE OPERATOR public.= (LEFTARG = timestamptz, RIGHTARG = timestamptz,
	FUNCTION = public.regress_hijack_ts);
SET search_path = public, pg_catalog;
INSERT INTO priv_events (email, type, campaign, at) VALUES
	('h@priv.test', 'unsubscribe', 1, '2024-05-04 10:00');
INSERT INTO priv_events (email, type, campaign, at) VALUES
	('h@priv.test', 'complaint', 1, '2024-05-04 11:00');
RESET search_path;
DROP OPERATOR public.= (bounce.suppression_reason, bounce.suppression_reason);
DROP OPERATOR public.= (timestamptz, timestamptz);
DROP FUNCTION public.regress_hijack_eq(bounce.suppression_reason, bounce.suppression_reason);
DROP FUNCTION public.regress_hijack_ts(timestamptz, timestamptz);
RESET ROLE;
SELECT address, reason, suppressed_at, derived FROM bounce.suppression
WHERE address = 'h@priv.test';

DROP TABLE priv_events;
REVOKE ALL ON bounce.address_state, bounce.suppression FROM regress_bounce_writer;
REVOKE EXECUTE ON FUNCTION bounce.track(), bounce.track_purge() FROM regress_bounce_owner;
REVOKE ALL ON SCHEMA bounce FROM regress_bounce_owner, regress_bounce_writer;
REVOKE ALL ON SCHEMA public FROM regress_bounce_owner;
DROP ROLE regress_bounce_owner, regress_bounce_writer;
