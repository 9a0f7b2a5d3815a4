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
 * Rare writes -- the suppression list, its audit -- are SQL run as the
 * extension's owner, like ri_triggers.c runs its checks as the owner of
 * the referenced table.  Their text names every operator and function
 * with its schema, and uses no construct that looks an operator up by
 * name (IS DISTINCT FROM, IN, NULLIF): the inserting role's search_path
 * must not choose code that runs as the owner.
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

#if PG_VERSION_NUM >= 170000
#define MyLocalTransactionId (MyProc->vxid.lxid)
#else
#define MyLocalTransactionId (MyProc->lxid)
#endif

/* The columns of bounce.address_state, by name. */
typedef enum StateCol
{
	SC_TENANT,
	SC_ADDRESS,
	SC_STATUS,
	SC_SUPPRESSION_REASON,
	SC_STATUS_SINCE,
	SC_HARD_STREAK,
	SC_SOFT_STREAK,
	SC_HARD_CAMPAIGNS,
	SC_SOFT_CAMPAIGNS,
	SC_LAST_COUNTED_AT,
	SC_LAST_SENT_AT,
	SC_LAST_BOUNCE_AT,
	SC_LAST_REASON,
	SC_LAST_KIND,
	SC_CLEARED_AT,
	SC_LAST_EVENT_AT,
	SC_LAST_EVENT,
	SC_COUNT
} StateCol;

static const char *const state_col_names[SC_COUNT] = {
	"tenant", "address", "status", "suppression_reason", "status_since",
	"hard_streak", "soft_streak", "hard_campaigns", "soft_campaigns",
	"last_counted_at", "last_sent_at", "last_bounce_at", "last_reason",
	"last_kind", "cleared_at", "last_event_at", "last_event"
};

/* What is looked up once per session (and again after invalidation). */
typedef struct StateCatalog
{
	Oid			state_relid;
	Oid			pkey_relid;
	Oid			policy_relid;
	Oid			suppression_relid;
	Oid			owner;			/* the extension's owner */
	AttrNumber	attnum[SC_COUNT];
	int			natts;
	Oid			status_oid[BN_ADDRESS_STATUS_COUNT];
	Oid			suppression_oid[BN_SUPPRESSION_COUNT];
	Oid			event_oid[BN_EVENT_COUNT];
} StateCatalog;

static StateCatalog cat;
static BounceCacheState cat_state = BOUNCE_CACHE_STALE;

/* The policies: sorted by tenant; loaded on first use after invalidation. */
typedef struct PolicyEntry
{
	char	   *tenant;
	BnPolicy	policy;
} PolicyEntry;

static MemoryContext policy_cxt = NULL;
static PolicyEntry *policies = NULL;
static int	n_policies = 0;
static BounceCacheState policies_state = BOUNCE_CACHE_STALE;
static BnPolicy default_policy;
static char memo_tenant[128];	/* last lookup, when short */
static const BnPolicy *memo_policy = NULL;

/* Plans of the suppression sync, kept across calls. */
static SPIPlanPtr sync_upsert_plan = NULL;
static SPIPlanPtr sync_delete_plan = NULL;
static SPIPlanPtr audit_plan = NULL;
static Oid	audit_plan_rowtype = InvalidOid;
static bool plans_stale = false;
static bool audit_plan_stale = false;

/* Set while our own sync runs: whom and what its audit rows name. */
static Oid	audit_actor = InvalidOid;
static const char *audit_evidence = NULL;

static bool callback_registered = false;

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

/* Forget what a change to one of our tables, or to every table, affects. */
static void
store_invalidate(Oid relid)
{
	/* while a load runs, its OIDs are not known yet: anything counts */
	if (relid == InvalidOid || cat_state != BOUNCE_CACHE_VALID ||
		relid == cat.state_relid || relid == cat.suppression_relid)
	{
		cat_state = BOUNCE_CACHE_STALE;
		plans_stale = true;
		audit_plan_stale = true;
	}
	if (relid == InvalidOid || cat_state != BOUNCE_CACHE_VALID ||
		policies_state != BOUNCE_CACHE_VALID ||
		relid == cat.policy_relid || relid == cat.state_relid)
	{
		policies_state = BOUNCE_CACHE_STALE;
		memo_policy = NULL;
	}
}

