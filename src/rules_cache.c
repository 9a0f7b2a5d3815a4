/*
 * rules_cache.c
 *		The per-backend cache of the sender's own classification rules
 *		(bounce.rule) and reason -> kind map (bounce.reason_kind), and the
 *		statement trigger that invalidates the extension's cached tables.
 *
 * Both tables are read once per backend into a cache in a dedicated
 * memory context (rule_cache, rules.h), from which rules.c serves every
 * call without SPI or catalog access.  Both tables are normally empty;
 * then the whole cost of consulting them is one test of rule_cache.trivial.
 *
 * No stale cache.  Plain DML sends no relcache invalidation, so each table
 * carries a statement-level AFTER trigger (bounce_rules_changed) that calls
 * CacheInvalidateRelcache on it.  At commit the invalidation reaches every
 * backend, which processes it when its next transaction starts (or takes a
 * new lock); in the writing backend it is processed at the next
 * CommandCounterIncrement, so a session sees its own changes from its next
 * statement on.  The relcache callback below marks the cache stale when
 * either table, or everything (InvalidOid), is invalidated; DROP EXTENSION
 * invalidates the dropped tables too, and the reload looks the tables up by
 * name again, so a re-created extension is found.
 *
 * The reload reads with a fresh catalog snapshot, not the transaction
 * snapshot: a REPEATABLE READ transaction can read the invalidation of a
 * commit its snapshot does not see (on taking a new lock), and reloading
 * with that snapshot would cache the old rules as valid for good.  An
 * invalidation that arrives during the reload leaves the cache stale, so
 * the next call reloads again.  The rule set is therefore the latest
 * committed one (plus the session's own changes) as of the reload.
 *
 * Patterns are stored folded (see fold_pattern) for rules.c's matcher.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "commands/trigger.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "bounce.h"
#include "catalog.h"
#include "citus.h"
#include "rules.h"
#include "trigger_check.h"

RuleCache	rule_cache = {BOUNCE_CACHE_STALE};

static bool callback_registered = false;
static MemoryContext rules_cxt = NULL;
static Oid	rule_relid = InvalidOid;
static Oid	map_relid = InvalidOid;

/* Mark the cache stale when one of our tables (or everything) changes. */
static void
rules_invalidate(Oid relid)
{
	if (relid == InvalidOid || relid == rule_relid || relid == map_relid)
	{
		rule_cache.state = BOUNCE_CACHE_STALE;
		rule_cache.trivial = false;
	}
}

/*
 * Lower-case a pattern's ASCII letters and make each run of white space one
 * space, in place; returns the new length.
 */
static size_t
fold_pattern(char *pat)
{
	size_t		n = 0;

	for (const char *p = pat; *p; p++)
	{
		if (is_space(*p))
		{
			if (n > 0 && pat[n - 1] == ' ')
				continue;
			pat[n++] = ' ';
		}
		else
			pat[n++] = ascii_lower(*p);
	}
	pat[n] = '\0';
	return n;
}

/* Attribute number of a column of a bounce table, by name. */
static AttrNumber
column_of(Relation rel, const char *name)
{
	TupleDesc	desc = RelationGetDescr(rel);

	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (!att->attisdropped && strcmp(NameStr(att->attname), name) == 0)
			return att->attnum;
	}
	ereport(ERROR,
			(errcode(ERRCODE_UNDEFINED_COLUMN),
			 errmsg("column \"%s\" of relation %s.%s does not exist",
					name, BOUNCE_SCHEMA, RelationGetRelationName(rel)),
			 errhint("Reinstall the extension with DROP EXTENSION bounce and CREATE EXTENSION bounce.")));
	return InvalidAttrNumber;	/* keep compiler quiet */
}

/* A text column as a C string in rules_cxt, or NULL. */
static char *
text_column(HeapTuple tup, TupleDesc desc, AttrNumber attnum)
{
	bool		isnull;
	Datum		d = heap_getattr(tup, attnum, desc, &isnull);

	if (isnull)
		return NULL;
	return MemoryContextStrdup(rules_cxt, TextDatumGetCString(d));
}

