-- Partitioned events tables: rows written through the parent and straight
-- into any partition -- including partitions created or attached later --
-- are tracked, and bounce.track_check() says so.
SET timezone TO 'UTC';
SET client_min_messages TO warning;

CREATE TABLE pev (account bigint, email text, campaign bigint, type text,
	diagnostic text, at timestamptz) PARTITION BY RANGE (at);
CREATE TABLE pev_2024_05 PARTITION OF pev FOR VALUES FROM ('2024-05-01') TO ('2024-06-01');
CREATE TABLE pev_2024_06 PARTITION OF pev FOR VALUES FROM ('2024-06-01') TO ('2024-07-01');
CREATE INDEX ON pev (account, bounce.address_key(email));
SELECT bounce.track_events('pev', 'email', 'type', 'campaign', 'at',
	diagnostic => 'diagnostic', tenant => 'account') IS NOT NULL AS attached;
SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE c.relname LIKE 'pev%' ORDER BY 1, 2;

CREATE VIEW pst AS
SELECT tenant, address, status, hard_streak AS h, hard_campaigns AS hc,
	   to_char(last_event_at, 'MM-DD HH24:MI') AS newest
FROM bounce.address_state WHERE address LIKE '%@part.test' ORDER BY 1, 2;

-- one row through the parent, the others straight into the partitions
INSERT INTO pev VALUES (1, 'p@part.test', 1, 'bounce', '550 5.1.1 user unknown', '2024-05-01');
INSERT INTO pev_2024_05 VALUES (1, 'p@part.test', 2, 'bounce', '550 5.1.1 user unknown', '2024-05-02');
COPY pev_2024_06 FROM stdin;
1	p@part.test	3	bounce	550 5.1.1 user unknown	2024-06-03
\.
SELECT * FROM pst;
-- a late open written straight into a partition replays from the whole table
INSERT INTO pev_2024_05 VALUES (1, 'p@part.test', 2, 'open', NULL, '2024-05-02 12:00');
SELECT * FROM pst;

-- a partition created later, and one attached later, are tracked too
CREATE TABLE pev_2024_07 PARTITION OF pev FOR VALUES FROM ('2024-07-01') TO ('2024-08-01');
CREATE TABLE pev_2024_08 (LIKE pev);
ALTER TABLE pev ATTACH PARTITION pev_2024_08 FOR VALUES FROM ('2024-08-01') TO ('2024-09-01');
INSERT INTO pev_2024_07 VALUES (1, 'p@part.test', 7, 'bounce', '550 5.1.1 user unknown', '2024-07-07');
INSERT INTO pev_2024_08 VALUES (1, 'p@part.test', 8, 'bounce', '550 5.1.1 user unknown', '2024-08-08');
SELECT * FROM pst;
SELECT regexp_replace(bounce.track_check('pev'), '\n  replay.*?(?=\n  purge)', '', 's') AS track_check;

-- a partition whose trigger is gone: track_check says which
DROP TRIGGER bounce_track ON pev_2024_06;
SELECT (regexp_match(bounce.track_check('pev'), 'partitions NOT tracked: [^(]*'))[1] AS missing;
SELECT bounce.track_partitions('pev') AS triggers_made;
SELECT (regexp_match(bounce.track_check('pev'), 'partitions: [^(]*'))[1] AS tracked;

-- retention by partition: truncating or deleting a partition archives it
TRUNCATE pev_2024_05;
DELETE FROM pev WHERE at < '2024-07-01';
SELECT count(*) AS archived FROM bounce.event_archive WHERE address = 'p@part.test';
-- bounce.purge_events() through the parent archives every partition's rows
SELECT bounce.purge_events('pev', '2024-08-01') AS purged;
SELECT count(*) AS archived FROM bounce.event_archive WHERE address = 'p@part.test';
-- a late event after the purge: the whole history still decides
INSERT INTO pev VALUES (1, 'p@part.test', 1, 'sent', NULL, '2024-05-01 09:00');
SELECT * FROM pst;
SELECT addresses, events_replayed FROM bounce.rebuild('pev');
SELECT * FROM pst;

-- a detached partition keeps its triggers: it is a tracked table of its own
ALTER TABLE pev DETACH PARTITION pev_2024_08;
INSERT INTO pev_2024_08 VALUES (1, 'q@part.test', 8, 'complaint', NULL, '2024-08-09');
SELECT * FROM pst;

DROP VIEW pst;
DROP TABLE pev, pev_2024_08;
DELETE FROM bounce.event_archive WHERE address LIKE '%@part.test';
-- leave no suppression behind: a complaint is lifted only by a double opt-in
SELECT count(*) AS lifted FROM bounce.suppression p,
	LATERAL bounce.confirm_opt_in(p.address, '{"confirmed": "regression test cleanup"}', p.tenant) AS c
WHERE p.address LIKE '%@part.test';
DELETE FROM bounce.suppression WHERE address LIKE '%@part.test';
DELETE FROM bounce.address_state WHERE address LIKE '%@part.test';
