/*
 * tally_complaints.c
 *		Deliveries and complaints of a bounce.tally: counts, the complaint
 *		rate and its tier (SPEC section 6), new in 1.1.
 *
 * A complaint is not a bounce: it counts in its own rate, complaints over
 * deliveries, or over messages sent when the tally counts no delivery.  The
 * tiers are the mailbox providers' published thresholds, compared exactly
 * in the core (src/core/tally.c).
 */
#include "bounce.h"
#include "tally_type.h"

#include "utils/builtins.h"

/* A complaint tier as a bounce.complaint_tier value. */
static Datum
complaint_tier_datum(FunctionCallInfo fcinfo, BnComplaintTier tier)
{
	return ObjectIdGetDatum(tally_enum_label(fcinfo, "complaint_tier",
											 bn_complaint_tier_names,
											 BN_COMPLAINT_TIER_COUNT, tier));
}

/* Messages known delivered; 0 when the tally counts no delivery. */
PG_FUNCTION_INFO_V1(bounce_tally_delivered);
Datum
bounce_tally_delivered(PG_FUNCTION_ARGS)
{
	BnTally		t;

	tally_arg(fcinfo, 0, &t);
	PG_RETURN_INT64(t.delivered);
}

/* Complaints. */
PG_FUNCTION_INFO_V1(bounce_tally_complaints);
Datum
bounce_tally_complaints(PG_FUNCTION_ARGS)
{
	BnTally		t;

	tally_arg(fcinfo, 0, &t);
	PG_RETURN_INT64(t.complaints);
}

/*
 * The complaint rate in percent: complaints * 100 / delivered, or / sent
 * when no delivery is counted; NULL when nothing was sent.
 */
PG_FUNCTION_INFO_V1(bounce_tally_complaint_rate);
Datum
bounce_tally_complaint_rate(PG_FUNCTION_ARGS)
{
	BnTally		t;
	double		rate;

	tally_arg(fcinfo, 0, &t);
	if (!bn_tally_complaint_rate(&t, &rate))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(rate);
}

/* The tier of a tally's complaint rate, exactly; NULL when nothing sent. */
PG_FUNCTION_INFO_V1(bounce_tally_complaint_tier);
Datum
bounce_tally_complaint_tier(PG_FUNCTION_ARGS)
{
	BnTally		t;
	BnComplaintTier tier;

	tally_arg(fcinfo, 0, &t);
	if (!bn_tally_complaint_tier(&t, &tier))
		PG_RETURN_NULL();
	return complaint_tier_datum(fcinfo, tier);
}

/* The tier of a bare complaint rate in percent, as a double. */
PG_FUNCTION_INFO_V1(bounce_complaint_tier_float8);
Datum
bounce_complaint_tier_float8(PG_FUNCTION_ARGS)
{
	double		rate = tally_rate_float8_arg(fcinfo, "complaint rate");

	return complaint_tier_datum(fcinfo, bn_complaint_tier(bn_tenths_cmp_double, &rate));
}

/* Compare a numeric rate in percent with tenths / 10 %. */
static int
numeric_tenths_cmp(const void *arg, int tenths)
{
	Numeric		bound = int64_div_fast_to_numeric(tenths, 1);

	return DatumGetInt32(DirectFunctionCall2(numeric_cmp,
											 NumericGetDatum((Numeric) arg),
											 NumericGetDatum(bound)));
}

/* The tier of a bare complaint rate in percent, as a numeric, exactly. */
PG_FUNCTION_INFO_V1(bounce_complaint_tier_numeric);
Datum
bounce_complaint_tier_numeric(PG_FUNCTION_ARGS)
{
	Numeric		rate = tally_rate_numeric_arg(fcinfo, "complaint rate");

	return complaint_tier_datum(fcinfo, bn_complaint_tier(numeric_tenths_cmp, rate));
}
