/*
 * dsn.c
 *		RFC 3464 delivery status notifications: the message/delivery-status
 *		part (or message/global-delivery-status, RFC 6533), one per-message
 *		field group then one group per recipient.
 *
 * Per recipient: Final-Recipient (else Original-Recipient, X-Actual-
 * Recipient), Action, Status, Remote-MTA, Diagnostic-Code ("smtp; 550 ..."),
 * Last-Attempt-Date (else the message's Arrival-Date).  A group that
 * repeats Final-Recipient without the blank line between recipients is
 * split there.  A report that arrives as text/plain (broken MTAs) is read
 * from its first Final-Recipient line's paragraph.
 */
#include "msgctx.h"

#include <stdint.h>
#include <string.h>

/* the value after "type;" of a typed field such as "smtp; 550 ...", trimmed */
static char *
typed_value(const char *v, size_t n, BnArena *a)
{
	const char *semi = memchr(v, ';', n);

	if (semi != NULL)
	{
		bool		token = true;

		for (const char *p = v; p < semi; p++)
			if (*p == ' ' && p > v && p[-1] != ' ' && p + 1 < semi && p[1] != ' ')
				token = false;
		if (token && semi - v < 32)
		{
			n -= (size_t) (semi + 1 - v);
			v = semi + 1;
		}
	}
	return bn_squeeze(v, n, a);
}

/* Raw, undecoded field values: DSN fields are US-ASCII, but be lenient. */
static char *
field_text(const BnField *f, BnArena *a)
{
	return bn_header_decode(f->value, f->value_len, a);
}

/*
 * RFC 6533 section 3: an address of type "utf-8" may carry characters as
 * EmbeddedUnicodeChar, "\x{HEXPOINT}" (2 to 6 hex digits, a Unicode scalar
 * value), in utf-8-addr-xtext (message/delivery-status, which must stay
 * ASCII) and utf-8-addr-unitext alike.  Decoded to UTF-8 here; any other
 * type, or a malformed escape, is left as written.  Linear in n.
 */
static char *
recipient_address(const char *v, size_t n, BnArena *a)
{
	const char *semi = memchr(v, ';', n);
	const char *t = v;
	char	   *out;
	size_t		o = 0;

	while (t < v + n && (*t == ' ' || *t == '\t'))
		t++;
	if (semi == NULL || semi - t < 5 || !bn_ieq(t, 5, "utf-8") ||
		bn_memcasestr(semi, n - (size_t) (semi - v), "\\x{") == NULL)
		return bn_address_of(v, n, a);
	out = bn_arena_alloc(a, n + 1);
	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < n;)
	{
		uint32_t	cp = 0;
		size_t		j = i + 3;

		if (v[i] == '\\' && i + 3 < n && (v[i + 1] == 'x' || v[i + 1] == 'X') &&
			v[i + 2] == '{')
		{
			while (j < n && j - i - 3 < 7 &&
				   ((v[j] >= '0' && v[j] <= '9') || (v[j] >= 'a' && v[j] <= 'f') ||
					(v[j] >= 'A' && v[j] <= 'F')))
			{
				cp = cp * 16 + (uint32_t) (v[j] <= '9' ? v[j] - '0' :
										   (v[j] | 0x20) - 'a' + 10);
				j++;
			}
			if (j < n && v[j] == '}' && j - i - 3 >= 2 && j - i - 3 <= 6 &&
				cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF))
			{
				/* at most 4 bytes for the 5 or more of the escape */
				if (cp < 0x80)
					out[o++] = (char) cp;
				else if (cp < 0x800)
				{
					out[o++] = (char) (0xC0 | (cp >> 6));
					out[o++] = (char) (0x80 | (cp & 0x3F));
				}
				else if (cp < 0x10000)
				{
					out[o++] = (char) (0xE0 | (cp >> 12));
					out[o++] = (char) (0x80 | ((cp >> 6) & 0x3F));
					out[o++] = (char) (0x80 | (cp & 0x3F));
				}
				else
				{
					out[o++] = (char) (0xF0 | (cp >> 18));
					out[o++] = (char) (0x80 | ((cp >> 12) & 0x3F));
					out[o++] = (char) (0x80 | ((cp >> 6) & 0x3F));
					out[o++] = (char) (0x80 | (cp & 0x3F));
				}
				i = j + 1;
				continue;
			}
		}
		out[o++] = v[i++];
	}
	out[o] = '\0';
	return bn_address_of(out, o, a);
}

typedef struct DsnMessageFields
{
	bool		has_arrival;
	int64_t		arrival;
	char	   *reporting;		/* Reporting-MTA, a fallback remote of last
								 * resort is NOT taken from it */
} DsnMessageFields;

