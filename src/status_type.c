/*
 * status_type.c
 *		The SQL type bounce.smtp_status: an RFC 3463 enhanced status code
 *		packed into an int4 (see src/core/status.h).
 *
 * Only input, output, binary I/O, accessors and describe() are C; the
 * comparison operators and the btree and hash operator classes are bound to
 * the built-in int4 functions in the install script, as contrib/isn does.
 */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "bounce.h"

#define DatumGetSmtpStatus(d) ((BnStatus) DatumGetInt32(d))
#define SmtpStatusGetDatum(s) Int32GetDatum((int32) (s))

/*
 * Why a text is not a status, as an errdetail sentence.
 */
static const char *
status_error_detail(BnStatusError err)
{
	switch (err)
	{
		case BN_STATUS_EMPTY:
			return "The value is empty.";
		case BN_STATUS_BAD_CLASS:
			return "The class (first part) must be 2, 4 or 5.";
		case BN_STATUS_MISSING_PART:
			return "A status code has three parts separated by dots.";
		case BN_STATUS_BAD_CHARACTER:
			return "Only digits and two dots are allowed.";
		case BN_STATUS_OUT_OF_RANGE:
			return "The subject and detail must be between 0 and 999.";
		case BN_STATUS_OK:
			break;
	}
	return NULL;
}

/*
 * Parse a status or raise 22P02, naming the type and the value.
 */
static BnStatus
parse_status_or_error(const char *str, size_t len)
{
	BnStatus	st;
	BnStatusError err = bn_status_parse(str, len, &st);

	if (err != BN_STATUS_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type bounce.smtp_status: \"%s\"",
						pnstrdup(str, len)),
				 errdetail("%s", status_error_detail(err)),
				 errhint("Use the form class.subject.detail, for example 5.1.1 or 4.7.0.")));
	return st;
}

PG_FUNCTION_INFO_V1(bounce_smtp_status_in);

/*
 * Text to smtp_status.
 */
Datum
bounce_smtp_status_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);

	PG_RETURN_DATUM(SmtpStatusGetDatum(parse_status_or_error(str, strlen(str))));
}

PG_FUNCTION_INFO_V1(bounce_smtp_status_out);

/*
 * smtp_status to text.
 */
Datum
bounce_smtp_status_out(PG_FUNCTION_ARGS)
{
	BnStatus	st = DatumGetSmtpStatus(PG_GETARG_DATUM(0));
	char	   *buf = palloc(BN_STATUS_BUFSIZE);

	bn_status_format(st, buf);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(bounce_smtp_status_recv);

/*
 * Binary input: the packed int4, checked like text input.
 */
Datum
bounce_smtp_status_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	BnStatus	st = (BnStatus) pq_getmsgint(buf, 4);

	if (!bn_status_valid(st))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external value for type bounce.smtp_status: %d", st),
				 errdetail("The binary form is class * 1000000 + subject * 1000 + detail, with class 2, 4 or 5.")));
	PG_RETURN_DATUM(SmtpStatusGetDatum(st));
}

PG_FUNCTION_INFO_V1(bounce_smtp_status_send);

/*
 * Binary output: the packed int4.
 */
Datum
bounce_smtp_status_send(PG_FUNCTION_ARGS)
{
	BnStatus	st = DatumGetSmtpStatus(PG_GETARG_DATUM(0));
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, (uint32) st);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(bounce_smtp_status_class);

/*
 * The class: 2 success, 4 transient failure, 5 permanent failure.
 */
Datum
bounce_smtp_status_class(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(bn_status_class(DatumGetSmtpStatus(PG_GETARG_DATUM(0))));
}

PG_FUNCTION_INFO_V1(bounce_smtp_status_subject);

/*
 * The subject: what the status is about (1 addressing, 2 mailbox, ...).
 */
Datum
bounce_smtp_status_subject(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(bn_status_subject(DatumGetSmtpStatus(PG_GETARG_DATUM(0))));
}

PG_FUNCTION_INFO_V1(bounce_smtp_status_detail);

/*
 * The detail within the subject.
 */
Datum
bounce_smtp_status_detail(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(bn_status_detail(DatumGetSmtpStatus(PG_GETARG_DATUM(0))));
}

PG_FUNCTION_INFO_V1(bounce_smtp_status_describe);

/*
 * The registry's meaning of the code; for a code the registry does not
 * list, the meaning of its subject, marked as such.
 */
Datum
bounce_smtp_status_describe(PG_FUNCTION_ARGS)
{
	BnStatus	st = DatumGetSmtpStatus(PG_GETARG_DATUM(0));
	bool		registered;
	const char *meaning = bn_status_describe(st, &registered);

	if (registered)
		PG_RETURN_TEXT_P(cstring_to_text(meaning));
	PG_RETURN_TEXT_P(cstring_to_text(psprintf("%s (detail not in the registry)",
											  meaning)));
}
