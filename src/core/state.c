/*
 * state.c
 *		The address state machine of SPEC section 2, as one pure function.
 *
 * Rules, with the policy's defaults (SPEC 5):
 *   1. a hard bounce adds one to the hard streak, once per campaign;
 *   2. at hard_threshold the address is confirmed;
 *   3. an engagement in policy.reset_on (open, click) ends both streaks,
 *      and so does a delivered event unless policy.reset_on_delivered is
 *      off -- only while the address is active;
 *   4. a soft bounce adds one to the soft streak, once per campaign; at
 *      soft_threshold the address is suppressed (soft_bounce);
 *   5. block and undetermined bounces change no streak but are kept as the
 *      last reason; none changes nothing;
 *   6. a complaint suppresses (complaint), an unsubscribe (unsubscribe);
 *   7. a bounce applied while the address is not active is recorded but
 *      adds to no streak;
 *   8. the streaks are independent;
 *   9. an event without campaign is its own campaign, named by its time;
 *  10. events are applied in bn_event_cmp order.
 *
 * Plain C: no PostgreSQL headers, no allocation.
 */
#include "state.h"

#include <string.h>

const BnPolicy bn_policy_default = {
	3, 5, BN_EVENT_BIT(BN_EVENT_OPEN) | BN_EVENT_BIT(BN_EVENT_CLICK), true
};

const char *const bn_event_type_names[BN_EVENT_COUNT] = {
	"sent", "delivered", "bounce", "open", "click", "complaint", "unsubscribe"
};

const char *const bn_address_status_names[BN_ADDRESS_STATUS_COUNT] = {
	"active", "confirmed", "suppressed"
};

const char *const bn_suppression_names[BN_SUPPRESSION_COUNT] = {
	"hard_bounce", "soft_bounce", "complaint", "unsubscribe", "manual",
	"invalid"
};

const char	bn_event_type_accepted[] =
"sent (send), delivered (delivery), bounce (bounced), open (opened), "
"click (clicked), complaint (complained, spam_report), "
"unsubscribe (unsubscribed)";

/* Every spelling bn_event_type_from_name accepts. */
static const struct
{
	const char *name;
	size_t		len;
	BnEventType type;
}			event_spellings[] = {
	{"sent", 4, BN_EVENT_SENT},
	{"open", 4, BN_EVENT_OPEN},
	{"send", 4, BN_EVENT_SENT},
	{"click", 5, BN_EVENT_CLICK},
	{"bounce", 6, BN_EVENT_BOUNCE},
	{"opened", 6, BN_EVENT_OPEN},
	{"bounced", 7, BN_EVENT_BOUNCE},
	{"clicked", 7, BN_EVENT_CLICK},
	{"delivered", 9, BN_EVENT_DELIVERED},
	{"delivery", 8, BN_EVENT_DELIVERED},
	{"complaint", 9, BN_EVENT_COMPLAINT},
	{"complained", 10, BN_EVENT_COMPLAINT},
	{"spam_report", 11, BN_EVENT_COMPLAINT},
	{"unsubscribe", 11, BN_EVENT_UNSUBSCRIBE},
	{"unsubscribed", 12, BN_EVENT_UNSUBSCRIBE},
};

/* ASCII lower case of one byte. */
static inline char
lower_ascii(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
}

/* Look an event name up, ignoring ASCII case. */
bool
bn_event_type_from_name(const char *name, size_t len, BnEventType *type)
{
	for (size_t i = 0; i < sizeof(event_spellings) / sizeof(event_spellings[0]); i++)
	{
		const char *s = event_spellings[i].name;
		size_t		j;

		if (event_spellings[i].len != len)
			continue;
		for (j = 0; j < len; j++)
			if (lower_ascii(name[j]) != s[j])
				break;
		if (j == len)
		{
			*type = event_spellings[i].type;
			return true;
		}
	}
	return false;
}

/* The state of an address never seen. */
void
bn_state_init(BnState *st)
{
	st->status = BN_ADDR_ACTIVE;
	st->suppressed = BN_SUPPRESSION_NONE;
	st->status_since = BN_TIME_NONE;
	st->hard_streak = 0;
	st->soft_streak = 0;
	st->n_hard = 0;
	st->n_soft = 0;
	st->last_counted_at = BN_TIME_NONE;
	st->last_sent_at = BN_TIME_NONE;
	st->last_bounce_at = BN_TIME_NONE;
	st->last_reason = BN_REASON_UNDEFINED;
	st->last_kind = BN_KIND_UNDETERMINED;
	st->cleared_at = BN_TIME_NONE;
	st->last_event_at = BN_TIME_NONE;
	st->last_event = BN_EVENT_SENT;
}

