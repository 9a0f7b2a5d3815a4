/*
 * track.h
 *		What the state files share: the reading of the sender's events, the
 *		replay, the address state table, the policy, the suppression list.
 *
 * The layering: trigmap.c maps a trigger's columns; track_read.c reads
 * events out of the sender's rows; track.c decides per address between
 * applying the new events and replaying the address (track_replay.c, from
 * every tracked table and the archive archive.c fills); state_store.c reads
 * and writes bounce.address_state through the table and index access
 * methods; suppression.c keeps bounce.suppression in step; policy.c caches
 * bounce.policy; rebuild.c replays everything.  All of them move a state
 * only with bn_state_apply().
 */
#ifndef BOUNCE_TRACK_H
#define BOUNCE_TRACK_H

#include "bounce.h"
#include "core/state.h"

#include "access/htup.h"
#include "commands/trigger.h"
#include "executor/tuptable.h"
#include "nodes/execnodes.h"
#include "utils/rel.h"

/* ----------------------------------------------------------------
 * Events read from the sender's rows (track.c)
 * ---------------------------------------------------------------- */

/* One event and the address it is about; strings NUL-terminated. */
typedef struct TrackEvent
{
	BnEvent		ev;
	const char *tenant;			/* "" for none */
	const char *address;		/* its key: bounce.address_key() */
	uint32		tenant_len;
	uint32		address_len;
	uint32		seq;			/* arrival order, to keep the sort stable */
} TrackEvent;

/* The column mapping of one bounce.track() trigger; opaque. */
typedef struct TrackMap TrackMap;

/*
 * The mapping of a trigger on a relation, checked and cached (per backend,
 * by trigger OID and relation, until the relation's relcache entry is
 * invalidated).  Raises the errors of a misattached trigger.
 */
extern TrackMap *track_map_get(Trigger *trigger, Relation rel);

/*
 * The bounce.track() trigger of a relation: the enabled one, or when none
 * is enabled the disabled one; an error when none, or more than one.
 */
extern Trigger *track_find_trigger(Relation rel);

/*
 * The replay of one address into st (whose cleared_at is kept): its events
 * in every source -- each tracked table (a partitioned one whole) and the
 * archive of purged events -- in time order.  SPI must be connected.
 */
extern void track_replay_address(const char *tenant, const char *address,
								 BnState *st, const BnPolicy *policy,
								 MemoryContext cxt);

/*
 * The maps of every source of a replay, *n of them: the tracked tables
 * (one per partition tree), then bounce.event_archive.  Hold the maps
 * (track_hold) while using several.
 */
extern TrackMap **track_sources(int *n);
extern void track_hold(void);
extern void track_release(void);

/* The relation a map's queries read (the partition root), and whether
 * it is the archive. */
extern Oid	track_map_query_relid(TrackMap *map);
extern bool track_map_is_archive(TrackMap *map);

/*
 * rebuild.c: read every event of a source, an address at a time, in
 * bytewise order of the address keys.
 */
typedef struct TrackScan TrackScan;
extern TrackScan *track_scan_begin(TrackMap *map);
extern bool track_scan_next_address(TrackScan *scan, TrackEvent **events,
									int *nevents, MemoryContext cxt);
extern void track_scan_end(TrackScan *scan);
extern const char *track_map_relname(TrackMap *map);

/*
 * Events read elsewhere than in a trigger (bounce.apply_queued()), applied
 * as the trigger of map applies them: each call gives one (tenant,
 * address)'s events in bn_event_cmp order.  SPI must be connected; the
 * end gives the number of addresses replayed.
 */
typedef struct TrackApplier TrackApplier;
extern TrackApplier *track_applier_begin(TrackMap *map);
extern void track_applier_address(TrackApplier *a, TrackEvent **evs, int n);
extern int64 track_applier_end(TrackApplier *a);

/*
 * The replay order of one address's events, for qsort of TrackEvent
 * pointers: tenant, then bn_event_cmp.
 */
extern int	track_event_ptr_cmp(const void *pa, const void *pb);

/* A scan of the rows of another query with the map's select list. */
extern TrackScan *track_scan_begin_sql(TrackMap *map, const char *sql);

/* The bounce.track() function's OID, for finding its triggers. */
extern Oid	track_function_oid(void);

/* ----------------------------------------------------------------
 * bounce.address_state, bounce.policy, bounce.suppression (state_store.c)
 * ---------------------------------------------------------------- */

/* Access to bounce.address_state for the duration of one trigger call. */
typedef struct StateStore
{
	MemoryContext cxt;			/* lives as long as the store */
	Relation	rel;
	Relation	pkey;
	TupleTableSlot *found;		/* the row fetched, materialized */
	TupleTableSlot *newrow;		/* virtual, the row written */
	bool		have_row;		/* found holds the current row */
	EState	   *estate;			/* for index insertion, constraints, triggers */
	ResultRelInfo *rri;			/* its trigger descriptor: the users' only */
	bool		fire;			/* users' AFTER ROW triggers to fire */
	Datum		empty_array;
	int			inserted;
	int			updated;
	int			retries;
} StateStore;

extern void state_store_open(StateStore *ss);
extern void state_store_close(StateStore *ss);

/*
 * The same with slots made once (in the current memory context) and kept
 * by the caller across opens, for a trigger fired once per row.
 */
extern void state_store_make_slots(TupleTableSlot **found,
								   TupleTableSlot **newrow, Datum *empty_array);
extern void state_store_open_with(StateStore *ss, TupleTableSlot *found,
								  TupleTableSlot *newrow, Datum empty_array);
extern void state_store_close_keeping_slots(StateStore *ss);

/*
 * The stored state of an address, or the state of a new one (false).  Waits
 * for a concurrent writer of the same address to finish first.  The state
 * may point into ss->found until the next fetch.
 */
extern bool state_store_fetch(StateStore *ss, const char *tenant,
							  const char *address, BnState *st);

/*
 * Store st for the address last fetched.  False when another transaction
 * wrote the address since the fetch: fetch, apply and write again.
 */
extern bool state_store_write(StateStore *ss, const char *tenant,
							  const char *address, const BnState *st);

/* The policy of a tenant (its own row, the default row, or built-in). */
extern BnPolicy policy_for(const char *tenant);

/* The recent_send_window of a tenant, from the same row (built-in: 7 days). */
extern void policy_recent_send_window(const char *tenant, Interval *window);

/*
 * Bring the derived row of bounce.suppression in step with a state whose
 * suppression changed; the audit row names the current user.  source is
 * the events table.  Runs SQL as the extension's owner; SPI must be
 * connected.
 */
extern void suppression_sync(const char *tenant, const char *address,
							 const BnState *st, const char *source,
							 const char *evidence);

/* The same for every address at once, after a rebuild. */
extern void suppression_sync_all(const char *source);

/* Run SQL as the extension's owner, or as a relation's owner. */
typedef struct SavedUser
{
	Oid			userid;
	int			sec_context;
	int			guc_nest;		/* the GUC nest level restore_user unwinds */
} SavedUser;

extern void become_extension_owner(SavedUser *saved);
extern void become_user(Oid userid, SavedUser *saved);
extern void restore_user(const SavedUser *saved);

/*
 * Whether the current role may have a restore (check_function_bodies off)
 * skip the suppression audit: a superuser or the extension's owner.
 */
extern bool bounce_may_skip_audit(void);

/* The OID of a relation in schema bounce, or an error. */
extern Oid	bounce_relid(const char *name);

/* Format a time as timestamptz text (for evidence and messages). */
extern char *bn_time_text(BnTime t);

#endif							/* BOUNCE_TRACK_H */
