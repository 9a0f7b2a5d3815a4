/*
 * typo.c
 *		Typo domains of common mailbox providers; the rules are in typo.h.
 */
#include "typo.h"

#include <string.h>

#include "mailbox.h"
#include "provider.h"

/* Longest known domain plus one; checked by test/unit/test_mailbox.c. */
#define KNOWN_MAXLEN 32

/* Largest distance any rule allows. */
#define MAX_DISTANCE 2

typedef struct KnownDomain
{
	const char *domain;
	size_t		len;
	bool		provider;		/* may be suggested; else a neighbour only */
} KnownDomain;

#define P(d) {d, sizeof(d) - 1, true}
#define N(d) {d, sizeof(d) - 1, false}

/*
 * Providers whose subscribers make typos, and the real domains next to
 * them.  Adding a real domain can only remove false typos; adding a
 * provider adds typos near it, so check its one-edit neighbours first
 * (the neighbours below are dictionary words and companies found so).
 */
static const KnownDomain known_domains[] = {
	/* Google */
	P("gmail.com"), P("googlemail.com"),
	/* Yahoo */
	P("yahoo.com"), P("yahoo.co.uk"), P("yahoo.fr"), P("yahoo.de"),
	P("yahoo.it"), P("yahoo.es"), P("yahoo.ca"), P("yahoo.in"),
	P("yahoo.ie"), P("yahoo.gr"), P("yahoo.se"), P("yahoo.dk"),
	P("yahoo.no"), P("yahoo.com.au"), P("yahoo.com.br"), P("yahoo.com.mx"),
	P("yahoo.com.ar"), P("yahoo.com.sg"), P("yahoo.com.ph"),
	P("yahoo.com.tw"), P("yahoo.com.hk"), P("yahoo.co.in"), P("yahoo.co.jp"),
	P("yahoo.co.id"), P("yahoo.co.nz"), P("yahoo.co.za"),
	P("ymail.com"), P("rocketmail.com"),
	/* Microsoft */
	P("hotmail.com"), P("hotmail.co.uk"), P("hotmail.fr"), P("hotmail.de"),
	P("hotmail.it"), P("hotmail.es"), P("hotmail.ca"), P("hotmail.be"),
	P("hotmail.nl"), P("hotmail.se"), P("hotmail.no"), P("hotmail.dk"),
	P("hotmail.fi"), P("hotmail.gr"), P("hotmail.ch"), P("hotmail.at"),
	P("hotmail.cl"), P("hotmail.my"), P("hotmail.sg"), P("hotmail.ph"),
	P("hotmail.com.ar"), P("hotmail.com.br"), P("hotmail.com.mx"),
	P("hotmail.com.au"), P("hotmail.com.tr"), P("hotmail.co.jp"),
	P("hotmail.co.za"), P("hotmail.co.nz"), P("hotmail.co.in"),
	P("hotmail.co.th"),
	P("outlook.com"), P("outlook.fr"), P("outlook.de"), P("outlook.it"),
	P("outlook.es"), P("outlook.be"), P("outlook.jp"), P("outlook.ie"),
	P("outlook.at"), P("outlook.dk"), P("outlook.cl"), P("outlook.cz"),
	P("outlook.sk"), P("outlook.hu"), P("outlook.pt"), P("outlook.in"),
	P("outlook.kr"), P("outlook.sa"), P("outlook.sg"), P("outlook.my"),
	P("outlook.ph"), P("outlook.lv"), P("outlook.com.au"),
	P("outlook.com.br"), P("outlook.com.ar"), P("outlook.com.tr"),
	P("outlook.com.gr"), P("outlook.com.vn"), P("outlook.co.nz"),
	P("outlook.co.il"), P("outlook.co.th"), P("outlook.co.id"),
	P("live.com"), P("live.co.uk"), P("live.fr"), P("live.de"), P("live.it"),
	P("live.nl"), P("live.be"), P("live.ca"), P("live.cl"), P("live.se"),
	P("live.no"), P("live.dk"), P("live.at"), P("live.ie"), P("live.jp"),
	P("live.in"), P("live.ru"), P("live.com.au"), P("live.com.mx"),
	P("live.com.ar"),
	P("msn.com"),
	/* AOL, Apple */
	P("aol.com"), P("aol.co.uk"), P("aol.fr"), P("aol.de"), P("aim.com"),
	P("icloud.com"), P("me.com"), P("mac.com"),
	/* North American ISPs */
	P("comcast.net"), P("verizon.net"), P("att.net"), P("sbcglobal.net"),
	P("bellsouth.net"), P("cox.net"), P("earthlink.net"), P("optonline.net"),
	P("shaw.ca"), P("sympatico.ca"),
	/* Germany, France, Italy, UK */
	P("gmx.de"), P("gmx.net"), P("gmx.at"), P("gmx.ch"), P("gmx.com"),
	P("gmx.fr"), P("web.de"), P("t-online.de"), P("freenet.de"),
	P("mail.de"),
	P("orange.fr"), P("wanadoo.fr"), P("free.fr"), P("sfr.fr"), P("neuf.fr"),
	P("laposte.net"),
	P("libero.it"), P("virgilio.it"),
	P("btinternet.com"), P("sky.com"), P("virginmedia.com"),
	P("ntlworld.com"),
	/* Russia, elsewhere */
	P("mail.ru"), P("inbox.ru"), P("list.ru"), P("bk.ru"), P("yandex.ru"),
	P("yandex.com"), P("ya.ru"), P("rambler.ru"),
	P("qq.com"), P("163.com"), P("126.com"), P("seznam.cz"), P("wp.pl"),
	P("o2.pl"), P("interia.pl"), P("onet.pl"), P("bigpond.com"),
	/* Independent */
	P("mail.com"), P("protonmail.com"), P("protonmail.ch"),
	P("proton.me"), P("pm.me"), P("tutanota.com"), P("fastmail.com"),
	P("zoho.com"),
	/* Real domains one or two edits from a provider: never typos. */
	N("email.com"), N("cloud.com"), N("wahoo.com"), N("grail.com"),
	N("pocketmail.com"), N("internet.com"), N("online.de"), N("grange.fr"),
	N("oranges.fr"), N("photon.me"), N("simpatico.ca"), N("earthling.net"),
	N("ramble.ru"), N("gambler.ru"), N("interim.pl"),
};

