/*
 * patterns.h
 *		The built-in knowledge of the classifier and the matcher that uses it.
 *
 * Three sources of meaning, each with a priority (higher wins):
 *   - wording rules: a phrase, the reason it means, a priority, and
 *     optionally a provider and/or an enhanced status it applies to
 *     (patterns.c holds the generic rules, provider_rules.c the
 *     provider-specific ones);
 *   - enhanced status codes (RFC 3463 registry, plus a few provider-private
 *     codes);
 *   - basic reply codes (RFC 5321), the last fallback.
 *
 * All phrases are matched in one pass over the text by an Aho-Corasick
 * automaton built once, at first use, into static memory: ASCII letters are
 * folded to lower case and every run of white space matches one space.
 * Matching is linear in the length of the text whatever it holds, and
 * allocates nothing.
 *
 * Plain C: no PostgreSQL headers.
 */
#ifndef BOUNCE_CORE_PATTERNS_H
#define BOUNCE_CORE_PATTERNS_H

#include "provider.h"
#include "reason.h"
#include "status.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Priorities, in one scale shared by wording, status and reply codes. */
#define BN_PRIO_REPLY		5	/* a basic reply code alone */
#define BN_PRIO_HINT		10	/* a word that only hints ("access denied") */
#define BN_PRIO_STATUS_WEAK 15	/* a catch-all status (X.7.1, X.0.0, X.3.0) */
#define BN_PRIO_WEAK		25	/* wording that loses to a specific status */
#define BN_PRIO_WEAK_MAX	29	/* below this, a verdict is "weak" */
#define BN_PRIO_MEDIUM		45
#define BN_PRIO_STATUS		60	/* a status with one clear meaning */
#define BN_PRIO_STRONG		70	/* wording that beats any status */
#define BN_PRIO_EXACT		85	/* unambiguous wording */
#define BN_PRIO_PROVIDER	150 /* added to provider-specific rules */

/* Rule flags. */
#define BN_RULE_WORD_START	0x01	/* phrase must start at a word boundary
										 * (only for phrases without blanks) */
#define BN_RULE_WORD_END	0x02	/* phrase must end at a word boundary */
#define BN_RULE_WORD		(BN_RULE_WORD_START | BN_RULE_WORD_END)

/*
 * Besides reasons, a rule can mark where in the SMTP dialogue the text says
 * the failure happened ("after RCPT TO", "in reply to end of data command"),
 * used when the caller does not know the command; or set an anchor, a
 * phrase that another rule needs shortly before it ("host ... not found").
 */
#define BN_MARK_STAGE_CONN	200
#define BN_MARK_STAGE_EHLO	201
#define BN_MARK_STAGE_MAIL	202
#define BN_MARK_STAGE_RCPT	203
#define BN_MARK_STAGE_DATA	204
#define BN_MARK_ANCHOR		210 /* sets the anchor named by the rule */
#define BN_MAX_ANCHORS		8

typedef struct BnRule
{
	const char *phrase;			/* lower case; one space for any white space */
	uint8_t		reason;			/* BnReason, or a BN_MARK_* */
	uint8_t		prio;
	uint8_t		flags;			/* BN_RULE_* */
	uint8_t		provider;		/* BnProvider; BN_PROVIDER_UNKNOWN = any */
	BnStatus	status;			/* applies only with this status; 0 = any */
	uint8_t		anchor;			/* 1..BN_MAX_ANCHORS-1, 0 = none: for a
								 * BN_MARK_ANCHOR rule the anchor it sets,
								 * else the anchor that must end at most
								 * `window` characters before this phrase */
	uint8_t		window;
	const char *group;			/* the phrase group and where its meaning
								 * comes from (RFC, MTA, provider docs) */
} BnRule;

/*
 * The tables: generic wording in English about the recipient (phrases.c)
 * and about the receiving system and the transaction, with the SMTP stage
 * markers (phrases_transport.c), a refusal of the sender
 * (phrases_refusal.c), what is no failure (phrases_outcome.c), replies
 * documented word for word (phrases_documented.c), in other languages
 * (phrases_intl.c), provider wording (provider_rules.c).
 */
extern const BnRule bn_generic_rules[];
extern const size_t bn_generic_rule_count;
extern const BnRule bn_transport_rules[];
extern const size_t bn_transport_rule_count;
extern const BnRule bn_refusal_rules[];
extern const size_t bn_refusal_rule_count;
extern const BnRule bn_outcome_rules[];
extern const size_t bn_outcome_rule_count;
extern const BnRule bn_documented_rules[];
extern const size_t bn_documented_rule_count;
extern const BnRule bn_intl_rules[];
extern const size_t bn_intl_rule_count;
extern const BnRule bn_stage_rules[];
extern const size_t bn_stage_rule_count;
extern const BnRule bn_provider_rules[];
extern const size_t bn_provider_rule_count;

/*
 * Every rule of every table, numbered in the order the matcher adds them
 * (the order decides between equal matches): a rule's key, the rule of a
 * key (NULL when out of range), and how many there are.
 */
extern int	bn_rule_key(const BnRule *rule);
extern const BnRule *bn_rule_at(int key);
extern int	bn_rule_total(void);

/* The best wording found in a text. */
typedef struct BnMatch
{
	int			prio;			/* 0 when nothing matched */
	BnReason	reason;
	const BnRule *rule;			/* the winning rule, or NULL */
	size_t		end;			/* byte offset just past the winning match */
	int			stage;			/* first BN_MARK_STAGE_* seen, or 0 */
} BnMatch;

/*
 * Scan text once and report the highest-priority rule that applies to
 * the given provider and status (ties: the earliest match).  Provider rules
 * get BN_PRIO_PROVIDER added.  text may be NULL when len is 0.
 */
extern void bn_patterns_scan(const char *text, size_t len, BnProvider provider,
							 BnStatus status, BnMatch *best);

/*
 * The meaning of an enhanced status (provider-private codes first), with its
 * priority; false when it has none (X.0.0, unassigned codes).
 */
extern bool bn_status_meaning(BnStatus st, BnProvider provider,
							  BnReason *reason, int *prio);

/* Only the provider-private codes (provider_rules.c). */
extern bool bn_provider_status_meaning(BnStatus st, BnProvider provider,
									   BnReason *reason, int *prio);

/* The meaning of a basic reply code alone; false when it has none. */
extern bool bn_reply_meaning(int code, BnReason *reason, int *prio);

/*
 * Build the automaton now instead of at the first scan.  Idempotent and
 * safe to call from several threads; cheap after the first call.
 */
extern void bn_patterns_init(void);

/* For tests: sizes of the built automaton, and whether every rule fit. */
typedef struct BnPatternStats
{
	int			rules;
	int			states;
	int			classes;
	size_t		table_bytes;	/* memory of the transition table */
	bool		complete;		/* false if a rule was dropped (too long, full) */
} BnPatternStats;

extern void bn_patterns_stats(BnPatternStats *stats);

#endif							/* BOUNCE_CORE_PATTERNS_H */
