#!/bin/bash
# Benchmark of bounce.track(): inserting events into the sender's table with
# no trigger (the floor), with bounce.track() (statement and row triggers),
# and with the hand-written PL/pgSQL peer (../shared/peers/handwritten.sql),
# by COPY and by multi-row INSERT, on a throwaway cluster.
#
# Three ways of loading the same events, each timed for every variant:
#   copy      COPY ... FROM a CSV file, one statement.
#   literal   multi-row INSERT, literal VALUES lists: psql -f of statements of
#             1000 rows of quoted literals, autocommit (a commit per statement).
#             Parsing and analysing the literals dominates: kept so that
#             nothing is hidden, but it is not how applications batch.
#   prepared  multi-row INSERT, prepared: one static INSERT ... VALUES of
#             BENCH_BATCH rows (100) x 5 parameters in a PL/pgSQL procedure
#             (test/bench/track-prepared.sh writes it), parsed and planned once
#             and its plan cached, bound per batch to the batch's arrays read
#             from a staging table by primary key; a COMMIT per batch, as an
#             application in autocommit would.  What a client's prepared
#             statement with 500 parameters does, without a C client.
#
#   sudo bash test/bench-track.sh            # 1,000,000 events
#   sudo BENCH_EVENTS=200000 bash test/bench-track.sh
#
# Bars (the issue's): bounce.track() within 2.5x of the floor, and at least
# 3x faster than the peer.  Prints times and ratios; exits 0 either way
# (the numbers are the result), 1 only when something fails to run.
set -u
. "$(dirname "$0")/lib.sh"
cd "$BOUNCE_ROOT"

N=${BENCH_EVENTS:-1000000}
ADDRESSES=${BENCH_ADDRESSES:-50000}
ROUNDS=${BENCH_ROUNDS:-3}	# best of, for the floor and the statement trigger
BATCH=${BENCH_BATCH:-100}	# rows per prepared INSERT

ensure_deps
build_install || { echo "build failed"; exit 1; }
BOUNCE_PGOPTS="${BOUNCE_PGOPTS:-} -c shared_buffers=512MB -c max_wal_size=4GB -c checkpoint_timeout=30min -c synchronous_commit=off" \
	start_cluster

SHARED=$(shared_dir)
PEER=""
if [ -n "$SHARED" ] && [ -f "$SHARED/peers/handwritten.sql" ]; then
	PEER="$SHARED/peers/handwritten.sql"
else
	echo "note: ../shared/peers/handwritten.sql is absent: the peer is skipped"
fi

q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

q -c "CREATE EXTENSION bounce" || exit 1
[ -n "$PEER" ] && { q -f "$PEER" >/dev/null || exit 1; }

