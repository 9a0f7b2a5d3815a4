#!/bin/bash
# Property test of the attach checks (src/trigger_check.c and the checks of
# bounce.track() and the guards): as a low-privilege role, attach every
# trigger function of the extension to randomly shaped temporary tables --
# random column names (tenant, address, reason, ... among them, with wrong
# types), BEFORE or AFTER, FOR EACH ROW or STATEMENT (with or without
# transition tables), INSERT / UPDATE / DELETE / TRUNCATE, random arguments
# -- and insert, update, delete and truncate random rows.
#
# The properties: the server never crashes (the session survives and
# pg_postmaster_start_time() is unchanged), every error is a clean one of
# an expected SQLSTATE class (22 data, 23 integrity, 39 trigger protocol,
# 42 syntax or access, 0A not supported), none is XX (internal: "invalid
# attnum", "cache lookup failed"), and the role is still itself after each
# error (no leaked user switch).  The role has EXECUTE on every trigger
# function (as if a DBA granted too much): the functions' own checks are
# what is tested, not the REVOKEs.
#
#   FUZZ_ITER=2000 FUZZ_SEED=0.42 bash test/check-trigger-fuzz.sh
#
# On the build before the checks (commit 2d8ca1f) the default run fails
# with XX000 "invalid attnum" from bounce.suppression_audited(), and
# FUZZ_ITER=800 FUZZ_SEED=0.1 kills the server with signal 11.
#
# Uses the cluster of test/run.sh (PGHOST/PGPORT exported) or starts its own.
set -u
. "$(dirname "$0")/lib.sh"
cd "$BOUNCE_ROOT"

use_or_start_cluster

ITER=${FUZZ_ITER:-500}
SEED=${FUZZ_SEED:-0.20261202}
DB=bounce_trigger_fuzz
create_bounce_db "$DB"

q() {
	psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$DB" "$@"
}

started=$(q -c "SELECT pg_postmaster_start_time()")
q >/dev/null <<'SQL' || exit 1
SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_trigger_fuzz;
CREATE ROLE regress_trigger_fuzz;
GRANT USAGE ON SCHEMA bounce TO regress_trigger_fuzz;
GRANT TEMP ON DATABASE bounce_trigger_fuzz TO regress_trigger_fuzz;
DO $$
DECLARE f regprocedure;
BEGIN
	FOR f IN SELECT p.oid FROM pg_proc p
			 WHERE p.pronamespace = 'bounce'::regnamespace AND p.prorettype = 'trigger'::regtype LOOP
		EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO regress_trigger_fuzz', f);
	END LOOP;
END $$;
SQL

