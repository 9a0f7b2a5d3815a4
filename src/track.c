/*
 * track.c
 *		bounce.track(): the trigger on the sender's own events table.
 *
 *	CREATE TRIGGER bounce_track AFTER INSERT ON events
 *		REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT
 *		EXECUTE FUNCTION bounce.track('address=email', 'event=type',
 *			'time=occurred_at', 'campaign=campaign_id', 'tenant=account_id',
 *			'diagnostic=diagnostic', 'status=smtp_status', 'reply_code=smtp_code');
 *
 * or FOR EACH ROW.  The arguments name the sender's columns, key=column, in
 * any order; see the keys below.  The mapping is checked and its attribute
 * numbers and types resolved once per trigger and relation, and kept until
 * the relation's relcache entry is invalidated.
 *
 * Per address, the new events are applied to the stored state when they
 * all sort after the newest event already applied (the common case: one
 * index probe and one heap update); otherwise -- an event arriving late,
 * or a duplicate bounce -- the address is replayed from the events table
 * with a prepared query, which wants an index on the events table on
 * (tenant column, lower(address column)), or on the address column itself
 * when it is citext.
 *
 * FOR EACH STATEMENT reads the transition table (in batches of up to a
 * million events), sorts each batch by (hash of tenant and address, event
 * order) and touches each address once per batch, in hash order: two
 * statements never wait for each other in opposite orders.  FOR EACH ROW
 * touches the address of each row as it comes, so two concurrent
 * multi-row statements naming the same addresses in opposite orders can
 * deadlock (as with any row-by-row upsert); that is why
 * bounce.track_events() attaches the statement form by default.  In the
 * benchmark (test/bench-track.sh) the statement form costs about 1 us per
 * event under COPY, the row form about 9 (a COPY into a row trigger leaves
 * a version of the state row per event, none prunable before commit).
 *
 * Rows: one with no address (NULL or empty) or no event is skipped; no
 * time, or an infinite one, is an error; an event name not among
 * bn_event_type_from_name's is an error (22023) unless the arguments say
 * unknown_event=ignore; a reason or kind given as text that is no such
 * name is an error (22P02).  A bounce without a reason column value is
 * classified from its diagnostic, status and reply code with the sender's
 * rules.  A replay skips the rows the trigger would have refused.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/partition.h"
#include "catalog/pg_inherits.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_operator.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_trigger.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "parser/parse_func.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/catcache.h"
#include "utils/fmgroids.h"
#include "utils/formatting.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/pg_locale.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"

#include "addrkey.h"
#include "catalog.h"
#include "core/addrkey.h"
#include "guards.h"
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

static const char *const key_names[TK_COUNT] = {
	"address", "event", "time", "campaign", "tenant", "diagnostic", "status",
	"reply_code", "reason", "kind", "command", "remote"
};

#define KEYS_ACCEPTED "address, event, time (required), campaign, tenant, " \
	"diagnostic, status, reply_code, reason, kind, command, remote, " \
	"unknown_event (error or ignore)"

/* How a column's values are read. */
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

	TrackPurpose purpose;		/* what the trigger does with the rows */
	bool		archive;		/* the map of bounce.event_archive */
};

/* The cache: (trigger, relation) -> map. */
typedef struct MapKey
{
	Oid			tgoid;
	Oid			relid;
} MapKey;

typedef struct MapEntry
{
	MapKey		key;
	TrackMap   *map;
	bool		valid;
} MapEntry;

static HTAB *map_cache = NULL;
static MemoryContext map_cache_cxt = NULL;
static List *map_graveyard = NIL;	/* contexts of replaced maps */
static int	track_depth = 0;	/* bounce.track() calls running */

/*
 * The sources of a replay: one map per tracked table (the partition root
 * for a partitioned one) and the archive of purged events, as the
 * (trigger, relation) pairs to get the maps with.
 */
typedef struct SourceKey
{
	Oid			relid;			/* the relation the trigger is on */
	Oid			tgoid;
} SourceKey;

static BounceCacheState sources_state = BOUNCE_CACHE_STALE;
static SourceKey *source_keys = NULL;
static int	n_source_keys = 0;

/* Types of the extension, looked up per map build. */
typedef struct BounceTypes
{
	Oid			smtp_status;
	Oid			reason;
	Oid			kind;
} BounceTypes;

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

/* Events per sorted batch of a statement (about 100 bytes each). */
#define BATCH_EVENTS 1000000

/* State of one trigger call. */
typedef struct TrackCall
{
	TrackMap   *map;
	StateStore	ss;
	bool		spi;			/* SPI connected */
	MemoryContext call_cxt;		/* the call's */
	MemoryContext addr_cxt;		/* reset per address */
	int64		replays;
} TrackCall;

/* Kept with the trigger's FmgrInfo for the statement; see bounce_track. */
typedef struct TrackStmtCache
{
	MemoryContext cxt;			/* reset after each call */
	MemoryContext addr_cxt;		/* reset after each address */
	TupleTableSlot *found;
	TupleTableSlot *newrow;
	Datum		empty_array;
} TrackStmtCache;

static void track_spi_connect(TrackCall *call);

/* ----------------------------------------------------------------
 * Small helpers
 * ---------------------------------------------------------------- */

/* Memory for n bytes in the arena. */
static char *
arena_alloc(Arena *a, size_t n)
{
	char	   *p;

	if (n > a->left)
	{
		size_t		size = Max(ARENA_BLOCK, n);

		a->cur = MemoryContextAlloc(a->cxt, size);
		a->left = size;
	}
	p = a->cur;
	a->cur += n;
	a->left -= n;
	return p;
}

/* A NUL-terminated copy of len bytes in the arena. */
static char *
arena_strndup(Arena *a, const char *s, size_t len)
{
	char	   *p = arena_alloc(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* The bytes of a text-like datum. */
static inline const char *
text_bytes(Datum d, int *len)
{
	text	   *t = (text *) PG_DETOAST_DATUM_PACKED(d);

	*len = VARSIZE_ANY_EXHDR(t);
	return VARDATA_ANY(t);
}

/* The address key of s (core/addrkey.h) into the arena. */
static char *
key_copy(Arena *a, const char *s, int len, int *outlen)
{
	char	   *p = arena_alloc(a, BN_ADDRESS_KEY_SPACE(len) + 1);
	size_t		n = bn_address_key(s, len, p);

	p[n] = '\0';
	a->cur -= BN_ADDRESS_KEY_SPACE(len) - n;	/* give back what was not used */
	a->left += BN_ADDRESS_KEY_SPACE(len) - n;
	*outlen = (int) n;
	return p;
}

/* Is this type citext (an extension's type, known by its name)? */
static bool
type_is_citext(Oid typid)
{
	HeapTuple	tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	bool		is;

	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for type %u", typid);
	is = strcmp(NameStr(((Form_pg_type) GETSTRUCT(tup))->typname), "citext") == 0 &&
		((Form_pg_type) GETSTRUCT(tup))->typtype == TYPTYPE_BASE;
	ReleaseSysCache(tup);
	return is;
}

/* The OID of a type in schema bounce, or InvalidOid. */
static Oid
bounce_type(const char *name)
{
	Oid			nsp = get_namespace_oid(BOUNCE_SCHEMA, true);

	if (!OidIsValid(nsp))
		return InvalidOid;
	return GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
						   CStringGetDatum(name), ObjectIdGetDatum(nsp));
}

/* "OPERATOR(schema.=)" for the equality of a type. */
static char *
equality_operator(Oid typid, const char *colname, const char *relname)
{
	TypeCacheEntry *tc = lookup_type_cache(typid, TYPECACHE_EQ_OPR);
	HeapTuple	tup;
	Form_pg_operator op;
	char	   *s;

	if (!OidIsValid(tc->eq_opr))
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" of relation %s has type %s, which has no equality operator",
						colname, relname, format_type_be(typid)),
				 errhint("The tenant column must be comparable with =: text, an integer or a uuid, for instance.")));
	tup = SearchSysCache1(OPEROID, ObjectIdGetDatum(tc->eq_opr));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for operator %u", tc->eq_opr);
	op = (Form_pg_operator) GETSTRUCT(tup);
	s = psprintf("OPERATOR(%s.%s)",
				 quote_identifier(get_namespace_name(op->oprnamespace)),
				 NameStr(op->oprname));
	ReleaseSysCache(tup);
	return s;
}

/* ----------------------------------------------------------------
 * The mapping
 * ---------------------------------------------------------------- */

/* A trigger misuse error. */
static void
protocol_error(const char *tgname, const char *relname, const char *msg,
			   const char *hint) pg_attribute_noreturn();

static void
protocol_error(const char *tgname, const char *relname, const char *msg,
			   const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("trigger \"%s\" on %s %s", tgname, relname, msg),
			 hint ? errhint("%s", hint) : 0));
}

