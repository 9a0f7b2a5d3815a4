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
 */
#include "lhost.h"

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

const BnTextFormat bn_lhost_sendmail = {"sendmail", detect, start, end, NULL};
