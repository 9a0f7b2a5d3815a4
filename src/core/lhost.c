/*
 * lhost.c
 *		Which plain-text format a bounce is written in, and reading it.
 *
 * The formats are tried most specific first; each recognises itself by
 * phrases its MTA always writes, looked for in the From and Subject
 * fields and the first BN_LHOST_WINDOW bytes of the text (lower-cased
 * once).  The generic reader comes last, and only for a message that says
 * it is a bounce.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE				/* memmem */
#endif
#include "lhost.h"

#include <string.h>

#define BN_LHOST_WINDOW 4096

static const BnTextFormat *const formats[] = {
	&bn_lhost_qmail,
	&bn_lhost_exim,
	&bn_lhost_postfix,
	&bn_lhost_dragonfly,
	&bn_lhost_gmail,
	&bn_lhost_googlegroups,
	&bn_lhost_exchange,
	&bn_lhost_domino,
	&bn_lhost_yahoo,
	&bn_lhost_sendmail,
	&bn_lhost_courier,
	&bn_lhost_james,
	&bn_lhost_mailman,
};

static bool
detect(const char *win, size_t n, const char *const *phrases)
{
	for (int i = 0; phrases[i]; i++)
		if (memmem(win, n, phrases[i], strlen(phrases[i])) != NULL)
			return true;
	return false;
}

int
bn_parse_lhost(BnMsgCtx *c)
{
	size_t		fl = strlen(c->from);
	size_t		sl = strlen(c->subject);
	size_t		bl = c->body_len < BN_LHOST_WINDOW ? c->body_len : BN_LHOST_WINDOW;
	char	   *win = bn_arena_alloc(c->a, fl + sl + bl + 3);
	size_t		n = 0;
	int			added;

	if (win == NULL)
		return 0;
	memcpy(win + n, c->from, fl);
	n += fl;
	win[n++] = '\n';
	memcpy(win + n, c->subject, sl);
	n += sl;
	win[n++] = '\n';
	if (bl > 0)
		memcpy(win + n, c->body, bl);
	n += bl;
	for (size_t i = 0; i < n; i++)
		if (win[i] >= 'A' && win[i] <= 'Z')
			win[i] += 32;
	win[n] = '\0';

	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
	{
		if (!detect(win, n, formats[i]->detect))
			continue;
		added = formats[i]->scan != NULL ? formats[i]->scan(c) : 0;
		if (added == 0)
			added = bn_text_scan(c, formats[i]);
		if (added > 0)
		{
			c->out->format = formats[i]->name;
			return added;
		}
	}
	if ((added = bn_parse_ses_json(c)) > 0)
	{
		c->out->format = "amazonses";
		return added;
	}
	/* an auto-reply is not a bounce of an unknown MTA */
	if (bn_is_autoreply(c))
		return 0;
	if (detect(win, n, bn_lhost_generic.detect))
	{
		added = bn_text_scan(c, &bn_lhost_generic);
		if (added > 0)
			c->out->format = bn_lhost_generic.name;
		return added;
	}
	return 0;
}
