/*
 * verdicts.c
 *		Print every verdict of the plain-C core for a set of inputs, one line
 *		per input, so that two builds of the core can be compared byte for
 *		byte (test/verdicts-diff.sh): a change meant to make the classifier
 *		faster must not change a single verdict.
 *
 *   verdicts FILE.tsv ...          rows of a TSV with a header naming its
 *                                  columns (text or diagnostic, reply_code,
 *                                  status, command or smtp_command, remote);
 *                                  a column text_esc is unescaped (\n \t \\)
 *   verdicts -m FILE.eml ...       whole messages (bouncemsg.h)
 *   verdicts -r N SEED FILE.tsv ... N random and mutated inputs built from
 *                                  the rule phrases and the rows of the files
 *
 * For each input: bn_classify and bn_classify_explain with the evidence in
 * words, the same text alone, bn_status_find, bn_reply_code_find, and the
 * raw matcher (bn_patterns_scan) under several providers and statuses.
 */
#include "bouncemsg.h"
#include "classify.h"
#include "patterns.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS 100000

typedef struct Row
{
	char	   *text;
	size_t		len;
	int			reply;
	BnStatus	status;
	char	   *command;
	char	   *remote;
} Row;

static Row	rows[MAX_ROWS];
static int	nrows;

static int
rule_key(const BnRule *rule)
{
	return rule == NULL ? -1 : bn_rule_key(rule);
}

static void
put_scan(const char *text, size_t len, BnProvider provider, BnStatus status)
{
	BnMatch		m;

	bn_patterns_scan(text, len, provider, status, &m);
	printf(" m%d,%d,%d,%zu,%d", m.prio, (int) m.reason, rule_key(m.rule),
		   m.end, m.stage);
}

static void
put_verdict(const BnInput *in)
{
	BnVerdict	v,
				v2;
	BnEvidence	ev;
	char		buf[512];

	bn_classify(in, &v);
	bn_classify_explain(in, &v2, &ev);
	bn_evidence_format(&ev, &v2, buf, sizeof(buf));
	printf(" v%d,%d,%d,%d e%d,%d,%d,%d,%d,%d,%d,%d,%d [%s]",
		   (int) v.reason, (int) v.kind, (int) v.status, v.reply_code,
		   (int) v2.reason, (int) v2.kind, (int) v2.status, v2.reply_code,
		   (int) ev.source, rule_key(ev.rule), (int) ev.provider,
		   (int) ev.refined, (int) ev.command_given, buf);
}

/* One input: every view of it on one line. */
static void
emit(long id, const Row *r, bool all_providers)
{
	BnInput		in;
	BnProvider	prov;

	memset(&in, 0, sizeof(in));
	in.text = r->text;
	in.text_len = r->len;
	in.reply_code = r->reply;
	in.status = r->status;
	in.command = r->command;
	in.command_len = r->command ? strlen(r->command) : 0;
	in.remote = r->remote;
	in.remote_len = r->remote ? strlen(r->remote) : 0;
	prov = r->remote ? bn_provider_of(r->remote, strlen(r->remote)) : BN_PROVIDER_UNKNOWN;

	printf("%ld s%d r%d", id, (int) bn_status_find(r->text, r->len),
		   bn_reply_code_find(r->text, r->len));
	put_verdict(&in);
	memset(&in, 0, sizeof(in));
	in.text = r->text;
	in.text_len = r->len;
	put_verdict(&in);
	put_scan(r->text, r->len, prov, r->status);
	put_scan(r->text, r->len, BN_PROVIDER_UNKNOWN, BN_STATUS_NONE);
	if (all_providers)
	{
		for (int p = 1; p < BN_PROVIDER_COUNT; p++)
		{
			put_scan(r->text, r->len, (BnProvider) p, BN_STATUS_NONE);
			put_scan(r->text, r->len, (BnProvider) p, r->status);
		}
	}
	putchar('\n');
}

static char *
unescape(char *s)
{
	char	   *o = s;

	for (char *p = s; *p; p++)
	{
		if (*p == '\\' && p[1] != '\0')
		{
			p++;
			*o++ = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p == 'r' ? '\r' : *p;
		}
		else
			*o++ = *p;
	}
	*o = '\0';
	return s;
}