/* Forget everything but the sends and the newest event; see state.h. */
void
bn_state_clear(BnState *st, BnTime at)
{
	BnTime		sent = st->last_sent_at;
	BnTime		last_at = st->last_event_at;
	BnEventType last = st->last_event;

	bn_state_init(st);
	st->last_sent_at = sent;
	st->last_event_at = last_at;
	st->last_event = last;
	st->cleared_at = at;
}

/* Campaign identities are equal. */
static bool
campaign_equal(const BnCampaign *a, const BnCampaign *b)
{
	if (a->id == NULL || b->id == NULL)
		return a->id == NULL && b->id == NULL && a->at == b->at;
	return a->len == b->len && memcmp(a->id, b->id, a->len) == 0;
}

/* Compare two campaigns: none first (by time), then ids bytewise. */
static int
campaign_cmp(const char *a, uint32_t alen, BnTime aat,
			 const char *b, uint32_t blen, BnTime bat)
{
	int			c;

	if (a == NULL || b == NULL)
	{
		if (a != NULL)
			return 1;
		if (b != NULL)
			return -1;
		return (aat > bat) - (aat < bat);
	}
	c = memcmp(a, b, alen < blen ? alen : blen);
	if (c != 0)
		return c < 0 ? -1 : 1;
	return (alen > blen) - (alen < blen);
}

/*
 * Count a campaign in a ring unless it is there; true when it was new.
 * The ring keeps the newest cap campaigns, oldest first.
 */
static bool
ring_count(BnCampaign *ring, int *n, int cap, const BnEvent *ev)
{
	BnCampaign	c;

	c.id = ev->campaign;
	c.len = ev->campaign ? ev->campaign_len : 0;
	c.at = ev->at;

	for (int i = 0; i < *n; i++)
		if (campaign_equal(&ring[i], &c))
			return false;

	if (cap < 1)
		cap = 1;
	if (cap > BN_THRESHOLD_MAX)
		cap = BN_THRESHOLD_MAX;
	if (*n >= cap)
	{
		int			drop = *n - cap + 1;

		memmove(ring, ring + drop, (size_t) (*n - drop) * sizeof(BnCampaign));
		*n -= drop;
	}
	ring[(*n)++] = c;
	return true;
}

/* How strongly a reason holds an address on the suppression list. */
static int
suppression_strength(BnSuppression s)
{
	switch (s)
	{
		case BN_SUPPRESSION_COMPLAINT:
			return 3;
		case BN_SUPPRESSION_UNSUBSCRIBE:
			return 2;
		case BN_SUPPRESSION_SOFT_BOUNCE:
			return 1;
		default:
			return 0;
	}
}

/* Put the address on the suppression list, or strengthen its reason. */
static unsigned
suppress(BnState *st, BnSuppression why, BnTime at)
{
	if (st->status != BN_ADDR_SUPPRESSED)
	{
		st->status = BN_ADDR_SUPPRESSED;
		st->suppressed = why;
		st->status_since = at;
		return BN_APPLY_SUPPRESSED;
	}
	if (suppression_strength(why) > suppression_strength(st->suppressed))
	{
		st->suppressed = why;
		return BN_APPLY_REASON;
	}
	return 0;
}

/* Both streaks back to zero, while active (rule 3). */
static unsigned
reset_streaks(BnState *st)
{
	if (st->status != BN_ADDR_ACTIVE)
		return 0;
	if (st->hard_streak == 0 && st->soft_streak == 0)
		return 0;
	st->hard_streak = 0;
	st->soft_streak = 0;
	return BN_APPLY_RESET;
}

/* A bounce (rules 1, 2, 4, 5, 7, 8, 9). */
static unsigned
apply_bounce(BnState *st, const BnEvent *ev, const BnPolicy *policy)
{
	unsigned	done = BN_APPLY_RECORDED;

	if (ev->kind == BN_KIND_NONE)
		return 0;

	st->last_bounce_at = ev->at;
	st->last_reason = ev->reason;
	st->last_kind = ev->kind;

	if (st->status != BN_ADDR_ACTIVE)
		return done;

	if (ev->kind == BN_KIND_HARD)
	{
		if (ring_count(st->hard, &st->n_hard, policy->hard_threshold, ev))
		{
			st->hard_streak++;
			st->last_counted_at = ev->at;
			done |= BN_APPLY_COUNTED_HARD;
			if (st->hard_streak >= policy->hard_threshold)
			{
				st->status = BN_ADDR_CONFIRMED;
				st->status_since = ev->at;
				done |= BN_APPLY_CONFIRMED;
			}
		}
	}
	else if (ev->kind == BN_KIND_SOFT)
	{
		if (ring_count(st->soft, &st->n_soft, policy->soft_threshold, ev))
		{
			st->soft_streak++;
			st->last_counted_at = ev->at;
			done |= BN_APPLY_COUNTED_SOFT;
			if (st->soft_streak >= policy->soft_threshold)
				done |= suppress(st, BN_SUPPRESSION_SOFT_BOUNCE, ev->at);
		}
	}
	return done;
}

