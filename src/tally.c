/*
 * tally.c
 *		The bounce.tally type, its aggregates, and rates, tiers, health and
 *		spikes computed from it (SPEC section 6).
 *
 * The type is a BnTally (src/core/tally.h) stored as is: five int8
 * counters, 40 bytes, passed by reference.  Every aggregate has bounce.tally
 * itself as its state, so partial states cross parallel workers and Citus
 * nodes through the type's own I/O; the transition functions update that
 * state in place when called by an aggregate, so counting a row allocates
 * nothing.
 */
#include "bounce.h"

#include "core/tally.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/numeric.h"

StaticAssertDecl(sizeof(BnTally) == 40,
				 "bounce.tally is declared with INTERNALLENGTH = 40");

#define DatumGetTallyP(X)		((BnTally *) DatumGetPointer(X))
#define PG_GETARG_TALLY_P(n)	DatumGetTallyP(PG_GETARG_DATUM(n))
#define PG_RETURN_TALLY_P(x)	PG_RETURN_POINTER(x)

/* Version byte leading the binary form, so the format can change later. */
#define TALLY_BINARY_VERSION 1

#define TALLY_TYPE_NAME "bounce.tally"
#define TALLY_HINT "A tally is written (sent=N,hard=N,soft=N,block=N,undetermined=N), " \
	"with each N a whole number from 0 up, and no more bounces than messages sent."

#if PG_VERSION_NUM < 160000
/* Before PostgreSQL 16 every input error is a hard one. */
#define errsave(context, ...) ereport(ERROR, __VA_ARGS__)
#endif

/*
 * Report a text that is not a tally; on PostgreSQL 16 and later a soft
 * error when the caller asked for one (pg_input_is_valid).
 */
static void
report_bad_text(FunctionCallInfo fcinfo, const char *str,
				const BnTallyParseError *err)
{
	Node	   *escontext = NULL;
	int			at = (int) err->position + 1;

#if PG_VERSION_NUM >= 160000
	escontext = fcinfo->context;
#endif
	(void) escontext;

	switch (err->code)
	{
		case BN_TALLY_OVERFLOW:
			errsave(escontext,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value \"%s\" is out of range for type %s",
							str, TALLY_TYPE_NAME),
					 errdetail("A count is at most 9223372036854775807.")));
			break;
		case BN_TALLY_NEGATIVE:
			errsave(escontext,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							TALLY_TYPE_NAME, str),
					 errdetail("Counts cannot be negative."),
					 errhint(TALLY_HINT)));
			break;
		case BN_TALLY_TOO_MANY_BOUNCES:
			errsave(escontext,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							TALLY_TYPE_NAME, str),
					 errdetail("The bounces outnumber the messages sent; every bounce is also a message sent."),
					 errhint(TALLY_HINT)));
			break;
		default:
			errsave(escontext,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							TALLY_TYPE_NAME, str),
					 strcmp(err->expected, "the end") == 0 ?
					 errdetail("Unexpected text after \")\" at character %d.", at) :
					 strcmp(err->expected, "a count") == 0 ?
					 errdetail("Expected a count at character %d.", at) :
					 errdetail("Expected \"%s\" at character %d.", err->expected, at),
					 errhint(TALLY_HINT)));
			break;
	}
}

/*
 * Refuse counters that break a tally's invariants (binary input and the
 * constructor).
 */
static void
check_counters(const BnTally *t, int sqlstate)
{
	switch (bn_tally_check(t))
	{
		case BN_TALLY_OK:
			return;
		case BN_TALLY_NEGATIVE:
			ereport(ERROR,
					(errcode(sqlstate),
					 errmsg("invalid value for type %s", TALLY_TYPE_NAME),
					 errdetail("Counts cannot be negative.")));
			break;
		default:
			ereport(ERROR,
					(errcode(sqlstate),
					 errmsg("invalid value for type %s", TALLY_TYPE_NAME),
					 errdetail("The bounces (" INT64_FORMAT ") outnumber the messages sent (" INT64_FORMAT "); every bounce is also a message sent.",
							   bn_tally_bounced(t), t->sent)));
			break;
	}
}

