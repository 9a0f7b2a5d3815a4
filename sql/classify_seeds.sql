-- classify_seeds: the examples of the source documents (SPEC section 1, "The
-- source documents' own examples"), each as bare text: no reply code, no
-- status, no command, no host.  Each must get the kind the SPEC gives; a
-- missing part is unknown and never pushes a verdict (SPEC section 1,
-- "Evidence").
\pset null '(null)'

CREATE TEMP TABLE seed (n int, text text, spec_kind bounce.kind);
INSERT INTO seed VALUES
 (1, '550 No such user (xxx@xxxxxxxxxxxx) Giving up', 'hard'),
 (2, '5.1.1 unknown or illegal alias: xxxx@xxxxx', 'hard'),
 (3, 'Recipient address rejected: User unknown', 'hard'),
 (4, 'Mailbox not found', 'hard'),
 (5, 'Mailbox no longer active', 'hard'),
 (6, 'Unknown user', 'hard'),
 (7, 'Incorrect domain', 'hard'),
 (8, 'This mailbox is disabled', 'hard'),
 (9, 'This mailbox is unavailable', 'hard'),
 (10, 'This mailbox does not exist', 'hard'),
 (11, '550 5.1.1 User unknown / mailbox does not exist', 'hard'),
 (12, '550 5.1.2 Domain not found / bad destination', 'hard'),
 (13, '550 5.1.0 Address rejected', 'hard'),
 (14, '551 5.1.6 Recipient has moved / address no longer valid', 'hard'),
 (15, 'Quota exceeded', 'soft'),
 (16, 'Too many sessions in a connection', 'soft'),
 (17, 'Temporary local problem', 'soft'),
 (18, 'The email account is over quota', 'soft'),
 (19, '552 5.2.2 Mailbox full', 'soft'),
 (20, '421 4.7.0 Connection rate limited / try again later', 'soft'),
 (21, '450 4.2.1 Mailbox temporarily unavailable', 'soft'),
 (22, '451 4.3.0 Temporary system error on receiving server', 'soft'),
 (23, '452 4.2.2 Mailbox full (temporary)', 'soft'),
 (24, '450 4.7.1 Greylisting - try again in a few minutes', 'soft'),
 (25, '550 5.7.1 Message rejected by policy (sender blocked)', 'block'),
 (26, '554 5.7.1 Transaction failed / message refused', 'block'),
 (27, 'Blocked due to spam content', 'block'),
 (28, 'Out of office autoreply', 'none');

SELECT s.n, s.text, c.reason, c.kind, c.kind = s.spec_kind AS as_spec
FROM seed s, bounce.classify(s.text) AS c
ORDER BY s.n;

-- All 28 as the SPEC says; the scalar forms agree with the composite.
SELECT count(*) AS seeds,
       count(*) FILTER (WHERE bounce.kind_for(text) = spec_kind) AS as_spec,
       count(*) FILTER (WHERE bounce.reason_for(text) = (bounce.classify(text)).reason
                          AND bounce.kind_builtin(text) = spec_kind) AS forms_agree
FROM seed;

-- The README's example, and the issue's three.
SELECT d, (bounce.classify(d)).reason, (bounce.classify(d)).kind
FROM (VALUES ('550 5.7.1 No such user'),
             ('550 No such user (xxx@xxxxxxxxxxxx) Giving up'),
             ('Recipient address rejected: User unknown')) AS t(d);

-- Present evidence does change the verdict: an explicit DATA command (the
-- recipient was accepted at RCPT TO), an X.2.x "mailbox exists" status
-- off RCPT, a refusal at MAIL FROM.  An empty command is no command.
SELECT cmd, st, (bounce.classify('550 Unknown user', NULL, st::bounce.smtp_status, cmd)).reason
FROM (VALUES (NULL, NULL), ('', NULL), ('RCPT', NULL), ('DATA', NULL),
             (NULL, '5.2.1'), ('RCPT', '5.2.1'), ('MAIL', NULL)) AS t(cmd, st);

-- bounce.explain() says what decided: the phrase and its group (with the
-- source of its meaning), the provider's documented wording or code, the
-- status, the reply code, and what the command then changed.
SELECT reason, kind, provider, evidence
FROM (VALUES
  ('550 5.1.1 <ann@example.org>: Recipient address rejected: User unknown', NULL::int, NULL, NULL, NULL),
  ('550 Unknown user', NULL, NULL, 'DATA', NULL),
  ('550 5.4.1 Recipient address rejected: Access denied', NULL, NULL, 'RCPT', 'example-com.mail.protection.outlook.com'),
  (NULL, 550, '5.7.515', NULL, 'outlook.com'),
  (NULL, 552, NULL, NULL, NULL),
  ('550 Requested action not taken', NULL, NULL, NULL, NULL),
  ('Delivery failed', NULL, NULL, NULL, NULL),
  ('550 User unknown', NULL, NULL, 'MAIL', NULL),
  ('Postfach voll', NULL, NULL, NULL, NULL)
) AS t(d, code, st, cmd, remote),
LATERAL bounce.explain(d, code, st::bounce.smtp_status, cmd, remote);
