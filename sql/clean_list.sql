-- bounce.clean_list() (SPEC section 4): remove from a sender's list the
-- addresses that hard bounced, soft bounced or are confirmed bounces (or
-- are suppressed, or invalid), skipping and reporting those the delete
-- restriction protects; one statement, the caller's privileges.

\set SHOW_CONTEXT never

INSERT INTO bounce.address_state (tenant, address, status, suppression_reason,
		hard_streak, soft_streak, last_kind, last_sent_at) VALUES
	('cl', 'confirmed-old@example.com', 'confirmed', NULL, 3, 0, 'hard', '2000-01-01 00:00+00'),
	('cl', 'confirmed-new@example.com', 'confirmed', NULL, 3, 0, 'hard', '2100-01-01 00:00+00'),
	('cl', 'hard@example.com', 'active', NULL, 1, 0, 'hard', '2000-01-01 00:00+00'),
	('cl', 'hard-new@example.com', 'active', NULL, 2, 0, 'hard', now() - interval '1 hour'),
	('cl', 'soft@example.com', 'active', NULL, 0, 2, 'soft', '2000-01-01 00:00+00'),
	('cl', 'soft-suppressed@example.com', 'suppressed', 'soft_bounce', 0, 5, 'soft', '2000-01-01 00:00+00'),
	('cl', 'unsubscribed@example.com', 'suppressed', 'unsubscribe', 0, 0, NULL, '2000-01-01 00:00+00'),
	('cl', 'engaged@example.com', 'active', NULL, 0, 0, 'hard', '2000-01-01 00:00+00'),
	('cl', 'clean@example.com', 'active', NULL, 0, 0, NULL, '2100-01-01 00:00+00'),
	('cl-other', 'hard@example.com', 'active', NULL, 1, 0, 'hard', '2000-01-01 00:00+00');
INSERT INTO bounce.suppression (tenant, address, reason, suppressed_at, source) VALUES
	('cl', 'unsubscribed@example.com', 'unsubscribe', '2000-01-02 00:00+00', 'footer link'),
	('cl', 'manual@example.com', 'manual', '2000-01-02 00:00+00', 'support');

CREATE TABLE list (
	id serial PRIMARY KEY,
	account text,
	email text
);
CREATE FUNCTION pg_temp.fill() RETURNS void LANGUAGE sql AS $$
	TRUNCATE list;
	INSERT INTO list (account, email) VALUES
		('cl', 'Confirmed-Old@Example.com'),
		('cl', 'confirmed-old@example.com'),
		('cl', 'confirmed-new@example.com'),
		('cl', 'hard@example.com'),
		('cl', 'hard-new@example.com'),
		('cl', 'soft@example.com'),
		('cl', 'soft-suppressed@example.com'),
		('cl', 'unsubscribed@example.com'),
		('cl', 'manual@example.com'),
		('cl', 'engaged@example.com'),
		('cl', 'clean@example.com'),
		('cl', 'unknown@example.com'),
		('cl', 'no-at-sign.example.com'),
		('cl', NULL),
		('cl-other', 'hard@example.com'),
		('cl-other', 'soft@example.com'),
		(NULL, 'hard@example.com');
$$;
SELECT pg_temp.fill();

-- a dry run: what would go, what stays; nothing is removed
SELECT * FROM bounce.clean_list('list', 'email', 'account', dry_run => true);
SELECT count(*) AS rows FROM list;

-- the default: confirmed, hard, soft
SELECT * FROM bounce.clean_list('list', 'email', 'account');
SELECT account, email FROM list ORDER BY id;

-- one category at a time; a category counts the rows it takes first, in
-- the order confirmed, hard, soft, suppressed, invalid
SELECT pg_temp.fill();
SELECT * FROM bounce.clean_list('list', 'email', 'account', '{confirmed}');
SELECT * FROM bounce.clean_list('list', 'email', 'account', '{hard}');
SELECT * FROM bounce.clean_list('list', 'email', 'account', '{invalid,suppressed,soft}');
SELECT account, email FROM list ORDER BY id;

-- without a tenant column every row is of tenant ''
SELECT pg_temp.fill();
SELECT * FROM bounce.clean_list('list', 'email', remove => '{confirmed,hard,soft,suppressed}');

-- the restriction's window is the tenant's policy
SELECT pg_temp.fill();
INSERT INTO bounce.policy (tenant, recent_send_window) VALUES ('cl', '0');
SELECT * FROM bounce.clean_list('list', 'email', 'account', '{confirmed,hard}');
DELETE FROM bounce.policy WHERE tenant = 'cl';

