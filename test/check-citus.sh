#!/bin/bash
# bounce on Citus (13.2.2 on PostgreSQL 15, 14.0.1 on 16 to 18): a
# coordinator and two workers on this machine (TCP on localhost, ports
# BOUNCE_CITUS_PORT.. +2, default 54340-54342,
# fsync off; stopped and removed on exit, even on failure).  Citus is built
# from ../shared/vendor when it is not installed in the server of PG_CONFIG
# (test/citus-build.sh, cached outside the checkout); skipped (77) when
# ../shared/vendor is absent.
#
#   bash test/check-citus.sh
#
# What it shows, each compared with the same data on one node:
#   - a tracked insert works in a database where Citus is loaded (one
#     relcache callback for the whole extension);
#   - bounce.tally, rates and tiers on a distributed table, grouped by the
#     distribution column (pushed down) and by another one (combined);
#   - bounce.distribute_config() (reference tables, no deadlock) and a rule
#     and a reason -> kind row added on the coordinator, used by
#     distributed queries on the workers at once;
#   - track_events() on a distributed table: the event queue created
#     co-located with it, the tracking trigger on every shard queueing the
#     rows next to them (a row it would refuse fails the insert), applied on
#     the coordinator by bounce.apply_queued(); the trigger on a shard of a
#     table without a queue refused, naming what to run;
#   - the functions of the state pushed down to the workers (sendable(),
#     protected_until(), ...) and the guards fired on shards: refused;
#     clean_list() on a distributed list, equal to one node; a tenant's
#     recent_send_window set on the coordinator, applied there;
#   - randomized histories of several tenants in a distributed events
#     table, the state applied from the queue by bounce.apply_queued() and
#     replayed by bounce.rebuild() on the coordinator, each compared with
#     an independent model of SPEC section 2 (test/citus/model.py), before
#     and after a shard move (events queued before it, applied after it)
#     followed by more events, after events loaded by four sessions while
#     apply_queued() ran again and again, and after a retention purge by
#     bounce.purge_events() (a
#     DELETE on the shards refused, a TRUNCATE archived); rebuild() of
#     every source equal to rebuild('events'); rebuild() refused on a
#     worker;
#   - the cost per event of the distributed path against one node.
# Ends with "N passed, M failed".
set -u
. "$(dirname "$0")/lib.sh"
cd "$BOUNCE_ROOT"

if [ -z "$(shared_dir)" ] || [ ! -d "$(shared_dir)/vendor" ]; then
	echo "skipped: ../shared/vendor (the Citus sources) is absent"
	exit 77
fi
ensure_deps
if [ -z "${PGHOST:-}" ]; then
	build_install || exit 1
fi
bash test/citus-build.sh
rc=$?
[ $rc -eq 0 ] || exit $rc
command -v python3 >/dev/null ||
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-minimal >/dev/null

base=${BOUNCE_CITUS_PORT:-54340}
ports=("$base" "$((base + 1))" "$((base + 2))")
postgres_tmpdir bounce-citus
CTMP=$PG_TMPDIR
stop_nodes() {
	for i in 0 1 2; do
		[ -d "$CTMP/n$i" ] && $RUNAS "$PGBIN/pg_ctl" -D "$CTMP/n$i" -m immediate -w stop >/dev/null 2>&1
	done
	rm -rf "$CTMP"
}
trap stop_nodes EXIT

for i in 0 1 2; do
	$RUNAS "$PGBIN/initdb" -D "$CTMP/n$i" -A trust -U postgres --no-sync \
		--encoding=UTF8 --locale=C >/dev/null || exit 1
	$RUNAS "$PGBIN/pg_ctl" -D "$CTMP/n$i" -l "$CTMP/n$i.log" -w \
		-o "-k $CTMP -p ${ports[$i]} -c listen_addresses=localhost -c fsync=off \
			-c shared_preload_libraries=citus -c max_connections=100 \
			-c citus.shard_count=8 -c wal_level=logical -c citus.node_conninfo=sslmode=disable" start >/dev/null ||
		{ cat "$CTMP/n$i.log"; exit 1; }
done
unset PGHOST PGPORT PGDATABASE
export PGUSER=postgres

# q N SQL: run SQL on node N (0: coordinator), print the rows unaligned.
q() {
	psql -X -q -A -t -h localhost -p "${ports[$1]}" -d postgres -v ON_ERROR_STOP=1 \
		-c "SET statement_timeout = '120s'" -c "$2" 2>&1
}
# qerr N SQL: the error of SQL, one line.
qerr() {
	psql -X -q -A -t -h localhost -p "${ports[$1]}" -d postgres -c "$2" 2>&1 |
		sed -n 's/^ERROR: *//p' | head -1
}
ms() { echo $(( $(date +%s%N) / 1000000 )); }

