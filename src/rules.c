/*
 * rules.c
 *		The sender's own classification rules and reason -> kind map.
 *
 * The classification consults the cache rules_cache.c keeps of
 * bounce.rule and bounce.reason_kind (rules.h), without SPI or catalog
 * access; when both tables are empty, the whole cost is one test of
 * rule_cache.trivial.
 *
 * Matching.  A rule's pattern is a substring compared case-insensitively
 * for ASCII letters (other bytes compare exactly), where a run of white
 * space matches any run of white space, as in the core's matcher.  It is
 * not a regular expression: the cost per rule is at worst the length of
 * the text times the length of the pattern (at most 1000 bytes, by a
 * CHECK) and linear in practice.  Rules are kept sorted by precedence
 * (priority descending, tenant-specific before global, longer pattern
 * first, lower id first); the first rule that matches wins.  This is meant
 * for tens or hundreds of rules, not for a large automaton.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "bounce.h"
#include "rules.h"
#include "tenancy.h"

/*
 * Does the pattern occur in text?  The pattern is lower case with each run
 * of white space made one space (see rules_cache.c); ASCII letters of the text
 * are compared without case, and a space of the pattern matches any run of
 * white space.  Scans for the first byte, then compares the rest: at worst
 * the length of the text times the length of the pattern.  A pattern that
 * begins with a space is tried only where a run of white space begins
 * (from inside the run it would match the same), or a long run would cost
 * its length squared; a long scan can be cancelled.
 */
static bool
contains_ci(const char *text, size_t len, const char *pat, size_t plen)
{
	char		first = pat[0];
	char		first_up = (first >= 'a' && first <= 'z') ? first - ('a' - 'A') : first;
	const char *end = text + len;

	for (const char *p = text; p < end; p++)
	{
		const char *t;
		size_t		i;

		if (unlikely(((p - text) & 0xFFFF) == 0))
			CHECK_FOR_INTERRUPTS();
		if (first == ' ' ? (!is_space(*p) || (p > text && is_space(p[-1]))) :
			(*p != first && *p != first_up))
			continue;
		t = p;
		for (i = 0; i < plen; i++)
		{
			if (t >= end)
				break;
			if (pat[i] == ' ')
			{
				if (!is_space(*t))
					break;
				while (t < end && is_space(*t))
					t++;
			}
			else if (ascii_lower(*t++) != pat[i])
				break;
		}
		if (i == plen)
			return true;
	}
	return false;
}

/* Does one rule match this input and built-in verdict? */
static bool
rule_matches(const Rule *r, const BnInput *in, const BnVerdict *v,
			 int provider)
{
	if (r->reply_code != 0 && r->reply_code != v->reply_code)
		return false;
	if (r->status_parts > 0)
	{
		if (v->status == BN_STATUS_NONE ||
			bn_status_class(v->status) != r->status_class)
			return false;
		if (r->status_parts > 1 && bn_status_subject(v->status) != r->status_subject)
			return false;
		if (r->status_parts > 2 && bn_status_detail(v->status) != r->status_detail)
			return false;
	}
	if (r->provider >= 0 && r->provider != provider)
		return false;
	if (r->pattern_len > 0)
	{
		if (in->text == NULL)
			return false;
		return contains_ci(in->text, in->text_len, r->pattern, r->pattern_len);
	}
	return true;
}

/* The first index in rule_cache.tenant_rules of a tenant's rules, and their count. */
static int
tenant_rules_of(const char *tenant, int *count)
{
	int			lo = 0;
	int			hi = rule_cache.n_tenant_rules;
	int			end;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (strcmp(rule_cache.tenant_rules[mid].tenant, tenant) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < rule_cache.n_tenant_rules &&
		 strcmp(rule_cache.tenant_rules[end].tenant, tenant) == 0; end++)
		;
	*count = end - lo;
	return lo;
}

/*
 * The sender rule that decides this input, or NULL.  Walks the tenant's
 * rules and the global rules together in precedence order (a tenant rule
 * wins a tie with a global one) and stops at the first match.
 */
