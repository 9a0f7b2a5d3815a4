-- The delete restriction (SPEC section 4): an address emailed within its
-- tenant's recent_send_window may not be removed -- from the confirmed list
-- (the constraint trigger on bounce.address_state, bounce.remove_confirmed())
-- nor from a sender's contact table (bounce.protect_recent()).  SQLSTATE 23Q01.
--
-- Sends in 2100 are always within the window and sends in 2000 never, so
-- the messages, which name the times, stay the same from run to run; the
-- cases with real times print only what is compared with now().

CREATE FUNCTION pg_temp.sqlstate_of(stmt text) RETURNS text
	LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE stmt;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END
$$;

-- ---------------------------------------------------------------------------
-- bounce.address_state: a confirmed bounce emailed recently stays
-- ---------------------------------------------------------------------------

INSERT INTO bounce.address_state (tenant, address, status, hard_streak, last_sent_at) VALUES
	('guards', 'old@example.com', 'confirmed', 3, '2000-01-01 00:00+00'),
	('guards', 'new@example.com', 'confirmed', 3, '2100-01-01 00:00+00'),
	('guards', 'now@example.com', 'confirmed', 3, now() - interval '1 day'),
	('guards', 'never@example.com', 'confirmed', 3, NULL),
	('guards', 'active@example.com', 'active', 0, '2100-01-01 00:00+00');

-- emailed long ago, or never: the delete goes through
DELETE FROM bounce.address_state WHERE tenant = 'guards' AND address = 'old@example.com';
DELETE FROM bounce.address_state WHERE tenant = 'guards' AND address = 'never@example.com';
-- not a confirmed bounce: not restricted
DELETE FROM bounce.address_state WHERE tenant = 'guards' AND address = 'active@example.com';

-- emailed within the window: refused, and nothing is lost
DELETE FROM bounce.address_state WHERE tenant = 'guards' AND address = 'new@example.com';
UPDATE bounce.address_state SET status = 'active' WHERE tenant = 'guards' AND address = 'new@example.com';
UPDATE bounce.address_state SET address = 'renamed@example.com' WHERE tenant = 'guards' AND address = 'new@example.com';
DELETE FROM bounce.address_state WHERE tenant = 'guards';
SELECT address, status, hard_streak FROM bounce.address_state WHERE tenant = 'guards' ORDER BY 1;

-- its own SQLSTATE; a real send a day ago is within the default 7 days
SELECT pg_temp.sqlstate_of($$DELETE FROM bounce.address_state
	WHERE tenant = 'guards' AND address = 'now@example.com'$$) AS deleting_now;
SELECT bounce.protected_until('NOW@example.com', 'guards') - now() BETWEEN interval '5 days 23 hours' AND interval '6 days' AS protected_six_days_more;

-- an update that keeps it confirmed is no removal
UPDATE bounce.address_state SET hard_streak = 4 WHERE tenant = 'guards' AND address = 'new@example.com';

-- deferred: judged at commit, on the state then
BEGIN;
SET CONSTRAINTS bounce.address_state_recent_send DEFERRED;
DELETE FROM bounce.address_state WHERE tenant = 'guards' AND address = 'new@example.com';
SELECT count(*) AS rows_in_transaction FROM bounce.address_state WHERE tenant = 'guards' AND address = 'new@example.com';
COMMIT;
SELECT address, status FROM bounce.address_state WHERE tenant = 'guards' AND address = 'new@example.com';

-- deleted and put back confirmed within the transaction: nothing was removed
BEGIN;
SET CONSTRAINTS bounce.address_state_recent_send DEFERRED;
DELETE FROM bounce.address_state WHERE tenant = 'guards' AND address = 'new@example.com';
INSERT INTO bounce.address_state (tenant, address, status, hard_streak, last_sent_at)
	VALUES ('guards', 'new@example.com', 'confirmed', 3, '2100-01-01 00:00+00');
COMMIT;

-- emailed long ago when deleted, but sent to again later in the
-- transaction: at commit the send counts
INSERT INTO bounce.address_state (tenant, address, status, hard_streak, last_sent_at)
	VALUES ('guards', 'late@example.com', 'confirmed', 3, '2000-01-01 00:00+00');
BEGIN;
SET CONSTRAINTS bounce.address_state_recent_send DEFERRED;
DELETE FROM bounce.address_state WHERE tenant = 'guards' AND address = 'late@example.com';
INSERT INTO bounce.address_state (tenant, address, status, last_sent_at)
	VALUES ('guards', 'late@example.com', 'active', '2100-02-01 00:00+00');
