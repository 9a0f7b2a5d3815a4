/*
 * recent_send.c
 *		The delete restriction (SPEC 4): an address emailed within its
 *		tenant's recent_send_window may not be removed -- a confirmed bounce
 *		from bounce.address_state (restrict_confirmed_removal(), and
 *		remove_confirmed()), a contact from the sender's own table
 *		(protect_recent()); protected_until() tells until when.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/relscan.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/partition.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_operator.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/fmgroids.h"
#include "utils/formatting.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/pg_locale.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "addrkey.h"
#include "catalog.h"
#include "citus.h"
#include "guards.h"
#include "tenancy.h"
#include "track.h"
#include "trigcache.h"
#include "trigger_check.h"

/* ----------------------------------------------------------------
 * bounce.address_state: a confirmed bounce emailed recently stays
 * ---------------------------------------------------------------- */

/* A text column of a row of our tables, as a C string ("" when null). */
static char *
text_column(HeapTuple row, TupleDesc desc, AttrNumber attnum)
{
	bool		isnull;
	Datum		d = heap_getattr(row, attnum, desc, &isnull);

	return isnull ? pstrdup("") : TextDatumGetCString(d);
}

/* Where bounce.restrict_confirmed_removal() runs, and what it reads. */
static const char *const restrict_tables[] = {"address_state", NULL};
static const TriggerColumn restrict_columns[] = {
	{"tenant", TEXTOID, NULL},
	{"address", TEXTOID, NULL},
	{"status", InvalidOid, "address_status"},
	{"last_sent_at", TIMESTAMPTZOID, NULL},
};
static const TriggerSpec restrict_spec = {
	"bounce.restrict_confirmed_removal", restrict_tables, TC_AFTER,
	TC_UPDATE | TC_DELETE, 0, restrict_columns, 4,
	"It is the constraint trigger address_state_recent_send of bounce.address_state; for a contact table, use bounce.protect_recent()."
};

PG_FUNCTION_INFO_V1(bounce_restrict_confirmed_removal);

/*
 * bounce.restrict_confirmed_removal(): constraint trigger on
 * bounce.address_state, AFTER UPDATE OR DELETE FOR EACH ROW.  Refuses
 * removing a confirmed bounce (deleting its row, or changing its status or
 * key) while the address's last send is within the recent_send_window.
 * Judged on the state when the check runs (at commit when deferred): an
 * address that is confirmed again by then was not removed, and a send
 * recorded since counts.
 */
Datum
bounce_restrict_confirmed_removal(PG_FUNCTION_ARGS)
{
	const BounceCatalog *cat = bounce_catalog();
	TriggerData *td;
	TupleDesc	desc;
	HeapTuple	old;
	bool		isnull;
	Datum		d;
	char	   *tenant;
	char	   *address;
	TimestampTz last_sent;
	GuardState	now;
	Interval	window;
	TimestampTz until;

	td = trigger_check(fcinfo, &restrict_spec, NULL);

	desc = RelationGetDescr(td->tg_relation);
	old = td->tg_trigtuple;
	d = heap_getattr(old, cat->state_att[SC_STATUS], desc, &isnull);
	if (isnull || DatumGetObjectId(d) != cat->status_oid[BN_ADDR_CONFIRMED])
		return PointerGetDatum(NULL);
	tenant = text_column(old, desc, cat->state_att[SC_TENANT]);
	address = text_column(old, desc, cat->state_att[SC_ADDRESS]);

	/* an update that keeps the address confirmed removes nothing */
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		HeapTuple	new = td->tg_newtuple;

		d = heap_getattr(new, cat->state_att[SC_STATUS], desc, &isnull);
		if (!isnull && DatumGetObjectId(d) == cat->status_oid[BN_ADDR_CONFIRMED] &&
			strcmp(tenant, text_column(new, desc, cat->state_att[SC_TENANT])) == 0 &&
			strcmp(address, text_column(new, desc, cat->state_att[SC_ADDRESS])) == 0)
			return PointerGetDatum(NULL);
	}

	d = heap_getattr(old, cat->state_att[SC_LAST_SENT_AT], desc, &isnull);
	last_sent = isnull ? DT_NOBEGIN : DatumGetTimestampTz(d);

	/* the state now, with this statement's changes */
	CommandCounterIncrement();
	guard_state_probe(tenant, address, NULL, &now);
	if (now.found && now.confirmed)
		return PointerGetDatum(NULL);
	if (now.found && now.last_sent != DT_NOBEGIN && now.last_sent > last_sent)
		last_sent = now.last_sent;

	if (guard_recent(tenant, last_sent, &window, &until))
		guard_recent_error("remove confirmed bounce", " from the confirmed list",
						   tenant, address, last_sent, &window, until);
	return PointerGetDatum(NULL);
}

