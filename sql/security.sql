-- Hostile callers with little privilege (issue 10): the trigger functions
-- of the extension check where they are attached before reading a column,
-- the suppression audit cannot be skipped by a setting an ordinary role may
-- change, and CREATE EXTENSION refuses a schema "bounce" it does not own.
SET timezone TO 'UTC';
SET client_min_messages TO warning;

CREATE ROLE regress_sec_reader;		-- what the README grants readers
GRANT USAGE ON SCHEMA bounce TO regress_sec_reader;
CREATE ROLE regress_sec_inserter;	-- may add suppressions by hand
GRANT USAGE ON SCHEMA bounce TO regress_sec_inserter;
GRANT INSERT ON bounce.suppression TO regress_sec_inserter;

-- Which trigger functions PUBLIC may attach: only none of those made for
-- the extension's own tables (the rest are granted by a DBA too).
SELECT p.oid::regprocedure AS function,
	   has_function_privilege('regress_sec_reader', p.oid, 'EXECUTE') AS reader_may_attach
FROM pg_proc p
WHERE p.pronamespace = 'bounce'::regnamespace AND p.prorettype = 'trigger'::regtype
ORDER BY p.proname;

-- The reproduction of the issue: refused at CREATE TRIGGER now.
SET ROLE regress_sec_reader;
CREATE TEMP TABLE f (tenant int, address text, reason bounce.suppression_reason);
CREATE TRIGGER t AFTER INSERT ON f FOR EACH ROW EXECUTE FUNCTION bounce.suppression_audited();
RESET ROLE;

-- A DBA who grants EXECUTE on every trigger function all the same: each
-- one refuses a table it was not made for, before reading any column, with
-- a clean error -- no crash, no audit row.
GRANT EXECUTE ON FUNCTION bounce.suppression_audited(), bounce.rules_changed(),
	bounce.policy_replace_default(), bounce.keep_complaints(),
	bounce.restrict_confirmed_removal(), bounce.refuse_suppressed(),
	bounce.protect_recent(), bounce.track() TO regress_sec_reader;
SET ROLE regress_sec_reader;
\set VERBOSITY default
CREATE TRIGGER t AFTER INSERT ON f FOR EACH ROW EXECUTE FUNCTION bounce.suppression_audited();
INSERT INTO f VALUES (42, 'a@b.c', 'manual');
CREATE TEMP TABLE g (tenant text, address text, reason bounce.suppression_reason);
CREATE TRIGGER t AFTER INSERT OR DELETE ON g FOR EACH ROW EXECUTE FUNCTION bounce.suppression_audited();
INSERT INTO g VALUES ('forged', 'a@b.c', 'manual');
CREATE TEMP TABLE h (x int);
CREATE TRIGGER t AFTER INSERT ON h FOR EACH ROW EXECUTE FUNCTION bounce.suppression_audited();
INSERT INTO h VALUES (1);
DROP TRIGGER t ON h;
\set VERBOSITY terse
CREATE TRIGGER t AFTER INSERT ON h FOR EACH STATEMENT EXECUTE FUNCTION bounce.rules_changed();
INSERT INTO h VALUES (1);
DROP TRIGGER t ON h;
CREATE TRIGGER t BEFORE INSERT ON h FOR EACH ROW EXECUTE FUNCTION bounce.policy_replace_default();
INSERT INTO h VALUES (1);
DROP TRIGGER t ON h;
-- each on a table of its own that already holds a row
CREATE TEMP TABLE k (LIKE g);
INSERT INTO k VALUES ('x', 'a@b.c', 'complaint');
CREATE TRIGGER t BEFORE DELETE ON k FOR EACH ROW EXECUTE FUNCTION bounce.keep_complaints();
DELETE FROM k;
CREATE TRIGGER u BEFORE TRUNCATE ON k FOR EACH STATEMENT EXECUTE FUNCTION bounce.keep_complaints();
TRUNCATE k;
CREATE TEMP TABLE r (tenant text, address text, status text, last_sent_at timestamptz);
INSERT INTO r VALUES ('x', 'a@b.c', 'confirmed', now());
CREATE TRIGGER t AFTER DELETE ON r FOR EACH ROW EXECUTE FUNCTION bounce.restrict_confirmed_removal();
DELETE FROM r;
-- the triggers for the sender's tables check their columns' types (their
-- messages name the temporary schema: SQLSTATEs only)
\set VERBOSITY sqlstate
CREATE TEMP TABLE c (tenant int, address int, reason bounce.suppression_reason);
INSERT INTO c VALUES (1, 1, 'manual');
CREATE TRIGGER t BEFORE INSERT ON c FOR EACH ROW
	EXECUTE FUNCTION bounce.refuse_suppressed('address=address');
INSERT INTO c VALUES (1, 2, 'manual');
DROP TRIGGER t ON c;
CREATE TRIGGER p AFTER DELETE ON c FOR EACH ROW
	EXECUTE FUNCTION bounce.protect_recent('address=reason');
