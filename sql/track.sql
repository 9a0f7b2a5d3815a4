-- bounce.track(): the trigger on the sender's events table, the state
-- machine of SPEC section 2 through it, and bounce.rebuild().
SET timezone TO 'UTC';
SET client_min_messages TO warning;

-- A compact view of the state of this test's addresses.
CREATE TEMP VIEW st AS
SELECT tenant, address, status, suppression_reason AS why,
	hard_streak AS h, soft_streak AS s, hard_campaigns AS hc, soft_campaigns AS sc,
	last_reason, last_kind,
	to_char(status_since, 'DD HH24:MI') AS since,
	to_char(last_sent_at, 'DD HH24:MI') AS sent,
	to_char(last_event_at, 'DD HH24:MI') AS newest, last_event
FROM bounce.address_state
WHERE address LIKE '%@track.test'
ORDER BY tenant, address;

-- The sender's table, as in SPEC section 8.
CREATE TABLE events (
	id bigserial PRIMARY KEY,
	account_id bigint,
	email text,
	campaign_id bigint,
	type text,
	smtp_code int,
	smtp_status text,
	diagnostic text,
	occurred_at timestamptz
);
CREATE INDEX ON events (account_id, lower(email));

SELECT bounce.track_events('events', 'email', 'type', 'campaign_id', 'occurred_at',
	diagnostic => 'diagnostic', status => 'smtp_status', reply_code => 'smtp_code',
	tenant => 'account_id');
SELECT bounce.track_check('events');

-- Rules 1, 2: a hard bounce counts once per campaign; three campaigns confirm.
INSERT INTO events (account_id, email, campaign_id, type, diagnostic, occurred_at) VALUES
	(1, 'Hard@Track.Test', 1, 'sent', NULL, '2024-05-01 10:00'),
	(1, 'hard@track.test', 1, 'bounce', '550 5.1.1 user unknown', '2024-05-01 10:05'),
	(1, 'hard@track.test', 1, 'bounce', '550 5.1.1 user unknown', '2024-05-01 11:05');
SELECT * FROM st;
INSERT INTO events (account_id, email, campaign_id, type, diagnostic, occurred_at) VALUES
	(1, 'hard@track.test', 2, 'sent', NULL, '2024-05-02 10:00'),
	(1, 'hard@track.test', 2, 'bounce', '550 5.1.1 user unknown', '2024-05-02 10:05');
INSERT INTO events (account_id, email, campaign_id, type, diagnostic, occurred_at) VALUES
	(1, 'hard@track.test', 3, 'bounce', '550 5.1.2 host unknown', '2024-05-03 10:05');
SELECT * FROM st;
-- Rule 3: once confirmed, an open does not bring it back.
INSERT INTO events (account_id, email, campaign_id, type, occurred_at) VALUES
	(1, 'hard@track.test', 3, 'open', '2024-05-03 12:00');
SELECT address, status, h, newest, last_event FROM st;

-- Rule 3: an open, a click or a delivered event after the bounce resets
-- both streaks while active; rule 8: the streaks are independent.
INSERT INTO events (account_id, email, campaign_id, type, diagnostic, occurred_at) VALUES
	(1, 'reset@track.test', 1, 'bounce', '550 5.1.1 user unknown', '2024-05-01 10:05'),
	(1, 'reset@track.test', 2, 'bounce', '452 4.2.2 mailbox full', '2024-05-02 10:05'),
	(1, 'reset@track.test', 3, 'bounce', '550 5.1.1 user unknown', '2024-05-03 10:05');
SELECT address, status, h, s, hc, sc FROM st WHERE address = 'reset@track.test';
INSERT INTO events (account_id, email, campaign_id, type, occurred_at) VALUES
	(1, 'reset@track.test', 3, 'open', '2024-05-03 12:00');