-- bad arguments
SELECT * FROM bounce.clean_list('list', 'email', 'account', '{hard,bounced}');
SELECT * FROM bounce.clean_list('list', 'email', 'account', '{}');
SELECT * FROM bounce.clean_list('list', 'email', 'account', NULL);
SELECT * FROM bounce.clean_list('list', 'mail', 'account');
SELECT * FROM bounce.clean_list('list', 'email', 'tenant');
SELECT * FROM bounce.clean_list('list', 'id', 'account');
SELECT * FROM bounce.clean_list(NULL, 'email');
CREATE VIEW list_view AS SELECT * FROM list;
SELECT * FROM bounce.clean_list('list_view', 'email', 'account');
DROP VIEW list_view;

-- all or nothing: an error on one row removes none
SELECT pg_temp.fill();
CREATE FUNCTION pg_temp.refuse_soft() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.email = 'soft@example.com' THEN
		RAISE EXCEPTION 'soft@example.com is special';
	END IF;
	RETURN OLD;
END
$$;
CREATE TRIGGER list_refuse_soft BEFORE DELETE ON list FOR EACH ROW EXECUTE FUNCTION pg_temp.refuse_soft();
SELECT * FROM bounce.clean_list('list', 'email', 'account');
SELECT count(*) AS rows FROM list;
DROP TRIGGER list_refuse_soft ON list;

-- the list's own delete restriction agrees: the rows clean_list keeps are
-- those protect_recent() would refuse
CREATE CONSTRAINT TRIGGER list_recent AFTER DELETE ON list
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
	EXECUTE FUNCTION bounce.protect_recent('address=email', 'tenant=account');
SELECT * FROM bounce.clean_list('list', 'email', 'account', '{confirmed,hard}');
DELETE FROM list WHERE email = 'confirmed-new@example.com';
DROP TRIGGER list_recent ON list;

-- the caller's privileges: on the list, and to read the state
CREATE ROLE cl_cleaner;
GRANT USAGE ON SCHEMA bounce TO cl_cleaner;
GRANT SELECT, DELETE ON list TO cl_cleaner;
SELECT pg_temp.fill();
SET ROLE cl_cleaner;
SELECT * FROM bounce.clean_list('list', 'email', 'account');
RESET ROLE;
GRANT SELECT ON bounce.address_state, bounce.suppression TO cl_cleaner;
REVOKE DELETE ON list FROM cl_cleaner;
SET ROLE cl_cleaner;
SELECT * FROM bounce.clean_list('list', 'email', 'account');
RESET ROLE;
GRANT DELETE ON list TO cl_cleaner;
SET ROLE cl_cleaner;
SELECT * FROM bounce.clean_list('list', 'email', 'account', '{confirmed}');
RESET ROLE;
SELECT count(*) AS rows FROM list;

-- names that need quoting, an integer tenant, a partitioned table
CREATE TABLE "My List" ("Account Id" bigint, "E-mail" varchar(254), kind text)
	PARTITION BY LIST (kind);
CREATE TABLE "My List a" PARTITION OF "My List" FOR VALUES IN ('a');
CREATE TABLE "My List b" PARTITION OF "My List" FOR VALUES IN ('b');
INSERT INTO bounce.address_state (tenant, address, status, hard_streak, last_sent_at) VALUES
	('8001', 'x@example.com', 'confirmed', 3, '2000-01-01 00:00+00');
INSERT INTO "My List" VALUES (8001, 'X@example.com', 'a'), (8001, 'x@example.com', 'b'),
	(8002, 'x@example.com', 'a'), (8001, 'y@example.com', 'b');
SELECT * FROM bounce.clean_list('"My List"', 'E-mail', 'Account Id', '{confirmed}');
SELECT * FROM "My List" ORDER BY 1, 2;

-- clean up
DROP TABLE list, "My List";
REVOKE ALL ON bounce.address_state, bounce.suppression FROM cl_cleaner;
REVOKE USAGE ON SCHEMA bounce FROM cl_cleaner;
DROP ROLE cl_cleaner;
SET session_replication_role = replica;
DELETE FROM bounce.address_state WHERE tenant IN ('cl', 'cl-other', '8001');
DELETE FROM bounce.suppression WHERE tenant = 'cl';
DELETE FROM bounce.suppression_audit WHERE tenant = 'cl';
RESET session_replication_role;