static void
finish(BnMsgCtx *c, BnRecipient *r, const DsnMessageFields *mf)
{
	(void) c;
	if (r == NULL)
		return;
	/*
	 * A delay report is still being retried.  When its status names a
	 * specific cause (a non-zero detail, RFC 3463: 4.4.1 no answer from
	 * host, 4.2.2 mailbox full), that cause is the reason; with a generic
	 * one (4.0.0, 4.5.0) or none, being on its way to expiring is all the
	 * report says.
	 */
	if (r->action != NULL && strcmp(r->action, "delayed") == 0 && !r->has_hint &&
		(r->status == BN_STATUS_NONE || bn_status_detail(r->status) == 0))
	{
		r->has_hint = true;
		r->hint = BN_REASON_EXPIRED;
	}
	if (!r->has_time && mf->has_arrival)
	{
		r->has_time = true;
		r->time = mf->arrival;
	}
}

/*
 * "Diagnostic-Code: X-Unix; 71": the diagnostic type Sendmail gives its
 * local and program mailers (the third part of the mailer's T= option),
 * whose value is then the program's exit status, a sysexits(3) code.
 * EX_NOUSER and EX_NOHOST name an unknown user or host; any other says
 * the local delivery program failed.  A hint only: words in the text
 * ("Insufficient permission") still decide.
 */
static void
local_exit_status(BnRecipient *r, const char *raw)
{
	const char *v;
	int			code = 0;

	while (*raw == ' ' || *raw == '\t')
		raw++;
	if (!bn_ieq(raw, 6, "x-unix") || strlen(raw) < 7)
		return;
	v = raw + 6;
	while (*v == ' ' || *v == '\t')
		v++;
	if (*v != ';')
		return;
	v++;
	while (*v == ' ' || *v == '\t')
		v++;
	if (*v < '0' || *v > '9')
		return;
	for (; *v >= '0' && *v <= '9' && code < 1000; v++)
		code = code * 10 + (*v - '0');
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	if (*v != '\0')
		return;
	r->has_hint = true;
	r->hint = code == 67 ? BN_REASON_USER_UNKNOWN :
		code == 68 ? BN_REASON_HOST_UNKNOWN : BN_REASON_MAILER_ERROR;
}

/* Read the groups of a delivery-status text; returns recipients added. */
static int
read_report(BnMsgCtx *c, const char *s, size_t len)
{
	size_t		pos = 0;
	int			added = 0;
	DsnMessageFields mf;
	bool		first = true;

	memset(&mf, 0, sizeof mf);
	while (pos < len)
	{
		BnHeaders	g;
		size_t		used;
		BnRecipient *r = NULL;
		bool		has_final = false;

		/* skip blank lines */
		while (pos < len && (s[pos] == '\n' || s[pos] == '\r' ||
							 s[pos] == ' ' || s[pos] == '\t'))
			pos++;
		if (pos >= len)
			break;
		used = bn_fields_parse(s + pos, len - pos, c->a, &g);
		if (used == (size_t) -1)
			return added;
		if (used == 0 || g.n == 0)
		{
			/* not a field line: skip it */
			const char *nl = memchr(s + pos, '\n', len - pos);

			pos = nl ? (size_t) (nl - s) + 1 : len;
			continue;
		}
		pos += used;

		/* recipients in this group: one per Final-Recipient (fields before
		 * the first belong to it); a group with none but an
		 * Original-Recipient is one recipient */
		{
			int			finals = 0;
			bool		any_rcpt = false;

			for (int i = 0; i < g.n; i++)
			{
				if (bn_ieq(g.fields[i].name, g.fields[i].name_len, "final-recipient"))
					finals++;
				if (bn_ieq(g.fields[i].name, g.fields[i].name_len, "original-recipient") ||
					bn_ieq(g.fields[i].name, g.fields[i].name_len, "x-actual-recipient"))
					any_rcpt = true;
			}
			if (finals > 0 || any_rcpt)
			{
				r = bn_msg_add(c);
				if (r == NULL)
					return added;
				added++;
			}
		}
		for (int i = 0; i < g.n; i++)
		{
			const BnField *f = &g.fields[i];
			const char *nm = f->name;
			size_t		nl = f->name_len;

			if (bn_ieq(nm, nl, "arrival-date"))
			{
				char	   *v = field_text(f, c->a);

				if (v && bn_parse_date(v, strlen(v), &mf.arrival))
					mf.has_arrival = true;
				continue;
			}
			if (r == NULL)
				continue;		/* a per-message field */
			if (bn_ieq(nm, nl, "final-recipient"))
			{
				char	   *addr;

				if (has_final)
				{
					/* a second recipient without the blank line */
					finish(c, r, &mf);
					r = bn_msg_add(c);
					if (r == NULL)
						return added;
					added++;
				}
				has_final = true;
				addr = recipient_address(f->value, f->value_len, c->a);
				if (addr != NULL)
					r->recipient = addr;
			}
			else if (bn_ieq(nm, nl, "original-recipient") ||
					 bn_ieq(nm, nl, "x-actual-recipient"))
			{
				if (r->recipient == NULL)
					r->recipient = recipient_address(f->value, f->value_len, c->a);
			}
			else if (bn_ieq(nm, nl, "action"))
			{
				char	   *v = bn_squeeze(f->value, f->value_len, c->a);

				if (v != NULL)
				{
					char	   *sp = strchr(v, ' ');

					if (sp)
						*sp = '\0';
					for (char *p = v; *p; p++)
						if (*p >= 'A' && *p <= 'Z')
							*p += 32;
					r->action = v;
				}
			}
			else if (bn_ieq(nm, nl, "status"))
				r->status = bn_status_find(f->value, f->value_len);
			else if (bn_ieq(nm, nl, "remote-mta"))
			{
				char	   *v = typed_value(f->value, f->value_len, c->a);

				if (v != NULL && v[0] != '\0')
				{
					size_t		vl = strlen(v);

					/* "[192.0.2.1]" or "mx.example.org (192.0.2.1)" */
					if (v[0] == '[' && v[vl - 1] == ']')
					{
						v[vl - 1] = '\0';
						v++;
					}
					else
					{
						char	   *sp = strchr(v, ' ');

						if (sp)
							*sp = '\0';
					}
					vl = strlen(v);
					while (vl > 0 && v[vl - 1] == '.')
						v[--vl] = '\0';
					r->remote = v;
				}
			}
			else if (bn_ieq(nm, nl, "diagnostic-code"))
			{
				char	   *raw = field_text(f, c->a);

				if (raw != NULL)
				{
					r->diagnostic = typed_value(raw, strlen(raw), c->a);
					local_exit_status(r, raw);
				}
			}
			else if (bn_ieq(nm, nl, "last-attempt-date"))
			{
				char	   *v = field_text(f, c->a);

				if (v && bn_parse_date(v, strlen(v), &r->time))
					r->has_time = true;
			}
			else if (bn_ieq(nm, nl, "x-postfix-sender") ||
					 bn_ieq(nm, nl, "reporting-mta"))
			{
				/* known, not needed per recipient */
			}
		}
		finish(c, r, &mf);
		first = false;
	}
	(void) first;
	return added;
}

