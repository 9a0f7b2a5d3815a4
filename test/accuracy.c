/*
 * accuracy.c
 *		Measure the plain-C classifier: against a labelled corpus (strings
 *		only), per format family of that corpus, and on the project's own
 *		test strings.  test/check-accuracy.sh and
 *		test/check-generalization.sh build and run it.
 *
 *	  accuracy DIAGNOSTICS.TSV [MIN_REASON_PCT MIN_HARD_PCT] [NOTES.md]
 *		The whole corpus.  Rows named in NOTES.md (a line starting "- `id`")
 *		are rows whose label we believe wrong: they are marked in the list
 *		of misses and still counted as misses; a second line gives the
 *		agreement on the rows not noted.  The reason bar applies to all
 *		rows, the hard-flag bar to the rows not noted.
 *
 *	  accuracy --own OWN.TSV [MIN_REASON_PCT]
 *		The project's own strings (columns text, reply_code, status,
 *		command, remote, reason): exact reason agreement and kind agreement.
 *
 *	  accuracy --families DIAGNOSTICS.TSV OWN.TSV [NOTES.md]
 *		Per format family (the row id before its last "-NN"): agreement and
 *		its spread across families; for every wording rule and provider
 *		code, in how many families and on how many own strings it decided a
 *		verdict; the rules that decide in exactly one family and on none of
 *		the own strings (a fit, not knowledge) -- each must be named in
 *		NOTES.md (a line starting "- rule `phrase`"), else the run fails;
 *		and a leave-family-out view: a row decided by a rule that decides in
 *		no other family and on no own string counts as a miss.
 *
 * Scoring follows the corpus README: reasons compared with underscores
 * removed, our greylisted agrees with blocked, and the hard flag is
 * Sisimai's rule applied to our reason.
 *
 * Exit status: 0 when the bars are reached, 1 below, 2 on error.
 */
#include "classify.h"
#include "patterns.h"
#include "reason.h"
#include "status.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 8
#define MAX_NOTED 512
#define MAX_ROWS 4096
#define MAX_FAMILIES 256
#define MAX_RULES 2048
#define PROVIDER_STATUS_KEY(p) (MAX_RULES - BN_PROVIDER_COUNT + (p))

static char *noted[MAX_NOTED];
static int	nnoted;
static char *noted_rules[MAX_NOTED];
static int	nnoted_rules;

static void
load_notes(const char *path)
{
	FILE	   *f = fopen(path, "r");
	char		line[4096];

	if (f == NULL)
		return;
	while (fgets(line, sizeof line, f))
	{
		char	   *a,
				   *b;
		bool		rule = false;

		if (strncmp(line, "- rule `", 8) == 0)
		{
			rule = true;
			a = line + 8;
		}
		else if (strncmp(line, "- `", 3) == 0)
			a = line + 3;
		else
			continue;
		b = strchr(a, '`');
		if (b == NULL)
			continue;
		*b = '\0';
		if (rule && nnoted_rules < MAX_NOTED)
			noted_rules[nnoted_rules++] = strdup(a);
		else if (!rule && nnoted < MAX_NOTED)
			noted[nnoted++] = strdup(a);
	}
	fclose(f);
}

