/*
 * test_message_mta.c
 *		Unit tests of the plain-text bounce formats (src/core/textbounce.c,
 *		lhost*.c): one message per MTA, written here from how each MTA lays
 *		out its bounce.
 */
#include "unit.h"

#include "bouncemsg.h"

static BnMessage m;

static int
parse(const char *s)
{
	bn_message_free(&m);
	if (bn_message_parse(s, strlen(s), &m) != BN_MSG_OK)
		return -1;
	return m.n;
}

#define RCPT(i) (m.rcpts[i].recipient ? m.rcpts[i].recipient : "(null)")
#define REASON(i) (bn_reason_names[m.rcpts[i].reason])
#define CMD(i) (m.rcpts[i].command ? m.rcpts[i].command : "(null)")
#define REMOTE(i) (m.rcpts[i].remote ? m.rcpts[i].remote : "(null)")

static void
test_postfix(void)
{
	CHECK_INT(parse("From: MAILER-DAEMON@out.example.net (Mail Delivery System)\n"
					"Subject: Undelivered Mail Returned to Sender\n\n"
					"This is the mail system at host out.example.net.\n\n"
					"I'm sorry to have to inform you that your message could not\n"
					"be delivered to one or more recipients.\n\n"
					"                   The mail system\n\n"
					"<pat@example.org>: host mx.example.org[198.51.100.2] said: 552 5.2.2\n"
					"    <pat@example.org>: Mailbox full (in reply to RCPT TO command)\n\n"
					"<quinn@nowhere.example>: Host or domain name not found. Name service error\n"
					"    for name=nowhere.example type=MX: Host not found\n"), 2);
	CHECK_STR(m.format, "postfix");
	CHECK_STR(RCPT(0), "pat@example.org");
	CHECK_STR(REMOTE(0), "mx.example.org");
	CHECK_STR(CMD(0), "RCPT");
	CHECK_INT(m.rcpts[0].reply_code, 552);
	CHECK_STR(REASON(0), "mailbox_full");
	CHECK_STR(RCPT(1), "quinn@nowhere.example");
	CHECK_STR(REASON(1), "host_unknown");
}

static void
test_sendmail(void)
{
	CHECK_INT(parse("From: Mail Delivery Subsystem <MAILER-DAEMON@gw.example.net>\n"
					"Subject: Returned mail: see transcript for details\n\n"
					"The original message was received at Wed, 2 Dec 2026 10:00:00 +0100\n"
					"from client.example.net [192.0.2.9]\n\n"
					"   ----- The following addresses had permanent fatal errors -----\n"
					"<rae@example.org>\n"
					"    (reason: 550 5.1.1 <rae@example.org>... User unknown)\n\n"
					"   ----- Transcript of session follows -----\n"
					"... while talking to mail.example.org.:\n"
					">>> MAIL From:<news@example.com> SIZE=1000\n"
					"<<< 250 2.1.0 Ok\n"
					">>> RCPT To:<rae@example.org>\n"
					"<<< 550 5.1.1 <rae@example.org>... User unknown\n"
					"550 5.1.1 <rae@example.org>... User unknown\n\n"
					"   ----- Original message follows -----\n\n"
					"To: rae@example.org\n"), 1);
	CHECK_STR(m.format, "sendmail");
	CHECK_STR(RCPT(0), "rae@example.org");
	CHECK_STR(CMD(0), "RCPT");
	CHECK_STR(REMOTE(0), "mail.example.org");
	CHECK_STR(REASON(0), "user_unknown");

	/* V5: the transcript alone; each "DDD <rcpt>... text" line closes a
	 * recipient's explanation, the sender in ">>> MAIL From:" is not one */
	CHECK_INT(parse("From: Mail Delivery Subsystem <MAILER-DAEMON@old.example>\n"
					"Subject: Returned mail: User unknown\n\n"
					"   ----- Transcript of session follows -----\n"
					"While talking to relay.example.org:\n"
					">>> MAIL From:<ned@old.example>\n"
					"<<< 553 Relaying refused from your address\n"
					"554 <opal@example.org>... Remote protocol error\n"
					"550 nohost.example (smtp)... 550 Host unknown\n"
					"554 <pim@nohost.example>... 550 Host unknown (Authoritative answer from name server)\n"
					"While talking to mx.example.net:\n"
					">>> RCPT To:<quill@example.net>\n"
					"<<< 550 <quill@example.net>... User unknown\n"
					"550 <quill@example.net>... User unknown\n"
					"250 done.example (smtp)... 250 Sent\n\n"
					"   ----- Unsent message follows -----\n"
					"From: ned@old.example\nTo: opal@example.org\n\nhi\n"), 3);
	CHECK_STR(m.format, "sendmail");
	CHECK_STR(RCPT(0), "opal@example.org");
	CHECK_STR(CMD(0), "MAIL");
	CHECK_INT(m.rcpts[0].reply_code, 553);
	CHECK_STR(RCPT(1), "pim@nohost.example");
	CHECK_INT(m.rcpts[1].reply_code, 550);
	CHECK_STR(REASON(1), "host_unknown");
	CHECK_STR(RCPT(2), "quill@example.net");
	CHECK_STR(CMD(2), "RCPT");
	CHECK_STR(REMOTE(2), "mx.example.net");
	CHECK_STR(REASON(2), "user_unknown");
}

