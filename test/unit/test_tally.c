/*
 * test_tally.c
 *		Unit tests of src/core/tally.c and tally_store.c: text form, sums,
 *		rates, tiers, spikes, complaints, and the stored form (1.0's layout
 *		read as it was, the packed layout of 1.1).
 */
#include "tally.h"
#include "unit.h"

#include <stdint.h>

static BnTally
mk(int64_t sent, int64_t hard, int64_t soft, int64_t block, int64_t undet)
{
	BnTally		t;

	t.sent = sent;
	t.bounced[BN_KIND_HARD] = hard;
	t.bounced[BN_KIND_SOFT] = soft;
	t.bounced[BN_KIND_BLOCK] = block;
	t.bounced[BN_KIND_UNDETERMINED] = undet;
	t.delivered = 0;
	t.complaints = 0;
	return t;
}

/* A tally with deliveries and complaints. */
static BnTally
mkc(int64_t sent, int64_t hard, int64_t delivered, int64_t complaints)
{
	BnTally		t = mk(sent, hard, 0, 0, 0);

	t.delivered = delivered;
	t.complaints = complaints;
	return t;
}

static int
complaint_tier_of(int64_t complaints, int64_t delivered, int64_t sent)
{
	BnTally		t = mkc(sent, 0, delivered, complaints);
	BnComplaintTier tier;

	return bn_tally_complaint_tier(&t, &tier) ? (int) tier : -1;
}

static int
complaint_tier_of_rate(double r)
{
	return (int) bn_complaint_tier(bn_tenths_cmp_double, &r);
}

static bool
same(const BnTally *a, const BnTally *b)
{
	if (a->sent != b->sent || a->delivered != b->delivered ||
		a->complaints != b->complaints)
		return false;
	for (int k = 0; k < BN_TALLY_KINDS; k++)
		if (a->bounced[k] != b->bounced[k])
			return false;
	return true;
}

static int
tier_of(int64_t hard, int64_t sent)
{
	BnTally		t = mk(sent, hard, 0, 0, 0);
	BnTier		tier;

	return bn_tally_tier(&t, &tier) ? (int) tier : -1;
}

static int
health_of(int64_t hard, int64_t sent)
{
	BnTally		t = mk(sent, hard, 0, 0, 0);
	BnHealth	h;

	return bn_tally_health(&t, &h) ? (int) h : -1;
}

static int
tier_of_rate(double r)
{
	return (int) bn_tier(bn_rate_cmp_double, &r);
}

static int
health_of_rate(double r)
{
	return (int) bn_health(bn_rate_cmp_double, &r);
}

static void
test_text(void)
{
	BnTally		t = mk(1000, 12, 3, 5, 1),
				u;
	BnTallyParseError err;
	char		buf[BN_TALLY_BUFSIZE];

	bn_tally_format(&t, buf);
	CHECK_STR(buf, "(sent=1000,hard=12,soft=3,block=5,undetermined=1)");
	CHECK(bn_tally_parse(buf, &u, &err));
	CHECK(memcmp(&t, &u, sizeof(t)) == 0);
	CHECK(bn_tally_parse("  (sent=0,hard=0,soft=0,block=0,undetermined=0)\n", &u, &err));
	CHECK_INT(u.sent, 0);

	/* the largest values round-trip */
	t = mk(INT64_MAX, INT64_MAX, 0, 0, 0);
	CHECK_INT(bn_tally_format(&t, buf), 81);
	CHECK(bn_tally_parse(buf, &u, &err));
	CHECK(u.bounced[BN_KIND_HARD] == INT64_MAX);

	CHECK(!bn_tally_parse("", &u, &err));
	CHECK_INT(err.code, BN_TALLY_SYNTAX);
	CHECK_STR(err.expected, "(");
	CHECK(!bn_tally_parse("(sent=1,hard=0,soft=0,block=0)", &u, &err));
	CHECK_INT(err.code, BN_TALLY_SYNTAX);
	CHECK_STR(err.expected, ",");
	CHECK_INT(err.position, 29);
	CHECK(!bn_tally_parse("(sent=1, hard=0,soft=0,block=0,undetermined=0)", &u, &err));
	CHECK_STR(err.expected, "hard=");
	CHECK_INT(err.position, 8);
	CHECK(!bn_tally_parse("(hard=0,sent=1,soft=0,block=0,undetermined=0)", &u, &err));
	CHECK_STR(err.expected, "sent=");
	CHECK(!bn_tally_parse("(sent=,hard=0,soft=0,block=0,undetermined=0)", &u, &err));
	CHECK_STR(err.expected, "a count");
	CHECK(!bn_tally_parse("(sent=+1,hard=0,soft=0,block=0,undetermined=0)", &u, &err));
	CHECK_INT(err.code, BN_TALLY_SYNTAX);
	CHECK(!bn_tally_parse("(sent=1,hard=0,soft=0,block=0,undetermined=0)x", &u, &err));
	CHECK_STR(err.expected, "the end");
	CHECK(!bn_tally_parse("(sent=1,hard=0,soft=0,block=0,undetermined=0", &u, &err));
	CHECK_STR(err.expected, ")");
	CHECK(!bn_tally_parse("(sent=1,hard=-1,soft=0,block=0,undetermined=0)", &u, &err));
	CHECK_INT(err.code, BN_TALLY_NEGATIVE);
	CHECK(!bn_tally_parse("(sent=9223372036854775808,hard=0,soft=0,block=0,undetermined=0)", &u, &err));
	CHECK_INT(err.code, BN_TALLY_OVERFLOW);
	CHECK(!bn_tally_parse("(sent=2,hard=1,soft=1,block=1,undetermined=0)", &u, &err));
	CHECK_INT(err.code, BN_TALLY_TOO_MANY_BOUNCES);
}

