/*
 * headers.c
 *		RFC 5322 header blocks: index, unfold, RFC 2047 encoded words,
 *		structured parameters.
 */
#include "headers.h"

#include "charset.h"
#include "mime.h"

#include <string.h>

static inline unsigned char
lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

bool
bn_ieq(const char *a, size_t n, const char *b)
{
	size_t		i;

	for (i = 0; i < n; i++)
		if (b[i] == '\0' || lower((unsigned char) a[i]) != lower((unsigned char) b[i]))
			return false;
	return b[i] == '\0';
}

/* Length of the line at s (without its LF or CRLF); *next = start of the next. */
static size_t
line_len(const char *s, size_t len, size_t *next)
{
	const char *nl = memchr(s, '\n', len);
	size_t		n;

	if (nl == NULL)
	{
		*next = len;
		n = len;
	}
	else
	{
		*next = (size_t) (nl - s) + 1;
		n = (size_t) (nl - s);
	}
	if (n > 0 && s[n - 1] == '\r')
		n--;
	return n;
}

/* Length of a field name ending in ':' at the start of line, or 0. */
static size_t
field_name(const char *l, size_t n, size_t *colon)
{
	size_t		i = 0;

	while (i < n && i < 80)
	{
		unsigned char c = (unsigned char) l[i];

		if (c == ':')
			break;
		if (c <= 32 || c >= 127)
			break;
		i++;
	}
	if (i == 0)
		return 0;
	{
		size_t		j = i;

		while (j < n && j < 84 && (l[j] == ' ' || l[j] == '\t'))
			j++;
		if (j >= n || l[j] != ':')
			return 0;
		*colon = j;
	}
	return i;
}

static size_t headers_parse(const char *s, size_t len, BnArena *a,
							 BnHeaders *out, bool lenient);

size_t
bn_headers_parse(const char *s, size_t len, BnArena *a, BnHeaders *out)
{
	return headers_parse(s, len, a, out, false);
}

size_t
bn_fields_parse(const char *s, size_t len, BnArena *a, BnHeaders *out)
{
	return headers_parse(s, len, a, out, true);
}

static size_t
headers_parse(const char *s, size_t len, BnArena *a, BnHeaders *out,
			  bool lenient)
{
	size_t		pos = 0;
	int			cap = 0;
	BnField    *cur = NULL;
	bool		skipping = false;	/* in a field past the cap */

	out->fields = NULL;
	out->n = 0;
	while (pos < len)
	{
		const char *l = s + pos;
		size_t		next;
		size_t		n = line_len(l, len - pos, &next);
		size_t		colon;
		size_t		nl;

		if (n == 0)
			return pos + next;	/* the empty line ends the block */
		if (l[0] == ' ' || l[0] == '\t')
		{
			if (cur == NULL && !skipping)
				return pos;		/* a body that starts indented */
			if (cur != NULL)
				cur->value_len = (size_t) (l + n - cur->value);
			pos += next;
			continue;
		}
		nl = field_name(l, n, &colon);
		if (nl == 0 && lenient && cur != NULL)
		{
			/* an unindented continuation (long Diagnostic-Code lines) */
			cur->value_len = (size_t) (l + n - cur->value);
			pos += next;
			continue;
		}
		if (nl == 0)
			return pos;			/* not a field: the body starts here */
		if (out->n >= BN_HEADERS_MAX)
		{
			cur = NULL;
			skipping = true;
			pos += next;
			continue;
		}
		if (out->n == cap)
		{
			int			ncap = cap ? cap * 2 : 16;
			BnField    *f = bn_arena_alloc(a, sizeof(BnField) * ncap);

			if (f == NULL)
				return (size_t) -1;
			if (out->n > 0)
				memcpy(f, out->fields, sizeof(BnField) * out->n);
			out->fields = f;
			cap = ncap;
		}
		cur = &out->fields[out->n++];
		cur->name = l;
		cur->name_len = nl;
		cur->value = l + colon + 1;
		cur->value_len = n - colon - 1;
		skipping = false;
		pos += next;
	}
	return len;
}