static void
test_exchange(void)
{
	CHECK_INT(parse("From: System Administrator <postmaster@corp.example>\n"
					"Subject: Undeliverable: news\n\n"
					"Your message did not reach some or all of the intended recipients.\n\n"
					"      Subject:\tnews\n      Sent:\t12/2/2026 10:00 AM\n\n"
					"The following recipient(s) cannot be reached:\n\n"
					"      sam@corp.example on 12/2/2026 10:01 AM\n"
					"            The e-mail account does not exist at the organization this message was sent to.\n"
					"            <mail.corp.example #5.1.1>\n"), 1);
	CHECK_STR(m.format, "exchange");
	CHECK_STR(RCPT(0), "sam@corp.example");
	CHECK_INT(m.rcpts[0].status, BN_STATUS_PACK(5, 1, 1));
	CHECK_STR(REASON(0), "user_unknown");

	/* 2007 and later: a display name before the address in the users'
	 * part; the administrators' part pairs each address with its reply */
	CHECK_INT(parse("From: postmaster@corp.example\n"
					"Subject: Undeliverable: news\n\n"
					"Delivery has failed to these recipients or groups:\n\n"
					"Ann Lee (ann@corp.example)\n"
					"The e-mail address you entered couldn't be found.\n\n"
					"bo@corp.example\n"
					"The recipient's mailbox is full and can't accept messages now.\n\n"
					"Diagnostic information for administrators:\n\n"
					"Generating server: mail.corp.example\n\n"
					"ann@corp.example\n"
					"#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##\n\n"
					"bo@corp.example\n"
					"#550 5.2.2 STOREDRV.Deliver: mailbox full. ##\n\n"
					"Original message headers:\n\nTo: ann@corp.example\n"), 2);
	CHECK_STR(m.format, "exchange");
	CHECK_STR(RCPT(0), "ann@corp.example");
	CHECK_STR(REASON(0), "user_unknown");
	CHECK_STR(RCPT(1), "bo@corp.example");
	CHECK_INT(m.rcpts[1].status, BN_STATUS_PACK(5, 2, 2));
	CHECK_STR(REASON(1), "mailbox_full");
	CHECK_STR(REMOTE(1), "mail.corp.example");
}

