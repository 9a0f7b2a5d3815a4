/*
 * lhost.h
 *		The plain-text bounce formats of MTAs and providers, one file each
 *		(lhost_*.c), and the JSON notifications of Amazon SES.
 *
 * Each format is written from how the MTA builds its bounce text (its
 * documentation and source), not from samples.  Internal to the message
 * parser.  Plain C: no PostgreSQL headers.
 */
#ifndef BOUNCE_CORE_LHOST_H
#define BOUNCE_CORE_LHOST_H

#include "msgctx.h"

extern const BnTextFormat bn_lhost_qmail;
extern const BnTextFormat bn_lhost_exim;
extern const BnTextFormat bn_lhost_postfix;
extern const BnTextFormat bn_lhost_sendmail;
extern const BnTextFormat bn_lhost_exchange;
extern const BnTextFormat bn_lhost_gmail;
extern const BnTextFormat bn_lhost_googlegroups;
extern const BnTextFormat bn_lhost_dragonfly;
extern const BnTextFormat bn_lhost_domino;
extern const BnTextFormat bn_lhost_yahoo;
extern const BnTextFormat bn_lhost_courier;
extern const BnTextFormat bn_lhost_james;
extern const BnTextFormat bn_lhost_mailman;
extern const BnTextFormat bn_lhost_generic;

/* Amazon SES notifications (JSON through SNS): rows added, 0 if not one. */
extern int	bn_parse_ses_json(BnMsgCtx *c);

#endif							/* BOUNCE_CORE_LHOST_H */
