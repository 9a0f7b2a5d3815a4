/*
 * textscan.c
 *		Reading bounce facts out of free text: addresses, the SMTP command
 *		at fault, the remote host, whitespace.
 *
 * Every function is linear in its input (needles are short constants).
 */
#include "msgctx.h"

#include <string.h>

static inline unsigned char
lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

const char *
bn_memcasestr(const char *s, size_t n, const char *needle)
{
	size_t		m = strlen(needle);
	unsigned char f0;
	unsigned char f1;

	if (m == 0)
		return s;
	if (m > n)
		return NULL;
	f0 = lower((unsigned char) needle[0]);
	f1 = (f0 >= 'a' && f0 <= 'z') ? f0 - 32 : f0;
	for (size_t i = 0; i + m <= n; i++)
	{
		unsigned char c = (unsigned char) s[i];
		size_t		k;

		if (c != f0 && c != f1)
			continue;
		for (k = 1; k < m; k++)
			if (lower((unsigned char) s[i + k]) != lower((unsigned char) needle[k]))
				break;
		if (k == m)
			return s + i;
	}
	return NULL;
}

static inline bool
local_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c >= 0x80 ||
		strchr(".!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

static inline bool
domain_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' ||
		c == '[' || c == ']' || c == ':' || c >= 0x80;
}

/*
 * True when s[0..3) is, in UTF-8, a CJK symbol or punctuation mark (U+3000
 * to U+303F: "、", "。", "「") or a full- or half-width form (U+FF00 to
 * U+FFEF: "：", "＜", "＠").  Chinese, Japanese and Korean notices write
 * them around addresses ("收件人：a@b.example"); no address holds them, as
 * the width forms are compatibility characters that normalization maps
 * away and the marks are punctuation, so they end an address the way ASCII
 * punctuation does.  Other non-ASCII characters stay address characters
 * (RFC 6531).
 */
bool
bn_cjk_delimiter(const char *s, size_t avail)
{
	const unsigned char *u = (const unsigned char *) s;

	if (avail < 3)
		return false;
	return (u[0] == 0xE3 && u[1] == 0x80) ||
		(u[0] == 0xEF && u[1] >= 0xBC && u[1] <= 0xBF &&
		 !(u[1] == 0xBF && u[2] > 0xAF));
}

bool
bn_find_address(const char *s, size_t n, size_t *start, size_t *len)
{
	size_t		from = 0;

	while (from < n)
	{
		const char *at = memchr(s + from, '@', n - from);
		size_t		a;
		size_t		l;
		size_t		r;
		bool		dot = false;

		if (at == NULL)
			return false;
		a = (size_t) (at - s);
		l = a;
		while (l > from && local_char((unsigned char) s[l - 1]))
		{
			if (l >= from + 3 && bn_cjk_delimiter(s + l - 3, 3))
				break;
			l--;
		}
		r = a + 1;
		while (r < n && domain_char((unsigned char) s[r]) && s[r] != ']' &&
			   !(s[r] == ':' && (r + 1 >= n || s[r + 1] == ' ' || s[r + 1] == '\n' || s[r + 1] == '\r')) &&
			   !bn_cjk_delimiter(s + r, n - r))
		{
			if (s[r] == '.')
				dot = true;
			r++;
		}
		/* trailing dots and dashes are punctuation */
		while (r > a + 1 && (s[r - 1] == '.' || s[r - 1] == '-' || s[r - 1] == ':'))
			r--;
		/* leading dots of the local part too */
		while (l < a && s[l] == '.')
			l++;
		if (l < a && r > a + 3 && dot && memchr(s + a + 1, '.', r - a - 1) != NULL)
		{
			*start = l;
			*len = r - l;
			return true;
		}
		from = a + 1;
	}
	return false;
}

char *
bn_address_of(const char *v, size_t n, BnArena *a)
{
	const char *semi = memchr(v, ';', n);
	size_t		st;
	size_t		len;
	char	   *out;

	if (semi != NULL)
	{
		n -= (size_t) (semi + 1 - v);
		v = semi + 1;
	}
	if (!bn_find_address(v, n, &st, &len))
		return NULL;
	out = bn_arena_strndup(a, v + st, len);
	if (out != NULL)
	{
		char	   *at = strrchr(out, '@');

		for (char *p = at; p != NULL && *p; p++)
			*p = (char) lower((unsigned char) *p);
	}
	return out;
}