/* Which readings a key allows; errors when the column's type is not one. */
static void
resolve_type(TrackMap *m, TrackKey key, TrackCol *col, const BounceTypes *bt)
{
	Oid			t = col->basetype;
	const char *want = NULL;

	col->citext = false;
	switch (t)
	{
		case TEXTOID:
		case VARCHAROID:
			col->how = HOW_TEXT;
			break;
		case TIMESTAMPTZOID:
		case TIMESTAMPOID:
			col->how = HOW_TIMESTAMP;
			break;
		case INT2OID:
			col->how = HOW_INT2;
			break;
		case INT4OID:
			col->how = HOW_INT4;
			break;
		case INT8OID:
			col->how = HOW_INT8;
			break;
		default:
			if (type_is_citext(t))
			{
				col->how = HOW_TEXT;
				col->citext = true;
			}
			else if (OidIsValid(bt->smtp_status) && t == bt->smtp_status)
				col->how = HOW_STATUS;
			else if (OidIsValid(bt->reason) && t == bt->reason)
				col->how = HOW_REASON;
			else if (OidIsValid(bt->kind) && t == bt->kind)
				col->how = HOW_KIND;
			else if (type_is_enum(t))
				col->how = HOW_ENUM;
			else
				col->how = HOW_OUTPUT;
			break;
	}

	switch (key)
	{
		case TK_ADDRESS:
		case TK_DIAGNOSTIC:
		case TK_COMMAND:
		case TK_REMOTE:
			if (col->how != HOW_TEXT)
				want = "text, varchar or citext";
			break;
		case TK_EVENT:
			if (col->how != HOW_TEXT && col->how != HOW_ENUM)
				want = "text, varchar, citext or an enum such as bounce.event_type";
			break;
		case TK_TIME:
			if (col->how != HOW_TIMESTAMP)
				want = "timestamp with time zone or timestamp";
			break;
		case TK_CAMPAIGN:
		case TK_TENANT:
			if (col->how == HOW_TIMESTAMP || col->how == HOW_STATUS ||
				col->how == HOW_REASON || col->how == HOW_KIND ||
				col->how == HOW_ENUM)
				col->how = HOW_OUTPUT;
			if (type_is_array(t))
				want = "a scalar type: text, an integer or a uuid, for instance";
			break;
		case TK_STATUS:
			if (col->how != HOW_TEXT && col->how != HOW_STATUS)
				want = "bounce.smtp_status, text, varchar or citext";
			break;
		case TK_REPLY_CODE:
			if (col->how != HOW_TEXT && col->how != HOW_INT2 &&
				col->how != HOW_INT4 && col->how != HOW_INT8)
				want = "integer, smallint, bigint or text";
			break;
		case TK_REASON:
			if (col->how != HOW_TEXT && col->how != HOW_REASON)
				want = "bounce.reason, text, varchar or citext";
			break;
		case TK_KIND:
			if (col->how != HOW_TEXT && col->how != HOW_KIND)
				want = "bounce.kind, text, varchar or citext";
			break;
		case TK_COUNT:
			break;
	}
	if (want != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" of relation %s has type %s, which bounce.track() cannot read as the %s",
						col->colname, m->relname, format_type_be(col->typid), key_names[key]),
				 errdetail("Trigger \"%s\" names it as its %s column.", m->tgname, key_names[key]),
				 errhint("The %s column must be %s.", key_names[key], want)));

	if (col->how == HOW_OUTPUT)
	{
		Oid			func;
		bool		varlena;

		getTypeOutputInfo(col->typid, &func, &varlena);
		fmgr_info_cxt(func, &col->out, m->cxt);
	}
	if (col->how == HOW_ENUM)
	{
		CatCList   *list = SearchSysCacheList1(ENUMTYPOIDNAME, ObjectIdGetDatum(t));

		col->nlabels = list->n_members;
		col->label_oids = MemoryContextAlloc(m->cxt, sizeof(Oid) * Max(1, list->n_members));
		col->label_events = MemoryContextAlloc(m->cxt, sizeof(int) * Max(1, list->n_members));
		for (int i = 0; i < list->n_members; i++)
		{
			HeapTuple	tup = &list->members[i]->tuple;
			Form_pg_enum e = (Form_pg_enum) GETSTRUCT(tup);
			BnEventType et;
			const char *label = NameStr(e->enumlabel);

			col->label_oids[i] = e->oid;
			col->label_events[i] = bn_event_type_from_name(label, strlen(label), &et) ?
				(int) et : -1;
		}
		ReleaseSysCacheList(list);
	}
}

/*
 * Build the replay and scan queries of a map.  Every query selects the
 * address and tenant columns first (the tenant as NULL without one), then
 * the other mapped columns; the rows a replay gets are checked again in C
 * against the address key and the tenant's bytes, so neither the column's
 * collation (a nondeterministic one finds "ACME" for "acme") nor anything
 * else decides what belongs to an address.
 */
static void
build_queries(TrackMap *m, Relation rel)
{
	Oid			qrel = RelationGetRelid(rel);
	Relation	root;
	TupleDesc	rdesc;
	StringInfoData sel,
				q;
	const char *qname;
	int			pos = 0;
	TrackCol   *addr = &m->cols[TK_ADDRESS];
	TrackCol   *ten = &m->cols[TK_TENANT];
	char	   *addr_match;
	char	   *addr_key;
	char	   *addr_col;
	const char *ten_col;

	/* A trigger on a partition replays from the whole partitioned table. */
	if (rel->rd_rel->relispartition)
	{
		List	   *anc = get_partition_ancestors(qrel);

		if (anc != NIL)
			qrel = llast_oid(anc);
	}
	root = table_open(qrel, AccessShareLock);
	rdesc = RelationGetDescr(root);
	m->query_relid = qrel;
	m->query_owner = root->rd_rel->relowner;
	qname = quote_qualified_identifier(get_namespace_name(RelationGetNamespace(root)),
									   RelationGetRelationName(root));

	/* The root must have the columns too (it has, for a partition). */
	for (int k = 0; k < TK_COUNT; k++)
		if (m->cols[k].how != HOW_NONE &&
			SPI_fnumber(rdesc, m->cols[k].colname) <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("column \"%s\" of relation %s does not exist",
							m->cols[k].colname, qname)));

	/* The select list: every mapped column but the address and tenant. */
	initStringInfo(&sel);
	for (int k = 0; k < TK_COUNT; k++)
	{
		if (m->cols[k].how == HOW_NONE || k == TK_ADDRESS || k == TK_TENANT)
		{
			m->cols[k].qpos = 0;
			continue;
		}
		appendStringInfo(&sel, ", %s", quote_identifier(m->cols[k].colname));
		m->cols[k].qpos = ++pos;
	}

	addr_col = pstrdup(quote_identifier(addr->colname));
	ten_col = ten->how != HOW_NONE ? quote_identifier(ten->colname) : NULL;
	if (m->archive)
		addr_key = addr_col;	/* stored as its key */
	else
		addr_key = psprintf("%s.address_key(%s::pg_catalog.text)",
							BOUNCE_SCHEMA, addr_col);
	addr_match = psprintf("%s OPERATOR(pg_catalog.=) $1", addr_key);

	initStringInfo(&q);
	appendStringInfo(&q, "SELECT %s, %s%s FROM ", addr_col,
					 ten_col ? ten_col : "NULL::pg_catalog.text", sel.data);
	m->head_sql = MemoryContextStrdup(m->cxt, q.data);

	resetStringInfo(&q);
	appendStringInfo(&q, "%s%s WHERE %s", m->head_sql, qname, addr_match);
	if (ten_col != NULL)
	{
		appendStringInfo(&q, " AND %s %s CAST($2 AS %s)", ten_col,
						 equality_operator(ten->basetype, ten->colname, qname),
						 format_type_be_qualified(ten->typid));
		m->replay_sql[0] = MemoryContextStrdup(m->cxt, q.data);
		m->replay_nargs[0] = 2;
		resetStringInfo(&q);
		appendStringInfo(&q, "%s%s WHERE %s AND (%s IS NULL", m->head_sql,
						 qname, addr_match, ten_col);
		if (ten->how == HOW_TEXT)
			appendStringInfo(&q, " OR CAST(%s AS pg_catalog.text) OPERATOR(pg_catalog.=) ''", ten_col);
		appendStringInfoString(&q, ")");
		m->replay_sql[1] = MemoryContextStrdup(m->cxt, q.data);
		m->replay_nargs[1] = 1;
	}
	else
	{
		m->replay_sql[0] = MemoryContextStrdup(m->cxt, q.data);
		m->replay_sql[1] = m->replay_sql[0];
		m->replay_nargs[0] = m->replay_nargs[1] = 1;
	}

	/* The rebuild: every event, an address's rows together, bytewise order. */
	resetStringInfo(&q);
	appendStringInfo(&q, "%s%s ORDER BY %s COLLATE \"C\"", m->head_sql, qname, addr_key);
	m->scan_sql = MemoryContextStrdup(m->cxt, q.data);

	table_close(root, AccessShareLock);
}

/* Build the mapping of a trigger on a relation; errors when misattached. */
static TrackMap *
map_build(Trigger *trigger, Relation rel, TrackPurpose purpose, bool archive)
{
	MemoryContext cxt,
				old;
	TrackMap   *m;
	TupleDesc	desc = RelationGetDescr(rel);
	BounceTypes bt;

	cxt = AllocSetContextCreate(map_cache_cxt, "bounce track map",
								ALLOCSET_SMALL_SIZES);
	old = MemoryContextSwitchTo(cxt);
	PG_TRY();
	{
		m = palloc0(sizeof(TrackMap));
		m->cxt = cxt;
		m->tgoid = trigger->tgoid;
		m->relid = RelationGetRelid(rel);
		m->tgname = pstrdup(trigger->tgname);
		m->relname = quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
												RelationGetRelationName(rel));
		m->purpose = purpose;
		m->archive = archive;

		if (archive)
			;					/* no trigger: the archive's own mapping */
		else if (purpose == TP_PURGE)
		{
			bool		del = TRIGGER_FOR_AFTER(trigger->tgtype) &&
				TRIGGER_FOR_DELETE(trigger->tgtype) &&
				!(trigger->tgtype & (TRIGGER_TYPE_INSERT | TRIGGER_TYPE_UPDATE | TRIGGER_TYPE_TRUNCATE)) &&
				!TRIGGER_FOR_ROW(trigger->tgtype) && trigger->tgoldtable != NULL;
			bool		trunc = TRIGGER_FOR_BEFORE(trigger->tgtype) &&
				trigger->tgtype == (TRIGGER_TYPE_BEFORE | TRIGGER_TYPE_TRUNCATE);

			if (!del && !trunc)
				protocol_error(m->tgname, m->relname,
							   "must fire AFTER DELETE FOR EACH STATEMENT REFERENCING OLD TABLE, or BEFORE TRUNCATE",
							   "bounce.track_events() attaches bounce.track_purge() as it should be.");
		}
		else
		{
			if (!TRIGGER_FOR_AFTER(trigger->tgtype))
				protocol_error(m->tgname, m->relname,
							   "must fire AFTER INSERT, not BEFORE or INSTEAD OF",
							   "bounce.track() reads rows once they are inserted: CREATE TRIGGER ... AFTER INSERT.");
			if (!TRIGGER_FOR_INSERT(trigger->tgtype) ||
				(trigger->tgtype & (TRIGGER_TYPE_UPDATE | TRIGGER_TYPE_DELETE | TRIGGER_TYPE_TRUNCATE)))
				protocol_error(m->tgname, m->relname, "must fire on INSERT only",
							   "Events are facts: create the trigger AFTER INSERT; an update of an event is not tracked (run bounce.rebuild() after changing past events).");
			m->for_row = TRIGGER_FOR_ROW(trigger->tgtype);
			if (!m->for_row && trigger->tgnewtable == NULL)
				protocol_error(m->tgname, m->relname,
							   "fires FOR EACH STATEMENT without a transition table",
							   "Add REFERENCING NEW TABLE AS new_events, or use FOR EACH ROW.");
		}

		for (int i = 0; i < trigger->tgnargs; i++)
		{
			const char *arg = trigger->tgargs[i];
			const char *eq = strchr(arg, '=');
			int			klen;
			int			k;

			if (eq == NULL || eq == arg || eq[1] == '\0')
				ereport(ERROR,
						(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
						 errmsg("argument \"%s\" of trigger \"%s\" on %s is not key=column",
								arg, m->tgname, m->relname),
						 errhint("Arguments are key=column pairs, for instance 'address=email'; keys: %s.",
								 KEYS_ACCEPTED)));
			klen = eq - arg;
			if (klen == 13 && strncmp(arg, "unknown_event", 13) == 0)
			{
				if (strcmp(eq + 1, "ignore") == 0)
					m->unknown_ignore = true;
				else if (strcmp(eq + 1, "error") == 0)
					m->unknown_ignore = false;
				else
					ereport(ERROR,
							(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
							 errmsg("argument \"%s\" of trigger \"%s\" on %s must be unknown_event=error or unknown_event=ignore",
									arg, m->tgname, m->relname)));
				continue;
			}
			for (k = 0; k < TK_COUNT; k++)
				if ((int) strlen(key_names[k]) == klen &&
					strncmp(arg, key_names[k], klen) == 0)
					break;
			if (k == TK_COUNT)
				ereport(ERROR,
						(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
						 errmsg("argument \"%s\" of trigger \"%s\" on %s has an unknown key \"%.*s\"",
								arg, m->tgname, m->relname, klen, arg),
						 errhint("Keys: %s.", KEYS_ACCEPTED)));
			if (m->cols[k].colname != NULL)
				ereport(ERROR,
						(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
						 errmsg("trigger \"%s\" on %s names the %s column twice",
								m->tgname, m->relname, key_names[k])));
			m->cols[k].colname = pstrdup(eq + 1);
		}

		for (int k = TK_ADDRESS; k <= TK_TIME; k++)
			if (m->cols[k].colname == NULL)
				ereport(ERROR,
						(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
						 errmsg("trigger \"%s\" on %s does not name its %s column",
								m->tgname, m->relname, key_names[k]),
						 errhint("Pass '%s=<column>' among the trigger's arguments; address, event and time are required.",
								 key_names[k])));

		bt.smtp_status = bounce_type("smtp_status");
		bt.reason = bounce_type("reason");
		bt.kind = bounce_type("kind");

		for (int k = 0; k < TK_COUNT; k++)
		{
			TrackCol   *col = &m->cols[k];
			Form_pg_attribute att;

			if (col->colname == NULL)
			{
				col->how = HOW_NONE;
				continue;
			}
			col->attnum = SPI_fnumber(desc, col->colname);
			if (col->attnum <= 0)
				ereport(ERROR,
						(errcode(ERRCODE_UNDEFINED_COLUMN),
						 errmsg("column \"%s\" of relation %s does not exist",
								col->colname, m->relname),
						 errdetail("Trigger \"%s\" names it as its %s column.",
								   m->tgname, key_names[k])));
			att = TupleDescAttr(desc, col->attnum - 1);
			col->typid = att->atttypid;
			col->basetype = getBaseType(att->atttypid);
			resolve_type(m, (TrackKey) k, col, &bt);
		}

		build_queries(m, rel);
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(old);
		MemoryContextDelete(cxt);
		PG_RE_THROW();
	}
	PG_END_TRY();
	MemoryContextSwitchTo(old);
	return m;
}

