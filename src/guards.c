/*
 * guards.c
 *		The delete restriction (SPEC section 4): an address emailed within
 *		its tenant's recent_send_window may not be removed.
 *
 *	bounce.restrict_confirmed_removal()
 *		constraint trigger on bounce.address_state: deleting a confirmed
 *		bounce, or updating its status away from confirmed, is refused
 *		while its last_sent_at is within the window (SQLSTATE 23Q01).
 *
 *	bounce.protect_recent('address=email', 'tenant=account_id', 'list=list_id')
 *		constraint trigger for the sender's own contact tables, AFTER
 *		DELETE OR UPDATE FOR EACH ROW: deleting a contact emailed within
 *		the window, or changing its address, tenant or list, is refused.
 *		Created DEFERRABLE INITIALLY DEFERRED, the check runs at commit
 *		and judges the state then: a contact deleted and inserted again in
 *		the transaction (same tenant, list and address, any case) was not
 *		removed, and a send later in the transaction counts.
 *
 *	bounce.protected_until(address, tenant), bounce.remove_confirmed(address,
 *	tenant): the same rule for bounce.clean_list() and for a removal from
 *	the confirmed list that bounce.rebuild() keeps.
 *
 * Reading the state needs no privilege: bounce.address_state is probed
 * through its primary key with the index access method, and the window
 * comes from the one policy cache (policy.c, which reads bounce.policy's
 * Citus placement where there is one), so a role that may only delete
 * from its contacts is judged like any other.  Whether a contact is still
 * there is asked of the contact table with a prepared query run as the
 * table's owner, as ri_triggers.c does, and only when the address is
 * protected at all: the common delete costs one index probe of
 * bounce.address_state.
 *
 * The column mapping of a trigger (attribute numbers, types, output
 * functions, the prepared queries) is resolved once per trigger and
 * relation and kept until the relation's relcache entry is invalidated.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relscan.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/partition.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_operator.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/fmgroids.h"
#include "utils/formatting.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/pg_locale.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "addrkey.h"
#include "catalog.h"
#include "citus.h"
#include "guards.h"
#include "tenancy.h"
#include "track.h"
#include "trigcache.h"
#include "trigger_check.h"

/* ----------------------------------------------------------------
 * Probes by primary key
 * ---------------------------------------------------------------- */

/*
 * Fetch the row of (tenant[, address]) from one of our tables by its
 * primary key, copying natts columns; false when there is none.  A NULL
 * snapshot means the latest one (which sees the transaction's earlier
 * commands).  No privilege is checked.
 */
static bool
probe(BounceTable t, const char *tenant, const char *address,
	  Snapshot snapshot, int natts, const AttrNumber *attnums,
	  Datum *values, bool *isnull)
{
	Relation	rel;
	Relation	idx;
	TupleTableSlot *slot;
	IndexScanDesc scan;
	ScanKeyData keys[2];
	int			nkeys = (address != NULL) ? 2 : 1;
	bool		found = false;
	bool		registered = false;
	const BounceCatalog *cat = bounce_catalog();

	if (snapshot == NULL)
	{
		snapshot = RegisterSnapshot(GetLatestSnapshot());
		registered = true;
	}
	rel = table_open(cat->relid[t], AccessShareLock);
	idx = index_open(cat->pkey[t], AccessShareLock);
	if (IndexRelationGetNumberOfKeyAttributes(idx) != nkeys)
		elog(ERROR, "primary key of %s.%s has %d columns, expected %d",
			 BOUNCE_SCHEMA, bounce_table_names[t],
			 IndexRelationGetNumberOfKeyAttributes(idx), nkeys);
	ScanKeyEntryInitialize(&keys[0], 0, 1, BTEqualStrategyNumber, InvalidOid,
						   idx->rd_indcollation[0], F_TEXTEQ,
						   CStringGetTextDatum(tenant));
	if (nkeys == 2)
		ScanKeyEntryInitialize(&keys[1], 0, 2, BTEqualStrategyNumber, InvalidOid,
							   idx->rd_indcollation[1], F_TEXTEQ,
							   CStringGetTextDatum(address));

	slot = table_slot_create(rel, NULL);
	scan = index_beginscan(rel, idx, snapshot, nkeys, 0);
	index_rescan(scan, keys, nkeys, NULL, 0);
	if (index_getnext_slot(scan, ForwardScanDirection, slot))
	{
		TupleDesc	desc = RelationGetDescr(rel);

		found = true;
		for (int i = 0; i < natts; i++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, attnums[i] - 1);
			Datum		d = slot_getattr(slot, attnums[i], &isnull[i]);

			values[i] = isnull[i] ? (Datum) 0 :
				datumCopy(d, att->attbyval, att->attlen);
		}
	}
	index_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	index_close(idx, NoLock);
	table_close(rel, NoLock);
	if (registered)
		UnregisterSnapshot(snapshot);
	return found;
}

