-- Part 1 of the demo, classification: forty bounce lines of the kind an
-- ESP's webhook receives, written for this project, classified by
-- bounce.classify().

CREATE TEMP TABLE demo_bounce (id int, reply_code int, status text, remote text, diagnostic text);
INSERT INTO demo_bounce VALUES
 ( 1, 550, '5.1.1', 'mx1.example.org', '550 5.1.1 <ana.souza@example.org>: Recipient address rejected: User unknown in virtual mailbox table'),
 ( 2, 550, '5.1.1', 'gmail-smtp-in.l.google.com', '550-5.1.1 The mailbox you addressed does not exist. Check the address for typos or unnecessary spaces.'),
 ( 3, 550, '5.4.1', 'example-com.mail.protection.outlook.com', '550 5.4.1 Recipient address rejected: Access denied. [DB5EUR03FT012.eop-EUR03.prod.protection.outlook.com]'),
 ( 4, 550, NULL, 'mail.example.net', '550 No such user here (jmiller@example.net)'),
 ( 5, NULL, NULL, NULL, 'Host or domain name not found. Name service error for name=exampel.com type=MX: Host not found'),
 ( 6, 550, '5.1.6', 'mx.example.com', '550 5.1.6 Recipient mailbox has moved; no forwarding address is known'),
 ( 7, 556, '5.1.10', 'mx.null.example', '556 5.1.10 Recipient address rejected: the domain null.example accepts no mail (null MX)'),
 ( 8, 550, '5.2.1', 'mx.example.de', '550 5.2.1 This mailbox has been disabled and no longer receives messages'),
 ( 9, 552, '5.2.2', 'mx.example.fr', '552 5.2.2 Mailbox quota exceeded for this recipient, please try later'),
 (10, 452, '4.2.2', 'mta7.am0.yahoodns.net', '452 4.2.2 The recipient''s mailbox is over its storage limit'),
 (11, 552, '5.3.4', 'mx.example.co.uk', '552 5.3.4 Message size exceeds fixed maximum message size (10485760 bytes)'),
 (12, 552, '5.2.3', 'mx.example.it', '552 5.2.3 Message length exceeds administrative limit'),
 (13, 452, '4.3.1', 'mx.example.nl', '452 4.3.1 Insufficient system storage, try again later'),
 (14, 451, '4.3.0', 'mx.example.se', '451 4.3.0 Temporary local problem - please try later'),
 (15, NULL, NULL, 'mx.example.pl', 'connect to mx.example.pl[192.0.2.44]:25: Connection timed out'),
 (16, NULL, '4.4.7', NULL, 'Delivery expired: the message could not be delivered for 5 days, giving up'),
 (17, 421, '4.7.0', 'mx.example.jp', '421 4.7.0 Too many concurrent SMTP connections from this IP, please slow down'),
 (18, 421, '4.7.0', 'mta5.am0.yahoodns.net', '421 4.7.0 [TSS04] Messages from 198.51.100.23 temporarily deferred due to unexpected volume or user complaints'),
 (19, 450, '4.7.1', 'mx.example.ch', '450 4.7.1 <leo@example.ch>: Recipient address rejected: Greylisted, please try again in 300 seconds'),
 (20, 550, '5.7.1', 'mx.example.at', '550 5.7.1 Message refused by the recipient''s own filter settings'),
 (21, NULL, NULL, NULL, 'Command died with status 127: "/usr/bin/procmail". Command output: procmail: not found'),
 (22, 501, '5.5.4', 'mx.example.be', '501 5.5.4 Syntax error in parameters or arguments to MAIL FROM'),
 (23, 554, '5.7.1', 'mx.example.dk', '554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org'),
 (24, 550, '5.7.1', 'mx.example.no', '550 5.7.1 Message rejected as spam by the content filter'),
 (25, 554, '5.7.0', 'mx.example.fi', '554 5.7.0 Rejected: message contains a virus (Eicar-Test-Signature)'),
 (26, 550, '5.7.1', 'mx.example.ie', '550 5.7.1 Message rejected because it violates our local policy'),
 (27, 550, '5.7.1', 'mx.example.pt', '550 5.7.1 Mail from your IP address is refused because of its poor reputation'),
 (28, 550, '5.7.26', 'gmail-smtp-in.l.google.com', '550-5.7.26 This message does not pass authentication checks (SPF and DKIM both do not pass). DMARC policy of the sending domain is reject.'),
 (29, 550, '5.7.25', 'gmail-smtp-in.l.google.com', '550-5.7.25 The IP address sending this message does not have a PTR record set up, or the PTR record does not match'),
 (30, 550, '5.6.0', 'mx.example.es', '550 5.6.0 Message is not RFC 5322 compliant: duplicate Date header'),
 (31, 553, '5.1.8', 'mx.example.gr', '553 5.1.8 <news@sender.example>: Sender address rejected: Domain not found'),
 (32, 554, '5.7.1', 'mx.example.cz', '554 5.7.1 <kim@example.cz>: Relay access denied'),
 (33, 550, '5.6.0', 'mx.example.hu', '550 5.6.0 Message content rejected: header line too long'),
 (34, NULL, NULL, 'mx.example.ro', 'TLS is required, but was not offered by host mx.example.ro[203.0.113.9]'),
 (35, 550, NULL, 'mx.example.sk', '550 Requested action not taken'),
 (36, NULL, NULL, NULL, ''),
 (37, NULL, NULL, NULL, 'Auto-Reply: I am out of the office until Monday with limited access to email'),
 (38, NULL, NULL, NULL, 'Feedback-Type: abuse; a recipient reported this message as spam'),
 (39, 250, '2.0.0', 'mx.example.lt', '250 2.0.0 OK: queued as 4Fq9Zk1bX7z'),
 (40, 550, '5.7.1', 'smtp.mail.icloud.com', '550 5.7.1 [CS01] Message rejected due to local policy');