passed=0
failed=0

q 1 "CREATE EXTENSION citus" >/dev/null
q 2 "CREATE EXTENSION citus" >/dev/null
q 0 "CREATE EXTENSION citus;
	SELECT citus_set_coordinator_host('localhost', ${ports[0]});
	SELECT citus_add_node('localhost', ${ports[1]});
	SELECT citus_add_node('localhost', ${ports[2]});" | grep -i error
expect "citus: two workers" "$(q 0 "SELECT count(*) FROM citus_get_active_worker_nodes()")" 2
echo "  $(q 0 "SELECT 'Citus ' || extversion FROM pg_extension WHERE extname = 'citus'")" \
	"on PostgreSQL $(q 0 "SHOW server_version")"
q 0 "CREATE EXTENSION bounce" >/dev/null
expect "CREATE EXTENSION bounce reaches the workers" \
	"$(q 1 "SELECT extversion FROM pg_extension WHERE extname = 'bounce'")" \
	"$(q 0 "SELECT extversion FROM pg_extension WHERE extname = 'bounce'")"

# 1. Tracking in a database with Citus: Citus's relcache callbacks and ours
#    fit in every backend (a new psql each time: new backends).
q 0 "CREATE TABLE ev_plain (email text, type text, campaign bigint, at timestamptz, diag text);
	SELECT bounce.track_events('ev_plain', 'email', 'type', 'campaign', 'at', diagnostic => 'diag');" >/dev/null
q 0 "INSERT INTO ev_plain SELECT 'plain@example.org', 'bounce', c, now(), '550 5.1.1 User unknown'
	FROM generate_series(1, 3) c" >/dev/null
expect "a tracked insert on a plain table, Citus loaded" \
	"$(q 0 "SELECT status FROM bounce.address_state WHERE address = 'plain@example.org'")" confirmed

# 2. Aggregates on a distributed table against a local copy.
q 0 "SELECT setseed(0.5);
	CREATE TABLE msgs_local AS
	SELECT (random() * 20)::int8 AS account_id, (random() * 50)::int8 AS campaign_id,
	       (ARRAY[NULL, 'none', 'hard', 'soft', 'block', 'undetermined'])[1 + (random() * 5)::int]::bounce.kind AS kind
	FROM generate_series(1, 50000);
	CREATE TABLE msgs (LIKE msgs_local);
	SELECT create_distributed_table('msgs', 'account_id');
	INSERT INTO msgs SELECT * FROM msgs_local;" >/dev/null
