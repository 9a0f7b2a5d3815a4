#!/bin/bash
# Accuracy of the message parser (plain-C core, no server) on the whole
# messages of ../shared/corpus/sisimai-dev: every emails/*.eml parsed and
# compared per recipient with expected.tsv (recipient found, status, reply
# code, reason).  Prints the four scores and the misses; exits non-zero
# below the bar, 77 when the corpus is absent.  The bar is 95 % for
# recipient, status and reply code, which the parser decides.  The reason
# is the built-in classifier's (src/core/classify.c, another feature): its
# target is 95 % too, but its bar here is 85 %, under what it gives today
# (89.0 %; recipient 99.4 %, status 99.1 %, reply code 98.5 %), so that a
# regression fails while the classifier improves; 30 of today's 36 reason
# misses are misses of the classifier on the reference parser's own strings
# (diagnostics.tsv) too, most of them label disagreements listed in
# test/accuracy-notes.md.
#
#   bash test/check-messages-accuracy.sh
#   bash test/check-messages-accuracy.sh --dump path/to/message.eml
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus="$here/../../shared/corpus/sisimai-dev"

cc=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ "${1:-}" != "--dump" ] && [ ! -f "$corpus/expected.tsv" ]; then
	echo "skipped: ../shared/corpus not present"
	exit 77
fi
if ! $cc -O2 -Wall -Wextra -Werror -I"$root/src/core" -o "$tmp/accuracy" \
	"$here/messages_accuracy.c" "$root"/src/core/*.c; then
	echo "build of the message accuracy driver failed"
	exit 1
fi
if [ "${1:-}" = "--dump" ]; then
	"$tmp/accuracy" --dump "$2"
	exit $?
fi
"$tmp/accuracy" "$corpus/emails" "$corpus/expected.tsv" 95 85
