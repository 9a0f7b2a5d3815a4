#!/bin/bash
# Cross-session visibility of the sender's rules (bounce.rule) and reason ->
# kind map (bounce.reason_kind): every backend caches both tables, and a
# change committed in session B must be seen by session A's next
# transaction, without reconnecting.  pg_regress runs one session, hence
# this script: session A is one long-lived psql (a coprocess), session B a
# psql per step.
#
# Uses the cluster of test/run.sh (PGHOST/PGPORT exported) or starts its own.
# Exits 0 when every step passes, 1 otherwise.
set -u
. "$(dirname "$0")/lib.sh"
cd "$BOUNCE_ROOT"

use_or_start_cluster

DB=bounce_rules_cache
create_bounce_db "$DB"
session_a_open "$DB"

# b SQL: run SQL in a new session B, committed when it returns.
b() {
	psql -X -q -A -t -d "$DB" -v ON_ERROR_STOP=1 -c "$1" >/dev/null
}

DIAG="'550 5.7.1 xyzzy gateway said no'"
Q="SELECT bounce.reason_for($DIAG);"
QT="SELECT bounce.reason_for($DIAG, tenant => 'acme');"
QK="SELECT bounce.kind_for($DIAG);"

builtin=$(a "$Q")
[ -n "$builtin" ] && [ "$builtin" != "spam_detected" ] ||
	{ echo "unexpected built-in verdict '$builtin'"; exit 1; }
expect "A loads the empty cache" "$builtin" "$builtin"

b "INSERT INTO bounce.rule (pattern, reason) VALUES ('xyzzy', 'spam_detected')"
expect "A sees B's committed INSERT" "$(a "$Q")" "spam_detected"

b "UPDATE bounce.rule SET reason = 'virus_detected'"
expect "A sees B's committed UPDATE" "$(a "$Q")" "virus_detected"

# B's change is not seen before B commits: B holds its transaction open
# (a psql reading a FIFO) while A classifies.
fifo=$(mktemp -u "${TMPDIR:-/tmp}/bounce-cache-b.XXXXXX")
mkfifo "$fifo"
psql -X -q -A -t -d "$DB" <"$fifo" >"$fifo.out" 2>&1 &
b_pid=$!
exec 7>"$fifo"
# b_open SQL: send SQL to the open session B and wait until it has run.
b_open() {
	local mark="__b_${RANDOM}__"
	printf '%s\n\\echo %s\n' "$1" "$mark" >&7
	for _ in $(seq 300); do
		grep -q "$mark" "$fifo.out" 2>/dev/null && return 0
		sleep 0.1
	done
	echo "session B did not answer"; return 1
}
b_open "BEGIN; DELETE FROM bounce.rule;"
expect "A does not see B's uncommitted DELETE" "$(a "$Q")" "virus_detected"
b_open "COMMIT;"
expect "A sees B's DELETE once committed" "$(a "$Q")" "$builtin"
exec 7>&-
wait "$b_pid"
rm -f "$fifo" "$fifo.out"

b "INSERT INTO bounce.rule (tenant, pattern, reason) VALUES ('acme', 'xyzzy', 'blocked')"
expect "A sees B's tenant rule for that tenant" "$(a "$QT")" "blocked"
expect "A does not apply it to other tenants" "$(a "$Q")" "$builtin"

b "TRUNCATE bounce.rule"
expect "A sees B's TRUNCATE" "$(a "$QT")" "$builtin"

kind=$(a "$QK")
b "INSERT INTO bounce.reason_kind (reason, kind) VALUES ('$builtin', 'undetermined')"
expect "A sees B's reason_kind row" "$(a "$QK")" "undetermined"
b "DELETE FROM bounce.reason_kind"
expect "A sees B's reason_kind delete" "$(a "$QK")" "$kind"

# A change committed while A is inside a transaction is seen by A's next
# transaction at the latest (inside, only once A takes a new lock).
a "BEGIN;" >/dev/null
a "$Q" >/dev/null
b "INSERT INTO bounce.rule (pattern, reason) VALUES ('xyzzy', 'spam_detected')"
a "$Q" >/dev/null
a "COMMIT;" >/dev/null
expect "A sees B's change in its next transaction" "$(a "$Q")" "spam_detected"

# The cache is reloaded with a fresh snapshot, not the transaction's: A
# starts a REPEATABLE READ transaction, B commits, A takes a new lock (which
# reads B's invalidation) and reloads inside the transaction.  Reloading with
# the transaction's snapshot would cache the rule as it was and keep it as
# valid after the transaction.
b "CREATE TABLE probe (x int)"
a "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT 1;" >/dev/null
b "UPDATE bounce.rule SET reason = 'policy_violation'"
a "SELECT count(*) FROM probe;" >/dev/null
a "$Q" >/dev/null
a "COMMIT;" >/dev/null
expect "A sees B's change after reloading in a repeatable read transaction" "$(a "$Q")" "policy_violation"
b "DELETE FROM bounce.rule"

# DROP EXTENSION and CREATE EXTENSION by B: A finds the new tables and enums.
b "DROP EXTENSION bounce; CREATE EXTENSION bounce"
expect "A classifies after B re-creates the extension" "$(a "$Q")" "$builtin"
b "INSERT INTO bounce.rule (pattern, reason) VALUES ('xyzzy', 'rejected')"
expect "A sees a rule in the re-created table" "$(a "$Q")" "rejected"

session_a_close
psql -Xq -d postgres -c "DROP DATABASE $DB" >/dev/null 2>&1

expect_summary