char *
bn_squeeze(const char *s, size_t n, BnArena *a)
{
	char	   *out = bn_arena_alloc(a, n + 1);
	size_t		o = 0;
	bool		space = false;

	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
			c == '\v' || c == 0)
		{
			space = o > 0;
			continue;
		}
		if (space)
			out[o++] = ' ';
		space = false;
		out[o++] = (char) c;
	}
	out[o] = '\0';
	return out;
}

static const struct
{
	const char *text;
	const char *command;
}			command_phrases[] =
{
	{"rcpt to", "RCPT"},
	{"smtp:rcpt", "RCPT"},
	{"smtp:data", "DATA"},
	{"smtp:mail", "MAIL"},
	{"for text command", "DATA"},
	{"end of data", "DATA"},
	{"final data", "DATA"},
	{"after data", "DATA"},
	{"data command", "DATA"},
	{"(data)", "DATA"},			/* "refused to accept your message (DATA)" */
	{"mail from:", "MAIL"},
	{"mail from command", "MAIL"},
	{"ehlo", "EHLO"},
	{"helo", "HELO"},
	{"initial connection", "CONN"},
	{"greeting", "CONN"},
	{"banner", "CONN"},
	{"connection refused", "CONN"},
};

/*
 * One pass over the text: at each byte whose lower case can start a
 * phrase, the phrases starting with it are compared; the earliest phrase
 * wins, except that in a session transcript (">>> RCPT To:...") the last
 * command sent is the one that failed, and a refusal ("<<< 554 ...") right
 * after "while talking to host" with nothing sent is the greeting's.
 */
const char *
bn_find_command(const char *s, size_t n)
{
	static bool first[256];
	static bool ready;
	const char *transcript = NULL;
	const char *found = NULL;
	bool		talking = false;	/* "talking to host", nothing sent yet */
	int			replies = 0;	/* "<<<" failures since the last ">>>" */

	if (!ready)
	{
		for (size_t k = 0; k < sizeof command_phrases / sizeof command_phrases[0]; k++)
			first[(unsigned char) command_phrases[k].text[0]] = true;
		ready = true;
	}
	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = lower((unsigned char) s[i]);

		if (c == '>' && i + 8 <= n && s[i + 1] == '>' && s[i + 2] == '>' &&
			s[i + 3] == ' ')
		{
			const char *cmd = s + i + 4;

			if (bn_ieq(cmd, 4, "rcpt"))
				transcript = "RCPT";
			else if (bn_ieq(cmd, 4, "mail"))
				transcript = "MAIL";
			else if (bn_ieq(cmd, 4, "data") || cmd[0] == '.')
				transcript = "DATA";
			else if (bn_ieq(cmd, 4, "ehlo"))
				transcript = "EHLO";
			else if (bn_ieq(cmd, 4, "helo"))
				transcript = "HELO";
			talking = false;
			replies = 0;
			i += 3;
			continue;
		}
		if (c == '<' && i + 7 <= n && s[i + 1] == '<' && s[i + 2] == '<' &&
			s[i + 3] == ' ')
		{
			/* a refusal before anything was sent answers the greeting */
			if (talking && (s[i + 4] == '4' || s[i + 4] == '5'))
				transcript = "CONN";
			talking = false;
			/* failures only ("354" is not one), and a multi-line reply
			 * ("550-...", RFC 5321 4.2.1) once, at its last line */
			if ((s[i + 4] == '4' || s[i + 4] == '5') &&
				(i + 7 >= n || s[i + 7] != '-'))
				replies++;
			i += 3;
			continue;
		}
		if (c == 't' && n - i > 10 && bn_ieq(s + i, 10, "talking to"))
		{
			talking = true;
			continue;
		}
		/* a labelled field ("SMTP command: DATA", m-FILTER's "-------SMTP
		 * command" section) names the command outright */
		if (c == 's' && found == NULL && n - i > 13 &&
			bn_ieq(s + i, 12, "smtp command"))
		{
			size_t		j = i + 12;

			while (j < n && (s[j] == ' ' || s[j] == ':' || s[j] == '\t' ||
							 s[j] == '\r' || s[j] == '\n'))
				j++;
			if (n - j >= 4 && (j + 4 == n || !((s[j + 4] | 32) >= 'a' && (s[j + 4] | 32) <= 'z')))
			{
				if (bn_ieq(s + j, 4, "data"))
					found = "DATA";
				else if (bn_ieq(s + j, 4, "rcpt"))
					found = "RCPT";
				else if (bn_ieq(s + j, 4, "mail"))
					found = "MAIL";
				else if (bn_ieq(s + j, 4, "ehlo"))
					found = "EHLO";
				else if (bn_ieq(s + j, 4, "helo"))
					found = "HELO";
			}
			if (found != NULL)
				continue;
		}
		if (found != NULL || !first[c])
			continue;
		for (size_t k = 0; k < sizeof command_phrases / sizeof command_phrases[0]; k++)
		{
			const char *ph = command_phrases[k].text;
			size_t		m;

			if ((unsigned char) ph[0] != c)
				continue;
			m = strlen(ph);
			if (m <= n - i)
			{
				size_t		j;

				for (j = 1; j < m; j++)
					if (lower((unsigned char) s[i + j]) != (unsigned char) ph[j])
						break;
				if (j == m)
				{
					found = command_phrases[k].command;
					break;
				}
			}
		}
	}
	/*
	 * Several refusals after the last command sent: a pipelined batch (RFC
	 * 2920), whose replies answer the earlier MAIL and RCPT too, so which
	 * one failed is not known
	 */
	if (transcript != NULL && transcript[0] != 'C' && replies > 1)
		return NULL;
	return transcript != NULL ? transcript : found;
}

