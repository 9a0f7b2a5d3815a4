/*
 * patterns.c
 *		The wording matcher (Aho-Corasick over folded text) and the meanings
 *		of enhanced status and reply codes.  The wording itself lives in
 *		phrases.c (generic) and provider_rules.c (per provider).
 *
 * The automaton is a full DFA over byte classes: every byte of every phrase
 * gets a class (ASCII letters are folded, so 'A' and 'a' share one; all
 * white space shares the class of ' '), every other byte is class 0.  Each
 * transition holds the 16-bit number of the target state, whose row starts
 * at number << shift (rows padded to a power of two), and the states that
 * end a phrase are numbered last, so the hot loop is a shift, one table
 * load per byte and a compare that is rarely true.  A run of white space counts as one space: every
 * state entered by a space loops on further spaces, which is exactly
 * "collapse, then match", at no cost per byte.
 *
 * The automaton is built once, at first use, into static memory.  The build
 * is deterministic (it depends only on the constant tables); a compare-and-
 * swap on a flag makes it safe if two threads get there at once.
 *
 * Plain C: no PostgreSQL headers, no allocation.
 */
#include "patterns.h"

#include <string.h>


/* ------------------------------------------------------------------------
 * Enhanced status codes: RFC 3463 and the IANA registry.
 * ------------------------------------------------------------------------
 */

static bool
set(BnReason *reason, int *prio, BnReason r, int p)
{
	*reason = r;
	*prio = p;
	return true;
}