/* The OID of a relation in schema bounce, or an error. */
Oid
bounce_relid(const char *name)
{
	Oid			nsp = get_namespace_oid(BOUNCE_SCHEMA, false);
	Oid			relid = get_relname_relid(name, nsp);

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation %s.%s does not exist", BOUNCE_SCHEMA, name),
				 errhint("Reinstall the extension with DROP EXTENSION bounce and CREATE EXTENSION bounce.")));
	return relid;
}

/* Fill one enum's label OIDs. */
static void
enum_oids(const char *typname, const char *const *labels, int n, Oid *out)
{
	for (int i = 0; i < n; i++)
		out[i] = bounce_enum_label_oid(typname, labels[i]);
}

/* The owner of extension bounce. */
static Oid
extension_owner(void)
{
	Oid			extoid = get_extension_oid("bounce", false);
	Relation	rel;
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tup;
	Oid			owner;

	rel = table_open(ExtensionRelationId, AccessShareLock);
	ScanKeyInit(&key, Anum_pg_extension_oid, BTEqualStrategyNumber,
				F_OIDEQ, ObjectIdGetDatum(extoid));
	scan = systable_beginscan(rel, ExtensionOidIndexId, true, NULL, 1, &key);
	tup = systable_getnext(scan);
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "could not find tuple for extension %u", extoid);
	owner = ((Form_pg_extension) GETSTRUCT(tup))->extowner;
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return owner;
}

/* Look everything up; called when cat.valid is false. */
static void
catalog_load(void)
{
	Relation	rel;
	TupleDesc	desc;
	StateCatalog c;

	if (!callback_registered)
	{
		bounce_on_relcache_change(store_invalidate);
		callback_registered = true;
	}

	/* an invalidation from here on leaves the result for this call only */
	cat_state = BOUNCE_CACHE_LOADING;
	memset(&c, 0, sizeof(c));
	c.state_relid = bounce_relid("address_state");
	c.policy_relid = bounce_relid("policy");
	c.suppression_relid = bounce_relid("suppression");
	c.owner = extension_owner();

	rel = table_open(c.state_relid, AccessShareLock);
	c.pkey_relid = RelationGetPrimaryKeyIndex(rel);
	if (!OidIsValid(c.pkey_relid))
		elog(ERROR, "relation %s.address_state has no primary key", BOUNCE_SCHEMA);
	desc = RelationGetDescr(rel);
	c.natts = desc->natts;
	for (int i = 0; i < SC_COUNT; i++)
	{
		c.attnum[i] = InvalidAttrNumber;
		for (int a = 0; a < desc->natts; a++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, a);

			if (!att->attisdropped &&
				strcmp(NameStr(att->attname), state_col_names[i]) == 0)
				c.attnum[i] = att->attnum;
		}
		if (c.attnum[i] == InvalidAttrNumber)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("column \"%s\" of relation %s.address_state does not exist",
							state_col_names[i], BOUNCE_SCHEMA),
					 errhint("Update the extension with ALTER EXTENSION bounce UPDATE.")));
	}
	table_close(rel, AccessShareLock);

	enum_oids("address_status", bn_address_status_names, BN_ADDRESS_STATUS_COUNT,
			  c.status_oid);
	enum_oids("suppression_reason", bn_suppression_names, BN_SUPPRESSION_COUNT,
			  c.suppression_oid);
	enum_oids("event_type", bn_event_type_names, BN_EVENT_COUNT, c.event_oid);

	cat = c;
	bounce_cache_loaded(&cat_state);
}

/* Make sure the catalog information is there. */
static inline void
catalog_ensure(void)
{
	if (unlikely(cat_state != BOUNCE_CACHE_VALID))
		catalog_load();
}

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
 * Users
 * ---------------------------------------------------------------- */

/* Run as userid until restore_user (an error restores it too). */
void
become_user(Oid userid, SavedUser *saved)
{
	GetUserIdAndSecContext(&saved->userid, &saved->sec_context);
	SetUserIdAndSecContext(userid, saved->sec_context |
						   SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_NOFORCE_RLS);
}

/* Run as the extension's owner. */
void
become_extension_owner(SavedUser *saved)
{
	catalog_ensure();
	become_user(cat.owner, saved);
}