/* The long form of 1.1: deliveries and complaints; 1.0's form still read. */
static void
test_text_complaints(void)
{
	BnTally		t = mkc(1000, 12, 950, 2),
				u;
	BnTallyParseError err;
	char		buf[BN_TALLY_BUFSIZE];

	bn_tally_format(&t, buf);
	CHECK_STR(buf, "(sent=1000,hard=12,soft=0,block=0,undetermined=0,delivered=950,complaints=2)");
	CHECK(bn_tally_parse(buf, &u, &err));
	CHECK(same(&t, &u));

	/* one of the two non-zero is enough for the long form */
	t = mkc(10, 0, 0, 1);
	bn_tally_format(&t, buf);
	CHECK_STR(buf, "(sent=10,hard=0,soft=0,block=0,undetermined=0,delivered=0,complaints=1)");

	/* 1.0's text is read with no delivery and no complaint */
	CHECK(bn_tally_parse("(sent=7,hard=1,soft=1,block=1,undetermined=1)", &u, &err));
	CHECK_INT(u.delivered, 0);
	CHECK_INT(u.complaints, 0);
	CHECK_INT(u.bounced[BN_KIND_UNDETERMINED], 1);
	/* the long form with zeros is the short one */
	CHECK(bn_tally_parse("(sent=7,hard=1,soft=1,block=1,undetermined=1,delivered=0,complaints=0)", &u, &err));
	bn_tally_format(&u, buf);
	CHECK_STR(buf, "(sent=7,hard=1,soft=1,block=1,undetermined=1)");

	/* the largest values of the long form fit the buffer */
	t = mk(INT64_MAX, INT64_MAX, 0, 0, 0);
	t.delivered = INT64_MAX;
	t.complaints = INT64_MAX;
	CHECK(bn_tally_format(&t, buf) < BN_TALLY_BUFSIZE);
	CHECK(bn_tally_parse(buf, &u, &err));
	CHECK(same(&t, &u));

	CHECK(!bn_tally_parse("(sent=7,hard=0,soft=0,block=0,undetermined=0,delivered=1)", &u, &err));
	CHECK_INT(err.code, BN_TALLY_SYNTAX);
	CHECK_STR(err.expected, ",");
	CHECK(!bn_tally_parse("(sent=7,hard=0,soft=0,block=0,undetermined=0,complaints=1,delivered=1)", &u, &err));
	CHECK_STR(err.expected, "delivered=");
	CHECK(!bn_tally_parse("(sent=7,hard=0,soft=0,block=0,undetermined=0,)", &u, &err));
	CHECK_STR(err.expected, "delivered=");
	CHECK(!bn_tally_parse("(sent=7,hard=0,soft=0,block=0,undetermined=0,delivered=1,complaints=1,x=1)", &u, &err));
	CHECK_STR(err.expected, ")");
	CHECK_INT(err.position, 69);
	CHECK(!bn_tally_parse("(sent=7,hard=0,soft=0,block=0,undetermined=0 ", &u, &err));
	CHECK_STR(err.expected, ")");
	CHECK(!bn_tally_parse("(sent=7,hard=0,soft=0,block=0,undetermined=0,delivered=8,complaints=0)", &u, &err));
	CHECK_INT(err.code, BN_TALLY_TOO_MANY_DELIVERED);
	CHECK(!bn_tally_parse("(sent=7,hard=0,soft=0,block=0,undetermined=0,delivered=0,complaints=8)", &u, &err));
	CHECK_INT(err.code, BN_TALLY_TOO_MANY_COMPLAINTS);
	CHECK(!bn_tally_parse("(sent=7,hard=0,soft=0,block=0,undetermined=0,delivered=-1,complaints=0)", &u, &err));
	CHECK_INT(err.code, BN_TALLY_NEGATIVE);

	/* complaints need not be at most delivered: sums must stay valid */
	CHECK(bn_tally_parse("(sent=7,hard=0,soft=0,block=0,undetermined=0,delivered=1,complaints=3)", &u, &err));
}

