/*
 * catalog.c
 *		What the extension knows of the catalogs: the one relcache callback
 *		of the extension, fanned out to its caches; the extension's owner
 *		and the switching to it (or to a table's owner); the OIDs of the
 *		relations in schema bounce.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_extension.h"
#include "commands/extension.h"
#include "miscadmin.h"
#include "utils/fmgroids.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

#include "bounce.h"
#include "catalog.h"
#include "track.h"

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

/* The extension's owner, until any invalidation (ALTER EXTENSION ... OWNER). */
static Oid	owner = InvalidOid;
static BounceCacheState owner_state = BOUNCE_CACHE_STALE;

static void
relcache_changed(Datum arg, Oid relid)
{
	owner_state = BOUNCE_CACHE_STALE;
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

/* The OID of a relation in schema bounce, or an error. */
Oid
bounce_relid(const char *name)
{
	Oid			nsp = get_namespace_oid(BOUNCE_SCHEMA, false);
	Oid			relid = get_relname_relid(name, nsp);

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation %s.%s does not exist", BOUNCE_SCHEMA, name),
				 errhint("Reinstall the extension with DROP EXTENSION bounce and CREATE EXTENSION bounce.")));
	return relid;
}

/* The owner of extension bounce, looked up now. */
static Oid
extension_owner_lookup(void)
{
	Oid			extoid = get_extension_oid("bounce", false);
	Relation	rel;
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tup;
	Oid			owner;

	rel = table_open(ExtensionRelationId, AccessShareLock);
	ScanKeyInit(&key, Anum_pg_extension_oid, BTEqualStrategyNumber,
				F_OIDEQ, ObjectIdGetDatum(extoid));
	scan = systable_beginscan(rel, ExtensionOidIndexId, true, NULL, 1, &key);
	tup = systable_getnext(scan);
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "could not find tuple for extension %u", extoid);
	owner = ((Form_pg_extension) GETSTRUCT(tup))->extowner;
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return owner;
}

/* The owner of extension bounce, cached; see catalog.h. */
Oid
bounce_extension_owner(void)
{
	if (owner_state != BOUNCE_CACHE_VALID)
	{
		Oid			o;

		if (!callback_registered)
		{
			CacheRegisterRelcacheCallback(relcache_changed, (Datum) 0);
			callback_registered = true;
		}
		owner_state = BOUNCE_CACHE_LOADING;
		o = extension_owner_lookup();
		owner = o;
		bounce_cache_loaded(&owner_state);
	}
	return owner;
}

/* ----------------------------------------------------------------
 * Users
 * ---------------------------------------------------------------- */

/* Run as userid until restore_user (an error restores it too). */
void
become_user(Oid userid, SavedUser *saved)
{
	GetUserIdAndSecContext(&saved->userid, &saved->sec_context);
	SetUserIdAndSecContext(userid, saved->sec_context |
						   SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_NOFORCE_RLS);
}

/* Run as the extension's owner. */
void
become_extension_owner(SavedUser *saved)
{
	become_user(bounce_extension_owner(), saved);
}

/* Back to the user saved. */
void
restore_user(const SavedUser *saved)
{
	SetUserIdAndSecContext(saved->userid, saved->sec_context);
}