static bool
in_list(char **list, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
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

/* One input row, either file format. */
typedef struct Row
{
	char	   *id;				/* corpus id, or "own:N" */
	char	   *family;
	char	   *text;
	char	   *want;			/* expected reason */
	bool		want_hard;
	BnInput		in;
	BnStatus	given_status;
	BnVerdict	v;
	BnEvidence	ev;
	int			key;			/* deciding rule key, -1 none */
} Row;

/* Split a TSV line in place; returns the number of fields. */
static int
split(char *line, char **field, int max)
{
	int			nf = 0;

	field[nf++] = line;
	for (char *p = line; *p && nf < max; p++)
	{
		if (*p == '\t')
		{
			*p = '\0';
			field[nf++] = p + 1;
		}
	}
	return nf;
}

static void
classify_row(Row *r, const char *reply, const char *status, const char *cmd,
			 const char *remote)
{
	BnStatus	st = BN_STATUS_NONE;

	memset(&r->in, 0, sizeof r->in);
	r->in.reply_code = atoi(reply);
	if (status[0] != '\0')
		(void) bn_status_parse(status, strlen(status), &st);
	r->given_status = st;
	r->in.status = st;
	r->in.command = cmd;
	r->in.command_len = strlen(cmd);
	r->in.remote = remote;
	r->in.remote_len = strlen(remote);
	r->in.text = r->text;
	r->in.text_len = strlen(r->text);
	bn_classify_explain(&r->in, &r->v, &r->ev);
	r->key = -1;
	if (r->ev.rule != NULL)
		r->key = bn_rule_key(r->ev.rule);
	else if (r->ev.source == BN_EVIDENCE_PROVIDER_STATUS)
		r->key = PROVIDER_STATUS_KEY(r->ev.provider);
}

/* Read a corpus (own == false) or own-strings file; returns the row count. */
static int
load(const char *path, bool own, Row *rows, int max)
{
	FILE	   *f = fopen(path, "r");
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		got;
	int			n = 0;
	bool		header = true;

	if (f == NULL)
	{
		perror(path);
		exit(2);
	}
	while ((got = getline(&line, &cap, f)) > 0 && n < max)
	{
		char	   *field[MAX_FIELDS];
		char	   *copy;
		int			nf;
		Row		   *r = &rows[n];

		while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
			line[--got] = '\0';
		if (header)
		{
			header = false;
			continue;
		}
		copy = strdup(line);
		nf = split(copy, field, MAX_FIELDS);
		if (nf < (own ? 6 : 8))
		{
			fprintf(stderr, "%s: skipping a line with %d fields\n", path, nf);
			continue;
		}
		if (own)
		{
			char		buf[32];

			snprintf(buf, sizeof buf, "own:%d", n + 2);
			r->id = strdup(buf);
			r->family = strdup("own");
			r->text = field[0];
			r->want = field[5];
			classify_row(r, field[1], field[2], field[3], field[4]);
		}
		else
		{
			char	   *dash;

			r->id = field[0];
			r->family = strdup(field[0]);
			dash = strrchr(r->family, '-');
			if (dash != NULL)
				*dash = '\0';
			r->text = field[5];
			r->want = field[6];
			r->want_hard = atoi(field[7]) == 1;
			classify_row(r, field[1], field[2], field[3], field[4]);
		}
		n++;
	}
	free(line);
	fclose(f);
	return n;
}

static bool
reason_agrees(const Row *r)
{
	char		ours[64],
				want[64];

	squeeze(bn_reason_names[r->v.reason], ours, sizeof ours);
	squeeze(r->want, want, sizeof want);
	return strcmp(ours, want) == 0;
}

static bool
hard_agrees(const Row *r)
{
	bool		hard = sisimai_hard(r->v.reason,
									r->given_status ? r->given_status : r->v.status,
									r->in.reply_code ? r->in.reply_code : r->v.reply_code,
									r->text);

	return hard == r->want_hard;
}

static Row	corpus[MAX_ROWS];
static Row	own[MAX_ROWS];

/* ---------------------------------------------------------------- corpus */
static int
run_corpus(int argc, char **argv)
{
	int			n,
				reason_ok = 0,
				hard_ok = 0,
				kept = 0,
				kept_reason = 0,
				kept_hard = 0;
	double		min_reason = 90.0,
				min_hard = 97.0,
				rp,
				hp,
				khp;

	if (argc >= 4)
	{
		min_reason = atof(argv[2]);
		min_hard = atof(argv[3]);
	}
	if (argc >= 5)
		load_notes(argv[4]);
	n = load(argv[1], false, corpus, MAX_ROWS);
	if (n == 0)
	{
		fprintf(stderr, "no rows\n");
		return 2;
	}
	printf("misses (id: expected -> ours [status reply command remote] text):\n");
	for (int i = 0; i < n; i++)
	{
		Row		   *r = &corpus[i];
		bool		sr = reason_agrees(r),
					sh = hard_agrees(r),
					isn = in_list(noted, nnoted, r->id);

		reason_ok += sr;
		hard_ok += sh;
		if (!isn)
		{
			kept++;
			kept_reason += sr;
			kept_hard += sh;
		}
		if (!sr || !sh)
		{
			char		sbuf[BN_STATUS_BUFSIZE] = "-";

			if (r->v.status)
				bn_status_format(r->v.status, sbuf);
			printf("  %s%s: %s -> %s%s [%s %d %s %s] %.90s\n",
				   r->id, isn ? " (noted)" : "", r->want,
				   bn_reason_names[r->v.reason], sh ? "" : " (hard flag differs)",
				   sbuf, r->v.reply_code,
				   r->in.command_len ? r->in.command : "-",
				   r->in.remote_len ? r->in.remote : "-", r->text);
		}
	}
	rp = 100.0 * reason_ok / n;
	hp = 100.0 * hard_ok / n;
	khp = kept ? 100.0 * kept_hard / kept : 100.0;
	printf("rows: %d (%d noted as label disagreements in the notes)\n", n, n - kept);
	printf("reason agreement: %d/%d = %.1f%% (bar %.1f%%)\n", reason_ok, n, rp, min_reason);
	printf("hard-flag agreement: %d/%d = %.1f%%\n", hard_ok, n, hp);
	printf("on the %d rows not noted: reason %d/%d = %.1f%%, hard flag %d/%d = %.1f%% (bar %.1f%%)\n",
		   kept, kept_reason, kept, kept ? 100.0 * kept_reason / kept : 100.0,
		   kept_hard, kept, khp, min_hard);
	if (rp < min_reason || khp < min_hard)
	{
		printf("below the bar\n");
		return 1;
	}
	return 0;
}

/* ---------------------------------------------------------------- own */
static int
run_own(int argc, char **argv)
{
	int			n,
				reason_ok = 0,
				kind_ok = 0,
				hard_ok = 0;
	double		min_reason = argc >= 3 ? atof(argv[2]) : 90.0,
				rp;

	n = load(argv[1], true, own, MAX_ROWS);
	if (n == 0)
	{
		fprintf(stderr, "no rows\n");
		return 2;
	}
	printf("own strings, misses (line: expected -> ours [evidence] text):\n");
	for (int i = 0; i < n; i++)
	{
		Row		   *r = &own[i];
		BnReason	want;
		bool		sr,
					sk;

		if (!bn_reason_from_name(r->want, strlen(r->want), &want))
		{
			fprintf(stderr, "%s: unknown reason \"%s\"\n", r->id, r->want);
			return 2;
		}
		sr = r->v.reason == want;
		sk = r->v.kind == bn_default_kind(&r->in, want, r->v.status, r->v.reply_code);
		reason_ok += sr;
		kind_ok += sk;
		/* the hard flag: Sisimai's rule on the expected reason and on ours */
		{
			BnStatus	st = r->given_status ? r->given_status : r->v.status;
			int			rc = r->in.reply_code ? r->in.reply_code : r->v.reply_code;

			hard_ok += sisimai_hard(want, st, rc, r->text) ==
				sisimai_hard(r->v.reason, st, rc, r->text);
		}
		if (!sr)
		{
			char		ev[256];

			bn_evidence_format(&r->ev, &r->v, ev, sizeof ev);
			printf("  %s: %s -> %s%s [%s] %.80s\n", r->id, r->want,
				   bn_reason_names[r->v.reason], sk ? "" : " (kind differs)", ev, r->text);
		}
	}
	rp = 100.0 * reason_ok / n;
	printf("own strings: %d\n", n);
	printf("own reason agreement: %d/%d = %.1f%% (bar %.1f%%)\n", reason_ok, n, rp, min_reason);
	printf("own kind agreement: %d/%d = %.1f%%\n", kind_ok, n, 100.0 * kind_ok / n);
	printf("own hard-flag agreement: %d/%d = %.1f%%\n", hard_ok, n, 100.0 * hard_ok / n);
	if (rp < min_reason)
	{
		printf("below the bar\n");
		return 1;
	}
	return 0;
}

/* ---------------------------------------------------------------- families */
static char *families[MAX_FAMILIES];
static int	nfamilies;
static unsigned char fired_in[MAX_RULES][MAX_FAMILIES];
static int	fired_own[MAX_RULES];
static int	fired_rows[MAX_RULES];

static int
family_index(const char *name)
{
	for (int i = 0; i < nfamilies; i++)
		if (strcmp(families[i], name) == 0)
			return i;
	if (nfamilies == MAX_FAMILIES)
	{
		fprintf(stderr, "too many families\n");
		exit(2);
	}
	families[nfamilies] = strdup(name);
	return nfamilies++;
}

static int
nfam_of(int key)
{
	int			c = 0;

	for (int f = 0; f < nfamilies; f++)
		c += fired_in[key][f] != 0;
	return c;
}

static void
key_label(int key, char *buf, size_t size)
{
	const BnRule *r;

	if (key >= PROVIDER_STATUS_KEY(0))
		snprintf(buf, size, "provider %s: private status codes",
				 bn_provider_names[key - PROVIDER_STATUS_KEY(0)]);
	else if ((r = bn_rule_at(key))->provider == BN_PROVIDER_UNKNOWN)
		snprintf(buf, size, "\"%s\" [%s]", r->phrase, r->group);
	else
		snprintf(buf, size, "provider %s \"%s\" [%s]",
				 bn_provider_names[r->provider], r->phrase, r->group);
}

static const char *
key_phrase(int key)
{
	if (key >= PROVIDER_STATUS_KEY(0))
		return bn_provider_names[key - PROVIDER_STATUS_KEY(0)];
	return bn_rule_at(key)->phrase;
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return x < y ? -1 : x > y;
}

static int
run_families(int argc, char **argv)
{
	int			n = load(argv[1], false, corpus, MAX_ROWS);
	int			m = load(argv[2], true, own, MAX_ROWS);
	int			rows_of[MAX_FAMILIES] = {0},
				reason_of[MAX_FAMILIES] = {0},
				hard_of[MAX_FAMILIES] = {0},
				lfo_of[MAX_FAMILIES] = {0};
	double		pct[MAX_FAMILIES],
				sum = 0,
				sq = 0;
	int			fits = 0,
				undocumented = 0,
				lfo_ok = 0,
				all_ok = 0,
				rules_fired = 0;

	if (argc >= 4)
		load_notes(argv[3]);
	if (n == 0 || m == 0)
	{
		fprintf(stderr, "no rows\n");
		return 2;
	}
	for (int i = 0; i < n; i++)
	{
		int			f = family_index(corpus[i].family);

		if (corpus[i].key >= 0)
		{
			fired_in[corpus[i].key][f] = 1;
			fired_rows[corpus[i].key]++;
		}
	}
	for (int i = 0; i < m; i++)
		if (own[i].key >= 0)
			fired_own[own[i].key]++;

	for (int i = 0; i < n; i++)
	{
		Row		   *r = &corpus[i];
		int			f = family_index(r->family);
		bool		sr = reason_agrees(r);
		bool		fit = r->key >= 0 && fired_own[r->key] == 0 && nfam_of(r->key) == 1;

		rows_of[f]++;
		reason_of[f] += sr;
		hard_of[f] += hard_agrees(r);
		lfo_of[f] += sr && !fit;
		all_ok += sr;
		lfo_ok += sr && !fit;
	}

	printf("per family (family: rows, reason agreement, hard-flag agreement, leave-family-out reason):\n");
	for (int f = 0; f < nfamilies; f++)
	{
		pct[f] = 100.0 * reason_of[f] / rows_of[f];
		sum += pct[f];
		sq += pct[f] * pct[f];
		printf("  %-28s %3d  %5.1f%%  %5.1f%%  %5.1f%%\n", families[f], rows_of[f],
			   pct[f], 100.0 * hard_of[f] / rows_of[f], 100.0 * lfo_of[f] / rows_of[f]);
	}
	{
		double		mean = sum / nfamilies,
					sd = sqrt(fmax(0.0, sq / nfamilies - mean * mean));
		int			below90 = 0;

		for (int f = 0; f < nfamilies; f++)
			below90 += pct[f] < 90.0;
		qsort(pct, nfamilies, sizeof pct[0], cmp_double);
		printf("families: %d; reason agreement per family: min %.1f%%, median %.1f%%, "
			   "mean %.1f%%, max %.1f%%, sd %.1f points; %d families below 90%%\n",
			   nfamilies, pct[0], pct[nfamilies / 2], mean, pct[nfamilies - 1], sd,
			   below90);
	}
	printf("corpus reason agreement %d/%d = %.1f%%; leave-family-out (rows decided by a "
		   "rule seen in no other family and on no own string count as misses) "
		   "%d/%d = %.1f%%\n",
		   all_ok, n, 100.0 * all_ok / n, lfo_ok, n, 100.0 * lfo_ok / n);

	printf("rules that decided a verdict (families, corpus rows, own strings):\n");
	for (int k = 0; k < MAX_RULES; k++)
	{
		char		label[512];
		int			nf = nfam_of(k);

		if (nf == 0 && fired_own[k] == 0)
			continue;
		rules_fired++;
		key_label(k, label, sizeof label);
		printf("  %2d %3d %3d  %s\n", nf, fired_rows[k], fired_own[k], label);
	}
	printf("rules deciding in exactly one family and on no own string:\n");
	for (int k = 0; k < MAX_RULES; k++)
	{
		char		label[512];
		bool		doc;

		if (nfam_of(k) != 1 || fired_own[k] != 0)
			continue;
		fits++;
		doc = in_list(noted_rules, nnoted_rules, key_phrase(k));
		undocumented += !doc;
		key_label(k, label, sizeof label);
		for (int f = 0; f < nfamilies; f++)
			if (fired_in[k][f])
				printf("  %s%s (family %s)\n", label, doc ? " (documented)" : "", families[f]);
	}
	printf("%d rules decided at least once; %d decide in one family only, %d of them "
		   "not documented in the notes\n", rules_fired, fits, undocumented);
	return undocumented == 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "--own") == 0)
		return run_own(argc - 1, argv + 1);
	if (argc >= 4 && strcmp(argv[1], "--families") == 0)
		return run_families(argc - 1, argv + 1);
	if (argc >= 2 && argv[1][0] != '-')
		return run_corpus(argc, argv);
	fprintf(stderr, "usage: %s DIAGNOSTICS.TSV [MIN_REASON MIN_HARD] [NOTES]\n"
			"       %s --own OWN.TSV [MIN_REASON]\n"
			"       %s --families DIAGNOSTICS.TSV OWN.TSV [NOTES]\n",
			argv[0], argv[0], argv[0]);
	return 2;
}
