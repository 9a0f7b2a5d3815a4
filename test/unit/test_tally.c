/*
 * test_tally.c
 *		Unit tests of src/core/tally.c: text form, sums, rates, tiers, spikes.
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
	return t;
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
	test_count_and_add();
	test_rates();
	test_tiers();
	test_spike();
	UNIT_DONE();
}