COMMIT;
SELECT address, status, last_sent_at = '2000-01-01 00:00+00' AS as_before
FROM bounce.address_state WHERE tenant = 'guards' AND address = 'late@example.com';

-- the same in immediate mode passes: the delete was judged before the send
BEGIN;
DELETE FROM bounce.address_state WHERE tenant = 'guards' AND address = 'late@example.com';
INSERT INTO bounce.address_state (tenant, address, status, last_sent_at)
	VALUES ('guards', 'late@example.com', 'active', '2100-02-01 00:00+00');
COMMIT;

-- ---------------------------------------------------------------------------
-- The window is the tenant's policy, else the default row, else 7 days
-- ---------------------------------------------------------------------------

INSERT INTO bounce.address_state (tenant, address, status, hard_streak, last_sent_at) VALUES
	('guards', 'week@example.com', 'confirmed', 3, now() - interval '3 days'),
	('guards-short', 'week@example.com', 'confirmed', 3, now() - interval '3 days');
INSERT INTO bounce.policy (tenant, recent_send_window) VALUES ('guards-short', '1 day');
SELECT tenant, bounce.protected_until(address, tenant) IS NOT NULL AS protected
FROM bounce.address_state WHERE address = 'week@example.com' ORDER BY 1;
SELECT pg_temp.sqlstate_of($$DELETE FROM bounce.address_state
	WHERE tenant = 'guards' AND address = 'week@example.com'$$) AS seven_days;
SELECT pg_temp.sqlstate_of($$DELETE FROM bounce.address_state
	WHERE tenant = 'guards-short' AND address = 'week@example.com'$$) AS one_day;

-- a longer default window reaches the tenants without a row
BEGIN;
UPDATE bounce.policy SET recent_send_window = '1 day' WHERE tenant = '';
SELECT pg_temp.sqlstate_of($$DELETE FROM bounce.address_state
	WHERE tenant = 'guards' AND address = 'week@example.com'$$) AS default_one_day;
ROLLBACK;
SELECT bounce.protected_until('week@example.com', 'guards') IS NOT NULL AS still_protected;
SELECT bounce.protected_until('nobody@example.com', 'guards') AS never_seen,
	   bounce.protected_until(NULL, 'guards') AS null_address;

-- ---------------------------------------------------------------------------
-- bounce.remove_confirmed(): the manual removal that bounce.rebuild() keeps
-- ---------------------------------------------------------------------------

SELECT bounce.remove_confirmed('New@Example.com', 'guards');
INSERT INTO bounce.address_state (tenant, address, status, hard_streak, hard_campaigns,
		last_sent_at, last_bounce_at, last_reason, last_kind, status_since)
	VALUES ('guards', 'gone@example.com', 'confirmed', 3, '{c1,c2,c3}', '2000-01-01 00:00+00',
			'2000-01-02 00:00+00', 'user_unknown', 'hard', '2000-01-02 00:00+00');
SELECT bounce.remove_confirmed('Gone@Example.com', 'guards') AS removed;
SELECT status, hard_streak, hard_campaigns, last_reason, status_since,
	   last_sent_at = '2000-01-01 00:00+00' AS sends_kept, cleared_at <= now() AS cleared
FROM bounce.address_state WHERE tenant = 'guards' AND address = 'gone@example.com';
SELECT bounce.remove_confirmed('gone@example.com', 'guards') AS again,
	   bounce.remove_confirmed('nobody@example.com', 'guards') AS unknown;

-- ---------------------------------------------------------------------------
-- bounce.protect_recent() on a sender's contact table
-- ---------------------------------------------------------------------------

CREATE TABLE contacts (
	id serial PRIMARY KEY,
	account_id bigint,
	list_id bigint,
	email text,
	name text
);
CREATE INDEX ON contacts (email);

-- the state, kept by bounce.track() from the sender's events
CREATE TABLE events (
	id bigserial,
	account_id bigint,
	email text,
	campaign_id bigint,
	type text,
	occurred_at timestamptz
);
CREATE TRIGGER events_track AFTER INSERT ON events FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=occurred_at',
								  'campaign=campaign_id', 'tenant=account_id');
INSERT INTO events (account_id, email, campaign_id, type, occurred_at) VALUES
	(7001, 'recent@example.com', 1, 'sent', '2100-01-01 12:00+00'),
	(7001, 'old@example.com', 1, 'sent', '2000-01-01 12:00+00'),
	(7002, 'recent@example.com', 1, 'sent', '2000-01-01 12:00+00');
SELECT tenant, address, last_sent_at FROM bounce.address_state WHERE tenant IN ('7001', '7002') ORDER BY 1, 2;

