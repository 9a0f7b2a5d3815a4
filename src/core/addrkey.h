/*
 * addrkey.h
 *		The one key an address is compared by (SPEC section 2, rule 12):
 *		the same in the trigger, the guards, sendable(), the suppression
 *		list and every index, and the same on every machine.
 *
 * The key is the address with ASCII letters lower-cased and every other
 * well-formed UTF-8 character replaced by its Unicode simple case folding
 * (CaseFolding.txt, mappings C and S; generated into casefold_table.h by
 * tools/gen_casefold.py).  No locale is consulted: lower() in a glibc or
 * ICU collation differs between collations (Turkish I) and between library
 * versions, and a key must not change under existing rows.  Unicode's
 * stability policy keeps the folding of an assigned character fixed; a
 * character assigned after the table's Unicode version is kept as it is.
 *
 * Simple folding maps one code point to one, so the key is as long as the
 * address give or take a byte per character (U+212A KELVIN SIGN folds to
 * "k", U+023A to U+2C65).  Full foldings that would change the length in
 * characters (U+00DF to "ss", U+0130) are not applied: "straße" and
 * "strasse" are different mailboxes to every mail server.  Ill-formed UTF-8
 * is not an address (mailbox.h refuses it); its bytes are kept as they are,
 * ASCII letters lower-cased, so the key is still a function of the input.
 *
 * Plain C: no PostgreSQL headers, no allocation.
 */
#ifndef BOUNCE_CORE_ADDRKEY_H
#define BOUNCE_CORE_ADDRKEY_H

#include <stdbool.h>
#include <stddef.h>

/* The key of len bytes needs at most this many bytes (no NUL). */
#define BN_ADDRESS_KEY_SPACE(len) ((len) + (len) / 2 + 4)

/*
 * Write the key of s[0..len) into out (BN_ADDRESS_KEY_SPACE(len) bytes);
 * returns its length.  out may not overlap s.
 */
extern size_t bn_address_key(const char *s, size_t len, char *out);

/* True when the key of s is s itself (already a key). */
extern bool bn_address_is_key(const char *s, size_t len);

/* The simple case folding of one code point (itself when none). */
extern unsigned int bn_casefold(unsigned int cp);

#endif							/* BOUNCE_CORE_ADDRKEY_H */