const BnField *
bn_header_field(const BnHeaders *h, const char *name)
{
	for (int i = 0; i < h->n; i++)
		if (bn_ieq(h->fields[i].name, h->fields[i].name_len, name))
			return &h->fields[i];
	return NULL;
}

char *
bn_header_get_nth(const BnHeaders *h, const char *name, int nth, BnArena *a)
{
	for (int i = 0; i < h->n; i++)
		if (bn_ieq(h->fields[i].name, h->fields[i].name_len, name) && nth-- == 0)
			return bn_header_decode(h->fields[i].value, h->fields[i].value_len, a);
	return NULL;
}

/* Decode one encoded word's text (B or Q) into dst; returns bytes written. */
static size_t
decode_word_text(char enc, const char *t, size_t n, char *dst)
{
	if (enc == 'B' || enc == 'b')
		return bn_base64_decode(t, n, dst);
	else
	{
		size_t		o = 0;

		for (size_t i = 0; i < n; i++)
		{
			if (t[i] == '_')
				dst[o++] = ' ';
			else if (t[i] == '=' && i + 2 < n && bn_hexval(t[i + 1]) >= 0 &&
					 bn_hexval(t[i + 2]) >= 0)
			{
				dst[o++] = (char) (bn_hexval(t[i + 1]) * 16 + bn_hexval(t[i + 2]));
				i += 2;
			}
			else
				dst[o++] = t[i];
		}
		return o;
	}
}

/*
 * Try to read an encoded word =?charset?E?text?= at v[i..n).  On success
 * fills the parts and returns the offset just past "?=", else 0.
 */
static size_t
encoded_word(const char *v, size_t n, size_t i, const char **cs, size_t *cs_len,
			 char *enc, const char **text, size_t *text_len)
{
	size_t		p = i + 2;
	size_t		q;

	if (i + 1 >= n || v[i] != '=' || v[i + 1] != '?')
		return 0;
	q = p;
	while (q < n && q - p < 64 && v[q] != '?' && v[q] != ' ')
		q++;
	if (q >= n || v[q] != '?' || q == p)
		return 0;
	*cs = v + p;
	*cs_len = q - p;
	/* RFC 2231 language suffix: charset*lang */
	{
		const char *star = memchr(*cs, '*', *cs_len);

		if (star != NULL)
			*cs_len = (size_t) (star - *cs);
	}
	if (q + 2 >= n || v[q + 2] != '?')
		return 0;
	*enc = v[q + 1];
	if (*enc != 'B' && *enc != 'b' && *enc != 'Q' && *enc != 'q')
		return 0;
	p = q + 3;
	q = p;
	while (q + 1 < n && !(v[q] == '?' && v[q + 1] == '='))
	{
		if (v[q] == ' ' || v[q] == '\t' || v[q] == '\r' || v[q] == '\n')
			return 0;
		q++;
	}
	if (q + 1 >= n)
		return 0;
	*text = v + p;
	*text_len = q - p;
	return q + 2;
}

