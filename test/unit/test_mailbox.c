/*
 * test_mailbox.c
 *		Mailbox syntax and typo domains (src/core/mailbox.c, typo.c): a table
 *		of examples, then a generator-based property test.
 *
 * The property test builds addresses from the grammar with a seeded PRNG
 * (all must be accepted, and split where they were built), and invalid
 * ones made by one targeted mutation of a valid one (all must be refused).
 * BN_PROPERTY_N (default 100000, per side) and BN_PROPERTY_SEED change the
 * run; test/check-address-property.sh runs it longer under sanitizers.
 */
#include <stdint.h>
#include <stdlib.h>

#include "mailbox.h"
#include "problem.h"
#include "typo.h"
#include "unit.h"

/* ---------- examples ---------- */

typedef struct Example
{
	const char *address;
	BnAddressProblem want;
} Example;

#define OK		BN_ADDRESS_OK
#define SYNTAX	BN_ADDRESS_SYNTAX
#define TYPO	BN_ADDRESS_TYPO

static const Example examples[] = {
	/* dot-atom local parts */
	{"john@example.com", OK},
	{"john.smith@example.com", OK},
	{"j@example.co.uk", OK},
	{"first.middle.last@sub.example.org", OK},
	{"user+tag@example.com", OK},
	{"!#$%&'*+-/=?^_`{|}~@example.com", OK},
	{"UPPER.Case@Example.COM", OK},
	{".john@example.com", SYNTAX},
	{"john.@example.com", SYNTAX},
	{"john..smith@example.com", SYNTAX},
	{"john smith@example.com", SYNTAX},
	{"john(comment)@example.com", SYNTAX},
	{"john,smith@example.com", SYNTAX},
	{"john[1]@example.com", SYNTAX},
	{"john;x@example.com", SYNTAX},
	{"john:x@example.com", SYNTAX},
	{"john\\x@example.com", SYNTAX},
	{"<john@example.com>", SYNTAX},
	{"John <john@example.com>", SYNTAX},
	{"@example.com", SYNTAX},
	{"john@", SYNTAX},
	{"john", SYNTAX},
	{"", SYNTAX},
	{"@", SYNTAX},
	{"john@@example.com", SYNTAX},
	{"john@smith@example.com", SYNTAX},
	{" john@example.com", SYNTAX},
	{"john@example.com ", SYNTAX},
	{"john@example.com\n", SYNTAX},
	/* quoted local parts */
	{"\"john smith\"@example.com", OK},
	{"\"john@smith\"@example.com", OK},
	{"\"john..smith\"@example.com", OK},
	{"\"john\\\"smith\"@example.com", OK},
	{"\"john\\\\smith\"@example.com", OK},
	{"\"\\a\"@example.com", OK},
	{"\"john\"@example.com", OK},
	{"\"\"@example.com", SYNTAX},
	{"\"john@example.com", SYNTAX},
	{"\"john\"smith@example.com", SYNTAX},
	{"john\"smith\"@example.com", SYNTAX},
	{"\"john\\\"@example.com", SYNTAX},
	{"\"john\tsmith\"@example.com", SYNTAX},
	{"\"john\\\tsmith\"@example.com", SYNTAX},
	{"\"john\x7fsmith\"@example.com", SYNTAX},
	{"\"a\".\"b\"@example.com", SYNTAX},
	/* lengths: local 64, label 63, total 254 */
	{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com", OK},
	{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com", SYNTAX},
	{"\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"@example.com", OK},
	{"\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"@example.com", SYNTAX},
	{"a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com", OK},
	{"a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com", SYNTAX},
	{"a@example.ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", OK},
	{"a@example.cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", SYNTAX},
	/* domains */
	{"john@sub-domain.example.com", OK},
	{"john@x--y.example", OK},
	{"john@xn--bcher-kva.example", OK},
	{"john@123.example.com", OK},
	{"john@example.c0m", OK},
	{"john@localhost", SYNTAX},
	{"john@com", SYNTAX},
	{"john@-example.com", SYNTAX},
	{"john@example-.com", SYNTAX},
	{"john@example.-com", SYNTAX},
	{"john@example..com", SYNTAX},
	{"john@.example.com", SYNTAX},
	{"john@example.com.", SYNTAX},
	{"john@exa_mple.com", SYNTAX},
	{"john@exa mple.com", SYNTAX},
	{"john@example.com,", SYNTAX},
	{"john@1.2.3.4", SYNTAX},
	{"john@example.123", SYNTAX},
	/* address literals */
	{"john@[192.168.0.1]", OK},
	{"john@[0.0.0.0]", OK},
	{"john@[255.255.255.255]", OK},
	{"john@[010.001.1.1]", OK},
	{"john@[256.1.1.1]", SYNTAX},
	{"john@[1.2.3]", SYNTAX},
	{"john@[1.2.3.4.5]", SYNTAX},
	{"john@[1..2.3]", SYNTAX},
	{"john@[1.2.3.4.]", SYNTAX},
	{"john@[1234.1.1.1]", SYNTAX},
	{"john@[1.2.3.a]", SYNTAX},
	{"john@[1.2.3.4", SYNTAX},
	{"john@1.2.3.4]", SYNTAX},
	{"john@[]", SYNTAX},
	{"john@[ 1.2.3.4]", SYNTAX},
	{"john@[IPv6:2001:db8:0:0:0:0:0:1]", OK},
	{"john@[IPv6:2001:db8::1]", OK},
	{"john@[ipv6:2001:DB8::1]", OK},
	{"john@[IPv6:::1]", OK},
	{"john@[IPv6:1::]", OK},
	{"john@[IPv6:::]", OK},
	{"john@[IPv6:1:2:3:4:5:6::]", OK},
	{"john@[IPv6:1:2:3:4:5:6:7::]", SYNTAX},
	{"john@[IPv6:1:2:3::4:5:6:7]", SYNTAX},
	{"john@[IPv6:1:2:3:4:5:6:7]", SYNTAX},
	{"john@[IPv6:1:2:3:4:5:6:7:8:9]", SYNTAX},
	{"john@[IPv6:1::2::3]", SYNTAX},
	{"john@[IPv6::::1]", SYNTAX},
	{"john@[IPv6::1]", SYNTAX},
	{"john@[IPv6:1:]", SYNTAX},
	{"john@[IPv6:12345::1]", SYNTAX},
	{"john@[IPv6:g::1]", SYNTAX},
	{"john@[IPv6:1:2:3:4:5:6:1.2.3.4]", OK},
	{"john@[IPv6:::ffff:192.0.2.1]", OK},
	{"john@[IPv6:1:2:3:4::1.2.3.4]", OK},
	{"john@[IPv6:1:2:3:4:5::1.2.3.4]", SYNTAX},
	{"john@[IPv6:1:2:3:4:5:6:7:1.2.3.4]", SYNTAX},
	{"john@[IPv6:1.2.3.4::1]", SYNTAX},
	{"john@[IPv6:::1.2.3.4:1]", SYNTAX},
	{"john@[IPv6:1:2:3:4:5:6:1.2.3.4:5]", SYNTAX},
	{"john@[IPv6:::256.1.1.1]", SYNTAX},
	{"john@[IPv6:]", SYNTAX},
	{"john@[2001:db8::1]", SYNTAX},
	{"john@[::1]", SYNTAX},
	{"john@[x-tag:content]", SYNTAX},
	/* internationalised (RFC 6531) */
	{"j\xc3\xb6rg@example.com", OK},
	{"\xe7\x94\xa8\xe6\x88\xb7@\xe4\xbe\x8b\xe5\xad\x90.\xe5\xb9\xbf\xe5\x91\x8a", OK},
	{"user@b\xc3\xbc\x63her.de", OK},
	{"\"\xf0\x9f\x98\x80 x\"@example.com", OK},
	{"\xf0\x9f\x98\x80@example.com", OK},
	{"j\xf6rg@example.com", SYNTAX},		/* Latin-1, not UTF-8 */
	{"j\x80rg@example.com", SYNTAX},		/* stray continuation */
	{"j\xc0\xafrg@example.com", SYNTAX},	/* overlong */
	{"j\xed\xa0\x80rg@example.com", SYNTAX},	/* surrogate */
	{"j\xf4\x90\x80\x80@example.com", SYNTAX},	/* beyond U+10FFFF */
	{"j\xe2\x82@example.com", SYNTAX},		/* truncated */
	{"user@b\xfc\x63her.de", SYNTAX},
	{"\"j\xff\"@example.com", SYNTAX},
	{"user@\xc2\x80\x78.com", SYNTAX},		/* C1 control, not a letter */
	{"\"\xc2\x9f\"@example.com", SYNTAX},
	{"user@\xc2\xa0\x78.com", OK},
	/* real provider domains, and real TLDs two edits from the suffix */
	{"jo@fastmail.fm", OK},
	{"jo@fastmail.to", OK},
	{"jo@fastmail.im", OK},
	{"jo@fastmail.cn", OK},
	{"jo@gmail.cn", OK},
	{"jo@outlook.de", OK},
	{"jo@fastmial.com", TYPO},
	/* typos */
	{"john@gmail.con", TYPO},
	{"john@gmail.cm", TYPO},
	{"john@gmail.co", TYPO},
	{"john@gmail.comm", TYPO},
	{"john@gmai.com", TYPO},
	{"john@gmial.com", TYPO},
	{"john@gamil.com", TYPO},
	{"john@GMAIL.CON", TYPO},
	{"john@hotmial.com", TYPO},
	{"john@hotmail.con", TYPO},
	{"john@hotmal.con", TYPO},
	{"john@hotmail.co.uj", TYPO},
	{"john@yaho.com", TYPO},
	{"john@yahoo.cmo", TYPO},
	{"john@yahooo.com", TYPO},
	{"john@outlok.com", TYPO},
	{"john@iclould.com", TYPO},
	{"john@comcast.ne", TYPO},
	{"john@googlemial.com", TYPO},
	{"john@me.con", TYPO},
	{"john@aol.cmo", TYPO},
	{"john@live.con", TYPO},
	{"john@gmx.dee", TYPO},
	{"\"gmail.con\"@gmail.con", TYPO},
	/* not typos: real or too uncertain */
	{"john@gmail.com", OK},
	{"john@Gmail.Com", OK},
	{"john@mail.com", OK},
	{"john@email.com", OK},
	{"john@ymail.com", OK},
	{"john@gmx.com", OK},
	{"john@live.ca", OK},
	{"john@me.com", OK},
	{"john@mac.com", OK},
	{"john@cloud.com", OK},
	{"john@wahoo.com", OK},
	{"john@hotmail.cz", OK},			/* a real TLD: maybe a country domain */
	{"john@hotmail.co", OK},
	{"john@gmx.dk", OK},
	{"john@me.co", OK},
	{"john@mw.com", OK},				/* short names: every edit is a domain */
	{"john@aol.co", OK},
	{"john@love.com", OK},
	{"john@xmail.com", OK},				/* as near gmail.com as ymail.com */
	{"john@gmial.con", OK},				/* two edits on a five-letter name */
	{"john@version.net", OK},			/* two edits in verizon */
	{"john@online.de", OK},				/* two edits in t-online */
	{"john@carter.net", OK},			/* charter.net is left out */
	{"john@grail.com", OK},				/* a real neighbour of gmail.com */
	{"john@emial.com", OK},				/* nearest is email.com, no provider */
	{"john@btinternet.con", TYPO},
	{"john@verizon.con", OK},			/* three edits from verizon.net */
	{"john@verison.net", TYPO},
	{"john@example.com", OK},
	{"john@gmail.com.example.org", OK},
	{"john@[IPv6:::1]", OK},
	{"john@g\xc3\xa1mail.com", OK},		/* only ASCII domains are typos */
	/* syntax beats typo */
	{"john..x@gmail.con", SYNTAX},
	{"john@gmail,com", SYNTAX},
	{"john@gmailcom", SYNTAX},
};

typedef struct SuggestExample
{
	const char *address;
	const char *want;			/* NULL: nothing to suggest */
} SuggestExample;

static const SuggestExample suggestions[] = {
	{"john@gmail.con", "john@gmail.com"},
	{"john@hotmial.com", "john@hotmail.com"},
	{"john@yaho.com", "john@yahoo.com"},
	{"john@gmai.com", "john@gmail.com"},
	{"john@yahoo.cmo", "john@yahoo.com"},
	{"john@hotmail.con", "john@hotmail.com"},
	{"john@gmail.cm", "john@gmail.com"},
	{"John.Smith@GMAIL.CON", "John.Smith@gmail.com"},
	{"\"a@b c\"@gmail.con", "\"a@b c\"@gmail.com"},
	{"j\xc3\xb6rg@hotmial.de", "j\xc3\xb6rg@hotmail.de"},
	{"x@hotmail.co.uj", "x@hotmail.co.uk"},
	{"x@yahoo.co.ukk", "x@yahoo.co.uk"},
	{"x@outlook.frr", "x@outlook.fr"},
	{"x@yandex.ry", "x@yandex.ru"},
	{"x@protonmial.com", "x@protonmail.com"},
	{"x@me.con", "x@me.com"},
	{"x@gmail.com", NULL},
	{"x@example.com", NULL},
	{"x..y@gmail.con", NULL},
	{"x@gmx.dk", NULL},
	{"", NULL},
};

static void
test_examples(void)
{
	for (size_t i = 0; i < sizeof(examples) / sizeof(examples[0]); i++)
	{
		const char *a = examples[i].address;
		BnAddressProblem got = bn_address_problem(a, strlen(a));

		if (got == examples[i].want)
			unit_passed++;
		else
		{
			unit_failed++;
			fprintf(stderr, "example \"%s\": got %d, want %d\n", a, got,
					examples[i].want);
		}
	}
}

static void
test_suggestions(void)
{
	char		out[BN_ADDRESS_MAX + 1];

	for (size_t i = 0; i < sizeof(suggestions) / sizeof(suggestions[0]); i++)
	{
		const char *a = suggestions[i].address;
		size_t		n = bn_suggest(a, strlen(a), out, sizeof(out));

		if (suggestions[i].want == NULL)
			CHECK_INT(n, 0);
		else
		{
			CHECK(n > 0 && n < sizeof(out));
			if (n > 0 && n < sizeof(out))
			{
				CHECK_STR(out, suggestions[i].want);
				CHECK_INT(strlen(out), n);
			}
		}
	}

	/* Too small a buffer: the length comes back, nothing is written. */
	{
		char		small[8] = "unset";

		CHECK_INT(bn_suggest("john@gmail.con", 14, small, sizeof(small)), 14);
		CHECK_STR(small, "unset");
		CHECK_INT(bn_suggest("john@gmail.con", 14, small, 0), 14);
	}
}

/* A NUL, and bytes past len, must change nothing. */
static void
test_lengths(void)
{
	static const char with_nul[] = "john\0x@example.com";
	static const char prefix[] = "john@example.comXXXX";
	char		out[BN_ADDRESS_MAX + 1];
	char		huge[1000];

	CHECK_INT(bn_address_problem(with_nul, sizeof(with_nul) - 1), SYNTAX);
	CHECK_INT(bn_address_problem("john@example.com\0", 17), SYNTAX);
	CHECK_INT(bn_address_problem("\"a\0b\"@example.com", 18), SYNTAX);
	CHECK_INT(bn_address_problem(prefix, 16), OK);
	CHECK_INT(bn_address_problem(prefix, 15), OK);	/* john@example.co */
	CHECK_INT(bn_address_problem("john@gmail.conXYZ", 14), TYPO);
	CHECK_INT(bn_address_problem(NULL, 0), SYNTAX);
	CHECK_INT(bn_suggest("john@gmail.conXYZ", 14, out, sizeof(out)), 14);
	CHECK_STR(out, "john@gmail.com");
	CHECK(bn_typo_domain("gmail.con\0", 10) == NULL);
	CHECK(bn_typo_domain("", 0) == NULL);

	/* Total 254 accepted, 255 refused, whatever the parts. */
	memset(huge, 'a', sizeof(huge));
	huge[64] = '@';
	for (int i = 65 + 63; i < 254; i += 64)
		huge[i] = '.';
	CHECK_INT(bn_address_problem(huge, 254), OK);
	CHECK_INT(bn_address_problem(huge, 255), SYNTAX);
	CHECK_INT(bn_address_problem(huge, sizeof(huge)), SYNTAX);
}

/* The known domains are well-formed, short enough, unique, never typos. */
static void
test_known_domains(void)
{
	int			n = bn_known_domain_count();
	int			providers = 0;

	CHECK(n > 100);
	for (int i = 0; i < n; i++)
	{
		bool		provider;
		const char *d = bn_known_domain(i, &provider);
		char		addr[64];
		int			len = snprintf(addr, sizeof(addr), "x@%s", d);
		bool		ok;

		providers += provider;
		ok = strlen(d) < 32 &&
			bn_address_problem(addr, (size_t) len) == OK &&
			bn_typo_domain(d, strlen(d)) == NULL;
		for (const char *p = d; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				ok = false;
		for (int j = 0; j < i; j++)
			if (strcmp(bn_known_domain(j, NULL), d) == 0)
				ok = false;
		if (ok)
			unit_passed++;
		else
		{
			unit_failed++;
			fprintf(stderr, "known domain \"%s\" is unusable\n", d);
		}
	}
	CHECK(providers > 90);
	CHECK(bn_known_domain(n, NULL) == NULL);
	CHECK(bn_known_domain(-1, NULL) == NULL);
	CHECK(bn_is_tld("com", 3));
	CHECK(bn_is_tld("uk", 2));
	CHECK(bn_is_tld("zw", 2));
	CHECK(bn_is_tld("ac", 2));
	CHECK(!bn_is_tld("con", 3));
	CHECK(!bn_is_tld("zz", 2));
	CHECK(!bn_is_tld("c", 1));
}

/* ---------- property test ---------- */

static uint64_t rng_state;

/* splitmix64: small, seedable, the same everywhere. */
static uint64_t
rnd(void)
{
	uint64_t	z = (rng_state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static size_t
rn(size_t n)
{
	return n == 0 ? 0 : (size_t) (rnd() % n);
}

/* Uniform in [lo, hi]. */
static size_t
rr(size_t lo, size_t hi)
{
	return hi < lo ? lo : lo + rn(hi - lo + 1);
}

static bool
chance(int percent)
{
	return (int) rn(100) < percent;
}

/* Well-formed non-ASCII characters of 2, 3 and 4 octets. */
static const char *const utf8_chars[] = {
	"\xc3\xa9", "\xc3\x9f", "\xd0\xb6", "\xc5\x82", "\xe4\xb8\xad",
	"\xe2\x82\xac", "\xe6\x97\xa5", "\xef\xbf\xbd", "\xf0\x9f\x98\x80",
	"\xf0\x9d\x94\xb8", "\xf4\x8f\xbf\xbf", "\xe0\xa4\x85",
};

#define N_UTF8 (sizeof(utf8_chars) / sizeof(utf8_chars[0]))

static const char atext_specials[] = "!#$%&'*+-/=?^_`{|}~";
static const char alnum[] =
	"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
static const char hexdigits[] = "0123456789abcdefABCDEF";

typedef enum DomainKind
{
	DK_NAME,
	DK_IPV4,
	DK_IPV6
} DomainKind;

/* A generated address, in parts, with where its characters start. */
typedef struct Addr
{
	char		local[128];
	size_t		llen;
	bool		quoted;
	size_t		lb[128];		/* char (token) starts in local, and llen */
	int			nlb;
	char		dom[320];
	size_t		dlen;
	DomainKind	dkind;
	size_t		db[320];		/* char starts in a name domain, and dlen */
	int			ndb;
	size_t		lstart[160];	/* label starts and lengths */
	size_t		llens[160];
	int			nlabels;
} Addr;

static void
put(char *buf, size_t *len, const char *s, size_t n)
{
	memcpy(buf + *len, s, n);
	*len += n;
}

/* One atext character of at most room octets; returns its length. */
static size_t
put_atext(Addr *a, size_t room)
{
	if (room >= 2 && chance(12))
	{
		const char *u = utf8_chars[rn(N_UTF8)];
		size_t		n = strlen(u);

		if (n <= room)
		{
			put(a->local, &a->llen, u, n);
			return n;
		}
	}
	if (chance(20))
		a->local[a->llen++] = atext_specials[rn(sizeof(atext_specials) - 1)];
	else
		a->local[a->llen++] = alnum[rn(sizeof(alnum) - 1)];
	return 1;
}

/* A dot-atom of exactly target octets. */
static void
gen_atom_local(Addr *a, size_t target)
{
	a->llen = 0;
	a->nlb = 0;
	a->quoted = false;
	while (a->llen < target)
	{
		a->lb[a->nlb++] = a->llen;
		if (a->llen > 0 && a->local[a->llen - 1] != '.' &&
			a->llen + 2 <= target && chance(10))
			a->local[a->llen++] = '.';
		else
			put_atext(a, target - a->llen);
	}
	a->lb[a->nlb++] = a->llen;
}

/* A quoted string of exactly target (>= 3) octets. */
static void
gen_quoted_local(Addr *a, size_t target)
{
	size_t		end = target - 1;

	a->llen = 0;
	a->nlb = 0;
	a->quoted = true;
	a->local[a->llen++] = '"';
	while (a->llen < end)
	{
		size_t		room = end - a->llen;

		a->lb[a->nlb++] = a->llen;
		if (room >= 2 && chance(15))
		{
			a->local[a->llen++] = '\\';
			a->local[a->llen++] = (char) rr(32, 126);
		}
		else if (room >= 2 && chance(15))
		{
			const char *u = utf8_chars[rn(N_UTF8)];
			size_t		n = strlen(u);

			if (n <= room)
				put(a->local, &a->llen, u, n);
			else
				a->local[a->llen++] = 'q';
		}
		else
		{
			char		c;

			do
				c = (char) rr(32, 126);
			while (c == '"' || c == '\\');
			a->local[a->llen++] = c;
		}
	}
	a->lb[a->nlb++] = a->llen;	/* the closing quote */
	a->local[a->llen++] = '"';
}

static size_t
pick_local_len(void)
{
	int			r = (int) rn(100);

	if (r < 70)
		return rr(1, 20);
	if (r < 90)
		return rr(21, 64);
	return 64;
}

static void
gen_local(Addr *a)
{
	size_t		target = pick_local_len();

	if (target >= 3 && chance(15))
		gen_quoted_local(a, target);
	else
		gen_atom_local(a, target);
}

/* A label of exactly len octets; the last label is never all digits. */
static void
put_label(Addr *a, size_t len, bool tld)
{
	size_t		start = a->dlen;

	a->lstart[a->nlabels] = start;
	a->llens[a->nlabels] = len;
	a->nlabels++;
	while (a->dlen - start < len)
	{
		size_t		pos = a->dlen - start;
		size_t		room = len - pos;

		a->db[a->ndb++] = a->dlen;
		if (room >= 2 && chance(8))
		{
			const char *u = utf8_chars[rn(N_UTF8)];
			size_t		n = strlen(u);

			if (n <= room)
			{
				put(a->dom, &a->dlen, u, n);
				continue;
			}
		}
		if (pos > 0 && room > 1 && chance(12))
			a->dom[a->dlen++] = '-';
		else if (tld && pos == 0)
			a->dom[a->dlen++] = letters[rn(sizeof(letters) - 1)];
		else
			a->dom[a->dlen++] = alnum[rn(sizeof(alnum) - 1)];
	}
}

/* A host name of at most budget octets (>= 5); sometimes exactly budget. */
static void
gen_name_domain(Addr *a, size_t budget)
{
	bool		fill = chance(10);
	size_t		tld_len = chance(3) ? rr(2, 63) : rr(2, 6);
	size_t		room;
	int			want = (int) rr(1, 4);
	int			made = 0;

	a->dkind = DK_NAME;
	a->dlen = 0;
	a->ndb = 0;
	a->nlabels = 0;
	if (tld_len + 2 > budget)
		tld_len = 2;
	room = (fill ? budget : rr(tld_len + 2, budget)) - tld_len;
	/* labels before the TLD, each followed by its dot */
	while (room >= 2 && (fill || made < want))
	{
		size_t		max = room - 1 < BN_LABEL_MAX ? room - 1 : BN_LABEL_MAX;
		size_t		len = chance(5) ? max : rr(1, max < 12 ? max : 12);

		/* when filling, never leave a one-octet gap that cannot hold a label */
		if (fill && room - (len + 1) == 1)
			len = len > 1 ? len - 1 : len;
		if (fill && room - (len + 1) == 1)
			len++;
		if (len > max)
			break;
		put_label(a, len, false);
		a->db[a->ndb++] = a->dlen;
		a->dom[a->dlen++] = '.';
		room -= len + 1;
		made++;
	}
	put_label(a, tld_len, true);
	a->db[a->ndb++] = a->dlen;
}

static void
gen_ipv4(char *buf, size_t *len)
{
	for (int i = 0; i < 4; i++)
	{
		char		part[8];
		int			v = (int) rn(256);
		int			n;

		if (i > 0)
			buf[(*len)++] = '.';
		n = chance(5) ? snprintf(part, sizeof(part), "%03d", v) :
			snprintf(part, sizeof(part), "%d", v);
		put(buf, len, part, (size_t) n);
	}
}

static void
put_hex_group(char *buf, size_t *len)
{
	size_t		n = rr(1, 4);

	for (size_t i = 0; i < n; i++)
		buf[(*len)++] = hexdigits[rn(sizeof(hexdigits) - 1)];
}

/* Groups joined by colons; count may be 0. */
static void
put_hex_groups(char *buf, size_t *len, int count)
{
	for (int i = 0; i < count; i++)
	{
		if (i > 0)
			buf[(*len)++] = ':';
		put_hex_group(buf, len);
	}
}

static void
put_ipv6_tag(char *buf, size_t *len)
{
	static const char *const tags[] = {"IPv6:", "ipv6:", "IPV6:", "iPv6:"};

	put(buf, len, tags[rn(4)], 5);
}

/* One of the four RFC 5321 IPv6 forms, inside "[IPv6:" and "]". */
static void
gen_ipv6(Addr *a)
{
	int			form = (int) rn(4);
	char	   *b = a->dom;
	size_t	   *n = &a->dlen;

	a->dkind = DK_IPV6;
	a->dlen = 0;
	b[(*n)++] = '[';
	put_ipv6_tag(b, n);
	if (form == 0)				/* IPv6-full */
		put_hex_groups(b, n, 8);
	else if (form == 1 || form == 3)	/* IPv6-comp, IPv6v4-comp */
	{
		int			max = form == 1 ? 6 : 4;
		int			left = (int) rn(max + 1);
		int			right = (int) rn(max - left + 1);

		put_hex_groups(b, n, left);
		b[(*n)++] = ':';
		b[(*n)++] = ':';
		put_hex_groups(b, n, right);
		if (form == 3)
		{
			if (right > 0)
				b[(*n)++] = ':';
			gen_ipv4(b, n);
		}
	}
	else						/* IPv6v4-full */
	{
		put_hex_groups(b, n, 6);
		b[(*n)++] = ':';
		gen_ipv4(b, n);
	}
	b[(*n)++] = ']';
}

static void
gen_domain(Addr *a, size_t budget)
{
	int			r = (int) rn(100);

	if (r < 80)
		gen_name_domain(a, budget);
	else if (r < 90)
	{
		a->dkind = DK_IPV4;
		a->dlen = 0;
		a->dom[a->dlen++] = '[';
		gen_ipv4(a->dom, &a->dlen);
		a->dom[a->dlen++] = ']';
	}
	else
		gen_ipv6(a);
}

static size_t
domain_budget(const Addr *a)
{
	size_t		b = BN_ADDRESS_MAX - a->llen - 1;

	return b < BN_DOMAIN_MAX ? b : BN_DOMAIN_MAX;
}

static void
gen_valid(Addr *a)
{
	gen_local(a);
	gen_domain(a, domain_budget(a));
}

static size_t
assemble(const Addr *a, char *out)
{
	memcpy(out, a->local, a->llen);
	out[a->llen] = '@';
	memcpy(out + a->llen + 1, a->dom, a->dlen);
	return a->llen + 1 + a->dlen;
}

static void
insert_at(char *buf, size_t *len, size_t pos, const char *s, size_t n)
{
	memmove(buf + pos + n, buf + pos, *len - pos);
	memcpy(buf + pos, s, n);
	*len += n;
}

/* Valid, with a dot-atom local part / a host-name domain. */
static void
gen_valid_atom(Addr *a)
{
	do
		gen_valid(a);
	while (a->quoted);
}

static void
gen_valid_quoted(Addr *a)
{
	gen_quoted_local(a, rr(3, 64));
	gen_domain(a, domain_budget(a));
}

static void
gen_valid_name(Addr *a)
{
	gen_local(a);
	gen_name_domain(a, domain_budget(a));
}

/* The mutations; each makes a valid address invalid in one way. */
typedef enum Mutation
{
	M_LOCAL_DOUBLE_DOT,
	M_LOCAL_LEADING_DOT,
	M_LOCAL_TRAILING_DOT,
	M_LOCAL_TOO_LONG,
	M_LOCAL_BAD_CHAR,
	M_LOCAL_BAD_UTF8,
	M_QUOTED_BAD,
	M_LABEL_TOO_LONG,
	M_LABEL_HYPHEN,
	M_EMPTY_LABEL,
	M_DOMAIN_BAD_CHAR,
	M_DOMAIN_BAD_UTF8,
	M_SINGLE_LABEL,
	M_NUMERIC_TLD,
	M_TOTAL_TOO_LONG,
	M_NO_AT,
	M_BAD_IPV4,
	M_BAD_IPV6,
	M_GENERAL_LITERAL,
	M_NUL,
	M_COUNT
} Mutation;

static const char *const mutation_names[M_COUNT] = {
	"local double dot", "local leading dot", "local trailing dot",
	"local > 64", "local bad char", "local bad UTF-8", "quoted string",
	"label > 63", "label hyphen", "empty label", "domain bad char",
	"domain bad UTF-8", "single label", "numeric TLD", "total > 254",
	"no @", "bad IPv4 literal", "bad IPv6 literal", "general literal", "NUL"
};

static const char *const bad_utf8[] = {
	"\xff", "\xfe", "\x80", "\xbf", "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf",
	"\xed\xa0\x80", "\xed\xbf\xbf", "\xf0\x80\x80\xaf", "\xf4\x90\x80\x80",
	"\xf5\x80\x80\x80", "\xe2\x82", "\xf0\x9f\x98", "\xc3",
};

#define N_BAD_UTF8 (sizeof(bad_utf8) / sizeof(bad_utf8[0]))

/* A broken IPv4 literal body (without brackets). */
static void
bad_ipv4(char *b, size_t *n)
{
	int			k;

	switch (rn(8))
	{
		case 0:					/* a part over 255 */
			k = (int) rn(4);
			for (int i = 0; i < 4; i++)
			{
				if (i > 0)
					b[(*n)++] = '.';
				*n += (size_t) snprintf(b + *n, 8, "%d",
										i == k ? (int) rr(256, 999) : (int) rn(256));
			}
			break;
		case 1:					/* a four-digit part */
			*n += (size_t) snprintf(b + *n, 32, "1.%04d.3.4", (int) rn(256));
			break;
		case 2:					/* three parts */
			*n += (size_t) snprintf(b + *n, 32, "%d.%d.%d", (int) rn(256),
									(int) rn(256), (int) rn(256));
			break;
		case 3:					/* five parts */
			*n += (size_t) snprintf(b + *n, 32, "1.2.3.4.%d", (int) rn(256));
			break;
		case 4:					/* an empty part */
			k = (int) rn(4);
			for (int i = 0; i < 4; i++)
			{
				if (i > 0)
					b[(*n)++] = '.';
				if (i != k)
					*n += (size_t) snprintf(b + *n, 8, "%d", (int) rn(256));
			}
			break;
		case 5:					/* a letter */
			*n += (size_t) snprintf(b + *n, 32, "1.2.%d.%c", (int) rn(256),
									letters[rn(sizeof(letters) - 1)]);
			break;
		case 6:					/* leading or trailing dot, or both */
			k = (int) rn(3);
			if (k != 1)
				b[(*n)++] = '.';
			*n += (size_t) snprintf(b + *n, 32, "%d.%d.%d.%d", (int) rn(256),
									(int) rn(256), (int) rn(256), (int) rn(256));
			if (k != 0)
				b[(*n)++] = '.';
			break;
		default:				/* white space inside */
			*n += (size_t) snprintf(b + *n, 32, "1.2. 3.4");
			break;
	}
}

/* A broken IPv6 literal body (after "[IPv6:", before "]"). */
static void
bad_ipv6(char *b, size_t *n)
{
	switch (rn(12))
	{
		case 0:					/* nine groups */
			put_hex_groups(b, n, 9);
			break;
		case 1:					/* seven groups, no "::" */
			put_hex_groups(b, n, 7);
			break;
		case 2:					/* a five-digit group */
			put_hex_groups(b, n, 3);
			put(b, n, ":12345:", 7);
			put_hex_groups(b, n, 4);
			break;
		case 3:					/* not hex */
			put_hex_groups(b, n, 4);
			put(b, n, "::g", 3);
			break;
		case 4:					/* two "::" */
			put_hex_groups(b, n, (int) rr(1, 2));
			put(b, n, "::", 2);
			put_hex_groups(b, n, 1);
			put(b, n, "::", 2);
			put_hex_groups(b, n, (int) rn(2));
			break;
		case 5:					/* "::" with seven groups */
			{
				int			left = (int) rn(8);

				put_hex_groups(b, n, left);
				put(b, n, "::", 2);
				put_hex_groups(b, n, 7 - left);
			}
			break;
		case 6:					/* IPv4 not last */
			if (chance(50))
				put(b, n, "::", 2);
			gen_ipv4(b, n);
			{
				const char *tail = chance(50) ? "::1" : ":1";

				put(b, n, tail, strlen(tail));
			}
			break;
		case 7:					/* a broken IPv4 inside */
			put(b, n, "::ffff:", 7);
			bad_ipv4(b, n);
			break;
		case 8:					/* trailing single colon */
			put_hex_groups(b, n, (int) rr(1, 7));
			b[(*n)++] = ':';
			break;
		case 9:					/* leading single colon */
			b[(*n)++] = ':';
			put_hex_groups(b, n, (int) rr(1, 7));
			break;
		case 10:				/* ":::" */
			put_hex_groups(b, n, (int) rn(3));
			put(b, n, ":::", 3);
			put_hex_groups(b, n, (int) rr(1, 3));
			break;
		default:				/* full form plus an IPv4 */
			put_hex_groups(b, n, 7);
			b[(*n)++] = ':';
			gen_ipv4(b, n);
			break;
	}
}

/* Makes an invalid address by mutation m; returns its length. */
static size_t
gen_invalid(Mutation m, char *out)
{
	Addr		a;
	size_t		pos;
	size_t		len;
	char		c;

	switch (m)
	{
		case M_LOCAL_DOUBLE_DOT:
			gen_valid_atom(&a);
			if (a.nlb <= 2)
			{
				/* one character: "x..y" */
				put(a.local, &a.llen, "..y", 3);
				break;
			}
			/* a character start strictly inside */
			pos = a.lb[rr(1, a.nlb - 2)];
			if (a.local[pos - 1] == '.' || a.local[pos] == '.')
				insert_at(a.local, &a.llen, pos, ".", 1);
			else
				insert_at(a.local, &a.llen, pos, "..", 2);
			break;
		case M_LOCAL_LEADING_DOT:
			gen_valid_atom(&a);
			insert_at(a.local, &a.llen, 0, ".", 1);
			break;
		case M_LOCAL_TRAILING_DOT:
			gen_valid_atom(&a);
			a.local[a.llen++] = '.';
			break;
		case M_LOCAL_TOO_LONG:
			gen_atom_local(&a, rr(65, 90));
			gen_domain(&a, rr(5, BN_ADDRESS_MAX - a.llen - 1));
			break;
		case M_LOCAL_BAD_CHAR:
			{
				static const char bad[] = " ()<>[]:;@\\,\"\t\r\n\x01\x1f\x7f";

				gen_valid_atom(&a);
				c = bad[rn(sizeof(bad) - 1)];
				insert_at(a.local, &a.llen, a.lb[rn(a.nlb)], &c, 1);
			}
			break;
		case M_LOCAL_BAD_UTF8:
			{
				const char *u = bad_utf8[rn(N_BAD_UTF8)];

				if (chance(50))
					gen_valid_atom(&a);
				else
					gen_valid_quoted(&a);
				/* at a character start: inside the quotes, or in the atoms */
				insert_at(a.local, &a.llen, a.lb[rn(a.nlb)], u, strlen(u));
			}
			break;
		case M_QUOTED_BAD:
			gen_valid_quoted(&a);
			switch (rn(5))
			{
				case 0:			/* unterminated */
					a.llen--;
					break;
				case 1:			/* a bare quote inside */
					insert_at(a.local, &a.llen, a.lb[rn(a.nlb)], "\"", 1);
					break;
				case 2:			/* the closing quote escaped */
					insert_at(a.local, &a.llen, a.llen - 1, "\\", 1);
					break;
				case 3:			/* a control character, bare or quoted */
					c = chance(50) ? (char) rr(0, 31) : '\x7f';
					pos = a.lb[rn(a.nlb)];
					insert_at(a.local, &a.llen, pos, &c, 1);
					if (chance(50))
						insert_at(a.local, &a.llen, pos, "\\", 1);
					break;
				default:		/* empty, or text after the quotes */
					if (chance(50))
						a.llen = 2, a.local[1] = '"';
					else
						a.local[a.llen++] = alnum[rn(sizeof(alnum) - 1)];
					break;
			}
			break;
		case M_LABEL_TOO_LONG:
			gen_local(&a);
			a.dkind = DK_NAME;
			a.dlen = 0;
			len = rr(64, 80);
			if (chance(50))
			{
				memset(a.dom, 'a', len);
				a.dlen = len;
				put(a.dom, &a.dlen, ".com", 4);
			}
			else
			{
				put(a.dom, &a.dlen, "example.", 8);
				memset(a.dom + a.dlen, 'b', len);
				a.dlen += len;
			}
			if (a.llen + 1 + a.dlen > BN_ADDRESS_MAX)
				gen_atom_local(&a, 10);
			break;
		case M_LABEL_HYPHEN:
			gen_valid_name(&a);
			{
				int			l = (int) rn(a.nlabels);

				if (chance(50))
					insert_at(a.dom, &a.dlen, a.lstart[l], "-", 1);
				else
					insert_at(a.dom, &a.dlen, a.lstart[l] + a.llens[l], "-", 1);
			}
			break;
		case M_EMPTY_LABEL:
			gen_valid_name(&a);
			switch (rn(3))
			{
				case 0:
					insert_at(a.dom, &a.dlen, 0, ".", 1);
					break;
				case 1:
					a.dom[a.dlen++] = '.';
					break;
				default:
					insert_at(a.dom, &a.dlen, a.lstart[a.nlabels - 1], ".", 1);
					break;
			}
			break;
		case M_DOMAIN_BAD_CHAR:
			{
				static const char bad[] = "_ !#$%&'*+/=?^`{|}~,;:<>()[]\\\"@\t\x01\x7f";

				gen_valid_name(&a);
				c = bad[rn(sizeof(bad) - 1)];
				insert_at(a.dom, &a.dlen, a.db[rn(a.ndb)], &c, 1);
			}
			break;
		case M_DOMAIN_BAD_UTF8:
			{
				const char *u = bad_utf8[rn(N_BAD_UTF8)];

				gen_valid_name(&a);
				insert_at(a.dom, &a.dlen, a.db[rn(a.ndb)], u, strlen(u));
			}
			break;
		case M_SINGLE_LABEL:
			gen_local(&a);
			a.dkind = DK_NAME;
			a.dlen = 0;
			a.ndb = 0;
			a.nlabels = 0;
			put_label(&a, rr(1, 63), chance(50));
			break;
		case M_NUMERIC_TLD:
			gen_valid_name(&a);
			{
				size_t		tld = a.lstart[a.nlabels - 1];
				size_t		digits = rr(1, a.dlen - tld < 6 ? a.dlen - tld : 6);

				a.dlen = tld;
				for (size_t i = 0; i < digits; i++)
					a.dom[a.dlen++] = (char) ('0' + rn(10));
			}
			break;
		case M_TOTAL_TOO_LONG:
			gen_atom_local(&a, rr(1, 64));
			{
				/* a domain of good labels, 255 to 294 octets in all */
				size_t		left = rr(BN_ADDRESS_MAX - a.llen, BN_ADDRESS_MAX - a.llen + 39);

				if (left > BN_DOMAIN_MAX)
					left = BN_DOMAIN_MAX;
				a.dkind = DK_NAME;
				a.dlen = 0;
				for (;;)
				{
					size_t		l = left < 63 ? left : 63;

					if (left > l && left - l < 2)
						l--;	/* leave room for ".x" */
					memset(a.dom + a.dlen, 'c', l);
					a.dlen += l;
					left -= l;
					if (left == 0)
						break;
					a.dom[a.dlen++] = '.';
					left--;
				}
			}
			break;
		case M_NO_AT:
			gen_valid(&a);
			len = assemble(&a, out);
			memmove(out + a.llen, out + a.llen + 1, len - a.llen - 1);
			return len - 1;
		case M_BAD_IPV4:
			gen_local(&a);
			a.dkind = DK_IPV4;
			a.dlen = 0;
			a.dom[a.dlen++] = '[';
			bad_ipv4(a.dom, &a.dlen);
			if (chance(10))
				break;			/* no closing bracket */
			a.dom[a.dlen++] = ']';
			break;
		case M_BAD_IPV6:
			gen_local(&a);
			a.dkind = DK_IPV6;
			a.dlen = 0;
			a.dom[a.dlen++] = '[';
			if (chance(15))
			{
				/* a good address behind a bad tag, or none */
				static const char *const tags[] = {"IPv6", "IPv4:", "IPv:", "v6:", ""};

				const char *t = tags[rn(5)];

				put(a.dom, &a.dlen, t, strlen(t));
				put_hex_groups(a.dom, &a.dlen, 8);
			}
			else
			{
				put_ipv6_tag(a.dom, &a.dlen);
				bad_ipv6(a.dom, &a.dlen);
			}
			a.dom[a.dlen++] = ']';
			break;
		case M_GENERAL_LITERAL:
			gen_local(&a);
			a.dlen = 0;
			a.ndb = 0;
			a.nlabels = 0;
			a.dom[a.dlen++] = '[';
			put_label(&a, rr(1, 10), true);
			a.dom[a.dlen++] = ':';
			put(a.dom, &a.dlen, "stuff", 5);
			a.dom[a.dlen++] = ']';
			break;
		default:				/* M_NUL */
			gen_valid(&a);
			len = assemble(&a, out);
			pos = rn(len + 1);
			memmove(out + pos + 1, out + pos, len - pos);
			out[pos] = '\0';
			return len + 1;
	}
	return assemble(&a, out);
}

static void
show(const char *what, const char *s, size_t len)
{
	fprintf(stderr, "%s: \"", what);
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c >= 32 && c < 127 && c != '\\' && c != '"')
			fputc(c, stderr);
		else
			fprintf(stderr, "\\x%02x", c);
	}
	fprintf(stderr, "\" (%zu octets)\n", len);
}

static size_t
env_size(const char *name, size_t dflt)
{
	const char *v = getenv(name);

	return v && *v ? (size_t) strtoull(v, NULL, 10) : dflt;
}

static void
test_properties(void)
{
	size_t		n = env_size("BN_PROPERTY_N", 100000);
	uint64_t	seed = env_size("BN_PROPERTY_SEED", 20261122);
	char		buf[1024];
	char		out[BN_ADDRESS_MAX + 1];
	size_t		valid_bad = 0,
				invalid_bad = 0,
				typos = 0,
				at_limit = 0;
	size_t		per[M_COUNT] = {0};
	size_t		per_bad[M_COUNT] = {0};

	rng_state = seed;
	for (size_t i = 0; i < n; i++)
	{
		Addr		a;
		BnMailbox	mb;
		size_t		len;
		bool		ok;

		gen_valid(&a);
		len = assemble(&a, buf);
		at_limit += (len == BN_ADDRESS_MAX || a.llen == BN_LOCAL_MAX);
		ok = bn_mailbox_parse(buf, len, &mb) &&
			mb.local_len == a.llen && mb.domain_len == a.dlen &&
			mb.literal == (a.dkind != DK_NAME);
		if (ok && bn_address_problem(buf, len) == TYPO)
		{
			size_t		s = bn_suggest(buf, len, out, sizeof(out));

			typos++;
			ok = s > 0 && s < sizeof(out) &&
				bn_address_problem(out, s) == OK;
		}
		if (!ok && valid_bad++ < 10)
			show("valid address refused", buf, len);
	}

	for (size_t i = 0; i < n; i++)
	{
		Mutation	m = (Mutation) (i % M_COUNT);
		size_t		len = gen_invalid(m, buf);

		per[m]++;
		if (bn_address_problem(buf, len) != SYNTAX ||
			bn_suggest(buf, len, out, sizeof(out)) != 0)
		{
			per_bad[m]++;
			if (invalid_bad++ < 10)
			{
				fprintf(stderr, "[%s] ", mutation_names[m]);
				show("invalid address accepted", buf, len);
			}
		}
	}

	printf("property: seed %llu, %zu valid (%zu at a length limit, %zu typo domains) and %zu invalid addresses\n",
		   (unsigned long long) seed, n, at_limit, typos, n);
	for (int m = 0; m < M_COUNT; m++)
		if (per_bad[m] > 0)
			printf("property: %s: %zu of %zu accepted\n", mutation_names[m],
				   per_bad[m], per[m]);
	CHECK_INT(valid_bad, 0);
	CHECK_INT(invalid_bad, 0);
	CHECK(at_limit > n / 20);
}

/*
 * Every one-edit variant of every provider: a flagged variant's suggestion
 * must be a known provider at distance one, and itself fine.
 */
static void
test_typo_neighbourhood(void)
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789.-";
	char		v[64];
	char		addr[80];
	char		out[BN_ADDRESS_MAX + 1];
	size_t		variants = 0,
				flagged = 0,
				bad = 0;

	for (int i = 0; i < bn_known_domain_count(); i++)
	{
		bool		provider;
		const char *d = bn_known_domain(i, &provider);
		size_t		n = strlen(d);

		if (!provider)
			continue;
		/* deletions, transpositions, substitutions, insertions */
		for (int op = 0; op < 4; op++)
		{
			size_t		positions = op == 3 ? n + 1 : n;
			size_t		letters_n = op <= 1 ? 1 : sizeof(alphabet) - 1;

			for (size_t p = 0; p < positions; p++)
			{
				for (size_t k = 0; k < letters_n; k++)
				{
					size_t		vlen = 0;
					size_t		alen;
					size_t		s;
					const char *fix;

					if (op == 0)
					{
						memcpy(v, d, p);
						memcpy(v + p, d + p + 1, n - p - 1);
						vlen = n - 1;
					}
					else if (op == 1)
					{
						if (p + 1 >= n || d[p] == d[p + 1])
							continue;
						memcpy(v, d, n);
						v[p] = d[p + 1];
						v[p + 1] = d[p];
						vlen = n;
					}
					else if (op == 2)
					{
						if (alphabet[k] == d[p])
							continue;
						memcpy(v, d, n);
						v[p] = alphabet[k];
						vlen = n;
					}
					else
					{
						memcpy(v, d, p);
						v[p] = alphabet[k];
						memcpy(v + p + 1, d + p, n - p);
						vlen = n + 1;
					}
					alen = (size_t) snprintf(addr, sizeof(addr), "u@%.*s", (int) vlen, v);
					if (bn_address_problem(addr, alen) == SYNTAX)
						continue;
					variants++;
					fix = bn_typo_domain(v, vlen);
					if (fix == NULL)
						continue;
					flagged++;
					s = bn_suggest(addr, alen, out, sizeof(out));
					if (bn_address_problem(addr, alen) != TYPO ||
						s != 2 + strlen(fix) || strcmp(out + 2, fix) != 0 ||
						bn_address_problem(out, s) != OK ||
						bn_typo_domain(fix, strlen(fix)) != NULL)
					{
						if (bad++ < 10)
							show("bad suggestion for", addr, alen);
					}
				}
			}
		}
	}
	printf("typo: %zu well-formed one-edit variants of providers, %zu flagged\n",
		   variants, flagged);
	CHECK_INT(bad, 0);
	CHECK(flagged > variants / 4);
}

int
main(void)
{
	test_examples();
	test_suggestions();
	test_lengths();
	test_known_domains();
	test_typo_neighbourhood();
	test_properties();
	UNIT_DONE();
}
