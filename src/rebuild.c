/*
 * rebuild.c
 *		bounce.rebuild(events regclass): replay an events table into
 *		bounce.address_state.
 *
 * The column mapping is the one of the bounce.track() trigger attached to
 * the table, read from pg_trigger; every address's events are read
 * together (the query orders by the lower-cased address), sorted by
 * bn_event_cmp and applied one at a time with bn_state_apply, the function
 * the trigger uses, and stored with the trigger's writer.  A manual
 * clearance (cleared_at) is kept and honoured.  Rows of addresses without
 * events in the table are left as they are (they may come from another
 * events table) and counted as untouched.  The derived rows of
 * bounce.suppression are then brought in step with the state, except that
 * a complaint is never lifted.
 *
 * While it runs, inserts into the events table wait (SHARE lock), and so do
 * the writers of bounce.address_state (EXCLUSIVE lock); readers do not.
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/partition.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "utils/acl.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#include "citus.h"
#include "guards.h"
#include "track.h"

/* The state rows this rebuild did not write (kept as they are). */
static int64
count_untouched(StateStore *ss, CommandId start_cid)
{
	TableScanDesc scan;
	HeapTuple	tup;
	int64		n = 0;
	Snapshot	snap;

	CommandCounterIncrement();
	snap = RegisterSnapshot(GetLatestSnapshot());
	scan = table_beginscan(ss->rel, snap, 0, NULL);
	while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
	{
		TransactionId xmin = HeapTupleHeaderGetXmin(tup->t_data);

		if (!TransactionIdIsCurrentTransactionId(xmin) ||
			HeapTupleHeaderGetCmin(tup->t_data) < start_cid)
			n++;
	}
	table_endscan(scan);
	UnregisterSnapshot(snap);
	return n;
}

/* One source being read: its current address group. */
typedef struct RebuildSource
{
	TrackMap   *map;
	TrackScan  *scan;
	TrackEvent *events;
	int			n;				/* 0: no group (the source is done) */
	bool		chosen;			/* the table rebuild(events) names */
} RebuildSource;

/* Replay and store one (tenant, address); its final status. */
static BnAddressStatus
rebuild_one(StateStore *ss, TrackEvent **evs, int n, const char *source)
{
	const char *tenant = evs[0]->tenant;
	const char *address = evs[0]->address;
	BnPolicy	policy = policy_for(tenant);
	BnState		st;

	/* as the trigger does: an invalid address is listed, not tracked */
	if (bounce_note_invalid(tenant, address, evs[0]->address_len,
							evs[0]->ev.at, source))
		return BN_ADDR_SUPPRESSED;
	for (;;)
	{
		BnTime		cleared;

		state_store_fetch(ss, tenant, address, &st);
		cleared = st.cleared_at;
		bn_state_init(&st);
		st.cleared_at = cleared;
		for (int i = 0; i < n; i++)
			bn_state_apply(&st, &evs[i]->ev, &policy);
		if (state_store_write(ss, tenant, address, &st))
			break;
	}
	return st.status;
}