# The events, generated once: campaigns sent to every address a day apart,
# then delivered, opened, clicked, bounced (hard, soft, block), complaints and
# unsubscribes, in time order as a day's log would be.
DATA=$PGTMP/events.csv
SQLDATA=$PGTMP/events.sql
q <<SQL || exit 1
SELECT setseed(0.42);
CREATE UNLOGGED TABLE gen AS
WITH pairs AS (
	SELECT a, c,
		CASE WHEN a % 10 = 0 THEN 'User' ELSE 'user' END || a || '@' ||
			(ARRAY['gmail.com','yahoo.com','outlook.com','example.org','corp.example'])[1 + a % 5] AS address,
		timestamptz '2024-01-01 00:00+00' + (c - 1) * interval '1 day' + (a % 3600) * interval '1 second' AS t0,
		random() AS u, random() AS v
	FROM generate_series(1, $ADDRESSES) a, generate_series(1, 400) c
	WHERE c <= ceil($N / ($ADDRESSES * 2.0)) + 1
), ev AS (
	SELECT address, c, t0, 'sent' AS event, NULL::text AS diagnostic, 0 AS o FROM pairs
	UNION ALL
	SELECT address, c, t0 + interval '5 min', 'bounce',
		CASE WHEN a % 50 = 0 OR u < 0.02 THEN '550 5.1.1 <' || address || '>: Recipient address rejected: User unknown in virtual mailbox table'
			 WHEN a % 37 = 0 OR u < 0.05 THEN '452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp'
			 ELSE '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org' END, 2
	FROM pairs WHERE a % 50 = 0 OR a % 37 = 0 OR u < 0.07
	UNION ALL
	SELECT address, c, t0 + interval '1 min', 'delivered', NULL, 1
	FROM pairs WHERE NOT (a % 50 = 0 OR a % 37 = 0 OR u < 0.07)
	UNION ALL
	SELECT address, c, t0 + interval '2 hours', 'open', NULL, 3
	FROM pairs WHERE NOT (a % 50 = 0 OR a % 37 = 0 OR u < 0.07) AND v < 0.25
	UNION ALL
	SELECT address, c, t0 + interval '2 hours 1 min', 'click', NULL, 4
	FROM pairs WHERE NOT (a % 50 = 0 OR a % 37 = 0 OR u < 0.07) AND v < 0.05
	UNION ALL
	SELECT address, c, t0 + interval '3 hours', 'complaint', NULL, 5
	FROM pairs WHERE NOT (a % 50 = 0 OR a % 37 = 0 OR u < 0.07) AND v > 0.999
	UNION ALL
	SELECT address, c, t0 + interval '3 hours', 'unsubscribe', NULL, 6
	FROM pairs WHERE NOT (a % 50 = 0 OR a % 37 = 0 OR u < 0.07) AND v BETWEEN 0.996 AND 0.999
)
SELECT address, c AS campaign_id, event, diagnostic, t0 AS occurred_at, row_number() OVER (ORDER BY t0, o, address) AS n
FROM ev ORDER BY t0, o, address LIMIT $N;
SQL
q -c "COPY (SELECT address, campaign_id, event, diagnostic, occurred_at FROM gen ORDER BY n) TO '$DATA' (FORMAT csv)" || exit 1
q -At -c "SELECT 'INSERT INTO events (address, campaign_id, event, diagnostic, occurred_at) VALUES ' ||
		string_agg(format('(%L,%s,%L,%L,%L)', address, campaign_id, event, diagnostic, occurred_at), ',' ORDER BY n) || ';'
	FROM gen GROUP BY (n - 1) / 1000 ORDER BY (n - 1) / 1000" > "$SQLDATA" || exit 1
chown postgres: "$DATA" "$SQLDATA" 2>/dev/null
# The prepared variant's input: the events cut into batches, one row per
# batch holding an array per column, read by primary key (outside events, so
# setup leaves it alone), and the procedure that inserts them.
q <<SQL >/dev/null || exit 1
CREATE TABLE bench_batch AS
SELECT (n - 1) / $BATCH + 1 AS b, array_agg(address ORDER BY n) AS address,
	array_agg(campaign_id ORDER BY n) AS campaign_id, array_agg(event ORDER BY n) AS event,
	array_agg(diagnostic ORDER BY n) AS diagnostic, array_agg(occurred_at ORDER BY n) AS occurred_at
FROM gen GROUP BY 1;
ALTER TABLE bench_batch ADD PRIMARY KEY (b);
SQL
bash "$(dirname "$0")/bench/track-prepared.sh" "$BATCH" | q >/dev/null || exit 1
q -At -c "SELECT format('%s events, %s addresses, %s campaigns, %s bounces', count(*), count(DISTINCT lower(address)), count(DISTINCT campaign_id), count(*) FILTER (WHERE event = 'bounce')) FROM gen"
q -c "DROP TABLE gen"

# The sender's table (the peer's shape), with the index the replay wants.
setup() {	# setup none|statement|row|peer
	q <<SQL >/dev/null || exit 1
DROP TABLE IF EXISTS events;
CREATE TABLE events (id bigserial PRIMARY KEY, address text, campaign_id bigint,
	event text, diagnostic text, occurred_at timestamptz);
CREATE INDEX events_address ON events (lower(address));
DROP EXTENSION bounce CASCADE;
CREATE EXTENSION bounce;
SQL
	case $1 in
		statement|row)
			q -c "SELECT bounce.track_events('events', 'address', 'event', 'campaign_id', 'occurred_at', diagnostic => 'diagnostic', for_each => '$1')" >/dev/null || exit 1 ;;
		peer)
			q -c "TRUNCATE peer.address_state; CREATE TRIGGER peer_track AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION peer.track()" >/dev/null || exit 1 ;;
	esac
	q -c "VACUUM ANALYZE" >/dev/null
	q -c "CHECKPOINT" >/dev/null
}