char *
bn_header_decode(const char *v, size_t n, BnArena *a)
{
	char	   *out;
	size_t		o = 0;
	size_t		i = 0;
	size_t		pending_ws = 0; /* whitespace seen after an encoded word */
	const char *ws_start = NULL;
	bool		last_was_word = false;

	if (n > BN_HEADER_VALUE_MAX)
		n = BN_HEADER_VALUE_MAX;
	/* decoded text is at most 3 bytes of UTF-8 (U+FFFD) per input byte,
	 * or 4 per byte through iconv */
	out = bn_arena_alloc(a, n * 4 + 1);
	if (out == NULL)
		return NULL;
	while (i < n)
	{
		unsigned char c = (unsigned char) v[i];
		const char *cs;
		const char *text;
		size_t		cs_len;
		size_t		text_len;
		char		enc;
		size_t		end;

		if (c == '\r' || c == '\n')
		{
			i++;				/* unfold */
			continue;
		}
		if (c == ' ' || c == '\t')
		{
			if (pending_ws == 0)
				ws_start = v + i;
			pending_ws++;
			i++;
			continue;
		}
		if (c == '=' && (end = encoded_word(v, n, i, &cs, &cs_len, &enc,
											&text, &text_len)) != 0)
		{
			char	   *raw = bn_arena_alloc(a, text_len + 1);
			const char *utf;
			size_t		ulen;

			if (raw == NULL)
				return NULL;
			/* whitespace between two encoded words is dropped */
			if (pending_ws > 0 && !(last_was_word))
			{
				if (o > 0)
					out[o++] = ' ';
			}
			pending_ws = 0;
			ulen = decode_word_text(enc, text, text_len, raw);
			ulen = bn_charset_to_utf8(cs, cs_len, raw, ulen, a, &utf);
			if (ulen == (size_t) -1)
				return NULL;
			/* the output buffer was sized for the raw text; clamp */
			if (ulen > n * 4 - o)
				ulen = n * 4 - o;
			memcpy(out + o, utf, ulen);
			o += ulen;
			i = end;
			last_was_word = true;
			continue;
		}
		if (pending_ws > 0 && o > 0)
			out[o++] = ' ';
		(void) ws_start;
		pending_ws = 0;
		last_was_word = false;
		/* plain run up to the next special byte */
		{
			size_t		j = i;

			while (j < n && v[j] != '=' && v[j] != ' ' && v[j] != '\t' &&
				   v[j] != '\r' && v[j] != '\n')
				j++;
			if (j == i)
				j = i + 1;
			memcpy(out + o, v + i, j - i);
			o += j - i;
			i = j;
		}
	}
	out[o] = '\0';
	/* raw 8-bit header bytes: keep valid UTF-8, repair the rest */
	{
		const char *fixed;
		size_t		flen = bn_charset_to_utf8(NULL, 0, out, o, a, &fixed);

		if (flen == (size_t) -1)
			return NULL;
		return (char *) fixed;
	}
}

char *
bn_header_param(const char *value, const char *param, BnArena *a)
{
	size_t		plen = strlen(param);
	const char *p = value;

	if (value == NULL)
		return NULL;
	/* skip the main value */
	while (*p != '\0')
	{
		const char *name;
		size_t		nlen;

		while (*p != '\0' && *p != ';')
		{
			if (*p == '"')
			{
				p++;
				while (*p != '\0' && *p != '"')
				{
					if (*p == '\\' && p[1] != '\0')
						p++;
					p++;
				}
				if (*p == '\0')
					return NULL;
			}
			p++;
		}
		if (*p == '\0')
			return NULL;
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		name = p;
		while (*p != '\0' && *p != '=' && *p != ';' && *p != ' ' && *p != '\t')
			p++;
		nlen = (size_t) (p - name);
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '=')
			continue;
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if ((nlen == plen && bn_ieq(name, nlen, param)) ||
			(nlen == plen + 2 && bn_ieq(name, plen, param) &&
			 name[plen] == '*' && name[plen + 1] == '0'))
		{
			/* found: read a quoted string or a token */
			char	   *out = bn_arena_alloc(a, strlen(p) + 1);
			size_t		o = 0;

			if (out == NULL)
				return NULL;
			if (*p == '"')
			{
				p++;
				while (*p != '\0' && *p != '"')
				{
					if (*p == '\\' && p[1] != '\0')
						p++;
					out[o++] = *p++;
				}
			}
			else
			{
				while (*p != '\0' && *p != ';' && *p != ' ' && *p != '\t')
					out[o++] = *p++;
			}
			out[o] = '\0';
			return out;
		}
	}
	return NULL;
}