DELETE FROM c;
DROP TRIGGER p ON c;
CREATE TRIGGER tr AFTER INSERT ON c FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=tenant', 'event=reason', 'time=address');
INSERT INTO c VALUES (1, 3, 'manual');
-- and their firing
CREATE TEMP TABLE l (address text);
CREATE TRIGGER t AFTER INSERT ON l FOR EACH ROW
	EXECUTE FUNCTION bounce.refuse_suppressed('address=address');
INSERT INTO l VALUES ('a@b.c');
CREATE TEMP TABLE e (address text, event text, at timestamptz);
CREATE TRIGGER t BEFORE INSERT ON e FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=address', 'event=event', 'time=at');
INSERT INTO e VALUES ('a@b.c', 'sent', now());
\set VERBOSITY default
SELECT 'still connected' AS session;
RESET ROLE;
SELECT count(*) AS forged_audit_rows FROM bounce.suppression_audit
WHERE address = 'a@b.c' OR tenant = 'forged';
REVOKE EXECUTE ON FUNCTION bounce.suppression_audited(), bounce.rules_changed(),
	bounce.policy_replace_default(), bounce.keep_complaints(),
	bounce.restrict_confirmed_removal(), bounce.refuse_suppressed(),
	bounce.protect_recent(), bounce.track() FROM regress_sec_reader;

-- On its own table, fired the wrong way (only an owner could do this).
\set VERBOSITY terse
BEGIN;
CREATE TRIGGER wrong BEFORE INSERT ON bounce.suppression
	FOR EACH ROW EXECUTE FUNCTION bounce.suppression_audited();
INSERT INTO bounce.suppression (tenant, address, reason) VALUES ('sec', 'w@sec.test', 'manual');
ROLLBACK;
BEGIN;
CREATE TRIGGER wrong BEFORE INSERT ON bounce.policy
	FOR EACH STATEMENT EXECUTE FUNCTION bounce.rules_changed();
INSERT INTO bounce.policy (tenant) VALUES ('sec');
ROLLBACK;
\set VERBOSITY default

-- The audit cannot be skipped: check_function_bodies = off (what a restore
-- runs with) is honoured only for a superuser or the extension's owner.
SET ROLE regress_sec_inserter;
SET check_function_bodies = off;
INSERT INTO bounce.suppression (tenant, address, reason) VALUES ('sec', 'skip@sec.test', 'manual');
RESET check_function_bodies;
RESET ROLE;
SELECT tenant, address, action, reason, who FROM bounce.suppression_audit
WHERE tenant = 'sec' ORDER BY id;
-- a restore, run by the superuser, brings its own audit rows
SET check_function_bodies = off;
INSERT INTO bounce.suppression (tenant, address, reason) VALUES ('sec', 'restored@sec.test', 'manual');
RESET check_function_bodies;
SELECT count(*) AS audit_rows_of_restore FROM bounce.suppression_audit
WHERE address = 'restored@sec.test';
DELETE FROM bounce.suppression WHERE tenant = 'sec';
DELETE FROM bounce.suppression_audit WHERE tenant = 'sec';

-- A schema "bounce" made beforehand by someone else (here the database's
-- owner, not a superuser) is refused: its owner could drop the extension
-- with DROP SCHEMA ... CASCADE.  In a database of its own.
\set regress_db :DBNAME
CREATE ROLE regress_sec_dbowner;
CREATE ROLE regress_sec_installer SUPERUSER;
CREATE DATABASE regression_bounce_schema OWNER regress_sec_dbowner;
\c regression_bounce_schema
SET client_min_messages TO warning;
SET ROLE regress_sec_dbowner;
CREATE SCHEMA bounce;
SET ROLE regress_sec_installer;
CREATE EXTENSION bounce;
SELECT count(*) AS extensions FROM pg_extension WHERE extname = 'bounce';
SELECT count(*) AS functions_left FROM pg_proc WHERE pronamespace = 'bounce'::regnamespace;
DROP SCHEMA bounce;
-- a schema of the installing role is fine, and one CREATE EXTENSION makes
CREATE SCHEMA bounce;
CREATE EXTENSION bounce;
DROP EXTENSION bounce;
DROP SCHEMA bounce;
CREATE EXTENSION bounce;
SELECT n.nspowner = e.extowner AS schema_is_the_installers
FROM pg_namespace n, pg_extension e
WHERE n.nspname = 'bounce' AND e.extname = 'bounce';
RESET ROLE;
\c :regress_db
SET client_min_messages TO warning;
DROP DATABASE regression_bounce_schema;

REVOKE ALL ON bounce.suppression FROM regress_sec_inserter;
REVOKE ALL ON SCHEMA bounce FROM regress_sec_reader, regress_sec_inserter;
DROP ROLE regress_sec_reader, regress_sec_inserter, regress_sec_dbowner, regress_sec_installer;
