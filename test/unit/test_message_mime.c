/*
 * test_message_mime.c
 *		Unit tests of the message parser's MIME layer: header fields,
 *		encoded words, transfer encodings, charsets, dates, multipart
 *		nesting, and hostile input (src/core/headers.c, mime.c, charset.c,
 *		maildate.c).
 */
#include "unit.h"

#include "bouncemsg.h"
#include "charset.h"
#include "headers.h"
#include "mime.h"
#include "msgctx.h"

#include <stdlib.h>
#include <time.h>

static BnArena a;

static const char *
conv(const char *cs, const char *in)
{
	const char *out;
	size_t		n = bn_charset_to_utf8(cs, strlen(cs), in, strlen(in), &a, &out);

	if (n == (size_t) -1)
		return "(nomem)";
	return bn_arena_strndup(&a, out, n);
}

static void
test_charsets(void)
{
	CHECK_STR(conv("utf-8", "caf\xc3\xa9"), "caf\xc3\xa9");
	CHECK_STR(conv("UTF-8", "a\xff" "b\xc3"), "a\xef\xbf\xbd" "b\xef\xbf\xbd");
	CHECK_STR(conv("us-ascii", "\xe9"), "\xef\xbf\xbd");
	CHECK_STR(conv("ISO-8859-1", "caf\xe9"), "caf\xc3\xa9");
	CHECK_STR(conv("iso-8859-5", "\xbf\xe0\xd8"), "\xd0\x9f\xd1\x80\xd0\xb8");
	CHECK_STR(conv("windows-1252", "\x80"), "\xe2\x82\xac");
	CHECK_STR(conv("Windows-1251", "\xcf"), "\xd0\x9f");
	/* Japanese: "kon" in hiragana three ways */
	CHECK_STR(conv("ISO-2022-JP", "\x1b$B$3$s\x1b(B!"), "\xe3\x81\x93\xe3\x82\x93!");
	CHECK_STR(conv("shift_jis", "\x82\xb1\x82\xf1"), "\xe3\x81\x93\xe3\x82\x93");
	CHECK_STR(conv("EUC-JP", "\xa4\xb3\xa4\xf3"), "\xe3\x81\x93\xe3\x82\x93");
	/* Chinese "zhong" in GB2312 and GBK */
	CHECK_STR(conv("gb2312", "\xd6\xd0"), "\xe4\xb8\xad");
	CHECK_STR(conv("GBK", "\x81\x40"), "\xe4\xb8\x82");
	/* invalid bytes never fail, unknown charsets read as UTF-8 */
	CHECK(strstr(conv("shift_jis", "a\x82"), "a") != NULL);
	CHECK_STR(conv("x-no-such-charset", "ok"), "ok");
	CHECK_STR(conv("\"utf-8\"", "ok"), "ok");
}

static const char *
hdr(const char *block, const char *name)
{
	BnHeaders	h;
	char	   *v;

	bn_headers_parse(block, strlen(block), &a, &h);
	v = bn_header_get(&h, name, &a);
	return v ? v : "(null)";
}

static void
test_headers(void)
{
	CHECK_STR(hdr("Subject: one\n two\n\tthree\n\n", "subject"), "one two three");
	CHECK_STR(hdr("X: a\r\nsubject : spaced\r\n\r\n", "SUBJECT"), "spaced");
	CHECK_STR(hdr("Subject: =?utf-8?Q?caf=C3=A9_ok?=\n", "subject"), "caf\xc3\xa9 ok");
	CHECK_STR(hdr("Subject: =?UTF-8?B?Y2Fmw6k=?= =?UTF-8?B?IG9r?=\n", "subject"),
			  "caf\xc3\xa9 ok");
	CHECK_STR(hdr("Subject: =?ISO-2022-JP?B?GyRCJDMkcxsoQg==?=\n", "subject"),
			  "\xe3\x81\x93\xe3\x82\x93");
	CHECK_STR(hdr("Subject: =?iso-8859-1*fr?q?d=E9j=E0?= vu\n", "subject"),
			  "d\xc3\xa9j\xc3\xa0 vu");
	CHECK_STR(hdr("Subject: =?bogus\n", "subject"), "=?bogus");
	CHECK_STR(hdr("Subject: raw \xe9t\xe9\n", "subject"), "raw \xef\xbf\xbdt\xef\xbf\xbd");
	CHECK_STR(hdr("Subject: x\n\nTo: body@example.org\n", "to"), "(null)");
	CHECK_STR(bn_header_param("multipart/report; report-type=delivery-status;\tboundary=\"a;b\"",
							  "boundary", &a), "a;b");
	CHECK_STR(bn_header_param("text/plain; CHARSET=ISO-8859-1", "charset", &a), "ISO-8859-1");
	CHECK(bn_header_param("text/plain; name=\"x", "charset", &a) == NULL);
}