/* ----------------------------------------------------------------
 * bounce.protect_recent(): the sender's contact tables
 * ---------------------------------------------------------------- */

/* "$n", with the column's collation when it has one. */
static char *
param_sql(GuardCol *col, int n)
{
	if (OidIsValid(col->collation) && col->collation != DEFAULT_COLLATION_OID)
	{
		HeapTuple	tup = SearchSysCache1(COLLOID, ObjectIdGetDatum(col->collation));
		Form_pg_collation c;
		char	   *s;

		if (!HeapTupleIsValid(tup))
			elog(ERROR, "cache lookup failed for collation %u", col->collation);
		c = (Form_pg_collation) GETSTRUCT(tup);
		s = psprintf("$%d COLLATE %s", n,
					 quote_qualified_identifier(get_namespace_name(c->collnamespace),
												NameStr(c->collname)));
		ReleaseSysCache(tup);
		return s;
	}
	return psprintf("$%d", n);
}

/* Prepare a query of the contact ($1-$3 of types) and keep its plan. */
static SPIPlanPtr
prepare_kept(const char *sql, Oid *types)
{
	SPIPlanPtr	p = SPI_prepare(sql, 3, types);

	if (p == NULL)
		elog(ERROR, "could not prepare \"%s\": %s", sql,
			 SPI_result_code_string(SPI_result));
	SPI_keepplan(p);
	return p;
}

/* Prepare the queries that look for the contact, once per map. */
static void
prepare_contact_queries(GuardMap *m)
{
	Relation	qrel = table_open(m->query_relid, AccessShareLock);
	char	   *qname;
	StringInfoData rest;
	StringInfoData q;
	Oid			types[3];
	GuardCol   *acol = &m->cols[GK_ADDRESS];

	qname = quote_qualified_identifier(get_namespace_name(RelationGetNamespace(qrel)),
									   RelationGetRelationName(qrel));
	table_close(qrel, AccessShareLock);

	/* tenant ($2) and list ($3): equal, or both null */
	initStringInfo(&rest);
	for (int k = GK_TENANT; k <= GK_LIST; k++)
	{
		GuardCol   *col = &m->cols[k];
		const char *c;

		types[k] = col->attnum != 0 ? col->typid : TEXTOID;
		if (col->attnum == 0)
			continue;
		c = quote_identifier(col->name);
		appendStringInfo(&rest, " AND (t.%s %s %s OR ($%d IS NULL AND t.%s IS NULL))",
						 c, col->eq_sql, param_sql(col, k + 1), k + 1, c);
	}

	if (m->exact_plan == NULL)
	{
		initStringInfo(&q);
		types[0] = acol->typid;
		appendStringInfo(&q, "SELECT 1 FROM %s t WHERE t.%s %s %s%s LIMIT 1",
						 qname, quote_identifier(acol->name), acol->eq_sql,
						 param_sql(acol, 1), rest.data);
		m->exact_plan = prepare_kept(q.data, types);
	}
	if (m->lower_plan == NULL && !acol->citext)
	{
		initStringInfo(&q);
		types[0] = TEXTOID;
		appendStringInfo(&q, "SELECT 1 FROM %s t WHERE %s.address_key(t.%s::pg_catalog.text)"
						 " OPERATOR(pg_catalog.=) %s%s LIMIT 1",
						 qname, BOUNCE_SCHEMA, quote_identifier(acol->name), param_sql(acol, 1), rest.data);
		m->lower_plan = prepare_kept(q.data, types);
	}
}

/*
 * Is the contact of the old row still in the table -- the same tenant and
 * list, the same address in any case -- as the transaction sees it now?
 * Asked as the table's owner: the deleting role may not read it.
 */
