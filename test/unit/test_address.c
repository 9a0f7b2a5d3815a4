/*
 * test_address.c
 *		Unit tests of src/core/address.c: the domain of an address.
 */
#include "address.h"
#include "unit.h"

static char buf[512];

/* The lower-cased domain of s, or "(none)". */
static const char *
domain(const char *s)
{
	const char *d;
	size_t		len;

	if (!bn_address_domain(s, strlen(s), &d, &len))
		return "(none)";
	bn_ascii_lower(buf, d, len);
	buf[len] = '\0';
	return buf;
}

static const char *
domain_of(const char *s)
{
	const char *d;
	size_t		len;

	if (!bn_domain_of(s, strlen(s), &d, &len))
		return "(none)";
	bn_ascii_lower(buf, d, len);
	buf[len] = '\0';
	return buf;
}

int
main(void)
{
	CHECK_STR(domain("alice@example.com"), "example.com");
	CHECK_STR(domain("Alice@Example.COM"), "example.com");
	CHECK_STR(domain("alice@example.com."), "example.com");
	CHECK_STR(domain("  <alice@example.com>  "), "example.com");
	CHECK_STR(domain("Alice Smith <alice@Example.com>"), "example.com");
	CHECK_STR(domain("<alice@example.com.>"), "example.com");
	CHECK_STR(domain("\"a@b\"@example.org"), "example.org");
	CHECK_STR(domain("alice@[192.0.2.1]"), "[192.0.2.1]");
	CHECK_STR(domain("alice@sub.EXAMPLE.co.uk\r\n"), "sub.example.co.uk");
	/* non-ASCII: only ASCII letters are lowered, UTF-8 bytes are kept */
	CHECK_STR(domain("jörg@Bücher.DE"), "bücher.de");
	CHECK_STR(domain("user@ÄÖÜ.example"), "ÄÖÜ.example");
	CHECK_STR(domain("用户@例子.广告"), "例子.广告");
	CHECK_STR(domain("user@XN--BCHER-KVA.de"), "xn--bcher-kva.de");
	/* no domain */
	CHECK_STR(domain("alice"), "(none)");
	CHECK_STR(domain("alice@"), "(none)");
	CHECK_STR(domain("alice@."), "(none)");
	CHECK_STR(domain("alice@  >"), "(none)");
	CHECK_STR(domain(""), "(none)");
	CHECK_STR(domain("   "), "(none)");
	CHECK_STR(domain("example.com"), "(none)");

	/* address or domain */
	CHECK_STR(domain_of("example.com"), "example.com");
	CHECK_STR(domain_of(" <Example.COM.> "), "example.com");
	CHECK_STR(domain_of("bob@GMAIL.com"), "gmail.com");
	CHECK_STR(domain_of("aspmx.l.google.com."), "aspmx.l.google.com");
	CHECK_STR(domain_of(""), "(none)");
	CHECK_STR(domain_of("<>"), "(none)");
	CHECK_STR(domain_of("bob@"), "(none)");

	UNIT_DONE();
}
