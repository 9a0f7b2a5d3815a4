-- Part 2 of the demo: the reports bounce gives on the sample sender's
-- database (20-sender-data.sql): account health, campaign tiers, the worst
-- acquisition sources, rates per mailbox provider and spike warnings.  They
-- are plain GROUP BY queries over bounce.tally(kind), one row per message.

\echo
\echo '== 5. The sample sender'
\echo '   Three accounts of an email service provider, twelve weekly campaigns each;'
\echo '   every message sent is one row of sample.delivery with its bounce kind'
\echo '   (auto-replies arrive as bounce events too: their kind is none).'
SELECT (SELECT count(*) FROM sample.accounts) AS accounts,
	   (SELECT count(*) FROM sample.contacts) AS contacts,
	   (SELECT count(*) FROM sample.campaigns) AS campaigns,
	   (SELECT count(*) FROM sample.events) AS events,
	   (SELECT count(*) FROM sample.events WHERE type = 'sent') AS "messages sent",
	   (SELECT count(*) FROM sample.events WHERE type = 'bounce') AS "bounce events";

\echo
\echo '== 6. Account health'
\echo '   The tier and the health judge the hard-bounce rate only (mail to addresses'
\echo '   that do not exist: the list''s quality); blocks and soft bounces count in'
\echo '   the total rate and show in the spike warnings below.'
SELECT a.name AS account, bounce.sent(t) AS sent,
	   round(bounce.rate(t)::numeric, 2) AS "all %",
	   round(bounce.rate(t, 'block')::numeric, 2) AS "block %",
	   round(bounce.rate(t, 'hard')::numeric, 2) AS "hard %",
	   bounce.tier(t) AS "hard tier", bounce.health(t) AS health
FROM (SELECT account_id, bounce.tally(kind) AS t FROM sample.delivery GROUP BY account_id) x
	 JOIN sample.accounts a ON a.id = x.account_id
ORDER BY a.id;

\echo
\echo '== 7. The last four campaigns of each account (one name per account)'
\echo '   A campaign that a provider blocked bounces a lot yet keeps an excellent hard'
\echo '   tier (its list is fine, its sending IP is not); a purchased list does not.'
SELECT c.name AS campaign, bounce.sent(t) AS sent,
	   round(bounce.rate(t)::numeric, 2) AS "all %",
	   round(bounce.rate(t, 'block')::numeric, 2) AS "block %",
	   round(bounce.rate(t, 'hard')::numeric, 2) AS "hard %",
	   bounce.tier(t) AS "hard tier"
FROM (SELECT campaign_id, bounce.tally(kind) AS t FROM sample.delivery GROUP BY campaign_id) x
	 JOIN sample.campaigns c ON c.id = x.campaign_id
WHERE c.id % 100 > 8
ORDER BY c.account_id, c.sent_at;

\echo
\echo '== 8. The worst acquisition sources'
\echo '   Hard bounces point at where bad addresses come from: a purchased list and'
\echo '   badge scans from a trade show, not the signup form.'
SELECT a.name AS account, d.source, count(DISTINCT d.email) AS addresses,
	   bounce.sent(bounce.tally(d.kind)) AS sent,
	   round(bounce.rate(bounce.tally(d.kind), 'hard')::numeric, 2) AS "hard %",
	   bounce.tier(bounce.tally(d.kind)) AS "hard tier"
FROM sample.delivery d JOIN sample.accounts a ON a.id = d.account_id
GROUP BY a.name, d.source
ORDER BY bounce.rate(bounce.tally(d.kind), 'hard') DESC, 1, 2
LIMIT 5;

\echo
\echo '== 9. Mailbox providers'
\echo '   bounce.provider() names the provider from the domain, or from the MX hosts'
\echo '   the sender recorded in bounce.domain_mx for company domains.'
SELECT COALESCE(provider, '(other)') AS provider, bounce.sent(t) AS sent,
	   round(bounce.rate(t)::numeric, 2) AS "all %",
	   round(bounce.rate(t, 'soft')::numeric, 2) AS "soft %",
	   round(bounce.rate(t, 'block')::numeric, 2) AS "block %",
	   round(bounce.rate(t, 'hard')::numeric, 2) AS "hard %",
	   bounce.tier(t) AS "hard tier"
FROM (SELECT bounce.provider(email) AS provider, bounce.tally(kind) AS t
	  FROM sample.delivery GROUP BY 1) x
ORDER BY bounce.sent(t) DESC;

\echo
\echo '== 10. Spike warnings: the latest campaign against the eleven before it'
\echo '   bounce.spike() flags a rate significantly above its baseline (z > 3, at'
\echo '   least 100 messages each side), so a sender learns of a block in one campaign.'
WITH sides AS (
	SELECT d.account_id,
		   bounce.tally(d.kind) FILTER (WHERE c.id % 100 = 12) AS cur,
		   bounce.tally(d.kind) FILTER (WHERE c.id % 100 < 12) AS base
	FROM sample.delivery d JOIN sample.campaigns c ON c.id = d.campaign_id
	GROUP BY d.account_id
)
SELECT a.name AS account, COALESCE(k.kind::text, 'all') AS bounces,
	   round(COALESCE(bounce.rate(base, k.kind), bounce.rate(base))::numeric, 2) AS "before %",
	   round(COALESCE(bounce.rate(cur, k.kind), bounce.rate(cur))::numeric, 2) AS "latest %",
	   round(bounce.spike_z(cur, base, k.kind)::numeric, 1) AS z
FROM sides JOIN sample.accounts a ON a.id = sides.account_id,
	 unnest(ARRAY[NULL, 'hard', 'soft', 'block', 'undetermined']::bounce.kind[]) WITH ORDINALITY k(kind, n)
WHERE bounce.spike(cur, base, k.kind)
ORDER BY a.id, k.n;

\echo
\echo '== 11. Which provider blocked: block-rate spikes per provider'
\echo '   Blocks come from one provider at a time; this is the one to contact (the'
\echo '   block rate before and in the latest campaign).'
WITH sides AS (
	SELECT d.account_id, COALESCE(bounce.provider(d.email), '(other)') AS provider,
		   bounce.tally(d.kind) FILTER (WHERE c.id % 100 = 12) AS cur,
		   bounce.tally(d.kind) FILTER (WHERE c.id % 100 < 12) AS base
	FROM sample.delivery d JOIN sample.campaigns c ON c.id = d.campaign_id
	GROUP BY 1, 2
)
SELECT a.name AS account, provider, bounce.sent(cur) AS "latest sent",
	   round(bounce.rate(base, 'block')::numeric, 2) AS "before %",
	   round(bounce.rate(cur, 'block')::numeric, 2) AS "latest %",
	   round(bounce.spike_z(cur, base, 'block')::numeric, 1) AS z
FROM sides JOIN sample.accounts a ON a.id = sides.account_id
WHERE bounce.spike(cur, base, 'block')
ORDER BY a.id, provider;
