-- classify: the built-in classifier and its SQL entry points.
\pset null '(null)'

-- The enums carry the core's names, in the core's order.
SELECT array_length(enum_range(NULL::bounce.kind), 1) AS kinds,
       array_length(enum_range(NULL::bounce.reason), 1) AS reasons;
SELECT enum_range(NULL::bounce.kind);

-- Bounce lines written for these tests: at least one per reason.
CREATE TEMP TABLE line (id int, reply_code int, status bounce.smtp_status,
                        command text, remote text, diagnostic text);
INSERT INTO line VALUES
 ( 1, 550, '5.1.1', 'RCPT', 'mx1.example.org', '550 5.1.1 <ana@example.org>: Recipient address rejected: User unknown in local recipient table'),
 ( 2, NULL, NULL, NULL, NULL, 'said: 550 sorry, no mailbox here by that name (#5.1.1)'),
 ( 3, NULL, NULL, 'RCPT', NULL, 'Host or domain name not found. Name service error for name=exampel.net type=MX: Host not found'),
 ( 4, 550, '5.1.6', NULL, NULL, '550 5.1.6 Recipient mailbox has moved; no forwarding address'),
 ( 5, 556, '5.1.10', 'RCPT', NULL, '556 5.1.10 Recipient address rejected: domain accepts no mail (null MX)'),
 ( 6, 550, '5.2.1', NULL, NULL, '550 5.2.1 This mailbox is disabled and no longer accepts mail'),
 ( 7, 552, '5.2.2', 'RCPT', NULL, '552 5.2.2 Mailbox full: quota exceeded for this recipient'),
 ( 8, 552, '5.3.4', 'DATA', NULL, '552 5.3.4 Message size exceeds fixed maximum message size'),
 ( 9, 552, '5.2.3', 'DATA', NULL, '552 5.2.3 Message length exceeds administrative limit'),
 (10, 452, '4.3.1', 'RCPT', NULL, '452 4.3.1 Insufficient system storage'),
 (11, 451, '4.3.0', 'DATA', NULL, '451 4.3.0 Temporary local problem - please try later'),
 (12, NULL, NULL, 'CONN', NULL, 'connect to mx.example.pl[192.0.2.44]:25: No route to host'),
 (13, NULL, '4.4.7', NULL, NULL, 'Delivery expired: message could not be delivered within 5 days'),
 (14, 421, '4.7.0', 'CONN', NULL, '421 4.7.0 Too many concurrent SMTP connections from this IP'),
 (15, 450, '4.7.1', 'RCPT', NULL, '450 4.7.1 <leo@example.ch>: Recipient address rejected: Greylisted, please try again in 300 seconds'),
 (16, 550, '5.7.1', 'RCPT', NULL, '550 5.7.1 Message refused because of the recipient''s preferences'),
 (17, NULL, NULL, NULL, NULL, 'Command died with status 127: "/usr/bin/procmail"'),
 (18, 500, '5.5.2', 'DATA', NULL, '500 5.5.2 Syntax error, command unrecognized'),
 (19, 554, '5.7.1', 'CONN', NULL, '554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org'),
 (20, 550, '5.7.1', 'DATA', NULL, '550 5.7.1 Message rejected as spam by content filter'),
 (21, 554, '5.7.0', 'DATA', NULL, '554 5.7.0 Rejected: message contains a virus'),
 (22, 550, '5.7.1', 'RCPT', NULL, '550 5.7.1 Message rejected due to local policy'),
 (23, 550, '5.7.1', 'RCPT', NULL, '550 5.7.1 Mail from this IP address is refused because of its poor reputation'),
 (24, 550, '5.7.26', 'DATA', 'gmail-smtp-in.l.google.com', '550-5.7.26 Unauthenticated email is not accepted: the sending domain''s DMARC policy is reject'),
 (25, 550, '5.7.25', 'RCPT', 'gmail-smtp-in.l.google.com', '550-5.7.25 The sending IP address does not have a PTR record'),
 (26, 550, '5.6.0', 'DATA', NULL, '550 5.6.0 Message is not RFC 5322 compliant'),
 (27, 530, '5.7.0', 'MAIL', NULL, '530 5.7.0 Must issue a STARTTLS command first'),
 (28, 553, '5.1.8', 'MAIL', NULL, '553 5.1.8 <news@sender.example>: Sender address rejected: Domain not found'),
 (29, 554, '5.7.1', 'RCPT', NULL, '554 5.7.1 <kim@example.cz>: Relay access denied'),
 (30, 554, '5.6.0', 'DATA', NULL, '554 5.6.0 Message rejected: invalid header (duplicate Message-ID)'),
 (31, NULL, NULL, 'EHLO', NULL, 'TLS negotiation failed: certificate verify failed'),
 (32, 550, NULL, NULL, NULL, '550 Requested action not taken'),
 (33, NULL, NULL, NULL, NULL, ''),
 (34, NULL, NULL, NULL, NULL, 'I am out of the office until Monday with limited access to email'),
 (35, NULL, NULL, NULL, NULL, 'Feedback-Type: abuse'),
 (36, 250, '2.0.0', 'DATA', NULL, '250 2.0.0 OK queued as 4Fq9Zk1bX7z'),
 (37, 550, '5.7.1', 'RCPT', NULL, '550 5.7.1 Message rejected: SPF check failed for the sending domain'),
 (38, NULL, NULL, NULL, NULL, 'lost connection with mx.example.com[192.0.2.8] while receiving the initial server greeting'),
 (39, 421, '4.7.0', 'DATA', NULL, '421 4.7.0 You are sending too fast: rate limit exceeded, slow down'),
 (40, 554, '5.7.0', 'DATA', NULL, '554 5.7.0 Message rejected for security reasons');

