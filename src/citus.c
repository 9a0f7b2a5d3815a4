/*
 * citus.c
 *		What bounce knows of Citus, the distributed PostgreSQL.
 *
 * Nothing here links to Citus: its metadata are plain catalog tables
 * (pg_dist_partition, pg_dist_shard, pg_dist_local_group), read with SPI
 * only when they exist, so a database without Citus pays one syscache
 * lookup.
 *
 * Configuration.  bounce.rule, bounce.reason_kind and bounce.policy may be
 * made reference tables (bounce.distribute_config()).  Then every node has
 * a placement, bounce.<name>_<shardid>, that Citus keeps equal on all
 * nodes, and the table itself is only a placeholder: the caches read the
 * placement, on the coordinator and on every worker alike, so a change
 * made on the coordinator applies everywhere at its commit (the tables'
 * statement triggers, created on the placements too, invalidate them).
 *
 * Traps.  The tracking trigger fired on a shard would keep the state in
 * that worker's local bounce.address_state, which nobody reads, and
 * rebuild() run on a worker would fill that worker's copy: both are
 * refused with an error that says what to run instead.  So is every
 * function that reads or changes the state, run on a worker (where Citus
 * runs it inside a query on a distributed table): sendable(),
 * protected_until(), remove_confirmed(), confirm_opt_in(), note_invalid()
 * and purge_events() would read the worker's empty state and call every
 * address sendable and unprotected, or write state nobody reads; and so
 * are the guards protect_recent() and refuse_suppressed() fired on a
 * shard.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/partition.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

#include "bounce.h"
#include "catalog.h"
#include "citus.h"

/* Is Citus installed in this database? */
bool
bounce_citus_present(void)
{
	return OidIsValid(get_relname_relid("pg_dist_partition", PG_CATALOG_NAMESPACE));
}

/* One int8 (or oid) value of a query with one oid or int8 parameter. */
static bool
spi_lookup(const char *sql, Oid argtype, Datum arg, Datum *out)
{
	bool		found = false;
	int			ret;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute_with_args(sql, argtype == InvalidOid ? 0 : 1, &argtype,
								&arg, NULL, true, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read the Citus metadata: %s",
			 SPI_result_code_string(ret));
	if (SPI_processed > 0)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[0],
									  SPI_tuptable->tupdesc, 1, &isnull);

		if (!isnull)
		{
			*out = d;			/* int8 and oid are by value */
			found = true;
		}
	}
	SPI_finish();
	return found;
}

/* The local placement of a one-shard Citus table, or InvalidOid. */
static Oid
local_placement(Oid relid)
{
	Datum		shardid;
	char		name[NAMEDATALEN + 32];

	if (!spi_lookup("SELECT pg_catalog.min(shardid) FROM pg_catalog.pg_dist_shard"
					" WHERE logicalrelid OPERATOR(pg_catalog.=) $1::pg_catalog.regclass"
					" HAVING pg_catalog.count(*) OPERATOR(pg_catalog.=) 1",
					OIDOID, ObjectIdGetDatum(relid), &shardid))
		return InvalidOid;
	snprintf(name, sizeof(name), "%s_" INT64_FORMAT,
			 get_rel_name(relid), DatumGetInt64(shardid));
	return get_relname_relid(name, get_rel_namespace(relid));
}

/* See citus.h. */
Oid
bounce_config_relid(const char *name)
{
	Oid			nspid = get_namespace_oid(BOUNCE_SCHEMA, true);
	Oid			relid,
				placement;

	if (!OidIsValid(nspid))
		return InvalidOid;
	relid = get_relname_relid(name, nspid);
	if (!OidIsValid(relid) || !bounce_citus_present())
		return relid;
	placement = local_placement(relid);
	if (!OidIsValid(placement))
		return relid;
	bounce_config_placement(relid, placement);
	return placement;
}

