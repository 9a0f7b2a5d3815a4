/*
 * fuzz_classify.c
 *		libFuzzer target over the built-in classifier (src/core/classify.c,
 *		patterns.c, provider.c, status.c): any octets in, no crash, and the
 *		answers hang together.
 *
 * The input is split at tab characters, like a row of the evaluation TSV:
 *	reply code \t status \t command \t remote \t text
 * (missing fields are absent; the text keeps any further tabs).  The reply
 * code and status fields are read with the same finders a caller would use.
 *
 * Invariants checked on every input:
 *	- reason, kind, status and reply code are in range, and a status or
 *	  reply code that was given is kept;
 *	- the kind is bn_default_kind() of the verdict;
 *	- the verdict is the same twice, and the same with the ASCII letters of
 *	  every field upper-cased (the matcher folds case);
 *	- bn_status_find / bn_reply_code_find / bn_provider_of answer valid
 *	  values on the raw input, and a status found formats and parses back.
 *
 * Built and run by test/check-fuzz.sh.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "patterns.h"
#include "provider.h"
#include "status.h"

#define REQUIRE(cond) \
	do { \
		if (!(cond)) \
			abort(); \
	} while (0)

typedef struct Fields
{
	const char *f[5];
	size_t		n[5];
} Fields;

static void
split(const char *data, size_t size, Fields *out)
{
	size_t		start = 0;
	int			k = 0;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i <= size && k < 5; i++)
	{
		if (i == size || (data[i] == '\t' && k < 4))
		{
			out->f[k] = data + start;
			out->n[k] = i - start;
			k++;
			start = i + 1;
		}
	}
}

static void
classify(const Fields *fl, BnInput *in, BnVerdict *v)
{
	BnStatus	st = BN_STATUS_NONE;

	memset(in, 0, sizeof *in);
	in->reply_code = bn_reply_code_find(fl->f[0], fl->n[0]);
	if (fl->f[1] != NULL && bn_status_parse(fl->f[1], fl->n[1], &st) != BN_STATUS_OK)
		st = BN_STATUS_NONE;
	in->status = st;
	in->command = fl->f[2];
	in->command_len = fl->n[2];
	in->remote = fl->f[3];
	in->remote_len = fl->n[3];
	/* an absent text is NULL with a length, as a careless caller might pass */
	in->text = fl->f[4];
	in->text_len = fl->f[4] != NULL ? fl->n[4] : 17;
	bn_classify(in, v);
}

static void
check_finders(const char *s, size_t n)
{
	BnStatus	st = bn_status_find(s, n);
	int			reply = bn_reply_code_find(s, n);
	BnProvider	p = bn_provider_of(s, n);
	BnMatch		m;

	REQUIRE(st == BN_STATUS_NONE || bn_status_valid(st));
	if (st != BN_STATUS_NONE)
	{
		char		buf[BN_STATUS_BUFSIZE];
		size_t		len = bn_status_format(st, buf);
		BnStatus	back = BN_STATUS_NONE;

		REQUIRE(len > 0 && len < BN_STATUS_BUFSIZE);
		REQUIRE(bn_status_parse(buf, len, &back) == BN_STATUS_OK && back == st);
	}
	REQUIRE(reply == 0 || bn_reply_code_valid(reply));
	REQUIRE((unsigned) p < BN_PROVIDER_COUNT);

	bn_patterns_scan(s, n, p, st, &m);
	REQUIRE(m.prio >= 0);
	REQUIRE((m.prio == 0) == (m.rule == NULL));
	REQUIRE(m.prio == 0 || ((unsigned) m.reason < BN_REASON_COUNT && m.end <= n));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	Fields		fl,
				fu;
	BnInput		in,
				iu;
	BnVerdict	v,
				v2,
				vu;
	char	   *upper;

	check_finders(s, size);

	split(s, size, &fl);
	classify(&fl, &in, &v);
	REQUIRE((unsigned) v.reason < BN_REASON_COUNT);
	REQUIRE((unsigned) v.kind < BN_KIND_COUNT);
	REQUIRE(v.status == BN_STATUS_NONE || bn_status_valid(v.status));
	REQUIRE(v.reply_code == 0 || bn_reply_code_valid(v.reply_code));
	if (in.status != BN_STATUS_NONE)
		REQUIRE(v.status == in.status);
	if (in.reply_code != 0)
		REQUIRE(v.reply_code == in.reply_code);
	REQUIRE(v.kind == bn_default_kind(&in, v.reason, v.status, v.reply_code));
	/* nothing at all means undefined */
	if (in.text == NULL && in.status == BN_STATUS_NONE && in.reply_code == 0)
		REQUIRE(v.reason == BN_REASON_UNDEFINED);

	bn_classify(&in, &v2);
	REQUIRE(memcmp(&v, &v2, sizeof v) == 0);

	/* the explained verdict is the same, and its words are a C string */
	{
		BnEvidence	ev;
		char		buf[160];
		size_t		n;

		bn_classify_explain(&in, &v2, &ev);
		REQUIRE(memcmp(&v, &v2, sizeof v) == 0);
		REQUIRE((ev.rule != NULL) == (ev.source == BN_EVIDENCE_PHRASE ||
									  ev.source == BN_EVIDENCE_PROVIDER_PHRASE));
		n = bn_evidence_format(&ev, &v2, buf, sizeof buf);
		REQUIRE(n < sizeof buf && strlen(buf) == n && n > 0);
	}

	/* ASCII case does not matter */
	upper = malloc(size + 1);
	if (upper == NULL)
		return 0;
	for (size_t i = 0; i < size; i++)
	{
		char		c = s[i];

		upper[i] = (c >= 'a' && c <= 'z') ? (char) (c - ('a' - 'A')) : c;
	}
	split(upper, size, &fu);
	classify(&fu, &iu, &vu);
	REQUIRE(vu.reason == v.reason && vu.kind == v.kind &&
			vu.status == v.status && vu.reply_code == v.reply_code);
	REQUIRE(bn_provider_of(upper, size) == bn_provider_of(s, size));
	free(upper);
	return 0;
}
