-- The suppression list as a constraint (SPEC section 3): a suppressed
-- address is not added back to a list (bounce.refuse_suppressed(), SQLSTATE
-- 23Q02); it leaves the list only by double opt-in (bounce.confirm_opt_in()),
-- with an audit record; a complaint is lifted no other way
-- (bounce.keep_complaints(), SQLSTATE 23Q03).

CREATE FUNCTION pg_temp.sqlstate_of(stmt text) RETURNS text
	LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE stmt;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END
$$;

INSERT INTO bounce.suppression (tenant, address, reason, suppressed_at, source) VALUES
	('sg', 'angry@example.com', 'complaint', '2024-05-01 10:00+00', 'fbl'),
	('sg', 'gone@example.com', 'unsubscribe', '2024-05-02 10:00+00', 'footer link'),
	('sg', 'blocked@example.com', 'manual', '2024-05-03 10:00+00', 'support ticket'),
	('', 'sg-nobody@example.com', 'hard_bounce', '2024-05-04 10:00+00', 'import');

-- ---------------------------------------------------------------------------
-- bounce.refuse_suppressed() on a sender's list table
-- ---------------------------------------------------------------------------

CREATE TABLE signups (
	id serial,
	account text,
	email varchar(254),
	note text
);
CREATE TRIGGER signups_suppressed BEFORE INSERT OR UPDATE OF email, account ON signups
	FOR EACH ROW EXECUTE FUNCTION bounce.refuse_suppressed('address=email', 'tenant=account');

INSERT INTO signups (account, email, note) VALUES ('sg', 'fine@example.com', 'new');
INSERT INTO signups (account, email, note) VALUES ('sg', 'Angry@Example.com', 'complained');
SELECT pg_temp.sqlstate_of($$INSERT INTO signups (account, email) VALUES ('sg', 'gone@example.com')$$) AS sqlstate;
-- a statement with one suppressed row adds none
INSERT INTO signups (account, email, note) VALUES
	('sg', 'one@example.com', 'new'),
	('sg', 'BLOCKED@example.com', 'blocked'),
	('sg', 'two@example.com', 'new');
-- suppressed for another tenant only, or no address: no objection
INSERT INTO signups (account, email, note) VALUES
	('other', 'angry@example.com', 'another tenant'),
	('sg', NULL, 'no address');
-- no tenant: the tenant is ''
INSERT INTO signups (account, email, note) VALUES (NULL, 'sg-nobody@example.com', 'no tenant');
INSERT INTO signups (account, email, note) VALUES (NULL, 'sg-somebody@example.com', 'no tenant');
SELECT account, email, note FROM signups ORDER BY id;

-- an update to a suppressed address is refused; one keeping the address
-- (in any case) and tenant passes, the contact being there already
UPDATE signups SET email = 'angry@example.com' WHERE note = 'new';
UPDATE signups SET account = 'sg' WHERE note = 'another tenant';
UPDATE signups SET email = 'ANGRY@example.com', note = 'still another tenant' WHERE note = 'another tenant';
UPDATE signups SET note = 'no tenant, kept' WHERE email = 'sg-somebody@example.com';
SELECT account, email, note FROM signups ORDER BY id;

-- on_suppressed=skip leaves the rows out silently
CREATE TABLE imports (account text, email text);
CREATE TRIGGER imports_suppressed BEFORE INSERT ON imports
	FOR EACH ROW EXECUTE FUNCTION bounce.refuse_suppressed('address=email', 'tenant=account', 'on_suppressed=skip');
INSERT INTO imports VALUES ('sg', 'a@example.com'), ('sg', 'angry@example.com'), ('sg', 'b@example.com'), ('sg', 'GONE@example.com');
TABLE imports;
COPY imports FROM stdin;
sg	Blocked@Example.com
sg	c@example.com
\.
TABLE imports;

-- misattached
CREATE TRIGGER bad AFTER INSERT ON imports FOR EACH ROW
	EXECUTE FUNCTION bounce.refuse_suppressed('address=email');
INSERT INTO imports VALUES ('sg', 'd@example.com');
DROP TRIGGER bad ON imports;
CREATE TRIGGER bad BEFORE DELETE ON imports FOR EACH ROW
	EXECUTE FUNCTION bounce.refuse_suppressed('address=email');
