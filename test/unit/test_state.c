/*
 * test_state.c
 *		Unit tests of the address state machine (src/core/state.c).
 *
 * Every rule of SPEC section 2 on its own, the edge cases between them,
 * and the property the triggers rely on: whatever order a set of events
 * arrives in (with duplicates), applying in-order events directly and
 * replaying the address otherwise ends in the state of one replay in time
 * order.
 */
#include "state.h"
#include "unit.h"

#include <stdlib.h>

#define MIN (INT64_C(60000000))
#define T(n) ((BnTime) (n) * MIN)

static const BnPolicy *P = &bn_policy_default;

/* An event; campaign NULL for none. */
static BnEvent
ev(BnEventType type, int minute, const char *campaign)
{
	BnEvent		e;

	e.type = type;
	e.at = T(minute);
	e.campaign = campaign;
	e.campaign_len = campaign ? (uint32_t) strlen(campaign) : 0;
	e.kind = BN_KIND_NONE;
	e.reason = BN_REASON_DELIVERED;
	return e;
}

/* A bounce of a kind (reason picked to match). */
static BnEvent
bounce(BnKind kind, int minute, const char *campaign)
{
	BnEvent		e = ev(BN_EVENT_BOUNCE, minute, campaign);

	e.kind = kind;
	switch (kind)
	{
		case BN_KIND_HARD:
			e.reason = BN_REASON_USER_UNKNOWN;
			break;
		case BN_KIND_SOFT:
			e.reason = BN_REASON_MAILBOX_FULL;
			break;
		case BN_KIND_BLOCK:
			e.reason = BN_REASON_BLOCKED;
			break;
		case BN_KIND_UNDETERMINED:
			e.reason = BN_REASON_UNDEFINED;
			break;
		case BN_KIND_NONE:
			e.reason = BN_REASON_VACATION;
			break;
	}
	return e;
}

/* Apply events in the order given. */
static BnState
run(const BnEvent *events, int n, const BnPolicy *policy)
{
	BnState		st;

	bn_state_init(&st);
	for (int i = 0; i < n; i++)
		bn_state_apply(&st, &events[i], policy);
	return st;
}

/* Replay a copy in time order. */
static BnState
replay(const BnEvent *events, int n, const BnPolicy *policy)
{
	BnEvent		copy[32];

	memcpy(copy, events, sizeof(BnEvent) * n);
	bn_events_sort(copy, n);
	return run(copy, n, policy);
}

/*
 * What the trigger does when events arrive in this order: apply an
 * in-order event to the stored state, otherwise replay everything that
 * has arrived.
 */
static BnState
arrive(const BnEvent *events, int n, const BnPolicy *policy, int *replays)
{
	BnState		st;

	bn_state_init(&st);
	for (int i = 0; i < n; i++)
	{
		if (bn_state_in_order(&st, &events[i]))
			bn_state_apply(&st, &events[i], policy);
		else
		{
			st = replay(events, i + 1, policy);
			(*replays)++;
		}
	}
	return st;
}

static void
test_names(void)
{
	BnEventType t;

	CHECK(bn_event_type_from_name("bounce", 6, &t) && t == BN_EVENT_BOUNCE);
	CHECK(bn_event_type_from_name("Bounced", 7, &t) && t == BN_EVENT_BOUNCE);
	CHECK(bn_event_type_from_name("OPEN", 4, &t) && t == BN_EVENT_OPEN);
	CHECK(bn_event_type_from_name("unsubscribed", 12, &t) && t == BN_EVENT_UNSUBSCRIBE);
	CHECK(bn_event_type_from_name("spam_report", 11, &t) && t == BN_EVENT_COMPLAINT);
	CHECK(bn_event_type_from_name("delivery", 8, &t) && t == BN_EVENT_DELIVERED);
	CHECK(!bn_event_type_from_name("bounc", 5, &t));
	CHECK(!bn_event_type_from_name("deferred", 8, &t));
	CHECK(!bn_event_type_from_name("", 0, &t));
	for (int i = 0; i < BN_EVENT_COUNT; i++)
		CHECK(bn_event_type_from_name(bn_event_type_names[i],
									  strlen(bn_event_type_names[i]), &t) &&
			  (int) t == i);
	CHECK_STR(bn_address_status_names[BN_ADDR_CONFIRMED], "confirmed");
	CHECK_STR(bn_suppression_names[BN_SUPPRESSION_SOFT_BOUNCE], "soft_bounce");
}

