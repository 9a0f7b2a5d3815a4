/*
 * lhost_google.c
 *		Gmail's and Google Groups' text bounces.
 *
 * Gmail (mailer-daemon@googlemail.com, before it sent RFC 3464 reports):
 *	Delivery to the following recipient failed permanently:
 *	     rcpt@domain
 *	Technical details of permanent failure:
 *	Google tried to deliver your message, but it was rejected by the server
 *	for the recipient domain domain by mx.domain. [192.0.2.1].
 *	The error that the other server returned was:
 *	550 5.1.1 ...
 *	----- Original message -----
 * Delays: "Delivery to the following recipient has been delayed" or
 * "failed temporarily", "Technical details of temporary failure", "Message
 * will be retried for N more day(s)".
 *
 * Google Groups: a group that does not exist or does not let the sender
 * post answers in the sender's language, names the group only in
 * X-Failed-Recipients, and means the posting was refused: reason rejected.
 */
#include "lhost.h"

static const char *const gmail_detect[] = {
	"delivery to the following recipient failed",
	"delivery to the following recipient has been delayed",
	"delivery to the following recipients failed",
	"technical details of permanent failure",
	"technical details of temporary failure",
	"google tried to deliver your message",
	NULL
};
static const char *const gmail_start[] = {
	"delivery to the following recipient", NULL
};
static const char *const gmail_end[] = {"----- original message -----", NULL};

/*
 * A delay warning ("has been delayed", "failed temporarily", "Message will
 * be retried"): the action is delayed, and when nothing else tells why,
 * the message is on its way to expiring.
 */
static bool
gmail_tune(BnMsgCtx *c, BnRecipient *r, const char *sec, size_t sec_len)
{
	(void) c;
	if (bn_memcasestr(sec, sec_len, "has been delayed") != NULL ||
		bn_memcasestr(sec, sec_len, "failed temporarily") != NULL ||
		bn_memcasestr(sec, sec_len, "will be retried") != NULL)
	{
		r->action = "delayed";
		r->has_hint = true;
		r->hint = BN_REASON_EXPIRED;
	}
	else
		r->action = "failed";
	return true;
}

const BnTextFormat bn_lhost_gmail = {"gmail", gmail_detect, gmail_start, gmail_end, gmail_tune, NULL};

static const char *const groups_detect[] = {
	"groups.google.com", "google groups", NULL
};

static bool
groups_tune(BnMsgCtx *c, BnRecipient *r, const char *sec, size_t sec_len)
{
	(void) c;
	(void) sec;
	(void) sec_len;
	r->has_hint = true;
	r->hint = BN_REASON_REJECTED;
	r->hint_strong = true;
	return true;
}

const BnTextFormat bn_lhost_googlegroups = {"googlegroups", groups_detect, NULL, gmail_end, groups_tune, NULL};
