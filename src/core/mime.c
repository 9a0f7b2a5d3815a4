/*
 * mime.c
 *		MIME entities (RFC 2045, 2046): content types, multipart bodies with
 *		nesting, transfer decodings, text to UTF-8.
 */
#include "mime.h"

#include "charset.h"

#include <string.h>

int
bn_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static signed char b64_table[256];
static bool b64_ready;

static void
b64_init(void)
{
	const char *alpha =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	memset(b64_table, -1, sizeof b64_table);
	for (int i = 0; i < 64; i++)
		b64_table[(unsigned char) alpha[i]] = (signed char) i;
	/* URL-safe alphabet too */
	b64_table['-'] = 62;
	b64_table['_'] = 63;
	b64_ready = true;
}

size_t
bn_base64_decode(const char *in, size_t n, char *out)
{
	unsigned int acc = 0;
	int			bits = 0;
	size_t		o = 0;

	if (!b64_ready)
		b64_init();
	for (size_t i = 0; i < n; i++)
	{
		signed char v = b64_table[(unsigned char) in[i]];

		if (in[i] == '=')
		{
			/* padding: resynchronize for concatenated encodings */
			acc = 0;
			bits = 0;
			continue;
		}
		if (v < 0)
			continue;			/* line breaks and junk are skipped */
		acc = (acc << 6) | (unsigned int) v;
		bits += 6;
		if (bits >= 8)
		{
			bits -= 8;
			out[o++] = (char) ((acc >> bits) & 0xFF);
		}
	}
	return o;
}

size_t
bn_qp_decode(const char *in, size_t n, char *out)
{
	size_t		o = 0;
	size_t		i = 0;

	while (i < n)
	{
		const char *eq = memchr(in + i, '=', n - i);
		size_t		run = eq ? (size_t) (eq - (in + i)) : n - i;

		memcpy(out + o, in + i, run);
		o += run;
		i += run;
		if (i >= n)
			break;
		/* at '=' */
		if (i + 2 < n && bn_hexval(in[i + 1]) >= 0 && bn_hexval(in[i + 2]) >= 0)
		{
			out[o++] = (char) (bn_hexval(in[i + 1]) * 16 + bn_hexval(in[i + 2]));
			i += 3;
		}
		else
		{
			/* soft line break: '=' then optional blanks then (CR)LF */
			size_t		j = i + 1;

			while (j < n && (in[j] == ' ' || in[j] == '\t'))
				j++;
			if (j < n && in[j] == '\r')
				j++;
			if (j < n && in[j] == '\n')
				i = j + 1;
			else if (j >= n)
				i = n;
			else
			{
				out[o++] = '=';
				i++;
			}
		}
	}
	return o;
}

/* the media type of a Content-Type value, lower case, into buf */
static void
media_type(const char *v, char *buf, size_t bufsize)
{
	size_t		o = 0;

	if (v == NULL)
	{
		buf[0] = '\0';
		return;
	}
	while (*v == ' ' || *v == '\t')
		v++;
	while (*v != '\0' && *v != ';' && *v != ' ' && *v != '\t' && o + 1 < bufsize)
	{
		char		c = *v++;

		buf[o++] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
	}
	buf[o] = '\0';
}

typedef struct Walk
{
	BnArena    *a;
	BnMime	   *m;
	int			entities;		/* entities walked, listed or not */
} Walk;

static BnPart *
new_part(Walk *w)
{
	BnMime	   *m = w->m;

	if (m->nparts >= BN_MIME_MAX_PARTS)
	{
		m->truncated = true;
		return NULL;
	}
	if (m->nparts == m->cap)
	{
		int			ncap = m->cap ? m->cap * 2 : 8;
		BnPart	   *p = bn_arena_alloc(w->a, sizeof(BnPart) * ncap);

		if (p == NULL)
		{
			m->nomem = true;
			return NULL;
		}
		if (m->nparts > 0)
			memcpy(p, m->parts, sizeof(BnPart) * m->nparts);
		m->parts = p;
		m->cap = ncap;
	}
	memset(&m->parts[m->nparts], 0, sizeof(BnPart));
	return &m->parts[m->nparts++];
}

