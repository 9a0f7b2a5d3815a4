/*
 * accuracy.c
 *		Measure the plain-C classifier against a labelled corpus (strings
 *		only): see test/check-accuracy.sh, which builds and runs this.
 *
 *	  accuracy DIAGNOSTICS.TSV [MIN_REASON_PCT MIN_HARD_PCT] [NOTES.md]
 *
 * The TSV has a header and the columns id, reply_code, status, smtp_command,
 * remote, diagnostic, reason, hard (the corpus README).  Scoring follows the
 * README: reasons compared with underscores removed, our greylisted agrees
 * with blocked, and the hard flag is Sisimai's rule applied to our reason.
 * Rows named in NOTES.md (a line starting "- `id`") are marked in the list
 * of misses but still counted as misses.
 *
 * Exit status: 0 when both agreements reach the bars, 1 below, 2 on error.
 */
#include "classify.h"
#include "reason.h"
#include "status.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 8
#define MAX_NOTED 512

static char *noted[MAX_NOTED];
static int	nnoted;

static void
load_notes(const char *path)
{
	FILE	   *f = fopen(path, "r");
	char		line[4096];

	if (f == NULL)
		return;
	while (fgets(line, sizeof line, f) && nnoted < MAX_NOTED)
	{
		char	   *a,
				   *b;

		if (strncmp(line, "- `", 3) != 0)
			continue;
		a = line + 3;
		b = strchr(a, '`');
		if (b == NULL)
			continue;
		*b = '\0';
		noted[nnoted++] = strdup(a);
	}
	fclose(f);
}

static bool
is_noted(const char *id)
{
	for (int i = 0; i < nnoted; i++)
		if (strcmp(noted[i], id) == 0)
			return true;
	return false;
}

/* Reason name without underscores, our greylisted read as blocked. */
static void
squeeze(const char *name, char *out, size_t outsz)
{
	size_t		n = 0;

	if (strcmp(name, "greylisted") == 0)
		name = "blocked";
	for (; *name && n + 1 < outsz; name++)
		if (*name != '_')
			out[n++] = *name;
	out[n] = '\0';
}

static bool
contains_ci(const char *s, const char *word)
{
	size_t		n = strlen(word);

	for (; *s; s++)
		if (strncasecmp(s, word, n) == 0)
			return true;
	return false;
}

/* Sisimai's hard rule, applied to our reason. */
static bool
sisimai_hard(BnReason r, BnStatus st, int reply, const char *text)
{
	if (r == BN_REASON_USER_UNKNOWN || r == BN_REASON_HOST_UNKNOWN ||
		r == BN_REASON_HAS_MOVED)
		return true;
	if (r != BN_REASON_NOT_ACCEPT)
		return false;
	if (bn_status_class(st) == 4 || reply / 100 == 4)
		return false;
	return !(contains_ci(text, "temporar") || contains_ci(text, "persistent"));
}

int
main(int argc, char **argv)
{
	FILE	   *f;
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		got;
	int			rows = 0,
				reason_ok = 0,
				hard_ok = 0;
	double		min_reason = 90.0,
				min_hard = 97.0;
	bool		header = true;

	if (argc < 2)
	{
		fprintf(stderr, "usage: %s DIAGNOSTICS.TSV [MIN_REASON MIN_HARD] [NOTES]\n", argv[0]);
		return 2;
	}
	if (argc >= 4)
	{
		min_reason = atof(argv[2]);
		min_hard = atof(argv[3]);
	}
	if (argc >= 5)
		load_notes(argv[4]);
	f = fopen(argv[1], "r");
	if (f == NULL)
	{
		perror(argv[1]);
		return 2;
	}

	printf("misses (id: expected -> ours [status reply command remote] text):\n");
	while ((got = getline(&line, &cap, f)) > 0)
	{
		char	   *field[MAX_FIELDS];
		int			nf = 0;
		char	   *p = line;
		BnInput		in;
		BnVerdict	v;
		BnStatus	st = BN_STATUS_NONE;
		char		ours[64],
					want[64];
		bool		hard,
					same_reason,
					same_hard;

		while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
			line[--got] = '\0';
		if (header)
		{
			header = false;
			continue;
		}
		field[nf++] = p;
		for (; *p && nf < MAX_FIELDS; p++)
		{
			if (*p == '\t')
			{
				*p = '\0';
				field[nf++] = p + 1;
			}
		}
		if (nf < MAX_FIELDS)
		{
			fprintf(stderr, "skipping a line with %d fields\n", nf);
			continue;
		}

		memset(&in, 0, sizeof in);
		in.reply_code = atoi(field[1]);
		if (field[2][0] != '\0')
			(void) bn_status_parse(field[2], strlen(field[2]), &st);
		in.status = st;
		in.command = field[3];
		in.command_len = strlen(field[3]);
		in.remote = field[4];
		in.remote_len = strlen(field[4]);
		in.text = field[5];
		in.text_len = strlen(field[5]);
		bn_classify(&in, &v);

		rows++;
		squeeze(bn_reason_names[v.reason], ours, sizeof ours);
		squeeze(field[6], want, sizeof want);
		same_reason = strcmp(ours, want) == 0;
		hard = sisimai_hard(v.reason, st ? st : v.status,
							in.reply_code ? in.reply_code : v.reply_code, field[5]);
		same_hard = hard == (atoi(field[7]) == 1);
		reason_ok += same_reason;
		hard_ok += same_hard;
		if (!same_reason || !same_hard)
		{
			char		sbuf[BN_STATUS_BUFSIZE] = "-";

			if (v.status)
				bn_status_format(v.status, sbuf);
			printf("  %s%s: %s -> %s%s [%s %d %s %s] %.90s\n",
				   field[0], is_noted(field[0]) ? " (noted)" : "",
				   field[6], bn_reason_names[v.reason],
				   same_hard ? "" : " (hard flag differs)",
				   sbuf, v.reply_code, field[3][0] ? field[3] : "-",
				   field[4][0] ? field[4] : "-", field[5]);
		}
	}
	free(line);
	fclose(f);

	if (rows == 0)
	{
		fprintf(stderr, "no rows\n");
		return 2;
	}
	{
		double		rp = 100.0 * reason_ok / rows,
					hp = 100.0 * hard_ok / rows;

		printf("rows: %d\n", rows);
		printf("reason agreement: %d/%d = %.1f%% (bar %.1f%%)\n", reason_ok, rows, rp, min_reason);
		printf("hard-flag agreement: %d/%d = %.1f%% (bar %.1f%%)\n", hard_ok, rows, hp, min_hard);
		if (rp < min_reason || hp < min_hard)
		{
			printf("below the bar\n");
			return 1;
		}
	}
	return 0;
}