static void
test_count_and_add(void)
{
	BnTally		t,
				u;

	bn_tally_zero(&t);
	CHECK(bn_tally_count(&t, BN_KIND_HARD));
	CHECK(bn_tally_count(&t, BN_KIND_NONE));
	CHECK(bn_tally_count(&t, BN_KIND_BLOCK));
	CHECK(bn_tally_count(&t, BN_KIND_UNDETERMINED));
	CHECK(bn_tally_count(&t, BN_KIND_SOFT));
	CHECK_INT(t.sent, 5);
	CHECK_INT(bn_tally_bounced(&t), 4);
	CHECK_INT(t.bounced[BN_KIND_HARD], 1);
	CHECK_INT(bn_tally_check(&t), BN_TALLY_OK);

	u = mk(10, 1, 2, 3, 4);
	CHECK(bn_tally_add(&t, &u));
	CHECK_INT(t.sent, 15);
	CHECK_INT(t.bounced[BN_KIND_UNDETERMINED], 5);

	t = mk(INT64_MAX, 1, 0, 0, 0);
	CHECK(!bn_tally_count(&t, BN_KIND_HARD));
	CHECK_INT(t.bounced[BN_KIND_HARD], 1);
	u = mk(1, 0, 0, 0, 0);
	CHECK(!bn_tally_add(&t, &u));
	CHECK(t.sent == INT64_MAX);

	/* deliveries and complaints count and add */
	bn_tally_zero(&t);
	CHECK(bn_tally_count_message(&t, BN_KIND_NONE, true, false));
	CHECK(bn_tally_count_message(&t, BN_KIND_NONE, true, true));
	CHECK(bn_tally_count_message(&t, BN_KIND_HARD, false, false));
	CHECK(bn_tally_count_message(&t, BN_KIND_NONE, false, true));
	CHECK_INT(t.sent, 4);
	CHECK_INT(t.delivered, 2);
	CHECK_INT(t.complaints, 2);
	CHECK_INT(bn_tally_bounced(&t), 1);
	u = mkc(10, 1, 9, 1);
	CHECK(bn_tally_add(&t, &u));
	CHECK_INT(t.delivered, 11);
	CHECK_INT(t.complaints, 3);
	CHECK_INT(bn_tally_check(&t), BN_TALLY_OK);
	t = mkc(INT64_MAX, 0, INT64_MAX, INT64_MAX);
	CHECK(!bn_tally_count_message(&t, BN_KIND_NONE, true, true));
	CHECK(t.complaints == INT64_MAX);
}

/*
 * The stored form: 1.0's bytes are 1.0's five int64 and are read as they
 * were; the packed layout holds deliveries and complaints in the same 40
 * bytes; the layout follows from the counters.
 */
