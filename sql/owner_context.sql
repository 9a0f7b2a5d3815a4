-- What the extension runs as its owner (the suppression list, the audit,
-- the invalid list, the archive) or as a tracked table's owner (the replay
-- of an address) is a security-restricted operation with search_path
-- pinned to pg_catalog, in a GUC nest level unwound after it, as
-- PostgreSQL runs an index expression as the table's owner.  Two attacks
-- found by a review, each refused.
SET timezone TO 'UTC';
SET client_min_messages TO warning;

-- 1. A DBA's trigger on bounce.suppression (a log, written without a
--    pinned search_path) fires as the extension's owner, a superuser, when
--    a complaint is listed.  A role that may only insert events, and owns a
--    schema, put an operator || there that makes it superuser, and set its
--    search_path to that schema before inserting a complaint.
CREATE ROLE regress_oc_app;
CREATE SCHEMA regress_oc_app AUTHORIZATION regress_oc_app;
CREATE TABLE oc_events (email text, type text, at timestamptz);
SELECT bounce.track_events('oc_events', 'email', 'type', NULL, 'at') IS NOT NULL AS tracked;
GRANT INSERT ON oc_events TO regress_oc_app;
CREATE TABLE oc_supp_log (line text);
CREATE FUNCTION oc_log_supp() RETURNS trigger LANGUAGE plpgsql AS
$$BEGIN
	INSERT INTO public.oc_supp_log VALUES (NEW.address || ' ' || NEW.reason);
	RETURN NULL;
END$$;
CREATE TRIGGER oc_log_supp AFTER INSERT ON bounce.suppression
	FOR EACH ROW EXECUTE FUNCTION oc_log_supp();
SET ROLE regress_oc_app;
CREATE FUNCTION regress_oc_app.cat(text, text) RETURNS text LANGUAGE plpgsql AS
$$BEGIN
	EXECUTE 'ALTER ROLE regress_oc_app SUPERUSER';
	RETURN $1 OPERATOR(pg_catalog.||) $2;
END$$;
CREATE OPERATOR regress_oc_app.|| (leftarg = text, rightarg = text, function = regress_oc_app.cat);
SET search_path = regress_oc_app, pg_catalog;	-- the attack
INSERT INTO public.oc_events VALUES ('victim@oc.test', 'complaint', '2024-02-01');
RESET search_path;
RESET ROLE;
SELECT rolsuper FROM pg_roles WHERE rolname = 'regress_oc_app';
SELECT line FROM oc_supp_log;

-- 2. The owner of a tracked table (with EXECUTE on bounce.track()) gives
--    its tenant column a type of its own with a cast from text.  A replay
--    of an address reads every tracked table, that one as its owner, and
--    casts the tenant: the cast changed the search_path of the session
--    that caused the replay (here a superuser's) for good.
CREATE ROLE regress_oc_owner;
GRANT USAGE ON SCHEMA bounce TO regress_oc_owner;
GRANT EXECUTE ON FUNCTION bounce.track() TO regress_oc_owner;
CREATE SCHEMA regress_oc_owner AUTHORIZATION regress_oc_owner;
SET ROLE regress_oc_owner;
CREATE TYPE regress_oc_owner.ten AS ENUM ('A', 'B');
CREATE FUNCTION regress_oc_owner.text_to_ten(text) RETURNS regress_oc_owner.ten
	LANGUAGE plpgsql AS
$$BEGIN
	PERFORM pg_catalog.set_config('search_path', 'regress_oc_owner, pg_catalog', false);
	RETURN CASE WHEN $1 OPERATOR(pg_catalog.=) 'A' THEN 'A'::regress_oc_owner.ten
		   ELSE 'B'::regress_oc_owner.ten END;
END$$;
CREATE CAST (text AS regress_oc_owner.ten) WITH FUNCTION regress_oc_owner.text_to_ten(text);
CREATE TABLE regress_oc_owner.mev (tenant regress_oc_owner.ten, email text, type text, at timestamptz);
CREATE TRIGGER mev_track AFTER INSERT ON regress_oc_owner.mev FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=at', 'tenant=tenant');
INSERT INTO regress_oc_owner.mev VALUES ('A', 'late@oc.test', 'sent', '2024-01-01');
RESET ROLE;
CREATE TABLE oc_events2 (tenant text, email text, type text, at timestamptz);
SELECT bounce.track_events('oc_events2', 'email', 'type', NULL, 'at', tenant => 'tenant') IS NOT NULL AS tracked;
INSERT INTO oc_events2 VALUES ('A', 'late@oc.test', 'sent', '2024-03-01');
INSERT INTO oc_events2 VALUES ('A', 'late@oc.test', 'open', '2024-02-01');	-- out of order: a replay
SHOW search_path;
SELECT tenant, address, last_sent_at, last_event FROM bounce.address_state WHERE address = 'late@oc.test';

-- 3. A DBA who is not a superuser runs rebuild() (granted EXECUTE, and
--    read access to the tracked tables).  A tracked table's owner put a
--    row security policy on it that calls a function of its own: that
--    function ran as the DBA while rebuild() read the table, and changed
--    the DBA's session.  rebuild() now reads each table as its owner.
CREATE ROLE regress_oc_dba;
GRANT USAGE ON SCHEMA bounce TO regress_oc_dba;
GRANT EXECUTE ON FUNCTION bounce.rebuild(regclass) TO regress_oc_dba;
GRANT pg_read_all_data TO regress_oc_dba;
SET ROLE regress_oc_owner;
CREATE FUNCTION regress_oc_owner.spy() RETURNS boolean LANGUAGE plpgsql AS
$$BEGIN
	PERFORM pg_catalog.set_config('search_path', 'regress_oc_owner, pg_catalog', false);
	RETURN true;
END$$;
CREATE TABLE regress_oc_owner.rls_ev (email text, type text, at timestamptz);
CREATE TRIGGER rls_ev_track AFTER INSERT ON regress_oc_owner.rls_ev FOR EACH ROW
	EXECUTE FUNCTION bounce.track('address=email', 'event=type', 'time=at');
INSERT INTO regress_oc_owner.rls_ev VALUES ('rls@oc.test', 'sent', '2024-01-01');
ALTER TABLE regress_oc_owner.rls_ev ENABLE ROW LEVEL SECURITY;
CREATE POLICY spy ON regress_oc_owner.rls_ev USING (regress_oc_owner.spy());
RESET ROLE;
SET ROLE regress_oc_dba;
SELECT addresses, events_replayed FROM bounce.rebuild('regress_oc_owner.rls_ev');
SHOW search_path;
RESET ROLE;

-- the owner context still does its work: the complaint is listed
SELECT tenant, address, reason, derived FROM bounce.suppression WHERE address LIKE '%@oc.test';

DROP TRIGGER oc_log_supp ON bounce.suppression;
DROP FUNCTION oc_log_supp();
SET session_replication_role = replica;
DELETE FROM bounce.suppression WHERE address LIKE '%@oc.test';
RESET session_replication_role;
DELETE FROM bounce.suppression_audit WHERE address LIKE '%@oc.test';
DELETE FROM bounce.address_state WHERE address LIKE '%@oc.test';
DROP TABLE oc_events, oc_events2, oc_supp_log;
DROP OWNED BY regress_oc_app, regress_oc_owner, regress_oc_dba CASCADE;
DROP ROLE regress_oc_app, regress_oc_owner, regress_oc_dba;
