/*
 * test_message.c
 *		Unit tests of the bounce message parser's standard formats
 *		(src/core/bouncemsg.c, dsn.c, arf.c, autoreply.c, lhost_ses.c).
 *		Every message is written here for the test.
 */
#include "unit.h"

#include "bouncemsg.h"

#include <stdlib.h>

static BnMessage m;

static int
parse(const char *s)
{
	bn_message_free(&m);
	if (bn_message_parse(s, strlen(s), &m) != BN_MSG_OK)
		return -1;
	return m.n;
}

static const char *
reason(int i)
{
	return bn_reason_names[m.rcpts[i].reason];
}

static const char *
status(int i)
{
	static char buf[BN_STATUS_BUFSIZE];

	if (m.rcpts[i].status == BN_STATUS_NONE)
		return "";
	bn_status_format(m.rcpts[i].status, buf);
	return buf;
}

static void
test_dsn(void)
{
	/* fields in any order, two recipients without the blank line, the
	 * reporter's 5.0.0 refined by the remote's own code, CRLF lines */
	CHECK_INT(parse("From: postmaster@relay.example.net\r\n"
					"Content-Type: multipart/report; report-type=delivery-status; boundary=\"=b\"\r\n"
					"\r\n--=b\r\nContent-Type: text/plain\r\n\r\nSorry.\r\n"
					"--=b\r\nContent-Type: message/delivery-status\r\n\r\n"
					"Reporting-MTA: dns; relay.example.net\r\n"
					"Arrival-Date: 2 Dec 2026 08:00:00 -0000\r\n\r\n"
					"Diagnostic-Code: smtp; 550-5.7.1 Sender IP listed at\r\n"
					" bl.example.org\r\n"
					"Status: 5.0.0\r\n"
					"Final-Recipient: rfc822; one@example.org\r\n"
					"Action: failed\r\n"
					"Final-Recipient: rfc822; <two@EXAMPLE.org>\r\n"
					"Action: failed\r\n"
					"Status: 5.2.2\r\n"
					"Diagnostic-Code: smtp; 552 5.2.2 quota exceeded\r\n"
					"--=b--\r\n"), 2);
	CHECK_STR(m.format, "dsn");
	CHECK_STR(m.rcpts[0].recipient, "one@example.org");
	CHECK_STR(status(0), "5.7.1");
	CHECK_INT(m.rcpts[0].reply_code, 550);
	CHECK_STR(reason(0), "blocked");
	CHECK(m.rcpts[0].has_time);
	CHECK_INT(m.rcpts[0].time, 1796198400);	/* 2026-12-02 08:00:00 UTC */
	CHECK_STR(m.rcpts[1].recipient, "two@example.org");
	CHECK_STR(status(1), "5.2.2");
	CHECK_STR(reason(1), "mailbox_full");
	CHECK_INT(m.rcpts[1].kind, BN_KIND_SOFT);

	/* a report sent as text/plain, with a delivered recipient */
	CHECK_INT(parse("Subject: Delivery report\n\n"
					"Reporting-MTA: dns; a.example\n\n"
					"Final-Recipient: rfc822;ok@example.org\n"
					"Action: delivered\nStatus: 2.0.0\n"), 1);
	CHECK_STR(reason(0), "delivered");
	CHECK_INT(m.rcpts[0].kind, BN_KIND_NONE);

	/* message/global-delivery-status (RFC 6533), UTF-8 address */
	CHECK_INT(parse("Content-Type: multipart/report; boundary=q\n\n"
					"--q\nContent-Type: message/global-delivery-status\n\n"
					"Final-Recipient: utf-8; j\xc3\xb6rg@example.de\n"
					"Action: failed\nStatus: 5.1.1\n--q--\n"), 1);
	CHECK_STR(m.rcpts[0].recipient, "j\xc3\xb6rg@example.de");
	CHECK_STR(reason(0), "user_unknown");
}

