/*
 * bouncemsg.h
 *		A whole bounce or feedback message in, one row per recipient out.
 *
 * Formats, tried in this order (the first that finds a recipient wins):
 *	1. RFC 5965 feedback reports (message/feedback-report)    -> "arf"
 *	2. RFC 3464 delivery status notifications
 *	   (message/delivery-status anywhere in the message)      -> "dsn"
 *	3. the plain-text bodies of MTAs and providers without a DSN part
 *	   (qmail, Exim, Postfix, Sendmail, Exchange, Gmail, ...)  -> their name
 *	4. RFC 3834 auto-replies (Auto-Submitted, X-Autoreply, Precedence,
 *	   out-of-office subjects)                                  -> "autoreply"
 * A message none of these recognise gives zero rows (not an error).
 *
 * Every recipient is classified with the built-in classifier (classify.h)
 * from its reply code, status, diagnostic text, SMTP command and remote
 * host; a feedback report is reason feedback, an auto-reply vacation.
 *
 * Plain C: no PostgreSQL headers.  Memory comes from malloc through one
 * arena per message, freed by bn_message_free; the parse never longjmps.
 * Time and memory are linear in the input (see mime.h for the limits).
 */
#ifndef BOUNCE_CORE_BOUNCEMSG_H
#define BOUNCE_CORE_BOUNCEMSG_H

#include "arena.h"
#include "reason.h"
#include "status.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct BnRecipient
{
	char	   *recipient;		/* the address, or NULL */
	char	   *action;			/* failed, delayed, delivered, relayed,
								 * expanded; NULL when not said */
	BnStatus	status;			/* BN_STATUS_NONE when not found */
	int			reply_code;		/* 0 when not found */
	char	   *diagnostic;		/* whitespace squeezed to single spaces */
	char	   *remote;			/* the remote host that answered */
	char	   *command;		/* CONN, EHLO, HELO, MAIL, RCPT, DATA */
	bool		has_time;
	int64_t		time;			/* arrival or last attempt, Unix seconds */
	char	   *feedback_type;	/* abuse, fraud, opt-out, virus, other, ... */
	char	   *message_id;		/* the original message's Message-ID */
	char	   *feedback_id;	/* the original message's Feedback-ID */
	BnReason	reason;
	BnKind		kind;
	/* filled by the format parser, read by the classification step */
	bool		has_hint;
	BnReason	hint;			/* the format's own verdict, when it knows */
	bool		hint_strong;	/* hint wins over the classifier */
} BnRecipient;

typedef struct BnMessage
{
	BnArena		arena;
	BnRecipient *rcpts;
	int			n;
	int			cap;
	const char *format;			/* static: "dsn", "arf", "qmail", ... or NULL */
	bool		truncated;		/* a limit of mime.h was reached */
} BnMessage;

typedef enum BnMsgResult
{
	BN_MSG_OK,
	BN_MSG_NOMEM				/* the arena could not grow */
} BnMsgResult;

/* Most bytes the arena of one message may take, per input byte, plus a base. */
#define BN_MSG_ARENA_PER_BYTE 8
#define BN_MSG_ARENA_BASE (16 * 1024 * 1024)

extern BnMsgResult bn_message_parse(const char *data, size_t len,
									BnMessage *m);
extern void bn_message_free(BnMessage *m);

#endif							/* BOUNCE_CORE_BOUNCEMSG_H */