/* Back to the user saved. */
void
restore_user(const SavedUser *saved)
{
	SetUserIdAndSecContext(saved->userid, saved->sec_context);
}

/* ISO 8601 UTC text of a time, for evidence. */
char *
bn_time_text(BnTime t)
{
	char		buf[BN_CAMPAIGN_TIME_BUFSIZE];

	if (t == BN_TIME_NONE)
		return pstrdup("");
	bn_campaign_time_key(t, buf);
	return pstrdup(buf + 1);
}

/* ----------------------------------------------------------------
 * Policy
 * ---------------------------------------------------------------- */

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

	catalog_ensure();
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
	memo_policy = NULL;
	default_policy = bn_policy_default;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	become_extension_owner(&saved);
	ret = SPI_execute_snapshot(SPI_prepare("SELECT tenant, hard_threshold, soft_threshold,"
										   " reset_on::pg_catalog.text[], reset_on_delivered"
										   " FROM bounce.policy", 0, NULL),
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
	}
	SPI_finish();

	qsort(entries, n, sizeof(PolicyEntry), policy_cmp);
	for (int i = 0; i < n; i++)
		if (entries[i].tenant[0] == '\0')
			default_policy = entries[i].policy;
	policies = entries;
	n_policies = n;
	bounce_cache_loaded(&policies_state);
}

