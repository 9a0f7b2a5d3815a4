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
#
# Another server: PG_CONFIG=/prefix/bin/pg_config bash test/run.sh (any
# install with its PGXS; nothing of PostgreSQL is installed then).
# BOUNCE_SERVER_ONLY=1 runs only what depends on the server: no unit tests,
# no check script that starts no server (the core's fuzzing, accuracy);
# BOUNCE_SKIP_CHECKS="citus upgrade" leaves out test/check-citus.sh, ...
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

if [ $# -eq 0 ] && [ -z "${BOUNCE_SERVER_ONLY:-}" ]; then
	ensure_deps $BOUNCE_FUZZ_DEPS	# clang's fuzzing runtime: only the fuzz tests
else
	ensure_deps
fi
if ! build_install_progress; then
	note build FAILED
	finish
fi

# 1. The core alone (not when only some pg_regress tests are named, nor
# when only what depends on the server runs).
if [ $# -gt 0 ] || [ -n "${BOUNCE_SERVER_ONLY:-}" ]; then
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
# pg_regress 15 prints "test name ... ok"; 16 and later "ok 1 - name" and
# "not ok 2 - name" (TAP).
nregress=0
while read -r name result; do
	note "regress: $name" "$result"
	nregress=$((nregress + 1))
done < <(sed -n -e 's/^ *\(test \)\{0,1\}\([a-z_0-9]*\) *\.\.\. \(ok\|FAILED\|failed\).*/\2 \3/p' \
	-e 's/^ok *[0-9]* *[-+] *\([a-z_0-9]*\) .*/\1 ok/p' \
	-e 's/^not ok *[0-9]* *[-+] *\([a-z_0-9]*\) .*/\1 FAILED/p' "$outdir/regress.log")
if [ -s "$outdir/regression.diffs" ]; then
	head -200 "$outdir/regression.diffs"
fi
if [ "$nregress" -eq 0 ] || ! grep -q 'tests passed\|tests failed\|test failed' "$outdir/regress.log"; then
	cat "$outdir/regress.log"
	note "regress: suite" FAILED
fi

# 3. What pg_regress cannot show.  A script exits 77 to say it was skipped.
if [ $# -eq 0 ]; then
	for t in test/check-*.sh; do
		[ -e "$t" ] || continue
		name=$(basename "$t" .sh)
		case " ${BOUNCE_SKIP_CHECKS:-} " in *" ${name#check-} "*) continue ;; esac
		if [ -n "${BOUNCE_SERVER_ONLY:-}" ] && ! grep -q 'psql' "$t"; then
			continue
		fi
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
