/*
 * rules.c
 *		The sender's own classification rules and reason -> kind map.
 *
 * bounce.rule and bounce.reason_kind are read once per backend into a
 * cache in a dedicated memory context, and served from there without SPI
 * or catalog access.  Both tables are normally empty; then the whole cost
 * of consulting them is one test of rules_trivial.
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
 * Matching.  A rule's pattern is a substring compared case-insensitively
 * for ASCII letters (other bytes compare exactly), where a run of white
 * space matches any run of white space, as in the core's matcher.  It is
 * not a regular expression: the cost per rule is at worst the length of
 * the text times the length of the pattern (at most 1000 bytes, by a
 * CHECK) and linear in practice.  Rules are kept sorted by precedence
 * (priority descending, tenant-specific before global, longer pattern
 * first, lower id first); the first rule that matches wins.  This is meant
 * for tens or hundreds of rules, not for a large automaton.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "bounce.h"
#include "catalog.h"
#include "tenancy.h"
#include "trigger_check.h"

/* One row of bounce.rule, ready to match. */
typedef struct Rule
{
	int64		id;
	char	   *tenant;			/* NULL: every tenant */
	char	   *pattern;		/* ASCII lower-cased; "" matches any text */
	size_t		pattern_len;
	int			status_parts;	/* parts of status_prefix given: 0..3 */
	int			status_class;
	int			status_subject;
	int			status_detail;
	int			reply_code;		/* 0: any */
	int			provider;		/* -1: any */
	BnReason	reason;
	int32		priority;
} Rule;

/* The reason_kind rows of one tenant; -1 where the tenant has none. */
typedef struct TenantMap
{
	char	   *tenant;
	int8		kind[BN_REASON_COUNT];
} TenantMap;

typedef enum RulesState
{
	RULES_STALE,
	RULES_LOADING,
	RULES_VALID
} RulesState;

static RulesState rules_state = RULES_STALE;

/* Valid and both tables empty: the one branch the hot path pays. */
static bool rules_trivial = false;

static bool callback_registered = false;
static MemoryContext rules_cxt = NULL;
static Oid	rule_relid = InvalidOid;
static Oid	map_relid = InvalidOid;

static Rule *global_rules;		/* tenant IS NULL, by precedence */
static int	n_global_rules;
static Rule *tenant_rules;		/* by tenant, then by precedence */
static int	n_tenant_rules;
static bool rules_need_provider;

static int8 global_kind[BN_REASON_COUNT];	/* -1: not mapped */
static bool have_global_map;
static TenantMap *tenant_maps;	/* by tenant */
static int	n_tenant_maps;

/* Mark the cache stale when one of our tables (or everything) changes. */
static void
rules_invalidate(Oid relid)
{
	if (relid == InvalidOid || relid == rule_relid || relid == map_relid)
	{
		rules_state = RULES_STALE;
		rules_trivial = false;
	}
}

/* ASCII lower case of one byte. */
static inline char
ascii_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* White space, as the core's matcher sees it. */
static inline bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		c == '\f' || c == '\v';
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

/* Read bounce.rule into global_rules and tenant_rules. */
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
			rules_need_provider = true;
		n++;
	}
	systable_endscan(scan);
	table_close(rel, AccessShareLock);

	qsort(rules, n, sizeof(Rule), rule_sort_cmp);
	for (n_global = 0; n_global < n && rules[n_global].tenant == NULL; n_global++)
		;
	global_rules = rules;
	n_global_rules = n_global;
	tenant_rules = rules + n_global;
	n_tenant_rules = n - n_global;
}

/* Read bounce.reason_kind into global_kind and tenant_maps. */
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
			global_kind[reason] = (int8) kind;
			have_global_map = true;
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
	tenant_maps = maps;
	n_tenant_maps = n;
}