/* Free a map's plans and memory. */
static void
map_free(TrackMap *m)
{
	for (int i = 0; i < 2; i++)
		if (m->replay_plan[i] != NULL)
		{
			SPI_freeplan(m->replay_plan[i]);
			if (i == 0 && m->replay_plan[1] == m->replay_plan[0])
				m->replay_plan[1] = NULL;
			m->replay_plan[i] = NULL;
		}
	MemoryContextDelete(m->cxt);
}

/* Mark the maps of a relation (or all) to be rebuilt. */
static void
maps_invalidate(Oid relid)
{
	HASH_SEQ_STATUS seq;
	MapEntry   *e;

	/* a trigger created, dropped, enabled anywhere: list the sources again */
	sources_state = BOUNCE_CACHE_STALE;
	if (map_cache == NULL)
		return;
	hash_seq_init(&seq, map_cache);
	while ((e = hash_seq_search(&seq)) != NULL)
		if (relid == InvalidOid || e->key.relid == relid ||
			(e->map != NULL && e->map->query_relid == relid))
			e->valid = false;
}

/* The checked mapping of a trigger on a relation, for a purpose. */
static TrackMap *
map_get(Trigger *trigger, Relation rel, TrackPurpose purpose, bool archive)
{
	MapKey		key;
	MapEntry   *e;
	bool		found;

	if (map_cache == NULL)
	{
		HASHCTL		ctl;

		map_cache_cxt = AllocSetContextCreate(CacheMemoryContext, "bounce track maps",
											  ALLOCSET_DEFAULT_SIZES);
		memset(&ctl, 0, sizeof(ctl));
		ctl.keysize = sizeof(MapKey);
		ctl.entrysize = sizeof(MapEntry);
		ctl.hcxt = map_cache_cxt;
		map_cache = hash_create("bounce track maps", 16, &ctl,
								HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
		bounce_on_relcache_change(maps_invalidate);
	}

	/* Maps replaced while a call was running are freed when none runs. */
	if (track_depth == 0 && map_graveyard != NIL)
	{
		ListCell   *lc;

		foreach(lc, map_graveyard)
			map_free((TrackMap *) lfirst(lc));
		list_free(map_graveyard);
		map_graveyard = NIL;
	}

	memset(&key, 0, sizeof(key));
	key.tgoid = trigger->tgoid;
	key.relid = RelationGetRelid(rel);
	e = hash_search(map_cache, &key, HASH_ENTER, &found);
	if (!found)
	{
		e->map = NULL;
		e->valid = false;
	}
	if (!e->valid || e->map == NULL)
	{
		TrackMap   *m;

		if (e->map != NULL)
		{
			MemoryContext old = MemoryContextSwitchTo(map_cache_cxt);

			map_graveyard = lappend(map_graveyard, e->map);
			MemoryContextSwitchTo(old);
			e->map = NULL;
		}
		/*
		 * Valid from before the build: an invalidation that arrives while
		 * the build reads the catalogs clears the flag again, so the next
		 * call rebuilds.  An error leaves the entry without a map, which
		 * rebuilds too.
		 */
		e->valid = true;
		m = map_build(trigger, rel, purpose, archive);
		e = hash_search(map_cache, &key, HASH_ENTER, &found);
		if (!found)
			e->valid = false;
		e->map = m;
	}
	return e->map;
}

/* The checked mapping of a bounce.track() trigger; see track.h. */
TrackMap *
track_map_get(Trigger *trigger, Relation rel)
{
	return map_get(trigger, rel, TP_TRACK, false);
}

/* What a map reads; see track.h. */
Oid
track_map_query_relid(TrackMap *map)
{
	return map->query_relid;
}

bool
track_map_is_archive(TrackMap *map)
{
	return map->archive;
}

/* Maps stay allocated while held (rebuild() uses several at once). */
void
track_hold(void)
{
	track_depth++;
}

void
track_release(void)
{
	track_depth--;
}

/* The qualified name of the events table of a map. */
const char *
track_map_relname(TrackMap *map)
{
	return map->relname;
}

/* ----------------------------------------------------------------
 * Reading events
 * ---------------------------------------------------------------- */

/* The key text of a tenant or campaign value; NULL for none. */
static const char *
key_text(const TrackCol *col, Datum d, bool isnull, Arena *a, uint32 *len)
{
	char		buf[24];
	int			n;
	const char *s;

	*len = 0;
	if (isnull)
		return NULL;
	switch (col->how)
	{
		case HOW_TEXT:
			s = text_bytes(d, &n);
			break;
		case HOW_INT2:
			n = pg_ltoa(DatumGetInt16(d), buf);
			s = buf;
			break;
		case HOW_INT4:
			n = pg_ltoa(DatumGetInt32(d), buf);
			s = buf;
			break;
		case HOW_INT8:
			n = pg_lltoa(DatumGetInt64(d), buf);
			s = buf;
			break;
		default:
			{
				char	   *o = OutputFunctionCall(unconstify(FmgrInfo *, &col->out), d);
				char	   *p;

				n = strlen(o);
				p = arena_strndup(a, o, n);
				pfree(o);
				*len = n;
				return n > 0 ? p : NULL;
			}
	}
	if (n == 0)
		return NULL;
	*len = n;
	return arena_strndup(a, s, n);
}

/* A short text value ASCII lower-cased into buf; false if too long. */
static bool
short_lower(const char *s, int len, char *buf, int bufsize)
{
	if (len >= bufsize)
		return false;
	for (int i = 0; i < len; i++)
		buf[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char) (s[i] + ('a' - 'A')) : s[i];
	buf[len] = '\0';
	return true;
}

/* An error for a bad value in a row. */
static void
value_error(TrackMap *m, TrackKey key, int code, const char *msg,
			const char *hint) pg_attribute_noreturn();

static void
value_error(TrackMap *m, TrackKey key, int code, const char *msg,
			const char *hint)
{
	ereport(ERROR,
			(errcode(code),
			 errmsg("%s", msg),
			 errdetail("Column \"%s\" of relation %s, read by trigger \"%s\" as the %s.",
					   m->cols[key].colname, m->relname, m->tgname, key_names[key]),
			 hint ? errhint("%s", hint) : 0));
}

/*
 * A value too long for a key (22001), before any index sees it; rowpos is
 * the row's position in the statement (1-based), 0 when not known.
 */
static void
oversize_error(TrackMap *m, TrackKey key, int64 len, int limit,
			   int64 rowpos) pg_attribute_noreturn();

static void
oversize_error(TrackMap *m, TrackKey key, int64 len, int limit, int64 rowpos)
{
	ereport(ERROR,
			(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
			 errmsg("%s of %lld bytes is longer than the %d bytes bounce.track() keys",
					key_names[key], (long long) len, limit),
			 rowpos > 0 ?
			 errdetail("Row %lld of the statement, column \"%s\" of relation %s, read by trigger \"%s\"; no row of the statement was applied.",
					   (long long) rowpos, m->cols[key].colname, m->relname, m->tgname) :
			 errdetail("Column \"%s\" of relation %s, read by trigger \"%s\"; the row was not applied.",
					   m->cols[key].colname, m->relname, m->tgname),
			 key == TK_ADDRESS ?
			 errhint("An address is at most %d bytes (an RFC 5321 address at most 254): fix or drop the row.", limit) :
			 errhint("A tenant is at most %d bytes: fix or drop the row.", limit)));
}

/* Reason and kind of a bounce row. */
static void
read_bounce(TrackMap *m, const TrackCol *cols, Datum *v, bool *isnull,
			bool strict, const char *tenant, const char *address,
			uint32 address_len, BnEvent *ev)
{
	BnInput		in;
	int			n;
	const char *s;
	bool		have_reason = false;
	BnReason	reason = BN_REASON_UNDEFINED;
	bool		have_kind = false;
	BnKind		kind = BN_KIND_UNDETERMINED;
	const char *rule_tenant = tenant[0] ? tenant : NULL;
	char		buf[64];

	memset(&in, 0, sizeof(in));
	in.status = BN_STATUS_NONE;
	if (cols[TK_DIAGNOSTIC].how != HOW_NONE && !isnull[TK_DIAGNOSTIC])
	{
		in.text = text_bytes(v[TK_DIAGNOSTIC], &n);
		in.text_len = n;
	}
	if (cols[TK_STATUS].how != HOW_NONE && !isnull[TK_STATUS])
	{
		if (cols[TK_STATUS].how == HOW_STATUS)
			in.status = DatumGetInt32(v[TK_STATUS]);
		else
		{
			BnStatus	st;

			s = text_bytes(v[TK_STATUS], &n);
			if (bn_status_parse(s, n, &st) == BN_STATUS_OK)
				in.status = st;
			else
				in.status = bn_status_find(s, n);
		}
	}
	if (cols[TK_REPLY_CODE].how != HOW_NONE && !isnull[TK_REPLY_CODE])
	{
		int64		code = 0;

		switch (cols[TK_REPLY_CODE].how)
		{
			case HOW_INT2:
				code = DatumGetInt16(v[TK_REPLY_CODE]);
				break;
			case HOW_INT4:
				code = DatumGetInt32(v[TK_REPLY_CODE]);
				break;
			case HOW_INT8:
				code = DatumGetInt64(v[TK_REPLY_CODE]);
				break;
			default:
				s = text_bytes(v[TK_REPLY_CODE], &n);
				code = bn_reply_code_find(s, n);
				break;
		}
		in.reply_code = (code >= 0 && code <= 999 && bn_reply_code_valid((int) code)) ?
			(int) code : 0;
	}
	if (cols[TK_COMMAND].how != HOW_NONE && !isnull[TK_COMMAND])
	{
		in.command = text_bytes(v[TK_COMMAND], &n);
		in.command_len = n;
	}
	if (cols[TK_REMOTE].how != HOW_NONE && !isnull[TK_REMOTE])
	{
		in.remote = text_bytes(v[TK_REMOTE], &n);
		in.remote_len = n;
	}
	else
	{
		in.remote = address;
		in.remote_len = address_len;
	}

	if (cols[TK_REASON].how != HOW_NONE && !isnull[TK_REASON])
	{
		if (cols[TK_REASON].how == HOW_REASON)
		{
			reason = bounce_reason_from_oid(DatumGetObjectId(v[TK_REASON]));
			have_reason = true;
		}
		else
		{
			s = text_bytes(v[TK_REASON], &n);
			if (n > 0)
			{
				if (short_lower(s, n, buf, sizeof(buf)) &&
					bn_reason_from_name(buf, n, &reason))
					have_reason = true;
				else if (strict)
					value_error(m, TK_REASON, ERRCODE_INVALID_TEXT_REPRESENTATION,
								psprintf("unknown bounce reason \"%.*s\"", Min(n, 200), s),
								"The reason column holds names of bounce.reason (user_unknown, mailbox_full, blocked, ...) or NULL to classify the diagnostic.");
			}
		}
	}
	if (cols[TK_KIND].how != HOW_NONE && !isnull[TK_KIND])
	{
		if (cols[TK_KIND].how == HOW_KIND)
		{
			kind = bounce_kind_from_oid(DatumGetObjectId(v[TK_KIND]));
			have_kind = true;
		}
		else
		{
			s = text_bytes(v[TK_KIND], &n);
			if (n > 0)
			{
				if (short_lower(s, n, buf, sizeof(buf)) &&
					bn_kind_from_name(buf, n, &kind))
					have_kind = true;
				else if (strict)
					value_error(m, TK_KIND, ERRCODE_INVALID_TEXT_REPRESENTATION,
								psprintf("unknown bounce kind \"%.*s\"", Min(n, 200), s),
								"The kind column holds hard, soft, block, undetermined, none, or NULL for the kind of the reason.");
			}
		}
	}

	if (have_reason)
	{
		if (!have_kind)
			kind = bounce_map_kind(reason,
								   bn_default_kind(&in, reason, in.status, in.reply_code),
								   rule_tenant);
	}
	else
	{
		BnVerdict	verdict;

		bounce_classify_with_rules(&in, rule_tenant, &verdict);
		reason = verdict.reason;
		if (!have_kind)
			kind = verdict.kind;
	}
	ev->reason = reason;
	ev->kind = kind;
}

/* The event type of an enum label the map does not know, or -1. */
static int
enum_label_event(Oid label)
{
	HeapTuple	tup = SearchSysCache1(ENUMOID, ObjectIdGetDatum(label));
	BnEventType et;
	const char *name;
	int			t = -1;

	if (!HeapTupleIsValid(tup))
		return -1;
	name = NameStr(((Form_pg_enum) GETSTRUCT(tup))->enumlabel);
	if (bn_event_type_from_name(name, strlen(name), &et))
		t = (int) et;
	ReleaseSysCache(tup);
	return t;
}

/*
 * One row's event.  v and isnull are indexed by key.  A fixed tenant and
 * address (the replay's) are used instead of the columns when given.
 * False when the row is no event: no address or event, or (not strict)
 * a value that a strict read rejects.
 */
static bool
read_event(TrackMap *m, const TrackCol *cols, Datum *v, bool *isnull,
		   bool strict, Arena *a, const char *fixed_tenant,
		   const char *fixed_address, int64 rowpos, TrackEvent *out)
{
	BnEventType type;
	const char *s;
	int			n;

	/* event */
	if (isnull[TK_EVENT])
		return false;
	if (cols[TK_EVENT].how == HOW_ENUM)
	{
		Oid			label = DatumGetObjectId(v[TK_EVENT]);
		int			t = -1;

		int			i;

		for (i = 0; i < cols[TK_EVENT].nlabels; i++)
			if (cols[TK_EVENT].label_oids[i] == label)
			{
				t = cols[TK_EVENT].label_events[i];
				break;
			}

		/*
		 * A label added (ALTER TYPE ... ADD VALUE) since the map was built:
		 * that invalidates no relcache entry, so the map does not know it.
		 * Read it from the catalog.
		 */
		if (i == cols[TK_EVENT].nlabels)
			t = enum_label_event(label);
		if (t < 0)
		{
			if (strict && !m->unknown_ignore)
				value_error(m, TK_EVENT, ERRCODE_INVALID_PARAMETER_VALUE,
							psprintf("unknown event type \"%s\"",
									 OidOutputFunctionCall(F_ENUM_OUT, v[TK_EVENT])),
							psprintf("Accepted: %s. Add 'unknown_event=ignore' to the trigger's arguments to skip other events.",
									 bn_event_type_accepted));
			return false;
		}
		type = (BnEventType) t;
	}
	else
	{
		s = text_bytes(v[TK_EVENT], &n);
		if (!bn_event_type_from_name(s, n, &type))
		{
			if (strict && !m->unknown_ignore)
				value_error(m, TK_EVENT, ERRCODE_INVALID_PARAMETER_VALUE,
							psprintf("unknown event type \"%.*s\"", Min(n, 200), s),
							psprintf("Accepted: %s. Add 'unknown_event=ignore' to the trigger's arguments to skip other events.",
									 bn_event_type_accepted));
			return false;
		}
	}

	/* address */
	if (fixed_address != NULL)
	{
		out->address = fixed_address;
		out->address_len = strlen(fixed_address);
	}
	else
	{
		int			len;

		if (isnull[TK_ADDRESS])
			return false;
		s = text_bytes(v[TK_ADDRESS], &n);
		if (n == 0)
			return false;
		if (n > BOUNCE_ADDRESS_KEY_MAX)
		{
			if (strict)
				oversize_error(m, TK_ADDRESS, n, BOUNCE_ADDRESS_KEY_MAX, rowpos);
			return false;
		}
		out->address = key_copy(a, s, n, &len);
		out->address_len = len;
	}

	/* time */
	if (isnull[TK_TIME])
	{
		if (strict)
			value_error(m, TK_TIME, ERRCODE_NOT_NULL_VIOLATION,
						"event time is null", "Every event needs the time it happened.");
		return false;
	}
	out->ev.at = DatumGetTimestampTz(v[TK_TIME]);
	if (TIMESTAMP_NOT_FINITE(out->ev.at))
	{
		if (strict)
			value_error(m, TK_TIME, ERRCODE_DATETIME_VALUE_OUT_OF_RANGE,
						"event time is infinite", "Every event needs the time it happened.");
		return false;
	}
	out->ev.type = type;

	/* tenant */
	if (fixed_tenant != NULL)
	{
		out->tenant = fixed_tenant;
		out->tenant_len = strlen(fixed_tenant);
	}
	else if (cols[TK_TENANT].how == HOW_NONE || isnull[TK_TENANT])
	{
		out->tenant = "";
		out->tenant_len = 0;
	}
	else if (cols[TK_TENANT].how == HOW_TEXT)
	{
		s = text_bytes(v[TK_TENANT], &n);
		if (a->last_tenant != NULL && a->last_tenant_len == (uint32) n &&
			memcmp(a->last_tenant, s, n) == 0)
		{
			out->tenant = a->last_tenant;
			out->tenant_len = n;
		}
		else
		{
			out->tenant = arena_strndup(a, s, n);
			out->tenant_len = n;
			a->last_tenant = out->tenant;
			a->last_tenant_len = n;
		}
	}
	else
	{
		uint32		len;
		const char *t = key_text(&cols[TK_TENANT], v[TK_TENANT], false, a, &len);

		out->tenant = t ? t : "";
		out->tenant_len = len;
	}
	if (out->tenant_len > BOUNCE_TENANT_KEY_MAX)
	{
		if (strict)
			oversize_error(m, TK_TENANT, out->tenant_len, BOUNCE_TENANT_KEY_MAX, rowpos);
		return false;
	}

	/* campaign */
	out->ev.campaign = NULL;
	out->ev.campaign_len = 0;
	if (cols[TK_CAMPAIGN].how != HOW_NONE)
	{
		uint32		len;

		if (cols[TK_CAMPAIGN].how == HOW_INT8 && !isnull[TK_CAMPAIGN])
		{
			char		buf[24];

			len = pg_lltoa(DatumGetInt64(v[TK_CAMPAIGN]), buf);
			if (a->last_campaign != NULL && a->last_campaign_len == len &&
				memcmp(a->last_campaign, buf, len) == 0)
				out->ev.campaign = a->last_campaign;
			else
			{
				out->ev.campaign = arena_strndup(a, buf, len);
				a->last_campaign = out->ev.campaign;
				a->last_campaign_len = len;
			}
		}
		else
			out->ev.campaign = key_text(&cols[TK_CAMPAIGN], v[TK_CAMPAIGN],
										isnull[TK_CAMPAIGN], a, &len);
		out->ev.campaign_len = len;
	}

	out->ev.kind = BN_KIND_NONE;
	out->ev.reason = BN_REASON_UNDEFINED;
	if (type == BN_EVENT_BOUNCE)
		read_bounce(m, cols, v, isnull, strict, out->tenant, out->address,
					out->address_len, &out->ev);
	return true;
}

/* The mapped columns of a slot, by key. */
static inline void
slot_values(TrackMap *m, TupleTableSlot *slot, Datum *v, bool *isnull)
{
	for (int k = 0; k < TK_COUNT; k++)
	{
		if (m->cols[k].how == HOW_NONE)
		{
			isnull[k] = true;
			continue;
		}
		v[k] = slot_getattr(slot, m->cols[k].attnum, &isnull[k]);
	}
}

/* The mapped columns of a replay row (select list positions), by key. */
static inline void
replay_values(TrackMap *m, HeapTuple tup, TupleDesc desc, int offset,
			  Datum *v, bool *isnull)
{
	for (int k = 0; k < TK_COUNT; k++)
	{
		if (m->cols[k].qpos == 0)
		{
			isnull[k] = true;
			continue;
		}
		v[k] = heap_getattr(tup, m->cols[k].qpos + offset, desc, &isnull[k]);
	}
}

/* ----------------------------------------------------------------
 * Replaying an address
 * ---------------------------------------------------------------- */

/* qsort comparator for BnEvent. */
static int
event_qsort_cmp(const void *a, const void *b)
{
	return bn_event_cmp((const BnEvent *) a, (const BnEvent *) b);
}

/*
 * List the sources: every enabled bounce.track() trigger, one per
 * partition tree (the one on the root itself when there is one).
 */
static void
sources_load(void)
{
	Oid			track_fn = track_function_oid();
	Relation	trel;
	SysScanDesc scan;
	HeapTuple	tup;
	SourceKey  *keys;
	Oid		   *roots;
	int			n = 0,
				cap = 8;

	sources_state = BOUNCE_CACHE_LOADING;
	keys = MemoryContextAlloc(TopMemoryContext, sizeof(SourceKey) * cap);
	roots = palloc(sizeof(Oid) * cap);
	trel = table_open(TriggerRelationId, AccessShareLock);
	scan = systable_beginscan(trel, InvalidOid, false, NULL, 0, NULL);
	while ((tup = systable_getnext(scan)) != NULL)
	{
		Form_pg_trigger t = (Form_pg_trigger) GETSTRUCT(tup);
		Oid			root = t->tgrelid;
		int			j;

		if (t->tgfoid != track_fn || t->tgenabled == TRIGGER_DISABLED)
			continue;
		if (get_rel_relispartition(root))
		{
			List	   *anc = get_partition_ancestors(root);

			if (anc != NIL)
				root = llast_oid(anc);
		}
		for (j = 0; j < n; j++)
			if (roots[j] == root)
				break;
		if (j < n)
		{
			if (t->tgrelid == root)
			{
				keys[j].relid = t->tgrelid;
				keys[j].tgoid = t->oid;
			}
			continue;
		}
		if (n >= cap)
		{
			cap *= 2;
			keys = repalloc(keys, sizeof(SourceKey) * cap);
			roots = repalloc(roots, sizeof(Oid) * cap);
		}
		keys[n].relid = t->tgrelid;
		keys[n].tgoid = t->oid;
		roots[n] = root;
		n++;
	}
	systable_endscan(scan);
	table_close(trel, AccessShareLock);
	pfree(roots);

	if (source_keys != NULL)
		pfree(source_keys);
	source_keys = keys;
	n_source_keys = n;
	bounce_cache_loaded(&sources_state);
}

/* The archive's own mapping: its columns, named as trigger arguments. */
static char *archive_args[] = {
	"address=address", "tenant=tenant", "event=event", "time=at",
	"campaign=campaign", "reason=reason", "kind=kind"
};

/* The map of bounce.event_archive, or NULL when there is none (1.0). */
static TrackMap *
archive_map(void)
{
	Oid			nsp = get_namespace_oid(BOUNCE_SCHEMA, true);
	Oid			relid = OidIsValid(nsp) ? get_relname_relid("event_archive", nsp) : InvalidOid;
	Relation	rel;
	Trigger		fake;
	TrackMap   *m;

	if (!OidIsValid(relid))
		return NULL;
	memset(&fake, 0, sizeof(fake));
	fake.tgoid = InvalidOid;
	fake.tgname = "event_archive";
	fake.tgtype = TRIGGER_TYPE_ROW | TRIGGER_TYPE_INSERT;
	fake.tgnargs = lengthof(archive_args);
	fake.tgargs = archive_args;
	rel = table_open(relid, AccessShareLock);
	m = map_get(&fake, rel, TP_TRACK, true);
	table_close(rel, NoLock);
	return m;
}

/*
 * The maps of every source of a replay: the tracked tables, then the
 * archive; *n of them, in an array of the current memory context.
 */
TrackMap **
track_sources(int *n)
{
	TrackMap  **maps;
	int			k = 0;

	if (sources_state != BOUNCE_CACHE_VALID)
		sources_load();
	maps = palloc(sizeof(TrackMap *) * (n_source_keys + 1));
	for (int i = 0; i < n_source_keys; i++)
	{
		SourceKey	key = source_keys[i];
		Relation	rel = try_table_open(key.relid, AccessShareLock);

		if (rel == NULL)
			continue;
		if (rel->trigdesc != NULL)
			for (int t = 0; t < rel->trigdesc->numtriggers; t++)
				if (rel->trigdesc->triggers[t].tgoid == key.tgoid)
				{
					maps[k++] = map_get(&rel->trigdesc->triggers[t], rel, TP_TRACK, false);
					break;
				}
		table_close(rel, NoLock);
	}
	maps[k] = archive_map();
	if (maps[k] != NULL)
		k++;
	*n = k;
	return maps;
}

/* An event array that grows. */
typedef struct EventList
{
	BnEvent    *ev;
	int			n;
	int			cap;
} EventList;

static void
eventlist_add(EventList *l, const BnEvent *ev)
{
	if (l->n >= l->cap)
	{
		l->cap = Max(64, l->cap * 2);
		l->ev = l->ev ? repalloc_huge(l->ev, sizeof(BnEvent) * l->cap) :
			palloc(sizeof(BnEvent) * l->cap);
	}
	l->ev[l->n++] = *ev;
}

/* Read a query row (address, tenant, select list) as an event. */
static bool
read_query_row(TrackMap *map, HeapTuple tup, TupleDesc desc, Arena *arena,
			   TrackEvent *te)
{
	Datum		v[TK_COUNT];
	bool		isnull[TK_COUNT];

	replay_values(map, tup, desc, 2, v, isnull);
	v[TK_ADDRESS] = heap_getattr(tup, 1, desc, &isnull[TK_ADDRESS]);
	v[TK_TENANT] = heap_getattr(tup, 2, desc, &isnull[TK_TENANT]);
	return read_event(map, map->cols, v, isnull, false, arena, NULL, NULL, 0, te);
}

/* Append the events of (tenant, address) in one source to l. */
static void
replay_source(TrackMap *map, const char *tenant, const char *address,
			  Arena *arena, EventList *l)
{
	int			which = (tenant[0] == '\0') ? 1 : 0;
	Datum		args[2];
	SavedUser	saved;
	int			ret;
	uint64		n;

	/*
	 * The events table's owner may read all of it; the inserting role may
	 * not.  A fresh snapshot sees every event committed before our fetch of
	 * the state, even under REPEATABLE READ.
	 */
	become_user(map->query_owner, &saved);
	if (map->replay_plan[which] == NULL)
	{
		Oid			types[2] = {TEXTOID, TEXTOID};
		SPIPlanPtr	p;

		p = SPI_prepare(map->replay_sql[which], map->replay_nargs[which], types);
		if (p == NULL)
			elog(ERROR, "could not prepare \"%s\": %s", map->replay_sql[which],
				 SPI_result_code_string(SPI_result));
		SPI_keepplan(p);
		map->replay_plan[which] = p;
	}
	args[0] = CStringGetTextDatum(address);
	args[1] = CStringGetTextDatum(tenant);
	ret = SPI_execute_snapshot(map->replay_plan[which], args, NULL,
							   GetLatestSnapshot(), InvalidSnapshot,
							   true, false, 0);
	restore_user(&saved);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "could not replay address \"%s\": %s", address,
			 SPI_result_code_string(ret));

	n = SPI_processed;
	for (uint64 i = 0; i < n; i++)
	{
		TrackEvent	te;

		/* the address's key and the tenant's bytes, whatever the collation */
		if (read_query_row(map, SPI_tuptable->vals[i], SPI_tuptable->tupdesc, arena, &te) &&
			strcmp(te.address, address) == 0 && strcmp(te.tenant, tenant) == 0)
			eventlist_add(l, &te.ev);
	}
	SPI_freetuptable(SPI_tuptable);
}

