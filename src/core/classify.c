/*
 * classify.c
 *		Built-in classification: codes + command + remote host + text -> reason.
 *
 * THE EVIDENCE RULE (SPEC section 1, "Evidence")
 *
 *   Only what is present decides.  A part of the input that is missing (a
 *   NULL or empty command, remote host, reply code or status) is unknown:
 *   it never pushes a verdict one way or the other.  No rule below may
 *   test for the absence of a part ("no command, so it was DATA"; "no
 *   status, so it was a filter").  A bare text is judged by its words
 *   and the codes written inside it, exactly as if the caller had passed
 *   those codes.
 *
 *   Wording that says the recipient does not exist ("No such user", "User
 *   unknown", "Mailbox not found", "Recipient address rejected: ...") is
 *   user_unknown (hard) unless something PRESENT says otherwise:
 *     - the provider's own documented meaning (provider_rules.c), for the
 *       provider recognised from the remote host or recipient domain;
 *     - an explicit DATA stage (the command argument, or the MTA's own
 *       words "after end of data", ...) without an addressing status
 *       (X.1.x): RFC 5321 has the recipient accepted at RCPT TO, so a
 *       refusal after DATA is the answer of a content filter or of the
 *       recipient's settings, `filtered` as Sisimai defines that reason;
 *     - a mailbox-status code (X.2.0, X.2.1, X.2.4), which RFC 3463 defines
 *       as "the mailbox exists, but ...", outside an explicit RCPT TO stage
 *       (where the refusal is of the address itself and the wording
 *       decides): the address is not unknown, the receiver refuses the
 *       message: `filtered`;
 *     - an explicit MAIL FROM stage: the address refused is the sender's
 *       (`rejected`).
 *   When the evidence is weak or contradictory, an undetermined reason
 *   (on_hold with a failure code, undefined without) beats a confident
 *   wrong kind: weak wording never outranks a clear status, and a
 *   failure code with no known meaning gives on_hold.
 *
 * Evidence, strongest first (patterns.h has the priority scale):
 *   1. the provider's own wording and private status codes
 *      (provider_rules.c), for the provider of the remote host or
 *      recipient domain;
 *   2. generic wording (patterns.c): text beats code, so "552 5.2.2 mailbox
 *      full" is a full mailbox and "5.7.1 no such user" an unknown user;
 *   3. the enhanced status code (given, or else the first one in the text;
 *      RFC 3463 and the IANA registry);
 *   4. the basic reply code (given, or else the first one in the text;
 *      RFC 5321);
 *   5. nothing: on_hold when there was a failure code, else undefined.
 * Weak wording ("access denied", "try again later") only beats a status
 * that says little (X.7.1, X.0.0); a status with one clear meaning (X.1.1,
 * X.2.2) beats it.
 *
 * Then the SMTP command, when one is present (given, or named by the text),
 * says whose problem it is, as a postmaster reads it:
 *   - a refusal at MAIL FROM is about the envelope sender: an "unknown
 *     address" there, or a refusal with no clearer cause, is `rejected`;
 *   - a refusal at connection or EHLO with no clearer cause is about the
 *     sending host: `blocked`; at connection, a permanent refusal whose
 *     only cause is a catch-all status (5.7.1, 5.0.0) is too;
 *   - "user unknown" wording after DATA, or under an X.2.x mailbox status,
 *     is `filtered` (see above).  A provider's own wording is kept.
 *
 * bn_classify_explain() gives, besides the verdict, the evidence that
 * decided it (bounce.explain() shows it).
 *
 * Plain C: no PostgreSQL headers, no allocation.
 */
#include "classify.h"
#include "patterns.h"
#include "provider.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef enum Command
{
	CMD_NONE,
	CMD_CONN,
	CMD_EHLO,
	CMD_MAIL,
	CMD_RCPT,
	CMD_DATA,
	CMD_OTHER
} Command;

static inline char
upper(char c)
{
	return (c >= 'a' && c <= 'z') ? (char) (c - ('a' - 'A')) : c;
}

