/*
 * fuzz_address.c
 *		libFuzzer target over the address checks (src/core/mailbox.c,
 *		typo.c): any octets in, no crash, and the answers agree.
 *
 * Invariants checked on every input:
 *	- parse and verdict agree (syntax exactly when the parse fails), and a
 *	  parse splits the input at an "@" within the limits of mailbox.h;
 *	- the verdict does not depend on the case of an ASCII domain;
 *	- a suggestion exists exactly for typos, keeps the local part, is
 *	  itself fine (well-formed, no typo), and a short buffer is not written;
 *	- bn_typo_domain() on raw octets answers a known, non-typo domain.
 *
 * Built and run by test/check-address-fuzz.sh.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mailbox.h"
#include "problem.h"
#include "typo.h"

#define REQUIRE(cond) \
	do { \
		if (!(cond)) \
			abort(); \
	} while (0)

static void
check_suggestion(const char *s, size_t len, BnAddressProblem problem,
				 const BnMailbox *mb)
{
	char		out[BN_ADDRESS_MAX + 1];
	char		small[4] = {'x', 'x', 'x', 'x'};
	size_t		n = bn_suggest(s, len, out, sizeof(out));

	REQUIRE((n > 0) == (problem == BN_ADDRESS_TYPO));
	if (n == 0)
		return;
	REQUIRE(n < sizeof(out) && strlen(out) == n);
	REQUIRE(memcmp(out, s, mb->local_len) == 0 && out[mb->local_len] == '@');
	REQUIRE(bn_address_problem(out, n) == BN_ADDRESS_OK);
	REQUIRE(bn_suggest(out, n, out, sizeof(out)) == 0);
	/* too small a buffer: same length back, nothing written */
	REQUIRE(bn_suggest(s, len, small, sizeof(small)) == n);
	REQUIRE(small[0] == 'x' && small[3] == 'x');
}

/* The same address with its ASCII domain in upper or lower case. */
static void
check_case(const char *s, size_t len, BnAddressProblem problem,
		   const BnMailbox *mb)
{
	char	   *copy;

	if (mb->literal)
		return;
	copy = malloc(len);
	REQUIRE(copy != NULL);
	for (int upper = 0; upper < 2; upper++)
	{
		memcpy(copy, s, len);
		for (size_t i = mb->domain_off; i < len; i++)
		{
			char		c = copy[i];

			if (upper && c >= 'a' && c <= 'z')
				copy[i] = (char) (c - 'a' + 'A');
			else if (!upper && c >= 'A' && c <= 'Z')
				copy[i] = (char) (c - 'A' + 'a');
		}
		REQUIRE(bn_address_problem(copy, len) == problem);
	}
	free(copy);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	BnMailbox	mb = {0};
	bool		parsed = bn_mailbox_parse(s, size, &mb);
	BnAddressProblem problem = bn_address_problem(s, size);
	const char *fix;

	REQUIRE(parsed == (problem != BN_ADDRESS_SYNTAX));
	REQUIRE(bn_address_problem(s, size) == problem);
	if (parsed)
	{
		REQUIRE(size <= BN_ADDRESS_MAX);
		REQUIRE(mb.local_len >= 1 && mb.local_len <= BN_LOCAL_MAX);
		REQUIRE(s[mb.local_len] == '@' && mb.domain_off == mb.local_len + 1);
		REQUIRE(mb.domain_off + mb.domain_len == size && mb.domain_len > 0);
		REQUIRE(mb.literal ? s[mb.domain_off] == '[' && s[size - 1] == ']'
				: mb.domain_len <= BN_DOMAIN_MAX);
		REQUIRE(memchr(s, '\0', size) == NULL);
		if (problem == BN_ADDRESS_TYPO)
			REQUIRE(!mb.literal && mb.ascii_domain);
		check_case(s, size, problem, &mb);
	}
	check_suggestion(s, size, problem, &mb);

	fix = bn_typo_domain(s, size);
	if (fix != NULL)
		REQUIRE(bn_typo_domain(fix, strlen(fix)) == NULL);
	return 0;
}
