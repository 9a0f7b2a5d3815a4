/*
 * address.h
 *		Email addresses: the recipient domain.
 *
 * Plain C: no PostgreSQL headers, no allocation.  Results point into the
 * caller's buffer.
 */
#ifndef BOUNCE_CORE_ADDRESS_H
#define BOUNCE_CORE_ADDRESS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The domain of an address: what follows the last '@', once surrounding
 * white space, a surrounding "<...>" (or a display name before it) and
 * trailing dots are removed.  Sets *domain and *domain_len to a range of s.
 * False when there is no '@' or nothing after it.
 */
extern bool bn_address_domain(const char *s, size_t len,
							  const char **domain, size_t *domain_len);

/*
 * The same, but a text without an '@' is taken as a domain itself (for
 * functions that accept an address or a domain).
 */
extern bool bn_domain_of(const char *s, size_t len,
						 const char **domain, size_t *domain_len);

/*
 * Copy len bytes from src to dst, lower-casing ASCII letters only: other
 * bytes, among them every byte of a multi-byte UTF-8 character, are kept.
 */
extern void bn_ascii_lower(char *dst, const char *src, size_t len);

#endif							/* BOUNCE_CORE_ADDRESS_H */
