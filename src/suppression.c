/*
 * suppression.c
 *		bounce.suppression in step with the state: the derived row of an
 *		address whose suppression changed (suppression_sync), of every
 *		address after a rebuild (suppression_sync_all), and the audit of
 *		every change of the list (bounce.suppression_audited()).
 *
 * These rare writes are SQL run as the extension's owner, like
 * ri_triggers.c runs its checks as the owner of the referenced table.
 * Their text names every operator and function with its schema, and uses
 * no construct that looks an operator up by name (IS DISTINCT FROM, IN,
 * NULLIF): the inserting role's search_path must not choose code that runs
 * as the owner.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relscan.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/indexing.h"
#include "catalog/namespace.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_trigger.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "common/hashfn.h"
#include "storage/lmgr.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/guc.h"
#include "utils/inval.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "catalog.h"
#include "track.h"
#include "trigger_check.h"

static Oid	suppression_relid = InvalidOid;
static bool callback_registered = false;

/* Plans of the suppression sync, kept across calls. */
static SPIPlanPtr sync_upsert_plan = NULL;
static SPIPlanPtr sync_delete_plan = NULL;
static SPIPlanPtr audit_plan = NULL;
static Oid	audit_plan_rowtype = InvalidOid;
static bool plans_stale = false;
static bool audit_plan_stale = false;

/* Set while our own sync runs: whom and what its audit rows name. */
static Oid	audit_actor = InvalidOid;
static const char *audit_evidence = NULL;

/* ISO 8601 UTC text of a time, for evidence. */
char *
bn_time_text(BnTime t)
{
	char		buf[BN_CAMPAIGN_TIME_BUFSIZE];

	if (t == BN_TIME_NONE)
		return pstrdup("");
	bn_campaign_time_key(t, buf);
	return pstrdup(buf + 1);
}

/* The plans go when bounce.suppression (or everything) changes. */
static void
suppression_invalidate(Oid relid)
{
	if (relid == InvalidOid || relid == suppression_relid ||
		!OidIsValid(suppression_relid))
	{
		plans_stale = true;
		audit_plan_stale = true;
	}
}

/* Listen for invalidations, once; the relation's OID, looked up now. */
static void
suppression_listen(void)
{
	if (!callback_registered)
	{
		bounce_on_relcache_change(suppression_invalidate);
		callback_registered = true;
	}
	suppression_relid = bounce_relid("suppression");
}

/* Prepare the statements of the sync, once (again after invalidation). */
static void
sync_plans(void)
{
	if (plans_stale)
	{
		if (sync_upsert_plan)
			SPI_freeplan(sync_upsert_plan);
		if (sync_delete_plan)
			SPI_freeplan(sync_delete_plan);
		sync_upsert_plan = NULL;
		sync_delete_plan = NULL;
		plans_stale = false;
	}
	if (sync_upsert_plan == NULL)
	{
		Oid			types[5] = {TEXTOID, TEXTOID, TEXTOID, TIMESTAMPTZOID, TEXTOID};
		SPIPlanPtr	p;

		p = SPI_prepare("INSERT INTO bounce.suppression AS s"
						" (tenant, address, reason, suppressed_at, source, derived)"
						" VALUES ($1, $2, $3::bounce.suppression_reason, $4, $5, true)"
						" ON CONFLICT (tenant, address) DO UPDATE"
						" SET reason = excluded.reason, suppressed_at = excluded.suppressed_at,"
						" source = excluded.source"
						" WHERE s.derived AND (s.reason OPERATOR(pg_catalog.<>) excluded.reason"
						" OR s.suppressed_at OPERATOR(pg_catalog.<>) excluded.suppressed_at)",
						5, types);
		if (p == NULL)
			elog(ERROR, "could not prepare the suppression sync: %s",
				 SPI_result_code_string(SPI_result));
		SPI_keepplan(p);
		sync_upsert_plan = p;
	}
	if (sync_delete_plan == NULL)
	{
		Oid			types[2] = {TEXTOID, TEXTOID};
		SPIPlanPtr	p;

		p = SPI_prepare("DELETE FROM bounce.suppression"
						" WHERE tenant OPERATOR(pg_catalog.=) $1"
						" AND address OPERATOR(pg_catalog.=) $2 AND derived"
						" AND reason OPERATOR(pg_catalog.<>) 'complaint'",
						2, types);
		if (p == NULL)
			elog(ERROR, "could not prepare the suppression sync: %s",
				 SPI_result_code_string(SPI_result));
		SPI_keepplan(p);
		sync_delete_plan = p;
	}
}

