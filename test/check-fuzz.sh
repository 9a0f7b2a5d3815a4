#!/bin/bash
# Fuzz the built-in classifier (test/fuzz/fuzz_classify.c) and the message
# parser (test/fuzz/fuzz_message.c) with libFuzzer,
# ASan and UBSan, for a short bounded run; exits 77 when clang or libFuzzer
# is unavailable, non-zero on a crash or a broken invariant.
#
#   bash test/check-fuzz.sh              # ~60 s
#
# A longer run, keeping its corpus between runs:
#   clang -g -O1 -fsanitize=fuzzer,address,undefined \
#     -fno-sanitize-recover=undefined -Isrc/core \
#     -o test/fuzz/fuzz_classify test/fuzz/fuzz_classify.c \
#     src/core/{reason,status,provider,provider_rules,phrases,phrases_transport,phrases_refusal,phrases_outcome,phrases_documented,phrases_intl,patterns,meaning,classify}.c
#   mkdir -p test/fuzz/corpus-classify
#   test/fuzz/fuzz_classify -max_len=4096 -max_total_time=3600 -jobs=4 \
#     -timeout=5 test/fuzz/corpus-classify
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
seconds=${FUZZ_SECONDS:-30}

if ! command -v clang > /dev/null 2>&1; then
	echo "skipped: clang not installed"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# libFuzzer present?
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n){(void)d;(void)n;return 0;}\n' \
	> "$tmp/probe.c"
if ! clang -fsanitize=fuzzer -o "$tmp/probe" "$tmp/probe.c" > /dev/null 2>&1; then
	echo "skipped: libFuzzer not available to clang"
	exit 77
fi

# only the files the classifier needs, so others' work in progress cannot
# break this check
core=""
for f in reason status provider provider_rules phrases phrases_transport phrases_refusal phrases_outcome phrases_documented phrases_intl patterns meaning classify; do
	core="$core $root/src/core/$f.c"
done
if ! clang -g -O1 -Wall -Wextra -Werror -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -I"$root/src/core" \
	-o "$tmp/fuzz_classify" "$here/fuzz/fuzz_classify.c" $core; then
	echo "build of the fuzz target failed"
	exit 1
fi

# Seeds: fields are reply code, status, command, remote, text (tab-separated).
mkdir -p "$tmp/corpus"
i=0
seed() { i=$((i + 1)); printf '%b' "$1" > "$tmp/corpus/seed-$i"; }
seed '550\t5.1.1\tRCPT\tmx.example.com\t550 5.1.1 <ann@example.com>: Recipient address rejected: User unknown'
seed '552\t5.2.2\tRCPT\taspmx.l.google.com\t552-5.2.2 The recipient mailbox is over quota. OverQuotaTemp - gsmtp'
seed '\t\t\t\tSMTP error from remote mail server after RCPT TO:<x@example.org>: 550 No such user here'
seed '554\t5.7.1\tDATA\tcontoso.mail.protection.outlook.com\t550 5.4.1 Access denied  blocked using zen.spamhaus.org; spf dkim dmarc'
seed '421\t4.7.0\tMAIL\tmta5.am0.yahoodns.net\t421 4.7.0 [TSS04] Messages temporarily deferred; please try again later'
seed '\t\t\t\tHost or domain name not found. host mail.example.invalid not found (#5.1.2)'
seed '550\t\tCONN\tsmtp-in.orange.fr\t550 Mail rejete. OFR_506 [506]\r\n\t  more\ttext'
seed '\t\t\t\t\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc 5.1.1 550 \xff\xfe'
seed '250\t2.0.0\tDATA\t<someone@GMail.COM>\t250 2.0.0 OK queued'

log="$tmp/fuzz.log"
"$tmp/fuzz_classify" -max_len=4096 -max_total_time="$seconds" -timeout=5 \
	-print_final_stats=1 "$tmp/corpus" > "$log" 2>&1
rc=$?
grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log"
if [ $rc -ne 0 ]; then
	tail -60 "$log"
	echo "fuzzing found a problem (exit $rc)"
	exit 1
fi

# The message parser (test/fuzz/fuzz_message.c): the whole core, seeded
# from the corpus emails when ../shared is present (copied into the
# temporary directory, never into the project) plus a few of our own.
if ! clang -g -O1 -Wall -Wextra -Werror -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -I"$root/src/core" \
	-o "$tmp/fuzz_message" "$here/fuzz/fuzz_message.c" "$root"/src/core/*.c; then
	echo "build of the message fuzz target failed"
	exit 1
fi
mkdir -p "$tmp/corpus-message"
emails="$root/../shared/corpus/sisimai-dev/emails"
if [ -d "$emails" ]; then
	cp "$emails"/*.eml "$tmp/corpus-message/"
fi
mseed() { i=$((i + 1)); printf '%b' "$1" > "$tmp/corpus-message/seed-$i"; }
mseed 'Content-Type: multipart/report; boundary=b\n\n--b\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 no\n--b--\n'
mseed 'Content-Type: multipart/report; report-type=feedback-report; boundary=f\n\n--f\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nOriginal-Rcpt-To: b@example.org\n--f\nContent-Type: text/rfc822-headers\n\nMessage-ID: <m@x>\n--f--\n'
mseed 'From: c@example.org\nSubject: =?ISO-2022-JP?B?GyRCJDMkcxsoQg==?= Auto:\nAuto-Submitted: auto-replied\nContent-Transfer-Encoding: quoted-printable\n\naway =E9=\n\n'
mseed 'Subject: failure notice\n\nHi. This is the qmail-send program at x.\n\n<d@example.org>:\n192.0.2.1 does not like recipient.\nRemote host said: 550 no\n'
mseed '{"notificationType":"Bounce","bounce":{"bouncedRecipients":[{"emailAddress":"e@example.org","status":"5.1.1"}]}}'
mseed 'From: f@example.org\nSubject: Fwd: x\nContent-Type: multipart/mixed; boundary=w\n\n--w\nContent-Type: text/plain\n\nfyi\n--w\nContent-Type: message/rfc822\n\nFrom: MAILER-DAEMON@x\nContent-Type: multipart/report; boundary=b\n\n--b\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; g@example.org\nAction: failed\nStatus: 5.1.1\n--b--\n--w--\n'

mlog="$tmp/fuzz-message.log"
"$tmp/fuzz_message" -max_len=65536 -max_total_time="$seconds" -timeout=5 \
	-rss_limit_mb=1024 -artifact_prefix="$tmp/" -print_final_stats=1 \
	"$tmp/corpus-message" > "$mlog" 2>&1
rc=$?
grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$mlog"
if [ $rc -ne 0 ]; then
	tail -60 "$mlog"
	mkdir -p "$here/out"
	cp "$tmp"/crash-* "$tmp"/timeout-* "$tmp"/oom-* "$here/out/" 2>/dev/null
	echo "fuzzing the message parser found a problem (exit $rc); input kept in test/out/"
	exit 1
fi
echo "ok: no crash, no broken invariant in ${seconds}s (classifier) + ${seconds}s (messages)"
