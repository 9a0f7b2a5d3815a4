-- rules: the sender's classification rules (bounce.rule) and reason -> kind
-- map (bounce.reason_kind), and the per-session cache that serves them.
\pset null '(null)'

-- Both tables (and the rule id sequence) are configuration: pg_dump dumps
-- their rows with the database.
SELECT c.oid::regclass AS config, c.cond AS condition
FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS c(oid, cond)
WHERE e.extname = 'bounce'
  AND c.oid::regclass::text IN ('bounce.rule', 'bounce.rule_id_seq', 'bounce.reason_kind')
ORDER BY 1;

-- Which rule decided, shown by its note.
CREATE FUNCTION pg_temp.why(d text, tenant text DEFAULT NULL, code int DEFAULT NULL,
                            st bounce.smtp_status DEFAULT NULL, remote text DEFAULT NULL)
RETURNS TABLE (reason bounce.reason, kind bounce.kind, decided_by text, kind_source text)
LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $$
    SELECT e.reason, e.kind, coalesce(r.note, 'built-in'), e.kind_source
    FROM bounce.explain(d, code, st, NULL, remote, tenant) AS e
    LEFT JOIN bounce.rule AS r ON r.id = e.rule_id
$$;

\set d '''550 5.7.1 Message rejected: AcmeGate said no (list 17)'''
SELECT * FROM pg_temp.why(:d);

-- A sender rule wins over the built-in classifier; the kind follows the
-- reason's default.  The pattern is a substring, ASCII case ignored, any
-- run of white space matching any other.
INSERT INTO bounce.rule (pattern, reason, note)
    VALUES (E'acmegate \n said', 'filtered', 'global acmegate said');
SELECT * FROM pg_temp.why(:d);
SELECT bounce.reason_for('550 ACMEGATE SAID no'), bounce.kind_for('550 ACMEGATE SAID no'),
       bounce.classify('550 ACMEGATE SAID no');
SELECT bounce.reason_for(E'550 acmegate  said no') AS two_spaces,
       bounce.reason_for(E'550 AcmeGate\r\n\tsaid no') AS line_break,
       bounce.reason_for('550 acmegatesaid no') AS no_space;

-- Not a regular expression: dots and brackets are plain characters.
INSERT INTO bounce.rule (pattern, reason, note)
    VALUES ('list 1.', 'rejected', 'global list 1.');
SELECT * FROM pg_temp.why('bounced: list 17') UNION ALL SELECT * FROM pg_temp.why('bounced: list 1.');
DELETE FROM bounce.rule WHERE note = 'global list 1.';

-- Precedence: priority, then a tenant's own rule, then the longer pattern,
-- then the lower id.
INSERT INTO bounce.rule (pattern, reason, note)
    VALUES ('acmegate', 'blocked', 'global acmegate');
SELECT * FROM pg_temp.why(:d);
INSERT INTO bounce.rule (tenant, pattern, reason, note)
    VALUES ('acme', 'acmegate', 'spam_detected', 'acme acmegate');
SELECT t AS tenant, w.* FROM unnest(ARRAY['acme', 'other', NULL]) AS t, pg_temp.why(:d, t) AS w;
INSERT INTO bounce.rule (pattern, reason, priority, note)
    VALUES ('no', 'policy_violation', 10, 'global no, priority 10');
SELECT t AS tenant, w.* FROM unnest(ARRAY['acme', 'other', NULL]) AS t, pg_temp.why(:d, t) AS w;
INSERT INTO bounce.rule (tenant, pattern, reason, priority, note)
    VALUES ('acme', 'list', 'bad_reputation', 10, 'acme list, priority 10');
SELECT t AS tenant, w.* FROM unnest(ARRAY['acme', 'other', NULL]) AS t, pg_temp.why(:d, t) AS w;
INSERT INTO bounce.rule (pattern, reason, priority, note)
    VALUES ('no', 'virus_detected', 10, 'global no, priority 10, later');
SELECT * FROM pg_temp.why(:d);
UPDATE bounce.rule SET priority = -1 WHERE priority = 10;
SELECT t AS tenant, w.* FROM unnest(ARRAY['acme', 'other', NULL]) AS t, pg_temp.why(:d, t) AS w;
DELETE FROM bounce.rule;

-- Conditions on codes (given or found in the text) and provider.
INSERT INTO bounce.rule (pattern, status_prefix, reason, note)
    VALUES ('', '5.7', 'policy_violation', 'any 5.7');
INSERT INTO bounce.rule (pattern, status_prefix, reason, note)
    VALUES ('', '5.7.26', 'auth_failure', 'exactly 5.7.26');
INSERT INTO bounce.rule (pattern, reply_code, reason, note)
    VALUES ('try later', 421, 'speeding', '421 try later');
INSERT INTO bounce.rule (pattern, provider, reason, note)
    VALUES ('access denied', 'microsoft', 'blocked', 'microsoft access denied');
