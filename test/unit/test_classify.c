/*
 * test_classify.c
 *		The built-in classifier (src/core/classify.c, patterns.c,
 *		provider_rules.c).  Every diagnostic below is written for this test,
 *		in the style receivers use; none is copied from a corpus.
 */
#define _POSIX_C_SOURCE 200809L

#include "classify.h"
#include "patterns.h"
#include "provider.h"
#include "unit.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static BnVerdict
run(const char *text, int reply, const char *status, const char *cmd,
	const char *remote)
{
	BnInput		in;
	BnVerdict	v;
	BnStatus	st = BN_STATUS_NONE;

	memset(&in, 0, sizeof in);
	if (status != NULL)
		(void) bn_status_parse(status, strlen(status), &st);
	in.text = text;
	in.text_len = text ? strlen(text) : 0;
	in.reply_code = reply;
	in.status = st;
	in.command = cmd;
	in.command_len = cmd ? strlen(cmd) : 0;
	in.remote = remote;
	in.remote_len = remote ? strlen(remote) : 0;
	bn_classify(&in, &v);
	return v;
}

/* The reason's name, so that failures print readably. */
static const char *
why(const char *text, int reply, const char *status, const char *cmd,
	const char *remote)
{
	return bn_reason_names[run(text, reply, status, cmd, remote).reason];
}

