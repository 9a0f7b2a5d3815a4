/*
 * patterns.c
 *		The wording matcher (Aho-Corasick over folded text), the generic
 *		wording table, and the meanings of enhanced status and reply codes.
 *
 * The automaton is a full DFA over byte classes: every byte of every phrase
 * gets a class (ASCII letters are folded, so 'A' and 'a' share one; all
 * white space shares the class of ' '), every other byte is class 0.  Each
 * transition holds the offset of the target state's row, and the states
 * that end a phrase are numbered last, so the hot loop is one table load
 * per byte and a compare that is rarely true.  A run of white space counts as one space: every
 * state entered by a space loops on further spaces, which is exactly
 * "collapse, then match", at no cost per byte.
 *
 * The automaton is built once, at first use, into static memory.  The build
 * is deterministic (it depends only on the constant tables); a compare-and-
 * swap on a flag makes it safe if two threads get there at once.
 *
 * Plain C: no PostgreSQL headers, no allocation.
 */
#include "patterns.h"

#include <string.h>

/* ------------------------------------------------------------------------
 * Generic wording: the phrases any receiver may use, whatever its brand.
 *
 * Priorities (patterns.h): EXACT wording names one cause and nothing else;
 * STRONG wording beats any status code ("552 5.2.2 mailbox full" is full,
 * "550 5.1.1 over quota" too); MEDIUM wording beats only a catch-all status
 * (X.7.1, X.0.0) and loses to a status with one clear meaning; WEAK and HINT
 * wording is what is left when nothing better is said.
 * ------------------------------------------------------------------------
 */
#define R(p, reason, prio) {p, BN_REASON_##reason, prio, 0, BN_PROVIDER_UNKNOWN, 0, 0, 0}
#define RW(p, reason, prio) {p, BN_REASON_##reason, prio, BN_RULE_WORD, BN_PROVIDER_UNKNOWN, 0, 0, 0}
#define RS(p, reason, prio) {p, BN_REASON_##reason, prio, BN_RULE_WORD_START, BN_PROVIDER_UNKNOWN, 0, 0, 0}
/* where the text says the dialogue failed */
#define STAGE(p, which) {p, BN_MARK_STAGE_##which, 0, 0, BN_PROVIDER_UNKNOWN, 0, 0, 0}
/* an anchor, and a phrase that must follow one within w characters */
#define ANCHOR(p, a) {p, BN_MARK_ANCHOR, 0, BN_RULE_WORD_START, BN_PROVIDER_UNKNOWN, 0, a, 0}
#define AFTER(a, w, p, reason, prio) {p, BN_REASON_##reason, prio, 0, BN_PROVIDER_UNKNOWN, 0, a, w}

#define ANCHOR_HOST 1

#define EXACT	BN_PRIO_EXACT
#define STRONG	BN_PRIO_STRONG
#define MEDIUM	BN_PRIO_MEDIUM
#define WEAK	BN_PRIO_WEAK
#define HINT	BN_PRIO_HINT