out=$(q -v iter="$ITER" -v seed="$SEED" 2>&1 <<'SQL'
SET client_min_messages = warning;
SET ROLE regress_trigger_fuzz;
SELECT setseed(:seed);
CREATE TEMP TABLE fuzz_outcome (what text, sqlstate text, n int, example text,
	PRIMARY KEY (what, sqlstate));
CREATE TEMP TABLE fuzz_iter AS SELECT :iter::int AS n;
DO $fuzz$
DECLARE
	funcs text[] := ARRAY(SELECT p.proname::text FROM pg_proc p
						  WHERE p.pronamespace = 'bounce'::regnamespace
							AND p.prorettype = 'trigger'::regtype ORDER BY 1);
	names text[] := '{tenant,address,reason,email,event,type,time,at,status,campaign,last_sent_at,list,diagnostic,kind,x}';
	types text[] := '{int,bigint,text,varchar,boolean,timestamptz,date,jsonb,bytea,uuid,numeric,"text[]","int[]",bounce.suppression_reason,bounce.address_status,bounce.reason,bounce.kind,bounce.event_type,bounce.smtp_status,bounce.tally}';
	near text[] := '{int,text,bounce.suppression_reason,bounce.address_status,timestamptz}';
	keys text[] := '{address,tenant,event,time,campaign,reason,kind,status,diagnostic,reply_code,command,remote,list,on_suppressed,unknown_event,bogus}';
	texts text[] := ARRAY['a@b.c', 'A@Example.COM', '', 'sent', 'bounce', 'complaint',
						  'open', 'x', repeat('y', 300), '550 5.1.1 user unknown',
						  'not an address', 'skip', 'error', '2024-05-01 10:00+00'];
	iters int := (SELECT n FROM fuzz_iter);
	tbl text;
	ncols int;
	cols text[];
	ctypes text[];
	fn text;
	timing text;
	level text;
	evs text[];
	ddl text;
	args text[];
	vals text[];
	step text;
	st text;
	msg text;
	v text;
	t text;
BEGIN
	FOR i IN 1 .. iters LOOP
		tbl := 'fz' || i;
		cols := '{}';
		ctypes := '{}';
		-- half the tables look like the extension's own: its column names,
		-- often with the wrong types
		IF random() < 0.5 THEN
			FOREACH v IN ARRAY '{tenant,address,reason,status,last_sent_at}'::text[] LOOP
				IF random() < 0.7 THEN
					cols := cols || v;
					ctypes := ctypes || near[1 + floor(random() * array_length(near, 1))::int];
				END IF;
			END LOOP;
		END IF;
		FOR c IN cardinality(cols) + 1 .. cardinality(cols) + 1 + floor(random() * 4)::int LOOP
			v := names[1 + floor(random() * array_length(names, 1))::int];
			IF v = ANY (cols) THEN
				v := v || c;
			END IF;
			cols := cols || v;
			ctypes := ctypes || types[1 + floor(random() * array_length(types, 1))::int];
		END LOOP;
		ncols := cardinality(cols);
		EXECUTE format('CREATE TEMP TABLE %I (%s)', tbl,
			(SELECT string_agg(format('%I %s', cols[k], ctypes[k]), ', ')
			 FROM generate_subscripts(cols, 1) k));

		fn := funcs[1 + floor(random() * array_length(funcs, 1))::int];
		timing := CASE WHEN random() < 0.5 THEN 'BEFORE' ELSE 'AFTER' END;
		level := CASE WHEN random() < 0.5 THEN 'ROW' ELSE 'STATEMENT' END;
		evs := ARRAY(SELECT e FROM unnest('{INSERT,UPDATE,DELETE,TRUNCATE}'::text[]) e
					 WHERE random() < 0.4);
		IF cardinality(evs) = 0 THEN
			evs := '{INSERT}';
		END IF;
		IF level = 'ROW' THEN
			evs := array_remove(evs, 'TRUNCATE');
			IF cardinality(evs) = 0 THEN
				evs := '{DELETE}';
			END IF;
		END IF;
		args := '{}';
		FOR a IN 1 .. floor(random() * 5)::int LOOP
			args := args || format('%s=%s', keys[1 + floor(random() * array_length(keys, 1))::int],
								   CASE WHEN random() < 0.8 THEN cols[1 + floor(random() * ncols)::int]
										ELSE texts[1 + floor(random() * array_length(texts, 1))::int] END);
		END LOOP;
		ddl := format('CREATE TRIGGER t %s %s ON %I %s FOR EACH %s EXECUTE FUNCTION bounce.%I(%s)',
					  timing, array_to_string(evs, ' OR '), tbl,
					  CASE WHEN timing = 'AFTER' AND level = 'STATEMENT' AND random() < 0.6
							AND NOT 'TRUNCATE' = ANY (evs) AND NOT 'DELETE' = ANY (evs)
						   THEN 'REFERENCING NEW TABLE AS nt' ELSE '' END,
					  level, fn,
					  (SELECT coalesce(string_agg(quote_literal(x), ', '), '') FROM unnest(args) x));

		FOR s IN 1 .. 6 LOOP
			step := CASE s WHEN 1 THEN 'attach' WHEN 2 THEN 'insert' WHEN 3 THEN 'insert'
						   WHEN 4 THEN 'update' WHEN 5 THEN 'delete' ELSE 'truncate' END;
			BEGIN
				IF s = 1 THEN
					EXECUTE ddl;
				ELSIF s IN (2, 3) THEN
					vals := '{}';
					FOR k IN 1 .. ncols LOOP
						t := ctypes[k];
						IF random() < 0.15 THEN
							v := 'NULL';
						ELSIF t IN ('int', 'bigint', 'numeric') THEN
							v := (floor(random() * 1000) - 100)::text;
						ELSIF t = 'boolean' THEN
							v := (random() < 0.5)::text;
						ELSIF t IN ('timestamptz', 'date') THEN
							v := quote_literal((timestamptz '2024-05-01' + random() * interval '400 days')::text);
						ELSIF t = 'jsonb' THEN
							v := quote_literal('{"a": 1}');
						ELSIF t = 'bytea' THEN
							v := quote_literal('\x00ff');
						ELSIF t = 'uuid' THEN
							v := quote_literal(gen_random_uuid()::text);
						ELSIF t IN ('text[]', 'int[]') THEN
							v := quote_literal('{}');
						ELSIF t = 'bounce.smtp_status' THEN
							v := quote_literal('5.1.1');
						ELSIF t = 'bounce.tally' THEN
							v := quote_literal('(sent=2,hard=1,soft=0,block=0,undetermined=0)');
						ELSIF t LIKE 'bounce.%' THEN
							EXECUTE format('SELECT (enum_range(NULL::%s))[1 + floor(random() * cardinality(enum_range(NULL::%s)))::int]::text', t, t) INTO v;
							v := quote_literal(v);
						ELSE
							v := quote_literal(texts[1 + floor(random() * array_length(texts, 1))::int]);
						END IF;
						vals := vals || format('%s::%s', v, t);
					END LOOP;
					EXECUTE format('INSERT INTO %I VALUES (%s), (%s)', tbl,
								   array_to_string(vals, ', '), array_to_string(vals, ', '));
				ELSIF s = 4 THEN
					EXECUTE format('UPDATE %I SET %I = %I', tbl, cols[1], cols[1]);
				ELSIF s = 5 THEN
					EXECUTE format('DELETE FROM %I', tbl);
				ELSE
					EXECUTE format('INSERT INTO %I DEFAULT VALUES', tbl);
					EXECUTE format('TRUNCATE %I', tbl);
				END IF;
				st := '00000';
				msg := NULL;
			EXCEPTION WHEN OTHERS THEN
				GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
			END;
			IF current_user <> 'regress_trigger_fuzz' THEN
				RAISE EXCEPTION 'role switched to % after % of %', current_user, step, ddl;
			END IF;
			INSERT INTO fuzz_outcome VALUES (step, st, 1, left(msg || ' [' || ddl || ']', 300))
				ON CONFLICT (what, sqlstate) DO UPDATE SET n = fuzz_outcome.n + 1;
			EXIT WHEN s = 1 AND st <> '00000';
		END LOOP;
		EXECUTE format('DROP TABLE %I', tbl);
	END LOOP;
END
$fuzz$;
SELECT 'outcome', what, sqlstate, n, CASE WHEN left(sqlstate, 2) IN ('00', '22', '23', '39', '42', '0A')
	THEN '' ELSE example END
FROM fuzz_outcome ORDER BY what, sqlstate;
SELECT 'bad', count(*) FROM fuzz_outcome
WHERE left(sqlstate, 2) NOT IN ('00', '22', '23', '39', '42', '0A');
SELECT 'fired', sum(n) FROM fuzz_outcome WHERE what <> 'attach';
SQL
)
rc=$?
now=$(q -c "SELECT pg_postmaster_start_time()" 2>/dev/null)
echo "$out" | sed -n 's/^outcome|/  /p' | tr '|' ' '
ok=1
if [ $rc -ne 0 ]; then
	echo "$out" | tail -5
	echo "FAILED: the fuzz session ended with an error (rc $rc)"
	ok=0
fi
if [ "$now" != "$started" ]; then
	echo "FAILED: the server restarted (postmaster start $started -> ${now:-unreachable})"
	ok=0
fi
bad=$(echo "$out" | sed -n 's/^bad|//p')
if [ "${bad:-1}" != 0 ]; then
	echo "FAILED: $bad unexpected SQLSTATE classes"
	ok=0
fi
fired=$(echo "$out" | sed -n 's/^fired|//p')
up="server up"
[ "$now" != "$started" ] && up="SERVER RESTARTED"
echo "trigger fuzz: $ITER random tables and triggers, ${fired:-0} statements, seed $SEED: $up, ${bad:-?} unexpected errors"

psql -Xq -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
psql -Xq -d postgres -c "DROP ROLE IF EXISTS regress_trigger_fuzz" >/dev/null 2>&1
[ $ok = 1 ]