/* Rules 1 and 2: three campaigns confirm; a campaign counts once. */
static void
test_hard(void)
{
	BnEvent		e[] = {
		ev(BN_EVENT_SENT, 1, "a"), bounce(BN_KIND_HARD, 2, "a"),
		bounce(BN_KIND_HARD, 3, "a"), ev(BN_EVENT_SENT, 4, "b"),
		bounce(BN_KIND_HARD, 5, "b"), bounce(BN_KIND_HARD, 6, "c"),
	};
	BnState		st;
	unsigned	done;

	st = run(e, 2, P);
	CHECK_INT(st.hard_streak, 1);
	CHECK_INT(st.status, BN_ADDR_ACTIVE);
	CHECK_INT(st.last_counted_at, T(2));
	CHECK_INT(st.last_sent_at, T(1));
	st = run(e, 3, P);
	CHECK_INT(st.hard_streak, 1);	/* same campaign again */
	CHECK_INT(st.last_bounce_at, T(3));
	CHECK_INT(st.last_counted_at, T(2));
	st = run(e, 5, P);
	CHECK_INT(st.hard_streak, 2);
	CHECK_INT(st.last_sent_at, T(4));
	CHECK_INT(st.status, BN_ADDR_ACTIVE);

	st = run(e, 5, P);
	done = bn_state_apply(&st, &e[5], P);
	CHECK(done & BN_APPLY_COUNTED_HARD);
	CHECK(done & BN_APPLY_CONFIRMED);
	CHECK_INT(st.hard_streak, 3);
	CHECK_INT(st.status, BN_ADDR_CONFIRMED);
	CHECK_INT(st.status_since, T(6));
	CHECK_INT(st.suppressed, BN_SUPPRESSION_NONE);
	CHECK_INT(st.n_hard, 3);
	CHECK_INT(st.last_reason, BN_REASON_USER_UNKNOWN);
	CHECK_INT(st.last_kind, BN_KIND_HARD);

	/* A threshold of 1 confirms at once. */
	{
		BnPolicy	one = *P;

		one.hard_threshold = 1;
		st = run(e + 1, 1, &one);
		CHECK_INT(st.status, BN_ADDR_CONFIRMED);
	}
}

/* Rule 3: engagement and delivered reset, only while active. */
static void
test_reset(void)
{
	BnEvent		e[] = {
		bounce(BN_KIND_HARD, 1, "a"), bounce(BN_KIND_SOFT, 2, "b"),
		ev(BN_EVENT_OPEN, 3, "x"),
		bounce(BN_KIND_HARD, 4, "c"), ev(BN_EVENT_CLICK, 5, "c"),
		bounce(BN_KIND_HARD, 6, "d"), ev(BN_EVENT_DELIVERED, 7, "e"),
	};
	BnState		st;
	BnPolicy	pol;

	st = run(e, 2, P);
	CHECK_INT(st.hard_streak, 1);
	CHECK_INT(st.soft_streak, 1);
	st = run(e, 3, P);
	CHECK_INT(st.hard_streak, 0);
	CHECK_INT(st.soft_streak, 0);
	CHECK_INT(st.last_counted_at, T(2));
	st = run(e, 4, P);
	CHECK_INT(st.hard_streak, 1);
	st = run(e, 5, P);
	CHECK_INT(st.hard_streak, 0);
	st = run(e, 6, P);
	CHECK_INT(st.hard_streak, 1);
	st = run(e, 7, P);
	CHECK_INT(st.hard_streak, 0);

	/* Policy: opens are machine opens, only clicks reset. */
	pol = *P;
	pol.reset_on = BN_EVENT_BIT(BN_EVENT_CLICK);
	st = run(e, 3, &pol);
	CHECK_INT(st.hard_streak, 1);
	CHECK_INT(st.soft_streak, 1);
	st = run(e, 5, &pol);
	CHECK_INT(st.hard_streak, 0);

	/* Policy: delivered does not end the streaks. */
	pol = *P;
	pol.reset_on_delivered = false;
	st = run(e, 7, &pol);
	CHECK_INT(st.hard_streak, 1);

	/* Nothing resets when nothing reset: no bit. */
	{
		BnEvent		o = ev(BN_EVENT_OPEN, 1, "a");

		bn_state_init(&st);
		CHECK_INT(bn_state_apply(&st, &o, P), 0);
	}
}