const BnRule bn_generic_rules[] = {
	/* user_unknown: the local part does not exist */
	R("user unknown", USER_UNKNOWN, STRONG),
	R("unknown user", USER_UNKNOWN, STRONG),
	R("no such user", USER_UNKNOWN, STRONG),
	R("no such local user", USER_UNKNOWN, STRONG),
	R("no such mailbox", USER_UNKNOWN, STRONG),
	R("no such recipient", USER_UNKNOWN, STRONG),
	R("no such account", USER_UNKNOWN, STRONG),
	R("no such address", USER_UNKNOWN, STRONG),
	R("no mailbox here", USER_UNKNOWN, STRONG),
	R("unknown recipient", USER_UNKNOWN, STRONG),
	R("recipient unknown", USER_UNKNOWN, STRONG),
	R("unknown mailbox", USER_UNKNOWN, STRONG),
	R("mailbox unknown", USER_UNKNOWN, STRONG),
	R("unknown local part", USER_UNKNOWN, STRONG),
	R("unknown local-part", USER_UNKNOWN, STRONG),
	R("addressee unknown", USER_UNKNOWN, STRONG),
	R("invalid recipient", USER_UNKNOWN, STRONG),
	R("invalid mailbox", USER_UNKNOWN, STRONG),
	R("not a valid mailbox", USER_UNKNOWN, STRONG),
	R("mailbox not found", USER_UNKNOWN, STRONG),
	R("mailbox does not exist", USER_UNKNOWN, STRONG),
	R("mailbox doesn't exist", USER_UNKNOWN, STRONG),
	R("address does not exist", USER_UNKNOWN, STRONG),
	R("address doesn't exist", USER_UNKNOWN, STRONG),
	R("user does not exist", USER_UNKNOWN, STRONG),
	R("user doesn't exist", USER_UNKNOWN, STRONG),
	R("user not exist", USER_UNKNOWN, STRONG),
	R("account does not exist", USER_UNKNOWN, STRONG),
	R("account doesn't exist", USER_UNKNOWN, STRONG),
	R("recipient does not exist", USER_UNKNOWN, STRONG),
	R("user not found", USER_UNKNOWN, STRONG),
	R("recipient not found", USER_UNKNOWN, STRONG),
	R("user not listed", USER_UNKNOWN, STRONG),
	R("user doesn't have a", USER_UNKNOWN, STRONG),
	R("user does not have a", USER_UNKNOWN, STRONG),
	R("unknown or illegal", USER_UNKNOWN, STRONG),
	R("illegal alias", USER_UNKNOWN, STRONG),
	R("recipient address rejected: access denied", USER_UNKNOWN, STRONG),
	R("valid rfc-5321 address", USER_UNKNOWN, STRONG),
	R("bad destination mailbox address", USER_UNKNOWN, EXACT),
	R("recipnotfound", USER_UNKNOWN, EXACT),
	R("recipientnotfound", USER_UNKNOWN, EXACT),
	R("nosuchuser", USER_UNKNOWN, EXACT),
	R("not our customer", USER_UNKNOWN, MEDIUM),
	R("address not found", USER_UNKNOWN, MEDIUM),
	R("invalid address", USER_UNKNOWN, MEDIUM),
	R("mailbox unavailable", USER_UNKNOWN, MEDIUM),
	R("no longer valid", USER_UNKNOWN, MEDIUM),
	R("does not exist", USER_UNKNOWN, MEDIUM - 5),
	R("doesn't exist", USER_UNKNOWN, MEDIUM - 5),

	/* host_unknown: the domain does not exist or cannot be routed */
	R("host unknown", HOST_UNKNOWN, STRONG),
	R("unknown host", HOST_UNKNOWN, STRONG),
	R("host not found", HOST_UNKNOWN, STRONG),
	R("domain not found", HOST_UNKNOWN, STRONG),
	R("domain name not found", HOST_UNKNOWN, STRONG),
	R("no such domain", HOST_UNKNOWN, STRONG),
	R("domain does not exist", HOST_UNKNOWN, STRONG),
	R("domain doesn't exist", HOST_UNKNOWN, STRONG),
	R("couldn't find any host", HOST_UNKNOWN, EXACT),
	R("could not find any host", HOST_UNKNOWN, EXACT),
	R("bad destination system address", HOST_UNKNOWN, EXACT),
	RW("nxdomain", HOST_UNKNOWN, STRONG),
	R("name or service not known", HOST_UNKNOWN, MEDIUM),
	R("unrouteable address", HOST_UNKNOWN, MEDIUM),
	R("unroutable address", HOST_UNKNOWN, MEDIUM),
	R("invalid domain", HOST_UNKNOWN, MEDIUM),
	R("domain is not reachable", HOST_UNKNOWN, MEDIUM),
	ANCHOR("host", ANCHOR_HOST),
	AFTER(ANCHOR_HOST, 48, "not found", HOST_UNKNOWN, WEAK + 5),

	/* has_moved */
	R("mailbox has moved", HAS_MOVED, STRONG),
	R("no forwarding address", HAS_MOVED, STRONG),
	R("owner has changed", HAS_MOVED, STRONG),
	R("user not local", HAS_MOVED, MEDIUM),

	/* not_accept: the domain takes no mail at all */
	R("does not accept mail", NOT_ACCEPT, EXACT),
	R("doesn't accept mail", NOT_ACCEPT, EXACT),
	R("accepts no mail", NOT_ACCEPT, EXACT),
	R("null mx", NOT_ACCEPT, EXACT),
	R("find a mail exchanger", NOT_ACCEPT, STRONG),
	R("not accepting network messages", NOT_ACCEPT, STRONG),

	/* suspend: the mailbox exists but is disabled */
	R("account disabled", SUSPEND, STRONG),
	R("account is disabled", SUSPEND, STRONG),
	R("account has been disabled", SUSPEND, STRONG),
	R("mailbox disabled", SUSPEND, STRONG),
	R("mailbox is disabled", SUSPEND, STRONG),
	R("mailbox has been disabled", SUSPEND, STRONG),
	R("disabled recipient", SUSPEND, STRONG),
	R("disableduser", SUSPEND, EXACT),
	R("account is inactive", SUSPEND, STRONG),
	R("mailbox is inactive", SUSPEND, STRONG),
	R("inactive account", SUSPEND, STRONG),
	R("inactive mailbox", SUSPEND, STRONG),
	R("inactive email address", SUSPEND, STRONG),
	R("no longer active", SUSPEND, STRONG),
	R("account is locked", SUSPEND, STRONG),
	R("account has been suspended", SUSPEND, STRONG),
	R("account closed", SUSPEND, STRONG),
	R("account has been closed", SUSPEND, STRONG),
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
	R("account suspended", SUSPEND, MEDIUM),
	R("account is suspended", SUSPEND, MEDIUM),
	R("user suspended", SUSPEND, MEDIUM),
	R("recipient suspended", SUSPEND, MEDIUM),
	R("address suspended", SUSPEND, MEDIUM),
	R("has been suspended", SUSPEND, MEDIUM),
	RW("deactivated", SUSPEND, MEDIUM),
	RW("discontinued", SUSPEND, MEDIUM),

	/* mailbox_full */
	R("mailbox full", MAILBOX_FULL, STRONG),
	R("mailbox is full", MAILBOX_FULL, STRONG),
	R("mailbox was full", MAILBOX_FULL, STRONG),
	R("inbox is full", MAILBOX_FULL, STRONG),
	R("folder is full", MAILBOX_FULL, STRONG),
	R("mailbox size limit", MAILBOX_FULL, STRONG + 5),
	R("over quota", MAILBOX_FULL, STRONG),
	R("overquota", MAILBOX_FULL, STRONG),
	R("over the quota", MAILBOX_FULL, STRONG),
	R("quota exceed", MAILBOX_FULL, STRONG),
	R("exceeded quota", MAILBOX_FULL, STRONG),
	R("exceeded its quota", MAILBOX_FULL, STRONG),
	R("exceeded their quota", MAILBOX_FULL, STRONG),
	R("disk quota", MAILBOX_FULL, STRONG),
	R("storage quota", MAILBOX_FULL, STRONG),
	R("mailbox quota", MAILBOX_FULL, STRONG),
	R("out of storage", MAILBOX_FULL, STRONG),
	R("exceeded storage allocation", MAILBOX_FULL, STRONG),
	R("overquotatemp", MAILBOX_FULL, EXACT),

	/* mesg_too_big, exceed_limit */
	R("message too big", MESG_TOO_BIG, MEDIUM + 5),
	R("message is too big", MESG_TOO_BIG, MEDIUM + 5),
	R("message too large", MESG_TOO_BIG, MEDIUM + 5),
	R("message is too large", MESG_TOO_BIG, MEDIUM + 5),
	R("message size exceeds", MESG_TOO_BIG, MEDIUM + 5),
	R("maximum message size", MESG_TOO_BIG, MEDIUM + 5),
	R("size limit", MESG_TOO_BIG, MEDIUM + 5),
	R("exceeds administrative limit", EXCEED_LIMIT, STRONG),
	R("administrative limit", EXCEED_LIMIT, MEDIUM),

	/* system_full */
	R("insufficient disk space", SYSTEM_FULL, STRONG),
	R("insufficient system storage", SYSTEM_FULL, STRONG),
	R("out of disk space", SYSTEM_FULL, STRONG),
	R("no space left on device", SYSTEM_FULL, STRONG),
	R("disk is full", SYSTEM_FULL, STRONG),
	R("disk full", SYSTEM_FULL, STRONG),

	/* system_error */
	R("temporary local problem", SYSTEM_ERROR, STRONG),
	R("system error", SYSTEM_ERROR, MEDIUM),
	R("internal error", SYSTEM_ERROR, MEDIUM),
	R("local error", SYSTEM_ERROR, MEDIUM),
	R("local problem", SYSTEM_ERROR, MEDIUM),
	R("configuration error", SYSTEM_ERROR, MEDIUM),
	R("service currently unavailable", SYSTEM_ERROR, MEDIUM),
	R("service unavailable", SYSTEM_ERROR, WEAK),
	R("service not available", SYSTEM_ERROR, WEAK),
	R("temporarily unavailable", SYSTEM_ERROR, WEAK - 5),
	R("server error", SYSTEM_ERROR, WEAK - 5),

	/* network_error */
	R("dns query failed", NETWORK_ERROR, STRONG + 5),
	R("host name lookup failure", NETWORK_ERROR, STRONG + 5),
	R("too many hops", NETWORK_ERROR, STRONG),
	R("hop count exceeded", NETWORK_ERROR, STRONG),
	R("routing loop", NETWORK_ERROR, STRONG),
	R("mail loop", NETWORK_ERROR, STRONG),
	R("loop detected", NETWORK_ERROR, STRONG),
	R("loops back to myself", NETWORK_ERROR, STRONG),
	R("network is unreachable", NETWORK_ERROR, MEDIUM),
	R("no route to host", NETWORK_ERROR, MEDIUM),
	R("establish an smtp connection", NETWORK_ERROR, WEAK + 5),
	R("connection refused", NETWORK_ERROR, WEAK - 5),
	R("connection reset", NETWORK_ERROR, WEAK - 5),
	R("lost connection", NETWORK_ERROR, WEAK - 5),
	R("unable to connect", NETWORK_ERROR, WEAK - 5),
	R("could not connect", NETWORK_ERROR, WEAK - 5),

	/* expired: the retry period ran out (the cause, when named, wins) */
	R("message expired", EXPIRED, STRONG),
	R("delivery time expired", EXPIRED, MEDIUM + 5),
	R("retry timeout exceeded", EXPIRED, MEDIUM + 5),
	R("retry time exceeded", EXPIRED, MEDIUM + 5),
	R("failing for a long time", EXPIRED, MEDIUM),
	R("timed out", EXPIRED, WEAK + 5),
	R("requests to connect", EXPIRED, WEAK + 5),
	R("in the queue too long", EXPIRED, WEAK),
	R("could not be delivered for", EXPIRED, WEAK),
	R("could not deliver for", EXPIRED, WEAK),
	R("has been delayed", EXPIRED, WEAK - 3),

	/* too_many_conn */
	R("too many connections", TOO_MANY_CONN, STRONG),
	R("too many concurrent", TOO_MANY_CONN, STRONG),
	R("too many simultaneous", TOO_MANY_CONN, STRONG),
	R("too many sessions", TOO_MANY_CONN, STRONG),
	R("connection limit", TOO_MANY_CONN, MEDIUM),
	R("per connection", TOO_MANY_CONN, MEDIUM),
	R("too many recipients", TOO_MANY_CONN, MEDIUM),

	/* speeding */
	R("rate limit", SPEEDING, MEDIUM + 5),
	R("too many messages", SPEEDING, MEDIUM),
	R("too much mail", SPEEDING, MEDIUM),
	R("too quickly", SPEEDING, MEDIUM),
	R("too fast", SPEEDING, MEDIUM),
	R("excessive volume", SPEEDING, MEDIUM),
	R("permitted limits", SPEEDING, MEDIUM),
	R("receiving mail at a rate", SPEEDING, STRONG),
	RS("throttl", SPEEDING, MEDIUM),
	/* the sender's own quota, not the recipient's mailbox */
	R("sending quota", SPEEDING, STRONG + 5),
	R("submission quota", SPEEDING, STRONG + 5),

	/* greylisted */
	R("greylist", GREYLISTED, EXACT),
	R("graylist", GREYLISTED, EXACT),
	R("grey-list", GREYLISTED, EXACT),
	R("gray-list", GREYLISTED, EXACT),
	R("grey listed", GREYLISTED, EXACT),
	R("gray listed", GREYLISTED, EXACT),
	R("try again later", GREYLISTED, WEAK - 5),
	R("try later", GREYLISTED, WEAK - 5),
	R("retry later", GREYLISTED, WEAK - 5),
	R("come back later", GREYLISTED, WEAK - 5),

	/* filtered: the recipient's own filter or settings */
	R("recipient preferences", FILTERED, STRONG + 5),
	R("recipient's preferences", FILTERED, STRONG + 5),

	/* mailer_error: a local delivery program failed */
	R("mailer error", MAILER_ERROR, STRONG),
	R("pipe to |", MAILER_ERROR, STRONG),
	R("command died with status", MAILER_ERROR, STRONG),
	R("operating system error", MAILER_ERROR, MEDIUM),

	/* syntax_error: weak, since transcripts quote "503 bad sequence" etc. */
	R("syntax error", SYNTAX_ERROR, WEAK),
	R("malformed address", SYNTAX_ERROR, MEDIUM),
	R("command unrecognized", SYNTAX_ERROR, WEAK),
	R("command not recognized", SYNTAX_ERROR, WEAK),

	/* blocked: the sending IP or host is listed or refused */
	R("blocked using", BLOCKED, EXACT),
	R("spamhaus", BLOCKED, EXACT),
	R("spamcop", BLOCKED, EXACT),
	R("abuseat", BLOCKED, EXACT),
	R("barracudacentral", BLOCKED, EXACT),
	RW("sorbs", BLOCKED, EXACT),
	R("dnsbl", BLOCKED, EXACT),
	RW("rbl", BLOCKED, STRONG),
	R("blacklist", BLOCKED, STRONG),
	R("black list", BLOCKED, STRONG),
	R("blocklist", BLOCKED, STRONG),
	R("block list", BLOCKED, STRONG),
	R("denylist", BLOCKED, STRONG),
	R("banned sending ip", BLOCKED, EXACT),
	R("blocked for abuse", BLOCKED, STRONG),
	R("envelope blocked", BLOCKED, STRONG),
	R("open relay", BLOCKED, STRONG),
	R("dynamic ip", BLOCKED, STRONG),
	R("dynamic address", BLOCKED, STRONG),
	R("dialup", BLOCKED, STRONG),
	R("dial-up", BLOCKED, STRONG),
	R("smtp server of your isp", BLOCKED, STRONG),
	R("my name was rejected", BLOCKED, STRONG),
	R("weren't sent", BLOCKED, MEDIUM),
	R("refused to talk to me", BLOCKED, MEDIUM),
	R("not accepting connections", BLOCKED, MEDIUM),
	R("no smtp service here", BLOCKED, MEDIUM),
	R("client host rejected", BLOCKED, MEDIUM),
	R("listed at", BLOCKED, MEDIUM),
	R("listed in", BLOCKED, MEDIUM),
	R("listed on", BLOCKED, MEDIUM),
	R("is listed", BLOCKED, MEDIUM),
	R("blocked by", BLOCKED, MEDIUM),
	RW("blocked", BLOCKED, WEAK),
	R("access denied", BLOCKED, HINT),
	R("[ts03]", BLOCKED, EXACT),
	R("[bl21]", BLOCKED, EXACT),
	R("[bl22]", BLOCKED, EXACT),
	R("[bl23]", BLOCKED, EXACT),

	/* spam_detected */
	R("spam", SPAM_DETECTED, MEDIUM + 5),
	RW("ube", SPAM_DETECTED, MEDIUM + 5),
	R("unsolicited", SPAM_DETECTED, MEDIUM + 5),
	R("phishing", SPAM_DETECTED, MEDIUM + 5),
	R("bulk mail", SPAM_DETECTED, MEDIUM),
	R("message content rejected", SPAM_DETECTED, STRONG),
	R("content rejected", SPAM_DETECTED, MEDIUM),
	R("mail flood", SPAM_DETECTED, STRONG),

	/* virus_detected */
	R("virus", VIRUS_DETECTED, STRONG + 5),
	R("malware", VIRUS_DETECTED, STRONG + 5),
	RW("trojan", VIRUS_DETECTED, STRONG + 5),
	R("infected", VIRUS_DETECTED, MEDIUM),

	/* policy_violation */
	R("policy reasons", POLICY_VIOLATION, STRONG),
	R("policy violation", POLICY_VIOLATION, STRONG),
	R("policy rejection", POLICY_VIOLATION, STRONG),
	R("policy restrictions", POLICY_VIOLATION, STRONG),
	R("administrative prohibition", POLICY_VIOLATION, STRONG),
	R("potential security issue", POLICY_VIOLATION, STRONG),
	R("illegal attachment", POLICY_VIOLATION, STRONG),
	/* a receiving filter's refusal of the headers under a 5.7 code */
	R("header error", POLICY_VIOLATION, STRONG),
	R("local policy", POLICY_VIOLATION, MEDIUM),
	R("due to policy", POLICY_VIOLATION, MEDIUM),
	R("[ph01]", POLICY_VIOLATION, EXACT),
	R("[cs01]", POLICY_VIOLATION, EXACT),
	RW("prohibited", POLICY_VIOLATION, WEAK),
	RW("policy", POLICY_VIOLATION, WEAK),

	/* bad_reputation */
	R("reputation", BAD_REPUTATION, MEDIUM + 5),
	R("user complaints", BAD_REPUTATION, STRONG),
	R("unexpected volume", BAD_REPUTATION, STRONG),
	R("unusual rate", BAD_REPUTATION, STRONG),
	R("sender score", BAD_REPUTATION, MEDIUM),
	R("[tss04]", BAD_REPUTATION, EXACT),
	R("[ts01]", BAD_REPUTATION, EXACT),
	R("[ts02]", BAD_REPUTATION, EXACT),

	/* auth_failure: SPF, DKIM, DMARC */
	R("dmarc", AUTH_FAILURE, EXACT),
	RS("spf", AUTH_FAILURE, EXACT - 5),
	RS("dkim", AUTH_FAILURE, EXACT - 5),
	R("domainkeys", AUTH_FAILURE, EXACT - 5),
	R("sender policy framework", AUTH_FAILURE, EXACT),
	R("authentication checks", AUTH_FAILURE, STRONG + 5),
	R("authentication information", AUTH_FAILURE, STRONG + 5),
	R("authentication level", AUTH_FAILURE, STRONG + 5),
	R("arc validation", AUTH_FAILURE, STRONG + 5),

	/* require_ptr: no valid reverse DNS for the sending IP */
	R("reverse dns", REQUIRE_PTR, EXACT - 5),
	R("reverse-dns", REQUIRE_PTR, EXACT - 5),
	RW("rdns", REQUIRE_PTR, EXACT - 5),
	R("ptr record", REQUIRE_PTR, EXACT - 5),
	R("dns ptr", REQUIRE_PTR, EXACT - 5),
	R("reverse lookup", REQUIRE_PTR, EXACT - 5),
	R("reverse hostname", REQUIRE_PTR, EXACT - 5),
	R("cannot find your hostname", REQUIRE_PTR, EXACT - 5),
	R("ip name lookup failed", REQUIRE_PTR, EXACT - 5),
	RW("ptr", REQUIRE_PTR, MEDIUM + 5),
	R("unverifiable sending ip", REQUIRE_PTR, STRONG),
	R("unverifyable sending ip", REQUIRE_PTR, STRONG),

	/* not_compliant_rfc */
	R("rfc 5322", NOT_COMPLIANT_RFC, STRONG),
	R("rfc5322", NOT_COMPLIANT_RFC, STRONG),
	R("rfc 2822", NOT_COMPLIANT_RFC, STRONG),
	R("rfc2822", NOT_COMPLIANT_RFC, STRONG),
	R("not rfc compliant", NOT_COMPLIANT_RFC, STRONG),
	R("multiple addresses in from", NOT_COMPLIANT_RFC, EXACT),
	R("valid address in from", NOT_COMPLIANT_RFC, EXACT),
	R("bare lf", NOT_COMPLIANT_RFC, STRONG),
	R("bare linefeed", NOT_COMPLIANT_RFC, STRONG),

	/* security_error */
	R("not authorized", SECURITY_ERROR, MEDIUM),
	R("unauthenticated", SECURITY_ERROR, MEDIUM),
	R("authentication required", SECURITY_ERROR, MEDIUM),

	/* rejected: the envelope sender */
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
	R("not a member of", REJECTED, STRONG + 5),
	R("permission to post", REJECTED, STRONG + 5),
	R("sender domain", REJECTED, MEDIUM + 5),
	R("sender address", REJECTED, MEDIUM),
	/* Google Groups refusing a post (its notices link to the Groups help) */
	R("groups.google.com", REJECTED, MEDIUM),
	/* Gmail refusing a "Send mail as" From address (help link keyword) */
	R("customfromdenied", REJECTED, EXACT),

	/* no_relaying */
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
	R("insecure mail relay", NO_RELAYING, STRONG),

	/* content_error */
	R("8-bit data", CONTENT_ERROR, MEDIUM),
	R("8bit data", CONTENT_ERROR, MEDIUM),
	R("invalid header", CONTENT_ERROR, MEDIUM),
	R("bad header", CONTENT_ERROR, MEDIUM),
	R("headers too large", CONTENT_ERROR, MEDIUM),
	R("invalid character", CONTENT_ERROR, MEDIUM),

	/* failed_starttls */
	R("tls required", FAILED_STARTTLS, STRONG),
	R("tls is required", FAILED_STARTTLS, STRONG),
	R("does not support tls", FAILED_STARTTLS, STRONG),
	R("tls negotiation", FAILED_STARTTLS, STRONG),
	R("tls handshake", FAILED_STARTTLS, STRONG),
	R("requiretls", FAILED_STARTTLS, STRONG),
	R("starttls", FAILED_STARTTLS, MEDIUM + 5),
	R("encryption required", FAILED_STARTTLS, MEDIUM),

	/* vacation: auto-replies are not bounces */
	R("out of office", VACATION, EXACT - 5),
	R("out of the office", VACATION, EXACT - 5),
	R("out-of-office", VACATION, EXACT - 5),
	R("away from the office", VACATION, EXACT - 5),
	R("on vacation", VACATION, EXACT - 5),
	R("auto-repl", VACATION, EXACT - 5),
	R("autorepl", VACATION, EXACT - 5),
	R("auto repl", VACATION, EXACT - 5),
	R("automatic reply", VACATION, EXACT - 5),

	/* feedback: a complaint report */
	R("feedback-type", FEEDBACK, EXACT),
	R("abuse report", FEEDBACK, MEDIUM),

	/* delivered */
	R("successfully delivered", DELIVERED, STRONG),

	/* where the dialogue failed, as MTAs write it (Exim, Postfix, qmail) */
	STAGE("after initial connection", CONN),
	STAGE("in reply to initial greeting", CONN),
	STAGE("after ehlo", EHLO),
	STAGE("after helo", EHLO),
	STAGE("in reply to ehlo command", EHLO),
	STAGE("in reply to helo command", EHLO),
	STAGE("my name was rejected", EHLO),
	STAGE("after mail from", MAIL),
	STAGE("in reply to mail from command", MAIL),
	STAGE("sender was rejected", MAIL),
	STAGE("did not like our mail from", MAIL),
	STAGE("after rcpt to", RCPT),
	STAGE("after pipelined rcpt to", RCPT),
	STAGE("in reply to rcpt to command", RCPT),
	STAGE("does not like recipient", RCPT),
	STAGE("did not like our rcpt to", RCPT),
	STAGE("after end of data", DATA),
	STAGE("after data", DATA),
	STAGE("in reply to end of data command", DATA),
	STAGE("in reply to data command", DATA),
	STAGE("failed after i sent the message", DATA),
	STAGE("did not like our final data", DATA),
};

