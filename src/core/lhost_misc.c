/*
 * lhost_misc.c
 *		Smaller text formats whose layout the generic reader already
 *		follows once told where the explanation starts and ends:
 *
 *	DragonFly Mail Agent (dma, mail.c): "This is the DragonFly Mail Agent
 *	  ... There was an error delivering your mail to <rcpt>. <host> [ip] did
 *	  not like our RCPT TO: <reply> ... Message headers follow."
 *	Lotus Domino / Notes: "------- Failure Reasons --------" <explanation>
 *	  <rcpt> "------- Returned Message --------"
 *	Yahoo: "Sorry, we were unable to deliver your message to the following
 *	  address." <rcpt>: "Remote host said: ..." "--- Below this line ..."
 *	Courier (courieresmtp): "<rcpt>: ... >>> RCPT TO:<rcpt> <<< 550 ..."
 *	Apache James (the Bounce and NotifySender mailets, AbstractNotify):
 *	  <configured text> "Error message below:" <the error> "Message
 *	  details:" "  Subject: ..." "  MAIL FROM: <sender>" "  RCPT TO: <rcpt>"
 *	  further recipients alone on indented lines, "  From: ..." ...
 */
#include "lhost.h"

#include <string.h>

static const char *const dma_detect[] = {"this is the dragonfly mail agent", NULL};
static const char *const dma_end[] = {"message headers follow", NULL};

const BnTextFormat bn_lhost_dragonfly = {"dragonfly", dma_detect, NULL, dma_end, NULL, NULL};

static const char *const domino_detect[] = {"------- failure reasons", NULL};
static const char *const domino_start[] = {"------- failure reasons", NULL};
static const char *const domino_end[] = {"------- returned message", NULL};

const BnTextFormat bn_lhost_domino = {"domino", domino_detect, domino_start, domino_end, NULL, NULL};

static const char *const yahoo_detect[] = {
	"sorry, we were unable to deliver your message", NULL
};
static const char *const yahoo_start[] = {
	"unable to deliver your message to the following", NULL
};

const BnTextFormat bn_lhost_yahoo = {"yahoo", yahoo_detect, yahoo_start, NULL, NULL, NULL};

static const char *const courier_detect[] = {
	"courier mail server at", "this is a delivery status notification from",
	NULL
};

const BnTextFormat bn_lhost_courier = {"courier", courier_detect, NULL, NULL, NULL, NULL};

static const char *const james_detect[] = {"error message below:", NULL};

/*
 * James lists the recipients in its "Message details:" block, after the
 * error: "RCPT TO:" with the first, one more per indented line.
 */
static int
james_scan(BnMsgCtx *c)
{
	const char *s = c->body;
	size_t		n = c->body_len;
	const char *err = s ? bn_memcasestr(s, n, "error message below:") : NULL;
	const char *det = err ? bn_memcasestr(err, (size_t) (s + n - err), "message details:") : NULL;
	const char *p;
	const char *ds;
	int			added = 0;

	if (det == NULL)
		return 0;
	ds = memchr(err, '\n', (size_t) (det - err));
	ds = ds ? ds + 1 : det;
	p = bn_memcasestr(det, (size_t) (s + n - det), "rcpt to:");
	if (p == NULL)
		return 0;
	p += 8;
	while (p < s + n && added < 1000)
	{
		const char *nl = memchr(p, '\n', (size_t) (s + n - p));
		const char *le = nl ? nl : s + n;
		const char *v = p;
		size_t		st;
		size_t		al;

		while (v < le && (*v == ' ' || *v == '\t'))
			v++;
		if (!bn_find_address(v, (size_t) (le - v), &st, &al) || st != 0 ||
			memchr(v, ':', al) != NULL)
			break;				/* "  From: ...": the list ended */
		if (bn_text_recipient(c, v, al, ds, (size_t) (det - ds)) == NULL)
			break;
		added++;
		p = nl ? nl + 1 : s + n;
	}
	return added;
}

const BnTextFormat bn_lhost_james = {"james", james_detect, NULL, NULL, NULL, james_scan};

/*
 * Any other MTA: recognised by what every bounce says somewhere (the
 * daemon's address, a failure subject or sentence), read by the generic
 * reader.
 */
static const char *const generic_detect[] = {
	"mailer-daemon", "postmaster@", "mail delivery", "undeliver",
	"undelivered", "delivery fail", "delivery status", "failure notice",
	"returned mail", "non-delivery", "nondelivery", "could not be delivered",
	"couldn't be delivered", "unable to deliver", "not be delivered",
	"delivery has failed", "failed permanently", "error delivering",
	"permanent error", "delivery problem", "mail system error",
	"returned to sender", "no such user", "user unknown",
	NULL
};

const BnTextFormat bn_lhost_generic = {"text", generic_detect, NULL, NULL, NULL, NULL};