/* Rule 3: no reset once confirmed; the streak stays. */
static void
test_no_reset_when_confirmed(void)
{
	BnEvent		e[] = {
		bounce(BN_KIND_HARD, 1, "a"), bounce(BN_KIND_HARD, 2, "b"),
		bounce(BN_KIND_HARD, 3, "c"), ev(BN_EVENT_OPEN, 4, "c"),
		ev(BN_EVENT_CLICK, 5, "c"), ev(BN_EVENT_DELIVERED, 6, "d"),
		bounce(BN_KIND_HARD, 7, "e"),
	};
	BnState		st = run(e, 7, P);

	CHECK_INT(st.status, BN_ADDR_CONFIRMED);
	CHECK_INT(st.hard_streak, 3);	/* rule 7: e is recorded, not counted */
	CHECK_INT(st.status_since, T(3));
	CHECK_INT(st.last_bounce_at, T(7));
}

/* Rule 4: soft escalation; rule 8: independent streaks. */
static void
test_soft(void)
{
	BnEvent		e[] = {
		bounce(BN_KIND_SOFT, 1, "a"), bounce(BN_KIND_HARD, 2, "a"),
		bounce(BN_KIND_SOFT, 3, "b"), bounce(BN_KIND_SOFT, 4, "b"),
		bounce(BN_KIND_HARD, 5, "c"), bounce(BN_KIND_SOFT, 6, "c"),
		bounce(BN_KIND_SOFT, 7, "d"), bounce(BN_KIND_SOFT, 8, "e"),
	};
	BnState		st;

	st = run(e, 2, P);
	CHECK_INT(st.soft_streak, 1);
	CHECK_INT(st.hard_streak, 1);	/* same campaign, other kind: counts */
	st = run(e, 6, P);
	CHECK_INT(st.soft_streak, 3);
	CHECK_INT(st.hard_streak, 2);
	CHECK_INT(st.status, BN_ADDR_ACTIVE);
	st = run(e, 8, P);
	CHECK_INT(st.soft_streak, 5);
	CHECK_INT(st.status, BN_ADDR_SUPPRESSED);
	CHECK_INT(st.suppressed, BN_SUPPRESSION_SOFT_BOUNCE);
	CHECK_INT(st.status_since, T(8));
	CHECK_INT(st.hard_streak, 2);
}