/* See citus.h. */
Oid
bounce_citus_shard_of(Relation rel)
{
	const char *relname = RelationGetRelationName(rel);
	const char *us = strrchr(relname, '_');
	char	   *end;
	int64		shardid;
	Datum		logical;
	Oid			lrel;
	char	   *lname;

	if (us == NULL || us[1] < '0' || us[1] > '9' || !bounce_citus_present())
		return InvalidOid;
	shardid = strtoi64(us + 1, &end, 10);
	if (*end != '\0')
		return InvalidOid;
	if (!spi_lookup("SELECT logicalrelid::pg_catalog.oid FROM pg_catalog.pg_dist_shard"
					" WHERE shardid OPERATOR(pg_catalog.=) $1",
					INT8OID, Int64GetDatum(shardid), &logical))
		return InvalidOid;
	lrel = DatumGetObjectId(logical);
	lname = get_rel_name(lrel);
	if (lname == NULL || get_rel_namespace(lrel) != RelationGetNamespace(rel) ||
		strlen(lname) != (size_t) (us - relname) ||
		strncmp(lname, relname, us - relname) != 0)
		return InvalidOid;
	return lrel;
}

/* See citus.h. */
Oid
bounce_citus_queue_of(Oid events)
{
	char	   *relname = get_rel_name(events);
	char		name[NAMEDATALEN + 16];

	if (relname == NULL || !bounce_citus_present())
		return InvalidOid;
	snprintf(name, sizeof(name), "%s" BOUNCE_QUEUE_SUFFIX, relname);
	if (strlen(name) >= NAMEDATALEN)
		return InvalidOid;
	return get_relname_relid(name, get_rel_namespace(events));
}

/* See citus.h. */
Oid
bounce_citus_queue_placement(Relation shard)
{
	Oid			table = bounce_citus_shard_of(shard);
	Oid			queue;
	const char *relname = RelationGetRelationName(shard);
	char		sql[512];
	char		name[NAMEDATALEN + 32];
	Datum		qshard;

	if (!OidIsValid(table))
		return InvalidOid;
	/* a partition's rows go to the queue of its partitioned table */
	if (get_rel_relispartition(table))
	{
		List	   *ancestors = get_partition_ancestors(table);

		if (ancestors != NIL)
			table = llast_oid(ancestors);
	}
	queue = bounce_citus_queue_of(table);
	if (!OidIsValid(queue))
		return InvalidOid;

	/*
	 * The queue's shard with the same hash range: co-located, so on this
	 * node, and moved with the events' shard.  Both numbers come from the
	 * catalogs (no text of the user's in the query).
	 */
	snprintf(sql, sizeof(sql),
			 "SELECT q.shardid FROM pg_catalog.pg_dist_shard e"
			 " JOIN pg_catalog.pg_dist_shard q"
			 " ON q.logicalrelid OPERATOR(pg_catalog.=) %u::pg_catalog.regclass"
			 " AND q.shardminvalue OPERATOR(pg_catalog.=) e.shardminvalue"
			 " WHERE e.shardid OPERATOR(pg_catalog.=) $1",
			 queue);
	if (!spi_lookup(sql, INT8OID,
					Int64GetDatum(strtoi64(strrchr(relname, '_') + 1, NULL, 10)),
					&qshard))
		return InvalidOid;
	snprintf(name, sizeof(name), "%s_" INT64_FORMAT,
			 get_rel_name(queue), DatumGetInt64(qshard));
	return get_relname_relid(name, RelationGetNamespace(shard));
}

/* See citus.h. */
void
bounce_citus_refuse_shard(Relation rel, bool purge)
{
	Oid			table = bounce_citus_shard_of(rel);
	char	   *name;

	if (!OidIsValid(table))
		return;
	name = quote_qualified_identifier(get_namespace_name(get_rel_namespace(table)),
									  get_rel_name(table));
	if (purge)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("events deleted from a Citus shard cannot be archived there"),
				 errdetail("Relation %s is a shard of %s; its purged events would stay in this node's local bounce.event_archive, which bounce.rebuild() on the coordinator does not read, and the state would forget them.",
						   RelationGetRelationName(rel), name),
				 errhint("Purge through the coordinator: SELECT bounce.purge_events('%s', older_than => ...); see \"Running on Citus\" in the README.",
						 name)));
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("bounce.track() does not keep the state of a Citus shard"),
			 errdetail("Relation %s is a shard of %s; the state written here would stay in this node's local bounce.address_state, which no query on the coordinator reads.",
					   RelationGetRelationName(rel), name),
			 errhint("Attach the tracking with SELECT bounce.track_events('%s', ...) on the coordinator: it queues the events on the shards for bounce.apply_queued(); see \"Running on Citus\" in the README.",
					 get_rel_name(table))));
}

/*
 * Is this node a Citus worker (a node group other than the coordinator's,
 * 0)?  Asked once per transaction: sendable() asks for every row.
 */
