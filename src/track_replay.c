/*
 * track_replay.c
 *		The replay of one address from every source: each tracked table
 *		(found in pg_trigger; a partitioned table once, from its root) and
 *		bounce.event_archive, the events merged and applied in time order.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/partition.h"
#include "catalog/pg_inherits.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_operator.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_trigger.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "parser/parse_func.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/catcache.h"
#include "utils/fmgroids.h"
#include "utils/formatting.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/pg_locale.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"

#include "addrkey.h"
#include "catalog.h"
#include "core/addrkey.h"
#include "guards.h"
#include "track.h"
#include "track_map.h"



/*
 * The sources of a replay: one map per tracked table (the partition root
 * for a partitioned one) and the archive of purged events, as the
 * (trigger, relation) pairs to get the maps with.
 */
typedef struct SourceKey
{
	Oid			relid;			/* the relation the trigger is on */
	Oid			tgoid;
} SourceKey;

static BounceCacheState sources_state = BOUNCE_CACHE_STALE;
static SourceKey *source_keys = NULL;
static int	n_source_keys = 0;


/* A trigger was created, dropped or changed somewhere: list them again. */
static void
sources_invalidate(Oid relid)
{
	sources_state = BOUNCE_CACHE_STALE;
}

/* ----------------------------------------------------------------
 * Replaying an address
 * ---------------------------------------------------------------- */

/* qsort comparator for BnEvent. */
static int
event_qsort_cmp(const void *a, const void *b)
{
	return bn_event_cmp((const BnEvent *) a, (const BnEvent *) b);
}

/*
 * List the sources: every enabled bounce.track() trigger, one per
 * partition tree (the one on the root itself when there is one).
 */
static void
sources_load(void)
{
	Oid			track_fn = track_function_oid();
	Relation	trel;
	SysScanDesc scan;
	HeapTuple	tup;
	SourceKey  *keys;
	Oid		   *roots;
	int			n = 0,
				cap = 8;

	bounce_on_relcache_change(sources_invalidate);
	sources_state = BOUNCE_CACHE_LOADING;
	keys = MemoryContextAlloc(TopMemoryContext, sizeof(SourceKey) * cap);
	roots = palloc(sizeof(Oid) * cap);
	trel = table_open(TriggerRelationId, AccessShareLock);
	scan = systable_beginscan(trel, InvalidOid, false, NULL, 0, NULL);
	while ((tup = systable_getnext(scan)) != NULL)
	{
		Form_pg_trigger t = (Form_pg_trigger) GETSTRUCT(tup);
		Oid			root = t->tgrelid;
		int			j;

		if (t->tgfoid != track_fn || t->tgenabled == TRIGGER_DISABLED)
			continue;
		if (get_rel_relispartition(root))
		{
			List	   *anc = get_partition_ancestors(root);

			if (anc != NIL)
				root = llast_oid(anc);
		}
		for (j = 0; j < n; j++)
			if (roots[j] == root)
				break;
		if (j < n)
		{
			if (t->tgrelid == root)
			{
				keys[j].relid = t->tgrelid;
				keys[j].tgoid = t->oid;
			}
			continue;
		}
		if (n >= cap)
		{
			cap *= 2;
			keys = repalloc(keys, sizeof(SourceKey) * cap);
			roots = repalloc(roots, sizeof(Oid) * cap);
		}
		keys[n].relid = t->tgrelid;
		keys[n].tgoid = t->oid;
		roots[n] = root;
		n++;
	}
	systable_endscan(scan);
	table_close(trel, AccessShareLock);
	pfree(roots);

	if (source_keys != NULL)
		pfree(source_keys);
	source_keys = keys;
	n_source_keys = n;
	bounce_cache_loaded(&sources_state);
}

/* The archive's own mapping: its columns, named as trigger arguments. */
static char *archive_args[] = {
	"address=address", "tenant=tenant", "event=event", "time=at",
	"campaign=campaign", "reason=reason", "kind=kind"
};

/* The map of bounce.event_archive, or NULL when there is none (1.0). */
static TrackMap *
archive_map(void)
{
	Oid			nsp = get_namespace_oid(BOUNCE_SCHEMA, true);
	Oid			relid = OidIsValid(nsp) ? get_relname_relid("event_archive", nsp) : InvalidOid;
	Relation	rel;
	Trigger		fake;
	TrackMap   *m;

	if (!OidIsValid(relid))
		return NULL;
	memset(&fake, 0, sizeof(fake));
	fake.tgoid = InvalidOid;
	fake.tgname = "event_archive";
	fake.tgtype = TRIGGER_TYPE_ROW | TRIGGER_TYPE_INSERT;
	fake.tgnargs = lengthof(archive_args);
	fake.tgargs = archive_args;
	rel = table_open(relid, AccessShareLock);
	m = track_map_get_for(&fake, rel, TP_TRACK, true);
	table_close(rel, NoLock);
	return m;
}

