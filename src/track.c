/*
 * track.c
 *		bounce.track(): the trigger on the sender's own events table.
 *
 *	CREATE TRIGGER bounce_track AFTER INSERT ON events
 *		REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT
 *		EXECUTE FUNCTION bounce.track('address=email', 'event=type',
 *			'time=occurred_at', 'campaign=campaign_id', 'tenant=account_id',
 *			'diagnostic=diagnostic', 'status=smtp_status', 'reply_code=smtp_code');
 *
 * or FOR EACH ROW.  The arguments name the sender's columns, key=column, in
 * any order; see the keys below.  The mapping is checked and its attribute
 * numbers and types resolved once per trigger and relation, and kept until
 * the relation's relcache entry is invalidated.
 *
 * Per address, the new events are applied to the stored state when they
 * all sort after the newest event already applied (the common case: one
 * index probe and one heap update); otherwise -- an event arriving late,
 * or a duplicate bounce -- the address is replayed from the events table
 * with a prepared query, which wants an index on the events table on
 * (tenant column, lower(address column)), or on the address column itself
 * when it is citext.
 *
 * FOR EACH STATEMENT reads the transition table (in batches of up to a
 * million events), sorts each batch by (hash of tenant and address, event
 * order) and touches each address once per batch, in hash order: two
 * statements never wait for each other in opposite orders.  FOR EACH ROW
 * touches the address of each row as it comes, so two concurrent
 * multi-row statements naming the same addresses in opposite orders can
 * deadlock (as with any row-by-row upsert); that is why
 * bounce.track_events() attaches the statement form by default.  In the
 * benchmark (test/bench-track.sh) the statement form costs about 1 us per
 * event under COPY, the row form about 9 (a COPY into a row trigger leaves
 * a version of the state row per event, none prunable before commit).
 *
 * Rows: one with no address (NULL or empty) or no event is skipped; no
 * time, or an infinite one, is an error; an event name not among
 * bn_event_type_from_name's is an error (22023) unless the arguments say
 * unknown_event=ignore; a reason or kind given as text that is no such
 * name is an error (22P02).  A bounce without a reason column value is
 * classified from its diagnostic, status and reply code with the sender's
 * rules.  A replay skips the rows the trigger would have refused.
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
#include "tenancy.h"
#include "track.h"
#include "track_map.h"


/* Events per sorted batch of a statement (about 100 bytes each). */
#define BATCH_EVENTS 1000000

/* State of one trigger call. */
typedef struct TrackCall
{
	TrackMap   *map;
	StateStore	ss;
	bool		spi;			/* SPI connected */
	MemoryContext call_cxt;		/* the call's */
	MemoryContext addr_cxt;		/* reset per address */
	int64		replays;
} TrackCall;

/* Kept with the trigger's FmgrInfo for the statement; see bounce_track. */
typedef struct TrackStmtCache
{
	MemoryContext cxt;			/* reset after each call */
	MemoryContext addr_cxt;		/* reset after each address */
	TupleTableSlot *found;
	TupleTableSlot *newrow;
	Datum		empty_array;
} TrackStmtCache;

static void track_spi_connect(TrackCall *call);

/* ----------------------------------------------------------------
 * Applying a batch
 * ---------------------------------------------------------------- */

/* Connect SPI once per call, keeping our memory context. */
static void
track_spi_connect(TrackCall *call)
{
	MemoryContext old = CurrentMemoryContext;

	if (call->spi)
		return;
	MemoryContextSwitchTo(call->call_cxt);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	MemoryContextSwitchTo(old);
	call->spi = true;
}

