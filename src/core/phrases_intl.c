/*
 * phrases_intl.c
 *		The generic wording in languages other than English, with the same
 *		rules as phrases.c (see phrases.h).  Every phrase with a non-ASCII
 *		byte goes to the matcher's second automaton, which only texts with
 *		such a byte go through (patterns.c).
 *
 * Plain C: no PostgreSQL headers; data only.
 */
#include "phrases.h"

const BnRule bn_intl_rules[] = {
	/*
	 * Non-English wording.  The matcher folds ASCII only: every non-ASCII
	 * phrase matches its UTF-8 bytes exactly, so the usual capitalised
	 * forms are listed too.  Sources: the providers' own help pages in the
	 * language (Orange/Wanadoo and La Poste in French, T-Online and
	 * GMX/WEB.DE in German, Mail.ru and Yandex in Russian, QQ/Tencent and
	 * NetEase in Chinese, docomo/au in Japanese), the localised NDRs of
	 * Exchange and the translated messages of Dovecot/Courier quota
	 * warnings, and each language's plain wording for the reason.
	 */
#define G "user_unknown: fr/de/es/pt/it/nl wording (Orange, La Poste, T-Online, GMX, localised Exchange NDRs)"
	/* French */
	R("utilisateur inconnu", USER_UNKNOWN, STRONG),
	R("destinataire inconnu", USER_UNKNOWN, STRONG),
	R("adresse inconnue", USER_UNKNOWN, STRONG),
	R("adresse inexistante", USER_UNKNOWN, STRONG),
	R("compte inexistant", USER_UNKNOWN, STRONG),
	R("utilisateur inexistant", USER_UNKNOWN, STRONG),
	R("destinataire invalide", USER_UNKNOWN, STRONG),
	R("aucun utilisateur", USER_UNKNOWN, STRONG),
	R("existe pas", USER_UNKNOWN, MEDIUM - 5),
	/* German */
	R("unbekannter empf\xc3\xa4nger", USER_UNKNOWN, STRONG),
	R("empf\xc3\xa4nger unbekannt", USER_UNKNOWN, STRONG),
	R("unbekannter benutzer", USER_UNKNOWN, STRONG),
	R("benutzer unbekannt", USER_UNKNOWN, STRONG),
	R("ung\xc3\xbcltiger empf\xc3\xa4nger", USER_UNKNOWN, STRONG),
	R("empf\xc3\xa4ngeradresse ist ung\xc3\xbcltig", USER_UNKNOWN, STRONG),
	R("postfach existiert nicht", USER_UNKNOWN, STRONG),
	R("adresse existiert nicht", USER_UNKNOWN, STRONG),
	R("benutzer existiert nicht", USER_UNKNOWN, STRONG),
	R("existiert nicht", USER_UNKNOWN, MEDIUM - 5),
	/* Spanish */
	R("usuario desconocido", USER_UNKNOWN, STRONG),
	R("destinatario desconocido", USER_UNKNOWN, STRONG),
	R("usuario no existe", USER_UNKNOWN, STRONG),
	R("no existe ese usuario", USER_UNKNOWN, STRONG),
	R("buz\xc3\xb3n no existe", USER_UNKNOWN, STRONG),
	R("cuenta no existe", USER_UNKNOWN, STRONG),
	R("direcci\xc3\xb3n no existe", USER_UNKNOWN, STRONG),
	R("no existe", USER_UNKNOWN, MEDIUM - 5),
	/* Portuguese */
	R("usu\xc3\xa1rio desconhecido", USER_UNKNOWN, STRONG),
	R("usuario desconhecido", USER_UNKNOWN, STRONG),
	R("utilizador desconhecido", USER_UNKNOWN, STRONG),
	R("destinat\xc3\xa1rio desconhecido", USER_UNKNOWN, STRONG),
	R("destinatario desconhecido", USER_UNKNOWN, STRONG),
	R("usu\xc3\xa1rio inexistente", USER_UNKNOWN, STRONG),
	R("conta inexistente", USER_UNKNOWN, STRONG),
	R("n\xc3\xa3o existe", USER_UNKNOWN, MEDIUM - 5),
	R("nao existe", USER_UNKNOWN, MEDIUM - 5),
	/* Italian */
	R("utente sconosciuto", USER_UNKNOWN, STRONG),
	R("destinatario sconosciuto", USER_UNKNOWN, STRONG),
	R("utente inesistente", USER_UNKNOWN, STRONG),
	R("utente non valido", USER_UNKNOWN, STRONG),
	R("indirizzo inesistente", USER_UNKNOWN, STRONG),
	R("casella inesistente", USER_UNKNOWN, STRONG),
	R("non esiste", USER_UNKNOWN, MEDIUM - 5),
	/* Dutch */
	R("onbekende gebruiker", USER_UNKNOWN, STRONG),
	R("gebruiker onbekend", USER_UNKNOWN, STRONG),
	R("onbekende ontvanger", USER_UNKNOWN, STRONG),
	R("ontvanger onbekend", USER_UNKNOWN, STRONG),
	R("bestaat niet", USER_UNKNOWN, MEDIUM - 5),
#undef G
	/* Microsoft 365's localised "<user> wasn't found at <domain>":
	 * German "wurde bei ... nicht gefunden", French "est introuvable sur",
	 * Spanish "No se encontró a ... en", Portuguese "não foi encontrado";
	 * weak like "existiert nicht": a clearer cause wins */
#define G "user_unknown: localised Microsoft 365 NDR 'wasn't found at' (de, fr, es, pt)"
	R("nicht gefunden", USER_UNKNOWN, MEDIUM - 5),
	R("est introuvable", USER_UNKNOWN, MEDIUM - 5),
	R("no se encontr\xc3\xb3", USER_UNKNOWN, MEDIUM - 5), /* no se encontró */
	R("n\xc3\xa3o foi encontrad", USER_UNKNOWN, MEDIUM - 5), /* não foi encontrad */
#undef G
#define G "user_unknown: fr/de/es/pt/it/nl wording (Orange, La Poste, T-Online, GMX, localised Exchange NDRs)"
#undef G
#define G "user_unknown: ja/zh/ru wording (docomo/au, QQ, NetEase, Mail.ru, Yandex)"
	/* Japanese */
	R("\xe5\xae\x9b\xe5\x85\x88\xe4\xb8\x8d\xe6\x98\x8e", USER_UNKNOWN, STRONG), /* 宛先不明 */
	R("\xe3\x83\xa6\xe3\x83\xbc\xe3\x82\xb6\xe3\x81\x8c\xe5\xad\x98\xe5\x9c\xa8\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93", USER_UNKNOWN, STRONG), /* ユーザが存在しません */
	R("\xe3\x83\xa6\xe3\x83\xbc\xe3\x82\xb6\xe3\x83\xbc\xe3\x81\x8c\xe5\xad\x98\xe5\x9c\xa8\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93", USER_UNKNOWN, STRONG), /* ユーザーが存在しません */
	R("\xe5\xad\x98\xe5\x9c\xa8\xe3\x81\x97\xe3\x81\xaa\xe3\x81\x84", USER_UNKNOWN, MEDIUM - 5), /* 存在しない */
	R("\xe5\xad\x98\xe5\x9c\xa8\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93", USER_UNKNOWN, MEDIUM - 5), /* 存在しません */
	/* Exchange's and Gmail's Japanese NDRs: "メールアドレスが見つかりません"
	 * (the e-mail address could not be found) */
	R("\xe3\x82\xa2\xe3\x83\x89\xe3\x83\xac\xe3\x82\xb9\xe3\x81\x8c\xe8\xa6\x8b\xe3\x81\xa4\xe3\x81\x8b\xe3\x82\x8a\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93", USER_UNKNOWN, MEDIUM), /* アドレスが見つかりません */
	/* Chinese, simplified and traditional */
	R("\xe7\x94\xa8\xe6\x88\xb7\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", USER_UNKNOWN, STRONG), /* 用户不存在 */
	R("\xe7\x94\xa8\xe6\x88\xb6\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", USER_UNKNOWN, STRONG), /* 用戶不存在 */
	R("\xe6\x94\xb6\xe4\xbb\xb6\xe4\xba\xba\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", USER_UNKNOWN, STRONG), /* 收件人不存在 */
	R("\xe9\x82\xae\xe7\xae\xb1\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", USER_UNKNOWN, STRONG), /* 邮箱不存在 */
	R("\xe5\xb8\x90\xe5\x8f\xb7\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", USER_UNKNOWN, STRONG), /* 帐号不存在 */
	R("\xe8\xb4\xa6\xe5\x8f\xb7\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", USER_UNKNOWN, STRONG), /* 账号不存在 */
	R("\xe5\x9c\xb0\xe5\x9d\x80\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", USER_UNKNOWN, STRONG), /* 地址不存在 */
	R("\xe6\x9f\xa5\xe6\x97\xa0\xe6\xad\xa4\xe7\x94\xa8\xe6\x88\xb7", USER_UNKNOWN, STRONG), /* 查无此用户 */
	/* Russian */
	R("\xd0\xbf\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xb7\xd0\xbe\xd0\xb2\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8c \xd0\xbd\xd0\xb5 \xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd", USER_UNKNOWN, STRONG), /* пользователь не найден */
	R("\xd0\x9f\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xb7\xd0\xbe\xd0\xb2\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8c \xd0\xbd\xd0\xb5 \xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd", USER_UNKNOWN, STRONG), /* Пользователь не найден */
	R("\xd0\xbd\xd0\xb5\xd1\x82 \xd1\x82\xd0\xb0\xd0\xba\xd0\xbe\xd0\xb3\xd0\xbe \xd0\xbf\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xb7\xd0\xbe\xd0\xb2\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8f", USER_UNKNOWN, STRONG), /* нет такого пользователя */
	R("\xd0\x9d\xd0\xb5\xd1\x82 \xd1\x82\xd0\xb0\xd0\xba\xd0\xbe\xd0\xb3\xd0\xbe \xd0\xbf\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xb7\xd0\xbe\xd0\xb2\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8f", USER_UNKNOWN, STRONG), /* Нет такого пользователя */
	R("\xd1\x8f\xd1\x89\xd0\xb8\xd0\xba \xd0\xbd\xd0\xb5 \xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd", USER_UNKNOWN, STRONG), /* ящик не найден */
	R("\xd0\xbd\xd0\xb5\xd0\xb8\xd0\xb7\xd0\xb2\xd0\xb5\xd1\x81\xd1\x82\xd0\xbd\xd1\x8b\xd0\xb9 \xd0\xbf\xd0\xbe\xd0\xbb\xd1\x83\xd1\x87\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8c", USER_UNKNOWN, STRONG), /* неизвестный получатель */
	R("\xd0\x9d\xd0\xb5\xd0\xb8\xd0\xb7\xd0\xb2\xd0\xb5\xd1\x81\xd1\x82\xd0\xbd\xd1\x8b\xd0\xb9 \xd0\xbf\xd0\xbe\xd0\xbb\xd1\x83\xd1\x87\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8c", USER_UNKNOWN, STRONG), /* Неизвестный получатель */
	R("\xd0\xbd\xd0\xb5 \xd1\x81\xd1\x83\xd1\x89\xd0\xb5\xd1\x81\xd1\x82\xd0\xb2\xd1\x83\xd0\xb5\xd1\x82", USER_UNKNOWN, MEDIUM - 5), /* не существует */
	R("\xd0\xb0\xd0\xb4\xd1\x80\xd0\xb5\xd1\x81\xd0\xb0\xd1\x82 \xd0\xbd\xd0\xb5 \xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd", USER_UNKNOWN, STRONG), /* адресат не найден */
	R("\xd0\x90\xd0\xb4\xd1\x80\xd0\xb5\xd1\x81\xd0\xb0\xd1\x82 \xd0\xbd\xd0\xb5 \xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd", USER_UNKNOWN, STRONG), /* Адресат не найден */
	/* Polish and Czech */
	R("nie ma takiego u\xc5\xbcytkownika", USER_UNKNOWN, STRONG), /* nie ma takiego użytkownika */
	R("u\xc5\xbeivatel neexistuje", USER_UNKNOWN, STRONG), /* uživatel neexistuje */
#undef G
#define G "user_unknown: it/pl \"nonexistent\" wording (Libero/Virgilio, Onet/WP/Interia help pages)"
	/* Italian "inesistente" (nonexistent: "indirizzo email inesistente",
	 * Libero/Virgilio help) and Polish "nie istnieje" (does not exist), as
	 * the bare "non esiste" / "existiert nicht"; "domena nie istnieje"
	 * stays host_unknown */
	R("inesistente", USER_UNKNOWN, MEDIUM - 5),
	R("nie istnieje", USER_UNKNOWN, MEDIUM - 5),
#undef G
#define G "user_unknown: Korean wording (Naver, Daum, Nate help pages)"
	/* Korean (Naver, Daum, Nate help pages; "존재하지 않는" = "that does
	 * not exist") */
	R("\xec\xa1\xb4\xec\x9e\xac\xed\x95\x98\xec\xa7\x80 \xec\x95\x8a\xeb\x8a\x94 \xec\x82\xac\xec\x9a\xa9\xec\x9e\x90", USER_UNKNOWN, STRONG), /* 존재하지 않는 사용자 */
	R("\xec\xa1\xb4\xec\x9e\xac\xed\x95\x98\xec\xa7\x80 \xec\x95\x8a\xeb\x8a\x94 \xea\xb3\x84\xec\xa0\x95", USER_UNKNOWN, STRONG), /* 존재하지 않는 계정 */
	R("\xec\xa1\xb4\xec\x9e\xac\xed\x95\x98\xec\xa7\x80 \xec\x95\x8a\xeb\x8a\x94 \xeb\xa9\x94\xec\x9d\xbc", USER_UNKNOWN, STRONG), /* 존재하지 않는 메일 */
	R("\xec\xa1\xb4\xec\x9e\xac\xed\x95\x98\xec\xa7\x80 \xec\x95\x8a", USER_UNKNOWN, MEDIUM - 5), /* 존재하지 않 */
#undef G
#define G "user_unknown: ja/zh/ru wording (docomo/au, QQ, NetEase, Mail.ru, Yandex)"
#undef G
#define G "host_unknown: non-English wording (pl, pt, cs)"
	R("domena nie istnieje", HOST_UNKNOWN, STRONG),
	R("dom\xc3\xadnio n\xc3\xa3o existe", HOST_UNKNOWN, STRONG), /* domínio não existe */
	R("dom\xc3\xa9na neexistuje", HOST_UNKNOWN, STRONG), /* doména neexistuje */
#undef G

#define G "mailbox_full: non-English wording (fr, de, es, pt, it, nl, ja, zh, ru)"
	R("bo\xc3\xaete aux lettres pleine", MAILBOX_FULL, STRONG), /* boîte aux lettres pleine */
	R("boite aux lettres pleine", MAILBOX_FULL, STRONG),
	R("bo\xc3\xaete pleine", MAILBOX_FULL, STRONG),
	R("quota d\xc3\xa9pass\xc3\xa9", MAILBOX_FULL, STRONG), /* quota dépassé */
	R("d\xc3\xa9passement de quota", MAILBOX_FULL, STRONG),
	R("postfach voll", MAILBOX_FULL, STRONG),
	R("postfach ist voll", MAILBOX_FULL, STRONG),
	R("ist voll", MAILBOX_FULL, MEDIUM + 5),
	R("speicherplatz", MAILBOX_FULL, MEDIUM),
	R("kontingent \xc3\xbc""berschritten", MAILBOX_FULL, STRONG), /* Kontingent überschritten */
	R("quota \xc3\xbc""berschritten", MAILBOX_FULL, STRONG),
	R("buz\xc3\xb3n lleno", MAILBOX_FULL, STRONG), /* buzón lleno */
	R("buzon lleno", MAILBOX_FULL, STRONG),
	R("est\xc3\xa1 llena", MAILBOX_FULL, MEDIUM + 5), /* está llena */
	R("esta llena", MAILBOX_FULL, MEDIUM + 5),
#undef G
	/* "(the mailbox) is full" in Spanish (el buzón está lleno), Portuguese
	 * (a caixa está cheia) and Italian (la casella è piena), as "ist voll" */
#define G "mailbox_full: es/pt/it \"is full\" wording"
	R("est\xc3\xa1 lleno", MAILBOX_FULL, MEDIUM + 5), /* está lleno */
	R("esta lleno", MAILBOX_FULL, MEDIUM + 5),
	R("est\xc3\xa1 cheia", MAILBOX_FULL, MEDIUM + 5), /* está cheia */
	R("\xc3\xa8 piena", MAILBOX_FULL, MEDIUM + 5), /* è piena */
	/* French (la boîte aux lettres est pleine, Orange/SFR/La Poste) and
	 * Dutch (de mailbox is vol, Telenet/Ziggo/KPN), the same form; the
	 * Dutch one as whole words (a blank before it, a word end after it:
	 * "this volume", "is voldoende" are not it) */
	R("est pleine", MAILBOX_FULL, MEDIUM + 5),
	{" is vol", BN_REASON_MAILBOX_FULL, MEDIUM + 5, BN_RULE_WORD_END, BN_PROVIDER_UNKNOWN, 0, 0, 0, G},
#undef G
#define G "mailbox_full: non-English wording (fr, de, es, pt, it, nl, ja, zh, ru)"
	R("buz\xc3\xb3n est\xc3\xa1 lleno", MAILBOX_FULL, STRONG),
	R("cuota excedida", MAILBOX_FULL, STRONG),
	R("caixa postal cheia", MAILBOX_FULL, STRONG),
	R("caixa de correio cheia", MAILBOX_FULL, STRONG),
	R("caixa cheia", MAILBOX_FULL, STRONG),
	R("cota excedida", MAILBOX_FULL, STRONG),
	R("quota excedida", MAILBOX_FULL, STRONG),
	R("casella piena", MAILBOX_FULL, STRONG),
	R("casella di posta piena", MAILBOX_FULL, STRONG),
	R("quota superata", MAILBOX_FULL, STRONG),
	R("spazio esaurito", MAILBOX_FULL, STRONG),
	R("postvak vol", MAILBOX_FULL, STRONG),
	R("postvak is vol", MAILBOX_FULL, STRONG),
	R("mailbox is vol", MAILBOX_FULL, STRONG),
	R("quotum overschreden", MAILBOX_FULL, STRONG),
	R("\xe5\xae\xb9\xe9\x87\x8f\xe3\x82\xaa\xe3\x83\xbc\xe3\x83\x90\xe3\x83\xbc", MAILBOX_FULL, STRONG), /* 容量オーバー */
	R("\xe5\xae\xb9\xe9\x87\x8f\xe8\xb6\x85\xe9\x81\x8e", MAILBOX_FULL, STRONG), /* 容量超過 */
	/* "(メールボックスの)容量を超えています" (exceeds the capacity),
	 * Biglobe/OCN/carrier wording, as 容量超過 */
	R("\xe5\xae\xb9\xe9\x87\x8f\xe3\x82\x92\xe8\xb6\x85\xe3\x81\x88", MAILBOX_FULL, MEDIUM + 5), /* 容量を超え */
	R("\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\xab\xe3\x83\x9c\xe3\x83\x83\xe3\x82\xaf\xe3\x82\xb9\xe3\x81\x8c\xe3\x81\x84\xe3\x81\xa3\xe3\x81\xb1\xe3\x81\x84", MAILBOX_FULL, STRONG), /* メールボックスがいっぱい */
	R("\xe9\x82\xae\xe7\xae\xb1\xe5\xb7\xb2\xe6\xbb\xa1", MAILBOX_FULL, STRONG), /* 邮箱已满 */
	R("\xe9\x83\xb5\xe7\xae\xb1\xe5\xb7\xb2\xe6\xbb\xbf", MAILBOX_FULL, STRONG), /* 郵箱已滿 */
	R("\xe4\xbf\xa1\xe7\xae\xb1\xe5\xb7\xb2\xe6\xbb\xbf", MAILBOX_FULL, STRONG), /* 信箱已滿 */
	R("\xe9\x82\xae\xe7\xae\xb1\xe7\xa9\xba\xe9\x97\xb4\xe4\xb8\x8d\xe8\xb6\xb3", MAILBOX_FULL, STRONG), /* 邮箱空间不足 */
	R("\xe5\xae\xb9\xe9\x87\x8f\xe5\xb7\xb2\xe6\xbb\xa1", MAILBOX_FULL, STRONG), /* 容量已满 */
#undef G
#define G "mailbox_full: QQ Mail bounce keywords (zh)"
	/* QQ Mail's bounce keyword list: "收件人空间不足" (the recipient's
	 * space is insufficient); the bare "空间不足" as for "ist voll" */
	R("\xe6\x94\xb6\xe4\xbb\xb6\xe4\xba\xba\xe7\xa9\xba\xe9\x97\xb4\xe4\xb8\x8d\xe8\xb6\xb3", MAILBOX_FULL, STRONG), /* 收件人空间不足 */
	R("\xe7\xa9\xba\xe9\x97\xb4\xe4\xb8\x8d\xe8\xb6\xb3", MAILBOX_FULL, MEDIUM + 5), /* 空间不足 */
	R("\xe7\xa9\xba\xe9\x96\x93\xe4\xb8\x8d\xe8\xb6\xb3", MAILBOX_FULL, MEDIUM + 5), /* 空間不足 */
#undef G
#define G "mailbox_full: non-English wording (fr, de, es, pt, it, nl, ja, zh, ru)"
#undef G
#define G "mailbox_full: Polish wording"
	/* Polish: "skrzynka (odbiorcy) jest pełna" (mailbox is full),
	 * "przepełniona" (overflowing) */
	R("skrzynka jest pe\xc5\x82na", MAILBOX_FULL, STRONG), /* skrzynka jest pełna */
	R("skrzynka pe\xc5\x82na", MAILBOX_FULL, STRONG), /* skrzynka pełna */
	R("jest pe\xc5\x82na", MAILBOX_FULL, MEDIUM + 5), /* jest pełna */
	R("przepe\xc5\x82niona", MAILBOX_FULL, MEDIUM), /* przepełniona */
#undef G
#define G "mailbox_full: non-English wording (fr, de, es, pt, it, nl, ja, zh, ru)"
#undef G
#define G "mailbox_full: Korean wording (Naver, Daum help pages)"
	/* Korean: "메일함이 가득 찼습니다" (the mailbox is full), "메일함 용량"
	 * (mailbox capacity) exceeded */
	R("\xeb\xa9\x94\xec\x9d\xbc\xed\x95\xa8\xec\x9d\xb4 \xea\xb0\x80\xeb\x93\x9d", MAILBOX_FULL, STRONG), /* 메일함이 가득 */
	R("\xeb\xa9\x94\xec\x9d\xbc\xed\x95\xa8 \xec\x9a\xa9\xeb\x9f\x89 \xec\xb4\x88\xea\xb3\xbc", MAILBOX_FULL, STRONG), /* 메일함 용량 초과 */
	/* Exchange's Korean NDR says 사서함 for the mailbox: "받는 사람의
	 * 사서함이 가득 찼습니다" (the recipient's mailbox is full) */
	R("\xec\x82\xac\xec\x84\x9c\xed\x95\xa8\xec\x9d\xb4 \xea\xb0\x80\xeb\x93\x9d", MAILBOX_FULL, STRONG), /* 사서함이 가득 */
	R("\xec\x9a\xa9\xeb\x9f\x89 \xec\xb4\x88\xea\xb3\xbc", MAILBOX_FULL, MEDIUM), /* 용량 초과 */
	/* the same with the subject particle: "메일함 용량이 초과되었습니다"
	 * (the mailbox capacity has been exceeded) */
	R("\xec\x9a\xa9\xeb\x9f\x89\xec\x9d\xb4 \xec\xb4\x88\xea\xb3\xbc", MAILBOX_FULL, MEDIUM), /* 용량이 초과 */
#undef G
#define G "mailbox_full: non-English wording (fr, de, es, pt, it, nl, ja, zh, ru)"
	R("\xd1\x8f\xd1\x89\xd0\xb8\xd0\xba \xd0\xbf\xd0\xb5\xd1\x80\xd0\xb5\xd0\xbf\xd0\xbe\xd0\xbb\xd0\xbd\xd0\xb5\xd0\xbd", MAILBOX_FULL, STRONG), /* ящик переполнен */
	R("\xd0\xaf\xd1\x89\xd0\xb8\xd0\xba \xd0\xbf\xd0\xb5\xd1\x80\xd0\xb5\xd0\xbf\xd0\xbe\xd0\xbb\xd0\xbd\xd0\xb5\xd0\xbd", MAILBOX_FULL, STRONG), /* Ящик переполнен */
	R("\xd0\xbf\xd0\xb5\xd1\x80\xd0\xb5\xd0\xbf\xd0\xbe\xd0\xbb\xd0\xbd\xd0\xb5\xd0\xbd", MAILBOX_FULL, MEDIUM), /* переполнен */
	R("\xd0\xbf\xd1\x80\xd0\xb5\xd0\xb2\xd1\x8b\xd1\x88\xd0\xb5\xd0\xbd\xd0\xb0 \xd0\xba\xd0\xb2\xd0\xbe\xd1\x82\xd0\xb0", MAILBOX_FULL, STRONG), /* превышена квота */
#undef G

#define G "suspend: non-English wording (fr, de, es, pt, it, nl, ja, zh, ru)"
	R("compte d\xc3\xa9sactiv\xc3\xa9", SUSPEND, STRONG), /* compte désactivé */
	R("bo\xc3\xaete aux lettres d\xc3\xa9sactiv\xc3\xa9""e", SUSPEND, STRONG),
	R("adresse d\xc3\xa9sactiv\xc3\xa9""e", SUSPEND, STRONG),
	R("compte suspendu", SUSPEND, STRONG),
#undef G
#define G "suspend: French \"a été désactivé\" wording"
	/* "has been disabled / suspended", "is disabled", as in English */
	R("a \xc3\xa9t\xc3\xa9 d\xc3\xa9sactiv\xc3\xa9", SUSPEND, MEDIUM), /* a été désactivé */
	R("a \xc3\xa9t\xc3\xa9 suspendu", SUSPEND, MEDIUM), /* a été suspendu */
	R("est d\xc3\xa9sactiv\xc3\xa9", SUSPEND, MEDIUM), /* est désactivé */
#undef G
#define G "suspend: non-English wording (fr, de, es, pt, it, nl, ja, zh, ru)"
#undef G
#define G "suspend: Polish wording"
	/* Polish: "konto zablokowane / zawieszone / nieaktywne" */
	R("konto zablokowane", SUSPEND, STRONG),
	R("konto jest zablokowane", SUSPEND, STRONG),
	R("konto zosta\xc5\x82o zablokowane", SUSPEND, STRONG), /* konto zostało zablokowane */
	R("konto zawieszone", SUSPEND, STRONG),
	R("konto nieaktywne", SUSPEND, STRONG),
	R("konto jest nieaktywne", SUSPEND, STRONG),
#undef G
#define G "suspend: non-English wording (fr, de, es, pt, it, nl, ja, zh, ru)"
#undef G
#define G "suspend: Korean dormant accounts (Nate/Naver dormant-account policy)"
	/* Korean: Nate/Naver dormant-account policy: mail to a "휴면" (dormant)
	 * account is returned */
	R("\xed\x9c\xb4\xeb\xa9\xb4 \xea\xb3\x84\xec\xa0\x95", SUSPEND, STRONG), /* 휴면 계정 */
	R("\xed\x9c\xb4\xeb\xa9\xb4 \xec\x83\x81\xed\x83\x9c", SUSPEND, STRONG), /* 휴면 상태 */
#undef G
#define G "suspend: non-English wording (fr, de, es, pt, it, nl, ja, zh, ru)"
	R("postfach deaktiviert", SUSPEND, STRONG),
	R("postfach ist deaktiviert", SUSPEND, STRONG),
	R("konto deaktiviert", SUSPEND, STRONG),
	R("konto ist deaktiviert", SUSPEND, STRONG),
	R("postfach gesperrt", SUSPEND, STRONG),
	R("postfach ist gesperrt", SUSPEND, STRONG),
	R("konto gesperrt", SUSPEND, STRONG),
	R("cuenta desactivada", SUSPEND, STRONG),
	R("cuenta deshabilitada", SUSPEND, STRONG),
	R("cuenta suspendida", SUSPEND, STRONG),
	R("buz\xc3\xb3n desactivado", SUSPEND, STRONG),
	R("conta desativada", SUSPEND, STRONG),
	R("conta desactivada", SUSPEND, STRONG),
	R("conta suspensa", SUSPEND, STRONG),
	R("caixa desativada", SUSPEND, STRONG),
	R("casella disabilitata", SUSPEND, STRONG),
	R("account disabilitato", SUSPEND, STRONG),
	R("utente disabilitato", SUSPEND, STRONG),
	R("account sospeso", SUSPEND, STRONG),
	R("casella sospesa", SUSPEND, STRONG),
	/* Italian "(la casella) è stata disattivata / disattivato" (has been
	 * deactivated), as the Dutch "gedeactiveerd" */
	R("disattivat", SUSPEND, MEDIUM),
	R("account is uitgeschakeld", SUSPEND, STRONG),
	R("mailbox is uitgeschakeld", SUSPEND, STRONG),
	R("uitgeschakeld", SUSPEND, MEDIUM),
	R("gedeactiveerd", SUSPEND, MEDIUM),
	R("\xe3\x82\xa2\xe3\x82\xab\xe3\x82\xa6\xe3\x83\xb3\xe3\x83\x88\xe3\x81\x8c\xe7\x84\xa1\xe5\x8a\xb9", SUSPEND, STRONG), /* アカウントが無効 */
	R("\xe5\x88\xa9\xe7\x94\xa8\xe5\x81\x9c\xe6\xad\xa2", SUSPEND, STRONG), /* 利用停止 */
	R("\xe5\xb7\xb2\xe5\x81\x9c\xe7\x94\xa8", SUSPEND, STRONG), /* 已停用 */
	R("\xe5\xb7\xb2\xe8\xa2\xab\xe5\x81\x9c\xe7\x94\xa8", SUSPEND, STRONG), /* 已被停用 */
	R("\xe5\xb7\xb2\xe5\x86\xbb\xe7\xbb\x93", SUSPEND, STRONG), /* 已冻结 */
	/* "(该邮箱)已被冻结" (has been frozen): the passive form, as 已冻结 */
	R("\xe8\xa2\xab\xe5\x86\xbb\xe7\xbb\x93", SUSPEND, STRONG), /* 被冻结 */
	R("\xe5\xb7\xb2\xe7\xa6\x81\xe7\x94\xa8", SUSPEND, STRONG), /* 已禁用 */
	R("\xd1\x8f\xd1\x89\xd0\xb8\xd0\xba \xd0\xbe\xd1\x82\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87\xd0\xb5\xd0\xbd", SUSPEND, STRONG), /* ящик отключен */
	R("\xd1\x8f\xd1\x89\xd0\xb8\xd0\xba \xd0\xb7\xd0\xb0\xd0\xb1\xd0\xbb\xd0\xbe\xd0\xba\xd0\xb8\xd1\x80\xd0\xbe\xd0\xb2\xd0\xb0\xd0\xbd", SUSPEND, STRONG), /* ящик заблокирован */
	R("\xd0\xb0\xd0\xba\xd0\xba\xd0\xb0\xd1\x83\xd0\xbd\xd1\x82 \xd0\xb7\xd0\xb0\xd0\xb1\xd0\xbb\xd0\xbe\xd0\xba\xd0\xb8\xd1\x80\xd0\xbe\xd0\xb2\xd0\xb0\xd0\xbd", SUSPEND, STRONG), /* аккаунт заблокирован */
	R("\xd0\xb4\xd0\xb5\xd0\xb0\xd0\xba\xd1\x82\xd0\xb8\xd0\xb2\xd0\xb8\xd1\x80\xd0\xbe\xd0\xb2\xd0\xb0\xd0\xbd", SUSPEND, STRONG), /* деактивирован */
#undef G

#define G "spam_detected: non-English wording (fr, de, es, pt, it, nl, ja, zh, ru)"
	R("comme spam", SPAM_DETECTED, STRONG),
	R("courrier ind\xc3\xa9sirable", SPAM_DETECTED, STRONG), /* courrier indésirable */
	R("pourriel", SPAM_DETECTED, STRONG),
	R("als spam", SPAM_DETECTED, STRONG),
	R("spamverdacht", SPAM_DETECTED, STRONG),
	R("unerw\xc3\xbcnscht", SPAM_DETECTED, STRONG), /* unerwünscht */
	R("como spam", SPAM_DETECTED, STRONG),
	R("correo no deseado", SPAM_DETECTED, STRONG),
	R("mensagem indesejada", SPAM_DETECTED, STRONG),
	R("lixo eletr\xc3\xb4nico", SPAM_DETECTED, STRONG),
	R("come spam", SPAM_DETECTED, STRONG),
#undef G
#define G "spam_detected: Polish and Korean wording"
	R("jako spam", SPAM_DETECTED, STRONG),
	R("\xec\x8a\xa4\xed\x8c\xb8", SPAM_DETECTED, STRONG), /* 스팸 */
#undef G
#define G "spam_detected: non-English wording (fr, de, es, pt, it, nl, ja, zh, ru)"
	R("posta indesiderata", SPAM_DETECTED, STRONG),
	R("ongewenste e-mail", SPAM_DETECTED, STRONG),
	R("ongewenste mail", SPAM_DETECTED, STRONG),
	R("\xe8\xbf\xb7\xe6\x83\x91\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\xab", SPAM_DETECTED, STRONG), /* 迷惑メール */
	R("\xe3\x82\xb9\xe3\x83\x91\xe3\x83\xa0", SPAM_DETECTED, STRONG), /* スパム */
	R("\xe5\x9e\x83\xe5\x9c\xbe\xe9\x82\xae\xe4\xbb\xb6", SPAM_DETECTED, STRONG), /* 垃圾邮件 */
	R("\xe5\x9e\x83\xe5\x9c\xbe\xe9\x83\xb5\xe4\xbb\xb6", SPAM_DETECTED, STRONG), /* 垃圾郵件 */
	R("\xd1\x81\xd0\xbf\xd0\xb0\xd0\xbc", SPAM_DETECTED, STRONG), /* спам */
	R("\xd0\xa1\xd0\xbf\xd0\xb0\xd0\xbc", SPAM_DETECTED, STRONG), /* Спам */
	R("\xd0\xa1\xd0\x9f\xd0\x90\xd0\x9c", SPAM_DETECTED, STRONG), /* СПАМ */
#undef G

#define G "greylisted: non-English wording (fr, de, es, pt, it, nl, ja, zh, ru)"
	R("liste grise", GREYLISTED, EXACT),
	R("r\xc3\xa9""essayez plus tard", GREYLISTED, WEAK), /* réessayez plus tard */
	R("graue liste", GREYLISTED, EXACT),
	R("sp\xc3\xa4ter erneut", GREYLISTED, WEAK), /* später erneut */
	R("lista gris", GREYLISTED, EXACT),
	R("m\xc3\xa1s tarde", GREYLISTED, WEAK), /* más tarde */
	R("lista cinza", GREYLISTED, EXACT),
	R("novamente mais tarde", GREYLISTED, WEAK),
	R("lista grigia", GREYLISTED, EXACT),
	R("riprovare pi\xc3\xb9 tardi", GREYLISTED, WEAK), /* riprovare più tardi */
	R("riprova pi\xc3\xb9 tardi", GREYLISTED, WEAK),
	R("grijze lijst", GREYLISTED, EXACT),
	R("later opnieuw", GREYLISTED, WEAK),
	R("\xe3\x82\xb0\xe3\x83\xac\xe3\x82\xa4\xe3\x83\xaa\xe3\x82\xb9\xe3\x83\x88", GREYLISTED, EXACT), /* グレイリスト */
	R("\xe3\x82\xb0\xe3\x83\xac\xe3\x83\xbc\xe3\x83\xaa\xe3\x82\xb9\xe3\x83\x88", GREYLISTED, EXACT), /* グレーリスト */
	R("\xe7\x81\xb0\xe5\x90\x8d\xe5\x8d\x95", GREYLISTED, EXACT), /* 灰名单 */
	R("\xe7\xa8\x8d\xe5\x90\x8e\xe9\x87\x8d\xe8\xaf\x95", GREYLISTED, WEAK), /* 稍后重试 */
	R("\xd1\x81\xd0\xb5\xd1\x80\xd1\x8b\xd0\xb9 \xd1\x81\xd0\xbf\xd0\xb8\xd1\x81\xd0\xbe\xd0\xba", GREYLISTED, EXACT), /* серый список */
	R("\xd0\xbf\xd0\xbe\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80\xd0\xb8\xd1\x82\xd0\xb5 \xd0\xbf\xd0\xbe\xd0\xbf\xd1\x8b\xd1\x82\xd0\xba\xd1\x83 \xd0\xbf\xd0\xbe\xd0\xb7\xd0\xb6\xd0\xb5", GREYLISTED, WEAK), /* повторите попытку позже */
	R("\xd0\x9f\xd0\xbe\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80\xd0\xb8\xd1\x82\xd0\xb5 \xd0\xbf\xd0\xbe\xd0\xbf\xd1\x8b\xd1\x82\xd0\xba\xd1\x83 \xd0\xbf\xd0\xbe\xd0\xb7\xd0\xb6\xd0\xb5", GREYLISTED, WEAK), /* Повторите попытку позже */
#undef G

#define G "vacation: non-English auto-replies (fr, de, es, pt, it, nl, sv, da, no, fi, ja, zh, ru)"
	R("r\xc3\xa9ponse automatique", VACATION, EXACT - 5), /* réponse automatique */
	R("absent du bureau", VACATION, EXACT - 5),
	R("message d'absence", VACATION, EXACT - 5),
	R("je suis absent", VACATION, EXACT - 5),
	R("en cong\xc3\xa9", VACATION, STRONG), /* en congé */
	R("abwesenheitsnotiz", VACATION, EXACT - 5),
	/* Outlook's localised "Automatic reply:" prefix: Polish, Turkish,
	 * Czech, Hungarian, Greek, Korean */
	R("automatyczna odpowied\xc5\xba", VACATION, EXACT - 5), /* automatyczna odpowiedź */
	R("Automatyczna odpowied\xc5\xba", VACATION, EXACT - 5), /* Automatyczna odpowiedź */
	R("otomatik yan\xc4\xb1t", VACATION, EXACT - 5), /* otomatik yanıt */
	R("Otomatik yan\xc4\xb1t", VACATION, EXACT - 5), /* Otomatik yanıt */
	R("automatick\xc3\xa1 odpov\xc4\x9b\xc4\x8f", VACATION, EXACT - 5), /* automatická odpověď */
	R("Automatick\xc3\xa1 odpov\xc4\x9b\xc4\x8f", VACATION, EXACT - 5), /* Automatická odpověď */
	R("automatikus v\xc3\xa1lasz", VACATION, EXACT - 5), /* automatikus válasz */
	R("\xce\x91\xcf\x85\xcf\x84\xcf\x8c\xce\xbc\xce\xb1\xcf\x84\xce\xb7 \xce\xb1\xcf\x80\xce\xac\xce\xbd\xcf\x84\xce\xb7\xcf\x83\xce\xb7", VACATION, EXACT - 5), /* Αυτόματη απάντηση */
	R("\xec\x9e\x90\xeb\x8f\x99 \xed\x9a\x8c\xec\x8b\xa0", VACATION, EXACT - 5), /* 자동 회신 */
	/* Outlook's localised "Automatic reply:" subject prefix: Swedish,
	 * Danish and Norwegian "Autosvar:", Finnish "Automaattinen vastaus:" */
	RS("autosvar", VACATION, EXACT - 5),
	R("automaattinen vastaus", VACATION, EXACT - 5),
	R("automatische antwort", VACATION, EXACT - 5),
	R("nicht im b\xc3\xbcro", VACATION, EXACT - 5), /* nicht im Büro */
	R("au\xc3\x9f""er haus", VACATION, EXACT - 5), /* außer Haus */
	R("ausser haus", VACATION, EXACT - 5),
	R("im urlaub", VACATION, EXACT - 5),
	R("respuesta autom\xc3\xa1tica", VACATION, EXACT - 5), /* respuesta automática */
	R("respuesta automatica", VACATION, EXACT - 5),
	R("fuera de la oficina", VACATION, EXACT - 5),
	R("de vacaciones", VACATION, EXACT - 5),
	R("resposta autom\xc3\xa1tica", VACATION, EXACT - 5),
	R("resposta automatica", VACATION, EXACT - 5),
	R("fora do escrit\xc3\xb3rio", VACATION, EXACT - 5), /* fora do escritório */
	R("de f\xc3\xa9rias", VACATION, EXACT - 5), /* de férias */
	R("risposta automatica", VACATION, EXACT - 5),
	R("fuori ufficio", VACATION, EXACT - 5),
	R("in ferie", VACATION, EXACT - 5),
	R("automatisch antwoord", VACATION, EXACT - 5),
	R("afwezigheidsbericht", VACATION, EXACT - 5),
	R("niet op kantoor", VACATION, EXACT - 5),
	R("buiten kantoor", VACATION, EXACT - 5),
	R("met vakantie", VACATION, EXACT - 5),
	R("\xe8\x87\xaa\xe5\x8b\x95\xe5\xbf\x9c\xe7\xad\x94", VACATION, EXACT - 5), /* 自動応答 */
	R("\xe8\x87\xaa\xe5\x8b\x95\xe8\xbf\x94\xe4\xbf\xa1", VACATION, EXACT - 5), /* 自動返信 */
	R("\xe4\xb8\x8d\xe5\x9c\xa8\xe3\x81\xab\xe3\x81\x97\xe3\x81\xa6", VACATION, EXACT - 5), /* 不在にして */
	R("\xe8\x87\xaa\xe5\x8a\xa8\xe5\x9b\x9e\xe5\xa4\x8d", VACATION, EXACT - 5), /* 自动回复 */
	R("\xe8\x87\xaa\xe5\x8b\x95\xe5\x9b\x9e\xe8\xa6\x86", VACATION, EXACT - 5), /* 自動回覆 */
	R("\xe6\xad\xa3\xe5\x9c\xa8\xe4\xbc\x91\xe5\x81\x87", VACATION, EXACT - 5), /* 正在休假 */
	R("\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd0\xbe\xd1\x82\xd0\xb2\xd0\xb5\xd1\x82", VACATION, EXACT - 5), /* автоответ */
	R("\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd0\xbe\xd1\x82\xd0\xb2\xd0\xb5\xd1\x82", VACATION, EXACT - 5), /* Автоответ */
	R("\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd0\xbc\xd0\xb0\xd1\x82\xd0\xb8\xd1\x87\xd0\xb5\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9 \xd0\xbe\xd1\x82\xd0\xb2\xd0\xb5\xd1\x82", VACATION, EXACT - 5), /* автоматический ответ */
	R("\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd0\xbc\xd0\xb0\xd1\x82\xd0\xb8\xd1\x87\xd0\xb5\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9 \xd0\xbe\xd1\x82\xd0\xb2\xd0\xb5\xd1\x82", VACATION, EXACT - 5), /* Автоматический ответ */
	R("\xd0\xb2 \xd0\xbe\xd1\x82\xd0\xbf\xd1\x83\xd1\x81\xd0\xba\xd0\xb5", VACATION, EXACT - 5), /* в отпуске */
#undef G

	/*
	 * Arabic, Hebrew, Greek, Thai, Vietnamese, Indonesian/Malay: each
	 * language's plain words for the reason, as the localised NDRs of
	 * Exchange/Outlook and Gmail and the regional providers' help pages
	 * write them -- "(the mailbox) is full", "does not exist", "not
	 * found" -- and Outlook's localised "Automatic reply:" prefix.  As
	 * "ist voll": the bare "is full" counts in a failure text.
	 */
#define G "mailbox_full: ar, he, el, th, vi, id wording"
	R("\xd9\x85\xd9\x85\xd8\xaa\xd9\x84\xd8\xa6", MAILBOX_FULL, MEDIUM + 5), /* ممتلئ */
	R("\xd7\x9e\xd7\x9c\xd7\x90\xd7\x94", MAILBOX_FULL, MEDIUM), /* מלאה */
	R("\xce\xb5\xce\xaf\xce\xbd\xce\xb1\xce\xb9 \xcf\x80\xce\xbb\xce\xae\xcf\x81\xce\xb5\xcf\x82", MAILBOX_FULL, MEDIUM + 5), /* είναι πλήρες */
	R("\xce\xb5\xce\xaf\xce\xbd\xce\xb1\xce\xb9 \xce\xb3\xce\xb5\xce\xbc\xce\xac\xcf\x84\xce\xbf", MAILBOX_FULL, MEDIUM + 5), /* είναι γεμάτο */
	R("\xe0\xb9\x80\xe0\xb8\x95\xe0\xb9\x87\xe0\xb8\xa1", MAILBOX_FULL, MEDIUM), /* เต็ม */
	R("\xc4\x91\xc3\xa3 \xc4\x91\xe1\xba\xa7y", MAILBOX_FULL, MEDIUM + 5), /* đã đầy */
	R("h\xe1\xbb\x99p th\xc6\xb0 \xc4\x91\xe1\xba\xa7y", MAILBOX_FULL, STRONG), /* hộp thư đầy */
	RW("penuh", MAILBOX_FULL, MEDIUM),
#undef G
#define G "user_unknown: ar, he, el, th, vi wording"
	/* "does not exist" as the English one (MEDIUM - 5) */
	R("\xd8\xba\xd9\x8a\xd8\xb1 \xd9\x85\xd9\x88\xd8\xac\xd9\x88\xd8\xaf", USER_UNKNOWN, MEDIUM - 5), /* غير موجود */
	R("\xd7\x90\xd7\x99\xd7\xa0\xd7\x95 \xd7\xa7\xd7\x99\xd7\x99\xd7\x9d", USER_UNKNOWN, MEDIUM - 5), /* אינו קיים */
	R("\xd7\x90\xd7\x99\xd7\xa0\xd7\x94 \xd7\xa7\xd7\x99\xd7\x99\xd7\x9e\xd7\xaa", USER_UNKNOWN, MEDIUM - 5), /* אינה קיימת */
	R("\xce\xb4\xce\xb5\xce\xbd \xcf\x85\xcf\x80\xce\xac\xcf\x81\xcf\x87\xce\xb5\xce\xb9", USER_UNKNOWN, MEDIUM - 5), /* δεν υπάρχει */
	R("\xe0\xb9\x84\xe0\xb8\xa1\xe0\xb9\x88\xe0\xb8\x9e\xe0\xb8\x9a\xe0\xb8\x9c\xe0\xb8\xb9\xe0\xb9\x89\xe0\xb8\xa3\xe0\xb8\xb1\xe0\xb8\x9a", USER_UNKNOWN, STRONG), /* ไม่พบผู้รับ */
	R("\xe0\xb9\x84\xe0\xb8\xa1\xe0\xb9\x88\xe0\xb8\x9e\xe0\xb8\x9a\xe0\xb8\x97\xe0\xb8\xb5\xe0\xb9\x88\xe0\xb8\xad\xe0\xb8\xa2\xe0\xb8\xb9\xe0\xb9\x88\xe0\xb8\xad\xe0\xb8\xb5\xe0\xb9\x80\xe0\xb8\xa1\xe0\xb8\xa5", USER_UNKNOWN, STRONG), /* ไม่พบที่อยู่อีเมล */
	R("kh\xc3\xb4ng t\xe1\xbb\x93n t\xe1\xba\xa1i", USER_UNKNOWN, MEDIUM - 5), /* không tồn tại */
#undef G
	/* "the domain name does not exist" (NetEase, QQ wording), Japanese
	 * "(the mail) server is not found" */
#define G "host_unknown: zh, ja wording"
	R("\xe5\x9f\x9f\xe5\x90\x8d\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8", HOST_UNKNOWN, STRONG), /* 域名不存在 */
	R("\xe3\x82\xb5\xe3\x83\xbc\xe3\x83\x90\xe3\x83\xbc\xe3\x81\x8c\xe8\xa6\x8b\xe3\x81\xa4\xe3\x81\x8b\xe3\x82\x8a\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93", HOST_UNKNOWN, MEDIUM), /* サーバーが見つかりません */
	R("\xe3\x82\xb5\xe3\x83\xbc\xe3\x83\x90\xe3\x81\x8c\xe8\xa6\x8b\xe3\x81\xa4\xe3\x81\x8b\xe3\x82\x8a\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93", HOST_UNKNOWN, MEDIUM), /* サーバが見つかりません */
#undef G
	/* "junk content" (contains junk content), as 垃圾邮件 */
#define G "spam_detected: zh wording"
	R("\xe5\x9e\x83\xe5\x9c\xbe\xe5\x86\x85\xe5\xae\xb9", SPAM_DETECTED, STRONG), /* 垃圾内容 */
#undef G
	/* Russian "(ящик) отключён" (disabled), the ё spelling of "ящик
	 * отключен" above */
#define G "suspend: ru wording"
	R("\xd0\xbe\xd1\x82\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87\xd1\x91\xd0\xbd", SUSPEND, MEDIUM), /* отключён */
#undef G
	/*
	 * Turkish, Czech, Hungarian, Romanian, Indonesian: each language's plain
	 * words, as the localised Exchange/Outlook NDRs and the regional
	 * providers' help pages write them -- "(the mailbox) is full", "user
	 * not found", "does not exist" -- with the bare "does not exist" and
	 * "not found" at the English ones' weight (MEDIUM - 5).
	 */
#define G "mailbox_full: tr, cs, hu, ro wording"
	R("schr\xc3\xa1nka je pln\xc3\xa1", MAILBOX_FULL, STRONG), /* schránka je plná */
	R("je pln\xc3\xa1", MAILBOX_FULL, MEDIUM + 5), /* je plná */
	R("posta kutusu dolu", MAILBOX_FULL, STRONG), /* posta kutusu dolu */
	R("kutusu dolu", MAILBOX_FULL, MEDIUM + 5), /* kutusu dolu */
	R("postafi\xc3\xb3k megtelt", MAILBOX_FULL, STRONG), /* postafiók megtelt */
	R("postafi\xc3\xb3kja megtelt", MAILBOX_FULL, STRONG), /* postafiókja megtelt */
	R("megtelt", MAILBOX_FULL, MEDIUM), /* megtelt */
	R("c\xc4\x83su\xc8\x9b" "a po\xc8\x99tal\xc4\x83 este plin\xc4\x83", MAILBOX_FULL, STRONG), /* căsuța poștală este plină */
	R("este plin\xc4\x83", MAILBOX_FULL, MEDIUM + 5), /* este plină */
#undef G
#define G "user_unknown: tr, id, hu, ro wording"
	R("b\xc3\xb6yle bir kullan\xc4\xb1" "c\xc4\xb1 yok", USER_UNKNOWN, STRONG), /* böyle bir kullanıcı yok */
	R("kullan\xc4\xb1" "c\xc4\xb1 bulunamad\xc4\xb1", USER_UNKNOWN, STRONG), /* kullanıcı bulunamadı */
	R("al\xc4\xb1" "c\xc4\xb1 bulunamad\xc4\xb1", USER_UNKNOWN, STRONG), /* alıcı bulunamadı */
	R("mevcut de\xc4\x9fil", USER_UNKNOWN, MEDIUM - 5), /* mevcut değil */
	R("alamat email tidak ditemukan", USER_UNKNOWN, STRONG), /* alamat email tidak ditemukan */
	R("alamat email tidak dikenal", USER_UNKNOWN, STRONG), /* alamat email tidak dikenal */
	R("pengguna tidak dikenal", USER_UNKNOWN, STRONG), /* pengguna tidak dikenal */
	R("tidak ditemukan", USER_UNKNOWN, MEDIUM - 5), /* tidak ditemukan */
	R("a c\xc3\xadmzett nem l\xc3\xa9tezik", USER_UNKNOWN, STRONG), /* a címzett nem létezik */
	R("nem l\xc3\xa9tezik", USER_UNKNOWN, MEDIUM - 5), /* nem létezik */
	R("utilizatorul nu exist\xc4\x83", USER_UNKNOWN, STRONG), /* utilizatorul nu există */
	R("nu exist\xc4\x83", USER_UNKNOWN, MEDIUM - 5), /* nu există */
#undef G
#define G "host_unknown: id, tr, hu, ro wording (the domain, not the user)"
	R("domain tidak ditemukan", HOST_UNKNOWN, STRONG), /* domain tidak ditemukan */
	R("alan ad\xc4\xb1 bulunamad\xc4\xb1", HOST_UNKNOWN, STRONG), /* alan adı bulunamadı */
	R("a domain nem l\xc3\xa9tezik", HOST_UNKNOWN, STRONG), /* a domain nem létezik */
	R("domeniul nu exist\xc4\x83", HOST_UNKNOWN, STRONG), /* domeniul nu există */
#undef G
	/* Outlook's localised "Automatic reply:" subject prefix: Indonesian,
	 * Vietnamese, Greek, Arabic, Hebrew, Thai */
#define G "vacation: id, vi, el, ar, he, th auto-replies"
	R("balasan otomatis", VACATION, EXACT - 5),
	R("tr\xe1\xba\xa3 l\xe1\xbb\x9di t\xe1\xbb\xb1 \xc4\x91\xe1\xbb\x99ng", VACATION, EXACT - 5), /* trả lời tự động */
	R("\xce\xb1\xcf\x85\xcf\x84\xcf\x8c\xce\xbc\xce\xb1\xcf\x84\xce\xb7 \xce\xb1\xcf\x80\xce\xac\xce\xbd\xcf\x84\xce\xb7\xcf\x83\xce\xb7", VACATION, EXACT - 5), /* αυτόματη απάντηση */
	R("\xce\x91\xcf\x85\xcf\x84\xcf\x8c\xce\xbc\xce\xb1\xcf\x84\xce\xb7 \xce\xb1\xcf\x80\xce\xac\xce\xbd\xcf\x84\xce\xb7\xcf\x83\xce\xb7", VACATION, EXACT - 5), /* Αυτόματη απάντηση */
	R("\xd8\xb1\xd8\xaf \xd8\xaa\xd9\x84\xd9\x82\xd8\xa7\xd8\xa6\xd9\x8a", VACATION, EXACT - 5), /* رد تلقائي */
	R("\xd7\x9e\xd7\xa2\xd7\xa0\xd7\x94 \xd7\x90\xd7\x95\xd7\x98\xd7\x95\xd7\x9e\xd7\x98\xd7\x99", VACATION, EXACT - 5), /* מענה אוטומטי */
	R("\xe0\xb8\x95\xe0\xb8\xad\xe0\xb8\x9a\xe0\xb8\x81\xe0\xb8\xa5\xe0\xb8\xb1\xe0\xb8\x9a\xe0\xb8\xad\xe0\xb8\xb1\xe0\xb8\x95\xe0\xb9\x82\xe0\xb8\x99\xe0\xb8\xa1\xe0\xb8\xb1\xe0\xb8\x95\xe0\xb8\xb4", VACATION, EXACT - 5), /* ตอบกลับอัตโนมัติ */
#undef G
	/*
	 * The Nordic languages, Dutch, Polish, Japanese and Korean for the
	 * reasons the lists above give in English only: a blocklist ("black
	 * list": svartlista, sortliste, zwarte lijst, czarna lista,
	 * ブラックリスト), a message too large, a full mailbox, an unknown
	 * recipient, spam; each language's plain wording, as a localised
	 * server (Exchange, Zimbra, hMailServer translations) or a national
	 * provider (Interia/WP/Onet, Telia, Daum/Naver) writes it.
	 */
#define G "blocked: sv, da, no, nl, pl, ja, ko wording (a black list, reception blocked)"
	R("svartlist", BLOCKED, STRONG),
	R("sortlist", BLOCKED, STRONG),
	R("zwarte lijst", BLOCKED, STRONG),
	R("czarna lista", BLOCKED, STRONG),
	R("czarnej listy", BLOCKED, STRONG),
	R("czarnej li\xc5\x9b" "cie", BLOCKED, STRONG), /* czarnej liście */
	R("\xe3\x83\x96\xe3\x83\xa9\xe3\x83\x83\xe3\x82\xaf\xe3\x83\xaa\xe3\x82\xb9\xe3\x83\x88", BLOCKED, STRONG), /* ブラックリスト */
	/* Korean "스팸 발송지" (a spam source: the sending IP is listed) and
	 * "수신(이) 차단" (reception blocked), over the bare "스팸" above */
	R("\xec\x8a\xa4\xed\x8c\xb8 \xeb\xb0\x9c\xec\x86\xa1\xec\xa7\x80", BLOCKED, EXACT - 5), /* 스팸 발송지 */
	R("\xec\x88\x98\xec\x8b\xa0\xec\x9d\xb4 \xec\xb0\xa8\xeb\x8b\xa8", BLOCKED, EXACT - 5), /* 수신이 차단 */
	R("\xec\x88\x98\xec\x8b\xa0 \xec\xb0\xa8\xeb\x8b\xa8", BLOCKED, EXACT - 5), /* 수신 차단 */
#undef G
#define G "mesg_too_big: sv, da, no, nl, pl, ja wording"
	R("meddelandet \xc3\xa4r f\xc3\xb6r stort", MESG_TOO_BIG, STRONG), /* meddelandet är för stort */
	R("Meddelandet \xc3\xa4r f\xc3\xb6r stort", MESG_TOO_BIG, STRONG), /* Meddelandet är för stort */
	R("beskeden er for stor", MESG_TOO_BIG, STRONG),
	R("meldingen er for stor", MESG_TOO_BIG, STRONG),
	R("maximale berichtgrootte", MESG_TOO_BIG, STRONG),
	R("bericht is te groot", MESG_TOO_BIG, STRONG),
	R("przekracza maksymalny rozmiar", MESG_TOO_BIG, STRONG),
	R("wiadomo\xc5\x9b\xc4\x87 jest za du\xc5\xbc" "a", MESG_TOO_BIG, STRONG), /* wiadomość jest za duża */
	R("Wiadomo\xc5\x9b\xc4\x87 jest za du\xc5\xbc" "a", MESG_TOO_BIG, STRONG), /* Wiadomość jest za duża */
	R("\xe3\x82\xb5\xe3\x82\xa4\xe3\x82\xba\xe3\x81\x8c\xe5\xa4\xa7\xe3\x81\x8d\xe3\x81\x99\xe3\x81\x8e", MESG_TOO_BIG, STRONG), /* サイズが大きすぎ */
#undef G
#define G "mailbox_full: sv, da, no wording"
	R("e-postl\xc3\xa5" "da \xc3\xa4r full", MAILBOX_FULL, STRONG), /* e-postlåda är full */
	R("e-postl\xc3\xa5" "dan \xc3\xa4r full", MAILBOX_FULL, STRONG), /* e-postlådan är full */
	R("brevl\xc3\xa5" "dan \xc3\xa4r full", MAILBOX_FULL, STRONG), /* brevlådan är full */
	R("postkassen er fuld", MAILBOX_FULL, STRONG),
	R("postkassen er full", MAILBOX_FULL, STRONG),
#undef G
#define G "user_unknown: sv, da, no wording"
	R("ok\xc3\xa4nd mottagare", USER_UNKNOWN, STRONG), /* okänd mottagare */
	R("Ok\xc3\xa4nd mottagare", USER_UNKNOWN, STRONG), /* Okänd mottagare */
	R("ukendt modtager", USER_UNKNOWN, STRONG),
	R("ukjent mottaker", USER_UNKNOWN, STRONG),
#undef G
	/* Polish "limit wysyłki" (sending limit), "(konto) zostało zawieszone"
	 * (has been suspended); Finnish "(viesti on) liian suuri" (too large),
	 * "postilaatikko on täynnä" (mailbox full), "tuntematon vastaanottaja"
	 * (unknown recipient); Dutch "te veel verbindingen" (too many
	 * connections); Russian "слишком много писем" (too many messages),
	 * "(сообщение) слишком большое" (too large), "домен (получателя) не
	 * существует" (the domain does not exist: over the bare "не
	 * существует" of a user); Portuguese "mudou de endereço" (has moved),
	 * "tempo de entrega expirado"; Spanish "dominio inexistente",
	 * "demasiadas conexiones" */
	/* German "zu viele E-Mails" (too many emails), "die IP-Adresse Ihres
	 * Mailservers" (your mail server's IP, blocked), "der Anhang dieser
	 * Nachricht" (this message's attachment, refused) -- IONOS and Strato
	 * help; French "trop de messages", "pièce jointe interdite"; Chinese
	 * "(邮箱)空间已满" / "邮箱已满" (the mailbox is full) */
#define G "speeding, blocked, policy_violation, mailbox_full: de, fr, zh wording"
	R("zu viele e-mails", SPEEDING, STRONG),
	R("ip-adresse ihres mailservers", BLOCKED, STRONG),
	R("anhang dieser nachricht", POLICY_VIOLATION, STRONG),
	R("trop de messages", SPEEDING, STRONG),
	R("pi\xc3\xa8" "ce jointe interdite", POLICY_VIOLATION, STRONG), /* pièce jointe interdite */
	R("pi\xc3\xa8" "ces jointes interdites", POLICY_VIOLATION, STRONG), /* pièces jointes interdites */
	R("\xe7\xa9\xba\xe9\x97\xb4\xe5\xb7\xb2\xe6\xbb\xa1", MAILBOX_FULL, STRONG), /* 空间已满 */
	R("\xe9\x82\xae\xe7\xae\xb1\xe5\xb7\xb2\xe6\xbb\xa1", MAILBOX_FULL, STRONG), /* 邮箱已满 */
#undef G
#define G "speeding, suspend, mesg_too_big, too_many_conn, host_unknown, has_moved, expired: pl, fi, nl, ru, pt, es wording"
	R("limit wysy\xc5\x82ki", SPEEDING, STRONG), /* limit wysyłki */
	R("zosta\xc5\x82o zawieszone", SUSPEND, STRONG), /* zostało zawieszone */
	R("liian suuri", MESG_TOO_BIG, STRONG),
	R("postilaatikko on t\xc3\xa4ynn\xc3\xa4", MAILBOX_FULL, STRONG), /* postilaatikko on täynnä */
	R("tuntematon vastaanottaja", USER_UNKNOWN, STRONG),
	R("te veel verbindingen", TOO_MANY_CONN, STRONG),
	R("\xd1\x81\xd0\xbb\xd0\xb8\xd1\x88\xd0\xba\xd0\xbe\xd0\xbc \xd0\xbc\xd0\xbd\xd0\xbe\xd0\xb3\xd0\xbe \xd0\xbf\xd0\xb8\xd1\x81\xd0\xb5\xd0\xbc", SPEEDING, STRONG), /* слишком много писем */
	R("\xd0\xa1\xd0\xbb\xd0\xb8\xd1\x88\xd0\xba\xd0\xbe\xd0\xbc \xd0\xbc\xd0\xbd\xd0\xbe\xd0\xb3\xd0\xbe \xd0\xbf\xd0\xb8\xd1\x81\xd0\xb5\xd0\xbc", SPEEDING, STRONG), /* Слишком много писем */
	R("\xd1\x81\xd0\xbb\xd0\xb8\xd1\x88\xd0\xba\xd0\xbe\xd0\xbc \xd0\xb1\xd0\xbe\xd0\xbb\xd1\x8c\xd1\x88\xd0\xbe\xd0\xb5", MESG_TOO_BIG, STRONG), /* слишком большое */
	R("\xd0\xa1\xd0\xbb\xd0\xb8\xd1\x88\xd0\xba\xd0\xbe\xd0\xbc \xd0\xb1\xd0\xbe\xd0\xbb\xd1\x8c\xd1\x88\xd0\xbe\xd0\xb5", MESG_TOO_BIG, STRONG), /* Слишком большое */
	R("\xd0\xb4\xd0\xbe\xd0\xbc\xd0\xb5\xd0\xbd \xd0\xbf\xd0\xbe\xd0\xbb\xd1\x83\xd1\x87\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8f \xd0\xbd\xd0\xb5 \xd1\x81\xd1\x83\xd1\x89\xd0\xb5\xd1\x81\xd1\x82\xd0\xb2\xd1\x83\xd0\xb5\xd1\x82", HOST_UNKNOWN, EXACT - 5), /* домен получателя не существует */
	R("\xd0\x94\xd0\xbe\xd0\xbc\xd0\xb5\xd0\xbd \xd0\xbf\xd0\xbe\xd0\xbb\xd1\x83\xd1\x87\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8f \xd0\xbd\xd0\xb5 \xd1\x81\xd1\x83\xd1\x89\xd0\xb5\xd1\x81\xd1\x82\xd0\xb2\xd1\x83\xd0\xb5\xd1\x82", HOST_UNKNOWN, EXACT - 5), /* Домен получателя не существует */
	R("\xd0\xb4\xd0\xbe\xd0\xbc\xd0\xb5\xd0\xbd \xd0\xbd\xd0\xb5 \xd1\x81\xd1\x83\xd1\x89\xd0\xb5\xd1\x81\xd1\x82\xd0\xb2\xd1\x83\xd0\xb5\xd1\x82", HOST_UNKNOWN, EXACT - 5), /* домен не существует */
	R("\xd0\x94\xd0\xbe\xd0\xbc\xd0\xb5\xd0\xbd \xd0\xbd\xd0\xb5 \xd1\x81\xd1\x83\xd1\x89\xd0\xb5\xd1\x81\xd1\x82\xd0\xb2\xd1\x83\xd0\xb5\xd1\x82", HOST_UNKNOWN, EXACT - 5), /* Домен не существует */
	R("mudou de endere\xc3\xa7o", HAS_MOVED, STRONG), /* mudou de endereço */
	R("tempo de entrega expirado", EXPIRED, STRONG),
	R("dominio inexistente", HOST_UNKNOWN, STRONG),
	R("dominio de destino inexistente", HOST_UNKNOWN, STRONG),
	R("demasiadas conexiones", TOO_MANY_CONN, STRONG),
#undef G
#define G "spam_detected: sv wording"
	R("skr\xc3\xa4ppost", SPAM_DETECTED, STRONG), /* skräppost */
	R("Skr\xc3\xa4ppost", SPAM_DETECTED, STRONG), /* Skräppost */
#undef G
	/*
	 * Each language's plain wording for the commonest reasons, as a
	 * localized server or provider prints it: an address not found, a
	 * suspended account, delivery time run out, a virus, spam, a black
	 * list, the recipient's own refusal list, too many messages, the
	 * receiver's mail policy, a temporary error -- in the languages the
	 * lists above lack for them (Gmail's localized error pages and QQ
	 * Mail's bounce help for some; the languages' plain words for the
	 * rest).  A domain that "does not exist" is not told apart from an
	 * address where the words are apart.
	 */
#define G "user_unknown: es, it, nl, pl, ru, uk, hi, ms, da, zh wording (address not found)"
	R("no se ha encontrado la direcci\xc3\xb3n", USER_UNKNOWN, STRONG), /* no se ha encontrado la dirección */
	R("direcci\xc3\xb3n no encontrada", USER_UNKNOWN, STRONG), /* dirección no encontrada */
	R("indirizzo non trovato", USER_UNKNOWN, STRONG),
	R("adres niet is gevonden", USER_UNKNOWN, STRONG),
	R("adres niet gevonden", USER_UNKNOWN, STRONG),
	R("nie znaleziono tego adresu", USER_UNKNOWN, STRONG),
	R("nie znaleziono adresu", USER_UNKNOWN, STRONG),
	R("\xd0\xb0\xd0\xb4\xd1\x80\xd0\xb5\xd1\x81 \xd0\xbd\xd0\xb5 \xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd", USER_UNKNOWN, STRONG), /* адрес не найден */
	R("\xd0\x90\xd0\xb4\xd1\x80\xd0\xb5\xd1\x81 \xd0\xbd\xd0\xb5 \xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd", USER_UNKNOWN, STRONG), /* Адрес не найден */
	R("\xd0\xba\xd0\xbe\xd1\x80\xd0\xb8\xd1\x81\xd1\x82\xd1\x83\xd0\xb2\xd0\xb0\xd1\x87\xd0\xb0 \xd0\xbd\xd0\xb5 \xd0\xb7\xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xbe", USER_UNKNOWN, STRONG), /* користувача не знайдено */
	R("\xd0\x9a\xd0\xbe\xd1\x80\xd0\xb8\xd1\x81\xd1\x82\xd1\x83\xd0\xb2\xd0\xb0\xd1\x87\xd0\xb0 \xd0\xbd\xd0\xb5 \xd0\xb7\xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xbe", USER_UNKNOWN, STRONG), /* Користувача не знайдено */
	R("\xe0\xa4\x88\xe0\xa4\xae\xe0\xa5\x87\xe0\xa4\xb2 \xe0\xa4\xaa\xe0\xa4\xa4\xe0\xa4\xbe \xe0\xa4\xae\xe0\xa5\x8c\xe0\xa4\x9c\xe0\xa5\x82\xe0\xa4\xa6 \xe0\xa4\xa8\xe0\xa4\xb9\xe0\xa5\x80\xe0\xa4\x82 \xe0\xa4\xb9\xe0\xa5\x88", USER_UNKNOWN, STRONG), /* ईमेल पता मौजूद नहीं है */
	R("e-mel penerima tidak wujud", USER_UNKNOWN, STRONG),
	R("modtageren findes ikke", USER_UNKNOWN, STRONG),
	R("\xe8\xaf\xa5\xe7\x94\xa8\xe6\x88\xb7\xe6\x9c\xaa\xe5\xbc\x80\xe9\x80\x9a", USER_UNKNOWN, STRONG), /* 该用户未开通 */
#undef G
#define G "host_unknown: hu wording (domain not found)"
	R("tartom\xc3\xa1ny nem tal\xc3\xa1lhat\xc3\xb3", HOST_UNKNOWN, STRONG), /* tartomány nem található */
#undef G
#define G "mailbox_full: sk, uk, fa, hi wording"
	R("povolen\xc3\xba kv\xc3\xb3tu", MAILBOX_FULL, STRONG), /* povolenú kvótu */
	R("\xd0\xbf\xd0\xb5\xd1\x80\xd0\xb5\xd0\xbf\xd0\xbe\xd0\xb2\xd0\xbd\xd0\xb5\xd0\xbd\xd0\xb0", MAILBOX_FULL, STRONG), /* переповнена */
	R("\xd8\xb5\xd9\x86\xd8\xaf\xd9\x88\xd9\x82 \xd9\xbe\xd8\xb3\xd8\xaa\xdb\x8c \xda\xaf\xdb\x8c\xd8\xb1\xd9\x86\xd8\xaf\xd9\x87 \xd9\xbe\xd8\xb1 \xd8\xa7\xd8\xb3\xd8\xaa", MAILBOX_FULL, STRONG), /* صندوق پستی گیرنده پر است */
	R("\xe0\xa4\xae\xe0\xa5\x87\xe0\xa4\xb2\xe0\xa4\xac\xe0\xa5\x89\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb8 \xe0\xa4\xad\xe0\xa4\xb0 \xe0\xa4\x97\xe0\xa4\xaf\xe0\xa4\xbe \xe0\xa4\xb9\xe0\xa5\x88", MAILBOX_FULL, STRONG), /* मेलबॉक्स भर गया है */
#undef G
#define G "mesg_too_big: bg, th, ko wording"
	R("\xd1\x82\xd0\xb2\xd1\x8a\xd1\x80\xd0\xb4\xd0\xb5 \xd0\xb3\xd0\xbe\xd0\xbb\xd1\x8f\xd0\xbc\xd0\xbe", MESG_TOO_BIG, STRONG), /* твърде голямо */
	R("\xe0\xb8\x82\xe0\xb8\x99\xe0\xb8\xb2\xe0\xb8\x94\xe0\xb8\x82\xe0\xb9\x89\xe0\xb8\xad\xe0\xb8\x84\xe0\xb8\xa7\xe0\xb8\xb2\xe0\xb8\xa1\xe0\xb9\x80\xe0\xb8\x81\xe0\xb8\xb4\xe0\xb8\x99", MESG_TOO_BIG, STRONG), /* ขนาดข้อความเกิน */
	R("\xeb\xa9\x94\xec\x9d\xbc \xed\x81\xac\xea\xb8\xb0", MESG_TOO_BIG, STRONG), /* 메일 크기 */
#undef G
#define G "suspend: pt, sk, ru, he, id, sv wording (account suspended or deactivated)"
	R("foi suspensa", SUSPEND, STRONG),
	R("foi suspenso", SUSPEND, STRONG),
	R("je deaktivovan\xc3\xbd", SUSPEND, STRONG), /* je deaktivovaný */
	R("\xd0\xb0\xd0\xba\xd0\xba\xd0\xb0\xd1\x83\xd0\xbd\xd1\x82 \xd0\xbf\xd0\xbe\xd0\xbb\xd1\x83\xd1\x87\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8f \xd0\xb7\xd0\xb0\xd0\xb1\xd0\xbb\xd0\xbe\xd0\xba\xd0\xb8\xd1\x80\xd0\xbe\xd0\xb2\xd0\xb0\xd0\xbd", SUSPEND, STRONG), /* аккаунт получателя заблокирован */
	R("\xd0\x90\xd0\xba\xd0\xba\xd0\xb0\xd1\x83\xd0\xbd\xd1\x82 \xd0\xbf\xd0\xbe\xd0\xbb\xd1\x83\xd1\x87\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8f \xd0\xb7\xd0\xb0\xd0\xb1\xd0\xbb\xd0\xbe\xd0\xba\xd0\xb8\xd1\x80\xd0\xbe\xd0\xb2\xd0\xb0\xd0\xbd", SUSPEND, STRONG), /* Аккаунт получателя заблокирован */
	R("\xd7\x94\xd7\x95\xd7\xa9\xd7\xa2\xd7\x94", SUSPEND, STRONG), /* הושעה */
	R("telah dinonaktifkan", SUSPEND, STRONG),
	R("har inaktiverats", SUSPEND, STRONG),
#undef G
#define G "expired: es, fr, pl, cs, ru, pt wording (delivery time ran out)"
	R("no pudo entregarse en el plazo", EXPIRED, STRONG),
	R("dans le d\xc3\xa9lai imparti", EXPIRED, STRONG), /* dans le délai imparti */
	R("przekroczono czas dostarczenia", EXPIRED, STRONG),
	R("opakovan\xc3\xbd" "ch pokusech", EXPIRED, STRONG), /* opakovaných pokusech */
	R("\xd0\xb2\xd1\x80\xd0\xb5\xd0\xbc\xd1\x8f \xd0\xb4\xd0\xbe\xd1\x81\xd1\x82\xd0\xb0\xd0\xb2\xd0\xba\xd0\xb8 \xd0\xb8\xd1\x81\xd1\x82\xd0\xb5\xd0\xba\xd0\xbb\xd0\xbe", EXPIRED, STRONG), /* время доставки истекло */
	R("\xd0\x92\xd1\x80\xd0\xb5\xd0\xbc\xd1\x8f \xd0\xb4\xd0\xbe\xd1\x81\xd1\x82\xd0\xb0\xd0\xb2\xd0\xba\xd0\xb8 \xd0\xb8\xd1\x81\xd1\x82\xd0\xb5\xd0\xba\xd0\xbb\xd0\xbe", EXPIRED, STRONG), /* Время доставки истекло */
#undef G
#define G "virus_detected: pt, ru/sr/bg, ar, ja, ko wording"
	R("v\xc3\xadrus", VIRUS_DETECTED, STRONG), /* vírus */
	R("\xd0\xb2\xd0\xb8\xd1\x80\xd1\x83\xd1\x81", VIRUS_DETECTED, STRONG), /* вирус */
	R("\xd9\x81\xd9\x8a\xd8\xb1\xd9\x88\xd8\xb3", VIRUS_DETECTED, STRONG), /* فيروس */
	R("\xe3\x82\xa6\xe3\x82\xa4\xe3\x83\xab\xe3\x82\xb9", VIRUS_DETECTED, STRONG), /* ウイルス */
	R("\xeb\xb0\x94\xec\x9d\xb4\xeb\x9f\xac\xec\x8a\xa4", VIRUS_DETECTED, STRONG), /* 바이러스 */
#undef G
#define G "spam_detected: he, fa, th, vi, fi wording"
	R("\xd7\x93\xd7\x95\xd7\x90\xd7\xa8 \xd7\x96\xd7\x91\xd7\x9c", SPAM_DETECTED, STRONG), /* דואר זבל */
	R("\xd9\x87\xd8\xb1\xd8\xb2\xd9\x86\xd8\xa7\xd9\x85\xd9\x87", SPAM_DETECTED, STRONG), /* هرزنامه */
	R("\xe0\xb8\xaa\xe0\xb9\x81\xe0\xb8\x9b\xe0\xb8\xa1", SPAM_DETECTED, STRONG), /* สแปม */
	R("th\xc6\xb0 r\xc3\xa1" "c", SPAM_DETECTED, STRONG), /* thư rác */
	R("roskaposti", SPAM_DETECTED, STRONG),
#undef G
#define G "blocked: sr/hr, tr, no, zh wording (a black list)"
	R("crnoj listi", BLOCKED, STRONG),
	R("kara listede", BLOCKED, STRONG),
	R("svartelistet", BLOCKED, STRONG),
	R("\xe9\xbb\x91\xe5\x90\x8d\xe5\x8d\x95", BLOCKED, STRONG), /* 黑名单 */
#undef G
#define G "filtered: de, ko, zh wording (the recipient's own refusal list)"
	R("hat ihre absenderadresse gesperrt", FILTERED, STRONG),
	R("\xec\x88\x98\xec\x8b\xa0 \xea\xb1\xb0\xeb\xb6\x80 \xeb\xaa\xa9\xeb\xa1\x9d", FILTERED, EXACT), /* 수신 거부 목록 */
	R("\xe6\x8b\x92\xe6\x94\xb6\xe5\x90\x8d\xe5\x8d\x95", FILTERED, EXACT), /* 拒收名单 */
#undef G
#define G "speeding: pt, it, ja, zh, fi wording (too many, too fast)"
	R("recebendo e-mails muito r\xc3\xa1pido", SPEEDING, STRONG), /* recebendo e-mails muito rápido */
	R("troppi messaggi", SPEEDING, STRONG),
	R("\xe9\x9d\x9e\xe5\xb8\xb8\xe3\x81\xab\xe9\x80\x9f\xe3\x81\x84\xe3\x83\x9a\xe3\x83\xbc\xe3\x82\xb9", SPEEDING, STRONG), /* 非常に速いペース */
	R("\xe5\x8f\x91\xe4\xbf\xa1\xe9\xa2\x91\xe7\x8e\x87\xe8\xbf\x87\xe5\xbf\xab", SPEEDING, STRONG), /* 发信频率过快 */
	R("liian monta viesti\xc3\xa4", SPEEDING, STRONG), /* liian monta viestiä */
#undef G
#define G "policy_violation: es, de, ru, ja wording (the receiver's mail policy)"
	R("pol\xc3\xadtica de correo", POLICY_VIOLATION, STRONG), /* política de correo */
	R("e-mail-richtlinien", POLICY_VIOLATION, STRONG),
	R("\xd0\xbf\xd0\xbe\xd0\xbb\xd0\xb8\xd1\x82\xd0\xb8\xd0\xba\xd0\xbe\xd0\xb9 \xd0\xbf\xd0\xbe\xd1\x87\xd1\x82\xd0\xbe\xd0\xb2\xd0\xbe\xd0\xb3\xd0\xbe \xd1\x81\xd0\xb5\xd1\x80\xd0\xb2\xd0\xb5\xd1\x80\xd0\xb0", POLICY_VIOLATION, STRONG), /* политикой почтового сервера */
	R("\xe6\xb7\xbb\xe4\xbb\x98\xe3\x83\x95\xe3\x82\xa1\xe3\x82\xa4\xe3\x83\xab\xe3\x81\xae\xe7\xa8\xae\xe9\xa1\x9e", POLICY_VIOLATION, STRONG), /* 添付ファイルの種類 */
#undef G
	/* Japanese "(ユーザーは)登録されていません" (is not registered: the
	 * Japanese of "User unknown") */
#define G "user_unknown: ja wording"
	R("\xe7\x99\xbb\xe9\x8c\xb2\xe3\x81\x95\xe3\x82\x8c\xe3\x81\xa6\xe3\x81\x84\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93", USER_UNKNOWN, STRONG), /* 登録されていません */
#undef G
#define G "system_error: hu, zh wording (a temporary error, a busy server)"
	R("\xc3\xa1tmeneti hiba", SYSTEM_ERROR, STRONG), /* átmeneti hiba */
	R("\xc3\x81tmeneti hiba", SYSTEM_ERROR, STRONG), /* Átmeneti hiba */
	R("\xe4\xb8\xb4\xe6\x97\xb6\xe7\xb3\xbb\xe7\xbb\x9f\xe9\x97\xae\xe9\xa2\x98", SYSTEM_ERROR, STRONG), /* 临时系统问题 */
	R("\xe4\xbc\xba\xe6\x9c\x8d\xe5\x99\xa8\xe5\xbf\x99\xe7\xa2\x8c", SYSTEM_ERROR, STRONG), /* 伺服器忙碌 */
#undef G
};

const size_t bn_intl_rule_count = sizeof(bn_intl_rules) / sizeof(bn_intl_rules[0]);
