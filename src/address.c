/*
 * address.c
 *		The recipient domain and the mailbox provider of an address.
 *
 * bounce.provider_builtin() knows the large providers by their domains
 * (src/core/provider.c) and is immutable.  bounce.provider() also knows the
 * custom domains the sender has recorded in bounce.domain_mx: such a domain
 * belongs to the provider of its MX host (Google Workspace, Microsoft 365).
 * It reads that table at most once per distinct custom domain per query,
 * remembering the answers for the rest of the query, so a GROUP BY over
 * millions of rows costs one lookup per unknown domain.  The answers are
 * kept per call site and snapshot: a call site can outlive its statement
 * (a PL/pgSQL expression lives for the transaction), and a later statement
 * must see the rows inserted since.
 */
#include "bounce.h"

#include "core/address.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/snapmgr.h"

#if PG_VERSION_NUM >= 170000
#define MyLocalTransactionId (MyProc->vxid.lxid)
#else
#define MyLocalTransactionId (MyProc->lxid)
#endif

/* Longest domain (in bytes, with its NUL) whose answer is remembered. */
#define DOMAIN_KEY_SIZE 256

typedef struct ProviderMemo
{
	char		domain[DOMAIN_KEY_SIZE];	/* lower-cased; the hash key */
	BnProvider	provider;
} ProviderMemo;

/* The answers of one call site (fn_extra), and the snapshot they hold for. */
typedef struct ProviderMemoSite
{
	HTAB	   *memo;
	LocalTransactionId lxid;
	TransactionId xmin;
	TransactionId xmax;
	CommandId	curcid;
} ProviderMemoSite;

/*
 * The domain of an address, lower-cased (ASCII letters only).
 */
PG_FUNCTION_INFO_V1(bounce_domain);
Datum
bounce_domain(PG_FUNCTION_ARGS)
{
	text	   *address = PG_GETARG_TEXT_PP(0);
	const char *domain;
	size_t		len;
	text	   *result;

	if (!bn_address_domain(VARDATA_ANY(address), VARSIZE_ANY_EXHDR(address),
						   &domain, &len))
		PG_RETURN_NULL();
	result = (text *) palloc(VARHDRSZ + len);
	SET_VARSIZE(result, VARHDRSZ + len);
	bn_ascii_lower(VARDATA(result), domain, len);
	PG_RETURN_TEXT_P(result);
}

/* A provider's name as text. */
static Datum
provider_datum(BnProvider provider)
{
	return PointerGetDatum(cstring_to_text(bn_provider_names[provider]));
}

/*
 * The provider of an address or a domain from the built-in list only; NULL
 * when it is not a known provider.
 */
PG_FUNCTION_INFO_V1(bounce_provider_builtin);
Datum
bounce_provider_builtin(PG_FUNCTION_ARGS)
{
	text	   *arg = PG_GETARG_TEXT_PP(0);
	const char *domain;
	size_t		len;
	BnProvider	provider;

	if (!bn_domain_of(VARDATA_ANY(arg), VARSIZE_ANY_EXHDR(arg), &domain, &len))
		PG_RETURN_NULL();
	provider = bn_provider_of(domain, len);
	if (provider == BN_PROVIDER_UNKNOWN)
		PG_RETURN_NULL();
	return provider_datum(provider);
}

/*
 * The provider of the MX host bounce.domain_mx records for a (lower-cased)
 * domain; BN_PROVIDER_UNKNOWN when there is none or it is not known.
 */
