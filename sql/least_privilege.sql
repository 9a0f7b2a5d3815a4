-- Least privilege (README "Security and tenancy"): the roles of a bounce
-- database with exactly the documented grants.
--   app inserter   INSERT on its events table, nothing on schema bounce:
--                  its inserts keep the state current;
--   analyst        USAGE on bounce, SELECT on its tables and the sender's
--                  events: reads rates and state, changes nothing;
--   support        USAGE, SELECT on the lists, EXECUTE on confirm_opt_in():
--                  lifts a suppression only through confirm_opt_in() with
--                  evidence;
--   list writer    INSERT on a contacts table guarded by refuse_suppressed():
--                  a suppressed address is refused without its reason.
SET timezone TO 'UTC';
SET client_min_messages TO warning;

CREATE ROLE regress_lp_inserter;
CREATE ROLE regress_lp_analyst;
CREATE ROLE regress_lp_support;
CREATE ROLE regress_lp_writer;

CREATE TABLE lp_events (id bigserial, email text, type text, campaign int,
	reason text, at timestamptz);
CREATE INDEX ON lp_events (lower(email));
SELECT bounce.track_events('lp_events', 'email', 'type', 'campaign', 'at',
	reason => 'reason') IS NOT NULL AS tracked;

GRANT INSERT ON lp_events TO regress_lp_inserter;
GRANT USAGE ON SEQUENCE lp_events_id_seq TO regress_lp_inserter;

GRANT USAGE ON SCHEMA bounce TO regress_lp_analyst;
GRANT SELECT ON ALL TABLES IN SCHEMA bounce TO regress_lp_analyst;
GRANT SELECT ON lp_events TO regress_lp_analyst;

GRANT USAGE ON SCHEMA bounce TO regress_lp_support;
GRANT SELECT ON bounce.suppression, bounce.suppression_audit, bounce.address_state
	TO regress_lp_support;
GRANT EXECUTE ON FUNCTION bounce.confirm_opt_in(text, jsonb, text, text) TO regress_lp_support;

CREATE TABLE lp_contacts (email text);
CREATE TRIGGER lp_contacts_suppressed BEFORE INSERT OR UPDATE OF email ON lp_contacts
	FOR EACH ROW EXECUTE FUNCTION bounce.refuse_suppressed('address=email');
GRANT INSERT ON lp_contacts TO regress_lp_writer, regress_lp_support;

-- The inserter: no right on schema bounce, yet the state follows.
SET ROLE regress_lp_inserter;
INSERT INTO lp_events (email, type, campaign, reason, at) VALUES
	('h@lp.test', 'sent', 1, NULL, '2024-05-01 09:00'),
	('h@lp.test', 'bounce', 1, 'user_unknown', '2024-05-01 10:00'),
	('h@lp.test', 'sent', 2, NULL, '2024-05-02 09:00'),
	('h@lp.test', 'bounce', 2, 'user_unknown', '2024-05-02 10:00'),
	('h@lp.test', 'sent', 3, NULL, '2024-05-03 09:00'),
	('h@lp.test', 'bounce', 3, 'user_unknown', '2024-05-03 10:00'),
	('s@lp.test', 'sent', 1, NULL, '2024-05-01 09:00'),
	('s@lp.test', 'complaint', 1, NULL, '2024-05-01 11:00'),
	('ok@lp.test', 'sent', 1, NULL, '2024-05-01 09:00'),
	('ok@lp.test', 'delivered', 1, NULL, '2024-05-01 09:01');
\set VERBOSITY sqlstate
SELECT count(*) FROM bounce.address_state;
SELECT count(*) FROM lp_events;
\set VERBOSITY default
RESET ROLE;
SELECT address, status, hard_streak, suppression_reason FROM bounce.address_state
WHERE address LIKE '%@lp.test' ORDER BY 1;

-- The analyst reads rates and state ...
SET ROLE regress_lp_analyst;
-- one row per message sent, with the kind of its bounce (NULL: none)
SELECT s.campaign,
	   bounce.tally(bounce.kind_of(b.reason::bounce.reason)) AS t,
	   bounce.rate(bounce.tally(bounce.kind_of(b.reason::bounce.reason)), 'hard') AS hard_pct,
	   bounce.tier(bounce.tally(bounce.kind_of(b.reason::bounce.reason))) AS tier
