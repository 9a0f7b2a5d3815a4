/*
 * lhost_qmail.c
 *		qmail-send's bounce (qmail-send.c, qmail-remote.c, qmail-local.c):
 *
 *	Hi. This is the qmail-send program at <me>.
 *	I'm afraid I wasn't able to deliver your message to the following
 *	addresses.  This is a permanent error; I've given up. ...
 *	<blank>
 *	<rcpt@domain>:
 *	<qmail-remote's or qmail-local's explanation, several lines>
 *	<blank>
 *	--- Below this line is a copy of the message.
 *
 * qmail-remote explains with "Connected to <ip> but sender was rejected."
 * (MAIL), "<ip> does not like recipient." (RCPT), "<ip> failed on DATA
 * command." / "<ip> failed after I sent the message." (DATA), "Connected to
 * <ip> but greeting failed." (CONN), then "Remote host said: <reply>"; and
 * its own codes in "(#5.x.y)".  Netqmail, vpopmail and the qmail forks say
 * the same.
 */
#include "lhost.h"

#include <string.h>

static const char *const detect[] = {
	"this is the qmail-send program", "qmail-send program at", NULL
};
static const char *const start[] = {
	"wasn't able to deliver your message", "not able to deliver your message",
	NULL
};
static const char *const end[] = {"--- below this line is", NULL};

/* an IPv4 literal or host name at s[0..n): its length */
static size_t
ip_at(const char *s, size_t n)
{
	size_t		i = 0;

	while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
					 (s[i] >= 'a' && s[i] <= 'z') || s[i] == '-' ||
					 (s[i] >= 'A' && s[i] <= 'Z') || s[i] == ':'))
		i++;
	while (i > 0 && s[i - 1] == '.')
		i--;
	return i;
}

static bool
tune(BnMsgCtx *c, BnRecipient *r, const char *sec, size_t sec_len)
{
	const char *d = r->diagnostic;
	size_t		n;
	const char *p;

	(void) sec;
	(void) sec_len;

	if (d == NULL)
		return true;
	n = strlen(d);
	if (bn_memcasestr(d, n, "does not like recipient") != NULL)
		r->command = "RCPT";
	else if (bn_memcasestr(d, n, "sender was rejected") != NULL)
		r->command = "MAIL";
	else if (bn_memcasestr(d, n, "failed on data command") != NULL ||
			 bn_memcasestr(d, n, "failed after i sent the message") != NULL)
		r->command = "DATA";
	else if (bn_memcasestr(d, n, "greeting failed") != NULL)
		r->command = "CONN";
	/* the host that answered: "Connected to <ip>", "<ip> does not like",
	 * "Giving up on <ip>" */
	if ((p = bn_memcasestr(d, n, "connected to ")) != NULL)
	{
		size_t		l = ip_at(p + 13, n - (size_t) (p + 13 - d));

		if (l > 0)
			r->remote = bn_arena_strndup(c->a, p + 13, l);
	}
	else if ((p = bn_memcasestr(d, n, "giving up on ")) != NULL)
	{
		size_t		l = ip_at(p + 13, n - (size_t) (p + 13 - d));

		if (l > 0)
			r->remote = bn_arena_strndup(c->a, p + 13, l);
	}
	else if ((p = bn_memcasestr(d, n, " does not like ")) != NULL ||
			 (p = bn_memcasestr(d, n, " failed on ")) != NULL ||
			 (p = bn_memcasestr(d, n, " failed after ")) != NULL)
	{
		const char *b = p;

		while (b > d && b[-1] != ' ')
			b--;
		if (p > b)
			r->remote = bn_arena_strndup(c->a, b, (size_t) (p - b));
	}
	return true;
}

const BnTextFormat bn_lhost_qmail = {"qmail", detect, start, end, tune, NULL};
