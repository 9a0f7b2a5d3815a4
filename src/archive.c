/*
 * archive.c
 *		bounce.track_purge(): what a retention purge deletes or truncates
 *		from a tracked table goes to bounce.event_archive, so that it still
 *		counts in every replay (SPEC 2, rule 11).
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
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/catcache.h"
#include "utils/fmgroids.h"
#include "utils/formatting.h"
#include "utils/guc.h"
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
#include "citus.h"
#include "core/addrkey.h"
#include "guards.h"
#include "track.h"
#include "track_map.h"


/* ----------------------------------------------------------------
 * The archive of purged events: bounce.track_purge()
 * ---------------------------------------------------------------- */

/* Events waiting to be archived, as the SQL arrays' elements. */
typedef struct ArchiveBatch
{
	ArrayBuildState *a[7];
	int			n;
	MemoryContext cxt;
} ArchiveBatch;

#define ARCHIVE_BATCH 10000

static const Oid archive_elem_types[7] = {
	TEXTOID, TEXTOID, TEXTOID, TIMESTAMPTZOID, TEXTOID, TEXTOID, TEXTOID
};

static void
archive_batch_reset(ArchiveBatch *b)
{
	MemoryContextReset(b->cxt);
	for (int i = 0; i < 7; i++)
		b->a[i] = initArrayResult(archive_elem_types[i], b->cxt, false);
	b->n = 0;
}

/* Write the batch into bounce.event_archive, as the extension's owner. */
static void
archive_flush(ArchiveBatch *b)
{
	static SPIPlanPtr plan = NULL;
	Datum		values[7];
	Oid			types[7] = {TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID,
	TIMESTAMPTZARRAYOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID};
	SavedUser	saved;
	int			ret;

	if (b->n == 0)
		return;
	for (int i = 0; i < 7; i++)
		values[i] = makeArrayResult(b->a[i], b->cxt);
	become_extension_owner(&saved);
	if (plan == NULL)
	{
		SPIPlanPtr	p = SPI_prepare("INSERT INTO bounce.event_archive"
									" (tenant, address, event, at, campaign, reason, kind)"
									" SELECT u.t, u.a, u.e::bounce.event_type, u.at, u.c,"
									" u.r::bounce.reason, u.k::bounce.kind"
									" FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2),"
									" pg_catalog.unnest($3), pg_catalog.unnest($4), pg_catalog.unnest($5),"
									" pg_catalog.unnest($6), pg_catalog.unnest($7))"
									" AS u(t, a, e, at, c, r, k)", 7, types);

		if (p == NULL)
			elog(ERROR, "could not prepare the archive insert: %s",
				 SPI_result_code_string(SPI_result));
		SPI_keepplan(p);
		plan = p;
	}
	ret = SPI_execute_plan(plan, values, NULL, false, 0);
	restore_user(&saved);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "could not write %s.event_archive: %s", BOUNCE_SCHEMA,
			 SPI_result_code_string(ret));
	archive_batch_reset(b);
}

/* Add one event to the batch. */
static void
archive_add(ArchiveBatch *b, const TrackEvent *te)
{
	bool		bounce = te->ev.type == BN_EVENT_BOUNCE;

	accumArrayResult(b->a[0], CStringGetTextDatum(te->tenant), false, TEXTOID, b->cxt);
	accumArrayResult(b->a[1], CStringGetTextDatum(te->address), false, TEXTOID, b->cxt);
	accumArrayResult(b->a[2], CStringGetTextDatum(bn_event_type_names[te->ev.type]),
					 false, TEXTOID, b->cxt);
	accumArrayResult(b->a[3], TimestampTzGetDatum(te->ev.at), false, TIMESTAMPTZOID, b->cxt);
	accumArrayResult(b->a[4], te->ev.campaign ?
					 PointerGetDatum(cstring_to_text_with_len(te->ev.campaign, te->ev.campaign_len)) :
					 (Datum) 0, te->ev.campaign == NULL, TEXTOID, b->cxt);
	accumArrayResult(b->a[5], bounce ? CStringGetTextDatum(bn_reason_names[te->ev.reason]) : (Datum) 0,
					 !bounce, TEXTOID, b->cxt);
	accumArrayResult(b->a[6], bounce ? CStringGetTextDatum(bn_kind_names[te->ev.kind]) : (Datum) 0,
					 !bounce, TEXTOID, b->cxt);
	if (++b->n >= ARCHIVE_BATCH)
		archive_flush(b);
}

