/*
 * maildate.c
 *		RFC 5322 date-time (section 3.3, obsolete forms of 4.3 included) to
 *		Unix seconds: "Tue, 1 Dec 2026 10:00:00 +0900 (JST)".
 */
#include "msgctx.h"

#include <string.h>

static const char *const months[12] = {
	"jan", "feb", "mar", "apr", "may", "jun",
	"jul", "aug", "sep", "oct", "nov", "dec"
};

static const struct
{
	const char *name;
	int			minutes;
}			zones[] =
{
	{"ut", 0}, {"gmt", 0}, {"utc", 0}, {"z", 0},
	{"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
	{"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
	{"jst", 540}, {"cet", 60}, {"cest", 120}, {"bst", 60},
};

/* days from 1970-01-01 to y-m-d (proleptic Gregorian) */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t		era;
	int64_t		yoe;
	int64_t		doy;
	int64_t		doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

typedef struct Tok
{
	const char *s;
	size_t		n;
} Tok;

static bool
is_digits(Tok t)
{
	if (t.n == 0)
		return false;
	for (size_t i = 0; i < t.n; i++)
		if (t.s[i] < '0' || t.s[i] > '9')
			return false;
	return true;
}

static int
num(Tok t)
{
	int			v = 0;

	for (size_t i = 0; i < t.n && i < 9; i++)
		v = v * 10 + (t.s[i] - '0');
	return v;
}

bool
bn_parse_date(const char *s, size_t n, int64_t *out)
{
	Tok			tok[12];
	int			nt = 0;
	size_t		i = 0;
	int			day = -1,
				mon = -1,
				year = -1,
				hh = -1,
				mm = 0,
				ss = 0;
	int			zone = 0;

	/* tokens: split at blanks, commas; keep "hh:mm:ss" and "+hhmm" whole */
	while (i < n && nt < 12)
	{
		size_t		st;

		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == ',' ||
						 s[i] == '\r' || s[i] == '\n'))
			i++;
		if (i >= n || s[i] == '(')
			break;
		st = i;
		while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != ',' &&
			   s[i] != '\r' && s[i] != '\n' && s[i] != '(')
			i++;
		tok[nt].s = s + st;
		tok[nt].n = i - st;
		nt++;
	}
	for (int k = 0; k < nt; k++)
	{
		Tok			t = tok[k];

		if (t.n >= 4 && memchr(t.s, ':', t.n) != NULL && hh < 0)
		{
			/* hh:mm[:ss] */
			int			parts[3] = {0, 0, 0};
			int			np = 0;

			for (size_t j = 0; j < t.n && np < 3; j++)
			{
				if (t.s[j] == ':')
					np++;
				else if (t.s[j] >= '0' && t.s[j] <= '9')
				{
					/* a time field has two digits; more is junk, kept bounded */
					if (parts[np] < 100000)
						parts[np] = parts[np] * 10 + (t.s[j] - '0');
				}
				else
					break;
			}
			hh = parts[0];
			mm = parts[1];
			ss = parts[2];
		}
		else if ((t.s[0] == '+' || t.s[0] == '-') && t.n == 5 &&
				 is_digits((Tok) {t.s + 1, 4}))
		{
			int			v = num((Tok) {t.s + 1, 4});

			zone = (v / 100) * 60 + v % 100;
			if (t.s[0] == '-')
				zone = -zone;
		}
		else if (is_digits(t))
		{
			if (day < 0 && t.n <= 2)
				day = num(t);
			else if (year < 0)
			{
				year = num(t);
				if (t.n <= 2)
					year += year < 50 ? 2000 : 1900;
				else if (t.n == 3)
					year += 1900;
			}
		}
		else if (t.n >= 3)
		{
			for (int m = 0; m < 12; m++)
				if (bn_ieq(t.s, 3, months[m]) && mon < 0 &&
					(t.n == 3 || (t.n > 3 && t.s[3] >= 'a')))
					mon = m + 1;
			if (hh >= 0)
				for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++)
					if (bn_ieq(t.s, t.n, zones[z].name))
						zone = zones[z].minutes;
		}
		else if (hh >= 0)
		{
			for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++)
				if (bn_ieq(t.s, t.n, zones[z].name))
					zone = zones[z].minutes;
		}
	}
	if (day < 0 || mon < 0 || year < 0 || hh < 0)
		return false;
	if (day < 1 || day > 31 || hh > 23 || mm > 59 || ss > 60 ||
		year < 1900 || year > 9999)
		return false;
	*out = days_from_civil(year, mon, day) * 86400 + hh * 3600 + mm * 60 + ss
		- (int64_t) zone * 60;
	return true;
}
