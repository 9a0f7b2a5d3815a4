/*
 * status.c
 *		Parse, format and find RFC 3463 enhanced status codes and RFC 5321
 *		reply codes.
 */
#include "status.h"

#include <string.h>

static inline bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
is_alnum(unsigned char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

BnStatusError
bn_status_parse(const char *s, size_t len, BnStatus *out)
{
	int			part[3] = {0, 0, 0};
	int			digits[3] = {0, 0, 0};
	int			n = 0;

	if (len == 0)
		return BN_STATUS_EMPTY;

	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == '.')
		{
			if (digits[n] == 0 || n == 2)
				return digits[n] == 0 ? BN_STATUS_MISSING_PART : BN_STATUS_BAD_CHARACTER;
			n++;
		}
		else if (is_digit(c))
		{
			/* Cap the digit count so a long run cannot overflow. */
			if (++digits[n] > 3)
				return n == 0 ? BN_STATUS_BAD_CLASS : BN_STATUS_OUT_OF_RANGE;
			part[n] = part[n] * 10 + (c - '0');
		}
		else
			return BN_STATUS_BAD_CHARACTER;
	}
	if (n < 2 || digits[2] == 0)
		return BN_STATUS_MISSING_PART;
	if (digits[0] != 1 || (part[0] != 2 && part[0] != 4 && part[0] != 5))
		return BN_STATUS_BAD_CLASS;
	*out = BN_STATUS_PACK(part[0], part[1], part[2]);
	return BN_STATUS_OK;
}

bool
bn_status_valid(BnStatus st)
{
	int			c = bn_status_class(st);

	return st > 0 && (c == 2 || c == 4 || c == 5) && st < 6000000;
}

static size_t
put_int(char *buf, int v)
{
	char		tmp[4];
	size_t		n = 0;
	size_t		len = 0;

	do
	{
		tmp[n++] = (char) ('0' + v % 10);
		v /= 10;
	} while (v > 0 && n < sizeof(tmp));
	while (n > 0)
		buf[len++] = tmp[--n];
	return len;
}

size_t
bn_status_format(BnStatus st, char *buf)
{
	size_t		len = 0;

	len += put_int(buf + len, bn_status_class(st));
	buf[len++] = '.';
	len += put_int(buf + len, bn_status_subject(st));
	buf[len++] = '.';
	len += put_int(buf + len, bn_status_detail(st));
	buf[len] = '\0';
	return len;
}

/*
 * The first digit in s[i..len), or len.  Both finders below start only at a
 * digit, and most of a diagnostic is words: eight bytes a test, exact for
 * every byte value (no carry crosses a byte: each sum stays below 0x100).
 */
static inline size_t
next_digit(const char *s, size_t len, size_t i)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
	(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ || __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t high = 0x8080808080808080ULL;

	while (i + 8 <= len)
	{
		uint64_t	w,
					low,
					m;

		memcpy(&w, s + i, 8);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__

		/*
		 * A digit is a byte below 10 once xor-ed with '0'.  The borrow of
		 * the subtraction can mark bytes after a digit, never before it: the
		 * lowest mark, the first byte in memory, is exact.
		 */
		low = w ^ (ones * '0');
		m = (low - ones * 10) & ~low & high;
		if (m != 0)
			return i + (size_t) (__builtin_ctzll(m) >> 3);
#else
		low = w & ~high;
		/* high bit of a byte: above '9' in one sum, '0' or above in the other */
		m = (low + ones * (0x80 - '0')) & ~(low + ones * (0x7f - '9')) & ~w & high;
		if (m != 0)
			return i + (size_t) (__builtin_clzll(m) >> 3);
#endif
		i += 8;
	}
#endif
	while (i < len && !is_digit((unsigned char) s[i]))
		i++;
	return i;
}

/*
 * Read a run of digits at s[i]: its value (capped) and length.
 */
static size_t
digit_run(const char *s, size_t len, size_t i, int *value)
{
	size_t		j = i;
	int			v = 0;

	while (j < len && is_digit((unsigned char) s[j]))
	{
		if (v < 100000)
			v = v * 10 + (s[j] - '0');
		j++;
	}
	*value = v;
	return j - i;
}

bool
bn_reply_code_valid(int code)
{
	int			first = code / 100;

	return code >= 200 && code <= 599 && (first == 2 || first == 4 || first == 5);
}

/*
 * The status whose class digit, a lone digit followed by a dot, ends at
 * text[dot]; BN_STATUS_NONE when what follows is not a status.  A status in
 * text is "c.s.d" standing alone: not glued to letters or digits, not part
 * of a longer dotted number such as an IPv4 address or "5.1.1.2" (a
 * three-part version string cannot be told apart).
 */