bool
bn_status_meaning(BnStatus st, BnProvider provider, BnReason *reason, int *prio)
{
	int			cls,
				subj,
				det;
	const int	S = BN_PRIO_STATUS,
				W = BN_PRIO_STATUS_WEAK;

	if (!bn_status_valid(st))
		return false;
	if (bn_provider_status_meaning(st, provider, reason, prio))
		return true;

	cls = bn_status_class(st);
	subj = bn_status_subject(st);
	det = bn_status_detail(st);

	if (cls == 2)
		return set(reason, prio, BN_REASON_DELIVERED, S);

	switch (subj)
	{
		case 1:					/* addressing */
			switch (det)
			{
				case 0:
					return cls == 5 && set(reason, prio, BN_REASON_USER_UNKNOWN, W);
				case 1:
				case 3:
					return cls == 5 && set(reason, prio, BN_REASON_USER_UNKNOWN, S);
				case 2:
					return cls == 5 && set(reason, prio, BN_REASON_HOST_UNKNOWN, S);
				case 4:
					return set(reason, prio, BN_REASON_FILTERED, W);
				case 6:
					return set(reason, prio, BN_REASON_HAS_MOVED, S);
				case 7:
				case 8:
					return set(reason, prio, BN_REASON_REJECTED, S);
				case 9:
					return set(reason, prio, BN_REASON_SYSTEM_ERROR, W);
				case 10:
					return set(reason, prio, BN_REASON_NOT_ACCEPT, S);
			}
			return false;
		case 2:					/* mailbox status */
			switch (det)
			{
				case 0:
					return set(reason, prio, BN_REASON_FILTERED, W);
				case 1:
					return set(reason, prio,
							   cls == 5 ? BN_REASON_SUSPEND : BN_REASON_FILTERED, W);
				case 2:
					return set(reason, prio, BN_REASON_MAILBOX_FULL, S);
				case 3:
					return set(reason, prio, BN_REASON_EXCEED_LIMIT, S);
				case 4:
					return set(reason, prio, BN_REASON_FILTERED, W);
			}
			return false;
		case 3:					/* mail system status */
			switch (det)
			{
				case 0:
				case 3:
				case 5:
					return set(reason, prio, BN_REASON_SYSTEM_ERROR, W);
				case 1:
					return set(reason, prio, BN_REASON_SYSTEM_FULL, S);
				case 2:
					return set(reason, prio, BN_REASON_NOT_ACCEPT, S);
				case 4:
					return set(reason, prio, BN_REASON_MESG_TOO_BIG, S);
			}
			return false;
		case 4:					/* network and routing */
			switch (det)
			{
				case 0:
				case 1:
				case 2:
				case 6:
					return set(reason, prio, BN_REASON_NETWORK_ERROR, S);
				case 3:
					return set(reason, prio, BN_REASON_SYSTEM_ERROR, S);
				case 4:
					return set(reason, prio, cls == 5 ? BN_REASON_HOST_UNKNOWN
							   : BN_REASON_NETWORK_ERROR, S);
				case 5:
					return set(reason, prio, BN_REASON_SYSTEM_FULL, S);
				case 7:
					return set(reason, prio, BN_REASON_EXPIRED, S);
			}
			return false;
		case 5:					/* protocol */
			switch (det)
			{
				case 1:
				case 2:
				case 4:
				case 5:
				case 6:
					return set(reason, prio, BN_REASON_SYNTAX_ERROR, W);
				case 3:
					return set(reason, prio, BN_REASON_TOO_MANY_CONN, S);
			}
			return false;
		case 6:					/* content */
			if (det == 4)
				return false;	/* conversion with loss: a warning */
			if (det <= 10)
				return set(reason, prio, BN_REASON_CONTENT_ERROR, S);
			return set(reason, prio, BN_REASON_CONTENT_ERROR, W);
		case 7:					/* security or policy */
			switch (det)
			{
				case 0:
				case 1:
					return set(reason, prio, cls == 4 && det == 1 ?
							   BN_REASON_BLOCKED : BN_REASON_SECURITY_ERROR, W);
				case 13:
					return set(reason, prio, BN_REASON_SUSPEND, S);
				case 16:
					return set(reason, prio, BN_REASON_MESG_TOO_BIG, S);
				case 17:
				case 18:
					return set(reason, prio, BN_REASON_HAS_MOVED, S);
				case 20:
				case 21:
				case 22:
				case 23:
				case 24:
				case 26:
				case 29:
					return set(reason, prio, BN_REASON_AUTH_FAILURE, S);
				case 25:
					return set(reason, prio, BN_REASON_REQUIRE_PTR, S);
				case 27:
					return set(reason, prio, BN_REASON_NOT_ACCEPT, S);
				case 28:
					return set(reason, prio, BN_REASON_SPAM_DETECTED, S);
				default:
					if (det <= 30)
						return set(reason, prio, BN_REASON_SECURITY_ERROR, S);
					return set(reason, prio, BN_REASON_SECURITY_ERROR, W);
			}
	}
	return false;
}

/* ------------------------------------------------------------------------
 * Basic reply codes (RFC 5321, RFC 7504): the last fallback.
 * ------------------------------------------------------------------------
 */
bool
bn_reply_meaning(int code, BnReason *reason, int *prio)
{
	const int	P = BN_PRIO_REPLY;

	if (code >= 200 && code <= 299)
		return set(reason, prio, BN_REASON_DELIVERED, P);
	switch (code)
	{
		case 421:
		case 451:
			return set(reason, prio, BN_REASON_SYSTEM_ERROR, P);
		case 452:
			return set(reason, prio, BN_REASON_SYSTEM_FULL, P);
		case 500:
		case 501:
		case 502:
		case 503:
		case 504:
		case 555:
			return set(reason, prio, BN_REASON_SYNTAX_ERROR, P);
		case 521:
		case 556:
			return set(reason, prio, BN_REASON_NOT_ACCEPT, P);
		case 551:
			return set(reason, prio, BN_REASON_HAS_MOVED, P);
		case 552:
			return set(reason, prio, BN_REASON_MAILBOX_FULL, P);
		case 523:
		case 524:
		case 530:
		case 534:
		case 535:
		case 538:
			return set(reason, prio, BN_REASON_SECURITY_ERROR, P);
	}
	return false;
}

