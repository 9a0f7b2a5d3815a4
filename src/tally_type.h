/*
 * tally_type.h
 *		What tally.c (the bounce.tally type), tally_rates.c (bounce rates,
 *		tiers, health, spikes) and tally_complaints.c (complaint rates and
 *		tiers) share.
 */
#ifndef BOUNCE_TALLY_TYPE_H
#define BOUNCE_TALLY_TYPE_H

#include "postgres.h"

#include "core/tally.h"

#include "fmgr.h"
#include "utils/numeric.h"

#define TALLY_TYPE_NAME "bounce.tally"

#define DatumGetTallyStoredP(X)	((BnTallyStored *) DatumGetPointer(X))
#define PG_GETARG_TALLY_STORED_P(n)	DatumGetTallyStoredP(PG_GETARG_DATUM(n))

/* Argument n, a bounce.tally that is not NULL, loaded into *t. */
static inline void
tally_arg(FunctionCallInfo fcinfo, int n, BnTally *t)
{
	bn_tally_load(PG_GETARG_TALLY_STORED_P(n), t);
}

/* The stored form of a valid tally, newly allocated; errors when too big. */
extern Datum tally_datum(const BnTally *t);

/*
 * The OID of label `which` of enum bounce.<typname>, whose labels are
 * `labels`; looked up once per call site (fn_extra).
 */
extern Oid	tally_enum_label(FunctionCallInfo fcinfo, const char *typname,
							 const char *const *labels, int nlabels, int which);

/*
 * A bare rate argument in percent, checked to be from 0 to 100; `what`
 * names it in the error ("bounce rate", "complaint rate").
 */
extern double tally_rate_float8_arg(FunctionCallInfo fcinfo, const char *what);
extern Numeric tally_rate_numeric_arg(FunctionCallInfo fcinfo, const char *what);

#endif							/* BOUNCE_TALLY_TYPE_H */
