/*
 * guards_invalid.c
 *		The invalid-address list (SPEC section 4): addresses that are no
 *		RFC 5321 mailbox, or sit on a typo domain, seen in events or noted
 *		by hand.
 *
 * bounce_note_invalid() is what the address-state trigger calls for each
 * address it is about to track: for a valid address it costs the syntax
 * and typo check of src/core/mailbox.c and nothing else.  An invalid one
 * is recorded once on bounce.invalid_address, with the suggested
 * correction, and put on bounce.suppression with reason invalid (not
 * derived: the events do not decide it, so bounce.rebuild() leaves it),
 * so that bounce.sendable() and bounce.refuse_suppressed() know it.
 * Later sightings cost one index probe of bounce.invalid_address.
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/timestamp.h"

#include "core/mailbox.h"
#include "core/problem.h"
#include "core/typo.h"
#include "addrkey.h"
#include "citus.h"
#include "guards.h"
#include "tenancy.h"
#include "track.h"

/* The inserts, prepared once. */
static SPIPlanPtr invalid_plan = NULL;
static SPIPlanPtr suppress_plan = NULL;

/* Is the database encoding read as UTF-8 as it is? */
static bool
encoding_is_utf8(void)
{
	int			enc = GetDatabaseEncoding();

	return enc == PG_UTF8 || enc == PG_SQL_ASCII;
}

/* Prepare and keep one statement. */
static SPIPlanPtr
keep_plan(const char *sql, int nargs, Oid *types)
{
	SPIPlanPtr	p = SPI_prepare(sql, nargs, types);

	if (p == NULL)
		elog(ERROR, "could not prepare \"%s\": %s", sql,
			 SPI_result_code_string(SPI_result));
	SPI_keepplan(p);
	return p;
}

/* The longest key of an invalid address recorded, in bytes. */
#define INVALID_KEY_MAX 1000

/* Write the invalid address and its suppression, as the extension's owner. */
static void
record_invalid(const char *tenant, const char *address, const char *problem,
			   const char *suggestion, TimestampTz at, const char *source)
{
	Datum		values[6];
	char		nulls[6] = {' ', ' ', ' ', ' ', ' ', ' '};
	char	   *who = GetUserNameFromId(GetUserId(), false);
	SavedUser	saved;
	int			ret;
	StringInfoData ev;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	/* parsed, planned and run as the owner: the caller may use no bounce table */
	become_extension_owner(&saved);
	if (invalid_plan == NULL)
	{
		Oid			types[6] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID, TIMESTAMPTZOID, TEXTOID};

		invalid_plan = keep_plan("INSERT INTO bounce.invalid_address"
								 " (tenant, address, problem, suggestion, first_seen, source)"
								 " VALUES ($1, $2, $3, $4, $5, $6)"
								 " ON CONFLICT (tenant, address) DO NOTHING",
								 6, types);
	}
	if (suppress_plan == NULL)
	{
		Oid			types[4] = {TEXTOID, TEXTOID, TIMESTAMPTZOID, TEXTOID};

		suppress_plan = keep_plan("INSERT INTO bounce.suppression"
								  " (tenant, address, reason, suppressed_at, source, derived)"
								  " VALUES ($1, $2, 'invalid', $3, $4, false)"
								  " ON CONFLICT (tenant, address) DO NOTHING",
								  4, types);
	}

	values[0] = CStringGetTextDatum(tenant);
	values[1] = CStringGetTextDatum(address);
	values[2] = CStringGetTextDatum(problem);
	values[3] = suggestion ? CStringGetTextDatum(suggestion) : (Datum) 0;
	nulls[3] = suggestion ? ' ' : 'n';
	values[4] = TimestampTzGetDatum(at);
	values[5] = source ? CStringGetTextDatum(source) : (Datum) 0;
	nulls[5] = source ? ' ' : 'n';

	ret = SPI_execute_plan(invalid_plan, values, nulls, false, 0);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "could not write %s.invalid_address: %s", BOUNCE_SCHEMA,
			 SPI_result_code_string(ret));
	if (SPI_processed > 0)
	{
		values[2] = values[4];
		nulls[2] = ' ';
		values[3] = values[5];
		nulls[3] = nulls[5];
		ret = SPI_execute_plan(suppress_plan, values, nulls, false, 0);
		if (ret != SPI_OK_INSERT)
			elog(ERROR, "could not write %s.suppression: %s", BOUNCE_SCHEMA,
				 SPI_result_code_string(ret));
		if (SPI_processed > 0)
		{
			initStringInfo(&ev);
			appendStringInfoString(&ev, "{\"invalid\": ");
			escape_json(&ev, problem);
			appendStringInfoString(&ev, ", \"suggestion\": ");
			if (suggestion)
				escape_json(&ev, suggestion);
			else
				appendStringInfoString(&ev, "null");
			appendStringInfoString(&ev, ", \"source\": ");
			if (source)
				escape_json(&ev, source);
			else
				appendStringInfoString(&ev, "null");
			appendStringInfoChar(&ev, '}');
			guard_audit_amend(tenant, address, "suppress", who, ev.data);
		}
	}
	restore_user(&saved);
	SPI_finish();
}

