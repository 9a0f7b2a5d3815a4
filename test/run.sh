#!/bin/bash
# Run every test of bounce on a throwaway cluster:
#   the plain-C unit tests, the pg_regress suite, then each test/check-*.sh
#   (accuracy, fuzz, concurrency, ...).
# Installs what is missing (apt), builds (warnings are errors when CI=true),
# installs.  Ends with a line "N passed, M failed" and exits non-zero on any
# failure.  Not root: it runs itself again through sudo.
#
#   bash test/run.sh                  # everything
#   bash test/run.sh classify status  # only these pg_regress tests
set -u
. "$(dirname "$0")/lib.sh"
ensure_root "$0" "$@"
cd "$BOUNCE_ROOT"

passed=0
failed=0
skipped=0
failures=""

note() {	# note NAME ok|FAILED|skipped
	case "$2" in
		ok) passed=$((passed + 1)) ;;
		skipped) skipped=$((skipped + 1)) ;;
		*) failed=$((failed + 1)); failures="$failures $1" ;;
	esac
	printf '%-40s %s\n' "$1" "$2"
}

finish() {
	[ -n "$failures" ] && echo "failed:$failures"
	[ "$skipped" -gt 0 ] && echo "skipped: $skipped (not counted below)"
	# The closing line, alone and plain: CI reads it.
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit $?
}

if [ $# -eq 0 ]; then
	ensure_deps $BOUNCE_FUZZ_DEPS	# clang's fuzzing runtime: only the fuzz tests
else
	ensure_deps
fi
if ! build_install_progress; then
	note build FAILED
	finish
fi

# 1. The core alone (not when only some pg_regress tests are named).
if [ $# -gt 0 ]; then
	:
elif out=$(make -s unit PG_CONFIG="$PG_CONFIG" $([ "${CI:-}" = true ] && echo BOUNCE_WERROR=1) 2>&1); then
	echo "$out" | grep -v '^ok ' | sed 's/^/  unit: /'
	n=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	passed=$((passed + ${n:-0}))
	echo "unit tests (plain C core)                ${n:-0} ok"
else
	echo "$out" | tail -30
	n=$(echo "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p' | tail -1)
	passed=$((passed + ${n:-0}))
	note "unit tests" FAILED
fi

start_cluster

# 2. pg_regress, one test per feature.
regress_args=()
[ $# -gt 0 ] && regress_args=(REGRESS="$*")
outdir=test/out/regress-$PGPORT
rm -rf "$outdir"; mkdir -p "$outdir"
make -s PG_CONFIG="$PG_CONFIG" installcheck "${regress_args[@]}" \
	EXTRA_REGRESS_OPTS="--outputdir=$outdir" > "$outdir/regress.log" 2>&1
while read -r name result; do
	note "regress: $name" "$result"
done < <(sed -n 's/^ *\(test \)\{0,1\}\([a-z_0-9]*\) *\.\.\. \(ok\|FAILED\|failed\).*/\2 \3/p' "$outdir/regress.log")
if [ -s "$outdir/regression.diffs" ]; then
	head -200 "$outdir/regression.diffs"
fi
if ! grep -q 'tests passed\|tests failed\|test failed' "$outdir/regress.log"; then
	cat "$outdir/regress.log"
	note "regress: suite" FAILED
fi

# 3. What pg_regress cannot show.  A script exits 77 to say it was skipped.
if [ $# -eq 0 ]; then
	for t in test/check-*.sh; do
		[ -e "$t" ] || continue
		name=$(basename "$t" .sh)
		mkdir -p test/out
		bash "$t" > "test/out/$name.log" 2>&1
		rc=$?
		sed 's/^/  | /' "test/out/$name.log" | tail -40
		case $rc in
			0) note "$name" ok ;;
			77) note "$name" skipped ;;
			*) note "$name" FAILED ;;
		esac
	done
fi

finish
