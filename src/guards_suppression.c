/*
 * guards_suppression.c
 *		The suppression list as a constraint (SPEC section 3).
 *
 *	bounce.refuse_suppressed('address=email', 'tenant=account_id'
 *							 [, 'on_suppressed=skip'])
 *		BEFORE INSERT OR UPDATE trigger for the sender's list tables:
 *		adding an address that is on bounce.suppression is refused
 *		(SQLSTATE 23Q02), or with on_suppressed=skip the row is left out
 *		silently.  An update that keeps the address (in any case) and the
 *		tenant is let through: the contact was there already.
 *
 *	bounce.confirm_opt_in(address, evidence, tenant, who)
 *		the one way back: the subscriber confirmed by double opt-in.
 *		Removes the suppression row, clears the address's state (active,
 *		streaks and history forgotten, earlier events counting only as
 *		sends, also in bounce.rebuild()), and records who, when and the
 *		evidence in bounce.suppression_audit.
 *
 *	bounce.keep_complaints()
 *		BEFORE UPDATE OR DELETE (and TRUNCATE) trigger on bounce.suppression:
 *		a complaint is lifted by bounce.confirm_opt_in() and no other way
 *		(SQLSTATE 23Q03).  confirm_opt_in() marks the one row it lifts in a
 *		variable of this backend, which no SQL can set.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "citus.h"
#include "guards.h"
#include "tenancy.h"
#include "track.h"
#include "trigger_check.h"

/* The row confirm_opt_in() is lifting, while it deletes it. */
static const char *lifting_tenant = NULL;
static const char *lifting_address = NULL;

PG_FUNCTION_INFO_V1(bounce_refuse_suppressed);

/*
 * bounce.refuse_suppressed('address=column' [, 'tenant=column'] [,
 * 'on_suppressed=error|skip']): BEFORE INSERT OR UPDATE FOR EACH ROW
 * trigger on a sender's list table; refuses (or skips) a row whose address
 * is on the suppression list of its tenant.
 */
Datum
bounce_refuse_suppressed(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	GuardMap   *m;
	TupleDesc	desc;
	HeapTuple	row;
	char	   *tenant;
	char	   *address;
	char	   *given;
	GuardSuppression sp;
	TenantScope scope;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function bounce.refuse_suppressed() was not called by the trigger manager"),
				 errhint("Attach it to a list table: CREATE TRIGGER ... BEFORE INSERT OR UPDATE OF email ON contacts FOR EACH ROW EXECUTE FUNCTION bounce.refuse_suppressed('address=email').")));
	m = guard_map_get(td, GUARD_REFUSE_SUPPRESSED, "bounce.refuse_suppressed");
	desc = RelationGetDescr(td->tg_relation);
	row = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	if (!guard_row_key(m, row, desc, &tenant, &address, &given))
		return PointerGetDatum(row);

	/* the contact was there already */
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		char	   *otenant;
		char	   *oaddress;
		char	   *ogiven;

		if (guard_row_key(m, td->tg_trigtuple, desc, &otenant, &oaddress, &ogiven) &&
			strcmp(tenant, otenant) == 0 && strcmp(address, oaddress) == 0)
			return PointerGetDatum(row);
	}

	/* another tenant's list is not probed: nothing of it is told */
	scope = tenant_scope("suppression", tenant);
	if (scope == TENANT_OTHER)
		tenant_require_own("suppression", tenant, "add addresses to a guarded list");
	guard_suppression_probe(tenant, address, NULL, &sp);
	if (!sp.found)
		return PointerGetDatum(row);
	if (m->skip)
		return PointerGetDatum(NULL);

	/* why and since when only to a role that may read the list */
	if (scope != TENANT_VISIBLE)
		ereport(ERROR,
				(errcode(ERRCODE_BOUNCE_SUPPRESSED_ADDRESS),
				 errmsg("address \"%s\" is on the suppression list", given),
				 errdetail("Trigger \"%s\" on %s refuses suppressed addresses.",
						   m->tgname, m->relname),
				 errhint("A suppressed address comes back only when its subscriber confirms by double opt-in: bounce.confirm_opt_in().  A role with SELECT on bounce.suppression sees why it was suppressed.")));
	ereport(ERROR,
			(errcode(ERRCODE_BOUNCE_SUPPRESSED_ADDRESS),
			 errmsg("address \"%s\" is on the suppression list", given),
			 errdetail("It was suppressed for %s at %s (tenant \"%s\"); trigger \"%s\" on %s refuses suppressed addresses.",
					   sp.reason, guard_time_text(sp.suppressed_at), tenant,
					   m->tgname, m->relname),
			 errhint("A suppressed address comes back only when its subscriber confirms by double opt-in: bounce.confirm_opt_in().  To leave such rows out silently, give the trigger the argument 'on_suppressed=skip'.")));
	return PointerGetDatum(NULL);
}