FROM lp_events s
LEFT JOIN lp_events b ON b.type = 'bounce' AND b.email = s.email AND b.campaign = s.campaign
WHERE s.type = 'sent'
GROUP BY ROLLUP (s.campaign) ORDER BY s.campaign NULLS LAST;
SELECT address, status FROM bounce.unsendable_addresses u
	JOIN bounce.address_state USING (tenant, address) WHERE address LIKE '%@lp.test' ORDER BY 1;
SELECT bounce.sendable('ok@lp.test') AS ok_sendable, bounce.sendable('h@lp.test') AS h_sendable;
SELECT bounce.protected_until('h@lp.test') IS NOT NULL AS h_protected;
SELECT count(*) > 0 AS reads_audit FROM bounce.suppression_audit;
-- ... and changes nothing
\set VERBOSITY sqlstate
UPDATE bounce.address_state SET status = 'active' WHERE address = 'h@lp.test';
DELETE FROM bounce.suppression WHERE address = 's@lp.test';
INSERT INTO bounce.suppression (address, reason) VALUES ('x@lp.test', 'manual');
DELETE FROM bounce.suppression_audit;
INSERT INTO bounce.rule (pattern, reason) VALUES ('analyst', 'blocked');
UPDATE bounce.policy SET hard_threshold = 1;
INSERT INTO lp_events (email, type, at) VALUES ('a@lp.test', 'sent', now());
SELECT bounce.confirm_opt_in('s@lp.test', '{"token": "t"}');
SELECT bounce.remove_confirmed('h@lp.test');
SELECT bounce.note_invalid('bad@@lp.test');
SELECT * FROM bounce.rebuild('lp_events');
SELECT bounce.enable_tenant_isolation('app.tenant');
SELECT bounce.track_events('lp_events', 'email', 'type', 'campaign', 'at', trigger_name => 'again');
\set VERBOSITY default
RESET ROLE;

-- The list writer may not read the suppression list: a suppressed address
-- is refused, but why and since when is not told; to the support role,
-- who may read it, it is.
SET ROLE regress_lp_writer;
INSERT INTO lp_contacts VALUES ('S@lp.test');
INSERT INTO lp_contacts VALUES ('ok@lp.test');
RESET ROLE;
SET ROLE regress_lp_support;
INSERT INTO lp_contacts VALUES ('S@lp.test');
RESET ROLE;

-- The support role lifts a suppression only by double opt-in, with
-- evidence; it may not delete or change the row itself.
SET ROLE regress_lp_support;
\set VERBOSITY sqlstate
DELETE FROM bounce.suppression WHERE address = 's@lp.test';
UPDATE bounce.suppression SET reason = 'manual' WHERE address = 's@lp.test';
UPDATE bounce.address_state SET status = 'active' WHERE address = 's@lp.test';
SELECT bounce.remove_confirmed('h@lp.test');
\set VERBOSITY default
SELECT bounce.confirm_opt_in('s@lp.test', NULL);
SELECT bounce.confirm_opt_in('s@lp.test', '{}');
SELECT bounce.confirm_opt_in('s@lp.test', '"yes"');
SELECT bounce.confirm_opt_in('s@lp.test', '{"token": "t-42", "ip": "192.0.2.7"}') AS lifted;
SELECT address, action, reason, who, evidence->'double_opt_in' AS proof,
	   evidence->>'role' AS role
FROM bounce.suppression_audit WHERE address = 's@lp.test' ORDER BY id;
SELECT bounce.sendable('s@lp.test') AS s_sendable;
RESET ROLE;

DROP TABLE lp_events, lp_contacts;
DELETE FROM bounce.address_state WHERE address LIKE '%@lp.test';
SET session_replication_role = replica;
DELETE FROM bounce.suppression WHERE address LIKE '%@lp.test';
RESET session_replication_role;
DELETE FROM bounce.suppression_audit WHERE address LIKE '%@lp.test';
DROP OWNED BY regress_lp_inserter, regress_lp_analyst, regress_lp_support, regress_lp_writer;
DROP ROLE regress_lp_inserter, regress_lp_analyst, regress_lp_support, regress_lp_writer;
