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
 * Gmail's current notice, whose RFC 3464 part (when it has one) is read
 * before any text; without one, the text names the one recipient in a
 * sentence, and quotes the remote server's reply after a fixed line
 * (support.google.com/a/answer/6596, "Fix bounced or rejected emails"):
 *	** Address not found **
 *	Your message wasn't delivered to rcpt@domain because the address
 *	couldn't be found, or is unable to receive mail.
 *	The response from the remote server was:
 *	550 5.1.1 ...
 * Other headings: "Your message to rcpt@domain has been blocked", "There
 * was a temporary problem delivering your message to rcpt@domain. Gmail
 * will retry for N more hours."
 *
 * Google Groups: a group that does not exist or does not let the sender
 * post answers in the sender's language, names the group only in
 * X-Failed-Recipients, and means the posting was refused: reason rejected.
 */
#include "lhost.h"

#include <string.h>

static const char *const gmail_detect[] = {
	"delivery to the following recipient failed",
	"delivery to the following recipient has been delayed",
	"delivery to the following recipients failed",
	"technical details of permanent failure",
	"technical details of temporary failure",
	"google tried to deliver your message",
	"the response from the remote server was:",
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
		bn_memcasestr(sec, sec_len, "will be retried") != NULL ||
		bn_memcasestr(sec, sec_len, "temporary problem delivering") != NULL ||
		bn_memcasestr(sec, sec_len, "gmail will retry") != NULL)
	{
		r->action = "delayed";
		r->has_hint = true;
		r->hint = BN_REASON_EXPIRED;
	}
	else
		r->action = "failed";
	return true;
}

/* the sentences of the current notice that name its recipient */
static const char *const gmail_names[] = {
	"wasn't delivered to ", "your message to ",
	"delivering your message to ", NULL
};

/* The end of the paragraph that starts at s: a blank line, or n. */
static size_t
paragraph_end(const char *s, size_t n)
{
	size_t		i = 0;
	bool		text = false;

	while (i < n)
	{
		const char *nl = memchr(s + i, '\n', n - i);
		size_t		le = nl ? (size_t) (nl - s) : n;
		bool		blank = true;

		for (size_t k = i; k < le; k++)
			if (s[k] != ' ' && s[k] != '\t' && s[k] != '\r')
				blank = false;
		if (blank && text)
			return i;
		text = text || !blank;
		i = nl ? le + 1 : n;
	}
	return n;
}

static int
gmail_scan(BnMsgCtx *c)
{
	const char *s = c->body;
	size_t		n = c->body_len;
	const char *name = NULL;
	const char *resp;
	const char *d;
	size_t		dl;
	size_t		st;
	size_t		al;
	BnRecipient *r;

	/* the older notice is read by its own markers */
	if (s == NULL ||
		bn_memcasestr(s, n, "delivery to the following recipient") != NULL)
		return 0;
	for (int i = 0; gmail_names[i] != NULL && name == NULL; i++)
	{
		const char *p = bn_memcasestr(s, n, gmail_names[i]);

		if (p == NULL)
			continue;
		p += strlen(gmail_names[i]);
		if (bn_find_address(p, (size_t) (s + n - p), &st, &al) && st == 0)
			name = p;
	}
	if (name == NULL)
		return 0;
	/* the reply quoted after the fixed line, else the naming paragraph */
	resp = bn_memcasestr(s, n, "the response from the remote server was:");
	if (resp != NULL)
	{
		d = resp + 40;
		while (d < s + n && (*d == ' ' || *d == '\t' || *d == '\r' || *d == '\n'))
			d++;
	}
	else
		d = name + al;
	dl = paragraph_end(d, (size_t) (s + n - d));
	r = bn_text_recipient(c, name, al, d, dl);
	if (r == NULL)
		return 0;
	gmail_tune(c, r, s, (size_t) (n < 4096 ? n : 4096));
	return 1;
}

const BnTextFormat bn_lhost_gmail = {"gmail", gmail_detect, gmail_start, gmail_end, gmail_tune, gmail_scan};

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
