/*
 * trigmap.c
 *		The column mapping of a bounce.track() or bounce.track_purge()
 *		trigger: its key=column arguments parsed, the columns' types checked
 *		and their readings chosen, the replay and scan queries built; cached
 *		per backend by (trigger, relation) until the relation's relcache
 *		entry is invalidated.  See track.c for the arguments.
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
#include "citus.h"
#include "core/addrkey.h"
#include "guards.h"
#include "track.h"
#include "track_map.h"
#include "trigcache.h"


const char *const track_key_names[TK_COUNT] = {
	"address", "event", "time", "campaign", "tenant", "diagnostic", "status",
	"reply_code", "reason", "kind", "command", "remote"
};

#define KEYS_ACCEPTED "address, event, time (required), campaign, tenant, " \
	"diagnostic, status, reply_code, reason, kind, command, remote, " \
	"unknown_event (error or ignore)"

/* How a column's values are read. */


/* Types of the extension, looked up per map build. */
typedef struct BounceTypes
{
	Oid			smtp_status;
	Oid			reason;
	Oid			kind;
} BounceTypes;



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

/* "OPERATOR(schema.=)" for the equality of a tenant column's type. */
static char *
equality_operator(Oid typid, const char *colname, const char *relname)
{
	char	   *s = bounce_equality_sql(typid);

	if (s == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" of relation %s has type %s, which has no equality operator",
						colname, relname, format_type_be(typid)),
				 errhint("The tenant column must be comparable with =: text, an integer or a uuid, for instance.")));
	return s;
}

/* ----------------------------------------------------------------
 * The mapping
 * ---------------------------------------------------------------- */

/* A trigger misuse error. */
void
track_protocol_error(const char *tgname, const char *relname, const char *msg,
			   const char *hint) pg_attribute_noreturn();

void
track_protocol_error(const char *tgname, const char *relname, const char *msg,
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
			if (bounce_type_is_citext(t))
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
						col->colname, m->relname, format_type_be(col->typid), track_key_names[key]),
				 errdetail("Trigger \"%s\" names it as its %s column.", m->tgname, track_key_names[key]),
				 errhint("The %s column must be %s.", track_key_names[key], want)));

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
	appendStringInfo(&q, "%s, %s%s", addr_col,
					 ten_col ? ten_col : "NULL::pg_catalog.text", sel.data);
	m->select_list = MemoryContextStrdup(m->cxt, q.data);
	m->head_sql = MemoryContextStrdup(m->cxt, psprintf("SELECT %s FROM ", q.data));

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
	m->scan_order = MemoryContextStrdup(m->cxt,
										psprintf(" ORDER BY %s COLLATE \"C\"", addr_key));
	appendStringInfo(&q, "%s%s%s", m->head_sql, qname, m->scan_order);
	m->scan_sql = MemoryContextStrdup(m->cxt, q.data);

	table_close(root, AccessShareLock);
}

/*
 * The columns a shard's rows give its queue (citus_queue.c): each of the
 * queue's, by name.  track_events() made the queue of the events' columns.
 */
static void
map_queue(TrackMap *m, Relation rel, Oid queue)
{
	Relation	qrel = table_open(queue, AccessShareLock);
	TupleDesc	qdesc = RelationGetDescr(qrel);

	m->queue_relid = queue;
	m->queue_natts = qdesc->natts;
	m->queue_from = palloc0(sizeof(AttrNumber) * Max(qdesc->natts, 1));
	for (int i = 0; i < qdesc->natts; i++)
	{
		Form_pg_attribute qatt = TupleDescAttr(qdesc, i);
		AttrNumber	from;

		if (qatt->attisdropped)
			continue;
		from = SPI_fnumber(RelationGetDescr(rel), NameStr(qatt->attname));
		if (from <= 0 ||
			TupleDescAttr(RelationGetDescr(rel), from - 1)->atttypid != qatt->atttypid)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("column \"%s\" of queue %s is no column of %s of the same type",
							NameStr(qatt->attname), RelationGetRelationName(qrel), m->relname),
					 errhint("Drop the queue on the coordinator and run bounce.track_events() again.")));
		m->queue_from[i] = from;
	}
	table_close(qrel, AccessShareLock);
}

/* Build the mapping of a trigger on a relation; errors when misattached. */
/* What a map is built for. */
typedef struct MapArgs
{
	TrackPurpose purpose;
	bool		archive;
} MapArgs;

/*
 * Build the map of a trigger on a relation for the cache (trigcache.h);
 * errors when misattached.
 */
