/*
 * arf.c
 *		RFC 5965 feedback reports (ARF): a multipart/report with a
 *		message/feedback-report part and the reported message (message/rfc822
 *		or text/rfc822-headers).
 *
 * One row per Original-Rcpt-To (the complaining recipient; some reporters
 * redact it, then the enclosed message's To is used), with Feedback-Type
 * (abuse, fraud, opt-out, virus, other, auth-failure, not-spam, ...), the
 * Arrival-Date, and the enclosed message's Message-ID and Feedback-ID.
 * The reason is feedback; the kind none.
 */
#include "msgctx.h"

#include <string.h>

static void
lower_token(char *v)
{
	char	   *sp;

	if (v == NULL)
		return;
	sp = strpbrk(v, " ;\t");
	if (sp)
		*sp = '\0';
	for (char *p = v; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p += 32;
}

/* Message-ID without its angle brackets' surroundings: "<a@b>" kept whole. */
static char *
msgid(const BnHeaders *h, BnArena *a)
{
	char	   *v = bn_header_get(h, "message-id", a);

	if (v == NULL)
		return NULL;
	return bn_squeeze(v, strlen(v), a);
}

static int
read_feedback(BnMsgCtx *c, const char *s, size_t len, const BnHeaders *orig)
{
	BnHeaders	g;
	char	   *type;
	char	   *mid = NULL;
	char	   *fid = NULL;
	int64_t		when = 0;
	bool		has_when = false;
	int			added = 0;
	char	   *date;

	if (bn_fields_parse(s, len, c->a, &g) == (size_t) -1)
		return 0;
	type = bn_header_get(&g, "feedback-type", c->a);
	if (type == NULL)
		return 0;
	lower_token(type);
	date = bn_header_get(&g, "arrival-date", c->a);
	if (date == NULL)
		date = bn_header_get(&g, "received-date", c->a);
	if (date != NULL)
		has_when = bn_parse_date(date, strlen(date), &when);
	if (orig != NULL)
	{
		mid = msgid(orig, c->a);
		fid = bn_header_get(orig, "feedback-id", c->a);
		if (fid)
			fid = bn_squeeze(fid, strlen(fid), c->a);
		if (!has_when && (date = bn_header_get(orig, "date", c->a)) != NULL)
			has_when = bn_parse_date(date, strlen(date), &when);
	}

	for (int nth = 0;; nth++)
	{
		char	   *rcpt = bn_header_get_nth(&g, "original-rcpt-to", nth, c->a);
		char	   *addr;
		BnRecipient *r;

		if (rcpt == NULL)
		{
			if (nth > 0)
				break;
			/* redacted or absent: the reported message's To */
			if (orig != NULL)
			{
				const BnField *to = bn_header_field(orig, "to");

				addr = to ? bn_address_of(to->value, to->value_len, c->a) : NULL;
			}
			else
				addr = NULL;
		}
		else
			addr = bn_address_of(rcpt, strlen(rcpt), c->a);

		r = bn_msg_add(c);
		if (r == NULL)
			break;
		added++;
		r->recipient = addr;
		r->feedback_type = type;
		r->message_id = mid;
		r->feedback_id = fid;
		r->has_time = has_when;
		r->time = when;
		r->has_hint = true;
		r->hint = BN_REASON_FEEDBACK;
		r->hint_strong = true;
		{
			char	   *ua = bn_header_get(&g, "user-agent", c->a);
			char	   *ip = bn_header_get(&g, "source-ip", c->a);
			char	   *dom = bn_header_get(&g, "reported-domain", c->a);
			size_t		n = 32 + (ua ? strlen(ua) : 0) + (ip ? strlen(ip) : 0) +
				(dom ? strlen(dom) : 0) + strlen(type);
			char	   *d = bn_arena_alloc(c->a, n + 64);

			if (d != NULL)
			{
				d[0] = '\0';
				strcat(d, "Feedback-Type: ");
				strcat(d, type);
				if (ua)
					strcat(strcat(d, "; User-Agent: "), ua);
				if (dom)
					strcat(strcat(d, "; Reported-Domain: "), dom);
				if (ip)
					strcat(strcat(d, "; Source-IP: "), ip);
				r->diagnostic = bn_squeeze(d, strlen(d), c->a);
			}
		}
		if (rcpt == NULL)
			break;
		if (nth >= 1000)
			break;
	}
	return added;
}

int
bn_parse_arf(BnMsgCtx *c)
{
	const BnMime *m = c->mime;

	for (int i = 0; i < m->nparts; i++)
	{
		const BnPart *p = &m->parts[i];

		if (p->text != NULL && strcmp(p->ctype, "message/feedback-report") == 0)
		{
			const BnHeaders *orig = NULL;

			for (int j = i + 1; j < m->nparts && orig == NULL; j++)
				if (m->parts[j].encapsulated)
					orig = &m->parts[j].headers;
			if (orig == NULL)
				orig = c->orig;
			return read_feedback(c, p->text, p->text_len, orig);
		}
	}
	return 0;
}
