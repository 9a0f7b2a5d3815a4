-- The main job, part 3: address state on the sample sender's own events
-- table (bounce.track), the send exclusion, and the delete restriction.
SET client_min_messages = warning;

\echo
\echo '== Attach bounce.track() to sample.events and replay its history (bounce.rebuild)'
CREATE INDEX ON sample.events (account_id, bounce.address_key(email));
SELECT bounce.track_events('sample.events', 'email', 'type', 'campaign_id', 'occurred_at',
	diagnostic => 'diagnostic', status => 'smtp_status', reply_code => 'smtp_code',
	tenant => 'account_id') IS NOT NULL AS attached;
SELECT addresses, events_replayed, active, confirmed, suppressed FROM bounce.rebuild('sample.events');

\echo
\echo '== Address state per account (confirmed: three consecutive campaigns hard-bounced)'
SELECT a.name AS account,
	   count(*) FILTER (WHERE s.status = 'active') AS active,
	   count(*) FILTER (WHERE s.status = 'active' AND s.hard_streak > 0) AS "active, hard streak",
	   count(*) FILTER (WHERE s.status = 'confirmed') AS confirmed,
	   count(*) FILTER (WHERE s.status = 'suppressed') AS suppressed
FROM bounce.address_state s
JOIN sample.accounts a ON a.id::text = s.tenant
GROUP BY a.name ORDER BY a.name;

SELECT a.name AS account, p.reason AS suppressed_for, count(*) AS addresses
FROM bounce.suppression p JOIN sample.accounts a ON a.id::text = p.tenant
GROUP BY 1, 2 ORDER BY 1, 2;

\echo
\echo '== A webhook delivers one event at a time: a new address bounces in three campaigns'
INSERT INTO sample.events (account_id, email, campaign_id, type, smtp_code, smtp_status, diagnostic, occurred_at)
SELECT 3, 'Late.Signup@example.net', 300 + k, e.type, e.code, e.status, e.diag,
	   c.sent_at + e.delay
FROM generate_series(10, 12) AS k
JOIN sample.campaigns c ON c.id = 300 + k
CROSS JOIN (VALUES ('sent', NULL, NULL, NULL, interval '0'),
				   ('bounce', 550, '5.1.1', '550 5.1.1 <late.signup@example.net>: Recipient address rejected: User unknown in local recipient table', interval '4 minutes'))
	AS e(type, code, status, diag, delay)
ORDER BY k, e.delay;
SELECT address, status, hard_streak, hard_campaigns, last_reason, last_kind
FROM bounce.address_state WHERE tenant = '3' AND address = 'late.signup@example.net';

\echo
\echo '== The next campaign excludes what may not be emailed (bounce.sendable)'
SELECT a.name AS account, count(*) AS contacts,
	   count(*) FILTER (WHERE bounce.sendable(c.email, c.account_id::text)) AS sendable
FROM sample.contacts c JOIN sample.accounts a ON a.id = c.account_id
GROUP BY a.name ORDER BY a.name;

\echo
\echo '== Removing a confirmed bounce emailed within 7 days is refused (SQLSTATE 23Q01)'
DO $$
BEGIN
	-- as if the last campaign had gone out just now
	UPDATE bounce.address_state SET last_sent_at = now() - interval '2 days'
	WHERE tenant = '3' AND address = 'late.signup@example.net';
	PERFORM bounce.remove_confirmed('late.signup@example.net', '3');
EXCEPTION WHEN SQLSTATE '23Q01' THEN
	RAISE WARNING '%', SQLERRM;
END $$;

\echo
\echo '== Cleaning a list: what bounce.clean_list would remove (dry run)'
SELECT action, category, count, reason
FROM bounce.clean_list('sample.contacts', 'email', 'account_id', dry_run => true)
WHERE count > 0;
