/*
 * classify.c
 *		Built-in classification: codes + command + remote host + text -> reason.
 *
 * Evidence, strongest first (patterns.h has the priority scale):
 *   1. the provider's own wording (provider_rules.c), for the provider of
 *      the remote host or recipient domain;
 *   2. generic wording (patterns.c): text beats code, so "552 5.2.2 mailbox
 *      full" is a full mailbox and "5.7.1 no such user" an unknown user;
 *   3. the enhanced status code (given, or else the first one in the text);
 *   4. the basic reply code (given, or else the first one in the text);
 *   5. nothing: on_hold when there was a failure code, else undefined.
 * Weak wording ("access denied", "try again later") only beats a status
 * that says little (X.7.1, X.0.0); a status with one clear meaning (X.1.1,
 * X.2.2) beats it.
 *
 * Then the SMTP command refines the verdict, as a postmaster reads it:
 *   - a refusal at MAIL FROM is about the envelope sender: an "unknown
 *     address" there, or a refusal with no clearer cause, is `rejected`;
 *   - a refusal at connection or EHLO with no clearer cause is about the
 *     sending host: `blocked`;
 *   - "user unknown" wording after DATA (or at an unknown stage) with no
 *     status saying the address is bad (X.1.x) is what content filters
 *     answer once the recipient was accepted: `filtered` (Sisimai's
 *     definition of that reason).  A provider's own wording is kept.
 *
 * Plain C: no PostgreSQL headers, no allocation.
 */
#include "classify.h"
#include "patterns.h"
#include "provider.h"

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

void
bn_classify(const BnInput *in, BnVerdict *out)
{
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
	bool		from_text = false,
				failure;

	if (in->remote != NULL && in->remote_len > 0)
		provider = bn_provider_of(in->remote, in->remote_len);
	if (!bn_status_valid(status))
		status = len > 0 ? bn_status_find(text, len) : BN_STATUS_NONE;
	if (!bn_reply_code_valid(reply))
		reply = len > 0 ? bn_reply_code_find(text, len) : 0;

	/* Wording, then the codes: the highest priority wins, text on ties. */
	bn_patterns_scan(text, len, provider, status, &m);
	if (cmd == CMD_NONE)
	{
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
		from_text = true;
	}
	if (status != BN_STATUS_NONE && bn_status_meaning(status, provider, &r, &p) &&
		p > prio)
	{
		reason = r;
		prio = p;
		from_text = false;
	}
	if (reply != 0 && bn_reply_meaning(reply, &r, &p) && p > prio)
	{
		reason = r;
		prio = p;
		from_text = false;
	}
	failure = bn_status_class(status) >= 4 || reply >= 400;
	if (prio == 0)
		reason = failure ? BN_REASON_ON_HOLD : BN_REASON_UNDEFINED;

	/* The SMTP command says whose problem it is. */
	switch (cmd)
	{
		case CMD_MAIL:
			if (is_address_reason(reason) ||
				(failure && prio <= BN_PRIO_STATUS_WEAK &&
				 bn_status_class(status) != 4 && reply / 100 != 4))
				reason = BN_REASON_REJECTED;
			break;
		case CMD_CONN:
		case CMD_EHLO:
			if (reason == BN_REASON_ON_HOLD)
				reason = BN_REASON_BLOCKED;
			break;
		case CMD_NONE:
		case CMD_DATA:
			if (reason == BN_REASON_USER_UNKNOWN && from_text &&
				m.rule->provider == BN_PROVIDER_UNKNOWN &&
				!(bn_status_class(status) == 5 && bn_status_subject(status) == 1 &&
				  bn_status_detail(status) <= 10))
				reason = BN_REASON_FILTERED;
			break;
		default:
			break;
	}

	out->reason = reason;
	out->status = status;
	out->reply_code = reply;
	out->kind = bn_default_kind(in, reason, status, reply);
}
