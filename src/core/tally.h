/*
 * tally.h
 *		Counts of messages sent and bounced by kind; rates, tiers, health and
 *		spikes computed from them (SPEC section 6).
 *
 * A tally is five 64-bit counters: sent, and bounced of each bouncing kind
 * (hard, soft, block, undetermined, in BnKind order).  Every bounce is also
 * a message sent, so a valid tally never has more bounces than messages
 * sent; that bound also keeps every sum of counters inside int64.
 *
 * Tiers and health compare the hard-bounce rate with whole-percent
 * boundaries exactly: hard * 100 against sent * boundary in 128 bits, never
 * in floating point, so 2 bounces of 100 messages is exactly 2 %.
 *
 * Plain C: no PostgreSQL headers, no allocation.
 */
#ifndef BOUNCE_CORE_TALLY_H
#define BOUNCE_CORE_TALLY_H

#include "reason.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The kinds that count as bounced: every kind before BN_KIND_NONE. */
#define BN_TALLY_KINDS BN_KIND_NONE

typedef struct BnTally
{
	int64_t		sent;
	int64_t		bounced[BN_TALLY_KINDS];	/* indexed by BnKind */
} BnTally;

/* The longest text form plus its terminating NUL. */
#define BN_TALLY_BUFSIZE 160

/* Why a text or a set of counters is not a tally. */
typedef enum BnTallyError
{
	BN_TALLY_OK,
	BN_TALLY_SYNTAX,			/* not the form the output prints */
	BN_TALLY_NEGATIVE,			/* a count below zero */
	BN_TALLY_OVERFLOW,			/* a count above INT64_MAX */
	BN_TALLY_TOO_MANY_BOUNCES	/* bounces outnumber messages sent */
} BnTallyError;

/* Where and why parsing stopped, for a precise error message. */
typedef struct BnTallyParseError
{
	BnTallyError code;
	size_t		position;		/* 0-based offset of the offending byte */
	const char *expected;		/* what was expected there, for syntax */
} BnTallyParseError;

static inline void
bn_tally_zero(BnTally *t)
{
	t->sent = 0;
	for (int k = 0; k < BN_TALLY_KINDS; k++)
		t->bounced[k] = 0;
}

/* All bounces of a valid tally (cannot overflow: it is at most sent). */
static inline int64_t
bn_tally_bounced(const BnTally *t)
{
	int64_t		n = 0;

	for (int k = 0; k < BN_TALLY_KINDS; k++)
		n += t->bounced[k];
	return n;
}

/*
 * Count one message sent whose outcome is kind (BN_KIND_NONE: it did not
 * bounce).  False, and t unchanged, when a counter would overflow.
 */
static inline bool
bn_tally_count(BnTally *t, BnKind kind)
{
	if (t->sent == INT64_MAX)
		return false;
	t->sent++;
	/* bounced[kind] <= sent, so it cannot overflow either */
	if ((unsigned) kind < BN_TALLY_KINDS)
		t->bounced[kind]++;
	return true;
}

/* Add b into a; false, and a unchanged, when a counter would overflow. */
extern bool bn_tally_add(BnTally *a, const BnTally *b);

/* Check the invariants: no negative count, bounces at most sent. */
extern BnTallyError bn_tally_check(const BnTally *t);

/*
 * Parse the text form "(sent=N,hard=N,soft=N,block=N,undetermined=N)":
 * exactly what bn_tally_format writes, optionally surrounded by white
 * space.  s is NUL-terminated.  On failure err says where and why.
 */
extern bool bn_tally_parse(const char *s, BnTally *out, BnTallyParseError *err);

/* Write the text form into buf (BN_TALLY_BUFSIZE bytes); returns length. */
extern size_t bn_tally_format(const BnTally *t, char *buf);

/*
 * Rates in percent, as doubles (bounced * 100 / sent); false when nothing
 * was sent.  kind < BN_TALLY_KINDS gives one kind's rate.
 */
extern bool bn_tally_rate(const BnTally *t, double *rate);
extern bool bn_tally_kind_rate(const BnTally *t, BnKind kind, double *rate);

/* Tiers and health (SPEC section 6); the enum order is the SQL enums'. */
typedef enum BnTier
{
	BN_TIER_EXCELLENT,			/* below 1 % */
	BN_TIER_ACCEPTABLE,			/* 1 % to 2 % inclusive */
	BN_TIER_CONCERNING,			/* above 2 %, up to 5 % */
	BN_TIER_POOR,				/* above 5 %, up to 10 % */
	BN_TIER_CRITICAL			/* above 10 % */
} BnTier;

#define BN_TIER_COUNT 5

typedef enum BnHealth
{
	BN_HEALTH_HEALTHY,			/* up to and including 2 % */
	BN_HEALTH_UNHEALTHY,		/* above 2 %, up to 5 % */
	BN_HEALTH_RISKY				/* above 5 % */
} BnHealth;

#define BN_HEALTH_COUNT 3

extern const char *const bn_tier_names[BN_TIER_COUNT];
extern const char *const bn_health_names[BN_HEALTH_COUNT];

/*
 * Compare a rate, in whatever representation arg points to, with a whole
 * percentage: negative, zero or positive as rate <, = or > percent.  Lets
 * one definition of the boundaries serve counts, doubles and numerics.
 */
typedef int (*BnRateCmp) (const void *arg, int percent);

extern BnTier bn_tier(BnRateCmp cmp, const void *arg);
extern BnHealth bn_health(BnRateCmp cmp, const void *arg);

/*
 * The same on a tally's hard-bounce rate, exactly; false when nothing was
 * sent (no rate, no tier).
 */
extern bool bn_tally_tier(const BnTally *t, BnTier *tier);
extern bool bn_tally_health(const BnTally *t, BnHealth *health);

/* The comparison bn_tier and bn_health use for a double rate. */
extern int	bn_rate_cmp_double(const void *arg, int percent);

/*
 * The one-sided two-proportion z test of current's rate against
 * baseline's, with the pooled proportion p: z = diff / sqrt(variance), where
 * diff = x1/n1 - x2/n2 and variance = p (1 - p) (1/n1 + 1/n2); z is 0 when
 * the variance is 0 (pooled rate 0 % or 100 %: the rates are equal).
 * kind < BN_TALLY_KINDS tests one kind's rate, BN_KIND_NONE all bounces.
 * False when either side sent nothing.  (The core leaves the square root
 * to its caller: it links without libm.)
 */
extern bool bn_tally_spike_terms(const BnTally *current, const BnTally *baseline,
								 BnKind kind, double *diff, double *variance);

/*
 * Whether z > threshold, decided from the terms without a square root.
 * Where either side sent fewer than min_sent messages (or nothing) there is
 * no verdict: returns false and leaves *spike alone.
 */
extern bool bn_tally_spike(const BnTally *current, const BnTally *baseline,
						   BnKind kind, int64_t min_sent, double threshold,
						   bool *spike);

#endif							/* BOUNCE_CORE_TALLY_H */
