/*
 * provider.c
 *		Mailbox providers, recognised by domain suffix.
 *
 * The table holds registrable domains (and a few deeper MX zones); a name
 * belongs to a provider when it equals one of them or ends with "." + one
 * of them.  The lookup lower-cases the tail of the name (its last three
 * labels) into a small local buffer and looks its two- and three-label
 * suffixes up in a hash set, so the cost does not grow with the table.
 *
 * Plain C: no PostgreSQL headers, no allocation.
 */
#include "provider.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

const char *const bn_provider_names[BN_PROVIDER_COUNT] = {
	"unknown", "google", "microsoft", "yahoo", "apple", "comcast", "att",
	"orange", "free", "united_internet", "mailru", "yandex", "tencent",
	"netease", "zoho", "proton", "fastmail", "mimecast", "proofpoint",
	"amazon_ses", "cox", "charter", "godaddy", "kddi", "docomo", "seznam",
	"libero", "naver"
};

typedef struct ProviderDomain
{
	const char *domain;			/* lower case */
	unsigned char len;
	BnProvider	provider;
} ProviderDomain;

#define D(name, provider) {name, sizeof(name) - 1, provider}

/* Sorted by strcmp of domain (the unit test checks it). */
static const ProviderDomain domains[] = {
	D("126.com", BN_PROVIDER_NETEASE),
	D("163.com", BN_PROVIDER_NETEASE),
	D("188.com", BN_PROVIDER_NETEASE),
	D("1and1.com", BN_PROVIDER_UNITED_INTERNET),
	D("1und1.de", BN_PROVIDER_UNITED_INTERNET),
	D("aim.com", BN_PROVIDER_YAHOO),
	D("aliceadsl.fr", BN_PROVIDER_FREE),
	D("amazonses.com", BN_PROVIDER_AMAZON_SES),
	D("ameritech.net", BN_PROVIDER_ATT),
	D("aol.co.uk", BN_PROVIDER_YAHOO),
	D("aol.com", BN_PROVIDER_YAHOO),
	D("aol.de", BN_PROVIDER_YAHOO),
	D("aol.fr", BN_PROVIDER_YAHOO),
	D("att.net", BN_PROVIDER_ATT),
	D("au.com", BN_PROVIDER_KDDI),
	D("bellsouth.net", BN_PROVIDER_ATT),
	D("bk.ru", BN_PROVIDER_MAILRU),
	D("blu.it", BN_PROVIDER_LIBERO),
	D("bresnan.net", BN_PROVIDER_CHARTER),
	D("brighthouse.com", BN_PROVIDER_CHARTER),
	D("charter.com", BN_PROVIDER_CHARTER),
	D("charter.net", BN_PROVIDER_CHARTER),
	D("comcast.com", BN_PROVIDER_COMCAST),
	D("comcast.net", BN_PROVIDER_COMCAST),
	D("cox.com", BN_PROVIDER_COX),
	D("cox.net", BN_PROVIDER_COX),
	D("docomo.ne.jp", BN_PROVIDER_DOCOMO),
	D("email.com", BN_PROVIDER_UNITED_INTERNET),
	D("email.cz", BN_PROVIDER_SEZNAM),
	D("exchangelabs.com", BN_PROVIDER_MICROSOFT),
	D("ezweb.ne.jp", BN_PROVIDER_KDDI),
	D("fastmail.com", BN_PROVIDER_FASTMAIL),
	D("fastmail.fm", BN_PROVIDER_FASTMAIL),
	D("flash.net", BN_PROVIDER_ATT),
	D("foxmail.com", BN_PROVIDER_TENCENT),
	D("free.fr", BN_PROVIDER_FREE),
	D("freebox.fr", BN_PROVIDER_FREE),
	D("giallo.it", BN_PROVIDER_LIBERO),
	D("gmail.com", BN_PROVIDER_GOOGLE),
	D("gmx.at", BN_PROVIDER_UNITED_INTERNET),
	D("gmx.ch", BN_PROVIDER_UNITED_INTERNET),
	D("gmx.co.uk", BN_PROVIDER_UNITED_INTERNET),
	D("gmx.com", BN_PROVIDER_UNITED_INTERNET),
	D("gmx.de", BN_PROVIDER_UNITED_INTERNET),
	D("gmx.fr", BN_PROVIDER_UNITED_INTERNET),
	D("gmx.net", BN_PROVIDER_UNITED_INTERNET),
	D("godaddy.com", BN_PROVIDER_GODADDY),
	D("google.com", BN_PROVIDER_GOOGLE),
	D("googlemail.com", BN_PROVIDER_GOOGLE),
	D("hotmail.be", BN_PROVIDER_MICROSOFT),
	D("hotmail.ca", BN_PROVIDER_MICROSOFT),
	D("hotmail.co.jp", BN_PROVIDER_MICROSOFT),
	D("hotmail.co.uk", BN_PROVIDER_MICROSOFT),
	D("hotmail.com", BN_PROVIDER_MICROSOFT),
	D("hotmail.com.ar", BN_PROVIDER_MICROSOFT),
	D("hotmail.com.au", BN_PROVIDER_MICROSOFT),
	D("hotmail.com.br", BN_PROVIDER_MICROSOFT),
	D("hotmail.de", BN_PROVIDER_MICROSOFT),
	D("hotmail.es", BN_PROVIDER_MICROSOFT),
	D("hotmail.fr", BN_PROVIDER_MICROSOFT),
	D("hotmail.it", BN_PROVIDER_MICROSOFT),
	D("hotmail.nl", BN_PROVIDER_MICROSOFT),
	D("icloud.com", BN_PROVIDER_APPLE),
	D("inbox.ru", BN_PROVIDER_MAILRU),
	D("internet.ru", BN_PROVIDER_MAILRU),
	D("inwind.it", BN_PROVIDER_LIBERO),
	D("iol.it", BN_PROVIDER_LIBERO),
	D("ionos.com", BN_PROVIDER_UNITED_INTERNET),
	D("ionos.de", BN_PROVIDER_UNITED_INTERNET),
	D("kddi.com", BN_PROVIDER_KDDI),
	D("kundenserver.de", BN_PROVIDER_UNITED_INTERNET),
	D("libero.it", BN_PROVIDER_LIBERO),
	D("libertysurf.fr", BN_PROVIDER_FREE),
	D("list.ru", BN_PROVIDER_MAILRU),
	D("live.ca", BN_PROVIDER_MICROSOFT),
	D("live.co.uk", BN_PROVIDER_MICROSOFT),
	D("live.com", BN_PROVIDER_MICROSOFT),
	D("live.com.au", BN_PROVIDER_MICROSOFT),
	D("live.de", BN_PROVIDER_MICROSOFT),
	D("live.fr", BN_PROVIDER_MICROSOFT),
	D("live.it", BN_PROVIDER_MICROSOFT),
	D("live.jp", BN_PROVIDER_MICROSOFT),
	D("live.nl", BN_PROVIDER_MICROSOFT),
	D("mac.com", BN_PROVIDER_APPLE),
	D("mail.com", BN_PROVIDER_UNITED_INTERNET),
	D("mail.ru", BN_PROVIDER_MAILRU),
	D("me.com", BN_PROVIDER_APPLE),
	D("messagingengine.com", BN_PROVIDER_FASTMAIL),
	D("mimecast-offshore.com", BN_PROVIDER_MIMECAST),
	D("mimecast.co.za", BN_PROVIDER_MIMECAST),
	D("mimecast.com", BN_PROVIDER_MIMECAST),
	D("mopera.net", BN_PROVIDER_DOCOMO),
	D("msn.com", BN_PROVIDER_MICROSOFT),
	D("naver.com", BN_PROVIDER_NAVER),
	D("netease.com", BN_PROVIDER_NETEASE),
	D("nvbell.net", BN_PROVIDER_ATT),
	D("office365.com", BN_PROVIDER_MICROSOFT),
	D("online.fr", BN_PROVIDER_FREE),
	D("onmicrosoft.com", BN_PROVIDER_MICROSOFT),
	D("orange.com", BN_PROVIDER_ORANGE),
	D("orange.fr", BN_PROVIDER_ORANGE),
	D("outlook.com", BN_PROVIDER_MICROSOFT),
	D("outlook.de", BN_PROVIDER_MICROSOFT),
	D("outlook.es", BN_PROVIDER_MICROSOFT),
	D("outlook.fr", BN_PROVIDER_MICROSOFT),
	D("outlook.it", BN_PROVIDER_MICROSOFT),
	D("outlook.jp", BN_PROVIDER_MICROSOFT),
	D("pacbell.net", BN_PROVIDER_ATT),
	D("passport.com", BN_PROVIDER_MICROSOFT),
	D("pm.me", BN_PROVIDER_PROTON),
	D("post.cz", BN_PROVIDER_SEZNAM),
	D("ppe-hosted.com", BN_PROVIDER_PROOFPOINT),
	D("pphosted.com", BN_PROVIDER_PROOFPOINT),
	D("prodigy.net", BN_PROVIDER_ATT),
	D("proofpoint.com", BN_PROVIDER_PROOFPOINT),
	D("proton.me", BN_PROVIDER_PROTON),
	D("protonmail.ch", BN_PROVIDER_PROTON),
	D("protonmail.com", BN_PROVIDER_PROTON),
	D("qq.com", BN_PROVIDER_TENCENT),
	D("roadrunner.com", BN_PROVIDER_CHARTER),
	D("rocketmail.com", BN_PROVIDER_YAHOO),
	D("rr.com", BN_PROVIDER_CHARTER),
	D("sbcglobal.net", BN_PROVIDER_ATT),
	D("secureserver.net", BN_PROVIDER_GODADDY),
	D("seznam.cz", BN_PROVIDER_SEZNAM),
	D("snet.net", BN_PROVIDER_ATT),
	D("spectrum.net", BN_PROVIDER_CHARTER),
	D("spmode.ne.jp", BN_PROVIDER_DOCOMO),
	D("swbell.net", BN_PROVIDER_ATT),
	D("twc.com", BN_PROVIDER_CHARTER),
	D("uqmobile.jp", BN_PROVIDER_KDDI),
	D("verizon.net", BN_PROVIDER_YAHOO),
	D("virgilio.it", BN_PROVIDER_LIBERO),
	D("voila.fr", BN_PROVIDER_ORANGE),
	D("wanadoo.fr", BN_PROVIDER_ORANGE),
	D("web.de", BN_PROVIDER_UNITED_INTERNET),
	D("windowslive.com", BN_PROVIDER_MICROSOFT),
	D("ya.ru", BN_PROVIDER_YANDEX),
	D("yahoo.ca", BN_PROVIDER_YAHOO),
	D("yahoo.co.in", BN_PROVIDER_YAHOO),
	D("yahoo.co.uk", BN_PROVIDER_YAHOO),
	D("yahoo.com", BN_PROVIDER_YAHOO),
	D("yahoo.com.au", BN_PROVIDER_YAHOO),
	D("yahoo.com.br", BN_PROVIDER_YAHOO),
	D("yahoo.de", BN_PROVIDER_YAHOO),
	D("yahoo.es", BN_PROVIDER_YAHOO),
	D("yahoo.fr", BN_PROVIDER_YAHOO),
	D("yahoo.it", BN_PROVIDER_YAHOO),
	D("yahoodns.net", BN_PROVIDER_YAHOO),
	D("yandex.by", BN_PROVIDER_YANDEX),
	D("yandex.com", BN_PROVIDER_YANDEX),
	D("yandex.kz", BN_PROVIDER_YANDEX),
	D("yandex.net", BN_PROVIDER_YANDEX),
	D("yandex.ru", BN_PROVIDER_YANDEX),
	D("yandex.ua", BN_PROVIDER_YANDEX),
	D("yeah.net", BN_PROVIDER_NETEASE),
	D("ymail.com", BN_PROVIDER_YAHOO),
	D("zoho.com", BN_PROVIDER_ZOHO),
	D("zoho.eu", BN_PROVIDER_ZOHO),
	D("zoho.in", BN_PROVIDER_ZOHO),
	D("zohomail.com", BN_PROVIDER_ZOHO),
	D("zohomail.eu", BN_PROVIDER_ZOHO),
};