/* Has the relation, or a partitioned table it belongs to, a bounce.track() trigger? */
static bool
relation_is_tracked(Relation rel)
{
	Oid			fn = track_function_oid();
	List	   *rels = list_make1_oid(RelationGetRelid(rel));
	ListCell   *lc;

	if (rel->rd_rel->relispartition)
		rels = list_concat(rels, get_partition_ancestors(RelationGetRelid(rel)));
	foreach(lc, rels)
	{
		Relation	r = table_open(lfirst_oid(lc), AccessShareLock);
		bool		found = false;

		if (r->trigdesc != NULL)
			for (int i = 0; i < r->trigdesc->numtriggers && !found; i++)
				found = r->trigdesc->triggers[i].tgfoid == fn;
		table_close(r, AccessShareLock);
		if (found)
			return true;
	}
	return false;
}

PG_FUNCTION_INFO_V1(bounce_track_purge);

/*
 * bounce.track_purge(): the events a retention purge deletes from a tracked
 * table go to bounce.event_archive, so that they still count in every
 * replay (SPEC 2, rule 11).  AFTER DELETE FOR EACH STATEMENT REFERENCING
 * OLD TABLE, or BEFORE TRUNCATE FOR EACH STATEMENT; the arguments are the
 * table's bounce.track() arguments.  Only what the state machine reads is
 * kept: tenant, address key, event, time, campaign, and a bounce's reason
 * and kind as classified now.
 */
Datum
bounce_track_purge(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TrackMap   *map;
	ArchiveBatch batch;
	Arena		arena;
	MemoryContext cxt,
				old;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function bounce.track_purge() was not called by the trigger manager"),
				 errhint("bounce.track_events() attaches it to an events table.")));
	/*
	 * A TRUNCATE of a Citus table fires the coordinator's trigger, which
	 * archives every row through Citus, before the shards are truncated: a
	 * shard's own trigger (one moved, or distributed with its triggers,
	 * has it) has nothing left to archive.  A DELETE has no such trigger
	 * on the coordinator, and is refused on the shards (citus.c).
	 */
	if (TRIGGER_FIRED_BY_TRUNCATE(td->tg_event) &&
		OidIsValid(bounce_citus_shard_of(td->tg_relation)))
		return PointerGetDatum(NULL);
	map = track_map_get_for(td->tg_trigger, td->tg_relation, TP_PURGE, false);

	/*
	 * Only a tracked table's events are archived: whoever may attach this
	 * trigger adds nothing to what attaching bounce.track() allows.
	 */
	if (!relation_is_tracked(td->tg_relation))
		track_protocol_error(map->tgname, map->relname,
					   "archives events of a table that bounce.track() does not track",
					   "Attach both with bounce.track_events().");

	/* a partitioned table's truncate fires its partitions' triggers too */
	if (TRIGGER_FIRED_BY_TRUNCATE(td->tg_event) &&
		td->tg_relation->rd_rel->relkind == RELKIND_PARTITIONED_TABLE)
		return PointerGetDatum(NULL);

	cxt = AllocSetContextCreate(CurrentMemoryContext, "bounce purge",
								ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	batch.cxt = AllocSetContextCreate(cxt, "bounce archive batch", ALLOCSET_DEFAULT_SIZES);
	archive_batch_reset(&batch);
	arena_init(&arena, AllocSetContextCreate(cxt, "bounce purge rows", ALLOCSET_DEFAULT_SIZES));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	track_hold();
	PG_TRY();
	{
		if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		{
			TupleTableSlot *slot;

			if (td->tg_oldtable == NULL)
				track_protocol_error(map->tgname, map->relname,
							   "fires without an old transition table",
							   "Add REFERENCING OLD TABLE AS old_events.");
			slot = MakeSingleTupleTableSlot(RelationGetDescr(td->tg_relation),
											&TTSOpsMinimalTuple);
			tuplestore_rescan(td->tg_oldtable);
			while (tuplestore_gettupleslot(td->tg_oldtable, true, false, slot))
			{
				Datum		v[TK_COUNT];
				bool		isnull[TK_COUNT];
				TrackEvent	te;

				track_slot_values(map, slot, v, isnull);
				if (track_read_event(map, map->cols, v, isnull, false, &arena, 0, &te))
					archive_add(&batch, &te);
				if (batch.n == 0)
				{
					MemoryContextReset(arena.cxt);
					arena_init(&arena, arena.cxt);
				}
			}
			ExecDropSingleTupleTableSlot(slot);
		}
		else
		{
			/* TRUNCATE: every row of this very table, read as its owner */
			Relation	rel = td->tg_relation;
			char	   *sql = psprintf("%sONLY %s", map->head_sql,
									   quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
																  RelationGetRelationName(rel)));
			SPIPlanPtr	plan;
			Portal		portal;
			SavedUser	saved;

			become_user(rel->rd_rel->relowner, &saved);
			plan = SPI_prepare(sql, 0, NULL);
			if (plan == NULL)
				elog(ERROR, "could not prepare \"%s\": %s", sql,
					 SPI_result_code_string(SPI_result));
			portal = SPI_cursor_open(NULL, plan, NULL, NULL, true);
			for (;;)
			{
				SPI_cursor_fetch(portal, true, 10000);
				if (SPI_processed == 0)
					break;
				for (uint64 i = 0; i < SPI_processed; i++)
				{
					TrackEvent	te;

					if (track_read_query_row(map, SPI_tuptable->vals[i], SPI_tuptable->tupdesc,
									   &arena, &te))
						archive_add(&batch, &te);
				}
				SPI_freetuptable(SPI_tuptable);
				if (batch.n == 0)
				{
					MemoryContextReset(arena.cxt);
					arena_init(&arena, arena.cxt);
				}
			}
			SPI_cursor_close(portal);
			restore_user(&saved);
		}
		archive_flush(&batch);
	}
	PG_FINALLY();
	{
		track_release();
	}
	PG_END_TRY();
	SPI_finish();
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
	return PointerGetDatum(NULL);
}

