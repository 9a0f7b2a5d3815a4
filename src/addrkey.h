/*
 * addrkey.h
 *		The address key (src/core/addrkey.h) for the glue: a palloc'd copy,
 *		and the limits on what a key may hold.
 *
 * bounce.address_key(text) is the SQL form; the trigger, the guards,
 * sendable(), the suppression list's CHECK, rebuild() and the index the
 * README recommends all use it, so an address has one key everywhere.
 */
#ifndef BOUNCE_ADDRKEY_H
#define BOUNCE_ADDRKEY_H

#include "postgres.h"

/*
 * The longest address and tenant (in bytes, as stored) that the state,
 * suppression and invalid-address keys take: the pair must fit a btree
 * index entry (about 2700 bytes) with room to spare.  Longer values are
 * refused with 22001 before any index sees them.
 */
#define BOUNCE_ADDRESS_KEY_MAX 1024
#define BOUNCE_TENANT_KEY_MAX 512

/* The key of s[0..len), NUL-terminated, in the current context. */
extern char *address_key(const char *s, size_t len, size_t *keylen);

/* The key of a text datum's value. */
extern char *address_key_text(text *t, size_t *keylen);

#endif							/* BOUNCE_ADDRKEY_H */
