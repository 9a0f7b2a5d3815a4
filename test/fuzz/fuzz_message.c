/*
 * fuzz_message.c
 *		libFuzzer target over the bounce message parser (src/core/
 *		bouncemsg.c and everything under it: MIME, charsets, DSN, ARF,
 *		auto-replies, the MTA text formats, SES JSON): any octets in, no
 *		crash, and the rows hang together.
 *
 * Invariants checked on every input:
 *	- the parse succeeds (inputs are far below the arena's limit);
 *	- every row's reason and kind are in range, the kind is none for a
 *	  feedback report or auto-reply, status and reply code are valid or
 *	  absent;
 *	- every string is valid UTF-8 (the glue hands them to PostgreSQL);
 *	- the same input parses to the same rows twice.
 *
 * Built and run by test/check-fuzz.sh, seeded from the corpus emails.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bouncemsg.h"
#include "charset.h"

#define REQUIRE(cond) \
	do { \
		if (!(cond)) \
			abort(); \
	} while (0)

static void
check_string(const char *s)
{
	size_t		n;

	if (s == NULL)
		return;
	n = strlen(s);
	REQUIRE(bn_utf8_valid_prefix(s, n) == n);
}

static bool
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	BnMessage	m,
				m2;

	REQUIRE(bn_message_parse((const char *) data, size, &m) == BN_MSG_OK);
	REQUIRE(m.n >= 0);
	for (int i = 0; i < m.n; i++)
	{
		const BnRecipient *r = &m.rcpts[i];

		REQUIRE((unsigned) r->reason < BN_REASON_COUNT);
		REQUIRE((unsigned) r->kind < BN_KIND_COUNT);
		if (r->reason == BN_REASON_FEEDBACK || r->reason == BN_REASON_VACATION)
			REQUIRE(r->kind == BN_KIND_NONE);
		REQUIRE(r->status == BN_STATUS_NONE || bn_status_valid(r->status));
		REQUIRE(r->reply_code == 0 || bn_reply_code_valid(r->reply_code));
		check_string(r->recipient);
		check_string(r->action);
		check_string(r->diagnostic);
		check_string(r->remote);
		check_string(r->command);
		check_string(r->feedback_type);
		check_string(r->message_id);
		check_string(r->feedback_id);
	}

	REQUIRE(bn_message_parse((const char *) data, size, &m2) == BN_MSG_OK);
	REQUIRE(m2.n == m.n);
	for (int i = 0; i < m.n; i++)
	{
		REQUIRE(m.rcpts[i].reason == m2.rcpts[i].reason);
		REQUIRE(m.rcpts[i].status == m2.rcpts[i].status);
		REQUIRE(same(m.rcpts[i].recipient, m2.rcpts[i].recipient));
		REQUIRE(same(m.rcpts[i].diagnostic, m2.rcpts[i].diagnostic));
	}
	bn_message_free(&m);
	bn_message_free(&m2);
	return 0;
}