static void *
map_build(Trigger *trigger, Relation rel, MemoryContext parent, void *arg,
		  Oid *query_relid)
{
	TrackPurpose purpose = ((MapArgs *) arg)->purpose;
	bool		archive = ((MapArgs *) arg)->archive;
	MemoryContext cxt,
				old;
	TrackMap   *m;
	TupleDesc	desc = RelationGetDescr(rel);
	BounceTypes bt;
	Oid			queue;

	/*
	 * On a Citus shard the tracking trigger queues the rows next to it
	 * (citus_queue.c); anything else would keep the state, or the archive,
	 * on a worker.
	 */
	queue = purpose == TP_TRACK && !archive ? bounce_citus_queue_placement(rel) : InvalidOid;
	if (!OidIsValid(queue))
		bounce_citus_refuse_shard(rel, purpose == TP_PURGE);
	cxt = AllocSetContextCreate(parent, "bounce track map",
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
				track_protocol_error(m->tgname, m->relname,
							   "must fire AFTER DELETE FOR EACH STATEMENT REFERENCING OLD TABLE, or BEFORE TRUNCATE",
							   "bounce.track_events() attaches bounce.track_purge() as it should be.");
		}
		else
		{
			if (!TRIGGER_FOR_AFTER(trigger->tgtype))
				track_protocol_error(m->tgname, m->relname,
							   "must fire AFTER INSERT, not BEFORE or INSTEAD OF",
							   "bounce.track() reads rows once they are inserted: CREATE TRIGGER ... AFTER INSERT.");
			if (!TRIGGER_FOR_INSERT(trigger->tgtype) ||
				(trigger->tgtype & (TRIGGER_TYPE_UPDATE | TRIGGER_TYPE_DELETE | TRIGGER_TYPE_TRUNCATE)))
				track_protocol_error(m->tgname, m->relname, "must fire on INSERT only",
							   "Events are facts: create the trigger AFTER INSERT; an update of an event is not tracked (run bounce.rebuild() after changing past events).");
			m->for_row = TRIGGER_FOR_ROW(trigger->tgtype);
			if (!m->for_row && trigger->tgnewtable == NULL)
				track_protocol_error(m->tgname, m->relname,
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
				if ((int) strlen(track_key_names[k]) == klen &&
					strncmp(arg, track_key_names[k], klen) == 0)
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
								m->tgname, m->relname, track_key_names[k])));
			m->cols[k].colname = pstrdup(eq + 1);
		}

		for (int k = TK_ADDRESS; k <= TK_TIME; k++)
			if (m->cols[k].colname == NULL)
				ereport(ERROR,
						(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
						 errmsg("trigger \"%s\" on %s does not name its %s column",
								m->tgname, m->relname, track_key_names[k]),
						 errhint("Pass '%s=<column>' among the trigger's arguments; address, event and time are required.",
								 track_key_names[k])));

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
								   m->tgname, track_key_names[k])));
			att = TupleDescAttr(desc, col->attnum - 1);
			col->typid = att->atttypid;
			col->basetype = getBaseType(att->atttypid);
			resolve_type(m, (TrackKey) k, col, &bt);
		}

		build_queries(m, rel);
		if (OidIsValid(queue))
			map_queue(m, rel, queue);
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(old);
		MemoryContextDelete(cxt);
		PG_RE_THROW();
	}
	PG_END_TRY();
	MemoryContextSwitchTo(old);
	*query_relid = m->query_relid;
	return m;
}

/* Free a map's plans and memory (trigcache.h). */
static void
map_free(void *p)
{
	TrackMap   *m = (TrackMap *) p;

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

/* The bounce.track() trigger of a relation; see track.h. */
Trigger *
track_find_trigger(Relation rel)
{
	Oid			fn = track_function_oid();
	Trigger    *found = NULL;

	for (int pass = 0; pass < 2 && found == NULL; pass++)
	{
		if (rel->trigdesc == NULL)
			break;
		for (int i = 0; i < rel->trigdesc->numtriggers; i++)
		{
			Trigger    *t = &rel->trigdesc->triggers[i];

			if (t->tgfoid != fn)
				continue;
			if (pass == 0 && t->tgenabled == TRIGGER_DISABLED)
				continue;
			if (found != NULL)
				ereport(ERROR,
						(errcode(ERRCODE_DUPLICATE_OBJECT),
						 errmsg("relation %s has more than one %sbounce.track() trigger",
								RelationGetRelationName(rel), pass == 0 ? "enabled " : ""),
						 errhint("Keep one trigger per events table.")));
			found = t;
		}
	}
	if (found == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("relation %s has no bounce.track() trigger",
						RelationGetRelationName(rel)),
				 errhint("bounce.rebuild() and bounce.purge_events() read the column mapping from the trigger: attach one with bounce.track_events() first.")));
	return found;
}

/* The checked mapping of a trigger on a relation, for a purpose. */
TrackMap *
track_map_get_for(Trigger *trigger, Relation rel, TrackPurpose purpose, bool archive)
{
	MapArgs		a;

	a.purpose = purpose;
	a.archive = archive;
	return (TrackMap *) trigcache_get(trigger, rel,
									  archive ? TRIGCACHE_TRACK_ARCHIVE :
									  purpose == TP_PURGE ? TRIGCACHE_TRACK_PURGE :
									  TRIGCACHE_TRACK,
									  map_build, map_free, &a);
}

/* The checked mapping of a bounce.track() trigger; see track.h. */
TrackMap *
track_map_get(Trigger *trigger, Relation rel)
{
	return track_map_get_for(trigger, rel, TP_TRACK, false);
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
	trigcache_hold();
}

void
track_release(void)
{
	trigcache_release();
}

/* The qualified name of the events table of a map. */
const char *
track_map_relname(TrackMap *map)
{
	return map->relname;
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

/* The OID of bounce.track_purge(), or InvalidOid (1.0). */
Oid
track_purge_function_oid(void)
{
	Oid			nsp = get_namespace_oid(BOUNCE_SCHEMA, false);

	return GetSysCacheOid3(PROCNAMEARGSNSP, Anum_pg_proc_oid, CStringGetDatum("track_purge"),
						   PointerGetDatum(buildoidvector(NULL, 0)),
						   ObjectIdGetDatum(nsp));
}