CREATE TEMP VIEW demo_verdict AS
SELECT b.id, v.reason, v.kind, v.status, v.reply_code, b.remote, b.diagnostic
FROM demo_bounce b,
	 bounce.classify(b.diagnostic, b.reply_code, b.status::bounce.smtp_status, NULL, b.remote) v;

\echo
\echo '== 1. Classifying bounces'
\echo '   Forty bounce lines from many mail systems, each given a reason and a kind;'
\echo '   the kind decides what happens to the address: hard (it does not exist),'
\echo '   soft (try again), block (the sender is refused), none (not a bounce).'
SELECT kind, sum(n) AS lines,
	   -- the reasons, wrapped at 56 columns
	   rtrim(regexp_replace(string_agg(reason || CASE WHEN n > 1 THEN ' x' || n ELSE '' END, ', ' ORDER BY reason),
							'(.{1,56})( +|$)', E'\\1\n', 'g'), E'\n') AS reasons
FROM (SELECT kind, reason, count(*) AS n FROM demo_verdict GROUP BY kind, reason) r
GROUP BY kind ORDER BY kind;

\echo
\echo '== 2. A few verdicts'
\echo '   The provider''s own wording beats the bare code: Microsoft''s 5.4.1 "Access'
\echo '   denied" is an unknown user, Yahoo''s TSS04 a reputation block.'
SELECT reason, kind, status, reply_code AS code, left(diagnostic, 36) AS diagnostic
FROM demo_verdict WHERE id IN (2, 3, 9, 18, 19, 23, 28, 39)
ORDER BY id;

\echo
\echo '== 3. Codes found in the text when the event has none'
\echo '   Many webhooks pass only the text; bounce.status_in() and reply_code_in()'
\echo '   find the codes in it.'
SELECT bounce.status_in(d) AS status, bounce.reply_code_in(d) AS code, d AS diagnostic
FROM (VALUES ('550-5.1.1 mailbox does not exist'),
			 ('said: 452 4.2.2 mailbox over quota (in reply to RCPT TO)')) AS t(d);

\echo
\echo '== 4. A sender''s rule wins over the built-in classifier'
\echo '   One INSERT into bounce.rule changes a verdict for every session at once:'
\echo '   here Yahoo''s TSS04 deferral counts as rate limiting, a soft bounce.'
INSERT INTO bounce.rule (pattern, reason, note)
	VALUES ('temporarily deferred due to unexpected volume', 'speeding',
			'Yahoo TSS04: we treat it as rate limiting');
SELECT r.reason, r.kind, r.rule_id AS rule, left(d.diagnostic, 50) AS diagnostic
FROM demo_bounce d, bounce.explain(d.diagnostic, d.reply_code, d.status::bounce.smtp_status, NULL, d.remote) r
WHERE d.id = 18;
DELETE FROM bounce.rule;