/* Decode a body by its transfer encoding and charset into part->text. */
static void
decode_text(Walk *w, BnPart *part, const BnHeaders *h, const char *body,
			size_t len)
{
	char	   *cte = bn_header_get(h, "content-transfer-encoding", w->a);
	char	   *ct = bn_header_get(h, "content-type", w->a);
	char	   *cs = ct ? bn_header_param(ct, "charset", w->a) : NULL;
	const char *raw = body;
	size_t		rawlen = len;
	const char *utf;
	size_t		ulen;

	if (w->a->failed)
	{
		w->m->nomem = true;
		return;
	}
	if (len > BN_MIME_TEXT_MAX)
	{
		len = BN_MIME_TEXT_MAX;
		w->m->truncated = true;
	}
	if (cte != NULL)
	{
		char		enc[32];

		media_type(cte, enc, sizeof enc);
		if (strcmp(enc, "base64") == 0 || strcmp(enc, "quoted-printable") == 0)
		{
			char	   *buf = bn_arena_alloc(w->a, len + 1);

			if (buf == NULL)
			{
				w->m->nomem = true;
				return;
			}
			rawlen = enc[0] == 'b' ? bn_base64_decode(body, len, buf)
				: bn_qp_decode(body, len, buf);
			buf[rawlen] = '\0';
			raw = buf;
		}
		else
			rawlen = len;
	}
	else
		rawlen = len;
	ulen = bn_charset_to_utf8(cs, cs ? strlen(cs) : 0, raw, rawlen, w->a, &utf);
	if (ulen == (size_t) -1)
	{
		w->m->nomem = true;
		return;
	}
	part->text = utf;
	part->text_len = ulen;
}

static bool
is_text_type(const char *t)
{
	return strncmp(t, "text/", 5) == 0 ||
		strcmp(t, "message/delivery-status") == 0 ||
		strcmp(t, "message/global-delivery-status") == 0 ||
		strcmp(t, "message/feedback-report") == 0 ||
		strcmp(t, "message/disposition-notification") == 0 ||
		strcmp(t, "application/json") == 0 ||
		t[0] == '\0';
}

static void walk_entity(Walk *w, const char *s, size_t len, int depth,
						const BnHeaders *given, size_t given_off);

/*
 * Split a multipart body at its delimiter lines and walk each part.
 * Returns false when no delimiter line was found.
 */
static bool
walk_multipart(Walk *w, const char *body, size_t len, const char *boundary,
			   int depth)
{
	size_t		blen = strlen(boundary);
	size_t		pos = 0;
	size_t		part_start = 0;
	bool		in_part = false;
	bool		found = false;

	if (blen == 0 || blen > 200)
		return false;
	while (pos < len)
	{
		const char *l = body + pos;
		const char *nl = memchr(l, '\n', len - pos);
		size_t		next = nl ? (size_t) (nl - body) + 1 : len;
		size_t		n = next - pos;

		if (n >= blen + 2 && l[0] == '-' && l[1] == '-' &&
			memcmp(l + 2, boundary, blen) == 0)
		{
			bool		close = n >= blen + 4 && l[blen + 2] == '-' && l[blen + 3] == '-';
			size_t		end = pos;

			/* the CRLF before a delimiter belongs to the delimiter */
			if (end > part_start && body[end - 1] == '\n')
				end--;
			if (end > part_start && body[end - 1] == '\r')
				end--;
			if (in_part)
				walk_entity(w, body + part_start, end - part_start, depth + 1, NULL, 0);
			found = true;
			if (close)
				return true;
			in_part = true;
			part_start = next;
			if (w->m->nomem || w->m->truncated)
				return true;
		}
		pos = next;
	}
	if (in_part && part_start < len)
		walk_entity(w, body + part_start, len - part_start, depth + 1, NULL, 0);
	return found;
}

