/*
 * rules.h
 *		The cache of the sender's own classification rules (bounce.rule) and
 *		reason -> kind map (bounce.reason_kind): filled by rules_cache.c,
 *		consulted by rules.c.
 */
#ifndef BOUNCE_RULES_H
#define BOUNCE_RULES_H

#include "bounce.h"
#include "catalog.h"

/* One row of bounce.rule, ready to match. */
typedef struct Rule
{
	int64		id;
	char	   *tenant;			/* NULL: every tenant */
	char	   *pattern;		/* ASCII lower-cased; "" matches any text */
	size_t		pattern_len;
	int			status_parts;	/* parts of status_prefix given: 0..3 */
	int			status_class;
	int			status_subject;
	int			status_detail;
	int			reply_code;		/* 0: any */
	int			provider;		/* -1: any */
	BnReason	reason;
	int32		priority;
} Rule;

/* The reason_kind rows of one tenant; -1 where the tenant has none. */
typedef struct TenantMap
{
	char	   *tenant;
	int8		kind[BN_REASON_COUNT];
} TenantMap;

/*
 * What rules_cache.c read of both tables, in its own memory context; read
 * by rules.c only after rules_ensure().
 */
typedef struct RuleCache
{
	BounceCacheState state;
	bool		trivial;		/* valid and both tables empty: the one
								 * branch the hot path pays */
	Rule	   *global_rules;	/* tenant IS NULL, by precedence */
	int			n_global_rules;
	Rule	   *tenant_rules;	/* by tenant, then by precedence */
	int			n_tenant_rules;
	bool		need_provider;	/* a rule names a provider */
	int8		global_kind[BN_REASON_COUNT];	/* -1: not mapped */
	bool		have_global_map;
	TenantMap  *tenant_maps;	/* by tenant */
	int			n_tenant_maps;
} RuleCache;

extern RuleCache rule_cache;

/* (Re)build the cache from the tables; see rules_cache.c. */
extern void rules_load(void);

/* Make sure the cache is loaded. */
static inline void
rules_ensure(void)
{
	if (rule_cache.state != BOUNCE_CACHE_VALID)
		rules_load();
}

/* ASCII lower case of one byte. */
static inline char
ascii_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* White space, as the core's matcher sees it. */
static inline bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		c == '\f' || c == '\v';
}

#endif							/* BOUNCE_RULES_H */