/*
 * Replay one address from every source; see track.h.  SPI must be
 * connected.
 */
void
track_replay_address(const char *tenant, const char *address, BnState *st,
					 const BnPolicy *policy, MemoryContext cxt)
{
	BnTime		cleared = st->cleared_at;
	MemoryContext old = MemoryContextSwitchTo(cxt);
	Arena		arena;
	EventList	l = {NULL, 0, 0};
	TrackMap  **maps;
	int			nmaps;

	arena_init(&arena, cxt);
	track_depth++;
	PG_TRY();
	{
		maps = track_sources(&nmaps);
		for (int i = 0; i < nmaps; i++)
			replay_source(maps[i], tenant, address, &arena, &l);
	}
	PG_FINALLY();
	{
		track_depth--;
	}
	PG_END_TRY();

	if (l.n > 0)
		qsort(l.ev, l.n, sizeof(BnEvent), event_qsort_cmp);
	bn_state_init(st);
	st->cleared_at = cleared;
	for (int i = 0; i < l.n; i++)
		bn_state_apply(st, &l.ev[i], policy);
	MemoryContextSwitchTo(old);
}

/* ----------------------------------------------------------------
 * Applying a batch
 * ---------------------------------------------------------------- */

/* Connect SPI once per call, keeping our memory context. */
static void
track_spi_connect(TrackCall *call)
{
	MemoryContext old = CurrentMemoryContext;

	if (call->spi)
		return;
	MemoryContextSwitchTo(call->call_cxt);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	MemoryContextSwitchTo(old);
	call->spi = true;
}