#undef P
#undef N

#define KNOWN_COUNT ((int) (sizeof(known_domains) / sizeof(known_domains[0])))

/*
 * Country-code top-level domains (ISO 3166 and the few exceptions), two
 * letters each, and generic ones a mistyped com, net or org could land on.
 * Only used to decide that a changed suffix may be a real country domain,
 * so being complete matters less than being right.
 */
static const char cc_tlds[] =
	"ac ad ae af ag ai al am ao aq ar as at au aw ax az "
	"ba bb bd be bf bg bh bi bj bm bn bo bq br bs bt bw by bz "
	"ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz "
	"de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr "
	"ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy "
	"hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp "
	"ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly "
	"ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz "
	"na nc ne nf ng ni nl no np nr nu nz om "
	"pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw "
	"sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz "
	"tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz "
	"va vc ve vg vi vn vu wf ws ye yt za zm zw";

static const char *const generic_tlds[] = {
	"com", "net", "org", "edu", "gov", "mil", "int", "biz", "info", "name",
	"pro", "aero", "asia", "cat", "coop", "jobs", "mobi", "museum", "tel",
	"travel", "app", "dev", "new", "page", "cam", "bet", "pet", "one",
	"win", "vip", "art", "fun", "icu", "ltd", "top", "xyz", "ooo",
	"moe", "mom", "nyc", "ovh", "red", "run", "ski", "spa", "tax", "uno",
	"vet", "wed", "zip", "live", "life", "email", "cloud", "shop",
	"site", "online", "store", "tech", "blog", "club",
};

bool
bn_is_tld(const char *label, size_t len)
{
	if (len == 2)
	{
		for (const char *p = cc_tlds; p[0] != '\0'; p += 3)
		{
			if (p[0] == label[0] && p[1] == label[1])
				return true;
			if (p[2] == '\0')
				break;
		}
		return false;
	}
	for (size_t i = 0; i < sizeof(generic_tlds) / sizeof(generic_tlds[0]); i++)
		if (strlen(generic_tlds[i]) == len &&
			memcmp(generic_tlds[i], label, len) == 0)
			return true;
	return false;
}

