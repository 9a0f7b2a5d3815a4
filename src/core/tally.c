/*
 * tally.c
 *		Tallies of sent, bounced, delivered and complained-about messages:
 *		text form, sums, rates, tiers, health, complaint rates and tiers, and
 *		the spike test.
 */
#include "tally.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

const char *const bn_tier_names[BN_TIER_COUNT] = {
	"excellent", "acceptable", "concerning", "poor", "critical"
};

const char *const bn_health_names[BN_HEALTH_COUNT] = {
	"healthy", "unhealthy", "risky"
};

const char *const bn_complaint_tier_names[BN_COMPLAINT_TIER_COUNT] = {
	"good", "elevated", "too_high", "critical"
};

/*
 * The fields of the text form, in order: "sent", the kinds, "delivered",
 * "complaints".  The first SHORT_FIELDS are 1.0's form.
 */
#define ALL_FIELDS BN_TALLY_FIELDS
#define SHORT_FIELDS (BN_TALLY_KINDS + 1)

static const char *const field_names[ALL_FIELDS] = {
	"sent", "hard", "soft", "block", "undetermined", "delivered", "complaints"
};

static const char *const field_expected[ALL_FIELDS] = {
	"sent=", "hard=", "soft=", "block=", "undetermined=", "delivered=", "complaints="
};

/* a + b into *sum; false when it overflows either way. */
static bool
add_i64(int64_t a, int64_t b, int64_t *sum)
{
	if (b > 0 ? a > INT64_MAX - b : a < INT64_MIN - b)
		return false;
	*sum = a + b;
	return true;
}

/*
 * Add b into a, all or nothing.
 */
bool
bn_tally_add(BnTally *a, const BnTally *b)
{
	BnTally		sum;

	/*
	 * For valid tallies only sent can overflow (every other count is at most
	 * its sent), but check every counter: the core trusts no caller.
	 */
	if (!add_i64(a->sent, b->sent, &sum.sent) ||
		!add_i64(a->delivered, b->delivered, &sum.delivered) ||
		!add_i64(a->complaints, b->complaints, &sum.complaints))
		return false;
	for (int k = 0; k < BN_TALLY_KINDS; k++)
		if (!add_i64(a->bounced[k], b->bounced[k], &sum.bounced[k]))
			return false;
	*a = sum;
	return true;
}

/*
 * Check that no count is negative and that bounces, deliveries and
 * complaints do not outnumber sent.
 */
BnTallyError
bn_tally_check(const BnTally *t)
{
	int64_t		room;

	if (t->sent < 0 || t->delivered < 0 || t->complaints < 0)
		return BN_TALLY_NEGATIVE;
	if (t->delivered > t->sent)
		return BN_TALLY_TOO_MANY_DELIVERED;
	if (t->complaints > t->sent)
		return BN_TALLY_TOO_MANY_COMPLAINTS;
	room = t->sent;
	for (int k = 0; k < BN_TALLY_KINDS; k++)
	{
		if (t->bounced[k] < 0)
			return BN_TALLY_NEGATIVE;
		if (t->bounced[k] > room)
			return BN_TALLY_TOO_MANY_BOUNCES;
		room -= t->bounced[k];
	}
	return BN_TALLY_OK;
}

/* ASCII white space, as the text form allows around a tally. */
static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Record where and why parsing failed; returns false. */
static bool
fail(BnTallyParseError *err, BnTallyError code, const char *s, const char *at,
	 const char *expected)
{
	err->code = code;
	err->position = (size_t) (at - s);
	err->expected = expected;
	return false;
}

/*
 * Parse the text form written by bn_tally_format: 1.0's five fields, or all
 * seven.
 */
bool
bn_tally_parse(const char *s, BnTally *out, BnTallyParseError *err)
{
	const char *p = s;
	BnTally		t;
	BnTallyError check;

	bn_tally_zero(&t);
	while (is_space(*p))
		p++;
	if (*p != '(')
		return fail(err, BN_TALLY_SYNTAX, s, p, "(");
	p++;
	for (int field = 0; field < ALL_FIELDS; field++)
	{
		const char *name = field_names[field];
		size_t		len = strlen(name);
		const char *digits;
		uint64_t	v = 0;

		if (strncmp(p, name, len) != 0 || p[len] != '=')
			return fail(err, BN_TALLY_SYNTAX, s, p, field_expected[field]);
		p += len + 1;
		if (*p == '-' && p[1] >= '0' && p[1] <= '9')
			return fail(err, BN_TALLY_NEGATIVE, s, p, NULL);
		digits = p;
		while (*p >= '0' && *p <= '9')
		{
			if (v > ((uint64_t) INT64_MAX - (uint64_t) (*p - '0')) / 10)
				return fail(err, BN_TALLY_OVERFLOW, s, digits, NULL);
			v = v * 10 + (uint64_t) (*p - '0');
			p++;
		}
		if (p == digits)
			return fail(err, BN_TALLY_SYNTAX, s, p, "a count");
		*bn_tally_field(&t, field) = (int64_t) v;
		/* ")" ends 1.0's form after undetermined, and the long form */
		if (*p == ')' && (field == SHORT_FIELDS - 1 || field == ALL_FIELDS - 1))
		{
			p++;
			break;
		}
		if (*p != ',' || field == ALL_FIELDS - 1)
			return fail(err, BN_TALLY_SYNTAX, s, p,
						field == SHORT_FIELDS - 1 || field == ALL_FIELDS - 1 ? ")" : ",");
		p++;
	}
	while (is_space(*p))
		p++;
	if (*p != '\0')
		return fail(err, BN_TALLY_SYNTAX, s, p, "the end");
	check = bn_tally_check(&t);
	if (check != BN_TALLY_OK)
		return fail(err, check, s, s, NULL);
	*out = t;
	err->code = BN_TALLY_OK;
	return true;
}