static void
test_arf(void)
{
	const char *msg =
		"From: fbl@mail.example\n"
		"Content-Type: multipart/report; report-type=feedback-report; boundary=\"fb\"\n\n"
		"--fb\nContent-Type: text/plain\n\nA complaint.\n"
		"--fb\nContent-Type: message/feedback-report\n\n"
		"Feedback-Type: Opt-Out\nVersion: 1\n"
		"Original-Rcpt-To: a@example.org\nOriginal-Rcpt-To: <b@example.org>\n"
		"Received-Date: Wed, 02 Dec 2026 09:10:11 +0900\n"
		"--fb\nContent-Type: text/rfc822-headers\n\n"
		"Message-ID: <m1@sender.example>\nFeedback-ID: 7:cmp:esp\nTo: a@example.org\n"
		"--fb--\n";

	CHECK_INT(parse(msg), 2);
	CHECK_STR(m.format, "arf");
	CHECK_STR(m.rcpts[0].recipient, "a@example.org");
	CHECK_STR(m.rcpts[1].recipient, "b@example.org");
	CHECK_STR(m.rcpts[1].feedback_type, "opt-out");
	CHECK_STR(m.rcpts[0].message_id, "<m1@sender.example>");
	CHECK_STR(m.rcpts[0].feedback_id, "7:cmp:esp");
	CHECK_STR(reason(0), "feedback");
	CHECK_INT(m.rcpts[0].kind, BN_KIND_NONE);
	CHECK_INT(m.rcpts[0].time, 1796170211);

	/* redacted recipient: the reported message's To */
	CHECK_INT(parse("Content-Type: multipart/report; report-type=feedback-report; boundary=z\n\n"
					"--z\nContent-Type: message/feedback-report\n\nFeedback-Type: fraud\n"
					"--z\nContent-Type: message/rfc822\n\nTo: Zed <zed@example.net>\n"
					"Message-ID: <q@s>\n\nhi\n--z--\n"), 1);
	CHECK_STR(m.rcpts[0].recipient, "zed@example.net");
	CHECK_STR(m.rcpts[0].feedback_type, "fraud");

	/* Amazon SES complaint through SNS, JSON inside a JSON string */
	CHECK_INT(parse("From: no-reply@sns.example\nSubject: Notification\n\n"
					"{\"Type\" : \"Notification\", \"Message\" : \"{\\\"notificationType\\\":\\\"Complaint\\\","
					"\\\"complaint\\\":{\\\"complainedRecipients\\\":[{\\\"emailAddress\\\":\\\"kim@example.org\\\"}],"
					"\\\"complaintFeedbackType\\\":\\\"abuse\\\",\\\"timestamp\\\":\\\"2026-12-02T10:00:00.000Z\\\"},"
					"\\\"mail\\\":{\\\"messageId\\\":\\\"0100-abc\\\"}}\"}\n"), 1);
	CHECK_STR(m.format, "amazonses");
	CHECK_STR(m.rcpts[0].recipient, "kim@example.org");
	CHECK_STR(m.rcpts[0].feedback_type, "abuse");
	CHECK_STR(m.rcpts[0].message_id, "0100-abc");
	CHECK_STR(reason(0), "feedback");
	CHECK_INT(m.rcpts[0].time, 1796205600);
}

static void
test_autoreply(void)
{
	CHECK_INT(parse("From: Lee <lee@example.org>\nSubject: Automatic reply: news\n"
					"X-Auto-Response-Suppress: All\n\nI am away.\n"), 1);
	CHECK_STR(m.format, "autoreply");
	CHECK_STR(m.rcpts[0].recipient, "lee@example.org");
	CHECK_STR(reason(0), "vacation");
	CHECK_INT(m.rcpts[0].kind, BN_KIND_NONE);
	CHECK_INT(parse("From: max@example.org\nSubject: Re: hello\nX-Autoreply: yes\n\nBack Monday.\n"), 1);
	CHECK_INT(parse("From: max@example.org\nSubject: news\nPrecedence: auto_reply\n\nx\n"), 1);
	/* a person's ordinary answer, and an auto-submitted notice that is not
	 * a reply, are not auto-replies */
	CHECK_INT(parse("From: max@example.org\nSubject: Re: hello\n\nThanks!\n"), 0);
	CHECK_INT(parse("From: alerts@example.org\nSubject: Your invoice\nAuto-Submitted: auto-generated\n\nx\n"), 0);
}

static void
test_not_bounces(void)
{
	CHECK_INT(parse(""), 0);
	CHECK_INT(parse("\n\n\n"), 0);
	CHECK_INT(parse("no headers at all, just text with a@b.example in it"), 0);
	CHECK_INT(parse("From: a@example.org\nSubject: hi\n\nb@example.org: see you\n"), 0);
	CHECK(m.format == NULL);
}

int
main(void)
{
	memset(&m, 0, sizeof m);
	test_dsn();
	test_arf();
	test_autoreply();
	test_not_bounces();
	bn_message_free(&m);
	UNIT_DONE();
}