/* ------------------------------------------------------------------------
 * The automaton.
 * ------------------------------------------------------------------------
 */
#define MAX_PHRASE	63			/* normalized length */
#define MAX_STATES	16384
#define MAX_CLASSES 200			/* at most MAX_STRIDE */
#define MAX_RULES	2048
#define CLS_OTHER	0
#define CLS_SPACE	1

static uint8_t byte_class[256];
static int	nclasses;
static int	nstates;
static int	nrules;
static bool complete;
/* transitions: the target state's number; a state's row starts at
 * state << shift (rows are padded to a power of two, so that the hot loop
 * shifts instead of multiplying and the table holds 16-bit numbers) */
#define MAX_STRIDE	256
static uint16_t delta[MAX_STATES * MAX_STRIDE];
static int	shift;				/* row stride is 1 << shift >= nclasses */
static uint32_t out_min;		/* states from here on end a phrase */
static uint16_t old_id[MAX_STATES];	/* final number -> trie number */
static uint16_t dict_link[MAX_STATES];	/* next state with rules on the fail
										 * chain */
static int16_t first_rule[MAX_STATES];	/* -1: none */
static int16_t next_rule[MAX_RULES];
static uint8_t rule_len[MAX_RULES];
static const BnRule *rule_of[MAX_RULES];
static bool by_space[MAX_STATES];	/* the trie edge into it is a space */

static int	built;				/* 0 no, 1 building, 2 built */

static inline uint8_t
fold(uint8_t c)
{
	if (c >= 'A' && c <= 'Z')
		return (uint8_t) (c + ('a' - 'A'));
	if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
		return ' ';
	return c;
}

