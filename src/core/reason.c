/*
 * reason.c
 *		Names and default kinds of the bounce reasons.
 */
#include "reason.h"

#include <string.h>

const char *const bn_kind_names[BN_KIND_COUNT] = {
	"hard", "soft", "block", "undetermined", "none"
};

const char *const bn_reason_names[BN_REASON_COUNT] = {
	"user_unknown", "host_unknown", "has_moved", "not_accept", "suspend",
	"mailbox_full", "mesg_too_big", "exceed_limit", "system_full",
	"system_error", "network_error", "expired", "too_many_conn", "speeding",
	"greylisted", "filtered", "mailer_error", "syntax_error",
	"blocked", "spam_detected", "virus_detected", "policy_violation",
	"bad_reputation", "auth_failure", "require_ptr", "not_compliant_rfc",
	"security_error", "rejected", "no_relaying", "content_error",
	"failed_starttls",
	"on_hold", "undefined",
	"vacation", "feedback", "delivered"
};

const BnKind bn_reason_default_kind[BN_REASON_COUNT] = {
	/* user_unknown .. suspend */
	BN_KIND_HARD, BN_KIND_HARD, BN_KIND_HARD, BN_KIND_HARD, BN_KIND_HARD,
	/* mailbox_full .. syntax_error */
	BN_KIND_SOFT, BN_KIND_SOFT, BN_KIND_SOFT, BN_KIND_SOFT, BN_KIND_SOFT,
	BN_KIND_SOFT, BN_KIND_SOFT, BN_KIND_SOFT, BN_KIND_SOFT, BN_KIND_SOFT,
	BN_KIND_SOFT, BN_KIND_SOFT, BN_KIND_SOFT,
	/* blocked .. failed_starttls */
	BN_KIND_BLOCK, BN_KIND_BLOCK, BN_KIND_BLOCK, BN_KIND_BLOCK,
	BN_KIND_BLOCK, BN_KIND_BLOCK, BN_KIND_BLOCK, BN_KIND_BLOCK,
	BN_KIND_BLOCK, BN_KIND_BLOCK, BN_KIND_BLOCK, BN_KIND_BLOCK,
	BN_KIND_BLOCK,
	/* on_hold, undefined */
	BN_KIND_UNDETERMINED, BN_KIND_UNDETERMINED,
	/* vacation, feedback, delivered */
	BN_KIND_NONE, BN_KIND_NONE, BN_KIND_NONE
};

static bool
lookup(const char *const *names, int count, const char *name, size_t len,
	   int *index)
{
	for (int i = 0; i < count; i++)
	{
		if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0)
		{
			*index = i;
			return true;
		}
	}
	return false;
}

bool
bn_kind_from_name(const char *name, size_t len, BnKind *kind)
{
	int			i;

	if (!lookup(bn_kind_names, BN_KIND_COUNT, name, len, &i))
		return false;
	*kind = (BnKind) i;
	return true;
}

bool
bn_reason_from_name(const char *name, size_t len, BnReason *reason)
{
	int			i;

	if (!lookup(bn_reason_names, BN_REASON_COUNT, name, len, &i))
		return false;
	*reason = (BnReason) i;
	return true;
}