/* (Re)build the cache; called whenever rules_state is not RULES_VALID. */
static void
rules_load(void)
{
	Oid			nspid;

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

	global_rules = tenant_rules = NULL;
	n_global_rules = n_tenant_rules = 0;
	rules_need_provider = false;
	memset(global_kind, -1, sizeof(global_kind));
	have_global_map = false;
	tenant_maps = NULL;
	n_tenant_maps = 0;
	rules_trivial = false;

	/*
	 * From here on an invalidation of either table sets RULES_STALE, and
	 * the state is not promoted to RULES_VALID below: the data read now is
	 * used by this call only.  An error leaves RULES_LOADING, also reloaded.
	 */
	rules_state = RULES_LOADING;
	nspid = get_namespace_oid(BOUNCE_SCHEMA, true);
	rule_relid = OidIsValid(nspid) ? get_relname_relid("rule", nspid) : InvalidOid;
	map_relid = OidIsValid(nspid) ? get_relname_relid("reason_kind", nspid) : InvalidOid;
	if (!OidIsValid(rule_relid) || !OidIsValid(map_relid))
	{
		/* Inside CREATE EXTENSION, before the tables exist: no rules yet. */
		rules_state = RULES_STALE;
		return;
	}

	load_rules();
	load_map();

	if (rules_state == RULES_LOADING)
	{
		rules_state = RULES_VALID;
		rules_trivial = (n_global_rules == 0 && n_tenant_rules == 0 &&
						 !have_global_map && n_tenant_maps == 0);
	}
}

/*
 * Does the pattern occur in text?  The pattern is lower case with each run
 * of white space made one space (see load_rules); ASCII letters of the text
 * are compared without case, and a space of the pattern matches any run of
 * white space.  Scans for the first byte, then compares the rest: at worst
 * the length of the text times the length of the pattern.
 */
static bool
contains_ci(const char *text, size_t len, const char *pat, size_t plen)
{
	char		first = pat[0];
	char		first_up = (first >= 'a' && first <= 'z') ? first - ('a' - 'A') : first;
	const char *end = text + len;

	for (const char *p = text; p < end; p++)
	{
		const char *t;
		size_t		i;

		if (first == ' ' ? !is_space(*p) : (*p != first && *p != first_up))
			continue;
		t = p;
		for (i = 0; i < plen; i++)
		{
			if (t >= end)
				break;
			if (pat[i] == ' ')
			{
				if (!is_space(*t))
					break;
				while (t < end && is_space(*t))
					t++;
			}
			else if (ascii_lower(*t++) != pat[i])
				break;
		}
		if (i == plen)
			return true;
	}
	return false;
}

/* Does one rule match this input and built-in verdict? */
static bool
rule_matches(const Rule *r, const BnInput *in, const BnVerdict *v,
			 int provider)
{
	if (r->reply_code != 0 && r->reply_code != v->reply_code)
		return false;
	if (r->status_parts > 0)
	{
		if (v->status == BN_STATUS_NONE ||
			bn_status_class(v->status) != r->status_class)
			return false;
		if (r->status_parts > 1 && bn_status_subject(v->status) != r->status_subject)
			return false;
		if (r->status_parts > 2 && bn_status_detail(v->status) != r->status_detail)
			return false;
	}
	if (r->provider >= 0 && r->provider != provider)
		return false;
	if (r->pattern_len > 0)
	{
		if (in->text == NULL)
			return false;
		return contains_ci(in->text, in->text_len, r->pattern, r->pattern_len);
	}
	return true;
}

/* The first index in tenant_rules of a tenant's rules, and their count. */
static int
tenant_rules_of(const char *tenant, int *count)
{
	int			lo = 0;
	int			hi = n_tenant_rules;
	int			end;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (strcmp(tenant_rules[mid].tenant, tenant) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < n_tenant_rules &&
		 strcmp(tenant_rules[end].tenant, tenant) == 0; end++)
		;
	*count = end - lo;
	return lo;
}

/*
 * The sender rule that decides this input, or NULL.  Walks the tenant's
 * rules and the global rules together in precedence order (a tenant rule
 * wins a tie with a global one) and stops at the first match.
 */