static inline bool
is_word_byte(uint8_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Normalize a phrase: fold, collapse blanks, trim.  Returns its length. */
static int
normalize(const char *phrase, uint8_t *out)
{
	int			n = 0;
	bool		space = true;	/* drops leading blanks */

	for (const char *p = phrase; *p; p++)
	{
		uint8_t		c = fold((uint8_t) *p);

		if (c == ' ')
		{
			if (space)
				continue;
			space = true;
		}
		else
			space = false;
		if (n >= MAX_PHRASE)
			return -1;
		out[n++] = c;
	}
	if (n > 0 && out[n - 1] == ' ')
		n--;
	return n;
}

static void
add_classes(const BnRule *rules, size_t count)
{
	for (size_t i = 0; i < count; i++)
	{
		uint8_t		buf[MAX_PHRASE];
		int			n = normalize(rules[i].phrase, buf);

		for (int j = 0; j < n; j++)
		{
			if (byte_class[buf[j]] == CLS_OTHER && nclasses < MAX_CLASSES)
				byte_class[buf[j]] = (uint8_t) nclasses++;
		}
	}
}

static void
add_rules(const BnRule *rules, size_t count)
{
	for (size_t i = 0; i < count; i++)
	{
		uint8_t		buf[MAX_PHRASE];
		int			n = normalize(rules[i].phrase, buf);
		int			s = 0;
		int			r;
		bool		ok = n > 0 && nrules < MAX_RULES;

		for (int j = 0; ok && j < n; j++)
			ok = byte_class[buf[j]] != CLS_OTHER;
		if (!ok)
		{
			complete = false;
			continue;
		}
		for (int j = 0; j < n; j++)
		{
			uint16_t   *t = &delta[(s << shift) + byte_class[buf[j]]];

			if (*t == 0)
			{
				if (nstates >= MAX_STATES)
				{
					complete = false;
					return;
				}
				first_rule[nstates] = -1;
				by_space[nstates] = buf[j] == ' ';
				*t = (uint16_t) nstates++;
			}
			s = *t;
		}
		r = nrules++;
		rule_of[r] = &rules[i];
		rule_len[r] = (uint8_t) n;
		next_rule[r] = -1;
		/* append, so that rules ending together keep table order */
		if (first_rule[s] < 0)
			first_rule[s] = (int16_t) r;
		else
		{
			int			k = first_rule[s];

			while (next_rule[k] >= 0)
				k = next_rule[k];
			next_rule[k] = (int16_t) r;
		}
	}
}

static void
build(void)
{
	static uint16_t queue[MAX_STATES];
	static uint16_t fail[MAX_STATES];
	int			head = 0,
				tail = 0;

	/* Classes: 0 other, 1 space, then every byte the phrases use. */
	memset(byte_class, 0, sizeof(byte_class));
	nclasses = 2;
	byte_class[' '] = CLS_SPACE;
	/* Letters and digits always get a class: word boundaries need them. */
	for (int c = 'a'; c <= 'z'; c++)
		byte_class[c] = (uint8_t) nclasses++;
	for (int c = '0'; c <= '9'; c++)
		byte_class[c] = (uint8_t) nclasses++;
	add_classes(bn_generic_rules, bn_generic_rule_count);
	add_classes(bn_provider_rules, bn_provider_rule_count);
	for (int c = 0; c < 256; c++)
	{
		uint8_t		f = fold((uint8_t) c);

		if (f != c)
			byte_class[c] = byte_class[f];
	}
	shift = 0;
	while ((1 << shift) < nclasses)
		shift++;

	/* The trie. */
	complete = true;
	nstates = 1;
	nrules = 0;
	first_rule[0] = -1;
	add_rules(bn_generic_rules, bn_generic_rule_count);
	add_rules(bn_provider_rules, bn_provider_rule_count);

	/* Breadth first: failure links, dictionary links, full transitions. */
	fail[0] = 0;
	dict_link[0] = 0;
	for (int c = 0; c < nclasses; c++)
	{
		uint16_t	t = delta[c];

		if (t != 0)
		{
			fail[t] = 0;
			dict_link[t] = 0;
			queue[tail++] = t;
		}
	}
	while (head < tail)
	{
		int			s = queue[head++];

		for (int c = 0; c < nclasses; c++)
		{
			uint16_t   *t = &delta[(s << shift) + c];
			int			f = (int) delta[(fail[s] << shift) + c];

			if (*t != 0)
			{
				fail[*t] = (uint16_t) f;
				dict_link[*t] = (uint16_t) (first_rule[f] >= 0 ? f : dict_link[f]);
				queue[tail++] = *t;
			}
			else
				*t = (uint16_t) f;
		}
	}

	/* More white space after a space changes nothing. */
	for (int s2 = 1; s2 < nstates; s2++)
		if (by_space[s2])
			delta[(s2 << shift) + CLS_SPACE] = (uint16_t) s2;

	/*
	 * Renumber: states that end no phrase first (the root stays 0), then
	 * those that do, so that "ends a phrase" is "state >= out_min".
	 */
	{
		static uint16_t new_id[MAX_STATES];
		static bool moved[MAX_STATES];
		uint16_t	row[MAX_CLASSES],
					tmp[MAX_CLASSES];
		int			n = 0;

		for (int pass = 0; pass < 2; pass++)
		{
			for (int s2 = 0; s2 < nstates; s2++)
			{
				bool		out = first_rule[s2] >= 0 || dict_link[s2] != 0;

				if (out == (pass == 1))
				{
					new_id[s2] = (uint16_t) n;
					old_id[n] = (uint16_t) s2;
					n++;
				}
			}
			if (pass == 0)
				out_min = (uint32_t) n;
		}

		/* move row s2 to new_id[s2], one cycle of the permutation at a time */
		memset(moved, 0, sizeof(moved));
		for (int s2 = 0; s2 < nstates; s2++)
		{
			int			cur = s2;

			if (moved[s2])
				continue;
			memcpy(row, &delta[s2 << shift], nclasses * sizeof(uint16_t));
			do
			{
				int			to = new_id[cur];

				memcpy(tmp, &delta[to << shift], nclasses * sizeof(uint16_t));
				memcpy(&delta[to << shift], row, nclasses * sizeof(uint16_t));
				memcpy(row, tmp, nclasses * sizeof(uint16_t));
				moved[to] = true;
				cur = to;
			} while (cur != s2);
		}
		for (int i = 0; i < (nstates << shift); i++)
			delta[i] = new_id[delta[i]];
	}
}

void
bn_patterns_init(void)
{
	int			expected = 0;

	if (__atomic_load_n(&built, __ATOMIC_ACQUIRE) == 2)
		return;
	if (__atomic_compare_exchange_n(&built, &expected, 1, false,
									__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
	{
		build();
		__atomic_store_n(&built, 2, __ATOMIC_RELEASE);
		return;
	}
	while (__atomic_load_n(&built, __ATOMIC_ACQUIRE) != 2)
		;						/* another thread is building: a few µs */
}

void
bn_patterns_stats(BnPatternStats *stats)
{
	bn_patterns_init();
	stats->rules = nrules;
	stats->states = nstates;
	stats->classes = nclasses;
	stats->table_bytes = ((size_t) nstates << shift) * sizeof(delta[0]);
	stats->complete = complete;
}

void
bn_patterns_scan(const char *text, size_t len, BnProvider provider,
				 BnStatus status, BnMatch *best)
{
	const uint8_t *p = (const uint8_t *) text;
	const uint16_t *dfa = delta;
	const uint8_t *cls = byte_class;
	const int	sh = shift;
	uint32_t	q = 0;			/* the current state */
	size_t		anchor_end[BN_MAX_ANCHORS] = {0};

	best->prio = 0;
	best->reason = BN_REASON_UNDEFINED;
	best->rule = NULL;
	best->end = 0;
	best->stage = 0;
	if (text == NULL || len == 0)
		return;
	bn_patterns_init();

	for (size_t i = 0; i < len; i++)
	{
		int			st;

		q = dfa[(q << sh) + cls[p[i]]];
		if (q < out_min)
			continue;
		st = old_id[q];

		/* Every rule ending here, along the dictionary chain. */
		for (int s = first_rule[st] >= 0 ? st : dict_link[st]; s != 0; s = dict_link[s])
		{
			for (int r = first_rule[s]; r >= 0; r = next_rule[r])
			{
				const BnRule *rule = rule_of[r];
				int			prio = rule->prio;

				/*
				 * Where the match starts: exact for a phrase without blanks
				 * (the only kind that may ask for a word start), a bound for
				 * the others.
				 */
				size_t		start = i + 1 >= rule_len[r] ? i + 1 - rule_len[r] : 0;

				if ((rule->flags & BN_RULE_WORD_START) && start > 0 &&
					is_word_byte(p[start - 1]))
					continue;
				if ((rule->flags & BN_RULE_WORD_END) && i + 1 < len &&
					is_word_byte(p[i + 1]))
					continue;
				if (rule->reason >= BN_MARK_STAGE_CONN)
				{
					if (rule->reason == BN_MARK_ANCHOR)
						anchor_end[rule->anchor % BN_MAX_ANCHORS] = i + 1;
					else if (best->stage == 0)
						best->stage = rule->reason;
					continue;
				}
				if (rule->anchor != 0)
				{
					size_t		a = anchor_end[rule->anchor % BN_MAX_ANCHORS];

					if (a == 0 || a > start || start - a > rule->window)
						continue;
				}
				if (rule->provider != BN_PROVIDER_UNKNOWN)
				{
					if (rule->provider != provider)
						continue;
					prio += BN_PRIO_PROVIDER;
				}
				if (rule->status != BN_STATUS_NONE && rule->status != status)
					continue;
				if (prio <= best->prio)
					continue;
				best->prio = prio;
				best->reason = (BnReason) rule->reason;
				best->rule = rule;
				best->end = i + 1;
			}
		}
	}
}
