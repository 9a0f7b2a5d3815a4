/*
 * citus.h
 *		What bounce knows of Citus: where the configuration tables' rows
 *		live on this node, and the traps it refuses.  See citus.c.
 */
#ifndef BOUNCE_CITUS_H
#define BOUNCE_CITUS_H

#include "postgres.h"

#include "nodes/pg_list.h"
#include "utils/relcache.h"

/* Is Citus installed in this database? */
extern bool bounce_citus_present(void);

/*
 * The relation holding the rows of configuration table bounce.<name> on
 * this node: the table itself, or its local placement when Citus made it a
 * reference table.  InvalidOid when the table does not exist (inside
 * CREATE EXTENSION).  Needs a transaction; may use SPI.
 */
extern Oid	bounce_config_relid(const char *name);

/*
 * Errors when rel is a Citus shard: the tracking trigger, or with purge the
 * archiving trigger of a retention purge, fired on it.
 */
extern void bounce_citus_refuse_shard(Relation rel, bool purge);

/*
 * The Citus table a relation is a shard (placement) of, or InvalidOid: its
 * name is the table's name, an underscore and the shard id, in the same
 * schema, and Citus's metadata says so.
 */
extern Oid	bounce_citus_shard_of(Relation rel);

/*
 * The event queue of a distributed events table (citus_queue.c): the table
 * <events>_bounce_queue in the same schema, distributed co-located with
 * it.  bounce_citus_queue_of gives the queue of a Citus table (InvalidOid
 * when it has none); bounce_citus_queue_placement the queue's shard on
 * this node next to a shard of the events (InvalidOid when none).
 */
#define BOUNCE_QUEUE_SUFFIX "_bounce_queue"
extern Oid	bounce_citus_queue_of(Oid events);
extern Oid	bounce_citus_queue_placement(Relation shard);

/* Empty the queue of a Citus events table, if it has one (SPI connected). */
extern void citus_queue_clear(Oid events);

/*
 * The Citus tables whose bounce.track() trigger (track_fn) is disabled, as
 * track_events() leaves it on a distributed table; a list of OIDs in the
 * caller's memory context.  NIL without Citus.
 */
extern List *bounce_citus_tracked_tables(Oid track_fn);

/* Is relid a Citus table (distributed, reference or Citus-managed local)? */
extern bool bounce_citus_is_table(Oid relid);

/* Errors when this node is a Citus worker and relid a Citus table. */
extern void bounce_citus_refuse_worker_rebuild(Oid relid);

/*
 * Errors when rel is a Citus shard: guard trigger funcname fired on it,
 * and would judge by the state of the node the shard is on.
 */
extern void bounce_citus_refuse_guard_on_shard(Relation rel, const char *funcname);

/*
 * Errors on a Citus worker: funcname reads or changes the address state,
 * which is kept on the coordinator (the worker's tables are empty).
 */
extern void bounce_citus_refuse_worker_state(const char *funcname);

#endif							/* BOUNCE_CITUS_H */