static bool
contact_still_there(GuardMap *m, HeapTuple old, TupleDesc desc,
					const char *address)
{
	Datum		values[3];
	char		nulls[3] = {' ', 'n', 'n'};
	bool		isnull;
	SavedUser	saved;
	int			ret;
	bool		found;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	become_user(m->query_owner, &saved);
	prepare_contact_queries(m);

	values[0] = heap_getattr(old, m->cols[GK_ADDRESS].attnum, desc, &isnull);
	for (int k = GK_TENANT; k <= GK_LIST; k++)
	{
		values[k] = (Datum) 0;
		if (m->cols[k].attnum != 0)
		{
			values[k] = heap_getattr(old, m->cols[k].attnum, desc, &isnull);
			nulls[k] = isnull ? 'n' : ' ';
		}
	}

	ret = SPI_execute_snapshot(m->exact_plan, values, nulls, GetLatestSnapshot(),
							   InvalidSnapshot, false, false, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not look the contact up in %s: %s", m->relname,
			 SPI_result_code_string(ret));
	found = SPI_processed > 0;
	if (!found && m->lower_plan != NULL)
	{
		values[0] = CStringGetTextDatum(address);
		ret = SPI_execute_snapshot(m->lower_plan, values, nulls, GetLatestSnapshot(),
								   InvalidSnapshot, false, false, 1);
		if (ret != SPI_OK_SELECT)
			elog(ERROR, "could not look the contact up in %s: %s", m->relname,
				 SPI_result_code_string(ret));
		found = SPI_processed > 0;
	}
	restore_user(&saved);
	SPI_finish();
	return found;
}

/* Are two values of a mapped column the same (both null counts)? */
static bool
same_value(GuardCol *col, HeapTuple a, HeapTuple b, TupleDesc desc)
{
	bool		anull,
				bnull;
	Datum		ad,
				bd;
	Form_pg_attribute att;

	if (col->attnum == 0)
		return true;
	ad = heap_getattr(a, col->attnum, desc, &anull);
	bd = heap_getattr(b, col->attnum, desc, &bnull);
	if (anull || bnull)
		return anull == bnull;
	att = TupleDescAttr(desc, col->attnum - 1);
	return datumIsEqual(ad, bd, att->attbyval, att->attlen);
}

PG_FUNCTION_INFO_V1(bounce_protect_recent);

/*
 * bounce.protect_recent('address=column' [, 'tenant=column'] [,
 * 'list=column']): AFTER DELETE OR UPDATE FOR EACH ROW trigger, best as a
 * DEFERRABLE constraint trigger, on the sender's contact table.  Refuses
 * deleting a contact whose address was emailed within its tenant's
 * recent_send_window, or changing its address (other than its case),
 * tenant or list, unless the same contact is in the table again when the
 * check runs.
 */
Datum
bounce_protect_recent(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	GuardMap   *m;
	TupleDesc	desc;
	HeapTuple	old;
	char	   *tenant;
	char	   *address;
	char	   *given;
	GuardState	st;
	Interval	window;
	TimestampTz until;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function bounce.protect_recent() was not called by the trigger manager"),
				 errhint("Attach it to a contact table: CREATE CONSTRAINT TRIGGER ... AFTER DELETE OR UPDATE ON contacts DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bounce.protect_recent('address=email').")));
	m = guard_map_get(td, GUARD_PROTECT_RECENT, "bounce.protect_recent");
	desc = RelationGetDescr(td->tg_relation);
	old = td->tg_trigtuple;
	if (!guard_row_key(m, old, desc, &tenant, &address, &given))
		return PointerGetDatum(NULL);

	/* an update that keeps the contact's address, tenant and list */
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		char	   *ntenant;
		char	   *naddress;
		char	   *ngiven;

		if (guard_row_key(m, td->tg_newtuple, desc, &ntenant, &naddress, &ngiven) &&
			strcmp(tenant, ntenant) == 0 && strcmp(address, naddress) == 0 &&
			same_value(&m->cols[GK_TENANT], old, td->tg_newtuple, desc) &&
			same_value(&m->cols[GK_LIST], old, td->tg_newtuple, desc))
			return PointerGetDatum(NULL);
	}

	/* the state as the transaction sees it now */
	CommandCounterIncrement();
	guard_state_probe(tenant, address, NULL, &st);
	if (!st.found || !guard_recent(tenant, st.last_sent, &window, &until))
		return PointerGetDatum(NULL);
	if (contact_still_there(m, old, desc, address))
		return PointerGetDatum(NULL);

	guard_recent_error(TRIGGER_FIRED_BY_DELETE(td->tg_event) ?
					   "delete contact" : "change contact",
					   psprintf(" from %s (trigger \"%s\")", m->relname, m->tgname),
					   tenant, given, st.last_sent, &window, until);
	return PointerGetDatum(NULL);
}

