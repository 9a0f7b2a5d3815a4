/*
 * phrases_documented.c
 *		Replies that a receiver documents, or an MTA's source prints, word
 *		for word, with the meaning their documentation gives: where the
 *		generic wording of phrases.c and phrases_transport.c would read
 *		another reason out of them ("policy reasons", "virus", "spam",
 *		"account is disabled", a bare 4.4.5), or none.  Same rules as
 *		phrases.c (see phrases.h); each group names its sources.
 *
 * Plain C: no PostgreSQL headers; data only.
 */
#include "phrases.h"

const BnRule bn_documented_rules[] = {
	/*
	 * The receiver is busy or a component is down: Yahoo 451 "Resources
	 * temporarily not available" (Sender Hub), the errno text of EAGAIN,
	 * Gmail "421 4.4.5 Server busy, try again later", Exchange "421 4.3.2
	 * Service not active", Amazon SES's DeliveryDelay type
	 * RecipientServerError.
	 */
#define G "system_error: Yahoo, Gmail, Exchange, SES DeliveryDelay (documented replies)"
	R("resources temporarily not available", SYSTEM_ERROR, STRONG),
	R("resource temporarily unavailable", SYSTEM_ERROR, STRONG),
	R("server busy", SYSTEM_ERROR, STRONG),
	R("service not active", SYSTEM_ERROR, STRONG),
	R("recipientservererror", SYSTEM_ERROR, EXACT),
#undef G

	/*
	 * The way to the receiver failed: SES TransientCommunicationFailure,
	 * Exim "host lookup did not complete" (a DNS time-out), qmail-remote
	 * "Connected to <ip> but greeting failed", Postfix local(8) "mail
	 * forwarding loop for <address>", HCL Domino's router "Unable to find
	 * path to server", OpenSMTPD's route states (mta.c) "All routes to
	 * destination blocked" and "Network error on destination MXs".
	 */
#define G "network_error: SES, Exim, qmail, Postfix, Domino, OpenSMTPD (documented texts)"
	R("transientcommunicationfailure", NETWORK_ERROR, EXACT),
	R("host lookup did not complete", NETWORK_ERROR, STRONG),
	R("but greeting failed", NETWORK_ERROR, STRONG),
	R("mail forwarding loop", NETWORK_ERROR, STRONG),
	R("unable to find path to server", NETWORK_ERROR, STRONG),
	R("all routes to destination blocked", NETWORK_ERROR, EXACT),
	R("network error on destination mx", NETWORK_ERROR, EXACT),
#undef G
	/* SES DeliveryDelay SpamDetected: "a large amount of unsolicited email
	 * from your account" (the account's reputation, not this message) */
#define G "bad_reputation: SES DeliveryDelay"
	R("unsolicited email from your account", BAD_REPUTATION, EXACT),
#undef G
	/* OpenSMTPD "Destination seem to reject all mails" (mta.c): every MX
	 * refused */
#define G "not_accept: OpenSMTPD (mta.c)"
	R("destination seem to reject all mails", NOT_ACCEPT, EXACT),
#undef G

	/*
	 * The sender's own credentials or account: Postfix smtp(8) "SASL
	 * authentication failed; cannot authenticate to server", Gmail "454
	 * 4.7.0 Too many login attempts" (SMTP AUTH locked).
	 */
#define G "security_error: SMTP AUTH failures (Postfix smtp(8), Gmail)"
	R("sasl authentication failed", SECURITY_ERROR, STRONG),
	R("cannot authenticate to server", SECURITY_ERROR, STRONG),
	R("too many login attempts", SECURITY_ERROR, STRONG),
#undef G
	/* Microsoft "Sender ID (PRA) Not Permitted" */
#define G "auth_failure: Microsoft Sender ID"
	R("sender id (pra)", AUTH_FAILURE, EXACT),
#undef G
	/* Gmail's SMTP relay service "Invalid credentials for relay" */
#define G "no_relaying: Gmail SMTP relay service"
	R("invalid credentials for relay", NO_RELAYING, EXACT),
#undef G
	/*
	 * The envelope sender refused: Gmail "550 5.7.0 Mail Sending denied"
	 * (the sender's own account is disabled or not registered: the
	 * sender, not the recipient), Microsoft 5.7.124 "Sender not in
	 * allowed-senders list" (a group's delivery restriction), Exim "Could
	 * not complete sender verify callout".
	 */
#define G "rejected: Gmail, Microsoft 5.7.124, Exim sender verification"
	R("mail sending denied", REJECTED, EXACT),
	R("allowed-senders list", REJECTED, EXACT),
	R("sender verify callout", REJECTED, STRONG),
#undef G

	/*
	 * Rate limits: Gmail "450 4.2.1 Peak SMTP relay limit exceeded",
	 * Microsoft 5.1.90 "you've reached your daily limit for message
	 * recipients", cPanel "has exceeded the max emails per hour",
	 * Outlook.com RP-001 to RP-003.
	 */
#define G "speeding: Gmail, Microsoft 5.1.90, cPanel, Outlook.com RP codes"
	R("relay limit exceeded", SPEEDING, STRONG),
	R("daily limit for message recipients", SPEEDING, EXACT),
	R("max emails per hour", SPEEDING, EXACT),
	R("rp-001", SPEEDING, EXACT),
	R("rp-002", SPEEDING, EXACT),
	R("rp-003", SPEEDING, EXACT),
#undef G

	/*
	 * The sending IP or host refused, whatever "policy reasons", "virus"
	 * or "spam" says: Outlook.com's postmaster codes SC-001 to SC-004
	 * (reputation, namespace mining, open proxy, complaints), DY-001 and
	 * DY-002 (dynamic or compromised IP), OU-001 and OU-002 (Outlook.com
	 * "Troubleshooting" page for senders); AOL (RTR:BL) and 521 "AOL will
	 * not accept delivery of this message"; Microsoft 365 NDR 5.7.507
	 * "Access denied, rejected by recipient" (the recipient's organization
	 * blocked the IP); Gmail 5.7.1 "not authorized to send email directly
	 * to our servers" (a dynamic or residential IP); Verizon "571 Email
	 * from <ip> is currently blocked by Verizon Online's anti-spam system".
	 */
#define G "blocked: Outlook.com SC/DY/OU codes, AOL, Microsoft 5.7.507, Gmail, Verizon"
	R("sc-001", BLOCKED, EXACT),
	R("sc-002", BLOCKED, EXACT),
	R("sc-003", BLOCKED, EXACT),
	R("sc-004", BLOCKED, EXACT),
	R("dy-001", BLOCKED, EXACT),
	R("dy-002", BLOCKED, EXACT),
	R("ou-001", BLOCKED, EXACT),
	R("ou-002", BLOCKED, EXACT),
	R("(rtr:bl)", BLOCKED, EXACT),
	R("aol will not accept delivery", BLOCKED, EXACT),
	R("access denied, rejected by recipient", BLOCKED, EXACT),
	R("directly to our servers", BLOCKED, STRONG),
	R("is currently blocked", BLOCKED, STRONG),
#undef G
	/* AOL (DNS:NR): no reverse DNS for the sending IP */
#define G "require_ptr: AOL postmaster code"
	R("(dns:nr)", REQUIRE_PTR, EXACT),
#undef G
	/* Microsoft 365 NDR 5.7.505 "Access denied, banned recipient": the
	 * recipient is not valid */
#define G "user_unknown: Microsoft 5.7.505"
	R("access denied, banned recipient", USER_UNKNOWN, EXACT),
#undef G
	/* Exchange's Content Filter agent quarantines what it judges spam */
#define G "spam_detected: Exchange Content Filter agent"
	R("content filter agent", SPAM_DETECTED, STRONG),
#undef G
	/* Gmail "552 5.3.4 The number of attachments (n) exceeds Google's
	 * limit": a per-message limit, not the size */
#define G "exceed_limit: Gmail attachment count"
	R("number of attachments", EXCEED_LIMIT, EXACT),
#undef G
	/*
	 * The session's commands: Gmail "451 4.5.0 SMTP protocol violation"
	 * (also after STARTTLS), "503 5.5.2 Send hello first", Postfix
	 * reject_unauth_pipelining "Improper use of SMTP command pipelining".
	 */
#define G "syntax_error: Gmail, Exchange, Postfix protocol refusals"
	R("smtp protocol violation", SYNTAX_ERROR, EXACT),
	R("send hello first", SYNTAX_ERROR, EXACT),
	R("improper use of smtp command pipelining", SYNTAX_ERROR, EXACT),
#undef G
	/* Microsoft 5.0.350 "x-dg-ref header is too long" */
#define G "content_error: Microsoft 5.0.350"
	R("header is too long", CONTENT_ERROR, STRONG),
#undef G

	/*
	 * Secure email gateways' and hosting providers' documented refusals:
	 * GoDaddy's IB codes (IB110/IB113 "This IP has been (temporarily)
	 * blocked ...", IB501/IB502 a blank or IP From: address, IB510 "max
	 * number of messages per session", IB607 "too many recipients this
	 * hour", "Account storage limit"), Rackspace ("Mailbox received too
	 * much email in a short period of time", "Throttled - Too much spam
	 * from your mail server"), Mimecast ("This route requires encryption
	 * (TLS)", "Maximum email size exceeded"), Strato ("(B-ATTACH)": an
	 * attachment that may not be sent; "recipient e-mail adress
	 * unknown"), ZeptoMail "Email size exceeded the policy", Broadcom
	 * "Rejected due to banned content" (amavis' banned file types),
	 * Sophos Email's XGEMAIL codes (a DBL listing, a TLS version, the
	 * user's block list, a domain it does not protect, the allowed
	 * size), Trend Micro "Domain of forward-path is not allowed" (not a
	 * relay domain), cPanel "The recipient cannot be verified", Fastmail
	 * "Not authorised to send from this header address".
	 */
#define G "blocked: GoDaddy IB codes, Sophos XGEMAIL DBL"
	R("this ip has been temporarily blocked", BLOCKED, EXACT),
	R("this ip has been blocked", BLOCKED, EXACT),
	R("failed a dbl test", BLOCKED, EXACT),
#undef G
#define G "not_compliant_rfc: GoDaddy IB501/IB502"
	R("blank from: addresses are not allowed", NOT_COMPLIANT_RFC, EXACT),
	R("not allowed as a from: address", NOT_COMPLIANT_RFC, EXACT),
#undef G
#define G "too_many_conn: GoDaddy IB510"
	R("messages per session", TOO_MANY_CONN, STRONG),
#undef G
#define G "speeding: GoDaddy IB607, Rackspace"
	R("recipients this hour", SPEEDING, EXACT),
	R("too much email in a short period", SPEEDING, STRONG),
#undef G
#define G "bad_reputation: Rackspace throttle"
	R("too much spam from your", BAD_REPUTATION, EXACT),
#undef G
#define G "mailbox_full: GoDaddy"
	R("account storage limit", MAILBOX_FULL, STRONG),
#undef G
#define G "failed_starttls: Mimecast, Sophos XGEMAIL"
	R("route requires encryption", FAILED_STARTTLS, EXACT),
	R("requires tls version", FAILED_STARTTLS, EXACT),
	R("tls version used", FAILED_STARTTLS, EXACT),
#undef G
#define G "mesg_too_big: Mimecast, ZeptoMail, Sophos XGEMAIL"
	R("maximum email size", MESG_TOO_BIG, STRONG),
	R("email size exceeded", MESG_TOO_BIG, EXACT),
	R("exceeded the allowed size", MESG_TOO_BIG, STRONG),
#undef G
#define G "policy_violation: Strato B-ATTACH, Broadcom banned content"
	R("(b-attach)", POLICY_VIOLATION, EXACT),
	R("banned content", POLICY_VIOLATION, STRONG),
#undef G
#define G "filtered: Sophos XGEMAIL user block list"
	R("in the user block list", FILTERED, EXACT),
#undef G
#define G "no_relaying: Sophos XGEMAIL, Trend Micro relay domains"
	R("isn't a sophos email protected domain", NO_RELAYING, EXACT),
	R("forward-path is not allowed", NO_RELAYING, EXACT),
#undef G
#define G "user_unknown: Strato, cPanel recipient verification"
	R("e-mail adress unknown", USER_UNKNOWN, STRONG),
	R("recipient cannot be verified", USER_UNKNOWN, STRONG),
#undef G
#define G "rejected: Fastmail"
	R("send from this header address", REJECTED, EXACT),
#undef G
	/* Yandex "Policy rejection on the target address": the recipient's
	 * account is blocked for breaking the user agreement (Yandex Mail
	 * help, "Report on non-delivery to Yandex") */
#define G "suspend: Yandex"
	R("policy rejection on the target address", SUSPEND, EXACT),
	R("policy rejection on target address", SUSPEND, EXACT),
#undef G

	/*
	 * NetEase (163/126) help-centre codes, also when the reply does not
	 * name NetEase's host (provider_rules.c has them for its host): RP:QRC
	 * and RP:TRC (too many recipients from the sender in a short time, in
	 * a day), RP:FRL (no
	 * anonymous relay), HL:IHU (the sending IP suspended for spam); QQ
	 * Mail's "Mail is rejected by recipients" and "Mail content denied";
	 * a Korean portal's "(SPAM_SUSPECT:IP_CONTROL)" and "(by user's reject
	 * list)"; "Inactive mbox"; NTT docomo "552 Too much mail data" (the
	 * mailbox is full).
	 */
#define G "NetEase, QQ Mail, Korean portals, NTT docomo (documented codes and replies)"
	R("rp:qrc", SPEEDING, EXACT),
	R("rp:trc", SPEEDING, EXACT),
	R("rp:frl", NO_RELAYING, EXACT),
	R("hl:ihu", BLOCKED, EXACT),
	R("rejected by recipients", FILTERED, STRONG),
	R("mail content denied", SPAM_DETECTED, STRONG),
	R("ip_control", BLOCKED, EXACT),
	R("user's reject list", FILTERED, EXACT),
	R("inactive mbox", SUSPEND, EXACT),
	R("too much mail data", MAILBOX_FULL, STRONG),
#undef G
	/*
	 * MTA texts: Exim "452 Space shortage, please try later" (its spool
	 * disk is short), procmail's own messages, RFC 5321 504 "Command
	 * parameter not implemented", "please say HELO/EHLO first", relay
	 * refusals "host denies relay" and "Relay operation rejected", and
	 * SparkPost's spam_complaint event type.
	 */
#define G "system_full, mailer_error, syntax_error, no_relaying, feedback: MTA and ESP texts"
	R("space shortage", SYSTEM_FULL, STRONG),
	R("procmail:", MAILER_ERROR, STRONG),
	R("command parameter not implemented", SYNTAX_ERROR, EXACT),
	R("helo/ehlo first", SYNTAX_ERROR, EXACT),
	R("denies relay", NO_RELAYING, STRONG),
	R("relay operation rejected", NO_RELAYING, STRONG),
	R("spam_complaint", FEEDBACK, EXACT),
#undef G

	/*
	 * Open-source filters' own replies: Postfix postscreen "All server
	 * ports are busy" and smtpd_client_recipient_rate_limit "too many
	 * recipients from <client>" (a rate, not a message's recipients);
	 * rspamd "Gtube pattern"; Amavis "Reject, id=... - BANNED:" (a file
	 * type), "- BAD_HEADER:", "- INFECTED:", and "Error in processing"
	 * (its own failure, whatever scanner or path it names);
	 * clamav-milter "Rejecting harmful e-mail: <virus> found";
	 * postfix-policyd-spf-perl's "Please see http://www.openspf.net/Why?"
	 * (an SPF fail, whatever restriction carries it); the Exim
	 * specification's ACL examples (DKIM "with invalid or missing
	 * signature", "Blacklisted file extension detected", ratelimit "Sender
	 * rate exceeds", verify = header_syntax "Message headers fail syntax
	 * check", "Rejected by DCC").
	 */
#define G "open-source filters: Postfix postscreen and rate limits, rspamd, Amavis, clamav-milter, policyd-spf, Exim ACLs"
	R("all server ports are busy", TOO_MANY_CONN, STRONG),
	R("too many recipients from", SPEEDING, STRONG),
	R("gtube pattern", SPAM_DETECTED, EXACT),
	R("- banned:", POLICY_VIOLATION, EXACT),
	R("- bad_header:", NOT_COMPLIANT_RFC, EXACT),
	R("- infected:", VIRUS_DETECTED, EXACT),
	R("error in processing, id=", SYSTEM_ERROR, EXACT),
	R("rejecting harmful e-mail", VIRUS_DETECTED, EXACT),
	R("openspf.net/why", AUTH_FAILURE, EXACT),
	R("invalid or missing signature", AUTH_FAILURE, STRONG),
	R("blacklisted file extension", POLICY_VIOLATION, EXACT),
	R("sender rate exceeds", SPEEDING, STRONG),
	R("headers fail syntax check", NOT_COMPLIANT_RFC, EXACT),
	R("rejected by dcc", SPAM_DETECTED, STRONG),
#undef G
};

const size_t bn_documented_rule_count = sizeof(bn_documented_rules) / sizeof(bn_documented_rules[0]);
