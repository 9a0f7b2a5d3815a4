/*
 * tally.c
 *		The bounce.tally type: its I/O, its construction, its aggregates
 *		and equality (SPEC section 6).
 *
 * The type is a BnTallyStored (src/core/tally.h): 1.0's 40 bytes, passed
 * by reference, holding sent and bounced by kind in 1.0's layout, or also
 * deliveries and complaints in the packed layout of 1.1.  Functions load it
 * into a BnTally and store the result.  Every aggregate has bounce.tally
 * itself as its state, so partial states cross parallel workers and Citus
 * nodes through the type's own I/O; the transition functions update that
 * state in place when called by an aggregate, so counting a row allocates
 * nothing.  Rates, tiers, health and spikes computed from a tally are in
 * tally_rates.c, complaint rates and tiers in tally_complaints.c.
 */
#include "bounce.h"
#include "tally_type.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/numeric.h"

StaticAssertDecl(sizeof(BnTallyStored) == 40,
				 "bounce.tally is declared with INTERNALLENGTH = 40");

/*
 * Version byte leading the binary form.  1 (1.0): sent, hard, soft, block,
 * undetermined as int8.  2 (1.1): the same, then delivered and complaints.
 * Both are read; bounce.tally_send writes 2 once the extension is updated
 * to 1.1, and 1 before (1.0's SQL names the old entry point).
 */
#define TALLY_BINARY_V1 1
#define TALLY_BINARY_V2 2

/* The ranges of the counts: 1.0's layout, and the packed one. */
#define TALLY_RANGE_DETAIL "A count is at most 9223372036854775807; " \
	"with deliveries or complaints counted, at most 35184372088831."
StaticAssertDecl(BN_TALLY_PACKED_MAX == INT64CONST(35184372088831),
				 "TALLY_RANGE_DETAIL names the packed layout's largest count");

#define TALLY_HINT "A tally is written (sent=N,hard=N,soft=N,block=N,undetermined=N) " \
	"or (sent=N,hard=N,soft=N,block=N,undetermined=N,delivered=N,complaints=N), " \
	"with each N a whole number from 0 up, and no more bounces, deliveries or complaints than messages sent."

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
		case BN_TALLY_TOO_MANY_DELIVERED:
		case BN_TALLY_TOO_MANY_COMPLAINTS:
			errsave(escontext,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							TALLY_TYPE_NAME, str),
					 errdetail("The %s outnumber the messages sent; each is about a message sent.",
							   err->code == BN_TALLY_TOO_MANY_DELIVERED ? "deliveries" : "complaints"),
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
tally_check_counters(const BnTally *t, int sqlstate)
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
		case BN_TALLY_TOO_MANY_DELIVERED:
			ereport(ERROR,
					(errcode(sqlstate),
					 errmsg("invalid value for type %s", TALLY_TYPE_NAME),
					 errdetail("The deliveries (" INT64_FORMAT ") outnumber the messages sent (" INT64_FORMAT "); each is a message sent.",
							   t->delivered, t->sent)));
			break;
		case BN_TALLY_TOO_MANY_COMPLAINTS:
			ereport(ERROR,
					(errcode(sqlstate),
					 errmsg("invalid value for type %s", TALLY_TYPE_NAME),
					 errdetail("The complaints (" INT64_FORMAT ") outnumber the messages sent (" INT64_FORMAT "); each is about a message sent.",
							   t->complaints, t->sent)));
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
tally_report_overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s out of range", TALLY_TYPE_NAME),
			 errdetail(TALLY_RANGE_DETAIL)));
}

/* The stored form of a valid tally, in newly allocated memory. */
Datum
tally_datum(const BnTally *t)
{
	BnTallyStored *s = palloc(sizeof(BnTallyStored));

	if (!bn_tally_store(t, s))
		tally_report_overflow();
	return PointerGetDatum(s);
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

/* ==================== INPUT AND OUTPUT ==================== */

/*
 * Text input: either form the output writes (1.0's, or with deliveries and
 * complaints).
 */
PG_FUNCTION_INFO_V1(bounce_tally_in);
Datum
bounce_tally_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	BnTally		t;
	BnTallyParseError err;

	BnTallyStored *s = palloc(sizeof(BnTallyStored));

	if (!bn_tally_parse(str, &t, &err))
	{
		report_bad_text(fcinfo, str, &err);
		PG_RETURN_NULL();
	}
	if (!bn_tally_store(&t, s))
	{
		errsave(fcinfo->context,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("value \"%s\" is out of range for type %s",
						str, TALLY_TYPE_NAME),
				 errdetail("With deliveries or complaints counted, a count is at most 35184372088831.")));
		PG_RETURN_NULL();
	}
	PG_RETURN_POINTER(s);
}

