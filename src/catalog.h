/*
 * catalog.h
 *		What the extension knows of the catalogs: the one relcache
 *		callback of the whole extension.
 *
 * PostgreSQL allows few relcache callbacks per backend (10 in 15), and
 * other extensions (Citus takes five) need theirs: bounce registers exactly
 * one and fans each invalidation out to the caches that asked for it.
 */
#ifndef BOUNCE_CATALOG_H
#define BOUNCE_CATALOG_H

#include "postgres.h"

/*
 * The state of a cache filled from the catalogs or a table, as rules.c
 * keeps it: STALE until loaded; LOADING while a load runs, which an
 * invalidation arriving meanwhile turns back to STALE; VALID only when
 * the load ends still LOADING.  An error during the load leaves LOADING
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

#endif							/* BOUNCE_CATALOG_H */