#define NDOMAINS (sizeof(domains) / sizeof(domains[0]))

/* Longest tail looked at: longer than any table entry. */
#define TAIL_MAX 64

/* For the unit test: the table is kept sorted, hence free of duplicates. */
bool		bn_provider_table_sorted(void);

bool
bn_provider_table_sorted(void)
{
	for (size_t i = 1; i < NDOMAINS; i++)
		if (strcmp(domains[i - 1].domain, domains[i].domain) >= 0)
			return false;
	return true;
}

/*
 * A hash set over the table, filled once at first use (deterministic: it
 * depends only on the table; a compare-and-swap makes the fill safe if two
 * threads arrive together).
 */
#define HASH_SIZE 512			/* a power of two, well above 2 * NDOMAINS */

static uint8_t hash_slot[HASH_SIZE];	/* index + 1 into domains, 0 empty */

_Static_assert(NDOMAINS < 256, "hash_slot holds index + 1 in a uint8_t");
_Static_assert(2 * NDOMAINS <= HASH_SIZE, "keep the hash set at most half full");
static int	hash_built;			/* 0 no, 1 building, 2 built */

static inline uint32_t
hash(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char) s[i]) * 16777619u;
	return h;
}

static void
hash_build(void)
{
	int			expected = 0;

	if (__atomic_load_n(&hash_built, __ATOMIC_ACQUIRE) == 2)
		return;
	if (!__atomic_compare_exchange_n(&hash_built, &expected, 1, false,
									 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
	{
		while (__atomic_load_n(&hash_built, __ATOMIC_ACQUIRE) != 2)
			;
		return;
	}
	for (size_t i = 0; i < NDOMAINS; i++)
	{
		uint32_t	h = hash(domains[i].domain, domains[i].len) & (HASH_SIZE - 1);

		while (hash_slot[h] != 0)
			h = (h + 1) & (HASH_SIZE - 1);
		hash_slot[h] = (uint8_t) (i + 1);
	}
	__atomic_store_n(&hash_built, 2, __ATOMIC_RELEASE);
}

static BnProvider
lookup(const char *s, size_t len)
{
	uint32_t	h = hash(s, len) & (HASH_SIZE - 1);

	for (;;)
	{
		int			k = hash_slot[h];
		const ProviderDomain *d;

		if (k == 0)
			return BN_PROVIDER_UNKNOWN;
		d = &domains[k - 1];
		if (d->len == len && memcmp(d->domain, s, len) == 0)
			return d->provider;
		h = (h + 1) & (HASH_SIZE - 1);
	}
}

static inline bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

BnProvider
bn_provider_of(const char *name, size_t len)
{
	char		buf[TAIL_MAX];
	size_t		start = 0,
				end = len,
				lim,
				from,
				cand[2],		/* starts of the two- and three-label suffixes */
				dots[3];
	int			ndots = 0,
				ncand = 0;
	bool		whole;			/* the scan reached the start of the name */

	if (name == NULL)
		return BN_PROVIDER_UNKNOWN;

	/* Trim blanks and angle brackets, then a trailing dot. */
	while (start < end && (is_space(name[start]) || name[start] == '<'))
		start++;
	while (end > start && (is_space(name[end - 1]) || name[end - 1] == '>'))
		end--;
	if (end > start && name[end - 1] == '.')
		end--;

	/*
	 * Every table entry has two or three labels and is short, so only the
	 * last three labels matter, within the last TAIL_MAX characters.  An
	 * address stops at its last '@'.
	 */
	lim = end - start > TAIL_MAX ? end - TAIL_MAX : start;
	whole = lim == start;
	for (size_t i = end; i > lim; i--)
	{
		char		c = name[i - 1];

		if (c == '@')
		{
			start = i;
			whole = true;
			break;
		}
		if (c == '.' && ndots < 3)
			dots[ndots++] = i;	/* a label starts at i */
	}
	if (ndots >= 2)
		cand[ncand++] = dots[1];
	else if (ndots == 1 && whole)
		cand[ncand++] = start;
	if (ndots == 3)
		cand[ncand++] = dots[2];
	else if (ndots == 2 && whole)
		cand[ncand++] = start;
	if (ncand == 0)
		return BN_PROVIDER_UNKNOWN;
	hash_build();

	from = cand[ncand - 1];
	for (size_t i = from; i < end; i++)
	{
		unsigned char c = (unsigned char) name[i];

		buf[i - from] = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : (char) c;
	}
	for (int k = 0; k < ncand; k++)
	{
		BnProvider	p = lookup(buf + (cand[k] - from), end - cand[k]);

		if (p != BN_PROVIDER_UNKNOWN)
			return p;
	}
	return BN_PROVIDER_UNKNOWN;
}