/* Run a sync statement as the owner, its audit naming the current user. */
static void
sync_execute(SPIPlanPtr plan, Datum *values, const char *evidence, int expect)
{
	SavedUser	saved;
	Oid			actor = GetUserId();
	volatile int ret = 0;

	become_extension_owner(&saved);
	audit_actor = actor;
	audit_evidence = evidence;
	PG_TRY();
	{
		/*
		 * A fresh snapshot: under REPEATABLE READ the row may have been
		 * written by a transaction that committed after ours began (the
		 * state row serialized us behind it), and ON CONFLICT would call
		 * that a serialization failure.
		 */
		ret = SPI_execute_snapshot(plan, values, NULL, GetLatestSnapshot(),
								   InvalidSnapshot, false, true, 0);
	}
	PG_FINALLY();
	{
		audit_actor = InvalidOid;
		audit_evidence = NULL;
	}
	PG_END_TRY();
	restore_user(&saved);
	if (ret != expect)
		elog(ERROR, "could not update %s.suppression: %s", BOUNCE_SCHEMA,
			 SPI_result_code_string(ret));
}

/* Bring the derived suppression row in step; see track.h. */
void
suppression_sync(const char *tenant, const char *address, const BnState *st,
				 const char *source, const char *evidence)
{
	SavedUser	saved;

	suppression_listen();
	become_extension_owner(&saved);
	sync_plans();
	restore_user(&saved);
	if (st->status == BN_ADDR_SUPPRESSED && st->suppressed != BN_SUPPRESSION_NONE)
	{
		Datum		values[5];

		values[0] = CStringGetTextDatum(tenant);
		values[1] = CStringGetTextDatum(address);
		values[2] = CStringGetTextDatum(bn_suppression_names[st->suppressed]);
		values[3] = TimestampTzGetDatum(st->status_since);
		values[4] = CStringGetTextDatum(source);
		sync_execute(sync_upsert_plan, values, evidence, SPI_OK_INSERT);
	}
	else
	{
		Datum		values[2];

		values[0] = CStringGetTextDatum(tenant);
		values[1] = CStringGetTextDatum(address);
		sync_execute(sync_delete_plan, values, evidence, SPI_OK_DELETE);
	}
}

/* The derived rows of every address at once; see track.h. */
void
suppression_sync_all(const char *source)
{
	SavedUser	saved;
	Oid			actor = GetUserId();
	Oid			types[1] = {TEXTOID};
	Datum		values[1];
	char	   *evidence;
	volatile int ret = SPI_OK_DELETE;

	suppression_listen();
	values[0] = CStringGetTextDatum(source);
	{
		StringInfoData buf;

		initStringInfo(&buf);
		appendStringInfoString(&buf, "{\"events\": ");
		escape_json(&buf, source);
		appendStringInfoString(&buf, ", \"rebuild\": true}");
		evidence = buf.data;
	}

	become_extension_owner(&saved);
	audit_actor = actor;
	audit_evidence = evidence;
	PG_TRY();
	{
		ret = SPI_execute_with_args(
									"DELETE FROM bounce.suppression p USING bounce.address_state s"
									" WHERE p.derived AND p.reason OPERATOR(pg_catalog.<>) 'complaint'"
									" AND s.tenant OPERATOR(pg_catalog.=) p.tenant"
									" AND s.address OPERATOR(pg_catalog.=) p.address"
									" AND s.status OPERATOR(pg_catalog.<>) 'suppressed'",
									0, NULL, NULL, NULL, false, 0);
		if (ret == SPI_OK_DELETE)
			ret = SPI_execute_with_args(
										"DELETE FROM bounce.suppression p WHERE p.derived"
										" AND p.reason OPERATOR(pg_catalog.<>) 'complaint'"
										" AND NOT EXISTS (SELECT FROM bounce.address_state s"
										" WHERE s.tenant OPERATOR(pg_catalog.=) p.tenant"
										" AND s.address OPERATOR(pg_catalog.=) p.address)",
										0, NULL, NULL, NULL, false, 0);
		if (ret == SPI_OK_DELETE)
			ret = SPI_execute_with_args(
										"INSERT INTO bounce.suppression AS p"
										" (tenant, address, reason, suppressed_at, source, derived)"
										" SELECT s.tenant, s.address, s.suppression_reason, s.status_since, $1, true"
										" FROM bounce.address_state s"
										" WHERE s.status OPERATOR(pg_catalog.=) 'suppressed'"
										" AND s.suppression_reason IS NOT NULL"
										" AND s.status_since IS NOT NULL"
										" ORDER BY s.tenant, s.address"
										" ON CONFLICT (tenant, address) DO UPDATE"
										" SET reason = excluded.reason, suppressed_at = excluded.suppressed_at,"
										" source = excluded.source"
										" WHERE p.derived AND (p.reason OPERATOR(pg_catalog.<>) excluded.reason"
										" OR p.suppressed_at OPERATOR(pg_catalog.<>) excluded.suppressed_at)",
										1, types, values, NULL, false, 0);
	}
	PG_FINALLY();
	{
		audit_actor = InvalidOid;
		audit_evidence = NULL;
	}
	PG_END_TRY();
	restore_user(&saved);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "could not update %s.suppression: %s", BOUNCE_SCHEMA,
			 SPI_result_code_string(ret));
}

