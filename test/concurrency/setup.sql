-- Setup of test/check-concurrency.sh: two events tables feeding the state
-- (one with the statement trigger, one with the row trigger, on different
-- tenants) and a pool of events for the clients to insert at random.
CREATE EXTENSION bounce;

CREATE TABLE events_stmt (id bigserial PRIMARY KEY, tenant text, address text,
	type text, campaign int, reason text, diagnostic text, at timestamptz);
CREATE INDEX ON events_stmt (tenant, bounce.address_key(address));
SELECT bounce.track_events('events_stmt', 'address', 'type', 'campaign', 'at',
	reason => 'reason', diagnostic => 'diagnostic', tenant => 'tenant') IS NOT NULL;

CREATE TABLE events_row (LIKE events_stmt INCLUDING ALL);
SELECT bounce.track_events('events_row', 'address', 'type', 'campaign', 'at',
	reason => 'reason', diagnostic => 'diagnostic', tenant => 'tenant',
	for_each => 'row') IS NOT NULL;

-- A tenant with a policy of its own, low thresholds: statuses change often.
INSERT INTO bounce.policy (tenant, hard_threshold, soft_threshold, reset_on)
VALUES ('row', 2, 3, '{click}');

-- The pool: a few hundred hot addresses, many campaigns; every kind of
-- event, some without campaign, some at the same time as another.
SELECT setseed(0.5);
CREATE TABLE pool AS
WITH pairs AS (
	SELECT a, c,
		CASE WHEN a % 4 = 0 THEN 'Hot' ELSE 'hot' END || a || '@conc.test' AS address,
		timestamptz '2024-01-01 00:00+00' + c * interval '1 day' + a * interval '1 second' AS t,
		CASE WHEN random() < 0.05 THEN NULL ELSE c END AS campaign,
		random() AS u, random() AS v
	FROM generate_series(1, 300) AS a, generate_series(1, 30) AS c
), ev AS (
	SELECT address, 'sent' AS type, campaign, NULL AS reason, NULL AS diagnostic, t AS at FROM pairs
	UNION ALL
	SELECT address, 'bounce', campaign,
		CASE WHEN v < 0.5 THEN (CASE WHEN a % 10 = 0 OR u < 0.10 THEN 'user_unknown'
									 WHEN a % 7 = 0 OR u < 0.20 THEN 'mailbox_full'
									 WHEN u < 0.25 THEN 'blocked' ELSE 'vacation' END) END,
		CASE WHEN v >= 0.5 THEN (CASE WHEN a % 10 = 0 OR u < 0.10 THEN '550 5.1.1 user unknown'
									  WHEN a % 7 = 0 OR u < 0.20 THEN '452 4.2.2 mailbox full'
									  WHEN u < 0.25 THEN '554 5.7.1 blocked using zen.spamhaus.org'
									  ELSE 'Out of office' END) END,
		t + interval '5 minutes'
	FROM pairs WHERE a % 10 = 0 OR a % 7 = 0 OR u < 0.27
	UNION ALL
	SELECT address, 'delivered', campaign, NULL, NULL, t + interval '1 minute'
	FROM pairs WHERE NOT (a % 10 = 0 OR a % 7 = 0 OR u < 0.27)
	UNION ALL
	SELECT address, 'open', campaign, NULL, NULL, t + interval '2 hours'
	FROM pairs WHERE NOT (a % 10 = 0 OR a % 7 = 0 OR u < 0.27) AND v < 0.30
	UNION ALL
	SELECT address, 'click', campaign, NULL, NULL,
		t + CASE WHEN v < 0.03 THEN interval '2 hours' ELSE interval '3 hours' END
	FROM pairs WHERE NOT (a % 10 = 0 OR a % 7 = 0 OR u < 0.27) AND v < 0.10
	UNION ALL
	SELECT address, 'complaint', campaign, NULL, NULL, t + interval '4 hours'
	FROM pairs WHERE v > 0.997
	UNION ALL
	SELECT address, 'unsubscribe', campaign, NULL, NULL, t + interval '4 hours'
	FROM pairs WHERE v BETWEEN 0.992 AND 0.997
)
SELECT row_number() OVER (ORDER BY random()) AS id, * FROM ev;
ALTER TABLE pool ADD PRIMARY KEY (id);
SELECT count(*) AS pool FROM pool \gset
