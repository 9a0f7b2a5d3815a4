/*
 * trigger_check.h
 *		Where a trigger function of the extension may be attached: the
 *		check every one of them makes before it reads any attribute.
 *
 * A trigger function is called with whatever relation a role with EXECUTE
 * (and TRIGGER on some table of its own, a temporary one will do) attached
 * it to.  trigger_check() compares the call with what the function was
 * made for -- its tables, timing, events per level, and the columns it
 * reads with their types -- and raises a clean error otherwise:
 *
 *	39P01 (trigger_protocol_violated): not called as a trigger, or fired
 *		  with a timing, event or level the function does not handle;
 *	42809 (wrong_object_type): attached to a relation it was not made for,
 *		  or a column it reads is missing or of another type.
 *
 * On success the attribute numbers of the columns, in the order given,
 * are stored in attnums: the only attnums the caller may read.
 */
#ifndef BOUNCE_TRIGGER_CHECK_H
#define BOUNCE_TRIGGER_CHECK_H

#include "postgres.h"

#include "access/attnum.h"
#include "commands/trigger.h"
#include "fmgr.h"

/* Events, as bits of row_events and statement_events. */
#define TC_INSERT	(1 << 0)
#define TC_UPDATE	(1 << 1)
#define TC_DELETE	(1 << 2)
#define TC_TRUNCATE (1 << 3)

/* Timings, as bits of timing. */
#define TC_BEFORE	(1 << 0)
#define TC_AFTER	(1 << 1)

/* A column the function reads: a built-in type, or a type of schema bounce. */
typedef struct TriggerColumn
{
	const char *name;
	Oid			typid;			/* InvalidOid when bounce_type is set */
	const char *bounce_type;	/* name of a type in schema bounce, or NULL */
} TriggerColumn;

typedef struct TriggerSpec
{
	const char *funcname;		/* "bounce.suppression_audited" */
	const char *const *tables;	/* relations of schema bounce, NULL-ended;
								 * NULL: any relation */
	int			timing;			/* TC_BEFORE and/or TC_AFTER */
	int			row_events;		/* events handled FOR EACH ROW */
	int			statement_events;	/* events handled FOR EACH STATEMENT */
	const TriggerColumn *columns;
	int			ncolumns;
	const char *usage;			/* how it is attached, a sentence for hints */
} TriggerSpec;

/*
 * Check the call against spec; returns the TriggerData.  attnums (may be
 * NULL when spec has no columns) receives one attnum per column.
 */
extern TriggerData *trigger_check(FunctionCallInfo fcinfo, const TriggerSpec *spec,
								  AttrNumber *attnums);

#endif							/* BOUNCE_TRIGGER_CHECK_H */
