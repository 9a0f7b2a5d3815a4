-- Data for test/bench-classify.sh: :rows diagnostics made by cycling forty
-- bounce lines (written for this project) with varied addresses, hosts and
-- IP addresses.  Placeholders: {addr} an address, {host} a host, {ip} an IP.

CREATE TABLE bench_line (n int PRIMARY KEY, tpl text NOT NULL);
INSERT INTO bench_line (tpl, n)
SELECT tpl, row_number() OVER () - 1 FROM (VALUES
 ('550 5.1.1 <{addr}>: Recipient address rejected: User unknown in virtual mailbox table'),
 ('550-5.1.1 The mailbox you addressed does not exist. Check the address for typos or unnecessary spaces. {host} - gsmtp'),
 ('550 5.4.1 Recipient address rejected: Access denied. [{host}]'),
 ('host {host}[{ip}] said: 550 No such user here ({addr}) (in reply to RCPT TO command)'),
 ('Host or domain name not found. Name service error for name={host} type=MX: Host not found, try again'),
 ('550 5.1.6 Recipient mailbox {addr} has moved; no forwarding address is known'),
 ('556 5.1.10 Recipient address rejected: the domain of {addr} accepts no mail (null MX)'),
 ('550 5.2.1 The mailbox {addr} has been disabled and no longer receives messages'),
 ('552 5.2.2 Mailbox quota exceeded for {addr}, please try later'),
 ('452 4.2.2 The recipient''s mailbox is over its storage limit ({host})'),
 ('552 5.3.4 Message size exceeds fixed maximum message size (10485760 bytes) at {host}'),
 ('552 5.2.3 Message length exceeds administrative limit for {addr}'),
 ('452 4.3.1 Insufficient system storage on {host}, try again later'),
 ('451 4.3.0 Temporary local problem - please try later ({host})'),
 ('connect to {host}[{ip}]:25: Connection timed out'),
 ('Delivery to {addr} expired: the message could not be delivered for 5 days, giving up'),
 ('421 4.7.0 Too many concurrent SMTP connections from {ip}, please slow down'),
 ('421 4.7.0 [TSS04] Messages from {ip} temporarily deferred due to unexpected volume or user complaints'),
 ('450 4.7.1 <{addr}>: Recipient address rejected: Greylisted, please try again in 300 seconds'),
 ('550 5.7.1 Message to {addr} refused by the recipient''s own filter settings'),
 ('Command died with status 127: "/usr/bin/procmail". Command output: procmail: not found'),
 ('501 5.5.4 Syntax error in parameters or arguments to MAIL FROM ({host})'),
 ('554 5.7.1 Service unavailable; Client host [{ip}] blocked using zen.spamhaus.org'),
 ('550 5.7.1 Message to {addr} rejected as spam by the content filter'),
 ('554 5.7.0 Rejected: message to {addr} contains a virus (Eicar-Test-Signature)'),
 ('550 5.7.1 Message rejected because it violates our local policy ({host})'),
 ('550 5.7.1 Mail from your IP address {ip} is refused because of its poor reputation'),
 ('550-5.7.26 This message does not pass authentication checks (SPF and DKIM both do not pass). DMARC policy of the sending domain is reject. {host} - gsmtp'),
 ('550-5.7.25 The IP address {ip} sending this message does not have a PTR record set up {host} - gsmtp'),
 ('550 5.6.0 Message to {addr} is not RFC 5322 compliant: duplicate Date header'),
 ('553 5.1.8 <news@sender.example>: Sender address rejected: Domain not found'),
 ('554 5.7.1 <{addr}>: Relay access denied'),
 ('550 5.6.0 Message content rejected: header line too long ({host})'),
 ('TLS is required, but was not offered by host {host}[{ip}]'),
 ('550 Requested action not taken: {addr}'),
 ('Delivery to {addr} failed'),
 ('Auto-Reply: I am out of the office until Monday with limited access to email ({addr})'),
 ('Feedback-Type: abuse; {addr} reported this message as spam'),
 ('250 2.0.0 OK: queued as 4Fq9Zk1bX7z by {host}'),
 ('550 5.7.1 [CS01] Message to {addr} rejected due to local policy')
) AS t(tpl);

CREATE TABLE bench_diag AS
SELECT replace(replace(replace(l.tpl,
		'{addr}', 'user' || i || '@example' || (i % 97) || '.com'),
		'{host}', 'mx' || (i % 13) || '.example' || (i % 89) || '.net'),
		'{ip}', '198.51.' || (i % 251) || '.' || (i * 7 % 253)) AS d
FROM generate_series(0, :rows - 1) AS i
JOIN bench_line l ON l.n = i % (SELECT count(*) FROM bench_line);

VACUUM ANALYZE bench_diag;
