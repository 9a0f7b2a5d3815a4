/*
 * policy.c
 *		The one policy cache: bounce.policy's rows (SPEC 5), read with a fresh
 *		snapshot as the extension's owner, sorted by tenant; loaded on first
 *		use after an invalidation (bounce.policy's statement trigger sends
 *		one on every change), LOADING then VALID as catalog.h says.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relscan.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_trigger.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "common/hashfn.h"
#include "storage/lmgr.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/guc.h"
#include "utils/inval.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "catalog.h"
#include "citus.h"
#include "track.h"
#include "trigger_check.h"

static Oid	policy_relid = InvalidOid;
static bool callback_registered = false;

/* The policies: sorted by tenant; loaded on first use after invalidation. */
typedef struct PolicyEntry
{
	char	   *tenant;
	BnPolicy	policy;			/* what the state trigger applies */
	Interval	recent_send_window; /* what the delete restriction protects */
} PolicyEntry;

static MemoryContext policy_cxt = NULL;
static PolicyEntry *policies = NULL;
static int	n_policies = 0;
static BounceCacheState policies_state = BOUNCE_CACHE_STALE;
static PolicyEntry default_entry;	/* the '' row, or the built-in policy */
static char memo_tenant[128];	/* last lookup, when short */
static const PolicyEntry *memo_entry = NULL;

/* The built-in policy: SPEC 5's thresholds, a window of 7 days. */
static void
builtin_default(PolicyEntry *e)
{
	e->tenant = "";
	e->policy = bn_policy_default;
	e->recent_send_window.month = 0;
	e->recent_send_window.day = 7;
	e->recent_send_window.time = 0;
}

/* Forget the policies when bounce.policy (or everything) changes. */
static void
policy_invalidate(Oid relid)
{
	/* while a load runs, the relation's OID may not be known yet */
	if (relid == InvalidOid || relid == policy_relid ||
		policies_state != BOUNCE_CACHE_VALID)
	{
		policies_state = BOUNCE_CACHE_STALE;
		memo_entry = NULL;
	}
}

/* qsort comparator of policy entries by tenant. */
static int
policy_cmp(const void *a, const void *b)
{
	return strcmp(((const PolicyEntry *) a)->tenant,
				  ((const PolicyEntry *) b)->tenant);
}

/* Read bounce.policy into the cache, with a fresh snapshot. */
static void
policies_load(void)
{
	SavedUser	saved;
	int			ret;
	PolicyEntry *entries;
	int			n;
	MemoryContext old;

	if (!callback_registered)
	{
		bounce_on_relcache_change(policy_invalidate);
		callback_registered = true;
	}
	policy_relid = bounce_config_relid("policy");	/* Citus: the placement */
	if (!OidIsValid(policy_relid))
		policy_relid = bounce_relid("policy");
	if (policy_cxt == NULL)
		policy_cxt = AllocSetContextCreate(TopMemoryContext, "bounce policy",
										   ALLOCSET_SMALL_SIZES);

	/*
	 * LOADING from here: an invalidation during the read makes it STALE,
	 * and an error leaves it LOADING; either way the next call reads again,
	 * and until the read has succeeded nobody sees an empty cache.
	 */
	policies_state = BOUNCE_CACHE_LOADING;
	MemoryContextReset(policy_cxt);
	policies = NULL;
	n_policies = 0;
	memo_entry = NULL;
	builtin_default(&default_entry);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	become_extension_owner(&saved);
	ret = SPI_execute_snapshot(SPI_prepare(psprintf("SELECT tenant, hard_threshold, soft_threshold,"
													" reset_on::pg_catalog.text[], reset_on_delivered,"
													" recent_send_window"
													" FROM %s",
													quote_qualified_identifier(BOUNCE_SCHEMA,
																			   get_rel_name(policy_relid))),
										   0, NULL),
							   NULL, NULL, GetLatestSnapshot(), InvalidSnapshot,
							   true, false, 0);
	restore_user(&saved);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read %s.policy: %s", BOUNCE_SCHEMA,
			 SPI_result_code_string(ret));

	n = (int) SPI_processed;
	entries = MemoryContextAllocZero(policy_cxt, sizeof(PolicyEntry) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;
		Datum		d;
		BnPolicy	p = bn_policy_default;

		old = MemoryContextSwitchTo(policy_cxt);
		entries[i].tenant = TextDatumGetCString(SPI_getbinval(tup, desc, 1, &isnull));
		MemoryContextSwitchTo(old);
		p.hard_threshold = DatumGetInt32(SPI_getbinval(tup, desc, 2, &isnull));
		p.soft_threshold = DatumGetInt32(SPI_getbinval(tup, desc, 3, &isnull));
		d = SPI_getbinval(tup, desc, 4, &isnull);
		p.reset_on = 0;
		if (!isnull)
		{
			Datum	   *elems;
			bool	   *nulls;
			int			nelems;

			deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false,
							  TYPALIGN_INT, &elems, &nulls, &nelems);
			for (int e = 0; e < nelems; e++)
			{
				BnEventType t;
				text	   *s;

				if (nulls[e])
					continue;
				s = DatumGetTextPP(elems[e]);
				if (bn_event_type_from_name(VARDATA_ANY(s), VARSIZE_ANY_EXHDR(s), &t))
					p.reset_on |= BN_EVENT_BIT(t);
			}
		}
		p.reset_on_delivered = DatumGetBool(SPI_getbinval(tup, desc, 5, &isnull));
		p.hard_threshold = Max(1, Min(p.hard_threshold, BN_THRESHOLD_MAX));
		p.soft_threshold = Max(1, Min(p.soft_threshold, BN_THRESHOLD_MAX));
		entries[i].policy = p;
		d = SPI_getbinval(tup, desc, 6, &isnull);	/* NOT NULL in the table */
		entries[i].recent_send_window = isnull ?
			default_entry.recent_send_window : *DatumGetIntervalP(d);
	}
	SPI_finish();

	qsort(entries, n, sizeof(PolicyEntry), policy_cmp);
	for (int i = 0; i < n; i++)
		if (entries[i].tenant[0] == '\0')
			default_entry = entries[i];
	policies = entries;
	n_policies = n;
	bounce_cache_loaded(&policies_state);
}

/* The row of a tenant, or the default (valid until the cache reloads). */
static const PolicyEntry *
policy_entry(const char *tenant)
{
	int			lo = 0,
				hi;
	const PolicyEntry *found = &default_entry;

	if (unlikely(policies_state != BOUNCE_CACHE_VALID))
		policies_load();
	if (memo_entry != NULL && strcmp(memo_tenant, tenant) == 0)
		return memo_entry;

	hi = n_policies - 1;
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		int			c = strcmp(policies[mid].tenant, tenant);

		if (c == 0)
		{
			found = &policies[mid];
			break;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	if (strlen(tenant) < sizeof(memo_tenant))
	{
		strcpy(memo_tenant, tenant);
		memo_entry = found;
	}
	return found;
}

/* The policy of a tenant; see track.h. */
BnPolicy
policy_for(const char *tenant)
{
	return policy_entry(tenant)->policy;
}

/* The recent_send_window of a tenant; see track.h. */
void
policy_recent_send_window(const char *tenant, Interval *window)
{
	*window = policy_entry(tenant)->recent_send_window;
}