const size_t bn_generic_rule_count = sizeof(bn_generic_rules) / sizeof(bn_generic_rules[0]);

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

/* ------------------------------------------------------------------------
 * The automaton.
 * ------------------------------------------------------------------------
 */
#define MAX_PHRASE	63			/* normalized length */
#define MAX_STATES	16384
#define MAX_CLASSES 96
#define MAX_RULES	2048
#define CLS_OTHER	0
#define CLS_SPACE	1

static uint8_t byte_class[256];
static int	nclasses;
static int	nstates;
static int	nrules;
static bool complete;
/* transitions: the target's row offset (state * nclasses); built as plain
 * state numbers first */
static uint32_t delta[MAX_STATES * MAX_CLASSES];
static uint32_t out_min;		/* offsets from here on end a phrase */
static uint16_t old_id[MAX_STATES];	/* final number -> trie number */
static uint16_t dict_link[MAX_STATES];	/* next state with rules on the fail
										 * chain */
static int16_t first_rule[MAX_STATES];	/* -1: none */
static int16_t next_rule[MAX_RULES];
static uint8_t rule_len[MAX_RULES];
static const BnRule *rule_of[MAX_RULES];
static bool by_space[MAX_STATES];	/* the trie edge into it is a space */

static int	built;				/* 0 no, 1 building, 2 built */