/* A sum or count that does not fit a counter. */
static void
report_overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s out of range", TALLY_TYPE_NAME),
			 errdetail("A count is at most 9223372036854775807.")));
}

/*
 * What bounce_tally_count learns on its first call at a call site (fn_extra):
 * whether an aggregate calls it, so its state may be updated in place, and
 * the OIDs of the five bounce.kind labels, compared directly per row.
 */
typedef struct CountSite
{
	bool		in_aggregate;
	Oid			kind_oids[BN_KIND_COUNT];
} CountSite;

static CountSite *
count_site(FunctionCallInfo fcinfo)
{
	CountSite  *site = (CountSite *) fcinfo->flinfo->fn_extra;

	if (unlikely(site == NULL))
	{
		site = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(CountSite));
		site->in_aggregate = AggCheckCallContext(fcinfo, NULL) != 0;
		for (int k = 0; k < BN_KIND_COUNT; k++)
			site->kind_oids[k] = bounce_kind_oid((BnKind) k);
		fcinfo->flinfo->fn_extra = site;
	}
	return site;
}

/* The BnKind of a bounce.kind value, by the OIDs of the call site. */
static inline BnKind
site_kind(const CountSite *site, Oid value)
{
	for (int k = 0; k < BN_KIND_COUNT; k++)
		if (site->kind_oids[k] == value)
			return (BnKind) k;
	return bounce_kind_from_oid(value);
}

/* A kind that bounces, for the functions that ask for one. */
static BnKind
bounce_kind_arg(FunctionCallInfo fcinfo, int argno)
{
	BnKind		kind = bounce_kind_from_oid(PG_GETARG_OID(argno));

	if (kind == BN_KIND_NONE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("kind \"none\" is not a bounce"),
				 errdetail("Messages of kind none did not bounce: a tally counts them as sent only."),
				 errhint("Use hard, soft, block or undetermined.")));
	return kind;
}

/*
 * The OID of a label of one of the extension's enums (bounce.tier,
 * bounce.health), looked up once per call site.
 */
static Oid
enum_label(FunctionCallInfo fcinfo, const char *typname,
		   const char *const *labels, int nlabels, int which)
{
	Oid		   *oids = (Oid *) fcinfo->flinfo->fn_extra;

	if (oids == NULL)
	{
		oids = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(Oid) * nlabels);
		for (int i = 0; i < nlabels; i++)
			oids[i] = bounce_enum_label_oid(typname, labels[i]);
		fcinfo->flinfo->fn_extra = oids;
	}
	return oids[which];
}

/* A tier as a bounce.tier value. */
static Datum
tier_datum(FunctionCallInfo fcinfo, BnTier tier)
{
	return ObjectIdGetDatum(enum_label(fcinfo, "tier", bn_tier_names,
									   BN_TIER_COUNT, tier));
}

/* A health as a bounce.health value. */
static Datum
health_datum(FunctionCallInfo fcinfo, BnHealth health)
{
	return ObjectIdGetDatum(enum_label(fcinfo, "health", bn_health_names,
									   BN_HEALTH_COUNT, health));
}

/* ==================== INPUT AND OUTPUT ==================== */

/*
 * Text input: exactly the form the output writes.
 */
PG_FUNCTION_INFO_V1(bounce_tally_in);
Datum
bounce_tally_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	BnTally    *t = palloc(sizeof(BnTally));
	BnTallyParseError err;

	if (!bn_tally_parse(str, t, &err))
	{
		report_bad_text(fcinfo, str, &err);
		PG_RETURN_NULL();
	}
	PG_RETURN_TALLY_P(t);
}

/*
 * Text output: (sent=N,hard=N,soft=N,block=N,undetermined=N).
 */
PG_FUNCTION_INFO_V1(bounce_tally_out);
Datum
bounce_tally_out(PG_FUNCTION_ARGS)
{
	BnTally    *t = PG_GETARG_TALLY_P(0);
	char	   *buf = palloc(BN_TALLY_BUFSIZE);

	bn_tally_format(t, buf);
	PG_RETURN_CSTRING(buf);
}