static const Rule *
find_rule(const BnInput *in, const char *tenant, const BnVerdict *v)
{
	const Rule *t = NULL;
	int			nt = 0;
	int			gi = 0;
	int			ti = 0;
	int			provider = BN_PROVIDER_UNKNOWN;

	if (n_global_rules == 0 && n_tenant_rules == 0)
		return NULL;
	if (tenant != NULL && n_tenant_rules > 0)
		t = tenant_rules + tenant_rules_of(tenant, &nt);
	if (rules_need_provider && in->remote != NULL)
		provider = bn_provider_of(in->remote, in->remote_len);

	while (gi < n_global_rules || ti < nt)
	{
		const Rule *r;

		if (ti < nt &&
			(gi >= n_global_rules || t[ti].priority >= global_rules[gi].priority))
			r = &t[ti++];
		else
			r = &global_rules[gi++];
		if (rule_matches(r, in, v, provider))
			return r;
	}
	return NULL;
}

/* The kind of a reason after the tenant's map and the global map. */
static BnKind
map_kind(BnReason reason, BnKind kind, const char *tenant,
		 const char **source)
{
	if (tenant != NULL && n_tenant_maps > 0)
	{
		int			lo = 0;
		int			hi = n_tenant_maps - 1;

		while (lo <= hi)
		{
			int			mid = (lo + hi) / 2;
			int			c = strcmp(tenant_maps[mid].tenant, tenant);

			if (c == 0)
			{
				if (tenant_maps[mid].kind[reason] >= 0)
				{
					if (source)
						*source = "tenant map";
					return (BnKind) tenant_maps[mid].kind[reason];
				}
				break;
			}
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid - 1;
		}
	}
	if (global_kind[reason] >= 0)
	{
		if (source)
			*source = "map";
		return (BnKind) global_kind[reason];
	}
	if (source)
		*source = "default";
	return kind;
}

/* bounce_classify_with_rules, also saying which rule and map decided. */
void
bounce_classify_explained(const BnInput *in, const char *tenant,
						  BnVerdict *out, int64 *rule_id,
						  const char **kind_source)
{
	const Rule *rule;

	if (rules_state != RULES_VALID)
		rules_load();

	bn_classify(in, out);
	rule = find_rule(in, tenant, out);
	if (rule != NULL)
	{
		out->reason = rule->reason;
		out->kind = bn_default_kind(in, rule->reason, out->status,
									out->reply_code);
	}
	if (rule_id)
		*rule_id = rule ? rule->id : 0;
	out->kind = map_kind(out->reason, out->kind, tenant, kind_source);
}

/*
 * Classify with the sender's rules first, then the built-in classifier,
 * then map the reason to a kind through bounce.reason_kind.
 */
void
bounce_classify_with_rules(const BnInput *in, const char *tenant,
						   BnVerdict *out)
{
	if (likely(rules_trivial))
	{
		bn_classify(in, out);
		return;
	}
	bounce_classify_explained(in, tenant, out, NULL, NULL);
}

/* The kind of a reason for a tenant (NULL: the global map). */
BnKind
bounce_map_kind(BnReason reason, BnKind default_kind, const char *tenant)
{
	if (likely(rules_trivial))
		return default_kind;
	if (rules_state != RULES_VALID)
		rules_load();
	return map_kind(reason, default_kind, tenant, NULL);
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

PG_FUNCTION_INFO_V1(bounce_kind_of);

/*
 * bounce.kind_of(reason, tenant): the kind of a reason after the
 * reason_kind map (tenant-specific first, then global, then the default).
 */
Datum
bounce_kind_of(PG_FUNCTION_ARGS)
{
	BnReason	reason;
	const char *tenant = NULL;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	reason = bounce_reason_from_oid(PG_GETARG_OID(0));
	if (PG_NARGS() > 1 && !PG_ARGISNULL(1))
		tenant = text_to_cstring(PG_GETARG_TEXT_PP(1));
	tenant_require_rules(tenant);

	PG_RETURN_OID(bounce_kind_oid(bounce_map_kind(reason,
												  bn_reason_default_kind[reason],
												  tenant)));
}
