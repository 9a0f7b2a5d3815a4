/*
 * test_provider.c
 *		Mailbox provider recognition (src/core/provider.c).
 */
#include "provider.h"
#include "unit.h"

#include <stdbool.h>
#include <string.h>

extern bool bn_provider_table_sorted(void);

static BnProvider
of(const char *s)
{
	return bn_provider_of(s, strlen(s));
}

int
main(void)
{
	CHECK(bn_provider_table_sorted());
	CHECK_STR(bn_provider_names[BN_PROVIDER_UNKNOWN], "unknown");
	CHECK_STR(bn_provider_names[BN_PROVIDER_NAVER], "naver");
	CHECK_STR(bn_provider_names[BN_PROVIDER_UNITED_INTERNET], "united_internet");

	/* Google: consumer domains and MX hosts */
	CHECK_INT(of("gmail.com"), BN_PROVIDER_GOOGLE);
	CHECK_INT(of("googlemail.com"), BN_PROVIDER_GOOGLE);
	CHECK_INT(of("aspmx.l.google.com"), BN_PROVIDER_GOOGLE);
	CHECK_INT(of("alt2.aspmx.l.google.com."), BN_PROVIDER_GOOGLE);
	CHECK_INT(of("gmail-smtp-in.l.google.com"), BN_PROVIDER_GOOGLE);
	CHECK_INT(of("Some.Person@GMail.COM"), BN_PROVIDER_GOOGLE);
	CHECK_INT(of("<someone@googlemail.com>"), BN_PROVIDER_GOOGLE);

	/* Microsoft */
	CHECK_INT(of("hotmail.com"), BN_PROVIDER_MICROSOFT);
	CHECK_INT(of("hotmail.co.uk"), BN_PROVIDER_MICROSOFT);
	CHECK_INT(of("outlook.com"), BN_PROVIDER_MICROSOFT);
	CHECK_INT(of("live.com"), BN_PROVIDER_MICROSOFT);
	CHECK_INT(of("msn.com"), BN_PROVIDER_MICROSOFT);
	CHECK_INT(of("contoso-com.mail.protection.outlook.com"), BN_PROVIDER_MICROSOFT);
	CHECK_INT(of("eur.olc.protection.outlook.com"), BN_PROVIDER_MICROSOFT);
	CHECK_INT(of("contoso.onmicrosoft.com"), BN_PROVIDER_MICROSOFT);

	/* Yahoo, AOL, Verizon */
	CHECK_INT(of("yahoo.com"), BN_PROVIDER_YAHOO);
	CHECK_INT(of("yahoo.co.uk"), BN_PROVIDER_YAHOO);
	CHECK_INT(of("ymail.com"), BN_PROVIDER_YAHOO);
	CHECK_INT(of("aol.com"), BN_PROVIDER_YAHOO);
	CHECK_INT(of("verizon.net"), BN_PROVIDER_YAHOO);
	CHECK_INT(of("mta7.am0.yahoodns.net"), BN_PROVIDER_YAHOO);

	/* Apple */
	CHECK_INT(of("icloud.com"), BN_PROVIDER_APPLE);
	CHECK_INT(of("me.com"), BN_PROVIDER_APPLE);
	CHECK_INT(of("mac.com"), BN_PROVIDER_APPLE);
	CHECK_INT(of("mx02.mail.icloud.com"), BN_PROVIDER_APPLE);

	/* the others */
	CHECK_INT(of("comcast.net"), BN_PROVIDER_COMCAST);
	CHECK_INT(of("sbcglobal.net"), BN_PROVIDER_ATT);
	CHECK_INT(of("att.net"), BN_PROVIDER_ATT);
	CHECK_INT(of("orange.fr"), BN_PROVIDER_ORANGE);
	CHECK_INT(of("smtp-in.orange.fr"), BN_PROVIDER_ORANGE);
	CHECK_INT(of("wanadoo.fr"), BN_PROVIDER_ORANGE);
	CHECK_INT(of("free.fr"), BN_PROVIDER_FREE);
	CHECK_INT(of("gmx.de"), BN_PROVIDER_UNITED_INTERNET);
	CHECK_INT(of("web.de"), BN_PROVIDER_UNITED_INTERNET);
	CHECK_INT(of("mail.com"), BN_PROVIDER_UNITED_INTERNET);
	CHECK_INT(of("mail.ru"), BN_PROVIDER_MAILRU);
	CHECK_INT(of("yandex.ru"), BN_PROVIDER_YANDEX);
	CHECK_INT(of("mx.yandex.net"), BN_PROVIDER_YANDEX);
	CHECK_INT(of("qq.com"), BN_PROVIDER_TENCENT);
	CHECK_INT(of("foxmail.com"), BN_PROVIDER_TENCENT);
	CHECK_INT(of("163.com"), BN_PROVIDER_NETEASE);
	CHECK_INT(of("126.com"), BN_PROVIDER_NETEASE);
	CHECK_INT(of("zoho.com"), BN_PROVIDER_ZOHO);
	CHECK_INT(of("proton.me"), BN_PROVIDER_PROTON);
	CHECK_INT(of("protonmail.com"), BN_PROVIDER_PROTON);
	CHECK_INT(of("fastmail.com"), BN_PROVIDER_FASTMAIL);
	CHECK_INT(of("in1-smtp.messagingengine.com"), BN_PROVIDER_FASTMAIL);
	CHECK_INT(of("eu-smtp-inbound-1.mimecast.com"), BN_PROVIDER_MIMECAST);
	CHECK_INT(of("mx0a-001234.pphosted.com"), BN_PROVIDER_PROOFPOINT);
	CHECK_INT(of("a8-95.smtp-out.amazonses.com"), BN_PROVIDER_AMAZON_SES);
	CHECK_INT(of("cox.net"), BN_PROVIDER_COX);
	CHECK_INT(of("charter.net"), BN_PROVIDER_CHARTER);
	CHECK_INT(of("twc.com"), BN_PROVIDER_CHARTER);
	CHECK_INT(of("smtp.secureserver.net"), BN_PROVIDER_GODADDY);
	CHECK_INT(of("ezweb.ne.jp"), BN_PROVIDER_KDDI);
	CHECK_INT(of("docomo.ne.jp"), BN_PROVIDER_DOCOMO);
	CHECK_INT(of("seznam.cz"), BN_PROVIDER_SEZNAM);
	CHECK_INT(of("libero.it"), BN_PROVIDER_LIBERO);
	CHECK_INT(of("virgilio.it"), BN_PROVIDER_LIBERO);
	CHECK_INT(of("naver.com"), BN_PROVIDER_NAVER);

	/* suffixes only on a label boundary */
	CHECK_INT(of("notgmail.com"), BN_PROVIDER_UNKNOWN);
	CHECK_INT(of("gmail.com.example.org"), BN_PROVIDER_UNKNOWN);
	CHECK_INT(of("mygmx.de"), BN_PROVIDER_UNKNOWN);
	CHECK_INT(of("example.com"), BN_PROVIDER_UNKNOWN);

	/* odd input */
	CHECK_INT(bn_provider_of(NULL, 0), BN_PROVIDER_UNKNOWN);
	CHECK_INT(of(""), BN_PROVIDER_UNKNOWN);
	CHECK_INT(of("."), BN_PROVIDER_UNKNOWN);
	CHECK_INT(of("@"), BN_PROVIDER_UNKNOWN);
	CHECK_INT(of("user@"), BN_PROVIDER_UNKNOWN);
	CHECK_INT(of("<>"), BN_PROVIDER_UNKNOWN);
	CHECK_INT(of("192.0.2.25"), BN_PROVIDER_UNKNOWN);
	CHECK_INT(of("  Yahoo.COM.  "), BN_PROVIDER_YAHOO);
	CHECK_INT(bn_provider_of("gmail.comXYZ", 9), BN_PROVIDER_GOOGLE);	/* length counts */
	{
		char		big[1000];

		memset(big, 'a', sizeof big);
		memcpy(big + sizeof big - 10, ".gmail.com", 10);
		CHECK_INT(bn_provider_of(big, sizeof big), BN_PROVIDER_GOOGLE);
		big[sizeof big - 10] = '\xff';
		CHECK_INT(bn_provider_of(big, sizeof big), BN_PROVIDER_UNKNOWN);
	}

	UNIT_DONE();
}