static void
load_tsv(const char *path)
{
	FILE	   *f = fopen(path, "r");
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		got;
	int			col[5] = {-1, -1, -1, -1, -1};	/* text reply status cmd remote */
	bool		esc = false;
	bool		header = true;

	if (f == NULL)
	{
		perror(path);
		exit(2);
	}
	while ((got = getline(&line, &cap, f)) > 0 && nrows < MAX_ROWS)
	{
		char	   *field[32];
		int			nf = 0;
		char	   *copy;

		while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
			line[--got] = '\0';
		copy = strdup(line);
		field[nf++] = copy;
		for (char *p = copy; *p && nf < 32; p++)
			if (*p == '\t')
			{
				*p = '\0';
				field[nf++] = p + 1;
			}
		if (header)
		{
			for (int i = 0; i < nf; i++)
			{
				const char *h = field[i];

				if (!strcmp(h, "text") || !strcmp(h, "diagnostic"))
					col[0] = i;
				else if (!strcmp(h, "text_esc"))
					col[0] = i, esc = true;
				else if (!strcmp(h, "reply_code"))
					col[1] = i;
				else if (!strcmp(h, "status"))
					col[2] = i;
				else if (!strcmp(h, "command") || !strcmp(h, "smtp_command"))
					col[3] = i;
				else if (!strcmp(h, "remote"))
					col[4] = i;
			}
			header = false;
			continue;
		}
		{
			Row		   *r = &rows[nrows++];
			char	   *t = col[0] >= 0 && col[0] < nf ? field[col[0]] : "";

			memset(r, 0, sizeof(*r));
			r->text = esc ? unescape(t) : t;
			r->len = strlen(r->text);
			if (col[1] >= 0 && col[1] < nf)
				r->reply = atoi(field[col[1]]);
			if (col[2] >= 0 && col[2] < nf && field[col[2]][0] != '\0')
				(void) bn_status_parse(field[col[2]], strlen(field[col[2]]), &r->status);
			if (col[3] >= 0 && col[3] < nf && field[col[3]][0] != '\0')
				r->command = field[col[3]];
			if (col[4] >= 0 && col[4] < nf && field[col[4]][0] != '\0')
				r->remote = field[col[4]];
		}
	}
	free(line);
	fclose(f);
}

static void
messages(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
	{
		FILE	   *f = fopen(argv[i], "rb");
		char	   *data;
		long		n;
		BnMessage	m;

		if (f == NULL)
			continue;
		fseek(f, 0, SEEK_END);
		n = ftell(f);
		fseek(f, 0, SEEK_SET);
		data = malloc(n + 1);
		n = (long) fread(data, 1, n, f);
		fclose(f);
		if (bn_message_parse(data, n, &m) == BN_MSG_OK)
		{
			printf("%s %s %d\n", argv[i], m.format ? m.format : "-", m.n);
			for (int k = 0; k < m.n; k++)
			{
				BnRecipient *r = &m.rcpts[k];
				Row			row = {r->diagnostic, r->diagnostic ? strlen(r->diagnostic) : 0,
				r->reply_code, r->status, r->command, r->remote};

				printf(" %s %d %d %d %d ", r->recipient ? r->recipient : "-",
					   (int) r->status, r->reply_code, (int) r->reason, (int) r->kind);
				emit(k, &row, false);
			}
		}
		bn_message_free(&m);
		free(data);
	}
}

/* ---- random inputs ---- */

static uint64_t rng;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return n ? (uint32_t) ((rng >> 11) % n) : 0;
}

static const char *const seps[] = {" ", "  ", "\t", "\n", " \r\n ", ", ", "", ". ", ": ",
	"(", ")", "-", "; ", "550 ", "5.1.1 ", "4.2.2", "550-5.7.1 ", " 421 ", "192.0.2.1",
	"5.1.1.2", "#5.0.0", "x", "é", "\xff", "\x80", " 2.0.0 ", "[", "]", "<a@b.c>", "999",
	"5.", "4.4.", "0.", "1234", " 55", "552,", "5.3.4)", ".5.1.1", "a5.1.1", "Ü"};
static const char *const commands[] = {NULL, "RCPT", "MAIL", "DATA", "CONN", "EHLO",
	"HELO", "BDAT", "rcpt to", "  data", "X", "STARTTLS", ""};
static const char *const remotes[] = {NULL, "gmail.com", "aspmx.l.google.com",
	"outlook.com", "example-com.mail.protection.outlook.com", "yahoo.com", "icloud.com",
	"comcast.net", "att.net", "orange.fr", "free.fr", "gmx.de", "mail.ru", "yandex.ru",
	"qq.com", "163.com", "zoho.com", "proton.me", "fastmail.com", "mimecast.com",
	"pphosted.com", "amazonses.com", "cox.net", "charter.net", "secureserver.net",
	"ezweb.ne.jp", "docomo.ne.jp", "seznam.cz", "libero.it", "naver.com", "example.org", ""};

