/*
 * catalog.c
 *		What the extension knows of the catalogs: the one relcache callback
 *		of the extension, fanned out to its caches; the extension's owner
 *		and the switching to it (or to a table's owner); the OIDs of the
 *		relations in schema bounce; the one cache of the catalog information
 *		(OIDs, primary keys, attribute numbers, enum labels) of the tables
 *		the C code reads through the access methods.
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
#include "utils/guc.h"
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

/* The tables' catalog information (catalog.h), until their invalidation. */
static BounceCatalog cat;
static BounceCacheState cat_state = BOUNCE_CACHE_STALE;

const char *const bounce_table_names[BT_COUNT] = {
	"address_state", "suppression", "invalid_address"
};

static const char *const state_col_names[SC_COUNT] = {
	"tenant", "address", "status", "suppression_reason", "status_since",
	"hard_streak", "soft_streak", "hard_campaigns", "soft_campaigns",
	"last_counted_at", "last_sent_at", "last_bounce_at", "last_reason",
	"last_kind", "cleared_at", "last_event_at", "last_event"
};

/* Forget the tables' catalog information when one of them changes. */
static void
catalog_invalidate(Oid relid)
{
	/* while a load runs, its OIDs are not known yet: anything counts */
	if (relid == InvalidOid || cat_state != BOUNCE_CACHE_VALID)
		cat_state = BOUNCE_CACHE_STALE;
	else
		for (int t = 0; t < BT_COUNT; t++)
			if (relid == cat.relid[t])
				cat_state = BOUNCE_CACHE_STALE;
}

/*
 * Our own caches react first, so that a hook asking bounce_catalog_concerns
 * sees the catalog information stale after a change to one of the tables.
 */
static void
relcache_changed(Datum arg, Oid relid)
{
	owner_state = BOUNCE_CACHE_STALE;
	catalog_invalidate(relid);
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

/* Register the one relcache callback, once per backend. */
static void
register_callback(void)
{
	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(relcache_changed, (Datum) 0);
		callback_registered = true;
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
	register_callback();
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

		register_callback();
		owner_state = BOUNCE_CACHE_LOADING;
		o = extension_owner_lookup();
		owner = o;
		bounce_cache_loaded(&owner_state);
	}
	return owner;
}

/* ----------------------------------------------------------------
 * The tables' catalog information
 * ---------------------------------------------------------------- */

/* The attribute number of a column of one of our tables, or an error. */
static AttrNumber
table_attnum(Oid relid, BounceTable t, const char *colname)
{
	AttrNumber	attnum = get_attnum(relid, colname);

	if (attnum == InvalidAttrNumber)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation %s.%s does not exist",
						colname, BOUNCE_SCHEMA, bounce_table_names[t]),
				 errhint("Update the extension with ALTER EXTENSION bounce UPDATE.")));
	return attnum;
}

/* Fill one enum's label OIDs. */
static void
enum_oids(const char *typname, const char *const *labels, int n, Oid *out)
{
	for (int i = 0; i < n; i++)
		out[i] = bounce_enum_label_oid(typname, labels[i]);
}

/* Look the tables up; called when cat_state is not VALID. */
static void
catalog_load(void)
{
	BounceCatalog c;

	register_callback();
	/* an invalidation from here on leaves the result for this call only */
	cat_state = BOUNCE_CACHE_LOADING;
	memset(&c, 0, sizeof(c));
	for (int t = 0; t < BT_COUNT; t++)
	{
		Relation	rel;

		c.relid[t] = bounce_relid(bounce_table_names[t]);
		rel = table_open(c.relid[t], AccessShareLock);
		c.pkey[t] = RelationGetPrimaryKeyIndex(rel);
		table_close(rel, AccessShareLock);
		if (!OidIsValid(c.pkey[t]))
			elog(ERROR, "relation %s.%s has no primary key", BOUNCE_SCHEMA,
				 bounce_table_names[t]);
	}
	for (int i = 0; i < SC_COUNT; i++)
		c.state_att[i] = table_attnum(c.relid[BT_STATE], BT_STATE,
									  state_col_names[i]);
	c.sp_tenant = table_attnum(c.relid[BT_SUPPRESSION], BT_SUPPRESSION, "tenant");
	c.sp_address = table_attnum(c.relid[BT_SUPPRESSION], BT_SUPPRESSION, "address");
	c.sp_reason = table_attnum(c.relid[BT_SUPPRESSION], BT_SUPPRESSION, "reason");
	c.sp_suppressed_at = table_attnum(c.relid[BT_SUPPRESSION], BT_SUPPRESSION,
									  "suppressed_at");
	enum_oids("address_status", bn_address_status_names, BN_ADDRESS_STATUS_COUNT,
			  c.status_oid);
	enum_oids("suppression_reason", bn_suppression_names, BN_SUPPRESSION_COUNT,
			  c.suppression_oid);
	enum_oids("event_type", bn_event_type_names, BN_EVENT_COUNT, c.event_oid);

	cat = c;
	bounce_cache_loaded(&cat_state);
}

/* The tables' catalog information; see catalog.h. */
const BounceCatalog *
bounce_catalog(void)
{
	if (unlikely(cat_state != BOUNCE_CACHE_VALID))
		catalog_load();
	return &cat;
}

/* Might an invalidation of relid concern table t?  See catalog.h. */
bool
bounce_catalog_concerns(Oid relid, BounceTable t)
{
	return relid == InvalidOid || cat_state != BOUNCE_CACHE_VALID ||
		relid == cat.relid[t];
}

/* ----------------------------------------------------------------
 * Users
 * ---------------------------------------------------------------- */

/*
 * Run as userid until restore_user (an error restores it too), as
 * PostgreSQL runs an index's expressions or a materialized view's query as
 * the relation's owner: a security-restricted operation (no SET ROLE, no
 * temporary objects) with search_path pinned to pg_catalog, in a GUC nest
 * level that restore_user unwinds.  So a trigger on one of our tables, or
 * a cast or function of a tracked table's owner, runs with neither the
 * caller's search_path (whose objects would resolve first, as a
 * superuser) nor a way to leave settings behind in the caller's session.
 */
void
become_user(Oid userid, SavedUser *saved)
{
	GetUserIdAndSecContext(&saved->userid, &saved->sec_context);
	SetUserIdAndSecContext(userid, saved->sec_context |
						   SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_RESTRICTED_OPERATION |
						   SECURITY_NOFORCE_RLS);
	saved->guc_nest = NewGUCNestLevel();
	(void) set_config_option("search_path", "pg_catalog, pg_temp", PGC_USERSET,
							 PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
}

/* Run as the extension's owner. */
void
become_extension_owner(SavedUser *saved)
{
	become_user(bounce_extension_owner(), saved);
}

/* Back to the user saved, and to the settings of before. */
void
restore_user(const SavedUser *saved)
{
	AtEOXact_GUC(false, saved->guc_nest);
	SetUserIdAndSecContext(saved->userid, saved->sec_context);
}

