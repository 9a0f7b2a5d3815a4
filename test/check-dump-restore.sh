#!/bin/bash
# pg_dump and restore keep the user's configuration and the extension's
# data: every table registered with pg_extension_config_dump comes back with
# the same rows, and a restored database classifies the same way.
# Runs against the cluster of test/run.sh (PGHOST/PGPORT/PGUSER exported).
set -eu
src=bounce_dump_src
dst=bounce_dump_dst
work=$(mktemp -d)
cleanup() {
	psql -Xq -d postgres -c "DROP DATABASE IF EXISTS $src" -c "DROP DATABASE IF EXISTS $dst" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT
cleanup
mkdir -p "$work"

psql -Xq -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $src" -c "CREATE DATABASE $dst"
psql -Xq -v ON_ERROR_STOP=1 -d "$src" <<'SQL'
CREATE EXTENSION bounce;
INSERT INTO bounce.rule (pattern, reason, priority, note)
VALUES ('mailbox quarantined by admin', 'filtered', 5, 'our gateway');
INSERT INTO bounce.rule (tenant, pattern, status_prefix, reason)
VALUES ('42', 'TSS04', '4.7', 'speeding');
INSERT INTO bounce.reason_kind (tenant, reason, kind) VALUES (NULL, 'spam_detected', 'soft');
INSERT INTO bounce.domain_mx (domain, mx_host) VALUES ('example-corp.com', 'aspmx.l.google.com');
SQL
# Whatever else is configured by later features, fill each config table a
# little where a plain INSERT of defaults works (e.g. a tenant's policy).
psql -Xq -d "$src" -c "INSERT INTO bounce.policy (tenant, hard_threshold) VALUES ('42', 2)" >/dev/null 2>&1 || true

pg_dump -Fc -f "$work/dump" "$src"
pg_restore -d "$dst" --exit-on-error "$work/dump"

fingerprint() {
	psql -XAt -v ON_ERROR_STOP=1 -d "$1" <<'SQL'
-- one query per table, run by \gexec (no XML: a server may lack libxml)
SELECT format('SELECT %L || '' '' || count(*) || '' '' || md5(coalesce(string_agg(t::text, E''\n'' ORDER BY t::text), '''')) FROM %s t',
              c::regclass::text, c::regclass)
FROM pg_extension e, unnest(e.extconfig) AS c
WHERE e.extname = 'bounce' AND (SELECT relkind FROM pg_class WHERE oid = c) = 'r'
ORDER BY c::regclass::text
\gexec
SELECT 'verdict ' || (bounce.classify('mailbox quarantined by admin')).reason
       || ' ' || bounce.kind_of('spam_detected')
       || ' ' || coalesce(bounce.provider('jo@example-corp.com'), '-');
SQL
}
fingerprint "$src" > "$work/src.txt"
fingerprint "$dst" > "$work/dst.txt"
cat "$work/src.txt"
if diff -u "$work/src.txt" "$work/dst.txt"; then
	echo "restored database has the same configuration and data"
else
	echo "FAILED: the restored database differs"
	exit 1
fi
if ! grep -q '^verdict filtered soft google$' "$work/dst.txt"; then
	echo "FAILED: restored rules are not in force"
	exit 1
fi
