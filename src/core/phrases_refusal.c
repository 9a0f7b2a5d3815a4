/*
 * phrases_refusal.c
 *		The generic English wording of a refusal of the sender or its
 *		message: blocks and reputation, spam and viruses, policies,
 *		authentication, refused senders and relaying, reverse DNS, RFC
 *		compliance, content and TLS.  Same rules as phrases.c (see
 *		phrases.h); added to the matcher after phrases_transport.c.
 *
 * Plain C: no PostgreSQL headers; data only.
 */
#include "phrases.h"

const BnRule bn_refusal_rules[] = {
	/*
	 * blocked: the sending IP or host is listed or refused.  DNSBL names
	 * (Spamhaus, SpamCop, CBL/abuseat, Barracuda "BRBL", SORBS); Postfix
	 * "Client host rejected", "blocked using <list>", "Helo command
	 * rejected"; qmail-remote "Sorry, I wasn't able to ... my name was
	 * rejected", "refused to talk to me"; Proofpoint "ipcheck.proofpoint.com";
	 * Trend Micro "Email Reputation Services" (ers.trendmicro.com);
	 * T-Online "tosa@rx.t-online.de"; Yahoo [TS03], [BL21]-[BL23];
	 * Sisimai's lib/Sisimai/Reason/Blocked.pm.
	 */
#define G "blocked: DNSBLs, Postfix/qmail, Proofpoint, Trend Micro, Barracuda, T-Online, Yahoo"
	R("blocked using", BLOCKED, EXACT),
	R("spamhaus", BLOCKED, EXACT),
	R("spamcop", BLOCKED, EXACT),
	R("abuseat", BLOCKED, EXACT),
	R("barracudacentral", BLOCKED, EXACT),
	R("barracuda reputation", BLOCKED, EXACT),
	R("ipcheck.proofpoint.com", BLOCKED, EXACT),
	R("ers.trendmicro.com", BLOCKED, EXACT),
	R("email reputation service", BLOCKED, EXACT),
	R("rx.t-online.de", BLOCKED, EXACT),
	RW("sorbs", BLOCKED, EXACT),
	R("dnsbl", BLOCKED, EXACT),
	RW("rbl", BLOCKED, STRONG),
	R("blacklist", BLOCKED, STRONG),
#undef G
	/* the sending host named as a source of spam: SparkPost bounce class
	 * 50 "Mail Block ... a known spam source", DNSBL texts ("listed as a
	 * spam source"): the sender is blocked, whatever "spam" says */
#define G "blocked: a known spam source (SparkPost bounce class 50, DNSBLs)"
	R("spam source", BLOCKED, MEDIUM + 10),
#undef G
#define G "blocked: DNSBLs, Postfix/qmail, Proofpoint, Trend Micro, Barracuda, T-Online, Yahoo"
	R("black list", BLOCKED, STRONG),
	R("blocklist", BLOCKED, STRONG),
	R("block list", BLOCKED, STRONG),
	R("denylist", BLOCKED, STRONG),
	R("banned sending ip", BLOCKED, EXACT),
	/* Microsoft 365 NDR 5.7.511 "Access denied, banned sender" and 5.7.708
	 * "Access denied, traffic not accepted from this IP" (Exchange Online
	 * NDR reference): the sending host is refused, whoever the provider */
	R("banned sender", BLOCKED, STRONG),
	R("not accepted from this ip", BLOCKED, MEDIUM),
	/* Yahoo Sender Hub "[TSS11] Excessive unknown recipients - possible
	 * Open Relay": a deferral of the sending host for its behaviour, not
	 * an unknown address */
	R("excessive unknown recipients", BLOCKED, EXACT),
	R("blocked for abuse", BLOCKED, STRONG),
	R("envelope blocked", BLOCKED, STRONG),
	R("open relay", BLOCKED, STRONG),
	R("dynamic ip", BLOCKED, STRONG),
	R("dynamic address", BLOCKED, STRONG),
	R("dialup", BLOCKED, STRONG),
	R("dial-up", BLOCKED, STRONG),
	R("smtp server of your isp", BLOCKED, STRONG),
	R("my name was rejected", BLOCKED, STRONG),
	R("helo command rejected", BLOCKED, STRONG),
	R("refused to talk to me", BLOCKED, MEDIUM),
	R("not accepting connections", BLOCKED, MEDIUM),
	R("no smtp service here", BLOCKED, MEDIUM),
	R("client host rejected", BLOCKED, MEDIUM),
	R("listed at", BLOCKED, MEDIUM),
	R("listed in", BLOCKED, MEDIUM),
	R("listed on", BLOCKED, MEDIUM),
	R("is listed", BLOCKED, MEDIUM),
	R("blocked by", BLOCKED, MEDIUM),
	R("sender blocked", BLOCKED, MEDIUM),
	/* the receiver takes mail only from listed hosts: "IP not in
	 * whitelist for RCPT domain" (a gateway's allow-list refusal) */
	R("not in whitelist", BLOCKED, STRONG),
	R("not in the whitelist", BLOCKED, STRONG),
	R("not in allowlist", BLOCKED, STRONG),
	R("not in the allowlist", BLOCKED, STRONG),
	RW("blocked", BLOCKED, WEAK),
	/* Cisco AsyncOS's reputation refusal "554 Message refused" */
	R("message refused", BLOCKED, WEAK),
	/* Orange: "Service refuse. Veuillez essayer plus tard" (OFR_999) */
	R("service refus", BLOCKED, MEDIUM),
	R("access denied", BLOCKED, HINT),
	R("[ts03]", BLOCKED, EXACT),
	R("[bl21]", BLOCKED, EXACT),
	R("[bl22]", BLOCKED, EXACT),
	R("[bl23]", BLOCKED, EXACT),
	/* Yahoo "[TSS09] All messages from <IP> will be permanently deferred"
	 * (Yahoo Sender Hub SMTP error codes) */
	R("[tss09]", BLOCKED, EXACT),
#undef G
	/* Yandex "Blocked by spam statistics" (Yandex Mail help, "The message
	 * looks like spam": the sending server is blocked for a day because of
	 * the spam it sent) -- the sender is blocked, whatever "spam" says */
#define G "blocked: Yandex spam statistics"
	R("spam statistics", BLOCKED, EXACT),
#undef G
	/* Comcast's documented SMTP error codes (postmaster.comcast.net):
	 * BLxxxxxx refuse the sending IP (block lists, its spam history: the
	 * sender is blocked, whatever "spam" says), RLxxxxxx throttle it */
#define G "blocked/speeding: Comcast BL and RL error codes"
	R("comcast bl0", BLOCKED, EXACT),
	R("comcast rl0", SPEEDING, EXACT),
#undef G

	/* spam_detected: the content was judged spam (Gmail
	 * "UnsolicitedMessageError", NetEase "DT:SPM", SpamAssassin, Sisimai's
	 * SpamDetected.pm) */
#define G "spam_detected: Gmail, NetEase DT:SPM, SpamAssassin wording"
	R("spam", SPAM_DETECTED, MEDIUM + 5),
	RW("ube", SPAM_DETECTED, MEDIUM + 5),
	R("unsolicited", SPAM_DETECTED, MEDIUM + 5),
	R("phishing", SPAM_DETECTED, MEDIUM + 5),
	R("bulk mail", SPAM_DETECTED, MEDIUM),
	R("message content rejected", SPAM_DETECTED, STRONG),
	R("content rejected", SPAM_DETECTED, MEDIUM),
	R("dt:spm", SPAM_DETECTED, EXACT),
#undef G

	/* virus_detected (ClamAV "FOUND", "virus", "malware") */
#define G "virus_detected: virus scanners' wording"
	R("virus", VIRUS_DETECTED, STRONG + 5),
	R("malware", VIRUS_DETECTED, STRONG + 5),
	RW("trojan", VIRUS_DETECTED, STRONG + 5),
	R("infected", VIRUS_DETECTED, MEDIUM),
#undef G
	/* security gateways (Microsoft Defender "malicious attachment", Sophos,
	 * FortiMail, Mimecast attachment protection): a malicious attachment
	 * is the scanner's verdict, whatever "blocked" says */
#define G "virus_detected: gateways' \"malicious attachment\" (Microsoft, Sophos, FortiMail, Mimecast)"
	R("malicious attachment", VIRUS_DETECTED, STRONG + 5),
	R("malicious file", VIRUS_DETECTED, STRONG + 5),
#undef G

	/*
	 * policy_violation: RFC 3463 X.7.1 with the policy named; Exim
	 * "administrative prohibition"; Yahoo "[PH01]", "[CS01]" and "not
	 * accepted for policy reasons"; GMX/WEB.DE "Reject due to policy
	 * restrictions"; Mimecast "Anti-Spoofing policy"; Yandex "Policy
	 * rejection".
	 */
#define G "policy_violation: RFC 3463 X.7.1 named policy (Exim, Yahoo, GMX, Mimecast, Yandex)"
	R("policy reasons", POLICY_VIOLATION, STRONG),
	R("policy violation", POLICY_VIOLATION, STRONG),
	R("policy rejection", POLICY_VIOLATION, STRONG),
	R("policy restrictions", POLICY_VIOLATION, STRONG),
	R("administrative prohibition", POLICY_VIOLATION, STRONG),
	R("anti-spoofing", POLICY_VIOLATION, STRONG),
	R("potential security issue", POLICY_VIOLATION, STRONG),
	R("illegal attachment", POLICY_VIOLATION, STRONG),
	/* attachment filtering by file type (Postfix/amavis banned files,
	 * Exchange attachment filtering, Gmail "blocked for security reasons") */
	R("attachment type", POLICY_VIOLATION, MEDIUM),
	/* Office files with macros refused (Symantec/Broadcom Email Security,
	 * Exchange attachment filtering) */
	R("vba macro", POLICY_VIOLATION, STRONG),
	/* SparkPost bounce class 53 "Prohibited Attachment" */
	R("prohibited attachment", POLICY_VIOLATION, EXACT),
	/* Microsoft 365 NDR 5.7.520 "Your organization does not allow external
	 * forwarding" */
	R("external forwarding", POLICY_VIOLATION, MEDIUM),
	R("rejected by policy", POLICY_VIOLATION, STRONG),
	R("header error", POLICY_VIOLATION, STRONG),
	R("local policy", POLICY_VIOLATION, MEDIUM),
	R("due to policy", POLICY_VIOLATION, MEDIUM),
	R("[ph01]", POLICY_VIOLATION, EXACT),
	R("[cs01]", POLICY_VIOLATION, EXACT),
	RW("prohibited", POLICY_VIOLATION, WEAK),
	RW("policy", POLICY_VIOLATION, WEAK),
#undef G

	/* bad_reputation: Yahoo "[TSS04]/[TS01]/[TS02] temporarily deferred due
	 * to unexpected volume or user complaints"; Gmail 4.7.28/5.7.28
	 * "unusual rate of unsolicited mail" */
#define G "bad_reputation: Yahoo TS0x, Gmail X.7.28"
	R("reputation", BAD_REPUTATION, MEDIUM + 5),
	R("user complaints", BAD_REPUTATION, STRONG),
	R("unexpected volume", BAD_REPUTATION, STRONG),
	R("unusual rate", BAD_REPUTATION, STRONG),
	/* Gmail 4.7.28/5.7.28 "an unusual rate of unsolicited mail originating
	 * from your IP address / DKIM domain": the sender's reputation, even
	 * where the text names the DKIM domain it is judged by */
	R("rate of unsolicited mail", BAD_REPUTATION, EXACT),
	R("volume of unsolicited mail", BAD_REPUTATION, EXACT),
	R("sender score", BAD_REPUTATION, MEDIUM),
	/* Microsoft 365 NDR 4.7.650/4.7.651 "has been temporarily rate limited
	 * due to IP reputation": the cause is the reputation, not the rate */
	R("ip reputation", BAD_REPUTATION, STRONG),
	R("[tss04]", BAD_REPUTATION, EXACT),
	R("[ts01]", BAD_REPUTATION, EXACT),
	R("[ts02]", BAD_REPUTATION, EXACT),
#undef G
	/* T-Online "554 IP=<ip> - None/bad reputation ... (NOWL)": the host is
	 * not on T-Online's allow-list, a reputation refusal (postmaster.t-online.de,
	 * 4.6/4.12); it beats the generic "rx.t-online.de" (BL) rule */
#define G "bad_reputation: T-Online (NOWL)"
	R("(nowl)", BAD_REPUTATION, EXACT + 5),
	R("none/bad reputation", BAD_REPUTATION, EXACT + 5),
#undef G

	/*
	 * auth_failure: SPF, DKIM, DMARC, ARC.  RFC 7372 (X.7.20-X.7.26),
	 * RFC 7208, RFC 7489; Gmail 5.7.26 "the sender is unauthenticated",
	 * 5.7.27 SPF, 5.7.30 DKIM, 5.7.32 "isn't aligned"; Microsoft 365 NDR
	 * 5.7.509 (DMARC) and 5.7.515 "does not meet the required authentication
	 * level"; NetEase "MI:SPF".
	 */
#define G "auth_failure: RFC 7372/7208/7489, Gmail 5.7.26-5.7.30, Microsoft 5.7.515"
	R("dmarc", AUTH_FAILURE, EXACT),
	RS("spf", AUTH_FAILURE, EXACT - 5),
	RS("dkim", AUTH_FAILURE, EXACT - 5),
	R("domainkeys", AUTH_FAILURE, EXACT - 5),
	R("sender policy framework", AUTH_FAILURE, EXACT),
	R("authentication checks", AUTH_FAILURE, STRONG + 5),
	R("authentication information", AUTH_FAILURE, STRONG + 5),
	R("authentication level", AUTH_FAILURE, STRONG + 5),
	R("sender is unauthenticated", AUTH_FAILURE, STRONG + 5),
	R("unauthenticated email", AUTH_FAILURE, STRONG + 5),
	R("isn't aligned", AUTH_FAILURE, STRONG),
	R("not aligned", AUTH_FAILURE, STRONG),
	R("arc validation", AUTH_FAILURE, STRONG + 5),
#undef G

	/* require_ptr: no valid reverse DNS for the sending IP (Gmail 5.7.25
	 * "does not have a PTR record", Postfix "cannot find your reverse
	 * hostname", GMX "Bad DNS PTR resource record") */
#define G "require_ptr: Gmail 5.7.25, Postfix reject_unknown_client, GMX"
	R("reverse dns", REQUIRE_PTR, EXACT - 5),
	R("reverse-dns", REQUIRE_PTR, EXACT - 5),
	RW("rdns", REQUIRE_PTR, EXACT - 5),
	R("ptr record", REQUIRE_PTR, EXACT - 5),
	R("ptr resource record", REQUIRE_PTR, EXACT - 5),
	R("dns ptr", REQUIRE_PTR, EXACT - 5),
	R("reverse lookup", REQUIRE_PTR, EXACT - 5),
	R("reverse hostname", REQUIRE_PTR, EXACT - 5),
	R("cannot find your hostname", REQUIRE_PTR, EXACT - 5),
	R("ip name lookup failed", REQUIRE_PTR, EXACT - 5),
	RW("ptr", REQUIRE_PTR, MEDIUM + 5),
	/* Exim's verify=reverse_host_lookup refusal as listed in Sisimai's
	 * RequirePTR.pm ("service permits N unverifyable sending IPs") */
#undef G
#define G "require_ptr: Exim reverse_host_lookup (Sisimai RequirePTR.pm)"
	R("unverifiable sending ip", REQUIRE_PTR, STRONG),
#undef G
#define G "require_ptr: Gmail 5.7.25, Postfix reject_unknown_client, GMX"
#undef G
#define G "require_ptr: Exim reverse_host_lookup (Sisimai RequirePTR.pm)"
	R("unverifyable sending ip", REQUIRE_PTR, STRONG),
#undef G
#define G "require_ptr: Gmail 5.7.25, Postfix reject_unknown_client, GMX"
#undef G

	/* not_compliant_rfc: RFC 5322 violations (Gmail "Messages missing a
	 * valid address in From: header", Microsoft NDR 5.7.512, Postfix/Exim
	 * bare LF refusals) */
#define G "not_compliant_rfc: RFC 5322 (Gmail, Microsoft 5.7.512, bare LF)"
	R("rfc 5322", NOT_COMPLIANT_RFC, STRONG),
	R("rfc5322", NOT_COMPLIANT_RFC, STRONG),
	R("rfc 2822", NOT_COMPLIANT_RFC, STRONG),
	R("rfc2822", NOT_COMPLIANT_RFC, STRONG),
	R("not rfc compliant", NOT_COMPLIANT_RFC, STRONG),
	R("multiple addresses in from", NOT_COMPLIANT_RFC, EXACT),
	R("valid address in from", NOT_COMPLIANT_RFC, EXACT),
	/* Gmail 4.7.0/5.7.1 "Messages missing a valid Message-ID header are
	 * not accepted" (RFC 5322 3.6.4) */
	R("message-id header", NOT_COMPLIANT_RFC, MEDIUM),
	/* Gmail 5.6.0 "Mail message is malformed. Not accepted." (its help
	 * points to RFC 5322) */
	R("message is malformed", NOT_COMPLIANT_RFC, STRONG),
	/* Gmail "The message contains a unicode character in a disallowed
	 * header" */
	R("disallowed header", NOT_COMPLIANT_RFC, EXACT),
	R("bare lf", NOT_COMPLIANT_RFC, STRONG),
	R("bare linefeed", NOT_COMPLIANT_RFC, STRONG),
#undef G

	/* security_error: RFC 3463 X.7.0/X.7.1 "not authorized", RFC 4954
	 * 530 "Authentication required" */
#define G "security_error: RFC 3463 X.7.0/X.7.1, RFC 4954 530"
	R("not authorized", SECURITY_ERROR, MEDIUM),
#undef G
	/*
	 * Mailing-list managers refusing the poster (the sender, not the
	 * recipient): Mailman 2's hold/reject reasons "Post by non-member to a
	 * members-only list" and "You are not allowed to post to this mailing
	 * list", Mailman 3's "The message is not from a list member", Sympa's
	 * "You are not allowed to send messages to list", LISTSERV's "You are
	 * not authorized to send mail to the <list> list"; Mailman's
	 * "Message has implicit destination" (the list was only Bcc'd: the
	 * list's policy).
	 */
#define G "rejected: mailing-list managers refusing the poster (Mailman, Sympa, LISTSERV)"
	R("members-only list", REJECTED, STRONG),
	R("not allowed to post to this", REJECTED, STRONG),
	R("not from a list member", REJECTED, STRONG),
	R("not allowed to send messages to", REJECTED, MEDIUM + 5),
	R("not authorized to send mail to the", REJECTED, MEDIUM + 5),
#undef G
#define G "policy_violation: Mailman 'Message has implicit destination'"
	R("implicit destination", POLICY_VIOLATION, STRONG),
#undef G
#define G "security_error: RFC 3463 X.7.0/X.7.1, RFC 4954 530"
	R("unauthenticated", SECURITY_ERROR, MEDIUM),
	R("authentication required", SECURITY_ERROR, MEDIUM),
	/* Mimecast "554 Email rejected due to security policies", Sophos and
	 * other gateways' "rejected by security policy" */
	R("security policies", SECURITY_ERROR, MEDIUM),
	R("security policy", SECURITY_ERROR, MEDIUM),
#undef G

	/*
	 * rejected: the envelope sender was refused.  RFC 3463 X.1.7/X.1.8
	 * "Bad sender's mailbox address syntax / system address"; Postfix
	 * "Sender address rejected", Exim "Sender verify failed", Cisco "Domain
	 * of sender address ... does not exist", GMX "invalid DNS MX or A/AAAA
	 * resource record", Yahoo "[GL01]"; mailing-list managers ("not a
	 * member of", Google Groups); Gmail "CustomFromDenied".
	 */
#define G "rejected: RFC 3463 X.1.7/X.1.8 (Postfix, Exim, Cisco, GMX, Yahoo, list managers)"
	R("sender address rejected", REJECTED, STRONG + 5),
	R("sender rejected", REJECTED, STRONG + 5),
	R("sender verify failed", REJECTED, STRONG + 5),
	R("sender verification", REJECTED, STRONG + 5),
	R("domain of sender address", REJECTED, EXACT),
	R("unroutable sender", REJECTED, EXACT),
	R("unrouteable sender", REJECTED, EXACT),
	R("invalid sender", REJECTED, STRONG + 5),
	R("bad sender", REJECTED, STRONG + 5),
	R("sender denied", REJECTED, STRONG + 5),
	R("sender unknown", REJECTED, STRONG + 5),
	R("mail from address rejected", REJECTED, STRONG + 5),
	R("envelope sender", REJECTED, STRONG),
	R("invalid dns mx or a", REJECTED, STRONG + 5),
	R("[gl01]", REJECTED, EXACT),
	R("not a member of", REJECTED, STRONG + 5),
	R("permission to post", REJECTED, STRONG + 5),
	R("sender domain", REJECTED, MEDIUM + 5),
	R("sender address", REJECTED, MEDIUM),
#undef G
#define G "rejected: Google Groups help"
	R("groups.google.com", REJECTED, MEDIUM),
#undef G
#define G "rejected: RFC 3463 X.1.7/X.1.8 (Postfix, Exim, Cisco, GMX, Yahoo, list managers)"
#undef G
#define G "rejected: Gmail help keyword CustomFromDenied"
	R("customfromdenied", REJECTED, EXACT),
#undef G
#define G "rejected: Amazon SES sending errors (unverified identity)"
	R("address is not verified", REJECTED, STRONG + 5),
#undef G
#define G "rejected: RFC 3463 X.1.7/X.1.8 (Postfix, Exim, Cisco, GMX, Yahoo, list managers)"
#undef G

	/* no_relaying: RFC 5321 550 "relaying denied"; Postfix "Relay access
	 * denied", Exim "relay not permitted", Microsoft NDR 5.7.64/5.4.1
	 * "Relay Access Denied" */
#define G "no_relaying: Postfix, Exim, Sendmail, Microsoft 5.7.64"
	R("relay access denied", NO_RELAYING, EXACT),
	R("relaying denied", NO_RELAYING, EXACT),
	R("relay denied", NO_RELAYING, EXACT),
	R("relay not permitted", NO_RELAYING, EXACT),
	R("relaying not permitted", NO_RELAYING, EXACT),
	R("relay not allowed", NO_RELAYING, EXACT),
	R("relaying not allowed", NO_RELAYING, EXACT),
	R("relaying prohibited", NO_RELAYING, EXACT),
	R("not permitted to relay", NO_RELAYING, EXACT),
	R("not allowed to relay", NO_RELAYING, EXACT),
	R("unable to relay", NO_RELAYING, EXACT),
	R("cannot relay", NO_RELAYING, EXACT),
	R("we do not relay", NO_RELAYING, EXACT),
	R("no relaying", NO_RELAYING, EXACT),
#undef G
	/* Zoho Mail "553 Relaying disallowed" (Zoho SMTP error reference);
	 * Symantec/Broadcom MessageLabs "you are trying to use me [...] as a
	 * relay, but I have not been configured to let you [...] do this"
	 * (MessageLabs error code reference); hMailServer "550 Delivery is not
	 * allowed to this address." (hMailServer IP ranges / relaying docs) */
#define G "no_relaying: Zoho, MessageLabs, hMailServer relay refusals"
	R("relaying disallowed", NO_RELAYING, EXACT),
	R("as a relay", NO_RELAYING, STRONG),
	R("delivery is not allowed to this address", NO_RELAYING, STRONG),
#undef G
#define G "no_relaying: Postfix, Exim, Sendmail, Microsoft 5.7.64"
	/* Sendmail's check_rcpt, listed in Sisimai's NoRelaying.pm */
#undef G
#define G "no_relaying: Sendmail check_rcpt (Sisimai NoRelaying.pm)"
	R("insecure mail relay", NO_RELAYING, STRONG),
#undef G
/* qmail-smtpd: "553 sorry, that domain isn't in my list of allowed
 * rcpthosts (#5.7.1)" -- the recipient domain is not one it relays for */
#define G "no_relaying: qmail-smtpd rcpthosts"
	R("rcpthosts", NO_RELAYING, EXACT),
#undef G
#define G "no_relaying: Postfix, Exim, Sendmail, Microsoft 5.7.64"
#undef G

	/* content_error: RFC 3463 X.6.x (media, conversion, 8-bit) */
#define G "content_error: RFC 3463 X.6.x, RFC 6152 8BITMIME"
	R("8-bit data", CONTENT_ERROR, MEDIUM),
	R("8bit data", CONTENT_ERROR, MEDIUM),
	R("invalid header", CONTENT_ERROR, MEDIUM),
	R("bad header", CONTENT_ERROR, MEDIUM),
	R("headers too large", CONTENT_ERROR, MEDIUM),
#undef G
	/* RFC 6531 SMTPUTF8 (X.6.7): Postfix smtp(8) "SMTPUTF8 is required,
	 * but was not offered by host" */
#define G "content_error: RFC 6531 SMTPUTF8 (Postfix)"
	RW("smtputf8", CONTENT_ERROR, MEDIUM),
#undef G
#define G "content_error: RFC 3463 X.6.x, RFC 6152 8BITMIME"
	R("invalid character", CONTENT_ERROR, MEDIUM),
#undef G

	/* failed_starttls: RFC 3207, RFC 8689 REQUIRETLS, RFC 3463 X.7.10 */
#define G "failed_starttls: RFC 3207, RFC 8689, RFC 3463 X.7.10"
	R("tls required", FAILED_STARTTLS, STRONG),
	R("tls is required", FAILED_STARTTLS, STRONG),
	R("does not support tls", FAILED_STARTTLS, STRONG),
	R("tls negotiation", FAILED_STARTTLS, STRONG),
	R("tls handshake", FAILED_STARTTLS, STRONG),
	R("requiretls", FAILED_STARTTLS, STRONG),
	R("starttls", FAILED_STARTTLS, MEDIUM + 5),
	/* Postfix smtp client: "Cannot start TLS: handshake failure" */
	R("cannot start tls", FAILED_STARTTLS, STRONG),
	R("encryption required", FAILED_STARTTLS, MEDIUM),
	R("encryption needed", FAILED_STARTTLS, MEDIUM),
	/* Gmail 4.7.29/5.7.29 "this message wasn't sent over a TLS connection"
	 * (Gmail SMTP errors; IANA's X.7.29 is ARC, Gmail's is TLS); Postfix
	 * "454 4.7.0 TLS not available due to local problem" */
	R("over a tls connection", FAILED_STARTTLS, STRONG),
	R("tls not available", FAILED_STARTTLS, STRONG),
#undef G
	/* The certificate checks of a TLS client: Postfix smtp(8) with
	 * smtp_tls_security_level=verify/secure/dane ("Server certificate not
	 * verified", "Server certificate not trusted"), OpenSSL's "certificate
	 * verify failed"; RFC 7672 DANE (TLSA records) and RFC 8461 MTA-STS
	 * refusals (RFC 3463 X.7.5 wording "certificate verification failed") */
#define G "failed_starttls: TLS certificate checks (Postfix, OpenSSL, RFC 7672 DANE, RFC 8461 MTA-STS)"
	R("server certificate not", FAILED_STARTTLS, STRONG),
	R("certificate verif", FAILED_STARTTLS, STRONG),
	R("tlsa record", FAILED_STARTTLS, STRONG),
	R("mta-sts", FAILED_STARTTLS, STRONG),
	/* an expired certificate, and Microsoft 365's DANE and TLS NDRs
	 * 5.7.321-5.7.325 (starttls-not-supported, certificate-expired,
	 * tlsa-invalid, dnssec-invalid, certificate-host-mismatch) */
	R("certificate has expired", FAILED_STARTTLS, STRONG),
	R("certificate is expired", FAILED_STARTTLS, STRONG),
	R("certificate expired", FAILED_STARTTLS, STRONG),
	R("certificate-expired", FAILED_STARTTLS, STRONG),
	/* Microsoft 4.7.66 "TLS 1.0 and 1.1 are not supported" */
	R("tls 1.0 and 1.1", FAILED_STARTTLS, EXACT),
	R("certificate-host-mismatch", FAILED_STARTTLS, STRONG),
	R("starttls-not-supported", FAILED_STARTTLS, STRONG),
	R("tlsa-invalid", FAILED_STARTTLS, STRONG),
	R("dnssec-invalid", FAILED_STARTTLS, STRONG),
	/* Zimbra "451 4.2.2 Server accepts messages only on TLS connection" */
	R("accepts messages only on tls", FAILED_STARTTLS, EXACT),
#undef G
#define G "failed_starttls: RFC 3207, RFC 8689, RFC 3463 X.7.10"
#undef G
};

const size_t bn_refusal_rule_count = sizeof(bn_refusal_rules) / sizeof(bn_refusal_rules[0]);