SELECT l.id, v.reason, v.kind, v.status, v.reply_code, left(l.diagnostic, 50) AS diagnostic
FROM line l,
     bounce.classify_builtin(l.diagnostic, l.reply_code, l.status, l.command, l.remote) v
ORDER BY l.id;

-- Every reason is reached by some line.
SELECT r AS reason_not_reached
FROM unnest(enum_range(NULL::bounce.reason)) AS r
EXCEPT
SELECT (bounce.classify_builtin(diagnostic, reply_code, status, command, remote)).reason FROM line;

-- The scalar and composite forms agree, built-in and rule-aware alike.
SELECT count(*) AS disagreements
FROM line l
WHERE bounce.reason_builtin(l.diagnostic, l.reply_code, l.status, l.command, l.remote)
        IS DISTINCT FROM (bounce.classify_builtin(l.diagnostic, l.reply_code, l.status, l.command, l.remote)).reason
   OR bounce.kind_builtin(l.diagnostic, l.reply_code, l.status, l.command, l.remote)
        IS DISTINCT FROM (bounce.classify_builtin(l.diagnostic, l.reply_code, l.status, l.command, l.remote)).kind
   OR bounce.reason_for(l.diagnostic, l.reply_code, l.status, l.command, l.remote)
        IS DISTINCT FROM bounce.reason_builtin(l.diagnostic, l.reply_code, l.status, l.command, l.remote)
   OR bounce.kind_for(l.diagnostic, l.reply_code, l.status, l.command, l.remote)
        IS DISTINCT FROM bounce.kind_builtin(l.diagnostic, l.reply_code, l.status, l.command, l.remote)
   OR bounce.classify(l.diagnostic, l.reply_code, l.status, l.command, l.remote)
        IS DISTINCT FROM bounce.classify_builtin(l.diagnostic, l.reply_code, l.status, l.command, l.remote);

-- Providers: the same code means different things at different receivers.
SELECT remote, v.reason, v.kind
FROM (VALUES ('example-com.mail.protection.outlook.com'), ('mx.example.org')) AS r(remote),
     bounce.classify_builtin('550 5.4.1 Recipient address rejected: Access denied', 550, '5.4.1', 'RCPT', remote) v
ORDER BY remote;
SELECT bounce.classify_builtin('552 5.2.2 The email account that you tried to reach is over quota',
                               remote => 'aspmx.l.google.com');

-- not_accept is hard, but soft when the code is 4xx.
SELECT bounce.classify_builtin('556 5.1.10 domain accepts no mail (null MX)');
SELECT bounce.classify_builtin('domain accepts no mail (null MX)', 450, '4.1.10');

-- Codes in the text are found when the arguments give none; arguments win.
SELECT bounce.classify_builtin('550 5.1.1 user unknown');
SELECT bounce.classify_builtin('user unknown', 550, '5.1.1');
SELECT bounce.classify_builtin('552 5.2.2 mailbox full', 452, '4.2.2');
SELECT bounce.classify_builtin(NULL, 552, '5.2.2');
SELECT bounce.classify_builtin(NULL, 550);
SELECT bounce.classify_builtin(NULL, status => '4.7.1');
SELECT bounce.classify_builtin('see 192.168.1.1 and version 1.2.3, code 5.1.1');

-- Nothing to classify: NULL.  An empty or meaningless text: a verdict.
SELECT bounce.classify_builtin(NULL) IS NULL AS all_null,
       bounce.reason_builtin(NULL, NULL, NULL, 'RCPT', 'mx.example.org') IS NULL AS no_codes,
       bounce.reason_for(NULL) IS NULL AS rule_aware;
