-- bounce.parse_message: whole bounce messages, feedback reports and
-- auto-replies, one row per recipient.  Every message here is written for
-- this test.
\pset null '(null)'

-- An RFC 3464 report from a Postfix-like MTA: two recipients, a folded
-- Diagnostic-Code, the original message's Message-ID and Feedback-ID.
SELECT recipient, action, status, reply_code, remote, command, arrived_at,
       reason, kind, format, message_id, feedback_id, diagnostic
FROM bounce.parse_message($m$Return-Path: <>
From: MAILER-DAEMON@mta1.example.net (Mail Delivery System)
To: bounces+c42@news.example.com
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="BOUND-1"

--BOUND-1
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mta1.example.net.

<ann@example.org>: host mx.example.org[192.0.2.10] said: 550 5.1.1
    <ann@example.org>: Recipient address rejected: User unknown (in reply to
    RCPT TO command)

--BOUND-1
Content-Type: message/delivery-status

Reporting-MTA: dns; mta1.example.net
Arrival-Date: Tue,  1 Dec 2026 10:00:00 +0100 (CET)

Final-Recipient: rfc822; ann@example.org
Original-Recipient: rfc822;ann@example.org
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.example.org
Diagnostic-Code: smtp; 550 5.1.1 <ann@example.org>: Recipient address
    rejected: User unknown

Final-Recipient: rfc822; bob@example.com
Action: delayed
Status: 4.2.2
Remote-MTA: dns; mx.example.com
Diagnostic-Code: smtp; 452 4.2.2 Mailbox full, try again later
Last-Attempt-Date: Tue, 1 Dec 2026 11:30:00 +0000

--BOUND-1
Content-Type: text/rfc822-headers

From: News <news@example.com>
To: ann@example.org
Subject: December news
Message-ID: <c42.r7@news.example.com>
Feedback-ID: c42:list7:news:esp

--BOUND-1--
$m$);

-- An RFC 5965 feedback report: the complaint, its type and the send.
SELECT recipient, feedback_type, message_id, feedback_id, arrived_at,
       reason, kind, format
FROM bounce.parse_message($m$From: <fbl@isp.example>
To: <fbl-reports@example.com>
Subject: FW: December news
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report;
     boundary="part_0"

--part_0
Content-Type: text/plain; charset="US-ASCII"

This is an email abuse report for an email message received from IP
192.0.2.1 on Tue, 1 Dec 2026 09:00:00 +0000.

--part_0
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: ExampleFBL/1.0
Version: 1
Original-Mail-From: <bounces+c42@news.example.com>
Original-Rcpt-To: <Carol@Example.ORG>
Arrival-Date: Tue, 1 Dec 2026 09:00:00 +0000
Source-IP: 192.0.2.1
Reported-Domain: news.example.com

--part_0
Content-Type: message/rfc822
Content-Disposition: inline

From: News <news@example.com>
To: carol@example.org
Subject: December news
Message-ID: <c42.r9@news.example.com>
Feedback-ID: c42:list7:news:esp

Hello
--part_0--
$m$);

-- An RFC 3834 out-of-office reply with an encoded-word subject
-- (ISO-2022-JP) and a quoted-printable body in ISO-8859-1.
SELECT recipient, reason, kind, format, diagnostic, message_id
FROM bounce.parse_message($m$From: Dora <dora@example.net>
To: news@example.com
Subject: =?ISO-2022-JP?B?GyRCSVs6XyEnGyhC?= Out of Office
Auto-Submitted: auto-replied
In-Reply-To: <c42.r11@news.example.com>
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

Je suis absente jusqu'au 3 d=E9cembre.=20
Merci.
$m$);

-- qmail's text bounce, no DSN part.
SELECT recipient, status, reply_code, remote, command, reason, kind, format
FROM bounce.parse_message($m$From: MAILER-DAEMON@mail.example.net
To: news@example.com
Subject: failure notice

Hi. This is the qmail-send program at mail.example.net.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<eve@example.org>:
198.51.100.7 does not like recipient.
Remote host said: 550 5.1.1 <eve@example.org>... No such user
Giving up on 198.51.100.7.

<fay@example.org>:
Sorry, I couldn't find any host named example.org. (#5.1.2)

--- Below this line is a copy of the message.

Return-Path: <news@example.com>
To: eve@example.org
$m$);

-- Exim's text bounce, with X-Failed-Recipients.
SELECT recipient, reply_code, remote, command, reason, kind, format
FROM bounce.parse_message($m$From: Mail Delivery System <Mailer-Daemon@smtp.example.net>
To: news@example.com
Subject: Mail delivery failed: returning message to sender
X-Failed-Recipients: gus@example.org

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  gus@example.org
    host mx.example.org [203.0.113.5]
    SMTP error from remote mail server after end of data:
    554 5.7.1 Message rejected as spam by content filter

------ This is a copy of the message, including all the headers. ------

To: gus@example.org
$m$);

-- A base64 DSN part in a nested multipart, and the bytea form.
SELECT recipient, status, reply_code, reason, kind, format
FROM bounce.parse_message(convert_to($m$From: postmaster@example.net
Subject: Delivery Status Notification (Failure)
Content-Type: multipart/mixed; boundary=outer

--outer
Content-Type: multipart/report; report-type=delivery-status; boundary=inner

--inner
Content-Type: text/plain

Delivery has failed.
--inner
Content-Type: message/delivery-status
Content-Transfer-Encoding: base64

RmluYWwtUmVjaXBpZW50OiByZmM4MjI7IGhhbEBleGFtcGxlLm9yZwpBY3Rpb246IGZhaWxlZApT
dGF0dXM6IDUuMi4yCkRpYWdub3N0aWMtQ29kZTogc210cDsgNTUyIDUuMi4yIE1haWxib3ggZnVs
bAo=
--inner--
--outer--
$m$, 'UTF8'));

-- Not a bounce: zero rows.
SELECT count(*) FROM bounce.parse_message($m$From: friend@example.org
To: news@example.com
Subject: lunch?

See you at noon.
$m$);
SELECT count(*) FROM bounce.parse_message('');

-- Malformed and hostile input: no error, no crash.
-- An unbalanced boundary, binary junk in the body.
SELECT recipient, status, reason FROM bounce.parse_message(
	E'Content-Type: multipart/report; boundary="x"\n\n--x\nContent-Type: message/delivery-status\n\n'
	|| E'Final-Recipient: rfc822; ivy@example.org\nStatus: 5.1.1\n\n--x\nContent-Type: text/plain\n\n'
	|| repeat(E'\x01\x7f=?=\t', 1000));
SELECT count(*) FROM bounce.parse_message(decode(repeat('00ff1b2442', 10000), 'hex'));
-- 10,000 nested multiparts.
SELECT count(*) FROM bounce.parse_message(
	repeat(E'Content-Type: multipart/mixed; boundary=b\n\n--b\n', 10000) || 'x');
-- A header bomb: 100,000 header fields.
SELECT count(*) FROM bounce.parse_message(repeat(E'X-A: b\n', 100000) || E'\nbody');
