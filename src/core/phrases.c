/*
 * phrases.c
 *		The generic wording about the recipient: the phrases any receiver
 *		may use, whatever its brand, in English, for an unknown address or
 *		domain, a moved, suspended or full mailbox, a message too big for
 *		it -- each with the reason it means, its priority, and its group:
 *		the reason and where the meaning comes from (an RFC, the IANA
 *		registry, an MTA's source, a provider's published error
 *		documentation).  The wording about the receiving system and the
 *		transaction, and the SMTP stage markers, are in phrases_transport.c,
 *		a refusal of the sender in phrases_refusal.c, what is no failure in
 *		phrases_outcome.c, replies documented word for word in
 *		phrases_documented.c, other languages in phrases_intl.c.  patterns.c builds the matcher
 *		over them.
 *
 * Plain C: no PostgreSQL headers; data only.
 */
#include "phrases.h"

const BnRule bn_generic_rules[] = {
	/*
	 * user_unknown.  RFC 3463 X.1.1 "Bad destination mailbox address" and
	 * RFC 5321's 550 "mailbox unavailable (e.g., mailbox not found)", in
	 * the words the MTAs' sources use: Postfix ("User unknown in local
	 * recipient table"), Exim ("Unknown user", "No Such User Here"),
	 * Sendmail ("User unknown"), qmail ("no mailbox here by that name"),
	 * Exchange ("RESOLVER.ADR.RecipNotFound"), Domino ("not listed in
	 * Domino Directory"), Courier, OpenSMTPD ("Invalid recipient"); the
	 * generic list of Sisimai's lib/Sisimai/Reason/UserUnknown.pm.
	 */
#define G "user_unknown: RFC 3463 X.1.1 wording (Postfix, Exim, Sendmail, qmail, Exchange)"
	R("user unknown", USER_UNKNOWN, STRONG),
	R("unknown user", USER_UNKNOWN, STRONG),
#undef G
	/* The NDR templates of Exchange and Microsoft 365 (the first sentence
	 * a sender stores): 2010-2013 "The e-mail address you entered couldn't
	 * be found", 2016/Microsoft 365 "<user> wasn't found at <domain>" */
#define G "user_unknown: Exchange / Microsoft 365 NDR templates"
	R("address you entered couldn't be found", USER_UNKNOWN, STRONG),
	R("wasn't found at", USER_UNKNOWN, MEDIUM),
#undef G
#define G "user_unknown: RFC 3463 X.1.1 wording (Postfix, Exim, Sendmail, qmail, Exchange)"
	R("no such user", USER_UNKNOWN, STRONG),
	R("no such local user", USER_UNKNOWN, STRONG),
	R("no such mailbox", USER_UNKNOWN, STRONG),
	R("no such recipient", USER_UNKNOWN, STRONG),
	R("no such account", USER_UNKNOWN, STRONG),
	R("no such address", USER_UNKNOWN, STRONG),
	R("no such person", USER_UNKNOWN, STRONG),
	R("no mailbox here", USER_UNKNOWN, STRONG),
	R("no mailbox by that name", USER_UNKNOWN, STRONG),
	R("no account by that name", USER_UNKNOWN, STRONG),
	R("unknown recipient", USER_UNKNOWN, STRONG),
	R("recipient unknown", USER_UNKNOWN, STRONG),
	R("unknown mailbox", USER_UNKNOWN, STRONG),
	R("mailbox unknown", USER_UNKNOWN, STRONG),
	R("unknown local part", USER_UNKNOWN, STRONG),
	R("unknown local-part", USER_UNKNOWN, STRONG),
	R("unknown email address", USER_UNKNOWN, STRONG),
	R("unknown e-mail address", USER_UNKNOWN, STRONG),
	R("addressee unknown", USER_UNKNOWN, STRONG),
	R("invalid recipient", USER_UNKNOWN, STRONG),
	/* Yahoo "554 delivery error: dd Not a valid recipient" */
	R("not a valid recipient", USER_UNKNOWN, STRONG),
	R("invalid mailbox", USER_UNKNOWN, STRONG),
	R("mailbox invalid", USER_UNKNOWN, STRONG),
	R("not a valid mailbox", USER_UNKNOWN, STRONG),
	R("not a valid user", USER_UNKNOWN, STRONG),
	R("not a known user", USER_UNKNOWN, STRONG),
	R("mailbox not found", USER_UNKNOWN, STRONG),
	R("mailbox does not exist", USER_UNKNOWN, STRONG),
	R("mailbox doesn't exist", USER_UNKNOWN, STRONG),
	R("mailbox is unavailable", USER_UNKNOWN, STRONG),
	R("address does not exist", USER_UNKNOWN, STRONG),
	R("address doesn't exist", USER_UNKNOWN, STRONG),
	R("user does not exist", USER_UNKNOWN, STRONG),
	R("user doesn't exist", USER_UNKNOWN, STRONG),
	R("user not exist", USER_UNKNOWN, STRONG),
	R("account does not exist", USER_UNKNOWN, STRONG),
	R("account doesn't exist", USER_UNKNOWN, STRONG),
	R("recipient does not exist", USER_UNKNOWN, STRONG),
	R("recipient doesn't exist", USER_UNKNOWN, STRONG),
	R("user not found", USER_UNKNOWN, STRONG),
	R("recipient not found", USER_UNKNOWN, STRONG),
#undef G
#define G "user_unknown: HCL Domino (\"not listed in Domino Directory\")"
	R("user not listed", USER_UNKNOWN, STRONG),
#undef G
#define G "user_unknown: RFC 3463 X.1.1 wording (Postfix, Exim, Sendmail, qmail, Exchange)"
#undef G
#define G "user_unknown: HCL Domino (\"not listed in Domino Directory\")"
	R("not listed in domino directory", USER_UNKNOWN, STRONG),
#undef G
#define G "user_unknown: RFC 3463 X.1.1 wording (Postfix, Exim, Sendmail, qmail, Exchange)"
	R("unknown or illegal", USER_UNKNOWN, STRONG),
	R("illegal alias", USER_UNKNOWN, STRONG),
	R("non-existent user", USER_UNKNOWN, STRONG),
	R("nonexistent user", USER_UNKNOWN, STRONG),
	R("bad destination mailbox address", USER_UNKNOWN, EXACT),
	R("recipnotfound", USER_UNKNOWN, EXACT),
	R("recipientnotfound", USER_UNKNOWN, EXACT),
	R("nosuchuser", USER_UNKNOWN, EXACT),
	R("address not found", USER_UNKNOWN, MEDIUM),
	R("invalid address", USER_UNKNOWN, MEDIUM),
	R("mailbox unavailable", USER_UNKNOWN, MEDIUM),
	R("no longer valid", USER_UNKNOWN, MEDIUM),
	R("does not exist", USER_UNKNOWN, MEDIUM - 5),
	R("doesn't exist", USER_UNKNOWN, MEDIUM - 5),
	/*
	 * Postfix's "Recipient address rejected: <cause>" and Cisco AsyncOS's
	 * "#5.1.0 Address rejected": the recipient was refused; any named cause
	 * (greylisted, domain not found, ...) is stronger.
	 */
	R("recipient address rejected", USER_UNKNOWN, WEAK),
	R("address rejected", USER_UNKNOWN, WEAK - 3),
	R("recipient is invalid", USER_UNKNOWN, MEDIUM),
	R("recipient address is invalid", USER_UNKNOWN, MEDIUM),
#undef G
#define G "user_unknown: Amazon SES suppression list (history of bouncing as invalid)"
	R("bouncing as an invalid address", USER_UNKNOWN, STRONG),
#undef G
#define G "user_unknown: RFC 3463 X.1.1 wording (Postfix, Exim, Sendmail, qmail, Exchange)"
	/* Haraka's rcpt_to.in_host_list refusal (Haraka plugin docs) */
#undef G
#define G "user_unknown: Haraka rcpt_to.in_host_list"
	R("i cannot deliver mail for", USER_UNKNOWN, MEDIUM),
#undef G
#define G "user_unknown: RFC 3463 X.1.1 wording (Postfix, Exim, Sendmail, qmail, Exchange)"
	R("recipient rejected", USER_UNKNOWN, WEAK - 3),
#undef G
	/* Microsoft 365 NDR 5.4.1 (Directory-Based Edge Blocking) */
#define G "user_unknown: Microsoft 365 NDR 5.4.1 (DBEB) wording"
	R("recipient address rejected: access denied", USER_UNKNOWN, STRONG),
#undef G
	/* Gmail's documented 5.1.1 / 5.1.3 texts ("Gmail SMTP errors" help) */
#define G "user_unknown: Gmail SMTP error reference"
	R("email account that you tried to reach does not exist", USER_UNKNOWN, EXACT),
	R("valid rfc-5321 address", USER_UNKNOWN, STRONG),
#undef G
	/* Yahoo/AOL "554 delivery error: dd This user doesn't have a yahoo.com
	 * account" (Yahoo Sender Hub SMTP error codes); Comcast "Not our
	 * Customer" (Comcast postmaster error codes) */
#define G "user_unknown: Yahoo/AOL and Comcast error codes"
	R("user doesn't have a", USER_UNKNOWN, STRONG),
	R("user does not have a", USER_UNKNOWN, STRONG),
	R("not our customer", USER_UNKNOWN, MEDIUM),
#undef G
	/*
	 * PowerMTA's bounce categories (PowerMTA User's Guide, "bounce
	 * categories"), as its accounting files and relays report them.
	 */
#define G "PowerMTA bounce categories (User's Guide)"
	RW("bad-mailbox", USER_UNKNOWN, EXACT),
	RW("bad-domain", HOST_UNKNOWN, EXACT),
	RW("inactive-mailbox", SUSPEND, EXACT),
	RW("quota-issues", MAILBOX_FULL, EXACT),
	RW("message-expired", EXPIRED, EXACT),
	RW("no-answer-from-host", NETWORK_ERROR, EXACT),
	RW("bad-connection", NETWORK_ERROR, EXACT),
	RW("routing-errors", NETWORK_ERROR, EXACT),
	RW("relaying-issues", NO_RELAYING, EXACT),
	RW("invalid-sender", REJECTED, EXACT),
	RW("spam-related", SPAM_DETECTED, EXACT),
	RW("virus-related", VIRUS_DETECTED, EXACT),
	RW("policy-related", POLICY_VIOLATION, EXACT),
	RW("content-related", CONTENT_ERROR, EXACT),
#undef G

	/*
	 * host_unknown: RFC 3463 X.1.2 "Bad destination system address" and
	 * X.4.4 "Unable to route"; DNS NXDOMAIN (RFC 1035 RCODE 3, "Name Error",
	 * getaddrinfo's EAI_NONAME "Name or service not known"), and a domain
	 * with no MX and no address: Postfix ("Host or domain name not found",
	 * "Domain not found"), Exim ("Unrouteable address", "all relevant MX
	 * records point to non-existent hosts"), Sendmail ("Host unknown"),
	 * qmail ("I couldn't find any host named", "couldn't find a mail
	 * exchanger or IP address (#5.4.4)"), Microsoft 365 NDR 5.4.310 ("DNS
	 * domain does not exist").
	 */
#define G "host_unknown: RFC 3463 X.1.2/X.4.4, DNS NXDOMAIN (Postfix, Exim, Sendmail, qmail, Exchange)"
	R("host unknown", HOST_UNKNOWN, STRONG),
	R("unknown host", HOST_UNKNOWN, STRONG),
	R("host not found", HOST_UNKNOWN, STRONG),
	R("domain not found", HOST_UNKNOWN, STRONG),
	R("domain name not found", HOST_UNKNOWN, STRONG),
	R("unknown domain", HOST_UNKNOWN, STRONG),
	R("no such domain", HOST_UNKNOWN, STRONG),
	R("domain does not exist", HOST_UNKNOWN, STRONG),
	R("domain doesn't exist", HOST_UNKNOWN, STRONG),
	R("non-existent domain", HOST_UNKNOWN, STRONG),
	R("nonexistent domain", HOST_UNKNOWN, STRONG),
	R("non-existent host", HOST_UNKNOWN, STRONG),
	R("incorrect domain", HOST_UNKNOWN, STRONG),
	R("couldn't find any host", HOST_UNKNOWN, EXACT),
	R("could not find any host", HOST_UNKNOWN, EXACT),
	R("point to non-existent hosts", HOST_UNKNOWN, EXACT),
	/* Exim under cPanel, listed in Sisimai's HostUnknown.pm */
#undef G
#define G "host_unknown: Exim under cPanel (Sisimai HostUnknown.pm)"
	R("account or domain may not exist", HOST_UNKNOWN, EXACT),
#undef G
#define G "host_unknown: RFC 3463 X.1.2/X.4.4, DNS NXDOMAIN (Postfix, Exim, Sendmail, qmail, Exchange)"
	R("host address lookups failed permanently", HOST_UNKNOWN, EXACT),
	R("bad destination system address", HOST_UNKNOWN, EXACT),
	RW("nxdomain", HOST_UNKNOWN, STRONG),
	R("name or service not known", HOST_UNKNOWN, MEDIUM),
	R("unrouteable address", HOST_UNKNOWN, MEDIUM),
	R("unroutable address", HOST_UNKNOWN, MEDIUM),
	R("unable to route", HOST_UNKNOWN, MEDIUM),
#undef G
	/* Domino's router: "No route found to domain <d> from server <s>"
	 * (RFC 3463 X.4.4, unable to route) */
#define G "host_unknown: Domino router 'No route found to domain'"
	R("no route found to domain", HOST_UNKNOWN, MEDIUM),
#undef G
#define G "host_unknown: RFC 3463 X.1.2/X.4.4, DNS NXDOMAIN (Postfix, Exim, Sendmail, qmail, Exchange)"
	R("invalid domain", HOST_UNKNOWN, MEDIUM),
	R("domain is not reachable", HOST_UNKNOWN, MEDIUM),
	ANCHOR("host", ANCHOR_HOST),
	AFTER(ANCHOR_HOST, 48, "not found", HOST_UNKNOWN, WEAK + 5),
#undef G
	/*
	 * "Domain <name> does not exist" with the name in between: Microsoft
	 * 365 NDR 5.4.310 ("DNS domain <name> does not exist"), and the same
	 * sentence in the localised NDRs and providers' help pages ("Le
	 * domaine <...> n'existe pas", "Domain <...> existiert nicht", "El
	 * dominio <...> no existe", "Il dominio <...> non esiste").  It beats
	 * the bare "does not exist" (user_unknown) and loses to any named
	 * sender cause ("Domain of sender address", "sender domain").
	 */
#define G "host_unknown: \"domain <name> does not exist\" (Microsoft 5.4.310, localised NDRs)"
	ANCHOR("domain", ANCHOR_DOMAIN),
	ANCHOR("dominio", ANCHOR_DOMAIN),
	AFTER(ANCHOR_DOMAIN, 48, "does not exist", HOST_UNKNOWN, MEDIUM),
	AFTER(ANCHOR_DOMAIN, 48, "doesn't exist", HOST_UNKNOWN, MEDIUM),
	AFTER(ANCHOR_DOMAIN, 48, "existe pas", HOST_UNKNOWN, MEDIUM),
	AFTER(ANCHOR_DOMAIN, 48, "existiert nicht", HOST_UNKNOWN, MEDIUM),
	AFTER(ANCHOR_DOMAIN, 48, "no existe", HOST_UNKNOWN, MEDIUM),
	AFTER(ANCHOR_DOMAIN, 48, "non esiste", HOST_UNKNOWN, MEDIUM),
#undef G

	/* ESP webhook texts.  Mailgun "Not delivering to previously bounced
	 * address" (a suppression after a hard bounce, as SES's suppression
	 * list above); Mailjet's bounce event "error" values "user unknown",
	 * "mailbox inactive", "quota exceeded", "no mail host" (Mailjet event
	 * API); Mandrill's "bounce_description" values "bad_mailbox",
	 * "invalid_domain", "mailbox_full" (Mandrill webhook format) */
#define G "ESP webhook texts (Mailgun suppression, Mailjet error, Mandrill bounce_description)"
	R("previously bounced address", USER_UNKNOWN, STRONG),
	R("mailbox inactive", SUSPEND, STRONG),
	R("no mail host", HOST_UNKNOWN, STRONG),
	RW("bad_mailbox", USER_UNKNOWN, EXACT),
	RW("invalid_domain", HOST_UNKNOWN, EXACT),
	RW("mailbox_full", MAILBOX_FULL, EXACT),
#undef G
	/* SendGrid's "dropped" event reasons: "Bounced Address" (an address
	 * that bounced before), "Invalid Email Address" / Postmark's
	 * BadEmailAddress "Invalid email address" (SendGrid event webhook and
	 * Postmark bounce-type documentation) */
#define G "ESP event texts (SendGrid drop reasons, Postmark bounce types)"
	R("bounced address", USER_UNKNOWN, MEDIUM),
	R("invalid email address", USER_UNKNOWN, MEDIUM),
#undef G
	/* Amazon SES bounce notifications' bounceSubType names, as event
	 * tables store them ("Permanent/NoEmail", "Transient/MailboxFull"):
	 * NoEmail, MailboxFull, MessageTooLarge, ContentRejected,
	 * AttachmentRejected (SES notification contents documentation) */
#define G "Amazon SES bounceSubType names (SES notification contents)"
	RW("noemail", USER_UNKNOWN, MEDIUM),
	RW("mailboxfull", MAILBOX_FULL, MEDIUM),
	RW("messagetoolarge", MESG_TOO_BIG, MEDIUM),
	RW("contentrejected", CONTENT_ERROR, MEDIUM),
	RW("attachmentrejected", CONTENT_ERROR, MEDIUM),
#undef G
	/* Mailgun's, Haraka outbound's "No MX for <domain>" and OpenSMTPD's
	 * "No MX found for domain": the domain names no mail server (RFC 5321
	 * section 5.1) -- the name lookup answered, unlike a DNS failure */
#define G "host_unknown: no MX for the domain (Mailgun, Haraka outbound, OpenSMTPD)"
	R("no mx for", HOST_UNKNOWN, MEDIUM),
	R("no mx found", HOST_UNKNOWN, MEDIUM),
#undef G

	/*
	 * has_moved: RFC 3463 X.1.6 "Destination mailbox has moved, no
	 * forwarding address"; RFC 5321 551 "User not local; please try
	 * <forward-path>"; RFC 7293 (RRVS) X.7.17 "Mailbox owner has changed".
	 */
#define G "has_moved: RFC 3463 X.1.6, RFC 5321 551, RFC 7293"
	R("mailbox has moved", HAS_MOVED, STRONG),
	R("recipient has moved", HAS_MOVED, STRONG),
	R("address has moved", HAS_MOVED, STRONG),
	R("no forwarding address", HAS_MOVED, STRONG),
	/* Postmark bounce type AddressChange: "The recipient has requested an
	 * address change" */
	R("requested an address change", HAS_MOVED, STRONG),
	R("owner has changed", HAS_MOVED, STRONG),
	R("user not local", HAS_MOVED, MEDIUM),
	R("has moved", HAS_MOVED, MEDIUM),
#undef G

	/*
	 * not_accept: RFC 7505 null MX (556 5.1.10 "Recipient address has null
	 * MX"; Postfix "does not accept mail (nullMX)"; Exim "an MX or SRV
	 * record indicated no SMTP service"); RFC 3463 X.3.2 "System not
	 * accepting network messages".
	 */
#define G "not_accept: RFC 7505 null MX, RFC 3463 X.3.2 (Postfix, Exim)"
	R("does not accept mail", NOT_ACCEPT, EXACT),
	R("doesn't accept mail", NOT_ACCEPT, EXACT),
	R("accepts no mail", NOT_ACCEPT, EXACT),
	R("null mx", NOT_ACCEPT, EXACT),
	R("nullmx", NOT_ACCEPT, EXACT),
	R("indicated no smtp service", NOT_ACCEPT, EXACT),
	/*
	 * A domain that exists but publishes neither MX nor address records
	 * cannot receive mail (RFC 5321 section 5.1): qmail's "I couldn't find
	 * a mail exchanger or IP address (#5.4.4)", "no MX or A record".
	 */
	R("couldn't find a mail exchanger", NOT_ACCEPT, STRONG),
	R("could not find a mail exchanger", NOT_ACCEPT, STRONG),
	R("no mx or a record", NOT_ACCEPT, STRONG),
	R("no mx, a or aaaa", NOT_ACCEPT, STRONG),
	R("no mx record", NOT_ACCEPT, MEDIUM),
	R("not accepting network messages", NOT_ACCEPT, STRONG),
#undef G

	/*
	 * suspend: the mailbox exists but is disabled.  RFC 3463 X.2.1
	 * "Mailbox disabled, not accepting messages"; Gmail ("The email account
	 * that you tried to reach is disabled", "DisabledUser"); Yahoo ("This
	 * mailbox is disabled (554.30)"); Apple iCloud ("inactive email
	 * address"); NetEase ("User suspended"); QQ/Tencent; vpopmail's
	 * "account is locked"; Sisimai's lib/Sisimai/Reason/Suspend.pm.
	 */
#define G "suspend: RFC 3463 X.2.1 wording (Gmail, Yahoo, iCloud, NetEase)"
	R("account disabled", SUSPEND, STRONG),
	/* Mail.ru "invalid mailbox. Local mailbox <a> is unavailable: account
	 * is disabled / user is terminated": the cause named after the
	 * generic "invalid mailbox" decides */
	R("account is disabled", SUSPEND, STRONG + 5),
	R("user is terminated", SUSPEND, STRONG + 5),
	R("account has been disabled", SUSPEND, STRONG),
	R("address has been disabled", SUSPEND, STRONG),
	R("mailbox disabled", SUSPEND, STRONG),
	R("mailbox is disabled", SUSPEND, STRONG),
	R("mailbox has been disabled", SUSPEND, STRONG),
	R("disabled recipient", SUSPEND, STRONG),
	R("disableduser", SUSPEND, EXACT),
	R("account that you tried to reach is disabled", SUSPEND, EXACT),
	R("account is inactive", SUSPEND, STRONG),
	R("mailbox is inactive", SUSPEND, STRONG),
	R("inactive account", SUSPEND, STRONG),
	R("inactive mailbox", SUSPEND, STRONG),
	R("inactive user", SUSPEND, STRONG),
	R("inactive email address", SUSPEND, STRONG),
	R("no longer active", SUSPEND, STRONG),
	R("account is locked", SUSPEND, STRONG),
#undef G
	/* QQ/Tencent and Coremail: a frozen account or mailbox ("Mailbox is
	 * frozen"; 已冻结 below).  Not a bare "frozen": Exim's "Message is
	 * frozen" is a queue state. */
#define G "suspend: QQ/Tencent, Coremail frozen accounts"
	R("mailbox is frozen", SUSPEND, STRONG),
	R("account is frozen", SUSPEND, STRONG),
	R("account frozen", SUSPEND, STRONG),
	R("mailbox frozen", SUSPEND, STRONG),
#undef G
#define G "suspend: RFC 3463 X.2.1 wording (Gmail, Yahoo, iCloud, NetEase)"
	R("account has been suspended", SUSPEND, STRONG),
	R("account closed", SUSPEND, STRONG),
	R("account has been closed", SUSPEND, STRONG),
	R("account has expired", SUSPEND, STRONG),
	R("account expired", SUSPEND, STRONG),
	R("deactivated mailbox", SUSPEND, STRONG),
	R("mailbox has been deactivated", SUSPEND, STRONG),
	R("due to inactivity", SUSPEND, STRONG),
	R("overquotaperm", SUSPEND, EXACT),
	R("is disabled", SUSPEND, MEDIUM),
	R("is inactive", SUSPEND, MEDIUM),
	RW("locked", SUSPEND, MEDIUM),
	/*
	 * Not a bare "suspended": Postfix defers with "delivery temporarily
	 * suspended: <the real cause>", which must not read as a dead mailbox.
	 */
	R("mailbox suspended", SUSPEND, MEDIUM),
	R("mailbox is suspended", SUSPEND, MEDIUM),
	R("mailbox currently suspended", SUSPEND, MEDIUM),
	R("account suspended", SUSPEND, MEDIUM),
	R("account is suspended", SUSPEND, MEDIUM),
	R("user suspended", SUSPEND, MEDIUM),
	R("recipient suspended", SUSPEND, MEDIUM),
	R("address suspended", SUSPEND, MEDIUM),
	R("has been suspended", SUSPEND, MEDIUM),
	RW("deactivated", SUSPEND, MEDIUM),
	RW("discontinued", SUSPEND, MEDIUM),
#undef G

	/*
	 * mailbox_full: RFC 3463 X.2.2 "Mailbox full"; RFC 5321 552 "exceeded
	 * storage allocation"; Gmail "OverQuotaTemp" and "The email account
	 * that you tried to reach is over quota"; Exim/Dovecot/Courier/vpopmail
	 * quota texts.
	 */
#define G "mailbox_full: RFC 3463 X.2.2, RFC 5321 552 (Gmail, Exim, Dovecot, Courier)"
	R("mailbox full", MAILBOX_FULL, STRONG),
#undef G
	/* Exchange's store driver: "STOREDRV.Deliver.Exception:
	 * QuotaExceededException", "MapiExceptionQuotaExceeded" (Microsoft
	 * NDR 5.2.2 documentation), written without blanks */
#define G "mailbox_full: Exchange STOREDRV QuotaExceeded exceptions"
	R("quotaexceeded", MAILBOX_FULL, STRONG),
#undef G
#define G "mailbox_full: RFC 3463 X.2.2, RFC 5321 552 (Gmail, Exim, Dovecot, Courier)"
	R("mailbox is full", MAILBOX_FULL, STRONG),
	R("mailbox was full", MAILBOX_FULL, STRONG),
	R("inbox is full", MAILBOX_FULL, STRONG),
	R("inbox full", MAILBOX_FULL, STRONG),
	R("folder is full", MAILBOX_FULL, STRONG),
	R("mailbox size limit", MAILBOX_FULL, STRONG + 5),
	R("over quota", MAILBOX_FULL, STRONG),
	R("overquota", MAILBOX_FULL, STRONG),
	R("over the quota", MAILBOX_FULL, STRONG),
	R("over its quota", MAILBOX_FULL, STRONG),
	R("quota exceed", MAILBOX_FULL, STRONG),
	R("exceeded quota", MAILBOX_FULL, STRONG),
	R("exceeded its quota", MAILBOX_FULL, STRONG),
	R("exceeded their quota", MAILBOX_FULL, STRONG),
	R("exceeds quota", MAILBOX_FULL, STRONG),
	R("disk quota", MAILBOX_FULL, STRONG),
	R("storage quota", MAILBOX_FULL, STRONG),
	R("mailbox quota", MAILBOX_FULL, STRONG),
	R("out of storage", MAILBOX_FULL, STRONG),
	R("exceeded storage allocation", MAILBOX_FULL, STRONG),
#undef G
	/* vpopmail's vdelivermail "user is over quota" / "mailfolder is over
	 * the allowed quota", and "Quota limit exceeded" (Dovecot/Cyrus
	 * front-ends, hosting providers' help pages) */
#define G "mailbox_full: vpopmail, Dovecot/Cyrus quota wording"
	R("over the allowed quota", MAILBOX_FULL, STRONG),
	R("quota limit exceeded", MAILBOX_FULL, STRONG),
#undef G
#define G "mailbox_full: RFC 3463 X.2.2, RFC 5321 552 (Gmail, Exim, Dovecot, Courier)"
	R("overquotatemp", MAILBOX_FULL, EXACT),
#undef G

	/* mesg_too_big, exceed_limit: RFC 3463 X.3.4 "Message too big for
	 * system", X.2.3 "Message length exceeds administrative limit" */
#define G "mesg_too_big/exceed_limit: RFC 3463 X.3.4, X.2.3"
	R("message too big", MESG_TOO_BIG, MEDIUM + 5),
	R("message is too big", MESG_TOO_BIG, MEDIUM + 5),
	R("message too large", MESG_TOO_BIG, MEDIUM + 5),
	R("message is too large", MESG_TOO_BIG, MEDIUM + 5),
#undef G
	/* Microsoft 365 NDR: "Your message couldn't be delivered because it's
	 * too large"; Mailman's hold/reject reason "Message body is too big" */
#define G "mesg_too_big: Microsoft 365 NDR, Mailman max_message_size"
	R("because it's too large", MESG_TOO_BIG, MEDIUM + 5),
	R("body is too big", MESG_TOO_BIG, MEDIUM + 5),
#undef G
#define G "mesg_too_big/exceed_limit: RFC 3463 X.3.4, X.2.3"
	R("message size exceeds", MESG_TOO_BIG, MEDIUM + 5),
	R("maximum message size", MESG_TOO_BIG, MEDIUM + 5),
	R("size limit", MESG_TOO_BIG, MEDIUM + 5),
	R("exceeds administrative limit", EXCEED_LIMIT, STRONG),
	R("administrative limit", EXCEED_LIMIT, MEDIUM),
#undef G
};

const size_t bn_generic_rule_count = sizeof(bn_generic_rules) / sizeof(bn_generic_rules[0]);