int
bn_known_domain_count(void)
{
	return KNOWN_COUNT;
}

const char *
bn_known_domain(int i, bool *provider)
{
	if (i < 0 || i >= KNOWN_COUNT)
		return NULL;
	if (provider)
		*provider = known_domains[i].provider;
	return known_domains[i].domain;
}

/* Length of the first label of s[0 .. len). */
static size_t
name_len(const char *s, size_t len)
{
	const char *dot = memchr(s, '.', len);

	return dot ? (size_t) (dot - s) : len;
}

/*
 * Optimal string alignment distance between a[0 .. n) and b[0 .. m), or
 * cap + 1 when it exceeds cap.  m < KNOWN_MAXLEN (b is a known domain).
 */
static int
osa_distance(const char *a, size_t n, const char *b, size_t m, int cap)
{
	int			rows[3][KNOWN_MAXLEN + 1];
	int		   *before = rows[0],
			   *prev = rows[1],
			   *cur = rows[2];

	if (n > m + cap || m > n + cap)
		return cap + 1;
	for (size_t j = 0; j <= m; j++)
		prev[j] = (int) j;
	for (size_t i = 1; i <= n; i++)
	{
		int			row_min;
		int		   *t;

		cur[0] = (int) i;
		row_min = cur[0];
		for (size_t j = 1; j <= m; j++)
		{
			int			cost = a[i - 1] == b[j - 1] ? 0 : 1;
			int			v = prev[j - 1] + cost;

			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
				before[j - 2] + 1 < v)
				v = before[j - 2] + 1;
			cur[j] = v;
			if (v < row_min)
				row_min = v;
		}
		if (row_min > cap)
			return cap + 1;
		t = before;
		before = prev;
		prev = cur;
		cur = t;
	}
	return prev[m] > cap ? cap + 1 : prev[m];
}

/*
 * A lower bound of the distance, cheap enough to skip most known domains:
 * each edit changes the character counts by at most two (a swap by none),
 * so the distance is at least half the counts' difference.  counts holds
 * the counts of a (n octets) and is given back unchanged.
 */
static int
count_bound(int *counts, size_t n, const char *b, size_t m)
{
	bool		taken[KNOWN_MAXLEN];
	size_t		matched = 0;

	for (size_t j = 0; j < m; j++)
	{
		unsigned char c = (unsigned char) b[j];

		taken[j] = counts[c] > 0;
		if (taken[j])
		{
			counts[c]--;
			matched++;
		}
	}
	for (size_t j = 0; j < m; j++)
		if (taken[j])
			counts[(unsigned char) b[j]]++;
	return (int) ((n - matched) + (m - matched) + 1) / 2;
}

/*
 * The verdicts of the domains seen last.  Checking an address list, or
 * every event of a trigger, meets a few domains again and again; the
 * edit-distance search costs a microsecond or two, a probe of this
 * direct-mapped table a few nanoseconds.  The verdict depends only on the
 * constant tables, so nothing ever invalidates it.  (PostgreSQL backends
 * are single-threaded; a threaded caller would need a copy per thread.)
 */
#define VERDICT_CACHE_SIZE	1024	/* a power of two */
#define VERDICT_KEY_MAX		64		/* longer domains are not cached */

typedef struct TypoVerdict
{
	unsigned char len;			/* 0: empty slot */
	const char *nearest;		/* the verdict: NULL, or the provider domain */
	char		domain[VERDICT_KEY_MAX];
} TypoVerdict;

static TypoVerdict verdict_cache[VERDICT_CACHE_SIZE];

static const char *typo_search(const char *d, size_t len);

/* The cache slot of lower-cased domain d. */
static TypoVerdict *
verdict_slot(const char *d, size_t len)
{
	unsigned int h = 2166136261u;	/* FNV-1a */

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char) d[i]) * 16777619u;
	return &verdict_cache[h & (VERDICT_CACHE_SIZE - 1)];
}

