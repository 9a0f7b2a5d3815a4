-- Retention (SPEC 2, rule 11): deleting old events never changes the state,
-- and events arriving after the purge give the state the whole history
-- gives.  The purged events are kept in bounce.event_archive.
SET timezone TO 'UTC';
SET client_min_messages TO warning;

CREATE TABLE ret (account_id bigint, email text, campaign_id bigint, type text,
	diagnostic text, occurred_at timestamptz);
CREATE INDEX ON ret (account_id, bounce.address_key(email));
SELECT bounce.track_events('ret', 'email', 'type', 'campaign_id', 'occurred_at',
	diagnostic => 'diagnostic', tenant => 'account_id') IS NOT NULL AS attached;

CREATE VIEW rst AS
SELECT tenant, address, status, suppression_reason AS why, hard_streak AS h,
	   hard_campaigns AS hc, to_char(last_event_at, 'DD HH24:MI') AS newest
FROM bounce.address_state WHERE address LIKE '%@ret.test' ORDER BY 1, 2;

-- Three hard bounces confirm; then the sender purges everything before May 10.
INSERT INTO ret VALUES
	(1, 'conf@ret.test', 1, 'bounce', '550 5.1.1 user unknown', '2024-05-01 10:00'),
	(1, 'conf@ret.test', 2, 'bounce', '550 5.1.1 user unknown', '2024-05-02 10:00'),
	(1, 'conf@ret.test', 3, 'bounce', '550 5.1.1 user unknown', '2024-05-03 10:00'),
	(1, 'cmp@ret.test', 1, 'complaint', NULL, '2024-05-01 12:00'),
	(1, 'cmp@ret.test', 2, 'sent', NULL, '2024-05-12 12:00');
SELECT * FROM rst;
DELETE FROM ret WHERE occurred_at < '2024-05-10';
SELECT count(*) AS archived FROM bounce.event_archive WHERE address LIKE '%@ret.test';
SELECT * FROM rst;

-- A late open (May 2, between the bounces: the whole history says it resets
-- the streak, so the address would not be confirmed) replays the address
-- from what is left and from the archive: exactly the whole history.
INSERT INTO ret VALUES (1, 'conf@ret.test', 2, 'open', NULL, '2024-05-02 12:00');
SELECT * FROM rst WHERE address = 'conf@ret.test';
-- A late sent of an old campaign for the complained address: still
-- suppressed for the complaint, and the statement (with another address's
-- events) goes through.
INSERT INTO ret VALUES
	(1, 'cmp@ret.test', 0, 'sent', NULL, '2024-04-30 12:00'),
	(1, 'other@ret.test', 9, 'sent', NULL, '2024-05-20 12:00');
SELECT * FROM rst;
SELECT tenant, address, reason, derived FROM bounce.suppression
WHERE address LIKE '%@ret.test' ORDER BY 1, 2;

-- rebuild() after the purge gives the same state.
CREATE TEMP TABLE before AS SELECT * FROM bounce.address_state WHERE address LIKE '%@ret.test';
SELECT addresses, events_replayed FROM bounce.rebuild('ret');
SELECT count(*) AS differences FROM (
	(SELECT * FROM bounce.address_state WHERE address LIKE '%@ret.test' EXCEPT SELECT * FROM before)
	UNION ALL
	(SELECT * FROM before EXCEPT SELECT * FROM bounce.address_state WHERE address LIKE '%@ret.test')) d;

-- TRUNCATE archives too.
TRUNCATE ret;
SELECT event, count(*) FROM bounce.event_archive WHERE address LIKE '%@ret.test'
GROUP BY 1 ORDER BY 1;
SELECT addresses, events_replayed, confirmed, suppressed FROM bounce.rebuild();
SELECT count(*) AS differences FROM (
	(SELECT * FROM bounce.address_state WHERE address LIKE '%@ret.test' EXCEPT SELECT * FROM before)
	UNION ALL
	(SELECT * FROM before EXCEPT SELECT * FROM bounce.address_state WHERE address LIKE '%@ret.test')) d;

-- Two addresses replayed in one statement, with bigint campaigns: the
-- second replay must not reuse what the first one read (memory of the
-- first is freed when it ends; run under valgrind or cassert to see it).
INSERT INTO ret VALUES
	(2, 'r1@ret.test', 100000000001, 'bounce', '550 5.1.1 user unknown', '2024-06-03 10:00'),
	(2, 'r2@ret.test', 100000000001, 'bounce', '550 5.1.1 user unknown', '2024-06-03 10:00');
