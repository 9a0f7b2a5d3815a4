/*
 * patterns.c
 *		The wording matcher (Aho-Corasick over folded text).  The wording
 *		itself lives in phrases.c (generic) and provider_rules.c (per
 *		provider); the meanings of status and reply codes in meaning.c.
 *
 * The automaton is a full DFA over byte classes: every byte of every phrase
 * gets a class (ASCII letters are folded, so 'A' and 'a' share one; all
 * white space shares the class of ' '), every other byte is class 0.  The
 * table is stored by column, one per class, of 16-bit state numbers, and
 * each byte has a pointer to its class's column, so the hot loop is one
 * load per byte whose address needs no arithmetic on the previous state
 * (a short dependency chain, half the memory of 32-bit row offsets).  The
 * states near the root, which most bytes visit, are numbered first,
 * breadth first, so they share cache lines; deeper ones along the trie's
 * heavy paths, so that the scan can guess the next states and prefetch
 * their entries; those that end a phrase last, so the test per byte is a
 * compare that is rarely true.
 * The phrases with non-ASCII bytes have an automaton of their own, run
 * only over a text that holds such a byte, so that English text pays
 * nothing for other languages.
 * The ASCII automaton tells the scan that such a byte was there without a
 * test per byte: non-ASCII bytes have a class of their own leading to one
 * extra state, numbered with those that end a phrase, which behaves as the
 * root (where any byte no phrase holds leads) but sends the scan out of
 * its hot loop.
 * A run of white space counts as one space: every state entered by a space
 * loops on further spaces, which is exactly "collapse, then match", at no
 * cost per byte.
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
 * The automaton.
 * ------------------------------------------------------------------------
 */
#define MAX_PHRASE	63			/* normalized length */
#define MAX_RULES	2048
#define CLS_OTHER	0
#define CLS_SPACE	1

/*
 * Two automata of the same kind: one for the phrases written in ASCII,
 * which every text goes through, and one for the phrases with non-ASCII
 * bytes (other languages), which only a text holding such a byte goes
 * through.  Kept apart, the ASCII one stays small (few classes, few
 * states) and fast; the other adds nothing to the cost of an English text.
 */
#define MAX_STATES_ASCII 16384
#define MAX_CLASSES_ASCII 96
#define MAX_STATES_INTL 8192
#define MAX_CLASSES_INTL 224

typedef struct Automaton
{
	bool		intl;			/* holds the phrases with non-ASCII bytes */
	int			max_states;
	int			max_classes;
	uint8_t		byte_class[256];
	const uint16_t *column[256];	/* the column of each byte's class */
	int			nclasses;
	int			nstates;
	int			high_state;		/* ASCII automaton: entered on a non-ASCII
								 * byte, else -1 (trie number) */
	uint32_t	high_id;		/* its final number, or UINT32_MAX */
	uint32_t	out_min;		/* final numbers from here on end a phrase
								 * (or are the high state) */
	uint16_t   *delta;			/* build only: by row, trie numbers */
	uint16_t   *table;			/* by column, final numbers */
	uint16_t   *old_id;			/* final number -> trie number */
	uint16_t   *dict_link;		/* next state with rules on the fail chain */
	int16_t    *first_rule;		/* -1: none */
	bool	   *by_space;		/* the trie edge into it is a space */
	uint16_t   *queue;			/* build only */
	uint16_t   *fail;			/* build only */
	uint16_t   *new_id;			/* build only */
} Automaton;

#define AUTOMATON_STORAGE(name, states, classes) \
	static uint16_t name##_delta[(states) * (classes)]; \
	static uint16_t name##_table[(states) * (classes)]; \
	static uint16_t name##_old_id[states]; \
	static uint16_t name##_dict_link[states]; \
	static int16_t name##_first_rule[states]; \
	static bool name##_by_space[states]; \
	static uint16_t name##_queue[states]; \
	static uint16_t name##_fail[states]; \
	static uint16_t name##_new_id[states]

AUTOMATON_STORAGE(ascii, MAX_STATES_ASCII, MAX_CLASSES_ASCII);
AUTOMATON_STORAGE(intl, MAX_STATES_INTL, MAX_CLASSES_INTL);

