/*
 * enums.c
 *		OIDs of the values of the enums bounce.kind and bounce.reason.
 *
 * The core speaks in BnKind and BnReason, SQL in enum value OIDs.  The
 * OIDs are looked up once per session (two type lookups and one syscache
 * probe per label) and kept in static arrays, so the conversion on the hot
 * path is an array index one way and a binary search over 36 entries the
 * other.  A syscache callback on pg_type and pg_enum forgets them, so that
 * DROP EXTENSION followed by CREATE EXTENSION in the same session works.
 *
 * bounce_enum_label_oid() is the one lookup of an enum label by type name
 * for the other glue files; they keep their own caches of what it returns.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "utils/inval.h"
#include "utils/syscache.h"

#include "bounce.h"

/* A value OID and the index of its label in the core's name table. */
typedef struct EnumEntry
{
	Oid			value;
	int			index;
} EnumEntry;

/* One SQL enum mirrored from a core name table. */
typedef struct EnumCache
{
	const char *typname;		/* name in schema bounce */
	const char *const *labels;	/* the core's names, in enum order */
	int			count;
	Oid			typoid;
	uint32		typhash;		/* TYPEOID syscache hash of typoid */
	Oid		   *oids;			/* by index */
	EnumEntry  *sorted;			/* by value, for the reverse lookup */
} EnumCache;

static Oid	kind_oids[BN_KIND_COUNT];
static EnumEntry kind_sorted[BN_KIND_COUNT];
static Oid	reason_oids[BN_REASON_COUNT];
static EnumEntry reason_sorted[BN_REASON_COUNT];

static EnumCache kind_cache = {
	"kind", bn_kind_names, BN_KIND_COUNT, InvalidOid, 0,
	kind_oids, kind_sorted
};
static EnumCache reason_cache = {
	"reason", bn_reason_names, BN_REASON_COUNT, InvalidOid, 0,
	reason_oids, reason_sorted
};

/* Both caches are valid; cleared by the syscache callback. */
static bool enums_valid = false;
static bool callbacks_registered = false;

/* Forget the OIDs when bounce's enum types or any enum label change. */
static void
enums_invalidate(Datum arg, int cacheid, uint32 hashvalue)
{
	if (cacheid == TYPEOID && hashvalue != 0 &&
		hashvalue != kind_cache.typhash && hashvalue != reason_cache.typhash)
		return;
	enums_valid = false;
}

/* qsort comparator for EnumEntry by value. */
static int
entry_cmp(const void *a, const void *b)
{
	Oid			x = ((const EnumEntry *) a)->value;
	Oid			y = ((const EnumEntry *) b)->value;

	return (x > y) - (x < y);
}

/* The OID of an enum type in schema bounce, or an error. */
static Oid
enum_type_oid(const char *typname)
{
	Oid			nspid = get_namespace_oid(BOUNCE_SCHEMA, false);
	Oid			typoid;

	typoid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
							 CStringGetDatum(typname),
							 ObjectIdGetDatum(nspid));
	if (!OidIsValid(typoid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("type %s.%s does not exist",
						BOUNCE_SCHEMA, typname),
				 errhint("Reinstall the extension with DROP EXTENSION bounce and CREATE EXTENSION bounce.")));
	return typoid;
}

/* The OID of a label of the enum type typoid, named typname; or an error. */
static Oid
enum_value_oid(Oid typoid, const char *typname, const char *label)
{
	Oid			value;

	value = GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
							ObjectIdGetDatum(typoid),
							CStringGetDatum(label));
	if (!OidIsValid(value))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("type %s.%s has no value \"%s\"",
						BOUNCE_SCHEMA, typname, label),
				 errdetail("The shared library expects the values of a newer version of the extension."),
				 errhint("Update the extension with ALTER EXTENSION bounce UPDATE.")));
	return value;
}

/* The OID of a label of an enum type in schema bounce; see bounce.h. */
Oid
bounce_enum_label_oid(const char *typname, const char *label)
{
	return enum_value_oid(enum_type_oid(typname), typname, label);
}