/* ----------------------------------------------------------------
 * SQL entry points
 * ---------------------------------------------------------------- */

/* The lower-cased address argument n, or NULL. */
static char *
address_arg(FunctionCallInfo fcinfo, int n)
{
	text	   *t;

	if (PG_ARGISNULL(n))
		return NULL;
	t = PG_GETARG_TEXT_PP(n);
	return guard_lower(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), PG_GET_COLLATION());
}

/* The tenant argument n; '' for NULL. */
static char *
tenant_arg(FunctionCallInfo fcinfo, int n)
{
	return PG_ARGISNULL(n) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(n));
}

PG_FUNCTION_INFO_V1(bounce_protected_until);

/*
 * bounce.protected_until(address, tenant): last_sent_at + window when the
 * address was emailed within its tenant's recent_send_window, else NULL.
 * Reads with the query's snapshot; needs SELECT on bounce.address_state.
 */
Datum
bounce_protected_until(PG_FUNCTION_ARGS)
{
	const BounceCatalog *cat = bounce_catalog();
	char	   *address = address_arg(fcinfo, 0);
	char	   *tenant = tenant_arg(fcinfo, 1);
	GuardState	st;
	Interval	window;
	TimestampTz until;
	AclResult	acl;

	if (address == NULL)
		PG_RETURN_NULL();
	bounce_citus_refuse_worker_state("bounce.protected_until");
	acl = pg_class_aclcheck(cat->relid[BT_STATE], GetUserId(), ACL_SELECT);
	if (acl != ACLCHECK_OK)
		aclcheck_error(acl, OBJECT_TABLE, BOUNCE_SCHEMA ".address_state");
	tenant_require_own("address_state", tenant, "read the state");
	guard_state_probe(tenant, address, GetActiveSnapshot(), &st);
	if (!st.found ||
		!guard_recent(tenant, st.last_sent, &window, &until))
		PG_RETURN_NULL();
	PG_RETURN_TIMESTAMPTZ(until);
}

PG_FUNCTION_INFO_V1(bounce_remove_confirmed);

/*
 * bounce.remove_confirmed(address, tenant): the manual removal of a
 * confirmed bounce (SPEC 4).  Clears the address's state as a double
 * opt-in does -- active, streaks and history forgotten, sends kept, its
 * earlier events counting only as sends, also in bounce.rebuild() -- and
 * refuses (23Q01) while the address was emailed within the window.  False
 * when the address is not a confirmed bounce.
 */
Datum
bounce_remove_confirmed(PG_FUNCTION_ARGS)
{
	char	   *address = address_arg(fcinfo, 0);
	char	   *tenant = tenant_arg(fcinfo, 1);
	StateStore	ss;
	BnState		st;
	bool		removed = false;

	tenant_require_own("address_state", tenant, "remove confirmed bounces");
	bounce_citus_refuse_worker_state("bounce.remove_confirmed");

	if (address == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("address must not be null")));

	state_store_open(&ss);
	for (;;)
	{
		Interval	window;
		TimestampTz until;
		TimestampTz at = GetCurrentTransactionStartTimestamp();

		if (!state_store_fetch(&ss, tenant, address, &st) ||
			st.status != BN_ADDR_CONFIRMED)
			break;
		if (guard_recent(tenant, st.last_sent_at, &window, &until))
			guard_recent_error("remove confirmed bounce", " from the confirmed list",
							   tenant, address, st.last_sent_at, &window, until);
		bn_state_clear(&st, Max(at, st.last_event_at));
		if (state_store_write(&ss, tenant, address, &st))
		{
			removed = true;
			break;
		}
		CHECK_FOR_INTERRUPTS();
	}
	state_store_close(&ss);
	PG_RETURN_BOOL(removed);
}