/*
 * Write "(sent=N,hard=N,soft=N,block=N,undetermined=N)", with
 * ",delivered=N,complaints=N" before the ")" when either is non-zero.
 */
size_t
bn_tally_format(const BnTally *t, char *buf)
{
	int			n;

	n = snprintf(buf, BN_TALLY_BUFSIZE,
				 "(sent=%" PRId64 ",hard=%" PRId64 ",soft=%" PRId64
				 ",block=%" PRId64 ",undetermined=%" PRId64,
				 t->sent, t->bounced[BN_KIND_HARD], t->bounced[BN_KIND_SOFT],
				 t->bounced[BN_KIND_BLOCK], t->bounced[BN_KIND_UNDETERMINED]);
	if (t->delivered != 0 || t->complaints != 0)
		n += snprintf(buf + n, BN_TALLY_BUFSIZE - n,
					  ",delivered=%" PRId64 ",complaints=%" PRId64,
					  t->delivered, t->complaints);
	n += snprintf(buf + n, BN_TALLY_BUFSIZE - n, ")");
	return (size_t) n;
}

/* count * 100 / sent, rounded once at the division for small counts. */
static double
percent(int64_t count, int64_t sent)
{
	return ((double) count * 100.0) / (double) sent;
}

/* The total bounce rate in percent. */
bool
bn_tally_rate(const BnTally *t, double *rate)
{
	if (t->sent <= 0)
		return false;
	*rate = percent(bn_tally_bounced(t), t->sent);
	return true;
}

/* One kind's bounce rate in percent. */
bool
bn_tally_kind_rate(const BnTally *t, BnKind kind, double *rate)
{
	if (t->sent <= 0)
		return false;
	*rate = (unsigned) kind < BN_TALLY_KINDS ? percent(t->bounced[kind], t->sent)
		: percent(bn_tally_bounced(t), t->sent);
	return true;
}

/*
 * The tier of a rate, with the boundaries of SPEC section 6.
 */
BnTier
bn_tier(BnRateCmp cmp, const void *arg)
{
	if (cmp(arg, 1) < 0)
		return BN_TIER_EXCELLENT;
	if (cmp(arg, 2) <= 0)
		return BN_TIER_ACCEPTABLE;
	if (cmp(arg, 5) <= 0)
		return BN_TIER_CONCERNING;
	if (cmp(arg, 10) <= 0)
		return BN_TIER_POOR;
	return BN_TIER_CRITICAL;
}

/*
 * The account health of a rate, with the boundaries of SPEC section 6.
 */
BnHealth
bn_health(BnRateCmp cmp, const void *arg)
{
	if (cmp(arg, 2) <= 0)
		return BN_HEALTH_HEALTHY;
	if (cmp(arg, 5) <= 0)
		return BN_HEALTH_UNHEALTHY;
	return BN_HEALTH_RISKY;
}

/* The full 128-bit product of two unsigned 64-bit numbers. */
static void
mul_u64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
	uint64_t	a_lo = (uint32_t) a,
				a_hi = a >> 32,
				b_lo = (uint32_t) b,
				b_hi = b >> 32;
	uint64_t	p0 = a_lo * b_lo,
				p1 = a_lo * b_hi,
				p2 = a_hi * b_lo,
				p3 = a_hi * b_hi;
	uint64_t	mid = (p0 >> 32) + (uint32_t) p1 + (uint32_t) p2;

	*lo = (mid << 32) | (uint32_t) p0;
	*hi = p3 + (p1 >> 32) + (p2 >> 32) + (mid >> 32);
}

/* Compare count * scale with base * k, exactly (all non-negative). */
static int
ratio_cmp(int64_t count, int scale, int64_t base, int k)
{
	uint64_t	lh,
				ll,
				rh,
				rl;

	mul_u64((uint64_t) count, (uint64_t) scale, &lh, &ll);
	mul_u64((uint64_t) base, (uint64_t) k, &rh, &rl);
	if (lh != rh)
		return lh < rh ? -1 : 1;
	if (ll != rl)
		return ll < rl ? -1 : 1;
	return 0;
}

