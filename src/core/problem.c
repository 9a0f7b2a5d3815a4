/*
 * problem.c
 *		The verdict on an address: syntax, then typo domain; see problem.h.
 */
#include "problem.h"

#include <string.h>

#include "mailbox.h"
#include "typo.h"

BnAddressProblem
bn_address_problem(const char *s, size_t len)
{
	BnMailbox	mb;

	if (!bn_mailbox_parse(s, len, &mb))
		return BN_ADDRESS_SYNTAX;
	if (!mb.literal && mb.ascii_domain &&
		bn_typo_domain(s + mb.domain_off, mb.domain_len) != NULL)
		return BN_ADDRESS_TYPO;
	return BN_ADDRESS_OK;
}

const char *
bn_address_problem_name(BnAddressProblem problem)
{
	switch (problem)
	{
		case BN_ADDRESS_SYNTAX:
			return "syntax";
		case BN_ADDRESS_TYPO:
			return "typo";
		case BN_ADDRESS_OK:
			break;
	}
	return NULL;
}

size_t
bn_suggest(const char *s, size_t len, char *out, size_t outsize)
{
	BnMailbox	mb;
	const char *fix;
	size_t		fixlen;
	size_t		need;

	if (!bn_mailbox_parse(s, len, &mb) || mb.literal || !mb.ascii_domain)
		return 0;
	fix = bn_typo_domain(s + mb.domain_off, mb.domain_len);
	if (fix == NULL)
		return 0;
	fixlen = strlen(fix);
	need = mb.local_len + 1 + fixlen;
	if (need < outsize)
	{
		memcpy(out, s, mb.local_len);
		out[mb.local_len] = '@';
		memcpy(out + mb.local_len + 1, fix, fixlen);
		out[need] = '\0';
	}
	return need;
}
