/*
 * track_map.h
 *		What the files of bounce.track() share, and nothing else includes:
 *		the column mapping of a trigger (trigmap.c), the reading of a row as
 *		an event (track_read.c), the replay of an address from every source
 *		(track_replay.c), the archive of purged events (archive.c) and the
 *		trigger itself (track.c).
 */
#ifndef BOUNCE_TRACK_MAP_H
#define BOUNCE_TRACK_MAP_H

#include "postgres.h"

#include "access/htup.h"
#include "commands/trigger.h"
#include "executor/tuptable.h"
#include "fmgr.h"
#include "utils/rel.h"

#include "track.h"

/* The trigger arguments, key=column. */
typedef enum TrackKey
{
	TK_ADDRESS,
	TK_EVENT,
	TK_TIME,
	TK_CAMPAIGN,
	TK_TENANT,
	TK_DIAGNOSTIC,
	TK_STATUS,
	TK_REPLY_CODE,
	TK_REASON,
	TK_KIND,
	TK_COMMAND,
	TK_REMOTE,
	TK_COUNT
} TrackKey;

/* The names of the keys, for messages (trigmap.c). */
extern const char *const track_key_names[TK_COUNT];

typedef enum ColHow
{
	HOW_NONE,					/* not mapped */
	HOW_TEXT,					/* text, varchar, citext */
	HOW_ENUM,					/* an enum; labels mapped once */
	HOW_TIMESTAMP,				/* timestamptz or timestamp */
	HOW_INT2,
	HOW_INT4,
	HOW_INT8,
	HOW_STATUS,					/* bounce.smtp_status */
	HOW_REASON,					/* bounce.reason */
	HOW_KIND,					/* bounce.kind */
	HOW_OUTPUT					/* anything else, by its output function */
} ColHow;

typedef struct TrackCol
{
	ColHow		how;
	AttrNumber	attnum;			/* in the trigger's relation */
	int			qpos;			/* in the replay query's select list */
	Oid			typid;			/* as declared (maybe a domain) */
	Oid			basetype;
	bool		citext;
	char	   *colname;
	FmgrInfo	out;			/* HOW_OUTPUT */
	int			nlabels;		/* HOW_ENUM: label OIDs and their events */
	Oid		   *label_oids;
	int		   *label_events;	/* -1: not an event name */
} TrackCol;

/* What a trigger with a mapping is for. */
typedef enum TrackPurpose
{
	TP_TRACK,					/* bounce.track(): AFTER INSERT */
	TP_PURGE					/* bounce.track_purge(): DELETE, TRUNCATE */
} TrackPurpose;

/* The mapping of one trigger on one relation. */
struct TrackMap
{
	Oid			tgoid;
	Oid			relid;
	MemoryContext cxt;
	char	   *tgname;
	char	   *relname;		/* qualified, for messages and sources */
	bool		for_row;
	bool		unknown_ignore;
	TrackCol	cols[TK_COUNT];

	/* The replay: relation queried (the partition root), as its owner. */
	Oid			query_relid;
	Oid			query_owner;
	char	   *replay_sql[2];	/* [0] one tenant, [1] the empty tenant */
	SPIPlanPtr	replay_plan[2];
	int			replay_nargs[2];
	char	   *scan_sql;		/* rebuild: every event, by address key */
	char	   *head_sql;		/* "SELECT address, tenant, ..." */
	char	   *select_list;	/* "address, tenant, ...", for a RETURNING */
	char	   *scan_order;		/* " ORDER BY <address key> COLLATE ..." */

	/*
	 * On a Citus shard of a table with an event queue: the queue's shard
	 * here, and for each of its columns the column of the shard it copies.
	 */
	Oid			queue_relid;
	int			queue_natts;
	AttrNumber *queue_from;

	TrackPurpose purpose;		/* what the trigger does with the rows */
	bool		archive;		/* the map of bounce.event_archive */
};

/*
 * A bump allocator for the strings of a batch of events, with a memo of
 * the tenant and campaign of the previous row read into it, reused while
 * they repeat.  The memo points into the arena's own memory, so it lives
 * and dies with it (a replay reads into another arena).
 */
typedef struct Arena
{
	MemoryContext cxt;
	char	   *cur;
	size_t		left;
	const char *last_tenant;
	uint32		last_tenant_len;
	const char *last_campaign;
	uint32		last_campaign_len;
} Arena;

/* An empty arena allocating in cxt. */
static inline void
arena_init(Arena *a, MemoryContext cxt)
{
	memset(a, 0, sizeof(*a));
	a->cxt = cxt;
}

#define ARENA_BLOCK (64 * 1024)


/* trigmap.c: the mapping of a trigger on a relation, cached. */
extern TrackMap *track_map_get_for(Trigger *trigger, Relation rel,
								   TrackPurpose purpose, bool archive);
extern void track_protocol_error(const char *tgname, const char *relname,
								 const char *msg, const char *hint) pg_attribute_noreturn();
extern Oid	track_purge_function_oid(void);

/*
 * track_read.c: a slot for the rows of a statement trigger's transition
 * table, rewound; a protocol error when the trigger has none.
 */
extern TupleTableSlot *track_transition_slot(TrackMap *map, TriggerData *td);

/* citus_queue.c: the rows of a shard's trigger call, into its queue. */
extern void citus_queue_rows(TrackMap *map, TriggerData *td);

/* track_read.c: rows as events. */
extern char *arena_strndup(Arena *a, const char *s, size_t len);
extern bool track_read_event(TrackMap *m, const TrackCol *cols, Datum *v,
							 bool *isnull, bool strict, Arena *a,
							 int64 rowpos, TrackEvent *out);
extern void track_slot_values(TrackMap *m, TupleTableSlot *slot, Datum *v,
							  bool *isnull);
extern bool track_read_query_row(TrackMap *map, HeapTuple tup, TupleDesc desc,
								 Arena *arena, TrackEvent *te);

#endif							/* BOUNCE_TRACK_MAP_H */
