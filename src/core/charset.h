/*
 * charset.h
 *		Text in a MIME charset to UTF-8.
 *
 * UTF-8 and US-ASCII are checked in place; every other charset goes through
 * iconv, with one descriptor per charset opened once per process and kept.
 * Charsets are widened to their usual supersets the way mail clients read
 * them (ISO-8859-1 as Windows-1252, Shift_JIS as CP932, GB2312 and GBK as
 * GB18030, EUC-KR as CP949).  Invalid bytes, and text in a charset iconv
 * does not know, never fail: each bad byte becomes U+FFFD.
 *
 * Plain C: no PostgreSQL headers.
 */
#ifndef BOUNCE_CORE_CHARSET_H
#define BOUNCE_CORE_CHARSET_H

#include "arena.h"

#include <stddef.h>

/*
 * Convert in[0..n) from the named charset (any case, may be quoted, may be
 * NULL or empty for US-ASCII) to UTF-8.  *out points at the result: in
 * itself when it is already valid UTF-8, else a copy in the arena.
 * Returns the length of *out, or (size_t) -1 when the arena is exhausted.
 */
extern size_t bn_charset_to_utf8(const char *charset, size_t charset_len,
								 const char *in, size_t n, BnArena *a,
								 const char **out);

/* Length of the valid UTF-8 prefix of s[0..n). */
extern size_t bn_utf8_valid_prefix(const char *s, size_t n);

#endif							/* BOUNCE_CORE_CHARSET_H */