static void
test_encodings(void)
{
	char		out[64];
	size_t		n;

	n = bn_qp_decode("a=3Db=\r\nc= \nd=ZZ", 16, out);
	CHECK_INT(n, 8);
	CHECK(memcmp(out, "a=bcd=ZZ", 8) == 0);
	n = bn_base64_decode("aGVs\nbG8=", 9, out);
	CHECK_INT(n, 5);
	CHECK(memcmp(out, "hello", 5) == 0);
	n = bn_base64_decode("!!!", 3, out);
	CHECK_INT(n, 0);
}

static void
test_dates(void)
{
	int64_t		t = 0;

	CHECK(bn_parse_date("Wed, 02 Dec 2026 09:10:11 +0900", 31, &t));
	CHECK_INT(t, 1796170211);
	CHECK(bn_parse_date("2 Dec 26 00:10:11 GMT", 21, &t));
	CHECK_INT(t, 1796170211);
	CHECK(bn_parse_date("Tue, 1 Dec 2026 16:10:11 -0800 (PST)", 36, &t));
	CHECK_INT(t, 1796170211);
	CHECK(bn_parse_date("Wed Dec  2 00:10:11 2026", 24, &t));
	CHECK_INT(t, 1796170211);
	CHECK(!bn_parse_date("yesterday", 9, &t));
	CHECK(!bn_parse_date("32 Dec 2026 00:00:00", 20, &t));
}

static void
test_multipart(void)
{
	BnMime		mi;
	const char *msg =
		"Content-Type: multipart/mixed; boundary=A\n\n"
		"preamble\n--A\nContent-Type: multipart/alternative; boundary=B\n\n"
		"--B\nContent-Type: text/plain; charset=iso-8859-1\n"
		"Content-Transfer-Encoding: quoted-printable\n\nd=E9j=E0\n"
		"--B\nContent-Type: text/html\n\n<p>x</p>\n--B--\n"
		"--A\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\nAAAA\n"
		"--A\nContent-Type: message/rfc822\n\nMessage-ID: <x@y>\nSubject: s\n\nbody\n"
		"--A--\nepilogue\n";

	CHECK(bn_mime_parse(msg, strlen(msg), &a, &mi));
	CHECK_INT(mi.nparts, 4);
	CHECK_STR(mi.parts[0].ctype, "text/plain");
	CHECK_INT(mi.parts[0].depth, 2);
	CHECK(mi.parts[0].text != NULL && mi.parts[0].text_len == 6 &&
		  memcmp(mi.parts[0].text, "d\xc3\xa9j\xc3\xa0", 6) == 0);
	CHECK_STR(mi.parts[1].ctype, "text/html");
	CHECK(mi.parts[2].text == NULL);
	CHECK(mi.parts[3].encapsulated);
	CHECK_STR(bn_header_get(&mi.parts[3].headers, "message-id", &a), "<x@y>");

	/* no close delimiter: the last part runs to the end */
	msg = "Content-Type: multipart/report; boundary=Q\n\n--Q\nContent-Type: text/plain\n\nlast";
	CHECK(bn_mime_parse(msg, strlen(msg), &a, &mi));
	CHECK_INT(mi.nparts, 1);
	CHECK(mi.parts[0].text_len == 4);
	/* no delimiter at all: one text part */
	msg = "Content-Type: multipart/mixed; boundary=none\n\njust text";
	CHECK(bn_mime_parse(msg, strlen(msg), &a, &mi));
	CHECK_INT(mi.nparts, 1);
	CHECK_STR(mi.parts[0].ctype, "text/plain");
}

/*
 * A bounce forwarded as an attachment (message/rfc822) by a person or a
 * helpdesk is read from the enclosed message; the returned message a
 * report encloses never is, even when it is a report itself.
 */
static void
rows_of(const char *msg, BnMessage *m)
{
	if (bn_message_parse(msg, strlen(msg), m) != BN_MSG_OK)
		m->n = -1;
}

