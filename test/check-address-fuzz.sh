#!/bin/bash
# Fuzz the address checks (src/core/mailbox.c, typo.c) with libFuzzer under
# AddressSanitizer and UndefinedBehaviorSanitizer for a bounded time
# (FUZZ_SECONDS, default 20); the invariants are in test/fuzz/fuzz_address.c.
# Exits 77 ("skipped: ...") when clang or libFuzzer is missing.  The corpus
# grows in test/fuzz/corpus-address/ (not committed); crashes land in
# test/out/fuzz-address/.
#
#   bash test/check-address-fuzz.sh
#
# A longer run, on every core, after this script has built the target
# (from test/out/fuzz-address, where -jobs writes its fuzz-N.log files):
#   cd test/out/fuzz-address && ../../fuzz/fuzz_address -max_total_time=3600 \
#     -jobs=$(nproc) -workers=$(nproc) -max_len=512 -dict=dict \
#     -artifact_prefix=./ ../../fuzz/corpus-address
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"

seconds=${FUZZ_SECONDS:-20}
bin=test/fuzz/fuzz_address
corpus=test/fuzz/corpus-address
out=test/out/fuzz-address

if ! command -v clang >/dev/null 2>&1; then
	echo "skipped: clang is not installed"
	exit 77
fi
mkdir -p "$out" "$corpus"

# Is libFuzzer there at all?  (Debian: libclang-rt-dev.)
echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void) d; (void) n; return 0; }' \
	> "$out/probe.c"
if ! clang -fsanitize=fuzzer -o "$out/probe" "$out/probe.c" >/dev/null 2>&1; then
	echo "skipped: clang cannot link libFuzzer (-fsanitize=fuzzer)"
	exit 77
fi

if ! clang -g -O1 -Wall -Wextra -Werror \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-Isrc/core -o "$bin" test/fuzz/fuzz_address.c src/core/mailbox.c src/core/typo.c src/core/provider.c src/core/problem.c; then
	echo "build of the fuzz target failed"
	exit 1
fi

# Seeds: one of each shape; the dictionary: the grammar's tokens.
i=0
while IFS= read -r seed; do
	printf '%s' "$seed" > "$corpus/seed-$i"
	i=$((i + 1))
done <<'SEEDS'
john.smith@example.com
"john \"x\" smith"@example.com
user+tag@sub.example.co.uk
john@[192.168.0.1]
john@[IPv6:2001:db8::1]
john@[IPv6:::ffff:192.0.2.1]
jörg@bücher.de
用户@例子.广告
john@gmail.con
john@hotmial.com
x@yahoo.cmo
x@hotmail.co.uj
x@me.con
x@gmx.dee
SEEDS

cat > "$out/dict" <<'DICT'
"@"
"."
".."
"\x22"
"\x5c"
"["
"]"
"[IPv6:"
"::"
":"
"-"
"xn--"
"255."
"\xc3\xa9"
"\xe4\xb8\xad"
"\xf0\x9f\x98\x80"
"\xed\xa0\x80"
"\xc0\xaf"
"gmail.com"
"hotmail.co.uk"
"yahoo.com"
".com"
".con"
".co"
DICT

ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	"$bin" -max_total_time="$seconds" -seed=1 -max_len=512 -timeout=10 \
	-print_final_stats=1 -dict="$out/dict" -artifact_prefix="$out/" \
	"$corpus" > "$out/fuzz.log" 2>&1
rc=$?
grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY)' "$out/fuzz.log"
if [ $rc -ne 0 ]; then
	tail -40 "$out/fuzz.log"
	echo "fuzz_address FAILED (exit $rc); reproducer in $out/"
	exit 1
fi
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/fuzz.log")
echo "fuzz_address: ${execs:-?} inputs in ${seconds}s, no crash, invariants held"
