/*
 * mailbox.h
 *		RFC 5321 mailbox syntax (SPEC section 4, "Invalid addresses"); the
 *		verdict on an address (syntax, then typo domain) is problem.h's.
 *
 * What is accepted, and the choices the RFCs leave open:
 *
 *	- Mailbox = Local-part "@" ( Domain / address-literal ), RFC 5321 4.1.2;
 *	  no comments, folding white space, display names or angle brackets
 *	  (those are RFC 5322 message syntax, not a mailbox).
 *	- At most 254 octets in all (the 256-octet path less its brackets), 64
 *	  in the local part, 253 in the domain, 63 in a label.  Lengths are in
 *	  octets of UTF-8.
 *	- Local part: a dot-atom (atext, no leading, trailing or double dot) or
 *	  a quoted string with quoted pairs.  The empty quoted string ""@x is
 *	  refused: the grammar allows it but it names no mailbox anyone can use.
 *	- Domain: at least two labels.  Single-label domains (user@localhost)
 *	  are refused: they cannot be reached across the Internet, and dotless
 *	  domains are not delegated (ICANN SAC053).  Labels are letters, digits
 *	  and hyphens, 1-63 octets, no leading or trailing hyphen; the last
 *	  label is not all digits (so user@1.2.3.4 is refused, user@[1.2.3.4]
 *	  is the way to write it).  No trailing root dot.
 *	- Address literals: [d.d.d.d] with each part 0-255 in one to three
 *	  digits (RFC 5321 Snum), and [IPv6:...] in the four RFC 5321 forms,
 *	  with "::" standing for at least two groups.  General literals
 *	  ([tag:...]) are refused: no tag other than IPv6 is registered.
 *	- Internationalised addresses (RFC 6531, SMTPUTF8): any well-formed
 *	  non-ASCII UTF-8 character counts as a letter, in the local part (atext
 *	  and quoted text) and in domain labels (U-labels).  Ill-formed UTF-8
 *	  (stray continuation bytes, overlong forms, surrogates, beyond U+10FFFF,
 *	  truncated sequences) is refused, and so are the C1 controls
 *	  U+0080-U+009F, which are no letters.  U-labels are not checked against
 *	  IDNA2008 or converted to A-labels; their limit is 63 octets of UTF-8.
 *	- Input is a pointer and a length: never NUL-terminated, and a NUL
 *	  octet anywhere makes the address invalid.
 *
 * Plain C: no PostgreSQL headers.
 */
#ifndef BOUNCE_CORE_MAILBOX_H
#define BOUNCE_CORE_MAILBOX_H

#include <stdbool.h>
#include <stddef.h>

#define BN_ADDRESS_MAX	254
#define BN_LOCAL_MAX	64
#define BN_DOMAIN_MAX	253
#define BN_LABEL_MAX	63

/* Where the parts of a well-formed mailbox lie in the input. */
typedef struct BnMailbox
{
	size_t		local_len;		/* local part is s[0 .. local_len) */
	size_t		domain_off;		/* domain is s[domain_off .. len) */
	size_t		domain_len;
	bool		literal;		/* domain is an address literal [...] */
	bool		ascii_domain;	/* domain is all ASCII */
} BnMailbox;

/* Parses s[0 .. len) as a mailbox; false when it is not one. */
extern bool bn_mailbox_parse(const char *s, size_t len, BnMailbox *mb);


#endif							/* BOUNCE_CORE_MAILBOX_H */