/* Apply one event; see state.h. */
unsigned
bn_state_apply(BnState *st, const BnEvent *ev, const BnPolicy *policy)
{
	if (st->last_event_at == BN_TIME_NONE || ev->at > st->last_event_at ||
		(ev->at == st->last_event_at && ev->type > st->last_event))
	{
		st->last_event_at = ev->at;
		st->last_event = ev->type;
	}

	if (st->cleared_at != BN_TIME_NONE && ev->at <= st->cleared_at)
	{
		if (ev->type == BN_EVENT_SENT &&
			(st->last_sent_at == BN_TIME_NONE || ev->at > st->last_sent_at))
			st->last_sent_at = ev->at;
		return BN_APPLY_IGNORED;
	}

	switch (ev->type)
	{
		case BN_EVENT_SENT:
			if (st->last_sent_at == BN_TIME_NONE || ev->at > st->last_sent_at)
				st->last_sent_at = ev->at;
			return 0;
		case BN_EVENT_DELIVERED:
			return policy->reset_on_delivered ? reset_streaks(st) : 0;
		case BN_EVENT_OPEN:
		case BN_EVENT_CLICK:
			if (policy->reset_on & BN_EVENT_BIT(ev->type))
				return reset_streaks(st);
			return 0;
		case BN_EVENT_BOUNCE:
			return apply_bounce(st, ev, policy);
		case BN_EVENT_COMPLAINT:
			return suppress(st, BN_SUPPRESSION_COMPLAINT, ev->at);
		case BN_EVENT_UNSUBSCRIBE:
			return suppress(st, BN_SUPPRESSION_UNSUBSCRIBE, ev->at);
	}
	return 0;
}

/*
 * May ev be applied directly?  After the newest event: yes.  At the same
 * time and type: yes unless it is a bounce, because events of one type
 * other than bounce have the same effect whatever their campaign, and
 * applying any of them twice is the same as once.  Before: no.
 */
bool
bn_state_in_order(const BnState *st, const BnEvent *ev)
{
	if (st->last_event_at == BN_TIME_NONE || ev->at > st->last_event_at)
		return true;
	if (ev->at < st->last_event_at)
		return false;
	if (ev->type != st->last_event)
		return ev->type > st->last_event;
	return ev->type != BN_EVENT_BOUNCE;
}

/* The replay order; see state.h. */
int
bn_event_cmp(const BnEvent *a, const BnEvent *b)
{
	int			c;

	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	if (a->type != BN_EVENT_BOUNCE)
		return 0;
	c = campaign_cmp(a->campaign, a->campaign_len, a->at,
					 b->campaign, b->campaign_len, b->at);
	if (c != 0)
		return c;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->reason != b->reason)
		return a->reason < b->reason ? -1 : 1;
	return 0;
}

/* Insertion sort: an address has few events, and it is stable. */
void
bn_events_sort(BnEvent *events, size_t n)
{
	for (size_t i = 1; i < n; i++)
	{
		BnEvent		e = events[i];
		size_t		j = i;

		while (j > 0 && bn_event_cmp(&events[j - 1], &e) > 0)
		{
			events[j] = events[j - 1];
			j--;
		}
		events[j] = e;
	}
}

/* Two rings hold the same campaigns in the same order. */
static bool
ring_equal(const BnCampaign *a, int na, const BnCampaign *b, int nb)
{
	if (na != nb)
		return false;
	for (int i = 0; i < na; i++)
		if (!campaign_equal(&a[i], &b[i]))
			return false;
	return true;
}

/* Two states are the same. */
bool
bn_state_equal(const BnState *a, const BnState *b)
{
	return a->status == b->status &&
		a->suppressed == b->suppressed &&
		a->status_since == b->status_since &&
		a->hard_streak == b->hard_streak &&
		a->soft_streak == b->soft_streak &&
		ring_equal(a->hard, a->n_hard, b->hard, b->n_hard) &&
		ring_equal(a->soft, a->n_soft, b->soft, b->n_soft) &&
		a->last_counted_at == b->last_counted_at &&
		a->last_sent_at == b->last_sent_at &&
		a->last_bounce_at == b->last_bounce_at &&
		(a->last_bounce_at == BN_TIME_NONE ||
		 (a->last_reason == b->last_reason && a->last_kind == b->last_kind)) &&
		a->cleared_at == b->cleared_at &&
		a->last_event_at == b->last_event_at &&
		(a->last_event_at == BN_TIME_NONE || a->last_event == b->last_event);
}

