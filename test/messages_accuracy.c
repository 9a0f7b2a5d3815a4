/*
 * messages_accuracy.c
 *		Whole-message accuracy of the message parser (plain-C core, no
 *		server) on ../shared/corpus/sisimai-dev: parse every .eml message and
 *		compare, per recipient (in order of appearance), with expected.tsv:
 *		recipient found, status, reply code and reason (Sisimai's names
 *		without underscores; our greylisted counts as blocked).  An optional
 *		eighth column gives the recipient's address, which must then match
 *		(test/messages/holdout has it; the corpus does not).  A row whose
 *		recipient index is 0 says the message must yield no rows at all (a
 *		human reply, a read receipt): all four measures hold when it yields
 *		none, and none do when it yields any.
 *
 *	messages_accuracy EMAILDIR EXPECTED.TSV BAR [REASON_BAR]
 *	messages_accuracy --dump FILE.eml                  # what we parse
 *
 * Exits 1 when recipient, status or reply code is below BAR percent, or the
 * reason below REASON_BAR (default BAR).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bouncemsg.h"

static char *
slurp(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t) n + 1);
	if (buf == NULL || fread(buf, 1, (size_t) n, f) != (size_t) n)
	{
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	*len = (size_t) n;
	return buf;
}

static void
reason_key(const char *in, char *out)
{
	size_t		o = 0;

	for (; *in && o < 63; in++)
		if (*in != '_')
			out[o++] = *in;
	out[o] = '\0';
	if (strcmp(out, "greylisted") == 0)
		strcpy(out, "blocked");
}

static void
dump(const char *path)
{
	size_t		len;
	char	   *data = slurp(path, &len);
	BnMessage	m;

	if (data == NULL)
	{
		perror(path);
		exit(2);
	}
	if (bn_message_parse(data, len, &m) != BN_MSG_OK)
		printf("out of memory\n");
	printf("format %s, %d recipient(s)%s\n", m.format ? m.format : "-", m.n,
		   m.truncated ? " (truncated)" : "");
	for (int i = 0; i < m.n; i++)
	{
		BnRecipient *r = &m.rcpts[i];
		char		st[BN_STATUS_BUFSIZE] = "";

		if (r->status != BN_STATUS_NONE)
			bn_status_format(r->status, st);
		printf("%d: %s action=%s status=%s reply=%d cmd=%s remote=%s reason=%s kind=%s fb=%s mid=%s fid=%s time=%lld\n   diag: %s\n",
			   i + 1, r->recipient ? r->recipient : "-", r->action ? r->action : "-",
			   st, r->reply_code, r->command ? r->command : "-",
			   r->remote ? r->remote : "-", bn_reason_names[r->reason],
			   bn_kind_names[r->kind], r->feedback_type ? r->feedback_type : "-",
			   r->message_id ? r->message_id : "-", r->feedback_id ? r->feedback_id : "-",
			   r->has_time ? (long long) r->time : -1LL,
			   r->diagnostic ? r->diagnostic : "-");
	}
	bn_message_free(&m);
	free(data);
}

int
main(int argc, char **argv)
{
	FILE	   *tsv;
	char		line[4096];
	char		cur_email[512] = "";
	BnMessage	m;
	bool		have = false;
	int			rows = 0,
				found = 0,
				st_ok = 0,
				rc_ok = 0,
				re_ok = 0;
	double		bar;
	double		reason_bar;
	char		misses[65536] = "";
	size_t		mlen = 0;

	if (argc == 3 && strcmp(argv[1], "--dump") == 0)
	{
		dump(argv[2]);
		return 0;
	}
	if (argc != 4 && argc != 5)
	{
		fprintf(stderr, "usage: %s EMAILDIR EXPECTED.TSV BAR [REASON_BAR]\n", argv[0]);
		return 2;
	}
	bar = atof(argv[3]);
	reason_bar = argc == 5 ? atof(argv[4]) : bar;
	tsv = fopen(argv[2], "r");
	if (tsv == NULL)
	{
		perror(argv[2]);
		return 2;
	}
	memset(&m, 0, sizeof m);
	if (fgets(line, sizeof line, tsv) == NULL)	/* header */
		return 2;
	while (fgets(line, sizeof line, tsv) != NULL)
	{
		char	   *f[8] = {0};
		char	   *p = line;
		int			k = 0;
		int			idx;
		char		path[1024];
		BnRecipient *r = NULL;
		char		want[64];
		char		got[64] = "-";
		char		st[BN_STATUS_BUFSIZE] = "";
		int			want_rc;
		bool		ok_f,
					ok_s,
					ok_c,
					ok_r;

		line[strcspn(line, "\r\n")] = '\0';
		while (k < 8)
		{
			f[k++] = p;
			p = strchr(p, '\t');
			if (p == NULL)
				break;
			*p++ = '\0';
		}
		if (k < 5)
			continue;
		if (strcmp(cur_email, f[0]) != 0)
		{
			size_t		len;
			char	   *data;

			if (have)
				bn_message_free(&m);
			have = false;
			snprintf(cur_email, sizeof cur_email, "%s", f[0]);
			snprintf(path, sizeof path, "%s/%s", argv[1], f[0]);
			data = slurp(path, &len);
			if (data != NULL)
			{
				if (bn_message_parse(data, len, &m) != BN_MSG_OK)
					bn_message_free(&m);
				else
					have = true;
				free(data);
			}
		}
		rows++;
		idx = atoi(f[1]);
		if (idx == 0)
		{
			/* no rows expected: a message that is no bounce */
			int			ok = have && m.n == 0;

			found += ok;
			st_ok += ok;
			rc_ok += ok;
			re_ok += ok;
			if (!ok && mlen < sizeof misses - 512)
				mlen += snprintf(misses + mlen, sizeof misses - mlen,
								 "  %s#0: want no rows, got %d [%s]\n", f[0],
								 have ? m.n : -1, have && m.format ? m.format : "-");
			continue;
		}
		if (have && idx >= 1 && idx <= m.n)
			r = &m.rcpts[idx - 1];
		want_rc = atoi(f[3]);
		reason_key(f[4], want);
		if (r != NULL)
		{
			reason_key(bn_reason_names[r->reason], got);
			if (r->status != BN_STATUS_NONE)
				bn_status_format(r->status, st);
		}
		/* an eighth column, when present, is the recipient's address */
		ok_f = r != NULL && r->recipient != NULL &&
			(f[7] == NULL || f[7][0] == '\0' || strcasecmp(r->recipient, f[7]) == 0);
		ok_s = r != NULL && strcmp(st, f[2]) == 0;
		ok_c = r != NULL && r->reply_code == want_rc;
		ok_r = r != NULL && strcmp(got, want) == 0;
		found += ok_f;
		st_ok += ok_s;
		rc_ok += ok_c;
		re_ok += ok_r;
		if (!(ok_f && ok_s && ok_c && ok_r) && mlen < sizeof misses - 512)
			mlen += snprintf(misses + mlen, sizeof misses - mlen,
							 "  %s#%d:%s%s%s%s want %s/%s/%s got %s/%d/%s [%s]\n",
							 f[0], idx, ok_f ? "" : " recipient", ok_s ? "" : " status",
							 ok_c ? "" : " reply", ok_r ? "" : " reason",
							 f[2][0] ? f[2] : "-", f[3][0] ? f[3] : "-", want,
							 st[0] ? st : "-", r ? r->reply_code : 0, got,
							 have && m.format ? m.format : "-");
	}
	if (have)
		bn_message_free(&m);
	fclose(tsv);
	printf("misses (email#recipient: what differs, want status/reply/reason, got ... [our format]):\n%s", misses);
	printf("rows: %d\n", rows);
	printf("recipient found: %d/%d = %.1f%%\n", found, rows, 100.0 * found / rows);
	printf("status:          %d/%d = %.1f%%\n", st_ok, rows, 100.0 * st_ok / rows);
	printf("reply code:      %d/%d = %.1f%%\n", rc_ok, rows, 100.0 * rc_ok / rows);
	printf("reason:          %d/%d = %.1f%%\n", re_ok, rows, 100.0 * re_ok / rows);
	if (100.0 * re_ok / rows < bar)
		printf("reason is below the %.1f%% target (its bar here is %.1f%%)\n",
			   bar, reason_bar);
	if (100.0 * found / rows < bar || 100.0 * st_ok / rows < bar ||
		100.0 * rc_ok / rows < bar || 100.0 * re_ok / rows < reason_bar)
	{
		printf("below the bar (%.1f%%, reason %.1f%%)\n", bar, reason_bar);
		return 1;
	}
	return 0;
}