/* The policy of a tenant (a pointer valid until the cache reloads). */
static const BnPolicy *
policy_lookup(const char *tenant)
{
	int			lo = 0,
				hi;

	if (unlikely(policies_state != BOUNCE_CACHE_VALID))
		policies_load();
	if (memo_policy != NULL && strcmp(memo_tenant, tenant) == 0)
		return memo_policy;

	memo_policy = &default_policy;
	hi = n_policies - 1;
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		int			c = strcmp(policies[mid].tenant, tenant);

		if (c == 0)
		{
			memo_policy = &policies[mid].policy;
			break;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	if (strlen(tenant) < sizeof(memo_tenant))
		strcpy(memo_tenant, tenant);
	else
	{
		const BnPolicy *p = memo_policy;

		memo_policy = NULL;
		return p;
	}
	return memo_policy;
}

/* The policy of a tenant; see track.h. */
BnPolicy
policy_for(const char *tenant)
{
	return *policy_lookup(tenant);
}

/* ----------------------------------------------------------------
 * The state table
 * ---------------------------------------------------------------- */

/* Open bounce.address_state and its primary key for one trigger call. */
void
state_store_open(StateStore *ss)
{
	catalog_ensure();
	memset(ss, 0, sizeof(*ss));
	ss->cxt = CurrentMemoryContext;
	ss->rel = table_open(cat.state_relid, RowExclusiveLock);
	ss->pkey = index_open(cat.pkey_relid, RowExclusiveLock);
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

	catalog_ensure();
	rel = table_open(cat.state_relid, AccessShareLock);
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
	catalog_ensure();
	memset(ss, 0, sizeof(*ss));
	ss->cxt = CurrentMemoryContext;
	ss->rel = table_open(cat.state_relid, RowExclusiveLock);
	ss->pkey = index_open(cat.pkey_relid, RowExclusiveLock);
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
	Datum		d = slot_getattr(slot, cat.attnum[col], &isnull);

	return isnull ? BN_TIME_NONE : DatumGetTimestampTz(d);
}

/* A text[] column of campaigns into a ring (the newest BN_THRESHOLD_MAX). */
static void
ring_of(TupleTableSlot *slot, StateCol col, BnCampaign *ring, int *n)
{
	bool		isnull;
	Datum		d = slot_getattr(slot, cat.attnum[col], &isnull);
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

	d = slot_getattr(slot, cat.attnum[SC_STATUS], &isnull);
	i = isnull ? 0 : oid_index(cat.status_oid, BN_ADDRESS_STATUS_COUNT, DatumGetObjectId(d));
	st->status = (BnAddressStatus) Max(i, 0);
	d = slot_getattr(slot, cat.attnum[SC_SUPPRESSION_REASON], &isnull);
	if (!isnull)
	{
		i = oid_index(cat.suppression_oid, BN_SUPPRESSION_COUNT, DatumGetObjectId(d));
		st->suppressed = (BnSuppression) i;
	}
	if (st->status == BN_ADDR_SUPPRESSED && st->suppressed == BN_SUPPRESSION_NONE)
		st->suppressed = BN_SUPPRESSION_MANUAL;
	if (st->status != BN_ADDR_SUPPRESSED)
		st->suppressed = BN_SUPPRESSION_NONE;
	st->status_since = time_of(slot, SC_STATUS_SINCE);
	d = slot_getattr(slot, cat.attnum[SC_HARD_STREAK], &isnull);
	st->hard_streak = isnull ? 0 : DatumGetInt32(d);
	d = slot_getattr(slot, cat.attnum[SC_SOFT_STREAK], &isnull);
	st->soft_streak = isnull ? 0 : DatumGetInt32(d);
	ring_of(slot, SC_HARD_CAMPAIGNS, st->hard, &st->n_hard);
	ring_of(slot, SC_SOFT_CAMPAIGNS, st->soft, &st->n_soft);
	st->last_counted_at = time_of(slot, SC_LAST_COUNTED_AT);
	st->last_sent_at = time_of(slot, SC_LAST_SENT_AT);
	st->last_bounce_at = time_of(slot, SC_LAST_BOUNCE_AT);
	d = slot_getattr(slot, cat.attnum[SC_LAST_REASON], &isnull);
	if (!isnull)
		st->last_reason = bounce_reason_from_oid(DatumGetObjectId(d));
	d = slot_getattr(slot, cat.attnum[SC_LAST_KIND], &isnull);
	if (!isnull)
		st->last_kind = bounce_kind_from_oid(DatumGetObjectId(d));
	if (st->last_bounce_at == BN_TIME_NONE)
	{
		st->last_reason = BN_REASON_UNDEFINED;
		st->last_kind = BN_KIND_UNDETERMINED;
	}
	st->cleared_at = time_of(slot, SC_CLEARED_AT);
	st->last_event_at = time_of(slot, SC_LAST_EVENT_AT);
	d = slot_getattr(slot, cat.attnum[SC_LAST_EVENT], &isnull);
	i = isnull ? -1 : oid_index(cat.event_oid, BN_EVENT_COUNT, DatumGetObjectId(d));
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
	d = slot_getattr(ss->found, cat.attnum[SC_TENANT], &isnull);
	t = DatumGetTextPP(d);
	if (isnull || VARSIZE_ANY_EXHDR(t) != strlen(tenant) ||
		memcmp(VARDATA_ANY(t), tenant, VARSIZE_ANY_EXHDR(t)) != 0)
		return false;
	d = slot_getattr(ss->found, cat.attnum[SC_ADDRESS], &isnull);
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
	int			i = cat.attnum[col] - 1;

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
	do { values[cat.attnum[col] - 1] = (v); nulls[cat.attnum[col] - 1] = false; } while (0)

	if (ss->have_row)
	{
		/* the key as stored */
		bool		isnull;

		SET(SC_TENANT, slot_getattr(ss->found, cat.attnum[SC_TENANT], &isnull));
		SET(SC_ADDRESS, slot_getattr(ss->found, cat.attnum[SC_ADDRESS], &isnull));
	}
	else
	{
		SET(SC_TENANT, CStringGetTextDatum(tenant));
		SET(SC_ADDRESS, CStringGetTextDatum(address));
	}
	SET(SC_STATUS, ObjectIdGetDatum(cat.status_oid[st->status]));
	if (st->status == BN_ADDR_SUPPRESSED && st->suppressed != BN_SUPPRESSION_NONE)
		SET(SC_SUPPRESSION_REASON, ObjectIdGetDatum(cat.suppression_oid[st->suppressed]));
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
		SET(SC_LAST_EVENT, ObjectIdGetDatum(cat.event_oid[st->last_event]));
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
										list_make1_oid(cat.pkey_relid), false);
#else
		recheck = ExecInsertIndexTuples(ss->rri, ss->newrow, ss->estate,
										false, true, &conflict,
										list_make1_oid(cat.pkey_relid));
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

/* ----------------------------------------------------------------
 * The suppression list
 * ---------------------------------------------------------------- */

/* Prepare the statements of the sync, once (again after invalidation). */
static void
sync_plans(void)
{
	if (plans_stale)
	{
		if (sync_upsert_plan)
			SPI_freeplan(sync_upsert_plan);
		if (sync_delete_plan)
			SPI_freeplan(sync_delete_plan);
		sync_upsert_plan = NULL;
		sync_delete_plan = NULL;
		plans_stale = false;
	}
	if (sync_upsert_plan == NULL)
	{
		Oid			types[5] = {TEXTOID, TEXTOID, TEXTOID, TIMESTAMPTZOID, TEXTOID};
		SPIPlanPtr	p;

		p = SPI_prepare("INSERT INTO bounce.suppression AS s"
						" (tenant, address, reason, suppressed_at, source, derived)"
						" VALUES ($1, $2, $3::bounce.suppression_reason, $4, $5, true)"
						" ON CONFLICT (tenant, address) DO UPDATE"
						" SET reason = excluded.reason, suppressed_at = excluded.suppressed_at,"
						" source = excluded.source"
						" WHERE s.derived AND (s.reason OPERATOR(pg_catalog.<>) excluded.reason"
						" OR s.suppressed_at OPERATOR(pg_catalog.<>) excluded.suppressed_at)",
						5, types);
		if (p == NULL)
			elog(ERROR, "could not prepare the suppression sync: %s",
				 SPI_result_code_string(SPI_result));
		SPI_keepplan(p);
		sync_upsert_plan = p;
	}
	if (sync_delete_plan == NULL)
	{
		Oid			types[2] = {TEXTOID, TEXTOID};
		SPIPlanPtr	p;

		p = SPI_prepare("DELETE FROM bounce.suppression"
						" WHERE tenant OPERATOR(pg_catalog.=) $1"
						" AND address OPERATOR(pg_catalog.=) $2 AND derived"
						" AND reason OPERATOR(pg_catalog.<>) 'complaint'",
						2, types);
		if (p == NULL)
			elog(ERROR, "could not prepare the suppression sync: %s",
				 SPI_result_code_string(SPI_result));
		SPI_keepplan(p);
		sync_delete_plan = p;
	}
}

/* Run a sync statement as the owner, its audit naming the current user. */
static void
sync_execute(SPIPlanPtr plan, Datum *values, const char *evidence, int expect)
{
	SavedUser	saved;
	Oid			actor = GetUserId();
	volatile int ret = 0;

	become_extension_owner(&saved);
	audit_actor = actor;
	audit_evidence = evidence;
	PG_TRY();
	{
		/*
		 * A fresh snapshot: under REPEATABLE READ the row may have been
		 * written by a transaction that committed after ours began (the
		 * state row serialized us behind it), and ON CONFLICT would call
		 * that a serialization failure.
		 */
		ret = SPI_execute_snapshot(plan, values, NULL, GetLatestSnapshot(),
								   InvalidSnapshot, false, true, 0);
	}
	PG_FINALLY();
	{
		audit_actor = InvalidOid;
		audit_evidence = NULL;
	}
	PG_END_TRY();
	restore_user(&saved);
	if (ret != expect)
		elog(ERROR, "could not update %s.suppression: %s", BOUNCE_SCHEMA,
			 SPI_result_code_string(ret));
}

/* Bring the derived suppression row in step; see track.h. */
void
suppression_sync(const char *tenant, const char *address, const BnState *st,
				 const char *source, const char *evidence)
{
	SavedUser	saved;

	catalog_ensure();
	become_extension_owner(&saved);
	sync_plans();
	restore_user(&saved);
	if (st->status == BN_ADDR_SUPPRESSED && st->suppressed != BN_SUPPRESSION_NONE)
	{
		Datum		values[5];

		values[0] = CStringGetTextDatum(tenant);
		values[1] = CStringGetTextDatum(address);
		values[2] = CStringGetTextDatum(bn_suppression_names[st->suppressed]);
		values[3] = TimestampTzGetDatum(st->status_since);
		values[4] = CStringGetTextDatum(source);
		sync_execute(sync_upsert_plan, values, evidence, SPI_OK_INSERT);
	}
	else
	{
		Datum		values[2];

		values[0] = CStringGetTextDatum(tenant);
		values[1] = CStringGetTextDatum(address);
		sync_execute(sync_delete_plan, values, evidence, SPI_OK_DELETE);
	}
}

/* The derived rows of every address at once; see track.h. */
void
suppression_sync_all(const char *source)
{
	SavedUser	saved;
	Oid			actor = GetUserId();
	Oid			types[1] = {TEXTOID};
	Datum		values[1];
	char	   *evidence;
	volatile int ret = SPI_OK_DELETE;

	catalog_ensure();
	values[0] = CStringGetTextDatum(source);
	{
		StringInfoData buf;

		initStringInfo(&buf);
		appendStringInfoString(&buf, "{\"events\": ");
		escape_json(&buf, source);
		appendStringInfoString(&buf, ", \"rebuild\": true}");
		evidence = buf.data;
	}

	become_extension_owner(&saved);
	audit_actor = actor;
	audit_evidence = evidence;
	PG_TRY();
	{
		ret = SPI_execute_with_args(
									"DELETE FROM bounce.suppression p USING bounce.address_state s"
									" WHERE p.derived AND p.reason OPERATOR(pg_catalog.<>) 'complaint'"
									" AND s.tenant OPERATOR(pg_catalog.=) p.tenant"
									" AND s.address OPERATOR(pg_catalog.=) p.address"
									" AND s.status OPERATOR(pg_catalog.<>) 'suppressed'",
									0, NULL, NULL, NULL, false, 0);
		if (ret == SPI_OK_DELETE)
			ret = SPI_execute_with_args(
										"DELETE FROM bounce.suppression p WHERE p.derived"
										" AND p.reason OPERATOR(pg_catalog.<>) 'complaint'"
										" AND NOT EXISTS (SELECT FROM bounce.address_state s"
										" WHERE s.tenant OPERATOR(pg_catalog.=) p.tenant"
										" AND s.address OPERATOR(pg_catalog.=) p.address)",
										0, NULL, NULL, NULL, false, 0);
		if (ret == SPI_OK_DELETE)
			ret = SPI_execute_with_args(
										"INSERT INTO bounce.suppression AS p"
										" (tenant, address, reason, suppressed_at, source, derived)"
										" SELECT s.tenant, s.address, s.suppression_reason, s.status_since, $1, true"
										" FROM bounce.address_state s"
										" WHERE s.status OPERATOR(pg_catalog.=) 'suppressed'"
										" AND s.suppression_reason IS NOT NULL"
										" AND s.status_since IS NOT NULL"
										" ORDER BY s.tenant, s.address"
										" ON CONFLICT (tenant, address) DO UPDATE"
										" SET reason = excluded.reason, suppressed_at = excluded.suppressed_at,"
										" source = excluded.source"
										" WHERE p.derived AND (p.reason OPERATOR(pg_catalog.<>) excluded.reason"
										" OR p.suppressed_at OPERATOR(pg_catalog.<>) excluded.suppressed_at)",
										1, types, values, NULL, false, 0);
	}
	PG_FINALLY();
	{
		audit_actor = InvalidOid;
		audit_evidence = NULL;
	}
	PG_END_TRY();
	restore_user(&saved);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "could not update %s.suppression: %s", BOUNCE_SCHEMA,
			 SPI_result_code_string(ret));
}