/* JSON evidence of a suppression change. */
static char *
evidence_json(TrackMap *map, const TrackEvent *te, bool replayed)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "{\"events\": ");
	escape_json(&buf, map->relname);
	if (te != NULL)
	{
		appendStringInfoString(&buf, ", \"event\": ");
		escape_json(&buf, bn_event_type_names[te->ev.type]);
		appendStringInfoString(&buf, ", \"at\": ");
		escape_json(&buf, bn_time_text(te->ev.at));
		if (te->ev.campaign != NULL)
		{
			appendStringInfoString(&buf, ", \"campaign\": ");
			escape_json(&buf, pnstrdup(te->ev.campaign, te->ev.campaign_len));
		}
		if (te->ev.type == BN_EVENT_BOUNCE)
		{
			appendStringInfoString(&buf, ", \"reason\": ");
			escape_json(&buf, bn_reason_names[te->ev.reason]);
			appendStringInfoString(&buf, ", \"kind\": ");
			escape_json(&buf, bn_kind_names[te->ev.kind]);
		}
	}
	appendStringInfo(&buf, ", \"replayed\": %s}", replayed ? "true" : "false");
	return buf.data;
}

/*
 * Apply the events of one address (sorted, at least one) and store the
 * state; replay the address when they do not all come after it.
 */
static void
track_address(TrackCall *call, TrackEvent **evs, int n)
{
	TrackMap   *map = call->map;
	const char *tenant = evs[0]->tenant;
	const char *address = evs[0]->address;
	BnPolicy	policy = policy_for(tenant);
	BnState		st;
	BnAddressStatus old_status;
	BnSuppression old_supp;
	BnTime		old_since;
	bool		replayed;
	const TrackEvent *cause = NULL;

	tenant_require_bound(tenant, "track the addresses");
	/* an invalid address goes on the invalid list, not into the state */
	if (bounce_note_invalid(tenant, address, evs[0]->address_len, evs[0]->ev.at,
							map->relname))
		return;

	for (;;)
	{
		bool		found;

		found = state_store_fetch(&call->ss, tenant, address, &st);
		old_status = st.status;
		old_supp = st.suppressed;
		old_since = st.status_since;
		replayed = false;
		cause = NULL;

		if (!found || bn_state_in_order(&st, &evs[0]->ev))
		{
			for (int i = 0; i < n; i++)
			{
				unsigned	done = bn_state_apply(&st, &evs[i]->ev, &policy);

				if (done & (BN_APPLY_SUPPRESSED | BN_APPLY_REASON))
					cause = evs[i];
			}
		}
		else
		{
			track_spi_connect(call);
			track_replay_address(tenant, address, &st, &policy, call->addr_cxt);
			call->replays++;
			replayed = true;
		}
		if (state_store_write(&call->ss, tenant, address, &st))
			break;
		CHECK_FOR_INTERRUPTS();
	}

	if ((old_status == BN_ADDR_SUPPRESSED) != (st.status == BN_ADDR_SUPPRESSED) ||
		(st.status == BN_ADDR_SUPPRESSED &&
		 (old_supp != st.suppressed || old_since != st.status_since)))
	{
		track_spi_connect(call);
		suppression_sync(tenant, address, &st, map->relname,
						 evidence_json(map, cause, replayed));
	}
}

/*
 * A batch is sorted through an array of small keys: a 64-bit hash of
 * (tenant, address), then the event order.  Most comparisons end in the
 * key array without touching the events, and the order of the hashes is
 * the same in every backend, which is all the lock order needs.  Equal
 * hashes of different addresses are told apart after the sort.
 */
typedef struct SortKey
{
	uint64		h;
	BnTime		at;
	uint32		idx;			/* in the batch's events, arrival order */
	int32		type;
} SortKey;

/* The order of two keys; events breaks ties between bounces. */
static inline int
sortkey_cmp(const SortKey *a, const SortKey *b, TrackEvent *events)
{
	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	if (a->type == BN_EVENT_BOUNCE)
	{
		int			c = bn_event_cmp(&events[a->idx].ev, &events[b->idx].ev);

		if (c != 0)
			return c;
	}
	return (a->idx > b->idx) - (a->idx < b->idx);
}