/* The state of an address: found, confirmed, last sent; see guards.h. */
void
guard_state_probe(const char *tenant, const char *address, Snapshot snapshot,
				  GuardState *out)
{
	AttrNumber	attnums[2];
	Datum		values[2];
	bool		isnull[2];
	const BounceCatalog *cat = bounce_catalog();

	attnums[0] = cat->state_att[SC_STATUS];
	attnums[1] = cat->state_att[SC_LAST_SENT_AT];
	out->found = probe(BT_STATE, tenant, address, snapshot, 2, attnums,
					   values, isnull);
	out->confirmed = out->found && !isnull[0] &&
		DatumGetObjectId(values[0]) == cat->status_oid[BN_ADDR_CONFIRMED];
	out->last_sent = (out->found && !isnull[1]) ?
		DatumGetTimestampTz(values[1]) : DT_NOBEGIN;
}

/* The suppression-list row of an address; see guards.h. */
void
guard_suppression_probe(const char *tenant, const char *address,
						Snapshot snapshot, GuardSuppression *out)
{
	AttrNumber	attnums[2];
	Datum		values[2];
	bool		isnull[2];
	const BounceCatalog *cat = bounce_catalog();

	attnums[0] = cat->sp_reason;
	attnums[1] = cat->sp_suppressed_at;
	memset(out, 0, sizeof(*out));
	out->found = probe(BT_SUPPRESSION, tenant, address, snapshot, 2, attnums,
					   values, isnull);
	if (!out->found)
		return;
	out->complaint = !isnull[0] && DatumGetObjectId(values[0]) ==
		cat->suppression_oid[BN_SUPPRESSION_COMPLAINT];
	out->reason = isnull[0] ? pstrdup("?") :
		DatumGetCString(DirectFunctionCall1(enum_out, values[0]));
	out->suppressed_at = isnull[1] ? DT_NOBEGIN : DatumGetTimestampTz(values[1]);
}

/* Is there a row for the key in one of our tables? */
bool
guard_key_exists(BounceTable table, const char *tenant, const char *address,
				 Snapshot snapshot)
{
	return probe(table, tenant, address, snapshot, 0, NULL, NULL, NULL);
}

/* ----------------------------------------------------------------
 * The rule
 * ---------------------------------------------------------------- */

/* Protected now: last_sent > now() - window; see guards.h. */
bool
guard_recent(const char *tenant, TimestampTz last_sent, Interval *window,
			 TimestampTz *until)
{
	TimestampTz horizon;

	if (last_sent == DT_NOBEGIN)
		return false;
	policy_recent_send_window(tenant, window);
	*until = DatumGetTimestampTz(DirectFunctionCall2(timestamptz_pl_interval,
													 TimestampTzGetDatum(last_sent),
													 IntervalPGetDatum(window)));
	horizon = DatumGetTimestampTz(DirectFunctionCall2(timestamptz_mi_interval,
													  TimestampTzGetDatum(GetCurrentTransactionStartTimestamp()),
													  IntervalPGetDatum(window)));
	return last_sent > horizon;
}

/* A timestamptz as the session shows it. */
char *
guard_time_text(TimestampTz t)
{
	return DatumGetCString(DirectFunctionCall1(timestamptz_out,
											   TimestampTzGetDatum(t)));
}

/* An interval as the session shows it. */
char *
guard_interval_text(const Interval *i)
{
	return DatumGetCString(DirectFunctionCall1(interval_out,
											   IntervalPGetDatum(unconstify(Interval *, i))));
}

