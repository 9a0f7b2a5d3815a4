/*
 * addrkey.c
 *		The address key: ASCII lower case plus Unicode simple case folding;
 *		see addrkey.h.
 *
 * Plain C: no PostgreSQL headers, no allocation.
 */
#include "addrkey.h"

#include <stdint.h>
#include <string.h>

#include "casefold_table.h"

#define N_RUNS (sizeof(bn_casefold_runs) / sizeof(bn_casefold_runs[0]))

/* The simple case folding of a code point; see addrkey.h. */
unsigned int
bn_casefold(unsigned int cp)
{
	size_t		lo = 0,
				hi = N_RUNS;

	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + ('a' - 'A') : cp;
	if (cp < bn_casefold_runs[0].first)
		return cp;
	/* the last run whose first is <= cp */
	while (hi - lo > 1)
	{
		size_t		mid = (lo + hi) / 2;

		if (bn_casefold_runs[mid].first <= cp)
			lo = mid;
		else
			hi = mid;
	}
	{
		uint32_t	off = cp - bn_casefold_runs[lo].first;
		uint32_t	stride = bn_casefold_runs[lo].stride;

		if (off % stride == 0 && off / stride < bn_casefold_runs[lo].count)
			return bn_casefold_runs[lo].to + off;
	}
	return cp;
}

/*
 * Decode one well-formed UTF-8 character of 2 to 4 bytes at s (n bytes
 * left); its length, or 0 when ill-formed (RFC 3629: no overlong forms,
 * no surrogates, nothing past U+10FFFF).
 */
static int
utf8_decode(const unsigned char *s, size_t n, unsigned int *cp)
{
	unsigned char c = s[0];

	if (c >= 0xC2 && c <= 0xDF)
	{
		if (n < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		*cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF)
	{
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F))
			return 0;
		*cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4)
	{
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
			(s[3] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
			return 0;
		*cp = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) |
			((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
		return 4;
	}
	return 0;
}

/* Encode a code point as UTF-8; its length. */
static int
utf8_encode(unsigned int cp, char *out)
{
	if (cp < 0x80)
	{
		out[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (char) (0xC0 | (cp >> 6));
		out[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (char) (0xE0 | (cp >> 12));
		out[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | (cp >> 18));
	out[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

/* The key of an address; see addrkey.h. */
size_t
bn_address_key(const char *s, size_t len, char *out)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		i = 0;
	size_t		o = 0;

	while (i < len)
	{
		unsigned char c = u[i];
		unsigned int cp;
		int			n;

		if (c < 0x80)
		{
			out[o++] = (char) ((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c);
			i++;
			continue;
		}
		n = utf8_decode(u + i, len - i, &cp);
		if (n == 0)
		{
			out[o++] = (char) c;	/* ill-formed: the byte as it is */
			i++;
			continue;
		}
		o += utf8_encode(bn_casefold(cp), out + o);
		i += n;
	}
	return o;
}

/* Is s its own key? */
bool
bn_address_is_key(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *) s;

	for (size_t i = 0; i < len;)
	{
		unsigned int cp;
		int			n;

		if (u[i] < 0x80)
		{
			if (u[i] >= 'A' && u[i] <= 'Z')
				return false;
			i++;
			continue;
		}
		n = utf8_decode(u + i, len - i, &cp);
		if (n == 0)
		{
			i++;
			continue;
		}
		if (bn_casefold(cp) != cp)
			return false;
		i += n;
	}
	return true;
}
