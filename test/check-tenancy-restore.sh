#!/bin/bash
# Tenant isolation survives pg_dump and pg_restore.  pg_dump does not dump
# policies on an extension's tables, but it dumps bounce.tenant_isolation
# (a config table); inserting its row on restore makes the policies again
# (trigger tenant_isolation_apply).  Checks that the restored database has
# the policies and that a tenant's role sees only its rows there.
# Uses the cluster of test/run.sh (PGHOST/PGPORT exported) or starts its own.
set -u
. "$(dirname "$0")/lib.sh"
cd "$BOUNCE_ROOT"

use_or_start_cluster

src=bounce_tenancy_src
dst=bounce_tenancy_dst
work=$(mktemp -d)
cleanup() {
	psql -Xq -d postgres -c "DROP DATABASE IF EXISTS $src" -c "DROP DATABASE IF EXISTS $dst" \
		-c "DROP ROLE IF EXISTS regress_tr_a" -c "DROP ROLE IF EXISTS regress_tr_all" >/dev/null 2>&1
	rm -rf "$work"
}
trap 'cleanup; ${PGTMP:+stop_cluster}' EXIT
cleanup
mkdir -p "$work"

fail=0
check() {	# check NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		echo "ok      $1"
	else
		echo "FAILED  $1: expected '$2', got '$3'"
		fail=1
	fi
}

psql -Xq -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $src" -c "CREATE DATABASE $dst" \
	-c "CREATE ROLE regress_tr_a" -c "CREATE ROLE regress_tr_all" || exit 1
psql -Xq -v ON_ERROR_STOP=1 -d "$src" >/dev/null <<'SQL' || exit 1
CREATE EXTENSION bounce;
GRANT USAGE ON SCHEMA bounce TO regress_tr_a, regress_tr_all;
GRANT SELECT ON bounce.suppression, bounce.rule, bounce.reason_kind TO regress_tr_a, regress_tr_all;
INSERT INTO bounce.suppression (tenant, address, reason)
	VALUES ('A', 'a@tr.test', 'manual'), ('B', 'b@tr.test', 'manual'), ('B', 'c@tr.test', 'manual');
SELECT bounce.enable_tenant_isolation('app.tenant', 'regress_tr_all');
SQL

pg_dump -Fc -f "$work/dump" "$src"
pg_restore -d "$dst" --exit-on-error "$work/dump" || { echo "FAILED  pg_restore"; exit 1; }

q() {	# q DB SQL
	psql -X -q -A -t -d "$1" -c "$2" 2>&1
}
policies="SELECT count(*) FROM pg_policy WHERE polrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'bounce'::regnamespace)"
# Every table with a tenant column: 8 tables, 18 policies in 1.1.
made=$(q "$src" "$policies")
check "policies made" 18 "$made"
check "policies restored" "$made" "$(q "$dst" "$policies")"
rls="SELECT count(*) FROM pg_class WHERE relnamespace = 'bounce'::regnamespace AND relrowsecurity"
check "row-level security on" 8 "$(q "$src" "$rls")"
check "row-level security restored" 8 "$(q "$dst" "$rls")"
check "tenant A sees its row" "a@tr.test" \
	"$(psql -X -q -A -t -d "$dst" -c "SET ROLE regress_tr_a" -c "SET app.tenant = 'A'" -c "SELECT string_agg(address, ',') FROM bounce.suppression")"
check "tenant A may not use B's rules" "ERROR:  permission denied to use the rules of tenant \"B\"" \
	"$(psql -X -q -A -t -d "$dst" -c "SET ROLE regress_tr_a" -c "SET app.tenant = 'A'" -c "SELECT bounce.kind_of('spam_detected', 'B')" 2>&1 | head -1)"
check "the all-tenants role sees all" 3 \
	"$(psql -X -q -A -t -d "$dst" -c "SET ROLE regress_tr_all" -c "SELECT count(*) FROM bounce.suppression")"
exit $fail
