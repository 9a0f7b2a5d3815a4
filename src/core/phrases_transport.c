/*
 * phrases_transport.c
 *		The generic English wording about the receiving system and the
 *		transaction rather than the recipient: a full or failing system,
 *		the network, expiry, limits, filters and blocks, spam and viruses,
 *		policies and authentication, refused senders and relaying, TLS,
 *		content; auto-replies, feedback and deliveries; and the markers of
 *		the SMTP stage a text names.  Each phrase with the reason it means,
 *		its priority and its group, as in phrases.c (the recipient's
 *		address and mailbox; added to the matcher before this table, so that
 *		ties break as they did when both were one).
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

	/*
	 * vacation: RFC 3834 auto-replies ("Auto-Submitted: auto-replied"),
	 * Exchange/Outlook "Automatic reply:", and the usual English wording.
	 */
#define G "vacation: RFC 3834 auto-replies, Exchange 'Automatic reply'"
	R("out of office", VACATION, EXACT - 5),
	R("out of the office", VACATION, EXACT - 5),
	R("out-of-office", VACATION, EXACT - 5),
	R("away from the office", VACATION, EXACT - 5),
	R("away from my desk", VACATION, EXACT - 5),
	R("on vacation", VACATION, EXACT - 5),
	R("on holiday", VACATION, EXACT - 5),
	R("on annual leave", VACATION, EXACT - 5),
	R("on maternity leave", VACATION, EXACT - 5),
	R("on parental leave", VACATION, EXACT - 5),
	R("auto-repl", VACATION, EXACT - 5),
	R("autorepl", VACATION, EXACT - 5),
	R("auto repl", VACATION, EXACT - 5),
	R("automatic reply", VACATION, EXACT - 5),
	R("autoresponder", VACATION, EXACT - 5),
	R("auto-response", VACATION, EXACT - 5),
	R("automated response", VACATION, EXACT - 5),
	R("i am currently away", VACATION, EXACT - 5),
	R("i'm currently away", VACATION, EXACT - 5),
	R("i am away", VACATION, EXACT - 5),
	R("i will be back", VACATION, STRONG),
#undef G
	/* Not a failure: a list's moderation-hold notice (Mailman 2 "is being
	 * held until the list moderator can review it for approval", "awaiting
	 * moderator approval") and challenge-response systems asking the
	 * sender to prove it is human (cPanel BoxTrapper "verify that you are
	 * a real live human being", SpamArrest-style "please verify you are
	 * human"); Postmark files these as ChallengeVerification, an
	 * auto-reply */
#define G "vacation: list moderation holds (Mailman), challenge-response (BoxTrapper, SpamArrest)"
	R("until the list moderator", VACATION, EXACT - 5),
	R("awaiting moderator approval", VACATION, EXACT - 5),
	R("real live human", VACATION, EXACT - 5),
	R("you are human", VACATION, EXACT - 5),
#undef G
#define G "vacation: RFC 3834 auto-replies, Exchange 'Automatic reply'"
#undef G

	/*
	 * feedback: a complaint report.  RFC 5965 ARF ("Feedback-Type: abuse"),
	 * Yahoo CFL / Microsoft JMRP "This is an email abuse report", Amazon SES
	 * "complaintFeedbackType", feedback loops.
	 */
#define G "feedback: RFC 5965 ARF, Yahoo CFL, Microsoft JMRP, SES complaints"
	R("feedback-type", FEEDBACK, EXACT),
	R("complaintfeedbacktype", FEEDBACK, EXACT),
	R("abuse report", FEEDBACK, EXACT),
	R("feedback report", FEEDBACK, EXACT),
	R("feedback loop", FEEDBACK, STRONG),
	R("spam complaint", FEEDBACK, EXACT),
	/* Postmark bounce type SpamComplaint ("The subscriber explicitly marked
	 * this message as spam"), Mailjet's "spam reporter" */
	R("spamcomplaint", FEEDBACK, EXACT),
	R("marked this message as spam", FEEDBACK, EXACT),
	R("spam reporter", FEEDBACK, STRONG),
	R("complaint report", FEEDBACK, EXACT),
	R("marked as spam by the recipient", FEEDBACK, EXACT),
#undef G
	/* ESP suppressions after a complaint: SendGrid's drop reason "Spam
	 * Reporting Address", Mailgun's "Not delivering to a user who marked
	 * your messages as spam" (their event documentation) */
#define G "feedback: ESP complaint suppressions (SendGrid, Mailgun)"
	R("spam reporting address", FEEDBACK, EXACT),
	R("marked your messages as spam", FEEDBACK, EXACT),
#undef G

	/* delivered: RFC 3464 "Action: delivered", 2.x.x */
#define G "delivered: RFC 3464"
	R("successfully delivered", DELIVERED, STRONG),
#undef G
	/* the MTA's own log verdict: Postfix "status=sent (...)" */
#define G "delivered: Postfix status=sent log line"
	R("status=sent", DELIVERED, EXACT),
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
