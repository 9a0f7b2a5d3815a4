#!/bin/bash
# The address state over randomized histories, as a sender's DBA runs it:
# three tenants (two differing only in case), 180 addresses written in mixed
# case, shuffled events with duplicates, through a partitioned table (half
# through the parent, half straight into partitions -- two of them created
# or attached after tracking began -- by INSERT and COPY) and a second
# tracked table with other column names; then a retention purge deletes the
# oldest half of the history from both tables; then more events arrive late,
# many older than the purge.  bounce.address_state must equal an independent
# model of SPEC section 2 (test/history/model.py) over the whole history,
# and still after bounce.rebuild().
#
# Run by test/run.sh (PGHOST, PGPORT, PGUSER set); alone:
#   sudo bash test/check-state-history.sh     # starts its own cluster
#   HISTORY_SEED=7 sudo bash test/check-state-history.sh
# Exit 0 pass, 1 fail, 77 skipped (no python3).
set -u
. "$(dirname "$0")/lib.sh"
cd "$BOUNCE_ROOT"
command -v python3 >/dev/null || { echo "python3 not found"; exit 77; }
SEED=${HISTORY_SEED:-$(date +%s)}

if [ -z "${PGPORT:-}" ] || [ -z "${PGHOST:-}" ]; then
	ensure_deps
	build_install || { echo "build failed"; exit 1; }
	start_cluster
else
	ensure_deps
fi

DB=bounce_history
WORK=$(mktemp -d "${TMPDIR:-/tmp}/bounce-history.XXXXXX")
chmod 755 "$WORK"
trap 'rm -rf "$WORK"; psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1' EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
create_bounce_db "$DB"
echo "seed $SEED"
python3 test/history/model.py gen "$SEED" "$WORK" || exit 1

q <<'SQL' >/dev/null || { echo "setup failed"; exit 1; }
SET client_min_messages TO warning;
CREATE TABLE hev (tenant text, email text, campaign bigint, type text, reason text,
	at timestamptz) PARTITION BY RANGE (at);
CREATE TABLE hev_01 PARTITION OF hev FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE hev_02 PARTITION OF hev FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE TABLE hev_03 PARTITION OF hev FOR VALUES FROM ('2024-03-01') TO ('2024-04-01');
CREATE TABLE hev_04 PARTITION OF hev FOR VALUES FROM ('2024-04-01') TO ('2024-05-01');
CREATE INDEX ON hev (tenant, bounce.address_key(email));
SELECT bounce.track_events('hev', 'email', 'type', 'campaign', 'at',
	reason => 'reason', tenant => 'tenant');
-- partitions that come after tracking began: created, and attached
CREATE TABLE hev_05 PARTITION OF hev FOR VALUES FROM ('2024-05-01') TO ('2024-06-01');
CREATE TABLE hev_06 (LIKE hev);
ALTER TABLE hev ATTACH PARTITION hev_06 FOR VALUES FROM ('2024-06-01') TO ('2024-07-01');
CREATE TABLE hev2 (account text, addr varchar(320), stream bigint, what text, why text,
	happened timestamptz);
CREATE INDEX ON hev2 (account, bounce.address_key(addr));
SELECT bounce.track_events('hev2', 'addr', 'what', 'stream', 'happened',
	reason => 'why', tenant => 'account');
SQL
q -At -c "SELECT bounce.track_check('hev')" | grep -q "partitions: 6, each tracked" ||
	{ echo "track_check does not say every partition is tracked"; q -At -c "SELECT bounce.track_check('hev')"; exit 1; }

for phase in 1 2 3; do
	q -f "$WORK/phase$phase.sql" >/dev/null || { echo "phase $phase failed"; exit 1; }
done
total=$(wc -l < "$WORK/history.tsv")
left=$(q -At -c "SELECT (SELECT count(*) FROM hev) + (SELECT count(*) FROM hev2)")
archived=$(q -At -c "SELECT count(*) FROM bounce.event_archive")
echo "events: $total in the history, $left left in the tables, $archived archived"

export_state() {
	q -At -F $'\t' -c "SELECT tenant, address, status, coalesce(suppression_reason::text, ''),
		coalesce(to_char(status_since AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00', ''),
		hard_streak, soft_streak,
		coalesce(to_char(last_sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00', ''),
		coalesce(last_reason::text, '')
		FROM bounce.address_state" > "$1"
}
ok=1
export_state "$WORK/state.tsv"
echo "after the purge and the late events:"
python3 test/history/model.py compare "$WORK" "$WORK/state.tsv" | sed 's/^/  /'
[ "${PIPESTATUS[0]}" = 0 ] || ok=0
bad=$(q -At -c "SELECT count(*) FROM bounce.address_state s
	WHERE (s.status = 'suppressed') <> EXISTS (SELECT FROM bounce.suppression p
		WHERE p.tenant = s.tenant AND p.address = s.address AND p.reason = s.suppression_reason)")
echo "  suppression list out of step with the state: $bad"
[ "$bad" = 0 ] || ok=0

q -At -c "SELECT * FROM bounce.rebuild()" >/dev/null || ok=0
export_state "$WORK/rebuilt.tsv"
echo "after bounce.rebuild():"
python3 test/history/model.py compare "$WORK" "$WORK/rebuilt.tsv" | sed 's/^/  /'
[ "${PIPESTATUS[0]}" = 0 ] || ok=0

if [ "$ok" = 1 ]; then
	echo "state history: ok (seed $SEED)"
	exit 0
fi
echo "state history: FAILED (seed $SEED; rerun with HISTORY_SEED=$SEED)"
exit 1
