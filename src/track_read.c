/*
 * track_read.c
 *		A row of the sender's table (a trigger's new or old row, a replay's
 *		or a rebuild's query row) as an event: the address key, the tenant
 *		and campaign keys, the event type, the time, and for a bounce its
 *		reason and kind (given, or classified with the sender's rules).
 *		And the scan of a whole source, an address at a time, for rebuild().
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
#include "track_map.h"


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
char *
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
					   m->cols[key].colname, m->relname, m->tgname, track_key_names[key]),
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
					track_key_names[key], (long long) len, limit),
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
 * One row's event.  v and isnull are indexed by key; rowpos is the row's
 * position in the statement, for errors (0: unknown).  False when the row is no event: no address or event, or (not strict)
 * a value that a strict read rejects.
 */
bool
track_read_event(TrackMap *m, const TrackCol *cols, Datum *v, bool *isnull,
				 bool strict, Arena *a, int64 rowpos, TrackEvent *out)
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
	if (cols[TK_TENANT].how == HOW_NONE || isnull[TK_TENANT])
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
void
track_slot_values(TrackMap *m, TupleTableSlot *slot, Datum *v, bool *isnull)
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
 * The whole table, for bounce.rebuild()
 * ---------------------------------------------------------------- */

struct TrackScan
{
	TrackMap   *map;
	Portal		portal;
	Oid			as_user;		/* the rows are read as this role, or as the caller */
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

static TrackScan *scan_open(TrackMap *map, const char *sql, bool read_only);

/* Start reading the whole events table (SPI connected, as the caller). */
TrackScan *
track_scan_begin(TrackMap *map)
{
	return scan_open(map, map->scan_sql, true);
}

/*
 * Open and fetch as the events table's owner, in the restricted context
 * become_user() gives, as the replay of one address reads: the caller was
 * checked for SELECT, and the table's owner, not the caller, then runs
 * whatever the table holds (row security policies, functions in them).
 */
static void
scan_become(TrackScan *scan, SavedUser *saved)
{
	if (OidIsValid(scan->as_user))
		become_user(scan->as_user, saved);
}

static void
scan_restore(TrackScan *scan, const SavedUser *saved)
{
	if (OidIsValid(scan->as_user))
		restore_user(saved);
}

/*
 * Start reading the rows of a query (which may change data) with the map's
 * head (map->head_sql), ordered by the address key (map->scan_order).
 */
TrackScan *
track_scan_begin_sql(TrackMap *map, const char *sql)
{
	return scan_open(map, sql, false);
}

static TrackScan *
scan_open(TrackMap *map, const char *sql, bool read_only)
{
	TrackScan  *scan = palloc0(sizeof(TrackScan));
	SPIPlanPtr	plan;
	SavedUser	saved;

	scan->map = map;
	/* a whole table for rebuild() (not the archive, read as the extension) */
	scan->as_user = read_only && !map->archive ? map->query_owner : InvalidOid;
	scan_become(scan, &saved);
	plan = SPI_prepare(sql, 0, NULL);
	if (plan == NULL)
		elog(ERROR, "could not prepare \"%s\": %s", sql,
			 SPI_result_code_string(SPI_result));
	scan->portal = SPI_cursor_open(NULL, plan, NULL, NULL, read_only);
	scan_restore(scan, &saved);
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
			{
				SavedUser	saved;

				scan_become(scan, &saved);
				SPI_cursor_fetch(scan->portal, true, 10000);
				scan_restore(scan, &saved);
			}
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
		ok = track_read_query_row(map, scan->tt->vals[scan->pos], scan->tt->tupdesc,
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


/* See track.h. */
int
track_event_ptr_cmp(const void *pa, const void *pb)
{
	const TrackEvent *a = *(const TrackEvent *const *) pa;
	const TrackEvent *b = *(const TrackEvent *const *) pb;
	int			c = strcmp(a->tenant, b->tenant);

	if (c != 0)
		return c;
	return bn_event_cmp(&a->ev, &b->ev);
}

/* See track_map.h. */
TupleTableSlot *
track_transition_slot(TrackMap *map, TriggerData *td)
{
	TupleTableSlot *slot;

	if (td->tg_newtable == NULL)
		track_protocol_error(map->tgname, map->relname,
							 "fires FOR EACH STATEMENT without a transition table",
							 "Add REFERENCING NEW TABLE AS new_events, or use FOR EACH ROW.");
	slot = MakeSingleTupleTableSlot(RelationGetDescr(td->tg_relation),
									&TTSOpsMinimalTuple);
	tuplestore_rescan(td->tg_newtable);
	return slot;
}

/* Read a query row (address, tenant, select list) as an event. */
bool
track_read_query_row(TrackMap *map, HeapTuple tup, TupleDesc desc, Arena *arena,
			   TrackEvent *te)
{
	Datum		v[TK_COUNT];
	bool		isnull[TK_COUNT];

	replay_values(map, tup, desc, 2, v, isnull);
	v[TK_ADDRESS] = heap_getattr(tup, 1, desc, &isnull[TK_ADDRESS]);
	v[TK_TENANT] = heap_getattr(tup, 2, desc, &isnull[TK_TENANT]);
	return track_read_event(map, map->cols, v, isnull, false, arena, 0, te);
}