static bool
citus_worker(void)
{
	static LocalTransactionId asked_in = InvalidLocalTransactionId;
	static bool answer = false;
	Datum		group;

	if (asked_in == MyLocalTransactionId && asked_in != InvalidLocalTransactionId)
		return answer;
	answer = bounce_citus_present() &&
		spi_lookup("SELECT groupid::pg_catalog.int8 FROM pg_catalog.pg_dist_local_group",
				   InvalidOid, (Datum) 0, &group) &&
		DatumGetInt64(group) != 0;
	asked_in = MyLocalTransactionId;
	return answer;
}

/* See citus.h. */
List *
bounce_citus_tracked_tables(Oid track_fn)
{
	MemoryContext caller = CurrentMemoryContext;
	List	   *tables = NIL;
	Oid			argtype = OIDOID;
	Datum		arg = ObjectIdGetDatum(track_fn);
	int			ret;

	if (!bounce_citus_present())
		return NIL;
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute_with_args("SELECT DISTINCT t.tgrelid FROM pg_catalog.pg_trigger t"
								" JOIN pg_catalog.pg_dist_partition p"
								" ON p.logicalrelid OPERATOR(pg_catalog.=) t.tgrelid"
								" WHERE t.tgfoid OPERATOR(pg_catalog.=) $1"
								" AND t.tgenabled OPERATOR(pg_catalog.=) 'D'",
								1, &argtype, &arg, NULL, true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read the Citus metadata: %s",
			 SPI_result_code_string(ret));
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc,
									  1, &isnull);
		MemoryContext old = MemoryContextSwitchTo(caller);

		if (!isnull)
			tables = lappend_oid(tables, DatumGetObjectId(d));
		MemoryContextSwitchTo(old);
	}
	SPI_finish();
	return tables;
}

/* See citus.h. */
bool
bounce_citus_is_table(Oid relid)
{
	Datum		one;

	return bounce_citus_present() &&
		spi_lookup("SELECT 1::pg_catalog.int8 FROM pg_catalog.pg_dist_partition"
				   " WHERE logicalrelid OPERATOR(pg_catalog.=) $1::pg_catalog.regclass",
				   OIDOID, ObjectIdGetDatum(relid), &one);
}

/* See citus.h. */
void
bounce_citus_refuse_worker_rebuild(Oid relid)
{
	if (!citus_worker() || !bounce_citus_is_table(relid))
		return;
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("bounce.rebuild() runs on the Citus coordinator, not on a worker"),
			 errdetail("On a worker it would fill this node's local bounce.address_state, which no query on the coordinator reads."),
			 errhint("Connect to the coordinator and run SELECT bounce.rebuild('%s') there.",
					 get_rel_name(relid))));
}

/* See citus.h. */
void
bounce_citus_refuse_guard_on_shard(Relation rel, const char *funcname)
{
	Oid			table = bounce_citus_shard_of(rel);

	if (!OidIsValid(table))
		return;
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("%s() does not guard a Citus shard", funcname),
			 errdetail("Relation %s is a shard of %s; the address state is kept on the coordinator, and on a worker every address would look sendable and unprotected.",
					   RelationGetRelationName(rel),
					   quote_qualified_identifier(get_namespace_name(get_rel_namespace(table)),
												  get_rel_name(table))),
			 errhint("Keep the guards on tables of the coordinator, or drop the trigger from %s; see \"Running on Citus\" in the README.",
					 get_rel_name(table))));
}

/* See citus.h. */
void
bounce_citus_refuse_worker_state(const char *funcname)
{
	if (!citus_worker())
		return;
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("%s() does not run on a Citus worker", funcname),
			 errdetail("The address state is kept on the coordinator; this node's bounce.address_state and bounce.suppression are empty, so every address would look sendable and unprotected here."),
			 errhint("In a query on a distributed table, anti-join bounce.unsendable_addresses instead; keep the guards and the state functions on the coordinator's own tables. See \"Running on Citus\" in the README.")));
}

PG_FUNCTION_INFO_V1(bounce_check_state_node);

/*
 * bounce.check_state_node(): true where the address state is kept, an
 * error on a Citus worker.  sendable() calls it first, so that a send
 * query Citus pushes down to the workers fails instead of reading their
 * empty state tables.
 */
Datum
bounce_check_state_node(PG_FUNCTION_ARGS)
{
	bounce_citus_refuse_worker_state("bounce.sendable");
	PG_RETURN_BOOL(true);
}
