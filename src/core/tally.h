/*
 * tally.h
 *		Counts of messages sent, bounced by kind, delivered and complained
 *		about; rates, tiers, health and spikes computed from them (SPEC
 *		section 6).
 *
 * A tally is seven 64-bit counters: sent; bounced of each bouncing kind
 * (hard, soft, block, undetermined, in BnKind order); delivered (messages
 * known to be delivered; 0 when deliveries are not counted); and complaints
 * (a complaint is not a bounce: it counts in its own rate).  Every bounce,
 * delivery and complaint is about a message sent, so a valid tally never has
 * more bounces, deliveries or complaints than messages sent; that bound also
 * keeps every sum of counters inside int64.
 *
 * Tiers and health compare the hard-bounce rate with whole-percent
 * boundaries exactly: hard * 100 against sent * boundary in 128 bits, never
 * in floating point, so 2 bounces of 100 messages is exactly 2 %.  Complaint
 * tiers compare the same way in tenths of a percent.
 *
 * The stored form (BnTallyStored, tally_store.c) keeps 1.0's 40 bytes.
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
	int64_t		delivered;		/* known delivered; 0: not counted */
	int64_t		complaints;
} BnTally;

/* The longest text form plus its terminating NUL. */
#define BN_TALLY_BUFSIZE 224