now() { date +%s.%N; }

run() {		# run copy|literal|prepared -> seconds
	local t0 t1
	t0=$(now)
	case $1 in
		copy)
			q -c "COPY events (address, campaign_id, event, diagnostic, occurred_at) FROM '$DATA' (FORMAT csv)" >/dev/null || exit 1 ;;
		literal)
			q -f "$SQLDATA" >/dev/null || exit 1 ;;
		prepared)
			q -c "CALL bench_insert_prepared()" >/dev/null || exit 1 ;;
	esac
	t1=$(now)
	echo "$t0 $t1" | awk '{printf "%.2f", $2 - $1}'
}

declare -A T
variants="none statement row"
[ -n "$PEER" ] && variants="$variants peer"
hows=${BENCH_HOWS:-copy literal prepared}	# a subset, to look again at one
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) CPUs; other work on the machine skews the times)"
echo "copy: COPY from CSV; literal: multi-row INSERT, literal VALUES lists (1000 rows a statement, psql -f);"
echo "prepared: multi-row INSERT, prepared ($BATCH rows x 5 parameters, plan cached, commit per batch)"
for how in $hows; do
	for v in $variants; do
		best=""
		rounds=$ROUNDS
		case $v in row|peer) rounds=1 ;; esac
		for r in $(seq 1 "$rounds"); do
			setup "$v"
			t=$(run "$how")
			got=$(q -At -c "SELECT count(*) FROM events")
			[ "$got" = "$N" ] || { echo "$how $v: $got events inserted, not $N"; exit 1; }
			if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
		done
		T[$how,$v]=$best
		extra=""
		case $v in
			statement|row)
				extra=$(q -At -c "SELECT format('  (%s addresses: %s confirmed, %s suppressed)', count(*), count(*) FILTER (WHERE status = 'confirmed'), count(*) FILTER (WHERE status = 'suppressed')) FROM bounce.address_state") ;;
			peer)
				extra=$(q -At -c "SELECT format('  (%s addresses: %s confirmed, %s suppressed)', count(*), count(*) FILTER (WHERE status = 'confirmed'), count(*) FILTER (WHERE status = 'suppressed')) FROM peer.address_state") ;;
		esac
		printf '%-9s %-10s %8.2f s%s\n' "$how" "$v" "$best" "$extra"
	done
done

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "ratios (bars: bounce.track <= 2.5x the floor; peer >= 3x bounce.track)"
echo "  (the trigger's own cost: time minus the floor, per event)"
for how in $hows; do
	for v in statement row; do
		r_floor=$(awk "BEGIN{printf \"%.2f\", ${T[$how,$v]} / ${T[$how,none]}}")
		us=$(awk "BEGIN{printf \"%.2f\", (${T[$how,$v]} - ${T[$how,none]}) * 1000000 / $N}")
		line=$(printf '%-9s %-10s %5sx the floor (%s us/event)' "$how" "$v" "$r_floor" "$us")
		if [ -n "$PEER" ]; then
			r_peer=$(awk "BEGIN{printf \"%.1f\", ${T[$how,peer]} / ${T[$how,$v]}}")
			r_over=$(awk "BEGIN{d = ${T[$how,$v]} - ${T[$how,none]}; if (d <= 0) d = 0.01; printf \"%.1f\", (${T[$how,peer]} - ${T[$how,none]}) / d}")
			line="$line; peer ${r_peer}x slower in total, ${r_over}x in trigger cost"
		fi
		echo "$line"
	done
done
if [ -n "$PEER" ]; then
	for how in $hows; do
		us=$(awk "BEGIN{printf \"%.2f\", (${T[$how,peer]} - ${T[$how,none]}) * 1000000 / $N}")
		printf '%-9s %-10s %s us/event\n' "$how" "peer" "$us"
	done
fi
exit 0