SELECT bounce.classify_builtin('');
SELECT bounce.classify_builtin('asdf qwerty zxcv');
SELECT bounce.classify_builtin(E'\x01\x02 \u00e9\u00e8 \u4f60\u597d 5.');
SELECT bounce.classify_builtin('5.1.1');
SELECT bounce.classify_builtin('550');

-- Reply code arguments are checked.
SELECT bounce.classify_builtin('user unknown', 600);
SELECT bounce.classify_builtin('user unknown', 199);
SELECT bounce.classify_builtin('user unknown', 350);
SELECT bounce.reason_for('user unknown', -550);

-- Codes in free text.
SELECT d, bounce.status_in(d), bounce.reply_code_in(d)
FROM (VALUES ('550 5.1.1 <a@example.org>: user unknown'),
             ('550-5.7.26 unauthenticated'),
             ('host mx.example.net[192.0.2.1] said: 452 4.2.2 over quota'),
             ('Remote server at 10.0.0.1 rejected'),
             ('#5.1.1 no mailbox'),
             ('no codes at all'),
             ('')) AS t(d);
SELECT bounce.status_in(NULL) IS NULL AS status_null, bounce.reply_code_in(NULL) IS NULL AS reply_null;

-- Long texts are classified in time linear in their length.
SELECT bounce.reason_for(repeat('x', 1000000));
SELECT bounce.reason_builtin(repeat('a', 1000000) || ' 552 5.2.2 mailbox full');
SELECT bounce.reason_for(repeat('user ', 200000));
DO $$
DECLARE
    t0 timestamptz := clock_timestamp();
BEGIN
    PERFORM bounce.classify(repeat('mailbox full user unknown ', 40000) || repeat('5.', 100000));
    IF clock_timestamp() - t0 > interval '2 seconds' THEN
        RAISE EXCEPTION 'classifying 1.2 MB took %', clock_timestamp() - t0;
    END IF;
END $$;

-- The names bounce.reason and bounce.kind are the enum types: called with a
-- literal they are casts, which is why the scalars are reason_for/kind_for.
SELECT bounce.reason('user_unknown') AS cast_not_call;
SELECT bounce.reason('550 5.1.1 user unknown');
SELECT bounce.reason_for('550 5.1.1 user unknown');

-- Default kind of every reason (no map rows in this test).
SELECT k AS kind, string_agg(r::text, ' ' ORDER BY r) AS reasons
FROM unnest(enum_range(NULL::bounce.reason)) AS r, bounce.kind_of(r) AS k
GROUP BY k ORDER BY k;
SELECT bounce.kind_of(NULL) IS NULL AS null_reason, bounce.kind_of('mailbox_full', NULL) AS null_tenant;

-- Immutable built-ins feed generated columns and expression indexes.
CREATE TEMP TABLE event (id int, code int, diag text,
    reason bounce.reason GENERATED ALWAYS AS (bounce.reason_builtin(diag, code)) STORED);
CREATE INDEX ON event (bounce.kind_builtin(diag, code));
INSERT INTO event (id, code, diag)
SELECT id, reply_code, diagnostic FROM line;
INSERT INTO event (id, code, diag) VALUES (100, NULL, NULL);
SELECT reason, count(*) FROM event GROUP BY reason ORDER BY reason;
DROP TABLE event;

-- Volatility, strictness and parallel safety.
SELECT p.oid::regprocedure AS function, p.provolatile AS volatility,
       p.proisstrict AS strict, p.proparallel AS parallel
FROM pg_proc p
WHERE p.pronamespace = 'bounce'::regnamespace
  AND p.proname IN ('classify_builtin', 'reason_builtin', 'kind_builtin',
                    'classify', 'reason_for', 'kind_for', 'explain', 'kind_of',
                    'status_in', 'reply_code_in', 'is_provider', 'rules_changed')
ORDER BY p.proname;

-- A parallel query classifies in its workers too.
CREATE TABLE classify_many AS
SELECT i, l.diagnostic, l.reply_code FROM generate_series(1, 200) i, line l;
ANALYZE classify_many;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT (bounce.classify(diagnostic, reply_code)).kind, count(*) FROM classify_many GROUP BY 1;
SELECT (bounce.classify(diagnostic, reply_code)).kind, count(*) FROM classify_many GROUP BY 1 ORDER BY 1;
RESET ALL;
DROP TABLE classify_many;

-- The SQLSTATE of a reply code that is not one: invalid parameter value.
\set VERBOSITY sqlstate
SELECT bounce.classify('550 no such user', 600);
SELECT bounce.reason_builtin('550 no such user', 199);
\set VERBOSITY default
DROP TABLE line;