#define ST_SORT sort_batch_keys
#define ST_ELEMENT_TYPE SortKey
#define ST_COMPARE(a, b, arg) sortkey_cmp(a, b, arg)
#define ST_COMPARE_ARG_TYPE TrackEvent
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/* Full order, for a run of equal hashes: tenant, address, event, arrival. */
static int
collision_cmp(const void *pa, const void *pb, void *arg)
{
	const SortKey *ka = (const SortKey *) pa;
	const SortKey *kb = (const SortKey *) pb;
	TrackEvent *events = (TrackEvent *) arg;
	const TrackEvent *a = &events[ka->idx];
	const TrackEvent *b = &events[kb->idx];
	int			c;

	c = strcmp(a->tenant, b->tenant);
	if (c == 0)
		c = strcmp(a->address, b->address);
	if (c == 0)
		c = sortkey_cmp(ka, kb, events);
	return c;
}

/* The same tenant and address. */
static inline bool
same_address(const TrackEvent *a, const TrackEvent *b)
{
	return (a->tenant == b->tenant || strcmp(a->tenant, b->tenant) == 0) &&
		a->address_len == b->address_len &&
		memcmp(a->address, b->address, a->address_len) == 0;
}

/* Apply a batch, address by address in hash order. */
static void
track_batch(TrackCall *call, TrackEvent *events, SortKey *keys, int n)
{
	int			start = 0;
	TrackEvent **group = NULL;
	int			group_cap = 0;

	sort_batch_keys(keys, n, events);
	while (start < n)
	{
		int			end = start + 1;
		bool		collided = false;
		MemoryContext old;

		while (end < n && keys[end].h == keys[start].h)
		{
			if (!same_address(&events[keys[end].idx], &events[keys[start].idx]))
				collided = true;
			end++;
		}
		if (collided)
		{
			qsort_arg(keys + start, end - start, sizeof(SortKey), collision_cmp, events);
			end = start + 1;
			while (end < n && keys[end].h == keys[start].h &&
				   same_address(&events[keys[end].idx], &events[keys[start].idx]))
				end++;
		}

		if (end - start > group_cap)
		{
			group_cap = Max(64, (end - start) * 2);
			group = group ? repalloc(group, sizeof(TrackEvent *) * group_cap) :
				MemoryContextAlloc(call->call_cxt, sizeof(TrackEvent *) * group_cap);
		}
		for (int i = start; i < end; i++)
			group[i - start] = &events[keys[i].idx];

		old = MemoryContextSwitchTo(call->addr_cxt);
		track_address(call, group, end - start);
		MemoryContextSwitchTo(old);
		MemoryContextReset(call->addr_cxt);
		start = end;
	}
	if (group)
		pfree(group);
}

/* FOR EACH STATEMENT: the transition table, in batches. */
static void
track_statement(TrackCall *call, TriggerData *td)
{
	TrackMap   *map = call->map;
	Tuplestorestate *ts = td->tg_newtable;
	TupleTableSlot *slot = track_transition_slot(map, td);
	MemoryContext batch_cxt;
	bool		more = true;
	int64		rowpos = 0;		/* rows of the statement read so far */

	batch_cxt = AllocSetContextCreate(CurrentMemoryContext, "bounce track batch",
									  ALLOCSET_DEFAULT_SIZES);
	while (more)
	{
		MemoryContext old = MemoryContextSwitchTo(batch_cxt);
		Arena		arena;
		TrackEvent *events;
		SortKey    *keys;
		int			n = 0;
		int			cap = 1024;
		Datum		v[TK_COUNT];
		bool		isnull[TK_COUNT];
		const char *hashed_tenant = NULL;
		uint64		tenant_hash = 0;

		/* an address written by an earlier batch can be written again */
		CommandCounterIncrement();
		arena_init(&arena, batch_cxt);
		events = palloc(sizeof(TrackEvent) * cap);
		keys = palloc(sizeof(SortKey) * cap);
		for (;;)
		{
			TrackEvent *te;

			if (n >= BATCH_EVENTS)
				break;
			if (!tuplestore_gettupleslot(ts, true, false, slot))
			{
				more = false;
				break;
			}
			if (n >= cap)
			{
				cap = Min(cap * 2, BATCH_EVENTS);
				events = repalloc_huge(events, sizeof(TrackEvent) * cap);
				keys = repalloc_huge(keys, sizeof(SortKey) * cap);
			}
			te = &events[n];
			track_slot_values(map, slot, v, isnull);
			rowpos++;
			if (!track_read_event(map, map->cols, v, isnull, true, &arena, rowpos, te))
				continue;
			if (te->tenant != hashed_tenant)
			{
				hashed_tenant = te->tenant;
				tenant_hash = hash_bytes_extended((const unsigned char *) te->tenant,
												  te->tenant_len, 0);
			}
			te->seq = n;
			keys[n].h = hash_bytes_extended((const unsigned char *) te->address,
											te->address_len, tenant_hash);
			keys[n].at = te->ev.at;
			keys[n].type = te->ev.type;
			keys[n].idx = n;
			n++;
		}
		MemoryContextSwitchTo(old);
		if (n > 0)
			track_batch(call, events, keys, n);
		MemoryContextReset(batch_cxt);
	}
	ExecDropSingleTupleTableSlot(slot);
	MemoryContextDelete(batch_cxt);
}