/* Rule 5: block and undetermined are recorded only; none is nothing. */
static void
test_block(void)
{
	BnEvent		e[] = {
		bounce(BN_KIND_HARD, 1, "a"), bounce(BN_KIND_BLOCK, 2, "b"),
		bounce(BN_KIND_UNDETERMINED, 3, "c"), bounce(BN_KIND_NONE, 4, "d"),
	};
	BnState		st;
	unsigned	done;

	st = run(e, 2, P);
	CHECK_INT(st.hard_streak, 1);
	CHECK_INT(st.last_reason, BN_REASON_BLOCKED);
	CHECK_INT(st.last_kind, BN_KIND_BLOCK);
	CHECK_INT(st.last_bounce_at, T(2));
	CHECK_INT(st.last_counted_at, T(1));
	st = run(e, 3, P);
	CHECK_INT(st.last_reason, BN_REASON_UNDEFINED);
	CHECK_INT(st.hard_streak, 1);
	done = bn_state_apply(&st, &e[3], P);
	CHECK_INT(done, 0);
	CHECK_INT(st.last_reason, BN_REASON_UNDEFINED);
	CHECK_INT(st.last_bounce_at, T(3));
	CHECK_INT(st.last_event_at, T(4));	/* but it was seen */
}

/* Rule 6: complaint and unsubscribe suppress; the stronger reason wins. */
static void
test_complaint(void)
{
	BnEvent		e[] = {
		ev(BN_EVENT_UNSUBSCRIBE, 1, "a"), ev(BN_EVENT_COMPLAINT, 2, "a"),
		ev(BN_EVENT_UNSUBSCRIBE, 3, "b"), bounce(BN_KIND_HARD, 4, "c"),
		ev(BN_EVENT_OPEN, 5, "c"),
	};
	BnState		st;
	unsigned	done;

	st = run(e, 1, P);
	CHECK_INT(st.status, BN_ADDR_SUPPRESSED);
	CHECK_INT(st.suppressed, BN_SUPPRESSION_UNSUBSCRIBE);
	CHECK_INT(st.status_since, T(1));
	done = bn_state_apply(&st, &e[1], P);
	CHECK_INT(done, BN_APPLY_REASON);
	CHECK_INT(st.suppressed, BN_SUPPRESSION_COMPLAINT);
	CHECK_INT(st.status_since, T(1));
	done = bn_state_apply(&st, &e[2], P);
	CHECK_INT(done, 0);
	CHECK_INT(st.suppressed, BN_SUPPRESSION_COMPLAINT);
	/* rule 7: a bounce when suppressed is recorded, not counted */
	done = bn_state_apply(&st, &e[3], P);
	CHECK_INT(done, BN_APPLY_RECORDED);
	CHECK_INT(st.hard_streak, 0);
	CHECK_INT(st.last_reason, BN_REASON_USER_UNKNOWN);
	bn_state_apply(&st, &e[4], P);
	CHECK_INT(st.status, BN_ADDR_SUPPRESSED);

	/* A complaint moves a confirmed address to the suppression list. */
	{
		BnEvent		c[] = {
			bounce(BN_KIND_HARD, 1, "a"), bounce(BN_KIND_HARD, 2, "b"),
			bounce(BN_KIND_HARD, 3, "c"), ev(BN_EVENT_COMPLAINT, 4, "c"),
		};

		st = run(c, 4, P);
		CHECK_INT(st.status, BN_ADDR_SUPPRESSED);
		CHECK_INT(st.suppressed, BN_SUPPRESSION_COMPLAINT);
		CHECK_INT(st.status_since, T(4));
		CHECK_INT(st.hard_streak, 3);
	}
	/* Soft suppression, then unsubscribe: the reason strengthens. */
	{
		BnPolicy	one = *P;
		BnEvent		s[] = {
			bounce(BN_KIND_SOFT, 1, "a"), ev(BN_EVENT_UNSUBSCRIBE, 2, NULL),
		};

		one.soft_threshold = 1;
		st = run(s, 2, &one);
		CHECK_INT(st.suppressed, BN_SUPPRESSION_UNSUBSCRIBE);
		CHECK_INT(st.status_since, T(1));
	}
}

