/*
 * mailbox.c
 *		RFC 5321 mailbox syntax, with the limits and choices of mailbox.h.
 *
 * A single left-to-right pass over a pointer and a length: the local part
 * decides where the "@" is (a quoted local part may itself contain "@"),
 * then the rest is a domain or an address literal.
 */
#include "mailbox.h"


/* Printable ASCII other than letters and digits allowed in an atom. */
static bool
is_atext_special(unsigned char c)
{
	switch (c)
	{
		case '!': case '#': case '$': case '%': case '&': case '\'':
		case '*': case '+': case '-': case '/': case '=': case '?':
		case '^': case '_': case '`': case '{': case '|': case '}':
		case '~':
			return true;
		default:
			return false;
	}
}

static bool
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
hex_value(unsigned char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Length of the well-formed non-ASCII UTF-8 character at p (RFC 3629
 * table), or 0 when the octets there are not one or are a C1 control.
 */
static size_t
utf8_char_len(const unsigned char *p, size_t avail)
{
	unsigned char c = p[0];
	unsigned char lo = 0x80,
				hi = 0xBF;
	size_t		n;

	if (c >= 0xC2 && c <= 0xDF)
	{
		n = 2;
		if (c == 0xC2)
			lo = 0xA0;			/* C1 controls are not letters */
	}
	else if (c >= 0xE0 && c <= 0xEF)
	{
		n = 3;
		if (c == 0xE0)
			lo = 0xA0;			/* overlong */
		else if (c == 0xED)
			hi = 0x9F;			/* surrogates */
	}
	else if (c >= 0xF0 && c <= 0xF4)
	{
		n = 4;
		if (c == 0xF0)
			lo = 0x90;			/* overlong */
		else if (c == 0xF4)
			hi = 0x8F;			/* beyond U+10FFFF */
	}
	else
		return 0;				/* ASCII, continuation, C0, C1, F5-FF */

	if (avail < n || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (p[i] < 0x80 || p[i] > 0xBF)
			return 0;
	return n;
}

/* Local part from s[0]; returns its length, or 0 when malformed. */
static size_t
parse_local(const unsigned char *s, size_t len)
{
	size_t		pos = 0;

	if (len > 0 && s[0] == '"')
	{
		size_t		content = 0;

		/* Quoted-string: qtextSMTP and quoted-pairSMTP, RFC 5321 4.1.2 */
		pos = 1;
		for (;;)
		{
			unsigned char c;

			if (pos >= len)
				return 0;
			c = s[pos];
			if (c == '"')
				break;
			if (c == '\\')
			{
				if (pos + 1 >= len || s[pos + 1] < 32 || s[pos + 1] > 126)
					return 0;
				pos += 2;
			}
			else if (c >= 32 && c <= 126)
				pos++;
			else
			{
				size_t		n = utf8_char_len(s + pos, len - pos);

				if (n == 0)
					return 0;
				pos += n;
			}
			content++;
		}
		/* The empty quoted string names nothing (mailbox.h). */
		return content > 0 ? pos + 1 : 0;
	}

	/* Dot-atom: one or more atoms joined by single dots. */
	for (;;)
	{
		size_t		start = pos;

		while (pos < len)
		{
			unsigned char c = s[pos];

			if (is_alpha(c) || is_digit(c) || is_atext_special(c))
				pos++;
			else if (c >= 0x80)
			{
				size_t		n = utf8_char_len(s + pos, len - pos);

				if (n == 0)
					return 0;
				pos += n;
			}
			else
				break;
		}
		if (pos == start)
			return 0;			/* empty atom: leading, trailing or double dot */
		if (pos < len && s[pos] == '.')
			pos++;
		else
			return pos;
	}
}

/* Snum "." Snum "." Snum "." Snum, each 0-255 in one to three digits. */
static bool
parse_ipv4(const unsigned char *s, size_t len)
{
	size_t		pos = 0;

	for (int part = 0; part < 4; part++)
	{
		int			value = 0;
		size_t		digits = 0;

		if (part > 0)
		{
			if (pos >= len || s[pos] != '.')
				return false;
			pos++;
		}
		while (pos < len && is_digit(s[pos]) && digits < 3)
		{
			value = value * 10 + (s[pos] - '0');
			pos++;
			digits++;
		}
		if (digits == 0 || value > 255)
			return false;
	}
	return pos == len;
}

/*
 * IPv6-addr of RFC 5321 4.1.3: eight groups, or fewer around one "::" that
 * stands for at least two, optionally ending in an IPv4 address worth two.
 */
static bool
parse_ipv6(const unsigned char *s, size_t len)
{
	size_t		pos = 0;
	int			groups = 0;
	bool		compressed = false;

	if (len >= 2 && s[0] == ':' && s[1] == ':')
	{
		compressed = true;
		pos = 2;
	}
	else if (len > 0 && s[0] == ':')
		return false;

	while (pos < len)
	{
		size_t		end = pos;
		bool		dotted = false;

		while (end < len && s[end] != ':')
		{
			if (s[end] == '.')
				dotted = true;
			end++;
		}
		if (dotted)
		{
			/* An embedded IPv4 address ends the literal. */
			if (end != len || !parse_ipv4(s + pos, end - pos))
				return false;
			groups += 2;
			pos = end;
			break;
		}
		if (end == pos || end - pos > 4)
			return false;
		for (size_t i = pos; i < end; i++)
			if (hex_value(s[i]) < 0)
				return false;
		groups++;
		pos = end;
		if (pos == len)
			break;
		/* s[pos] is ':' */
		if (pos + 1 < len && s[pos + 1] == ':')
		{
			if (compressed)
				return false;
			compressed = true;
			pos += 2;
		}
		else
		{
			pos++;
			if (pos == len)
				return false;	/* trailing single colon */
		}
	}
	return compressed ? groups <= 6 : groups == 8;
}

/* "[" ( IPv4 / "IPv6:" IPv6 ) "]"; general literals are refused. */
static bool
parse_literal(const unsigned char *s, size_t len)
{
	static const char tag[] = "ipv6:";
	const size_t taglen = sizeof(tag) - 1;

	if (len < 3 || s[0] != '[' || s[len - 1] != ']')
		return false;
	s++;
	len -= 2;
	if (is_digit(s[0]))
		return parse_ipv4(s, len);
	if (len <= taglen)
		return false;
	for (size_t i = 0; i < taglen; i++)
	{
		unsigned char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != (unsigned char) tag[i])
			return false;
	}
	return parse_ipv6(s + taglen, len - taglen);
}

/* Two or more LDH (or U-) labels; sets *ascii when all octets are ASCII. */
static bool
parse_domain(const unsigned char *s, size_t len, bool *ascii)
{
	size_t		pos = 0;
	int			labels = 0;
	bool		all_digits = false;

	*ascii = true;
	if (len == 0 || len > BN_DOMAIN_MAX)
		return false;
	for (;;)
	{
		size_t		start = pos;

		all_digits = true;
		while (pos < len && s[pos] != '.')
		{
			unsigned char c = s[pos];

			if (is_alpha(c) || c == '-')
			{
				all_digits = false;
				pos++;
			}
			else if (is_digit(c))
				pos++;
			else if (c >= 0x80)
			{
				size_t		n = utf8_char_len(s + pos, len - pos);

				if (n == 0)
					return false;
				all_digits = false;
				*ascii = false;
				pos += n;
			}
			else
				return false;
		}
		if (pos == start || pos - start > BN_LABEL_MAX ||
			s[start] == '-' || s[pos - 1] == '-')
			return false;
		labels++;
		if (pos == len)
			break;
		pos++;					/* the dot; a trailing one leaves an empty label */
	}
	return labels >= 2 && !all_digits;
}

bool
bn_mailbox_parse(const char *str, size_t len, BnMailbox *mb)
{
	const unsigned char *s = (const unsigned char *) str;
	size_t		local_len;
	const unsigned char *dom;
	size_t		dom_len;

	if (len == 0 || len > BN_ADDRESS_MAX)
		return false;
	local_len = parse_local(s, len);
	if (local_len == 0 || local_len > BN_LOCAL_MAX ||
		local_len >= len || s[local_len] != '@')
		return false;
	dom = s + local_len + 1;
	dom_len = len - local_len - 1;

	mb->local_len = local_len;
	mb->domain_off = local_len + 1;
	mb->domain_len = dom_len;
	mb->literal = dom_len > 0 && dom[0] == '[';
	mb->ascii_domain = true;
	if (mb->literal)
		return parse_literal(dom, dom_len);
	return parse_domain(dom, dom_len, &mb->ascii_domain);
}
