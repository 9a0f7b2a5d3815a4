/*
 * citus_queue.c
 *		The event queue of a distributed events table on Citus.
 *
 * The state is kept on the coordinator; the events are inserted on the
 * workers.  bounce.track_events() on a hash-distributed table creates the
 * queue, <events>_bounce_queue, with the events' mapped columns and
 * distributed co-located with them: each shard of the events has its
 * queue's shard on the same node, and Citus moves, splits and rebalances
 * the two together.  The tracking trigger fired on a shard checks each row
 * as the trigger on one node would (a row it would refuse fails the
 * insert) and appends the rows it would track to the queue's shard next
 * to it: a local heap insert in the same transaction, no other node
 * involved.
 *
 * bounce.apply_queued(events) on the coordinator takes the queued rows
 * through Citus (DELETE ... RETURNING, in its own transaction with the
 * writes of the state) and applies them as the trigger would, address by
 * address: in order they are applied, out of order the address is
 * replayed from every source.  A row applied twice (queued, then replayed
 * by a rebuild before the queue was read) is no event after the state's
 * newest, so the address is replayed and the state stays right.
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "utils/tuplestore.h"

#include "citus.h"
#include "core/state.h"
#include "track.h"
#include "track_map.h"

/* Append one row of the shard (in slot) to the queue, if it is tracked. */
static void
queue_row(TrackMap *map, Relation queue, TupleTableSlot *slot, Arena *arena,
		  int64 rowpos, Datum *values, bool *nulls)
{
	Datum		v[TK_COUNT];
	bool		isnull[TK_COUNT];
	TrackEvent	te;
	HeapTuple	tup;

	/* the trigger's own checks: a row it would refuse fails the insert */
	track_slot_values(map, slot, v, isnull);
	if (!track_read_event(map, map->cols, v, isnull, true, arena, rowpos, &te))
		return;
	slot_getallattrs(slot);
	for (int i = 0; i < map->queue_natts; i++)
	{
		AttrNumber	from = map->queue_from[i];

		if (from <= 0)
		{
			nulls[i] = true;
			continue;
		}
		values[i] = slot->tts_values[from - 1];
		nulls[i] = slot->tts_isnull[from - 1];
	}
	tup = heap_form_tuple(RelationGetDescr(queue), values, nulls);
	simple_heap_insert(queue, tup);
	heap_freetuple(tup);
}

/* See track_map.h. */
void
citus_queue_rows(TrackMap *map, TriggerData *td)
{
	Relation	queue = try_table_open(map->queue_relid, RowExclusiveLock);
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "bounce queue",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	Datum	   *values = palloc(sizeof(Datum) * Max(map->queue_natts, 1));
	bool	   *nulls = palloc(sizeof(bool) * Max(map->queue_natts, 1));
	MemoryContext row_cxt = AllocSetContextCreate(cxt, "bounce queue rows",
												  ALLOCSET_DEFAULT_SIZES);
	Arena		arena;

	if (queue == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("the event queue of %s is gone", map->relname),
				 errhint("Run bounce.track_events() on the coordinator again.")));
	/* an index would miss the rows inserted here */
	if (queue->rd_rel->relhasindex)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("the event queue %s has an index", RelationGetRelationName(queue)),
				 errdetail("The tracking trigger appends to the queue without index entries."),
				 errhint("Drop the queue's indexes on the coordinator.")));
	arena_init(&arena, row_cxt);

	if (TRIGGER_FIRED_FOR_ROW(td->tg_event))
		queue_row(map, queue, td->tg_trigslot, &arena, 0, values, nulls);
	else
	{
		Tuplestorestate *ts = td->tg_newtable;
		TupleTableSlot *slot = track_transition_slot(map, td);
		int64		rowpos = 0;

		while (tuplestore_gettupleslot(ts, true, false, slot))
		{
			queue_row(map, queue, slot, &arena, ++rowpos, values, nulls);
			/* the rows' strings are read only to be checked */
			if (rowpos % 1024 == 0)
			{
				MemoryContextReset(row_cxt);
				arena_init(&arena, row_cxt);
			}
		}
		ExecDropSingleTupleTableSlot(slot);
	}
	table_close(queue, NoLock);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
}

