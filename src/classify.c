/*
 * classify.c
 *		SQL entry points of the classifier.
 *
 * Every classifier function takes the same leading arguments
 *		(diagnostic text, reply_code int, status bounce.smtp_status,
 *		 command text, remote text)
 * and the rule-aware ones a trailing tenant text.  They are not STRICT: a
 * NULL diagnostic with a code given is a normal bounce.  When the
 * diagnostic, the reply code and the status are all NULL there is nothing
 * to classify (a "sent" or "open" row of an events table) and the result
 * is NULL; an empty diagnostic is a bounce without detail ("undefined").
 *
 * The text is read in place (detoasted only), the result row's TupleDesc
 * is blessed once per call site and kept in fn_extra, and the enum OIDs
 * come from enums.c's per-session cache: the scalar functions cost little
 * more than the core's scan of the text.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "bounce.h"
#include "tenancy.h"

/* Argument positions shared by every classifier function. */
#define ARG_DIAGNOSTIC	0
#define ARG_REPLY_CODE	1
#define ARG_STATUS		2
#define ARG_COMMAND		3
#define ARG_REMOTE		4
#define ARG_TENANT		5

/* Point at a text argument's bytes without copying; false when NULL. */
static inline bool
text_arg(FunctionCallInfo fcinfo, int argno, const char **s, size_t *len)
{
	text	   *t;

	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
	{
		*s = NULL;
		*len = 0;
		return false;
	}
	t = PG_GETARG_TEXT_PP(argno);
	*s = VARDATA_ANY(t);
	*len = VARSIZE_ANY_EXHDR(t);
	return true;
}

/*
 * Read the classifier arguments into in.  Returns false when there is
 * nothing to classify (no diagnostic, no reply code and no status).
 */
static bool
read_input(FunctionCallInfo fcinfo, BnInput *in)
{
	bool		have;

	have = text_arg(fcinfo, ARG_DIAGNOSTIC, &in->text, &in->text_len);

	in->reply_code = 0;
	if (PG_NARGS() > ARG_REPLY_CODE && !PG_ARGISNULL(ARG_REPLY_CODE))
	{
		int32		code = PG_GETARG_INT32(ARG_REPLY_CODE);

		if (!bn_reply_code_valid(code))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid SMTP reply code %d", code),
					 errdetail("A reply code is a number from 200 to 599 whose first digit is 2, 4 or 5."),
					 errhint("Pass NULL when the reply code is not known.")));
		in->reply_code = code;
		have = true;
	}

	in->status = BN_STATUS_NONE;
	if (PG_NARGS() > ARG_STATUS && !PG_ARGISNULL(ARG_STATUS))
	{
		BnStatus	st = PG_GETARG_INT32(ARG_STATUS);

		if (st != BN_STATUS_NONE && !bn_status_valid(st))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid enhanced status code %d", (int) st)));
		in->status = st;
		have = true;
	}

	text_arg(fcinfo, ARG_COMMAND, &in->command, &in->command_len);
	text_arg(fcinfo, ARG_REMOTE, &in->remote, &in->remote_len);
	return have;
}

/* The tenant argument as a C string, or NULL for every tenant. */
static const char *
tenant_arg(FunctionCallInfo fcinfo)
{
	char	   *tenant;

	if (PG_NARGS() <= ARG_TENANT || PG_ARGISNULL(ARG_TENANT))
		return NULL;
	tenant = text_to_cstring(PG_GETARG_TEXT_PP(ARG_TENANT));
	tenant_require_rules(tenant);
	return tenant;
}

/* The blessed TupleDesc of the function's row result, cached in fn_extra. */
static TupleDesc
result_desc(FunctionCallInfo fcinfo)
{
	TupleDesc	desc = (TupleDesc) fcinfo->flinfo->fn_extra;

	if (desc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		desc = BlessTupleDesc(desc);
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = desc;
	}
	return desc;
}

/* Fill the four columns of bounce.verdict from v. */
static void
verdict_values(const BnVerdict *v, Datum *values, bool *nulls)
{
	values[0] = ObjectIdGetDatum(bounce_reason_oid(v->reason));
	nulls[0] = false;
	values[1] = ObjectIdGetDatum(bounce_kind_oid(v->kind));
	nulls[1] = false;
	values[2] = Int32GetDatum(v->status);
	nulls[2] = (v->status == BN_STATUS_NONE);
	values[3] = Int32GetDatum(v->reply_code);
	nulls[3] = (v->reply_code == 0);
}