/* JSON evidence of a suppression change. */
static char *
evidence_json(TrackMap *map, const TrackEvent *te, bool replayed)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "{\"events\": ");
	escape_json(&buf, map->relname);
	if (te != NULL)
	{
		appendStringInfoString(&buf, ", \"event\": ");
		escape_json(&buf, bn_event_type_names[te->ev.type]);
		appendStringInfoString(&buf, ", \"at\": ");
		escape_json(&buf, bn_time_text(te->ev.at));
		if (te->ev.campaign != NULL)
		{
			appendStringInfoString(&buf, ", \"campaign\": ");
			escape_json(&buf, pnstrdup(te->ev.campaign, te->ev.campaign_len));
		}
		if (te->ev.type == BN_EVENT_BOUNCE)
		{
			appendStringInfoString(&buf, ", \"reason\": ");
			escape_json(&buf, bn_reason_names[te->ev.reason]);
			appendStringInfoString(&buf, ", \"kind\": ");
			escape_json(&buf, bn_kind_names[te->ev.kind]);
		}
	}
	appendStringInfo(&buf, ", \"replayed\": %s}", replayed ? "true" : "false");
	return buf.data;
}

/*
 * Apply the events of one address (sorted, at least one) and store the
 * state; replay the address when they do not all come after it.
 */
