/*
 * tenancy.h
 *		Which tenants' rows the caller may see, for the functions that take a
 *		tenant argument and read the extension's tables without a privilege
 *		check of their own (README "Security and tenancy").
 *
 * With bounce.enable_tenant_isolation(setting, all_tenants), row-level
 * security keeps each role to the tenant its setting names.  The C
 * functions read the tables through the access methods or as the
 * extension's owner, past those policies; they ask here first, so that
 * neither a result nor an error tells a caller anything of a tenant it
 * cannot see.  The answer never depends on whether the tenant has rows.
 */
#ifndef BOUNCE_TENANCY_H
#define BOUNCE_TENANCY_H

#include "postgres.h"

typedef enum TenantScope
{
	TENANT_VISIBLE,				/* the caller may read the tenant's rows */
	TENANT_NO_PRIVILEGE,		/* no SELECT on the table */
	TENANT_OTHER				/* row-level security hides the tenant */
} TenantScope;

/* The caller's view of the rows of tenant in table (of schema bounce). */
extern TenantScope tenant_scope(const char *table, const char *tenant);

/*
 * Error (42501) unless row-level security on table lets the caller see
 * tenant; for functions that act on one tenant's rows (what names the act).
 */
extern void tenant_require_own(const char *table, const char *tenant,
							   const char *what);

/*
 * Error (42501) unless the caller may read the tenant's own rules
 * (bounce.rule and bounce.reason_kind); for the classifying functions
 * called with a tenant.  NULL tenant: nothing to check.
 */
extern void tenant_require_rules(const char *tenant);

#endif							/* BOUNCE_TENANCY_H */
