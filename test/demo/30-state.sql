-- Part 3 of the demo: address state on the sample sender's own events table
-- (bounce.track), the send exclusion, the delete restriction and list
-- cleaning.
SET client_min_messages = warning;

\echo
\echo '== 12. Address state, kept by a trigger on the sender''s events table'
\echo '   bounce.track() follows every insert; rebuild() replays the past events once,'
\echo '   so each address is active, confirmed (hard bounces in three consecutive'
\echo '   campaigns: never emailed again) or suppressed.'
CREATE INDEX ON sample.events (account_id, bounce.address_key(email));
SELECT bounce.track_events('sample.events', 'email', 'type', 'campaign_id', 'occurred_at',
	diagnostic => 'diagnostic', status => 'smtp_status', reply_code => 'smtp_code',
	tenant => 'account_id') IS NOT NULL AS "trigger attached";
SELECT addresses, events_replayed AS "events replayed", active, confirmed, suppressed
FROM bounce.rebuild('sample.events');

\echo
\echo '== 13. Every contact by state'
\echo '   The rows not indented add up to all contacts; "in a hard streak" are active'
\echo '   addresses one or two campaigns into a hard-bounce streak, still emailed;'
\echo '   "sendable" (bounce.sendable) is "not emailed yet" plus "active".'
SELECT v.label AS "contacts",
	   sum(v.hit::int) FILTER (WHERE c.account_id = 1) AS "Alder & Finch",
	   sum(v.hit::int) FILTER (WHERE c.account_id = 2) AS "Brightloop",
	   sum(v.hit::int) FILTER (WHERE c.account_id = 3) AS "Coastline Travel"
FROM sample.contacts c
	 LEFT JOIN bounce.address_state s
		ON s.tenant = c.account_id::text AND s.address = bounce.address_key(c.email),
	 LATERAL (VALUES (1, 'not emailed yet', s.status IS NULL),
					 (2, 'active', s.status = 'active'),
					 (3, '  of which in a hard streak', s.status = 'active' AND s.hard_streak > 0),
					 (4, 'confirmed', s.status = 'confirmed'),
					 (5, 'suppressed', s.status = 'suppressed'),
					 (6, '= all contacts', true),
					 (7, 'sendable', bounce.sendable(c.email, c.account_id::text))) v(n, label, hit)
GROUP BY v.n, v.label ORDER BY v.n;

\echo
\echo '== 14. Why the suppressed are suppressed'
\echo '   Five soft-bounce campaigns in a row (a mailbox full for weeks) suppress an'
\echo '   address, as do complaints and unsubscribes.'
SELECT a.name AS account, p.reason AS "suppressed for", count(*) AS addresses
FROM bounce.suppression p JOIN sample.accounts a ON a.id::text = p.tenant
GROUP BY 1, 2 ORDER BY 1, 2;

\echo
\echo '== 15. A webhook delivers one event at a time'
\echo '   A new address bounces as an unknown user in three campaigns; the third'
\echo '   bounce confirms it, with nothing run but the INSERTs.'
INSERT INTO sample.events (account_id, email, campaign_id, type, smtp_code, smtp_status, diagnostic, occurred_at)
SELECT 3, 'Late.Signup@example.net', 300 + k, e.type, e.code, e.status, e.diag,
	   c.sent_at + e.delay
FROM generate_series(10, 12) AS k
JOIN sample.campaigns c ON c.id = 300 + k
CROSS JOIN (VALUES ('sent', NULL, NULL, NULL, interval '0'),
				   ('bounce', 550, '5.1.1', '550 5.1.1 <late.signup@example.net>: Recipient address rejected: User unknown in local recipient table', interval '4 minutes'))
	AS e(type, code, status, diag, delay)
ORDER BY k, e.delay;
SELECT address, status, hard_streak AS streak, hard_campaigns AS campaigns,
	   last_reason AS "last reason"
FROM bounce.address_state WHERE tenant = '3' AND address = 'late.signup@example.net';

\echo
\echo '== 16. Removing a confirmed bounce emailed within 7 days is refused'
\echo '   The error has its own SQLSTATE (23Q01), so an application can tell it apart'
\echo '   and show the user when removal becomes possible.'
-- Run a statement and print the error it raises as psql would, on stdout,
-- with its SQLSTATE, lines wrapped at 78 columns.
CREATE FUNCTION pg_temp.error_of(stmt text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
	st text; msg text; det text; hnt text;
BEGIN
	EXECUTE stmt;
	RETURN NEXT 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
		det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
	RETURN QUERY
		SELECT rtrim(regexp_replace(label || ':  ' || txt, '(.{1,76})( +|$)', E'\\1\n          ', 'g'), E' \n')
		FROM (VALUES (1, 'ERROR', msg), (2, 'DETAIL', det), (3, 'HINT', hnt), (4, 'SQLSTATE', st)) f(n, label, txt)
		WHERE txt <> '' ORDER BY n;
END $$;
-- as if the last campaign had gone out two days ago
UPDATE bounce.address_state SET last_sent_at = date_trunc('second', now()) - interval '2 days'
WHERE tenant = '3' AND address = 'late.signup@example.net';
\pset tuples_only on
\pset format unaligned
SELECT pg_temp.error_of($$SELECT bounce.remove_confirmed('late.signup@example.net', '3')$$);
\pset format aligned
\pset tuples_only off

\echo
\echo '== 17. Cleaning a list: what bounce.clean_list() would remove (dry run)'
\echo '   One statement removes confirmed, hard-streak and soft-streak addresses from'
\echo '   the contacts table, and keeps those emailed too recently to remove.'
SELECT action, category, reason, count
FROM bounce.clean_list('sample.contacts', 'email', 'account_id', dry_run => true)
WHERE count > 0;
