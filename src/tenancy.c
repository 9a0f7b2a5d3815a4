/*
 * tenancy.c
 *		The caller's view of the tenants; see tenancy.h.
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rls.h"
#include "utils/timestamp.h"

#include "bounce.h"
#include "tenancy.h"
#include "track.h"

/* bounce.tenant_isolation, read once per statement. */
static TimestampTz config_stmt = 0;
static bool config_on = false;
static char *config_setting = NULL;	/* in TopMemoryContext */
static Oid	config_all = InvalidOid;

static void
load_config(void)
{
	SavedUser	saved;
	int			ret;

	if (config_stmt == GetCurrentStatementStartTimestamp() && config_stmt != 0)
		return;
	config_on = false;
	config_all = InvalidOid;
	/* a database still at 1.0 has no such table: no isolation */
	if (!OidIsValid(get_relname_relid("tenant_isolation",
									  get_namespace_oid(BOUNCE_SCHEMA, false))))
		return;
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	become_extension_owner(&saved);
	ret = SPI_execute("SELECT setting, all_tenants::pg_catalog.oid FROM bounce.tenant_isolation",
					  true, 1);
	restore_user(&saved);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not read %s.tenant_isolation: %s", BOUNCE_SCHEMA,
			 SPI_result_code_string(ret));
	if (SPI_processed > 0)
	{
		bool		isnull;
		char	   *s = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
		Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2,
									  &isnull);

		if (config_setting != NULL)
			pfree(config_setting);
		config_setting = MemoryContextStrdup(TopMemoryContext, s);
		config_all = isnull ? InvalidOid : DatumGetObjectId(d);
		config_on = true;
	}
	SPI_finish();
	config_stmt = GetCurrentStatementStartTimestamp();
}

/*
 * The tenants bounce.tenant_member binds the caller to (as a member of a
 * role listed there), read once per statement and role.  Any role may set
 * the setting: a bound role acts only as the tenants it is bound to.  Both
 * the current role and the session's login count, so a bound login does
 * not escape by SET ROLE to an unbound group it belongs to.
 */
static TimestampTz bound_stmt = 0;
static Oid	bound_user = InvalidOid;
static Oid	bound_session = InvalidOid;
static MemoryContext bound_cxt = NULL;
static char **bound = NULL;		/* tenants, with the two flags below */
static bool *bound_cur = NULL;	/* binds the current role */
static bool *bound_ses = NULL;	/* binds the session's login */
static int	n_bound = 0;
static bool any_cur = false;
static bool any_ses = false;

