/*
 * bounce.h
 *		What the PostgreSQL glue files share with each other.
 *
 * The domain lives in src/core (plain C); these are the few services one
 * glue file offers another.
 */
#ifndef BOUNCE_H
#define BOUNCE_H

#include "postgres.h"

#include "pg_compat.h"

#include "core/classify.h"
#include "core/provider.h"
#include "core/reason.h"
#include "core/status.h"

/* The schema named in bounce.control; every object lives there. */
#define BOUNCE_SCHEMA "bounce"

/*
 * enums.c: OIDs of the values of bounce.kind and bounce.reason, looked up
 * once per session and forgotten when the catalogs change.
 */
extern Oid	bounce_kind_oid(BnKind kind);
extern Oid	bounce_reason_oid(BnReason reason);
extern BnKind bounce_kind_from_oid(Oid value);
extern BnReason bounce_reason_from_oid(Oid value);
/* The same without raising an error: false for a value we do not know. */
extern bool bounce_kind_lookup(Oid value, BnKind *kind);
extern bool bounce_reason_lookup(Oid value, BnReason *reason);
/*
 * The OID of a label of any enum type in schema bounce, looked up now (no
 * cache); an error names the missing type or label.
 */
extern Oid	bounce_enum_label_oid(const char *typname, const char *label);

/*
 * rules.c: the sender's own classification rules (bounce.rule) and reason
 * to kind map (bounce.reason_kind), consulted before the built-in ones.
 * Cached per backend (rules_cache.c); a committed change reaches every
 * session's next call.
 * tenant may be NULL: then only rules for all tenants apply.
 */
extern void bounce_classify_with_rules(const BnInput *in, const char *tenant,
									   BnVerdict *out);
extern BnKind bounce_map_kind(BnReason reason, BnKind default_kind,
							  const char *tenant);

/*
 * The same, also telling which sender rule fired (0 for the built-in
 * classifier) and where the kind came from; for bounce.explain().
 */
extern void bounce_classify_explained(const BnInput *in, const char *tenant,
									  BnVerdict *out, int64 *rule_id,
									  const char **kind_source);

#endif							/* BOUNCE_H */