/* Where bounce.keep_complaints() runs, and what it reads. */
static const char *const keep_tables[] = {"suppression", NULL};
static const TriggerColumn keep_columns[] = {
	{"tenant", TEXTOID, NULL},
	{"address", TEXTOID, NULL},
	{"reason", InvalidOid, "suppression_reason"},
};
static const TriggerSpec keep_spec = {
	"bounce.keep_complaints", keep_tables, TC_BEFORE,
	TC_UPDATE | TC_DELETE, TC_TRUNCATE, keep_columns, 3,
	"It is the trigger of bounce.suppression that keeps complaints: BEFORE UPDATE OR DELETE FOR EACH ROW, and BEFORE TRUNCATE."
};

PG_FUNCTION_INFO_V1(bounce_keep_complaints);

/*
 * bounce.keep_complaints(): BEFORE UPDATE OR DELETE FOR EACH ROW, and
 * BEFORE TRUNCATE, on bounce.suppression; a complaint row may be deleted,
 * or changed to another reason or address, only by bounce.confirm_opt_in().
 */
Datum
bounce_keep_complaints(PG_FUNCTION_ARGS)
{
	TriggerData *td;
	TupleDesc	desc;
	HeapTuple	old;
	AttrNumber	att[3];
	AttrNumber	a_tenant,
				a_address,
				a_reason;
	bool		isnull;
	Datum		d;
	char	   *tenant;
	char	   *address;
	Oid			complaint;

	td = trigger_check(fcinfo, &keep_spec, att);
	complaint = bounce_catalog()->suppression_oid[BN_SUPPRESSION_COMPLAINT];

	if (TRIGGER_FIRED_BY_TRUNCATE(td->tg_event))
	{
		SavedUser	saved;
		int			ret;
		bool		any;

		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "SPI_connect failed");
		become_extension_owner(&saved);
		ret = SPI_execute("SELECT 1 FROM bounce.suppression"
						  " WHERE reason OPERATOR(pg_catalog.=) 'complaint' LIMIT 1",
						  true, 1);
		restore_user(&saved);
		if (ret != SPI_OK_SELECT)
			elog(ERROR, "could not read %s.suppression: %s", BOUNCE_SCHEMA,
				 SPI_result_code_string(ret));
		any = SPI_processed > 0;
		SPI_finish();
		if (any)
			ereport(ERROR,
					(errcode(ERRCODE_BOUNCE_COMPLAINT_KEPT),
					 errmsg("cannot truncate %s.suppression: it holds complaints", BOUNCE_SCHEMA),
					 errdetail("A complaint is lifted only when its subscriber confirms again by double opt-in."),
					 errhint("Delete the other rows with DELETE FROM %s.suppression WHERE reason <> 'complaint'.",
							 BOUNCE_SCHEMA)));
		return PointerGetDatum(NULL);
	}

	desc = RelationGetDescr(td->tg_relation);
	old = td->tg_trigtuple;
	a_tenant = att[0];
	a_address = att[1];
	a_reason = att[2];

	d = heap_getattr(old, a_reason, desc, &isnull);
	if (isnull || DatumGetObjectId(d) != complaint)
		return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(td->tg_event) ?
							   td->tg_newtuple : old);
	tenant = TextDatumGetCString(heap_getattr(old, a_tenant, desc, &isnull));
	address = TextDatumGetCString(heap_getattr(old, a_address, desc, &isnull));

	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		HeapTuple	new = td->tg_newtuple;
		Datum		nd = heap_getattr(new, a_reason, desc, &isnull);

		/* still the same complaint: its time, source, derived may change */
		if (!isnull && DatumGetObjectId(nd) == complaint &&
			strcmp(tenant, TextDatumGetCString(heap_getattr(new, a_tenant, desc, &isnull))) == 0 &&
			strcmp(address, TextDatumGetCString(heap_getattr(new, a_address, desc, &isnull))) == 0)
			return PointerGetDatum(new);
	}

	if (lifting_tenant != NULL && strcmp(lifting_tenant, tenant) == 0 &&
		strcmp(lifting_address, address) == 0)
		return PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(td->tg_event) ?
							   td->tg_newtuple : old);

	ereport(ERROR,
			(errcode(ERRCODE_BOUNCE_COMPLAINT_KEPT),
			 errmsg("cannot %s the complaint of address \"%s\" on the suppression list",
					TRIGGER_FIRED_BY_DELETE(td->tg_event) ? "delete" : "change", address),
			 errdetail("A complaint is lifted only when its subscriber confirms again by double opt-in (tenant \"%s\").",
					   tenant),
			 errhint("Record the confirmation with bounce.confirm_opt_in(address, evidence, tenant).")));
	return PointerGetDatum(NULL);
}