INSERT INTO ret VALUES
	(2, 'r1@ret.test', 100000000002, 'bounce', '550 5.1.1 user unknown', '2024-06-02 10:00'),
	(2, 'r2@ret.test', 100000000002, 'bounce', '550 5.1.1 user unknown', '2024-06-02 10:00'),
	(2, 'r1@ret.test', 100000000003, 'bounce', '550 5.1.1 user unknown', '2024-06-01 10:00'),
	(2, 'r2@ret.test', 100000000004, 'bounce', '550 5.1.1 user unknown', '2024-06-01 10:00');
SELECT * FROM rst WHERE tenant = '2';

-- Deleting from the archive is how the state forgets an event.
DELETE FROM bounce.event_archive WHERE address = 'conf@ret.test' AND event = 'open';
SELECT addresses FROM bounce.rebuild();
SELECT * FROM rst WHERE address = 'conf@ret.test';

-- bounce.purge_events(): the purge by time, in one call; the same archive
-- as a DELETE (it is the DELETE on one node; on Citus it archives on the
-- coordinator, see test/check-citus.sh).
CREATE TEMP TABLE before_purge AS
SELECT * FROM bounce.address_state WHERE address LIKE '%@ret.test';
SELECT bounce.purge_events('ret', '2024-06-02') AS purged;
SELECT count(*) AS left_in_ret FROM ret;
SELECT event, count(*) FROM bounce.event_archive
WHERE address LIKE 'r_@ret.test' GROUP BY 1 ORDER BY 1;
SELECT addresses FROM bounce.rebuild('ret');
SELECT count(*) AS differences FROM (
	(SELECT * FROM bounce.address_state WHERE address LIKE '%@ret.test' EXCEPT SELECT * FROM before_purge)
	UNION ALL
	(SELECT * FROM before_purge EXCEPT SELECT * FROM bounce.address_state WHERE address LIKE '%@ret.test')) d;
SELECT bounce.purge_events('ret', NULL) AS null_purges_nothing;
-- without its archiving trigger the purge would lose events: refused
ALTER TABLE ret DISABLE TRIGGER bounce_track_purge;
SELECT bounce.purge_events('ret', 'infinity');
ALTER TABLE ret ENABLE TRIGGER bounce_track_purge;
-- the caller's DELETE privilege decides, not the function's
CREATE ROLE ret_reader;
GRANT USAGE ON SCHEMA bounce TO ret_reader;
GRANT SELECT ON ret TO ret_reader;
GRANT EXECUTE ON FUNCTION bounce.purge_events(regclass, timestamptz) TO ret_reader;
SET ROLE ret_reader;
SELECT bounce.purge_events('ret', 'infinity');
RESET ROLE;
SELECT count(*) AS still_in_ret FROM ret;
REVOKE ALL ON ret FROM ret_reader;
REVOKE USAGE ON SCHEMA bounce FROM ret_reader;
REVOKE ALL ON FUNCTION bounce.purge_events(regclass, timestamptz) FROM ret_reader;
DROP ROLE ret_reader;
-- a table without bounce.track(): its deletes would never be archived
CREATE TABLE untracked_events (email text, occurred_at timestamptz);
SELECT bounce.purge_events('untracked_events', 'infinity');
DROP TABLE untracked_events;
-- bounce.apply_queued() applies the event queue of a distributed events
-- table (Citus); on one node the trigger keeps the state and there is no
-- queue: object_not_in_prerequisite_state (55000), the hint says so
SELECT bounce.apply_queued('ret');
\set VERBOSITY sqlstate
SELECT bounce.apply_queued('ret');
\set VERBOSITY default

DROP VIEW rst;
DROP TABLE ret;
DELETE FROM bounce.event_archive WHERE address LIKE '%@ret.test';
DELETE FROM bounce.suppression WHERE address LIKE '%@ret.test' AND reason <> 'complaint';
-- leave no suppression behind: a complaint is lifted only by a double opt-in
SELECT count(*) AS lifted FROM bounce.suppression p,
	LATERAL bounce.confirm_opt_in(p.address, '{"confirmed": "regression test cleanup"}', p.tenant) AS c
WHERE p.address LIKE '%@ret.test';
DELETE FROM bounce.suppression WHERE address LIKE '%@ret.test';
DELETE FROM bounce.address_state WHERE address LIKE '%@ret.test';
