/*
 * lhost_ses.c
 *		Amazon SES notifications delivered by email through Amazon SNS: a
 *		JSON document with "notificationType" Bounce, Complaint or Delivery
 *		(SES developer guide, "Contents of notifications").
 *
 *	Bounce:    bounce.bouncedRecipients[] {emailAddress, action, status,
 *	           diagnosticCode}, bounce.bounceType, bounce.reportingMTA,
 *	           bounce.remoteMtaIp, bounce.timestamp
 *	Complaint: complaint.complainedRecipients[] {emailAddress},
 *	           complaint.complaintFeedbackType, complaint.timestamp
 *	Delivery:  delivery.recipients[], delivery.smtpResponse,
 *	           delivery.remoteMtaIp
 *	and mail.messageId, the SES message id of the original message.
 *
 * A small reader, not a general JSON parser: it finds keys inside the
 * object that holds them and reads string values with their escapes.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE				/* memmem */
#endif
#include "lhost.h"

#include <stdio.h>

#include <string.h>

/* the span of the JSON value (object, array, string, scalar) at s[0..n) */
static size_t
value_span(const char *s, size_t n)
{
	size_t		i = 0;
	int			depth = 0;
	bool		str = false;

	if (n == 0)
		return 0;
	if (s[0] != '{' && s[0] != '[' && s[0] != '"')
	{
		while (i < n && s[i] != ',' && s[i] != '}' && s[i] != ']')
			i++;
		return i;
	}
	for (i = 0; i < n; i++)
	{
		char		ch = s[i];

		if (str)
		{
			if (ch == '\\')
				i++;
			else if (ch == '"')
			{
				str = false;
				if (depth == 0)
					return i + 1;
			}
			continue;
		}
		if (ch == '"')
			str = true;
		else if (ch == '{' || ch == '[')
			depth++;
		else if (ch == '}' || ch == ']')
		{
			if (--depth == 0)
				return i + 1;
		}
	}
	return n;
}

/* The value of "key" within s[0..n) at any depth: its start and span. */
static bool
find_key(const char *s, size_t n, const char *key, const char **v, size_t *vn)
{
	size_t		kl = strlen(key);
	const char *p = s;

	while (p < s + n)
	{
		const char *q = memchr(p, '"', (size_t) (s + n - p));
		const char *r;

		if (q == NULL)
			return false;
		if ((size_t) (s + n - q) > kl + 1 && memcmp(q + 1, key, kl) == 0 &&
			q[kl + 1] == '"')
		{
			r = q + kl + 2;
			while (r < s + n && (*r == ' ' || *r == '\t' || *r == '\r' || *r == '\n'))
				r++;
			if (r < s + n && *r == ':')
			{
				r++;
				while (r < s + n && (*r == ' ' || *r == '\t' || *r == '\r' || *r == '\n'))
					r++;
				*v = r;
				*vn = value_span(r, (size_t) (s + n - r));
				return true;
			}
		}
		p = q + 1;
	}
	return false;
}

/* A JSON string value, unescaped (\uXXXX to UTF-8), as an arena string. */
static char *
string_value(const char *s, size_t n, const char *key, BnArena *a)
{
	const char *v;
	size_t		vn;
	char	   *out;
	size_t		o = 0;

	if (!find_key(s, n, key, &v, &vn) || vn < 2 || v[0] != '"')
		return NULL;
	out = bn_arena_alloc(a, vn * 3 + 1);
	if (out == NULL)
		return NULL;
	for (size_t i = 1; i + 1 < vn; i++)
	{
		if (v[i] == '\\' && i + 2 < vn)
		{
			char		e = v[++i];

			if (e == 'n' || e == 'r' || e == 't')
				out[o++] = ' ';
			else if (e == 'u' && i + 4 < vn)
			{
				unsigned int cp = 0;
				bool		ok = true;

				for (int k = 1; k <= 4; k++)
				{
					int			h = bn_hexval(v[i + k]);

					if (h < 0)
						ok = false;
					cp = cp * 16 + (unsigned int) (h < 0 ? 0 : h);
				}
				if (!ok || (cp >= 0xD800 && cp <= 0xDFFF))
					cp = 0xFFFD;
				i += 4;
				if (cp < 0x80)
					out[o++] = (char) cp;
				else if (cp < 0x800)
				{
					out[o++] = (char) (0xC0 | (cp >> 6));
					out[o++] = (char) (0x80 | (cp & 0x3F));
				}
				else
				{
					out[o++] = (char) (0xE0 | (cp >> 12));
					out[o++] = (char) (0x80 | ((cp >> 6) & 0x3F));
					out[o++] = (char) (0x80 | (cp & 0x3F));
				}
			}
			else
				out[o++] = e;
		}
		else
			out[o++] = v[i];
	}
	out[o] = '\0';
	return out;
}

/* Call fn for every element of the array under key (objects or strings). */
static int
each(BnMsgCtx *c, const char *s, size_t n, const char *key,
	 int (*fn) (BnMsgCtx *c, const char *el, size_t eln, void *arg), void *arg)
{
	const char *v;
	size_t		vn;
	size_t		i = 1;
	int			added = 0;

	if (!find_key(s, n, key, &v, &vn) || vn < 2 || v[0] != '[')
		return 0;
	while (i < vn - 1)
	{
		size_t		span;

		while (i < vn - 1 && (v[i] == ' ' || v[i] == ',' || v[i] == '\n' ||
							  v[i] == '\r' || v[i] == '\t'))
			i++;
		if (i >= vn - 1)
			break;
		span = value_span(v + i, vn - 1 - i);
		if (span == 0)
			break;
		added += fn(c, v + i, span, arg);
		i += span;
	}
	return added;
}