static void
test_store(void)
{
	int64_t		v10[5] = {1000, 12, 3, 5, 1};	/* a value as 1.0 stored it */
	BnTallyStored s,
				s2;
	BnTally		t,
				u;

	CHECK_INT(sizeof(BnTallyStored), 40);
	memcpy(&s, v10, sizeof(s));
	CHECK(!bn_tally_stored_is_packed(&s));
	bn_tally_load(&s, &t);
	CHECK(same(&t, &(BnTally) {1000, {12, 3, 5, 1}, 0, 0}));
	/* stored again: the same bytes as 1.0 */
	CHECK(bn_tally_store(&t, &s2));
	CHECK(memcmp(&s2, v10, sizeof(s2)) == 0);

	/* 1.0's largest values too */
	t = mk(INT64_MAX, INT64_MAX, 0, 0, 0);
	CHECK(bn_tally_store(&t, &s));
	CHECK(!bn_tally_stored_is_packed(&s));
	bn_tally_load(&s, &u);
	CHECK(same(&t, &u));

	/* packed: every counter at its own place, at the limits */
	t = mk(BN_TALLY_PACKED_MAX, 1, 2, 3, 4);
	t.delivered = BN_TALLY_PACKED_MAX - 5;
	t.complaints = BN_TALLY_PACKED_MAX;
	CHECK(bn_tally_store(&t, &s));
	CHECK(bn_tally_stored_is_packed(&s));
	bn_tally_load(&s, &u);
	CHECK(same(&t, &u));
	t = mk(BN_TALLY_PACKED_MAX, BN_TALLY_PACKED_MAX, 0, 0, 0);
	t.bounced[BN_KIND_HARD] = 0;
	t.bounced[BN_KIND_UNDETERMINED] = BN_TALLY_PACKED_MAX;
	t.delivered = 1;
	CHECK(bn_tally_store(&t, &s));
	bn_tally_load(&s, &u);
	CHECK(same(&t, &u));
	for (int f = 0; f < 7; f++)
	{
		/* one bit pattern per field, the others 0: nothing leaks */
		int64_t		c[7] = {0, 0, 0, 0, 0, 0, 0};

		c[f] = 0x15555555555 + f;
		t = mk(c[0], c[1], c[2], c[3], c[4]);
		t.delivered = c[5];
		t.complaints = c[6] | (f < 5 ? 1 : 0);	/* force the packed layout */
		CHECK(bn_tally_store(&t, &s));
		bn_tally_load(&s, &u);
		CHECK(same(&t, &u));
	}

	/* a count past 45 bits cannot be packed: refused, s unchanged */
	memcpy(&s2, &s, sizeof(s));
	t = mkc(BN_TALLY_PACKED_MAX + 1, 0, 1, 1);
	CHECK(!bn_tally_store(&t, &s));
	CHECK(memcmp(&s, &s2, sizeof(s)) == 0);
	/* but 1.0's layout still takes it when nothing needs packing */
	t = mkc(BN_TALLY_PACKED_MAX + 1, 0, 0, 0);
	CHECK(bn_tally_store(&t, &s));

	/* one layout per value: the same counters give the same bytes */
	t = mkc(100, 1, 90, 1);
	CHECK(bn_tally_store(&t, &s));
	u = mkc(40, 0, 40, 0);
	CHECK(bn_tally_store(&u, &s2));
	CHECK(bn_tally_stored_is_packed(&s2));
	{
		BnTally		a = mkc(60, 1, 50, 1),
					b;
		BnTallyStored s3;

		CHECK(bn_tally_add(&a, &u));
		CHECK(bn_tally_store(&a, &s3));
		CHECK(memcmp(&s, &s3, sizeof(s)) == 0);
		bn_tally_load(&s3, &b);
		CHECK(same(&a, &b));
	}

	/* counting in place: 1.0's layout stays, a complaint packs */
	bn_tally_zero(&t);
	CHECK(bn_tally_store(&t, &s));
	CHECK(bn_tally_stored_count(&s, BN_KIND_HARD, false, false));
	CHECK(bn_tally_stored_count(&s, BN_KIND_NONE, false, false));
	CHECK(!bn_tally_stored_is_packed(&s));
	CHECK_INT(s.w[0], 2);
	CHECK_INT(s.w[1], 1);
	CHECK(bn_tally_stored_count(&s, BN_KIND_NONE, true, true));
	CHECK(bn_tally_stored_is_packed(&s));
	CHECK(bn_tally_stored_count(&s, BN_KIND_SOFT, false, false));
	bn_tally_load(&s, &t);
	CHECK(same(&t, &(BnTally) {4, {1, 1, 0, 0}, 1, 1}));
	/* overflow: refused, unchanged */
	t = mk(INT64_MAX, 0, 0, 0, 0);
	CHECK(bn_tally_store(&t, &s));
	CHECK(!bn_tally_stored_count(&s, BN_KIND_NONE, false, false));
	CHECK(s.w[0] == (uint64_t) INT64_MAX);
	t = mkc(BN_TALLY_PACKED_MAX, 0, 0, 0);
	CHECK(bn_tally_store(&t, &s));
	memcpy(&s2, &s, sizeof(s));
	CHECK(!bn_tally_stored_count(&s, BN_KIND_NONE, false, true));
	CHECK(memcmp(&s, &s2, sizeof(s)) == 0);
}