/* FOR EACH ROW: the new row. */
static void
track_row(TrackCall *call, TriggerData *td)
{
	TrackMap   *map = call->map;
	Datum		v[TK_COUNT];
	bool		isnull[TK_COUNT];
	TrackEvent	te;
	TrackEvent *one = &te;
	Arena		arena;

	arena_init(&arena, call->addr_cxt);
	track_slot_values(map, td->tg_trigslot, v, isnull);
	if (!track_read_event(map, map->cols, v, isnull, true, &arena, 0, &te))
		return;
	te.seq = 0;
	track_address(call, &one, 1);
}

/* One call's work, counted in track_depth even when it fails. */
static void
track_call_run(TrackCall *call, TriggerData *td, TrackStmtCache *sc)
{
	track_hold();
	PG_TRY();
	{
		state_store_open_with(&call->ss, sc->found, sc->newrow, sc->empty_array);
		if (TRIGGER_FIRED_FOR_ROW(td->tg_event))
			track_row(call, td);
		else
			track_statement(call, td);
		state_store_close_keeping_slots(&call->ss);
		if (call->spi)
			SPI_finish();
	}
	PG_FINALLY();
	{
		track_release();
	}
	PG_END_TRY();
}

PG_FUNCTION_INFO_V1(bounce_track);

/*
 * bounce.track(): AFTER INSERT trigger on the sender's events table, FOR
 * EACH ROW or FOR EACH STATEMENT REFERENCING NEW TABLE; keeps
 * bounce.address_state.
 */
Datum
bounce_track(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TrackCall	call;
	TrackStmtCache *sc;
	MemoryContext old;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function bounce.track() was not called by the trigger manager"),
				 errhint("Attach it to an events table: CREATE TRIGGER ... AFTER INSERT ON events ... EXECUTE FUNCTION bounce.track('address=...', 'event=...', 'time=...').")));
	if (!TRIGGER_FIRED_AFTER(td->tg_event) || !TRIGGER_FIRED_BY_INSERT(td->tg_event))
		track_protocol_error(td->tg_trigger->tgname,
					   quote_qualified_identifier(get_namespace_name(RelationGetNamespace(td->tg_relation)),
												  RelationGetRelationName(td->tg_relation)),
					   "must fire AFTER INSERT",
					   "bounce.track() reads rows once they are inserted: CREATE TRIGGER ... AFTER INSERT.");

	memset(&call, 0, sizeof(call));
	call.map = track_map_get(td->tg_trigger, td->tg_relation);

	/* a Citus shard: the rows go to its queue, for bounce.apply_queued() */
	if (OidIsValid(call.map->queue_relid))
	{
		citus_queue_rows(call.map, td);
		return PointerGetDatum(NULL);
	}

	/* the inserted rows, and our own writes of earlier rows, become visible */
	CommandCounterIncrement();

	/*
	 * What every call of this trigger in this statement can share: memory
	 * and slots, kept with the trigger's FmgrInfo (which lives as long as
	 * the statement).
	 */
	sc = (TrackStmtCache *) fcinfo->flinfo->fn_extra;
	if (sc == NULL)
	{
		MemoryContext fcxt = fcinfo->flinfo->fn_mcxt;
		MemoryContext prev;

		sc = MemoryContextAllocZero(fcxt, sizeof(TrackStmtCache));
		sc->cxt = AllocSetContextCreate(fcxt, "bounce track", ALLOCSET_DEFAULT_SIZES);
		sc->addr_cxt = AllocSetContextCreate(fcxt, "bounce track address",
											 ALLOCSET_DEFAULT_SIZES);
		prev = MemoryContextSwitchTo(fcxt);
		state_store_make_slots(&sc->found, &sc->newrow, &sc->empty_array);
		MemoryContextSwitchTo(prev);
		fcinfo->flinfo->fn_extra = sc;
	}

	old = MemoryContextSwitchTo(sc->cxt);
	call.call_cxt = sc->cxt;
	call.addr_cxt = sc->addr_cxt;
	track_call_run(&call, td, sc);
	MemoryContextSwitchTo(old);
	MemoryContextReset(sc->addr_cxt);
	MemoryContextReset(sc->cxt);

	return PointerGetDatum(NULL);
}

