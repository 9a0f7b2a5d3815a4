-- The sample sender's database: accounts, contacts, campaigns and the
-- events an ESP records (sent, bounce, open), the tables a real sender
-- already has.  21-sender.sql reports on it.
--
-- The data is generated here, deterministically (setseed): three accounts,
-- 27,000 contacts from good and bad acquisition sources, twelve weekly
-- campaigns per account, about 260,000 messages sent and the bounces they
-- drew, with diagnostics written for this demo in the style of each
-- provider.  Two things went wrong on purpose:
--   * Coastline Travel imported a purchased list before its last three
--     campaigns: many unknown users;
--   * Microsoft (outlook.com, hotmail.com and Microsoft 365 domains) blocked
--     Alder & Finch's sending IP during its latest campaign.
-- The bounces are classified by bounce.kind_for(); the reports are plain
-- GROUP BY queries over bounce.tally(kind).

SELECT setseed(0.2026) \gset

\echo accounts and contacts
CREATE SCHEMA sample;

CREATE TABLE sample.accounts (
	id bigint PRIMARY KEY,
	name text NOT NULL
);
INSERT INTO sample.accounts VALUES
	(1, 'Alder & Finch'),		-- outdoor retail, newsletter
	(2, 'Brightloop'),			-- B2B software, many company domains
	(3, 'Coastline Travel');	-- travel deals

-- Company domains of recipients: one in three hosted by Google Workspace,
-- one in three by Microsoft 365 (the sender recorded their MX hosts), the
-- rest on their own mail servers.
CREATE TEMP TABLE company AS
SELECT n, name || '.example' AS domain,
	   CASE n % 3 WHEN 0 THEN 'google' WHEN 1 THEN 'microsoft' END AS provider
FROM unnest(ARRAY['acmetools', 'bluepeak', 'cedarworks', 'driftwood', 'emberlane',
				  'foxglove', 'granitebay', 'harborline', 'ironleaf', 'junipertech',
				  'kestrel', 'lumenfield', 'mapleforge', 'northgate', 'oakridge-labs',
				  'pinecrest', 'quarrystone', 'redwood-analytics', 'silverbirch', 'tidewater',
				  'umberhill', 'valleyview', 'willowbrook', 'yellowpine', 'zephyr-systems',
				  'amberfield', 'brookside', 'coppergate', 'dunmore', 'eastbridge'])
	 WITH ORDINALITY AS c(name, n);
INSERT INTO bounce.domain_mx
SELECT domain, CASE provider
				   WHEN 'google' THEN 'aspmx.l.google.com'
				   ELSE replace(domain, '.', '-') || '.mail.protection.outlook.com'
			   END
FROM company WHERE provider IS NOT NULL;

-- Contacts, with what only the generator knows: whether the mailbox exists.
CREATE TEMP TABLE person AS
SELECT g AS id, (g - 1) / 9000 + 1 AS account_id,
	   random() AS r_source, random() AS r_domain, random() AS r_pick,
	   random() AS r_bad, random() AS r_time
FROM generate_series(1, 27000) g;