/*
 * Text output: (sent=N,hard=N,soft=N,block=N,undetermined=N), with
 * ",delivered=N,complaints=N" when either is non-zero.
 */
PG_FUNCTION_INFO_V1(bounce_tally_out);
Datum
bounce_tally_out(PG_FUNCTION_ARGS)
{
	BnTally		t;
	char	   *buf = palloc(BN_TALLY_BUFSIZE);

	tally_arg(fcinfo, 0, &t);
	bn_tally_format(&t, buf);
	PG_RETURN_CSTRING(buf);
}

/*
 * Binary input: a version byte, then the counters as int8: five (version
 * 1, 1.0's) or seven (version 2).
 */
PG_FUNCTION_INFO_V1(bounce_tally_recv);
Datum
bounce_tally_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	BnTally		t;
	int			version = pq_getmsgbyte(buf);

	if (version != TALLY_BINARY_V1 && version != TALLY_BINARY_V2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported binary format version %d for type %s",
						version, TALLY_TYPE_NAME),
				 errdetail("This version of bounce reads versions %d and %d.",
						   TALLY_BINARY_V1, TALLY_BINARY_V2)));
	bn_tally_zero(&t);
	t.sent = pq_getmsgint64(buf);
	for (int k = 0; k < BN_TALLY_KINDS; k++)
		t.bounced[k] = pq_getmsgint64(buf);
	if (version == TALLY_BINARY_V2)
	{
		t.delivered = pq_getmsgint64(buf);
		t.complaints = pq_getmsgint64(buf);
	}
	tally_check_counters(&t, ERRCODE_INVALID_BINARY_REPRESENTATION);
	return tally_datum(&t);
}

/* The binary form, in format version 1 or 2. */
static bytea *
tally_send(const BnTally *t, int version)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, version);
	pq_sendint64(&buf, t->sent);
	for (int k = 0; k < BN_TALLY_KINDS; k++)
		pq_sendint64(&buf, t->bounced[k]);
	if (version == TALLY_BINARY_V2)
	{
		pq_sendint64(&buf, t->delivered);
		pq_sendint64(&buf, t->complaints);
	}
	return pq_endtypsend(&buf);
}

/*
 * Binary output in 1.0's format version 1: 1.0's SQL names this entry
 * point, so a database not yet updated to 1.1 keeps sending what its
 * clients read.  Such a database has no way to count deliveries or
 * complaints but text input; a tally with them is refused, not truncated.
 */
PG_FUNCTION_INFO_V1(bounce_tally_send);
Datum
bounce_tally_send(PG_FUNCTION_ARGS)
{
	BnTally		t;

	tally_arg(fcinfo, 0, &t);
	if (t.delivered != 0 || t.complaints != 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("binary format version %d of type %s cannot hold deliveries or complaints",
						TALLY_BINARY_V1, TALLY_TYPE_NAME),
				 errhint("Update the extension: ALTER EXTENSION bounce UPDATE.")));
	PG_RETURN_BYTEA_P(tally_send(&t, TALLY_BINARY_V1));
}

/*
 * Binary output in format version 2, bounce.tally_send from 1.1 on.
 */
PG_FUNCTION_INFO_V1(bounce_tally_send_v2);
Datum
bounce_tally_send_v2(PG_FUNCTION_ARGS)
{
	BnTally		t;

	tally_arg(fcinfo, 0, &t);
	PG_RETURN_BYTEA_P(tally_send(&t, TALLY_BINARY_V2));
}

/*
 * A tally from counts already made: bounce.tally(sent, hard, soft, block,
 * undetermined), and from 1.1 also delivered and complaints (7 arguments).
 */
