/*
 * provider.h
 *		Mailbox providers, recognised from a domain, an address or an MX host.
 *
 * Plain C: no PostgreSQL headers.
 */
#ifndef BOUNCE_CORE_PROVIDER_H
#define BOUNCE_CORE_PROVIDER_H

#include <stddef.h>

/* Append only: the SQL layer exposes these by name, not by number. */
typedef enum BnProvider
{
	BN_PROVIDER_UNKNOWN,
	BN_PROVIDER_GOOGLE,
	BN_PROVIDER_MICROSOFT,
	BN_PROVIDER_YAHOO,			/* Yahoo, AOL, Verizon */
	BN_PROVIDER_APPLE,
	BN_PROVIDER_COMCAST,
	BN_PROVIDER_ATT,
	BN_PROVIDER_ORANGE,
	BN_PROVIDER_FREE,
	BN_PROVIDER_UNITED_INTERNET,	/* GMX, web.de, mail.com */
	BN_PROVIDER_MAILRU,
	BN_PROVIDER_YANDEX,
	BN_PROVIDER_TENCENT,		/* QQ, Foxmail */
	BN_PROVIDER_NETEASE,		/* 163.com, 126.com */
	BN_PROVIDER_ZOHO,
	BN_PROVIDER_PROTON,
	BN_PROVIDER_FASTMAIL,
	BN_PROVIDER_MIMECAST,		/* gateway, seen as the remote host */
	BN_PROVIDER_PROOFPOINT,		/* gateway, seen as the remote host */
	BN_PROVIDER_AMAZON_SES,		/* sending relay, seen as the remote host */
	BN_PROVIDER_COX,
	BN_PROVIDER_CHARTER,		/* Spectrum, Charter, Road Runner */
	BN_PROVIDER_GODADDY,
	BN_PROVIDER_KDDI,
	BN_PROVIDER_DOCOMO,
	BN_PROVIDER_SEZNAM,
	BN_PROVIDER_LIBERO,			/* Italiaonline: libero.it, virgilio.it */
	BN_PROVIDER_NAVER
} BnProvider;

#define BN_PROVIDER_COUNT 28

/* "google", "microsoft", ... ; "unknown" for BN_PROVIDER_UNKNOWN. */
extern const char *const bn_provider_names[BN_PROVIDER_COUNT];

/*
 * The provider of a domain, an address (the part after the last '@') or an
 * MX/remote host name (matched by domain suffix, so "aspmx.l.google.com"
 * and "mail.protection.outlook.com" are known).  Case-insensitive;
 * a trailing dot and surrounding angle brackets are ignored.
 */
extern BnProvider bn_provider_of(const char *name, size_t len);

#endif							/* BOUNCE_CORE_PROVIDER_H */
