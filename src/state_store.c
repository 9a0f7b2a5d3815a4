/*
 * state_store.c
 *		bounce.address_state through the table and index access methods,
 *		the policy cache, and the derived rows of bounce.suppression.
 *
 * Why not SQL: the trigger reads and writes one state row per address, and
 * through SPI that costs tens of microseconds and an ACL check against the
 * inserting role.  Here a fetch is one index probe and a write one heap
 * update (usually HOT: the table has fillfactor 50 and only the key is
 * indexed) or one insertion, and no privilege is checked, so a role that
 * may only insert into the events table keeps the state current.
 *
 * Concurrency.  Two transactions may write the same address.  The fetch
 * probes the primary key with a dirty snapshot and, when the row is being
 * inserted or updated by a transaction still in progress, waits for it and
 * probes again, so it returns the newest committed (or our own) version.
 * The write updates exactly that version; if another transaction has
 * updated it since, the write reports it and the caller fetches, applies
 * and writes again.  A new address is inserted speculatively, the way
 * INSERT ... ON CONFLICT does, so two first events of one address never
 * raise a unique violation: the loser backs out and retries as an update.
 * The row's update (or the inserting transaction) is what serializes the
 * writers of an address until commit; the caller reads the events table
 * for a replay only after its fetch, with a fresh snapshot, so it sees the
 * events of every writer that came before it.
 *
 * The suppression list and its audit are kept by suppression.c, the
 * policies by policy.c.
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
#include "track.h"
#include "trigger_check.h"

/*
 * The tables' catalog information (catalog.h), as the last open found it:
 * every function below runs after one of the state_store_open*().
 */
static const BounceCatalog *cat;

/*
 * The rows this transaction wrote, by address: where the newest version
 * is.  A row trigger fired for many rows of one address in one transaction
 * (a COPY into a FOR EACH ROW trigger) leaves a version per event that no
 * one may prune before commit; finding the newest through the index would
 * visit every one of them.  The cache lives in TopTransactionContext and
 * belongs to one local transaction id; a hit is checked (visible to a
 * dirty snapshot, same tenant and address) before it is trusted, so an
 * aborted subtransaction or a row written elsewhere costs only a miss.
 */
typedef struct WrittenEntry
{
	uint64		key;			/* hash of tenant and address */
	ItemPointerData tid;
	char	   *tenant;
	char	   *address;
} WrittenEntry;

#define WRITTEN_MAX 200000

static HTAB *written = NULL;
static LocalTransactionId written_lxid = InvalidLocalTransactionId;
static long n_written = 0;

/* Index of an OID in a small array, or -1. */
static int
oid_index(const Oid *oids, int n, Oid value)
{
	for (int i = 0; i < n; i++)
		if (oids[i] == value)
			return i;
	return -1;
}


/* ----------------------------------------------------------------
 * The state table
 * ---------------------------------------------------------------- */

/* Open bounce.address_state and its primary key for one trigger call. */
void
state_store_open(StateStore *ss)
{
	cat = bounce_catalog();
	memset(ss, 0, sizeof(*ss));
	ss->cxt = CurrentMemoryContext;
	ss->rel = table_open(cat->relid[BT_STATE], RowExclusiveLock);
	ss->pkey = index_open(cat->pkey[BT_STATE], RowExclusiveLock);
	ss->found = table_slot_create(ss->rel, NULL);
	ss->newrow = MakeSingleTupleTableSlot(RelationGetDescr(ss->rel),
										  &TTSOpsVirtual);
	ss->empty_array = PointerGetDatum(construct_empty_array(TEXTOID));
}

/*
 * Slots for bounce.address_state that hold no reference to the relation's
 * descriptor (they have a copy), so that they may outlive its opening.
 */