/*
 * The maps of every source of a replay: the tracked tables, then the
 * archive; *n of them, in an array of the current memory context.
 */
TrackMap **
track_sources(int *n)
{
	TrackMap  **maps;
	int			k = 0;

	if (sources_state != BOUNCE_CACHE_VALID)
		sources_load();
	maps = palloc(sizeof(TrackMap *) * (n_source_keys + 1));
	for (int i = 0; i < n_source_keys; i++)
	{
		SourceKey	key = source_keys[i];
		Relation	rel = try_table_open(key.relid, AccessShareLock);

		if (rel == NULL)
			continue;
		if (rel->trigdesc != NULL)
			for (int t = 0; t < rel->trigdesc->numtriggers; t++)
				if (rel->trigdesc->triggers[t].tgoid == key.tgoid)
				{
					maps[k++] = track_map_get_for(&rel->trigdesc->triggers[t], rel, TP_TRACK, false);
					break;
				}
		table_close(rel, NoLock);
	}
	maps[k] = archive_map();
	if (maps[k] != NULL)
		k++;
	*n = k;
	return maps;
}

/* An event array that grows. */
typedef struct EventList
{
	BnEvent    *ev;
	int			n;
	int			cap;
} EventList;

static void
eventlist_add(EventList *l, const BnEvent *ev)
{
	if (l->n >= l->cap)
	{
		l->cap = Max(64, l->cap * 2);
		l->ev = l->ev ? repalloc_huge(l->ev, sizeof(BnEvent) * l->cap) :
			palloc(sizeof(BnEvent) * l->cap);
	}
	l->ev[l->n++] = *ev;
}

/* Append the events of (tenant, address) in one source to l. */
static void
replay_source(TrackMap *map, const char *tenant, const char *address,
			  Arena *arena, EventList *l)
{
	int			which = (tenant[0] == '\0') ? 1 : 0;
	Datum		args[2];
	SavedUser	saved;
	int			ret;
	uint64		n;

	/*
	 * The events table's owner may read all of it; the inserting role may
	 * not.  A fresh snapshot sees every event committed before our fetch of
	 * the state, even under REPEATABLE READ.
	 */
	become_user(map->query_owner, &saved);
	if (map->replay_plan[which] == NULL)
	{
		Oid			types[2] = {TEXTOID, TEXTOID};
		SPIPlanPtr	p;

		p = SPI_prepare(map->replay_sql[which], map->replay_nargs[which], types);
		if (p == NULL)
			elog(ERROR, "could not prepare \"%s\": %s", map->replay_sql[which],
				 SPI_result_code_string(SPI_result));
		SPI_keepplan(p);
		map->replay_plan[which] = p;
	}
	args[0] = CStringGetTextDatum(address);
	args[1] = CStringGetTextDatum(tenant);
	ret = SPI_execute_snapshot(map->replay_plan[which], args, NULL,
							   GetLatestSnapshot(), InvalidSnapshot,
							   true, false, 0);
	restore_user(&saved);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not replay address \"%s\": %s", address,
			 SPI_result_code_string(ret));

	n = SPI_processed;
	for (uint64 i = 0; i < n; i++)
	{
		TrackEvent	te;

		/* the address's key and the tenant's bytes, whatever the collation */
		if (track_read_query_row(map, SPI_tuptable->vals[i], SPI_tuptable->tupdesc, arena, &te) &&
			strcmp(te.address, address) == 0 && strcmp(te.tenant, tenant) == 0)
			eventlist_add(l, &te.ev);
	}
	SPI_freetuptable(SPI_tuptable);
}

/*
 * Replay one address from every source; see track.h.  SPI must be
 * connected.
 */
void
track_replay_address(const char *tenant, const char *address, BnState *st,
					 const BnPolicy *policy, MemoryContext cxt)
{
	BnTime		cleared = st->cleared_at;
	MemoryContext old = MemoryContextSwitchTo(cxt);
	Arena		arena;
	EventList	l = {NULL, 0, 0};
	TrackMap  **maps;
	int			nmaps;

	arena_init(&arena, cxt);
	track_hold();
	PG_TRY();
	{
		maps = track_sources(&nmaps);
		for (int i = 0; i < nmaps; i++)
			replay_source(maps[i], tenant, address, &arena, &l);
	}
	PG_FINALLY();
	{
		track_release();
	}
	PG_END_TRY();

	if (l.n > 0)
		qsort(l.ev, l.n, sizeof(BnEvent), event_qsort_cmp);
	bn_state_init(st);
	st->cleared_at = cleared;
	for (int i = 0; i < l.n; i++)
		bn_state_apply(st, &l.ev[i], policy);
	MemoryContextSwitchTo(old);
}