SELECT address, status, h, s, hc, sc FROM st WHERE address = 'reset@track.test';
-- a campaign already counted does not count again, even after the reset
INSERT INTO events (account_id, email, campaign_id, type, diagnostic, occurred_at) VALUES
	(1, 'reset@track.test', 3, 'bounce', '550 5.1.1 user unknown', '2024-05-03 13:00'),
	(1, 'reset@track.test', 4, 'bounce', '550 5.1.1 user unknown', '2024-05-04 10:05');
SELECT address, status, h, s, hc, sc FROM st WHERE address = 'reset@track.test';
INSERT INTO events (account_id, email, campaign_id, type, occurred_at) VALUES
	(1, 'reset@track.test', 5, 'delivered', '2024-05-05 10:01');
SELECT address, status, h, s, hc, sc FROM st WHERE address = 'reset@track.test';

-- Rule 4: five soft bounces in a row suppress (soft_bounce).
INSERT INTO events (account_id, email, campaign_id, type, diagnostic, occurred_at)
SELECT 1, 'soft@track.test', c, 'bounce', '452 4.2.2 mailbox full',
	timestamptz '2024-05-01 10:05' + (c - 1) * interval '1 day'
FROM generate_series(1, 5) AS c;
SELECT * FROM st WHERE address = 'soft@track.test';
SELECT tenant, address, reason, suppressed_at, source, derived
FROM bounce.suppression WHERE address LIKE '%@track.test' ORDER BY 1, 2;

-- Rule 5: block and undetermined change no streak but are the last
-- reason; none (an auto-reply) changes nothing.
INSERT INTO events (account_id, email, campaign_id, type, diagnostic, occurred_at) VALUES
	(1, 'block@track.test', 1, 'bounce', '550 5.1.1 user unknown', '2024-05-01 10:05'),
	(1, 'block@track.test', 2, 'bounce', '554 5.7.1 Client host blocked using zen.spamhaus.org', '2024-05-02 10:05');
SELECT address, h, last_reason, last_kind FROM st WHERE address = 'block@track.test';
INSERT INTO events (account_id, email, campaign_id, type, diagnostic, occurred_at) VALUES
	(1, 'block@track.test', 3, 'bounce', 'delivery failed', '2024-05-03 10:05');
SELECT address, h, last_reason, last_kind FROM st WHERE address = 'block@track.test';
INSERT INTO events (account_id, email, campaign_id, type, diagnostic, occurred_at) VALUES
	(1, 'block@track.test', 4, 'bounce', 'Out of office: I am away until Monday', '2024-05-04 10:05');
SELECT address, h, last_reason, last_kind, newest FROM st WHERE address = 'block@track.test';

-- Rule 6: complaint and unsubscribe suppress; a complaint outranks an
-- unsubscribe; the change is audited.
INSERT INTO events (account_id, email, campaign_id, type, occurred_at) VALUES
	(1, 'unsub@track.test', 1, 'unsubscribe', '2024-05-01 12:00'),
	(2, 'unsub@track.test', 1, 'complaint', '2024-05-01 12:00');
INSERT INTO events (account_id, email, campaign_id, type, occurred_at) VALUES
	(1, 'unsub@track.test', 2, 'complaint', '2024-05-02 12:00');
SELECT tenant, address, status, why, since FROM st WHERE address = 'unsub@track.test';
SELECT tenant, address, reason, suppressed_at, source, derived
FROM bounce.suppression WHERE address = 'unsub@track.test' ORDER BY 1, 2;
SELECT tenant, address, action, reason, who = current_user AS by_me,
	evidence - 'at' AS evidence
FROM bounce.suppression_audit WHERE address LIKE '%@track.test' ORDER BY id;

-- Rule 7: a bounce for a suppressed address is recorded, not counted.
INSERT INTO events (account_id, email, campaign_id, type, diagnostic, occurred_at) VALUES
	(1, 'unsub@track.test', 3, 'bounce', '550 5.1.1 user unknown', '2024-05-03 10:05');
