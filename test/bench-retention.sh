#!/bin/bash
# What retention costs with bounce.track_purge(): the same events in two
# tables, one tracked by bounce.track_events() (so a DELETE archives the
# purged events into bounce.event_archive) and one not; a DELETE of the
# older half of each, side by side, and the bytes an archived event takes
# against a row of the events table (with their indexes).
#
#   sudo bash test/bench-retention.sh              # 400,000 events
#   sudo BENCH_EVENTS=1000000 bash test/bench-retention.sh
# Prints figures; exits 0 either way, 1 only when something fails to run.
set -u
. "$(dirname "$0")/lib.sh"
cd "$BOUNCE_ROOT"
N=${BENCH_EVENTS:-400000}

ensure_deps
build_install || { echo "build failed"; exit 1; }
BOUNCE_PGOPTS="${BOUNCE_PGOPTS:-} -c shared_buffers=512MB -c max_wal_size=4GB -c synchronous_commit=off" \
	start_cluster
q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
q -c "CREATE EXTENSION bounce" || exit 1
q <<SQL >/dev/null || exit 1
SET client_min_messages TO warning;
SELECT setseed(0.42);
CREATE TABLE src AS
SELECT (i % 20)::bigint AS account_id, 'user' || (i % 50000) || '@example.org' AS email,
	   (i / 50000)::bigint AS campaign_id,
	   (ARRAY['sent','delivered','open','click','bounce'])[1 + (i % 5)] AS type,
	   CASE WHEN i % 5 = 4 THEN '550 5.1.1 <user' || (i % 50000) || '@example.org>: Recipient address rejected: User unknown in virtual mailbox table' END AS diagnostic,
	   timestamptz '2024-01-01' + (i / 50000) * interval '1 day' + (i % 50000) * interval '1 second' AS occurred_at
FROM generate_series(0, $N - 1) AS i;
CREATE TABLE plain (LIKE src);
CREATE TABLE tracked (LIKE src);
CREATE INDEX ON plain (account_id, bounce.address_key(email));
CREATE INDEX ON tracked (account_id, bounce.address_key(email));
SELECT bounce.track_events('tracked', 'email', 'type', 'campaign_id', 'occurred_at',
	diagnostic => 'diagnostic', tenant => 'account_id');
INSERT INTO plain SELECT * FROM src ORDER BY occurred_at;
INSERT INTO tracked SELECT * FROM src ORDER BY occurred_at;
VACUUM ANALYZE plain, tracked;
SQL
cutoff=$(q -At -c "SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY occurred_at) FROM src")
time_ms() { q -At -c '\timing on' -c "$1" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'; }
t_plain=$(time_ms "DELETE FROM plain WHERE occurred_at < '$cutoff'")
t_tracked=$(time_ms "DELETE FROM tracked WHERE occurred_at < '$cutoff'")
q -c "VACUUM ANALYZE bounce.event_archive" >/dev/null
q -At -F ' ' -c "SELECT (SELECT count(*) FROM bounce.event_archive),
	pg_total_relation_size('bounce.event_archive'),
	pg_total_relation_size('tracked') + 0 * (SELECT count(*) FROM tracked),
	(SELECT count(*) FROM tracked)" > "$PGTMP/sizes"
read -r archived arch_bytes tbl_bytes left < "$PGTMP/sizes"
echo "$N events; DELETE of the older half ($archived archived)"
echo "DELETE without the purge trigger: $t_plain ms; with it: $t_tracked ms; ratio $(echo "scale=2; $t_tracked / $t_plain" | bc)"
echo "archive: $((arch_bytes / archived)) bytes per archived event (table and index)"
echo "events table: $((tbl_bytes / (N))) bytes per event (table and index, before the purge: pages are not returned)"
exit 0
