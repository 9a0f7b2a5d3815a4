/*
 * catalog.h
 *		What the extension knows of the catalogs: the one relcache
 *		callback of the whole extension, and the one cache of the catalog
 *		information of the tables the C code reads and writes directly.
 *
 * PostgreSQL allows few relcache callbacks per backend (10 in 15), and
 * other extensions (Citus takes five) need theirs: bounce registers exactly
 * one and fans each invalidation out to the caches that asked for it.
 */
#ifndef BOUNCE_CATALOG_H
#define BOUNCE_CATALOG_H

#include "postgres.h"

#include "access/attnum.h"

#include "core/state.h"

/*
 * The state of a cache filled from the catalogs or a table, as
 * rules_cache.c keeps it: STALE until loaded; LOADING while a load runs,
 * which an invalidation arriving meanwhile turns back to STALE; VALID only
 * when the load ends still LOADING.  An error during the load leaves LOADING
 * (or STALE), and the next use loads again: never a valid-looking cache
 * that is empty or older than an invalidation.
 */
typedef enum BounceCacheState
{
	BOUNCE_CACHE_STALE,
	BOUNCE_CACHE_LOADING,
	BOUNCE_CACHE_VALID
} BounceCacheState;

/* A load ends: VALID unless an invalidation arrived during it. */
static inline void
bounce_cache_loaded(BounceCacheState *state)
{
	if (*state == BOUNCE_CACHE_LOADING)
		*state = BOUNCE_CACHE_VALID;
}

/* A cache's reaction to a relcache invalidation (InvalidOid: everything). */
typedef void (*BounceRelcacheHook) (Oid relid);

/*
 * Ask to be told of every relcache invalidation in this backend.  Call it
 * before loading the cache; registering the same hook twice is a no-op.
 */
extern void bounce_on_relcache_change(BounceRelcacheHook hook);

/*
 * A configuration table (the placeholder) and the relation that holds its
 * rows on this node (its Citus placement): an invalidation of the table is
 * passed on to the hooks as one of the placement too, so a cache keyed by
 * the placement notices when Citus turns the table back into a local one.
 */
extern void bounce_config_placement(Oid table, Oid placement);

/* The owner of extension bounce (cached until any relcache invalidation). */
extern Oid	bounce_extension_owner(void);

/* ----------------------------------------------------------------
 * The tables of schema bounce read through the access methods
 * ---------------------------------------------------------------- */

typedef enum BounceTable
{
	BT_STATE,					/* bounce.address_state */
	BT_SUPPRESSION,				/* bounce.suppression */
	BT_INVALID,					/* bounce.invalid_address */
	BT_COUNT
} BounceTable;

/* Their names in schema bounce, for messages. */
extern const char *const bounce_table_names[BT_COUNT];

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

/*
 * The OIDs, primary keys, attribute numbers and enum label OIDs the state
 * store (state_store.c) and the guards (guards*.c, recent_send.c) read
 * the tables by.  Looked up once per session and again after a relcache
 * invalidation of any of the tables (or of everything); a missing table,
 * primary key or column is an error that names it.
 */
typedef struct BounceCatalog
{
	Oid			relid[BT_COUNT];
	Oid			pkey[BT_COUNT];
	AttrNumber	state_att[SC_COUNT];	/* bounce.address_state */
	AttrNumber	sp_tenant;		/* bounce.suppression */
	AttrNumber	sp_address;
	AttrNumber	sp_reason;
	AttrNumber	sp_suppressed_at;
	/* the labels of the enums, in the order of core/state.h */
	Oid			status_oid[BN_ADDRESS_STATUS_COUNT];	/* address_status */
	Oid			suppression_oid[BN_SUPPRESSION_COUNT];	/* suppression_reason */
	Oid			event_oid[BN_EVENT_COUNT];	/* event_type */
} BounceCatalog;

/* The catalog information, loaded when stale; valid until invalidation. */
extern const BounceCatalog *bounce_catalog(void);

/*
 * Might an invalidation of relid (InvalidOid: everything) concern table t?
 * True as well while the catalog information is not loaded: its OIDs are
 * not known then.  For a cache of what the table holds; the hooks are told
 * after the catalog information has reacted.
 */
extern bool bounce_catalog_concerns(Oid relid, BounceTable t);

#endif							/* BOUNCE_CATALOG_H */