SELECT d, w.*
FROM (VALUES ('550 5.7.1 whatever'), ('550 5.7.26 whatever'), ('550 5.7.260 whatever'),
             ('550 5.1.1 user unknown'), ('421 4.7.0 try later'), ('451 4.7.0 try later'),
             ('try later')) AS t(d),
     pg_temp.why(d) AS w;
SELECT * FROM pg_temp.why('try later', code => 421);
SELECT * FROM pg_temp.why('whatever', st => '5.7.3');
SELECT remote, w.*
FROM (VALUES ('example-com.mail.protection.outlook.com'), ('hotmail.com'), ('mx.example.org'), (NULL)) AS t(remote),
     pg_temp.why('550 5.4.1 Access denied', remote => remote) AS w;
DELETE FROM bounce.rule;

-- The reason -> kind map: for all tenants, then a tenant's own.
SELECT bounce.kind_of('mailbox_full') AS default_kind, bounce.kind_for('552 5.2.2 mailbox full') AS classified;
INSERT INTO bounce.reason_kind (reason, kind) VALUES ('mailbox_full', 'hard');
SELECT bounce.kind_of('mailbox_full') AS global, bounce.kind_of('mailbox_full', 'acme') AS acme,
       (bounce.classify('552 5.2.2 mailbox full')).kind AS classified;
SELECT * FROM pg_temp.why('552 5.2.2 mailbox full');
INSERT INTO bounce.reason_kind (tenant, reason, kind) VALUES ('acme', 'mailbox_full', 'soft'),
                                                             ('acme', 'bad_reputation', 'hard');
SELECT t AS tenant, bounce.kind_of('mailbox_full', t) AS mailbox_full,
       bounce.kind_of('bad_reputation', t) AS bad_reputation,
       bounce.kind_for('552 5.2.2 mailbox full', tenant => t) AS classified
FROM unnest(ARRAY['acme', 'other', NULL]) AS t;
SELECT * FROM pg_temp.why('552 5.2.2 mailbox full', 'acme');
-- The built-in functions ignore the map and the rules.
SELECT bounce.kind_builtin('552 5.2.2 mailbox full');
-- One row per (tenant, reason), NULL tenants included.
INSERT INTO bounce.reason_kind (reason, kind) VALUES ('mailbox_full', 'soft');
INSERT INTO bounce.reason_kind (tenant, reason, kind) VALUES ('acme', 'mailbox_full', 'hard');
-- A rule's reason goes through the map too.
INSERT INTO bounce.rule (pattern, reason, note) VALUES ('full', 'bad_reputation', 'full is reputation');
SELECT * FROM pg_temp.why('552 5.2.2 mailbox full', 'acme');
DELETE FROM bounce.rule;
DELETE FROM bounce.reason_kind;

-- The cache follows every change from the next statement on.
\set q 'SELECT bounce.reason_for(''550 5.7.1 zorkmid refused'')'
:q;
INSERT INTO bounce.rule (pattern, reason) VALUES ('zorkmid', 'spam_detected');
:q;
UPDATE bounce.rule SET reason = 'virus_detected';
:q;
DELETE FROM bounce.rule;
:q;
INSERT INTO bounce.rule (pattern, reason) VALUES ('zorkmid', 'spam_detected');
TRUNCATE bounce.rule;
:q;
-- Inside a transaction, and undone by ROLLBACK.
BEGIN;
INSERT INTO bounce.rule (pattern, reason) VALUES ('zorkmid', 'no_relaying');
:q;
ROLLBACK;
:q;
BEGIN;
INSERT INTO bounce.rule (pattern, reason) VALUES ('zorkmid', 'no_relaying');
SAVEPOINT s;
UPDATE bounce.rule SET reason = 'require_ptr';
:q;
ROLLBACK TO SAVEPOINT s;
:q;
COMMIT;
:q;
-- The map as well.
INSERT INTO bounce.reason_kind (reason, kind) VALUES ('no_relaying', 'undetermined');
SELECT bounce.kind_for('550 5.7.1 zorkmid refused');
UPDATE bounce.reason_kind SET kind = 'soft';
SELECT bounce.kind_for('550 5.7.1 zorkmid refused');
TRUNCATE bounce.reason_kind;
SELECT bounce.kind_for('550 5.7.1 zorkmid refused');

-- Parallel workers read the rules too.
CREATE TABLE rules_many AS
SELECT i, CASE WHEN i % 4 = 0 THEN '550 5.7.1 zorkmid refused' ELSE '552 5.2.2 mailbox full' END AS d
FROM generate_series(1, 4000) i;
ANALYZE rules_many;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT bounce.reason_for(d), count(*) FROM rules_many GROUP BY 1;
SELECT bounce.reason_for(d), count(*) FROM rules_many GROUP BY 1 ORDER BY 1;
RESET ALL;
DROP TABLE rules_many;
DELETE FROM bounce.rule;

