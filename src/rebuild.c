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

/*
 * The bounce.track() trigger of a relation: the enabled one, or when none
 * is enabled the disabled one; an error when none, or more than one.
 */
static Trigger *
find_track_trigger(Relation rel)
{
	Oid			fn = track_function_oid();
	Trigger    *found = NULL;

	for (int pass = 0; pass < 2 && found == NULL; pass++)
	{
		if (rel->trigdesc == NULL)
			break;
		for (int i = 0; i < rel->trigdesc->numtriggers; i++)
		{
			Trigger    *t = &rel->trigdesc->triggers[i];

			if (t->tgfoid != fn)
				continue;
			if (pass == 0 && t->tgenabled == TRIGGER_DISABLED)
				continue;
			if (found != NULL)
				ereport(ERROR,
						(errcode(ERRCODE_DUPLICATE_OBJECT),
						 errmsg("relation %s has more than one %sbounce.track() trigger",
								RelationGetRelationName(rel), pass == 0 ? "enabled " : ""),
						 errhint("Keep one trigger per events table.")));
			found = t;
		}
	}
	if (found == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("relation %s has no bounce.track() trigger",
						RelationGetRelationName(rel)),
				 errhint("bounce.rebuild() reads the column mapping from the trigger: attach one with bounce.track_events() first.")));
	return found;
}

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

PG_FUNCTION_INFO_V1(bounce_rebuild);

/*
 * bounce.rebuild(events regclass) -> (addresses, events_replayed, active,
 * confirmed, suppressed, untouched)
 */
Datum
bounce_rebuild(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	TupleDesc	resdesc;
	Relation	rel;
	Trigger    *trigger;
	TrackMap   *map;
	TrackScan  *scan;
	StateStore	ss;
	AclResult	acl;
	CommandId	start_cid;
	MemoryContext cxt,
				old;
	TrackEvent *events;
	int			nevents;
	int64		addresses = 0,
				replayed = 0,
				counts[BN_ADDRESS_STATUS_COUNT] = {0},
				untouched;
	Datum		values[6];
	bool		nulls[6] = {false};

	if (get_call_result_type(fcinfo, NULL, &resdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");

	acl = pg_class_aclcheck(relid, GetUserId(), ACL_SELECT);
	if (acl != ACLCHECK_OK)
		aclcheck_error(acl, OBJECT_TABLE, get_rel_name(relid));

	bounce_citus_refuse_worker_rebuild(relid);

	/* no event arrives while the table is replayed */
	rel = table_open(relid, ShareLock);
	trigger = find_track_trigger(rel);
	map = track_map_get(trigger, rel);
	LockRelationOid(bounce_relid("address_state"), ExclusiveLock);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	cxt = AllocSetContextCreate(CurrentMemoryContext, "bounce rebuild",
								ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);

	/* every event committed before the locks, and our own */
	CommandCounterIncrement();
	PushActiveSnapshot(GetLatestSnapshot());
	scan = track_scan_begin(map);
	PopActiveSnapshot();

	start_cid = GetCurrentCommandId(true);
	state_store_open(&ss);
	while (track_scan_next_address(scan, &events, &nevents, cxt))
	{
		const char *tenant = events[0].tenant;
		const char *address = events[0].address;
		BnPolicy	policy = policy_for(tenant);
		BnState		st;

		/* as the trigger does: an invalid address is listed, not tracked */
		if (bounce_note_invalid(tenant, address, events[0].address_len,
								events[0].ev.at, track_map_relname(map)))
		{
			addresses++;
			replayed += nevents;
			CHECK_FOR_INTERRUPTS();
			continue;
		}

		for (;;)
		{
			BnTime		cleared;

			state_store_fetch(&ss, tenant, address, &st);
			cleared = st.cleared_at;
			bn_state_init(&st);
			st.cleared_at = cleared;
			for (int i = 0; i < nevents; i++)
				bn_state_apply(&st, &events[i].ev, &policy);
			if (state_store_write(&ss, tenant, address, &st))
				break;
		}
		addresses++;
		replayed += nevents;
		counts[st.status]++;
		CHECK_FOR_INTERRUPTS();
	}
	track_scan_end(scan);

	untouched = count_untouched(&ss, start_cid);
	state_store_close(&ss);
	CommandCounterIncrement();
	suppression_sync_all(track_map_relname(map));

	MemoryContextSwitchTo(old);
	SPI_finish();
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
