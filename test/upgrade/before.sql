-- A sender's database on the OLD version of bounce (1.0's API only), set up
-- before ALTER EXTENSION bounce UPDATE: events tracked by the extension's
-- trigger, the state, suppression list and audit they give, the sender's
-- rules and policy, a view and triggers of the user's that use the
-- extension's types and functions, and stored bounce.tally values.
-- Used by test/check-upgrade.sh; every name lives in schema shop.
SET client_min_messages = warning;
SET timezone = 'UTC';

CREATE SCHEMA shop;
CREATE TABLE shop.events (
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
CREATE INDEX ON shop.events (account_id, lower(email));
SELECT bounce.track_events('shop.events', 'email', 'type', 'campaign_id', 'occurred_at',
	diagnostic => 'diagnostic', status => 'smtp_status', reply_code => 'smtp_code',
	tenant => 'account_id') IS NOT NULL AS tracked;

-- The sender's policy and rules.
INSERT INTO bounce.policy (tenant, hard_threshold, soft_threshold) VALUES ('7', 2, 3);
INSERT INTO bounce.rule (tenant, pattern, reason, note)
VALUES ('7', 'quarantined by gateway zq', 'filtered', 'kept across upgrades');
INSERT INTO bounce.rule (pattern, status_prefix, reason, priority)
VALUES ('frobnicated mailbox', '5.2', 'suspend', 3);
INSERT INTO bounce.reason_kind (tenant, reason, kind) VALUES ('7', 'spam_detected', 'soft');

-- Events: a confirmed bounce (threshold 2), one hard bounce short of it,
-- a complaint and an unsubscribe (suppressed), a clean address, a block.
INSERT INTO shop.events (account_id, email, campaign_id, type, smtp_code, smtp_status, diagnostic, occurred_at) VALUES
	(7, 'gone@example.com', 1, 'sent', NULL, NULL, NULL, '2024-05-01 10:00'),
	(7, 'gone@example.com', 1, 'bounce', 550, '5.1.1', '550 5.1.1 user unknown', '2024-05-01 10:05'),
	(7, 'gone@example.com', 2, 'sent', NULL, NULL, NULL, '2024-05-02 10:00'),
	(7, 'gone@example.com', 2, 'bounce', 550, '5.1.1', '550 5.1.1 user unknown', '2024-05-02 10:05'),
	(7, 'once@example.com', 1, 'sent', NULL, NULL, NULL, '2024-05-01 10:00'),
	(7, 'once@example.com', 1, 'bounce', 550, '5.1.1', 'No such user here', '2024-05-01 10:05'),
	(7, 'angry@example.com', 1, 'sent', NULL, NULL, NULL, '2024-05-01 10:00'),
	(7, 'angry@example.com', 1, 'delivered', NULL, NULL, NULL, '2024-05-01 10:01'),
	(7, 'angry@example.com', 1, 'complaint', NULL, NULL, NULL, '2024-05-01 12:00'),
	(7, 'leaver@example.com', 1, 'sent', NULL, NULL, NULL, '2024-05-01 10:00'),
	(7, 'leaver@example.com', 1, 'unsubscribe', NULL, NULL, NULL, '2024-05-01 13:00'),
	(7, 'back@example.com', 1, 'sent', NULL, NULL, NULL, '2024-05-01 10:00'),
	(7, 'back@example.com', 1, 'unsubscribe', NULL, NULL, NULL, '2024-05-01 13:00'),
	(7, 'fine@example.com', 1, 'sent', NULL, NULL, NULL, '2024-05-01 10:00'),
	(7, 'fine@example.com', 1, 'delivered', NULL, NULL, NULL, '2024-05-01 10:01'),
	(7, 'fine@example.com', 1, 'open', NULL, NULL, NULL, '2024-05-01 11:00'),
	(8, 'blocked@example.org', 1, 'sent', NULL, NULL, NULL, '2024-05-01 10:00'),
	(8, 'blocked@example.org', 1, 'bounce', 554, '5.7.1', '554 5.7.1 Message rejected by policy (sender blocked)', '2024-05-01 10:05'),
	(7, 'zq@example.com', 1, 'sent', NULL, NULL, NULL, '2024-05-01 10:00'),
	(7, 'zq@example.com', 1, 'bounce', 550, NULL, '550 quarantined by gateway zq', '2024-05-01 10:05');
-- A double opt-in lifts the unsubscribe of back@: an audit record.
SELECT bounce.confirm_opt_in('back@example.com', '{"form": "double opt-in", "ip": "192.0.2.1"}', '7', 'upgrade-test');
-- A manual suppression.
INSERT INTO bounce.suppression (tenant, address, reason, suppressed_at, source)
VALUES ('7', 'manual@example.com', 'manual', '2024-04-01 00:00', 'support ticket 1');

-- The user's list, guarded by the extension's trigger function.
CREATE TABLE shop.contacts (id serial PRIMARY KEY, account_id bigint, email text);
CREATE TRIGGER contacts_refuse_suppressed BEFORE INSERT OR UPDATE ON shop.contacts
	FOR EACH ROW EXECUTE FUNCTION bounce.refuse_suppressed('address=email', 'tenant=account_id');
INSERT INTO shop.contacts (account_id, email) VALUES (7, 'fine@example.com'), (7, 'once@example.com');

-- The user's own trigger function, using the extension's types and
-- functions: a bounce log that classifies each row as it comes in.
CREATE TABLE shop.bounce_log (
	id serial PRIMARY KEY,
	account_id bigint,
	diagnostic text,
	status bounce.smtp_status,
	reason bounce.reason,
	kind bounce.kind
);
CREATE FUNCTION shop.classify_log() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	v bounce.verdict;
BEGIN
	v := bounce.classify(NEW.diagnostic, status => NEW.status, tenant => NEW.account_id::text);
	NEW.reason := v.reason;
	NEW.kind := v.kind;
	RETURN NEW;
END $$;
CREATE TRIGGER bounce_log_classify BEFORE INSERT ON shop.bounce_log
	FOR EACH ROW EXECUTE FUNCTION shop.classify_log();
INSERT INTO shop.bounce_log (account_id, diagnostic, status) VALUES
	(7, '550 5.1.1 user unknown', '5.1.1'),
	(7, '550 quarantined by gateway zq', NULL),
	(8, '452 4.2.2 mailbox full', '4.2.2');

-- The user's view: per campaign, a tally over the messages sent, its tier,
-- and how many of the addresses the state still lets us email.
CREATE VIEW shop.campaign_report AS
SELECT s.account_id, s.campaign_id,
	   bounce.tally(b.kind) AS t,
	   bounce.tier(bounce.tally(b.kind)) AS tier,
	   round(bounce.rate(bounce.tally(b.kind))::numeric, 2) AS bounce_pct,
	   count(*) FILTER (WHERE bounce.sendable(s.email, s.account_id::text)) AS sendable
FROM shop.events s
LEFT JOIN LATERAL (
	SELECT (bounce.classify(e.diagnostic, e.smtp_code, e.smtp_status::bounce.smtp_status,
							tenant => e.account_id::text)).kind
	FROM shop.events e
	WHERE e.type = 'bounce' AND e.account_id = s.account_id AND lower(e.email) = lower(s.email)
	  AND e.campaign_id = s.campaign_id
	ORDER BY e.id LIMIT 1) b ON true
WHERE s.type = 'sent'
GROUP BY s.account_id, s.campaign_id;

-- Stored tallies, written under the old version, with the old constructor,
-- the old text form and the old aggregate; and arrays and a composite.
CREATE TABLE shop.daily (
	day date PRIMARY KEY,
	t bounce.tally NOT NULL,
	history bounce.tally[]
);
INSERT INTO shop.daily VALUES
	('2024-05-01', bounce.tally(1000, 12, 3, 5, 1), NULL),
	('2024-05-02', '(sent=9223372036854775807,hard=4,soft=3,block=2,undetermined=1)', NULL),
	('2024-05-03', '(sent=0,hard=0,soft=0,block=0,undetermined=0)', ARRAY[bounce.tally(10, 1), bounce.tally(20, 0, 2)]);
INSERT INTO shop.daily SELECT '2024-05-04', t, ARRAY[t] FROM shop.campaign_report WHERE account_id = 7 AND campaign_id = 1;
CREATE INDEX daily_sent ON shop.daily (bounce.sent(t));
