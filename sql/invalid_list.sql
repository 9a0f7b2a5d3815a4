-- The invalid-address list (SPEC section 4): addresses that are no RFC 5321
-- mailbox or sit on a typo domain, kept on bounce.invalid_address with a
-- suggested correction and put on the suppression list (reason invalid).
-- bounce.note_invalid() is the SQL entry to what bounce.track() does for
-- each address of its events (bounce_note_invalid() in src/guards.h).

SELECT a AS address, bounce.note_invalid(a, 'inv', 'signup form') AS problem
FROM unnest(ARRAY['John@Gmail.con', 'jane@hotmial.com', 'no-at-sign.example.com',
				  'two@@example.com', 'fine@example.com', 'Fine@Gmail.com']) AS a;
SELECT bounce.note_invalid(NULL, 'inv') AS null_address,
	   bounce.note_invalid('', 'inv') AS empty_address;

SELECT tenant, address, problem, suggestion, source, now() - first_seen < interval '1 hour' AS first_seen_now
FROM bounce.invalid_address WHERE tenant = 'inv' ORDER BY address;

-- each is on the suppression list, not derived from events, audited
SELECT address, reason, source, derived, now() - suppressed_at < interval '1 hour' AS suppressed_now
FROM bounce.suppression WHERE tenant = 'inv' ORDER BY address;
SELECT address, action, reason, who = current_user AS by_me,
	   evidence->>'invalid' AS invalid, evidence->>'suggestion' AS suggestion,
	   evidence->'suppression'->>'reason' AS row_reason
FROM bounce.suppression_audit WHERE tenant = 'inv' ORDER BY id;
SELECT bounce.sendable('john@gmail.con', 'inv') AS sendable_typo,
	   bounce.sendable('john@gmail.con', 'another') AS sendable_elsewhere;

-- seen again: nothing new, the first sighting stays
SELECT bounce.note_invalid('JOHN@gmail.con', 'inv', 'import') AS problem;
SELECT count(*) AS listed, min(source) AS source FROM bounce.invalid_address
WHERE tenant = 'inv' AND address = 'john@gmail.con';
SELECT count(*) AS audit_rows FROM bounce.suppression_audit WHERE tenant = 'inv' AND address = 'john@gmail.con';

-- per tenant, the default tenant '' and source 'manual' by default
SELECT bounce.note_invalid('john@gmail.con') AS problem;
SELECT tenant, address, source FROM bounce.invalid_address
WHERE address = 'john@gmail.con' AND tenant IN ('', 'inv') ORDER BY tenant;

-- an address already suppressed keeps its reason
INSERT INTO bounce.suppression (tenant, address, reason, source)
	VALUES ('inv', 'old@yaho.com', 'unsubscribe', 'footer link');
SELECT bounce.note_invalid('old@yaho.com', 'inv') AS problem;
SELECT reason FROM bounce.suppression WHERE tenant = 'inv' AND address = 'old@yaho.com';

-- the suppression guard of a list then refuses them
CREATE TABLE inv_signups (email text);
CREATE TRIGGER inv_signups_suppressed BEFORE INSERT ON inv_signups FOR EACH ROW
	EXECUTE FUNCTION bounce.refuse_suppressed('address=email');
\set VERBOSITY terse
INSERT INTO inv_signups VALUES ('John@Gmail.con');
\set VERBOSITY default
DROP TABLE inv_signups;

-- the list is dumped with the database (its rows cannot be derived again)
SELECT c.relname
FROM pg_extension e, unnest(e.extconfig) AS cfg(oid)
JOIN pg_class c ON c.oid = cfg.oid
WHERE e.extname = 'bounce' AND c.relname = 'invalid_address';

-- writing the list takes EXECUTE, which PUBLIC does not have
CREATE ROLE inv_user;
GRANT USAGE ON SCHEMA bounce TO inv_user;
SET ROLE inv_user;
SELECT bounce.note_invalid('x@gmail.con', 'inv');
SELECT bounce.address_problem('x@gmail.con');
RESET ROLE;
REVOKE USAGE ON SCHEMA bounce FROM inv_user;
DROP ROLE inv_user;

-- clean up
DELETE FROM bounce.invalid_address WHERE tenant = 'inv' OR (tenant = '' AND address = 'john@gmail.con');
DELETE FROM bounce.suppression WHERE tenant = 'inv' OR (tenant = '' AND address = 'john@gmail.con');
DELETE FROM bounce.suppression_audit WHERE tenant = 'inv' OR (tenant = '' AND address = 'john@gmail.con');
