/*
 * meaning.c
 *		The meanings of enhanced status codes (RFC 3463 and the IANA
 *		registry) and of basic reply codes (RFC 5321, RFC 7504), the two
 *		sources of meaning besides the wording (patterns.c).
 *
 * Plain C: no PostgreSQL headers, no allocation.
 */
#include "patterns.h"

/* ------------------------------------------------------------------------
 * Enhanced status codes: RFC 3463 and the IANA registry.
 * ------------------------------------------------------------------------
 */

static bool
set(BnReason *reason, int *prio, BnReason r, int p)
{
	*reason = r;
	*prio = p;
	return true;
}

bool
bn_status_meaning(BnStatus st, BnProvider provider, BnReason *reason, int *prio)
{
	int			cls,
				subj,
				det;
	const int	S = BN_PRIO_STATUS,
				W = BN_PRIO_STATUS_WEAK;

	if (!bn_status_valid(st))
		return false;
	if (bn_provider_status_meaning(st, provider, reason, prio))
		return true;

	cls = bn_status_class(st);
	subj = bn_status_subject(st);
	det = bn_status_detail(st);

	if (cls == 2)
		return set(reason, prio, BN_REASON_DELIVERED, S);

	switch (subj)
	{
		case 1:					/* addressing */
			switch (det)
			{
				case 0:
					return cls == 5 && set(reason, prio, BN_REASON_USER_UNKNOWN, W);
				case 1:
				case 3:
					return cls == 5 && set(reason, prio, BN_REASON_USER_UNKNOWN, S);
				case 2:
					return cls == 5 && set(reason, prio, BN_REASON_HOST_UNKNOWN, S);
				case 4:
					return set(reason, prio, BN_REASON_FILTERED, W);
				case 6:
					return set(reason, prio, BN_REASON_HAS_MOVED, S);
				case 7:
				case 8:
					return set(reason, prio, BN_REASON_REJECTED, S);
				case 9:
					return set(reason, prio, BN_REASON_SYSTEM_ERROR, W);
				case 10:
					return set(reason, prio, BN_REASON_NOT_ACCEPT, S);
			}
			return false;
		case 2:					/* mailbox status */
			switch (det)
			{
				case 0:
					return set(reason, prio, BN_REASON_FILTERED, W);
				case 1:
					return set(reason, prio,
							   cls == 5 ? BN_REASON_SUSPEND : BN_REASON_FILTERED, W);
				case 2:
					return set(reason, prio, BN_REASON_MAILBOX_FULL, S);
				case 3:
					return set(reason, prio, BN_REASON_EXCEED_LIMIT, S);
				case 4:
					return set(reason, prio, BN_REASON_FILTERED, W);
			}
			return false;
		case 3:					/* mail system status */
			switch (det)
			{
				case 0:
				case 3:
				case 5:
					return set(reason, prio, BN_REASON_SYSTEM_ERROR, W);
				case 1:
					return set(reason, prio, BN_REASON_SYSTEM_FULL, S);
				case 2:
					return set(reason, prio, BN_REASON_NOT_ACCEPT, S);
				case 4:
					return set(reason, prio, BN_REASON_MESG_TOO_BIG, S);
			}
			return false;
		case 4:					/* network and routing */
			switch (det)
			{
				case 0:
				case 1:
				case 2:
				case 6:
					return set(reason, prio, BN_REASON_NETWORK_ERROR, S);
				case 3:
					return set(reason, prio, BN_REASON_SYSTEM_ERROR, S);
				case 4:
					return set(reason, prio, cls == 5 ? BN_REASON_HOST_UNKNOWN
							   : BN_REASON_NETWORK_ERROR, S);
				case 5:
					return set(reason, prio, BN_REASON_SYSTEM_FULL, S);
				case 7:
					return set(reason, prio, BN_REASON_EXPIRED, S);
			}
			return false;
		case 5:					/* protocol */
			switch (det)
			{
				case 1:
				case 2:
				case 4:
				case 5:
				case 6:
					return set(reason, prio, BN_REASON_SYNTAX_ERROR, W);
				case 3:
					return set(reason, prio, BN_REASON_TOO_MANY_CONN, S);
			}
			return false;
		case 6:					/* content */
			if (det == 4)
				return false;	/* conversion with loss: a warning */
			if (det <= 10)
				return set(reason, prio, BN_REASON_CONTENT_ERROR, S);
			return set(reason, prio, BN_REASON_CONTENT_ERROR, W);
		case 7:					/* security or policy */
			switch (det)
			{
				case 0:
				case 1:
					return set(reason, prio, cls == 4 && det == 1 ?
							   BN_REASON_BLOCKED : BN_REASON_SECURITY_ERROR, W);
				case 10:		/* "Encryption Needed" (RFC 5248) */
				case 11:		/* "Encryption required for requested
								 * authentication mechanism" (RFC 4954) */
					return set(reason, prio, BN_REASON_FAILED_STARTTLS, S);
				case 13:
					return set(reason, prio, BN_REASON_SUSPEND, S);
				case 16:
					return set(reason, prio, BN_REASON_MESG_TOO_BIG, S);
				case 17:
				case 18:
					return set(reason, prio, BN_REASON_HAS_MOVED, S);
				case 20:
				case 21:
				case 22:
				case 23:
				case 24:
				case 26:
				case 29:
					return set(reason, prio, BN_REASON_AUTH_FAILURE, S);
				case 25:
					return set(reason, prio, BN_REASON_REQUIRE_PTR, S);
				case 27:
					return set(reason, prio, BN_REASON_NOT_ACCEPT, S);
				case 28:
					return set(reason, prio, BN_REASON_SPAM_DETECTED, S);
				default:
					if (det <= 30)
						return set(reason, prio, BN_REASON_SECURITY_ERROR, S);
					return set(reason, prio, BN_REASON_SECURITY_ERROR, W);
			}
	}
	return false;
}

/* ------------------------------------------------------------------------
 * Basic reply codes (RFC 5321, RFC 7504): the last fallback.
 * ------------------------------------------------------------------------
 */
bool
bn_reply_meaning(int code, BnReason *reason, int *prio)
{
	const int	P = BN_PRIO_REPLY;

	if (code >= 200 && code <= 299)
		return set(reason, prio, BN_REASON_DELIVERED, P);
	switch (code)
	{
		case 421:
		case 451:
			return set(reason, prio, BN_REASON_SYSTEM_ERROR, P);
		case 452:
			return set(reason, prio, BN_REASON_SYSTEM_FULL, P);
		case 500:
		case 501:
		case 502:
		case 503:
		case 504:
		case 555:
			return set(reason, prio, BN_REASON_SYNTAX_ERROR, P);
		case 521:
		case 556:
			return set(reason, prio, BN_REASON_NOT_ACCEPT, P);
		case 551:
			return set(reason, prio, BN_REASON_HAS_MOVED, P);
		case 552:
			return set(reason, prio, BN_REASON_MAILBOX_FULL, P);
		case 523:
		case 524:
		case 530:
		case 534:
		case 535:
		case 538:
			return set(reason, prio, BN_REASON_SECURITY_ERROR, P);
	}
	return false;
}