/*
 * Parse a status prefix "5", "5.7" or "5.7.1" into rule; false when it is
 * malformed (the table's CHECK constraint normally prevents that).
 */
static bool
parse_status_prefix(const char *s, Rule *rule)
{
	int			part[3] = {0, 0, 0};
	int			n = 0;
	const char *p = s;

	for (;;)
	{
		int			digits = 0;
		int			v = 0;

		while (*p >= '0' && *p <= '9' && digits < 4)
		{
			v = v * 10 + (*p - '0');
			p++;
			digits++;
		}
		if (digits == 0 || digits > 3 || n == 3)
			return false;
		part[n++] = v;
		if (*p == '\0')
			break;
		if (*p != '.')
			return false;
		p++;
	}
	if (part[0] != 2 && part[0] != 4 && part[0] != 5)
		return false;
	rule->status_parts = n;
	rule->status_class = part[0];
	rule->status_subject = part[1];
	rule->status_detail = part[2];
	return true;
}

/* A provider name of src/core/provider.c other than "unknown", or -1. */
static int
provider_by_name(const char *name)
{
	for (int i = 1; i < BN_PROVIDER_COUNT; i++)
		if (strcmp(bn_provider_names[i], name) == 0)
			return i;
	return -1;
}

/* Order two rules of the same scope by precedence. */
static int
rule_precedence_cmp(const Rule *a, const Rule *b)
{
	if (a->priority != b->priority)
		return (a->priority > b->priority) ? -1 : 1;
	if (a->pattern_len != b->pattern_len)
		return (a->pattern_len > b->pattern_len) ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

/* qsort comparator: global rules first, then by tenant, then precedence. */
static int
rule_sort_cmp(const void *pa, const void *pb)
{
	const Rule *a = (const Rule *) pa;
	const Rule *b = (const Rule *) pb;

	if ((a->tenant == NULL) != (b->tenant == NULL))
		return (a->tenant == NULL) ? -1 : 1;
	if (a->tenant != NULL)
	{
		int			c = strcmp(a->tenant, b->tenant);

		if (c != 0)
			return c;
	}
	return rule_precedence_cmp(a, b);
}

/* qsort comparator for TenantMap by tenant. */
static int
tenant_map_cmp(const void *pa, const void *pb)
{
	return strcmp(((const TenantMap *) pa)->tenant,
				  ((const TenantMap *) pb)->tenant);
}

/* Read bounce.rule into rule_cache.global_rules and rule_cache.tenant_rules. */
static void
load_rules(void)
{
	Relation	rel;
	TupleDesc	desc;
	SysScanDesc scan;
	HeapTuple	tup;
	AttrNumber	a_id,
				a_tenant,
				a_pattern,
				a_status,
				a_reply,
				a_provider,
				a_reason,
				a_priority;
	Rule	   *rules;
	int			n = 0;
	int			cap = 16;
	int			n_global;

	rel = table_open(rule_relid, AccessShareLock);
	desc = RelationGetDescr(rel);
	a_id = column_of(rel, "id");
	a_tenant = column_of(rel, "tenant");
	a_pattern = column_of(rel, "pattern");
	a_status = column_of(rel, "status_prefix");
	a_reply = column_of(rel, "reply_code");
	a_provider = column_of(rel, "provider");
	a_reason = column_of(rel, "reason");
	a_priority = column_of(rel, "priority");

	rules = MemoryContextAlloc(rules_cxt, cap * sizeof(Rule));

	/* NULL snapshot: a fresh catalog snapshot, see the file header. */
	scan = systable_beginscan(rel, InvalidOid, false, NULL, 0, NULL);
	while (HeapTupleIsValid(tup = systable_getnext(scan)))
	{
		Rule	   *r;
		bool		isnull;
		Datum		d;
		char	   *s;

		if (n == cap)
		{
			cap *= 2;
			rules = repalloc(rules, cap * sizeof(Rule));
		}
		r = &rules[n];
		memset(r, 0, sizeof(Rule));
		r->provider = -1;

		r->id = DatumGetInt64(heap_getattr(tup, a_id, desc, &isnull));
		r->tenant = text_column(tup, desc, a_tenant);
		r->pattern = text_column(tup, desc, a_pattern);
		if (r->pattern == NULL)
			r->pattern = MemoryContextStrdup(rules_cxt, "");
		r->pattern_len = fold_pattern(r->pattern);

		s = text_column(tup, desc, a_status);
		if (s != NULL && !parse_status_prefix(s, r))
		{
			ereport(WARNING,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("bounce.rule %lld ignored: invalid status_prefix \"%s\"",
							(long long) r->id, s),
					 errhint("A status prefix is a class (2, 4 or 5) followed by up to two numbers, as in 5.7 or 5.7.1.")));
			continue;
		}

		d = heap_getattr(tup, a_reply, desc, &isnull);
		r->reply_code = isnull ? 0 : DatumGetInt32(d);

		s = text_column(tup, desc, a_provider);
		if (s != NULL && (r->provider = provider_by_name(s)) < 0)
		{
			ereport(WARNING,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("bounce.rule %lld ignored: unknown provider \"%s\"",
							(long long) r->id, s)));
			continue;
		}

		d = heap_getattr(tup, a_reason, desc, &isnull);
		if (isnull)
			continue;
		if (!bounce_reason_lookup(DatumGetObjectId(d), &r->reason))
		{
			/* A value added with ALTER TYPE: skip the rule, not every call. */
			ereport(WARNING,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("bounce.rule %lld ignored: its reason is not known to the bounce library",
							(long long) r->id),
					 errhint("Use one of the values the extension defines for type bounce.reason.")));
			continue;
		}

		d = heap_getattr(tup, a_priority, desc, &isnull);
		r->priority = isnull ? 0 : DatumGetInt32(d);

		if (r->provider >= 0)
			rule_cache.need_provider = true;
		n++;
	}
	systable_endscan(scan);
	table_close(rel, AccessShareLock);

	qsort(rules, n, sizeof(Rule), rule_sort_cmp);
	for (n_global = 0; n_global < n && rules[n_global].tenant == NULL; n_global++)
		;
	rule_cache.global_rules = rules;
	rule_cache.n_global_rules = n_global;
	rule_cache.tenant_rules = rules + n_global;
	rule_cache.n_tenant_rules = n - n_global;
}