/* ----------------------------------------------------------------
 * bounce.confirm_opt_in()
 * ---------------------------------------------------------------- */

/*
 * Give the newest audit row of an address and action the real actor and
 * the evidence (merged over what the audit trigger wrote: the row as it
 * was).  The audit trigger of bounce.suppression names the role it runs
 * as, which is the extension's owner when we write.  SPI connected, as
 * the owner.
 */
void
guard_audit_amend(const char *tenant, const char *address, const char *action,
				  const char *who, const char *evidence)
{
	Oid			types[5] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID};
	Datum		values[5];
	int			ret;

	values[0] = CStringGetTextDatum(tenant);
	values[1] = CStringGetTextDatum(address);
	values[2] = CStringGetTextDatum(action);
	values[3] = CStringGetTextDatum(who);
	values[4] = CStringGetTextDatum(evidence);
	ret = SPI_execute_with_args("UPDATE bounce.suppression_audit a"
								" SET who = $4::pg_catalog.name,"
								" evidence = $5::pg_catalog.jsonb OPERATOR(pg_catalog.||)"
								" pg_catalog.jsonb_build_object('suppression', a.evidence)"
								" WHERE a.id OPERATOR(pg_catalog.=)"
								" (SELECT pg_catalog.max(b.id) FROM bounce.suppression_audit b"
								" WHERE b.tenant OPERATOR(pg_catalog.=) $1"
								" AND b.address OPERATOR(pg_catalog.=) $2"
								" AND b.action OPERATOR(pg_catalog.=) $3)",
								5, types, values, NULL, false, 0);
	if (ret != SPI_OK_UPDATE)
		elog(ERROR, "could not update %s.suppression_audit: %s", BOUNCE_SCHEMA,
			 SPI_result_code_string(ret));
}

/*
 * Delete the suppression row of an address, letting bounce.keep_complaints()
 * pass it; true when there was one.  SPI connected.
 */
static bool
delete_lifting(const char *tenant, const char *address)
{
	Oid			types[2] = {TEXTOID, TEXTOID};
	Datum		values[2];
	volatile int ret = 0;

	values[0] = CStringGetTextDatum(tenant);
	values[1] = CStringGetTextDatum(address);
	lifting_tenant = tenant;
	lifting_address = address;
	PG_TRY();
	{
		ret = SPI_execute_with_args("DELETE FROM bounce.suppression"
									" WHERE tenant OPERATOR(pg_catalog.=) $1"
									" AND address OPERATOR(pg_catalog.=) $2",
									2, types, values, NULL, false, 0);
	}
	PG_FINALLY();
	{
		lifting_tenant = NULL;
		lifting_address = NULL;
	}
	PG_END_TRY();
	if (ret != SPI_OK_DELETE)
		elog(ERROR, "could not delete from %s.suppression: %s", BOUNCE_SCHEMA,
			 SPI_result_code_string(ret));
	return SPI_processed > 0;
}

PG_FUNCTION_INFO_V1(bounce_confirm_opt_in);

/*
 * bounce.confirm_opt_in(address, evidence, tenant, who): lift the
 * suppression (any reason, complaints included) and clear the state of an
 * address whose subscriber confirmed by double opt-in; true when there was
 * something to lift.
 */