/* The start of the line of the first "Final-Recipient:" at a line start. */
static const char *
embedded_report(const char *s, size_t n)
{
	const char *p = s;

	while ((p = bn_memcasestr(p, n - (size_t) (p - s), "final-recipient:")) != NULL)
	{
		if (p == s || p[-1] == '\n')
		{
			/* back up to the paragraph start (Reporting-MTA, Arrival-Date) */
			const char *q = p;

			while (q > s)
			{
				const char *prev = q - 1;	/* the '\n' ending the previous line */
				const char *ls = prev;

				while (ls > s && ls[-1] != '\n')
					ls--;
				if (prev - ls == 0 || (prev - ls == 1 && *ls == '\r'))
					break;		/* blank line: paragraph starts at q */
				if (memchr(ls, ':', (size_t) (prev - ls)) == NULL)
					break;
				q = ls;
			}
			return q;
		}
		p += 16;
	}
	return NULL;
}

/* The one address a field names, or NULL (none, or several). */
static char *
single_address(const BnField *f, BnArena *a)
{
	size_t		st;
	size_t		len;

	if (f == NULL || !bn_find_address(f->value, f->value_len, &st, &len) ||
		memchr(f->value + st + len, '@', f->value_len - st - len) != NULL)
		return NULL;
	return bn_address_of(f->value + st, len, a);
}

/*
 * A report of one recipient whose Final-Recipient holds no mail address
 * (a file or program the address was expanded to, as Exim writes for a
 * "save to" or pipe delivery, or a malformed "rfc822; @host"): the
 * address is the one the message's X-Failed-Recipients names (Exim), else
 * the one the returned message was addressed to.
 */
static void
recipient_elsewhere(BnMsgCtx *c, BnRecipient *r)
{
	char	   *addr = single_address(bn_header_field(&c->mime->headers,
													  "x-failed-recipients"),
									  c->a);

	if (addr == NULL && c->orig != NULL)
		addr = single_address(bn_header_field(c->orig, "to"), c->a);
	if (addr != NULL)
		r->recipient = addr;
}

int
bn_parse_dsn(BnMsgCtx *c)
{
	const BnMime *m = c->mime;
	int			added = 0;

	for (int i = 0; i < m->nparts; i++)
	{
		const BnPart *p = &m->parts[i];

		if (p->text == NULL)
			continue;
		if (strcmp(p->ctype, "message/delivery-status") == 0 ||
			strcmp(p->ctype, "message/global-delivery-status") == 0)
			added += read_report(c, p->text, p->text_len);
	}
	if (added == 1 && c->out->rcpts[c->out->n - 1].recipient == NULL)
		recipient_elsewhere(c, &c->out->rcpts[c->out->n - 1]);
	if (added > 0)
		return added;
	/* a report sent as plain text */
	for (int i = 0; i < m->nparts; i++)
	{
		const BnPart *p = &m->parts[i];
		const char *at;

		if (p->text == NULL || p->encapsulated || strncmp(p->ctype, "text/", 5) != 0)
			continue;
		at = embedded_report(p->text, p->text_len);
		if (at != NULL)
		{
			added += read_report(c, at, p->text_len - (size_t) (at - p->text));
			if (added == 1 && c->out->rcpts[c->out->n - 1].recipient == NULL)
				recipient_elsewhere(c, &c->out->rcpts[c->out->n - 1]);
			if (added > 0)
				return added;
		}
	}
	return added;
}