/* Compare hard * 100 with sent * percent, exactly. */
static int
hard_rate_cmp(const void *arg, int pct)
{
	const BnTally *t = arg;

	return ratio_cmp(t->bounced[BN_KIND_HARD], 100, t->sent, pct);
}

/* The tier of the hard-bounce rate, exactly. */
bool
bn_tally_tier(const BnTally *t, BnTier *tier)
{
	if (t->sent <= 0)
		return false;
	*tier = bn_tier(hard_rate_cmp, t);
	return true;
}

/* The health of the hard-bounce rate, exactly. */
bool
bn_tally_health(const BnTally *t, BnHealth *health)
{
	if (t->sent <= 0)
		return false;
	*health = bn_health(hard_rate_cmp, t);
	return true;
}

/* Compare a double rate with a whole percentage. */
int
bn_rate_cmp_double(const void *arg, int pct)
{
	double		rate = *(const double *) arg;

	return rate < pct ? -1 : rate > pct ? 1 : 0;
}

/*
 * The complaint tier of a rate: Google and Yahoo's 0.1 % and 0.3 %, Amazon
 * SES's 0.5 %.  A boundary belongs to the tier above it: the providers say
 * "below 0.1 %" and "never reaching 0.3 %".
 */
BnComplaintTier
bn_complaint_tier(BnTenthsCmp cmp, const void *arg)
{
	if (cmp(arg, 1) < 0)
		return BN_COMPLAINT_GOOD;
	if (cmp(arg, 3) < 0)
		return BN_COMPLAINT_ELEVATED;
	if (cmp(arg, 5) < 0)
		return BN_COMPLAINT_TOO_HIGH;
	return BN_COMPLAINT_CRITICAL;
}

/* The complaint rate in percent, over delivered or else sent. */
bool
bn_tally_complaint_rate(const BnTally *t, double *rate)
{
	int64_t		base = bn_tally_complaint_base(t);

	if (base <= 0)
		return false;
	*rate = percent(t->complaints, base);
	return true;
}

/* Compare complaints * 1000 with base * tenths, exactly. */
static int
complaint_rate_cmp(const void *arg, int tenths)
{
	const BnTally *t = arg;

	return ratio_cmp(t->complaints, 1000, bn_tally_complaint_base(t), tenths);
}

/* The tier of the complaint rate, exactly. */
bool
bn_tally_complaint_tier(const BnTally *t, BnComplaintTier *tier)
{
	if (bn_tally_complaint_base(t) <= 0)
		return false;
	*tier = bn_complaint_tier(complaint_rate_cmp, t);
	return true;
}

/* Compare a double rate in percent with tenths / 10 %. */
int
bn_tenths_cmp_double(const void *arg, int tenths)
{
	double		rate = *(const double *) arg;
	double		bound = tenths / 10.0;	/* 3 / 10.0 is the double 0.3 */

	return rate < bound ? -1 : rate > bound ? 1 : 0;
}

/*
 * The terms of the two-proportion z score, with the pooled proportion.
 */
bool
bn_tally_spike_terms(const BnTally *current, const BnTally *baseline,
					 BnKind kind, double *diff, double *variance)
{
	double		n1 = (double) current->sent,
				n2 = (double) baseline->sent;
	double		x1,
				x2,
				p;

	if (current->sent <= 0 || baseline->sent <= 0)
		return false;
	if ((unsigned) kind < BN_TALLY_KINDS)
	{
		x1 = (double) current->bounced[kind];
		x2 = (double) baseline->bounced[kind];
	}
	else
	{
		x1 = (double) bn_tally_bounced(current);
		x2 = (double) bn_tally_bounced(baseline);
	}
	p = (x1 + x2) / (n1 + n2);
	*diff = x1 / n1 - x2 / n2;
	*variance = p * (1.0 - p) * (1.0 / n1 + 1.0 / n2);
	if (*variance < 0.0)		/* rounding when p is 1 */
		*variance = 0.0;
	return true;
}

/*
 * z > threshold, with z = diff / sqrt(variance), compared through squares.
 */
bool
bn_tally_spike(const BnTally *current, const BnTally *baseline, BnKind kind,
			   int64_t min_sent, double threshold, bool *spike)
{
	double		diff,
				variance;

	if (current->sent < min_sent || baseline->sent < min_sent)
		return false;
	if (!bn_tally_spike_terms(current, baseline, kind, &diff, &variance))
		return false;
	if (variance == 0.0)
		*spike = 0.0 > threshold;
	else if (threshold >= 0.0)
		*spike = diff > 0.0 && diff * diff > threshold * threshold * variance;
	else
		*spike = diff >= 0.0 || diff * diff < threshold * threshold * variance;
	return true;
}