Datum
bounce_confirm_opt_in(PG_FUNCTION_ARGS)
{
	text	   *given;
	char	   *address;
	char	   *tenant;
	char	   *role;
	char	   *who;
	char	   *evidence_text;
	GuardSuppression sp;
	StateStore	ss;
	BnState		st;
	bool		had_state = false;
	BnAddressStatus old_status = BN_ADDR_ACTIVE;
	BnSuppression old_reason = BN_SUPPRESSION_NONE;
	bool		state_lifted = false;
	bool		deleted = false;
	StringInfoData ev;
	SavedUser	saved;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("address must not be null")));
	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("the evidence of the double opt-in must not be null"),
				 errhint("Pass what proves the confirmation, as jsonb: for instance {\"token\": ..., \"confirmed_at\": ..., \"ip\": ...}.")));
	{
		Jsonb	   *jb = PG_GETARG_JSONB_P(1);

		/* an empty proof proves nothing: {} or [] or a bare scalar */
		if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_COUNT(jb) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the evidence of the double opt-in must be a non-empty JSON object"),
					 errhint("Pass what proves the confirmation: for instance {\"token\": ..., \"confirmed_at\": ..., \"ip\": ...}.")));
	}
	given = PG_GETARG_TEXT_PP(0);
	address = guard_lower(VARDATA_ANY(given), VARSIZE_ANY_EXHDR(given), PG_GET_COLLATION());
	evidence_text = DatumGetCString(DirectFunctionCall1(jsonb_out, PG_GETARG_DATUM(1)));
	tenant = PG_ARGISNULL(2) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(2));
	tenant_require_own("suppression", tenant, "lift suppressions");
	bounce_citus_refuse_worker_state("bounce.confirm_opt_in");
	role = GetUserNameFromId(GetUserId(), false);
	who = PG_ARGISNULL(3) ? role : text_to_cstring(PG_GETARG_TEXT_PP(3));
	if (strlen(who) >= NAMEDATALEN)
		ereport(ERROR,
				(errcode(ERRCODE_NAME_TOO_LONG),
				 errmsg("who \"%s\" is too long", who),
				 errdetail("bounce.suppression_audit.who holds at most %d bytes.",
						   NAMEDATALEN - 1)));

	guard_suppression_probe(tenant, address, NULL, &sp);

	/* the state first, then the list: the order bounce.track() takes */
	state_store_open(&ss);
	for (;;)
	{
		TimestampTz at = GetCurrentTransactionStartTimestamp();

		had_state = state_store_fetch(&ss, tenant, address, &st);
		if (!had_state || (st.status == BN_ADDR_ACTIVE && !sp.found))
			break;
		old_status = st.status;
		old_reason = st.suppressed;
		bn_state_clear(&st, Max(at, st.last_event_at));
		if (state_store_write(&ss, tenant, address, &st))
		{
			state_lifted = true;
			break;
		}
		CHECK_FOR_INTERRUPTS();
	}
	state_store_close(&ss);
	CommandCounterIncrement();

	initStringInfo(&ev);
	appendStringInfo(&ev, "{\"double_opt_in\": %s, \"role\": ", evidence_text);
	escape_json(&ev, role);
	if (state_lifted)
	{
		appendStringInfoString(&ev, ", \"status\": ");
		escape_json(&ev, bn_address_status_names[old_status]);
	}
	appendStringInfoChar(&ev, '}');

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	become_extension_owner(&saved);
	deleted = delete_lifting(tenant, address);

	if (deleted)
		guard_audit_amend(tenant, address, "unsuppress", who, ev.data);
	else if (state_lifted)
	{
		/* a confirmed bounce (or a state without its list row) */
		Oid			types[5] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID};
		Datum		values[5];
		int			ret;

		values[0] = CStringGetTextDatum(tenant);
		values[1] = CStringGetTextDatum(address);
		values[2] = CStringGetTextDatum(old_status == BN_ADDR_SUPPRESSED &&
										old_reason != BN_SUPPRESSION_NONE ?
										bn_suppression_names[old_reason] : "hard_bounce");
		values[3] = CStringGetTextDatum(who);
		values[4] = CStringGetTextDatum(ev.data);
		ret = SPI_execute_with_args("INSERT INTO bounce.suppression_audit"
									" (tenant, address, action, reason, who, evidence)"
									" VALUES ($1, $2, 'unsuppress', $3::bounce.suppression_reason,"
									" $4::pg_catalog.name, $5::pg_catalog.jsonb)",
									5, types, values, NULL, false, 0);
		if (ret != SPI_OK_INSERT)
			elog(ERROR, "could not write %s.suppression_audit: %s", BOUNCE_SCHEMA,
				 SPI_result_code_string(ret));
	}
	restore_user(&saved);
	SPI_finish();

	PG_RETURN_BOOL(deleted || state_lifted);
}