static Command
parse_command(const char *s, size_t len)
{
	char		w[4];

	if (s == NULL)
		return CMD_NONE;
	while (len > 0 && (*s == ' ' || *s == '\t'))
	{
		s++;
		len--;
	}
	if (len == 0)
		return CMD_NONE;
	if (len < 4)
		return CMD_OTHER;
	for (int i = 0; i < 4; i++)
		w[i] = upper(s[i]);
	if (memcmp(w, "RCPT", 4) == 0)
		return CMD_RCPT;
	if (memcmp(w, "MAIL", 4) == 0)
		return CMD_MAIL;
	if (memcmp(w, "DATA", 4) == 0 || memcmp(w, "BDAT", 4) == 0)
		return CMD_DATA;
	if (memcmp(w, "EHLO", 4) == 0 || memcmp(w, "HELO", 4) == 0 ||
		memcmp(w, "LHLO", 4) == 0 || memcmp(w, "STAR", 4) == 0)
		return CMD_EHLO;
	if (memcmp(w, "CONN", 4) == 0)
		return CMD_CONN;
	return CMD_OTHER;
}

/* The reasons that describe an address (the recipient's, or at MAIL FROM,
 * the sender's). */
static inline bool
is_address_reason(BnReason r)
{
	return r == BN_REASON_USER_UNKNOWN || r == BN_REASON_HOST_UNKNOWN ||
		r == BN_REASON_HAS_MOVED || r == BN_REASON_NOT_ACCEPT ||
		r == BN_REASON_SUSPEND;
}

/* Case-insensitive "temporar" anywhere in the text; linear. */
static bool
says_temporary(const char *text, size_t len)
{
	static const char word[] = "temporar";
	const size_t n = sizeof(word) - 1;

	if (text == NULL)
		return false;
	for (size_t i = 0; i + n <= len; i++)
	{
		size_t		j = 0;

		if ((text[i] | 0x20) != 't')
			continue;
		while (j < n && (text[i + j] | 0x20) == word[j])
			j++;
		if (j == n)
			return true;
	}
	return false;
}

BnKind
bn_default_kind(const BnInput *in, BnReason reason, BnStatus status,
				int reply_code)
{
	if ((unsigned) reason >= BN_REASON_COUNT)
		return BN_KIND_UNDETERMINED;
	if (reason == BN_REASON_NOT_ACCEPT)
	{
		if (bn_status_class(status) == 4 || reply_code / 100 == 4)
			return BN_KIND_SOFT;
		if (in != NULL && says_temporary(in->text, in->text_len))
			return BN_KIND_SOFT;
	}
	return bn_reason_default_kind[reason];
}

/* RFC 3463 X.1.x: a status about the address itself. */
static inline bool
is_addressing_status(BnStatus st)
{
	return bn_status_class(st) == 5 && bn_status_subject(st) == 1;
}

/* RFC 3463 X.2.0, X.2.1, X.2.4: "the mailbox exists, but ...". */
static inline bool
is_mailbox_exists_status(BnStatus st)
{
	int			d = bn_status_detail(st);

	return bn_status_class(st) >= 4 && bn_status_subject(st) == 2 &&
		(d == 0 || d == 1 || d == 4);
}

/*
 * qmail-send logs a delivery report with its blanks written as underscores
 * and its line breaks as slashes ("delivery 12: deferral:
 * Sorry,_I_wasn't_able_to_establish_an_SMTP_connection._(#4.4.1)/",
 * qmail-send.c), and senders store that line as it is.  A text with at
 * least three underscores and more of them than blanks is read with its
 * underscores as blanks, so its wording is seen as qmail-remote wrote it;
 * a short event word ("bad_mailbox") keeps its own.
 */
#define QMAIL_LOG_MAX 2048

static const char *
qmail_blanks(const char *text, size_t len, char *buf)
{
	size_t		under = 0,
				blank = 0;

	if (len == 0 || len > QMAIL_LOG_MAX || memchr(text, '_', len) == NULL)
		return text;
	for (size_t i = 0; i < len; i++)
	{
		under += text[i] == '_';
		blank += text[i] == ' ';
	}
	if (under < 3 || under <= blank)
		return text;
	for (size_t i = 0; i < len; i++)
		buf[i] = text[i] == '_' ? ' ' : text[i];
	return buf;
}