/* ----------------------------------------------------------------
 * A retention purge through the coordinator: bounce.purge_events()
 * ---------------------------------------------------------------- */

/* Run one utility statement through SPI, or fail naming it. */
static void
purge_utility(const char *sql)
{
	int			ret = SPI_execute(sql, false, 0);

	if (ret < 0)
		elog(ERROR, "could not run \"%s\": %s", sql, SPI_result_code_string(ret));
}

/*
 * The enabled bounce.track_purge() triggers of a relation, by name; with
 * on_delete, whether one of them archives a DELETE.
 */
static List *
purge_triggers(Relation rel, bool *on_delete)
{
	Oid			fn = track_purge_function_oid();
	List	   *names = NIL;

	*on_delete = false;
	if (rel->trigdesc != NULL)
		for (int i = 0; i < rel->trigdesc->numtriggers; i++)
		{
			Trigger    *t = &rel->trigdesc->triggers[i];

			if (t->tgfoid == fn && t->tgenabled != TRIGGER_DISABLED)
			{
				names = lappend(names, pstrdup(t->tgname));
				if (TRIGGER_FOR_DELETE(t->tgtype))
					*on_delete = true;
			}
		}
	return names;
}

/*
 * Switch triggers of a Citus table off or back on, as the table's owner;
 * Citus changes them on every shard.  citus.enable_unsafe_triggers is on
 * for these statements only, as Citus asks for a trigger change on a
 * distributed table.
 */
static void
purge_triggers_switch(const char *qname, Oid owner, List *names, bool enable)
{
	const char *unsafe = GetConfigOption("citus.enable_unsafe_triggers", true, false);
	char	   *was = pstrdup(unsafe ? unsafe : "off");
	SavedUser	saved;
	ListCell   *lc;

	if (names == NIL)
		return;
	become_user(owner, &saved);
	(void) set_config_option("citus.enable_unsafe_triggers", "on", PGC_USERSET,
							 PGC_S_SESSION, GUC_ACTION_LOCAL, true, 0, false);
	foreach(lc, names)
		purge_utility(psprintf("ALTER TABLE %s %s TRIGGER %s", qname,
							   enable ? "ENABLE" : "DISABLE",
							   quote_identifier((char *) lfirst(lc))));
	(void) set_config_option("citus.enable_unsafe_triggers", was, PGC_USERSET,
							 PGC_S_SESSION, GUC_ACTION_LOCAL, true, 0, false);
	restore_user(&saved);
}

PG_FUNCTION_INFO_V1(bounce_purge_events);

/*
 * bounce.purge_events(events, older_than): a retention purge -- every event
 * of a tracked table before older_than deleted and kept in
 * bounce.event_archive, so that it still counts in every replay (SPEC 2,
 * rule 11) -- with the caller's DELETE privilege; the number of events
 * purged.
 *
 * On one node it is a DELETE: the table's bounce.track_purge() trigger
 * archives.  On Citus that trigger would fire on the shards, on the
 * workers, where the archive is not the one bounce.rebuild() reads, so it
 * refuses there; here the purge switches it off for its own statement,
 * deletes through Citus with RETURNING and archives the rows on the
 * coordinator, in the same transaction.  Changing the triggers locks the
 * table against writes until commit: purge in a quiet hour, in slices of
 * time when there is much to purge (the deleted rows are held in memory).
 */
