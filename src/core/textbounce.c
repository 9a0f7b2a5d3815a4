/*
 * textbounce.c
 *		The recipients of a plain-text bounce body.
 *
 * Most MTAs that write no RFC 3464 report still lay out their text the
 * same way: some boilerplate, then for each failed recipient a line that
 * begins with the address (bare, in angle brackets, or bulleted), followed
 * by the lines that explain it, then a marker before the returned message.
 * A format (BnTextFormat) names its start and end markers; this file does
 * the rest, the same way for every format.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE				/* memmem */
#endif
#include "msgctx.h"

#include <stddef.h>
#include <string.h>

/* Lines that end the explanation in every format: the returned message. */
static const char *const common_end[] = {
	"below this line is a copy of the message",
	"this is a copy of the message",
	"original message follows",
	"----- original message -----",
	"------ original message ------",
	"-----original message-----",
	"returned message",
	"unsent message follows",
	"message headers follow",
	"original message headers",
	"headers of the original message",
	"your message reads",
	"content-type: message/rfc822",
	"included is a copy of the message header",
	NULL
};

/* The earliest of the (lower-case) markers in low[from..n), or NULL. */
static const char *
first_of(const char *low, size_t n, size_t from, const char *const *list)
{
	const char *best = NULL;

	if (list == NULL)
		return NULL;
	for (int i = 0; list[i]; i++)
	{
		size_t		limit = best ? (size_t) (best - low) : n;
		const char *at;

		if (limit <= from)
			break;
		at = memmem(low + from, limit - from, list[i], strlen(list[i]));
		if (at != NULL)
			best = at;
	}
	return best;
}

/*
 * True when a line begins with an address: "addr", "<addr>", "* addr",
 * "addr: text", "addr on 1/2/2026", "addr (expanded from ...)".  Sets the
 * address and where the text after it starts.
 */
static bool
recipient_line(const char *l, size_t n, size_t *as, size_t *al, size_t *rest)
{
	size_t		i = 0;
	size_t		st;
	size_t		len;
	size_t		e;

	while (i < n && (l[i] == ' ' || l[i] == '\t'))
		i++;

	/*
	 * A CJK label before a full-width colon ("收件人：", "宛先："), the way
	 * Chinese and Japanese notices introduce the address: the label is all
	 * non-ASCII, short, and the address follows the colon (U+FF1A).
	 */
	{
		size_t		j = i;

		while (j < n && j < i + 48 && (unsigned char) l[j] >= 0x80 &&
			   !(j + 2 < n && (unsigned char) l[j] == 0xEF &&
				 (unsigned char) l[j + 1] == 0xBC && (unsigned char) l[j + 2] == 0x9A))
			j++;
		if (j > i && j + 2 < n && (unsigned char) l[j] == 0xEF &&
			(unsigned char) l[j + 1] == 0xBC && (unsigned char) l[j + 2] == 0x9A)
		{
			i = j + 3;
			while (i < n && (l[i] == ' ' || l[i] == '\t'))
				i++;
		}
	}
	if (i < n && (l[i] == '*' || l[i] == '-' || l[i] == '#') && i + 1 < n && l[i + 1] == ' ')
		i += 2;
	while (i < n && (l[i] == ' ' || l[i] == '\t'))
		i++;
	if (i < n && (l[i] == '<' || l[i] == '"'))
		i++;
	if (i >= n)
		return false;
	if (!bn_find_address(l + i, n - i, &st, &len) || st != 0)
		return false;
	e = i + len;
	if (e < n && (l[e] == '>' || l[e] == '"'))
		e++;
	if (e < n && !(l[e] == ':' || l[e] == ' ' || l[e] == '\t' || l[e] == '.' ||
				   l[e] == ',' || l[e] == ';' || l[e] == '(' ||
				   bn_cjk_delimiter(l + e, n - e)))
		return false;
	*as = i;
	*al = len;
	while (e < n && (l[e] == ':' || l[e] == ' ' || l[e] == '\t' || l[e] == '.'))
		e++;
	*rest = e;
	return true;
}

typedef struct Entry
{
	const char *addr;
	size_t		addr_len;
	const char *diag;			/* from here ... */
	const char *diag_end;		/* ... to here */
} Entry;

#define MAX_ENTRIES 1000