/*
 * Binary input: a version byte, then the five counters as int8.
 */
PG_FUNCTION_INFO_V1(bounce_tally_recv);
Datum
bounce_tally_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	BnTally    *t = palloc(sizeof(BnTally));
	int			version = pq_getmsgbyte(buf);

	if (version != TALLY_BINARY_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported binary format version %d for type %s",
						version, TALLY_TYPE_NAME),
				 errdetail("This version of bounce reads version %d.",
						   TALLY_BINARY_VERSION)));
	t->sent = pq_getmsgint64(buf);
	for (int k = 0; k < BN_TALLY_KINDS; k++)
		t->bounced[k] = pq_getmsgint64(buf);
	check_counters(t, ERRCODE_INVALID_BINARY_REPRESENTATION);
	PG_RETURN_TALLY_P(t);
}

/*
 * Binary output.
 */
PG_FUNCTION_INFO_V1(bounce_tally_send);
Datum
bounce_tally_send(PG_FUNCTION_ARGS)
{
	BnTally    *t = PG_GETARG_TALLY_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, TALLY_BINARY_VERSION);
	pq_sendint64(&buf, t->sent);
	for (int k = 0; k < BN_TALLY_KINDS; k++)
		pq_sendint64(&buf, t->bounced[k]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * A tally from counts already made: bounce.tally(sent, hard, soft, block,
 * undetermined).
 */
PG_FUNCTION_INFO_V1(bounce_tally_make);
Datum
bounce_tally_make(PG_FUNCTION_ARGS)
{
	BnTally    *t = palloc(sizeof(BnTally));

	t->sent = PG_GETARG_INT64(0);
	for (int k = 0; k < BN_TALLY_KINDS; k++)
		t->bounced[k] = PG_GETARG_INT64(k + 1);
	check_counters(t, ERRCODE_INVALID_PARAMETER_VALUE);
	PG_RETURN_TALLY_P(t);
}

/* ==================== ARITHMETIC AND AGGREGATES ==================== */

/*
 * The state to update: the aggregate's own, in place, or a copy of it when
 * called outside an aggregate (the argument must then stay unchanged).
 */
static BnTally *
state_arg(FunctionCallInfo fcinfo)
{
	BnTally    *t;

	if (PG_ARGISNULL(0))
	{
		t = palloc(sizeof(BnTally));
		bn_tally_zero(t);
	}
	else if (AggCheckCallContext(fcinfo, NULL))
		t = PG_GETARG_TALLY_P(0);
	else
	{
		t = palloc(sizeof(BnTally));
		memcpy(t, PG_GETARG_TALLY_P(0), sizeof(BnTally));
	}
	return t;
}

/*
 * Transition function of bounce.tally(bounce.kind): one message sent, with
 * its outcome.  Not strict: a NULL kind is a message that did not bounce,
 * like none.  Inside the aggregate the state is never NULL (INITCOND is the
 * zero tally) and is updated in place; a direct call copies it, and starts
 * from zero when it is NULL.
 */
PG_FUNCTION_INFO_V1(bounce_tally_count);
Datum
bounce_tally_count(PG_FUNCTION_ARGS)
{
	CountSite  *site = count_site(fcinfo);
	BnTally    *t;
	BnKind		kind;

	if (likely(site->in_aggregate && !PG_ARGISNULL(0)))
		t = PG_GETARG_TALLY_P(0);
	else
		t = state_arg(fcinfo);
	kind = PG_ARGISNULL(1) ? BN_KIND_NONE : site_kind(site, PG_GETARG_OID(1));
	if (unlikely(!bn_tally_count(t, kind)))
		report_overflow();
	PG_RETURN_TALLY_P(t);
}

/*
 * a + b: the + operator, the transition function of bounce.tally(bounce.tally)
 * and the combine function of both aggregates.
 */
PG_FUNCTION_INFO_V1(bounce_tally_add);
Datum
bounce_tally_add(PG_FUNCTION_ARGS)
{
	BnTally    *a = state_arg(fcinfo);
	BnTally    *b = PG_GETARG_TALLY_P(1);

	if (!bn_tally_add(a, b))
		report_overflow();
	PG_RETURN_TALLY_P(a);
}

/* a = b: every counter equal. */
PG_FUNCTION_INFO_V1(bounce_tally_eq);
Datum
bounce_tally_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_TALLY_P(0), PG_GETARG_TALLY_P(1),
						  sizeof(BnTally)) == 0);
}