/* Look up one enum type and all of its labels. */
static void
enum_load(EnumCache *cache)
{
	Oid			typoid = enum_type_oid(cache->typname);

	for (int i = 0; i < cache->count; i++)
	{
		Oid			value = enum_value_oid(typoid, cache->typname,
										   cache->labels[i]);

		cache->oids[i] = value;
		cache->sorted[i].value = value;
		cache->sorted[i].index = i;
	}
	qsort(cache->sorted, cache->count, sizeof(EnumEntry), entry_cmp);

	cache->typoid = typoid;
	cache->typhash = GetSysCacheHashValue1(TYPEOID, ObjectIdGetDatum(typoid));
}

/* Fill both caches; called when enums_valid is false. */
static void
enums_load(void)
{
	if (!callbacks_registered)
	{
		CacheRegisterSyscacheCallback(TYPEOID, enums_invalidate, (Datum) 0);
		CacheRegisterSyscacheCallback(ENUMOID, enums_invalidate, (Datum) 0);
		callbacks_registered = true;
	}

	/*
	 * Mark valid first: a callback that fires during the lookups clears the
	 * flag again and the next call reloads.  An error leaves it cleared.
	 */
	enums_valid = true;
	PG_TRY();
	{
		enum_load(&kind_cache);
		enum_load(&reason_cache);
	}
	PG_CATCH();
	{
		enums_valid = false;
		PG_RE_THROW();
	}
	PG_END_TRY();
}

/* Index of an enum value OID, or -1. */
static int
enum_index(const EnumCache *cache, Oid value)
{
	int			lo = 0;
	int			hi = cache->count - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		Oid			v = cache->sorted[mid].value;

		if (v == value)
			return cache->sorted[mid].index;
		if (v < value)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* The OID of a bounce.kind value. */
Oid
bounce_kind_oid(BnKind kind)
{
	if (unlikely(!enums_valid))
		enums_load();
	Assert((unsigned int) kind < BN_KIND_COUNT);
	return kind_oids[kind];
}

/* The OID of a bounce.reason value. */
Oid
bounce_reason_oid(BnReason reason)
{
	if (unlikely(!enums_valid))
		enums_load();
	Assert((unsigned int) reason < BN_REASON_COUNT);
	return reason_oids[reason];
}

/*
 * A value of bounce.kind or bounce.reason the library does not know: one
 * added with ALTER TYPE ... ADD VALUE.  The user can cause it, so it gets
 * a proper SQLSTATE and the label rather than an OID.
 */
static void report_unknown_value(const EnumCache *cache, Oid value) pg_attribute_noreturn();

static void
report_unknown_value(const EnumCache *cache, Oid value)
{
	HeapTuple	tup = SearchSysCache1(ENUMOID, ObjectIdGetDatum(value));
	char	   *label = NULL;

	if (HeapTupleIsValid(tup))
	{
		label = pstrdup(NameStr(((Form_pg_enum) GETSTRUCT(tup))->enumlabel));
		ReleaseSysCache(tup);
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 label != NULL ?
			 errmsg("value \"%s\" of type %s.%s is not known to the bounce library",
					label, BOUNCE_SCHEMA, cache->typname) :
			 errmsg("enum value %u is not a value of type %s.%s",
					value, BOUNCE_SCHEMA, cache->typname),
			 errdetail("Only the values the extension defines have a meaning; values added with ALTER TYPE ... ADD VALUE have none."),
			 errhint("Use one of the values the extension defines.")));
}

/* The BnKind of a bounce.kind value OID; false when it is not one we know. */
bool
bounce_kind_lookup(Oid value, BnKind *kind)
{
	int			i;

	if (unlikely(!enums_valid))
		enums_load();
	i = enum_index(&kind_cache, value);
	if (i < 0)
		return false;
	*kind = (BnKind) i;
	return true;
}

/* The BnReason of a bounce.reason value OID; false when not one we know. */
bool
bounce_reason_lookup(Oid value, BnReason *reason)
{
	int			i;

	if (unlikely(!enums_valid))
		enums_load();
	i = enum_index(&reason_cache, value);
	if (i < 0)
		return false;
	*reason = (BnReason) i;
	return true;
}

/* The BnKind of a bounce.kind value OID. */
BnKind
bounce_kind_from_oid(Oid value)
{
	BnKind		kind;

	if (!bounce_kind_lookup(value, &kind))
		report_unknown_value(&kind_cache, value);
	return kind;
}

/* The BnReason of a bounce.reason value OID. */
BnReason
bounce_reason_from_oid(Oid value)
{
	BnReason	reason;

	if (!bounce_reason_lookup(value, &reason))
		report_unknown_value(&reason_cache, value);
	return reason;
}
