-- Part 4 of the demo: the closing summary, computed from what came before.

\echo
\echo '== Summary'
\pset tuples_only on
\pset format unaligned
WITH acc AS (
	SELECT a.id, a.name, bounce.tally(d.kind) AS t
	FROM sample.delivery d JOIN sample.accounts a ON a.id = d.account_id
	GROUP BY a.id, a.name
), latest AS (
	SELECT d.account_id, COALESCE(bounce.provider(d.email), '(other)') AS provider,
		   bounce.tally(d.kind) FILTER (WHERE c.id % 100 = 12) AS cur,
		   bounce.tally(d.kind) FILTER (WHERE c.id % 100 < 12) AS base
	FROM sample.delivery d JOIN sample.campaigns c ON c.id = d.campaign_id
	GROUP BY 1, 2
), contact AS (
	SELECT count(*) AS contacts,
		   count(*) FILTER (WHERE NOT bounce.sendable(email, account_id::text)) AS excluded
	FROM sample.contacts
)
SELECT line FROM (
	SELECT 1 AS n, format('- %s messages sent, %s bounced (%s %%, auto-replies not counted), each',
						  bounce.sent(t), bounce.bounced(t), round(bounce.rate(t)::numeric, 2)) AS line
	FROM (SELECT bounce.tally(t) AS t FROM acc) total
	UNION ALL
	SELECT 2, '  bounce given a reason and a kind in SQL by bounce''s classifier.'
	UNION ALL
	SELECT 3, '- Hard-bounce tiers:'
	UNION ALL
	SELECT 3 + id::int, format('    %-18s %-11s %5s %% hard bounces', name, bounce.tier(t), round(bounce.rate(t, 'hard')::numeric, 2))
	FROM acc
	UNION ALL
	SELECT 10, format('- Block spikes in the latest campaign: %s.',
					 COALESCE(string_agg(format('%s at %s', a.name, l.provider), ', ' ORDER BY a.id, l.provider), 'none'))
	FROM latest l JOIN sample.accounts a ON a.id = l.account_id
	WHERE bounce.spike(l.cur, l.base, 'block')
	UNION ALL
	SELECT 11, format('- The next campaign skips %s of %s contacts (confirmed bounces, suppressed);',
					 excluded, contacts)
	FROM contact
	UNION ALL
	SELECT 12, '  a trigger keeps that current and removing a recent one is refused (23Q01).'
) s
ORDER BY n;
\pset format aligned
\pset tuples_only off
