#!/bin/bash
# The upgrade test, in the manner of TimescaleDB's update tests: for every
# version on pg_extension_update_paths('bounce') that reaches the default
# version, three databases:
#   A  a fresh CREATE EXTENSION bounce (the default version);
#   B  CREATE EXTENSION bounce VERSION 'old' and a sender's data and objects
#      (test/upgrade/before.sql), written by the old version's own library
#      (built from git history, cached in test/out/upgrade-lib), then the
#      new library installed, the data read under the old SQL, and ALTER
#      EXTENSION bounce UPDATE;
#   C  pg_dump of B restored into a new database.
# and shows
#   (a) the extension's objects are the same in A, B and C: a catalog
#       fingerprint (test/upgrade/fingerprint.sql) of every member and what
#       hangs off it, generic, so objects anyone adds to an upgrade script
#       are covered;
#   (b) the user's data and objects survive (test/upgrade/snapshot.sql is
#       the same as the old library wrote it, read by the new library under
#       the old SQL, after the update, and after the restore) and still
#       work (test/upgrade/after.sql: with the new library under the old
#       SQL in W, a twin of B; after the update in B and C, with
#       after-current.sql for what the new version adds);
#   (c) the whole pg_regress suite passes on a database updated from the
#       old version (the suite expects empty extension tables, so this one
#       is B without the user's data, R: CREATE EXTENSION VERSION 'old' by
#       the old library, ALTER EXTENSION UPDATE, pg_regress --use-existing).
# Without git history (a tarball) the old library cannot be built: the
# current one writes B's data, and the script says so.
# Prints what differs when anything does.  Runs against the cluster of
# test/run.sh (PGHOST/PGPORT/PGUSER exported), or starts its own.
set -u
. "$(dirname "$0")/lib.sh"
use_or_start_cluster
cd "$BOUNCE_ROOT"
PG_CONFIG=${PG_CONFIG:-pg_config}
up=test/upgrade
# Fingerprints, snapshots and logs are kept here for a look afterwards.
work=$BOUNCE_ROOT/test/out/upgrade
rm -rf "$work"; mkdir -p "$work"
started=$(date +%s)
dbs=""
pkglib=$("$PG_CONFIG" --pkglibdir)
cache=$BOUNCE_ROOT/test/out/upgrade-lib
mkdir -p "$cache"
cp "$pkglib/bounce.so" "$work/bounce-current.so" || exit 1
swapped=""

cleanup() {
	[ -n "$swapped" ] && use_library "$work/bounce-current.so"
	for db in $dbs; do
		psql -Xq -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
	done
}

# use_library FILE: the bounce.so that new sessions load.  A new file
# renamed over the old one: running backends keep what they mapped.
use_library() {
	cp "$1" "$pkglib/.bounce.so.swap" && mv -f "$pkglib/.bounce.so.swap" "$pkglib/bounce.so"
}

# old_library V: prints the path of version V's own bounce.so, built from
# the newest commit whose bounce.control has default_version V (cached);
# prints nothing when there is no git history or the build fails.
old_library() {
	local v=$1 newer="" c src="" lib d
	git -C "$BOUNCE_ROOT" rev-parse --git-dir >/dev/null 2>&1 || return 0
	for c in $(git -C "$BOUNCE_ROOT" log --format=%H -- bounce.control); do
		if [ "$(git -C "$BOUNCE_ROOT" show "$c:bounce.control" |
				sed -n "s/^default_version *= *'\(.*\)'/\1/p")" = "$v" ]; then
			src=${newer:+$newer^}
			src=${src:-HEAD}
			break
		fi
		newer=$c
	done
	[ -n "$src" ] || return 0
	src=$(git -C "$BOUNCE_ROOT" rev-parse --short "$src")
	lib=$cache/bounce-$v-$src-pg$("$PG_CONFIG" --version | awk '{print $2}').so
	if [ ! -s "$lib" ]; then
		d=$(mktemp -d)
		git -C "$BOUNCE_ROOT" archive "$src" | tar -x -C "$d" &&
			make -C "$d" -s -j2 COPT=-O0 PG_CONFIG="$PG_CONFIG" > "$cache/build-$v.log" 2>&1 &&
			cp "$d/bounce.so" "$lib"
		rm -rf "$d"
	fi
	[ -s "$lib" ] && echo "$lib ($src)"
}
trap 'cleanup; stop_cluster' EXIT

