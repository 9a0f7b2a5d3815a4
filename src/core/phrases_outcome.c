/*
 * phrases_outcome.c
 *		The generic English wording of what is no failure: auto-replies
 *		(vacation), feedback reports and complaints, delivery notices.
 *		Same rules as phrases.c (see phrases.h); added to the matcher
 *		after phrases_refusal.c.
 *
 * Plain C: no PostgreSQL headers; data only.
 */
#include "phrases.h"

const BnRule bn_outcome_rules[] = {
	/*
	 * vacation: RFC 3834 auto-replies ("Auto-Submitted: auto-replied"),
	 * Exchange/Outlook "Automatic reply:", and the usual English wording.
	 */
#define G "vacation: RFC 3834 auto-replies, Exchange 'Automatic reply'"
	R("out of office", VACATION, EXACT - 5),
	R("out of the office", VACATION, EXACT - 5),
	R("out-of-office", VACATION, EXACT - 5),
	R("away from the office", VACATION, EXACT - 5),
	R("away from my desk", VACATION, EXACT - 5),
	R("on vacation", VACATION, EXACT - 5),
	R("on holiday", VACATION, EXACT - 5),
	R("on annual leave", VACATION, EXACT - 5),
	R("on maternity leave", VACATION, EXACT - 5),
	R("on parental leave", VACATION, EXACT - 5),
	R("auto-repl", VACATION, EXACT - 5),
	R("autorepl", VACATION, EXACT - 5),
	R("auto repl", VACATION, EXACT - 5),
	R("automatic reply", VACATION, EXACT - 5),
	R("autoresponder", VACATION, EXACT - 5),
	R("auto-response", VACATION, EXACT - 5),
	R("automated response", VACATION, EXACT - 5),
	R("i am currently away", VACATION, EXACT - 5),
	R("i'm currently away", VACATION, EXACT - 5),
	R("i am away", VACATION, EXACT - 5),
	R("i will be back", VACATION, STRONG),
#undef G
	/* Not a failure: a list's moderation-hold notice (Mailman 2 "is being
	 * held until the list moderator can review it for approval", "awaiting
	 * moderator approval") and challenge-response systems asking the
	 * sender to prove it is human (cPanel BoxTrapper "verify that you are
	 * a real live human being", SpamArrest-style "please verify you are
	 * human"); Postmark files these as ChallengeVerification, an
	 * auto-reply */
#define G "vacation: list moderation holds (Mailman), challenge-response (BoxTrapper, SpamArrest)"
	R("until the list moderator", VACATION, EXACT - 5),
	R("awaiting moderator approval", VACATION, EXACT - 5),
	R("real live human", VACATION, EXACT - 5),
	R("you are human", VACATION, EXACT - 5),
#undef G
#define G "vacation: RFC 3834 auto-replies, Exchange 'Automatic reply'"
#undef G

	/*
	 * feedback: a complaint report.  RFC 5965 ARF ("Feedback-Type: abuse"),
	 * Yahoo CFL / Microsoft JMRP "This is an email abuse report", Amazon SES
	 * "complaintFeedbackType", feedback loops.
	 */
#define G "feedback: RFC 5965 ARF, Yahoo CFL, Microsoft JMRP, SES complaints"
	R("feedback-type", FEEDBACK, EXACT),
	R("complaintfeedbacktype", FEEDBACK, EXACT),
	R("abuse report", FEEDBACK, EXACT),
	R("feedback report", FEEDBACK, EXACT),
	R("feedback loop", FEEDBACK, STRONG),
	R("spam complaint", FEEDBACK, EXACT),
	/* Postmark bounce type SpamComplaint ("The subscriber explicitly marked
	 * this message as spam"), Mailjet's "spam reporter" */
	R("spamcomplaint", FEEDBACK, EXACT),
	R("marked this message as spam", FEEDBACK, EXACT),
	R("spam reporter", FEEDBACK, STRONG),
	R("complaint report", FEEDBACK, EXACT),
	R("marked as spam by the recipient", FEEDBACK, EXACT),
#undef G
	/* ESP suppressions after a complaint: SendGrid's drop reason "Spam
	 * Reporting Address", Mailgun's "Not delivering to a user who marked
	 * your messages as spam" (their event documentation) */
#define G "feedback: ESP complaint suppressions (SendGrid, Mailgun)"
	R("spam reporting address", FEEDBACK, EXACT),
	R("marked your messages as spam", FEEDBACK, EXACT),
#undef G

	/* delivered: RFC 3464 "Action: delivered", 2.x.x */
#define G "delivered: RFC 3464"
	R("successfully delivered", DELIVERED, STRONG),
#undef G
	/* the MTA's own log verdict: Postfix "status=sent (...)" */
#define G "delivered: Postfix status=sent log line"
	R("status=sent", DELIVERED, EXACT),
#undef G
};

const size_t bn_outcome_rule_count = sizeof(bn_outcome_rules) / sizeof(bn_outcome_rules[0]);