/* Read bounce.reason_kind into rule_cache.global_kind and rule_cache.tenant_maps. */
static void
load_map(void)
{
	Relation	rel;
	TupleDesc	desc;
	SysScanDesc scan;
	HeapTuple	tup;
	AttrNumber	a_tenant,
				a_reason,
				a_kind;
	TenantMap  *maps;
	int			n = 0;
	int			cap = 8;

	rel = table_open(map_relid, AccessShareLock);
	desc = RelationGetDescr(rel);
	a_tenant = column_of(rel, "tenant");
	a_reason = column_of(rel, "reason");
	a_kind = column_of(rel, "kind");

	maps = MemoryContextAlloc(rules_cxt, cap * sizeof(TenantMap));

	scan = systable_beginscan(rel, InvalidOid, false, NULL, 0, NULL);
	while (HeapTupleIsValid(tup = systable_getnext(scan)))
	{
		bool		isnull;
		Datum		d;
		BnReason	reason;
		BnKind		kind;
		char	   *tenant;
		bool		known = true;

		d = heap_getattr(tup, a_reason, desc, &isnull);
		if (isnull)
			continue;
		if (!bounce_reason_lookup(DatumGetObjectId(d), &reason))
			known = false;
		d = heap_getattr(tup, a_kind, desc, &isnull);
		if (isnull)
			continue;
		if (!bounce_kind_lookup(DatumGetObjectId(d), &kind))
			known = false;
		if (!known)
		{
			/* A value added with ALTER TYPE: skip the row, not every call. */
			ereport(WARNING,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("bounce.reason_kind row ignored: its reason or kind is not known to the bounce library"),
					 errhint("Use the values the extension defines for types bounce.reason and bounce.kind.")));
			continue;
		}

		tenant = text_column(tup, desc, a_tenant);
		if (tenant == NULL)
		{
			rule_cache.global_kind[reason] = (int8) kind;
			rule_cache.have_global_map = true;
			continue;
		}

		/* Rows of one tenant are grouped after sorting, below. */
		if (n == cap)
		{
			cap *= 2;
			maps = repalloc(maps, cap * sizeof(TenantMap));
		}
		maps[n].tenant = tenant;
		memset(maps[n].kind, -1, sizeof(maps[n].kind));
		maps[n].kind[reason] = (int8) kind;
		n++;
	}
	systable_endscan(scan);
	table_close(rel, AccessShareLock);

	/* Merge the one-row entries of each tenant into one entry. */
	qsort(maps, n, sizeof(TenantMap), tenant_map_cmp);
	if (n > 0)
	{
		int			out = 0;

		for (int i = 1; i < n; i++)
		{
			if (strcmp(maps[i].tenant, maps[out].tenant) == 0)
			{
				for (int r = 0; r < BN_REASON_COUNT; r++)
					if (maps[i].kind[r] >= 0)
						maps[out].kind[r] = maps[i].kind[r];
			}
			else
				maps[++out] = maps[i];
		}
		n = out + 1;
	}
	rule_cache.tenant_maps = maps;
	rule_cache.n_tenant_maps = n;
}

