/*
 * phrases_transport.c
 *		The generic English wording about the receiving system and the
 *		transaction: a full or failing system, the network, expiry, limits,
 *		greylisting, the recipient's filters, local delivery programs,
 *		command syntax; and the markers of the SMTP stage a text names.
 *		Each phrase with the reason it means, its priority and its group,
 *		as in phrases.c (the recipient's address and mailbox; added to the
 *		matcher before this table, then phrases_refusal.c and
 *		phrases_outcome.c, so that ties break as they did when all were
 *		one).
 *
 * Plain C: no PostgreSQL headers; data only.
 */
#include "phrases.h"

const BnRule bn_transport_rules[] = {
	/* system_full: RFC 3463 X.3.1 "Mail system full", RFC 5321 452
	 * "insufficient system storage", errno ENOSPC */
#define G "system_full: RFC 3463 X.3.1, RFC 5321 452, ENOSPC"
	R("insufficient disk space", SYSTEM_FULL, STRONG),
	R("insufficient system storage", SYSTEM_FULL, STRONG),
	R("out of disk space", SYSTEM_FULL, STRONG),
	R("no space left on device", SYSTEM_FULL, STRONG),
	R("disk is full", SYSTEM_FULL, STRONG),
	R("disk full", SYSTEM_FULL, STRONG),
#undef G

	/*
	 * system_error: RFC 5321 451 "local error in processing", RFC 3463
	 * X.3.0/X.3.5 "System incorrectly configured"; qmail "Temporary local
	 * problem"; RFC 5321 421 "Service not available".
	 */
#define G "system_error: RFC 5321 421/451, RFC 3463 X.3.x (qmail, Sendmail)"
	R("temporary local problem", SYSTEM_ERROR, STRONG),
	R("temporary system error", SYSTEM_ERROR, STRONG),
	/* Sendmail/ESP deferral "451 4.3.0 Temporary system failure. Please
	 * try again later.": X.3.0 named as a fault, not greylisting */
	R("temporary system failure", SYSTEM_ERROR, STRONG),
#undef G
	/* Gmail "421 4.3.0 Temporary System Problem. Try again later." and
	 * "451 4.3.0 Temporary server error" (Gmail SMTP errors and codes):
	 * a fault at the receiver, not greylisting */
#define G "system_error: Gmail 4.3.0 (SMTP errors and codes)"
	R("temporary system problem", SYSTEM_ERROR, STRONG),
	R("temporary server error", SYSTEM_ERROR, STRONG),
#undef G
#define G "system_error: RFC 5321 421/451, RFC 3463 X.3.x (qmail, Sendmail)"
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
#undef G

	/*
	 * network_error: one failed attempt to reach the receiver.  RFC 3463
	 * X.4.1 "No answer from host", X.4.2 "Bad connection", X.4.3 "Directory
	 * server failure", X.4.6 "Routing loop detected"; DNS SERVFAIL (RFC 1035
	 * RCODE 2) and timeouts, glibc EAI_AGAIN "Temporary failure in name
	 * resolution", Postfix "Host not found, try again" and "Name service
	 * error ... Malformed or unexpected name server reply", qmail "CNAME
	 * lookup failed temporarily (#4.4.3)" and "wasn't able to establish an
	 * SMTP connection (#4.4.1)", Sendmail "Name server timeout", Microsoft
	 * 365 NDR 5.4.312 "DNS query failed", errno texts.
	 */
#define G "network_error: RFC 3463 X.4.1-X.4.6, DNS SERVFAIL/timeout (Postfix, qmail, Sendmail, Exchange)"
	R("dns query failed", NETWORK_ERROR, STRONG + 5),
	R("host name lookup failure", NETWORK_ERROR, STRONG + 5),
	R("host not found, try again", NETWORK_ERROR, EXACT),
	R("temporary failure in name resolution", NETWORK_ERROR, EXACT),
	R("lookup failed temporarily", NETWORK_ERROR, EXACT),
	R("lookups failed temporarily", NETWORK_ERROR, EXACT),
	/* qmail-remote's temp_dns(): "Sorry, I couldn't find any host by that
	 * name. (#4.1.2)" -- a temporary failure; perm_dns() says "any host
	 * named <host>. (#5.1.2)" (qmail-remote.c) */
	R("couldn't find any host by that name", NETWORK_ERROR, EXACT + 1),
	R("malformed or unexpected name server reply", NETWORK_ERROR, EXACT),
	RW("servfail", NETWORK_ERROR, EXACT),
	R("server failure", NETWORK_ERROR, STRONG),
	R("name server timeout", NETWORK_ERROR, EXACT),
	R("dns timeout", NETWORK_ERROR, EXACT),
	R("dns lookup timed out", NETWORK_ERROR, EXACT),
	R("dns lookup failure", NETWORK_ERROR, WEAK - 5),
	R("dns error", NETWORK_ERROR, WEAK - 5),
	R("too many hops", NETWORK_ERROR, STRONG),
	R("hop count exceeded", NETWORK_ERROR, STRONG),
	R("routing loop", NETWORK_ERROR, STRONG),
	R("mail loop", NETWORK_ERROR, STRONG),
	R("loop detected", NETWORK_ERROR, STRONG),
	R("message is looping", NETWORK_ERROR, STRONG),
	R("loops back to myself", NETWORK_ERROR, STRONG),
	R("network is unreachable", NETWORK_ERROR, MEDIUM),
	R("no route to host", NETWORK_ERROR, MEDIUM),
	/* OpenSMTPD "Network error on destination MXs" */
	R("network error", NETWORK_ERROR, MEDIUM),
	R("establish an smtp connection", NETWORK_ERROR, WEAK + 5),
	R("connection refused", NETWORK_ERROR, WEAK - 5),
	R("connection reset", NETWORK_ERROR, WEAK - 5),
	R("lost connection", NETWORK_ERROR, WEAK - 5),
	/* Exim transport: "Remote host <name> [<ip>] closed connection in
	 * response to end of data" (src/transports/smtp.c) */
	R("closed connection", NETWORK_ERROR, WEAK - 5),
	R("unable to connect", NETWORK_ERROR, WEAK - 5),
	R("could not connect", NETWORK_ERROR, WEAK - 5),
	/* a failed lookup of the MX (RFC 5321 section 5.1): OpenSMTPD's
	 * "Temporary failure in MX lookup", Exim's "MX lookup"; a domain that
	 * has none is said with clearer words ("no MX for", "host not found") */
	R("mx lookup", NETWORK_ERROR, WEAK - 5),
	/* SparkPost bounce class 21 "DNS Failure", Mailjet's "system /
	 * connection issue" (their event documentation) */
	R("dns failure", NETWORK_ERROR, WEAK - 5),
	R("connection issue", NETWORK_ERROR, WEAK - 5),
#undef G
	/* Node.js/libuv error names in Haraka's and other Node MTAs' logs
	 * ("connect ECONNREFUSED 192.0.2.7:25"): the POSIX errno names of a
	 * failed connection */
#define G "network_error: POSIX errno names in Node.js MTA logs (Haraka)"
	RW("econnrefused", NETWORK_ERROR, MEDIUM),
	RW("econnreset", NETWORK_ERROR, MEDIUM),
	RW("ehostunreach", NETWORK_ERROR, MEDIUM),
	RW("etimedout", NETWORK_ERROR, MEDIUM),
#undef G
	/*
	 * An MTA's own log line for an attempt that is deferred, not given up
	 * on: Postfix "status=deferred (delivery temporarily suspended:
	 * <cause>)" (the destination was marked dead after a failed
	 * connection), Sendmail "stat=Deferred: Connection timed out with
	 * <host>", Exim "defer (-53): retry time not reached for any host"
	 * (every host failed at its last try).  Still queued: the connection
	 * failed, the retry period has not run out.  Only with the log's field
	 * names (status=, stat=): a bounce quotes the last attempt's
	 * "Deferred: ..." when the retry period has run out.
	 */
#define G "network_error: deferral log lines (Postfix, Sendmail, Exim)"
	R("deferred (delivery temporarily suspended", NETWORK_ERROR, MEDIUM + 10),
	R("stat=deferred: connection timed out", NETWORK_ERROR, MEDIUM + 2),
	R("retry time not reached for any host", NETWORK_ERROR, MEDIUM),
#undef G

	/*
	 * expired: delivery kept failing until the retry period ran out.  RFC
	 * 3463 X.4.7 "Delivery time expired"; Exim "retry timeout exceeded",
	 * "have been failing for a long time"; Sendmail "Cannot send message
	 * for 5 days", "could not be delivered for"; qmail "this message has
	 * been in the queue too long (#4.4.7)"; Postfix maximal_queue_lifetime
	 * bounces; OpenSMTPD "Envelope expired"; PowerMTA "Message expired";
	 * Microsoft 365 NDR 4.4.7/5.4.300 "Message expired".  These beat the
	 * last attempt's cause when it is only a connection failure.
	 */
#define G "expired: RFC 3463 X.4.7 (Exim, Sendmail, qmail, Postfix, OpenSMTPD, PowerMTA, Exchange)"
	R("message expired", EXPIRED, STRONG),
	R("envelope expired", EXPIRED, STRONG),
	R("delivery expired", EXPIRED, STRONG),
	R("delivery time expired", EXPIRED, STRONG),
	R("retry timeout exceeded", EXPIRED, STRONG),
	R("retry time exceeded", EXPIRED, STRONG),
	R("retry period expired", EXPIRED, STRONG),
	R("retries exhausted", EXPIRED, STRONG),
	R("maximum delivery time", EXPIRED, STRONG),
	R("maximum retries", EXPIRED, STRONG),
	R("max retries", EXPIRED, STRONG),
	R("too many retries", EXPIRED, STRONG),
	R("giving up after", EXPIRED, MEDIUM + 5),
	R("gave up after", EXPIRED, MEDIUM + 5),
	R("not delivered within", EXPIRED, MEDIUM + 5),
	R("could not be delivered within", EXPIRED, MEDIUM + 5),
	R("cannot send message for", EXPIRED, STRONG),
	R("failing for a long time", EXPIRED, MEDIUM + 5),
	R("long failure period", EXPIRED, MEDIUM + 5),
	R("in the queue too long", EXPIRED, MEDIUM),
	R("could not be delivered for", EXPIRED, MEDIUM),
	R("could not deliver for", EXPIRED, MEDIUM),
	/* Sisimai's Expired.pm: a time-out reported in a bounce comes at the
	 * end of the retry period */
#undef G
#define G "expired: time-outs reported in bounces (Sisimai Expired.pm)"
	R("connection timed out", EXPIRED, MEDIUM),
#undef G
#define G "expired: RFC 3463 X.4.7 (Exim, Sendmail, qmail, Postfix, OpenSMTPD, PowerMTA, Exchange)"
	R("timed out", EXPIRED, WEAK),
	/* Gmail's bounce after its retry period (help answer 7720) */
#undef G
#define G "expired: Gmail bounce after its retry period (help answer 7720)"
	R("did not accept our requests to connect", EXPIRED, MEDIUM),
#undef G
#define G "expired: RFC 3463 X.4.7 (Exim, Sendmail, qmail, Postfix, OpenSMTPD, PowerMTA, Exchange)"
#undef G
#define G "expired: delay notices (RFC 3464 Action: delayed; Gmail)"
	R("has been delayed", EXPIRED, WEAK - 3),
#undef G
	/* delay notices as senders store them (subject or first sentence):
	 * RFC 3464 delay DSNs -- Gmail/Exchange "Delivery Status Notification
	 * (Delay)", Exchange "Delivery is delayed to these recipients or
	 * groups", "hasn't been delivered yet", Outlook's "Delivery delayed:"
	 * subject; Sendmail's "Warning: could not send message for past %s"
	 * (sendmail/savemail.c); Exim's delay warning "has not yet been
	 * delivered to one or more of its recipients" and its subject
	 * "delayed 24 hours" (the default delay_warning); Postfix's delay
	 * notice subject "Delayed Mail (still being retried)" (bounce(8)
	 * templates); Gmail's "There was a temporary problem delivering".
	 * Weak: any cause in the same text wins. */
#define G "expired: delay notices (RFC 3464 Action: delayed; Sendmail, Exim, Postfix, Exchange, Gmail templates)"
	R("notification (delay)", EXPIRED, WEAK - 3),
	R("delivery is delayed", EXPIRED, WEAK - 3),
	R("delivery delayed", EXPIRED, WEAK - 3),
	R("hasn't been delivered yet", EXPIRED, WEAK - 3),
	R("has not yet been delivered", EXPIRED, WEAK - 3),
	R("send message for past", EXPIRED, WEAK - 3),
	R("delayed 24 hours", EXPIRED, WEAK - 3),
	R("still being retried", EXPIRED, WEAK - 3),
	R("temporary problem delivering", EXPIRED, WEAK - 3),
	R("Zustellung verz\xc3\xb6gert", EXPIRED, WEAK - 3), /* Zustellung verzögert */
	R("\xc3\x9c""bermittlung verz\xc3\xb6gert", EXPIRED, WEAK - 3), /* Übermittlung verzögert */
#undef G
#define G "expired: delay notices (RFC 3464 Action: delayed; Gmail)"
#undef G
#define G "expired: RFC 3463 X.4.7 (Exim, Sendmail, qmail, Postfix, OpenSMTPD, PowerMTA, Exchange)"
	/*
	 * Postfix's "delivery temporarily suspended: <cause>" marks a
	 * destination throttled after repeated failures; it reaches a sender
	 * only in the bounce sent at maximal_queue_lifetime.
	 */
#undef G
#define G "expired: Postfix bounce at maximal_queue_lifetime"
	R("delivery temporarily suspended", EXPIRED, MEDIUM + 5),
#undef G
	/* Postfix's log line when maximal_queue_lifetime runs out:
	 * "status=expired, returned to sender" (qmgr) */
#define G "expired: Postfix status=expired log line"
	R("status=expired", EXPIRED, EXACT),
#undef G
#define G "expired: RFC 3463 X.4.7 (Exim, Sendmail, qmail, Postfix, OpenSMTPD, PowerMTA, Exchange)"
#undef G

	/*
	 * too_many_conn: RFC 3463 X.5.3 "Too many recipients"; RFC 3463 X.4.5
	 * "Network congestion"; Postfix "too many connections from", Exim "Too
	 * many concurrent SMTP connections", Cisco AsyncOS "Too many concurrent
	 * SMTP connections from this IP address".
	 */
#define G "too_many_conn: RFC 3463 X.5.3 (Postfix, Exim, Cisco)"
	R("too many connections", TOO_MANY_CONN, STRONG),
	R("too many concurrent", TOO_MANY_CONN, STRONG),
	R("too many simultaneous", TOO_MANY_CONN, STRONG),
	R("too many sessions", TOO_MANY_CONN, STRONG),
	R("too many open connections", TOO_MANY_CONN, STRONG),
	R("connection limit", TOO_MANY_CONN, MEDIUM),
	R("per connection", TOO_MANY_CONN, MEDIUM),
	R("too many recipients", TOO_MANY_CONN, MEDIUM),
#undef G
	/* NetEase "421 HL:ICC ... concurrent connections from your IP exceeds
	 * the limit" (NetEase/163 postmaster error codes), Stalwart "Too many
	 * concurrent connections": the count of concurrent connections is
	 * what is refused */
#define G "too_many_conn: NetEase HL:ICC, concurrent connections exceeded"
	R("concurrent connections", TOO_MANY_CONN, MEDIUM + 5),
	R("concurrent sessions", TOO_MANY_CONN, MEDIUM + 5),
	/* Exchange "421 4.3.2 The maximum number of concurrent server
	 * connections has exceeded a limit" */
	R("concurrent server connections", TOO_MANY_CONN, STRONG),
	R("hl:icc", TOO_MANY_CONN, EXACT),
#undef G

	/*
	 * speeding: the receiver limits the rate.  Gmail 4.2.1 "receiving mail
	 * at a rate that prevents additional messages" and "ReceivingRate";
	 * Microsoft 365 NDR 5.2.121/5.2.122 "hourly message receive limit";
	 * Yahoo "[TS0x] temporarily deferred" (rate); Cisco "Too many
	 * recipients received this hour"; NetEase "MI:SFQ".
	 */
#define G "speeding: Gmail 4.2.1, Microsoft 5.2.121/5.2.122, Yahoo, Cisco rate limits"
	R("rate limit", SPEEDING, MEDIUM + 5),
	R("rate-limit", SPEEDING, MEDIUM + 5),
	R("ratelimit", SPEEDING, MEDIUM + 5),
	R("too many messages", SPEEDING, MEDIUM),
	R("too much mail", SPEEDING, MEDIUM),
	R("too quickly", SPEEDING, MEDIUM),
	R("too fast", SPEEDING, MEDIUM),
	R("excessive volume", SPEEDING, MEDIUM),
	R("permitted limits", SPEEDING, MEDIUM),
	R("receiving mail at a rate", SPEEDING, STRONG),
	R("message receive limit", SPEEDING, STRONG),
	R("received this hour", SPEEDING, STRONG),
	R("messages per hour", SPEEDING, MEDIUM),
	R("sending rate", SPEEDING, MEDIUM),
	RS("throttl", SPEEDING, MEDIUM),
	/* QQ Mail "Ip frequency limited" (its help page: the sending IP's
	 * frequency is limited) */
	R("frequency limited", SPEEDING, STRONG),
	/* the sender's own quota, not the recipient's mailbox */
	R("sending quota", SPEEDING, STRONG + 5),
	R("submission quota", SPEEDING, STRONG + 5),
	R("sending limit", SPEEDING, STRONG + 5),
#undef G
	/* Exchange / Microsoft 365 NDR "432 4.3.2 STOREDRV.Deliver; recipient
	 * thread limit exceeded": by-design throttling of a recipient that
	 * receives too many messages too quickly (Exchange Online NDR table) */
#define G "speeding: Exchange STOREDRV recipient thread limit (Exchange Online NDR reference)"
	R("thread limit exceeded", SPEEDING, STRONG),
#undef G
	/* Sendmail's ClientRate refusal "421 4.3.2 Connection rate limit
	 * exceeded." (sendmail cf/README, ratecontrol) and the receivers that
	 * answer "Rate limit exceeded, try again later" (Stalwart, Haraka's
	 * rate limit plugins): the rate is named and exceeded, whatever X.3.2
	 * or X.4.5 says */
#define G "speeding: Sendmail ClientRate, \"rate limit exceeded\" (Stalwart, Haraka)"
	R("rate limit exceeded", SPEEDING, STRONG),
	R("rate limit reached", SPEEDING, STRONG),
#undef G

	/*
	 * greylisted: deferred on purpose (postgrey "Greylisted, see
	 * http://postgrey.schweikert.ch/help/...", milter-greylist, Exim's
	 * greylistd); "try again later" is the weak form of RFC 5321 4xx.
	 */
#define G "greylisted: postgrey, milter-greylist, RFC 5321 4xx wording"
	R("greylist", GREYLISTED, EXACT),
	R("graylist", GREYLISTED, EXACT),
	R("grey-list", GREYLISTED, EXACT),
	R("gray-list", GREYLISTED, EXACT),
	R("grey listed", GREYLISTED, EXACT),
	R("gray listed", GREYLISTED, EXACT),
	R("grey listing", GREYLISTED, EXACT),
	R("gray listing", GREYLISTED, EXACT),
	R("try again later", GREYLISTED, WEAK - 5),
	R("try later", GREYLISTED, WEAK - 5),
	R("retry later", GREYLISTED, WEAK - 5),
	R("come back later", GREYLISTED, WEAK - 5),
#undef G

	/*
	 * filtered: the recipient's own filter or settings (Facebook's "Refused
	 * due to recipient preferences"; Symantec/MessageLabs "Message
	 * filtered").
	 */
#define G "filtered: recipient settings (MessageLabs, recipient preferences)"
	R("recipient preferences", FILTERED, STRONG + 5),
	R("recipient's preferences", FILTERED, STRONG + 5),
	R("message filtered", FILTERED, MEDIUM),
	/* the recipient's own block list: "sender has been blocked by the
	 * recipient" (Zoho, Microsoft 365 blocked-senders wording) */
	R("blocked by the recipient", FILTERED, STRONG),
	/* the recipient's own filter rules: "refused by the recipient's own
	 * filter settings", "rejected by recipient's filter" (Zoho, Yahoo and
	 * Outlook.com filter and rule wording) */
	R("recipient's own filter", FILTERED, STRONG),
	/* the recipient's Blocked Senders list (Outlook.com, Exchange junk
	 * e-mail settings): the recipient's own setting, not the receiver's */
	R("blocked senders list", FILTERED, STRONG),
	/* the recipient refuses the sender (Interia "Recipient doesn't want
	 * your mail": on the recipient's own blocked list) */
	R("doesn't want your mail", FILTERED, STRONG),
	R("does not want your mail", FILTERED, STRONG),
	R("blocked sender list", FILTERED, STRONG),
	R("recipient's filter", FILTERED, STRONG),
	R("recipients filter", FILTERED, STRONG),
#undef G
	/* the recipient accepts mail only from listed senders: AOL's "the
	 * recipient is only accepting mail from specific email addresses"
	 * (Sisimai Filtered.pm), and the same setting elsewhere */
#define G "filtered: recipient allow-list (AOL, Sisimai Filtered.pm)"
	R("only accepting mail from", FILTERED, STRONG),
	R("only accepts mail from", FILTERED, STRONG),
#undef G
	/* Japanese carriers (docomo, au, SoftBank): "受信拒否" is the
	 * recipient's own reception-refusal setting (designated-sender and
	 * domain refusal), as Sisimai's Filtered.pm treats it; "受信が拒否"
	 * ("reception was refused") is its sentence form */
#define G "filtered: Japanese carriers' recipient refusal setting (受信拒否)"
	R("\xe5\x8f\x97\xe4\xbf\xa1\xe6\x8b\x92\xe5\x90\xa6", FILTERED, STRONG), /* 受信拒否 */
	R("\xe5\x8f\x97\xe4\xbf\xa1\xe3\x81\x8c\xe6\x8b\x92\xe5\x90\xa6", FILTERED, MEDIUM + 5), /* 受信が拒否 */
#undef G

	/* mailer_error: a local delivery program failed (Sendmail "mailer
	 * error", Postfix pipe(8) "Command died with status", Exim "pipe to |") */
#define G "mailer_error: Sendmail, Postfix pipe(8), Exim pipe transport"
	R("mailer error", MAILER_ERROR, STRONG),
	R("pipe to |", MAILER_ERROR, STRONG),
	R("command died with status", MAILER_ERROR, STRONG),
	/* Postfix local(8)/pipe(8): "Command time limit exceeded" */
	R("command time limit", MAILER_ERROR, STRONG),
#undef G
	/* Dovecot's quota plugin: the default quota_exceeded_message "Quota
	 * exceeded (mailbox for user is full)", quoted in the delivery agent's
	 * output after Postfix's "Command died with status" */
#define G "mailbox_full: Dovecot quota_exceeded_message"
	R("mailbox for user is full", MAILBOX_FULL, EXACT),
#undef G
#define G "mailer_error: Sendmail, Postfix pipe(8), Exim pipe transport"
	/* the local delivery agent (procmail, maildrop, dovecot-lda) exited
	 * with an error: Postfix local(8)/virtual(8), Sendmail local mailer */
	R("delivery agent", MAILER_ERROR, MEDIUM),
	/* what a pipe or delivery command printed (Postfix pipe(8)/local(8)):
	 * the command failed, whatever words its output has ("spamc: connect
	 * to spamd ... refused" is no spam verdict) */
	R("command output:", MAILER_ERROR, MEDIUM + 10),
	/* Postfix "mail transport unavailable", "unknown mail transport
	 * error"; Exim "Child process of <transport> transport returned <n>" */
	R("mail transport unavailable", MAILER_ERROR, STRONG),
	R("mail transport error", MAILER_ERROR, STRONG),
	R("child process of", MAILER_ERROR, STRONG),
	/* qmail-local "Unable to chdir to maildir. (#4.2.1)" */
	R("unable to chdir to maildir", MAILER_ERROR, STRONG),
	R("operating system error", MAILER_ERROR, MEDIUM),
#undef G

	/* syntax_error: RFC 5321 500/501 texts; weak, since transcripts quote
	 * "503 bad sequence" etc. */
#define G "syntax_error: RFC 5321 500/501"
	R("syntax error", SYNTAX_ERROR, WEAK),
	R("malformed address", SYNTAX_ERROR, MEDIUM),
	R("command unrecognized", SYNTAX_ERROR, WEAK),
	R("command not recognized", SYNTAX_ERROR, WEAK),
#undef G
};

const size_t bn_transport_rule_count = sizeof(bn_transport_rules) / sizeof(bn_transport_rules[0]);

const BnRule bn_stage_rules[] = {
	/* where the dialogue failed, as MTAs write it (Exim, Postfix, qmail) */
#define G "SMTP stage markers (Exim, Postfix, qmail)"
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
#undef G
};

const size_t bn_stage_rule_count = sizeof(bn_stage_rules) / sizeof(bn_stage_rules[0]);
