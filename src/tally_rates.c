/*
 * tally_rates.c
 *		What is computed from a bounce.tally (SPEC section 6): counts, bounce
 *		rates, tiers and account health, of a tally or of a bare rate, and
 *		spikes between two tallies.  The type itself, its I/O and its
 *		aggregates are in tally.c; complaint rates and tiers in
 *		tally_complaints.c.
 */
#include "bounce.h"
#include "tally_type.h"

#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/numeric.h"

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
Oid
tally_enum_label(FunctionCallInfo fcinfo, const char *typname,
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
	return ObjectIdGetDatum(tally_enum_label(fcinfo, "tier", bn_tier_names,
									   BN_TIER_COUNT, tier));
}

/* A health as a bounce.health value. */
static Datum
health_datum(FunctionCallInfo fcinfo, BnHealth health)
{
	return ObjectIdGetDatum(tally_enum_label(fcinfo, "health", bn_health_names,
									   BN_HEALTH_COUNT, health));
}

/* Argument n as a loaded tally in *buf; returns buf. */
static inline BnTally *
tally_arg_p(FunctionCallInfo fcinfo, int n, BnTally *buf)
{
	tally_arg(fcinfo, n, buf);
	return buf;
}

/* ==================== COUNTS AND RATES ==================== */

/* Messages sent. */
PG_FUNCTION_INFO_V1(bounce_tally_sent);
Datum
bounce_tally_sent(PG_FUNCTION_ARGS)
{
	BnTally		t;

	PG_RETURN_INT64(tally_arg_p(fcinfo, 0, &t)->sent);
}

/* Messages bounced, of every kind. */
PG_FUNCTION_INFO_V1(bounce_tally_bounced);
Datum
bounce_tally_bounced(PG_FUNCTION_ARGS)
{
	BnTally		t;

	PG_RETURN_INT64(bn_tally_bounced(tally_arg_p(fcinfo, 0, &t)));
}

/* Messages bounced of one kind. */
PG_FUNCTION_INFO_V1(bounce_tally_bounced_kind);
Datum
bounce_tally_bounced_kind(PG_FUNCTION_ARGS)
{
	BnTally		t;

	tally_arg(fcinfo, 0, &t);
	PG_RETURN_INT64(t.bounced[bounce_kind_arg(fcinfo, 1)]);
}

/*
 * The total bounce rate in percent; NULL when nothing was sent.
 */
PG_FUNCTION_INFO_V1(bounce_tally_rate);
Datum
bounce_tally_rate(PG_FUNCTION_ARGS)
{
	BnTally		t0;
	double		rate;

	if (!bn_tally_rate(tally_arg_p(fcinfo, 0, &t0), &rate))
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
	BnTally		t0;
	BnKind		kind = bounce_kind_arg(fcinfo, 1);
	double		rate;

	if (!bn_tally_kind_rate(tally_arg_p(fcinfo, 0, &t0), kind, &rate))
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
	BnTally		t0;
	BnTier		tier;

	if (!bn_tally_tier(tally_arg_p(fcinfo, 0, &t0), &tier))
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
	BnTally		t0;
	BnHealth	health;

	if (!bn_tally_health(tally_arg_p(fcinfo, 0, &t0), &health))
		PG_RETURN_NULL();
	return health_datum(fcinfo, health);
}

/* A bare rate that is not a percentage. */
static void
report_rate_out_of_range(const char *what, const char *rate)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s %s is out of range", what, rate),
			 errdetail("A %s is a percentage from 0 to 100.", what)));
}

/* The double precision rate argument, checked. */
double
tally_rate_float8_arg(FunctionCallInfo fcinfo, const char *what)
{
	double		rate = PG_GETARG_FLOAT8(0);

	if (isnan(rate) || rate < 0.0 || rate > 100.0)
		report_rate_out_of_range(what, float8out_internal(rate));
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
Numeric
tally_rate_numeric_arg(FunctionCallInfo fcinfo, const char *what)
{
	Numeric		rate = PG_GETARG_NUMERIC(0);

	if (numeric_is_nan(rate) || numeric_rate_cmp(rate, 0) < 0 ||
		numeric_rate_cmp(rate, 100) > 0)
		report_rate_out_of_range(what, DatumGetCString(DirectFunctionCall1(numeric_out,
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
	double		rate = tally_rate_float8_arg(fcinfo, "bounce rate");

	return tier_datum(fcinfo, bn_tier(bn_rate_cmp_double, &rate));
}

/*
 * The tier of a bare hard-bounce rate given in percent, as a numeric.
 */
PG_FUNCTION_INFO_V1(bounce_rate_tier_numeric);
Datum
bounce_rate_tier_numeric(PG_FUNCTION_ARGS)
{
	Numeric		rate = tally_rate_numeric_arg(fcinfo, "bounce rate");

	return tier_datum(fcinfo, bn_tier(numeric_rate_cmp, rate));
}

/*
 * The account health of a bare hard-bounce rate, as a double.
 */
PG_FUNCTION_INFO_V1(bounce_rate_health_float8);
Datum
bounce_rate_health_float8(PG_FUNCTION_ARGS)
{
	double		rate = tally_rate_float8_arg(fcinfo, "bounce rate");

	return health_datum(fcinfo, bn_health(bn_rate_cmp_double, &rate));
}

/*
 * The account health of a bare hard-bounce rate, as a numeric.
 */
PG_FUNCTION_INFO_V1(bounce_rate_health_numeric);
Datum
bounce_rate_health_numeric(PG_FUNCTION_ARGS)
{
	Numeric		rate = tally_rate_numeric_arg(fcinfo, "bounce rate");

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
	BnTally		t0;
	BnTally		t1;
	BnKind		kind;
	double		diff,
				variance;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	kind = spike_kind_arg(fcinfo, 2);
	if (!bn_tally_spike_terms(tally_arg_p(fcinfo, 0, &t0), tally_arg_p(fcinfo, 1, &t1), kind,
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
	BnTally		t0;
	BnTally		t1;
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
	if (!bn_tally_spike(tally_arg_p(fcinfo, 0, &t0), tally_arg_p(fcinfo, 1, &t1), kind,
						min_sent, threshold, &spike))
		PG_RETURN_NULL();
	PG_RETURN_BOOL(spike);
}
