#!/bin/bash
# Property test of the address checks, longer than the unit run and under
# AddressSanitizer and UndefinedBehaviorSanitizer: test/unit/test_mailbox.c
# with BN_PROPERTY_N valid and as many invalid addresses per seed (default
# 500000), for three fixed seeds.  Deterministic: same seeds, same addresses.
# Exits 77 when no compiler can build with the sanitizers.
#
#   bash test/check-address-property.sh
#   BN_PROPERTY_N=5000000 bash test/check-address-property.sh   # longer
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"

n=${BN_PROPERTY_N:-500000}
out=test/out/address-property
mkdir -p "$out"

cc=""
for c in ${CC:-} clang gcc; do
	if command -v "$c" >/dev/null 2>&1 &&
		echo 'int main(void) { return 0; }' |
		"$c" -fsanitize=address,undefined -x c -o "$out/probe" - >/dev/null 2>&1; then
		cc=$c
		break
	fi
done
if [ -z "$cc" ]; then
	echo "skipped: no compiler with -fsanitize=address,undefined"
	exit 77
fi

if ! "$cc" -g -O1 -Wall -Wextra -Werror -fsanitize=address,undefined \
	-fno-sanitize-recover=all -Isrc/core -Itest/unit -o "$out/test_mailbox" \
	test/unit/test_mailbox.c src/core/mailbox.c src/core/typo.c src/core/provider.c src/core/problem.c; then
	echo "build of test_mailbox failed"
	exit 1
fi

status=0
for seed in 1 20261122 987654321; do
	if ! BN_PROPERTY_N=$n BN_PROPERTY_SEED=$seed "$out/test_mailbox" > "$out/seed-$seed.log" 2>&1; then
		status=1
	fi
	grep -E '^(property|typo|[0-9]+ passed)' "$out/seed-$seed.log"
	grep -vE '^(property|typo|[0-9]+ passed)' "$out/seed-$seed.log" | head -20
done
[ $status -eq 0 ] && echo "address property test ($cc, sanitizers): $((3 * 2 * n)) generated addresses, all as expected"
exit $status
