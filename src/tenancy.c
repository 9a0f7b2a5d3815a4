/*
 * tenancy.c
 *		The caller's view of the tenants; see tenancy.h.
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
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
	mine = GetConfigOption(config_setting, true, false);
	return mine != NULL && mine[0] != '\0' && strcmp(mine, tenant) == 0;
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
	load_config();
	return config_on ? GetConfigOption(config_setting, true, false) : NULL;
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