-- Checks on the rule table.
\set VERBOSITY terse
INSERT INTO bounce.rule (pattern, status_prefix, reason) VALUES ('x', '6.1', 'blocked');
INSERT INTO bounce.rule (pattern, status_prefix, reason) VALUES ('x', '5.1.1.1', 'blocked');
INSERT INTO bounce.rule (pattern, status_prefix, reason) VALUES ('x', '5.x', 'blocked');
INSERT INTO bounce.rule (pattern, status_prefix, reason) VALUES ('x', '5.1000', 'blocked');
INSERT INTO bounce.rule (pattern, status_prefix, reason) VALUES ('x', '5.', 'blocked');
INSERT INTO bounce.rule (pattern, status_prefix, reason) VALUES ('x', ' 5.1', 'blocked');
INSERT INTO bounce.rule (pattern, reply_code, reason) VALUES ('x', 600, 'blocked');
INSERT INTO bounce.rule (pattern, reply_code, reason) VALUES ('x', 350, 'blocked');
INSERT INTO bounce.rule (pattern, provider, reason) VALUES ('x', 'hotmail', 'blocked');
INSERT INTO bounce.rule (pattern, provider, reason) VALUES ('x', 'unknown', 'blocked');
INSERT INTO bounce.rule (pattern, reason) VALUES ('', 'blocked');
INSERT INTO bounce.rule (pattern, reason) VALUES (repeat('x', 1001), 'blocked');
INSERT INTO bounce.rule (pattern, reason) VALUES (NULL, 'blocked');
INSERT INTO bounce.rule (pattern, reason) VALUES ('x', 'no_such_reason');
INSERT INTO bounce.rule (id, pattern, reason) VALUES (1, 'x', 'blocked');
INSERT INTO bounce.rule (pattern, status_prefix, reply_code, provider, reason)
    VALUES ('', '5', 550, 'google', 'blocked'), ('x', '4.7', NULL, NULL, 'speeding'),
           ('x', '2.0.0', 250, 'yahoo', 'delivered');
\set VERBOSITY default
SELECT count(*) AS accepted FROM bounce.rule;
DELETE FROM bounce.rule;
SELECT bounce.is_provider('google') AS google, bounce.is_provider('Google') AS "Google",
       bounce.is_provider('gmail') AS gmail, bounce.is_provider('unknown') AS unknown;

-- The trigger function insists on being an AFTER statement trigger.
CREATE TEMP TABLE misuse (x int);
CREATE TRIGGER misuse BEFORE INSERT ON misuse FOR EACH ROW EXECUTE FUNCTION bounce.rules_changed();
INSERT INTO misuse VALUES (1);
DROP TABLE misuse;

-- The triggers fire in every replication role: rows written by a logical
-- replication worker or with session_replication_role = replica are seen.
SET session_replication_role = replica;
INSERT INTO bounce.rule (pattern, reason) VALUES ('zorkmid', 'blocked');
RESET session_replication_role;
SELECT bounce.reason_for('550 zorkmid here');
DELETE FROM bounce.rule;

-- DROP EXTENSION and CREATE EXTENSION in one session: the cached enum OIDs
-- and table OIDs are forgotten.  In a scratch database, to leave this one
-- as it was.
SELECT current_database() AS regress_db \gset
CREATE DATABASE bounce_rules_reinstall;
\c bounce_rules_reinstall
CREATE EXTENSION bounce;
INSERT INTO bounce.rule (pattern, reason) VALUES ('zorkmid', 'spam_detected');
INSERT INTO bounce.reason_kind (reason, kind) VALUES ('mailbox_full', 'hard');
SELECT bounce.classify('550 5.7.1 zorkmid refused'), bounce.kind_of('mailbox_full');
DROP EXTENSION bounce;
CREATE EXTENSION bounce;
SELECT bounce.classify('550 5.7.1 zorkmid refused'), bounce.kind_of('mailbox_full');
INSERT INTO bounce.rule (pattern, reason) VALUES ('zorkmid', 'rejected');
SELECT bounce.classify('550 5.7.1 zorkmid refused');
-- A value added to an enum means nothing to the library: a rule or mapping
-- using it is skipped with a warning (the others still apply), and asking
-- for its kind is refused.
ALTER TYPE bounce.reason ADD VALUE 'local_reason';
INSERT INTO bounce.rule (pattern, reason, priority) VALUES ('zorkmid', 'local_reason', 9);
INSERT INTO bounce.reason_kind (reason, kind) VALUES ('local_reason', 'soft');
SELECT bounce.classify('550 5.7.1 zorkmid refused');
SELECT bounce.kind_of('local_reason');
\c :regress_db
DROP DATABASE bounce_rules_reinstall;
SELECT count(*) AS rules_left FROM bounce.rule;
