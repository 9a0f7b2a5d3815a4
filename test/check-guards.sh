#!/bin/bash
# The guards across sessions (src/guards*.c), which pg_regress's one session
# cannot show:
#   1. a contact deleted under a DEFERRED bounce.protect_recent() trigger is
#      judged at commit on the sends committed by then, also by another
#      session;
#   2. a confirmed bounce deleted under the deferred constraint of
#      bounce.address_state while another session sends to it: the sender
#      waits, the delete is judged at commit, no deadlock;
#   3. bounce.confirm_opt_in() racing a new complaint from bounce.track():
#      they serialize on the address (same lock order), and the complaint,
#      newer than the opt-in, suppresses again;
#   4. a role that may only insert events puts an invalid address on the
#      invalid list (when track.c calls bounce_note_invalid(); skipped
#      before that).
#
# Session A is one long-lived psql (a coprocess); session B a psql per step,
# in the background when it has to wait for A.
# Uses the cluster of test/run.sh (PGHOST/PGPORT exported) or starts its own.
# Exits 0 when every step passes, 1 otherwise.
set -u
. "$(dirname "$0")/lib.sh"
cd "$BOUNCE_ROOT"

use_or_start_cluster

DB=bounce_guards
create_bounce_db "$DB"
session_a_open "$DB"

# q SQL: one query in a new session; prints its output.
q() {
	psql -X -q -A -t -d "$DB" -c "$1" 2>&1
}

# waiting: true when a session of the database waits for a lock.
waiting() {
	[ "$(q "SELECT count(*) FROM pg_stat_activity WHERE datname = '$DB' AND wait_event_type = 'Lock'")" -gt 0 ]
}

q "
CREATE TABLE events (account bigint, email text, campaign text, type text, at timestamptz);
CREATE INDEX ON events (account, lower(email));
CREATE TRIGGER events_track AFTER INSERT ON events FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=at',
								  'campaign=campaign', 'tenant=account');
CREATE TABLE contacts (account bigint, email text);
CREATE INDEX ON contacts (email);
CREATE CONSTRAINT TRIGGER contacts_recent AFTER DELETE OR UPDATE ON contacts
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
	EXECUTE FUNCTION bounce.protect_recent('address=email', 'tenant=account');
INSERT INTO events VALUES (1, 'old@example.com', 'c1', 'sent', now() - interval '30 days');
INSERT INTO contacts VALUES (1, 'old@example.com'), (1, 'other@example.com');
" >/dev/null

# 1. A deletes a contact last emailed 30 days ago; B sends to it and
# commits; A's commit sees the send and refuses.
a "BEGIN; DELETE FROM contacts WHERE email = 'old@example.com';" >/dev/null
q "INSERT INTO events VALUES (1, 'old@example.com', 'c2', 'sent', now())" >/dev/null
out=$(a "COMMIT;")
got=$(printf '%s' "$out" | grep -o 'cannot delete contact "old@example.com"')
expect "deferred delete judged on another session's later send" "$got" 'cannot delete contact "old@example.com"'
expect "the refused contact is still there" "$(q "SELECT count(*) FROM contacts WHERE email = 'old@example.com'")" 1

# the same without the send commits
a "BEGIN; DELETE FROM contacts WHERE email = 'other@example.com';" >/dev/null
expect "deferred delete without a send commits" "$(a "COMMIT; SELECT count(*) FROM contacts WHERE email = 'other@example.com';")" 0

# 2. A deletes a confirmed bounce emailed long ago, deferred; B sends to it
# and waits for A; A's commit passes; B then creates the address anew.
q "INSERT INTO bounce.address_state (tenant, address, status, hard_streak, last_sent_at)
   VALUES ('1', 'confirmed@example.com', 'confirmed', 3, now() - interval '30 days')" >/dev/null
a "BEGIN; SET CONSTRAINTS bounce.address_state_recent_send DEFERRED;
   DELETE FROM bounce.address_state WHERE tenant = '1' AND address = 'confirmed@example.com';" >/dev/null
