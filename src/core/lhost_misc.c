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
 * A mailing list manager that refused a post: Mailman 2.1's non-member
 * rejection ("You are not allowed to post to this mailing list, and your
 * message has been automatically rejected") and moderator rejection
 * ("Posting of your message titled ... has been rejected by the list
 * moderator"), Mailman 3's "Your message to the <list> mailing-list was
 * rejected for the following reasons".  The recipient that failed is the
 * list's posting address: X-BeenThere, else List-Post, else the returned
 * message's To.  The list refused the sender (rejected) unless its stated
 * reason says more (a message too big).  A post held for moderation
 * ("is being held until the list moderator can review it") is no failure
 * and matches none of these.
 */
static const char *const mailman_detect[] = {
	"you are not allowed to post to this mailing list",
	"has been rejected by the list moderator",
	"mailing-list was rejected",
	"mailing list was rejected",
	NULL
};

/* The list address of a notice: the first address of a header. */
static bool
list_address(BnMsgCtx *c, const BnHeaders *h, const char *name,
			 const char **addr, size_t *len)
{
	char	   *v = h ? bn_header_get(h, name, c->a) : NULL;
	size_t		st;

	if (v == NULL || !bn_find_address(v, strlen(v), &st, len))
		return false;
	*addr = v + st;
	return true;
}

static int
mailman_scan(BnMsgCtx *c)
{
	const char *addr;
	size_t		al;
	const char *para = c->body;
	size_t		pl = c->body_len;
	BnRecipient *r;

	if (!list_address(c, &c->mime->headers, "x-beenthere", &addr, &al) &&
		!list_address(c, &c->mime->headers, "list-post", &addr, &al) &&
		!list_address(c, c->orig, "to", &addr, &al))
		return 0;
	/* the explanation: the notice's text (the returned post is a part of
	 * its own) */
	if (pl > 1000)
		pl = 1000;
	r = bn_text_recipient(c, addr, al, para ? para : "", para ? pl : 0);
	if (r == NULL)
		return 0;
	r->has_hint = true;
	r->hint = BN_REASON_REJECTED;
	return 1;
}

const BnTextFormat bn_lhost_mailman = {"mailman", mailman_detect, NULL, NULL, NULL, mailman_scan};

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