DELETE FROM imports;
DROP TRIGGER bad ON imports;
CREATE TRIGGER bad BEFORE INSERT ON imports FOR EACH ROW
	EXECUTE FUNCTION bounce.refuse_suppressed('address=email', 'on_suppressed=ignore');
INSERT INTO imports VALUES ('sg', 'd@example.com');
DROP TRIGGER bad ON imports;
CREATE TRIGGER bad BEFORE INSERT ON imports FOR EACH ROW
	EXECUTE FUNCTION bounce.refuse_suppressed('address=email', 'list=account');
INSERT INTO imports VALUES ('sg', 'd@example.com');
DROP TRIGGER bad ON imports;
CREATE TRIGGER bad BEFORE INSERT ON imports FOR EACH ROW
	EXECUTE FUNCTION bounce.refuse_suppressed('address=email', 'tenant=nope');
INSERT INTO imports VALUES ('sg', 'd@example.com');
DROP TRIGGER bad ON imports;
SELECT count(*) AS imports FROM imports;

-- attaching it takes EXECUTE, which PUBLIC does not have
CREATE ROLE sg_owner;
GRANT USAGE ON SCHEMA bounce TO sg_owner;
CREATE TABLE sg_list (email text);
ALTER TABLE sg_list OWNER TO sg_owner;
SET ROLE sg_owner;
CREATE TRIGGER mine BEFORE INSERT ON sg_list FOR EACH ROW
	EXECUTE FUNCTION bounce.refuse_suppressed('address=email');
RESET ROLE;

-- ---------------------------------------------------------------------------
-- A complaint stays: bounce.keep_complaints() on bounce.suppression
-- ---------------------------------------------------------------------------

DELETE FROM bounce.suppression WHERE tenant = 'sg' AND address = 'angry@example.com';
UPDATE bounce.suppression SET reason = 'manual' WHERE tenant = 'sg' AND address = 'angry@example.com';
UPDATE bounce.suppression SET address = 'calm@example.com' WHERE tenant = 'sg' AND address = 'angry@example.com';
SELECT pg_temp.sqlstate_of($$DELETE FROM bounce.suppression WHERE tenant = 'sg'$$) AS sqlstate;
TRUNCATE bounce.suppression;
-- changing its source or time keeps it a complaint: allowed
UPDATE bounce.suppression SET source = 'fbl (yahoo)' WHERE tenant = 'sg' AND address = 'angry@example.com';
-- other reasons are not complaints
DELETE FROM bounce.suppression WHERE tenant = 'sg' AND address = 'blocked@example.com';
SELECT address, reason, source FROM bounce.suppression WHERE tenant = 'sg' ORDER BY 1;

-- ---------------------------------------------------------------------------
-- bounce.confirm_opt_in(): the one way back
-- ---------------------------------------------------------------------------

-- the state, from the sender's events: a complaint suppresses
CREATE TABLE sg_events (account text, email text, campaign text, type text, at timestamptz);
CREATE TRIGGER sg_events_track AFTER INSERT ON sg_events FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=at',
								  'campaign=campaign', 'tenant=account');
INSERT INTO sg_events VALUES
	('sg', 'spam@example.com', 'c1', 'sent', '2024-06-01 10:00+00'),
	('sg', 'spam@example.com', 'c1', 'complaint', '2024-06-01 12:00+00');
SELECT status, suppression_reason FROM bounce.address_state WHERE tenant = 'sg' AND address = 'spam@example.com';
SELECT reason, derived FROM bounce.suppression WHERE tenant = 'sg' AND address = 'spam@example.com';

SELECT bounce.confirm_opt_in('spam@example.com', NULL, 'sg');
SELECT bounce.confirm_opt_in(NULL, '{}', 'sg');
SELECT bounce.confirm_opt_in('Spam@Example.com', '{"token": "t-123", "ip": "192.0.2.1"}', 'sg', 'signup-form') AS lifted;
SELECT status, suppression_reason, status_since, cleared_at <= now() AS cleared,
	   last_sent_at = '2024-06-01 10:00+00' AS sends_kept