/* a <> b: some counter differs. */
PG_FUNCTION_INFO_V1(bounce_tally_ne);
Datum
bounce_tally_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_TALLY_P(0), PG_GETARG_TALLY_P(1),
						  sizeof(BnTally)) != 0);
}

/* ==================== COUNTS AND RATES ==================== */

/* Messages sent. */
PG_FUNCTION_INFO_V1(bounce_tally_sent);
Datum
bounce_tally_sent(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_TALLY_P(0)->sent);
}

/* Messages bounced, of every kind. */
PG_FUNCTION_INFO_V1(bounce_tally_bounced);
Datum
bounce_tally_bounced(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(bn_tally_bounced(PG_GETARG_TALLY_P(0)));
}

/* Messages bounced of one kind. */
PG_FUNCTION_INFO_V1(bounce_tally_bounced_kind);
Datum
bounce_tally_bounced_kind(PG_FUNCTION_ARGS)
{
	BnTally    *t = PG_GETARG_TALLY_P(0);

	PG_RETURN_INT64(t->bounced[bounce_kind_arg(fcinfo, 1)]);
}

/*
 * The total bounce rate in percent; NULL when nothing was sent.
 */
PG_FUNCTION_INFO_V1(bounce_tally_rate);
Datum
bounce_tally_rate(PG_FUNCTION_ARGS)
{
	double		rate;

	if (!bn_tally_rate(PG_GETARG_TALLY_P(0), &rate))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(rate);
}

/*
 * One kind's bounce rate in percent; NULL when nothing was sent.
 */
PG_FUNCTION_INFO_V1(bounce_tally_kind_rate);
Datum
bounce_tally_kind_rate(PG_FUNCTION_ARGS)
{
	BnKind		kind = bounce_kind_arg(fcinfo, 1);
	double		rate;

	if (!bn_tally_kind_rate(PG_GETARG_TALLY_P(0), kind, &rate))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(rate);
}

/* ==================== TIERS AND HEALTH ==================== */

/*
 * The tier of a tally's hard-bounce rate; NULL when nothing was sent.
 */
PG_FUNCTION_INFO_V1(bounce_tally_tier);
Datum
bounce_tally_tier(PG_FUNCTION_ARGS)
{
	BnTier		tier;

	if (!bn_tally_tier(PG_GETARG_TALLY_P(0), &tier))
		PG_RETURN_NULL();
	return tier_datum(fcinfo, tier);
}

/*
 * The account health of a tally's hard-bounce rate; NULL when nothing was
 * sent.
 */
PG_FUNCTION_INFO_V1(bounce_tally_health);
Datum
bounce_tally_health(PG_FUNCTION_ARGS)
{
	BnHealth	health;

	if (!bn_tally_health(PG_GETARG_TALLY_P(0), &health))
		PG_RETURN_NULL();
	return health_datum(fcinfo, health);
}

/* A bare rate that is not a percentage. */
static void
report_rate_out_of_range(const char *rate)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("bounce rate %s is out of range", rate),
			 errdetail("A bounce rate is a percentage from 0 to 100.")));
}

/* The double precision rate argument, checked. */
static double
rate_float8_arg(FunctionCallInfo fcinfo)
{
	double		rate = PG_GETARG_FLOAT8(0);

	if (isnan(rate) || rate < 0.0 || rate > 100.0)
		report_rate_out_of_range(float8out_internal(rate));
	return rate;
}

/* Compare a numeric rate with a whole percentage. */
static int
numeric_rate_cmp(const void *arg, int percent)
{
	Numeric		pct = int64_to_numeric(percent);

	return DatumGetInt32(DirectFunctionCall2(numeric_cmp,
											 NumericGetDatum((Numeric) arg),
											 NumericGetDatum(pct)));
}