/* See citus.h. */
void
citus_queue_clear(Oid events)
{
	Oid			queue = bounce_citus_queue_of(events);
	SavedUser	saved;
	HeapTuple	ctup;
	Oid			owner;
	int			ret;

	if (!OidIsValid(queue) || !bounce_citus_is_table(queue))
		return;
	ctup = SearchSysCache1(RELOID, ObjectIdGetDatum(queue));
	if (!HeapTupleIsValid(ctup))
		return;
	owner = ((Form_pg_class) GETSTRUCT(ctup))->relowner;
	ReleaseSysCache(ctup);
	/* the rebuild's caller may read the events; the queue is its owner's */
	become_user(owner, &saved);
	ret = SPI_execute(psprintf("DELETE FROM %s",
							   quote_qualified_identifier(get_namespace_name(get_rel_namespace(queue)),
														  get_rel_name(queue))),
					  false, 0);
	restore_user(&saved);
	if (ret != SPI_OK_DELETE)
		elog(ERROR, "could not empty the event queue %s: %s",
			 get_rel_name(queue), SPI_result_code_string(ret));
}

PG_FUNCTION_INFO_V1(bounce_apply_queued);

/*
 * bounce.apply_queued(events regclass) -> bigint: the events queued on the
 * shards of a distributed events table, taken and applied to the state on
 * the coordinator; their number.
 */
Datum
bounce_apply_queued(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	Oid			queue;
	AclResult	acl;
	volatile int64 applied = 0;

	acl = pg_class_aclcheck(relid, GetUserId(), ACL_SELECT);
	if (acl != ACLCHECK_OK)
		aclcheck_error(acl, OBJECT_TABLE, get_rel_name(relid));
	bounce_citus_refuse_worker_state("bounce.apply_queued");
	queue = bounce_citus_queue_of(relid);
	if (!OidIsValid(queue) || !bounce_citus_is_table(queue))
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("relation %s has no event queue", get_rel_name(relid)),
				 errdetail("Only a distributed events table tracked with bounce.track_events() has one, %s" BOUNCE_QUEUE_SUFFIX ".",
						   get_rel_name(relid)),
				 errhint("On one node the trigger keeps the state itself; on Citus run bounce.track_events() on the coordinator.")));

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	track_hold();
	PG_TRY();
	{
		Relation	rel = table_open(relid, AccessShareLock);
		TrackMap   *map = track_map_get(track_find_trigger(rel), rel);
		char	   *sql;
		TrackScan  *scan;
		TrackApplier *applier;
		TrackEvent *events;
		TrackEvent **group = NULL;
		int			cap = 0;
		int			n;
		MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "bounce apply",
												  ALLOCSET_DEFAULT_SIZES);

		table_close(rel, NoLock);
		/* taken as the caller, who must be allowed to delete them */
		sql = psprintf("WITH bounce_queued AS (DELETE FROM %s RETURNING *) %sbounce_queued%s",
					   quote_qualified_identifier(get_namespace_name(get_rel_namespace(queue)),
												  get_rel_name(queue)),
					   map->head_sql, map->scan_order);
		scan = track_scan_begin_sql(map, sql);
		applier = track_applier_begin(map);
		while (track_scan_next_address(scan, &events, &n, cxt))
		{
			int			start = 0;

			if (n > cap)
			{
				cap = Max(64, n * 2);
				group = group ? repalloc_huge(group, sizeof(TrackEvent *) * cap) :
					MemoryContextAllocHuge(cxt, sizeof(TrackEvent *) * cap);
			}
			for (int i = 0; i < n; i++)
				group[i] = &events[i];
			qsort(group, n, sizeof(TrackEvent *), track_event_ptr_cmp);
			/* an address's rows come together; one run per tenant */
			while (start < n)
			{
				int			end = start + 1;

				while (end < n && strcmp(group[end]->tenant, group[start]->tenant) == 0)
					end++;
				track_applier_address(applier, group + start, end - start);
				start = end;
			}
			applied += n;
			CHECK_FOR_INTERRUPTS();
		}
		track_applier_end(applier);
		track_scan_end(scan);
		MemoryContextDelete(cxt);
	}
	PG_FINALLY();
	{
		track_release();
	}
	PG_END_TRY();
	SPI_finish();
	PG_RETURN_INT64(applied);
}
