/*
 * test_addrkey.c
 *		The address key: ASCII lower case, Unicode simple case folding, no
 *		locale; ill-formed UTF-8 kept byte for byte.
 */
#include "unit.h"

#include "addrkey.h"

static int
key_is(const char *in, const char *want)
{
	char		out[BN_ADDRESS_KEY_SPACE(256)];
	size_t		n = bn_address_key(in, strlen(in), out);

	if (n == strlen(want) && memcmp(out, want, n) == 0)
		return 1;
	fprintf(stderr, "key of \"%s\" is \"%.*s\", want \"%s\"\n", in, (int) n, out, want);
	return 0;
}

int
main(void)
{
	CHECK(key_is("Jo.Doe@Example.ORG", "jo.doe@example.org"));
	CHECK(key_is("", ""));
	/* Latin-1, Latin Extended-A/B, Greek, Cyrillic, Armenian, Georgian */
	CHECK(key_is("J\xC3\x96RG@B\xC3\x84R.DE", "j\xC3\xB6rg@b\xC3\xA4r.de"));	/* ÖÄ */
	CHECK(key_is("\xC5\x81UKASZ@x.pl", "\xC5\x82ukasz@x.pl"));	/* Ł */
	CHECK(key_is("\xC7\x85@x.io", "\xC7\x86@x.io"));	/* ǅ -> ǆ */
	CHECK(key_is("\xCE\xA3\xCE\x9F\xCE\xA6\xCE\x99\xCE\x91@x.gr",
				 "\xCF\x83\xCE\xBF\xCF\x86\xCE\xB9\xCE\xB1@x.gr"));	/* ΣΟΦΙΑ */
	CHECK(key_is("\xCF\x82@x.gr", "\xCF\x83@x.gr"));	/* final sigma folds */
	CHECK(key_is("\xD0\x98\xD0\x92\xD0\x90\xD0\x9D@x.ru",
				 "\xD0\xB8\xD0\xB2\xD0\xB0\xD0\xBD@x.ru"));	/* ИВАН */
	CHECK(key_is("\xD4\xB1@x.am", "\xD5\xA1@x.am"));	/* Armenian Ա */
	CHECK(key_is("\xE1\x82\xA0@x.ge", "\xE2\xB4\x80@x.ge"));	/* Georgian Ⴀ */
	CHECK(key_is("\xEF\xBC\xA1@x.jp", "\xEF\xBD\x81@x.jp"));	/* fullwidth Ａ */
	/* simple, not full folding: ẞ -> ß, ß stays, İ stays */
	CHECK(key_is("STRA\xE1\xBA\x9E" "E@x.de", "stra\xC3\x9F" "e@x.de"));
	CHECK(key_is("stra\xC3\x9F" "e@x.de", "stra\xC3\x9F" "e@x.de"));
	CHECK(key_is("\xC4\xB0@x.tr", "\xC4\xB0@x.tr"));
	/* the length may change: Kelvin sign -> k, Ⱥ -> ⱥ */
	CHECK(key_is("\xE2\x84\xAA@x.io", "k@x.io"));
	CHECK(key_is("\xC8\xBA@x.io", "\xE2\xB1\xA5@x.io"));
	/* ill-formed UTF-8: bytes kept */
	CHECK(key_is("A\xC3@x.io", "a\xC3@x.io"));
	CHECK(key_is("\xC0\x81Z@x.io", "\xC0\x81z@x.io"));
	CHECK(key_is("\xED\xA0\x80" "B", "\xED\xA0\x80" "b"));

	CHECK(bn_address_is_key("jo@x.org", 8));
	CHECK(!bn_address_is_key("Jo@x.org", 8));
	CHECK(!bn_address_is_key("\xC3\x96@x", 4));
	CHECK(bn_address_is_key("\xC3\xB6@x", 4));
	CHECK_INT(bn_casefold(0x0041), 0x0061);
	CHECK_INT(bn_casefold(0x0101), 0x0101);
	CHECK_INT(bn_casefold(0x0100), 0x0101);
	CHECK_INT(bn_casefold(0x0102), 0x0103);
	CHECK_INT(bn_casefold(0x10400), 0x10428);	/* Deseret */
	CHECK_INT(bn_casefold(0x4E00), 0x4E00);

	/* every key is its own key (folding is idempotent) */
	for (unsigned int cp = 0x80; cp < 0x20000; cp++)
		if (bn_casefold(bn_casefold(cp)) != bn_casefold(cp))
		{
			CHECK_INT(cp, -1);
			break;
		}
	CHECK(1);
	UNIT_DONE();
}