static BnProvider
lookup_domain_mx(const char *domain, size_t len)
{
	static SPIPlanPtr plan = NULL;
	BnProvider	provider = BN_PROVIDER_UNKNOWN;
	Datum		arg;
	int			ret;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (plan == NULL)
	{
		Oid			argtypes[1] = {TEXTOID};
		SPIPlanPtr	p;

		p = SPI_prepare("SELECT mx_host FROM " BOUNCE_SCHEMA ".domain_mx"
						" WHERE domain OPERATOR(pg_catalog.=) $1",
						1, argtypes);
		if (p == NULL)
			elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
		SPI_keepplan(p);
		plan = p;
	}
	arg = PointerGetDatum(cstring_to_text_with_len(domain, len));
	ret = SPI_execute_plan(plan, &arg, NULL, true, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_plan failed: %s", SPI_result_code_string(ret));
	if (SPI_processed > 0)
	{
		bool		isnull;
		Datum		mx = SPI_getbinval(SPI_tuptable->vals[0],
									   SPI_tuptable->tupdesc, 1, &isnull);

		if (!isnull)
		{
			text	   *host = DatumGetTextPP(mx);
			const char *name;
			size_t		name_len;

			if (bn_domain_of(VARDATA_ANY(host), VARSIZE_ANY_EXHDR(host),
							 &name, &name_len))
				provider = bn_provider_of(name, name_len);
		}
	}
	SPI_finish();
	return provider;
}

/*
 * The call site's remembered answers, emptied when the snapshot the table
 * is read with is no longer the one they were read with.
 */
static HTAB *
provider_memo(FunctionCallInfo fcinfo)
{
	ProviderMemoSite *site = (ProviderMemoSite *) fcinfo->flinfo->fn_extra;
	Snapshot	snap = GetActiveSnapshot();

	if (site == NULL)
	{
		site = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
									  sizeof(ProviderMemoSite));
		fcinfo->flinfo->fn_extra = site;
	}
	if (site->memo != NULL &&
		(site->lxid != MyLocalTransactionId || site->xmin != snap->xmin ||
		 site->xmax != snap->xmax || site->curcid != snap->curcid))
	{
		hash_destroy(site->memo);
		site->memo = NULL;
	}
	if (site->memo == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = DOMAIN_KEY_SIZE;
		ctl.entrysize = sizeof(ProviderMemo);
		ctl.hcxt = fcinfo->flinfo->fn_mcxt;
		site->memo = hash_create("bounce.provider domains", 256, &ctl,
								 HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
		site->lxid = MyLocalTransactionId;
		site->xmin = snap->xmin;
		site->xmax = snap->xmax;
		site->curcid = snap->curcid;
	}
	return site->memo;
}

/*
 * The provider of an address or a domain: the built-in list, then the MX
 * host recorded in bounce.domain_mx; NULL when neither knows it.
 */
PG_FUNCTION_INFO_V1(bounce_provider);
Datum
bounce_provider(PG_FUNCTION_ARGS)
{
	text	   *arg = PG_GETARG_TEXT_PP(0);
	const char *domain;
	size_t		len;
	BnProvider	provider;
	char		key[DOMAIN_KEY_SIZE];
	HTAB	   *memo;
	ProviderMemo *entry;
	bool		found;

	if (!bn_domain_of(VARDATA_ANY(arg), VARSIZE_ANY_EXHDR(arg), &domain, &len))
		PG_RETURN_NULL();
	provider = bn_provider_of(domain, len);
	if (provider != BN_PROVIDER_UNKNOWN)
		return provider_datum(provider);

	if (len >= DOMAIN_KEY_SIZE || !ActiveSnapshotSet())
	{
		/*
		 * Longer than any real domain, or no snapshot to remember the answer
		 * for: look it up, but do not remember.
		 */
		char	   *lower = palloc(len);

		bn_ascii_lower(lower, domain, len);
		provider = lookup_domain_mx(lower, len);
	}
	else
	{
		memo = provider_memo(fcinfo);
		memset(key, 0, sizeof(key));
		bn_ascii_lower(key, domain, len);
		entry = (ProviderMemo *) hash_search(memo, key, HASH_FIND, NULL);
		if (entry != NULL)
			provider = entry->provider;
		else
		{
			provider = lookup_domain_mx(key, len);
			entry = (ProviderMemo *) hash_search(memo, key, HASH_ENTER, &found);
			entry->provider = provider;
		}
	}
	if (provider == BN_PROVIDER_UNKNOWN)
		PG_RETURN_NULL();
	return provider_datum(provider);
}