/* Why a text or a set of counters is not a tally. */
typedef enum BnTallyError
{
	BN_TALLY_OK,
	BN_TALLY_SYNTAX,			/* not the form the output prints */
	BN_TALLY_NEGATIVE,			/* a count below zero */
	BN_TALLY_OVERFLOW,			/* a count above INT64_MAX */
	BN_TALLY_TOO_MANY_BOUNCES,	/* bounces outnumber messages sent */
	BN_TALLY_TOO_MANY_DELIVERED,	/* deliveries outnumber messages sent */
	BN_TALLY_TOO_MANY_COMPLAINTS	/* complaints outnumber messages sent */
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
	t->delivered = 0;
	t->complaints = 0;
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
 * The counters in the order of the text form and the stored form: sent,
 * hard, soft, block, undetermined, delivered, complaints.
 */
#define BN_TALLY_FIELDS (BN_TALLY_KINDS + 3)

static inline int64_t *
bn_tally_field(BnTally *t, int field)
{
	if (field == 0)
		return &t->sent;
	if (field <= BN_TALLY_KINDS)
		return &t->bounced[field - 1];
	return field == BN_TALLY_KINDS + 1 ? &t->delivered : &t->complaints;
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

/*
 * Count one message sent whose outcome is kind, as bn_tally_count, and also
 * as delivered and as complained about when so.  False, and t unchanged,
 * when a counter would overflow.
 */
static inline bool
bn_tally_count_message(BnTally *t, BnKind kind, bool delivered, bool complained)
{
	if (!bn_tally_count(t, kind))
		return false;
	/* delivered and complaints are at most sent - 1 here: no overflow */
	t->delivered += delivered;
	t->complaints += complained;
	return true;
}

/* Add b into a; false, and a unchanged, when a counter would overflow. */
extern bool bn_tally_add(BnTally *a, const BnTally *b);

/*
 * Check the invariants: no negative count; bounces, deliveries and
 * complaints each at most sent.
 */
extern BnTallyError bn_tally_check(const BnTally *t);

/*
 * Parse the text form: "(sent=N,hard=N,soft=N,block=N,undetermined=N)",
 * 1.0's form and 1.1's when nothing delivered or complained is counted, or
 * "(sent=N,hard=N,soft=N,block=N,undetermined=N,delivered=N,complaints=N)",
 * optionally surrounded by white space.  s is NUL-terminated.  On failure
 * err says where and why.
 */
extern bool bn_tally_parse(const char *s, BnTally *out, BnTallyParseError *err);

/*
 * Write the text form into buf (BN_TALLY_BUFSIZE bytes); returns length.
 * The short form when delivered and complaints are both 0, so every value
 * 1.0 could hold prints as 1.0 printed it.
 */
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
 * Complaints.  The complaint rate is complaints * 100 / delivered, or
 * complaints * 100 / sent when no delivery is counted (delivered = 0);
 * none when nothing was sent.  Its tiers follow the mailbox providers'
 * published thresholds for bulk senders: Google and Yahoo ask for below
 * 0.1 % and never reaching 0.3 %; Amazon SES reviews an account at 0.1 %
 * and may pause it at 0.5 %.
 */
typedef enum BnComplaintTier
{
	BN_COMPLAINT_GOOD,			/* below 0.1 % */
	BN_COMPLAINT_ELEVATED,		/* 0.1 % up to, not including, 0.3 % */
	BN_COMPLAINT_TOO_HIGH,		/* 0.3 % up to, not including, 0.5 % */
	BN_COMPLAINT_CRITICAL		/* 0.5 % and above */
} BnComplaintTier;

#define BN_COMPLAINT_TIER_COUNT 4

extern const char *const bn_complaint_tier_names[BN_COMPLAINT_TIER_COUNT];

/* The denominator of the complaint rate: delivered, or sent; 0: no rate. */
static inline int64_t
bn_tally_complaint_base(const BnTally *t)
{
	return t->delivered > 0 ? t->delivered : t->sent > 0 ? t->sent : 0;
}

/*
 * Compare a rate with tenths of a percent (tenths = 3: 0.3 %): negative,
 * zero or positive as rate <, = or > tenths / 10 %.
 */
typedef int (*BnTenthsCmp) (const void *arg, int tenths);

extern BnComplaintTier bn_complaint_tier(BnTenthsCmp cmp, const void *arg);

/* The complaint rate in percent; false when nothing was sent. */
extern bool bn_tally_complaint_rate(const BnTally *t, double *rate);

/* The tier of a tally's complaint rate, exactly; false: nothing sent. */
extern bool bn_tally_complaint_tier(const BnTally *t, BnComplaintTier *tier);

/* The comparison bn_complaint_tier uses for a double rate in percent. */
extern int	bn_tenths_cmp_double(const void *arg, int tenths);

/*
 * The stored form of a tally (tally_store.c): the 40 bytes of 1.0's
 * bounce.tally, INTERNALLENGTH = 40, which an upgrade cannot change.
 *
 * Plain layout, 1.0's: five int64 words, sent, hard, soft, block,
 * undetermined, each from 0 to INT64_MAX, so the top bit of every word is
 * clear.  Written whenever delivered and complaints are both 0: every value
 * 1.0 wrote is read as it was, and those values keep their bytes.
 *
 * Packed layout: the top bit of the last word set (never set by 1.0); the
 * seven counters, 45 bits each, in the order of the text form, in bits
 * 0..314 of the words taken as one little-endian bit string; bits 315..318
 * zero.  Used when delivered or complaints is non-zero; each count is then
 * at most BN_TALLY_PACKED_MAX (35,184,372,088,831).
 *
 * The layout follows from the counters, so equal tallies have equal bytes.
 */
typedef struct BnTallyStored
{
	uint64_t	w[5];
} BnTallyStored;

#define BN_TALLY_PACKED_BITS 45
#define BN_TALLY_PACKED_MAX ((INT64_C(1) << BN_TALLY_PACKED_BITS) - 1)
#define BN_TALLY_PACKED_FLAG (UINT64_C(1) << 63)

static inline bool
bn_tally_stored_is_packed(const BnTallyStored *s)
{
	return (s->w[4] & BN_TALLY_PACKED_FLAG) != 0;
}

/*
 * Store t; false, and s unchanged, when t needs the packed layout and a
 * count exceeds BN_TALLY_PACKED_MAX.  t must be valid (bn_tally_check).
 */
extern bool bn_tally_store(const BnTally *t, BnTallyStored *s);

/* Read a stored tally, of either layout. */
extern void bn_tally_load(const BnTallyStored *s, BnTally *t);

/* bn_tally_stored_count's way through unpacking, tally_store.c. */
extern bool bn_tally_stored_count_packed(BnTallyStored *s, BnKind kind,
										 bool delivered, bool complained);

/*
 * bn_tally_count_message on a stored tally, in place: a plain-layout tally
 * counting no delivery or complaint (every row of bounce.tally(bounce.kind))
 * is updated without unpacking.  False, and s unchanged, when a counter
 * would overflow or leave the layout's range.
 */
static inline bool
bn_tally_stored_count(BnTallyStored *s, BnKind kind, bool delivered,
					  bool complained)
{
	if (delivered || complained || bn_tally_stored_is_packed(s))
		return bn_tally_stored_count_packed(s, kind, delivered, complained);
	if (s->w[0] >= (uint64_t) INT64_MAX)
		return false;
	s->w[0]++;
	/* bounced[kind] <= sent, so it cannot overflow either */
	if ((unsigned) kind < BN_TALLY_KINDS)
		s->w[kind + 1]++;
	return true;
}

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
