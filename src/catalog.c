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

static void
relcache_changed(Datum arg, Oid relid)
{
	for (int i = 0; i < n_hooks; i++)
		hooks[i] (relid);
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