static void
test_gmail(void)
{
	CHECK_INT(parse("From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
					"Subject: Delivery Status Notification (Failure)\n"
					"X-Failed-Recipients: tia@example.org\n\n"
					"Delivery to the following recipient failed permanently:\n\n"
					"     tia@example.org\n\n"
					"Technical details of permanent failure:\n"
					"Google tried to deliver your message, but it was rejected by the server for the "
					"recipient domain example.org by mx1.example.org. [203.0.113.9].\n\n"
					"The error that the other server returned was:\n"
					"550 5.2.1 The account has been disabled\n\n"
					"----- Original message -----\n\nTo: tia@example.org\n"), 1);
	CHECK_STR(m.format, "gmail");
	CHECK_STR(RCPT(0), "tia@example.org");
	CHECK_STR(REMOTE(0), "mx1.example.org");
	CHECK_INT(m.rcpts[0].reply_code, 550);
	CHECK_STR(REASON(0), "suspend");
	CHECK_STR(m.rcpts[0].action, "failed");

	/* a delay warning */
	CHECK_INT(parse("From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
					"Subject: Delivery Status Notification (Delay)\n\n"
					"THIS IS A WARNING MESSAGE ONLY.\n\n"
					"Delivery to the following recipient has been delayed:\n\n"
					"     uli@example.org\n\n"
					"Message will be retried for 2 more day(s)\n\n"
					"----- Original message -----\n"), 1);
	CHECK_STR(m.format, "gmail");
	CHECK_STR(m.rcpts[0].action, "delayed");
	CHECK_STR(REASON(0), "expired");

	/* the current notice without a report part: the sentence names the
	 * recipient, the reply follows the fixed line */
	CHECK_INT(parse("From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
					"Subject: Delivery Status Notification (Failure)\n\n"
					"** Message blocked **\n\n"
					"Your message to vic@example.org has been blocked. See technical "
					"details below for more information.\n\n"
					"The response from the remote server was:\n"
					"550 5.7.1 Client host [192.0.2.9] blocked using a blocklist\n\n"
					"Learn more at https://support.example/\n"), 1);
	CHECK_STR(m.format, "gmail");
	CHECK_STR(RCPT(0), "vic@example.org");
	CHECK_INT(m.rcpts[0].reply_code, 550);
	CHECK_STR(REASON(0), "blocked");
	CHECK_STR(m.rcpts[0].action, "failed");
	/* a temporary problem: delayed */
	CHECK_INT(parse("From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
					"Subject: Delivery Status Notification (Delay)\n\n"
					"** Message not delivered yet **\n\n"
					"There was a temporary problem delivering your message to "
					"wes@example.org. Gmail will retry for 40 more hours.\n\n"
					"The response from the remote server was:\n"
					"452 4.2.2 Mailbox over quota\n"), 1);
	CHECK_STR(RCPT(0), "wes@example.org");
	CHECK_STR(m.rcpts[0].action, "delayed");
	CHECK_STR(REASON(0), "mailbox_full");
}

