/*
 * classify.h
 *		Built-in classification: codes + command + remote host + text -> reason.
 *
 * Plain C: no PostgreSQL headers.  No allocation: everything works on the
 * caller's buffers, and matching is linear in the length of the text.
 */
#ifndef BOUNCE_CORE_CLASSIFY_H
#define BOUNCE_CORE_CLASSIFY_H

#include "provider.h"
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

/* What decided a verdict (bounce.explain()). */
typedef enum BnEvidenceSource
{
	BN_EVIDENCE_NONE,			/* nothing known: on_hold or undefined */
	BN_EVIDENCE_PHRASE,			/* generic wording (patterns.c) */
	BN_EVIDENCE_PROVIDER_PHRASE,	/* the provider's wording */
	BN_EVIDENCE_PROVIDER_STATUS,	/* the provider's private status code */
	BN_EVIDENCE_STATUS,			/* the enhanced status (RFC 3463) */
	BN_EVIDENCE_REPLY			/* the basic reply code (RFC 5321) */
} BnEvidenceSource;

/* What the SMTP stage or the status then changed. */
typedef enum BnRefinement
{
	BN_REFINE_NONE,
	BN_REFINE_MAIL,				/* refused at MAIL FROM: rejected */
	BN_REFINE_CONN,				/* refused at connection/EHLO: blocked */
	BN_REFINE_DATA,				/* "user unknown" after DATA: filtered */
	BN_REFINE_MAILBOX_STATUS	/* "user unknown" under X.2.x: filtered */
} BnRefinement;

struct BnRule;

typedef struct BnEvidence
{
	BnEvidenceSource source;
	const struct BnRule *rule;	/* the deciding phrase rule, or NULL */
	BnProvider	provider;		/* recognised from remote */
	BnRefinement refined;
	bool		command_given;	/* the command came from the caller */
} BnEvidence;

/* bn_classify, and what decided. */
extern void bn_classify_explain(const BnInput *in, BnVerdict *out,
								BnEvidence *ev);

/*
 * The evidence in words ("phrase \"no such user\" (...)"), NUL-terminated
 * in buf (truncated to size); returns its length.
 */
extern size_t bn_evidence_format(const BnEvidence *ev, const BnVerdict *v,
								 char *buf, size_t size);

/*
 * The default kind of a verdict's reason: bn_reason_default_kind, except
 * that not_accept is soft when the code is 4xx or the text says temporary.
 */
extern BnKind bn_default_kind(const BnInput *in, BnReason reason,
							  BnStatus status, int reply_code);

#endif							/* BOUNCE_CORE_CLASSIFY_H */
