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
 */
#include "lhost.h"

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
