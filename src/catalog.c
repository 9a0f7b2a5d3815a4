/*
 * catalog.c
 *		The one relcache callback of the extension, fanned out to its caches.
 */
#include "postgres.h"

#include "utils/inval.h"

#include "catalog.h"

/* One slot per cache that listens; a fixed, small number of them. */
#define MAX_HOOKS 8

static BounceRelcacheHook hooks[MAX_HOOKS];
static int	n_hooks = 0;
static bool callback_registered = false;

/* Configuration tables and their Citus placements (see catalog.h). */
#define MAX_PLACEMENTS 8

static Oid	placement_table[MAX_PLACEMENTS];
static Oid	placement_rel[MAX_PLACEMENTS];
static int	n_placements = 0;

static void
relcache_changed(Datum arg, Oid relid)
{
	for (int i = 0; i < n_hooks; i++)
		hooks[i] (relid);
	for (int p = 0; p < n_placements; p++)
		if (placement_table[p] == relid)
			for (int i = 0; i < n_hooks; i++)
				hooks[i] (placement_rel[p]);
}

void
bounce_config_placement(Oid table, Oid placement)
{
	for (int p = 0; p < n_placements; p++)
		if (placement_table[p] == table)
		{
			placement_rel[p] = placement;
			return;
		}
	if (n_placements < MAX_PLACEMENTS)
	{
		placement_table[n_placements] = table;
		placement_rel[n_placements++] = placement;
	}
}

void
bounce_on_relcache_change(BounceRelcacheHook hook)
{
	for (int i = 0; i < n_hooks; i++)
		if (hooks[i] == hook)
			return;
	if (n_hooks >= MAX_HOOKS)
		elog(ERROR, "too many bounce relcache hooks");
	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(relcache_changed, (Datum) 0);
		callback_registered = true;
	}
	hooks[n_hooks++] = hook;
}
