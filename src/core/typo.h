/*
 * typo.h
 *		Mistyped domains of common mailbox providers (SPEC section 4):
 *		gmail.con, hotmial.com, yaho.com, and what they should have been.
 *
 * A domain is a typo when it is not itself a known domain, the nearest
 * known domain by Damerau-Levenshtein distance (optimal string alignment:
 * insert, delete, substitute, swap two neighbours, each 1; ASCII
 * case-insensitive) is unique and is a provider (not a listed neighbour),
 * and the edit is within what the provider's name allows.  The name is the
 * first label ("hotmail" of hotmail.co.uk), the suffix the rest:
 *
 *	- name of 7 letters or more (hotmail, outlook, googlemail): distance 2,
 *	  at most one edit in the name (hotmal.con, not verizon -> version);
 *	- name of 5 or 6 letters (gmail, yahoo, icloud): distance 1;
 *	- name under 5 letters (me, aol, gmx, live, mail): only the suffix may
 *	  be mistyped, by one edit: every one-letter change of "me" or "aol"
 *	  is some real domain.
 *
 * and, whenever the name is intact and only the suffix differs, the new
 * last label is not a real top-level domain if the provider has domains
 * under several suffixes or a short name: hotmail.cz or gmx.dk may be a
 * country domain we do not list, while gmail.co or gmail.cm (Google has
 * only gmail.com) is a typo.
 *
 * Real domains within reach of a provider (mail.com, email.com, ymail.com,
 * gmx.com, cloud.com, wahoo.com, ...) are in the list, as providers or as
 * neighbours, so they are never flagged, and a domain as near to one of
 * them as to a provider is ambiguous and not flagged either.  Providers
 * whose name is a common word or surname (charter.net, rogers.com) are
 * left out: carter.net is more likely someone's own domain than a typo.  When in
 * doubt the answer is "no typo": a missed typo bounces and is suppressed
 * anyway, a false one would lose a real subscriber.
 *
 * Plain C: no PostgreSQL headers.
 */
#ifndef BOUNCE_CORE_TYPO_H
#define BOUNCE_CORE_TYPO_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The provider domain that domain[0 .. len) is a typo of (lower case, a
 * static string), or NULL when it is not a typo.  Any octets are safe;
 * only ASCII host names can be typos.
 */
extern const char *bn_typo_domain(const char *domain, size_t len);


/* Is the lower-case label[0 .. len) a top-level domain (typo.c's table)? */
extern bool bn_is_tld(const char *label, size_t len);

/* The known domains, for tests: count, and the i-th with its role. */
extern int	bn_known_domain_count(void);
extern const char *bn_known_domain(int i, bool *provider);

#endif							/* BOUNCE_CORE_TYPO_H */