CREATE TEMP TABLE contact_truth AS
WITH sourced AS (
	SELECT p.*,
		   CASE p.account_id
			   WHEN 1 THEN CASE WHEN r_source < 0.60 THEN 'signup_form'
								WHEN r_source < 0.94 THEN 'checkout'
								ELSE 'summer_giveaway' END
			   WHEN 2 THEN CASE WHEN r_source < 0.45 THEN 'signup_form'
								WHEN r_source < 0.78 THEN 'webinar'
								ELSE 'trade_show_scan' END
			   ELSE CASE WHEN r_source < 0.58 THEN 'signup_form'
						 WHEN r_source < 0.85 THEN 'checkout'
						 ELSE 'purchased_list' END
		   END AS source
	FROM person p
), placed AS (
	SELECT s.*,
		   -- share of company addresses: high for the B2B sender
		   r_domain < CASE account_id WHEN 2 THEN 0.55 ELSE 0.12 END AS at_company,
		   CASE source
			   WHEN 'purchased_list' THEN 0.24
			   WHEN 'trade_show_scan' THEN 0.13
			   WHEN 'summer_giveaway' THEN 0.05
			   WHEN 'webinar' THEN 0.008
			   ELSE 0.003
		   END AS p_unknown,
		   CASE source WHEN 'purchased_list' THEN 0.04 WHEN 'trade_show_scan' THEN 0.02 ELSE 0.001 END AS p_dead
	FROM sourced s
)
SELECT id, account_id, source,
	   (ARRAY['ana', 'ben', 'chloe', 'david', 'elif', 'farah', 'george', 'hana', 'ivan', 'julia',
			  'kofi', 'lena', 'marco', 'nina', 'omar', 'priya', 'quinn', 'rosa', 'sam', 'tariq'])[1 + (id * 7) % 20]
	   || '.' ||
	   (ARRAY['adams', 'baker', 'costa', 'dubois', 'evans', 'fischer', 'garcia', 'haddad', 'ito', 'jensen',
			  'kowalski', 'lopez', 'moreau', 'novak', 'okafor', 'patel', 'rossi', 'silva', 'tanaka', 'weber'])[1 + (id * 13 / 20) % 20]
	   || (id % 97) AS local,
	   CASE
		   WHEN r_bad >= 1 - p_dead THEN 'defunct-' || (id % 40) || '.example'
		   WHEN at_company THEN (SELECT domain FROM company WHERE n = 1 + (id % 30))
		   ELSE (SELECT d FROM (VALUES
					 (0.40, 'gmail.com'), (0.42, 'googlemail.com'),
					 (0.52, 'outlook.com'), (0.58, 'hotmail.com'), (0.60, 'live.com'),
					 (0.69, 'yahoo.com'), (0.73, 'aol.com'),
					 (0.80, 'icloud.com'), (0.82, 'me.com'),
					 (0.86, 'gmx.de'), (0.89, 'web.de'),
					 (0.92, 'orange.fr'),
					 (0.95, 'comcast.net'),
					 (1.01, 'fastmail.com')) v(upto, d)
				 WHERE r_pick < upto ORDER BY upto LIMIT 1)
	   END AS domain,
	   CASE
		   WHEN r_bad >= 1 - p_dead THEN 'no_domain'
		   WHEN r_bad < p_unknown THEN 'unknown_user'
		   WHEN r_bad < p_unknown + 0.004 THEN 'full'
		   ELSE 'ok'
	   END AS state,
	   CASE
		   WHEN source = 'purchased_list' THEN timestamptz '2026-10-05 14:00+00' + (id % 60) * interval '1 minute'
		   ELSE timestamptz '2026-01-05 00:00+00' + r_time * interval '250 days'
	   END AS created_at
FROM placed
ORDER BY id;

-- The provider as the generator sees it (for the block), and the mailbox.
CREATE TEMP TABLE mailbox AS
SELECT t.*, t.local || '@' || t.domain AS email,
	   COALESCE(c.provider,
				CASE WHEN t.domain IN ('gmail.com', 'googlemail.com') THEN 'google'
					 WHEN t.domain IN ('outlook.com', 'hotmail.com', 'live.com') THEN 'microsoft'
					 WHEN t.domain IN ('yahoo.com', 'aol.com') THEN 'yahoo'
					 WHEN t.domain IN ('icloud.com', 'me.com') THEN 'apple'
					 WHEN t.domain IN ('gmx.de', 'web.de') THEN 'united_internet'
					 WHEN t.domain = 'orange.fr' THEN 'orange'
				END) AS provider
FROM contact_truth t LEFT JOIN company c ON c.domain = t.domain;

CREATE TABLE sample.contacts (
	id bigserial PRIMARY KEY,
	account_id bigint NOT NULL REFERENCES sample.accounts,
	list_id bigint NOT NULL,
	email text NOT NULL,
	source text NOT NULL,
	created_at timestamptz NOT NULL
);
INSERT INTO sample.contacts (account_id, list_id, email, source, created_at)
SELECT account_id, account_id * 10 + CASE WHEN source IN ('checkout', 'webinar') THEN 2 ELSE 1 END,
	   email, source, created_at
FROM mailbox ORDER BY id;