/* Do several known domains share this name (hotmail.com, hotmail.fr)? */
static bool
name_has_several_suffixes(const char *name, size_t len)
{
	int			count = 0;

	for (int i = 0; i < KNOWN_COUNT; i++)
	{
		const char *d = known_domains[i].domain;

		if (strncmp(d, name, len) == 0 && d[len] == '.' && ++count > 1)
			return true;
	}

	/* and the provider registry's: name.com, name.fm, name.to, ... */
	if (len + 5 <= BN_DOMAIN_MAX)
	{
		char		buf[BN_DOMAIN_MAX + 1];

		memcpy(buf, name, len);
		buf[len] = '.';
		memcpy(buf + len + 1, "com", 3);
		if (bn_provider_of(buf, len + 4) != BN_PROVIDER_UNKNOWN)
			count++;
		for (const char *tld = cc_tlds; tld[0] != '\0'; tld += (tld[2] == '\0' ? 2 : 3))
		{
			buf[len + 1] = tld[0];
			buf[len + 2] = tld[1];
			if (bn_provider_of(buf, len + 3) != BN_PROVIDER_UNKNOWN && ++count > 1)
				return true;
		}
	}
	return false;
}

const char *
bn_typo_domain(const char *domain, size_t len)
{
	char		d[BN_DOMAIN_MAX];
	TypoVerdict *slot;
	const char *nearest;

	if (len == 0 || len > BN_DOMAIN_MAX)
		return NULL;
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) domain[i];

		if (c == '\0' || c >= 0x80)
			return NULL;
		d[i] = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : (char) c;
	}
	if (len > VERDICT_KEY_MAX)
		return typo_search(d, len);
	slot = verdict_slot(d, len);
	if (slot->len == len && memcmp(slot->domain, d, len) == 0)
		return slot->nearest;
	nearest = typo_search(d, len);
	memcpy(slot->domain, d, len);
	slot->len = (unsigned char) len;
	slot->nearest = nearest;
	return nearest;
}

/*
 * The provider domain that d (lower-cased ASCII, 1 to BN_DOMAIN_MAX bytes)
 * is a typo of, or NULL.
 */
static const char *
typo_search(const char *d, size_t len)
{
	int			counts[256] = {0};
	int			best = MAX_DISTANCE + 1;
	int			best_count = 0;
	const KnownDomain *nearest = NULL;
	size_t		dname;
	size_t		kname;
	size_t		last;

	/* A known domain is never a typo; and it is the common case. */
	for (int i = 0; i < KNOWN_COUNT; i++)
		if (known_domains[i].len == len &&
			memcmp(known_domains[i].domain, d, len) == 0)
			return NULL;
	/* Nor is a domain (or host) of a provider the registry knows. */
	if (bn_provider_of(d, len) != BN_PROVIDER_UNKNOWN)
		return NULL;

	for (size_t i = 0; i < len; i++)
		counts[(unsigned char) d[i]]++;
	for (int i = 0; i < KNOWN_COUNT; i++)
	{
		const KnownDomain *k = &known_domains[i];
		int			cap = best <= MAX_DISTANCE ? best : MAX_DISTANCE;
		int			dist;

		if (len > k->len + cap || k->len > len + cap ||
			count_bound(counts, len, k->domain, k->len) > cap)
			continue;
		dist = osa_distance(d, len, k->domain, k->len, cap);

		if (dist < best)
		{
			best = dist;
			best_count = 1;
			nearest = &known_domains[i];
		}
		else if (dist == best)
			best_count++;
	}
	if (best > MAX_DISTANCE || best_count != 1 || !nearest->provider)
		return NULL;

	dname = name_len(d, len);
	kname = name_len(nearest->domain, nearest->len);
	if (dname == kname && memcmp(d, nearest->domain, dname) == 0)
	{
		/* Only the suffix changed: a real country domain we do not list? */
		last = len;
		while (last > 0 && d[last - 1] != '.')
			last--;
		if (bn_is_tld(d + last, len - last) &&
			(kname < 5 || best > 1 || name_has_several_suffixes(d, dname)))
			return NULL;
		return best <= (kname >= 7 ? 2 : 1) ? nearest->domain : NULL;
	}
	if (kname < 5 || best > (kname >= 7 ? 2 : 1))
		return NULL;
	/* Two edits: at most one in the name (verizon/version, t-online/online). */
	if (best == 2 && osa_distance(d, dname, nearest->domain, kname, 1) > 1)
		return NULL;
	return nearest->domain;
}
