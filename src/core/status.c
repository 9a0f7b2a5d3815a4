/*
 * status.c
 *		Parse, format and find RFC 3463 enhanced status codes and RFC 5321
 *		reply codes.
 */
#include "status.h"

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

/*
 * A status in text is "c.s.d" standing alone: not glued to letters or
 * digits, not part of a longer dotted number such as an IPv4 address or
 * "5.1.1.2" (a three-part version string cannot be told apart).  Each
 * position is looked at a bounded number of times, so the scan is linear.
 */
BnStatus
bn_status_find(const char *text, size_t len)
{
	size_t		i = 0;

	if (text == NULL)
		return BN_STATUS_NONE;

	while (i < len)
	{
		unsigned char c = (unsigned char) text[i];
		int			cls,
					sub,
					det;
		size_t		n1,
					n2,
					n3,
					end;

		if (!is_digit(c) || (i > 0 && (is_alnum((unsigned char) text[i - 1]) ||
									   text[i - 1] == '.')))
		{
			i++;
			continue;
		}
		n1 = digit_run(text, len, i, &cls);
		end = i + n1;
		if (n1 != 1 || (cls != 2 && cls != 4 && cls != 5) ||
			end + 1 >= len || text[end] != '.')
		{
			i = end;
			continue;
		}
		n2 = digit_run(text, len, end + 1, &sub);
		if (n2 == 0 || n2 > 3 || end + 1 + n2 + 1 >= len || text[end + 1 + n2] != '.')
		{
			i = end + 1;
			continue;
		}
		n3 = digit_run(text, len, end + 1 + n2 + 1, &det);
		if (n3 == 0 || n3 > 3)
		{
			i = end + 1;
			continue;
		}
		end = end + 1 + n2 + 1 + n3;
		/* "5.1.1." followed by a digit is a longer dotted number. */
		if (end < len && (is_alnum((unsigned char) text[end]) ||
						  (text[end] == '.' && end + 1 < len &&
						   is_digit((unsigned char) text[end + 1]))))
		{
			/* skip the whole dotted run so it is not re-read piecewise */
			while (end < len && (is_digit((unsigned char) text[end]) || text[end] == '.'))
				end++;
			i = end;
			continue;
		}
		return BN_STATUS_PACK(cls, sub, det);
	}
	return BN_STATUS_NONE;
}

bool
bn_reply_code_valid(int code)
{
	int			first = code / 100;

	return code >= 200 && code <= 599 && (first == 2 || first == 4 || first == 5);
}

/*
 * A reply code in text is three digits starting a token (at the start or
 * after a space, punctuation such as '(' or ':', or "#"), followed by a
 * space, '-', end of text, or ';' / ',' / ')'.  "550-5.1.1" counts; "5502"
 * and "1550" do not.
 */
int
bn_reply_code_find(const char *text, size_t len)
{
	size_t		i = 0;

	if (text == NULL)
		return 0;

	while (i < len)
	{
		unsigned char c = (unsigned char) text[i];
		int			v;
		size_t		n;

		if (!is_digit(c) || (i > 0 && (is_alnum((unsigned char) text[i - 1]) ||
									   text[i - 1] == '.' || text[i - 1] == '-')))
		{
			i++;
			continue;
		}
		n = digit_run(text, len, i, &v);
		if (n == 3 && bn_reply_code_valid(v))
		{
			size_t		e = i + 3;

			if (e == len || text[e] == ' ' || text[e] == '-' || text[e] == '\t' ||
				text[e] == ';' || text[e] == ',' || text[e] == ')' ||
				text[e] == '\r' || text[e] == '\n' || text[e] == ']')
				return v;
		}
		i += n;
	}
	return 0;
}