SELECT address, status, h, last_reason FROM st WHERE address = 'unsub@track.test' AND tenant = '1';

-- Rule 9: an event without campaign is its own campaign, named by its time.
INSERT INTO events (account_id, email, type, diagnostic, occurred_at) VALUES
	(1, 'transactional@track.test', 'bounce', '550 5.1.1 user unknown', '2024-05-01 10:05'),
	(1, 'transactional@track.test', 'bounce', '550 5.1.1 user unknown', '2024-05-01 10:05'),
	(1, 'transactional@track.test', 'bounce', '550 5.1.1 user unknown', '2024-05-01 11:05');
SELECT address, h, hc FROM st WHERE address = 'transactional@track.test';

-- Rule 10: events at the same time are taken as sent, delivered, bounce,
-- open, click, complaint, unsubscribe, whatever the order of the rows.
INSERT INTO events (account_id, email, campaign_id, type, diagnostic, occurred_at) VALUES
	(1, 'sametime@track.test', 1, 'open', NULL, '2024-05-01 10:00'),
	(1, 'sametime@track.test', 1, 'bounce', '550 5.1.1 user unknown', '2024-05-01 10:00'),
	(1, 'sametime@track.test', 1, 'sent', NULL, '2024-05-01 10:00');
SELECT address, h, sent, newest, last_event FROM st WHERE address = 'sametime@track.test';

-- Rule 10: late and duplicate events give the state of ordered arrival:
-- an open that happened between the second and third bounce arrives last.
INSERT INTO events (account_id, email, campaign_id, type, diagnostic, occurred_at) VALUES
	(1, 'late@track.test', 1, 'bounce', '550 5.1.1 user unknown', '2024-05-01 10:05'),
	(1, 'late@track.test', 2, 'bounce', '550 5.1.1 user unknown', '2024-05-02 10:05'),
	(1, 'late@track.test', 3, 'bounce', '550 5.1.1 user unknown', '2024-05-03 10:05');
SELECT address, status, h, hc FROM st WHERE address = 'late@track.test';
INSERT INTO events (account_id, email, campaign_id, type, occurred_at) VALUES
	(1, 'late@track.test', 2, 'click', '2024-05-02 18:00');
SELECT address, status, h, hc, newest, last_event FROM st WHERE address = 'late@track.test';
-- a duplicate bounce changes nothing
INSERT INTO events (account_id, email, campaign_id, type, diagnostic, occurred_at) VALUES
	(1, 'late@track.test', 3, 'bounce', '550 5.1.1 user unknown', '2024-05-03 10:05');
SELECT address, status, h, hc, newest, last_event FROM st WHERE address = 'late@track.test';

-- Tenants are apart; NULL and no tenant column both mean tenant ''.
INSERT INTO events (account_id, email, campaign_id, type, diagnostic, occurred_at) VALUES
	(NULL, 'tenants@track.test', 1, 'bounce', '550 5.1.1 user unknown', '2024-05-01 10:05'),
	(7, 'tenants@track.test', 1, 'bounce', '452 4.2.2 mailbox full', '2024-05-01 10:05');
INSERT INTO events (account_id, email, campaign_id, type, occurred_at) VALUES
	(NULL, 'tenants@track.test', 1, 'sent', '2024-05-01 09:00');
SELECT tenant, address, h, s, sent FROM st WHERE address = 'tenants@track.test';

-- Codes without text, and a status column with junk in it.
INSERT INTO events (account_id, email, campaign_id, type, smtp_code, smtp_status, occurred_at) VALUES
	(1, 'codes@track.test', 1, 'bounce', 550, '5.1.1', '2024-05-01 10:05'),
	(1, 'codes@track.test', 2, 'bounce', 452, 'status: 4.2.2 (quota)', '2024-05-02 10:05');
SELECT address, h, s, last_reason, last_kind FROM st WHERE address = 'codes@track.test';