CREATE TABLE sample.campaigns (
	id bigint PRIMARY KEY,
	account_id bigint NOT NULL REFERENCES sample.accounts,
	name text NOT NULL,
	sent_at timestamptz NOT NULL
);
INSERT INTO sample.campaigns
SELECT a * 100 + k, a,
	   (ARRAY['Spring gear', 'Product update', 'Weekend deals'])[a] || ' #' || k,
	   timestamptz '2026-08-04 09:00+00' + (k - 1) * interval '7 days' + a * interval '2 hours'
FROM generate_series(1, 3) a, generate_series(1, 12) k;

\echo campaigns: who got which, and what happened
-- Who got which campaign, and what happened to each message.
CREATE TEMP TABLE send AS
SELECT s.*, random() AS r_out, random() AS r_diag, random() AS r_open
FROM (SELECT m.id AS contact_id, m.account_id, m.email, m.domain, m.provider, m.state,
			 c.id AS campaign_id, c.sent_at, c.id % 100 AS seq
	  FROM mailbox m JOIN sample.campaigns c ON c.account_id = m.account_id
	  WHERE m.created_at < c.sent_at
	  ORDER BY c.id, m.id) s;
DELETE FROM send WHERE r_open > 0.88;		-- not everyone gets every campaign

CREATE TEMP TABLE outcome AS
SELECT s.*,
	   CASE
		   WHEN account_id = 1 AND seq = 12 AND provider = 'microsoft' AND r_out < 0.85 THEN 'ms_block'
		   WHEN state = 'unknown_user' THEN 'unknown'
		   WHEN state = 'no_domain' THEN 'no_domain'
		   WHEN state = 'full' AND r_out < 0.7 THEN 'full'
		   WHEN r_out < 0.0035 THEN 'temporary'
		   WHEN r_out < 0.0055 THEN 'spam'
		   WHEN r_out < 0.0060 THEN 'dmarc'
		   WHEN r_out < 0.0066 THEN 'unclear'
		   WHEN r_out < 0.0110 THEN 'auto_reply'
		   WHEN r_out < 0.0118 THEN 'full'
	   END AS what
FROM send s;

-- Diagnostics, in the style of each provider (written for this demo):
-- %1$s is the address, %2$s its domain, %3$s a number.
CREATE TEMP TABLE diagnostic (what text, provider text, variant int, code int, status text, template text);
INSERT INTO diagnostic VALUES
	('unknown', 'google', 0, 550, '5.1.1', '550-5.1.1 The mailbox you tried to reach does not exist. Please check the address for typos or extra spaces. - gsmtp'),
	('unknown', 'microsoft', 0, 550, '5.1.10', '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient %1$s not found by SMTP address lookup'),
	('unknown', 'yahoo', 0, 554, NULL, '554 delivery error: dd This user doesn''t have a %2$s account - mta%3$s.mail.gq1.yahoo.com'),
	('unknown', 'apple', 0, 550, '5.1.1', '550 5.1.1 <%1$s>: user does not exist'),
	('unknown', 'united_internet', 0, 550, NULL, '550 Requested action not taken: mailbox unavailable'),
	('unknown', 'orange', 0, 550, '5.1.1', '550 5.1.1 Adresse d''au moins un destinataire invalide. Invalid recipient. OFR_416'),
	('unknown', NULL, 0, 550, '5.1.1', '550 5.1.1 <%1$s>: Recipient address rejected: User unknown in local recipient table'),
	('no_domain', NULL, 0, NULL, '5.4.4', 'Host or domain name not found. Name service error for name=%2$s type=MX: Host not found'),
	('full', 'google', 0, 452, '4.2.2', '452-4.2.2 The recipient''s inbox is out of storage space and cannot take new mail. - gsmtp'),
	('full', 'yahoo', 0, 552, NULL, '552 1 Requested mail action aborted, mailbox is over quota'),
	('full', NULL, 0, 552, '5.2.2', '552 5.2.2 Mailbox full: quota exceeded'),
	('temporary', NULL, 0, 450, '4.7.1', '450 4.7.1 <%1$s>: Recipient address rejected: Greylisted, try again in 300 seconds'),
	('temporary', NULL, 1, 451, '4.3.0', '451 4.3.0 Temporary local problem, please try again later'),
	('spam', 'google', 0, 550, '5.7.1', '550-5.7.1 This message looks like unsolicited bulk mail and has been blocked to protect our users. - gsmtp'),
	('spam', NULL, 0, 554, '5.7.1', '554 5.7.1 Message rejected as spam by the content filter'),
	('dmarc', NULL, 0, 550, '5.7.26', '550-5.7.26 Unauthenticated mail from this domain is not accepted because of its DMARC policy. - gsmtp'),
	('unclear', NULL, 0, NULL, NULL, 'Message delivery failed; no further information is available'),
	('auto_reply', NULL, 0, NULL, NULL, 'Automatic reply: I am out of the office until the 14th with limited access to email'),
	('ms_block', NULL, 0, 550, '5.7.1', '550 5.7.1 Messages from [203.0.113.25] were not accepted: part of the sending network is on our block list (S3150).'),
	('ms_block', NULL, 1, 550, '5.7.606', '550 5.7.606 Access denied, sending IP [203.0.113.25] is banned. Request removal through the sender support portal.');