/* The check and the record; the problem found. */
static BnAddressProblem
note_invalid(const char *tenant, const char *address, size_t len,
			 TimestampTz at, const char *source)
{
	const char *s = address;
	size_t		n = len;
	BnAddressProblem problem;
	char	   *key;
	char		buf[BN_ADDRESS_MAX + 1];
	size_t		k;
	char	   *suggestion = NULL;

	if (!encoding_is_utf8() && len <= (size_t) pg_database_encoding_max_length() * BN_ADDRESS_MAX)
	{
		char	   *utf8 = pg_server_to_any(address, (int) len, PG_UTF8);

		if (utf8 != address)
		{
			s = utf8;
			n = strlen(utf8);
		}
	}
	problem = bn_address_problem(s, n);
	if (problem == BN_ADDRESS_OK || len == 0)
		return problem;

	/*
	 * A btree entry holds about 2.7 kB: the key of an absurdly long address
	 * (a valid one has at most 254 bytes) is cut, at a character, or its
	 * event would fail and take the rest of its batch with it.
	 */
	if (len > INVALID_KEY_MAX)
		len = pg_mbcliplen(address, (int) len, INVALID_KEY_MAX);
	key = pnstrdup(address, len);
	if (guard_key_exists(BT_INVALID, tenant, key, NULL))
		return problem;

	k = bn_suggest(s, n, buf, sizeof(buf));
	if (k > 0 && k < sizeof(buf))
		suggestion = encoding_is_utf8() ? pnstrdup(buf, k) :
			pg_any_to_server(buf, (int) k, PG_UTF8);
	record_invalid(tenant, key, bn_address_problem_name(problem), suggestion,
				   at, source);
	return problem;
}

/* Note an invalid address; see guards.h. */
bool
bounce_note_invalid(const char *tenant, const char *address, size_t len,
					TimestampTz at, const char *source)
{
	return note_invalid(tenant, address, len, at, source) != BN_ADDRESS_OK;
}

PG_FUNCTION_INFO_V1(bounce_note_invalid_sql);

/*
 * bounce.note_invalid(address, tenant, source): 'syntax' or 'typo' after
 * recording an invalid address (lower-cased) on bounce.invalid_address and
 * bounce.suppression, as the trigger does; NULL for a valid address.
 */
Datum
bounce_note_invalid_sql(PG_FUNCTION_ARGS)
{
	text	   *given;
	char	   *address;
	const char *tenant;
	const char *source;
	BnAddressProblem problem;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	given = PG_GETARG_TEXT_PP(0);
	address = guard_lower(VARDATA_ANY(given), VARSIZE_ANY_EXHDR(given), PG_GET_COLLATION());
	tenant = PG_ARGISNULL(1) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(1));
	if (strlen(address) > BOUNCE_ADDRESS_KEY_MAX || strlen(tenant) > BOUNCE_TENANT_KEY_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
				 errmsg("%s of %zu bytes is longer than the %d bytes bounce keys",
						strlen(tenant) > BOUNCE_TENANT_KEY_MAX ? "tenant" : "address",
						strlen(tenant) > BOUNCE_TENANT_KEY_MAX ? strlen(tenant) : strlen(address),
						strlen(tenant) > BOUNCE_TENANT_KEY_MAX ? BOUNCE_TENANT_KEY_MAX : BOUNCE_ADDRESS_KEY_MAX),
				 errhint("An address is at most %d bytes (an RFC 5321 address at most 254), a tenant at most %d.",
						 BOUNCE_ADDRESS_KEY_MAX, BOUNCE_TENANT_KEY_MAX)));
	source = PG_ARGISNULL(2) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(2));
	bounce_citus_refuse_worker_state("bounce.note_invalid");
	tenant_require_own("invalid_address", tenant, "record invalid addresses");
	problem = note_invalid(tenant, address, strlen(address),
						   GetCurrentTransactionStartTimestamp(), source);
	if (problem == BN_ADDRESS_OK)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(bn_address_problem_name(problem)));
}