static void
test_others(void)
{
	/* DragonFly Mail Agent: the address in a sentence */
	CHECK_INT(parse("From: MAILER-DAEMON\nSubject: Mail delivery failed\n\n"
					"This is the DragonFly Mail Agent v0.13 at host.example.net.\n\n"
					"There was an error delivering your mail to <uma@example.org>.\n\n"
					"mx.example.org [192.0.2.77] did not like our RCPT TO:\n"
					"550 5.1.1 <uma@example.org>: Recipient address rejected: User unknown\n\n"
					"Message headers follow.\n\nTo: uma@example.org\n"), 1);
	CHECK_STR(m.format, "dragonfly");
	CHECK_STR(RCPT(0), "uma@example.org");
	CHECK_STR(CMD(0), "RCPT");
	CHECK_STR(REMOTE(0), "mx.example.org");
	CHECK_STR(REASON(0), "user_unknown");

	/* Domino: the reason before the address */
	CHECK_INT(parse("From: Postmaster@notes.example\nSubject: DELIVERY FAILURE: User vic not listed\n\n"
					"------- Failure Reasons  --------\n\n"
					"User vic (vic@notes.example) not listed in Domino Directory\n"
					"vic@notes.example\n\n"
					"------- Returned Message --------\nTo: vic@notes.example\n"), 1);
	CHECK_STR(m.format, "domino");
	CHECK_STR(RCPT(0), "vic@notes.example");

	/* Google Groups: the group in X-Failed-Recipients; a refused posting */
	CHECK_INT(parse("From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
					"Subject: Delivery Status Notification (Failure)\n"
					"X-Failed-Recipients: team@groups.example\n\n"
					"walt@example.com\n\n"
					"We're writing to let you know that the group you tried to contact (team) "
					"may not exist, or you may not have permission to post messages to the group.\n\n"
					"Visit https://groups.google.com/support/ for help.\n\n"
					"----- Original message -----\n"), 1);
	CHECK_STR(m.format, "googlegroups");
	CHECK_STR(RCPT(0), "team@groups.example");
	CHECK_STR(REASON(0), "rejected");

	/* an MTA nobody wrote a format for: found by the generic reader */
	CHECK_INT(parse("From: Mailer Daemon <daemon@mta.example>\nSubject: Undeliverable mail\n\n"
					"Delivery to these addresses failed:\n\n"
					"  xia@example.org: 550 5.1.1 mailbox unavailable\n"
					"  yuri@example.org: 452 4.2.2 over quota, will retry\n"), 2);
	CHECK_STR(m.format, "text");
	CHECK_STR(RCPT(1), "yuri@example.org");
	CHECK_STR(REASON(1), "mailbox_full");

	/* a sendmail-style bounce naming nobody: the returned message's To */
	CHECK_INT(parse("From: MAILER-DAEMON@old.example\nSubject: Returned mail: Cannot send message for 5 days\n\n"
					"   ----- Transcript of session follows -----\n"
					"421 far.example (smtp)... Deferred: Connection timed out with far.example\n\n"
					"   ----- Unsent message follows -----\n"
					"Received: by old.example\nTo: zoe@far.example\nSubject: hi\n\nbody\n"), 1);
	CHECK_STR(RCPT(0), "zoe@far.example");

	/* an address after the colon of a sentence about recipients */
	CHECK_INT(parse("From: mailer-daemon\nSubject: There was an error sending your mail\n\n"
					"We could not deliver your message.\n\n"
					"The following recipients returned permanent errors: amy@loop.example. "
					"Reason: the server refused your message (DATA): [554 5.4.6 Hop count exceeded]\n\n"
					"Please check the address.\n"), 1);
	CHECK_STR(RCPT(0), "amy@loop.example");
	CHECK_STR(CMD(0), "DATA");
	CHECK_INT(m.rcpts[0].reply_code, 554);
	CHECK_STR(REASON(0), "network_error");

	/* Apache James: the error, then the recipients in its details block */
	CHECK_INT(parse("From: postmaster@james.example\nSubject: Re: news\n\n"
					"Error: Invalid user address\n\n"
					"Error message below:\n"
					"550 - Requested action not taken: mailbox unavailable\n\n"
					"Message details:\n"
					"  Subject: news\n"
					"  MAIL FROM: ned@old.example\n"
					"  RCPT TO: bo@james.example\n"
					"           cy@james.example\n"
					"  From: ned@old.example\n"
					"  Size (in bytes): 40\n"), 2);
	CHECK_STR(m.format, "james");
	CHECK_STR(CMD(0), "(null)");
	CHECK_STR(RCPT(0), "bo@james.example");
	CHECK_STR(RCPT(1), "cy@james.example");
	CHECK_INT(m.rcpts[1].reply_code, 550);

	/* Mailman: a refused post fails for the list's posting address */
	CHECK_INT(parse("From: club-owner@lists.example\nSubject: hello\n"
					"X-BeenThere: club@lists.example\nX-Mailman-Version: 2.1.39\n\n"
					"You are not allowed to post to this mailing list, and your message has\n"
					"been automatically rejected.  If you think that your messages are\n"
					"being rejected in error, contact the mailing list owner at\n"
					"club-owner@lists.example.\n"), 1);
	CHECK_STR(m.format, "mailman");
	CHECK_STR(RCPT(0), "club@lists.example");
	CHECK_STR(REASON(0), "rejected");
	/* Mailman 3, the list from List-Post; a stated reason says more */
	CHECK_INT(parse("From: team-owner@lists.example\nSubject: Your message to team\n"
					"List-Post: <mailto:team@lists.example>\n\n"
					"Your message to the team mailing-list was rejected for the following\n"
					"reasons:\n\nThe message's size exceeds the maximum message size limit\n"), 1);
	CHECK_STR(RCPT(0), "team@lists.example");
	CHECK_STR(REASON(0), "mesg_too_big");
	/* a post held for the moderator is no failure */
	CHECK_INT(parse("From: club-owner@lists.example\nSubject: Your message to Club awaits moderator approval\n"
					"X-BeenThere: club@lists.example\n\n"
					"Your mail to 'Club' with the subject\n\n    hello\n\n"
					"Is being held until the list moderator can review it for approval.\n"), 0);

	/* a labelled "SMTP command" section names the command */
	CHECK_INT(parse("From: filter@gw.example\nSubject: Undeliverable mail\n\n"
					"Delivery to the following address failed.\n"
					"dee@example.org\n\n"
					"-------server message\n550 message refused by content policy\n\n"
					"-------SMTP command\nDATA\n\n"
					"-------original message\nTo: dee@example.org\n"), 1);
	CHECK_STR(RCPT(0), "dee@example.org");
	CHECK_STR(CMD(0), "DATA");
}