static void
test_forwarded(void)
{
	BnMessage	m;
	const char *forward =
		"From: Ops <ops@example.com>\n"
		"Subject: Fwd: Undelivered Mail Returned to Sender\n"
		"MIME-Version: 1.0\n"
		"Content-Type: multipart/mixed; boundary=F\n\n"
		"--F\nContent-Type: text/plain\n\nSee the bounce attached; please clean the list.\n\n"
		"--F\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n"
		"RnJvbTogTWFpbCBEZWxpdmVyeSBTeXN0ZW0gPE1BSUxFUi1EQUVNT05AbXguZXhhbXBsZS5uZXQ+\n"
		"ClRvOiBuZXdzQGV4YW1wbGUuY29tClN1YmplY3Q6IFVuZGVsaXZlcmVkIE1haWwgUmV0dXJuZWQg\n"
		"dG8gU2VuZGVyCk1JTUUtVmVyc2lvbjogMS4wCkNvbnRlbnQtVHlwZTogbXVsdGlwYXJ0L3JlcG9y\n"
		"dDsgcmVwb3J0LXR5cGU9ZGVsaXZlcnktc3RhdHVzOyBib3VuZGFyeT1SCgotLVIKQ29udGVudC1U\n"
		"eXBlOiB0ZXh0L3BsYWluCgpZb3VyIG1lc3NhZ2UgY291bGQgbm90IGJlIGRlbGl2ZXJlZC4KCi0t\n"
		"UgpDb250ZW50LVR5cGU6IG1lc3NhZ2UvZGVsaXZlcnktc3RhdHVzCgpSZXBvcnRpbmctTVRBOiBk\n"
		"bnM7IG14LmV4YW1wbGUubmV0CgpGaW5hbC1SZWNpcGllbnQ6IHJmYzgyMjsgZ29uZUBleGFtcGxl\n"
		"Lm5ldApBY3Rpb246IGZhaWxlZApTdGF0dXM6IDUuMS4xCkRpYWdub3N0aWMtQ29kZTogc210cDsg\n"
		"NTUwIDUuMS4xIDxnb25lQGV4YW1wbGUubmV0PjogUmVjaXBpZW50IGFkZHJlc3MgcmVqZWN0ZWQ6\n"
		"IFVzZXIgdW5rbm93bgoKLS1SLS0K\n"
		"--F--\n";
	const char *report_returning_report =
		"From: MAILER-DAEMON@mx.example.org\n"
		"Subject: Delivery Status Notification (Failure)\n"
		"MIME-Version: 1.0\n"
		"Content-Type: multipart/report; report-type=delivery-status; boundary=O\n\n"
		"--O\nContent-Type: message/delivery-status\n\n"
		"Reporting-MTA: dns; mx.example.org\n\n"
		"Final-Recipient: rfc822; outer@example.org\nAction: failed\nStatus: 5.2.2\n\n"
		"--O\nContent-Type: message/rfc822\n\n"
		"From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\n"
		"To: news@example.com\n"
		"Subject: Undelivered Mail Returned to Sender\n"
		"MIME-Version: 1.0\n"
		"Content-Type: multipart/report; report-type=delivery-status; boundary=R\n"
		"\n"
		"--R\n"
		"Content-Type: text/plain\n"
		"\n"
		"Your message could not be delivered.\n"
		"\n"
		"--R\n"
		"Content-Type: message/delivery-status\n"
		"\n"
		"Reporting-MTA: dns; mx.example.net\n"
		"\n"
		"Final-Recipient: rfc822; gone@example.net\n"
		"Action: failed\n"
		"Status: 5.1.1\n"
		"Diagnostic-Code: smtp; 550 5.1.1 <gone@example.net>: Recipient address rejected: User unknown\n"
		"\n"
		"--R--\n"
		"--O--\n";
	const char *forwarded_newsletter =
		"From: Reader <reader@example.org>\n"
		"Subject: Fwd: our autumn newsletter\n"
		"MIME-Version: 1.0\n"
		"Content-Type: multipart/mixed; boundary=N\n\n"
		"--N\nContent-Type: text/plain\n\nThought you would like this.\n\n"
		"--N\nContent-Type: message/rfc822\n\n"
		"From: news@example.com\nTo: reader@example.org\nSubject: Autumn\n\nHello!\n"
		"--N--\n";

	rows_of(forward, &m);
	CHECK_INT(m.n, 1);
	if (m.n == 1)
	{
		CHECK_STR(m.format, "dsn");
		CHECK_STR(m.rcpts[0].recipient, "gone@example.net");
		CHECK_INT(m.rcpts[0].reason, BN_REASON_USER_UNKNOWN);
	}
	bn_message_free(&m);

	rows_of(report_returning_report, &m);
	CHECK_INT(m.n, 1);
	if (m.n == 1)
		CHECK_STR(m.rcpts[0].recipient, "outer@example.org");
	bn_message_free(&m);

	rows_of(forwarded_newsletter, &m);
	CHECK_INT(m.n, 0);
	bn_message_free(&m);
}