Datum
bounce_purge_events(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	TimestampTz older_than = PG_GETARG_TIMESTAMPTZ(1);
	AclResult	acl;
	bool		citus;
	Oid			argtype = TIMESTAMPTZOID;
	Datum		arg = TimestampTzGetDatum(older_than);
	int			ret;
	volatile uint64 purged = 0;

	acl = pg_class_aclcheck(relid, GetUserId(), ACL_DELETE);
	if (acl != ACLCHECK_OK)
		aclcheck_error(acl, OBJECT_TABLE, get_rel_name(relid));
	bounce_citus_refuse_worker_state("bounce.purge_events");

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	citus = bounce_citus_is_table(relid);
	track_hold();
	PG_TRY();
	{
		Relation	rel = table_open(relid, RowExclusiveLock);
		TrackMap   *map = track_map_get(track_find_trigger(rel), rel);
		Oid			owner = rel->rd_rel->relowner;
		bool		archives;
		List	   *names = purge_triggers(rel, &archives);
		char	   *qname = quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
													   RelationGetRelationName(rel));
		const char *timecol = quote_identifier(map->cols[TK_TIME].colname);

		if (citus && rel->rd_rel->relkind == RELKIND_PARTITIONED_TABLE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("bounce.purge_events() does not purge a partitioned Citus table"),
					 errdetail("The archiving triggers of %s are on its partitions.",
							   RelationGetRelationName(rel)),
					 errhint("Purge a partition at a time: SELECT bounce.purge_events('<partition>', older_than => ...).")));
		if (!citus && !archives)
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("relation %s has no enabled bounce.track_purge() trigger for DELETE",
							RelationGetRelationName(rel)),
					 errdetail("The events purged would not be kept in bounce.event_archive, and the next bounce.rebuild() would forget them."),
					 errhint("Enable it again, or attach it with bounce.track_events().")));
		/* the lock stays; an open relation could not have its triggers changed */
		table_close(rel, NoLock);

		if (!citus)
		{
			/* the table's own bounce.track_purge() trigger archives */
			char	   *sql = psprintf("DELETE FROM %s WHERE %s OPERATOR(pg_catalog.<) $1",
									   qname, timecol);

			ret = SPI_execute_with_args(sql, 1, &argtype, &arg, NULL, false, 0);
			if (ret != SPI_OK_DELETE)
				elog(ERROR, "could not purge %s: %s", qname, SPI_result_code_string(ret));
			purged = SPI_processed;
		}
		else
		{
			ArchiveBatch batch;
			Arena		arena;
			MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "bounce purge",
													  ALLOCSET_DEFAULT_SIZES);
			SPITupleTable *tt;
			char	   *sql = psprintf("DELETE FROM %s WHERE %s OPERATOR(pg_catalog.<) $1 RETURNING %s",
									   qname, timecol, map->select_list);

			purge_triggers_switch(qname, owner, names, false);
			ret = SPI_execute_with_args(sql, 1, &argtype, &arg, NULL, false, 0);
			if (ret != SPI_OK_DELETE_RETURNING)
				elog(ERROR, "could not purge %s: %s", qname, SPI_result_code_string(ret));
			purged = SPI_processed;
			tt = SPI_tuptable;
			batch.cxt = AllocSetContextCreate(cxt, "bounce archive batch", ALLOCSET_DEFAULT_SIZES);
			archive_batch_reset(&batch);
			arena_init(&arena, AllocSetContextCreate(cxt, "bounce purge rows",
													 ALLOCSET_DEFAULT_SIZES));
			for (uint64 i = 0; i < tt->numvals; i++)
			{
				TrackEvent	te;

				if (track_read_query_row(map, tt->vals[i], tt->tupdesc, &arena, &te))
					archive_add(&batch, &te);
				if (batch.n == 0)
				{
					MemoryContextReset(arena.cxt);
					arena_init(&arena, arena.cxt);
				}
			}
			archive_flush(&batch);
			SPI_freetuptable(tt);
			purge_triggers_switch(qname, owner, names, true);
			MemoryContextDelete(cxt);
		}
	}
	PG_FINALLY();
	{
		track_release();
	}
	PG_END_TRY();
	SPI_finish();
	PG_RETURN_INT64((int64) purged);
}
