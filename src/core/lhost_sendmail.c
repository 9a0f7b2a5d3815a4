/*
 * lhost_sendmail.c
 *		Sendmail's text bounce (savemail.c, errbody()) when the DSN part is
 *		absent (old V8 and V5 sendmail, and the many MTAs that imitate it):
 *
 *	The original message was received at <date> from <host>
 *	   ----- The following addresses had permanent fatal errors -----
 *	<rcpt@domain>
 *	    (reason: 550 5.1.1 <rcpt@domain>... User unknown)
 *	   ----- Transcript of session follows -----
 *	... while talking to mx.domain.:
 *	>>> RCPT To:<rcpt@domain>
 *	<<< 550 5.1.1 <rcpt@domain>... User unknown
 *	550 5.1.1 <rcpt@domain>... User unknown
 *	   ----- Original message follows -----   (or "Unsent message follows")
 *
 * The command is the last ">>>" line of the transcript; the host the one
 * "while talking to".
 *
 * Sendmail V5 (and V8 without a DSN when it lists no addresses) gives the
 * transcript alone.  There each recipient's outcome is one line,
 *
 *	554 <rcpt@domain>... 550 Host unknown (Authoritative answer ...)
 *
 * the code sendmail chose, the address in angle brackets, three dots and
 * the reason (usrerr()/message() in err.c prefix the address so), after
 * the lines that led to it: "While talking to host:", the ">>>" command
 * sent, the "<<<" reply received, and "550 host (mailer)... " lines about
 * the host.  A recipient's explanation is its result line and the lines
 * since the previous result line or the last "While talking to", which
 * ever is later; the addresses in ">>> MAIL From:<...>" or "<<<" lines
 * are not recipients.
 */
#include "lhost.h"

#include <string.h>

static const char *const detect[] = {
	"----- transcript of session follows -----",
	"had permanent fatal errors", "----- unsent message follows -----",
	"the original message was received at", "message could not be delivered",
	NULL
};
static const char *const start[] = {
	"the following addresses had", "the following address had",
	"----- transcript of session follows", NULL
};
static const char *const end[] = {
	"----- unsent message follows", "----- original message follows",
	"----- message header follows", NULL
};

/*
 * A result line "DDD [X.Y.Z] <addr>... text" of a failure (4xx, 5xx): the
 * address's offset and length.
 */
static bool
result_line(const char *l, size_t n, size_t *as, size_t *al)
{
	size_t		i = 4;
	size_t		st;
	size_t		len;

	if (n < 10 || (l[0] != '4' && l[0] != '5') ||
		l[1] < '0' || l[1] > '9' || l[2] < '0' || l[2] > '9' || l[3] != ' ')
		return false;
	/* an enhanced status code (V8) */
	if (l[i] >= '2' && l[i] <= '5' && i + 1 < n && l[i + 1] == '.')
	{
		while (i < n && l[i] != ' ')
			i++;
		i++;
	}
	if (i >= n || l[i] != '<')
		return false;
	i++;
	if (!bn_find_address(l + i, n - i, &st, &len) || st != 0)
		return false;
	if (i + len + 4 > n || l[i + len] != '>' || memcmp(l + i + len + 1, "...", 3) != 0)
		return false;
	*as = i;
	*al = len;
	return true;
}

static int
scan_transcript(BnMsgCtx *c)
{
	const char *s = c->body;
	size_t		n = c->body_len;
	const char *p;
	const char *from;
	int			added = 0;

	if (s == NULL || bn_memcasestr(s, n, "following address") != NULL)
		return 0;
	p = bn_memcasestr(s, n, "----- transcript of session follows");
	if (p == NULL)
		return 0;
	p = memchr(p, '\n', (size_t) (s + n - p));
	if (p == NULL)
		return 0;
	from = ++p;
	while (p < s + n)
	{
		const char *nl = memchr(p, '\n', (size_t) (s + n - p));
		const char *le = nl ? nl : s + n;
		const char *next = nl ? nl + 1 : s + n;
		size_t		ln = (size_t) (le - p);
		size_t		as;
		size_t		al;
		bool		dup = false;

		/* the next "   ----- ... -----" marker ends the transcript */
		{
			size_t		i = 0;

			while (i < ln && (p[i] == ' ' || p[i] == '\t'))
				i++;
			if (i + 5 <= ln && memcmp(p + i, "-----", 5) == 0)
				break;
		}
		if (bn_memcasestr(p, ln < 20 ? ln : 20, "while talking to") == p)
			from = p;
		else if (result_line(p, ln, &as, &al))
		{
			for (int k = c->out->n - added; k < c->out->n; k++)
			{
				const char *r = c->out->rcpts[k].recipient;

				if (r != NULL && strlen(r) == al &&
					bn_memcasestr(p + as, al, r) != NULL)
					dup = true;
			}
			if (!dup)
			{
				if (bn_text_recipient(c, p + as, al, from,
									  (size_t) (le - from)) == NULL)
					break;
				added++;
			}
			from = next;
		}
		p = next;
	}
	return added;
}

const BnTextFormat bn_lhost_sendmail = {"sendmail", detect, start, end, NULL,
scan_transcript};
