/*
 * phrases.h
 *		What the wording tables (phrases.c, phrases_transport.c,
 *		phrases_refusal.c, phrases_outcome.c, phrases_documented.c,
 *		phrases_intl.c) share: the priorities and the macros that write one
 *		rule.  Included by those files only.
 */
#ifndef BOUNCE_CORE_PHRASES_H
#define BOUNCE_CORE_PHRASES_H

#include "patterns.h"

/* ------------------------------------------------------------------------
 * Generic wording: the phrases any receiver may use, whatever its brand.
 *
 * Priorities (patterns.h): EXACT wording names one cause and nothing else;
 * STRONG wording beats any status code ("552 5.2.2 mailbox full" is full,
 * "550 5.1.1 over quota" too); MEDIUM wording beats only a catch-all status
 * (X.7.1, X.0.0) and loses to a status with one clear meaning; WEAK and HINT
 * wording is what is left when nothing better is said.
 * ------------------------------------------------------------------------
 */
/*
 * Every rule names its group, G, defined before each group of the table
 * below: the reason and where its meaning comes from (an RFC, the IANA
 * registry, an MTA's source, a provider's published error documentation).
 * bounce.explain() and test/check-generalization.sh report it.
 */
#define R(p, reason, prio) {p, BN_REASON_##reason, prio, 0, BN_PROVIDER_UNKNOWN, 0, 0, 0, G}
#define RW(p, reason, prio) {p, BN_REASON_##reason, prio, BN_RULE_WORD, BN_PROVIDER_UNKNOWN, 0, 0, 0, G}
#define RS(p, reason, prio) {p, BN_REASON_##reason, prio, BN_RULE_WORD_START, BN_PROVIDER_UNKNOWN, 0, 0, 0, G}
/* where the text says the dialogue failed */
#define STAGE(p, which) {p, BN_MARK_STAGE_##which, 0, 0, BN_PROVIDER_UNKNOWN, 0, 0, 0, G}
/* an anchor, and a phrase that must follow one within w characters */
#define ANCHOR(p, a) {p, BN_MARK_ANCHOR, 0, BN_RULE_WORD_START, BN_PROVIDER_UNKNOWN, 0, a, 0, G}
#define AFTER(a, w, p, reason, prio) {p, BN_REASON_##reason, prio, 0, BN_PROVIDER_UNKNOWN, 0, a, w, G}

#define ANCHOR_HOST 1
#define ANCHOR_DOMAIN 2

#define EXACT	BN_PRIO_EXACT
#define STRONG	BN_PRIO_STRONG
#define MEDIUM	BN_PRIO_MEDIUM
#define WEAK	BN_PRIO_WEAK
#define HINT	BN_PRIO_HINT

#endif							/* BOUNCE_CORE_PHRASES_H */