INSERT INTO contacts (account_id, list_id, email, name) VALUES
	(7001, 1, 'Recent@Example.com', 'recent, list 1'),
	(7001, 2, 'recent@example.com', 'recent, list 2'),
	(7001, 1, 'old@example.com', 'sent long ago'),
	(7001, 1, 'fresh@example.com', 'never sent'),
	(7001, 1, NULL, 'no address'),
	(7002, 1, 'recent@example.com', 'other tenant, sent long ago');

-- misattached: clear errors when it fires
CREATE TRIGGER bad BEFORE DELETE ON contacts FOR EACH ROW
	EXECUTE FUNCTION bounce.protect_recent('address=email');
DELETE FROM contacts WHERE name = 'never sent';
DROP TRIGGER bad ON contacts;
CREATE TRIGGER bad AFTER DELETE ON contacts FOR EACH STATEMENT
	EXECUTE FUNCTION bounce.protect_recent('address=email');
DELETE FROM contacts WHERE name = 'never sent';
DROP TRIGGER bad ON contacts;
CREATE TRIGGER bad AFTER INSERT ON contacts FOR EACH ROW
	EXECUTE FUNCTION bounce.protect_recent('address=email');
INSERT INTO contacts (email) VALUES ('x@example.com');
DROP TRIGGER bad ON contacts;
CREATE TRIGGER bad AFTER DELETE ON contacts FOR EACH ROW
	EXECUTE FUNCTION bounce.protect_recent('address=mail');
DELETE FROM contacts WHERE name = 'never sent';
DROP TRIGGER bad ON contacts;
CREATE TRIGGER bad AFTER DELETE ON contacts FOR EACH ROW
	EXECUTE FUNCTION bounce.protect_recent('address=id');
DELETE FROM contacts WHERE name = 'never sent';
DROP TRIGGER bad ON contacts;
CREATE TRIGGER bad AFTER DELETE ON contacts FOR EACH ROW
	EXECUTE FUNCTION bounce.protect_recent('email');
DELETE FROM contacts WHERE name = 'never sent';
DROP TRIGGER bad ON contacts;
CREATE TRIGGER bad AFTER DELETE ON contacts FOR EACH ROW
	EXECUTE FUNCTION bounce.protect_recent('address=email', 'account=account_id');
DELETE FROM contacts WHERE name = 'never sent';
DROP TRIGGER bad ON contacts;
CREATE TRIGGER bad AFTER DELETE ON contacts FOR EACH ROW
	EXECUTE FUNCTION bounce.protect_recent('tenant=account_id');
DELETE FROM contacts WHERE name = 'never sent';
DROP TRIGGER bad ON contacts;
SELECT bounce.protect_recent();
SELECT count(*) AS contacts FROM contacts;

-- immediate: each statement is judged when it ends
CREATE CONSTRAINT TRIGGER contacts_recent AFTER DELETE OR UPDATE ON contacts
	DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW
	EXECUTE FUNCTION bounce.protect_recent('address=email', 'tenant=account_id', 'list=list_id');
DELETE FROM contacts WHERE name = 'recent, list 1';
DELETE FROM contacts WHERE account_id = 7001 AND email ILIKE 'recent@example.com';
SELECT pg_temp.sqlstate_of($$DELETE FROM contacts WHERE name = 'recent, list 2'$$) AS sqlstate;
-- changing the address (other than its case) or the list removes it too
UPDATE contacts SET email = 'robert@example.com' WHERE name = 'recent, list 1';
UPDATE contacts SET list_id = 3 WHERE name = 'recent, list 1';
-- these remove nothing
UPDATE contacts SET email = 'RECENT@example.com' WHERE name = 'recent, list 1';
UPDATE contacts SET name = 'recent, list one' WHERE name = 'recent, list 1';
DELETE FROM contacts WHERE name IN ('sent long ago', 'no address', 'other tenant, sent long ago');
SELECT account_id, list_id, email, name FROM contacts ORDER BY id;

-- a contact is its tenant, list and address: list 1 still having the
-- address does not let list 2 lose it
DELETE FROM contacts WHERE name = 'recent, list 2';

-- deferred: the transaction is judged at commit
DROP TRIGGER contacts_recent ON contacts;
CREATE CONSTRAINT TRIGGER contacts_recent AFTER DELETE OR UPDATE ON contacts
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
	EXECUTE FUNCTION bounce.protect_recent('address=email', 'tenant=account_id', 'list=list_id');