-- Rows the trigger skips: no address, no event.
INSERT INTO events (account_id, email, campaign_id, type, occurred_at) VALUES
	(1, NULL, 1, 'sent', '2024-05-01 10:00'),
	(1, '', 1, 'sent', '2024-05-01 10:00'),
	(1, 'skip@track.test', 1, NULL, '2024-05-01 10:00');
SELECT count(*) FROM st WHERE address IN ('', 'skip@track.test');

-- Rows it refuses: an unknown event, no time, an infinite time.
INSERT INTO events (account_id, email, campaign_id, type, occurred_at) VALUES
	(1, 'bad@track.test', 1, 'bounced', '2024-05-01 10:00'),
	(1, 'bad@track.test', 1, 'deferred', '2024-05-01 10:00');
INSERT INTO events (account_id, email, campaign_id, type, occurred_at) VALUES
	(1, 'bad@track.test', 1, 'sent', NULL);
INSERT INTO events (account_id, email, campaign_id, type, occurred_at) VALUES
	(1, 'bad@track.test', 1, 'sent', 'infinity');
SELECT count(*) FROM st WHERE address = 'bad@track.test';

-- COPY goes through the trigger.
COPY events (account_id, email, campaign_id, type, diagnostic, occurred_at) FROM stdin;
1	copy@track.test	1	sent	\N	2024-05-01 10:00
1	copy@track.test	1	bounce	550 5.1.1 user unknown	2024-05-01 10:05
1	copy@track.test	2	bounce	550 5.1.1 user unknown	2024-05-02 10:05
1	COPY@track.test	1	open	\N	2024-05-01 12:00
1	copy@track.test	3	unsubscribe	\N	2024-05-03 10:00
\.
SELECT * FROM st WHERE address = 'copy@track.test';

-- The replay agrees with what the trigger built, and is idempotent.
CREATE TEMP TABLE built AS SELECT * FROM bounce.address_state;
SELECT addresses, events_replayed, active, confirmed, suppressed FROM bounce.rebuild('events');
SELECT count(*) AS differ FROM (
	(SELECT * FROM built EXCEPT SELECT * FROM bounce.address_state)
	UNION ALL
	(SELECT * FROM bounce.address_state EXCEPT SELECT * FROM built)) AS d;
SELECT addresses, events_replayed, active, confirmed, suppressed FROM bounce.rebuild('events');

-- What may be emailed.
SELECT a, bounce.sendable(a, '1') FROM unnest(ARRAY['HARD@track.test', 'reset@track.test',
	'soft@track.test', 'unsub@track.test', 'never-seen@track.test', NULL]) AS a;
SELECT bounce.sendable('unsub@track.test', '2'), bounce.sendable('tenants@track.test');
-- sendable() asks first whether the state is kept here (not on a Citus
-- worker): on one node it is.
SELECT bounce.check_state_node();
SELECT tenant, address FROM bounce.confirmed_addresses WHERE address LIKE '%@track.test' ORDER BY 1, 2;
SELECT tenant, address, reason FROM bounce.suppressed_addresses WHERE address LIKE '%@track.test' ORDER BY 1, 2;
SELECT tenant, address, why FROM bounce.unsendable_addresses WHERE address LIKE '%@track.test' ORDER BY 1, 2, 3;
SELECT count(*) FROM bounce.active_addresses WHERE address LIKE '%@track.test';

DROP TABLE events;

-- ---------------------------------------------------------------------------
-- A row trigger named by hand, and the column types senders use.
-- ---------------------------------------------------------------------------
CREATE EXTENSION IF NOT EXISTS citext;
CREATE TYPE my_event AS ENUM ('sent', 'delivered', 'bounced', 'opened', 'deferred');
CREATE TABLE typed (
	mail citext,
	kind_of_event my_event,
	camp uuid,
	at timestamp,
	account text,
	st bounce.smtp_status,
	code smallint,
	why bounce.reason,
	how text
);
CREATE TRIGGER t AFTER INSERT ON typed FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=mail', 'event=kind_of_event', 'campaign=camp',
		'time=at', 'tenant=account', 'status=st', 'reply_code=code', 'reason=why',
		'kind=how', 'unknown_event=ignore');