void
state_store_make_slots(TupleTableSlot **found, TupleTableSlot **newrow,
					   Datum *empty_array)
{
	Relation	rel;
	TupleDesc	desc;

	cat = bounce_catalog();
	rel = table_open(cat->relid[BT_STATE], AccessShareLock);
	desc = CreateTupleDescCopy(RelationGetDescr(rel));
	*found = MakeSingleTupleTableSlot(desc, table_slot_callbacks(rel));
	*newrow = MakeSingleTupleTableSlot(desc, &TTSOpsVirtual);
	*empty_array = PointerGetDatum(construct_empty_array(TEXTOID));
	table_close(rel, AccessShareLock);
}

/* state_store_open with slots from state_store_make_slots. */
void
state_store_open_with(StateStore *ss, TupleTableSlot *found,
					  TupleTableSlot *newrow, Datum empty_array)
{
	cat = bounce_catalog();
	memset(ss, 0, sizeof(*ss));
	ss->cxt = CurrentMemoryContext;
	ss->rel = table_open(cat->relid[BT_STATE], RowExclusiveLock);
	ss->pkey = index_open(cat->pkey[BT_STATE], RowExclusiveLock);
	ss->found = found;
	ss->newrow = newrow;
	ss->empty_array = empty_array;
}

/*
 * Fire the users' triggers queued by the writes (AFTER ROW INSERT or
 * UPDATE on bounce.address_state) and free the executor state.
 */
static void
store_finish(StateStore *ss)
{
	if (ss->estate == NULL)
		return;
	if (ss->fire)
	{
		ss->fire = false;
		AfterTriggerEndQuery(ss->estate);
	}
	/* our indexes, and the relations the triggers' firing opened */
	ExecCloseResultRelations(ss->estate);
	ExecResetTupleTable(ss->estate->es_tupleTable, false);
	FreeExecutorState(ss->estate);
	ss->estate = NULL;
}

/* Close what state_store_open_with opened; the slots stay, empty. */
void
state_store_close_keeping_slots(StateStore *ss)
{
	store_finish(ss);
	ExecClearTuple(ss->found);
	ExecClearTuple(ss->newrow);
	index_close(ss->pkey, RowExclusiveLock);
	table_close(ss->rel, RowExclusiveLock);
}

/* Close what state_store_open opened. */
void
state_store_close(StateStore *ss)
{
	store_finish(ss);
	ExecDropSingleTupleTableSlot(ss->found);
	ExecDropSingleTupleTableSlot(ss->newrow);
	index_close(ss->pkey, RowExclusiveLock);
	table_close(ss->rel, RowExclusiveLock);
}

/*
 * The users' AFTER ROW INSERT and UPDATE triggers on bounce.address_state
 * (change capture), or NULL: the extension's own triggers (functions in
 * schema bounce) are not fired for its own writes, and BEFORE triggers are
 * not supported (the extension decides the row).  Triggers fire as for
 * any write, enabled state and WHEN clause honoured; an UPDATE OF column
 * list is not (no column list is known): use a WHEN clause.
 */
static TriggerDesc *
user_triggers(Relation rel)
{
	TriggerDesc *src = rel->trigdesc;
	TriggerDesc *td;
	Oid			nsp;
	int			n = 0;

	if (src == NULL)
		return NULL;
	nsp = get_namespace_oid(BOUNCE_SCHEMA, false);
	td = palloc0(sizeof(TriggerDesc));
	td->triggers = palloc0(sizeof(Trigger) * src->numtriggers);
	for (int i = 0; i < src->numtriggers; i++)
	{
		Trigger    *t = &src->triggers[i];

		if (!TRIGGER_FOR_ROW(t->tgtype) || !TRIGGER_FOR_AFTER(t->tgtype) ||
			!(TRIGGER_FOR_INSERT(t->tgtype) || TRIGGER_FOR_UPDATE(t->tgtype)) ||
			get_func_namespace(t->tgfoid) == nsp)
			continue;
		td->triggers[n++] = *t;
		if (TRIGGER_FOR_INSERT(t->tgtype))
			td->trig_insert_after_row = true;
		if (TRIGGER_FOR_UPDATE(t->tgtype))
			td->trig_update_after_row = true;
	}
	if (n == 0)
		return NULL;
	td->numtriggers = n;
	return td;
}