static void
track_address(TrackCall *call, TrackEvent **evs, int n)
{
	TrackMap   *map = call->map;
	const char *tenant = evs[0]->tenant;
	const char *address = evs[0]->address;
	BnPolicy	policy = policy_for(tenant);
	BnState		st;
	BnAddressStatus old_status;
	BnSuppression old_supp;
	BnTime		old_since;
	bool		replayed;
	const TrackEvent *cause = NULL;

	/* an invalid address goes on the invalid list, not into the state */
	if (bounce_note_invalid(tenant, address, evs[0]->address_len, evs[0]->ev.at,
							map->relname))
		return;

	for (;;)
	{
		bool		found;

		found = state_store_fetch(&call->ss, tenant, address, &st);
		old_status = st.status;
		old_supp = st.suppressed;
		old_since = st.status_since;
		replayed = false;
		cause = NULL;

		if (!found || bn_state_in_order(&st, &evs[0]->ev))
		{
			for (int i = 0; i < n; i++)
			{
				unsigned	done = bn_state_apply(&st, &evs[i]->ev, &policy);

				if (done & (BN_APPLY_SUPPRESSED | BN_APPLY_REASON))
					cause = evs[i];
			}
		}
		else
		{
			track_spi_connect(call);
			track_replay_address(tenant, address, &st, &policy, call->addr_cxt);
			call->replays++;
			replayed = true;
		}
		if (state_store_write(&call->ss, tenant, address, &st))
			break;
		CHECK_FOR_INTERRUPTS();
	}

	if ((old_status == BN_ADDR_SUPPRESSED) != (st.status == BN_ADDR_SUPPRESSED) ||
		(st.status == BN_ADDR_SUPPRESSED &&
		 (old_supp != st.suppressed || old_since != st.status_since)))
	{
		track_spi_connect(call);
		suppression_sync(tenant, address, &st, map->relname,
						 evidence_json(map, cause, replayed));
	}
}

/*
 * A batch is sorted through an array of small keys: a 64-bit hash of
 * (tenant, address), then the event order.  Most comparisons end in the
 * key array without touching the events, and the order of the hashes is
 * the same in every backend, which is all the lock order needs.  Equal
 * hashes of different addresses are told apart after the sort.
 */
typedef struct SortKey
{
	uint64		h;
	BnTime		at;
	uint32		idx;			/* in the batch's events, arrival order */
	int32		type;
} SortKey;

/* The order of two keys; events breaks ties between bounces. */
static inline int
sortkey_cmp(const SortKey *a, const SortKey *b, TrackEvent *events)
{
	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	if (a->type == BN_EVENT_BOUNCE)
	{
		int			c = bn_event_cmp(&events[a->idx].ev, &events[b->idx].ev);

		if (c != 0)
			return c;
	}
	return (a->idx > b->idx) - (a->idx < b->idx);
}

#define ST_SORT sort_batch_keys
#define ST_ELEMENT_TYPE SortKey
#define ST_COMPARE(a, b, arg) sortkey_cmp(a, b, arg)
#define ST_COMPARE_ARG_TYPE TrackEvent
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/* Full order, for a run of equal hashes: tenant, address, event, arrival. */
static int
collision_cmp(const void *pa, const void *pb, void *arg)
{
	const SortKey *ka = (const SortKey *) pa;
	const SortKey *kb = (const SortKey *) pb;
	TrackEvent *events = (TrackEvent *) arg;
	const TrackEvent *a = &events[ka->idx];
	const TrackEvent *b = &events[kb->idx];
	int			c;

	c = strcmp(a->tenant, b->tenant);
	if (c == 0)
		c = strcmp(a->address, b->address);
	if (c == 0)
		c = sortkey_cmp(ka, kb, events);
	return c;
}

/* The same tenant and address. */
static inline bool
same_address(const TrackEvent *a, const TrackEvent *b)
{
	return (a->tenant == b->tenant || strcmp(a->tenant, b->tenant) == 0) &&
		a->address_len == b->address_len &&
		memcmp(a->address, b->address, a->address_len) == 0;
}

/* Apply a batch, address by address in hash order. */
static void
track_batch(TrackCall *call, TrackEvent *events, SortKey *keys, int n)
{
	int			start = 0;
	TrackEvent **group = NULL;
	int			group_cap = 0;

	sort_batch_keys(keys, n, events);
	while (start < n)
	{
		int			end = start + 1;
		bool		collided = false;
		MemoryContext old;

		while (end < n && keys[end].h == keys[start].h)
		{
			if (!same_address(&events[keys[end].idx], &events[keys[start].idx]))
				collided = true;
			end++;
		}
		if (collided)
		{
			qsort_arg(keys + start, end - start, sizeof(SortKey), collision_cmp, events);
			end = start + 1;
			while (end < n && keys[end].h == keys[start].h &&
				   same_address(&events[keys[end].idx], &events[keys[start].idx]))
				end++;
		}

		if (end - start > group_cap)
		{
			group_cap = Max(64, (end - start) * 2);
			group = group ? repalloc(group, sizeof(TrackEvent *) * group_cap) :
				MemoryContextAlloc(call->call_cxt, sizeof(TrackEvent *) * group_cap);
		}
		for (int i = start; i < end; i++)
			group[i - start] = &events[keys[i].idx];

		old = MemoryContextSwitchTo(call->addr_cxt);
		track_address(call, group, end - start);
		MemoryContextSwitchTo(old);
		MemoryContextReset(call->addr_cxt);
		start = end;
	}
	if (group)
		pfree(group);
}

/* FOR EACH STATEMENT: the transition table, in batches. */
static void
track_statement(TrackCall *call, TriggerData *td)
{
	TrackMap   *map = call->map;
	Tuplestorestate *ts = td->tg_newtable;
	TupleTableSlot *slot;
	MemoryContext batch_cxt;
	bool		more = true;
	int64		rowpos = 0;		/* rows of the statement read so far */

	if (ts == NULL)
		protocol_error(map->tgname, map->relname,
					   "fires FOR EACH STATEMENT without a transition table",
					   "Add REFERENCING NEW TABLE AS new_events, or use FOR EACH ROW.");

	slot = MakeSingleTupleTableSlot(RelationGetDescr(td->tg_relation),
									&TTSOpsMinimalTuple);
	batch_cxt = AllocSetContextCreate(CurrentMemoryContext, "bounce track batch",
									  ALLOCSET_DEFAULT_SIZES);
	tuplestore_rescan(ts);
	while (more)
	{
		MemoryContext old = MemoryContextSwitchTo(batch_cxt);
		Arena		arena;
		TrackEvent *events;
		SortKey    *keys;
		int			n = 0;
		int			cap = 1024;
		Datum		v[TK_COUNT];
		bool		isnull[TK_COUNT];
		const char *hashed_tenant = NULL;
		uint64		tenant_hash = 0;

		/* an address written by an earlier batch can be written again */
		CommandCounterIncrement();
		arena_init(&arena, batch_cxt);
		events = palloc(sizeof(TrackEvent) * cap);
		keys = palloc(sizeof(SortKey) * cap);
		for (;;)
		{
			TrackEvent *te;

			if (n >= BATCH_EVENTS)
				break;
			if (!tuplestore_gettupleslot(ts, true, false, slot))
			{
				more = false;
				break;
			}
			if (n >= cap)
			{
				cap = Min(cap * 2, BATCH_EVENTS);
				events = repalloc_huge(events, sizeof(TrackEvent) * cap);
				keys = repalloc_huge(keys, sizeof(SortKey) * cap);
			}
			te = &events[n];
			slot_values(map, slot, v, isnull);
			rowpos++;
			if (!read_event(map, map->cols, v, isnull, true, &arena, NULL, NULL, rowpos, te))
				continue;
			if (te->tenant != hashed_tenant)
			{
				hashed_tenant = te->tenant;
				tenant_hash = hash_bytes_extended((const unsigned char *) te->tenant,
												  te->tenant_len, 0);
			}
			te->seq = n;
			keys[n].h = hash_bytes_extended((const unsigned char *) te->address,
											te->address_len, tenant_hash);
			keys[n].at = te->ev.at;
			keys[n].type = te->ev.type;
			keys[n].idx = n;
			n++;
		}
		MemoryContextSwitchTo(old);
		if (n > 0)
			track_batch(call, events, keys, n);
		MemoryContextReset(batch_cxt);
	}
	ExecDropSingleTupleTableSlot(slot);
	MemoryContextDelete(batch_cxt);
}

/* FOR EACH ROW: the new row. */
static void
track_row(TrackCall *call, TriggerData *td)
{
	TrackMap   *map = call->map;
	Datum		v[TK_COUNT];
	bool		isnull[TK_COUNT];
	TrackEvent	te;
	TrackEvent *one = &te;
	Arena		arena;

	arena_init(&arena, call->addr_cxt);
	slot_values(map, td->tg_trigslot, v, isnull);
	if (!read_event(map, map->cols, v, isnull, true, &arena, NULL, NULL, 0, &te))
		return;
	te.seq = 0;
	track_address(call, &one, 1);
}

/* One call's work, counted in track_depth even when it fails. */
static void
track_call_run(TrackCall *call, TriggerData *td, TrackStmtCache *sc)
{
	track_depth++;
	PG_TRY();
	{
		state_store_open_with(&call->ss, sc->found, sc->newrow, sc->empty_array);
		if (TRIGGER_FIRED_FOR_ROW(td->tg_event))
			track_row(call, td);
		else
			track_statement(call, td);
		state_store_close_keeping_slots(&call->ss);
		if (call->spi)
			SPI_finish();
	}
	PG_FINALLY();
	{
		track_depth--;
	}
	PG_END_TRY();
}

PG_FUNCTION_INFO_V1(bounce_track);

/*
 * bounce.track(): AFTER INSERT trigger on the sender's events table, FOR
 * EACH ROW or FOR EACH STATEMENT REFERENCING NEW TABLE; keeps
 * bounce.address_state.
 */