static const Rule *
find_rule(const BnInput *in, const char *tenant, const BnVerdict *v)
{
	const Rule *t = NULL;
	int			nt = 0;
	int			gi = 0;
	int			ti = 0;
	int			provider = BN_PROVIDER_UNKNOWN;

	if (rule_cache.n_global_rules == 0 && rule_cache.n_tenant_rules == 0)
		return NULL;
	if (tenant != NULL && rule_cache.n_tenant_rules > 0)
		t = rule_cache.tenant_rules + tenant_rules_of(tenant, &nt);
	if (rule_cache.need_provider && in->remote != NULL)
		provider = bn_provider_of(in->remote, in->remote_len);

	while (gi < rule_cache.n_global_rules || ti < nt)
	{
		const Rule *r;

		if (ti < nt &&
			(gi >= rule_cache.n_global_rules || t[ti].priority >= rule_cache.global_rules[gi].priority))
			r = &t[ti++];
		else
			r = &rule_cache.global_rules[gi++];
		if (rule_matches(r, in, v, provider))
			return r;
	}
	return NULL;
}

/* The kind of a reason after the tenant's map and the global map. */
static BnKind
map_kind(BnReason reason, BnKind kind, const char *tenant,
		 const char **source)
{
	if (tenant != NULL && rule_cache.n_tenant_maps > 0)
	{
		int			lo = 0;
		int			hi = rule_cache.n_tenant_maps - 1;

		while (lo <= hi)
		{
			int			mid = (lo + hi) / 2;
			int			c = strcmp(rule_cache.tenant_maps[mid].tenant, tenant);

			if (c == 0)
			{
				if (rule_cache.tenant_maps[mid].kind[reason] >= 0)
				{
					if (source)
						*source = "tenant map";
					return (BnKind) rule_cache.tenant_maps[mid].kind[reason];
				}
				break;
			}
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid - 1;
		}
	}
	if (rule_cache.global_kind[reason] >= 0)
	{
		if (source)
			*source = "map";
		return (BnKind) rule_cache.global_kind[reason];
	}
	if (source)
		*source = "default";
	return kind;
}

/* bounce_classify_with_rules, also saying which rule and map decided. */
void
bounce_classify_explained(const BnInput *in, const char *tenant,
						  BnVerdict *out, int64 *rule_id,
						  const char **kind_source)
{
	const Rule *rule;

	rules_ensure();

	bn_classify(in, out);
	rule = find_rule(in, tenant, out);
	if (rule != NULL)
	{
		out->reason = rule->reason;
		out->kind = bn_default_kind(in, rule->reason, out->status,
									out->reply_code);
	}
	if (rule_id)
		*rule_id = rule ? rule->id : 0;
	out->kind = map_kind(out->reason, out->kind, tenant, kind_source);
}

/*
 * Classify with the sender's rules first, then the built-in classifier,
 * then map the reason to a kind through bounce.reason_kind.
 */
void
bounce_classify_with_rules(const BnInput *in, const char *tenant,
						   BnVerdict *out)
{
	if (likely(rule_cache.trivial))
	{
		bn_classify(in, out);
		return;
	}
	bounce_classify_explained(in, tenant, out, NULL, NULL);
}

/* The kind of a reason for a tenant (NULL: the global map). */
BnKind
bounce_map_kind(BnReason reason, BnKind default_kind, const char *tenant)
{
	if (likely(rule_cache.trivial))
		return default_kind;
	rules_ensure();
	return map_kind(reason, default_kind, tenant, NULL);
}

PG_FUNCTION_INFO_V1(bounce_kind_of);

/*
 * bounce.kind_of(reason, tenant): the kind of a reason after the
 * reason_kind map (tenant-specific first, then global, then the default).
 */
Datum
bounce_kind_of(PG_FUNCTION_ARGS)
{
	BnReason	reason;
	const char *tenant = NULL;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	reason = bounce_reason_from_oid(PG_GETARG_OID(0));
	if (PG_NARGS() > 1 && !PG_ARGISNULL(1))
		tenant = text_to_cstring(PG_GETARG_TEXT_PP(1));
	tenant_require_rules(tenant);

	PG_RETURN_OID(bounce_kind_oid(bounce_map_kind(reason,
												  bn_reason_default_kind[reason],
												  tenant)));
}
