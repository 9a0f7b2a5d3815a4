/*
 * bouncemsg.c
 *		A bounce or feedback message to rows: walk the MIME structure, try
 *		the formats in order, complete each recipient from its diagnostic
 *		text and classify it.
 */
#include "bouncemsg.h"

#include "charset.h"
#include "classify.h"
#include "lhost.h"
#include "msgctx.h"

#include <string.h>

BnRecipient *
bn_msg_add(BnMsgCtx *c)
{
	BnMessage  *m = c->out;

	if (m->n == m->cap)
	{
		int			ncap = m->cap ? m->cap * 2 : 4;
		BnRecipient *r;

		if (ncap > 100000)
			return NULL;
		r = bn_arena_alloc(c->a, sizeof(BnRecipient) * ncap);
		if (r == NULL)
			return NULL;
		if (m->n > 0)
			memcpy(r, m->rcpts, sizeof(BnRecipient) * m->n);
		m->rcpts = r;
		m->cap = ncap;
	}
	memset(&m->rcpts[m->n], 0, sizeof(BnRecipient));
	return &m->rcpts[m->n++];
}

/* The human-readable text: the first text/plain outside an enclosed
 * message, else the first text part of any kind. */
static const BnPart *
readable_part(const BnMime *m)
{
	const BnPart *any = NULL;

	for (int i = 0; i < m->nparts; i++)
	{
		const BnPart *p = &m->parts[i];

		if (p->text == NULL || p->encapsulated)
			continue;
		if (strcmp(p->ctype, "text/plain") == 0)
			return p;
		if (any == NULL && strncmp(p->ctype, "text/", 5) == 0 &&
			strcmp(p->ctype, "text/rfc822-headers") != 0)
			any = p;
	}
	return any;
}

/*
 * Where a DSN gives no Diagnostic-Code, the human-readable part usually
 * explains the recipient: the lines from the one naming it to the next
 * blank line.
 */
static char *
explanation_in_text(BnMsgCtx *c, const char *addr)
{
	const char *s = c->body;
	size_t		n = c->body_len;
	const char *p;
	const char *ls;
	const char *e;

	if (s == NULL || addr == NULL || addr[0] == '\0')
		return NULL;
	p = bn_memcasestr(s, n, addr);
	if (p == NULL)
		return NULL;
	ls = p;
	while (ls > s && ls[-1] != '\n')
		ls--;
	e = p;
	for (int lines = 0; e < s + n && lines < 12; lines++)
	{
		const char *nl = memchr(e, '\n', (size_t) (s + n - e));
		const char *next = nl ? nl + 1 : s + n;
		const char *q = next;

		e = next;
		/* a blank line ends the explanation, once it has some text */
		while (q < s + n && (*q == ' ' || *q == '\t' || *q == '\r'))
			q++;
		if (q >= s + n || *q == '\n')
		{
			if (lines > 0)
				break;
		}
	}
	return bn_squeeze(ls, (size_t) (e - ls), c->a);
}

static bool
has_letters(const char *s)
{
	for (; s != NULL && *s; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
			((unsigned char) *s) >= 0x80)
			return true;
	return false;
}

static BnStatus paired_status(const char *d, size_t n, int *code);

static inline bool
reply_digits(const char *p)
{
	return (p[0] == '4' || p[0] == '5') && p[1] >= '0' && p[1] <= '9' &&
		p[2] >= '0' && p[2] <= '9';
}

/*
 * A reply code of class cls (0: any failure) read from a session
 * transcript: the first "<<< 550 ..." line, the remote server's own reply
 * as Sendmail and others record it (later ones answer QUIT).
 */