/* The numeric rate argument, checked. */
static Numeric
rate_numeric_arg(FunctionCallInfo fcinfo)
{
	Numeric		rate = PG_GETARG_NUMERIC(0);

	if (numeric_is_nan(rate) || numeric_rate_cmp(rate, 0) < 0 ||
		numeric_rate_cmp(rate, 100) > 0)
		report_rate_out_of_range(DatumGetCString(DirectFunctionCall1(numeric_out,
																	 NumericGetDatum(rate))));
	return rate;
}

/*
 * The tier of a bare hard-bounce rate given in percent, as a double.
 */
PG_FUNCTION_INFO_V1(bounce_rate_tier_float8);
Datum
bounce_rate_tier_float8(PG_FUNCTION_ARGS)
{
	double		rate = rate_float8_arg(fcinfo);

	return tier_datum(fcinfo, bn_tier(bn_rate_cmp_double, &rate));
}

/*
 * The tier of a bare hard-bounce rate given in percent, as a numeric.
 */
PG_FUNCTION_INFO_V1(bounce_rate_tier_numeric);
Datum
bounce_rate_tier_numeric(PG_FUNCTION_ARGS)
{
	Numeric		rate = rate_numeric_arg(fcinfo);

	return tier_datum(fcinfo, bn_tier(numeric_rate_cmp, rate));
}

/*
 * The account health of a bare hard-bounce rate, as a double.
 */
PG_FUNCTION_INFO_V1(bounce_rate_health_float8);
Datum
bounce_rate_health_float8(PG_FUNCTION_ARGS)
{
	double		rate = rate_float8_arg(fcinfo);

	return health_datum(fcinfo, bn_health(bn_rate_cmp_double, &rate));
}

/*
 * The account health of a bare hard-bounce rate, as a numeric.
 */
PG_FUNCTION_INFO_V1(bounce_rate_health_numeric);
Datum
bounce_rate_health_numeric(PG_FUNCTION_ARGS)
{
	Numeric		rate = rate_numeric_arg(fcinfo);

	return health_datum(fcinfo, bn_health(numeric_rate_cmp, rate));
}

/* ==================== SPIKES ==================== */

/* The kind a spike is tested on: NULL means every bouncing kind. */
static BnKind
spike_kind_arg(FunctionCallInfo fcinfo, int argno)
{
	return PG_ARGISNULL(argno) ? BN_KIND_NONE : bounce_kind_arg(fcinfo, argno);
}

/*
 * bounce.spike_z(current, baseline, kind): the z score of current's rate
 * against baseline's; NULL when either sent nothing.
 */
PG_FUNCTION_INFO_V1(bounce_tally_spike_z);
Datum
bounce_tally_spike_z(PG_FUNCTION_ARGS)
{
	BnKind		kind;
	double		diff,
				variance;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	kind = spike_kind_arg(fcinfo, 2);
	if (!bn_tally_spike_terms(PG_GETARG_TALLY_P(0), PG_GETARG_TALLY_P(1), kind,
							  &diff, &variance))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(variance > 0.0 ? diff / sqrt(variance) : 0.0);
}

/*
 * bounce.spike(current, baseline, kind, min_sent, z): whether current's
 * rate is significantly above baseline's; NULL when either side sent fewer
 * than min_sent messages.
 */
PG_FUNCTION_INFO_V1(bounce_tally_spike);
Datum
bounce_tally_spike(PG_FUNCTION_ARGS)
{
	BnKind		kind;
	int64		min_sent;
	double		threshold;
	bool		spike;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(3) || PG_ARGISNULL(4))
		PG_RETURN_NULL();
	kind = spike_kind_arg(fcinfo, 2);
	min_sent = PG_GETARG_INT64(3);
	threshold = PG_GETARG_FLOAT8(4);
	if (min_sent < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("min_sent must not be negative")));
	if (isnan(threshold))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("z must be a number")));
	if (!bn_tally_spike(PG_GETARG_TALLY_P(0), PG_GETARG_TALLY_P(1), kind,
						min_sent, threshold, &spike))
		PG_RETURN_NULL();
	PG_RETURN_BOOL(spike);
}