BEGIN;
DELETE FROM contacts WHERE name = 'recent, list 2';
SELECT count(*) AS contacts_in_transaction FROM contacts;
COMMIT;
SELECT account_id, list_id, email, name FROM contacts ORDER BY id;

-- deleted and inserted again (the same tenant, list and address in any
-- case): the contact was not removed
BEGIN;
DELETE FROM contacts WHERE account_id = 7001;
INSERT INTO contacts (account_id, list_id, email, name) VALUES
	(7001, 1, 'RECENT@EXAMPLE.COM', 'recent, list 1, again'),
	(7001, 2, 'recent@example.com', 'recent, list 2, again'),
	(7001, 1, 'fresh@example.com', 'never sent, again');
COMMIT;
SELECT account_id, list_id, email, name FROM contacts ORDER BY id;

-- put back in another list only: list 2 lost it
BEGIN;
DELETE FROM contacts WHERE name = 'recent, list 2, again';
INSERT INTO contacts (account_id, list_id, email, name) VALUES (7001, 9, 'recent@example.com', 'list 9');
COMMIT;

-- a contact sent to long ago is deleted, and then the transaction sends
-- to it: at commit the send counts, whatever the order
INSERT INTO contacts (account_id, list_id, email, name) VALUES (7001, 1, 'old@example.com', 'sent long ago');
BEGIN;
DELETE FROM contacts WHERE name = 'sent long ago';
INSERT INTO events (account_id, email, campaign_id, type, occurred_at)
	VALUES (7001, 'OLD@example.com', 2, 'sent', '2100-03-01 12:00+00');
COMMIT;
SELECT name FROM contacts WHERE email = 'old@example.com';
SELECT last_sent_at FROM bounce.address_state WHERE tenant = '7001' AND address = 'old@example.com';

-- without the send it goes, and SET CONSTRAINTS IMMEDIATE judges at once
BEGIN;
SET CONSTRAINTS contacts_recent IMMEDIATE;
DELETE FROM contacts WHERE name = 'never sent, again';
DELETE FROM contacts WHERE name = 'recent, list 1, again';
ROLLBACK;

-- a role that may only delete from its contacts: no privilege on bounce
CREATE ROLE guards_deleter;
GRANT SELECT (account_id, email, name), DELETE ON contacts TO guards_deleter;
SET ROLE guards_deleter;
SELECT count(*) FROM bounce.address_state;
DELETE FROM contacts WHERE name = 'recent, list 1, again';
DELETE FROM contacts WHERE name = 'never sent, again';
RESET ROLE;
SELECT account_id, list_id, email, name FROM contacts ORDER BY id;

-- without a tenant column the tenant is ''
CREATE TABLE subscribers (email varchar(254));
CREATE TRIGGER subscribers_recent AFTER DELETE ON subscribers FOR EACH ROW
	EXECUTE FUNCTION bounce.protect_recent('address=email');
INSERT INTO bounce.address_state (tenant, address, last_sent_at)
	VALUES ('', 'guards-single@example.com', '2100-01-01 00:00+00');
INSERT INTO subscribers VALUES ('Guards-Single@example.com'), ('guards-other@example.com');
DELETE FROM subscribers;
DELETE FROM subscribers WHERE email = 'guards-other@example.com';
TABLE subscribers;

-- a partitioned contact table: a contact moved to another partition stays
CREATE TABLE members (account_id int, email text, active boolean) PARTITION BY LIST (active);
CREATE TABLE members_on PARTITION OF members FOR VALUES IN (true);
CREATE TABLE members_off PARTITION OF members FOR VALUES IN (false);
CREATE CONSTRAINT TRIGGER members_recent AFTER DELETE OR UPDATE ON members
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
	EXECUTE FUNCTION bounce.protect_recent('address=email', 'tenant=account_id');
INSERT INTO members VALUES (7001, 'recent@example.com', true);
UPDATE members SET active = false;
SELECT tableoid::regclass, * FROM members;
DELETE FROM members;

-- ---------------------------------------------------------------------------
-- Clean up: the state of these tenants goes with the restriction off
-- ---------------------------------------------------------------------------

DROP TABLE contacts, events, subscribers, members;
DROP ROLE guards_deleter;
SET session_replication_role = replica;
DELETE FROM bounce.address_state WHERE tenant IN ('guards', 'guards-short', '7001', '7002')
	OR (tenant = '' AND address = 'guards-single@example.com');
DELETE FROM bounce.suppression WHERE tenant IN ('guards', 'guards-short', '7001', '7002');
RESET session_replication_role;
DELETE FROM bounce.policy WHERE tenant = 'guards-short';