/* ----------------------------------------------------------------
 * Applying events read elsewhere (bounce.apply_queued())
 * ---------------------------------------------------------------- */

struct TrackApplier
{
	TrackCall	call;
	TupleTableSlot *found;
	TupleTableSlot *newrow;
	Datum		empty_array;
};

/* See track.h. */
TrackApplier *
track_applier_begin(TrackMap *map)
{
	TrackApplier *a = palloc0(sizeof(TrackApplier));

	a->call.map = map;
	a->call.spi = true;			/* the caller's connection */
	a->call.call_cxt = CurrentMemoryContext;
	a->call.addr_cxt = AllocSetContextCreate(CurrentMemoryContext,
											 "bounce apply address",
											 ALLOCSET_DEFAULT_SIZES);
	state_store_make_slots(&a->found, &a->newrow, &a->empty_array);
	state_store_open_with(&a->call.ss, a->found, a->newrow, a->empty_array);
	return a;
}

/* See track.h. */
void
track_applier_address(TrackApplier *a, TrackEvent **evs, int n)
{
	MemoryContext old = MemoryContextSwitchTo(a->call.addr_cxt);

	track_address(&a->call, evs, n);
	MemoryContextSwitchTo(old);
	MemoryContextReset(a->call.addr_cxt);
}

/* See track.h. */
int64
track_applier_end(TrackApplier *a)
{
	int64		replays = a->call.replays;

	state_store_close(&a->call.ss);
	MemoryContextDelete(a->call.addr_cxt);
	pfree(a);
	return replays;
}

/* The description of a column of a map. */
static void
describe_col(StringInfo buf, TrackMap *m, int k)
{
	TrackCol   *c = &m->cols[k];

	appendStringInfo(buf, "\n  %s = %s (%s)", track_key_names[k], quote_identifier(c->colname),
					 format_type_be(c->typid));
}

/* Whether purged events of the table are archived, and by what. */
static void
describe_purge(StringInfo buf, Relation rel)
{
	Oid			fn = track_purge_function_oid();
	bool		del = false,
				trunc = false;

	if (rel->trigdesc != NULL && OidIsValid(fn))
		for (int i = 0; i < rel->trigdesc->numtriggers; i++)
		{
			Trigger    *t = &rel->trigdesc->triggers[i];

			if (t->tgfoid != fn || t->tgenabled == TRIGGER_DISABLED)
				continue;
			if (TRIGGER_FOR_DELETE(t->tgtype))
				del = true;
			if (TRIGGER_FOR_TRUNCATE(t->tgtype))
				trunc = true;
		}
	if (del && trunc)
		appendStringInfoString(buf, "\n  purge: rows deleted or truncated are archived (bounce.event_archive)");
	else
		appendStringInfo(buf, "\n  purge: %s NOT archived: the state of their addresses would change at their next replay (attach bounce.track_purge() with bounce.track_events())",
						 del ? "truncated rows" : trunc ? "deleted rows" : "deleted and truncated rows");
}