static void
classify(const BnInput *in, BnVerdict *out, BnEvidence *ev)
{
	char		qbuf[QMAIL_LOG_MAX];
	const char *text = in->text;
	size_t		len = text != NULL ? in->text_len : 0;
	BnProvider	provider = BN_PROVIDER_UNKNOWN;
	BnStatus	status = in->status;
	int			reply = in->reply_code;
	Command		cmd = parse_command(in->command, in->command_len);
	BnMatch		m;
	BnReason	reason = BN_REASON_UNDEFINED,
				r;
	int			prio = 0,
				p;
	BnEvidenceSource source = BN_EVIDENCE_NONE;
	BnRefinement refined = BN_REFINE_NONE;
	bool		command_given = cmd != CMD_NONE,
				failure,
				generic_text;

	if (len > 0)
		text = qmail_blanks(text, len, qbuf);
	if (in->remote != NULL && in->remote_len > 0)
		provider = bn_provider_of(in->remote, in->remote_len);
	/* the codes the caller did not give, from the text in one pass */
	bn_codes_find(text, len, bn_status_valid(status) ? NULL : &status,
				  bn_reply_code_valid(reply) ? NULL : &reply);

	/* Wording, then the codes: the highest priority wins, text on ties. */
	bn_patterns_scan(text, len, provider, status, &m);
	if (cmd == CMD_NONE)
	{
		/* the text itself names the stage: present evidence */
		switch (m.stage)
		{
			case BN_MARK_STAGE_CONN:
				cmd = CMD_CONN;
				break;
			case BN_MARK_STAGE_EHLO:
				cmd = CMD_EHLO;
				break;
			case BN_MARK_STAGE_MAIL:
				cmd = CMD_MAIL;
				break;
			case BN_MARK_STAGE_RCPT:
				cmd = CMD_RCPT;
				break;
			case BN_MARK_STAGE_DATA:
				cmd = CMD_DATA;
				break;
		}
	}
	if (m.prio > 0)
	{
		reason = m.reason;
		prio = m.prio;
		source = m.rule->provider != BN_PROVIDER_UNKNOWN ?
			BN_EVIDENCE_PROVIDER_PHRASE : BN_EVIDENCE_PHRASE;
	}
	if (status != BN_STATUS_NONE && bn_status_meaning(status, provider, &r, &p) &&
		p > prio)
	{
		reason = r;
		prio = p;
		source = BN_EVIDENCE_STATUS;
		if (ev != NULL && bn_provider_status_meaning(status, provider, &r, &p))
			source = BN_EVIDENCE_PROVIDER_STATUS;
	}
	if (reply != 0 && bn_reply_meaning(reply, &r, &p) && p > prio)
	{
		reason = r;
		prio = p;
		source = BN_EVIDENCE_REPLY;
	}
	failure = bn_status_class(status) >= 4 || reply >= 400;
	if (prio == 0)
		reason = failure ? BN_REASON_ON_HOLD : BN_REASON_UNDEFINED;
	generic_text = source == BN_EVIDENCE_PHRASE;

	/*
	 * What present evidence says about whose problem it is.  A missing
	 * command (CMD_NONE) changes nothing.
	 */
	switch (cmd)
	{
		case CMD_MAIL:
			if (is_address_reason(reason) ||
				(failure && prio <= BN_PRIO_STATUS_WEAK &&
				 bn_status_class(status) != 4 && reply / 100 != 4))
			{
				reason = BN_REASON_REJECTED;
				refined = BN_REFINE_MAIL;
			}
			break;
		case CMD_CONN:
		case CMD_EHLO:
			/* as at MAIL FROM: a permanent refusal at the greeting, where
			 * the client's address is all the server knows, whose only
			 * cause is a catch-all status (X.7.1, X.0.0) or the reply
			 * code is about the sending host.  After EHLO the client has
			 * named itself and may have been asked to authenticate, so a
			 * catch-all 5.7.x there keeps its registry meaning. */
			if (reason == BN_REASON_ON_HOLD ||
				(cmd == CMD_CONN && failure && prio <= BN_PRIO_STATUS_WEAK &&
				 bn_status_class(status) != 4 && reply / 100 != 4))
			{
				reason = BN_REASON_BLOCKED;
				refined = BN_REFINE_CONN;
			}
			break;
		case CMD_DATA:
			if (reason == BN_REASON_USER_UNKNOWN && generic_text &&
				!is_addressing_status(status))
			{
				reason = BN_REASON_FILTERED;
				refined = BN_REFINE_DATA;
			}
			break;
		default:
			break;
	}
	if (reason == BN_REASON_USER_UNKNOWN && generic_text && cmd != CMD_RCPT &&
		is_mailbox_exists_status(status))
	{
		reason = BN_REASON_FILTERED;
		refined = BN_REFINE_MAILBOX_STATUS;
	}

	out->reason = reason;
	out->status = status;
	out->reply_code = reply;
	out->kind = bn_default_kind(in, reason, status, reply);
	if (ev != NULL)
	{
		ev->source = source;
		ev->rule = (source == BN_EVIDENCE_PHRASE ||
					source == BN_EVIDENCE_PROVIDER_PHRASE) ? m.rule : NULL;
		ev->provider = provider;
		ev->refined = refined;
		ev->command_given = command_given;
	}
}