/*
 * A plain-text notice that quotes the SMTP session (MDaemon's "Session
 * Transcript"): the address of MAIL FROM is the sender, and the reply on
 * the lines after RCPT TO, not the earlier 250s, explains the recipient.
 */
static void
test_transcript(void)
{
	CHECK_INT(parse("From: MDaemon@mail.example.org\n"
					"Subject: Permanent Delivery Failure\n\n"
					"The attached message had PERMANENT fatal delivery errors!\n\n"
					"--- Session Transcript ---\n"
					" Mon 2026-12-07 10:10:08.411: --> EHLO mail.example.org\n"
					" Mon 2026-12-07 10:10:08.520: <-- 250 mx.example.net\n"
					" Mon 2026-12-07 10:10:08.521: --> MAIL From:<sam@example.com> SIZE=2048\n"
					" Mon 2026-12-07 10:10:08.630: <-- 250 2.1.0 Ok\n"
					" Mon 2026-12-07 10:10:08.631: --> RCPT To:<lee@example.net>\n"
					" Mon 2026-12-07 10:10:08.740: <-- 552 5.2.2 <lee@example.net>: Mailbox full\n"
					"--- End Transcript ---\n"), 1);
	CHECK_STR(RCPT(0), "lee@example.net");
	CHECK_INT(m.rcpts[0].reply_code, 552);
	CHECK_STR(REASON(0), "mailbox_full");
}

/*
 * A Chinese notice (UTF-8 here) that introduces the address with a label
 * and a full-width colon, and ends a sentence with an ideographic full
 * stop: neither is part of the address.
 */
static void
test_cjk_label(void)
{
	CHECK_INT(parse("From: postmaster@mail.example.net\n"
					"Subject: =?UTF-8?B?57O757uf6YCA5L+h?=\n"
					"Content-Type: text/plain; charset=utf-8\n\n"
					"\xe6\x82\xa8\xe5\x8f\x91\xe9\x80\x81\xe7\x9a\x84\xe9\x82\xae\xe4\xbb\xb6\xe6\x9c\xaa\xe8\x83\xbd\xe6\x8a\x95\xe9\x80\x92\n\n"
					/* 收件人：kai@example.net */
					"\xe6\x94\xb6\xe4\xbb\xb6\xe4\xba\xba\xef\xbc\x9akai@example.net\n"
					"550 5.1.1 User not found\n"), 1);
	CHECK_STR(RCPT(0), "kai@example.net");
	CHECK_INT(m.rcpts[0].reply_code, 550);
	CHECK_STR(REASON(0), "user_unknown");
	/* an ideographic full stop after the address ends it */
	CHECK_INT(parse("From: postmaster@mail.example.net\n"
					"Subject: =?UTF-8?B?57O757uf6YCA5L+h?=\n"
					"Content-Type: text/plain; charset=utf-8\n\n"
					"\xe5\xae\x9b\xe5\x85\x88\xef\xbc\x9alin@example.org\xe3\x80\x82\n"
					"550 5.1.1 User unknown\n"), 1);
	if (m.n == 1)
		CHECK_STR(RCPT(0), "lin@example.org");
}

int
main(void)
{
	memset(&m, 0, sizeof m);
	test_postfix();
	test_sendmail();
	test_exchange();
	test_gmail();
	test_others();
	test_transcript();
	test_cjk_label();
	bn_message_free(&m);
	UNIT_DONE();
}
