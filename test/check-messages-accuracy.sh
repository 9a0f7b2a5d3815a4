#!/bin/bash
# Accuracy of the message parser (plain-C core, no server) on the whole
# messages of ../shared/corpus/sisimai-dev: every emails/*.eml parsed and
# compared per recipient with expected.tsv (recipient found, status, reply
# code, reason).  Prints the four scores and the misses; exits non-zero
# below the bar (95 % on each), 77 when the corpus is absent.
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
"$tmp/accuracy" "$corpus/emails" "$corpus/expected.tsv" 95