static inline bool
host_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

/* a host name token starting at s[i]; its length, or 0 */
static size_t
host_token(const char *s, size_t n, size_t i, bool need_name)
{
	size_t		j = i;
	bool		dot = false;
	bool		alpha = false;

	while (j < n && host_char((unsigned char) s[j]))
	{
		if (s[j] == '.')
			dot = true;
		else if (!(s[j] >= '0' && s[j] <= '9'))
			alpha = true;
		j++;
	}
	while (j > i && s[j - 1] == '.')
		j--;
	if (!dot || j - i < 3 || (need_name && !alpha))
		return 0;
	return j - i;
}

char *
bn_find_remote(const char *s, size_t n, BnArena *a)
{
	const char *p;
	size_t		len;

	/* "name [192.0.2.1]" or "name[192.0.2.1]": the name before an address
	 * literal */
	p = s;
	while ((p = memchr(p, '[', n - (size_t) (p - s))) != NULL)
	{
		size_t		at = (size_t) (p - s);
		size_t		e = at;

		if (at + 1 < n && s[at + 1] >= '0' && s[at + 1] <= '9')
		{
			while (e > 0 && s[e - 1] == ' ')
				e--;
			if (e > 0 && host_char((unsigned char) s[e - 1]))
			{
				size_t		b = e;

				while (b > 0 && host_char((unsigned char) s[b - 1]))
					b--;
				len = host_token(s, n, b, true);
				if (len > 0 && b + len <= e)
					return bn_arena_strndup(a, s + b, len);
			}
		}
		p++;
	}
	/* "while talking to mx.example.org.:" (Sendmail) */
	if ((p = bn_memcasestr(s, n, "talking to ")) != NULL)
	{
		size_t		i = (size_t) (p - s) + 11;

		len = host_token(s, n, i, false);
		if (len > 0)
			return bn_arena_strndup(a, s + i, len);
	}
	/* "host mx.example.org" */
	p = s;
	while ((p = bn_memcasestr(p, n - (size_t) (p - s), "host ")) != NULL)
	{
		size_t		i = (size_t) (p - s) + 5;

		len = host_token(s, n, i, false);
		if (len > 0 && (p == s || p[-1] == ' ' || p[-1] == '\n' || p[-1] == '('))
			return bn_arena_strndup(a, s + i, len);
		p += 5;
	}
	return NULL;
}
