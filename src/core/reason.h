/*
 * reason.h
 *		Bounce kinds and reasons (SPEC section 1), shared by every layer.
 *
 * The enum order is the order of the SQL enums bounce.kind and bounce.reason,
 * so the glue can map between them by index.  Never reorder; only append.
 *
 * Plain C: no PostgreSQL headers.
 */
#ifndef BOUNCE_CORE_REASON_H
#define BOUNCE_CORE_REASON_H

#include <stdbool.h>
#include <stddef.h>

typedef enum BnKind
{
	BN_KIND_HARD,
	BN_KIND_SOFT,
	BN_KIND_BLOCK,
	BN_KIND_UNDETERMINED,
	BN_KIND_NONE
} BnKind;

#define BN_KIND_COUNT 5

typedef enum BnReason
{
	BN_REASON_USER_UNKNOWN,
	BN_REASON_HOST_UNKNOWN,
	BN_REASON_HAS_MOVED,
	BN_REASON_NOT_ACCEPT,
	BN_REASON_SUSPEND,
	BN_REASON_MAILBOX_FULL,
	BN_REASON_MESG_TOO_BIG,
	BN_REASON_EXCEED_LIMIT,
	BN_REASON_SYSTEM_FULL,
	BN_REASON_SYSTEM_ERROR,
	BN_REASON_NETWORK_ERROR,
	BN_REASON_EXPIRED,
	BN_REASON_TOO_MANY_CONN,
	BN_REASON_SPEEDING,
	BN_REASON_GREYLISTED,
	BN_REASON_FILTERED,
	BN_REASON_MAILER_ERROR,
	BN_REASON_SYNTAX_ERROR,
	BN_REASON_BLOCKED,
	BN_REASON_SPAM_DETECTED,
	BN_REASON_VIRUS_DETECTED,
	BN_REASON_POLICY_VIOLATION,
	BN_REASON_BAD_REPUTATION,
	BN_REASON_AUTH_FAILURE,
	BN_REASON_REQUIRE_PTR,
	BN_REASON_NOT_COMPLIANT_RFC,
	BN_REASON_SECURITY_ERROR,
	BN_REASON_REJECTED,
	BN_REASON_NO_RELAYING,
	BN_REASON_CONTENT_ERROR,
	BN_REASON_FAILED_STARTTLS,
	BN_REASON_ON_HOLD,
	BN_REASON_UNDEFINED,
	BN_REASON_VACATION,
	BN_REASON_FEEDBACK,
	BN_REASON_DELIVERED
} BnReason;

#define BN_REASON_COUNT 36

extern const char *const bn_kind_names[BN_KIND_COUNT];
extern const char *const bn_reason_names[BN_REASON_COUNT];

/* The default kind of each reason (SPEC section 1, "Reasons"). */
extern const BnKind bn_reason_default_kind[BN_REASON_COUNT];

/* Look a name up; false when it is not a kind or reason name. */
extern bool bn_kind_from_name(const char *name, size_t len, BnKind *kind);
extern bool bn_reason_from_name(const char *name, size_t len, BnReason *reason);

#endif							/* BOUNCE_CORE_REASON_H */
