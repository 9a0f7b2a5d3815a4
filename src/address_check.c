/*
 * address_check.c
 *		bounce.address_problem() and bounce.suggest(): is an address usable
 *		at all (SPEC section 4, "Invalid addresses")?
 *
 * The checks live in src/core/mailbox.c and typo.c and read UTF-8, so in a
 * database of another encoding the address is converted first (and the
 * suggestion back).  An argument too long to be an address is answered
 * from its size alone, without detoasting it.
 */
#include "bounce.h"

#include "core/mailbox.h"
#include "core/problem.h"
#include "core/typo.h"

#include "access/detoast.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/* Is the database encoding read as UTF-8 as it is? */
static bool
encoding_is_utf8(void)
{
	int			enc = GetDatabaseEncoding();

	return enc == PG_UTF8 || enc == PG_SQL_ASCII;
}

/*
 * The address argument as UTF-8, or false when its size alone shows it is
 * no address: a character takes at most the encoding's maximum length in
 * the database and at least one octet in UTF-8, so a longer argument
 * cannot come under BN_ADDRESS_MAX octets of UTF-8.
 */
static bool
address_arg(FunctionCallInfo fcinfo, const char **s, size_t *len)
{
	Size		raw = toast_raw_datum_size(PG_GETARG_DATUM(0)) - VARHDRSZ;
	text	   *arg;

	if (raw > (Size) pg_database_encoding_max_length() * BN_ADDRESS_MAX)
		return false;
	arg = PG_GETARG_TEXT_PP(0);
	*s = VARDATA_ANY(arg);
	*len = VARSIZE_ANY_EXHDR(arg);
	if (!encoding_is_utf8())
	{
		char	   *utf8 = pg_server_to_any(*s, (int) *len, PG_UTF8);

		/* text holds no NUL, nor does its conversion */
		if (utf8 != *s)
		{
			*s = utf8;
			*len = strlen(utf8);
		}
	}
	return true;
}

/*
 * 'syntax' when the address is not an RFC 5321 mailbox, 'typo' when it is
 * on a mistyped provider domain, NULL when neither.
 */
PG_FUNCTION_INFO_V1(bounce_address_problem);
Datum
bounce_address_problem(PG_FUNCTION_ARGS)
{
	const char *s;
	size_t		len;
	BnAddressProblem problem = BN_ADDRESS_SYNTAX;
	const char *name;

	if (address_arg(fcinfo, &s, &len))
		problem = bn_address_problem(s, len);
	name = bn_address_problem_name(problem);
	if (name == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(name));
}

/*
 * The address with its typo domain corrected; NULL when there is nothing
 * to suggest.
 */
PG_FUNCTION_INFO_V1(bounce_suggest);
Datum
bounce_suggest(PG_FUNCTION_ARGS)
{
	const char *s;
	size_t		len;
	char		buf[BN_ADDRESS_MAX + 1];
	size_t		n;

	if (!address_arg(fcinfo, &s, &len))
		PG_RETURN_NULL();
	n = bn_suggest(s, len, buf, sizeof(buf));
	if (n == 0 || n >= sizeof(buf))
		PG_RETURN_NULL();
	if (!encoding_is_utf8())
		PG_RETURN_TEXT_P(cstring_to_text(pg_any_to_server(buf, (int) n, PG_UTF8)));
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, (int) n));
}
