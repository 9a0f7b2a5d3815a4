/*
 * mime.h
 *		A MIME message walked into a flat list of parts: multipart nesting
 *		(depth capped), transfer encodings (quoted-printable, base64) and
 *		charsets decoded to UTF-8 for the parts a bounce parser reads.
 *
 * Limits, each keeping time and memory linear in the input:
 *	- multipart nesting deeper than BN_MIME_MAX_DEPTH is read as text;
 *	- at most BN_MIME_MAX_PARTS parts are listed;
 *	- a part's text is decoded from at most BN_MIME_TEXT_MAX bytes of its
 *	  body (a bounce says what it has to say at the start);
 *	- an encapsulated message (message/rfc822, text/rfc822-headers) is read
 *	  for its header fields only, not walked.
 * A missing close delimiter ends the last part at the end of the body; a
 * multipart without any delimiter is read as one text part.
 *
 * Plain C: no PostgreSQL headers.
 */
#ifndef BOUNCE_CORE_MIME_H
#define BOUNCE_CORE_MIME_H

#include "arena.h"
#include "headers.h"

#include <stdbool.h>
#include <stddef.h>

#define BN_MIME_MAX_DEPTH 16
#define BN_MIME_MAX_PARTS 256
#define BN_MIME_TEXT_MAX (1024 * 1024)

typedef struct BnPart
{
	char		ctype[64];		/* "text/plain", lower case */
	int			depth;			/* multipart nesting, 0 = the message body */
	bool		encapsulated;	/* headers are an enclosed message's */
	BnHeaders	headers;		/* the part's own header fields, or the
								 * enclosed message's when encapsulated */
	const char *text;			/* decoded UTF-8 text; NULL when not text */
	size_t		text_len;
	const char *raw;			/* an enclosed message/rfc822 or
								 * message/global: its bytes, transfer
								 * decoding undone; else NULL */
	size_t		raw_len;
} BnPart;

typedef struct BnMime
{
	BnHeaders	headers;		/* the message's own header fields */
	BnPart	   *parts;
	int			nparts;
	int			cap;
	bool		truncated;		/* a limit was reached */
	bool		nomem;			/* the arena ran out */
} BnMime;

/* Walk a whole message.  false only when the arena runs out. */
extern bool bn_mime_parse(const char *data, size_t len, BnArena *a,
						  BnMime *out);

/* Transfer decodings; the output never exceeds the input in length. */
extern size_t bn_base64_decode(const char *in, size_t n, char *out);
extern size_t bn_qp_decode(const char *in, size_t n, char *out);
extern int	bn_hexval(char c);

#endif							/* BOUNCE_CORE_MIME_H */
