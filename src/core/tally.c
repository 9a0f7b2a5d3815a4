/*
 * tally.c
 *		Tallies of sent and bounced messages: text form, sums, rates, tiers,
 *		health and the spike test.
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

/* The field names of the text form, in order: "sent", then the kinds. */
static const char *
field_name(int field)
{
	return field == 0 ? "sent" : bn_kind_names[field - 1];
}

/* The counter of a field of the text form. */
static int64_t *
field_ptr(BnTally *t, int field)
{
	return field == 0 ? &t->sent : &t->bounced[field - 1];
}

/*
 * Add b into a, all or nothing.
 */
bool
bn_tally_add(BnTally *a, const BnTally *b)
{
	BnTally		sum;

	/*
	 * For valid tallies only sent can overflow (each bounce count is at most
	 * its sent), but check every counter: the core trusts no caller.
	 */
	if (b->sent > 0 ? a->sent > INT64_MAX - b->sent : a->sent < INT64_MIN - b->sent)
		return false;
	sum.sent = a->sent + b->sent;
	for (int k = 0; k < BN_TALLY_KINDS; k++)
	{
		if (b->bounced[k] > 0 ? a->bounced[k] > INT64_MAX - b->bounced[k]
			: a->bounced[k] < INT64_MIN - b->bounced[k])
			return false;
		sum.bounced[k] = a->bounced[k] + b->bounced[k];
	}
	*a = sum;
	return true;
}

/*
 * Check that no count is negative and that bounces do not outnumber sent.
 */
BnTallyError
bn_tally_check(const BnTally *t)
{
	int64_t		room;

	if (t->sent < 0)
		return BN_TALLY_NEGATIVE;
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
 * Parse the text form written by bn_tally_format.
 */
bool
bn_tally_parse(const char *s, BnTally *out, BnTallyParseError *err)
{
	static const char *const separators[] = {",", ",", ",", ",", ")"};
	const char *p = s;
	BnTally		t;
	BnTallyError check;

	while (is_space(*p))
		p++;
	if (*p != '(')
		return fail(err, BN_TALLY_SYNTAX, s, p, "(");
	p++;
	for (int field = 0; field <= BN_TALLY_KINDS; field++)
	{
		const char *name = field_name(field);
		size_t		len = strlen(name);
		const char *digits;
		uint64_t	v = 0;

		if (strncmp(p, name, len) != 0 || p[len] != '=')
			return fail(err, BN_TALLY_SYNTAX, s, p, field == 0 ? "sent=" :
						field == 1 ? "hard=" : field == 2 ? "soft=" :
						field == 3 ? "block=" : "undetermined=");
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
		*field_ptr(&t, field) = (int64_t) v;
		if (*p != separators[field][0])
			return fail(err, BN_TALLY_SYNTAX, s, p, separators[field]);
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
 * Write "(sent=N,hard=N,soft=N,block=N,undetermined=N)".
 */
size_t
bn_tally_format(const BnTally *t, char *buf)
{
	int			n;

	n = snprintf(buf, BN_TALLY_BUFSIZE,
				 "(sent=%" PRId64 ",hard=%" PRId64 ",soft=%" PRId64
				 ",block=%" PRId64 ",undetermined=%" PRId64 ")",
				 t->sent, t->bounced[BN_KIND_HARD], t->bounced[BN_KIND_SOFT],
				 t->bounced[BN_KIND_BLOCK], t->bounced[BN_KIND_UNDETERMINED]);
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

/* Compare hard * 100 with sent * percent, exactly. */
static int
hard_rate_cmp(const void *arg, int pct)
{
	const BnTally *t = arg;
	uint64_t	lh,
				ll,
				rh,
				rl;

	mul_u64((uint64_t) t->bounced[BN_KIND_HARD], 100, &lh, &ll);
	mul_u64((uint64_t) t->sent, (uint64_t) pct, &rh, &rl);
	if (lh != rh)
		return lh < rh ? -1 : 1;
	if (ll != rl)
		return ll < rl ? -1 : 1;
	return 0;
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
