#!/bin/bash
# Upgrades give the same objects as a fresh install and keep the data.
# For every earlier version X (a script sql/bounce--X.sql, or an upgrade
# script sql/bounce--X--Y.sql starting from it):
# install X, add data, ALTER EXTENSION bounce UPDATE, then compare a
# schema-only pg_dump (--binary-upgrade lists every extension member) with a
# fresh install of the current version, and the data with what was put in.
# Runs against the cluster of test/run.sh (PGHOST/PGPORT/PGUSER exported).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
current=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$here/../bounce.control")
# every version that has a script of its own or an upgrade script from it
olds=$(cd "$here/../sql" && ls bounce--*.sql 2>/dev/null |
	sed -n -e 's/^bounce--\([^-]*\)\.sql$/\1/p' -e 's/^bounce--\([^-]*\)--[^-]*\.sql$/\1/p' |
	sort -u | grep -vx "$current" || true)
if [ -z "$olds" ]; then
	echo "skipped: $current is the first version; there is nothing to upgrade from yet"
	exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"; psql -Xq -d postgres -c "DROP DATABASE IF EXISTS bounce_fresh" -c "DROP DATABASE IF EXISTS bounce_upgraded" >/dev/null 2>&1 || true' EXIT

schema_of() {
	pg_dump --schema-only --binary-upgrade --no-owner "$1" |
		grep -v -e binary_upgrade_set_next -e '^--' -e '^$' -e '^\\restrict' -e '^\\unrestrict' \
			-e 'pg_catalog.set_config' -e 'pg_catalog.setval(' -e '^SET ' -e '^SELECT pg_catalog.binary_upgrade_set_record_init_privs' |
		# object ids differ between two databases; names do not
		sed -E -e "s/'\{[0-9,]+\}'/'{oids}'/" -e "/^WHERE oid = '[0-9]+';$/d"
}

failed=0
psql -Xq -d postgres -c "DROP DATABASE IF EXISTS bounce_fresh" -c "CREATE DATABASE bounce_fresh"
psql -Xq -v ON_ERROR_STOP=1 -d bounce_fresh -c "CREATE EXTENSION bounce"
schema_of bounce_fresh > "$work/fresh.sql"
for v in $olds; do
	psql -Xq -d postgres -c "DROP DATABASE IF EXISTS bounce_upgraded" -c "CREATE DATABASE bounce_upgraded"
	psql -Xq -v ON_ERROR_STOP=1 -d bounce_upgraded \
		-c "CREATE EXTENSION bounce VERSION '$v'" \
		-c "INSERT INTO bounce.rule (pattern, reason) VALUES ('kept across upgrades', 'filtered')" \
		-c "ALTER EXTENSION bounce UPDATE"
	schema_of bounce_upgraded > "$work/upgraded-$v.sql"
	if diff -u "$work/fresh.sql" "$work/upgraded-$v.sql" > "$work/diff-$v"; then
		echo "$v -> $current: same objects as a fresh install"
	else
		echo "$v -> $current: objects differ from a fresh install:"
		head -60 "$work/diff-$v"
		failed=1
	fi
	kept=$(psql -XAt -d bounce_upgraded -c "SELECT count(*) FROM bounce.rule WHERE pattern = 'kept across upgrades'")
	if [ "$kept" != 1 ]; then
		echo "$v -> $current: data was not kept"
		failed=1
	fi
done
exit $failed
