/*
 * status.h
 *		RFC 3463 enhanced status codes and RFC 5321 reply codes.
 *
 * A status class.subject.detail is packed as class * 1000000 +
 * subject * 1000 + detail, so integer order is the natural order and the
 * SQL type can borrow int4's operators.  Zero means "no status".
 *
 * Plain C: no PostgreSQL headers.
 */
#ifndef BOUNCE_CORE_STATUS_H
#define BOUNCE_CORE_STATUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t BnStatus;

#define BN_STATUS_NONE 0
#define BN_STATUS_MAX_PART 999
/* Longest text form: "5.999.999" plus the terminating NUL. */
#define BN_STATUS_BUFSIZE 10

#define BN_STATUS_PACK(c, s, d) ((BnStatus) ((c) * 1000000 + (s) * 1000 + (d)))

static inline int
bn_status_class(BnStatus st)
{
	return st / 1000000;
}

static inline int
bn_status_subject(BnStatus st)
{
	return (st / 1000) % 1000;
}

static inline int
bn_status_detail(BnStatus st)
{
	return st % 1000;
}

/* Why a text is not a status code; used for precise error messages. */
typedef enum BnStatusError
{
	BN_STATUS_OK,
	BN_STATUS_EMPTY,
	BN_STATUS_BAD_CLASS,		/* class is not 2, 4 or 5 */
	BN_STATUS_MISSING_PART,		/* fewer than three dot-separated parts */
	BN_STATUS_BAD_CHARACTER,	/* something other than digits and dots */
	BN_STATUS_OUT_OF_RANGE		/* subject or detail above 999 */
} BnStatusError;

/* Parse exactly one status code occupying all of s[0..len). */
extern BnStatusError bn_status_parse(const char *s, size_t len, BnStatus *out);

/* Write the text form into buf (at least BN_STATUS_BUFSIZE); returns length. */
extern size_t bn_status_format(BnStatus st, char *buf);

/* True when st is a well-formed packed status. */
extern bool bn_status_valid(BnStatus st);

/*
 * The first enhanced status code in free text (a token such as "5.1.1" not
 * part of a longer number or of a longer dotted number such as an IPv4 address), or
 * BN_STATUS_NONE.  Linear in len.
 */
extern BnStatus bn_status_find(const char *text, size_t len);

/*
 * The first SMTP reply code in free text: three digits 2xx/4xx/5xx at the
 * start of the text or of a token, followed by a space, '-' or the end, or
 * 0.  Linear in len.
 */
extern int	bn_reply_code_find(const char *text, size_t len);

/*
 * Both of the above in one pass, for a caller that wants both: sets
 * *status and *reply (either may be NULL: not wanted) as bn_status_find and
 * bn_reply_code_find would.
 */
extern void bn_codes_find(const char *text, size_t len, BnStatus *status,
						  int *reply);

/* True for a plausible reply code (200..599, first digit 2, 4 or 5). */
extern bool bn_reply_code_valid(int code);

/*
 * The registry's meaning of a status ("Bad destination mailbox address"),
 * or for unregistered codes the meaning of its class and subject.  Never NULL
 * for a valid status.  Static storage.
 */
extern const char *bn_status_describe(BnStatus st, bool *registered);

#endif							/* BOUNCE_CORE_STATUS_H */
