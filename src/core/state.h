/*
 * state.h
 *		An address's deliverability state and the one function that moves it:
 *		state + event + policy -> state (SPEC section 2).
 *
 * The trigger on the sender's events table and bounce.rebuild() both call
 * bn_state_apply(), one event at a time in the order of bn_event_cmp(), so
 * the state they build cannot drift apart.
 *
 * Plain C: no PostgreSQL headers, no allocation.  A state may point into
 * the events applied to it (the campaign identifiers of its rings); the
 * caller keeps those alive until it has stored the state.
 */
#ifndef BOUNCE_CORE_STATE_H
#define BOUNCE_CORE_STATE_H

#include "reason.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Event types, in the order events with the same time are taken (SPEC 2,
 * rule 10).  The order is that of the SQL enum bounce.event_type: never
 * reorder, and append only after checking that rule.
 */
typedef enum BnEventType
{
	BN_EVENT_SENT,
	BN_EVENT_DELIVERED,
	BN_EVENT_BOUNCE,
	BN_EVENT_OPEN,
	BN_EVENT_CLICK,
	BN_EVENT_COMPLAINT,
	BN_EVENT_UNSUBSCRIBE
} BnEventType;

#define BN_EVENT_COUNT 7

/* Order of the SQL enum bounce.address_status. */
typedef enum BnAddressStatus
{
	BN_ADDR_ACTIVE,
	BN_ADDR_CONFIRMED,
	BN_ADDR_SUPPRESSED
} BnAddressStatus;

#define BN_ADDRESS_STATUS_COUNT 3

/* Order of the SQL enum bounce.suppression_reason. */
typedef enum BnSuppression
{
	BN_SUPPRESSION_NONE = -1,	/* not suppressed */
	BN_SUPPRESSION_HARD_BOUNCE,
	BN_SUPPRESSION_SOFT_BOUNCE,
	BN_SUPPRESSION_COMPLAINT,
	BN_SUPPRESSION_UNSUBSCRIBE,
	BN_SUPPRESSION_MANUAL,
	BN_SUPPRESSION_INVALID
} BnSuppression;

#define BN_SUPPRESSION_COUNT 6

/*
 * A time: microseconds since 2000-01-01 00:00 UTC, PostgreSQL's
 * TimestampTz.  BN_TIME_NONE (which is also -infinity there) means unset;
 * events must have finite times.
 */
typedef int64_t BnTime;

#define BN_TIME_NONE INT64_MIN

/*
 * The campaign an event belongs to.  id == NULL: the event has no campaign
 * and is its own campaign, identified by its time (SPEC 2, rule 9).
 */
typedef struct BnCampaign
{
	const char *id;				/* not NUL-terminated; NULL for none */
	uint32_t	len;
	BnTime		at;				/* the identity when id is NULL */
} BnCampaign;

typedef struct BnEvent
{
	BnEventType type;
	BnTime		at;
	const char *campaign;		/* NULL: no campaign */
	uint32_t	campaign_len;
	BnKind		kind;			/* bounces only */
	BnReason	reason;			/* bounces only */
} BnEvent;

/* Thresholds are limited so that the rings of a state have a fixed size. */
#define BN_THRESHOLD_MAX 100

typedef struct BnPolicy
{
	int			hard_threshold; /* 1 .. BN_THRESHOLD_MAX */
	int			soft_threshold; /* 1 .. BN_THRESHOLD_MAX */
	unsigned	reset_on;		/* bit (1 << BnEventType): open, click */
	bool		reset_on_delivered;
} BnPolicy;

#define BN_EVENT_BIT(t) (1u << (t))

/* hard 3, soft 5, reset on open and click, and on delivered (SPEC 5). */
extern const BnPolicy bn_policy_default;