FROM bounce.address_state WHERE tenant = 'sg' AND address = 'spam@example.com';
SELECT count(*) AS on_the_list FROM bounce.suppression WHERE tenant = 'sg' AND address = 'spam@example.com';
SELECT action, reason, CASE WHEN who = current_user THEN 'me' ELSE who END AS who,
	   evidence->'double_opt_in' AS opt_in, evidence->>'role' = current_user AS role_is_me,
	   evidence->>'status' AS status, evidence->'suppression'->>'reason' AS was,
	   at <= clock_timestamp() AS at_set
FROM bounce.suppression_audit WHERE tenant = 'sg' AND address = 'spam@example.com' ORDER BY id;
SELECT bounce.sendable('spam@example.com', 'sg');
INSERT INTO signups (account, email, note) VALUES ('sg', 'spam@example.com', 'opted in again');

-- the complaint was before the opt-in: arriving late, it counts no more;
-- a new complaint suppresses again
INSERT INTO sg_events VALUES ('sg', 'spam@example.com', 'c1', 'complaint', '2024-06-01 12:00+00');
SELECT status FROM bounce.address_state WHERE tenant = 'sg' AND address = 'spam@example.com';
INSERT INTO sg_events VALUES ('sg', 'spam@example.com', 'c2', 'complaint', now() + interval '1 minute');
SELECT status, suppression_reason FROM bounce.address_state WHERE tenant = 'sg' AND address = 'spam@example.com';

-- an address on the list without state (imported), and the complaint
-- inserted by hand above
SELECT bounce.confirm_opt_in('angry@example.com', '{"token": "t-456"}', 'sg') AS lifted;
SELECT bounce.confirm_opt_in('gone@example.com', '{"token": "t-789"}', 'sg') AS lifted;
SELECT address, reason FROM bounce.suppression WHERE tenant = 'sg' ORDER BY 1;
SELECT address, action, reason, who = current_user AS by_me, evidence->'double_opt_in'->>'token' AS token
FROM bounce.suppression_audit
WHERE tenant = 'sg' AND address IN ('angry@example.com', 'gone@example.com') AND action = 'unsuppress'
ORDER BY id;

-- a confirmed bounce: the opt-in proves the mailbox works
INSERT INTO bounce.address_state (tenant, address, status, hard_streak, last_sent_at)
	VALUES ('sg', 'bounced@example.com', 'confirmed', 3, '2100-01-01 00:00+00');
SELECT bounce.confirm_opt_in('bounced@example.com', '{"token": "t-000"}', 'sg') AS lifted;
SELECT status, hard_streak FROM bounce.address_state WHERE tenant = 'sg' AND address = 'bounced@example.com';
SELECT action, reason, evidence->>'status' AS status FROM bounce.suppression_audit
WHERE tenant = 'sg' AND address = 'bounced@example.com';

-- nothing to lift: false, nothing written
SELECT bounce.confirm_opt_in('fine@example.com', '{"token": "t-111"}', 'sg') AS lifted;
SELECT count(*) AS audit_rows FROM bounce.suppression_audit WHERE tenant = 'sg' AND address = 'fine@example.com';

-- an error after the lift undoes it
BEGIN;
SELECT bounce.confirm_opt_in('spam@example.com', '{"token": "t-222"}', 'sg') AS lifted;
SELECT 1 / 0;
ROLLBACK;
SELECT reason FROM bounce.suppression WHERE tenant = 'sg' AND address = 'spam@example.com';

-- calling it takes EXECUTE, which PUBLIC does not have
SET ROLE sg_owner;
SELECT bounce.confirm_opt_in('spam@example.com', '{"token": "t-333"}', 'sg');
RESET ROLE;

-- ---------------------------------------------------------------------------
-- Clean up
-- ---------------------------------------------------------------------------

DROP TABLE signups, imports, sg_list, sg_events;
REVOKE USAGE ON SCHEMA bounce FROM sg_owner;
DROP ROLE sg_owner;
SET session_replication_role = replica;
DELETE FROM bounce.suppression WHERE tenant = 'sg' OR (tenant = '' AND address = 'sg-nobody@example.com');
DELETE FROM bounce.address_state WHERE tenant = 'sg';
DELETE FROM bounce.suppression_audit WHERE tenant = 'sg' OR (tenant = '' AND address = 'sg-nobody@example.com');
RESET session_replication_role;