/* Where bounce.suppression_audited() runs, and the columns it reads. */
static const char *const audited_tables[] = {"suppression", NULL};
static const TriggerColumn audited_columns[] = {
	{"tenant", TEXTOID, NULL},
	{"address", TEXTOID, NULL},
	{"reason", InvalidOid, "suppression_reason"},
};
static const TriggerSpec audited_spec = {
	"bounce.suppression_audited", audited_tables, TC_AFTER,
	TC_INSERT | TC_UPDATE | TC_DELETE, 0, audited_columns, 3,
	"It is the trigger suppression_audited of bounce.suppression, AFTER INSERT OR UPDATE OR DELETE FOR EACH ROW; it is not meant for other tables."
};

/*
 * May the current role skip the audit of a restore?  Only one that could
 * write bounce.suppression_audit itself: a superuser or the extension's
 * owner (or a member of its role).  Anyone else with INSERT on
 * bounce.suppression may set check_function_bodies too.
 */
bool
bounce_may_skip_audit(void)
{
	return superuser() || has_privs_of_role(GetUserId(), bounce_extension_owner());
}

PG_FUNCTION_INFO_V1(bounce_suppression_audited);

/*
 * bounce.suppression_audited(): AFTER ROW trigger on bounce.suppression
 * recording each change in bounce.suppression_audit, as the extension's
 * owner, so that neither the trigger's nor a user's change needs (or
 * gives) write access to the audit table.  Rows inserted with
 * check_function_bodies off by a superuser or the extension's owner -- a
 * restore of a dump, which brings its own audit rows -- are not recorded.
 * It refuses any table but bounce.suppression (trigger_check()).
 */
Datum
bounce_suppression_audited(PG_FUNCTION_ARGS)
{
	TriggerData *td;
	HeapTuple	row;
	TupleDesc	desc;
	const char *action;
	Datum		values[7];
	char		nulls[7] = {' ', ' ', ' ', ' ', ' ', ' ', ' '};
	Oid			who;
	SavedUser	saved;
	int			ret;
	bool		isnull;
	AttrNumber	att[3];

	td = trigger_check(fcinfo, &audited_spec, att);

	/*
	 * A pg_dump script (plain or through pg_restore) runs with
	 * check_function_bodies off and brings the audit rows of the rows it
	 * restores with it: the restore is not a change to record.  Only a role
	 * that could write the audit itself may skip it so.
	 */
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event) && !check_function_bodies &&
		!OidIsValid(audit_actor) && bounce_may_skip_audit())
		return PointerGetDatum(NULL);

	desc = RelationGetDescr(td->tg_relation);
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		row = td->tg_trigtuple;
		action = "suppress";
	}
	else if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		row = td->tg_newtuple;
		action = "change";
	}
	else
	{
		row = td->tg_trigtuple;
		action = "unsuppress";
	}

	who = OidIsValid(audit_actor) ? audit_actor : GetUserId();

	values[0] = heap_getattr(row, att[0], desc, &isnull);
	if (isnull)
		nulls[0] = 'n';
	values[1] = heap_getattr(row, att[1], desc, &isnull);
	if (isnull)
		nulls[1] = 'n';
	values[2] = CStringGetTextDatum(action);
	values[3] = heap_getattr(row, att[2], desc, &isnull);
	if (isnull)
		nulls[3] = 'n';
	values[4] = CStringGetTextDatum(GetUserNameFromId(who, false));
	values[5] = audit_evidence ? CStringGetTextDatum(audit_evidence) : (Datum) 0;
	if (audit_evidence == NULL)
		nulls[5] = 'n';
	values[6] = heap_copy_tuple_as_datum(row, desc);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	suppression_listen();
	become_extension_owner(&saved);
	if (audit_plan == NULL || audit_plan_stale ||
		audit_plan_rowtype != desc->tdtypeid)
	{
		Oid			types[7] = {TEXTOID, TEXTOID, TEXTOID, InvalidOid, TEXTOID,
		TEXTOID, InvalidOid};
		SPIPlanPtr	p;

		types[3] = TupleDescAttr(desc, att[2] - 1)->atttypid;
		types[6] = desc->tdtypeid;
		if (audit_plan)
			SPI_freeplan(audit_plan);
		audit_plan = NULL;
		p = SPI_prepare("INSERT INTO bounce.suppression_audit"
						" (tenant, address, action, reason, who, evidence)"
						" VALUES ($1, $2, $3, $4, $5,"
						" COALESCE($6::pg_catalog.jsonb, pg_catalog.to_jsonb($7)))",
						7, types);
		if (p == NULL)
			elog(ERROR, "could not prepare the suppression audit: %s",
				 SPI_result_code_string(SPI_result));
		SPI_keepplan(p);
		audit_plan = p;
		audit_plan_rowtype = desc->tdtypeid;
		audit_plan_stale = false;
	}
	ret = SPI_execute_plan(audit_plan, values, nulls, false, 0);
	restore_user(&saved);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "could not write %s.suppression_audit: %s", BOUNCE_SCHEMA,
			 SPI_result_code_string(ret));
	SPI_finish();

	return PointerGetDatum(NULL);
}