/*
 * Days since 1970-01-01 to a civil date (proleptic Gregorian), after
 * Howard Hinnant's days_from_civil / civil_from_days.
 */
static void
civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t		era;
	int64_t		doe,
				yoe,
				doy,
				mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* The inverse of civil_from_days. */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t		era,
				yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

#define USECS_PER_DAY INT64_C(86400000000)
#define DAYS_1970_TO_2000 10957

/* Write n as exactly width digits (n >= 0); returns the end. */
static char *
put_digits(char *p, int64_t n, int width)
{
	for (int i = width - 1; i >= 0; i--)
	{
		p[i] = (char) ('0' + n % 10);
		n /= 10;
	}
	return p + width;
}

/* "@YYYY-MM-DDTHH:MM:SS.ffffffZ"; see state.h. */
size_t
bn_campaign_time_key(BnTime at, char *buf)
{
	int64_t		days = at / USECS_PER_DAY;
	int64_t		usec = at % USECS_PER_DAY;
	int64_t		y;
	int			m,
				d;
	char	   *p = buf;

	if (usec < 0)
	{
		usec += USECS_PER_DAY;
		days--;
	}
	civil_from_days(days + DAYS_1970_TO_2000, &y, &m, &d);

	*p++ = '@';
	if (y < 0)
	{
		*p++ = '-';
		y = -y;
	}
	if (y > 9999)
	{
		char		tmp[24];
		int			n = 0;

		while (y > 0)
		{
			tmp[n++] = (char) ('0' + y % 10);
			y /= 10;
		}
		while (n > 0)
			*p++ = tmp[--n];
	}
	else
		p = put_digits(p, y, 4);
	*p++ = '-';
	p = put_digits(p, m, 2);
	*p++ = '-';
	p = put_digits(p, d, 2);
	*p++ = 'T';
	p = put_digits(p, usec / INT64_C(3600000000), 2);
	*p++ = ':';
	p = put_digits(p, (usec / 60000000) % 60, 2);
	*p++ = ':';
	p = put_digits(p, (usec / 1000000) % 60, 2);
	*p++ = '.';
	p = put_digits(p, usec % 1000000, 6);
	*p++ = 'Z';
	*p = '\0';
	return (size_t) (p - buf);
}

/* Read exactly n digits; false if any is not a digit. */
static bool
get_digits(const char **s, const char *end, int n, int64_t *out)
{
	int64_t		v = 0;

	if (end - *s < n)
		return false;
	for (int i = 0; i < n; i++)
	{
		char		c = (*s)[i];

		if (c < '0' || c > '9')
			return false;
		v = v * 10 + (c - '0');
	}
	*s += n;
	*out = v;
	return true;
}

/* Expect one character. */
static bool
get_char(const char **s, const char *end, char c)
{
	if (*s >= end || **s != c)
		return false;
	(*s)++;
	return true;
}

/* A stored campaign identity back into a BnCampaign; see state.h. */
void
bn_campaign_parse(const char *s, size_t len, BnCampaign *c)
{
	const char *p = s + 1;
	const char *end = s + len;
	int64_t		y = 0,
				mo,
				d,
				h,
				mi,
				se,
				us;
	bool		neg = false;
	int			ydigits = 0;

	c->id = s;
	c->len = (uint32_t) len;
	c->at = 0;

	if (len < 2 || s[0] != '@')
		return;
	if (*p == '-')
	{
		neg = true;
		p++;
	}
	while (p < end && *p >= '0' && *p <= '9' && ydigits < 9)
	{
		y = y * 10 + (*p++ - '0');
		ydigits++;
	}
	if (ydigits < 4 ||
		!get_char(&p, end, '-') || !get_digits(&p, end, 2, &mo) ||
		!get_char(&p, end, '-') || !get_digits(&p, end, 2, &d) ||
		!get_char(&p, end, 'T') || !get_digits(&p, end, 2, &h) ||
		!get_char(&p, end, ':') || !get_digits(&p, end, 2, &mi) ||
		!get_char(&p, end, ':') || !get_digits(&p, end, 2, &se) ||
		!get_char(&p, end, '.') || !get_digits(&p, end, 6, &us) ||
		!get_char(&p, end, 'Z') || p != end)
		return;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59)
		return;
	if (neg)
		y = -y;

	c->id = NULL;
	c->len = 0;
	c->at = (days_from_civil(y, (int) mo, (int) d) - DAYS_1970_TO_2000) * USECS_PER_DAY +
		h * INT64_C(3600000000) + mi * INT64_C(60000000) + se * INT64_C(1000000) + us;
}