static int
transcript_reply(const char *s, size_t n, int cls)
{
	const char *p = s;

	while ((p = bn_memcasestr(p, n - (size_t) (p - s), "<<< ")) != NULL)
	{
		p += 4;
		if ((size_t) (s + n - p) >= 3 && reply_digits(p) &&
			(p + 3 == s + n || p[3] == ' ' || p[3] == '-' || p[3] == '\n' ||
			 p[3] == '\r') &&
			(cls == 0 || p[0] - '0' == cls))
			return (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
	}
	return 0;
}

/*
 * A line of the readable text that begins with a reply code and an
 * enhanced status of the report's class ("451 4.0.0 Operating system
 * error"): the error message Sendmail prints for the one recipient of a
 * report whose Diagnostic-Code carries no reply (a local mailer's).
 */
static int
readable_reply_line(const char *s, size_t n, int cls)
{
	const char *p = s;

	while (p < s + n)
	{
		const char *nl = memchr(p, '\n', (size_t) (s + n - p));
		const char *le = nl ? nl : s + n;
		int			code = 0;

		if (le - p >= 9 && reply_digits(p) &&
			paired_status(p, (size_t) (le - p), &code) != BN_STATUS_NONE &&
			code / 100 == cls &&
			(p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0') == code)
			return code;
		p = nl ? nl + 1 : s + n;
	}
	return 0;
}

/*
 * What the human-readable part of a DSN adds for a recipient: its
 * explanation where the report gives no diagnostic text, and the SMTP
 * command where the diagnostic does not say (a transcript, "in reply to
 * RCPT TO command", "after EHLO").
 */
static void
dsn_from_text(BnMsgCtx *c, BnRecipient *r)
{
	const char *d = r->diagnostic;
	char	   *near;

	if (c->body == NULL)
		return;
	near = explanation_in_text(c, r->recipient);
	if (!has_letters(d))
	{
		if (near != NULL && near[0] != '\0')
			r->diagnostic = near;
		d = r->diagnostic;
	}
	/* no reply code in the report: a transcript line that names the
	 * recipient with one ("<<< 550 5.1.1 <a@b>... User unknown") */
	if (d != NULL && bn_reply_code_find(d, strlen(d)) == 0 &&
		r->recipient != NULL && r->recipient[0] != '\0')
	{
		const char *s = c->body;
		size_t		n = c->body_len;
		const char *p = s;

		while ((p = bn_memcasestr(p, n - (size_t) (p - s), r->recipient)) != NULL)
		{
			const char *ls = p;
			int			code;

			while (ls > s && ls[-1] != '\n')
				ls--;
			while (ls < p && (*ls == ' ' || *ls == '<' || *ls == '\t'))
				ls++;
			code = bn_reply_code_find(ls, (size_t) (p - ls));
			if (code != 0 && ls[0] >= '2' && ls[0] <= '5')
			{
				if (bn_status_class(r->status) == 0 ||
					code / 100 == bn_status_class(r->status))
					r->reply_code = code;
				break;
			}
			p += 1;
		}
	}
	/* still none: the transcript of the recipient's explanation; for the
	 * one recipient of a report, the text's transcript or error line */
	if (r->reply_code == 0 && (d == NULL || bn_reply_code_find(d, strlen(d)) == 0) &&
		bn_status_class(r->status) != 2)
	{
		int			cls = bn_status_class(r->status);

		if (near != NULL)
			r->reply_code = transcript_reply(near, strlen(near), cls);
		if (r->reply_code == 0 && c->out->n == 1 && cls != 0)
		{
			size_t		bl = c->body_len < 8192 ? c->body_len : 8192;

			r->reply_code = transcript_reply(c->body, bl, cls);
			if (r->reply_code == 0)
				r->reply_code = readable_reply_line(c->body, bl, cls);
		}
	}
	if (d != NULL && bn_find_command(d, strlen(d)) != NULL)
		return;
	if (near != NULL && near[0] != '\0')
		r->command = (char *) bn_find_command(near, strlen(near));
	else if (c->out->n == 1)
	{
		/* the one recipient: the readable text says it */
		size_t		n = c->body_len < 8192 ? c->body_len : 8192;

		r->command = (char *) bn_find_command(c->body, n);
	}
}

static bool
unspecific(BnStatus st)
{
	return bn_status_subject(st) == 0 && bn_status_detail(st) == 0;
}

/*
 * A reply code and the enhanced status right after it ("550 5.7.1",
 * "550-5.7.1", "550-'5.7.1"), the classes agreeing: the status the remote
 * server itself gave.
 */
static BnStatus
paired_status(const char *d, size_t n, int *code)
{
	for (size_t i = 0; i + 9 <= n; i++)
	{
		size_t		j;
		size_t		k;
		BnStatus	st;

		if (!(d[i] == '2' || d[i] == '4' || d[i] == '5') ||
			!(d[i + 1] >= '0' && d[i + 1] <= '9') ||
			!(d[i + 2] >= '0' && d[i + 2] <= '9') ||
			(i > 0 && ((d[i - 1] >= '0' && d[i - 1] <= '9') || d[i - 1] == '.')))
			continue;
		j = i + 3;
		if (j >= n || (d[j] != ' ' && d[j] != '-'))
			continue;
		j++;
		if (j < n && (d[j] == '\'' || d[j] == '"'))
			j++;
		if (j >= n || d[j] != d[i])
			continue;
		k = j;
		while (k < n && ((d[k] >= '0' && d[k] <= '9') || d[k] == '.'))
			k++;
		if (k < n && d[k] != ' ' && d[k] != ',' && d[k] != ';' && d[k] != ')' && d[k] != '\'')
			continue;
		if (bn_status_parse(d + j, k - j, &st) == BN_STATUS_OK)
		{
			*code = (d[i] - '0') * 100 + (d[i + 1] - '0') * 10 + (d[i + 2] - '0');
			return st;
		}
	}
	return BN_STATUS_NONE;
}

/* Make a string valid UTF-8 (raw 8-bit header bytes reach some fields). */
static void
valid_utf8(BnMsgCtx *c, char **s)
{
	const char *out;
	size_t		n;

	if (*s == NULL)
		return;
	n = strlen(*s);
	if (bn_utf8_valid_prefix(*s, n) == n)
		return;
	n = bn_charset_to_utf8(NULL, 0, *s, n, c->a, &out);
	*s = n == (size_t) -1 ? NULL : (char *) out;
}

/*
 * RFC 3464 "Action: failed" says the MTA will not try again; with a
 * transient (4.x.x) status it gave up on a failure that was temporary, which
 * MTAs do only when the retry period runs out (Postfix's
 * maximal_queue_lifetime, Sendmail's Timeout.queuereturn): the message
 * expired.  The condition it kept meeting, when only a passing one (no
 * answer, a busy or erring server, a rate limit), is then the detail, not
 * the reason; a lasting one the text names (a full mailbox, an unknown
 * user) stays the reason.  The classifier sees the status and the text
 * but not the action, which is the news here; when the status is itself
 * 4.4.7 (delivery time expired) the classifier has already weighed that
 * against the text, and its verdict stands.
 */
static bool
transient_condition(BnReason reason)
{
	switch (reason)
	{
		case BN_REASON_NETWORK_ERROR:
		case BN_REASON_SYSTEM_ERROR:
		case BN_REASON_TOO_MANY_CONN:
		case BN_REASON_SPEEDING:
		case BN_REASON_GREYLISTED:
		case BN_REASON_ON_HOLD:
		case BN_REASON_UNDEFINED:
			return true;
		default:
			return false;
	}
}

static void
complete(BnMsgCtx *c, BnRecipient *r)
{
	const char *d = r->diagnostic;
	size_t		dl = d ? strlen(d) : 0;
	BnInput		in;
	BnVerdict	v;
	BnEvidence	ev;
	BnReason	reason;

	if (dl > 0)
	{
		BnStatus	found = bn_status_find(d, dl);
		int			paired_code = 0;
		BnStatus	paired = paired_status(d, dl, &paired_code);

		/* the remote server's own "550 5.7.1" beats the status the
		 * reporting MTA put in its report */
		if (paired != BN_STATUS_NONE &&
			(r->status == BN_STATUS_NONE ||
			 bn_status_class(paired) == bn_status_class(r->status)))
		{
			r->status = paired;
			if (r->reply_code == 0)
				r->reply_code = paired_code;
		}

		if (r->reply_code == 0)
			r->reply_code = bn_reply_code_find(d, dl);
		if (r->status == BN_STATUS_NONE ||
			(found != BN_STATUS_NONE && unspecific(r->status) &&
			 bn_status_class(found) == bn_status_class(r->status)))
			if (found != BN_STATUS_NONE)
				r->status = found;
		if (r->command == NULL)
			r->command = (char *) bn_find_command(d, dl);
		if (r->remote == NULL)
			r->remote = bn_find_remote(d, dl, c->a);
	}
	/* a reply code whose class contradicts the status is not this one's */
	if (r->reply_code != 0 && r->status != BN_STATUS_NONE &&
		r->reply_code / 100 != bn_status_class(r->status) &&
		bn_status_class(r->status) != 2 && r->reply_code / 100 == 2)
		r->reply_code = 0;
	if (r->message_id == NULL && c->orig != NULL)
	{
		char	   *mid = bn_header_get(c->orig, "message-id", c->a);

		if (mid != NULL)
			r->message_id = bn_squeeze(mid, strlen(mid), c->a);
	}
	if (r->feedback_id == NULL && c->orig != NULL)
	{
		char	   *fid = bn_header_get(c->orig, "feedback-id", c->a);

		if (fid != NULL)
			r->feedback_id = bn_squeeze(fid, strlen(fid), c->a);
	}

	memset(&in, 0, sizeof in);
	in.text = d;
	in.text_len = dl;
	in.reply_code = r->reply_code;
	in.status = r->status;
	in.command = r->command;
	in.command_len = r->command ? strlen(r->command) : 0;
	if (r->remote != NULL)
	{
		in.remote = r->remote;
		in.remote_len = strlen(r->remote);
	}
	else if (r->recipient != NULL)
	{
		in.remote = r->recipient;
		in.remote_len = strlen(r->recipient);
	}
	bn_classify_explain(&in, &v, &ev);
	reason = v.reason;
	if (r->has_hint && (r->hint_strong || reason == BN_REASON_UNDEFINED ||
						reason == BN_REASON_ON_HOLD ||
						ev.source == BN_EVIDENCE_STATUS ||
						ev.source == BN_EVIDENCE_REPLY))
		reason = r->hint;
	else if (r->action != NULL && strcmp(r->action, "failed") == 0 &&
			 bn_status_class(r->status) == 4 &&
			 r->status != BN_STATUS_PACK(4, 4, 7) && transient_condition(reason))
		reason = BN_REASON_EXPIRED;
	else if (r->action != NULL && strcmp(r->action, "delivered") == 0 &&
			 (r->status == BN_STATUS_NONE || bn_status_class(r->status) == 2))
		reason = BN_REASON_DELIVERED;
	if (r->status == BN_STATUS_NONE && reason != BN_REASON_FEEDBACK &&
		reason != BN_REASON_VACATION)
		r->status = v.status;
	if (r->reply_code == 0 && reason != BN_REASON_FEEDBACK &&
		reason != BN_REASON_VACATION)
		r->reply_code = v.reply_code;
	r->reason = reason;
	r->kind = bn_default_kind(&in, reason, r->status, r->reply_code);

	valid_utf8(c, &r->recipient);
	valid_utf8(c, &r->action);
	valid_utf8(c, &r->diagnostic);
	valid_utf8(c, &r->remote);
	valid_utf8(c, &r->feedback_type);
	valid_utf8(c, &r->message_id);
	valid_utf8(c, &r->feedback_id);
}

static BnMsgResult parse_message(const char *data, size_t len, BnMessage *m,
								 int depth);

/*
 * A bounce forwarded as an attachment: a message that is no report itself
 * (a person's or a helpdesk's forward) enclosing, as message/rfc822, one
 * that a format reads.  Tried only when the outer message is no RFC 3464
 * or 5965 report, so that the returned copy a report encloses is never
 * taken for the report; with standard_only, only an enclosed report of
 * those two formats counts (before the MTA text formats, whose generic
 * reader would take a forward's own words for a bounce); one level deep.
 * The rows, and the arena they live in, become m's.
 */
static bool
forwarded_report(const BnMime *mime, BnMessage *m, int depth, bool standard_only)
{
	if (depth > 0)
		return false;
	for (int i = 0; i < mime->nparts; i++)
	{
		const BnPart *p = &mime->parts[i];
		BnMessage	inner;

		if (p->raw == NULL || p->raw_len == 0)
			continue;
		if (standard_only)
		{
			/* both are multipart/report: skip the usual returned message */
			char	   *ct = bn_header_get(&p->headers, "content-type", &m->arena);

			if (ct == NULL || bn_memcasestr(ct, strlen(ct), "multipart/report") == NULL)
				continue;
		}
		if (parse_message(p->raw, p->raw_len, &inner, depth + 1) == BN_MSG_OK &&
			inner.n > 0 &&
			(!standard_only || (inner.format != NULL &&
								(strcmp(inner.format, "dsn") == 0 ||
								 strcmp(inner.format, "arf") == 0))))
		{
			bn_arena_adopt(&m->arena, &inner.arena);
			m->rcpts = inner.rcpts;
			m->n = inner.n;
			m->cap = inner.cap;
			m->format = inner.format;
			m->truncated = m->truncated || inner.truncated;
			return true;
		}
		bn_message_free(&inner);
	}
	return false;
}

static BnMsgResult
parse_message(const char *data, size_t len, BnMessage *m, int depth)
{
	BnMime		mime;
	BnMsgCtx	c;
	const BnPart *body;
	char	   *v;
	int			n;

	memset(m, 0, sizeof *m);
	bn_arena_init(&m->arena, BN_MSG_ARENA_BASE + len * BN_MSG_ARENA_PER_BYTE);
	if (!bn_mime_parse(data, len, &m->arena, &mime))
		return BN_MSG_NOMEM;
	m->truncated = mime.truncated;

	memset(&c, 0, sizeof c);
	c.a = &m->arena;
	c.out = m;
	c.mime = &mime;
	v = bn_header_get(&mime.headers, "from", c.a);
	c.from = v ? v : "";
	v = bn_header_get(&mime.headers, "subject", c.a);
	c.subject = v ? v : "";
	body = readable_part(&mime);
	if (body != NULL)
	{
		c.body = body->text;
		c.body_len = body->text_len;
	}
	for (int i = 0; i < mime.nparts; i++)
		if (mime.parts[i].encapsulated)
		{
			c.orig = &mime.parts[i].headers;
			break;
		}

	if ((n = bn_parse_arf(&c)) > 0)
		m->format = "arf";
	else if ((n = bn_parse_dsn(&c)) > 0)
	{
		m->format = "dsn";
		for (int i = 0; i < m->n; i++)
			dsn_from_text(&c, &m->rcpts[i]);
	}
	else if (forwarded_report(&mime, m, depth, true))
		return m->arena.failed ? BN_MSG_NOMEM : BN_MSG_OK;	/* complete */
	else if ((n = bn_parse_lhost(&c)) > 0)
		;						/* the format named itself */
	else if ((n = bn_parse_autoreply(&c)) > 0)
		m->format = "autoreply";
	if (m->arena.failed)
		return BN_MSG_NOMEM;
	if (m->n > 0)
	{
		for (int i = 0; i < m->n; i++)
			complete(&c, &m->rcpts[i]);
	}
	else
		forwarded_report(&mime, m, depth, false);	/* rows complete */
	if (m->arena.failed)
		return BN_MSG_NOMEM;
	return BN_MSG_OK;
}

BnMsgResult
bn_message_parse(const char *data, size_t len, BnMessage *m)
{
	return parse_message(data, len, m, 0);
}

void
bn_message_free(BnMessage *m)
{
	bn_arena_free(&m->arena);
	m->rcpts = NULL;
	m->n = 0;
}