q "INSERT INTO events VALUES (1, 'confirmed@example.com', 'c3', 'sent', now())" >/tmp/bounce-guards-b.$$ &
b_pid=$!
for _ in $(seq 1 100); do waiting && break; sleep 0.1; done
expect "the sender waits for the deleting transaction" "$(waiting && echo waiting)" waiting
expect "the delete, judged at commit, passes" "$(a "COMMIT;")" ""
wait $b_pid
expect "the send then makes a new active row" \
	"$(q "SELECT status || ' ' || (last_sent_at > now() - interval '1 minute') FROM bounce.address_state WHERE tenant = '1' AND address = 'confirmed@example.com'")" \
	"active true"
rm -f /tmp/bounce-guards-b.$$

# 3. A lifts a complaint by double opt-in; B records a newer complaint
# meanwhile: B waits for A, then suppresses again.
q "INSERT INTO events VALUES (1, 'spam@example.com', 'c4', 'complaint', now() - interval '1 hour')" >/dev/null
a "BEGIN; SELECT bounce.confirm_opt_in('spam@example.com', '{\"token\": \"x\"}', '1');" >/dev/null
q "INSERT INTO events VALUES (1, 'spam@example.com', 'c5', 'complaint', now() + interval '1 second')" >/tmp/bounce-guards-b.$$ 2>&1 &
b_pid=$!
for _ in $(seq 1 100); do waiting && break; sleep 0.1; done
expect "the complaint waits for the opt-in" "$(waiting && echo waiting)" waiting
a "COMMIT;" >/dev/null
wait $b_pid
expect "no error in the complaint's session" "$(cat /tmp/bounce-guards-b.$$)" ""
expect "the newer complaint suppresses again" \
	"$(q "SELECT s.status || ' ' || p.reason FROM bounce.address_state s JOIN bounce.suppression p USING (tenant, address) WHERE tenant = '1' AND address = 'spam@example.com'")" \
	"suppressed complaint"
expect "the opt-in and the new complaint are audited in order" \
	"$(q "SELECT string_agg(action, ',' ORDER BY id) FROM bounce.suppression_audit WHERE tenant = '1' AND address = 'spam@example.com'")" \
	"suppress,unsuppress,suppress"
rm -f /tmp/bounce-guards-b.$$

# 4. The invalid list through bounce.track(), for a role that may only
# insert events.
if grep -q 'bounce_note_invalid' src/track.c; then
	q "CREATE ROLE guards_writer; GRANT INSERT ON events TO guards_writer;" >/dev/null
	psql -X -q -d "$DB" -c "SET ROLE guards_writer; INSERT INTO events VALUES (1, 'Bob@Gmail.con', 'c6', 'sent', now()), (1, 'bad@@example.com', 'c6', 'sent', now())" >/dev/null 2>&1
	expect "invalid addresses listed, not tracked" \
		"$(q "SELECT string_agg(i.address || ':' || i.problem || ':' || coalesce(i.suggestion, '-') || ':' || (s.address IS NOT NULL), ' ' ORDER BY i.address) FROM bounce.invalid_address i LEFT JOIN bounce.address_state s USING (tenant, address) WHERE i.tenant = '1'")" \
		"bad@@example.com:syntax:-:false bob@gmail.con:typo:bob@gmail.com:false"
	expect "and suppressed, audited as the writer" \
		"$(q "SELECT string_agg(p.reason || ':' || a.who, ' ') FROM bounce.suppression p JOIN bounce.suppression_audit a USING (tenant, address) WHERE p.tenant = '1' AND p.address = 'bob@gmail.con'")" \
		"invalid:guards_writer"
else
	echo "skip    the invalid list through bounce.track(): track.c does not call bounce_note_invalid() yet"
fi

session_a_close
psql -Xq -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
psql -Xq -d postgres -c "DROP ROLE IF EXISTS guards_writer" >/dev/null 2>&1

expect_summary
