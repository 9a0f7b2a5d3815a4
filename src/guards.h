/*
 * guards.h
 *		The list guards (SPEC sections 3 and 4): the delete restriction, the
 *		suppression guard, the double opt-in, the invalid-address list.
 *
 * bounce_note_invalid() is what the address-state trigger calls; the rest
 * is shared by guards.c, guards_suppression.c and guards_invalid.c.
 *
 * The SQLSTATEs of the guards' refusals, all in class 23 (integrity
 * constraint violation), so that a handler catching class 23 catches them:
 *
 *	23Q01  recent_send_violation: removing a confirmed bounce, or deleting
 *		   a contact, whose address was emailed within the tenant's
 *		   policy recent_send_window
 *	23Q02  suppressed_address: adding an address on the suppression list
 *		   to a list table guarded by bounce.refuse_suppressed()
 *	23Q03  complaint_not_liftable: removing or changing a complaint on
 *		   bounce.suppression other than by bounce.confirm_opt_in()
 *
 * In 1.0 they were 23B01-23B03, a subclass the SQL standard reserves
 * (implementations use 5-9 and I-Z); README's upgrade notes list both.
 */
#ifndef BOUNCE_GUARDS_H
#define BOUNCE_GUARDS_H

#include "bounce.h"
#include "catalog.h"

#include "access/htup.h"
#include "access/tupdesc.h"
#include "commands/trigger.h"
#include "datatype/timestamp.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/snapshot.h"

#define ERRCODE_BOUNCE_RECENT_SEND			MAKE_SQLSTATE('2','3','Q','0','1')
#define ERRCODE_BOUNCE_SUPPRESSED_ADDRESS	MAKE_SQLSTATE('2','3','Q','0','2')
#define ERRCODE_BOUNCE_COMPLAINT_KEPT		MAKE_SQLSTATE('2','3','Q','0','3')

/*
 * Is address[0 .. len) (lower-cased, in the database encoding) invalid --
 * not an RFC 5321 mailbox, or on a typo domain?  Then it is recorded on
 * bounce.invalid_address (first sight at time at, from source) and put on
 * bounce.suppression with reason invalid, and the answer is true: the
 * caller skips bounce handling for it.  False, at the cost of the syntax
 * and typo check alone, for a valid address.  Writes as the extension's
 * owner, so the role whose insert caused it needs no privilege.
 */
extern bool bounce_note_invalid(const char *tenant, const char *address,
								size_t len, TimestampTz at, const char *source);

/* ----------------------------------------------------------------
 * Shared by the guards_*.c files
 * ---------------------------------------------------------------- */

/* What a probe of bounce.address_state found. */
typedef struct GuardState
{
	bool		found;
	bool		confirmed;		/* status is confirmed */
	TimestampTz last_sent;		/* DT_NOBEGIN when never sent */
} GuardState;

/* What a probe of bounce.suppression found. */
typedef struct GuardSuppression
{
	bool		found;
	bool		complaint;
	char	   *reason;
	TimestampTz suppressed_at;
} GuardSuppression;

extern void guard_state_probe(const char *tenant, const char *address,
							  Snapshot snapshot, GuardState *out);
extern void guard_suppression_probe(const char *tenant, const char *address,
									Snapshot snapshot, GuardSuppression *out);
extern bool guard_key_exists(BounceTable table, const char *tenant,
							 const char *address, Snapshot snapshot);

/*
 * Is an address last sent to at last_sent protected now (emailed within
 * the tenant's recent_send_window, from the policy cache of policy.c)?
 * window and until (last_sent + window) are set either way when last_sent
 * is a time.
 */
extern bool guard_recent(const char *tenant, TimestampTz last_sent,
						 Interval *window, TimestampTz *until);

/* The 23Q01 error. what: "remove confirmed bounce", "delete contact", ... */
extern void guard_recent_error(const char *what, const char *where,
							   const char *tenant, const char *address,
							   TimestampTz last_sent, const Interval *window,
							   TimestampTz until) pg_attribute_noreturn();

/* A timestamptz or interval as the session shows it. */
extern char *guard_time_text(TimestampTz t);
extern char *guard_interval_text(const Interval *i);

/*
 * The column mapping of a guard trigger on a sender's table: its
 * arguments are key=column (and a few key=value options), checked and
 * resolved once per trigger and relation.
 */
typedef enum GuardKey
{
	GK_ADDRESS,
	GK_TENANT,
	GK_LIST,
	GK_COUNT
} GuardKey;

typedef struct GuardCol
{
	AttrNumber	attnum;			/* 0: not mapped */
	char	   *name;
	Oid			typid;
	Oid			basetype;
	Oid			collation;
	bool		textual;		/* text, varchar or citext */
	bool		citext;
	FmgrInfo	out;			/* output function, for other types */
	char	   *eq_sql;			/* OPERATOR(schema.=) of the type */
} GuardCol;

/* Which guard the mapping is for: what it accepts. */
typedef enum GuardKind
{
	GUARD_PROTECT_RECENT,		/* address, tenant, list */
	GUARD_REFUSE_SUPPRESSED		/* address, tenant, on_suppressed */
} GuardKind;

typedef struct GuardMap
{
	Oid			tgoid;
	Oid			relid;
	MemoryContext cxt;
	GuardKind	kind;
	char	   *tgname;
	char	   *relname;		/* qualified */
	GuardCol	cols[GK_COUNT];
	bool		skip;			/* on_suppressed=skip */

	/* protect_recent: is the contact still there? As the table's owner. */
	Oid			query_relid;
	Oid			query_owner;
	SPIPlanPtr	exact_plan;
	SPIPlanPtr	lower_plan;		/* NULL when the column is citext */
} GuardMap;

/* Check the trigger's firing and arguments; the cached mapping. */
extern GuardMap *guard_map_get(TriggerData *td, GuardKind kind,
							   const char *funcname);

/* The key values of a row: tenant text ('' for none), lower-cased address. */
extern bool guard_row_key(GuardMap *map, HeapTuple row, TupleDesc desc,
						  char **tenant, char **address, char **given);

/*
 * Give the newest audit row of an address and action its actor and
 * evidence (a JSON object merged over the row the audit trigger recorded).
 * SPI connected, as the extension's owner.
 */
extern void guard_audit_amend(const char *tenant, const char *address,
							  const char *action, const char *who,
							  const char *evidence);

/* The address key (bounce.address_key()); the collation is not used. */
extern char *guard_lower(const char *s, size_t len, Oid collation);

#endif							/* BOUNCE_GUARDS_H */