/* Rule 9: without a campaign, the time is the campaign. */
static void
test_no_campaign(void)
{
	BnEvent		e[] = {
		bounce(BN_KIND_HARD, 1, NULL), bounce(BN_KIND_HARD, 1, NULL),
		bounce(BN_KIND_HARD, 2, NULL), bounce(BN_KIND_HARD, 3, "x"),
	};
	BnState		st;

	st = run(e, 2, P);
	CHECK_INT(st.hard_streak, 1);	/* same time: same campaign */
	st = run(e, 3, P);
	CHECK_INT(st.hard_streak, 2);
	st = run(e, 4, P);
	CHECK_INT(st.status, BN_ADDR_CONFIRMED);
	CHECK(st.hard[0].id == NULL && st.hard[0].at == T(1));
	CHECK(st.hard[2].id != NULL && st.hard[2].len == 1);
}

/* Rule 1 across a reset: the ring remembers the campaigns counted. */
static void
test_once_across_reset(void)
{
	BnEvent		e[] = {
		bounce(BN_KIND_HARD, 1, "a"), ev(BN_EVENT_DELIVERED, 2, "b"),
		bounce(BN_KIND_HARD, 3, "a"), bounce(BN_KIND_HARD, 4, "c"),
	};
	BnState		st = run(e, 4, P);

	CHECK_INT(st.hard_streak, 1);
	CHECK_INT(st.n_hard, 2);
	CHECK_INT(st.last_counted_at, T(4));

	/* The ring keeps at most the threshold: the oldest goes. */
	{
		BnEvent		r[] = {
			bounce(BN_KIND_HARD, 1, "a"), ev(BN_EVENT_OPEN, 2, NULL),
			bounce(BN_KIND_HARD, 3, "b"), ev(BN_EVENT_OPEN, 4, NULL),
			bounce(BN_KIND_HARD, 5, "c"), ev(BN_EVENT_OPEN, 6, NULL),
			bounce(BN_KIND_HARD, 7, "d"), bounce(BN_KIND_HARD, 8, "a"),
		};

		st = run(r, 8, P);
		CHECK_INT(st.n_hard, 3);
		CHECK_INT(st.hard_streak, 2);	/* a fell out of the ring */
		CHECK(st.hard[0].len == 1 && st.hard[0].id[0] == 'c');
	}
}

/* Same-time order: sent, delivered, bounce, open, click, complaint, unsub. */
static void
test_same_time(void)
{
	BnEvent		e[] = {
		ev(BN_EVENT_OPEN, 5, "a"), bounce(BN_KIND_HARD, 5, "a"),
		ev(BN_EVENT_DELIVERED, 5, "a"), ev(BN_EVENT_SENT, 5, "a"),
	};
	BnState		st = replay(e, 4, P);

	CHECK_INT(st.hard_streak, 0);	/* the open came after the bounce */
	CHECK_INT(st.last_event, BN_EVENT_OPEN);
	CHECK_INT(st.last_sent_at, T(5));
	st = run(e, 4, P);				/* arrival order: open first */
	CHECK_INT(st.last_event, BN_EVENT_OPEN);

	{
		BnEvent		a = ev(BN_EVENT_COMPLAINT, 1, NULL);
		BnEvent		b = ev(BN_EVENT_UNSUBSCRIBE, 1, NULL);
		BnEvent		c = ev(BN_EVENT_CLICK, 1, NULL);

		CHECK(bn_event_cmp(&a, &b) < 0);
		CHECK(bn_event_cmp(&c, &a) < 0);
		CHECK(bn_event_cmp(&e[3], &e[2]) < 0);
		CHECK(bn_event_cmp(&e[2], &e[1]) < 0);
		CHECK(bn_event_cmp(&e[1], &e[0]) < 0);
	}
}