/* The rebuild of every address (chosen == InvalidOid) or of one table's. */
static Datum
rebuild_body(FunctionCallInfo fcinfo, Oid chosen)
{
	TupleDesc	resdesc;
	Relation	rel = NULL;
	StateStore	ss;
	CommandId	start_cid;
	MemoryContext cxt,
				old;
	TrackMap  **maps;
	int			nmaps;
	RebuildSource *src;
	TrackEvent **merged = NULL;
	int			merged_cap = 0;
	const char *source;
	int64		addresses = 0,
				replayed = 0,
				counts[BN_ADDRESS_STATUS_COUNT] = {0},
				untouched;
	Datum		values[6];
	bool		nulls[6] = {false};
	bool		have_chosen = false;
	TrackMap   *chosen_map = NULL;

	if (get_call_result_type(fcinfo, NULL, &resdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");

	if (OidIsValid(chosen))
	{
		AclResult	acl = pg_class_aclcheck(chosen, GetUserId(), ACL_SELECT);

		if (acl != ACLCHECK_OK)
			aclcheck_error(acl, OBJECT_TABLE, get_rel_name(chosen));
		bounce_citus_refuse_worker_rebuild(chosen);
		rel = table_open(chosen, ShareLock);
		chosen_map = track_map_get(track_find_trigger(rel), rel);
		source = track_map_relname(chosen_map);
	}
	else
		source = "bounce.rebuild()";

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	cxt = AllocSetContextCreate(CurrentMemoryContext, "bounce rebuild",
								ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);

	/* no event arrives in any source while they are replayed */
	maps = track_sources(&nmaps);
	src = palloc0(sizeof(RebuildSource) * Max(nmaps, 1));
	for (int i = 0; i < nmaps; i++)
	{
		Oid			qrel = track_map_query_relid(maps[i]);
		AclResult	acl = pg_class_aclcheck(qrel, GetUserId(), ACL_SELECT);

		if (acl != ACLCHECK_OK && !track_map_is_archive(maps[i]))
			aclcheck_error(acl, OBJECT_TABLE, get_rel_name(qrel));
		if (!track_map_is_archive(maps[i]))
			bounce_citus_refuse_worker_rebuild(qrel);
		LockRelationOid(qrel, ShareLock);
		src[i].map = maps[i];
		if (OidIsValid(chosen) && (qrel == chosen ||
								   (rel->rd_rel->relispartition &&
									list_member_oid(get_partition_ancestors(chosen), qrel))))
			src[i].chosen = have_chosen = true;
	}
	if (!OidIsValid(chosen))
	{
		/*
		 * On Citus the tracking trigger of a distributed events table stays
		 * disabled (track_events() makes it so): replay those tables too.
		 */
		ListCell   *lc;

		foreach(lc, bounce_citus_tracked_tables(track_function_oid()))
		{
			Oid			relid = lfirst_oid(lc);
			bool		known = false;
			AclResult	acl;
			Relation	r;

			for (int i = 0; i < nmaps && !known; i++)
				known = track_map_query_relid(maps[i]) == relid;
			if (known)
				continue;
			acl = pg_class_aclcheck(relid, GetUserId(), ACL_SELECT);
			if (acl != ACLCHECK_OK)
				aclcheck_error(acl, OBJECT_TABLE, get_rel_name(relid));
			bounce_citus_refuse_worker_rebuild(relid);
			r = table_open(relid, ShareLock);
			maps = repalloc(maps, sizeof(TrackMap *) * (nmaps + 1));
			src = repalloc(src, sizeof(RebuildSource) * (nmaps + 1));
			maps[nmaps] = track_map_get(track_find_trigger(r), r);
			table_close(r, NoLock);
			memset(&src[nmaps], 0, sizeof(RebuildSource));
			src[nmaps].map = maps[nmaps];
			nmaps++;
		}
	}
	if (OidIsValid(chosen) && !have_chosen)
	{
		/* its trigger is disabled: replay it too, as named */
		maps = repalloc(maps, sizeof(TrackMap *) * (nmaps + 1));
		src = repalloc(src, sizeof(RebuildSource) * (nmaps + 1));
		maps[nmaps] = chosen_map;
		memset(&src[nmaps], 0, sizeof(RebuildSource));
		src[nmaps].map = chosen_map;
		src[nmaps].chosen = true;
		nmaps++;
	}
	LockRelationOid(bounce_relid("address_state"), ExclusiveLock);

	/*
	 * The events queued on the shards of a distributed source are in the
	 * replay: emptied before it is read (those queued later stay).
	 */
	for (int i = 0; i < nmaps; i++)
		if (!track_map_is_archive(src[i].map) && (!OidIsValid(chosen) || src[i].chosen))
			citus_queue_clear(track_map_query_relid(src[i].map));

	/* every event committed before the locks, and our own */
	CommandCounterIncrement();
	PushActiveSnapshot(GetLatestSnapshot());
	for (int i = 0; i < nmaps; i++)
	{
		/* the archive is the extension's: read as its owner */
		if (track_map_is_archive(src[i].map))
		{
			SavedUser	saved;

			become_extension_owner(&saved);
			src[i].scan = track_scan_begin(src[i].map);
			restore_user(&saved);
		}
		else
			src[i].scan = track_scan_begin(src[i].map);
	}
	PopActiveSnapshot();
	for (int i = 0; i < nmaps; i++)
		if (!track_scan_next_address(src[i].scan, &src[i].events, &src[i].n, cxt))
			src[i].n = 0;

	start_cid = GetCurrentCommandId(true);
	state_store_open(&ss);
	for (;;)
	{
		const char *low = NULL;
		int			total = 0;
		bool		wanted = !OidIsValid(chosen);
		int			m = 0;

		/* the lowest address among the sources' current groups */
		for (int i = 0; i < nmaps; i++)
			if (src[i].n > 0 &&
				(low == NULL || strcmp(src[i].events[0].address, low) < 0))
				low = src[i].events[0].address;
		if (low == NULL)
			break;
		for (int i = 0; i < nmaps; i++)
			if (src[i].n > 0 && strcmp(src[i].events[0].address, low) == 0)
			{
				total += src[i].n;
				if (src[i].chosen)
					wanted = true;
			}

		if (wanted)
		{
			if (total > merged_cap)
			{
				merged_cap = Max(64, total * 2);
				merged = merged ? repalloc_huge(merged, sizeof(TrackEvent *) * merged_cap) :
					palloc(sizeof(TrackEvent *) * merged_cap);
			}
			for (int i = 0; i < nmaps; i++)
				if (src[i].n > 0 && strcmp(src[i].events[0].address, low) == 0)
					for (int e = 0; e < src[i].n; e++)
						merged[m++] = &src[i].events[e];
			qsort(merged, m, sizeof(TrackEvent *), track_event_ptr_cmp);
			for (int start = 0; start < m;)
			{
				int			end = start + 1;

				while (end < m && strcmp(merged[end]->tenant, merged[start]->tenant) == 0)
					end++;
				counts[rebuild_one(&ss, merged + start, end - start, source)]++;
				addresses++;
				replayed += end - start;
				start = end;
			}
		}

		/* advance the sources that had this address (low points into one) */
		{
			char	   *done = pstrdup(low);

			for (int i = 0; i < nmaps; i++)
				if (src[i].n > 0 && strcmp(src[i].events[0].address, done) == 0 &&
					!track_scan_next_address(src[i].scan, &src[i].events, &src[i].n, cxt))
					src[i].n = 0;
			pfree(done);
		}
		CHECK_FOR_INTERRUPTS();
	}
	for (int i = 0; i < nmaps; i++)
		track_scan_end(src[i].scan);

	untouched = count_untouched(&ss, start_cid);
	state_store_close(&ss);
	CommandCounterIncrement();
	suppression_sync_all(source);

	MemoryContextSwitchTo(old);
	SPI_finish();
	if (rel != NULL)
		table_close(rel, NoLock);

	values[0] = Int64GetDatum(addresses);
	values[1] = Int64GetDatum(replayed);
	values[2] = Int64GetDatum(counts[BN_ADDR_ACTIVE]);
	values[3] = Int64GetDatum(counts[BN_ADDR_CONFIRMED]);
	values[4] = Int64GetDatum(counts[BN_ADDR_SUPPRESSED]);
	values[5] = Int64GetDatum(untouched);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(resdesc),
													  values, nulls)));
}

/* The maps stay while the rebuild runs, even when it fails. */
static Datum
rebuild(FunctionCallInfo fcinfo, Oid chosen)
{
	volatile Datum result = (Datum) 0;	/* set inside PG_TRY */

	track_hold();
	PG_TRY();
	{
		result = rebuild_body(fcinfo, chosen);
	}
	PG_FINALLY();
	{
		track_release();
	}
	PG_END_TRY();
	return result;
}

PG_FUNCTION_INFO_V1(bounce_rebuild);

/*
 * bounce.rebuild(events regclass) -> (addresses, events_replayed, active,
 * confirmed, suppressed, untouched): the addresses of one table, each
 * from every source.
 */
Datum
bounce_rebuild(PG_FUNCTION_ARGS)
{
	return rebuild(fcinfo, PG_GETARG_OID(0));
}

PG_FUNCTION_INFO_V1(bounce_rebuild_all);

/* bounce.rebuild() -> the same for every address of every source. */
Datum
bounce_rebuild_all(PG_FUNCTION_ARGS)
{
	return rebuild(fcinfo, InvalidOid);
}
