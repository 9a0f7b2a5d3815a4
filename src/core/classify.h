/*
 * classify.h
 *		Built-in classification: codes + command + remote host + text -> reason.
 *
 * Plain C: no PostgreSQL headers.  No allocation: everything works on the
 * caller's buffers, and matching is linear in the length of the text.
 */
#ifndef BOUNCE_CORE_CLASSIFY_H
#define BOUNCE_CORE_CLASSIFY_H

#include "reason.h"
#include "status.h"

#include <stddef.h>

typedef struct BnInput
{
	const char *text;			/* diagnostic, may be NULL; not NUL-terminated */
	size_t		text_len;
	int			reply_code;		/* 0 when unknown */
	BnStatus	status;			/* BN_STATUS_NONE when unknown */
	const char *command;		/* "RCPT", "DATA", ...; may be NULL */
	size_t		command_len;
	const char *remote;			/* remote host, recipient domain or address */
	size_t		remote_len;
} BnInput;

typedef struct BnVerdict
{
	BnReason	reason;
	BnKind		kind;			/* the default kind, refined (not_accept) */
	BnStatus	status;			/* given, or found in the text */
	int			reply_code;		/* given, or found in the text */
} BnVerdict;

extern void bn_classify(const BnInput *in, BnVerdict *out);

/*
 * The default kind of a verdict's reason: bn_reason_default_kind, except
 * that not_accept is soft when the code is 4xx or the text says temporary.
 */
extern BnKind bn_default_kind(const BnInput *in, BnReason reason,
							  BnStatus status, int reply_code);

#endif							/* BOUNCE_CORE_CLASSIFY_H */
