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