static void
load_bindings(void)
{
	SavedUser	saved;
	Oid			types[2] = {OIDOID, OIDOID};
	Datum		values[2];
	Oid			relid;
	int			ret;

	if (bound_stmt != 0 && bound_stmt == GetCurrentStatementStartTimestamp() &&
		bound_user == GetUserId() && bound_session == GetSessionUserId())
		return;
	if (bound_cxt == NULL)
		bound_cxt = AllocSetContextCreate(TopMemoryContext, "bounce tenant bindings",
										  ALLOCSET_SMALL_SIZES);
	MemoryContextReset(bound_cxt);
	n_bound = 0;
	any_cur = any_ses = false;
	bound_stmt = 0;
	relid = get_relname_relid("tenant_member", get_namespace_oid(BOUNCE_SCHEMA, false));
	if (OidIsValid(relid))
	{
		bool		cur_super = superuser_arg(GetUserId());
		bool		ses_super = superuser_arg(GetSessionUserId());

		values[0] = ObjectIdGetDatum(GetUserId());
		values[1] = ObjectIdGetDatum(GetSessionUserId());
		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "SPI_connect failed");
		become_extension_owner(&saved);
		ret = SPI_execute_with_args("SELECT m.tenant,"
									" pg_catalog.pg_has_role($1, m.member::pg_catalog.oid, 'MEMBER'),"
									" pg_catalog.pg_has_role($2, m.member::pg_catalog.oid, 'MEMBER')"
									" FROM bounce.tenant_member m",
									2, types, values, NULL, true, 0);
		restore_user(&saved);
		if (ret != SPI_OK_SELECT)
			elog(ERROR, "could not read %s.tenant_member: %s", BOUNCE_SCHEMA,
				 SPI_result_code_string(ret));
		bound = MemoryContextAlloc(bound_cxt, sizeof(char *) * Max(1, SPI_processed));
		bound_cur = MemoryContextAlloc(bound_cxt, sizeof(bool) * Max(1, SPI_processed));
		bound_ses = MemoryContextAlloc(bound_cxt, sizeof(bool) * Max(1, SPI_processed));
		for (uint64 i = 0; i < SPI_processed; i++)
		{
			HeapTuple	tup = SPI_tuptable->vals[i];
			TupleDesc	desc = SPI_tuptable->tupdesc;
			char	   *t = SPI_getvalue(tup, desc, 1);
			bool		isnull;
			/* a superuser is a member of every role, and bound by none */
			bool		cur = DatumGetBool(SPI_getbinval(tup, desc, 2, &isnull)) && !isnull &&
				!cur_super;
			bool		ses = DatumGetBool(SPI_getbinval(tup, desc, 3, &isnull)) && !isnull &&
				!ses_super;

			if (t == NULL || !(cur || ses))
				continue;
			bound[n_bound] = MemoryContextStrdup(bound_cxt, t);
			bound_cur[n_bound] = cur;
			bound_ses[n_bound] = ses;
			any_cur |= cur;
			any_ses |= ses;
			n_bound++;
		}
		SPI_finish();
	}
	bound_user = GetUserId();
	bound_session = GetSessionUserId();
	bound_stmt = GetCurrentStatementStartTimestamp();
}

/* May the caller act as tenant mine, by the bindings of its roles? */
static bool
bindings_allow(const char *mine)
{
	bool		cur_ok = !any_cur;
	bool		ses_ok = !any_ses;

	for (int i = 0; i < n_bound; i++)
		if (strcmp(bound[i], mine) == 0)
		{
			cur_ok |= bound_cur[i];
			ses_ok |= bound_ses[i];
		}
	return cur_ok && ses_ok;
}

/*
 * The tenant the caller acts as: the setting's value, unless the caller is
 * bound to other tenants; NULL for none.
 */
static const char *
acting_tenant(void)
{
	const char *mine;

	load_config();
	if (!config_on)
		return NULL;
	mine = GetConfigOption(config_setting, true, false);
	if (mine == NULL || mine[0] == '\0')
		return NULL;
	load_bindings();
	/* neither bound: the application sets it */
	return bindings_allow(mine) ? mine : NULL;
}

/* Error unless a caller bound to tenants may act as this one; see tenancy.h. */
void
tenant_require_bound(const char *tenant, const char *what)
{
	load_config();
	if (!config_on ||
		(OidIsValid(config_all) && has_privs_of_role(GetUserId(), config_all)))
		return;
	load_bindings();
	if (!any_cur && !any_ses)
		return;
	if (tenant[0] != '\0' && bindings_allow(tenant))
		return;
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("permission denied to %s of tenant \"%s\"", what, tenant),
			 errdetail("Role \"%s\" is bound to other tenants in %s.tenant_member.",
					   GetUserNameFromId(GetUserId(), false), BOUNCE_SCHEMA)));
}

PG_FUNCTION_INFO_V1(bounce_current_tenant);

/*
 * bounce.current_tenant(): the tenant whose rows the isolation policies
 * show the caller; NULL for none.
 */
Datum
bounce_current_tenant(PG_FUNCTION_ARGS)
{
	const char *mine = acting_tenant();

	if (mine == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(mine));
}

/* Is tenant the caller's own under the isolation policies? */
static bool
callers_tenant(const char *tenant)
{
	const char *mine;

	load_config();
	if (!config_on)
		return false;			/* policies of the DBA's own: assume the worst */
	if (OidIsValid(config_all) && has_privs_of_role(GetUserId(), config_all))
		return true;
	mine = acting_tenant();
	return mine != NULL && strcmp(mine, tenant) == 0;
}

