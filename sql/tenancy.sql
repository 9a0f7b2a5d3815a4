-- Tenant isolation (README "Security and tenancy"): two tenants share one
-- events table, one contacts table and the bounce tables.  Row-level
-- security on the sender's tables and, with one call, on the bounce tables
-- keeps each tenant's role to its own rows; the triggers and the
-- maintenance keep working (they run as the extension's owner).
SET timezone TO 'UTC';
SET client_min_messages TO warning;

CREATE ROLE regress_ten_a;
CREATE ROLE regress_ten_b;
CREATE ROLE regress_ten_support;	-- sees every tenant
CREATE ROLE regress_ten_tenants;	-- what both tenant roles share
GRANT regress_ten_tenants TO regress_ten_a, regress_ten_b;

-- The sender's tables, keyed by account, with their own policies.
CREATE TABLE ten_events (id bigserial, account text NOT NULL, email text,
	type text, campaign int, reason text, at timestamptz);
CREATE INDEX ON ten_events (account, lower(email));
SELECT bounce.track_events('ten_events', 'email', 'type', 'campaign', 'at',
	reason => 'reason', tenant => 'account') IS NOT NULL AS tracked;
CREATE TABLE ten_contacts (account text NOT NULL, email text NOT NULL);
CREATE TRIGGER ten_contacts_suppressed BEFORE INSERT OR UPDATE OF email ON ten_contacts
	FOR EACH ROW EXECUTE FUNCTION bounce.refuse_suppressed('address=email', 'tenant=account');
ALTER TABLE ten_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE ten_contacts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON ten_events
	USING (account = current_setting('app.tenant', true))
	WITH CHECK (account = current_setting('app.tenant', true));
CREATE POLICY tenant ON ten_contacts
	USING (account = current_setting('app.tenant', true))
	WITH CHECK (account = current_setting('app.tenant', true));

-- The grants of a tenant role: its events and contacts, reading the bounce
-- tables, managing its own rules; lifting suppressions by double opt-in.
GRANT SELECT, INSERT ON ten_events TO regress_ten_tenants;
GRANT USAGE ON SEQUENCE ten_events_id_seq TO regress_ten_tenants;
GRANT SELECT, INSERT, UPDATE, DELETE ON ten_contacts TO regress_ten_tenants;
GRANT USAGE ON SCHEMA bounce TO regress_ten_tenants, regress_ten_support;
GRANT SELECT ON bounce.address_state, bounce.suppression, bounce.suppression_audit,
	bounce.invalid_address, bounce.rule, bounce.reason_kind, bounce.policy,
	bounce.suppressed_addresses, bounce.unsendable_addresses
	TO regress_ten_tenants, regress_ten_support;
GRANT INSERT, UPDATE, DELETE ON bounce.rule, bounce.reason_kind TO regress_ten_tenants;
GRANT USAGE ON SEQUENCE bounce.rule_id_seq TO regress_ten_tenants;
GRANT EXECUTE ON FUNCTION bounce.confirm_opt_in(text, jsonb, text, text) TO regress_ten_tenants;

-- Only the owner turns isolation on.
SET ROLE regress_ten_a;
SELECT bounce.enable_tenant_isolation('app.tenant');
RESET ROLE;
SELECT bounce.enable_tenant_isolation('not a setting');
SELECT bounce.enable_tenant_isolation('app.tenant', 'regress_ten_support');
SELECT setting, all_tenants FROM bounce.tenant_isolation;
SELECT c.relname, c.relrowsecurity, count(p.polname) AS policies
FROM pg_class c LEFT JOIN pg_policy p ON p.polrelid = c.oid
WHERE c.relnamespace = 'bounce'::regnamespace AND c.relkind = 'r'
GROUP BY c.relname, c.relrowsecurity ORDER BY 1;

-- Each tenant has data: a private rule of B, suppressions of both (one
-- the same address), a complaint of B.
INSERT INTO bounce.rule (tenant, pattern, reason, note)
	VALUES ('B', 'private phrase of tenant b', 'mailbox_full', 'B''s secret');
INSERT INTO bounce.reason_kind (tenant, reason, kind) VALUES ('B', 'spam_detected', 'hard');
INSERT INTO bounce.suppression (tenant, address, reason, suppressed_at)
	VALUES ('A', 'shared@ten.test', 'manual', '2024-05-01 10:00'),
		   ('B', 'shared@ten.test', 'complaint', '2024-05-02 10:00'),
		   ('B', 'b-only@ten.test', 'unsubscribe', '2024-05-03 10:00');

-- 1. A tenant's inserts change only its tenant's state: its events keep
--    the state current (the trigger writes as the owner, through the
--    policies), and an event of another tenant is refused by the events
--    table's own policy.
SET ROLE regress_ten_a;
SET app.tenant = 'A';
INSERT INTO ten_events (account, email, type, campaign, reason, at) VALUES
	('A', 'x@ten.test', 'bounce', 1, 'user_unknown', '2024-05-01 10:00'),
	('A', 'x@ten.test', 'bounce', 2, 'user_unknown', '2024-05-02 10:00'),
	('A', 'x@ten.test', 'bounce', 3, 'user_unknown', '2024-05-03 10:00'),
	('A', 'c@ten.test', 'complaint', 1, NULL, '2024-05-01 12:00');
INSERT INTO ten_events (account, email, type, campaign, at)
	VALUES ('B', 'x@ten.test', 'complaint', 1, '2024-05-01 12:00');
-- 2. It reads only its rows (the views too, which read as the caller).
SELECT tenant, address, status, suppression_reason FROM bounce.address_state ORDER BY 1, 2;
SELECT tenant, address, reason FROM bounce.suppression ORDER BY 1, 2;
SELECT tenant, address, reason FROM bounce.suppressed_addresses ORDER BY 1, 2;
SELECT tenant, address, action, reason FROM bounce.suppression_audit ORDER BY id;
SELECT count(*) AS events_seen FROM ten_events;
SELECT bounce.sendable('b-only@ten.test', 'B') AS b_only_sendable_seen_from_a;
-- rules: those for all tenants and its own; it changes only its own
SELECT tenant, pattern FROM bounce.rule ORDER BY id;
SELECT tenant, reason, kind FROM bounce.reason_kind ORDER BY 1, 2;
INSERT INTO bounce.rule (tenant, pattern, reason) VALUES ('A', 'tenant a phrase', 'blocked');
INSERT INTO bounce.rule (tenant, pattern, reason) VALUES ('B', 'planted by a', 'blocked');
INSERT INTO bounce.rule (tenant, pattern, reason) VALUES (NULL, 'global by a', 'blocked');
UPDATE bounce.rule SET priority = 9 WHERE tenant = 'B';
DELETE FROM bounce.rule WHERE tenant = 'B';
-- 3. Errors and explain() reveal nothing of B: the classifying functions
--    refuse B's rules whether B has any or not; A's own work.
SELECT (bounce.explain('550 private phrase of tenant b', tenant => 'A')).reason;
SELECT (bounce.explain('550 tenant a phrase', tenant => 'A')).rule_id IS NOT NULL AS own_rule;
SELECT bounce.explain('550 private phrase of tenant b', tenant => 'B');
SELECT bounce.explain('550 anything', tenant => 'no such tenant');
SELECT bounce.kind_of('spam_detected', 'B');
SELECT bounce.kind_of('spam_detected', 'A');
SELECT bounce.classify('550 private phrase of tenant b', tenant => 'B');
--    the suppression guard: A's suppressed address is refused with the
--    reason (A may read it); a row of B is refused before B's list is
--    looked at, whether the address is on it or not.
INSERT INTO ten_contacts VALUES ('A', 'shared@ten.test');
INSERT INTO ten_contacts VALUES ('B', 'shared@ten.test');
INSERT INTO ten_contacts VALUES ('B', 'never-seen@ten.test');
INSERT INTO ten_contacts VALUES ('A', 'fine@ten.test');
--    lifting: only its own tenant's suppressions
SELECT bounce.confirm_opt_in('shared@ten.test', '{"token": "t-1"}', 'B');
SELECT bounce.confirm_opt_in('shared@ten.test', '{"token": "t-2"}', 'A');
RESET app.tenant;
-- 4. Without the setting a tenant role sees nothing.
SELECT count(*) AS rows_without_tenant FROM bounce.address_state;
RESET ROLE;

-- 5. B sees its own, and its errors name its own reasons.
SET ROLE regress_ten_b;
SET app.tenant = 'B';
SELECT tenant, address, reason FROM bounce.suppression ORDER BY 1, 2;
SELECT tenant, pattern FROM bounce.rule ORDER BY id;
SELECT (bounce.explain('550 private phrase of tenant b', tenant => 'B')).reason;
SELECT bounce.kind_of('spam_detected', 'B');
INSERT INTO ten_contacts VALUES ('B', 'b-only@ten.test');
RESET app.tenant;
RESET ROLE;

-- 6. The role that sees every tenant.
SET ROLE regress_ten_support;
SELECT tenant, address, reason FROM bounce.suppression ORDER BY 1, 2;
SELECT (bounce.explain('550 private phrase of tenant b', tenant => 'B')).reason;
RESET ROLE;

-- 7. The maintenance keeps working: a rebuild by the owner gives the
--    state the triggers kept; the audit has what the tenants did.
SELECT tenant, address, status, suppression_reason FROM bounce.address_state
WHERE address LIKE '%@ten.test' ORDER BY 1, 2;
SELECT addresses, events_replayed, confirmed, suppressed FROM bounce.rebuild('ten_events');
SELECT tenant, address, status, suppression_reason FROM bounce.address_state
WHERE address LIKE '%@ten.test' ORDER BY 1, 2;
SELECT tenant, address, action, reason,
	   CASE WHEN who = current_user THEN '(the owner)' ELSE who END AS who
FROM bounce.suppression_audit WHERE address LIKE '%@ten.test' ORDER BY id;

SELECT bounce.disable_tenant_isolation();
SELECT count(*) AS policies_left FROM pg_policy
WHERE polrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'bounce'::regnamespace);
SELECT bounce.disable_tenant_isolation();

DROP TABLE ten_events, ten_contacts;
DELETE FROM bounce.rule WHERE tenant IN ('A', 'B');
DELETE FROM bounce.reason_kind WHERE tenant IN ('A', 'B');
DELETE FROM bounce.address_state WHERE address LIKE '%@ten.test';
SET session_replication_role = replica;	-- past the complaint guard
DELETE FROM bounce.suppression WHERE address LIKE '%@ten.test';
RESET session_replication_role;
DELETE FROM bounce.suppression_audit WHERE address LIKE '%@ten.test';
DROP OWNED BY regress_ten_a, regress_ten_b, regress_ten_support, regress_ten_tenants;
DROP ROLE regress_ten_a, regress_ten_b, regress_ten_support, regress_ten_tenants;