static void
walk_entity(Walk *w, const char *s, size_t len, int depth,
			const BnHeaders *given, size_t given_off)
{
	BnHeaders	h;
	size_t		body_off;
	const char *body;
	size_t		blen;
	char	   *ct;
	char		type[64];
	BnPart	   *part;

	/* past the cap, skip the rest without reading it: every entity costs
	 * memory even when it lists no part */
	if (w->m->nparts >= BN_MIME_MAX_PARTS || ++w->entities > 4 * BN_MIME_MAX_PARTS)
	{
		w->m->truncated = true;
		return;
	}
	if (given != NULL)
	{
		h = *given;
		body_off = given_off;
	}
	else
	{
		body_off = bn_headers_parse(s, len, w->a, &h);
		if (body_off == (size_t) -1)
		{
			w->m->nomem = true;
			return;
		}
	}
	body = s + body_off;
	blen = len - body_off;
	ct = bn_header_get(&h, "content-type", w->a);
	media_type(ct, type, sizeof type);
	if (w->a->failed)
	{
		w->m->nomem = true;
		return;
	}

	if (strncmp(type, "multipart/", 10) == 0)
	{
		char	   *boundary = bn_header_param(ct, "boundary", w->a);

		if (depth >= BN_MIME_MAX_DEPTH)
			w->m->truncated = true;
		else if (boundary != NULL && walk_multipart(w, body, blen, boundary, depth))
			return;
		/* no usable delimiter: read the body as text */
		strcpy(type, "text/plain");
	}

	part = new_part(w);
	if (part == NULL)
		return;
	strcpy(part->ctype, type[0] ? type : "text/plain");
	part->depth = depth;
	part->headers = h;

	if (strcmp(type, "message/rfc822") == 0 || strcmp(type, "message/global") == 0 ||
		strcmp(type, "message/partial") == 0)
	{
		/* the enclosed message: its header fields only */
		BnHeaders	inner;
		const char *ib = body;
		size_t		il = blen;
		char	   *cte = bn_header_get(&h, "content-transfer-encoding", w->a);

		if (cte != NULL && (cte[0] == 'b' || cte[0] == 'B' || cte[0] == 'q' || cte[0] == 'Q'))
		{
			decode_text(w, part, &h, body, blen);
			if (part->text == NULL)
				return;
			ib = part->text;
			il = part->text_len;
			part->text = NULL;
			part->text_len = 0;
		}
		while (il > 0 && (ib[0] == '\n' || ib[0] == '\r'))
			ib++, il--;
		if (bn_headers_parse(ib, il, w->a, &inner) == (size_t) -1)
		{
			w->m->nomem = true;
			return;
		}
		part->headers = inner;
		part->encapsulated = true;
		if (strcmp(type, "message/partial") != 0)
		{
			part->raw = ib;
			part->raw_len = il;
		}
		return;
	}
	if (!is_text_type(type))
		return;
	decode_text(w, part, &h, body, blen);
	if (part->text != NULL && strcmp(type, "text/rfc822-headers") == 0)
	{
		BnHeaders	inner;
		const char *ib = part->text;
		size_t		il = part->text_len;

		while (il > 0 && (ib[0] == '\n' || ib[0] == '\r'))
			ib++, il--;
		if (bn_headers_parse(ib, il, w->a, &inner) == (size_t) -1)
		{
			w->m->nomem = true;
			return;
		}
		part->headers = inner;
		part->encapsulated = true;
	}
}

bool
bn_mime_parse(const char *data, size_t len, BnArena *a, BnMime *out)
{
	Walk		w;
	size_t		off = 0;
	size_t		body_off;

	memset(out, 0, sizeof *out);
	w.a = a;
	w.m = out;
	w.entities = 0;

	/* skip leading blank lines and an mbox "From " line */
	while (off < len && (data[off] == '\n' || data[off] == '\r'))
		off++;
	if (len - off > 5 && memcmp(data + off, "From ", 5) == 0)
	{
		const char *nl = memchr(data + off, '\n', len - off);

		off = nl ? (size_t) (nl - data) + 1 : len;
	}
	body_off = bn_headers_parse(data + off, len - off, a, &out->headers);
	if (body_off == (size_t) -1)
		return false;
	walk_entity(&w, data + off, len - off, 0, &out->headers, body_off);
	return !out->nomem;
}