/* (Re)build the cache; called whenever rule_cache.state is not VALID. */
void
rules_load(void)
{
	if (!callback_registered)
	{
		bounce_on_relcache_change(rules_invalidate);
		callback_registered = true;
	}
	if (rules_cxt == NULL)
		rules_cxt = AllocSetContextCreate(CacheMemoryContext, "bounce rules",
										  ALLOCSET_SMALL_SIZES);
	else
		MemoryContextReset(rules_cxt);

	rule_cache.global_rules = rule_cache.tenant_rules = NULL;
	rule_cache.n_global_rules = rule_cache.n_tenant_rules = 0;
	rule_cache.need_provider = false;
	memset(rule_cache.global_kind, -1, sizeof(rule_cache.global_kind));
	rule_cache.have_global_map = false;
	rule_cache.tenant_maps = NULL;
	rule_cache.n_tenant_maps = 0;
	rule_cache.trivial = false;

	/*
	 * From here on an invalidation of either table sets STALE, and the state
	 * is not promoted to VALID below: the data read now is used by this call
	 * only.  An error leaves LOADING, also reloaded.
	 */
	rule_cache.state = BOUNCE_CACHE_LOADING;
	/* the tables, or on Citus their placements on this node (citus.c) */
	rule_relid = bounce_config_relid("rule");
	map_relid = bounce_config_relid("reason_kind");
	if (!OidIsValid(rule_relid) || !OidIsValid(map_relid))
	{
		/* Inside CREATE EXTENSION, before the tables exist: no rules yet. */
		rule_cache.state = BOUNCE_CACHE_STALE;
		return;
	}

	load_rules();
	load_map();

	if (rule_cache.state == BOUNCE_CACHE_LOADING)
	{
		rule_cache.state = BOUNCE_CACHE_VALID;
		rule_cache.trivial = (rule_cache.n_global_rules == 0 &&
							  rule_cache.n_tenant_rules == 0 &&
							  !rule_cache.have_global_map &&
							  rule_cache.n_tenant_maps == 0);
	}
}

/* bounce.rules_changed() is for the extension's cached tables alone. */
static const char *const rules_changed_tables[] = {"rule", "reason_kind", "policy", NULL};
static const TriggerSpec rules_changed_spec = {
	"bounce.rules_changed", rules_changed_tables, TC_AFTER,
	0, TC_INSERT | TC_UPDATE | TC_DELETE | TC_TRUNCATE, NULL, 0,
	"It is the statement trigger of bounce.rule, bounce.reason_kind and bounce.policy that invalidates the caches of every session; it is not meant for other tables."
};

PG_FUNCTION_INFO_V1(bounce_rules_changed);

/*
 * bounce.rules_changed(): statement-level AFTER trigger on bounce.rule and
 * bounce.reason_kind; sends a relcache invalidation for the table so that
 * every backend reloads its cache.
 */
Datum
bounce_rules_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = trigger_check(fcinfo, &rules_changed_spec, NULL);

	CacheInvalidateRelcache(trigdata->tg_relation);
	return PointerGetDatum(NULL);
}