for g in account_id campaign_id; do
	sql="SELECT string_agg(concat_ws(' ', k, t, bounce.rate(t), bounce.rate(t, 'hard'), bounce.tier(t), bounce.health(t)), ',' ORDER BY k)
		FROM (SELECT $g AS k, bounce.tally(kind) AS t FROM TABLE GROUP BY $g) s"
	dist=$(q 0 "${sql//TABLE/msgs}")
	expect "tally grouped by $g: distributed = local" "$dist" "$(q 0 "${sql//TABLE/msgs_local}")"
done
sql="SELECT bounce.tally(t) FROM (SELECT campaign_id, bounce.tally(kind) t FROM TABLE GROUP BY 1) s"
expect "tally of tallies: distributed = local" "$(q 0 "${sql//TABLE/msgs}")" "$(q 0 "${sql//TABLE/msgs_local}")"
expect "tally grouped by the distribution column runs on the workers" \
	"$(q 0 "EXPLAIN (COSTS OFF) SELECT account_id, bounce.tally(kind) FROM msgs GROUP BY 1" |
		grep -c 'Task Count: 8')" 1

# 3. Configuration as reference tables; changes made on the coordinator.
q 0 "CREATE TABLE bounces (account_id int8, diag text);
	SELECT create_distributed_table('bounces', 'account_id');
	INSERT INTO bounces SELECT a, CASE WHEN a % 3 = 0 THEN '550 5.7.1 zqx frobnicated by the gateway'
		ELSE '550 5.1.1 No such user' END FROM generate_series(1, 60) a;
	CREATE TABLE bounces_local AS SELECT * FROM bounces;" >/dev/null
t0=$(ms)
out=$(PGOPTIONS="-c client_min_messages=warning" q 0 "SELECT bounce.distribute_config()")
expect "bounce.distribute_config(): no deadlock" "$out" "{rule,reason_kind,policy,domain_mx}"
echo "  distribute_config took $(( $(ms) - t0 )) ms"
expect "policy: the default row after distributing" \
	"$(q 0 "SELECT count(*) FROM bounce.policy WHERE tenant = ''")" 1
q 0 "INSERT INTO bounce.rule (pattern, reason, priority) VALUES ('zqx frobnicated', 'virus_detected', 5)" >/dev/null
sql="SELECT string_agg(r::text || ':' || n, ',' ORDER BY r) FROM
	(SELECT bounce.reason_for(diag) r, count(*) n FROM TABLE GROUP BY 1) s"
expect "a rule added on the coordinator, in a distributed query" \
	"$(q 0 "${sql//TABLE/bounces}")" "user_unknown:40,virus_detected:20"
expect "the same on the worker's shards as on one node" \
	"$(q 0 "${sql//TABLE/bounces}")" "$(q 0 "${sql//TABLE/bounces_local}")"
q 0 "INSERT INTO bounce.reason_kind (tenant, reason, kind) VALUES (NULL, 'virus_detected', 'soft')" >/dev/null
sql="SELECT string_agg(k::text || ':' || n, ',' ORDER BY k) FROM
	(SELECT bounce.kind_for(diag) k, count(*) n FROM bounces GROUP BY 1) s"
expect "a reason -> kind row added on the coordinator, in a distributed query" \
	"$(q 0 "$sql")" "hard:40,soft:20"
q 0 "DELETE FROM bounce.rule; DELETE FROM bounce.reason_kind" >/dev/null
sql="SELECT string_agg(r::text || ':' || n, ',' ORDER BY r) FROM
	(SELECT bounce.reason_for(diag) r, count(*) n FROM bounces GROUP BY 1) s"
expect "the rule deleted on the coordinator, gone on the workers" \
	"$(q 0 "$sql")" "user_unknown:40,security_error:20"

# 4. Events distributed by tenant, then tracked as on one node: the
#    tracking trigger on the shards queues the events next to them, and
#    bounce.apply_queued() applies them to the state on the coordinator.
q 0 "CREATE TABLE events (account_id bigint, email text, campaign_id bigint, type text,
		smtp_code int, smtp_status text, diagnostic text, occurred_at timestamptz);
	CREATE INDEX ON events (account_id, bounce.address_key(email));
	SELECT create_distributed_table('events', 'account_id');" >/dev/null
out=$(q 0 "SELECT bounce.track_events('events', 'email', 'type', 'campaign_id', 'occurred_at',
		diagnostic => 'diagnostic', status => 'smtp_status', reply_code => 'smtp_code',
		tenant => 'account_id')")
expect "track_events() on a distributed table says where the events are queued" \
	"$(echo "$out" | grep -c 'the events of public.events are queued on its shards in public.events_bounce_queue')" 1
# (Citus keeps a TRUNCATE trigger on the coordinator's table only)
expect "its tracking and archiving triggers are on, on every shard" \
	"$(q 0 "SELECT count(*) FROM run_command_on_shards('events',
		\$\$SELECT string_agg(tgname || tgenabled::text, ',' ORDER BY tgname) FROM pg_trigger
		  WHERE tgrelid = '%s'::regclass AND tgname LIKE 'bounce_track%%'\$\$)
		WHERE result ~ '^bounce_track_[0-9]+O,bounce_track_purge_[0-9]+O$'")" 8
expect "the queue is co-located with the events, of their mapped columns" \
	"$(q 0 "SELECT ((SELECT colocationid FROM pg_dist_partition WHERE logicalrelid = 'events_bounce_queue'::regclass)
		= (SELECT colocationid FROM pg_dist_partition WHERE logicalrelid = 'events'::regclass))
		|| ' ' || (SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute
		WHERE attrelid = 'events_bounce_queue'::regclass AND attnum > 0)")" \
	"true account_id,email,campaign_id,type,smtp_code,smtp_status,diagnostic,occurred_at"
expect "citus.enable_unsafe_triggers is as it was after it" \
	"$(q 0 "BEGIN; SELECT bounce.track_events('events', 'email', 'type', 'campaign_id', 'occurred_at',
		trigger_name => 'second') IS NOT NULL; SHOW citus.enable_unsafe_triggers; ROLLBACK" | tail -1)" off
q 0 "INSERT INTO events VALUES (1, 'queued@example.net', 1, 'sent', NULL, NULL, NULL, '2026-01-01 00:00')" >/dev/null
expect "an insert is queued on the worker, not applied yet" \
	"$(q 0 "SELECT (SELECT count(*) FROM events_bounce_queue) || ' '
		|| (SELECT count(*) FROM bounce.address_state WHERE address = 'queued@example.net')")" "1 0"
err=$(qerr 0 "INSERT INTO events VALUES (1, 'queued@example.net', 1, 'no-such-event', NULL, NULL, NULL, now())")
expect "a row the trigger would refuse fails the insert on the shard" \
	"$(echo "$err" | grep -c 'no-such-event')" 1
expect "apply_queued() applies it on the coordinator, and empties the queue" \
	"$(q 0 "SELECT bounce.apply_queued('events');
		SELECT (SELECT count(*) FROM events_bounce_queue) || ' '
		|| (SELECT status || ' ' || last_sent_at FROM bounce.address_state WHERE address = 'queued@example.net')" |
		tr '\n' ' ' | sed 's/ $//')" \
	"1 0 active 2026-01-01 00:00:00+00"
err=$(qerr 1 "SELECT bounce.apply_queued('events')")
expect "apply_queued() on a worker is refused" "$(echo "$err" | grep -c 'does not run on a Citus worker')" 1
err=$(qerr 0 "SELECT bounce.apply_queued('ev_plain')")
expect "apply_queued() of a table without a queue says so" "$(echo "$err" | grep -c 'has no event queue')" 1
# a tracking trigger made by hand on a distributed table without a queue
q 0 "CREATE TABLE trap (account_id bigint, email text, type text, at timestamptz);
	SELECT create_distributed_table('trap', 'account_id');" >/dev/null
PGOPTIONS="-c citus.enable_unsafe_triggers=on" q 0 "CREATE TRIGGER trap_track AFTER INSERT ON trap
	FOR EACH ROW EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=at', 'tenant=account_id')"
err=$(qerr 0 "INSERT INTO trap VALUES (1, 'trap@example.net', 'sent', now())")
expect "the tracking trigger on a shard of a table without a queue is refused" \
	"$(echo "$err" | grep -c 'does not keep the state of a Citus shard')" 1
echo "  $err"

load() {	# load FILE: COPY a TSV of test/citus/model.py into events
	q 0 "\\copy events FROM '$1'" >/dev/null
}
export_events() {	# export_events FILE: the events as the model reads them
	q 0 "COPY (SELECT account_id, email, campaign_id, type,
			bounce.kind_for(diagnostic, smtp_code, smtp_status::bounce.smtp_status),
			extract(epoch FROM occurred_at) FROM events) TO STDOUT" > "$1"
}
compare_model() {	# compare_model NAME: the state against the model of events.tsv
	local out
	q 0 "COPY (SELECT tenant, address, status, suppression_reason, hard_streak, soft_streak
			FROM bounce.address_state WHERE tenant <> '') TO STDOUT" > "$CTMP/state.tsv"
	out=$(python3 test/citus/model.py check "$CTMP/events.tsv" "$CTMP/state.tsv")
	echo "$out" | grep FAILED | head -10
	expect "$1: state = model ($(echo "$out" | tail -1))" \
		"$(echo "$out" | tail -1 | sed 's/^[0-9]* passed, //')" "0 failed"
}
check_model() {	# check_model NAME [EVENTS]: the queue applied, then a rebuild,
	# each compared with the model of EVENTS (default: the events table now)
	local applied
	if [ -n "${2:-}" ]; then cp "$2" "$CTMP/events.tsv"; else export_events "$CTMP/events.tsv"; fi
	applied=$(q 0 "SELECT bounce.apply_queued('events')")
	compare_model "$1, $applied queued events applied"
	q 0 "SELECT bounce.rebuild('events')" >/dev/null
	compare_model "$1, rebuilt"
}
python3 test/citus/model.py gen 11 6 12 40 > "$CTMP/h1.tsv"
python3 test/citus/model.py gen 12 6 12 10 > "$CTMP/h2.tsv"
python3 test/citus/model.py gen 13 6 12 5 > "$CTMP/h2b.tsv"
chmod 644 "$CTMP"/h*.tsv
n1=$(wc -l < "$CTMP/h1.tsv")
t0=$(ms)
load "$CTMP/h1.tsv"
t_copy=$(( $(ms) - t0 ))
t0=$(ms)
check_model "randomized histories, 6 tenants, $n1 events"
t_check=$(( $(ms) - t0 ))
sql="SELECT count(*) || ' ' || md5(string_agg(concat_ws(' ', tenant, address, status, suppression_reason,
	hard_streak, soft_streak, hard_campaigns, soft_campaigns), ',' ORDER BY tenant, address)) FROM bounce.address_state"
