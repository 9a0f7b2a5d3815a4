/*
 * problem.h
 *		Is an address usable at all (SPEC section 4, "Invalid addresses")?
 *		RFC 5321 mailbox syntax first (mailbox.h), then a typo domain of a
 *		common provider (typo.h); syntax beats typo.  And the correction of
 *		a typo.
 *
 * The arrows go one way: problem -> mailbox, problem -> typo, typo ->
 * mailbox (its length limits).  Plain C: no PostgreSQL headers.
 */
#ifndef BOUNCE_CORE_PROBLEM_H
#define BOUNCE_CORE_PROBLEM_H

#include <stdbool.h>
#include <stddef.h>

typedef enum BnAddressProblem
{
	BN_ADDRESS_OK,
	BN_ADDRESS_SYNTAX,			/* not an RFC 5321 mailbox */
	BN_ADDRESS_TYPO				/* well-formed, on a mistyped provider domain */
} BnAddressProblem;

/* Syntax first, then typo domain (typo.h); syntax beats typo. */
extern BnAddressProblem bn_address_problem(const char *s, size_t len);

/* "syntax", "typo", or NULL for BN_ADDRESS_OK. */
extern const char *bn_address_problem_name(BnAddressProblem problem);

/*
 * The corrected address for a well-formed mailbox on a typo domain: the
 * local part as given, "@", the provider domain.  Returns its length and
 * writes it NUL-terminated to out when it fits in outsize (snprintf-like);
 * returns 0 when there is nothing to suggest (malformed, or no typo).
 * BN_ADDRESS_MAX + 1 octets are always enough.
 */
extern size_t bn_suggest(const char *s, size_t len, char *out, size_t outsize);

#endif							/* BOUNCE_CORE_PROBLEM_H */