Datum
bounce_track(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TrackCall	call;
	TrackStmtCache *sc;
	MemoryContext old;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function bounce.track() was not called by the trigger manager"),
				 errhint("Attach it to an events table: CREATE TRIGGER ... AFTER INSERT ON events ... EXECUTE FUNCTION bounce.track('address=...', 'event=...', 'time=...').")));
	if (!TRIGGER_FIRED_AFTER(td->tg_event) || !TRIGGER_FIRED_BY_INSERT(td->tg_event))
		protocol_error(td->tg_trigger->tgname,
					   quote_qualified_identifier(get_namespace_name(RelationGetNamespace(td->tg_relation)),
												  RelationGetRelationName(td->tg_relation)),
					   "must fire AFTER INSERT",
					   "bounce.track() reads rows once they are inserted: CREATE TRIGGER ... AFTER INSERT.");

	memset(&call, 0, sizeof(call));
	call.map = track_map_get(td->tg_trigger, td->tg_relation);

	/* the inserted rows, and our own writes of earlier rows, become visible */
	CommandCounterIncrement();

	/*
	 * What every call of this trigger in this statement can share: memory
	 * and slots, kept with the trigger's FmgrInfo (which lives as long as
	 * the statement).
	 */
	sc = (TrackStmtCache *) fcinfo->flinfo->fn_extra;
	if (sc == NULL)
	{
		MemoryContext fcxt = fcinfo->flinfo->fn_mcxt;
		MemoryContext prev;

		sc = MemoryContextAllocZero(fcxt, sizeof(TrackStmtCache));
		sc->cxt = AllocSetContextCreate(fcxt, "bounce track", ALLOCSET_DEFAULT_SIZES);
		sc->addr_cxt = AllocSetContextCreate(fcxt, "bounce track address",
											 ALLOCSET_DEFAULT_SIZES);
		prev = MemoryContextSwitchTo(fcxt);
		state_store_make_slots(&sc->found, &sc->newrow, &sc->empty_array);
		MemoryContextSwitchTo(prev);
		fcinfo->flinfo->fn_extra = sc;
	}

	old = MemoryContextSwitchTo(sc->cxt);
	call.call_cxt = sc->cxt;
	call.addr_cxt = sc->addr_cxt;
	track_call_run(&call, td, sc);
	MemoryContextSwitchTo(old);
	MemoryContextReset(sc->addr_cxt);
	MemoryContextReset(sc->cxt);

	return PointerGetDatum(NULL);
}

/* ----------------------------------------------------------------
 * The whole table, for bounce.rebuild()
 * ---------------------------------------------------------------- */

struct TrackScan
{
	TrackMap   *map;
	Portal		portal;
	SPITupleTable *tt;			/* the current fetch */
	uint64		pos;
	bool		done;
	/* rows of the current address, read so far */
	char	   *pending_address;	/* the address key of the group */
	MemoryContext group_cxt;
	Arena		arena;
	TrackEvent *events;
	int			n;
	int			cap;
};

/* Start reading the whole events table (SPI connected, as the caller). */
TrackScan *
track_scan_begin(TrackMap *map)
{
	TrackScan  *scan = palloc0(sizeof(TrackScan));
	SPIPlanPtr	plan;

	scan->map = map;
	plan = SPI_prepare(map->scan_sql, 0, NULL);
	if (plan == NULL)
		elog(ERROR, "could not prepare \"%s\": %s", map->scan_sql,
			 SPI_result_code_string(SPI_result));
	scan->portal = SPI_cursor_open(NULL, plan, NULL, NULL, true);
	scan->group_cxt = AllocSetContextCreate(CurrentMemoryContext, "bounce rebuild address",
											ALLOCSET_DEFAULT_SIZES);
	arena_init(&scan->arena, scan->group_cxt);
	scan->cap = 64;
	scan->events = MemoryContextAlloc(scan->group_cxt, sizeof(TrackEvent) * scan->cap);
	return scan;
}

/*
 * The events of the next address (every tenant's, in no order); false at
 * the end.  Addresses come in bytewise order of their keys.  The events
 * stay valid until the next call.
 */
bool
track_scan_next_address(TrackScan *scan, TrackEvent **events, int *nevents,
						MemoryContext cxt)
{
	TrackMap   *map = scan->map;

	/* forget the address handed out last */
	scan->n = 0;
	scan->pending_address = NULL;
	MemoryContextReset(scan->group_cxt);
	arena_init(&scan->arena, scan->group_cxt);
	scan->cap = 64;
	scan->events = MemoryContextAlloc(scan->group_cxt, sizeof(TrackEvent) * scan->cap);

	/* read rows until the address changes */
	for (;;)
	{
		TrackEvent	te;
		MemoryContext old;
		bool		ok;

		if (scan->tt == NULL || scan->pos >= scan->tt->numvals)
		{
			if (scan->tt != NULL)
			{
				SPI_freetuptable(scan->tt);
				scan->tt = NULL;
			}
			if (scan->done)
				break;
			SPI_cursor_fetch(scan->portal, true, 10000);
			scan->tt = SPI_tuptable;
			scan->pos = 0;
			if (SPI_processed == 0)
			{
				scan->done = true;
				SPI_freetuptable(scan->tt);
				scan->tt = NULL;
				break;
			}
		}

		old = MemoryContextSwitchTo(scan->group_cxt);
		ok = read_query_row(map, scan->tt->vals[scan->pos], scan->tt->tupdesc,
							&scan->arena, &te);
		MemoryContextSwitchTo(old);
		if (!ok)
		{
			scan->pos++;
			continue;
		}
		if (scan->pending_address != NULL &&
			strcmp(te.address, scan->pending_address) != 0)
			break;				/* this row starts the next address */
		scan->pos++;
		if (scan->n >= scan->cap)
		{
			scan->cap *= 2;
			scan->events = repalloc_huge(scan->events, sizeof(TrackEvent) * scan->cap);
		}
		te.seq = scan->n;
		scan->events[scan->n++] = te;
		scan->pending_address = (char *) te.address;
	}
	*events = scan->events;
	*nevents = scan->n;
	return scan->n > 0;
}

/* Stop reading. */
void
track_scan_end(TrackScan *scan)
{
	if (scan->tt != NULL)
		SPI_freetuptable(scan->tt);
	SPI_cursor_close(scan->portal);
	MemoryContextDelete(scan->group_cxt);
	pfree(scan);
}

/*
 * The OID of bounce.track(), looked up in the catalog directly: the role
 * whose insert fires a trigger may have no USAGE on schema bounce.
 */
Oid
track_function_oid(void)
{
	Oid			nsp = get_namespace_oid(BOUNCE_SCHEMA, false);
	Oid			fn;

	fn = GetSysCacheOid3(PROCNAMEARGSNSP, Anum_pg_proc_oid, CStringGetDatum("track"),
						 PointerGetDatum(buildoidvector(NULL, 0)),
						 ObjectIdGetDatum(nsp));
	if (!OidIsValid(fn))
		elog(ERROR, "function %s.track() does not exist", BOUNCE_SCHEMA);
	return fn;
}

/* The description of a column of a map. */
static void
describe_col(StringInfo buf, TrackMap *m, int k)
{
	TrackCol   *c = &m->cols[k];

	appendStringInfo(buf, "\n  %s = %s (%s)", key_names[k], quote_identifier(c->colname),
					 format_type_be(c->typid));
}

/* The OID of bounce.track_purge(), or InvalidOid (1.0). */
static Oid
purge_function_oid(void)
{
	Oid			nsp = get_namespace_oid(BOUNCE_SCHEMA, false);

	return GetSysCacheOid3(PROCNAMEARGSNSP, Anum_pg_proc_oid, CStringGetDatum("track_purge"),
						   PointerGetDatum(buildoidvector(NULL, 0)),
						   ObjectIdGetDatum(nsp));
}

/* Whether purged events of the table are archived, and by what. */
static void
describe_purge(StringInfo buf, Relation rel)
{
	Oid			fn = purge_function_oid();
	bool		del = false,
				trunc = false;

	if (rel->trigdesc != NULL && OidIsValid(fn))
		for (int i = 0; i < rel->trigdesc->numtriggers; i++)
		{
			Trigger    *t = &rel->trigdesc->triggers[i];

			if (t->tgfoid != fn || t->tgenabled == TRIGGER_DISABLED)
				continue;
			if (TRIGGER_FOR_DELETE(t->tgtype))
				del = true;
			if (TRIGGER_FOR_TRUNCATE(t->tgtype))
				trunc = true;
		}
	if (del && trunc)
		appendStringInfoString(buf, "\n  purge: rows deleted or truncated are archived (bounce.event_archive)");
	else
		appendStringInfo(buf, "\n  purge: %s NOT archived: the state of their addresses would change at their next replay (attach bounce.track_purge() with bounce.track_events())",
						 del ? "truncated rows" : trunc ? "deleted rows" : "deleted and truncated rows");
}

/*
 * For a partitioned table tracked by a statement trigger: is every
 * partition tracked too?  (A row trigger PostgreSQL clones itself.)
 */
static void
describe_partitions(StringInfo buf, Relation rel, Trigger *t)
{
	List	   *parts = find_all_inheritors(RelationGetRelid(rel), AccessShareLock, NULL);
	ListCell   *lc;
	int			n = 0;
	StringInfoData missing;

	initStringInfo(&missing);
	foreach(lc, parts)
	{
		Oid			part = lfirst_oid(lc);
		Relation	p;
		bool		has = false;

		if (part == RelationGetRelid(rel))
			continue;
		n++;
		p = table_open(part, AccessShareLock);
		if (p->trigdesc != NULL)
			for (int i = 0; i < p->trigdesc->numtriggers && !has; i++)
				has = p->trigdesc->triggers[i].tgfoid == t->tgfoid &&
					strcmp(p->trigdesc->triggers[i].tgname, t->tgname) == 0 &&
					p->trigdesc->triggers[i].tgenabled != TRIGGER_DISABLED;
		if (!has)
			appendStringInfo(&missing, "%s%s", missing.len > 0 ? ", " : "",
							 quote_qualified_identifier(get_namespace_name(RelationGetNamespace(p)),
														RelationGetRelationName(p)));
		table_close(p, AccessShareLock);
	}
	if (missing.len == 0)
		appendStringInfo(buf, "\n  partitions: %d, each tracked (rows written straight into a partition count; new partitions get the triggers)", n);
	else
		appendStringInfo(buf, "\n  partitions NOT tracked: %s (rows written straight into them are missed: SELECT bounce.track_partitions('%s'))",
						 missing.data, quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
																 RelationGetRelationName(rel)));
}

PG_FUNCTION_INFO_V1(bounce_track_check);

/*
 * bounce.track_check(events regclass): check the bounce.track() triggers of
 * a table as their first insert would, and describe them.
 */
