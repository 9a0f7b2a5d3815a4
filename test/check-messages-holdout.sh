#!/bin/bash
# Accuracy of the message parser (plain-C core, no server) on a held-out set
# of bounce messages from mail systems that are not in the reference corpus
# (test/messages/holdout: OpenSMTPD, Haraka, Postfix and its derivatives
# Zimbra and mailcow, Courier, MDaemon, hMailServer, Kerio, IceWarp,
# Stalwart, Maddy, Zoho, Exchange 2003/2010/2016, Office 365, netqmail,
# qmail-ldap, an Exim delay warning and an Exim DSN, delayed and base64
# DSNs, an ARF report, an RFC 3834 auto-reply, ISO-2022-JP, Windows-1251
# and GB2312 notices; Mimecast, Proofpoint, rspamd, iCloud and Mail.ru
# wording inside them).  The messages
# were written from each system's documented template or source before the
# parser was changed for them; expected.tsv holds the labels their
# documented meaning gives.  Same driver and label format as
# check-messages-accuracy.sh, plus the recipient's address; exits non-zero
# below 90 % for recipient, status and reply code, or 80 % for the reason.
#
# First score, before any parser change for this set: the first batch (35
# rows) gave recipient 100.0 %, status 94.3 %, reply code 97.1 %, reason
# 88.6 %.  With the second batch (40 rows) and each recipient's address
# checked (expected.tsv's eighth column), the unchanged parser gives
# recipient 95.0 %, status 95.0 %, reply code 97.5 %, reason 90.0 %: an
# MDaemon session transcript read as the sender's 250, a GB2312 notice's
# "收件人：" label taken into the address, a Postfix delay warning read as
# expired and a Postfix give-up after a 4.x.x status as a network error,
# qmail's rcpthosts refusal classified security_error, Courier's generic
# 5.0.0 Status replaced by the diagnostic's 5.1.1.
#
# Now: recipient 100.0 %, status 97.5 %, reply code 100.0 %, reason 97.5 %.
# The two misses left: courier-01 (the label keeps the DSN's own 5.0.0;
# the parser replaces an unspecific X.0.0 with the status the remote paired
# with its reply code, 5.1.1, its rule on the corpus too)
# and netqmail-01 (qmail-smtpd's "sorry, that domain isn't in my list of
# allowed rcpthosts" is a relaying refusal; the wording is the
# classifier's, src/core/phrases.c).
#
#   bash test/check-messages-holdout.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
set="$here/messages/holdout"

cc=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! $cc -O2 -Wall -Wextra -Werror -I"$root/src/core" -o "$tmp/accuracy" \
	"$here/messages_accuracy.c" "$root"/src/core/*.c; then
	echo "build of the message accuracy driver failed"
	exit 1
fi
"$tmp/accuracy" "$set" "$set/expected.tsv" 90 80