void
bn_classify(const BnInput *in, BnVerdict *out)
{
	classify(in, out, NULL);
}

void
bn_classify_explain(const BnInput *in, BnVerdict *out, BnEvidence *ev)
{
	classify(in, out, ev);
}

/* Append to buf like snprintf, never past size; returns the new length. */
static size_t append(char *buf, size_t size, size_t n, const char *fmt,...)
			__attribute__((format(printf, 4, 5)));

static size_t
append(char *buf, size_t size, size_t n, const char *fmt,...)
{
	va_list		ap;
	int			w;

	if (n + 1 >= size)
		return n;
	va_start(ap, fmt);
	w = vsnprintf(buf + n, size - n, fmt, ap);
	va_end(ap);
	if (w < 0)
		return n;
	return n + (size_t) w >= size ? size - 1 : n + (size_t) w;
}

size_t
bn_evidence_format(const BnEvidence *ev, const BnVerdict *v, char *buf,
				   size_t size)
{
	char		code[BN_STATUS_BUFSIZE];
	size_t		n = 0;
	const char *prov = bn_provider_names[ev->provider];
	const char *how = ev->command_given ? "" : " (named in the text)";

	if (size == 0)
		return 0;
	buf[0] = '\0';
	switch (ev->source)
	{
		case BN_EVIDENCE_PHRASE:
			n = append(buf, size, n, "phrase \"%s\" (%s)", ev->rule->phrase,
					   ev->rule->group ? ev->rule->group : "generic wording");
			break;
		case BN_EVIDENCE_PROVIDER_PHRASE:
			n = append(buf, size, n, "provider %s: phrase \"%s\" (%s)", prov,
					   ev->rule->phrase,
					   ev->rule->group ? ev->rule->group : "provider's wording");
			break;
		case BN_EVIDENCE_PROVIDER_STATUS:
			bn_status_format(v->status, code);
			n = append(buf, size, n,
					   "provider %s: status %s (provider's documented code)",
					   prov, code);
			break;
		case BN_EVIDENCE_STATUS:
			bn_status_format(v->status, code);
			n = append(buf, size, n, "status %s (RFC 3463 / IANA registry)", code);
			break;
		case BN_EVIDENCE_REPLY:
			n = append(buf, size, n, "reply code %d (RFC 5321)", v->reply_code);
			break;
		case BN_EVIDENCE_NONE:
			n = append(buf, size, n, "%s", v->reason == BN_REASON_UNDEFINED ?
					   "no evidence: no failure code and no known wording" :
					   "weak evidence: a failure code, no known wording");
			break;
	}
	switch (ev->refined)
	{
		case BN_REFINE_NONE:
			break;
		case BN_REFINE_MAIL:
			n = append(buf, size, n, "; then command MAIL%s: the envelope "
					   "sender was refused (rejected)", how);
			break;
		case BN_REFINE_CONN:
			n = append(buf, size, n, "; then command CONN/EHLO%s: the sending "
					   "host was refused (blocked)", how);
			break;
		case BN_REFINE_DATA:
			n = append(buf, size, n, "; then command DATA%s: the recipient was "
					   "accepted at RCPT, a filter refused (filtered)", how);
			break;
		case BN_REFINE_MAILBOX_STATUS:
			bn_status_format(v->status, code);
			n = append(buf, size, n, "; then status %s: RFC 3463 says the "
					   "mailbox exists (filtered)", code);
			break;
	}
	return n;
}