/* The refusal of a removal (SQLSTATE 23Q01); see guards.h. */
void
guard_recent_error(const char *what, const char *where, const char *tenant,
				   const char *address, TimestampTz last_sent,
				   const Interval *window, TimestampTz until)
{
	ereport(ERROR,
			(errcode(ERRCODE_BOUNCE_RECENT_SEND),
			 errmsg("cannot %s \"%s\": it was emailed at %s",
					what, address, guard_time_text(last_sent)),
			 errdetail("The recent_send_window of tenant \"%s\" is %s; an address emailed within it may not be removed%s.",
					   tenant, guard_interval_text(window), where),
			 errhint("It can be removed after %s.", guard_time_text(until))));
}

/*
 * The address key (bounce.address_key(), src/core/addrkey.h), whatever the
 * collation: the one key the trigger, the guards and sendable() share.
 */
char *
guard_lower(const char *s, size_t len, Oid collation)
{
	return address_key(s, len, NULL);
}

/* ----------------------------------------------------------------
 * The mapping of a guard trigger on a sender's table
 * ---------------------------------------------------------------- */

static const char *const key_names[GK_COUNT] = {"address", "tenant", "list"};

/* A trigger misuse error. */
static void
protocol_error(Trigger *trigger, Relation rel, const char *funcname,
			   const char *msg, const char *hint) pg_attribute_noreturn();

static void
protocol_error(Trigger *trigger, Relation rel, const char *funcname,
			   const char *msg, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("trigger \"%s\" on %s %s", trigger->tgname,
					RelationGetRelationName(rel), msg),
			 errdetail("The trigger executes %s().", funcname),
			 hint ? errhint("%s", hint) : 0));
}

/* The keys a guard accepts, for hints. */
static const char *
accepted_keys(GuardKind kind)
{
	return kind == GUARD_PROTECT_RECENT ?
		"address (required), tenant, list" :
		"address (required), tenant, on_suppressed (error or skip)";
}


/* Resolve one named column of the trigger's relation. */
static void
resolve_column(GuardMap *m, Trigger *trigger, Relation rel, GuardKey key,
			   const char *funcname)
{
	GuardCol   *col = &m->cols[key];
	TupleDesc	desc = RelationGetDescr(rel);
	Form_pg_attribute att;
	int			attnum = SPI_fnumber(desc, col->name);

	if (attnum <= 0 || TupleDescAttr(desc, attnum - 1)->attisdropped)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation %s does not exist",
						col->name, m->relname),
				 errdetail("Trigger \"%s\" names it as its %s column ('%s=%s').",
						   trigger->tgname, key_names[key], key_names[key], col->name),
				 errhint("Column names are compared as stored: write them in the case CREATE TABLE gave them.")));
	att = TupleDescAttr(desc, attnum - 1);
	col->attnum = attnum;
	col->typid = att->atttypid;
	col->basetype = getBaseType(att->atttypid);
	col->collation = att->attcollation;
	col->citext = bounce_type_is_citext(col->basetype);
	col->textual = col->basetype == TEXTOID || col->basetype == VARCHAROID ||
		col->citext;

	if (key == GK_ADDRESS && !col->textual)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" of relation %s has type %s, which %s() cannot read as an address",
						col->name, m->relname, format_type_be(col->typid), funcname),
				 errdetail("Trigger \"%s\" names it as its address column.", trigger->tgname),
				 errhint("The address column must be text, varchar or citext.")));
	if (key != GK_ADDRESS &&
		(type_is_array(col->basetype) || get_typtype(col->basetype) == TYPTYPE_PSEUDO ||
		 get_typtype(col->basetype) == TYPTYPE_COMPOSITE))
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" of relation %s has type %s, which %s() cannot read as a %s",
						col->name, m->relname, format_type_be(col->typid), funcname,
						key_names[key]),
				 errdetail("Trigger \"%s\" names it as its %s column.", trigger->tgname,
						   key_names[key]),
				 errhint("The %s column must be a scalar: text, an integer or a uuid, for instance.",
						 key_names[key])));
	if (m->kind == GUARD_PROTECT_RECENT)
	{
		col->eq_sql = bounce_equality_sql(col->typid);
		if (col->eq_sql == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("column \"%s\" of relation %s has type %s, which has no equality operator",
							col->name, m->relname, format_type_be(col->typid)),
					 errdetail("Trigger \"%s\" names it as its %s column.", trigger->tgname,
							   key_names[key]),
					 errhint("bounce.protect_recent() looks the contact up by its columns: they must be comparable with =.")));
	}
	if (!col->textual)
	{
		Oid			func;
		bool		varlena;

		getTypeOutputInfo(col->typid, &func, &varlena);
		fmgr_info_cxt(func, &col->out, m->cxt);
	}
}