before=$(q 0 "$sql")
q 0 "DELETE FROM bounce.address_state WHERE tenant <> ''" >/dev/null
q 0 "SELECT bounce.rebuild()" >/dev/null
expect "rebuild() of every source replays the distributed table too ($before)" "$(q 0 "$sql")" "$before"
expect "the views on the coordinator agree with the state" \
	"$(q 0 "SELECT (SELECT count(*) FROM bounce.confirmed_addresses) + (SELECT count(*) FROM bounce.active_addresses)
		+ (SELECT count(*) FROM bounce.suppressed_addresses)")" \
	"$(q 0 "SELECT count(*) FROM bounce.address_state")"
expect "sendable() on the coordinator follows the state" \
	"$(q 0 "SELECT count(*) FILTER (WHERE bounce.sendable(address, tenant) <> (status = 'active'
		AND NOT EXISTS (SELECT FROM bounce.suppression p WHERE p.tenant = s.tenant AND p.address = s.address)))
		FROM bounce.address_state s")" 0
q 0 "CREATE TABLE contacts AS SELECT DISTINCT account_id, lower(email) AS email FROM events;
	CREATE TABLE contacts_local AS SELECT * FROM contacts;
	SELECT create_distributed_table('contacts', 'account_id');" >/dev/null
# sendable() inside a query that Citus pushes down would run on the workers
# (their state tables are empty): it refuses to, and a send query on a
# distributed list anti-joins the coordinator's bounce.unsendable_addresses
# instead.
err=$(qerr 0 "SELECT count(*) FROM contacts WHERE bounce.sendable(email, account_id::text)")
expect "sendable() pushed down to the workers is refused" \
	"$(echo "$err" | grep -c 'does not run on a Citus worker')" 1
