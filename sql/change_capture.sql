-- Change capture: a user's AFTER ROW trigger on bounce.address_state fires
-- for every change the extension makes (insert of a new address, update of
-- a known one), and the table's CHECK constraints hold for every write.
SET timezone TO 'UTC';
SET client_min_messages TO warning;

CREATE TABLE cc_log (op text, address text, old_status text, new_status text);
CREATE FUNCTION cc_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO cc_log VALUES (TG_OP, NEW.address,
		CASE WHEN TG_OP = 'UPDATE' THEN OLD.status::text END, NEW.status::text);
	RETURN NULL;
END $$;
-- "tell my MTA when an address is confirmed": only status changes
CREATE TRIGGER cc_status AFTER INSERT OR UPDATE ON bounce.address_state
	FOR EACH ROW WHEN (NEW.address LIKE '%@cc.test')
	EXECUTE FUNCTION cc_capture();

CREATE TABLE ccev (email text, campaign bigint, type text, diagnostic text, at timestamptz);
SELECT bounce.track_events('ccev', 'email', 'type', 'campaign', 'at',
	diagnostic => 'diagnostic') IS NOT NULL AS attached;
INSERT INTO ccev VALUES
	('a@cc.test', 1, 'bounce', '550 5.1.1 user unknown', '2024-05-01'),
	('a@cc.test', 2, 'bounce', '550 5.1.1 user unknown', '2024-05-02'),
	('b@cc.test', 1, 'sent', NULL, '2024-05-01');
INSERT INTO ccev VALUES ('a@cc.test', 3, 'bounce', '550 5.1.1 user unknown', '2024-05-03');
-- a late open: the replay's write is captured too
INSERT INTO ccev VALUES ('a@cc.test', 2, 'open', NULL, '2024-05-02 12:00');
-- the row form
CREATE TABLE ccrow (email text, type text, at timestamptz);
SELECT bounce.track_events('ccrow', 'email', 'type', NULL, 'at', for_each => 'row') IS NOT NULL AS attached;
INSERT INTO ccrow VALUES ('c@cc.test', 'complaint', '2024-05-04');
SELECT * FROM cc_log;
-- rebuild() writes are captured as well
TRUNCATE cc_log;
SELECT addresses FROM bounce.rebuild('ccev');
SELECT op, count(*) FROM cc_log GROUP BY op ORDER BY op;

-- a disabled user trigger does not fire
ALTER TABLE bounce.address_state DISABLE TRIGGER cc_status;
TRUNCATE cc_log;
INSERT INTO ccev VALUES ('d@cc.test', 1, 'sent', NULL, '2024-05-05');
SELECT count(*) AS captured FROM cc_log;
ALTER TABLE bounce.address_state ENABLE TRIGGER cc_status;

-- CHECK constraints hold for the extension's writes: a sender's own rule
ALTER TABLE bounce.address_state ADD CONSTRAINT cc_no_blocked_domain
	CHECK (address NOT LIKE '%@blocked.cc.test');
INSERT INTO ccev VALUES ('x@blocked.cc.test', 1, 'sent', NULL, '2024-05-06');
SELECT count(*) FROM bounce.address_state WHERE address LIKE '%blocked.cc.test';
ALTER TABLE bounce.address_state DROP CONSTRAINT cc_no_blocked_domain;

DROP TRIGGER cc_status ON bounce.address_state;
DROP FUNCTION cc_capture();
DROP TABLE ccev, ccrow, cc_log;
DELETE FROM bounce.suppression WHERE address LIKE '%@cc.test' AND reason <> 'complaint';
-- leave no suppression behind: a complaint is lifted only by a double opt-in
SELECT count(*) AS lifted FROM bounce.suppression p,
	LATERAL bounce.confirm_opt_in(p.address, '{"confirmed": "regression test cleanup"}', p.tenant) AS c
WHERE p.address LIKE '%@cc.test';
DELETE FROM bounce.suppression WHERE address LIKE '%@cc.test';
DELETE FROM bounce.address_state WHERE address LIKE '%@cc.test';