PG_FUNCTION_INFO_V1(bounce_tally_make);
Datum
bounce_tally_make(PG_FUNCTION_ARGS)
{
	BnTally		t;

	bn_tally_zero(&t);
	t.sent = PG_GETARG_INT64(0);
	for (int k = 0; k < BN_TALLY_KINDS; k++)
		t.bounced[k] = PG_GETARG_INT64(k + 1);
	if (PG_NARGS() >= BN_TALLY_KINDS + 3)
	{
		t.delivered = PG_GETARG_INT64(BN_TALLY_KINDS + 1);
		t.complaints = PG_GETARG_INT64(BN_TALLY_KINDS + 2);
	}
	tally_check_counters(&t, ERRCODE_INVALID_PARAMETER_VALUE);
	return tally_datum(&t);
}

/* ==================== ARITHMETIC AND AGGREGATES ==================== */

/*
 * The state to update: the aggregate's own, in place, or a copy of it when
 * called outside an aggregate (the argument must then stay unchanged).
 */
static BnTallyStored *
tally_state_arg(FunctionCallInfo fcinfo)
{
	BnTallyStored *s;

	if (PG_ARGISNULL(0))
	{
		BnTally		zero;

		bn_tally_zero(&zero);
		s = palloc(sizeof(BnTallyStored));
		bn_tally_store(&zero, s);
	}
	else if (AggCheckCallContext(fcinfo, NULL))
		s = PG_GETARG_TALLY_STORED_P(0);
	else
	{
		s = palloc(sizeof(BnTallyStored));
		memcpy(s, PG_GETARG_TALLY_STORED_P(0), sizeof(BnTallyStored));
	}
	return s;
}

/*
 * One message sent, with the outcome of argument 1: the state of argument
 * 0 updated in place inside an aggregate, or a copy of it.
 */
static inline Datum
count_message(FunctionCallInfo fcinfo, bool delivered, bool complained)
{
	CountSite  *site = count_site(fcinfo);
	BnTallyStored *s;
	BnKind		kind;

	if (likely(site->in_aggregate && !PG_ARGISNULL(0)))
		s = PG_GETARG_TALLY_STORED_P(0);
	else
		s = tally_state_arg(fcinfo);
	kind = PG_ARGISNULL(1) ? BN_KIND_NONE : site_kind(site, PG_GETARG_OID(1));
	if (unlikely(!bn_tally_stored_count(s, kind, delivered, complained)))
		tally_report_overflow();
	PG_RETURN_POINTER(s);
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
	return count_message(fcinfo, false, false);
}

/*
 * Transition function of bounce.tally(bounce.kind, boolean, boolean): one
 * message sent, with its outcome, whether it is known delivered and whether
 * its recipient complained.  Not strict: NULL is a message that did not
 * bounce, is not known delivered, drew no complaint.
 */
PG_FUNCTION_INFO_V1(bounce_tally_count_message);
Datum
bounce_tally_count_message(PG_FUNCTION_ARGS)
{
	return count_message(fcinfo,
						 !PG_ARGISNULL(2) && PG_GETARG_BOOL(2),
						 !PG_ARGISNULL(3) && PG_GETARG_BOOL(3));
}

/*
 * a + b: the + operator, the transition function of bounce.tally(bounce.tally)
 * and the combine function of every tally aggregate.
 */
PG_FUNCTION_INFO_V1(bounce_tally_add);
Datum
bounce_tally_add(PG_FUNCTION_ARGS)
{
	BnTallyStored *s = tally_state_arg(fcinfo);
	BnTally		a,
				b;

	bn_tally_load(s, &a);
	tally_arg(fcinfo, 1, &b);
	if (!bn_tally_add(&a, &b) || !bn_tally_store(&a, s))
		tally_report_overflow();
	PG_RETURN_POINTER(s);
}

/* a = b: every counter equal (one layout per value: equal bytes). */
PG_FUNCTION_INFO_V1(bounce_tally_eq);
Datum
bounce_tally_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_TALLY_STORED_P(0), PG_GETARG_TALLY_STORED_P(1),
						  sizeof(BnTallyStored)) == 0);
}

/* a <> b: some counter differs. */
PG_FUNCTION_INFO_V1(bounce_tally_ne);
Datum
bounce_tally_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_TALLY_STORED_P(0), PG_GETARG_TALLY_STORED_P(1),
						  sizeof(BnTallyStored)) != 0);
}