/* Check and resolve the arguments of a trigger into a new map. */
/* What a map is built for. */
typedef struct MapArgs
{
	GuardKind	kind;
	const char *funcname;
} MapArgs;

/* Build a map for the cache (trigcache.h); errors when misattached. */
static void *
map_build(Trigger *trigger, Relation rel, MemoryContext parent, void *arg,
		  Oid *query_relid)
{
	GuardKind	kind = ((MapArgs *) arg)->kind;
	const char *funcname = ((MapArgs *) arg)->funcname;
	MemoryContext cxt;
	MemoryContext old;
	GuardMap   *m;

	/* on a Citus shard: the worker's state is empty, the guard would pass */
	bounce_citus_refuse_guard_on_shard(rel, funcname);

	/*
	 * Built in a context of the current transaction, which an error frees;
	 * moved under the cache's context when complete.
	 */
	cxt = AllocSetContextCreate(CurrentMemoryContext, "bounce guard map",
								ALLOCSET_SMALL_SIZES);
	old = MemoryContextSwitchTo(cxt);
	{
		bool		seen_skip = false;

		m = palloc0(sizeof(GuardMap));
		m->cxt = cxt;
		m->kind = kind;
		m->tgoid = trigger->tgoid;
		m->relid = RelationGetRelid(rel);
		m->tgname = pstrdup(trigger->tgname);
		m->relname = quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
												RelationGetRelationName(rel));

		for (int i = 0; i < trigger->tgnargs; i++)
		{
			const char *arg = trigger->tgargs[i];
			const char *eq = strchr(arg, '=');
			char	   *key;
			const char *value;
			int			k;

			if (eq == NULL || eq == arg || eq[1] == '\0')
				protocol_error(trigger, rel, funcname,
							   psprintf("has argument \"%s\", which is not key=column", arg),
							   psprintf("Arguments name columns as key=column; keys: %s.",
										accepted_keys(kind)));
			key = pnstrdup(arg, eq - arg);
			value = eq + 1;

			if (kind == GUARD_REFUSE_SUPPRESSED && strcmp(key, "on_suppressed") == 0)
			{
				if (seen_skip)
					protocol_error(trigger, rel, funcname,
								   "gives on_suppressed twice", NULL);
				seen_skip = true;
				if (strcmp(value, "skip") == 0)
					m->skip = true;
				else if (strcmp(value, "error") == 0)
					m->skip = false;
				else
					protocol_error(trigger, rel, funcname,
								   psprintf("has argument \"%s\": on_suppressed must be error or skip", arg),
								   "on_suppressed=error (the default) refuses the row, on_suppressed=skip leaves it out silently.");
				continue;
			}
			for (k = 0; k < GK_COUNT; k++)
				if (strcmp(key, key_names[k]) == 0)
					break;
			if (k == GK_COUNT || (k == GK_LIST && kind != GUARD_PROTECT_RECENT))
				protocol_error(trigger, rel, funcname,
							   psprintf("has argument \"%s\" with unknown key \"%s\"", arg, key),
							   psprintf("Keys: %s.", accepted_keys(kind)));
			if (m->cols[k].name != NULL)
				protocol_error(trigger, rel, funcname,
							   psprintf("names its %s column twice", key_names[k]), NULL);
			m->cols[k].name = pstrdup(value);
		}
		if (m->cols[GK_ADDRESS].name == NULL)
			protocol_error(trigger, rel, funcname, "does not name its address column",
						   psprintf("Give the column as an argument: EXECUTE FUNCTION %s('address=email'); keys: %s.",
									funcname, accepted_keys(kind)));
		for (int k = 0; k < GK_COUNT; k++)
			if (m->cols[k].name != NULL)
				resolve_column(m, trigger, rel, (GuardKey) k, funcname);

		/* the contact is looked for in the whole (partitioned) table */
		m->query_relid = RelationGetRelid(rel);
		m->query_owner = rel->rd_rel->relowner;
		if (kind == GUARD_PROTECT_RECENT && rel->rd_rel->relispartition)
		{
			List	   *anc = get_partition_ancestors(m->query_relid);

			if (anc != NIL)
			{
				Relation	root = table_open(llast_oid(anc), AccessShareLock);
				TupleDesc	rdesc = RelationGetDescr(root);

				m->query_relid = RelationGetRelid(root);
				m->query_owner = root->rd_rel->relowner;
				for (int k = 0; k < GK_COUNT; k++)
					if (m->cols[k].name != NULL && SPI_fnumber(rdesc, m->cols[k].name) <= 0)
						elog(ERROR, "column \"%s\" missing in the partition root of %s",
							 m->cols[k].name, m->relname);
				table_close(root, AccessShareLock);
			}
		}
	}
	MemoryContextSwitchTo(old);
	MemoryContextSetParent(cxt, parent);
	*query_relid = m->query_relid;
	return m;
}