static const char *
phrase(void)
{
	return bn_rule_at((int) rnd((uint32_t) bn_rule_total()))->phrase;
}

static size_t
append_str(char *buf, size_t n, size_t cap, const char *s)
{
	size_t		l = strlen(s);

	if (n + l >= cap)
		l = cap - n - 1;
	memcpy(buf + n, s, l);
	return n + l;
}

static void
random_inputs(long count)
{
	static char buf[40000];
	Row			r;

	for (long id = 0; id < count; id++)
	{
		size_t		n = 0;
		int			kind = rnd(100) == 0 ? 5 : rnd(5);
		size_t		cap = kind == 5 ? sizeof(buf) : 2000;

		if (kind == 0)			/* random bytes */
		{
			size_t		l = rnd(200);

			for (size_t i = 0; i < l; i++)
				buf[n++] = (char) rnd(256);
		}
		else if (kind == 1 || kind == 5)	/* phrases spliced, long ones */
		{
			int			parts = kind == 5 ? 50 + rnd(400) : 1 + rnd(7);

			for (int i = 0; i < parts; i++)
			{
				n = append_str(buf, n, cap, rnd(3) ? phrase() :
							   nrows ? rows[rnd(nrows)].text : "");
				n = append_str(buf, n, cap, seps[rnd(sizeof(seps) / sizeof(seps[0]))]);
			}
		}
		else if (kind == 2 && nrows > 0)	/* a row, mutated */
		{
			const Row  *src = &rows[rnd(nrows)];
			int			edits = rnd(6);

			n = append_str(buf, 0, cap, src->text);
			for (int e = 0; e < edits && n > 0; e++)
			{
				size_t		at = rnd((uint32_t) n);

				switch (rnd(5))
				{
					case 0:
						buf[at] = (char) rnd(256);
						break;
					case 1:
						buf[at] = (char) (buf[at] ^ 0x20);
						break;
					case 2:
						memmove(buf + at, buf + at + 1, n - at - 1);
						n--;
						break;
					case 3:
						n = at;
						break;
					case 4:
						if (n + 1 < cap)
						{
							memmove(buf + at + 1, buf + at, n - at);
							buf[at] = "0123456789. \t\n-\xc3"[rnd(17)];
							n++;
						}
						break;
				}
			}
		}
		else					/* digits, dots and separators */
		{
			static const char alpha[] = "0123456789012345. .-;,)](#:\t\naZ\x80";
			size_t		l = rnd(120);

			for (size_t i = 0; i < l; i++)
				buf[n++] = alpha[rnd(sizeof(alpha) - 1)];
		}
		/* random case */
		if (rnd(3) == 0)
			for (size_t i = 0; i < n; i++)
				if (rnd(4) == 0 && ((buf[i] | 0x20) >= 'a' && (buf[i] | 0x20) <= 'z'))
					buf[i] ^= 0x20;
		buf[n] = '\0';

		memset(&r, 0, sizeof(r));
		r.text = buf;
		r.len = n;
		switch (rnd(4))
		{
			case 0:
				break;
			case 1:
				r.reply = 200 + rnd(400);
				break;
			default:
				{
					static const int codes[] = {0, 250, 421, 450, 451, 452, 500,
					550, 551, 552, 553, 554};

					r.reply = codes[rnd(12)];
				}
		}
		switch (rnd(3))
		{
			case 0:
				break;
			case 1:
				{
					static const int cls[] = {2, 4, 5};
					int			c = cls[rnd(3)];
					int			sub = rnd(9);

					r.status = BN_STATUS_PACK(c, sub, rnd(32));
				}
				break;
			case 2:
				r.status = rnd(7000000);
				break;
		}
		r.command = (char *) commands[rnd(sizeof(commands) / sizeof(commands[0]))];
		r.remote = (char *) remotes[rnd(sizeof(remotes) / sizeof(remotes[0]))];
		emit(id, &r, kind != 5 && rnd(16) == 0);
	}
}

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "-m") == 0)
	{
		messages(argc - 2, argv + 2);
		return 0;
	}
	if (argc > 3 && strcmp(argv[1], "-r") == 0)
	{
		long		count = atol(argv[2]);

		rng = strtoull(argv[3], NULL, 10) * 2654435761u + 88172645463325252ull;
		for (int i = 4; i < argc; i++)
			load_tsv(argv[i]);
		random_inputs(count);
		return 0;
	}
	for (int i = 1; i < argc; i++)
		load_tsv(argv[i]);
	for (int i = 0; i < nrows; i++)
		emit(i, &rows[i], true);
	return 0;
}