typedef struct SesCommon
{
	const char *kind;			/* "bounce", "complaint", "delivery" */
	char	   *message_id;
	char	   *remote;
	char	   *feedback_type;
	char	   *response;		/* delivery.smtpResponse */
	bool		has_time;
	int64_t		time;
	const char *obj;
	size_t		obj_len;
} SesCommon;

/* ISO 8601 "2026-12-01T10:00:00.000Z" */
static bool
iso_time(const char *s, int64_t *out)
{
	int			y,
				mo,
				d,
				h,
				mi,
				se;
	char		buf[64];

	if (s == NULL || strlen(s) < 19)
		return false;
	for (int i = 0; i < 19; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == 'T' || s[i] == ':'))
			return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	mo = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	h = (s[11] - '0') * 10 + (s[12] - '0');
	mi = (s[14] - '0') * 10 + (s[15] - '0');
	se = (s[17] - '0') * 10 + (s[18] - '0');
	if (mo < 1 || mo > 12)
		return false;
	snprintf(buf, sizeof buf, "%d %s %d %02d:%02d:%02d +0000", d,
			 (const char *[]) {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
			 "Aug", "Sep", "Oct", "Nov", "Dec"}[mo - 1], y, h, mi, se);
	return bn_parse_date(buf, strlen(buf), out);
}

static int
add_one(BnMsgCtx *c, const char *el, size_t eln, void *arg)
{
	SesCommon  *sc = arg;
	BnRecipient *r;
	char	   *addr;

	if (el[0] == '"')
		addr = bn_address_of(el, eln, c->a);
	else
		addr = string_value(el, eln, "emailAddress", c->a);
	if (addr == NULL)
		return 0;
	r = bn_msg_add(c);
	if (r == NULL)
		return 0;
	r->recipient = bn_address_of(addr, strlen(addr), c->a);
	if (r->recipient == NULL)
		r->recipient = addr;
	r->message_id = sc->message_id;
	r->remote = sc->remote;
	r->has_time = sc->has_time;
	r->time = sc->time;
	if (strcmp(sc->kind, "bounce") == 0 && el[0] == '{')
	{
		char	   *st = string_value(el, eln, "status", c->a);
		char	   *dc = string_value(el, eln, "diagnosticCode", c->a);
		char	   *ac = string_value(el, eln, "action", c->a);

		if (st)
			r->status = bn_status_find(st, strlen(st));
		if (dc)
		{
			char	   *semi = strchr(dc, ';');

			r->diagnostic = bn_squeeze(semi && semi - dc < 16 ? semi + 1 : dc,
									   strlen(semi && semi - dc < 16 ? semi + 1 : dc),
									   c->a);
		}
		r->action = ac;
	}
	else if (strcmp(sc->kind, "complaint") == 0)
	{
		r->feedback_type = sc->feedback_type ? sc->feedback_type : "abuse";
		r->has_hint = true;
		r->hint = BN_REASON_FEEDBACK;
		r->hint_strong = true;
	}
	else
	{
		r->action = "delivered";
		r->diagnostic = sc->response;
		r->has_hint = true;
		r->hint = BN_REASON_DELIVERED;
	}
	return 1;
}

int
bn_parse_ses_json(BnMsgCtx *c)
{
	const char *s = c->body;
	size_t		n = c->body_len;
	char	   *type;
	SesCommon	sc;
	const char *obj;
	size_t		objn;
	char	   *ts;

	if (s == NULL)
		return 0;
	/* an SNS envelope: the notification is the "Message" string */
	if (memmem(s, n < 4096 ? n : 4096, "\"notificationType\"", 18) == NULL)
	{
		char	   *inner;

		if (memmem(s, n < 4096 ? n : 4096, "\"Notification\"", 14) == NULL ||
			(inner = string_value(s, n, "Message", c->a)) == NULL)
			return 0;
		s = inner;
		n = strlen(inner);
		if (memmem(s, n < 4096 ? n : 4096, "\"notificationType\"", 18) == NULL)
			return 0;
	}
	type = string_value(s, n, "notificationType", c->a);
	if (type == NULL)
		return 0;
	memset(&sc, 0, sizeof sc);
	if (strcmp(type, "Bounce") == 0)
		sc.kind = "bounce";
	else if (strcmp(type, "Complaint") == 0)
		sc.kind = "complaint";
	else if (strcmp(type, "Delivery") == 0)
		sc.kind = "delivery";
	else
		return 0;
	if (!find_key(s, n, sc.kind, &obj, &objn) || obj[0] != '{')
		return 0;
	{
		const char *mail;
		size_t		mailn;

		if (find_key(s, n, "mail", &mail, &mailn) && mail[0] == '{')
			sc.message_id = string_value(mail, mailn, "messageId", c->a);
	}
	sc.remote = string_value(obj, objn, "remoteMtaIp", c->a);
	if (sc.remote == NULL)
	{
		char	   *rm = string_value(obj, objn, "reportingMTA", c->a);

		(void) rm;				/* the reporting MTA is SES itself */
	}
	sc.feedback_type = string_value(obj, objn, "complaintFeedbackType", c->a);
	sc.response = string_value(obj, objn, "smtpResponse", c->a);
	ts = string_value(obj, objn, "timestamp", c->a);
	sc.has_time = iso_time(ts, &sc.time);
	if (strcmp(sc.kind, "bounce") == 0)
		return each(c, obj, objn, "bouncedRecipients", add_one, &sc);
	if (strcmp(sc.kind, "complaint") == 0)
		return each(c, obj, objn, "complainedRecipients", add_one, &sc);
	return each(c, obj, objn, "recipients", add_one, &sc);
}
