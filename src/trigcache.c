/*
 * trigcache.c
 *		The one cache of trigger mappings; see trigcache.h.
 */
#include "postgres.h"

#include "catalog/pg_operator.h"
#include "catalog/pg_type.h"
#include "nodes/pg_list.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "catalog.h"
#include "trigcache.h"

typedef struct CacheKey
{
	Oid			tgoid;
	Oid			relid;
	int			kind;
} CacheKey;

typedef struct CacheEntry
{
	CacheKey	key;
	void	   *map;
	TrigCacheFree free;
	Oid			query_relid;
	bool		valid;
} CacheEntry;

/* A mapping replaced while held, freed later. */
typedef struct Dead
{
	void	   *map;
	TrigCacheFree free;
} Dead;

static HTAB *cache = NULL;
static MemoryContext cache_cxt = NULL;
static List *graveyard = NIL;
static int	holds = 0;

/* Mark the mappings of a relation (or all) to be built again. */
static void
trigcache_invalidate(Oid relid)
{
	HASH_SEQ_STATUS seq;
	CacheEntry *e;

	if (cache == NULL)
		return;
	hash_seq_init(&seq, cache);
	while ((e = hash_seq_search(&seq)) != NULL)
		if (relid == InvalidOid || e->key.relid == relid || e->query_relid == relid)
			e->valid = false;
}

void
trigcache_hold(void)
{
	holds++;
}

void
trigcache_release(void)
{
	holds--;
}

/* The mapping of a trigger on a relation; see trigcache.h. */
void *
trigcache_get(Trigger *trigger, Relation rel, TrigCacheKind kind,
			  TrigCacheBuild build, TrigCacheFree free, void *arg)
{
	CacheKey	key;
	CacheEntry *e;
	bool		found;

	if (cache == NULL)
	{
		HASHCTL		ctl;

		cache_cxt = AllocSetContextCreate(CacheMemoryContext, "bounce trigger maps",
										  ALLOCSET_DEFAULT_SIZES);
		memset(&ctl, 0, sizeof(ctl));
		ctl.keysize = sizeof(CacheKey);
		ctl.entrysize = sizeof(CacheEntry);
		ctl.hcxt = cache_cxt;
		cache = hash_create("bounce trigger maps", 16, &ctl,
							HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
		bounce_on_relcache_change(trigcache_invalidate);
	}

	/* mappings replaced while held are freed when none is */
	if (holds == 0 && graveyard != NIL)
	{
		ListCell   *lc;

		foreach(lc, graveyard)
		{
			Dead	   *d = (Dead *) lfirst(lc);

			d->free(d->map);
			pfree(d);
		}
		list_free(graveyard);
		graveyard = NIL;
	}

	memset(&key, 0, sizeof(key));
	key.tgoid = trigger->tgoid;
	key.relid = RelationGetRelid(rel);
	key.kind = (int) kind;
	e = hash_search(cache, &key, HASH_ENTER, &found);
	if (!found)
	{
		e->map = NULL;
		e->valid = false;
		e->query_relid = InvalidOid;
	}
	if (!e->valid || e->map == NULL)
	{
		void	   *m;
		Oid			query_relid = InvalidOid;

		if (e->map != NULL)
		{
			MemoryContext old = MemoryContextSwitchTo(cache_cxt);
			Dead	   *d = palloc(sizeof(Dead));

			d->map = e->map;
			d->free = e->free;
			graveyard = lappend(graveyard, d);
			MemoryContextSwitchTo(old);
			e->map = NULL;
		}

		/*
		 * Valid from before the build: an invalidation that arrives while
		 * the build reads the catalogs clears the flag again, so the next
		 * call builds again.  An error leaves the entry without a mapping,
		 * which builds again too.
		 */
		e->valid = true;
		m = build(trigger, rel, cache_cxt, arg, &query_relid);
		e = hash_search(cache, &key, HASH_ENTER, &found);
		if (!found)
			e->valid = false;
		e->map = m;
		e->free = free;
		e->query_relid = query_relid;
	}
	return e->map;
}

/* Is this type citext (an extension's type, known by its name)? */
bool
bounce_type_is_citext(Oid typid)
{
	HeapTuple	tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	bool		is;

	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for type %u", typid);
	is = strcmp(NameStr(((Form_pg_type) GETSTRUCT(tup))->typname), "citext") == 0 &&
		((Form_pg_type) GETSTRUCT(tup))->typtype == TYPTYPE_BASE;
	ReleaseSysCache(tup);
	return is;
}

/* "OPERATOR(schema.=)" of a type's default equality; see trigcache.h. */
char *
bounce_equality_sql(Oid typid)
{
	TypeCacheEntry *tc = lookup_type_cache(typid, TYPECACHE_EQ_OPR);
	HeapTuple	tup;
	Form_pg_operator op;
	char	   *s;

	if (!OidIsValid(tc->eq_opr))
		return NULL;
	tup = SearchSysCache1(OPEROID, ObjectIdGetDatum(tc->eq_opr));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for operator %u", tc->eq_opr);
	op = (Form_pg_operator) GETSTRUCT(tup);
	s = psprintf("OPERATOR(%s.%s)",
				 quote_identifier(get_namespace_name(op->oprnamespace)),
				 NameStr(op->oprname));
	ReleaseSysCache(tup);
	return s;
}