static double
seconds_to_parse(const char *s, size_t n, int *rows)
{
	clock_t		t0 = clock();
	BnMessage	m;

	if (bn_message_parse(s, n, &m) != BN_MSG_OK)
		*rows = -1;
	else
		*rows = m.n;
	bn_message_free(&m);
	return (double) (clock() - t0) / CLOCKS_PER_SEC;
}

/* hostile input: no crash, rows or nothing, time linear in the size */
static void
test_hostile(void)
{
	size_t		big = 50 * 1024 * 1024;
	char	   *buf = malloc(big + 4096);
	size_t		n = 0;
	int			rows;
	double		t_small;
	double		t_big;
	const char *head =
		"Content-Type: multipart/report; boundary=z\n\n--z\n"
		"Content-Type: message/delivery-status\n\n"
		"Final-Recipient: rfc822; big@example.org\nStatus: 5.1.1\n\n--z\n"
		"Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n";

	/* a 50 MB body after a DSN part */
	n = strlen(head);
	memcpy(buf, head, n);
	for (size_t i = n; i < big; i++)
		buf[i] = "abc=\n--zz xyz\r"[i % 14];
	t_small = seconds_to_parse(buf, big / 10, &rows);
	CHECK_INT(rows, 1);
	t_big = seconds_to_parse(buf, big, &rows);
	CHECK_INT(rows, 1);
	CHECK(t_big < 2.0);
	CHECK(t_big < 20 * t_small + 0.05);

	/* 10,000 nested multiparts with a DSN at the bottom: capped, no rows */
	n = 0;
	for (int i = 0; i < 10000; i++)
		n += (size_t) sprintf(buf + n, "Content-Type: multipart/mixed; boundary=b%d\n\n--b%d\n", i, i);
	n += (size_t) sprintf(buf + n, "Content-Type: message/delivery-status\n\nFinal-Recipient: rfc822; d@example.org\n");
	t_big = seconds_to_parse(buf, n, &rows);
	CHECK(rows >= 0);
	CHECK(t_big < 1.0);

	/* the same boundary at every level: no quadratic rescans */
	n = 0;
	for (int i = 0; i < 100000; i++)
		n += (size_t) sprintf(buf + n, "Content-Type: multipart/mixed; boundary=s\n\n--s\n");
	t_big = seconds_to_parse(buf, n, &rows);
	CHECK(rows >= 0);
	CHECK(t_big < 1.0);

	/* a header bomb: a million fields, and one field folded a million times */
	n = 0;
	for (int i = 0; i < 1000000; i++)
		n += (size_t) sprintf(buf + n, "X-F%d: v\n", i);
	n += (size_t) sprintf(buf + n, "Subject: Out of Office\n\nbody\n");
	t_big = seconds_to_parse(buf, n, &rows);
	CHECK(rows >= 0);
	CHECK(t_big < 2.0);
	n = (size_t) sprintf(buf, "Subject: x");
	for (int i = 0; i < 1000000; i++)
		n += (size_t) sprintf(buf + n, "\n =?utf-8?B?w6k=?=");
	n += (size_t) sprintf(buf + n, "\n\nbody\n");
	t_big = seconds_to_parse(buf, n, &rows);
	CHECK(rows >= 0);
	CHECK(t_big < 2.0);

	/* binary junk of every byte value */
	srand(12345);
	for (size_t i = 0; i < 10 * 1024 * 1024; i++)
		buf[i] = (char) (rand() & 0xff);
	t_big = seconds_to_parse(buf, 10 * 1024 * 1024, &rows);
	CHECK(rows >= 0);
	CHECK(t_big < 2.0);
	free(buf);
}

int
main(void)
{
	bn_arena_init(&a, 0);
	test_charsets();
	test_headers();
	test_encodings();
	test_dates();
	test_multipart();
	test_forwarded();
	bn_arena_free(&a);
	test_hostile();
	UNIT_DONE();
}
