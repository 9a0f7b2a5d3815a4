/*
 * test_status.c
 *		Unit tests of the status and reply code parsers (src/core/status.c).
 */
#include "status.h"
#include "unit.h"

static BnStatus
parse(const char *s, BnStatusError *err)
{
	BnStatus	st = 0;

	*err = bn_status_parse(s, strlen(s), &st);
	return st;
}

static BnStatus
find(const char *s)
{
	return bn_status_find(s, strlen(s));
}

static int
reply(const char *s)
{
	return bn_reply_code_find(s, strlen(s));
}

int
main(void)
{
	BnStatusError err;
	char		buf[BN_STATUS_BUFSIZE];

	CHECK_INT(parse("5.1.1", &err), 5001001);
	CHECK_INT(err, BN_STATUS_OK);
	CHECK_INT(parse("4.999.999", &err), 4999999);
	CHECK_INT(parse("2.0.0", &err), 2000000);
	parse("6.1.1", &err);
	CHECK_INT(err, BN_STATUS_BAD_CLASS);
	parse("5.1", &err);
	CHECK_INT(err, BN_STATUS_MISSING_PART);
	parse("5.1.1000", &err);
	CHECK_INT(err, BN_STATUS_OUT_OF_RANGE);
	parse("5.1.1x", &err);
	CHECK_INT(err, BN_STATUS_BAD_CHARACTER);
	parse("", &err);
	CHECK_INT(err, BN_STATUS_EMPTY);
	parse("5.1.1.1", &err);
	CHECK_INT(err, BN_STATUS_BAD_CHARACTER);
	parse("55.1.1", &err);
	CHECK_INT(err, BN_STATUS_BAD_CLASS);
	parse("5..1", &err);
	CHECK_INT(err, BN_STATUS_MISSING_PART);
	parse("99999999999999999999.1.1", &err);
	CHECK_INT(err, BN_STATUS_BAD_CLASS);

	bn_status_format(5001010, buf);
	CHECK_STR(buf, "5.1.10");
	bn_status_format(4999999, buf);
	CHECK_STR(buf, "4.999.999");
	CHECK(bn_status_valid(5007001));
	CHECK(!bn_status_valid(0));
	CHECK(!bn_status_valid(3001001));

	CHECK_INT(find("550 5.1.1 <a@example.org>: Recipient address rejected"), 5001001);
	CHECK_INT(find("550-5.7.26 Unauthenticated email"), 5007026);
	CHECK_INT(find("host 10.4.4.7 said: 452 4.2.2 over quota"), 4002002);
	CHECK_INT(find("deferred - 4.16.55.1"), 0);
	CHECK_INT(find("version 5.1.1.2 then #5.2.2"), 5002002);
	CHECK_INT(find("x5.1.1"), 0);
	CHECK_INT(find("(5.4.1)"), 5004001);
	CHECK_INT(find("5.1.1"), 5001001);
	CHECK_INT(find("5.1."), 0);
	CHECK_INT(find(""), 0);
	CHECK_INT(bn_status_find(NULL, 0), 0);

	CHECK_INT(reply("550 5.1.1 User unknown"), 550);
	CHECK_INT(reply("smtp; 421-4.7.0 try later"), 421);
	CHECK_INT(reply("said: 452 4.2.2"), 452);
	CHECK_INT(reply("5502 no"), 0);
	CHECK_INT(reply("port 2525 refused"), 0);
	CHECK_INT(reply("550"), 550);
	CHECK_INT(reply("code 650 is not a reply"), 0);
	CHECK_INT(reply("4.2.2 452"), 452);
	CHECK_INT(bn_reply_code_find(NULL, 0), 0);
	/* quantities are no reply codes: sizes, durations, counts, ratios */
	CHECK_INT(reply("Message size 250 kB over the limit"), 0);
	CHECK_INT(reply("retry in 421 seconds"), 0);
	CHECK_INT(reply("You sent 550 messages today"), 0);
	CHECK_INT(reply("hourly limit (250/250 (100%))"), 0);
	CHECK_INT(reply("at 450% of the quota"), 0);
	/* a reply whose text begins with the singular still is */
	CHECK_INT(reply("421 Message from 192.0.2.1 temporarily deferred"), 421);

	/* past the eight-byte digit test: every offset, high bytes around */
	for (int off = 0; off < 20; off++)
	{
		char		buf[64];
		BnStatus	st;
		int			code;

		memset(buf, 'x', off);
		buf[off] = '\0';
		if (off > 0)
			buf[off - 1] = ' ';
		if (off > 3)
			buf[1] = (char) 0xC3;	/* a non-ASCII byte before the codes */
		strcat(buf, "550 5.1.1 \xE9t\xE9 9");
		CHECK_INT(find(buf), 5001001);
		CHECK_INT(reply(buf), 550);
		bn_codes_find(buf, strlen(buf), &st, &code);
		CHECK_INT(st, 5001001);
		CHECK_INT(code, 550);
		bn_codes_find(buf, strlen(buf), NULL, &code);
		CHECK_INT(code, 550);
		bn_codes_find(buf, off, &st, &code);	/* cut before the codes */
		CHECK_INT(st, 0);
		CHECK_INT(code, 0);
	}
	/* the status first, the reply code later in the same text */
	{
		BnStatus	st;
		int			code;
		const char *t = "host said: 5.2.2 mailbox full; remote: 552-over quota";

		bn_codes_find(t, strlen(t), &st, &code);
		CHECK_INT(st, 5002002);
		CHECK_INT(code, 552);
		bn_codes_find(NULL, 0, &st, &code);
		CHECK_INT(st, 0);
		CHECK_INT(code, 0);
	}

	{
		bool		reg;

		CHECK_STR(bn_status_describe(5001001, &reg), "Bad destination mailbox address");
		CHECK(reg);
		CHECK_STR(bn_status_describe(5007606, &reg), "Security or policy status");
		CHECK(!reg);
	}

	UNIT_DONE();
}
