/*
 * message.c
 *		SQL entry point of the bounce message parser:
 *		bounce.parse_message(text) and bounce.parse_message(bytea).
 *
 * One row per recipient the core (src/core/bouncemsg.c) finds; zero rows
 * for a message that is not a bounce, a feedback report or an auto-reply.
 * The core works on the bytes in place (detoasted only) in a malloc'ed
 * arena that is freed here on every path, errors included; the rows are
 * built in the function's materialize context.  Strings come out of the
 * core as UTF-8 and are converted to the database encoding.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"

#include "bounce.h"
#include "core/bouncemsg.h"

#define NCOLS 14

/* A text datum from a NUL-terminated UTF-8 string; NULL stays NULL. */
static Datum
utf8_text(const char *s, bool *isnull)
{
	size_t		len;
	char	   *conv;

	if (s == NULL)
	{
		*isnull = true;
		return (Datum) 0;
	}
	*isnull = false;
	len = strlen(s);
	conv = pg_any_to_server(s, (int) len, PG_UTF8);
	return PointerGetDatum(cstring_to_text(conv));
}

static void
put_rows(FunctionCallInfo fcinfo, const BnMessage *m)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	for (int i = 0; i < m->n; i++)
	{
		const BnRecipient *r = &m->rcpts[i];
		Datum		values[NCOLS];
		bool		nulls[NCOLS];

		values[0] = utf8_text(r->recipient, &nulls[0]);
		values[1] = utf8_text(r->action, &nulls[1]);
		values[2] = Int32GetDatum(r->status);
		nulls[2] = r->status == BN_STATUS_NONE || !bn_status_valid(r->status);
		values[3] = Int32GetDatum(r->reply_code);
		nulls[3] = !bn_reply_code_valid(r->reply_code);
		values[4] = utf8_text(r->diagnostic, &nulls[4]);
		values[5] = utf8_text(r->remote, &nulls[5]);
		values[6] = utf8_text(r->command, &nulls[6]);
		nulls[7] = true;
		values[7] = (Datum) 0;
		if (r->has_time)
		{
			/* Unix seconds to PostgreSQL's microseconds since 2000 */
			int64		secs = r->time -
				((int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY);

			if (secs > PG_INT64_MIN / USECS_PER_SEC &&
				secs < PG_INT64_MAX / USECS_PER_SEC)
			{
				TimestampTz ts = secs * USECS_PER_SEC;

				if (IS_VALID_TIMESTAMP(ts))
				{
					values[7] = TimestampTzGetDatum(ts);
					nulls[7] = false;
				}
			}
		}
		values[8] = utf8_text(r->feedback_type, &nulls[8]);
		values[9] = utf8_text(r->message_id, &nulls[9]);
		values[10] = utf8_text(r->feedback_id, &nulls[10]);
		values[11] = ObjectIdGetDatum(bounce_reason_oid(r->reason));
		nulls[11] = false;
		values[12] = ObjectIdGetDatum(bounce_kind_oid(r->kind));
		nulls[12] = false;
		values[13] = utf8_text(m->format, &nulls[13]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

PG_FUNCTION_INFO_V1(bounce_parse_message);

/*
 * bounce.parse_message(message text | bytea): the recipients of a bounce,
 * feedback report or auto-reply, classified with the built-in rules.
 */
Datum
bounce_parse_message(PG_FUNCTION_ARGS)
{
	struct varlena *msg = PG_GETARG_VARLENA_PP(0);
	const char *data = VARDATA_ANY(msg);
	size_t		len = VARSIZE_ANY_EXHDR(msg);
	BnMessage	m;
	BnMsgResult res;

	InitMaterializedSRF(fcinfo, 0);

	res = bn_message_parse(data, len, &m);
	if (res != BN_MSG_OK)
	{
		bn_message_free(&m);
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory parsing a bounce message of %zu bytes", len),
				 errdetail("The parser may use up to %d bytes per byte of message plus %d MB.",
						   BN_MSG_ARENA_PER_BYTE, BN_MSG_ARENA_BASE / (1024 * 1024))));
	}
	PG_TRY();
	{
		put_rows(fcinfo, &m);
	}
	PG_FINALLY();
	{
		bn_message_free(&m);
	}
	PG_END_TRY();
	return (Datum) 0;
}