/* The executor state of the writes, made on first use. */
static void
store_executor(StateStore *ss)
{
	MemoryContext old;

	if (ss->estate != NULL)
		return;
	old = MemoryContextSwitchTo(ss->cxt);
	ss->estate = CreateExecutorState();
	ss->rri = makeNode(ResultRelInfo);
	InitResultRelInfo(ss->rri, ss->rel, 0, NULL, 0);
	ss->rri->ri_TrigDesc = user_triggers(ss->rel);
	ss->estate->es_opened_result_relations =
		lappend(ss->estate->es_opened_result_relations, ss->rri);
	ExecOpenIndices(ss->rri, true);
	if (ss->rri->ri_TrigDesc != NULL)
	{
		/* their events are queued at our level, fired by store_finish */
		AfterTriggerBeginQuery();
		ss->fire = true;
	}
	MemoryContextSwitchTo(old);
}

/* A timestamptz column as a BnTime. */
static inline BnTime
time_of(TupleTableSlot *slot, StateCol col)
{
	bool		isnull;
	Datum		d = slot_getattr(slot, cat->state_att[col], &isnull);

	return isnull ? BN_TIME_NONE : DatumGetTimestampTz(d);
}

/* A text[] column of campaigns into a ring (the newest BN_THRESHOLD_MAX). */
static void
ring_of(TupleTableSlot *slot, StateCol col, BnCampaign *ring, int *n)
{
	bool		isnull;
	Datum		d = slot_getattr(slot, cat->state_att[col], &isnull);
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	int			first;

	*n = 0;
	if (isnull)
		return;
	deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &nelems);
	first = Max(0, nelems - BN_THRESHOLD_MAX);
	for (int i = first; i < nelems; i++)
	{
		text	   *t;

		if (nulls[i])
			continue;
		t = DatumGetTextPP(elems[i]);
		bn_campaign_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ring[(*n)++]);
	}
}

/* The state in the row held by ss->found. */
static void
state_from_row(StateStore *ss, BnState *st)
{
	TupleTableSlot *slot = ss->found;
	bool		isnull;
	Datum		d;
	int			i;

	bn_state_init(st);
	slot_getallattrs(slot);

	d = slot_getattr(slot, cat->state_att[SC_STATUS], &isnull);
	i = isnull ? 0 : oid_index(cat->status_oid, BN_ADDRESS_STATUS_COUNT, DatumGetObjectId(d));
	st->status = (BnAddressStatus) Max(i, 0);
	d = slot_getattr(slot, cat->state_att[SC_SUPPRESSION_REASON], &isnull);
	if (!isnull)
	{
		i = oid_index(cat->suppression_oid, BN_SUPPRESSION_COUNT, DatumGetObjectId(d));
		st->suppressed = (BnSuppression) i;
	}
	if (st->status == BN_ADDR_SUPPRESSED && st->suppressed == BN_SUPPRESSION_NONE)
		st->suppressed = BN_SUPPRESSION_MANUAL;
	if (st->status != BN_ADDR_SUPPRESSED)
		st->suppressed = BN_SUPPRESSION_NONE;
	st->status_since = time_of(slot, SC_STATUS_SINCE);
	d = slot_getattr(slot, cat->state_att[SC_HARD_STREAK], &isnull);
	st->hard_streak = isnull ? 0 : DatumGetInt32(d);
	d = slot_getattr(slot, cat->state_att[SC_SOFT_STREAK], &isnull);
	st->soft_streak = isnull ? 0 : DatumGetInt32(d);
	ring_of(slot, SC_HARD_CAMPAIGNS, st->hard, &st->n_hard);
	ring_of(slot, SC_SOFT_CAMPAIGNS, st->soft, &st->n_soft);
	st->last_counted_at = time_of(slot, SC_LAST_COUNTED_AT);
	st->last_sent_at = time_of(slot, SC_LAST_SENT_AT);
	st->last_bounce_at = time_of(slot, SC_LAST_BOUNCE_AT);
	d = slot_getattr(slot, cat->state_att[SC_LAST_REASON], &isnull);
	if (!isnull)
		st->last_reason = bounce_reason_from_oid(DatumGetObjectId(d));
	d = slot_getattr(slot, cat->state_att[SC_LAST_KIND], &isnull);
	if (!isnull)
		st->last_kind = bounce_kind_from_oid(DatumGetObjectId(d));
	if (st->last_bounce_at == BN_TIME_NONE)
	{
		st->last_reason = BN_REASON_UNDEFINED;
		st->last_kind = BN_KIND_UNDETERMINED;
	}
	st->cleared_at = time_of(slot, SC_CLEARED_AT);
	st->last_event_at = time_of(slot, SC_LAST_EVENT_AT);
	d = slot_getattr(slot, cat->state_att[SC_LAST_EVENT], &isnull);
	i = isnull ? -1 : oid_index(cat->event_oid, BN_EVENT_COUNT, DatumGetObjectId(d));
	st->last_event = (BnEventType) Max(i, 0);
	if (i < 0)
		st->last_event_at = BN_TIME_NONE;
}