/* Free a map's plans and memory (trigcache.h). */
static void
map_free(void *p)
{
	GuardMap   *m = (GuardMap *) p;

	if (m->exact_plan != NULL)
		SPI_freeplan(m->exact_plan);
	if (m->lower_plan != NULL)
		SPI_freeplan(m->lower_plan);
	MemoryContextDelete(m->cxt);
}

/* Check the firing, then the cached mapping; see guards.h. */
GuardMap *
guard_map_get(TriggerData *td, GuardKind kind, const char *funcname)
{
	Trigger    *trigger = td->tg_trigger;
	Relation	rel = td->tg_relation;
	MapArgs		args;

	if (kind == GUARD_PROTECT_RECENT)
	{
		if (!TRIGGER_FIRED_AFTER(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
			!(TRIGGER_FIRED_BY_DELETE(td->tg_event) || TRIGGER_FIRED_BY_UPDATE(td->tg_event)))
			protocol_error(trigger, rel, funcname,
						   "must fire AFTER DELETE or AFTER UPDATE, FOR EACH ROW",
						   "CREATE CONSTRAINT TRIGGER ... AFTER DELETE OR UPDATE ON contacts DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bounce.protect_recent('address=email').");
	}
	else
	{
		if (!TRIGGER_FIRED_BEFORE(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
			!(TRIGGER_FIRED_BY_INSERT(td->tg_event) || TRIGGER_FIRED_BY_UPDATE(td->tg_event)))
			protocol_error(trigger, rel, funcname,
						   "must fire BEFORE INSERT or BEFORE UPDATE, FOR EACH ROW",
						   "CREATE TRIGGER ... BEFORE INSERT OR UPDATE OF email ON contacts FOR EACH ROW EXECUTE FUNCTION bounce.refuse_suppressed('address=email').");
	}

	args.kind = kind;
	args.funcname = funcname;
	return (GuardMap *) trigcache_get(trigger, rel,
									  kind == GUARD_PROTECT_RECENT ?
									  TRIGCACHE_GUARD_PROTECT_RECENT :
									  TRIGCACHE_GUARD_REFUSE_SUPPRESSED,
									  map_build, map_free, &args);
}

/* The key text of a tenant value: the text itself or its output form. */
static char *
key_text(GuardCol *col, Datum d)
{
	if (col->textual)
		return TextDatumGetCString(d);
	return OutputFunctionCall(&col->out, d);
}

/* The key values of a row; see guards.h. */
bool
guard_row_key(GuardMap *map, HeapTuple row, TupleDesc desc, char **tenant,
			  char **address, char **given)
{
	GuardCol   *acol = &map->cols[GK_ADDRESS];
	GuardCol   *tcol = &map->cols[GK_TENANT];
	bool		isnull;
	Datum		d;
	text	   *t;

	d = heap_getattr(row, acol->attnum, desc, &isnull);
	if (isnull)
		return false;
	t = DatumGetTextPP(d);
	if (VARSIZE_ANY_EXHDR(t) == 0)
		return false;
	*given = text_to_cstring(t);
	*address = guard_lower(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), acol->collation);

	*tenant = "";
	if (tcol->attnum != 0)
	{
		d = heap_getattr(row, tcol->attnum, desc, &isnull);
		if (!isnull)
			*tenant = key_text(tcol, d);
	}
	return true;
}