q() {	# q DB SQL: one value
	psql -XAtq -v ON_ERROR_STOP=1 -d "$1" -c "$2"
}
run_file() {	# run_file DB FILE [PSQL ARGS]: its output; fails on an error
	psql -XAtq -v ON_ERROR_STOP=1 -d "$1" -f "$2" "${@:3}"
}
new_db() {
	psql -Xq -d postgres -c "DROP DATABASE IF EXISTS $1" >/dev/null 2>&1
	psql -Xq -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $1" >/dev/null || exit 1
	dbs="$dbs $1"
}
# compare NAME FILE1 FILE2: the same lines, or what differs
compare() {
	if diff -u "$2" "$3" > "$work/diff"; then
		expect "$1" same same
	else
		expect "$1" "differ" same
		sed -n '3,$p' "$work/diff" | grep '^[-+]' | head -60 | sed 's/^/    /'
	fi
}
# require NAME FILE: every line of FILE (after.sql's checks) says ok
require_ok() {
	local bad
	bad=$(grep -v '^ok ' "$2")
	if [ -z "$bad" ] && [ -s "$2" ]; then
		expect "$1 ($(wc -l < "$2") checks)" ok ok
	else
		expect "$1" "${bad:-no output}" ok
	fi
}

new_db bounce_up_paths
current=$(q bounce_up_paths "SELECT default_version FROM pg_available_extensions WHERE name = 'bounce'")
olds=$(q bounce_up_paths "SELECT source FROM pg_extension_update_paths('bounce')
	WHERE target = '$current' AND path IS NOT NULL ORDER BY string_to_array(source, '.')::int[]")
if [ -z "$olds" ]; then
	echo "skipped: $current is the first version; there is nothing to update from"
	exit 77
fi
echo "versions updated to $current: $(echo $olds)"

# A: fresh.
new_db bounce_up_fresh
q bounce_up_fresh "CREATE EXTENSION bounce" || exit 1
expect "A: fresh install is $current" "$(q bounce_up_fresh "SELECT extversion FROM pg_extension WHERE extname = 'bounce'")" "$current"
run_file bounce_up_fresh $up/fingerprint.sql > "$work/A.fp" || exit 1
echo "fingerprint of A: $(wc -l < "$work/A.fp") lines: $(cut -d"|" -f1 "$work/A.fp" | uniq -c | awk '{n=$1; $1=""; printf "%s%s %s", sep, n, substr($0, 2); sep=", "}')"

for v in $olds; do
	tag=$(echo "$v" | tr -c 'a-zA-Z0-9\n' '_')
	echo "== $v -> $current"
	B=bounce_up_${tag}
	C=bounce_up_${tag}_restored
	R=bounce_up_${tag}_regress

	W=bounce_up_${tag}_window

	# B (and its twin W, and R for pg_regress): the old version, the
	# user's data and objects, written by the old library.
	t0=$(date +%s)
	old=$(old_library "$v")
	if [ -n "$old" ] && [ -w "$pkglib" ]; then
		echo "old library: ${old#"$BOUNCE_ROOT/"}, $(( $(date +%s) - t0 )) s"
		# no build may install a library meanwhile (test/lib.sh)
		if [ -z "${BOUNCE_LOCK_HELD:-}" ] && (: >> /tmp/bounce-build.lock) 2>/dev/null; then
			exec 9>> /tmp/bounce-build.lock
			flock -w 300 9
		fi
		swapped=yes
		use_library "${old%% *}" || exit 1
	else
		echo "old library: not available (no git history, or the build failed: test/out/upgrade-lib);" \
			"the current library writes the old version's data"
	fi
	for db in "$B" "$W" "$R"; do
		new_db "$db"
		q "$db" "CREATE EXTENSION bounce VERSION '$v'" || exit 1
	done
	written=yes
	for db in "$B" "$W"; do
		run_file "$db" $up/before.sql > "$work/before-$db.log" 2>&1 || written=""
	done
	run_file "$B" $up/snapshot.sql -v columns= > "$work/B-old.snap" 2>&1 || written=""
	if [ -n "$swapped" ] && [ "$v" = 1.0 ]; then
		# the old library is the one loaded: 1.0 reads no complaints
		expect "B: written by 1.0's library (it refuses 1.1's tally text)" "$(q "$B" "DO \$\$ BEGIN
			PERFORM '(sent=1,hard=0,soft=0,block=0,undetermined=0,delivered=1,complaints=0)'::bounce.tally;
			RAISE NOTICE 'read'; EXCEPTION WHEN invalid_text_representation THEN NULL; END \$\$" 2>&1)" ""
	fi
	if [ -n "$swapped" ]; then
		use_library "$work/bounce-current.so" || exit 1
		swapped=""
		flock -u 9 2>/dev/null
	fi
	if [ -z "$written" ]; then
		cat "$work"/before-*.log "$work/B-old.snap" | grep -v '^rows\|^columns' | head -30
		expect "B: the sender's data and objects on $v" error ok
		continue
	fi
	columns=$(sed -n 's/^columns //p' "$work/B-old.snap")

	# The new library under the old version's SQL, before the update: it
	# reads the old data as written, and the user's objects work (in W).
	run_file "$B" $up/snapshot.sql -v columns="$columns" > "$work/B-before.snap" || exit 1
	echo "user data and objects: $(wc -l < "$work/B-old.snap") lines"
	compare "(b) user data: old library = new library under $v's SQL" "$work/B-old.snap" "$work/B-before.snap"
	if [ "$v" = 1.0 ]; then
		# 1.0's SQL names 1.0's entry points: the binary form stays 1.0's.
		expect "B: binary form under 1.0's SQL is 1.0's (version 1)" \
			"$(q "$B" "SELECT substr(bounce.tally_send(t)::text, 1, 4) FROM shop.daily WHERE day = '2024-05-01'")" '\x01'
	fi
	run_file "$W" $up/after.sql > "$work/W.after" 2>&1
	require_ok "(b) user objects work with the new library under $v's SQL" "$work/W.after"

	if ! q "$B" "ALTER EXTENSION bounce UPDATE" > "$work/update.log" 2>&1; then
		cat "$work/update.log"
		expect "B: ALTER EXTENSION bounce UPDATE from $v" error ok
		continue
	fi
	expect "B: updated to $current" "$(q "$B" "SELECT extversion FROM pg_extension WHERE extname = 'bounce'")" "$current"

	# C: B dumped and restored, before B is touched again.
	pg_dump -Fc -f "$work/B.dump" "$B" || exit 1
	new_db "$C"
	if ! pg_restore -d "$C" --exit-on-error "$work/B.dump" > "$work/restore.log" 2>&1; then
		cat "$work/restore.log"
		expect "C: pg_restore of B" error ok
	fi

	# (a) the same objects.
	run_file "$B" $up/fingerprint.sql > "$work/B.fp" || exit 1
	run_file "$C" $up/fingerprint.sql > "$work/C.fp" || exit 1
	compare "(a) objects: fresh $current (A) = $v updated (B)" "$work/A.fp" "$work/B.fp"
	compare "(a) objects: fresh $current (A) = B dumped and restored (C)" "$work/A.fp" "$work/C.fp"

	# (b) the user's data and objects survive, and work.
	run_file "$B" $up/snapshot.sql -v columns="$columns" > "$work/B-after.snap" || exit 1
	run_file "$C" $up/snapshot.sql -v columns="$columns" > "$work/C.snap" || exit 1
	compare "(b) user data: B before the update = B after" "$work/B-before.snap" "$work/B-after.snap"
	compare "(b) user data: B after the update = C" "$work/B-after.snap" "$work/C.snap"
	run_file "$B" $up/after.sql -f $up/after-current.sql > "$work/B.after" 2>&1
	run_file "$C" $up/after.sql -f $up/after-current.sql > "$work/C.after" 2>&1
	require_ok "(b) user objects work in B" "$work/B.after"
	require_ok "(b) user objects work in C" "$work/C.after"
	compare "(b) the same results in B and C" "$work/B.after" "$work/C.after"

	# (c) the whole pg_regress suite on a database updated from v.
	q "$R" "ALTER EXTENSION bounce UPDATE" || exit 1
	run_file "$R" $up/fingerprint.sql > "$work/R.fp" || exit 1
	compare "(c) objects: A = $v updated without data (R)" "$work/A.fp" "$work/R.fp"
	# The fingerprint is not blind: each change of test/upgrade/changes.sql,
	# made in a savepoint rolled back, shows in it.  One session for all.
	t0=$(date +%s)
	n=0
	{
		echo "BEGIN;"
		while IFS= read -r change; do
			[ -n "$change" ] || continue
			n=$((n + 1))
			printf '\\warn change %d\nSAVEPOINT c;\n\\o %s\n%s;\n\\i %s\n\\o\nROLLBACK TO SAVEPOINT c;\n' \
				"$n" "$work/changed-$n.fp" "$change" "$up/fingerprint.sql"
		done < $up/changes.sql
		echo "ROLLBACK;"
	} > "$work/changes.psql"
	psql -XAtq -d "$R" -f "$work/changes.psql" > /dev/null 2> "$work/changes.err"
	missed=""
	i=0
	while IFS= read -r change; do
		[ -n "$change" ] || continue
		i=$((i + 1))
		err=$(sed -n "/^change $i\$/,/^change /p" "$work/changes.err" | grep -v '^change ' | head -1)
		if [ -n "$err" ] || cmp -s "$work/R.fp" "$work/changed-$i.fp"; then
			missed="$missed
    $change ${err:-(not seen)}"
		fi
	done < $up/changes.sql
	echo "fingerprint sensitivity: $n changes, $(( $(date +%s) - t0 )) s"
	expect "(a) the fingerprint sees every change of test/upgrade/changes.sql" "${missed:-none missed}" "none missed"

	out="$BOUNCE_ROOT/test/out/upgrade-regress-$tag"
	rm -rf "$out"; mkdir -p "$out"
	t0=$(date +%s)
	make -s PG_CONFIG="$PG_CONFIG" installcheck CONTRIB_TESTDB="$R" \
		EXTRA_REGRESS_OPTS="--use-existing --outputdir=$out" > "$out/regress.log" 2>&1
	summary=$(grep -E 'tests? (passed|failed)|All [0-9]+ tests passed|[0-9]+ of [0-9]+ tests' "$out/regress.log" | head -1 | tr -s ' ')
	ran=$(grep -cE '^(ok|not ok) |^ *(test )?[a-z_0-9]+ +\.\.\. ' "$out/regress.log")
	echo "pg_regress on $R: $ran tests, $(( $(date +%s) - t0 )) s: $summary"
	if grep -qE 'failed|FAILED' "$out/regress.log" || [ "$ran" -eq 0 ]; then
		expect "(c) pg_regress suite on $v updated" failed passed
		grep -E 'FAILED|failed' "$out/regress.log" | head -20 | sed 's/^/    /'
		[ -s "$out/regression.diffs" ] && head -80 "$out/regression.diffs" | sed 's/^/    /'
	else
		expect "(c) pg_regress suite on $v updated ($ran tests)" passed passed
	fi
done

echo "took $(( $(date +%s) - started )) s"
expect_summary