/* bn_state_in_order's decisions. */
static void
test_in_order(void)
{
	BnState		st;
	BnEvent		b = bounce(BN_KIND_HARD, 5, "a");
	BnEvent		b2 = bounce(BN_KIND_SOFT, 5, "b");
	BnEvent		o = ev(BN_EVENT_OPEN, 5, "a");
	BnEvent		s = ev(BN_EVENT_SENT, 5, "z");
	BnEvent		late = ev(BN_EVENT_CLICK, 4, "a");

	bn_state_init(&st);
	CHECK(bn_state_in_order(&st, &late));
	bn_state_apply(&st, &b, P);
	CHECK(!bn_state_in_order(&st, &b2));	/* a tie between bounces */
	CHECK(!bn_state_in_order(&st, &b));		/* even a duplicate */
	CHECK(bn_state_in_order(&st, &o));
	CHECK(!bn_state_in_order(&st, &s));
	CHECK(!bn_state_in_order(&st, &late));
	bn_state_apply(&st, &o, P);
	CHECK(bn_state_in_order(&st, &o));		/* a duplicate open */
}

/* Manual clearance: events before it count only as sends. */
static void
test_clear(void)
{
	BnEvent		e[] = {
		ev(BN_EVENT_SENT, 1, "a"), ev(BN_EVENT_COMPLAINT, 2, "a"),
		ev(BN_EVENT_SENT, 4, "b"), bounce(BN_KIND_HARD, 5, "b"),
	};
	BnState		st = run(e, 2, P);
	BnState		re;
	BnEvent		late = ev(BN_EVENT_SENT, 3, "c");
	BnEvent		late2 = ev(BN_EVENT_UNSUBSCRIBE, 3, "c");

	CHECK_INT(st.status, BN_ADDR_SUPPRESSED);
	bn_state_clear(&st, T(3));
	CHECK_INT(st.status, BN_ADDR_ACTIVE);
	CHECK_INT(st.last_sent_at, T(1));
	bn_state_apply(&st, &e[2], P);
	bn_state_apply(&st, &e[3], P);
	CHECK_INT(st.hard_streak, 1);

	/* Replaying everything under the same clearance gives the same. */
	bn_state_init(&re);
	re.cleared_at = T(3);
	for (int i = 0; i < 4; i++)
		bn_state_apply(&re, &e[i], P);
	CHECK(bn_state_equal(&st, &re));

	CHECK_INT(bn_state_apply(&re, &late2, P), BN_APPLY_IGNORED);
	CHECK_INT(re.status, BN_ADDR_ACTIVE);
	bn_state_apply(&re, &late, P);
	CHECK_INT(re.last_sent_at, T(4));
}

/* Duplicates change nothing. */
static void
test_duplicates(void)
{
	BnEvent		e[] = {
		ev(BN_EVENT_SENT, 1, "a"), bounce(BN_KIND_HARD, 2, "a"),
		bounce(BN_KIND_SOFT, 3, NULL), ev(BN_EVENT_OPEN, 4, "a"),
		ev(BN_EVENT_COMPLAINT, 5, "a"),
	};

	for (int i = 0; i < 5; i++)
	{
		BnState		once = run(e, i + 1, P);
		BnState		twice = once;

		bn_state_apply(&twice, &e[i], P);
		CHECK(bn_state_equal(&once, &twice));
	}
}

