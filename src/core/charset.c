/*
 * charset.c
 *		MIME charsets to UTF-8: an in-place check for UTF-8, cached iconv
 *		descriptors for everything else, U+FFFD for every byte that does not
 *		decode.
 */
#include "charset.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

#define NAME_MAX_LEN 40
#define CACHE_SIZE 24

typedef struct CachedConv
{
	char		name[NAME_MAX_LEN + 1];	/* normalized (lower case) MIME name */
	iconv_t		cd;				/* (iconv_t) -1 when iconv cannot do it */
} CachedConv;

static CachedConv cache[CACHE_SIZE];
static int	cache_used;
static int	cache_next;			/* next slot to recycle when full */

/* MIME names read as a wider charset, the way mail clients read them. */
static const struct
{
	const char *mime;
	const char *iconv;
}			aliases[] =
{
	{"iso-8859-1", "WINDOWS-1252"},
	{"latin1", "WINDOWS-1252"},
	{"iso8859-1", "WINDOWS-1252"},
	{"shift_jis", "CP932"},
	{"shift-jis", "CP932"},
	{"sjis", "CP932"},
	{"x-sjis", "CP932"},
	{"ms_kanji", "CP932"},
	{"windows-31j", "CP932"},
	{"cp932", "CP932"},
	{"euc-jp", "EUC-JP-MS"},
	{"x-euc-jp", "EUC-JP-MS"},
	{"iso-2022-jp", "ISO-2022-JP-3"},
	{"gb2312", "GB18030"},
	{"gbk", "GB18030"},
	{"x-gbk", "GB18030"},
	{"cp936", "GB18030"},
	{"euc-cn", "GB18030"},
	{"euc-kr", "CP949"},
	{"ks_c_5601-1987", "CP949"},
	{"big5", "BIG5-HKSCS"},
	{"x-mac-roman", "MACINTOSH"},
};

static inline unsigned char
lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

size_t
bn_utf8_valid_prefix(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0;

	while (i < n)
	{
		unsigned char c = p[i];
		size_t		len;
		unsigned int cp;

		if (c < 0x80)
		{
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			len = 2, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			len = 3, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			len = 4, cp = c & 0x07;
		else
			return i;
		if (n - i < len)
			return i;
		for (size_t k = 1; k < len; k++)
		{
			if ((p[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
			(len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
			return i;
		i += len;
	}
	return i;
}

/* Copy in to UTF-8, each invalid byte replaced by U+FFFD. */
static size_t
utf8_repair(const char *in, size_t n, BnArena *a, const char **out)
{
	size_t		ok = bn_utf8_valid_prefix(in, n);
	char	   *buf;
	size_t		o = 0;

	if (ok == n)
	{
		*out = in;
		return n;
	}
	buf = bn_arena_alloc(a, n * 3 + 1);
	if (buf == NULL)
		return (size_t) -1;
	while (n > 0)
	{
		memcpy(buf + o, in, ok);
		o += ok;
		in += ok;
		n -= ok;
		if (n == 0)
			break;
		memcpy(buf + o, "\xEF\xBF\xBD", 3);
		o += 3;
		in++;
		n--;
		ok = bn_utf8_valid_prefix(in, n);
	}
	buf[o] = '\0';
	*out = buf;
	return o;
}

/* The cached descriptor for a normalized name; (iconv_t) -1 if none. */
static iconv_t
lookup(const char *name)
{
	const char *target = NULL;
	char		upper[NAME_MAX_LEN + 1];
	iconv_t		cd;
	int			slot;

	for (int i = 0; i < cache_used; i++)
		if (strcmp(cache[i].name, name) == 0)
			return cache[i].cd;

	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(aliases[i].mime, name) == 0)
			target = aliases[i].iconv;
	if (target == NULL)
	{
		size_t		k;

		for (k = 0; name[k]; k++)
			upper[k] = (name[k] >= 'a' && name[k] <= 'z') ? name[k] - 32 : name[k];
		upper[k] = '\0';
		target = upper;
	}
	cd = iconv_open("UTF-8", target);

	if (cache_used < CACHE_SIZE)
		slot = cache_used++;
	else
	{
		slot = cache_next;
		cache_next = (cache_next + 1) % CACHE_SIZE;
		if (cache[slot].cd != (iconv_t) -1)
			iconv_close(cache[slot].cd);
	}
	strcpy(cache[slot].name, name);
	cache[slot].cd = cd;
	return cd;
}

static bool
is_utf8_name(const char *name)
{
	return name[0] == '\0' || strcmp(name, "utf-8") == 0 ||
		strcmp(name, "utf8") == 0 || strcmp(name, "us-ascii") == 0 ||
		strcmp(name, "ascii") == 0 || strcmp(name, "ansi_x3.4-1968") == 0 ||
		strcmp(name, "7bit") == 0 || strcmp(name, "8bit") == 0 ||
		strcmp(name, "default") == 0 || strcmp(name, "x-unknown") == 0;
}

size_t
bn_charset_to_utf8(const char *charset, size_t charset_len,
				   const char *in, size_t n, BnArena *a, const char **out)
{
	char		name[NAME_MAX_LEN + 1];
	size_t		k = 0;
	iconv_t		cd;
	char	   *buf;
	size_t		cap;
	char	   *inp;
	size_t		inleft;
	char	   *outp;
	size_t		outleft;

	/* normalize: lower case, no quotes or blanks */
	for (size_t i = 0; charset != NULL && i < charset_len; i++)
	{
		unsigned char c = (unsigned char) charset[i];

		if (c == '"' || c == '\'' || c == ' ' || c == '\t')
			continue;
		if (c < 0x21 || c > 0x7E || k == NAME_MAX_LEN)
		{
			k = 0;				/* not a charset name: read as UTF-8 */
			break;
		}
		name[k++] = (char) lower(c);
	}
	name[k] = '\0';

	if (is_utf8_name(name))
		return utf8_repair(in, n, a, out);
	cd = lookup(name);
	if (cd == (iconv_t) -1)
		return utf8_repair(in, n, a, out);

	/* pure ASCII is the same in every charset iconv reads mail in, except
	 * the stateful ISO-2022 family (ESC) and UTF-7 ('+'); keep it as is */
	{
		size_t		i;

		for (i = 0; i < n; i++)
		{
			unsigned char c = (unsigned char) in[i];

			if (c >= 0x80 || c == 0x1B || c == '+' || c == '~')
				break;
		}
		if (i == n)
		{
			*out = in;
			return n;
		}
	}

	iconv(cd, NULL, NULL, NULL, NULL);
	cap = n * 4 + 16;
	buf = bn_arena_alloc(a, cap);
	if (buf == NULL)
		return (size_t) -1;
	inp = (char *) in;
	inleft = n;
	outp = buf;
	outleft = cap - 1;
	while (inleft > 0)
	{
		size_t		r = iconv(cd, &inp, &inleft, &outp, &outleft);

		if (r != (size_t) -1)
			break;
		if (errno == E2BIG)
		{
			/* cannot happen with 4 bytes out per byte in; stop safely */
			break;
		}
		/* EILSEQ or EINVAL: one replacement character, skip one byte */
		if (outleft < 3)
			break;
		memcpy(outp, "\xEF\xBF\xBD", 3);
		outp += 3;
		outleft -= 3;
		inp++;
		inleft--;
	}
	/* flush a stateful encoding's shift state */
	iconv(cd, NULL, NULL, &outp, &outleft);
	*outp = '\0';
	*out = buf;
	return (size_t) (outp - buf);
}
