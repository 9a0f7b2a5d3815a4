/*
 * pg_compat.h
 *		The PostgreSQL 18 API under the names of 15 to 17, so that the glue
 *		reads the same on every supported server.  Included by bounce.h.
 *
 * Each shim includes the header that declares the function first: a
 * function-like macro of the function's own name is not expanded again
 * inside its expansion, and must not meet the declaration.
 */
#ifndef BOUNCE_PG_COMPAT_H
#define BOUNCE_PG_COMPAT_H

#include "postgres.h"

/* 16 moved the varlena macros (VARDATA, SET_VARSIZE) out of postgres.h. */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/* The backend's local transaction id: 17 moved it into MyProc->vxid. */
#include "storage/proc.h"
#if PG_VERSION_NUM >= 170000
#define MyLocalTransactionId (MyProc->vxid.lxid)
#else
#define MyLocalTransactionId (MyProc->lxid)
#endif

#if PG_VERSION_NUM >= 180000

#include "access/genam.h"
#include "catalog/pg_collation.h"
#include "utils/relcache.h"

/* 18 asks whether a deferrable primary key will do; ours never is. */
#define RelationGetPrimaryKeyIndex(rel) RelationGetPrimaryKeyIndex((rel), false)

/* 18 takes instrumentation for EXPLAIN; we have none. */
#define index_beginscan(heap, index, snap, nkeys, norderbys) \
	index_beginscan((heap), (index), (snap), NULL, (nkeys), (norderbys))

/*
 * 18 dropped lc_ctype_is_c(); the callers use it only as a fast path
 * before testing the collation's lower-casing, so C alone will do.
 */
#define lc_ctype_is_c(collation) \
	((collation) == C_COLLATION_OID)

/* 18 replaced the suffix pg_attribute_noreturn() by the prefix pg_noreturn. */
#define pg_attribute_noreturn() __attribute__((noreturn))

#endif							/* PG_VERSION_NUM >= 180000 */

#endif							/* BOUNCE_PG_COMPAT_H */
