/*
 * lhost_exchange.c
 *		Microsoft Exchange and Office 365 non-delivery reports in text,
 *		without (or before) a delivery-status part:
 *
 * Exchange 2000/2003:
 *	Your message did not reach some or all of the intended recipients.
 *	      Subject: ...
 *	      Sent:    ...
 *	The following recipient(s) cannot be reached:
 *	      rcpt@domain on 1/2/2026 10:00 AM
 *	            The e-mail account does not exist at the organization ...
 *	            <mx.domain #5.1.1>
 * Exchange 2007 and later, Office 365:
 *	Delivery has failed to these recipients or groups:
 *	rcpt@domain
 *	The email address you entered couldn't be found. ...
 *	Diagnostic information for administrators:
 *	Generating server: mx.domain
 *	rcpt@domain
 *	Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'
 *
 * The part for users names a recipient as "Display Name (rcpt@domain)" as
 * often as bare, and explains it in words only; the part for
 * administrators lists every recipient on a line of its own with the
 * server's reply (or "#550 5.1.1 ... ##") below it.  When that part is
 * there, it is the one read.
 */
#include "lhost.h"

#include <string.h>

static const char *const detect[] = {
	"did not reach some or all of the intended recipients",
	"the following recipient(s) cannot be reached",
	"delivery has failed to these recipients or groups",
	"your message couldn't be delivered",
	"diagnostic information for administrators",
	NULL
};
static const char *const start[] = {
	"cannot be reached:", "delivery has failed to these recipients",
	"couldn't be delivered", "wasn't delivered to", NULL
};
static const char *const end[] = {
	"original message headers:", NULL
};

static bool
tune(BnMsgCtx *c, BnRecipient *r, const char *sec, size_t sec_len)
{
	const char *p;

	/* "Generating server: X" names the host that refused */
	if (r->remote == NULL &&
		(p = bn_memcasestr(sec, sec_len, "generating server:")) != NULL)
	{
		const char *s = p + 18;
		size_t		left = sec_len - (size_t) (s - sec);
		size_t		i = 0;
		size_t		st;

		while (i < left && (s[i] == ' ' || s[i] == '\t'))
			i++;
		st = i;
		while (i < left && s[i] != ' ' && s[i] != '\r' && s[i] != '\n')
			i++;
		if (i > st)
			r->remote = bn_arena_strndup(c->a, s + st, i - st);
	}
	return true;
}

static const char *const admin_start[] = {
	"diagnostic information for administrators", NULL
};
static const char *const admin_detect[] = {NULL};

static int
scan(BnMsgCtx *c)
{
	BnTextFormat admin = {"exchange", admin_detect, admin_start, end, tune, NULL};

	if (c->body == NULL ||
		bn_memcasestr(c->body, c->body_len, admin_start[0]) == NULL)
		return 0;
	return bn_text_scan(c, &admin);
}

const BnTextFormat bn_lhost_exchange = {"exchange", detect, start, end, tune, scan};