sql="SELECT count(*) FROM TABLE c WHERE NOT EXISTS (SELECT FROM bounce.unsendable_addresses u
	WHERE u.tenant = c.account_id::text AND u.address = bounce.address_key(c.email))"
expect "a send query on a distributed list = sendable() on one node" \
	"$(q 0 "${sql//TABLE/contacts}")" \
	"$(q 0 "SELECT count(*) FROM contacts_local WHERE bounce.sendable(email, account_id::text)")"
err=$(qerr 1 "SELECT bounce.rebuild('events')")
expect "rebuild() on a worker is refused" "$(echo "$err" | grep -c 'runs on the Citus coordinator')" 1

# The other functions of the state, pushed down to the workers, and the
# guards fired on a shard, would read the workers' empty state (every
# address sendable and unprotected) or write state nobody reads: refused.
for f in "bounce.protected_until(email, account_id::text)" \
	"bounce.confirm_opt_in(email, '{\"token\": 1}', account_id::text)" \
	"bounce.remove_confirmed(email, account_id::text)" \
	"bounce.note_invalid(email, account_id::text)"; do
	err=$(qerr 0 "SELECT count(*) FROM contacts WHERE $f IS NOT NULL")
	expect "${f%%(*}() pushed down to the workers is refused" \
		"$(echo "$err" | grep -c "${f%%(*}() does not run on a Citus worker")" 1
done
# (one statement per call: Citus sends a trigger's DDL with its query text)
q 0 "CREATE TABLE guarded (account_id bigint, email text);
	SELECT create_distributed_table('guarded', 'account_id');" >/dev/null
PGOPTIONS="-c citus.enable_unsafe_triggers=on" q 0 "CREATE CONSTRAINT TRIGGER guarded_recent
	AFTER DELETE OR UPDATE ON guarded
	FOR EACH ROW EXECUTE FUNCTION bounce.protect_recent('address=email', 'tenant=account_id')"
PGOPTIONS="-c citus.enable_unsafe_triggers=on" q 0 "CREATE TRIGGER guarded_suppressed
	BEFORE INSERT OR UPDATE ON guarded
	FOR EACH ROW EXECUTE FUNCTION bounce.refuse_suppressed('address=email', 'tenant=account_id')"
err=$(qerr 0 "INSERT INTO guarded VALUES (1, 'guarded@example.net')")
echo "  $err"
expect "refuse_suppressed() on a shard is refused" \
	"$(echo "$err" | grep -c 'refuse_suppressed() does not guard a Citus shard')" 1
PGOPTIONS="-c citus.enable_unsafe_triggers=on" q 0 "ALTER TABLE guarded DISABLE TRIGGER guarded_suppressed"
q 0 "INSERT INTO guarded VALUES (1, 'guarded@example.net')"
err=$(qerr 0 "DELETE FROM guarded")
echo "  $err"
expect "protect_recent() on a shard is refused" \
	"$(echo "$err" | grep -c 'protect_recent() does not guard a Citus shard')" 1

# clean_list() on a distributed list, against the same list on one node:
# every category, invalid addresses among them, and a tenant whose window
# protects its addresses (kept), dry run first.
q 0 "CREATE TABLE list_local AS SELECT account_id, email FROM contacts_local
		UNION ALL SELECT 2, 'no-at-sign.example.net' UNION ALL SELECT 4, 'someone@gmial.com';
	CREATE TABLE list AS SELECT * FROM list_local;
	SELECT create_distributed_table('list', 'account_id');
	INSERT INTO bounce.policy (tenant, recent_send_window) VALUES ('5', '100 years');" >/dev/null
for run in "dry_run => true" "dry_run => false"; do
	sql="SELECT string_agg(concat_ws(' ', action, category, reason, count), ',' ORDER BY action, category)
		FROM bounce.clean_list('TABLE', 'email', 'account_id', '{confirmed,hard,soft,suppressed,invalid}', $run)"
	out=$(q 0 "${sql//TABLE/list}")
	expect "clean_list($run) on a distributed list = on one node" "$out" "$(q 0 "${sql//TABLE/list_local}")"
	echo "  $out" | cut -c1-200
done
sql="SELECT count(*) || ' ' || md5(string_agg(account_id || ' ' || email, ',' ORDER BY account_id, email)) FROM TABLE"
expect "the rows it keeps are the same" "$(q 0 "${sql//TABLE/list}")" "$(q 0 "${sql//TABLE/list_local}")"
q 0 "DELETE FROM bounce.policy WHERE tenant = '5'" >/dev/null

# The delete restriction on the coordinator reads bounce.policy where
# Citus keeps its rows (the reference table's placement): a window set
# there applies at once.
q 0 "INSERT INTO bounce.policy (tenant, recent_send_window) VALUES ('3', '100 years')" >/dev/null
sql="SELECT count(*) FILTER (WHERE bounce.protected_until(address, tenant) = last_sent_at + interval '100 years')
	|| '/' || count(*) FROM bounce.address_state WHERE tenant = '3' AND last_sent_at IS NOT NULL"
out=$(q 0 "$sql")
expect "a recent_send_window set on the coordinator protects there ($out)" \
	"$([ "${out#*/}" -gt 0 ] && echo "${out%/*}")" "${out#*/}"
q 0 "DELETE FROM bounce.policy WHERE tenant = '3'" >/dev/null
expect "the window gone with the row" \
	"$(q 0 "SELECT count(bounce.protected_until(address, tenant)) FROM bounce.address_state
		WHERE tenant = '3' AND last_sent_at < now() - interval '8 days'")" 0

# 5. Events queued, a shard move, more events.
load "$CTMP/h2.tsv"
queued=$(q 0 "SELECT count(*) FROM events_bounce_queue WHERE account_id = 3")
shard=$(q 0 "SELECT get_shard_id_for_distribution_column('events', 3)")
from=$(q 0 "SELECT nodeport FROM citus_shards WHERE shardid = $shard")
to=${ports[1]}; [ "$from" = "${ports[1]}" ] && to=${ports[2]}
q 0 "SELECT citus_move_shard_placement($shard, 'localhost', $from, 'localhost', $to,
	shard_transfer_mode => 'block_writes')" >/dev/null
expect "shard of tenant 3 moved" "$(q 0 "SELECT nodeport FROM citus_shards WHERE shardid = $shard")" "$to"
expect "its queue's shard moved with it, the $queued events queued there too" \
	"$(q 0 "SELECT nodeport || ' ' || (SELECT count(*) FROM events_bounce_queue WHERE account_id = 3)
		FROM citus_shards WHERE shardid = get_shard_id_for_distribution_column('events_bounce_queue', 3)")" \
	"$to $queued"
load "$CTMP/h2b.tsv"
check_model "after the shard move and more events"

# Events inserted while apply_queued() runs: each is applied once, by the
# run that takes it or by a later one (four loaders, a COPY of 20 rows at
# a time each, and the coordinator applying meanwhile).
python3 test/citus/model.py gen 14 6 12 8 > "$CTMP/h4.tsv"
chmod 644 "$CTMP/h4.tsv"
before_h4=$(q 0 "SELECT count(*) FROM events")
split -n l/4 -d "$CTMP/h4.tsv" "$CTMP/h4part."
chmod 644 "$CTMP"/h4part.*
for f in "$CTMP"/h4part.*; do
	split -l 20 --filter="psql -X -q -h localhost -p ${ports[0]} -d postgres -c '\\copy events FROM STDIN' >/dev/null" "$f" &
done
runs=0
while [ "$(jobs -r | wc -l)" -gt 0 ]; do
	q 0 "SELECT bounce.apply_queued('events')" >/dev/null
	runs=$((runs + 1))
done
wait
expect "the four sessions loaded their $(wc -l < "$CTMP/h4.tsv") events" \
	"$(( $(q 0 "SELECT count(*) FROM events") - before_h4 ))" "$(wc -l < "$CTMP/h4.tsv")"
check_model "events loaded while apply_queued() ran ($runs runs meanwhile)"
sql="SELECT string_agg(account_id || ' ' || t, ',' ORDER BY account_id) FROM
	(SELECT account_id, bounce.tally(CASE WHEN type = 'sent' THEN 'none'::bounce.kind
		WHEN type = 'bounce' THEN bounce.kind_for(diagnostic) END) t FROM TABLE
	 WHERE type IN ('sent', 'bounce') GROUP BY 1) s"
q 0 "CREATE TABLE events_local AS SELECT * FROM events" >/dev/null
expect "tallies after the move: distributed = local" "$(q 0 "${sql//TABLE/events}")" "$(q 0 "${sql//TABLE/events_local}")"
q 0 "INSERT INTO bounce.rule (pattern, reason) VALUES ('temporarily unavailable', 'greylisted')" >/dev/null
expect "a rule reaches the moved shard" \
	"$(q 0 "SELECT DISTINCT bounce.reason_for(diagnostic) FROM events WHERE account_id = 3 AND smtp_code = 450")" greylisted
q 0 "DELETE FROM bounce.rule" >/dev/null

# A retention purge: a DELETE or TRUNCATE fires the archiving trigger on the
# shards, where the archive is not the one rebuild() reads: refused, naming
# bounce.purge_events(), which archives on the coordinator.  The state
# rebuilt after the purge is the state of the whole history.
err=$(qerr 0 "DELETE FROM events WHERE occurred_at < '2026-01-01 12:00'")
expect "a DELETE on the distributed events table is refused" \
	"$(echo "$err" | grep -c 'cannot be archived there')" 1
echo "  $err"
expect "a TRUNCATE is archived on the coordinator" \
	"$(q 0 "BEGIN; TRUNCATE events; SELECT count(*) FROM bounce.event_archive; ROLLBACK")" \
	"$(q 0 "SELECT count(*) FROM events")"
export_events "$CTMP/whole.tsv"
purged=$(q 0 "SELECT bounce.purge_events('events', '2026-01-01 12:00')")
expect "purge_events() on the coordinator: purged = archived ($purged)" \
	"$(q 0 "SELECT count(*) FROM bounce.event_archive")" "$([ "${purged:-0}" -gt 0 ] && echo "$purged")"
expect "the archiving triggers are back on, on every shard" \
	"$(q 0 "SELECT count(*) FROM run_command_on_shards('events',
		\$\$SELECT count(*) FROM pg_trigger WHERE tgrelid = '%s'::regclass
		  AND tgname LIKE 'bounce_track_purge%%' AND tgenabled = 'O'\$\$) WHERE result = '1'")" 8
check_model "after the purge: state of the whole history" "$CTMP/whole.tsv"

# A partitioned events table, distributed: the rows inserted through the
# parent land in its partitions' shards, whose triggers queue them in the
# parent's queue (co-located with every partition).
q 0 "CREATE TABLE pevents (account_id bigint, email text, type text, occurred_at timestamptz)
		PARTITION BY RANGE (occurred_at);
	CREATE TABLE pevents_2026 PARTITION OF pevents FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
	CREATE TABLE pevents_2027 PARTITION OF pevents FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
	SELECT create_distributed_table('pevents', 'account_id');" >/dev/null
q 0 "SELECT bounce.track_events('pevents', 'email', 'type', NULL, 'occurred_at', tenant => 'account_id')" >/dev/null
q 0 "INSERT INTO pevents SELECT 900 + g % 3, 'part' || g || '@example.net', 'sent',
		CASE WHEN g % 2 = 0 THEN timestamptz '2026-06-01' ELSE timestamptz '2027-06-01' END
	FROM generate_series(1, 40) g" >/dev/null
expect "a partitioned distributed table: 40 rows queued in the parent's queue, applied" \
	"$(q 0 "SELECT count(*) FROM pevents_bounce_queue;
		SELECT bounce.apply_queued('pevents');
		SELECT count(*) FROM bounce.address_state WHERE tenant IN ('900', '901', '902') AND last_sent_at IS NOT NULL" |
		tr '\n' ' ' | sed 's/ $//')" "40 40 40"

# 6. Cost per event: the same events tracked on one node (trigger) and on
#    Citus (COPY into the distributed table, queued by the trigger on the
#    shards, then applied on the coordinator; or replayed by a rebuild).
q 0 "CREATE TABLE ev1 (LIKE events INCLUDING INDEXES);
	SELECT bounce.track_events('ev1', 'email', 'type', 'campaign_id', 'occurred_at',
		diagnostic => 'diagnostic', status => 'smtp_status', reply_code => 'smtp_code',
		tenant => 'account_id');" >/dev/null
# the same histories as tenants 101-110 on one node, 201-210 on Citus
# (complaints stay on the suppression list: new tenants, not a TRUNCATE)
python3 test/citus/model.py gen 21 10 100 20 > "$CTMP/h3.tsv"
awk -F'\t' -v OFS='\t' '{ $1 += 100; print }' "$CTMP/h3.tsv" > "$CTMP/h3a.tsv"
awk -F'\t' -v OFS='\t' '{ $1 += 200; print }' "$CTMP/h3.tsv" > "$CTMP/h3b.tsv"
chmod 644 "$CTMP"/h3*.tsv
n3=$(wc -l < "$CTMP/h3.tsv")
q 0 "SELECT bounce.purge_events('events', 'infinity')" >/dev/null
state_sig() {	# state_sig BASE: the state of tenants BASE+1..BASE+99, as 1..99
	q 0 "SELECT count(*) || ' ' || md5(string_agg(concat_ws(' ', tenant::int - $1, address, status,
		suppression_reason, hard_streak, soft_streak, hard_campaigns, soft_campaigns, last_event_at),
		',' ORDER BY tenant::int, address)) FROM bounce.address_state
		WHERE tenant IN (SELECT ($1 + g)::text FROM generate_series(1, 99) g)"
}
t0=$(ms); q 0 "\\copy ev1 FROM '$CTMP/h3a.tsv'" >/dev/null; t_one=$(( $(ms) - t0 ))
one_node=$(state_sig 100)
t0=$(ms); q 0 "\\copy events FROM '$CTMP/h3b.tsv'" >/dev/null; t_dcopy=$(( $(ms) - t0 ))
t0=$(ms); q 0 "SELECT bounce.apply_queued('events')" >/dev/null; t_dapply=$(( $(ms) - t0 ))
expect "the state applied from the queue on Citus = the trigger's on one node ($one_node)" \
	"$(state_sig 200)" "$one_node"
t0=$(ms); q 0 "SELECT bounce.rebuild('events')" >/dev/null; t_drebuild=$(( $(ms) - t0 ))
# what keeping the state current costs: a later batch of 1% more events
q 0 "INSERT INTO events SELECT account_id, email, campaign_id, 'sent', NULL, NULL, NULL,
		occurred_at + interval '30 days' FROM events ORDER BY md5(email || occurred_at) LIMIT $((n3 / 100))" >/dev/null
t0=$(ms); q 0 "SELECT bounce.apply_queued('events')" >/dev/null; t_dapply_later=$(( $(ms) - t0 ))
applied_sig=$(state_sig 200)
t0=$(ms); q 0 "SELECT bounce.rebuild('events')" >/dev/null; t_drebuild_later=$(( $(ms) - t0 ))
expect "a later batch applied from the queue = the whole history rebuilt ($applied_sig)" \
	"$(state_sig 200)" "$applied_sig"
t0=$(ms); q 0 "SELECT bounce.rebuild('ev1')" >/dev/null; t_rebuild1=$(( $(ms) - t0 ))
echo "cost per event, $n3 events of 1000 addresses (us per event):"
echo "  one node, COPY with the tracking trigger:      $(( t_one * 1000 / n3 ))"
echo "  one node, rebuild():                           $(( t_rebuild1 * 1000 / n3 ))"
echo "  Citus, COPY into the distributed table (queued): $(( t_dcopy * 1000 / n3 ))"
echo "  Citus, apply_queued() on the coordinator:      $(( t_dapply * 1000 / n3 ))"
echo "  Citus, rebuild() on the coordinator:           $(( t_drebuild * 1000 / n3 ))"
echo "  Citus path (COPY + apply_queued) / one node (COPY with trigger): $(awk -v a="$((t_dcopy + t_dapply))" -v b="$t_one" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 1) }')"
echo "  Citus path (COPY + rebuild) / one node (COPY with trigger):      $(awk -v a="$((t_dcopy + t_drebuild))" -v b="$t_one" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 1) }')"
echo "  a later batch of $((n3 / 100)) events: apply_queued() $t_dapply_later ms, rebuild() $t_drebuild_later ms"
echo "  (histories: $n1 events loaded in $t_copy ms, replayed and modelled in $t_check ms)"

expect_summary