SELECT bounce.track_check('typed');
INSERT INTO typed VALUES
	('Typed@Track.Test', 'sent', '00000000-0000-0000-0000-000000000001', '2024-05-01 10:00', 'tr', NULL, NULL, NULL, NULL),
	('typed@track.test', 'deferred', '00000000-0000-0000-0000-000000000001', '2024-05-01 10:01', 'tr', NULL, NULL, NULL, NULL),
	('typed@track.test', 'bounced', '00000000-0000-0000-0000-000000000001', '2024-05-01 10:05', 'tr', '5.1.1', 550, NULL, NULL),
	('TYPED@track.test', 'bounced', '00000000-0000-0000-0000-000000000002', '2024-05-02 10:05', 'tr', NULL, NULL, 'spam_detected', NULL),
	('typed@track.test', 'bounced', '00000000-0000-0000-0000-000000000003', '2024-05-03 10:05', 'tr', NULL, NULL, 'spam_detected', 'hard');
SELECT tenant, address, status, h, hc, last_reason, last_kind FROM st WHERE tenant = 'tr';
-- late: replayed through the citext column
INSERT INTO typed VALUES
	('typed@TRACK.test', 'opened', '00000000-0000-0000-0000-000000000002', '2024-05-02 12:00', 'tr', NULL, NULL, NULL, NULL);
SELECT tenant, address, status, h, hc, newest FROM st WHERE tenant = 'tr';
-- a reason given as text, and a bad one
CREATE TABLE texty (email varchar(100), ev text, t timestamptz, reason text);
CREATE TRIGGER t AFTER INSERT ON texty REFERENCING NEW TABLE AS n FOR EACH STATEMENT
	EXECUTE FUNCTION bounce.track('event=ev', 'time=t', 'address=email', 'reason=reason');
INSERT INTO texty VALUES ('texty@track.test', 'Bounce', '2024-05-01 10:05', 'USER_UNKNOWN');
INSERT INTO texty VALUES ('texty@track.test', 'bounce', '2024-05-02 10:05', 'no_such_reason');
SELECT tenant, address, h, last_reason, last_kind FROM st WHERE address = 'texty@track.test';

-- INSERT ... SELECT into a row trigger, many addresses at once.
INSERT INTO typed
SELECT 'many' || i || '@track.test', 'bounced', '00000000-0000-0000-0000-000000000009',
	timestamp '2024-05-01 10:00' + i * interval '1 minute', 'tr-many', '5.1.1', 550, NULL, NULL
FROM generate_series(1, 50) AS i;
SELECT count(*), sum(h) FROM st WHERE tenant = 'tr-many';
-- COPY into a row trigger
COPY typed (mail, kind_of_event, camp, at, account, st) FROM stdin;
many1@track.test	bounced	00000000-0000-0000-0000-00000000000a	2024-05-02 10:00	tr-many	5.1.1
many1@track.test	opened	00000000-0000-0000-0000-000000000009	2024-05-01 12:00	tr-many	\N
many2@track.test	bounced	00000000-0000-0000-0000-00000000000a	2024-05-02 10:00	tr-many	5.1.1
\.
SELECT address, h, hc FROM st WHERE address IN ('many1@track.test', 'many2@track.test');
-- a label added to the event enum after the trigger's mapping was cached
-- is read, not taken for an unknown event: the click resets the streak
INSERT INTO typed (mail, kind_of_event, camp, at, account, st) VALUES
	('enum-add@track.test', 'bounced', '00000000-0000-0000-0000-00000000000b', '2024-05-01 10:00', 'tr', '5.1.1');