/*
 * For a partitioned table tracked by a statement trigger: is every
 * partition tracked too?  (A row trigger PostgreSQL clones itself.)
 */
static void
describe_partitions(StringInfo buf, Relation rel, Trigger *t)
{
	List	   *parts = find_all_inheritors(RelationGetRelid(rel), AccessShareLock, NULL);
	ListCell   *lc;
	int			n = 0;
	StringInfoData missing;

	initStringInfo(&missing);
	foreach(lc, parts)
	{
		Oid			part = lfirst_oid(lc);
		Relation	p;
		bool		has = false;

		if (part == RelationGetRelid(rel))
			continue;
		n++;
		p = table_open(part, AccessShareLock);
		if (p->trigdesc != NULL)
			for (int i = 0; i < p->trigdesc->numtriggers && !has; i++)
				has = p->trigdesc->triggers[i].tgfoid == t->tgfoid &&
					strcmp(p->trigdesc->triggers[i].tgname, t->tgname) == 0 &&
					p->trigdesc->triggers[i].tgenabled != TRIGGER_DISABLED;
		if (!has)
			appendStringInfo(&missing, "%s%s", missing.len > 0 ? ", " : "",
							 quote_qualified_identifier(get_namespace_name(RelationGetNamespace(p)),
														RelationGetRelationName(p)));
		table_close(p, AccessShareLock);
	}
	if (missing.len == 0)
		appendStringInfo(buf, "\n  partitions: %d, each tracked (rows written straight into a partition count; new partitions get the triggers)", n);
	else
		appendStringInfo(buf, "\n  partitions NOT tracked: %s (rows written straight into them are missed: SELECT bounce.track_partitions('%s'))",
						 missing.data, quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
																 RelationGetRelationName(rel)));
}

PG_FUNCTION_INFO_V1(bounce_track_check);

/*
 * bounce.track_check(events regclass): check the bounce.track() triggers of
 * a table as their first insert would, and describe them.
 */
Datum
bounce_track_check(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	Relation	rel;
	Oid			fn = track_function_oid();
	StringInfoData buf;
	int			found = 0;
	AclResult	aclresult;

	/* It describes the table's columns: ask what reading the table asks. */
	aclresult = pg_class_aclcheck(relid, GetUserId(), ACL_SELECT);
	if (aclresult != ACLCHECK_OK)
		aclcheck_error(aclresult, get_relkind_objtype(get_rel_relkind(relid)),
					   get_rel_name(relid));

	rel = table_open(relid, AccessShareLock);
	initStringInfo(&buf);
	if (rel->trigdesc != NULL)
	{
		for (int i = 0; i < rel->trigdesc->numtriggers; i++)
		{
			Trigger    *t = &rel->trigdesc->triggers[i];
			TrackMap   *m;

			if (t->tgfoid != fn)
				continue;
			m = track_map_get(t, rel);
			if (found++ > 0)
				appendStringInfoChar(&buf, '\n');
			appendStringInfo(&buf, "trigger %s on %s, for each %s%s",
							 quote_identifier(m->tgname), m->relname,
							 m->for_row ? "row" : "statement",
							 m->unknown_ignore ? ", unknown events ignored" : "");
			for (int k = 0; k < TK_COUNT; k++)
				if (m->cols[k].how != HOW_NONE)
					describe_col(&buf, m, k);
			appendStringInfo(&buf, "\n  replay: %s", m->replay_sql[0]);
			if (m->replay_sql[1] != m->replay_sql[0])
				appendStringInfo(&buf, "\n  replay (no tenant): %s", m->replay_sql[1]);
			describe_purge(&buf, rel);
			if (rel->rd_rel->relkind == RELKIND_PARTITIONED_TABLE)
				describe_partitions(&buf, rel, t);
		}
	}
	table_close(rel, AccessShareLock);
	if (found == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("relation %s has no bounce.track() trigger", get_rel_name(relid)),
				 errhint("Attach one with bounce.track_events().")));
	PG_RETURN_TEXT_P(cstring_to_text(buf.data));
}