/* Campaign time keys round-trip. */
static void
test_time_key(void)
{
	char		buf[BN_CAMPAIGN_TIME_BUFSIZE];
	BnCampaign	c;
	BnTime		times[] = {
		0, 1, -1, T(1), INT64_C(769478400123456),	/* 2024-05-20 00:00:00.123456 */
		-INT64_C(946684800000000),	/* 1970-01-01 */
		INT64_C(9214646400000000),	/* 2292 */
		-INT64_C(211813488000000000),	/* 4713 BC */
		INT64_C(9223371331200000000)	/* 294276 */
	};
	size_t		len;

	len = bn_campaign_time_key(0, buf);
	CHECK_STR(buf, "@2000-01-01T00:00:00.000000Z");
	CHECK_INT(len, 28);
	bn_campaign_time_key(-1, buf);
	CHECK_STR(buf, "@1999-12-31T23:59:59.999999Z");
	bn_campaign_time_key(INT64_C(769478400123456), buf);
	CHECK_STR(buf, "@2024-05-20T00:00:00.123456Z");

	for (size_t i = 0; i < sizeof(times) / sizeof(times[0]); i++)
	{
		len = bn_campaign_time_key(times[i], buf);
		bn_campaign_parse(buf, len, &c);
		CHECK(c.id == NULL);
		CHECK_INT(c.at, times[i]);
	}

	bn_campaign_parse("spring-sale", 11, &c);
	CHECK(c.id != NULL && c.len == 11);
	bn_campaign_parse("@2024-13-01T00:00:00.000000Z", 28, &c);
	CHECK(c.id != NULL);
	bn_campaign_parse("@2024-01-01T00:00:00.000000", 27, &c);
	CHECK(c.id != NULL);
	bn_campaign_parse("@", 1, &c);
	CHECK(c.id != NULL);
}

/* Next lexicographic permutation of idx[0..n); false after the last. */
static bool
next_permutation(int *idx, int n)
{
	int			i = n - 2,
				j = n - 1;

	while (i >= 0 && idx[i] >= idx[i + 1])
		i--;
	if (i < 0)
		return false;
	while (idx[j] <= idx[i])
		j--;
	{
		int			t = idx[i];

		idx[i] = idx[j];
		idx[j] = t;
	}
	for (int a = i + 1, b = n - 1; a < b; a++, b--)
	{
		int			t = idx[a];

		idx[a] = idx[b];
		idx[b] = t;
	}
	return true;
}

/*
 * Every arrival order of an event set gives the state of the ordered
 * replay, with the trigger's strategy; and every order, sorted, replays to
 * the same state.
 */
static void
permutations(const BnEvent *set, int n, const BnPolicy *policy,
			 const char *name)
{
	int			idx[10];
	BnEvent		order[10];
	BnState		want = replay(set, n, policy);
	long		perms = 0,
				bad_arrive = 0,
				bad_replay = 0,
				replays = 0;

	for (int i = 0; i < n; i++)
		idx[i] = i;
	do
	{
		BnState		got,
					re;
		int			r = 0;

		for (int i = 0; i < n; i++)
			order[i] = set[idx[i]];
		got = arrive(order, n, policy, &r);
		re = replay(order, n, policy);
		replays += r;
		perms++;
		if (!bn_state_equal(&got, &want))
			bad_arrive++;
		if (!bn_state_equal(&re, &want))
			bad_replay++;
	} while (next_permutation(idx, n));

	if (bad_arrive || bad_replay)
		fprintf(stderr, "%s: %ld of %ld arrival orders differ, %ld replays differ\n",
				name, bad_arrive, perms, bad_replay);
	CHECK_INT(bad_arrive, 0);
	CHECK_INT(bad_replay, 0);
	CHECK(replays > 0);
}