ALTER TYPE my_event ADD VALUE 'clicked';
INSERT INTO typed (mail, kind_of_event, camp, at, account) VALUES
	('enum-add@track.test', 'clicked', '00000000-0000-0000-0000-00000000000b', '2024-05-01 12:00', 'tr');
SELECT address, h, newest FROM st WHERE address = 'enum-add@track.test';

-- ---------------------------------------------------------------------------
-- A partitioned events table: the replay reads every partition.
-- ---------------------------------------------------------------------------
CREATE TABLE parted (email text, type text, at timestamptz, campaign int, reason bounce.reason)
	PARTITION BY RANGE (at);
CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM ('2024-05-01') TO ('2024-05-02');
CREATE TABLE parted_2 PARTITION OF parted FOR VALUES FROM ('2024-05-02') TO ('2024-06-01');
CREATE TRIGGER t AFTER INSERT ON parted FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=at', 'campaign=campaign',
		'reason=reason');
INSERT INTO parted VALUES ('parted@track.test', 'bounce', '2024-05-01 10:05', 1, 'user_unknown'),
	('parted@track.test', 'bounce', '2024-05-02 10:05', 2, 'user_unknown');
SELECT address, h, hc, newest, last_event FROM st WHERE address = 'parted@track.test';
INSERT INTO parted VALUES ('parted@track.test', 'open', '2024-05-01 12:00', 1, NULL);
SELECT address, h, hc, newest, last_event FROM st WHERE address = 'parted@track.test';
-- a bounce without codes, text or reason is undetermined: recorded only
INSERT INTO parted VALUES ('parted@track.test', 'bounce', '2024-05-03 10:05', 3, NULL);
SELECT address, h, hc, last_reason, last_kind FROM st WHERE address = 'parted@track.test';
SELECT addresses, events_replayed, active, confirmed, suppressed FROM bounce.rebuild('parted');
SELECT address, h, hc, last_reason, last_kind FROM st WHERE address = 'parted@track.test';

