/*
 * addrkey.c
 *		bounce.address_key(text): the one key of an address; see
 *		src/core/addrkey.h for the rule.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "addrkey.h"
#include "pg_compat.h"
#include "core/addrkey.h"

/* The key of s[0..len); see addrkey.h. */
char *
address_key(const char *s, size_t len, size_t *keylen)
{
	char	   *out = palloc(BN_ADDRESS_KEY_SPACE(len) + 1);
	size_t		n = bn_address_key(s, len, out);

	out[n] = '\0';
	if (keylen)
		*keylen = n;
	return out;
}

/* The key of a text value. */
char *
address_key_text(text *t, size_t *keylen)
{
	return address_key(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), keylen);
}

PG_FUNCTION_INFO_V1(bounce_address_key);

/*
 * bounce.address_key(address text) RETURNS text, IMMUTABLE STRICT PARALLEL
 * SAFE: ASCII lower case plus Unicode simple case folding, never a locale.
 */
Datum
bounce_address_key(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	text	   *out;
	size_t		n;

	if (bn_address_is_key(VARDATA_ANY(t), len))
		PG_RETURN_TEXT_P(t);
	out = (text *) palloc(VARHDRSZ + BN_ADDRESS_KEY_SPACE(len));
	n = bn_address_key(VARDATA_ANY(t), len, VARDATA(out));
	SET_VARSIZE(out, VARHDRSZ + n);
	PG_RETURN_TEXT_P(out);
}