static void
test_permutations(void)
{
	BnPolicy	low = *P;

	/* Streaks, a reset, a duplicate and same-time events. */
	{
		BnEvent		set[] = {
			ev(BN_EVENT_SENT, 1, "a"), bounce(BN_KIND_HARD, 2, "a"),
			bounce(BN_KIND_HARD, 2, "a"), ev(BN_EVENT_OPEN, 3, "a"),
			bounce(BN_KIND_HARD, 4, "b"), bounce(BN_KIND_SOFT, 4, "b"),
			bounce(BN_KIND_HARD, 5, NULL), ev(BN_EVENT_DELIVERED, 5, "c"),
		};

		permutations(set, 8, P, "streaks");
	}
	/* Confirmation against a late open. */
	{
		BnEvent		set[] = {
			bounce(BN_KIND_HARD, 1, "a"), bounce(BN_KIND_HARD, 2, "b"),
			ev(BN_EVENT_CLICK, 3, "b"), bounce(BN_KIND_HARD, 4, "c"),
			bounce(BN_KIND_HARD, 5, "d"), bounce(BN_KIND_HARD, 6, "e"),
			ev(BN_EVENT_OPEN, 7, "e"), bounce(BN_KIND_BLOCK, 7, "f"),
		};

		permutations(set, 8, P, "confirm");
	}
	/* Soft escalation, complaint and unsubscribe, low thresholds. */
	{
		BnEvent		set[] = {
			bounce(BN_KIND_SOFT, 1, "a"), bounce(BN_KIND_SOFT, 2, "b"),
			ev(BN_EVENT_DELIVERED, 2, "b"), bounce(BN_KIND_SOFT, 3, "c"),
			ev(BN_EVENT_UNSUBSCRIBE, 4, NULL), ev(BN_EVENT_COMPLAINT, 4, NULL),
			bounce(BN_KIND_HARD, 5, "d"), ev(BN_EVENT_SENT, 6, "e"),
		};

		low.soft_threshold = 2;
		low.hard_threshold = 1;
		permutations(set, 8, &low, "soft");
	}
	/* Same-time bounces of different kinds and campaigns at a threshold. */
	{
		BnEvent		set[] = {
			bounce(BN_KIND_HARD, 1, "a"), bounce(BN_KIND_HARD, 1, "b"),
			bounce(BN_KIND_SOFT, 1, "a"), bounce(BN_KIND_UNDETERMINED, 1, "c"),
			bounce(BN_KIND_NONE, 1, "d"), ev(BN_EVENT_OPEN, 1, "a"),
			bounce(BN_KIND_HARD, 1, NULL),
		};

		low = *P;
		low.hard_threshold = 2;
		low.soft_threshold = 1;
		permutations(set, 7, &low, "ties");
	}
}

/* A pseudo-random stress: many random event sets, random arrival orders. */
static void
test_random(void)
{
	static const char *const camps[] = {"a", "b", "c", "d", NULL};
	unsigned	seed = 12345;
	long		bad = 0;

	for (int round = 0; round < 20000; round++)
	{
		BnEvent		set[16];
		int			n = 4 + round % 12;
		BnPolicy	pol = *P;
		BnState		want,
					got;
		int			r = 0;

		pol.hard_threshold = 1 + round % 4;
		pol.soft_threshold = 1 + (round / 4) % 5;
		pol.reset_on_delivered = (round & 1) != 0;
		for (int i = 0; i < n; i++)
		{
			BnEventType t;
			int			minute;

			seed = seed * 1103515245u + 12345u;
			t = (BnEventType) ((seed >> 8) % BN_EVENT_COUNT);
			minute = (int) ((seed >> 16) % 6);
			set[i] = ev(t, minute, camps[(seed >> 20) % 5]);
			if (t == BN_EVENT_BOUNCE)
				set[i] = bounce((BnKind) ((seed >> 24) % BN_KIND_COUNT), minute,
								camps[(seed >> 20) % 5]);
		}
		want = replay(set, n, &pol);
		/* shuffle */
		for (int i = n - 1; i > 0; i--)
		{
			int			j;
			BnEvent		tmp;

			seed = seed * 1103515245u + 12345u;
			j = (int) ((seed >> 8) % (unsigned) (i + 1));
			tmp = set[i];
			set[i] = set[j];
			set[j] = tmp;
		}
		got = arrive(set, n, &pol, &r);
		if (!bn_state_equal(&got, &want))
			bad++;
	}
	CHECK_INT(bad, 0);
}

int
main(void)
{
	test_names();
	test_hard();
	test_reset();
	test_no_reset_when_confirmed();
	test_soft();
	test_block();
	test_complaint();
	test_no_campaign();
	test_once_across_reset();
	test_same_time();
	test_in_order();
	test_clear();
	test_duplicates();
	test_time_key();
	test_permutations();
	test_random();
	UNIT_DONE();
}
