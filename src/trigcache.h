/*
 * trigcache.h
 *		The one cache of trigger mappings, for every trigger function of the
 *		extension that takes key=column arguments (bounce.track(),
 *		track_purge(), protect_recent(), refuse_suppressed()): (trigger,
 *		relation, kind) -> the mapping its owner built, kept until a relcache
 *		invalidation of the relation or of the relation the mapping queries,
 *		as ri_triggers.c keeps one cache for every foreign-key trigger.
 *
 * What a mapping holds (columns, types, plans) is its owner's: trigmap.c
 * for the state triggers, guards.c for the guards.  A mapping replaced
 * while held (trigcache_hold) is freed when none holds any.
 */
#ifndef BOUNCE_TRIGCACHE_H
#define BOUNCE_TRIGCACHE_H

#include "postgres.h"

#include "commands/trigger.h"
#include "utils/rel.h"

/* The kinds of mapping: the owners' numbers, kept apart. */
typedef enum TrigCacheKind
{
	TRIGCACHE_TRACK,
	TRIGCACHE_TRACK_PURGE,
	TRIGCACHE_TRACK_ARCHIVE,
	TRIGCACHE_GUARD_PROTECT_RECENT,
	TRIGCACHE_GUARD_REFUSE_SUPPRESSED
} TrigCacheKind;

/*
 * Build a mapping in a memory context of its own, a child of cxt; set
 * *query_relid to the relation its queries read (InvalidOid: none).
 * Errors for a misattached trigger.
 */
typedef void *(*TrigCacheBuild) (Trigger *trigger, Relation rel,
								 MemoryContext cxt, void *arg,
								 Oid *query_relid);
/* Free what a mapping holds (plans, its memory context). */
typedef void (*TrigCacheFree) (void *map);

/* The mapping of a trigger on a relation, built when missing or stale. */
extern void *trigcache_get(Trigger *trigger, Relation rel, TrigCacheKind kind,
						   TrigCacheBuild build, TrigCacheFree free,
						   void *arg);

/* Keep every mapping alive (nested). */
extern void trigcache_hold(void);
extern void trigcache_release(void);

/* Is this type citext?  Both kinds of mapping accept it for addresses. */
extern bool bounce_type_is_citext(Oid typid);

/*
 * "OPERATOR(schema.=)", the default equality of a type written for a
 * mapping's queries (the operator qualified, whatever the search_path), or
 * NULL when the type has none.
 */
extern char *bounce_equality_sql(Oid typid);

#endif							/* BOUNCE_TRIGCACHE_H */
