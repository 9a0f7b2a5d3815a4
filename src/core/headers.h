/*
 * headers.h
 *		RFC 5322 header fields: a block of "Name: value" lines with folded
 *		continuations, indexed once, values unfolded and RFC 2047 encoded
 *		words decoded on demand.
 *
 * The same reader serves message headers, MIME part headers and the
 * header-like field groups of RFC 3464 and RFC 5965 reports.
 *
 * Limits: at most BN_HEADERS_MAX fields are indexed per block (the rest are
 * skipped, still in linear time); a value is read up to BN_HEADER_VALUE_MAX
 * bytes.  Plain C: no PostgreSQL headers.
 */
#ifndef BOUNCE_CORE_HEADERS_H
#define BOUNCE_CORE_HEADERS_H

#include "arena.h"

#include <stdbool.h>
#include <stddef.h>

#define BN_HEADERS_MAX 256
#define BN_HEADER_VALUE_MAX 65536

typedef struct BnField
{
	const char *name;
	size_t		name_len;
	const char *value;			/* raw, folded, not decoded */
	size_t		value_len;
} BnField;

typedef struct BnHeaders
{
	BnField    *fields;
	int			n;
} BnHeaders;

/*
 * Index the header block starting at s[0..len).  Stops at the first empty
 * line (consumed) or at the first line that is neither a field nor a
 * continuation (not consumed).  Returns the offset where the body starts,
 * or (size_t) -1 when the arena is exhausted.
 */
extern size_t bn_headers_parse(const char *s, size_t len, BnArena *a,
							   BnHeaders *out);

/*
 * The same for the field groups of a report (RFC 3464, RFC 5965), where
 * some MTAs continue a long value on lines that are not indented: such a
 * line continues the field before it.
 */
extern size_t bn_fields_parse(const char *s, size_t len, BnArena *a,
							  BnHeaders *out);

/*
 * The value of the nth (0-based) field called name (case-insensitive),
 * unfolded, trimmed and with encoded words decoded to UTF-8, as a
 * NUL-terminated arena string; NULL when absent (or the arena is full).
 */
extern char *bn_header_get_nth(const BnHeaders *h, const char *name, int nth,
							   BnArena *a);
#define bn_header_get(h, name, a) bn_header_get_nth((h), (name), 0, (a))

/* Raw (folded) value of the first field called name, or NULL. */
extern const BnField *bn_header_field(const BnHeaders *h, const char *name);

/*
 * Unfold, trim and decode RFC 2047 encoded words of v[0..n) into a
 * NUL-terminated UTF-8 arena string.
 */
extern char *bn_header_decode(const char *v, size_t n, BnArena *a);

/*
 * A parameter of a structured value such as a Content-Type
 * ('multipart/report; report-type=delivery-status; boundary="x"'): the
 * value of param (case-insensitive), unquoted, as an arena string, or NULL.
 */
extern char *bn_header_param(const char *value, const char *param,
							 BnArena *a);

/* ASCII case-insensitive equality of a[0..n) and the C string b. */
extern bool bn_ieq(const char *a, size_t n, const char *b);

#endif							/* BOUNCE_CORE_HEADERS_H */
