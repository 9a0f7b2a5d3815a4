/*
 * lhost_exim.c
 *		Exim's bounce (its default bounce_message_text and the
 *		"delivery errors" of deliver.c):
 *
 *	This message was created automatically by mail delivery software.
 *	A message that you sent could not be delivered to one or more of its
 *	recipients. This is a permanent error. The following address(es) failed:
 *	<blank>
 *	  rcpt@domain
 *	    host mx.domain [192.0.2.1]
 *	    SMTP error from remote mail server after RCPT TO:<rcpt@domain>:
 *	    550 5.1.1 User unknown
 *	<blank>
 *	------ This is a copy of the message, including all the headers. ------
 *
 * and its warning ("has not yet been delivered", delay_warning), local
 * failures ("Unrouteable address", "retry timeout exceeded", "all relevant
 * MX records point to non-existent hosts", "mailbox is full").  Exim adds
 * X-Failed-Recipients.  Exim-based services (MXLogic, cPanel hosts) keep it.
 */
#include "lhost.h"

#include <string.h>

static const char *const detect[] = {
	"this message was created automatically by mail delivery software",
	"could not be delivered to one or more of its recipients",
	"has not yet been delivered to all of its recipients",
	"mail delivery failed: returning message to sender",
	"the following address(es) failed",
	NULL
};
static const char *const start[] = {
	"address(es) failed", "following address failed",
	"following addresses failed", "delivery to the following recipient",
	"has not yet been delivered", "could not be delivered to one or more",
	NULL
};
static const char *const end[] = {
	"------ this is a copy of the message", "------ this is a copy of its",
	"--- the header of the original message",
	NULL
};

static bool
tune(BnMsgCtx *c, BnRecipient *r, const char *sec, size_t sec_len)
{
	const char *d = r->diagnostic;
	size_t		n;

	(void) c;

	/* the delay warning (delay_warning_condition) says "not yet" */
	r->action = bn_memcasestr(sec, sec_len, "has not yet been delivered") != NULL ||
		bn_memcasestr(sec, sec_len, "delay") != NULL ? "delayed" : "failed";
	if (d == NULL)
		return true;
	n = strlen(d);
	if (bn_memcasestr(d, n, "after initial connection") != NULL ||
		bn_memcasestr(d, n, "after connection") != NULL)
		r->command = "CONN";
	return true;
}

const BnTextFormat bn_lhost_exim = {"exim", detect, start, end, tune, NULL};
