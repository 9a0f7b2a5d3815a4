#!/bin/bash
# Accuracy of the message parser (plain-C core, no server) on a held-out set
# of bounce messages from mail systems that are not in the reference corpus
# (test/messages/holdout: OpenSMTPD, Haraka, Postfix and its derivatives
# Zimbra and mailcow, Courier, MDaemon, hMailServer, Kerio, IceWarp,
# Stalwart, Maddy, Exchange 2010/2016, Office 365, netqmail, qmail-ldap,
# an Exim delay warning, delayed and base64 DSNs, an ARF report, an RFC 3834
# auto-reply, ISO-2022-JP, Windows-1251 and GB2312 notices).  The messages
# were written from each system's documented template or source before the
# parser was changed for them; expected.tsv holds the labels their
# documented meaning gives.  Same driver and label format as
# check-messages-accuracy.sh; exits non-zero below 90 % for recipient,
# status and reply code, or 80 % for the reason.
#
# First score, before any parser change for this set (35 rows):
#   recipient 100.0 %, status 94.3 %, reply code 97.1 %, reason 88.6 %
#   (misses: Courier's generic 5.0.0 Status replaced by the diagnostic's
#   5.1.1; MDaemon's session transcript read as a 250 delivery; a Postfix
#   delay warning read as expired and a Postfix give-up after a 4.x.x
#   status read as a network error; qmail's rcpthosts refusal classified
#   security_error instead of no_relaying).
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