TenantScope
tenant_scope(const char *table, const char *tenant)
{
	Oid			relid = get_relname_relid(table, get_namespace_oid(BOUNCE_SCHEMA, false));

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation %s.%s does not exist", BOUNCE_SCHEMA, table)));
	if (check_enable_rls(relid, InvalidOid, true) == RLS_ENABLED &&
		!callers_tenant(tenant))
		return TENANT_OTHER;
	if (pg_class_aclcheck(relid, GetUserId(), ACL_SELECT) != ACLCHECK_OK)
		return TENANT_NO_PRIVILEGE;
	return TENANT_VISIBLE;
}

/* The refusal of another tenant. */
static void
other_tenant_error(const char *table, const char *tenant, const char *what)
{
	load_config();
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("permission denied to %s of tenant \"%s\"", what, tenant),
			 errdetail("Row-level security on %s.%s keeps the rows of tenant \"%s\" from role \"%s\".",
					   BOUNCE_SCHEMA, table, tenant, GetUserNameFromId(GetUserId(), false)),
			 config_on ?
			 errhint("Set %s to the tenant, or act as a member of the role that sees every tenant.",
					 config_setting) :
			 errhint("Act as a role that sees every tenant.")));
}

void
tenant_require_own(const char *table, const char *tenant, const char *what)
{
	if (tenant_scope(table, tenant) == TENANT_OTHER)
		other_tenant_error(table, tenant, what);
}

/*
 * One verdict per statement, role, tenant and value of the setting:
 * classify runs per row.
 */
static TimestampTz rules_stmt = 0;
static Oid	rules_user = InvalidOid;
static char *rules_tenant = NULL;	/* in TopMemoryContext */
static char *rules_mine = NULL;		/* the setting's value, or NULL */
static bool rules_rls = false;	/* row-level security bound the role */

/* The value of the isolation setting now, or NULL. */
static const char *
current_mine(void)
{
	return acting_tenant();
}

static bool
same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

void
tenant_require_rules(const char *tenant)
{
	static const char *const tables[] = {"rule", "reason_kind"};
	const char *mine = NULL;
	bool		rls;
	Oid			relid;

	if (tenant == NULL)
		return;
	if (rules_tenant != NULL && rules_stmt == GetCurrentStatementStartTimestamp() &&
		rules_user == GetUserId() && strcmp(rules_tenant, tenant) == 0 &&
		(!rules_rls || same_text(rules_mine, current_mine())))
		return;

	/* the setting matters only to a role that row-level security binds */
	relid = get_relname_relid("rule", get_namespace_oid(BOUNCE_SCHEMA, false));
	rls = OidIsValid(relid) && check_enable_rls(relid, InvalidOid, true) == RLS_ENABLED;
	if (rls)
		mine = current_mine();
	for (int i = 0; i < lengthof(tables); i++)
	{
		TenantScope s = tenant_scope(tables[i], tenant);

		if (s == TENANT_OTHER)
			other_tenant_error(tables[i], tenant, "use the rules");
		if (s == TENANT_NO_PRIVILEGE)
			ereport(ERROR,
					(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					 errmsg("permission denied to use the rules of tenant \"%s\"", tenant),
					 errdetail("A tenant's own rules are rows of %s.rule and %s.reason_kind, which role \"%s\" may not read.",
							   BOUNCE_SCHEMA, BOUNCE_SCHEMA,
							   GetUserNameFromId(GetUserId(), false)),
					 errhint("Grant SELECT on %s.rule and %s.reason_kind, or classify without a tenant.",
							 BOUNCE_SCHEMA, BOUNCE_SCHEMA)));
	}
	if (rules_tenant != NULL)
		pfree(rules_tenant);
	if (rules_mine != NULL)
		pfree(rules_mine);
	rules_tenant = MemoryContextStrdup(TopMemoryContext, tenant);
	rules_mine = mine ? MemoryContextStrdup(TopMemoryContext, mine) : NULL;
	rules_user = GetUserId();
	rules_rls = rls;
	rules_stmt = GetCurrentStatementStartTimestamp();
}