/* A deterministic 64-bit generator (splitmix64) for the property test. */
static uint64_t
next_random(uint64_t *state)
{
	uint64_t	z = (*state += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* A count from 0 up to max, often small, sometimes at the limit. */
static int64_t
random_count(uint64_t *state, int64_t max)
{
	uint64_t	r = next_random(state);

	switch (r % 4)
	{
		case 0:
			return (int64_t) ((r >> 8) % ((uint64_t) (max < 3 ? max : 3) + 1));
		case 1:
			return max - (int64_t) ((uint64_t) (r >> 8) % ((uint64_t) (max < 2 ? max : 2) + 1));
		default:
			return (int64_t) ((r >> 8) % ((uint64_t) max + 1));
	}
}

/*
 * Property: for random valid tallies, in both layouts, storing then loading
 * gives the tally back, formatting then parsing too, the layout is the one
 * the counters call for, and the sum of two stored tallies is the stored
 * sum.
 */
static void
test_store_property(void)
{
	uint64_t	state = 20261202;
	int			bad_store = 0,
				bad_text = 0,
				bad_layout = 0,
				bad_sum = 0;

	for (int i = 0; i < 200000; i++)
	{
		bool		packed = i % 2 == 0;
		int64_t		max = packed ? BN_TALLY_PACKED_MAX : INT64_MAX;
		BnTally		t,
					u,
					v;
		BnTallyStored s,
					s2;
		BnTallyParseError err;
		char		buf[BN_TALLY_BUFSIZE];
		int64_t		room;

		bn_tally_zero(&t);
		t.sent = random_count(&state, max);
		room = t.sent;
		for (int k = 0; k < BN_TALLY_KINDS; k++)
		{
			t.bounced[k] = room > 0 ? random_count(&state, room) : 0;
			room -= t.bounced[k];
		}
		if (packed && t.sent > 0)
		{
			t.delivered = random_count(&state, t.sent);
			t.complaints = random_count(&state, t.sent);
		}
		if (bn_tally_check(&t) != BN_TALLY_OK || !bn_tally_store(&t, &s))
		{
			bad_store++;
			continue;
		}
		bn_tally_load(&s, &u);
		bad_store += !same(&t, &u);
		bad_layout += bn_tally_stored_is_packed(&s) != (t.delivered != 0 || t.complaints != 0);
		bn_tally_format(&t, buf);
		bad_text += !bn_tally_parse(buf, &v, &err) || !same(&t, &v);

		/* the sum, when it fits, stored, equals the stored sum's bytes */
		v = u;
		if (bn_tally_add(&v, &t) && bn_tally_store(&v, &s2))
		{
			BnTallyStored s3;

			bn_tally_load(&s2, &u);
			bad_sum += !same(&u, &v) || !bn_tally_store(&u, &s3) ||
				memcmp(&s2, &s3, sizeof(s2)) != 0;
		}
	}
	CHECK_INT(bad_store, 0);
	CHECK_INT(bad_text, 0);
	CHECK_INT(bad_layout, 0);
	CHECK_INT(bad_sum, 0);
}

static void
test_complaints(void)
{
	BnTally		t;
	double		r = -1;

	/* over delivered when deliveries are counted */
	t = mkc(1000, 50, 900, 9);
	CHECK(bn_tally_complaint_rate(&t, &r));
	CHECK(r == 1.0);
	/* over sent when they are not */
	t = mkc(1000, 50, 0, 9);
	CHECK(bn_tally_complaint_rate(&t, &r));
	CHECK(r == 0.9);
	t = mkc(0, 0, 0, 0);
	CHECK(!bn_tally_complaint_rate(&t, &r));

	/* a complaint is not a bounce: the bounce rate does not move */
	t = mkc(1000, 10, 990, 500);
	CHECK(bn_tally_rate(&t, &r));
	CHECK(r == 1.0);

	/* tiers: below 0.1, 0.1 up to 0.3, 0.3 up to 0.5, 0.5 and above */
	CHECK_INT(complaint_tier_of(0, 1000, 1000), BN_COMPLAINT_GOOD);
	CHECK_INT(complaint_tier_of(9, 10000, 10000), BN_COMPLAINT_GOOD);
	CHECK_INT(complaint_tier_of(999, 1000000, 1000000), BN_COMPLAINT_GOOD);
	CHECK_INT(complaint_tier_of(1, 1000, 1000), BN_COMPLAINT_ELEVATED);
	CHECK_INT(complaint_tier_of(2999, 1000000, 1000000), BN_COMPLAINT_ELEVATED);
	CHECK_INT(complaint_tier_of(3, 1000, 1000), BN_COMPLAINT_TOO_HIGH);
	CHECK_INT(complaint_tier_of(4999, 1000000, 1000000), BN_COMPLAINT_TOO_HIGH);
	CHECK_INT(complaint_tier_of(5, 1000, 1000), BN_COMPLAINT_CRITICAL);
	CHECK_INT(complaint_tier_of(1, 1, 1), BN_COMPLAINT_CRITICAL);
	/* exact where floating point is not: 1 of 3000 is below 0.1 %... */
	CHECK_INT(complaint_tier_of(1, 3000, 3000), BN_COMPLAINT_GOOD);
	CHECK_INT(complaint_tier_of(3, 3000, 3000), BN_COMPLAINT_ELEVATED);
	CHECK_INT(complaint_tier_of(9, 3000, 3000), BN_COMPLAINT_TOO_HIGH);
	CHECK_INT(complaint_tier_of(3, 999, 1000), BN_COMPLAINT_TOO_HIGH);
	/* ...over delivered: 3 of 1000 sent is 0.3 %, of 2999 delivered less */
	CHECK_INT(complaint_tier_of(3, 0, 1000), BN_COMPLAINT_TOO_HIGH);
	CHECK_INT(complaint_tier_of(3, 3001, 4000), BN_COMPLAINT_GOOD);
	CHECK_INT(complaint_tier_of(0, 0, 0), -1);
	/* counts whose products pass 64 bits */
	CHECK_INT(complaint_tier_of(INT64_MAX / 1000, INT64_MAX, INT64_MAX), BN_COMPLAINT_GOOD);
	CHECK_INT(complaint_tier_of(INT64_MAX / 1000 + 1, INT64_MAX, INT64_MAX), BN_COMPLAINT_ELEVATED);
	CHECK_INT(complaint_tier_of(INT64_MAX, INT64_MAX, INT64_MAX), BN_COMPLAINT_CRITICAL);

	CHECK_INT(complaint_tier_of_rate(0), BN_COMPLAINT_GOOD);
	CHECK_INT(complaint_tier_of_rate(0.0999), BN_COMPLAINT_GOOD);
	CHECK_INT(complaint_tier_of_rate(0.1), BN_COMPLAINT_ELEVATED);
	CHECK_INT(complaint_tier_of_rate(0.2999), BN_COMPLAINT_ELEVATED);
	CHECK_INT(complaint_tier_of_rate(0.3), BN_COMPLAINT_TOO_HIGH);
	CHECK_INT(complaint_tier_of_rate(0.4999), BN_COMPLAINT_TOO_HIGH);
	CHECK_INT(complaint_tier_of_rate(0.5), BN_COMPLAINT_CRITICAL);
	CHECK_INT(complaint_tier_of_rate(100), BN_COMPLAINT_CRITICAL);
	CHECK_STR(bn_complaint_tier_names[BN_COMPLAINT_TOO_HIGH], "too_high");
}

static void
test_rates(void)
{
	BnTally		t = mk(200, 4, 2, 1, 1);
	double		r = -1;

	CHECK(bn_tally_rate(&t, &r));
	CHECK(r == 4.0);
	CHECK(bn_tally_kind_rate(&t, BN_KIND_HARD, &r));
	CHECK(r == 2.0);
	CHECK(bn_tally_kind_rate(&t, BN_KIND_BLOCK, &r));
	CHECK(r == 0.5);
	t = mk(0, 0, 0, 0, 0);
	CHECK(!bn_tally_rate(&t, &r));
}

static void
test_tiers(void)
{
	/* SPEC section 6: below 1, 1..2 inclusive, above 2..5, above 5..10, above 10 */
	CHECK_INT(tier_of(0, 100), BN_TIER_EXCELLENT);
	CHECK_INT(tier_of(99, 10000), BN_TIER_EXCELLENT);
	CHECK_INT(tier_of(1, 100), BN_TIER_ACCEPTABLE);
	CHECK_INT(tier_of(2, 100), BN_TIER_ACCEPTABLE);
	CHECK_INT(tier_of(201, 10000), BN_TIER_CONCERNING);
	CHECK_INT(tier_of(5, 100), BN_TIER_CONCERNING);
	CHECK_INT(tier_of(501, 10000), BN_TIER_POOR);
	CHECK_INT(tier_of(10, 100), BN_TIER_POOR);
	CHECK_INT(tier_of(1001, 10000), BN_TIER_CRITICAL);
	CHECK_INT(tier_of(100, 100), BN_TIER_CRITICAL);
	CHECK_INT(tier_of(1, 3), BN_TIER_CRITICAL);
	CHECK_INT(tier_of(0, 0), -1);

	/* exact where floating point is not: 1/3 of 6 % etc. */
	CHECK_INT(tier_of(1, 50), BN_TIER_ACCEPTABLE);
	CHECK_INT(tier_of(3, 150), BN_TIER_ACCEPTABLE);
	CHECK_INT(tier_of(7, 350), BN_TIER_ACCEPTABLE);
	CHECK_INT(tier_of(7, 349), BN_TIER_CONCERNING);

	/* counts far beyond double precision and beyond int64 once multiplied */
	CHECK_INT(tier_of(INT64_MAX / 50, INT64_MAX), BN_TIER_ACCEPTABLE);
	CHECK_INT(tier_of(INT64_MAX / 50 + 1, INT64_MAX), BN_TIER_CONCERNING);
	CHECK_INT(tier_of(INT64_MAX / 10, INT64_MAX), BN_TIER_POOR);
	CHECK_INT(tier_of(INT64_MAX / 10 + 1, INT64_MAX), BN_TIER_CRITICAL);
	CHECK_INT(tier_of(INT64_MAX, INT64_MAX), BN_TIER_CRITICAL);
	CHECK_INT(tier_of(INT64_MAX / 100, INT64_MAX), BN_TIER_EXCELLENT);
	CHECK_INT(tier_of(INT64_MAX / 100 + 1, INT64_MAX), BN_TIER_ACCEPTABLE);

	CHECK_INT(health_of(2, 100), BN_HEALTH_HEALTHY);
	CHECK_INT(health_of(201, 10000), BN_HEALTH_UNHEALTHY);
	CHECK_INT(health_of(5, 100), BN_HEALTH_UNHEALTHY);
	CHECK_INT(health_of(501, 10000), BN_HEALTH_RISKY);
	CHECK_INT(health_of(0, 1), BN_HEALTH_HEALTHY);
	CHECK_INT(health_of(0, 0), -1);

	CHECK_INT(tier_of_rate(0.99), BN_TIER_EXCELLENT);
	CHECK_INT(tier_of_rate(1), BN_TIER_ACCEPTABLE);
	CHECK_INT(tier_of_rate(2), BN_TIER_ACCEPTABLE);
	CHECK_INT(tier_of_rate(2.01), BN_TIER_CONCERNING);
	CHECK_INT(tier_of_rate(5), BN_TIER_CONCERNING);
	CHECK_INT(tier_of_rate(5.01), BN_TIER_POOR);
	CHECK_INT(tier_of_rate(10), BN_TIER_POOR);
	CHECK_INT(tier_of_rate(10.01), BN_TIER_CRITICAL);
	CHECK_INT(health_of_rate(2), BN_HEALTH_HEALTHY);
	CHECK_INT(health_of_rate(2.01), BN_HEALTH_UNHEALTHY);
	CHECK_INT(health_of_rate(5), BN_HEALTH_UNHEALTHY);
	CHECK_INT(health_of_rate(5.01), BN_HEALTH_RISKY);

	CHECK_STR(bn_tier_names[BN_TIER_CRITICAL], "critical");
	CHECK_STR(bn_health_names[BN_HEALTH_RISKY], "risky");
}

static void
test_spike(void)
{
	BnTally		base = mk(10000, 100, 50, 20, 0),	/* 1 % hard */
				same = mk(1000, 10, 5, 2, 0),
				high = mk(1000, 30, 5, 2, 0),	/* 3 % hard */
				blocked = mk(1000, 10, 5, 300, 0),
				small = mk(50, 40, 0, 0, 0),
				none = mk(0, 0, 0, 0, 0),
				clean = mk(1000, 0, 0, 0, 0);
	double		diff,
				var;
	bool		spike;

	CHECK(bn_tally_spike_terms(&same, &base, BN_KIND_HARD, &diff, &var));
	CHECK(diff == 0.0);
	CHECK(var > 0.0);
	CHECK(bn_tally_spike(&same, &base, BN_KIND_HARD, 100, 3.0, &spike));
	CHECK(!spike);

	/* 3 % against 1 %: z = 0.02 / sqrt(0.011818 * 0.988182 * 0.0011) = 5.58 */
	CHECK(bn_tally_spike_terms(&high, &base, BN_KIND_HARD, &diff, &var));
	CHECK(diff * diff > 5.5 * 5.5 * var && diff * diff < 5.6 * 5.6 * var);
	spike = false;
	CHECK(bn_tally_spike(&high, &base, BN_KIND_HARD, 100, 3.0, &spike));
	CHECK(spike);
	CHECK(bn_tally_spike(&high, &base, BN_KIND_HARD, 100, 6.0, &spike));
	CHECK(!spike);
	/* the other way round is a drop, not a spike */
	CHECK(bn_tally_spike(&base, &high, BN_KIND_HARD, 100, 3.0, &spike));
	CHECK(!spike);
	CHECK(bn_tally_spike(&base, &high, BN_KIND_HARD, 100, -3.0, &spike));
	CHECK(!spike);
	CHECK(bn_tally_spike(&base, &high, BN_KIND_HARD, 100, -6.0, &spike));
	CHECK(spike);

	/* a block spike shows in the block rate and in the total */
	CHECK(bn_tally_spike(&blocked, &base, BN_KIND_BLOCK, 100, 3.0, &spike));
	CHECK(spike);
	CHECK(bn_tally_spike(&blocked, &base, BN_KIND_HARD, 100, 3.0, &spike));
	CHECK(!spike);
	CHECK(bn_tally_spike(&blocked, &base, BN_KIND_NONE, 100, 3.0, &spike));
	CHECK(spike);

	/* too little volume on either side: no verdict */
	spike = true;
	CHECK(!bn_tally_spike(&small, &base, BN_KIND_HARD, 100, 3.0, &spike));
	CHECK(!bn_tally_spike(&base, &small, BN_KIND_HARD, 100, 3.0, &spike));
	CHECK(spike);
	CHECK(bn_tally_spike(&small, &base, BN_KIND_HARD, 50, 3.0, &spike));
	CHECK(spike);
	CHECK(!bn_tally_spike_terms(&none, &base, BN_KIND_HARD, &diff, &var));
	CHECK(!bn_tally_spike(&none, &base, BN_KIND_HARD, 0, 3.0, &spike));

	/* pooled rate 0: no difference, z = 0 */
	CHECK(bn_tally_spike_terms(&clean, &clean, BN_KIND_HARD, &diff, &var));
	CHECK(var == 0.0 && diff == 0.0);
	CHECK(bn_tally_spike(&clean, &clean, BN_KIND_HARD, 100, 3.0, &spike));
	CHECK(!spike);
	CHECK(bn_tally_spike(&clean, &clean, BN_KIND_HARD, 100, -1.0, &spike));
	CHECK(spike);
}

int
main(void)
{
	test_text();
	test_text_complaints();
	test_count_and_add();
	test_store();
	test_store_property();
	test_complaints();
	test_rates();
	test_tiers();
	test_spike();
	UNIT_DONE();
}
