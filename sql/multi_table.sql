-- Several tracked tables (SPEC 2, rule 11): the state of an address is the
-- function of its events in all of them.  A late event in one table replays
-- the address from every table; rebuild(one) never contradicts the others.
SET timezone TO 'UTC';
SET client_min_messages TO warning;

CREATE TABLE marketing_events (account_id bigint, email text, campaign_id bigint,
	type text, diagnostic text, occurred_at timestamptz);
CREATE TABLE transactional_events (tenant text, address varchar(320), stream text,
	kind text, reason text, at timestamptz);
CREATE INDEX ON marketing_events (account_id, bounce.address_key(email));
CREATE INDEX ON transactional_events (tenant, bounce.address_key(address));
SELECT bounce.track_events('marketing_events', 'email', 'type', 'campaign_id', 'occurred_at',
	diagnostic => 'diagnostic', tenant => 'account_id') IS NOT NULL AS attached;
SELECT bounce.track_events('transactional_events', 'address', 'kind', 'stream', 'at',
	reason => 'reason', tenant => 'tenant') IS NOT NULL AS attached;

CREATE VIEW mst AS
SELECT tenant, address, status, suppression_reason AS why, hard_streak AS h,
	   hard_campaigns AS hc, to_char(last_event_at, 'DD HH24:MI') AS newest
FROM bounce.address_state WHERE address LIKE '%@multi.test' ORDER BY 1, 2;

-- a complaint in one table is not undone by a late sent in the other
INSERT INTO marketing_events VALUES (7, 'c@multi.test', 1, 'complaint', NULL, '2024-05-02 10:00');
INSERT INTO transactional_events VALUES ('7', 'C@Multi.Test', 'receipts', 'sent', NULL, '2024-05-01 10:00');
SELECT * FROM mst;

-- hard bounces from both tables count together, in time order
INSERT INTO marketing_events VALUES
	(7, 'h@multi.test', 1, 'bounce', '550 5.1.1 user unknown', '2024-05-01 10:00'),
	(7, 'h@multi.test', 3, 'bounce', '550 5.1.1 user unknown', '2024-05-03 10:00');
INSERT INTO transactional_events VALUES ('7', 'h@multi.test', 'receipts', 'bounce', 'user_unknown', '2024-05-02 10:00');
SELECT * FROM mst;
-- a late open in the other table, between them
INSERT INTO transactional_events VALUES ('7', 'h@multi.test', 'receipts', 'open', NULL, '2024-05-02 12:00');
SELECT * FROM mst;

-- rebuild(one table) replays its addresses from every table: no change
CREATE TEMP TABLE before AS SELECT * FROM bounce.address_state WHERE address LIKE '%@multi.test';
SELECT addresses, events_replayed FROM bounce.rebuild('transactional_events');
SELECT addresses, events_replayed FROM bounce.rebuild('marketing_events');
SELECT count(*) AS differences FROM (
	(SELECT * FROM bounce.address_state WHERE address LIKE '%@multi.test' EXCEPT SELECT * FROM before)
	UNION ALL
	(SELECT * FROM before EXCEPT SELECT * FROM bounce.address_state WHERE address LIKE '%@multi.test')) d;
SELECT tenant, address, reason FROM bounce.suppression WHERE address LIKE '%@multi.test';

-- an address only in one table is left alone by rebuild() of the other
INSERT INTO transactional_events VALUES ('7', 'only-t@multi.test', 'receipts', 'unsubscribe', NULL, '2024-05-05');
SELECT untouched > 0 AS others_untouched FROM bounce.rebuild('marketing_events');
SELECT * FROM mst WHERE address = 'only-t@multi.test';

DROP VIEW mst;
DROP TABLE marketing_events, transactional_events;
DELETE FROM bounce.suppression WHERE address LIKE '%@multi.test' AND reason <> 'complaint';
-- leave no suppression behind: a complaint is lifted only by a double opt-in
SELECT count(*) AS lifted FROM bounce.suppression p,
	LATERAL bounce.confirm_opt_in(p.address, '{"confirmed": "regression test cleanup"}', p.tenant) AS c
WHERE p.address LIKE '%@multi.test';
DELETE FROM bounce.suppression WHERE address LIKE '%@multi.test';
DELETE FROM bounce.address_state WHERE address LIKE '%@multi.test';