static const char *
kind(const char *text, int reply, const char *status, const char *cmd,
	 const char *remote)
{
	return bn_kind_names[run(text, reply, status, cmd, remote).kind];
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

#define GMAIL "gmail-smtp-in.l.google.com"
#define O365 "contoso-com.mail.protection.outlook.com"
#define YAHOO "mta6.am0.yahoodns.net"

static void
test_reasons(void)
{
	/* user_unknown */
	CHECK_STR(why("550 5.1.1 <jane.roe@example.org>: Recipient address rejected: "
				  "User unknown in virtual alias table", 0, NULL, "RCPT", NULL),
			  "user_unknown");
	CHECK_STR(why("550 No such user here", 0, NULL, "RCPT", NULL), "user_unknown");
	CHECK_STR(why("550-5.1.1 The email account that you tried to reach does not exist. "
				  "Please check the address for typos.", 0, NULL, "RCPT", GMAIL),
			  "user_unknown");
	CHECK_STR(why("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found "
				  "by SMTP address lookup", 0, NULL, NULL, O365), "user_unknown");
	CHECK_STR(why(NULL, 550, "5.1.1", NULL, NULL), "user_unknown");
	CHECK_STR(why("553 5.1.3 The recipient address <a b@example.net> is not a valid "
				  "RFC-5321 address", 0, NULL, "RCPT", GMAIL), "user_unknown");

	/* host_unknown */
	CHECK_STR(why("550 5.1.2 <sam@example.invalid>... Host unknown (Name server: "
				  "example.invalid: host not found)", 0, NULL, NULL, NULL), "host_unknown");
	CHECK_STR(why("Host or domain name not found. Name service error for "
				  "name=example.invalid type=MX", 0, NULL, NULL, NULL), "host_unknown");
	CHECK_STR(why("lookup failed: host mail.example.invalid not found", 0, NULL, NULL, NULL),
			  "host_unknown");
	CHECK_STR(why(NULL, 0, "5.4.4", NULL, NULL), "host_unknown");

	/* has_moved */
	CHECK_STR(why("551 5.1.6 Mailbox has moved; no forwarding address on file", 0,
				  NULL, "RCPT", NULL), "has_moved");

	/* not_accept */
	CHECK_STR(why("556 5.1.10 Recipient address example.net has a null MX", 0, NULL,
				  "RCPT", NULL), "not_accept");
	CHECK_STR(why("Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)", 0,
				  NULL, NULL, NULL), "not_accept");

	/* suspend */
	CHECK_STR(why("550 5.2.1 The email account that you tried to reach is disabled.",
				  0, NULL, "RCPT", GMAIL), "suspend");
	CHECK_STR(why("554 delivery error: dd Sorry, your message to pat@yahoo.com cannot be "
				  "delivered. This mailbox is disabled (554.30).", 0, NULL, "DATA", YAHOO),
			  "suspend");
	/* Postfix's deferral wording is not a dead mailbox: the cause follows */
	CHECK_STR(why("delivery temporarily suspended: connect to mx.example.com[192.0.2.1]:25: "
				  "Connection timed out", 0, NULL, NULL, NULL), "expired");
	CHECK_STR(why("550 5.2.1 This account is suspended", 0, NULL, "RCPT", NULL), "suspend");
	CHECK_STR(why("552 5.2.2 The recipient's mailbox is over its storage limit and "
				  "inactive. https://support.google.com/mail/?p=OverQuotaPerm", 0, NULL,
				  "RCPT", GMAIL), "suspend");
	CHECK_STR(why("550 Account has been suspended by the administrator", 0, NULL,
				  "RCPT", NULL), "suspend");

	/* mailbox_full */
	CHECK_STR(why("552 5.2.2 <lee@example.com>: Mailbox full", 0, NULL, "RCPT", NULL),
			  "mailbox_full");
	CHECK_STR(why("452 4.2.2 The recipient's inbox is out of storage space.", 0, NULL,
				  "RCPT", GMAIL), "mailbox_full");
	CHECK_STR(why("Delivery failed: disk quota exceeded for this user", 0, NULL, NULL,
				  NULL), "mailbox_full");

	/* mesg_too_big, exceed_limit */
	CHECK_STR(why("552 5.3.4 Message size exceeds fixed limit", 0, NULL, "DATA", NULL),
			  "mesg_too_big");
	CHECK_STR(why("The message is too large for this recipient", 0, NULL, NULL, NULL),
			  "mesg_too_big");
	CHECK_STR(why("552 5.2.3 Message length exceeds administrative limit", 0, NULL,
				  "DATA", NULL), "exceed_limit");

	/* system_full, system_error, network_error, expired */
	CHECK_STR(why("452 4.3.1 Insufficient system storage", 0, NULL, "MAIL", NULL),
			  "system_full");
	CHECK_STR(why("451 4.3.0 Temporary local problem - please try later", 0, NULL,
				  "RCPT", NULL), "system_error");
	CHECK_STR(why("554 5.4.6 Routing loop detected: too many hops", 0, NULL, NULL, NULL),
			  "network_error");
	CHECK_STR(why("Message expired after 5 days in the queue; last error: connection "
				  "refused", 0, "4.4.7", NULL, NULL), "expired");
	CHECK_STR(why(NULL, 0, "4.4.7", NULL, NULL), "expired");

	/* too_many_conn, speeding, greylisted */
	CHECK_STR(why("421 4.7.0 Too many concurrent SMTP connections from your IP; "
				  "try again later", 0, NULL, "CONN", NULL), "too_many_conn");
	CHECK_STR(why("450 4.2.1 The user you are trying to contact is receiving mail at "
				  "a rate that prevents additional messages from being delivered", 0,
				  NULL, "RCPT", GMAIL), "speeding");
	CHECK_STR(why("421 4.7.0 Sending rate limit exceeded, slow down", 0, NULL, "MAIL",
				  NULL), "speeding");
	CHECK_STR(why("554 Daily sending quota exceeded for this account", 0, NULL, "MAIL",
				  NULL), "speeding");
	CHECK_STR(why("450 4.7.1 <kim@example.org>: Recipient address rejected: Greylisted "
				  "for 300 seconds", 0, NULL, "RCPT", NULL), "greylisted");
	CHECK_STR(why("451 4.7.1 Please try again later", 0, NULL, "RCPT", NULL),
			  "greylisted");

	/* filtered */
	CHECK_STR(why("550 5.7.1 Message refused due to recipient preferences", 0, NULL,
				  "DATA", NULL), "filtered");
	CHECK_STR(why("550 Unknown user", 0, "5.2.0", "DATA", NULL), "filtered");

	/* mailer_error, syntax_error */
	CHECK_STR(why("Command died with status 75: \"/usr/bin/procmail\"", 0, NULL, NULL,
				  NULL), "mailer_error");
	CHECK_STR(why("501 5.5.2 Syntax error in parameters or arguments", 0, NULL, "MAIL",
				  NULL), "syntax_error");

	/* blocked */
	CHECK_STR(why("554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked "
				  "using zen.spamhaus.org", 0, NULL, "RCPT", NULL), "blocked");
	CHECK_STR(why("550 Mail from 192.0.2.4 refused: listed at bl.example.net", 0, NULL,
				  "MAIL", NULL), "blocked");
	CHECK_STR(why("550 5.7.606 Access denied, banned sending IP [192.0.2.1]", 0, NULL,
				  "RCPT", O365), "blocked");
	CHECK_STR(why("554 go away", 0, NULL, "CONN", NULL), "blocked");
	CHECK_STR(why("host mx.example.net [192.0.2.8] SMTP error from remote mail server "
				  "after initial connection: 554 not welcome here", 0, NULL, NULL, NULL),
			  "blocked");

	/* spam_detected, virus_detected, policy_violation, bad_reputation */
	CHECK_STR(why("550 5.7.1 Message rejected as spam by the content filter", 0, NULL,
				  "DATA", NULL), "spam_detected");
	CHECK_STR(why("554 5.7.1 Rejected: looks like unsolicited bulk email (UBE)", 0,
				  NULL, "DATA", NULL), "spam_detected");
	CHECK_STR(why("552 5.7.0 Virus found in attachment: Test.File.Sample", 0, NULL,
				  "DATA", NULL), "virus_detected");
	CHECK_STR(why("554 5.7.9 Message not accepted for policy reasons", 0, NULL, "DATA",
				  YAHOO), "policy_violation");
	CHECK_STR(why("550 5.7.1 Rejected by local policy", 0, NULL, "RCPT", NULL),
			  "policy_violation");
	CHECK_STR(why("421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due "
				  "to unexpected volume or user complaints", 0, NULL, "MAIL", YAHOO),
			  "bad_reputation");
	CHECK_STR(why("550 5.7.1 This message is likely suspicious due to the very low "
				  "reputation of the sending domain", 0, NULL, "DATA", GMAIL),
			  "bad_reputation");

	/* auth_failure, require_ptr, not_compliant_rfc, security_error */
	CHECK_STR(why("550 5.7.26 Unauthenticated email from example.com is not accepted "
				  "due to domain's DMARC policy", 0, NULL, "DATA", GMAIL), "auth_failure");
	CHECK_STR(why("550 5.7.23 SPF validation failed for example.com", 0, NULL, "MAIL",
				  NULL), "auth_failure");
	CHECK_STR(why("550 5.7.25 The IP address sending this message does not have a PTR "
				  "record setup", 0, NULL, "MAIL", GMAIL), "require_ptr");
	CHECK_STR(why("450 4.7.1 Client host rejected: cannot find your reverse hostname, "
				  "[192.0.2.9]", 0, NULL, "RCPT", NULL), "require_ptr");
	CHECK_STR(why("554 5.6.0 Message is not RFC 5322 compliant", 0, NULL, "DATA", NULL),
			  "not_compliant_rfc");
	CHECK_STR(why("550 5.7.1 Delivery not authorized, message refused", 0, NULL, "RCPT",
				  NULL), "security_error");
	CHECK_STR(why(NULL, 550, "5.7.1", "RCPT", NULL), "security_error");

	/* rejected, no_relaying, content_error, failed_starttls */
	CHECK_STR(why("553 5.1.8 <bounce@example.invalid>... Domain of sender address "
				  "bounce@example.invalid does not exist", 0, NULL, "MAIL", NULL),
			  "rejected");
	CHECK_STR(why("550 5.1.0 Sender address rejected: Domain not found", 0, NULL, NULL,
				  NULL), "rejected");
	CHECK_STR(why("554 5.7.1 <kai@example.net>: Relay access denied", 0, NULL, "RCPT",
				  NULL), "no_relaying");
	CHECK_STR(why("550 5.6.0 Improper use of 8-bit data in message header", 0, NULL,
				  "DATA", NULL), "content_error");
	CHECK_STR(why("530 5.7.0 Must issue a STARTTLS command first", 0, NULL, "MAIL",
				  NULL), "failed_starttls");

	/* on_hold, undefined */
	CHECK_STR(why("550 5.0.0 Refused", 0, NULL, "RCPT", NULL), "on_hold");
	CHECK_STR(why(NULL, 550, NULL, NULL, NULL), "on_hold");
	CHECK_STR(why(NULL, 0, "5.0.0", NULL, NULL), "on_hold");
	CHECK_STR(why(NULL, 0, NULL, NULL, NULL), "undefined");
	CHECK_STR(why("", 0, NULL, "RCPT", "example.com"), "undefined");
	CHECK_STR(why("something went wrong somewhere", 0, NULL, NULL, NULL), "undefined");

	/* vacation, feedback, delivered */
	CHECK_STR(why("I am out of the office until Monday with limited access to email.",
				  0, NULL, NULL, NULL), "vacation");
	CHECK_STR(why("This is an automatic reply to your message", 0, NULL, NULL, NULL),
			  "vacation");
	CHECK_STR(why("Feedback-Type: abuse", 0, NULL, NULL, NULL), "feedback");
	CHECK_STR(why("250 2.0.0 Ok: queued as 4F2A81C0", 0, NULL, "DATA", NULL), "delivered");
}

static void
test_providers(void)
{
	/* Gmail reuses 5.7.27 for SPF and 5.7.30 for DKIM */
	CHECK_STR(why(NULL, 550, "5.7.27", "DATA", GMAIL), "auth_failure");
	CHECK_STR(why(NULL, 550, "5.7.30", "DATA", GMAIL), "auth_failure");
	CHECK_STR(why(NULL, 550, "5.7.27", "DATA", "mx.example.net"), "not_accept");
	CHECK_STR(why(NULL, 550, "5.7.30", "DATA", "mx.example.net"), "security_error");
	CHECK_STR(why("550 5.7.27 Sender failed SPF checks", 0, NULL, "DATA", "gmail.com"),
			  "auth_failure");

	/* Microsoft: 5.4.1 "Access denied" is an unknown recipient (edge blocking) */
	CHECK_STR(why("550 5.4.1 Recipient address rejected: Access denied. AS(201806281)",
				  0, NULL, "RCPT", O365), "user_unknown");
	CHECK_STR(why("550 5.4.1 Access denied", 0, NULL, "RCPT", O365), "user_unknown");
	CHECK_STR(why("550 5.4.1 Relay Access Denied", 0, NULL, "RCPT", O365), "no_relaying");
	/* Outlook.com consumer: "mailbox unavailable" is the unknown address,
	 * even at DATA, because it is the provider's own wording */
	CHECK_STR(why("550 5.5.0 Requested action not taken: mailbox unavailable", 0, NULL,
				  "DATA", "hotmail.com"), "user_unknown");
	CHECK_STR(why("550 5.7.509 Access denied, sending domain example.com does not pass "
				  "DMARC verification", 0, NULL, "DATA", O365), "auth_failure");
	CHECK_STR(why(NULL, 550, "5.7.623", "RCPT", O365), "blocked");

	/* Yahoo */
	CHECK_STR(why("554 delivery error: dd This user doesn't have a yahoo.com account "
				  "(sam@yahoo.com) [0]", 0, NULL, "DATA", YAHOO), "user_unknown");
	CHECK_STR(why("421 4.7.0 [TS03] All messages from 192.0.2.5 will be permanently "
				  "deferred", 0, NULL, "MAIL", YAHOO), "blocked");

	/* Orange reply tags */
	CHECK_STR(why("550 5.1.1 Adresse invalide. Invalid recipient. OFR_416 [416]", 0,
				  NULL, "RCPT", "smtp-in.orange.fr"), "user_unknown");
	CHECK_STR(why("552 5.1.1 Boite du destinataire pleine. Recipient overquota. "
				  "OFR_417 [417]", 0, NULL, "RCPT", "smtp-in.orange.fr"), "mailbox_full");
	CHECK_STR(why("550 5.2.0 Mail rejete. Mail rejected. OFR_506 [506]", 0, NULL,
				  "DATA", "smtp-in.orange.fr"), "spam_detected");
	/* the tag means nothing from another provider */
	CHECK_STR(why("550 rejected, see note _506", 0, NULL, "DATA", "mx.example.net"),
			  "on_hold");

	/* provider from a recipient address */
	CHECK_STR(why("550 5.4.1 Access denied", 0, NULL, "RCPT", "someone@outlook.com"),
			  "user_unknown");
}

static void
test_precedence(void)
{
	BnVerdict	v;

	/* text beats code */
	CHECK_STR(why("552 5.2.2 Mailbox full", 0, NULL, "RCPT", NULL), "mailbox_full");
	CHECK_STR(why("550 5.1.1 <max@example.com>: user is over quota", 0, NULL, "RCPT",
				  NULL), "mailbox_full");
	CHECK_STR(why("550 5.7.1 No such user!", 0, NULL, "RCPT", "mx.yandex.ru"),
			  "user_unknown");
	CHECK_STR(why("550 5.7.1 No such user!", 0, NULL, "RCPT", NULL), "user_unknown");
	/* ... but a hint loses to a status with one meaning */
	CHECK_STR(why("550 5.1.1 Access denied", 0, NULL, "RCPT", NULL), "user_unknown");
	/* ... and a named cause beats "expired" */
	CHECK_STR(why("Message expired, DNS query failed", 0, "5.4.7", NULL, NULL),
			  "network_error");
	/* reply code as the last fallback */
	CHECK_STR(why("552 Requested mail action aborted", 0, NULL, "DATA", NULL),
			  "mailbox_full");
	CHECK_STR(why(NULL, 421, NULL, NULL, NULL), "system_error");

	/* the SMTP command */
	CHECK_STR(why("550 5.1.1 User unknown", 0, NULL, "MAIL", NULL), "rejected");
	CHECK_STR(why("550 5.7.1 Access denied", 0, NULL, "MAIL", NULL), "rejected");
	CHECK_STR(why("550 Unknown user", 0, NULL, "RCPT", NULL), "user_unknown");
	CHECK_STR(why("550 Unknown user", 0, NULL, "DATA", NULL), "filtered");
	CHECK_STR(why("550 5.1.1 Unknown user", 0, NULL, "DATA", NULL), "user_unknown");
	CHECK_STR(why("550 5.1.1 Unknown user", 0, NULL, "rcpt to", NULL), "user_unknown");
	/* the stage, read from the text when the command is not given */
	CHECK_STR(why("SMTP error from remote mail server after RCPT TO:<ann@example.org>: "
				  "550 unknown user", 0, NULL, NULL, NULL), "user_unknown");
	CHECK_STR(why("mx.example.org said: 550 No such user (in reply to end of DATA "
				  "command)", 0, NULL, NULL, NULL), "filtered");
	CHECK_STR(why("mx.example.org said: 550 No such user (in reply to RCPT TO "
				  "command)", 0, NULL, NULL, NULL), "user_unknown");

	/* codes found in the text when not given; given codes are kept */
	v = run("550 5.1.1 <a@example.com>: user unknown", 0, NULL, "RCPT", NULL);
	CHECK_INT(v.reply_code, 550);
	CHECK_INT(v.status, BN_STATUS_PACK(5, 1, 1));
	CHECK_INT(v.reason, BN_REASON_USER_UNKNOWN);
	CHECK_INT(v.kind, BN_KIND_HARD);
	v = run("550 5.1.1 user unknown", 451, "4.3.0", "RCPT", NULL);
	CHECK_INT(v.reply_code, 451);
	CHECK_INT(v.status, BN_STATUS_PACK(4, 3, 0));

	/* white space runs and case do not matter */
	CHECK_STR(why("550   USER\t\r\n  Unknown", 0, NULL, "RCPT", NULL), "user_unknown");
	/* words are words: "blocked" is not "locked" */
	CHECK_STR(why("550 sender blocked", 0, NULL, "RCPT", NULL), "blocked");
	CHECK_STR(why("550 account locked", 0, NULL, "RCPT", NULL), "suspend");
}


/*
 * The source documents' own examples (SPEC section 1): each as bare text,
 * with no code, command or host, gets the kind the SPEC gives.
 */
static void
test_seeds(void)
{
	static const struct
	{
		const char *text;
		BnKind		kind;
	}			seeds[] = {
		{"550 No such user (xxx@xxxxxxxxxxxx) Giving up", BN_KIND_HARD},
		{"5.1.1 unknown or illegal alias: xxxx@xxxxx", BN_KIND_HARD},
		{"Recipient address rejected: User unknown", BN_KIND_HARD},
		{"Mailbox not found", BN_KIND_HARD},
		{"Mailbox no longer active", BN_KIND_HARD},
		{"Unknown user", BN_KIND_HARD},
		{"Incorrect domain", BN_KIND_HARD},
		{"This mailbox is disabled", BN_KIND_HARD},
		{"This mailbox is unavailable", BN_KIND_HARD},
		{"This mailbox does not exist", BN_KIND_HARD},
		{"550 5.1.1 User unknown / mailbox does not exist", BN_KIND_HARD},
		{"550 5.1.2 Domain not found / bad destination", BN_KIND_HARD},
		{"550 5.1.0 Address rejected", BN_KIND_HARD},
		{"551 5.1.6 Recipient has moved / address no longer valid", BN_KIND_HARD},
		{"Quota exceeded", BN_KIND_SOFT},
		{"Too many sessions in a connection", BN_KIND_SOFT},
		{"Temporary local problem", BN_KIND_SOFT},
		{"The email account is over quota", BN_KIND_SOFT},
		{"552 5.2.2 Mailbox full", BN_KIND_SOFT},
		{"421 4.7.0 Connection rate limited / try again later", BN_KIND_SOFT},
		{"450 4.2.1 Mailbox temporarily unavailable", BN_KIND_SOFT},
		{"451 4.3.0 Temporary system error on receiving server", BN_KIND_SOFT},
		{"452 4.2.2 Mailbox full (temporary)", BN_KIND_SOFT},
		{"450 4.7.1 Greylisting - try again in a few minutes", BN_KIND_SOFT},
		{"550 5.7.1 Message rejected by policy (sender blocked)", BN_KIND_BLOCK},
		{"554 5.7.1 Transaction failed / message refused", BN_KIND_BLOCK},
		{"Blocked due to spam content", BN_KIND_BLOCK},
		{"Out of office autoreply", BN_KIND_NONE},
	};

	for (size_t i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++)
		CHECK_STR(kind(seeds[i].text, 0, NULL, NULL, NULL),
				  bn_kind_names[seeds[i].kind]);
	/* the README's example */
	CHECK_STR(why("550 5.7.1 No such user", 0, NULL, NULL, NULL), "user_unknown");
}

/*
 * Evidence, not absence of evidence: a missing command, host or code never
 * pushes a verdict; present evidence does.
 */
static void
test_evidence(void)
{
	BnInput		in;
	BnVerdict	v;
	BnEvidence	ev;
	char		buf[256];

	/* user-unknown wording with nothing else known is user_unknown */
	CHECK_STR(why("550 Unknown user", 0, NULL, NULL, NULL), "user_unknown");
	CHECK_STR(why("550 Unknown user", 0, NULL, "", NULL), "user_unknown");
	CHECK_STR(why("No such user here", 0, "5.0.0", NULL, NULL), "user_unknown");
	CHECK_STR(why("550 No such user", 0, NULL, NULL, "mx.example.net"), "user_unknown");
	/* present evidence says otherwise: DATA, an X.2.x status off RCPT, MAIL */
	CHECK_STR(why("550 Unknown user", 0, NULL, "DATA", NULL), "filtered");
	CHECK_STR(why("550 Unknown user", 0, "5.2.1", NULL, NULL), "filtered");
	CHECK_STR(why("550 Unknown user", 0, "5.2.1", "RCPT", NULL), "user_unknown");
	CHECK_STR(why("550 Unknown user", 0, NULL, "MAIL", NULL), "rejected");
	/* weak or no evidence: undetermined */
	CHECK_STR(why("550 Requested action not taken", 0, NULL, NULL, NULL), "on_hold");
	CHECK_STR(why("Delivery failed", 0, NULL, NULL, NULL), "undefined");
	CHECK_STR(kind("554 5.0.0 Transaction failed", 0, NULL, NULL, NULL), "undetermined");

	/* what decided, in words */
	memset(&in, 0, sizeof in);
	in.text = "550 5.1.1 <a@example.org>: Recipient address rejected: User unknown";
	in.text_len = strlen(in.text);
	bn_classify_explain(&in, &v, &ev);
	CHECK_INT(v.reason, BN_REASON_USER_UNKNOWN);
	CHECK_INT(ev.source, BN_EVIDENCE_PHRASE);
	CHECK(ev.rule != NULL && strcmp(ev.rule->phrase, "user unknown") == 0);
	bn_evidence_format(&ev, &v, buf, sizeof buf);
	CHECK(strncmp(buf, "phrase \"user unknown\" (user_unknown: RFC 3463",
				  strlen("phrase \"user unknown\" (user_unknown: RFC 3463")) == 0);

	in.command = "DATA";
	in.command_len = 4;
	in.text = "550 Unknown user";
	in.text_len = strlen(in.text);
	bn_classify_explain(&in, &v, &ev);
	CHECK_INT(ev.refined, BN_REFINE_DATA);
	bn_evidence_format(&ev, &v, buf, sizeof buf);
	CHECK(strstr(buf, "; then command DATA: ") != NULL);

	memset(&in, 0, sizeof in);
	in.status = BN_STATUS_PACK(5, 7, 515);
	in.remote = "example-com.mail.protection.outlook.com";
	in.remote_len = strlen(in.remote);
	bn_classify_explain(&in, &v, &ev);
	CHECK_INT(v.reason, BN_REASON_AUTH_FAILURE);
	CHECK_INT(ev.source, BN_EVIDENCE_PROVIDER_STATUS);
	bn_evidence_format(&ev, &v, buf, sizeof buf);
	CHECK_STR(buf, "provider microsoft: status 5.7.515 (provider's documented code)");

	memset(&in, 0, sizeof in);
	in.reply_code = 552;
	bn_classify_explain(&in, &v, &ev);
	bn_evidence_format(&ev, &v, buf, sizeof buf);
	CHECK_STR(buf, "reply code 552 (RFC 5321)");

	memset(&in, 0, sizeof in);
	in.reply_code = 550;
	bn_classify_explain(&in, &v, &ev);
	bn_evidence_format(&ev, &v, buf, sizeof buf);
	CHECK_STR(buf, "weak evidence: a failure code, no known wording");
	/* truncation keeps a terminated string */
	CHECK_INT((int) bn_evidence_format(&ev, &v, buf, 8), 7);
	CHECK_INT((int) strlen(buf), 7);
}

/* Thin categories and other languages (UTF-8 bytes match exactly). */
static void
test_languages(void)
{
	CHECK_STR(why("550 Destinataire inconnu", 0, NULL, NULL, NULL), "user_unknown");
	CHECK_STR(why("Die Empf\xc3\xa4ngeradresse ist ung\xc3\xbcltig", 0, NULL, NULL, NULL),
			  "user_unknown");
	CHECK_STR(why("\xd0\x9f\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xb7\xd0\xbe\xd0\xb2\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8c \xd0\xbd\xd0\xb5 \xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd",
				  550, NULL, NULL, NULL), "user_unknown");
	CHECK_STR(why("\xe7\x94\xa8\xe6\x88\xb7\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", 550, NULL, NULL, NULL),
			  "user_unknown");
	CHECK_STR(why("La casella di posta piena", 452, NULL, NULL, NULL), "mailbox_full");
	CHECK_STR(why("Postvak is vol", 452, NULL, NULL, NULL), "mailbox_full");
	CHECK_STR(why("Cuenta suspendida por inactividad", 550, NULL, NULL, NULL), "suspend");
	CHECK_STR(why("Mensaje rechazado como spam", 554, NULL, NULL, NULL), "spam_detected");
	CHECK_STR(why("Lista cinza: tente novamente mais tarde", 450, NULL, NULL, NULL),
			  "greylisted");
	CHECK_STR(why("Respuesta autom\xc3\xa1tica: fuera de la oficina", 0, NULL, NULL, NULL),
			  "vacation");
	/* a letter that only differs from a phrase's UTF-8 by one byte does not match */
	CHECK_STR(why("Empf\xc3\xa5nger unbekannt", 0, NULL, NULL, NULL), "undefined");

	/* expired versus one failed connection; NXDOMAIN versus SERVFAIL */
	CHECK_STR(why("retry timeout exceeded", 0, NULL, NULL, NULL), "expired");
	CHECK_STR(why("Giving up after 12 attempts", 0, NULL, NULL, NULL), "expired");
	CHECK_STR(why("connect to mx.example.org[192.0.2.7]:25: Connection refused", 0, NULL,
				  NULL, NULL), "network_error");
	CHECK_STR(why("Name service error for name=example.invalid type=MX: Host not found",
				  0, NULL, NULL, NULL), "host_unknown");
	CHECK_STR(why("Name service error for name=example.org type=MX: Host not found, try again",
				  0, NULL, NULL, NULL), "network_error");
	CHECK_STR(why("Domain example.org does not accept mail (nullMX)", 0, NULL, NULL, NULL),
			  "not_accept");
	CHECK_STR(why("DNS lookup returned SERVFAIL", 0, NULL, NULL, NULL), "network_error");

	/* rate limits, sender refusals, relaying, authentication */
	CHECK_STR(why(NULL, 550, "5.2.121", NULL, "outlook.com"), "speeding");
	CHECK_STR(why("421 Too many concurrent SMTP connections", 0, NULL, NULL, NULL),
			  "too_many_conn");
	CHECK_STR(why("553 Sender address rejected: Domain not found", 0, NULL, "MAIL", NULL),
			  "rejected");
	CHECK_STR(why("554 Relay access denied", 0, NULL, "RCPT", NULL), "no_relaying");
	CHECK_STR(why(NULL, 550, "5.7.515", NULL, "outlook.com"), "auth_failure");
	CHECK_STR(why(NULL, 550, "5.7.27", NULL, "gmail-smtp-in.l.google.com"), "auth_failure");
	CHECK_STR(why("This is an email abuse report", 0, NULL, NULL, NULL), "feedback");
}

static void
test_kinds(void)
{
	BnInput		in;

	CHECK_STR(kind("550 5.1.1 user unknown", 0, NULL, "RCPT", NULL), "hard");
	CHECK_STR(kind("552 5.2.2 mailbox full", 0, NULL, "RCPT", NULL), "soft");
	CHECK_STR(kind("554 5.7.1 blocked using bl.example.net", 0, NULL, "RCPT", NULL),
			  "block");
	CHECK_STR(kind("550 5.0.0 refused", 0, NULL, "RCPT", NULL), "undetermined");
	CHECK_STR(kind("Out of office until Friday", 0, NULL, NULL, NULL), "none");
	/* not_accept: hard, unless 4xx or the text says it is temporary */
	CHECK_STR(kind("556 5.1.10 null MX", 0, NULL, "RCPT", NULL), "hard");
	CHECK_STR(kind("This domain does not accept mail", 0, NULL, NULL, NULL), "hard");
	CHECK_STR(kind("421 This domain does not accept mail right now", 0, NULL, NULL, NULL),
			  "soft");
	CHECK_STR(kind("This domain does not accept mail, temporarily", 0, NULL, NULL, NULL),
			  "soft");
	CHECK_STR(kind(NULL, 0, "4.3.2", NULL, NULL), "soft");
	CHECK_STR(kind(NULL, 0, "5.3.2", NULL, NULL), "hard");

	memset(&in, 0, sizeof in);
	CHECK_INT(bn_default_kind(&in, BN_REASON_NOT_ACCEPT, BN_STATUS_PACK(5, 1, 10), 556),
			  BN_KIND_HARD);
	CHECK_INT(bn_default_kind(&in, BN_REASON_NOT_ACCEPT, BN_STATUS_NONE, 450),
			  BN_KIND_SOFT);
	CHECK_INT(bn_default_kind(NULL, BN_REASON_NOT_ACCEPT, BN_STATUS_NONE, 0), BN_KIND_HARD);
	in.text = "Temporarily not accepting mail";
	in.text_len = strlen(in.text);
	CHECK_INT(bn_default_kind(&in, BN_REASON_NOT_ACCEPT, BN_STATUS_NONE, 0), BN_KIND_SOFT);
	CHECK_INT(bn_default_kind(&in, BN_REASON_SPAM_DETECTED, BN_STATUS_NONE, 0),
			  BN_KIND_BLOCK);
	CHECK_INT(bn_default_kind(&in, (BnReason) 99, BN_STATUS_NONE, 0), BN_KIND_UNDETERMINED);
}

/* Every rule of the tables is reachable through the automaton. */
static void
test_tables(void)
{
	BnPatternStats s;
	int			unreachable = 0;

	bn_patterns_stats(&s);
	CHECK(s.complete);
	CHECK_INT(s.rules, bn_rule_total());
	CHECK(s.states > 1 && s.states < 32768);
	printf("patterns: %d rules, %d states, %d classes (%zu KB of transitions)\n",
		   s.rules, s.states, s.classes, s.table_bytes / 1024);

	for (int i = 0; i < bn_rule_total(); i++)
	{
		const BnRule *r = bn_rule_at(i);
		BnMatch		m;

		CHECK(r->phrase[0] != '\0' && strlen(r->phrase) <= 63);
		/* a word start is checked in the raw text: no blanks inside */
		CHECK(!(r->flags & BN_RULE_WORD_START) || strchr(r->phrase, ' ') == NULL);
		if (r->reason >= BN_MARK_STAGE_CONN || r->anchor != 0)
			continue;
		CHECK(r->reason < BN_REASON_COUNT);
		bn_patterns_scan(r->phrase, strlen(r->phrase), (BnProvider) r->provider,
						 r->status, &m);
		if (m.prio < r->prio)
		{
			unreachable++;
			fprintf(stderr, "rule \"%s\" does not match itself\n", r->phrase);
		}
	}
	CHECK_INT(unreachable, 0);
}

static void
test_edges(void)
{
	BnInput		in;
	BnVerdict	v;
	unsigned char bytes[4096];
	size_t		big = 1024 * 1024;
	char	   *mb = malloc(big + 64);
	double		t0,
				ms;

	/* NULL text with a length, NULL command and remote */
	memset(&in, 0, sizeof in);
	in.text_len = 100;
	in.remote_len = 5;
	in.command_len = 4;
	bn_classify(&in, &v);
	CHECK_INT(v.reason, BN_REASON_UNDEFINED);
	CHECK_INT(v.kind, BN_KIND_UNDETERMINED);

	/* arbitrary bytes, invalid UTF-8 */
	srand(12345);
	for (int round = 0; round < 200; round++)
	{
		size_t		n = (size_t) (rand() % (int) sizeof bytes);

		for (size_t i = 0; i < n; i++)
			bytes[i] = (unsigned char) (0x80 + rand() % 0x80);
		memset(&in, 0, sizeof in);
		in.text = (const char *) bytes;
		in.text_len = n;
		in.remote = (const char *) bytes;
		in.remote_len = n < 300 ? n : 300;
		in.command = (const char *) bytes;
		in.command_len = n < 4 ? n : 4;
		bn_classify(&in, &v);
		CHECK_INT(v.reason, BN_REASON_UNDEFINED);
	}
	CHECK_STR(why("\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc", 0, NULL, NULL, NULL),
			  "undefined");

	if (mb == NULL)
		return;

	/* 1 MB without any phrase */
	memset(mb, 'a', big);
	t0 = now_ms();
	v = run(NULL, 0, NULL, NULL, NULL);
	memset(&in, 0, sizeof in);
	in.text = mb;
	in.text_len = big;
	bn_classify(&in, &v);
	ms = now_ms() - t0;
	CHECK_INT(v.reason, BN_REASON_UNDEFINED);
	printf("1 MB of one letter: %.2f ms\n", ms);
	CHECK(ms < 500);			/* a sanity bound: quadratic would be far above */

	/* 1 MB of white space, then the phrase */
	memset(mb, ' ', big);
	memcpy(mb + big - 20, "550 user    unknown", 19);
	in.text_len = big - 1;
	in.command = "RCPT";
	in.command_len = 4;
	t0 = now_ms();
	bn_classify(&in, &v);
	ms = now_ms() - t0;
	CHECK_INT(v.reason, BN_REASON_USER_UNKNOWN);
	printf("1 MB of blanks then a phrase: %.2f ms\n", ms);
	CHECK(ms < 500);

	/* 1 MB of phrases back to back: every position ends a match */
	for (size_t i = 0; i + 13 <= big; i += 13)
		memcpy(mb + i, "user unknown ", 13);
	in.text_len = big;
	t0 = now_ms();
	bn_classify(&in, &v);
	ms = now_ms() - t0;
	CHECK_INT(v.reason, BN_REASON_USER_UNKNOWN);
	printf("1 MB of repeated phrases: %.2f ms\n", ms);
	CHECK(ms < 500);

	/* 1 MB of a mixed diagnostic-like text */
	{
		static const char line[] =
			"host mx.example.net [192.0.2.1] said: 450 4.7.1 please try again later "
			"(in reply to RCPT TO command) spam reputation policy dns ptr ";
		size_t		n = sizeof line - 1;

		for (size_t i = 0; i < big; i += n)
			memcpy(mb + i, line, big - i < n ? big - i : n);
		t0 = now_ms();
		bn_classify(&in, &v);
		ms = now_ms() - t0;
		printf("1 MB of mixed text: %.2f ms (%s)\n", ms, bn_reason_names[v.reason]);
		CHECK(ms < 500);
	}
	free(mb);

	/* a typical line, many times */
	{
		static const char line[] =
			"550 5.1.1 <jo@example.com>: Recipient address rejected: User unknown in "
			"local recipient table";
		const int	N = 200000;
		int			hits = 0;

		memset(&in, 0, sizeof in);
		in.text = line;
		in.text_len = sizeof line - 1;
		in.command = "RCPT";
		in.command_len = 4;
		in.remote = "mx1.example.com";
		in.remote_len = 15;
		t0 = now_ms();
		for (int i = 0; i < N; i++)
		{
			bn_classify(&in, &v);
			hits += v.reason == BN_REASON_USER_UNKNOWN;
		}
		ms = now_ms() - t0;
		CHECK_INT(hits, N);
		printf("typical %zu-byte line: %.0f ns per call\n", sizeof line - 1,
			   ms * 1e6 / N);
	}
}

int
main(void)
{
	bn_patterns_init();
	test_reasons();
	test_providers();
	test_precedence();
	test_kinds();
	test_tables();
	test_edges();
	test_seeds();
	test_evidence();
	test_languages();
	UNIT_DONE();
}
