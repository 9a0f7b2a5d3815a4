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

#endif							/* BOUNCE_CATALOG_H */
