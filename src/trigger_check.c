/*
 * trigger_check.c
 *		The attach check of the extension's trigger functions; see
 *		trigger_check.h.
 */
#include "postgres.h"

#include "access/tupdesc.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"

#include "bounce.h"
#include "trigger_check.h"

/* The event of a firing, as a TC_ bit, and its SQL word. */
static int
fired_event(TriggerEvent ev, const char **word)
{
	if (TRIGGER_FIRED_BY_INSERT(ev))
	{
		*word = "INSERT";
		return TC_INSERT;
	}
	if (TRIGGER_FIRED_BY_UPDATE(ev))
	{
		*word = "UPDATE";
		return TC_UPDATE;
	}
	if (TRIGGER_FIRED_BY_DELETE(ev))
	{
		*word = "DELETE";
		return TC_DELETE;
	}
	*word = "TRUNCATE";
	return TC_TRUNCATE;
}

/* The name of a relation, for messages: qualified unless temporary. */
static char *
rel_name(Relation rel)
{
	if (rel->rd_rel->relpersistence == RELPERSISTENCE_TEMP)
		return pstrdup(quote_identifier(RelationGetRelationName(rel)));
	return quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
									  RelationGetRelationName(rel));
}

/* The OID of a type of schema bounce, or InvalidOid. */
static Oid
bounce_type_oid(Oid nsp, const char *name)
{
	return GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
						   PointerGetDatum(name), ObjectIdGetDatum(nsp));
}

/* The tables a function may be on, as text: "bounce.rule or bounce.policy". */
static char *
tables_text(const char *const *tables)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; tables[i] != NULL; i++)
	{
		if (i > 0)
			appendStringInfoString(&buf, tables[i + 1] != NULL ? ", " : " or ");
		appendStringInfo(&buf, "%s.%s", BOUNCE_SCHEMA, tables[i]);
	}
	return buf.data;
}

TriggerData *
trigger_check(FunctionCallInfo fcinfo, const TriggerSpec *spec, AttrNumber *attnums)
{
	TriggerData *td;
	Relation	rel;
	TriggerEvent ev;
	const char *word;
	int			event;
	int			allowed;
	Oid			nsp = InvalidOid;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function %s() was not called by the trigger manager",
						spec->funcname),
				 errhint("%s", spec->usage)));
	td = (TriggerData *) fcinfo->context;
	rel = td->tg_relation;
	ev = td->tg_event;

	/* the relation first: on a foreign one nothing else is of interest */
	if (spec->tables != NULL || spec->ncolumns > 0)
		nsp = get_namespace_oid(BOUNCE_SCHEMA, false);
	if (spec->tables != NULL)
	{
		bool		ours = false;

		if (RelationGetNamespace(rel) == nsp)
			for (int i = 0; spec->tables[i] != NULL && !ours; i++)
				ours = strcmp(RelationGetRelationName(rel), spec->tables[i]) == 0;
		if (!ours)
			ereport(ERROR,
					(errcode(ERRCODE_WRONG_OBJECT_TYPE),
					 errmsg("trigger \"%s\" on %s executes %s(), which works only on %s",
							td->tg_trigger->tgname, rel_name(rel), spec->funcname,
							tables_text(spec->tables)),
					 errdetail("The function maintains the extension's own tables; attached elsewhere it would read columns it cannot trust."),
					 errhint("%s", spec->usage)));
	}

	event = fired_event(ev, &word);
	allowed = TRIGGER_FIRED_FOR_ROW(ev) ? spec->row_events : spec->statement_events;
	if (TRIGGER_FIRED_INSTEAD(ev) ||
		(TRIGGER_FIRED_BEFORE(ev) && !(spec->timing & TC_BEFORE)) ||
		(TRIGGER_FIRED_AFTER(ev) && !(spec->timing & TC_AFTER)) ||
		!(allowed & event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\" on %s fires %s %s FOR EACH %s, which %s() does not handle",
						td->tg_trigger->tgname, rel_name(rel),
						TRIGGER_FIRED_BEFORE(ev) ? "BEFORE" :
						TRIGGER_FIRED_AFTER(ev) ? "AFTER" : "INSTEAD OF",
						word, TRIGGER_FIRED_FOR_ROW(ev) ? "ROW" : "STATEMENT",
						spec->funcname),
				 errhint("%s", spec->usage)));

	for (int i = 0; i < spec->ncolumns; i++)
	{
		const TriggerColumn *c = &spec->columns[i];
		TupleDesc	desc = RelationGetDescr(rel);
		Oid			want = c->bounce_type ? bounce_type_oid(nsp, c->bounce_type) : c->typid;
		AttrNumber	found = InvalidAttrNumber;

		for (int a = 0; a < desc->natts; a++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, a);

			if (!att->attisdropped && strcmp(NameStr(att->attname), c->name) == 0)
			{
				if (att->atttypid == want && OidIsValid(want))
					found = att->attnum;
				break;
			}
		}
		if (found == InvalidAttrNumber)
			ereport(ERROR,
					(errcode(ERRCODE_WRONG_OBJECT_TYPE),
					 errmsg("relation %s has no column \"%s\" of type %s, which %s() reads",
							rel_name(rel), c->name,
							c->bounce_type ? psprintf("%s.%s", BOUNCE_SCHEMA, c->bounce_type) :
							format_type_be(c->typid),
							spec->funcname),
					 errhint("Update the extension with ALTER EXTENSION bounce UPDATE, or reinstall it.")));
		if (attnums != NULL)
			attnums[i] = found;
	}
	return td;
}