/* A bounce.verdict datum. */
static Datum
verdict_datum(FunctionCallInfo fcinfo, const BnVerdict *v)
{
	TupleDesc	desc = result_desc(fcinfo);
	Datum		values[4];
	bool		nulls[4];

	verdict_values(v, values, nulls);
	return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

PG_FUNCTION_INFO_V1(bounce_classify_builtin);

/* bounce.classify_builtin(...): the built-in verdict, no sender rules. */
Datum
bounce_classify_builtin(PG_FUNCTION_ARGS)
{
	BnInput		in;
	BnVerdict	v;

	if (!read_input(fcinfo, &in))
		PG_RETURN_NULL();
	bn_classify(&in, &v);
	PG_RETURN_DATUM(verdict_datum(fcinfo, &v));
}

PG_FUNCTION_INFO_V1(bounce_reason_builtin);

/* bounce.reason_builtin(...): the built-in reason alone. */
Datum
bounce_reason_builtin(PG_FUNCTION_ARGS)
{
	BnInput		in;
	BnVerdict	v;

	if (!read_input(fcinfo, &in))
		PG_RETURN_NULL();
	bn_classify(&in, &v);
	PG_RETURN_OID(bounce_reason_oid(v.reason));
}

PG_FUNCTION_INFO_V1(bounce_kind_builtin);

/* bounce.kind_builtin(...): the built-in default kind alone. */
Datum
bounce_kind_builtin(PG_FUNCTION_ARGS)
{
	BnInput		in;
	BnVerdict	v;

	if (!read_input(fcinfo, &in))
		PG_RETURN_NULL();
	bn_classify(&in, &v);
	PG_RETURN_OID(bounce_kind_oid(v.kind));
}

PG_FUNCTION_INFO_V1(bounce_classify);

/* bounce.classify(...): the verdict after the sender's rules and map. */
Datum
bounce_classify(PG_FUNCTION_ARGS)
{
	BnInput		in;
	BnVerdict	v;

	if (!read_input(fcinfo, &in))
		PG_RETURN_NULL();
	bounce_classify_with_rules(&in, tenant_arg(fcinfo), &v);
	PG_RETURN_DATUM(verdict_datum(fcinfo, &v));
}

PG_FUNCTION_INFO_V1(bounce_reason_for);

/* bounce.reason_for(...): the reason after the sender's rules. */
Datum
bounce_reason_for(PG_FUNCTION_ARGS)
{
	BnInput		in;
	BnVerdict	v;

	if (!read_input(fcinfo, &in))
		PG_RETURN_NULL();
	bounce_classify_with_rules(&in, tenant_arg(fcinfo), &v);
	PG_RETURN_OID(bounce_reason_oid(v.reason));
}

PG_FUNCTION_INFO_V1(bounce_kind_for);

/* bounce.kind_for(...): the kind after the sender's rules and map. */
Datum
bounce_kind_for(PG_FUNCTION_ARGS)
{
	BnInput		in;
	BnVerdict	v;

	if (!read_input(fcinfo, &in))
		PG_RETURN_NULL();
	bounce_classify_with_rules(&in, tenant_arg(fcinfo), &v);
	PG_RETURN_OID(bounce_kind_oid(v.kind));
}

PG_FUNCTION_INFO_V1(bounce_explain);

/*
 * bounce.explain(...): the verdict of bounce.classify() with where it came
 * from: the provider seen in remote, the sender rule that set the reason
 * (NULL: the built-in classifier) and the source of the kind.
 */
Datum
bounce_explain(PG_FUNCTION_ARGS)
{
	BnInput		in;
	BnVerdict	v;
	int64		rule_id;
	const char *kind_source;
	TupleDesc	desc;
	Datum		values[7];
	bool		nulls[7];
	BnProvider	provider = BN_PROVIDER_UNKNOWN;

	if (!read_input(fcinfo, &in))
		PG_RETURN_NULL();
	bounce_classify_explained(&in, tenant_arg(fcinfo), &v, &rule_id,
							  &kind_source);
	if (in.remote != NULL)
		provider = bn_provider_of(in.remote, in.remote_len);

	desc = result_desc(fcinfo);
	verdict_values(&v, values, nulls);
	values[4] = CStringGetTextDatum(bn_provider_names[provider]);
	nulls[4] = (provider == BN_PROVIDER_UNKNOWN);
	values[5] = Int64GetDatum(rule_id);
	nulls[5] = (rule_id == 0);
	values[6] = CStringGetTextDatum(kind_source);
	nulls[6] = false;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

PG_FUNCTION_INFO_V1(bounce_text_status);

/* bounce.status_in(text): the first enhanced status code in a text. */
Datum
bounce_text_status(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	BnStatus	st = bn_status_find(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));

	if (st == BN_STATUS_NONE)
		PG_RETURN_NULL();
	PG_RETURN_INT32(st);
}

PG_FUNCTION_INFO_V1(bounce_text_reply_code);

/* bounce.reply_code_in(text): the first SMTP reply code in a text. */
Datum
bounce_text_reply_code(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int			code = bn_reply_code_find(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));

	if (code == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(code);
}

PG_FUNCTION_INFO_V1(bounce_is_provider);

/* bounce.is_provider(text): is this one of the known provider names? */
Datum
bounce_is_provider(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);

	/* Index 0 is "unknown", which no rule can name. */
	for (int i = 1; i < BN_PROVIDER_COUNT; i++)
	{
		if (strlen(bn_provider_names[i]) == len &&
			memcmp(bn_provider_names[i], s, len) == 0)
			PG_RETURN_BOOL(true);
	}
	PG_RETURN_BOOL(false);
}