static bool
same_addr(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn)
		return false;
	for (size_t i = 0; i < an; i++)
	{
		unsigned char x = (unsigned char) a[i];
		unsigned char y = (unsigned char) b[i];

		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return false;
	}
	return true;
}

/*
 * True when the "<" at lt opens the argument of the SMTP command cmd
 * (lower case, "mail from:" or "rcpt to:") in a session transcript
 * ("--> MAIL From:<a@b.example> SIZE=2048", RFC 5321 section 4.1.1).
 */
static bool
command_argument(const char *start, const char *lt, const char *cmd)
{
	const char *q = lt;
	size_t		m = strlen(cmd);

	while (q > start && (q[-1] == ' ' || q[-1] == '\t'))
		q--;
	if ((size_t) (q - start) < m)
		return false;
	q -= m;
	for (size_t i = 0; i < m; i++)
	{
		unsigned char ch = (unsigned char) q[i];

		if (ch >= 'A' && ch <= 'Z')
			ch += 32;
		if (ch != (unsigned char) cmd[i])
			return false;
	}
	return true;
}

/* The failed recipients the message's X-Failed-Recipients header names. */
static int
failed_header(BnMsgCtx *c, char ***addrs)
{
	const BnField *f = bn_header_field(&c->mime->headers, "x-failed-recipients");
	const char *v;
	size_t		n;
	int			k = 0;
	char	  **out;

	if (f == NULL)
		return 0;
	v = f->value;
	n = f->value_len;
	out = bn_arena_alloc(c->a, sizeof(char *) * 64);
	if (out == NULL)
		return 0;
	while (n > 0 && k < 64)
	{
		size_t		st;
		size_t		len;

		if (!bn_find_address(v, n, &st, &len))
			break;
		out[k] = bn_arena_strndup(c->a, v + st, len);
		if (out[k] == NULL)
			break;
		k++;
		v += st + len;
		n -= st + len;
	}
	*addrs = out;
	return k;
}

BnRecipient *
bn_text_recipient(BnMsgCtx *c, const char *addr, size_t addr_len,
				  const char *d, size_t dlen)
{
	BnRecipient *r;
	char	   *lo;

	if ((ptrdiff_t) dlen < 0)
		dlen = 0;				/* an explanation that ends before it starts */
	r = bn_msg_add(c);
	if (r == NULL)
		return NULL;
	r->recipient = bn_arena_strndup(c->a, addr, addr_len);
	if (r->recipient != NULL && (lo = strrchr(r->recipient, '@')) != NULL)
		for (; *lo; lo++)
			if (*lo >= 'A' && *lo <= 'Z')
				*lo += 32;
	r->diagnostic = bn_squeeze(d, dlen, c->a);
	return r;
}

static BnRecipient *
emit(BnMsgCtx *c, const BnTextFormat *f, const char *addr, size_t addr_len,
	 const char *d, size_t dlen, const char *section, size_t section_len)
{
	BnRecipient *r = bn_text_recipient(c, addr, addr_len, d, dlen);

	if (r == NULL)
		return NULL;
	if (f->tune != NULL)
		f->tune(c, r, section, section_len);
	return r;
}

