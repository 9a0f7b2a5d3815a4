-- Attacks of a low-privilege role on the installed extension, each one a
-- hole found after issue 10 and closed (README "Security and tenancy",
-- "Holes found by attacking it").  Each block shows the attack refused.
SET timezone TO 'UTC';
SET client_min_messages TO warning;

CREATE ROLE regress_atk_a;		-- tenant A's own login
CREATE ROLE regress_atk_b;		-- tenant B's own login
CREATE ROLE regress_atk_app;	-- the application's pooled login
GRANT USAGE ON SCHEMA bounce TO regress_atk_a, regress_atk_b, regress_atk_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON bounce.suppression, bounce.address_state
	TO regress_atk_a, regress_atk_b, regress_atk_app;
GRANT SELECT ON bounce.rule, bounce.reason_kind TO regress_atk_a, regress_atk_b, regress_atk_app;

-- 1. A tenant's login sets the tenant setting to another tenant.  Any role
--    may SET a customized option, so under the isolation policies alone
--    tenant A's login read, deleted and added tenant B's suppressions.
--    bounce.tenant_member binds a role to its tenants: naming another gives
--    no rows and the functions taking a tenant refuse.  A role bound to no
--    tenant (the application's pooled login) acts as the setting says.
SELECT bounce.enable_tenant_isolation('app.tenant');
INSERT INTO bounce.suppression (tenant, address, reason, suppressed_at)
	VALUES ('A', 'a@atk.test', 'manual', '2024-05-01 10:00'),
		   ('B', 'b-secret@atk.test', 'manual', '2024-05-01 10:00');
INSERT INTO bounce.tenant_member (member, tenant)
	VALUES ('regress_atk_a', 'A'), ('regress_atk_b', 'B');
SET ROLE regress_atk_a;
SET app.tenant = 'A';
SELECT bounce.current_tenant(), tenant, address FROM bounce.suppression ORDER BY 2, 3;
SET app.tenant = 'B';	-- the attack
SELECT bounce.current_tenant(), tenant, address FROM bounce.suppression ORDER BY 2, 3;
DELETE FROM bounce.suppression WHERE tenant = 'B';
INSERT INTO bounce.suppression (tenant, address, reason) VALUES ('B', 'planted@atk.test', 'manual');
SELECT bounce.protected_until('b-secret@atk.test', 'B');
SELECT bounce.kind_of('mailbox_full', 'B');
SELECT set_config('app.tenant', 'B', true) IS NOT NULL AS set_in_transaction,
	   (SELECT count(*) FROM bounce.suppression) AS rows_seen;
RESET ROLE;
-- nor by SET ROLE to an unbound group its login belongs to (one that
-- holds the grants every tenant shares): the login stays bound
CREATE ROLE regress_atk_tenants;
GRANT regress_atk_tenants TO regress_atk_a;
GRANT USAGE ON SCHEMA bounce TO regress_atk_tenants;
GRANT SELECT ON bounce.suppression TO regress_atk_tenants;
SET SESSION AUTHORIZATION regress_atk_a;
SET ROLE regress_atk_tenants;
SET app.tenant = 'B';	-- the attack
SELECT session_user, current_user, bounce.current_tenant(), count(*) FROM bounce.suppression;
SET app.tenant = 'A';
SELECT session_user, current_user, bounce.current_tenant(), count(*) FROM bounce.suppression;
RESET app.tenant;
RESET SESSION AUTHORIZATION;
SET ROLE regress_atk_app;		-- bound to none: the setting decides
SET app.tenant = 'B';
SELECT bounce.current_tenant(), tenant, address FROM bounce.suppression ORDER BY 2, 3;
RESET app.tenant;
RESET ROLE;
SELECT tenant, address FROM bounce.suppression WHERE address LIKE '%@atk.test' ORDER BY 1, 2;
-- only the owner binds
SET ROLE regress_atk_a;
INSERT INTO bounce.tenant_member (member, tenant) VALUES ('regress_atk_a', 'B');
DELETE FROM bounce.tenant_member;
RESET ROLE;
-- The sender's own tables: a policy keyed on the setting itself has the
-- same hole (tenant A's login inserts events of tenant B, and the trigger
-- suppresses B's addresses); keyed on bounce.current_tenant() it has not.
CREATE TABLE atk_events (account text NOT NULL, email text, type text, at timestamptz);
SELECT bounce.track_events('atk_events', 'email', 'type', NULL, 'at', tenant => 'account') IS NOT NULL AS tracked;
ALTER TABLE atk_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON atk_events USING (account = bounce.current_tenant())
	WITH CHECK (account = bounce.current_tenant());
GRANT SELECT, INSERT ON atk_events TO regress_atk_a, regress_atk_app;
SET ROLE regress_atk_a;
SET app.tenant = 'B';	-- the attack
INSERT INTO atk_events VALUES ('B', 'b-victim@atk.test', 'complaint', '2024-05-01 10:00');
SET app.tenant = 'A';
INSERT INTO atk_events VALUES ('A', 'a-own@atk.test', 'complaint', '2024-05-01 10:00');
RESET ROLE;
SET ROLE regress_atk_app;
SET app.tenant = 'B';
INSERT INTO atk_events VALUES ('B', 'b-app@atk.test', 'complaint', '2024-05-01 10:00');
RESET ROLE;
RESET app.tenant;
SELECT tenant, address, reason FROM bounce.suppression
WHERE address LIKE '%@atk.test' ORDER BY 1, 2;
-- And should the sender's policy still be keyed on the setting, the
-- trigger refuses an event of a tenant the inserting role is not bound to
-- (a role bound to none, the application's, writes any tenant's).
DROP POLICY tenant ON atk_events;
CREATE POLICY tenant ON atk_events USING (account = current_setting('app.tenant', true))
	WITH CHECK (account = current_setting('app.tenant', true));
SET ROLE regress_atk_a;
SET app.tenant = 'B';	-- the attack
INSERT INTO atk_events VALUES ('B', 'b-victim2@atk.test', 'complaint', '2024-05-01 10:00');
SET app.tenant = '';
INSERT INTO atk_events VALUES ('', 'nobody@atk.test', 'complaint', '2024-05-01 10:00');
RESET ROLE;
SET ROLE regress_atk_app;
SET app.tenant = 'B';
INSERT INTO atk_events VALUES ('B', 'b-app2@atk.test', 'complaint', '2024-05-01 10:00');
RESET ROLE;
RESET app.tenant;
SELECT tenant, address, reason FROM bounce.suppression
WHERE address LIKE '%@atk.test' ORDER BY 1, 2;
DROP TABLE atk_events;
SELECT bounce.disable_tenant_isolation();

-- 2. A rule pattern that begins with white space, and a text of white
--    space: each space of the text began a try that ran to the end of the
--    run, so 100 kB took 17 s, 1 MB half an hour, and nothing could cancel
--    it (not statement_timeout, not pg_cancel_backend).  Any role with
--    classify() could so hold a backend and a core.  Now linear; a long
--    scan is cancellable.
INSERT INTO bounce.rule (pattern, reason, note)
	VALUES (' attack phrase', 'mailbox_full', 'regress_atk');
SET statement_timeout = '5s';
SELECT (bounce.classify(repeat(' ', 300000))).reason;
SELECT (bounce.classify('550' || repeat(' ', 1000) || 'attack  phrase')).reason;
SELECT (bounce.classify('550 attack phrase')).reason;
SELECT (bounce.classify('550 noattack phrase')).reason;
RESET statement_timeout;
UPDATE bounce.rule SET pattern = repeat('a', 999) || 'b' WHERE note = 'regress_atk';
SET statement_timeout = '300ms';	-- 32 MB against 1000 bytes: minutes of work
DO $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	PERFORM bounce.classify(repeat('a', 32000000));
	RAISE WARNING 'not cancelled';
EXCEPTION WHEN query_canceled THEN
	RAISE WARNING 'cancelled within 10 s: %', clock_timestamp() - t0 < interval '10 s';
END
$$;
RESET statement_timeout;
DELETE FROM bounce.rule WHERE note = 'regress_atk';

-- 3. A tenant that writes its own rules added millions of them: every
--    backend loads every tenant's rules, so one tenant could exhaust the
--    server's memory.  At most 1000 per tenant for roles other than the
--    owner (a restore is not limited).
SELECT bounce.enable_tenant_isolation('app.tenant');
GRANT INSERT, UPDATE ON bounce.rule TO regress_atk_a;
GRANT USAGE ON SEQUENCE bounce.rule_id_seq TO regress_atk_a;
SET ROLE regress_atk_a;
SET app.tenant = 'A';
INSERT INTO bounce.rule (tenant, pattern, reason, note)
	SELECT 'A', 'phrase ' || g, 'mailbox_full', 'regress_atk' FROM generate_series(1, 1000) g;
INSERT INTO bounce.rule (tenant, pattern, reason, note)
	VALUES ('A', 'one too many', 'mailbox_full', 'regress_atk');
UPDATE bounce.rule SET priority = 1 WHERE note = 'regress_atk';
RESET app.tenant;
RESET ROLE;
INSERT INTO bounce.rule (tenant, pattern, reason, note)
	VALUES ('A', 'the owner may', 'mailbox_full', 'regress_atk');
SELECT tenant, count(*) FROM bounce.rule WHERE note = 'regress_atk' GROUP BY 1;
DELETE FROM bounce.rule WHERE note = 'regress_atk';
SELECT bounce.disable_tenant_isolation();

-- 4. An address of a few kB (a sign-up form, a forged bounce) in one
--    event of a batch: recording it as invalid failed with 54000 (a btree
--    entry holds about 2.7 kB) deep inside the extension.  Now the trigger
--    refuses the statement first, with 22001 naming the limit and the row,
--    and applies nothing of it (bounce.note_invalid() called directly cuts
--    such a key to 1000 bytes, at a character).
CREATE TABLE atk_batch (email text, type text, at timestamptz);
SELECT bounce.track_events('atk_batch', 'email', 'type', NULL, 'at') IS NOT NULL AS tracked;
INSERT INTO atk_batch
	SELECT 'x@' || string_agg(md5(g::text), '.'), 'bounce', timestamptz '2024-05-01 10:00'
	FROM generate_series(1, 100) g
	UNION ALL
	SELECT repeat('é', 999) || '@' || string_agg(md5(g::text), '.'), 'bounce', timestamptz '2024-05-01 10:00'
	FROM generate_series(1, 100) g
	UNION ALL
	SELECT 'kept@atk.test', 'complaint', timestamptz '2024-05-01 10:00';
SELECT length(address), octet_length(address), problem FROM bounce.invalid_address
WHERE tenant = '' AND length(address) > 254 ORDER BY 1;
SELECT address, status, suppression_reason FROM bounce.address_state WHERE address = 'kept@atk.test';
DROP TABLE atk_batch;
SET session_replication_role = replica;
DELETE FROM bounce.suppression WHERE tenant = '' AND length(address) > 254;
RESET session_replication_role;
DELETE FROM bounce.suppression_audit WHERE tenant = '' AND length(address) > 254;
DELETE FROM bounce.invalid_address WHERE tenant = '' AND length(address) > 254;

SET session_replication_role = replica;
DELETE FROM bounce.suppression WHERE address LIKE '%@atk.test';
RESET session_replication_role;
DELETE FROM bounce.suppression_audit WHERE address LIKE '%@atk.test';
DELETE FROM bounce.address_state WHERE address LIKE '%@atk.test';
DELETE FROM bounce.tenant_member;
DROP OWNED BY regress_atk_a, regress_atk_b, regress_atk_app, regress_atk_tenants;
DROP ROLE regress_atk_a, regress_atk_b, regress_atk_app, regress_atk_tenants;

-- A role without any grant on schema bounce creates, alters and partitions
-- tables in a new session (no plan cached): the event trigger of 1.1 reads
-- only the catalogs, so their DDL goes through.
SELECT current_user AS regress_admin \gset
CREATE ROLE regress_atk_nogrant LOGIN;
GRANT CREATE ON SCHEMA public TO regress_atk_nogrant;
\c - regress_atk_nogrant
CREATE TEMP TABLE nogrant_temp (a int);
ALTER TABLE nogrant_temp ADD COLUMN b text;
CREATE TABLE nogrant_parent (a int) PARTITION BY RANGE (a);
CREATE TABLE nogrant_part PARTITION OF nogrant_parent FOR VALUES FROM (0) TO (10);
SELECT count(*) AS columns FROM pg_attribute WHERE attrelid = 'nogrant_temp'::regclass AND attnum > 0;
DROP TABLE nogrant_parent, nogrant_temp;	-- (not left to the session's end: it ends after \c returns)
\c - :regress_admin
REVOKE CREATE ON SCHEMA public FROM regress_atk_nogrant;
DROP ROLE regress_atk_nogrant;