#define AUTOMATON_INIT(name, is_intl, states, classes) \
	{.intl = is_intl, .max_states = states, .max_classes = classes, \
	 .delta = name##_delta, .table = name##_table, .old_id = name##_old_id, \
	 .dict_link = name##_dict_link, .first_rule = name##_first_rule, \
	 .by_space = name##_by_space, .queue = name##_queue, .fail = name##_fail, \
	 .new_id = name##_new_id}

static Automaton ascii_dfa = AUTOMATON_INIT(ascii, false, MAX_STATES_ASCII, MAX_CLASSES_ASCII);
static Automaton intl_dfa = AUTOMATON_INIT(intl, true, MAX_STATES_INTL, MAX_CLASSES_INTL);

/* Rules are numbered across both automata. */
static int	nrules;
static bool complete;
static int16_t next_rule[MAX_RULES];
static uint8_t rule_len[MAX_RULES];
static const BnRule *rule_of[MAX_RULES];

static int	built;				/* 0 no, 1 building, 2 built */

/* Build only, one automaton at a time: the trie's shape, for numbering. */
static uint16_t trie_parent[MAX_STATES_ASCII];
static uint16_t trie_size[MAX_STATES_ASCII];	/* states in the subtree */
static uint16_t trie_heavy[MAX_STATES_ASCII];	/* biggest child, 0: none */

/* States numbered breadth first before the heavy paths begin. */
#define BFS_STATES	256

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

/*
 * The tables, in the order their rules are added: between two matches of
 * the same priority ending at the same byte, the one added first wins.
 */
static const struct
{
	const BnRule *rules;
	const size_t *count;
}			rule_tables[] = {
	{bn_generic_rules, &bn_generic_rule_count},
	{bn_transport_rules, &bn_transport_rule_count},
	{bn_refusal_rules, &bn_refusal_rule_count},
	{bn_outcome_rules, &bn_outcome_rule_count},
	{bn_documented_rules, &bn_documented_rule_count},
	{bn_intl_rules, &bn_intl_rule_count},
	{bn_stage_rules, &bn_stage_rule_count},
	{bn_provider_rules, &bn_provider_rule_count},
};

#define RULE_TABLES ((int) (sizeof(rule_tables) / sizeof(rule_tables[0])))

/* See patterns.h. */
int
bn_rule_key(const BnRule *rule)
{
	int			base = 0;

	for (int t = 0; t < RULE_TABLES; t++)
	{
		size_t		n = *rule_tables[t].count;

		if (rule >= rule_tables[t].rules && rule < rule_tables[t].rules + n)
			return base + (int) (rule - rule_tables[t].rules);
		base += (int) n;
	}
	return -1;
}

/* See patterns.h. */
const BnRule *
bn_rule_at(int key)
{
	for (int t = 0; t < RULE_TABLES && key >= 0; t++)
	{
		int			n = (int) *rule_tables[t].count;

		if (key < n)
			return &rule_tables[t].rules[key];
		key -= n;
	}
	return NULL;
}

/* See patterns.h. */
int
bn_rule_total(void)
{
	int			n = 0;

	for (int t = 0; t < RULE_TABLES; t++)
		n += (int) *rule_tables[t].count;
	return n;
}

/* Does the normalized phrase belong to this automaton? */
static bool
belongs(const Automaton *a, const uint8_t *buf, int n)
{
	bool		high = false;

	for (int j = 0; j < n; j++)
		high |= buf[j] >= 0x80;
	return high == a->intl;
}

static void
add_classes(Automaton *a, const BnRule *rules, size_t count)
{
	for (size_t i = 0; i < count; i++)
	{
		uint8_t		buf[MAX_PHRASE];
		int			n = normalize(rules[i].phrase, buf);

		if (n <= 0 || !belongs(a, buf, n))
			continue;
		for (int j = 0; j < n; j++)
		{
			if (a->byte_class[buf[j]] == CLS_OTHER && a->nclasses < a->max_classes)
				a->byte_class[buf[j]] = (uint8_t) a->nclasses++;
		}
	}
}

static void
add_rules(Automaton *a, const BnRule *rules, size_t count)
{
	for (size_t i = 0; i < count; i++)
	{
		uint8_t		buf[MAX_PHRASE];
		int			n = normalize(rules[i].phrase, buf);
		int			s = 0;
		int			r;
		bool		ok = n > 0 && nrules < MAX_RULES;

		if (n > 0 && !belongs(a, buf, n))
			continue;			/* the other automaton's */
		for (int j = 0; ok && j < n; j++)
			ok = a->byte_class[buf[j]] != CLS_OTHER;
		if (!ok)
		{
			complete = false;
			continue;
		}
		for (int j = 0; j < n; j++)
		{
			uint16_t   *t = &a->delta[s * a->nclasses + a->byte_class[buf[j]]];

			if (*t == 0)
			{
				if (a->nstates >= a->max_states)
				{
					complete = false;
					return;
				}
				a->first_rule[a->nstates] = -1;
				a->by_space[a->nstates] = buf[j] == ' ';
				*t = (uint16_t) a->nstates++;
			}
			s = *t;
		}
		r = nrules++;
		rule_of[r] = &rules[i];
		rule_len[r] = (uint8_t) n;
		next_rule[r] = -1;
		/* append, so that rules ending together keep table order */
		if (a->first_rule[s] < 0)
			a->first_rule[s] = (int16_t) r;
		else
		{
			int			k = a->first_rule[s];

			while (next_rule[k] >= 0)
				k = next_rule[k];
			next_rule[k] = (int16_t) r;
		}
	}
}

static void
build_one(Automaton *a)
{
	uint16_t   *delta = a->delta;
	uint16_t   *queue = a->queue,
			   *fail = a->fail;
	int			head = 0,
				tail = 0,
				ncls;

	/* Classes: 0 other, 1 space, then every byte the phrases use. */
	memset(a->byte_class, 0, sizeof(a->byte_class));
	a->nclasses = 2;
	a->byte_class[' '] = CLS_SPACE;
	/* Letters and digits always get a class: word boundaries need them. */
	for (int c = 'a'; c <= 'z'; c++)
		a->byte_class[c] = (uint8_t) a->nclasses++;
	for (int c = '0'; c <= '9'; c++)
		a->byte_class[c] = (uint8_t) a->nclasses++;
	for (int t = 0; t < RULE_TABLES; t++)
		add_classes(a, rule_tables[t].rules, *rule_tables[t].count);
	for (int c = 0; c < 256; c++)
	{
		uint8_t		f = fold((uint8_t) c);

		if (f != c)
			a->byte_class[c] = a->byte_class[f];
	}
	/* The ASCII automaton: one class for all non-ASCII bytes (see above). */
	a->high_state = -1;
	if (!a->intl && a->nclasses < a->max_classes)
	{
		for (int c = 0x80; c < 256; c++)
			a->byte_class[c] = (uint8_t) a->nclasses;
		a->nclasses++;
	}
	ncls = a->nclasses;

	/* The trie. */
	a->nstates = 1;
	a->first_rule[0] = -1;
	for (int t = 0; t < RULE_TABLES; t++)
		add_rules(a, rule_tables[t].rules, *rule_tables[t].count);

	/* Breadth first: failure links, dictionary links, full transitions. */
	fail[0] = 0;
	a->dict_link[0] = 0;
	for (int c = 0; c < ncls; c++)
	{
		uint16_t	t = delta[c];

		if (t != 0)
		{
			fail[t] = 0;
			a->dict_link[t] = 0;
			trie_parent[t] = 0;
			queue[tail++] = t;
		}
	}
	while (head < tail)
	{
		int			s = queue[head++];

		for (int c = 0; c < ncls; c++)
		{
			uint16_t   *t = &delta[s * ncls + c];
			int			f = (int) delta[fail[s] * ncls + c];

			if (*t != 0)
			{
				fail[*t] = (uint16_t) f;
				a->dict_link[*t] = (uint16_t) (a->first_rule[f] >= 0 ? f : a->dict_link[f]);
				trie_parent[*t] = (uint16_t) s;
				queue[tail++] = *t;
			}
			else
				*t = (uint16_t) f;
		}
	}

	/* More white space after a space changes nothing. */
	for (int s2 = 1; s2 < a->nstates; s2++)
		if (a->by_space[s2])
			delta[s2 * ncls + CLS_SPACE] = (uint16_t) s2;

	/*
	 * The high state: no phrase of this automaton holds a non-ASCII byte,
	 * so every state goes to the root on one, and the high state goes on
	 * as the root would.
	 */
	if (!a->intl && a->byte_class[0x80] != CLS_OTHER && a->nstates < a->max_states)
	{
		int			h = a->nstates++;
		int			ch = a->byte_class[0x80];

		memcpy(&delta[h * ncls], &delta[0], ncls * sizeof(uint16_t));
		a->first_rule[h] = -1;
		a->dict_link[h] = 0;
		a->by_space[h] = false;
		for (int s2 = 0; s2 < a->nstates; s2++)
			delta[s2 * ncls + ch] = (uint16_t) h;
		a->high_state = h;
	}

	/*
	 * Renumber: states that end no phrase first (the root stays 0), then
	 * those that do, so that "ends a phrase" is "number >= out_min".  The
	 * first group: the states nearest the root breadth first (they share
	 * cache lines), then the others along heavy paths (a state, its child
	 * with the biggest subtree that ends no phrase, that one's, ...), so
	 * that the state after a deep one is most often its number plus one,
	 * which the scan prefetches; the second group breadth first.  Then
	 * write the table by column.
	 */
	{
		uint16_t   *new_id = a->new_id;
		int			n = 0;

#define ENDS_PHRASE(s) \
		(a->first_rule[s] >= 0 || a->dict_link[s] != 0 || (s) == a->high_state)
		for (int s2 = 0; s2 < a->nstates; s2++)
		{
			trie_size[s2] = 1;
			trie_heavy[s2] = 0;
			new_id[s2] = UINT16_MAX;
		}
		for (int k = tail - 1; k >= 0; k--)
			trie_size[trie_parent[queue[k]]] += trie_size[queue[k]];
		for (int k = 0; k < tail; k++)
		{
			int			t = queue[k],
						up = trie_parent[t];

			if (!ENDS_PHRASE(t) &&
				(trie_heavy[up] == 0 || trie_size[t] > trie_size[trie_heavy[up]]))
				trie_heavy[up] = (uint16_t) t;
		}
		new_id[0] = 0;
		a->old_id[n++] = 0;
		for (int k = 0; k < tail; k++)
		{
			int			s2 = queue[k];

			if (ENDS_PHRASE(s2) || new_id[s2] != UINT16_MAX)
				continue;
			do
			{
				new_id[s2] = (uint16_t) n;
				a->old_id[n++] = (uint16_t) s2;
				s2 = trie_heavy[s2];
			} while (n > BFS_STATES && s2 != 0 && new_id[s2] == UINT16_MAX);
		}
		a->out_min = (uint32_t) n;
		for (int k = 0; k <= tail; k++)
		{
			/* the queue, then the high state */
			int			s2 = k < tail ? queue[k] : a->high_state;

			if (s2 >= 0 && ENDS_PHRASE(s2))
			{
				new_id[s2] = (uint16_t) n;
				a->old_id[n++] = (uint16_t) s2;
			}
		}
#undef ENDS_PHRASE
		for (int s2 = 0; s2 < a->nstates; s2++)
			for (int c = 0; c < ncls; c++)
				a->table[c * a->nstates + new_id[s2]] = new_id[delta[s2 * ncls + c]];
		a->high_id = a->high_state >= 0 ? new_id[a->high_state] : UINT32_MAX;
	}
	for (int c = 0; c < 256; c++)
		a->column[c] = &a->table[a->byte_class[c] * a->nstates];
}

static void
build(void)
{
	complete = true;
	nrules = 0;
	build_one(&ascii_dfa);
	build_one(&intl_dfa);
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
	stats->states = ascii_dfa.nstates + intl_dfa.nstates;
	stats->classes = ascii_dfa.nclasses + intl_dfa.nclasses;
	stats->table_bytes = ((size_t) ascii_dfa.nstates * ascii_dfa.nclasses +
						  (size_t) intl_dfa.nstates * intl_dfa.nclasses) * sizeof(uint16_t);
	stats->complete = complete;
}

/*
 * A hint that an address will be read soon.  Prefetching needs no
 * support from the compiler to be correct, only to be fast.
 */
#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(addr) __builtin_prefetch(addr)
#else
#define PREFETCH(addr) ((void) 0)
#endif

/*
 * One automaton's pass over the text.  Returns whether the text holds a
 * non-ASCII byte (the ASCII automaton's high state was entered).
 */
static bool
scan_one(const Automaton *a, const uint8_t *p, size_t len, BnProvider provider,
		 BnStatus status, BnMatch *best, size_t *anchor_end)
{
	const uint16_t *const *col = a->column;
	const uint32_t out_min = a->out_min;
	uint32_t	cur = 0;		/* the state, by its final number */
	bool		high = false;
	size_t		i = 0;

	for (;;)
	{
		int			st;

		/*
		 * The hot loop: on to the next byte that leads to a state ending a
		 * phrase (or to the high state), four bytes a round.
		 */
#define STEP(k) \
		if ((cur = col[p[i + (k)]][cur]) >= out_min) \
		{ \
			i += (k); \
			goto found; \
		}

		/*
		 * Each load depends on the one before, and a deep state's entry is
		 * rarely in L1; but the next state is most often the current one
		 * plus one (the heavy paths, see build_one), so the loads two and
		 * three bytes ahead, on that guess, are started now and overlap.
		 * A wrong guess costs a wasted prefetch, never a wrong state.
		 */
#define PSTEP(k) \
		STEP(k); \
		PREFETCH(&col[p[i + (k) + 2]][cur + 1]); \
		PREFETCH(&col[p[i + (k) + 3]][cur + 2]);
		while (i + 7 <= len)
		{
			PSTEP(0);
			PSTEP(1);
			PSTEP(2);
			PSTEP(3);
			i += 4;
		}
		for (; i < len; i++)
			STEP(0);
#undef PSTEP
#undef STEP
		break;

found:
		if (cur == a->high_id)
		{
			high = true;
			i++;
			continue;
		}
		st = a->old_id[cur];

		/* Every rule ending here, along the dictionary chain. */
		for (int s = a->first_rule[st] >= 0 ? st : a->dict_link[st]; s != 0;
			 s = a->dict_link[s])
		{
			for (int r = a->first_rule[s]; r >= 0; r = next_rule[r])
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
					size_t		a_end = anchor_end[rule->anchor % BN_MAX_ANCHORS];

					if (a_end == 0 || a_end > start || start - a_end > rule->window)
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
				/* ties: the match that ends first, across both passes */
				if (prio < best->prio ||
					(prio == best->prio && best->rule != NULL && i + 1 >= best->end))
					continue;
				best->prio = prio;
				best->reason = (BnReason) rule->reason;
				best->rule = rule;
				best->end = i + 1;
			}
		}
		i++;
	}
	return high;
}

/* Whether a text holds a non-ASCII byte, when the automaton cannot say. */
static bool
has_high_byte(const uint8_t *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (p[i] >= 0x80)
			return true;
	return false;
}

void
bn_patterns_scan(const char *text, size_t len, BnProvider provider,
				 BnStatus status, BnMatch *best)
{
	const uint8_t *p = (const uint8_t *) text;
	size_t		anchor_end[BN_MAX_ANCHORS] = {0};

	best->prio = 0;
	best->reason = BN_REASON_UNDEFINED;
	best->rule = NULL;
	best->end = 0;
	best->stage = 0;
	if (text == NULL || len == 0)
		return;
	bn_patterns_init();

	if (scan_one(&ascii_dfa, p, len, provider, status, best, anchor_end) ||
		(ascii_dfa.high_state < 0 && has_high_byte(p, len)))
		(void) scan_one(&intl_dfa, p, len, provider, status, best, anchor_end);
}