Datum
bounce_track_check(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	Relation	rel;
	Oid			fn = track_function_oid();
	StringInfoData buf;
	int			found = 0;
	AclResult	aclresult;

	/* It describes the table's columns: ask what reading the table asks. */
	aclresult = pg_class_aclcheck(relid, GetUserId(), ACL_SELECT);
	if (aclresult != ACLCHECK_OK)
		aclcheck_error(aclresult, get_relkind_objtype(get_rel_relkind(relid)),
					   get_rel_name(relid));

	rel = table_open(relid, AccessShareLock);
	initStringInfo(&buf);
	if (rel->trigdesc != NULL)
	{
		for (int i = 0; i < rel->trigdesc->numtriggers; i++)
		{
			Trigger    *t = &rel->trigdesc->triggers[i];
			TrackMap   *m;

			if (t->tgfoid != fn)
				continue;
			m = track_map_get(t, rel);
			if (found++ > 0)
				appendStringInfoChar(&buf, '\n');
			appendStringInfo(&buf, "trigger %s on %s, for each %s%s",
							 quote_identifier(m->tgname), m->relname,
							 m->for_row ? "row" : "statement",
							 m->unknown_ignore ? ", unknown events ignored" : "");
			for (int k = 0; k < TK_COUNT; k++)
				if (m->cols[k].how != HOW_NONE)
					describe_col(&buf, m, k);
			appendStringInfo(&buf, "\n  replay: %s", m->replay_sql[0]);
			if (m->replay_sql[1] != m->replay_sql[0])
				appendStringInfo(&buf, "\n  replay (no tenant): %s", m->replay_sql[1]);
			describe_purge(&buf, rel);
			if (rel->rd_rel->relkind == RELKIND_PARTITIONED_TABLE)
				describe_partitions(&buf, rel, t);
		}
	}
	table_close(rel, AccessShareLock);
	if (found == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("relation %s has no bounce.track() trigger", get_rel_name(relid)),
				 errhint("Attach one with bounce.track_events().")));
	PG_RETURN_TEXT_P(cstring_to_text(buf.data));
}

/* ----------------------------------------------------------------
 * The archive of purged events: bounce.track_purge()
 * ---------------------------------------------------------------- */

/* Events waiting to be archived, as the SQL arrays' elements. */
typedef struct ArchiveBatch
{
	ArrayBuildState *a[7];
	int			n;
	MemoryContext cxt;
} ArchiveBatch;

#define ARCHIVE_BATCH 10000

static const Oid archive_elem_types[7] = {
	TEXTOID, TEXTOID, TEXTOID, TIMESTAMPTZOID, TEXTOID, TEXTOID, TEXTOID
};

static void
archive_batch_reset(ArchiveBatch *b)
{
	MemoryContextReset(b->cxt);
	for (int i = 0; i < 7; i++)
		b->a[i] = initArrayResult(archive_elem_types[i], b->cxt, false);
	b->n = 0;
}

/* Write the batch into bounce.event_archive, as the extension's owner. */
static void
archive_flush(ArchiveBatch *b)
{
	static SPIPlanPtr plan = NULL;
	Datum		values[7];
	Oid			types[7] = {TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID,
	TIMESTAMPTZARRAYOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID};
	SavedUser	saved;
	int			ret;

	if (b->n == 0)
		return;
	for (int i = 0; i < 7; i++)
		values[i] = makeArrayResult(b->a[i], b->cxt);
	become_extension_owner(&saved);
	if (plan == NULL)
	{
		SPIPlanPtr	p = SPI_prepare("INSERT INTO bounce.event_archive"
									" (tenant, address, event, at, campaign, reason, kind)"
									" SELECT u.t, u.a, u.e::bounce.event_type, u.at, u.c,"
									" u.r::bounce.reason, u.k::bounce.kind"
									" FROM ROWS FROM (pg_catalog.unnest($1), pg_catalog.unnest($2),"
									" pg_catalog.unnest($3), pg_catalog.unnest($4), pg_catalog.unnest($5),"
									" pg_catalog.unnest($6), pg_catalog.unnest($7))"
									" AS u(t, a, e, at, c, r, k)", 7, types);

		if (p == NULL)
			elog(ERROR, "could not prepare the archive insert: %s",
				 SPI_result_code_string(SPI_result));
		SPI_keepplan(p);
		plan = p;
	}
	ret = SPI_execute_plan(plan, values, NULL, false, 0);
	restore_user(&saved);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "could not write %s.event_archive: %s", BOUNCE_SCHEMA,
			 SPI_result_code_string(ret));
	archive_batch_reset(b);
}

/* Add one event to the batch. */
static void
archive_add(ArchiveBatch *b, const TrackEvent *te)
{
	bool		bounce = te->ev.type == BN_EVENT_BOUNCE;

	accumArrayResult(b->a[0], CStringGetTextDatum(te->tenant), false, TEXTOID, b->cxt);
	accumArrayResult(b->a[1], CStringGetTextDatum(te->address), false, TEXTOID, b->cxt);
	accumArrayResult(b->a[2], CStringGetTextDatum(bn_event_type_names[te->ev.type]),
					 false, TEXTOID, b->cxt);
	accumArrayResult(b->a[3], TimestampTzGetDatum(te->ev.at), false, TIMESTAMPTZOID, b->cxt);
	accumArrayResult(b->a[4], te->ev.campaign ?
					 PointerGetDatum(cstring_to_text_with_len(te->ev.campaign, te->ev.campaign_len)) :
					 (Datum) 0, te->ev.campaign == NULL, TEXTOID, b->cxt);
	accumArrayResult(b->a[5], bounce ? CStringGetTextDatum(bn_reason_names[te->ev.reason]) : (Datum) 0,
					 !bounce, TEXTOID, b->cxt);
	accumArrayResult(b->a[6], bounce ? CStringGetTextDatum(bn_kind_names[te->ev.kind]) : (Datum) 0,
					 !bounce, TEXTOID, b->cxt);
	if (++b->n >= ARCHIVE_BATCH)
		archive_flush(b);
}

/* Has the relation, or a partitioned table it belongs to, a bounce.track() trigger? */
static bool
relation_is_tracked(Relation rel)
{
	Oid			fn = track_function_oid();
	List	   *rels = list_make1_oid(RelationGetRelid(rel));
	ListCell   *lc;

	if (rel->rd_rel->relispartition)
		rels = list_concat(rels, get_partition_ancestors(RelationGetRelid(rel)));
	foreach(lc, rels)
	{
		Relation	r = table_open(lfirst_oid(lc), AccessShareLock);
		bool		found = false;

		if (r->trigdesc != NULL)
			for (int i = 0; i < r->trigdesc->numtriggers && !found; i++)
				found = r->trigdesc->triggers[i].tgfoid == fn;
		table_close(r, AccessShareLock);
		if (found)
			return true;
	}
	return false;
}

PG_FUNCTION_INFO_V1(bounce_track_purge);

/*
 * bounce.track_purge(): the events a retention purge deletes from a tracked
 * table go to bounce.event_archive, so that they still count in every
 * replay (SPEC 2, rule 11).  AFTER DELETE FOR EACH STATEMENT REFERENCING
 * OLD TABLE, or BEFORE TRUNCATE FOR EACH STATEMENT; the arguments are the
 * table's bounce.track() arguments.  Only what the state machine reads is
 * kept: tenant, address key, event, time, campaign, and a bounce's reason
 * and kind as classified now.
 */
Datum
bounce_track_purge(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TrackMap   *map;
	ArchiveBatch batch;
	Arena		arena;
	MemoryContext cxt,
				old;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function bounce.track_purge() was not called by the trigger manager"),
				 errhint("bounce.track_events() attaches it to an events table.")));
	map = map_get(td->tg_trigger, td->tg_relation, TP_PURGE, false);

	/*
	 * Only a tracked table's events are archived: whoever may attach this
	 * trigger adds nothing to what attaching bounce.track() allows.
	 */
	if (!relation_is_tracked(td->tg_relation))
		protocol_error(map->tgname, map->relname,
					   "archives events of a table that bounce.track() does not track",
					   "Attach both with bounce.track_events().");

	/* a partitioned table's truncate fires its partitions' triggers too */
	if (TRIGGER_FIRED_BY_TRUNCATE(td->tg_event) &&
		td->tg_relation->rd_rel->relkind == RELKIND_PARTITIONED_TABLE)
		return PointerGetDatum(NULL);

	cxt = AllocSetContextCreate(CurrentMemoryContext, "bounce purge",
								ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	batch.cxt = AllocSetContextCreate(cxt, "bounce archive batch", ALLOCSET_DEFAULT_SIZES);
	archive_batch_reset(&batch);
	arena_init(&arena, AllocSetContextCreate(cxt, "bounce purge rows", ALLOCSET_DEFAULT_SIZES));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	track_depth++;
	PG_TRY();
	{
		if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
		{
			TupleTableSlot *slot;

			if (td->tg_oldtable == NULL)
				protocol_error(map->tgname, map->relname,
							   "fires without an old transition table",
							   "Add REFERENCING OLD TABLE AS old_events.");
			slot = MakeSingleTupleTableSlot(RelationGetDescr(td->tg_relation),
											&TTSOpsMinimalTuple);
			tuplestore_rescan(td->tg_oldtable);
			while (tuplestore_gettupleslot(td->tg_oldtable, true, false, slot))
			{
				Datum		v[TK_COUNT];
				bool		isnull[TK_COUNT];
				TrackEvent	te;

				slot_values(map, slot, v, isnull);
				if (read_event(map, map->cols, v, isnull, false, &arena, NULL, NULL, 0, &te))
					archive_add(&batch, &te);
				if (batch.n == 0)
				{
					MemoryContextReset(arena.cxt);
					arena_init(&arena, arena.cxt);
				}
			}
			ExecDropSingleTupleTableSlot(slot);
		}
		else
		{
			/* TRUNCATE: every row of this very table, read as its owner */
			Relation	rel = td->tg_relation;
			char	   *sql = psprintf("%sONLY %s", map->head_sql,
									   quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
																  RelationGetRelationName(rel)));
			SPIPlanPtr	plan;
			Portal		portal;
			SavedUser	saved;

			become_user(rel->rd_rel->relowner, &saved);
			plan = SPI_prepare(sql, 0, NULL);
			if (plan == NULL)
				elog(ERROR, "could not prepare \"%s\": %s", sql,
					 SPI_result_code_string(SPI_result));
			portal = SPI_cursor_open(NULL, plan, NULL, NULL, true);
			for (;;)
			{
				SPI_cursor_fetch(portal, true, 10000);
				if (SPI_processed == 0)
					break;
				for (uint64 i = 0; i < SPI_processed; i++)
				{
					TrackEvent	te;

					if (read_query_row(map, SPI_tuptable->vals[i], SPI_tuptable->tupdesc,
									   &arena, &te))
						archive_add(&batch, &te);
				}
				SPI_freetuptable(SPI_tuptable);
				if (batch.n == 0)
				{
					MemoryContextReset(arena.cxt);
					arena_init(&arena, arena.cxt);
				}
			}
			SPI_cursor_close(portal);
			restore_user(&saved);
		}
		archive_flush(&batch);
	}
	PG_FINALLY();
	{
		track_depth--;
	}
	PG_END_TRY();
	SPI_finish();
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
	return PointerGetDatum(NULL);
}