/* The hash of a tenant and address. */
static uint64
written_key(const char *tenant, const char *address)
{
	return hash_bytes_extended((const unsigned char *) address, strlen(address),
							   hash_bytes_extended((const unsigned char *) tenant,
												   strlen(tenant), 0));
}

/* The cache goes with its transaction's memory. */
static void
written_forget(XactEvent event, void *arg)
{
	written = NULL;
}

/* The cache of this transaction, or NULL (create: make it). */
static HTAB *
written_cache(bool create)
{
	static bool registered = false;

	if (written != NULL && written_lxid == MyLocalTransactionId)
		return written;
	written = NULL;
	if (!create)
		return NULL;
	if (!registered)
	{
		RegisterXactCallback(written_forget, NULL);
		registered = true;
	}
	{
		HASHCTL		ctl;

		memset(&ctl, 0, sizeof(ctl));
		ctl.keysize = sizeof(uint64);
		ctl.entrysize = sizeof(WrittenEntry);
		ctl.hcxt = TopTransactionContext;
		written = hash_create("bounce written addresses", 256, &ctl,
							  HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
		written_lxid = MyLocalTransactionId;
		n_written = 0;
	}
	return written;
}

/* Remember where this transaction wrote an address's row. */
static void
written_remember(const char *tenant, const char *address, ItemPointer tid)
{
	HTAB	   *h = written_cache(true);
	uint64		key = written_key(tenant, address);
	WrittenEntry *e;
	bool		found;

	if (n_written >= WRITTEN_MAX)
	{
		e = hash_search(h, &key, HASH_FIND, NULL);
		if (e == NULL)
			return;
		found = true;
	}
	else
		e = hash_search(h, &key, HASH_ENTER, &found);
	if (!found || strcmp(e->tenant, tenant) != 0 || strcmp(e->address, address) != 0)
	{
		if (!found)
			n_written++;
		e->tenant = MemoryContextStrdup(TopTransactionContext, tenant);
		e->address = MemoryContextStrdup(TopTransactionContext, address);
	}
	e->tid = *tid;
}

/*
 * The row of an address this transaction wrote, into ss->found; false
 * when unknown or no longer the newest.
 */
static bool
written_fetch(StateStore *ss, const char *tenant, const char *address)
{
	HTAB	   *h = written_cache(false);
	uint64		key;
	WrittenEntry *e;
	SnapshotData dirty;
	bool		isnull;
	Datum		d;
	text	   *t;

	if (h == NULL)
		return false;
	key = written_key(tenant, address);
	e = hash_search(h, &key, HASH_FIND, NULL);
	if (e == NULL || strcmp(e->tenant, tenant) != 0 || strcmp(e->address, address) != 0)
		return false;
	InitDirtySnapshot(dirty);
	if (!table_tuple_fetch_row_version(ss->rel, &e->tid, &dirty, ss->found))
		return false;
	/* only our own newest version qualifies */
	if (TransactionIdIsValid(dirty.xmin) || TransactionIdIsValid(dirty.xmax))
		return false;
	d = slot_getattr(ss->found, cat->state_att[SC_TENANT], &isnull);
	t = DatumGetTextPP(d);
	if (isnull || VARSIZE_ANY_EXHDR(t) != strlen(tenant) ||
		memcmp(VARDATA_ANY(t), tenant, VARSIZE_ANY_EXHDR(t)) != 0)
		return false;
	d = slot_getattr(ss->found, cat->state_att[SC_ADDRESS], &isnull);
	t = DatumGetTextPP(d);
	if (isnull || VARSIZE_ANY_EXHDR(t) != strlen(address) ||
		memcmp(VARDATA_ANY(t), address, VARSIZE_ANY_EXHDR(t)) != 0)
		return false;
	return true;
}

/* Scan keys on (tenant, address) in the index's collations. */
static void
pkey_keys(StateStore *ss, ScanKeyData *keys, Datum tenant, Datum address)
{
	ScanKeyEntryInitialize(&keys[0], 0, 1, BTEqualStrategyNumber, InvalidOid,
						   ss->pkey->rd_indcollation[0], F_TEXTEQ, tenant);
	ScanKeyEntryInitialize(&keys[1], 0, 2, BTEqualStrategyNumber, InvalidOid,
						   ss->pkey->rd_indcollation[1], F_TEXTEQ, address);
}

/* The stored state of an address; see track.h. */
bool
state_store_fetch(StateStore *ss, const char *tenant, const char *address,
				  BnState *st)
{
	ScanKeyData keys[2];
	SnapshotData dirty;
	IndexScanDesc scan;
	Datum		tenant_d = CStringGetTextDatum(tenant);
	Datum		address_d = CStringGetTextDatum(address);

	ss->have_row = false;
	ExecClearTuple(ss->found);
	if (written_fetch(ss, tenant, address))
	{
		ss->have_row = true;
		ExecMaterializeSlot(ss->found);
		state_from_row(ss, st);
		return true;
	}
	ExecClearTuple(ss->found);
	pkey_keys(ss, keys, tenant_d, address_d);
	InitDirtySnapshot(dirty);

retry:
	scan = index_beginscan(ss->rel, ss->pkey, &dirty, 2, 0);
	index_rescan(scan, keys, 2, NULL, 0);
	while (index_getnext_slot(scan, ForwardScanDirection, ss->found))
	{
		TransactionId xwait;

		/* Another transaction is writing the row: wait for it. */
		xwait = TransactionIdIsValid(dirty.xmin) ? dirty.xmin : dirty.xmax;
		if (TransactionIdIsValid(xwait))
		{
			ItemPointerData tid = ss->found->tts_tid;

			index_endscan(scan);
			ExecClearTuple(ss->found);
			if (dirty.speculativeToken)
				SpeculativeInsertionWait(dirty.xmin, dirty.speculativeToken);
			else
				XactLockTableWait(xwait, ss->rel, &tid, XLTW_FetchUpdated);
			goto retry;
		}
		ss->have_row = true;
		break;
	}
	index_endscan(scan);

	if (!ss->have_row)
	{
		ExecClearTuple(ss->found);
		bn_state_init(st);
		return false;
	}
	ExecMaterializeSlot(ss->found);
	state_from_row(ss, st);
	return true;
}

/* A ring as a text[] datum. */
static Datum
ring_datum(StateStore *ss, const BnCampaign *ring, int n)
{
	Datum		elems[BN_THRESHOLD_MAX];

	if (n == 0)
		return ss->empty_array;
	for (int i = 0; i < n; i++)
	{
		if (ring[i].id != NULL)
			elems[i] = PointerGetDatum(cstring_to_text_with_len(ring[i].id, ring[i].len));
		else
		{
			char		buf[BN_CAMPAIGN_TIME_BUFSIZE];
			size_t		len = bn_campaign_time_key(ring[i].at, buf);

			elems[i] = PointerGetDatum(cstring_to_text_with_len(buf, len));
		}
	}
	return PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* Set a timestamptz column, NULL for none. */
static inline void
set_time(Datum *values, bool *nulls, StateCol col, BnTime t)
{
	int			i = cat->state_att[col] - 1;

	values[i] = TimestampTzGetDatum(t);
	nulls[i] = (t == BN_TIME_NONE);
}

/* Fill ss->newrow with the row of a state. */
static void
state_to_row(StateStore *ss, const char *tenant, const char *address,
			 const BnState *st)
{
	TupleTableSlot *slot = ss->newrow;
	Datum	   *values = slot->tts_values;
	bool	   *nulls = slot->tts_isnull;
	int			natts = slot->tts_tupleDescriptor->natts;

	ExecClearTuple(slot);
	for (int i = 0; i < natts; i++)
	{
		values[i] = (Datum) 0;
		nulls[i] = true;
	}

#define SET(col, v) \
	do { values[cat->state_att[col] - 1] = (v); nulls[cat->state_att[col] - 1] = false; } while (0)

	if (ss->have_row)
	{
		/* the key as stored */
		bool		isnull;

		SET(SC_TENANT, slot_getattr(ss->found, cat->state_att[SC_TENANT], &isnull));
		SET(SC_ADDRESS, slot_getattr(ss->found, cat->state_att[SC_ADDRESS], &isnull));
	}
	else
	{
		SET(SC_TENANT, CStringGetTextDatum(tenant));
		SET(SC_ADDRESS, CStringGetTextDatum(address));
	}
	SET(SC_STATUS, ObjectIdGetDatum(cat->status_oid[st->status]));
	if (st->status == BN_ADDR_SUPPRESSED && st->suppressed != BN_SUPPRESSION_NONE)
		SET(SC_SUPPRESSION_REASON, ObjectIdGetDatum(cat->suppression_oid[st->suppressed]));
	set_time(values, nulls, SC_STATUS_SINCE, st->status_since);
	SET(SC_HARD_STREAK, Int32GetDatum(st->hard_streak));
	SET(SC_SOFT_STREAK, Int32GetDatum(st->soft_streak));
	SET(SC_HARD_CAMPAIGNS, ring_datum(ss, st->hard, st->n_hard));
	SET(SC_SOFT_CAMPAIGNS, ring_datum(ss, st->soft, st->n_soft));
	set_time(values, nulls, SC_LAST_COUNTED_AT, st->last_counted_at);
	set_time(values, nulls, SC_LAST_SENT_AT, st->last_sent_at);
	set_time(values, nulls, SC_LAST_BOUNCE_AT, st->last_bounce_at);
	if (st->last_bounce_at != BN_TIME_NONE)
	{
		SET(SC_LAST_REASON, ObjectIdGetDatum(bounce_reason_oid(st->last_reason)));
		SET(SC_LAST_KIND, ObjectIdGetDatum(bounce_kind_oid(st->last_kind)));
	}
	set_time(values, nulls, SC_CLEARED_AT, st->cleared_at);
	set_time(values, nulls, SC_LAST_EVENT_AT, st->last_event_at);
	if (st->last_event_at != BN_TIME_NONE)
		SET(SC_LAST_EVENT, ObjectIdGetDatum(cat->event_oid[st->last_event]));
#undef SET

	ExecStoreVirtualTuple(slot);
}

/* Store st for the address last fetched; see track.h. */
bool
state_store_write(StateStore *ss, const char *tenant, const char *address,
				  const BnState *st)
{
	CommandId	cid = GetCurrentCommandId(true);

	state_to_row(ss, tenant, address, st);

	/* the table's CHECK constraints hold for every write */
	store_executor(ss);
	if (ss->rel->rd_att->constr != NULL)
		ExecConstraints(ss->rri, ss->newrow, ss->estate);

	if (ss->have_row)
	{
		TM_Result	res;
		TM_FailureData tmfd;
		LockTupleMode lockmode;
#if PG_VERSION_NUM >= 160000
		TU_UpdateIndexes update_indexes;
#else
		bool		update_indexes;
#endif

		res = table_tuple_update(ss->rel, &ss->found->tts_tid, ss->newrow, cid,
								 InvalidSnapshot, InvalidSnapshot, true,
								 &tmfd, &lockmode, &update_indexes);
		switch (res)
		{
			case TM_Ok:
				break;
			case TM_Updated:
			case TM_Deleted:
				/* another transaction wrote the address since our fetch */
				ss->retries++;
				return false;
			case TM_SelfModified:
				elog(ERROR, "state of address \"%s\" already updated by this command",
					 address);
				break;
			default:
				elog(ERROR, "unexpected result %d updating the state of address \"%s\"",
					 (int) res, address);
		}
#if PG_VERSION_NUM >= 160000
		if (update_indexes != TU_None)
#else
		if (update_indexes)
#endif
		{
			List	   *recheck;

			store_executor(ss);
#if PG_VERSION_NUM >= 160000
			recheck = ExecInsertIndexTuples(ss->rri, ss->newrow, ss->estate,
											true, false, NULL, NIL,
											update_indexes == TU_Summarizing);
#else
			recheck = ExecInsertIndexTuples(ss->rri, ss->newrow, ss->estate,
											true, false, NULL, NIL);
#endif
			list_free(recheck);
		}
		ss->updated++;
		written_remember(tenant, address, &ss->newrow->tts_tid);
		if (ss->fire && ss->rri->ri_TrigDesc->trig_update_after_row)
			ExecARUpdateTriggers(ss->estate, ss->rri, NULL, NULL,
								 &ss->found->tts_tid, NULL, ss->newrow,
								 NIL, NULL, false);
	}
	else
	{
		uint32		token;
		bool		conflict = false;
		List	   *recheck;

		store_executor(ss);
		token = SpeculativeInsertionLockAcquire(GetCurrentTransactionId());
		table_tuple_insert_speculative(ss->rel, ss->newrow, cid, 0, NULL, token);
#if PG_VERSION_NUM >= 160000
		recheck = ExecInsertIndexTuples(ss->rri, ss->newrow, ss->estate,
										false, true, &conflict,
										list_make1_oid(cat->pkey[BT_STATE]), false);
#else
		recheck = ExecInsertIndexTuples(ss->rri, ss->newrow, ss->estate,
										false, true, &conflict,
										list_make1_oid(cat->pkey[BT_STATE]));
#endif
		table_tuple_complete_speculative(ss->rel, ss->newrow, token, !conflict);
		SpeculativeInsertionLockRelease(GetCurrentTransactionId());
		list_free(recheck);
		if (conflict)
		{
			/* another transaction inserted the address first */
			ss->retries++;
			return false;
		}
		ss->inserted++;
		written_remember(tenant, address, &ss->newrow->tts_tid);
		if (ss->fire && ss->rri->ri_TrigDesc->trig_insert_after_row)
			ExecARInsertTriggers(ss->estate, ss->rri, ss->newrow, NIL, NULL);
	}
	return true;
}