/* Where bounce.suppression_audited() runs, and the columns it reads. */
static const char *const audited_tables[] = {"suppression", NULL};
static const TriggerColumn audited_columns[] = {
	{"tenant", TEXTOID, NULL},
	{"address", TEXTOID, NULL},
	{"reason", InvalidOid, "suppression_reason"},
};
static const TriggerSpec audited_spec = {
	"bounce.suppression_audited", audited_tables, TC_AFTER,
	TC_INSERT | TC_UPDATE | TC_DELETE, 0, audited_columns, 3,
	"It is the trigger suppression_audited of bounce.suppression, AFTER INSERT OR UPDATE OR DELETE FOR EACH ROW; it is not meant for other tables."
};

/*
 * May the current role skip the audit of a restore?  Only one that could
 * write bounce.suppression_audit itself: a superuser or the extension's
 * owner (or a member of its role).  Anyone else with INSERT on
 * bounce.suppression may set check_function_bodies too.
 */
bool
bounce_may_skip_audit(void)
{
	catalog_ensure();
	return superuser() || has_privs_of_role(GetUserId(), cat.owner);
}

PG_FUNCTION_INFO_V1(bounce_suppression_audited);

/*
 * bounce.suppression_audited(): AFTER ROW trigger on bounce.suppression
 * recording each change in bounce.suppression_audit, as the extension's
 * owner, so that neither the trigger's nor a user's change needs (or
 * gives) write access to the audit table.  Rows inserted with
 * check_function_bodies off by a superuser or the extension's owner -- a
 * restore of a dump, which brings its own audit rows -- are not recorded.
 * It refuses any table but bounce.suppression (trigger_check()).
 */
