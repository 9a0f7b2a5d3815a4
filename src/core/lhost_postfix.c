/*
 * lhost_postfix.c
 *		Postfix's bounce text (bounce(8), bounce_notify_util.c and the
 *		default bounce.cf templates) when it comes without the RFC 3464
 *		part, or with a broken one:
 *
 *	This is the mail system at host mx.example.com.
 *	I'm sorry to have to inform you that your message could not
 *	be delivered to one or more recipients. ...
 *	<blank>
 *	<rcpt@domain>: host mx.domain[192.0.2.1] said: 550 5.1.1 <rcpt@domain>:
 *	    Recipient address rejected: User unknown (in reply to RCPT TO command)
 *
 * Older releases begin "This is the Postfix program at host ...".
 * The command is "(in reply to RCPT TO command)", "(in reply to end of DATA
 * command)", "(in reply to MAIL FROM command)"; the host "host X[ip] said:";
 * local failures "connect to X[ip]:25: Connection refused", "Host or domain
 * name not found".
 */
#include "lhost.h"

static const char *const detect[] = {
	"this is the mail system at host", "this is the postfix program",
	"postfix program at host", NULL
};
static const char *const end[] = {
	"undelivered message", "--- delivery report unavailable ---", NULL
};

const BnTextFormat bn_lhost_postfix = {"postfix", detect, NULL, end, NULL, NULL};