int
bn_text_scan(BnMsgCtx *c, const BnTextFormat *f)
{
	const char *text = c->body;
	size_t		len = c->body_len;
	const char *sec;
	const char *sec_end;
	const char *p;
	char	   *lowered;
	Entry	   *ent;
	int			nent = 0;
	char	  **failed = NULL;
	int			nfailed = failed_header(c, &failed);
	int			added = 0;

	if (text == NULL)
	{
		text = "";
		len = 0;
	}
	/*
	 * The markers are found with memmem in a lower-cased copy of the text:
	 * one pass per marker, not one per line and marker.
	 */
	lowered = bn_arena_alloc(c->a, len + 1);
	if (lowered == NULL)
		return 0;
	for (size_t i = 0; i < len; i++)
	{
		unsigned char ch = (unsigned char) text[i];

		lowered[i] = (char) ((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
	}
	lowered[len] = '\0';

	/* the section: after a start marker's line ... */
	sec = text;
	if (f->start != NULL)
	{
		const char *first = first_of(lowered, len, 0, f->start);

		if (first != NULL)
		{
			const char *nl = memchr(first, '\n', (size_t) (lowered + len - first));

			sec = text + (nl ? (size_t) (nl + 1 - lowered) : len);
		}
	}
	/* ... up to an end marker's line, or an inline header block */
	{
		size_t		from = (size_t) (sec - text);
		const char *e1 = first_of(lowered, len, from, f->end);
		const char *e2 = first_of(lowered, len, from, common_end);
		const char *e = e1 == NULL ? e2 : (e2 == NULL || e1 < e2 ? e1 : e2);
		size_t		stop = e ? (size_t) (e - lowered) : len;

		/* back to the start of the marker's line */
		while (stop > from && lowered[stop - 1] != '\n')
			stop--;
		if (e == NULL)
			stop = len;
		/* a line that starts a returned header block ends it earlier */
		for (const char *q = lowered + from; q < lowered + stop;)
		{
			const char *nl = memchr(q, '\n', (size_t) (lowered + stop - q));

			if ((lowered + stop - q > 10 && memcmp(q, "received: ", 10) == 0) ||
				(lowered + stop - q > 12 && memcmp(q, "return-path:", 12) == 0))
			{
				stop = (size_t) (q - lowered);
				break;
			}
			if (nl == NULL)
				break;
			q = nl + 1;
		}
		sec_end = text + stop;
	}

	ent = bn_arena_alloc(c->a, sizeof(Entry) * MAX_ENTRIES);
	if (ent == NULL)
		return 0;

	/* lines that begin with an address */
	p = sec;
	while (p < sec_end)
	{
		const char *nl = memchr(p, '\n', (size_t) (sec_end - p));
		const char *le = nl ? nl : sec_end;
		size_t		as;
		size_t		al;
		size_t		rest;

		if (recipient_line(p, (size_t) (le - p), &as, &al, &rest))
		{
			int			k;

			for (k = 0; k < nent; k++)
				if (same_addr(ent[k].addr, ent[k].addr_len, p + as, al))
					break;
			/* the same address again: its text continues where it is */
			if (k == nent && nent < MAX_ENTRIES)
			{
				if (nent > 0)
					ent[nent - 1].diag_end = p;
				ent[nent].addr = p + as;
				ent[nent].addr_len = al;
				ent[nent].diag = p + rest;
				ent[nent].diag_end = sec_end;
				nent++;
			}
		}
		p = nl ? nl + 1 : sec_end;
	}

	/* else the addresses in angle brackets the section names */
	if (nent == 0)
	{
		bool		first_in_rcpt = false;

		p = sec;
		while (p < sec_end)
		{
			const char *lt = memchr(p, '<', (size_t) (sec_end - p));
			size_t		st;
			size_t		al;
			int			k;

			if (lt == NULL)
				break;
			if (bn_find_address(lt + 1, (size_t) (sec_end - lt - 1), &st, &al) &&
				st == 0 && lt + 1 + al < sec_end && lt[1 + al] == '>' &&
				/* MAIL FROM names the sender's reverse-path, not a recipient */
				!command_argument(sec, lt, "mail from:"))
			{
				for (k = 0; k < nent; k++)
					if (same_addr(ent[k].addr, ent[k].addr_len, lt + 1, al))
						break;
				if (k == nent && nent < MAX_ENTRIES)
				{
					const char *nl = memchr(lt, '\n', (size_t) (sec_end - lt));

					if (nent > 0)
						ent[nent - 1].diag_end = lt > ent[nent - 1].diag ? lt : ent[nent - 1].diag;
					ent[nent].addr = lt + 1;
					ent[nent].addr_len = al;
					ent[nent].diag = nl ? nl + 1 : sec_end;
					ent[nent].diag_end = sec_end;
					if (nent == 0)
						first_in_rcpt = command_argument(sec, lt, "rcpt to:");
					nent++;
				}
			}
			p = lt + 1;
		}

		/*
		 * One address named in a sentence: its explanation is the whole
		 * section.  Named as the argument of RCPT TO in a transcript, it is
		 * the server's reply on the lines that follow, not the earlier
		 * replies to the session's other commands.
		 */
		if (nent == 1 && !first_in_rcpt)
			ent[0].diag = sec;
	}

	/*
	 * else an address after the colon of a line that speaks of recipients
	 * ("The following recipients returned permanent errors: a@b.example.
	 * Reason: ..."), explained by the rest of its paragraph
	 */
	if (nent == 0)
	{
		p = sec;
		while (p < sec_end && nent < MAX_ENTRIES)
		{
			const char *nl = memchr(p, '\n', (size_t) (sec_end - p));
			const char *le = nl ? nl : sec_end;
			const char *lo = lowered + (p - text);
			const char *word = memmem(lo, (size_t) (le - p), "recipient", 9);
			const char *colon = word ? memchr(word, ':', (size_t) (lowered + (le - text) - word)) : NULL;

			if (colon != NULL)
			{
				const char *v = text + (colon - lowered) + 1;
				size_t		st;
				size_t		al;

				while (v < le && (*v == ' ' || *v == '\t'))
					v++;
				if (bn_find_address(v, (size_t) (le - v), &st, &al) && st == 0)
				{
					const char *e = nl ? nl + 1 : sec_end;

					/* to the end of the paragraph */
					while (e < sec_end)
					{
						const char *q = e;

						while (q < sec_end && (*q == ' ' || *q == '\t' || *q == '\r'))
							q++;
						if (q >= sec_end || *q == '\n')
							break;
						q = memchr(e, '\n', (size_t) (sec_end - e));
						e = q ? q + 1 : sec_end;
					}
					ent[nent].addr = v;
					ent[nent].addr_len = al;
					ent[nent].diag = v + al;
					while (ent[nent].diag < e &&
						   strchr(".,; \t>", *ent[nent].diag) != NULL)
						ent[nent].diag++;
					ent[nent].diag_end = e;
					nent++;
					p = e;
					continue;
				}
			}
			p = nl ? nl + 1 : sec_end;
		}
	}

	/* else the returned message's To, when it names one address: in an
	 * enclosed part, or inline after the end marker */
	if (nent == 0 && nfailed == 0)
	{
		const BnHeaders *orig = c->orig;
		BnHeaders	inline_hdrs;

		if (orig == NULL && sec_end < text + len)
		{
			const char *nl = memchr(sec_end, '\n', (size_t) (text + len - sec_end));

			if (nl != NULL &&
				bn_headers_parse(nl + 1, (size_t) (text + len - nl - 1), c->a,
								 &inline_hdrs) != (size_t) -1)
				orig = &inline_hdrs;
		}
		if (orig != NULL)
		{
			const BnField *to = bn_header_field(orig, "to");
			size_t		st;
			size_t		al;

			if (to != NULL && bn_find_address(to->value, to->value_len, &st, &al) &&
				memchr(to->value + st + al, '@', to->value_len - st - al) == NULL)
			{
				ent[0].addr = to->value + st;
				ent[0].addr_len = al;
				ent[0].diag = sec;
				ent[0].diag_end = sec_end;
				nent = 1;
			}
		}
	}

	/* X-Failed-Recipients is authoritative where it is present */
	if (nfailed > 0)
	{
		for (int i = 0; i < nfailed; i++)
		{
			size_t		fl = strlen(failed[i]);
			int			k;

			for (k = 0; k < nent; k++)
				if (same_addr(ent[k].addr, ent[k].addr_len, failed[i], fl))
					break;
			if (k < nent)
				emit(c, f, ent[k].addr, ent[k].addr_len, ent[k].diag,
					 (size_t) (ent[k].diag_end - ent[k].diag), sec,
					 (size_t) (sec_end - sec));
			else
				emit(c, f, failed[i], fl, sec, (size_t) (sec_end - sec), sec,
					 (size_t) (sec_end - sec));
			added++;
		}
		return added;
	}
	for (int k = 0; k < nent; k++)
	{
		const char *d = ent[k].diag;
		size_t		dl = (size_t) (ent[k].diag_end - d);

		/* nothing after the address (a list of addresses, then one
		 * explanation): the whole section explains it */
		{
			size_t		i = 0;

			while (i < dl && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' ||
							  d[i] == '\n'))
				i++;
			if (i == dl)
			{
				d = sec;
				dl = (size_t) (sec_end - sec);
			}
		}
		if (emit(c, f, ent[k].addr, ent[k].addr_len, d, dl, sec,
				 (size_t) (sec_end - sec)) == NULL)
			break;
		added++;
	}
	return added;
}