static BnStatus
status_at(const char *text, size_t len, int cls, size_t dot)
{
	int			sub,
				det;
	size_t		n2,
				n3,
				end;

	n2 = digit_run(text, len, dot + 1, &sub);
	if (n2 == 0 || n2 > 3 || dot + 1 + n2 + 1 >= len || text[dot + 1 + n2] != '.')
		return BN_STATUS_NONE;
	n3 = digit_run(text, len, dot + 1 + n2 + 1, &det);
	if (n3 == 0 || n3 > 3)
		return BN_STATUS_NONE;
	end = dot + 1 + n2 + 1 + n3;
	/* "5.1.1." followed by a digit is a longer dotted number. */
	if (end < len && (is_alnum((unsigned char) text[end]) ||
					  (text[end] == '.' && end + 1 < len &&
					   is_digit((unsigned char) text[end + 1]))))
		return BN_STATUS_NONE;
	return BN_STATUS_PACK(cls, sub, det);
}

/*
 * Is the number ending at text[e] a quantity rather than a reply code: a
 * size, a duration or a count its next word names ("250 kB", "421
 * seconds", "550 messages"), a percentage, or one side of a ratio
 * ("250/250")?  In any ASCII case, as every verdict (a reply's own text
 * begins with the singular "Message ..." when it does).
 */
static bool
quantity_follows(const char *text, size_t len, size_t e)
{
	static const char *const words[] = {
		"kb", "mb", "gb", "kib", "mib", "bytes", "kbytes", "mbytes",
		"seconds", "secs", "minutes", "mins", "hours", "days",
		"messages", "emails", "mails", "recipients", "times", "attempts",
		"connections", NULL
	};
	size_t		w;
	unsigned char first;

	if (e < len && (text[e] == '/' || text[e] == '%'))
		return true;
	if (e + 1 >= len || text[e] != ' ')
		return false;
	w = e + 1;
	first = (unsigned char) text[w];
	if (first >= 'A' && first <= 'Z')
		first += 32;
	if (first < 'a' || first > 'z')
		return false;			/* a status, a bracket: the usual reply */
	for (int i = 0; words[i]; i++)
	{
		size_t		n;
		size_t		k;

		if ((unsigned char) words[i][0] != first)
			continue;
		n = strlen(words[i]);
		if (w + n > len)
			continue;
		for (k = 0; k < n; k++)
		{
			unsigned char c = (unsigned char) text[w + k];

			if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char) words[i][k])
				break;
		}
		if (k == n && (w + n == len || !is_alnum((unsigned char) text[w + n])))
			return true;
	}
	return false;
}

/*
 * Both finders in one pass over the runs of digits (a status or a reply
 * code can only start a run, and the runs inside a dotted number are glued
 * to a dot, which neither accepts), stopping when both are found: the
 * classifier looks for both in the same text.  Each byte is read a bounded
 * number of times, so the scan is linear.
 */
void
bn_codes_find(const char *text, size_t len, BnStatus *status, int *reply)
{
	size_t		i = 0;
	bool		want_status = status != NULL,
				want_reply = reply != NULL;

	if (status != NULL)
		*status = BN_STATUS_NONE;
	if (reply != NULL)
		*reply = 0;
	if (text == NULL)
		return;

	while (want_status || want_reply)
	{
		unsigned char c,
					prev;
		size_t		e;

		i = next_digit(text, len, i);
		if (i >= len)
			break;
		c = (unsigned char) text[i];
		for (e = i + 1; e < len && is_digit((unsigned char) text[e]); e++)
			;
		/* a run glued to a letter or a dot starts neither */
		prev = i > 0 ? (unsigned char) text[i - 1] : ' ';
		if (is_alnum(prev) || prev == '.')
		{
			i = e;
			continue;
		}
		if (want_reply && e - i == 3 && prev != '-' && prev != '/' &&
			!quantity_follows(text, len, e))
		{
			int			v = (c - '0') * 100 + (text[i + 1] - '0') * 10 + (text[i + 2] - '0');

			if (bn_reply_code_valid(v) &&
				(e == len || text[e] == ' ' || text[e] == '-' || text[e] == '\t' ||
				 text[e] == ';' || text[e] == ',' || text[e] == ')' ||
				 text[e] == '\r' || text[e] == '\n' || text[e] == ']'))
			{
				*reply = v;
				want_reply = false;
			}
		}
		if (want_status && e - i == 1 && (c == '2' || c == '4' || c == '5') &&
			e + 1 < len && text[e] == '.')
		{
			BnStatus	st = status_at(text, len, c - '0', e);

			if (st != BN_STATUS_NONE)
			{
				*status = st;
				want_status = false;
			}
		}
		i = e;
	}
}

BnStatus
bn_status_find(const char *text, size_t len)
{
	BnStatus	st;

	bn_codes_find(text, len, &st, NULL);
	return st;
}

/*
 * A reply code in text is three digits starting a token (at the start or
 * after a space, punctuation such as '(' or ':', or "#"), followed by a
 * space, '-', end of text, or ';' / ',' / ')'.  "550-5.1.1" counts; "5502"
 * and "1550" do not, nor do quantities ("250 kB", "550 messages",
 * "250/250").
 */
int
bn_reply_code_find(const char *text, size_t len)
{
	int			code;

	bn_codes_find(text, len, NULL, &code);
	return code;
}