Datum
bounce_suppression_audited(PG_FUNCTION_ARGS)
{
	TriggerData *td;
	HeapTuple	row;
	TupleDesc	desc;
	const char *action;
	Datum		values[7];
	char		nulls[7] = {' ', ' ', ' ', ' ', ' ', ' ', ' '};
	Oid			who;
	SavedUser	saved;
	int			ret;
	bool		isnull;
	AttrNumber	att[3];

	td = trigger_check(fcinfo, &audited_spec, att);

	/*
	 * A pg_dump script (plain or through pg_restore) runs with
	 * check_function_bodies off and brings the audit rows of the rows it
	 * restores with it: the restore is not a change to record.  Only a role
	 * that could write the audit itself may skip it so.
	 */
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event) && !check_function_bodies &&
		!OidIsValid(audit_actor) && bounce_may_skip_audit())
		return PointerGetDatum(NULL);

	desc = RelationGetDescr(td->tg_relation);
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		row = td->tg_trigtuple;
		action = "suppress";
	}
	else if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		row = td->tg_newtuple;
		action = "change";
	}
	else
	{
		row = td->tg_trigtuple;
		action = "unsuppress";
	}

	who = OidIsValid(audit_actor) ? audit_actor : GetUserId();

	values[0] = heap_getattr(row, att[0], desc, &isnull);
	if (isnull)
		nulls[0] = 'n';
	values[1] = heap_getattr(row, att[1], desc, &isnull);
	if (isnull)
		nulls[1] = 'n';
	values[2] = CStringGetTextDatum(action);
	values[3] = heap_getattr(row, att[2], desc, &isnull);
	if (isnull)
		nulls[3] = 'n';
	values[4] = CStringGetTextDatum(GetUserNameFromId(who, false));
	values[5] = audit_evidence ? CStringGetTextDatum(audit_evidence) : (Datum) 0;
	if (audit_evidence == NULL)
		nulls[5] = 'n';
	values[6] = heap_copy_tuple_as_datum(row, desc);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	become_extension_owner(&saved);
	if (audit_plan == NULL || audit_plan_stale ||
		audit_plan_rowtype != desc->tdtypeid)
	{
		Oid			types[7] = {TEXTOID, TEXTOID, TEXTOID, InvalidOid, TEXTOID,
		TEXTOID, InvalidOid};
		SPIPlanPtr	p;

		types[3] = TupleDescAttr(desc, att[2] - 1)->atttypid;
		types[6] = desc->tdtypeid;
		if (audit_plan)
			SPI_freeplan(audit_plan);
		audit_plan = NULL;
		p = SPI_prepare("INSERT INTO bounce.suppression_audit"
						" (tenant, address, action, reason, who, evidence)"
						" VALUES ($1, $2, $3, $4, $5,"
						" COALESCE($6::pg_catalog.jsonb, pg_catalog.to_jsonb($7)))",
						7, types);
		if (p == NULL)
			elog(ERROR, "could not prepare the suppression audit: %s",
				 SPI_result_code_string(SPI_result));
		SPI_keepplan(p);
		audit_plan = p;
		audit_plan_rowtype = desc->tdtypeid;
		audit_plan_stale = false;
	}
	ret = SPI_execute_plan(audit_plan, values, nulls, false, 0);
	restore_user(&saved);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "could not write %s.suppression_audit: %s", BOUNCE_SCHEMA,
			 SPI_result_code_string(ret));
	SPI_finish();

	return PointerGetDatum(NULL);
}
