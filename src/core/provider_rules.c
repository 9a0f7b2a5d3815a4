/*
 * provider_rules.c
 *		Wording and status codes whose meaning depends on the mailbox
 *		provider that answered (recognised from the remote host or the
 *		recipient domain, provider.c).
 *
 * A provider rule applies only when the provider matches, and then outranks
 * any generic wording (BN_PRIO_PROVIDER is added): the provider's own
 * documented meaning is the best evidence there is.  Sources: the providers'
 * postmaster pages, summarised in the project's ESP survey, section 4.
 *
 * Plain C: no PostgreSQL headers.
 */
#include "patterns.h"

/* G names each group and its source (see patterns.c) */
#define P(prov, p, reason, prio) \
	{p, BN_REASON_##reason, prio, 0, BN_PROVIDER_##prov, 0, 0, 0, G}
#define PE(prov, p, reason, prio) \
	{p, BN_REASON_##reason, prio, BN_RULE_WORD_END, BN_PROVIDER_##prov, 0, 0, 0, G}
#define PS(prov, p, reason, prio, c, s, d) \
	{p, BN_REASON_##reason, prio, 0, BN_PROVIDER_##prov, BN_STATUS_PACK(c, s, d), 0, 0, G}

const BnRule bn_provider_rules[] = {
	/*
	 * Gmail: "Gmail SMTP errors and codes" (support.google.com/a/answer/
	 * 3726730) and the help-link keywords of its replies (NoSuchUser,
	 * DisabledUser, OverQuotaPerm/Temp, ReceivingRate, UnsolicitedMessage).
	 */
#define G "Gmail SMTP error reference"
	P(GOOGLE, "nosuchuser", USER_UNKNOWN, BN_PRIO_EXACT),
	P(GOOGLE, "disableduser", SUSPEND, BN_PRIO_EXACT),
	P(GOOGLE, "account that you tried to reach is disabled", SUSPEND, BN_PRIO_EXACT),
	P(GOOGLE, "account that you tried to reach is inactive", SUSPEND, BN_PRIO_EXACT),
	P(GOOGLE, "account that you tried to reach does not exist", USER_UNKNOWN, BN_PRIO_EXACT),
	/* over quota for good: Google says the account is abandoned */
	P(GOOGLE, "overquotaperm", SUSPEND, BN_PRIO_EXACT),
	P(GOOGLE, "overquotatemp", MAILBOX_FULL, BN_PRIO_EXACT),
	P(GOOGLE, "receivingrateperm", SPEEDING, BN_PRIO_EXACT),
	P(GOOGLE, "receivingratetemp", SPEEDING, BN_PRIO_EXACT),
	P(GOOGLE, "unsolicitedmessageerror", SPAM_DETECTED, BN_PRIO_EXACT),
	P(GOOGLE, "message size limits", MESG_TOO_BIG, BN_PRIO_STRONG),
	P(GOOGLE, "content presents a potential", POLICY_VIOLATION, BN_PRIO_STRONG),
	P(GOOGLE, "not in whitelist", POLICY_VIOLATION, BN_PRIO_STRONG),
	P(GOOGLE, "not in allowlist", POLICY_VIOLATION, BN_PRIO_STRONG),
#undef G

	/*
	 * Microsoft 365 / Exchange Online / Outlook.com: "Email non-delivery
	 * reports and SMTP errors in Exchange Online" (learn.microsoft.com) and
	 * the Outlook.com postmaster error list.
	 */
#define G "Microsoft 365 / Outlook.com NDR documentation"
	/* Directory-Based Edge Blocking: the address is not in the directory */
	PS(MICROSOFT, "access denied", USER_UNKNOWN, BN_PRIO_STRONG, 5, 4, 1),
	PS(MICROSOFT, "relay access denied", NO_RELAYING, BN_PRIO_EXACT, 5, 4, 1),
	/* consumer Outlook.com/Hotmail says this for an unknown address */
	P(MICROSOFT, "mailbox unavailable", USER_UNKNOWN, BN_PRIO_STRONG),
	P(MICROSOFT, "banned recipient", USER_UNKNOWN, BN_PRIO_STRONG),
	P(MICROSOFT, "banned sender", BLOCKED, BN_PRIO_STRONG),
	P(MICROSOFT, "rejected by recipient", BLOCKED, BN_PRIO_STRONG),
	P(MICROSOFT, "bad helo", BLOCKED, BN_PRIO_STRONG),
	P(MICROSOFT, "over ipv6", BLOCKED, BN_PRIO_MEDIUM),
	P(MICROSOFT, "spam abuse", BLOCKED, BN_PRIO_STRONG),
	P(MICROSOFT, "message receive limit", SPEEDING, BN_PRIO_EXACT),
#undef G

	/* Yahoo / AOL / Verizon: Yahoo Sender Hub "SMTP error codes" */
#define G "Yahoo/AOL Sender Hub SMTP error codes"
	P(YAHOO, "doesn't have a", USER_UNKNOWN, BN_PRIO_STRONG),
	P(YAHOO, "is no longer valid", USER_UNKNOWN, BN_PRIO_STRONG),
	P(YAHOO, "554.30", SUSPEND, BN_PRIO_EXACT),
	P(YAHOO, "this mailbox is disabled", SUSPEND, BN_PRIO_EXACT),
	P(YAHOO, "temporarily deferred", BAD_REPUTATION, BN_PRIO_MEDIUM),
	/* Sender Hub: "451 Message temporarily deferred due to unresolvable
	 * RFC.5321 from domain" -- the envelope sender's domain, not the IP */
	P(YAHOO, "unresolvable rfc.5321", REJECTED, BN_PRIO_STRONG),
	P(YAHOO, "permanently deferred", BLOCKED, BN_PRIO_STRONG),
#undef G

	/* Apple iCloud: "iCloud Mail postmaster information" */
#define G "Apple iCloud postmaster information"
	P(APPLE, "too many errors", BLOCKED, BN_PRIO_MEDIUM),
	P(APPLE, "inactive email address", SUSPEND, BN_PRIO_STRONG),
#undef G

	/* Comcast: "Comcast postmaster: error codes" */
#define G "Comcast postmaster error codes"
	P(COMCAST, "not our customer", USER_UNKNOWN, BN_PRIO_STRONG),
	P(COMCAST, "mailbox unallocated", USER_UNKNOWN, BN_PRIO_STRONG),
	P(COMCAST, "comcast block", BLOCKED, BN_PRIO_STRONG),
#undef G

	/* Orange / Wanadoo: the OFR_nnn tags of "postmaster.orange.fr" */
#define G "Orange/Wanadoo postmaster OFR codes"
	PE(ORANGE, "_416", USER_UNKNOWN, BN_PRIO_EXACT),
	PE(ORANGE, "_417", MAILBOX_FULL, BN_PRIO_EXACT),
	PE(ORANGE, "_420", SUSPEND, BN_PRIO_EXACT),
	PE(ORANGE, "_426", SUSPEND, BN_PRIO_EXACT),
	PE(ORANGE, "_101", BLOCKED, BN_PRIO_EXACT),
	PE(ORANGE, "_102", BLOCKED, BN_PRIO_EXACT),
	PE(ORANGE, "_103", BLOCKED, BN_PRIO_EXACT),
	PE(ORANGE, "_510", BLOCKED, BN_PRIO_EXACT),
	PE(ORANGE, "_999", BLOCKED, BN_PRIO_EXACT),
	PE(ORANGE, "_401", AUTH_FAILURE, BN_PRIO_EXACT),
	PE(ORANGE, "_517", AUTH_FAILURE, BN_PRIO_EXACT),
	PE(ORANGE, "_506", SPAM_DETECTED, BN_PRIO_EXACT),
	PE(ORANGE, "_514", MESG_TOO_BIG, BN_PRIO_EXACT),
	PE(ORANGE, "_630", POLICY_VIOLATION, BN_PRIO_EXACT),
#undef G

	/* GMX / web.de / mail.com: "GMX postmaster: SMTP error messages":
	 * "mailbox unavailable" is the unknown user */
#define G "GMX/WEB.DE postmaster SMTP errors"
	P(UNITED_INTERNET, "mailbox unavailable", USER_UNKNOWN, BN_PRIO_STRONG),
#undef G

	/* Yandex answers 5.7.1 for policy, also to an unknown address
	 * (Yandex Mail help, "Message rejected") */
#define G "Yandex Mail help"
	P(YANDEX, "policy rejection", POLICY_VIOLATION, BN_PRIO_STRONG),
	/* ... but "Policy rejection on the target address" is the recipient's
	 * account blocked for breaking the user agreement ("Report on
	 * non-delivery to Yandex") */
	P(YANDEX, "policy rejection on the target address", SUSPEND, BN_PRIO_EXACT),
	P(YANDEX, "policy rejection on target address", SUSPEND, BN_PRIO_EXACT),
#undef G

	/* QQ / Tencent Exmail help: "Mailbox unavailable or access denied"
	 * is a frozen or closed account; "Mailbox not found" an unknown one */
#define G "QQ/Tencent Exmail help"
	P(TENCENT, "mailbox unavailable or access denied", SUSPEND, BN_PRIO_EXACT),
	P(TENCENT, "mailbox not found or access denied", USER_UNKNOWN, BN_PRIO_EXACT),
#undef G

	/* NetEase (163.com, 126.com): the "企业退信" code list of its help
	 * centre: MI:SFQ and RP:* are rate limits, MI:SPF an SPF failure */
#define G "NetEase mail help centre bounce codes"
	P(NETEASE, "mi:sfq", SPEEDING, BN_PRIO_EXACT),
	P(NETEASE, "rp:trc", SPEEDING, BN_PRIO_EXACT),
	P(NETEASE, "rp:rcl", SPEEDING, BN_PRIO_EXACT),
	P(NETEASE, "mi:spf", AUTH_FAILURE, BN_PRIO_EXACT),
	P(NETEASE, "mi:dmc", AUTH_FAILURE, BN_PRIO_EXACT),
#undef G

	/* Mimecast: "Mimecast SMTP error codes" knowledge base */
#define G "Mimecast SMTP error codes"
	P(MIMECAST, "invalid recipient", USER_UNKNOWN, BN_PRIO_STRONG),
	P(MIMECAST, "sender invalid", AUTH_FAILURE, BN_PRIO_MEDIUM),
	/* "550 Envelope blocked - User Entry": the recipient's own blocked
	 * senders list (Mimecast: "blocked by an end user"), a recipient
	 * setting, not a block of the sending host */
	P(MIMECAST, "blocked - user entry", FILTERED, BN_PRIO_EXACT),
	/* "451 Internal resource temporarily unavailable": Mimecast's
	 * greylisting of an unknown sending server (retry within 1 min-12 h) */
	P(MIMECAST, "internal resource temporarily unavailable", GREYLISTED, BN_PRIO_STRONG),
	/* "451 Account service is temporarily unavailable": too many
	 * concurrent inbound connections for the account; "451 Account
	 * inbounds disabled": the account takes no inbound mail; "550
	 * Exceeding outbound thread limit"; "Rejected by header based manually
	 * Blocked Senders": a user's own block */
	P(MIMECAST, "account service is temporarily unavailable", TOO_MANY_CONN, BN_PRIO_STRONG),
	P(MIMECAST, "account inbounds disabled", NOT_ACCEPT, BN_PRIO_STRONG),
	P(MIMECAST, "thread limit", TOO_MANY_CONN, BN_PRIO_STRONG),
	P(MIMECAST, "manually blocked senders", FILTERED, BN_PRIO_EXACT),
#undef G
};

const size_t bn_provider_rule_count = sizeof(bn_provider_rules) / sizeof(bn_provider_rules[0]);

/* Provider-private enhanced status codes: ranges, inclusive. */
typedef struct ProviderStatus
{
	BnProvider	provider;
	BnStatus	lo;
	BnStatus	hi;
	BnReason	reason;
} ProviderStatus;

#define ST(c, s, d) BN_STATUS_PACK(c, s, d)

static const ProviderStatus provider_status[] = {
	/* Gmail redefines two registry codes ("Gmail SMTP errors and codes") */
	{BN_PROVIDER_GOOGLE, ST(5, 7, 27), ST(5, 7, 27), BN_REASON_AUTH_FAILURE},	/* SPF */
	{BN_PROVIDER_GOOGLE, ST(4, 7, 27), ST(4, 7, 27), BN_REASON_AUTH_FAILURE},
	{BN_PROVIDER_GOOGLE, ST(5, 7, 30), ST(5, 7, 30), BN_REASON_AUTH_FAILURE},	/* DKIM */
	{BN_PROVIDER_GOOGLE, ST(4, 7, 30), ST(4, 7, 30), BN_REASON_AUTH_FAILURE},
	{BN_PROVIDER_GOOGLE, ST(4, 7, 28), ST(4, 7, 28), BN_REASON_BAD_REPUTATION},
	{BN_PROVIDER_GOOGLE, ST(4, 7, 32), ST(4, 7, 32), BN_REASON_AUTH_FAILURE},

	/* Exchange Online: "Email non-delivery reports and SMTP errors in
	 * Exchange Online" (learn.microsoft.com) */
	{BN_PROVIDER_MICROSOFT, ST(5, 1, 10), ST(5, 1, 10), BN_REASON_USER_UNKNOWN},
	{BN_PROVIDER_MICROSOFT, ST(5, 2, 121), ST(5, 2, 122), BN_REASON_SPEEDING},
	{BN_PROVIDER_MICROSOFT, ST(5, 4, 1), ST(5, 4, 1), BN_REASON_USER_UNKNOWN},
	{BN_PROVIDER_MICROSOFT, ST(5, 4, 310), ST(5, 4, 310), BN_REASON_HOST_UNKNOWN},
	{BN_PROVIDER_MICROSOFT, ST(5, 4, 300), ST(5, 4, 300), BN_REASON_EXPIRED},
	{BN_PROVIDER_MICROSOFT, ST(5, 4, 312), ST(5, 4, 312), BN_REASON_NETWORK_ERROR},
	{BN_PROVIDER_MICROSOFT, ST(5, 4, 316), ST(5, 4, 316), BN_REASON_EXPIRED},
	{BN_PROVIDER_MICROSOFT, ST(5, 7, 501), ST(5, 7, 503), BN_REASON_BLOCKED},
	{BN_PROVIDER_MICROSOFT, ST(5, 7, 504), ST(5, 7, 505), BN_REASON_USER_UNKNOWN},
	{BN_PROVIDER_MICROSOFT, ST(5, 7, 506), ST(5, 7, 507), BN_REASON_BLOCKED},
	{BN_PROVIDER_MICROSOFT, ST(5, 7, 508), ST(5, 7, 508), BN_REASON_SPEEDING},
	{BN_PROVIDER_MICROSOFT, ST(5, 7, 509), ST(5, 7, 509), BN_REASON_AUTH_FAILURE},
	{BN_PROVIDER_MICROSOFT, ST(5, 7, 510), ST(5, 7, 511), BN_REASON_BLOCKED},
	{BN_PROVIDER_MICROSOFT, ST(5, 7, 512), ST(5, 7, 512), BN_REASON_NOT_COMPLIANT_RFC},
	{BN_PROVIDER_MICROSOFT, ST(5, 7, 513), ST(5, 7, 513), BN_REASON_BLOCKED},
	{BN_PROVIDER_MICROSOFT, ST(5, 7, 515), ST(5, 7, 515), BN_REASON_AUTH_FAILURE},
	{BN_PROVIDER_MICROSOFT, ST(5, 7, 64), ST(5, 7, 64), BN_REASON_NO_RELAYING},
	{BN_PROVIDER_MICROSOFT, ST(5, 7, 606), ST(5, 7, 649), BN_REASON_BLOCKED},
	{BN_PROVIDER_MICROSOFT, ST(5, 7, 705), ST(5, 7, 750), BN_REASON_BLOCKED},
	{BN_PROVIDER_MICROSOFT, ST(4, 7, 500), ST(4, 7, 649), BN_REASON_BLOCKED},
	{BN_PROVIDER_MICROSOFT, ST(4, 7, 650), ST(4, 7, 651), BN_REASON_BAD_REPUTATION},
	{BN_PROVIDER_MICROSOFT, ST(4, 7, 850), ST(4, 7, 899), BN_REASON_BLOCKED},
};

bool
bn_provider_status_meaning(BnStatus st, BnProvider provider,
						   BnReason *reason, int *prio)
{
	if (provider == BN_PROVIDER_UNKNOWN)
		return false;
	for (size_t i = 0; i < sizeof(provider_status) / sizeof(provider_status[0]); i++)
	{
		const ProviderStatus *ps = &provider_status[i];

		if (ps->provider == provider && st >= ps->lo && st <= ps->hi)
		{
			*reason = ps->reason;
			*prio = BN_PRIO_STATUS;
			return true;
		}
	}
	return false;
}