static inline uint8_t
fold(uint8_t c)
{
	if (c >= 'A' && c <= 'Z')
		return (uint8_t) (c + ('a' - 'A'));
	if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
		return ' ';
	return c;
}

static inline bool
is_word_byte(uint8_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Normalize a phrase: fold, collapse blanks, trim.  Returns its length. */
static int
normalize(const char *phrase, uint8_t *out)
{
	int			n = 0;
	bool		space = true;	/* drops leading blanks */

	for (const char *p = phrase; *p; p++)
	{
		uint8_t		c = fold((uint8_t) *p);

		if (c == ' ')
		{
			if (space)
				continue;
			space = true;
		}
		else
			space = false;
		if (n >= MAX_PHRASE)
			return -1;
		out[n++] = c;
	}
	if (n > 0 && out[n - 1] == ' ')
		n--;
	return n;
}

static void
add_classes(const BnRule *rules, size_t count)
{
	for (size_t i = 0; i < count; i++)
	{
		uint8_t		buf[MAX_PHRASE];
		int			n = normalize(rules[i].phrase, buf);

		for (int j = 0; j < n; j++)
		{
			if (byte_class[buf[j]] == CLS_OTHER && nclasses < MAX_CLASSES)
				byte_class[buf[j]] = (uint8_t) nclasses++;
		}
	}
}

static void
add_rules(const BnRule *rules, size_t count)
{
	for (size_t i = 0; i < count; i++)
	{
		uint8_t		buf[MAX_PHRASE];
		int			n = normalize(rules[i].phrase, buf);
		int			s = 0;
		int			r;
		bool		ok = n > 0 && nrules < MAX_RULES;

		for (int j = 0; ok && j < n; j++)
			ok = byte_class[buf[j]] != CLS_OTHER;
		if (!ok)
		{
			complete = false;
			continue;
		}
		for (int j = 0; j < n; j++)
		{
			uint32_t   *t = &delta[s * nclasses + byte_class[buf[j]]];

			if (*t == 0)
			{
				if (nstates >= MAX_STATES)
				{
					complete = false;
					return;
				}
				first_rule[nstates] = -1;
				by_space[nstates] = buf[j] == ' ';
				*t = (uint32_t) nstates++;
			}
			s = *t;
		}
		r = nrules++;
		rule_of[r] = &rules[i];
		rule_len[r] = (uint8_t) n;
		next_rule[r] = -1;
		/* append, so that rules ending together keep table order */
		if (first_rule[s] < 0)
			first_rule[s] = (int16_t) r;
		else
		{
			int			k = first_rule[s];

			while (next_rule[k] >= 0)
				k = next_rule[k];
			next_rule[k] = (int16_t) r;
		}
	}
}

static void
build(void)
{
	static uint16_t queue[MAX_STATES];
	static uint16_t fail[MAX_STATES];
	int			head = 0,
				tail = 0;

	/* Classes: 0 other, 1 space, then every byte the phrases use. */
	memset(byte_class, 0, sizeof(byte_class));
	nclasses = 2;
	byte_class[' '] = CLS_SPACE;
	/* Letters and digits always get a class: word boundaries need them. */
	for (int c = 'a'; c <= 'z'; c++)
		byte_class[c] = (uint8_t) nclasses++;
	for (int c = '0'; c <= '9'; c++)
		byte_class[c] = (uint8_t) nclasses++;
	add_classes(bn_generic_rules, bn_generic_rule_count);
	add_classes(bn_provider_rules, bn_provider_rule_count);
	for (int c = 0; c < 256; c++)
	{
		uint8_t		f = fold((uint8_t) c);

		if (f != c)
			byte_class[c] = byte_class[f];
	}

	/* The trie. */
	complete = true;
	nstates = 1;
	nrules = 0;
	first_rule[0] = -1;
	add_rules(bn_generic_rules, bn_generic_rule_count);
	add_rules(bn_provider_rules, bn_provider_rule_count);

	/* Breadth first: failure links, dictionary links, full transitions. */
	fail[0] = 0;
	dict_link[0] = 0;
	for (int c = 0; c < nclasses; c++)
	{
		uint32_t	t = delta[c];

		if (t != 0)
		{
			fail[t] = 0;
			dict_link[t] = 0;
			queue[tail++] = t;
		}
	}
	while (head < tail)
	{
		int			s = queue[head++];

		for (int c = 0; c < nclasses; c++)
		{
			uint32_t   *t = &delta[s * nclasses + c];
			int			f = (int) delta[fail[s] * nclasses + c];

			if (*t != 0)
			{
				fail[*t] = (uint16_t) f;
				dict_link[*t] = (uint16_t) (first_rule[f] >= 0 ? f : dict_link[f]);
				queue[tail++] = *t;
			}
			else
				*t = (uint32_t) f;
		}
	}

	/* More white space after a space changes nothing. */
	for (int s2 = 1; s2 < nstates; s2++)
		if (by_space[s2])
			delta[s2 * nclasses + CLS_SPACE] = (uint32_t) s2;

	/*
	 * Renumber: states that end no phrase first (the root stays 0), then
	 * those that do, so that "ends a phrase" is "offset >= out_min".
	 */
	{
		static uint16_t new_id[MAX_STATES];
		static bool moved[MAX_STATES];
		uint32_t	row[MAX_CLASSES],
					tmp[MAX_CLASSES];
		int			n = 0;

		for (int pass = 0; pass < 2; pass++)
		{
			for (int s2 = 0; s2 < nstates; s2++)
			{
				bool		out = first_rule[s2] >= 0 || dict_link[s2] != 0;

				if (out == (pass == 1))
				{
					new_id[s2] = (uint16_t) n;
					old_id[n] = (uint16_t) s2;
					n++;
				}
			}
			if (pass == 0)
				out_min = (uint32_t) (n * nclasses);
		}

		/* move row s2 to new_id[s2], one cycle of the permutation at a time */
		memset(moved, 0, sizeof(moved));
		for (int s2 = 0; s2 < nstates; s2++)
		{
			int			cur = s2;

			if (moved[s2])
				continue;
			memcpy(row, &delta[s2 * nclasses], nclasses * sizeof(uint32_t));
			do
			{
				int			to = new_id[cur];

				memcpy(tmp, &delta[to * nclasses], nclasses * sizeof(uint32_t));
				memcpy(&delta[to * nclasses], row, nclasses * sizeof(uint32_t));
				memcpy(row, tmp, nclasses * sizeof(uint32_t));
				moved[to] = true;
				cur = to;
			} while (cur != s2);
		}
		for (int i = 0; i < nstates * nclasses; i++)
			delta[i] = (uint32_t) new_id[delta[i]] * (uint32_t) nclasses;
	}
}

void
bn_patterns_init(void)
{
	int			expected = 0;

	if (__atomic_load_n(&built, __ATOMIC_ACQUIRE) == 2)
		return;
	if (__atomic_compare_exchange_n(&built, &expected, 1, false,
									__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
	{
		build();
		__atomic_store_n(&built, 2, __ATOMIC_RELEASE);
		return;
	}
	while (__atomic_load_n(&built, __ATOMIC_ACQUIRE) != 2)
		;						/* another thread is building: a few µs */
}

void
bn_patterns_stats(BnPatternStats *stats)
{
	bn_patterns_init();
	stats->rules = nrules;
	stats->states = nstates;
	stats->classes = nclasses;
	stats->complete = complete;
}

void
bn_patterns_scan(const char *text, size_t len, BnProvider provider,
				 BnStatus status, BnMatch *best)
{
	const uint8_t *p = (const uint8_t *) text;
	const uint32_t *dfa = delta;
	const uint8_t *cls = byte_class;
	uint32_t	off = 0;
	size_t		anchor_end[BN_MAX_ANCHORS] = {0};

	best->prio = 0;
	best->reason = BN_REASON_UNDEFINED;
	best->rule = NULL;
	best->end = 0;
	best->stage = 0;
	if (text == NULL || len == 0)
		return;
	bn_patterns_init();

	for (size_t i = 0; i < len; i++)
	{
		int			st;

		off = dfa[off + cls[p[i]]];
		if (off < out_min)
			continue;
		st = old_id[off / (uint32_t) nclasses];

		/* Every rule ending here, along the dictionary chain. */
		for (int s = first_rule[st] >= 0 ? st : dict_link[st]; s != 0; s = dict_link[s])
		{
			for (int r = first_rule[s]; r >= 0; r = next_rule[r])
			{
				const BnRule *rule = rule_of[r];
				int			prio = rule->prio;

				/*
				 * Where the match starts: exact for a phrase without blanks
				 * (the only kind that may ask for a word start), a bound for
				 * the others.
				 */
				size_t		start = i + 1 >= rule_len[r] ? i + 1 - rule_len[r] : 0;

				if ((rule->flags & BN_RULE_WORD_START) && start > 0 &&
					is_word_byte(p[start - 1]))
					continue;
				if ((rule->flags & BN_RULE_WORD_END) && i + 1 < len &&
					is_word_byte(p[i + 1]))
					continue;
				if (rule->reason >= BN_MARK_STAGE_CONN)
				{
					if (rule->reason == BN_MARK_ANCHOR)
						anchor_end[rule->anchor % BN_MAX_ANCHORS] = i + 1;
					else if (best->stage == 0)
						best->stage = rule->reason;
					continue;
				}
				if (rule->anchor != 0)
				{
					size_t		a = anchor_end[rule->anchor % BN_MAX_ANCHORS];

					if (a == 0 || a > start || start - a > rule->window)
						continue;
				}
				if (rule->provider != BN_PROVIDER_UNKNOWN)
				{
					if (rule->provider != provider)
						continue;
					prio += BN_PRIO_PROVIDER;
				}
				if (rule->status != BN_STATUS_NONE && rule->status != status)
					continue;
				if (prio <= best->prio)
					continue;
				best->prio = prio;
				best->reason = (BnReason) rule->reason;
				best->rule = rule;
				best->end = i + 1;
			}
		}
	}
}