\echo the events table: sends, bounces, opens
CREATE TABLE sample.events (
	id bigserial PRIMARY KEY,
	account_id bigint NOT NULL,
	email text NOT NULL,
	campaign_id bigint,
	type text NOT NULL,		-- sent | delivered | bounce | open | click | complaint | unsubscribe
	smtp_code int,
	smtp_status text,
	diagnostic text,
	occurred_at timestamptz NOT NULL
);
INSERT INTO sample.events (account_id, email, campaign_id, type, smtp_code, smtp_status, diagnostic, occurred_at)
SELECT account_id, email, campaign_id, type, code, status, diagnostic, at
FROM (
	SELECT account_id, email, campaign_id, 'sent' AS type, NULL::int AS code, NULL AS status,
		   NULL AS diagnostic, sent_at + (contact_id % 600) * interval '1 second' AS at, contact_id
	FROM outcome
	UNION ALL
	SELECT o.account_id, o.email, o.campaign_id, 'bounce', d.code, d.status,
		   format(d.template, o.email, o.domain, 1000 + o.contact_id % 900),
		   o.sent_at + (o.contact_id % 600) * interval '1 second' + interval '40 seconds', o.contact_id
	FROM outcome o,
		 LATERAL (SELECT * FROM diagnostic d
				  WHERE d.what = o.what
					AND (d.provider = o.provider OR d.provider IS NULL)
					AND d.variant = CASE o.what
										WHEN 'temporary' THEN (o.r_diag < 0.5)::int
										WHEN 'ms_block' THEN (o.domain LIKE '%.example')::int
										ELSE 0
									END
				  ORDER BY d.provider NULLS LAST LIMIT 1) d
	UNION ALL
	SELECT account_id, email, campaign_id, 'open', NULL, NULL, NULL,
		   sent_at + (contact_id % 600) * interval '1 second' + interval '2 hours', contact_id
	FROM outcome
	WHERE (what IS NULL OR what = 'auto_reply') AND r_open < 0.22
) e
ORDER BY at, contact_id, type DESC;
ANALYZE sample.events;

\echo classifying every bounce (bounce.kind_for)
-- One row per message sent with its outcome kind (NULL: it did not bounce).
-- This is what the reports aggregate with bounce.tally(kind).
CREATE TABLE sample.delivery AS
SELECT s.account_id, s.campaign_id, s.email, c.source, c.list_id,
	   bounce.kind_for(b.diagnostic, b.smtp_code, b.smtp_status::bounce.smtp_status,
					   NULL, s.email, s.account_id::text) AS kind
FROM sample.events s
	 JOIN sample.contacts c ON c.account_id = s.account_id AND c.email = s.email
	 LEFT JOIN sample.events b ON b.type = 'bounce' AND b.account_id = s.account_id
		  AND b.campaign_id = s.campaign_id AND b.email = s.email
WHERE s.type = 'sent';
ANALYZE sample.delivery;