typedef struct BnState
{
	BnAddressStatus status;
	BnSuppression suppressed;	/* why, when status is suppressed */
	BnTime		status_since;	/* event time of the last status change */
	int			hard_streak;
	int			soft_streak;

	/*
	 * The campaigns last counted, oldest first, at most the threshold: so
	 * that a campaign counts once (rule 1) even across a reset.
	 */
	int			n_hard;
	int			n_soft;
	BnCampaign	hard[BN_THRESHOLD_MAX];
	BnCampaign	soft[BN_THRESHOLD_MAX];

	BnTime		last_counted_at;	/* last bounce that added to a streak */
	BnTime		last_sent_at;
	BnTime		last_bounce_at; /* last bounce of kind other than none */
	BnReason	last_reason;	/* of that bounce */
	BnKind		last_kind;
	BnTime		cleared_at;		/* events up to here count only as sends */

	/* The newest event applied: decides between applying and replaying. */
	BnTime		last_event_at;
	BnEventType last_event;
} BnState;

/* What bn_state_apply did, as bits. */
#define BN_APPLY_IGNORED		0x0001	/* before cleared_at: only a send */
#define BN_APPLY_COUNTED_HARD	0x0002
#define BN_APPLY_COUNTED_SOFT	0x0004
#define BN_APPLY_RESET			0x0008	/* a streak went back to zero */
#define BN_APPLY_CONFIRMED		0x0010	/* status became confirmed */
#define BN_APPLY_SUPPRESSED		0x0020	/* status became suppressed */
#define BN_APPLY_REASON			0x0040	/* suppression reason strengthened */
#define BN_APPLY_RECORDED		0x0080	/* bounce kept as last reason */

/* The state of an address never seen: active, nothing counted. */
extern void bn_state_init(BnState *st);

/*
 * Apply one event.  Events must come in bn_event_cmp order (or repeat the
 * last one); see bn_state_in_order.  Returns BN_APPLY_* bits.
 */
extern unsigned bn_state_apply(BnState *st, const BnEvent *ev,
							   const BnPolicy *policy);

/*
 * True when ev may be applied to st directly: it sorts after every event
 * already applied, or it ties with the newest in a way that cannot change
 * the result.  Otherwise the address must be replayed from its events.
 */
extern bool bn_state_in_order(const BnState *st, const BnEvent *ev);

/*
 * The replay order: time, then type in rule 10's order, then for bounces
 * the campaign, kind and reason, so that the order is total on everything
 * that can change the state.  For qsort.
 */
extern int	bn_event_cmp(const BnEvent *a, const BnEvent *b);

/*
 * A manual clearance at time at (double opt-in, removal from the confirmed
 * list): active again, streaks and history forgotten, sends kept.  Events
 * up to at then count only as sends, also when replayed.
 */
extern void bn_state_clear(BnState *st, BnTime at);

/* Two states are the same (rings compared by content). */
extern bool bn_state_equal(const BnState *a, const BnState *b);

/* Sort an array of events into replay order (insertion sort for few). */
extern void bn_events_sort(BnEvent *events, size_t n);

/*
 * Names.  bn_event_type_from_name is case-insensitive and also accepts
 * the past tenses senders use (bounced, opened, clicked, complained,
 * unsubscribed) and send, delivery, spam_report.
 */
extern const char *const bn_event_type_names[BN_EVENT_COUNT];
extern const char *const bn_address_status_names[BN_ADDRESS_STATUS_COUNT];
extern const char *const bn_suppression_names[BN_SUPPRESSION_COUNT];
extern bool bn_event_type_from_name(const char *name, size_t len,
									BnEventType *type);

/* The accepted event names, comma separated, for error hints. */
extern const char bn_event_type_accepted[];

/*
 * Campaign identity as text, for storing the rings: the id itself, or for
 * an event without campaign "@" and its UTC time
 * ("@2024-05-01T10:00:00.000000Z").  format returns the length written
 * (buf needs BN_CAMPAIGN_TIME_BUFSIZE for a time key); parse fills c from
 * a stored text that must stay alive.
 */
#define BN_CAMPAIGN_TIME_BUFSIZE 40
extern size_t bn_campaign_time_key(BnTime at, char *buf);
extern void bn_campaign_parse(const char *s, size_t len, BnCampaign *c);

#endif							/* BOUNCE_CORE_STATE_H */
