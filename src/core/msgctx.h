/*
 * msgctx.h
 *		What the format parsers of a bounce message share: the walked MIME
 *		message, the human-readable text, the enclosed original message, and
 *		the helpers that read recipients, commands and hosts out of text.
 *
 * Internal to the message parser (bouncemsg.c and the format files).
 * Plain C: no PostgreSQL headers.
 */
#ifndef BOUNCE_CORE_MSGCTX_H
#define BOUNCE_CORE_MSGCTX_H

#include "bouncemsg.h"
#include "headers.h"
#include "mime.h"

typedef struct BnMsgCtx
{
	BnArena    *a;
	BnMessage  *out;
	const BnMime *mime;
	const char *from;			/* decoded top-level From, or "" */
	const char *subject;		/* decoded top-level Subject, or "" */
	const char *body;			/* the human-readable text: the first text
								 * part outside any enclosed message */
	size_t		body_len;
	const BnHeaders *orig;		/* the enclosed original message's header
								 * fields, or NULL */
} BnMsgCtx;

/* Append a zeroed recipient; NULL when the arena is full. */
extern BnRecipient *bn_msg_add(BnMsgCtx *c);

/* The standard formats: each returns the number of recipients it added. */
extern int	bn_parse_arf(BnMsgCtx *c);
extern int	bn_parse_dsn(BnMsgCtx *c);
extern int	bn_parse_autoreply(BnMsgCtx *c);
extern bool bn_is_autoreply(BnMsgCtx *c);

/* ---- text helpers (textscan.c) ---- */

/* Case-insensitive search of needle in s[0..n); pointer or NULL. */
extern const char *bn_memcasestr(const char *s, size_t n, const char *needle);

/*
 * The first mail address in s[0..n): sets *start and *len (without angle
 * brackets) and returns true.
 */
extern bool bn_find_address(const char *s, size_t n, size_t *start,
							size_t *len);

/* s[0..3) is CJK punctuation or a width form, which ends an address */
extern bool bn_cjk_delimiter(const char *s, size_t avail);

/* "RCPT", "MAIL", "DATA", "EHLO", "HELO", "CONN" said in a text, or NULL. */
extern const char *bn_find_command(const char *s, size_t n);

/* The remote host a diagnostic names ("host mx.example.org [192.0.2.1]",
 * "while talking to mx.example.org.", ...), as an arena string, or NULL. */
extern char *bn_find_remote(const char *s, size_t n, BnArena *a);

/* s[0..n) with every run of whitespace made one space, trimmed. */
extern char *bn_squeeze(const char *s, size_t n, BnArena *a);

/* The address in a value such as "rfc822; <a@b.c>", lower-cased domain. */
extern char *bn_address_of(const char *v, size_t n, BnArena *a);

/* ---- plain-text bounce bodies ---- */

/*
 * How one MTA writes its bounce text: the section of the body that lists
 * the failed recipients starts after a line containing one of start (NULL:
 * at the top of the text) and ends at a line containing one of end (the
 * common "original message follows" markers always end it too).
 */
typedef struct BnTextFormat
{
	const char *name;
	const char *const *detect;	/* any of these in From, Subject or text */
	const char *const *start;
	const char *const *end;
	bool		(*tune) (BnMsgCtx *c, BnRecipient *r, const char *section,
						 size_t section_len);	/* optional, per recipient */
	/* optional: a reader of the format's own layout, tried before the
	 * generic one (which reads the message when it adds nobody) */
	int			(*scan) (BnMsgCtx *c);
} BnTextFormat;

/*
 * Read the recipients of a plain-text bounce: lines that begin with an
 * address (or "<address>"), each followed by its diagnostic lines; or,
 * when no line begins with one, the addresses the section names in angle
 * brackets; or the X-Failed-Recipients header.  Returns recipients added.
 */
extern int	bn_text_scan(BnMsgCtx *c, const BnTextFormat *f);

/*
 * Append a recipient read from text: the address (domain lower-cased) and
 * its explanation squeezed; NULL when the arena is full.
 */
extern BnRecipient *bn_text_recipient(BnMsgCtx *c, const char *addr,
									  size_t addr_len, const char *d,
									  size_t dlen);

/* The registered plain-text formats, most specific first, NULL-terminated
 * (lhost.c). */
extern int	bn_parse_lhost(BnMsgCtx *c);

/* ---- dates (maildate.c) ---- */

/* An RFC 5322 date-time (obsolete forms too) as Unix seconds. */
extern bool bn_parse_date(const char *s, size_t n, int64_t *out);

#endif							/* BOUNCE_CORE_MSGCTX_H */