-- ---------------------------------------------------------------------------
-- Misattached triggers
-- ---------------------------------------------------------------------------
CREATE TABLE wrong (email text, type text, at timestamptz, n int);
CREATE TRIGGER t BEFORE INSERT ON wrong FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=at');
INSERT INTO wrong VALUES ('w@track.test', 'sent', '2024-05-01', 1);
DROP TRIGGER t ON wrong;
CREATE TRIGGER t AFTER INSERT OR UPDATE ON wrong FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=at');
INSERT INTO wrong VALUES ('w@track.test', 'sent', '2024-05-01', 1);
DROP TRIGGER t ON wrong;
CREATE TRIGGER t AFTER INSERT ON wrong FOR EACH STATEMENT
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=at');
INSERT INTO wrong VALUES ('w@track.test', 'sent', '2024-05-01', 1);
DROP TRIGGER t ON wrong;
CREATE TRIGGER t AFTER INSERT ON wrong FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type');
INSERT INTO wrong VALUES ('w@track.test', 'sent', '2024-05-01', 1);
DROP TRIGGER t ON wrong;
CREATE TRIGGER t AFTER INSERT ON wrong FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=at', 'mailbox=email');
INSERT INTO wrong VALUES ('w@track.test', 'sent', '2024-05-01', 1);
DROP TRIGGER t ON wrong;
CREATE TRIGGER t AFTER INSERT ON wrong FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event', 'time=at');
INSERT INTO wrong VALUES ('w@track.test', 'sent', '2024-05-01', 1);
DROP TRIGGER t ON wrong;
CREATE TRIGGER t AFTER INSERT ON wrong FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=at', 'address=type');
INSERT INTO wrong VALUES ('w@track.test', 'sent', '2024-05-01', 1);
DROP TRIGGER t ON wrong;
CREATE TRIGGER t AFTER INSERT ON wrong FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=mail', 'event=type', 'time=at');
INSERT INTO wrong VALUES ('w@track.test', 'sent', '2024-05-01', 1);
DROP TRIGGER t ON wrong;
CREATE TRIGGER t AFTER INSERT ON wrong FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=n', 'event=type', 'time=at');
INSERT INTO wrong VALUES ('w@track.test', 'sent', '2024-05-01', 1);
DROP TRIGGER t ON wrong;
CREATE TRIGGER t AFTER INSERT ON wrong FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=n');
INSERT INTO wrong VALUES ('w@track.test', 'sent', '2024-05-01', 1);
DROP TRIGGER t ON wrong;
CREATE TRIGGER t AFTER INSERT ON wrong FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=at', 'unknown_event=skip');
INSERT INTO wrong VALUES ('w@track.test', 'sent', '2024-05-01', 1);
DROP TRIGGER t ON wrong;
-- The SQLSTATEs of those refusals: trigger protocol (39P01), undefined
-- column (42703), datatype mismatch (42804), and an unknown event (22023).
\set VERBOSITY sqlstate
CREATE TRIGGER t BEFORE INSERT ON wrong FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=at');
INSERT INTO wrong VALUES ('w@track.test', 'sent', '2024-05-01', 1);
DROP TRIGGER t ON wrong;
CREATE TRIGGER t AFTER INSERT ON wrong FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=mail', 'event=type', 'time=at');
INSERT INTO wrong VALUES ('w@track.test', 'sent', '2024-05-01', 1);
DROP TRIGGER t ON wrong;
CREATE TRIGGER t AFTER INSERT ON wrong FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=n');
INSERT INTO wrong VALUES ('w@track.test', 'sent', '2024-05-01', 1);
DROP TRIGGER t ON wrong;
CREATE TRIGGER t AFTER INSERT ON wrong FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=at');
INSERT INTO wrong VALUES ('w@track.test', 'bounced twice', '2024-05-01', 1);
DROP TRIGGER t ON wrong;
\set VERBOSITY default
SELECT bounce.track_check('wrong');
SELECT bounce.rebuild('wrong');
-- rebuild reads the enabled trigger's mapping, not a disabled one's; a
-- lone disabled trigger still serves
CREATE TRIGGER old_t AFTER INSERT ON wrong FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=type', 'event=email', 'time=at');
ALTER TABLE wrong DISABLE TRIGGER old_t;
CREATE TRIGGER t AFTER INSERT ON wrong FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=at');
SELECT addresses, events_replayed FROM bounce.rebuild('wrong');
ALTER TABLE wrong ENABLE TRIGGER old_t;
SELECT addresses, events_replayed FROM bounce.rebuild('wrong');
DROP TRIGGER t ON wrong;
ALTER TABLE wrong DISABLE TRIGGER old_t;
SELECT addresses, events_replayed FROM bounce.rebuild('wrong');
DROP TRIGGER old_t ON wrong;
SELECT bounce.track();
SELECT bounce.track_events('wrong', 'email', 'type', NULL, 'at', for_each => 'each');
SELECT bounce.track_events('wrong', 'email', 'type', NULL, 'nope');
SELECT count(*) FROM st WHERE address = 'w@track.test';

DROP TABLE wrong, parted, typed, texty;
DROP TYPE my_event;

-- The suppression list's audit: a row added by hand is recorded, one
-- restored from a dump (check_function_bodies off, as pg_dump scripts
-- run) is not: the dump brings its audit rows along.
INSERT INTO bounce.suppression (tenant, address, reason, source)
VALUES ('tr-audit', 'hand@track.test', 'manual', 'import 2024-05');
SET check_function_bodies = off;
INSERT INTO bounce.suppression (tenant, address, reason, source)
VALUES ('tr-audit', 'restored@track.test', 'manual', 'import 2024-05');
RESET check_function_bodies;
SELECT tenant, address, action, reason, who = current_user AS by_me,
	evidence - 'suppressed_at' AS evidence
FROM bounce.suppression_audit WHERE tenant = 'tr-audit' ORDER BY id;
