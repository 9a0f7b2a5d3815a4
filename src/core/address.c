/*
 * address.c
 *		Email addresses: the recipient domain.
 */
#include "address.h"

#include <string.h>

/* ASCII white space. */
static bool
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Narrow [*b, *e) past white space on both ends. */
static void
trim(const char **b, const char **e)
{
	while (*b < *e && is_space((unsigned char) **b))
		(*b)++;
	while (*e > *b && is_space((unsigned char) (*e)[-1]))
		(*e)--;
}

/*
 * Trim white space, then a trailing '>' (the end of "<addr>" or of
 * "Name <addr>"), then white space again.  A leading '<' is removed by the
 * caller when it matters.
 */
static void
trim_address(const char **b, const char **e)
{
	trim(b, e);
	if (*e > *b && (*e)[-1] == '>')
	{
		(*e)--;
		trim(b, e);
	}
}

/* The domain in [b, e): white space and trailing dots removed. */
static bool
finish_domain(const char *b, const char *e, const char **domain,
			  size_t *domain_len)
{
	trim(&b, &e);
	while (e > b && e[-1] == '.')
		e--;
	if (e == b)
		return false;
	*domain = b;
	*domain_len = (size_t) (e - b);
	return true;
}

/*
 * The domain of an address: after its last '@'.
 */
bool
bn_address_domain(const char *s, size_t len, const char **domain,
				  size_t *domain_len)
{
	const char *b = s,
			   *e = s + len,
			   *at = NULL;

	trim_address(&b, &e);
	for (const char *p = e; p > b; p--)
	{
		if (p[-1] == '@')
		{
			at = p - 1;
			break;
		}
	}
	if (at == NULL)
		return false;
	return finish_domain(at + 1, e, domain, domain_len);
}

/*
 * The domain of an address, or the text itself when it has no '@'.
 */
bool
bn_domain_of(const char *s, size_t len, const char **domain, size_t *domain_len)
{
	const char *b = s,
			   *e = s + len;

	if (memchr(s, '@', len) != NULL)
		return bn_address_domain(s, len, domain, domain_len);
	trim_address(&b, &e);
	if (b < e && *b == '<')
		b++;
	return finish_domain(b, e, domain, domain_len);
}

/* Lower-case ASCII letters only, keeping every other byte. */
void
bn_ascii_lower(char *dst, const char *src, size_t len)
{
	for (size_t i = 0; i < len; i++)
	{
		char		c = src[i];

		dst[i] = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
	}
}
